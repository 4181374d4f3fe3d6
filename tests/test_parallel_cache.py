"""The parallel and cached paths give exactly what a plain sequential run gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.cache_files import entries, indexes, parts
from tests.conftest import SAMPLE, simple_sheet, write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cache import Cache
from thidua_cli.cli import app
from thidua_cli.validation import validate

ARGS = ["tally", "2015-2020", str(SAMPLE), "--format", "csv", "--by", "year,award,level,kind,unit,issuer", "-q"]


def test_parallel_and_cached_csv_are_byte_identical_to_sequential(tmp_path: Path):
    runner = CliRunner()
    env = {"THIDUA_CACHE_DIR": str(tmp_path / "cache")}
    sequential = runner.invoke(app, [*ARGS, "--no-cache", "-j", "1"], env=env)
    parallel = runner.invoke(app, [*ARGS, "--no-cache", "-j", "2"], env=env)
    first = runner.invoke(app, ARGS, env=env)  # fills the cache
    cached = runner.invoke(app, ARGS, env=env)  # reads it
    assert sequential.exit_code == parallel.exit_code == first.exit_code == cached.exit_code == 0
    assert sequential.stdout == parallel.stdout == first.stdout == cached.stdout
    assert entries(tmp_path / "cache") and indexes(tmp_path / "cache")


def test_cached_rows_and_findings_equal_fresh_ones(tmp_path: Path):
    catalogue = load_catalogue()
    cache = Cache(tmp_path, catalogue.fingerprint)
    fresh = load([SAMPLE], catalogue, jobs=1)
    load([SAMPLE], catalogue, cache=cache)
    again = load([SAMPLE], catalogue, cache=cache)
    assert again.rows == fresh.rows
    assert validate(again).as_dict() == validate(fresh).as_dict()
    assert [f.headers for f in again.files] == [f.headers for f in fresh.files]


def test_files_parsed_in_parallel_among_cached_ones_keep_their_places(tmp_path: Path):
    """Half the folders cached, the rest parsed by the pool while the look-ups go on."""
    catalogue = load_catalogue()
    cache = Cache(tmp_path, catalogue.fingerprint)
    folders = sorted(p for p in SAMPLE.iterdir() if p.is_dir())
    load(folders[::2], catalogue, cache=cache, jobs=1)
    fresh = load([SAMPLE], catalogue, jobs=1)
    mixed = load([SAMPLE], catalogue, cache=cache, jobs=2)
    assert [f.file for f in mixed.files] == [f.file for f in fresh.files]
    assert mixed.rows == fresh.rows and mixed.problems == fresh.problems and mixed.checks == fresh.checks


def test_damaged_entries_are_rebuilt_never_trusted(tmp_path: Path):
    book = write_xlsx(tmp_path / "in" / "a.xlsx", simple_sheet([[1, "Lê Văn An", "", "", "LĐTT", "", "", 2018]]))
    catalogue = load_catalogue()
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    assert len(load([book], catalogue, cache=cache).rows) == 1
    for entry in [*entries(tmp_path / "cache"), *indexes(tmp_path / "cache")]:  # counts changed, not signed
        data = entry.read_bytes()
        assert b",1]]" in data
        entry.write_bytes(data.replace(b",1]]", b",999]]"))
    again = load([book], catalogue, cache=cache)
    assert again.total == 1 and len(again.rows) == 1
    for entry in (tmp_path / "cache").iterdir():
        if entry.name != "secret":
            entry.write_text("{not json", encoding="utf-8")
    assert load([book], catalogue, cache=cache).total == 1
    assert load([book], catalogue, cache=cache).total == 1  # from the rebuilt index


def test_damaged_rows_fall_back_to_the_workbook(tmp_path: Path):
    book = write_xlsx(tmp_path / "in" / "a.xlsx", simple_sheet([[1, "Lê Văn An", "", "", "LĐTT", "", "", 2018]]))
    catalogue = load_catalogue()
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    load([book], catalogue, cache=cache)
    (entry,) = entries(tmp_path / "cache")
    head = parts(entry)[0]  # the counts intact, the rows part damaged
    entry.write_bytes(entry.read_bytes()[: -len(parts(entry)[1])] + b"garbage")
    assert parts(entry)[0] == head
    assert [r[3] for r in load([book], catalogue, cache=cache).rows] == ["Lê Văn An"]


def test_cache_follows_file_and_catalogue_changes(tmp_path: Path):
    book = tmp_path / "in" / "a.xlsx"
    write_xlsx(book, simple_sheet([[1, "Lê Văn An", "", "", "Lao động giỏi", "", "", 2018]]))
    catalogue = load_catalogue()
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    assert load([book], catalogue, cache=cache).total == 0
    extra = tmp_path / "c.toml"
    extra.write_text('[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n', encoding="utf-8")
    widened = load_catalogue([extra])
    assert load([book], widened, cache=Cache(tmp_path / "cache", widened.fingerprint)).total == 1
    write_xlsx(book, simple_sheet([[1, "A", "", "", "LĐTT", "", "", 2018], [2, "B", "", "", "LĐTT", "", "", 2018]]))
    os.utime(book, ns=(1, 1))  # even with the old modification time, the content hash differs
    assert load([book], catalogue, cache=cache).total == 2


def test_cache_clear_command(tmp_path: Path):
    runner = CliRunner()
    env = {"THIDUA_CACHE_DIR": str(tmp_path)}
    runner.invoke(app, ["tally", "2018", str(SAMPLE / "van-phong-so"), "-q"], env=env)
    assert entries(tmp_path) and indexes(tmp_path)
    (tmp_path / "0123.json").write_text("{}", encoding="utf-8")  # an entry of format 6
    out = runner.invoke(app, ["cache", "clear"], env=env)
    assert out.exit_code == 0 and not entries(tmp_path) and not indexes(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret"]
    assert runner.invoke(app, ["cache", "path"], env=env).stdout.strip() == str(tmp_path)


def _tally_and_modules(env: dict[str, str], args: list[str], report: str) -> subprocess.CompletedProcess[str]:
    """`thidua tally …` in a fresh interpreter; its last stdout line is `report` evaluated after
    the command (which modules it loaded)."""
    script = (
        "import sys\n"
        "from thidua_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print({report})\n"
    )
    argv = [sys.executable, "-c", script, "tally", "2015-2020", str(SAMPLE), *args]
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True)


def test_a_warm_quiet_tally_imports_no_parser_no_pandas_no_rich(tmp_path: Path):
    """What keeps the second run fast: answered from the cache, it loads none of the heavy parts."""
    env = {**os.environ, "THIDUA_CACHE_DIR": str(tmp_path / "cache")}
    heavy = ["pandas", "openpyxl", "rich", "python_calamine", "thidua_cli.layout", "thidua_cli.normalise"]
    report = f"sorted(m for m in {heavy!r} if m in sys.modules)"
    cold = _tally_and_modules(env, ["-f", "csv", "-q"], report)
    warm = _tally_and_modules(env, ["-f", "csv", "-q"], report)
    assert "thidua_cli.normalise" in cold.stdout.splitlines()[-1]  # the first run parsed the files
    assert warm.stdout.splitlines()[-1] == "[]"
    assert cold.stdout.splitlines()[:-1] == warm.stdout.splitlines()[:-1]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path):
    """A progress bar written to a pipe or a log file is noise and costs start-up: not even
    imported then. (On a terminal it shows; checked by hand, see the README.)"""
    env = {**os.environ, "THIDUA_CACHE_DIR": str(tmp_path / "cache")}
    done = _tally_and_modules(env, ["-f", "csv"], "'rich.progress' in sys.modules, 'rich' in sys.modules")
    assert done.stdout.splitlines()[-1] == "False True"  # rich prints the summary on stderr; no bar
    assert "Đã đọc" in done.stderr


def test_the_records_frame_from_the_cache_equals_a_fresh_one(tmp_path: Path):
    """The frame is built from the cached columns (codes, not a tuple per record): the same
    values, dtypes and ordered categories as from a fresh run's rows."""
    import pandas as pd

    catalogue = load_catalogue()
    cache = Cache(tmp_path, catalogue.fingerprint)
    fresh = load([SAMPLE], catalogue, jobs=1)
    load([SAMPLE], catalogue, cache=cache)
    warm = load([SAMPLE], catalogue, cache=cache)
    pd.testing.assert_frame_equal(warm.records, fresh.records)
    assert list(fresh.records.itertuples(index=False, name=None))[:3] == [
        (*r[:5], fresh.records["unit"].iloc[i], *r[6:]) for i, r in enumerate(fresh.rows[:3])
    ]
    assert str(fresh.records["award"].dtype) == "category" and fresh.records["award"].cat.ordered


def test_only_the_most_recent_run_indexes_are_kept(tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    import thidua_cli.cache as cache_module

    monkeypatch.setattr(cache_module, "INDEXES_KEPT", 2)
    catalogue = load_catalogue()
    cache = Cache(tmp_path, catalogue.fingerprint)
    folders = sorted(p for p in SAMPLE.iterdir() if p.is_dir())[:3]
    for folder in folders:
        load([folder], catalogue, cache=cache)
    assert len(indexes(tmp_path)) == 2
    assert load([folders[-1]], catalogue, cache=cache).total == load([folders[-1]], catalogue).total
