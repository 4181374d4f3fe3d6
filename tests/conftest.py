"""Real workbooks for the tests, built with openpyxl / xlwt in tmp_path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from thidua_cli import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"

HEADER = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị",
    "Danh hiệu thi đua/Hình thức khen thưởng",
    "Cấp khen",
    "Số quyết định",
    "Năm",
]


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]],
    merges: Sequence[str] = (),
    sheet: str = "Sheet1",
    extra_sheets: dict[str, Sequence[Sequence[Any]]] | None = None,
) -> Path:
    """A workbook whose first sheet holds `rows` from A1 (None = empty cell)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(r, c, value)
    for rng in merges:
        ws.merge_cells(rng)
    for name, more in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for r, row in enumerate(more, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    other.cell(r, c, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def simple_sheet(records: Sequence[Sequence[Any]], heading: str = "DANH SÁCH KHEN THƯỞNG NĂM 2018") -> list[list[Any]]:
    """Title block, heading, the standard header, then `records` as rows."""
    return [
        ["SỞ LAO ĐỘNG - TB&XH", None, None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [],
        [heading],
        [],
        HEADER,
        *[list(r) for r in records],
    ]


@pytest.fixture(scope="session")
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue()


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):  # type: ignore[no-untyped-def]
    """Tests never touch the user's cache folder."""
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def write_ods(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Sheet1") -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves), written without extra packages."""
    import zipfile
    from xml.sax.saxutils import escape

    cells = []
    for row in rows:
        out = []
        for value in row:
            if value is None:
                out.append("<table:table-cell/>")
            elif isinstance(value, int | float):
                out.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
                )
            else:
                out.append(
                    f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'
                )
        cells.append(f"<table:table-row>{''.join(out)}</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{"".join(cells)}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path
