"""An award table → canonical records (award, level, kind, year …) with provenance, or findings.

Two kinds of finding come out: `problems` (the row or file is not counted) and `checks`
(the row is counted, but something in it is wrong: a bad date, a kind that does not fit).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from thidua_cli.catalogue import Award, AwardMatch, Catalogue, DecisionSuffix, Issuer
from thidua_cli.cells import COLUMN_NUMBER, row_texts, text_of
from thidua_cli.labels import is_place_date, is_signature, is_totals, layout_rules
from thidua_cli.layout import Column, SheetTable
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell
from thidua_cli.records import Record
from thidua_cli.roles import role_rules
from thidua_cli.rows import is_number, repeats_header, section_of, subheading_of
from thidua_cli.text import key
from thidua_cli.values import BadDate, parse_date, parse_year, split_decision

# (award, category, kind, level, issuer, year): what the cells of a block of rows share.
ResolvedFields = tuple[Award, str, str, str, str, int]
Resolved = tuple[ResolvedFields | None, list[tuple[str, Problem]]]
# A block's resolution as a record needs it: (kind, award, category, level, issuer, year), the
# kind to compare the recipient's name with (or None), and the findings to repeat per row.
Block = tuple[tuple[str, str, str, str, str, int] | None, str | None, list[tuple[str, Problem]]]
_SEPARATORS = re.compile(r"\s*(?:[,;+\n]|\bvà\b)\s*")
# (cell type, cell value, award year) → (ISO date, what is wrong with it): dates recur from file
# to file, and reading a typed date costs more than a whole row.
_DATE_CHECKS: dict[tuple[type, Cell, int], tuple[str, str | None]] = {}
_ZERO_DIGITS = str.maketrans("123456789", "000000000")
_WHITE_SPACE = re.compile(r"\s")
_SHAPES: dict[str, dict[str, tuple[int, bool]]] = {}  # per catalogue fingerprint: see Normaliser._shape
PROPOSED = "đề nghị"
_NAME_TAIL = re.compile(r"\s*(?:\n|\s[-–]\s|,\s*)\s*")
_DECISION_FORM = re.compile(r"^\d+[A-Za-z]?/(?:\d{4}/)?[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ0-9&]+)+$")


@dataclass
class _Walk:
    """Where the walk down a table is: the section's kind and award, the sub-heading's unit."""

    section_kind: str | None
    section_award: str | None
    unit: str
    in_signature: bool
    status: str  # the sheet's: a proposal list read with include_proposals


@dataclass(frozen=True)
class RowNote:
    """A row that is no record, and what it is: section, subheading, totals, signature,
    header-again, skip (an unnumbered row of a label that sets nothing)."""

    sheet: str
    row: int  # Excel row
    what: str
    text: str


@dataclass(frozen=True)
class Context:
    """What is known about a row before its award is read: where it is and what it is under."""

    table: SheetTable
    r: int  # 0-based grid row
    row: list[Cell]
    name: str
    section_kind: str | None

    def cell(self, field_name: str) -> str:
        index = self.table.index.get(field_name)
        return "" if index is None else text_of(self.row[index])


@dataclass
class Normaliser:
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
    _resolved: dict[tuple[Any, ...], Block] = field(default_factory=dict)  # per table: see add_table
    _splits: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _cells: tuple[int | None, ...] = ()  # the table's kind, level, year, position, unit, notes columns
    _decision_cells: tuple[int | None, int | None, int | None] = (None, None, None)  # number, date, both
    include_proposals: bool = False  # record rows marked proposed/refused, with their status
    _statuses: dict[str, tuple[str, str]] = field(default_factory=dict)
    _plain: dict[str, str] = field(default_factory=dict)  # award cell → its one award, "" if not plain
    _names: dict[Cell, tuple[str, str]] = field(default_factory=dict)
    _not_awarded: dict[str, list[int]] = field(default_factory=dict)  # per table: status → rows
    explain: bool = False  # keep what each row that is not a record was (for `thidua inspect`)
    row_notes: list[RowNote] = field(default_factory=list)

    def match(self, text: str) -> AwardMatch | None:
        """Per distinct cell text: the catalogue is asked once, not once per row."""
        if text not in self._awards:
            self._awards[text] = self.catalogue.match_award(text)
        return self._awards[text]

    def _award_parts(self, text: str) -> list[str]:
        """["LĐTT", "GK"] for a cell "LĐTT, GK" — only when the whole names no award and every
        part names one exactly; otherwise the cell as it is (reported if unknown)."""
        found = self._parts.get(text)
        if found is None:
            found = [text]
            if self.match(text) is None and _SEPARATORS.search(text):
                parts = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
                if len(parts) > 1 and all(self.match(p) for p in parts):
                    found = parts
            self._parts[text] = found
        return found

    def match_level(self, text: str) -> tuple[str, Issuer | None] | None:
        if text not in self._levels:
            self._levels[text] = self.catalogue.match_level(text)
        return self._levels[text]

    def decision_levels(self, number: str) -> DecisionSuffix | None:
        if number not in self._suffixes:
            self._suffixes[number] = self.catalogue.decision_levels(number)
        return self._suffixes[number]

    def _finding(self, sink: list[Problem], code: str, ctx: Context, column: Column | None, **kw: str | None) -> None:
        self._finding_at(sink, code, ctx.table, ctx.r, column, **kw)

    def _finding_at(
        self, sink: list[Problem], code: str, table: SheetTable, r: int, column: Column | None, **kw: str | None
    ) -> None:
        """A finding about grid row `r` (0-based) of `table`, in `column`'s cell."""
        sink.append(
            Problem(
                code,
                self.file,
                table.sheet,
                r + 1,
                column=column.header if column else None,
                col=column.index if column else None,
                **kw,
            )
        )

    def problem(self, code: str, ctx: Context, column: Column | None, **kw: str | None) -> None:
        self._finding(self.problems, code, ctx, column, **kw)

    def check(self, code: str, ctx: Context, column: Column | None, **kw: str | None) -> None:
        self._finding(self.checks, code, ctx, column, **kw)

    def add_table(self, table: SheetTable) -> None:
        """The records of one table, row by row: the usual row (numbered, one award cell naming one
        award) inline; any other through `_row` (see `rows` for what a row can be)."""
        sheet_status = PROPOSED if table.heading.proposal else ""
        if sheet_status and not self.include_proposals:
            self._proposal_list(table)
            return
        grid, index = table.grid, table.index
        self._resolved = {}  # resolutions depend on the table (its heading year, decision, …)
        self._cells = tuple(index.get(f) for f in ("kind", "level", "year", "position", "unit", "notes"))
        self._decision_cells = (index.get("decision_number"), index.get("decision_date"), index.get("decision"))
        self._not_awarded = {}
        i_stt, i_name = index.get("stt"), index["name"]
        award_cols = table.columns.get("award", [])
        single = award_cols[0] if len(award_cols) == 1 and "tick" not in table.columns and not sheet_status else None
        i_award = single.index if single else -1
        names, plain, add = self._names, self._plain.get, self._adder(table)
        state = _Walk(table.heading.kind, None, table.heading.unit or "", False, sheet_status)
        for r in range(table.first_data_row, len(grid)):
            row = grid[r]
            stt = row[i_stt] if i_stt is not None else None
            numbered = stt.__class__ is float or stt.__class__ is int or is_number(stt)
            raw = row[i_name]
            if raw.__class__ is str and ("\n" in raw or "-" in raw or "," in raw):
                name, position = names.get(raw) or self._name(raw)  # "Nguyễn Văn An\nHiệu trưởng"
            else:
                name, position = text_of(raw), ""
            if (
                numbered
                and single is not None
                and name
                and not state.in_signature
                and (len(name) > 4 or not COLUMN_NUMBER.match(name))
            ):
                text = text_of(row[i_award])
                award_text = plain(text)
                if award_text is None:
                    award_text = self._plain_award(text)
                if award_text:  # the usual row
                    add(r, row, name, state.section_kind, single, award_text, state.unit, "", position)
                    continue
            self._row(table, r, row, stt, numbered, name, position, state, add)
        self._report_not_awarded(table)

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
        if not numbered and self._not_a_record(table, r, row, stt, name, state):
            return
        own = self._own_awards(table, r, row, table.columns.get("award", []))
        if not name:
            if own:
                ctx = Context(table, r, row, name, state.section_kind)
                self.problem("missing-name", ctx, table.columns["name"][0], value=own[0][1])
            return
        if not own:
            if "tick" in table.columns:
                return  # a tick matrix: a row with no tick holds no award
            fallback = state.section_award or table.heading.award_text
            if fallback is None:
                ctx = Context(table, r, row, name, state.section_kind)
                award_cols = table.columns.get("award")
                self.problem("missing-award", ctx, award_cols[0] if award_cols else None, value=name)
                return
            own = [(None, fallback)]
        for column, text in own:
            status, award_text = self._status(text)
            add(r, row, name, state.section_kind, column, award_text, state.unit, status or state.status, position)

    def _not_a_record(self, table: SheetTable, r: int, row: list[Cell], stt: Cell, name: str, state: _Walk) -> bool:
        """An unnumbered row that is no record: it may open a section, set the unit or start the
        signature block (`state` follows); False for a record row without a number."""
        what = self._other_row(table, r, row, stt, name)
        if what is None:
            return False
        if self.explain:
            self._note(table, r, what[0], " | ".join(row_texts(row)))
        if what[0] == "signature":
            state.in_signature = True
        elif what[0] == "section":
            state.section_kind, state.section_award = what[1] or state.section_kind, what[2]
            state.unit = (table.heading.unit or "") if what[1] else state.unit
        elif what[0] == "subheading":
            state.unit = what[1] or state.unit
        return True

    def _other_row(
        self, table: SheetTable, r: int, row: list[Cell], stt: Cell, name: str
    ) -> tuple[str, str | None, str | None] | None:
        """What an unnumbered row is: ("skip"), ("signature"), ("section", kind, award text),
        ("subheading", unit) — or None for a record row."""
        texts = row_texts(row)
        if not texts:
            return "blank", None, None
        if is_totals(texts[0]):
            return "totals", None, None
        if (is_signature(texts[0]) or is_place_date(texts[0])) and not any(
            text_of(row[c.index]) for c in table.columns.get("award", [])
        ):
            return "signature", None, None
        section = section_of(texts, stt, self.catalogue)
        if section and (section.kind or section.award_text):
            return "section", section.kind, section.award_text
        unit = subheading_of(table, r, name, self.catalogue)
        if unit:
            return "subheading", unit, None
        return ("skip", None, None) if section else None

    def _note(self, table: SheetTable, r: int, what: str, text: str) -> None:
        if what != "blank":
            self.row_notes.append(RowNote(table.sheet, r + 1, what, text))

    def _own_awards(
        self, table: SheetTable, r: int, row: list[Cell], award_cols: list[Column]
    ) -> list[tuple[Column | None, str]]:
        """The awards a row names in several award columns and in tick columns (a tick gives its
        column's award; anything else in a tick cell is reported)."""
        own: list[tuple[Column | None, str]] = [
            (c, part) for c in award_cols if (text := text_of(row[c.index])) for part in self._award_parts(text)
        ]
        marks = role_rules().ticks
        for column in table.columns.get("tick", ()):
            text = text_of(row[column.index])
            if not text:
                continue
            if text in marks:
                own.append((column, column.header))
            else:
                ctx = Context(table, r, row, text_of(row[table.index["name"]]), None)
                self.problem("bad-tick", ctx, column, value=text)
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

    def _name(self, raw: Cell) -> tuple[str, str]:
        """(name, position written after it in the same cell) per distinct name cell:
        "Nguyễn Văn An\nHiệu trưởng", "Nguyễn Văn An - Hiệu trưởng" → name and position."""
        name = text_of(raw)
        found = name, ""
        if raw.__class__ is str:
            found = _split_name(raw, name, self.catalogue)
        with contextlib.suppress(TypeError):
            self._names[raw] = found
        return found

    def _proposal_list(self, table: SheetTable) -> None:
        """A proposal list is no award list: reported once, with how many rows it holds."""
        i_stt, i_name = table.index.get("stt"), table.index["name"]
        rows = [
            r
            for r in range(table.first_data_row, len(table.grid))
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

    def _adder(
        self, table: SheetTable
    ) -> Callable[[int, list[Cell], str, str | None, Column | None, str, str, str, str], None]:
        """`add(r, row, name, section_kind, award column, award text, unit, status, position)`: one
        record of this table (unit: of the sub-heading above, else the heading's; position: written
        after the name in its cell). A row with a status is counted only with include_proposals.

        Award, kind, level and year are resolved once per distinct combination of the cells they
        depend on (rows of a block share them), then reused; the decision's date once per
        distinct value. Built per table so that the per-row work reads locals, not attributes.
        """
        i_number, i_date, i_both = self._decision_cells
        i_kind, i_level, i_year, i_position, i_unit, i_notes = self._cells
        first_date_column, combined_column = table.first.get("decision_date"), table.first.get("decision")
        only_combined, splits = i_number is None and i_date is None, self._splits
        shapes, shape_of = _SHAPES.setdefault(self.catalogue.fingerprint, {}), self._shape
        resolved, date_checks = self._resolved, _DATE_CHECKS
        name_kind, append = self.catalogue.name_kind, self.records.append
        file, sheet, name_index = self.file, table.sheet, table.index["name"]
        year_index = -1 if i_year is None else i_year
        include, not_awarded = self.include_proposals, self._not_awarded

        def add(
            r: int,
            row: list[Cell],
            name: str,
            section_kind: str | None,
            column: Column | None,
            award_text: str,
            unit: str,
            status: str,
            position: str,
        ) -> None:
            date_value: Cell
            if i_both is None:  # the usual layouts, inline; else (or a number cell holding the date too):
                number = text_of(row[i_number]) if i_number is not None else ""
                date_value = row[i_date] if i_date is not None else ""
                date_column = first_date_column
                if number and (date_value is None or (date_value.__class__ is str and not text_of(date_value))):
                    number, date_value, _, date_column = self._decision(table, row)  # the number may hold it
            elif only_combined:  # one "Số, ngày quyết định" column
                combined = text_of(row[i_both])
                number, date_value, date_column = "", "", first_date_column
                if combined:
                    part_number, part_date = splits.get(combined) or self._split(combined)
                    number = part_number or combined
                    if part_date:
                        date_value, date_column = part_date, combined_column
            else:
                number, date_value, _, date_column = self._decision(table, row)
            kind_text = text_of(row[i_kind]) if i_kind is not None else ""
            level_cell = row[i_level] if i_level is not None else ""
            year_cell = row[i_year] if i_year is not None else ""
            signature = (  # a text cell stands for itself: equal strings clean to equal texts
                award_text,
                column.index if column else -1,
                section_kind,
                kind_text,
                level_cell if level_cell.__class__ is str else text_of(level_cell),
                year_cell if year_cell.__class__ is str else text_of(year_cell),
                shapes.get(number) or shape_of(number),  # what the decision number says, not the number
            )
            block = resolved.get(signature)
            if block is None:
                block = self._block(Context(table, r, row, name, section_kind), column, award_text, number, kind_text)
                resolved[signature] = block
            fixed, single, findings = block
            if findings:
                self._repeat(findings, r, name, number)
            if fixed is None:
                return
            if status and not include:
                not_awarded.setdefault(status, []).append(r)
                return
            kind, award, category, level, issuer, year = fixed
            date = ""
            if date_value != "":
                found = date_checks.get((date_value.__class__, date_value, year))
                date = found[0] if found and not found[1] else self._date(table, r, row, date_value, date_column, year)
            if single:
                looks = name_kind(name)
                if looks and looks != single:
                    self._finding_at(self.checks, "kind-mismatch", table, r, column, value=award, detail=looks)
            append(  # every field named: one BUILD_TUPLE (a starred `*fixed` builds a list first)
                (
                    file,
                    sheet,
                    r + 1,
                    name,
                    (text_of(row[i_position]) if i_position is not None else "") or position,
                    (text_of(row[i_unit]) if i_unit is not None else "") or unit,
                    kind,
                    award,
                    category,
                    level,
                    issuer,
                    year,
                    number,
                    date,
                    text_of(row[i_notes]) if i_notes is not None else "",
                    award_text,
                    status,
                    name_index,
                    column.index if column else -1,
                    year_index,
                )
            )

        return add

    def _block(self, ctx: Context, column: Column | None, award_text: str, number: str, kind_text: str) -> Block:
        fields, findings = self._resolve(ctx, column, award_text, number)
        if fields is None:
            return None, None, findings
        award = fields[0]
        single = award.single_kind
        check = single if single and not kind_text and ctx.section_kind in (None, single) else None
        return (fields[2], award.name, award.category, fields[3], fields[4], fields[5]), check, findings

    def _repeat(self, findings: list[tuple[str, Problem]], r: int, name: str, number: str) -> None:
        """A block's findings, for one more of its rows (built afresh: `dataclasses.replace`
        costs four times as much, and a sheet may repeat a finding on every row)."""
        for sink, p in findings:
            code, value, detail = p.code, p.value, p.detail
            if code == "bad-decision-number":
                value = number
            elif code == "level-mismatch":
                detail = number
            elif code == "ambiguous-kind":
                value = name
            (self.problems if sink == "problem" else self.checks).append(
                Problem(
                    code,
                    p.file,
                    p.sheet,
                    r + 1,
                    column=p.column,
                    value=value,
                    suggestion=p.suggestion,
                    detail=detail,
                    col=p.col,
                )
            )

    def _shape(self, number: str) -> tuple[int, bool]:
        """(which decision-suffix rule the number matches, is it well formed), per distinct
        number (kept with the catalogue: numbers recur from file to file). Numbers that differ
        only in the digits before the first "/" ("123/QĐ-UBND", "124/QĐ-UBND") share a shape:
        the rule reads the part after it and the form only asks for digits there."""
        shapes = _SHAPES.setdefault(self.catalogue.fingerprint, {})
        found = shapes.get(number)
        if found is None:
            head, slash, tail = number.partition("/")
            skeleton = head.translate(_ZERO_DIGITS) + slash + tail
            found = shapes.get(skeleton)
            if found is None:
                rule = self.catalogue.decision_levels(skeleton) if skeleton else None
                rule_no = next(i for i, known in enumerate(self.catalogue.suffixes) if known is rule) if rule else -1
                form = _WHITE_SPACE.sub("", skeleton).replace("–", "-").replace("—", "-")
                found = (rule_no, not skeleton or bool(_DECISION_FORM.match(form)))
            if len(shapes) < 100_000:
                shapes[number] = shapes[skeleton] = found
        return found

    def _resolve(
        self,
        ctx: Context,
        column: Column | None,
        award_text: str,
        number: str,
    ) -> Resolved:
        """(award, category, kind, level, issuer, year) or None, and the findings that go with
        them, computed on a first row and kept as templates for the others."""
        problems, checks = self.problems, self.checks
        self.problems, self.checks = [], []
        try:
            fields = self._fields(ctx, column, award_text, number)
            findings = [("problem", p) for p in self.problems] + [("check", c) for c in self.checks]
        finally:
            self.problems, self.checks = problems, checks
        return fields, findings

    def _fields(
        self,
        ctx: Context,
        column: Column | None,
        award_text: str,
        number: str,
    ) -> ResolvedFields | None:
        match = self.match(award_text)
        if match is None:
            suggestion = self.catalogue.suggest_award(award_text)
            self.problem("unknown-award", ctx, column, value=award_text, suggestion=suggestion)
            return None
        award = match.award
        kind = self._kind(ctx, award, column)
        if kind is None:
            return None
        level_issuer = self._level(ctx, match, number, award_text, column)
        if level_issuer is None:
            return None
        year = self._year(ctx)
        if year is None:
            return None
        self._check_decision_number(ctx, number, self._decision(ctx.table, ctx.row)[2])
        return (award, award.category, kind, level_issuer[0], level_issuer[1], year)

    def _kind(self, ctx: Context, award: Award, award_column: Column | None) -> str | None:
        written = ctx.cell("kind")
        column = ctx.table.column("kind")
        if written:
            kind = self.catalogue.match_kind(written)
            if kind is None:
                self.problem("unknown-kind", ctx, column, value=written)
            elif kind not in award.kinds:
                self.check("kind-mismatch", ctx, award_column or column, value=award.name, detail=kind)
            return kind
        context_kind = ctx.section_kind
        if award.single_kind:
            if context_kind and context_kind != award.single_kind:
                self.check("kind-mismatch", ctx, award_column, value=award.name, detail=context_kind)
            return award.single_kind
        if context_kind is None:
            self.problem("ambiguous-kind", ctx, None, value=ctx.name)
        return context_kind

    def _decision(self, table: SheetTable, row: list[Cell]) -> tuple[str, Cell, Column | None, Column | None]:
        """(number, date value, their columns) from separate or combined decision columns.
        `_adder` inlines the case of a lone combined column (5 % of a tally's own instructions
        when called here instead); a change to the combined rule below belongs there too."""
        i_number, i_date, i_both = self._decision_cells
        number = text_of(row[i_number]) if i_number is not None else ""
        date_value: Cell = row[i_date] if i_date is not None else ""
        first = table.first
        if i_both is None and (not number or _filled(date_value)):
            return number, date_value, first.get("decision_number"), first.get("decision_date")
        number_col, date_col = first.get("decision_number"), first.get("decision_date")
        combined = text_of(row[i_both]) if i_both is not None else ""
        if combined:
            part_number, part_date = self._split(combined)
            if not number:
                number, number_col = part_number or combined, table.column("decision")
            if not text_of(date_value) and part_date:
                date_value, date_col = part_date, table.column("decision")
        elif number and not text_of(date_value):
            part_number, part_date = self._split(number)
            if part_number and part_date:
                number, date_value, date_col = part_number, part_date, number_col
        return number, date_value, number_col, date_col

    def _split(self, text: str) -> tuple[str | None, str | None]:
        found = self._splits.get(text)
        if found is None:
            found = self._splits[text] = split_decision(text)
        return found

    def _check_decision_number(self, ctx: Context, number: str, column: Column | None) -> None:
        if number and not _DECISION_FORM.match(number.replace(" ", "")):
            self.check("bad-decision-number", ctx, column, value=number)

    def _date(self, table: SheetTable, r: int, row: list[Cell], value: Cell, column: Column | None, year: int) -> str:
        """The decision date as ISO text ("" when absent or wrong: then a bad-date check)."""
        try:
            iso, detail = _DATE_CHECKS[(value.__class__, value, year)]
        except KeyError:
            iso, detail = self._read_date(value, year)
            if len(_DATE_CHECKS) < 100_000:
                _DATE_CHECKS[(value.__class__, value, year)] = iso, detail
        except TypeError:  # unhashable cell types never occur from calamine; be safe
            iso, detail = self._read_date(value, year)
        if detail:
            self._finding_at(self.checks, "bad-date", table, r, column, value=text_of(value), detail=detail)
        return iso

    def _read_date(self, value: Cell, year: int) -> tuple[str, str | None]:
        try:
            date = parse_date(value)
        except BadDate:
            return "", "invalid"
        if date is None:
            return "", "invalid" if re.search(r"\d", text_of(value)) else None
        if date.year < year:
            return date.isoformat(), "before-year"
        return date.isoformat(), None

    def _level(
        self, ctx: Context, match: AwardMatch, number: str, award_text: str, award_column: Column | None
    ) -> tuple[str, str] | None:
        award = match.award
        written = ctx.cell("level")
        level_column = ctx.table.column("level")
        decided = None
        for decision in (number, ctx.table.heading.decision):
            rule = self.decision_levels(decision) if decision else None
            if rule:
                decided = rule, decision
                break
        if decided and decided[1] == number:
            stated = [(match.level, award_column, award_text)] if match.level else []
            written_level = self.match_level(written) if written else None
            if written_level:
                stated.append((written_level[0], level_column, written))
            for level, column, value in stated:
                if level not in decided[0].levels:
                    self.check("level-mismatch", ctx, column, value=value, detail=number)
        if written:
            found = self.match_level(written)
            if found is None:
                self.problem("unknown-level", ctx, level_column, value=written)
                return None
            level, issuer = found
            return level, issuer.name if issuer else ""
        if match.level:
            return match.level, match.issuer.name if match.issuer else ""
        signed = ctx.table.heading.decision_level  # "(Kèm theo Quyết định … của Chủ tịch UBND tỉnh)"
        if signed and signed[0] in award.levels and not (decided and decided[1] == number):
            return signed
        if decided:
            options = decided[0].levels & set(award.levels)
            if len(options) == 1:
                return next(iter(options)), decided[0].issuer or ""
        if award.usual_level:
            return award.usual_level, ""
        self.problem("ambiguous-level", ctx, award_column, value=award_text)
        return None

    def _year(self, ctx: Context) -> int | None:
        column = ctx.table.column("year")
        if column is not None:
            value = ctx.row[column.index]
            if text_of(value):
                year = parse_year(value)
                if year is None:
                    self.problem("bad-year", ctx, column, value=text_of(value))
                return year
        if ctx.table.heading.year is None:
            self.problem("bad-year", ctx, column, value="")
        return ctx.table.heading.year


def _filled(value: Cell) -> bool:
    """text_of(value) != "", without turning a date or a number into text."""
    if value.__class__ is str:
        return bool(text_of(value))
    return value is not None


def _split_name(raw: str, name: str, catalogue: Catalogue) -> tuple[str, str]:
    """(name, position) of a name cell that holds both: the position after a line break, or
    after a dash or comma when it starts with a position word (layout.toml [names])."""
    parts = _NAME_TAIL.split(raw.strip(), maxsplit=1)
    if len(parts) < 2:
        return name, ""
    head, tail = " ".join(parts[0].split()), " ".join(parts[1].split())
    if not head or not tail or catalogue.name_kind(head) != "Cá nhân":
        return name, ""
    tail_key = key(tail)
    if "\n" in raw.strip() or any(tail_key == p or tail_key.startswith(p + " ") for p in layout_rules().positions):
        return head, tail
    return name, ""
