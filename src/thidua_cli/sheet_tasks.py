"""A workbook read sheet by sheet, then as one file: the per-sheet half of the reading (tables
found and normalised: `read_part`) and the whole-file half (the template's own sheets left out,
summaries compared with the lists, the counting rule, counts and identities: `assemble`).

A file is one task of one worker: `read_part` of all its sheets, then `assemble`. A large .xlsx
with several sheets, when there are several workers, is cut into runs of sheets (`plan`),
each read by its own worker, which opens the file itself and reads only its sheets; the parent
assembles the parts in sheet order (`SplitFiles`): the same functions, the same result. A part
that cannot be read alone (its worker died, the file changed between the parts, it needs the
cell-by-cell read) sends the file back to be read as one task, which reports it as ever.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_cli.loading import FileResult, Stamp, storable
from thidua_cli.problems import Problem, Severity
from thidua_cli.records import RECORD_FIELDS
from thidua_cli.workers import Failure

if TYPE_CHECKING:
    import zipfile

    from thidua_cli.cache import Cache
    from thidua_cli.catalogue import Catalogue
    from thidua_cli.layout import SheetTable
    from thidua_cli.normalise import Normaliser
    from thidua_cli.reading import Cell, SheetGrid
    from thidua_cli.records import Record
    from thidua_cli.summaries import Summary

# An .xlsx at least this large (~16,000 rows) with several sheets is read in parts when there
# are several workers: below it the smaller part holds under ~0.2 s of work, while each part
# costs one more opening of the workbook and the parent's share (taking the records in,
# assembling), paid even when every core is busy with other files (README, "Tốc độ").
# THIDUA_SPLIT_BYTES sets another threshold (the tests force the split with it).
SPLIT_BYTES = 1024**2


@dataclass(frozen=True)
class SheetRead:
    """One sheet's tables, found and normalised: its records and findings before the whole
    file's checks, the summaries it holds, and what the file's result keeps of its tables."""

    name: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checks: list[Problem] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    tables: int = 0
    headers: dict[tuple[str, int], str] = field(default_factory=dict)  # (sheet, column) → header text
    encodings: list[str] = field(default_factory=list)
    lookup: bool = False  # the template's lookup sheet (see `template.template_lookup`)
    idents: list[int] = field(default_factory=list)  # of `records` (see `dedup`): worked out where they are read


@dataclass(frozen=True)
class Part:
    """Sheets of one workbook read by one task (all of them, for a file read as one): each
    sheet read, and the reader's findings, those on sheets it could not read first."""

    sheets: list[SheetRead]
    errors: list[Problem]
    notes: list[Problem]
    digest: str = ""  # of the bytes read: the parts of one file must have read the same
    stamp: Stamp | None = None


def read_part(
    path: Path,
    catalogue: Catalogue,
    name: str,
    data: bytes | None,
    proposals: bool,
    sparse: bool = False,
    part: tuple[int, int] | None = None,
) -> Part:
    """The sheets of `part` (see `reading.read_workbook`; None: every sheet), each normalised on
    its own. Raises what `read_workbook` raises."""
    from thidua_cli.normalise import Normaliser
    from thidua_cli.reading import read_workbook
    from thidua_cli.template import template_lookup, template_sheets

    workbook = read_workbook(path, data, sparse, part)
    errors = [Problem("sheet-unreadable", name, sheet, detail=error) for sheet, error in workbook.sheet_errors]
    notes = [
        Problem(code, name, sheet, value=value, detail=detail or None) for code, sheet, value, detail in workbook.notes
    ]
    marks = [template_lookup(sheet) for sheet in workbook.sheets]
    # the instructions and lookup lists of a returned template, when its lookup sheet is here
    own = template_sheets((sheet.name for sheet in workbook.sheets), any(marks))
    normaliser = Normaliser(catalogue, name, include_proposals=proposals)
    names = (path.stem, path.parent.name)
    sheets = [
        SheetRead(sheet.name, lookup=mark) if sheet.name in own else _read_sheet(sheet, normaliser, names)
        for sheet, mark in zip(workbook.sheets, marks, strict=True)
    ]
    return Part(sheets, errors, notes)


def warm_up() -> None:
    """What every worker's first file would build for itself (the modules a read imports, the
    layout, role and summary rules, the tables of the identities' keys, the zip names' codec),
    built once in the parent before the workers are forked: each inherits it instead of paying
    for it (~35 ms of CPU per worker)."""
    import thidua_cli.sheet_xml
    import thidua_cli.summaries  # noqa: F401
    from thidua_cli.dedup import coarse
    from thidua_cli.labels import layout_rules
    from thidua_cli.roles import role_rules
    from thidua_cli.summary_cells import summary_rules

    layout_rules()
    role_rules()
    summary_rules()
    coarse("")
    b"".decode("cp437")


def _read_sheet(sheet: SheetGrid, normaliser: Normaliser, names: tuple[str, str]) -> SheetRead:
    """One sheet's tables through the file's normaliser (whose caches the sheets share), its
    records and findings in lists of their own. A Unicode sheet whose unknown awards are legacy
    text (rows pasted from an old TCVN3/VNI file, past what `text.sheet_legacy` samples) is read
    again with those cells decoded (`text.decode_pasted`): only such a sheet pays for it."""
    from thidua_cli.text import decode_pasted, pasted_encoding

    read = _read_tables(sheet, normaliser, names)
    encoding = pasted_encoding(p.value for p in read.problems if p.code == "unknown-award" and p.value)
    if encoding is None or read.encodings:
        return read
    rows = [[decode_pasted(v, encoding) if isinstance(v, str) and not v.isascii() else v for v in r] for r in sheet.rows]
    again = _read_tables(replace(sheet, rows=rows), normaliser, names)
    return replace(again, encodings=[encoding])


def _read_tables(sheet: SheetGrid, normaliser: Normaliser, names: tuple[str, str]) -> SheetRead:
    """`_read_sheet`, as the sheet's cells are."""
    from thidua_cli.dedup import identities
    from thidua_cli.layout import NoTable, find_table

    normaliser.records, normaliser.problems, normaliser.checks = [], [], []
    summaries: list[Summary] = []
    headers: dict[tuple[str, int], str] = {}
    encodings: list[str] = []
    tables = 0
    hidden_rows = {r: list(sheet.rows[r]) for r in sheet.hidden_rows}  # as read: find_table spreads merged cells
    read: list[SheetTable] = []
    for found in find_table(sheet, normaliser.catalogue, (sheet.name, *names)):
        if isinstance(found, NoTable):
            normaliser.problems.append(found.problem(normaliser.file))
            if found.summary is not None:
                summaries.append(found.summary)
            continue
        tables += 1
        read.append(found)
        for columns in found.columns.values():
            for column in columns:
                headers.setdefault((sheet.name, column.index), column.header)
        if found.encoding:
            encodings.append(found.encoding)
        before, warned = len(normaliser.records), len(normaliser.checks)
        normaliser.add_table(found)
        _year_names_differ(normaliser, found, before)
        if sheet.hidden and len(normaliser.records) > before:  # read, shown, never counted
            hidden = normaliser.records[before:]
            normaliser.problems.append(
                Problem("hidden-sheet", normaliser.file, sheet.name, hidden[0][2], detail=str(len(hidden)))
            )
            del normaliser.records[before:]
            del normaliser.checks[warned:]  # warnings about records ("… vẫn được tính") that are not
    if hidden_rows:
        normaliser.problems += _hidden_rows(normaliser, sheet.name, read, hidden_rows, set(sheet.unchecked_rows))
    records = normaliser.records
    return SheetRead(
        sheet.name,
        records,
        normaliser.problems,
        normaliser.checks,
        summaries,
        tables,
        headers,
        encodings,
        idents=identities(records),
    )


def _hidden_rows(
    normaliser: Normaliser, sheet: str, tables: list[SheetTable], rows: dict[int, list[Cell]], unchecked: set[int]
) -> list[Problem]:
    """The rows hidden in Excel (read as the sheet shows them: empty), said: hidden-rows (an
    error) for those that could have been records or hold a name or an award (rows.hides_a_record),
    maybe-filtered-rows (an error) for such rows a filter may have hidden by a criterion that
    could not be checked (`unchecked`), hidden-other-rows (a note) for the others (column
    numbers, a template's blank row, a note)."""
    from thidua_cli.reading import row_runs
    from thidua_cli.rows import hides_a_record

    lost = [r for r, row in rows.items() if hides_a_record(tables, r, row, normaliser.catalogue)]
    kept = set(lost)
    other = [r for r in rows if r not in kept]
    by_hand = [r for r in lost if r not in unchecked]
    maybe = [r for r in lost if r in unchecked]
    found = []
    for code, runs in (("hidden-rows", by_hand), ("maybe-filtered-rows", maybe), ("hidden-other-rows", other)):
        if runs:
            found.append(Problem(code, normaliser.file, sheet, value=row_runs(runs), detail=str(len(runs))))
    return found


_YEAR, _YEAR_COL = RECORD_FIELDS.index("year"), RECORD_FIELDS.index("year_col")


def _year_names_differ(normaliser: Normaliser, table: SheetTable, before: int) -> None:
    """One warning per table whose records take their year from the heading or a name (no year
    column) while another of the sheet, file and folder names says another year."""
    heading = table.heading
    if not heading.other_year_names:
        return
    dated = next((r for r in normaliser.records[before:] if int(r[_YEAR_COL]) < 0 and r[_YEAR] == heading.year), None)
    if dated is not None:
        where = (normaliser.file, dated[1], dated[2])
        normaliser.checks.append(Problem("year-names-differ", *where, value=str(heading.year), detail=heading.other_year_names))


def assemble(name: str, parts: Sequence[Part], catalogue: Catalogue) -> FileResult:
    """The file's result from its parts, in sheet order: what needs the whole workbook (the
    template's own sheets, a summary against the lists of its workbook, the counting rule over
    the file's records and findings, counts, identities) is done here, once."""
    from thidua_cli.counting import apply_rule
    from thidua_cli.dedup import identities
    from thidua_cli.summaries import summary_mismatches
    from thidua_cli.tally import group_records
    from thidua_cli.template import template_sheets

    read = [sheet for part in parts for sheet in part.sheets]
    problems = [p for part in parts for p in part.errors] + [p for part in parts for p in part.notes]
    if not read:  # no sheet at all (`<sheets/>`), or none that could be read
        return FileResult(name, [], [*problems, Problem("unreadable", name, detail="no-sheet")], readable=False)
    own = template_sheets((sheet.name for sheet in read), any(sheet.lookup for sheet in read))
    kept = [sheet for sheet in read if sheet.name not in own]
    records = [record for sheet in kept for record in sheet.records]
    problems += [p for sheet in kept for p in sheet.problems]
    checks = [c for sheet in kept for c in sheet.checks]
    tables = sum(sheet.tables for sheet in kept)
    summaries = [s for sheet in kept for s in sheet.summaries]
    # a summary is compared with the name lists of its own workbook, when it has some
    checks += summary_mismatches(name, summaries, records if tables else None)
    counted = apply_rule(records, problems, checks, catalogue.match_award)
    whole = len(counted.records) == len(records)  # else some were not counted: their identities go
    idents = [i for sheet in kept for i in sheet.idents] if whole else identities(counted.records)
    found = counted.problems
    if not tables and kept and not _says_why(found):  # a letter, a blank form: nothing to count, not silently
        found = [Problem("no-table", name), *found]
    return FileResult(
        name,
        counted.records,
        found,
        counted.checks,
        sheets=len(read),
        tables=tables,
        encodings=tuple(sorted({encoding for sheet in kept for encoding in sheet.encodings})),
        headers={place: text for sheet in kept for place, text in sheet.headers.items()},
        groups=group_records(counted.records),
        idents=idents,
    )


_SAID = frozenset({"document", "no-award"})  # a plan, a report; a roster of staff under no award heading
_NOTHING_TO_READ = _SAID | {"empty-sheet"}


def _says_why(problems: Sequence[Problem]) -> bool:
    """Does a workbook without any table say why, so that no `no-table` is needed: an error of its
    own (a summary alone, `summary-only`; columns that cannot be told apart, a list without its
    header …), or sheets that are a plan, a report (`layout._document`), a roster of staff with no
    award (`no-award`), and empty ones at most? A letter, a blank form, a sheet of text does not:
    the file gave nothing, the exit code says so."""
    if any(p.severity is Severity.ERROR for p in problems):
        return True
    skipped = {p.detail for p in problems if p.code == "skipped-sheet"}
    return bool(skipped & _SAID) and skipped <= _NOTHING_TO_READ


def split_bytes() -> int:
    """SPLIT_BYTES, or THIDUA_SPLIT_BYTES when set to a number."""
    env = os.environ.get("THIDUA_SPLIT_BYTES", "")
    return int(env) if env.isdigit() else SPLIT_BYTES


def plan(path: Path, jobs: int, size: int | None = None) -> list[tuple[int, int]]:
    """The runs of sheets (first, end: a slice of the workbook's sheets; the last one's end is
    END) that read the file, one per worker, of sizes as even as the sheets allow; [] to read it
    as one task: one worker, a file under `split_bytes()` on disk or not an .xlsx, one sheet, or
    a sheet that holds nearly all of it (a sheet is one read of python-calamine: not split).
    `size`: the file's size on disk, when the caller has it."""
    import zipfile

    if jobs < 2 or path.suffix.lower() not in (".xlsx", ".xlsm") or (size is not None and size < split_bytes()):
        return []
    try:
        if size is None and os.stat(path).st_size < split_bytes():
            return []
        with zipfile.ZipFile(path) as archive:
            sizes = sheet_sizes(archive)
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, ValueError, KeyError, SyntaxError):
        return []  # reported when the file is read
    found = runs(sizes, jobs)
    parts = [sum(sizes[first:end]) for first, end in found]
    return found if len(found) > 1 and max(parts) < 0.9 * sum(parts) else []


END = 1 << 31  # the end of the last run: every sheet python-calamine lists is in one run


def runs(sizes: Sequence[int], count: int) -> list[tuple[int, int]]:
    """At most `count` runs of consecutive sheets whose `sizes` sum as evenly as they can: each
    cut where the running total comes closest to its share."""
    total, ends, running = sum(sizes), [0], [0]
    for size in sizes:
        running.append(running[-1] + size)
    for share in range(1, count):
        target = total * share / count
        at = min(range(ends[-1] + 1, len(sizes)), key=lambda i: abs(running[i] - target), default=None)
        if at is not None and at not in ends:
            ends.append(at)
    return [(first, end) for first, end in zip(ends, [*ends[1:], END], strict=True)]


def sheet_sizes(archive: zipfile.ZipFile) -> list[int]:
    """Each sheet's XML size, in the workbook's order of sheets (its workbook.xml, its rels and
    the zip directory: nothing of the sheets decompressed); the mean for a sheet not found."""
    import posixpath
    from xml.etree import ElementTree

    limit = 4 * 1024**2
    parts = {info.filename: info.file_size for info in archive.infolist()}
    if parts.get("xl/workbook.xml", limit) >= limit or parts.get("xl/_rels/workbook.xml.rels", limit) >= limit:
        raise ValueError("no workbook part of a sane size")
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")).iter()
        if rel.tag.endswith("Relationship")
    }
    sheets = [e for e in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter() if e.tag.endswith("}sheet")]
    ids = [
        next((v for k, v in sheet.attrib.items() if k.startswith("{") and k.endswith("}id")), "") for sheet in sheets
    ]
    named = [targets.get(i, "") for i in ids]
    paths = [t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t)) for t in named]
    known = [parts[p] for p in paths if p in parts]
    mean = sum(known) // len(known) if known else 1
    return [parts.get(p, mean) for p in paths]


def read_alone(
    path: Path, catalogue: Catalogue, cache: Cache | None, proposals: bool, part: tuple[int, int]
) -> Part | None:
    """One part of a split file, in its worker (which reads the bytes itself, with their digest
    and, with a cache, their stamp: see `loading._stamped`); None when it cannot be read alone."""
    from thidua_cli.files import read_bytes
    from thidua_cli.loading import _stamped

    try:
        if cache is not None:
            data, digest, _, stamp = _stamped(path, cache)
        else:
            data, stamp = read_bytes(path), None
            digest = hashlib.sha256(data).hexdigest()
        if data is None:
            return None
        found = read_part(path, catalogue, str(path), data, proposals, part=part)
    except MemoryError:
        raise  # the worker's cap: the file's finding, as if its one task had met it (see `SplitFiles.take`)
    # unreadable, our own output, needs the cell-by-cell read, a bug of ours: the file is read
    # as one task, which reports it as ever
    except Exception:
        return None
    return replace(found, digest=digest, stamp=stamp)


class SplitFiles:
    """The files read in parts: which task is which part of which file, the parts in so far,
    and each file's result once its last part is in (stored in the cache here, in the parent)."""

    def __init__(self, catalogue: Catalogue, cache: Cache | None, first_tag: int) -> None:
        self.catalogue, self.cache, self.next_tag = catalogue, cache, first_tag
        self.tags: dict[int, tuple[int, int]] = {}  # task tag → (file index, part)
        self.parts: dict[int, list[FileResult | Part | Failure | None]] = {}  # file index → its parts as they come
        self.left: dict[int, int] = {}  # file index → parts still out
        self.files: dict[int, tuple[Path, str | None]] = {}

    def split(
        self, index: int, path: Path, key: str | None, runs: list[tuple[int, int]]
    ) -> list[tuple[int, tuple[int, int]]]:
        """The tasks (tag, run of sheets) that read the file in parts (see `plan`)."""
        self.files[index] = (path, key)
        self.parts[index], self.left[index] = [None] * len(runs), len(runs)
        tasks = []
        for at, run in enumerate(runs):
            self.tags[self.next_tag] = (index, at)
            tasks.append((self.next_tag, run))
            self.next_tag += 1
        return tasks

    def __contains__(self, tag: int) -> bool:
        return tag in self.tags

    def take(
        self, tag: int, value: FileResult | Part | Failure | None
    ) -> tuple[int, FileResult | Failure | None] | None:
        """A part back: None while the file waits for others, then (file index, its result); or
        (file index, a part's memory Failure): the file's own, as its one task, which reads more,
        would have met it (a second try in a worker whose heap a part filled need not fail the same
        way); or (file index, None) when a part could not be read alone for another reason and
        the file is to be read as one task."""
        index, at = self.tags.pop(tag)
        self.parts[index][at] = value
        self.left[index] -= 1
        if self.left[index]:
            return None
        del self.left[index]
        parts = self.parts.pop(index)
        path, key = self.files.pop(index)
        done = [part for part in parts if isinstance(part, Part)]
        memory = [part for part in parts if isinstance(part, Failure) and part.reason == "memory"]
        if memory:
            return index, memory[0]
        if len(done) < len(parts) or len({part.digest for part in done}) != 1:
            return index, None
        return index, self._finish(path, key, done)

    def _finish(self, path: Path, key: str | None, parts: list[Part]) -> FileResult:
        """As `loading._read_and_store` leaves a file's result: stored, sent on without its rows."""
        result = assemble(str(path), parts, self.catalogue)
        if self.cache is None or key is None:
            return result
        key = self.cache.key(path, parts[0].digest)  # of the very bytes parsed
        if not storable(result) or not self.cache.put(key, result):
            return result
        return self.cache.light(key, result, _stamp(parts))


def _stamp(parts: list[Part]) -> Stamp | None:
    """The file's stamp when every part saw it unchanged, with the same stat (settled if it
    had settled for all); else None: the entry is written, the index will not trust the stat."""
    stamps = [part.stamp for part in parts if part.stamp is not None]
    if len(stamps) < len(parts) or len({stamp.stat for stamp in stamps}) != 1:
        return None
    return stamps[0]._replace(settled=all(stamp.settled for stamp in stamps))
