"""Generate sample_data/: a department's unit workbooks for 2015–2020 (invented names).

Deterministic: the same files every run. Their 2015–2020 tally equals the table at the end of
DOMAIN.md (the Thanh Hoá LĐ-TBXH five-year article): 5,874 award records in all.

    python scripts/make_sample_data.py [OUT_DIR]     (needs openpyxl and xlwt)

Layouts, as units really send them:
  A  one .xlsx per year; title block; merged two-row header; column numbers; sections
     "I. CÁ NHÂN" / "II. TẬP THỂ"; award and level cells merged over blocks; totals; signature
  B  one .xlsx per year, one sheet per award; no award or year column: both in the heading
  C  one .xlsx for all years; "Quyết định" over "Số"/"Ngày"; abbreviations (LĐTT, BK, GK…);
     a kind column; level from "Cơ quan quyết định" or the decision-number suffix
  D  one legacy .xls with a sheet per year, typed in TCVN3 (.VnTime); year from the sheet name
  E  one .xlsx per year in NFD text, old tone placement, "Chiến sỹ", quotes and extra spaces
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

YEARS = list(range(2015, 2021))
YEAR_WEIGHTS = [15, 16, 17, 17, 17, 18]

# (award, level, kind, count) — DOMAIN.md, "Expected tally of the sample data".
EXPECTED = [
    ("Tập thể lao động tiên tiến", "Cơ sở", "Tập thể", 347),
    ("Tập thể lao động xuất sắc", "Tỉnh", "Tập thể", 17),
    ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 3323),
    ("Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 290),
    ("Cờ thi đua", "Tỉnh", "Tập thể", 8),
    ("Cờ thi đua", "Chính phủ", "Tập thể", 1),
    ("Giấy khen", "Cơ sở", "Tập thể", 325),
    ("Giấy khen", "Cơ sở", "Cá nhân", 1437),
    ("Bằng khen", "Bộ", "Cá nhân", 48),
    ("Bằng khen", "Bộ", "Tập thể", 13),
    ("Bằng khen", "Tỉnh", "Cá nhân", 41),
    ("Bằng khen", "Tỉnh", "Tập thể", 13),
    ("Bằng khen", "Chính phủ", "Cá nhân", 5),
    ("Bằng khen", "Chính phủ", "Tập thể", 5),
    ("Huân chương Lao động hạng Ba", "Nhà nước", "Cá nhân", 1),
]

# (slug, name, layout, weight). Invented unit names of a typical department.
UNITS = [
    ("van-phong-so", "Văn phòng Sở", "A", 1.6),
    ("thanh-tra-so", "Thanh tra Sở", "B", 0.6),
    ("phong-lao-dong-viec-lam", "Phòng Lao động - Việc làm", "C", 0.7),
    ("phong-nguoi-co-cong", "Phòng Người có công", "A", 0.7),
    ("phong-bao-tro-xa-hoi", "Phòng Bảo trợ xã hội", "E", 0.7),
    ("trung-tam-dich-vu-viec-lam", "Trung tâm Dịch vụ việc làm", "C", 1.4),
    ("trung-tam-bao-tro-xa-hoi-1", "Trung tâm Bảo trợ xã hội số 1", "D", 1.5),
    ("trung-tam-bao-tro-xa-hoi-2", "Trung tâm Bảo trợ xã hội số 2", "B", 1.2),
    ("trung-tam-dieu-duong-nguoi-co-cong", "Trung tâm Điều dưỡng người có công", "A", 1.1),
    ("co-so-cai-nghien-ma-tuy", "Cơ sở cai nghiện ma túy số 1", "D", 1.2),
    ("truong-cao-dang-nghe", "Trường Cao đẳng nghề Kỹ thuật", "C", 2.0),
    ("trung-tam-chinh-hinh", "Trung tâm Chỉnh hình và Phục hồi chức năng", "E", 1.0),
    ("quy-bao-tro-tre-em", "Quỹ Bảo trợ trẻ em", "A", 0.5),
    ("phong-giao-duc-nghe-nghiep", "Phòng Giáo dục nghề nghiệp", "B", 0.6),
]

# Awards whose level a per-award heading cannot carry go only to units with a level column.
NEEDS_LEVEL_COLUMN = {"Tập thể lao động xuất sắc", "Cờ thi đua", "Huân chương Lao động hạng Ba"}
# The few top awards go to the department's own office and the larger centres.
TOP_UNITS = {"Cờ thi đua": ["van-phong-so"], "Huân chương Lao động hạng Ba": ["van-phong-so"]}

SURNAMES = [
    "Nguyễn",
    "Lê",
    "Trần",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đỗ",
    "Bùi",
    "Đặng",
    "Ngô",
    "Trịnh",
    "Lê Đình",
    "Mai",
    "Hà",
    "Lương",
    "Tống",
    "Cao",
    "Dương",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đình", "Ngọc", "Minh", "Thanh", "Xuân", "Thu", "Quang", "Bá", "Kim", "Đức", "Hồng"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiền",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngọc",
    "Nhung",
    "Phong",
    "Phương",
    "Quân",
    "Quý",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thủy",
    "Trang",
    "Trung",
    "Tuấn",
    "Vân",
    "Yến",
    "Oanh",
    "Uyên",
    "Thuận",
    "Lực",
    "Dũng",
    "Huệ",
    "Loan",
    "Tú",
    "Việt",
    "Xuân",
]
POSITIONS = [
    "Chuyên viên",
    "Nhân viên",
    "Kế toán",
    "Cán sự",
    "Phó trưởng phòng",
    "Trưởng phòng",
    "Giáo viên",
    "Điều dưỡng viên",
    "Y sĩ",
    "Bảo vệ",
    "Lái xe",
]
SUBUNITS = [
    "Phòng Tổ chức - Hành chính",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Nghiệp vụ",
    "Phòng Công tác xã hội",
    "Khoa Y tế",
    "Tổ Bảo vệ",
    "Tổ Dinh dưỡng",
    "Phòng Đào tạo",
    "Khoa Cơ khí",
    "Khoa Điện",
]
ISSUER_TEXT = {
    "Cơ sở": "GĐ Sở",
    "Tỉnh": "UBND tỉnh",
    "Bộ": "Bộ LĐTBXH",
    "Chính phủ": "Thủ tướng Chính phủ",
    "Nhà nước": "Chủ tịch nước",
}
DECISION_CODE = {
    "Cơ sở": "QĐ-SLĐTBXH",
    "Tỉnh": "QĐ-UBND",
    "Bộ": "QĐ-LĐTBXH",
    "Chính phủ": "QĐ-TTg",
    "Nhà nước": "QĐ-CTN",
}
FORM_TEXT = {
    ("Bằng khen", "Tỉnh"): "Bằng khen của Chủ tịch UBND tỉnh",
    ("Bằng khen", "Bộ"): "Bằng khen của Bộ trưởng Bộ LĐ-TBXH",
    ("Bằng khen", "Chính phủ"): "Bằng khen của Thủ tướng Chính phủ",
    ("Giấy khen", "Cơ sở"): "Giấy khen của Giám đốc Sở",
    ("Cờ thi đua", "Tỉnh"): "Cờ thi đua xuất sắc dẫn đầu phong trào thi đua của UBND tỉnh",
    ("Cờ thi đua", "Chính phủ"): "Cờ thi đua của Chính phủ",
}
ABBREVIATION = {
    "Lao động tiên tiến": "LĐTT",
    "Chiến sĩ thi đua cơ sở": "CSTĐCS",
    "Tập thể lao động tiên tiến": "TTLĐTT",
    "Tập thể lao động xuất sắc": "TTLĐXS",
    "Bằng khen": "BK",
    "Giấy khen": "GK",
    "Huân chương Lao động hạng Ba": "HCLĐ hạng Ba",
}
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def split(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of `total` by `weights` (deterministic)."""
    raw = [total * w / sum(weights) for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def allocate() -> dict[tuple[str, int], list[tuple[str, str, str]]]:
    """(unit, year) → [(award, level, kind), …] so that the totals equal EXPECTED."""
    cells: dict[tuple[str, int], list[tuple[str, str, str]]] = defaultdict(list)
    for award, level, kind, total in EXPECTED:
        eligible = [u for u in UNITS if not (award in NEEDS_LEVEL_COLUMN and u[2] == "B")]
        if award in TOP_UNITS:
            eligible = [u for u in UNITS if u[0] in TOP_UNITS[award]]
        for year, n in zip(YEARS, split(total, YEAR_WEIGHTS), strict=True):
            for unit, m in zip(eligible, split(n, [u[3] for u in eligible]), strict=True):
                cells[(unit[0], year)].extend([(award, level, kind)] * m)
    return cells


def people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(names) < n:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name not in seen:
            seen.add(name)
            names.append((name, rng.choice(POSITIONS)))
    return names


def recipients(unit: str, cells: dict[tuple[str, int], list[tuple[str, str, str]]]) -> dict[int, list[dict[str, str]]]:
    """Names for every award of a unit, stable across years; CSTĐCS holders also hold LĐTT."""
    rng = random.Random(f"thidua-sample-{unit}")
    per_year = {y: cells.get((unit, y), []) for y in YEARS}
    size = max(sum(1 for a in awards if a[2] == "Cá nhân") for awards in per_year.values()) + 5
    roster = people(rng, size)
    collectives = [s for s in SUBUNITS]
    rng.shuffle(collectives)
    unit_name = next(u[1] for u in UNITS if u[0] == unit)
    out: dict[int, list[dict[str, str]]] = {}
    for year, awards in per_year.items():
        offset = (year - YEARS[0]) * 3
        rotated = roster[offset % len(roster) :] + roster[: offset % len(roster)]
        rows = []
        used: dict[str, int] = defaultdict(int)
        ldtt = [a for a in awards if a[0] == "Lao động tiên tiến"]
        for award, level, kind in awards:
            i = used[award]
            used[award] += 1
            if kind == "Cá nhân":
                if award == "Chiến sĩ thi đua cơ sở":
                    name, position = rotated[i % max(1, len(ldtt))]
                elif award == "Lao động tiên tiến":
                    name, position = rotated[i]
                else:
                    name, position = rotated[(len(rotated) - 1 - i) % len(rotated)]
            else:
                name, position = (
                    (
                        unit_name
                        if award in ("Cờ thi đua", "Tập thể lao động xuất sắc") and i == 0
                        else collectives[i % len(collectives)]
                    ),
                    "",
                )
            rows.append(
                {"award": award, "level": level, "kind": kind, "name": name, "position": position, "unit": unit_name}
            )
        out[year] = rows
    return out


# --- layouts ---------------------------------------------------------------------------
def title_block(ws, unit_name: str, width: int, year: int, heading: str, sub: str | None = None) -> int:  # type: ignore[no-untyped-def]
    half = max(2, width // 2)
    ws.cell(1, 1, "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    ws.cell(2, 1, unit_name.upper())
    ws.cell(1, half + 1, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    ws.cell(2, half + 1, "Độc lập - Tự do - Hạnh phúc")
    ws.cell(3, half + 1, f"Thanh Hoá, ngày 20 tháng 12 năm {year}")
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=half)
        ws.merge_cells(start_row=r, start_column=half + 1, end_row=r, end_column=width)
    ws.cell(5, 1, heading).font = Font(bold=True)
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    if sub:
        ws.cell(6, 1, sub)
        ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=width)
    return 8


def signature(ws, row: int, width: int) -> None:  # type: ignore[no-untyped-def]
    ws.cell(row, 2, "NGƯỜI LẬP BIỂU")
    ws.cell(row, width - 1, "THỦ TRƯỞNG ĐƠN VỊ")
    ws.cell(row + 1, width - 1, "(Ký, ghi rõ họ tên, đóng dấu)")
    ws.cell(row + 4, 2, "Lê Thị Lập")
    ws.cell(row + 4, width - 1, "Nguyễn Văn Trưởng")


def decision(level: str, year: int, k: int) -> tuple[str, dt.date]:
    number = 100 + (k * 37) % 800
    return f"{number}/{DECISION_CODE[level]}", dt.date(year, 12, 10 + k % 15)


def sections(rows: list[dict[str, str]]) -> list[tuple[str, list[dict[str, str]]]]:
    order = {"Cá nhân": "I. CÁ NHÂN", "Tập thể": "II. TẬP THỂ"}
    return [
        (label, [r for r in rows if r["kind"] == kind])
        for kind, label in order.items()
        if any(r["kind"] == kind for r in rows)
    ]


def layout_a(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    for year, rows in data.items():
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = f"Năm {year}"
        headers = [
            "STT",
            "Họ và tên",
            "Chức vụ",
            "Danh hiệu thi đua/Hình thức khen thưởng",
            "Cấp khen",
            "Số, ngày quyết định",
            "Ghi chú",
        ]
        r = title_block(
            ws,
            unit[1],
            len(headers),
            year,
            f"DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG NĂM {year}",
            f"(Kèm theo Quyết định số 15/QĐ-SLĐTBXH ngày 08/01/{year + 1} của Giám đốc Sở)",
        )
        for c, h in enumerate(headers, 1):
            ws.cell(r, c, h).font = Font(bold=True)
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
        r += 2
        for c in range(1, len(headers) + 1):
            ws.cell(r, c, f"({c})")
        r += 1
        k = 0
        for label, block in sections(rows):
            ws.cell(r, 1, label).font = Font(bold=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headers))
            r += 1
            groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
            for row in block:
                groups[(row["award"], row["level"])].append(row)
            for stt_base, ((award, level), members) in enumerate(groups.items()):
                start = r
                number, date = decision(level, year, stt_base)
                for i, row in enumerate(members, 1):
                    ws.cell(r, 1, i)
                    ws.cell(r, 2, row["name"])
                    ws.cell(r, 3, row["position"])
                    r += 1
                    k += 1
                ws.cell(start, 4, award)
                ws.cell(start, 5, ISSUER_TEXT[level])
                ws.cell(start, 6, f"{number} ngày {date:%d/%m/%Y}")
                if r - 1 > start:
                    for c in (4, 5, 6):
                        ws.merge_cells(start_row=start, start_column=c, end_row=r - 1, end_column=c)
            ws.cell(r, 2, f"Cộng: {len(block)}")
            r += 1
        people_n = sum(1 for x in rows if x["kind"] == "Cá nhân")
        ws.cell(r, 1, f"Tổng cộng: {people_n} cá nhân, {len(rows) - people_n} tập thể")
        signature(ws, r + 2, len(headers))
        _widths(ws, [6, 28, 18, 40, 16, 30, 12])
        wb.save(out / f"{unit[0]}-{year}.xlsx")


def layout_b(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    for year, rows in data.items():
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
        for row in rows:
            groups[(row["award"], row["level"], row["kind"])].append(row)
        for (award, level, kind), members in groups.items():
            sheet = (ABBREVIATION.get(award, award[:20]) + (" " + kind if award in ("Bằng khen", "Giấy khen") else ""))[
                :31
            ]
            ws = wb.create_sheet(sheet)
            who = "CÁ NHÂN" if kind == "Cá nhân" else "TẬP THỂ"
            if (award, level) in FORM_TEXT:
                heading = f"DANH SÁCH {who} ĐƯỢC TẶNG {FORM_TEXT[(award, level)].upper()} NĂM {year}"
            else:
                heading = f'DANH SÁCH {who} ĐẠT DANH HIỆU "{award.upper()}" NĂM {year}'
            headers = [
                "STT",
                "Họ và tên" if kind == "Cá nhân" else "Tên tập thể",
                "Chức vụ",
                "Đơn vị công tác",
                "Ghi chú",
            ]
            r = title_block(ws, unit[1], len(headers), year, heading)
            for c, h in enumerate(headers, 1):
                ws.cell(r, c, h).font = Font(bold=True)
            r += 1
            for i, row in enumerate(members, 1):
                ws.cell(r, 1, i)
                ws.cell(r, 2, row["name"])
                ws.cell(r, 3, row["position"])
                ws.cell(r, 4, unit[1])
                for c in range(1, 6):
                    ws.cell(r, c).border = BORDER
                r += 1
            ws.cell(r, 1, f"Danh sách có {len(members):02d} {'người' if kind == 'Cá nhân' else 'tập thể'}")
            signature(ws, r + 2, len(headers))
            _widths(ws, [6, 28, 18, 36, 12])
        plan = wb.create_sheet("Hướng dẫn")
        plan["A1"] = "Ghi chú: danh sách gửi về Văn phòng Sở trước ngày 15/12 hằng năm."
        wb.save(out / f"ds-khen-thuong-{year}.xlsx")


def layout_c(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    headers = ["TT", "Họ tên", "Đối tượng", "Hình thức", "Cơ quan quyết định", "Quyết định", "", "Năm"]
    r = title_block(ws, unit[1], len(headers), 2020, "TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG GIAI ĐOẠN 2015 - 2020")
    for c, h in enumerate(headers, 1):
        if h:
            ws.cell(r, c, h).font = Font(bold=True)
    for c in (1, 2, 3, 4, 5, 8):
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=7)
    ws.cell(r + 1, 6, "Số")
    ws.cell(r + 1, 7, "Ngày")
    r += 2
    for c in range(1, len(headers) + 1):
        ws.cell(r, c, c)
    r += 1
    stt = 0
    for year, rows in data.items():
        for k, row in enumerate(rows):
            stt += 1
            level = row["level"]
            number, date = decision(level, year, k)
            by_suffix = row["award"] in ("Tập thể lao động xuất sắc",) or (
                row["award"] == "Bằng khen" and level == "Chính phủ"
            )
            values = [
                stt,
                row["name"],
                "CN" if row["kind"] == "Cá nhân" else "TT",
                ABBREVIATION.get(row["award"], row["award"]),
                "" if by_suffix else ISSUER_TEXT[level],
                number,
                date,
                year,
            ]
            for c, v in enumerate(values, 1):
                ws.cell(r, c, v)
            ws.cell(r, 7).number_format = "dd/mm/yyyy"
            r += 1
    ws.cell(r, 2, "Tổng cộng")
    ws.cell(r, 4, f"=COUNTA(B12:B{r - 1})")
    signature(ws, r + 2, len(headers))
    _widths(ws, [6, 28, 10, 16, 22, 18, 12, 8])
    wb.save(out / f"{unit[0]}-tong-hop.xlsx")


# TCVN3 (ABC) bytes for Unicode letters: the inverse of the tool's decoding table.
def tcvn3_encode(text: str) -> str:
    import tomllib

    from thidua_cli.text import _tables  # the shipped table, so both directions agree

    inverse = {v: k for k, v in _tables()["tcvn3"].items() if v.islower() or v in "ĂÂÊÔƠƯĐ"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and not ch.isascii():
            out.append(inverse[ch.lower()])  # toned capitals have no code: the H-font habit
        else:
            out.append(ch)
    del tomllib
    return "".join(out)


def layout_d(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    import xlwt

    wb = xlwt.Workbook()
    body = xlwt.easyxf("font: name .VnTime, height 260")
    caps = xlwt.easyxf("font: name .VnTimeH, height 260, bold on")
    enc = tcvn3_encode
    for year, rows in data.items():
        ws = wb.add_sheet(str(year))
        ws.write_merge(0, 0, 0, 2, enc("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), caps)
        ws.write_merge(1, 1, 0, 2, enc(unit[1].upper()), caps)
        ws.write_merge(0, 0, 3, 5, enc("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), caps)
        ws.write_merge(1, 1, 3, 5, enc("Độc lập - Tự do - Hạnh phúc"), body)
        ws.write_merge(3, 3, 0, 5, enc("DANH SÁCH KHEN THƯỞNG"), caps)
        headers = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng", "Cấp khen", "Ghi chú"]
        for c, h in enumerate(headers):
            ws.write(5, c, enc(h), body)
        r = 6
        for label, block in sections(rows):
            ws.write_merge(r, r, 0, 5, enc(label.replace("CÁ NHÂN", "Cá nhân").replace("TẬP THỂ", "Tập thể")), body)
            r += 1
            for i, row in enumerate(block, 1):
                award = FORM_TEXT.get((row["award"], row["level"]), row["award"])
                ws.write(r, 0, i, body)
                ws.write(r, 1, enc(row["name"]), body)
                ws.write(r, 2, enc(row["position"]), body)
                ws.write(r, 3, enc(award), body)
                ws.write(r, 4, enc(ISSUER_TEXT[row["level"]]), body)
                r += 1
        ws.write(r, 1, enc(f"Tổng cộng: {len(rows)}"), body)
        ws.write(r + 2, 4, enc("GIÁM ĐỐC"), caps)
        ws.write(r + 5, 4, enc("Trịnh Văn Ký"), body)
    wb.save(str(out / f"{unit[0]}-2015-2020.xls"))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


OLD_STYLE = {
    "Chiến sĩ thi đua cơ sở": "Chiến sỹ thi đua cấp cơ sở",
    "Lao động tiên tiến": "Lao động tiên tiến  ",
    "Tập thể lao động tiên tiến": "Tập thể Lao động Tiên tiến",
    "Tập thể lao động xuất sắc": "“Tập thể lao động xuất sắc”",
}


def layout_e(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    for year, rows in data.items():
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Danh sách"
        headers = [
            "STT",
            "Họ tên",
            "Đơn vị công tác",
            "Danh hiệu",
            "Cấp khen",
            "Số quyết định",
            "Ngày quyết định",
            "Năm",
        ]
        r = title_block(ws, unit[1], len(headers), year, nfd(f"DANH SÁCH KHEN THƯỞNG NĂM {year}"))
        for c, h in enumerate(headers, 1):
            ws.cell(r, c, nfd(h)).font = Font(bold=True)
        r += 1
        for label, block in sections(rows):
            ws.cell(r, 1, nfd({"I. CÁ NHÂN": "A. CÁ NHÂN", "II. TẬP THỂ": "B. TẬP THỂ"}[label]))
            r += 1
            for i, row in enumerate(block, 1):
                level = row["level"]
                number, date = decision(level, year, i)
                award = FORM_TEXT.get((row["award"], level), OLD_STYLE.get(row["award"], row["award"]))
                award = award.replace("Hòa", "Hoà").replace("Thủy", "Thuỷ")
                values = [
                    i,
                    row["name"].replace("Hòa", "Hoà").replace("Thủy", "Thuỷ"),
                    unit[1],
                    award,
                    "Chủ tịch UBND tỉnh" if level == "Tỉnh" else "",
                    number,
                    f"{date:%d/%m/%Y}",
                    str(year),
                ]
                for c, v in enumerate(values, 1):
                    ws.cell(r, c, nfd(v) if isinstance(v, str) else v)
                r += 1
        signature(ws, r + 1, len(headers))
        wb.save(out / f"{unit[0]}-{year}.xlsx")


def _widths(ws, widths: list[int]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")


def extras(out: Path) -> None:
    """What else lands in the folder: a plan with no list, and a list for 2021 (outside 2015–2020)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws["A1"] = "KẾ HOẠCH TỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2019"
    ws["A3"] = "STT"
    ws["B3"] = "Nội dung"
    ws["C3"] = "Thời gian"
    ws["A4"] = 1
    ws["B4"] = "Phát động thi đua"
    ws["C4"] = "Tháng 1"
    wb.save(out / "ke-hoach-thi-dua-2019.xlsx")
    unit = UNITS[0]
    data = {
        2021: [
            {
                "award": "Lao động tiên tiến",
                "level": "Cơ sở",
                "kind": "Cá nhân",
                "name": n,
                "position": p,
                "unit": unit[1],
            }
            for n, p in people(random.Random("thidua-2021"), 12)
        ]
    }
    layout_a(out / unit[0], unit, data)


LAYOUTS = {"A": layout_a, "B": layout_b, "C": layout_c, "D": layout_d, "E": layout_e}


def generate(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cells = allocate()
    for unit in UNITS:
        folder = out / unit[0]
        folder.mkdir(exist_ok=True)
        LAYOUTS[unit[2]](folder, unit, recipients(unit[0], cells))
    extras(out)


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "sample_data")
