"""A submission template in the layout the tool reads best, with drop-down lists from the catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua_cli.catalogue import KINDS, LEVELS, Catalogue
from thidua_cli.export import FONT, MOTTO, _styles
from thidua_cli.outputs import Guard, cell_value, save_workbook

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
LOOKUP_SHEET = "DanhMuc"
SECTIONS = (("I. CÁ NHÂN", "Cá nhân", 40), ("II. TẬP THỂ", "Tập thể", 15))
INSTRUCTIONS = [
    "HƯỚNG DẪN ĐIỀN DANH SÁCH",
    "",
    "1. Mỗi dòng là một lượt khen: một người (hoặc một tập thể) với một danh hiệu/hình thức khen thưởng.",
    "   Ai đạt nhiều danh hiệu thì ghi nhiều dòng.",
    '2. Cá nhân ghi dưới mục "I. CÁ NHÂN", tập thể ghi dưới mục "II. TẬP THỂ". Cần thêm dòng thì chèn',
    "   dòng trong mục (chuột phải → Insert / Chèn), không xoá dòng tiêu đề mục.",
    '3. Cột "Danh hiệu thi đua / Hình thức khen thưởng", "Cấp khen", "Đối tượng": chọn trong danh sách thả xuống.',
    '4. "Số quyết định" ghi đúng dạng số/loại-cơ quan, ví dụ 123/QĐ-UBND; "Ngày quyết định" dạng ngày/tháng/năm.',
    '5. "Năm" là năm thi đua (năm đạt thành tích), không phải năm ký quyết định.',
    '6. Không gộp ô trong vùng danh sách; không ghi dòng "Tổng cộng" giữa danh sách.',
    "7. Gõ chữ Unicode (phông Times New Roman); không dùng phông .VnTime (TCVN3) hay VNI.",
    "8. Trước khi gửi, có thể tự kiểm tra bằng lệnh: thidua validate <tệp> --year <năm>",
]


def write_template(
    target: Path, catalogue: Catalogue, year: int | None = None, unit: str = "", guard: Guard | None = None
) -> Path:
    """Write the template workbook: list sheet, instructions, hidden lookup lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Danh sách"
    width = len(HEADERS)
    ws.cell(1, 1, "SỞ/CƠ QUAN CHỦ QUẢN").font = st["bold"]
    ws.cell(2, 1, cell_value((unit or "TÊN ĐƠN VỊ").upper())).font = st["bold"]
    ws.cell(1, 7, MOTTO[0]).font = st["bold"]
    ws.cell(2, 7, MOTTO[1]).font = st["bold"]
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=width)
        for col in (1, 7):
            ws.cell(row, col).alignment = st["center"]
    year_text = f"NĂM {year}" if year else "NĂM ……"
    heading = ws.cell(4, 1, f"DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG {year_text}")
    heading.font, heading.alignment = st["title"], st["center"]
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
    header_row = 6
    for col, label in enumerate(HEADERS, 1):
        cell = ws.cell(header_row, col, label)
        cell.font, cell.alignment, cell.border = st["bold"], st["center"], st["border"]
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    ws.row_dimensions[header_row].height = 45
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
    row = header_row + 1
    for label, kind, blank_rows in SECTIONS:
        cell = ws.cell(row, 1, label)
        cell.font = st["bold"]
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
        first = row
        for number in range(1, blank_rows + 1):
            ws.cell(row, 1, number)
            ws.cell(row, 5, kind)
            if year:
                ws.cell(row, 10, year)
            for col in range(1, width + 1):
                cell = ws.cell(row, col)
                cell.border, cell.font = st["border"], Font(name=FONT, size=12)
            ws.cell(row, 9).number_format = "DD/MM/YYYY"
            row += 1
        last = row - 1
        validations["award"].add(f"F{first}:F{last}")
        validations["level"].add(f"G{first}:G{last}")
        validations["kind"].add(f"E{first}:E{last}")
        validations["year"].add(f"J{first}:J{last}")
        validations["date"].add(f"I{first}:I{last}")
    row += 1
    ws.cell(row, 2, "NGƯỜI LẬP BIỂU").font = st["bold"]
    ws.cell(row, 8, "THỦ TRƯỞNG ĐƠN VỊ").font = st["bold"]
    ws.cell(row + 1, 8, "(Ký, ghi rõ họ tên, đóng dấu)").font = st["italic"]
    ws.freeze_panes = f"C{header_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _instructions(workbook.create_sheet("Hướng dẫn", 1))
    return save_workbook(workbook, target, guard, mark=False)


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
    for col, (key, values) in enumerate(lists.items(), 1):
        ws.cell(1, col, key)
        for row, value in enumerate(values, 2):
            ws.cell(row, col, value)
        letter = "ABC"[col - 1]
        formulas[key] = f"{LOOKUP_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return formulas


def _instructions(ws: Any) -> None:
    from openpyxl.styles import Font

    for row, line in enumerate(INSTRUCTIONS, 1):
        cell = ws.cell(row, 1, line)
        cell.font = Font(name=FONT, size=12, bold=row == 1)
    ws.column_dimensions["A"].width = 110
