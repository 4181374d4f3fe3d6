"""The shapes of rows inside an award table: totals, signatures, sections, repeated headers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import COLUMN_NUMBER, column_numbers, is_column_numbers, row_texts, text_of
from thidua_cli.heading import find_award_phrase, line_facts
from thidua_cli.labels import header_field, is_note, is_signature, is_totals, layout_rules
from thidua_cli.reading import Cell
from thidua_cli.text import key

if TYPE_CHECKING:
    from thidua_cli.layout import SheetTable

_SECTION_LEAD = re.compile(r"^(?:phần|mục|khối|nhóm|đối tượng)(?: (?:[ivxlc]+|[a-dđ]|\d{1,2}))?\b ?(?=\S)")
_ENUMERATED = re.compile(r"^\s*(?:[IVXLC]+|[A-DĐa-dđ]|\d{1,2})\s*[.):\-–]\s*(?=\S)")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-DĐ])[.)]?$")


def repeats_header(table: SheetTable, row: list[Cell]) -> bool:
    """Cheap test on the name cell: a header label ("Họ và tên", "Tên tập thể") or a column number."""
    name_col = table.columns["name"][0].index
    name = text_of(row[name_col])
    if not name or len(name) > 60:
        return False
    if COLUMN_NUMBER.match(name):  # "2", "(2)", "B": the row numbering the columns, typed again
        return is_column_numbers(row)
    if name.split(" ", 1)[0].casefold() not in layout_rules().name_first_words:
        return False
    return header_field(name) in ("name", "stt", "family_name")


@dataclass(frozen=True)
class Section:
    """A row that opens a section: "I. CÁ NHÂN", "II. TẬP THỂ", "1. Danh hiệu LĐTT"."""

    kind: str | None
    award_text: str | None


_KIND_WORDS = {"cá nhân": "Cá nhân", "tập thể": "Tập thể", "hộ gia đình": "Hộ gia đình", "gia đình": "Hộ gia đình"}


def label_of(texts: list[str], stt: Cell) -> tuple[list[str], Cell]:
    """A row's texts and STT as `section_of` reads them: a figure in the STT cell ("2. | TẬP
    THỂ", "1 | Lao động tiên tiến") is the section's number, left out of its label."""
    stt_text = text_of(stt)
    if stt_text and is_number(stt):
        return [t for t in texts if t != stt_text], None
    return texts, stt


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
        else:  # a list's title typed inside the table above ("DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU …")
            kind = line_facts(label, catalogue).kind
    if kind is None and award is None and not enumerated:
        return None
    return Section(kind, award)


def numbering(stt: Cell, texts: list[str]) -> str:
    """How a section row is numbered: "roman" (I, II., IV), "upper" or "lower" (A, b), else ""
    (digits, none)."""
    token = (text_of(stt) or (texts[0] if texts else "")).strip().split(" ", 1)[0].rstrip(".):-–")
    if token and all(ch in "IVXLC" for ch in token):
        return "roman"
    if len(token) == 1 and token.isalpha():
        return "upper" if token.isupper() else "lower"
    return ""


_STT = re.compile(r"^\d{1,5}(?:[.,]\d{1,3})*[.)]?[a-z]?$")  # 1, 01, 1., 1.2, 3a
_RECORD_FIELDS = ("award", "tick", "level", "kind", "decision_number", "decision_date", "decision", "year", "decision_year")


def is_number(value: Cell) -> bool:
    """A sequence-number cell: 1, 1.0, "01", "1.", "1.2", "3a"."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _STT.match(value.strip()) is not None


def subheading_of(table: SheetTable, r: int, name: str, catalogue: Catalogue) -> str | None:
    """The unit a sub-heading row names ("1. Trường THPT Lê Lợi" in the name column, no STT,
    nothing of its own in the award, level, kind, decision or year cells, numbered rows under
    it), or None. A person's name is never a sub-heading."""
    if not name:
        return None
    if "stt" not in table.index:
        return _unnumbered_subheading(table, r, name, catalogue)
    row = table.grid[r]
    for field_name in _RECORD_FIELDS:
        for column in table.columns.get(field_name, ()):
            text = text_of(row[column.index])
            if text and text != name and not table.merged_from_above(r, column.index):
                return None
    if any(t != name for t in _texts_outside(table, row)):
        return None
    label = _label(name)
    if not label or catalogue.name_kind(label) == "Cá nhân" or not _numbered_below(table, r):
        return None
    return label


def numbered_subheading(table: SheetTable, r: int, stt: Cell, name: str, catalogue: Catalogue) -> str | None:
    """The unit a numbered row of one label names when the rows under it are its members: "1 |
    Khoa Nội" over rows numbered under its number ("1.1", "1.2"), or over people whose STT cell
    holds no number ("-", "+", empty). None for a person's name, or rows numbered on ("2 | …")."""
    label = _label(name)
    if not label or catalogue.name_kind(label) == "Cá nhân":
        return None
    number, i_stt, i_name = text_of(stt).rstrip("."), table.index["stt"], table.index["name"]
    unmarked = 0  # people under it with an empty STT cell: two are a group, one may be a note after the list
    for below in table.grid[r + 1 : min(r + 6, table.end_row)]:
        if not row_texts(below):
            continue
        mark = text_of(below[i_stt])
        if mark.startswith(number + ".") and len(mark.rstrip(".")) > len(number) + 1:
            return label
        if (mark and is_number(below[i_stt])) or mark.strip("-+*•. "):
            return None
        if catalogue.name_kind(text_of(below[i_name])) != "Cá nhân":
            return None
        if mark:  # "-", "+": a member's mark
            return label
        unmarked += 1
        if unmarked == 2:
            return label
    return None


def _label(name: str) -> str:
    """A sub-heading's text without its number ("1. Trường THPT Lê Lợi" → "Trường THPT Lê Lợi")."""
    match = _ENUMERATED.match(name)
    return name[match.end() :].strip() if match else name


def _unnumbered_subheading(table: SheetTable, r: int, name: str, catalogue: Catalogue) -> str | None:
    """A sub-heading in a table without an STT column: a label merged across the row, or a text
    only in the name cell (every other cell empty, or inherited from a block merged above) that
    is no person's name and that what follows shows to head a group: it is numbered and the rows
    under it are not, or the rows under it are numbered ("1. …"), or they are people with an
    award of their own (or, in a people's list whose heading names the award, people). Anything
    else stays a row (a collective with no award is a `missing-award`, never a unit)."""
    row, i_name = table.grid[r], table.index["name"]
    across = 0  # cells that hold the label: three or more is a label merged across the table
    for c, value in enumerate(row):
        text = text_of(value) if c != i_name else name
        if text == name:
            across += 1
        elif text and not table.merged_from_above(r, c):
            return None
    label = _label(name)
    if not label or catalogue.name_kind(label) == "Cá nhân":
        return None
    if across >= 3:
        return label
    b = _record_below(table, r, catalogue)
    if b is None:
        return None
    below = table.grid[b]
    below_name = text_of(below[i_name])
    numbered, numbered_below = bool(_ENUMERATED.match(name)), bool(_ENUMERATED.match(below_name))
    if numbered != numbered_below:
        return label
    if catalogue.name_kind(_label(below_name)) != "Cá nhân":
        return None
    award_cols = [c.index for f in ("award", "tick") for c in table.columns.get(f, ())]
    if award_cols:
        return label if any(text_of(below[c]) for c in award_cols) else None
    return label if table.heading.kind == "Cá nhân" else None


def _record_below(table: SheetTable, r: int, catalogue: Catalogue) -> int | None:
    """The next row under `r` (within five) that may be a record: not blank, and not another
    label alone in the name cell (a sub-heading under a sub-heading)."""
    i_name = table.index["name"]
    for b in range(r + 1, min(r + 6, table.end_row)):
        row = table.grid[b]
        texts = {t for v in row if (t := text_of(v))}
        if not texts:
            continue
        name = text_of(row[i_name])
        if texts == {name} and catalogue.name_kind(_label(name)) != "Cá nhân":
            continue
        return b
    return None


def _texts_outside(table: SheetTable, row: list[Cell]) -> list[str]:
    """Texts of the row outside the record columns checked by `subheading_of` and the STT."""
    skip = {c.index for f in (*_RECORD_FIELDS, "stt") for c in table.columns.get(f, ())}
    return [t for i, v in enumerate(row) if i not in skip and (t := text_of(v))]


def _numbered_below(table: SheetTable, r: int) -> bool:
    """The next row that is neither empty nor another label of one text (a sub-heading under a
    sub-heading) is a numbered record row; looked for within five rows."""
    i_stt = table.index["stt"]
    for below in table.grid[r + 1 : min(r + 6, table.end_row)]:
        texts = {t for v in below if (t := text_of(v))}
        if len(texts) == 1 and not text_of(below[i_stt]):
            continue
        if texts:
            return is_number(below[i_stt]) and bool(text_of(below[i_stt]))
    return False


_OWN_FIELDS = ("name", "family_name", "given_name", "award", "tick")  # what a record holds of its own


def hides_a_record(tables: Sequence[SheetTable], r: int, row: Sequence[Cell], catalogue: Catalogue) -> bool:
    """Could hidden row `r` (its cells as read, before merged cells spread) have been a record,
    or does it hold a name or an award? Under a table's header: yes when its name, award or tick
    cells hold anything, or it opens a section ("II. TẬP THỂ": the kind of the rows below) — not
    for the column numbers ("1 2 3 4"), a note or a total with no award cell, nor a row with none
    of these (a template's blank numbered row). Above every table's body (the heading, a title):
    yes when one of its cells is an award or a person's name. A sheet with no table: yes."""
    texts = row_texts(row)
    if not texts:
        return False
    bodies = [t for t in tables if t.header_last_row < r < t.end_row]
    if not bodies:
        return not tables or any(
            find_award_phrase(key(t), catalogue) is not None or catalogue.name_kind(t) == "Cá nhân" for t in texts
        )
    if column_numbers(texts):
        return False
    for table in bodies:
        own = [text_of(row[c.index]) for f in _OWN_FIELDS for c in table.columns.get(f, ()) if c.index < len(row)]
        awards = [text_of(row[c.index]) for f in ("award", "tick") for c in table.columns.get(f, ()) if c.index < len(row)]
        stt = row[table.index["stt"]] if "stt" in table.index and table.index["stt"] < len(row) else None
        if section_of(*label_of(texts, stt), catalogue) is not None:
            return True
        first = texts[0]
        if any(own) and (any(awards) or not (is_note(first) or is_totals(first) or is_signature(first))):
            return True
    # a person's name anywhere (a merged cell, a column the header does not label): never "nothing lost"
    return any(catalogue.name_kind(part) == "Cá nhân" for part in (t.split(" - ", 1)[0] for t in texts))


def tail_start(table: SheetTable) -> int:
    """Where a numbered list's tail begins: the row after its last numbered record. What a clerk
    types there without a number (a note, "Lập biểu", the signers' names under their titles, a
    total in words) is no record of the list. The table's end when it has no STT column, fewer
    than two numbered records, or many unnumbered named rows between them (a list that numbers
    its units, not its people)."""
    i_stt, i_name = table.index.get("stt"), table.index["name"]
    if i_stt is None:
        return table.end_row
    grid, first, last, numbered, inner = table.grid, None, None, 0, 0
    for r in range(table.first_data_row, table.end_row):
        row = grid[r]
        if not text_of(row[i_name]):
            continue
        if is_number(row[i_stt]):
            first, last, numbered = r if first is None else first, r, numbered + 1
        elif first is not None:
            inner += 1  # counted to the end; those under the last numbered row are taken off below
    if last is None or numbered < 2:
        return table.end_row
    inner -= sum(1 for r in range(last + 1, table.end_row) if text_of(grid[r][i_name]))
    return last + 1 if 2 * inner < numbered else table.end_row
