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
    "file-error": (
        Severity.ERROR,
        "Lỗi khi xử lý tệp ({detail}); tệp bị bỏ qua. Xin gửi tệp này cho nhóm phát triển.",
        "The file could not be processed ({detail}); skipped. Please send it to the developers.",
    ),
    "sheet-unreadable": (
        Severity.ERROR,
        "Không đọc được trang tính ({detail}); trang bị bỏ qua.",
        "Cannot read the sheet ({detail}); skipped.",
    ),
    "skipped-sheet": (
        Severity.INFO,
        "Bỏ qua trang tính: {detail}.",
        "Sheet skipped: {detail}.",
    ),
    "no-table": (
        Severity.ERROR,
        'Không trang tính nào trong tệp có danh sách khen thưởng (cần dòng tiêu đề cột có "Họ và tên" '
        "và cột hoặc tiêu đề nêu danh hiệu).",
        "No sheet of the workbook holds an award list (a header row with a name column, and an award "
        "column or an award named in the heading).",
    ),
    "kind-mismatch": (
        Severity.ERROR,
        '"{value}" không trao cho {detail}: sai đối tượng (cá nhân/tập thể).',
        '"{value}" cannot go to {detail}: wrong kind of recipient.',
    ),
    "bad-date": (
        Severity.ERROR,
        'Ngày quyết định "{value}" {detail}.',
        'Decision date "{value}" {detail}.',
    ),
    "duplicate": (
        Severity.ERROR,
        '"{value}" đã có trong danh sách cùng danh hiệu, cùng năm ({detail}).',
        '"{value}" is already listed for the same award and year ({detail}).',
    ),
    "not-eligible": (
        Severity.WARNING,
        '"{value}" đạt Chiến sĩ thi đua cơ sở nhưng không có trong danh sách Lao động tiên tiến cùng '
        "năm của đơn vị ({detail}).",
        '"{value}" holds Chiến sĩ thi đua cơ sở but is not on the unit\'s Lao động tiên tiến list of the '
        "same year ({detail}).",
    ),
    "over-quota": (
        Severity.WARNING,
        "{value}: {detail}",
        "{value}: {detail}",
    ),
    "level-mismatch": (
        Severity.WARNING,
        'Cấp khen trong "{value}" không khớp với số quyết định {detail}.',
        'The level in "{value}" disagrees with decision number {detail}.',
    ),
    "bad-decision-number": (
        Severity.WARNING,
        'Số quyết định "{value}" không đúng dạng số/loại-cơ quan (ví dụ 123/QĐ-UBND).',
        'Decision number "{value}" is not of the form number/type-issuer (e.g. 123/QĐ-UBND).',
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
    "proposal-list": (
        Severity.INFO,
        'Danh sách đề nghị ("{value}"), chưa phải quyết định khen thưởng: {detail} dòng không được tính '
        "(dùng --include-proposals để đếm riêng theo trạng thái).",
        'A proposal list ("{value}"), not an award decision: {detail} rows not counted '
        "(use --include-proposals to count them by status).",
    ),
    "not-awarded": (
        Severity.INFO,
        '{detail} dòng ghi danh hiệu kèm "{value}" (từ dòng này): chưa được khen, không được tính '
        "(dùng --include-proposals để đếm riêng theo trạng thái).",
        '{detail} rows mark their award "{value}" (from this row on): not awarded, not counted '
        "(use --include-proposals to count them by status).",
    ),
    "summary-mismatch": (
        Severity.WARNING,
        'Bảng tổng hợp ghi "{value}" là {detail} (tổng hợp / danh sách): số trong bảng tổng hợp khác số '
        "người/tập thể trong danh sách của cùng tệp.",
        'The summary gives "{value}" as {detail} (summary / lists): it disagrees with the name lists of '
        "the same workbook.",
    ),
    "no-tick": (
        Severity.INFO,
        "{detail} dòng của bảng đánh dấu không có dấu chọn nào (từ dòng này): không có danh hiệu, không được tính.",
        "{detail} rows of the tick matrix have no tick (from this row on): no award, not counted.",
    ),
    "bad-tick": (
        Severity.ERROR,
        'Ô đánh dấu "{value}" không phải dấu chọn (x, ✓, 1, có, đạt); không được tính.',
        'Tick cell "{value}" is not a tick mark (x, ✓, 1, có, đạt); not counted.',
    ),
    "ambiguous-columns": (
        Severity.ERROR,
        "Không xác định chắc được vai trò của cột {value} (tiêu đề và nội dung ô mâu thuẫn); trang tính "
        "không được đọc. Xem: thidua inspect.",
        "Cannot tell the role of column {value} (header and cells disagree); the sheet is not read. "
        "See: thidua inspect.",
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
    "invalid": ("không phải ngày có thật", "is not a real date"),
    "before-year": ("trước năm thi đua", "precedes the award year"),
    "summary": (
        "bảng tổng hợp số lượng, không phải danh sách; không cộng vào kết quả",
        "a summary count table, not a list; never added to the tally",
    ),
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
    col: int | None = None  # 0-based column index, for cell references and annotated copies

    @property
    def cell(self) -> str | None:
        """The Excel reference ("E12") when the finding is about one cell."""
        if self.row is None or self.col is None:
            return None
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.col + 1)}{self.row}"

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
        elif self.code == "kind-mismatch" and lang == "en":
            detail = {"Cá nhân": "an individual", "Tập thể": "a collective", "Hộ gia đình": "a household"}.get(
                detail, detail
            )
        elif self.code == "kind-mismatch":
            detail = {"Cá nhân": "cá nhân", "Tập thể": "tập thể", "Hộ gia đình": "hộ gia đình"}.get(detail, detail)
        return template.format(value=self.value or "", suggestion=suggestion, detail=detail)

    def as_dict(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "value": self.value,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message(lang),
        }
