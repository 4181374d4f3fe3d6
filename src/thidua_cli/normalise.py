"""An award table → canonical records (award, level, kind, year …) with provenance, or findings.

Two kinds of finding come out: `problems` (the row or file is not counted) and `checks`
(the row is counted, but something in it is wrong: a bad date, a kind that does not fit).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from thidua_cli.catalogue import Award, AwardMatch, Catalogue, DecisionSuffix, Issuer
from thidua_cli.layout import COLUMN_NUMBER, Column, SheetTable, row_texts, text_of
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell
from thidua_cli.records import Record
from thidua_cli.rows import is_place_date, is_signature, is_totals, repeats_header, section_of
from thidua_cli.values import BadDate, parse_date, parse_year, split_decision

# The cells besides the award that decide a record's fields (with the decision date's raw value).
_RESOLVED_BY = ("kind", "level", "year")
ResolvedFields = tuple[Award, str, str, str, str, int, str, str]
Resolved = tuple[ResolvedFields | None, list[tuple[str, Problem]]]
_SEPARATORS = re.compile(r"\s*(?:[,;+\n]|\bvà\b)\s*")
_DECISION_FORM = re.compile(r"^\d+[A-Za-z]?/(?:\d{4}/)?[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ0-9&]+)+$")


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
    _dates: dict[Cell, dt.date | BadDate | None] = field(default_factory=dict)
    _resolved: dict[tuple[Cell, ...], Resolved] = field(default_factory=dict)
    _table_no: int = 0  # resolutions depend on the table (its heading year, decision, …)
    _shapes: dict[str, tuple[int, bool]] = field(default_factory=dict)
    _splits: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

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

    def parse_date(self, value: Cell) -> dt.date | None:
        """parse_date, memoised; raises BadDate as parse_date does."""
        try:
            found = self._dates[value]
        except KeyError:
            try:
                found = parse_date(value)
            except BadDate as exc:
                found = exc
            except TypeError:  # unhashable cell types never occur from calamine; be safe
                return parse_date(value)
            self._dates[value] = found
        if isinstance(found, BadDate):
            raise found
        return found

    def _finding(self, sink: list[Problem], code: str, ctx: Context, column: Column | None, **kw: str | None) -> None:
        sink.append(
            Problem(
                code,
                self.file,
                ctx.table.sheet,
                ctx.r + 1,
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
        self._table_no += 1
        grid, index = table.grid, table.index
        i_stt, i_name = index.get("stt"), index["name"]
        name_col = table.columns["name"][0]
        award_cols = table.columns.get("award", [])
        section_kind, section_award = table.heading.kind, None
        in_signature = False
        for r in range(table.first_data_row, len(grid)):
            row = grid[r]
            stt = row[i_stt] if i_stt is not None else None
            numbered = _is_number(stt)
            name = text_of(row[i_name])
            if (not numbered or COLUMN_NUMBER.match(name)) and repeats_header(table, row):
                continue  # a second table's header; column numbers again
            if in_signature:
                if not (numbered and name):
                    continue
                in_signature = False
            if not numbered:
                texts = row_texts(row)
                if not texts:
                    continue
                if is_totals(texts[0]):
                    continue
                if (is_signature(texts[0]) or is_place_date(texts[0])) and not any(
                    text_of(row[c.index]) for c in award_cols
                ):
                    in_signature = True
                    continue
                section = section_of(texts, stt, self.catalogue)
                if section:
                    if section.kind:
                        section_kind, section_award = section.kind, None
                    if section.award_text:
                        section_award = section.award_text
                    continue
            own: list[tuple[Column | None, str]] = [
                (c, part) for c in award_cols if (text := text_of(row[c.index])) for part in self._award_parts(text)
            ]
            if not name:
                if own:
                    self.problem("missing-name", Context(table, r, row, name, section_kind), name_col, value=own[0][1])
                continue
            if not own:
                fallback = section_award or table.heading.award_text
                if fallback is None:
                    ctx = Context(table, r, row, name, section_kind)
                    self.problem("missing-award", ctx, award_cols[0] if award_cols else None, value=name)
                    continue
                own = [(None, fallback)]
            for column, award_text in own:
                self._add_record(table, r, row, name, section_kind, column, award_text)

    def _add_record(
        self,
        table: SheetTable,
        r: int,
        row: list[Cell],
        name: str,
        section_kind: str | None,
        column: Column | None,
        award_text: str,
    ) -> None:
        """One record. Everything but the name and provenance is resolved once per distinct
        combination of the cells it depends on (rows of a block share them), then reused."""
        index = table.index
        decision = self._decision(table, row)
        number, date_value = decision[0], decision[1]
        i_kind, i_level, i_year = index.get("kind"), index.get("level"), index.get("year")
        kind_text = text_of(row[i_kind]) if i_kind is not None else ""
        signature: tuple[Any, ...] = (
            self._table_no,
            award_text,
            column.index if column else -1,
            section_kind,
            kind_text,
            text_of(row[i_level]) if i_level is not None else "",
            text_of(row[i_year]) if i_year is not None else "",
            self._shape(number),  # what the decision number says, not the number itself
            date_value,
        )
        try:
            resolved = self._resolved.get(signature)
        except TypeError:  # an unhashable cell value: resolve this row alone
            resolved, signature = None, ()
        if resolved is None:
            resolved = self._resolve(Context(table, r, row, name, section_kind), column, award_text, decision)
            if signature:
                self._resolved[signature] = resolved
        fields, findings = resolved
        for sink, problem in findings:
            if problem.code == "bad-decision-number":
                problem = replace(problem, value=number)
            elif problem.code == "level-mismatch":
                problem = replace(problem, detail=number)
            (self.problems if sink == "problem" else self.checks).append(replace(problem, row=r + 1))
        if fields is None:
            return
        award = fields[0]
        single = award.single_kind
        if single and not kind_text and section_kind in (None, single):
            looks = self.catalogue.name_kind(name)
            if looks and looks != single:
                ctx = Context(table, r, row, name, section_kind)
                self.check("kind-mismatch", ctx, column, value=award.name, detail=looks)
        i_position, i_unit, i_notes = index.get("position"), index.get("unit"), index.get("notes")
        unit = text_of(row[i_unit]) if i_unit is not None else ""
        self.records.append(
            (
                self.file,
                table.sheet,
                r + 1,
                name,
                text_of(row[i_position]) if i_position is not None else "",
                unit or table.heading.unit or "",
                fields[2],
                award.name,
                award.category,
                fields[3],
                fields[4],
                fields[5],
                number,
                fields[7],
                text_of(row[i_notes]) if i_notes is not None else "",
                award_text,
                index["name"],
                column.index if column else -1,
                index.get("year", -1),
            )
        )

    def _shape(self, number: str) -> tuple[int, bool]:
        """(which decision-suffix rule the number matches, is it well formed), per distinct number."""
        found = self._shapes.get(number)
        if found is None:
            rule = self.decision_levels(number) if number else None
            rule_no = next(i for i, known in enumerate(self.catalogue.suffixes) if known is rule) if rule else -1
            form = re.sub(r"[\s]", "", number).replace("–", "-").replace("—", "-")
            found = (rule_no, not number or bool(_DECISION_FORM.match(form)))
            self._shapes[number] = found
        return found

    def _resolve(
        self,
        ctx: Context,
        column: Column | None,
        award_text: str,
        decision: tuple[str, Cell, Column | None, Column | None],
    ) -> Resolved:
        """(award, category, kind, level, issuer, year, number, date) or None, and the findings
        that go with them, computed on a first row and kept as templates for the others."""
        problems, checks = self.problems, self.checks
        self.problems, self.checks = [], []
        try:
            fields = self._fields(ctx, column, award_text, decision)
            findings = [("problem", p) for p in self.problems] + [("check", c) for c in self.checks]
        finally:
            self.problems, self.checks = problems, checks
        return fields, findings

    def _fields(
        self,
        ctx: Context,
        column: Column | None,
        award_text: str,
        decision: tuple[str, Cell, Column | None, Column | None],
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
        number, date_value, number_column, date_column = decision
        level_issuer = self._level(ctx, match, number, award_text, column)
        if level_issuer is None:
            return None
        year = self._year(ctx)
        if year is None:
            return None
        date = self._date(ctx, date_value, date_column, year)
        self._check_decision_number(ctx, number, number_column)
        return (award, award.category, kind, level_issuer[0], level_issuer[1], year, number, date)

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
        """(number, date value, their columns) from separate or combined decision columns."""
        index = table.index
        i_number, i_date, i_both = index.get("decision_number"), index.get("decision_date"), index.get("decision")
        number = text_of(row[i_number]) if i_number is not None else ""
        date_value: Cell = row[i_date] if i_date is not None else ""
        first = table.first
        if i_both is None and (not number or text_of(date_value)):
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

    def _date(self, ctx: Context, value: Cell, column: Column | None, year: int) -> str:
        try:
            date = self.parse_date(value)
        except BadDate:
            self.check("bad-date", ctx, column, value=text_of(value), detail="invalid")
            return ""
        if date is None:
            if text_of(value) and re.search(r"\d", text_of(value)):
                self.check("bad-date", ctx, column, value=text_of(value), detail="invalid")
            return ""
        if date.year < year:
            self.check("bad-date", ctx, column, value=text_of(value), detail="before-year")
        return date.isoformat() if isinstance(date, dt.date) else ""

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


_STT = re.compile(r"^\d{1,5}(?:[.,]\d{1,3})*[.)]?[a-z]?$")  # 1, 01, 1., 1.2, 3a


def _is_number(value: Cell) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _STT.match(value.strip()) is not None
