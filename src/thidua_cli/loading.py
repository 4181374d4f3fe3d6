"""Files and folders → one frame of records plus every finding: the `load` of the public API."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_cli.catalogue import CATEGORIES, KINDS, LEVELS, Catalogue, load_catalogue
from thidua_cli.problems import Problem, Severity
from thidua_cli.reading import OwnWorkbook, UnreadableFile, few_cells, find_workbooks, read_bytes
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.workers import Failure, Limits

if TYPE_CHECKING:
    import pandas as pd

    from thidua_cli.cache import Cache
    from thidua_cli.workers import Pool


GROUP_FIELDS = ("year", "award", "level", "kind", "category", "unit", "issuer")
Group = tuple[int, str, str, str, str, str, str, int]  # GROUP_FIELDS values, then the count
_GROUP_OF = itemgetter(*(RECORD_FIELDS.index(name) for name in GROUP_FIELDS))


def group_records(records: Sequence[Record]) -> list[Group]:
    """Counts per distinct combination of all tally dimensions: enough for any `--by`."""
    counter = Counter(map(_GROUP_OF, records))
    return [(*values, n) for values, n in counter.items()]


@dataclass(frozen=True)
class FileResult:
    """What one file gave: records, findings, and how many sheets held a table.

    `records` may be a lazy sequence (a cache entry's rows are read only when asked for);
    `groups` always holds the counts, so a tally never needs the rows.
    """

    file: str
    records: Sequence[Record]
    problems: list[Problem]
    checks: list[Problem] = field(default_factory=list)
    sheets: int = 0
    tables: int = 0
    readable: bool = True
    encodings: tuple[str, ...] = ()
    headers: dict[tuple[str, int], str] = field(default_factory=dict)  # (sheet, column) → header text
    groups: list[Group] = field(default_factory=list)


@dataclass
class LoadResult:
    """All records of all files, with every finding and per-file summaries.

    `rows` are the records as tuples (RECORD_FIELDS); `records` is the same as a pandas frame,
    built on first use (so that commands which only count never pay for importing pandas).
    """

    files: list[FileResult]
    problems: list[Problem] = field(default_factory=list)
    checks: list[Problem] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    catalogue: Catalogue | None = None
    _rows: list[Record] | None = field(default=None, repr=False)
    _frame: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def rows(self) -> list[Record]:
        if self._rows is None:
            self._rows = [record for result in self.files for record in result.records]
        return self._rows

    @property
    def groups(self) -> list[Group]:
        return [group for result in self.files for group in result.groups]

    @property
    def total(self) -> int:
        return sum(group[-1] for group in self.groups)

    @property
    def records(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = records_frame(self.rows, self.catalogue or load_catalogue())
        return self._frame

    @property
    def readable_files(self) -> int:
        return sum(1 for f in self.files if f.readable)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def read_file(
    path: Path, catalogue: Catalogue, label: str | None = None, data: bytes | None = None, sparse: bool = False
) -> FileResult:
    """One workbook → records and findings. Pure: no printing, no global state.

    A file that breaks the reader in an unforeseen way is reported and skipped, never allowed
    to stop the other files."""
    name = label or str(path)
    try:
        return _read_file(path, catalogue, name, data, sparse)
    except UnreadableFile as exc:
        said = exc.detail and exc.reason in ("os-error", "not-a-file", "too-large")  # what the system said
        detail = f"{exc.reason}: {exc.detail}" if said else exc.reason
        return FileResult(name, [], [Problem("unreadable", name, detail=detail)], readable=False)
    except OwnWorkbook:  # a summary or annotated copy written into the folder: counted once, at its source
        return FileResult(name, [], [Problem("own-output", name)], readable=False)
    except MemoryError:  # under the worker's cap: the file is too large for it
        return FileResult(name, [], [Problem("unreadable", name, detail="worker-memory: MemoryError")], readable=False)
    except Exception as exc:  # a bug of ours on a strange file must not lose the others
        detail = f"{type(exc).__name__}: {exc}"
        return FileResult(name, [], [Problem("file-error", name, detail=detail)], readable=False)


def _read_file(path: Path, catalogue: Catalogue, name: str, data: bytes | None, sparse: bool = False) -> FileResult:
    # imported here: a run answered from the cache never needs the parsing machinery
    from thidua_cli.layout import NoTable, find_table
    from thidua_cli.normalise import Normaliser
    from thidua_cli.reading import read_workbook

    workbook = read_workbook(path, data, sparse)
    normaliser = Normaliser(catalogue, name)
    tables = 0
    encodings: list[str] = []
    headers: dict[tuple[str, int], str] = {}
    for sheet_name, error in workbook.sheet_errors:
        normaliser.problems.append(Problem("sheet-unreadable", name, sheet_name, detail=error))
    for code, sheet_name, value, detail in workbook.notes:
        normaliser.problems.append(Problem(code, name, sheet_name, value=value, detail=detail or None))
    if not workbook.sheets:  # no sheet at all (`<sheets/>`), or none that could be read
        problems = [*normaliser.problems, Problem("unreadable", name, detail="no-sheet")]
        return FileResult(name, [], problems, readable=False)
    for sheet in workbook.sheets:
        found = find_table(sheet, catalogue, (sheet.name, path.stem, path.parent.name))
        if isinstance(found, NoTable):
            detail = "empty-sheet" if found.reason == "empty" else found.reason
            normaliser.problems.append(Problem("skipped-sheet", name, sheet.name, detail=detail))
            continue
        tables += 1
        for columns in found.columns.values():
            for column in columns:
                headers[(sheet.name, column.index)] = column.header
        if found.encoding:
            encodings.append(found.encoding)
        normaliser.add_table(found)
    return FileResult(
        name,
        normaliser.records,
        normaliser.problems,
        normaliser.checks,
        sheets=len(workbook.sheets),
        tables=tables,
        encodings=tuple(sorted(set(encodings))),
        headers=headers,
        groups=group_records(normaliser.records),
    )


def load(
    paths: Sequence[Path | str],
    catalogue: Catalogue | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    cache: Cache | None = None,
    on_start: Callable[[int], None] | None = None,
    limits: Limits | None = None,
    verify: bool = False,
) -> LoadResult:
    """Read every workbook under `paths` (files or folders, recursively).

    Files are read in parallel by `jobs` processes (default: one per core) and, with a
    `cache`, taken from it when unchanged. Results keep the order of the files, so the output
    does not depend on either. `on_start(n)` is told how many files were found, before any is
    read; `progress(path)` as each is done. Each file is parsed in a worker process capped by
    `limits` (memory, seconds): a file that kills its worker is reported, never the run.
    `verify`: every file is parsed again and a cache entry that disagrees is replaced and reported.
    """
    catalogue = catalogue or load_catalogue()
    files, missing = find_workbooks([Path(p) for p in paths])
    if on_start:
        on_start(len(files))
    results: list[FileResult | None] = [None] * len(files)
    cached: dict[int, FileResult] = {}
    with _Parsers(catalogue, jobs or default_jobs(), cache, len(files), limits) as parsers:
        for index, path in enumerate(files):
            key = None
            if cache is not None:
                try:
                    key = cache.key(path, read_bytes(path))
                except (UnreadableFile, OSError):
                    key = None
                hit = cache.get(key, str(path), path) if key else None
                if hit is not None and verify:
                    cached[index] = hit
                elif hit is not None:
                    results[index] = hit
                    if progress:
                        progress(str(path))
                    continue
            parsers.add(index, path, key)  # parsing starts while the other files are looked up
        for index, result in parsers.results():
            results[index] = _verified(result, cached[index]) if index in cached else result
            if progress:
                progress(str(files[index]))
    done = [r for r in results if r is not None]
    return LoadResult(
        files=done,
        problems=[problem for result in done for problem in result.problems],
        checks=[check for result in done for check in result.checks],
        missing=missing,
        catalogue=catalogue,
    )


def _verified(fresh: FileResult, entry: FileResult) -> FileResult:
    """`--verify-cache`: the fresh result, with a finding when the cache entry said otherwise."""
    said = (sorted(entry.groups), sorted(p.code for p in entry.problems), entry.readable)
    if said == (sorted(fresh.groups), sorted(p.code for p in fresh.problems), fresh.readable):
        return fresh
    return replace(fresh, problems=[*fresh.problems, Problem("cache-mismatch", fresh.file)])


def _read_and_store(
    path: Path, key: str | None, catalogue: Catalogue, cache: Cache | None, light: bool = False, sparse: bool = False
) -> FileResult:
    """Parse one file and, with a cache, store the result (in the worker: JSON costs too).
    The entry's key is worked out again from the very bytes parsed: a file replaced since the
    parent looked it up is stored under its new content, never under the old one's key.
    `light`: once stored, send back the result without its rows (they stay in the cache)."""
    data = None
    if cache is not None and key is not None:
        try:
            data = read_bytes(path)
            key = cache.key(path, data)
        except (UnreadableFile, OSError):
            data, key = None, None
    result = read_file(path, catalogue, data=data, sparse=sparse)
    if cache is not None and key is not None and cache.put(key, result) and light:
        return cache.light(key, result, path)
    return result


def default_jobs() -> int:
    env = os.environ.get("THIDUA_JOBS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def failed_file(name: str, failure: Failure) -> FileResult:
    """A file whose worker died, was killed or ran out of time: unreadable, with the reason."""
    problem = Problem("unreadable", name, detail=f"worker-{failure.reason}: {failure.detail}")
    return FileResult(name, [], [problem], readable=False)


def read_isolated(
    path: Path, catalogue: Catalogue, label: str | None = None, limits: Limits | None = None
) -> FileResult:
    """`read_file` in a capped worker process: a file that aborts the parser is a finding."""
    from functools import partial

    from thidua_cli.workers import run_one

    result = run_one(partial(_read_one, path, catalogue, label), None, limits)
    return failed_file(label or str(path), result) if isinstance(result, Failure) else result


def _read_one(path: Path, catalogue: Catalogue, label: str | None, _item: None) -> FileResult:
    return read_file(path, catalogue, label)


def _parse_task(catalogue: Catalogue, cache: Cache | None, task: tuple[Path, str | None, bool]) -> FileResult:
    """One file in a worker (module-level, so that a spawned worker can unpickle it)."""
    return _read_and_store(task[0], task[1], catalogue, cache, light=True, sparse=task[2])


class _Parsers:
    """Files to parse, with their place in the output: each parsed by a capped worker process
    (see `workers`), started with the first file added, so that parsing overlaps the cache
    look-ups of the files after it. An .xlsx whose worker died of memory (python-calamine builds
    a dense range from the first to the last cell: one cell at XFD1048576 is enough) is tried
    once more, read cell by cell."""

    def __init__(
        self, catalogue: Catalogue, jobs: int, cache: Cache | None, total: int, limits: Limits | None = None
    ) -> None:
        self.catalogue, self.jobs, self.cache, self.total, self.limits = catalogue, jobs, cache, total, limits
        self.pool: Pool[tuple[Path, str | None, bool], FileResult] | None = None
        self.paths: dict[int, tuple[Path, str | None]] = {}
        self.retried: dict[int, FileResult | Failure] = {}  # the first try's outcome
        self.done: list[tuple[int, FileResult]] = []

    def add(self, index: int, path: Path, key: str | None) -> None:
        if self.pool is None:
            self.pool = self._start()
        self.paths[index] = (path, key)
        self.pool.submit(index, (path, key, False))
        self.done += [done for tag, value in self.pool.ready() if (done := self._result(tag, value))]

    def _start(self) -> Pool[tuple[Path, str | None, bool], FileResult]:
        from functools import partial

        import thidua_cli.layout
        import thidua_cli.normalise  # noqa: F401  (loaded once here, inherited by forked workers)
        from thidua_cli.workers import Pool

        return Pool(partial(_parse_task, self.catalogue, self.cache), min(self.jobs, self.total), self.limits)

    def _result(self, index: int, value: FileResult | Failure) -> tuple[int, FileResult] | None:
        """The file's result, or None when it is being tried again."""
        path, key = self.paths[index]
        if index in self.retried and not (isinstance(value, FileResult) and value.readable):
            value = self.retried[index]  # the second try failed too: the first one's reason is the one
        memory = isinstance(value, Failure) and value.reason == "memory"
        memory = memory or any((p.detail or "").startswith("worker-memory") for p in getattr(value, "problems", ()))
        retry = path.suffix.lower() in (".xlsx", ".xlsm") and index not in self.retried
        if memory and retry and self.pool and few_cells(path):
            self.retried[index] = value
            self.pool.submit(index, (path, key, True))
            return None
        if isinstance(value, Failure):
            return index, failed_file(str(path), value)
        return index, value

    def results(self) -> Iterator[tuple[int, FileResult]]:
        """(index, result) for every file added, as each finishes."""
        yield from self.done
        self.done = []
        if self.pool is not None:
            for tag, value in self.pool.drain():
                if done := self._result(tag, value):
                    yield done

    def __enter__(self) -> _Parsers:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.pool is not None:
            self.pool.close()


def records_frame(records: list[Record], catalogue: Catalogue) -> pd.DataFrame:
    """Records as a frame with ordered categorical award, level, kind and category."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=list(RECORD_FIELDS))
    frame["row"] = frame["row"].astype("int64")
    for column in ("year", "name_col", "award_col", "year_col"):
        frame[column] = frame[column].astype("int64")
    order = {
        "award": [a.name for a in catalogue.awards],
        "level": list(LEVELS),
        "kind": list(KINDS),
        "category": list(CATEGORIES),
    }
    for column, categories in order.items():
        frame[column] = pd.Categorical(frame[column], categories=categories, ordered=True)
    frame["unit"] = _one_spelling(frame["unit"])
    return frame


def _one_spelling(units: pd.Series) -> pd.Series:
    """One display form per unit: "VĂN PHÒNG SỞ" (title block) and "Văn phòng Sở" (column) agree."""
    from thidua_cli.text import key

    best: dict[str, tuple[bool, int, str]] = {}
    for spelling, count in units.value_counts(sort=False).items():
        k = key(str(spelling))
        rank = (str(spelling) != str(spelling).upper(), int(count), str(spelling))
        if k not in best or rank[:2] > best[k][:2]:
            best[k] = rank
    mapping = {spelling: best[key(str(spelling))][2] for spelling in units.unique()}
    return units.map(mapping)
