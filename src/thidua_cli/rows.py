"""The shapes of rows inside an award table: totals, signatures, sections, repeated headers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from thidua_cli.catalogue import Catalogue
from thidua_cli.layout import (
    COLUMN_NUMBER,
    PLACE_DATE,
    SheetTable,
    find_award_phrase,
    header_field,
    is_column_numbers,
    layout_rules,
    text_of,
)
from thidua_cli.reading import Cell
from thidua_cli.text import key

_SECTION_LEAD = re.compile(r"^(?:phần|mục|khối|nhóm|đối tượng)(?: (?:[ivxlc]+|[a-dđ]|\d{1,2}))?\b ?(?=\S)")
_ENUMERATED = re.compile(r"^\s*(?:[IVXLC]+|[A-DĐa-dđ]|\d{1,2})\s*[.):\-–]\s*(?=\S)")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-DĐ])[.)]?$")


def repeats_header(table: SheetTable, row: list[Cell]) -> bool:
    """Cheap test on the name cell: a header label ("Họ và tên", "Tên tập thể") or a column number."""
    name_col = table.columns["name"][0].index
    name = text_of(row[name_col])
    if not name or len(name) > 60 or name.split(" ", 1)[0].casefold() not in layout_rules().name_first_words:
        return False
    if COLUMN_NUMBER.match(name):
        return is_column_numbers(row)
    return header_field(name) in ("name", "stt")


def is_totals(first_text: str) -> bool:
    """ "Tổng cộng: 5", "Cộng 12", "Danh sách có 06 người" (but not "Cộng đồng dân cư …")."""
    k = key(first_text)
    for phrase in layout_rules().totals:
        if k == phrase:
            return True
        if k.startswith(phrase + " "):
            rest = k[len(phrase) + 1 :]
            if " " in phrase or rest[:1].isdigit() or rest.startswith(("có ", "số ", "cá nhân", "tập thể")):
                return True
    return False


_SIGNING = re.compile(r"^(?:tm|kt|tl|tuq|q|ql)\s*[./]\s*\S", re.IGNORECASE)  # "TM. UBND", "KT. GIÁM ĐỐC", "TL."


def is_signature(first_text: str) -> bool:
    """The first line of the signature block (or the recipients list) that ends the table."""
    if _SIGNING.match(first_text.strip()):
        return True
    k = key(first_text)
    return any(k == p or k.startswith(p + " ") for p in layout_rules().signature)


def is_place_date(text: str) -> bool:
    return bool(PLACE_DATE.search(key(text)))


@dataclass(frozen=True)
class Section:
    """A row that opens a section: "I. CÁ NHÂN", "II. TẬP THỂ", "1. Danh hiệu LĐTT"."""

    kind: str | None
    award_text: str | None


_KIND_WORDS = {"cá nhân": "Cá nhân", "tập thể": "Tập thể", "hộ gia đình": "Hộ gia đình", "gia đình": "Hộ gia đình"}


def section_of(texts: list[str], stt: Cell, catalogue: Catalogue) -> Section | None:
    """The section a row opens, or None for an ordinary row."""
    stt_text = text_of(stt)
    enumerated = bool(stt_text and _ROMAN_OR_LETTER.match(stt_text))
    if len([t for t in texts if not (enumerated and t == stt_text)]) > 2:
        return None  # a section row holds a label (and maybe its number), not a record's cells
    label = " ".join(t for t in texts if not (enumerated and t == stt_text))
    m = _ENUMERATED.match(label)
    numbered = False
    if m:
        numbered = m.group(0).strip(" .):").isdigit()
        enumerated, label = enumerated or not numbered, label[m.end() :]
    bare = key(label)
    lead = _SECTION_LEAD.match(bare)  # "phần i", "mục 2", "khối": words that only open a section
    if lead:
        enumerated, bare = True, bare[lead.end() :]
    kind = None
    for word, name in _KIND_WORDS.items():
        if bare == word or (enumerated and f" {word} " in f" {bare} "):
            kind = name
            break
    award = find_award_phrase(bare, catalogue) if (enumerated or numbered or len(texts) == 1) else None
    if kind is None and award is not None:
        for word, name in _KIND_WORDS.items():
            if bare.startswith(word + " "):
                kind = name
                break
    if kind is None and award is None and not enumerated:
        return None
    return Section(kind, award)
