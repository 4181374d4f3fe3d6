"""Issue 14, point 8, and issue 16: a cache entry is bound to the bytes parsed, the run's index to
each file's stat (inode, size, modification and change time), both signed with the user's secret;
`--verify-cache` recomputes."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.cache_files import entries, indexes, parts, write_parts
from tests.hostile import AWARD_ROWS, raw_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cache import Cache, default_dir
from thidua_cli.cli import app
from thidua_cli.loading import _read_and_store
from thidua_cli.reading import read_bytes

ONE = {k: v for k, v in AWARD_ROWS.items() if not k.endswith("5")}  # one record instead of two


def test_a_file_replaced_while_parsing_is_never_stored_under_the_old_key(tmp_path: Path):
    path = raw_xlsx(tmp_path / "ds.xlsx", AWARD_ROWS)
    cache = Cache(tmp_path / "cache", "fp")
    old_key = cache.key(path, hashlib.sha256(read_bytes(path)).hexdigest())
    stat = path.stat()
    raw_xlsx(path, ONE)  # replaced after the parent looked it up, before the worker reads it
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert len(_read_and_store(path, old_key, load_catalogue(), cache).records) == 1
    assert cache.get(old_key, str(path)) is None
    raw_xlsx(path, AWARD_ROWS)  # restored, with its old modification time
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load([path], cache=cache).total == 2
    raw_xlsx(path, ONE)  # and replaced again between two runs, mtime restored
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load([path], cache=cache).total == 1


def _forge(path: Path, secret: bytes | None) -> None:
    """Change the counts of a cache file's first part and sign it again (with the secret, or
    with the plain SHA-256 of the former format)."""
    bodies = parts(path)
    body = bodies[0].replace(b",2]]", b",200]]")
    assert body != bodies[0]
    write_parts(path, [body, *bodies[1:]], secret)


def test_a_forged_entry_is_not_trusted_and_verify_cache_recomputes(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    raw_xlsx(folder / "ds.xlsx", AWARD_ROWS)
    run = CliRunner()
    first = run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"])
    assert first.exit_code == 0 and first.stdout.endswith(",2\n")
    cache_dir = default_dir()
    (entry,), (index,) = entries(cache_dir), indexes(cache_dir)
    assert (cache_dir / "secret").stat().st_mode & 0o077 == 0
    for path in (index, entry):
        _forge(path, None)  # recomputed hash, without the user's secret
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout == first.stdout
    (entry,), (index,) = entries(cache_dir), indexes(cache_dir)
    for path in (index, entry):
        _forge(path, (cache_dir / "secret").read_bytes())  # someone who can read the user's files
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout.endswith(",200\n")
    verified = run.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "--verify-cache"])
    assert verified.stdout == first.stdout
    assert verified.exit_code == 0 and "Bộ nhớ đệm sai với 1 tệp" in verified.stderr
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout == first.stdout  # replaced


def test_a_forged_index_alone_is_not_trusted(tmp_path: Path):
    """The index is what a warm run reads: changed without the secret, the entries answer."""
    folder = tmp_path / "nop"
    folder.mkdir(exist_ok=True)
    raw_xlsx(folder / "ds.xlsx", AWARD_ROWS)
    run = CliRunner()
    first = run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"])
    (index,) = indexes(default_dir())
    _forge(index, None)
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout == first.stdout
    (index,) = indexes(default_dir())
    assert b",200]]" not in parts(index)[0]  # rebuilt


def test_a_file_edited_with_its_size_and_mtime_kept_is_read_again(tmp_path: Path):
    """The index trusts a stat, and the change time is part of it: an edit that keeps the size
    and sets the modification time back is still seen (its content hashed again)."""
    folder = tmp_path / "nop"
    folder.mkdir()
    path = _stored(folder / "ds.xlsx", AWARD_ROWS)
    catalogue = load_catalogue()
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    assert load([folder], catalogue, cache=cache).total == 2
    stat, data = path.stat(), path.read_bytes()
    _stored(path, {**AWARD_ROWS, "A1": str(AWARD_ROWS["A1"]).replace("2018", "2017")})  # another year
    assert path.read_bytes() != data and path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    again = load([folder], catalogue, cache=cache)
    assert again.total == load([folder], catalogue).total and sorted(g[0] for g in again.groups) != [2018]


def _stored(path: Path, cells: dict[str, object]) -> Path:
    """`raw_xlsx` with its parts stored, not deflated: the same cells of another text of the same
    length give a file of the same size."""
    raw_xlsx(path, cells)
    with zipfile.ZipFile(path) as source:
        items = [(name, source.read(name)) for name in source.namelist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for name, data in items:
            out.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data)
    return path


def test_a_settled_file_is_not_read_on_a_warm_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file whose stat is the one in the index (and which had settled when it was read) is
    answered from the index alone; a file touched since is hashed and its entry reused."""
    import thidua_cli.cache as cache_module
    import thidua_cli.loading as loading

    monkeypatch.setattr(cache_module, "RACY_NS", -(10**18))  # every file counts as settled
    folder = tmp_path / "nop"
    folder.mkdir()
    path = raw_xlsx(folder / "ds.xlsx", AWARD_ROWS)
    catalogue = load_catalogue()
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    cold = load([folder], catalogue, cache=cache, jobs=1)
    reads: list[Path] = []
    real = loading.read_bytes
    monkeypatch.setattr(loading, "read_bytes", lambda p: reads.append(p) or real(p))
    warm = load([folder], catalogue, cache=cache, jobs=1)
    assert reads == [] and warm.total == cold.total == 2 and warm.rows == cold.rows
    os.utime(path)  # touched: the stat differs, the content does not
    assert load([folder], catalogue, cache=cache, jobs=1).total == 2 and reads == [path]
    assert load([folder], catalogue, cache=cache, jobs=1).total == 2 and reads == [path]  # index updated
