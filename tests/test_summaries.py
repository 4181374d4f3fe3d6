"""Summary count tables of the shapes units send (award rows × kind, level or year columns; unit
rows × award columns without a name header): recognised, never counted, compared with the name
lists of the same workbook by `validate` (`summary-mismatch`). Real workbooks in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.inspection import inspect_files
from thidua_cli.layout import NoTable, find_table
from thidua_cli.reading import read_workbook

# The name list every summary below is compared with (2020): 3 LĐTT, 1 CSTĐCS, Giấy khen to one
# person and one collective, a Bằng khen of the province, one TTLĐTT.
NAMES: list[list[Any]] = [
    ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
    [],
    ["STT", "Họ và tên", "Đối tượng", "Danh hiệu, hình thức khen thưởng"],
    [1, "Nguyễn Văn An", "Cá nhân", "Lao động tiên tiến"],
    [2, "Trần Thị Bình", "Cá nhân", "Lao động tiên tiến"],
    [3, "Lê Văn Cường", "Cá nhân", "Lao động tiên tiến"],
    [4, "Phạm Thị Dung", "Cá nhân", "Chiến sĩ thi đua cơ sở"],
    [5, "Hoàng Văn Em", "Cá nhân", "Giấy khen"],
    [6, "Tổ Ngữ văn", "Tập thể", "Giấy khen"],
    [7, "Vũ Thị Giang", "Cá nhân", "Bằng khen của Chủ tịch UBND tỉnh"],
    [8, "Tổ Toán - Tin", "Tập thể", "Tập thể lao động tiên tiến"],
]
TITLE: list[list[Any]] = [["BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG NĂM 2020"], []]


def kind_columns(gk_collective: int = 1) -> list[list[Any]]:
    """(a): award rows × kind columns, a total column and a total row."""
    return [
        *TITLE,
        ["STT", "Danh hiệu / Hình thức khen thưởng", "Cá nhân", "Tập thể", "Tổng số"],
        [1, "Lao động tiên tiến", 3, None, 3],
        [2, "Chiến sĩ thi đua cơ sở", 1, None, 1],
        [3, "Giấy khen", 1, gk_collective, 1 + gk_collective],
        [4, "Bằng khen của Chủ tịch UBND tỉnh", 1, None, 1],
        [5, "Tập thể lao động tiên tiến", None, 1, 1],
        [None, "Tổng cộng", 6, 1 + gk_collective, 7 + gk_collective],
    ]


def book(tmp_path: Path, summary: list[list[Any]], merges: tuple[str, ...] = (), name: str = "a.xlsx") -> Path:
    return write_xlsx(tmp_path / name, summary, merges, sheet="Tổng hợp", extra_sheets={"Danh sách": NAMES})


def summary_of(path: Path):  # type: ignore[no-untyped-def]
    catalogue = load_catalogue()
    sheet = read_workbook(path).sheets[0]
    (found,) = find_table(sheet, catalogue, (sheet.name,))
    assert isinstance(found, NoTable) and found.reason == "summary", found
    assert found.summary is not None
    return found.summary


def grains(summary) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return sorted((c.award, c.kind, c.level, c.year, c.count) for c in summary.counts)


def mismatches(path: Path) -> list[tuple[object, ...]]:
    result = load([path], jobs=1)
    assert len(result.rows) == len(NAMES) - 3  # the summary is never added
    return [(c.code, c.sheet, c.cell, c.value, c.detail) for c in result.checks if c.code.startswith("summary")]


def test_award_rows_by_kind_are_a_summary_at_award_and_kind(tmp_path: Path):
    path = book(tmp_path, kind_columns())
    summary = summary_of(path)
    assert summary.year == 2020 and summary.shape == "award-rows"
    assert grains(summary) == [
        ("Bằng khen", "Cá nhân", ("Tỉnh",), None, 1),
        ("Chiến sĩ thi đua cơ sở", "Cá nhân", (), None, 1),
        ("Giấy khen", "Cá nhân", (), None, 1),
        ("Giấy khen", "Tập thể", (), None, 1),
        ("Lao động tiên tiến", "Cá nhân", (), None, 3),
        ("Tập thể lao động tiên tiến", "Tập thể", (), None, 1),
    ]
    assert mismatches(path) == []
    result = load([path], jobs=1)
    assert ("skipped-sheet", "Tổng hợp", "summary") in [(p.code, p.sheet, p.detail) for p in result.problems]


def test_a_disagreeing_cell_is_exactly_that_mismatch(tmp_path: Path):
    path = book(tmp_path, kind_columns(gk_collective=2))
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "D6", "Giấy khen, Tập thể", "2 / 1")]
    out = CliRunner().invoke(app, ["validate", str(path), "--lang", "en", "--format", "json"])
    found = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "summary-mismatch"]
    assert [(f["sheet"], f["cell"], f["row"], f["column"], f["value"]) for f in found] == [
        ("Tổng hợp", "D6", 6, "Tập thể", "Giấy khen, Tập thể")
    ]
    assert '"Giấy khen, Tập thể" as 2 / 1' in found[0]["message"]
    table = CliRunner().invoke(app, ["validate", str(path)], terminal_width=200)
    assert "summary-mismatch" in table.stdout and "D6" in table.stdout and "2 / 1" in table.stdout


@pytest.mark.parametrize(
    "header",
    [["STT", "Hình thức", "Số lượng"], ["STT", "Hình thức", "Số lượng", "Ghi chú"]],
)
def test_award_rows_with_one_count_column(tmp_path: Path, header: list[str]):
    rows = [*TITLE, header, [1, "LĐTT", 3], [2, "CSTĐCS", 1], [3, "Giấy khen", 2], [None, "Cộng", 6]]
    path = book(tmp_path, rows)
    assert grains(summary_of(path)) == [
        ("Chiến sĩ thi đua cơ sở", None, (), None, 1),
        ("Giấy khen", None, (), None, 2),
        ("Lao động tiên tiến", None, (), None, 3),
    ]
    assert mismatches(path) == []
    rows[5][2] = 4  # Giấy khen: 4 in the summary, 2 in the list
    path = book(tmp_path, rows, name="b.xlsx")
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "C6", "Giấy khen", "4 / 2")]


def test_award_rows_with_counts_of_individuals(tmp_path: Path):
    rows = [*TITLE, ["TT", "Danh hiệu thi đua", "Số cá nhân"], [1, "Lao động tiên tiến", 3], [2, "CSTĐCS", 2]]
    rows += [[3, "Giấy khen", "-"], [4, "Bằng khen", "-"], [5, "Huân chương Lao động hạng Ba", "-"]]
    path = book(tmp_path, rows)
    assert grains(summary_of(path)) == [
        ("Chiến sĩ thi đua cơ sở", "Cá nhân", (), None, 2),
        ("Lao động tiên tiến", "Cá nhân", (), None, 3),
    ]
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "C5", "Chiến sĩ thi đua cơ sở, Cá nhân", "2 / 1")]


def test_award_rows_by_level(tmp_path: Path):
    rows = [
        *TITLE,
        ["STT", "Hình thức khen thưởng", "Cấp cơ sở", "Cấp tỉnh", "Cấp Bộ"],
        [1, "Giấy khen", 2, None, None],
        [2, "Bằng khen", 0, 1, 1],
    ]
    path = book(tmp_path, rows)
    assert grains(summary_of(path)) == [
        ("Bằng khen", None, ("Bộ",), None, 1),
        ("Bằng khen", None, ("Cơ sở",), None, 0),
        ("Bằng khen", None, ("Tỉnh",), None, 1),
        ("Giấy khen", None, ("Cơ sở",), None, 2),
    ]
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "E5", "Bằng khen, Bộ", "1 / 0")]


def test_a_two_tier_header_gives_the_kind_under_a_group(tmp_path: Path):
    rows = [
        *TITLE,
        ["STT", "Danh hiệu, hình thức", "Số lượng", None, "Ghi chú"],
        [None, None, "Cá nhân", "Tập thể", None],
        [1, "Giấy khen", 1, 1, None],
        [2, "TTLĐTT", None, 3, "nhiều tổ"],
    ]
    path = book(tmp_path, rows, merges=("A3:A4", "B3:B4", "C3:D3", "E3:E4"))
    summary = summary_of(path)
    assert summary.header_rows == (2, 3)
    assert grains(summary) == [
        ("Giấy khen", "Cá nhân", (), None, 1),
        ("Giấy khen", "Tập thể", (), None, 1),
        ("Tập thể lao động tiên tiến", "Tập thể", (), None, 3),
    ]
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "D6", "Tập thể lao động tiên tiến, Tập thể", "3 / 1")]


def test_award_rows_by_year_compare_each_year(tmp_path: Path):
    rows = [
        ["BẢNG TỔNG HỢP KHEN THƯỞNG GIAI ĐOẠN 2019 - 2021"],
        [],
        ["STT", "Danh hiệu", 2019, 2020, 2021],
        [1, "Lao động tiên tiến", 0, 3, 0],
        [2, "Chiến sĩ thi đua cơ sở", 0, 1, 2],
    ]
    path = book(tmp_path, rows)
    summary = summary_of(path)
    assert ("Lao động tiên tiến", None, (), 2020, 3) in grains(summary)
    assert len(summary.counts) == 6
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "E5", "Chiến sĩ thi đua cơ sở, 2021", "2 / 0")]


@pytest.mark.parametrize("unit_label", ["Đơn vị", "Tên đơn vị", "Phòng, ban", None])
def test_unit_rows_by_award_columns(tmp_path: Path, unit_label: str | None):
    rows = [
        *TITLE,
        ["STT", unit_label, "LĐTT", "CSTĐCS", "Giấy khen", "Tổng"],
        [1, "Tổ Văn", 2, 1, 1, 4],
        [2, "Tổ Toán", 1, 0, 1, 2],
        [None, "Tổng cộng", 3, 1, 2, 6],
    ]
    path = book(tmp_path, rows)
    assert grains(summary_of(path)) == [
        ("Chiến sĩ thi đua cơ sở", None, (), None, 1),
        ("Giấy khen", None, (), None, 2),
        ("Lao động tiên tiến", None, (), None, 3),
    ]
    assert mismatches(path) == []
    rows[5][3] = 2
    assert mismatches(book(tmp_path, rows, name="b.xlsx")) == [
        ("summary-mismatch", "Tổng hợp", "D6", "Chiến sĩ thi đua cơ sở", "2 / 1")
    ]


def test_an_award_the_catalogue_does_not_read_is_reported_not_guessed(tmp_path: Path):
    rows = [*TITLE, ["STT", "Hình thức", "Số lượng"], [1, "LĐTT", 3], [2, "CSTĐCS", 1], [3, "Khen thưởng đột xuất xịn", 5]]
    path = book(tmp_path, rows)
    summary = summary_of(path)
    assert [(u.row, u.column, u.text) for u in summary.unread] == [(6, 1, "Khen thưởng đột xuất xịn")]
    assert mismatches(path) == [("summary-unknown-award", "Tổng hợp", "B6", "Khen thưởng đột xuất xịn", None)]


def test_a_list_without_a_name_header_is_no_summary(tmp_path: Path):
    """Units with award texts and years, or a tick matrix of 1s: never a summary, never counted. The
    units' rows, which read as records (a number, a name, an award), are said as an error (headless-list)."""
    units = [*TITLE, ["STT", "Đơn vị", "Danh hiệu", "Năm"], [1, "Tổ Văn", "TTLĐTT", 2020], [2, "Tổ Sử", "TTLĐTT", 2020]]
    ticks = [*TITLE, ["STT", "Đơn vị", "TTLĐTT", "Giấy khen"], [1, "Tổ Văn", 1, None], [2, "Tổ Sử", None, 1]]
    plan = [["KẾ HOẠCH THI ĐUA NĂM 2020"], ["STT", "Nội dung", "Thời gian"], [1, "Phát động thi đua", "Tháng 1"]]
    found = [
        [("headless-list", "2")],
        [("no-table", None), ("skipped-sheet", "no-header")],  # nothing read from the file: exit 1 (before: 0)
        [("skipped-sheet", "document")],  # a plan, and says so: noted
    ]
    for i, rows in enumerate((units, ticks, plan)):
        path = write_xlsx(tmp_path / f"{i}.xlsx", rows)
        result = load([path], jobs=1)
        assert result.rows == [] and [(p.code, p.detail) for p in result.problems] == found[i]


def test_a_summary_alone_is_recognised_and_nothing_compared(tmp_path: Path):
    """Not compared, never counted, and an error: the 12 awards it counts are in no tally
    (before: reported as a skipped sheet only, exit 0)."""
    path = write_xlsx(tmp_path / "a.xlsx", kind_columns(gk_collective=5))
    result = load([path], jobs=1)
    assert result.rows == [] and result.checks == []
    found = [(p.code, p.row, p.detail) for p in result.problems]
    assert found == [("skipped-sheet", None, "summary"), ("summary-only", 4, "12")]
    runner = CliRunner()
    tallied = runner.invoke(app, ["tally", "2020", str(path), "--no-cache"])
    assert tallied.exit_code == 1 and "summary-only" in tallied.output
    checked = runner.invoke(app, ["validate", str(path), "--no-cache"])
    assert checked.exit_code == 1
    assert "summary-only" in checked.output and "no-table" not in checked.output


def test_inspect_shows_a_summary_with_its_counts(tmp_path: Path):
    path = book(tmp_path, kind_columns())
    sheet = inspect_files([path])[0].sheets[0]
    assert sheet.reason == "summary" and sheet.header_rows == (3, 3)
    assert sheet.summary is not None and len(sheet.summary.counts) == 6
    out = CliRunner().invoke(app, ["inspect", str(path), "--lang", "en"], terminal_width=200)
    assert out.exit_code == 0
    assert "Lao động tiên tiến" in out.stdout and "C4" in out.stdout and "Cá nhân" in out.stdout
    data = json.loads(CliRunner().invoke(app, ["inspect", str(path), "--format", "json"]).stdout)
    assert data == [f.as_dict() for f in inspect_files([path])]
    assert data[0]["sheets"][0]["summary"]["counts"][0]["award"] == "Lao động tiên tiến"


def test_a_summary_none_of_whose_awards_is_known_is_reported_whole(tmp_path: Path):
    rows = [*TITLE, ["STT", "Hình thức khen thưởng", "Cá nhân", "Tập thể"], [1, "Khen A lạ", 3, 1], [2, "Khen B lạ", 2, None]]
    path = book(tmp_path, rows)
    summary = summary_of(path)
    assert summary.counts == () and [u.text for u in summary.unread] == ["Khen A lạ", "Khen B lạ"]
    assert [(c, cell) for c, _, cell, _, _ in mismatches(path)] == [
        ("summary-unknown-award", "B4"),
        ("summary-unknown-award", "B5"),
    ]


def test_a_total_row_first_is_a_total_never_an_award(tmp_path: Path):
    rows = [
        *TITLE,
        ["STT", "Danh hiệu, hình thức", "Cá nhân", "Tập thể"],
        [None, "Tổng số", 5, 2],
        [1, "Lao động tiên tiến", 3, None],
        [2, "Giấy khen", 2, 1],
        [3, "Tập thể lao động tiên tiến", None, 1],
    ]
    path = book(tmp_path, rows)
    assert grains(summary_of(path)) == [
        ("Giấy khen", "Cá nhân", (), None, 2),
        ("Giấy khen", "Tập thể", (), None, 1),
        ("Lao động tiên tiến", "Cá nhân", (), None, 3),
        ("Tập thể lao động tiên tiến", "Tập thể", (), None, 1),
    ]
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "C6", "Giấy khen, Cá nhân", "2 / 1")]


def test_the_detector_never_takes_a_name_list_for_a_summary():
    """Run on every sheet of the gallery and of sample_data, even those read as lists (whatever
    decides when it is asked): only the summary families are summaries."""
    from thidua_cli.layout import prepare_grid
    from thidua_cli.summaries import find_summary

    root = Path(__file__).resolve().parent.parent
    catalogue = load_catalogue()
    found = []
    for folder in (root / "tests" / "data" / "gallery", root / "sample_data"):
        for path in sorted(folder.rglob("*.xls*")):
            for sheet in read_workbook(path).sheets:
                if find_summary(sheet.name, prepare_grid(sheet)[0], catalogue) is not None:
                    found.append((path.name, sheet.name))
    assert found == [("summary.xlsx", "summary"), ("summary_by_kind.xlsx", "summary_by_kind")]


def test_unit_rows_by_award_columns_split_by_kind(tmp_path: Path):
    rows = [
        *TITLE,
        ["Phòng, ban", "LĐTT", "Giấy khen", None],
        [None, None, "Cá nhân", "Tập thể"],
        ["Tổ Văn", 2, 1, 1],
        ["Tổ Toán", 1, 0, 2],
        ["Cộng", 3, 1, 3],
    ]
    path = book(tmp_path, rows, merges=("A3:A4", "B3:B4", "C3:D3"))
    assert grains(summary_of(path)) == [
        ("Giấy khen", "Cá nhân", (), None, 1),
        ("Giấy khen", "Tập thể", (), None, 3),
        ("Lao động tiên tiến", None, (), None, 3),
    ]
    assert mismatches(path) == [("summary-mismatch", "Tổng hợp", "D7", "Giấy khen, Tập thể", "3 / 1")]


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("BẢNG TỔNG HỢP KHEN THƯỞNG NĂM 2020", 2020),
        ("BẢNG TỔNG HỢP KHEN THƯỞNG NĂM 2019", 2019),
        ("TỔNG HỢP KHEN THƯỞNG NĂM HỌC 2019-2020", 2020),
        ("TỔNG HỢP KHEN THƯỞNG TỪ NĂM 2016 ĐẾN NĂM 2020", None),
        ("BẢNG TỔNG HỢP KHEN THƯỞNG GIAI ĐOẠN 2016 - 2020", None),
    ],
)
def test_a_summary_of_a_period_is_compared_with_every_year(tmp_path: Path, heading: str, year: int | None):
    rows = [[heading], ["Hà Nội, ngày 5 tháng 1 năm 2022"], [], *kind_columns()[2:]]
    path = book(tmp_path, rows)
    assert summary_of(path).year == year
    found = mismatches(path)
    if year == 2019:  # the lists are of 2020: every number of the summary disagrees
        assert [detail for *_, detail in found] == ["3 / 0", "1 / 0", "1 / 0", "1 / 0", "1 / 0", "1 / 0"]
    else:
        assert found == []


def test_sections_issuer_sub_rows_and_a_merged_total(tmp_path: Path):
    rows = [
        *TITLE,
        ["STT", "Danh hiệu, hình thức khen thưởng", "Cá nhân", "Tập thể"],
        ["I", "DANH HIỆU THI ĐUA", None, None],
        [1, "Lao động tiên tiến", 3, None],
        ["II", "HÌNH THỨC KHEN THƯỞNG", None, None],
        [2, "Bằng khen", 1, 0],
        [None, "- Thủ tướng Chính phủ", 0, 0],
        [None, "- Chủ tịch UBND tỉnh", 1, 0],
        ["Tổng cộng", None, 4, 0],
    ]
    path = book(tmp_path, rows, merges=("A10:B10",))
    assert grains(summary_of(path)) == [
        ("Bằng khen", "Cá nhân", (), None, 1),
        ("Bằng khen", "Cá nhân", ("Chính phủ",), None, 0),
        ("Bằng khen", "Cá nhân", ("Tỉnh",), None, 1),
        ("Bằng khen", "Tập thể", (), None, 0),
        ("Bằng khen", "Tập thể", ("Chính phủ",), None, 0),
        ("Bằng khen", "Tập thể", ("Tỉnh",), None, 0),
        ("Lao động tiên tiến", "Cá nhân", (), None, 3),
    ]
    assert mismatches(path) == []
    rows[7][2] = 2  # two Bằng khen of the Prime Minister in the summary, none in the list
    assert mismatches(book(tmp_path, rows, merges=("A10:B10",), name="b.xlsx")) == [
        ("summary-mismatch", "Tổng hợp", "C8", "Bằng khen, Cá nhân, Chính phủ", "2 / 0")
    ]


def test_a_named_list_of_units_with_ticks_stays_a_tick_matrix(tmp_path: Path):
    """ "Tên đơn vị" with award columns of ticks is a list (one record per tick), never a summary."""
    rows = [*TITLE, ["STT", "Tên đơn vị", "TTLĐTT", "Giấy khen"], [1, "Tổ Văn", "x", None], [2, "Tổ Sử", "x", "x"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert sorted((r[3], r[7]) for r in result.rows) == [
        ("Tổ Sử", "Giấy khen"),
        ("Tổ Sử", "Tập thể lao động tiên tiến"),
        ("Tổ Văn", "Tập thể lao động tiên tiến"),
    ]


def test_a_dash_in_a_count_cell_states_nothing(tmp_path: Path):
    rows = [
        *TITLE,
        ["STT", "Tên đơn vị", "LĐTT", "Giấy khen"],
        [1, "Tổ Văn", 2, "-"],
        [2, "Tổ Toán", 1, 2],
        [None, "Tổng cộng", 3, 2],
    ]
    path = book(tmp_path, rows)
    assert grains(summary_of(path)) == [("Giấy khen", None, (), None, 2), ("Lao động tiên tiến", None, (), None, 3)]


def test_a_summary_beside_its_unit_s_list_in_another_file_is_no_error(tmp_path: Path):
    """Review: a unit that sends the list and the summary as two files got summary-only, exit 1."""
    unit = tmp_path / "don-vi"
    unit.mkdir()
    write_xlsx(unit / "danh-sach.xlsx", NAMES)
    write_xlsx(unit / "tong-hop.xlsx", kind_columns())
    alone = tmp_path / "khac"
    alone.mkdir()
    write_xlsx(alone / "tong-hop.xlsx", kind_columns(gk_collective=5))  # other content: no copy of the first
    result = load([tmp_path], jobs=1)
    assert len(result.rows) == len(NAMES) - 3
    assert [(p.code, p.file.split("/")[-2]) for p in result.problems if p.code == "summary-only"] == [
        ("summary-only", "khac")
    ]
