"""Rich tables and summaries, and the CSV/JSON forms of a tally (the only core module that prints)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from thidua_cli.i18n import category, how_many, number, t
from thidua_cli.problems import Problem, Severity

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


def years_label(years: Sequence[int] | None) -> str:
    if not years:
        return ""
    ys = sorted(years)
    if ys == list(range(ys[0], ys[-1] + 1)):
        return str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"
    return ", ".join(str(y) for y in ys)


def tally_csv(counts: Counts) -> str:
    """Header of dimension names in the order given, then `count`; canonical Vietnamese values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*counts.by, "count"])
    writer.writerows(counts.rows)
    return buffer.getvalue()


def tally_json(counts: Counts, years: Sequence[int] | None) -> str:
    rows = [dict(zip((*counts.by, "count"), row, strict=True)) for row in counts.rows]
    payload = {"years": list(years) if years else None, "by": list(counts.by), "rows": rows, "total": counts.total}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def tally_table(counts: Counts, years: Sequence[int] | None, lang: str, width: int | None = None) -> Table:
    """Years as columns (plus a total) when `year` is a dimension; groups by category when present.
    On a console narrower than NARROW: short headings and kinds, no vertical rules; narrower still
    than the year columns allow, only the totals (the caption says so)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    by = counts.by
    dims = [d for d in by if d not in ("year", "category")]
    year_at = by.index("year") if "year" in by else None
    year_cols = sorted({row[year_at] for row in counts.rows}) if year_at is not None else []
    narrow = width is not None and width < NARROW
    notes = []
    if narrow and "kind" in dims:
        notes.append(t("kinds_short", lang))
    award_min = AWARD_MIN
    if narrow and width is not None and _min_width(counts, dims, year_cols, lang, award_min) > width:
        notes.append(t("years_dropped", lang))
        year_cols = []
    table = Table(
        title=t("title", lang, years=years_label(years)),
        caption=" ".join(notes) or None,
        show_lines=False,
        header_style="bold",
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
        padding=(0, 0) if narrow else (0, 1),
        pad_edge=not narrow,
    )
    for dim in dims:
        wraps = dim in WRAPPED
        heading = t(f"{dim}_short" if narrow else dim, lang)
        table.add_column(heading, no_wrap=narrow and not wraps, min_width=award_min if narrow and wraps else None)
    for year in year_cols:
        table.add_column(str(year), justify="right", no_wrap=True)
    table.add_column(
        t("total", lang) if year_at is not None else t("count", lang), justify="right", style="bold", no_wrap=True
    )
    cat_at = by.index("category") if "category" in by else None
    keep = [by.index(d) for d in dims]
    groups: dict[tuple[object, ...], dict[int | None, int]] = {}
    for row in counts.rows:
        label = ((row[cat_at],) if cat_at is not None else ()) + tuple(row[i] for i in keep)
        cells = groups.setdefault(label, {})
        year = row[year_at] if year_at is not None else None
        cells[year] = cells.get(year, 0) + row[-1]
    current_category = None
    kind_at = dims.index("kind") if narrow and "kind" in dims else None
    for label, cells in groups.items():
        if cat_at is not None:
            if label[0] != current_category:
                current_category = label[0]
                table.add_row(Text(category(str(current_category), lang), style="bold cyan"))
            label = label[1:]
        values = [KIND_SHORT.get(str(v), str(v)) if i == kind_at else str(v) for i, v in enumerate(label)]
        shown = [number(cells[y], lang) if cells.get(y) else "-" for y in year_cols]
        table.add_row(*values, *shown, number(sum(cells.values()), lang))
    totals = (
        [number(sum(r[-1] for r in counts.rows if r[year_at] == y), lang) for y in year_cols]
        if year_at is not None
        else []
    )
    table.add_section()
    table.add_row(
        Text(t("grand_total", lang), style="bold"), *[""] * (len(dims) - 1), *totals, number(counts.total, lang)
    )
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


def print_summary(console: Console, result: LoadResult, years: Sequence[int] | None, counted: int, lang: str) -> None:
    """Files, sheets and records read; what was skipped or not recognised, with where."""
    from rich.text import Text

    files = [f for f in result.files if f.readable]
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
    legacy = [f.file for f in files if f.encodings]
    if legacy:
        console.print(t("legacy", lang, files=", ".join(legacy)))
    groups = [
        ("skipped_files", "bold yellow", [p for p in result.problems if p.code in ("unreadable", "file-error")], None),
        (
            "skipped_sheets",
            "yellow",
            [p for p in result.problems if p.code in ("skipped-sheet", "sheet-unreadable")],
            MAX_SHEET_LINES,
        ),
        (
            "unrecognised",
            "bold red",
            [p for p in result.problems if p.row is not None and p.severity is Severity.ERROR],
            MAX_PROBLEM_LINES,
        ),
    ]
    for title, style, problems, limit in groups:
        if not problems:
            continue
        console.print(Text(t(title, lang, n=len(problems)), style=style))
        for p in problems[:limit]:
            where = " › ".join(str(part) for part in (p.file, p.sheet, p.row) if part is not None)
            console.print(f"  • {where}: {p.message(lang)}", highlight=False, soft_wrap=True)
        if limit is not None and len(problems) > limit:
            console.print(
                "  " + t("more_sheets" if title == "skipped_sheets" else "more", lang, n=len(problems) - limit)
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
            out.append(Text(t("validate_file_line", lang, file=file, **_counted(counts, lang))))
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
