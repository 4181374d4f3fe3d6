"""Issue 14, points 2, 5 and 6: only regular files are read; user text printed cannot hurt; a
file name that is not UTF-8 is still read, cached and exported."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.hostile import AWARD_ROWS, raw_xlsx


def _thidua(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250"}
    command = [sys.executable, "-m", "thidua_cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, cwd=cwd)


def test_fifos_devices_sockets_and_symlink_loops_are_reported_never_read(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    raw_xlsx(folder / "good.xlsx", AWARD_ROWS)
    os.mkfifo(folder / "x.xlsx")
    (folder / "zero.xlsx").symlink_to("/dev/zero")
    (folder / "loop1.xlsx").symlink_to(folder / "loop2.xlsx")
    (folder / "loop2.xlsx").symlink_to(folder / "loop1.xlsx")
    (folder / "link.xlsx").symlink_to(folder / "good.xlsx")  # a symlink to a regular file is read
    (folder / "vong").symlink_to(folder)  # a symlink to a folder (here: a loop) is not followed
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.xlsx"))
    try:
        for command in (["tally", "2018"], ["validate"], ["export", "2018", "-o", str(tmp_path / "t.xlsx")]):
            result = _thidua(*command, str(folder), "--lang", "en")
            assert result.returncode == 1, result.stderr
            assert "Traceback" not in result.stderr
        tally = _thidua("tally", "2018", str(folder), "--lang", "en")
        assert "│    2 │" in tally.stdout  # link.xlsx is read: the same content as good.xlsx, counted once
        assert "link.xlsx" in tally.stderr and "same content" in tally.stderr
        for name, reason in [
            ("x.xlsx", "not a regular file (FIFO)"),
            ("zero.xlsx", "not a regular file (device)"),
            ("sock.xlsx", "not a regular file (socket)"),
            ("loop1.xlsx", "Too many levels of symbolic links"),
            ("vong", "not a regular file (folder)"),
        ]:
            assert f"{name}: Cannot open the file" in tally.stderr and reason in tally.stderr, name
        alone = _thidua("tally", "2018", str(folder / "x.xlsx"))
        assert alone.returncode == 3 and "x.xlsx" in alone.stderr
    finally:
        server.close()


def test_markup_and_escape_sequences_are_shown_as_text(tmp_path: Path):
    folder = tmp_path / "nop [final]"
    folder.mkdir()
    cells = {**AWARD_ROWS, "B4": "Lê [/x] An", "C5": "Lao động _x001B_[2J tiên tiến", "B5": "Trần[bold] Bình"}
    raw_xlsx(folder / "ds [final].xlsx", cells)
    raw_xlsx(folder / "[red]x.xlsx", {**AWARD_ROWS, "C4": "Danh hiệu lạ"})
    for command in (["validate", str(folder)], ["tally", "2018", str(folder)], ["history", "Lê [/x] An", str(folder)]):
        result = _thidua(*command)
        assert result.returncode in (0, 1), result.stderr
        output = result.stdout + result.stderr
        assert "Traceback" not in output and "\x1b" not in output
    validate = _thidua("validate", str(folder))
    assert "ds [final].xlsx" in validate.stdout
    assert "\\x1b[2J" in validate.stdout  # the escape shown, not sent to the terminal
    assert "unknown-award" in validate.stdout
    tally = _thidua("tally", "2018", str(folder))
    assert "[red]x.xlsx" in tally.stderr
    assert "ds [final].xlsx" in tally.stderr
    history = _thidua("history", "Lê [/x] An", str(folder))
    assert "Lê [/x] An" in history.stdout


def test_a_file_name_that_is_not_utf8_is_read_cached_and_exported(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    name = os.fsdecode(b"don-vi-\xff\xfe.xlsx")
    raw_xlsx(folder / name, {**AWARD_ROWS, "C5": "Danh hiệu lạ"})
    raw_xlsx(folder / "khac.xlsx", AWARD_ROWS)
    # the two lists share their names by construction: counted raw, so each file's rows show
    first = _thidua("tally", "2018", str(folder), "--keep-duplicates")
    second = _thidua("tally", "2018", str(folder), "--keep-duplicates")  # from the cache
    assert first.returncode == second.returncode == 1, first.stderr
    assert first.stdout == second.stdout and "│    3 │" in first.stdout
    assert "don-vi-\ufffd\ufffd.xlsx" in first.stderr
    assert first.stderr == second.stderr
    validate = _thidua("validate", str(folder), "-f", "json")
    assert validate.returncode == 1, validate.stderr
    files = {f["file"] for f in json.loads(validate.stdout)["findings"]}
    assert any("don-vi-\ufffd\ufffd.xlsx" in f for f in files)
    out = tmp_path / "tong-hop.xlsx"
    problems = tmp_path / "loi.csv"
    assert _thidua("export", "2018", str(folder), "-o", str(out)).returncode == 1
    data = openpyxl.load_workbook(out)["Dữ liệu"]
    assert any("\ufffd" in str(c.value) for c in data["A"])
    assert _thidua("tally", "2018", str(folder), "--problems", str(problems), "-q").returncode == 1
    assert "don-vi-\ufffd\ufffd.xlsx" in problems.read_text(encoding="utf-8-sig")
    copies = tmp_path / "tra-lai"
    assert _thidua("validate", str(folder), "--annotate", str(copies)).returncode == 1
    assert b"don-vi-\xff\xfe.xlsx" in os.listdir(os.fsencode(copies))
