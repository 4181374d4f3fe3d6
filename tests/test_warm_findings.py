"""A warm run answers from the run's index without decoding each file's findings: the findings it
shows when asked, the exit code it gives without them, the same as a cold run's. Real workbooks
in tmp_path, through the library and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import simple_sheet, write_xlsx
from tests.test_summaries import NAMES, kind_columns
from thidua_cli import load
from thidua_cli.cache import Cache, Findings, default_dir
from thidua_cli.catalogue import load_catalogue
from thidua_cli.cli import app

CLEAN = [[1, "Nguyễn Văn An", "Chuyên viên", "Phòng A", "Lao động tiên tiến", "", "12/QĐ-UBND", 2018]]
UNKNOWN = [[1, "Trần Thị Bình", "Chuyên viên", "Phòng B", "Danh hiệu Người tốt việc tốt", "", "12/QĐ-UBND", 2018]]


def _folder(tmp_path: Path, shape: str) -> Path:
    root = tmp_path / shape
    root.mkdir()
    if shape == "clean":
        write_xlsx(root / "a.xlsx", simple_sheet(CLEAN))
    elif shape == "unknown-award":
        write_xlsx(root / "a.xlsx", simple_sheet(CLEAN))
        write_xlsx(root / "b.xlsx", simple_sheet(UNKNOWN))
    elif shape == "summary-beside-list":  # no error: the unit's list is in the same folder
        write_xlsx(root / "danh-sach.xlsx", NAMES)
        write_xlsx(root / "tong-hop.xlsx", kind_columns())
    elif shape == "summary-alone":
        (root / "x").mkdir()
        write_xlsx(root / "danh-sach.xlsx", NAMES)
        write_xlsx(root / "x" / "tong-hop.xlsx", kind_columns())
    elif shape == "duplicate":  # a merged duplicate is an error of the run, not of a file
        write_xlsx(root / "a.xlsx", simple_sheet(CLEAN))
        write_xlsx(root / "b.xlsx", simple_sheet([*CLEAN, [2, "Lê Văn Cường", "Chuyên viên", "Phòng A", "LĐTT", "", "", 2018]]))
    return root


def _cache(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache", load_catalogue().fingerprint)


def _said(result: Any) -> tuple[Any, ...]:
    return (
        [(p.code, p.file, p.sheet, p.row, p.value, p.suggestion) for p in result.problems],
        [(p.code, p.row) for p in result.checks],
        sorted(result.groups),
    )


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as settled (see cache.RACY_NS): a warm run answers from the run's index."""
    import thidua_cli.cache as cache_module

    monkeypatch.setattr(cache_module, "RACY_NS", -(10**18))


SHAPES = [
    ("clean", False),
    ("unknown-award", True),
    ("summary-beside-list", False),
    ("summary-alone", True),
    ("duplicate", True),
]


@pytest.mark.parametrize(("shape", "erring"), SHAPES)
def test_a_warm_run_knows_its_errors_without_decoding_the_findings_and_shows_the_cold_ones(
    tmp_path: Path, shape: str, erring: bool, settled: None
):
    folder = _folder(tmp_path, shape)
    cold = load([folder], jobs=1, cache=_cache(tmp_path))
    warm = load([folder], jobs=1, cache=_cache(tmp_path))
    found = [f.problems for f in warm.files]
    assert found and all(isinstance(problems, Findings) and problems.searched for problems in found)  # the index's
    assert warm.has_errors is erring  # asked first: from the counts the index holds
    assert cold.has_errors is erring and bool(cold.errors) is erring and bool(warm.errors) is erring
    assert _said(warm) == _said(cold)
    assert warm.has_errors is erring  # and the same once the findings are decoded


@pytest.mark.parametrize(("shape", "erring"), SHAPES)
def test_files_changed_within_the_racy_window_are_read_from_their_entries_with_the_same_result(
    tmp_path: Path, shape: str, erring: bool
):
    folder = _folder(tmp_path, shape)
    cold = load([folder], jobs=1, cache=_cache(tmp_path))
    warm = load([folder], jobs=1, cache=_cache(tmp_path))  # just written: hashed, their entries read
    assert any(isinstance(f.problems, Findings) and not f.problems.searched for f in warm.files)
    assert warm.has_errors is cold.has_errors is erring and _said(warm) == _said(cold)


def test_a_warm_unknown_award_keeps_the_suggestion_the_cold_run_searched(tmp_path: Path, settled: None):
    folder = _folder(tmp_path, "unknown-award")
    load([folder], jobs=1, cache=_cache(tmp_path))
    warm = load([folder], jobs=1, cache=_cache(tmp_path))
    (unknown,) = [p for p in warm.problems if p.code == "unknown-award"]
    assert (unknown.value, unknown.row) == ("Danh hiệu Người tốt việc tốt", 6)
    assert unknown.suggestion is not None  # searched once, when the index was written ("" = none close)


def test_the_cli_gives_the_same_exit_code_and_summary_cold_and_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settled: None
):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cli-cache"))
    runner = CliRunner()
    for shape, code in (("clean", 0), ("unknown-award", 1), ("summary-beside-list", 0), ("summary-alone", 1)):
        folder = _folder(tmp_path, shape)
        quiet = [runner.invoke(app, ["tally", "2015-2020", str(folder), "-q", "-f", "csv"]) for _ in range(2)]
        shown = [runner.invoke(app, ["tally", "2015-2020", str(folder)]) for _ in range(2)]
        assert [r.exit_code for r in (*quiet, *shown)] == [code] * 4, shape
        assert quiet[0].output == quiet[1].output and shown[0].output == shown[1].output, shape
    assert default_dir() == tmp_path / "cli-cache"
