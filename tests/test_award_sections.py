"""Lists without an award column, one section per award (review): a section's head count after
its award ("II | GIẤY KHEN (02 người)") still names it, and a section of the same numbering whose
label names no award ends the award of the one above. Before, both were read as a unit's
sub-heading: the rows under them kept the section above's award, exit 0."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load

HEADER = ["STT", "Họ và tên", "Chức vụ", "Khoa, phòng"]


def _load(tmp_path: Path, first: list[object], second: list[object]) -> tuple[Counter[str], list[str]]:
    rows = [
        first,
        [1, "Nguyễn Văn An", "Bác sĩ", "Khoa Nội"],
        [2, "Trần Thị Bình", "Điều dưỡng", "Khoa Nội"],
        second,
        [1, "Hoàng Văn Em", "Bác sĩ", "Khoa Ngoại"],
        [2, "Võ Thị Giang", "Dược sĩ", "Khoa Dược"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2020"], [], HEADER, *rows])])
    return Counter(result.records["award"]), [p.code for p in result.problems]


@pytest.mark.parametrize(
    ("first", "second", "award"),
    [
        (["I", "DANH HIỆU LAO ĐỘNG TIÊN TIẾN"], ["II", "GIẤY KHEN (02 người)"], "Giấy khen"),
        (["A", "CHIẾN SĨ THI ĐUA CƠ SỞ"], ["B", "CHIẾN SĨ TIÊN TIẾN (02 đồng chí)"], "Chiến sĩ tiên tiến"),
        (["I", "DANH HIỆU LAO ĐỘNG TIÊN TIẾN"], ["II", "GIẤY KHEN: 02 người"], "Giấy khen"),
    ],
)
def test_a_sections_head_count_still_names_its_award(tmp_path: Path, first: list[object], second: list[object], award: str) -> None:
    counts, codes = _load(tmp_path, first, second)
    assert counts[award] == 2 and sum(counts.values()) == 4 and codes == []


@pytest.mark.parametrize("label", ["GIÁO VIÊN CHỦ NHIỆM GIỎI", "KHEN THƯỞNG CUỐI NĂM"])
def test_a_sibling_section_naming_no_award_ends_the_award_above(tmp_path: Path, label: str) -> None:
    counts, codes = _load(tmp_path, ["I", "LAO ĐỘNG TIÊN TIẾN"], ["II", label])
    assert counts == {"Lao động tiên tiến": 2}  # before: 4, the two below given the LĐTT of section I
    assert codes == ["missing-award", "missing-award"]
