"""The "Có phải: …?" suggestion of an award the catalogue lacks: what it says for typical typos,
that a text far from every award gets none, and that a run searches each distinct text once, in
the process that gathers the results (workers and cache entries hold none)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua_cli import load, load_catalogue, read_file
from thidua_cli.cache import Cache
from thidua_cli.cli import app
from thidua_cli.problems import Problem, with_suggestions

from .conftest import simple_sheet, write_xlsx

TYPOS = [
    ("Lao dong tien tein", "Lao động tiên tiến"),  # no tones, and two letters swapped
    ("Bằng khn", "Bằng khen"),  # a dropped letter
    ("Chiến sĩ thi đua cơ s", "Chiến sĩ thi đua cơ sở"),  # the last letters lost
    ("Chiến sĩ TĐ cơ sở", "Chiến sĩ thi đua cơ sở"),  # an abbreviation the catalogue lacks
    ("TT LĐ xuất sắc", "Tập thể lao động xuất sắc"),
]
FAR = "12/QĐ-UBND"  # a decision number typed into the award cell: like no award


def _sheet(tmp_path: Path, awards: list[str], name: str = "a.xlsx") -> Path:
    rows = [[i + 1, f"Lê Văn {chr(65 + i)}", "", "", award, "", "", 2018] for i, award in enumerate(awards)]
    return write_xlsx(tmp_path / name, simple_sheet([*rows, [len(rows) + 1, "Trần Thị Z", "", "", "LĐTT", "", "", 2018]]))


def _suggestions(problems: list[Problem]) -> dict[str | None, str | None]:
    return {p.value: p.suggestion for p in problems if p.code == "unknown-award"}


def test_typical_typos_are_suggested_and_a_far_text_is_not(tmp_path: Path):
    path = _sheet(tmp_path, [typo for typo, _ in TYPOS] + [FAR])
    result = load([path], jobs=2, cache=None)
    assert len(result.records) == 1  # only the LĐTT row: a suggestion never counts a row
    assert _suggestions(result.problems) == {**dict(TYPOS), FAR: ""}  # searched, none close
    far = next(p for p in result.problems if p.value == FAR)
    assert "Có phải" not in far.message() and "did you mean" not in far.message("en")
    typo = next(p for p in result.problems if p.value == "Bằng khn")
    assert "(Có phải: Bằng khen?)" in typo.message() and "(did you mean: Bằng khen?)" in typo.message("en")


def test_read_file_suggests_and_a_worker_leaves_it_to_the_parent(tmp_path: Path):
    catalogue = load_catalogue()
    path = _sheet(tmp_path, ["Bằng khn"])
    assert _suggestions(read_file(path, catalogue).problems) == {"Bằng khn": "Bằng khen"}
    assert _suggestions(read_file(path, catalogue, suggest=False).problems) == {"Bằng khn": None}


def test_a_run_searches_each_distinct_text_once_in_the_parent(tmp_path: Path):
    """Three files in two workers, the same unknown text in each: the cache entries the workers
    wrote hold no suggestion, the parent's memo holds each distinct text once, every row of a
    cold and of a warm run shows it."""
    catalogue = load_catalogue()
    catalogue._suggested.clear()  # the parent's memo: what it searched
    paths = [_sheet(tmp_path / "in", ["Bằng khn", "Bằng khn", f"Lao dong tien tein{' x' * n}"], f"f{n}.xlsx") for n in range(3)]
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    cold = load([tmp_path / "in"], catalogue, jobs=2, cache=cache)
    assert sorted(catalogue._suggested) == ["Bằng khn", "Lao dong tien tein", "Lao dong tien tein x", "Lao dong tien tein x x"]
    for path in paths:
        entry = cache.get(cache.key(path, hashlib.sha256(path.read_bytes()).hexdigest()), str(path))
        assert entry is not None
        stored = [p for p in entry.problems if p.code == "unknown-award"]
        assert len(stored) == 3 and all(p.suggestion is None for p in stored)
    warm = load([tmp_path / "in"], catalogue, jobs=2, cache=cache)
    for result in (cold, warm):
        unknown = [p for p in result.problems if p.code == "unknown-award"]
        assert len(unknown) == 9
        assert {p.value: p.suggestion for p in unknown} == {
            "Bằng khn": "Bằng khen",
            **{f"Lao dong tien tein{' x' * n}": "Lao động tiên tiến" for n in range(3)},
        }


def test_a_warm_run_shows_the_suggestion_a_cold_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The cache entry, written by the worker, holds no suggestion: the parent fills it on a warm
    run as on a cold one (validate's table and JSON, inspect)."""
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cache"))
    path = _sheet(tmp_path, ["Bằng khn"])
    runner = CliRunner()
    cold = runner.invoke(app, ["validate", str(path), "--format", "json"])
    warm = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert cold.exit_code == warm.exit_code == 1
    assert cold.stdout == warm.stdout
    (finding,) = [f for f in json.loads(warm.stdout)["findings"] if f["code"] == "unknown-award"]
    assert "(Có phải: Bằng khen?)" in finding["message"]
    table = runner.invoke(app, ["validate", str(path)], env={"COLUMNS": "250"})
    assert "Có phải: Bằng khen?" in table.stdout
    inspected = runner.invoke(app, ["inspect", str(path)], env={"COLUMNS": "250"})
    assert "Có phải: Bằng khen?" in inspected.stdout


def test_with_suggestions_fills_only_unknown_awards_and_keeps_the_list_when_none():
    other = Problem("bad-date", "f", "S", 4, value="31/02/2019")
    assert with_suggestions([other], lambda text: "never asked") == [other]
    filled = with_suggestions([other, Problem("unknown-award", "f", "S", 5, value="Bằng khn", col=4)], {"Bằng khn": "Bằng khen"}.get)
    assert filled == [other, Problem("unknown-award", "f", "S", 5, value="Bằng khn", suggestion="Bằng khen", col=4)]


def test_a_warm_run_takes_the_suggestions_from_the_run_index(tmp_path: Path):
    """The parent writes the filled findings into the run's index (the entries stay without): a
    warm run shows the suggestion without searching, without even loading rapidfuzz, also for
    a text that has none."""
    _sheet(tmp_path / "in", ["Bằng khn", FAR])
    script = (
        "import sys; from pathlib import Path; from thidua_cli import load, load_catalogue, cache;"
        "cache.RACY_NS = -(10**18);"  # the file just written counts as settled: the index trusts its stat
        "from thidua_cli.cache import Cache; c = load_catalogue();"
        "r = load([Path(sys.argv[1])], c, cache=Cache(Path(sys.argv[2]), c.fingerprint));"
        "print([p.suggestion for p in r.problems if p.code == 'unknown-award'], 'rapidfuzz' in sys.modules)"
    )
    argv = [sys.executable, "-c", script, str(tmp_path / "in"), str(tmp_path / "cache")]
    runs = [subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip() for _ in range(2)]
    assert runs == ["['Bằng khen', ''] True", "['Bằng khen', ''] False"]  # "": searched, none close
