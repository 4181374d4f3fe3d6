"""A second award column of the person's record before this list (review): "… cao nhất đã đạt",
"Khen thưởng đã đạt", or a label naming another year ("Danh hiệu năm 2019" under "… NĂM 2020"),
beside the list's own award column. Before, its awards were counted as this list's, exit 0."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load


def _load(tmp_path: Path, label: str, heading: str = "DANH SÁCH KHEN THƯỞNG NĂM 2020") -> tuple[Counter[tuple[str, int]], list[str]]:
    header = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu/Hình thức khen thưởng", label]
    rows = [
        [1, "Nguyễn Văn An", "Bác sĩ", "Lao động tiên tiến", "Bằng khen của Chủ tịch UBND tỉnh"],
        [2, "Trần Thị Bình", "Điều dưỡng", "Lao động tiên tiến", None],
        [3, "Lê Văn Cường", "Bác sĩ", "Chiến sĩ thi đua cơ sở", "Giấy khen"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], header, *rows])])
    return Counter(zip(result.records["award"], result.records["year"], strict=True)), [p.code for p in result.problems]


@pytest.mark.parametrize(
    "label", ["Hình thức khen thưởng cao nhất đã đạt", "Khen thưởng đã đạt", "Danh hiệu năm 2019"]
)
def test_an_award_column_of_the_record_before_is_left_out(tmp_path: Path, label: str) -> None:
    counts, codes = _load(tmp_path, label)
    assert counts == {("Lao động tiên tiến", 2020): 2, ("Chiến sĩ thi đua cơ sở", 2020): 1}
    assert "unknown-award" not in codes


def test_award_columns_of_two_years_under_a_heading_of_none_are_reported(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Danh hiệu năm 2019", "Danh hiệu năm 2020"]
    rows = [[1, "Nguyễn Văn An", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG"], [], header, *rows])])
    assert result.records.empty and [p.code for p in result.problems] == ["ambiguous-columns"]
