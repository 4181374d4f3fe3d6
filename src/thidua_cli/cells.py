"""Cell-text helpers shared by the reading stages: a cell as clean text, a row's texts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from thidua_cli.reading import Cell
from thidua_cli.text import clean

COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?$")
_CLEANED: dict[str, str] = {}
_NUMBERS: dict[float, str] = {}


def text_of(value: Cell) -> str:
    """A cell as clean display text (NFC, single spaces); memoised per distinct string or number."""
    if value.__class__ is str:
        got = _CLEANED.get(value)
        return got if got is not None else _remember(_CLEANED, value, 1_000_000)
    if value.__class__ is float:  # years, sequence numbers: few distinct values
        got = _NUMBERS.get(value)
        return got if got is not None else _remember(_NUMBERS, value, 100_000)
    if value is None:
        return ""
    return clean(value)


def texts_of(values: Sequence[Cell]) -> list[str]:
    """`text_of` of each value, worked out once per distinct value: the texts already known are
    looked up without a call per cell. (A bool is equal to 1 or 0 as a key but reads "True":
    a column holding one is read cell by cell.)"""
    try:
        missing = set(values).difference(_CLEANED)
    except TypeError:  # an unhashable cell: calamine never gives one
        return list(map(text_of, values))
    if not missing:
        return list(map(_CLEANED.__getitem__, values))
    if 2 * len(missing) > len(values) or any(value.__class__ is bool for value in missing):
        return list(map(text_of, values))  # mostly new texts (names): one by one
    found = {value: text_of(value) for value in missing}
    return list(map(found.get, values, map(_CLEANED.get, values)))  # type: ignore[arg-type]


def _remember(memo: dict[Any, str], value: Cell, limit: int) -> str:
    text = clean(value)
    if len(memo) < limit:
        memo[value] = text
    return text


def row_texts(row: Sequence[Cell]) -> list[str]:
    """The distinct non-empty texts of a row, left to right."""
    out: list[str] = []
    for value in row:
        text = text_of(value)
        if text and text not in out:
            out.append(text)
    return out


def is_column_numbers(row: Sequence[Cell]) -> bool:
    return column_numbers([text_of(v) for v in row])


def column_numbers(values: Sequence[str]) -> bool:
    """ "1 2 3 …" or "(1) (2) …" or "A B C …": the row that numbers the columns under a header."""
    filled = [v for v in values if v]
    return len(filled) >= 2 and all(COLUMN_NUMBER.match(v) for v in filled)


# "như trên" (as above): "nt", "-nt-", "n.t", '"', "-//-", "như trên", "-do-" (dito), "〃"
_DITTO = re.compile(r'^\s*(?:[-–(]?\s*(?:n\.?\s*t\.?|như\s+trên|d\.?o\.?|//)\s*[-–)]?|["“”″〃]+)\s*$', re.IGNORECASE)


def is_ditto(value: Cell) -> bool:
    return value.__class__ is str and len(value) <= 9 and _DITTO.match(value) is not None


def ditto_filled(grid: list[list[Cell]], columns: Sequence[int], start: int, end: int) -> list[list[Cell]]:
    """The grid with each ditto mark in `columns` (rows `start` to `end`) replaced by the value of
    the cell right above it (itself perhaps a ditto, already replaced): a clerk's "nt" under
    "Bằng khen", "45/QĐ-TTg", "Tỉnh", 2019. A mark under an empty cell, or with nothing above,
    stays (and is reported as what it cannot be): "nt" under a blank is no copy of the row before
    it. The grid itself when no column holds one; else a new list, with new lists for the rows
    changed."""
    marked = [c for c in columns if any(is_ditto(v) for v in {row[c] for row in grid[start:end]})]
    if not marked:
        return grid
    out = list(grid)
    for c in marked:
        above: Cell = None
        for r in range(start, end):
            value = out[r][c]
            if is_ditto(value):
                if above is not None:
                    if out[r] is grid[r]:
                        out[r] = list(grid[r])
                    out[r][c] = above
            else:
                above = None if value == "" else value
    return out

