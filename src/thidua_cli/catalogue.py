"""The award catalogue: awards, aliases, issuers and levels, from data files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from thidua_cli.data import read_text as read_data
from thidua_cli.errors import CatalogueError
from thidua_cli.patterns import lazy
from thidua_cli.records import LONGEST_PERIOD, MAX_YEAR, MIN_YEAR
from thidua_cli.text import PART_SEPARATORS, ascii_key, ascii_of_key, closest, key, new_tones, nfc, old_tones

T = TypeVar("T")
LEVELS = ("Nhà nước", "Chính phủ", "Bộ", "Tỉnh", "Cơ sở")
KINDS = ("Cá nhân", "Tập thể", "Hộ gia đình")
CATEGORIES = ("Danh hiệu thi đua", "Hình thức khen thưởng", "Danh hiệu vinh dự Nhà nước")
FORMS = CATEGORIES[1]  # forms of commendation (Bằng khen, Giấy khen …): given for each achievement, by a method
USER_CATALOGUE_NAME = "thidua-catalogue.toml"

# Words that may stand before an award ("Tặng Bằng khen", "Đạt danh hiệu …") or between the
# award and its issuer ("Bằng khen của Chủ tịch UBND tỉnh").
_LEADING = (
    "được tặng thưởng",
    "được tặng",
    "tặng thưởng",
    "tặng",
    "được truy tặng",
    "truy tặng",
    "được phong tặng",
    "phong tặng",
    "truy phong",
    "được nhà nước phong tặng",
    "được nhà nước tặng thưởng",
    "đạt danh hiệu",
    "danh hiệu",
    "đạt",
    "được công nhận",
    "công nhận",
    "khen thưởng",
)
_CONNECTORS = ("của", "do", "cấp", "được", "tặng")
_LEADING_SPACED = tuple(lead + " " for lead in _LEADING)
_CONNECTORS_SPACED = tuple(word + " " for word in _CONNECTORS)
_YEAR_TAIL = lazy(r"^(năm( học)? )?\d{4}( \d{4})?$")
_YEAR_HEAD = lazy(r"^(?:năm học |năm |giai đoạn |nhiệm kỳ )(\d{4}) ?(\d{4})?(?: |$)(.*)$")
_KINDS_WRITTEN = {"cá nhân": "Cá nhân", "tập thể": "Tập thể", "hộ gia đình": "Hộ gia đình"}
_UNIT_NUMBER = lazy(r"\d+[a-zđ]?|[a-zđ]|i{1,3}|iv")  # after "Ca", "Kíp": "1", "2a", "A", "II"; not "Văn"
_NUMBER = lazy(r"\d+[a-zđ]?")
MIDDLE_NAMES = frozenset(("văn", "thị"))  # "Đoàn Văn Hùng", "Lâm Thị Lan": a person's middle name, no unit's word
_NAMESAKE_MARK = lazy(r"(?:\s*(?:\([^()]{1,6}\)|\d{1,2}|[.*,;:-]))+$")  # what tells namesakes apart, at the end
_KIND_WORDS = lazy(r"^(?:cho |đối với )?(cá nhân|tập thể|hộ gia đình)(?: |$)")
_ROUND_TAIL = lazy(r"^(?:đợt|lần(?: thứ)?)(?: \w+)?(?: năm)?(?: \d{4})?$")  # "… lần thứ 15", "… đợt 2 năm 2020"
_ISSUER_FIRST = lazy(r"^(?:được )?(.+?) (?:tặng thưởng|phong tặng|truy tặng|tặng|công nhận) (.+)$")
# A trailing period: "… năm 2022", "… năm học 2023-2024", "… giai đoạn 2019-2021", "(2016-2020)".
# Never the year of a date or a decision number ("ngày 12/5/2020", "12/QĐ-UBND/2020").
_PERIOD_TAIL = lazy(
    r"(?<![\w/.\-–])[(\[]?\s*(?:(?:trong|cho)\s+)?"
    r"(?:(?:năm học|năm|giai đoạn|nhiệm kỳ|thời kỳ|các năm|từ năm|niên khóa|niên khoá)\s*)?"
    r"(\d{4})(?:\s*(?:[-–—/]|đến(?:\s+năm)?)\s*(\d{4}))?\s*[)\]]?[\s.;,]*$",
    re.IGNORECASE,
)
# Words that may join the levels of a text that names two ("bộ, ban, ngành, tỉnh").
_LEVEL_FILLERS = frozenset(("ban", "ngành", "đoàn", "thể", "trung", "ương", "tw", "và", "hoặc", "cấp", "địa", "phương"))
_DETAIL_SPLIT = (" của ", " do ", " cho ")
_CLASS_FORMS = {"Nhất": ("I", "1"), "Nhì": ("II", "2"), "Ba": ("III", "3")}
_MATCH_CACHE_SIZE = 200_000
_QUOTES = "\"'“”‘’«»„`´"
# What separates two levels or issuers in one level cell ("Tỉnh/Huyện", "UBND tỉnh, Bộ Y tế").
_YEAR_LIST = lazy(r"(?<![\d/.\-])(?:19|20)\d{2}\s*(?:,|;|&|\+|\bvà\b)\s*(?:năm\s*)?(?:19|20)\d{2}(?![\d/])", re.IGNORECASE)
_LEVEL_SEPARATORS = lazy(r"\s*(?:[,;/+]|\bvà\b|\bhoặc\b)\s*")


@dataclass(frozen=True)
class Award:
    name: str
    category: str
    kinds: tuple[str, ...]
    levels: tuple[str, ...]
    usual_level: str | None
    note: str = ""
    aliases: tuple[str, ...] = ()
    article: str = ""
    takes_detail: bool = False  # "Kỷ niệm chương Vì sự nghiệp …": the named part is kept
    classed: bool = False  # one class of an order or medal ("… hạng Ba"), aliases generated
    years: tuple[int, int] | None = None  # the achievement years the law has this form in (Huy hiệu: to 2023)

    def exists_in(self, year: int) -> bool:
        """Whether the law applying to achievement `year` has this form (always, when unbounded)."""
        return self.years is None or self.years[0] <= year <= self.years[1]

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
    detail: str = ""  # the award's own name ("Vì sự nghiệp Giáo dục"), for awards that take one
    period: tuple[int, int] | None = None  # the period the text ends with: (first, last year)
    ambiguous: bool = False  # the text names two levels ("cấp Bộ, ngành, tỉnh"): none is taken
    kind: str | None = None  # the kind the text names ("Giấy khen tập thể"), if it names one
    fuzzy: bool = False  # found only by the accentless last resort: counted, with a `fuzzy-award` warning
    usual: str | None = None  # the level its named part makes usual ("… tỉnh Quảng Trị": Tỉnh), below what the row says
    method: str = ""  # the method of commendation written after a form ("Giấy khen đột xuất": "đột xuất")

    @property
    def impossible(self) -> bool:
        """The level read from the text is one the award cannot have (a Bằng khen at Cơ sở)."""
        return self.level is not None and self.level not in self.award.levels


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
    _numbered: frozenset[str] = field(default_factory=frozenset, repr=False)  # "ca", "kíp": units named by a number
    _methods: dict[str, str] = field(default_factory=dict, repr=False)  # "khen đột xuất" → "đột xuất", longest first
    _by_name: dict[str, Award] = field(default_factory=dict, repr=False)
    _details: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # award → key → name
    _detail_excludes: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _detail_levels: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False)  # award → (word, level)
    _ambiguous_levels: frozenset[str] = field(default_factory=frozenset, repr=False)
    _matches: dict[str, AwardMatch | None] = field(default_factory=dict, repr=False)
    _suggestion_keys: list[str] = field(default_factory=list, repr=False)  # ASCII keys of names and aliases
    _suggestion_names: list[str] = field(default_factory=list, repr=False)  # the award each names
    _suggested: dict[str, str | None] = field(default_factory=dict, repr=False)
    _stems: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # stem → level → award
    _unit_levels: dict[str, str] = field(default_factory=dict, repr=False)  # unit name start → Bộ/Tỉnh
    _organs: dict[str, bool] = field(default_factory=dict, repr=False)  # "ban chấp hành" …
    _tiers: dict[str, str] = field(default_factory=dict, repr=False)  # issuer name → Bộ/Tỉnh system
    _named_levels: dict[str, frozenset[str] | None] = field(default_factory=dict, repr=False)
    _level_tiers: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # "cấp nhà nước" → NN, CP
    _level_ascii: dict[str, tuple[str, Issuer | None] | None] = field(default_factory=dict, repr=False)  # built on first use
    fingerprint: str = ""

    # --- lookups ------------------------------------------------------------------------
    def detail_names(self) -> frozenset[str]:
        """The known spellings of every named part ("Vì sự nghiệp Giáo dục"): a record's detail
        that is one of them was read for sure, not kept as written."""
        return frozenset(name for names in self._details.values() for name in names.values())

    def award(self, name: str) -> Award:
        found = self._by_name.get(name)
        if found is None:
            raise KeyError(name)
        return found

    def match_award(self, text: str) -> AwardMatch | None:
        """The award a cell names, with any issuer, level, detail or period written in it; None
        if unknown. Kept per distinct text (texts recur from file to file)."""
        try:
            return self._matches[text]
        except KeyError:
            pass
        found = self._match_award_text(text)
        if len(self._matches) < _MATCH_CACHE_SIZE:
            self._matches[text] = found
        return found

    def _match_award_text(self, text: str) -> AwardMatch | None:
        """A trailing period is read off first ("LĐTT năm học 2023-2024" → 2023–2024); a
        parenthesised aside ("Lao động tiên tiến (LĐTT)") is tried without, as a last resort."""
        if _YEAR_LIST.search(text):  # "LĐTT năm 2020, 2021": two titles in one cell? never one of them
            return None
        head, period = split_period(text)
        if period is not None and head:
            found = self._match_award_text(head)
            if found is not None:
                return replace(found, period=found.period or period)
        found = self._match_award_key(key(text))
        if "(" in text and (found is None or found.detail):
            found, text = self._with_aside(found, text)
        if found is not None and found.detail:
            found = replace(found, detail=self._detail_name(found.award, found.detail, text))
        if found is not None and found.level is not None and PART_SEPARATORS.search(text) and self._another_level(text, found.level):
            return AwardMatch(found.award, ambiguous=True, kind=found.kind, period=found.period, method=found.method)
        return found

    def _another_level(self, text: str, level: str) -> bool:
        """Does a part of the text after the first name another issuer's or level's level ("Bằng
        khen của Bộ trưởng Bộ GD&ĐT và Chủ tịch UBND tỉnh", "… UBND tỉnh, Thủ tướng Chính phủ"), or
        the same award at another level (a heading's "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH, BẰNG KHEN CỦA
        BỘ TRƯỞNG …")? Which one gave it, nobody can say: the level is not taken."""
        award = None
        for part in PART_SEPARATORS.split(text)[1:]:
            k = _strip_connectors(key(part))
            other = self._match_award_key(k) if k else None
            if other is not None:  # another award: the same one at another level says two too
                award = award or self._match_award_key(key(text))
                if award is not None and other.award is award.award and other.level not in (None, level):
                    return True
                continue
            if not k:
                continue
            issuer = self._match_issuer_key(k)
            said = issuer.level if issuer else self._level_keys.get(k)  # a level the whole part names ("xã hội" none)
            if said is not None and said != level:
                return True
        return False

    def _with_aside(self, found: AwardMatch | None, text: str) -> tuple[AwardMatch | None, str]:
        """A parenthesised aside: "Lao động tiên tiến (LĐTT)" is read without it; in "KNC Vì sự
        nghiệp giáo dục (QĐ 12/QĐ-BGDĐT)" it is not the award's name, but it may be its issuer
        ("KNC Vì sự nghiệp giáo dục (Bộ GD&ĐT)")."""
        bare = re.sub(r"\([^)]*\)?", " ", text)
        aside = self._match_award_key(key(bare)) if bare.strip() else None
        if found is not None and (aside is None or aside.award is not found.award or not aside.detail):
            return found, text  # "Kỷ niệm chương (Vì sự nghiệp giáo dục)": the aside is the name
        inner = key(text[text.index("(") + 1 :].split(")", 1)[0])
        method = self._method_of(inner) if aside is not None and aside.award.category == FORMS else None
        if aside is not None and method is not None and method[0] == inner and not aside.method:
            return replace(aside, method=method[1]), bare  # "Giấy khen (đột xuất)"
        if aside is not None and aside.level is None and not aside.ambiguous:
            issuer = self._match_issuer_key(inner) if inner else None
            named = None if issuer or not inner else self._text_level(inner)
            if issuer:
                aside = replace(aside, issuer=issuer, level=issuer.level)
            elif named is not None:
                aside = replace(aside, level=named[0], ambiguous=named[1])
        return aside, bare

    def _match_award_key(self, k: str) -> AwardMatch | None:
        if k.startswith(_LEADING_SPACED):
            for lead in _LEADING_SPACED:
                if k.startswith(lead):
                    inner = self._match_award_key(k[len(lead) :])
                    if inner:
                        return inner
        found = self._award_keys.get(k)
        if found:
            return AwardMatch(found[0], level=found[1])
        unknown_issuer: AwardMatch | None = None
        for alias in _prefixes(k, self._award_keys):
            award, level = self._award_keys[alias]
            rest = k[len(alias) + 1 :]
            match = self._with_rest(award, level, _strip_connectors(rest))
            if match is not None:
                return match
            if unknown_issuer is None and rest.startswith(("của ", "do ")) and not award.takes_detail:
                unknown_issuer = AwardMatch(award, level=level)  # "Giấy khen của Công ty X"
        for stem in _prefixes(k, self._stems):
            match = self._stem_match(stem, _strip_connectors(k[len(stem) + 1 :]))
            if match is not None:
                return match
        if unknown_issuer is not None:  # the award, its issuer unknown: the level is not guessed
            return unknown_issuer
        # Last resort: unaccented text, only where it points to exactly one award.
        candidates = self._award_ascii.get(ascii_of_key(k), set())
        if len(candidates) == 1:
            name, level = next(iter(candidates))
            return AwardMatch(self.award(name), level=level, fuzzy=True)
        return self._issuer_first(k)

    def _issuer_first(self, k: str) -> AwardMatch | None:
        """ "được chủ tịch nước tặng thưởng huân chương lao động hạng ba": the issuer written
        before the award gives its level when the award's own words do not."""
        found = _ISSUER_FIRST.match(k)
        if found is None:
            return None
        issuer = self._match_issuer_key(found.group(1))
        match = self._match_award_key(found.group(2)) if issuer else None
        if issuer is None or match is None:
            return None
        if match.level is None and not match.ambiguous:
            return replace(match, issuer=issuer, level=issuer.level)
        return match

    def stem_titles(self, text: str) -> tuple[dict[str, str], tuple[int, int] | None] | None:
        """(level → title, the period it ends with) for a text that names a title only with its
        level ("Chiến sĩ thi đua", "CSTĐ năm 2019": which one, the level cell or the heading of its
        row says); None for any other text."""
        head, period = split_period(text)
        k = key(head or text)
        if k not in self._stems and k.startswith(_LEADING_SPACED):
            k = next(k[len(lead) :] for lead in _LEADING_SPACED if k.startswith(lead))
        found = self._stems.get(k)
        return (found, period) if found else None

    def stem_mentions(self, text: str) -> int:
        """How many times a text names a title by its stem ("… CHIẾN SĨ THI ĐUA CƠ SỞ, CHIẾN SĨ THI
        ĐUA CẤP TỈNH": two): a heading naming two says no bare title's level."""
        stems = "|".join(map(re.escape, sorted(self._stems, key=len, reverse=True)))  # "danh hiệu cstđ" once
        return len(re.findall(rf"(?<!\w)(?:{stems})(?!\w)", key(text)))

    def titles_named(self, text: str) -> frozenset[str]:
        """The titles a text names by their stem, at every level ("DANH SÁCH … CHIẾN SĨ THI ĐUA":
        Chiến sĩ thi đua cơ sở, … cấp tỉnh, … toàn quốc), none when it names no stem."""
        stems = "|".join(map(re.escape, sorted(self._stems, key=len, reverse=True)))
        found = re.findall(rf"(?<!\w)(?:{stems})(?!\w)", key(text)) if stems else []
        return frozenset(title for stem in found for title in self._stems[stem].values())

    def _stem_match(self, stem: str, rest: str) -> AwardMatch | None:
        """ "chiến sĩ thi đua" + "của chủ tịch ubnd tỉnh": the title the issuer's level confers."""
        issuer = self._match_issuer_key(rest) if rest else None
        named = None if issuer or not rest else self._text_level(rest)
        level = issuer.level if issuer else named[0] if named and not named[1] else None
        name = self._stems[stem].get(level) if level else None
        return AwardMatch(self.award(name), issuer=issuer, level=level) if name else None

    def _with_rest(self, award: Award, level: str | None, rest: str) -> AwardMatch | None:
        """What follows an award's alias: nothing, a year, an issuer, a level, or (for an award
        that takes one) its own name, then perhaps an issuer."""
        if not rest or _YEAR_TAIL.match(rest) or _ROUND_TAIL.match(rest):
            return AwardMatch(award, level=level)
        inner_year = _YEAR_HEAD.match(rest)  # "tập thể lđxs năm 2019 của bộ trưởng …"
        if inner_year:
            first = int(inner_year.group(1))
            last = int(inner_year.group(2) or first)
            found = self._with_rest(award, level, _strip_connectors(inner_year.group(3)))
            ok = MIN_YEAR <= first <= last <= MAX_YEAR and last - first <= LONGEST_PERIOD
            return replace(found, period=(first, last)) if ok and found else None
        method = self._method_of(rest) if award.category == FORMS else None
        if method is not None:  # "giấy khen đột xuất", "bằng khen chuyên đề của chủ tịch ubnd tỉnh"
            found = self._with_rest(award, level, _strip_connectors(rest[len(method[0]) :].lstrip()))
            return replace(found, method=method[1]) if found and not found.method else None
        kind_word = _KIND_WORDS.match(rest)  # "giấy khen tập thể của …", "bằng khen cho cá nhân"
        if kind_word:
            found = self._with_rest(award, level, _strip_connectors(rest[kind_word.end() :]))
            kind = _KINDS_WRITTEN[kind_word.group(1)]
            return replace(found, kind=kind) if found and kind in award.kinds else None
        if self._names_two_levels(rest):  # before issuers: "bộ, ngành, tỉnh" is not "Bộ …"
            return AwardMatch(award, ambiguous=True)
        issuer = self._match_issuer_key(rest)
        if issuer:
            return AwardMatch(award, issuer=issuer, level=issuer.level)
        named = self._text_level(rest)
        if named is not None:
            if named[1] or (level is not None and named[0] != level):
                return AwardMatch(award, ambiguous=True)
            return AwardMatch(award, level=named[0])
        if not award.takes_detail:
            return None
        return self._with_detail(award, level, rest)

    def _method_of(self, rest: str) -> tuple[str, str] | None:
        """(the words, the method) a text after a form of commendation starts with ("đột xuất của
        …"), None if it starts with none."""
        for words, method in self._methods.items():
            if rest.startswith(words) and (len(rest) == len(words) or rest[len(words)] == " "):
                return words, method
        return None

    def method_named(self, text: str) -> str:
        """The one method of commendation a heading line names ("… KHEN THƯỞNG ĐỘT XUẤT …"), "" when
        it names none, two, or "thường xuyên" beside one."""
        k = f" {key(text)} "
        named = {method for words, method in self._methods.items() if f" {words} " in k}
        return named.pop() if len(named) == 1 and " thường xuyên " not in k else ""

    def _with_detail(self, award: Award, level: str | None, rest: str) -> AwardMatch | None:
        """ "vì sự nghiệp giáo dục của bộ gdđt": the award's own name, then perhaps its issuer."""
        detail, tail = rest, ""
        for word in _DETAIL_SPLIT:
            at = rest.rfind(word)
            if at > 0:
                detail, tail = rest[:at], rest[at + len(word) :]
                break
        if any(word in f" {detail} " for word in self._detail_excludes.get(award.name, ())):
            return None
        if tail:
            issuer = self._match_issuer_key(tail)
            if issuer:
                return AwardMatch(award, issuer=issuer, level=issuer.level, detail=detail)
            named = self._text_level(tail)
            if named is not None:
                return AwardMatch(award, level=named[0], detail=detail, ambiguous=named[1])
            detail = rest  # the "của" is the name's own ("… vì sự tiến bộ của phụ nữ")
        usual = None  # a province's word in the name is no issuer: the decision number and the cells come first
        if level is None and detail not in self._details.get(award.name, {}):
            usual = next((lv for word, lv in self._detail_levels.get(award.name, ()) if word in f" {detail} "), None)
        return AwardMatch(award, level=level, detail=detail, usual=usual)

    def _detail_name(self, award: Award, detail: str, text: str) -> str:
        """The known spelling of a named part (its key is `detail`), else the words of `text`
        it was read from, first letter raised."""
        known = self._details.get(award.name, {}).get(detail)
        if known:
            return known
        words = nfc(text).split()
        flat = [(part, i) for i, word in enumerate(words) for part in key(word).split()]
        target = detail.split(" ")
        for start in range(len(flat) - len(target) + 1):
            if [part for part, _ in flat[start : start + len(target)]] == target:
                found = " ".join(words[flat[start][1] : flat[start + len(target) - 1][1] + 1])
                found = found.strip(_QUOTES + " ,;:()")
                return found[:1].upper() + found[1:]
        return detail[:1].upper() + detail[1:]

    def _text_level(self, rest: str) -> tuple[str | None, bool] | None:
        """(level, names two levels) for a text after an award: "cấp tỉnh" → ("Tỉnh", False),
        "cấp bộ, ngành, tỉnh" → (None, True); None when the text names no level."""
        k = _strip_connectors(rest)
        if self._names_two_levels(k):
            return None, True
        if k in self._level_keys:
            return self._level_keys[k], False
        for alias in _prefixes(k, self._level_keys):
            level = self._level_keys[alias]
            others = self._levels_only(k[len(alias) + 1 :])
            if others and others - {level}:
                return None, True
            return level, False
        return None

    def _names_two_levels(self, rest: str) -> bool:
        k = _strip_connectors(rest)
        if k in self._ambiguous_levels:
            return True
        levels = self._levels_only(k)
        return levels is not None and len(levels) > 1

    def _levels_only(self, k: str) -> set[str] | None:
        """The levels a text names when it is nothing but level words ("tỉnh", "ngành, tỉnh"),
        else None ("cho xã X" names a recipient, not a level)."""
        words, found, i = k.split(" "), set(), 0
        while i < len(words):
            for j in range(len(words), i, -1):
                level = self._level_keys.get(" ".join(words[i:j]))
                if level:
                    found.add(level)
                    i = j
                    break
            else:
                if words[i] not in _LEVEL_FILLERS:
                    return None
                i += 1
        return found

    def _match_issuer_key(self, k: str) -> Issuer | None:
        k = _strip_connectors(k)
        found = _lookup(self._issuer_keys, k)
        if found is None:  # "ban chấp hành tổng liên đoàn …": the body, without its organ
            for organ in _prefixes(k, self._organs):
                return _lookup(self._issuer_keys, k[len(organ) + 1 :])
        return found

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

    def match_level_unaccented(self, text: str) -> tuple[str, Issuer | None] | None:
        """A level cell typed without diacritics ("tinh", "Huyen", "co so", "UBND tinh"): the level or
        issuer whose whole name it is with the diacritics removed, only when that names one level
        (DOMAIN.md: the accentless key is the last resort, and only when it points to one)."""
        if not self._level_ascii:
            table: dict[str, tuple[str, Issuer | None] | None] = {}
            pairs: list[tuple[str, tuple[str, Issuer | None]]] = [(k, (i.level, i)) for k, i in self._issuer_keys.items()]
            pairs += [(k, (lv, None)) for k, lv in self._level_keys.items()]  # a level's name names no issuer
            for k, found in pairs:
                plain = ascii_of_key(k)
                known = table.get(plain, found)
                table[plain] = found if known is not None and known[0] == found[0] else None
            self._level_ascii = table
        return self._level_ascii.get(ascii_key(text))

    def levels_named(self, text: str) -> frozenset[str] | None:
        """The levels a level or issuer cell names when it names two or more ("Cấp Bộ, tỉnh",
        "Tỉnh/Huyện", "UBND tỉnh, Bộ Y tế"; a tier of the statistical forms, [level_tiers]: "Cấp Nhà
        nước"), else None: the cell alone does not say which one gave the award. One level's or issuer's own name stays one ("Tỉnh, thành phố", "Bộ trưởng, Chủ
        nhiệm Ủy ban Dân tộc"); a part that names no level is no level ("Bộ Lao động, Thương binh
        và Xã hội": "Xã hội" is no xã)."""
        if text in self._named_levels:
            return self._named_levels[text]
        k = key(text)
        found: frozenset[str] | None = self._level_tiers.get(k)
        if found is None and k not in self._level_keys and k not in self._issuer_keys:
            if self._names_two_levels(k):  # "bộ, ngành, địa phương": which two is not said, any may be
                words = self._levels_only(_strip_connectors(k)) or set()
                found = frozenset(words) if len(words) > 1 else frozenset(LEVELS)
            else:
                levels = {level for part in _LEVEL_SEPARATORS.split(text) if (level := self._part_level(key(part)))}
                found = frozenset(levels) if len(levels) > 1 else None
        if len(self._named_levels) < _MATCH_CACHE_SIZE:
            self._named_levels[text] = found
        return found

    def _part_level(self, k: str) -> str | None:
        """The level one part of a level cell names: an issuer, a level's whole name, level words.
        "ngành", "ban" beside others name none: "Sở, ban, ngành" of a province are its own
        departments, not a ministry."""
        if _strip_connectors(k) in _VAGUE_PARTS:
            return None
        issuer = self._match_issuer_key(k) if k else None
        if issuer:
            return issuer.level
        k = _strip_connectors(k)
        if k in self._level_keys:
            return self._level_keys[k]
        levels = self._levels_only(k) if k else None
        return next(iter(levels)) if levels and len(levels) == 1 else None

    def match_kind(self, text: str) -> str | None:
        k = key(text)
        return self._kind_keys.get(k) or self._kind_keys.get(ascii_key(k))

    @property
    def collective_starts(self) -> frozenset[str]:
        """The first words (casefolded) of every collective prefix: a name whose first word is
        none of them never shows Tập thể or Hộ gia đình (`name_kind`)."""
        return self._prefix_starts

    def name_kind(self, name: str) -> str | None:
        """The kind a recipient's name shows ("Phòng Kế toán" → Tập thể), or None if it shows none
        (or both: `reads_both`); the old tone placement ("Uỷ ban nhân dân xã", "Đảng uỷ", "Nhà văn
        hoá") shows the same."""
        folded = name.casefold()
        found = self._words_kind(folded.split())
        if found is None and (toned := new_tones(folded)) != folded:  # (asked only of names showing none)
            found = self._words_kind(toned.split())
        if found == "Tập thể" and self.reads_both(name):
            return None
        return found

    def reads_both(self, name: str) -> bool:
        """Does a name read as a person's as well as a collective's: a surname that also starts a
        collective prefix, in 3–4 words written as persons' names are ("Đoàn Công Tác", "Lâm Trường
        Sơn", "ĐOÀN THANH NIÊN"; not "Đoàn công tác số 2", "Lâm trường Lang Chánh")? Then the name
        alone decides nothing: a section or heading may (`normalise._Builder._named_kind`)."""
        words = name.casefold().split()
        if not words or words[0] not in self._surnames or words[0] not in self._prefix_starts:
            return False
        bare = _NAMESAKE_MARK.sub("", name.strip())  # "Lâm Trường Giang (B)", "Nông Trường Sơn.", "Đoàn Minh Tuấn 2"
        return _written_as_a_name(bare.split()) and self._words_kind(new_tones(" ".join(words)).split()) == "Tập thể"

    def _words_kind(self, words: list[str]) -> str | None:
        if not words:
            return None
        first = words[0]
        surname = first in self._surnames
        if first in self._prefix_starts:  # collective prefixes are one to three words
            if first in self._numbered and _unit_number(words[1:]):  # "Ca 1 Phân xưởng Sợi", "Kíp số 3"
                return "Tập thể"
            # "Đoàn" is a surname and a collective ("Đoàn Thanh niên"): only a longer prefix decides
            for n in (3, 2) if surname else (3, 2, 1):
                found = self._name_prefixes.get(" ".join(words[:n])) if len(words) >= n else None
                if found:
                    return found
            if surname and first in self._name_prefixes:  # "Đoàn kiểm tra số 2": no person's name holds a number
                rest = words[1:]
                numbered = bool(rest) and rest[0] not in MIDDLE_NAMES and any(_NUMBER.fullmatch(w) for w in rest)
                return "Tập thể" if numbered else None  # "Nông", "Lâm" start no collective alone: "Nông Văn Dền"
        if 2 <= len(words) <= 5 and surname:
            return "Cá nhân"
        return None

    def award_for_key(self, k: str) -> str | None:
        """The award an exact alias key names (for `catalogue --check`)."""
        found = self._award_keys.get(k)
        return found[0].name if found else None

    def awards_for_ascii(self, k: str) -> set[tuple[str, str | None]]:
        return set(self._award_ascii.get(k, set()))

    def issuer_for_key(self, k: str) -> Issuer | None:
        return self._issuer_keys.get(k)

    def issuer_tier(self, name: str) -> str | None:
        """ "Bộ" for a grass-roots issuer inside a ministry (Cục trưởng), "Tỉnh" for one inside a
        province (Giám đốc Sở, Chủ tịch UBND huyện), None otherwise."""
        return self._tiers.get(name)

    def unit_level(self, unit: str) -> str | None:
        """ "Bộ" for a unit whose name shows a ministry's body ("Cục Thuế …", "Vụ Tổ chức"), "Tỉnh"
        for a province's ("Sở Y tế", "UBND huyện …"), None when the name shows neither."""
        words = key(unit).split(" ")
        for n in (3, 2, 1):
            found = self._unit_levels.get(" ".join(words[:n]))
            if found:
                return found
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
        """The award a misspelt text is closest to, per distinct text (kept: the process that
        gathers a run's results asks once per text, see `problems.with_suggestions`). Searched
        among names and written aliases, not the class forms generated from them ("HCLĐ H3"):
        three times fewer choices, the same suggestions."""
        if text in self._suggested:
            return self._suggested[text]
        if not self._suggestion_keys:
            choices = {
                ascii_key(alias): award.name
                for award in self.awards
                for alias in (award.name, *(() if award.classed else award.aliases))
            }
            self._suggestion_keys, self._suggestion_names = list(choices), list(choices.values())
        at = closest(text, self._suggestion_keys)
        found = None if at is None else self._suggestion_names[at]
        if len(self._suggested) < _MATCH_CACHE_SIZE:
            self._suggested[text] = found
        return found


_VAGUE_PARTS = frozenset({"ngành", "ban", "ban ngành", "cấp ngành", "các ngành"})  # see Catalogue._part_level


@lru_cache(maxsize=100_000)
def split_period(text: str) -> tuple[str, tuple[int, int] | None]:
    """("LĐTT", (2023, 2024)) for "LĐTT năm học 2023-2024"; (text, None) when it ends with no
    period. A period is one or two years in 1945–2100, the second after the first, ≤ 10 apart.
    Kept per distinct text: an unknown award's is asked by the matcher, then by `stem_titles`."""
    tail = text.rstrip(" .;,)]")[-1:]
    match = _PERIOD_TAIL.search(text) if tail.isdigit() else None  # most texts end with a letter
    if match is None:
        return text, None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    if not (MIN_YEAR <= first <= last <= MAX_YEAR and last - first <= LONGEST_PERIOD):
        return text, None
    return text[: match.start()].strip(" ,;:-–"), (first, last)


def _lookup(table: dict[str, T], k: str) -> T | None:
    """The entry for `k`, else for the longest alias that starts it ("Chủ tịch UBND tỉnh X")."""
    if k in table:
        return table[k]
    for alias in _prefixes(k, table):
        return table[alias]
    return None


def _prefixes(k: str, table: dict[str, Any]) -> Iterable[str]:
    """Aliases that start `k` at a word boundary, longest first (slices at the spaces: no
    split and join per length)."""
    end = len(k)
    while (end := k.rfind(" ", 0, end)) > 0:
        head = k[:end]
        if head in table:
            yield head


def _strip_connectors(k: str) -> str:
    while k.startswith(_CONNECTORS_SPACED):
        k = k.split(" ", 1)[1]
    return k


# --- loading ----------------------------------------------------------------------------
def _source_texts(extra: Sequence[Path]) -> list[str]:
    """The shipped catalogue's text, then each user file's."""
    texts = [read_data("catalogue.toml")]
    for path in extra:
        try:
            texts.append(path.read_text("utf-8"))
        except OSError as exc:
            raise CatalogueError(f"{path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CatalogueError(f"{path}: {exc}") from exc
    return texts


def _parse(text: str, path: Path | None) -> dict[str, Any]:
    import tomllib  # here: a run answered without building the catalogue never imports it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if path is None:
            raise
        raise CatalogueError(f"{path}: {exc}") from exc


def fingerprint_of(texts: Sequence[str]) -> str:
    """What a built catalogue is known by (cache entries, the stored catalogue): its sources' text."""
    import hashlib

    return hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]


def _check(value: str, allowed: Sequence[str], what: str, where: str) -> str:
    if value not in allowed:
        raise CatalogueError(f"{where}: {what} '{value}' không hợp lệ; chọn một trong: {', '.join(allowed)}")
    return value


class Store(Protocol):
    """Where built catalogues are kept between runs (see `catalogue_store`)."""

    def get(self, fingerprint: str) -> Catalogue | None: ...

    def put(self, fingerprint: str, catalogue: Catalogue) -> None: ...


_LOADED: dict[tuple[Path, ...], Catalogue] = {}


def load_catalogue(extra: Sequence[Path] = (), store: Store | None = None) -> Catalogue:
    """The shipped catalogue, extended by a user's files (aliases, awards, issuers): built once
    per process. `store`: where it is kept between runs (building it from the TOML files costs
    ~50 ms, reading it back ~2 ms); taken from it only when built from the same texts and files
    (the catalogue names its files in `sources`)."""
    paths = tuple(extra)
    found = _LOADED.get(paths)
    if found is None:
        texts = _source_texts(paths)
        stored_as = fingerprint_of([*texts, *map(str, paths)])
        found = store.get(stored_as) if store is not None else None
        if found is None:
            found = _build_catalogue(paths, texts)
            if store is not None:
                store.put(stored_as, found)
        _LOADED[paths] = found
    return found


def uncached_catalogue(extra: Sequence[Path]) -> Catalogue:
    """The catalogue with `extra` read afresh (a file being edited and checked again)."""
    return _build_catalogue(tuple(extra), _source_texts(extra))


def _build_catalogue(extra: tuple[Path, ...], texts: list[str]) -> Catalogue:
    base = _parse(texts[0], None)
    award_data: dict[str, dict[str, Any]] = {}
    issuer_data: dict[str, dict[str, Any]] = {}
    levels: dict[str, list[str]] = {k: list(v) for k, v in base.get("levels", {}).items()}
    kinds: dict[str, list[str]] = {k: list(v) for k, v in base.get("kinds", {}).items()}
    ambiguous: list[str] = list(base.get("ambiguous_levels", {}).get("phrases", []))
    suffixes = list(base.get("decision_suffix", []))
    sources = ["(tích hợp sẵn)"]
    for path, data in [(None, base)] + [(p, _parse(text, p)) for p, text in zip(extra, texts[1:], strict=True)]:
        where = str(path) if path else "catalogue.toml"
        if path is not None:
            sources.append(str(path))
        for entry in data.get("award", []):
            for one in expand_classes(entry, where):
                _merge(award_data, one, where, "award")
        for entry in data.get("issuer", []):
            _merge(issuer_data, with_places(entry), where, "issuer")
        if path is not None:
            for name, aliases in data.get("levels", {}).items():
                levels.setdefault(_check(name, LEVELS, "cấp khen", where), []).extend(aliases)
            for name, aliases in data.get("kinds", {}).items():
                kinds.setdefault(_check(name, KINDS, "đối tượng", where), []).extend(aliases)
            ambiguous.extend(data.get("ambiguous_levels", {}).get("phrases", []))
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
        fingerprint=fingerprint_of(texts),
    )
    _index_awards(catalogue, award_data)
    methods = [(key(word), method) for method, words in base.get("methods", {}).items() for word in (method, *words)]
    catalogue._methods = dict(sorted(methods, key=lambda pair: -len(pair[0])))
    for stem in base.get("stem", []):
        by_level = {_check(lv, LEVELS, "cấp khen", "catalogue.toml"): name for lv, name in stem["by_level"].items()}
        for name in by_level.values():
            catalogue.award(name)  # a stem names known awards only
        for alias in stem["aliases"]:
            catalogue._stems.setdefault(key(alias), by_level)
    for issuer in issuers:
        for alias in (issuer.name, *issuer_data[issuer.name].get("aliases", [])):
            catalogue._issuer_keys.setdefault(key(alias), issuer)
    for level, aliases in levels.items():
        for alias in (level, *aliases):
            catalogue._level_keys.setdefault(key(alias), level)
    catalogue._ambiguous_levels = frozenset(key(phrase) for phrase in ambiguous)
    catalogue._level_tiers = {
        key(tier): frozenset(_check(lv, LEVELS, "cấp khen", "catalogue.toml") for lv in levels)
        for tier, levels in base.get("level_tiers", {}).items()
    }
    catalogue._organs = {key(word): True for word in base.get("issuer_organs", {}).get("words", [])}
    for entry in issuer_data.values():
        if "tier" in entry:
            catalogue._tiers[entry["name"]] = _check(entry["tier"], ("Bộ", "Tỉnh"), "tier", entry["_where"])
    _index_names(catalogue, base.get("names", {}), kinds)
    return catalogue


def _index_awards(catalogue: Catalogue, award_data: dict[str, dict[str, Any]]) -> None:
    for award in catalogue.awards:
        entry = award_data[award.name]
        catalogue._by_name[award.name] = award
        for alias, level in _award_aliases(entry):
            catalogue._award_keys.setdefault(key(alias), (award, level))
            catalogue._award_ascii.setdefault(ascii_key(alias), set()).add((award.name, level))
        if award.takes_detail:
            catalogue._details[award.name] = {key(name): name for name in entry.get("details", [])}
            catalogue._detail_excludes[award.name] = tuple(f" {key(w)} " for w in entry.get("detail_excludes", []))
            catalogue._detail_levels[award.name] = tuple(
                (f" {key(word)} ", _check(level, LEVELS, "cấp khen", entry["_where"]))
                for level, words in entry.get("detail_levels", {}).items()
                for word in words
            )


def _index_names(catalogue: Catalogue, names: dict[str, Any], kinds: dict[str, list[str]]) -> None:
    prefixes = [(p, "Tập thể") for p in names.get("collective_prefixes", [])]
    prefixes += [(p, "Hộ gia đình") for p in names.get("household_prefixes", [])]
    catalogue._name_prefixes = {new_tones(nfc(p).casefold()): kind for p, kind in prefixes}
    catalogue._numbered = frozenset(new_tones(nfc(p).casefold()) for p in names.get("numbered_prefixes", []))
    starts = {p.split(" ", 1)[0] for p in catalogue._name_prefixes} | catalogue._numbered
    catalogue._prefix_starts = frozenset(starts | {old_tones(w) for w in starts})  # "Uỷ ban" starts one too
    catalogue._surnames = frozenset(nfc(s).casefold() for s in names.get("surnames", []))
    for level, field_name in (("Bộ", "ministry_units"), ("Tỉnh", "province_units")):
        for prefix in names.get(field_name, []):
            catalogue._unit_levels.setdefault(key(prefix), level)
    for kind, aliases in kinds.items():
        for alias in (kind, *aliases):
            catalogue._kind_keys.setdefault(key(alias), kind)
            catalogue._kind_keys.setdefault(ascii_key(alias), kind)


def _unit_number(words: list[str]) -> bool:
    """Do the words after "Ca", "Kíp" start with the unit's number or letter ("1", "số 2", "A", "II")?"""
    if words and words[0] == "số":
        words = words[1:]
    return bool(words) and _UNIT_NUMBER.fullmatch(words[0]) is not None


def _written_as_a_name(words: list[str]) -> bool:
    """3–4 words, each capitalised ("Đoàn Công Tác") or all in capitals ("ĐOÀN CÔNG TÁC"), letters
    only: written as a person's name is, not as a collective's ("Đoàn công tác", "Đoàn TN")."""
    if not 3 <= len(words) <= 4 or not all(w.isalpha() for w in words):
        return False
    return all(w.isupper() for w in words) or all(w[0].isupper() and w[1:].islower() for w in words)


def expand_classes(entry: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """An order with `classes` → one entry per class ("Huân chương Lao động hạng Ba"), each
    alias also written with the class as "hạng III", "hạng 3", "III", "H3" ("HCLĐ III")."""
    classes = entry.get("classes")
    if not classes:
        return [entry]
    out = []
    for cls in classes:
        if cls not in _CLASS_FORMS:
            raise CatalogueError(f"{where}: hạng '{cls}' của '{entry.get('name')}' không hợp lệ ({', '.join(_CLASS_FORMS)})")
        roman, digit = _CLASS_FORMS[cls]
        bases = [entry["name"], *entry.get("aliases", [])]
        forms = (f"hạng {cls}", f"hạng {roman}", f"hạng {digit}", roman, cls, f"H{digit}", f"H.{digit}")
        aliases = [f"{base} {form}" for base in bases for form in forms]
        aliases += [f"{base}{roman}" for base in bases if " " not in base]  # "HCLĐ-III" keys as "hclđiii"
        aliases += entry.get("class_aliases", {}).get(cls, [])
        one = {k: v for k, v in entry.items() if k not in ("classes", "class_aliases", "aliases")}
        out.append({**one, "name": f"{entry['name']} hạng {cls}", "aliases": aliases[1:], "_classed": True})
    return out


def with_places(entry: dict[str, Any]) -> dict[str, Any]:
    """An issuer with `places` × `place_prefixes` → one alias per pair ("UBND TP Hà Nội")."""
    places = entry.get("places")
    if not places:
        return entry
    prefixes = entry.get("place_prefixes", [""])
    aliases = [f"{prefix} {place}".strip() for prefix in prefixes for place in places]
    rest = {k: v for k, v in entry.items() if k not in ("places", "place_prefixes")}
    return {**rest, "aliases": [*entry.get("aliases", []), *aliases]}


def _merge(table: dict[str, dict[str, Any]], entry: dict[str, Any], where: str, what: str) -> None:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogueError(f"{where}: mỗi [[{what}]] cần có 'name'")
    if name in table:
        known = table[name]
        known["aliases"] = [*known.get("aliases", []), *entry.get("aliases", [])]
        for level, aliases in entry.get("aliases_by_level", {}).items():
            known.setdefault("aliases_by_level", {}).setdefault(level, []).extend(aliases)
        known["details"] = [*known.get("details", []), *entry.get("details", [])]
        if "years" in entry:  # a user's own reading of when the form exists
            known["years"] = entry["years"]
            known["_where"] = where
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
        article=entry.get("article", ""),
        takes_detail=bool(entry.get("detail", False)),
        classed=bool(entry.get("_classed", False)),
        years=award_years(entry.get("years"), entry["name"], where),
    )


def award_years(value: Any, name: str, where: str) -> tuple[int, int] | None:
    """`years = [first, last]`: the achievement years a form exists in, both within the years a
    record may carry and in order; None when the field is absent."""
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or not MIN_YEAR <= value[0] <= value[1] <= MAX_YEAR
    ):
        raise CatalogueError(
            f"{where}: years của '{name}' phải là [năm đầu, năm cuối] với {MIN_YEAR} ≤ năm đầu ≤ năm cuối ≤ {MAX_YEAR}"
        )
    return value[0], value[1]


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
