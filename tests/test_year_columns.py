"""Two year columns whose labels say which is which: "Năm thành tích" (the achievement's year, the
record's) beside "Năm khen thưởng" (the decision's), read from real workbooks. Before, every row
whose two years differed was a year-conflict, not counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.loading import LoadResult


def _list(tmp_path: Path, first: str, second: str, rows: list[tuple[object, object]]) -> Path:
    body = [[i, f"Người {i}", "Phòng A", "LĐTT", a, b] for i, (a, b) in enumerate(rows, 1)]
    header = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu", first, second]
    return write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG"], header, *body])


def _years(result: LoadResult) -> list[tuple[str, int]]:
    return [(str(n), int(y)) for n, y in zip(result.records["name"], result.records["year"], strict=True)]


@pytest.mark.parametrize(
    ("achieved", "decided"),
    [("Năm thành tích", "Năm khen thưởng"), ("Năm thi đua", "Năm được khen"), ("Năm học", "Năm công nhận")],
)
def test_the_achievement_year_is_the_records_beside_the_decisions(tmp_path: Path, achieved: str, decided: str) -> None:
    path = _list(tmp_path, achieved, decided, [(2019, 2020), (2019, 2019), (2019, ""), ("", 2020), (2020, 2019)])
    result = load([path])
    assert _years(result) == [("Người 1", 2019), ("Người 2", 2019), ("Người 3", 2019)]  # before: row 3 a year-conflict, row 7 counted in 2020
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [
        ("bad-year", 6, "", None),  # no achievement year: the decision's is not taken for it
        ("bad-date", 7, "2019", "before-year"),  # decided before it was achieved
    ]


def test_the_columns_may_come_in_either_order(tmp_path: Path) -> None:
    path = _list(tmp_path, "Năm khen thưởng", "Năm thành tích", [(2020, 2019), (2021, 2020)])
    result = load([path])
    assert _years(result) == [("Người 1", 2019), ("Người 2", 2020)] and result.problems == []


@pytest.mark.parametrize(("first", "second"), [("Năm", "Năm"), ("Năm", "Năm khen thưởng"), ("Năm thành tích", "Năm")])
def test_labels_that_do_not_say_which_is_which_stay_a_conflict(tmp_path: Path, first: str, second: str) -> None:
    result = load([_list(tmp_path, first, second, [(2019, 2020), (2019, 2019)])])
    assert [(p.code, p.row, p.value) for p in result.problems] == [("year-conflict", 3, "2019 / 2020")]
    assert _years(result) == [("Người 2", 2019)]


def test_a_decision_year_column_alone_is_still_the_year(tmp_path: Path) -> None:
    rows = [["DANH SÁCH"], ["STT", "Họ và tên", "Danh hiệu", "Năm khen thưởng"], [1, "Lê Văn An", "LĐTT", 2020]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert _years(result) == [("Lê Văn An", 2020)] and result.problems == []


def test_cli_tallies_the_achievement_year(tmp_path: Path) -> None:
    path = _list(tmp_path, "Năm thành tích", "Năm khen thưởng", [(2019, 2020), (2019, 2020), (2020, 2021)])
    runner = CliRunner()
    out = runner.invoke(app, ["tally", "2019-2021", str(path), "--format", "json", "-q"])
    assert out.exit_code == 0, out.output  # before: exit 1, every row a year-conflict
    data = json.loads(out.stdout)
    assert data["total"] == 3
    out = runner.invoke(app, ["tally", "2019", str(path), "--format", "json", "-q"])
    assert json.loads(out.stdout)["total"] == 2
