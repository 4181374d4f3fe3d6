"""A form the law has only for some achievement years (catalogue `years`): Huy hiệu exists in
the 2003 law only, so a Huy hiệu for 2024 is an `award-not-in-law` finding, never a record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import simple_sheet, write_xlsx
from thidua_cli import load
from thidua_cli.catalogue import load_catalogue, uncached_catalogue
from thidua_cli.catalogue_check import check_catalogue
from thidua_cli.cli import app
from thidua_cli.errors import CatalogueError


def _huy_hieu_list(tmp_path: Path) -> Path:
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "Nguyễn Văn An", "", "", "Huy hiệu của Chủ tịch UBND tỉnh", "", "", 2023],
            [2, "Trần Thị Bình", "", "", "Huy hiệu của Chủ tịch UBND tỉnh", "", "", 2024],
            [3, "Lê Văn Cường", "", "", "Huy hiệu", "Cấp tỉnh", "", 2024],
            [4, "Phạm Thị Dung", "", "", "Lao động tiên tiến", "", "", 2024],
        ]
    )
    return write_xlsx(tmp_path / "x.xlsx", rows)


def test_shipped_catalogue_bounds_huy_hieu_to_2023() -> None:
    catalogue = load_catalogue()
    huy_hieu = catalogue.award("Huy hiệu")
    assert huy_hieu.years == (1945, 2023)
    assert huy_hieu.exists_in(2023) and not huy_hieu.exists_in(2024)
    assert catalogue.award("Xã, phường, thị trấn tiêu biểu").years == (2024, 2100)
    assert catalogue.award("Lao động tiên tiến").years is None


def test_huy_hieu_2023_counted_2024_reported(tmp_path: Path) -> None:
    result = load([_huy_hieu_list(tmp_path)])
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [
        ("award-not-in-law", 8, "Huy hiệu của Chủ tịch UBND tỉnh", "2024; 1945–2023"),
        ("award-not-in-law", 9, "Huy hiệu", "2024; 1945–2023"),
    ]
    frame = result.records
    assert list(zip(frame["award"].astype(str), frame["level"].astype(str), frame["year"].astype(int), strict=True)) == [
        ("Huy hiệu", "Tỉnh", 2023),
        ("Lao động tiên tiến", "Cơ sở", 2024),
    ]
    message = result.problems[0].message()
    assert "Huy hiệu chỉ có đến năm 2023" in message and "1945–2023" in message
    assert "does not exist in the law" in result.problems[0].message("en")


def test_cli_tally_counts_huy_hieu_2023_only(tmp_path: Path) -> None:
    path = _huy_hieu_list(tmp_path)
    runner = CliRunner()
    out = runner.invoke(app, ["tally", "2023-2024", str(path), "--format", "json", "-q"])
    assert out.exit_code == 1  # rows not counted
    assert json.loads(out.stdout)["total"] == 2
    out = runner.invoke(app, ["validate", str(path), "--format", "json"])
    findings = json.loads(out.stdout)["findings"]
    assert [(f["code"], f["row"]) for f in findings] == [("award-not-in-law", 8), ("award-not-in-law", 9)]


def test_a_user_catalogue_may_bound_a_known_award(tmp_path: Path) -> None:
    path = tmp_path / "rieng.toml"
    path.write_text('[[award]]\nname = "Lao động tiên tiến"\nyears = [2000, 2020]\n', encoding="utf-8")
    catalogue = uncached_catalogue((path,))
    assert catalogue.award("Lao động tiên tiến").years == (2000, 2020)
    assert check_catalogue(path) == []


@pytest.mark.parametrize("value", ["[2024, 2023]", "[2023]", '["2004", "2023"]', "2023", "[1900, 2023]", "[true, 2023]"])
def test_catalogue_check_refuses_a_bad_years_range(tmp_path: Path, value: str) -> None:
    path = tmp_path / "rieng.toml"
    path.write_text(
        f'[[award]]\nname = "Danh hiệu riêng"\ncategory = "Danh hiệu thi đua"\nkinds = ["Cá nhân"]\n'
        f'levels = ["Cơ sở"]\nyears = {value}\n',
        encoding="utf-8",
    )
    found = check_catalogue(path)
    assert [(f.code, f.is_error, f.value) for f in found] == [("bad-years", True, value)]
    assert "[năm đầu, năm cuối]" in found[0].message()
    with pytest.raises(CatalogueError, match="years"):
        uncached_catalogue((path,))
    out = CliRunner().invoke(app, ["catalogue", "--check", str(path)])
    assert out.exit_code == 2 and "years = " in out.stdout
