"""What the title block and heading above a table say: award, year, kind, unit, the list's own
decision (and who signed it), and whether the list is a proposal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import text_of
from thidua_cli.labels import PLACE_DATE, layout_rules
from thidua_cli.reading import Cell
from thidua_cli.records import MAX_YEAR, MIN_YEAR
from thidua_cli.text import PART_SEPARATORS, ascii_key, key
from thidua_cli.values import split_decision

TITLE_BLOCK_ROWS = 3  # parent body and unit on the left, the national motto on the right
_NOT_UNIT = ("danh sách", "số ", "kèm theo", "tổng hợp", "bảng", "báo cáo", "kết quả", "kế hoạch")
_YEAR_LIST = re.compile(r"n[ăa]m\s*((?:19|20)\d{2})\s*(?:,|;|&|\+|\bvà\b|\bhoặc\b)\s*(?:n[ăa]m\s*)?(?:19|20)\d{2}(?!\d)")
_YEAR_IN_TEXT = re.compile(r"n[ăa]m\s*:?\s*(?:h[ọo]c\s*:?\s*)?((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2})(?!\d))?")
_DATE_BEFORE = re.compile(r"th[áa]ng\s*\d{1,2}\s*$")
# "từ năm 2016 đến năm 2020", "năm 2016 đến nay", "giai đoạn 2016 - 2020", "(2016-2020)": a
# period, whose rows need a year of their own
_PERIOD = re.compile(
    r"(?:19|20)\d{2}\s*(?:đến|tới)\s*(?:n[ăa]m\s*)?(?:(?:19|20)\d{2}|nay)"
    r"|\btừ\s*(?:n[ăa]m\s*)?(?:19|20)\d{2}\s*[-–]\s*(?:n[ăa]m\s*)?(?:19|20)\d{2}"
    r"|giai\s*đoạn\s*(?:n[ăa]m\s*)?(?:19|20)\d{2}"
)
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_DATE_IN_NAME = re.compile(r"(?<!\d)\d{1,2}[-._/ ]\d{1,2}[-._/ ](?:19|20)\d{2}(?!\d)")
_DATE_IN_WORDS = re.compile(r"\btháng\s*\d{1,2}\s*năm\s*((?:19|20)\d{2})(?!\d)")
_NAME_SEPARATORS = re.compile(r"[-_.,()\[\]/]+")
_LETTER_JOINER = re.compile(r"(?<=[^\d\s])-|-(?=[^\d\s])")
_SCHOOL_YEAR_NAME = re.compile(r"\bn[ăa]m\s*h[ọo]c\b")
_EVERY_YEAR = re.compile(r"\bcác năm\b")
_YEAR_TAIL = re.compile(r" năm( học)? \d{4}.*$")
_SIGNED_BY = re.compile(r"\bcủa\s+(.+?)\s*\)?\s*$")


@dataclass(frozen=True)
class Heading:
    """What the title block and heading say for the whole sheet."""

    lines: tuple[str, ...] = ()
    award_text: str | None = None
    year: int | None = None
    kind: str | None = None
    unit: str | None = None
    decision: str | None = None  # "(Kèm theo Quyết định số 45/QĐ-UBND …)": the list's own decision
    decision_level: tuple[str, str] | None = None  # (level, issuer) of "… của Chủ tịch UBND tỉnh"
    proposal: str | None = None  # the heading line that makes the list a proposal
    kind_from_header: bool = False  # the kind is only the name column's header's ("Họ và tên")
    other_year_names: str = ""  # the sheet, file or folder names whose one year is not `year`
    method: str = ""  # the one method of commendation the lines name ("… KHEN THƯỞNG ĐỘT XUẤT"), for its forms


@dataclass(frozen=True)
class LineFacts:
    """What one heading line says."""

    reference: bool  # refers to a decision ("Kèm theo Quyết định …")
    decision: str | None  # that decision's number
    signed: tuple[str, str] | None  # (level, issuer) of who signed it
    motto: bool
    year: int | None
    kind: str | None  # the kind a "Danh sách …" line names
    unit: bool  # could name the unit
    proposal: bool  # says the list is a proposal
    period: bool = False  # names a period of years ("giai đoạn 2016-2020"): the list's year is no one year
    method: str = ""  # the one method of commendation it names ("… KHEN THƯỞNG ĐỘT XUẤT"), not as a form's rules


def heading_lines(rows: Sequence[Sequence[Cell]]) -> tuple[list[str], list[str]]:
    """(every distinct text of each row, the texts of the left half of the title block)."""
    lines: list[str] = []
    left_lines: list[str] = []
    for number, row in enumerate(rows):
        seen: set[str] = set()
        for index, value in enumerate(row):
            text = text_of(value)
            if text and text not in seen:
                seen.add(text)
                lines.append(text)
                if number < TITLE_BLOCK_ROWS and index < max(1, len(row) // 2):
                    left_lines.append(text)
    return lines, left_lines


def read_heading(rows: Sequence[Sequence[Cell]], catalogue: Catalogue, names: tuple[str, ...] = ()) -> Heading:
    """Award, year, kind and unit named above the header, by the order the issue sets."""
    lines, left_lines = heading_lines(rows)
    award_text = year = kind = decision = signed = proposal = None
    period = False
    for line in lines:
        facts = line_facts(line, catalogue)
        if facts.reference:
            decision, signed = decision or facts.decision, signed or facts.signed
            continue
        if facts.proposal and proposal is None:
            proposal = line
        if award_text is None and not facts.motto:
            award_text = find_award_phrase(line, catalogue)
        year = facts.year if year is None else year
        kind = facts.kind if kind is None else kind
        period = period or facts.period
    if period:  # the list spans years: its rows are dated by their own cells, never by a name
        year, names = None, ()
    for name in names:
        if year is None:
            year = _single_year(name)
    unit = None
    for line in left_lines:
        if line_facts(line, catalogue).unit:
            unit = line
    others = ", ".join(f'"{name}"' for name in names if _single_year(name) not in (None, year))
    methods = {line_facts(line, catalogue).method for line in lines} - {""}
    method = methods.pop() if len(methods) == 1 else ""
    return Heading(
        tuple(lines), award_text, year, kind, unit, decision, signed, proposal, other_year_names=others, method=method
    )


_LINES: dict[str, dict[str, LineFacts]] = {}  # per catalogue fingerprint: title lines recur


def line_facts(line: str, catalogue: Catalogue) -> LineFacts:
    """What one heading line says; each distinct line is read once per catalogue."""
    memo = _LINES.setdefault(catalogue.fingerprint, {})
    facts = memo.get(line)
    if facts is None:
        facts = _line_facts(line, catalogue)
        if len(memo) < 100_000:
            memo[line] = facts
    return facts


_NORMATIVE = re.compile(r"\b\d{1,4}/(?:19|20)\d{2}/")  # "05/2020/QĐ-UBND", "22/2019/TT-BGDĐT": a rule's number


def _regulation(k: str) -> bool:
    """Does a reference line cite the rules a form follows ("Mẫu số 03 (Ban hành kèm theo Quyết
    định số 05/2020/QĐ-UBND …)", "… kèm theo Thông tư …"), not the decision that awards? Its
    decision and signer are no list's."""
    return k.startswith("mẫu") or any(w in k for w in ("thông tư", "quy chế", "quy định")) or bool(_NORMATIVE.search(k))


def _line_facts(line: str, catalogue: Catalogue) -> LineFacts:
    rules = layout_rules()
    k = key(line)
    reference = any(k.startswith(ref) or f" {ref} " in f" {k} " for ref in rules.decision_reference)
    kind = None
    if k.startswith("danh sách"):
        kinds = {catalogue.match_kind(w) for w in ("cá nhân", "tập thể", "hộ gia đình") if w in k}
        kind = kinds.pop() if len(kinds) == 1 else None
    motto = k.startswith(("cộng hòa xã hội", "độc lập tự do", "độc lập"))
    unit = not (motto or k.startswith(_NOT_UNIT) or PLACE_DATE.search(k)) and (
        line.upper() == line and any(ch.isalpha() for ch in line)
    )
    proposal = (
        not reference and any(p.search(k) for p in rules.proposal_lines) and not any(n in k for n in rules.not_proposal)
    )
    cited = reference and not _regulation(k)  # a form's own line cites the rules it follows, not the awarding
    number = split_decision(line)[0] if cited else None
    return LineFacts(
        reference,
        number,
        _signer(line, catalogue) if cited else None,
        motto,
        year_in_heading(line),
        kind,
        unit,
        proposal,
        names_period(line),
        "" if _regulation(k) else catalogue.method_named(line),
    )


def _signer(line: str, catalogue: Catalogue) -> tuple[str, str] | None:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày … của Chủ tịch UBND tỉnh …)" → ("Tỉnh", issuer)."""
    match = _SIGNED_BY.search(line.replace("(", " ").replace(")", " ").strip())
    if not match:
        return None
    found = catalogue.match_level(match.group(1))
    if found is None:
        return None
    level, issuer = found
    return level, issuer.name if issuer else ""


_PHRASES: dict[str, dict[str, str | None]] = {}


def find_award_phrase(text: str, catalogue: Catalogue) -> str | None:
    """The leftmost phrase of a heading line that names an award (with its issuer).
    Headings repeat from file to file, so each distinct line is searched once per catalogue."""
    memo = _PHRASES.setdefault(catalogue.fingerprint, {})
    if text not in memo:
        found = _find_award_phrase(text, catalogue)
        if len(memo) >= 100_000:
            return found
        memo[text] = found
    return memo[text]


def _find_award_phrase(text: str, catalogue: Catalogue) -> str | None:
    quoted = re.findall(r"[\"“”'‘’«](.+?)[\"“”'‘’»]", text)
    for part in quoted:
        if catalogue.match_award(part):
            return part
    parts = PART_SEPARATORS.split(text) if PART_SEPARATORS.search(text) else []
    named = [i for i, part in enumerate(parts) if _last_phrase(part, catalogue)]
    if len(named) > 1:  # "… LAO ĐỘNG TIÊN TIẾN, CHIẾN SĨ THI ĐUA CƠ SỞ": no one award for every row
        return ", ".join([_last_phrase(parts[named[0]], catalogue) or "", *parts[named[0] + 1 :]])
    return _last_phrase(text, catalogue)


_HEAD_COUNT = re.compile(  # "GIẤY KHEN (02 người)", "… : 03 đồng chí": a section's head count, after its award
    r"(?: (?:gồm|có|tổng số|tổng cộng|số lượng|cộng))? \d{1,4} (?:người|cá nhân|tập thể|đồng chí|đ c|đc|lượt|đơn vị|hộ|"
    r"gia đình|cán bộ|giáo viên|công chức|viên chức|cbcnv|cbgv)$"
)


def _last_phrase(text: str, catalogue: Catalogue) -> str | None:
    words = _YEAR_TAIL.sub("", _HEAD_COUNT.sub("", key(text))).split(" ")
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if catalogue.match_award(phrase):
            return phrase
    return None


def year_in_heading(text: str) -> int | None:
    """ "năm 2018" or "năm học 2017 - 2018", "năm học 2019-20" (→ 2018, 2020), never the year of a
    date. A line naming a period (`names_period`) names no year."""
    found = _heading_year(text)
    return found and (_school_year(found[0], found[1]) or found[0])


def plain_year_in_heading(text: str) -> int | None:
    """The year of "năm 2018" (`year_in_heading`), None for a school year ("năm học 2017 - 2018")."""
    found = _heading_year(text)
    return found[0] if found and not _school_year(*found) else None


def _heading_year(text: str) -> tuple[int, str | None] | None:
    lowered = text.casefold()
    if names_period(text):
        return None
    for match in _YEAR_IN_TEXT.finditer(lowered):
        if not _DATE_BEFORE.search(lowered[: match.start()]):
            return int(match.group(1)), match.group(2)
    return None


def names_period(text: str) -> bool:
    """Does the line name a period of years: "từ năm 2016 đến năm 2020", "năm 2016 đến nay",
    "giai đoạn 2016 - 2020", "5 năm 2016-2020", "năm 2019 và năm 2020", "(2016 - 2020)"? Its
    list's rows are then dated by their own cells or reported, never put in one of its years.
    A school year ("năm học 2019 - 2020") is one year."""
    lowered = text.casefold()
    if _PERIOD.search(lowered) or any(int(b) - int(a) > 1 for a, b in _SPAN.findall(lowered)):
        return True
    if _YEAR_LIST.search(lowered):  # "năm 2020 và 2021", "các năm 2019, 2020, 2021": two years, no one
        return True
    years = set()
    for match in _YEAR_IN_TEXT.finditer(lowered):
        if _DATE_BEFORE.search(lowered[: match.start()]):
            continue
        first, last = int(match.group(1)), match.group(2)
        if last and not _school_year(first, last):
            return True
        years.add(_school_year(first, last) or first)
    return len(years) > 1


def heading_years(lines: Sequence[str]) -> tuple[int, int] | None:
    """The first and last year the heading's lines name ("NĂM 2021", "năm học 2020-2021": both,
    "GIAI ĐOẠN 2016-2020"), None when they name none; never a date's year. "… CÁC NĂM …" with no
    year named anywhere ("KẾT QUẢ THI ĐUA CÁC NĂM HỌC"): any year."""
    years: list[int] = []
    for line in lines:
        if names_period(line):
            years += (int(y) for y in _BARE_YEAR.findall(_DATE_IN_NAME.sub(" ", line)))
        elif (year := year_in_heading(line)) is not None:
            years += [year] if plain_year_in_heading(line) == year else [year - 1, year]
    if not years and any(_EVERY_YEAR.search(line.casefold()) for line in lines):
        return MIN_YEAR, MAX_YEAR
    return (min(years), max(years)) if years else None


def date_years(lines: Sequence[str]) -> frozenset[int]:
    """The years of the dates the heading's lines hold ("… ngày 12/01/2022", "ngày 12 tháng 01 năm
    2022"): a decision's, never the list's year."""
    years: set[int] = set()
    for line in lines:
        years.update(int(m.group()[-4:]) for m in _DATE_IN_NAME.finditer(line))
        years.update(int(y) for y in _DATE_IN_WORDS.findall(line.casefold()))
    return frozenset(years)


def _school_year(first: int, last: str | None) -> int | None:
    """The second year of "2019 - 2020" or "2019-20", None if `last` does not follow `first`."""
    if not last:
        return None
    second = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    return second if second == first + 1 else None


def _single_year(text: str) -> int | None:
    """The one year a sheet, file or folder name holds; none from a name after a decision or
    holding a date ("QĐ năm 2020", "QD 125-2020", "… ngày 10-1-2021": a decision's year)."""
    if _DATE_IN_NAME.search(text) or _names_decision(text):
        return None
    spaced = _LETTER_JOINER.sub(" ", text.replace("_", "-"))  # "nam-hoc-2019-2020" → "nam hoc 2019-2020"
    if _SCHOOL_YEAR_NAME.search(spaced.casefold()):  # "Năm học 2019-2020": its second year, as a heading's
        return year_in_heading(spaced)
    years = {int(y) for y in _BARE_YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def _names_decision(text: str) -> bool:
    words = f" {ascii_key(_NAME_SEPARATORS.sub(' ', text))} "
    return any(f" {word} " in words for word in layout_rules().decision_name)
