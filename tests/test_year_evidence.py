"""A column without a label whose cells are years of birth or of joining (1978 | 1985 | 1990) is
not the award's year. Before, its cells were counted as the award year with exit 0, over the
heading's year too. A labelled year column still outranks the heading (README, "xác định năm")."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

HEADING = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN"


def _list(tmp_path: Path, heading: str, label: str | None, years: list[object], *, unit_first: bool = False) -> Path:
    header = ["STT", "Họ và tên", label, "Đơn vị công tác"]
    body = [[i, f"Lê Văn {chr(64 + i)}", year, f"Khoa {i}"] for i, year in enumerate(years, 1)]
    if unit_first:  # the clerk's other order: the unit before the year
        header = [header[0], header[1], header[3], header[2]]
        body = [[r[0], r[1], r[3], r[2]] for r in body]
    return write_xlsx(tmp_path / "ds.xlsx", [["SỞ Y TẾ"], [], [heading], header, *body])


def _counted(tmp_path: Path, path: Path) -> tuple[int, str]:
    out = CliRunner().invoke(app, ["tally", "2000-2030", str(path), "-q", "-f", "csv", "--by", "year", "--no-cache"])
    return out.exit_code, out.stdout


@pytest.mark.parametrize("unit_first", [False, True])
@pytest.mark.parametrize(
    ("heading", "years"),
    [
        (HEADING, [1978, 1985, 1990]),  # years of birth, no year anywhere else: before, outside-years, exit 0
        (HEADING, [2001, 1999, 2003, 2000]),  # young staff: before, counted in 2000, 2001 and 2003
        (HEADING + " NĂM 2021", [2001, 1999, 2003]),  # before, the cells overrode the heading's 2021
        (HEADING, ["2001", "1999", "2003"]),  # typed as text
    ],
)
def test_an_unlabelled_column_of_several_years_is_not_the_award_year(
    tmp_path: Path, heading: str, years: list[object], unit_first: bool
) -> None:
    path = _list(tmp_path, heading, None, years, unit_first=unit_first)
    result = load([path])
    assert result.records.empty
    (problem,) = [p for p in result.problems if p.code == "ambiguous-columns"]
    assert problem.value is not None and "(no label): year" in problem.value
    exit_code, stdout = _counted(tmp_path, path)
    assert exit_code == 1 and stdout.strip() == "year,count"


def test_an_unlabelled_column_of_one_year_is_still_the_year(tmp_path: Path) -> None:
    result = load([_list(tmp_path, HEADING, None, [2021, 2021, 2021])])
    assert list(result.records["year"]) == [2021, 2021, 2021] and result.problems == []


def test_a_labelled_birth_year_column_leaves_the_headings_year(tmp_path: Path) -> None:
    result = load([_list(tmp_path, HEADING + " NĂM 2021", "Năm sinh", [1978, 1985, 1990])])
    assert list(result.records["year"]) == [2021, 2021, 2021] and result.problems == []


def test_a_plain_year_column_still_outranks_the_heading(tmp_path: Path) -> None:
    result = load([_list(tmp_path, HEADING + " NĂM 2021", "Năm", [2021, 2020])])
    assert list(result.records["year"]) == [2021, 2020] and result.problems == []


def test_a_label_the_vocabulary_lacks_does_not_make_several_years_the_award_year(tmp_path: Path) -> None:
    result = load([_list(tmp_path, HEADING + " NĂM 2021", "Mã", [2001, 1999, 2003])])
    assert result.records.empty  # before: counted in 2001 and 2003
    (problem,) = [p for p in result.problems if p.code == "ambiguous-columns"]
    assert problem.value == '"Mã": year 1999–2003'


@pytest.mark.parametrize("label", ["NS", "N.Sinh"])
def test_an_abbreviated_birth_year_label_leaves_the_headings_year(tmp_path: Path, label: str) -> None:
    result = load([_list(tmp_path, HEADING + " NĂM 2021", label, [2001, 1999, 2003])])
    assert list(result.records["year"]) == [2021, 2021, 2021] and result.problems == []


@pytest.mark.parametrize("label", ["Thời gian", "Được khen năm", "Năm khen"])
def test_a_year_label_of_other_words_still_gives_each_rows_year(tmp_path: Path, label: str) -> None:
    result = load([_list(tmp_path, HEADING, label, [2019, 2020, 2021])])
    assert list(result.records["year"]) == [2019, 2020, 2021] and result.problems == []


@pytest.mark.parametrize("years", [[2022, 2022, 2022], [2005, 2005, 2005, None, None]])
def test_one_year_by_cells_alone_other_than_the_headings_is_not_the_award_year(
    tmp_path: Path, years: list[object]
) -> None:
    """ "NĂM 2021" over 2022 in a column with no label (the decision's year, a year of joining):
    before, every row was counted in the cells' year, exit 0."""
    result = load([_list(tmp_path, HEADING + " NĂM 2021", None, years)])
    assert result.records.empty
    (problem,) = [p for p in result.problems if p.code == "ambiguous-columns"]
    assert problem.value == f"#3 (no label): year {years[0]}"


@pytest.mark.parametrize(
    "heading",
    [
        "TỔNG HỢP DANH HIỆU THI ĐUA GIAI ĐOẠN 2019-2021",
        "TỔNG HỢP KẾT QUẢ THI ĐUA CÁC NĂM",
        "DANH SÁCH KHEN THƯỞNG TỪ NĂM 2019 ĐẾN NĂM 2021",
    ],
)
def test_years_by_cells_alone_within_the_headings_period_are_each_rows(tmp_path: Path, heading: str) -> None:
    rows = [[i, f"Lê Văn {c}", "Khoa Nội", "LĐTT", y] for i, (c, y) in enumerate(zip("ABCD", (2019, 2020, 2021, 2021), strict=True), 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [[heading], ["STT", "Họ và tên", "Đơn vị", "Danh hiệu", None], *rows])
    result = load([path])
    assert list(result.records["year"]) == [2019, 2020, 2021, 2021] and result.problems == []


def test_birth_years_beside_a_labelled_year_column_are_left_out(tmp_path: Path) -> None:
    rows = [[i, f"Lê Văn {c}", y, 2021, "Khoa Nội"] for i, (c, y) in enumerate(zip("ABC", (1978, 1985, 1990), strict=True), 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [[HEADING], ["STT", "Họ và tên", None, "Năm", "Đơn vị"], *rows])
    result = load([path])
    assert list(result.records["year"]) == [2021, 2021, 2021] and result.problems == []


def test_cac_nam_beside_a_year_the_heading_names_accepts_no_other_year(tmp_path: Path) -> None:
    """Review: "(… đã đạt danh hiệu các năm 2019, 2020)" under "… NĂM 2021" let any year by: 2005,
    2010, 2015 counted with exit 0."""
    rows = [[i, f"Lê Văn {c}", y, "Khoa Nội"] for i, (c, y) in enumerate(zip("ABC", (2005, 2010, 2015), strict=True), 1)]
    heading = [[HEADING + " NĂM 2021"], ["(Cá nhân đã đạt danh hiệu Lao động tiên tiến các năm 2019, 2020)"]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*heading, ["STT", "Họ và tên", None, "Đơn vị công tác"], *rows])
    result = load([path])
    assert result.records.empty and [p.code for p in result.problems] == ["ambiguous-columns"]


def test_one_year_by_cells_alone_other_than_the_file_names_is_not_the_award_year(tmp_path: Path) -> None:
    """Review: "LDTT nam 2021.xlsx", no year in the heading, 2022 in a column without a label:
    counted in 2022 with exit 0, the name's 2021 ignored."""
    rows = [[i, f"Lê Văn {c}", 2022, "Khoa Nội"] for i, c in enumerate("ABC", 1)]
    path = write_xlsx(tmp_path / "LDTT nam 2021.xlsx", [[HEADING], ["STT", "Họ và tên", None, "Đơn vị công tác"], *rows])
    result = load([path])
    assert result.records.empty
    assert [(p.code, p.value) for p in result.problems] == [("ambiguous-columns", "#3 (no label): year 2022")]


@pytest.mark.parametrize("dated", ["ngày 12/01/2022", "ngày 12 tháng 01 năm 2022", "ngày 12-1-2022"])
def test_one_year_by_cells_alone_equal_to_the_decision_dates_is_not_the_award_year(tmp_path: Path, dated: str) -> None:
    """Review: "(Kèm theo Quyết định … ngày 12/01/2022)" and no other year over 2022 in a column
    without a label: counted in 2022 with exit 0, where the column may be the decision's year
    (a list of 2021 decided in January 2022)."""
    heading = [[HEADING], [f"(Kèm theo Quyết định số 15/QĐ-UBND {dated} của Chủ tịch UBND huyện)"]]
    rows = [[i, f"Lê Văn {c}", 2022, "Khoa Nội"] for i, c in enumerate("ABC", 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [*heading, ["STT", "Họ và tên", None, "Đơn vị công tác"], *rows])
    result = load([path])
    assert result.records.empty
    assert [(p.code, p.value) for p in result.problems] == [("ambiguous-columns", "#3 (no label): year 2022")]
    rows = [[i, f"Lê Văn {c}", 2021, "Khoa Nội"] for i, c in enumerate("ABC", 1)]  # another year: the list's
    path = write_xlsx(tmp_path / "ds.xlsx", [*heading, ["STT", "Họ và tên", None, "Đơn vị công tác"], *rows])
    result = load([path])
    assert list(result.records["year"]) == [2021, 2021, 2021] and result.problems == []
