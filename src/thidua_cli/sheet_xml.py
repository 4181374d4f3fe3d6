"""What an .xlsx sheet's XML says that python-calamine does not: its hidden columns (`<col …
hidden="1">`, in the `<cols>` part before the cells, so the first bytes of the sheet hold them),
its hidden rows (`<row … hidden="1">`), the filters that hide some (the sheet's AutoFilter, an
Excel Table's own: `<tableParts>`, xl/tables/tableN.xml), struck-through cells (a cell format whose font has
<strike/>), and which sheet name each worksheet part belongs to (xl/workbook.xml and its
relationships). A hidden column is what the clerk took out of view ("Danh hiệu" of last year
beside this year's): read as it is, it would count every row twice; a hidden row or a name struck
through is a person the clerk took off the list without deleting the row."""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thidua_cli.autofilter import AutoFilter

_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'\b(min|max|hidden)="([^"]*)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_NAMED = re.compile(rb'\b(name|r:id|Id|Target)="([^"]*)"')
Ranges = tuple[tuple[int, int], ...]  # 0-based first and last column of each hidden run


def hidden_ranges(head: bytes) -> Ranges:
    """The hidden column runs a sheet's first bytes declare."""
    if b"hidden=" not in head:
        return ()
    found = []
    for attributes in _COL.findall(head):
        values = dict(_ATTRIBUTE.findall(attributes))
        if values.get(b"hidden") in (b"1", b"true") and values.get(b"min", b"").isdigit():
            first = int(values[b"min"])
            last = int(values[b"max"]) if values.get(b"max", b"").isdigit() else first
            found.append((first - 1, last - 1))
    return tuple(found)


def sheet_parts(archive: Any) -> dict[str, str]:
    """Worksheet part ("xl/worksheets/sheet2.xml", lower case) → its sheet's name."""
    targets = {}
    for attributes in _RELATION.findall(archive.read("xl/_rels/workbook.xml.rels")):
        values = dict(_NAMED.findall(attributes))
        target = values.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        targets[values.get(b"Id", b"")] = (target if target.startswith("xl/") else f"xl/{target}").lower()
    parts = {}
    for attributes in _SHEET.findall(archive.read("xl/workbook.xml")):
        values = dict(_NAMED.findall(attributes))
        part = targets.get(values.get(b"r:id", b""))
        if part:
            parts[part] = html.unescape(values.get(b"name", b"").decode("utf-8", "replace"))
    return parts



_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
# Attributes in either quote, with or without spaces around "=", in any order (XML allows all).
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["'](\d+)["']""")
_ROW_HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*)>")
_CELL_PLACE = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})(\d{1,7})["']""")
_CELL_STYLE = re.compile(rb"""\bs\s*=\s*["'](\d+)["']""")
_FONT = re.compile(rb"<(?:\w+:)?font\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?font>)", re.DOTALL)
_STRIKE = re.compile(rb'<(?:\w+:)?strike\b(?![^>]*\bval="(?:0|false)")')
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)")
_FONT_ID = re.compile(rb'\bfontId="(\d+)"')
_NUMBER_FORMAT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)")
_FORMAT_ID = re.compile(rb'\bnumFmtId\s*=\s*"(\d+)"')
_FORMAT_CODE = re.compile(rb'\bformatCode\s*=\s*"([^"]*)"')
_TABLE_PART = re.compile(rb"""<(?:\w+:)?tablePart\b[^>]*?\b\w+:id\s*=\s*["']([^"']+)["']""")
_FILTER = re.compile(rb"<(?:\w+:)?autoFilter\b")
_FILTER_END = re.compile(rb"</(?:\w+:)?autoFilter\s*>")  # begins with a literal: searched fast
MAX_FILTER_BYTES = 1 << 22  # an autoFilter element longer than this (values listed) is read that far
CHUNK = 1 << 20  # bytes of sheet XML decompressed at a time: a large sheet is never held whole


@dataclass(frozen=True)
class SheetMarks:
    """What a worksheet's XML says beyond its values: hidden column runs, hidden rows (0-based),
    the filters that may hide some (the sheet's AutoFilter, read only when rows are hidden, and
    once found its Excel Tables' own: `table_filters`; which rows they hide is judged from the
    values, `autofilter.judge`), the rows a filter is known to hide (an .ods says so itself),
    the cells (0-based row, column) whose font strikes them through, the r:ids of the sheet's
    table parts, and the cells whose number format shows a text other than as typed
    (`text_styles`: a filter lists what it shows)."""

    columns: Ranges = ()
    rows: tuple[int, ...] = ()
    filters: tuple[AutoFilter, ...] = ()
    filtered: tuple[int, ...] = ()
    struck: frozenset[tuple[int, int]] = frozenset()
    tables: tuple[bytes, ...] = ()
    texted: frozenset[tuple[int, int]] = frozenset()


def struck_styles(styles: bytes) -> frozenset[int]:
    """The cell formats (indices of <cellXfs>) whose font is struck through: none, without
    reading further, in a workbook whose styles hold no <strike> (nearly every one)."""
    if b"strike" not in styles:
        return frozenset()
    fonts = [i for i, inner in enumerate(_FONT.findall(_section(styles, b"fonts"))) if inner and _STRIKE.search(inner)]
    if not fonts:
        return frozenset()
    return _formats_using(styles, _FONT_ID, fonts)


def text_styles(styles: bytes) -> frozenset[int]:
    """The cell formats (indices of <cellXfs>) whose number format shows a text cell other than as
    typed: '"Tổ "@' shows "Toán" as "Tổ Toán", a fourth section '"x"' shows "x". None, without
    reading further, in a workbook with no custom number format (the built-in ones show a text as
    typed)."""
    start = styles.find(b"numFmts")  # <numFmts count="2">…</numFmts>, found at memchr speed
    end = styles.find(b"numFmts", start + 7) if start >= 0 else -1
    if end < 0:
        return frozenset()
    ids = set()
    for attributes in _NUMBER_FORMAT.findall(styles, start, end):
        if b"@" not in attributes and attributes.count(b";") < 3:  # no text section ("&quot;" counts too)
            continue
        number, code = _FORMAT_ID.search(attributes), _FORMAT_CODE.search(attributes)
        if number and code and _shows_text_otherwise(html.unescape(code.group(1).decode("utf-8", "replace"))):
            ids.add(int(number.group(1)))
    return _formats_using(styles, _FORMAT_ID, ids) if ids else frozenset()


def _formats_using(styles: bytes, attribute: re.Pattern[bytes], ids: Collection[int]) -> frozenset[int]:
    """The cell formats (indices of <cellXfs>) whose `attribute` (fontId, numFmtId) is one of `ids`."""
    found = set()
    for i, attributes in enumerate(_XF.findall(_section(styles, b"cellXfs"))):
        value = attribute.search(attributes)
        if value and int(value.group(1)) in ids:
            found.add(i)
    return frozenset(found)


def _shows_text_otherwise(code: str) -> bool:
    """Does the format code's text section (its fourth; else the one holding "@") show more or
    less than the text itself? '"Tổ "@', '[Red]@' (kept: not known), '0;-0;0;"x"': yes; '@',
    '0.00', 'dd/mm/yyyy;@': no."""
    sections, current, quoted, escaped = [], "", False, False
    for ch in code:
        if escaped or ch == "\\":
            escaped = not escaped
        elif ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            sections.append(current)
            current = ""
            continue
        current += ch
    sections.append(current)
    text = sections[3] if len(sections) > 3 else next((section for section in sections if "@" in section), None)
    return text is not None and text.strip() != "@"


def _section(xml: bytes, tag: bytes) -> bytes:
    """The text between <tag …> and </tag> (any namespace prefix), or b""."""
    match = re.search(rb"<(?:\w+:)?" + tag + rb"\b[^>]*>(.*?)</(?:\w+:)?" + tag + rb">", xml, re.DOTALL)
    return match.group(1) if match else b""


def sheet_marks(head: bytes, stream: Any, struck: frozenset[int], texted: frozenset[int] = frozenset()) -> SheetMarks:
    """The marks of one worksheet part: `head` its first bytes (already read), `stream` the rest.
    Read once, a chunk at a time; a row or cell tag is looked for only where its attribute occurs
    (`hidden="1"`, a struck or `texted` format's `s="…"`, `text_styles`), so a sheet with neither
    costs the decompression."""
    columns = hidden_ranges(head)
    rows: list[int] = []
    cells: set[tuple[int, int]] = set()
    shown: set[tuple[int, int]] = set()
    styles = [b"%d" % s for s in struck]
    formats = [b"%d" % s for s in texted]
    carry, chunk, tables = b"", head, []
    found: bytes | None = None  # the sheet's <autoFilter> element, after its cells (and before any
    views = whole = False  # <customSheetView>, whose own autoFilter is no filter in force)
    while chunk:
        data = carry + chunk
        chunk = stream.read(CHUNK)
        cut = data.rfind(b"<") if chunk else len(data)
        part, carry = data[:cut], data[cut:]  # a part ends before a "<": it holds whole tags
        if b"hidden" in part:
            rows += [int(n.group(1)) - 1 for a in _ROW.findall(part) if _ROW_HIDDEN.search(a) and (n := _ROW_NUMBER.search(a))]
        if styles and any(s in part for s in styles):
            cells.update(_struck_cells(part, struck))
        if formats and any(s in part for s in formats):
            shown.update(_struck_cells(part, texted))
        if rows:  # the filters follow the cells: a sheet with no hidden row never looks for them
            if found is not None and not whole:
                whole = found[: found.find(b">") + 1].endswith(b"/>") or bool(_FILTER_END.search(found))
                whole = whole or len(found) > MAX_FILTER_BYTES
                found = found if whole else found + part
            elif found is None and not views and (start := _filter_start(part)) >= 0:
                views = b"customSheetView" in part[:start]
                found = None if views else part[start:]
            views = views or b"customSheetView" in part
        if b"tablePart" in part:  # after the cells: <tableParts><tablePart r:id="rId1"/>
            tables += _TABLE_PART.findall(part)
    return SheetMarks(columns, tuple(rows), _parsed([found] if found is not None and rows else []), (), frozenset(cells), tuple(tables), frozenset(shown))


def _filter_start(xml: bytes) -> int:
    """Where the first <autoFilter …> tag of `xml` starts, or -1: found by its name (memchr
    speed), then checked as a tag (a regex search for "<…autoFilter" tries every "<")."""
    at = xml.find(b"autoFilter")
    while at >= 0:
        tag = xml.rfind(b"<", 0, at)
        if tag >= 0 and _FILTER.match(xml, tag):
            return tag
        at = xml.find(b"autoFilter", at + 1)
    return -1


def _parsed(elements: list[bytes]) -> tuple[AutoFilter, ...]:
    """The filters of these `<autoFilter>` elements (autofilter is imported only for them)."""
    if not elements:
        return ()
    from thidua_cli.autofilter import parse

    return tuple(f for f in map(parse, elements) if f is not None)


def table_filters(archive: Any, part: str, ids: tuple[bytes, ...]) -> tuple[AutoFilter, ...]:
    """The filters of the Excel Tables of worksheet `part` (its name in the zip): each table's
    `<autoFilter ref="A3:D9">…` in its xl/tables/tableN.xml, linked by the sheet's relationships.
    Read only for a sheet with hidden rows and table parts."""
    names = {name.lower(): name for name in archive.namelist()}
    folder, base = posixpath.split(part.lstrip("/"))
    rels = names.get(f"{folder}/_rels/{base}.rels".lower())
    if rels is None:
        return ()
    try:
        tables = _table_parts(archive, names, folder, rels, ids)
    except Exception:  # a part broken in the zip (a bad CRC): its filter is not known, and the
        from thidua_cli.autofilter import unknown  # error must not lose every sheet's marks

        return (unknown(),)
    starts = [(xml, _filter_start(xml)) for xml in tables]
    return _parsed([xml[start:] for xml, start in starts if start >= 0])


def _table_parts(archive: Any, names: dict[str, str], folder: str, rels: str, ids: tuple[bytes, ...]) -> list[bytes]:
    """The XML of the table parts `ids` names in the sheet's relationships `rels`."""
    targets = {}
    for attributes in _RELATION.findall(archive.read(rels)):
        values = dict(_NAMED.findall(attributes))
        target = values.get(b"Target", b"").decode("utf-8", "replace")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets[values.get(b"Id", b"")] = path.lower()
    return [archive.read(table) for table in (names.get(targets.get(i, "")) for i in ids) if table]


def _struck_cells(part: bytes, struck: frozenset[int]) -> Iterator[tuple[int, int]]:
    """(row, column), 0-based, of the cells in `part` whose format is one of `struck` (or of
    `text_styles`)."""
    for attributes in _CELL.findall(part):
        style = _CELL_STYLE.search(attributes)
        place = _CELL_PLACE.search(attributes) if style and int(style.group(1)) in struck else None
        if place:
            yield int(place.group(2)) - 1, _column(place.group(1)) - 1


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


class Member:
    """A zip member of `data` (the whole archive, in memory) read a chunk at a time, inflated by
    zlib straight from that buffer: zipfile's own reader does the same in Python, at a cost
    larger than the inflating for the small parts of a unit's list. As zipfile's: no more than
    the size the directory declares, and a CRC or size that differs raises BadZipFile. A member
    stored in another way (encrypted, bzip2 …) is read by zipfile itself."""

    def __init__(self, data: bytes, info: zipfile.ZipInfo, archive: Any) -> None:
        self._left, self._crc, self._expected = info.file_size, 0, info.CRC
        self._fallback = None
        start = info.header_offset
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            self._fallback = archive.open(info)
            return
        if data[start : start + 4] != b"PK\x03\x04":
            raise zipfile.BadZipFile("Bad magic number for file header")
        name, extra = struct.unpack_from("<HH", data, start + 26)
        begin = start + 30 + name + extra
        self._raw: bytes | memoryview = memoryview(data)[begin : begin + info.compress_size]
        self._inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None

    def read(self, size: int) -> bytes:
        """Up to `size` bytes more (b"" at the end)."""
        if self._fallback is not None:
            return bytes(self._fallback.read(size))
        if self._left <= 0:
            return b""
        want = min(size, self._left)
        if self._inflate is None:
            chunk = bytes(self._raw[:want])
            self._raw = self._raw[want:]
        else:
            chunk = self._inflate.decompress(self._raw, want)
            self._raw = self._inflate.unconsumed_tail
            if not chunk and not self._raw:
                chunk = self._inflate.flush()[:want]
        self._left -= len(chunk)
        self._crc = zlib.crc32(chunk, self._crc)
        if (not chunk or self._left <= 0) and (self._left != 0 or self._crc != self._expected):
            raise zipfile.BadZipFile("Bad CRC-32 or size")
        return chunk

    def __enter__(self) -> Member:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._fallback is not None:
            self._fallback.close()
