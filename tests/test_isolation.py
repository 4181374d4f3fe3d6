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
from thidua_cli.cache import Cache
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
    result = load([tmp_path], jobs=2)
    by_file = {Path(f.file).name: f for f in result.files}
    assert len(by_file["good.xlsx"].records) == 2
    assert len(by_file["corner.xlsx"].records) == 2  # read cell by cell: the far cell is reported
    assert len(by_file["strings.xlsx"].records) == 2  # the impossible count is not allocated
    codes = _codes(result)
    assert codes["corner.xlsx"] == ["cells-ignored:1"]
    assert [p.value for p in result.problems if p.code == "cells-ignored"] == ["XFD1048576"]
    assert codes["corner-no-dimension.xlsx"][0].startswith("unreadable:worker-memory: ")
    assert "merge-clipped:" in codes["merge.xlsx"]
    assert codes["no-sheets.xlsx"] == ["unreadable:no-sheet"]
    assert result.total == 6
    message = next(p for p in result.problems if Path(p.file).name == "corner-no-dimension.xlsx").message()
    assert "quá lớn / hỏng" in message


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_one_job_and_one_file(tmp_path: Path, jobs: str):
    _hostile(tmp_path)
    runner = CliRunner()
    alone = runner.invoke(app, ["tally", "2018", str(tmp_path / "corner-no-dimension.xlsx"), "-j", jobs, "-q"])
    assert alone.exit_code == 3, alone.output
    assert "Traceback" not in alone.output
    both = runner.invoke(
        app,
        ["tally", "2018", str(tmp_path / "corner-no-dimension.xlsx"), str(tmp_path / "good.xlsx"), "-j", jobs],
        env={"COLUMNS": "200"},
    )
    assert both.exit_code == 1, both.output
    assert "corner-no-dimension.xlsx" in both.output and "quá lớn / hỏng" in both.output
    assert "Tổng cộng" in both.output and "│    2 │" in both.output


def test_from_the_cache(tmp_path: Path):
    _hostile(tmp_path)
    cache = Cache(tmp_path / "cache", "fp")
    first = load([tmp_path / "good.xlsx", tmp_path / "corner.xlsx"], cache=cache)
    second = load([tmp_path], cache=cache, jobs=1)
    assert second.total == first.total + 2  # strings.xlsx, parsed beside the cached ones
    assert _codes(second)["corner-no-dimension.xlsx"][0].startswith("unreadable:worker-memory")


def test_max_memory_option(tmp_path: Path):
    raw_xlsx(tmp_path / "good.xlsx", AWARD_ROWS)
    raw_xlsx(tmp_path / "bomb.xlsx", AWARD_ROWS, bomb_rows=400_000)  # 4 M cells
    assert (tmp_path / "bomb.xlsx").stat().st_size < 400_000
    command = [sys.executable, "-m", "thidua_cli", "tally", "2018", str(tmp_path), "--no-cache"]
    env = {**os.environ, "COLUMNS": "200"}
    capped = subprocess.run([*command, "--max-memory", "150M"], capture_output=True, text=True, env=env)
    assert capped.returncode == 1, capped.stderr
    assert "bomb.xlsx" in capped.stderr and "quá lớn / hỏng" in capped.stderr
    assert "│    2 │" in capped.stdout  # good.xlsx counted
    roomy = subprocess.run([*command, "--max-memory", "1G"], capture_output=True, text=True, env=env)
    assert roomy.returncode == 0, roomy.stderr
    assert "│    4 │" in roomy.stdout  # a large file is not a bad file
    bad = CliRunner().invoke(app, ["tally", "2018", str(tmp_path), "--max-memory", "lots"])
    assert bad.exit_code == 2
