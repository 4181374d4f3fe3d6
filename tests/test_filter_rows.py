"""Hidden rows of a filtered .xlsx sheet, judged row by row from the filter's own criteria
(the sheet's AutoFilter, an Excel Table's): a row a criterion rejects is out of the filtered view
(filtered-rows: counted, a warning); a row the filter would show, or outside its range, was hidden
by hand (hidden-rows: not counted, an error); a row only a criterion we cannot check (a colour,
an icon, Top 10 …) may hide is maybe-filtered-rows (not counted, an error). Before, any
`filterColumn` in the sheet made every hidden row "filtered": counted, exit 0."""

from __future__ import annotations

import io
import json
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.worksheet.filters import (
    AutoFilter,
    ColorFilter,
    CustomFilter,
    CustomFilters,
    DynamicFilter,
    FilterColumn,
    Filters,
    Top10,
)
from openpyxl.worksheet.table import Table
from typer.testing import CliRunner

from thidua_cli import autofilter, load, sheet_xml
from thidua_cli.autofilter import BY_HAND, FILTERED, UNCHECKED, judge, parse
from thidua_cli.cli import app
from thidua_cli.reading import read_workbook

HEADING = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"
PEOPLE = ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Hồ Thị Dung", "Võ Văn Em", "Đỗ Thị Giang"]


def _book(path: Path, hide: tuple[int, ...], columns: list[FilterColumn], ref: str = "A3:E9", table: bool = False) -> Path:
    """Heading on row 1, header on row 3, the six people on rows 4–9 (year in E), filtered by
    `columns` over `ref`: the sheet's AutoFilter, or an Excel Table's own (`table`)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS 2019"
    ws.append([HEADING])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Danh hiệu", "Năm"])
    for i, name in enumerate(PEOPLE, 1):
        ws.append([i, name, "Giáo viên", "Lao động tiên tiến", 2019])
    for r in hide:
        ws.row_dimensions[r].hidden = True
    if table:
        ws.add_table(Table(displayName="DS2019", ref=ref, autoFilter=AutoFilter(ref=ref, filterColumn=columns)))
    else:
        ws.auto_filter.ref = ref
        ws.auto_filter.filterColumn = columns
    wb.save(path)
    return path


def _names(*rows: int) -> FilterColumn:
    """A filter on the names (column B) showing the people of these Excel rows."""
    return FilterColumn(colId=1, filters=Filters(filter=[PEOPLE[r - 4] for r in rows]))


def _found(path: Path) -> list[tuple[str, str, str]]:
    return [(p.code, p.value or "", p.detail or "") for p in load([path]).problems]


def _tally(path: Path) -> tuple[int, int]:
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json"])
    return out.exit_code, json.loads(out.stdout)["total"]


def test_a_row_hidden_by_hand_in_a_filtered_sheet_is_hidden_rows(tmp_path: Path) -> None:
    """Row 7 (Hồ Thị Dung) is one the filter shows: the clerk hid it (before: filtered-rows, 6, exit 0)."""
    for table in (False, True):
        path = _book(tmp_path / f"ds{table}.xlsx", hide=(5, 7), columns=[_names(4, 6, 7, 8, 9)], table=table)
        assert _found(path) == [("filtered-rows", "5", "1"), ("hidden-rows", "7", "1")]
        assert _tally(path) == (1, 5)


def test_a_filter_column_without_criteria_filters_nothing(tmp_path: Path) -> None:
    """A hidden button (<filterColumn colId="2" hiddenButton="1"/>), an empty column: no criterion
    (before: every hidden row filtered-rows, exit 0)."""
    for i, column in enumerate([FilterColumn(colId=2, hiddenButton=True), FilterColumn(colId=3)]):
        path = _book(tmp_path / f"ds{i}.xlsx", hide=(6,), columns=[column])
        assert b"filterColumn" in _sheet_xml(path)
        assert _found(path) == [("hidden-rows", "6", "1")]
        assert _tally(path) == (1, 5)


def _sheet_xml(path: Path) -> bytes:
    import zipfile

    return zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")


def test_rows_hidden_outside_the_filters_range_are_hidden_rows(tmp_path: Path) -> None:
    """The filter over A6:E8: its header (6) and the rows above (5) or below (9) are not filtered
    (before: all filtered-rows, exit 0); row 7, which it rejects, is."""
    path = _book(tmp_path / "ds.xlsx", hide=(5, 6, 7, 9), columns=[_names(8)], ref="A6:E8")
    assert _found(path) == [("filtered-rows", "7", "1"), ("hidden-rows", "5–6, 9", "3")]
    assert _tally(path) == (1, 3)
    path = _book(tmp_path / "t.xlsx", hide=(5, 9), columns=[_names(4, 6)], ref="A3:E7", table=True)
    assert _found(path) == [("filtered-rows", "5", "1"), ("hidden-rows", "9", "1")]


def test_criteria_that_cannot_be_checked_leave_the_row_uncounted_and_said(tmp_path: Path) -> None:
    """A colour, Top 10 or a relative date decides what the values do not say: maybe-filtered-rows,
    an error, the rows not counted (before: filtered-rows, counted, exit 0)."""
    unchecked = [
        FilterColumn(colId=1, colorFilter=ColorFilter(dxfId=0)),
        FilterColumn(colId=0, top10=Top10(top=True, val=3)),
        FilterColumn(colId=4, dynamicFilter=DynamicFilter(type="thisYear")),
    ]
    for i, column in enumerate(unchecked):
        path = _book(tmp_path / f"ds{i}.xlsx", hide=(5, 6), columns=[column])
        assert _found(path) == [("maybe-filtered-rows", "5–6", "2")]
        out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
        assert out.exit_code == 1 and json.loads(out.stdout)["total"] == 4
        assert "could not be checked" in out.stderr
    # another criterion that rejects the row settles it: the filter hides it whatever the colour
    path = _book(tmp_path / "both.xlsx", hide=(5, 6), columns=[unchecked[0], _names(4, 6, 7, 8, 9)])
    assert _found(path) == [("filtered-rows", "5", "1"), ("maybe-filtered-rows", "6", "1")]


def test_numbers_compare_by_their_text_and_custom_filters_by_value(tmp_path: Path) -> None:
    """Year 2019.0 is shown "2019"; a row of 2018 under a filter for 2019 is filtered, one of 2019 hidden by hand."""
    path = tmp_path / "ds.xlsx"
    _book(path, hide=(5, 6), columns=[FilterColumn(colId=4, filters=Filters(filter=["2019"]))])
    wb = openpyxl.load_workbook(path)
    wb.active["E5"] = 2018.0
    wb.save(path)
    assert [(c, v) for c, v, _ in _found(path)][:2] == [("filtered-rows", "5"), ("hidden-rows", "6")]
    custom = FilterColumn(colId=0, customFilters=CustomFilters(customFilter=[CustomFilter(operator="lessThan", val="3")]))
    path = _book(tmp_path / "c.xlsx", hide=(5, 6), columns=[custom])  # STT 2 shown (< 3), STT 3 filtered
    assert _found(path) == [("filtered-rows", "6", "1"), ("hidden-rows", "5", "1")]


def test_the_cell_by_cell_read_judges_the_same(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", hide=(5, 7), columns=[_names(4, 6, 7, 8, 9)], table=True)
    grid = read_workbook(path, sparse=True)
    assert grid.notes == [("filtered-rows", "DS 2019", "5", "1")]
    assert grid.sheets[0].hidden_rows == (6,) and grid.sheets[0].unchecked_rows == ()


def _filter(xml: str) -> object:
    found = parse(xml.encode())
    assert found is not None
    return found


def test_filters_values_are_matched_as_excel_does() -> None:
    """<filter val> against the displayed text: case aside (surrounding spaces: not known), numbers by their
    natural text, blank="1" for empty cells, dates by their dateGroupItem."""
    f = _filter(
        '<x:autoFilter ref="$B$2:$D$20"><x:filterColumn colId="0"><x:filters blank="1"><x:filter val="LAO ĐỘNG TIÊN TIẾN"/>'
        '<x:filter val="2019"/><x:filter val="8,5"/></x:filters></x:filterColumn></x:autoFilter>'
    )
    row = ["", None]
    assert judge([f], 1, [*row, "x"]) == BY_HAND  # the header row
    assert judge([f], 20, [*row, "x"]) == BY_HAND  # below the range
    for shown in ("lao động TIÊN TIẾN", None, ""):
        assert judge([f], 4, [*row[:1], shown]) == BY_HAND, shown
    assert judge([f], 4, ["", "  Lao động tiên tiến "]) == UNCHECKED  # Excel lists it apart: ticked or not?
    assert judge([f], 4, ["", "Lao động"]) == FILTERED
    for number in (2019.0, 7.5):  # a format may show a number as a listed text ("Năm "0)
        assert judge([f], 4, ["", number]) == UNCHECKED, number
    f = _filter('<autoFilter ref="A1:A9"><filterColumn colId="0"><filters><filter val="2019"/><filter val="8,5"/></filters></filterColumn></autoFilter>')
    for shown in (2019.0, 2019, 8.5):
        assert judge([f], 4, [shown]) == BY_HAND, shown
    for hidden in (2018.0, 7.5):
        assert judge([f], 4, [hidden]) == FILTERED, hidden
    assert judge([f], 4, [datetime(2019, 1, 1)]) == UNCHECKED  # a date's displayed text: unknown
    assert judge([f], 4, [True]) == UNCHECKED
    f = _filter('<autoFilter ref="A1:A9"><filterColumn colId="0"><filters><filter val="2,019"/></filters></filterColumn></autoFilter>')
    assert judge([f], 4, [2019.0]) == UNCHECKED  # "2,019" may be 2019 with a thousands separator
    assert judge([f], 4, [2018.0]) == FILTERED and judge([f], 4, [""]) == FILTERED
    f = _filter(
        '<autoFilter ref="A1:A9"><filterColumn colId="0"><filters><dateGroupItem year="2019" month="3" '
        'dateTimeGrouping="month"/></filters></filterColumn></autoFilter>'
    )
    assert judge([f], 4, [date(2019, 3, 15)]) == BY_HAND and judge([f], 4, [date(2019, 4, 1)]) == FILTERED
    assert judge([f], 4, [43539.0]) == UNCHECKED  # a date calamine did not take for one
    assert judge([f], 4, ["15/03/2019"]) == UNCHECKED  # a date typed as text: not a date group's


def test_custom_filters_and_unknown_criteria() -> None:
    f = _filter(
        '<autoFilter ref="A1:B9"><filterColumn colId="0"><customFilters><customFilter val="Lao*"/>'
        '<customFilter operator="equal" val="?hiến sĩ"/></customFilters></filterColumn>'
        '<filterColumn colId="1"><customFilters and="1"><customFilter operator="greaterThanOrEqual" val="2016"/>'
        '<customFilter operator="lessThanOrEqual" val="2020"/></customFilters></filterColumn></autoFilter>'
    )
    assert judge([f], 3, ["lao động tiên tiến", 2019.0]) == BY_HAND
    assert judge([f], 3, ["Chiến sĩ", 2016.0]) == BY_HAND
    assert judge([f], 3, ["Giấy khen", 2019.0]) == FILTERED
    assert judge([f], 3, ["Lao động", 2021.0]) == FILTERED
    assert judge([f], 3, ["Lao động", "2019"]) == UNCHECKED  # a text compared with a number: a collation
    f = _filter('<autoFilter ref="A1:A9"><filterColumn colId="0"><customFilters><customFilter operator="notEqual" val=" "/></customFilters></filterColumn></autoFilter>')
    assert judge([f], 3, ["x"]) == BY_HAND and judge([f], 3, [None]) == FILTERED  # Excel's "(Non blanks)"
    f = _filter('<autoFilter ref="A1:A9"><filterColumn colId="0"><iconFilter iconSet="3Arrows"/></filterColumn><filterColumn colId="0"><filters/></filterColumn></autoFilter>')
    assert judge([f], 3, ["x"]) == UNCHECKED
    uid = '<autoFilter ref="A1:A9" xr:uid="{0}"><filterColumn colId="0"><filters><filter val="x"/></filters></filterColumn></autoFilter>'
    assert judge([_filter(uid)], 3, ["y"]) == FILTERED  # a prefix declared on the sheet's root only
    assert judge([_filter(uid.replace("</autoFilter>", ""))], 3, ["y"]) == UNCHECKED  # cut short: never "filtered"
    assert parse(b'<autoFilter ref="A1:B9"/>') is not None and judge([_filter('<autoFilter ref="A1:B9"/>')], 3, ["x"]) == BY_HAND


def test_the_sheets_own_filter_is_read_in_the_single_pass(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Across chunk boundaries; a custom view's filter (<customSheetView><autoFilter>) is not the
    sheet's; a sheet without hidden rows keeps no filter."""
    rows = b"".join(b'<row r="%d"%s><c r="B%d"><v>%d</v></c></row>' % (r, b' hidden="1"' if r == 5 else b"", r, r) for r in range(1, 30))
    tail = b'<autoFilter ref="A1:B29"><filterColumn colId="1"><filters><filter val="5"/></filters></filterColumn></autoFilter>'
    xml = b"<worksheet><sheetData>" + rows + b"</sheetData>" + tail + b"<pageMargins/></worksheet>"
    monkeypatch.setattr(sheet_xml, "CHUNK", 37)
    marks = sheet_xml.sheet_marks(xml[:50], io.BytesIO(xml[50:]), frozenset())
    assert marks.rows == (4,) and len(marks.filters) == 1
    assert judge(marks.filters, 4, ["", 5.0]) == BY_HAND and judge(marks.filters, 4, ["", 6.0]) == FILTERED
    viewed = xml.replace(tail, b'<customSheetViews><customSheetView guid="{1}">' + tail + b"</customSheetView></customSheetViews>")
    assert sheet_xml.sheet_marks(viewed[:50], io.BytesIO(viewed[50:]), frozenset()).filters == ()
    shown = xml.replace(b' hidden="1"', b"")
    assert sheet_xml.sheet_marks(shown[:50], io.BytesIO(shown[50:]), frozenset()).filters == ()


def _patched(path: Path, member: str, edit: Callable[[bytes], bytes]) -> Path:
    """The workbook with one part's XML edited by hand (what openpyxl does not write)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, edit(data) if info.filename == member else data)
    return path


def _cells(path: Path, values: dict[str, object], number_format: str | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    for where, value in values.items():
        wb.active[where] = value
        if number_format:
            wb.active[where].number_format = number_format
    wb.save(path)
    return path


def test_an_empty_ref_is_no_filter_and_a_filter_this_code_fails_on_is_not_checked(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """<autoFilter ref=""> (either quote) is no filter: its hidden rows were hidden by hand (before:
    AttributeError, the file skipped, exit 3). A filter whose parsing fails (here made to) leaves
    its rows maybe-filtered-rows and the sheet's other marks kept (before: the error reached the
    read of every sheet's marks, which dropped them all: the hidden rows and column counted, exit 0)."""
    for quote, table in (('"', False), ("'", True)):
        path = _book(tmp_path / f"ds{table}.xlsx", hide=(5, 7), columns=[_names(4, 6, 7, 8, 9)], table=table)
        member = "xl/tables/table1.xml" if table else "xl/worksheets/sheet1.xml"
        _patched(path, member, lambda d, q=quote: d.replace(b'<autoFilter ref="A3:E9"', b"<autoFilter ref=%s%s" % (q.encode(), q.encode())))
        assert _found(path) == [("hidden-rows", "5, 7", "2")]
        assert _tally(path) == (1, 4)
    assert parse(b'<autoFilter ref="">') is None

    def broken(node: object) -> object:
        raise ValueError("a bug")

    monkeypatch.setattr(autofilter, "_criterion", broken)
    path = _cells(_book(tmp_path / "bug.xlsx", hide=(5, 7), columns=[_names(4, 6, 7, 8, 9)]), {"G4": "ghi chú"})
    wb = openpyxl.load_workbook(path)
    wb.active.column_dimensions["G"].hidden = True
    wb.save(path)
    assert _found(path) == [("hidden-columns", "G", ""), ("maybe-filtered-rows", "5, 7", "2")]


def test_digits_other_than_0_9_make_a_criterion_not_checked(tmp_path: Path) -> None:
    """colId="²" and dateGroupItem year="2²": str.isdigit() took them, int() raised ValueError, and
    the read of the workbook's marks dropped every sheet's hidden rows and columns (6 counted, exit
    0). Now that criterion is not checked: maybe-filtered-rows."""
    edits = [
        lambda d: d.replace(b'colId="1"', 'colId="²"'.encode()),
        lambda d: d.replace(b"<filters>", '<filters><dateGroupItem year="2²" dateTimeGrouping="year"/>'.encode()),
        lambda d: d.replace(b"<filters>", '<filters><dateGroupItem year="２０１９" dateTimeGrouping="year"/>'.encode()),
    ]
    for i, edit in enumerate(edits):
        path = _book(tmp_path / f"ds{i}.xlsx", hide=(5, 7), columns=[_names(4, 6, 7, 8, 9)])
        _patched(path, "xl/worksheets/sheet1.xml", edit)
        assert _found(path) == [("maybe-filtered-rows", "5, 7", "2")], i
        assert _tally(path) == (1, 4)


def test_a_number_whose_format_shows_a_text_is_not_judged(tmp_path: Path) -> None:
    """1 and 0 shown "Có" / "Không" by [=1]"Có";[=0]"Không", -1000 shown "(1,000)", 8.6 shown "9"
    under equal 9: the filter's texts are not the numbers' own ("1", "-1000", "8.6"), so every row
    looked filtered (counted, exit 0, row 7 hidden by hand among them). Now: maybe-filtered-rows."""
    cases = [
        ('[=1]"Có";[=0]"Không";General', Filters(filter=["Có"]), 0, 1),
        ("#,##0;(#,##0)", Filters(filter=["(1,000)"]), 5, -1000),
    ]
    for i, (number_format, criterion, row5, row7) in enumerate(cases):
        path = _book(tmp_path / f"ds{i}.xlsx", hide=(5, 7), columns=[FilterColumn(colId=0, filters=criterion)])
        _cells(path, {"A4": row7, "A5": row5, "A6": row7, "A7": row7, "A8": row7, "A9": row7}, number_format)
        assert _found(path) == [("maybe-filtered-rows", "5, 7", "2")], number_format
    equal = CustomFilters(customFilter=[CustomFilter(operator="equal", val="9")])
    path = _book(tmp_path / "eq.xlsx", hide=(5, 7), columns=[FilterColumn(colId=0, customFilters=equal)])
    _cells(path, {"A5": 8.6, "A7": 9})
    assert _found(path) == [("hidden-rows", "7", "1"), ("maybe-filtered-rows", "5", "1")]


def test_texts_excel_lists_apart_are_not_taken_for_the_ticked_one(tmp_path: Path) -> None:
    """Excel lists "Tổ Toán " (a trailing space) and an NFD "Tổ Toán" apart from "Tổ Toán": a filter
    ticking only the last may hide them (before: hidden-rows, a false error); "tổ toán" is the same
    entry (hidden by hand). A line feed in the cell, a space in the filter's attribute (a literal
    line feed there reads as one, XML 3.3.3): not known either (before: filtered-rows, counted)."""
    ticked = FilterColumn(colId=2, filters=Filters(filter=["Tổ Toán"]))
    path = _book(tmp_path / "ds.xlsx", hide=(5, 6, 7, 8), columns=[ticked])
    others = {"C4": "Tổ Toán", "C9": "Tổ Toán", "C6": "tổ toán", "C8": "Tổ Văn"}
    _cells(path, {**others, "C5": "Tổ Toán ", "C7": unicodedata.normalize("NFD", "Tổ Toán")})
    assert _found(path) == [("filtered-rows", "8", "1"), ("hidden-rows", "6", "1"), ("maybe-filtered-rows", "5, 7", "2")]
    unit = "Phòng Tổ chức\nHành chính"
    path = _book(tmp_path / "lf.xlsx", hide=(5, 7), columns=[FilterColumn(colId=2, filters=Filters(filter=[unit]))])
    _cells(path, {f"C{r}": unit if r in (4, 7) else "Tổ Toán" for r in range(4, 10)})
    assert b"&#10;" in _sheet_xml(path)
    assert _found(path) == [("filtered-rows", "5", "1"), ("hidden-rows", "7", "1")]  # the line feed escaped
    _patched(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"&#10;", b"\n"))
    assert _found(path) == [("filtered-rows", "5", "1"), ("maybe-filtered-rows", "7", "1")]


def test_the_warning_names_a_tables_filter_too(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", hide=(5,), columns=[_names(4, 6, 7, 8, 9)], table=True)
    (found,) = load([path]).problems
    assert found.code == "filtered-rows"
    assert "bộ lọc của một bảng Excel" in found.message("vi") and "an Excel Table's" in found.message("en")


def test_a_table_part_broken_in_the_zip_leaves_its_rows_unchecked(tmp_path: Path) -> None:
    """A bad CRC in xl/tables/table1.xml (python-calamine never reads it): before, the error reached
    the read of the workbook's marks, which dropped every hidden row: 6 counted, exit 0."""
    path = _book(tmp_path / "ds.xlsx", hide=(5, 7), columns=[_names(4, 6, 7, 8, 9)], table=True)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/tables/table1.xml")
    data = bytearray(path.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 5] ^= 0xFF  # in its compressed bytes
    path.write_bytes(bytes(data))
    assert _found(path) == [("maybe-filtered-rows", "5, 7", "2")]
    assert _tally(path) == (1, 4)
    sparse = read_workbook(path, sparse=True).sheets[0]  # the cell-by-cell read: the same
    assert sparse.hidden_rows == sparse.unchecked_rows == (4, 6)


def test_a_text_whose_number_format_adds_to_it_is_not_judged(tmp_path: Path) -> None:
    """"Toán" under the format '"Tổ "@' is shown, and listed by the filter, as "Tổ Toán": before,
    every such row looked filtered (row 7, hidden by hand, counted with exit 0). A format that shows
    a text as typed ('@', '0.00', 'dd/mm/yyyy;@') changes nothing."""
    ticked = FilterColumn(colId=2, filters=Filters(filter=["Tổ Toán"]))
    for number_format, expected in [
        ('"Tổ "@', [("maybe-filtered-rows", "5, 7", "2")]),
        ("0;-0;0;@", [("filtered-rows", "5", "1"), ("hidden-rows", "7", "1")]),
    ]:
        path = _book(tmp_path / "ds.xlsx", hide=(5, 7), columns=[ticked])
        typed = "Toán" if number_format.startswith('"') else "Tổ Toán"
        _cells(path, {f"C{r}": "Văn" if r == 5 else typed for r in range(4, 10)}, number_format)
        assert _found(path) == expected, number_format
        assert read_workbook(path, sparse=True).sheets[0].unchecked_rows == tuple(r - 1 for r in (5, 7) if len(expected) == 1)
    styles = (
        b'<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;T&#7893; &quot;@"/><numFmt numFmtId="165" '
        b'formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="166" formatCode="0;-0;0;&quot;x&quot;"/></numFmts><cellXfs count="4">'
        b'<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>'
    )
    assert sheet_xml.text_styles(styles) == {1, 3}
