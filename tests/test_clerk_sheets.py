"""Sheets typed by clerks who never saw the reader: shapes that gave a wrong count with exit 0
before (each test builds the workbook the probe found, and asserts what the sheet truly says)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

_TOP: list[list[Any]] = [
    ["SỞ Y TẾ TỈNH X", None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["BỆNH VIỆN ĐA KHOA", None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
]
_LDTT_2019 = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"


def _sheet(heading: str, header: list[list[Any]], rows: list[list[Any]]) -> list[list[Any]]:
    return [*_TOP, [heading], [], *header, *rows]


def _years(path: Path) -> Counter[tuple[str, int]]:
    frame = load([path]).records
    return Counter(zip(frame["award"].astype(str), frame["year"].astype(int), strict=True))


# --- a column of other years (birth, recruitment, founding) is never the award year ---------------
@pytest.mark.parametrize(
    "label",
    ["Sinh năm", "Năm SN", "Năm sinh Nam", "Năm vào ngành", "Năm vào ngành giáo dục", "Năm tuyển dụng",
     "Năm vào Đảng", "Năm công tác", "Năm thành lập", "Năm tốt nghiệp", "Ngày/tháng/năm sinh"],
)  # fmt: skip
def test_a_column_of_another_year_does_not_replace_the_headings_year(tmp_path: Path, label: str) -> None:
    rows = [[i, f"Võ Văn An{i}", 2014 + i, "Giáo viên", "LĐTT"] for i in range(1, 5)]  # 2015…2018
    sheet = _sheet(_LDTT_2019, [["STT", "Họ và tên", label, "Chức vụ", "Danh hiệu"]], rows)
    path = write_xlsx(tmp_path / "ds.xlsx", sheet)
    assert _years(path) == {("Lao động tiên tiến", 2019): 4}  # before: one record in each of 2015…2018


def test_a_birth_date_split_into_day_month_year_is_no_year_column(tmp_path: Path) -> None:
    header = [["STT", "Họ và tên", "Ngày tháng năm sinh", None, None, "Danh hiệu"], [None, None, "Ngày", "Tháng", "Năm"]]
    rows = [[i, f"Võ Văn An{i}", i, 5, 2016, "LĐTT"] for i in range(1, 4)]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, header, rows), merges=["C6:E6"])
    assert _years(path) == {("Lao động tiên tiến", 2019): 3}  # before: all three in 2016


def test_without_another_year_source_a_birth_year_is_a_bad_year_not_a_record(tmp_path: Path) -> None:
    rows = [[i, f"Võ Văn An{i}", 1980 + i, "LĐTT"] for i in range(1, 4)]
    sheet = _sheet("DANH SÁCH ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN", [["STT", "Họ và tên", "Sinh năm", "Danh hiệu"]], rows)
    path = write_xlsx(tmp_path / "ds.xlsx", sheet)
    out = CliRunner().invoke(app, ["tally", "1975-2020", str(path), "--format", "json", "-q"])
    assert out.exit_code == 1  # before: exit 0, three records of 1981, 1982, 1983
    assert json.loads(out.stdout)["total"] == 0
    result = load([path])
    assert [(p.code, p.row) for p in result.problems] == [("bad-year", 7), ("bad-year", 8), ("bad-year", 9)]


def test_a_year_column_under_its_own_label_still_decides(tmp_path: Path) -> None:
    rows = [[i, f"Võ Văn An{i}", 1980, 2017 + i % 2, "LĐTT"] for i in range(1, 5)]
    header = [["STT", "Họ và tên", "Năm sinh", "Năm đạt", "Danh hiệu"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet("DANH SÁCH LAO ĐỘNG TIÊN TIẾN", header, rows))
    assert _years(path) == {("Lao động tiên tiến", 2017): 2, ("Lao động tiên tiến", 2018): 2}


@pytest.mark.parametrize("label", ["Năm thành tích", "Năm được công nhận"])
def test_the_achievement_year_column_of_a_short_list_decides(tmp_path: Path, label: str) -> None:
    """ "Năm thành tích" is the law's own word for the award year; in a list too short for its cells to
    show a year column, it was ignored and the heading's year taken (2018 for rows of 2019, exit 0)."""
    rows = [[1, "Võ Văn An", "LĐTT", 2019], [2, "Võ Văn Bình", "LĐTT", 2019]]
    header = [["STT", "Họ và tên", "Danh hiệu", label]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet("DANH SÁCH LAO ĐỘNG TIÊN TIẾN NĂM 2018", header, rows))
    assert _years(path) == {("Lao động tiên tiến", 2019): 2}


# --- the signature block under a numbered list whose heading names the award ---------------------
def _ldtt_list(tail: list[list[Any]], header: tuple[str, ...] = ("STT", "Họ và tên", "Chức vụ", "Đơn vị")) -> list[list[Any]]:
    people = [[i, f"Hồ Thị Hoa{i}", "Điều dưỡng", "Khoa Nội"] for i in range(1, 6)]
    return _sheet(_LDTT_2019, [list(header)], [*people, *tail])


@pytest.mark.parametrize(
    ("tail", "after_list"),
    [
        ([[], [None, "Lập biểu", None, "Q. Giám đốc"], [], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]], []),
        ([[], [None, "ĐẠI DIỆN CÔNG ĐOÀN", None, "T/M BAN GIÁM HIỆU"], [], [None, "Trần Thị Lan", None, "Đỗ Văn Giang"]], []),
        ([[], [None, "Kế toán", None, "Thủ quỹ"], [], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]], []),
        ([[], [None, "Thư ký", None, "Chủ tọa"], [], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]], [13, 15]),
        ([[], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]], [13]),
        ([[None, "Tổng: 5 người"], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]], [13]),
        ([[], [None, None, "Ngày 20/12/2019"], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]], [14]),
    ],
)
def test_names_under_a_numbered_list_are_never_its_records(
    tmp_path: Path, tail: list[list[Any]], after_list: list[int]
) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list(tail))
    result = load([path])
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}  # before: 6 or 7, the signers counted, exit 0
    assert [(p.code, p.row) for p in result.problems] == [("after-list", r) for r in after_list]


def test_cli_reports_a_signer_under_the_list_and_exits_1(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list([[], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]]))
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--format", "json"])
    assert out.exit_code == 1
    assert json.loads(out.stdout)["total"] == 5
    assert "[after-list]" in out.stderr and "Trần Thị Lan" in out.stderr
    out = CliRunner().invoke(app, ["validate", str(path), "--format", "json", "--lang", "en"])
    findings = json.loads(out.stdout)["findings"]
    assert [(f["code"], f["row"], f["severity"]) for f in findings] == [("after-list", 13, "error")]
    assert "signature block" in findings[0]["message"]


def test_a_section_below_a_blank_row_goes_on_with_the_list(tmp_path: Path) -> None:
    tail = [[], ["II", "TẬP THỂ"], [None, "Khoa Nội", None, None], [None, "Khoa Ngoại", None, None]]
    rows = _sheet("DANH SÁCH ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM 2019", [["STT", "Tên tập thể", "Chức vụ", "Đơn vị"]],
                  [[1, "Phòng Tổ chức", None, None], [2, "Phòng Kế hoạch", None, None], *tail])  # fmt: skip
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    assert _years(path) == {("Tập thể lao động tiên tiến", 2019): 4}
    assert not load([path]).problems


# --- a name typed in two columns: "Họ đệm" | "Tên" ------------------------------------------------
_PEOPLE = [("Nguyễn Văn", "An"), ("Nguyễn Văn", "Bình"), ("Trần Thị", "Cúc"), ("Nguyễn Văn", "Dũng")]
_FULL = ["Nguyễn Văn An", "Nguyễn Văn Bình", "Trần Thị Cúc", "Nguyễn Văn Dũng"]


@pytest.mark.parametrize(
    ("header", "merges"),
    [
        ([["STT", "Họ đệm", "Tên", "Chức vụ", "Danh hiệu"]], []),
        ([["STT", "Họ", "Tên", "Chức vụ", "Danh hiệu"]], []),
        ([["STT", "Họ và tên", None, "Chức vụ", "Danh hiệu"]], ["B6:C6"]),
        ([["STT", "Họ và tên", None, "Chức vụ", "Danh hiệu"], [None, "Họ đệm", "Tên"]], ["B6:C6", "A6:A7", "D6:D7", "E6:E7"]),
        ([["STT", "Họ và tên", None, "Chức vụ", "Danh hiệu"], [None, "Họ đệm", "Tên"]], ["B6:C6"]),
    ],
)
def test_a_name_typed_in_two_columns_is_one_name(tmp_path: Path, header: list[list[Any]], merges: list[str]) -> None:
    rows = [[i, family, given, "Giáo viên", "LĐTT"] for i, (family, given) in enumerate(_PEOPLE, 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, header, rows), merges=merges)
    result = load([path])
    assert list(result.records["name"].astype(str)) == _FULL  # before: "Nguyễn Văn" three times, two merged as duplicates
    assert not result.problems and not result.checks  # before: the sub-header "Họ đệm" was a record too


def test_a_given_name_column_is_never_joined_to_a_full_name(tmp_path: Path) -> None:
    rows = [[i, name, name.rsplit(" ", 1)[1], "LĐTT"] for i, name in enumerate(_FULL, 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, [["STT", "Họ và tên", "Tên", "Danh hiệu"]], rows))
    assert list(load([path]).records["name"].astype(str)) == _FULL


def test_cli_counts_every_person_of_a_two_column_name(tmp_path: Path) -> None:
    rows = [[i, family, given, "Giáo viên", "LĐTT"] for i, (family, given) in enumerate(_PEOPLE, 1)]
    header = [["STT", "Họ đệm", "Tên", "Chức vụ", "Danh hiệu"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, header, rows))
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--format", "json", "-q"])
    assert out.exit_code == 0 and json.loads(out.stdout)["total"] == 4  # before: 2, exit 1 (duplicates)


def test_a_row_of_signers_titles_starts_the_signature_block(tmp_path: Path) -> None:
    people = [[f"Hồ Thị Hoa{i}", "Điều dưỡng", "Khoa Nội"] for i in range(1, 6)]  # no STT column
    tail = [[], ["Kế toán", None, "Thủ quỹ"], [], ["Trần Thị Lan", None, "Nguyễn Văn Giang"]]
    path = write_xlsx(tmp_path / "a.xlsx", _sheet(_LDTT_2019, [["Họ và tên", "Chức vụ", "Đơn vị"]], [*people, *tail]))
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}  # before: 7, exit 0
    assert not load([path]).problems
    numbered = [[i, f"Hồ Thị Hoa{i}", "LĐTT"] for i in range(1, 4)]
    tail = [[], [None, "Người lập biểu", "Giám đốc"], [None, "Trần Thị Lan", "Nguyễn Văn Giang"]]
    path = write_xlsx(tmp_path / "b.xlsx", _sheet(_LDTT_2019, [["STT", "Họ và tên", "Danh hiệu"]], [*numbered, *tail]))
    assert _years(path) == {("Lao động tiên tiến", 2019): 3}
    assert not load([path]).problems  # before: "Giám đốc" and "Nguyễn Văn Giang" were unknown awards


def test_column_numbers_typed_again_at_a_page_break_are_no_row(tmp_path: Path) -> None:
    header, numbers = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"], ["(1)", "(2)", "(3)", "(4)"]
    people = [[i, f"Hồ Thị Hoa{i}", "Điều dưỡng", "LĐTT"] for i in range(1, 7)]
    rows = [numbers, *people[:2], header, numbers, *people[2:4], numbers, *people[4:]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, [header], rows))
    assert _years(path) == {("Lao động tiên tiến", 2019): 6}
    assert not load([path]).problems  # before: each "(4)" was an unknown award, exit 1


@pytest.mark.parametrize(
    "total",
    [[None, 5], [None, "05 người"], [None, "Danh sách gồm 05 người"], [None, "Ấn định 05 người"], [None, "Số lượng: 5"],
     [None, "Có 05 cá nhân"], [None, "(Năm cá nhân)"], [None, "Danh sách này gồm có 5 người./."], [None, "Tổng số 05 đ/c"]],
)  # fmt: skip
def test_a_total_in_other_words_under_the_list_is_no_person(tmp_path: Path, total: list[Any]) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list([total]))
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}  # before: 6, the total counted as a person, exit 0
    assert not load([path]).problems


def test_collectives_with_numbers_in_their_names_are_still_records(tmp_path: Path) -> None:
    names = ["Tổ 3 Khoa Nội", "Đội 5", "Thôn 2", "Lớp 12A1", "Tổ dân phố số 4", "Tổ 7"]
    rows = [[i, n, None, None] for i, n in enumerate(names, 1)]
    sheet = _sheet("DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM 2019", [["STT", "Tên tập thể", "Chức vụ", "Đơn vị"]], rows)
    path = write_xlsx(tmp_path / "ds.xlsx", sheet)
    assert _years(path) == {("Tập thể lao động tiên tiến", 2019): 6}


@pytest.mark.parametrize(
    "tail",
    [
        [[None, "Ghi chú: Đồng chí Hồ Thị Hoa3 chuyển công tác tháng 10/2019"]],
        [["Ghi chú:"], [None, "- Đ/c Hồ Thị Hoa2 nghỉ hưu"]],
        [[None, "(Kèm theo Tờ trình số 12/TTr-BV ngày 10/12/2019)"]],
        [[None, "Lưu ý: Các cá nhân trên đã hoàn thành xuất sắc nhiệm vụ"]],
        [[None, "Xin trân trọng đề nghị!"]],
        [[None, "./."]],
        [[None, "Hết"]],
    ],
)
def test_a_note_under_the_list_is_no_person(tmp_path: Path, tail: list[list[Any]]) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list(tail))
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}  # before: 6, the note counted as a person, exit 0
    assert not load([path]).problems


def test_an_unnumbered_person_under_the_list_is_reported_not_counted(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list([[None, "Trần Thị Lan", "Điều dưỡng", "Khoa Nội"]]))
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}
    assert [(p.code, p.row) for p in load([path]).problems] == [("after-list", 12)]


def test_a_list_that_numbers_its_units_keeps_its_unnumbered_people(tmp_path: Path) -> None:
    rows: list[list[Any]] = []
    for n, unit in enumerate(["Trường THCS Kim Đồng", "Trường THCS Lê Lợi"], 1):
        rows += [[n, unit], *[[None, f"Hồ Thị Hoa{n}{i}", "Giáo viên", "LĐTT"] for i in range(1, 4)]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, [["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]], rows))
    assert _years(path) == {("Lao động tiên tiến", 2019): 6}
    assert "after-list" not in {p.code for p in load([path]).problems}


# --- two award columns: one of proposals or of past years, one of the awards given ----------------
_HEADING = "DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM 2019"


@pytest.mark.parametrize(
    ("labels", "cells", "expected"),
    [
        (("Danh hiệu đã đạt năm trước", "Danh hiệu"), ("LĐTT", "CSTĐCS"), {("Chiến sĩ thi đua cơ sở", 2019): 3}),
        (("Danh hiệu", "Quá trình khen thưởng"), ("LĐTT", "Giấy khen"), {("Lao động tiên tiến", 2019): 3}),
        (("Danh hiệu đề nghị", "Danh hiệu được công nhận"), ("CSTĐCS", "LĐTT"), {("Lao động tiên tiến", 2019): 3}),
        (("Danh hiệu đã đạt",), ("LĐTT",), {("Lao động tiên tiến", 2019): 3}),  # alone, it holds the awards
    ],
)
def test_only_the_column_of_the_awards_given_counts(
    tmp_path: Path, labels: tuple[str, ...], cells: tuple[str, ...], expected: dict[tuple[str, int], int]
) -> None:
    rows = [[i, f"Lê Văn Tâm{i}", *cells] for i in range(1, 4)]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_HEADING, [["STT", "Họ và tên", *labels]], rows))
    assert _years(path) == expected  # before: the past award counted too (exit 0), or nothing (a "proposal list")
    assert not load([path]).problems


def test_two_columns_of_proposals_still_make_a_proposal_list(tmp_path: Path) -> None:
    rows = [[i, f"Lê Văn Tâm{i}", "CSTĐCS", "Bằng khen của Chủ tịch UBND tỉnh"] for i in range(1, 4)]
    header = [["STT", "Họ và tên", "Danh hiệu đề nghị", "Hình thức khen thưởng đề nghị"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", _sheet(_HEADING, header, rows))])
    assert result.rows == [] and [p.code for p in result.problems] == ["proposal-list"]


def test_a_list_under_sections_has_its_tail_too(tmp_path: Path) -> None:
    rows = [["I", "CÁ NHÂN"], *[[i, f"Hồ Thị Hoa{i}", "Điều dưỡng", "Khoa Nội"] for i in range(1, 4)]]
    rows += [["II", "CÁ NHÂN KHOA NGOẠI"], *[[i, f"Lê Văn Hùng{i}", "Bác sĩ", "Khoa Ngoại"] for i in range(1, 3)]]
    rows += [[None, "Ghi chú: đồng chí Lê Văn Hùng2 chuyển công tác"], [None, "Trần Thị Lan", None, "Nguyễn Văn Giang"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, [["STT", "Họ và tên", "Chức vụ", "Đơn vị"]], rows))
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}
    assert not load([path]).problems


@pytest.mark.parametrize("title", [[["TỔNG HỢP"]], []])
def test_a_count_table_under_the_list_ends_it(tmp_path: Path, title: list[list[Any]]) -> None:
    summary = [*title, ["STT", "Đơn vị", "Số lượng"], [1, "Điều dưỡng", 3], [2, "Hộ lý", 2]]
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list([[], *summary]))
    result = load([path])
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}  # before: 8 ("Đơn vị", "Điều dưỡng", "Hộ lý"), exit 0
    assert [(p.code, p.row) for p in result.problems] == [("skipped-table", 13 + len(title))]


def test_a_year_typed_into_a_date_formatted_cell_is_that_year(tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    for epoch, name in ((None, "a.xlsx"), (CALENDAR_MAC_1904, "b.xlsx")):
        wb = openpyxl.Workbook()
        if epoch is not None:
            wb.epoch = epoch
        ws = wb.active
        for row in _sheet("DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA", [["STT", "Họ và tên", "Danh hiệu", "Năm"]], []):
            ws.append(row)
        start = dt.datetime(1899, 12, 30) if epoch is None else dt.datetime(1904, 1, 1)
        for i, year in enumerate((2019, 2019, 2020), 1):
            ws.append([i, f"Lê Thị Cúc{i}", "LĐTT", start + dt.timedelta(days=year)])  # what Excel keeps of "2019"
            ws.cell(ws.max_row, 4).number_format = "dd/mm/yyyy"
        ws.append([4, "Lê Thị Cúc4", "LĐTT", dt.datetime(2019, 12, 15)])  # a real date: its year, as before
        wb.save(tmp_path / name)
        expected = {("Lao động tiên tiến", 2019): 3, ("Lao động tiên tiến", 2020): 1}
        assert _years(tmp_path / name) == expected  # before: three records of 1905 (1909), outside the years, exit 0


def test_two_year_columns_that_disagree_are_a_year_conflict(tmp_path: Path) -> None:
    import openpyxl

    for hidden in (False, True):
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in _sheet(_HEADING, [["STT", "Họ và tên", "Năm", "Danh hiệu", "Năm"]], []):
            ws.append(row)
        for i, (old, new) in enumerate([(2018, 2019), (2019, 2019), (None, 2019), (2018, 2018)], 1):
            ws.append([i, f"Lê Thị Cúc{i}", old, "LĐTT", new])
        ws.column_dimensions["C"].hidden = hidden  # last year's column, hidden by the clerk or not
        path = tmp_path / f"ds-{hidden}.xlsx"
        wb.save(path)
        result = load([path])
        out = CliRunner().invoke(app, ["tally", "2018-2019", str(path), "--format", "json", "-q"])
        if hidden:  # read as the sheet shows it: the visible year column alone, and the hidden one said
            assert _years(path) == {("Lao động tiên tiến", 2019): 3, ("Lao động tiên tiến", 2018): 1}
            assert [(p.code, p.value) for p in result.problems] == [("hidden-columns", "C")]
            assert out.exit_code == 0 and json.loads(out.stdout)["total"] == 4
            continue
        assert _years(path) == {("Lao động tiên tiến", 2019): 2, ("Lao động tiên tiến", 2018): 1}
        assert [(p.code, p.row, p.value) for p in result.problems] == [("year-conflict", 7, "2018 / 2019")]
        assert out.exit_code == 1 and json.loads(out.stdout)["total"] == 3  # before: 4, row 7 in 2018, exit 0


@pytest.mark.parametrize(
    ("heading", "level"),
    [
        ("DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM 2019", "Tỉnh"),
        ("DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ Y TẾ NĂM 2019", "Bộ"),
        ("DANH SÁCH ĐƯỢC THỦ TƯỚNG CHÍNH PHỦ TẶNG BẰNG KHEN NĂM 2019", "Chính phủ"),
    ],
)
def test_the_heading_names_the_issuer_of_the_award_cells(tmp_path: Path, heading: str, level: str) -> None:
    rows = [[i, f"Lê Văn Tâm{i}", "Bằng khen"] for i in range(1, 4)] + [[4, "Lê Văn Tâm4", "Giấy khen"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(heading, [["STT", "Họ và tên", "Hình thức khen thưởng"]], rows))
    result = load([path])
    frame = result.records
    assert Counter(zip(frame["award"].astype(str), frame["level"].astype(str), strict=True)) == {
        ("Bằng khen", level): 3,
        ("Giấy khen", "Cơ sở"): 1,
    }  # before: the three Bằng khen were ambiguous-level, not counted, exit 1
    assert not result.problems


def test_a_decision_number_still_comes_before_the_heading(tmp_path: Path) -> None:
    heading = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM 2019"
    rows = [[1, "Lê Văn Tâm", "Bằng khen", "12/QĐ-UBND"], [2, "Lê Văn Tú", "Bằng khen", "45/QĐ-TTg"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(heading, [["STT", "Họ và tên", "Hình thức khen thưởng", "Số QĐ"]], rows))
    assert list(load([path]).records["level"].astype(str)) == ["Tỉnh", "Chính phủ"]


def test_the_last_person_on_two_rows_under_a_merged_name_keeps_both_awards(tmp_path: Path) -> None:
    rows = [[1, "Lê Thị Cúc", "Giáo viên", "LĐTT"], [2, "Lê Văn Đức", "Giáo viên", "LĐTT"], [None, None, None, "CSTĐCS"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_HEADING, [["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]], rows), merges=["B8:B9", "C8:C9"])
    assert _years(path) == {("Lao động tiên tiến", 2019): 2, ("Chiến sĩ thi đua cơ sở", 2019): 1}
    assert not load([path]).problems


def test_the_last_persons_name_typed_again_without_a_number_is_their_next_award(tmp_path: Path) -> None:
    rows = [[1, "Lê Thị Cúc", "Giáo viên", "LĐTT"], [2, "Lê Văn Đức", "Giáo viên", "LĐTT"], [None, "Lê Văn Đức", None, "CSTĐCS"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_HEADING, [["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]], rows))
    assert _years(path) == {("Lao động tiên tiến", 2019): 2, ("Chiến sĩ thi đua cơ sở", 2019): 1}
    assert not load([path]).problems


@pytest.mark.parametrize("total", [[6, "Cộng", None, 5], [6, "Tổng cộng", "5 người"], [6, "Tổng số: 05 người", "", "Khoa Nội"]])
def test_a_total_numbered_on_from_the_list_is_no_person(tmp_path: Path, total: list[Any]) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list([total]))
    assert _years(path) == {("Lao động tiên tiến", 2019): 5}  # before: 6, "Cộng" counted as a person, exit 0
    assert not load([path]).problems


def test_a_person_whose_surname_is_tong_is_still_a_record(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", _ldtt_list([[6, "Tổng Văn Minh", "Bác sĩ", "Khoa Nội"]]))
    assert _years(path) == {("Lao động tiên tiến", 2019): 6}


@pytest.mark.parametrize("label", ["Kết quả bình xét", "Kết quả"])
def test_a_result_column_saying_not_achieved_keeps_the_row_out(tmp_path: Path, label: str) -> None:
    results = ["Đạt", "Đạt", "Không đạt", "Đạt", "Chưa đạt"]
    rows = [[i, f"Hồ Thị Hoa{i}", "Điều dưỡng", r, "Chuyển công tác" if i == 2 else None] for i, r in enumerate(results, 1)]
    header = [["STT", "Họ và tên", "Chức vụ", label, "Ghi chú"]]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, header, rows))
    result = load([path])
    assert _years(path) == {("Lao động tiên tiến", 2019): 3}  # before: 5, exit 0
    assert [(p.code, p.row, p.value) for p in result.problems] == [
        ("not-awarded", 9, "không đạt"),
        ("not-awarded", 11, "chưa đạt"),
    ]


def test_a_short_school_year_in_the_year_column_is_its_second_year(tmp_path: Path) -> None:
    rows = [[i, f"Lê Thị Cúc{i}", "LĐTT", y] for i, y in enumerate(["2019-20", "Năm học 2019 - 20", "2019-2020", "2019-21"], 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet("DANH SÁCH GIÁO VIÊN ĐẠT DANH HIỆU", [["STT", "Họ và tên", "Danh hiệu", "Năm học"]], rows))
    assert _years(path) == {("Lao động tiên tiến", 2020): 3}  # before: the first two were bad-year
    assert [(p.code, p.row) for p in load([path]).problems] == [("bad-year", 10)]


def test_a_result_column_holding_awards_is_the_award_column(tmp_path: Path) -> None:
    rows = [[i, f"Hồ Thị Hoa{i}", "Điều dưỡng", a] for i, a in enumerate(["LĐTT", "LĐTT", "CSTĐCS", "LĐTT", "CSTĐCS"], 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", _sheet(_LDTT_2019, [["STT", "Họ và tên", "Chức vụ", "Kết quả bình xét"]], rows))
    assert _years(path) == {("Lao động tiên tiến", 2019): 3, ("Chiến sĩ thi đua cơ sở", 2019): 2}


@pytest.mark.parametrize(
    "label", ["Tên CBCNV", "Tên người được khen", "Cá nhân được khen", "Tên cán bộ", "Tập thể, cá nhân được khen"]
)
def test_a_name_column_labelled_by_whom_it_names_is_read(tmp_path: Path, label: str) -> None:
    """Before: no header row found, headless-list, nothing counted (exit 1)."""
    rows = [[1, "Nguyễn Văn An", "Phòng A", "LĐTT"], [2, "Trần Thị Bình", "Phòng A", "CSTĐCS"]]
    path = write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2020"], ["TT", label, "Đơn vị công tác", "Danh hiệu thi đua"], *rows])
    result = load([path])
    assert sorted(zip(result.records["name"], result.records["award"], strict=True)) == [
        ("Nguyễn Văn An", "Lao động tiên tiến"),
        ("Trần Thị Bình", "Chiến sĩ thi đua cơ sở"),
    ]
    assert result.problems == []
