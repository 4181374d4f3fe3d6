"""A column hidden in Excel is read as the sheet shows it — empty — and said (hidden-columns,
a warning): last year's "Danh hiệu" hidden beside this year's counted every row twice."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.sheet_xml import hidden_ranges

PEOPLE = ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"]


def _book(path: Path, sheet: str, hide: str | None, extra: object = "Chiến sĩ thi đua cơ sở") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["DANH SÁCH KHEN THƯỞNG NĂM 2019"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Danh hiệu", "Danh hiệu"])
    for i, name in enumerate(PEOPLE, 1):
        ws.append([i, name, "Giáo viên", "Lao động tiên tiến", extra])
    if hide:
        ws.column_dimensions.group(hide, hide, hidden=True)
    wb.save(path)
    return path


def test_a_hidden_award_column_is_not_read_and_is_said(tmp_path: Path) -> None:
    path = _book(tmp_path / "a.xlsx", "DS 2019 & 2020", "E")  # "&": an XML entity in workbook.xml
    result = load([path])
    assert sorted(zip(result.records["name"], result.records["award"].astype(str), strict=True)) == [
        (name, "Lao động tiên tiến") for name in sorted(PEOPLE)
    ]
    assert [(p.code, p.sheet, p.value) for p in result.problems] == [("hidden-columns", "DS 2019 & 2020", "E")]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "csv", "--lang", "en"])
    assert out.exit_code == 0 and "2019,Lao động tiên tiến,Cơ sở,Cá nhân,3" in out.stdout
    assert "hidden in Excel" in out.stderr


def test_the_same_sheet_shown_counts_both_columns(tmp_path: Path) -> None:
    result = load([_book(tmp_path / "a.xlsx", "DS", None)])
    assert len(result.records) == 6 and result.problems == []


def test_an_empty_hidden_column_is_no_finding(tmp_path: Path) -> None:
    result = load([_book(tmp_path / "a.xlsx", "DS", "F")])
    assert len(result.records) == 6 and result.problems == []


def test_hidden_runs_are_read_from_the_sheets_first_bytes() -> None:
    head = b'<worksheet><cols><col min="2" max="2" width="9"/><col min="5" max="7" hidden="1"/><col min="9" max="16384" hidden="true" width="0"/></cols>'
    assert hidden_ranges(head) == ((4, 6), (8, 16383))
    assert hidden_ranges(b"<worksheet><sheetData>") == ()
