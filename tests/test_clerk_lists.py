"""Award lists typed by clerks of other sectors (health, police, schools, cooperatives): shapes a
probe found giving a wrong count, or a row reported for no reason; each test builds the workbook
and asserts what a careful officer counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app

_TOP: list[list[Any]] = [
    ["SỞ Y TẾ TỈNH NGHỆ AN", None, None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["BỆNH VIỆN ĐA KHOA HUYỆN", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
    [],
]
_HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Năm"]
_PEOPLE = [
    [1, "Nguyễn Văn An", "Bác sĩ", "Khoa Nội", "Lao động tiên tiến", 2019],
    [2, "Trần Thị Bình", "Điều dưỡng", "Khoa Ngoại", "Lao động tiên tiến", 2019],
    [3, "Lê Văn Cường", "Trưởng khoa", "Khoa Nhi", "Lao động tiên tiến", 2019],
]


def _counts(path: Path) -> Counter[tuple[str, str, str]]:
    frame = load([path]).records
    return Counter(zip(frame["award"].astype(str), frame["kind"].astype(str), frame["name"].astype(str), strict=True))


# --- titles before a name ("Đ/c", "Ông", "ThS.", "BSCKII", ranks) are no part of it ----------------
@pytest.mark.parametrize(
    "title", ["Đ/c ", "Đồng chí ", "Ông ", "Bà ", "ThS. ", "BSCKII. ", "BS.CKI ", "PGS.TS ", "Thượng tá ", "Đại uý "]
)
def test_a_copy_whose_names_carry_a_title_is_the_same_people(tmp_path: Path, title: str) -> None:
    titled = [[r[0], title + str(r[1]), *r[2:]] for r in _PEOPLE]
    path = write_xlsx(
        tmp_path / "ds.xlsx", [*_TOP, _HEADER, *_PEOPLE], extra_sheets={"DS (sửa)": [*_TOP, _HEADER, *titled]}
    )
    result = load([path])
    assert len(result.records) == 3  # before: 6, exit 0 (the titled copy were three more people)
    assert [(p.code, p.sheet, p.row) for p in result.problems] == [("duplicate", "DS (sửa)", r) for r in (7, 8, 9)]


def test_a_title_is_taken_off_the_name_and_a_position_after_it_kept(tmp_path: Path) -> None:
    rows = [
        [1, "Đ/c Nguyễn Văn An - Trưởng phòng", None, "Phòng TCCB", "Lao động tiên tiến", 2019],
        [2, "ThS.BS Trần Thị Bình", "Trưởng khoa", "Khoa Nội", "Lao động tiên tiến", 2019],
        [3, "Cô Tô Đông", "Giáo viên", "Trường TH", "Lao động tiên tiến", 2019],  # "Cô" (a teacher) before "Tô Đông"
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *rows])
    frame = load([path]).records
    assert list(zip(frame["name"], frame["position"], strict=True)) == [
        ("Nguyễn Văn An", "Trưởng phòng"),
        ("Trần Thị Bình", "Trưởng khoa"),
        ("Tô Đông", "Giáo viên"),
    ]


def test_a_name_that_only_starts_like_a_title_is_kept_whole(tmp_path: Path) -> None:
    rows = [[1, "Côn Sơn Nguyễn", "GV", "Trường TH", "Lao động tiên tiến", 2019], [2, "Bàn Văn Hùng", "GV", "Trường TH", "Lao động tiên tiến", 2019]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *rows])
    assert list(load([path]).records["name"]) == ["Côn Sơn Nguyễn", "Bàn Văn Hùng"]


def test_a_titled_person_in_a_list_of_people_and_collectives_is_a_person(tmp_path: Path) -> None:
    header = ["STT", "Tên cá nhân, tập thể", "Đơn vị", "Hình thức khen thưởng", "Năm"]
    rows = [
        [1, "Đ/c Nguyễn Văn An", "Phòng Y tế", "Giấy khen", 2019],
        [2, "Bà Trần Thị Bình", "Trạm Y tế xã", "Giấy khen", 2019],
        [3, "Trạm Y tế xã Diễn Châu", "Trung tâm Y tế", "Giấy khen", 2019],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *rows])
    result = load([path])
    assert Counter(result.records["kind"]) == {"Cá nhân": 2, "Tập thể": 1}  # before: two ambiguous-kind, not counted
    assert result.problems == []


def test_cli_counts_a_titled_copy_once(tmp_path: Path) -> None:
    titled = [[r[0], "Đ/c " + str(r[1]), *r[2:]] for r in _PEOPLE]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *_PEOPLE], extra_sheets={"Sheet2": [*_TOP, _HEADER, *titled]})
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--by", "award", "-f", "csv", "-q", "--no-cache"])
    assert out.exit_code == 1  # the copy's rows are duplicates, reported
    assert out.stdout.splitlines() == ["award,count", "Lao động tiên tiến,3"]


# --- a collective's name in the old tone placement, or of a sector's own word, is a collective ------
@pytest.mark.parametrize(
    "collective",
    ["Uỷ ban nhân dân xã Nghi Hoa", "Đảng uỷ xã Nghi Hoa", "Nhà văn hoá xóm 3", "Toà án nhân dân huyện",
     "Xóm Đông", "Khu dân cư số 5", "Trại giam Nghi Kim", "Hải đoàn 128", "Mặt trận Tổ quốc xã Nghi Hoa",
     "Bưu điện huyện", "Bệnh xá Công an tỉnh", "Cơ quan Sở", "Ngành Giáo dục huyện", "BCH Quân sự xã"],
)  # fmt: skip
def test_a_collective_under_a_name_header_is_a_collective(tmp_path: Path, collective: str) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng", "Năm"]
    rows = [[1, "Nguyễn Văn An", "Chủ tịch", "Giấy khen", 2019], [2, collective, None, "Giấy khen", 2019], [3, "Trần Thị Thuỷ", "Kế toán", "Giấy khen", 2019]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *rows])
    result = load([path])
    assert Counter(result.records["kind"]) == {"Cá nhân": 2, "Tập thể": 1}  # before: 3 Cá nhân, exit 0
    assert [(p.code, p.row, p.value) for p in result.checks if p.code == "kind-from-name"] == [("kind-from-name", 8, collective)]
    assert result.problems == []


def test_a_person_whose_surname_starts_no_collective_stays_a_person(tmp_path: Path) -> None:
    header = ["STT", "Tên cá nhân, tập thể", "Hình thức khen thưởng", "Năm"]
    rows = [[1, "Nông Văn Dền", "Giấy khen", 2019], [2, "Lâm Thị Mỹ Dạ", "Giấy khen", 2019], [3, "Khu dân cư số 5", "Giấy khen", 2019]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *rows])
    assert Counter(load([path]).records["kind"]) == {"Cá nhân": 2, "Tập thể": 1}


# --- counts typed in the list: a subtotal mid-table, a breakdown under it ---------------------------
@pytest.mark.parametrize("label", ["Cộng khoa Nội", "Cộng I", "Cộng (I)", "Tổng khoa Nội", "Cộng LĐTT"])
def test_a_subtotal_typed_mid_table_is_a_total(tmp_path: Path, label: str) -> None:
    rows = [*_PEOPLE[:2], [None, label, None, None, 2, None], _PEOPLE[2], [None, "Cộng khoa Nhi", None, None, "1 người", None]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *rows])
    result = load([path])
    assert len(result.records) == 3
    assert result.problems == []  # before: unknown-award "2" (exit 1)
    assert result.checks == []  # each subtotal matches the rows since the one above


def test_a_subtotal_that_differs_is_still_compared(tmp_path: Path) -> None:
    rows = [*_PEOPLE[:2], [None, "Cộng khoa Nội", None, None, 3, None], _PEOPLE[2]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *rows])
    result = load([path])
    assert result.problems == []
    # a group's subtotal: the rows under it are the next group's, no after-total
    assert [(p.code, p.row, p.value) for p in result.checks] == [("total-differs", 9, "3")]


@pytest.mark.parametrize(
    "tail",
    [
        [[None, "Tổng cộng", None, None, 3], [None, "Trong đó:"], [None, "- Lao động tiên tiến", None, None, 2], [None, "- Chiến sĩ thi đua cơ sở", None, None, "1"]],
        [[], [None, None, None, None, "Lao động tiên tiến", 2], [None, None, None, None, "Chiến sĩ thi đua cơ sở", 1]],
        [[], [None, "TỔNG HỢP"], [None, "Lao động tiên tiến", None, None, 2], [None, "Chiến sĩ thi đua cơ sở", None, None, 1]],
    ],
)  # fmt: skip
def test_a_breakdown_by_award_under_the_list_is_no_row(tmp_path: Path, tail: list[list[Any]]) -> None:
    rows = [*_PEOPLE[:2], [3, "Lê Văn Cường", "Trưởng khoa", "Khoa Nhi", "Chiến sĩ thi đua cơ sở", 2019]]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *rows, *tail])
    result = load([path])
    assert Counter(result.records["award"]) == {"Lao động tiên tiến": 2, "Chiến sĩ thi đua cơ sở": 1}
    assert result.problems == []  # before: unknown-award "2", missing-name, after-list (exit 1)


def test_an_award_with_its_count_over_its_people_is_never_passed_over(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Số lượng"]
    rows = [[None, "Lao động tiên tiến", None, None, None, 2], [1, "Nguyễn Văn An", "BS", "Khoa Nội", None, None],
            [2, "Trần Thị Bình", "ĐD", "Khoa Nội", None, None], [None, "Chiến sĩ thi đua cơ sở", None, None, None, 1],
            [1, "Lê Văn Cường", "BS", "Khoa Nhi", None, None]]  # fmt: skip
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *rows])])
    # mid-list, an award's name with a count is no breakdown line: a "Số lượng" column holding a 2
    # beside names and awards makes the table ambiguous (its rows were reported one by one before)
    assert result.records.empty
    assert [(p.code, p.value) for p in result.problems] == [("ambiguous-columns", '"Số lượng": counts / names')]


def test_a_total_of_two_kinds_with_the_same_count_is_not_compared(tmp_path: Path) -> None:
    rows = [*_PEOPLE[:2], [1, "Khoa Nội", None, None, "Tập thể lao động tiên tiến", 2019], [2, "Khoa Nhi", None, None, "Tập thể lao động tiên tiến", 2019]]
    sheet = [*_TOP, _HEADER, ["I. CÁ NHÂN"], *rows[:2], ["II. TẬP THỂ"], *rows[2:], ["Tổng cộng: 2 cá nhân, 2 tập thể"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", sheet)])
    assert len(result.records) == 4
    assert [p.code for p in result.checks] == []  # before: total-differs "2" (4 records above)


# --- the proposal form's column label under a decision's heading -----------------------------------
def test_a_proposal_column_in_a_list_attached_to_a_decision_is_counted(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu đề nghị"]
    rows = [[1, "Nguyễn Văn An", "BS", "Khoa Nội", "Lao động tiên tiến"], [2, "Trần Thị Bình", "ĐD", "Khoa Nội", "Lao động tiên tiến"]]
    heading = [["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"],
               ["(Kèm theo Quyết định số 123/QĐ-BV ngày 25/12/2019 của Giám đốc Bệnh viện)"]]  # fmt: skip
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP[:3], *heading, header, *rows])])
    assert len(result.records) == 2  # before: 0, a proposal-list note, exit 0
    assert result.problems == []


@pytest.mark.parametrize(
    "heading",
    [[["DANH SÁCH KHEN THƯỞNG NĂM 2019"], ["(Kèm theo Tờ trình số 12/TTr-BV ngày 20/12/2019)"]],
     [["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2019"], ["(Kèm theo Quyết định số 123/QĐ-BV ngày 25/12/2019)"]],
     [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], []]],
)  # fmt: skip
def test_a_proposal_column_without_a_decision_still_makes_a_proposal_list(tmp_path: Path, heading: list[list[Any]]) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu đề nghị"]
    rows = [[1, "Nguyễn Văn An", "BS", "Khoa Nội", "Lao động tiên tiến"], [2, "Trần Thị Bình", "ĐD", "Khoa Nội", "Lao động tiên tiến"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP[:3], *heading, header, *rows])])
    assert len(result.records) == 0
    assert [p.code for p in result.problems] == ["proposal-list"]


# --- a sheet repeating another with its units left out or written short is a copy ---------------
_COPY_HEADER = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]
_UNITS = [["Khoa Nội", "Khoa Ngoại", "Khoa Nhi", "Khoa Nhi"], ["K. Nội", "K. Ngoại", "K. Nhi", "K. Nhi"]]


@pytest.mark.parametrize("copy", ["no unit column", "units written short", "units as sub-headings"])
def test_a_sheet_repeating_another_without_its_units_is_its_copy(tmp_path: Path, copy: str) -> None:
    people = [("Nguyễn Văn An", "BS"), ("Trần Thị Bình", "ĐD"), ("Lê Văn Cường", "BS"), ("Phạm Văn Dũng", "BS")]
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu"]
    first = [[i, n, p, u, "Lao động tiên tiến"] for i, ((n, p), u) in enumerate(zip(people, _UNITS[0], strict=True), 1)]
    if copy == "no unit column":
        header2, again = _COPY_HEADER, [[i, n, p, "Lao động tiên tiến"] for i, (n, p) in enumerate(people, 1)]
    elif copy == "units written short":
        header2, again = header, [[i, n, p, u, "Lao động tiên tiến"] for i, ((n, p), u) in enumerate(zip(people, _UNITS[1], strict=True), 1)]
    else:
        header2 = _COPY_HEADER
        again = [["I", "Khoa Nội"], [1, *people[0], "Lao động tiên tiến"], ["II", "Khoa Ngoại"], [1, *people[1], "Lao động tiên tiến"],
                 ["III", "Khoa Nhi"], [1, *people[2], "Lao động tiên tiến"], [2, *people[3], "Lao động tiên tiến"]]  # fmt: skip
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *first], extra_sheets={"In": [*_TOP, header2, *again]})
    result = load([path])
    assert len(result.records) == 4  # before: 8 (no unit column, units written short), exit 0
    assert [(p.code, p.sheet) for p in result.problems] == [("duplicate", "In")] * 4


def test_two_sheets_of_two_units_sharing_a_name_are_two_lists(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"]
    a = [[1, "Nguyễn Văn An", "BS", "Lao động tiên tiến"], [2, "Trần Thị Bình", "ĐD", "Lao động tiên tiến"], [3, "Lê Văn Cường", "BS", "Lao động tiên tiến"]]
    b = [[1, "Nguyễn Văn An", "GV", "Lao động tiên tiến"], [2, "Hồ Thị Em", "GV", "Lao động tiên tiến"], [3, "Vũ Văn Phúc", "GV", "Lao động tiên tiến"]]
    top_b = [["PHÒNG GIÁO DỤC HUYỆN"], ["TRƯỜNG TIỂU HỌC KIM ĐỒNG"], [], ["DANH SÁCH KHEN THƯỞNG NĂM 2019"], []]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *a], extra_sheets={"Trường TH": [*top_b, header, *b]})
    result = load([path])
    assert len(result.records) == 6  # one shared name of three: two people
    assert result.problems == []


def test_cli_counts_a_copy_without_units_once(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu"]
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"]
    rows = [[i, n, "BS", f"Khoa {u}", "Lao động tiên tiến"] for i, (n, u) in enumerate(zip(names, ["Nội", "Ngoại", "Nhi", "Sản"], strict=True), 1)]
    again = [[r[0], r[1], r[2], r[4]] for r in rows]
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *rows], extra_sheets={"In": [*_TOP, _COPY_HEADER, *again]})
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--by", "award", "-f", "csv", "-q", "--no-cache"])
    assert out.exit_code == 1
    assert out.stdout.splitlines() == ["award,count", "Lao động tiên tiến,4"]


# --- a column of marks labelled "Đạt danh hiệu", "Công nhận" is the council's result ---------------
@pytest.mark.parametrize("label", ["Đạt danh hiệu", "Công nhận", "Được công nhận"])
def test_a_column_of_marks_saying_achieved_keeps_an_unmarked_row_out(tmp_path: Path, label: str) -> None:
    heading = [["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2019"], []]
    marks = ["x", "x", "x", None, "x"]
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng", "Hồ Thị Em"]
    rows = [[i, n, "BS", m] for i, (n, m) in enumerate(zip(names, marks, strict=True), 1)]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP[:3], *heading, ["STT", "Họ và tên", "Chức vụ", label], *rows])])
    assert len(result.records) == 4  # before: 5, exit 0 (the column was ignored)
    assert [(p.code, p.row) for p in result.problems] == [("unclear-result", 10)]


@pytest.mark.parametrize("label", ["Tên cán bộ", "Tên cán bộ, viên chức", "Tên CB, GV, NV"])
def test_a_staff_name_header_is_the_name_column(tmp_path: Path, label: str) -> None:
    rows = [[1, "Nguyễn Văn An", "GV", "Lao động tiên tiến", 2019], [2, "Trần Thị Bình", "GV", "Lao động tiên tiến", 2019]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP, ["STT", label, "Chức vụ", "Danh hiệu", "Năm"], *rows])])
    assert len(result.records) == 2  # before: headless-list, no-table (exit 1)
    assert result.problems == []


# --- a collective with its own award over its numbered teams is their unit too ---------------------
def test_a_school_with_its_award_over_its_numbered_teams_is_their_unit(tmp_path: Path) -> None:
    header = ["STT", "Tên tập thể", "Danh hiệu"]
    rows = [[None, "Trường Tiểu học Kim Đồng", "Tập thể lao động xuất sắc"], [1, "Tổ 1", "Tập thể lao động tiên tiến"],
            [2, "Tổ 2", "Tập thể lao động tiên tiến"], [None, "Trường Tiểu học Lê Lợi", "Tập thể lao động tiên tiến"],
            [1, "Tổ 1", "Tập thể lao động tiên tiến"]]  # fmt: skip
    decision = ["(Kèm theo Quyết định số 12/QĐ-UBND ngày 20/12/2019 của Chủ tịch UBND tỉnh)"]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP[:4], decision, header, *rows])])
    frame = result.records
    assert list(zip(frame["name"], frame["unit"], strict=True)) == [
        ("Trường Tiểu học Kim Đồng", "BỆNH VIỆN ĐA KHOA HUYỆN"),
        ("Tổ 1", "Trường Tiểu học Kim Đồng"),
        ("Tổ 2", "Trường Tiểu học Kim Đồng"),
        ("Trường Tiểu học Lê Lợi", "BỆNH VIỆN ĐA KHOA HUYỆN"),
        ("Tổ 1", "Trường Tiểu học Lê Lợi"),
    ]
    assert result.problems == []  # before: Lê Lợi's "Tổ 1" a duplicate of Kim Đồng's, not counted


@pytest.mark.parametrize("line", [[None, "Trong đó: nữ 1"], [None, "Trong đó", None, None, "1 nữ"]])
def test_a_line_of_how_many_of_them_are_women_is_no_total(tmp_path: Path, line: list[Any]) -> None:
    rows = [*_PEOPLE[:2], [None, "Cộng", None, None, 2], line, _PEOPLE[2]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*_TOP, _HEADER, *rows])])
    assert len(result.records) == 3
    assert [(p.code, p.row) for p in result.checks] == [("after-total", 9)]  # before: total-differs and after-total at 10


# --- review of the rules above: what they must not take -------------------------------------------
def test_a_collective_named_tong_or_cong_is_no_subtotal(tmp_path: Path) -> None:
    header = ["STT", "Tên tập thể", "Năm"]
    rows = [[None, "Tổng công ty Điện lực miền Bắc", 2020], [1, "Công ty Điện lực Hà Nội", 2020],
            [2, "Công ty Điện lực Hải Phòng", 2020], [None, "Tổng đội Thanh niên xung phong", 2020],
            [3, "Đội Thanh niên xung phong số 1", 2020]]  # fmt: skip
    heading = [["DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2020"], ["(Kèm theo QĐ số 125/QĐ-BCT)"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*heading, header, *rows])])
    assert len(result.records) == 5  # before this review: 3, the other two taken for subtotals "2020", exit 0
    assert [c.code for c in result.checks if c.code in ("total-differs", "after-total")] == []


def test_cn_and_ks_are_branches_and_hotels_not_titles(tmp_path: Path) -> None:
    header = ["STT", "Tên cá nhân, tập thể", "Hình thức khen thưởng"]
    rows = [[1, "CN Trần Hưng Đạo", "Giấy khen"], [2, "KS Hoàng Long", "Giấy khen"], [3, "Đ/c Nguyễn Văn An", "Giấy khen"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2020"], header, *rows])])
    assert list(zip(result.records["name"], result.records["kind"], strict=True)) == [("Nguyễn Văn An", "Cá nhân")]
    assert [(p.code, p.row) for p in result.problems] == [("ambiguous-kind", 3), ("ambiguous-kind", 4)]


@pytest.mark.parametrize(
    "line",
    [
        "(Kèm theo Quyết định số ......./QĐ-UBND ngày ..../12/2020 của Chủ tịch UBND huyện)",
        "(Kèm theo Quyết định số 05/QĐ-THCS về việc thành lập Hội đồng thi đua)",
        "DỰ THẢO (Kèm theo Quyết định số 12/QĐ-UBND ngày 20/12/2020)",
    ],
)
def test_a_draft_or_another_decision_keeps_a_proposal_column_a_proposal(tmp_path: Path, line: str) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Danh hiệu đề nghị"]
    rows = [[1, "Nguyễn Văn An", "GV", "Lao động tiên tiến"], [2, "Trần Thị Bình", "GV", "Lao động tiên tiến"]]
    heading = [["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2020"], [line]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [*heading, header, *rows])])
    assert len(result.records) == 0  # before this review: 2, counted as decided, exit 0


def test_nganh_alone_in_an_unlabelled_column_is_a_level(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng", "Cột 5"]
    rows = [[1, "Nguyễn Văn An", "CV", "Bằng khen", "Ngành"], [2, "Trần Thị Bình", "CV", "Bằng khen", "Tỉnh"],
            [3, "Lê Văn Cường", "CV", "Bằng khen", "Ngành"]]  # fmt: skip
    result = load([write_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2020"], header, *rows])])
    assert Counter(result.records["level"]) == Counter({"Bộ": 2, "Tỉnh": 1})  # before this review: ambiguous-level


def test_two_sheets_citing_two_decisions_are_two_lists_not_a_copy(tmp_path: Path) -> None:
    people = [("Nguyễn Văn An", "BS"), ("Trần Thị Bình", "ĐD"), ("Lê Văn Cường", "BS"), ("Phạm Văn Dũng", "BS")]
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Số quyết định"]
    first = [[i, n, p, u, "Giấy khen", "20/QĐ-BV"] for i, ((n, p), u) in enumerate(zip(people, _UNITS[0], strict=True), 1)]
    header2 = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng", "Số quyết định"]
    again = [[i, n, p, "Giấy khen", "35/QĐ-BV"] for i, (n, p) in enumerate(people, 1)]  # another achievement's decision
    path = write_xlsx(tmp_path / "ds.xlsx", [*_TOP, header, *first], extra_sheets={"HKPĐ": [*_TOP, header2, *again]})
    result = load([path])
    assert len(result.records) == 8  # a guard: decisions in a column keep two Giấy khen apart (dedup._two_awards)
    assert [p.code for p in result.problems] == []
