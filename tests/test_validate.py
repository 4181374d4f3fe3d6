"""`validate`: every check has a planted case, reported with its code at its row; clean rows stay clean."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.validation import load_rules, validate

HEADER = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Cấp khen", "Số quyết định", "Ngày quyết định", "Năm"]


def unit_sheet(rows: list[list[object]]) -> list[list[object]]:
    return [["DANH SÁCH KHEN THƯỞNG NĂM 2018"], [], HEADER, *rows]


# Row 4 onward; each planted row says what it should produce.
PLANTED = [
    ["I. CÁ NHÂN"],  # 4
    [1, "Lê Văn An", "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "20/12/2018", 2018],  # 5 clean
    [2, "Trần Thị Bình", "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "20/12/2018", 2018],  # 6 clean
    [3, None, "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "20/12/2018", 2018],  # 7 missing-name
    [4, "Phạm Văn Cường", "Phòng A", "Lao đông tien tiên xịn", "", "", "", 2018],  # 8 unknown-award
    [5, "Hoàng Văn Dũng", "Phòng A", "Tập thể lao động tiên tiến", "", "12/QĐ-SLĐTBXH", "", 2018],  # 9 kind-mismatch
    [6, "Vũ Thị Em", "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "", "hai nghìn"],  # 10 bad-year
    [7, "Đỗ Văn Giang", "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "31/02/2019", 2018],  # 11 bad-date
    [8, "Bùi Thị Hà", "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "15/06/2017", 2018],  # 12 bad-date (before)
    [9, "Lê Văn An", "Phòng A", "LĐTT", "", "12/QĐ-SLĐTBXH", "20/12/2018", 2018],  # 13 duplicate of row 5
    [10, "Ngô Văn Khánh", "Phòng A", "CSTĐCS", "", "13/QĐ-SLĐTBXH", "20/12/2018", 2018],  # 14 not-eligible
    [11, "Trần Thị Bình", "Phòng A", "CSTĐCS", "", "13/QĐ-SLĐTBXH", "20/12/2018", 2018],  # 15 clean
    [
        12,
        "Mai Văn Long",
        "Phòng A",
        "Bằng khen của Thủ tướng Chính phủ",
        "",
        "123/QĐ-UBND",
        "",
        2018,
    ],  # 16 level-mismatch
    [13, "Cao Thị Mai", "Phòng A", "Giấy khen", "GĐ Sở", "QĐ số 45", "", 2018],  # 17 bad-decision-number
    ["II. TẬP THỂ"],  # 18
    [1, "Phòng Kế toán", "Phòng A", "Chiến sĩ thi đua cơ sở", "", "13/QĐ-SLĐTBXH", "", 2018],  # 19 kind-mismatch
    [2, "Phòng Hành chính", "Phòng A", "TTLĐTT", "", "14/QĐ-SLĐTBXH", "", 2018],  # 20 clean
]
EXPECTED = {
    ("missing-name", 7),
    ("unknown-award", 8),
    ("kind-mismatch", 9),
    ("bad-year", 10),
    ("bad-date", 11),
    ("bad-date", 12),
    ("duplicate", 13),
    ("not-eligible", 14),
    ("level-mismatch", 16),
    ("bad-decision-number", 17),
    ("kind-mismatch", 19),
    ("over-quota", None),  # 2 CSTĐCS / 2 LĐTT counted in Phòng A, 2018 (rows 11-13, 19 are not counted)
}
CLEAN_ROWS = {5, 6, 15, 20}


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    folder = tmp_path / "nop"
    write_xlsx(folder / "don-vi-a.xlsx", unit_sheet(PLANTED), sheet="DS 2018")
    write_xlsx(folder / "ke-hoach.xlsx", [["KẾ HOẠCH"], ["STT", "Nội dung"], [1, "Phát động"]])
    (folder / "hong.xlsx").write_bytes(b"not a workbook")
    return folder


def test_every_planted_problem_at_its_row_and_no_clean_row_flagged(submissions: Path):
    report = validate(load([submissions]))
    found = {(f.code, f.row) for f in report.findings if f.file.endswith("don-vi-a.xlsx")}
    assert found == EXPECTED
    assert not {f.row for f in report.findings if f.severity == "error"} & CLEAN_ROWS
    by_file = {(Path(f.file).name, f.code) for f in report.findings if f.sheet is None and f.row is None}
    assert ("ke-hoach.xlsx", "no-table") in by_file and ("hong.xlsx", "unreadable") in by_file


def test_cells_columns_and_messages(submissions: Path):
    report = validate(load([submissions]))
    finding = next(f for f in report.findings if f.code == "unknown-award")
    assert (finding.cell, finding.column, finding.value) == ("D8", "Danh hiệu", "Lao đông tien tiên xịn")
    assert "Có phải: Lao động tiên tiến?" in finding.message()
    duplicate = next(f for f in report.findings if f.code == "duplicate")
    assert duplicate.cell == "B13" and "dòng 5" in duplicate.message()
    quota = next(f for f in report.findings if f.code == "over-quota")
    assert quota.sheet == "DS 2018" and "91/2017" in quota.message() and quota.severity == "warning"


def test_quota_ratio_is_configurable(submissions: Path):
    report = validate(load([submissions]), rules=load_rules(ratio=1.0))
    assert "over-quota" not in {f.code for f in report.findings}


def test_year_option_flags_other_years(tmp_path: Path):
    path = write_xlsx(tmp_path / "a.xlsx", unit_sheet([[1, "Lê Văn An", "P", "LĐTT", "", "", "", 2017]]))
    report = validate(load([path]), year=2018)
    assert [(f.code, f.row, f.cell) for f in report.findings] == [("bad-year", 4, "H4")]


def test_clean_sheet_has_no_finding(tmp_path: Path):
    rows = [
        [1, "Lê Văn An", "P", "LĐTT", "", "12/QĐ-SLĐTBXH", "20/12/2018", 2018],
        [2, "Đoàn Văn Bình", "P", "LĐTT", "", "12/QĐ–SLĐTBXH", "20/12/2018", 2018],  # a surname, not a collective
        [3, "Lê Thị Cúc", "P", "Giấy khen", "GĐ Sở", "01/2019/QĐ-SLĐTBXH", "05/01/2019", 2018],
    ]
    report = validate(load([write_xlsx(tmp_path / "a.xlsx", unit_sheet(rows))]))
    assert report.findings == []


def test_json_equals_library_and_exit_codes(submissions: Path):
    runner = CliRunner()
    out = runner.invoke(app, ["validate", str(submissions), "--format", "json"])
    assert out.exit_code == 1
    payload = json.loads(out.stdout)
    assert payload == validate(load([submissions])).as_dict()
    first = payload["findings"][0]
    assert set(first) >= {"file", "sheet", "row", "column", "value", "severity", "code", "message"}
    clean = submissions.parent / "sach"
    write_xlsx(clean / "a.xlsx", unit_sheet([[1, "Lê Văn An", "P", "LĐTT", "", "12/QĐ-SLĐTBXH", "20/12/2018", 2018]]))
    assert runner.invoke(app, ["validate", str(clean)]).exit_code == 0
    warn = submissions.parent / "canh-bao"
    write_xlsx(warn / "a.xlsx", unit_sheet([[1, "Lê Văn An", "P", "Giấy khen", "GĐ Sở", "QĐ số 45", "", 2018]]))
    assert runner.invoke(app, ["validate", str(warn)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(warn), "--strict"]).exit_code == 1
    (submissions.parent / "rong").mkdir()
    assert runner.invoke(app, ["validate", str(submissions.parent / "rong")]).exit_code == 3


def test_table_view_groups_by_file_and_sheet(submissions: Path):
    out = CliRunner().invoke(app, ["validate", str(submissions)], env={"COLUMNS": "250"})
    assert "don-vi-a.xlsx › DS 2018" in out.stdout
    assert "Có phải: Lao động tiên tiến?" in out.stdout
    assert "don-vi-a.xlsx: 8 lỗi, 4 cảnh báo" in out.stdout


def test_annotated_copies(submissions: Path, tmp_path: Path):
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("2018")
    for c, h in enumerate(["STT", "Họ và tên", "Danh hiệu", "Năm"]):
        ws.write(0, c, h)
    for c, v in enumerate([1, "Lê Văn An", "Danh hiệu lạ", 2018]):
        ws.write(1, c, v)
    wb.save(str(submissions / "cu.xls"))
    before = {p.name: p.read_bytes() for p in submissions.iterdir()}
    out_dir = tmp_path / "tra-lai"
    result = CliRunner().invoke(app, ["validate", str(submissions), "--annotate", str(out_dir), "-f", "json"])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in submissions.iterdir()} == before
    book = openpyxl.load_workbook(out_dir / "don-vi-a.xlsx")
    assert book.sheetnames[0] == "Kết quả kiểm tra"
    sheet = book["DS 2018"]
    assert sheet["D8"].fill.start_color.rgb.endswith("FFC7CE")
    assert "unknown-award" in sheet["D8"].comment.text
    assert sheet["B13"].comment is not None and sheet["F17"].fill.start_color.rgb.endswith("FFEB9C")
    assert sheet["B5"].comment is None
    summary = book["Kết quả kiểm tra"]
    links = [c.hyperlink.location if c.hyperlink.location else c.hyperlink.target for c in summary["C"] if c.hyperlink]
    assert "'DS 2018'!D8" in " ".join(links)
    legacy = openpyxl.load_workbook(out_dir / "cu.xlsx")
    assert legacy["2018"]["C2"].comment is not None
    assert sorted(p.name for p in out_dir.iterdir()) == ["cu.xlsx", "don-vi-a.xlsx", "hong.xlsx", "ke-hoach.xlsx"]


def test_a_finding_repeated_down_a_block_names_each_row_and_its_own_value(tmp_path: Path):
    """Rows that share a block (same award, level, decision-number shape) share one resolution;
    each row's finding must still carry that row's cell and value."""
    rows = [
        [1, "Cao Thị Mai", "P", "Giấy khen", "GĐ Sở", "QĐ số 45", "", 2018],
        [2, "Lê Văn Bình", "P", "Giấy khen", "GĐ Sở", "QĐ số 46", "", 2018],
        [3, "Mai Văn Long", "P", "Bằng khen của Thủ tướng Chính phủ", "", "123/QĐ-UBND", "", 2018],
        [4, "Mai Văn Lâm", "P", "Bằng khen của Thủ tướng Chính phủ", "", "124/QĐ-UBND", "", 2018],
        [5, "Phòng Kế toán", "P", "LĐTT", "", "12/QĐ-SLĐTBXH", "31/02/2019", 2018],
        [6, "Phòng Tổ chức", "P", "LĐTT", "", "12/QĐ-SLĐTBXH", "31/02/2019", 2018],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", unit_sheet(rows))])
    got = sorted((f.code, f.row, f.cell, f.value, f.detail) for f in [*result.problems, *result.checks])
    assert got == [
        ("bad-date", 8, "G8", "31/02/2019", "invalid"),
        ("bad-date", 9, "G9", "31/02/2019", "invalid"),
        ("bad-decision-number", 4, "F4", "QĐ số 45", None),
        ("bad-decision-number", 5, "F5", "QĐ số 46", None),
        ("kind-mismatch", 8, "D8", "Lao động tiên tiến", "Tập thể"),
        ("kind-mismatch", 9, "D9", "Lao động tiên tiến", "Tập thể"),
        ("level-mismatch", 6, "D6", "Bằng khen của Thủ tướng Chính phủ", "123/QĐ-UBND"),
        ("level-mismatch", 7, "D7", "Bằng khen của Thủ tướng Chính phủ", "124/QĐ-UBND"),
    ]


def test_decision_numbers_alike_but_for_their_digits_are_judged_each_on_its_own(tmp_path: Path):
    """Numbers share a cached shape only when they differ in the digits before the first "/"."""
    rows = [
        [1, "Lê Văn An", "P", "Giấy khen", "GĐ Sở", "45/QĐ-SLĐTBXH", "", 2018],
        [2, "Lê Văn Bình", "P", "Giấy khen", "GĐ Sở", "46/QĐ-SLĐTBXH", "", 2018],
        [3, "Lê Văn Cường", "P", "Giấy khen", "GĐ Sở", "4/2018/QĐ-SLĐTBXH", "", 2018],
        [4, "Lê Văn Dũng", "P", "Giấy khen", "GĐ Sở", "45a/QĐ-SLĐTBXH", "", 2018],
        [5, "Lê Văn Em", "P", "Giấy khen", "GĐ Sở", "QĐ 45", "", 2018],
        [6, "Lê Văn Giang", "P", "Giấy khen", "GĐ Sở", "45/QĐ-TTg", "", 2018],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", unit_sheet(rows))])
    got = sorted((f.code, f.row, f.value) for f in [*result.problems, *result.checks])
    assert got == [
        ("bad-decision-number", 8, "QĐ 45"),
        ("level-mismatch", 9, "GĐ Sở"),
    ]
