"""Column roles from evidence, rows that are no records, proposals: real workbooks in tmp_path."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.records import RECORD_FIELDS
from thidua_cli.roles import assign_roles, header_vote

AT = {name: i for i, name in enumerate(RECORD_FIELDS)}
HEAD = [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], []]


def rows_of(result, *fields: str) -> list[tuple]:
    return sorted(tuple(r[AT[f]] for f in fields) for r in result.rows)


def test_a_column_of_levels_is_a_level_column_whatever_its_label_says(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu", "Danh hiệu"]]
    rows += [
        [i, f"Nguyễn Văn {n}", "Bằng khen", lvl]
        for i, (n, lvl) in enumerate(zip("ABCD", ["Tỉnh", "Bộ", "Tỉnh", "Bộ"], strict=False), 1)
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "award", "level") == [("Bằng khen", "Bộ")] * 2 + [("Bằng khen", "Tỉnh")] * 2
    assert result.problems == []


def test_long_sentences_that_mention_awards_are_not_an_award_column(tmp_path: Path):
    story = "Hoàn thành xuất sắc nhiệm vụ, nhiều năm liền đạt Lao động tiên tiến và được tặng Giấy khen"
    rows = [*HEAD, ["STT", "Họ và tên", "Nội dung thành tích", "Danh hiệu thi đua"]]
    rows += [[i, f"Trần Thị {n}", story, "Lao động tiên tiến"] for i, n in enumerate("ABC", 1)]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "award") == [("Lao động tiên tiến",)] * 3


def test_conflicting_evidence_reports_the_sheet_and_counts_nothing(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu", ""]]
    cells = ["Giấy khen", "Tỉnh", "Giấy khen", "Bộ"]
    rows += [
        [i, f"Lê Văn {n}", "Lao động tiên tiến", c] for i, (n, c) in enumerate(zip("ABCD", cells, strict=False), 1)
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert result.rows == []
    assert [p.code for p in result.problems] == ["ambiguous-columns"]
    assert result.errors  # exit 1: the sheet was not read


def test_header_votes_of_every_tier(catalogue):
    assert header_vote(("Khen thưởng", "Cấp khen"), catalogue).role == "level"
    assert header_vote(("Quyết định", "Số"), catalogue).how == "joined"
    assert header_vote(("Danh hiệu thi đua", "LĐTT"), catalogue).role == "tick"
    assert header_vote(("Khen thưởng",), catalogue).how == "exact"
    vote = header_vote(("Khen thưởng", "Danh hiệu, hình thức"), catalogue)
    assert (vote.role, vote.how) == ("award", "prefix")


def test_roles_weigh_cells_only_where_the_label_does_not_settle_it():
    catalogue = load_catalogue()
    grid = [
        ["STT", "Họ và tên", "Danh hiệu"],
        [1, "Nguyễn Văn An", "Giám đốc Sở"],
        [2, "Lê Thị Bình", "Tỉnh"],
        [3, "Hà Văn Cường", "Bộ"],
    ]
    roles = assign_roles(grid, [("STT",), ("Họ và tên",), ("Danh hiệu",)], 1, catalogue)
    assert [c.role for c in roles.columns] == ["stt", "name", "level"]
    assert roles.columns[0].cells == 0 and roles.columns[2].cells == 3
    explained = assign_roles(grid, [("STT",), ("Họ và tên",), ("Danh hiệu",)], 1, catalogue, explain=True)
    assert [c.role for c in explained.columns] == ["stt", "name", "level"]
    assert dict(explained.columns[1].shares)["name"] == 1.0


def test_a_bad_tick_is_reported_and_an_empty_row_gives_nothing(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên", "LĐTT", "Giấy khen"]]
    rows += [[1, "Đinh Văn An", "x", None], [2, "Đinh Văn Bảo", "?", "x"], [3, "Đinh Văn Cường", None, None]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "name", "award") == [("Đinh Văn An", "Lao động tiên tiến"), ("Đinh Văn Bảo", "Giấy khen")]
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [
        ("bad-tick", 5, "?", None),
        ("no-tick", 6, None, "1"),
    ]


def test_a_summary_sheet_is_never_added(tmp_path: Path):
    rows = [
        *HEAD,
        ["STT", "Tên đơn vị", "LĐTT", "Giấy khen"],
        [1, "Tổ Văn", 10, 3],
        [2, "Tổ Toán", 8, 2],
        [3, "Tổ Sử", 5, 1],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert result.rows == []  # and, with no list in the workbook, its 29 awards are in no tally:
    assert [(p.code, p.detail) for p in result.problems] == [("skipped-sheet", "summary"), ("summary-only", "29")]


def test_a_decision_made_on_a_proposal_is_no_proposal_list(tmp_path: Path):
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
        ["(Kèm theo Quyết định số 12/QĐ-SGDĐT, theo đề nghị của Trưởng phòng Tổ chức)"],
        ["Xét đề nghị của Hội đồng Thi đua - Khen thưởng"],
        ["STT", "Họ và tên", "Danh hiệu"],
        [1, "Kim Văn Phát", "Lao động tiên tiến"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert len(result.rows) == 1 and result.problems == []


def test_a_to_trinh_heading_is_a_proposal(tmp_path: Path):
    rows = [
        ["TỜ TRÌNH"],
        ["V/v đề nghị tặng Bằng khen năm 2020"],
        ["STT", "Họ và tên", "Hình thức"],
        [1, "Kim Văn Phát", "Bằng khen"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert result.rows == []
    assert [(p.code, p.detail) for p in result.problems] == [("proposal-list", "1")]
    assert result.errors == []  # a proposal list is a note, not an error


def test_name_cells_keep_the_name_and_give_the_position(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên, tên tập thể", "Chức vụ", "Danh hiệu"]]
    rows += [
        [1, "Nguyễn Văn An\nHiệu trưởng", None, "LĐTT"],
        [2, "Trần Thị Bình, Phó Hiệu trưởng", None, "LĐTT"],
        [3, "Lê Văn Cường - Tổ trưởng", "Giáo viên", "LĐTT"],
        [4, "Phòng Kế hoạch - Tài chính", None, "TTLĐTT"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "name", "position") == [
        ("Lê Văn Cường", "Giáo viên"),
        ("Nguyễn Văn An", "Hiệu trưởng"),
        ("Phòng Kế hoạch - Tài chính", ""),
        ("Trần Thị Bình", "Phó Hiệu trưởng"),
    ]


def test_a_position_after_the_name_is_a_position_word_or_a_title_starting_with_one(tmp_path: Path):
    """A position word ([names] positions) ends the name, whole or as the start of a longer title
    (word by word: "GVCN" is no "GV"); "Phó …" is a title there, not a second person's name."""
    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu"]]
    rows += [
        [1, "Lê Văn An - Giáo viên chủ nhiệm", "LĐTT"],
        [2, "Trần Thị Bình - GVCN", "LĐTT"],
        [3, "Hà Văn Cường, Phó Hiệu trưởng", "LĐTT"],
        [4, "Phạm Văn Giang - Phó Giám đốc Sở", "LĐTT"],
        [5, "Lý Thị Dung, Phó Hiệu trưởng, Võ Văn Em", "LĐTT"],
    ]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "name", "position") == [
        ("Hà Văn Cường", "Phó Hiệu trưởng"),
        ("Lê Văn An", "Giáo viên chủ nhiệm"),
        ("Phạm Văn Giang", "Phó Giám đốc Sở"),
        ("Trần Thị Bình - GVCN", ""),
    ]
    assert [(p.code, p.row) for p in result.problems] == [("several-people", 8)]


def test_a_person_without_a_number_is_never_taken_for_a_sub_heading(tmp_path: Path):
    rows = [['DANH SÁCH "LAO ĐỘNG TIÊN TIẾN" NĂM 2019'], ["STT", "Họ và tên", "Chức vụ"]]
    rows += [[1, "Nguyễn Văn An", "Giáo viên"], [None, "Trần Thị Bình"], [3, "Lê Văn Cường", "Giáo viên"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert len(result.rows) == 3


def test_inspect_shows_sub_headings_and_cli_reports_proposals(tmp_path: Path):
    rows = [['DANH SÁCH "LAO ĐỘNG TIÊN TIẾN" NĂM 2019'], ["STT", "Họ và tên"]]
    rows += [[None, "1. Trường THCS Kim Đồng"], [1, "Nguyễn Văn An"], [2, "Trần Thị Bình"]]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    out = CliRunner().invoke(app, ["inspect", str(path)])
    assert "subheading" in out.stdout and "Trường THCS Kim Đồng" in out.stdout
    result = load([path], jobs=1)
    assert rows_of(result, "unit") == [("Trường THCS Kim Đồng",)] * 2
    proposal = write_xlsx(
        tmp_path / "p.xlsx", [['DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN "LAO ĐỘNG TIÊN TIẾN" NĂM 2019'], *rows[1:]]
    )
    out = CliRunner().invoke(app, ["tally", "2019", str(proposal)])
    assert out.exit_code == 0
    assert "Danh sách đề nghị" in out.stderr or "Danh sách đề nghị" in out.output


def test_validate_compares_a_units_summary_sheet_with_its_lists(tmp_path: Path):
    names = [*HEAD, ["STT", "Họ và tên", "Danh hiệu"]]
    names += [[1, "Nguyễn Văn An", "LĐTT"], [2, "Lê Thị Bình", "LĐTT"], [3, "Hà Văn Cường", "Giấy khen"]]
    summary = [["BẢNG TỔNG HỢP NĂM 2019"], ["STT", "Tên đơn vị", "LĐTT", "Giấy khen"]]
    summary += [[1, "Tổ Văn", 1, 2], [2, "Tổ Toán", 1, 0], [None, "Tổng cộng", 2, 2]]
    path = write_xlsx(tmp_path / "a.xlsx", names, sheet="Danh sách", extra_sheets={"Tổng hợp": summary})
    result = load([path], jobs=1)
    assert len(result.rows) == 3  # the summary is never added
    assert [(c.code, c.sheet, c.row, c.value, c.detail) for c in result.checks] == [
        ("summary-mismatch", "Tổng hợp", 5, "Giấy khen", "2 / 1")
    ]
    out = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert "summary-mismatch" in out.stdout or "disagrees with the name lists" in out.stdout


def test_without_numbers_only_a_label_merged_across_is_a_sub_heading(tmp_path: Path):
    rows = [['DANH SÁCH "LAO ĐỘNG TIÊN TIẾN" NĂM 2019'], ["Họ và tên", "Chức vụ", "Ghi chú"]]
    rows += [["Trường THCS Kim Đồng"] * 3, ["Nguyễn Văn An", "Giáo viên"], ["Trần Văn Bình", "Kế toán"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows, merges=["A3:C3"])], jobs=1)
    assert rows_of(result, "name", "unit") == [
        ("Nguyễn Văn An", "Trường THCS Kim Đồng"),
        ("Trần Văn Bình", "Trường THCS Kim Đồng"),
    ]


def test_a_status_in_the_notes_is_a_status(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu", "Ghi chú"]]
    rows += [[1, "Nguyễn Văn An", "LĐTT", "Không đạt"], [2, "Lê Thị Bình", "LĐTT", "Đã nhận"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "name", "notes") == [("Lê Thị Bình", "Đã nhận")]
    assert [(p.code, p.value, p.detail) for p in result.problems] == [("not-awarded", "không đạt", "1")]


def test_inspect_reads_a_sheet_exactly_as_tally_does(tmp_path: Path):
    """Weighing the cells of settled columns (to explain) never changes a role or finds a conflict."""
    from thidua_cli.inspection import inspect_files

    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu", "Cấp khen"]]
    rows += [[i, f"Võ Văn {n}", "Giấy khen", "Giấy khen"] for i, n in enumerate("ABCD", 1)]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    result = load([path], jobs=1)
    sheet = inspect_files([path])[0].sheets[0]
    assert sheet.read and [c.role for c in sheet.columns] == ["stt", "name", "award", "level"]
    assert sheet.problems == tuple(p.as_dict() for p in result.problems)


def test_two_names_in_one_cell_are_not_split_into_name_and_position(tmp_path: Path):
    """Neither a name and a position nor one record: the row is reported (several-people)."""
    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu"], [1, "Nguyễn Văn An\nTrần Thị Bình", "LĐTT"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "name", "position") == []
    assert [(p.code, p.value) for p in result.problems] == [("several-people", "Nguyễn Văn An Trần Thị Bình")]


def test_a_group_label_typed_once_stands_over_the_labels_to_its_right(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên", "Danh hiệu", "Quyết định", None], [None, None, None, "Số", "Ngày"]]
    rows += [[1, "Ninh Văn Hải", "LĐTT", "5/QĐ-SGDĐT", "12/12/2019"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert rows_of(result, "decision_number", "decision_date") == [("5/QĐ-SGDĐT", "2019-12-12")]


def test_an_award_column_labelled_as_proposed_makes_a_proposal_list(tmp_path: Path):
    rows = [*HEAD, ["STT", "Họ và tên", "Hình thức khen thưởng đề nghị"], [1, "Từ Văn Lực", "Bằng khen UBND tỉnh"]]
    result = load([write_xlsx(tmp_path / "a.xlsx", rows)], jobs=1)
    assert result.rows == []
    assert [p.code for p in result.problems] == ["proposal-list"]
