"""Files and folders → one frame of records plus every finding: the `load` of the public API."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_cli.catalogue import CATEGORIES, KINDS, LEVELS, Catalogue, load_catalogue
from thidua_cli.problems import Problem, Severity
from thidua_cli.reading import UnreadableFile, find_workbooks, read_bytes
from thidua_cli.records import RECORD_FIELDS, Record

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    import pandas as pd

    from thidua_cli.cache import Cache


GROUP_FIELDS = ("year", "award", "level", "kind", "category", "unit", "issuer", "status")
Group = tuple[int, str, str, str, str, str, str, str, int]  # GROUP_FIELDS values, then the count
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
    path: Path,
    catalogue: Catalogue,
    label: str | None = None,
    data: bytes | None = None,
    include_proposals: bool = False,
) -> FileResult:
    """One workbook → records and findings. Pure: no printing, no global state.
    `include_proposals`: rows of proposal lists and rows marked "(đề nghị)", "(không đạt)" are
    records with their status (by default they are reported, not counted).

    A file that breaks the reader in an unforeseen way is reported and skipped, never allowed
    to stop the other files."""
    name = label or str(path)
    try:
        return _read_file(path, catalogue, name, data, include_proposals)
    except UnreadableFile as exc:
        return FileResult(name, [], [Problem("unreadable", name, detail=exc.reason)], readable=False)
    except Exception as exc:  # a bug of ours on a strange file must not lose the others
        detail = f"{type(exc).__name__}: {exc}"
        return FileResult(name, [], [Problem("file-error", name, detail=detail)], readable=False)


def _read_file(path: Path, catalogue: Catalogue, name: str, data: bytes | None, proposals: bool) -> FileResult:
    # imported here: a run answered from the cache never needs the parsing machinery
    from thidua_cli.layout import NoTable, find_table
    from thidua_cli.normalise import Normaliser
    from thidua_cli.reading import read_workbook
    from thidua_cli.summaries import Summary, summary_mismatches

    workbook = read_workbook(path, data)
    normaliser = Normaliser(catalogue, name, include_proposals=proposals)
    tables = 0
    encodings: list[str] = []
    headers: dict[tuple[str, int], str] = {}
    summaries: list[Summary] = []
    for sheet_name, error in workbook.sheet_errors:
        normaliser.problems.append(Problem("sheet-unreadable", name, sheet_name, detail=error))
    for sheet in workbook.sheets:
        found = find_table(sheet, catalogue, (sheet.name, path.stem, path.parent.name))
        if isinstance(found, NoTable):
            normaliser.problems.append(found.problem(name))
            if found.summary is not None:
                summaries.append(found.summary)
            continue
        tables += 1
        for columns in found.columns.values():
            for column in columns:
                headers[(sheet.name, column.index)] = column.header
        if found.encoding:
            encodings.append(found.encoding)
        normaliser.add_table(found)
    if tables:  # a summary is compared with the name lists of its own workbook, when it has some
        normaliser.checks.extend(summary_mismatches(name, summaries, normaliser.records))
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
    include_proposals: bool = False,
) -> LoadResult:
    """Read every workbook under `paths` (files or folders, recursively).

    Files are read in parallel by `jobs` processes (default: one per core) and, with a
    `cache`, taken from it when unchanged. Results keep the order of the files, so the output
    does not depend on either. `on_start(n)` is told how many files were found, before any is
    read; `progress(path)` as each is done. `include_proposals`: see `read_file` (such a run
    bypasses the cache, which holds the default reading).
    """
    catalogue = catalogue or load_catalogue()
    cache = None if include_proposals else cache
    files, missing = find_workbooks([Path(p) for p in paths])
    if on_start:
        on_start(len(files))
    results: list[FileResult | None] = [None] * len(files)
    with _Parsers(catalogue, jobs or default_jobs(), cache, len(files), include_proposals) as parsers:
        for index, path in enumerate(files):
            key = None
            if cache is not None:
                try:
                    key = cache.key(path, read_bytes(path))
                except (UnreadableFile, OSError):
                    key = None
                hit = cache.get(key, str(path), path) if key else None
                if hit is not None:
                    results[index] = hit
                    if progress:
                        progress(str(path))
                    continue
            parsers.add(index, path, key)  # parsing starts while the other files are looked up
        for index, result in parsers.results():
            results[index] = result
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


PARALLEL_MIN_FILES = 4
_worker: tuple[Catalogue, Cache | None, bool] | None = None


def _init_worker(catalogue: Catalogue, cache: Cache | None, proposals: bool = False) -> None:
    import signal

    global _worker
    _worker = (catalogue, cache, proposals)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _read_and_store(
    path: Path, key: str | None, catalogue: Catalogue, cache: Cache | None, proposals: bool, light: bool = False
) -> FileResult:
    """Parse one file and, with a cache, store the result (in the worker: JSON costs too).
    `light`: once stored, send back the result without its rows (they stay in the cache)."""
    result = read_file(path, catalogue, include_proposals=proposals)
    if cache is not None and key is not None and cache.put(key, result) and light:
        return cache.light(key, result, path)
    return result


def _work(path: Path, key: str | None) -> FileResult:
    assert _worker is not None
    return _read_and_store(path, key, *_worker, light=True)


def default_jobs() -> int:
    env = os.environ.get("THIDUA_JOBS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Parsers:
    """Files to parse, with their place in the output. Sequential for a few files (or one job);
    from the PARALLEL_MIN_FILES-th on, a process pool starts and takes each file as it is
    added, so that parsing overlaps the cache look-ups of the files after it."""

    def __init__(self, catalogue: Catalogue, jobs: int, cache: Cache | None, total: int, proposals: bool) -> None:
        self.catalogue, self.jobs, self.cache, self.total = catalogue, jobs, cache, total
        self.proposals = proposals
        self.waiting: list[tuple[int, Path, str | None]] = []
        self.executor: ProcessPoolExecutor | None = None
        self.futures: dict[Future[FileResult], int] = {}

    def add(self, index: int, path: Path, key: str | None) -> None:
        if self.executor is not None:
            self.futures[self.executor.submit(_work, path, key)] = index
            return
        self.waiting.append((index, path, key))
        if self.jobs > 1 and len(self.waiting) >= PARALLEL_MIN_FILES:
            self.executor = self._start()
            for index, path, key in self.waiting:
                self.futures[self.executor.submit(_work, path, key)] = index
            self.waiting = []

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        import thidua_cli.layout
        import thidua_cli.normalise  # noqa: F401  (loaded once here, inherited by forked workers)

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(
            max_workers=min(self.jobs, self.total),
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.catalogue, self.cache, self.proposals),
        )

    def results(self) -> Iterator[tuple[int, FileResult]]:
        """(index, result) for every file added, as each finishes."""
        for index, path, key in self.waiting:
            yield index, _read_and_store(path, key, self.catalogue, self.cache, self.proposals)
        if self.futures:
            from concurrent.futures import as_completed

            for future in as_completed(self.futures):
                yield self.futures[future], future.result()

    def __enter__(self) -> _Parsers:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


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
