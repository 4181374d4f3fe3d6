"""Files and folders → one frame of records plus every finding: the `load` of the public API."""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeGuard, cast

from thidua_cli.catalogue import CATEGORIES, KINDS, LEVELS, Catalogue, load_catalogue
from thidua_cli.files import OwnWorkbook, UnreadableFile, find_workbooks, read_bytes
from thidua_cli.problems import Problem, Severity, with_suggestions
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.tally import GROUP_FIELDS, Group, net_groups, unit_spellings

if TYPE_CHECKING:
    import pandas as pd

    from thidua_cli.cache import Cache, RunIndex
    from thidua_cli.dedup import Merged
    from thidua_cli.sheet_tasks import Part, SplitFiles
    from thidua_cli.workers import Failure, Limits, Pool

__all__ = ["GROUP_FIELDS", "FileResult", "Group", "LoadResult", "load", "read_file"]


class Stamp(NamedTuple):
    """A file as it was read, for the cache's index (see `cache`): its `os.stat` (device, inode,
    size, modification and change time), whether it had settled before the read (no hashing
    needed while that stat holds), its content's SHA-256 and the key of its entry. (Named
    tuples here, not frozen dataclasses: a dataclass's methods are compiled at each start.)"""

    stat: tuple[int, ...]
    settled: bool
    digest: str
    key: str = ""


@dataclass(frozen=True)
class FileResult:
    """What one file gave: the records counted (see `counting`), the findings of the rows not
    counted (`problems`) and the warnings on counted ones (`checks`), and how many sheets held
    a table.

    `records` may be a lazy sequence (a cache entry's rows are read only when asked for);
    `groups` always holds the counts and `idents` the records' identities (see `dedup`), so a
    tally never needs the rows. `duplicate_of`: the file whose content this one repeats (then
    it was not read again and holds nothing).
    """

    file: str
    records: Sequence[Record]
    problems: Sequence[Problem]  # a list, or a cached file's `cache.Findings`
    checks: Sequence[Problem] = field(default_factory=list)
    sheets: int = 0
    tables: int = 0
    readable: bool = True
    encodings: tuple[str, ...] = ()
    headers: Mapping[tuple[str, int], str] = field(default_factory=dict)  # (sheet, column) → header text
    groups: Sequence[Group] = field(default_factory=list)
    idents: Sequence[int] = field(default_factory=list)
    duplicate_of: str = ""
    stamp: Stamp | None = field(default=None, compare=False, repr=False)  # set when a worker cached it


@dataclass
class LoadResult:
    """All records counted, over all files, with every finding and per-file summaries.

    `rows` are the records as tuples (RECORD_FIELDS), less the merged duplicates (`merged`,
    unless loaded with `keep_duplicates`); `records` is the same as a pandas frame, built on
    first use (so that commands which only count never pay for importing pandas); `groups`
    their counts, for the engine in `tally`.
    """

    files: list[FileResult]
    missing: list[Path] = field(default_factory=list)
    catalogue: Catalogue | None = None
    merged: Merged | None = None
    _problems: list[Problem] | None = field(default=None, repr=False)
    _checks: list[Problem] | None = field(default=None, repr=False)
    _rows: list[Record] | None = field(default=None, repr=False)
    _groups: list[Group] | None = field(default=None, repr=False)
    _frame: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def problems(self) -> list[Problem]:
        """Every finding of rows not counted, file by file in row order (the merged duplicates'
        among them), built on first use: a cached file's are decoded only then."""
        if self._problems is None:
            self._problems = _gathered(self.files, self.merged)
        return self._problems

    @property
    def checks(self) -> list[Problem]:
        """The warnings on records counted."""
        if self._checks is None:
            self._checks = [check for result in self.files for check in result.checks]
        return self._checks

    @property
    def has_errors(self) -> bool:
        """Whether a file was skipped, a row not counted or a duplicate merged (exit code 1):
        `errors`, known without decoding a cached file's findings."""
        if self._problems is not None:
            return bool(self.errors)
        if self.merged is not None and any(p.severity is Severity.ERROR for p in self.merged.findings):
            return True
        listed = _list_folders(self.files)
        return any(_erring(result, listed) for result in self.files)

    @property
    def rows(self) -> list[Record]:
        if self._rows is None:
            self._rows = list(self.iter_rows())
        return self._rows

    def iter_rows(self) -> Iterator[Record]:
        """The records of `rows`, file by file, without holding them all at once (a cache
        entry's rows are read for this pass only)."""
        if self._rows is not None:
            yield from self._rows
            return
        removed = self.merged.removed if self.merged else {}
        for index, result in enumerate(self.files):
            gone = removed.get(index)
            once = getattr(result.records, "once", None)
            for at, record in enumerate(once() if once else result.records):
                if gone is None or at not in gone:
                    yield record

    @property
    def groups(self) -> list[Group]:
        if self._groups is None:
            every = [group for result in self.files for group in result.groups]
            self._groups = net_groups(every, self.merged.groups if self.merged else ())
        return self._groups

    @property
    def total(self) -> int:
        return sum(group[-1] for group in self.groups)

    @property
    def duplicate_files(self) -> list[FileResult]:
        return [f for f in self.files if f.duplicate_of]

    def iter_columns(self) -> Iterator[list[list[Any]]]:
        """The records of `rows` by field (RECORD_FIELDS), file by file: from the cache without
        a tuple per record, nor a string per cell (equal values are one object)."""
        if self._rows is not None:
            if self._rows:
                yield [list(column) for column in zip(*self._rows, strict=True)]
            return
        removed = self.merged.removed if self.merged else {}
        for index, result in enumerate(self.files):
            if not len(result.records):
                continue
            by_field = getattr(result.records, "columns", None)
            columns = by_field() if by_field else [list(c) for c in zip(*result.records, strict=True)]
            gone = removed.get(index)
            if gone:
                kept = [at for at in range(len(columns[0])) if at not in gone]
                columns = [[column[at] for at in kept] for column in columns]
            yield columns

    @property
    def records(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = records_frame(self.iter_columns(), self.catalogue or load_catalogue(), self.groups)
        return self._frame

    @property
    def readable_files(self) -> int:
        """Files read (a copy of another file's content is not read again)."""
        return sum(1 for f in self.files if f.readable and not f.duplicate_of)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def read_file(
    path: Path,
    catalogue: Catalogue,
    label: str | None = None,
    data: bytes | None = None,
    include_proposals: bool = False,
    sparse: bool = False,
    suggest: bool = True,
) -> FileResult:
    """One workbook → records and findings. Pure: no printing, no global state.
    `include_proposals`: rows of proposal lists and rows marked "(đề nghị)", "(không đạt)" are
    records with their status (by default they are reported, not counted). `suggest`: search
    each unknown award's "Có phải: …?" (`load`'s workers leave it to the parent: once per run).

    A file that breaks the reader in an unforeseen way is reported and skipped, never allowed
    to stop the other files."""
    name = label or str(path)
    try:
        result = _read_file(path, catalogue, name, data, include_proposals, sparse)
        return _suggested(result, catalogue) if suggest else result
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


def _read_file(
    path: Path, catalogue: Catalogue, name: str, data: bytes | None, proposals: bool, sparse: bool = False
) -> FileResult:
    # imported here: a run answered from the cache never needs the parsing machinery
    from thidua_cli.sheet_tasks import assemble, read_part

    return assemble(name, [read_part(path, catalogue, name, data, proposals, sparse)], catalogue)


def _suggested(result: FileResult, catalogue: Catalogue) -> FileResult:
    """The result with each unknown award's suggestion (see `problems.with_suggestions`; those
    of the run's index were searched when it was written: not decoded for this)."""
    if counted(result.problems) and result.problems.searched:
        return result
    problems = with_suggestions(result.problems, catalogue.suggest_award)
    return result if problems is result.problems else replace(result, problems=problems)


def read_records(path: Path, catalogue: Catalogue, label: str) -> list[Record]:
    """The records `read_file` counts: how a damaged cache entry is re-parsed, with the run's
    catalogue (never the cache's own idea of one), in a capped worker like any other parse."""
    return list(read_isolated(path, catalogue, label).records)


def load(
    paths: Sequence[Path | str],
    catalogue: Catalogue | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    cache: Cache | None = None,
    on_start: Callable[[int], None] | None = None,
    keep_duplicates: bool = False,
    include_proposals: bool = False,
    limits: Limits | None = None,
    verify: bool = False,
) -> LoadResult:
    """Read every workbook under `paths` (files or folders, recursively).

    Files are read in parallel by `jobs` processes (default: one per core) and, with a
    `cache`, taken from it when unchanged. Results keep the order of the files, so the output
    does not depend on either. A file whose content repeats an earlier one is read once and
    reported (`duplicate-file`); a record that repeats another is counted once and reported
    (`duplicate`); `keep_duplicates` counts both as they are. `on_start(n)` is told how many
    files were found, before any is read; `progress(path)` as each is done.
    `include_proposals`: see `read_file` (such a run bypasses the cache, which holds the default
    reading). Each file is parsed in a worker process capped by `limits` (memory, seconds): a
    file that kills its worker is reported, never the run. `verify`: every file is parsed again
    and a cache entry that disagrees is replaced and reported.
    """
    catalogue = catalogue or load_catalogue()
    cache = None if include_proposals else cache
    files, missing = find_workbooks([Path(p) for p in paths])
    if on_start:
        on_start(len(files))
    index = cache.index(paths) if cache is not None else None
    results: list[FileResult | None] = [None] * len(files)
    first_of: dict[str, int] = {}  # content digest → the first file that has it
    copies: dict[int, int] = {}  # file index → index of the file it repeats
    cached: dict[int, Said] = {}  # --verify-cache: what the cache said (before the file's entry is written again)
    stamps: dict[int, Stamp] = {}  # the parent's look-up of each file (for a file it did not parse)
    parsed: set[int] = set()
    with _Parsers(catalogue, jobs or default_jobs(), cache, len(files), include_proposals, limits) as parsers:
        for at, path in enumerate(files):
            found = _look_up(cache, index, path, catalogue, keep_duplicates)
            if found.stamp is not None:
                stamps[at] = found.stamp
            if found.digest and not keep_duplicates:
                original = first_of.setdefault(found.digest, at)
                if original != at:
                    copies[at] = original
                    if progress:
                        progress(str(path))
                    continue
            if found.hit is not None and verify:
                cached[at] = _said(found.hit)
            elif found.hit is not None:
                results[at] = found.hit
                if progress:
                    progress(str(path))
                continue
            parsers.add(at, path, found.key)  # parsing starts while the other files are looked up
        for at, result in parsers.results():
            parsed.add(at)
            result = _bound(result, files[at], catalogue)
            results[at] = _verified(result, cached[at]) if at in cached else result
            if progress:
                progress(str(files[at]))
    for at, original in copies.items():
        results[at] = _copy_of(str(files[at]), results[original])
    results = [r if r is None else _suggested(r, catalogue) for r in results]  # once per text; kept by the run index
    done = [r for r in results if r is not None]
    if cache is None or index is None:
        return _assemble(done, missing, catalogue, keep_duplicates)
    run = _note(index, files, results, {at: s for at, s in stamps.items() if at not in parsed}, copies)
    loaded = _assemble(done, missing, catalogue, keep_duplicates, (index, run, not verify))
    cache.save(index)
    return loaded


class _Found(NamedTuple):
    """A file as the cache knows it: its content digest (for copies), its entry key and result."""

    digest: str | None = None
    key: str | None = None
    hit: FileResult | None = None
    stamp: Stamp | None = None


def _look_up(cache: Cache | None, index: RunIndex | None, path: Path, catalogue: Catalogue, raw: bool) -> _Found:
    """The file's digest, cache key and cached result (whose rows, if damaged, are re-parsed with
    this run's catalogue): from the run's index when the file's stat is the one recorded there,
    else by hashing its bytes. `raw` (keep duplicates) without a cache: the file is not read."""
    if cache is None or index is None:
        data = None if raw else _bytes(path)
        return _Found(hashlib.sha256(data).hexdigest() if data else None)
    reparse = partial(read_records, path, catalogue, str(path))
    try:
        before = os.stat(path)
    except OSError:
        return _Found()
    known = index.known(path, before)
    if known is not None:
        stat, steady, digest, key, payload = known
        try:
            refetch = partial(read_isolated, path, catalogue, str(path))
            hit = cache.result(payload, key, str(path), reparse, True, refetch) if payload else None
        except (ValueError, KeyError, TypeError, IndexError):
            hit = None
        return _Found(digest, key or cache.key(path, digest), hit, Stamp(tuple(stat), steady, digest, key))
    data, digest, key, stamp = _stamped(path, cache)
    if data is None:
        return _Found()
    return _Found(digest, key, cache.get(key, str(path), reparse), stamp)


def _note(
    index: RunIndex,
    files: list[Path],
    results: list[FileResult | None],
    stamps: dict[int, Stamp],
    copies: dict[int, int],
) -> str | None:
    """Record what the run saw of each file, for the next run (a copy by its digest alone, a
    file whose entry was read or written by its stamp: the worker's own, for a file it parsed,
    never the parent's, whose look-up may have seen other bytes); return the run's identity
    (labels and contents, in order), None when a file is not cached."""
    parts: list[str] | None = []
    for at, path in enumerate(files):
        result = results[at]
        stamp = result.stamp if result is not None and result.stamp is not None else stamps.get(at)
        cached = at in copies or (result is not None and hasattr(result.records, "columns"))  # LazyRecords
        if stamp is None or result is None or not cached or not (stamp.key or at in copies):
            parts = None
            continue
        index.note(path, stamp, None if at in copies else result)
        if parts is not None:
            parts.append(f"{result.file}\0{stamp.digest}")
    index.close()
    return None if parts is None else hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _bytes(path: Path) -> bytes | None:
    try:
        return read_bytes(path)
    except UnreadableFile:
        return None  # reported when the file is parsed


def _in_row_order(findings: list[Problem]) -> list[Problem]:
    from thidua_cli.counting import in_row_order

    return in_row_order(findings)


def _bound(result: FileResult, path: Path, catalogue: Catalogue) -> FileResult:
    """A worker's result whose rows stayed in the cache: re-parsed, if the entry is damaged,
    with this run's catalogue."""
    from_cache = getattr(result.records, "bind", None)
    if from_cache is None:
        return result
    return replace(result, records=from_cache(partial(read_records, path, catalogue, result.file)))


def _copy_of(label: str, original: FileResult | None) -> FileResult:
    """A file with the same content as `original`: reported, not read again, nothing counted
    (a copy of a file that could not be read is reported as that file is)."""
    if original is not None and not original.readable:
        return replace(original, file=label, problems=[replace(p, file=label) for p in original.problems])
    source = original.file if original else ""
    n = len(original.records) if original else 0
    return FileResult(label, [], [Problem("duplicate-file", label, value=str(n), detail=source)], duplicate_of=source)


def _assemble(
    files: list[FileResult],
    missing: list[Path],
    catalogue: Catalogue,
    keep_duplicates: bool,
    memo: tuple[RunIndex, str | None, bool] | None = None,
) -> LoadResult:
    """The files' results as one, with the duplicates among their records merged (as the run's
    index recorded them for the same files, when `memo` says it may be trusted)."""
    from thidua_cli.dedup import Merged

    merged, groups = (Merged(), None) if keep_duplicates else _merged(files, memo, catalogue.detail_names())
    return LoadResult(files=files, missing=missing, catalogue=catalogue, merged=merged, _groups=groups)


def _gathered(files: list[FileResult], merged: Merged | None) -> list[Problem]:
    """The files' findings and the merged duplicates', each file's in row order (see `_kept`)."""
    extra: dict[str, list[Problem]] = {}
    for finding in merged.findings if merged else ():
        extra.setdefault(finding.file, []).append(finding)
    listed = _list_folders(files)
    return [
        p
        for result in files
        for p in (_in_row_order([*result.problems, *extra[result.file]]) if result.file in extra else result.problems)
        if p.code != "summary-only" or _kept(p, listed)  # the first test is `_kept`'s own: 10^4 calls saved
    ]


class Counted(Protocol):
    """Findings that tell without being decoded how many are errors other than `summary-only`
    and how many are that one, and whether their suggestions were searched: a cached file's
    (`cache.Findings`)."""

    error_count: int
    summary_only: int
    searched: bool


def counted(found: object) -> TypeGuard[Counted]:
    """Whether `found` is `Counted`: its attributes looked up, as `isinstance` on a
    runtime-checkable protocol would, without the ~20 µs that costs per call in Python 3.11
    (asked twice of every file, in the parent)."""
    return hasattr(found, "error_count") and hasattr(found, "summary_only") and hasattr(found, "searched")


def _list_folders(files: Sequence[FileResult]) -> set[str]:
    """The folders (absolute) holding a unit's list: a file where a table was read."""
    return {os.path.dirname(os.path.abspath(result.file)) for result in files if result.tables}


def _kept(p: Problem, listed: set[str]) -> bool:
    """Whether a finding is reported: all but a summary's `summary-only` beside its unit's list
    (the same folder, however the paths were written)."""
    return p.code != "summary-only" or os.path.dirname(os.path.abspath(p.file)) not in listed


def _erring(result: FileResult, listed: set[str]) -> bool:
    """Whether the file has an error that `_gathered` keeps (a cached file's from its counts)."""
    found = result.problems
    if counted(found):
        beside = os.path.dirname(os.path.abspath(result.file)) in listed
        return bool(found.error_count) or (bool(found.summary_only) and not beside)
    return any(p.severity is Severity.ERROR and _kept(p, listed) for p in found)


def _merged(
    files: list[FileResult], memo: tuple[RunIndex, str | None, bool] | None, details: frozenset[str]
) -> tuple[Merged, list[Group] | None]:
    """`dedup.merge` of the files, or what the index recorded for this very run (the same
    labels and contents in the same order: the merge depends on nothing else), with the run's
    net counts then (else None: summed when asked for)."""
    from thidua_cli.dedup import Merged, merge

    if memo is None or memo[1] is None:
        return merge(files, details), None
    from thidua_cli.cache import decode_merged, encode_merged

    index, run, trusted = memo[0], memo[1], memo[2]
    labels = [f.file for f in files]
    known = index.merges(run) if trusted else None
    if known is not None:
        try:
            findings, removed, extra, groups = decode_merged(known, labels)
            return Merged(findings, removed, extra), groups
        except (KeyError, TypeError, ValueError, IndexError):
            pass
    merged = merge(files, details)
    groups = net_groups([group for result in files for group in result.groups], merged.groups)
    index.remember(run, encode_merged(merged, labels, groups))
    return merged, groups


Said = tuple[list[Group], list[str], bool]


def _said(result: FileResult) -> Said:
    """What `--verify-cache` compares: the counts, the findings' codes, whether it was read."""
    return sorted(result.groups), sorted(p.code for p in result.problems), result.readable


def _verified(fresh: FileResult, said: Said) -> FileResult:
    """`--verify-cache`: the fresh result, with a finding when the cache entry said otherwise."""
    if said == _said(fresh):
        return fresh
    return replace(fresh, problems=[*fresh.problems, Problem("cache-mismatch", fresh.file)])


def _read_and_store(
    path: Path,
    key: str | None,
    catalogue: Catalogue,
    cache: Cache | None,
    proposals: bool = False,
    light: bool = False,
    sparse: bool = False,
) -> FileResult:
    """Parse one file and, with a cache, store the result (in the worker: JSON costs too).
    The entry's key is worked out again from the very bytes parsed: a file replaced since the
    parent looked it up is stored under its new content, never under the old one's key.
    `light`: once stored, send back the result without its rows (they stay in the cache)."""
    data, stamp = None, None
    if cache is not None and key is not None:
        data, _digest, key, stamp = _stamped(path, cache)
        key = key or None
    result = read_file(path, catalogue, data=data, include_proposals=proposals, sparse=sparse, suggest=False)
    if cache is not None and key is not None and storable(result) and cache.put(key, result) and light:
        return cache.light(key, result, stamp)
    return result


def storable(result: FileResult) -> bool:
    """Whether a result may be kept in the cache: not a file that ran out of the worker's memory
    (a larger --max-memory, as the message advises, must read it again, not the cache answer)."""
    return result.readable or not any(
        p.code == "unreadable" and (p.detail or "").startswith("worker-memory") for p in result.problems
    )


def _stamped(path: Path, cache: Cache) -> tuple[bytes | None, str, str, Stamp | None]:
    """The file's bytes, their digest and key ("" when unreadable), and its stamp when it did not change while it was read
    (else None: the entry is written, the index will not trust the file's stat)."""
    from thidua_cli.cache import settled, stat_of

    try:
        before, started = os.stat(path), time.time_ns()
        data = read_bytes(path)
        after = os.stat(path)
    except (UnreadableFile, OSError):
        return None, "", "", None
    digest = hashlib.sha256(data).hexdigest()
    key = cache.key(path, digest)
    steady = stat_of(before) == stat_of(after)
    return data, digest, key, Stamp(stat_of(after), settled(after, started), digest, key) if steady else None


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
    from thidua_cli.workers import Failure, run_one

    result = run_one(partial(_read_one, path, catalogue, label), None, limits)
    return failed_file(label or str(path), result) if isinstance(result, Failure) else result


def _read_one(path: Path, catalogue: Catalogue, label: str | None, _item: None) -> FileResult:
    return read_file(path, catalogue, label)


_Task = tuple[Path, str | None, bool, "tuple[int, int] | None"]  # path, cache key, sparse, part of its sheets


def _parse_task(catalogue: Catalogue, cache: Cache | None, proposals: bool, task: _Task) -> FileResult | Part | None:
    """One file, or one part of its sheets (see `sheet_tasks`), in a worker (module-level, so
    that a spawned worker can unpickle it)."""
    path, key, sparse, part = task
    if part is not None:
        from thidua_cli.sheet_tasks import read_alone

        return read_alone(path, catalogue, cache, proposals, part)
    return _read_and_store(path, key, catalogue, cache, proposals, light=True, sparse=sparse)


class _Parsers:
    """Files to parse, with their place in the output: each parsed by a capped worker process
    (see `workers`), started with the first file added, so that parsing overlaps the cache
    look-ups of the files after it. A large .xlsx of several sheets is read in parts, by several
    workers (see `sheet_tasks`). An .xlsx whose worker died of memory (python-calamine builds
    a dense range from the first to the last cell: one cell at XFD1048576 is enough) is tried
    once more, read cell by cell."""

    def __init__(
        self,
        catalogue: Catalogue,
        jobs: int,
        cache: Cache | None,
        total: int,
        proposals: bool = False,
        limits: Limits | None = None,
    ) -> None:
        self.catalogue, self.jobs, self.cache, self.total, self.limits = catalogue, jobs, cache, total, limits
        self.proposals = proposals
        self.pool: Pool[_Task, FileResult | Part | None] | None = None
        self.paths: dict[int, tuple[Path, str | None]] = {}
        self.split: SplitFiles | None = None  # made with the pool: a run answered from the cache never needs it
        self.retried: dict[int, FileResult | Failure] = {}  # the first try's outcome
        self.done: list[tuple[int, FileResult]] = []

    def add(self, index: int, path: Path, key: str | None) -> None:
        from thidua_cli.sheet_tasks import SplitFiles, plan

        if self.pool is None or self.split is None:
            self.pool = self._start()
            self.split = SplitFiles(self.catalogue, self.cache, self.total)  # its tags from `total` on
        self.paths[index] = (path, key)
        size = _size(path)
        runs = plan(path, self.jobs, size)
        for tag, part in self.split.split(index, path, key, runs) if runs else [(index, None)]:
            self.pool.submit(tag, (path, key, False, part), size if part is None else None)  # small: several a task
        self.done += [done for tag, value in self.pool.ready() if (done := self._result(tag, value))]

    def _start(self) -> Pool[_Task, FileResult | Part | None]:
        import gc
        import zipfile  # noqa: F401  (the parsing machinery, loaded once here and inherited

        import python_calamine  # noqa: F401  by the forked workers, not imported by each)

        import thidua_cli.counting
        import thidua_cli.dedup
        import thidua_cli.layout
        import thidua_cli.normalise
        import thidua_cli.template  # noqa: F401
        from thidua_cli.sheet_tasks import warm_up
        from thidua_cli.workers import Pool

        warm_up()
        gc.freeze()  # what the workers inherit is never scanned again by their collector

        task = partial(_parse_task, self.catalogue, self.cache, self.proposals)
        return Pool(task, self.jobs, self.limits)  # workers are started as tasks come: never more than the tasks

    def _result(self, tag: int, value: FileResult | Part | Failure | None) -> tuple[int, FileResult] | None:
        """The file's result, or None when it is being tried again or waits for its other parts."""
        from thidua_cli.reading import few_cells
        from thidua_cli.workers import Failure

        index = tag
        if self.split is not None and tag in self.split:  # a part of a file: see `SplitFiles.take`
            taken = self.split.take(tag, value)
            if taken is None:
                return None
            index, value = taken
            if value is None:  # a part could not be read alone: the file as one task, reported as ever
                path, key = self.paths[index]
                if self.pool:
                    self.pool.submit(index, (path, key, False, None))
                return None
        value = cast("FileResult | Failure", value)  # the file's own task's, or as the file's
        path, key = self.paths[index]
        if index in self.retried and not (isinstance(value, FileResult) and value.readable):
            value = self.retried[index]  # the second try failed too: the first one's reason is the one
        memory = isinstance(value, Failure) and value.reason == "memory"
        memory = memory or any((p.detail or "").startswith("worker-memory") for p in getattr(value, "problems", ()))
        retry = path.suffix.lower() in (".xlsx", ".xlsm") and index not in self.retried
        if memory and retry and self.pool and few_cells(path):
            self.retried[index] = value
            self.pool.submit(index, (path, key, True, None))
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


def _size(path: Path) -> int | None:
    """The file's size on disk, None when it cannot be told (the worker reports why)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def records_frame(files: Iterable[list[list[Any]]], catalogue: Catalogue, groups: Sequence[Group]) -> pd.DataFrame:
    """Records (by field, file by file: `LoadResult.iter_columns`) as a frame with ordered
    categorical award, level, kind and category, units in the spelling the counts show. Built
    from one integer code per cell and each distinct value once: 10^6 records never become 10^6
    tuples."""
    import numpy as np
    import pandas as pd

    codes = [array("q") for _ in RECORD_FIELDS]
    places: list[dict[Any, int]] = [{} for _ in RECORD_FIELDS]
    for columns in files:
        for at, column in enumerate(columns):
            place = places[at]
            codes[at].extend([place.setdefault(value, len(place)) for value in column])
    order = {
        "award": [a.name for a in catalogue.awards],
        "level": list(LEVELS),
        "kind": list(KINDS),
        "category": list(CATEGORIES),
    }
    spellings = unit_spellings(groups)
    frame: dict[str, Any] = {}
    for at, name in enumerate(RECORD_FIELDS):
        values, index = list(places[at]), np.frombuffer(codes[at], dtype=np.int64)
        if name == "unit":
            values = [spellings.get(v, v) for v in values]
        if name in order:
            where = {category: i for i, category in enumerate(order[name])}
            mapped = np.array([where.get(v, -1) for v in values] or [-1], dtype=np.int64)[index]
            frame[name] = pd.Categorical.from_codes(mapped, dtype=pd.CategoricalDtype(order[name], ordered=True))
        elif name in _INT_FIELDS:
            frame[name] = np.array(values or [0], dtype=np.int64)[index]
        else:
            frame[name] = np.array(values or [""], dtype=object)[index]
    return pd.DataFrame(frame, columns=list(RECORD_FIELDS))


_INT_FIELDS = ("row", "year", "period_start", "period_end", "name_col", "award_col", "year_col")
