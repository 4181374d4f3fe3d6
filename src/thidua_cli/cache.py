"""A per-user cache of parsed files: the second run over unchanged files reads the cache, not Excel.

Two kinds of file, each signed (HMAC-SHA-256 with a random secret in the cache folder, readable
by the user only: a file written by anyone who cannot read it does not verify):

- an *entry* per parsed file, named by its key: the file's absolute path and content hash (of
  the very bytes the worker parsed), the tool version and code, and the catalogue fingerprint,
  so that any change to either is another entry. Two parts, each a digest line then its bytes:
  the counts and findings (JSON, small), then the rows (read only by commands that need them):
  per column a table of its distinct values and one integer code per row, JSON, zlib-compressed
  (`pack_rows`; 20–30× smaller than a JSON object per row).
- an *index* per run (the folders and files given, as absolute paths): for every file found,
  its `os.stat` (device, inode, size, modification and change times), its content hash, the key
  of its entry and that entry's counts and findings, and the run's merged duplicates. A warm
  `tally` reads this one file and no entry. The index leaves out what a warm run does not use,
  each file's column headers, counts and record identities (two thirds of its bytes, each
  byte verified and parsed on every run): they are read from the file's entry when asked for
  (`validate`, a run whose files changed, `--verify-cache`), or the file is parsed again.

A file whose stat equals the index's is not read again: its content is hashed only when the
stat differs, or when the file was changed less than `RACY_NS` before it was last read (git's
"racily clean" rule: an edit within the same timestamp tick as that read, keeping the size,
would keep the stat too; such a file is hashed on every run until it is older). Any write to a
file changes its change time (which no program can set back), and replacing it changes the
inode: so an equal stat means the same bytes, except on a file system whose clock runs more than
`RACY_NS` behind this machine's *and* a writer changing the file within a tick of our read.
Hashing every input instead (measured: 59 MB of workbooks, 10^6 records) costs 0.1 s of CPU
and 0.6 s of wall time on a loaded machine, against 0.006 s to stat them: a fifth of a warm run. The format is JSON (never pickle). A file that does not parse, verify or match
its key is ignored and rebuilt.

Threat model: the cache is as trusted as the user's home folder. Whoever can write the cache
folder *and* read its secret (the user, an administrator, malware running as the user) can make
the tool report other counts; `--verify-cache` parses every file again and reports (and
replaces) each entry that disagrees; `--no-cache` does not read it at all.
"""

from __future__ import annotations

import binascii
import contextlib
import hashlib
import json
import os
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any, overload

from thidua_cli import __version__
from thidua_cli.loading import FileResult, Stamp
from thidua_cli.problems import Problem, Severity
from thidua_cli.records import RECORD_FIELDS, Record

FORMAT = 12  # 5: detail, period, status; 6: signed entries; 7: compact rows, framed parts, run indexes; 8: 64-bit idents; 9: collectives unit-bound; 10: findings coded by field, with error counts; 11: the index without headers, groups, idents; 12: method
SECRET = "secret"  # the HMAC key's file in the cache folder
MAGIC = b"thidua-cache %d\n" % FORMAT
ENTRY, INDEX = ".entry", ".index"
RACY_NS = 2_000_000_000  # a file changed less than 2 s before it was read is hashed on every run
INDEXES_KEPT = 64  # run indexes beyond these (the least recently written) are deleted
OLD_SUFFIXES = (".json",)  # entries of formats ≤ 6: never read, deleted by `thidua cache clear`

try:  # orjson encodes the rows ~6× faster than the standard library (measured: 0.04 s vs 0.21 s
    import orjson  # for 100,000 rows); the cache format is plain JSON either way.

    def _dumps(payload: Any) -> bytes:
        return orjson.dumps(payload)

    def _loads(body: bytes | str) -> Any:
        return orjson.loads(body)

except ImportError:  # pragma: no cover - a platform without orjson wheels still works

    def _dumps(payload: Any) -> bytes:
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _loads(body: bytes | str) -> Any:
        return json.loads(body)


def default_dir() -> Path:
    """$THIDUA_CACHE_DIR, else the platform's per-user cache folder."""
    explicit = os.environ.get("THIDUA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "thidua-cli"


@cache
def code_fingerprint() -> str:
    """The tool's own files (size, mtime): a changed reader never reuses old results,
    even when the version number was not bumped."""
    package = os.path.dirname(os.path.realpath(__file__))
    parts = []
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".py", ".toml")):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{os.path.relpath(folder, package)}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def stat_of(info: os.stat_result) -> tuple[int, ...]:
    """What the index compares: device, inode, size, modification and change time (ns)."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def settled(info: os.stat_result, started_ns: int) -> bool:
    """Whether a file read from `started_ns` on was last changed well before (see RACY_NS)."""
    return max(info.st_mtime_ns, info.st_ctime_ns) < started_ns - RACY_NS


def _path_id(path: Path | str) -> str:
    """An absolute path as the index's key (hex: a file name that is not UTF-8 is no JSON text)."""
    return hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:32]


class Cache:
    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self._root = str(directory)
        self._ready = False
        self._secret: bytes | None = None

    def secret(self) -> bytes:
        """The HMAC key: read from the cache folder, made (readable by the user only) when absent."""
        if self._secret is None:
            path = os.path.join(self._root, SECRET)
            try:
                with open(path, "rb") as handle:
                    self._secret = handle.read(64)
            except OSError:
                self._secret = b""
            if len(self._secret) < 32:
                self._secret = self._new_secret(path)
        return self._secret

    def _new_secret(self, path: str) -> bytes:
        fresh = os.urandom(32)
        try:
            os.makedirs(self._root, exist_ok=True)
            temporary = f"{path}.{os.getpid()}.tmp"
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(handle, "wb") as out:
                out.write(fresh)
            if not os.path.exists(path):  # two processes at once: the first one's stays
                os.replace(temporary, path)
            else:
                os.unlink(temporary)
            with open(path, "rb") as handle_in:
                return handle_in.read(64)
        except OSError:
            return fresh  # a read-only cache folder: entries of this run only

    def _ident(self, *parts: object) -> str:
        ident = (FORMAT, __version__, code_fingerprint(), self.fingerprint, *parts)
        return hashlib.sha256("\0".join(map(str, ident)).encode("utf-8", "surrogateescape")).hexdigest()

    def key(self, path: Path, digest: str) -> str:
        """An entry's key: the path (absolute: a path holds no NUL, so the joined parts cannot
        run together), the content's SHA-256 `digest` (hardware-accelerated on current CPUs,
        4 ms for 7 MB here against 10 ms for BLAKE2b), the tool and the catalogue."""
        return self._ident(os.path.abspath(path), digest)

    def _entry(self, key: str) -> str:
        return os.path.join(self._root, key + ENTRY)  # str: a warm run makes hundreds

    def get(self, key: str, label: str, reparse: Reparse | None = None) -> FileResult | None:
        """The cached result (its rows read only when asked for, through `reparse` when that
        part is damaged); None when absent or damaged."""
        try:
            with open(self._entry(key), "rb") as handle:
                payload = _loads(_part(handle, 0, self.secret()))
            return self.result(payload, key, label, reparse)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None  # damaged: rebuilt by the caller

    def result(
        self,
        payload: dict[str, Any],
        key: str,
        label: str,
        reparse: Reparse | None,
        searched: bool = False,
        refetch: Refetch | None = None,
    ) -> FileResult:
        """An entry's counts and findings as the file's result: from the entry, or from the run's
        index (`searched`: its suggestions were searched when the index was written; its headers,
        groups and identities are then read from the entry when first used, or from `refetch`,
        a new parse of the file, when the entry is gone or damaged)."""
        if payload["key"] != key:
            raise ValueError("cache entry does not match its key")
        count = int(payload["count"])
        records = LazyRecords(self._entry(key), key, label, count, reparse, self.secret())
        return _decode(payload["result"], label, records, searched, _Whole(self, key, label, count, refetch))

    def put(self, key: str, result: FileResult) -> bool:
        """Store a result: counts and findings first, then the rows (without the file label)."""
        try:
            self._write(self._entry(key), [_dumps(summary(key, result)), pack_rows(result.records)])
        except (OSError, TypeError, ValueError):
            return False  # a read-only or full disk only costs speed
        return True

    def light(self, key: str, result: FileResult, stamp: Stamp | None = None) -> FileResult:
        """The same result with rows that stay in the cache until asked for (cheap to send
        from a worker process to the parent, which binds the re-parse: `LazyRecords.bind`),
        and the `stamp` of the file as it was read."""
        records = LazyRecords(self._entry(key), key, result.file, len(result.records), None, self.secret())
        return replace(result, records=records, stamp=stamp)

    def index(self, targets: Sequence[Path | str]) -> RunIndex:
        """The run's index (empty when absent or damaged: it is then rebuilt)."""
        name = self._ident("index", *sorted(os.fsencode(os.path.abspath(t)).hex() for t in targets))[:40]
        found = RunIndex(os.path.join(self._root, name + INDEX))
        try:
            with open(found.path, "rb") as handle:
                body = _loads(_part(handle, 0, self.secret()))
            if body["name"] == name:
                found.files, found.merged = dict(body["files"]), body["merged"]
        except (OSError, ValueError, KeyError, TypeError, zlib.error):
            pass
        found.name = name
        return found

    def save(self, index: RunIndex) -> None:
        """Write the run's index when it changed; keep the INDEXES_KEPT most recent ones."""
        if not index.dirty:
            return
        try:
            body = {"name": index.name, "files": index.files, "merged": index.merged}
            self._write(index.path, [_dumps(body)])
            self._prune()
        except (OSError, TypeError, ValueError):
            pass  # costs only speed

    def _prune(self) -> None:
        indexes = [e for e in os.scandir(self._root) if e.name.endswith(INDEX)]
        if len(indexes) > INDEXES_KEPT:
            indexes.sort(key=lambda e: e.stat().st_mtime_ns)
            for old in indexes[: len(indexes) - INDEXES_KEPT]:
                with contextlib.suppress(OSError):
                    os.unlink(old.path)

    def _write(self, target: str, parts: list[bytes]) -> None:
        """Per part a digest line, then its bytes: a changed or truncated file never passes
        `_part`. Written to a temporary name first, so a reader never sees half of it."""
        if not self._ready:
            os.makedirs(self._root, exist_ok=True)
            self._ready = True
        framed = [MAGIC]
        for body in parts:
            framed += [_digest(self.secret(), body), b" %d\n" % len(body), body]
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as out:
            out.write(b"".join(framed))
        os.replace(temporary, target)

    def clear(self) -> int:
        """Delete every entry and index; return how many files there were."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        suffixes = (ENTRY, INDEX, ".marshal", *OLD_SUFFIXES)  # .marshal: the stored catalogues (catalogue_store)
        for entry in [*self.directory.iterdir(), *self.directory.glob("*/*.json")]:  # */: format 2
            if entry.name.endswith(suffixes):
                try:
                    entry.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed


@dataclass
class RunIndex:
    """What a run found, file by file (see the module's docstring): `files` maps a path's id to
    [stat, settled, content hash, entry key or "", the entry's counts and findings or None];
    `merged` the run's merged duplicates, for the list of files and entries they were found in."""

    path: str
    name: str = ""
    files: dict[str, list[Any]] = field(default_factory=dict)
    merged: dict[str, Any] | None = None
    dirty: bool = False
    seen: dict[str, list[Any]] = field(default_factory=dict)  # this run's files, in `note`

    def known(self, path: Path, info: os.stat_result) -> list[Any] | None:
        """The file's record, when its stat is the one recorded and it had settled then."""
        found = self.files.get(_path_id(path))
        if found is not None and found[1] and tuple(found[0]) == stat_of(info):
            return found
        return None

    def note(self, path: Path, stamp: Stamp, result: FileResult | None) -> None:
        """Record what the run saw of a file: its stamp and (unless a copy) its entry's counts
        and findings (the index's own, when they came from it)."""
        ident = _path_id(path)
        head = [list(stamp.stat), stamp.settled, stamp.digest, stamp.key if result is not None else ""]
        old = self.files.get(ident)
        if old is not None and old[:4] == head and (result is None or result.stamp is None):
            self.seen[ident] = old
            return
        self.seen[ident] = [*head, summary(stamp.key, result, whole=False) if result is not None else None]

    def close(self) -> None:
        """The files of this run replace those of the last (a file gone is forgotten)."""
        if self.seen != self.files:
            self.files, self.dirty = self.seen, True
        self.seen = {}

    def merges(self, run: str) -> dict[str, Any] | None:
        return self.merged if self.merged is not None and self.merged.get("run") == run else None

    def remember(self, run: str, merged: dict[str, Any]) -> None:
        self.merged, self.dirty = {"run": run, **merged}, True


def summary(key: str, result: FileResult | None, whole: bool = True) -> dict[str, Any]:
    """An entry's first part: its key, how many rows, the counts and findings (not `whole`: the
    run's index, without headers, groups and identities)."""
    assert result is not None
    return {"key": key, "count": len(result.records), "result": _encode(result, whole)}


def _digest(secret: bytes, body: bytes) -> bytes:
    import hmac

    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")


def _part(handle: Any, part: int, secret: bytes) -> bytes:
    """Part `part` of a signed file, verified (the parts before it are skipped, not read)."""
    import hmac

    if handle.readline() != MAGIC:
        raise ValueError("not a cache file of this format")
    for at in range(part + 1):
        digest, size_text = handle.readline().rstrip(b"\n").split(b" ")
        size = int(size_text)
        if at < part:
            handle.seek(size, os.SEEK_CUR)
            continue
        body: bytes = handle.read(size)
        if len(body) != size or not hmac.compare_digest(_digest(secret, body), digest):
            raise ValueError("damaged cache file")
    return body


# --- rows -----------------------------------------------------------------------------------
def pack_rows(records: Sequence[Record]) -> bytes:
    """Rows without their file label, by column: [values, codes] (the distinct values, then one
    index into them per row) or [values, None] (the column as it is, when most values differ);
    JSON, zlib-compressed at level 1 (a fifth more bytes than level 6, half its time: the
    cold run writes every entry). Transposed and coded in C (`zip`, `tuple.count`,
    `dict.fromkeys`, `map`): half the time of a Python loop per column; a column of one value
    (the unit, the kind, the year of most small lists) is found by `count`, without hashing."""
    columns = _coded(list(zip(*records, strict=True))[1:] if records else [()] * (len(RECORD_FIELDS) - 1))
    return _compress(_dumps({"n": len(records), "columns": columns}))


def _compress(body: bytes) -> bytes:
    """zlib at level 1, with a window and hash table no larger than `body` needs: the same
    stream format (any zlib reader inflates it), but a small list's entry no longer allocates
    and clears zlib's full 256 KB of state (page faults that cost more than the compression)."""
    bits = max(9, min(15, (len(body) + 262).bit_length()))
    packer = zlib.compressobj(1, zlib.DEFLATED, bits, max(1, min(8, bits - 6)))
    return packer.compress(body) + packer.flush()


def _coded(columns: Iterable[Sequence[Any]]) -> list[list[Any]]:
    """Per column [values, codes] (its distinct values, then one index into them per row), or
    [values, None] (the column as it is, when most values differ)."""
    coded: list[list[Any]] = []
    for column in columns:
        n = len(column)
        if n > 1 and column.count(column[0]) == n:  # as dict.fromkeys would find: one value
            coded.append([[column[0]], [0] * n])
            continue
        distinct = dict.fromkeys(column)
        if 2 * len(distinct) <= n:
            place = dict(zip(distinct, range(len(distinct)), strict=True))
            coded.append([list(distinct), list(map(place.__getitem__, column))])
        else:
            coded.append([list(column), None])
    return coded


def _uncoded(coded: Sequence[Sequence[Any]], n: int, width: int, what: str) -> list[list[Any]]:
    """The columns of `_coded`, each checked to hold `n` values, `width` of them (equal values
    are one object: a column of 10^6 cells holds as many references, not as many strings)."""
    columns = []
    for values, codes in coded:
        column = values if codes is None else [values[code] for code in codes]
        if len(column) != n:
            raise ValueError(f"damaged {what}")
        columns.append(column)
    if len(columns) != width:
        raise ValueError(f"damaged {what}")
    return columns


def unpack_columns(blob: bytes) -> tuple[int, list[list[Any]]]:
    """The row count and, per field after `file`, its values row by row."""
    data = _loads(zlib.decompress(blob))
    n = int(data["n"])
    return n, _uncoded(data["columns"], n, len(RECORD_FIELDS) - 1, "rows")


Reparse = Callable[[], Sequence[Record]]


class LazyRecords(Sequence[Record]):
    """A cache entry's rows, read on first use. A damaged rows part is never re-parsed here:
    the loader hands over `reparse`, bound to the run's catalogue (the same rows a fresh run
    gives); without one, a damaged part is an error."""

    def __init__(
        self, rows_file: str, key: str, label: str, count: int, reparse: Reparse | None, secret: bytes = b""
    ) -> None:
        self._file, self._key, self._label, self._count, self._reparse = rows_file, key, label, count, reparse
        self._secret = secret
        self._rows: list[Record] | None = None

    def bind(self, reparse: Reparse) -> LazyRecords:
        """The same rows, re-parsed through `reparse` if the entry turns out damaged."""
        return LazyRecords(self._file, self._key, self._label, self._count, reparse, self._secret)

    def columns(self) -> list[list[Any]]:
        """The rows by field (RECORD_FIELDS, the file label first), for this pass only."""
        if self._rows is None:
            try:
                n, columns = self._read()
                return [[self._label] * n, *columns]
            except (OSError, ValueError, KeyError, TypeError, zlib.error):
                self._rows = self._reread()
        return [list(column) for column in zip(*self._rows, strict=True)] if self._rows else []

    def _read(self) -> tuple[int, list[list[Any]]]:
        with open(self._file, "rb") as handle:
            n, columns = unpack_columns(_part(handle, 1, self._secret))
        if n != self._count:
            raise ValueError("cache entry does not match its key")
        return n, columns

    def _load(self) -> list[Record]:
        if self._rows is None:
            try:
                n, columns = self._read()
                label = [self._label] * n
                self._rows = list(zip(label, *columns, strict=True))
            except (OSError, ValueError, KeyError, TypeError, zlib.error):
                self._rows = self._reread()
        return self._rows

    def _reread(self) -> list[Record]:
        if self._reparse is None:
            raise RuntimeError(f"the cache entry of {self._label} is damaged: run `thidua cache clear`")
        rows = list(self._reparse())
        if len(rows) != self._count:  # the workbook changed since: its counts are no longer these
            raise RuntimeError(f"{self._label} changed while it was read: run the command again")
        return rows

    def once(self) -> list[Record]:
        """The rows for one pass, not kept (a streaming writer holds one file's rows at a time)."""
        if self._rows is not None:
            return self._rows
        rows = self._load()
        self._rows = None
        return rows

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Record]: ...
    def __getitem__(self, index: int | slice) -> Record | Sequence[Record]:
        return self._load()[index]

    def __iter__(self) -> Iterator[Record]:
        return iter(self._load())


# --- counts and findings --------------------------------------------------------------------
def _encode(result: FileResult, whole: bool = True) -> dict[str, Any]:
    """Everything but the rows (dataclasses.asdict would deep-copy those too). The findings coded
    (`_findings_coded`); groups, headers and identities as text; all decoded only when used (a
    warm tally needs none of them: the run's index holds its total counts and merged duplicates,
    and how many of each file's findings are errors, for the exit code). A `cache-mismatch` is
    this run's news (`--verify-cache`), never stored: it would be reported again on every run."""
    problems = [p for p in result.problems if p.code != "cache-mismatch"]
    encoded = {
        "problems": _findings_coded(problems),
        "error_count": sum(1 for p in problems if p.severity is Severity.ERROR and p.code != "summary-only"),
        "summary_only": sum(1 for p in problems if p.code == "summary-only"),
        "checks": _findings_coded(result.checks),
        "sheets": result.sheets,
        "tables": result.tables,
        "readable": result.readable,
        "encodings": list(result.encodings),
        "duplicate_of": result.duplicate_of,
    }
    if whole:
        encoded["headers"] = _dumps([[sheet, col, text] for (sheet, col), text in result.headers.items()]).decode()
        encoded["groups"] = _dumps([list(group) for group in result.groups]).decode("utf-8")
        encoded["idents"] = binascii.b2a_base64(array("Q", result.idents).tobytes(), newline=False).decode("ascii")
    return encoded


FINDING_FIELDS = ("code", "sheet", "row", "column", "value", "suggestion", "detail", "col")  # Problem's, less the file


def _findings_coded(findings: Sequence[Problem]) -> list[Any]:
    """Findings without their file (the label is put back on reading: a file name that is not
    UTF-8 cannot be written as JSON), by field and coded (`_coded`): a run's index holds every
    file's, and a school list repeats its sheet, column and award texts on every row (10^5
    school rows: 1.9 MB of findings as lists, a seventh of that coded)."""
    rows = [(p.code, *_fields(p)) for p in findings]
    return [len(rows), _coded(zip(*rows, strict=True)) if rows else []]


def _fields(p: Problem) -> tuple[Any, ...]:
    """A finding's fields after its code and file, in their order."""
    return (p.sheet, p.row, p.column, p.value, p.suggestion, p.detail, p.col)


def _idents(text: str) -> array[int]:
    found = array("Q")
    found.frombytes(binascii.a2b_base64(text.encode("ascii")))  # 8 bytes each (base64: not imported)
    return found


def _groups(text: str) -> list[Any]:
    return [tuple(group) for group in _loads(text)]


def _headers(text: str) -> dict[tuple[str, int], str]:
    return {(sheet, int(col)): value for sheet, col, value in _loads(text)}


class Deferred(Sequence[Any]):
    """A part of a cached result kept as it was stored (text, or coded lists) until first used."""

    def __init__(self, stored: Any, decode: Callable[[Any], Sequence[Any]]) -> None:
        self._stored: Any | None = stored
        self._decode = decode
        self._items: Sequence[Any] = ()

    def items(self) -> Sequence[Any]:
        if self._stored is not None:
            self._items, self._stored = self._decode(self._stored), None
        return self._items

    def __len__(self) -> int:
        return len(self.items())

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return self.items()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self.items()) == list(other)

    __hash__ = None  # type: ignore[assignment]


class DeferredHeaders(Mapping[tuple[str, int], str]):
    """A file's column headers, decoded when first used (only `validate` reads them)."""

    def __init__(self, stored: Any, decode: Callable[[Any], dict[tuple[str, int], str]]) -> None:
        self._stored: Any | None = stored
        self._decode = decode
        self._items: dict[tuple[str, int], str] = {}

    def _all(self) -> dict[tuple[str, int], str]:
        if self._stored is not None:
            self._items, self._stored = self._decode(self._stored), None
        return self._items

    def __getitem__(self, key: tuple[str, int]) -> str:
        return self._all()[key]

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class Findings(Deferred):
    """A cached file's findings, decoded when first used, with what `loading` asks of them
    before that (`loading.Counted`): how many are errors other than `summary-only`, how many are
    that one (an error only where no unit list is beside it), and whether each unknown award's
    suggestion was searched (true of the run's index: `load` does not search again). Checked
    when built: a damaged entry is ignored and rebuilt like any other."""

    def __init__(self, coded: list[Any], label: str, error_count: int, summary_only: int, searched: bool) -> None:
        n, columns = int(coded[0]), coded[1]
        if n and (len(columns) != len(FINDING_FIELDS) or not all(_holds(column, n) for column in columns)):
            raise ValueError("damaged findings")
        super().__init__(columns, self._findings)
        self.label, self.searched, self._count = label, searched, n
        self.error_count, self.summary_only = int(error_count), int(summary_only)

    def __len__(self) -> int:
        return self._count

    def _findings(self, columns: list[Any]) -> list[Problem]:
        if not self._count:
            return []
        code, *rest = _uncoded(columns, self._count, len(FINDING_FIELDS), "findings")
        return list(map(Problem, code, repeat(self.label), *rest))


def _holds(column: Sequence[Any], n: int) -> bool:
    """Whether a `_coded` column has `n` values, each code within its table."""
    values, codes = column
    if codes is None:
        return len(values) == n
    return len(codes) == n and (not codes or (min(codes) >= 0 and max(codes) < len(values)))


def _decode(
    data: dict[str, Any], label: str, records: Sequence[Record], searched: bool, whole: _Whole | None = None
) -> FileResult:
    """A stored result; from the run's index (no headers, groups, identities), those three taken
    from `whole` when first used."""
    if "idents" not in data:
        if whole is None:
            raise ValueError("cache entry without its identities")
        headers = DeferredHeaders(whole, lambda found: dict(found.result().headers))
        groups = Deferred(whole, lambda found: list(found.result().groups))
        idents = Deferred(whole, lambda found: array("Q", found.result().idents))
    else:
        headers = DeferredHeaders(str(data["headers"]), _headers)
        groups = Deferred(str(data["groups"]), _groups)
        idents = Deferred(str(data["idents"]), _idents)
    return FileResult(
        file=label,
        records=records,
        problems=Findings(data["problems"], label, data["error_count"], data["summary_only"], searched),
        checks=Findings(data["checks"], label, 0, 0, searched),
        sheets=int(data["sheets"]),
        tables=int(data["tables"]),
        readable=bool(data["readable"]),
        encodings=tuple(data["encodings"]),
        headers=headers,
        groups=groups,
        idents=idents,
        duplicate_of=str(data["duplicate_of"]),
    )


Refetch = Callable[[], FileResult]


class _Whole:
    """The whole result of a file known from the run's index, read once when first asked for:
    its entry (verified like any), else `refetch` (a new parse; its rows must be as many as the
    index says, or the file changed since, and the run stops, as `LazyRecords` does)."""

    def __init__(self, cache: Cache, key: str, label: str, count: int, refetch: Refetch | None) -> None:
        self._cache, self._key, self._label, self._count, self._refetch = cache, key, label, count, refetch
        self._found: FileResult | None = None

    def result(self) -> FileResult:
        if self._found is None:
            found = self._cache.get(self._key, self._label)
            if found is None or len(found.records) != self._count:
                if self._refetch is None:
                    raise RuntimeError(f"the cache entry of {self._label} is damaged: run `thidua cache clear`")
                found = self._refetch()
                if len(found.records) != self._count:
                    raise RuntimeError(f"{self._label} changed while it was read: run the command again")
            self._found = found
        return self._found


def encode_merged(merged: Any, labels: Sequence[str], groups: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """A run's merged duplicates (`dedup.Merged`, file labels as their place in the run) and its
    net counts."""
    at = {label: i for i, label in enumerate(labels)}

    def finding(p: Problem) -> list[Any]:
        return [at[p.file], p.code, *_fields(p)]

    return {
        "findings": [finding(p) for p in merged.findings],
        "removed": [[fi, sorted(ris)] for fi, ris in merged.removed.items()],
        "groups": [list(group) for group in merged.groups],
        "total": [list(group) for group in groups],
    }


def decode_merged(
    data: dict[str, Any], labels: Sequence[str]
) -> tuple[list[Problem], dict[int, frozenset[int]], list[Any], list[Any]]:
    findings = [Problem(code, labels[fi], *rest) for fi, code, *rest in data["findings"]]
    removed = {int(fi): frozenset(ris) for fi, ris in data["removed"]}
    return findings, removed, [tuple(g) for g in data["groups"]], [tuple(g) for g in data["total"]]
