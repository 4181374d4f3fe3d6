"""A warm run answers from the run's index without decoding each file's findings: the findings it
shows when asked, the exit code it gives without them, the same as a cold run's. Real workbooks
in tmp_path, through the library and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.cache_files import entries, indexes, parts, write_parts
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
        write_xlsx(
            root / "b.xlsx", simple_sheet([*CLEAN, [2, "Lê Văn Cường", "Chuyên viên", "Phòng A", "LĐTT", "", "", 2018]])
        )
    return root


def _cache(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache", load_catalogue().fingerprint)


def _said(result: Any) -> tuple[Any, ...]:
    return (list(result.problems), list(result.checks), sorted(result.groups), result.has_errors)


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
    tmp_path: Path, shape: str, erring: bool, monkeypatch: pytest.MonkeyPatch
):
    import thidua_cli.cache as cache_module

    monkeypatch.setattr(cache_module, "RACY_NS", 10**18)  # every file counts as just changed: hashed on each run
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
        for args in (["-q", "-f", "csv"], [], ["-f", "json"]):
            runs = [
                runner.invoke(app, ["tally", "2015-2020", str(folder), *args, *more])
                for more in ([], [], ["--no-cache"])
            ]
            assert [r.exit_code for r in runs] == [code] * 3, (shape, args)
            assert runs[0].output == runs[1].output == runs[2].output, (shape, args)  # cold, warm, no cache
    assert default_dir() == tmp_path / "cli-cache"


def _rewrite(path: Path, secret: bytes, change: Callable[[dict[str, Any]], None]) -> None:
    """A cache file's first part (JSON) changed by `change`, signed again with the cache's key:
    as only the tool could write it (a damaged or foreign layout, not a forgery)."""
    bodies = parts(path)
    body = json.loads(bodies[0])
    change(body)
    write_parts(path, [json.dumps(body, ensure_ascii=False).encode(), *bodies[1:]], secret)


def _cut_a_column(result: dict[str, Any]) -> None:
    result["problems"][1].pop()


@pytest.mark.parametrize("where", ["entries", "index"])
def test_findings_that_do_not_decode_are_a_damaged_cache_file_read_again_never_a_crash(
    tmp_path: Path, where: str, settled: None
):
    folder = _folder(tmp_path, "unknown-award")
    cache = _cache(tmp_path)
    cold = load([folder], jobs=1, cache=cache)
    if where == "entries":
        for path in indexes(cache.directory):
            path.unlink()
        for path in entries(cache.directory):
            _rewrite(
                path,
                cache.secret(),
                lambda body: _cut_a_column(body["result"]) if body["result"]["problems"][0] else None,
            )
    else:
        (path,) = indexes(cache.directory)
        _rewrite(
            path,
            cache.secret(),
            lambda body: [
                _cut_a_column(f[4]["result"]) for f in body["files"].values() if f[4]["result"]["problems"][0]
            ],
        )
    warm = load([folder], jobs=1, cache=_cache(tmp_path))
    assert _said(warm) == _said(cold) and warm.has_errors


def test_a_mismatch_found_by_verify_cache_is_reported_once_not_stored(tmp_path: Path, settled: None):
    folder = _folder(tmp_path, "clean")
    cache = _cache(tmp_path)
    load([folder], jobs=1, cache=cache)
    (path,) = indexes(cache.directory)

    def more(body: dict[str, Any]) -> None:  # the entry says 5 where the list has 1
        body["result"]["groups"] = body["result"]["groups"].replace(",1]]", ",5]]")

    for entry in entries(cache.directory):  # the index holds no counts per file, only the run's
        _rewrite(entry, cache.secret(), more)
    _rewrite(path, cache.secret(), lambda body: body.update(merged=None))  # so the run sums the files' counts
    assert load([folder], jobs=1, cache=_cache(tmp_path)).total == 5  # trusted: only --verify-cache reads again
    verified = load([folder], jobs=1, cache=_cache(tmp_path), verify=True)
    assert [p.code for p in verified.problems] == ["cache-mismatch"] and verified.total == 1
    for _ in range(2):  # healed: neither a plain run nor the next check says it again
        assert [p.code for p in load([folder], jobs=1, cache=_cache(tmp_path)).problems] == []
        again = load([folder], jobs=1, cache=_cache(tmp_path), verify=True)
        assert again.problems == [] and again.total == 1


def test_a_summary_beside_its_list_is_no_error_however_the_two_paths_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = _folder(tmp_path, "summary-beside-list")
    monkeypatch.chdir(tmp_path)
    relative, absolute = Path(folder.name) / "tong-hop.xlsx", folder / "danh-sach.xlsx"
    for cache in (None, _cache(tmp_path), _cache(tmp_path)):
        result = load([relative, absolute], jobs=1, cache=cache)
        assert [p.code for p in result.problems] == ["skipped-sheet"] and not result.has_errors  # a note


def test_a_file_that_ran_out_of_the_workers_memory_is_never_stored_other_failures_are():
    from thidua_cli.loading import FileResult, storable
    from thidua_cli.problems import Problem

    def unreadable(detail: str) -> FileResult:
        return FileResult("a.xlsx", [], [Problem("unreadable", "a.xlsx", detail=detail)], readable=False)

    assert not storable(unreadable("worker-memory: MemoryError"))  # a larger --max-memory must read it again
    assert storable(unreadable("encrypted")) and storable(unreadable("corrupt"))
    assert storable(FileResult("a.xlsx", [], []))


def test_the_index_leaves_each_files_counts_and_identities_to_its_entry_or_a_new_parse(tmp_path: Path, settled: None):
    folder = _folder(tmp_path, "duplicate")
    cache = _cache(tmp_path)
    load([folder], jobs=1, cache=cache)
    (index,) = indexes(cache.directory)
    stored = [found[4]["result"] for found in json.loads(parts(index)[0])["files"].values()]
    assert stored and all(not {"headers", "groups", "idents"} & set(result) for result in stored)
    other = [[1, "Phạm Văn Dũng", "Chuyên viên", "Phòng C", "Lao động tiên tiến", "", "12/QĐ-UBND", 2018]]
    write_xlsx(folder / "c.xlsx", simple_sheet(other))  # a new file (not a.xlsx's bytes again, or not, by the second it is written)
    added = load([folder], jobs=1, cache=_cache(tmp_path))  # a.xlsx's and b.xlsx's identities from their entries
    assert _said(added) == _said(load([folder], jobs=1))
    for path in entries(cache.directory):
        path.unlink()
    write_xlsx(folder / "d.xlsx", simple_sheet(UNKNOWN))
    gone = load([folder], jobs=1, cache=_cache(tmp_path))  # their entries gone: those files are parsed again
    assert _said(gone) == _said(load([folder], jobs=1))
    assert [p.code for p in gone.problems].count("duplicate") == 1  # merged again, as without the cache
