"""A yearly title with a period of several years in its row, and a date in the decision-year
column (review of the year-column periods): never counted once in silence, never lost."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from thidua_cli import load
from thidua_cli.cli import app


def _sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in [["DANH SÁCH KHEN THƯỞNG"], header, *rows]:
        wb.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_yearly_title_over_several_years_is_bad_year_not_one_record(tmp_path: Path) -> None:
    """Before: "Lao động tiên tiến | 2016-2020" was one LĐTT of 2020, exit 0, nothing said."""
    rows: list[list[object]] = [
        [1, "Lê Văn An", "Lao động tiên tiến", "2016-2020"],
        [2, "Trần Thị Bình", "Lao động tiên tiến", "2020"],
        [3, "Phạm Văn Cường", "Chiến sĩ thi đua cơ sở", "2019-2021"],
        [4, "Hoàng Thị Dung", "Lao động tiên tiến", "2019-2020"],  # a school year: one title
        [5, "Vũ Văn Em", "Bằng khen của Chủ tịch UBND tỉnh", "2016-2020"],  # a five-year Bằng khen
    ]
    _sheet(tmp_path / "ds" / "a.xlsx", ["STT", "Họ và tên", "Danh hiệu", "Năm"], rows)
    result = load([tmp_path / "ds"])
    assert sorted(result.records["row"]) == [4, 6, 7]
    assert [(p.code, p.row, p.value) for p in result.errors] == [("bad-year", 3, "2016-2020"), ("bad-year", 5, "2019-2021")]
    out = CliRunner().invoke(app, ["tally", "2015-2025", str(tmp_path / "ds"), "-q", "-f", "csv"])
    assert out.exit_code == 1


def test_a_date_in_the_decision_year_column_gives_its_year(tmp_path: Path) -> None:
    """Before: "15/01/2020" under "Năm khen thưởng" was bad-date and the row was lost."""
    header = ["STT", "Họ và tên", "Danh hiệu", "Năm thành tích", "Năm khen thưởng"]
    _sheet(tmp_path / "ds" / "a.xlsx", header, [[1, "Lê Văn An", "Lao động tiên tiến", 2019, "15/01/2020"]])
    result = load([tmp_path / "ds"])
    assert list(result.records["year"]) == [2019] and not result.errors
