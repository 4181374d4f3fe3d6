"""Block resolution: the award, level, kind and year a block of rows shares (cells that repeat
down the rows: an award merged over a block, one decision), with the findings to repeat on each
of its rows; the decision's number and date; the date checks.

Resolved once per distinct combination of the cells they depend on, by `Normaliser` (normalise.py).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from thidua_cli.catalogue import FORMS, Award, AwardMatch, Catalogue, DecisionSuffix, Issuer
from thidua_cli.cells import text_of
from thidua_cli.heading import names_period, plain_year_in_heading, year_in_heading
from thidua_cli.labels import not_an_award
from thidua_cli.layout import Column, SheetTable, year_of_label
from thidua_cli.problems import Problem
from thidua_cli.reading import Cell
from thidua_cli.values import BadDate, parse_date, parse_period, split_decision

# Titles given for one year's work (Luật Thi đua, khen thưởng 2022, Đ.23–25, 27–28): a period of
# more than a school year in their row is several titles in one cell or a typo, never counted once.
YEARLY_TITLES = frozenset(
    {
        "Lao động tiên tiến",
        "Chiến sĩ tiên tiến",
        "Chiến sĩ thi đua cơ sở",
        "Tập thể lao động tiên tiến",
        "Tập thể lao động xuất sắc",
        "Đơn vị tiên tiến",
        "Đơn vị quyết thắng",
    }
)

# (award, category, kind, level, issuer, year, detail, period start, method): what a block's cells share.
ResolvedFields = tuple[Award, str, str, str, str, int, str, int, str]
Resolved = tuple[ResolvedFields | None, list[tuple[str, Problem]]]
# A block's resolution as a record needs it: (kind, award, category, level, issuer, year, detail,
# period start, method), what to compare the recipient's name with — the award's one kind, or
# PERSON_BY_CONTEXT (a two-kind award that is Cá nhân only because of the section or header), or
# the award's kinds when nothing says which (the name decides, row by row), or None — and the
# findings per row.
Block = tuple[
    tuple[str, str, str, str, str, int, str, int, str] | None, str | tuple[str, ...] | None, list[tuple[str, Problem]]
]
PERSON_BY_CONTEXT = "Cá nhân (theo mục)"
COLLECTIVE_BY_CONTEXT = "Tập thể (theo mục)"  # … and the same for Tập thể: a person's name there is a kind-conflict
KIND_BY_NAME = "(theo tên)"  # the kind a block leaves to each row's name (`_Builder.add`)
# (cell type, cell value, award year) → (ISO date, what is wrong with it): dates recur from file
# to file, and reading a typed date costs more than a whole row.
DATE_CHECKS: dict[tuple[type, Cell, int], tuple[str, str | None]] = {}
SHAPES: dict[str, dict[str, tuple[int, bool]]] = {}  # per catalogue fingerprint: see BlockResolver._shape
_SEPARATORS = re.compile(r"[,;+\n]|\bvà\b")  # the parts are stripped: no \s* around (twice as fast)
_ZERO_DIGITS = str.maketrans("123456789", "000000000")
_WHITE_SPACE = re.compile(r"\s")
_DECISION_FORM = re.compile(r"^\d+[A-Za-z]?/(?:\d{4}/)?[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ0-9&]+)+$")


@dataclass(frozen=True)
class Context:
    """What is known about a row before its award is read: where it is and what it is under."""

    table: SheetTable
    r: int  # 0-based grid row
    row: list[Cell]
    name: str
    section_kind: str | None
    by_header: bool = False  # the section's kind is only the name column's header's ("Họ và tên")

    def cell(self, field_name: str) -> str:
        index = self.table.index.get(field_name)
        return "" if index is None else text_of(self.row[index])


class BlockResolver:
    """The resolution half of `Normaliser`: per-value caches and the rules that turn a block's
    cells into (award, level, kind, year) or findings."""

    catalogue: Catalogue
    file: str
    problems: list[Problem]
    checks: list[Problem]
    _awards: dict[str, AwardMatch | None]
    _parts: dict[str, list[str]]
    _levels: dict[str, tuple[str, Issuer | None] | None]
    _suffixes: dict[str, DecisionSuffix | None]
    _splits: dict[str, tuple[str | None, str | None]]
    _decision_cells: tuple[int | None, int | None, int | None]
    _year_said: tuple[int, ...] | None  # the list's one year, or () (`_list_year`), found when first asked

    def match(self, text: str) -> AwardMatch | None:
        """Per distinct cell text: the catalogue is asked once, not once per row."""
        if text not in self._awards:
            self._awards[text] = self.catalogue.match_award(text)
        return self._awards[text]

    def _award_parts(self, text: str) -> list[str]:
        """["LĐTT", "GK"] for a cell "LĐTT, GK" — when every part names an award, even where the
        whole reads as one ("Chiến sĩ thi đua cơ sở, Lao động tiên tiến": the first with the level
        "cơ sở, lao động…"; "BK TTg, HCLĐ hạng Ba": an issuer "TTg …"); otherwise the cell as it is
        (reported if unknown)."""
        found = self._parts.get(text)
        if found is None:
            found = [text]
            if _SEPARATORS.search(text):
                parts = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
                if len(parts) > 1 and all(self.match(p) for p in parts):
                    found = parts
            self._parts[text] = found
        return found

    def match_level(self, text: str) -> tuple[str, Issuer | None] | None:
        """A level cell's level, typed with its diacritics or, last, without ("tinh", "co so")."""
        if text not in self._levels:
            found = self.catalogue.match_level(text)
            self._levels[text] = found or self.catalogue.match_level_unaccented(text)
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

    def _block(self, ctx: Context, column: Column | None, award_text: str, number: str, kind_text: str) -> Block:
        fields, findings = self._resolve(ctx, column, award_text, number)
        if fields is None:
            return None, None, findings
        award = fields[0]
        single = award.single_kind
        check: str | tuple[str, ...] | None
        if fields[2] is KIND_BY_NAME:
            check = award.kinds
        elif single:
            check = single if not kind_text and (ctx.section_kind in (None, single) or ctx.by_header) else None
        else:
            match = self.match(award_text)
            said = kind_text or (match and match.kind)  # a kind column, or "Giấy khen cá nhân"
            by_context = not said and fields[2] == ctx.section_kind and "Cá nhân" in award.kinds and "Tập thể" in award.kinds
            check = {"Cá nhân": PERSON_BY_CONTEXT, "Tập thể": COLLECTIVE_BY_CONTEXT}.get(fields[2]) if by_context else None
        return (fields[2], award.name, award.category, *fields[3:]), check, findings

    def _repeat(self, findings: list[tuple[str, Problem]], r: int, name: str, number: str) -> None:
        """A block's findings, for one more of its rows (built afresh: `dataclasses.replace`
        costs four times as much, and a sheet may repeat a finding on every row)."""
        for sink, p in findings:
            code, value, detail = p.code, p.value, p.detail
            if code == "bad-decision-number":
                value = number
            elif code == "level-mismatch":
                detail = number
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
        shapes = SHAPES.setdefault(self.catalogue.fingerprint, {})
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
        match = self.match(award_text) or self._titled_by_context(ctx, award_text)
        if match is None:  # its "Có phải: …?" is searched once per run (`problems.with_suggestions`)
            what = not_an_award(award_text)  # "Giáo viên dạy giỏi": a contest's result, noted
            self.problem("not-an-award" if what else "unknown-award", ctx, column, value=award_text, detail=what)
            return None
        award = match.award
        kind = self._kind(ctx, award, column, match.kind)
        if kind is None:
            return None
        level_issuer = self._level(ctx, match, number, award_text, column)
        if level_issuer is None:
            return None
        ticked = year_of_label(column.header) if column is not None and column.field == "tick" else None
        dated = (ticked, ticked) if ticked else self._year(ctx, match.period)  # a tick under 2019 in a matrix of years
        if dated is None:
            return None
        year, start = dated
        if year - start > 1 and award.name in YEARLY_TITLES:  # "LĐTT | 2016-2020": five titles in one cell?
            self.problem("bad-year", ctx, ctx.table.first.get("year") or column, value=f"{start}-{year}")
            return None
        self._check_decision_year(ctx, year)
        if not award.exists_in(year):  # "Huy hiệu" for 2024: the 2022 law has no such form
            first, last = award.years or (year, year)
            self.problem("award-not-in-law", ctx, column, value=award_text, detail=f"{year}; {first}–{last}")
            return None
        self._check_decision_number(ctx, number, self._decision(ctx.table, ctx.row)[2])
        method = match.method or (ctx.table.heading.method if award.category == FORMS else "")
        return (award, award.category, kind, level_issuer[0], level_issuer[1], year, match.detail, start, method)

    def _titled_by_context(self, ctx: Context, award_text: str) -> AwardMatch | None:
        """ "Chiến sĩ thi đua" | "Cơ sở": a title written without its level, in a row whose level
        cell names one (the title that level confers), or under a heading that names one of these
        titles ("DANH SÁCH … CHIẾN SĨ THI ĐUA CƠ SỞ"); None when neither says (unknown-award, as
        before: never guessed). A level cell naming two levels decides nothing."""
        stem = self.catalogue.stem_titles(award_text)
        if stem is None:
            return None
        titles, period = stem
        written = ctx.cell("level")
        found = self.match_level(written) if written and not self.catalogue.levels_named(written) else None
        if found is not None:
            name = titles.get(found[0])
            issuer = found[1]
            return AwardMatch(self.catalogue.award(name), issuer=issuer, level=found[0], period=period) if name else None
        heading = ctx.table.heading.award_text
        headed = self.match(heading) if heading and not written else None
        one = headed is not None and self.catalogue.stem_mentions(" ".join(ctx.table.heading.lines)) <= 1
        if headed is not None and one and headed.award.name in titles.values():  # a heading naming two says neither
            return AwardMatch(headed.award, issuer=headed.issuer, level=headed.level, period=period)
        return None

    def _kind(self, ctx: Context, award: Award, award_column: Column | None, text_kind: str | None) -> str | None:
        """The kind column, else the kind the award text names ("Giấy khen tập thể"), else the
        award's only kind or the section's, else KIND_BY_NAME: each row's name decides ("Lê Văn
        An", "Phòng Kế toán" under "Tên cá nhân, tập thể"), or the row is ambiguous-kind."""
        written = ctx.cell("kind")
        column = ctx.table.column("kind")
        if written:
            kind = self.catalogue.match_kind(written)
            if kind is None:
                self.problem("unknown-kind", ctx, column, value=written)
            elif kind not in award.kinds:
                self.check("kind-mismatch", ctx, award_column or column, value=award.name, detail=kind)
            return kind
        context_kind = text_kind or ctx.section_kind
        if award.single_kind:
            if context_kind and context_kind != award.single_kind and (text_kind or not ctx.by_header):
                self.check("kind-mismatch", ctx, award_column, value=award.name, detail=context_kind)
            return award.single_kind  # under "Họ và tên" alone, "Tổ Toán | TTLĐTT": the award's one kind, the name asked
        return KIND_BY_NAME if context_kind is None else context_kind

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
            iso, detail = DATE_CHECKS[(value.__class__, value, year)]
        except KeyError:
            iso, detail = self._read_date(value, year)
            if len(DATE_CHECKS) < 100_000:
                DATE_CHECKS[(value.__class__, value, year)] = iso, detail
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
        named = self.catalogue.levels_named(written) if written else None
        if named is not None:  # "Cấp Bộ, tỉnh", "Tỉnh/Huyện": the cell says two levels
            return self._one_of(ctx, match, named, decided[0] if decided else None, written, level_column)
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
            if level not in award.levels:  # the catalogue says this award cannot have it
                self.problem("impossible-level", ctx, level_column, value=written, detail=award.name)
                return None
            if match.level and match.level != level:  # "Bằng khen của Thủ tướng Chính phủ" | "Tỉnh"
                self.check("level-conflict", ctx, level_column, value=written, detail=f"{award_text}; {match.level}")
            return level, issuer.name if issuer else ""  # the column first (DOMAIN.md), flagged when contradicted
        if match.impossible:
            self.problem("impossible-level", ctx, award_column, value=award_text, detail=award.name)
            return None
        if match.level:
            return match.level, match.issuer.name if match.issuer else ""
        signed = ctx.table.heading.decision_level  # "(Kèm theo Quyết định … của Chủ tịch UBND tỉnh)"
        if signed and signed[0] in award.levels and not (decided and decided[1] == number):
            return signed
        if decided:
            options = decided[0].levels & set(award.levels)
            if len(options) == 1:
                return next(iter(options)), decided[0].issuer or ""
            if not options and decided[1] == number and not award.usual_level:  # "BK" + "12/QĐ-SLĐTBXH"
                self.problem("impossible-level", ctx, award_column, value=f"{award_text} — {number}", detail=award.name)
                return None
        headed = self._heading_level(ctx, award)
        if headed is not None:
            return headed
        usual = match.usual or award.usual_level  # "KNC … tỉnh Quảng Trị": the province's own, unless said otherwise
        if usual and not match.ambiguous:  # a text naming two levels is not guessed
            return usual, ""
        self.problem("ambiguous-level", ctx, award_column, value=award_text)
        return None

    def _one_of(
        self,
        ctx: Context,
        match: AwardMatch,
        named: frozenset[str],
        decided: DecisionSuffix | None,
        written: str,
        level_column: Column | None,
    ) -> tuple[str, str] | None:
        """The level of a row whose level cell names two or more ("Cấp Bộ, tỉnh", "Tỉnh/Huyện"):
        the one of them the award can have ("Bằng khen" | "Tỉnh/Huyện": only the province gives
        a Bằng khen), else the one the award text, the decision number or the heading names among
        them; else ambiguous-level (before: the first level written was taken, exit 0)."""
        award = match.award
        options = named & frozenset(award.levels)
        if not options:
            self.problem("impossible-level", ctx, level_column, value=written, detail=award.name)
            return None
        if (match.level and match.level not in options) or (decided and not decided.levels & options):
            # the award text or the decision names a level the cell does not: which is right is not said
            self.problem("ambiguous-level", ctx, level_column, value=written)
            return None
        if len(options) == 1:
            return next(iter(options)), ""
        said: list[tuple[str | None, str] | None] = [(match.level, match.issuer.name if match.issuer else "")]
        by_number = decided.levels & options if decided else frozenset()
        if len(by_number) == 1 and decided:
            said.append((next(iter(by_number)), decided.issuer or ""))
        said += [ctx.table.heading.decision_level, self._heading_level(ctx, award)]
        for found in said:
            if found and found[0] in options:
                return found[0], found[1]
        self.problem("ambiguous-level", ctx, level_column, value=written)
        return None

    def _heading_level(self, ctx: Context, award: Award) -> tuple[str, str] | None:
        """The level of a heading that names the same award with its issuer ("DANH SÁCH … ĐƯỢC
        TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH" over cells "Bằng khen"), or None."""
        text = ctx.table.heading.award_text
        found = self.match(text) if text else None
        if found is None or found.award is not award or not found.level or found.ambiguous:
            return None
        return found.level, found.issuer.name if found.issuer else ""

    def _check_decision_year(self, ctx: Context, year: int) -> None:
        """The decision's year ("Năm khen thưởng" beside "Năm thành tích": layout._decision_years)
        is no second year of the record; one before the achievement's, or no year at all, is a
        bad-date, as a decision date would be."""
        for column in ctx.table.columns.get("decision_year", ()):
            value = ctx.row[column.index]
            text = text_of(value)
            said = parse_period(value) if text else None
            if said is None and text:  # a date typed there ("15/01/2020"): its year
                with contextlib.suppress(BadDate):
                    day = parse_date(value)
                    said = (day.year, day.year) if day else None
            if said is None and re.search(r"\d", text):
                self.check("bad-date", ctx, column, value=text, detail="invalid")
            elif said is not None and said[1] < year:
                self.check("bad-date", ctx, column, value=text, detail="before-year")

    def _year(self, ctx: Context, period: tuple[int, int] | None) -> tuple[int, int] | None:
        """(year, first year of its period): the year column (the first filled one of two: two that
        differ are a year-conflict), else the period the award text ends with, else the heading's
        year. A period is counted in its last year ("2016-2020", "… giai đoạn 2019-2021" is 2021,
        the school year "2023-2024" 2024) and kept from its first. A year column that contradicts
        the award text ("LĐTT năm 2018" in a row of 2019; a year before the text's period; a period
        other than the text's) is followed, with the warning year-differs."""
        columns = ctx.table.columns.get("year", [])
        column = columns[0] if columns else None
        filled = [(c, ctx.row[c.index]) for c in columns if text_of(ctx.row[c.index])]
        read = [found for _, v in filled if (found := parse_period(v)) is not None]
        if _conflict(read):  # 2018 | 2019: which one?
            self.problem("year-conflict", ctx, filled[1][0], value=" / ".join(text_of(v) for _, v in filled))
            return None
        if filled:
            column, value = filled[0]
            if parse_period(value) is None:
                self.problem("bad-year", ctx, column, value=text_of(value))
                return None
            first, year = min(read)  # a period and its last year in the other column: the period
            if period is not None and _differs((first, year), period):
                said = str(period[0]) if period[0] == period[1] else f"{period[0]}–{period[1]}"
                self.check("year-differs", ctx, column, value=text_of(value), detail=said)
            if year - first == 1 and first == self._list_year(ctx.table):
                self.problem("ambiguous-year", ctx, column, value=text_of(value), detail=str(first))
                return None
            return year, min(first, period[0] if period and period[1] == year else year)
        if period is not None:
            if period[1] - period[0] == 1 and period[0] == self._list_year(ctx.table):  # "LĐTT năm học 2019-2020", list of 2019
                self.problem("ambiguous-year", ctx, ctx.table.first.get("award"), value=ctx.cell("award"), detail=str(period[0]))
                return None
            return period[1], period[0]
        if ctx.table.heading.year is None:
            self.problem("bad-year", ctx, column, value="")
            return None
        return ctx.table.heading.year, ctx.table.heading.year

    def _list_year(self, table: SheetTable) -> int | None:
        """The one year the list says, if it says one: its heading's ("NĂM 2019"; not a school year,
        a period, nor a year only a sheet, file or folder name gives), else the year every one-year
        cell of its year column holds. A school year ("2019-2020") starting in it is no year of the
        list's: the list of 2019 would count it in 2020 (`ambiguous-year`)."""
        if self._year_said is None:
            lines = table.heading.lines
            said = {y for line in lines if (y := plain_year_in_heading(line))}
            dated = any(names_period(line) or year_in_heading(line) for line in lines)
            column = table.first.get("year")
            if not dated and column is not None:
                i = column.index
                for value in {text_of(row[i]) for row in table.grid[table.first_data_row : table.end_row]}:
                    period = parse_period(value) if value else None
                    if period is not None and period[0] == period[1]:
                        said.add(period[0])
            self._year_said = (said.pop(),) if len(said) == 1 else ()
        return self._year_said[0] if self._year_said else None


def _conflict(read: list[tuple[int, int]]) -> bool:
    """Do two year cells of a row say different years? Different last years do, and two periods
    of several years with different starts; a year and a period that ends in it ("2020" |
    "2016-2020", the school year "2019-2020" | "2020") do not."""
    return len({last for _, last in read}) > 1 or len({p for p in read if p[1] - p[0] > 1}) > 1


def _differs(column: tuple[int, int], text: tuple[int, int]) -> bool:
    """Does the year column contradict the period an award's text ends with? A year (or a school
    year) does when it is before the text's period or is not the one year the text names (a
    period "2016-2020" with the decision's year 2021 is usual); a period of several years does
    when it is not the text's period, nor does the text name its last year."""
    first, year = column
    if year - first <= 1:
        return year < text[0] or text[0] == text[1] != year
    return column != text and text != (year, year)


def _filled(value: Cell) -> bool:
    """text_of(value) != "", without turning a date or a number into text."""
    if value.__class__ is str:
        return bool(text_of(value))
    return value is not None
