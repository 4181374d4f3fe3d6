"""Issue 14, point 7: SIGTERM or SIGHUP to the parent alone ends its workers too, exit 143."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile import AWARD_ROWS, raw_xlsx


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children from /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_to_the_parent_ends_its_workers(tmp_path: Path, signum: int):
    for n in range(3):  # a few seconds each; contents differ, or the copies would be read once (dedup)
        raw_xlsx(tmp_path / f"lon-{n}.xlsx", {**AWARD_ROWS, "A1": f"DANH SÁCH {n} NĂM 2018"}, bomb_rows=600_000)
    out = tmp_path / "tong-hop.csv"
    out.write_text("bản trước")
    command = [sys.executable, "-m", "thidua_cli", "tally", "2018", str(tmp_path), "-j", "2", "--no-cache"]
    parent = subprocess.Popen([*command, "-f", "csv", "-o", str(out), "--force"], stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline:
        workers |= _children(parent.pid)
        time.sleep(0.05)
    assert len(workers) == 2
    os.kill(parent.pid, signum)
    _, stderr = parent.communicate(timeout=30)
    assert parent.returncode == 143, stderr
    assert signal.Signals(signum).name in stderr and "Traceback" not in stderr
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)]
    assert out.read_text() == "bản trước"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("lon-")) == ["tong-hop.csv"]
