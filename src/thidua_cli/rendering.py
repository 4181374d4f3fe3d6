"""Rich tables and summaries, and the CSV/JSON forms of a tally (the only core module that prints)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from thidua_cli.i18n import number, t
from thidua_cli.problems import Problem, Severity

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.catalogue import Catalogue
    from thidua_cli.loading import LoadResult
    from thidua_cli.tally import Counts
    from thidua_cli.validation import ValidationReport

MAX_PROBLEM_LINES = 30
MAX_SHEET_LINES = 5


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


def tally_table(counts: Counts, years: Sequence[int] | None, lang: str) -> Table:
    """Years as columns (plus a total) when `year` is a dimension; groups by category when present."""
    from rich.table import Table
    from rich.text import Text

    by = counts.by
    dims = [d for d in by if d not in ("year", "category")]
    table = Table(title=t("title", lang, years=years_label(years)), show_lines=False, header_style="bold")
    for dim in dims:
        table.add_column(t(dim, lang))
    year_at = by.index("year") if "year" in by else None
    year_cols = sorted({row[year_at] for row in counts.rows}) if year_at is not None else []
    for year in year_cols:
        table.add_column(str(year), justify="right")
    table.add_column(t("total", lang) if year_cols else t("count", lang), justify="right", style="bold")
    cat_at = by.index("category") if "category" in by else None
    keep = [by.index(d) for d in dims]
    groups: dict[tuple[object, ...], dict[int | None, int]] = {}
    for row in counts.rows:
        label = ((row[cat_at],) if cat_at is not None else ()) + tuple(row[i] for i in keep)
        cells = groups.setdefault(label, {})
        year = row[year_at] if year_at is not None else None
        cells[year] = cells.get(year, 0) + row[-1]
    current_category = None
    for label, cells in groups.items():
        if cat_at is not None:
            if label[0] != current_category:
                current_category = label[0]
                table.add_row(Text(str(current_category).upper(), style="bold cyan"))
            label = label[1:]
        shown = [number(cells[y], lang) if cells.get(y) else "-" for y in year_cols]
        table.add_row(*[str(v) for v in label], *shown, number(sum(cells.values()), lang))
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


def print_summary(console: Console, result: LoadResult, years: Sequence[int] | None, counted: int, lang: str) -> None:
    """Files, sheets and records read; what was skipped or not recognised, with where."""
    from rich.text import Text

    files = [f for f in result.files if f.readable]
    console.print(
        t(
            "summary",
            lang,
            files=len(files),
            tables=sum(f.tables for f in files),
            sheets=sum(f.sheets for f in files),
            counted=number(counted, lang),
            years=years_label(years) or "-",
        )
    )
    outside = result.total - counted
    if outside:
        console.print(t("outside", lang, n=number(outside, lang)))
    legacy = [f.file for f in files if f.encodings]
    if legacy:
        console.print(t("legacy", lang, files=", ".join(legacy)))
    groups = [
        ("skipped_files", "bold yellow", [p for p in result.problems if p.code in ("unreadable", "file-error")], None),
        (
            "skipped_sheets",
            "yellow",
            [p for p in result.problems if p.code in ("skipped-sheet", "sheet-unreadable", "ambiguous-columns")],
            MAX_SHEET_LINES,
        ),
        (
            "proposals",
            "yellow",
            [p for p in result.problems if p.code in ("proposal-list", "not-awarded", "no-tick")],
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
            console.print("  " + t("more", lang, n=len(problems) - limit))


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


def validation_tables(report: ValidationReport, lang: str) -> list[Table | Text]:
    """One table per file and sheet: cell, column, value, severity and the message."""
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.validation import findings_for

    out: list[Table | Text] = []
    for file, findings in findings_for(report, report.files).items():
        if not findings:
            continue
        sheets: dict[str | None, list[Problem]] = {}
        for finding in findings:
            sheets.setdefault(finding.sheet, []).append(finding)
        for sheet, group in sheets.items():
            title = f"{file} › {sheet}" if sheet else f"{file} {t('file_level', lang)}"
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
            out.append(Text(t("validate_file_line", lang, file=file, **counts)))
    if report.findings:
        total = t(
            "validate_total", lang, files=len(summary["files"]), errors=summary["errors"], warnings=summary["warnings"]
        )
        out.append(Text(total, style="bold"))
    else:
        out.append(Text(t("validate_clean", lang), style="bold green"))
    return out
