"""Summary count tables: what a unit's own summary sheet says it awarded, and where its name
lists disagree (`summary-mismatch`). A summary is never added to the tally."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import text_of
from thidua_cli.labels import ends_table, is_totals
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.roles import ColumnRole

_AWARD, _YEAR = RECORD_FIELDS.index("award"), RECORD_FIELDS.index("year")


@dataclass(frozen=True)
class SummaryCount:
    """One count column of a summary: the award it names and the number it gives."""

    award: str  # canonical name
    label: str  # the column's header
    column: int  # 0-based
    count: int
    row: int  # Excel row of the total used (or of the last row summed)


@dataclass(frozen=True)
class Summary:
    sheet: str
    year: int | None
    counts: tuple[SummaryCount, ...]


def read_summary(
    sheet: str,
    grid: Sequence[Sequence[Cell]],
    columns: Sequence[ColumnRole],
    start: int,
    year: int | None,
    catalogue: Catalogue,
) -> Summary:
    """The totals of each count column: its total row when there is one, else the sum of its rows."""
    counts = []
    for column in columns:
        match = catalogue.match_award(column.label)
        if match is None:
            continue
        total, last, summed = None, start, 0
        for r in range(start, len(grid)):
            row = grid[r]
            first = next((t for v in row if (t := text_of(v))), "")
            if first and not first[:1].isdigit() and is_totals(first):
                total, last = _number(row[column.index]), r
                break
            if first and not first[:1].isdigit() and ends_table(first):
                break
            value = _number(row[column.index]) if column.index < len(row) else None
            if value is not None:
                summed, last = summed + value, r
        counts.append(
            SummaryCount(match.award.name, column.label, column.index, summed if total is None else total, last + 1)
        )
    return Summary(sheet, year, tuple(counts))


def _number(value: Cell) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    text = text_of(value)
    return int(text) if text.isdigit() else None


def summary_mismatches(file: str, summaries: Sequence[Summary], records: Sequence[Record]) -> list[Problem]:
    """Where a unit's summary sheet and the name lists of the same workbook disagree, per award
    (and the summary's year, when its heading names one)."""
    problems = []
    for summary in summaries:
        listed = Counter(r[_AWARD] for r in records if summary.year is None or r[_YEAR] == summary.year)
        for count in summary.counts:
            if listed[count.award] != count.count:
                problems.append(
                    Problem(
                        "summary-mismatch",
                        file,
                        summary.sheet,
                        count.row,
                        column=count.label,
                        value=count.award,
                        detail=f"{count.count} / {listed[count.award]}",
                        col=count.column,
                    )
                )
    return problems
