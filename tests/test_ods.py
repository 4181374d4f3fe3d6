"""An .ods list reads as the same list saved as .xlsx: python-calamine gives no merged cells for
the format, so an award merged down over a block of rows (and a title merged across) is read
from the spans of content.xml (`ods.ods_sheets`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from thidua_cli import load
from thidua_cli.ods import ods_sheets
from thidua_cli.sheet_xml import SheetMarks

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _cell(text: object = None, rows: int = 1, cols: int = 1, repeat: int = 1) -> str:
    span = (f' table:number-rows-spanned="{rows}"' if rows > 1 else "") + (
        f' table:number-columns-spanned="{cols}"' if cols > 1 else ""
    )
    again = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if text is None:
        return f"<table:table-cell{again}{span}/>"
    if isinstance(text, int):
        return f'<table:table-cell office:value-type="float" office:value="{text}"{span}><text:p>{text}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"{span}><text:p>{text}</text:p></table:table-cell>'


def _covered(repeat: int = 1) -> str:
    return f'<table:covered-table-cell table:number-columns-repeated="{repeat}"/>' if repeat > 1 else "<table:covered-table-cell/>"


def _row(*cells: str, repeat: int = 1, visibility: str = "") -> str:
    again = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    seen = f' table:visibility="{visibility}"' if visibility else ""
    return f"<table:table-row{again}{seen}>{''.join(cells)}</table:table-row>"


def write_ods(path: Path, sheet: str, rows: list[str]) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">'
        f"{''.join(rows)}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


ROWS = [
    _row(_cell("DANH SÁCH KHEN THƯỞNG NĂM 2019", cols=4), _covered(3)),
    _row(_cell(repeat=4), repeat=2),  # two empty rows, written once
    _row(_cell("STT"), _cell("Họ và tên"), _cell("Chức vụ"), _cell("Danh hiệu")),
    _row(_cell(1), _cell("Lê Văn An"), _cell("Giáo viên"), _cell("Lao động tiên tiến", rows=3)),
    _row(_cell(2), _cell("Trần Thị Bình"), _cell("Giáo viên"), _covered()),
    _row(_cell(3), _cell("Phạm Văn Cường"), _cell("Nhân viên"), _covered()),
    _row(_cell(4), _cell("Hoàng Thị Dung"), _cell("Giáo viên"), _cell("Chiến sĩ thi đua cơ sở")),
]


def test_merged_cells_of_an_ods_are_read_from_its_spans(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "ds.ods", "Năm 2019", ROWS)
    assert ods_sheets(path.read_bytes()) == {"Năm 2019": ([((0, 0), (0, 3)), ((4, 3), (6, 3))], SheetMarks())}
    result = load([path])
    awards = sorted(zip(result.records["name"], result.records["award"].astype(str), strict=True))
    assert awards == [
        ("Hoàng Thị Dung", "Chiến sĩ thi đua cơ sở"),
        ("Lê Văn An", "Lao động tiên tiến"),
        ("Phạm Văn Cường", "Lao động tiên tiến"),
        ("Trần Thị Bình", "Lao động tiên tiến"),
    ]
    assert set(result.records["year"]) == {2019} and result.problems == []


def test_an_ods_whose_content_cannot_be_read_has_no_merges(tmp_path: Path) -> None:
    assert ods_sheets(b"PK not a zip") == {}
    path = tmp_path / "x.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<broken")
    assert ods_sheets(path.read_bytes()) == {}


def test_rows_hidden_in_an_ods_are_read_as_shown_like_an_xlsx(tmp_path: Path) -> None:
    rows = [*ROWS[:4], _row(_cell(2), _cell("Trần Thị Bình"), _cell("Giáo viên"), _covered(), visibility="collapse"), *ROWS[5:]]
    path = write_ods(tmp_path / "ds.ods", "Năm 2019", rows)
    assert ods_sheets(path.read_bytes())["Năm 2019"][1] == SheetMarks(rows=(5,))
    result = load([path])
    assert sorted(result.records["name"]) == ["Hoàng Thị Dung", "Lê Văn An", "Phạm Văn Cường"]  # before: all four
    assert [(p.code, p.value, p.detail) for p in result.problems] == [("hidden-rows", "6", "1")]


def test_rows_a_filter_hides_in_an_ods_are_counted_with_a_warning(tmp_path: Path) -> None:
    rows = [*ROWS[:4], _row(_cell(2), _cell("Trần Thị Bình"), _cell("Giáo viên"), _covered(), visibility="filter"), *ROWS[5:]]
    result = load([write_ods(tmp_path / "ds.ods", "Năm 2019", rows)])
    assert len(result.records) == 4
    assert [(p.code, p.value) for p in result.problems] == [("filtered-rows", "6")]



def test_a_row_collapsed_beside_filtered_rows_in_an_ods_stays_hidden_rows(tmp_path: Path) -> None:
    """Review: one row a filter hid made every hidden row of the sheet "filtered" (counted, exit 0)."""
    rows = [
        *ROWS[:4],
        _row(_cell(2), _cell("Trần Thị Bình"), _cell("Giáo viên"), _covered(), visibility="filter"),
        _row(_cell(3), _cell("Phạm Văn Cường"), _cell("Giáo viên"), _covered(), visibility="collapse"),
        *ROWS[6:],
    ]
    result = load([write_ods(tmp_path / "ds.ods", "Năm 2019", rows)])
    assert sorted(result.records["name"]) == ["Hoàng Thị Dung", "Lê Văn An", "Trần Thị Bình"]
    assert [(p.code, p.value) for p in result.problems] == [("filtered-rows", "6"), ("hidden-rows", "7")]
