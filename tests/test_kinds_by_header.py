"""Kinds where only the name column's header ("Họ và tên") says persons (review): a collective's
title for a collective's name is the collective's; a household's by its head's name is the
household's; schools typed without "Trường" ("THCS Nguyễn Du"), production lines ("Chuyền May 3")
and households ("Gia đình ông …") are no persons."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from thidua_cli import load

HEADING = "DANH SÁCH KHEN THƯỞNG NĂM 2021"
HEADER = ["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng"]


def _read(tmp_path: Path, rows: list[list[object]], heading: str = HEADING, header: list[str] = HEADER) -> tuple[list[tuple[str, str, str]], list[str]]:
    body = [[i, *row] for i, row in enumerate(rows, 1)]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[heading], [], header, *body])])
    return [(r.name, r.award, r.kind) for r in result.records.itertuples()], [p.code for p in result.problems]


@pytest.mark.parametrize("award", ["Tập thể lao động tiên tiến", "Cờ thi đua của Chủ tịch UBND tỉnh"])
def test_a_collectives_title_for_a_collectives_name_under_ho_va_ten_is_counted(tmp_path: Path, award: str) -> None:
    records, codes = _read(tmp_path, [["Nguyễn Văn An", "Tổ Toán", "Lao động tiên tiến"], ["Tổ Toán", "Trường A", award]])
    assert records == [("Nguyễn Văn An", "Lao động tiên tiến", "Cá nhân"), ("Tổ Toán", award.split(" của")[0], "Tập thể")]
    assert codes == []  # before: kind-mismatch, the collective not counted (exit 1)


def test_a_collectives_title_for_a_persons_name_is_still_a_kind_mismatch(tmp_path: Path) -> None:
    records, codes = _read(tmp_path, [["Nguyễn Văn An", "Tổ Toán", "Tập thể lao động tiên tiến"]])
    assert records == [] and codes == ["kind-mismatch"]


def test_a_collectives_title_under_a_section_of_persons_is_still_a_kind_mismatch(tmp_path: Path) -> None:
    rows = [["I. CÁ NHÂN"], [1, "Tổ Toán", "Trường A", "Tập thể lao động tiên tiến"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[HEADING], [], HEADER, *rows])])
    assert result.records.empty and [p.code for p in result.problems] == ["kind-mismatch"]


@pytest.mark.parametrize(
    ("heading", "header"),
    [
        ("DANH SÁCH HỘ GIA ĐÌNH ĐẠT DANH HIỆU GIA ĐÌNH VĂN HÓA NĂM 2021", HEADER),
        (HEADING, ["STT", "Họ và tên chủ hộ", "Thôn", "Danh hiệu"]),
        (HEADING, HEADER),
    ],
)
def test_households_listed_by_their_heads_name_are_households(tmp_path: Path, heading: str, header: list[str]) -> None:
    records, codes = _read(tmp_path, [["Nguyễn Văn An", "Thôn 1", "Gia đình văn hóa"], ["Lê Thị Bình", "Thôn 2", "Gia đình văn hóa"]], heading, header)
    assert [kind for _, _, kind in records] == ["Hộ gia đình", "Hộ gia đình"]
    assert codes == []  # before: kind-mismatch on every row ("không trao cho cá nhân")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("THCS Nguyễn Du", "Tập thể"),
        ("TH Kim Đồng", "Tập thể"),
        ("Mầm non Hoa Hồng", "Tập thể"),
        ("Tiểu học Lê Văn Tám", "Tập thể"),
        ("Bộ môn Hóa", "Tập thể"),
        ("Chuyền May 3", "Tập thể"),
        ("Gia đình ông Nguyễn Văn An", "Hộ gia đình"),
        ("Hộ bà Trần Thị Bình", "Hộ gia đình"),
    ],
)
def test_collectives_and_households_under_ho_va_ten_are_no_persons(tmp_path: Path, name: str, kind: str) -> None:
    records, _ = _read(tmp_path, [["Nguyễn Văn An", "Tổ Toán", "Giấy khen"], [name, "Xã A", "Giấy khen"]])
    assert records == [("Nguyễn Văn An", "Giấy khen", "Cá nhân"), (name, "Giấy khen", kind)]  # before: Cá nhân, exit 0
