"""The council's result beside each name, as clerks mark it: a column headed "Đạt" with x, a
"Kết quả" column saying "Không" or "K", or "Đạt" | "Không đạt" ticked under "Kết quả". A row not
achieved is not counted (not-awarded, as "Không đạt" already was); a row left blank among marks is
unclear-result (an error). Before, every such row was counted, exit 0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

HEADING = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"


def _book(tmp_path: Path, header: list[list[Any]], marks: list[tuple[Any, ...]], merges: tuple[str, ...] = ()) -> Path:
    rows = [[i, f"Lê Thị Bình{i}", "Lao động tiên tiến", *m] for i, m in enumerate(marks, 1)]
    return write_xlsx(tmp_path / "ds.xlsx", [[HEADING], [], *header, *rows], merges=merges)


def _found(path: Path) -> tuple[list[str], list[tuple[str, int, str | None]]]:
    result = load([path])
    return sorted(result.records["name"]), [(p.code, p.row or 0, p.value) for p in result.problems]


@pytest.mark.parametrize("label", ["Đạt", "Kết quả", "Kết quả bình xét"])
def test_a_column_of_marks_keeps_rows_not_achieved_out(tmp_path: Path, label: str) -> None:
    marks = [("x",), ("Đạt",), ("Không",), ("K",), ("không công nhận",), ("x",), ("Chưa xét",)]  # rows 4–10
    path = _book(tmp_path, [["STT", "Họ và tên", "Danh hiệu", label]], marks)
    names, problems = _found(path)
    assert names == ["Lê Thị Bình1", "Lê Thị Bình2", "Lê Thị Bình6"]  # before: all 7 (with "Đạt": its column unread)
    assert problems == [("not-awarded", 6, "không đạt"), ("not-awarded", 10, "chưa đạt")]
    assert load([path]).problems[0].detail == "3"


def test_a_blank_result_among_marks_is_unclear_and_not_counted(tmp_path: Path) -> None:
    path = _book(tmp_path, [["STT", "Họ và tên", "Danh hiệu", "Đạt"]], [("x",), (None,), ("x",), ("không",)])
    names, problems = _found(path)
    assert names == ["Lê Thị Bình1", "Lê Thị Bình3"]
    assert problems == [("unclear-result", 5, "Lê Thị Bình2"), ("not-awarded", 7, "không đạt")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 1 and json.loads(out.stdout)["total"] == 2
    assert "result unclear: 1" in out.stderr


def test_ticks_under_a_result_group_say_which_result(tmp_path: Path) -> None:
    header = [["STT", "Họ và tên", "Danh hiệu", "Kết quả", None], [None, None, None, "Đạt", "Không đạt"]]
    marks = [("x", None), ("x", None), (None, "x"), (None, None), ("x", "x"), ("x", None)]
    path = _book(tmp_path, header, marks, merges=("D3:E3", "A3:A4", "B3:B4", "C3:C4"))
    names, problems = _found(path)
    assert names == ["Lê Thị Bình1", "Lê Thị Bình2", "Lê Thị Bình6"]  # before: all 6
    assert sorted(problems, key=lambda p: p[1]) == [
        ("not-awarded", 7, "không đạt"),
        ("unclear-result", 8, "Lê Thị Bình4"),
        ("unclear-result", 9, "Lê Thị Bình5"),
    ]


def test_a_result_column_of_other_words_changes_nothing(tmp_path: Path) -> None:
    marks = [("Hoàn thành xuất sắc nhiệm vụ",), (None,), ("Hoàn thành tốt nhiệm vụ",)]
    path = _book(tmp_path, [["STT", "Họ và tên", "Danh hiệu", "Kết quả"]], marks)
    names, problems = _found(path)
    assert len(names) == 3 and problems == []


def test_a_mark_followed_by_votes_or_a_reason_is_read_by_its_first_words(tmp_path: Path) -> None:
    marks = [("Đạt 15/15",), ("Không đạt (3/15 phiếu)",), ("Không nhất trí",), ("Không đạt do nghỉ sinh",), ("Nhất trí",)]
    path = _book(tmp_path, [["STT", "Họ và tên", "Danh hiệu", "Kết quả"]], marks)
    names, problems = _found(path)
    assert names == ["Lê Thị Bình1", "Lê Thị Bình5"]  # before: all five counted
    assert problems == [("not-awarded", 5, "không đạt")]


@pytest.mark.parametrize(
    "grades",
    [["T", "K", "T", "Khá", "Tốt", "K"], ["Loại 1", "Loại 1", "Loại 2", "Loại A"], ["x", "Khá", "1", "Tốt"]],
)
def test_grades_in_a_result_column_are_no_verdict_and_every_row_counts(tmp_path: Path, grades: list[str]) -> None:
    """Review: "K" (Khá) and "Loại 1" beside other texts were read as "không đạt": rows lost, exit 0."""
    path = _book(tmp_path, [["STT", "Họ và tên", "Danh hiệu", "Kết quả"]], [(g,) for g in grades])
    names, problems = _found(path)
    assert len(names) == len(grades) and problems == []


def test_a_spelt_out_verdict_beside_other_texts_still_counts(tmp_path: Path) -> None:
    marks = [("Hoàn thành xuất sắc nhiệm vụ",), ("Không đạt",), ("K",), ("Hoàn thành tốt nhiệm vụ",)]
    path = _book(tmp_path, [["STT", "Họ và tên", "Danh hiệu", "Kết quả"]], marks)
    names, problems = _found(path)
    assert names == ["Lê Thị Bình1", "Lê Thị Bình3", "Lê Thị Bình4"] and problems == [("not-awarded", 5, "không đạt")]


def test_two_result_columns_of_their_own_are_no_ticks(tmp_path: Path) -> None:
    """Review: "Kết quả" (a rating) beside "Kết quả bình xét" ("Đạt") made every row unclear-result."""
    header = [["STT", "Họ và tên", "Danh hiệu", "Kết quả", "Kết quả bình xét"]]
    marks = [("Hoàn thành xuất sắc nhiệm vụ", "Đạt"), ("Hoàn thành tốt nhiệm vụ", "Đạt"), ("Hoàn thành nhiệm vụ", "Không đạt")]
    names, problems = _found(_book(tmp_path, header, marks))
    assert names == ["Lê Thị Bình1", "Lê Thị Bình2"] and problems == [("not-awarded", 6, "không đạt")]
