"""Issue 14, point 1 (and 9): a file that aborts, exhausts or stalls the reader is one finding;
every other file is counted, with one job, with one file, and beside cached files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.hostile import AWARD_ROWS, raw_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.workers import Failure, Limits, Pool


def _die(item: int) -> int:
    if item == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    if item == 3:
        time.sleep(30)
    if item == 4:
        os.abort()
    return item * 10


def test_a_dying_or_stalled_worker_is_replaced_and_named():
    with Pool(_die, 2, Limits(memory=None, seconds=1.0)) as pool:
        for item in range(8):
            pool.submit(item, item)
        results = dict(pool.drain())
    assert {k: v for k, v in results.items() if not isinstance(v, Failure)} == {i: i * 10 for i in (0, 1, 5, 6, 7)}
    assert results[2] == Failure("memory", "SIGKILL")
    assert results[3] == Failure("timeout", "1 s")
    assert results[4] == Failure("memory", "SIGABRT")


def _die_late(item: int) -> int:
    """`_die`'s failures at items 8, 9 and 10: past the first tasks, which go alone."""
    if item in (8, 9, 10):
        _die(item - 6)
    return item * 10


def test_small_items_share_tasks_and_a_failure_is_still_the_items_own():
    """Items with a small weight go several to a task (the first ones alone, as workers start);
    a task whose worker dies or stalls is tried again item by item: the same results."""
    with Pool(_die_late, 2, Limits(memory=None, seconds=1.0)) as pool:
        for item in range(14):
            pool.submit(item, item, weight=1)
        results = dict(pool.drain())
    assert {k: v for k, v in results.items() if not isinstance(v, Failure)} == {
        i: i * 10 for i in range(14) if i not in (8, 9, 10)
    }
    assert results[8] == Failure("memory", "SIGKILL")
    assert results[9] == Failure("timeout", "1 s")
    assert results[10] == Failure("memory", "SIGABRT")


def _slow(item: int) -> tuple[int, int]:
    time.sleep(0.3)
    return item, os.getpid()


def test_a_task_of_small_items_over_the_limit_is_no_items_failure():
    """The time limit is each item's: small items that together run past it are tried alone."""
    with Pool(_slow, 2, Limits(memory=None, seconds=0.5)) as pool:
        for item in range(12):
            pool.submit(item, item, weight=1)
        results = dict(pool.drain())
    assert sorted(results) == list(range(12))
    assert all(not isinstance(v, Failure) and v[0] == k for k, v in results.items())


def test_the_memory_cap_holds_in_the_worker():
    def grab(n: int) -> int:
        return len(bytearray(n))

    with Pool(grab, 1, Limits(memory=512 * 1024**2, seconds=None)) as pool:
        pool.submit(0, 1024**3)
        pool.submit(1, 1000)
        results = dict(pool.drain())
    assert results == {0: Failure("memory", "MemoryError"), 1: 1000}


def _hostile(folder: Path) -> None:
    raw_xlsx(folder / "good.xlsx", AWARD_ROWS)
    raw_xlsx(folder / "corner.xlsx", {**AWARD_ROWS, "XFD1048576": "xa"}, dimension="A1:XFD1048576")
    raw_xlsx(folder / "corner-no-dimension.xlsx", {**AWARD_ROWS, "XFD1048576": "xa"})
    raw_xlsx(folder / "merge.xlsx", AWARD_ROWS, merges=["A1:XFD1048576"])
    raw_xlsx(folder / "strings.xlsx", AWARD_ROWS, sst_count=4_000_000_000)
    raw_xlsx(folder / "no-sheets.xlsx", AWARD_ROWS, sheets=False)


def _codes(result) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for problem in result.problems:
        out.setdefault(Path(problem.file).name, []).append(f"{problem.code}:{problem.detail or ''}")
    return out


def test_hostile_workbooks_beside_good_ones(tmp_path: Path):
    _hostile(tmp_path)
    result = load([tmp_path], jobs=2, keep_duplicates=True)  # every file holds the same two rows
    by_file = {Path(f.file).name: f for f in result.files}
    assert len(by_file["good.xlsx"].records) == 2
    assert len(by_file["corner.xlsx"].records) == 2  # read cell by cell: the far cell is reported
    assert len(by_file["corner-no-dimension.xlsx"].records) == 2  # calamine aborted: tried again cell by cell
    assert len(by_file["strings.xlsx"].records) == 2  # the impossible count is not allocated
    codes = _codes(result)
    assert codes["corner.xlsx"] == codes["corner-no-dimension.xlsx"] == ["cells-ignored:1"]
    assert {p.value for p in result.problems if p.code == "cells-ignored"} == {"XFD1048576"}
    assert "merge-clipped:" in codes["merge.xlsx"]
    assert codes["no-sheets.xlsx"] == ["unreadable:no-sheet"]
    assert result.total == 8


def _thidua(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "thidua_cli", *args], capture_output=True, text=True, env=env)


def _bomb(folder: Path) -> Path:
    return raw_xlsx(folder / "bomb.xlsx", AWARD_ROWS, bomb_rows=400_000)  # 4 M cells, ~320 KB


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_one_job_and_one_file(tmp_path: Path, jobs: str):
    raw_xlsx(tmp_path / "good.xlsx", AWARD_ROWS)
    bomb = _bomb(tmp_path)
    capped = ("--max-memory", "150M", "-j", jobs, "--no-cache")
    alone = _thidua("tally", "2018", str(bomb), *capped)
    assert alone.returncode == 3, alone.stderr
    assert "Traceback" not in alone.stderr and "quá lớn / hỏng" in alone.stderr
    both = _thidua("tally", "2018", str(bomb), str(tmp_path / "good.xlsx"), *capped)
    assert both.returncode == 1, both.stderr
    assert "bomb.xlsx" in both.stderr and "quá lớn / hỏng" in both.stderr
    assert "│    2 │" in both.stdout


def test_from_the_cache(tmp_path: Path):
    raw_xlsx(tmp_path / "good.xlsx", AWARD_ROWS)
    env_cache = ("--max-memory", "150M")
    assert _thidua("tally", "2018", str(tmp_path), *env_cache).returncode == 0  # good.xlsx now cached
    _bomb(tmp_path)
    again = _thidua("tally", "2018", str(tmp_path), *env_cache)
    assert again.returncode == 1, again.stderr
    assert "bomb.xlsx" in again.stderr and "│    2 │" in again.stdout
    assert "đọc 1 tệp" in again.stderr  # good.xlsx, from the cache


def test_max_memory_option(tmp_path: Path):
    raw_xlsx(tmp_path / "good.xlsx", AWARD_ROWS)
    _bomb(tmp_path)
    assert (tmp_path / "bomb.xlsx").stat().st_size < 400_000
    capped = _thidua("tally", "2018", str(tmp_path), "--no-cache", "--max-memory", "150M")
    assert capped.returncode == 1, capped.stderr
    assert "bomb.xlsx" in capped.stderr and "quá lớn / hỏng" in capped.stderr
    assert "│    2 │" in capped.stdout  # good.xlsx counted
    roomy = _thidua("tally", "2018", str(tmp_path), "--no-cache", "--max-memory", "1G", "--keep-duplicates")
    assert roomy.returncode == 0, roomy.stderr
    assert "│    4 │" in roomy.stdout  # a large file is not a bad file
    bad = CliRunner().invoke(app, ["tally", "2018", str(tmp_path), "--max-memory", "lots"])
    assert bad.exit_code == 2
