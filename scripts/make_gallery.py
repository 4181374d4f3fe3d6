"""The layout gallery: one small workbook per layout family the reader knows, with the records
each must give (invented names). Writes tests/data/gallery/<family>.xlsx and expected.json.

    python scripts/make_gallery.py [--out tests/data/gallery]

The tests build mutated copies (a column inserted, two swapped, a header renamed, a group header
added, the table moved down, a sub-heading row added) from FAMILIES directly.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "tests" / "data" / "gallery"
TITLE = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", None, None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
MOTTO = ["TRƯỜNG THPT HOA SEN", None, None, None, "Độc lập - Tự do - Hạnh phúc"]
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)
# (name, position, award, level, kind, year): what a record must hold
Expected = tuple[str, str, str, str, str, int]
# (award, kind, levels, year, count): one number of a summary count table
SummaryExpected = tuple[str, str | None, tuple[str, ...], int | None, int]


@dataclass
class Family:
    """One layout: its rows (None = empty cell), merged blocks, where its header is, and what
    reading it must give. `report` names the finding a sheet gives instead of records."""

    name: str
    rows: list[list[Any]]
    header: tuple[int, int]  # 0-based first and last header row
    expected: list[Expected]
    merges: list[Merge] = field(default_factory=list)
    report: str | None = None  # e.g. "proposal-list", "skipped-sheet:summary"
    units: dict[str, str] = field(default_factory=dict)  # name → unit the record must carry
    # a summary count table: (award, kind, levels, year, count) of each number it gives
    summary: list[SummaryExpected] = field(default_factory=list)
    more_headers: list[int] = field(default_factory=list)  # 0-based first rows of the headers of tables below

    def width(self) -> int:
        return max(len(r) for r in self.rows)


def _title(heading: str, *more: str) -> list[list[Any]]:
    return [TITLE, MOTTO, [], [heading], *[[m] for m in more], []]


def plain() -> Family:
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2019")
    rows = [
        *head,
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua", "Cấp khen", "Số quyết định", "Năm"],
        [1, "Nguyễn Văn Khải", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "12/QĐ-SGDĐT", 2019],
        [2, "Trần Thị Lụa", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở", "13/QĐ-SGDĐT", 2019],
        [3, "Lê Minh Hào", "Nhân viên", "Giấy khen", "Giám đốc Sở", "14/QĐ-SGDĐT", 2019],
        ["Tổng cộng: 03 cá nhân"],
    ]
    h = len(head)
    return Family(
        "plain",
        rows,
        (h, h),
        [
            ("Nguyễn Văn Khải", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2019),
            ("Trần Thị Lụa", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 2019),
            ("Lê Minh Hào", "Nhân viên", "Giấy khen", "Cơ sở", "Cá nhân", 2019),
        ],
    )


def grouped() -> Family:
    """ "Khen thưởng" over award | level | kind, "Quyết định" over number | date, column numbers."""
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM HỌC 2019 - 2020")
    h = len(head)
    rows = [
        *head,
        ["TT", "Họ và tên", "Khen thưởng", None, None, "Quyết định", None],
        [None, None, "Danh hiệu, hình thức", "Cấp khen", "Đối tượng", "Số", "Ngày"],
        [1, 2, 3, 4, 5, 6, 7],
        [1, "Phạm Thu Trang", "Giấy khen", "Giám đốc Sở", "Cá nhân", "45/QĐ-SGDĐT", "20/6/2020"],
        [2, "Tổ Toán - Tin", "Giấy khen", "Giám đốc Sở", "Tập thể", "45/QĐ-SGDĐT", "20/6/2020"],
        [3, "Đỗ Văn Quang", "Bằng khen", "Tỉnh", "Cá nhân", "88/QĐ-UBND", "25/6/2020"],
        [4, "Vũ Thị Hạnh", "Bằng khen", "Bộ", "Cá nhân", "99/QĐ-BGDĐT", "30/6/2020"],
    ]
    merges = [(h, 0, h + 1, 0), (h, 1, h + 1, 1), (h, 2, h, 4), (h, 5, h, 6)]
    return Family(
        "grouped",
        rows,
        (h, h + 1),
        [
            ("Phạm Thu Trang", "", "Giấy khen", "Cơ sở", "Cá nhân", 2020),
            ("Tổ Toán - Tin", "", "Giấy khen", "Cơ sở", "Tập thể", 2020),
            ("Đỗ Văn Quang", "", "Bằng khen", "Tỉnh", "Cá nhân", 2020),
            ("Vũ Thị Hạnh", "", "Bằng khen", "Bộ", "Cá nhân", 2020),
        ],
        merges,
    )


def three_tiers() -> Family:
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2021")
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Kết quả thi đua, khen thưởng", None, None, None],
        [None, None, "Khen thưởng", None, "Quyết định", None],
        [None, None, "Hình thức", "Cấp khen", "Số", "Ngày"],
        [1, "Hoàng Văn Tú", "Lao động tiên tiến", "Cơ sở", "7/QĐ-SGDĐT", "10/12/2021"],
        [2, "Ngô Thị Mai", "Bằng khen", "Chủ tịch UBND tỉnh", "70/QĐ-UBND", "15/12/2021"],
    ]
    merges = [(h, 0, h + 2, 0), (h, 1, h + 2, 1), (h, 2, h, 5), (h + 1, 2, h + 1, 3), (h + 1, 4, h + 1, 5)]
    return Family(
        "three_tiers",
        rows,
        (h, h + 2),
        [
            ("Hoàng Văn Tú", "", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2021),
            ("Ngô Thị Mai", "", "Bằng khen", "Tỉnh", "Cá nhân", 2021),
        ],
        merges,
    )


def ticks() -> Family:
    head = _title("KẾT QUẢ BÌNH XÉT THI ĐUA NĂM 2020")
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua", None, "Hình thức khen thưởng", None],
        [None, None, None, "LĐTT", "CSTĐCS", "Giấy khen", "Bằng khen UBND tỉnh"],
        [1, "Bùi Văn Sơn", "Giáo viên", "x", "X", None, None],
        [2, "Đặng Thị Yến", "Giáo viên", "✓", None, 1, None],
        [3, "Lý Văn Phúc", "Kế toán", "x", None, None, "✔"],
        [4, "Mai Thị Ngọc", "Giáo viên", None, None, None, None],
    ]
    merges = [(h, 0, h + 1, 0), (h, 1, h + 1, 1), (h, 2, h + 1, 2), (h, 3, h, 4), (h, 5, h, 6)]
    return Family(
        "ticks",
        rows,
        (h, h + 1),
        [
            ("Bùi Văn Sơn", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2020),
            ("Bùi Văn Sơn", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 2020),
            ("Đặng Thị Yến", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2020),
            ("Đặng Thị Yến", "Giáo viên", "Giấy khen", "Cơ sở", "Cá nhân", 2020),
            ("Lý Văn Phúc", "Kế toán", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2020),
            ("Lý Văn Phúc", "Kế toán", "Bằng khen", "Tỉnh", "Cá nhân", 2020),
        ],
        merges,
        report="no-tick",
    )


def subheadings() -> Family:
    head = _title('DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU "LAO ĐỘNG TIÊN TIẾN" NĂM 2018')
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Chức vụ", "Ghi chú"],
        [None, "1. Trường THPT Lê Lợi", None, None],
        [1, "Cao Văn Bình", "Giáo viên", None],
        [2, "Tạ Thị Hoa", "Giáo viên", None],
        ["2. Trường THCS Hồng Đức", "2. Trường THCS Hồng Đức", "2. Trường THCS Hồng Đức", "2. Trường THCS Hồng Đức"],
        [1, "Kiều Văn Long", "Hiệu trưởng", None],
    ]
    merges = [(h + 4, 0, h + 4, 3)]
    return Family(
        "subheadings",
        rows,
        (h, h),
        [
            ("Cao Văn Bình", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2018),
            ("Tạ Thị Hoa", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2018),
            ("Kiều Văn Long", "Hiệu trưởng", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2018),
        ],
        merges,
        units={
            "Cao Văn Bình": "Trường THPT Lê Lợi",
            "Tạ Thị Hoa": "Trường THPT Lê Lợi",
            "Kiều Văn Long": "Trường THCS Hồng Đức",
        },
    )


def proposal() -> Family:
    head = _title("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2020")
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Hình thức khen thưởng", "Cấp khen"],
        [1, "Lâm Văn Đức", "Bằng khen", "Tỉnh"],
        [2, "Quách Thị Liên", "Bằng khen", "Tỉnh"],
    ]
    return Family("proposal", rows, (h, h), [], report="proposal-list")


def status() -> Family:
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2019")
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Danh hiệu", "Năm"],
        [1, "Trịnh Văn Hưng", "Lao động tiên tiến", 2019],
        [2, "Lưu Thị Thảo", "Lao động tiên tiến (đề nghị)", 2019],
        [3, "Triệu Văn Khoa", "CSTĐCS (không đạt)", 2019],
        [4, "Dương Thị Nhung", "Lao động tiên tiến", 2019],
    ]
    return Family(
        "status",
        rows,
        (h, h),
        [
            ("Trịnh Văn Hưng", "", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2019),
            ("Dương Thị Nhung", "", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2019),
        ],
        report="not-awarded",
    )


def decision_heading() -> Family:
    head = _title(
        "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN NĂM 2019",
        "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 20/12/2019 của Chủ tịch UBND tỉnh)",
    )
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng"],
        [1, "Nguyễn Văn An\nHiệu trưởng", "Trường THPT Hoa Sen", "Bằng khen"],
        [2, "Phan Thị Bích - Giáo viên", "Trường THPT Hoa Sen", "Bằng khen"],
    ]
    return Family(
        "decision_heading",
        rows,
        (h, h),
        [
            ("Nguyễn Văn An", "Hiệu trưởng", "Bằng khen", "Tỉnh", "Cá nhân", 2019),
            ("Phan Thị Bích", "Giáo viên", "Bằng khen", "Tỉnh", "Cá nhân", 2019),
        ],
    )


def summary() -> Family:
    head = _title("BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA NĂM 2019")
    h = len(head)
    rows = [
        *head,
        ["STT", "Tên đơn vị", "LĐTT", "CSTĐCS", "Giấy khen"],
        [1, "Tổ Văn", 12, 2, 3],
        [2, "Tổ Toán", 9, 1, 4],
        [3, "Tổ Ngoại ngữ", 7, 1, 2],
        [None, "Tổng cộng", 28, 4, 9],
    ]
    counts: list[SummaryExpected] = [
        ("Lao động tiên tiến", None, (), None, 28),
        ("Chiến sĩ thi đua cơ sở", None, (), None, 4),
        ("Giấy khen", None, (), None, 9),
    ]
    return Family("summary", rows, (h, h), [], report="skipped-sheet:summary", summary=counts)


def summary_by_kind() -> Family:
    """Award rows × kind columns ("Cá nhân" | "Tập thể" | "Tổng số"), a total row: no name header,
    no records; what it says is compared with the lists by `validate`."""
    head = _title("BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG NĂM 2019")
    h = len(head)
    rows = [
        *head,
        ["STT", "Danh hiệu / Hình thức khen thưởng", "Cá nhân", "Tập thể", "Tổng số"],
        [1, "Lao động tiên tiến", 25, None, 25],
        [2, "Chiến sĩ thi đua cơ sở", 4, None, 4],
        [3, "Tập thể lao động tiên tiến", None, 3, 3],
        [4, "Giấy khen", 6, 2, 8],
        [5, "Bằng khen của Chủ tịch UBND tỉnh", 1, 1, 2],
        [None, "Tổng cộng", 36, 6, 42],
    ]
    counts: list[SummaryExpected] = [
        ("Lao động tiên tiến", "Cá nhân", (), None, 25),
        ("Chiến sĩ thi đua cơ sở", "Cá nhân", (), None, 4),
        ("Tập thể lao động tiên tiến", "Tập thể", (), None, 3),
        ("Giấy khen", "Cá nhân", (), None, 6),
        ("Giấy khen", "Tập thể", (), None, 2),
        ("Bằng khen", "Cá nhân", ("Tỉnh",), None, 1),
        ("Bằng khen", "Tập thể", ("Tỉnh",), None, 1),
    ]
    return Family("summary_by_kind", rows, (h, h), [], report="skipped-sheet:summary", summary=counts)


def level_under_group() -> Family:
    """ "Khen thưởng" merged over two columns, the second without a label of its own: its cells
    ("Giám đốc Sở", "Tỉnh", "Bộ") make it the level column."""
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2022")
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Khen thưởng", None, "Năm"],
        [1, "Châu Văn Tài", "Giấy khen", "Giám đốc Sở", 2022],
        [2, "Hứa Thị Vân", "Bằng khen", "Tỉnh", 2022],
        [3, "Mạc Văn Hòa", "Bằng khen", "Bộ", 2022],
        [4, "Ông Thị Xuân", "Giấy khen", "Giám đốc Sở", 2022],
    ]
    return Family(
        "level_under_group",
        rows,
        (h, h),
        [
            ("Châu Văn Tài", "", "Giấy khen", "Cơ sở", "Cá nhân", 2022),
            ("Hứa Thị Vân", "", "Bằng khen", "Tỉnh", "Cá nhân", 2022),
            ("Mạc Văn Hòa", "", "Bằng khen", "Bộ", "Cá nhân", 2022),
            ("Ông Thị Xuân", "", "Giấy khen", "Cơ sở", "Cá nhân", 2022),
        ],
        [(h, 2, h, 3)],
    )


def sections() -> Family:
    """ "I. CÁ NHÂN" / "II. TẬP THỂ" and an award cell merged down its block; long free text."""
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2017")
    h = len(head)
    story = "Hoàn thành xuất sắc nhiệm vụ năm học, được tặng Giấy khen và Lao động tiên tiến nhiều năm liền"
    rows = [
        *head,
        ["STT", "Tên cá nhân, tập thể", "Tóm tắt thành tích", "Danh hiệu thi đua", "Năm"],
        ["I", "CÁ NHÂN", None, None, None],
        [1, "Kha Văn Lộc", story, "Lao động tiên tiến", 2017],
        [2, "Tôn Thị Diệu", story, None, 2017],
        ["II", "TẬP THỂ", None, None, None],
        [1, "Tổ Hóa - Sinh", story, "Tập thể lao động tiên tiến", 2017],
    ]
    return Family(
        "sections",
        rows,
        (h, h),
        [
            ("Kha Văn Lộc", "", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2017),
            ("Tôn Thị Diệu", "", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2017),
            ("Tổ Hóa - Sinh", "", "Tập thể lao động tiên tiến", "Cơ sở", "Tập thể", 2017),
        ],
        [(h + 2, 3, h + 3, 3)],
    )


def two_tables() -> Family:
    """A people's table, then under its own title a collective table with other columns in
    another order: each read with its own roles, the title giving the second its kind."""
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2020")
    h = len(head)
    rows = [
        *head,
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua", "Cấp khen"],
        [1, "Nguyễn Thị Hằng", "Giáo viên", "Lao động tiên tiến", "Cơ sở"],
        [2, "Phó Văn Thắng", "Tổ trưởng", "Bằng khen", "Tỉnh"],
        [3, "Lò Thị Mến", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở"],
        ["Cộng: 03 cá nhân"],
        [],
        ["DANH SÁCH TẬP THỂ ĐƯỢC KHEN THƯỞNG"],
        ["STT", "Tên tập thể", "Cấp khen", "Số quyết định", "Hình thức khen thưởng"],
        [1, "Tổ Ngữ văn", "Giám đốc Sở", "25/QĐ-SGDĐT", "Giấy khen"],
        [2, "Tổ Toán", "Tỉnh", "60/QĐ-UBND", "Bằng khen"],
        [3, "Công đoàn trường", "Cơ sở", "12/QĐ-SGDĐT", "Tập thể lao động tiên tiến"],
    ]
    return Family(
        "two_tables",
        rows,
        (h, h),
        [
            ("Nguyễn Thị Hằng", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2020),
            ("Phó Văn Thắng", "Tổ trưởng", "Bằng khen", "Tỉnh", "Cá nhân", 2020),
            ("Lò Thị Mến", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 2020),
            ("Tổ Ngữ văn", "", "Giấy khen", "Cơ sở", "Tập thể", 2020),
            ("Tổ Toán", "", "Bằng khen", "Tỉnh", "Tập thể", 2020),
            ("Công đoàn trường", "", "Tập thể lao động tiên tiến", "Cơ sở", "Tập thể", 2020),
        ],
        more_headers=[h + 7],
    )


def subheadings_no_stt() -> Family:
    """No STT column; each unit typed only in the name cell above its people."""
    head = _title("DANH SÁCH KHEN THƯỞNG NĂM 2019")
    h = len(head)
    rows = [
        *head,
        ["Họ và tên", "Chức vụ", "Danh hiệu thi đua", "Cấp khen"],
        ["Trường THCS Nguyễn Du"],
        ["Vi Văn Quý", "Giáo viên", "Lao động tiên tiến", "Cơ sở"],
        ["Ninh Thị Thoa", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở"],
        ["2. Phòng Giáo dục và Đào tạo"],
        ["Khổng Văn Sáng", "Chuyên viên", "Bằng khen", "Tỉnh"],
    ]
    return Family(
        "subheadings_no_stt",
        rows,
        (h, h),
        [
            ("Vi Văn Quý", "Giáo viên", "Lao động tiên tiến", "Cơ sở", "Cá nhân", 2019),
            ("Ninh Thị Thoa", "Giáo viên", "Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 2019),
            ("Khổng Văn Sáng", "Chuyên viên", "Bằng khen", "Tỉnh", "Cá nhân", 2019),
        ],
        units={
            "Vi Văn Quý": "Trường THCS Nguyễn Du",
            "Ninh Thị Thoa": "Trường THCS Nguyễn Du",
            "Khổng Văn Sáng": "Phòng Giáo dục và Đào tạo",
        },
    )


FAMILIES = {
    f().name: f
    for f in (
        plain,
        grouped,
        three_tiers,
        ticks,
        subheadings,
        proposal,
        status,
        decision_heading,
        summary,
        summary_by_kind,
        level_under_group,
        sections,
        two_tables,
        subheadings_no_stt,
    )
}


def write(family: Family, path: Path) -> Path:
    """The family's rows as the first sheet of a workbook, merged blocks merged."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = family.name
    for r, row in enumerate(family.rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(r, c, value)
    for r0, c0, r1, c1 in family.merges:
        ws.merge_cells(f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    expected: dict[str, Any] = {}
    for name, make in FAMILIES.items():
        family = make()
        write(family, args.out / f"{name}.xlsx")
        expected[name] = {"records": [list(e) for e in family.expected], "report": family.report, "units": family.units}
        if family.summary:
            expected[name]["summary"] = [[a, k, list(lv), y, n] for a, k, lv, y, n in family.summary]
    (args.out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(FAMILIES)} workbooks in {args.out}")


if __name__ == "__main__":
    main()
