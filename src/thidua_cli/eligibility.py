"""Who has earned the next step: chain rules (data files, versioned by achievement year) over records.

"Consecutive" counts achievement years, never decision dates; a gap year breaks a chain; a
recipient who already holds the target award within the rule's window is not a candidate. A
rule is one of the law's alternative standards ("điểm b khoản 1 Điều 73"): a result says which
standard it meets, never that the chain is the only route.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua_cli.catalogue import Catalogue
from thidua_cli.data import FOLDER as DATA_FOLDER
from thidua_cli.errors import CatalogueError
from thidua_cli.i18n import t
from thidua_cli.people import Person, people
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.text import key

_AT = {name: RECORD_FIELDS.index(name) for name in RECORD_FIELDS}
_ONE_OFF = frozenset(("đột xuất", "chuyên đề"))  # methods whose awards a "prior" rule does not count
_TYPES = ("consecutive", "in_window", "any_in_window", "prior", "cycles")


@dataclass(frozen=True)
class Requirement:
    type: str
    award: str = ""
    levels: tuple[str, ...] = ()
    years: int = 0  # consecutive
    span: int = 0  # window length for in_window / any_in_window / prior
    at_least: int = 1
    awards: tuple[tuple[str, tuple[str, ...]], ...] = ()  # any_in_window; consecutive: any of them
    times: int = 0  # cycles: how many cycles of `span` years, the last ending in YEAR

    @property
    def window(self) -> int:
        if self.type == "cycles":
            return self.times * self.span
        return self.years if self.type == "consecutive" else self.span

    @property
    def choices(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The awards that satisfy the requirement in a year: `award`, or any of `awards`."""
        return self.awards or ((self.award, self.levels),)

    def describe(self, lang: str = "vi") -> str:
        """ "3 năm liên tục đạt Chiến sĩ thi đua cơ sở"; award names and levels stay as the rule file writes them."""
        levels = f" ({', '.join(self.levels)})" if self.levels else ""
        names = t("r_or", lang).join(f"{a}{' (' + ', '.join(lv) + ')' if lv else ''}" for a, lv in self.choices)
        if self.type == "consecutive":
            return t("r_consecutive", lang, years=self.years, names=names)
        if self.type == "cycles":
            return t("r_cycles", lang, times=self.times, names=names, span=self.span)
        if self.type == "in_window":
            return t("r_in_window", lang, n=self.at_least, award=self.award, levels=levels, span=self.span)
        if self.type == "prior":
            return t("r_prior", lang, award=self.award, levels=levels, span=self.span)
        return t("r_any", lang, names=names, span=self.span)


@dataclass(frozen=True)
class Rule:
    id: str
    award: str
    levels: tuple[str, ...]  # the target's levels; the first unless the recipient's records show another
    kind: str
    article: str
    requires: tuple[Requirement, ...]
    to_verify: tuple[str, ...] = ()
    unconfirmed: bool = False
    note: str = ""
    standard: str = ""  # which of the article's alternative standards the rule checks ("điểm b khoản 1")

    @property
    def level(self) -> str:
        return self.levels[0]

    @property
    def window(self) -> int:
        return max(r.window for r in self.requires)

    def meets(self, lang: str = "vi") -> str:
        """ "đáp ứng tiêu chuẩn điểm b khoản 1 Điều 73 (Luật TĐKT 2022)": one route, not the only one."""
        if not self.standard:
            return t("r_meets_one", lang, article=self.article)
        law, _, article = self.article.rpartition(", ")
        return t("r_meets", lang, standard=self.standard, article=article or self.article) + (
            f" ({law})" if law else ""
        )


@dataclass(frozen=True)
class RuleSet:
    id: str
    name: str
    first_year: int
    last_year: int
    rules: tuple[Rule, ...]
    note: str = ""  # what in the set is not confirmed from a primary text


@dataclass(frozen=True)
class Evidence:
    year: int
    award: str
    level: str
    file: str
    sheet: str
    row: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "award": self.award,
            "level": self.level,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
        }


@dataclass(frozen=True)
class Check:
    """One rule applied to one recipient: met or not, with the reasons and the evidence."""

    rule: Rule
    rule_set: RuleSet
    person: Person
    met: bool
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    level: str = ""  # the target level for this recipient (a ministry's staff: Bộ, a province's: Tỉnh)

    def as_candidate(self, lang: str = "vi") -> dict[str, Any]:
        rule: dict[str, Any] = {
            "id": self.rule.id,
            "article": self.rule.article,
            "standard": self.rule.standard,
            "meets": self.rule.meets(lang),
            "rule_set": self.rule_set.id,
        }
        if self.rule.unconfirmed:
            rule["unconfirmed"] = True
            rule["note"] = self.rule.note
        if self.rule_set.note:
            rule["rule_set_note"] = self.rule_set.note
        return {
            "name": self.person.name,
            "unit": self.person.unit,
            "kind": self.person.kind,
            "award": self.rule.award,
            "level": self.level or self.rule.level,
            "rule": rule,
            "evidence": [e.as_dict() for e in self.evidence],
            "to_verify": list(self.rule.to_verify),
        }


# --- loading rule sets ------------------------------------------------------------------------
def shipped_rule_sets() -> list[RuleSet]:
    """The shipped sets in year order; a set may `extends` another (its rules, then its own)."""
    folder = DATA_FOLDER / "rules"
    texts = sorted((entry.name, entry.read_text("utf-8")) for entry in folder.iterdir() if entry.name.endswith(".toml"))
    parsed = {name: tomllib.loads(text) for name, text in texts}
    by_id = {data["ruleset"]["id"]: data for data in parsed.values()}
    sets = [_parse(_extended(data, by_id), name) for name, data in parsed.items()]
    return sorted(sets, key=lambda rs: rs.first_year)


def _extended(data: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    parent_id = data["ruleset"].get("extends")
    if not parent_id:
        return data
    parent = _extended(by_id[parent_id], by_id)
    own = {rule["id"]: rule for rule in data.get("rule", [])}
    rules = [own.pop(rule["id"], rule) for rule in parent.get("rule", [])] + list(own.values())
    return {**data, "rule": rules}


def load_rule_set(path: Path) -> RuleSet:
    try:
        return _parse(tomllib.loads(path.read_text("utf-8")), str(path))
    except OSError as exc:
        raise CatalogueError(f"{path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: {exc}") from exc


def rule_set_for(year: int, rule_sets: Sequence[RuleSet]) -> RuleSet:
    for rule_set in rule_sets:
        if rule_set.first_year <= year <= rule_set.last_year:
            return rule_set
    spans = ", ".join(f"{rs.first_year}–{rs.last_year}" for rs in rule_sets)
    raise CatalogueError(
        f"Không có bộ quy tắc nào cho năm {year} (có: {spans}).", f"No rule set covers the year {year} (there are: {spans})."
    )


def _requirement_of(req: dict[str, Any], where: str) -> Requirement:
    if req["type"] not in _TYPES:
        raise CatalogueError(f"{where}: loại điều kiện '{req['type']}' không hợp lệ ({', '.join(_TYPES)})")
    return Requirement(
        type=req["type"],
        award=req.get("award", ""),
        levels=tuple(req.get("levels", ())),
        years=int(req.get("years", 0)),
        span=int(req.get("span", 0)),
        at_least=int(req.get("at_least", 1)),
        awards=tuple((a["award"], tuple(a.get("levels", ()))) for a in req.get("awards", ())),
        times=int(req.get("times", 0)),
    )


def _rule_of(entry: dict[str, Any], where: str) -> Rule:
    target = entry["target"]
    levels = tuple(target["levels"]) if "levels" in target else (target["level"],)
    return Rule(
        id=entry["id"],
        award=target["award"],
        levels=levels,
        kind=entry["kind"],
        article=entry["article"],
        requires=tuple(_requirement_of(req, where) for req in entry["requires"]),
        to_verify=tuple(entry.get("to_verify", ())),
        unconfirmed=bool(entry.get("unconfirmed", False)),
        note=entry.get("note", ""),
        standard=entry.get("standard", ""),
    )


def _parse(data: dict[str, Any], where: str) -> RuleSet:
    try:
        head = data["ruleset"]
        first, last = head["years"]
        rules = tuple(_rule_of(entry, where) for entry in data.get("rule", []))
        return RuleSet(head["id"], head["name"], int(first), int(last), rules, head.get("note", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogueError(f"{where}: bộ quy tắc không đúng dạng ({exc})") from exc


# --- applying rules ---------------------------------------------------------------------------
def _evidence(record: Record) -> Evidence:
    return Evidence(
        int(record[_AT["year"]]),
        str(record[_AT["award"]]),
        str(record[_AT["level"]]),
        str(record[_AT["file"]]),
        str(record[_AT["sheet"]]),
        int(record[_AT["row"]]),
    )


def apply(
    rule: Rule, rule_set: RuleSet, person: Person, year: int, catalogue: Catalogue | None = None, lang: str = "vi"
) -> Check:
    """Check one rule for one recipient in achievement year `year`; the reasons in `lang`."""
    reasons: list[str] = []
    evidence: list[Evidence] = []
    if person.kind != rule.kind:
        return Check(rule, rule_set, person, False, (t("r_kind", lang, kind=rule.kind.lower()),))
    level = _target_level(rule, person, year, catalogue)
    window = range(year - rule.window + 1, year + 1)
    already = [r for y in window for r in person.holds(rule.award, y, rule.levels)]
    met = True
    for req in rule.requires:
        ok, found, why = _requirement(req, person, year, lang)
        met &= ok
        evidence += found
        reasons.append(("✓ " if ok else "✗ ") + why)
    if already:
        met = False
        held = already[0]
        reasons.append("✗ " + t("r_held", lang, award=rule.award, level=held[_AT["level"]], year=held[_AT["year"]]))
    elif met:
        reasons.append("→ " + t("r_met", lang, meets=rule.meets(lang)))
    unique = sorted(set(evidence), key=lambda e: (e.year, e.award, e.file, e.sheet, e.row))
    return Check(rule, rule_set, person, met, tuple(reasons), tuple(unique), level)


def _target_level(rule: Rule, person: Person, year: int, catalogue: Catalogue | None) -> str:
    """A target several levels confer (Bằng khen, CSTĐ of "bộ, ban, ngành, tỉnh", L2022 Đ.74,
    Đ.22): the level of the body that manages the recipient, from (1) their latest emulation
    title at one of those levels (only the managing body confers titles; a Bằng khen may come
    from any ministry), (2) the decision numbers of their grass-roots awards ("/QĐ-UBND" is a
    province's, "/QĐ-BTC" a ministry's), (3) their unit's name ("Cục …", "Sở …"); else the
    rule's first level (the output says to verify it). The issuer of a grass-roots award
    (Cục trưởng, Giám đốc Sở) tells it as the decision number does."""
    if len(rule.levels) == 1:
        return rule.levels[0]
    at_level, at_year = _AT["level"], _AT["year"]
    titles = [
        r
        for r in person.records
        if r[at_level] in rule.levels and r[_AT["category"]] == "Danh hiệu thi đua" and int(r[at_year]) <= year
    ]
    if titles:
        return str(max(titles, key=lambda r: int(r[at_year]))[at_level])
    if catalogue is not None:
        for record in sorted(person.records, key=lambda r: -int(r[at_year])):
            found = _grass_roots_tier(record, catalogue) if record[at_level] == "Cơ sở" else None
            if found in rule.levels:
                return str(found)
        found = catalogue.unit_level(person.unit)
        if found in rule.levels:
            return str(found)
    return rule.levels[0]


def _grass_roots_tier(record: Record, catalogue: Catalogue) -> str | None:
    """Whose system a grass-roots award shows: its issuer's (Cục trưởng: a ministry's; Giám đốc
    Sở: a province's), else its decision number's ("/QĐ-BTC" a ministry's, "/QĐ-UBND" a province's)."""
    tier = catalogue.issuer_tier(str(record[_AT["issuer"]]))
    if tier:
        return tier
    rule = catalogue.decision_levels(str(record[_AT["decision_number"]]))
    if rule and rule.levels <= {"Bộ", "Chính phủ", "Nhà nước"}:
        return "Bộ"
    if rule and rule.levels & {"Tỉnh", "Cơ sở"}:
        return "Tỉnh"
    return None


def _holds_any(req: Requirement, person: Person, year: int) -> list[Record]:
    return [r for award, levels in req.choices for r in person.holds(award, year, levels)]


def _requirement(req: Requirement, person: Person, year: int, lang: str) -> tuple[bool, list[Evidence], str]:
    if req.type in ("consecutive", "cycles"):
        if req.type == "consecutive":
            years = list(range(year - req.years + 1, year + 1))
        else:  # one cycle ends in YEAR, the one before `span` years earlier
            years = [year - req.span * i for i in range(req.times - 1, -1, -1)]
        held = {y: _holds_any(req, person, y) for y in years}
        missing = [y for y, found in held.items() if not found]
        found = [_evidence(found[0]) for found in held.values() if found]
        shown = f"{years[0]}–{year}" if req.type == "consecutive" else ", ".join(map(str, years))
        gap = t("r_missing", lang, years=", ".join(map(str, missing)))
        why = req.describe(lang) + (f": {gap}" if missing else f" ({shown})")
        return not missing, found, why
    window = range(year - req.span + 1, year + 1)
    if req.type == "in_window":
        hits = [person.holds(req.award, y, req.levels) for y in window]
        found = [_evidence(h[0]) for h in hits if h]
        counted = t("r_count", lang, n=len(found))
        return len(found) >= req.at_least, found, f"{req.describe(lang)}: {counted} ({window[0]}–{year})"
    if req.type == "any_in_window":
        found = [_evidence(r) for y in window for award, levels in req.awards for r in person.holds(award, y, levels)]
        return (
            len(found) >= req.at_least,
            found[:1],
            f"{req.describe(lang)}: {t('r_found' if found else 'r_none', lang)} ({window[0]}–{year})",
        )
    earlier = [  # an award for a đột xuất or chuyên đề achievement is none to build on (NĐ 152/2025; LAW.md §1)
        r
        for r in person.records
        if r[_AT["award"]] == req.award and int(r[_AT["year"]]) < window[0] and r[_AT["method"]] not in _ONE_OFF
    ]
    earlier = [r for r in earlier if not req.levels or r[_AT["level"]] in req.levels]
    found = [_evidence(earlier[-1])] if earlier else []
    before = t("r_before", lang, year=window[0])
    return bool(earlier), found, f"{req.describe(lang)} ({before}): {t('r_found' if earlier else 'r_none', lang)}"


def eligible(
    records: Iterable[Record],
    year: int,
    catalogue: Catalogue,
    award: str | None = None,
    rule_sets: Sequence[RuleSet] | None = None,
    lang: str = "vi",
) -> list[Check]:
    """Candidates for achievement year `year`: every met rule, for every recipient (reasons in `lang`)."""
    rule_set = rule_set_for(year, rule_sets or shipped_rule_sets())
    wanted = _target_filter(award, catalogue)
    out = []
    for person in people(records):
        for rule in rule_set.rules:
            if wanted and rule.award not in wanted:
                continue
            check = apply(rule, rule_set, person, year, catalogue, lang)
            if check.met:
                out.append(check)
    order = {rule.id: i for i, rule in enumerate(rule_set.rules)}
    return sorted(out, key=lambda c: (order[c.rule.id], key(c.person.name), key(c.person.unit)))


def explain(
    records: Iterable[Record],
    name: str,
    year: int,
    rule_sets: Sequence[RuleSet] | None = None,
    catalogue: Catalogue | None = None,
    lang: str = "vi",
) -> list[Check]:
    """Every rule of the year's rule set applied to every recipient named `name` (reasons in `lang`)."""
    from thidua_cli.catalogue import load_catalogue
    from thidua_cli.people import name_matches

    rule_set = rule_set_for(year, rule_sets or shipped_rule_sets())
    chosen = [r for r in records if name_matches(name, str(r[_AT["name"]]))]
    cat = catalogue or load_catalogue()
    return [apply(rule, rule_set, person, year, cat, lang) for person in people(chosen) for rule in rule_set.rules]


def _target_filter(award: str | None, catalogue: Catalogue) -> set[str]:
    if not award:
        return set()
    match = catalogue.match_award(award)
    if match is None:
        raise CatalogueError(f'--award: không nhận dạng được "{award}"', f'--award: "{award}" is not recognised')
    return {match.award.name}
