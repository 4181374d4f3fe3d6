"""Rich tables and summaries, and the CSV/JSON forms of a tally (the only core module that prints)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from thidua_cli.display import shown
from thidua_cli.i18n import category, how_many, number, t
from thidua_cli.problems import NOTED_ROWS, SHORT, Problem, Severity
from thidua_cli.tally import counted_in, years_label

__all__ = ["print_summary", "summary_line", "tally_csv", "tally_json", "tally_table", "years_label"]

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table

    from thidua_cli.catalogue import Catalogue
    from thidua_cli.loading import LoadResult
    from thidua_cli.tally import Counts
    from thidua_cli.validation import ValidationReport

MAX_PROBLEM_LINES = 30
MAX_SHEET_LINES = 5
NARROW = 100  # a console narrower than this gets compact tables (short headings, kinds, no rules)
AWARD_MIN = 16  # the award column is wrapped down to this; below it, the year columns are dropped
WRAPPED = ("award", "unit", "issuer")  # the text columns a compact table wraps
KIND_SHORT = {"Cá nhân": "CN", "Tập thể": "TT", "Hộ gia đình": "HGĐ"}


def tally_csv(counts: Counts, raw: bool = False) -> str:
    """Header of dimension names in the order given, then `count`; canonical Vietnamese values;
    a text that a spreadsheet would run as a formula is prefixed with ' (unless `raw`)."""
    import csv

    from thidua_cli.outputs import csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*counts.by, "count"])
    writer.writerows(counts.rows if raw else ([csv_cell(v) for v in row] for row in counts.rows))
    return buffer.getvalue()


def tally_json(counts: Counts, years: Sequence[int] | None) -> str:
    rows = [dict(zip((*counts.by, "count"), row, strict=True)) for row in counts.rows]
    payload = {"years": list(years) if years else None, "by": list(counts.by), "rows": rows, "total": counts.total}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def tally_table(counts: Counts, years: Sequence[int] | None, lang: str, width: int | None = None) -> Table:
    """The engine's pivot: years as columns (plus a total) when `year` is a dimension; sections
    by category when it is one beside others. On a console narrower than NARROW: short headings
    and kinds, no vertical rules; narrower still than the year columns allow, only the totals
    (the caption says so)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.pivot import pivot

    grid = pivot(counts, "year" if "year" in counts.by else None)
    labels = [d for d in grid.by if d != "category"] or list(grid.by)
    sections = "category" in grid.by and labels != ["category"]
    year_columns = [] if grid.column is None else list(grid.columns)
    narrow = width is not None and width < NARROW
    notes = [t("kinds_short", lang)] if narrow and "kind" in labels else []
    if narrow and width is not None and _min_width(counts, labels, year_columns, lang, AWARD_MIN) > width:
        notes.append(t("years_dropped", lang))
        year_columns = []
    table = Table(
        title=t("title", lang, years=years_label(years)),
        caption=" ".join(notes) or None,
        show_lines=False,
        header_style="bold",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        padding=(0, 0) if narrow else (0, 1),
        pad_edge=not narrow,
    )
    for dim in labels or [""]:
        wraps = dim in WRAPPED
        heading = t(f"{dim}_short" if narrow else dim, lang) if dim else ""
        table.add_column(heading, no_wrap=narrow and not wraps, min_width=AWARD_MIN if narrow and wraps else None)
    for year in year_columns:
        table.add_column(str(year), justify="right", no_wrap=True)
    total_heading = t("total", lang) if grid.column is not None else t("count", lang)
    table.add_column(total_heading, justify="right", style="bold", no_wrap=True)
    shown_at = [grid.by.index(d) for d in labels]
    category_at = grid.by.index("category") if sections else None
    kind_at = labels.index("kind") if narrow and "kind" in labels else None
    current = None
    for row in grid.rows if labels else ():
        if category_at is not None and row.labels[category_at] != current:
            current = row.labels[category_at]
            table.add_row(Text(category(str(current), lang), style="bold cyan"))
        values = [str(row.labels[i]) for i in shown_at]
        if kind_at is not None:
            values[kind_at] = KIND_SHORT.get(values[kind_at], values[kind_at])
        cells = [number(n, lang) if n else "-" for n in row.cells] if year_columns else []
        table.add_row(*values, *cells, number(row.total, lang))
    totals = [number(n, lang) for n in grid.totals] if year_columns else []
    table.add_section()
    blanks = [""] * (max(1, len(labels)) - 1)
    table.add_row(Text(t("grand_total", lang), style="bold"), *blanks, *totals, number(grid.total, lang))
    return table


def _min_width(counts: Counts, dims: Sequence[str], year_cols: Sequence[int], lang: str, wrapped: int) -> int:
    """The narrowest the compact table can be with its year columns: the award, unit and issuer
    columns wrapped to `wrapped`, every other at its widest value, one space between columns."""
    widths = [wrapped if d in WRAPPED else len(t(f"{d}_short", lang)) for d in dims]
    for i, dim in enumerate(dims):
        if dim not in WRAPPED:
            at = counts.by.index(dim)
            widths[i] = max([widths[i], *(len(KIND_SHORT.get(str(r[at]), str(r[at]))) for r in counts.rows)])
    number_width = len(number(counts.total, lang))
    widths += [max(4, number_width)] * len(year_cols) + [max(5, number_width)]
    return sum(widths) + len(widths) - 1


def _where(p: Problem) -> str:
    return " › ".join(str(part) for part in (p.file, p.sheet, p.row) if part is not None)


def print_summary(console: Console, result: LoadResult, years: Sequence[int] | None, lang: str) -> None:
    """Files, sheets and records read; what was skipped, merged or not counted, with where and
    its code; the warnings on records counted; then one line to copy into a report."""
    from rich.text import Text

    files = [f for f in result.files if f.readable and not f.duplicate_of]
    counted = counted_in(result.groups, years)
    console.print(
        t(
            "summary",
            lang,
            files=how_many(len(files), "file", lang),
            tables=how_many(sum(f.tables for f in files), "table", lang),
            sheets=how_many(sum(f.sheets for f in files), "sheet", lang),
            counted=how_many(counted, "record", lang),
            years=years_label(years) or "-",
        )
    )
    outside = result.total - counted
    if outside:
        console.print(t("outside", lang, n=how_many(outside, "record", lang)))
    mismatched = [p.file for p in result.problems if p.code == "cache-mismatch"]
    if mismatched:
        console.print(Text(t("cache_mismatch", lang, n=len(mismatched), files=shown(", ".join(mismatched))), "yellow"))
    own = [p.file for p in result.problems if p.code == "own-output"]
    if own:
        console.print(t("own_output", lang, n=len(own), files=", ".join(own)))  # a str: shown safely
    legacy = [f.file for f in files if f.encodings]
    if legacy:
        console.print(t("legacy", lang, files=", ".join(legacy)))
    for title, style, problems, limit in _sections(result):
        if not problems:
            continue
        console.print(Text(t(title, lang, n=len(problems)), style=style))
        for p in problems[:limit]:
            code = f" [{p.code}]" if p.row is not None else ""  # rows: the code to find in --problems
            console.print(f"  • {_where(p)}{code}: {p.message(lang)}", highlight=False, soft_wrap=True, markup=False)
        if limit is not None and len(problems) > limit:
            more = "more_sheets" if title == "skipped_sheets" else "more"
            console.print("  " + t(more, lang, n=len(problems) - limit))
    console.print(Text(summary_line(result, years, lang), style="bold"), soft_wrap=True)


# The summary's sections: title, style, the codes of the findings listed (None: every row that
# was not counted, for an error), how many are shown (None: all).
_SECTIONS: tuple[tuple[str, str, tuple[str, ...] | None, int | None], ...] = (
    ("skipped_files", "bold yellow", ("unreadable", "file-error"), None),
    ("empty_files", "bold red", ("no-table",), None),
    ("duplicate_files", "bold yellow", ("duplicate-file",), None),
    (
        "skipped_sheets",
        "yellow",
        ("skipped-sheet", "sheet-unreadable", "ambiguous-columns", "ambiguous-table", "skipped-table"),
        MAX_SHEET_LINES,
    ),
    ("proposals", "yellow", ("proposal-list", "not-awarded", "no-tick"), MAX_SHEET_LINES),
    ("not_awards", "yellow", ("not-an-award",), MAX_SHEET_LINES),
    (
        "sheet_problems",
        "bold red",
        (
            "cells-ignored",
            "merge-clipped",
            "hidden-sheet",
            "hidden-columns",
            "hidden-rows",
            "maybe-filtered-rows",
            "filtered-rows",
            "summary-only",
        ),
        MAX_SHEET_LINES,
    ),
    ("unrecognised", "bold red", None, MAX_PROBLEM_LINES),
    ("merged", "bold yellow", ("duplicate",), MAX_PROBLEM_LINES),
)


def _sections(result: LoadResult) -> list[tuple[str, str, list[Problem], int | None]]:
    """The findings of each section, in the run's order: one pass, each code's sections found
    once (a run of 10^5 school rows has 10^4 findings)."""
    listed: list[list[Problem]] = [[] for _ in _SECTIONS]
    where: dict[tuple[str, bool], list[list[Problem]]] = {}
    for p in result.problems:
        at = (p.code, p.row is not None)
        targets = where.get(at)
        if targets is None:
            targets = where[at] = [listed[i] for i, section in enumerate(_SECTIONS) if _listed_in(p, section[2])]
        for target in targets:
            target.append(p)
    found = [(title, style, listed[i], limit) for i, (title, style, _, limit) in enumerate(_SECTIONS)]
    return [*found, ("warnings", "yellow", list(result.checks), MAX_PROBLEM_LINES)]


def _listed_in(p: Problem, codes: tuple[str, ...] | None) -> bool:
    if codes is not None:
        return p.code in codes
    return p.row is not None and _loses_row(p)


def _loses_row(p: Problem) -> bool:
    """Whether a finding on a row means the row was not counted (an error, not a merge or a table's)."""
    return p.severity is Severity.ERROR and p.code not in _NOT_ROWS


_NOT_ROWS = ("duplicate", "ambiguous-table", "hidden-sheet", "summary-only")  # merged, not lost; tables, listed with the sheets
_ROWS_IN_DETAIL = frozenset(("hidden-sheet", "list-without-award", "hidden-rows", "maybe-filtered-rows", "headless-list"))  # one finding for the records of a whole table: their number in `detail`


def summary_line(result: LoadResult, years: Sequence[int] | None, lang: str) -> str:
    """Files read, records counted, duplicates merged, rows not counted (by reason), files
    skipped: the sentence an officer copies into a report."""
    counted = counted_in(result.groups, years)
    reasons: dict[str, int] = {}
    outside = result.total - counted
    if outside:
        reasons["outside-years"] = outside
    seen: set[tuple[str, str | None, int]] = set()
    lost: dict[str, bool] = {}  # per code: whether its findings are rows not counted
    for p in result.problems:  # a row with two errors is one row, under its first reason
        code, row = p.code, p.row
        if code in _ROWS_IN_DETAIL:
            reasons[code] = reasons.get(code, 0) + int(p.detail or 0)
            continue
        if row is None:
            continue
        row_lost = lost.get(code)
        if row_lost is None:
            row_lost = lost[code] = _loses_row(p) or code in NOTED_ROWS
        if row_lost:
            place = (p.file, p.sheet, row)
            if place not in seen:
                seen.add(place)
                reasons[code] = reasons.get(code, 0) + 1
    en = lang == "en"
    because = "; ".join(
        f"{SHORT.get(code, (code, code))[1 if en else 0]}: {number(n, lang)}" for code, n in reasons.items()
    )
    copies = result.duplicate_files
    empty = sum(1 for p in result.problems if p.code == "no-table")
    return t(
        "summary_line",
        lang,
        files=how_many(result.readable_files, "file", lang),
        counted=how_many(counted, "record", lang),
        years=years_label(years) or "-",
        merged=how_many(len(result.merged) if result.merged else 0, "duplicate", lang),
        copies=t("summary_copies", lang, n=how_many(len(copies), "file", lang)) if copies else "",
        rows=how_many(sum(reasons.values()), "row", lang),
        reasons=f" ({because})" if because else "",
        skipped=how_many(sum(1 for p in result.problems if p.code in ("unreadable", "file-error")), "file", lang),
        empty=t("summary_empty", lang, n=how_many(empty, "file", lang)) if empty else "",
    )


def catalogue_table(catalogue: Catalogue, lang: str) -> Table:
    from rich.table import Table

    table = Table(
        title="Danh mục danh hiệu, hình thức khen thưởng" if lang == "vi" else "Award catalogue", show_lines=True
    )
    table.add_column(t("award", lang), style="bold")
    table.add_column(t("category", lang))
    table.add_column(t("kinds", lang))
    table.add_column(t("levels", lang))
    table.add_column(t("aliases", lang))
    for award in catalogue.awards:
        table.add_row(
            award.name, award.category, ", ".join(award.kinds), ", ".join(award.levels), "; ".join(award.aliases)
        )
    return table


def issuer_table(catalogue: Catalogue, lang: str) -> Table:
    from rich.table import Table

    table = Table(title=t("issuers", lang))
    table.add_column(t("issuer", lang), style="bold")
    table.add_column(t("level", lang))
    for issuer in catalogue.issuers:
        table.add_row(issuer.name, issuer.level)
    return table


def catalogue_json(catalogue: Catalogue) -> str:
    payload = {
        "awards": [
            {
                "name": a.name,
                "category": a.category,
                "kinds": list(a.kinds),
                "levels": list(a.levels),
                "usual_level": a.usual_level,
                "aliases": list(a.aliases),
            }
            for a in catalogue.awards
        ],
        "issuers": [{"name": i.name, "level": i.level} for i in catalogue.issuers],
        "sources": catalogue.sources,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def validation_tables(report: ValidationReport, lang: str, width: int | None = None) -> list[RenderableType]:
    """One table per file and sheet: cell, column, value, severity and the message; on a console
    narrower than NARROW, a list instead (one finding a paragraph: where, severity, message)."""
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.validation import findings_for

    out: list[RenderableType] = []
    as_list = width is not None and width < NARROW
    for file, findings in findings_for(report, report.files).items():
        if not findings:
            continue
        sheets: dict[str | None, list[Problem]] = {}
        for finding in findings:
            sheets.setdefault(finding.sheet, []).append(finding)
        for sheet, group in sheets.items():
            title = f"{file} › {sheet}" if sheet else f"{file} {t('file_level', lang)}"
            if as_list:
                out += [Text(title, style="bold"), *(_finding_item(f, lang) for f in group)]
                continue
            table = Table(title=title, title_justify="left", show_lines=False, header_style="bold")
            for name in ("row", "cell", "column", "value", "severity", "code", "message"):
                table.add_column(t(name, lang), overflow="fold")
            for f in group:
                style = "red" if f.severity is Severity.ERROR else "yellow"
                where = f.cell or ("" if f.row else t("sheet_level" if f.sheet else "file_level", lang))
                table.add_row(
                    str(f.row) if f.row else "",
                    where,
                    f.column or "",
                    f.value or "",
                    Text(t(f"{f.severity}_sev", lang), style=style),
                    f.code,
                    f.message(lang),
                )
            out.append(table)
    summary = report.summary()
    for file, counts in summary["files"].items():
        if counts["errors"] or counts["warnings"]:
            out.append(Text(t("validate_file_line", lang, file=shown(file), **_counted(counts, lang))))
    if report.findings:
        total = t(
            "validate_total", lang, files=how_many(len(summary["files"]), "file", lang), **_counted(summary, lang)
        )
        out.append(Text(total, style="bold"))
    else:
        out.append(Text(t("validate_clean", lang), style="bold green"))
    return out


def _counted(counts: dict[str, int], lang: str) -> dict[str, str]:
    return {
        "errors": how_many(counts["errors"], "error", lang),
        "warnings": how_many(counts["warnings"], "warning", lang),
    }


def _finding_item(f: Problem, lang: str) -> RenderableType:
    """ "• Dòng 6 · G6 · Số quyết định — lỗi bad-date", then the value and the message indented."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    where = [
        f"{t('row', lang)} {f.row}" if f.row else t("sheet_level" if f.sheet else "file_level", lang),
        *(part for part in (f.cell, f.column) if part),
    ]
    style = "red" if f.severity is Severity.ERROR else "yellow"
    head = Text("• " + " · ".join(where) + " — ")
    head.append(t(f"{f.severity}_sev", lang), style=style)
    head.append(f" {f.code}")
    lines = [f"{t('value', lang)}: {f.value}"] if f.value else []
    body = [Padding(Text(line), (0, 0, 0, 2)) for line in [*lines, f.message(lang)]]
    return Group(head, *body)
