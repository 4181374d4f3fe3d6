"""A sheet's raw grid → an award table: header row(s), columns, heading facts, data region."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from thidua_cli.catalogue import Catalogue
from thidua_cli.data import read_text as read_data
from thidua_cli.reading import Cell, SheetGrid, iter_text
from thidua_cli.text import ascii_key, clean, decode_legacy, detect_legacy, key, nfc
from thidua_cli.values import split_decision

HEADER_SEARCH_ROWS = 30
TITLE_BLOCK_ROWS = 3  # parent body and unit on the left, the national motto on the right
_NOT_UNIT = ("danh sách", "số ", "kèm theo", "tổng hợp", "bảng", "báo cáo", "kết quả", "kế hoạch")
COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?$")
_YEAR_IN_TEXT = re.compile(r"n[ăa]m\s*:?\s*(?:h[ọo]c\s*:?\s*)?((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}))?")
_DATE_BEFORE = re.compile(r"th[áa]ng\s*\d{1,2}\s*$")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_TAIL = re.compile(r" năm( học)? \d{4}.*$")
PLACE_DATE = re.compile(r"ngày\s*\S*\s*tháng\s*\S*\s*năm")


_WORD_BREAK = re.compile(r"[\W_]+")


def first_word(text: str) -> str:
    """The first word, casefolded, without punctuation: a cheap pre-filter before `key`."""
    for word in _WORD_BREAK.split(nfc(text).casefold()):
        if word:
            return word
    return ""


@dataclass(frozen=True)
class LayoutRules:
    header_keys: dict[str, str]
    header_ascii: dict[str, str]
    totals: tuple[str, ...]
    signature: tuple[str, ...]
    decision_reference: tuple[str, ...]
    name_first_words: frozenset[str]  # first words of name headers, to rule out data rows fast
    header_first_words: frozenset[str]  # first words of every header alias


@cache
def layout_rules() -> LayoutRules:
    data = tomllib.loads(read_data("layout.toml"))
    header_keys: dict[str, str] = {}
    by_ascii: dict[str, set[str]] = {}
    for field_name, aliases in data["columns"].items():
        for alias in aliases:
            header_keys.setdefault(key(alias), field_name)
            by_ascii.setdefault(ascii_key(alias), set()).add(field_name)
    header_ascii = {k: next(iter(v)) for k, v in by_ascii.items() if len(v) == 1}
    phrases = data["phrases"]
    return LayoutRules(
        header_keys=header_keys,
        header_ascii=header_ascii,
        totals=tuple(key(p) for p in phrases["totals"]),
        signature=tuple(key(p) for p in phrases["signature"]),
        decision_reference=tuple(key(p) for p in phrases["decision_reference"]),
        name_first_words=frozenset(
            word
            for alias in data["columns"]["name"] + data["columns"]["stt"]
            for word in (alias.split(" ", 1)[0].casefold(), ascii_key(alias).split(" ", 1)[0])
        )
        | frozenset("0123456789()"),
        header_first_words=frozenset(
            word
            for aliases in data["columns"].values()
            for alias in aliases
            for word in (first_word(alias), first_word(ascii_key(alias)))
        ),
    )


@dataclass(frozen=True)
class Column:
    index: int
    field: str
    header: str


@dataclass(frozen=True)
class Heading:
    """What the title block and heading say for the whole sheet."""

    lines: tuple[str, ...] = ()
    award_text: str | None = None
    year: int | None = None
    kind: str | None = None
    unit: str | None = None
    decision: str | None = None  # "(Kèm theo Quyết định số 45/QĐ-UBND …)": the list's own decision


@dataclass
class SheetTable:
    """An award table found in a sheet, ready for row-by-row normalising."""

    sheet: str
    grid: list[list[Cell]]
    columns: dict[str, list[Column]]
    header_last_row: int  # 0-based index of the last header row
    first_data_row: int  # 0-based
    heading: Heading
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.first: dict[str, Column] = {name: cols[0] for name, cols in self.columns.items() if cols}
        self.index: dict[str, int] = {name: col.index for name, col in self.first.items()}

    def column(self, name: str) -> Column | None:
        return self.first.get(name)


@dataclass(frozen=True)
class NoTable:
    """Why a sheet holds no award table (a plan, a report, an empty sheet)."""

    sheet: str
    reason: str  # "empty" | "no-header" | "no-award"
    encoding: str | None = None


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


def _remember(memo: dict[Any, str], value: Cell, limit: int) -> str:
    text = clean(value)
    if len(memo) < limit:
        memo[value] = text
    return text


@lru_cache(maxsize=20_000)
def _may_head(text: str) -> bool:
    """Could a header label start with this cell's text (alone, or with the cell below it)?"""
    return bool(text) and first_word(text) in layout_rules().header_first_words


@lru_cache(maxsize=20_000)
def header_field(label: str) -> str | None:
    if not _may_head(label):
        return None  # most cells of the first rows are titles or data: no header starts that way
    rules = layout_rules()
    k = key(label)
    found = rules.header_keys.get(k)
    if found:
        return found
    bare = key(re.sub(r"\(.*?\)", " ", label))
    found = rules.header_keys.get(bare)
    if found:
        return found
    words = bare.split(" ")
    for n in range(len(words) - 1, 1, -1):  # longest alias of at least two words that starts it
        found = rules.header_keys.get(" ".join(words[:n]))
        if found:
            return found
    return rules.header_ascii.get(ascii_key(k)) or rules.header_ascii.get(ascii_key(bare))


def _map_header(labels: list[list[str]]) -> dict[str, list[Column]]:
    """labels[c] lists the candidate labels for column c, most specific first."""
    columns: dict[str, list[Column]] = {}
    for index, candidates in enumerate(labels):
        for label in candidates:
            field_name = header_field(label)
            if field_name:
                if field_name != "ignored" and (field_name == "award" or field_name not in columns):
                    columns.setdefault(field_name, []).append(Column(index, field_name, label))
                break
    return columns


def _score(columns: dict[str, list[Column]]) -> int:
    return len(columns) if "name" in columns else 0


def find_header(grid: list[list[Cell]]) -> tuple[int, int, dict[str, list[Column]]] | None:
    """(first, last, columns) of the best header among the first rows, or None."""
    best: tuple[int, int, int, dict[str, list[Column]]] | None = None
    limit = min(HEADER_SEARCH_ROWS, len(grid))
    below = tuple([text_of(v) for v in grid[0]]) if limit else ()
    for r in range(limit):
        top = below  # each row's texts are worked out once: it is "below" first, then "top"
        below = tuple([text_of(v) for v in grid[r + 1]]) if r + 1 < len(grid) else ()
        found = _header_at(top, below)
        if found is None:
            continue
        score, span, cols = found
        if score >= 2 and (best is None or score > best[0]):
            best = (score, r, r + span, cols)
        elif best is not None and r > best[2] + 3:
            break  # data rows below a header never make a better one
    if best is None:
        return None
    return best[1], best[2], {name: list(columns) for name, columns in best[3].items()}


@lru_cache(maxsize=4096)
def _header_at(top: tuple[str, ...], below: tuple[str, ...]) -> tuple[int, int, dict[str, list[Column]]] | None:
    """(score, 0 or 1 more header row, columns) of a header starting at the row `top`, with
    the row `below` as its possible second tier; None for a row of fewer than two cells.
    Kept per pair of rows: one layout's header recurs in every file made from it."""
    if sum(1 for t in top if t) < 2:
        return None
    if sum(1 for t, b in zip(top, below or top, strict=True) if _may_head(t) or _may_head(b)) < 2:
        return 0, 0, {}  # fewer than two cells start like a header label: a title or a data row
    single = _map_header([[t] for t in top])
    options = [(_score(single), 0, single)]
    if below and not _column_numbers(below):
        labels = []
        for parent, child in zip(top, below, strict=True):
            if not child or child == parent:
                labels.append([parent])
            elif not parent:
                labels.append([child])
            else:
                labels.append([f"{parent} {child}", child, parent])
        double = _map_header(labels)
        options.append((_score(double), 1, double))
    return max(options, key=lambda o: (o[0], -o[1]))


def is_column_numbers(row: list[Cell]) -> bool:
    return _column_numbers([text_of(v) for v in row])


def _column_numbers(values: Sequence[str]) -> bool:
    """ "1 2 3 …" or "(1) (2) …" or "A B C …": the row that numbers the columns under a header."""
    filled = [v for v in values if v]
    return len(filled) >= 2 and all(COLUMN_NUMBER.match(v) for v in filled)


def find_table(sheet: SheetGrid, catalogue: Catalogue, names: tuple[str, ...]) -> SheetTable | NoTable:
    """The award table of a sheet. `names` (sheet, file, folder) give the year as a last resort."""
    grid, encoding = prepare_grid(sheet)
    if not any(text_of(v) for row in grid for v in row):
        return NoTable(sheet.name, "empty", encoding)
    header = find_header(grid)
    if header is None:
        return NoTable(sheet.name, "no-header", encoding)
    first, last, columns = header
    heading = read_heading(grid[:first], catalogue, names)
    if "award" not in columns and heading.award_text is None:
        return NoTable(sheet.name, "no-award", encoding)
    name_key = key(columns["name"][0].header)
    person = name_key.startswith("họ") or "cá nhân" in name_key
    collective = "tập thể" in name_key or "đơn vị" in name_key
    if heading.kind is None and person != collective:
        heading = replace(heading, kind="Cá nhân" if person else "Tập thể")
    header_texts = {text_of(v) for row in grid[first : last + 1] for v in row} - {""}
    data_start = last + 1
    while data_start < len(grid) and (
        is_column_numbers(grid[data_start]) or set(row_texts(grid[data_start])) <= header_texts
    ):
        data_start += 1
    return SheetTable(sheet.name, grid, columns, last, data_start, heading, encoding)


# --- heading ---------------------------------------------------------------------------
def read_heading(rows: list[list[Cell]], catalogue: Catalogue, names: tuple[str, ...] = ()) -> Heading:
    """Award, year, kind and unit named above the header, by the order the issue sets."""
    lines: list[str] = []
    left_lines: list[str] = []
    for number, row in enumerate(rows):
        seen: set[str] = set()
        for index, value in enumerate(row):
            text = text_of(value)
            if text and text not in seen:
                seen.add(text)
                lines.append(text)
                if number < TITLE_BLOCK_ROWS and index < max(1, len(row) // 2):
                    left_lines.append(text)
    award_text = None
    year = None
    kind = None
    decision = None
    for line in lines:
        reference, line_decision, motto, line_year, line_kind, _ = _line_facts(line, catalogue)
        if reference:
            decision = decision or line_decision
            continue
        if award_text is None and not motto:
            award_text = find_award_phrase(line, catalogue)
        if year is None:
            year = line_year
        if kind is None:
            kind = line_kind
    for name in names:
        if year is None:
            year = _single_year(name)
    unit = None
    for line in left_lines:
        if _line_facts(line, catalogue)[5]:
            unit = line
    return Heading(tuple(lines), award_text, year, kind, unit, decision)


LineFacts = tuple[bool, str | None, bool, int | None, str | None, bool]


def _line_facts(line: str, catalogue: Catalogue) -> LineFacts:
    """What one heading line says: (refers to a decision, that decision's number, is the national
    motto, the year it names, the kind a "Danh sách …" line names, could name the unit).
    Title lines recur from file to file, so each distinct line is read once."""
    facts: LineFacts | None = catalogue.line_cache.get(line)
    if facts is None:
        k = key(line)
        reference = any(k.startswith(ref) or f" {ref} " in f" {k} " for ref in layout_rules().decision_reference)
        kind = None
        if k.startswith("danh sách"):
            kinds = {catalogue.match_kind(w) for w in ("cá nhân", "tập thể", "hộ gia đình") if w in k}
            kind = kinds.pop() if len(kinds) == 1 else None
        motto = _is_motto(k)
        unit = not (motto or k.startswith(_NOT_UNIT) or PLACE_DATE.search(k)) and (
            line.upper() == line and any(ch.isalpha() for ch in line)
        )
        facts = (reference, split_decision(line)[0] if reference else None, motto, year_in_heading(line), kind, unit)
        if len(catalogue.line_cache) < 100_000:
            catalogue.line_cache[line] = facts
    return facts


def _is_motto(k: str) -> bool:
    return k.startswith(("cộng hòa xã hội", "độc lập tự do", "độc lập"))


def find_award_phrase(text: str, catalogue: Catalogue) -> str | None:
    """The leftmost phrase of a heading line that names an award (with its issuer).
    Headings repeat from file to file, so each distinct line is searched once."""
    phrases = catalogue.phrase_cache
    if text not in phrases:
        phrases[text] = _find_award_phrase(text, catalogue)
    return phrases[text]


def _find_award_phrase(text: str, catalogue: Catalogue) -> str | None:
    quoted = re.findall(r"[\"“”'‘’«](.+?)[\"“”'‘’»]", text)
    for part in quoted:
        if catalogue.match_award(part):
            return part
    words = _YEAR_TAIL.sub("", key(text)).split(" ")
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if catalogue.match_award(phrase):
            return phrase
    return None


def year_in_heading(text: str) -> int | None:
    """ "năm 2018" or "năm học 2017 - 2018" (→ 2018), never the year of a date."""
    lowered = text.casefold()
    for match in _YEAR_IN_TEXT.finditer(lowered):
        if _DATE_BEFORE.search(lowered[: match.start()]):
            continue
        return int(match.group(2) or match.group(1))
    return None


def _single_year(text: str) -> int | None:
    years = {int(y) for y in _BARE_YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def row_texts(row: list[Cell]) -> list[str]:
    out: list[str] = []
    for value in row:
        text = text_of(value)
        if text and text not in out:
            out.append(text)
    return out
