"""A group's subtotal line mid-list ("Cộng LĐTT", "Cộng khoa Nội: 02 người", "Tổng khoa Nội") is no
record, whatever its award cell holds (typed again, or merged down over it). Before (review), such
lines were counted as persons with exit 0: "Cộng LĐTT" a Lao động tiên tiến, "Cộng khoa Nội: 02
người" a unit sub-heading over the next department's staff."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load

TITLE = [["BỆNH VIỆN ĐA KHOA HUYỆN"], [], ["DANH SÁCH KHEN THƯỞNG NĂM 2020"], []]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Số QĐ"]


def _read(tmp_path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> tuple[list[tuple[str, str, str]], list[str]]:
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*TITLE, HEADER, *rows], merges=merges)])
    records = [(r.name, r.award, r.unit) for r in result.records.itertuples()]
    return records, [p.code for p in result.problems + result.checks if p.code != "not-eligible"]


@pytest.mark.parametrize(
    "line",
    [
        [None, "Cộng LĐTT", None, None, "Lao động tiên tiến"],  # the group's award typed again
        [None, "Tổng khoa Nội", None, None, "Lao động tiên tiến"],
        [3, "Cộng khoa Nội", None, None, "Lao động tiên tiến"],  # the numbering runs on into it
        [None, "Cộng Lao động tiên tiến: 02 người", None, None, "Lao động tiên tiến"],
    ],
)
def test_a_subtotal_with_the_groups_award_typed_is_no_record(tmp_path: Path, line: list[object]) -> None:
    rows = [
        [1, "Nguyễn Văn An", "Bác sĩ", "Khoa Nội", "Lao động tiên tiến", "125/QĐ-BV"],
        [2, "Trần Thị Bình", "Điều dưỡng", "Khoa Nội", "Lao động tiên tiến", "125/QĐ-BV"],
        line,
        [1, "Lê Văn Cường", "Trưởng khoa", "Khoa Ngoại", "Giấy khen", "127/QĐ-BV"],
    ]
    records, codes = _read(tmp_path, rows)
    assert [name for name, _, _ in records] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert "after-total" not in codes  # rows under a group's subtotal are the next group's


def test_a_subtotal_under_an_award_merged_down_is_no_record_nor_a_unit(tmp_path: Path) -> None:
    rows = [
        [1, "Nguyễn Văn An", "Bác sĩ", "Khoa Nội", "Lao động tiên tiến", "125/QĐ-BV"],
        [2, "Trần Thị Bình", "Điều dưỡng", "Khoa Nội"],
        [None, "Cộng khoa Nội: 02 người"],
        [3, "Phạm Thị Dung", "KTV", "Khoa Xét nghiệm"],
        [None, "Cộng khoa Xét nghiệm: 01 người"],
    ]
    records, codes = _read(tmp_path, rows, merges=("E6:E10", "F6:F10"))
    assert records == [
        ("Nguyễn Văn An", "Lao động tiên tiến", "Khoa Nội"),
        ("Trần Thị Bình", "Lao động tiên tiến", "Khoa Nội"),
        ("Phạm Thị Dung", "Lao động tiên tiến", "Khoa Xét nghiệm"),  # before: unit "Cộng khoa Nội: 02 người"
    ]
    assert codes == []


@pytest.mark.parametrize(
    "name", ["Cộng đồng dân cư thôn Đông", "Tổng công ty Sông Đà", "Tổng kho xăng dầu Nghi Sơn", "Tổng đội Thanh niên xung phong 2"]
)
def test_collectives_whose_names_start_as_a_subtotal_still_count(tmp_path: Path, name: str) -> None:
    rows = [[1, "Nguyễn Văn An", "Bác sĩ", "Khoa Nội", "Giấy khen", "125/QĐ-BV"], [2, name, None, None, "Giấy khen", "125/QĐ-BV"]]
    records, codes = _read(tmp_path, rows)
    assert [n for n, _, _ in records] == ["Nguyễn Văn An", name] and "missing-award" not in codes
