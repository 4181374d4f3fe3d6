"""A large workbook read in parts, one worker per run of sheets (`sheet_tasks`), gives exactly
what one task gives: the same records in the same order and the same findings, the whole
workbook's ones included (a summary checked against the lists of the other sheets). The split
is forced with THIDUA_SPLIT_BYTES=0 on small workbooks built in tmp_path."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.test_summaries import NAMES, kind_columns
from thidua_cli import load, load_catalogue, read_file
from thidua_cli.cli import app
from thidua_cli.loading import FileResult
from thidua_cli.sheet_tasks import END, SplitFiles, assemble, plan, read_part, runs
from thidua_cli.workers import Limits

# rows 4–7 of the name list on one sheet, rows 8–11 on another: the summary counts both
FIRST, SECOND = NAMES[:7], [*NAMES[:3], *NAMES[7:]]
PROBLEMS: list[list[Any]] = [
    ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
    [],
    ["STT", "Họ và tên", "Đối tượng", "Danh hiệu, hình thức khen thưởng", "Ngày quyết định"],
    [1, "Đỗ Văn Hùng", "Cá nhân", "Danh hiệu không có trong danh mục", None],
    [2, None, "Cá nhân", "Lao động tiên tiến", None],
    [3, "Ngô Thị Lan", "Cá nhân", "Lao động tiên tiến", "31/02/2020"],
]


def workbook(path: Path, far_cell: bool = False) -> Path:
    """A summary whose Giấy khen for collectives says 2 (the lists give 1), the lists over two
    sheets, a sheet of rows with problems (one more Lao động tiên tiến), an empty sheet; `far_cell`: one cell at XFD1048576
    (the file is then read cell by cell, every sheet at once)."""
    book = openpyxl.Workbook()
    sheets = {"Tổng hợp": kind_columns(gk_collective=2), "Danh sách 1": FIRST, "Trống": [], "Danh sách 2": SECOND}
    sheets["Có lỗi"] = PROBLEMS
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    if far_cell:
        book["Trống"]["XFD1048576"] = "x"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def differences(one: FileResult, other: FileResult) -> list[str]:
    """The fields in which two results differ (the records compared as lists)."""
    found = []
    for name in [f.name for f in dataclasses.fields(FileResult) if f.compare]:
        mine, theirs = getattr(one, name), getattr(other, name)
        if name == "records":
            mine, theirs = list(mine), list(theirs)
        if mine != theirs:
            found.append(name)
    return found


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every .xlsx is read in parts; the number of parts of each file split is recorded."""
    monkeypatch.setenv("THIDUA_SPLIT_BYTES", "0")
    counts: list[int] = []
    plain = SplitFiles.split

    def counted(self: SplitFiles, index: int, path: Path, key: str | None, runs: list[tuple[int, int]]) -> Any:
        counts.append(len(runs))
        return plain(self, index, path, key, runs)

    monkeypatch.setattr(SplitFiles, "split", counted)
    return counts


def test_the_parts_assembled_are_the_one_task_reading(tmp_path: Path):
    path = workbook(tmp_path / "a.xlsx")
    catalogue = load_catalogue()
    one = read_file(path, catalogue, suggest=False)  # parts leave suggestions to the parent
    codes = {p.code for p in [*one.problems, *one.checks]}
    assert {"unknown-award", "missing-name", "bad-date", "skipped-sheet"} <= codes
    # against the lists of three other sheets (the row with a bad date is not counted, but listed)
    mismatches = [(c.sheet, c.value, c.detail) for c in one.checks if c.code == "summary-mismatch"]
    assert mismatches == [
        ("Tổng hợp", "Lao động tiên tiến, Cá nhân", "3 / 4"),
        ("Tổng hợp", "Giấy khen, Tập thể", "2 / 1"),
    ]
    assert len(one.records) == 8 and one.sheets == 5 and one.tables == 3
    cuts = [[(0, cut), (cut, END)] for cut in range(7)]  # every cut in two, and past the last sheet
    for parted in [*cuts, [(0, 2), (2, 3), (3, END)], [*((at, at + 1) for at in range(6)), (6, END)]]:
        parts = [read_part(path, catalogue, str(path), None, False, part=run) for run in parted]
        assert sum(len(part.sheets) for part in parts) == 5
        assert differences(assemble(str(path), parts, catalogue), one) == [], parted


def test_runs_of_sheets_even_in_size():
    assert runs([10, 10, 10, 10, 10], 2) == [(0, 2), (2, END)]
    assert runs([2, 2, 10], 2) == [(0, 2), (2, END)]
    assert runs([10, 1, 1, 10], 2) == [(0, 2), (2, END)]
    assert runs([5, 5, 5, 5], 4) == [(0, 1), (1, 2), (2, 3), (3, END)]
    assert runs([1, 1], 3) == [(0, 1), (1, END)]
    assert runs([7], 2) == [(0, END)]


def test_a_file_split_over_the_workers_equals_one_task(tmp_path: Path, split: list[int]):
    path = workbook(tmp_path / "a.xlsx")
    assert len(plan(path, 2)) == 2 and len(plan(path, 3)) == 3 and plan(path, 1) == []
    catalogue = load_catalogue()
    alone = load([path], catalogue, jobs=1)
    assert split == []
    parted = load([path], catalogue, jobs=2)
    assert split == [2]
    assert differences(parted.files[0], alone.files[0]) == []
    assert parted.rows == alone.rows and parted.problems == alone.problems and parted.checks == alone.checks
    assert parted.files[0] == read_file(path, catalogue)


def test_below_the_threshold_a_file_is_one_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = workbook(tmp_path / "a.xlsx")
    monkeypatch.setenv("THIDUA_SPLIT_BYTES", str(path.stat().st_size + 1))
    assert plan(path, 2) == []
    monkeypatch.setenv("THIDUA_SPLIT_BYTES", str(path.stat().st_size))
    assert len(plan(path, 2)) == 2


def test_a_part_that_cannot_be_read_alone_sends_the_file_back_whole(tmp_path: Path, split: list[int]):
    """A far cell makes the reader read every sheet cell by cell, at once: the parts give up
    and the file is read as one task, as ever (the far cell reported, nothing else lost)."""
    path = workbook(tmp_path / "far.xlsx", far_cell=True)
    catalogue = load_catalogue()
    parted = load([path], catalogue, jobs=2)
    assert split == [2]
    one = read_file(path, catalogue)
    assert differences(parted.files[0], one) == []
    assert "cells-ignored" in {p.code for p in one.problems} and len(one.records) == 8


def test_parts_whose_workers_run_out_of_time_give_the_one_task_finding(
    tmp_path: Path, split: list[int], monkeypatch: pytest.MonkeyPatch
):
    import time

    import thidua_cli.sheet_tasks as sheet_tasks

    real = sheet_tasks.read_part

    def slow(*args: Any, **kwargs: Any) -> Any:  # the workers (forked) run it too: each outlasts the limit
        time.sleep(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(sheet_tasks, "read_part", slow)  # not a microsecond limit: a part done before the
    path = workbook(tmp_path / "a.xlsx")  # parent looked (a loaded machine) was counted, and the test failed
    limits = Limits(memory=None, seconds=0.2)
    alone = load([path], jobs=1, limits=limits)
    parted = load([path], jobs=2, limits=limits)
    assert split == [2]
    assert [(p.code, p.detail) for p in parted.problems] == [(p.code, p.detail) for p in alone.problems]
    assert [p.code for p in alone.problems] == ["unreadable"] and "worker-timeout" in str(alone.problems[0].detail)
    assert differences(parted.files[0], alone.files[0]) == []


def test_cli_through_the_split_path_with_and_without_the_cache(tmp_path: Path):
    workbook(tmp_path / "in" / "a.xlsx")
    workbook(tmp_path / "in" / "b" / "far.xlsx", far_cell=True)
    runner = CliRunner()
    env = {"THIDUA_CACHE_DIR": str(tmp_path / "cache"), "THIDUA_SPLIT_BYTES": "0"}
    tally = ["tally", "2020", str(tmp_path / "in"), "--format", "json", "--by", "award,kind,unit"]
    check = ["validate", str(tmp_path / "in"), "--format", "json", "--lang", "en"]
    outputs = []
    for args in (tally, check):
        one = runner.invoke(app, [*args, "--no-cache", "-j", "1"], env=env)
        parted = runner.invoke(app, [*args, "--no-cache", "-j", "2"], env=env)
        cold = runner.invoke(app, [*args, "-j", "2"], env=env)  # the parent stores the assembled result
        warm = runner.invoke(app, [*args, "-j", "2"], env=env)  # and reads it back
        assert one.exit_code == parted.exit_code == cold.exit_code == warm.exit_code, one.stdout
        assert one.stdout == parted.stdout == cold.stdout == warm.stdout
        outputs.append(json.loads(one.stdout))
    codes = {finding["code"] for finding in outputs[1]["findings"]}
    assert {"summary-mismatch", "unknown-award", "missing-name", "cells-ignored"} <= codes


def _with_bomb(path: Path, rows: int = 400_000) -> Path:
    """The workbook with its first and third sheets replaced by `rows` rows of ten numbers each:
    4 M cells in a few hundred KB, more than a worker capped at 150 MB can hold (two such
    sheets: the parts are even in size, the file is split)."""
    import zipfile

    bomb = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + ("<row>" + "<c><v>1</v></c>" * 10 + "</row>") * rows
        + "</sheetData></worksheet>"
    )
    source = path.with_suffix(".src.xlsx")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            bombed = info.filename in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml")
            new.writestr(info.filename, bomb if bombed else old.read(info))
    source.unlink()
    return path


def test_a_part_whose_worker_runs_out_of_memory_makes_the_file_unreadable_as_one_task_does(
    tmp_path: Path, split: list[int]
):
    path = _with_bomb(workbook(tmp_path / "bomb.xlsx"))
    limits = Limits(memory=150 * 1024**2, seconds=60)
    alone = load([path], jobs=1, limits=limits)
    parted = load([path], jobs=2, limits=limits)
    assert split == [2]
    # The finding, and nothing of the parts that could be read. Its detail says where the cap was
    # met, which depends on what the worker held, in either path: "worker-memory: MemoryError" or
    # "SIGABRT", or "corrupt" when calamine fails an allocation as it would a broken file.
    assert [p.code for p in alone.problems] == [p.code for p in parted.problems] == ["unreadable"]
    assert parted.files[0].records == alone.files[0].records == [] and not parted.files[0].readable
