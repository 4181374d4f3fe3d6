"""Sheets meant for paper: letterhead on every sheet, page setup and breaks, row heights, chart faces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.export import export_workbook
from thidua_cli.paper import PRINTABLE_PT, column_pt, row_pt, text_lines

YEARS = list(range(2015, 2021))
ORG, PARENT = "Sở LĐ-TBXH", "UBND tỉnh Thanh Hoá"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):  # type: ignore[no-untyped-def]
    target = tmp_path_factory.mktemp("paper") / "tong-hop.xlsx"
    export_workbook(load([SAMPLE]), YEARS, target, load_catalogue(), ORG, parent=PARENT, place="Thanh Hoá")
    return openpyxl.load_workbook(target)


def _texts(ws: Any) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _paper_sheets(book: Any) -> list[Any]:
    return [ws for ws in book.worksheets if ws.title != "Dữ liệu"]


def test_letterhead_and_signature_on_every_paper_sheet(workbook):  # type: ignore[no-untyped-def]
    for ws in _paper_sheets(workbook):
        assert ws["A1"].value == PARENT.upper() and not ws["A1"].font.b, ws.title  # parent body regular
        assert ws["A2"].value == ORG.upper() and ws["A2"].font.b, ws.title  # the unit bold
        assert set(str(ws["A3"].value)) == {"─"}, ws.title  # the short rule under it
        texts = _texts(ws)
        motto = next(c for row in ws.iter_rows(max_row=2) for c in row if c.value == "Độc lập - Tự do - Hạnh phúc")
        assert motto.font.u == "single" and motto.font.b  # the rule under the motto is as long as the line
        assert "Thanh Hoá, ngày …… tháng …… năm ……" in texts
        assert "NGƯỜI LẬP BIỂU" in texts and "THỦ TRƯỞNG ĐƠN VỊ" in texts, ws.title
        assert "CƠ QUAN, ĐƠN VỊ" not in texts


@pytest.mark.parametrize("mode", ["-o", "--split"])
def test_org_on_every_sheet_through_the_cli(tmp_path: Path, mode: str):
    target = tmp_path / ("t.xlsx" if mode == "-o" else "nam")
    args = ["export", "2019-2020", str(SAMPLE), mode, str(target), "--org", ORG, "-q"]
    assert CliRunner().invoke(app, args).exit_code == 0
    files = [target] if mode == "-o" else sorted(target.iterdir())
    sheets = [ws for f in files for ws in _paper_sheets(openpyxl.load_workbook(f))]
    assert len(sheets) == (3 if mode == "-o" else 4)
    for ws in sheets:
        assert ws["A1"].value == ORG.upper() and ws["A1"].font.b, ws.title


def test_summary_prints_on_one_page_and_the_chart_on_the_next(workbook):  # type: ignore[no-untyped-def]
    ws = workbook["Tổng hợp"]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # a fit-to setting would make the breaks ignored
    scale = int(ws.page_setup.scale) / 100
    total_row = next(c.row for c in ws["B"] if c.value == "Tổng cộng")
    sign_row = next(c.row for c in ws["A"] if c.value == "NGƯỜI LẬP BIỂU")
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) == 1 and breaks[0] > sign_row + 1  # the table and signature block, then the chart
    width = sum(column_pt(ws, c) for c in range(1, ws.max_column + 1))
    assert width * scale <= PRINTABLE_PT[0]
    assert sum(row_pt(ws, r) for r in range(1, breaks[0] + 1)) * scale <= PRINTABLE_PT[1]
    (chart,) = ws._charts
    anchor_row = chart.anchor._from.row + 1
    chart_pt = chart.height / 2.54 * 72
    assert anchor_row > breaks[0] and chart_pt * scale <= PRINTABLE_PT[1]  # the chart kept whole on its page
    assert ws.print_title_rows is None  # one page of table: no header row repeated over the chart
    last = int(ws.print_area.split("$")[-1])
    assert sum(row_pt(ws, r) for r in range(anchor_row, last + 1)) >= chart_pt
    assert total_row < sign_row


def test_chart_text_in_times_new_roman_with_figures_on_the_bars(workbook):  # type: ignore[no-untyped-def]
    (chart,) = workbook["Tổng hợp"]._charts
    title_run = chart.title.tx.rich.p[0].r[0]
    assert title_run.t == "Số lượt khen thưởng theo năm" and title_run.rPr.latin.typeface == "Times New Roman"
    labels = chart.series[0].dLbls if chart.series[0].dLbls is not None else chart.dataLabels
    assert labels is not None and labels.showVal
    assert labels.txPr.p[0].pPr.defRPr.latin.typeface == "Times New Roman"
    for axis in (chart.x_axis, chart.y_axis):
        assert axis.txPr.p[0].pPr.defRPr.latin.typeface == "Times New Roman"


def test_wrapped_headers_get_the_height_of_their_lines(workbook):  # type: ignore[no-untyped-def]
    ws = workbook["Năm 2015"]
    header = next(c.row for c in ws["B"] if c.value == "Đơn vị")
    labels = [c for c in ws[header] if c.value]
    assert "Tập thể lao động xuất sắc" in [c.value for c in labels]
    widest = max(text_lines(str(c.value), column_pt(ws, c.column), 12, True) for c in labels)
    assert widest >= 2 and row_pt(ws, header) >= widest * 12 * 1.2
    summary = workbook["Tổng hợp"]
    assert row_pt(summary, 6) >= 2 * 12 * 1.2  # "Tổng cộng" in a narrow column takes two lines


def test_zero_counts_print_as_a_dash_and_stay_numbers(workbook):  # type: ignore[no-untyped-def]
    ws = workbook["Tổng hợp"]
    zeros = [c for row in ws.iter_rows(min_row=7) for c in row if c.value == 0]
    assert zeros and all(c.number_format == '#,##0;-#,##0;"-"' for c in zeros)


def test_year_sheet_breaks_before_the_unit_table(workbook):  # type: ignore[no-untyped-def]
    ws = workbook["Năm 2015"]
    unit_title = next(c.row for c in ws["A"] if str(c.value).startswith("SỐ LƯỢT THEO ĐƠN VỊ"))
    assert [b.id + 1 for b in ws.row_breaks.brk] == [unit_title]
    signer = next(c.row for row in ws.iter_rows() for c in row if c.value == "THỦ TRƯỞNG ĐƠN VỊ")
    assert int(ws.print_area.split("$")[-1]) >= signer + 3  # room to sign inside the print area


def test_data_sheet_prints_landscape_fit_to_width_in_times(workbook):  # type: ignore[no-untyped-def]
    ws = workbook["Dữ liệu"]
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"
    assert ws["A2"].font.name == "Times New Roman"  # the workbook's default face


def test_tally_xlsx_writes_the_export_workbook(tmp_path: Path):
    runner = CliRunner()
    tally_out, export_out = tmp_path / "t.xlsx", tmp_path / "e.xlsx"
    assert (
        runner.invoke(app, ["tally", "2019-2020", str(SAMPLE), "-f", "xlsx", "-o", str(tally_out), "-q"]).exit_code == 0
    )
    assert runner.invoke(app, ["export", "2019-2020", str(SAMPLE), "-o", str(export_out), "-q"]).exit_code == 0
    for name in ("Tổng hợp", "Năm 2019", "Năm 2020"):
        a, b = openpyxl.load_workbook(tally_out)[name], openpyxl.load_workbook(export_out)[name]
        assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()], name


def test_text_lines_wraps_at_words() -> None:
    assert text_lines("Lao động tiên tiến", 200, 12) == 1
    assert text_lines("Tập thể lao động xuất sắc", 70, 12, bold=True) >= 2
    assert text_lines("a\nb", 200, 12) == 2


def test_report_docx_letterhead_unbroken_range_and_quotes(tmp_path: Path):
    import docx

    target = tmp_path / "bc.docx"
    args = ["report", "2015-2020", str(SAMPLE), "-f", "docx", "-o", str(target), "--org", ORG, "--parent", PARENT]
    assert CliRunner().invoke(app, [*args, "--place", "Thanh Hoá"]).exit_code == 0
    document = docx.Document(str(target))
    left, right = document.tables[0].rows[0].cells
    (parent_run,), (org_run,) = left.paragraphs[0].runs, left.paragraphs[1].runs
    assert (parent_run.text, bool(parent_run.bold)) == (PARENT.upper(), False)
    assert (org_run.text, org_run.bold) == (ORG.upper(), True)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rules = [p for cell in (left, right) for p in cell.paragraphs if p._p.find(f"{ns}pPr/{ns}pBdr/{ns}top") is not None]
    assert len(rules) == 2  # under the issuing body and under the tagline
    assert rules[0].paragraph_format.left_indent > rules[1].paragraph_format.left_indent  # the short one
    assert right.paragraphs[-1].text == "Thanh Hoá, ngày …… tháng …… năm ……" and right.paragraphs[-1].runs[0].italic
    heading = next(p for p in document.paragraphs if p.text.startswith("KẾT QUẢ"))
    assert heading._p.findall(f".//{ns}noBreakHyphen") and "GIAI\u00a0ĐOẠN\u00a02015" in heading.text
    assert not [t for t in heading._p.iter(f"{ns}t") if "-" in (t.text or "")]  # only Word's non-breaking hyphen
    body = "\n".join(p.text for p in document.paragraphs)
    assert "“Lao động tiên tiến”" in body and '"' not in body


def test_template_prints_its_header_on_every_page_and_tells_no_one_to_run_a_tool(tmp_path: Path):
    from thidua_cli.template import INSTRUCTIONS, write_template

    path = write_template(tmp_path / "mau.xlsx", load_catalogue(), year=2024, unit="Trung tâm A", parent="Sở B")
    book = openpyxl.load_workbook(path)
    ws = book["Danh sách"]
    assert ws.print_title_rows == "$6:$6" and ws.page_setup.orientation == "landscape"
    assert ws["A1"].value == "SỞ B" and ws["A2"].value == "TRUNG TÂM A" and ws["A2"].font.b
    numbers = [c for c in ws["A"] if isinstance(c.value, int)]
    assert len(numbers) == 55 and all(c.alignment.horizontal == "center" for c in numbers)
    texts = _texts(ws)
    assert "NGƯỜI LẬP BIỂU" in texts and "THỦ TRƯỞNG ĐƠN VỊ" in texts
    guide = book["Hướng dẫn"]
    assert guide.page_setup.orientation == "portrait" and guide.sheet_properties.pageSetUpPr.fitToPage
    portrait_width = 210 / 25.4 * 72 - (guide.page_margins.left + guide.page_margins.right) * 72
    assert column_pt(guide, 1) <= portrait_width
    for row in range(2, len(INSTRUCTIONS) + 1):
        cell = guide.cell(row, 1)
        assert cell.alignment.wrap_text
        lines = text_lines(str(cell.value), column_pt(guide, 1), 12)
        assert row_pt(guide, row) >= lines * 12 * 1.2, row
    assert not [line for line in INSTRUCTIONS if "thidua" in line or "lệnh" in line]


def test_a_returned_template_has_no_sheets_reported_without_a_list(tmp_path: Path):
    from thidua_cli.template import write_template

    path = write_template(tmp_path / "mau.xlsx", load_catalogue(), year=2024, unit="Trung tâm A")
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["B8"] = "Lê Văn An"
    book["Danh sách"]["F8"] = "Lao động tiên tiến"
    book["Danh sách"]["G8"] = "Cơ sở"
    book.save(path)
    result = load([path])
    assert result.total == 1 and not [p for p in result.problems if p.code == "skipped-sheet"]
    # the same sheet names without the template's mark are reported as before
    del book["DanhMuc"]["E1"]
    book.save(path)
    skipped = {p.sheet for p in load([path]).problems if p.code == "skipped-sheet"}
    assert skipped == {"Hướng dẫn", "DanhMuc"}


def test_annotated_findings_sheet_prints_on_a4_with_rows_as_tall_as_their_messages(tmp_path: Path):
    from tests.conftest import simple_sheet, write_xlsx
    from thidua_cli.annotate import SUMMARY_SHEET, annotate
    from thidua_cli.validation import validate

    rows = [[1, "Lê Văn An", "", "Phòng A", "Lao đông tiên tiếng", "", "12/QĐ-SLĐ ngày 12/25/2018", 2018]]
    source = write_xlsx(tmp_path / "ds.xlsx", simple_sheet(rows))
    findings = validate(load([source])).findings
    ws = openpyxl.load_workbook(annotate(source, findings, tmp_path / "ra"))[SUMMARY_SHEET]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$3:$3"
    for row in range(4, 4 + len(findings)):
        message = ws.cell(row, 9)
        assert message.font.name == "Times New Roman" and message.border.left.style == "thin"
        assert message.alignment.wrap_text
        lines = text_lines(str(message.value), column_pt(ws, 9), 12)
        assert row_pt(ws, row) >= lines * 12 * 1.2, row
    assert any(text_lines(str(ws.cell(r, 9).value), column_pt(ws, 9), 12) > 1 for r in range(4, ws.max_row + 1))


def test_a_long_unit_table_is_printed_smaller_on_one_page_with_its_header(tmp_path: Path):
    from tests.conftest import simple_sheet, write_xlsx

    rows = [[i, f"Người {i}", "", f"Trung tâm số {i}", "LĐTT", "", "", 2018] for i in range(1, 41)]
    source = write_xlsx(tmp_path / "ds.xlsx", simple_sheet(rows))
    target = export_workbook(load([source]), [2018], tmp_path / "t.xlsx", load_catalogue(), ORG)
    ws = openpyxl.load_workbook(target)["Năm 2018"]
    unit_title = next(c.row for c in ws["A"] if str(c.value).startswith("SỐ LƯỢT THEO ĐƠN VỊ"))
    unit_total = max(c.row for c in ws["B"] if c.value == "Tổng cộng")
    assert unit_total - unit_title > 40  # 40 units: more than a page at full size
    scale = int(ws.page_setup.scale) / 100
    assert scale < 1 and sum(row_pt(ws, r) for r in range(unit_title, unit_total + 1)) * scale <= PRINTABLE_PT[1]
    assert not [b.id + 1 for b in ws.row_breaks.brk if unit_title < b.id + 1 <= unit_total]  # never cut
