"""Findings about the input: a stable code, a severity, where, and a message in vi or en."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# code → (severity, Vietnamese template, English template). Templates may use {value},
# {suggestion}, {detail}.
CODES: dict[str, tuple[Severity, str, str]] = {
    "unreadable": (
        Severity.ERROR,
        "Không mở được tệp ({detail}); tệp bị bỏ qua. Hãy mở lại bằng Excel và lưu thành .xlsx.",
        "Cannot open the file ({detail}); skipped. Open it in Excel and save it as .xlsx.",
    ),
    "sheet-unreadable": (
        Severity.ERROR,
        "Không đọc được trang tính ({detail}); trang bị bỏ qua.",
        "Cannot read the sheet ({detail}); skipped.",
    ),
    "no-table": (
        Severity.INFO,
        "Bỏ qua trang tính: {detail}.",
        "Sheet skipped: {detail}.",
    ),
    "missing-name": (
        Severity.ERROR,
        "Dòng có danh hiệu nhưng thiếu tên cá nhân/tập thể; không được tính.",
        "Row has an award but no recipient name; not counted.",
    ),
    "missing-award": (
        Severity.ERROR,
        "Dòng không ghi danh hiệu/hình thức khen thưởng và tiêu đề cũng không nêu; không được tính.",
        "Row names no award and neither does the heading; not counted.",
    ),
    "unknown-award": (
        Severity.ERROR,
        'Không nhận dạng được danh hiệu/hình thức "{value}"{suggestion}; không được tính.',
        'Unrecognised award "{value}"{suggestion}; not counted.',
    ),
    "unknown-level": (
        Severity.ERROR,
        'Không nhận dạng được cấp khen "{value}"; không được tính.',
        'Unrecognised level "{value}"; not counted.',
    ),
    "ambiguous-level": (
        Severity.ERROR,
        'Không xác định được cấp khen của "{value}" (không có cột cấp khen, cơ quan trong tên '
        "hay số quyết định); không được tính.",
        'Cannot tell the level of "{value}" (no level column, issuer in the text or decision number); not counted.',
    ),
    "unknown-kind": (
        Severity.ERROR,
        'Không nhận dạng được đối tượng "{value}"; không được tính.',
        'Unrecognised kind "{value}"; not counted.',
    ),
    "ambiguous-kind": (
        Severity.ERROR,
        'Không xác định được đối tượng (cá nhân/tập thể) của "{value}": thêm cột Đối tượng hoặc '
        'dòng mục "I. CÁ NHÂN"/"II. TẬP THỂ"; không được tính.',
        'Cannot tell whether "{value}" went to an individual or a collective: add a kind column '
        "or section rows; not counted.",
    ),
    "bad-year": (
        Severity.ERROR,
        'Năm "{value}" không hợp lệ hoặc không tìm thấy năm (cột Năm, tiêu đề, tên trang, tên tệp); không được tính.',
        'Year "{value}" is not valid, or no year found (year column, heading, sheet or file name); not counted.',
    ),
}

REASONS: dict[str, tuple[str, str]] = {
    "password": ("tệp có mật khẩu", "password-protected"),
    "corrupt": ("tệp hỏng hoặc không phải bảng tính", "corrupt or not a workbook"),
    "html": ("tệp là trang HTML đổi đuôi, không phải bảng tính Excel", "an HTML page renamed, not a workbook"),
    "empty": ("tệp rỗng", "empty file"),
    "os-error": ("lỗi hệ điều hành", "operating system error"),
    "empty-sheet": ("trang trống", "empty sheet"),
    "no-header": ("không có dòng tiêu đề cột của danh sách khen thưởng", "no award-list header row"),
    "no-award": (
        "không có cột danh hiệu và tiêu đề không nêu danh hiệu",
        "no award column and the heading names no award",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One finding. `row` is the Excel row number users see (1-based); None for a sheet or file."""

    code: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    suggestion: str | None = None
    detail: str | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def message(self, lang: str = "vi") -> str:
        _, vi, en = CODES[self.code]
        template = en if lang == "en" else vi
        suggestion = ""
        if self.suggestion:
            suggestion = f" (did you mean: {self.suggestion}?)" if lang == "en" else f" (Có phải: {self.suggestion}?)"
        detail = self.detail or ""
        if detail in REASONS:
            detail = REASONS[detail][1 if lang == "en" else 0]
        return template.format(value=self.value or "", suggestion=suggestion, detail=detail)

    def as_dict(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message(lang),
        }
