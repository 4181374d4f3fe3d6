"""Hostile workbooks for the tests, written part by part (tiny files, built at test time).

openpyxl cannot write most of these (it would allocate a whole-sheet merge itself), so the
.xlsx parts are written here as XML: what a broken or malicious producer could send.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def raw_xlsx(
    path: Path,
    cells: dict[str, object],
    *,
    dimension: str | None = None,
    merges: Sequence[str] = (),
    sst_count: int | None = None,
    sheets: bool = True,
    sheet_name: str = "Sheet1",
    bomb_rows: int = 0,
) -> Path:
    """One sheet holding `cells` ("B3": value; strings go to the shared-string table).
    `bomb_rows`: that many more rows of ten numbers (a zip bomb of cells stays a small file)."""
    strings: list[str] = []
    rows: dict[int, list[str]] = {}
    for ref, value in cells.items():
        row = int("".join(ch for ch in ref if ch.isdigit()))
        if isinstance(value, str):
            strings.append(value)
            xml = f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'
        else:
            xml = f'<c r="{ref}"><v>{value}</v></c>'
        rows.setdefault(row, []).append(xml)
    body = "".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
    if bomb_rows:  # rows of ten numbers without "r" attributes: identical, so they compress ~1000:1
        body += ("<row>" + "<c><v>1</v></c>" * 10 + "</row>") * bomb_rows
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    merge = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
    merge = f'<mergeCells count="{len(merges)}">{merge}</mergeCells>' if merges else ""
    sheet = f'<worksheet xmlns="{MAIN}">{dim}<sheetData>{body}</sheetData>{merge}</worksheet>'
    count = len(strings) if sst_count is None else sst_count
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    shared = f'<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">{sst}</sst>'
    listed = f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/>' if sheets else ""
    workbook = f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{listed}</sheets></workbook>'
    if not sheets:
        workbook = workbook.replace("<sheets></sheets>", "<sheets/>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", CONTENT_TYPES)
        out.writestr("_rels/.rels", ROOT_RELS)
        out.writestr("xl/workbook.xml", workbook)
        out.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        out.writestr("xl/worksheets/sheet1.xml", sheet)
        out.writestr("xl/sharedStrings.xml", shared)
    return path


AWARD_ROWS = {
    "A1": "DANH SÁCH KHEN THƯỞNG NĂM 2018",
    "A3": "STT",
    "B3": "Họ và tên",
    "C3": "Danh hiệu thi đua",
    "A4": 1,
    "B4": "Lê Văn An",
    "C4": "Lao động tiên tiến",
    "A5": 2,
    "B5": "Trần Thị Bình",
    "C5": "Lao động tiên tiến",
}
