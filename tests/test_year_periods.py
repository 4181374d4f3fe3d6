"""A period in the year column ("2016-2020", "Giai đoạn 2019-2021"): read as a period at the end of
an award's name is, counted in its last year and kept from its first (real workbooks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.catalogue import load_catalogue
from thidua_cli.cli import app
from thidua_cli.eligibility import eligible, explain
from thidua_cli.loading import LoadResult
from thidua_cli.values import parse_period, parse_year

HEADER = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Năm"]


def _list(tmp_path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    body = [[i, *row] for i, row in enumerate(rows, 1)]
    return write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG"], header, *body])


def _dated(result: LoadResult) -> list[tuple[str, int, int, int]]:
    frame = result.records
    columns = (frame["name"], frame["year"], frame["period_start"], frame["period_end"])
    return [(str(n), int(y), int(s), int(e)) for n, y, s, e in zip(*columns, strict=True)]


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2016-2020", (2016, 2020)),
        ("2016 - 2020", (2016, 2020)),
        ("Giai đoạn 2016-2020", (2016, 2020)),
        ("GĐ 2019-2021", (2019, 2021)),
        ("2019–2021", (2019, 2021)),
        ("Từ năm 2016 đến năm 2020", (2016, 2020)),
        ("2023-2024", (2023, 2024)),  # a school year: its own two years
        ("Năm học 2019-20", (2019, 2020)),
        (2018, (2018, 2018)),
        ("Năm 2018", (2018, 2018)),
        ("2010-2020", (2010, 2020)),  # as long as the catalogue reads at the end of a name
    ],
)
def test_a_year_cell_names_a_period(value: object, period: tuple[int, int]) -> None:
    assert parse_period(value) == period


@pytest.mark.parametrize("value", ["2021-2019", "2000-2020", "1900-1910", "2016-2020-2021", "hai nghìn", "GĐ 2016"])
def test_what_is_no_period_stays_no_year(value: str) -> None:
    assert parse_period(value) is None
    assert parse_year(value) is None  # a plain year is still read as before ("2017-2019" none)


def test_a_period_in_the_year_column_counts_in_its_last_year(tmp_path: Path) -> None:
    path = _list(
        tmp_path,
        [
            ["Nguyễn Văn An", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2016-2020"],
            ["Trần Thị Bình", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2016 - 2020"],
            ["Lê Văn Cường", "Phòng A", "CSTĐ cấp tỉnh", "Giai đoạn 2019-2021"],
            ["Phạm Thị Dung", "Phòng A", "CSTĐ cấp tỉnh", "GĐ 2019-2021"],
            ["Võ Văn Em", "Phòng A", "CSTĐ cấp tỉnh", "2019–2021"],
            ["Đặng Thị Giang", "Phòng A", "Lao động tiên tiến", "2023-2024"],
            ["Hồ Văn Hải", "Phòng A", "Lao động tiên tiến", 2022],
            ["Lý Thị Khánh", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2021-2019"],  # backwards
            ["Mai Văn Long", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2000-2020"],  # too long
        ],
    )
    result = load([path])
    assert _dated(result) == [  # before: the first five rows bad-year, not counted
        ("Nguyễn Văn An", 2020, 2016, 2020),
        ("Trần Thị Bình", 2020, 2016, 2020),
        ("Lê Văn Cường", 2021, 2019, 2021),
        ("Phạm Thị Dung", 2021, 2019, 2021),
        ("Võ Văn Em", 2021, 2019, 2021),
        ("Đặng Thị Giang", 2024, 2023, 2024),
        ("Hồ Văn Hải", 2022, 2022, 2022),
    ]
    assert [(p.code, p.row, p.value) for p in result.problems] == [
        ("bad-year", 10, "2021-2019"),
        ("bad-year", 11, "2000-2020"),
    ]
    assert result.checks == []


def test_a_period_column_against_the_award_text(tmp_path: Path) -> None:
    path = _list(
        tmp_path,
        [
            ["Nguyễn Văn An", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh giai đoạn 2016-2020", "2016-2020"],
            ["Trần Thị Bình", "Phòng A", "CSTĐ cấp tỉnh giai đoạn 2019-2021", "2016-2020"],  # another period
            ["Lê Văn Cường", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh (2016-2020)", "2019-2020"],  # school year
            ["Phạm Thị Dung", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh năm 2020", "2016-2020"],
            ["Võ Văn Em", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh năm 2018", "2016-2020"],
        ],
    )
    result = load([path])
    assert result.problems == []
    assert _dated(result) == [
        ("Nguyễn Văn An", 2020, 2016, 2020),
        ("Trần Thị Bình", 2020, 2016, 2020),  # the column is followed, and flagged
        ("Lê Văn Cường", 2020, 2016, 2020),
        ("Phạm Thị Dung", 2020, 2016, 2020),
        ("Võ Văn Em", 2020, 2016, 2020),
    ]
    assert [(c.code, c.row, c.value, c.detail) for c in result.checks] == [
        ("year-differs", 4, "2016-2020", "2019–2021"),
        ("year-differs", 7, "2016-2020", "2018"),
    ]


def test_two_year_columns_with_a_period(tmp_path: Path) -> None:
    path = _list(
        tmp_path,
        [
            ["Nguyễn Văn An", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2016-2020", 2020],  # its last year
            ["Trần Thị Bình", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", 2020, "Giai đoạn 2016-2020"],
            ["Lê Văn Cường", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2016-2020", 2021],
            ["Phạm Thị Dung", "Phòng A", "Bằng khen của Chủ tịch UBND tỉnh", "2016-2020", "2018-2020"],
            ["Võ Văn Em", "Phòng A", "Lao động tiên tiến", "2019-2020", 2020],  # a school year and its year
        ],
        header=[*HEADER, "Năm"],
    )
    result = load([path])
    assert _dated(result) == [
        ("Nguyễn Văn An", 2020, 2016, 2020),
        ("Trần Thị Bình", 2020, 2016, 2020),
        ("Võ Văn Em", 2020, 2019, 2020),
    ]
    assert [(p.code, p.row, p.value) for p in result.problems] == [
        ("year-conflict", 5, "2016-2020 / 2021"),
        ("year-conflict", 6, "2016-2020 / 2018-2020"),
    ]


def _cycle(tmp_path: Path) -> Path:
    return _list(
        tmp_path,
        [
            ["Nguyễn Văn An", "Phòng A", "CSTĐCS", 2019],
            ["Nguyễn Văn An", "Phòng A", "CSTĐCS", 2020],
            ["Nguyễn Văn An", "Phòng A", "CSTĐCS", 2021],
            ["Nguyễn Văn An", "Phòng A", "CSTĐ tỉnh", "2019-2021"],
            ["Trần Thị Bình", "Phòng A", "CSTĐCS", 2019],
            ["Trần Thị Bình", "Phòng A", "CSTĐCS", 2020],
            ["Trần Thị Bình", "Phòng A", "CSTĐCS", 2021],
        ],
    )


def test_a_cstd_cycle_in_the_year_column_is_held_in_its_last_year(tmp_path: Path) -> None:
    result = load([_cycle(tmp_path)])
    assert result.problems == []
    cstd = next(c for c in explain(result.rows, "Nguyễn Văn An", 2021) if c.rule.id == "cstd-tinh")
    assert not cstd.met and any("đã có" in r and "2021" in r for r in cstd.reasons)  # before: offered again
    found = [c.person.name for c in eligible(result.rows, 2021, load_catalogue()) if c.rule.id == "cstd-tinh"]
    assert found == ["Trần Thị Bình"]


def test_cli_counts_a_period_of_the_year_column(tmp_path: Path) -> None:
    path = _cycle(tmp_path)
    runner = CliRunner()
    out = runner.invoke(app, ["tally", "2019-2021", str(path), "--format", "json", "-q"])
    assert out.exit_code == 0, out.output  # before: exit 1, the period row bad-year
    assert json.loads(out.stdout)["total"] == 7
    out = runner.invoke(app, ["eligible", "2021", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    names = [c["name"] for c in json.loads(out.stdout)["candidates"] if c["rule"]["id"] == "cstd-tinh"]
    assert names == ["Trần Thị Bình"]


@pytest.mark.parametrize(
    ("title", "years", "counted", "reported"),
    [  # before: the school year counted in 2020, exit 0
        ("DANH SÁCH NĂM 2019", ["2019", "2019-2020", "2019"], {2019: 2}, [(4, "2019-2020", "2019")]),
        ("DANH SÁCH KHEN THƯỞNG", [2019, "2019-20", 2019], {2019: 2}, [(4, "2019-20", "2019")]),
        ("DANH SÁCH NĂM 2019", ["2019-2020"] * 3, {}, [(r, "2019-2020", "2019") for r in (3, 4, 5)]),
        # a list of several years, a school year's heading, a year only a name gives: no one year to doubt
        ("DANH SÁCH NĂM HỌC 2018-2019", ["2019-2020", "2019", "2019"], {2019: 2, 2020: 1}, []),
        ("DANH SÁCH GIAI ĐOẠN 2016-2020", ["2018", "2019-2020", "2019"], {2018: 1, 2019: 1, 2020: 1}, []),
        ("DANH SÁCH KHEN THƯỞNG", ["2018", "2019-2020", "2019"], {2018: 1, 2019: 1, 2020: 1}, []),
        ("DANH SÁCH NĂM HỌC 2019-2020", ["2020-2021", "2020", "2020"], {2020: 2, 2021: 1}, []),
        # what says one school year throughout, or a year it ends in, is no doubt
        ("DANH SÁCH NĂM HỌC 2019-2020", ["2019-2020"] * 3, {2020: 3}, []),
        ("DANH SÁCH NĂM 2020", ["2020", "2019-2020", "2020"], {2020: 3}, []),
        ("DANH SÁCH NĂM 2019", ["2019", "2018-2019", "2019"], {2019: 3}, []),
        ("DANH SÁCH NĂM 2019", ["2019", "2016-2020", "2019"], {2019: 2, 2020: 1}, []),  # a period of five years
    ],
)
def test_a_school_year_in_a_list_of_its_first_year_is_reported(
    tmp_path: Path, title: str, years: list[object], counted: dict[int, int], reported: list[tuple[int, str, str]]
) -> None:
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    award = "Bằng khen của Chủ tịch UBND tỉnh"  # a form with no yearly cycle: a period of five years is one award
    body = [[i, name, "Phòng A", award, year] for i, (name, year) in enumerate(zip(names, years, strict=True), 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [[title], HEADER, *body])
    result = load([path])
    frame = result.records
    assert {int(y): int(n) for y, n in frame.groupby("year").size().items()} == counted
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [
        ("ambiguous-year", row, value, detail) for row, value, detail in reported
    ]


def test_a_school_year_in_the_award_text_of_a_list_of_its_first_year_is_reported(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu"]
    body = [
        [1, "Nguyễn Văn An", "Phòng A", "Lao động tiên tiến"],
        [2, "Trần Thị Bình", "Phòng A", "Lao động tiên tiến năm học 2019-2020"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH NĂM 2019"], header, *body])])
    assert list(result.records["year"]) == [2019]
    assert [(p.code, p.row, p.value) for p in result.problems] == [
        ("ambiguous-year", 4, "Lao động tiên tiến năm học 2019-2020")
    ]


def test_a_year_only_a_sheet_or_file_name_gives_does_not_make_school_years_doubtful(tmp_path: Path) -> None:
    names = ["Nguyễn Văn An", "Trần Thị Bình"]
    body = [[i, name, "Phòng A", "Giấy khen", "2019-2020"] for i, name in enumerate(names, 1)]
    path = write_xlsx(tmp_path / "2019.xlsx", [["DANH SÁCH KHEN THƯỞNG"], HEADER, *body], sheet="2019")
    result = load([path])  # before this rule was narrowed: both rows ambiguous-year
    assert list(result.records["year"]) == [2020, 2020] and result.problems == []
