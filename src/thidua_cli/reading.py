"""Workbook files → raw cell grids per sheet (values and merged ranges), nothing more."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua_cli.files import OwnWorkbook, UnreadableFile, read_bytes

if TYPE_CHECKING:
    from thidua_cli.ods import OdsSheet
    from thidua_cli.sheet_xml import Ranges, SheetMarks

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")

Cell = Any
Merged = tuple[tuple[int, int], tuple[int, int]]

# Bounds checked before anything is allocated: a sheet is read densely (a list per row) only up
# to MAX_CELLS cells from A1 and MAX_COLUMNS columns; cells beyond are reported, never read.
MAX_CELLS = 20_000_000  # 1,000,000 rows × 20 columns, ~160 MB of list slots
MAX_COLUMNS = 1_024  # an award list has ~10; "XFD" is column 16,384
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?"')
_COUNT = re.compile(rb'\buniqueCount="(\d+)"|\bcount="(\d+)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"')


@dataclass(frozen=True)
class SheetGrid:
    """One sheet's cells: rows[i][j] is Excel row i+1, column j+1 (leading blanks kept)."""

    name: str
    rows: list[list[Cell]]
    merged: list[Merged] = field(default_factory=list)
    hidden: bool = False  # hidden (or "very hidden") in Excel: a draft, last year's list, lookups
    hidden_columns: Ranges = ()  # 0-based runs of columns hidden in Excel (see sheet_xml)
    hidden_rows: tuple[int, ...] = ()  # 0-based rows hidden in Excel holding data (not those a filter hid)
    unchecked_rows: tuple[int, ...] = ()  # those of hidden_rows a filter may have hidden: its criteria could not be checked
    struck: frozenset[tuple[int, int]] = frozenset()  # 0-based (row, column) of cells struck through


@dataclass(frozen=True)
class WorkbookGrid:
    path: Path
    sheets: list[SheetGrid]
    sheet_errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str, str, str]] = field(default_factory=list)  # (code, sheet, value, detail) findings


class WholeWorkbook(Exception):
    """A part of a workbook's sheets cannot be read alone: the file must be read cell by cell,
    every sheet at once (see `read_workbook`'s `part`)."""


def read_workbook(
    path: Path, data: bytes | None = None, sparse: bool = False, part: tuple[int, int] | None = None
) -> WorkbookGrid:
    """Every sheet's cell values. Raises UnreadableFile for corrupt or protected files.
    `sparse`: an .xlsx read cell by cell (the second try at a file that made calamine abort).
    `part` (first, end): only those sheets (a slice of the workbook's), the others never read
    (the workbook is opened lazily); raises WholeWorkbook when the file needs the cell-by-cell read."""
    import python_calamine as pc

    if data is None:
        data = read_bytes(path)
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_MARK in data:
        raise UnreadableFile("password")
    import io

    zipped = data.startswith(b"PK") and b"xl/workbook" in data  # an .xlsx/.xlsm (not .ods)
    found, marks = _inspect(data) if zipped else (None, {})
    if found == "own":
        raise OwnWorkbook()
    if found == "too-much" or (zipped and sparse):
        return _read_sparse(path, data, part)
    try:
        workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError as exc:
        raise UnreadableFile("password", str(exc)) from exc
    except Exception as exc:  # calamine raises several unrelated types for broken files
        raise UnreadableFile(_classify(data), str(exc)) from exc
    sheets: list[SheetGrid] = []
    errors: list[tuple[str, str]] = []
    notes: list[tuple[str, str, str, str]] = []
    hidden = {m.name for m in workbook.sheets_metadata if m.visible != pc.SheetVisibleEnum.Visible}
    ods: dict[str, OdsSheet] | None = None  # an .ods's merged cells and hidden rows, read when calamine has none
    for name in sheet_run(workbook.sheet_names, part):
        try:
            sheet = workbook.get_sheet_by_name(name)
            if sheet.total_height * max(1, sheet.total_width) > MAX_CELLS or sheet.total_width > MAX_COLUMNS:
                if zipped:  # cells far from the others: read one by one, not as a dense range
                    return _read_sparse(path, data, part)
                errors.append((name, "too-large"))
                continue
            rows = sheet.to_python(skip_empty_area=False)
            ranges = sheet.merged_cell_ranges
            if ranges is None:  # python-calamine reads no merged cells (nor hidden rows) of an .ods
                from thidua_cli.ods import is_ods, ods_sheets

                ods = (ods_sheets(data) if is_ods(data) else {}) if ods is None else ods
                if (found_ods := ods.get(name)) is not None:
                    ranges, marks[name] = found_ods
            merged = clip_merged(ranges or [], rows, name, notes)
        except Exception as exc:  # one broken sheet must not lose the others
            errors.append((name, str(exc)))
            continue
        sheets.append(_marked(SheetGrid(name, rows, merged, hidden=name in hidden), marks.get(name), notes))
    return WorkbookGrid(path=path, sheets=sheets, sheet_errors=errors, notes=notes)


def _marked(sheet: SheetGrid, marks: SheetMarks | None, notes: list[tuple[str, str, str, str]]) -> SheetGrid:
    """The sheet with what its XML marks (hidden columns and rows, struck cells), and the findings
    they call for: hidden-columns when what is hidden holds data (it is read as Excel shows it:
    empty; so are the hidden rows that do, `hidden_rows`), filtered-rows for the rows a filter
    hides (one of its criteria rejects the row's values: those are read, `autofilter.judge`). A
    row the filter would show was hidden by hand (`hidden_rows`); one it may hide, by a criterion
    that cannot be checked, is not read either (`unchecked_rows`)."""
    if marks is None:
        return sheet
    rows, name = sheet.rows, sheet.name
    columns = marks.columns
    if columns and any(_filled(rows, run) for run in columns):
        letters = ", ".join(column_letters(a + 1) + ("" if a == b else f":{column_letters(min(b, 16383) + 1)}") for a, b in columns)
        notes.append(("hidden-columns", name, letters, ""))
    filled = [r for r in marks.rows if r < len(rows) and any(v not in (None, "") for v in rows[r])]
    if not filled or not (marks.filters or marks.filtered):
        return replace(sheet, hidden_columns=columns, hidden_rows=tuple(filled), struck=marks.struck)
    from thidua_cli.autofilter import BY_HAND, FILTERED, judge

    known = set(marks.filtered)
    texted: dict[int, set[int]] = {}  # row → the columns whose format shows a text otherwise
    for r, c in marks.texted:
        texted.setdefault(r, set()).add(c)
    verdicts = {r: FILTERED if r in known else judge(marks.filters, r, rows[r], texted.get(r, ())) for r in filled}
    filtered = [r for r in filled if verdicts[r] == FILTERED]
    if filtered:  # the hidden rows are said once the tables are found (sheet_tasks._hidden_rows)
        notes.append(("filtered-rows", name, row_runs(filtered), str(len(filtered))))
    hidden = tuple(r for r in filled if verdicts[r] != FILTERED)
    unchecked = tuple(r for r in hidden if verdicts[r] != BY_HAND)
    return replace(sheet, hidden_columns=columns, hidden_rows=hidden, unchecked_rows=unchecked, struck=marks.struck)


MAX_RUNS_SHOWN = 20  # a finding names at most these runs of rows, then "…" (10^5 rows, every other hidden)


def row_runs(rows: Sequence[int]) -> str:
    """0-based rows as the Excel rows a clerk reads: "9–10, 15"; past MAX_RUNS_SHOWN runs, "…"."""
    runs: list[list[int]] = []
    for r in sorted(rows):
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    shown = ", ".join(f"{a + 1}" if a == b else f"{a + 1}–{b + 1}" for a, b in runs[:MAX_RUNS_SHOWN])
    return shown + (", …" if len(runs) > MAX_RUNS_SHOWN else "")


def sheet_run(names: Sequence[str], part: tuple[int, int] | None) -> Sequence[str]:
    """The sheets of `part` (first, end: a slice of `names`); all of them for None."""
    return names if part is None else names[part[0] : part[1]]


def clip_merged(
    merged: Iterable[Merged], rows: Sequence[Sequence[Cell]], sheet: str, notes: list[tuple[str, str, str, str]]
) -> list[Merged]:
    """Merged ranges cut to the cells present: a merge over the whole sheet (Ctrl+A → Merge)
    spreads its value over the used range, never over 17 billion cells. A merge past the
    bounds (no list has one) is noted: Excel shows only its first cell's value."""
    height = len(rows)
    width = max(map(len, rows), default=0)
    clipped: list[Merged] = []
    for (r0, c0), (r1, c1) in merged:
        if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS or c1 >= MAX_COLUMNS:
            where = f"{column_letters(c0 + 1)}{r0 + 1}:{column_letters(min(c1, 16383) + 1)}{r1 + 1}"
            notes.append(("merge-clipped", sheet, where, ""))
        r1, c1 = min(r1, height - 1), min(c1, width - 1)
        if r0 <= r1 and c0 <= c1 and (r0, c0) != (r1, c1):
            clipped.append(((r0, c0), (r1, c1)))
    return clipped


def _filled(rows: list[list[Cell]], run: tuple[int, int]) -> bool:
    """Does any cell of the column run hold something?"""
    first, last = run
    return any(v not in (None, "") for row in rows for v in row[first : last + 1])


def _inspect(data: bytes) -> tuple[str | None, dict[str, SheetMarks]]:
    """("own", …) for a workbook this tool wrote (marked in its document properties); ("too-much",
    …) for an .xlsx whose parts announce more than they can hold (checked on the first bytes of each
    part): a sheet dimension past the bounds, a shared-string count larger than its part. Such a
    claim makes python-calamine allocate it all at once and abort the process. Second: each
    sheet's hidden columns and rows and its struck-through cells, read as the same parts are
    decompressed once, a chunk at a time (`sheet_xml.sheet_marks`)."""
    import io
    import zipfile
    import zlib

    from thidua_cli.outputs import MARKS
    from thidua_cli.sheet_xml import Member, sheet_marks, sheet_parts, struck_styles, table_filters, text_styles

    hidden: dict[str, SheetMarks] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        styles = next((i for i in infos if i.filename.lower() == "xl/styles.xml"), None)
        small = styles is not None and styles.file_size < 1 << 24
        xml = Member(data, styles, archive).read(1 << 24) if styles is not None and small else b""
        struck, texted = struck_styles(xml), text_styles(xml)
        for info in infos:
            name = info.filename.lower()
            if name == "docprops/core.xml" and info.file_size < 65536:
                core = archive.read(info)
                if all(mark in core for mark in MARKS):
                    return "own", {}
            elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with Member(data, info, archive) as part:
                    head = part.read(4096)
                    found = _DIMENSION.search(head)
                    if found and found.group(3):
                        rows, columns = int(found.group(4)), _column_number(found.group(3))
                        if rows * max(1, columns) > MAX_CELLS or columns > MAX_COLUMNS:
                            return "too-much", {}
                    marks = sheet_marks(head, part, struck, texted)
                if marks.rows and marks.tables:  # an Excel Table's own filter may hide them
                    marks = replace(marks, filters=marks.filters + table_filters(archive, info.filename, marks.tables))
                if marks.columns or marks.rows or marks.struck:
                    hidden[name] = marks
            elif name == "xl/sharedstrings.xml":
                with Member(data, info, archive) as part:
                    head = part.read(1024)
                counts = [int(a or b) for a, b in _COUNT.findall(head[: head.find(b">", head.find(b"<sst")) + 1])]
                if counts and max(counts) > info.file_size // 4 + 16:  # "<si/>" is 5 bytes
                    return "too-much", {}
        if hidden:
            parts = sheet_parts(archive)
            hidden = {parts[part]: runs for part, runs in hidden.items() if part in parts}
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError, KeyError):
        return None, {}  # calamine says what is wrong with it (each part is now read to its end)
    return None, hidden


SPARSE_RETRY_BYTES = 32 * 1024**2  # sheet XML worth reading cell by cell after calamine died


def few_cells(path: Path) -> bool:
    """An .xlsx whose sheets' XML is small (from the zip directory, nothing decompressed): if
    calamine died on it, the cause is a far-apart range, not a mass of cells (a zip bomb), and a
    cell-by-cell read is quick."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            sizes = [i.file_size for i in archive.infolist() if i.filename.lower().startswith("xl/worksheets/")]
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        return False
    return sum(sizes) < SPARSE_RETRY_BYTES


def column_letters(number: int) -> str:
    """1 → "A", 16384 → "XFD" (openpyxl's helper costs importing openpyxl in every worker)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _read_sparse(path: Path, data: bytes, part: tuple[int, int] | None = None) -> WorkbookGrid:
    """An .xlsx read cell by cell (openpyxl, read-only): only the cells present are looked at, and
    those past MAX_COLUMNS or MAX_CELLS are counted and reported instead of allocated. Always
    every sheet (openpyxl lists no chart sheet: its sheets need not be calamine's)."""
    import io

    if part is not None:
        raise WholeWorkbook()

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFile("corrupt", str(exc)) from exc
    from thidua_cli.sheet_xml import sheet_marks, struck_styles, table_filters, text_styles

    sheets: list[SheetGrid] = []
    errors: list[tuple[str, str]] = []
    notes: list[tuple[str, str, str, str]] = []
    try:
        styles = workbook._archive.read("xl/styles.xml")
    except KeyError:
        styles = b""
    struck, texted = struck_styles(styles), text_styles(styles)
    for worksheet in workbook.worksheets:
        try:
            rows, left_out, first = _sparse_rows(worksheet)
            source = getattr(worksheet, "_worksheet_path", None)
            xml = workbook._archive.read(source) if source else b""
        except Exception as exc:  # one broken sheet must not lose the others
            errors.append((worksheet.title, str(exc)))
            continue
        merged = [
            ((int(r0) - 1, _column_number(c0) - 1), (int(r1) - 1, _column_number(c1) - 1))
            for c0, r0, c1, r1 in _MERGE.findall(xml)
        ]
        merged_cells = clip_merged(merged, rows, worksheet.title, notes)
        marks = sheet_marks(xml[:4096], io.BytesIO(xml[4096:]), struck, texted)  # the XML is read whole here anyway
        if marks.rows and marks.tables and source:
            marks = replace(marks, filters=marks.filters + table_filters(workbook._archive, source, marks.tables))
        sheet = SheetGrid(worksheet.title, rows, merged_cells, hidden=worksheet.sheet_state != "visible")
        sheets.append(_marked(sheet, marks, notes))
        if left_out:
            notes.append(("cells-ignored", worksheet.title, first, str(left_out)))
    workbook.close()
    return WorkbookGrid(path=path, sheets=sheets, sheet_errors=errors, notes=notes)


def _sparse_rows(worksheet: Any) -> tuple[list[list[Cell]], int, str]:
    """A sheet's rows within the bounds ("" for an empty cell, as python-calamine gives), the
    number of non-empty cells beyond them and the first of those."""
    worksheet.reset_dimensions()  # the file's own <dimension> claim is not trusted
    rows: list[list[Cell]] = []
    left_out, first, width = 0, "", 0
    for index, values in enumerate(worksheet.iter_rows(values_only=True), 1):
        row = ["" if v is None else v for v in values[:MAX_COLUMNS]]
        beyond = [c for c, v in enumerate(values[MAX_COLUMNS:], MAX_COLUMNS + 1) if v is not None]
        if any(v != "" for v in row) and (index * max(width, len(row)) > MAX_CELLS):
            beyond = [c for c, v in enumerate(values, 1) if v is not None] + beyond
            row = []
        if beyond:
            left_out += len(beyond)
            first = first or f"{column_letters(beyond[0])}{index}"
        if any(v != "" for v in row):
            rows.extend([] for _ in range(index - 1 - len(rows)))
            rows.append(row)
            width = max(width, len(row))
    return rows, left_out, first


def _classify(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if not data:
        return "empty"
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        return "html"
    return "corrupt"


def iter_text(rows: Iterable[list[Cell]]) -> Iterable[str]:
    for row in rows:
        for value in row:
            if isinstance(value, str) and value:
                yield value
