"""Sectors' own wording (mass organisations, the armed forces and police, …) read at the level the
law gives their issuers, or reported; never a confident wrong level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import simple_sheet, write_xlsx
from thidua_cli import load
from thidua_cli.cli import app


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


# --- commands of the armed forces and the police: their names start with "Bộ", no ministry ----------
_FORCES = [
    [1, "Lê Văn An", "", "", "Giấy khen Bộ Tư lệnh Quân khu 4", "", "", 2019],
    [2, "Trần Văn Bình", "", "", "Giấy khen", "Bộ CHQS tỉnh", "", 2019],
    [3, "Phạm Văn Cường", "", "", "Bằng khen Bộ Chỉ huy BĐBP tỉnh", "", "", 2019],
    [4, "Hoàng Văn Dũng", "", "", "Bằng khen", "Bộ Tư lệnh Quân khu 4", "", 2019],
    [5, "Vũ Văn Em", "", "", "Bằng khen Bộ Quốc phòng", "", "", 2019],
    [6, "Đỗ Văn Giang", "", "", "Giấy khen Công an tỉnh", "", "", 2019],
]


def test_a_command_of_the_armed_forces_is_no_ministry(tmp_path: Path) -> None:
    """ "Bộ Tư lệnh Quân khu", "Bộ CHQS tỉnh", "Bộ Chỉ huy BĐBP tỉnh" give Giấy khen (TT 93/2024/TT-BQP
    Đ.23); before, the "Bộ" they start with made each a ministry: a Bằng khen counted at Bộ, exit 0,
    and a Giấy khen reported impossible-level."""
    path = write_xlsx(tmp_path / "qs.xlsx", simple_sheet(_FORCES, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))
    result = load([path])
    records = [(r.row, str(r.award), str(r.level), r.issuer) for r in result.records.itertuples()]
    forces = "Chỉ huy đơn vị Quân đội, Công an"
    assert records == [
        (6, "Giấy khen", "Cơ sở", forces),
        (7, "Giấy khen", "Cơ sở", forces),
        (10, "Bằng khen", "Bộ", "Bộ trưởng"),
        (11, "Giấy khen", "Cơ sở", forces),
    ]
    assert [(p.code, p.row) for p in result.problems] == [("impossible-level", 8), ("impossible-level", 9)]


def test_cli_reports_a_bang_khen_of_a_military_command(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "qs.xlsx", simple_sheet(_FORCES, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--format", "json"])
    assert out.exit_code == 1
    rows = {(r["award"], r["level"]): r["count"] for r in json.loads(out.stdout)["rows"]}
    assert rows == {("Giấy khen", "Cơ sở"): 3, ("Bằng khen", "Bộ"): 1}
    assert out.stderr.count("[impossible-level]") == 2
