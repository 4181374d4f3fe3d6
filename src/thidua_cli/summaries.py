"""Summary count tables: what a unit's own summary sheet says it awarded, and where its name
lists disagree (`summary-mismatch`). A summary is never added to the tally.

Two shapes, recognised from evidence (the labels and weights are in `data/roles.toml` [summary]):
award rows — one column whose cells the catalogue reads as awards, and columns of numbers whose
header labels say what they count (a kind "Cá nhân" | "Tập thể", a level "Cấp cơ sở" | "Cấp tỉnh",
a year "2019" | "2020", "Số lượng", on one to three tiers); and award columns — header labels that
name awards ("LĐTT" | "CSTĐCS"), numbers below them, one row per unit and a total row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from thidua_cli.catalogue import AwardMatch, Catalogue
from thidua_cli.cells import is_column_numbers, row_texts, text_of
from thidua_cli.heading import read_heading
from thidua_cli.labels import header_match, is_place_date, is_totals, layout_rules
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.roles import TRAITS, cell_traits
from thidua_cli.summary_cells import (
    Dims,
    agree_kind,
    cell_at,
    cell_levels,
    count_of,
    dims_of,
    ends_row,
    label_says,
    summary_rules,
    tiers_of,
)
from thidua_cli.text import key

_AWARD, _YEAR = RECORD_FIELDS.index("award"), RECORD_FIELDS.index("year")
_KIND, _LEVEL = RECORD_FIELDS.index("kind"), RECORD_FIELDS.index("level")
_AWARD_BIT = 1 << TRAITS.index("award")
_HEADER_ROWS = 30  # a summary's header starts in the first rows, like a list's
_MAX_COLUMNS = 60
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_DATES = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")
_DASHES = ("", "-", "–", "—")
_SCAN_BELOW = 2000  # rows read under award labels to see numbers (a summary is short)


@dataclass(frozen=True)
class SummaryCount:
    """One number of a summary: the award it counts and, when its cell says so, the kind, the
    levels (one, or a tier of the statistical forms) and the year it counts."""

    award: str  # canonical name
    label: str  # the header label(s) of the number's column
    column: int  # 0-based
    count: int
    row: int  # Excel row of the number (a total row's, or the last row summed)
    kind: str | None = None
    level: tuple[str, ...] = ()  # () = every level
    year: int | None = None  # None = the summary's year (its heading), if any


@dataclass(frozen=True)
class UnreadAward:
    """An award cell (or award column label) of a summary that the catalogue does not read."""

    row: int  # Excel row
    column: int  # 0-based
    text: str


@dataclass(frozen=True)
class Summary:
    sheet: str
    year: int | None
    counts: tuple[SummaryCount, ...]
    unread: tuple[UnreadAward, ...] = ()
    header_rows: tuple[int, int] | None = None  # 0-based first and last header row
    shape: str = "award-columns"  # or "award-rows"


# --- finding a summary --------------------------------------------------------------------------
def find_summary(
    sheet: str, grid: Sequence[Sequence[Cell]], catalogue: Catalogue, names: tuple[str, ...] = ()
) -> Summary | None:
    """The summary count table of a sheet that has no name-list header, or None when the evidence
    does not show one (a plan, a report, instructions)."""
    if not grid:
        return None
    found = _award_rows(sheet, grid, catalogue) or _award_columns(sheet, grid, catalogue)
    if found is None or not (found.counts or found.unread):
        return None
    first = found.header_rows[0] if found.header_rows else 0
    year = summary_year(grid[:first], catalogue, names)
    return Summary(found.sheet, year, found.counts, found.unread, found.header_rows, found.shape)


def summary_year(rows: Sequence[Sequence[Cell]], catalogue: Catalogue, names: tuple[str, ...] = ()) -> int | None:
    """The one year a summary's heading names; None for a period ("giai đoạn 2016-2020", "từ năm
    2016 đến năm 2020"): its numbers are then compared with the lists of every year."""
    heading = read_heading(rows, catalogue, names)
    years: set[int] = set()
    for line in heading.lines:
        k = key(line)
        if is_place_date(line) or any(k.startswith(ref) for ref in layout_rules().decision_reference):
            continue  # "Hà Nội, ngày … năm 2021", "(Kèm theo Quyết định … ngày 3/1/2020)"
        years.update(int(y) for y in _YEARS.findall(_DATES.sub(" ", line)))
    if len(years) > 2 or (len(years) == 2 and max(years) - min(years) != 1):  # "2019-2020": a school year
        return None
    return heading.year


def _award_rows(sheet: str, grid: Sequence[Sequence[Cell]], catalogue: Catalogue) -> Summary | None:
    """Award rows × count columns: the column with most award cells in rows that hold numbers
    to their right, the header rows above its first one, the count columns those labels name."""
    place = _award_column(grid, catalogue) or _award_column_by_label(grid, catalogue)
    if place is None:
        return None
    c, first_award = place
    header = _header_above(grid, first_award, c)
    if header is None:
        return None
    tiers_rows = range(header[0], header[1] + 1)
    start = header[1] + 1
    while start < len(grid) and is_column_numbers(grid[start]):
        start += 1
    rows = _data_rows(grid, start, c)
    labelled = any(header_match(t)[0] == "award" for t in tiers_of(grid, tiers_rows, c))
    if not labelled and _award_share(grid, rows, c, catalogue) < summary_rules().award_share:
        return None  # a column of awards by its cells alone must be clearly one
    columns = _count_columns(grid, tiers_rows, rows, range(c + 1, min(_width(grid), _MAX_COLUMNS)), catalogue)
    if not columns:
        return None
    counts, unread = _read_award_rows(grid, rows, c, columns, catalogue)
    return Summary(sheet, None, tuple(counts), tuple(unread), header, "award-rows")


def _read_award_rows(
    grid: Sequence[Sequence[Cell]],
    rows: Sequence[int],
    c: int,
    columns: Sequence[tuple[int, str, Dims]],
    catalogue: Catalogue,
) -> tuple[list[SummaryCount], list[UnreadAward]]:
    """Each award row's numbers; a row that names only a level or issuer under an award row
    ("- Chủ tịch UBND tỉnh" under "Bằng khen") counts that award at that level; any other text
    with numbers is reported, never guessed."""
    counts: list[SummaryCount] = []
    unread: list[UnreadAward] = []
    parent: AwardMatch | None = None
    for r in rows:
        values = [(j, label, dims, n) for j, label, dims in columns if (n := count_of(cell_at(grid[r], j))) is not None]
        text = text_of(grid[r][c])
        if not values or not text:
            continue  # a section row ("I. DANH HIỆU THI ĐUA") or an empty one
        match = catalogue.match_award(text)
        if match is not None:
            parent = match
        else:
            level = catalogue.match_level(text.lstrip("-–+•* ").strip()) if parent is not None else None
            if parent is None or level is None:
                unread.append(UnreadAward(r + 1, c, text))
                continue
            match = replace(parent, level=level[0], issuer=level[1])
        for j, label, dims, n in values:
            agree, kind = agree_kind(match.kind, dims.kind)
            levels = cell_levels(match.level, dims.level)
            if agree and levels is not None:
                counts.append(SummaryCount(match.award.name, label, j, n, r + 1, kind, levels, dims.year))
    return counts, unread


def _width(grid: Sequence[Sequence[Cell]]) -> int:
    return max(map(len, grid), default=0)


def _award_column(grid: Sequence[Sequence[Cell]], catalogue: Catalogue) -> tuple[int, int] | None:
    """(column, first row) of the column whose cells are most often awards in rows that hold a
    number to their right (the leftmost award cell of a row is its label)."""
    found: dict[int, list[int]] = {}
    for r in range(min(len(grid), summary_rules().scan_rows)):
        row = grid[r]
        last = max((j for j in range(min(len(row), _MAX_COLUMNS)) if count_of(row[j]) is not None), default=-1)
        for c in range(last):
            value = row[c]
            if value.__class__ is str and cell_traits(value, catalogue) & _AWARD_BIT:
                found.setdefault(c, []).append(r)
                break
    if not found:
        return None
    c = max(found, key=lambda k: (len(found[k]), -k))
    return c, found[c][0]


def _award_column_by_label(grid: Sequence[Sequence[Cell]], catalogue: Catalogue) -> tuple[int, int] | None:
    """(column, first row below) of a header label naming the award column ("Danh hiệu", "Hình
    thức khen thưởng") with count labels to its right and numbers below: a summary whose award
    cells the catalogue does not read (each is reported, none guessed)."""
    for r in range(min(len(grid), _HEADER_ROWS)):
        row = grid[r]
        for c in range(min(len(row), _MAX_COLUMNS)):
            if header_match(text_of(row[c]))[0] != "award":
                continue
            if not any(label_says(text_of(v), catalogue) not in (None, ("ignored", None)) for v in row[c + 1 :]):
                break
            below = next((b for b in range(r + 1, len(grid)) if any(count_of(v) is not None for v in grid[b][c + 1 :])), None)
            return (c, below) if below is not None else None
    return None


def _header_above(grid: Sequence[Sequence[Cell]], first: int, c: int) -> tuple[int, int] | None:
    """The header rows (first, last) right above the first award row: rows with labels to the
    right of the award column, under an empty row or a title; column numbers and section rows
    between header and data are passed over."""
    tiers: list[int] = []
    r = first - 1
    while r >= 0 and len(tiers) < summary_rules().header_tiers:
        row = grid[r]
        texts = row_texts(row)
        right = [v for v in row[c + 1 :] if text_of(v)]
        if not tiers and (is_column_numbers(row) or (texts and not right) or not texts or ends_row(row)):
            r -= 1  # column numbers, a section, total or blank row under the header
            continue
        if len(texts) < 2 or not right or all(count_of(v) is not None for v in right):
            break  # a title (one text, maybe merged across), or no labels over the count columns
        tiers.append(r)
        r -= 1
    return (tiers[-1], tiers[0]) if tiers else None


def _data_rows(grid: Sequence[Sequence[Cell]], start: int, c: int) -> list[int]:
    """The rows of the table from `start` to its total (or signature) row; a total row above
    the first award row ("Tổng số" first, then the awards) is passed over."""
    rows: list[int] = []
    for r in range(start, len(grid)):
        if ends_row(grid[r]):
            if any(text_of(grid[q][c]) for q in rows):
                break
            continue
        if c < len(grid[r]):
            rows.append(r)
    return rows


def _award_share(grid: Sequence[Sequence[Cell]], rows: Sequence[int], c: int, catalogue: Catalogue) -> float:
    """The share of the award column's filled text cells (in rows that hold a number) read as awards."""
    texts = [grid[r][c] for r in rows if text_of(grid[r][c]) and any(count_of(v) is not None for v in grid[r][c + 1 :])]
    if not texts:
        return 0.0
    return sum(1 for v in texts if v.__class__ is str and cell_traits(v, catalogue) & _AWARD_BIT) / len(texts)


def _count_columns(
    grid: Sequence[Sequence[Cell]], tiers_rows: Sequence[int], rows: Sequence[int], wanted: range, catalogue: Catalogue
) -> list[tuple[int, str, Dims]]:
    """(index, label, dims) of the columns whose labels say what they count and whose filled
    cells in the data rows are numbers; the columns of a grain (kind, level, year) when there
    are any, else the first plain count ("Số lượng") or total ("Tổng số")."""
    found = []
    for j in wanted:
        tiers = tiers_of(grid, tiers_rows, j)
        dims = dims_of(tiers, catalogue) if tiers else None
        if dims is None:
            continue
        filled = [grid[r][j] for r in rows if text_of(cell_at(grid[r], j)) not in _DASHES]
        numbers = sum(1 for v in filled if count_of(v) is not None)
        if numbers and numbers >= summary_rules().numbers_share * len(filled):
            found.append((j, " › ".join(tiers), dims))
    grained = [col for col in found if col[2].grained]
    if grained:
        return grained
    plain = sorted(found, key=lambda col: col[2].total)
    return plain[:1]






def _award_columns(sheet: str, grid: Sequence[Sequence[Cell]], catalogue: Catalogue) -> Summary | None:
    """Unit rows × award columns: the first header row with labels that name awards and numbers
    below them (a 2 or more somewhere: a column of 1s may be ticks)."""
    for r in range(min(len(grid), _HEADER_ROWS)):
        row = grid[r]
        columns = [
            j
            for j in range(min(len(row), _MAX_COLUMNS))
            if row[j].__class__ is str
            and (t := text_of(row[j]))
            and not is_totals(t)
            and catalogue.match_award(t) is not None
        ]
        if not columns:
            continue
        last = r + 1 if r + 1 < len(grid) and _kind_tier(grid[r + 1], columns, catalogue) else r
        start = last + 1
        while start < len(grid) and is_column_numbers(grid[start]):
            start += 1
        if _counts_below(grid, start, columns):
            above = [r - 1] if r > 0 and len(row_texts(grid[r - 1])) >= 2 else []
            tiers = [(j, tiers_of(grid, [*above, *range(r, last + 1)], j)) for j in range(min(len(row), _MAX_COLUMNS))]
            return read_summary(sheet, grid, tiers, start, None, catalogue, (above[0] if above else r, last))
    return None


def _kind_tier(row: Sequence[Cell], columns: Sequence[int], catalogue: Catalogue) -> bool:
    """Is `row` a second header tier under award labels ("Cá nhân" | "Tập thể" under "Bằng khen")?"""
    return any(
        j < len(row) and row[j].__class__ is str and label_says(text_of(row[j]), catalogue) is not None
        for j in columns
    )


def _counts_below(grid: Sequence[Sequence[Cell]], start: int, columns: Sequence[int]) -> bool:
    """Are the filled cells under the award labels numbers, with a 2 or more among them?"""
    filled = numbers = 0
    big = False
    for r in range(start, min(len(grid), start + _SCAN_BELOW)):
        for j in columns:
            value = grid[r][j] if j < len(grid[r]) else None
            if text_of(value):
                filled += 1
                n = count_of(value)
                numbers += n is not None
                big = big or (n is not None and n >= 2)
        if ends_row(grid[r]) and filled:
            break
    return numbers > 0 and big and numbers >= summary_rules().numbers_share * filled


def read_summary(
    sheet: str,
    grid: Sequence[Sequence[Cell]],
    columns: Sequence[tuple[int, tuple[str, ...]]],
    start: int,
    year: int | None,
    catalogue: Catalogue,
    header: tuple[int, int] | None = None,
) -> Summary:
    """Award columns (index, header tiers): each column whose labels name an award gives its
    total row's number when there is one, else the sum of its rows; its other labels give the
    kind, level or year. A column of numbers whose labels say nothing is reported as unread."""
    counts: list[SummaryCount] = []
    unread: list[UnreadAward] = []
    for index, tiers in columns:
        match = next((m for t in reversed(tiers) if (m := catalogue.match_award(t)) is not None), None)
        if match is None:
            if tiers and _numbers_only(grid, start, index) and dims_of(tiers, catalogue) is None and not _named(tiers):
                unread.append(UnreadAward((header[1] if header else start - 1) + 1, index, " › ".join(tiers)))
            continue
        if not _numbers_only(grid, start, index):
            continue  # ticks ("x") or text under an award label: no count of a summary
        award_label = next(t for t in reversed(tiers) if catalogue.match_award(t) is match)
        dims = dims_of([t for t in tiers if t != award_label], catalogue) or Dims()
        level = cell_levels(match.level, dims.level)
        agree, kind = agree_kind(match.kind, dims.kind)
        if level is None or not agree:
            continue
        total, last = _column_total(grid, start, index)
        counts.append(SummaryCount(match.award.name, tiers[-1], index, total, last + 1, kind, level, dims.year))
    return Summary(sheet, year, tuple(counts), tuple(unread), header)


def _column_total(grid: Sequence[Sequence[Cell]], start: int, c: int) -> tuple[int, int]:
    """(count, 0-based row): the total row's number when there is one, else the sum of the rows."""
    last, summed = start, 0
    for r in range(start, len(grid)):
        row = grid[r]
        first = next((t for v in row if (t := text_of(v))), "")
        if first and not first[:1].isdigit() and is_totals(first):
            total = count_of(row[c]) if c < len(row) else None
            return (summed if total is None else total), r
        if ends_row(row):
            break  # a signature or place-and-date row
        value = count_of(row[c]) if c < len(row) else None
        if value is not None:
            summed, last = summed + value, r
    return summed, last


def _numbers_only(grid: Sequence[Sequence[Cell]], start: int, c: int) -> bool:
    """Does column c hold numbers, and only numbers, below the header (to the table's end)? A
    dash ("-": none) is no number and no text."""
    filled = numbers = 0
    for row in grid[start:]:
        if ends_row(row):
            break
        value = row[c] if c < len(row) else None
        if text_of(value) not in _DASHES:
            filled += 1
            numbers += count_of(value) is not None
    return numbers > 0 and numbers == filled


def _named(tiers: Sequence[str]) -> bool:
    """Does a label name a list column (a sequence number, a unit, a name): no count of an award."""
    return any(header_match(t)[0] in ("stt", "name", "unit", "year", "ignored", "notes") for t in tiers)


# --- comparing with the lists -------------------------------------------------------------------
def summary_mismatches(file: str, summaries: Sequence[Summary], records: Sequence[Record] | None) -> list[Problem]:
    """Where a unit's summary sheet and the name lists of the same workbook disagree, at the
    summary's grain: per award, and per kind, level and year when its cells give them (the year
    of its heading otherwise, when it names one). Summed over the cells of one grain. Every
    award the summary names that the catalogue does not read is reported; with `records` None
    (a workbook without lists) nothing is compared, but a summary that counts awards is an
    error (summary-only): the awards it counts are in no list, so in no tally (unless a list
    lies in another workbook of the same folder: `loading` drops the finding then)."""
    if not summaries:  # most workbooks: nothing to compare, no count of the records
        return []
    problems = [
        Problem("summary-unknown-award", file, s.sheet, u.row, value=u.text, col=u.column)
        for s in summaries
        for u in s.unread
    ]
    if records is None:
        problems += [
            Problem("summary-only", file, s.sheet, s.counts[0].row, detail=str(sum(c.count for c in s.counts)))
            for s in summaries
            if sum(c.count for c in s.counts)
        ]
        return problems
    listed = Counter((r[_AWARD], r[_KIND], r[_LEVEL], r[_YEAR]) for r in records)
    for summary in summaries:
        grains: dict[tuple[str, str | None, tuple[str, ...], int | None], list[SummaryCount]] = {}
        for count in summary.counts:
            year = count.year if count.year is not None else summary.year
            grains.setdefault((count.award, count.kind, count.level, year), []).append(count)
        for (award, kind, level, year), cells in grains.items():
            said = sum(c.count for c in cells)
            found = sum(
                n
                for (a, k, lv, y), n in listed.items()
                if a == award and kind in (None, k) and (not level or lv in level) and year in (None, y)
            )
            if said != found:
                first = cells[0]
                shown_year = [str(year)] if year is not None and first.year is not None else []
                grain = ", ".join([award, *([kind] if kind else []), *(["/".join(level)] if level else []), *shown_year])
                problems.append(
                    Problem(
                        "summary-mismatch",
                        file,
                        summary.sheet,
                        first.row,
                        column=first.label,
                        value=grain,
                        detail=f"{said} / {found}",
                        col=first.column,
                    )
                )
    return problems

