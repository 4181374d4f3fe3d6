"""The words of layout.toml: header labels by role, and the phrases that give rows their shape."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from thidua_cli.data import read_text as read_data
from thidua_cli.text import ascii_key, key, nfc

_WORD_BREAK = re.compile(r"[\W_]+")


def first_word(text: str) -> str:
    """The first word, casefolded, without punctuation: a cheap pre-filter before `key`."""
    for word in _WORD_BREAK.split(nfc(text).casefold()):
        if word:
            return word
    return ""


@dataclass(frozen=True)
class LayoutRules:
    header_keys: dict[str, str]
    header_ascii: dict[str, str]
    exact_only: frozenset[str]  # alias keys never matched as the start of a longer label
    totals: tuple[str, ...]
    count_lines: tuple[re.Pattern[str], ...]  # "05 người", "Có 05 cá nhân": a total in other words
    notes: tuple[re.Pattern[str], ...]  # "Ghi chú: …", "Lưu ý", "./.": a note under the list
    signature: tuple[str, ...]
    decision_reference: tuple[str, ...]
    documents: tuple[str, ...]  # a plan's, a report's title ("KẾ HOẠCH …"): a sheet with no list, and says so
    other_dates: tuple[re.Pattern[str], ...]  # header words naming a date that is no award year
    decision_name: tuple[str, ...]  # ASCII keys of the words that make a name a decision's
    past_awards: tuple[re.Pattern[str], ...]  # an award column of other years' awards ("năm trước")
    past_beside: tuple[re.Pattern[str], ...]  # … beside an award column that says none of it ("đã đạt")
    qualifying_years: tuple[re.Pattern[str], ...]  # a label over years that counts them ("Số năm đạt LĐTT")
    proposal: tuple[re.Pattern[str], ...]  # heading lines that make a list a proposal
    proposal_lines: tuple[re.Pattern[str], ...]  # … and the words that propose in a heading line only
    not_proposal: tuple[str, ...]  # "theo đề nghị của …": the decision was made on a proposal
    status: tuple[tuple[re.Pattern[str], str], ...]  # award-cell marks: (pattern, status)
    not_awards: tuple[tuple[re.Pattern[str], str], ...]  # award-cell keys of no award: (pattern, what it is)
    results: dict[str, str]  # a result cell's key → its status ("" for achieved)
    context_marks: frozenset[str]  # marks read only in a column of marks
    doubts: tuple[tuple[re.Pattern[str], str], ...]  # notes that make an award doubtful: (pattern, reason)
    not_doubts: tuple[re.Pattern[str], ...]  # … unless one of these says the opposite ("không bị kỷ luật")
    positions: frozenset[str]  # keys of position words that may follow a name in its cell
    position_heads: tuple[str, ...]  # each of them with a space after: the start of a longer title
    titles: re.Pattern[str]  # one or more titles before a person's name ("Đ/c", "ThS.", "Thượng tá")
    title_start: re.Pattern[str]  # … after a "\0", case folded: in a column's texts, each led by "\0", folded once
    name_first_words: frozenset[str]  # first words of name headers, to rule out data rows fast
    header_first_words: frozenset[str]  # first words of every header alias
    total_first_words: frozenset[str]  # first words of the totals phrases ("tổng", "cộng", "danh" …)
    not_totals: tuple[str, ...]  # "cộng đồng ", "tổng công ty " …: names that start as a subtotal does
    year_labels: dict[str, str]  # a year column's label key → "achievement" or "decision" (of two)


@cache
def layout_rules() -> LayoutRules:
    data = tomllib.loads(read_data("layout.toml"))
    header_keys: dict[str, str] = {}
    by_ascii: dict[str, set[str]] = {}
    for field_name, aliases in data["columns"].items():
        for alias in aliases:
            header_keys.setdefault(key(alias), field_name)
            by_ascii.setdefault(ascii_key(alias), set()).add(field_name)
    phrases = data["phrases"]
    return LayoutRules(
        header_keys=header_keys,
        header_ascii={k: next(iter(v)) for k, v in by_ascii.items() if len(v) == 1},
        exact_only=frozenset(key(p) for p in phrases["exact_only"]),
        totals=tuple(key(p) for p in phrases["totals"]),
        not_totals=tuple(key(p) + " " for p in phrases["not_totals"]),
        count_lines=tuple(re.compile(p) for p in phrases["count_lines"]),
        notes=tuple(re.compile(p) for p in phrases["notes"]),
        signature=tuple(key(p) for p in phrases["signature"]),
        decision_reference=tuple(key(p) for p in phrases["decision_reference"]),
        documents=tuple(key(p) for p in phrases["documents"]),
        other_dates=tuple(re.compile(p) for p in phrases["other_dates"]),
        decision_name=tuple(ascii_key(p) for p in phrases["decision_name"]),
        past_awards=tuple(re.compile(p) for p in phrases["past_awards"]),
        past_beside=tuple(re.compile(p) for p in phrases["past_beside"]),
        qualifying_years=tuple(re.compile(p) for p in phrases["qualifying_years"]),
        proposal=tuple(re.compile(p) for p in phrases["proposal"]),
        proposal_lines=tuple(re.compile(p) for p in phrases["proposal"] + phrases["proposal_lines"]),
        not_proposal=tuple(key(p) for p in phrases["not_proposal"]),
        year_labels={key(p): side for side in ("achievement", "decision") for p in phrases[f"{side}_year"]},
        status=tuple((re.compile(p), s) for s, patterns in data["status"].items() for p in patterns),
        not_awards=tuple((re.compile(p), what) for what, patterns in data["not_awards"].items() for p in patterns),
        doubts=tuple((re.compile(p), r) for r, patterns in data["doubts"].items() if r != "not_doubts" for p in patterns),
        not_doubts=tuple(re.compile(p) for p in data["doubts"]["not_doubts"]),
        results={key(m) or m: "" if s == "achieved" else s for s, marks in data["results"].items() for m in marks},
        context_marks=frozenset(key(m) or m for m in data["result_context"]["marks"]),
        positions=frozenset(key(p) for p in data["names"]["positions"]),
        position_heads=tuple(key(p) + " " for p in data["names"]["positions"]),
        titles=re.compile(rf"\s*(?:(?:{_titles(data)})(?:\s*\.\s*|\s+))+", re.IGNORECASE),
        title_start=re.compile(rf"\0\s*(?:{_titles(data, folded=True)})[\s.]"),
        name_first_words=frozenset(
            word
            for alias in data["columns"]["name"] + data["columns"]["stt"]
            for word in (alias.split(" ", 1)[0].casefold(), ascii_key(alias).split(" ", 1)[0])
        )
        | frozenset("0123456789()"),
        total_first_words=frozenset(first_word(p) for p in phrases["totals"]) | {"có"},
        header_first_words=frozenset(
            word
            for aliases in data["columns"].values()
            for alias in aliases
            for word in (first_word(alias), first_word(ascii_key(alias)))
        ),
    )


def _titles(data: dict[str, Any], folded: bool = False) -> str:
    """The alternation of layout.toml's [names] titles, longest first, for a regular expression
    (`folded`: case folded, for a text folded once, as a regular expression that ignores case
    would fold each character at each place it tries: ten times slower on a column)."""
    titles = sorted((nfc(t).casefold() if folded else nfc(t) for t in data["names"]["titles"]), key=len, reverse=True)
    return "|".join(re.escape(t) for t in titles)


def without_title(text: str) -> str:
    """A name cell's text without the titles before the name ("Đ/c Nguyễn Văn An", "ThS. BSCKII
    Lê Văn Cường": the rest), or the text itself when it starts with none."""
    found = layout_rules().titles.match(text)
    return text[found.end() :] if found else text


def year_label(label: str) -> str | None:
    """ "achievement" for "Năm thành tích", "decision" for "Năm khen thưởng", None for "Năm"."""
    return layout_rules().year_labels.get(key(label))


@lru_cache(maxsize=20_000)
def may_head(text: str) -> bool:
    """Could a header label start with this cell's text (alone, or with the cell below it)?"""
    return bool(text) and first_word(text) in layout_rules().header_first_words


def not_an_award(text: str) -> str | None:
    """What an award cell's text is when it is no award of the Law (layout.toml [not_awards]:
    "Giáo viên dạy giỏi cấp huyện" a contest's result, "HTXSNV" an appraisal grade), else None."""
    k = key(text)
    return next((what for pattern, what in layout_rules().not_awards if pattern.search(k)), None)


PLACE_DATE = re.compile(r"ngày\s*\S*\s*tháng\s*\S*\s*năm")
_SIGNING = re.compile(r"^(?:(?:tm|kt|tl|tuq|q|ql)\s*[./]|t/m|k/t|t/l)\s*\S", re.IGNORECASE)  # "TM. UBND", "KT. GIÁM ĐỐC", "T/M"


def is_totals(first_text: str) -> bool:
    """ "Tổng cộng: 5", "Cộng 12", "Danh sách có 06 người", "05 người"; "Cộng LĐTT", "Cộng khoa Nội:
    02 người", "Tổng khoa Nội" (a subtotal of a group; but not "Cộng đồng dân cư …", "Tổng công ty …")."""
    rules = layout_rules()
    lower = " ".join(nfc(first_text).casefold().split())
    if any(p.search(lower) for p in rules.count_lines):
        return True
    k = key(first_text)
    for phrase in rules.totals:
        if k == phrase:
            return True
        if k.startswith(phrase + " "):
            rest = k[len(phrase) + 1 :]
            if " " in phrase or rest[:1].isdigit() or rest.startswith(("có ", "số ", "cá nhân", "tập thể")):
                return True
            if phrase in _SUBTOTAL_WORDS and not (k + " ").startswith(rules.not_totals) and rest.split(" ", 1)[0] not in ("văn", "thị"):
                return True  # (but "Tổng Văn Minh": a person of the surname Tổng)
    return False


def names_group(first_text: str) -> bool:
    """Is a totals line a group's subtotal ("Cộng khoa Nội: 02 người", "Cộng LĐTT | 3", "Tổng I"),
    not the list's total ("Tổng cộng", "Cộng: 5 người")? Rows may follow it."""
    k = key(first_text)
    word, _, rest = k.partition(" ")
    return (
        word in _SUBTOTAL_WORDS
        and rest[:1].isalpha()
        and not rest.startswith(("cộng", "số ", "có ", "cá nhân", "tập thể", "danh sách"))
        and is_totals(first_text)
    )


_SUBTOTAL_WORDS = frozenset(("cộng", "tổng"))  # "Cộng <a group>", "Tổng <a group>": a subtotal


def is_note(first_text: str) -> bool:
    """A note typed under the list ("Ghi chú: đồng chí … chuyển công tác", "Lưu ý", "Xin trân trọng
    đề nghị", "./.", "Hết"): its lines are no records."""
    lower = " ".join(nfc(first_text).casefold().split())
    return any(p.match(lower) for p in layout_rules().notes)


def may_total(text: str) -> bool:
    """Could `is_totals` hold for this text? A cheap pre-filter for name cells (most are names)."""
    return bool(text) and (not text[0].isalpha() or first_word(text) in layout_rules().total_first_words)


def is_signature(first_text: str) -> bool:
    """The first line of the signature block (or the recipients list) that ends the table."""
    if _SIGNING.match(first_text.strip()):
        return True
    k = key(first_text)
    return any(k == p or k.startswith(p + " ") for p in layout_rules().signature)


def is_position(k: str) -> bool:
    """Is the key a position ([names] positions) or a longer title that starts with one
    ("pho hieu truong", "giao vien chu nhiem lop 5a")? One set look-up and one `startswith`."""
    rules = layout_rules()
    return k in rules.positions or k.startswith(rules.position_heads)


def signers_row(texts: list[str]) -> bool:
    """A row of the signers' titles only ("Kế toán | Thủ quỹ", "Người lập biểu | Giám đốc"): two
    texts or more, each a signature phrase or a position ([names] positions)."""
    positions = layout_rules().positions
    return len(texts) >= 2 and all(is_signature(t) or key(t) in positions for t in texts)


def is_place_date(text: str) -> bool:
    return bool(PLACE_DATE.search(key(text)))


def ends_table(first_text: str) -> bool:
    """A totals line, the signature block or the place-and-date line: no record follows."""
    return is_totals(first_text) or is_signature(first_text) or is_place_date(first_text)


@lru_cache(maxsize=20_000)
def names_other_date(label: str) -> bool:
    """A header label that names a date of the recipient's own ("Năm sinh", "Năm vào ngành",
    "Ngày tháng năm sinh", "Năm thành lập"): its column never holds the award year."""
    k = key(label)
    return any(p.search(k) for p in layout_rules().other_dates)


def header_field(label: str) -> str | None:
    """The role a header label names, exactly or by a longer label that starts with an alias."""
    return header_match(label)[0]


@lru_cache(maxsize=20_000)
def header_match(label: str) -> tuple[str | None, bool]:
    """(role, exact) for a header label; (None, False) when it names none."""
    if not may_head(label):
        return None, False  # most cells of the first rows are titles or data: no header starts that way
    rules = layout_rules()
    k = key(label)
    found = rules.header_keys.get(k)
    if found:
        return found, True
    bare = key(re.sub(r"\(.*?\)", " ", label))
    found = rules.header_keys.get(bare)
    if found:
        return found, True
    words = bare.split(" ")
    for n in range(len(words) - 1, 1, -1):  # longest alias of at least two words that starts it
        start = " ".join(words[:n])
        found = rules.header_keys.get(start) if start not in rules.exact_only else None
        if found:
            return found, False
    found = rules.header_ascii.get(ascii_key(k)) or rules.header_ascii.get(ascii_key(bare))
    return found, found is not None


_MARK_TAIL = re.compile(r"^[\d\s]*$")


@lru_cache(maxsize=4096)
def result_mark(text: str) -> str | None:
    """The status a result cell's mark gives ("" achieved, "không đạt", "chưa đạt"; layout.toml
    [results]), read as the whole cell or by its first words; None for a text that is no mark."""
    results = layout_rules().results
    k = key(text) or text.strip()
    found = results.get(k)
    if found is not None:
        return found
    for mark in sorted(results, key=len, reverse=True):
        if k.startswith(mark + " ") and (" " in mark or _MARK_TAIL.match(k[len(mark) :])):
            return results[mark]
    return None

