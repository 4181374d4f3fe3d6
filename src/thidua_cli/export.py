"""Summary workbooks in the form Vietnamese administrative documents expect (openpyxl).

Sheet "Tổng hợp": title block, awards (by category, level and kind) × years with live
=SUM() totals, a signature block, and a native chart on a page of its own; one sheet per year
(award × level × kind, unit × award); sheet "Dữ liệu": every record with its source, as a
filterable Excel table. The sheets meant for paper follow Decree 30/2020 (see `paper`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from thidua_cli.catalogue import Catalogue
from thidua_cli.loading import LoadResult
from thidua_cli.outputs import Guard, Streamed, cell_value, save_workbook, xml_safe
from thidua_cli.paper import COUNT_FORMAT, FONT, HEADER_ROW, MOTTO, Letterhead
from thidua_cli.pivot import pivot
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.tally import Counts, count, counted_in, unit_spellings, years_label

__all__ = ["FONT", "MOTTO", "export_split", "export_workbook"]
NUMBER_FORMAT = COUNT_FORMAT  # 3.323 in a Vietnamese locale; a zero shown as "-" like the terminal
SUMMARY_SHEET, DATA_SHEET = "Tổng hợp", "Dữ liệu"
DATA_SHEET_ROWS = 1_048_575  # records per data sheet: Excel's 1,048,576 rows less the header
UNIT_TABLE_MIN_SCALE = 0.6  # smaller than this, a long unit table runs on over pages instead
DATA_HEADERS = {
    "file": "Tệp",
    "sheet": "Trang tính",
    "row": "Dòng",
    "name": "Họ và tên / Tên tập thể",
    "position": "Chức vụ",
    "unit": "Đơn vị",
    "kind": "Đối tượng",
    "award": "Danh hiệu / hình thức",
    "category": "Loại",
    "level": "Cấp khen",
    "issuer": "Cơ quan khen",
    "year": "Năm",
    "decision_number": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "notes": "Ghi chú",
    "award_text": "Ghi trong danh sách",
    "method": "Loại hình khen thưởng",
}


def export_workbook(
    result: LoadResult,
    years: Sequence[int],
    target: Path,
    catalogue: Catalogue,
    issuer_name: str = "",
    by: Sequence[str] = ("category", "award", "level", "kind", "year"),
    *,
    parent: str = "",
    place: str = "",
    guard: Guard | None = None,
    sheet_rows: int = DATA_SHEET_ROWS,
) -> Path:
    """Write the summary workbook for `years` to `target` (whole, marked: see `outputs`);
    `issuer_name` (bold) under its governing body `parent` heads every sheet meant for paper,
    `place` starts the date line. The records go to "Dữ liệu", then "Dữ liệu (2)", … of at most
    `sheet_rows` records each (Excel's limit: 1,048,576 rows, the header included)."""
    from thidua_cli.paper import new_workbook

    workbook = new_workbook()
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    counts = count(result.groups, years, _with_year(by), catalogue)
    head = Letterhead(xml_safe(issuer_name), xml_safe(parent), xml_safe(place))
    _summary_sheet(summary, counts, years, head)
    for year in years:
        _year_sheet(workbook.create_sheet(f"Năm {year}"), year, result, catalogue, head)
    return save_workbook(workbook, target, guard, streamed=_data_sheets(workbook, result, years, sheet_rows))


def _data_sheets(workbook: Any, result: LoadResult, years: Sequence[int], sheet_rows: int) -> list[Streamed]:
    """The data sheets "Dữ liệu", "Dữ liệu (2)", … (one at least), each with the stream of its
    records' rows: the records of `years`, at most `sheet_rows` a sheet, in file and row order."""
    from openpyxl.utils import get_column_letter

    n = counted_in(result.groups, years)
    wanted = set(years)
    rows = (r for r in result.iter_rows() if r[_YEAR] in wanted)  # one file's rows at a time
    units = unit_spellings(result.groups)
    sizes = [min(sheet_rows, n - start) for start in range(0, n, sheet_rows)] or [0]
    streamed: list[Streamed] = []
    for part, size in enumerate(sizes):
        data = workbook.create_sheet(DATA_SHEET if part == 0 else f"{DATA_SHEET} ({part + 1})")
        _data_sheet(data, size, "DuLieu" if part == 0 else f"DuLieu{part + 1}")
        stream = _data_rows(rows, size, units, last=part == len(sizes) - 1)
        streamed.append((data, stream, f"A1:{get_column_letter(len(DATA_HEADERS))}{size + 1}"))
    return streamed


def export_split(
    result: LoadResult,
    years: Sequence[int],
    folder: Path,
    catalogue: Catalogue,
    issuer_name: str = "",
    by: Sequence[str] = (),
    *,
    parent: str = "",
    place: str = "",
    guard: Guard | None = None,
) -> list[Path]:
    """One workbook per year, named tong-hop-YEAR.xlsx."""
    written = []
    for year in years:
        target = folder / f"tong-hop-{year}.xlsx"
        kwargs: dict[str, Any] = {"by": by} if by else {}
        kwargs |= {"parent": parent, "place": place}
        written.append(export_workbook(result, [year], target, catalogue, issuer_name, guard=guard, **kwargs))
    return written


_YEAR = RECORD_FIELDS.index("year")


def _with_year(by: Sequence[str]) -> list[str]:
    return list(by) if "year" in by else [*by, "year"]


# --- styles ---------------------------------------------------------------------------------
@cache
def _styles() -> dict[str, Any]:
    """Shared style objects (openpyxl styles are immutable, so one set serves every cell)."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "bold": Font(name=FONT, bold=True, size=12),
        "title": Font(name=FONT, bold=True, size=14),
        "normal": Font(name=FONT, size=12),
        "italic": Font(name=FONT, italic=True, size=12),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
    }


def _title_block(ws: Any, width: int, head: Letterhead, heading: str) -> int:
    """Issuing body left, national motto right, the heading centred; returns the next free row."""
    from thidua_cli.paper import letterhead

    return letterhead(ws, width, head, heading)


def _header(ws: Any, row: int, labels: Sequence[str]) -> None:
    st = _styles()
    for col, label in enumerate(labels, 1):
        cell = ws.cell(row, col, label)
        cell.font, cell.alignment, cell.border = st["bold"], st["center"], st["border"]


def _body_cell(ws: Any, row: int, col: int, value: Any, numeric: bool = False) -> Any:
    st = _styles()
    cell = ws.cell(row, col, cell_value(value))
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "f"
    cell.font, cell.border = st["normal"], st["border"]
    cell.alignment = st["center"] if numeric else st["left"]
    if numeric:
        cell.number_format = NUMBER_FORMAT
    return cell


def _text(ws: Any, row: int, col: int, value: str) -> Any:
    """User text, never a formula (a name typed as "=…" stays text)."""
    cell = _body_cell(ws, row, col, value)
    cell.data_type = "s"
    return cell


# --- sheets ---------------------------------------------------------------------------------
def _summary_sheet(ws: Any, counts: Counts, years: Sequence[int], head: Letterhead) -> None:
    from openpyxl.utils import get_column_letter

    st = _styles()
    by = counts.by
    dims = [d for d in by if d not in ("year", "category")]
    label = years_label(years)
    period = f"NĂM {label}" if len(years) == 1 else f"GIAI ĐOẠN {label}"
    width = len(dims) + len(years) + 2
    heading = f"BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG {period}"
    row = HEADER_ROW  # the letterhead is written once the column widths are known
    header_row = row
    names = {"award": "Danh hiệu thi đua / Hình thức khen thưởng", "level": "Cấp khen", "kind": "Đối tượng"}
    names |= {"unit": "Đơn vị", "issuer": "Cơ quan khen", "method": "Loại hình khen thưởng"}
    _header(ws, row, ["STT", *[names[d] for d in dims], *[str(y) for y in years], "Tổng cộng"])
    first_year_col = len(dims) + 2
    last_year_col = first_year_col + len(years) - 1
    total_col = last_year_col + 1
    grid = pivot(counts, "year", years)
    cat_at = grid.by.index("category") if "category" in by else None
    shown = [grid.by.index(d) for d in dims]
    row += 1
    first_data = row
    data_rows: list[int] = []
    category = None
    for number, line in enumerate(grid.rows, 1):
        if cat_at is not None and line.labels[cat_at] != category:
            category = line.labels[cat_at]
            cell = ws.cell(row, 1, str(category).upper())
            cell.font = st["bold"]
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=total_col)
            for col in range(1, total_col + 1):
                ws.cell(row, col).border = st["border"]
            row += 1
        _body_cell(ws, row, 1, number, numeric=True)
        for col, at in enumerate(shown, 2):
            _text(ws, row, col, str(line.labels[at]))
        for offset, n in enumerate(line.cells):
            _body_cell(ws, row, first_year_col + offset, n, numeric=True)
        first, last = get_column_letter(first_year_col), get_column_letter(last_year_col)
        _body_cell(ws, row, total_col, f"=SUM({first}{row}:{last}{row})", numeric=True).font = st["bold"]
        data_rows.append(row)
        row += 1
    total_row = row
    _body_cell(ws, row, 1, "")
    label_cell = _body_cell(ws, row, 2, "Tổng cộng")
    label_cell.font = st["bold"]
    if len(dims) > 1:
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(dims) + 1)
    for col in range(first_year_col, total_col + 1):
        letter = get_column_letter(col)
        formula = "+".join(f"{letter}{r}" for r in data_rows) if data_rows else "0"
        cell = _body_cell(ws, row, col, f"=SUM({formula})" if data_rows else 0, numeric=True)
        cell.font = st["bold"]
    ws.freeze_panes = f"{get_column_letter(first_year_col)}{first_data}"
    text_widths = [6, *[{"award": 42, "level": 12, "kind": 12}.get(d, 30) for d in dims]]
    numbers = max(8, (110 - sum(text_widths)) // (len(years) + 1))  # a short table still holds the letterhead
    widths = [*text_widths, *[numbers] * len(years), max(10, numbers)]
    for col, width_value in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width_value
    _title_block(ws, width, head, heading)
    _paper_pages(ws, header_row, total_row, total_col, (first_year_col, last_year_col) if data_rows else None)


def _paper_pages(ws: Any, header_row: int, total_row: int, total_col: int, chart_cols: tuple[int, int] | None) -> None:
    """Row heights, the signature block, then the chart on a page of its own (kept whole)."""
    from thidua_cli.paper import PRINTABLE_PT, column_pt, fit_row_heights, page_scale, print_pages, signature

    fit_row_heights(ws, range(header_row, total_row + 1))
    last = signature(ws, total_row + 2, total_col)
    scale = page_scale(ws, total_col, last)
    if chart_cols is None:
        print_pages(ws, total_col, last, scale, header_row, [(total_row + 2, last)])
        return
    room = PRINTABLE_PT[1] / scale - 60  # what a repeated header row may take
    chart_row, rows = last + 1, int(room // 15)
    for r in range(chart_row, chart_row + rows):
        ws.row_dimensions[r].height = 15
    print_pages(ws, total_col, chart_row + rows - 1, scale, header_row, [(total_row + 2, last)], [chart_row])
    width_pt = min(PRINTABLE_PT[0] / scale, sum(column_pt(ws, c) for c in range(1, total_col + 1))) * 0.95
    height_pt = (rows - 1) * 15 * 0.95
    _chart(ws, header_row, total_row, chart_cols, chart_row, width_pt * 2.54 / 72, height_pt * 2.54 / 72)


def _chart(ws: Any, header_row: int, total_row: int, cols: tuple[int, int], at: int, w: float, h: float) -> None:
    """Stacked columns of the yearly totals, in Times New Roman with the figures on the bars."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList

    from thidua_cli.paper import chart_text, chart_title

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = chart_title("Số lượt khen thưởng theo năm", 14)
    chart.y_axis.title = chart_title("Số lượt", 12)
    chart.x_axis.title = chart_title("Năm", 12)
    for axis in (chart.x_axis, chart.y_axis):
        axis.txPr = chart_text(12)
        axis.delete = False
    chart.y_axis.numFmt = "#,##0"
    data = Reference(ws, min_col=cols[0], max_col=cols[1], min_row=total_row, max_row=total_row)
    chart.add_data(data, from_rows=True, titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=cols[0], max_col=cols[1], min_row=header_row, max_row=header_row))
    chart.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False)
    chart.dataLabels.txPr = chart_text(12, bold=True)
    chart.dataLabels.numFmt = "#,##0"
    chart.legend = None
    chart.height, chart.width = h, w
    ws.add_chart(chart, f"A{at + 1}")  # a row below the break: the frame stays off the page before


def _year_sheet(ws: Any, year: int, result: LoadResult, catalogue: Catalogue, head: Letterhead) -> None:
    from openpyxl.utils import get_column_letter

    st = _styles()
    counts = count(result.groups, [year], ["award", "level", "kind"], catalogue)
    row = HEADER_ROW  # the letterhead is written last, across the width of the wider table
    header_row = row
    _header(ws, row, ["STT", "Danh hiệu / hình thức", "Cấp khen", "Đối tượng", "Số lượt"])
    row += 1
    first = row
    for number, (award, level, kind, n) in enumerate(counts.rows, 1):
        _body_cell(ws, row, 1, number, numeric=True)
        for col, value in enumerate((award, level, kind), 2):
            _text(ws, row, col, value)
        _body_cell(ws, row, 5, n, numeric=True)
        row += 1
    for col in (1, 3, 4):
        _body_cell(ws, row, col, None)
    _text(ws, row, 2, "Tổng cộng").font = st["bold"]
    _body_cell(ws, row, 5, f"=SUM(E{first}:E{row - 1})" if row > first else 0, numeric=True).font = st["bold"]
    award_total = row
    row += 3
    unit_title = row
    units = pivot(count(result.groups, [year], ["unit", "award"], catalogue), "award")
    awards = list(units.columns)
    ws.cell(row, 1, f"SỐ LƯỢT THEO ĐƠN VỊ NĂM {year}").font = st["bold"]
    row += 1
    _header(ws, row, ["STT", "Đơn vị", *awards, "Tổng cộng"])
    row += 1
    unit_first = row
    for number, line in enumerate(units.rows, 1):
        _body_cell(ws, row, 1, number, numeric=True)
        _text(ws, row, 2, str(line.labels[0]) or "(không rõ đơn vị)")
        for offset, n in enumerate(line.cells):
            _body_cell(ws, row, 3 + offset, n, numeric=True)
        last = get_column_letter(2 + len(awards))
        _body_cell(ws, row, 3 + len(awards), f"=SUM(C{row}:{last}{row})", numeric=True)
        row += 1
    if awards and row > unit_first:
        _body_cell(ws, row, 1, None)
        _text(ws, row, 2, "Tổng cộng").font = st["bold"]
        for col in range(3, 4 + len(awards)):
            letter = get_column_letter(col)
            _body_cell(ws, row, col, f"=SUM({letter}{unit_first}:{letter}{row - 1})", numeric=True).font = st["bold"]
    for col, width_value in enumerate([6, 40, 14, 12, *[14] * len(awards)], 1):
        ws.column_dimensions[get_column_letter(col)].width = max(
            width_value, ws.column_dimensions[get_column_letter(col)].width or 0
        )
    ws.freeze_panes = f"B{header_row + 1}"
    _year_pages(ws, header_row, award_total, unit_title, row, head, f"KẾT QUẢ THI ĐUA, KHEN THƯỞNG NĂM {year}")


def _year_pages(
    ws: Any, header: int, award_total: int, unit_title: int, unit_total: int, head: Letterhead, heading: str
) -> None:
    """Letterhead across the wider table, row heights, signature; the unit table on a new page
    when the two do not fit on one, printed smaller (down to UNIT_TABLE_MIN_SCALE) rather than
    run onto a page without its header row (print titles would repeat the first table's)."""
    from thidua_cli.paper import PRINTABLE_PT, fit_row_heights, page_scale, print_pages, row_pt, signature

    width = max(5, ws.max_column)
    _title_block(ws, width, head, heading)
    fit_row_heights(ws, range(header, unit_total + 1))
    last = signature(ws, unit_total + 2, width)
    scale = page_scale(ws, width, last)
    unit_pt = sum(row_pt(ws, r) for r in range(unit_title, last + 1))  # with the signature block
    if unit_pt * scale > PRINTABLE_PT[1]:
        scale = max(UNIT_TABLE_MIN_SCALE, int(PRINTABLE_PT[1] / unit_pt * 100) / 100)
    together = unit_pt * scale <= PRINTABLE_PT[1]
    units = [(unit_title, last)] if together else [(unit_title, unit_total), (unit_total + 2, last)]
    print_pages(ws, width, last, scale, None, [(header - 2, award_total), *units])


def _data_sheet(ws: Any, n: int, table_name: str) -> None:
    """A sheet of records with their source: its header row, an Excel table (`table_name`,
    unique in the workbook) over the `n` rows that `_data_rows` streams in when the workbook is
    saved, widths and page setup."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    headers = [DATA_HEADERS[f] for f in DATA_HEADERS]
    ws.append(headers)
    ref = f"A1:{get_column_letter(len(headers))}{max(2, n + 1)}"
    if n:  # the columns named here: left to openpyxl, it would make a cell object per value to find them
        columns = [TableColumn(id=i, name=name) for i, name in enumerate(headers, 1)]
        table = Table(displayName=table_name, ref=ref, tableColumns=columns, autoFilter=AutoFilter(ref=ref))
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    ws.freeze_panes = "A2"
    for col, width in enumerate([30, 14, 7, 26, 18, 26, 10, 28, 20, 10, 20, 7, 16, 14, 14, 28], 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    from thidua_cli.paper import fit_width

    fit_width(ws, 1)


def _data_rows(rows: Iterator[Record], n: int, units: dict[str, str], last: bool = True) -> Iterator[bytes]:
    """A data sheet's rows 2… as sheet XML, the next `n` records of `rows` (never a cell object
    per value: 10^6 records would take gigabytes): text as inline strings (so a text starting
    with "=" is never a formula), units in the one spelling the counts show, cells in column
    order (an empty one as <c/>), each distinct value's XML made once. Exactly `n` rows, and
    for the `last` sheet no record left in `rows`, or an error."""
    positions = [RECORD_FIELDS.index(f) for f in DATA_HEADERS]
    unit_at = RECORD_FIELDS.index("unit")
    made: list[dict[Any, str]] = [{} for _ in positions]
    written = 0
    for number, record in enumerate(islice(rows, n), 2):
        cells = []
        for at, known in zip(positions, made, strict=True):
            value = record[at]
            cell = known.get(value)
            if cell is None:
                cell = _xml_cell(units.get(str(value), value) if at == unit_at else value)
                if len(known) < 50_000:
                    known[value] = cell
            cells.append(cell)
        yield f'<row r="{number}">{"".join(cells)}</row>'.encode()
        written += 1
    if written != n or (last and next(rows, None) is not None):
        raise RuntimeError(f"the data sheet has {written} records (or more left), the counts {n}")


def _xml_cell(value: Any) -> str:
    """One cell's XML (<c/> for an empty value, which openpyxl would leave out)."""
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = escape(str(cell_value(value)))
        return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    return f"<c><v>{value}</v></c>"
