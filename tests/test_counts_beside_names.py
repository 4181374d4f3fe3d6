"""A summary by unit whose unit column reads as a name column ("Tên đơn vị | Hình thức khen thưởng
| Số lượng"): each row counts several awards, or is the unit's one? Nobody can say (review): the
table is ambiguous-columns. Before, each row was counted as one collective's award, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load


@pytest.mark.parametrize(("name", "count"), [("Tên đơn vị", "Số lượng"), ("Tên tập thể", "Số cá nhân được khen"), ("Tên đơn vị", "SL")])
def test_a_count_column_beside_names_and_awards_is_reported(tmp_path: Path, name: str, count: str) -> None:
    rows = [
        ["TỔNG HỢP KHEN THƯỞNG NĂM 2020"],
        ["STT", name, "Hình thức khen thưởng", count],
        [1, "Trường THCS Xuân Hòa", "Giấy khen", 5],
        [2, "Trường Tiểu học Kim Liên", "Giấy khen", 3],
        [3, "Trường Mầm non Hoa Sen", "Giấy khen", 2],
    ]
    result = load([write_xlsx(tmp_path / "th.xlsx", rows)])
    assert result.records.empty
    assert [(p.code, p.value) for p in result.problems] == [("ambiguous-columns", f'"{count}": counts / names')]


def test_a_count_column_of_ones_stays_a_list(tmp_path: Path) -> None:
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
        ["STT", "Tên tập thể", "Hình thức khen thưởng", "Số lượng"],
        [1, "Trường THCS Xuân Hòa", "Giấy khen", 1],
        [2, "Trường Tiểu học Kim Liên", "Giấy khen", 1],
    ]
    result = load([write_xlsx(tmp_path / "th.xlsx", rows)])
    assert len(result.records) == 2
