"""`thidua tally … --format parquet`: the counted records with provenance, and the README's
DuckDB query over them giving the CLI's own counts.

pyarrow and duckdb are used only in child processes (the CLI, and the readers below): once
loaded they reserve a large address space, and the reading workers the other tests fork from
this process (under their memory cap) must not inherit it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, simple_sheet, write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.records import RECORD_FIELDS

pytestmark = pytest.mark.skipif(
    find_spec("pyarrow") is None or find_spec("duckdb") is None, reason="needs the test extra (pyarrow, duckdb)"
)
runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def thidua(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process (as a user runs it)."""
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "thidua_cli", *args], capture_output=True, text=True, env=env)


def child(code: str, *args: str, cwd: Path | None = None) -> Any:
    """What a snippet (pyarrow or duckdb) prints as JSON, run in its own process."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


READ = """
import json, sys, pyarrow.parquet as pq
f = pq.ParquetFile(sys.argv[1])
meta = {k.decode(): v.decode() for k, v in (f.schema_arrow.metadata or {}).items()}
table = f.read()
types = {field.name: str(field.type) for field in table.schema}
print(json.dumps({"names": table.column_names, "types": types, "meta": meta,
                  "groups": f.metadata.num_row_groups, "rows": table.to_pylist()}))
"""
QUERY = """
import duckdb, json, sys
print(json.dumps(duckdb.sql(sys.argv[1]).fetchall()))
"""
WRITE = """
import json, sys
from pathlib import Path
from thidua_cli import load, load_catalogue
from thidua_cli.parquet import write_parquet
rows = load([sys.argv[1]], load_catalogue(), jobs=1, cache=None).rows
print(json.dumps([write_parquet(iter(rows), Path(sys.argv[2]), chunk=2), write_parquet(iter([]), Path(sys.argv[3]))]))
"""


def province(folder: Path, seed: int) -> Path:
    """Two units' lists: a record repeated (merged), an award the catalogue lacks (not counted),
    a row of 2014 (outside 2015-2020), a Kỷ niệm chương with its own name, a collective."""
    first = [
        [1, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổ chức", "Lao động tiên tiến", "Cơ sở", "12/QĐ-SLĐTBXH", 2018],
        [2, "Trần Thị Bình", "Kế toán", "Phòng Tổ chức", "Chiến sĩ thi đua cơ sở", "Cơ sở", "13/QĐ-SLĐTBXH", 2018],
        [3, "Nguyễn Văn An", "Chuyên viên", "Phòng Tổ chức", "Lao động tiên tiến", "Cơ sở", "12/QĐ-SLĐTBXH", 2018],
        [4, "Lê Văn Cường", "Chuyên viên", "Phòng Tổ chức", "Danh hiệu Người tốt việc tốt", "Cơ sở", "14/QĐ-SLĐTBXH", 2018],
        [5, "Phạm Thị Dung", "Chuyên viên", "Phòng Tổ chức", "Lao động tiên tiến", "Cơ sở", "15/QĐ-SLĐTBXH", 2014],
        ["II. TẬP THỂ"],
        [6, "Phòng Tổ chức", "", "Sở", "Tập thể lao động tiên tiến", "Cơ sở", "16/QĐ-SLĐTBXH", 2019],
    ]
    second = [
        [1, f"Hoàng Văn Em {seed}", "Giáo viên", "Trường THCS", "Kỷ niệm chương Vì sự nghiệp giáo dục", "Bộ", "", 2020],
        [2, f"Vũ Thị Giang {seed}", "Giáo viên", "Trường THCS", "Bằng khen", "Tỉnh", "21/QĐ-UBND", 2020],
    ]
    write_xlsx(folder / "don-vi-1.xlsx", simple_sheet(first), sheet="Năm 2018")
    write_xlsx(folder / "don-vi-2.xlsx", simple_sheet(second, "DANH SÁCH KHEN THƯỞNG NĂM 2020"))
    return folder


def readme_query() -> str:
    """The DuckDB SQL the README shows for `--by award,level,kind,year`."""
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    return next(b for b in blocks if "read_parquet('tinh-*/records.parquet')" in b)


def cli_counts(folder: Path) -> Counter[tuple[str, str, str, int]]:
    out = invoke("tally", "2015-2020", str(folder), "--by", "award,level,kind,year", "-f", "csv", "-q")
    assert out.exit_code == 1, out.output  # a merged duplicate and a row not counted
    rows = csv.DictReader(io.StringIO(out.stdout))
    return Counter({(r["award"], r["level"], r["kind"], int(r["year"])): int(r["count"]) for r in rows})


def test_the_readme_query_over_two_provinces_gives_the_cli_counts(tmp_path: Path):
    expected: Counter[tuple[str, str, str, int]] = Counter()
    for n in (1, 2):
        folder = province(tmp_path / "ho-so" / f"tinh-{n:02d}", n)
        target = tmp_path / f"tinh-{n:02d}" / "records.parquet"
        out = thidua("tally", "2015-2020", str(folder), "--format", "parquet", "-o", str(target), "-q")
        assert out.returncode == 1, out.stderr
        assert target.is_file()
        expected += cli_counts(folder)
    assert sum(expected.values()) == 2 * 5
    got = child(QUERY, readme_query(), cwd=tmp_path)
    assert Counter({tuple(row[:4]): row[4] for row in got}) == expected
    assert len(got) == len(expected)  # one line per combination, as the CSV


def test_the_records_written_are_those_counted_with_their_provenance(tmp_path: Path):
    folder = province(tmp_path / "tinh", 1)
    target = tmp_path / "out" / "records.parquet"
    out = thidua("tally", "2015-2020", str(folder), "--format", "parquet", "-o", str(target))
    assert out.returncode == 1, out.stderr
    assert "Đã ghi" in out.stderr
    table = child(READ, str(target))
    assert table["names"] == list(RECORD_FIELDS)
    assert table["types"]["row"] == table["types"]["year"] == "int32"  # whole numbers
    assert table["meta"]["thidua.years"] == "2015,2016,2017,2018,2019,2020"
    rows = table["rows"]
    library = load([folder], load_catalogue(), jobs=1, cache=None)
    wanted = [dict(zip(RECORD_FIELDS, r, strict=True)) for r in library.rows if r[RECORD_FIELDS.index("year")] >= 2015]
    assert sorted(rows, key=lambda r: (r["file"], r["row"])) == sorted(wanted, key=lambda r: (r["file"], r["row"]))
    places = {(Path(r["file"]).name, r["sheet"], r["row"], r["name"], r["award"]) for r in rows}
    assert places == {
        ("don-vi-1.xlsx", "Năm 2018", 6, "Nguyễn Văn An", "Lao động tiên tiến"),  # its repeat at row 8 merged
        ("don-vi-1.xlsx", "Năm 2018", 7, "Trần Thị Bình", "Chiến sĩ thi đua cơ sở"),
        ("don-vi-1.xlsx", "Năm 2018", 12, "Phòng Tổ chức", "Tập thể lao động tiên tiến"),
        ("don-vi-2.xlsx", "Sheet1", 6, "Hoàng Văn Em 1", "Kỷ niệm chương"),
        ("don-vi-2.xlsx", "Sheet1", 7, "Vũ Thị Giang 1", "Bằng khen"),
    }
    kn = next(r for r in rows if r["award"] == "Kỷ niệm chương")
    assert (kn["detail"], kn["level"], kn["year"]) == ("Vì sự nghiệp Giáo dục", "Bộ", 2020)


def test_keep_duplicates_writes_the_repeat_as_the_tally_counts_it(tmp_path: Path):
    folder = province(tmp_path / "tinh", 1)
    target = tmp_path / "r.parquet"
    out = thidua("tally", "2018", str(folder), "-f", "parquet", "-o", str(target), "--keep-duplicates", "-q")
    assert out.returncode == 1, out.stderr
    assert Counter(r["award"] for r in child(READ, str(target))["rows"]) == {
        "Lao động tiên tiến": 2,
        "Chiến sĩ thi đua cơ sở": 1,
    }


def test_without_pyarrow_the_message_says_how_to_install_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = province(tmp_path / "tinh", 1)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an install without the extra gives: ImportError
    target = tmp_path / "r.parquet"
    for lang, words in (("vi", "gói bổ sung"), ("en", "optional pyarrow extra")):
        out = invoke("tally", "2018", str(folder), "-f", "parquet", "-o", str(target), "--lang", lang)
        assert out.exit_code == 2
        assert "pip install 'thidua-cli[parquet]'" in out.output
        assert words in out.output
        assert "Traceback" not in out.output
        assert out.exception is None or isinstance(out.exception, SystemExit)
    assert not target.exists()


def test_parquet_needs_an_output_file(tmp_path: Path):
    out = invoke("tally", "2018", str(province(tmp_path / "tinh", 1)), "-f", "parquet")
    assert out.exit_code == 2
    assert "--output" in out.output


def test_records_are_written_chunk_by_chunk_in_their_order(tmp_path: Path):
    """Row groups of `chunk` records (memory of one chunk at a time), read back as written."""
    folder = province(tmp_path / "tinh", 1)
    rows = load([folder], load_catalogue(), jobs=1, cache=None).rows
    target, empty = tmp_path / "r.parquet", tmp_path / "none.parquet"
    assert child(WRITE, str(folder), str(target), str(empty)) == [len(rows), 0]
    assert len(rows) == 6
    table = child(READ, str(target))
    assert table["groups"] == 3
    assert [tuple(r.values()) for r in table["rows"]] == [tuple(r) for r in rows]
    assert child(READ, str(empty))["names"] == list(RECORD_FIELDS)


def test_a_warm_run_writes_the_same_records_from_the_cache(tmp_path: Path):
    """The second run reads the records from the cache, file by file, and writes the same file."""
    folder = province(tmp_path / "tinh", 1)
    first, second = tmp_path / "1.parquet", tmp_path / "2.parquet"
    assert thidua("tally", "2015-2020", str(folder), "-f", "parquet", "-o", str(first), "-q").returncode == 1
    assert thidua("tally", "2015-2020", str(folder), "-f", "parquet", "-o", str(second), "-q").returncode == 1
    assert child(READ, str(second))["rows"] == child(READ, str(first))["rows"]
    assert len(child(READ, str(second))["rows"]) == 5
