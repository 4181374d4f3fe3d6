"""Ordinary rows that the rules for a list's tail, count lines, other-date columns and
decision-named files must leave alone (found by a review of those rules: each was dropped or
moved, most with exit 0)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.conftest import write_xlsx
from thidua_cli import load

HEAD = [["UBND HUYỆN AN LÃO"], ["TRƯỜNG TIỂU HỌC AN HÒA"], ["DANH SÁCH KHEN THƯỞNG NĂM HỌC 2019-2020"], []]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]


def _counts(path: Path) -> tuple[Counter[tuple[str, str, int]], list[str]]:
    result = load([path])
    records = result.records
    found = Counter(zip(records["name"], records["award"].astype(str), records["year"], strict=True))
    return found, [p.code for p in result.problems]


def test_the_last_persons_second_award_row_is_a_record(tmp_path: Path) -> None:
    rows = [
        [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến"],
        [2, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến"],
        [3, "Lê Thị Cúc", "Giáo viên", "Lao động tiên tiến"],
        [None, "Lê Thị Cúc", "Giáo viên", "Chiến sĩ thi đua cơ sở"],
    ]
    found, codes = _counts(write_xlsx(tmp_path / "a.xlsx", [*HEAD, HEADER, *rows]))
    assert found[("Lê Thị Cúc", "Chiến sĩ thi đua cơ sở", 2020)] == 1 and sum(found.values()) == 4
    assert codes == []


def test_rows_marked_with_a_dash_or_star_after_the_numbered_ones_are_records(tmp_path: Path) -> None:
    for mark in ("-", "*"):
        rows = [
            [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến"],
            [2, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến"],
            [mark, "Phạm Văn Dũng", "Giáo viên", "Lao động tiên tiến"],
            [mark, "Hoàng Thị Em", "Nhân viên", "Chiến sĩ thi đua cơ sở"],
        ]
        found, codes = _counts(write_xlsx(tmp_path / f"{ord(mark)}.xlsx", [*HEAD, HEADER, *rows]))
        assert sum(found.values()) == 4 and codes == []


def test_a_collectives_size_in_its_name_is_no_count_line(tmp_path: Path) -> None:
    heading = [["UBND HUYỆN AN LÃO"], ["TRƯỜNG TIỂU HỌC AN HÒA"], ["DANH SÁCH TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM HỌC 2019-2020"], []]
    teams = ["Tổ Văn phòng (05 người)", "Tổ 1 - 2 (12 người)", "Tổ 3 (08 giáo viên)", "Tổ 4-5"]
    rows = [["STT", "Tên tập thể"], *[[i, team] for i, team in enumerate(teams, 1)], [None, "Cộng: 04 tập thể"]]
    found, _ = _counts(write_xlsx(tmp_path / "a.xlsx", [*heading, *rows]))
    assert sorted(name for name, _, _ in found) == sorted(teams)
    unnumbered = [["Tên tập thể", "Danh hiệu"], *[[team, "Tập thể lao động tiên tiến"] for team in teams[:3]], ["05 người"]]
    found, _ = _counts(write_xlsx(tmp_path / "b.xlsx", [*HEAD, *unnumbered]))
    assert sum(found.values()) == 3


def test_a_year_column_under_a_group_naming_students_is_the_year(tmp_path: Path) -> None:
    rows = [
        ["UBND HUYỆN AN LÃO"],
        ["TRƯỜNG THCS AN HÒA"],
        ["DANH SÁCH KHEN THƯỞNG HỌC SINH NĂM HỌC 2020-2021"],
        [],
        ["STT", "Họ và tên", "Lớp", "Thông tin học sinh", None],
        [None, None, None, "Năm học", "Danh hiệu"],
        [1, "Nguyễn Văn An", "9A", "2018-2019", "Giấy khen của Hiệu trưởng"],
        [2, "Trần Thị Bình", "9B", "2019-2020", "Giấy khen của Hiệu trưởng"],
    ]
    found, _ = _counts(write_xlsx(tmp_path / "a.xlsx", rows))
    assert {year for _, _, year in found} == {2019, 2020}


def test_a_file_named_after_teachers_day_gives_its_year(tmp_path: Path) -> None:
    rows = [
        ["UBND HUYỆN AN LÃO"],
        ["TRƯỜNG TIỂU HỌC AN HÒA"],
        ["DANH SÁCH GIÁO VIÊN ĐƯỢC KHEN THƯỞNG"],
        [],
        HEADER,
        [1, "Nguyễn Văn An", "Giáo viên", "Giấy khen của Chủ tịch UBND huyện"],
        [2, "Trần Thị Bình", "Giáo viên", "Giấy khen của Chủ tịch UBND huyện"],
    ]
    found, codes = _counts(write_xlsx(tmp_path / "Khen thưởng ngày Nhà giáo Việt Nam 2020.xlsx", rows))
    assert {year for _, _, year in found} == {2020} and "bad-year" not in codes


def test_a_tick_row_without_a_name_is_reported(tmp_path: Path) -> None:
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
        [],
        ["Họ và tên", "Chức vụ", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"],
        ["Nguyễn Văn An", "Giáo viên", 1, None],
        ["Trần Thị Bình", "Giáo viên", 1, 1],
        [None, None, 1, None],
        ["Lê Thị Cúc", "Giáo viên", 1, None],
    ]
    found, codes = _counts(write_xlsx(tmp_path / "a.xlsx", rows))
    assert sum(found.values()) == 4 and codes == ["missing-name"]


def test_an_award_column_labelled_already_given_is_this_lists(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua", "Hình thức khen thưởng đã được tặng"]
    rows = [
        [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến", "Giấy khen của Hiệu trưởng"],
        [2, "Trần Thị Bình", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Giấy khen của Hiệu trưởng"],
        [3, "Lê Thị Cúc", "Giáo viên", "Lao động tiên tiến", None],
    ]
    found, _ = _counts(write_xlsx(tmp_path / "a.xlsx", [*HEAD, header, *rows]))
    assert sum(n for (_, award, _), n in found.items() if award == "Giấy khen") == 2 and sum(found.values()) == 5


def test_a_collectives_table_headed_by_unit_is_read(tmp_path: Path) -> None:
    rows = [
        *HEAD,
        HEADER,
        [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến"],
        [2, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến"],
        [],
        ["II. TẬP THỂ"],
        ["STT", "Đơn vị", "Ghi chú", "Danh hiệu"],
        [1, "Tổ Văn phòng", None, "Tập thể lao động tiên tiến"],
        [2, "Tổ 1", "", "Tập thể lao động tiên tiến"],
    ]
    found, _ = _counts(write_xlsx(tmp_path / "a.xlsx", rows))
    assert found[("Tổ Văn phòng", "Tập thể lao động tiên tiến", 2020)] == 1 and sum(found.values()) == 4


def test_a_birth_year_column_headed_n_sinh_is_no_award_year(tmp_path: Path) -> None:
    heading = [["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU NĂM 2020"], []]
    rows = [["STT", "Họ và tên", "N.sinh", "Danh hiệu"], *[[i, n, 1985, "Lao động tiên tiến"] for i, n in enumerate(["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"], 1)]]
    found, _ = _counts(write_xlsx(tmp_path / "a.xlsx", [*heading, *rows]))
    assert {year for _, _, year in found} == {2020} and sum(found.values()) == 3


def test_a_count_line_with_a_lead_in_is_no_person(tmp_path: Path) -> None:
    heading = [["DANH SÁCH LAO ĐỘNG TIÊN TIẾN NĂM 2020"], []]
    people = ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Hoàng Thị Dung"]
    for line in ("Gồm 04 người", "Có tất cả 04 cá nhân", "Danh sách: 04 người", "Bằng chữ: 04 người"):
        rows = [["Họ và tên", "Chức vụ", "Đơn vị"], *[[n, "Giáo viên", "Trường A"] for n in people], [line]]
        found, _ = _counts(write_xlsx(tmp_path / f"{len(line)}.xlsx", [*heading, *rows]))
        assert sum(found.values()) == 4, line


def test_a_note_merged_across_the_row_or_beside_an_award_is_a_note(tmp_path: Path) -> None:
    rows = [*HEAD, HEADER, *[[i, n, "Giáo viên", "Lao động tiên tiến"] for i, n in enumerate(["Lê Văn An", "Trần Thị Bình"], 1)]]
    merged = write_xlsx(tmp_path / "a.xlsx", [*rows, ["Ghi chú: đồng chí Lê Văn An chuyển công tác tháng 10"]], merges=["A8:D8"])
    found, codes = _counts(merged)
    assert sum(found.values()) == 2 and codes == []
    beside = write_xlsx(tmp_path / "b.xlsx", [*rows, [None, "Ghi chú: các đồng chí trên đạt", None, "Lao động tiên tiến"]])
    found, codes = _counts(beside)
    assert sum(found.values()) == 2 and codes == []


def test_a_collectives_table_without_a_name_label_under_its_title_is_read(tmp_path: Path) -> None:
    for label in ("Đơn vị", "Tập thể"):
        rows = [
            ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
            [],
            ["I. CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN"],
            ["STT", "Họ và tên", "Chức vụ", "Ghi chú"],
            [1, "Nguyễn Văn An", "Giáo viên", None],
            [2, "Trần Thị Bình", "Giáo viên", None],
            ["II. TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN"],
            ["STT", label, "Ghi chú"],
            [1, "Tổ Toán", None],
            [2, "Tổ Ngữ văn", None],
        ]
        found, codes = _counts(write_xlsx(tmp_path / f"{len(label)}.xlsx", rows))
        assert found[("Tổ Toán", "Tập thể lao động tiên tiến", 2020)] == 1, label
        assert sum(found.values()) == 4 and "skipped-table" not in codes
