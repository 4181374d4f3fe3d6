"""Mass organisations' central bodies named without "Việt Nam" confer a Bộ-level Bằng khen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import simple_sheet, write_xlsx
from thidua_cli import load


@pytest.mark.parametrize(
    "text",
    [
        "Bằng khen Trung ương Hội Nông dân",
        "Bằng khen của TW Hội Nông dân",
        "Bằng khen của Trung ương Hội Liên hiệp Phụ nữ",
        "Bằng khen của Trung ương Hội Cựu chiến binh",
    ],
)
def test_a_central_mass_organisation_without_viet_nam_is_level_bo(tmp_path: Path, text: str) -> None:
    rows = simple_sheet([["I. CÁ NHÂN"], [1, "Lê Văn An", "", "", text, "", "", 2019]])
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert result.problems == []
    assert [(str(r.award), str(r.level), r.issuer) for r in result.records.itertuples()] == [
        ("Bằng khen", "Bộ", "Cơ quan trung ương của đoàn thể")
    ]
