"""Annotated copies for the units: problem cells filled and commented, plus a findings sheet.

The input file is never written: .xlsx/.xlsm are opened with openpyxl and saved under a new
name in the output folder; .xls/.ods/.xlsb (and files the reader had to bound) are rebuilt as
.xlsx from their cell values. A copy is named `<stem>.xlsx`, numbered (`<stem>-2.xlsx`) when
that name is taken: by another copy of this run, by an input, or by an existing file (without
--force). Copies are marked as the tool's own workbooks, so a later run skips them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thidua_cli.display import shown_path
from thidua_cli.i18n import t
from thidua_cli.outputs import Guard, OutputError, cell_value, save_workbook
from thidua_cli.problems import Problem, Severity

SUMMARY_SHEET = "Kết quả kiểm tra"
FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C"}


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\ufffe\uffff]")


def annotate(
    source: Path,
    findings: Sequence[Problem],
    out_dir: Path,
    lang: str = "vi",
    taken: set[Path] | None = None,
    guard: Guard | None = None,
) -> Path:
    """Write the annotated copy of `source` into `out_dir`; return its path."""
    target = copy_name(source, out_dir, taken if taken is not None else set(), guard)
    return write_copy(source, findings, target, lang, guard)


def write_copy(source: Path, findings: Sequence[Problem], target: Path, lang: str, guard: Guard | None) -> Path:
    import openpyxl

    workbook = None
    if source.suffix.lower() in (".xlsx", ".xlsm") and not _unreadable(findings):
        try:
            workbook = openpyxl.load_workbook(source)
        except Exception:  # a part openpyxl cannot read (calamine could): the values are rebuilt
            workbook = None
    if workbook is None:
        workbook = _rebuild(source, sparse=any(f.code == "cells-ignored" for f in findings))
    _mark_cells(workbook, findings, lang)
    _summary_sheet(workbook, source, findings, lang)
    return save_workbook(workbook, target, guard)


_BOUNDED = ("unreadable", "file-error", "merge-clipped", "cells-ignored")


def _unreadable(findings: Sequence[Problem]) -> bool:
    """Files openpyxl must not open whole (a merge over the sheet would be expanded cell by cell)."""
    return any(f.code in _BOUNDED for f in findings)


def copy_name(source: Path, out_dir: Path, taken: set[Path], guard: Guard | None = None) -> Path:
    """`<stem>.xlsx` in `out_dir`, numbered until it is no other copy's, no input's and (without
    --force) no existing file's name."""
    stem = source.stem
    target, n = out_dir / f"{stem}.xlsx", 2
    while target in taken or not _free(target, guard):
        target, n = out_dir / f"{stem}-{n}.xlsx", n + 1
    taken.add(target)
    return target


def _free(target: Path, guard: Guard | None) -> bool:
    if guard is None:
        return not target.exists()
    try:
        guard.check(target)
    except OutputError:
        return False
    return True


def sheet_title(name: str) -> str:
    """A name Excel accepts for a sheet: no []:*?/\\ or control characters, at most 31 characters,
    never empty and never starting or ending with an apostrophe."""
    title = _SHEET_FORBIDDEN.sub("_", name).strip("'")[:31]
    return title or "Sheet"


def _rebuild(source: Path, sparse: bool = False) -> Any:
    """A new workbook holding the (decoded) values of a file openpyxl cannot open."""
    import openpyxl

    from thidua_cli.layout import prepare_grid
    from thidua_cli.reading import UnreadableFile, read_workbook

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    try:
        grid_book = read_workbook(source, sparse=sparse)  # sparse: as the reader had to read it
    except UnreadableFile:
        return _empty_with_sheet(workbook)
    for sheet in grid_book.sheets:
        ws = workbook.create_sheet(sheet_title(sheet.name))
        grid, _ = prepare_grid(sheet)
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(row, 1):
                if value not in ("", None):
                    ws.cell(r, c, cell_value(value)).data_type = (
                        "s" if isinstance(value, str) else ws.cell(r, c).data_type
                    )
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
        text = cell_value("\n".join(f"[{f.code}] {f.message(lang)}" for f in group))
        comment = Comment(text, "thidua")
        comment.width, comment.height = 320, 40 + 30 * len(group)
        cell.comment = comment


def _summary_sheet(workbook: Any, source: Path, findings: Sequence[Problem], lang: str) -> None:
    """The findings as a table to print: A4 landscape as wide as the page, Times New Roman,
    borders, the header repeated, rows as tall as their wrapped messages."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from thidua_cli.paper import FONT, fit_row_heights, fit_width

    ws = workbook.create_sheet(SUMMARY_SHEET, 0)
    ws.append([cell_value(f"{t('validate_title', lang)}: {shown_path(source.name)}")])
    ws["A1"].data_type = "s"
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
                cell_value(value)
                for value in (
                    number,
                    finding.sheet or "",
                    finding.cell or "",
                    finding.row,
                    finding.column or "",
                    finding.value or "",
                    t(f"{finding.severity}_sev", lang),
                    finding.code,
                    finding.message(lang),
                )
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
        for col in (2, 3, 5, 6, 8, 9):  # user text is data, never a formula (a sheet named "=…")
            ws.cell(row, col).data_type = "s"
        if finding.cell and finding.sheet in workbook.sheetnames:
            link = ws.cell(row, 3)
            link.hyperlink = "#'{}'!{}".format((finding.sheet or "").replace("'", "''"), finding.cell)
            link.font = Font(name=FONT, size=12, color="0563C1", underline="single")
    for letter, width in zip("ABCDEFGHI", (6, 16, 7, 7, 20, 26, 10, 18, 60), strict=True):
        ws.column_dimensions[letter].width = width
    fit_row_heights(ws, range(3, ws.max_row + 1))
    ws.freeze_panes = "A4"
    fit_width(ws, 3)
    workbook.active = 0
