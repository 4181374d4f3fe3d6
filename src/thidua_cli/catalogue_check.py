"""`thidua catalogue --check FILE`: what a user's catalogue file would change, before it is used.

Errors (the file would be refused): not TOML, a level, kind or category outside the vocabulary,
a new award without its category, kinds or levels, a `years` range that is not [first, last]
in order. Warnings (the file loads, but not as its author expects): an alias that another award already has (it is ignored), an alias that takes
texts away from another award (shadowing), an alias given to two awards, an unaccented form
that now matches two awards, an unknown field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua_cli.catalogue import (
    CATEGORIES,
    KINDS,
    LEVELS,
    Catalogue,
    award_years,
    expand_classes,
    load_catalogue,
    uncached_catalogue,
    with_places,
)
from thidua_cli.errors import CatalogueError
from thidua_cli.records import MAX_YEAR, MIN_YEAR
from thidua_cli.text import ascii_key, key

_TABLES = {"award", "issuer", "levels", "kinds", "decision_suffix", "ambiguous_levels"}
_AWARD_FIELDS = {
    "name",
    "category",
    "kinds",
    "levels",
    "usual_level",
    "note",
    "aliases",
    "aliases_by_level",
    "article",
    "classes",
    "class_aliases",
    "detail",
    "details",
    "detail_excludes",
    "detail_levels",
    "years",
}
_ISSUER_FIELDS = {"name", "level", "aliases", "places", "place_prefixes", "tier"}

# code → (is an error, Vietnamese template, English template)
MESSAGES: dict[str, tuple[bool, str, str]] = {
    "bad-file": (True, "Không đọc được tệp: {detail}", "Cannot read the file: {detail}"),
    "unknown-table": (
        False,
        "Bảng [{value}] không được dùng (chỉ: award, issuer, levels, kinds, decision_suffix, ambiguous_levels).",
        "Table [{value}] is not used (only: award, issuer, levels, kinds, decision_suffix, ambiguous_levels).",
    ),
    "unknown-field": (False, "Trường '{value}' không được dùng; bị bỏ qua.", "Field '{value}' is not used; ignored."),
    "unknown-level": (
        True,
        "Cấp khen '{value}' không có; chọn một trong: {detail}.",
        "Level '{value}' does not exist; choose one of: {detail}.",
    ),
    "unknown-kind": (
        True,
        "Đối tượng '{value}' không có; chọn một trong: {detail}.",
        "Kind '{value}' does not exist; choose one of: {detail}.",
    ),
    "unknown-category": (
        True,
        "Loại '{value}' không có; chọn một trong: {detail}.",
        "Category '{value}' does not exist; choose one of: {detail}.",
    ),
    "incomplete-award": (
        True,
        "'{value}' là danh hiệu mới nên cần: {detail}.",
        "'{value}' is a new award, so it needs: {detail}.",
    ),
    "usual-level": (
        True,
        "usual_level '{value}' không thuộc các cấp của danh hiệu ({detail}).",
        "usual_level '{value}' is not one of the award's levels ({detail}).",
    ),
    "bad-years": (
        True,
        "years = {value} không hợp lệ: cần [năm đầu, năm cuối], hai số nguyên với {detail}.",
        "years = {value} is not valid: it needs [first, last], two whole numbers with {detail}.",
    ),
    "alias-taken": (
        False,
        'Cách viết "{value}" đã là của "{detail}": bị bỏ qua.',
        'Alias "{value}" already names "{detail}": ignored.',
    ),
    "alias-shadows": (
        False,
        '"{value}" sẽ được đọc là "{detail}" thay vì "{before}" (cách viết mới che cách viết cũ).',
        '"{value}" would be read as "{detail}" instead of "{before}" (the new alias shadows it).',
    ),
    "alias-two-awards": (
        False,
        'Cách viết "{value}" được khai cho hai danh hiệu ({detail}): chỉ danh hiệu đầu được dùng.',
        'Alias "{value}" is given to two awards ({detail}): only the first is used.',
    ),
    "alias-unaccented": (
        False,
        'Viết không dấu, "{value}" sẽ khớp hai danh hiệu ({detail}) nên không còn được nhận dạng.',
        'Written without accents, "{value}" would match two awards ({detail}), so it is no longer recognised.',
    ),
}


@dataclass(frozen=True)
class CheckFinding:
    code: str
    where: str  # "[[award]] Giấy khen"
    value: str = ""
    detail: str = ""
    before: str = ""

    @property
    def is_error(self) -> bool:
        return MESSAGES[self.code][0]

    def message(self, lang: str = "vi") -> str:
        _, vi, en = MESSAGES[self.code]
        return (en if lang == "en" else vi).format(value=self.value, detail=self.detail, before=self.before)

    def as_dict(self, lang: str = "vi") -> dict[str, str]:
        severity = "error" if self.is_error else "warning"
        return {"code": self.code, "severity": severity, "where": self.where, "message": self.message(lang)}


def check_catalogue(path: Path) -> list[CheckFinding]:
    """Every finding about a user's catalogue file, errors first."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [CheckFinding("bad-file", str(path), detail=str(exc))]
    base = load_catalogue()
    found = _vocabulary(data, base)
    if any(f.is_error for f in found):
        return found
    try:
        combined = uncached_catalogue((path,))
    except CatalogueError as exc:
        return [*found, CheckFinding("bad-file", str(path), detail=str(exc))]
    return found + _aliases(data, base) + _shadowing(base, combined)


def _vocabulary(data: dict[str, Any], base: Catalogue) -> list[CheckFinding]:
    out = [CheckFinding("unknown-table", "", value=name) for name in data if name not in _TABLES]
    for entry in data.get("award", []):
        where = f"[[award]] {entry.get('name', '?')}"
        out += [CheckFinding("unknown-field", where, value=f) for f in entry if f not in _AWARD_FIELDS]
        out += _award_vocabulary(entry, where, base)
    for entry in data.get("issuer", []):
        where = f"[[issuer]] {entry.get('name', '?')}"
        out += [CheckFinding("unknown-field", where, value=f) for f in entry if f not in _ISSUER_FIELDS]
        if "level" in entry:
            out += _in(entry["level"], LEVELS, "unknown-level", where)
    for name in data.get("levels", {}):
        out += _in(name, LEVELS, "unknown-level", "[levels]")
    for name in data.get("kinds", {}):
        out += _in(name, KINDS, "unknown-kind", "[kinds]")
    return out


def _award_vocabulary(entry: dict[str, Any], where: str, base: Catalogue) -> list[CheckFinding]:
    out: list[CheckFinding] = []
    known = _known(base, entry.get("name", ""))
    if known is None and not entry.get("classes"):
        missing = [f for f in ("category", "kinds", "levels") if f not in entry]
        if missing:
            out.append(CheckFinding("incomplete-award", where, value=str(entry.get("name")), detail=", ".join(missing)))
    out += _in(entry.get("category"), CATEGORIES, "unknown-category", where)
    for kind in entry.get("kinds", []):
        out += _in(kind, KINDS, "unknown-kind", where)
    for level in [*entry.get("levels", []), *entry.get("aliases_by_level", {})]:
        out += _in(level, LEVELS, "unknown-level", where)
    levels = entry.get("levels") or (known.levels if known else ())
    usual = entry.get("usual_level")
    if usual is not None and usual not in levels:
        out.append(CheckFinding("usual-level", where, value=str(usual), detail=", ".join(levels)))
    if "years" in entry:
        try:
            award_years(entry["years"], str(entry.get("name")), where)
        except CatalogueError:
            span = f"{MIN_YEAR} ≤ first ≤ last ≤ {MAX_YEAR}"
            out.append(CheckFinding("bad-years", where, value=_toml_value(entry["years"]), detail=span))
    return out


def _toml_value(value: Any) -> str:
    """A field's value as the file writes it ([2024, 2023], "2023")."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    return f'"{value}"' if isinstance(value, str) else str(value)


def _in(value: Any, allowed: tuple[str, ...], code: str, where: str) -> list[CheckFinding]:
    if value is None or value in allowed:
        return []
    return [CheckFinding(code, where, value=str(value), detail=", ".join(allowed))]


def _known(base: Catalogue, name: str) -> Any:
    try:
        return base.award(name)
    except KeyError:
        return None


def _user_aliases(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(award name, alias) for every alias the file gives, classes expanded."""
    out = []
    for raw in data.get("award", []):
        for entry in expand_classes(raw, "") if raw.get("name") else []:
            names = [entry["name"], *entry.get("aliases", [])]
            names += [a for aliases in entry.get("aliases_by_level", {}).values() for a in aliases]
            out += [(entry["name"], alias) for alias in names]
    return out


def _aliases(data: dict[str, Any], base: Catalogue) -> list[CheckFinding]:
    return _award_aliases(data, base) + _issuer_aliases(data, base)


def _award_aliases(data: dict[str, Any], base: Catalogue) -> list[CheckFinding]:
    out = []
    owners: dict[str, str] = {}
    for name, alias in _user_aliases(data):
        where = f"[[award]] {name}"
        k = key(alias)
        first = owners.setdefault(k, name)
        if first != name:
            out.append(CheckFinding("alias-two-awards", where, value=alias, detail=f"{first}, {name}"))
            continue
        taken = base.award_for_key(k)
        if taken is not None and taken != name:
            out.append(CheckFinding("alias-taken", where, value=alias, detail=taken))
            continue
        before = base.match_award(alias)
        if before is not None and before.award.name != name:
            out.append(CheckFinding("alias-shadows", where, value=alias, detail=name, before=before.award.name))
            continue
        others = {a for a, _ in base.awards_for_ascii(ascii_key(alias))} - {name}
        if others:
            out.append(CheckFinding("alias-unaccented", where, value=alias, detail=", ".join(sorted({*others, name}))))
    return out


def _issuer_aliases(data: dict[str, Any], base: Catalogue) -> list[CheckFinding]:
    out = []
    for raw in data.get("issuer", []):
        entry = with_places(raw)
        for alias in entry.get("aliases", []):
            issuer = base.issuer_for_key(key(alias))
            if issuer is not None and issuer.name != entry.get("name"):
                where = f"[[issuer]] {entry.get('name')}"
                out.append(CheckFinding("alias-taken", where, value=alias, detail=f"{issuer.name} ({issuer.level})"))
    return out


def _shadowing(base: Catalogue, combined: Catalogue) -> list[CheckFinding]:
    """Texts the shipped catalogue reads as one award and the extended one as another."""
    out = []
    for award in base.awards:
        for alias in (award.name, *award.aliases):
            before, after = base.match_award(alias), combined.match_award(alias)
            if before is None or after is None or before.award.name == after.award.name:
                continue
            where = f"[[award]] {after.award.name}"
            out.append(CheckFinding("alias-shadows", where, value=alias, detail=after.award.name, before=award.name))
    return out
