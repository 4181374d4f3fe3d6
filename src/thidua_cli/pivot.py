"""Counts with one dimension spread across columns: the tables of `thidua tally`, the summary
workbook and the report (apart from `tally`, which a run writing CSV imports without them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from thidua_cli.tally import Counts, _orders, _sort_key


@dataclass(frozen=True)
class PivotRow:
    labels: tuple[Any, ...]  # the values of Pivot.by
    cells: tuple[int, ...]  # one per Pivot.columns

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class Pivot:
    """Counts with one dimension spread across columns (years, awards or kinds); with
    `column` None, one column of counts."""

    by: tuple[str, ...]
    column: str | None
    columns: tuple[Any, ...]
    rows: tuple[PivotRow, ...]

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(row.cells[i] for row in self.rows) for i in range(len(self.columns)))

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)


def pivot(counts: Counts, column: str | None, columns: Sequence[Any] | None = None) -> Pivot:
    """`counts` spread by `column` (its values in order, or `columns` when given: the years
    asked for); the rows keep the order of the other dimensions in `counts`."""
    at = counts.by.index(column) if column is not None else None
    keep = [i for i in range(len(counts.by)) if i != at]
    if at is None:
        columns = (None,)
    elif columns is None:
        orders = _orders(counts.award_order)
        columns = sorted({row[at] for row in counts.rows}, key=lambda v: _sort_key(orders, str(column), v))
    place = {value: i for i, value in enumerate(columns)}
    cells: dict[tuple[Any, ...], list[int]] = {}
    for row in counts.rows:
        value = None if at is None else row[at]
        if value in place:
            line = cells.setdefault(tuple(row[i] for i in keep), [0] * len(place))
            line[place[value]] += row[-1]
    rows = tuple(PivotRow(labels, tuple(line)) for labels, line in cells.items())
    return Pivot(tuple(counts.by[i] for i in keep), column, tuple(columns), rows)
