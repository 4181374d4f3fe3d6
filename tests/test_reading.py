"""One real workbook per numbered point of the tally issue ("Reading what units really send")."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlwt

from tests.conftest import HEADER, SAMPLE, simple_sheet, write_xlsx
from thidua_cli import load, tally
from thidua_cli.loading import read_file


def counts(result, by=("award", "level", "kind", "year")) -> list[tuple]:
    frame = tally(result.records, None, list(by))
    return [tuple(str(v) if not isinstance(v, int) else v for v in row) for row in frame.itertuples(index=False)]


def codes(result) -> list[tuple[str, str | None, int | None]]:
    return [(p.code, p.sheet, p.row) for p in result.problems]


# 1. recursive walk, every format, every sheet; lock files and other files ignored
def test_walks_folders_and_reads_every_sheet(tmp_path: Path):
    rows = simple_sheet([[1, "Lê Văn An", "", "", "LĐTT", "", "", 2018]])
    write_xlsx(tmp_path / "a" / "b" / "don-vi.xlsx", rows, sheet="S1", extra_sheets={"S2": rows})
    write_xlsx(tmp_path / "don-vi.xlsm", rows)
    (tmp_path / "~$don-vi.xlsx").write_bytes(b"lock")
    (tmp_path / "ghi-chu.txt").write_text("không phải bảng tính")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("2018")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v)
    wb.save(str(tmp_path / "cu.xls"))
    result = load([tmp_path], keep_duplicates=True)
    assert len(result.files) == 3
    assert len(result.records) == 4
    assert result.problems == []
    merged = load([tmp_path])  # the same award to the same person, four times: counted once
    assert len(merged.records) == 1 and [p.code for p in merged.problems] == ["duplicate"] * 3


def test_reads_ods(tmp_path: Path):
    from tests.conftest import write_ods

    rows = [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], ["STT", "Họ và tên", "Danh hiệu"], [1, "Lê Văn An", "LĐTT"]]
    path = write_ods(tmp_path / "don-vi.ods", rows, sheet="DS")
    assert counts(load([path])) == [("Lao động tiên tiến", "Cơ sở", "Cá nhân", 2019, 1)]


# 2. corrupt, fake and password-protected files are reported and skipped; other sheets skipped as info
def test_unreadable_files_are_skipped_with_reason(tmp_path: Path):
    write_xlsx(tmp_path / "tot.xlsx", simple_sheet([[1, "Lê Văn An", "", "", "LĐTT", "", "", 2018]]))
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "trang-web.xls").write_text("<html><table><tr><td>x</td></tr></table></html>")
    from msoffcrypto.format.ooxml import OOXMLFile

    with (tmp_path / "tot.xlsx").open("rb") as plain, (tmp_path / "mat-khau.xlsx").open("wb") as locked:
        OOXMLFile(plain).encrypt("bi-mat", locked)
    result = load([tmp_path])
    reasons = {Path(p.file).name: p.detail for p in result.problems if p.code == "unreadable"}
    assert reasons == {"hong.xlsx": "corrupt", "trang-web.xls": "html", "mat-khau.xlsx": "password"}
    assert len(result.records) == 1


def test_sheet_without_award_table_is_skipped_not_an_error(tmp_path: Path):
    plan = [["KẾ HOẠCH THI ĐUA NĂM 2019"], ["STT", "Nội dung", "Thời gian"], [1, "Phát động", "Tháng 1"]]
    staff = [["STT", "Họ và tên", "Chức vụ"], [1, "Lê Văn An", "Chuyên viên"]]
    path = write_xlsx(tmp_path / "x.xlsx", plan, sheet="Kế hoạch", extra_sheets={"Nhân sự": staff})
    result = load([path])
    assert [(p.code, p.sheet, p.detail) for p in result.problems] == [
        ("skipped-sheet", "Kế hoạch", "document"),
        ("skipped-sheet", "Nhân sự", "no-award"),
    ]
    assert result.errors == []


# 3. header anywhere in the first 30 rows, two-row merged header, column-number row
def test_two_row_merged_header_and_column_numbers(tmp_path: Path):
    rows = [[None]] * 12 + [
        ["TT", "Họ tên", "Hình thức", "Quyết định", None, "Năm"],
        [None, None, None, "Số", "Ngày", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I. CÁ NHÂN"],
        [1, "Lê Văn An", "BK", "45/QĐ-TTg", "20/12/2018", 2018],
    ]
    path = write_xlsx(tmp_path / "x.xlsx", rows, merges=["A13:A14", "B13:B14", "C13:C14", "D13:E13", "F13:F14"])
    result = load([path])
    assert counts(result) == [("Bằng khen", "Chính phủ", "Cá nhân", 2018, 1)]
    record = result.records.iloc[0]
    assert (record["row"], record["decision_number"], record["decision_date"]) == (17, "45/QĐ-TTg", "2018-12-20")


# 4. header variants, case/accent/spacing-insensitive; "Số, ngày quyết định" in one cell
def test_header_variants(tmp_path: Path):
    rows = [
        [
            "  HỌ VÀ TÊN ",
            "Đơn vị công tác",
            "Đối tượng",
            "Danh hiệu thi đua, hình thức khen thưởng",
            "Cơ quan quyết định",
            "Số, ngày quyết định",
            "Năm học",
            "Ghi chú",
        ],
        [
            "Phòng Kế toán",
            "Trung tâm A",
            "Tập thể",
            "Bằng khen",
            "Chủ tịch UBND tỉnh",
            "QĐ: 1246/QĐ-UBND ngày12/6/2020",
            "2019-2020",
            "x",
        ],
        ["Lê Thị Hà", "Trung tâm A", "Cá nhân", "Giấy khen", "", "88/QĐ-SLĐTBXH ngày 05/01/2020", "2019 - 2020", ""],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert counts(result, ("award", "level", "kind", "issuer", "year")) == [
        ("Bằng khen", "Tỉnh", "Tập thể", "Chủ tịch UBND tỉnh", 2020, 1),
        ("Giấy khen", "Cơ sở", "Cá nhân", "Giám đốc Sở", 2020, 1),
    ]
    assert list(result.records["decision_date"]) == ["2020-06-12", "2020-01-05"]
    assert list(result.records["unit"]) == ["Trung tâm A", "Trung tâm A"]


def test_unaccented_headers(tmp_path: Path):
    rows = [
        ["DANH SACH KHEN THUONG NAM 2017"],
        ["STT", "Ho va ten", "Danh hieu", "Nam"],
        [1, "Le Van An", "Lao dong tien tien", "x"],
    ]
    assert counts(load([write_xlsx(tmp_path / "x.xlsx", rows)])) == [
        ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 2017, 1)
    ]


# 5. section rows set the kind; single-kind awards set it; an explicit kind column wins
def test_sections_and_kinds(tmp_path: Path):
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "Lê Văn An", "", "", "Giấy khen", "GĐ Sở", "", 2018],
            ["II", "TẬP THỂ"],
            [1, "Phòng Hành chính", "", "", "Giấy khen", "GĐ Sở", "", 2018],
            [2, "Lê Văn Bình", "", "", "Lao động tiên tiến", "", "", 2018],
            ["III. HỘ GIA ĐÌNH"],
            [1, "Hộ ông Lê Văn C", "", "", "Giấy khen", "GĐ Sở", "", 2018],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert counts(result, ("award", "kind")) == [
        ("Giấy khen", "Cá nhân", 1),
        ("Giấy khen", "Tập thể", 1),
        ("Giấy khen", "Hộ gia đình", 1),
    ]
    frame = result.records
    assert list(zip(frame["name"], frame["kind"].astype(str), strict=True)) == [
        ("Lê Văn An", "Cá nhân"),
        ("Phòng Hành chính", "Tập thể"),
        ("Hộ ông Lê Văn C", "Hộ gia đình"),
    ]
    # an individual's title under "II. TẬP THỂ": an error, so not counted, and listed
    assert [(p.code, p.row) for p in result.problems] == [("kind-mismatch", 10)]


def test_explicit_kind_column_wins(tmp_path: Path):
    rows = [["STT", "Tên", "Đối tượng", "Hình thức", "Năm"], ["I. CÁ NHÂN"], [1, "Tổ Bảo vệ", "TT", "GK", 2018]]
    assert list(load([write_xlsx(tmp_path / "x.xlsx", rows)]).records["kind"].astype(str)) == ["Tập thể"]


def test_no_kind_anywhere_the_name_decides_or_it_is_reported(tmp_path: Path):
    """Under "Tên cá nhân, tập thể", with an award both kinds receive and nothing else saying the
    kind, a person's name is Cá nhân and a collective's Tập thể; a name showing neither is
    reported, never given a kind."""
    rows = [
        ["STT", "Tên cá nhân, tập thể", "Hình thức", "Năm"],
        [1, "Lê Văn An", "Giấy khen", 2018],
        [2, "Phòng Kế toán", "Giấy khen", 2018],
        [3, "Ánh Dương", "Giấy khen", 2018],  # no surname, no collective's prefix
        [4, "Trường THCS Lê Lợi", "Bằng khen UBND tỉnh", 2018],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert codes(result) == [("ambiguous-kind", "Sheet1", 4)]
    kinds = dict(zip(result.records["name"], result.records["kind"].astype(str), strict=True))
    assert kinds == {"Lê Văn An": "Cá nhân", "Phòng Kế toán": "Tập thể", "Trường THCS Lê Lợi": "Tập thể"}


def test_name_header_gives_the_default_kind(tmp_path: Path):
    rows = [["STT", "Tên tập thể", "Hình thức", "Năm"], [1, "Phòng A", "Giấy khen", 2018]]
    write_xlsx(tmp_path / "tt.xlsx", rows)
    rows = [["STT", "Họ và tên", "Hình thức", "Năm"], [1, "Lê Văn An", "Giấy khen", 2018]]
    write_xlsx(tmp_path / "cn.xlsx", rows)
    assert counts(load([tmp_path]), ("kind",)) == [("Cá nhân", 1), ("Tập thể", 1)]


# 6. merged cells over a block apply to every row
def test_merged_award_block(tmp_path: Path):
    rows = simple_sheet(
        [
            [1, "A", "", "", "Bằng khen", "UBND tỉnh", "", 2018],
            [2, "B", "", "", None, None, "", 2018],
            [3, "C", "", "", None, None, "", 2018],
        ]
    )
    path = write_xlsx(tmp_path / "x.xlsx", rows, merges=["E6:E8", "F6:F8"])
    assert counts(load([path])) == [("Bằng khen", "Tỉnh", "Cá nhân", 2018, 3)]
    rows.insert(5, ["II. TẬP THỂ"])
    path = write_xlsx(tmp_path / "y.xlsx", rows, merges=["E7:E9", "F7:F9"])
    assert counts(load([path])) == [("Bằng khen", "Tỉnh", "Tập thể", 2018, 3)]


# 7. title, heading, totals, signatures and blank rows are never records
def test_totals_and_signature_not_counted(tmp_path: Path):
    rows = simple_sheet(
        [
            [1, "Lê Văn An", "", "", "LĐTT", "", "", 2018],
            [],
            [None, "Cộng: 1"],
            ["Tổng cộng: 01 cá nhân"],
            [None, "Danh sách có 01 người"],
            [None, "Thanh Hoá, ngày 20 tháng 12 năm 2018"],
            [None, "NGƯỜI LẬP BIỂU", None, None, None, "GIÁM ĐỐC"],
            [None, "(Ký, ghi rõ họ tên)"],
            [None, "Trần Thị Lập", None, None, None, "Lê Văn Giám"],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert list(result.records["name"]) == ["Lê Văn An"]
    assert result.problems == []


# 8. award and year from the heading; year from sheet name, then file name; never from a date
def test_award_and_year_from_heading(tmp_path: Path):
    rows = [
        ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU "LAO ĐỘNG TIÊN TIẾN" NĂM 2018'],
        ["(Kèm theo Quyết định số 12/QĐ-SLĐTBXH ngày 05 tháng 01 năm 2019)"],
        ["STT", "Họ và tên", "Chức vụ"],
        [1, "Lê Văn An", "Chuyên viên"],
    ]
    assert counts(load([write_xlsx(tmp_path / "x.xlsx", rows)])) == [
        ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 2018, 1)
    ]


def test_year_from_sheet_then_file_name(tmp_path: Path):
    rows = [["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ"], ["STT", "Tên tập thể"], [1, "Phòng A"]]
    write_xlsx(tmp_path / "don-vi.xlsx", rows, sheet="Năm 2016")
    write_xlsx(tmp_path / "don-vi-2017.xlsx", rows, sheet="DS")
    result = load([tmp_path])
    assert sorted(result.records["year"]) == [2016, 2017]
    assert set(result.records["kind"].astype(str)) == {"Tập thể"}


def test_no_year_is_reported_and_decision_date_is_never_used(tmp_path: Path):
    rows = [["STT", "Họ và tên", "Danh hiệu", "Ngày quyết định"], [1, "Lê Văn An", "LĐTT", "20/12/2018"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert result.records.empty
    assert codes(result) == [("bad-year", "DS", 2)]


# 9. level: column, issuer in text, decision suffix, usual level
def test_level_sources_in_order(tmp_path: Path):
    rows = simple_sheet(
        [
            ["I. CÁ NHÂN"],
            [1, "A", "", "", "Bằng khen của Thủ tướng Chính phủ", "Bộ LĐTBXH", "", 2018],
            [2, "B", "", "", "Bằng khen của Chủ tịch UBND tỉnh", "", "", 2018],
            [3, "C", "", "", "BK", "", "12/QĐ-UBND", 2018],
            [4, "D", "", "", "Chiến sĩ thi đua cơ sở", "", "", 2018],
            [5, "E", "", "", "BK", "", "", 2018],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert list(result.records["level"].astype(str)) == ["Bộ", "Tỉnh", "Tỉnh", "Cơ sở"]
    assert codes(result) == [("ambiguous-level", "Sheet1", 11)]


# 10. NFC/NFD, tone placement, sỹ, quotes, spaces, years as text
def test_text_variants(tmp_path: Path):
    import unicodedata

    rows = simple_sheet(
        [
            [
                1,
                unicodedata.normalize("NFD", "Lê Thị Hoà"),
                "",
                "",
                unicodedata.normalize("NFD", "Lao động tiên tiến"),
                "",
                "",
                "2018",
            ],
            [2, "B", "", "", "  “Chiến sỹ thi đua cơ sở” ", "", "", 2018.0],
            [3, "C", "", "", "Lao động   Tiên tiến", "", "", "Năm 2018"],
        ]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert counts(result) == [
        ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 2018, 2),
        ("Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", 2018, 1),
    ]
    assert result.records["name"].iloc[0] == "Lê Thị Hoà"
    assert list(result.records["award"].astype(str)) == [
        "Lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
    ]


# 11. TCVN3 in old .xls is decoded (headers, awards, names); VNI too
def test_tcvn3_xls(tmp_path: Path):
    from scripts.make_sample_data import tcvn3_encode as enc

    wb = xlwt.Workbook()
    ws = wb.add_sheet("2016")
    style = xlwt.easyxf("font: name .VnTime")
    for c, h in enumerate(["STT", "Họ và tên", "Hình thức khen thưởng"]):
        ws.write(0, c, enc(h), style)
    ws.write(1, 0, enc("II. Tập thể"), style)
    ws.write(2, 0, 1)
    ws.write(2, 1, enc("Phòng Lao động - Tiền lương"), style)
    ws.write(2, 2, enc("Bằng khen của Chủ tịch UBND tỉnh"), style)
    ws.write(3, 0, 2)
    ws.write(3, 1, enc("Đặng Thị Thủy"), style)
    ws.write(3, 2, enc("Tập thể lao động tiên tiến"), style)
    path = tmp_path / "cu.xls"
    wb.save(str(path))
    result = load([path])
    assert list(result.records["name"]) == ["Phòng Lao động - Tiền lương"]
    assert counts(result, ("award", "level", "kind", "year")) == [("Bằng khen", "Tỉnh", "Tập thể", 2016, 1)]
    # a collective title given to a person is not counted (kind-mismatch), and listed
    assert [(p.code, p.row, p.value) for p in result.problems] == [("kind-mismatch", 4, "Tập thể lao động tiên tiến")]
    assert result.files[0].encodings == ("tcvn3",)


def test_vni_xlsx(tmp_path: Path):
    rows = [["STT", "Hoï vaø teân", "Danh hieäu", "Naêm"], [1, "Ñaëng Thò Thuûy", "Lao ñoäng tieân tieán", 2019]]
    result = load([write_xlsx(tmp_path / "vni.xlsx", rows)])
    assert list(result.records["name"]) == ["Đặng Thị Thủy"]
    assert list(result.records["award"].astype(str)) == ["Lao động tiên tiến"]


# 12. user catalogue (see test_catalogue and test_cli)
# 13. unknown award counted as unrecognised, with the closest known award
def test_unknown_award_reported_with_suggestion(tmp_path: Path):
    rows = simple_sheet(
        [[1, "A", "", "", "Lao dong tien tien xuat sac", "", "", 2018], [2, "B", "", "", "LĐTT", "", "", 2018]]
    )
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert len(result.records) == 1
    (problem,) = result.problems
    assert (problem.code, problem.sheet, problem.row, problem.value) == (
        "unknown-award",
        "Sheet1",
        6,
        "Lao dong tien tien xuat sac",
    )
    assert problem.suggestion is not None
    assert problem.column == HEADER[4]


# 14. provenance
def test_provenance_is_file_sheet_and_excel_row(tmp_path: Path):
    rows = [[None], [None], ["STT", "Họ và tên", "Danh hiệu", "Năm"], [1, "Lê Văn An", "LĐTT", 2018]]
    path = write_xlsx(tmp_path / "x.xlsx", rows, sheet="Danh sách")
    record = read_file(path, __import__("thidua_cli").load_catalogue()).records[0]
    assert record[:3] == (str(path), "Danh sách", 4)


def test_missing_name_reported(tmp_path: Path):
    rows = simple_sheet([[1, None, "", "", "LĐTT", "", "", 2018]])
    assert codes(load([write_xlsx(tmp_path / "x.xlsx", rows)])) == [("missing-name", "Sheet1", 6)]


def test_sample_data_has_a_legacy_xls():
    assert any(p.suffix == ".xls" for p in SAMPLE.rglob("*"))


def test_second_table_in_a_sheet_and_repeated_header(tmp_path: Path):
    rows = [
        ["I. CÁ NHÂN"],
        ["STT", "Họ và tên", "Danh hiệu", "Năm"],
        [1, "Lê Văn An", "LĐTT", 2018],
        ["II. TẬP THỂ"],
        ["STT", "Tên tập thể", "Danh hiệu", "Năm"],
        ["1", "2", "3", "4"],
        [1, "Cộng đồng thôn Đông", "Giấy khen của Giám đốc Sở", 2018],
        [None, "Cộng: 1"],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert result.problems == []
    assert counts(result, ("award", "kind")) == [("Lao động tiên tiến", "Cá nhân", 1), ("Giấy khen", "Tập thể", 1)]


def test_level_from_the_decision_the_list_is_attached_to(tmp_path: Path):
    rows = [
        ["DANH SÁCH TẬP THỂ ĐẠT DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2019"],
        ["(Kèm theo Quyết định số 45/QĐ-UBND ngày 10/01/2020 của Chủ tịch UBND tỉnh)"],
        ["STT", "Tên tập thể"],
        [1, "Phòng A"],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert counts(result) == [("Tập thể lao động xuất sắc", "Tỉnh", "Tập thể", 2019, 1)]


def test_user_default_level_for_a_multi_level_award(tmp_path: Path):
    from thidua_cli import load_catalogue

    rows = [["STT", "Tên tập thể", "Danh hiệu", "Năm"], [1, "Phòng A", "TTLĐXS", 2019]]
    path = write_xlsx(tmp_path / "x.xlsx", rows)
    assert [p.code for p in load([path]).problems] == ["ambiguous-level"]
    extra = tmp_path / "c.toml"
    extra.write_text('[[award]]\nname = "Tập thể lao động xuất sắc"\nusual_level = "Tỉnh"\n', encoding="utf-8")
    assert counts(load([path], load_catalogue([extra]))) == [("Tập thể lao động xuất sắc", "Tỉnh", "Tập thể", 2019, 1)]


def test_signature_block_under_a_per_award_list_is_not_counted(tmp_path: Path):
    rows = [
        ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU "LAO ĐỘNG TIÊN TIẾN" NĂM 2018'],
        ["STT", "Họ và tên", "Chức vụ"],
        ["1", "Lê Văn An", "Chuyên viên"],
        ["1.2", "Lê Văn Bình", "Chuyên viên"],
        [None, "Thanh Hoá, ngày 20 tháng 12 năm 2018"],
        [None, "TM. BAN CHẤP HÀNH"],
        [None, "Nguyễn Văn Ký"],
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert list(result.records["name"]) == ["Lê Văn An", "Lê Văn Bình"]


def test_a_record_naming_an_award_is_never_taken_for_a_section(tmp_path: Path):
    rows = [
        ["STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Năm"],
        [None, "Lê Văn An", "Phòng A", "Lao động tiên tiến", "2018.0"],
    ]
    assert counts(load([write_xlsx(tmp_path / "x.xlsx", rows)])) == [
        ("Lao động tiên tiến", "Cơ sở", "Cá nhân", 2018, 1)
    ]


@pytest.mark.parametrize("label", ["PHẦN I: CÁ NHÂN", "I - CÁ NHÂN", "A. Cá nhân", "Khối cá nhân", "1. Cá nhân"])
def test_section_row_forms(tmp_path: Path, label: str):
    rows = [
        ["STT", "Họ và tên", "Hình thức", "Cấp khen", "Năm"],
        [label],
        [1, "Lê Văn An", "Giấy khen", "Cấp huyện", 2018],
    ]
    path = write_xlsx(tmp_path / "x.xlsx", rows, merges=["A2:E2"])
    assert counts(load([path])) == [("Giấy khen", "Cơ sở", "Cá nhân", 2018, 1)]
    rows[1] = [label.replace("CÁ NHÂN", "TẬP THỂ").replace("Cá nhân", "Tập thể").replace("cá nhân", "tập thể")]
    rows[2][1] = "Phòng Kế toán"  # a person's name under "TẬP THỂ" is a kind-conflict
    path = write_xlsx(tmp_path / "y.xlsx", rows, merges=["A2:E2"])
    assert counts(load([path])) == [("Giấy khen", "Cơ sở", "Tập thể", 2018, 1)]


def test_a_collective_named_tap_the_is_a_record_not_a_section(tmp_path: Path):
    rows = [["DANH SÁCH ĐƯỢC TẶNG GIẤY KHEN NĂM 2018"], ["STT", "Tên tập thể"], [None, "Tập thể Phòng Kế toán"]]
    assert counts(load([write_xlsx(tmp_path / "x.xlsx", rows)]), ("kind",)) == [("Tập thể", 1)]


def test_a_cell_naming_two_awards_gives_two_records(tmp_path: Path):
    rows = [
        ["STT", "Họ và tên", "Danh hiệu", "Năm"],
        [1, "Lê Văn An", "LĐTT, Giấy khen của Giám đốc Sở", 2018],
        [2, "Lê Văn Bình", "LĐTT và CSTĐCS", 2018],
        [3, "Lê Văn Cường", "LĐTT, hạng nhất", 2018],  # one part names nothing: reported whole
    ]
    result = load([write_xlsx(tmp_path / "x.xlsx", rows)])
    assert counts(result, ("award",)) == [("Lao động tiên tiến", 2), ("Chiến sĩ thi đua cơ sở", 1), ("Giấy khen", 1)]
    assert [(p.code, p.row, p.value) for p in result.problems] == [("unknown-award", 4, "LĐTT, hạng nhất")]


@pytest.mark.parametrize(
    "heading",
    [
        "DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG TỪ NĂM 2016 ĐẾN NĂM 2020",
        "DANH SÁCH KHEN THƯỞNG 5 NĂM 2016 - 2020",
        "Danh sách khen thưởng từ 2016 - 2020",
        "DANH SÁCH KHEN THƯỞNG TỪ NĂM 2016 ĐẾN NAY",
        "DANH SÁCH KHEN THƯỞNG NĂM 2016 ĐẾN NĂM 2020",
        "DANH SÁCH KHEN THƯỞNG NĂM 2019 VÀ NĂM 2020",
        "DANH SÁCH KHEN THƯỞNG GIAI ĐOẠN 2016 - 2020",
        "DANH SÁCH KHEN THƯỞNG (2016-2020)",
    ],
)
def test_a_heading_naming_a_period_gives_no_year(tmp_path: Path, heading: str):
    """Before: "từ năm 2016 đến năm 2020" put every row in 2016, exit 0; and the year of the
    sheet's or the file's name, or of another heading line, must not stand in for it either."""
    rows = [[heading], ["STT", "Họ và tên", "Danh hiệu"], [1, "Lê Văn An", "LĐTT"], [2, "Trần Thị Bình", "LĐTT"]]
    result = load([write_xlsx(tmp_path / "tong-ket-2021.xlsx", rows, sheet="2020")])
    assert result.records.empty
    assert codes(result) == [("bad-year", "2020", 3), ("bad-year", "2020", 4)]
    rows = [["BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2021"], *rows]
    result = load([write_xlsx(tmp_path / "b.xlsx", rows, sheet="DS")])
    assert result.records.empty and [c for c, *_ in codes(result)] == ["bad-year", "bad-year"]


def test_a_period_heading_with_a_year_column_counts_each_row_in_its_year(tmp_path: Path):
    rows = [
        ["DANH SÁCH KHEN THƯỞNG TỪ NĂM 2016 ĐẾN NĂM 2020"],
        ["STT", "Họ và tên", "Danh hiệu", "Năm"],
        [1, "Lê Văn An", "LĐTT", 2017],
        [2, "Trần Thị Bình", "LĐTT", 2019],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert sorted(result.records["year"]) == [2017, 2019]


@pytest.mark.parametrize("heading", ["NĂM 2022 - 2023", "NĂM HỌC 2022-2023", "Năm học 2022-23"])
def test_a_school_year_in_the_heading_is_its_second_year(tmp_path: Path, heading: str):
    rows = [[f"DANH SÁCH GIÁO VIÊN ĐẠT LAO ĐỘNG TIÊN TIẾN {heading}"], ["STT", "Họ và tên"], [1, "Lê Văn An"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert list(result.records["year"]) == [2023]


def test_a_hidden_sheet_is_read_but_not_counted(tmp_path: Path):
    """A hidden sheet (a draft, last year's list) was counted like the visible one, exit 0."""
    import openpyxl

    wb = openpyxl.Workbook()
    shown = wb.active
    shown.title = "2019"
    draft = wb.create_sheet("Nháp")
    very = wb.create_sheet("Cũ")
    for sheet, names in ((shown, ["Lê Văn An"]), (draft, ["Lê Văn Bình", "Trần Thị Cúc"]), (very, ["Hà Văn Dũng"])):
        sheet.append(["STT", "Họ và tên", "Danh hiệu", "Năm"])
        for i, name in enumerate(names, 1):
            sheet.append([i, name, "LĐTT", 2019])
    draft.append([3, "Lê Văn Giáp", "Lao dong tien tien", 2019])  # a warning (fuzzy-award) about a record not counted
    draft.sheet_state, very.sheet_state = "hidden", "veryHidden"
    wb.save(tmp_path / "ds.xlsx")
    result = load([tmp_path])
    assert list(result.records["name"]) == ["Lê Văn An"]
    hidden = [(p.code, p.sheet, p.row, p.detail) for p in result.problems if p.code == "hidden-sheet"]
    assert hidden == [("hidden-sheet", "Nháp", 2, "3"), ("hidden-sheet", "Cũ", 2, "1")]
    assert result.checks == []
    from thidua_cli.rendering import summary_line

    assert "4 dòng không tính (trong trang tính ẩn: 4)" in summary_line(result, [2019], "vi")


@pytest.mark.parametrize(
    ("cell", "flagged"),
    [
        ("Lê Văn An, Trần Thị Bình", True),
        ("Lê Văn An và Trần Thị Bình", True),
        ("Lê Văn An; Trần Thị Bình; Hà Văn Cường", True),
        ("Lê Văn An\nTrần Thị Bình", True),
        ("Lê Văn An, Giáo viên\nTrần Thị Bình, Giáo viên", True),
        ("Lê Văn An - Kế toán, Trần Thị Bình - Thủ quỹ", True),
        ("Lê Văn An, Trần Thị Bình - Giáo viên", True),
        ("Lê Văn An – Trần Thị Bình", True),
        ("LÊ VĂN AN VÀ TRẦN THỊ BÌNH", True),
        ("Lê Văn An & Trần Thị Bình", True),
        ("Lê Văn An/Trần Thị Bình", True),
        ("Ông Lê Văn An và bà Trần Thị Bình", True),
        ("Đ/c Lê Văn An", False),
        ("Lê Văn An, Phó Hiệu trưởng", False),
        ("Lê Văn An - Trưởng phòng", False),
        ("Lê Văn An\nKế toán trưởng", False),
    ],
)
def test_a_name_cell_naming_several_people_is_reported_not_counted(tmp_path: Path, cell: str, flagged: bool):
    """Before: "Lê Văn An, Trần Thị Bình" was one record (one person lost), exit 0."""
    rows = [["STT", "Họ và tên", "Danh hiệu", "Năm"], [1, cell, "LĐTT", 2019], [2, "Hà Thị Cúc", "LĐTT", 2019]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert len(result.records) == (1 if flagged else 2)
    assert [(p.code, p.row) for p in result.problems if p.code == "several-people"] == (
        [("several-people", 2)] if flagged else []
    )


def test_collective_and_household_names_with_va_are_one_record(tmp_path: Path):
    rows = [
        ["STT", "Tên tập thể", "Danh hiệu", "Năm"],
        [1, "Phòng Tổ chức và Hành chính", "Tập thể lao động tiên tiến", 2019],
        [2, "Phòng Kế hoạch, Tài chính", "Tập thể lao động tiên tiến", 2019],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert len(result.records) == 2
    assert not [p for p in result.problems if p.code == "several-people"]


def test_a_year_column_contradicting_the_award_text_is_followed_and_flagged(tmp_path: Path):
    rows = [
        ["STT", "Họ và tên", "Danh hiệu", "Năm"],
        [1, "Lê Văn An", "LĐTT năm 2018", 2019],
        [2, "Hà Thị Cúc", "LĐTT năm 2019", 2019],
        [3, "Trần Văn Dũng", "Bằng khen của Chủ tịch UBND tỉnh (2016 - 2020)", 2021],
        [4, "Lý Thị Em", "Bằng khen của Chủ tịch UBND tỉnh (2016 - 2020)", 2015],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert sorted(result.records["year"]) == [2015, 2019, 2019, 2021]
    flagged = [(c.code, c.row, c.value, c.detail) for c in result.checks]
    assert flagged == [("year-differs", 2, "2019", "2018"), ("year-differs", 5, "2015", "2016–2020")]


def test_a_household_or_a_group_named_by_two_people_is_one_record(tmp_path: Path):
    rows = [
        ["DANH SÁCH HỘ GIA ĐÌNH ĐẠT DANH HIỆU GIA ĐÌNH VĂN HOÁ NĂM 2019"],
        ["STT", "Họ và tên chủ hộ", "Địa chỉ", "Danh hiệu"],
        [1, "Nguyễn Văn An và Trần Thị Bình", "Thôn 1", "Gia đình văn hoá"],
        [2, "Phạm Văn Giang - Vũ Thị Hoa", "Thôn 2", "Gia đình văn hoá"],
    ]
    result = load([write_xlsx(tmp_path / "ho.xlsx", rows, sheet="DS")])
    assert len(result.records) == 2 and set(result.records["kind"].astype(str)) == {"Hộ gia đình"}
    assert not [p for p in result.problems if p.code == "several-people"]


def test_a_numbered_subtotal_row_is_no_person(tmp_path: Path):
    """Probe: "2 | Cộng: 2 người" under a list whose heading names the award was counted, exit 0."""
    rows = [
        ['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU "LAO ĐỘNG TIÊN TIẾN" NĂM 2018'],
        ["STT", "Họ và tên", "Chức vụ"],
        [1, "Nguyễn Văn An", "CV"],
        [2, "Trần Văn Bình", "KT"],
        [2, "Cộng: 2 người"],
        [3, "Lê Văn Cường", "CV"],
        [3, "Tổng cộng: 3 người"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert sorted(result.records["name"]) == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Văn Bình"]
    assert result.problems == [] and result.checks == []


@pytest.mark.parametrize("label", [["2.", "TẬP THỂ"], [2, "Tập thể"], [None, "II. Tập thể"]])
def test_a_section_row_numbered_with_a_figure_sets_the_kind(tmp_path: Path, label: list[object]):
    """Probe: "2. | TẬP THỂ" was a person named TẬP THỂ, and the collectives below Cá nhân, exit 0."""
    rows = [
        ["DANH SÁCH KHEN THƯỞNG GIẤY KHEN NĂM 2018"],
        ["STT", "Họ và tên", "Hình thức khen thưởng"],
        [None, "I. Cá nhân"],
        [1, "Nguyễn Văn An", "Giấy khen"],
        label,
        [1, "Tổ Văn phòng", "Giấy khen"],
        [2, "Trường THCS Lê Lợi", "Giấy khen"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    kinds = sorted(zip(result.records["name"], result.records["kind"].astype(str), strict=True))
    assert kinds == [("Nguyễn Văn An", "Cá nhân"), ("Trường THCS Lê Lợi", "Tập thể"), ("Tổ Văn phòng", "Tập thể")]


@pytest.mark.parametrize(
    "sections",
    [
        (["I", "Danh hiệu Lao động tiên tiến"], ["II", "Danh hiệu Chiến sĩ thi đua cơ sở"]),
        ([1, "Lao động tiên tiến"], [2, "Chiến sĩ thi đua cơ sở"]),
    ],
)
def test_award_sections_of_a_list_without_an_award_column(tmp_path: Path, sections):  # type: ignore[no-untyped-def]
    """Probe: the sheet was skipped whole ("no award column"), exit 0."""
    first, second = sections
    rows = [
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM 2018"],
        ["STT", "Họ và tên", "Chức vụ"],
        first,
        [1, "Nguyễn Văn An", "CV"],
        [2, "Trần Văn Bình", "KT"],
        second,
        [1, "Lê Văn Cường", "CV"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    got = sorted(zip(result.records["name"], result.records["award"], strict=True))
    assert got == [
        ("Lê Văn Cường", "Chiến sĩ thi đua cơ sở"),
        ("Nguyễn Văn An", "Lao động tiên tiến"),
        ("Trần Văn Bình", "Lao động tiên tiến"),
    ]


def test_an_award_list_naming_its_award_nowhere_is_an_error_a_roster_is_not(tmp_path: Path):
    names = [["STT", "Họ và tên", "Chức vụ"], [1, "Nguyễn Văn An", "CV"], [2, "Trần Văn Bình", "KT"]]
    listed = load([write_xlsx(tmp_path / "a.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2018"], *names], sheet="DS")])
    assert [(p.code, p.row, p.detail) for p in listed.problems] == [("list-without-award", 3, "2")]
    roster = load([write_xlsx(tmp_path / "b.xlsx", [["DANH SÁCH CÁN BỘ NĂM 2018"], *names], sheet="DS")])
    assert [(p.code, p.detail) for p in roster.problems] == [("skipped-sheet", "no-award")]
    noted = [[*names[0], "Ghi chú"], [*names[1], "LĐTT"], [*names[2], "Chiến sĩ thi đua cơ sở"]]  # before: skipped, exit 0
    written = load([write_xlsx(tmp_path / "c.xlsx", [["DANH SÁCH CÁN BỘ NĂM 2018"], *noted], sheet="DS")])
    assert [(p.code, p.row, p.detail) for p in written.problems] == [("list-without-award", 3, "2")]
    noted = [[*names[0], "Ghi chú"], [*names[1], "Nghỉ phép"], [*names[2], "Chuyển công tác"]]
    plain = load([write_xlsx(tmp_path / "d.xlsx", [["DANH SÁCH CÁN BỘ NĂM 2018"], *noted], sheet="DS")])
    assert [(p.code, p.detail) for p in plain.problems] == [("skipped-sheet", "no-award")]


def test_a_note_taking_the_person_off_the_list_keeps_the_row_out(tmp_path: Path):
    """Probe: "thôi không đề nghị", "Rút khỏi danh sách", "Đã xoá" … in Ghi chú were counted, exit 0;
    "Bỏ", "Loại", "Gạch tên" as the whole note too."""
    notes = ["thôi không đề nghị", "Không đề nghị", "Rút khỏi danh sách", "Đã xoá", "Chuyển công tác, thôi đề nghị"]
    notes += ["Không xét", "Truy tặng", "Đề nghị Bằng khen năm sau", "Không xét danh hiệu CSTĐ", ""]
    rows = [["DANH SÁCH KHEN THƯỞNG NĂM 2018"], ["STT", "Họ và tên", "Danh hiệu thi đua", "Ghi chú"]]
    rows += [
        [i, f"Nguyễn Văn {name}", "Lao động tiên tiến", note]
        for i, (name, note) in enumerate(zip("ABCDEFGHIK", notes, strict=True), 1)
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert sorted(result.records["name"]) == ["Nguyễn Văn G", "Nguyễn Văn H", "Nguyễn Văn I", "Nguyễn Văn K"]
    assert [(p.code, p.row, p.value, p.detail) for p in result.problems] == [
        ("not-awarded", 3, "rút khỏi danh sách", "6")
    ]
    rows = [["DANH SÁCH KHEN THƯỞNG NĂM 2018"], ["STT", "Họ và tên", "Danh hiệu thi đua", "Ghi chú"]]
    notes = ["Bỏ", "Loại", "Gạch tên", "Bỏ phiếu 15/15", "Loại A", ""]
    rows += [[i, f"Trần Văn {n}", "LĐTT", note] for i, (n, note) in enumerate(zip("ABCDEF", notes, strict=True), 1)]
    result = load([write_xlsx(tmp_path / "b.xlsx", rows, sheet="DS")])
    assert sorted(result.records["name"]) == ["Trần Văn D", "Trần Văn E", "Trần Văn F"]


def test_a_level_column_contradicting_the_award_text_is_reported(tmp_path: Path):
    """Probe: the level column won silently (a Prime Minister's Bằng khen counted at Tỉnh): it
    still wins (DOMAIN.md's order of sources), now with a warning."""
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
        ["STT", "Họ và tên", "Hình thức khen thưởng", "Cấp khen"],
        [1, "Lê Văn An", "Bằng khen của Thủ tướng Chính phủ", "Tỉnh"],
        [2, "Hà Thị Cúc", "Bằng khen của Chủ tịch UBND tỉnh", "Tỉnh"],
        [3, "Trần Văn Dũng", "Bằng khen", "Bộ"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    assert sorted(zip(result.records["name"], result.records["level"], strict=True)) == [
        ("Hà Thị Cúc", "Tỉnh"),
        ("Lê Văn An", "Tỉnh"),  # the column first, as the order of level sources says
        ("Trần Văn Dũng", "Bộ"),
    ]
    assert [(p.code, p.row, p.value) for p in result.checks] == [("level-conflict", 3, "Tỉnh")]


def test_ditto_marks_in_the_award_column_repeat_the_award_above(tmp_path: Path):
    """Probe: "nt", "-nt-", '"' were unknown awards ("Có phải: Nhà giáo ưu tú?")."""
    rows = [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], ["STT", "Họ và tên", "Danh hiệu"], [1, "Lê Văn An", "nt"]]
    rows += [[2, "Hà Thị Cúc", "Lao động tiên tiến"], [3, "Trần Văn Dũng", "nt"], [4, "Lý Thị Em", '"']]
    rows += [[5, "Vũ Văn Giang", "Giấy khen"], [6, "Mai Thị Hoa", "-nt-"], [7, "Đỗ Văn Ích", "Như trên"]]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows, sheet="DS")])
    got = list(zip(result.records["name"], result.records["award"], strict=True))
    assert got == [
        ("Hà Thị Cúc", "Lao động tiên tiến"),
        ("Trần Văn Dũng", "Lao động tiên tiến"),
        ("Lý Thị Em", "Lao động tiên tiến"),
        ("Vũ Văn Giang", "Giấy khen"),
        ("Mai Thị Hoa", "Giấy khen"),
        ("Đỗ Văn Ích", "Giấy khen"),
    ]
    assert [(p.code, p.row, p.value) for p in result.problems] == [("unknown-award", 3, "nt")]  # nothing above it
