"""Rows a clerk hid in Excel, or whose name she struck through, to take people off a list without
deleting them: read as the sheet shows them (not counted) and said (hidden-rows, struck-out: errors,
exit 1). Before, every hidden or struck row was counted with exit 0. Rows an AutoFilter hides are a
view of the list: counted, with the warning filtered-rows."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font
from typer.testing import CliRunner

from thidua_cli import load, sheet_xml
from thidua_cli.cli import app

HEADING = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"
PEOPLE = ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Hồ Thị Dung", "Võ Văn Em", "Đỗ Thị Giang"]


def _book(path: Path, hide: tuple[int, ...] = (), strike: tuple[int, ...] = (), merge: str | None = None) -> Path:
    """Heading on row 1, header on row 3, the six people on rows 4–9."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS 2019"
    ws.append([HEADING])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Danh hiệu"])
    for i, name in enumerate(PEOPLE, 1):
        ws.append([i, name, "Giáo viên", "Lao động tiên tiến"])
    for r in hide:
        ws.row_dimensions[r].hidden = True
    for r in strike:
        ws.cell(r, 2).font = Font(strike=True)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def _names(path: Path) -> list[str]:
    return sorted(load([path]).records["name"])


def test_hidden_rows_are_not_counted_and_are_said(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", hide=(5, 6, 9))
    result = load([path])
    assert sorted(result.records["name"]) == sorted(["Lê Văn An", "Hồ Thị Dung", "Võ Văn Em"])
    assert [(p.code, p.sheet, p.value, p.detail) for p in result.problems] == [("hidden-rows", "DS 2019", "5–6, 9", "3")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 1  # before: 6 records, exit 0
    assert json.loads(out.stdout)["total"] == 3
    assert "hidden in Excel (rows 5–6, 9)" in out.stderr and "hidden rows: 3" in out.stderr


def test_a_hidden_row_inside_a_merged_award_block_leaves_the_others_their_award(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", hide=(4,), merge="D4:D9")  # the block's first row, which holds the text
    assert _names(path) == sorted(PEOPLE[1:])


def test_an_empty_hidden_row_is_no_finding(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", hide=(2,))
    result = load([path])
    assert len(result.records) == 6 and result.problems == []


def test_rows_hidden_by_an_autofilter_are_counted_with_a_warning(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", hide=(5, 6))
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.auto_filter.ref = "A3:D9"
    ws.auto_filter.add_filter_column(1, ["Lê Văn An", "Hồ Thị Dung", "Võ Văn Em", "Đỗ Thị Giang"])
    wb.save(path)
    result = load([path])
    assert len(result.records) == 6
    assert [(p.code, p.value, p.detail) for p in result.problems] == [("filtered-rows", "5–6", "2")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 0 and json.loads(out.stdout)["total"] == 6


def _table_book(path: Path, hide: tuple[int, ...], filtered: bool = True, ref: str = "A3:D9") -> Path:
    """The list as an Excel Table (Insert › Table) whose own filter hides `hide`, or unfiltered."""
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table

    _book(path, hide=hide)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    table = Table(displayName="DS2019", ref=ref, autoFilter=AutoFilter(ref=ref))
    if filtered:
        table.autoFilter.add_filter_column(1, ["Lê Văn An", "Hồ Thị Dung", "Võ Văn Em", "Đỗ Thị Giang"])
    ws.add_table(table)
    wb.save(path)
    return path


def test_rows_hidden_by_an_excel_tables_own_filter_are_counted_with_a_warning(tmp_path: Path) -> None:
    path = _table_book(tmp_path / "ds.xlsx", hide=(5, 6))
    result = load([path])
    assert len(result.records) == 6  # before: 4, rows 5–6 hidden-rows (not counted, exit 1)
    assert [(p.code, p.value, p.detail) for p in result.problems] == [("filtered-rows", "5–6", "2")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 0 and json.loads(out.stdout)["total"] == 6
    from thidua_cli.reading import read_workbook

    sparse = read_workbook(path, sparse=True)  # the cell-by-cell read sees the table's filter too
    assert sparse.notes == [("filtered-rows", "DS 2019", "5–6", "2")] and sparse.sheets[0].hidden_rows == ()


def test_rows_hidden_outside_a_filtered_table_or_in_an_unfiltered_one_are_hidden_rows(tmp_path: Path) -> None:
    path = _table_book(tmp_path / "ds.xlsx", hide=(5, 8), ref="A3:D7")  # row 8 is below the table
    result = load([path])
    assert sorted(result.records["name"]) == sorted(n for n in PEOPLE if n != "Võ Văn Em")
    assert [(p.code, p.value, p.detail) for p in result.problems] == [("filtered-rows", "5", "1"), ("hidden-rows", "8", "1")]
    path = _table_book(tmp_path / "ds2.xlsx", hide=(5,), filtered=False)  # a table with no filter set
    assert [(p.code, p.value) for p in load([path]).problems] == [("hidden-rows", "5")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json"])
    assert out.exit_code == 1 and json.loads(out.stdout)["total"] == 5


def test_the_table_parts_are_read_only_for_a_sheet_with_hidden_rows_and_tables(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    xml = b'<worksheet><sheetData><row r="4" hidden="1"><c r="B4"><v>1</v></c></row></sheetData></worksheet>'
    marks = sheet_xml.sheet_marks(xml, io.BytesIO(b""), frozenset())
    assert marks.rows == (3,) and marks.tables == () and marks.filtered == ()
    xml = xml.replace(b"</worksheet>", b'<tableParts count="1"><tablePart r:id="rId7"/></tableParts></worksheet>')
    assert sheet_xml.sheet_marks(xml, io.BytesIO(b""), frozenset()).tables == (b"rId7",)

    def no_read(*args: object) -> None:
        raise AssertionError("a table part read for a sheet without tables")

    monkeypatch.setattr(sheet_xml, "table_filters", no_read)
    path = _book(tmp_path / "ds.xlsx", hide=(5,))  # hidden rows, no table: no part read beyond the sheet's
    assert [(p.code, p.value) for p in load([path]).problems] == [("hidden-rows", "5")]


def test_a_struck_through_name_is_not_counted_and_is_said(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx", strike=(6,))
    result = load([path])
    assert _names(path) == sorted(n for n in PEOPLE if n != "Phạm Văn Cường")
    assert [(p.code, p.row, p.value) for p in result.problems] == [("struck-out", 6, "Phạm Văn Cường")]
    out = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert out.exit_code == 1 and "struck through" in out.stdout


def test_a_struck_through_heading_strikes_no_row(tmp_path: Path) -> None:
    path = _book(tmp_path / "ds.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.cell(1, 1).font = Font(strike=True, bold=True)
    wb.save(path)
    result = load([path])
    assert len(result.records) == 6 and result.problems == []


def test_struck_formats_are_found_from_the_fonts_they_use() -> None:
    styles = (
        b'<styleSheet><fonts count="3"><font><sz val="11"/></font><font><strike/><sz val="11"/></font>'
        b'<font><strike val="0"/></font></fonts><cellXfs count="4"><xf fontId="0"/><xf fontId="1" applyFont="1"/>'
        b'<xf fontId="2"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>'
    )
    assert sheet_xml.struck_styles(styles) == {1, 3}
    assert sheet_xml.struck_styles(b'<styleSheet><fonts count="1"><font><b/></font></fonts></styleSheet>') == set()


def test_sheet_marks_read_across_chunk_boundaries(monkeypatch: object) -> None:
    rows = b"".join(
        b'<row r="%d"%s><c r="B%d" s="%d" t="s"><v>1</v></c></row>' % (r, b' hidden="1"' if r % 7 == 0 else b"", r, r % 3)
        for r in range(1, 200)
    )
    xml = b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>"
    monkeypatch.setattr(sheet_xml, "CHUNK", 37)  # type: ignore[attr-defined]
    stream = io.BytesIO(xml[100:])
    marks = sheet_xml.sheet_marks(xml[:100], stream, frozenset({2}))
    assert marks.rows == tuple(r - 1 for r in range(7, 200, 7))
    assert marks.struck == {(r - 1, 1) for r in range(1, 200) if r % 3 == 2}
    assert not marks.filtered


def test_the_cell_by_cell_read_sees_hidden_rows_and_struck_names_too(tmp_path: Path) -> None:
    from thidua_cli.reading import read_workbook

    path = _book(tmp_path / "ds.xlsx", hide=(5,), strike=(7,))
    sheet = read_workbook(path, sparse=True).sheets[0]  # the openpyxl read, for a file calamine gave up on
    assert sheet.hidden_rows == (4,) and sheet.struck == {(6, 1)}
    assert read_workbook(path, sparse=True).notes == []  # said once the tables are found (sheet_tasks)


def test_marks_are_found_in_any_quoting_spacing_and_attribute_order() -> None:
    """Review: hidden='1', hidden = "1" and a cell with s before r were missed (counted, exit 0)."""
    xml = (
        b"<worksheet><sheetData>"
        b"<row r='4' hidden='1'><c r='B4'><v>1</v></c></row>"
        b'<row hidden = "true" r = "5"><c s="2" r="B5"><v>1</v></c></row>'
        b"<x:row r='6'><x:c s='2' r='C6'><v>1</v></x:c></x:row>"
        b"</sheetData></worksheet>"
    )
    marks = sheet_xml.sheet_marks(xml, io.BytesIO(b""), frozenset({2}))
    assert marks.rows == (3, 4) and marks.struck == {(4, 1), (5, 2)}


def test_a_finding_names_at_most_twenty_runs_of_hidden_rows(tmp_path: Path) -> None:
    from thidua_cli.reading import row_runs

    assert row_runs(list(range(0, 100, 2))) == ", ".join(str(r) for r in range(1, 41, 2)) + ", …"
    assert row_runs([8, 9, 14]) == "9–10, 15"


def _template(path: Path, hide: tuple[int, ...]) -> Path:
    """A template's list: heading (1–2), header (4), column numbers (5), people (6–8), a blank
    numbered row (9), a note (10); its sections (11: "II. TẬP THỂ") and one collective (12)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS 2019"
    ws.append(["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["DANH SÁCH KHEN THƯỞNG LAO ĐỘNG TIÊN TIẾN NĂM 2019"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Danh hiệu"])
    ws.append(["(1)", "(2)", "(3)", "(4)"])
    for i, name in enumerate(PEOPLE[:3], 1):
        ws.append([i, name, "Giáo viên", "Lao động tiên tiến"])
    ws.append([4])
    ws.append(["Ghi chú: danh sách do phòng Tổ chức lập"])
    ws.append(["II. TẬP THỂ"])
    ws.append([1, "Tổ Toán", "", "Tập thể lao động tiên tiến"])
    for r in hide:
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return path


def test_hidden_rows_that_are_no_records_are_a_note_not_an_error(tmp_path: Path) -> None:
    path = _template(tmp_path / "ds.xlsx", hide=(1, 5, 9, 10))
    result = load([path])
    assert len(result.records) == 4
    found = [(p.code, p.value, p.detail, p.severity.value) for p in result.problems]
    assert found == [("hidden-other-rows", "1, 5, 9–10", "4", "info")]  # before: hidden-rows, an error
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 0 and json.loads(out.stdout)["total"] == 4  # before: exit 1
    out = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    assert out.exit_code == 0 and [f["code"] for f in json.loads(out.stdout)["findings"]] == ["hidden-other-rows"]


def test_a_hidden_row_holding_a_record_a_section_or_an_awards_heading_stays_an_error(tmp_path: Path) -> None:
    path = _template(tmp_path / "ds.xlsx", hide=(2, 5, 7, 11))  # heading with the award, column numbers, a person, a section
    result = load([path])
    # its section hidden, "Tổ Toán | TTLĐTT" is under "Họ và tên" alone: the name and the award say Tập thể
    assert sorted(result.records["name"]) == ["Lê Văn An", "Phạm Văn Cường", "Tổ Toán"]
    found = [(p.code, p.row, p.value, p.detail) for p in result.problems]
    assert found == [("hidden-rows", None, "2, 7, 11", "3"), ("hidden-other-rows", None, "5", "1")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json"])
    assert out.exit_code == 1


def test_a_hidden_row_in_a_sheet_without_a_table_stays_an_error(tmp_path: Path) -> None:
    path = _template(tmp_path / "ds.xlsx", hide=(4, 5))  # the header itself: no table is found
    found = [(p.code, p.value) for p in load([path]).problems]
    assert ("hidden-rows", "4–5") in found


def test_a_hidden_person_whose_name_is_in_a_merged_cell_stays_hidden_rows(tmp_path: Path) -> None:
    """Review: the name typed over STT and name merged (A6:B6) was read as "no record hidden"
    (hidden-other-rows, exit 0) while the visible sheet counts the person."""
    wb = openpyxl.Workbook()
    ws = wb.active
    rows: list[list[object]] = [
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        [1, "Nguyễn Văn An", "Giáo viên", "Trường THCS A"],
        [2, "Trần Thị Bình", "Giáo viên", "Trường THCS A"],
        ["Phạm Văn Cường", None, "Giáo viên", "Trường THCS A"],
        [4, "Lê Thị Dung", "Giáo viên", "Trường THCS A"],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A5:B5")
    ws.row_dimensions[5].hidden = True
    (tmp_path / "ds").mkdir()
    wb.save(tmp_path / "ds" / "a.xlsx")
    result = load([tmp_path / "ds"])
    assert result.total == 3
    assert [p.code for p in result.errors] == ["hidden-rows"]


def test_zip_members_are_read_from_the_archive_bytes_as_zipfile_reads_them(tmp_path: Path) -> None:
    """The sheet scan inflates each part straight from the file's bytes (`sheet_xml.Member`, for
    speed): every member the same bytes as zipfile's, deflated or stored, in chunks of any size;
    a part whose CRC does not match raises as zipfile does, and the hidden rows of a stored part
    are found too."""
    import zipfile

    path = _book(tmp_path / "ds.xlsx", hide=(5, 6))
    stored = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
    for book in (path, stored):
        data = book.read_bytes()
        archive = zipfile.ZipFile(io.BytesIO(data))
        for info in archive.infolist():
            member, chunks = sheet_xml.Member(data, info, archive), []
            while chunk := member.read(97):
                chunks.append(chunk)
            assert b"".join(chunks) == archive.read(info)
    assert sorted(load([stored]).records["name"]) == sorted(n for i, n in enumerate(PEOPLE, 4) if i not in (5, 6))
    data = bytearray(stored.read_bytes())
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    sheet = next(i for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
    at = data.index(b"<row", sheet.header_offset)  # stored: the XML is in the file as it is
    data[at + 1 : at + 4] = b"ROW"
    member = sheet_xml.Member(bytes(data), sheet, archive)
    with pytest.raises(zipfile.BadZipFile):
        while member.read(1 << 20):
            pass
