"""A sheet's raw grid → its award tables: grid preparation, the header (one to three tiers), the
column roles (see roles.py), the heading facts (heading.py), where the data rows start and where
a table ends (a header with other labels below it starts another table)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import column_numbers, ditto_filled, is_column_numbers, row_texts, text_of
from thidua_cli.heading import Heading, date_years, find_award_phrase, heading_years, read_heading
from thidua_cli.labels import ends_table, header_match, is_totals, layout_rules, may_head, year_label
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell, Merged, SheetGrid, iter_text
from thidua_cli.roles import ColumnRole, TableRoles, assign_roles, role_rules, split_name
from thidua_cli.rows import is_number, label_of, section_of
from thidua_cli.summaries import Summary, find_summary, read_summary, summary_year
from thidua_cli.text import decode_legacy, decode_pasted, key, sheet_legacy
from thidua_cli.values import parse_year

HEADER_SEARCH_ROWS = 30
NEXT_HEADER_ROWS = 3  # a header found inside a table's rows is looked for from its first label row
# the columns whose ditto marks ("nt", "như trên", '"') repeat the value above (cells.ditto_filled)
_DITTO_FIELDS = ("award", "level", "kind", "year", "decision_number", "decision_date", "decision", "unit", "position")
TITLE_ROWS = 4  # rows of one or two texts over a table's header that title it ("DANH SÁCH TẬP THỂ …")


@dataclass(frozen=True)
class Column:
    index: int
    field: str
    header: str


@dataclass(frozen=True)
class SheetTable:
    """An award table found in a sheet, ready for row-by-row normalising."""

    sheet: str
    grid: list[list[Cell]]  # the whole sheet's (shared by its tables)
    columns: dict[str, list[Column]]
    header_last_row: int  # 0-based index of the last header row
    first_data_row: int  # 0-based
    end_row: int  # 0-based, exclusive: the sheet's end, or the title of the next table
    heading: Heading
    encoding: str | None = None
    header_first_row: int = 0
    roles: TableRoles | None = None
    merged: tuple[Merged, ...] = ()
    struck: frozenset[tuple[int, int]] = frozenset()  # 0-based (row, column) of cells struck through
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
    """Why a sheet (or one region of it) holds no award table (a plan, a report, a summary, an
    empty sheet; a second table whose header cannot be read)."""

    sheet: str
    reason: str  # "empty" | "no-header" | "document" | "headless" | "no-award" | "summary" | "conflict"
    encoding: str | None = None
    detail: str | None = None
    roles: TableRoles | None = None
    header_rows: tuple[int, int] | None = None  # 0-based first and last header row, when found
    summary: Summary | None = None  # what a summary count table says
    region: tuple[int, int] | None = None  # 0-based first header row, end (exclusive): one of several tables

    def problem(self, file: str) -> Problem:
        """The finding that reports this sheet or region: a conflict is an error (rows of an award
        list are not read); a region that is no award list is a warning, with its rows; numbered
        names under no award at all are an error (list-without-award)."""
        if self.reason == "no-award" and self.detail:
            first = self.header_rows[1] + 2 if self.header_rows else None  # the first row under the header
            return Problem("list-without-award", file, self.sheet, first, detail=self.detail)
        if self.reason == "headless":
            first = self.header_rows[1] + 2 if self.header_rows else None  # the first record-like row
            return Problem("headless-list", file, self.sheet, first, detail=self.detail)
        if self.region is not None:
            rows = f"{self.region[0] + 1}–{self.region[1]}"
            if self.reason == "summary":
                return Problem("skipped-sheet", file, self.sheet, self.region[0] + 1, value=rows, detail="summary")
            code, detail = (
                ("ambiguous-table", self.detail) if self.reason == "conflict" else ("skipped-table", self.reason)
            )
            return Problem(code, file, self.sheet, self.region[0] + 1, value=rows, detail=detail)
        if self.reason == "conflict":
            return Problem("ambiguous-columns", file, self.sheet, value=self.detail)
        detail = "empty-sheet" if self.reason == "empty" else self.reason
        return Problem("skipped-sheet", file, self.sheet, detail=detail)


Found = SheetTable | NoTable


def _without(rows: list[list[Cell]], runs: tuple[tuple[int, int], ...]) -> list[list[Cell]]:
    """The rows with the cells of hidden column runs emptied (new lists: the sheet's stay as read)."""
    out = []
    for row in rows:
        row = list(row)
        for first, last in runs:
            if first < len(row):
                row[first : last + 1] = [""] * (min(last + 1, len(row)) - first)
        out.append(row)
    return out


def prepare_grid(sheet: SheetGrid) -> tuple[list[list[Cell]], str | None]:
    """Decode legacy text and spread merged cells over their whole block; columns and rows hidden
    in Excel are read as the sheet shows them, empty (reading.py said so: hidden-columns, -rows).

    Unicode strings are cleaned lazily by `text_of` (most cells are never looked at); a legacy
    sheet is decoded here, once per distinct string.
    """
    if sheet.hidden_columns:  # what the clerk hid is read as the sheet shows it: empty
        sheet = replace(sheet, rows=_without(sheet.rows, sheet.hidden_columns))
    encoding, pasted = sheet_legacy(iter_text(sheet.rows))
    rows = sheet.rows
    if pasted:  # a Unicode sheet with some legacy cells (a TCVN3 heading, pasted rows): those are decoded
        rows = [[decode_pasted(v, pasted) if isinstance(v, str) and not v.isascii() else v for v in r] for r in rows]
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
    for r in sheet.hidden_rows:  # after the merges: a block's award shows on its visible rows
        if r < len(grid):
            grid[r] = [""] * len(grid[r])
    return grid, encoding or pasted


def find_header(
    grid: list[list[Cell]], start: int = 0, rows: int = HEADER_SEARCH_ROWS
) -> tuple[int, int, list[tuple[str, ...]]] | None:
    """(first, last, each column's header texts top first) of the best header starting in the
    `rows` rows from `start`, or None. A header above it with numbered rows under it is a table
    of its own, and comes first (the better one below is the next table's)."""
    best: tuple[int, int, int] | None = None
    earlier: tuple[int, int, int] | None = None  # the header the best one replaced
    limit = min(start + rows, len(grid))
    texts = [tuple([text_of(v) for v in grid[r]]) for r in range(start, min(start + 2, len(grid)))]  # then 1 per row
    for i, r in enumerate(range(start, limit)):
        if r + 2 < len(grid):
            texts.append(tuple([text_of(v) for v in grid[r + 2]]))
        top, below = texts[i], texts[i + 1] if i + 1 < len(texts) else ()
        found = _header_at(top, below)
        if found is not None and found[1] == 1 and i + 2 < len(texts):
            found = _third_tier(top, below, texts[i + 2], found)
        if found is None:
            continue
        score, span = found
        if score >= 2 and (best is None or score > best[0]):
            earlier = earlier or best
            best = (score, r, r + span)
        elif best is not None and r > best[2] + 3:
            break  # data rows below a header never make a better one
    if best is None:
        return None
    if earlier is not None and _numbered_rows(
        texts[earlier[1] - start : earlier[2] - start + 1], texts[earlier[2] - start + 1 : best[1] - start]
    ):
        best = earlier
    return best[1], best[2], _tiers(texts[best[1] - start : best[2] - start + 1])


def _numbered_rows(header: Sequence[tuple[str, ...]], rows: Sequence[tuple[str, ...]]) -> bool:
    """Do `rows` hold records of the table under `header`: a number in its STT column, or
    (without one) a row of three texts or more?"""
    tiers = _tiers(header)
    stt = next((c for c, t in enumerate(tiers) if t and header_match(t[-1])[0] == "stt"), None)
    if stt is None:
        return any(len({t for t in row if t}) >= 3 for row in rows)
    return any(stt < len(row) and is_number(row[stt]) for row in rows)


@lru_cache(maxsize=4096)
def _header_at(top: tuple[str, ...], below: tuple[str, ...]) -> tuple[int, int] | None:
    """(score, 0 or 1 more header row) of a header starting at the row `top`, with the row
    `below` as its possible second tier; None for a row of fewer than two different texts (a
    title or section label merged across is no header tier). Kept per pair of rows: one layout's
    header recurs in every file made from it."""
    if len({t for t in top if t}) < 2:
        return None
    if sum(1 for t, b in zip(top, below or top, strict=False) if may_head(t) or may_head(b)) < 2:
        return 0, 0  # fewer than two cells start like a header label: a title or a data row
    best = (_score(_tiers([top])), 0)
    if below and not column_numbers(below) and not _a_record(top, below):
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


def _a_record(top: tuple[str, ...], below: tuple[str, ...]) -> bool:
    """Is `below` a record under the header row `top` (a number under its STT label, a text that
    starts no header label under its name label), however many labels its other cells match
    ("1 | Nguyễn Văn An | Đạt": "Đạt" is also a result column's label)?"""
    labelled = {header_match(t)[0]: c for c, t in enumerate(top) if t}
    stt, name = labelled.get("stt"), labelled.get("name")
    if stt is None or name is None or max(stt, name) >= len(below):
        return False
    return is_number(below[stt]) and bool(below[stt]) and bool(below[name]) and not may_head(below[name])


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


class _Span(NamedTuple):
    """Where one table of a sheet lies (0-based rows): its header, first data row, end
    (exclusive) and the title rows over its header."""

    header: tuple[int, int, list[tuple[str, ...]]]
    data_start: int
    end: int
    titles: tuple[int, int]
    columns: tuple[int, int] | None = None  # one of lists side by side: its columns [a, b)

    def grid_rows(self, grid: list[list[Cell]], start: int, most: int = 20) -> list[list[Cell]]:
        """Up to `most` rows of the span from `start`."""
        return grid[start : min(self.end, start + most)]


def find_table(
    sheet: SheetGrid, catalogue: Catalogue, names: tuple[str, ...], explain: bool = False
) -> tuple[Found, ...]:
    """The award tables of a sheet, top to bottom (most sheets hold one). A header whose labels
    differ from the header above it starts a new table (a page-break repeat of the same header
    does not); the table above ends over it and over its title rows. `names` (sheet, file,
    folder) give the year as a last resort. `explain`: weigh the cells of every column, also
    those whose label settles their role."""
    grid, encoding = prepare_grid(sheet)
    if not any(text_of(v) for row in grid for v in row):
        return (NoTable(sheet.name, "empty", encoding),)
    header = find_header(grid)
    if header is None:
        return (_document(_summary_or_nothing(sheet.name, grid, catalogue, names, encoding), grid),)
    spans = _spans(grid, header, catalogue)
    parts = [(i, part) for i, span in enumerate(spans) for part in _side_by_side(grid, span)]
    if len(parts) == 1:
        return (_document(_table(sheet, grid, encoding, spans[0], catalogue, names, explain, None), grid),)
    sheet_heading = read_heading(grid[: header[0]], catalogue, names)
    tables = tuple(
        _table(sheet, _columns_of(grid, p), encoding, p, catalogue, names, explain, sheet_heading if i else None, True)
        for i, p in parts
    )
    nothing = [t for t in tables if isinstance(t, NoTable)]
    if len(nothing) < len(tables):
        return tables
    # no list in it (a plan, a report): the sheet is skipped as one, a conflict said first
    first = next((t for t in nothing if t.reason == "conflict"), nothing[0])
    return (_document(replace(first, region=None), grid),)


_TITLE_ROWS = 10  # where a document's title is: under the title block, a number line ("Số: 12/KH-UBND")


def _document(found: Found, grid: list[list[Cell]]) -> Found:
    """A sheet without a list's header whose title says it is a plan or a report ("KẾ HOẠCH TỔ
    CHỨC PHONG TRÀO THI ĐUA …", "BÁO CÁO …": `documents` in layout.toml; not "BÁO CÁO DANH SÁCH …"): what it is (reason
    "document"), not merely a sheet without a header (a letter, a blank form, other text)."""
    if not isinstance(found, NoTable) or found.reason != "no-header" or found.region is not None:
        return found
    documents = layout_rules().documents
    titles = [k for row in grid[:_TITLE_ROWS] for text in row_texts(row) if (k := key(text)).startswith(documents)]
    listed = any("danh sách" in k for k in titles)  # "BÁO CÁO DANH SÁCH … ĐẠT DANH HIỆU …" is a list
    return replace(found, reason="document") if titles and not listed else found


def _side_by_side(grid: list[list[Cell]], span: _Span) -> list[_Span]:
    """The span as one list, or one span per list when several stand side by side under its
    header, each with only its own columns' labels: "STT | Họ và tên | Danh hiệu || STT | Tên tập
    thể | Danh hiệu" (every group opens with an STT label whose cells hold numbers, and names
    someone), or the same labels again without STT ("Họ và tên | Danh hiệu | Họ và tên | Danh
    hiệu"). "CN | TT" tick columns under "Đối tượng" are no STT: they hold no numbers."""
    first, last, tiers = span.header
    roles = [header_match(t[-1])[0] if t else None for t in tiers]
    below = span.grid_rows(grid, last + 1)
    starts = [c for c, role in enumerate(roles) if role == "stt" and _numbers_in(below, c)]
    bounds = [*starts, len(roles)]
    numbered = len(starts) > 1 and "name" not in roles[: starts[0]]
    if not (numbered and all("name" in roles[a:b] for a, b in itertools.pairwise(bounds))):
        named = [c for c, role in enumerate(roles) if role == "name"]
        half = named[1] if len(named) == 2 and not starts else 0
        same = half and [r for r in roles[:half] if r] == [r for r in roles[half:] if r]
        if not same:
            return [span]
        bounds = [0, half, len(roles)]
    bounds[0] = 0  # the first list keeps any column left of it
    return [
        span._replace(header=(first, last, [t if a <= c < b else () for c, t in enumerate(tiers)]), columns=(a, b))
        for a, b in itertools.pairwise(bounds)
    ]


def _award_sections(rows: Sequence[Sequence[Cell]], columns: dict[str, list[Column]], catalogue: Catalogue) -> bool:
    """Does a row of the table open a section that names an award ("I | Danh hiệu Lao động tiên
    tiến", "1 | Chiến sĩ thi đua cơ sở"): the awards of a list without an award column."""
    i_stt = columns["stt"][0].index if "stt" in columns else None
    for row in rows:
        texts = row_texts(row)
        if not 1 <= len(texts) <= 2:
            continue
        stt = row[i_stt] if i_stt is not None and i_stt < len(row) else None
        section = section_of(*label_of(texts, stt), catalogue)
        if section is not None and section.award_text:
            return True
    return False


def _about_awards(lines: Sequence[str]) -> bool:
    """Does the heading say the list is about awards ("DANH SÁCH KHEN THƯỞNG …", "… ĐẠT DANH HIỆU
    THI ĐUA …", "… CÔNG NHẬN …") — so that numbered names under it, with no award anywhere, are an
    award list whose award is missing, not a staff roster or the people of a plan?"""
    return any(word in key(line) for line in lines for word in ("khen", "danh hiệu", "công nhận"))


def _awards_written(rows: Sequence[Sequence[Cell]], roles: TableRoles, catalogue: Catalogue) -> bool:
    """Does a column of a table with no award column hold awards ("Ghi chú" › "LĐTT", "CSTĐCS" in
    most of its filled cells)? Then its numbered names are an award list whose award column is
    not one (list-without-award), not a staff roster skipped with a note."""
    for column in roles.columns:
        if column.role in ("name", "stt"):
            continue
        filled = [t for row in rows[:200] if column.index < len(row) and (t := text_of(row[column.index]))]
        named = sum(1 for t in filled if (m := catalogue.match_award(t)) is not None and not m.fuzzy)
        if filled and named * 2 >= len(filled):
            return True
    return False


def _named_rows(rows: Sequence[Sequence[Cell]], columns: dict[str, list[Column]]) -> int:
    """How many rows of a table hold a number in the STT column and a name: a list's records."""
    if "stt" not in columns:
        return 0
    i_stt, i_name = columns["stt"][0].index, columns["name"][0].index
    return sum(
        1
        for row in rows
        if i_name < len(row) and text_of(row[i_name]) and is_number(row[i_stt]) and text_of(row[i_stt])
    )


def _numbers_in(rows: Sequence[Sequence[Cell]], c: int) -> bool:
    """Do the filled cells of column `c` hold numbers (an STT column), at least one?"""
    filled = [row[c] for row in rows if c < len(row) and text_of(row[c])]
    return bool(filled) and sum(map(is_number, filled)) * 5 >= len(filled) * 4


def _columns_of(grid: list[list[Cell]], span: _Span) -> list[list[Cell]]:
    """The grid as one side-by-side list sees it: in the span's rows from its header down,
    the cells of the other lists emptied (cells keep their Excel columns); the rest whole."""
    if span.columns is None:
        return grid
    a, b = span.columns
    first = span.header[0]
    mine = [[v if a <= c < b else None for c, v in enumerate(row)] for row in grid[first : span.end]]
    return grid[:first] + mine + grid[span.end :]


def _spans(grid: list[list[Cell]], header: tuple[int, int, list[tuple[str, ...]]], catalogue: Catalogue) -> list[_Span]:
    """Each table's place: the first header's, then one for every header below with other labels."""
    spans: list[_Span] = []
    titles = (0, header[0])
    below: tuple[int, int, list[tuple[str, ...]]] | None = header
    while below is not None:
        header = below
        data_start = _data_start(grid, header[0], header[1])
        below = _next_header(grid, data_start, header[2], catalogue)
        end = _title_start(grid, below[0], data_start, catalogue) if below else len(grid)
        spans.append(_Span(header, data_start, end, titles))
        titles = (end, below[0]) if below else titles
    return spans


def _table(
    sheet: SheetGrid,
    grid: list[list[Cell]],
    encoding: str | None,
    span: _Span,
    catalogue: Catalogue,
    names: tuple[str, ...],
    explain: bool,
    above: Heading | None,
    several: bool = False,
) -> Found:
    """One table of the sheet, or why it cannot be read. `above`: the sheet's heading, for a
    table below another (its own title rows say the rest); None for the first table."""
    first, last, tiers = span.header
    data_start, end = span.data_start, span.end
    region = grid if end == len(grid) else grid[:end]  # what the table's rows may be read from
    roles = _year_ticks(_awards_given(split_name(assign_roles(region, tiers, data_start, catalogue, explain))), region, data_start, catalogue)
    rows = (first, last)
    nothing = NoTable(sheet.name, "", encoding, None, roles, rows, None, (first, end) if several else None)
    named = bool(roles.of("name"))  # a list of names: its totals line counts its ticks, it is no summary
    counts = roles.of("count") + [c for c in roles.of("tick") if _holds_counts(region, c.index, data_start, named)]
    if counts and not roles.of("award"):  # a summary: nothing in it is counted anyway
        year = summary_year(grid[span.titles[0] : first], catalogue, names)
        if year is None and above is not None:
            year = above.year
        numbers = sorted(roles.of("count") + roles.of("tick"), key=lambda c: c.index)  # its 1s count too
        summary = read_summary(
            sheet.name, region, [(c.index, c.tiers) for c in numbers], data_start, year, catalogue, rows
        )
        return replace(nothing, reason="summary", summary=summary)
    if roles.conflict:
        return replace(nothing, reason="conflict", detail=roles.conflict)
    columns: dict[str, list[Column]] = {}
    for column in roles.columns:
        if column.role != "ignored":
            own = column.role in ("tick", "result")  # "Kết quả" › "Không đạt": the sub-label says what a tick means
            label = column.label if own or not column.vote.label else column.vote.label
            columns.setdefault(column.role, []).append(Column(column.index, column.role, label))
    _decision_years(columns)
    if "name" not in columns and _titled_collectives(grid, span, catalogue, names):
        _recipients_named(columns, roles)  # "II. TẬP THỂ …" over "STT | Đơn vị | Ghi chú": the units are the recipients
    if "name" not in columns:
        return replace(nothing, reason="no-header")
    counting = [
        c
        for c in roles.columns
        if c.role in ("count", "ignored") and _counts_label(c.label) and _holds_counts(region, c.index, data_start, True)
    ]
    if counting and "award" in columns:  # "Tên đơn vị | Hình thức | Số lượng": 5 Giấy khen in a school, or its one?
        return replace(nothing, reason="conflict", detail=f'"{counting[0].label}": counts / names')
    if above is None:
        heading = _kind_from_name_header(read_heading(grid[:first], catalogue, names), columns["name"][0].header)
    else:
        heading = _heading_below(grid[span.titles[0] : span.titles[1]], above, columns, catalogue)
    unread = _years_by_cells(columns, roles, region[data_start:], heading)
    if unread:
        return replace(nothing, reason="conflict", detail=unread)
    if heading.year is not None and any(year_of_label(c.header) is not None for c in columns.get("tick", ())):
        _drop_year_ticks(columns)  # a list of one year: the years ticked are what earned it, no awards
    unread = _awards_by_year(columns, roles, region, data_start, catalogue, heading) if heading.award_text is None else None
    if unread is None and "tick" not in columns:  # (an award × year matrix has its years read)
        unread = _other_years(columns, heading)
    if unread:
        return replace(nothing, reason="conflict", detail=unread)
    awarded = "award" in columns or "tick" in columns or heading.award_text is not None
    if not awarded and not _award_sections(region[data_start:], columns, catalogue):  # "I. Danh hiệu LĐTT"
        about = _about_awards(heading.lines) or _awards_written(region[data_start:], roles, catalogue)
        listed = _named_rows(region[data_start:], columns) if about else 0
        return replace(nothing, reason="no-award", detail=str(listed) if listed else None)
    proposed = next((c.header for f in ("award", "tick") for c in columns.get(f, ()) if _proposes(c.header)), None)
    if proposed and heading.proposal is None and not _decided(heading):  # "Hình thức khen thưởng đề nghị": the column proposes
        heading = replace(heading, proposal=proposed)
    merged = tuple(m for m in sheet.merged if data_start <= m[0][0] < end)
    struck = frozenset(cell for cell in sheet.struck if data_start <= cell[0] < end)
    dittos = [c.index for f in _DITTO_FIELDS for c in columns.get(f, ())]
    grid = ditto_filled(grid, dittos, data_start, end)  # "nt" under "Bằng khen", "45/QĐ-TTg", 2019
    return SheetTable(sheet.name, grid, columns, last, data_start, end, heading, encoding, first, roles, merged, struck)


def _awards_by_year(
    columns: dict[str, list[Column]],
    roles: TableRoles,
    region: list[list[Cell]],
    data_start: int,
    catalogue: Catalogue,
    heading: Heading,
) -> str | None:
    """A matrix of awards by year, a tick in each year earned: "Lao động tiên tiến" › 2019 | 2020,
    or 2019 › "LĐTT" | "CSTĐCS", in a table with no award column nor year column of its own, under
    a heading naming no award (`_table`). Each tick column becomes its award in its year ("Lao
    động tiên tiến 2019": blocks reads the year at the end of the award's name). Beside the list's
    own award or year column ("Bằng khen" with "Đạt danh hiệu CSTĐCS" › 2018 | 2019), or in a
    record of someone's past titles ("TRÍCH NGANG", "QUÁ TRÌNH KHEN THƯỞNG"), the ticked years are
    what qualified, and nothing changes. Returned, for the table to be reported: the labels of such
    columns holding other values than ticks (in a row that names someone), or of years other than
    the one year the heading or a name gives; of years under a label that counts them ("Số năm đạt
    LĐTT", "… liên tục": `_qualifying`), or under a heading naming another title ("… CHIẾN SĨ THI
    ĐUA" over "LĐTT" › 2018 | 2019): the years that qualified for what the list gives or proposes,
    or the awards it records? Nobody can say."""
    if any(word in key(line) for line in heading.lines for word in ("trích ngang", "quá trình")):
        return None
    found: list[tuple[Column, int | None]] = []
    labelled: list[tuple[Column, int | None]] = []  # "Lao động tiên tiến" › 2019: ticks, if its cells are
    groups_named: dict[str, list[str]] = {}  # the group label naming an award → its years' labels
    for column in roles.columns:
        groups = column.tiers[:-1]
        if column.role == "tick" and (tier := next((t for t in groups if year_of_label(t) is not None), None)):
            found.append((Column(column.index, "tick", f"{column.label} {tier}"), year_of_label(tier)))  # 2019 › "LĐTT"
            continue
        if column.role not in ("ignored", "award", "year") or year_of_label(column.label) is None:
            continue
        tier = next((t for t in reversed(groups) if find_award_phrase(key(t), catalogue)), None)
        if tier is not None:  # the award the group label names ("Số năm đạt LĐTT": "lđtt")
            p = find_award_phrase(key(tier), catalogue)
            phrase = tier if key(tier) == p else p
            labelled.append((Column(column.index, "tick", f"{phrase} {column.label}"), year_of_label(column.label)))
            groups_named.setdefault(tier, []).append(column.label)
    inside = {c.index for c, _ in found + labelled}
    if len(inside) < 2 or any(c.index not in inside for role in ("award", "year") for c in columns.get(role, ())):
        return None
    marks = role_rules().ticks
    numbers = [c.index for c in roles.columns if c.role == "stt"]  # a record's row is numbered ("Tỷ lệ" | 67% is not)
    listed = numbers or [c.index for c in roles.columns if c.role == "name"]
    rows = [
        row
        for row in region[data_start:]
        if not _totals_line(row) and any(i < len(row) and (is_number(row[i]) if numbers else text_of(row[i])) for i in listed)
    ]
    other: list[Column] = []
    for tick, year in labelled:
        filled = [t for row in rows if tick.index < len(row) and (t := text_of(row[tick.index]))]
        if all(t in marks for t in filled):
            found.append((tick, year))
        else:
            other.append(tick)
    years = {year for _, year in found}
    if not other and heading.proposal is None and (why := _qualifying_years(found, groups_named, heading, catalogue)):
        return why
    if other or (heading.year is not None and years != {heading.year}):
        labels = ", ".join(f'"{c.header}"' for c in sorted([c for c, _ in found] + other, key=lambda c: c.index))
        return labels + (": tick / year" if other else f": {heading.year} / {', '.join(map(str, sorted(y for y in years if y)))}")
    for role in ("award", "year"):
        columns.pop(role, None)
    columns["tick"] = [c for c, _ in found] + [c for c in columns.get("tick", ()) if c.index not in inside]
    return None


def _qualifying_years(
    found: list[tuple[Column, int | None]], groups: dict[str, list[str]], heading: Heading, catalogue: Catalogue
) -> str | None:
    """Why the ticks of a matrix of awards by year may be the years that qualified, not awards of
    the list (`_awards_by_year`), shown with the columns: a group label that counts them ("Số năm
    đạt LĐTT" › 2018 | 2019), a heading that names a title by its stem and none of the matrix's
    ("DANH SÁCH … CHIẾN SĨ THI ĐUA" over "Lao động tiên tiến" › 2018 | 2019); else None."""
    counting = [t for t in groups if _qualifying(t)]
    titles = catalogue.titles_named(" ".join(heading.lines))
    if titles:
        awards = {m.award.name for c, _ in found if (m := catalogue.match_award(c.header))}
        if awards & titles:
            titles = frozenset()
    if not counting and not titles:
        return None
    shown = ", ".join(f'"{t}" › {", ".join(groups[t])}' for t in counting or groups) or ", ".join(f'"{c.header}"' for c, _ in found)
    return f"{shown}: qualifying years / awards"


def _qualifying(label: str) -> bool:
    """Does a group label over years count them, as a proposal's justification does ("Số năm đạt
    LĐTT", "Số lần đạt CSTĐCS", "LĐTT liên tục": layout.toml [phrases] qualifying_years)?"""
    k = key(label)
    return any(p.search(k) for p in layout_rules().qualifying_years)


def _drop_year_ticks(columns: dict[str, list[Column]]) -> None:
    """Under a heading of one year ("… CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2020"), columns of years ticked
    are the years that qualified the person (LĐTT 2018, 2019, 2020), not awards: left out."""
    ticks = [c for c in columns["tick"] if year_of_label(c.header) is None]
    if ticks:
        columns["tick"] = ticks
    else:
        del columns["tick"]


def _decision_years(columns: dict[str, list[Column]]) -> None:
    """Of year columns labelled as the achievement's ("Năm thành tích") and as the decision's ("Năm
    khen thưởng"), the latter become decision_year columns: the record's year is the achievement's,
    the decision's is no second year to compare. Nothing changes unless both labels say so."""
    years = columns.get("year", [])
    sides = [year_label(c.header) for c in years]
    if "achievement" in sides and "decision" in sides:
        columns["year"] = [c for c, side in zip(years, sides, strict=True) if side != "decision"]
        columns["decision_year"] = [
            Column(c.index, "decision_year", c.header) for c, side in zip(years, sides, strict=True) if side == "decision"
        ]


def _next_header(
    grid: list[list[Cell]], start: int, tiers: list[tuple[str, ...]], catalogue: Catalogue
) -> tuple[int, int, list[tuple[str, ...]]] | None:
    """The first header below `start` whose labels differ from `tiers`, or that has title rows of
    its own ("DANH SÁCH TẬP THỂ …" over the same header: the list changes, its kind may too); a
    header repeated bare at a page break is no new table. Only rows without a number in the STT
    cell, and with two cells or more that may start a label, are weighed: the usual sheet has one
    table."""
    lead = next((c for c, t in enumerate(tiers) if t and header_match(t[-1])[0] == "stt"), None)
    same: tuple[tuple[str, ...], ...] | None = None  # the header's key, when a header is met below
    after = start  # rows above this one are passed (a repeated header's)
    for r in _unnumbered(grid, start, lead):
        row = grid[r]
        if r < after or (lead is not None and is_number(row[lead])) or _label_cells(row) < 2:
            continue
        found = find_header(grid, r, NEXT_HEADER_ROWS)
        if found is None and _foreign_header(row):
            return r, r, _tiers([tuple(text_of(v) for v in row)])  # "STT | Đơn vị | Số lượng": no list of ours
        if found is not None:
            same = same or _header_key(tiers)
            if _header_key(found[2]) != same or _titled(grid, found[0], after, catalogue):
                return found
            after = found[1] + 1  # the same header again: its rows are the walk's to pass over
    return None


def _recipients_named(columns: dict[str, list[Column]], roles: TableRoles) -> None:
    """Under a title naming collectives, a table without a name column names them in its first
    "Đơn vị" column, or in a column headed "Tập thể" (a label of no role)."""
    if columns.get("unit"):
        unit = columns["unit"].pop(0)
        if not columns["unit"]:
            del columns["unit"]
        columns["name"] = [replace(unit, field="name")]
        return
    headed = next((c for c in roles.columns if c.role == "ignored" and key(c.label) == "tập thể"), None)
    if headed is not None:
        columns["name"] = [Column(headed.index, "name", headed.label)]


def _titled_collectives(grid: list[list[Cell]], span: _Span, catalogue: Catalogue, names: tuple[str, ...]) -> bool:
    """Do the rows over a table's header (its title rows, or the section line just above it, which
    the table above may hold) say it lists collectives ("II. TẬP THỂ ĐẠT DANH HIỆU …")?"""
    first = span.header[0]
    titles = grid[min(span.titles[0], max(0, first - 2)) : first]
    if titles and read_heading(titles, catalogue, names).kind == "Tập thể":
        return True
    sections = [section_of(texts, None, catalogue) for row in titles if (texts := row_texts(row))]
    return any(s is not None and s.kind == "Tập thể" for s in sections)


def _foreign_header(row: list[Cell]) -> bool:
    """A row of header labels of two roles or more and neither a name nor an award label ("STT |
    Đơn vị | Số lượng" under a list: a summary's header): the header of another table, which ends
    the list above. "STT | Đơn vị | Danh hiệu" under "II. TẬP THỂ" is a list of collectives."""
    roles = {header_match(t) for v in row if (t := text_of(v)) and may_head(t)}
    named = {role for role, exact in roles if exact and role not in (None, "ignored")}
    return len(named) >= 2 and not named & {"name", "award"}


def _titled(grid: list[list[Cell]], header: int, floor: int, catalogue: Catalogue) -> bool:
    """Has a header title rows of its own that name a kind or an award ("DANH SÁCH TẬP THỂ ĐƯỢC
    TẶNG GIẤY KHEN", "II. TẬP THỂ"), each a single text? A row of two texts may be a record of
    the table above (a unit and its award, no STT): never taken for a title here."""
    rows = grid[_title_start(grid, header, floor, catalogue) : header]
    if not rows or any(len(row_texts(row)) > 1 for row in rows):
        return False
    _, award, kind = _title_says(rows, None, catalogue)
    return bool(award or kind)


_COUNTS_LABEL = re.compile(r"^số (?:lượng|lượt|cá nhân|người|tập thể|đơn vị)\b|^sl$")


def _counts_label(label: str) -> bool:
    """Does a label say its column counts ("Số lượng", "SL", "Số cá nhân được khen")?"""
    return bool(_COUNTS_LABEL.search(key(label)))


def _own_title(lines: Sequence[str]) -> bool:
    """Does a table's own title name its list ("DANH SÁCH …", "KẾT QUẢ …")? Then it says whether
    the list proposes, not the sheet's heading over the table above."""
    return any(key(line).startswith(("danh sách", "kết quả")) for line in lines)


def _title_says(
    rows: Sequence[Sequence[Cell]], i_stt: int | None, catalogue: Catalogue
) -> tuple[Heading, str | None, str | None]:
    """(the heading, award text, kind) that title rows name, as heading lines or as section labels."""
    own = read_heading(rows, catalogue)
    award, kind = own.award_text, own.kind
    for row in rows:
        texts = row_texts(row)
        stt = row[i_stt] if i_stt is not None and i_stt < len(row) else None
        section = section_of(texts, stt, catalogue) if texts else None
        if section is not None:
            award, kind = award or section.award_text, kind or section.kind
    return own, award, kind


def _unnumbered(grid: list[list[Cell]], start: int, lead: int | None) -> Iterable[int]:
    """The rows from `start` whose STT cell holds no number: one comprehension over the column
    (every row is as wide as the header: prepare_grid)."""
    if lead is None:
        return range(start, len(grid))
    return [r for r in range(start, len(grid)) if (c := grid[r][lead].__class__) is not float and c is not int]


def _label_cells(row: list[Cell]) -> int:
    """How many cells of a row (up to two) could start a header label."""
    n = 0
    for v in row:
        if v.__class__ is str and v and may_head(text_of(v)):
            n += 1
            if n == 2:
                break
    return n


def _header_key(tiers: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A header's labels as compared for a repeat: by key, trailing empty columns dropped."""
    out = [tuple(key(t) for t in column) for column in tiers]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def _title_start(grid: list[list[Cell]], header: int, floor: int, catalogue: Catalogue) -> int:
    """The first of the title rows over a header inside a sheet: up to TITLE_ROWS rows of one or
    two texts ("II. TẬP THỂ", "DANH SÁCH TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN"), blank rows between them.
    Never a row of the table above: one with a number cell, a person's name, more texts, or a
    totals or signature line; never above `floor`."""
    start, r, taken = header, header - 1, 0
    while r >= floor and taken < TITLE_ROWS:
        row = grid[r]
        texts = row_texts(row)
        if texts:
            if (
                len(texts) > 2
                or ends_table(texts[0])
                or is_number(texts[0])
                or any(v.__class__ is float or v.__class__ is int for v in row)
                or any(catalogue.name_kind(t) == "Cá nhân" for t in texts)
            ):
                break
            start, taken = r, taken + 1
        r -= 1
    return start


def _heading_below(
    rows: Sequence[Sequence[Cell]], above: Heading, columns: dict[str, list[Column]], catalogue: Catalogue
) -> Heading:
    """The heading of a table below another: the award, kind, year, decision and proposal its own
    title rows name (as a heading line, or as a section label "II. TẬP THỂ"), else its name
    header's kind, else what the sheet's title block says. The unit is the sheet's."""
    own, award, kind = _title_says(rows, columns["stt"][0].index if "stt" in columns else 0, catalogue)
    heading = Heading(
        own.lines,
        award or above.award_text,
        own.year or above.year,
        kind,
        above.unit,
        own.decision or above.decision,
        own.decision_level or above.decision_level,
        own.proposal if _own_title(own.lines) else above.proposal,  # "DANH SÁCH ĐƯỢC KHEN THƯỞNG" under a proposal's list
    )
    heading = _kind_from_name_header(heading, columns["name"][0].header)
    return heading if heading.kind else replace(heading, kind=above.kind, kind_from_header=above.kind_from_header)


def _summary_or_nothing(
    sheet: str, grid: list[list[Cell]], catalogue: Catalogue, names: tuple[str, ...], encoding: str | None
) -> NoTable:
    """A sheet without a name-list header: a summary count table when the evidence shows one
    (summaries.find_summary: award rows × kind/level/year columns, unit rows × award columns),
    else no table. Neither is ever counted."""
    summary = find_summary(sheet, grid, catalogue, names)
    if summary is None:
        rows = _headless_records(grid, catalogue)
        if rows:  # a list run on from the sheet before, its header left there
            return NoTable(sheet, "headless", encoding, str(len(rows)), header_rows=(rows[0] - 1, rows[0] - 1))
        return NoTable(sheet, "no-header", encoding)
    return NoTable(sheet, "summary", encoding, None, None, summary.header_rows, summary)


def _headless_records(grid: list[list[Cell]], catalogue: Catalogue, most: int = 2000) -> list[int]:
    """The rows (0-based) of a sheet without a header that read as an award list's records, the
    rows a clerk carried on to a second sheet ("Trang 2", "DS (tiếp)") without copying the header:
    a number first, then a name (a person's or a collective's), then a cell naming an award; or,
    where fewer rows name one (the award is in the first sheet's heading), the numbered rows when
    their numbers run on from the sheet before (`_run_on`)."""
    found, numbered = [], []
    section = False  # a row of one text ("II. TẬP THỂ") since the last numbered row: numbering may start again
    for r, row in enumerate(grid[:most]):
        texts = [t for v in row if (t := text_of(v))]
        if len(texts) < 2 or not is_number(texts[0]):
            section = section or len(texts) == 1
            continue
        named = catalogue.name_kind(texts[1]) is not None
        numbered.append((r, texts[0], named, section))
        section = False
        if named and len(texts) >= 3 and any(catalogue.match_award(t) is not None for t in texts[2:]):
            found.append(r)
    run_on = _run_on(numbered)
    return run_on if len(run_on) > len(found) else found


_LEADING_NUMBER = re.compile(r"\d+")


def _run_on(numbered: list[tuple[int, str, bool, bool]]) -> list[int]:
    """The numbered rows (row, number as written, whether its next text reads as a name, whether
    a section row stands above it) of a sheet without a header, when they go on from the list of
    the sheet before: two or more, the first not numbered 1 (a roster or a summary of its own
    starts at 1), numbers that never go down but under a section row ("II. TẬP THỂ" then 1, 2: a
    gap, a number typed twice and "7." still run on), and most of them names."""
    numbers = [int(m.group()) for _, text, _, _ in numbered if (m := _LEADING_NUMBER.match(text))]
    if len(numbers) < 2 or len(numbers) != len(numbered) or numbers[0] < 2:
        return []
    if any(b < a and not under for (a, b), (_, _, _, under) in zip(itertools.pairwise(numbers), numbered[1:], strict=True)):
        return []
    if 2 * sum(named for _, _, named, _ in numbered) < len(numbered):
        return []
    return [r for r, _, _, _ in numbered]


def _years_by_cells(columns: dict[str, list[Column]], roles: TableRoles, rows: list[list[Cell]], heading: Heading) -> str | None:
    """A year column whose label says nothing of its role (none, or one the vocabulary lacks:
    "NS", "Mã") is the year by its cells alone. Its years must be the heading's: its one year
    ("NĂM 2021": not 2022, a decision's), within its period ("GIAI ĐOẠN 2019-2021"), the one year a
    sheet, file or folder name gives when the heading names none, or, with no year anywhere, one
    year other than a date's in the heading ("… ngày 12/01/2022" over 2022: the decision's). Else
    they are no award year (1978 | 1985 | 1990: years of birth or of joining): beside a labelled
    year column the column is left out; alone, the table is not read (the conflict said)."""
    by_cells = [c for c in roles.columns if c.role == "year" and not c.vote.weight]
    if not by_cells:
        return None
    span = heading_years(heading.lines) or ((heading.year, heading.year) if heading.year is not None else None)
    labelled = any(c.role == "year" and c.vote.weight for c in roles.columns)
    dated = date_years(heading.lines) if span is None else frozenset()  # a decision's date: its year is no list's
    for column in by_cells:
        i = column.index
        years = {y for row in rows if i < len(row) and (y := parse_year(row[i])) is not None}
        if (span and all(span[0] <= y <= span[1] for y in years)) or (not span and len(years) < 2 and not years & dated):
            continue
        if labelled:
            columns["year"] = [c for c in columns.get("year", []) if c.index != i]
            continue
        named = f'"{column.label}"' if column.label else f"#{i + 1} (no label)"
        return f"{named}: year {min(years)}" + (f"–{max(years)}" if max(years) > min(years) else "")
    return None


def _holds_counts(grid: list[list[Cell]], c: int, start: int, named: bool = False) -> bool:
    """Does a column of ticks hold a number of 2 or more anywhere (its total row too, unless the
    table lists names: "Cộng | 2 | 1" under ticks counts the ticks)? Then it counts: the table is
    a summary, not a tick matrix of 1s."""
    for row in grid[start:]:
        value = row[c] if c < len(row) else None
        counted = (value.__class__ in (int, float) and value >= 2) or (
            value.__class__ is str and value.strip().isdigit() and int(value) >= 2
        )
        if counted and not (named and _totals_line(row)):
            return True
    return False


def _totals_line(row: Sequence[Cell]) -> bool:
    """Does the row's first text say it is a totals line ("Cộng", "Tổng cộng: 5")?"""
    texts = row_texts(row)
    return bool(texts) and is_totals(texts[0])


def _data_start(grid: list[list[Cell]], first: int, last: int) -> int:
    """The first row under the header that is neither column numbers nor header text again."""
    header_texts = {text_of(v) for row in grid[first : last + 1] for v in row} - {""}
    data_start = last + 1
    while data_start < len(grid) and (
        is_column_numbers(grid[data_start]) or set(row_texts(grid[data_start])) <= header_texts
    ):
        data_start += 1
    return data_start


def _awards_given(roles: TableRoles) -> TableRoles:
    """Of several award columns, the ones whose label says they hold proposals ("Danh hiệu đề
    nghị") or awards of other years ("Danh hiệu đã đạt năm trước") are ignored when another
    award column remains: that one holds the awards given ("Danh hiệu được công nhận")."""
    awards = [c for c in roles.columns if c.role == "award"]
    other = [c for c in awards if _proposes(c.vote.label or c.label) or _past(c.vote.label or c.label)]
    before = [c for c in awards if c not in other and _said_before(c.vote.label or c.label)]
    if len(awards) - len(other) > len(before) > 0:  # "Hình thức khen thưởng cao nhất đã đạt" beside "Danh hiệu"
        other += before
    if len(awards) < 2 or not other or len(other) == len(awards):
        return roles
    return replace(roles, columns=tuple(replace(c, role="ignored") if c in other else c for c in roles.columns))


def _year_ticks(roles: TableRoles, region: list[list[Cell]], data_start: int, catalogue: Catalogue) -> TableRoles:
    """Columns labelled with one year each ("Năm đạt danh hiệu" › 2019 | 2020 | 2021) whose filled
    cells are all ticks (a totals line aside): a matrix of years, each tick the row's award in its
    column's year (a tick column whose label is its year: see `year_of_label`; the group label over it must be one of years, "Năm …", naming no award or grade: `_year_group`), not year columns
    holding "x". Such columns of which some hold ticks and others other values cannot be read
    either way (the year of a tick would come from the heading): the table is reported."""
    labelled = [
        c
        for c in roles.columns
        if c.role in ("year", "ignored") and year_of_label(c.label) is not None and all(_year_group(t, catalogue) for t in c.tiers[:-1])
    ]
    if len(labelled) < 2 or len({year_of_label(c.label) for c in labelled}) < len(labelled):
        return roles
    if any(c.role == "year" and c not in labelled for c in roles.columns):
        return roles  # a year column of its own beside them: as before
    marks = role_rules().ticks
    rows = [row for row in region[data_start:] if not _totals_line(row)]
    ticks: list[ColumnRole] = []
    other: list[ColumnRole] = []
    for column in labelled:
        filled = [t for row in rows if column.index < len(row) and (t := text_of(row[column.index]))]
        if filled:
            (ticks if all(t in marks for t in filled) else other).append(column)
    if not ticks:
        return roles
    if other:
        labels = ", ".join(f'"{c.label}"' for c in labelled)
        return replace(roles, conflict=f"{labels}: tick / year")
    return replace(roles, columns=tuple(replace(c, role="tick") if c in ticks else c for c in roles.columns))


def _year_group(label: str, catalogue: Catalogue) -> bool:
    """Is a label over a column of one year a label of years ("Năm", "Năm đạt danh hiệu", "Năm
    học"), naming no award and no grade ("Đạt danh hiệu LĐTT", "Hoàn thành xuất sắc nhiệm vụ" over
    2019 | 2020: the years that qualified for the list's award)?"""
    return header_match(label)[0] == "year" and find_award_phrase(key(label), catalogue) is None


@lru_cache(maxsize=1024)
def year_of_label(label: str) -> int | None:
    """The year a header label is, and nothing else ("2019", "Năm 2019", "Năm học 2019-2020":
    2020), else None."""
    return parse_year(label) if label else None


def _decided(heading: Heading) -> bool:
    """Does the heading cite the decision the list is attached to ("(Kèm theo Quyết định số
    123/QĐ-BV …)")? Then a column labelled "Danh hiệu đề nghị" is the proposal form's label left
    in place: the list was decided, its rows are awards (a heading that proposes still proposes)."""
    if heading.decision is None:
        return False
    lines = [key(line) for line in heading.lines]
    if any("dự thảo" in k or "bình xét" in k for k in lines):  # a draft, a council's vote: still a proposal
        return False
    references = layout_rules().decision_reference
    return any(
        k.startswith(references) and ("quyết định" in k or " qđ " in f" {k} ") and _awarding_decision(k) for k in lines
    )


_NUMBERED_DECISION = re.compile(r"\b\d+ (?:\d{4} )?qđ")  # keys of "123/QĐ-BV", "05/2020/QĐ-UBND"; not "......./QĐ"


def _awarding_decision(k: str) -> bool:
    """A reference to a decision with a number ("số ......./QĐ" is the draft a Tờ trình attaches)
    that, where it says what it is about ("về việc …"), is about awards (not "giao chỉ tiêu thi
    đua", "thành lập Hội đồng")."""
    if not _NUMBERED_DECISION.search(k):
        return False
    about = k.partition("về việc")[2]
    return not about or any(word in about for word in ("khen", "tặng", "công nhận", "danh hiệu"))


def _past(label: str) -> bool:
    """Does a header label say its column holds awards of other years ("Danh hiệu đã đạt")?"""
    k = key(label)
    return any(p.search(k) for p in layout_rules().past_awards)


def _said_before(label: str) -> bool:
    """Does a header label say "đã đạt", "cao nhất" (`[phrases] past_beside`)? Beside an award
    column that does not, its column holds the person's earlier awards."""
    k = key(label)
    return any(p.search(k) for p in layout_rules().past_beside)


def _other_years(columns: dict[str, list[Column]], heading: Heading) -> str | None:
    """Award columns whose labels name a year ("Danh hiệu năm 2019" beside "Danh hiệu/Hình thức
    khen thưởng" under "… NĂM 2020"): one of another year than the list's holds that year's awards,
    left out while a column of the list's year or of none remains; with no year for the list,
    columns naming different years cannot be told apart: the table is reported (the labels said)."""
    awards = columns.get("award", [])
    if len(awards) < 2:
        return None
    years = {c.index: _label_year(c.header) for c in awards}
    if not any(years.values()):
        return None
    if heading.year is not None:
        kept = [c for c in awards if years[c.index] in (None, heading.year)]
        if kept and len(kept) < len(awards):
            columns["award"] = kept
        return None
    if len({y for y in years.values()}) > 1:
        return ", ".join(f'"{c.header}"' for c in awards) + ": years / one list"
    return None


_LABEL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?(?!\d)")


def _label_year(label: str) -> int | None:
    """The year a column's label names ("Danh hiệu năm 2019": 2019; "… năm học 2019-2020": 2020)."""
    found = _LABEL_YEAR.search(label)
    return None if found is None else int(found.group(2) or found.group(1))


def _proposes(label: str) -> bool:
    """Does a header label say its column holds proposals ("Danh hiệu đề nghị")?"""
    rules = layout_rules()
    k = key(label)
    return any(p.search(k) for p in rules.proposal) and not any(n in k for n in rules.not_proposal)


def _kind_from_name_header(heading: Heading, label: str) -> Heading:
    """ "Họ và tên" lists people, "Tên tập thể" collectives: the kind when nothing else says it."""
    name_key = key(label)
    if heading.kind is None and any(w in name_key for w in ("chủ hộ", "hộ gia đình", "tên hộ")):
        return replace(heading, kind="Hộ gia đình", kind_from_header=True)  # "Họ và tên chủ hộ": households
    person = name_key.startswith("họ") or "cá nhân" in name_key
    collective = "tập thể" in name_key or "đơn vị" in name_key
    if heading.kind is None and person != collective:
        return replace(heading, kind="Cá nhân" if person else "Tập thể", kind_from_header=True)
    return heading
