"""Lists that award nothing yet, in other words than "ĐỀ NGHỊ" (review): a proposal ("ĐỀ XUẤT",
"DỰ KIẾN", "XÉT KHEN", "TRÌNH … TẶNG"), a draft ("DỰ THẢO"), a council's vote ("BÌNH XÉT") and the
year-start registration ("ĐĂNG KÝ THI ĐUA") are proposal lists: not counted, noted once. Before,
their rows were counted as awards, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load

HEADER = ["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng"]
ROWS = [[1, "Nguyễn Văn An", "Tổ Toán", "Lao động tiên tiến"], [2, "Trần Thị Bình", "Tổ Văn", "Lao động tiên tiến"]]


@pytest.mark.parametrize(
    "heading",
    [
        "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2021",
        "DANH SÁCH CÁ NHÂN ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM 2021",
        "DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG NĂM 2021",
        "DANH SÁCH DỰ KIẾN KHEN THƯỞNG NĂM 2021",
        "DỰ THẢO DANH SÁCH KHEN THƯỞNG NĂM 2021",
        "DANH SÁCH BÌNH XÉT THI ĐUA NĂM 2021",
        "DANH SÁCH XÉT KHEN THƯỞNG NĂM 2021",
        "DANH SÁCH TRÌNH CHỦ TỊCH UBND TỈNH TẶNG BẰNG KHEN NĂM 2021",
    ],
)
def test_a_list_that_awards_nothing_yet_is_a_proposal(tmp_path: Path, heading: str) -> None:
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], HEADER, *ROWS])])
    assert result.records.empty and [p.code for p in result.problems] == ["proposal-list"]


@pytest.mark.parametrize(
    "heading", ["DANH SÁCH KHEN THƯỞNG THEO ĐỀ XUẤT CỦA HỘI ĐỒNG THI ĐUA NĂM 2021", "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH NĂM 2021"]
)
def test_a_decided_list_naming_those_words_otherwise_is_counted(tmp_path: Path, heading: str) -> None:
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], HEADER, *ROWS])])
    assert len(result.records) == 2 and result.problems == []


def test_a_decided_list_with_its_own_title_under_a_proposal_list_is_counted(tmp_path: Path) -> None:
    """Review: the council's approved list below the departments' proposal on one sheet, under its
    own title and header: before, it inherited the proposal of the sheet's heading, 0 counted, exit 0."""
    rows = [
        ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2020"],
        [],
        HEADER,
        *ROWS,
        [3, "Lê Văn Cường", "Tổ Sử", "Lao động tiên tiến"],
        [],
        ["DANH SÁCH ĐƯỢC KHEN THƯỞNG NĂM 2020"],
        [],
        [*HEADER, "Ghi chú"],
        *ROWS,
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert sorted(result.records["name"]) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert [p.code for p in result.problems] == ["proposal-list"]
