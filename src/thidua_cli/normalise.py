"""An award table → canonical records (award, level, kind, year …) with provenance, or findings:
the walk down the rows (which row is a record, a section, a sub-heading …); what a block of rows
shares is resolved by `blocks.BlockResolver`.

Two kinds of finding come out: `problems` (the row or file is not counted) and `checks`
(the row is counted, but something in it is wrong: a bad date, a kind that does not fit).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from thidua_cli.blocks import (
    COLLECTIVE_BY_CONTEXT,
    DATE_CHECKS,
    KIND_BY_NAME,
    PERSON_BY_CONTEXT,
    Block,
    BlockResolver,
    Context,
)
from thidua_cli.catalogue import MIDDLE_NAMES, AwardMatch, Catalogue, DecisionSuffix, Issuer
from thidua_cli.cells import COLUMN_NUMBER, row_texts, text_of
from thidua_cli.columns import NAME_MARKS, UNCLEAR, TableCells, table_cells
from thidua_cli.labels import (
    first_word,
    is_note,
    is_place_date,
    is_position,
    is_signature,
    is_totals,
    layout_rules,
    may_total,
    names_group,
    result_mark,
    signers_row,
    without_title,
)
from thidua_cli.layout import Column, SheetTable, year_of_label
from thidua_cli.problems import NOTED_ROWS, Problem, Severity
from thidua_cli.reading import Cell
from thidua_cli.records import Record
from thidua_cli.roles import role_rules
from thidua_cli.rows import (
    is_number,
    label_of,
    numbered_subheading,
    numbering,
    repeats_header,
    section_of,
    subheading_of,
    tail_start,
)
from thidua_cli.text import key, nfc
from thidua_cli.values import parse_year

PROPOSED = "đề nghị"
WITHDRAWN = "rút khỏi danh sách"  # decides wherever it stands in a notes cell (layout.toml [status])
_FIGURES = re.compile(r"(?<![\d/.,-])\d{1,5}(?![\d/.,-])")  # a count in a totals line, not a date or a decision
_COUNT = re.compile(r"\d{1,4}(?:\s*(?:người|cá nhân|tập thể|lượt|đ/c|đồng chí|đơn vị|hộ))?\.?", re.IGNORECASE)  # a cell of a count line
_TOTAL_WORDS = frozenset({"cộng", "tổng"})  # "Cộng khoa Nội", "Tổng I": a subtotal's label, with counts only
_NAME_TAIL = re.compile(r"\s*(?:\n|\s[-–]\s|,\s*)\s*")


@dataclass
class _Walk:
    """Where the walk down a table is: the section's kind and award, the sub-heading's unit."""

    section_kind: str | None
    section_award: str | None
    unit: str
    in_signature: bool
    status: str  # the sheet's: a proposal list read with include_proposals
    kind_by_header: bool = False  # the kind is still only the name header's ("Họ và tên")
    unticked: list[int] = field(default_factory=list)  # rows of a tick matrix without a tick
    tail: int | None = None  # first row of the numbered list's tail (rows.tail_start), found when needed
    first_record: int = 0  # index in `records` of the table's first record
    since_total: int = 0  # … and of the first one after the last totals line
    last_total: tuple[int, int] | None = None  # (0-based row, number) of the last totals line stating one
    outer_unit: str | None = None  # the unit above the collectives that head numbered rows (`_heads_numbered`)
    first_problem: int = 0  # index in `problems` at the table's top, and after the last totals line:
    since_problem: int = 0  # the rows reported not counted count in the clerk's total too
    section_numbering: str = ""  # how the section row naming `section_award` was numbered (rows.numbering)


@dataclass(frozen=True)
class RowNote:
    """A row that is no record, and what it is: section, subheading, totals, signature,
    header-again, skip (an unnumbered row of a label that sets nothing)."""

    sheet: str
    row: int  # Excel row
    what: str
    text: str


@dataclass
class Normaliser(BlockResolver):
    """Turns the rows of one file's tables into records; caches per distinct cell value."""

    catalogue: Catalogue
    file: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checks: list[Problem] = field(default_factory=list)
    _awards: dict[str, AwardMatch | None] = field(default_factory=dict)
    _levels: dict[str, tuple[str, Issuer | None] | None] = field(default_factory=dict)
    _parts: dict[str, list[str]] = field(default_factory=dict)
    _suffixes: dict[str, DecisionSuffix | None] = field(default_factory=dict)
    _splits: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _decision_cells: tuple[int | None, int | None, int | None] = (None, None, None)  # number, date, both
    _year_said: tuple[int, ...] | None = None  # per table (BlockResolver._list_year)
    include_proposals: bool = False  # record rows marked proposed/refused, with their status
    _statuses: dict[str, tuple[str, str]] = field(default_factory=dict)
    _plain: dict[str, str] = field(default_factory=dict)  # award cell → its one award, "" if not plain
    _names: dict[Cell, tuple[str, str]] = field(default_factory=dict)
    _plural: set[str] = field(default_factory=set)  # name cells that name several people
    _not_awarded: dict[str, list[int]] = field(default_factory=dict)  # per table: status → rows
    explain: bool = False  # keep what each row that is not a record was (for `thidua inspect`)
    row_notes: list[RowNote] = field(default_factory=list)

    def add_table(self, table: SheetTable) -> None:
        """The records of one table, row by row: the usual row (numbered, one award cell naming one
        award) inline; any other through `_row` (see `rows` for what a row can be). What a row's
        record takes from its cells is read column by column first (`table_cells`)."""
        sheet_status = PROPOSED if table.heading.proposal else ""
        if sheet_status and not self.include_proposals:
            self._proposal_list(table)
            return
        grid, start, index = table.grid, table.first_data_row, table.index
        self._decision_cells = (index.get("decision_number"), index.get("decision_date"), index.get("decision"))
        end = table.end_row
        cells = table_cells(self, table, start, end, self._name_of)
        self._not_awarded, self._year_said = {}, None
        i_stt = index.get("stt")
        award_cols = table.columns.get("award", [])
        single = award_cols[0] if len(award_cols) == 1 and "tick" not in table.columns and not sheet_status else None
        heading = table.heading
        state = _Walk(heading.kind, None, heading.unit or "", False, sheet_status, heading.kind_from_header)
        state.first_record = state.since_total = len(self.records)
        state.first_problem = state.since_problem = len(self.problems)
        plain, names, awards, add = self._plain.get, cells.names, cells.awards, _Builder(self, table, cells, state).add
        for r in range(start, end):
            row = grid[r]
            stt = row[i_stt] if i_stt is not None else None
            numbered = stt.__class__ is float or stt.__class__ is int or is_number(stt)
            name, position = names[r - start]
            if (
                numbered
                and single is not None
                and name
                and not state.in_signature
                and (len(name) > 4 or not COLUMN_NUMBER.match(name))
                and not (name[:4].casefold() in _TOTAL_WORDS and is_totals(name))  # "3 | Cộng khoa Nội | LĐTT"
            ):
                text = awards[r - start]
                award_text = plain(text)
                if award_text is None:
                    award_text = self._plain_award(text)
                if award_text:  # the usual row
                    add(r, name, state.section_kind, single, award_text, state.unit, "", position)
                    continue
            self._row(table, r, row, stt, numbered, name, position, state, add)
        self._report_not_awarded(table)
        below = len(self.records) - state.since_total
        if state.last_total is not None and below:  # "Cộng: 4 người", then two more people
            r, stated = state.last_total
            self._finding_at(self.checks, "after-total", table, r, None, value=str(stated), detail=str(below))
        if state.unticked and not _any_tick(table):  # not one tick in the matrix: no matrix to trust
            at, tick = table.columns["name"][0].index, table.columns["tick"][0]
            for r in state.unticked:  # ("Hình thức khen thưởng" over "Lao động tiên tiến" typed once, read as ticks)
                who = text_of(table.grid[r][at]) if at < len(table.grid[r]) else ""
                self._finding_at(self.problems, "missing-award", table, r, tick, value=who)
        elif state.unticked:
            first = state.unticked[0] + 1
            self.problems.append(Problem("no-tick", self.file, table.sheet, first, detail=str(len(state.unticked))))

    def _plain_award(self, text: str) -> str:
        """The award text of a cell that names one award with no status mark, else ""."""
        parts = self._award_parts(text) if text else []
        award_text = ""
        if len(parts) == 1:
            status, bare = self._status(parts[0])
            award_text = "" if status else bare
        self._plain[text] = award_text
        return award_text

    def _row(
        self,
        table: SheetTable,
        r: int,
        row: list[Cell],
        stt: Cell,
        numbered: bool,
        name: str,
        position: str,
        state: _Walk,
        add: Callable[..., None],
    ) -> None:
        """Any row but the usual one: a repeated header, a row of the signature block, a section,
        a sub-heading, a total; a row of several awards, of ticks, of a status, or none."""
        if (not numbered or (len(name) <= 4 and COLUMN_NUMBER.match(name))) and repeats_header(table, row):
            if self.explain:
                self._note(table, r, "header-again", name)
            return  # a second table's header; column numbers again
        if state.in_signature:
            if not (numbered and name):
                return
            state.in_signature = False
        if self._not_a_record(table, r, row, stt, name, state, numbered):
            return
        if not numbered:
            state.tail = tail_start(table) if state.tail is None else state.tail
            if r >= state.tail and self._after_list(table, r, row, name, state):
                return
        own = self._own_awards(table, r, row, table.columns.get("award", []), state.section_award or table.heading.award_text)
        if not name:
            if own:
                ctx = Context(table, r, row, name, state.section_kind)
                self.problem("missing-name", ctx, table.columns["name"][0], value=own[0][1])
            return
        if not own:
            if "tick" in table.columns:
                state.unticked.append(r)  # a tick matrix: a row with no tick holds no award
                return
            fallback = state.section_award or table.heading.award_text
            if fallback is None:
                ctx = Context(table, r, row, name, state.section_kind)
                award_cols = table.columns.get("award")
                self.problem("missing-award", ctx, award_cols[0] if award_cols else None, value=name)
                return
            if award_cols := table.columns.get("award"):  # the row's own cell is empty: say so
                match = self.match(fallback)  # once per distinct text
                said = match.award.name if match else fallback
                self._finding_at(self.checks, "award-from-heading", table, r, award_cols[0], value=said)
            own = [(None, fallback)]
        statuses = self._statuses
        heads = not numbered and self._heads_numbered(table, r, name)
        if heads:  # "Trường TH Kim Đồng | TTLĐXS" over "1 | Tổ 1 | TTLĐTT": its own award, and their unit
            state.unit = state.outer_unit = state.unit if state.outer_unit is None else state.outer_unit
        for column, text in own:
            status, award_text = statuses.get(text) or self._status(text)
            add(r, name, state.section_kind, column, award_text, state.unit, status or state.status, position)
        if heads:
            state.unit = name

    def _heads_numbered(self, table: SheetTable, r: int, name: str) -> bool:
        """Is an unnumbered collective's row with an award of its own (a school over its teams,
        a hospital department over its staff) followed by numbered rows? Then it is their unit
        too, as a sub-heading is: "Tổ 1" under two schools is two collectives."""
        i_stt = table.index.get("stt")
        if i_stt is None or r + 1 >= table.end_row or not is_number(table.grid[r + 1][i_stt]):
            return False
        return self.catalogue.name_kind(name) == "Tập thể"

    def _not_a_record(
        self, table: SheetTable, r: int, row: list[Cell], stt: Cell, name: str, state: _Walk, numbered: bool = False
    ) -> bool:
        """A row that is no record: it may open a section, set the unit or start the signature
        block (`state` follows); False for a record row. A numbered row is no record only as a
        total or a section: its number and one label ("2 | Cộng: 2 người", "2. | TẬP THỂ"), or a
        total in the name cell ("6 | Cộng | | 5")."""
        if numbered:  # "6 | Cộng | | 5": the numbering runs on into the total
            if may_total(name) and is_totals(name):
                what: tuple[str, str | None, str | None] | None = ("totals", None, None)
            else:
                what = self._numbered_label(table, r, row, stt, name)
        else:
            what = self._other_row(table, r, row, stt, name) or self._count_line(table, r, row, state)
        if what is None:
            return False
        sibling = state.section_award is not None and state.section_numbering and what[0] in ("subheading", "skip")
        if sibling and numbering(stt, row_texts(row)) == state.section_numbering:  # "II | GIÁO VIÊN GIỎI" after "I | LĐTT"
            state.section_award = None  # a section of its own, its award unknown: the rows below say theirs or are reported
        if self.explain:
            self._note(table, r, what[0], " | ".join(row_texts(row)))
        if what[0] == "totals":
            self._check_total(table, r, row, state)
        if what[0] == "signature":
            state.in_signature = True
        elif what[0] == "section":
            state.section_kind, state.section_award = what[1] or state.section_kind, what[2]
            state.section_numbering = numbering(stt, row_texts(row)) if what[2] else ""
            state.kind_by_header = state.kind_by_header and not what[1]
            state.tail = tail_start(table) if state.tail is None else state.tail
            if r >= state.tail:
                state.tail = 1 << 31  # a section below the last numbered row: the list goes on
            state.unit = (table.heading.unit or "") if what[1] else state.unit
            state.outer_unit = None if what[1] else state.outer_unit
        elif what[0] == "second-award":  # a second line of the person above, or a section? Not guessed
            ctx = Context(table, r, row, name, state.section_kind)
            self.problem("missing-name", ctx, table.columns["award"][0], value=" ".join(row_texts(row)))
        elif what[0] == "subheading":
            state.unit, state.outer_unit = what[1] or state.unit, None
        elif what[0] == "position" and self.records and self.records[-1][2] == r and not self.records[-1][4]:
            last = self.records[-1]  # the record of the row above takes it as its position
            self.records[-1] = (*last[:4], name, *last[5:])
        return True

    def _count_line(self, table: SheetTable, r: int, row: list[Cell], state: _Walk) -> tuple[str, None, None] | None:
        """An unnumbered row of a label and counts only ("Cộng khoa Nội | | 2", "Tổng I | 5"): a
        subtotal typed mid-table ("totals", compared like any); under the list, the lines of a
        clerk's breakdown ("Trong đó:", then "- Lao động tiên tiến | 2"): nothing ("skip"). Never
        in a tick matrix (its ticks may be "1"), nor mid-list for an award's name (a section with
        its count over its people)."""
        texts = row_texts(row)
        if len(texts) < 2 or "tick" in table.columns or not all(_COUNT.fullmatch(t) for t in texts[1:]):
            return None
        label = texts[0].strip("-+*•.: ")
        if first_word(label) in _TOTAL_WORDS:  # not "Tổng công ty … | 2020", "Cộng đồng dân cư … | 2020": collectives
            year = table.index.get("year")
            dated = year is not None and text_of(row[year]) != "" and parse_year(row[year]) is not None
            return None if dated or self.catalogue.name_kind(label) == "Tập thể" else ("totals", None, None)
        state.tail = tail_start(table) if state.tail is None else state.tail
        return ("skip", None, None) if r >= state.tail and self.match(label) is not None else None

    def _other_row(
        self, table: SheetTable, r: int, row: list[Cell], stt: Cell, name: str
    ) -> tuple[str, str | None, str | None] | None:
        """What an unnumbered row is: ("skip"), ("signature"), ("section", kind, award text),
        ("subheading", unit), ("position": a position alone in the name cell, the line under a
        person's name) — or None for a record row."""
        texts = row_texts(row)
        if not texts:
            return "blank", None, None
        if is_totals(texts[0]) or (len(texts) == 1 and texts[0] == name and is_number(name)):  # "5" alone as a name: a count
            return "totals", None, None
        if (is_signature(texts[0]) or is_place_date(texts[0])) and not any(
            (text := text_of(row[c.index])) and not is_signature(text) for c in table.columns.get("award", []) if c.index < len(row)
        ):  # "HIỆU TRƯỞNG" typed in the award column under the list is a signer's title too
            return "signature", None, None
        if signers_row(texts):  # "Kế toán | Thủ quỹ", "Người lập biểu | Giám đốc" (in the award column)
            return "signature", None, None
        if texts == [name] and key(name) in layout_rules().positions:  # "Giáo viên" typed under the name above
            return "position", None, None
        section = section_of(texts, stt, self.catalogue)
        if section and section.award_text and not section.kind and self._second_award(table, r, row):
            return "second-award", None, section.award_text
        if section and (section.kind or section.award_text):
            return "section", section.kind, section.award_text
        unit = subheading_of(table, r, name, self.catalogue)
        if unit:
            return "subheading", unit, None
        return ("skip", None, None) if section else None

    def _second_award(self, table: SheetTable, r: int, row: list[Cell]) -> bool:
        """Is an award written alone in the award cell, right under a record ("Nguyễn Văn An | LĐTT"
        then " | Giấy khen"), over a row with an award of its own, the second award of the person
        above (where merged name cells would say so) rather than a section naming the award of the
        rows below (it would name none of theirs, or there are none)?"""
        awards = {c.index for c in table.columns.get("award", [])}
        filled = {i for i, v in enumerate(row) if text_of(v)}
        if not filled or not filled <= awards or not self.records or self.records[-1][2] != r:
            return False
        if any(table.merged_from_above(r + 1, i) for i in awards):
            return False  # the award cell merged down over the rows below: theirs
        below = next((g for g in table.grid[r + 1 : table.end_row] if len(set(row_texts(g))) > 1), None)  # not a merged line
        return below is None or any(i < len(below) and text_of(below[i]) for i in awards)  # the table's last line too

    def _after_list(self, table: SheetTable, r: int, row: list[Cell], name: str, state: _Walk) -> bool:
        """An unnumbered row under the last numbered one (rows.tail_start): a note ("Ghi chú: …")
        opens the notes, which run to the end like a signature block; a named row with no award
        cell of its own (a signer's name under a title the reader does not know, where the heading
        names the award) is reported after-list. False — read on, as any row — for a row with no
        name, one with its own award ("- | Phạm Văn Dũng | LĐTT": "-", "*" mark a row in the STT
        cell), and one with the name of the row above (merged down over it or typed again: that
        person's next award). A note is known by its first text ("Ghi chú:" is often typed in the
        STT column; a "-" or "*" there before other texts only marks the row) and holds no award."""
        texts, i_stt, i_name = row_texts(row), table.index.get("stt"), table.index["name"]
        if len(texts) > 1 and i_stt is not None and texts[0] == text_of(row[i_stt]) and not texts[0].strip("-*+•. "):
            texts = texts[1:]
        first = texts[0] if texts else ""
        # an award cell that repeats the note (merged across the row) is the note's own text
        awarded = any((t := text_of(row[c.index])) and t != first for c in table.columns.get("award", []))
        if first and is_note(first) and (not awarded or first.strip("-*+•./ ").casefold() not in ("", "hết")):
            state.in_signature = True  # "Ghi chú: các đồng chí trên đạt | LĐTT" is a note too
            return True
        if not name or awarded or table.merged_from_above(r, i_name) or name == text_of(table.grid[r - 1][i_name]):
            return False
        self.problem("after-list", Context(table, r, row, name, state.section_kind), table.column("name"), value=name)
        return True

    def _check_total(self, table: SheetTable, r: int, row: list[Cell], state: _Walk) -> None:
        """A totals line that states one number ("Cộng: 4 người", "Tổng cộng | | 4") is compared
        with the records read above it — since the last totals line, or since the table's top (a
        grand total under subtotals) — and the warning total-differs says when neither matches
        (a row hidden, added under the total, or not read)."""
        texts = row_texts(row)
        if texts and key(texts[0]).startswith("trong đó"):
            return  # "Trong đó: nữ 1": a part of the total above, no total of the rows
        figures = [_FIGURES.findall(t) for t in texts]
        numbers = {int(n) for found in figures for n in found}
        ticks = table.columns.get("tick", ())
        if len(numbers) != 1 or any(len(found) > 1 for found in figures) or sum(1 for c in ticks if text_of(row[c.index])) > 1:
            return  # none, or several ("3 cá nhân, 2 tập thể" — "2 cá nhân, 2 tập thể" too —, a year): nothing to compare
        stated, counted = numbers.pop(), len(self.records)
        since, whole = counted - state.since_total, counted - state.first_record
        lost_since, lost_whole = self._lost(state.since_problem), self._lost(state.first_problem)
        subtotal = bool(texts) and names_group(texts[0] if not is_number(texts[0]) or len(texts) < 2 else texts[1])
        state.since_total, state.since_problem = counted, len(self.problems)
        state.last_total = None if subtotal else (r, stated)  # rows under "Cộng khoa Nội: 2" are the next group's
        if stated not in (since, whole, since + lost_since, whole + lost_whole) and since:
            detail = str(since) if since == whole else f"{since}; {whole}"
            self._finding_at(self.checks, "total-differs", table, r, None, value=str(stated), detail=detail)

    def _lost(self, since: int) -> int:
        """Rows reported not counted from `problems[since]` on, and rows marked not awarded: the
        clerk's total counts them as listed."""
        rows = {
            p.row for p in self.problems[since:] if p.row is not None and (p.severity is Severity.ERROR or p.code in NOTED_ROWS)
        }
        return len(rows) + sum(len(v) for v in self._not_awarded.values())

    def _numbered_label(
        self, table: SheetTable, r: int, row: list[Cell], stt: Cell, name: str
    ) -> tuple[str, str | None, str | None] | None:
        """("totals"), ("section", kind, award text) or ("subheading", unit) for a row of a number
        and one label. An award alone in the award column ("2 | | LĐTT") is a record without its
        name (missing-name), no section; a unit numbered over its members ("1 | Khoa Nội" over
        "1.1 | Lê Văn An | …") is a sub-heading (rows.numbered_subheading)."""
        if sum(1 for v in row if v is not None and v != "") != 2:  # (most records hold more)
            return None
        label, _ = label_of(row_texts(row), stt)
        if len(label) != 1:
            return None
        if is_totals(label[0]):
            return "totals", None, None
        if not name and any(text_of(row[c.index]) == label[0] for c in table.columns.get("award", ())):
            return None
        section = section_of(label, None, self.catalogue)
        if section and (section.kind or section.award_text):
            return "section", section.kind, section.award_text
        unit = numbered_subheading(table, r, stt, name, self.catalogue) if name == label[0] else None
        return ("subheading", unit, None) if unit else None

    def _note(self, table: SheetTable, r: int, what: str, text: str) -> None:
        if what != "blank":
            self.row_notes.append(RowNote(table.sheet, r + 1, what, text))

    def _own_awards(
        self, table: SheetTable, r: int, row: list[Cell], award_cols: list[Column], fallback: str | None = None
    ) -> list[tuple[Column | None, str]]:
        """The awards a row names in several award columns and in tick columns (a tick gives its
        column's award; anything else in a tick cell is reported). In a matrix of years ("Năm" ›
        2019 | 2020), each tick is the row's award in its column's year (`blocks` reads the year
        from the column): the award of its award cell, else the section's or heading's
        (`fallback`); a tick with none is missing-award."""
        own: list[tuple[Column | None, str]] = [
            (c, part) for c in award_cols if (text := text_of(row[c.index])) for part in self._award_parts(text)
        ]
        ticks = table.columns.get("tick")
        if not ticks:
            return own
        marks, name = role_rules().ticks, text_of(row[table.index["name"]])
        by_year = any(year_of_label(c.header) is not None for c in ticks)
        named = [text for _, text in own] or ([fallback] if fallback else [])
        own = [] if by_year else own  # by year, an award cell says what each tick is, not an award of its own
        for column in ticks:
            text = text_of(row[column.index])
            if text and text not in marks:
                self.problem("bad-tick", Context(table, r, row, name, None), column, value=text)
            elif text and not by_year:
                own.append((column, column.header))
            elif text and named:
                own += [(column, award) for award in named]
            elif text:
                self.problem("missing-award", Context(table, r, row, name, None), column, value=name)
        written = [c for c in award_cols if text_of(row[c.index])]
        if by_year and written and not any(text_of(row[c.index]) for c in ticks):  # an award, no year ticked
            self.problem("bad-year", Context(table, r, row, name, None), written[0], value="")
        return own

    def _status(self, text: str) -> tuple[str, str]:
        """(status, the award text without its mark): "Lao động tiên tiến (đề nghị)" →
        ("đề nghị", "Lao động tiên tiến"); ("", text) for an award given."""
        found = self._statuses.get(text)
        if found is None:
            found = "", text
            lowered = text.casefold()
            for pattern, status in layout_rules().status:
                match = pattern.search(lowered)
                if match:
                    bare = (text[: match.start()] + " " + text[match.end() :]).strip(" -–:")
                    found = status, " ".join(bare.split())
                    break
            self._statuses[text] = found
        return found

    def _note_status(self, notes: str) -> str:
        """The status a notes cell gives when it is only a mark ("Không đạt", "(đề nghị)"), else ""."""
        found = self._statuses.get(f"\0{notes}")
        if found is None:
            status, rest = self._status(notes if notes.startswith("(") else f"({notes})")
            found = self._statuses[f"\0{notes}"] = (status if status == WITHDRAWN or not rest.strip(" ()") else "", "")
        return found[0]

    def _doubtful(self, table: SheetTable, r: int, notes: str) -> bool:
        """Does the note make the award doubtful ("Kỷ luật", "Đang bị thanh tra": layout.toml
        [doubts])? Then the row is reported doubtful-note, not counted. Once per distinct note."""
        found = self._statuses.get(f"\1{notes}")
        if found is None:
            rules, lowered = layout_rules(), notes.casefold()
            reason = "" if any(p.search(lowered) for p in rules.not_doubts) else next(
                (why for p, why in rules.doubts if p.search(lowered)), ""
            )
            found = self._statuses[f"\1{notes}"] = (reason, "")
        if not found[0]:
            return False
        column = table.columns["notes"][0]
        self._finding_at(self.problems, "doubtful-note", table, r, column, value=notes, detail=found[0])
        return True

    def _result_status(self, table: SheetTable, r: int, result: str) -> str | None:
        """The status a result cell gives ("" achieved or unsaid; "không đạt", "chưa đạt"), or None
        for an unclear one (blank or two marks in a column of marks), reported unclear-result."""
        if result[0] == UNCLEAR:
            column = table.columns["result"][0]
            name = text_of(table.grid[r][table.index["name"]])
            self._finding_at(self.problems, "unclear-result", table, r, column, value=name, detail=result[1:] or None)
            return None
        found = result_mark(result)
        return self._note_status(result) if found is None else found

    def _name_of(self, raw: str) -> tuple[str, str]:
        return self._names.get(raw) or self._name(raw)

    def _name(self, raw: Cell) -> tuple[str, str]:
        """(name, position written after it in the same cell) per distinct name cell:
        "Nguyễn Văn An\nHiệu trưởng", "Nguyễn Văn An - Hiệu trưởng" → name and position."""
        name = text_of(raw)
        found = name, ""
        if raw.__class__ is str:
            untitled = _untitled(raw, self.catalogue)
            found = _split_name(untitled, text_of(untitled), self.catalogue)
            if _several_people(raw, self.catalogue):  # kept whole: no single person's name
                found = name, ""
                self._plural.add(name)
        with contextlib.suppress(TypeError):
            self._names[raw] = found
        return found

    def _proposal_list(self, table: SheetTable) -> None:
        """A proposal list is no award list: reported once, with how many rows it holds."""
        i_stt, i_name = table.index.get("stt"), table.index["name"]
        rows = [
            r
            for r in range(table.first_data_row, table.end_row)
            if text_of(table.grid[r][i_name])
            and (i_stt is None or (is_number(table.grid[r][i_stt]) and text_of(table.grid[r][i_stt])))
        ]
        first = rows[0] + 1 if rows else None
        self.problems.append(
            Problem("proposal-list", self.file, table.sheet, first, value=table.heading.proposal, detail=str(len(rows)))
        )

    def _report_not_awarded(self, table: SheetTable) -> None:
        if self.include_proposals:
            return
        for status, rows in self._not_awarded.items():
            self.problems.append(
                Problem("not-awarded", self.file, table.sheet, rows[0] + 1, value=status, detail=str(len(rows)))
            )


def _untitled(raw: str, catalogue: Catalogue) -> str:
    """A name cell without the titles before a person's name ("Đ/c Nguyễn Văn An", "ThS. BSCKII
    Lê Văn Cường", "Thượng tá …": layout.toml [names] titles), so that the person is the same
    with or without them (in a list and its copy, in two lists, for history and eligibility);
    the cell itself when what follows the titles is no person's name ("Cô Tô …")."""
    text = nfc(raw)
    rest = without_title(text)
    if rest is text:
        return raw
    head = _NAME_TAIL.split(rest.strip(), maxsplit=1)[0]
    return rest if catalogue.name_kind(text_of(head)) == "Cá nhân" else raw


def _split_name(raw: str, name: str, catalogue: Catalogue) -> tuple[str, str]:
    """(name, position) of a name cell that holds both: the position after a line break, or
    after a dash or comma when it starts with a position word (layout.toml [names])."""
    parts = _NAME_TAIL.split(raw.strip(), maxsplit=1)
    if len(parts) < 2:
        return name, ""
    head, tail = " ".join(parts[0].split()), " ".join(parts[1].split())
    if not head or not tail or catalogue.name_kind(head) != "Cá nhân":
        return name, ""
    if is_position(key(tail)):
        return head, tail
    if "\n" in raw.strip() and catalogue.name_kind(tail) != "Cá nhân":  # two names in a cell stay whole
        return head, tail
    return name, ""


def _several_people(raw: str, catalogue: Catalogue) -> bool:
    """A name cell naming two people or more ("Lê Văn An, Trần Thị Bình", "Ông … và bà …",
    "… – …", each with a position or not): two of its parts people's names (an honorific
    before them aside), not positions ("Phó Hiệu trưởng": Phó is a surname too)."""
    people = 0
    for part in NAME_MARKS.split(raw.strip().replace("đ/c ", "").replace("Đ/c ", "")):
        part = without_title(" ".join(part.split()))
        if catalogue.name_kind(part) == "Cá nhân" and not is_position(key(part)):
            people += 1
    return people > 1


def _any_tick(table: SheetTable) -> bool:
    """Does any named row of the table hold anything in a tick column?"""
    ticks = [c.index for c in table.columns.get("tick", [])]
    name = table.columns["name"][0].index
    rows = (
        row
        for row in table.grid[table.first_data_row : table.end_row]
        if name < len(row) and (text := text_of(row[name])) and not is_totals(text)  # "Cộng | | 3": no tick
    )
    return any(i < len(row) and text_of(row[i]) for row in rows for i in ticks)


def _after_position(name: str, name_kind: Callable[[str], str | None]) -> bool:
    """Does a person's name follow a position ("Đội trưởng Trần Văn Bình", "Kíp trưởng Lê Văn An",
    "Phó Trưởng phòng Trần Thị Hoa": a position of [names] positions, or a unit word then "trưởng"
    or "phó")? The unit word is no collective's name then. Most names are asked (every name of a
    collectives' list): those that cannot start so are told from their plain lower case, without
    their matching key."""
    rules = layout_rules()
    folded = name.casefold()
    if folded.isascii() or (unicodedata.is_normalized("NFC", folded) and " " in folded):
        plain = folded.split()
        second = plain[1].strip(":,.-") if len(plain) > 1 else ""
        if len(plain) < 3 or (second not in ("trưởng", "phó") and not " ".join(plain).startswith(rules.position_heads)):
            return False
    k = key(name)
    words = k.split()
    if len(words) < 3:
        return False
    positioned = k.startswith(rules.position_heads)
    heads = [n for n in (1, 2, 3) if " ".join(words[:n]) in rules.positions] if positioned else []
    heads = heads or ([2] if words[1] in ("trưởng", "phó") else [])
    return any(len(words) - n >= 2 and _a_persons(words[n:], name_kind) for n in heads)


def _a_persons(words: list[str], name_kind: Callable[[str], str | None]) -> bool:
    """Do the words name a person: as the catalogue's surnames say, or, where the surname also
    starts a unit's name ("Đoàn", "Lâm": the name alone says neither), with "Văn" or "Thị" after it?"""
    return name_kind(" ".join(words)) == "Cá nhân" or (3 <= len(words) <= 4 and words[1] in MIDDLE_NAMES)


def _under_an_award(findings: list[tuple[str, Problem]]) -> list[tuple[str, Problem]]:
    """Under a heading or section naming an award ("… ĐƯỢC TẶNG GIẤY KHEN"), a contest's result
    in the award cell ("Giáo viên dạy giỏi", "HTXSNV") may be why the award was given or a row of
    no award: which one, nobody can say, so it is unknown-award (an error), not a note."""
    return [(sink, replace(p, code="unknown-award", detail=None) if p.code == "not-an-award" else p) for sink, p in findings]


class _Builder:
    """The records of one table: `add(r, name, section kind, award column, award text, unit,
    status, position)` for each award a row names (unit: of the sub-heading above, else the
    heading's; position: written after the name in its cell). A row with a status is counted
    only with include_proposals.

    Award, kind, level and year are resolved once per distinct combination of the cells they
    depend on (rows of a block share them: `TableCells.keys`), then reused; the decision's date
    once per distinct value."""

    __slots__ = ("append", "cells", "fixed", "name_kind", "norm", "resolved", "start", "starts", "table", "walk")

    def __init__(self, norm: Normaliser, table: SheetTable, cells: TableCells, walk: _Walk) -> None:
        self.norm, self.table, self.cells, self.start, self.walk = norm, table, cells, cells.start, walk
        self.resolved: dict[tuple[Any, ...], Block] = {}  # depends on the table (its heading year, decision …)
        year = table.index.get("year")
        self.fixed = (norm.file, table.sheet, table.index["name"], -1 if year is None else year)
        self.append, self.name_kind, self.starts = norm.records.append, norm.catalogue.name_kind, norm.catalogue.collective_starts

    def add(
        self,
        r: int,
        name: str,
        section_kind: str | None,
        column: Column | None,
        award_text: str,
        unit: str,
        status: str,
        position: str,
    ) -> None:
        j, cells, norm = r - self.start, self.cells, self.norm
        number, date_value, date_column = cells.decisions[j]
        by_header = self.walk.kind_by_header
        signature = (award_text, column.index if column else -1, section_kind, cells.keys[j], by_header)
        block = self.resolved.get(signature)
        if block is None:
            ctx = Context(self.table, r, self.table.grid[r], name, section_kind, by_header)
            block = self.resolved[signature] = norm._block(ctx, column, award_text, number, cells.kinds[j])
        fields, single, findings = block
        if findings and fields is None and (self.walk.section_award or self.table.heading.award_text):
            findings = _under_an_award(findings)
        if findings:
            norm._repeat(findings, r, name, number)
        if fields is None:
            return
        if self.table.struck and self._struck(r, column):
            return
        notes = cells.notes[j]
        if notes and not status:  # "Không đạt", "Đề nghị" written in the notes
            status = norm._note_status(notes)
            if not status and norm._doubtful(self.table, r, notes):  # "Kỷ luật khiển trách"
                return
        if cells.results and cells.results[j] and not status:  # "Kết quả": "Không đạt", "x"
            said = norm._result_status(self.table, r, cells.results[j])
            if said is None:
                return
            status = said
        if status and not norm.include_proposals:
            norm._not_awarded.setdefault(status, []).append(r)
            return
        written, award, category, level, issuer, year, detail, period_start, method = fields
        kind = self._named_kind(r, name, written, single, column, award)
        if kind is None:
            return
        if kind == "Cá nhân" and name in norm._plural:  # once would lose some, twice would guess
            norm._finding_at(norm.problems, "several-people", self.table, r, self.table.columns["name"][0], value=name)
            return
        date = ""
        if date_value != "":  # checked once per distinct cell and year
            found = DATE_CHECKS.get((date_value.__class__, date_value, year))
            date = (
                found[0]
                if found and not found[1]
                else norm._date(self.table, r, self.table.grid[r], date_value, date_column, year)
            )
        file, sheet, name_index, year_index = self.fixed
        # every field named, in RECORD_FIELDS order: one BUILD_TUPLE (`*fields` builds a list first)
        # fmt: off
        record = (file, sheet, r + 1, name, cells.positions[j] or position, cells.units[j] or unit,
                  kind, award, category, level, issuer, year, number, date, notes, award_text, detail,
                  period_start, year, status, name_index, column.index if column else -1, year_index, method)
        # fmt: on
        self.append(record)

    def _looks(self, name: str) -> str | None:
        """The kind the name shows, a position before a person's name making it a person's
        ("Đội trưởng Trần Văn Bình", "Trạm trưởng Lê Văn An": `_after_position`)."""
        found = self.name_kind(name)
        if found == "Cá nhân" or name.count(" ") < 2:  # a position and a person's name: three words or more
            return found
        return "Cá nhân" if _after_position(name, self.name_kind) else found

    def _struck(self, r: int, column: Column | None) -> bool:
        """Is the row's name, or its award cell, struck through (the clerk's way of taking a person
        off a printed list)? Then it is reported struck-out, never counted."""
        table, struck = self.table, self.table.struck
        i_name = table.index["name"]
        if (r, i_name) not in struck and (column is None or (r, column.index) not in struck):
            return False
        norm = self.norm
        norm._finding_at(norm.problems, "struck-out", table, r, table.columns["name"][0], value=text_of(table.grid[r][i_name]))
        return True

    def _named_kind(
        self, r: int, name: str, kind: str, single: str | tuple[str, ...] | None, column: Column | None, award: str
    ) -> str | None:
        """The record's kind once its recipient's name is read (`Block`'s second part says how):
        the name's own where nothing else says it (None, reported ambiguous-kind, when it shows
        none of the award's kinds); Tập thể for a collective's name that only a "Họ và tên" header
        calls a person (kind-from-name), None (kind-conflict) for one that a heading or section
        row of individuals holds, and for a name with "Văn" or "Thị" in the middle under a section
        of collectives (a school or a commune may bear a person's name); None (ambiguous-kind) for
        a name that reads both ways ("Lâm Trường Sơn": `Catalogue.reads_both`) under a "Họ và tên"
        header only, a section of individuals deciding it; a person's award to a name that looks
        otherwise is flagged kind-mismatch. A person's name is asked of name_kind only when its
        first word starts a collective prefix."""
        if not single:
            return kind
        norm, table = self.norm, self.table
        if kind is KIND_BY_NAME:
            kind = self._looks(name) or ""
            if isinstance(single, tuple) and kind in single:
                return kind
            norm._finding_at(norm.problems, "ambiguous-kind", table, r, None, value=name)
            return None
        person = single is PERSON_BY_CONTEXT or single == "Cá nhân"
        first = name.split(None, 1)[:1]
        prefixed = bool(first) and first[0].casefold() in self.starts
        looks = self._looks(name) if not person or prefixed else None
        if single is PERSON_BY_CONTEXT:  # "Phòng Kế hoạch | Giấy khen" under "Họ và tên"
            if looks in ("Tập thể", "Hộ gia đình"):  # "Gia đình ông Nguyễn Văn An" too
                name_column = table.columns["name"][0]
                if self.walk.kind_by_header:
                    norm._finding_at(norm.checks, "kind-from-name", table, r, name_column, value=name, detail=name_column.header)
                    return looks
                norm._finding_at(norm.problems, "kind-conflict", table, r, name_column, value=name, detail=looks)
                return None  # "Phòng Kế toán" under "I. CÁ NHÂN"
            if looks is None and prefixed and self.walk.kind_by_header and norm.catalogue.reads_both(name):
                norm._finding_at(norm.problems, "ambiguous-kind", table, r, table.columns["name"][0], value=name)
                return None  # "Đoàn Công Tác", "Lâm Trường Sơn" under "Họ và tên" alone: a person, or a collective?
        elif single is COLLECTIVE_BY_CONTEXT:
            words = name.casefold().split()  # "Lê Lợi", "Hà Trung": schools and districts bear persons' names
            person = looks == "Cá nhân" and len(words) > 2 and words[1] in MIDDLE_NAMES
            if person and not self.walk.kind_by_header:  # "Trần Thị Bình" under "II. TẬP THỂ"
                norm._finding_at(norm.problems, "kind-conflict", table, r, table.columns["name"][0], value=name, detail=looks)
                return None
        elif looks and looks != single and not (single == "Hộ gia đình" and looks == "Cá nhân"):  # a household by its head
            norm._finding_at(norm.checks, "kind-mismatch", table, r, column, value=award, detail=looks)
        return kind
