"""Sheets meant for paper, in the form of Decree 30/2020/NĐ-CP on administrative documents.

The letterhead (governing body regular, issuing body bold, a short rule under it; the national
motto with its rule; the place-and-date line), the signature block, row heights worked out from
wrapped text (neither Excel nor LibreOffice grows a row when a file is opened), and A4 landscape
pages at a fixed scale with explicit row breaks (a "fit to page" setting would make both
applications ignore the breaks). Shared by export, template and the annotated copies.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

FONT = "Times New Roman"
MOTTO = ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# Zero shown as "-", as in the terminal table; the cell still holds the number 0.
COUNT_FORMAT = '#,##0;-#,##0;"-"'
HEADER_ROW = 6  # the first row after the letterhead
SIGNERS = (("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)"))

# A4 landscape with the margins of Decree 30/2020 appendix I (top/bottom 20 mm, left 30 mm, right 15 mm).
MARGINS_IN = {"top": 0.79, "bottom": 0.79, "left": 1.18, "right": 0.59}
PAGE_PT = (297 / 25.4 * 72, 210 / 25.4 * 72)
PRINTABLE_PT = (
    PAGE_PT[0] - (MARGINS_IN["left"] + MARGINS_IN["right"]) * 72,
    PAGE_PT[1] - (MARGINS_IN["top"] + MARGINS_IN["bottom"]) * 72,
)
SHRINK_TO_ONE_PAGE = 0.75  # a sheet this much taller than a page is shrunk onto one page


@dataclass(frozen=True)
class Letterhead:
    """Who issues the sheet: `org` (bold), its governing body `parent` (regular, above it), and
    the place name of the date line ("Thanh Hoá, ngày … tháng … năm …")."""

    org: str = ""
    parent: str = ""
    place: str = ""


@cache
def fonts() -> dict[str, Any]:
    from openpyxl.styles import Font

    return {
        "regular": Font(name=FONT, size=12),
        "bold": Font(name=FONT, size=12, bold=True),
        "motto": Font(name=FONT, size=13, bold=True, underline="single"),
        "date": Font(name=FONT, size=13, italic=True),
        "italic": Font(name=FONT, size=12, italic=True),
        "heading": Font(name=FONT, size=14, bold=True),
    }


def new_workbook() -> Any:
    """An empty workbook whose default face is Times New Roman 11: every cell not styled otherwise
    (the data sheet's 90,000) prints in it, and column widths mean the same in Excel and in
    LibreOffice (both measure them in the default face; Calibri is often missing on Linux)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    workbook = Workbook()
    font = Font(name=FONT, size=11, family=1)
    workbook._fonts = IndexedList([font])  # no public setter: the first font is the default
    workbook._named_styles["Normal"].font = font
    return workbook


def _centre(ws: Any, row: int, first: int, last: int, text: str, font: Any, top: bool = False) -> None:
    from openpyxl.styles import Alignment

    cell = ws.cell(row, first, text)
    cell.font = font
    cell.alignment = Alignment(horizontal="center", vertical="top" if top else "center", wrap_text=True)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def split_at(ws: Any, width: int) -> int:
    """The last column of the left block (the issuing body): the motto's block on the right is
    the narrowest run of last columns that holds at least half the width and the motto's line."""
    if width < 2:
        return 1
    widths = [column_pt(ws, c) for c in range(1, width + 1)]
    need = max(sum(widths) / 2, text_width(MOTTO[0], 12, True) + 12)
    for half in range(width - 1, 0, -1):
        if sum(widths[half:]) >= need:
            return half
    return 1


def letterhead(ws: Any, width: int, head: Letterhead, heading: str) -> int:
    """Rows 1–4: the two blocks and the heading across `width` columns; returns HEADER_ROW."""
    st = fonts()
    half = split_at(ws, width)
    left = [(head.parent.upper(), st["regular"])] if head.parent else []
    left.append(((head.org or "CƠ QUAN, ĐƠN VỊ").upper(), st["bold"]))
    for row, (text, font) in enumerate(left, 1):
        _centre(ws, row, 1, half, text, font)
    _centre(ws, len(left) + 1, 1, half, rule(left[-1][0]), st["regular"], top=True)
    _centre(ws, 1, half + 1, width, MOTTO[0], st["bold"])
    _centre(ws, 2, half + 1, width, MOTTO[1], st["motto"])  # underlined: the rule as long as the line
    _centre(ws, 3, half + 1, width, date_line(head.place), st["date"])
    _centre(ws, 4, 1, width, heading, st["heading"])
    for row in range(1, 4):
        ws.row_dimensions[row].height = 19
    fit_row_heights(ws, [4])
    ws.row_dimensions[5].height = 8
    return HEADER_ROW


def rule(text: str) -> str:
    """A short rule of about a third of `text`'s width, centred under it."""
    return "─" * max(5, min(14, round(text_width(text, 12, True) / 3 / 12 / 0.6)))


def date_line(place: str) -> str:
    return f"{place or '……'}, ngày …… tháng …… năm ……"


def signature(ws: Any, row: int, width: int, spans: tuple[tuple[int, int], tuple[int, int]] | None = None) -> int:
    """NGƯỜI LẬP BIỂU left, THỦ TRƯỞNG ĐƠN VỊ right from `row` (over the columns `spans`, by
    default the letterhead's two blocks), room to sign; returns the last row."""
    st = fonts()
    half = split_at(ws, width)
    for (title, note), (first, last) in zip(SIGNERS, spans or ((1, half), (half + 1, width)), strict=True):
        _centre(ws, row, first, last, title, st["bold"])
        _centre(ws, row + 1, first, last, note, st["italic"])
    for r in range(row, row + 2):
        ws.row_dimensions[r].height = 19
    for r in range(row + 2, row + 6):
        ws.row_dimensions[r].height = 19
    return row + 5


# --- text measure ---------------------------------------------------------------------------
def _em(char: str) -> float:
    """Advance width in em of a Times New Roman character (diacritics do not change it)."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    if base == " ":
        return 0.25
    if base.isupper():
        return 0.72 if base not in "IJ" else 0.4
    if base.isdigit():
        return 0.5
    if base.isalpha():
        return 0.28 if base in "ijlt" else 0.75 if base in "mw" else 0.5
    return 0.33


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of `text`."""
    return sum(_em(c) for c in text) * size * (1.07 if bold else 1.0)


def text_lines(text: str, width_pt: float, size: float, bold: bool = False) -> int:
    """Lines `text` takes when wrapped at word boundaries in a cell `width_pt` wide."""
    room = max(1.0, width_pt - 6)  # cell padding
    lines = 0
    for paragraph in str(text).split("\n"):
        used, lines = 0.0, lines + 1
        for word in paragraph.split(" "):
            w = text_width(word, size, bold)
            gap = text_width(" ", size, bold) if used else 0.0
            if used and used + gap + w > room:
                lines, used = lines + 1, 0.0
                gap = 0.0
            if w > room:  # a word longer than the cell breaks inside it
                lines += math.ceil(w / room) - 1
                w = w % room
            used += gap + w
    return lines


def column_pt(ws: Any, col: int) -> float:
    """A column's width in points with Times New Roman 11 as the default face: the wider of
    Excel (7 px a character plus 5 px) and LibreOffice (the face's digit width, 5.5 pt)."""
    from openpyxl.utils import get_column_letter

    width = ws.column_dimensions[get_column_letter(col)].width or 8.43
    return max((math.floor(width * 7 + 0.5) + 5) * 0.75, width * 5.5)


def fit_row_heights(ws: Any, rows: Sequence[int]) -> None:
    """Set each row's height to the tallest wrapped cell in it (merged cells over their width)."""
    spans = {(m.min_row, m.min_col): (m.min_col, m.max_col) for m in ws.merged_cells.ranges}
    covered = {
        (r, c)
        for m in ws.merged_cells.ranges
        for r in range(m.min_row, m.max_row + 1)
        for c in range(m.min_col, m.max_col + 1)
        if (r, c) != (m.min_row, m.min_col)
    }
    for row in rows:
        tallest = 0.0
        for cell in ws[row]:
            if cell.value in (None, "") or (row, cell.column) in covered:
                continue
            text = "0" if cell.data_type == "f" or not isinstance(cell.value, str) else cell.value
            size = float(cell.font.sz or 11) if cell.font else 11.0
            first, last = spans.get((row, cell.column), (cell.column, cell.column))
            width = sum(column_pt(ws, c) for c in range(first, last + 1))
            wrap = bool(cell.alignment and cell.alignment.wrap_text)
            lines = text_lines(text, width, size, bool(cell.font and cell.font.b)) if wrap else 1
            tallest = max(tallest, lines * size * 1.2 + 3)
        if tallest:
            current = ws.row_dimensions[row].height
            ws.row_dimensions[row].height = max(tallest, current or 0)


def row_pt(ws: Any, row: int) -> float:
    return float(ws.row_dimensions[row].height or 15)


# --- pages ----------------------------------------------------------------------------------
def page_scale(ws: Any, last_col: int, last_row: int) -> float:
    """The print scale that fits columns 1..`last_col` across an A4 landscape page, shrunk a
    little more when rows 1..`last_row` are then at most a little taller than the page."""
    width_pt = sum(column_pt(ws, c) for c in range(1, last_col + 1))
    scale = min(1.0, PRINTABLE_PT[0] / width_pt)
    height_pt = sum(row_pt(ws, r) for r in range(1, last_row + 1))
    if height_pt * scale > PRINTABLE_PT[1] and PRINTABLE_PT[1] / height_pt >= scale * SHRINK_TO_ONE_PAGE:
        scale = PRINTABLE_PT[1] / height_pt
    return max(0.1, math.floor(scale * 100) / 100)


def print_pages(
    ws: Any,
    last_col: int,
    last_row: int,
    scale: float,
    title_row: int | None = None,
    keep: Sequence[tuple[int, int]] = (),
    new_pages: Sequence[int] = (),
) -> int:
    """A4 landscape, centred, at `scale` (see page_scale), with explicit row breaks: a `keep`
    block is never cut (unless longer than a page), each row in `new_pages` begins a page, and
    the header `title_row` is repeated when the rows before the first of `new_pages` take more
    than one page. Returns the number of pages."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break, RowBreak

    _paper(ws)
    ws.page_setup.scale = round(scale * 100)
    room = PRINTABLE_PT[1] / scale
    breaks = _breaks(ws, last_row, room, None, keep, new_pages)
    if title_row is not None and any(b not in new_pages for b in breaks):
        breaks = _breaks(ws, last_row, room, title_row, keep, new_pages)
        ws.print_title_rows = f"{title_row}:{title_row}"
    ws.row_breaks = RowBreak()
    for row in breaks:
        ws.row_breaks.append(Break(id=row - 1))  # a break after row - 1
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    return len(breaks) + 1


def _breaks(
    ws: Any,
    last_row: int,
    room: float,
    title_row: int | None,
    keep: Sequence[tuple[int, int]],
    new_pages: Sequence[int],
) -> list[int]:
    """The rows that begin a new page."""
    block_of = {r: (a, b) for a, b in keep for r in range(a, b + 1)}
    starts: list[int] = []
    used, page_start = 0.0, 1
    row = 1
    while row <= last_row:
        height = row_pt(ws, row)
        if row in new_pages and row > page_start:
            starts.append(row)
        elif used + height > room and row > page_start:
            first = block_of.get(row, (row, row))[0]
            block_height = sum(row_pt(ws, r) for r in range(first, block_of.get(row, (row, row))[1] + 1))
            start = first if first > page_start and block_height <= room else row
            starts.append(start)
            row = start
        else:
            used += height
            row += 1
            continue
        page_start = starts[-1]
        used = row_pt(ws, title_row) if title_row is not None and page_start > title_row else 0.0
    return starts


def _paper(ws: Any) -> None:
    setup = ws.page_setup
    setup.orientation, setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    for side, inches in MARGINS_IN.items():
        setattr(ws.page_margins, side, inches)
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    page_numbers(ws)


def page_numbers(ws: Any) -> None:
    """Page number at the foot of each page, in the document's face."""
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = f"{FONT},Regular"
    ws.oddFooter.center.size = 10


def fit_width(ws: Any, title_row: int) -> None:
    """A long list (the data sheet): A4 landscape, as wide as the page, as many pages as it takes."""
    _paper(ws)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{title_row}:{title_row}"


def chart_text(size: int, bold: bool = False) -> Any:
    """Text properties for a chart part in the document's face (`size` in points)."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties

    props = CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=size * 100, b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def chart_title(text: str, size: int) -> Any:
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun

    props = CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=size * 100, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)
