"""Rows as clerks type them, probed on lists the reader never saw: ditto marks of other spellings,
a second list titled inside the first one's table, a list run on onto a second sheet without its
header. Each test asserts what an officer counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from tests.conftest import write_xlsx
from thidua_cli import load

TOP: list[list[Any]] = [["SỞ Y TẾ TỈNH X", None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["BỆNH VIỆN ĐA KHOA"], []]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]


def _counts(path: Path) -> Counter[tuple[str, str]]:
    frame = load([path]).records
    return Counter(zip(frame["award"].astype(str), frame["kind"].astype(str), strict=True))


def test_dito_and_other_ditto_spellings_repeat_the_award_above(tmp_path: Path) -> None:
    marks = ["Giấy khen", "-do-", "do", "〃", "- nt -", "D.o"]
    rows = [[i, f"Phan Văn Khoa{i}", "Bác sĩ", m] for i, m in enumerate(marks, 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [*TOP, ["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], HEADER, *rows])
    assert _counts(path) == {("Giấy khen", "Cá nhân"): 6}  # before: "-do-", "do", "D.o" unknown awards
    assert load([path]).problems == []
