"""A submission template in the layout the tool reads best, with drop-down lists from the catalogue.

Printed like the other paper sheets (see `paper`): letterhead of Decree 30/2020, header row
repeated on every page, signature block. Its hidden lookup sheet carries TEMPLATE_MARK, by which
a returned copy's own sheets (instructions, lookup lists) are known and not reported as sheets
without an award list.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from thidua_cli.catalogue import KINDS, LEVELS, Catalogue
from thidua_cli.outputs import Guard, save_workbook, xml_safe
from thidua_cli.paper import FONT, Letterhead

HEADERS = [
    "STT",
    "Họ và tên / Tên tập thể",
    "Chức vụ",
    "Đơn vị công tác",
    "Đối tượng",
    "Danh hiệu thi đua / Hình thức khen thưởng",
    "Cấp khen",
    "Số quyết định",
    "Ngày quyết định",
    "Năm",
    "Ghi chú",
]
WIDTHS = [6, 30, 18, 26, 12, 38, 14, 18, 14, 8, 16]
LIST_SHEET, INSTRUCTIONS_SHEET, LOOKUP_SHEET = "Danh sách", "Hướng dẫn", "DanhMuc"
TEMPLATE_MARK = "thidua-template"  # in the lookup sheet's first row, after the lists' names
SECTIONS = (("I. CÁ NHÂN", "Cá nhân", 40), ("II. TẬP THỂ", "Tập thể", 15))
INSTRUCTIONS = [
    "HƯỚNG DẪN ĐIỀN DANH SÁCH",
    "1. Mỗi dòng là một lượt khen: một người (hoặc một tập thể) với một danh hiệu/hình thức khen "
    "thưởng. Ai đạt nhiều danh hiệu thì ghi nhiều dòng.",
    '2. Cá nhân ghi dưới mục "I. CÁ NHÂN", tập thể ghi dưới mục "II. TẬP THỂ". Cần thêm dòng thì chèn '
    "dòng trong mục (chuột phải → Chèn / Insert), không xoá dòng tiêu đề mục.",
    '3. Cột "Danh hiệu thi đua / Hình thức khen thưởng", "Cấp khen", "Đối tượng": chọn trong danh sách thả xuống.',
    '4. "Số quyết định" ghi đúng dạng số/loại-cơ quan, ví dụ 123/QĐ-UBND; "Ngày quyết định" ghi '
    "ngày/tháng/năm, ví dụ 20/12/2024 (không ghi tháng trước ngày).",
    '5. "Năm" là năm thi đua (năm đạt thành tích), không phải năm ký quyết định.',
    '6. Không gộp ô trong vùng danh sách; không ghi dòng "Tổng cộng" giữa danh sách.',
    "7. Gõ chữ Unicode (phông Times New Roman); không dùng phông .VnTime (TCVN3) hay VNI.",
    "8. Gửi lại chính tệp Excel này (không chuyển sang PDF, không đổi tên hay xoá các trang tính). "
    "Nếu có ô cần sửa, cơ quan thi đua sẽ gửi lại bản có tô màu và ghi chú ở từng ô đó.",
]


def template_lookup(sheet: Any) -> bool:
    """Whether `sheet` (a `reading.SheetGrid`) is the lookup sheet of a workbook made from the
    template: TEMPLATE_MARK in its first row."""
    rows = getattr(sheet, "rows", None) or [[]]
    return bool(sheet.name == LOOKUP_SHEET and TEMPLATE_MARK in rows[0])


def template_sheets(names: Iterable[str], marked: bool) -> set[str]:
    """The names of the template's own sheets in a workbook made from it, known by the mark in
    its lookup sheet (`marked`: see `template_lookup`; never guessed from what a sheet holds);
    empty for any other workbook."""
    return {LOOKUP_SHEET, INSTRUCTIONS_SHEET} & set(names) if marked else set()


def write_template(
    target: Path,
    catalogue: Catalogue,
    year: int | None = None,
    unit: str = "",
    parent: str = "",
    guard: Guard | None = None,
) -> Path:
    """Write the template workbook: list sheet, instructions, hidden lookup lists."""
    from thidua_cli.paper import HEADER_ROW, fit_row_heights, fit_width, letterhead, new_workbook, signature

    workbook = new_workbook()
    ws = workbook.active
    ws.title = LIST_SHEET
    width = len(HEADERS)
    for col, column_width in enumerate(WIDTHS, 1):
        ws.column_dimensions[_letter(col)].width = column_width
    year_text = f"NĂM {year}" if year else "NĂM ……"
    head = Letterhead(xml_safe(unit) or "TÊN ĐƠN VỊ", xml_safe(parent) or "CƠ QUAN CHỦ QUẢN")
    letterhead(ws, width, head, f"DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG {year_text}")
    _header(ws, HEADER_ROW)
    last = _sections(ws, workbook, catalogue, HEADER_ROW + 1, year)
    signature(ws, last + 2, width, ((2, 4), (8, width)))  # in the name and decision columns: never read as a row
    fit_row_heights(ws, [HEADER_ROW])
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    fit_width(ws, HEADER_ROW)  # the units insert rows: pages are left to the application, titles repeat
    _instructions(workbook.create_sheet(INSTRUCTIONS_SHEET, 1))
    return save_workbook(workbook, target, guard, mark=False)  # units fill it in and send it back: read


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(col))


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "bold": Font(name=FONT, size=12, bold=True),
        "normal": Font(name=FONT, size=12),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
    }


def _header(ws: Any, row: int) -> None:
    st = _styles()
    for col, label in enumerate(HEADERS, 1):
        cell = ws.cell(row, col, label)
        cell.font, cell.alignment, cell.border = st["bold"], st["center"], st["border"]


def _sections(ws: Any, workbook: Any, catalogue: Catalogue, row: int, year: int | None) -> int:
    """The section rows and their blank numbered rows with drop-down lists; returns the last row."""
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    width = len(HEADERS)
    lookup = _lookup_sheet(workbook, catalogue)
    validations = {
        "award": DataValidation(type="list", formula1=lookup["award"], allow_blank=True),
        "level": DataValidation(type="list", formula1=lookup["level"], allow_blank=True),
        "kind": DataValidation(type="list", formula1=lookup["kind"], allow_blank=True),
        "year": DataValidation(type="whole", operator="between", formula1="1945", formula2="2100", allow_blank=True),
        "date": DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True),
    }
    for key, validation in validations.items():
        validation.error = (
            "Giá trị không có trong danh mục." if key in ("award", "level", "kind") else "Giá trị không hợp lệ."
        )
        validation.errorTitle = "thidua"
        validation.showErrorMessage = True
        ws.add_data_validation(validation)
    centred = {1, 5, 7, 9, 10}  # STT, kind, level, date, year
    for label, kind, blank_rows in SECTIONS:
        cell = ws.cell(row, 1, label)
        cell.font = st["bold"]
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        for col in range(1, width + 1):
            ws.cell(row, col).border = st["border"]
        row += 1
        first = row
        for number in range(1, blank_rows + 1):
            ws.cell(row, 1, number)
            ws.cell(row, 5, kind)
            if year:
                ws.cell(row, 10, year)
            for col in range(1, width + 1):
                cell = ws.cell(row, col)
                cell.border, cell.font = st["border"], st["normal"]
                horizontal = "center" if col in centred else "left"
                cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            ws.cell(row, 9).number_format = "DD/MM/YYYY"
            row += 1
        last = row - 1
        validations["award"].add(f"F{first}:F{last}")
        validations["level"].add(f"G{first}:G{last}")
        validations["kind"].add(f"E{first}:E{last}")
        validations["year"].add(f"J{first}:J{last}")
        validations["date"].add(f"I{first}:I{last}")
    return row - 1


def _lookup_sheet(workbook: Any, catalogue: Catalogue) -> dict[str, str]:
    """A hidden sheet with the lists the drop-downs point to; returns their formulas."""
    ws = workbook.create_sheet(LOOKUP_SHEET)
    ws.sheet_state = "hidden"
    lists = {
        "award": [a.name for a in catalogue.awards],
        "level": list(LEVELS),
        "kind": list(KINDS),
    }
    formulas = {}
    ws.cell(1, len(lists) + 2, TEMPLATE_MARK)
    for col, (key, values) in enumerate(lists.items(), 1):
        ws.cell(1, col, key)
        for row, value in enumerate(values, 2):
            ws.cell(row, col, value)
        letter = "ABC"[col - 1]
        formulas[key] = f"{LOOKUP_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return formulas


def _instructions(ws: Any) -> None:
    """One instruction a row, wrapped in a column as wide as a portrait A4 page."""
    from openpyxl.styles import Alignment, Font

    from thidua_cli.paper import fit_row_heights, page_numbers

    ws.column_dimensions["A"].width = 82
    for row, line in enumerate(INSTRUCTIONS, 1):
        cell = ws.cell(row, 1, line)
        cell.font = Font(name=FONT, size=12 if row > 1 else 14, bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center" if row == 1 else "left")
    fit_row_heights(ws, range(1, len(INSTRUCTIONS) + 1))
    ws.row_dimensions[1].height = 30
    setup = ws.page_setup
    setup.orientation, setup.paperSize = "portrait", ws.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left, ws.page_margins.right = 1.18, 0.79
    ws.print_area = f"A1:A{len(INSTRUCTIONS)}"
    page_numbers(ws)
