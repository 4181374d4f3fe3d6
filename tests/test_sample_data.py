"""The sample data reproduce the article's 2015–2020 table (DOMAIN.md) exactly."""

import csv
import io
import json

from typer.testing import CliRunner

from tests.conftest import SAMPLE
from thidua_cli import load, tally
from thidua_cli.cli import app

EXPECTED = {
    ("Tập thể lao động tiên tiến", "Cơ sở", "Tập thể"): 347,
    ("Tập thể lao động xuất sắc", "Tỉnh", "Tập thể"): 17,
    ("Lao động tiên tiến", "Cơ sở", "Cá nhân"): 3323,
    ("Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân"): 290,
    ("Cờ thi đua", "Tỉnh", "Tập thể"): 8,
    ("Cờ thi đua", "Chính phủ", "Tập thể"): 1,
    ("Giấy khen", "Cơ sở", "Tập thể"): 325,
    ("Giấy khen", "Cơ sở", "Cá nhân"): 1437,
    ("Bằng khen", "Bộ", "Cá nhân"): 48,
    ("Bằng khen", "Bộ", "Tập thể"): 13,
    ("Bằng khen", "Tỉnh", "Cá nhân"): 41,
    ("Bằng khen", "Tỉnh", "Tập thể"): 13,
    ("Bằng khen", "Chính phủ", "Cá nhân"): 5,
    ("Bằng khen", "Chính phủ", "Tập thể"): 5,
    ("Huân chương Lao động hạng Ba", "Nhà nước", "Cá nhân"): 1,
}


def test_library_tally_equals_article():
    result = load([SAMPLE])
    counts = tally(result.records, range(2015, 2021), ["award", "level", "kind"])
    got = {(str(a), str(lv), str(k)): int(c) for a, lv, k, c in counts.itertuples(index=False)}
    assert got == EXPECTED
    assert sum(got.values()) == 5874
    assert result.errors == []
    per_year = tally(result.records, range(2015, 2021), ["year"])
    assert list(per_year["count"]) == [879, 942, 998, 997, 997, 1061]  # the generator's split


def test_cli_csv_equals_article_and_json_equals_library():
    runner = CliRunner()
    out = runner.invoke(app, ["tally", "2015-2020", str(SAMPLE), "--by", "award,level,kind", "--format", "csv", "-q"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == ["award", "level", "kind", "count"]
    assert {(r["award"], r["level"], r["kind"]): int(r["count"]) for r in rows} == EXPECTED

    out = runner.invoke(app, ["tally", "2015-2020", str(SAMPLE), "--by", "year,award", "--format", "json", "-q"])
    payload = json.loads(out.stdout)
    lib = tally(load([SAMPLE]).records, range(2015, 2021), ["year", "award"])
    assert payload["rows"] == [
        {"year": int(y), "award": str(a), "count": int(c)} for y, a, c in lib.itertuples(index=False)
    ]
    assert payload["total"] == 5874


def test_years_outside_the_range_are_left_out():
    result = load([SAMPLE])
    assert set(result.records["year"]) == set(range(2015, 2022))
    assert int(tally(result.records, [2021], ["year"])["count"].sum()) == 12
