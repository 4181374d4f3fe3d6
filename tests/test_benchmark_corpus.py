"""The benchmark's corpora are counted exactly: its speed figures are of right answers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.corpus import generate
from thidua_cli import load, load_catalogue


@pytest.mark.parametrize("shape", ["mixed", "wide", "full"])
def test_every_record_of_a_generated_corpus_is_counted_as_truth_says(tmp_path: Path, shape: str):
    truth = generate(tmp_path, files=10, rows=30, wide=shape == "wide", full=shape == "full")
    assert sum(truth.values()) == 300
    result = load([tmp_path], load_catalogue(), jobs=1, cache=None)
    got = Counter(f"{r[7]}|{r[9]}|{r[6]}|{r[11]}" for r in result.rows)  # award|level|kind|year
    assert dict(got) == truth
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
