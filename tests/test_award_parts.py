"""A cell naming two awards gives two records even when the first names its issuer or level
("Chiến sĩ thi đua cơ sở, Lao động tiên tiến", "BK TTg, HCLĐ hạng Ba"); a cell or a heading naming
one award and two levels gives none (ambiguous-level). Before (review), the whole cell was read as
the first award, its level or issuer taking the rest ("cơ sở, lao động tiên tiến"): the second
award lost with exit 0, or the first given the second's year; a heading naming two awards gave
every row without its own the last one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Số QĐ"]


def _records(tmp_path: Path, cells: list[str], heading: str = "DANH SÁCH KHEN THƯỞNG NĂM 2021") -> tuple[list[tuple[str, str, int]], list[str]]:
    body = [[i, f"Nguyễn Văn {chr(65 + i)}", "Giáo viên", "Trường A", cell, None] for i, cell in enumerate(cells, 1)]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], HEADER, *body])])
    found = sorted((r.award, r.level, r.year) for r in result.records.itertuples())
    return found, [p.code for p in result.problems]


@pytest.mark.parametrize(
    ("cell", "awards"),
    [
        ("Chiến sĩ thi đua cơ sở, Lao động tiên tiến", [("Chiến sĩ thi đua cơ sở", "Cơ sở"), ("Lao động tiên tiến", "Cơ sở")]),
        ("CSTĐ cấp cơ sở + Lao động tiên tiến", [("Chiến sĩ thi đua cơ sở", "Cơ sở"), ("Lao động tiên tiến", "Cơ sở")]),
        ("Chiến sỹ thi đua cơ sở; Giấy khen", [("Chiến sĩ thi đua cơ sở", "Cơ sở"), ("Giấy khen", "Cơ sở")]),
        ("BK TTg, HCLĐ hạng Ba", [("Bằng khen", "Chính phủ"), ("Huân chương Lao động hạng Ba", "Nhà nước")]),
        ("Giấy khen GĐ Sở, LĐTT", [("Giấy khen", "Cơ sở"), ("Lao động tiên tiến", "Cơ sở")]),
        ("BK UBND tỉnh, BK Bộ GD&ĐT", [("Bằng khen", "Bộ"), ("Bằng khen", "Tỉnh")]),
    ],
)
def test_two_awards_in_a_cell_are_two_records_when_the_first_names_its_issuer_or_level(
    tmp_path: Path, cell: str, awards: list[tuple[str, str]]
) -> None:
    found, codes = _records(tmp_path, [cell])
    assert [(a, lv) for a, lv, _ in found] == sorted(awards)
    assert codes == []


def test_each_award_of_a_cell_keeps_its_own_year(tmp_path: Path) -> None:
    found, _ = _records(tmp_path, ["Bằng khen UBND tỉnh năm 2020, Giấy khen năm 2021"])
    assert found == [("Bằng khen", "Tỉnh", 2020), ("Giấy khen", "Cơ sở", 2021)]  # before: one Bằng khen in 2021


@pytest.mark.parametrize(
    "cell",
    [
        "Bằng khen của Bộ trưởng Bộ GD&ĐT và Chủ tịch UBND tỉnh",
        "Bằng khen của Chủ tịch UBND tỉnh, Thủ tướng Chính phủ",
        "Bằng khen UBND tỉnh; TTg",
    ],
)
def test_one_award_with_two_issuers_of_two_levels_is_ambiguous(tmp_path: Path, cell: str) -> None:
    found, codes = _records(tmp_path, [cell])
    assert found == [] and codes == ["ambiguous-level"]  # before: one Bằng khen at the first's level


@pytest.mark.parametrize(
    "cell",
    [
        "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo",  # "và" inside an issuer's name
        "Bằng khen của Bộ trưởng Bộ Lao động, Thương binh và Xã hội",
    ],
)
def test_a_separator_inside_an_issuers_name_splits_nothing(tmp_path: Path, cell: str) -> None:
    found, codes = _records(tmp_path, [cell])
    assert len(found) == 1 and codes == []


def test_a_heading_naming_one_award_at_two_levels_gives_its_rows_none(tmp_path: Path) -> None:
    heading = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH, BẰNG KHEN CỦA BỘ TRƯỞNG BỘ GD&ĐT NĂM 2021"
    found, codes = _records(tmp_path, ["Bằng khen", "Bằng khen"], heading=heading)
    assert found == [] and codes == ["ambiguous-level", "ambiguous-level"]  # before: both Tỉnh


def test_a_heading_naming_two_awards_gives_no_award_to_rows_without_one(tmp_path: Path) -> None:
    heading = "DANH SÁCH ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN, CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2021"
    rows = [[1, "Nguyễn Văn An", "Giáo viên"], [2, "Trần Thị Bình", "Giáo viên"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], ["STT", "Họ và tên", "Chức vụ"], *rows])])
    assert result.records.empty  # before: both counted Chiến sĩ thi đua cơ sở, exit 0
    assert result.problems != []
