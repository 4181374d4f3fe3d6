"""An .xlsx filter (the sheet's `<autoFilter>`, an Excel Table's own) read from its XML, and
whether it hides a given row, judged from the row's values (ECMA-376 Part 1, 18.3.2): a row the
filter would show that is hidden all the same was hidden by hand (a person withdrawn); a row one
of its criteria rejects is only out of the filtered view. Criteria that hang on what we cannot
see (a colour, an icon, top 10, today's date, a number's display format) are never guessed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# The element's start tag (any namespace prefix; quoted values may hold ">"), and its end.
_START = re.compile(rb"""<(?:[\w.-]+:)?autoFilter\b((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>""")
_END = re.compile(rb"</(?:[\w.-]+:)?autoFilter\s*>")
_PREFIX = re.compile(rb"[<\s/]([A-Za-z_][\w.-]*):[A-Za-z_]")  # a namespace prefix (a value's "a:b" too: harmless)
_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?e[-+]?\d")  # "2.02e+03" (texts are compared case folded)
# A number as a number format may show it with digits alone: "2019", "-8,5", "1.000.000", "50%".
_PLAIN = re.compile(r"[-+]?[\d.,\s]*\d[\d.,\s]*%?|[-+]?\d(?:[.,]\d+)?e[-+]?\d+")
_DIGITS = re.compile(r"[0-9]+")  # str.isdigit() takes "²" and "٣" too, which int() refuses or reads
_GROUPING = ("year", "month", "day", "hour", "minute", "second")
FILTERED, BY_HAND, UNCHECKED = "filtered", "by-hand", "unchecked"

Verdict = bool | None  # accepted, rejected, or cannot tell


def _key(text: str) -> str:
    """A text as loosely as a filter might compare it: trimmed, runs of white space as one space
    (a line feed typed in an attribute reads as a space, XML 3.3.3, while the cell holds it), NFC,
    case folded (Vietnamese: ư/Ư alike). Excel lists "Tổ Toán " and an NFD "Tổ Toán" apart from
    "Tổ Toán" (its match is case folded only): a match on this key alone is not known."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _digits(text: str) -> int | None:
    return int(text) if _DIGITS.fullmatch(text) else None


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class Values:
    """`<filters>`: the rows whose displayed text is one of `texts` (`<filter val>`, case folded),
    whose date falls in one of `dates` (`<dateGroupItem>`: year, month … down to its grouping), or
    (`blank`) whose cell is empty. `keys`: the texts as `_key` reads them."""

    blank: bool
    texts: frozenset[str]
    dates: tuple[tuple[int, ...], ...]
    keys: frozenset[str] = frozenset()

    def accepts(self, value: Any) -> Verdict:
        if _empty(value):
            return self.blank
        if isinstance(value, str):
            if value.casefold() in self.texts:
                return True
            key = _key(value)
            if self.dates or key in self.keys:  # a date typed as text among date groups; "Tổ Toán "
                return None  # for "Tổ Toán": how Excel lists them is not known
            return None if not key and self.blank else False  # spaces only: blank or not, unknown
        if isinstance(value, bool):
            return True if ("true" if value else "false") in self.texts else None  # shown in the locale
        if _is_number(value):
            if self.dates or not self.plain:  # a date calamine did not take for one reads as a number;
                return None  # "Có" for 1 ([=1]"Có"), "(1,000)" for -1000: a number format shows them
            if any(text in self.texts for text in _number_texts(float(value))):
                return True
            return None if any(_may_show(float(value), text) for text in self.texts) else False
        if isinstance(value, (datetime, date)):
            if any(_in_group(value, group) for group in self.dates):
                return True
            return None if self.texts else False  # a <filter val> against a date's displayed text
        return None  # a time, a duration, an error value

    @cached_property
    def plain(self) -> bool:
        """Is every text listed one a number format may show with digits alone ("2019", "8,5")?"""
        return all(_PLAIN.fullmatch(text) for text in self.texts)


@dataclass(frozen=True)
class Custom:
    """`<customFilters>`: one or two (operator, value) tests, joined by and (`both`) or or."""

    both: bool
    tests: tuple[tuple[str, str], ...]

    def accepts(self, value: Any) -> Verdict:
        found = [_test(operator, val, value) for operator, val in self.tests]
        if not found:
            return None
        if self.both:
            return False if False in found else (None if None in found else True)
        return True if True in found else (None if None in found else False)


@dataclass(frozen=True)
class Unchecked:
    """A criterion that hangs on what the values do not say: top10, dynamicFilter, colorFilter,
    iconFilter, an extension, an empty `<filters/>`."""

    kind: str

    def accepts(self, value: Any) -> Verdict:
        return None


Criterion = Values | Custom | Unchecked


@dataclass(frozen=True)
class AutoFilter:
    """One filter: its header row (the ref's first, never filtered), last row and first column
    (0-based), and the criteria of its columns (colId: offset from the first column)."""

    header: int
    last: int
    first_column: int
    columns: tuple[tuple[int, Criterion], ...] = ()


def parse(xml: bytes) -> AutoFilter | None:
    """The filter whose `<autoFilter …>` element `xml` starts with (what follows its end is
    ignored); None for one without a usable ref. An element cut short or malformed keeps its ref
    and a criterion that cannot be checked: its hidden rows are never taken as filtered. One this
    code fails on is not checked at all: over every row (its ref aside), never an exception that
    would lose the sheet's other marks."""
    try:
        return _parse(xml)
    except Exception:
        try:
            tag = _START.match(xml)
            ref = _ranged(_attribute(tag.group(1), "ref")) if tag else None
        except Exception:
            ref = None
        return AutoFilter(*ref, ((0, Unchecked("error")),)) if ref else unknown()


def unknown() -> AutoFilter:
    """A filter that could not be read at all (a table part broken in the zip): over every row,
    with a criterion not checked, so no hidden row is taken as filtered or as hidden by hand."""
    return AutoFilter(-1, 1 << 31, 0, ((0, Unchecked("unreadable")),))


def _parse(xml: bytes) -> AutoFilter | None:
    tag = _START.match(xml)
    ref = _ranged(_attribute(tag.group(1), "ref")) if tag else None
    if tag is None or ref is None:
        return None
    if tag.group(2):  # <autoFilter ref="A3:D9"/>: no criterion
        return AutoFilter(*ref)
    end = _END.search(xml, tag.end())
    root = _element(xml[: end.end()]) if end else None
    if root is None:
        return AutoFilter(*ref, ((0, Unchecked("autoFilter")),))
    columns = []
    for node in root:
        if _name(node) == "filterColumn":  # none inside: <filterColumn colId="2" hiddenButton="1"/>
            column = _digits(node.get("colId", ""))
            for child in node:
                columns.append((column, _criterion(child)) if column is not None else (0, Unchecked("colId")))
    return AutoFilter(*ref, tuple(columns))


def _element(xml: bytes) -> Element | None:
    """One whole element as a tree, parsed in C (a <filters> may list hundreds of values: Excel
    lists those left ticked). Namespace prefixes ("x:filter", "xr:uid"), declared on the sheet's
    root, are declared around it when needed; None when it is not well-formed."""
    from xml.etree.ElementTree import ParseError, fromstring

    try:
        return fromstring(xml)
    except ParseError:
        pass
    prefixes = set(_PREFIX.findall(xml)) - {b"xml", b"xmlns"}
    declared = b"".join(b' xmlns:%s="p:%s"' % (p, p) for p in sorted(prefixes))
    try:
        return fromstring(b"<r" + declared + b">" + xml + b"</r>")[0]
    except (ParseError, IndexError):
        return None


def _name(node: Element) -> str:
    tag = node.tag
    return tag.rpartition("}")[2] if tag[0] == "{" else tag


def _attribute(raw: bytes, name: str) -> str:
    found = re.search(rb"\b" + name.encode() + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""", raw)
    if found is None:
        return ""
    value = found.group(1) if found.group(1) is not None else found.group(2)  # ref="": b"", not None
    return value.decode("utf-8", "replace")


def _criterion(node: Element) -> Criterion:
    """The criterion of one filter column's element (anything but these two is Unchecked)."""
    kind = _name(node)
    if kind == "filters":
        texts: list[str] = []
        dates: list[tuple[int, ...]] = []
        for item in node:
            name = _name(item)
            if name == "filter" and (val := item.get("val")) is not None:
                texts.append(val)
            elif name == "dateGroupItem" and (group := _group(item.attrib)) is not None:
                dates.append(group)
            else:  # an item not understood
                return Unchecked(name)
        blank = node.get("blank", "0") in ("1", "true")
        if not (texts or dates or blank):
            return Unchecked(kind)
        return Values(blank, frozenset(t.casefold() for t in texts), tuple(dates), frozenset(map(_key, texts)))
    items = list(node)
    if kind == "customFilters" and items and all(_name(item) == "customFilter" for item in items):
        tests = tuple((item.get("operator", "equal"), item.get("val", "")) for item in items)
        return Custom(node.get("and", "0") in ("1", "true"), tests)
    return Unchecked(kind)


def _ranged(ref: str) -> tuple[int, int, int] | None:
    """"A3:D9" → (2, 8, 0): the header row, the last row and the first column, 0-based."""
    found = _REF.match(ref.strip())
    if not found:
        return None
    letters, first, _, last = found.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(first) - 1, int(last or first) - 1, column - 1


def _group(attributes: dict[str, str]) -> tuple[int, ...] | None:
    """A dateGroupItem as (year, month, …) down to its grouping; None when it cannot be read."""
    grouping = attributes.get("dateTimeGrouping", "")
    if grouping not in _GROUPING:
        return None
    fields = [_digits(attributes.get(f, "")) for f in _GROUPING[: _GROUPING.index(grouping) + 1]]
    return None if None in fields else tuple(f for f in fields if f is not None)


def _in_group(value: date, group: tuple[int, ...]) -> bool:
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return fields[: len(group)] == group


def _number_texts(value: float) -> tuple[str, ...]:
    """A number as Excel's General format shows it: 2019.0 → "2019"; 8.5 → "8.5" or "8,5"."""
    if value.is_integer() and abs(value) < 1e15:
        return (str(int(value)),)
    text = f"{value:.15g}"
    return (text, text.replace(".", ","))


def _may_show(value: float, text: str) -> bool:
    """Could another number format show `value` as `text` ("2,019", "2.019,00", "50%", a rounded
    "9" for 8.5)? Then a filter listing `text` may accept it: not known."""
    if _SCIENTIFIC.search(text):
        return True
    kept = "".join(ch for ch in text if ch.isdigit() or ch in ".,-%")
    if not any(ch.isdigit() for ch in kept):
        return False
    scale = 100.0 if "%" in kept else 1.0
    kept = kept.replace("%", "")
    for reading in (kept.replace(",", ""), kept.replace(".", "").replace(",", ".")):
        if _NUMBER.match(reading) and abs(float(reading) / scale - value) < 1:
            return True
    return False


def _test(operator: str, val: str, value: Any) -> Verdict:
    """One customFilter on one cell. "equal"/"notEqual" a text with * ? ~ wildcards or a number;
    the comparisons only between numbers (between texts they follow a collation we do not know);
    val " " is Excel's "(Blanks)"."""
    negate = operator == "notEqual"
    if operator in ("equal", "notEqual"):
        if not val.strip():
            found = True if _empty(value) else (None if isinstance(value, str) and not value.strip() else False)
        elif _empty(value):
            found = False
        elif isinstance(value, str):
            pattern = _wildcard(val)  # trimmed or not, Excel's own test: known only when both agree
            trimmed = bool(pattern.fullmatch(_key(value)))
            whole = bool(pattern.fullmatch(unicodedata.normalize("NFC", value).casefold()))
            found = trimmed if trimmed == whole else None
        elif _is_number(value) and _NUMBER.match(val.strip()):
            gap = abs(float(value) - float(val))  # 8.6 under the format "0" shows "9": equal to it?
            found = None if 0 < gap < 1 else gap == 0
        else:
            found = None
        return None if found is None else found != negate
    limits = {"lessThan": float.__lt__, "lessThanOrEqual": float.__le__, "greaterThan": float.__gt__, "greaterThanOrEqual": float.__ge__}
    if operator in limits and _is_number(value) and _NUMBER.match(val.strip()):
        return bool(limits[operator](float(value), float(val)))
    return None


def _wildcard(val: str) -> re.Pattern[str]:
    """A customFilter's value as a pattern: * any run, ? one character, ~ the next literally."""
    parts, escaped = [], False
    for ch in _key(val):
        if escaped:
            parts.append(re.escape(ch))
            escaped = False
        elif ch == "~":
            escaped = True
        else:
            parts.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
    return re.compile("".join(parts), re.DOTALL)


def judge(filters: Sequence[AutoFilter], row: int, values: Sequence[Any], texted: Container[int] = ()) -> str:
    """FILTERED when a criterion of a filter over `row` (0-based, below its header) rejects its
    values; BY_HAND when it lies under no filter or every criterion over it accepts it (the
    filter would show it: the clerk hid it); UNCHECKED when no criterion rejects it but one
    cannot be checked. A text in a column of `texted` (its number format shows it otherwise:
    '"Tổ "@') is never checked."""
    found: list[Verdict] = []
    for f in filters:
        if f.header < row <= f.last:
            for offset, criterion in f.columns:
                column = f.first_column + offset
                value = values[column] if column < len(values) else None
                if column in texted and isinstance(value, str) and value:
                    found.append(None)
                    continue
                try:
                    found.append(criterion.accepts(value))
                except Exception:  # a value this code fails on: not checked, never a lost sheet
                    found.append(None)
    if False in found:
        return FILTERED
    return UNCHECKED if None in found else BY_HAND
