"""Who has earned the next step: chain rules (data files, versioned by achievement year) over records.

"Consecutive" counts achievement years, never decision dates; a gap year breaks a chain; a
recipient who already holds the target award within the rule's window is not a candidate.
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
from thidua_cli.people import Person, people
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.text import key

_AT = {name: RECORD_FIELDS.index(name) for name in RECORD_FIELDS}
_TYPES = ("consecutive", "in_window", "any_in_window", "prior")


@dataclass(frozen=True)
class Requirement:
    type: str
    award: str = ""
    levels: tuple[str, ...] = ()
    years: int = 0  # consecutive
    span: int = 0  # window length for in_window / any_in_window / prior
    at_least: int = 1
    awards: tuple[tuple[str, tuple[str, ...]], ...] = ()  # any_in_window

    @property
    def window(self) -> int:
        return self.years if self.type == "consecutive" else self.span

    def describe(self) -> str:
        levels = f" ({', '.join(self.levels)})" if self.levels else ""
        if self.type == "consecutive":
            return f"{self.years} năm liên tục đạt {self.award}{levels}"
        if self.type == "in_window":
            return f"ít nhất {self.at_least} lần {self.award}{levels} trong {self.span} năm"
        if self.type == "prior":
            return f"đã có {self.award}{levels} trước {self.span} năm xét"
        names = " hoặc ".join(f"{a}{' (' + ', '.join(lv) + ')' if lv else ''}" for a, lv in self.awards)
        return f"có {names} trong {self.span} năm"


@dataclass(frozen=True)
class Rule:
    id: str
    award: str
    level: str
    kind: str
    article: str
    requires: tuple[Requirement, ...]
    to_verify: tuple[str, ...] = ()
    unconfirmed: bool = False
    note: str = ""

    @property
    def window(self) -> int:
        return max(r.window for r in self.requires)


@dataclass(frozen=True)
class RuleSet:
    id: str
    name: str
    first_year: int
    last_year: int
    rules: tuple[Rule, ...]


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

    def as_candidate(self) -> dict[str, Any]:
        rule: dict[str, Any] = {"id": self.rule.id, "article": self.rule.article, "rule_set": self.rule_set.id}
        if self.rule.unconfirmed:
            rule["unconfirmed"] = True
            rule["note"] = self.rule.note
        return {
            "name": self.person.name,
            "unit": self.person.unit,
            "kind": self.person.kind,
            "award": self.rule.award,
            "level": self.rule.level,
            "rule": rule,
            "evidence": [e.as_dict() for e in self.evidence],
            "to_verify": list(self.rule.to_verify),
        }


# --- loading rule sets ------------------------------------------------------------------------
def shipped_rule_sets() -> list[RuleSet]:
    folder = DATA_FOLDER / "rules"
    texts = sorted((entry.name, entry.read_text("utf-8")) for entry in folder.iterdir() if entry.name.endswith(".toml"))
    return [_parse(tomllib.loads(text), name) for name, text in texts]


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
    raise CatalogueError(f"Không có bộ quy tắc nào cho năm {year}.")


def _parse(data: dict[str, Any], where: str) -> RuleSet:
    try:
        head = data["ruleset"]
        first, last = head["years"]
        rules = []
        for entry in data.get("rule", []):
            requires = []
            for req in entry["requires"]:
                if req["type"] not in _TYPES:
                    raise CatalogueError(f"{where}: loại điều kiện '{req['type']}' không hợp lệ ({', '.join(_TYPES)})")
                requires.append(
                    Requirement(
                        type=req["type"],
                        award=req.get("award", ""),
                        levels=tuple(req.get("levels", ())),
                        years=int(req.get("years", 0)),
                        span=int(req.get("span", 0)),
                        at_least=int(req.get("at_least", 1)),
                        awards=tuple((a["award"], tuple(a.get("levels", ()))) for a in req.get("awards", ())),
                    )
                )
            rules.append(
                Rule(
                    id=entry["id"],
                    award=entry["target"]["award"],
                    level=entry["target"]["level"],
                    kind=entry["kind"],
                    article=entry["article"],
                    requires=tuple(requires),
                    to_verify=tuple(entry.get("to_verify", ())),
                    unconfirmed=bool(entry.get("unconfirmed", False)),
                    note=entry.get("note", ""),
                )
            )
        return RuleSet(head["id"], head["name"], int(first), int(last), tuple(rules))
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


def apply(rule: Rule, rule_set: RuleSet, person: Person, year: int) -> Check:
    """Check one rule for one recipient in achievement year `year`."""
    reasons: list[str] = []
    evidence: list[Evidence] = []
    if person.kind != rule.kind:
        return Check(rule, rule_set, person, False, (f"quy tắc dành cho {rule.kind.lower()}",))
    window = range(year - rule.window + 1, year + 1)
    already = [r for y in window for r in person.holds(rule.award, y, [rule.level])]
    met = True
    for req in rule.requires:
        ok, found, why = _requirement(req, person, year)
        met &= ok
        evidence += found
        reasons.append(("✓ " if ok else "✗ ") + why)
    if already:
        met = False
        reasons.append(f"✗ đã có {rule.award} ({rule.level}) năm {already[0][_AT['year']]} trong khoảng xét")
    unique = sorted(set(evidence), key=lambda e: (e.year, e.award, e.file, e.sheet, e.row))
    return Check(rule, rule_set, person, met, tuple(reasons), tuple(unique))


def _requirement(req: Requirement, person: Person, year: int) -> tuple[bool, list[Evidence], str]:
    if req.type == "consecutive":
        years = range(year - req.years + 1, year + 1)
        held = {y: person.holds(req.award, y, req.levels) for y in years}
        missing = [y for y, found in held.items() if not found]
        found = [_evidence(found[0]) for found in held.values() if found]
        why = req.describe() + (f": thiếu năm {', '.join(map(str, missing))}" if missing else f" ({years[0]}–{year})")
        return not missing, found, why
    window = range(year - req.span + 1, year + 1)
    if req.type == "in_window":
        hits = [person.holds(req.award, y, req.levels) for y in window]
        found = [_evidence(h[0]) for h in hits if h]
        return len(found) >= req.at_least, found, f"{req.describe()}: có {len(found)} ({window[0]}–{year})"
    if req.type == "any_in_window":
        found = [_evidence(r) for y in window for award, levels in req.awards for r in person.holds(award, y, levels)]
        return (
            len(found) >= req.at_least,
            found[:1],
            f"{req.describe()}: {'có' if found else 'không có'} ({window[0]}–{year})",
        )
    earlier = [r for r in person.records if r[_AT["award"]] == req.award and int(r[_AT["year"]]) < window[0]]
    earlier = [r for r in earlier if not req.levels or r[_AT["level"]] in req.levels]
    found = [_evidence(earlier[-1])] if earlier else []
    return bool(earlier), found, f"{req.describe()} (trước {window[0]}): {'có' if earlier else 'không có'}"


def eligible(
    records: Iterable[Record],
    year: int,
    catalogue: Catalogue,
    award: str | None = None,
    rule_sets: Sequence[RuleSet] | None = None,
) -> list[Check]:
    """Candidates for achievement year `year`: every met rule, for every recipient."""
    rule_set = rule_set_for(year, rule_sets or shipped_rule_sets())
    wanted = _target_filter(award, catalogue)
    out = []
    for person in people(records):
        for rule in rule_set.rules:
            if wanted and rule.award not in wanted:
                continue
            check = apply(rule, rule_set, person, year)
            if check.met:
                out.append(check)
    order = {rule.id: i for i, rule in enumerate(rule_set.rules)}
    return sorted(out, key=lambda c: (order[c.rule.id], key(c.person.name), key(c.person.unit)))


def explain(records: Iterable[Record], name: str, year: int, rule_sets: Sequence[RuleSet] | None = None) -> list[Check]:
    """Every rule of the year's rule set applied to every recipient named `name`."""
    from thidua_cli.people import name_matches

    rule_set = rule_set_for(year, rule_sets or shipped_rule_sets())
    chosen = [r for r in records if name_matches(name, str(r[_AT["name"]]))]
    return [apply(rule, rule_set, person, year) for person in people(chosen) for rule in rule_set.rules]


def _target_filter(award: str | None, catalogue: Catalogue) -> set[str]:
    if not award:
        return set()
    match = catalogue.match_award(award)
    if match is None:
        raise CatalogueError(f'--award: không nhận dạng được "{award}"')
    return {match.award.name}
