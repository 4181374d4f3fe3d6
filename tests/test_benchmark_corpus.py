"""The benchmark's corpora are counted exactly: its speed figures are of right answers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.corpus import generate
from thidua_cli import load, load_catalogue
from thidua_cli.records import RECORD_FIELDS

_AWARD, _LEVEL, _KIND, _YEAR = (RECORD_FIELDS.index(f) for f in ("award", "level", "kind", "year"))


def _keys(rows: list) -> Counter[str]:
    return Counter(f"{r[_AWARD]}|{r[_LEVEL]}|{r[_KIND]}|{r[_YEAR]}" for r in rows)


@pytest.mark.parametrize("shape", ["mixed", "wide", "full"])
def test_every_record_of_a_generated_corpus_is_counted_as_truth_says(tmp_path: Path, shape: str):
    truth = generate(tmp_path, files=10, rows=30, wide=shape == "wide", full=shape == "full")
    assert sum(truth.values()) == 300
    result = load([tmp_path], load_catalogue(), jobs=1, cache=None)
    assert dict(_keys(result.rows)) == truth
    assert not result.errors


@pytest.mark.parametrize(
    ("case", "findings"),
    [("clean", 0), ("bad-number", 1), ("bad-date", 1), ("kind-mismatch", 1), ("all-three", 3), ("unique-numbers", 0)],
)
def test_the_per_row_benchmark_times_the_rows_it_says(case: str, findings: int):
    """bench_rows.py's sheets give one record per row and the findings its case names, per row."""
    from benchmarks.bench_rows import measure

    records, found, _ = measure(case, sheets=2, rows=7)
    assert (records, found) == (14, 14 * findings)


def test_a_school_corpus_tallies_to_its_truth_and_reports_each_unknown_award(tmp_path: Path):
    """Teachers' lists (Kỷ niệm chương, Nhà giáo ưu tú, Giấy khen of the district, typed dates,
    school years): every record counted as truth says, under the year the school year ends; each
    row of an award the catalogue lacks reported, with a suggestion, and not counted."""
    truth = generate(tmp_path, files=4, rows=40, school=True)
    assert {k.split("|")[0] for k in truth} >= {"Kỷ niệm chương", "Nhà giáo ưu tú", "Giấy khen"}
    result = load([tmp_path], load_catalogue(), jobs=1, cache=None)
    assert dict(_keys(result.rows)) == truth
    assert {r[_YEAR] for r in result.rows} == {2019, 2020, 2021, 2022}
    unknown = [p for p in result.errors if p.code == "unknown-award"]
    assert len(unknown) == len(result.errors) == 4 * 40 - sum(truth.values()) > 0
    assert {p.value for p in unknown} == {"Giáo viên dạy giỏi cấp huyện", "Giáo viên chủ nhiệm giỏi"}
    assert all("Có phải" in p.message("vi") for p in unknown)


@pytest.mark.parametrize("shape", ["wide", "full"])
def test_a_corpus_over_several_sheets_is_counted_as_truth_says_also_in_parts(
    tmp_path: Path, shape: str, monkeypatch: pytest.MonkeyPatch
):
    """`--sheets`: each workbook's records over that many sheets (bench_split.py's large files),
    counted as truth says, read as one task and in parts alike."""
    truth = generate(tmp_path, files=2, rows=31, wide=shape == "wide", full=shape == "full", sheets=3)
    alone = load([tmp_path], load_catalogue(), jobs=1, cache=None)
    assert dict(_keys(alone.rows)) == truth and sum(truth.values()) == 62
    assert [f.sheets for f in alone.files] == [3, 3] and not alone.errors
    monkeypatch.setenv("THIDUA_SPLIT_BYTES", "0")
    parted = load([tmp_path], load_catalogue(), jobs=2, cache=None)
    assert parted.rows == alone.rows and parted.problems == alone.problems and parted.checks == alone.checks
