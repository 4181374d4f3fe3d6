"""A unit's list sent twice is counted once even when the unit is written otherwise in the copy:
its title spelled out, or the list copied into the parent's combined workbook. Two units' short
lists that share a name or two stay two units' people."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

PEOPLE = ["Nguyễn Văn Hùng", "Trần Thị Thuỷ", "Lê Thị Ngọc Ánh", "Phạm Đức Thắng", "Hoàng Thị Hường", "Đỗ Quý Dương"]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua"]


def _list(unit: str, people: list[str], year: int = 2019) -> list[list[object]]:
    return [
        ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [unit],
        [],
        [f"DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM {year}"],
        HEADER,
        *[[i, name, "Giáo viên", "Lao động tiên tiến"] for i, name in enumerate(people, 1)],
    ]


def _tally(folder: Path) -> tuple[int, list[str]]:
    run = CliRunner().invoke(app, ["tally", "2015-2022", str(folder), "-f", "csv", "--by", "year,award", "-q"])
    return run.exit_code, run.stdout.strip().splitlines()[1:]


def test_a_re_send_with_the_unit_spelled_out_is_counted_once(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "ds.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE))
    edited = [*PEOPLE[:-1], "Vũ Thị Yến"]  # one row changed in the copy
    write_xlsx(tmp_path / "ds-gui-lai.xlsx", _list("TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN DU", edited))
    result = load([tmp_path])
    assert len(result.records) == 7
    duplicates = [p for p in result.problems if p.code == "duplicate"]
    # the first in file order ("ds-gui-lai" sorts before "ds.") is counted, the other listed
    assert [(Path(p.file).name, p.row) for p in duplicates] == [("ds.xlsx", r) for r in range(6, 11)]
    assert _tally(tmp_path) == (1, ["2019,Lao động tiên tiến,7"])


def test_a_list_copied_into_the_parents_combined_workbook_is_counted_once(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "thcs-nguyen-du.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE))
    combined = [
        ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        [],
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"],
        ["STT", "Họ và tên", "Đơn vị"],
        *[[i, name, "THCS Nguyễn Du"] for i, name in enumerate(PEOPLE, 1)],
        [7, "Lê Văn An", "THCS Lê Lợi"],
        [8, "Trần Văn Bình", "THCS Lê Lợi"],
    ]
    write_xlsx(tmp_path / "tong-hop.xlsx", combined)
    result = load([tmp_path])
    assert sorted(result.records["name"]) == sorted([*PEOPLE, "Lê Văn An", "Trần Văn Bình"])
    duplicates = [p for p in result.problems if p.code == "duplicate"]
    assert [(p.file.endswith("tong-hop.xlsx"), p.row) for p in duplicates] == [(True, r) for r in range(5, 11)]
    assert _tally(tmp_path) == (1, ["2019,Lao động tiên tiến,8"])


def test_two_units_short_lists_sharing_a_name_are_two_people(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "a.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", ["Nguyễn Văn Hùng", "Trần Thị Thuỷ"]))
    write_xlsx(tmp_path / "b.xlsx", _list("TRƯỜNG TIỂU HỌC LÊ LỢI", ["Nguyễn Văn Hùng", "Lê Văn An"]))
    result = load([tmp_path])
    assert len(result.records) == 4
    assert result.problems == []
    assert _tally(tmp_path) == (0, ["2019,Lao động tiên tiến,4"])


def test_a_units_lists_of_two_years_are_both_counted(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "2019.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE, 2019))
    write_xlsx(tmp_path / "2020.xlsx", _list("TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN DU", PEOPLE, 2020))
    assert _tally(tmp_path) == (0, ["2019,Lao động tiên tiến,6", "2020,Lao động tiên tiến,6"])


def test_two_schools_collectives_of_one_name_are_two_collectives(tmp_path: Path) -> None:
    """Every school has a "Tổ Văn phòng": two schools' lists of collectives named alike are no
    re-send (a collective's name is its unit's), and a re-send of persons still merges."""
    teams = ["Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Văn phòng", "Tổ Khoa học tự nhiên"]
    for n in (1, 2):
        rows = [
            ["PHÒNG GD&ĐT HUYỆN AN LÃO"],
            [f"TRƯỜNG THCS SỐ {n}"],
            ["DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU NĂM HỌC 2019-2020"],
            [],
            ["STT", "Tên tập thể", "Danh hiệu"],
            *[[i, team, "Tập thể lao động tiên tiến"] for i, team in enumerate(teams, 1)],
        ]
        write_xlsx(tmp_path / f"thcs{n}.xlsx", rows)
    result = load([tmp_path])
    assert len(result.records) == 8 and [p.code for p in result.problems] == []
    assert _tally(tmp_path) == (0, ["2020,Tập thể lao động tiên tiến,8"])


def test_two_people_of_one_name_in_one_list_are_told_apart_by_their_positions(tmp_path: Path) -> None:
    rows = _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE[:3])
    rows += [[4, "Nguyễn Văn Hùng", "Bảo vệ", "Lao động tiên tiến"], [5, "Trần Thị Thuỷ", "giáo viên", "LĐTT"]]
    rows += [[6, "Lê Thị Ngọc Ánh", None, "Lao động tiên tiến"]]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = load([path])
    assert list(result.records["name"]) == [*PEOPLE[:3], "Nguyễn Văn Hùng"]
    # the same position (whatever its case) or none: one person listed twice
    assert [(p.code, p.row) for p in result.problems] == [("duplicate", 10), ("duplicate", 11)]
    run = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    found = [(f["code"], f["row"]) for f in json.loads(run.stdout)["findings"]]
    assert ("namesake", 9) in found and ("duplicate", 10) in found


def _differences(folder: Path) -> list[tuple[str, str, int]]:
    run = CliRunner().invoke(app, ["validate", str(folder), "--format", "json"])
    found = json.loads(run.stdout)["findings"]
    return [(Path(f["file"]).parent.name, Path(f["file"]).name, f["row"]) for f in found if f["code"] == "resend-differs"]


def test_an_old_copy_with_a_row_edited_is_pointed_out(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "ds.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE))
    old = _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE)
    old[7][3] = "Chiến sĩ thi đua cơ sở"  # row 8: what the list said before it was corrected
    write_xlsx(tmp_path / "cu" / "ds.xlsx", old)
    assert _tally(tmp_path)[1] == ["2019,Lao động tiên tiến,6", "2019,Chiến sĩ thi đua cơ sở,1"]  # as before: flagged
    assert _differences(tmp_path) == [(tmp_path.name, "ds.xlsx", 8), ("cu", "ds.xlsx", 8)]


def test_a_re_send_adding_another_years_sheet_differs_in_nothing(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "ds.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE))
    more = {"2020": _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE[:2], 2020)}
    write_xlsx(tmp_path / "ds-bo-sung.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE), extra_sheets=more)
    assert _tally(tmp_path)[1] == ["2019,Lao động tiên tiến,6", "2020,Lao động tiên tiến,2"]
    assert _differences(tmp_path) == []


def test_a_re_send_of_mostly_common_names_is_still_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua_cli import dedup

    monkeypatch.setattr(dedup, "RESEND_COPIES", 2)  # a name in 3 files counts as a common one
    write_xlsx(tmp_path / "a.xlsx", _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE))
    write_xlsx(tmp_path / "b.xlsx", _list("TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN DU", PEOPLE))
    others = [*PEOPLE[:3], "Lê Văn An", "Trần Văn Bình", "Vũ Văn Cường"]  # half of them in a and b too
    write_xlsx(tmp_path / "c.xlsx", _list("TRƯỜNG TIỂU HỌC LÊ LỢI", others))
    result = load([tmp_path])
    assert len(result.records) == 12
    assert [Path(p.file).name for p in result.problems if p.code == "duplicate"] == ["b.xlsx"] * 6


def test_a_position_and_its_abbreviation_are_one_person(tmp_path: Path) -> None:
    rows = _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE[:3])
    rows[5][2], rows[7][2] = "Giáo viên", "Tổ trưởng"
    rows += [[4, "Nguyễn Văn Hùng", "GV", "Lao động tiên tiến"], [5, "Lê Thị Ngọc Ánh", "TTCM", "LĐTT"]]
    rows += [[6, "Trần Thị Thuỷ", "Bảo vệ", "Lao động tiên tiến"]]  # another position: a namesake
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert sorted(result.records["name"]) == sorted([*PEOPLE[:3], "Trần Thị Thuỷ"])
    assert [(p.code, p.row) for p in result.problems] == [("duplicate", 9), ("duplicate", 10)]


def test_two_positions_written_out_with_the_same_initials_are_two_people(tmp_path: Path) -> None:
    rows = _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE[:2])
    rows[5][2], rows[6][2] = "Kế toán", "Thư viện"
    rows += [[3, "Nguyễn Văn Hùng", "Kỹ thuật", "Lao động tiên tiến"], [4, "Trần Thị Thuỷ", "Tạp vụ", "LĐTT"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert len(result.records) == 4 and [p.code for p in result.problems] == []


def test_a_re_sends_collectives_merge_under_the_unit_its_persons_show(tmp_path: Path) -> None:
    """A school's list of persons and collectives, copied into the district's combined workbook
    (the unit as a short name in a column): the collectives are merged like the persons, while
    another school's "Tổ Văn phòng" in the combined workbook stays its own."""
    teams = ["Tổ Toán", "Tổ Ngữ văn", "Tổ Văn phòng"]
    school = _list("TRƯỜNG THCS NGUYỄN DU", PEOPLE[:4])
    school += [["II. TẬP THỂ"], *[[i, t, None, "Tập thể lao động tiên tiến"] for i, t in enumerate(teams, 1)]]
    write_xlsx(tmp_path / "thcs-nguyen-du.xlsx", school)
    combined = [
        ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        [],
        ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
        ["STT", "Họ và tên", "Đơn vị", "Danh hiệu thi đua"],
        ["I. CÁ NHÂN"],
        *[[i, name, "THCS Nguyễn Du", "Lao động tiên tiến"] for i, name in enumerate(PEOPLE[:4], 1)],
        [5, "Lê Văn An", "THCS Lê Lợi", "Lao động tiên tiến"],
        ["II. TẬP THỂ"],
        *[[i, t, "THCS Nguyễn Du", "Tập thể lao động tiên tiến"] for i, t in enumerate(teams, 1)],
        [4, "Tổ Văn phòng", "THCS Lê Lợi", "Tập thể lao động tiên tiến"],
    ]
    write_xlsx(tmp_path / "tong-hop.xlsx", combined)
    result = load([tmp_path])
    kinds = Counter(result.records["kind"].astype(str))
    assert kinds == {"Cá nhân": 5, "Tập thể": 4}
    assert sum(p.code == "duplicate" for p in result.problems) == 7
