"""The paragraph officers put into their summary reports, written from the counts.

In the style of the five-year reports: titles first, then forms of commendation by level,
Vietnamese thousands separator (3.323), zero counts left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua_cli.catalogue import KINDS, Catalogue
from thidua_cli.i18n import number
from thidua_cli.outputs import Guard, write_file, xml_safe
from thidua_cli.paper import MOTTO, Letterhead, date_line, text_width
from thidua_cli.pivot import pivot
from thidua_cli.tally import count, years_label

KIND_WORDS = {"Cá nhân": "cá nhân", "Tập thể": "tập thể", "Hộ gia đình": "hộ gia đình"}
# Who confers a form, by level, when the lists do not name the issuer.
DEFAULT_ISSUER = {
    "Nhà nước": "Chủ tịch nước",
    "Chính phủ": "Thủ tướng Chính phủ",
    "Bộ": "Bộ trưởng",
    "Tỉnh": "Chủ tịch UBND tỉnh",
    "Cơ sở": "Thủ trưởng đơn vị",
}
ISSUER_OF_TITLE = {"Tỉnh": "của UBND tỉnh", "Chính phủ": "của Chính phủ", "Bộ": "của Bộ"}


@dataclass(frozen=True)
class Report:
    years: tuple[int, ...]
    titles: list[str]  # clauses about emulation titles
    forms: list[str]  # clauses about forms of commendation

    def paragraphs(self) -> list[str]:
        out = []
        if self.titles:
            out.append("Đã có " + "; ".join(self.titles) + ".")
        if self.forms:
            out.append("Đã có " + "; ".join(self.forms) + ".")
        return out

    def text(self) -> str:
        return "\n\n".join(self.paragraphs()) + "\n"

    def markdown(self) -> str:
        title = f"## Kết quả thi đua, khen thưởng {years_label(self.years)}"
        return title + "\n\n" + self.text()


def _who(counts: dict[str, int]) -> str:
    """ "325 lượt tập thể và 1.437 lượt cá nhân" (individuals first, zero counts left out)."""
    parts = [
        f"{number(n)} lượt {KIND_WORDS[kind]}"
        for kind, n in sorted(counts.items(), key=lambda kv: _kind_order(kv[0]))
        if n
    ]
    return " và ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " và " + parts[-1]


def _kind_order(kind: str) -> int:
    return list(KIND_WORDS).index(kind) if kind in KIND_WORDS else 9


def build_report(groups: Sequence[Sequence[Any]], years: Sequence[int], catalogue: Catalogue) -> Report:
    """The clauses, from the engine's counts: award × level with the kinds across, and the issuer
    most often named for each award and level."""
    by_kind = pivot(count(groups, years, ["award", "level", "kind"], catalogue), "kind", KINDS)
    issuers: dict[tuple[str, str], str] = {}
    for award, level, issuer, _n in sorted(
        count(groups, years, ["award", "level", "issuer"], catalogue).rows, key=lambda row: -row[-1]
    ):
        if issuer:
            issuers.setdefault((award, level), issuer)
    titles, forms = [], []
    for row in by_kind.rows:
        award_name, level = row.labels
        award = catalogue.award(award_name)
        who = _who(dict(zip(KINDS, row.cells, strict=True)))
        if award.category.startswith("Danh hiệu"):
            if award.name == "Cờ thi đua":
                titles.append(f"{who} được tặng thưởng Cờ thi đua {ISSUER_OF_TITLE.get(level, '')}".rstrip())
            else:
                titles.append(f'{who} được công nhận đạt danh hiệu "{award.name}"')
        elif level == "Nhà nước":
            forms.append(f"{who} được tặng thưởng {award.name}")
        else:
            forms.append(f"{who} được {issuers.get((award.name, level), DEFAULT_ISSUER[level])} tặng {award.name}")
    return Report(tuple(years), titles, forms)


def write_docx(
    report: Report,
    target: Path,
    issuer_name: str = "",
    parent: str = "",
    place: str = "",
    guard: Guard | None = None,
) -> Path:
    """An A4 page in Times New Roman 14 with the letterhead of Decree 30/2020 (governing body,
    issuing body in bold with a short rule, the motto with its rule, place and date), ready to
    paste into a report; the year range never breaks, quotation marks are typographic. Written
    whole or not at all (see `outputs`)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(f"{_W}rFonts")
    if fonts is not None:  # East Asian and complex scripts in the same face
        for attr in ("eastAsia", "cs"):
            fonts.set(f"{_W}{attr}", "Times New Roman")
    style.paragraph_format.space_after = Pt(0)
    _letterhead(document, Letterhead(xml_safe(issuer_name), xml_safe(parent), xml_safe(place)))
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(18), Pt(12)
    _unbroken(heading, f"KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG {_period(report.years)}", bold=True)
    for text in report.paragraphs():
        paragraph = document.add_paragraph(typographic(text))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.line_spacing = 1.15
    write_file(target, document.save, guard)
    return target


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEFT_CM, RIGHT_CM = 6.5, 9.5  # the motto's block holds "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line


def _letterhead(document: Any, head: Letterhead) -> None:
    """One row of two cells: governing body (regular), issuing body (bold) and a short rule;
    the motto, the tagline with a rule as long as itself, and the place-and-date line."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, (LEFT_CM, RIGHT_CM), strict=True):
        column.width = cell.width = Cm(width)
    left, right = table.rows[0].cells
    org = (head.org or "CƠ QUAN, ĐƠN VỊ").upper()
    lines = [(head.parent.upper(), False, 12)] if head.parent else []
    _lines(left, [*lines, (org, True, 12)])
    _rule(left.add_paragraph(), LEFT_CM, min(text_width(org, 12, True), LEFT_CM / 2.54 * 72) / 3)
    _lines(right, [(MOTTO[0], True, 12), (MOTTO[1], True, 13)])
    _rule(right.add_paragraph(), RIGHT_CM, text_width(MOTTO[1], 13, True))
    date = right.add_paragraph()
    _centred(date)
    date.paragraph_format.space_before = _pt(8)
    run = date.add_run(date_line(head.place))
    run.italic = True


def _lines(cell: Any, lines: list[tuple[str, bool, int]]) -> None:
    for i, (text, bold, size) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _centred(paragraph)
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = _pt(size)


def _rule(paragraph: Any, cell_cm: float, length_pt: float) -> None:
    """A thin rule, centred, `length_pt` long: the top border of an empty 2-pt `paragraph`
    between indents (the line of text above keeps the whole width of its cell)."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    side = max(0.0, (cell_cm - 0.4 - length_pt / 72 * 2.54) / 2)  # 0.2 cm padding each side of the cell
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Cm(side)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(f"{_W}{key.split(':')[1]}", value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    paragraph.paragraph_format.space_before = Pt(2)
    paragraph.paragraph_format.line_spacing = Pt(2)
    paragraph.add_run().font.size = Pt(2)


def _centred(paragraph: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _pt(size: float) -> Any:
    from docx.shared import Pt

    return Pt(size)


def _unbroken(paragraph: Any, text: str, bold: bool = False) -> None:
    """`text` with its year range kept on one line: Word's non-breaking hyphen between the years,
    a non-breaking space before them."""
    from docx.oxml import OxmlElement

    text = re.sub(r" (?=\d{4})", "\u00a0", text).replace("GIAI ĐOẠN", "GIAI\u00a0ĐOẠN")
    for i, part in enumerate(text.split("-")):
        if i:
            run = paragraph.add_run()
            run.bold = bold
            run._r.append(OxmlElement("w:noBreakHyphen"))
        paragraph.add_run(part).bold = bold


def typographic(text: str) -> str:
    """Straight double quotes as “ and ”."""
    return re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)


def _period(years: Sequence[int]) -> str:
    label = years_label(years)
    return f"NĂM {label}" if len(years) == 1 else f"GIAI ĐOẠN {label}"
