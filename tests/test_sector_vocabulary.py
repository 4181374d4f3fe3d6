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


# --- a level cell that names two levels (the statistical forms' tier "Cấp Bộ, tỉnh", "Tỉnh/Huyện") --
_TWO_LEVELS = [
    [1, "Lê Văn An", "", "", "Bằng khen", "Cấp Bộ, tỉnh", "", 2019],  # which one: not said
    [2, "Trần Văn Bình", "", "", "Bằng khen", "Tỉnh/Huyện", "", 2019],  # a district gives no Bằng khen
    [3, "Phạm Văn Cường", "", "", "Giấy khen", "Tỉnh/Huyện", "", 2019],
    [4, "Hoàng Văn Dũng", "", "", "Bằng khen", "Bộ, tỉnh", "12/QĐ-UBND", 2019],  # the decision says
    [5, "Vũ Văn Em", "", "", "Bằng khen của Bộ trưởng Bộ Y tế", "Bộ/Tỉnh", "", 2019],  # the text says
    [6, "Đỗ Văn Giang", "", "", "Bằng khen", "UBND tỉnh, Bộ Y tế", "", 2019],
    [7, "Ngô Văn Hải", "", "", "Bằng khen", "Bộ Lao động, Thương binh và Xã hội", "", 2019],  # one issuer
    [8, "Bùi Văn Ích", "", "", "Bằng khen", "Tỉnh, thành phố", "", 2019],  # one level's own name
]


def test_a_level_cell_naming_two_levels_is_not_read_as_its_first(tmp_path: Path) -> None:
    """Before, the first level written was taken: "Cấp Bộ, tỉnh" and "UBND tỉnh, Bộ Y tế" counted a
    Bằng khen at Bộ with exit 0. Now the level is the one of them the award can have, or the one the
    award text or decision number names, else the row is reported ambiguous-level."""
    path = write_xlsx(tmp_path / "hai-cap.xlsx", simple_sheet(_TWO_LEVELS, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))
    result = load([path])
    records = [(r.row, str(r.award), str(r.level)) for r in result.records.itertuples()]
    assert records == [
        (7, "Bằng khen", "Tỉnh"),
        (8, "Giấy khen", "Cơ sở"),
        (9, "Bằng khen", "Tỉnh"),
        (10, "Bằng khen", "Bộ"),
        (12, "Bằng khen", "Bộ"),
        (13, "Bằng khen", "Tỉnh"),
    ]
    assert [(p.code, p.row, p.value) for p in result.problems] == [
        ("ambiguous-level", 6, "Cấp Bộ, tỉnh"),
        ("ambiguous-level", 11, "UBND tỉnh, Bộ Y tế"),
    ]


def test_cli_reports_a_level_cell_naming_two_levels(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "hai-cap.xlsx", simple_sheet(_TWO_LEVELS[:1], "DANH SÁCH KHEN THƯỞNG NĂM 2019"))
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--format", "json"])
    assert out.exit_code == 1
    assert json.loads(out.stdout)["total"] == 0
    assert "[ambiguous-level]" in out.stderr and "Cấp Bộ, tỉnh" in out.stderr


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("Cấp Bộ, tỉnh", {"Bộ", "Tỉnh"}),
        ("Tỉnh - Huyện", {"Tỉnh", "Cơ sở"}),
        ("Chủ tịch UBND tỉnh, Bộ trưởng", {"Tỉnh", "Bộ"}),
        ("Giám đốc Sở Y tế, Chủ tịch UBND tỉnh", {"Cơ sở", "Tỉnh"}),
        ("Bộ, ngành, địa phương", {"Nhà nước", "Chính phủ", "Bộ", "Tỉnh", "Cơ sở"}),  # which: not said
        ("Tỉnh", None),
        ("Cấp huyện, xã", None),
        ("Tỉnh ủy và UBND tỉnh", None),
        ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", None),
        ("Bộ Văn hóa, Thể thao và Du lịch", None),
        ("Sở Lao động - Thương binh và Xã hội", None),
    ],
)
def test_levels_named_by_a_level_cell(text: str, levels: set[str] | None) -> None:
    from thidua_cli.catalogue import load_catalogue

    found = load_catalogue().levels_named(text)
    assert (set(found) if found is not None else None) == levels


# --- "Chiến sĩ thi đua" without its level: the level cell or the heading says which title -----------
def _titles(tmp_path: Path, heading: str, rows: list[list[object]]) -> tuple[list[tuple[int, str, str]], list[str]]:
    top = [["SỞ Y TẾ TỈNH X"], [], [heading], [], ["STT", "Họ và tên", "Danh hiệu", "Cấp khen"]]
    result = load([write_xlsx(tmp_path / "cstd.xlsx", [*top, *rows])])
    found = [(r.row, str(r.award), str(r.level)) for r in result.records.itertuples()]
    return found, [f"{p.code}:{p.row}" for p in result.problems]


_CSTD = [
    [1, "Lê Văn An", "Chiến sĩ thi đua", "Cơ sở"],
    [2, "Trần Văn Bình", "CSTĐ", "Tỉnh"],
    [3, "Phạm Văn Cường", "Chiến sĩ thi đua", "Cấp bộ"],
    [4, "Hoàng Văn Dũng", "Danh hiệu Chiến sĩ thi đua năm 2019", "Chủ tịch UBND huyện"],
    [5, "Vũ Văn Em", "Chiến sĩ thi đua", "Tỉnh/Huyện"],  # two levels: which title is not said
    [6, "Đỗ Văn Giang", "Chiến sĩ thi đua", ""],  # nothing says which
]


def test_a_title_written_without_its_level_takes_the_level_cells(tmp_path: Path) -> None:
    """Before, every row was unknown-award (reported, but none counted) though its level cell said
    which title it was."""
    found, problems = _titles(tmp_path, "DANH SÁCH KHEN THƯỞNG NĂM 2019", _CSTD)
    assert found == [
        (6, "Chiến sĩ thi đua cơ sở", "Cơ sở"),
        (7, "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "Tỉnh"),
        (8, "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "Bộ"),
        (9, "Chiến sĩ thi đua cơ sở", "Cơ sở"),
    ]
    assert problems == ["unknown-award:10", "unknown-award:11"]


def test_a_title_written_without_its_level_under_a_heading_naming_it(tmp_path: Path) -> None:
    rows = [[1, "Lê Văn An", "Chiến sĩ thi đua", ""], [2, "Trần Văn Bình", "CSTĐ", ""]]
    found, problems = _titles(tmp_path, "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2019", rows)
    assert (found, problems) == ([(6, "Chiến sĩ thi đua cơ sở", "Cơ sở"), (7, "Chiến sĩ thi đua cơ sở", "Cơ sở")], [])
    found, problems = _titles(tmp_path, "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019", rows)
    assert (found, problems) == ([], ["unknown-award:6", "unknown-award:7"])  # that heading names no such title


# --- a province's own Kỷ niệm chương is no ministry's ---------------------------------------------
def test_a_provinces_own_commemorative_medal_is_level_tinh(tmp_path: Path) -> None:
    """ "Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Trị" is given by the province
    (L2003 Đ.69); before, a named part outside the catalogue's list took the usual level Bộ, exit 0.
    A ministry's own ("Vì sức khỏe nhân dân") stays Bộ; a level cell still comes first."""
    rows = [
        [1, "Lê Văn An", "", "", "Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Trị", "", "", 2019],
        [2, "Trần Văn Bình", "", "", "Kỷ niệm chương Vì sức khỏe nhân dân", "", "", 2019],
        [3, "Phạm Văn Cường", "", "", "KNC Vì sự nghiệp phát triển tỉnh Bắc Ninh", "Cấp Bộ", "", 2019],
        # review: the province's word outranked a ministry's decision number (Tỉnh, exit 0)
        [4, "Hoàng Văn Dũng", "", "", "Kỷ niệm chương Vì sự nghiệp Giáo dục tỉnh Thanh Hóa", "", "12/QĐ-BGDĐT", 2019],
    ]
    result = load([write_xlsx(tmp_path / "knc.xlsx", simple_sheet(rows, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))])
    found = [(r.row, str(r.award), str(r.level), r.detail) for r in result.records.itertuples()]
    assert found == [
        (6, "Kỷ niệm chương", "Tỉnh", "Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Trị"),
        (7, "Kỷ niệm chương", "Bộ", "Vì sức khỏe nhân dân"),
        (8, "Kỷ niệm chương", "Bộ", "Vì sự nghiệp phát triển tỉnh Bắc Ninh"),
        (9, "Kỷ niệm chương", "Bộ", "Vì sự nghiệp Giáo dục tỉnh Thanh Hóa"),
    ]
    assert result.problems == []
    assert result.checks == []  # the province's word names no issuer: nothing for the level cell to contradict


def test_the_state_tier_of_the_statistical_forms_in_a_level_cell(tmp_path: Path) -> None:
    """ "Cấp Nhà nước" (Thông tư 02/2023/TT-BNV) counts the Prime Minister's awards too: a Bằng khen or
    CSTĐ toàn quốc under it is the Prime Minister's (before: impossible-level, none counted), an order
    stays Nhà nước, a Giấy khen is impossible-level as before."""
    rows = [
        [1, "Lê Văn An", "", "", "Bằng khen", "Cấp Nhà nước", "", 2019],
        [2, "Trần Văn Bình", "", "", "Chiến sĩ thi đua toàn quốc", "Cấp nhà nước", "", 2019],
        [3, "Phạm Văn Cường", "", "", "Huân chương Lao động hạng Ba", "Cấp Nhà nước", "", 2019],
        [4, "Hoàng Văn Dũng", "", "", "Giấy khen", "Cấp Nhà nước", "", 2019],
    ]
    result = load([write_xlsx(tmp_path / "tier.xlsx", simple_sheet(rows, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))])
    assert [(r.row, str(r.award), str(r.level)) for r in result.records.itertuples()] == [
        (6, "Bằng khen", "Chính phủ"),
        (7, "Chiến sĩ thi đua toàn quốc", "Chính phủ"),
        (8, "Huân chương Lao động hạng Ba", "Nhà nước"),
    ]
    assert [(p.code, p.row) for p in result.problems] == [("impossible-level", 9)]


def test_the_central_tier_and_decision_numbers_with_a_department(tmp_path: Path) -> None:
    """ "TW", "Trung ương" in a level cell: above the province (an order is Nhà nước, a Kỷ niệm chương
    Bộ, a Bằng khen needs its issuer); a ministry's decision number with its department's code
    ("QĐ-BNN-TCCB") or "QĐ-CTUBND" is read as the ministry's, the People's Committee's. Before: every
    such row was unknown-level or ambiguous-level, none counted."""
    rows = [
        [1, "Lê Văn An", "", "", "Huân chương Lao động hạng Ba", "TW", "", 2019],
        [2, "Trần Văn Bình", "", "", "Kỷ niệm chương Vì sức khỏe nhân dân", "Trung ương", "", 2019],
        [3, "Phạm Văn Cường", "", "", "Bằng khen của Thủ tướng Chính phủ", "TW", "", 2019],
        [4, "Hoàng Văn Dũng", "", "", "Bằng khen", "Cấp TW", "", 2019],  # the PM's or a ministry's: not said
        [5, "Vũ Văn Em", "", "", "Bằng khen", "", "123/QĐ-BNN-TCCB", 2019],
        [6, "Đỗ Văn Giang", "", "", "Bằng khen", "", "45/QĐ-CTUBND", 2019],
        [7, "Ngô Văn Hải", "", "", "Lao động tiên tiến", "TW", "", 2019],
    ]
    result = load([write_xlsx(tmp_path / "tw.xlsx", simple_sheet(rows, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))])
    assert [(r.row, str(r.award), str(r.level)) for r in result.records.itertuples()] == [
        (6, "Huân chương Lao động hạng Ba", "Nhà nước"),
        (7, "Kỷ niệm chương", "Bộ"),
        (8, "Bằng khen", "Chính phủ"),
        (10, "Bằng khen", "Bộ"),
        (11, "Bằng khen", "Tỉnh"),
    ]
    assert [(p.code, p.row) for p in result.problems] == [("ambiguous-level", 9), ("impossible-level", 12)]


def test_a_level_cell_typed_without_diacritics(tmp_path: Path) -> None:
    """ "tinh", "co so", "UBND huyen": before, unknown-level, none counted; now the level whose name it
    is without its diacritics (only one level has it). The award cells typed so are read as before
    (the accentless last resort, with its fuzzy-award warning)."""
    rows = [
        [1, "Le Van An", "", "", "Bằng khen", "tinh", "", 2019],
        [2, "Tran Van Binh", "", "", "Giấy khen", "UBND huyen", "", 2019],
        [3, "Pham Van Cuong", "", "", "Chiến sĩ thi đua", "co so", "", 2019],
        [4, "Hoang Van Dung", "", "", "Bằng khen", "Bo", "", 2019],
        [5, "Vu Van Em", "", "", "Bằng khen", "Tnh", "", 2019],  # no level's name: still reported
    ]
    result = load([write_xlsx(tmp_path / "khong-dau.xlsx", simple_sheet(rows, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))])
    assert [(r.row, str(r.award), str(r.level)) for r in result.records.itertuples()] == [
        (6, "Bằng khen", "Tỉnh"),
        (7, "Giấy khen", "Cơ sở"),
        (8, "Chiến sĩ thi đua cơ sở", "Cơ sở"),
        (9, "Bằng khen", "Bộ"),
    ]
    assert [(p.code, p.row) for p in result.problems] == [("unknown-level", 10)]


def test_a_two_level_cell_never_overrides_what_the_award_text_or_the_decision_names(tmp_path: Path) -> None:
    """Review: "Bằng khen của Thủ tướng" | "Tỉnh/Huyện" counted at Tỉnh without a word (the award text
    and 12/QĐ-TTg say Chính phủ); "Sở, ngành" made a Bằng khen a ministry's. Each is now reported."""
    rows = [
        [1, "Lê Văn An", "", "", "Bằng khen của Thủ tướng Chính phủ", "Tỉnh/Huyện", "12/QĐ-TTg", 2019],
        [2, "Trần Văn Bình", "", "", "Bằng khen", "Tỉnh/Huyện", "12/QĐ-TTg", 2019],
        [3, "Phạm Văn Cường", "", "", "Bằng khen của Bộ trưởng Bộ Y tế", "Cấp Nhà nước", "", 2019],
        [4, "Hoàng Văn Dũng", "", "", "Bằng khen", "Sở, ngành", "", 2019],
        [5, "Vũ Văn Em", "", "", "Bằng khen", "Tỉnh/Huyện", "", 2019],  # only the province gives it
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", simple_sheet(rows, "DANH SÁCH KHEN THƯỞNG NĂM 2019"))])
    assert [(r.row, str(r.level)) for r in result.records.itertuples()] == [(10, "Tỉnh")]
    assert {p.row for p in result.problems if p.code in ("ambiguous-level", "impossible-level", "unknown-level")} == {
        6,
        7,
        8,
        9,
    }


def test_a_bare_title_under_a_heading_naming_two_titles_is_not_given_either(tmp_path: Path) -> None:
    """Review: "… CHIẾN SĨ THI ĐUA CƠ SỞ, CHIẾN SĨ THI ĐUA CẤP TỈNH" gave every bare "CSTĐ" row the first."""
    rows = [[1, "Lê Văn An", "Chiến sĩ thi đua", ""], [2, "Trần Văn Bình", "CSTĐ", ""]]
    heading = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ, CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2019"
    found, problems = _titles(tmp_path, heading, rows)
    assert (found, problems) == ([], ["unknown-award:6", "unknown-award:7"])


def test_army_units_in_a_column_without_a_header_are_units_not_levels(tmp_path: Path) -> None:
    """Review: "Lữ đoàn 147", "Quân khu 4" … under a blank header were read as the level column
    (their words name the commands' issuer too): six impossible-level, nothing counted."""
    units = ["Lữ đoàn 147", "Quân đoàn 1", "Quân chủng Hải quân", "Binh chủng Công binh", "Lữ đoàn 206", "Quân khu 4"]
    rows = [[i, f"Nguyễn Văn {chr(65 + i)}", u, "Bằng khen", "12/QĐ-BQP"] for i, u in enumerate(units, 1)]
    top = [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], ["STT", "Họ và tên", None, "Hình thức khen thưởng", "Số quyết định"]]
    result = load([write_xlsx(tmp_path / "qd.xlsx", [*top, *rows])])
    assert [str(level) for level in result.records["level"]] == ["Bộ"] * 6
    assert [p.code for p in result.problems] == []
