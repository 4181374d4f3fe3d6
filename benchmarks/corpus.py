"""Deterministic corpus of realistic unit workbooks at any scale, with its true tally.

    python benchmarks/corpus.py OUT_DIR --files 200 --rows 500

Each workbook holds `rows` award records of one unit and one year, in one of the layouts of
scripts/make_sample_data.py (title block, merged two-row header, column numbers, sections,
merged award blocks, totals, signatures; per-award sheets; abbreviations; legacy TCVN3 .xls;
NFD text). OUT_DIR/truth.json holds the true counts by award, level, kind and year.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.make_sample_data import LAYOUTS, people

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


def layout_wide(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    """Ten columns, as in the issue's reference measurements: one header row, a row per award."""

    import openpyxl

    for year, rows in data.items():
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = f"Năm {year}"
        ws.append([f"DANH SÁCH KHEN THƯỞNG NĂM {year}"])
        ws.append(WIDE_HEADERS)
        for i, row in enumerate(rows, 1):
            ws.append(wide_row(i, row, year))
        wb.save(out / f"{unit[0]}-{year}.xlsx")


def layout_full(out: Path, unit: tuple[str, str, str, float], data: dict[int, list[dict[str, str]]]) -> None:
    """The issue's eleven columns inside a real sheet's furniture: merged title block and
    heading, the attached decision, a column-number row, I./II. sections, a totals row and a
    signature block."""

    import openpyxl

    from scripts.make_sample_data import sections, signature, title_block

    width = len(WIDE_HEADERS)
    for year, rows in data.items():
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = f"Năm {year}"
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
        wb.save(out / f"{unit[0]}-{year}.xlsx")


def generate(
    out: Path, files: int, rows: int, seed: int = 2024, wide: bool = False, full: bool = False
) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    truth: Counter[str] = Counter()
    for i in range(files):
        rng = random.Random(f"{seed}-{i}")
        year = 2015 + i % 6
        layout = "W" if wide else "F" if full else LAYOUT_CYCLE[i % len(LAYOUT_CYCLE)]
        unit = (f"don-vi-{i:04d}", f"Đơn vị số {i + 1}", layout, 1.0)
        staff = people(rng, rows)
        records = []
        for j in range(rows):
            award, level, kind, _ = rng.choices(MIX, weights=[m[3] for m in MIX])[0]
            name, position = staff[j]
            if kind == "Tập thể":
                name, position = f"{rng.choice(COLLECTIVES)} số {j + 1}", ""
            records.append(
                {"award": award, "level": level, "kind": kind, "name": name, "position": position, "unit": unit[1]}
            )
            truth[f"{award}|{level}|{kind}|{year}"] += 1
        records.sort(key=lambda r: r["kind"])
        folder = out / unit[0]
        folder.mkdir(exist_ok=True)
        write = {"W": layout_wide, "F": layout_full}.get(layout) or LAYOUTS[layout]
        write(folder, unit, {year: records})
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
    args = parser.parse_args()
    generate(args.out, args.files, args.rows, args.seed, args.wide, args.full)


if __name__ == "__main__":
    main()
