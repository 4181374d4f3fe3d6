"""export, template and report: the numbers equal the tally; the files open and hold what they claim."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE
from thidua_cli import load, load_catalogue, tally
from thidua_cli.cli import app
from thidua_cli.export import export_workbook
from thidua_cli.report import build_report, write_docx
from thidua_cli.template import write_template
from thidua_cli.validation import validate

YEARS = list(range(2015, 2021))


@pytest.fixture(scope="module")
def sample():  # type: ignore[no-untyped-def]
    return load([SAMPLE])


def _summary_numbers(path: Path) -> dict[tuple[str, str, str, int], int]:
    ws = openpyxl.load_workbook(path)["Tổng hợp"]
    header = [c.value for c in ws[6]]
    years = {i: int(v) for i, v in enumerate(header) if isinstance(v, str) and v.isdigit()}
    out = {}
    for row in ws.iter_rows(min_row=7, values_only=True):
        if isinstance(row[0], int):
            for i, year in years.items():
                if row[i]:
                    out[(row[1], row[2], row[3], year)] = row[i]
    return out


def test_export_numbers_equal_tally_and_totals_are_formulas(sample, tmp_path: Path):  # type: ignore[no-untyped-def]
    target = export_workbook(sample, YEARS, tmp_path / "tong-hop.xlsx", load_catalogue(), "Sở LĐ-TBXH")
    expected = tally(sample.records, YEARS, ["award", "level", "kind", "year"])
    want = {(str(a), str(lv), str(k), int(y)): int(c) for a, lv, k, y, c in expected.itertuples(index=False)}
    assert _summary_numbers(target) == want
    book = openpyxl.load_workbook(target)
    ws = book["Tổng hợp"]
    assert ws["A1"].value == "SỞ LĐ-TBXH" and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [c.value for c in ws[1]]
    assert ws["A4"].value == "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG GIAI ĐOẠN 2015-2020"
    formulas = [
        c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(")
    ]
    assert len(formulas) >= 15 + 7  # a total per award row, one per year column and the grand total
    assert ws._charts, "the summary sheet has a native chart"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws["B8"].font.name == "Times New Roman" and ws.freeze_panes
    assert book.sheetnames == ["Tổng hợp", *[f"Năm {y}" for y in YEARS], "Dữ liệu"]
    data = book["Dữ liệu"]
    assert data.max_row - 1 == 5874 and "DuLieu" in data.tables
    assert [c.value for c in data[1]][:3] == ["Tệp", "Trang tính", "Dòng"]
    year_sheet = book["Năm 2018"]
    counts_2018 = {}
    for r in year_sheet.iter_rows(min_row=7, values_only=True):
        if r[1] == "Tổng cộng":
            break
        counts_2018[(r[1], r[2], r[3])] = r[4]
    assert counts_2018 == {k[:3]: v for k, v in want.items() if k[3] == 2018}


def _data(book: openpyxl.Workbook, name: str) -> list[tuple[object, ...]]:
    return list(book[name].iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize(("sheet_rows", "sizes"), [(2000, [2000, 2000, 1874]), (5873, [5873, 1]), (5874, [5874])])
def test_export_data_splits_into_sheets_of_at_most_sheet_rows(sample, tmp_path: Path, sheet_rows, sizes):  # type: ignore[no-untyped-def]
    whole = openpyxl.load_workbook(export_workbook(sample, YEARS, tmp_path / "a.xlsx", load_catalogue()))
    target = export_workbook(sample, YEARS, tmp_path / "b.xlsx", load_catalogue(), sheet_rows=sheet_rows)
    book = openpyxl.load_workbook(target)
    names = ["Dữ liệu", *[f"Dữ liệu ({i})" for i in range(2, len(sizes) + 1)]]
    assert book.sheetnames == ["Tổng hợp", *[f"Năm {y}" for y in YEARS], *names]
    header = [c.value for c in whole["Dữ liệu"][1]]
    parts = [_data(book, name) for name in names]
    assert [len(part) for part in parts] == sizes
    assert [row for part in parts for row in part] == _data(whole, "Dữ liệu")  # the same records, in order
    for i, (name, size) in enumerate(zip(names, sizes, strict=True), 1):
        ws = book[name]
        assert [c.value for c in ws[1]] == header and ws.print_title_rows == "$1:$1"
        (table,) = ws.tables.values()
        assert (table.displayName, table.ref) == ("DuLieu" if i == 1 else f"DuLieu{i}", f"A1:Q{max(2, size + 1)}")
        assert ws.calculate_dimension() == f"A1:Q{size + 1}"


def test_export_data_sheet_of_no_records_is_one_sheet(sample, tmp_path: Path):  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(export_workbook(sample, [2030], tmp_path / "e.xlsx", load_catalogue(), sheet_rows=3))
    assert book.sheetnames == ["Tổng hợp", "Năm 2030", "Dữ liệu"] and book["Dữ liệu"].max_row == 1


def test_export_cli_split_and_tally_xlsx(tmp_path: Path):
    runner = CliRunner()
    out = runner.invoke(app, ["export", "2019-2020", str(SAMPLE), "--split", str(tmp_path / "nam"), "-q"])
    assert out.exit_code == 0, out.output
    assert sorted(p.name for p in (tmp_path / "nam").iterdir()) == ["tong-hop-2019.xlsx", "tong-hop-2020.xlsx"]
    assert openpyxl.load_workbook(tmp_path / "nam" / "tong-hop-2019.xlsx").sheetnames == [
        "Tổng hợp",
        "Năm 2019",
        "Dữ liệu",
    ]
    out = runner.invoke(
        app, ["tally", "2015-2020", str(SAMPLE), "--format", "xlsx", "-o", str(tmp_path / "t.xlsx"), "-q"]
    )
    assert out.exit_code == 0, out.output
    assert _summary_numbers(tmp_path / "t.xlsx") == _summary_numbers(
        export_workbook(load([SAMPLE]), YEARS, tmp_path / "e.xlsx", load_catalogue())
    )
    assert runner.invoke(app, ["export", "2019", str(SAMPLE)]).exit_code == 2  # neither -o nor --split


def test_template_round_trip(tmp_path: Path):
    path = write_template(tmp_path / "mau.xlsx", load_catalogue(), year=2024, unit="Trung tâm A")
    book = openpyxl.load_workbook(path)
    assert book["DanhMuc"].sheet_state == "hidden" and "Hướng dẫn" in book.sheetnames
    ws = book["Danh sách"]
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    last_award_row = len(load_catalogue().awards) + 1  # one row per award of the catalogue
    assert lists == {f"DanhMuc!$A$2:$A${last_award_row}", "DanhMuc!$B$2:$B$6", "DanhMuc!$C$2:$C$4"}
    assert ws["I8"].number_format == "DD/MM/YYYY"
    rows = {row[0].row: row for row in ws.iter_rows(min_row=1, max_col=1)}
    section = {
        ws.cell(r, 1).value: r for r in rows if isinstance(ws.cell(r, 1).value, str) and "." in str(ws.cell(r, 1).value)
    }
    person, collective = section["I. CÁ NHÂN"] + 1, section["II. TẬP THỂ"] + 1
    filled = [
        (person, "Lê Văn An", "Lao động tiên tiến", "Cơ sở", "12/QĐ-TTA"),
        (person + 1, "Trần Thị Bình", "Giấy khen", "Cơ sở", "13/QĐ-TTA"),
        (person + 2, "Trần Thị Bình", "Lao động tiên tiến", "Cơ sở", "12/QĐ-TTA"),
        (collective, "Phòng Hành chính", "Bằng khen", "Tỉnh", "45/QĐ-UBND"),
    ]
    for row, name, award, level, number in filled:
        ws.cell(row, 2, name)
        ws.cell(row, 4, "Trung tâm A")
        ws.cell(row, 6, award)
        ws.cell(row, 7, level)
        ws.cell(row, 8, number)
        ws.cell(row, 9, dt.date(2024, 12, 20))
    book.save(path)
    result = load([path])
    assert validate(result, year=2024).findings == []
    counts = tally(result.records, [2024], ["award", "level", "kind"])
    assert [(*tuple(map(str, r[:3])), int(r[3])) for r in counts.itertuples(index=False)] == [
        ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 2),
        ("Bằng khen", "Tỉnh", "Tập thể", 1),
        ("Giấy khen", "Cơ sở", "Cá nhân", 1),
    ]


def test_report_paragraph_carries_the_article_figures(sample):  # type: ignore[no-untyped-def]
    text = build_report(sample.groups, YEARS, load_catalogue()).text()
    for figure in [
        '347 lượt tập thể được công nhận đạt danh hiệu "Tập thể lao động tiên tiến"',
        '17 lượt tập thể được công nhận đạt danh hiệu "Tập thể lao động xuất sắc"',
        '3.323 lượt cá nhân được công nhận đạt danh hiệu "Lao động tiên tiến"',
        '290 lượt cá nhân được công nhận đạt danh hiệu "Chiến sĩ thi đua cơ sở"',
        "8 lượt tập thể được tặng thưởng Cờ thi đua của UBND tỉnh",
        "1 lượt tập thể được tặng thưởng Cờ thi đua của Chính phủ",
        "1.437 lượt cá nhân và 325 lượt tập thể được Giám đốc Sở tặng Giấy khen",
        "48 lượt cá nhân và 13 lượt tập thể được Bộ trưởng tặng Bằng khen",
        "41 lượt cá nhân và 13 lượt tập thể được Chủ tịch UBND tỉnh tặng Bằng khen",
        "5 lượt cá nhân và 5 lượt tập thể được Thủ tướng Chính phủ tặng Bằng khen",
        "1 lượt cá nhân được tặng thưởng Huân chương Lao động hạng Ba",
    ]:
        assert figure in text
    assert text.index("Lao động tiên tiến") < text.index("Giấy khen")  # titles first
    assert " 0 lượt" not in text


def test_report_cli_formats(tmp_path: Path):
    import docx

    runner = CliRunner()
    out = runner.invoke(app, ["report", "2015-2020", str(SAMPLE)])
    assert out.exit_code == 0 and "3.323 lượt cá nhân" in out.stdout
    out = runner.invoke(app, ["report", "2015-2020", str(SAMPLE), "-f", "markdown"])
    assert out.stdout.startswith("## Kết quả thi đua, khen thưởng 2015-2020")
    assert runner.invoke(app, ["report", "2015", str(SAMPLE), "-f", "docx"]).exit_code == 2
    target = tmp_path / "bc.docx"
    assert runner.invoke(app, ["report", "2015-2020", str(SAMPLE), "-f", "docx", "-o", str(target)]).exit_code == 0
    document = docx.Document(str(target))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "3.323 lượt cá nhân" in body and "GIAI ĐOẠN 2015-2020" in body.replace("\xa0", " ")  # no-break spaces
    style = document.styles["Normal"].font
    assert (style.name, style.size.pt) == ("Times New Roman", 14)
    assert round(document.sections[0].page_width.cm, 1) == 21.0


def test_write_docx_directly(sample, tmp_path: Path):  # type: ignore[no-untyped-def]
    report = build_report(sample.groups, [2018], load_catalogue())
    assert write_docx(report, tmp_path / "x.docx").stat().st_size > 0
