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


def test_a_national_corpus_of_province_copies_is_counted_as_its_truth_with_no_duplicate(tmp_path: Path):
    """national.py's copies are other people in other units: counted in full (no record merged
    or flagged as a duplicate), the names and units rewritten, the awards, levels, years kept."""
    from benchmarks.national import build

    generate(tmp_path / "base", files=12, rows=25)
    files, truth = build(tmp_path / "base", tmp_path / "out", provinces=3, take=11, rows=25)
    assert files == 3 * 10 + 1 and sum(truth.values()) == (3 * 10 + 1) * 25  # unit 3 (.xls): once
    result = load([tmp_path / "out"], load_catalogue(), jobs=1, cache=None)
    assert dict(_keys(result.rows)) == dict(truth)
    assert not result.merged and not result.errors
    assert not [p for p in result.problems if "duplicate" in p.code]
    base = load([tmp_path / "base" / "don-vi-0000"], load_catalogue(), jobs=1, cache=None).rows
    by_province = {}
    for record in result.rows:
        parts = Path(record[0]).parts
        if "don-vi-0000" in parts:
            by_province.setdefault(parts[-3], []).append(record)
    names = [[r[RECORD_FIELDS.index("name")] for r in by_province[p]] for p in sorted(by_province)]
    units = [{r[RECORD_FIELDS.index("unit")] for r in by_province[p]} for p in sorted(by_province)]
    assert names[0] == [r[RECORD_FIELDS.index("name")] for r in base]  # the first province: the base's people
    kinds = [r[RECORD_FIELDS.index("kind")] for r in base]
    for other in names[1:]:  # the others: their own people (collectives, "Phòng số 3", as they were)
        assert [a == b for a, b in zip(names[0], other, strict=True)] == [k == "Tập thể" for k in kinds]
    assert units == [{"ĐƠN VỊ SỐ 1 (THANH HOÁ)"}, {"ĐƠN VỊ SỐ 1 (HÀ NỘI)"}, {"ĐƠN VỊ SỐ 1 (TP. HỒ CHÍ MINH)"}]


@pytest.mark.parametrize(
    ("case", "findings"),
    [("clean", 0), ("bad-number", 1), ("bad-date", 1), ("kind-mismatch", 1), ("all-three", 3), ("unique-numbers", 0)],
)
def test_the_per_row_benchmark_times_the_rows_it_says(case: str, findings: int):
    """bench_rows.py's sheets give one record per row and the findings its case names, per row."""
    from benchmarks.bench_rows import measure

    records, found, _ = measure(case, sheets=2, rows=7)
    assert (records, found) == (14, 14 * findings)


def test_a_school_corpus_tallies_to_its_truth_and_notes_each_contest_result(tmp_path: Path):
    """Teachers' lists (Kỷ niệm chương, Nhà giáo ưu tú, Giấy khen of the district, typed dates,
    school years): every record counted as truth says, under the year the school year ends; each
    row of a contest's result ("Giáo viên dạy giỏi cấp huyện": no award of the Law) noted
    not-an-award, not counted, and no error."""
    truth = generate(tmp_path, files=4, rows=40, school=True)
    assert {k.split("|")[0] for k in truth} >= {"Kỷ niệm chương", "Nhà giáo ưu tú", "Giấy khen"}
    result = load([tmp_path], load_catalogue(), jobs=1, cache=None)
    assert dict(_keys(result.rows)) == truth
    assert {r[_YEAR] for r in result.rows} == {2019, 2020, 2021, 2022}
    noted = [p for p in result.problems if p.code == "not-an-award"]
    assert len(noted) == 4 * 40 - sum(truth.values()) > 0 and not result.errors
    assert {p.value for p in noted} == {"Giáo viên dạy giỏi cấp huyện", "Giáo viên chủ nhiệm giỏi"}
    assert all("Thông tư 22/2019/TT-BGDĐT" in p.message("vi") for p in noted)


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
