"""Cell values as typed: years as text or numbers, dates in every form, decision numbers."""

from __future__ import annotations

import datetime as dt
import re

from thidua_cli.records import LONGEST_PERIOD, MAX_YEAR, MIN_YEAR
from thidua_cli.text import clean

_SCHOOL_YEAR = re.compile(r"^(?:n[ăa]m\s*(?:h[ọo]c)?\s*:?\s*)?((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})$")
_SHORT_SCHOOL_YEAR = re.compile(r"^(?:n[ăa]m\s*(?:h[ọo]c)?\s*:?\s*)?((?:19|20)\d{2})\s*[-–/]\s*(\d{2})$")
# A period in a year cell: "2016-2020", "2016 - 2020", "Giai đoạn 2016-2020", "GĐ 2019–2021", "Từ năm
# 2016 đến năm 2020" (the words of a period that ends an award's name: catalogue._PERIOD_TAIL).
_PERIOD = re.compile(
    r"^[(\[]?\s*(?:(?:giai\s*đoạn|gđ|g\.\s*đ\.?|thời\s*kỳ|nhiệm\s*kỳ|năm\s*học|năm|các\s*năm|từ\s*năm|niên\s*kh[óo]á?)\s*:?\s*)?"
    r"((?:19|20)\d{2})\s*(?:[-–—/]|đến(?:\s*năm)?)\s*((?:19|20)\d{2})\s*[)\]]?$"
)
_YEAR = re.compile(r"^(?:n[ăa]m\s*:?\s*)?((?:19|20)\d{2})(?:\.0+)?$")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
_DECISION = re.compile(r"(\d+[\w.]*\s*/\s*(?:\d{4}\s*/\s*)?[\wĐđ]+(?:\s*[-–]\s*[\wĐđ&]+)*)")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MAC_EPOCH = dt.date(1904, 1, 1)


def parse_year(value: object) -> int | None:
    """2018, 2018.0, "2018", "Năm 2018", "2017-2018" (school year → 2018); None if not a year."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer() and MIN_YEAR <= int(value) <= MAX_YEAR:
            return int(value)
        return None
    if isinstance(value, dt.date):
        return _typed_year(value)
    text = clean(value).casefold()
    match = _SCHOOL_YEAR.match(text)
    if match and int(match.group(2)) == int(match.group(1)) + 1:
        return int(match.group(2))
    match = _SHORT_SCHOOL_YEAR.match(text)  # "2019-20", as a heading's "Năm học 2019-20"
    if match and int(match.group(2)) == (int(match.group(1)) + 1) % 100:
        return int(match.group(1)) + 1
    match = _YEAR.match(text)
    if match:
        return int(match.group(1))
    return None


def parse_period(value: object) -> tuple[int, int] | None:
    """(first, last year) a year cell names: (2018, 2018) for a year, (2017, 2018) for a school
    year, (2016, 2020) for "2016-2020", "Giai đoạn 2016 - 2020", "GĐ 2016–2020"; None for what is
    not a year, and for a period the catalogue would not read at the end of an award's name
    either (the first year after the last, more than LONGEST_PERIOD apart, outside MIN_YEAR..MAX_YEAR)."""
    text = clean(value).casefold() if value.__class__ is str else ""
    match = _PERIOD.match(text) if text else None
    if match:
        first, last = int(match.group(1)), int(match.group(2))
        ok = MIN_YEAR <= first <= last <= MAX_YEAR and last - first <= LONGEST_PERIOD
        return (first, last) if ok else None
    year = parse_year(value)
    if year is None:
        return None
    return (year - 1, year) if _SHORT_SCHOOL_YEAR.match(text) else (year, year)


def _typed_year(value: dt.date) -> int:
    """A date cell's year, or the year typed into a cell formatted as a date: Excel keeps 2019 as
    day 2019 of its calendar (11/07/1905; 12/07/1909 in the 1904 calendar of old Mac workbooks),
    a date no award year can have (MIN_YEAR)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    for epoch in (_EXCEL_EPOCH, _MAC_EPOCH):
        serial = (day - epoch).days
        if MIN_YEAR <= serial <= MAX_YEAR:
            return serial
    return value.year


class BadDate(ValueError):
    """A date that is written but is not a real date (31/02/2019)."""


def parse_date(value: object) -> dt.date | None:
    """A decision date from a date cell, an Excel serial or text; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise BadDate(str(value))
    text = clean(value).casefold()
    iso = _ISO.search(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        try:
            return dt.date(year, month, day)
        except ValueError as exc:
            raise BadDate(text) from exc
    for pattern in (_WORDS, _DMY):
        match = pattern.search(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            if year < 100:
                year += 2000
            try:
                return dt.date(year, month, day)
            except ValueError as exc:
                raise BadDate(text) from exc
    return None


def split_decision(text: str) -> tuple[str | None, str | None]:
    """("123/QĐ-UBND", "ngày 12/6/2020") from "QĐ: 123/QĐ-UBND ngày12/6/2020"."""
    if not text:
        return None, None
    match = _DECISION.search(text)
    number = re.sub(r"\s+", "", match.group(1)) if match else None
    rest = text[match.end() :] if match else text
    return number, rest if rest.strip() else None
