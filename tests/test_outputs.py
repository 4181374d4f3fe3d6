"""Issue 14, points 3–5: outputs never touch inputs, are written whole, and hold text that cannot hurt."""

from __future__ import annotations

import errno
from pathlib import Path

import openpyxl
import pytest
import xlwt
from typer.testing import CliRunner

from tests.conftest import simple_sheet, write_xlsx
from tests.hostile import AWARD_ROWS, raw_xlsx
from thidua_cli.cli import app
from thidua_cli.outputs import OutputError, write_file, write_text

RUN = CliRunner()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "nop"
    rows = simple_sheet([[1, "Lê Văn An", "Chuyên viên", "=1+1", "LĐTT", "", "", 2018]])
    write_xlsx(folder / "ds.xlsx", rows)
    write_xlsx(folder / "a" / "ds.xlsx", simple_sheet([[1, "Trần Bình", "", "@SUM(A1)", "Danh hiệu lạ", "", "", 2018]]))
    write_xlsx(folder / "bao-cao.xlsx", simple_sheet([[1, "Mai Lan", "", "", "Danh hiệu lạ", "", "", 2018]]))
    book = xlwt.Workbook()
    sheet = book.add_sheet("2018")
    for c, value in enumerate(["STT", "Họ và tên", "Danh hiệu", "Năm"]):
        sheet.write(0, c, value)
    for c, value in enumerate([1, "Lê Văn An", "Danh hiệu lạ", 2018]):
        sheet.write(1, c, value)
    book.save(str(folder / "bao-cao.xls"))
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "args",
    [
        ["tally", "2018", "{f}", "-f", "csv", "-o", "{f}/ds.xlsx"],
        ["tally", "2018", "{f}", "-f", "json", "-o", "{f}/a/ds.xlsx"],
        ["tally", "2018", "{f}", "-f", "xlsx", "-o", "{f}/bao-cao.xlsx"],
        ["tally", "2018", "{f}", "-o", "{f}/ds.xlsx", "--force"],
        ["tally", "2018", "{f}", "--problems", "{f}/bao-cao.xls", "--force"],
        ["export", "2018", "{f}", "-o", "{f}/ds.xlsx", "--force"],
        ["report", "2018", "{f}", "-o", "{f}/ds.xlsx", "--force"],
        ["report", "2018", "{f}", "-f", "docx", "-o", "{f}/a/../ds.xlsx", "--force"],
    ],
)
def test_an_output_onto_an_input_is_refused(tmp_path: Path, args: list[str]):
    folder = _folder(tmp_path)
    before = _snapshot(folder)
    result = RUN.invoke(app, [a.replace("{f}", str(folder)) for a in args])
    assert result.exit_code == 2, result.output
    assert "đang được đọc" in result.output
    assert _snapshot(folder) == before


def test_an_existing_file_needs_force(tmp_path: Path):
    folder = _folder(tmp_path)
    target = tmp_path / "tong-hop.csv"
    target.write_text("cũ")
    refused = RUN.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-o", str(target)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert target.read_text() == "cũ"
    forced = RUN.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-o", str(target), "--force"])
    assert forced.exit_code == 1, forced.output
    assert target.read_text().startswith("year,award,level,kind,count")
    template = tmp_path / "mau.xlsx"
    assert RUN.invoke(app, ["template", "-o", str(template)]).exit_code == 0
    assert RUN.invoke(app, ["template", "-o", str(template)]).exit_code == 2
    assert RUN.invoke(app, ["template", "-o", str(template), "--force"]).exit_code == 0


def test_missing_folders_are_created_and_os_errors_are_usage_errors(tmp_path: Path):
    folder = _folder(tmp_path)
    deep = tmp_path / "ket-qua" / "2018" / "tong-hop.json"
    assert RUN.invoke(app, ["tally", "2018", str(folder), "-f", "json", "-o", str(deep)]).exit_code == 1
    assert deep.exists()
    blocker = tmp_path / "tep.txt"
    blocker.write_text("x")
    result = RUN.invoke(app, ["export", "2018", str(folder), "-o", str(blocker / "out.xlsx")])
    assert result.exit_code == 2, result.output
    assert "không ghi được" in result.output and "không mong đợi" not in result.output


def test_a_failed_write_leaves_the_previous_file_and_no_partial_one(tmp_path: Path):
    target = tmp_path / "tong-hop.csv"
    target.write_text("bản trước")

    def disk_full(path: str) -> None:
        Path(path).write_text("một nửa")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_file(target, disk_full)
    assert target.read_text() == "bản trước"
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.csv"]

    def interrupted(path: str) -> None:
        Path(path).write_text("một nửa")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_file(target, interrupted)
    assert target.read_text() == "bản trước"
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.csv"]
    write_text(target, "bản mới")
    assert target.read_text() == "bản mới"


def test_the_tools_own_workbooks_are_skipped_on_input(tmp_path: Path):
    folder = _folder(tmp_path)
    first = RUN.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-q"])
    assert RUN.invoke(app, ["export", "2018", str(folder), "-o", str(folder / "tong-hop.xlsx")]).exit_code == 1
    assert RUN.invoke(app, ["tally", "2018", str(folder), "-f", "xlsx", "-o", str(folder / "t.xlsx")]).exit_code == 1
    again = RUN.invoke(app, ["tally", "2018", str(folder), "-f", "csv"])
    assert again.stdout == first.stdout  # not doubled
    assert "Bỏ qua 2 tệp do thidua tạo ra" in again.stderr
    book = openpyxl.load_workbook(folder / "t.xlsx")  # a person edits the summary and saves it
    book.properties.lastModifiedBy = "Nguyễn Văn Cán bộ"
    book.save(folder / "t.xlsx")
    assert "Bỏ qua 1 tệp do thidua tạo ra" in RUN.invoke(app, ["tally", "2018", str(folder)]).stderr


def test_annotated_copies_into_the_input_folder_never_replace_an_input(tmp_path: Path):
    folder = _folder(tmp_path)
    before = _snapshot(folder)
    result = RUN.invoke(app, ["validate", str(folder), "--annotate", str(folder)])
    assert result.exit_code == 1, result.output
    after = _snapshot(folder)
    assert {k: v for k, v in after.items() if k in before} == before
    assert sorted(set(after) - set(before)) == ["bao-cao-2.xlsx", "bao-cao-3.xlsx", "ds-2.xlsx"]
    again = RUN.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-q"])
    assert "own-output" not in again.stdout and again.exit_code == 1
    assert RUN.invoke(app, ["validate", str(folder), "--annotate", str(folder), "--force"]).exit_code == 1
    assert len(_snapshot(folder)) == len(after)  # with --force its own copies are replaced, not numbered on


def test_csv_cells_that_would_run_as_formulas(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    cells = {**AWARD_ROWS, "D3": "Đơn vị", "D4": "=1+1", "D5": "@SUM(A1)", "C5": "Danh hiệu lạ"}
    raw_xlsx(folder / "=1+1.xlsx", cells, sheet_name="=HYPERLINK(A1)")
    safe = RUN.invoke(app, ["tally", "2018", str(folder), "--by", "unit", "-f", "csv"])
    assert "'=1+1,1" in safe.stdout.splitlines()
    raw = RUN.invoke(app, ["tally", "2018", str(folder), "--by", "unit", "-f", "csv", "--raw-csv"])
    assert "=1+1,1" in raw.stdout.splitlines()
    problems = tmp_path / "loi.csv"
    RUN.invoke(app, ["tally", "2018", str(folder), "--problems", str(problems), "-q"])
    import csv

    cells_written = [cell for row in csv.reader(problems.open(encoding="utf-8-sig")) for cell in row]
    assert "'=HYPERLINK(A1)" in cells_written
    assert not [cell for cell in cells_written if cell.startswith(("=", "+", "-", "@"))]
    copies = tmp_path / "tra-lai"
    assert RUN.invoke(app, ["validate", str(folder), "--annotate", str(copies)]).exit_code == 1
    summary = openpyxl.load_workbook(copies / "=1+1.xlsx")["Kết quả kiểm tra"]
    assert all(c.data_type != "f" for row in summary.iter_rows() for c in row)
    assert "=HYPERLINK(A1)" in [c.value for c in summary["B"]]


def test_control_characters_in_cells_are_replaced_when_writing_workbooks(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    raw_xlsx(folder / "ctl.xlsx", {**AWARD_ROWS, "B4": "Lê_x0001_Văn An", "C5": "Lao động tiên tiến_x0001_x"})
    out = tmp_path / "tong-hop.xlsx"
    result = RUN.invoke(app, ["export", "2018", str(folder), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.output.count("ký tự điều khiển") == 1
    data = openpyxl.load_workbook(out)["Dữ liệu"]
    assert "Lê\ufffdVăn An" in [c.value for c in data["D"]]
    assert RUN.invoke(app, ["tally", "2018", str(folder), "-f", "xlsx", "-o", str(tmp_path / "t.xlsx")]).exit_code == 1
    copies = tmp_path / "tra-lai"
    annotated = RUN.invoke(app, ["validate", str(folder), "--annotate", str(copies)])
    assert annotated.exit_code == 1, annotated.output
    assert [p.name for p in copies.iterdir()] == ["ctl.xlsx"]
    summary = openpyxl.load_workbook(copies / "ctl.xlsx")["Kết quả kiểm tra"]
    assert any("\ufffd" in str(c.value) for row in summary.iter_rows() for c in row)


def test_a_file_size_limit_leaves_the_previous_output(tmp_path: Path):
    import os
    import resource
    import subprocess
    import sys

    folder = _folder(tmp_path)
    out = tmp_path / "tong-hop.xlsx"
    out.write_text("bản trước")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    command = [sys.executable, "-m", "thidua_cli", "export", "2018", str(folder), "-o", str(out), "--force"]
    env = {**os.environ, "THIDUA_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run(command, capture_output=True, text=True, preexec_fn=small_files, env=env, timeout=60)
    assert run.returncode == 2, run.stderr
    assert "không ghi được" in run.stderr and "Traceback" not in run.stderr
    assert out.read_text() == "bản trước"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "nop", "tong-hop.xlsx"]


def test_history_and_eligible_csv_are_safe_too(tmp_path: Path):
    folder = tmp_path / "nop"
    folder.mkdir()
    raw_xlsx(folder / "ds.xlsx", {**AWARD_ROWS, "D3": "Đơn vị", "D4": "=cmd|' /C calc'!A0"})
    out = RUN.invoke(app, ["history", "Lê Văn An", str(folder), "-f", "csv"])
    assert "'=cmd|' /C calc'!A0" in out.stdout
    raw = RUN.invoke(app, ["history", "Lê Văn An", str(folder), "-f", "csv", "--raw-csv"])
    assert ",=cmd|' /C calc'!A0," in raw.stdout
