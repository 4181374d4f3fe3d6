"""What the law's catalogue changes in a read list: impossible and two-level texts are findings,
a trailing period gives the year, a Kỷ niệm chương keeps its name (real workbooks)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import simple_sheet, write_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.loading import LoadResult

HEADER_NO_YEAR = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu thi đua/Hình thức khen thưởng", "Cấp khen"]


def _codes(result: LoadResult) -> list[tuple[str, int | None]]:
    return [(p.code, p.row) for p in result.problems]


def _records(result: LoadResult) -> list[tuple[str, str, str, int, str, int, int]]:
    frame = result.records
    return [
        (str(a), str(lv), str(k), int(y), str(d), int(s), int(e))
        for a, lv, k, y, d, s, e in zip(
            frame["award"],
            frame["level"],
            frame["kind"],
            frame["year"],
            frame["detail"],
            frame["period_start"],
            frame["period_end"],
            strict=True,
        )
    ]


def test_impossible_level_is_a_finding_never_a_record(tmp_path: Path) -> None:
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "Nguyễn Văn An", "", "", "Bằng khen của Giám đốc Sở", "", "", 2018],
            [2, "Trần Thị Bình", "", "", "Bằng khen", "Cấp huyện", "", 2018],
            [3, "Lê Văn Cường", "", "", "Giấy khen của Chủ tịch UBND tỉnh", "", "", 2018],
            [4, "Phạm Thị Dung", "", "", "Bằng khen của Chủ tịch UBND tỉnh", "", "", 2018],
            [5, "Võ Văn Em", "", "", "Bằng khen", "", "12/QĐ-SLĐTBXH", 2018],  # a Sở's decision
            [6, "Đặng Thị Giang", "", "", "LĐTT", "", "12/QĐ-BTC", 2018],  # one level only: kept
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert _codes(result) == [
        ("impossible-level", 7),
        ("impossible-level", 8),
        ("impossible-level", 9),
        ("impossible-level", 11),
    ]
    assert result.checks == []
    assert [(a, lv) for a, lv, *_ in _records(result)] == [("Bằng khen", "Tỉnh"), ("Lao động tiên tiến", "Cơ sở")]
    message = result.problems[0].message("en")
    assert "Bằng khen" in message and "cannot have" in message


def test_a_text_naming_two_levels_is_not_guessed(tmp_path: Path) -> None:
    rows = simple_sheet(
        [
            ["II. TẬP THỂ"],
            [1, "Phòng Kế toán", "", "", "Cờ thi đua cấp Bộ, ngành, tỉnh", "", "", 2018],
            [2, "Phòng Tổ chức", "", "", "Cờ thi đua cấp Bộ, ngành, tỉnh", "Cấp tỉnh", "", 2018],
            [3, "Phòng Hành chính", "", "", "Kỷ niệm chương cấp bộ, tỉnh", "", "", 2018],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    # row 9 is also a personal medal given to a collective: an error of its own, listed too
    assert _codes(result) == [("ambiguous-level", 7), ("ambiguous-level", 9), ("kind-mismatch", 9)]
    assert [(a, lv) for a, lv, *_ in _records(result)] == [("Cờ thi đua", "Tỉnh")]


def test_centrally_run_city_is_a_province(tmp_path: Path) -> None:
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "Nguyễn Văn An", "", "", "Bằng khen của Chủ tịch UBND thành phố Hà Nội", "", "", 2018],
            [2, "Trần Thị Bình", "", "", "Bằng khen UBND TP. Hồ Chí Minh", "", "", 2018],
            [3, "Lê Văn Cường", "", "", "Giấy khen của Chủ tịch UBND thành phố Thanh Hóa", "", "", 2018],
            [4, "Phạm Thị Dung", "", "", "Bằng khen của Tổng Giám đốc BHXH Việt Nam", "", "", 2018],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert result.problems == []
    assert [(a, lv) for a, lv, *_ in _records(result)] == [
        ("Bằng khen", "Tỉnh"),
        ("Bằng khen", "Tỉnh"),
        ("Giấy khen", "Cơ sở"),
        ("Bằng khen", "Bộ"),
    ]
    assert result.records["issuer"].iloc[0] == "Chủ tịch UBND thành phố trực thuộc trung ương"


def test_period_in_the_award_text_gives_the_year(tmp_path: Path) -> None:
    rows = [
        ["DANH SÁCH KHEN THƯỞNG"],
        HEADER_NO_YEAR,
        [1, "Nguyễn Văn An", "", "", "Lao động tiên tiến năm học 2023-2024", ""],
        [2, "Trần Thị Bình", "", "", "Chiến sĩ thi đua cấp tỉnh giai đoạn 2019-2021", ""],
        [3, "Lê Văn Cường", "", "", "Chiến sĩ thi đua cơ sở năm 2022", ""],
        [4, "Phạm Thị Dung", "", "", "Bằng khen của Thủ tướng Chính phủ (2016-2020)", ""],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert result.problems == []
    assert [(a, y, s, e) for a, _lv, _k, y, _d, s, e in _records(result)] == [
        ("Lao động tiên tiến", 2024, 2023, 2024),
        ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", 2021, 2019, 2021),
        ("Chiến sĩ thi đua cơ sở", 2022, 2022, 2022),
        ("Bằng khen", 2020, 2016, 2020),
    ]


def test_year_column_wins_over_the_text_and_a_single_year_is_its_own_period(tmp_path: Path) -> None:
    rows = simple_sheet(
        [
            [1, "Nguyễn Văn An", "", "", "Lao động tiên tiến năm 2019", "", "", 2019],
            [2, "Trần Thị Bình", "", "", "Lao động tiên tiến", "", "", 2018],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert [(y, s, e) for _a, _lv, _k, y, _d, s, e in _records(result)] == [
        (2019, 2019, 2019),
        (2018, 2018, 2018),
    ]


def test_school_list_keeps_every_ky_niem_chuong_and_nha_giao_uu_tu(tmp_path: Path) -> None:
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "Nguyễn Thị Hoa", "Giáo viên", "Trường THCS A", "Kỷ niệm chương Vì sự nghiệp giáo dục", "", "", 2020],
            [2, "Trần Văn Nam", "Hiệu trưởng", "Trường THCS A", 'KNC "Vì sự nghiệp Giáo dục"', "", "", 2020],
            [3, "Lê Thị Mai", "Giáo viên", "Trường THCS A", "Nhà giáo ưu tú", "", "", 2020],
            [4, "Phạm Văn Hùng", "Giáo viên", "Trường THCS A", "NGƯT", "", "", 2020],
            [5, "Võ Thị Lan", "Giáo viên", "Trường THCS A", "Nhà giáo nhân dân", "", "", 2020],
        ],
        heading="DANH SÁCH KHEN THƯỞNG NĂM HỌC 2019-2020",
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert result.problems == []
    assert [(a, lv, k, d) for a, lv, k, _y, d, _s, _e in _records(result)] == [
        ("Kỷ niệm chương", "Bộ", "Cá nhân", "Vì sự nghiệp Giáo dục"),
        ("Kỷ niệm chương", "Bộ", "Cá nhân", "Vì sự nghiệp Giáo dục"),
        ("Nhà giáo ưu tú", "Nhà nước", "Cá nhân", ""),
        ("Nhà giáo ưu tú", "Nhà nước", "Cá nhân", ""),
        ("Nhà giáo nhân dân", "Nhà nước", "Cá nhân", ""),
    ]
    assert set(result.records["category"].astype(str)) == {"Hình thức khen thưởng", "Danh hiệu vinh dự Nhà nước"}


def test_cli_validate_reports_impossible_level_and_tally_groups_the_new_category(tmp_path: Path) -> None:
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "Nguyễn Văn An", "", "", "Bằng khen của Giám đốc Sở", "", "", 2018],
            [2, "Lê Thị Mai", "", "", "NGƯT", "", "", 2018],
        ]
    )
    path = write_xlsx(tmp_path / "x.xlsx", rows)
    runner = CliRunner()
    out = runner.invoke(app, ["validate", str(path), "--format", "json"])
    findings = json.loads(out.stdout)["findings"]
    assert [(f["code"], f["row"]) for f in findings] == [("impossible-level", 7)]
    out = runner.invoke(app, ["tally", "2018", str(path), "--format", "json", "-q"])
    assert out.exit_code == 1  # a row not counted
    assert json.loads(out.stdout)["total"] == 1
    out = runner.invoke(app, ["tally", "2018", str(path), "-q"])
    assert "DANH HIỆU VINH DỰ NHÀ NƯỚC" in out.stdout


def test_kind_named_in_the_award_text(tmp_path: Path) -> None:
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
        HEADER_NO_YEAR,
        [1, "Phòng Kế toán", "", "", "Giấy khen tập thể", ""],
        [2, "Nguyễn Văn An", "", "", "Giấy khen cá nhân", ""],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert result.problems == []
    assert [(a, k) for a, _lv, k, *_ in _records(result)] == [("Giấy khen", "Tập thể"), ("Giấy khen", "Cá nhân")]


_FORM = "Mẫu số 03 (Ban hành kèm theo Quyết định số 05/2020/QĐ-UBND ngày 15/01/2020 của UBND tỉnh)"


def _bang_khen(tmp_path: Path, lines: list[str]) -> Path:
    people = [[1, "Nguyễn Văn An", "Phòng Hành chính"], [2, "Trần Thị Bình", "Phòng Kế toán"]]
    return write_xlsx(tmp_path / "bk.xlsx", [*([line] for line in lines), [], ["STT", "Họ và tên", "Đơn vị công tác"], *people])


def test_a_forms_regulation_line_is_not_the_lists_decision(tmp_path: Path) -> None:
    """Review: the form's own line ("Mẫu số 03 (Ban hành kèm theo Quyết định số 05/2020/QĐ-UBND …
    của UBND tỉnh)": the rules it follows) gave its signer's level: a Bộ trưởng's Bằng khen was
    counted at Tỉnh, and one whose level nobody wrote was counted at Tỉnh too, exit 0."""
    heading = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN NĂM 2021"
    decided = "(Kèm theo Quyết định số 112/QĐ-LĐTBXH ngày 20/12/2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)"
    result = load([_bang_khen(tmp_path, [_FORM, heading, decided])])
    assert list(result.records["level"]) == ["Bộ", "Bộ"] and result.problems == []
    result = load([_bang_khen(tmp_path, [_FORM, heading])])
    assert result.records.empty and [p.code for p in result.problems] == ["ambiguous-level", "ambiguous-level"]
