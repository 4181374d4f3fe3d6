"""A sheet's raw grid → an award table: grid preparation, the header (one to three tiers), the
column roles (see roles.py), the heading facts (heading.py) and where the data rows start."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import column_numbers, is_column_numbers, row_texts, text_of
from thidua_cli.heading import Heading, read_heading
from thidua_cli.labels import header_match, layout_rules, may_head
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell, Merged, SheetGrid, iter_text
from thidua_cli.roles import TableRoles, assign_roles
from thidua_cli.summaries import Summary, find_summary, read_summary, summary_year
from thidua_cli.text import decode_legacy, detect_legacy, key

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class Column:
    index: int
    field: str
    header: str


@dataclass(frozen=True)
class SheetTable:
    """An award table found in a sheet, ready for row-by-row normalising."""

    sheet: str
    grid: list[list[Cell]]
    columns: dict[str, list[Column]]
    header_last_row: int  # 0-based index of the last header row
    first_data_row: int  # 0-based
    heading: Heading
    encoding: str | None = None
    header_first_row: int = 0
    roles: TableRoles | None = None
    merged: tuple[Merged, ...] = ()
    first: dict[str, Column] = field(init=False, repr=False, compare=False)  # each role's first column
    index: dict[str, int] = field(init=False, repr=False, compare=False)  # … and its index

    def __post_init__(self) -> None:
        first = {name: cols[0] for name, cols in self.columns.items() if cols}
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "index", {name: col.index for name, col in first.items()})

    def column(self, name: str) -> Column | None:
        return self.first.get(name)

    def merged_from_above(self, r: int, c: int) -> bool:
        """Is cell (r, c) part of a merged block that starts in a row above it?"""
        return any(r0 < r <= r1 and c0 <= c <= c1 for (r0, c0), (r1, c1) in self.merged)


@dataclass(frozen=True)
class NoTable:
    """Why a sheet holds no award table (a plan, a report, a summary, an empty sheet)."""

    sheet: str
    reason: str  # "empty" | "no-header" | "no-award" | "summary" | "conflict"
    encoding: str | None = None
    detail: str | None = None
    roles: TableRoles | None = None
    header_rows: tuple[int, int] | None = None  # 0-based first and last header row, when found
    summary: Summary | None = None  # what a summary count table says

    def problem(self, file: str) -> Problem:
        """The finding that reports this sheet: a conflict is an error (rows are not read)."""
        if self.reason == "conflict":
            return Problem("ambiguous-columns", file, self.sheet, value=self.detail)
        detail = "empty-sheet" if self.reason == "empty" else self.reason
        return Problem("skipped-sheet", file, self.sheet, detail=detail)


def prepare_grid(sheet: SheetGrid) -> tuple[list[list[Cell]], str | None]:
    """Decode legacy text and spread merged cells over their whole block.

    Unicode strings are cleaned lazily by `text_of` (most cells are never looked at); a legacy
    sheet is decoded here, once per distinct string.
    """
    encoding = detect_legacy(iter_text(sheet.rows))
    rows = sheet.rows
    width = max(map(len, rows), default=0)
    height = len(rows)
    for (_, _), (r1, c1) in sheet.merged:
        width, height = max(width, c1 + 1), max(height, r1 + 1)
    grid: list[list[Cell]]
    if not encoding and height == len(rows) and min(map(len, rows), default=width) == width:
        grid = list(rows)  # the usual sheet: rectangular, Unicode — nothing to copy
    else:
        grid = []
        for i in range(height):
            row = rows[i] if i < len(rows) else []
            if encoding:
                row = [decode_legacy(v, encoding) if isinstance(v, str) and not v.isascii() else v for v in row]
            if len(row) < width:
                row = [*row, *([""] * (width - len(row)))]
            grid.append(row)
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 >= len(grid) or c0 >= width:
            continue
        value = grid[r0][c0]
        if c0 == c1:  # the usual block: one column down many rows ("Danh hiệu" of a section)
            for r in range(r0, r1 + 1):
                grid[r][c0] = value
        else:
            span = [value] * (c1 - c0 + 1)
            for r in range(r0, r1 + 1):
                grid[r][c0 : c1 + 1] = span
    return grid, encoding


def find_header(grid: list[list[Cell]]) -> tuple[int, int, list[tuple[str, ...]]] | None:
    """(first, last, each column's header texts top first) of the best header among the first
    rows, or None."""
    best: tuple[int, int, int] | None = None
    limit = min(HEADER_SEARCH_ROWS, len(grid))
    texts = [tuple([text_of(v) for v in grid[r]]) for r in range(min(2, len(grid)))]  # then one more per row
    for r in range(limit):
        if r + 2 < len(grid):
            texts.append(tuple([text_of(v) for v in grid[r + 2]]))
        top, below = texts[r], texts[r + 1] if r + 1 < len(texts) else ()
        found = _header_at(top, below)
        if found is not None and found[1] == 1 and r + 2 < len(texts):
            found = _third_tier(top, below, texts[r + 2], found)
        if found is None:
            continue
        score, span = found
        if score >= 2 and (best is None or score > best[0]):
            best = (score, r, r + span)
        elif best is not None and r > best[2] + 3:
            break  # data rows below a header never make a better one
    if best is None:
        return None
    return best[1], best[2], _tiers(texts[best[1] : best[2] + 1])


@lru_cache(maxsize=4096)
def _header_at(top: tuple[str, ...], below: tuple[str, ...]) -> tuple[int, int] | None:
    """(score, 0 or 1 more header row) of a header starting at the row `top`, with the row
    `below` as its possible second tier; None for a row of fewer than two cells. Kept per pair
    of rows: one layout's header recurs in every file made from it."""
    if sum(1 for t in top if t) < 2:
        return None
    if sum(1 for t, b in zip(top, below or top, strict=False) if may_head(t) or may_head(b)) < 2:
        return 0, 0  # fewer than two cells start like a header label: a title or a data row
    best = (_score(_tiers([top])), 0)
    if below and not column_numbers(below):
        score = _score(_tiers([top, below]))
        if score > best[0] or (score == best[0] and score and _sub_header(top, below)):
            best = (score, 1)
    return best


def _sub_header(top: tuple[str, ...], below: tuple[str, ...]) -> bool:
    """Is `below` a second header tier even if it names no more roles ("LĐTT" | "CSTĐCS" under
    "Danh hiệu thi đua")? Under the STT and name labels it is empty or the same (merged), and
    elsewhere it has labels of its own: a record row has a number and a name there."""
    keys = [c for c, t in enumerate(top) if header_match(t)[0] in ("stt", "name")]
    if not keys or any(c < len(below) and below[c] not in ("", top[c]) for c in keys):
        return False
    return any(b and b != t for t, b in zip(top, below, strict=False))


@lru_cache(maxsize=1024)
def _third_tier(
    top: tuple[str, ...], middle: tuple[str, ...], third: tuple[str, ...], two: tuple[int, int]
) -> tuple[int, int]:
    """A two-tier header, or three tiers when the row under it names more roles."""
    if column_numbers(third):
        return two
    score = _score(_tiers([top, middle, third]))
    return (score, 2) if score > two[0] else two


def _tiers(rows: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each column's distinct header texts, top first (a merged block repeats its text)."""
    if len(rows) == 1:
        return [(t,) if t else () for t in rows[0]]
    width = max(map(len, rows), default=0)
    grid = [[row[c] if c < len(row) else "" for c in range(width)] for row in rows]
    for upper, lower in itertools.pairwise(grid):  # a group label typed once, not merged,
        for c in range(1, width):  # stands over the labelled cells to its right
            if not upper[c] and upper[c - 1] and lower[c] and lower[c - 1] and lower[c - 1] != upper[c - 1]:
                upper[c] = upper[c - 1]
    out: list[tuple[str, ...]] = []
    for c in range(width):
        tiers: list[str] = []
        for row in grid:
            text = row[c]
            if text and text not in tiers:
                tiers.append(text)
        out.append(tuple(tiers))
    return out


def _score(tiers: list[tuple[str, ...]]) -> int:
    """How many roles the header labels name (each label by itself, no cells): 0 without a name."""
    roles: set[str] = set()
    for column in tiers:
        for label in (" ".join(column), *reversed(column)) if len(column) > 1 else column:
            role = header_match(label)[0]
            if role:
                roles.add(role)
                break
    roles.discard("ignored")
    return len(roles) if "name" in roles else 0


def find_table(
    sheet: SheetGrid, catalogue: Catalogue, names: tuple[str, ...], explain: bool = False
) -> SheetTable | NoTable:
    """The award table of a sheet. `names` (sheet, file, folder) give the year as a last resort.
    `explain`: weigh the cells of every column, also those whose label settles their role."""
    grid, encoding = prepare_grid(sheet)
    if not any(text_of(v) for row in grid for v in row):
        return NoTable(sheet.name, "empty", encoding)
    header = find_header(grid)
    if header is None:
        return _summary_or_nothing(sheet.name, grid, catalogue, names, encoding)
    first, last, tiers = header
    data_start = _data_start(grid, first, last)
    roles = assign_roles(grid, tiers, data_start, catalogue, explain)
    rows = (first, last)
    counts = roles.of("count") + [c for c in roles.of("tick") if _holds_counts(grid, c.index, data_start)]
    if counts and not roles.of("award"):  # a summary: nothing in it is counted anyway
        year = summary_year(grid[:first], catalogue, names)
        numbers = sorted(roles.of("count") + roles.of("tick"), key=lambda c: c.index)  # its 1s count too
        summary = read_summary(sheet.name, grid, [(c.index, c.tiers) for c in numbers], data_start, year, catalogue, rows)
        return NoTable(sheet.name, "summary", encoding, None, roles, rows, summary)
    if roles.conflict:
        return NoTable(sheet.name, "conflict", encoding, roles.conflict, roles, rows)
    columns: dict[str, list[Column]] = {}
    for column in roles.columns:
        if column.role != "ignored":
            label = column.label if column.role == "tick" or not column.vote.label else column.vote.label
            columns.setdefault(column.role, []).append(Column(column.index, column.role, label))
    if "name" not in columns:
        return NoTable(sheet.name, "no-header", encoding, None, roles, rows)
    heading = read_heading(grid[:first], catalogue, names)
    if "award" not in columns and "tick" not in columns and heading.award_text is None:
        return NoTable(sheet.name, "no-award", encoding, None, roles, rows)
    heading = _kind_from_name_header(heading, columns["name"][0].header)
    proposed = next((c.header for f in ("award", "tick") for c in columns.get(f, ()) if _proposes(c.header)), None)
    if proposed and heading.proposal is None:  # "Hình thức khen thưởng đề nghị": the column proposes
        heading = replace(heading, proposal=proposed)
    merged = tuple(m for m in sheet.merged if m[0][0] >= data_start)
    return SheetTable(sheet.name, grid, columns, last, data_start, heading, encoding, first, roles, merged)


def _summary_or_nothing(
    sheet: str, grid: list[list[Cell]], catalogue: Catalogue, names: tuple[str, ...], encoding: str | None
) -> NoTable:
    """A sheet without a name-list header: a summary count table when the evidence shows one
    (summaries.find_summary: award rows × kind/level/year columns, unit rows × award columns),
    else no table. Neither is ever counted."""
    summary = find_summary(sheet, grid, catalogue, names)
    if summary is None:
        return NoTable(sheet, "no-header", encoding)
    return NoTable(sheet, "summary", encoding, None, None, summary.header_rows, summary)


def _holds_counts(grid: list[list[Cell]], c: int, start: int) -> bool:
    """Does a column of ticks hold a number of 2 or more anywhere (its total row too)? Then it
    counts: the table is a summary, not a tick matrix of 1s."""
    for row in grid[start:]:
        value = row[c] if c < len(row) else None
        if value.__class__ in (int, float) and value >= 2:
            return True
        if value.__class__ is str and value.strip().isdigit() and int(value) >= 2:
            return True
    return False


def _data_start(grid: list[list[Cell]], first: int, last: int) -> int:
    """The first row under the header that is neither column numbers nor header text again."""
    header_texts = {text_of(v) for row in grid[first : last + 1] for v in row} - {""}
    data_start = last + 1
    while data_start < len(grid) and (
        is_column_numbers(grid[data_start]) or set(row_texts(grid[data_start])) <= header_texts
    ):
        data_start += 1
    return data_start


def _proposes(label: str) -> bool:
    """Does a header label say its column holds proposals ("Danh hiệu đề nghị")?"""
    rules = layout_rules()
    k = key(label)
    return any(p.search(k) for p in rules.proposal) and not any(n in k for n in rules.not_proposal)


def _kind_from_name_header(heading: Heading, label: str) -> Heading:
    """ "Họ và tên" lists people, "Tên tập thể" collectives: the kind when nothing else says it."""
    name_key = key(label)
    person = name_key.startswith("họ") or "cá nhân" in name_key
    collective = "tập thể" in name_key or "đơn vị" in name_key
    if heading.kind is None and person != collective:
        return replace(heading, kind="Cá nhân" if person else "Tập thể")
    return heading
