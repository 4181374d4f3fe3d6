"""Per-record cost of layout detection and normalising, by what the rows hold.

    python benchmarks/bench_rows.py [--sheets 40] [--rows 500]

Sheets are built in memory (no Excel reading), so the figures are our own Python's share of a
tally: a clean list; a finding on every row (a malformed decision number, an impossible date,
a collective given an individual's award, all three); a different decision number on every row;
dates typed as text; an award the catalogue lacks on every row (no record: each row reported),
the same text on every row or a different one on each (each searched for a "Có phải: …?"
suggestion). Each case runs in a fresh process, so no memo is warm from another case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys

CASES = (
    "clean",
    "bad-number",
    "bad-date",
    "kind-mismatch",
    "all-three",
    "unique-numbers",
    "text-dates",
    "unknown-award",
    "unknown-distinct",
)
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Số quyết định", "Ngày quyết định", "Năm"]


def sheet_rows(case: str, k: int, rows: int) -> list[list[object]]:
    bad_number = case in ("bad-number", "all-three")
    bad_date = case in ("bad-date", "all-three")
    collective = case in ("kind-mismatch", "all-three")
    out: list[list[object]] = [["DANH SÁCH KHEN THƯỞNG NĂM 2019", *[""] * 7], HEADER]
    for i in range(rows):
        day = dt.datetime(2019, 1, 1) + dt.timedelta(days=(i + k) % 365)
        number = f"QĐ {i}" if bad_number else "12/QĐ-UBND"
        if case == "unique-numbers":
            number = f"{k * rows + i}/QĐ-UBND"
        if bad_date:
            date: object = "31/02/2019"
        elif case == "text-dates":
            date = day.strftime("%d/%m/%Y")
        else:
            date = dt.datetime(2019, 12, 20)
        name = f"Phòng Kế toán {k}-{i}" if collective else f"Nguyễn Văn {k}-{i}"
        award = "Danh hiệu Người tốt việc tốt" if case == "unknown-award" else "Lao động tiên tiến"
        if case == "unknown-distinct":
            award = f"Danh hiệu Người tốt việc tốt số {k * rows + i}"
        out.append([float(i + 1), name, "Chuyên viên", "Phòng A", award, number, date, 2019.0])
    return out


def measure(case: str, sheets: int, rows: int) -> tuple[int, int, float]:
    """(records, findings, CPU seconds: comparable on a busy machine) of find_table + add_table
    over `sheets` sheets, with the suggestions of unknown awards searched."""
    import time

    from thidua_cli import load_catalogue
    from thidua_cli.layout import NoTable, find_table
    from thidua_cli.normalise import Normaliser
    from thidua_cli.problems import with_suggestions
    from thidua_cli.reading import SheetGrid

    catalogue = load_catalogue()
    grids = [SheetGrid("S", sheet_rows(case, k, rows), []) for k in range(sheets)]
    records = findings = 0
    start = time.process_time()
    for grid in grids:
        (table,) = find_table(grid, catalogue, ("S", "f", "d"))
        assert not isinstance(table, NoTable)
        normaliser = Normaliser(catalogue, "f")
        normaliser.add_table(table)
        problems = with_suggestions(normaliser.problems, catalogue.suggest_award)  # as `load` does, once per text
        records += len(normaliser.records)
        findings += len(problems) + len(normaliser.checks)
    return records, findings, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sheets", type=int, default=40)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)  # one case, in this process
    args = parser.parse_args()
    if args.case:
        records, findings, seconds = measure(args.case, args.sheets, args.rows)
        print(records, findings, seconds)
        return
    print(f"{'rows hold':<16}{'records':>9}{'findings':>10}{'µs/row':>11}")
    for case in CASES:
        argv = [sys.executable, __file__, "--case", case, "--sheets", str(args.sheets), "--rows", str(args.rows)]
        records, findings, seconds = subprocess.run(argv, check=True, capture_output=True, text=True).stdout.split()
        print(
            f"{case:<16}{int(records):>9,}{int(findings):>10,}{float(seconds) * 1e6 / (args.sheets * args.rows):>11.2f}"
        )


if __name__ == "__main__":
    main()
