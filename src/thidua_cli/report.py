"""The paragraph officers put into their summary reports, written from the counts.

In the style of the five-year reports: titles first, then forms of commendation by level,
Vietnamese thousands separator (3.323), zero counts left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from thidua_cli.catalogue import LEVELS, Catalogue
from thidua_cli.i18n import number
from thidua_cli.loading import GROUP_FIELDS, Group
from thidua_cli.outputs import Guard, write_file, xml_safe
from thidua_cli.rendering import years_label

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


def build_report(groups: Sequence[Group], years: Sequence[int], catalogue: Catalogue) -> Report:
    at = {name: GROUP_FIELDS.index(name) for name in GROUP_FIELDS}
    wanted = set(years)
    by_award: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    issuers: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for group in groups:
        if group[at["year"]] not in wanted:
            continue
        ident = (str(group[at["award"]]), str(group[at["level"]]))
        by_award[ident][str(group[at["kind"]])] += int(group[-1])
        if group[at["issuer"]]:
            issuers[ident][str(group[at["issuer"]])] += int(group[-1])
    titles, forms = [], []
    for award in catalogue.awards:
        for level in LEVELS:
            counts = by_award.get((award.name, level))
            if not counts or not any(counts.values()):
                continue
            who = _who(counts)
            if award.category.startswith("Danh hiệu"):
                if award.name == "Cờ thi đua":
                    titles.append(f"{who} được tặng thưởng Cờ thi đua {ISSUER_OF_TITLE.get(level, '')}".rstrip())
                else:
                    titles.append(f'{who} được công nhận đạt danh hiệu "{award.name}"')
            elif level == "Nhà nước":
                forms.append(f"{who} được tặng thưởng {award.name}")
            else:
                common = issuers[(award.name, level)].most_common(1)
                issuer = common[0][0] if common else DEFAULT_ISSUER[level]
                forms.append(f"{who} được {issuer} tặng {award.name}")
    return Report(tuple(years), titles, forms)


def write_docx(report: Report, target: Path, issuer_name: str = "", guard: Guard | None = None) -> Path:
    """An A4 page in Times New Roman 14 with the title block, ready to paste into a report."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
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
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    if fonts is not None:  # East Asian and complex scripts in the same face
        for attr in ("eastAsia", "cs"):
            fonts.set(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{attr}", "Times New Roman")
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, (Cm(6.5), Cm(10)), strict=True):  # the motto on one line
        column.width = width
        for cell in column.cells:
            cell.width = width
    cells = [
        (0, 0, xml_safe(issuer_name or "CƠ QUAN, ĐƠN VỊ").upper()),
        (0, 1, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (1, 1, "Độc lập - Tự do - Hạnh phúc"),
    ]
    for row, col, text in cells:
        paragraph = table.cell(row, col).paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(12)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(f"KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG {_period(report.years)}")
    run.bold = True
    for text in report.paragraphs():
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.line_spacing = 1.15
    write_file(target, document.save, guard)
    return target


def _period(years: Sequence[int]) -> str:
    label = years_label(years)
    return f"NĂM {label}" if len(years) == 1 else f"GIAI ĐOẠN {label}"
