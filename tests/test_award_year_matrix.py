"""A matrix of awards by year (a five-year report's list): each award's name over its years,
"Lao động tiên tiến" › 2019 | 2020 and "Chiến sĩ thi đua cơ sở" › 2019 | 2020, or each year
over its awards, 2019 › "LĐTT" | "CSTĐCS"; an "x" for each award earned in each year. Before:
the sheet was list-without-award, or every "x" an unknown award, or every tick bad-year: nothing
counted. Under a list's own award the ticked years are what qualified for it, and stay out."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from thidua_cli import load
from thidua_cli.cli import app

ROWS = [
    [1, "Nguyễn Văn An", "Giáo viên", "x", "x", None, "x"],
    [2, "Trần Thị Bình", "Giáo viên", "x", None, None, None],
    [3, "Lê Văn Cường", "Giáo viên", None, "x", "x", None],
]


def _matrix(path: Path, title: str, top: list[object], below: list[object], rows: list[list[object]] = ROWS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    ws.append([title])
    ws.append(["STT", "Họ và tên", "Chức vụ", *top])
    ws.append([None, None, None, *below])
    for column in range(1, 4):
        ws.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    ws.merge_cells("D2:E2")
    ws.merge_cells("F2:G2")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _counts(path: Path, years: str = "2019-2021") -> tuple[int, dict[str, int]]:
    out = CliRunner().invoke(app, ["tally", years, str(path), "--by", "award,year", "-f", "json"])
    return out.exit_code, {f"{g['award']}|{g['year']}": g["count"] for g in json.loads(out.stdout)["rows"]}


def test_each_award_over_its_years(tmp_path: Path) -> None:
    awards = ["Lao động tiên tiến", None, "Chiến sĩ thi đua cơ sở", None]
    path = _matrix(tmp_path / "a.xlsx", "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU GIAI ĐOẠN 2019-2020", awards, [2019, 2020, 2019, 2020])
    result = load([path])
    got = sorted(zip(result.records["name"], result.records["award"], result.records["year"], strict=True))
    assert got == [
        ("Lê Văn Cường", "Chiến sĩ thi đua cơ sở", 2019),
        ("Lê Văn Cường", "Lao động tiên tiến", 2020),
        ("Nguyễn Văn An", "Chiến sĩ thi đua cơ sở", 2020),
        ("Nguyễn Văn An", "Lao động tiên tiến", 2019),
        ("Nguyễn Văn An", "Lao động tiên tiến", 2020),
        ("Trần Thị Bình", "Lao động tiên tiến", 2019),
    ]
    assert result.problems == [] and result.checks == []
    labelled = ["Danh hiệu LĐTT", None, "Danh hiệu CSTĐCS", None]  # labels that read as award columns
    again = _matrix(tmp_path / "b.xlsx", "DANH SÁCH KHEN THƯỞNG", labelled, ["Năm 2019", "Năm 2020", "Năm 2019", "Năm 2020"])
    assert _counts(again) == (
        0,
        {
            "Lao động tiên tiến|2019": 2,
            "Lao động tiên tiến|2020": 2,
            "Chiến sĩ thi đua cơ sở|2019": 1,
            "Chiến sĩ thi đua cơ sở|2020": 1,
        },
    )


def test_each_year_over_its_awards(tmp_path: Path) -> None:
    path = _matrix(tmp_path / "a.xlsx", "DANH SÁCH GIAI ĐOẠN 2019-2020", ["Năm 2019", None, "Năm 2020", None], ["LĐTT", "CSTĐCS"] * 2)
    assert _counts(path) == (
        0,
        {
            "Lao động tiên tiến|2019": 2,
            "Chiến sĩ thi đua cơ sở|2019": 2,
            "Lao động tiên tiến|2020": 1,
            "Chiến sĩ thi đua cơ sở|2020": 1,
        },
    )


def test_a_value_other_than_a_tick_in_the_matrix_is_reported(tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[1][4] = 2020  # a year typed under "Lao động tiên tiến" › 2020: a tick, or the year of what?
    awards = ["Lao động tiên tiến", None, "Chiến sĩ thi đua cơ sở", None]
    path = _matrix(tmp_path / "a.xlsx", "DANH SÁCH GIAI ĐOẠN 2019-2020", awards, [2019, 2020, 2019, 2020], rows)
    result = load([path])
    assert len(result.records) == 0
    assert [(p.code, p.sheet) for p in result.problems] == [("ambiguous-columns", "DS")]
    assert _counts(path)[0] == 1


def test_ticked_years_under_a_lists_own_award_or_beside_a_year_column_are_no_matrix(tmp_path: Path) -> None:
    awards = ["Lao động tiên tiến", None, "Chiến sĩ thi đua cơ sở", None]
    title = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM 2021"
    path = _matrix(tmp_path / "a.xlsx", title, awards, [2019, 2020, 2019, 2020])
    assert _counts(path) == (0, {"Bằng khen|2021": 3})  # the years that qualified: no awards of their own
    rows = [[*row, 2021] for row in ROWS]
    beside = _matrix(tmp_path / "b.xlsx", "DANH SÁCH KHEN THƯỞNG", [*awards, "Năm"], [2019, 2020, 2019, 2020], rows)
    assert _counts(beside)[0] == 1 and len(load([beside]).records) == 0  # which year? reported, as before


def test_qualifying_years_beside_the_lists_own_award_column_leave_the_list_as_it_was(tmp_path: Path) -> None:
    rows = [[*row[:3], 2018, 2019, None, None, "Bằng khen của Chủ tịch UBND tỉnh"] for row in ROWS[:2]]
    awards = ["Chiến sĩ thi đua cơ sở", None, "Lao động tiên tiến", None, "Hình thức khen thưởng"]
    path = _matrix(tmp_path / "a.xlsx", "DANH SÁCH KHEN THƯỞNG NĂM 2020", awards, ["Năm 2018", "Năm 2019", 2018, 2019], rows)
    assert _counts(path) == (0, {"Bằng khen|2020": 2})  # after the first version of this rule: ambiguous-columns


def test_years_other_than_the_headings_one_year_are_reported_not_counted(tmp_path: Path) -> None:
    awards = ["Lao động tiên tiến", None, "Chiến sĩ thi đua cơ sở", None]
    path = _matrix(tmp_path / "a.xlsx", "DANH SÁCH CÁN BỘ, GIÁO VIÊN NĂM 2020", awards, [2019, 2020, 2019, 2020])
    result = load([path])
    assert len(result.records) == 0 and [p.code for p in result.problems] == ["ambiguous-columns"]


def test_a_record_of_past_titles_is_no_list_of_awards(tmp_path: Path) -> None:
    awards = ["Lao động tiên tiến", None, "Chiến sĩ thi đua cơ sở", None]
    path = _matrix(tmp_path / "a.xlsx", "TRÍCH NGANG THÀNH TÍCH CỦA CÁ NHÂN", awards, [2019, 2020, 2019, 2020])
    assert len(load([path]).records) == 0


def test_a_rate_row_under_the_totals_leaves_the_matrix_readable(tmp_path: Path) -> None:
    awards = ["Lao động tiên tiến", None, "Chiến sĩ thi đua cơ sở", None]
    rows = [*ROWS, [None, "Cộng", None, 2, 2, 1, 1], [None, "Tỷ lệ", None, "67%", "67%", "33%", "33%"]]
    path = _matrix(tmp_path / "a.xlsx", "DANH SÁCH KHEN THƯỞNG", awards, [2019, 2020, 2019, 2020], rows)
    assert len(load([path]).records) == 6


def _evidence(path: Path, title: str, group: str, *, extra: bool = False, swapped: bool = False, down: int = 0) -> Path:
    """A list with one group label over 2018 | 2019 (an "x" in each year) and no award column: as
    clerks type it, with `extra` a "Đơn vị" and a "Ghi chú" column, with `swapped` the years before
    the position, `down` blank rows above the title."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    for _ in range(down):
        ws.append([])
    ws.append([title])
    head = ws.max_row + 1
    lead = ["STT", "Họ và tên", *(["Đơn vị"] if extra else [])]
    pairs = [("Chức vụ", None), (group, 2018), (None, 2019)]
    if swapped:
        pairs = [pairs[1], pairs[2], pairs[0]]
    tail = ["Ghi chú"] if extra else []
    ws.append([*lead, *(top for top, _ in pairs), *tail])
    ws.append([None] * len(lead) + [below for _, below in pairs])
    at = len(lead) + 1 + next(i for i, (top, _) in enumerate(pairs) if top == group)
    ws.merge_cells(start_row=head, start_column=at, end_row=head, end_column=at + 1)
    for c in [*range(1, len(lead) + 1), len(lead) + 1 + next(i for i, (t, _) in enumerate(pairs) if t == "Chức vụ")]:
        ws.merge_cells(start_row=head, start_column=c, end_row=head + 1, end_column=c)
    ticks = [("x", "x"), ("x", None), (None, "x")]
    for i, (row, (a, b)) in enumerate(zip(ROWS, ticks, strict=True)):
        cells = {"Chức vụ": row[2], 2018: a, 2019: b}
        ordered = [cells[top if top == "Chức vụ" else below] for top, below in pairs]
        ws.append([i + 1, row[1], *(["Phòng A"] if extra else []), *ordered, *([None] if extra else [])])
    wb.save(path)
    return path


CLERKS = [{}, {"extra": True}, {"swapped": True}, {"down": 3}, {"extra": True, "swapped": True, "down": 1}]


@pytest.mark.parametrize("how", CLERKS)
def test_years_under_a_label_that_counts_them_are_reported_not_counted(tmp_path: Path, how: dict[str, int]) -> None:
    """ "Số năm đạt LĐTT" › 2018 | 2019: the years that qualified a proposal (a CSTĐ, a Bằng khen),
    or LĐTT records? Before: counted as four Lao động tiên tiến, exit 0."""
    for i, group in enumerate(["Số năm đạt LĐTT", "Số năm liên tục đạt danh hiệu LĐTT", "Số lần đạt CSTĐCS"]):
        path = _evidence(tmp_path / f"{i}.xlsx", "DANH SÁCH CÁN BỘ, GIÁO VIÊN", group, **how)
        result = load([path])
        assert len(result.records) == 0
        assert [(p.code, p.sheet) for p in result.problems] == [("ambiguous-columns", "DS")]
        assert f'"{group}" › 2018, 2019' in (result.problems[0].value or "")
        assert _counts(path)[0] == 1


@pytest.mark.parametrize("how", CLERKS)
def test_a_matrix_under_a_heading_naming_another_title_is_reported(tmp_path: Path, how: dict[str, int]) -> None:
    """Under "… CHIẾN SĨ THI ĐUA" (no level: no award of the list), LĐTT ticked for 2018 and 2019
    are what qualifies for it. Before: four Lao động tiên tiến, exit 0."""
    title = "DANH SÁCH CÁN BỘ ĐỦ ĐIỀU KIỆN XÉT DANH HIỆU CHIẾN SĨ THI ĐUA"
    result = load([_evidence(tmp_path / "a.xlsx", title, "Lao động tiên tiến", **how)])
    assert len(result.records) == 0 and [p.code for p in result.problems] == ["ambiguous-columns"]


@pytest.mark.parametrize("how", CLERKS)
def test_a_matrix_of_the_awards_themselves_is_still_counted(tmp_path: Path, how: dict[str, int]) -> None:
    for i, group in enumerate(["Lao động tiên tiến", "Năm đạt LĐTT", "Đạt danh hiệu LĐTT"]):
        path = _evidence(tmp_path / f"{i}.xlsx", "DANH SÁCH KHEN THƯỞNG", group, **how)
        assert _counts(path, "2018-2019") == (0, {"Lao động tiên tiến|2018": 2, "Lao động tiên tiến|2019": 2})
    title = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN, CHIẾN SĨ THI ĐUA"  # the matrix's own title is named
    assert _counts(_evidence(tmp_path / "t.xlsx", title, "Chiến sĩ thi đua cơ sở", **how), "2018-2019") == (
        0,
        {"Chiến sĩ thi đua cơ sở|2018": 2, "Chiến sĩ thi đua cơ sở|2019": 2},
    )


@pytest.mark.parametrize("how", CLERKS)
def test_a_proposal_with_its_qualifying_years_stays_a_proposal_list(tmp_path: Path, how: dict[str, int]) -> None:
    """Review: the usual CSTĐ proposal ("ĐỀ NGHỊ CÔNG NHẬN CHIẾN SĨ THI ĐUA", "Lao động tiên tiến"
    › 2018 | 2019) became ambiguous-columns, exit 1; it is a proposal-list note, as before."""
    for i, title in enumerate(["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN CHIẾN SĨ THI ĐUA", "DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"]):
        for j, group in enumerate(["Lao động tiên tiến", "Số năm đạt LĐTT"]):
            result = load([_evidence(tmp_path / f"{i}{j}.xlsx", title, group, **how)])
            assert len(result.records) == 0
            assert [p.code for p in result.problems] == ["proposal-list"]
