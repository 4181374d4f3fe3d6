"""Deterministic corpus of realistic unit workbooks at any scale, with its true tally.

    python benchmarks/corpus.py OUT_DIR --files 200 --rows 500

Each workbook holds `rows` award records of one unit and one year, in one of the layouts of
scripts/make_sample_data.py (title block, merged two-row header, column numbers, sections,
merged award blocks, totals, signatures; per-award sheets; abbreviations; legacy TCVN3 .xls;
NFD text). OUT_DIR/truth.json holds the true counts by award, level, kind and year.

`--school`: a school sector instead (one school, one school year per workbook): teachers'
lists with Kỷ niệm chương "Vì sự nghiệp giáo dục", Nhà giáo ưu tú, "Giấy khen của Chủ tịch
UBND huyện", typed dates ("ngày 05 tháng 06 năm 2023"), a "Năm học" column ("2022-2023",
the year 2023), and two texts that are no award of the Law, teachers' contest results (not
counted, each row noted not-an-award; before, unknown awards whose suggestion was searched).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.make_sample_data import GIVEN, LAYOUTS, MIDDLE, POSITIONS, SURNAMES, people

# (award, level, kind, weight): a typical year of a department's lists.
MIX = [
    ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 60),
    ("Giấy khen", "Cơ sở", "Cá nhân", 18),
    ("Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 6),
    ("Tập thể lao động tiên tiến", "Cơ sở", "Tập thể", 6),
    ("Giấy khen", "Cơ sở", "Tập thể", 5),
    ("Bằng khen", "Tỉnh", "Cá nhân", 2),
    ("Bằng khen", "Bộ", "Cá nhân", 2),
    ("Bằng khen", "Tỉnh", "Tập thể", 1),
]
LAYOUT_CYCLE = "ABCDEACBAE"  # D (.xls) one file in ten
COLLECTIVES = ["Phòng", "Tổ", "Khoa", "Ban", "Đội", "Trạm"]
WIDE_HEADERS = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Chức vụ",
    "Đơn vị công tác",
    "Đối tượng",
    "Danh hiệu",
    "Cấp khen",
    "Số quyết định",
    "Ngày quyết định",
]
LEVEL_ISSUERS = {"Cơ sở": "Cơ sở", "Tỉnh": "UBND tỉnh", "Bộ": "Bộ LĐTBXH"}

# (award text as a school writes it, issuer, decision code, counted as (award, level, kind) or
# None for a text that is no award of the Law (a contest's result: not counted, noted not-an-award), weight)
SCHOOL_MIX: list[tuple[str, str, str, tuple[str, str, str] | None, int]] = [
    ("Lao động tiên tiến", "Hiệu trưởng", "QĐ-THCS", ("Lao động tiên tiến", "Cơ sở", "Cá nhân"), 52),
    ("Giấy khen của Chủ tịch UBND huyện", "Chủ tịch UBND huyện", "QĐ-UBND", ("Giấy khen", "Cơ sở", "Cá nhân"), 14),
    ("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND huyện", "QĐ-UBND", ("Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân"), 8),
    ("Kỷ niệm chương Vì sự nghiệp giáo dục", "Bộ GD&ĐT", "QĐ-BGDĐT", ("Kỷ niệm chương", "Bộ", "Cá nhân"), 6),
    ("Bằng khen của Chủ tịch UBND tỉnh", "UBND tỉnh", "QĐ-UBND", ("Bằng khen", "Tỉnh", "Cá nhân"), 4),
    ("Nhà giáo ưu tú", "Chủ tịch nước", "QĐ-CTN", ("Nhà giáo ưu tú", "Nhà nước", "Cá nhân"), 1),
    (
        "Tập thể lao động tiên tiến",
        "Chủ tịch UBND huyện",
        "QĐ-UBND",
        ("Tập thể lao động tiên tiến", "Cơ sở", "Tập thể"),
        4,
    ),
    ("Giáo viên dạy giỏi cấp huyện", "Phòng GD&ĐT", "QĐ-PGDĐT", None, 7),
    ("Giáo viên chủ nhiệm giỏi", "Hiệu trưởng", "QĐ-THCS", None, 4),
]
SCHOOL_HEADERS = ["STT", "Họ và tên", "Chức vụ", "Trường", "Danh hiệu, hình thức khen thưởng", "Cấp khen"]
SCHOOL_HEADERS += ["Số quyết định", "Ngày quyết định", "Năm học", "Ghi chú"]
TEACHERS = ["Giáo viên", "Giáo viên", "Giáo viên", "Tổ trưởng chuyên môn", "Phó Hiệu trưởng", "Nhân viên"]
GROUPS = ["Tổ Toán", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Khoa học tự nhiên", "Tổ Văn phòng", "Tổ Lịch sử - Địa lý"]


def many_people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """`people`, or past what its three-part names allow (11,592), names with two middle names."""
    if n <= 10_000:
        return people(rng, n)
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(names) < n:
        name = " ".join((rng.choice(SURNAMES), *rng.sample(MIDDLE, 2), rng.choice(GIVEN)))
        if name not in seen:
            seen.add(name)
            names.append((name, rng.choice(POSITIONS)))
    return names


def wide_row(i: int, row: dict[str, str], year: int) -> list[object]:
    """The i-th record as the eleven WIDE_HEADERS cells."""
    import datetime as dt

    return [
        i,
        row["name"],
        1960 + i % 40,
        "Nữ" if i % 2 else "Nam",
        row["position"],
        row["unit"],
        row["kind"],
        row["award"],
        LEVEL_ISSUERS[row["level"]],
        f"{100 + i % 50}/QĐ-SLĐTBXH",
        dt.date(year, 12, 1 + i % 28),
    ]


def layout_wide(
    out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]], sheets: int = 1
) -> None:
    """Ten columns, as in the issue's reference measurements: one header row, a row per award
    (`sheets`: the records spread over that many sheets of the workbook, in order)."""

    import openpyxl

    for year, rows in data.items():
        wb = openpyxl.Workbook()
        for ws, (start, part) in zip(_sheets(wb, year, sheets), _parts(rows, sheets), strict=True):
            ws.append([f"DANH SÁCH KHEN THƯỞNG NĂM {year}"])
            ws.append(WIDE_HEADERS)
            for i, row in enumerate(part, start + 1):
                ws.append(wide_row(i, row, year))
        wb.save(out / f"{unit[0]}-{year}.xlsx")


def layout_full(
    out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]], sheets: int = 1
) -> None:
    """The issue's eleven columns inside a real sheet's furniture: merged title block and
    heading, the attached decision, a column-number row, I./II. sections, a totals row and a
    signature block (on each of `sheets` sheets)."""

    import openpyxl

    for year, rows in data.items():
        wb = openpyxl.Workbook()
        for ws, (_, part) in zip(_sheets(wb, year, sheets), _parts(rows, sheets), strict=True):
            _full_sheet(ws, unit, year, part)
        wb.save(out / f"{unit[0]}-{year}.xlsx")


def _full_sheet(ws: Any, unit: tuple[str, str, str, float], year: int, rows: list[dict[str, str]]) -> None:
    from scripts.make_sample_data import sections, signature, title_block

    width = len(WIDE_HEADERS)
    sub = f"(Kèm theo Quyết định số 15/QĐ-SLĐTBXH ngày 08/01/{year + 1} của Giám đốc Sở)"
    r = title_block(ws, unit[1], width, year, f"DANH SÁCH KHEN THƯỞNG NĂM {year}", sub)
    for c, header in enumerate(WIDE_HEADERS, 1):
        ws.cell(r, c, header)
        ws.cell(r + 1, c, f"({c})")
    r += 2
    i = 0
    for label, block in sections(rows):
        ws.cell(r, 1, label)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
        for row in block:
            i += 1
            for c, value in enumerate(wide_row(i, row, year), 1):
                ws.cell(r, c, value)
            r += 1
    ws.cell(r, 1, f"Tổng cộng: {i}")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    signature(ws, r + 2, width)


def _sheets(wb: Any, year: int, count: int) -> list[Any]:
    """The workbook's `count` sheets: "Năm 2015", or "Năm 2015 (1)" … when there are several."""
    first = wb.active
    first.title = f"Năm {year}" if count == 1 else f"Năm {year} (1)"
    return [first, *(wb.create_sheet(f"Năm {year} ({k})") for k in range(2, count + 1))]


def _parts(rows: list[dict[str, str]], count: int) -> list[tuple[int, list[dict[str, str]]]]:
    """`rows` cut into `count` runs in order, each with how many rows come before it."""
    cuts = [len(rows) * k // count for k in range(count + 1)]
    return [(cuts[k], rows[cuts[k] : cuts[k + 1]]) for k in range(count)]


def school_row(i: int, entry: tuple[str, str, str, object, int], name: str, school: str, year: int) -> list[object]:
    """The i-th teacher (or group) of a school's list for the school year ending in `year`."""
    text, issuer, code, _, _ = entry
    day, month = 1 + i % 28, 5 + i % 3
    when = f"ngày {day:02d} tháng {month:02d} năm {year}" if i % 3 else f"{day:02d}/{month:02d}/{year}"
    position = "" if name.startswith("Tổ ") else TEACHERS[i % len(TEACHERS)]
    return [i, name, position, school, text, issuer, f"{100 + i % 90}/{code}", when, f"{year - 1}-{year}", ""]


def layout_school(out: Path, index: int, year: int, rows: list[tuple[tuple[str, str, str, object, int], str]]) -> None:
    """One school's list: its own title block, the ten SCHOOL_HEADERS, I./II. sections, totals, signature."""
    import openpyxl

    from scripts.make_sample_data import signature

    school, width = f"Trường THCS Số {index + 1}", len(SCHOOL_HEADERS)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = f"Năm học {year - 1}-{year}"
    ws.cell(1, 1, f"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN SỐ {index % 7 + 1}")
    ws.cell(2, 1, school.upper())
    ws.cell(1, 6, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    ws.cell(2, 6, "Độc lập - Tự do - Hạnh phúc")
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=width)
    ws.cell(4, 1, f"DANH SÁCH CÁN BỘ, GIÁO VIÊN ĐƯỢC KHEN THƯỞNG NĂM HỌC {year - 1}-{year}")
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
    for c, header in enumerate(SCHOOL_HEADERS, 1):
        ws.cell(6, c, header)
    r, i = 7, 0
    for label, group in (("I. CÁ NHÂN", False), ("II. TẬP THỂ", True)):
        block = [(entry, name) for entry, name in rows if name.startswith("Tổ ") is group]
        if not block:
            continue
        ws.cell(r, 1, label)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
        for entry, name in block:
            i += 1
            for c, value in enumerate(school_row(i, entry, name, school, year), 1):
                ws.cell(r, c, value)
            r += 1
    ws.cell(r, 1, f"Tổng cộng: {i}")
    signature(ws, r + 2, width)
    wb.save(out / f"truong-{index:04d}-{year}.xlsx")


def generate_school(out: Path, files: int, rows: int, seed: int) -> Counter[str]:
    """`files` schools' lists of `rows` records each; the true counts of those the law counts."""
    truth: Counter[str] = Counter()
    for i in range(files):
        rng = random.Random(f"{seed}-school-{i}")
        year = 2019 + i % 6
        staff = many_people(rng, rows)
        picked = []
        for j in range(rows):
            entry = rng.choices(SCHOOL_MIX, weights=[m[4] for m in SCHOOL_MIX])[0]
            counted = entry[3]
            name = f"{GROUPS[j % len(GROUPS)]} {j + 1}" if counted and counted[2] == "Tập thể" else staff[j][0]
            picked.append((entry, name))
            if counted:
                truth["|".join((*counted, str(year)))] += 1
        folder = out / f"truong-{i:04d}"
        folder.mkdir(exist_ok=True)
        layout_school(folder, i, year, picked)
    return truth


def unit_records(i: int, rows: int, seed: int = 2024) -> tuple[int, list[dict[str, str]]]:
    """The year and the `rows` records (sorted by kind) of the i-th unit of the mixed corpus."""
    rng = random.Random(f"{seed}-{i}")
    year, unit_name = 2015 + i % 6, f"Đơn vị số {i + 1}"
    staff = many_people(rng, rows)
    records = []
    for j in range(rows):
        award, level, kind, _ = rng.choices(MIX, weights=[m[3] for m in MIX])[0]
        name, position = staff[j]
        if kind == "Tập thể":
            name, position = f"{rng.choice(COLLECTIVES)} số {j + 1}", ""
        records.append(
            {"award": award, "level": level, "kind": kind, "name": name, "position": position, "unit": unit_name}
        )
    records.sort(key=lambda r: r["kind"])
    return year, records


def unit_truth(year: int, records: list[dict[str, str]]) -> Counter[str]:
    """The true counts of one unit's records, keyed as in truth.json."""
    return Counter(f"{r['award']}|{r['level']}|{r['kind']}|{year}" for r in records)


def generate(
    out: Path,
    files: int,
    rows: int,
    seed: int = 2024,
    wide: bool = False,
    full: bool = False,
    school: bool = False,
    sheets: int = 1,
) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    truth: Counter[str] = generate_school(out, files, rows, seed) if school else Counter()
    for i in range(0 if school else files):
        layout = "W" if wide else "F" if full else LAYOUT_CYCLE[i % len(LAYOUT_CYCLE)]
        unit = (f"don-vi-{i:04d}", f"Đơn vị số {i + 1}", layout, 1.0)
        year, records = unit_records(i, rows, seed)
        truth += unit_truth(year, records)
        folder = out / unit[0]
        folder.mkdir(exist_ok=True)
        if layout in ("W", "F"):
            (layout_wide if layout == "W" else layout_full)(folder, unit, {year: records}, sheets)
        else:
            LAYOUTS[layout](folder, unit, {year: records})
    (out / "truth.json").write_text(
        json.dumps(dict(sorted(truth.items())), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return dict(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--wide", action="store_true", help="one plain 11-column layout instead of the mix")
    parser.add_argument("--full", action="store_true", help="the 11 columns with title block, sections, totals …")
    parser.add_argument("--school", action="store_true", help="a school sector's teachers' lists (see above)")
    parser.add_argument(
        "--sheets", type=int, default=1, help="with --wide or --full: each workbook's rows over N sheets"
    )
    args = parser.parse_args()
    if args.sheets > 1 and not (args.wide or args.full):
        parser.error("--sheets needs --wide or --full")
    generate(args.out, args.files, args.rows, args.seed, args.wide, args.full, args.school, args.sheets)


if __name__ == "__main__":
    main()
