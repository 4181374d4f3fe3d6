"""A matrix of years: "Năm đạt danh hiệu" over 2019 | 2020 | 2021, an "x" under each year a person
earned the award (a five-year report's list). Each tick is one record of its column's year. Before:
the first year column read "x" as a year (bad-year), the rest ignored, and a row ticked only
under 2020 counted in 2021 (the heading's period): a wrong number."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from thidua_cli import load
from thidua_cli.cli import app

PEOPLE = [("Nguyễn Văn An", "x", "x", "x"), ("Trần Thị Bình", "x", None, "x"), ("Lê Văn Cường", None, "x", None)]


def _matrix(path: Path, heading: str, award_column: list[str] | None = None, people=PEOPLE) -> Path:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "LĐTT"
    ws.append(["TRƯỜNG THCS AN BÌNH"])
    ws.append([heading])
    extra = ["Danh hiệu"] if award_column else []
    ws.append(["STT", "Họ và tên", "Chức vụ", *extra, "Năm đạt danh hiệu", None, None])
    ws.append([None] * (3 + len(extra)) + [2019, 2020, 2021])
    first = 4 + len(extra)  # the first year's column, 1-based
    ws.merge_cells(start_row=3, start_column=first, end_row=3, end_column=first + 2)
    for column in range(1, first):
        ws.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    for i, (name, *ticks) in enumerate(people, 1):
        ws.append([i, name, "Giáo viên", *([award_column[i - 1]] if award_column else []), *ticks])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _counts(folder: Path) -> dict[str, int]:
    out = CliRunner().invoke(app, ["tally", "2019-2021", str(folder), "--by", "award,year", "-f", "json"])
    return {f"{g['award']}|{g['year']}": g["count"] for g in json.loads(out.stdout)["rows"]}


def test_each_tick_under_a_year_is_the_headings_award_in_that_year(tmp_path: Path) -> None:
    _matrix(tmp_path / "ds" / "a.xlsx", "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN GIAI ĐOẠN 2019-2021")
    result = load([tmp_path / "ds"])
    got = sorted(zip(result.records["name"], result.records["year"], result.records["period_start"], strict=True))
    assert got == [
        ("Lê Văn Cường", 2020, 2020),
        ("Nguyễn Văn An", 2019, 2019),
        ("Nguyễn Văn An", 2020, 2020),
        ("Nguyễn Văn An", 2021, 2021),
        ("Trần Thị Bình", 2019, 2019),
        ("Trần Thị Bình", 2021, 2021),
    ]
    assert not result.problems
    assert _counts(tmp_path / "ds") == {
        "Lao động tiên tiến|2019": 2,
        "Lao động tiên tiến|2020": 2,
        "Lao động tiên tiến|2021": 2,
    }


def test_an_award_column_says_what_each_tick_of_its_row_is(tmp_path: Path) -> None:
    awards = ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Lao động tiên tiến"]
    _matrix(tmp_path / "ds" / "a.xlsx", "DANH SÁCH KHEN THƯỞNG GIAI ĐOẠN 2019-2021", awards)
    assert _counts(tmp_path / "ds") == {
        "Chiến sĩ thi đua cơ sở|2019": 1,
        "Chiến sĩ thi đua cơ sở|2020": 1,
        "Chiến sĩ thi đua cơ sở|2021": 1,
        "Lao động tiên tiến|2019": 1,
        "Lao động tiên tiến|2020": 1,
        "Lao động tiên tiến|2021": 1,
    }


def test_ticks_with_no_award_anywhere_are_each_missing_award(tmp_path: Path) -> None:
    _matrix(tmp_path / "ds" / "a.xlsx", "DANH SÁCH CÁN BỘ, GIÁO VIÊN")
    result = load([tmp_path / "ds"])
    assert result.total == 0
    assert sorted((p.code, p.cell) for p in result.errors) == [
        ("missing-award", "D5"),
        ("missing-award", "D6"),
        ("missing-award", "E5"),
        ("missing-award", "E7"),
        ("missing-award", "F5"),
        ("missing-award", "F6"),
    ]


def test_a_year_column_of_years_is_still_a_year_column(tmp_path: Path) -> None:
    """Columns labelled by years whose cells are years or counts are no matrix of ticks."""
    people = [("Nguyễn Văn An", 2019, None, None), ("Trần Thị Bình", 2020, None, None)]
    _matrix(tmp_path / "ds" / "a.xlsx", "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN", people=people)
    assert _counts(tmp_path / "ds") == {"Lao động tiên tiến|2019": 1, "Lao động tiên tiến|2020": 1}


def test_a_first_row_ticked_đạt_is_a_record_not_a_second_header_row(tmp_path: Path) -> None:
    """ "Đạt" is also a result column's label: the first row "1 | Nguyễn Văn An | Đạt | Đạt" was
    read as a second header row, and its person lost (before: 0 records, "1 row" reported of 2)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH KHEN THƯỞNG NĂM 2019"])
    ws.append(["STT", "Họ và tên", "LĐTT", "CSTĐCS"])
    ws.append([1, "Nguyễn Văn An", "Đạt", "Đạt"])
    ws.append([2, "Trần Thị Bình", "Đạt", None])
    (tmp_path / "ds").mkdir()
    wb.save(tmp_path / "ds" / "a.xlsx")
    result = load([tmp_path / "ds"])
    got = sorted(zip(result.records["name"], result.records["award"], strict=True))
    assert got == [
        ("Nguyễn Văn An", "Chiến sĩ thi đua cơ sở"),
        ("Nguyễn Văn An", "Lao động tiên tiến"),
        ("Trần Thị Bình", "Lao động tiên tiến"),
    ]
    years = [["STT", "Họ và tên", 2019, 2020], [1, "Nguyễn Văn An", "Đạt", None], [2, "Trần Thị Bình", None, "Đạt"]]
    wb = openpyxl.Workbook()
    for row in [["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"], *years]:
        wb.active.append(row)
    wb.save(tmp_path / "ds" / "a.xlsx")
    result = load([tmp_path / "ds"])
    assert sorted(zip(result.records["name"], result.records["year"], strict=True)) == [
        ("Nguyễn Văn An", 2019),
        ("Trần Thị Bình", 2020),
    ]


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_totals_line_under_ticks_counts_them_and_the_list_is_read(tmp_path: Path) -> None:
    """Before: "Cộng | 2 | 1" under a tick matrix of names made it a summary of counts: the sheet
    skipped as a note, 0 records, exit 0 (award ticks); by year, every row counted once in the
    heading's last year (exit 0)."""
    _sheet(
        tmp_path / "a" / "ds.xlsx",
        [
            ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
            ["STT", "Họ và tên", "LĐTT", "CSTĐCS"],
            [1, "Nguyễn Văn An", "x", "x"],
            [2, "Trần Thị Bình", "x", None],
            ["Cộng", None, 2, 1],
        ],
    )
    out = CliRunner().invoke(app, ["tally", "2019", str(tmp_path / "a"), "--by", "award", "-f", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout)["total"] == 3
    _sheet(
        tmp_path / "b" / "ds.xlsx",
        [
            ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN GIAI ĐOẠN 2019-2021"],
            ["STT", "Họ và tên", "Chức vụ", 2019, 2020, 2021],
            *([i, name, "Giáo viên", *ticks] for i, (name, *ticks) in enumerate(PEOPLE, 1)),
            ["Cộng", None, None, 2, 2, 2],
        ],
    )
    assert _counts(tmp_path / "b") == {
        "Lao động tiên tiến|2019": 2,
        "Lao động tiên tiến|2020": 2,
        "Lao động tiên tiến|2021": 2,
    }
    assert not load([tmp_path / "b"]).checks  # per-column totals are no total of the list


def test_year_columns_holding_ticks_and_other_values_are_reported_not_guessed(tmp_path: Path) -> None:
    _sheet(
        tmp_path / "c" / "ds.xlsx",
        [
            ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN GIAI ĐOẠN 2019-2021"],
            ["STT", "Họ và tên", 2019, 2020, 2021],
            [1, "Nguyễn Văn An", "x", "x", "x"],
            [2, "Trần Thị Bình", "x", "Nghỉ sinh", "x"],
        ],
    )
    result = load([tmp_path / "c"])
    assert result.total == 0
    assert [(p.code, p.value) for p in result.errors] == [("ambiguous-columns", '"2019", "2020", "2021": tick / year')]


def test_years_that_qualified_for_the_lists_award_are_no_awards(tmp_path: Path) -> None:
    """Review: a CSTĐ cơ sở list of 2020 ticking the years of LĐTT that qualified the person
    ("Đạt danh hiệu LĐTT" › 2018 | 2019 | 2020), or a heading of one year over "Năm 2018 | Năm
    2019 | Năm 2020", was counted as the list's award in every year ticked (6 instead of 2, exit 0)."""
    people = [[1, "Nguyễn Văn An", "x", "x", "x"], [2, "Trần Thị Bình", "x", "x", "x"]]
    _sheet(
        tmp_path / "a" / "ds.xlsx",
        [
            ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2020"],
            ["STT", "Họ và tên", "Đạt danh hiệu LĐTT", None, None],
            [None, None, 2018, 2019, 2020],
            *people,
        ],
    )
    _sheet(
        tmp_path / "b" / "ds.xlsx",
        [
            ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2020"],
            ["STT", "Họ và tên", "Năm 2018", "Năm 2019", "Năm 2020"],
            *people,
        ],
    )
    for folder in ("a", "b"):
        out = CliRunner().invoke(app, ["tally", "2018-2020", str(tmp_path / folder), "--by", "award,year", "-f", "json"])
        rows = json.loads(out.stdout)["rows"]
        assert rows == [{"award": "Chiến sĩ thi đua cơ sở", "year": 2020, "count": 2}], folder


def test_a_row_naming_its_award_with_no_year_ticked_is_an_error(tmp_path: Path) -> None:
    """Review: it was a no-tick note (exit 0): the award is known, its year is not."""
    _matrix(
        tmp_path / "ds" / "a.xlsx",
        "DANH SÁCH KHEN THƯỞNG GIAI ĐOẠN 2019-2021",
        ["Lao động tiên tiến", "Lao động tiên tiến", "Lao động tiên tiến"],
        people=[("Nguyễn Văn An", "x", None, None), ("Trần Thị Bình", None, None, None), ("Lê Văn Cường", None, "x", None)],
    )
    result = load([tmp_path / "ds"])
    assert result.total == 2
    assert [(p.code, p.cell) for p in result.errors] == [("bad-year", "D6")]
