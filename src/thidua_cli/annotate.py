"""Annotated copies for the units: problem cells filled and commented, plus a findings sheet.

The input file is never written: .xlsx/.xlsm are opened with openpyxl and saved under a new
name in the output folder; .xls/.ods/.xlsb are rebuilt as .xlsx from their cell values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thidua_cli.i18n import t
from thidua_cli.problems import Problem, Severity

SUMMARY_SHEET = "Kết quả kiểm tra"
FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C"}


def annotate(
    source: Path, findings: Sequence[Problem], out_dir: Path, lang: str = "vi", taken: set[Path] | None = None
) -> Path:
    """Write the annotated copy of `source` into `out_dir`; return its path."""
    import openpyxl

    taken = taken if taken is not None else set()
    target = _target(source, out_dir, taken)
    if source.suffix.lower() in (".xlsx", ".xlsm") and not _unreadable(findings):
        workbook = openpyxl.load_workbook(source)
    else:
        workbook = _rebuild(source)
    _mark_cells(workbook, findings, lang)
    _summary_sheet(workbook, source, findings, lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def _unreadable(findings: Sequence[Problem]) -> bool:
    return any(f.code in ("unreadable", "file-error") for f in findings)


def _target(source: Path, out_dir: Path, taken: set[Path]) -> Path:
    target = out_dir / f"{source.stem}.xlsx"
    n = 2
    while target in taken or target.resolve() == source.resolve():
        target = out_dir / f"{source.stem}-{n}.xlsx"
        n += 1
    taken.add(target)
    return target


def _rebuild(source: Path) -> Any:
    """A new workbook holding the (decoded) values of a file openpyxl cannot open."""
    import openpyxl

    from thidua_cli.layout import prepare_grid
    from thidua_cli.reading import UnreadableFile, read_workbook

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    try:
        grid_book = read_workbook(source)
    except UnreadableFile:
        return _empty_with_sheet(workbook)
    for sheet in grid_book.sheets:
        ws = workbook.create_sheet(sheet.name[:31])
        grid, _ = prepare_grid(sheet)
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(row, 1):
                if value not in ("", None):
                    ws.cell(r, c, value).data_type = "s" if isinstance(value, str) else ws.cell(r, c).data_type
        for (r0, c0), (r1, c1) in sheet.merged:
            if (r0, c0) != (r1, c1):
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        if (r, c) != (r0, c0):
                            ws.cell(r + 1, c + 1).value = None
                ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    if not workbook.sheetnames:
        return _empty_with_sheet(workbook)
    return workbook


def _empty_with_sheet(workbook: Any) -> Any:
    workbook.create_sheet("Trống")
    return workbook


def _mark_cells(workbook: Any, findings: Sequence[Problem], lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[tuple[str, int, int], list[Problem]] = defaultdict(list)
    for finding in findings:
        if finding.sheet and finding.row and finding.sheet in workbook.sheetnames:
            by_cell[(finding.sheet, finding.row, finding.col if finding.col is not None else 0)].append(finding)
    for (sheet, row, col), group in by_cell.items():
        cell = workbook[sheet].cell(row, col + 1)
        worst = Severity.ERROR if any(f.severity is Severity.ERROR for f in group) else Severity.WARNING
        color = FILLS.get(worst, FILLS[Severity.WARNING])
        cell.fill = PatternFill(start_color=color, end_color=color, fill_type="solid")
        text = "\n".join(f"[{f.code}] {f.message(lang)}" for f in group)
        comment = Comment(text, "thidua")
        comment.width, comment.height = 320, 40 + 30 * len(group)
        cell.comment = comment


def _summary_sheet(workbook: Any, source: Path, findings: Sequence[Problem], lang: str) -> None:
    """The findings as a table to print: A4 landscape as wide as the page, Times New Roman,
    borders, the header repeated, rows as tall as their wrapped messages."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from thidua_cli.paper import FONT, fit_row_heights, fit_width

    ws = workbook.create_sheet(SUMMARY_SHEET, 0)
    ws.append([f"{t('validate_title', lang)}: {source.name}"])
    ws["A1"].font = Font(name=FONT, bold=True, size=14)
    ws.append([])
    headers = ["STT", "Trang tính", "Ô", "Dòng", "Cột", "Giá trị", "Mức độ", "Mã", "Nội dung"]
    if lang == "en":
        headers = ["No.", "Sheet", "Cell", "Row", "Column", "Value", "Severity", "Code", "Message"]
    ws.append(headers)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in ws[3]:
        cell.font, cell.border = Font(name=FONT, bold=True, size=12), border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = Font(name=FONT, size=12)
    for number, finding in enumerate(findings, 1):
        ws.append(
            [
                number,
                finding.sheet or "",
                finding.cell or "",
                finding.row,
                finding.column or "",
                finding.value or "",
                t(f"{finding.severity}_sev", lang),
                finding.code,
                finding.message(lang),
            ]
        )
        row = ws.max_row
        for col, cell in enumerate(ws[row], 1):
            cell.font, cell.border = body, border
            centred = col in (1, 3, 4, 7)
            cell.alignment = Alignment(horizontal="center" if centred else "left", vertical="top", wrap_text=True)
        color = FILLS.get(finding.severity)
        if color:
            ws.cell(row, 7).fill = PatternFill(start_color=color, end_color=color, fill_type="solid")
        for col in (6, 9):  # user text is data, never a formula
            ws.cell(row, col).data_type = "s"
        if finding.cell and finding.sheet in workbook.sheetnames:
            link = ws.cell(row, 3)
            link.hyperlink = f"#'{finding.sheet}'!{finding.cell}"
            link.font = Font(name=FONT, size=12, color="0563C1", underline="single")
    for letter, width in zip("ABCDEFGHI", (6, 16, 7, 7, 20, 26, 10, 18, 60), strict=True):
        ws.column_dimensions[letter].width = width
    fit_row_heights(ws, range(3, ws.max_row + 1))
    ws.freeze_panes = "A4"
    fit_width(ws, 3)
    workbook.active = 0
