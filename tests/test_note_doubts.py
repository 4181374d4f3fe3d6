"""Notes that clerks type beside a name: "Kỷ luật khiển trách", "Đang bị thanh tra" make the award
doubtful (no award while disciplined or inspected: NĐ 152/2025/NĐ-CP) and the row is reported
doubtful-note, not counted; "Không công nhận", "Chưa xét" are not-awarded; "Không bị kỷ luật",
"Chuyển công tác", "Nghỉ hưu" change nothing. Before, all were counted, exit 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

HEADING = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"


def _book(tmp_path: Path, notes: list[str | None]) -> Path:
    rows = [[i, f"Trần Văn Cường{i}", "Chuyên viên", "LĐTT", n] for i, n in enumerate(notes, 1)]
    return write_xlsx(tmp_path / "ds.xlsx", [[HEADING], [], ["STT", "Họ và tên", "Chức vụ", "Danh hiệu", "Ghi chú"], *rows])


@pytest.mark.parametrize(
    "note", ["Kỷ luật", "Kỷ luật khiển trách", "Bị kỷ luật cảnh cáo năm 2019", "Đang bị thanh tra", "Khiển trách", "kỉ luật"]
)
def test_a_note_of_discipline_keeps_the_row_out_and_says_why(tmp_path: Path, note: str) -> None:
    path = _book(tmp_path, [None, note, None])
    result = load([path])
    assert sorted(result.records["name"]) == ["Trần Văn Cường1", "Trần Văn Cường3"]
    assert [(p.code, p.row, p.value, p.column) for p in result.problems] == [("doubtful-note", 5, note, "Ghi chú")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "json", "--lang", "en"])
    assert out.exit_code == 1 and json.loads(out.stdout)["total"] == 2  # before: 3, exit 0


@pytest.mark.parametrize(
    "note",
    [
        "Không bị kỷ luật",
        "Không vi phạm kỷ luật",
        "Hết thời hạn kỷ luật",
        "Chấp hành tốt kỷ luật lao động",
        "Chuyển công tác",
        "Nghỉ hưu từ 01/7/2019",
        # review: read as discipline, the rows lost
        "Không bị xử lý kỷ luật",
        "Không có hình thức kỷ luật",
        "Kỷ luật: không",
        "Chưa có hình thức kỷ luật nào",
        "Thành viên Hội đồng xử lý kỷ luật",
        "Kỷ luật khiển trách năm 2015, đã hết thời hạn",
    ],
)
def test_other_notes_change_nothing(tmp_path: Path, note: str) -> None:
    result = load([_book(tmp_path, [note, None])])
    assert len(result.records) == 2 and result.problems == []


def test_notes_saying_not_recognised_or_not_yet_considered_are_not_awarded(tmp_path: Path) -> None:
    result = load([_book(tmp_path, ["Không công nhận", None, "Chưa xét", "Không được công nhận"])])
    assert list(result.records["name"]) == ["Trần Văn Cường2"]
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [
        ("not-awarded", 4, "không đạt", "2"),
        ("not-awarded", 6, "chưa đạt", "1"),
    ]
