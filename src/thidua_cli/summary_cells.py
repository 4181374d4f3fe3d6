"""What the cells and header labels of a summary count table say (read by summaries.py): the
[summary] rules of data/roles.toml, count cells, and the kind, levels or year a column's labels
give its numbers ("Cá nhân", "Cấp tỉnh", "2019", "Số lượng" over "Tập thể")."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import text_of
from thidua_cli.data import read_text as read_data
from thidua_cli.labels import ends_table, is_totals
from thidua_cli.reading import Cell
from thidua_cli.records import MIN_YEAR
from thidua_cli.text import key
from thidua_cli.values import parse_year


@dataclass(frozen=True)
class SummaryRules:
    award_share: float
    scan_rows: int
    header_tiers: int
    numbers_share: float
    labels: dict[str, str]  # label key → "count" | "total" | "ignored"
    kinds: dict[str, str]
    levels: dict[str, tuple[str, ...]]


@cache
def summary_rules() -> SummaryRules:
    data = tomllib.loads(read_data("roles.toml"))["summary"]
    return SummaryRules(
        award_share=data["award_share"],
        scan_rows=data["scan_rows"],
        header_tiers=data["header_tiers"],
        numbers_share=data["numbers_share"],
        labels={key(label): role for role, labels in data["labels"].items() for label in labels},
        kinds={key(label): kind for label, kind in data["kinds"].items()},
        levels={key(label): tuple(levels) for label, levels in data["levels"].items()},
    )


@dataclass(frozen=True)
class Dims:
    """What the numbers of a count column count, by its header labels."""

    kind: str | None = None
    level: tuple[str, ...] = ()
    year: int | None = None
    total: bool = False  # "Tổng số": the row's total of the other columns

    @property
    def grained(self) -> bool:
        return bool(self.kind or self.level or self.year)


def label_says(label: str, catalogue: Catalogue) -> tuple[str, object] | None:
    """("kind", "Cá nhân"), ("level", ("Bộ", "Tỉnh")), ("year", 2019), ("count"|"total"|"ignored",
    None) for a header label of a summary; None for a label that says nothing (a group header)."""
    k = key(label)
    rules = summary_rules()
    if k in rules.labels:
        return rules.labels[k], None
    kind = rules.kinds.get(k) or catalogue.match_kind(label)
    if kind:
        return "kind", kind
    if k in rules.levels:
        return "level", rules.levels[k]
    if len(k.split(" ")) <= 4 and any(ch.isdigit() for ch in k):
        year = parse_year(label)
        if year is not None:
            return "year", year
    return None


def dims_of(tiers: Sequence[str], catalogue: Catalogue) -> Dims | None:
    """The column's dimensions from every tier; None when no tier says it counts (or one says the
    column counts nothing, or two tiers say different kinds, levels or years)."""
    said: dict[str, object] = {}
    total = counts = False
    for label in tiers:
        found = label_says(label, catalogue)
        if found is None:
            continue
        what, value = found
        if what == "ignored":
            return None
        if what in ("count", "total"):
            counts, total = True, total or what == "total"
        elif said.setdefault(what, value) != value:
            return None
    if not said and not counts:
        return None
    kind, level, year = said.get("kind"), said.get("level", ()), said.get("year")
    return Dims(
        kind if isinstance(kind, str) else None,
        level if isinstance(level, tuple) else (),
        year if isinstance(year, int) else None,
        total and not said,
    )


def count_of(value: Cell) -> int | None:
    """A count cell: a whole number below the first year (a year is no count)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and 0 <= value < MIN_YEAR:
        return int(value)
    text = text_of(value) if isinstance(value, str) else ""
    return int(text) if text.isdigit() and int(text) < MIN_YEAR else None


def ends_row(row: Sequence[Cell]) -> bool:
    """A totals row, or a signature or place-and-date row without numbers (a row of numbers that
    starts "- Chủ tịch UBND tỉnh" is an issuer's row of the table, not its signature)."""
    first = next((t for v in row if (t := text_of(v))), "")
    if not first or first[:1].isdigit() or not ends_table(first):
        return False
    return is_totals(first) or not any(count_of(v) is not None for v in row)


def tiers_of(grid: Sequence[Sequence[Cell]], rows: Sequence[int], c: int) -> tuple[str, ...]:
    """Column c's distinct header texts over `rows`, top first (a merged block repeats its text)."""
    out: list[str] = []
    for r in rows:
        text = text_of(grid[r][c]) if c < len(grid[r]) else ""
        if text and text not in out:
            out.append(text)
    return tuple(out)



def agree_kind(text_kind: str | None, column_kind: str | None) -> tuple[bool, str | None]:
    """(agree, kind) of a cell: the award text's kind ("Giấy khen tập thể") or the column's."""
    if text_kind and column_kind and text_kind != column_kind:
        return False, None
    return True, text_kind or column_kind


def cell_levels(text_level: str | None, column_levels: tuple[str, ...]) -> tuple[str, ...] | None:
    """The levels of a cell: the award text's ("Bằng khen UBND tỉnh"), within the column's; None
    when they differ."""
    if text_level is None:
        return column_levels
    if column_levels and text_level not in column_levels:
        return None
    return (text_level,)


def cell_at(row: Sequence[Cell], c: int) -> Cell:
    return row[c] if c < len(row) else None
