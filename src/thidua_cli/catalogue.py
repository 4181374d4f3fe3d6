"""The award catalogue: awards, aliases, issuers and levels, from data files."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from thidua_cli.data import read_text as read_data
from thidua_cli.errors import CatalogueError
from thidua_cli.text import ascii_key, closest, key, nfc

T = TypeVar("T")
LEVELS = ("Nhà nước", "Chính phủ", "Bộ", "Tỉnh", "Cơ sở")
KINDS = ("Cá nhân", "Tập thể", "Hộ gia đình")
CATEGORIES = ("Danh hiệu thi đua", "Hình thức khen thưởng")
USER_CATALOGUE_NAME = "thidua-catalogue.toml"

# Words that may stand before an award ("Tặng Bằng khen", "Đạt danh hiệu …") or between the
# award and its issuer ("Bằng khen của Chủ tịch UBND tỉnh").
_LEADING = (
    "được tặng thưởng",
    "được tặng",
    "tặng thưởng",
    "tặng",
    "đạt danh hiệu",
    "danh hiệu",
    "đạt",
    "được công nhận",
)
_CONNECTORS = ("của", "do", "cấp", "được", "tặng")
_YEAR_TAIL = re.compile(r"^(năm( học)? )?\d{4}( \d{4})?$")


@dataclass(frozen=True)
class Award:
    name: str
    category: str
    kinds: tuple[str, ...]
    levels: tuple[str, ...]
    usual_level: str | None
    note: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def single_kind(self) -> str | None:
        return self.kinds[0] if len(self.kinds) == 1 else None


@dataclass(frozen=True)
class Issuer:
    name: str
    level: str


@dataclass(frozen=True)
class AwardMatch:
    """An award cell understood: the award, and the issuer or level written inside it."""

    award: Award
    issuer: Issuer | None = None
    level: str | None = None


@dataclass(frozen=True)
class DecisionSuffix:
    pattern: re.Pattern[str]
    levels: frozenset[str]
    issuer: str | None


@dataclass
class Catalogue:
    awards: list[Award]
    issuers: list[Issuer]
    suffixes: list[DecisionSuffix]
    sources: list[str] = field(default_factory=list)
    _award_keys: dict[str, tuple[Award, str | None]] = field(default_factory=dict, repr=False)
    _award_ascii: dict[str, set[tuple[str, str | None]]] = field(default_factory=dict, repr=False)
    _issuer_keys: dict[str, Issuer] = field(default_factory=dict, repr=False)
    _level_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _kind_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _name_prefixes: dict[str, str] = field(default_factory=dict, repr=False)
    _surnames: frozenset[str] = field(default_factory=frozenset, repr=False)
    _prefix_starts: frozenset[str] = field(default_factory=frozenset, repr=False)
    fingerprint: str = ""

    # --- lookups ------------------------------------------------------------------------
    def award(self, name: str) -> Award:
        for award in self.awards:
            if award.name == name:
                return award
        raise KeyError(name)

    def match_award(self, text: str) -> AwardMatch | None:
        """The award a cell names, with any issuer or level written in it; None if unknown.
        A parenthesised aside ("Lao động tiên tiến (LĐTT)") is tried without, as a last resort."""
        found = self._match_award_key(key(text))
        if found is None and "(" in text:
            bare = re.sub(r"\([^)]*\)?", " ", text)
            found = self._match_award_key(key(bare)) if bare.strip() else None
        return found

    def _match_award_key(self, k: str) -> AwardMatch | None:
        for lead in _LEADING:
            if k.startswith(lead + " "):
                inner = self._match_award_key(k[len(lead) + 1 :])
                if inner:
                    return inner
        found = self._award_keys.get(k)
        if found:
            return AwardMatch(found[0], level=found[1])
        for alias in _prefixes(k, self._award_keys):
            award, level = self._award_keys[alias]
            rest = _strip_connectors(k[len(alias) + 1 :])
            if not rest or _YEAR_TAIL.match(rest):
                return AwardMatch(award, level=level)
            issuer = self._match_issuer_key(rest)
            if issuer:
                return AwardMatch(award, issuer=issuer, level=issuer.level)
            level_named = self._match_level_key(rest)
            if level_named:
                return AwardMatch(award, level=level_named)
        # Last resort: unaccented text, only where it points to exactly one award.
        candidates = self._award_ascii.get(ascii_key(k), set())
        if len(candidates) == 1:
            name, level = next(iter(candidates))
            return AwardMatch(self.award(name), level=level)
        return None

    def _match_issuer_key(self, k: str) -> Issuer | None:
        return _lookup(self._issuer_keys, _strip_connectors(k))

    def _match_level_key(self, k: str) -> str | None:
        return _lookup(self._level_keys, _strip_connectors(k))

    def match_level(self, text: str) -> tuple[str, Issuer | None] | None:
        """A level/issuer cell: ("Tỉnh", Issuer) for "Chủ tịch UBND tỉnh", ("Tỉnh", None) for "Cấp tỉnh"."""
        k = key(text)
        issuer = self._match_issuer_key(k)
        level = self._match_level_key(k)
        if level and (not issuer or k in self._level_keys):
            return level, None
        if issuer:
            return issuer.level, issuer
        return None

    def match_kind(self, text: str) -> str | None:
        k = key(text)
        return self._kind_keys.get(k) or self._kind_keys.get(ascii_key(k))

    def name_kind(self, name: str) -> str | None:
        """The kind a recipient's name shows ("Phòng Kế toán" → Tập thể), or None if it shows none."""
        words = name.casefold().split()
        if not words:
            return None
        surname = words[0] in self._surnames
        if words[0] in self._prefix_starts:  # collective prefixes are one to three words
            # "Đoàn" is a surname and a collective ("Đoàn Thanh niên"): only a longer prefix decides
            for n in (3, 2) if surname else (3, 2, 1):
                found = self._name_prefixes.get(" ".join(words[:n])) if len(words) >= n else None
                if found:
                    return found
            if surname:
                return None
        if 2 <= len(words) <= 5 and surname:
            return "Cá nhân"
        return None

    def decision_levels(self, number: str) -> DecisionSuffix | None:
        """What the suffix of a decision number ("45/QĐ-TTg") says about its level."""
        match = re.search(r"/\s*(?:QĐ|QD|Qđ|qđ)\s*[-–]\s*([^\s,;.)]+)", number)
        if not match:
            return None
        suffix = match.group(1).upper()
        for rule in self.suffixes:
            if rule.pattern.search(suffix):
                return rule
        return None

    def suggest_award(self, text: str) -> str | None:
        choices = {ascii_key(alias): award.name for award in self.awards for alias in (award.name, *award.aliases)}
        return closest(text, choices)


def _lookup(table: dict[str, T], k: str) -> T | None:
    """The entry for `k`, else for the longest alias that starts it ("Chủ tịch UBND tỉnh X")."""
    if k in table:
        return table[k]
    for alias in _prefixes(k, table):
        return table[alias]
    return None


def _prefixes(k: str, table: dict[str, Any]) -> Iterable[str]:
    """Aliases that start `k` at a word boundary, longest first."""
    words = k.split(" ")
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in table:
            yield head


def _strip_connectors(k: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in _CONNECTORS:
            if k.startswith(word + " "):
                k, changed = k[len(word) + 1 :], True
    return k


# --- loading ----------------------------------------------------------------------------
def _read_toml(path: Path | None) -> tuple[dict[str, Any], str]:
    if path is None:
        text = read_data("catalogue.toml")
        return tomllib.loads(text), text
    try:
        text = path.read_text("utf-8")
        return tomllib.loads(text), text
    except OSError as exc:
        raise CatalogueError(f"{path}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: {exc}") from exc


def _check(value: str, allowed: Sequence[str], what: str, where: str) -> str:
    if value not in allowed:
        raise CatalogueError(f"{where}: {what} '{value}' không hợp lệ; chọn một trong: {', '.join(allowed)}")
    return value


def load_catalogue(extra: Sequence[Path] = ()) -> Catalogue:
    """The shipped catalogue, extended by a user's files (aliases, awards, issuers)."""
    return _load_catalogue(tuple(extra))


@cache
def _load_catalogue(extra: tuple[Path, ...]) -> Catalogue:
    base, base_text = _read_toml(None)
    texts = [base_text]
    award_data: dict[str, dict[str, Any]] = {}
    issuer_data: dict[str, dict[str, Any]] = {}
    levels: dict[str, list[str]] = {k: list(v) for k, v in base.get("levels", {}).items()}
    kinds: dict[str, list[str]] = {k: list(v) for k, v in base.get("kinds", {}).items()}
    suffixes = list(base.get("decision_suffix", []))
    sources = ["(tích hợp sẵn)"]
    for path, data in [(None, base)] + [(p, _read_toml(p)[0]) for p in extra]:
        where = str(path) if path else "catalogue.toml"
        if path is not None:
            texts.append(path.read_text("utf-8"))
            sources.append(str(path))
        for entry in data.get("award", []):
            _merge(award_data, entry, where, "award")
        for entry in data.get("issuer", []):
            _merge(issuer_data, entry, where, "issuer")
        if path is not None:
            for name, aliases in data.get("levels", {}).items():
                levels.setdefault(_check(name, LEVELS, "cấp khen", where), []).extend(aliases)
            for name, aliases in data.get("kinds", {}).items():
                kinds.setdefault(_check(name, KINDS, "đối tượng", where), []).extend(aliases)
            suffixes.extend(data.get("decision_suffix", []))
    awards = [_award(entry) for entry in award_data.values()]
    issuers = [Issuer(e["name"], _check(e["level"], LEVELS, "cấp khen", e["_where"])) for e in issuer_data.values()]
    catalogue = Catalogue(
        awards=awards,
        issuers=issuers,
        suffixes=[
            DecisionSuffix(re.compile(s["pattern"], re.IGNORECASE), frozenset(s["levels"]), s.get("issuer"))
            for s in suffixes
        ],
        sources=sources,
        fingerprint=hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16],
    )
    for award in awards:
        for alias, level in _award_aliases(award_data[award.name]):
            catalogue._award_keys.setdefault(key(alias), (award, level))
            catalogue._award_ascii.setdefault(ascii_key(alias), set()).add((award.name, level))
    for issuer in issuers:
        for alias in (issuer.name, *issuer_data[issuer.name].get("aliases", [])):
            catalogue._issuer_keys.setdefault(key(alias), issuer)
    for level, aliases in levels.items():
        for alias in (level, *aliases):
            catalogue._level_keys.setdefault(key(alias), level)
    names = base.get("names", {})
    prefixes = [(p, "Tập thể") for p in names.get("collective_prefixes", [])]
    prefixes += [(p, "Hộ gia đình") for p in names.get("household_prefixes", [])]
    catalogue._name_prefixes = {nfc(p).casefold(): kind for p, kind in prefixes}
    catalogue._prefix_starts = frozenset(p.split(" ", 1)[0] for p in catalogue._name_prefixes)
    catalogue._surnames = frozenset(nfc(s).casefold() for s in names.get("surnames", []))
    for kind, aliases in kinds.items():
        for alias in (kind, *aliases):
            catalogue._kind_keys.setdefault(key(alias), kind)
            catalogue._kind_keys.setdefault(ascii_key(alias), kind)
    return catalogue


def _merge(table: dict[str, dict[str, Any]], entry: dict[str, Any], where: str, what: str) -> None:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogueError(f"{where}: mỗi [[{what}]] cần có 'name'")
    if name in table:
        known = table[name]
        known["aliases"] = [*known.get("aliases", []), *entry.get("aliases", [])]
        for level, aliases in entry.get("aliases_by_level", {}).items():
            known.setdefault("aliases_by_level", {}).setdefault(level, []).extend(aliases)
        if "usual_level" in entry:  # a user's default level for an award several levels confer
            known["usual_level"] = entry["usual_level"]
            known["_where"] = where
        return
    required = ("category", "kinds", "levels") if what == "award" else ("level",)
    missing = [field for field in required if field not in entry]
    if missing:
        raise CatalogueError(f"{where}: '{name}' là mục mới nên cần: {', '.join(missing)}")
    table[name] = {**entry, "_where": where}


def _award(entry: dict[str, Any]) -> Award:
    where = entry["_where"]
    levels = tuple(_check(level, LEVELS, "cấp khen", where) for level in entry["levels"])
    usual = entry.get("usual_level") or (levels[0] if len(levels) == 1 else None)
    if usual is not None and usual not in levels:
        raise CatalogueError(f"{where}: usual_level '{usual}' của '{entry['name']}' phải thuộc {', '.join(levels)}")
    return Award(
        name=entry["name"],
        category=_check(entry["category"], CATEGORIES, "loại", where),
        kinds=tuple(_check(kind, KINDS, "đối tượng", where) for kind in entry["kinds"]),
        levels=levels,
        usual_level=usual,
        note=entry.get("note", ""),
        aliases=tuple(alias for alias, _ in _award_aliases(entry) if alias != entry["name"]),
    )


def _award_aliases(entry: dict[str, Any]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [(entry["name"], None)]
    out += [(alias, None) for alias in entry.get("aliases", [])]
    for level, aliases in entry.get("aliases_by_level", {}).items():
        out += [(alias, level) for alias in aliases]
    return out


def find_user_catalogues(explicit: Sequence[Path], cwd: Path) -> list[Path]:
    """`--catalogue` files, else thidua-catalogue.toml in the working directory if present."""
    if explicit:
        return list(explicit)
    local = cwd / USER_CATALOGUE_NAME
    return [local] if local.is_file() else []
