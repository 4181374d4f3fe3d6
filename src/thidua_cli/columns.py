"""A table's data rows read column by column: what each row's record takes from its cells (the
name and the position written after it, the award text, the decision, the kind, level and year
that its block is resolved from, notes, position, unit), worked out once per cell and, where a
text needs more than cleaning (a name cell with a position, a combined decision cell, a decision
number's shape), once per distinct value. The walk down the rows (normalise.py) then reads lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from thidua_cli.blocks import SHAPES, BlockResolver
from thidua_cli.cells import text_of, texts_of
from thidua_cli.labels import layout_rules, result_mark
from thidua_cli.layout import Column, SheetTable
from thidua_cli.reading import Cell
from thidua_cli.roles import role_rules
from thidua_cli.text import key

# what may part a name cell: a line break, a dash, a comma … (`normalise` splits on the same)
NAME_MARKS = re.compile(r"[\n,;&+/–—-]|\svà\s", re.IGNORECASE)
_MARK_CHARACTERS = re.compile(r"[\n,;&+/–—-]")  # NAME_MARKS' first part, found by a scan for a set of characters

if TYPE_CHECKING:
    Row = list[Cell]

Decision = tuple[str, Cell, Column | None]  # the number, the date cell, the date's column


@dataclass(frozen=True)
class TableCells:
    """Per data row (index: grid row − `start`): each list has one entry per row to `end`."""

    start: int
    names: list[tuple[str, str]]  # (name, position written after it in the same cell)
    awards: list[str]  # the text of the first award column ("" without one)
    decisions: list[Decision]
    keys: list[tuple[Any, ...]]  # (kind, level, year, decision shape): what a block depends on
    kinds: list[str]
    notes: list[str]
    positions: list[str]
    units: list[str]
    results: list[str] = field(default_factory=list)  # a "Kết quả" column ("Không đạt"), when there is one


def table_cells(
    resolver: BlockResolver, table: SheetTable, start: int, end: int, name_of: Callable[[str], tuple[str, str]]
) -> TableCells:
    """The cells of rows `start` to `end` of `table`, column by column. `name_of`: (name, position)
    of a name cell that may hold both (kept per distinct cell by the caller)."""
    rows = table.grid[start:end]
    index = table.index
    decisions = _decisions(resolver, table, rows)
    kinds = texts(rows, index.get("kind"))
    shape_of, shapes = resolver._shape, SHAPES.setdefault(resolver.catalogue.fingerprint, {})
    numbers = list(map(itemgetter(0), decisions))
    shape = {n: shapes.get(n) or shape_of(n) for n in set(numbers)}  # the number's shape, not the number
    keys = list(
        zip(
            kinds,
            _keys(rows, index.get("level")),
            _year_keys(rows, table),
            list(map(shape.__getitem__, numbers)),
            strict=True,
        )
    )
    award_cols = table.columns.get("award")
    return TableCells(
        start,
        _given(_names(rows, index["name"], name_of), texts(rows, index.get("given_name"))),
        texts(rows, award_cols[0].index if award_cols else None),
        decisions,
        keys,
        kinds,
        texts(rows, index.get("notes")),
        texts(rows, index.get("position")),
        texts(rows, index.get("unit")),
        _results(rows, table.columns.get("result", [])),
    )


UNCLEAR = "\0"  # leads a result that says neither achieved nor not (`_results`)


def _results(rows: Sequence[Row], columns: list[Column]) -> list[str]:
    """Per row, what the result column says ([] without one): its text; of sub-columns ticked
    under one "Kết quả" ("Đạt" | "Không đạt"), the label of the one ticked. When every filled cell
    holds a result mark (layout.toml [results]) and one says achieved, a row with none, or with
    two different ones ticked, is UNCLEAR (followed by what it holds)."""
    if not columns:
        return []
    ticks = role_rules().ticks
    cells = [texts(rows, c.index) for c in columns]
    if len(columns) > 1 and not all(t in ticks for column in cells for t in column if t):
        # two result columns of their own ("Kết quả": a rating, "Kết quả bình xét": "Đạt"), not ticks
        # under one: the one of marks only says the verdict, else the first as a column alone would
        marked = [column for column in cells if any(column) and all(result_mark(t) is not None for t in column if t)]
        cells = [marked[-1] if marked else cells[0]]
    if len(cells) == 1:
        results = cells[0]
    else:
        results = []
        for row in zip(*cells, strict=True):
            said = {c.header if t in ticks else t for c, t in zip(columns, row, strict=True) if t}
            results.append(" / ".join(sorted(said)) if len(said) > 1 else next(iter(said), ""))
            if len(said) > 1:
                results[-1] = UNCLEAR + results[-1]
    filled = {t for t in results if t and t[0] != UNCLEAR}
    statuses = {result_mark(t) for t in filled}
    if filled and None not in statuses and "" in statuses:  # a column of marks: a blank one says nothing
        return [t or UNCLEAR for t in results]
    if None in statuses:  # beside other texts a short mark is a grade ("K" = Khá, "Loại 1"), no verdict
        context = layout_rules().context_marks
        return ["" if t and (key(t) in context or key(t).split(" ", 1)[0] == "loại") else t for t in results]
    return results


def texts(rows: Sequence[Row], i: int | None) -> list[str]:
    """The clean text of column `i` in every row ("" for every row without such a column)."""
    if i is None:
        return [""] * len(rows)
    return texts_of(list(map(itemgetter(i), rows)))


def _year_keys(rows: Sequence[Row], table: SheetTable) -> list[Any]:
    """The year column's keys; with a second year column (or the decision's year), both cells
    (blocks compares them)."""
    columns = table.columns.get("year", []) + table.columns.get("decision_year", [])
    keys = _keys(rows, columns[0].index if columns else None)
    for other in columns[1:]:
        keys = list(zip(keys, _keys(rows, other.index), strict=True))
    return keys


def _keys(rows: Sequence[Row], i: int | None) -> list[Any]:
    """A column's cells as block-resolution keys: a text cell stands for itself (equal strings
    clean to equal texts), any other cell for its text."""
    if i is None:
        return [""] * len(rows)
    cells = list(map(itemgetter(i), rows))
    others = {v for v in set(cells) if v.__class__ is not str}
    if any(v.__class__ is bool for v in others):  # True == 1 as a key: read cell by cell
        return [v if v.__class__ is str else text_of(v) for v in cells]
    found = {v: text_of(v) for v in others}
    return list(map(found.get, cells, cells))


def _names(rows: Sequence[Row], i: int, name_of: Callable[[str], tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, position) per row: only a text cell with a mark of NAME_MARKS can hold a position
    too ("Nguyễn Văn An\nHiệu trưởng") or several people ("… và …"), and only one that starts
    with a title ("Đ/c", "ThS.": layout.toml [names]) has it taken off; a column without any is
    read in one pass."""
    raws = list(map(itemgetter(i), rows))
    names = list(zip(texts_of(raws), repeat(""), strict=False))
    column = "\0".join(filter(str.__instancecheck__, raws))
    rules = layout_rules()
    folded = "\0" + column.casefold()
    marked = _MARK_CHARACTERS.search(column) or ("và" in folded and NAME_MARKS.search(column))
    titled = rules.title_start.search(folded)
    if marked or titled:
        search, titles = NAME_MARKS.search, rules.titles.match
        for j, raw in enumerate(raws):
            if raw.__class__ is str and ((marked and search(raw)) or (titled and titles(raw))):
                names[j] = name_of(raw)
    return names


def _given(names: list[tuple[str, str]], given: list[str]) -> list[tuple[str, str]]:
    """A name typed in two columns ("Họ đệm" | "Tên"): the given name joined to the first."""
    if not any(given):
        return names
    return [(f"{name} {g}" if name else g, position) if g else (name, position) for (name, position), g in zip(names, given, strict=True)]


def _decisions(resolver: BlockResolver, table: SheetTable, rows: Sequence[Row]) -> list[Decision]:
    """The decision (number, date cell, the date's column) of every row: from separate number
    and date columns (a number cell may hold the date too), from one combined "Số, ngày quyết
    định" column (split once per distinct text), or from both."""
    i_number, i_date, i_both = resolver._decision_cells
    date_column = table.first.get("decision_date")
    if i_both is not None and i_number is None and i_date is None:
        combined = texts(rows, i_both)
        split = {text: _combined(resolver, table, text) for text in set(combined)}
        return [split[text] for text in combined]
    if i_both is not None:
        return [_full(resolver, table, row) for row in rows]
    numbers = texts(rows, i_number)
    dates = [""] * len(rows) if i_date is None else list(map(itemgetter(i_date), rows))
    out = list(zip(numbers, dates, repeat(date_column), strict=False))
    blank = {d for d in set(dates) if d is None or (d.__class__ is str and not text_of(d))}
    if blank and any(numbers):
        for j, (number, date, _) in enumerate(out):
            if number and date in blank:
                out[j] = _full(resolver, table, rows[j])  # the number cell may hold the date
    return out


def _combined(resolver: BlockResolver, table: SheetTable, text: str) -> Decision:
    """A lone combined decision cell's number and date (the rule of `BlockResolver._decision`
    for this case; a change to one belongs in the other)."""
    if not text:
        return "", "", table.first.get("decision_date")
    number, date = resolver._split(text)
    if date:
        return number or text, date, table.first.get("decision")
    return number or text, "", table.first.get("decision_date")


def _full(resolver: BlockResolver, table: SheetTable, row: Row) -> Decision:
    number, date, _, date_column = resolver._decision(table, row)
    return number, date, date_column
