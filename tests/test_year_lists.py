"""Two years where one is read (review): a heading "NĂM 2020 VÀ 2021" or "CÁC NĂM 2019, 2020, 2021"
names no one year for its rows, and an award cell "LĐTT năm 2020, 2021" names no one award. Before,
the first year was taken, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load

HEADER = ["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng"]


@pytest.mark.parametrize(
    "heading",
    ["DANH SÁCH KHEN THƯỞNG NĂM 2020 VÀ 2021", "DANH SÁCH KHEN THƯỞNG NĂM 2020, 2021", "DANH SÁCH KHEN THƯỞNG CÁC NĂM 2019, 2020, 2021"],
)
def test_a_heading_naming_two_years_gives_its_rows_none(tmp_path: Path, heading: str) -> None:
    rows = [[1, "Nguyễn Văn An", "Tổ Toán", "Lao động tiên tiến"], [2, "Trần Thị Bình", "Tổ Văn", "Lao động tiên tiến"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], HEADER, *rows])])
    assert result.records.empty and [p.code for p in result.problems] == ["bad-year", "bad-year"]


@pytest.mark.parametrize("cell", ["LĐTT năm 2020, 2021", "Lao động tiên tiến 2020, 2021", "CSTĐCS năm 2019, 2020, 2021"])
def test_an_award_cell_naming_two_years_is_reported(tmp_path: Path, cell: str) -> None:
    rows = [[1, "Nguyễn Văn An", "Tổ Toán", cell], [2, "Trần Thị Bình", "Tổ Văn", "LĐTT năm học 2020-2021"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG"], [], HEADER, *rows])])
    assert list(result.records["year"]) == [2021]  # the school year is still one year
    assert [(p.code, p.value) for p in result.problems] == [("unknown-award", cell)]
