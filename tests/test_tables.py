"""Several tables in one sheet (a header with other labels starts a new table, read with its own
roles, heading and findings) and unit sub-headings in tables without an STT column: real
workbooks in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.inspection import inspect_files
from thidua_cli.records import RECORD_FIELDS

AT = {name: i for i, name in enumerate(RECORD_FIELDS)}
FIELDS = ("row", "name", "position", "award", "level", "kind", "year", "unit")
TITLE = [["UBND HUYỆN AN PHÚ"], ["DANH SÁCH KHEN THƯỞNG NĂM 2021"], []]
PEOPLE = [
    ["I. CÁ NHÂN"],
    ["STT", "Họ và tên", "Chức vụ", "Danh hiệu", "Cấp khen"],
    [1, "Nguyễn Văn Khải", "Giáo viên", "Lao động tiên tiến", "Cơ sở"],
    [2, "Trần Thị Lụa", "Tổ trưởng", "Bằng khen", "Tỉnh"],
    ["Cộng: 02 cá nhân"],
    [],
]
PEOPLE_RECORDS = [
    (6, "Nguyễn Văn Khải", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2021, "UBND HUYỆN AN PHÚ"),
    (7, "Trần Thị Lụa", "Tổ trưởng", "Bằng khen", "Tỉnh", "Cá nhân", 2021, "UBND HUYỆN AN PHÚ"),
]


def records(result) -> list[tuple]:
    return sorted(tuple(r[AT[f]] for f in FIELDS) for r in result.rows)


def codes(result) -> list[tuple[str, int | None]]:
    return [(p.code, p.row) for p in result.problems]


def test_a_second_table_with_another_header_is_read_with_its_own_roles_and_title(tmp_path: Path):
    collectives = [  # other columns, in another order, under a title of their own
        ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN"],
        ["STT", "Tên tập thể", "Cấp khen", "Số QĐ", "Hình thức khen thưởng"],
        [1, "Tổ Toán - Tin", "Tỉnh", "12/QĐ-UBND", "Bằng khen"],
        [2, "Phòng Kế toán", "Bộ", "13/QĐ-BGDĐT", "Bằng khen"],
        [3, "Tổ Ngữ văn", "Giám đốc Sở", "14/QĐ-SGDĐT", "Giấy khen"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", [*TITLE, *PEOPLE, *collectives], merges=["A10:E10"])
    result = load([path], jobs=1)
    unit = "UBND HUYỆN AN PHÚ"
    assert records(result) == sorted(
        [
            *PEOPLE_RECORDS,
            (12, "Tổ Toán - Tin", "", "Bằng khen", "Tỉnh", "Tập thể", 2021, unit),
            (13, "Phòng Kế toán", "", "Bằng khen", "Bộ", "Tập thể", 2021, unit),
            (14, "Tổ Ngữ văn", "", "Giấy khen", "Cơ sở", "Tập thể", 2021, unit),
        ]
    )
    assert result.problems == [] and result.checks == []
    assert result.files[0].tables == 2
    numbers = {r[AT["row"]]: r[AT["decision_number"]] for r in result.rows}
    assert numbers[12] == "12/QĐ-UBND" and numbers[6] == ""  # table 2's decision column is its own


def test_the_title_between_tables_gives_the_second_its_award_and_kind(tmp_path: Path):
    collectives = [
        ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN"],
        ["TT", "Tên đơn vị", "Địa chỉ"],
        [1, "Trường Mầm non Hoa Mai", "Xã An Bình"],
        [2, "Trạm Y tế xã An Bình", "Xã An Bình"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", [*TITLE, *PEOPLE, *collectives])], jobs=1)
    second = [r for r in records(result) if r[0] > 10]
    assert [(r[1], r[3], r[4], r[5], r[6]) for r in second] == [
        ("Trường Mầm non Hoa Mai", "Giấy khen", "Cơ sở", "Tập thể", 2021),
        ("Trạm Y tế xã An Bình", "Giấy khen", "Cơ sở", "Tập thể", 2021),
    ]
    assert [r for r in records(result) if r[0] < 10] == PEOPLE_RECORDS  # table 1 gets no award from it
    assert result.problems == []


def test_a_header_repeated_at_a_page_break_stays_one_table(tmp_path: Path):
    rows = [*TITLE, *PEOPLE[1:4], PEOPLE[1], [3, "Lê Văn Tám", "Giáo viên", "Lao động tiên tiến", "Cơ sở"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert [r[1] for r in records(result)] == ["Nguyễn Văn Khải", "Trần Thị Lụa", "Lê Văn Tám"]
    assert result.files[0].tables == 1 and result.problems == []


def test_the_same_header_under_a_title_of_another_kind_starts_a_new_table(tmp_path: Path):
    """ "DANH SÁCH TẬP THỂ …" over the same header as the people's list: the rows below are
    collectives (before: all counted as individuals, no word)."""
    header = ["STT", "Họ và tên", "Hình thức", "Số quyết định"]
    rows = [
        ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"],
        header,
        [1, "Lê Văn Khải", "Giấy khen", "12/QĐ-SXD"],
        [2, "Trần Thị Mơ", "Giấy khen", "12/QĐ-SXD"],
        [],
        ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN"],
        header,
        [1, "Phòng Quản lý nhà", "Giấy khen", "13/QĐ-SXD"],
        [2, "Văn phòng Sở", "Giấy khen", "13/QĐ-SXD"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", [*TITLE, *rows])], jobs=1)
    kinds = {r[AT["name"]]: r[AT["kind"]] for r in result.rows}
    assert kinds == {"Lê Văn Khải": "Cá nhân", "Trần Thị Mơ": "Cá nhân", "Phòng Quản lý nhà": "Tập thể", "Văn phòng Sở": "Tập thể"}
    assert result.files[0].tables == 2 and result.problems == []


def test_a_record_row_over_a_repeated_header_is_no_title(tmp_path: Path):
    """No STT column: a unit and its award over a page-break repeat stay a record of table 1."""
    header = ["Tên tập thể", "Hình thức khen thưởng"]
    rows = [
        ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN"],
        header,
        ["Phòng Kế hoạch", "Giấy khen"],
        ["Phòng Tài chính", "Giấy khen"],
        header,
        ["Văn phòng Sở", "Giấy khen"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", [*TITLE, *rows])], jobs=1)
    assert sorted(r[AT["name"]] for r in result.rows) == ["Phòng Kế hoạch", "Phòng Tài chính", "Văn phòng Sở"]
    assert result.files[0].tables == 1 and result.problems == []


def test_a_second_table_whose_columns_conflict_is_reported_and_the_first_still_counted(tmp_path: Path):
    cells = ["Giấy khen", "Tỉnh", "Giấy khen", "Bộ"]
    unreadable = [
        ["STT", "Họ và tên", "Danh hiệu", None],
        *[[i, f"Lê Văn {n}", "Lao động tiên tiến", c] for i, (n, c) in enumerate(zip("ABCD", cells, strict=True), 1)],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", [*TITLE, *PEOPLE, *unreadable])
    result = load([path], jobs=1)
    assert records(result) == PEOPLE_RECORDS  # nothing of the second table, not even read with table 1's roles
    (problem,) = result.problems
    assert (problem.code, problem.row, problem.value) == ("ambiguous-table", 10, "10–14")
    assert problem.detail == "#4 (no label): level 50%"
    assert "không được tính" in problem.message() and "rows are not counted" in problem.message("en")
    out = CliRunner().invoke(app, ["validate", str(path), "--no-cache"])
    assert out.exit_code == 1
    assert "10–14" in out.output


def test_a_second_table_without_an_award_is_reported_with_its_rows(tmp_path: Path):
    rows = [*TITLE, *PEOPLE, ["STT", "Họ và tên", "Ghi chú"], [1, "Đinh Văn Bảy", "Chuyển công tác"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert records(result) == PEOPLE_RECORDS
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [("skipped-table", 10, "10–11", "no-award")]
    assert result.problems[0].severity == "warning"  # a list of names without awards is no award list
    assert "không có cột danh hiệu" in result.problems[0].message()


def test_a_summary_under_the_list_is_never_counted(tmp_path: Path):
    summary = [["STT", "Tên đơn vị", "LĐTT", "CSTĐCS"], [1, "Tổ Văn", 12, 2], [2, "Tổ Toán", 9, 1]]
    result = load([write_xlsx(tmp_path / "a.xlsx", [*TITLE, *PEOPLE, *summary])], jobs=1)
    assert records(result) == PEOPLE_RECORDS
    assert [(p.code, p.row, p.detail) for p in result.problems] == [("skipped-sheet", 10, "summary")]


def test_a_tick_matrix_under_a_list_gives_its_own_records(tmp_path: Path):
    ticks = [
        ["KẾT QUẢ BÌNH XÉT"],
        ["STT", "Họ và tên", "LĐTT", "CSTĐCS"],
        [1, "Hà Văn Mười", "x", None],
        [2, "Kim Thị Nga", "x", "x"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", [*TITLE, *PEOPLE, *ticks])], jobs=1)
    second = [(r[1], r[3]) for r in records(result) if r[0] > 10]
    assert second == [
        ("Hà Văn Mười", "Lao động tiên tiến"),
        ("Kim Thị Nga", "Chiến sĩ thi đua cơ sở"),
        ("Kim Thị Nga", "Lao động tiên tiến"),
    ]


def test_inspect_shows_each_table_region_header_and_roles(tmp_path: Path):
    collectives = [["STT", "Tên tập thể", "Hình thức khen thưởng"], [1, "Tổ Toán - Tin", "Giấy khen"]]
    path = write_xlsx(tmp_path / "a.xlsx", [*TITLE, *PEOPLE, *collectives])
    (found,) = inspect_files([path])
    one, two = found.sheets
    assert (one.table, one.header_rows, one.first_data_row, one.last_row, one.records) == (1, (5, 5), 6, 9, 2)
    assert (two.table, two.header_rows, two.first_data_row, two.last_row, two.records) == (2, (10, 10), 11, 11, 1)
    assert [c.role for c in one.columns] == ["stt", "name", "position", "award", "level"]
    assert [c.role for c in two.columns] == ["stt", "name", "award", "ignored", "ignored"]  # the sheet's width
    out = CliRunner().invoke(app, ["inspect", str(path), "--format", "json"])
    assert json.loads(out.stdout) == [found.as_dict()]
    text = CliRunner().invoke(app, ["inspect", str(path), "--lang", "en"]).stdout
    assert "table 1" in text and "header rows 10–10, data rows 11–11, 1 records" in text
    assert "[bold]" not in text and "[/]" not in text  # styles, never markup printed as text


# --- sub-headings without an STT column ---------------------------------------------------------
def test_a_unit_typed_only_in_the_name_cell_sets_the_unit_and_is_never_counted(tmp_path: Path):
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2021"],
        [],
        ["Họ và tên", "Chức vụ", "Danh hiệu", "Cấp khen"],
        ["Trường THCS Nguyễn Du", None, None, None],
        ["Nguyễn Văn Khải", "Giáo viên", "Lao động tiên tiến", "Cơ sở"],
        ["Lê Văn Tám", "Giáo viên", None, None],  # a person without an award: reported, never dropped
        ["1. Phòng Kế hoạch", None, None, None],
        ["Phạm Thị Hoa", "Chuyên viên", "Bằng khen", "Tỉnh"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert records(result) == [
        (5, "Nguyễn Văn Khải", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2021, "Trường THCS Nguyễn Du"),
        (8, "Phạm Thị Hoa", "Chuyên viên", "Bằng khen", "Tỉnh", "Cá nhân", 2021, "Phòng Kế hoạch"),
    ]
    assert codes(result) == [("missing-award", 6)]


def test_in_a_collective_list_a_name_without_award_is_a_missing_award_not_a_unit(tmp_path: Path):
    rows = [
        ["DANH SÁCH TẬP THỂ ĐƯỢC KHEN THƯỞNG NĂM 2021"],
        ["Tên tập thể", "Danh hiệu", "Cấp khen"],
        ["Tổ Văn", None, None],
        ["Tổ Toán", "Tập thể lao động tiên tiến", "Cơ sở"],
        ["Phòng Kế toán", "Bằng khen", "Tỉnh"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert [(r[1], r[7]) for r in records(result)] == [("Tổ Toán", ""), ("Phòng Kế toán", "")]
    assert codes(result) == [("missing-award", 3)]


def test_a_numbered_unit_over_unnumbered_collectives_is_a_sub_heading(tmp_path: Path):
    rows = [
        ["DANH SÁCH TẬP THỂ ĐƯỢC KHEN THƯỞNG NĂM 2021"],
        ["Tên tập thể", "Danh hiệu", "Cấp khen"],
        ["1. Trường THCS An Bình", None, None],
        ["Tổ Toán", "Tập thể lao động tiên tiến", "Cơ sở"],
        ["2. Trường Tiểu học Hòa Lạc", None, None],
        ["Tổ Văn", "Giấy khen", "Giám đốc Sở"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert [(r[1], r[3], r[7]) for r in records(result)] == [
        ("Tổ Toán", "Tập thể lao động tiên tiến", "Trường THCS An Bình"),
        ("Tổ Văn", "Giấy khen", "Trường Tiểu học Hòa Lạc"),
    ]
    assert result.problems == []


def test_in_a_list_whose_heading_names_the_award_a_unit_row_is_no_record(tmp_path: Path):
    rows = [
        ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU "LAO ĐỘNG TIÊN TIẾN" NĂM 2018'],
        ["Họ và tên", "Chức vụ"],
        ["Phòng Tổ chức cán bộ", None],
        ["Cao Văn Bình", "Chuyên viên"],
        ["Tạ Thị Hoa", None],
        ["Văn phòng Sở", None],
        ["Kiều Văn Long", "Chánh Văn phòng"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert [(r[1], r[3], r[7]) for r in records(result)] == [
        ("Cao Văn Bình", "Lao động tiên tiến", "Phòng Tổ chức cán bộ"),
        ("Tạ Thị Hoa", "Lao động tiên tiến", "Phòng Tổ chức cán bộ"),
        ("Kiều Văn Long", "Lao động tiên tiến", "Văn phòng Sở"),
    ]
    assert result.problems == []
    (sheet,) = inspect_files([tmp_path / "a.xlsx"])[0].sheets
    assert [(n.row, n.what, n.text) for n in sheet.row_notes] == [
        (3, "subheading", "Phòng Tổ chức cán bộ"),
        (6, "subheading", "Văn phòng Sở"),
    ]


def test_a_sheet_of_header_like_blocks_without_a_list_is_skipped_once(tmp_path: Path):
    rows = [
        ["KẾ HOẠCH THI ĐUA NĂM 2021"],
        ["STT", "Họ và tên", "Ghi chú"],
        [1, "Đinh Văn Bảy", "Phụ trách"],
        [],
        ["STT", "Họ và tên", "Nhiệm vụ", "Thời gian"],
        [1, "Đinh Văn Bảy", "Tổng hợp", "Quý I"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows, extra_sheets={"DS": [*TITLE, *PEOPLE]})], jobs=1)
    assert records(result) == PEOPLE_RECORDS
    assert [(p.code, p.sheet, p.row, p.detail) for p in result.problems] == [
        ("skipped-sheet", "Sheet1", None, "no-award")
    ]


def test_a_title_merged_across_right_over_the_header_is_the_heading_not_a_header_tier(tmp_path: Path):
    rows = [
        ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU "LAO ĐỘNG TIÊN TIẾN" NĂM 2018', None, None],
        ["STT", "Họ và tên", "Chức vụ"],
        [1, "Cao Văn Bình", "Chuyên viên"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows, merges=["A1:C1"])], jobs=1)
    assert [(r[1], r[3], r[6]) for r in records(result)] == [("Cao Văn Bình", "Lao động tiên tiến", 2018)]


def test_a_short_first_table_is_not_lost_to_a_better_header_below(tmp_path: Path):
    """One or two rows under the first header: the better-scoring header below is the second table's."""
    for people in (PEOPLE, [[None], ["Họ và tên", "Chức vụ", "Danh hiệu", "Cấp khen"], PEOPLE[2][1:], [None]]):
        collectives = [["STT", "Tên tập thể", "Cấp khen", "Số QĐ", "Hình thức khen thưởng", "Năm"]]
        collectives += [[1, "Tổ Toán - Tin", "Tỉnh", "12/QĐ-UBND", "Bằng khen", 2021]]
        result = load([write_xlsx(tmp_path / "a.xlsx", [*TITLE, *people, *collectives])], jobs=1)
        assert [(r[1], r[3]) for r in records(result)][-1] == ("Tổ Toán - Tin", "Bằng khen")
        assert ("Nguyễn Văn Khải", "Lao động tiên tiến") in [(r[1], r[3]) for r in records(result)]
        assert result.problems == []


def test_an_empty_award_cell_under_a_heading_that_names_the_award_is_counted_and_said(tmp_path: Path):
    """The heading says what the list awards: the row counts, with a warning on its empty cell."""
    rows = [
        ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN NĂM 2023"],
        [],
        ["STT", "Tên tập thể", "Hình thức"],
        [1, "Trường THPT Bình Sơn", "Giấy khen"],
        [2, "Trường THPT Số 1 Tư Nghĩa", None],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert sorted((r[AT["name"]], r[AT["award"]]) for r in result.rows) == [
        ("Trường THPT Bình Sơn", "Giấy khen"),
        ("Trường THPT Số 1 Tư Nghĩa", "Giấy khen"),
    ]
    assert [(c.code, c.row, c.value, c.col) for c in result.checks] == [("award-from-heading", 5, "Giấy khen", 2)]


def _side_by_side(gap: bool) -> list[list[object]]:
    pad = [None] if gap else []
    return [
        *TITLE,
        ["STT", "Họ và tên", "Danh hiệu", *pad, "STT", "Tên tập thể", "Danh hiệu"],
        [1, "Nguyễn Văn Khải", "LĐTT", *pad, 1, "Tổ Toán", "Tập thể lao động tiên tiến"],
        [2, "Trần Thị Lụa", "CSTĐCS", *pad, 2, "Tổ Văn", "Danh hiệu Tổ xuất sắc"],
        [3, "Lê Văn Minh", "LĐTT", *pad, None, None, None],
    ]


def test_lists_side_by_side_are_read_each_with_its_own_columns(tmp_path: Path):
    """Before: one table with two award columns: each person got the collective's award too
    (kind-mismatch) and the collectives were never counted."""
    for gap in (True, False):
        path = write_xlsx(tmp_path / f"ds-{gap}.xlsx", _side_by_side(gap))
        result = load([path], jobs=1)
        got = sorted((r[AT["name"]], r[AT["award"]], r[AT["kind"]]) for r in result.rows)
        assert got == [
            ("Lê Văn Minh", "Lao động tiên tiến", "Cá nhân"),
            ("Nguyễn Văn Khải", "Lao động tiên tiến", "Cá nhân"),
            ("Trần Thị Lụa", "Chiến sĩ thi đua cơ sở", "Cá nhân"),
            ("Tổ Toán", "Tập thể lao động tiên tiến", "Tập thể"),
        ]
        unknown = [(p.code, p.row, p.cell) for p in result.problems]
        assert unknown == [("unknown-award", 6, "G6" if gap else "F6")]  # the cell of the right-hand list
        assert {r[AT["year"]] for r in result.rows} == {2021}  # the title above both


def test_a_header_with_two_stt_labels_but_one_name_is_one_list(tmp_path: Path):
    rows = [*TITLE, ["STT", "Họ và tên", "Danh hiệu", "TT", "Ghi chú"], [1, "Nguyễn Văn Khải", "LĐTT", 5, ""]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)], jobs=1)
    assert [(r[AT["name"]], r[AT["award"]]) for r in result.rows] == [("Nguyễn Văn Khải", "Lao động tiên tiến")]


def test_side_by_side_lists_below_another_table_and_without_stt(tmp_path: Path):
    """Review: under a first table, or without STT columns, the two lists were one table — each
    person got both awards, the right-hand people vanished, exit 0."""
    first = [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Năm"], [1, "Phan Văn Tài", "GV", "Tổ A", "LĐTT", 2019]]
    pair = [["STT", "Họ và tên", "Danh hiệu", "STT", "Họ và tên", "Danh hiệu"]]
    pair += [[1, "Lê Văn An", "LĐTT", 1, "Trần Văn Cao", "CSTĐCS"], [2, "Hà Thị Bé", "LĐTT", 2, "Đỗ Văn Dân", "CSTĐCS"]]
    bare = [[row[1], row[2], row[4], row[5]] for row in pair]
    for name, rows in (("below", [*first, [], ["DANH SÁCH THI ĐUA NĂM 2019"], *pair]), ("bare", [["NĂM 2019"], *bare])):
        result = load([write_xlsx(tmp_path / f"{name}.xlsx", rows)], jobs=1)
        got = sorted((r[AT["name"]], r[AT["award"]]) for r in result.rows)
        people = [("Hà Thị Bé", "Lao động tiên tiến"), ("Lê Văn An", "Lao động tiên tiến")]
        people += [("Trần Văn Cao", "Chiến sĩ thi đua cơ sở"), ("Đỗ Văn Dân", "Chiến sĩ thi đua cơ sở")]
        if name == "below":
            people.append(("Phan Văn Tài", "Lao động tiên tiến"))
        assert got == sorted(people), name
        assert not result.problems, name


def test_kind_tick_columns_are_no_second_list(tmp_path: Path):
    """Review: "CN | TT" (Cá nhân / Tập thể ticks) was taken for a second STT and split the list."""
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
        ["STT", "Họ và tên", "CN", "TT", "Tên đơn vị", "Hình thức khen thưởng"],
        [1, "Nguyễn Văn An", "x", None, "Tổ Toán", "Giấy khen"],
        [2, "Lê Thị Bé", "x", None, "Tổ Toán", "Giấy khen"],
        [3, "Hà Văn Cao", "x", None, "Tổ Văn", "Giấy khen"],
        [4, "Tổ Sử", None, "x", "Tổ Sử", "Giấy khen"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)], jobs=1)
    assert sorted(r[AT["name"]] for r in result.rows) == ["Hà Văn Cao", "Lê Thị Bé", "Nguyễn Văn An", "Tổ Sử"]


def test_a_full_width_table_below_side_by_side_lists_keeps_its_columns(tmp_path: Path):
    rows = [*_side_by_side(gap=False)[:-1], [], ["KHEN THƯỞNG KHÁC"]]
    rows += [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Năm"]]
    rows += [[i, n, "GV", "Tổ A", "Giấy khen", 2021] for i, n in enumerate(["Vũ Văn Giang", "Mai Thị Hoa"], 1)]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)], jobs=1)
    gk = sorted(r[AT["name"]] for r in result.rows if r[AT["award"]] == "Giấy khen")
    assert gk == ["Mai Thị Hoa", "Vũ Văn Giang"]
    assert len(result.rows) == 5 and [p.code for p in result.problems] == ["unknown-award"]
