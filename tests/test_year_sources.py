"""Where a list's year comes from when no cell says it: the heading, then the sheet, file and
folder names — never a name that is a decision's ("QĐ năm 2020") or holds a date."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

ROWS = [
    ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA"],
    ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua"],
    [1, "Lê Văn An", "Giáo viên", "Lao động tiên tiến"],
    [2, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến"],
]


@pytest.mark.parametrize(
    "file_name",
    ["QĐ năm 2020.xlsx", "QD 125-2020.xlsx", "Quyết định 15-QĐ-UBND ngày 10-1-2021.xlsx", "ds 10.01.2021.xlsx"],
)
def test_a_decision_or_a_date_in_the_file_name_gives_no_year(tmp_path: Path, file_name: str) -> None:
    path = write_xlsx(tmp_path / file_name, ROWS, sheet="Sheet1")
    result = load([path])
    assert result.records.empty
    assert [(p.code, p.row) for p in result.problems] == [("bad-year", 3), ("bad-year", 4)]
    run = CliRunner().invoke(app, ["tally", "2015-2022", str(path), "-f", "csv", "-q"])
    assert run.exit_code == 1
    assert run.stdout.strip().splitlines()[1:] == []


@pytest.mark.parametrize(("file_name", "sheet"), [("ds-2019.xlsx", "Sheet1"), ("ds.xlsx", "Năm 2019")])
def test_a_plain_year_in_a_name_still_dates_the_list(tmp_path: Path, file_name: str, sheet: str) -> None:
    result = load([write_xlsx(tmp_path / file_name, ROWS, sheet=sheet)])
    assert list(result.records["year"]) == [2019, 2019]
    assert result.problems == []


def test_a_decision_named_in_the_heading_line_of_the_list_still_gives_its_year(tmp_path: Path) -> None:
    rows = [["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM 2019"], *ROWS[1:]]
    result = load([write_xlsx(tmp_path / "QĐ năm 2020.xlsx", rows)])
    assert list(result.records["year"]) == [2019, 2019]


@pytest.mark.parametrize(
    ("file_name", "sheet", "heading", "year", "other"),
    [
        ("khen-thuong-2019.xlsx", "Năm 2020", "", 2020, '"khen-thuong-2019"'),
        ("ds-2019.xlsx", "Sheet1", " NĂM 2020", 2020, '"ds-2019"'),
        ("ds.xlsx", "Năm 2019", " NĂM 2020", 2020, '"Năm 2019"'),
    ],
)
def test_names_naming_another_year_than_the_one_counted_are_a_warning(
    tmp_path: Path, file_name: str, sheet: str, heading: str, year: int, other: str
) -> None:
    rows = [[ROWS[0][0] + heading], *ROWS[1:]]
    path = write_xlsx(tmp_path / file_name, rows, sheet=sheet)
    result = load([path])
    assert list(result.records["year"]) == [year, year]
    assert [(p.code, p.row, p.value, p.detail) for p in result.checks] == [("year-names-differ", 3, str(year), other)]
    run = CliRunner().invoke(app, ["tally", "2015-2022", str(path), "-f", "csv", "--by", "year", "--lang", "en"])
    assert run.exit_code == 0
    assert run.stdout.strip().splitlines() == ["year,count", f"{year},2"]
    assert "year-names-differ" in run.stderr and "names another year" in run.stderr


def test_a_year_column_or_agreeing_names_give_no_warning(tmp_path: Path) -> None:
    with_column = [ROWS[0], [*ROWS[1], "Năm"], *[[*r, 2020] for r in ROWS[2:]]]
    write_xlsx(tmp_path / "ds-2019.xlsx", with_column, sheet="Năm 2019")
    write_xlsx(tmp_path / "2019" / "ds-2019.xlsx", ROWS, sheet="Năm 2019")
    result = load([tmp_path])
    assert sorted(result.records["year"]) == [2019, 2019, 2020, 2020]
    assert result.checks == []


@pytest.mark.parametrize(
    ("file_name", "sheet"),
    [("nam-hoc-2019-2020.xlsx", "Sheet1"), ("khen thuong nam hoc 2019_2020.xlsx", "Sheet1"), ("ds.xlsx", "Năm học 2019-20")],
)
def test_a_school_year_in_a_name_is_its_second_year(tmp_path: Path, file_name: str, sheet: str) -> None:
    result = load([write_xlsx(tmp_path / file_name, ROWS, sheet=sheet)])
    assert list(result.records["year"]) == [2020, 2020]
    assert result.problems == []


@pytest.mark.parametrize("file_name", ["ds 2019-2020.xlsx", "nam-hoc-2016-2020.xlsx"])
def test_two_years_in_a_name_without_nam_hoc_give_no_year(tmp_path: Path, file_name: str) -> None:
    result = load([write_xlsx(tmp_path / file_name, ROWS, sheet="Sheet1")])
    assert result.records.empty
    assert [p.code for p in result.problems] == ["bad-year", "bad-year"]
