"""Merged cells and hidden rows of an OpenDocument spreadsheet (.ods), which python-calamine does
not report (`merged_cell_ranges` is None for the format): read from the spans and the row
visibility of content.xml, so that an award merged down over a block of rows, or a row the clerk
hid, reads as in the same list saved as .xlsx."""

from __future__ import annotations

import io
import zipfile
from typing import IO
from xml.etree.ElementTree import iterparse

from thidua_cli.reading import Merged
from thidua_cli.sheet_xml import SheetMarks

OdsSheet = tuple[list[Merged], SheetMarks]  # a sheet's merged ranges, and its hidden rows

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
_MAX_CONTENT = 256 * 1024**2  # content.xml larger than this is left to calamine's own limits
_MAX_HIDDEN = 10_000  # rows of one hidden row element counted (a run of empty rows is often hidden whole)


def is_ods(data: bytes) -> bool:
    """A zip whose first member names the OpenDocument spreadsheet type (its `mimetype`)."""
    return data.startswith(b"PK") and b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]


def ods_sheets(data: bytes) -> dict[str, OdsSheet]:
    """Sheet name → its merged ranges ((first row, first column), (last row, last column)),
    0-based like python-calamine's, and its hidden rows (`table:visibility` "collapse"; "filter"
    for rows a filter hides); {} when content.xml cannot be read (calamine reports that)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > _MAX_CONTENT:
                return {}
            with archive.open(info) as content:
                return _spans(content)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, SyntaxError):
        return {}


def _spans(content: IO[bytes]) -> dict[str, OdsSheet]:
    """Walk the tables' rows and cells: a cell's position counts the repeated rows and columns
    before it (`number-rows-repeated`, `number-columns-repeated`); a cell spanning more than
    itself (`number-rows-spanned`, `number-columns-spanned`) is one merged range."""
    merged: dict[str, list[Merged]] = {}
    hidden: dict[str, tuple[list[int], list[int]]] = {}  # per sheet: its hidden rows, those a filter hid
    sheet: list[Merged] = []
    invisible: list[int] = []
    filtered: list[int] = []
    row = col = 0
    for event, element in iterparse(content, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_TABLE}table":
                name = element.get(f"{_TABLE}name", "")
                sheet = merged.setdefault(name, [])
                invisible, filtered = hidden.setdefault(name, ([], []))
                row = 0
            elif tag == f"{_TABLE}table-row":
                col = 0
            elif tag in _CELLS:
                rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
                cols = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
                if rows > 1 or cols > 1:
                    sheet.append(((row, col), (row + rows - 1, col + cols - 1)))
                col += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
        elif tag == f"{_TABLE}table-row":
            repeated = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
            visibility = element.get(f"{_TABLE}visibility", "visible")
            if visibility != "visible":
                run = range(row, row + min(repeated, _MAX_HIDDEN))
                invisible.extend(run)
                if visibility == "filter":  # not "collapse": a row hidden by hand stays hidden
                    filtered.extend(run)
            row += repeated
            element.clear()
    return {
        name: (spans, SheetMarks(rows=tuple(hidden[name][0]), filtered=tuple(hidden[name][1])))
        for name, spans in merged.items()
    }
