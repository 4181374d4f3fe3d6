"""Rows as clerks type them, probed on lists the reader never saw: ditto marks of other spellings,
a second list titled inside the first one's table, a list run on onto a second sheet without its
header. Each test asserts what an officer counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

TOP: list[list[Any]] = [["SỞ Y TẾ TỈNH X", None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["BỆNH VIỆN ĐA KHOA"], []]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]


def _counts(path: Path) -> Counter[tuple[str, str]]:
    frame = load([path]).records
    return Counter(zip(frame["award"].astype(str), frame["kind"].astype(str), strict=True))


def test_dito_and_other_ditto_spellings_repeat_the_award_above(tmp_path: Path) -> None:
    marks = ["Giấy khen", "-do-", "do", "〃", "- nt -", "D.o"]
    rows = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", m] for i, m in enumerate(marks, 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], HEADER, *rows])
    assert _counts(path) == {("Giấy khen", "Cá nhân"): 6}  # before: "-do-", "do", "D.o" unknown awards
    assert load([path]).problems == []


def test_a_second_lists_title_inside_the_table_names_its_kind(tmp_path: Path) -> None:
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Lao động tiên tiến"] for i in range(1, 4)]
    units = [[i, name, None, "Tập thể lao động tiên tiến"] for i, name in enumerate(["Khoa Nội", "Khoa Ngoại"], 1)]
    title = ["DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], HEADER, *people, [], title, *units])
    assert _counts(path) == {("Lao động tiên tiến", "Cá nhân"): 3, ("Tập thể lao động tiên tiến", "Tập thể"): 2}
    assert load([path]).problems == []  # before: the two units were kind-mismatch errors, not counted


def test_a_list_carried_on_to_a_sheet_without_its_header_is_an_error_not_silence(tmp_path: Path) -> None:
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Lao động tiên tiến"] for i in range(1, 7)]
    more = [[i, f"Lý Thị Lan{i}", "Điều dưỡng", "Lao động tiên tiến"] for i in range(7, 11)]
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], HEADER, *people], extra_sheets={"Trang 2": [[], *more]})
    result = load([path])
    assert len(result.records) == 6
    assert [(p.code, p.sheet, p.row, p.detail) for p in result.problems] == [("headless-list", "Trang 2", 2, "4")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 1  # before: a note skipped-sheet only, exit 0, four people lost
    assert "4 rows not counted (a sheet without a header: 4)" in out.stderr


def test_a_sheet_of_names_without_awards_stays_a_skipped_sheet(tmp_path: Path) -> None:
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Lao động tiên tiến"] for i in range(1, 3)]
    roster = [[i, f"Lý Thị Lan{i}", "Điều dưỡng", "Khoa Nội"] for i in range(1, 5)]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], HEADER, *people], extra_sheets={"Nhân sự": roster})
    assert [(p.code, p.detail) for p in load([path]).problems] == [("skipped-sheet", "no-header")]


@pytest.mark.parametrize("sheet", ["DS (tiếp)", "Sheet2"])
@pytest.mark.parametrize("columns", [("Điều dưỡng", "Khoa Nội"), ("Khoa Nội",), ()])
def test_names_numbered_on_from_the_sheet_before_are_an_error_not_silence(
    tmp_path: Path, sheet: str, columns: tuple[str, ...]
) -> None:
    """The award is in the first sheet's heading only, so the carried-on rows name none; their
    numbers (7, 8, 9, 10) run on from the list before. Before: a note skipped-sheet, exit 0."""
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Khoa Nội"] for i in range(1, 7)]
    more = [[i, f"Lý Thị Lan{i}", *columns] for i in range(7, 11)]
    more[2][1] = "Ksor H'Bla"  # a name the catalogue's surnames do not know
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], header, *people], extra_sheets={sheet: more})
    result = load([path])
    assert len(result.records) == 6
    assert [(p.code, p.sheet, p.row, p.detail) for p in result.problems] == [("headless-list", sheet, 1, "4")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-q", "-f", "csv", "--no-cache"])
    assert out.exit_code == 1


@pytest.mark.parametrize(
    "numbers", [["7.", "8.", "9."], [7, 8, 10, 11], [7, 8, 8, 9], ["07", "08"], [7.0, 8.0]]  # as clerks type them
)
def test_numbers_that_run_on_however_typed_are_an_error(tmp_path: Path, numbers: list[object]) -> None:
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Khoa Nội"] for i in range(1, 7)]
    more = [[n, f"Lý Thị Lan{i}", "Điều dưỡng", "Khoa Nội"] for i, n in enumerate(numbers)]
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], header, *people], extra_sheets={"Trang 2": more})
    found = [(p.code, p.row, p.detail) for p in load([path]).problems]
    assert found == [("headless-list", 1, str(len(numbers)))]  # before: a skipped sheet, exit 0


def test_a_carried_on_list_numbered_again_under_a_section_is_an_error(tmp_path: Path) -> None:
    """7, 8, 9 of the persons, then "II. TẬP THỂ" and 1, 2 of the collectives: before, a skipped
    sheet, exit 0 (numbers going down were a list of its own)."""
    heading = ["DANH SÁCH ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Khoa Nội"] for i in range(1, 7)]
    more = [[i, f"Lý Thị Lan{i}", "Điều dưỡng", "Khoa Nội"] for i in range(7, 10)]
    more += [["II. TẬP THỂ"], [1, "Khoa Ngoại", None, None], [2, "Phòng Kế toán", None, None]]
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], header, *people], extra_sheets={"Trang 2": more})
    assert [(p.code, p.row, p.detail) for p in load([path]).problems] == [("headless-list", 1, "5")]


def test_a_roster_whose_first_row_is_no_name_still_starts_at_1(tmp_path: Path) -> None:
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Khoa Nội"] for i in range(1, 7)]
    roster = [[1, "TS. Nguyễn Văn Hùng", "Giám đốc"], *[[i, f"Lý Thị Lan{i}", "Điều dưỡng"] for i in range(2, 6)]]
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], header, *people], extra_sheets={"Nhân sự": roster})
    assert [(p.code, p.detail) for p in load([path]).problems] == [("skipped-sheet", "no-header")]


@pytest.mark.parametrize(
    "numbers", [[1, 2, 3], [7], [9, 8], [2, 1, 3]]  # from 1, one row, going down: a roster of its own
)
def test_numbered_names_that_do_not_run_on_stay_a_skipped_sheet(tmp_path: Path, numbers: list[int]) -> None:
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    people = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", "Khoa Nội"] for i in range(1, 7)]
    roster = [[i, f"Lý Thị Lan{i}", "Điều dưỡng", "Khoa Nội"] for i in numbers]
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], header, *people], extra_sheets={"Nhân sự": roster})
    assert [(p.code, p.detail) for p in load([path]).problems] == [("skipped-sheet", "no-header")]


GK_HEADING = ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2019"]


def test_a_unit_numbered_over_its_members_is_their_unit_not_a_record(tmp_path: Path) -> None:
    rows = [[1, "Khoa Nội"], ["1.1", "Lê Văn An", "Bác sĩ", "Giấy khen"], ["1.2", "Lê Văn Bình", "Bác sĩ", "Giấy khen"]]
    rows += [[2, "Khoa Ngoại"], ["2.1", "Lê Văn Cường", "Bác sĩ", "Giấy khen"]]
    rows += [[3, "Khoa Dược"], ["-", "Mai Thị Dung", "Dược sĩ", "Giấy khen"], ["-", "Mai Thị Em", "Dược sĩ", "Giấy khen"]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, GK_HEADING, [], HEADER, *rows])
    result = load([path])
    got = sorted(zip(result.records["name"], result.records["kind"], result.records["unit"], strict=True))
    assert got == [  # before: the three units counted too, as collectives' Giấy khen, exit 0
        ("Lê Văn An", "Cá nhân", "Khoa Nội"),
        ("Lê Văn Bình", "Cá nhân", "Khoa Nội"),
        ("Lê Văn Cường", "Cá nhân", "Khoa Ngoại"),
        ("Mai Thị Dung", "Cá nhân", "Khoa Dược"),
        ("Mai Thị Em", "Cá nhân", "Khoa Dược"),
    ]
    assert result.problems == []


def test_numbered_collectives_in_a_list_of_collectives_stay_records(tmp_path: Path) -> None:
    heading = ["DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    rows = [[1, "Khoa Nội"], [2, "Khoa Ngoại"], [3, "Khoa Dược"]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], ["STT", "Tên tập thể", "Ghi chú"], *rows])
    assert _counts(path) == {("Tập thể lao động tiên tiến", "Tập thể"): 3}


def test_a_numbered_row_with_an_award_and_no_name_is_missing_its_name(tmp_path: Path) -> None:
    rows = [[1, "Lê Văn An", "Bác sĩ", "LĐTT"], [2, None, None, "LĐTT"], [3, "Lê Văn Cường", "Bác sĩ", "LĐTT"]]
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], HEADER, *rows])
    result = load([path])
    assert len(result.records) == 2
    assert [(p.code, p.row) for p in result.problems] == [("missing-name", 8)]  # before: read as a section "2. LĐTT", silent


def test_ditto_marks_in_the_level_decision_year_and_kind_columns_repeat_the_cell_above(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Đối tượng", "Danh hiệu", "Cấp khen", "Số quyết định", "Năm"]
    rows = [
        [1, "Lê Văn An", "Cá nhân", "Bằng khen", "Chủ tịch UBND tỉnh", "45/QĐ-UBND", 2018],
        [2, "Lê Văn Bình", "nt", "nt", "nt", "nt", "nt"],
        [3, "Lê Văn Cường", "-nt-", "-nt-", "-nt-", "-nt-", "-nt-"],
        [4, "Phòng Kế toán", "Tập thể", '"', "Bộ trưởng Bộ LĐTBXH", "12/QĐ-LĐTBXH", 2019],
        [5, "Phòng Tổ chức", "như trên", "như trên", '"', '"', '"'],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG"], [], header, *rows])
    result = load([path])
    got = sorted(zip(result.records["name"], result.records["kind"], result.records["level"], result.records["year"], strict=True))
    assert got == [  # before: rows 2, 3 and 5 were unknown-level (and unknown-kind, bad-year), not counted
        ("Lê Văn An", "Cá nhân", "Tỉnh", 2018),
        ("Lê Văn Bình", "Cá nhân", "Tỉnh", 2018),
        ("Lê Văn Cường", "Cá nhân", "Tỉnh", 2018),
        ("Phòng Kế toán", "Tập thể", "Bộ", 2019),
        ("Phòng Tổ chức", "Tập thể", "Bộ", 2019),
    ]
    assert result.problems == []
    assert set(result.records["decision_number"]) == {"45/QĐ-UBND", "12/QĐ-LĐTBXH"}


def test_a_position_typed_on_the_line_under_a_name_is_that_persons_position(tmp_path: Path) -> None:
    rows = [[1, "Lê Văn An", "LĐTT"], [None, "Giáo viên"], [2, "Lê Văn Bình", "LĐTT"], [None, "Bác sĩ"]]
    rows += [[3, "Lê Văn Cường", "LĐTT"], [None, "Kế toán"]]
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], ["STT", "Họ và tên", "Danh hiệu"], *rows])
    result = load([path])
    got = sorted(zip(result.records["name"], result.records["position"], result.records["unit"], strict=True))
    assert got == [  # before: "Kế toán" counted as a fourth person, "Giáo viên" and "Bác sĩ" taken for units
        ("Lê Văn An", "Giáo viên", "BỆNH VIỆN ĐA KHOA"),
        ("Lê Văn Bình", "Bác sĩ", "BỆNH VIỆN ĐA KHOA"),
        ("Lê Văn Cường", "Kế toán", "BỆNH VIỆN ĐA KHOA"),
    ]
    assert result.problems == [] and result.checks == []


def test_a_note_ending_in_not_considered_takes_the_row_off(tmp_path: Path) -> None:
    rows = [[1, "Lê Văn An", "LĐTT", None], [2, "Lê Văn Bình", "LĐTT", "Đã chuyển công tác, không xét"]]
    rows += [[3, "Lê Văn Cường", "LĐTT", "Chuyển công tác"]]
    heading = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, [], ["STT", "Họ và tên", "Danh hiệu", "Ghi chú"], *rows])
    result = load([path])
    assert sorted(result.records["name"]) == ["Lê Văn An", "Lê Văn Cường"]
    assert [(p.code, p.row, p.value) for p in result.problems] == [("not-awarded", 8, "rút khỏi danh sách")]


LDTT_HEADING = ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"]


def _people(first: int, last: int, award: str = "LĐTT") -> list[list[Any]]:
    return [[i, f"Đinh Văn Nam{i}", "Bác sĩ", award] for i in range(first, last + 1)]


def _findings(path: Path) -> list[tuple[str, int | None, str | None, str | None]]:
    result = load([path])
    return [(p.code, p.row, p.value, p.detail) for p in [*result.problems, *result.checks]]


def test_people_added_under_the_totals_line_are_counted_and_said(tmp_path: Path) -> None:
    rows = [*_people(1, 4), [None, "Cộng: 4 người"], *_people(5, 6)]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, LDTT_HEADING, [], HEADER, *rows])
    assert len(load([path]).records) == 6
    assert _findings(path) == [("after-total", 11, "4", "2")]  # before: nothing said


def test_a_total_that_the_rows_above_do_not_make_is_said(tmp_path: Path) -> None:
    rows = [*_people(1, 5), [None, "Tổng cộng: 6 người"]]  # the clerk deleted a row, not the total
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, LDTT_HEADING, [], HEADER, *rows])
    assert _findings(path) == [("total-differs", 12, "6", "5")]


def test_subtotals_a_grand_total_and_rows_reported_make_no_warning(tmp_path: Path) -> None:
    rows = [["I", "KHOA NỘI"], *_people(1, 3), [None, "Cộng: 3"], ["II", "KHOA NGOẠI"], *_people(4, 5)]
    rows += [[6, "Đinh Văn Nam6", "Bác sĩ", "Danh hiệu lạ"], [None, "Cộng: 3"], [None, "Tổng cộng: 6 người"]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], HEADER, *rows])
    assert [code for code, *_ in _findings(path)] == ["unknown-award"]


def test_a_ditto_under_an_empty_cell_copies_nothing(tmp_path: Path) -> None:
    """Review: "nt" under a blank decision took the number two rows up (a Bằng khen counted at Tỉnh,
    exit 0); it stays a ditto of nothing, and the level is unsaid as for the blank row."""
    header = ["STT", "Họ và tên", "Danh hiệu", "Số quyết định", "Năm"]
    rows = [
        [1, "Lê Văn An", "Bằng khen", "45/QĐ-TTg", 2018],
        [2, "Lê Văn Bình", "Bằng khen", "123/QĐ-UBND", 2018],
        [3, "Lê Văn Cường", "Bằng khen", "", 2018],
        [4, "Lê Văn Dũng", "Bằng khen", "nt", 2018],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG"], [], header, *rows])
    result = load([path])
    levels = dict(zip(result.records["name"], result.records["level"], strict=True))
    assert levels == {"Lê Văn An": "Chính phủ", "Lê Văn Bình": "Tỉnh"}
    assert {(p.code, p.row) for p in result.problems} >= {("ambiguous-level", 9), ("ambiguous-level", 10)}


def test_a_numbered_collective_above_one_unnumbered_line_is_a_record(tmp_path: Path) -> None:
    """Review: "3 | Khoa Nội" over one unnumbered name (a note after the list) was taken for a unit's
    sub-heading and dropped without a word; two unnumbered people under it still make it one."""
    header = ["STT", "Tên tập thể", "Ghi chú"]
    heading = "DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM 2018"
    rows = [[1, "Phòng Kế toán"], [2, "Phòng Hành chính"], [3, "Khoa Nội"], [None, "Nguyễn Văn An"]]
    path = write_xlsx(tmp_path / "tt.xlsx", [*TOP, [heading], [], header, *rows])
    assert sorted(load([path]).records["name"]) == ["Khoa Nội", "Phòng Hành chính", "Phòng Kế toán"]


def _two_lines(tmp_path: Path, merged: bool, last: bool = False) -> Path:
    """A person with two awards on two lines, the name written on the first only."""
    rows = [
        [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến"],
        [None, None, None, "Giấy khen"],
        [2, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến"],
        [None, None, None, "Chiến sĩ thi đua cơ sở"],
    ]
    if not last:
        rows.append([3, "Lê Văn Cường", "Giáo viên", "Lao động tiên tiến"])
    merges = ["A6:A7", "B6:B7", "C6:C7", "A8:A9", "B8:B9", "C8:C9"] if merged else []
    heading = ["DANH SÁCH KHEN THƯỞNG NĂM 2021"]
    return write_xlsx(tmp_path / "ds.xlsx", [*TOP, heading, HEADER, *rows], merges=merges)


@pytest.mark.parametrize("last", [False, True])
def test_an_award_alone_under_a_person_is_reported_not_read_as_a_section(tmp_path: Path, last: bool) -> None:
    """Before: " | Giấy khen" under Nguyễn Văn An was a section naming the award of the rows below,
    every one of which names its own: two awards lost, no finding, exit 0."""
    result = load([_two_lines(tmp_path, merged=False, last=last)])
    assert sorted(Counter(result.records["award"]).items()) == [("Lao động tiên tiến", 3 - last)]
    assert [(p.code, p.row, p.value) for p in result.problems] == [
        ("missing-name", 7, "Giấy khen"),
        ("missing-name", 9, "Chiến sĩ thi đua cơ sở"),
    ]


def test_the_same_lines_with_the_name_merged_down_are_the_persons_two_awards(tmp_path: Path) -> None:
    result = load([_two_lines(tmp_path, merged=True)])
    assert Counter(result.records["award"]) == {"Lao động tiên tiến": 3, "Giấy khen": 1, "Chiến sĩ thi đua cơ sở": 1}
    assert [p for p in result.problems if p.severity.name == "ERROR"] == []


def test_a_tick_matrix_without_one_tick_is_each_rows_missing_award(tmp_path: Path) -> None:
    """ "Hình thức khen thưởng" over "Lao động tiên tiến" typed once above the people (the award
    cells empty): read as a tick column none of them ticked. Before: a note no-tick, nothing
    counted, exit 0."""
    rows = [
        [None, None, None, "Lao động tiên tiến"],
        [1, "Nguyễn Văn An", "Giáo viên", None],
        [2, "Trần Thị Bình", "Giáo viên", None],
        [3, "Lê Văn Cường", "Giáo viên", None],
    ]
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2021"], header, *rows])
    result = load([path])
    assert result.records.empty
    found = [(p.code, p.row, p.cell, p.value) for p in result.problems]
    assert found == [
        ("missing-award", 7, "D7", "Nguyễn Văn An"),
        ("missing-award", 8, "D8", "Trần Thị Bình"),
        ("missing-award", 9, "D9", "Lê Văn Cường"),
    ]
    out = CliRunner().invoke(app, ["tally", "2021", str(path), "-q", "-f", "csv", "--no-cache"])
    assert out.exit_code == 1


def test_a_totals_line_is_no_tick_of_a_matrix(tmp_path: Path) -> None:
    """Review: "| Cộng | | 3" under the people counted as a named row holding a tick, so the
    matrix with no tick was the note no-tick again (three LĐTT lost, exit 0)."""
    rows = [
        [None, None, None, "Lao động tiên tiến"],
        *[[i, f"Lê Văn {c}", "Giáo viên", None] for i, c in enumerate("ABC", 1)],
        [None, "Cộng", None, 3],
    ]
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2021"], header, *rows])
    assert [p.code for p in load([path]).problems] == ["missing-award"] * 3


@pytest.mark.parametrize("merged", ["subheading", "award"])
def test_an_award_over_rows_without_their_own_stays_their_section(tmp_path: Path, merged: str) -> None:
    """Review: " | Giấy khen" under a person, then "I. Tổ Toán" merged across the table (its text in
    every cell) or the award cell merged down, over two people with no award of their own: the
    award of those two, counted as before (not missing-name)."""
    rows: list[list[Any]] = [[1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến"], [None, None, None, "Giấy khen"]]
    merges = []
    if merged == "subheading":
        rows.append(["I. Tổ Toán"] * 4)
        merges.append("A8:D8")
    else:
        merges.append("D7:D9")
    rows += [[2, "Trần Thị Bình", "Giáo viên", None], [3, "Lê Văn Cường", "Giáo viên", None]]
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2021"], header, *rows], merges=merges)
    result = load([path])
    assert Counter(result.records["award"]) == {"Lao động tiên tiến": 1, "Giấy khen": 2}
    assert [p for p in result.problems if p.severity.name == "ERROR"] == []


def test_a_signers_title_typed_in_the_award_column_opens_the_signature(tmp_path: Path) -> None:
    """Review: "HIỆU TRƯỞNG" and the signer's name typed in the award column under the list were
    two missing-name errors (exit 1); they are the signature block."""
    rows = [
        [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến"],
        [2, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến"],
        [],
        [None, None, None, "HIỆU TRƯỞNG"],
        [],
        [None, None, None, "Nguyễn Văn Hiệu"],
    ]
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2021"], header, *rows])])
    assert len(result.records) == 2 and result.problems == []
