"""`thidua inspect FILE...`: how each sheet was read, with the evidence for every column's role."""

from __future__ import annotations

import json
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua_cli.cli.app import (
    EXIT_USAGE,
    CatalogueOption,
    DebugOption,
    LangOption,
    app,
    catalogue_for,
    fail,
    handled,
    out_console,
)
from thidua_cli.i18n import Lang, t

if TYPE_CHECKING:  # the reader is imported when the command runs, not for `thidua inspect --help`
    from rich.console import Console

    from thidua_cli.inspection import FileInspection, SheetInspection
    from thidua_cli.summaries import Summary


class InspectFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command("inspect")
def inspect_command(
    files: Annotated[list[Path], typer.Argument(help="Các tệp Excel cần xem cách đọc.")],
    fmt: Annotated[InspectFormat, typer.Option("--format", "-f", help="table (mặc định) hoặc json.")] = (
        InspectFormat.TABLE
    ),
    catalogue: CatalogueOption = None,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Cho biết từng trang tính được đọc thế nào: vùng bảng, dòng tiêu đề, vai trò từng cột và căn cứ
    (nhãn tiêu đề, tỉ lệ ô khớp), dòng mục / dòng đơn vị, dòng bỏ qua và lý do, các bản ghi đầu tiên.

    Ví dụ: [bold]thidua inspect ho-so/don-vi-a.xlsx[/] · [bold]thidua inspect a.xlsx --format json[/]
    """
    from thidua_cli.inspection import inspect_files

    with handled(lang, debug):
        for path in files:
            if not path.is_file():
                fail(t("missing_path", lang, path=path), EXIT_USAGE, lang)
        found = inspect_files(files, catalogue_for(catalogue), lang)
        if fmt is InspectFormat.JSON:
            typer.echo(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=1))
            return
        console = out_console()
        for inspection in found:
            _print_file(console, inspection, lang)


def _print_file(console: Console, inspection: FileInspection, lang: str) -> None:
    from rich.rule import Rule
    from rich.text import Text

    console.print(Rule(inspection.file))
    for problem in inspection.problems:
        console.print(Text(str(problem["message"]), style="red"))
    tables = Counter(sheet.sheet for sheet in inspection.sheets)
    for sheet in inspection.sheets:
        _print_sheet(console, sheet, lang, tables[sheet.sheet] > 1)


def _print_sheet(console: Console, sheet: SheetInspection, lang: str, several: bool) -> None:
    """One table of a sheet (`several`: the sheet holds more than one, each named by its number).
    Cell texts go out as Text, never as markup."""
    from rich.table import Table
    from rich.text import Text

    en = lang == "en"
    name = sheet.sheet
    if several:
        name = f"{sheet.sheet}, table {sheet.table}" if en else f"{sheet.sheet}, bảng {sheet.table}"
    if sheet.read:
        header = f"{sheet.header_rows[0]}–{sheet.header_rows[1]}" if sheet.header_rows else "?"
        where = (
            f"header rows {header}, data rows {sheet.first_data_row}–{sheet.last_row}, {sheet.records} records"
            if en
            else f"dòng tiêu đề {header}, dữ liệu dòng {sheet.first_data_row}–{sheet.last_row}, {sheet.records} bản ghi"
        )
        console.print(Text.assemble((name, "bold"), f": {where}"), highlight=False)
    else:
        console.print(
            Text.assemble((name, "bold"), ": ", (str(sheet.problems[0]["message"]), "yellow")), highlight=False
        )
    if sheet.heading is not None:
        h = sheet.heading
        facts = [
            ("award", h.award_text),
            ("year", h.year),
            ("kind", h.kind),
            ("unit", h.unit),
            ("decision", h.decision),
            ("signed", " / ".join(h.decision_level) if h.decision_level else None),
            ("proposal", h.proposal),
        ]
        shown = "; ".join(f"{k}: {v}" for k, v in facts if v)
        console.print(f"  {'heading' if en else 'tiêu đề'} — {shown or '-'}", highlight=False)
    if sheet.columns:
        table = Table(show_lines=False, header_style="bold")
        for name in (
            "#",
            "role" if en else "vai trò",
            "header" if en else "tiêu đề",
            "vote" if en else "phiếu tiêu đề",
            "cells" if en else "ô",
            "shares" if en else "tỉ lệ khớp",
            "score" if en else "điểm",
        ):
            table.add_column(name)
        for c in sheet.columns:
            shares = ", ".join(f"{r} {s:.0%}" for r, s in c.shares[:3])
            vote = f"{c.vote.role} ({c.vote.how} {c.vote.weight})" if c.vote.role else ""
            table.add_row(str(c.index + 1), c.role, " › ".join(c.tiers), vote, str(c.cells), shares, str(c.score))
        console.print(table)
    if sheet.summary is not None:
        _print_summary(console, sheet.summary, en)
    for note in sheet.row_notes:
        console.print(f"  {'row' if en else 'dòng'} {note.row}: {note.what} — {note.text}", highlight=False)
    for problem in sheet.problems[1 if not sheet.read else 0 :][:20]:
        where = str(problem["cell"] or problem["row"] or "")
        console.print(Text.assemble("  ", (where, "red"), f" {problem['message']}"), highlight=False)
    for record in sheet.first_records:
        console.print(
            f"  → {record['row']}: {record['name']} · {record['award']} · {record['level']} · {record['kind']}"
            f" · {record['year']} · {record['unit']}",
            highlight=False,
        )


def _print_summary(console: Console, summary: Summary, en: bool) -> None:
    """What a summary count table says, cell by cell (it is never counted; validate compares it)."""
    from openpyxl.utils import get_column_letter
    from rich.table import Table
    from rich.text import Text

    shape = {"award-rows": ("award rows", "dòng danh hiệu"), "award-columns": ("award columns", "cột danh hiệu")}
    name = shape.get(summary.shape, (summary.shape, summary.shape))[0 if en else 1]
    year = f", {'year' if en else 'năm'} {summary.year}" if summary.year else ""
    console.print(f"  {'summary' if en else 'bảng tổng hợp'} ({name}{year})", highlight=False)
    table = Table(show_lines=False, header_style="bold")
    for title in ("cell", "award", "kind", "level", "year", "count") if en else (
        "ô", "danh hiệu", "đối tượng", "cấp khen", "năm", "số"
    ):
        table.add_column(title)
    for c in summary.counts:
        cell = f"{get_column_letter(c.column + 1)}{c.row}"
        table.add_row(cell, c.award, c.kind or "", "/".join(c.level), str(c.year or ""), str(c.count))
    for u in summary.unread:
        cell = f"{get_column_letter(u.column + 1)}{u.row}"
        unread = Text(f"{u.text} ({'not recognised' if en else 'không nhận dạng được'})", style="red")
        table.add_row(cell, unread, "", "", "", "")
    console.print(table)
