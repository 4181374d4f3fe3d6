"""Summary workbooks in the form Vietnamese administrative documents expect (openpyxl).

Sheet "Tổng hợp": title block, awards (by category, level and kind) × years with live
=SUM() totals, and a native chart; one sheet per year (award × level × kind, unit × award);
sheet "Dữ liệu": every record with its source, as a filterable Excel table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from thidua_cli.catalogue import Catalogue
from thidua_cli.loading import LoadResult
from thidua_cli.outputs import Guard, cell_value, save_workbook
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.rendering import years_label
from thidua_cli.tally import Counts, count

FONT = "Times New Roman"
NUMBER_FORMAT = "#,##0"  # shown as 3.323 by Excel and LibreOffice in a Vietnamese locale
SUMMARY_SHEET, DATA_SHEET = "Tổng hợp", "Dữ liệu"
MOTTO = ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
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
}


def export_workbook(
    result: LoadResult,
    years: Sequence[int],
    target: Path,
    catalogue: Catalogue,
    issuer_name: str = "",
    by: Sequence[str] = ("category", "award", "level", "kind", "year"),
    guard: Guard | None = None,
) -> Path:
    """Write the summary workbook for `years` to `target` (whole, marked: see `outputs`)."""
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    counts = count(result.groups, years, _with_year(by), catalogue)
    _summary_sheet(summary, counts, years, issuer_name)
    rows = [r for r in result.rows if r[_YEAR] in set(years)]
    for year in years:
        _year_sheet(
            workbook.create_sheet(f"Năm {year}"), year, result, catalogue, [r for r in rows if r[_YEAR] == year]
        )
    _data_sheet(workbook.create_sheet(DATA_SHEET), rows)
    return save_workbook(workbook, target, guard)


def export_split(
    result: LoadResult,
    years: Sequence[int],
    folder: Path,
    catalogue: Catalogue,
    issuer_name: str = "",
    by: Sequence[str] = (),
    guard: Guard | None = None,
) -> list[Path]:
    """One workbook per year, named tong-hop-YEAR.xlsx."""
    written = []
    for year in years:
        target = folder / f"tong-hop-{year}.xlsx"
        kwargs: dict[str, Any] = {"by": by} if by else {}
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


def _page_setup(ws: Any, header_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins.left = ws.page_margins.right = 0.5


def _title_block(ws: Any, width: int, issuer_name: str, heading: str) -> int:
    """Issuing body left, national motto right, the heading centred; returns the next free row."""
    st = _styles()
    half = max(1, width // 2 - 1)
    cells = [
        (1, 1, half, issuer_name.upper() or "CƠ QUAN, ĐƠN VỊ", st["bold"]),
        (1, half + 1, width, MOTTO[0], st["bold"]),
        (2, half + 1, width, MOTTO[1], st["bold"]),
        (4, 1, width, heading, st["title"]),
    ]
    for row, first, last, text, font in cells:
        cell = ws.cell(row, first, cell_value(text))
        cell.font, cell.alignment = font, st["center"]
        if last > first:
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    ws.row_dimensions[4].height = 36
    return 6


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
def _summary_sheet(ws: Any, counts: Counts, years: Sequence[int], issuer_name: str) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter

    st = _styles()
    by = counts.by
    dims = [d for d in by if d not in ("year", "category")]
    label = years_label(years)
    period = f"NĂM {label}" if len(years) == 1 else f"GIAI ĐOẠN {label}"
    width = len(dims) + len(years) + 2
    row = _title_block(ws, width, issuer_name, f"BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG {period}")
    header_row = row
    names = {"award": "Danh hiệu thi đua / Hình thức khen thưởng", "level": "Cấp khen", "kind": "Đối tượng"}
    names |= {"unit": "Đơn vị", "issuer": "Cơ quan khen"}
    _header(ws, row, ["STT", *[names[d] for d in dims], *[str(y) for y in years], "Tổng cộng"])
    first_year_col = len(dims) + 2
    last_year_col = first_year_col + len(years) - 1
    total_col = last_year_col + 1
    grouped: dict[tuple[Any, ...], dict[int, int]] = defaultdict(dict)
    cat_at = by.index("category") if "category" in by else None
    year_at = by.index("year")
    for values in counts.rows:
        key = ((values[cat_at],) if cat_at is not None else ()) + tuple(values[by.index(d)] for d in dims)
        grouped[key][values[year_at]] = grouped[key].get(values[year_at], 0) + values[-1]
    row += 1
    first_data = row
    data_rows: list[int] = []
    category = None
    for number, (key, per_year) in enumerate(grouped.items(), 1):
        if cat_at is not None and key[0] != category:
            category = key[0]
            cell = ws.cell(row, 1, str(category).upper())
            cell.font = st["bold"]
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=total_col)
            for col in range(1, total_col + 1):
                ws.cell(row, col).border = st["border"]
            row += 1
        labels = key[1:] if cat_at is not None else key
        _body_cell(ws, row, 1, number, numeric=True)
        for col, value in enumerate(labels, 2):
            _text(ws, row, col, str(value))
        for offset, year in enumerate(years):
            _body_cell(ws, row, first_year_col + offset, per_year.get(year, 0), numeric=True)
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
    widths = [6, *[{"award": 42, "level": 14, "kind": 12}.get(d, 30) for d in dims], *[10] * len(years), 12]
    for col, width_value in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width_value
    _page_setup(ws, header_row)
    if data_rows and years:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Số lượt khen thưởng theo năm"
        chart.y_axis.title = "Số lượt"
        chart.x_axis.title = "Năm"
        data = Reference(ws, min_col=first_year_col, max_col=last_year_col, min_row=total_row, max_row=total_row)
        chart.add_data(data, from_rows=True, titles_from_data=False)
        chart.set_categories(
            Reference(ws, min_col=first_year_col, max_col=last_year_col, min_row=header_row, max_row=header_row)
        )
        chart.legend = None
        chart.height, chart.width = 8, 16
        ws.add_chart(chart, f"B{total_row + 3}")


def _year_sheet(ws: Any, year: int, result: LoadResult, catalogue: Catalogue, rows: list[Record]) -> None:
    from openpyxl.utils import get_column_letter

    st = _styles()
    counts = count(result.groups, [year], ["award", "level", "kind"], catalogue)
    row = _title_block(ws, 6, "", f"KẾT QUẢ THI ĐUA, KHEN THƯỞNG NĂM {year}")
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
    _text(ws, row, 2, "Tổng cộng").font = st["bold"]
    _body_cell(ws, row, 5, f"=SUM(E{first}:E{row - 1})" if row > first else 0, numeric=True).font = st["bold"]
    row += 3
    unit_at, award_at = RECORD_FIELDS.index("unit"), RECORD_FIELDS.index("award")
    awards = [a.name for a in catalogue.awards if any(r[award_at] == a.name for r in rows)]
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for record in rows:
        table[str(record[unit_at]) or "(không rõ đơn vị)"][str(record[award_at])] += 1
    ws.cell(row, 1, f"SỐ LƯỢT THEO ĐƠN VỊ NĂM {year}").font = st["bold"]
    row += 1
    _header(ws, row, ["STT", "Đơn vị", *awards, "Tổng cộng"])
    row += 1
    unit_first = row
    for number, unit in enumerate(sorted(table), 1):
        _body_cell(ws, row, 1, number, numeric=True)
        _text(ws, row, 2, unit)
        for offset, award in enumerate(awards):
            _body_cell(ws, row, 3 + offset, table[unit].get(award, 0), numeric=True)
        last = get_column_letter(2 + len(awards))
        _body_cell(ws, row, 3 + len(awards), f"=SUM(C{row}:{last}{row})", numeric=True)
        row += 1
    if awards and row > unit_first:
        _text(ws, row, 2, "Tổng cộng").font = st["bold"]
        for col in range(3, 4 + len(awards)):
            letter = get_column_letter(col)
            _body_cell(ws, row, col, f"=SUM({letter}{unit_first}:{letter}{row - 1})", numeric=True).font = st["bold"]
    for col, width_value in enumerate([6, 40, 14, 12, *[14] * len(awards)], 1):
        ws.column_dimensions[get_column_letter(col)].width = max(
            width_value, ws.column_dimensions[get_column_letter(col)].width or 0
        )
    ws.freeze_panes = f"B{header_row + 1}"
    _page_setup(ws, header_row)


def _data_sheet(ws: Any, rows: list[Record]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    fields = list(DATA_HEADERS)
    positions = [RECORD_FIELDS.index(f) for f in fields]
    ws.append([DATA_HEADERS[f] for f in fields])
    for record in rows:
        ws.append([cell_value(record[i]) for i in positions])
    for row in ws.iter_rows(min_row=2, max_col=len(fields)):  # user text is data, never a formula
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    last = f"{get_column_letter(len(fields))}{max(2, len(rows) + 1)}"
    if rows:
        table = Table(displayName="DuLieu", ref=f"A1:{last}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    ws.freeze_panes = "A2"
    for col, width in enumerate([30, 14, 7, 26, 18, 26, 10, 28, 20, 10, 20, 7, 16, 14, 14, 28], 1):
        ws.column_dimensions[get_column_letter(col)].width = width
