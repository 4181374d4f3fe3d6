"""Start-up: what a start imports, the built catalogue kept between runs, and workers started
by spawn (Windows, macOS)."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua_cli import load
from thidua_cli.cache import Cache
from thidua_cli.catalogue import _source_texts, fingerprint_of, load_catalogue, uncached_catalogue
from thidua_cli.catalogue_store import CatalogueStore
from thidua_cli.cli import app
from thidua_cli.cli.app import COMMANDS

from .conftest import SAMPLE, simple_sheet, write_xlsx

HEAVY = ("pandas", "numpy", "openpyxl", "pyarrow", "python_calamine", "duckdb")
COMMAND_MODULES = tuple(sorted({f"thidua_cli.cli.{entry.module}" for entry in COMMANDS.values()}))
HELP = ("typer.rich_utils", "rich.markdown")  # Typer's help and error formatting, and what it pulls in
READER = ("thidua_cli.catalogue", "thidua_cli.rendering", "thidua_cli.inspection", "thidua_cli.loading")
WATCHED = (*HEAVY, *HELP, *READER, "rich", "rich.console", *COMMAND_MODULES)


def _imported(code: str, tmp_path: Path) -> dict[str, bool]:
    """Which modules a fresh interpreter holds after `code` (run with the cache in tmp_path)."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {WATCHED!r}}}))"
    env = {**os.environ, "THIDUA_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout
    result: dict[str, bool] = json.loads(out.strip().splitlines()[-1])
    return result


def test_importing_the_cli_imports_no_data_library_nor_the_catalogue(tmp_path: Path):
    found = _imported("import thidua_cli.cli.app", tmp_path)
    assert [m for m, there in found.items() if there] == []


def _run(argv: list[str], tmp_path: Path) -> dict[str, bool]:
    """What `thidua ARGV` imports, in a fresh interpreter."""
    code = f"import sys\nfrom thidua_cli.cli import main\nsys.argv = ['thidua', *{argv!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass"
    return _imported(code, tmp_path)


def test_help_and_an_empty_folder_import_no_data_library(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    for argv in (["--help"], ["tally", "--help"], ["tally", "2015-2020", str(tmp_path / "empty"), "-q"]):
        found = _run(argv, tmp_path)
        assert [m for m in HEAVY if found[m]] == [], argv


def test_the_root_help_imports_no_command_and_a_command_only_its_own(tmp_path: Path):
    for argv in (["--help"], ["--lang", "en", "-h"], [], ["talyl"]):  # `talyl`: a command suggested, none built
        found = _run(argv, tmp_path)
        assert [m for m in COMMAND_MODULES if found[m]] == [], argv
    (tmp_path / "empty").mkdir()
    for argv in (["tally", "2015-2020", str(tmp_path / "empty"), "-q"], ["cache", "--help"], ["history", "--help"]):
        found = _run(argv, tmp_path)
        own = f"thidua_cli.cli.{COMMANDS[argv[0]].module}"
        assert [m for m in COMMAND_MODULES if found[m]] == [own], argv


def test_a_commands_help_imports_none_of_what_the_command_runs_with(tmp_path: Path):
    for argv in ([name, "--help"] for name in COMMANDS):
        found = _run(argv, tmp_path)
        assert [m for m in READER if found[m]] == [], argv
        assert all(found[m] for m in HELP), argv  # the help itself is Typer's, drawn by rich
    found = _run(["tally", "-h", "--lang", "en"], tmp_path)
    assert [m for m in READER if found[m]] == []


def test_a_run_loads_no_help_formatting_and_a_cached_quiet_csv_run_no_rich(tmp_path: Path):
    folder = tmp_path / "lists"
    write_xlsx(folder / "a.xlsx", simple_sheet([[1, "Nguyễn Văn An", "", "Phòng A", "Lao động tiên tiến", "Cơ sở", "", 2018]]))
    (tmp_path / "empty").mkdir()
    argv = ["tally", "2018", str(folder), "-q", "-f", "csv"]
    cold = _run(argv, tmp_path)  # the cache is written (the same cache dir for every _run of this test)
    warm = _run(argv, tmp_path)
    empty = _run(["tally", "2018", str(tmp_path / "empty"), "-q"], tmp_path)
    assert cold["python_calamine"] and not warm["python_calamine"]  # the second run answers from the cache
    for found in (cold, warm, empty):
        assert [m for m in HELP if found[m]] == []
    assert [m for m in (*HEAVY, "rich") if warm[m]] == []
    assert empty["rich.console"] and not empty["thidua_cli.rendering"]  # the error is printed by rich, nothing else


def test_the_root_help_lists_each_command_by_its_own_first_paragraph():
    import inspect

    from thidua_cli.cli.app import _build

    runner = CliRunner()
    for name, entry in COMMANDS.items():  # the summary kept in COMMANDS is the command's own help
        command = _build(name)
        assert inspect.cleandoc(command.help).split("\n\n")[0].strip() == entry.summary, name
    listing = runner.invoke(app, ["--help"], env={"COLUMNS": "400"}).output
    english = runner.invoke(app, ["--help", "--lang", "en"], env={"COLUMNS": "400"}).output
    for name, entry in COMMANDS.items():
        assert f" {name} " in listing and entry.summary.split("\n")[0] in listing, name
    assert "Count emulation titles" in english and "Đếm số lượt" not in english


def test_help_and_empty_folder_messages_stay_in_the_interface_language(tmp_path: Path):
    runner = CliRunner()
    assert "Tổng hợp và kiểm tra" in runner.invoke(app, ["--help"]).output
    assert "Năm cần tổng hợp" in runner.invoke(app, ["tally", "--help"]).output
    assert "Years to count" in runner.invoke(app, ["tally", "--help", "--lang", "en"]).output
    (tmp_path / "empty").mkdir()
    vi = runner.invoke(app, ["tally", "2015-2020", str(tmp_path / "empty")])
    en = runner.invoke(app, ["tally", "2015-2020", str(tmp_path / "empty"), "--lang", "en"])
    assert vi.exit_code == en.exit_code == 3
    assert "Không đọc được tệp bảng tính nào" in vi.output
    assert "No spreadsheet (.xlsx, .xlsm, .xls, .ods) could be read" in en.output


def test_the_stored_catalogue_is_the_built_one(tmp_path: Path):
    store = CatalogueStore(Cache(tmp_path, ""))
    fingerprint = fingerprint_of(_source_texts(()))
    assert store.get(fingerprint) is None
    built = uncached_catalogue(())
    store.put(fingerprint, built)
    stored = store.get(fingerprint)
    assert stored is not None and stored is not built
    assert stored == built  # every field, the indexes of aliases, issuers, stems and names included
    text = "Bằng khen của Chủ tịch UBND tỉnh năm 2020"
    assert stored.match_award(text) == built.match_award(text)


def test_a_changed_or_foreign_stored_catalogue_is_not_used(tmp_path: Path):
    store = CatalogueStore(Cache(tmp_path, ""))
    fingerprint = fingerprint_of(_source_texts(()))
    store.put(fingerprint, uncached_catalogue(()))
    (path,) = tmp_path.glob(f"catalogue-{fingerprint}-*.marshal")  # named by the code too
    signed = path.read_bytes()
    path.write_bytes(signed[:-1] + bytes([signed[-1] ^ 1]))  # one bit changed
    assert store.get(fingerprint) is None
    path.write_bytes(signed)
    (tmp_path / "secret").write_bytes(os.urandom(32))  # another user's secret: nothing verifies
    assert CatalogueStore(Cache(tmp_path, "")).get(fingerprint) is None
    assert store.get("0" * 16) is None  # another catalogue's fingerprint


def test_a_user_catalogue_is_stored_apart_and_no_cache_stores_nothing(tmp_path: Path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(cache_dir))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "lists"
    write_xlsx(folder / "a.xlsx", simple_sheet([[1, "Nguyễn Văn An", "", "Phòng A", "Chiến sĩ gương mẫu", "Cơ sở", "", 2018]]))
    user = tmp_path / "mine.toml"
    user.write_text('[[award]]\nname = "Lao động tiên tiến"\naliases = ["Chiến sĩ gương mẫu"]\n', "utf-8")
    runner = CliRunner()

    def new_process() -> None:  # the catalogues built so far are forgotten (restored after the test)
        monkeypatch.setattr("thidua_cli.catalogue._LOADED", {})

    new_process()
    plain = runner.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-q", "--no-cache"])
    assert plain.exit_code == 1 and not list(cache_dir.glob("catalogue-*"))
    new_process()
    first = runner.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-q", "--catalogue", str(user)])
    new_process()
    second = runner.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-q", "--catalogue", str(user)])
    assert first.exit_code == second.exit_code == 0
    assert first.output == second.output and "2018,Lao động tiên tiến,Cơ sở,Cá nhân,1" in first.output
    new_process()
    assert runner.invoke(app, ["tally", "2018", str(folder), "-f", "csv", "-q"]).exit_code == 1
    assert len(list(cache_dir.glob("catalogue-*.marshal"))) == 2  # the shipped one, the extended one
    twin = tmp_path / "twin.toml"  # the same text under another name: the catalogue names its own file
    twin.write_text(user.read_text("utf-8"), "utf-8")
    store = CatalogueStore(Cache(cache_dir, ""))
    new_process()
    assert load_catalogue([twin], store).sources == ["(tích hợp sẵn)", str(twin)]
    new_process()
    assert load_catalogue([user], store).sources == ["(tích hợp sẵn)", str(user)]
    assert runner.invoke(app, ["cache", "clear"]).exit_code == 0
    assert not list(cache_dir.glob("catalogue-*"))


def test_workers_started_by_spawn_give_the_same_results(monkeypatch):
    import multiprocessing

    forked = load([SAMPLE], jobs=2)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # as on Windows
    spawned = load([SAMPLE], jobs=2)
    assert spawned.total == forked.total > 0
    assert [(f.file, list(f.records), f.problems) for f in spawned.files] == [
        (f.file, list(f.records), f.problems) for f in forked.files
    ]


def test_a_spawned_worker_importing_the_main_module_does_not_run_the_cli(capsys: pytest.CaptureFixture[str]):
    runpy.run_module("thidua_cli.__main__", run_name="__mp_main__")  # what spawn does in each worker
    assert capsys.readouterr().out == ""
    assert load_catalogue() is load_catalogue()  # built once per process


def test_two_installs_sharing_a_cache_keep_a_stored_catalogue_each(tmp_path: Path, monkeypatch):
    """Before: the file was named by the catalogue alone, so two versions of the tool run in turn
    overwrote each other's and each run built the catalogue again."""
    import thidua_cli.catalogue_store as catalogue_store

    store = CatalogueStore(Cache(tmp_path, ""))
    fingerprint = fingerprint_of(_source_texts(()))
    for code in ("a" * 64, "b" * 64):
        monkeypatch.setattr(catalogue_store, "code_fingerprint", lambda code=code: code)
        store.put(fingerprint, uncached_catalogue(()))
    assert len(list(tmp_path.glob("catalogue-*.marshal"))) == 2
    monkeypatch.setattr(catalogue_store, "code_fingerprint", lambda: "a" * 64)
    assert store.get(fingerprint) is not None
