"""Counts an officer can sign: one counting rule, duplicates counted once, one engine for every
output, and every row not counted listed once with its code (issue 13)."""

from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.cache_files import entries, parts, write_parts
from tests.conftest import simple_sheet, write_xlsx
from thidua_cli import load, load_catalogue, tally
from thidua_cli.cli import app
from thidua_cli.counting import counts
from thidua_cli.problems import Problem
from thidua_cli.tally import DIMENSIONS
from thidua_cli.validation import validate

HEADING = "DANH SÁCH KHEN THƯỞNG NĂM 2019"
UNIT_A = [  # ds-2019 (2).xlsx, and ds-2019.xlsx: the same bytes, the everyday re-send
    [1, "Lê Văn An", "", "Văn phòng Sở", "LĐTT", "", "", 2019],  # 6
    [2, "Trần Thị Bình", "", "Văn phòng Sở", "Lao đông tien tien", "", "", 2019],  # 7 fuzzy-award
    [3, "Lê Văn An", "", "Văn phòng Sở", "Lao động tiên tiến", "", "", 2019],  # 8 duplicate of 6
    [4, "Đặng Thị Thủy", "", "Văn phòng Sở", "Tập thể lao động tiên tiến", "", "", 2019],  # 9 kind-mismatch
    [5, "Phạm Văn Cường", "", "Văn phòng Sở", "Giấy khen", "GĐ Sở", "", 2019],  # 10
    [6, "Hoàng Văn Dũng", "", "Văn phòng Sở", "LĐTT", "", "", 2018],  # 11 outside 2019
]
RETYPED = [  # ds-2019-sua.xlsx: the list typed again, spelt otherwise, one person added
    [1, "LÊ VĂN AN", "", "VĂN PHÒNG SỞ", "Lao động tiên tiến", "", "", 2019],  # 6 duplicate
    [2, "Phạm  Văn Cường", "", "VĂN PHÒNG SỞ", "GK", "Giám đốc Sở", "", 2019],  # 7 duplicate
    [3, "Hoàng Văn Dũng", "", "VĂN PHÒNG SỞ", "Lao động tiên tiến", "", "", 2018],  # 8 duplicate
    [4, "Vũ Thị Em", "", "VĂN PHÒNG SỞ", "Lao động tiên tiến", "", "", 2019],  # 9
]
OTHER_UNIT = [  # c.xlsx: another unit, spelt two ways, with its own Lê Văn An
    [1, "Lê Văn An", "", "Phòng Kế toán", "LĐTT", "", "", 2019],
    [2, "Trần Văn Khoa", "", "PHÒNG KẾ TOÁN", "Giấy khen", "Giám đốc Sở", "", 2019],
]
SAME_HEADING = [  # d.xlsx: a list whose unit reads like Văn phòng Sở; one name is also there
    [1, "Lê Văn An", "", "văn phòng sở", "LĐTT", "", "", 2019],  # possible-duplicate, counted
    [2, "Ngô Văn Giang", "", "văn phòng sở", "GK", "Giám đốc Sở", "", 2019],
    [3, "Mai Văn Hùng", "", "văn phòng sở", "LĐTT", "", "", 2019],
]
TRUE_2019 = {"Lao động tiên tiến": 6, "Giấy khen": 3}  # and Dũng's LĐTT in 2018


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "nop"
    write_xlsx(root / "c.xlsx", simple_sheet(OTHER_UNIT, HEADING))
    write_xlsx(root / "d.xlsx", simple_sheet(SAME_HEADING, HEADING))
    write_xlsx(root / "ds-2019 (2).xlsx", simple_sheet(UNIT_A, HEADING))
    write_xlsx(root / "ds-2019-sua.xlsx", simple_sheet(RETYPED, HEADING))
    shutil.copy(root / "ds-2019 (2).xlsx", root / "ds-2019.xlsx")
    return root


def codes(problems: list[Problem]) -> list[tuple[str, str, int | None]]:
    return [(p.code, Path(p.file).name, p.row) for p in problems]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


# 1. one rule --------------------------------------------------------------------------------
def test_the_rule_is_no_error_finding():
    warning = Problem("fuzzy-award", "a.xlsx", "S", 3, value="x", detail="Lao động tiên tiến")
    assert counts([]) and counts([warning])
    assert not counts([warning, Problem("kind-mismatch", "a.xlsx", "S", 3, value="x", detail="Cá nhân")])


def test_counts_equal_the_truth_and_every_row_not_counted_is_listed_once(folder: Path):
    result = load([folder])
    assert result.total == 10
    got = {a: n for a, n in tally(result, [2019], ["award"]).itertuples(index=False)}
    assert got == TRUE_2019
    assert codes(result.problems) == [
        ("duplicate", "ds-2019 (2).xlsx", 8),
        ("kind-mismatch", "ds-2019 (2).xlsx", 9),
        ("duplicate", "ds-2019-sua.xlsx", 6),
        ("duplicate", "ds-2019-sua.xlsx", 7),
        ("duplicate", "ds-2019-sua.xlsx", 8),
        ("duplicate-file", "ds-2019.xlsx", None),
    ]
    assert codes(result.checks) == [("fuzzy-award", "ds-2019 (2).xlsx", 7)]
    fuzzy = result.checks[0]
    assert fuzzy.detail == "Lao động tiên tiến" and "Lao động tiên tiến" in fuzzy.message("en")
    assert "Đặng Thị Thủy" not in {r[3] for r in result.rows}


def test_validate_errors_are_exactly_the_rows_not_counted(folder: Path):
    result = load([folder])
    report = validate(result)
    errors = {(f.code, Path(f.file).name, f.row) for f in report.findings if f.severity == "error"}
    assert errors == set(codes(result.problems))
    fuzzy = next(f for f in report.findings if f.code == "fuzzy-award")
    assert fuzzy.severity == "warning" and fuzzy.cell == "E7" and fuzzy.column
    same_name = next(f for f in report.findings if f.code == "possible-duplicate")
    assert (Path(same_name.file).name, same_name.row, same_name.severity) == ("ds-2019 (2).xlsx", 6, "warning")
    assert same_name.detail is not None and "d.xlsx" in same_name.detail


# 2. duplicates ------------------------------------------------------------------------------
def test_re_sent_file_is_read_once_and_named(folder: Path):
    result = load([folder])
    copy = next(f for f in result.files if f.duplicate_of)
    assert Path(copy.file).name == "ds-2019.xlsx" and Path(copy.duplicate_of).name == "ds-2019 (2).xlsx"
    assert "ds-2019 (2).xlsx" in result.problems[-1].message() and result.readable_files == 4


def test_copies_of_an_unreadable_file_are_each_reported_unreadable(tmp_path: Path):
    (tmp_path / "a.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "b.xlsx").write_bytes(b"not a workbook")
    assert [(p.code, Path(p.file).name) for p in load([tmp_path]).problems] == [
        ("unreadable", "a.xlsx"),
        ("unreadable", "b.xlsx"),
    ]


def test_duplicate_names_both_places(folder: Path):
    result = load([folder])
    within, across, *_ = (p for p in result.problems if p.code == "duplicate")
    assert within.detail == "Sheet1 dòng 6" and within.row == 8
    assert across.detail is not None and across.detail.endswith("ds-2019 (2).xlsx › Sheet1 dòng 6")
    assert (Path(across.file).name, across.cell) == ("ds-2019-sua.xlsx", "B6")


def test_keep_duplicates_restores_raw_counting(folder: Path):
    raw = load([folder], keep_duplicates=True)
    assert raw.total == 2 + 3 + 5 + 4 + 5
    assert not any(p.code in ("duplicate", "duplicate-file") for p in raw.problems)


def test_cli_says_how_many_were_merged_and_exits_1(folder: Path):
    runner = CliRunner()
    out = runner.invoke(app, ["tally", "2019", str(folder), "--by", "award", "-f", "csv"])
    assert out.exit_code == 1
    assert csv_rows(out.stdout) == [
        {"award": "Lao động tiên tiến", "count": "6"},
        {"award": "Giấy khen", "count": "3"},
    ]
    assert "Bản ghi trùng, chỉ tính một lần (4)" in out.stderr
    kept = runner.invoke(app, ["tally", "2019", str(folder), "--by", "award", "-f", "csv", "--keep-duplicates"])
    assert csv_rows(kept.stdout)[0] == {"award": "Lao động tiên tiến", "count": "11"}


def _decisions_sheet(rows: list[list[object]]) -> list[list[object]]:
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định", "Năm"]
    return [[HEADING], header, *rows]


def test_a_form_given_twice_by_two_decisions_is_two_awards_and_a_title_twice_stays_one(tmp_path: Path):
    """Giấy khen and Bằng khen are given for each achievement (year-end, đột xuất): two rows of one
    person with two decision numbers are two awards. A title is given once a year: its second row,
    whatever its decision, is a duplicate; so is a form's second row without a number of its own."""
    rows: list[list[object]] = [
        [1, "Nguyễn Văn An", "Giáo viên", "Giấy khen", "12/QĐ-UBND", "20/12/2019", 2019],
        [2, "Nguyễn Văn An", "Giáo viên", "Giấy khen", "45/QĐ-UBND", "05/06/2019", 2019],  # another award
        [3, "Nguyễn Văn An", "Giáo viên", "Giấy khen", "45/QĐ-UBND", "05/06/2019", 2019],  # duplicate of 2
        [4, "Nguyễn Văn An", "Giáo viên", "Giấy khen", "", "", 2019],  # no number: a duplicate
        [5, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến", "12/QĐ-UBND", "20/12/2019", 2019],
        [6, "Trần Thị Bình", "Giáo viên", "Lao động tiên tiến", "99/QĐ-UBND", "28/12/2019", 2019],  # duplicate
        [7, "Lê Văn Cường", "Giáo viên", "Bằng khen của Chủ tịch UBND tỉnh", "", "15/03/2019", 2019],
        [8, "Lê Văn Cường", "Giáo viên", "Bằng khen của Chủ tịch UBND tỉnh", "", "20/11/2019", 2019],  # no numbers, two dates
    ]
    write_xlsx(tmp_path / "ds" / "truong-a.xlsx", _decisions_sheet(rows))
    result = load([tmp_path / "ds"])
    assert sorted(result.records["row"]) == [3, 4, 7, 9, 10]
    assert [p.row for p in result.problems if p.code == "duplicate"] == [5, 6, 8]
    out = CliRunner().invoke(app, ["tally", "2019", str(tmp_path / "ds"), "--by", "award", "-f", "csv"])
    assert csv_rows(out.stdout) == [
        {"award": "Lao động tiên tiến", "count": "1"},
        {"award": "Bằng khen", "count": "2"},
        {"award": "Giấy khen", "count": "2"},
    ]


def test_a_re_sent_list_with_a_corrected_decision_number_is_still_a_re_send(tmp_path: Path):
    """The rule above is for rows of one list: a list sent again with its numbers corrected is
    the same list (counted once), not a second set of awards."""
    people = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang"]
    first = [[i + 1, n, "Giáo viên", "Giấy khen", "12/QĐ-UBND", "20/12/2019", 2019] for i, n in enumerate(people)]
    again = [[i + 1, n, "Giáo viên", "Giấy khen", "21/QĐ-UBND", "20/12/2019", 2019] for i, n in enumerate(people)]
    write_xlsx(tmp_path / "ds" / "truong-a.xlsx", _decisions_sheet(first))
    write_xlsx(tmp_path / "ds" / "truong-a-sua.xlsx", _decisions_sheet(again))
    result = load([tmp_path / "ds"])
    assert result.total == 6
    assert len([p for p in result.problems if p.code == "duplicate"]) == 6


Rows = Counter[tuple[str, str]]


def _one_person(folder: Path, rows: list[list[object]]) -> tuple[Rows, Rows, Counter[tuple[str, str | None]]]:
    """The rows counted and the rows reported duplicate, by (position, decision number), and
    every finding of `validate` by (code, name)."""
    write_xlsx(folder / "truong-a.xlsx", _decisions_sheet(rows))
    result = load([folder])
    at = {i + 3: (str(row[2]), str(row[4])) for i, row in enumerate(rows)}  # heading, header, then the rows
    counted = Counter(at[int(r)] for r in result.records["row"])
    reported = Counter(at[p.row or 0] for p in result.problems if p.code == "duplicate")
    return counted, reported, Counter((f.code, f.value) for f in validate(result).findings)


_AN = [1, "Nguyễn Văn An", "Giáo viên", "Giấy khen"]
ORDERS: dict[str, list[list[object]]] = {
    "blank-first": [[*_AN, "", "", 2019], [*_AN, "12/QĐ-UBND", "20/12/2019", 2019], [*_AN, "45/QĐ-UBND", "05/06/2019", 2019]],
    "blank-last": [[*_AN, "12/QĐ-UBND", "20/12/2019", 2019], [*_AN, "45/QĐ-UBND", "05/06/2019", 2019], [*_AN, "", "", 2019]],
    "short-first": [[*_AN, "12", "", 2019], [*_AN, "12/QĐ-UBND", "", 2019], [*_AN, "12/QĐ-BV", "", 2019]],
    "short-last": [[*_AN, "12/QĐ-BV", "", 2019], [*_AN, "12/QĐ-UBND", "", 2019], [*_AN, "12", "", 2019]],
    "no-post-first": [[1, "Nguyễn Văn An", "", "Giấy khen", "", "", 2019], [*_AN[:2], "Giáo viên", "Giấy khen", "", "", 2019],
                      [*_AN[:2], "Bảo vệ", "Giấy khen", "", "", 2019]],
    "no-post-last": [[*_AN[:2], "Bảo vệ", "Giấy khen", "", "", 2019], [*_AN[:2], "Giáo viên", "Giấy khen", "", "", 2019],
                     [1, "Nguyễn Văn An", "", "Giấy khen", "", "", 2019]],
}  # fmt: skip


@pytest.mark.parametrize("case", ["blank", "short", "no-post"])
def test_which_rows_of_one_person_are_one_award_does_not_depend_on_their_order(tmp_path: Path, case: str):
    """Review: a Giấy khen row without a decision number, then the two numbered ones (two awards:
    12 and 45), was one award (the blank row kept, both numbered rows its duplicates); the same
    rows with the blank one last were two. A row without a number joins one of the numbered rows,
    whatever the order; so does "12", met by "12/QĐ-UBND" and "12/QĐ-BV" (two decisions), and a row
    without a position met by two people of one name ("Giáo viên", "Bảo vệ")."""
    first, last = (_one_person(tmp_path / order, ORDERS[f"{case}-{order}"]) for order in ("first", "last"))
    assert first == last
    counted, reported, findings = first
    assert sum(counted.values()) == 2 and sum(reported.values()) == 1
    merged = Counter({k: n for k, n in findings.items() if k[0] in ("duplicate", "namesake")})
    assert merged == Counter(
        {("duplicate", "Nguyễn Văn An"): 1, **({("namesake", "Nguyễn Văn An"): 1} if case == "no-post" else {})}
    )


def test_two_kinds_of_kỷ_niệm_chương_in_one_year_are_two_awards(tmp_path: Path):
    """Two names the catalogue knows are two medals; a spelling it does not know ("… GD", a
    typo) may be either: a duplicate, as before (review: they were counted twice, exit 0)."""
    rows: list[list[object]] = [
        [1, "Nguyễn Văn An", "Giáo viên", "Kỷ niệm chương Vì sự nghiệp Giáo dục", "", "", 2019],
        [2, "Nguyễn Văn An", "Giáo viên", "Kỷ niệm chương Vì sức khỏe nhân dân", "", "", 2019],
        [3, "Trần Thị Bình", "Giáo viên", "Kỷ niệm chương Vì sự nghiệp Giáo dục", "", "", 2019],
        [4, "Trần Thị Bình", "Giáo viên", "Kỷ niệm chương Vì sự nghiệp GD", "", "", 2019],
        [5, "Trần Thị Bình", "Giáo viên", "Kỷ niệm chương Vi su nghiep Giao duc", "", "", 2019],
    ]
    write_xlsx(tmp_path / "ds" / "truong-a.xlsx", _decisions_sheet(rows))
    result = load([tmp_path / "ds"])
    assert sorted(result.records["row"]) == [3, 4, 5]
    assert [p.row for p in result.problems if p.code == "duplicate"] == [6, 7]


def test_one_decision_written_two_ways_is_one_award(tmp_path: Path):
    """Review: "Số 12/QĐ-UBND", "12/QD-UBND", "012/QĐ-UBND", "12/QĐ-UBND ngày 20/12/2019", "12"
    are 12/QĐ-UBND; another number on the same date is a typo until said otherwise."""
    written = ["Số 12/QĐ-UBND", "12/QD-UBND", "012/QĐ-UBND", "12/QĐ-UBND ngày 20/12/2019", "12", "21/QĐ-UBND"]
    rows: list[list[object]] = [[1, "Nguyễn Văn An", "Giáo viên", "Giấy khen", "12/QĐ-UBND", "20/12/2019", 2019]]
    rows += [[i + 2, "Nguyễn Văn An", "Giáo viên", "Giấy khen", w, "20/12/2019", 2019] for i, w in enumerate(written)]
    write_xlsx(tmp_path / "ds" / "truong-a.xlsx", _decisions_sheet(rows))
    result = load([tmp_path / "ds"])
    assert list(result.records["row"]) == [3]
    assert len([p for p in result.problems if p.code == "duplicate"]) == len(written)


# 5. --problems, crashes, the year table ----------------------------------------------------
@pytest.mark.parametrize("command", [["tally"], ["export", "-o", "{tmp}/t.xlsx"], ["report"]])
def test_problems_file_lists_every_row_not_counted_once(folder: Path, tmp_path: Path, command: list[str]):
    target = tmp_path / "p.csv"
    args = [command[0], "2019", str(folder), *[a.format(tmp=tmp_path) for a in command[1:]], "--problems", str(target)]
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 1, out.output
    rows = csv_rows(target.read_text("utf-8-sig"))
    not_counted = [(r["code"], Path(r["file"]).name, r["row"]) for r in rows if r["counted"] == "no"]
    assert not_counted == [
        ("duplicate", "ds-2019 (2).xlsx", "8"),
        ("kind-mismatch", "ds-2019 (2).xlsx", "9"),
        ("outside-years", "ds-2019 (2).xlsx", "11"),
        ("duplicate", "ds-2019-sua.xlsx", "6"),
        ("duplicate", "ds-2019-sua.xlsx", "7"),
        ("duplicate", "ds-2019-sua.xlsx", "8"),
        ("duplicate-file", "ds-2019.xlsx", ""),
    ]
    # the re-typed list dropped Trần Thị Bình and added Vũ Thị Em: both rows are pointed out
    assert [(r["code"], r["row"]) for r in rows if r["counted"] == "yes"] == [
        ("possible-duplicate", "6"),
        ("resend-differs", "7"),
        ("fuzzy-award", "7"),
        ("resend-differs", "9"),
    ]


def test_history_and_explain_of_a_name_not_in_the_lists(folder: Path):
    runner = CliRunner()
    for args in (["history", "Nguyễn Văn An", str(folder)], ["eligible", "2019", str(folder), "--explain", "Ai Đó"]):
        out = runner.invoke(app, args)
        assert out.exit_code == 0, out.output
        assert "Không tìm thấy" in out.stderr and "KeyError" not in out.output


def test_history_leaves_merged_copies_out(folder: Path):
    out = CliRunner().invoke(app, ["history", "le van an", str(folder), "-f", "csv"])
    found = [(Path(r["file"]).name, r["row"]) for r in csv_rows(out.stdout)]
    assert sorted(found) == [("c.xlsx", "6"), ("d.xlsx", "6"), ("ds-2019 (2).xlsx", "6")]


def test_by_year_total_row_is_under_its_years(folder: Path):
    out = CliRunner().invoke(app, ["tally", "2018-2019", str(folder), "--by", "year"], env={"COLUMNS": "120"})
    lines = out.stdout.splitlines()
    header = next(line for line in lines if line.startswith("┃"))
    total = next(line for line in lines if "Tổng cộng" in line)
    cells = [c.strip() for c in total.split("│")[1:-1]]
    assert [c.strip() for c in header.split("┃")[1:-1]][1:] == ["2018", "2019", "Tổng"]
    assert cells == ["Tổng cộng", "1", "9", "10"]


# 3. one engine ------------------------------------------------------------------------------
@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_cli_csv_equals_the_library_for_every_dimension(folder: Path, dimension: str):
    out = CliRunner().invoke(app, ["tally", "2018-2019", str(folder), "--by", dimension, "-f", "csv", "-q"])
    library = tally(load([folder]).records, [2018, 2019], [dimension])
    expected = [{dimension: str(v), "count": str(n)} for v, n in library.itertuples(index=False)]
    assert csv_rows(out.stdout) == expected
    assert csv_rows(out.stdout) == [
        {dimension: str(v), "count": str(n)}
        for v, n in tally(load([folder]), [2018, 2019], [dimension]).itertuples(index=False)
    ]


def test_units_compared_by_key_and_shown_in_the_most_frequent_spelling(folder: Path):
    frame = tally(load([folder]), [2019], ["unit"])
    # Văn phòng Sở 4 (one in 2018), văn phòng sở 3, VĂN PHÒNG SỞ 1; Phòng Kế toán 1, PHÒNG KẾ TOÁN 1
    assert [tuple(row) for row in frame.itertuples(index=False)] == [("Phòng Kế toán", 2), ("Văn phòng Sở", 7)]


def test_export_and_report_agree_with_the_tally(folder: Path, tmp_path: Path):
    from thidua_cli.export import export_workbook
    from thidua_cli.report import build_report

    result = load([folder])
    target = export_workbook(result, [2019], tmp_path / "t.xlsx", load_catalogue())
    book = openpyxl.load_workbook(target)
    summary = [r for r in book["Tổng hợp"].iter_rows(min_row=7, values_only=True) if isinstance(r[0], int)]
    assert [(r[1], r[2], r[3], r[4]) for r in summary] == [
        ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 6),
        ("Giấy khen", "Cơ sở", "Cá nhân", 3),
    ]
    units = [r[1:4] for r in book["Năm 2019"].iter_rows(values_only=True) if r[1] in ("Văn phòng Sở", "Phòng Kế toán")]
    assert units == [("Phòng Kế toán", 1, 1), ("Văn phòng Sở", 5, 2)]
    data_units = {r[5] for r in book["Dữ liệu"].iter_rows(min_row=2, values_only=True)}
    assert data_units == {"Phòng Kế toán", "Văn phòng Sở"}  # the data sheet shows the same spelling
    text = build_report(result.groups, [2019], load_catalogue()).text()
    assert '6 lượt cá nhân được công nhận đạt danh hiệu "Lao động tiên tiến"' in text
    assert "3 lượt cá nhân được Giám đốc Sở tặng Giấy khen" in text


# 4. the cache never re-parses on its own ---------------------------------------------------
def test_damaged_rows_with_a_user_catalogue_give_a_fresh_runs_rows(tmp_path: Path):
    from thidua_cli.cache import Cache

    user = tmp_path / "thidua-catalogue.toml"
    user.write_text('[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n', "utf-8")
    catalogue = load_catalogue([user])
    rows = [
        [1, "Lê Văn An", "", "P", "Lao động giỏi", "", "", 2019],
        [2, "Lê Văn Bình", "", "P", "GK", "GĐ Sở", "", 2019],
    ]
    book = write_xlsx(tmp_path / "in" / "a.xlsx", simple_sheet(rows, HEADING))
    fresh = load([book], catalogue, jobs=1)
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    load([book], catalogue, cache=cache, jobs=1)
    (entry,) = entries(tmp_path / "cache")
    entry.write_bytes(entry.read_bytes()[:-5] + b"oops]")  # damage the rows part only
    again = load([book], catalogue, cache=cache, jobs=1)
    assert again.rows == fresh.rows and len(again.rows) == 2
    assert tally(again, None, ["award"]).equals(tally(fresh, None, ["award"]))


def test_rows_kept_in_the_cache_by_workers_are_re_parsed_with_the_runs_catalogue(tmp_path: Path):
    from thidua_cli.cache import Cache

    user = tmp_path / "thidua-catalogue.toml"
    user.write_text('[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n', "utf-8")
    catalogue = load_catalogue([user])
    for i in range(4):
        rows = [[1, f"Lê Văn An {i}", "", "P", "Lao động giỏi", "", "", 2019]]
        write_xlsx(tmp_path / "in" / f"{i}.xlsx", simple_sheet(rows, HEADING))
    fresh = load([tmp_path / "in"], catalogue, jobs=1)
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    parsed = load([tmp_path / "in"], catalogue, cache=cache, jobs=2)  # rows stay in the cache
    assert len(entries(tmp_path / "cache")) == 4
    for entry in entries(tmp_path / "cache"):
        head = parts(entry)[0]
        write_parts(entry, [head, b"{}"], (tmp_path / "cache" / "secret").read_bytes())  # signed, not rows
    assert parsed.rows == fresh.rows and len(parsed.rows) == 4


# 6. the line to copy ------------------------------------------------------------------------
def test_summary_ends_with_one_line_to_copy(folder: Path):
    runner = CliRunner()
    out = runner.invoke(app, ["tally", "2019", str(folder), "-f", "csv"])
    assert out.stderr.strip().splitlines()[-1] == (
        "Tóm tắt: đã đọc 4 tệp; tính 9 bản ghi (2019); gộp 4 bản ghi trùng và 1 tệp trùng nội dung; "
        "2 dòng không tính (ngoài các năm đã chọn: 1; sai đối tượng: 1); bỏ qua 0 tệp."
    )
    out = runner.invoke(app, ["tally", "2019", str(folder), "-f", "csv", "--lang", "en"])
    assert out.stderr.strip().splitlines()[-1] == (
        "Summary: read 4 files; counted 9 records (2019); merged 4 duplicate records and 1 file with repeated "
        "content; 2 rows not counted (outside the years: 1; wrong kind of recipient: 1); skipped 0 files."
    )


_TITLE = [["UBND HUYỆN NAM ĐÀN", None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["TRƯỜNG THCS NAM ĐÀN"], []]
NOTHING_TO_COUNT = {  # a unit's file from which no record can be read
    "cong-van.xlsx": [*_TITLE, ["V/v gửi danh sách khen thưởng năm 2019"], ["Kính gửi: Phòng Nội vụ"],
                      ["Trường gửi kèm danh sách cán bộ, giáo viên đề nghị khen thưởng."]],
    "mau-trong.xlsx": [*_TITLE, ["DANH SÁCH KHEN THƯỞNG NĂM ......"], [], ["(Đơn vị điền vào mẫu)"]],
    "trong.xlsx": [],
    # a list that its title calls a report, under a header the reader does not know: no document
    "bao-cao-danh-sach.xlsx": [*_TITLE, ["BÁO CÁO DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"],
                               ["TT", "Người lao động", "Bộ phận"], [1, "Lê Văn An", "Tổ 1"], [2, "Lê Văn Bình", "Tổ 2"]],
}  # fmt: skip
SAYS_WHAT_IT_IS = {  # no list either, and says so: noted, as a sheet of its kind is
    "ke-hoach.xlsx": [*_TITLE, ["KẾ HOẠCH TỔ CHỨC PHONG TRÀO THI ĐUA NĂM 2019"], ["STT", "Nội dung", "Thời gian"],
                      [1, "Phát động thi đua", "Tháng 1"]],
    "bao-cao.xlsx": [["BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2019"], ["Năm 2019, trường đã …"]],
    "mau-chua-dien.xlsx": [*_TITLE, ["DANH SÁCH KHEN THƯỞNG NĂM 2019"], ["STT", "Họ và tên", "Danh hiệu"]],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(NOTHING_TO_COUNT))
def test_a_file_giving_nothing_to_count_is_a_finding_to_look_at(tmp_path: Path, name: str):
    """Review: a unit's file whose only sheet holds no list (a letter, a blank form, nothing at
    all) was `no-table` in validate and --problems (an error) but left tally's exit code 0, and the
    summary named it nowhere: the officer could miss that the unit's submission counted nothing."""
    folder = tmp_path / "nop"
    write_xlsx(folder / "ds.xlsx", simple_sheet(RETYPED, HEADING))
    write_xlsx(folder / name, NOTHING_TO_COUNT[name])
    runner = CliRunner()
    for _run in ("cold", "warm"):  # the second from the cache
        out = runner.invoke(app, ["tally", "2019", str(folder), "-f", "csv"])
        assert out.exit_code == 1
        lines = out.stderr.strip().splitlines()
        at = lines.index("Tệp không có danh sách khen thưởng nào, không có gì được tính (1):")
        assert lines[at + 1].startswith(f"  • {folder / name}: Không trang tính nào trong tệp có danh sách")
        assert lines[-1].endswith("bỏ qua 0 tệp; 1 tệp không có danh sách khen thưởng.")
    report = validate(load([folder]))
    assert [(Path(f.file).name, f.code) for f in report.findings if f.severity == "error"] == [(name, "no-table")]


def test_a_plan_a_report_or_a_list_form_with_no_rows_leaves_the_exit_code_alone(tmp_path: Path):
    """The README's exit codes: a sheet without a list (a plan, a report) is only noted; a file of
    such sheets too, and a list's form with no row filled in. A workbook whose other sheet holds a
    list is fine (the letter beside it: a sheet skipped, noted)."""
    folder = tmp_path / "nop"
    for name, rows in SAYS_WHAT_IT_IS.items():
        write_xlsx(folder / name, rows)
    letter = {"Công văn": NOTHING_TO_COUNT["cong-van.xlsx"]}
    write_xlsx(folder / "ds.xlsx", simple_sheet(RETYPED, HEADING), extra_sheets=letter)
    out = CliRunner().invoke(app, ["tally", "2019", str(folder), "-f", "csv"])
    assert out.exit_code == 0, out.stderr
    assert "không có gì được tính" not in out.stderr
    noted = "ke-hoach.xlsx › Sheet1: Bỏ qua trang tính: kế hoạch, báo cáo, không phải danh sách khen thưởng."
    assert noted in out.stderr


def test_coarse_identity_never_separates_what_the_text_key_joins():
    import unicodedata

    from thidua_cli.dedup import coarse
    from thidua_cli.text import key

    names = ["Nguyễn Thị Hoà", "Lê Văn Thuỷ", "Trần Sỹ Quý", "Phạm Văn-Cường", "“Đỗ” Thị Khuê", "Hoàng  Oanh"]
    variants = [
        lambda s: s.upper(),
        lambda s: unicodedata.normalize("NFD", s),
        lambda s: s.replace("oà", "òa").replace("uỷ", "ủy").replace("Sỹ", "Sĩ"),
        lambda s: " " + s.replace(" ", "  ") + " ",
        lambda s: s.replace("-", " - ").replace("“", '"').replace("”", '"'),
    ]
    for name in names:
        for variant in variants:
            other = variant(name)
            if key(other) == key(name):
                assert coarse(other) == coarse(name), (name, other)
    assert coarse("Lê Minh Dũng") != coarse("Lê Minh Dung")  # few false alarms: tones are kept


def test_a_warning_on_a_row_not_counted_is_not_called_counted(tmp_path: Path):
    rows = [[1, "Đặng Thị Thủy", "", "P", "Tập thể lao động tiên tiến", "", "QĐ số 45", 2019]]
    book = write_xlsx(tmp_path / "a.xlsx", simple_sheet(rows, HEADING))
    target = tmp_path / "p.csv"
    out = CliRunner().invoke(app, ["tally", "2019", str(book), "-q", "--problems", str(target)])
    assert out.exit_code == 1
    listed = {(r["code"], r["counted"]) for r in csv_rows(target.read_text("utf-8-sig"))}
    assert listed == {("kind-mismatch", "no"), ("bad-decision-number", "no")}


def test_an_unknown_second_award_leaves_the_first_counted(tmp_path: Path):
    rows = [
        [HEADING],
        [],
        ["STT", "Họ và tên", "Danh hiệu thi đua", "Hình thức khen thưởng"],
        [1, "Lê Văn An", "LĐTT", "Bằng khen xịn xò"],
        [2, "Lê Văn Bình", "LĐTT", "Giấy khen"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)])
    assert [(r[3], r[7]) for r in result.rows] == [
        ("Lê Văn An", "Lao động tiên tiến"),
        ("Lê Văn Bình", "Lao động tiên tiến"),
        ("Lê Văn Bình", "Giấy khen"),
    ]
    assert [(p.code, p.row) for p in result.problems] == [("unknown-award", 4)]


def test_a_row_with_two_errors_is_one_row_not_counted(tmp_path: Path):
    rows = [
        [1, "Đặng Thị Thủy", "", "P", "Tập thể lao động tiên tiến", "", "", 2019],
        [2, "Lê Văn An", "", "P", "LĐTT", "", "", 2019],
    ]
    sheet = simple_sheet(rows, HEADING)
    for line in sheet[5:]:
        line.append("31/02/2019")  # a ninth column, "Ngày quyết định"
    sheet[4] = [*sheet[4], "Ngày quyết định"]
    result = load([write_xlsx(tmp_path / "a.xlsx", sheet)])
    assert sorted(p.code for p in result.problems) == ["bad-date", "bad-date", "kind-mismatch"]
    from thidua_cli.rendering import summary_line

    assert "2 dòng không tính (" in summary_line(result, [2019], "vi")


# the warm path: a run answered from the run's index equals a fresh run ----------------------
def test_warm_runs_equal_a_fresh_run_with_duplicates_copies_and_namesakes(folder: Path, tmp_path: Path):
    """Copies, re-sends and namesakes: counts, findings, merged duplicates, records (as export and
    parquet read them) and validate's possible duplicates equal, from the entries and then from
    the index (which holds the run's merged duplicates)."""
    from thidua_cli.cache import Cache

    catalogue = load_catalogue()
    fresh = load([folder], catalogue, jobs=1)
    assert fresh.merged is not None and fresh.merged.findings and fresh.duplicate_files
    cache = Cache(tmp_path / "cache", catalogue.fingerprint)
    runs = [load([folder], catalogue, cache=cache) for _ in range(3)]  # cold, then twice from the index
    for run in runs:
        assert run.groups == fresh.groups and run.total == fresh.total
        assert run.problems == fresh.problems and run.checks == fresh.checks
        assert run.merged == fresh.merged
        assert run.rows == fresh.rows and list(run.iter_rows()) == fresh.rows
        assert validate(run).as_dict() == validate(fresh).as_dict()
        assert [f.groups for f in run.files] == [f.groups for f in fresh.files]
        assert [list(f.idents) for f in run.files] == [list(f.idents) for f in fresh.files]
    keep = load([folder], catalogue, cache=cache, keep_duplicates=True)
    assert keep.groups == load([folder], catalogue, keep_duplicates=True).groups
