"""Issue 14, point 8: a cache entry is bound to the bytes parsed and to (inode, size, mtime), signed
with the user's secret, and `--verify-cache` recomputes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from typer.testing import CliRunner

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
    old_key = cache.key(path, read_bytes(path))
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


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def _forge(entry: Path, secret: bytes | None) -> None:
    """Change the counts of an entry's first part and sign it again (with the secret, or with
    the plain SHA-256 of the former format)."""
    import hmac

    lines = entry.read_bytes().split(b"\n")
    body = lines[1].replace(b",2]]", b",200]]")
    assert body != lines[1]
    digest = hmac.new(secret, body, hashlib.sha256) if secret is not None else hashlib.sha256(body)
    lines[0], lines[1] = digest.hexdigest().encode(), body
    entry.write_bytes(b"\n".join(lines))


def test_a_forged_entry_is_not_trusted_and_verify_cache_recomputes(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    raw_xlsx(folder / "ds.xlsx", AWARD_ROWS)
    run = CliRunner()
    first = run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"])
    assert first.exit_code == 0 and first.stdout.endswith(",2\n")
    cache_dir = default_dir()
    (entry,) = _entries(cache_dir)
    assert (cache_dir / "secret").stat().st_mode & 0o077 == 0
    _forge(entry, None)  # recomputed hash, without the user's secret
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout == first.stdout
    (entry,) = _entries(cache_dir)
    _forge(entry, (cache_dir / "secret").read_bytes())  # someone who can read the user's files
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout.endswith(",200\n")
    verified = run.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "--verify-cache"])
    assert verified.stdout == first.stdout
    assert verified.exit_code == 0 and "Bộ nhớ đệm sai với 1 tệp" in verified.stderr
    assert run.invoke(app, ["tally", "2018", str(folder), "-f", "csv"]).stdout == first.stdout  # replaced
