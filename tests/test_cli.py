"""The command line: exit codes, messages, languages, help text and the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, simple_sheet, write_xlsx
from thidua_cli.cli import app
from thidua_cli.cli.app import COMMANDS
from thidua_cli.tally import parse_years

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_xlsx(
        tmp_path / "a.xlsx",
        simple_sheet([[1, "Lê Văn An", "", "", "LĐTT", "", "", 2018], [2, "Lê B", "", "", "LĐTT", "", "", 2014]]),
    )
    return tmp_path


def test_parse_years():
    assert parse_years("2015-2017") == [2015, 2016, 2017]
    assert parse_years("2015,2017-2018") == [2015, 2017, 2018]
    assert parse_years("2019") == [2019]


def test_clean_run_exits_0_and_table_is_vietnamese(folder: Path):
    out = invoke("tally", "2015-2020", str(folder))
    assert out.exit_code == 0
    assert "Danh hiệu / hình thức" in out.stdout and "Lao động tiên tiến" in out.stdout
    assert "1 bản ghi ngoài các năm đã chọn" in out.stderr


def test_english_interface(folder: Path):
    out = invoke("tally", "2018", str(folder), "--lang", "en")
    assert out.exit_code == 0
    assert "Award" in out.stdout and "Lao động tiên tiến" in out.stdout
    assert "Read 1 file, 1 table in 1 sheet" in out.stderr  # singular nouns for one


def test_lang_before_the_command_is_the_commands_language(folder: Path):
    before = invoke("--lang", "en", "tally", "2018", str(folder))
    assert before.exit_code == 0 and "Award" in before.stdout and "Read 1 file" in before.stderr
    validate = invoke("--lang", "en", "validate", str(folder))
    assert "No problems found" in validate.stdout
    own = invoke("--lang", "en", "tally", "2018", str(folder), "--lang", "vi")  # the last one said wins
    assert "Danh hiệu / hình thức" in own.stdout


def test_findings_exit_1_with_file_sheet_row(folder: Path):
    (folder / "hong.xlsx").write_bytes(b"garbage")
    write_xlsx(folder / "b.xlsx", simple_sheet([[1, "X", "", "", "Danh hiệu lạ", "", "", 2018]]))
    out = invoke("tally", "2018", str(folder), "--format", "csv", "--problems", str(folder / "p.csv"))
    assert out.exit_code == 1
    assert out.stdout == "year,award,level,kind,count\n2018,Lao động tiên tiến,Cơ sở,Cá nhân,1\n"
    assert "hong.xlsx" in out.stderr and "b.xlsx › Sheet1 › 6" in out.stderr and "Traceback" not in out.output
    report = (folder / "p.csv").read_text(encoding="utf-8-sig")
    assert "unreadable" in report and "unknown-award" in report


def test_usage_errors_exit_2(folder: Path):
    assert invoke("tally", "20x", str(folder)).exit_code == 2
    assert invoke("tally", "2018", str(folder), "--by", "colour").exit_code == 2
    out = invoke("tally", "2018", str(folder / "khong-co"))
    assert out.exit_code == 2 and "Không tìm thấy" in out.stderr


def test_nothing_readable_exits_3(tmp_path: Path):
    (tmp_path / "hong.xlsx").write_bytes(b"garbage")
    out = invoke("tally", "2018", str(tmp_path))
    assert out.exit_code == 3
    assert "Không đọc được" in out.stderr


def test_output_file_and_input_untouched(folder: Path):
    before = (folder / "a.xlsx").read_bytes()
    out = invoke("tally", "2018", str(folder), "--format", "json", "-o", str(folder / "kq.json"))
    assert out.exit_code == 0
    assert '"count": 1' in (folder / "kq.json").read_text(encoding="utf-8")
    assert (folder / "a.xlsx").read_bytes() == before


def test_catalogue_option_adds_aliases(folder: Path, tmp_path: Path):
    write_xlsx(folder / "c.xlsx", simple_sheet([[1, "X", "", "", "Lao động giỏi", "", "", 2018]]))
    assert invoke("tally", "2018", str(folder), "-q").exit_code == 1
    extra = tmp_path / "rieng.toml"
    extra.write_text('[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n', encoding="utf-8")
    out = invoke("tally", "2018", str(folder), "-q", "--format", "csv", "--catalogue", str(extra))
    assert out.exit_code == 0 and out.stdout.endswith("Lao động tiên tiến,Cơ sở,Cá nhân,2\n")
    listing = invoke("catalogue", "--catalogue", str(extra), "--format", "json")
    assert "Lao động giỏi" in listing.stdout


def test_bad_catalogue_file_is_a_message_not_a_traceback(folder: Path, tmp_path: Path):
    extra = tmp_path / "sai.toml"
    extra.write_text("[[award]\n", encoding="utf-8")
    out = invoke("tally", "2018", str(folder), "--catalogue", str(extra))
    assert out.exit_code == 2 and "sai.toml" in out.stderr and "Traceback" not in out.output


def commands() -> list[str]:
    return sorted(COMMANDS)  # each command's module is imported when the command is used


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {"catalogue", "tally", "validate"} <= set(commands())
    for name in commands():
        out = invoke(name, "--help")
        assert out.exit_code == 0
        assert "Ví dụ" in out.stdout
        assert re.search(rf"thidua {name}\b", readme), name


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, flags=re.S)
    assert "thidua tally 2015-2020 sample_data" in blocks[0]
    assert "pytest" in blocks[1]
    assert (ROOT / ".ci" / "run").read_text().count("pytest") >= 1


def test_catalogue_file_in_the_working_directory(folder: Path, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    write_xlsx(folder / "c.xlsx", simple_sheet([[1, "X", "", "", "Lao động giỏi", "", "", 2018]]))
    work = tmp_path / "work"
    work.mkdir()
    (work / "thidua-catalogue.toml").write_text(
        '[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(work)
    out = invoke("tally", "2018", str(folder), "-q", "--format", "csv")
    assert out.exit_code == 0 and out.stdout.endswith("Lao động tiên tiến,Cơ sở,Cá nhân,2\n")
