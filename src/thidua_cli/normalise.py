"""An award table → canonical records (award, level, kind, year …) with provenance, or findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from thidua_cli.catalogue import Award, AwardMatch, Catalogue
from thidua_cli.layout import (
    Column,
    SheetTable,
    is_header_like,
    is_place_date,
    is_signature,
    is_totals,
    row_texts,
    section_of,
    text_of,
)
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell
from thidua_cli.values import BadDate, parse_date, parse_year, split_decision

RECORD_FIELDS = (
    "file",
    "sheet",
    "row",
    "name",
    "position",
    "unit",
    "kind",
    "award",
    "category",
    "level",
    "issuer",
    "year",
    "decision_number",
    "decision_date",
    "notes",
    "award_text",
)
Record = tuple[str, str, int, str, str, str, str, str, str, str, str, int, str, str, str, str]


@dataclass
class Normaliser:
    """Turns the rows of one file's tables into records; caches per distinct cell value."""

    catalogue: Catalogue
    file: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _awards: dict[str, AwardMatch | None] = field(default_factory=dict)

    def match(self, text: str) -> AwardMatch | None:
        if text not in self._awards:
            self._awards[text] = self.catalogue.match_award(text)
        return self._awards[text]

    def problem(self, code: str, table: SheetTable, row: int | None, **kw: str | None) -> None:
        self.problems.append(Problem(code, self.file, table.sheet, row, **kw))

    def add_table(self, table: SheetTable) -> None:
        grid = table.grid
        heading = table.heading
        col = table.column
        stt_col, name_col = col("stt"), col("name")
        award_cols = table.columns.get("award", [])
        section_kind, section_award = heading.kind, None
        in_signature = False
        assert name_col is not None
        for r in range(table.first_data_row, len(grid)):
            row = grid[r]
            texts = row_texts(row)
            if not texts:
                continue
            if is_header_like(row):  # a second table's header, or column numbers repeated
                continue
            stt = row[stt_col.index] if stt_col else None
            numbered = _is_number(stt)
            name = text_of(row[name_col.index])
            if in_signature:
                if not (numbered and name):
                    continue
                in_signature = False
            if not numbered:
                if is_totals(texts[0]) or is_place_date(texts[0]):
                    continue
                if is_signature(texts[0]) and not _has_award(row, award_cols):
                    in_signature = True
                    continue
                section = section_of(texts, stt, self.catalogue)
                if section:
                    if section.kind:
                        section_kind, section_award = section.kind, None
                    if section.award_text:
                        section_award = section.award_text
                    continue
            own = [(c.header, text_of(row[c.index])) for c in award_cols if text_of(row[c.index])]
            if not name:
                if own:
                    self.problem("missing-name", table, r + 1, column=own[0][0], value=own[0][1])
                continue
            if not own:
                fallback = section_award or heading.award_text
                if fallback is None:
                    header = award_cols[0].header if award_cols else None
                    self.problem("missing-award", table, r + 1, column=header, value=name)
                    continue
                own = [(None, fallback)]  # type: ignore[list-item]
            for header, award_text in own:
                self._add_record(table, r, row, name, header, award_text, section_kind)

    def _add_record(
        self,
        table: SheetTable,
        r: int,
        row: list[Cell],
        name: str,
        header: str | None,
        award_text: str,
        section_kind: str | None,
    ) -> None:
        cell = self._cell_reader(table, row)
        match = self.match(award_text)
        if match is None:
            suggestion = self.catalogue.suggest_award(award_text)
            self.problem("unknown-award", table, r + 1, column=header, value=award_text, suggestion=suggestion)
            return
        award = match.award
        kind = self._kind(table, r, cell("kind"), award, section_kind, name)
        if kind is None:
            return
        number, date_text = cell("decision_number"), cell("decision_date")
        combined = cell("decision")
        if combined:
            number_part, date_part = split_decision(combined)
            number, date_text = number or number_part or "", date_text or date_part or ""
        elif number and not date_text:
            number_part, date_part = split_decision(number)
            number, date_text = number_part or number, date_part or ""
        level_issuer = self._level(table, r, cell("level"), match, number, award_text)
        if level_issuer is None:
            return
        level, issuer = level_issuer
        year = self._year(table, r, row)
        if year is None:
            return
        raw_date = row[table.columns["decision_date"][0].index] if "decision_date" in table.columns else date_text
        self.records.append(
            (
                self.file,
                table.sheet,
                r + 1,
                name,
                cell("position"),
                cell("unit") or table.heading.unit or "",
                kind,
                award.name,
                award.category,
                level,
                issuer,
                year,
                number or "",
                _iso_date(raw_date),
                cell("notes"),
                award_text,
            )
        )

    @staticmethod
    def _cell_reader(table: SheetTable, row: list[Cell]):  # type: ignore[no-untyped-def]
        def cell(field_name: str) -> str:
            column = table.column(field_name)
            return text_of(row[column.index]) if column else ""

        return cell

    def _kind(
        self, table: SheetTable, r: int, written: str, award: Award, section_kind: str | None, name: str
    ) -> str | None:
        if written:
            kind = self.catalogue.match_kind(written)
            if kind is None:
                column = table.column("kind")
                self.problem("unknown-kind", table, r + 1, column=column.header if column else None, value=written)
            return kind
        kind = award.single_kind or section_kind
        if kind is None:
            self.problem("ambiguous-kind", table, r + 1, value=name)
        return kind

    def _level(
        self, table: SheetTable, r: int, written: str, match: AwardMatch, number: str, award_text: str
    ) -> tuple[str, str] | None:
        award = match.award
        if written:
            found = self.catalogue.match_level(written)
            if found is None:
                column = table.column("level")
                self.problem("unknown-level", table, r + 1, column=column.header if column else None, value=written)
                return None
            level, issuer = found
            return level, issuer.name if issuer else ""
        if match.level:
            return match.level, match.issuer.name if match.issuer else ""
        for decision in (number, table.heading.decision):
            rule = self.catalogue.decision_levels(decision) if decision else None
            if rule:
                options = rule.levels & set(award.levels)
                if len(options) == 1:
                    return next(iter(options)), rule.issuer or ""
                break
        if award.usual_level:
            return award.usual_level, ""
        self.problem("ambiguous-level", table, r + 1, value=award_text)
        return None

    def _year(self, table: SheetTable, r: int, row: list[Cell]) -> int | None:
        column = table.column("year")
        if column is not None:
            value = row[column.index]
            if text_of(value):
                year = parse_year(value)
                if year is None:
                    self.problem("bad-year", table, r + 1, column=column.header, value=text_of(value))
                return year
        if table.heading.year is None:
            self.problem("bad-year", table, r + 1, column=column.header if column else None, value="")
        return table.heading.year


def _is_number(value: Cell) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and value.strip().rstrip(".").isdigit()


def _has_award(row: list[Cell], award_cols: list[Column]) -> bool:
    return any(text_of(row[c.index]) for c in award_cols)


def _iso_date(value: Cell) -> str:
    try:
        date = parse_date(value)
    except BadDate:
        return ""
    return date.isoformat() if isinstance(date, dt.date) else ""
