"""What the officer reads: messages in the chosen language, errors that say how to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.conftest import SAMPLE, simple_sheet, write_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.cli.app import handled
from thidua_cli.validation import validate

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_reversed_year_range_suggests_the_fix():
    out = invoke("tally", "2020-2015", str(SAMPLE))
    assert out.exit_code == 2 and "năm đầu lớn hơn năm cuối; có phải 2015-2020?" in out.stderr
    out = invoke("tally", "2020-2015", str(SAMPLE), "--lang", "en")
    assert out.exit_code == 2 and "did you mean 2015-2020?" in out.stderr and "năm" not in out.stderr


def test_bad_years_follow_lang():
    out = invoke("export", "20x9", str(SAMPLE), "-o", "x.xlsx", "--lang", "en")
    assert out.exit_code == 2 and "invalid years: '20x9'" in out.stderr
    out = invoke("tally", "2019", str(SAMPLE), "--by", "nam", "--lang", "en")
    assert out.exit_code == 2 and "invalid --by: nam. Choose from" in out.stderr


def test_a_csv_file_says_how_to_convert_it(tmp_path: Path):
    path = tmp_path / "ds.csv"
    path.write_text("STT,Họ và tên\n1,Lê Văn An\n", encoding="utf-8")
    out = invoke("tally", "2020", str(path))
    assert out.exit_code == 2 and "mở bằng Excel và lưu thành .xlsx" in out.stderr


def test_password_protected_file_says_how_to_remove_the_password(tmp_path: Path):
    path = tmp_path / "khoa.xlsx"  # what Excel writes for an encrypted workbook: an OLE file with EncryptionInfo
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le"))
    (problem,) = load([path]).problems
    assert "Mã hoá bằng mật khẩu, xoá mật khẩu" in problem.message("vi")
    assert "Encrypt with Password, clear the password" in problem.message("en")
    out = invoke("validate", str(path))
    assert out.exit_code == 3 and "Mã hoá bằng mật khẩu" in out.stderr
    assert "Không phát hiện lỗi nào" not in out.stdout + out.stderr


def test_us_style_date_is_named(tmp_path: Path):
    row = [1, "Lê Văn An", "", "", "LĐTT", "", "12/QĐ-SLĐ ngày 12/25/2020", 2020]
    path = write_xlsx(tmp_path / "a.xlsx", simple_sheet([row], heading="DANH SÁCH KHEN THƯỞNG NĂM 2020"))
    findings = [f for f in validate(load([path])).findings if f.code == "bad-date"]
    assert findings and "ghi ngày/tháng/năm, ví dụ 25/12/2020" in findings[0].message("vi")
    assert "US-style" in findings[0].message("en")


def test_validate_on_an_empty_folder_says_only_the_error(tmp_path: Path):
    out = invoke("validate", str(tmp_path))
    assert out.exit_code == 3
    assert "Không phát hiện lỗi nào" not in out.stdout and out.stdout == ""
    assert "Không đọc được tệp bảng tính nào" in out.stderr


def test_ctrl_c_is_stopped_not_an_error(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(typer.Exit) as stopped, handled("vi"):
        raise KeyboardInterrupt
    assert stopped.value.exit_code == 130
    err = capsys.readouterr().err
    assert "Đã dừng." in err and "Lỗi" not in err


def test_history_merge_units_shows_the_unit_column():
    out = invoke("history", "Lương Xuân Nam", str(SAMPLE), "--merge-units")
    assert out.exit_code == 0
    assert "Đơn vị" in out.stdout and "2 đơn vị, gộp theo --merge-units" in out.stdout
    assert "CƠ SỞ CAI NGHIỆN MA TÚY SỐ 1" in out.stdout and "QUỸ BẢO TRỢ TRẺ EM" in out.stdout


def test_eligible_without_candidates_prints_only_the_sentence():
    out = invoke("eligible", "2010", str(SAMPLE))
    assert out.exit_code == 0 and out.stdout.strip() == "Không có ai đủ điều kiện theo danh sách (năm 2010)."


def test_every_message_follows_lang(tmp_path: Path):
    out = invoke("tally", "2015-2020", str(SAMPLE), "--lang", "en")
    assert "EMULATION TITLES" in out.stdout and "DANH HIỆU THI ĐUA" not in out.stdout
    assert "… and 14 more" in out.stderr and "dòng khác" not in out.stderr
    out = invoke("export", "2019", str(SAMPLE), "-o", str(tmp_path / "e.xlsx"), "--lang", "en", "-q")
    assert out.exit_code == 0 and "Wrote" in out.stderr and "Đã ghi" not in out.stderr
    assert invoke("cache", "path", "--lang", "en").exit_code == 0
    out = invoke("eligible", "2020", str(SAMPLE), "--lang", "en")
    assert "to verify:" in out.stdout and "cần xác minh" not in out.stdout


def test_sheet_noun_and_plurals():
    out = invoke("tally", "2015-2020", str(SAMPLE))
    assert "… và 14 trang tính khác" in out.stderr
    out = invoke("tally", "2018", str(SAMPLE / "ke-hoach-thi-dua-2019.xlsx"), "--lang", "en")
    assert "Read 1 file," in out.stderr


def test_tally_help_lists_every_exit_code():
    out = invoke("tally", "--help")
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130 "):
        assert f"{code}" in out.stdout
    assert "Ctrl-C" in out.stdout and "--debug" in out.stdout


def test_parser_messages_are_vietnamese_by_default():
    out = invoke("tally")
    assert out.exit_code == 2
    assert "Thiếu đối số 'years'." in out.stderr and "Missing argument" not in out.stderr
    assert "Cách dùng: thidua tally" in out.stderr and "─ Lỗi ─" in out.stderr
    out = invoke("tally", "2019", "--format", "pdf")
    assert out.exit_code == 2 and "Giá trị không hợp lệ cho '--format'" in out.stderr
    assert "'pdf' không phải một trong 'table'" in out.stderr
    out = invoke("tally", "2019", "--khong-co")
    assert out.exit_code == 2 and "Không có tuỳ chọn --khong-co" in out.stderr
    out = invoke("validate", "--help")
    assert "[bắt buộc]" in out.stdout and "Hiện hướng dẫn này rồi thoát." in out.stdout
    assert "─ Tuỳ chọn ─" in out.stdout and "─ Đối số ─" in out.stdout
    assert "Show this message" not in out.stdout and "[required]" not in out.stdout


def test_parser_messages_and_help_in_english_with_lang_en():
    out = invoke("tally", "--lang", "en")
    assert out.exit_code == 2 and "Missing argument 'years'." in out.stderr and "Usage:" in out.stderr
    out = invoke("tally", "--help", "--lang", "en")
    assert "Show this message and exit." in out.stdout and "[required]" in out.stdout
    assert "Count emulation titles" in out.stdout and "Years to count" in out.stdout
    assert "Đếm số lượt" not in out.stdout
    out = invoke("--lang", "en", "--help")
    assert out.exit_code == 0 and "Write the Excel summary" in out.stdout and "─ Commands ─" in out.stdout
    out = invoke("cache", "path", "-h")  # back to Vietnamese in the same process
    assert "Hiện hướng dẫn này rồi thoát." in out.stdout and "─ Tuỳ chọn ─" in out.stdout


def test_every_command_has_english_help():
    from thidua_cli.cli.app import COMMANDS
    from thidua_cli.cli.language import english_help

    for name in COMMANDS:
        out = invoke(name, "--help", "--lang", "en")
        assert out.exit_code == 0, name
        assert english_help(name).get("text"), name
        assert "Ví dụ" not in out.stdout and "mặc định" not in out.stdout, name


def _narrow(*args: str, width: int = 80):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": str(width)})


def test_tally_table_fits_80_columns_with_every_year():
    out = _narrow("tally", "2015-2020", str(SAMPLE), "-q")
    lines = out.stdout.splitlines()
    assert out.exit_code == 0 and max(len(line) for line in lines) <= 80
    assert "…" not in out.stdout  # nothing cut off
    header = next(line for line in lines if "2016" in line and "Tổng" in line)
    assert all(str(y) in header for y in range(2015, 2021)) and "Tổng" in header
    row = next(line for line in lines if line.lstrip().startswith("Lao động tiên tiến"))
    assert row.split()[-7:] == ["498", "532", "565", "565", "565", "598", "3.323"]
    assert "5.874" in next(line for line in lines if "Tổng cộng" in line)
    assert "CN: cá nhân" in out.stdout  # the abbreviated kinds are explained


def test_tally_table_drops_year_columns_before_it_cuts_anything():
    out = _narrow("tally", "2015-2020", str(SAMPLE), "-q", width=50)
    assert max(len(line) for line in out.stdout.splitlines()) <= 50 and "…" not in out.stdout
    assert "2016" not in out.stdout and "5.874" in out.stdout and "--format csv" in out.stdout


def test_findings_are_a_list_on_a_narrow_terminal(tmp_path: Path):
    row = [1, "Lê Văn An", "", "", "Lao đông tiên tiếng", "", "12/QĐ-SLĐ ngày 12/25/2020", 2020]
    write_xlsx(tmp_path / "a.xlsx", simple_sheet([row], heading="DANH SÁCH KHEN THƯỞNG NĂM 2020"))
    out = _narrow("validate", str(tmp_path))
    assert out.exit_code == 1 and "┃" not in out.stdout
    assert max(len(line.rstrip()) for line in out.stdout.splitlines()) <= 80
    assert "• Dòng 6 · E6" in out.stdout and "unknown-award" in out.stdout
    assert "  Giá trị: Lao đông tiên tiếng" in out.stdout
    wide = _narrow("validate", str(tmp_path), width=160)
    assert "┃" in wide.stdout  # the table where there is room


def test_history_and_eligible_fit_80_columns():
    for args in (("history", "nguyen kim nga", str(SAMPLE)), ("eligible", "2020", str(SAMPLE))):
        out = _narrow(*args)
        assert out.exit_code == 0 and out.stdout
        assert max(len(line.rstrip()) for line in out.stdout.splitlines()) <= 80, args
        assert "…" not in out.stdout.replace("……", ""), args
