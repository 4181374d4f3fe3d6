"""The method of commendation (loại hình khen thưởng, L2022 Đ.8: đột xuất, chuyên đề, đối ngoại)
written after a form ("Giấy khen đột xuất") or in the heading ("… KHEN THƯỞNG ĐỘT XUẤT"): the
record's `method`. Before, such a cell was unknown-award (exit 1) and, read as the plain form, a
person's Giấy khen and Giấy khen đột xuất were merged as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.eligibility import explain

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Số quyết định"]
HEADING = "DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG NĂM 2021"


def _list(tmp_path: Path, awards: list[str], heading: str = HEADING, names: list[str] | None = None) -> Path:
    names = names or [f"Nguyễn Văn {chr(65 + i)}" for i in range(len(awards))]
    body = [[i, n, "Giáo viên", "Trường A", a, "12/QĐ-UBND"] for i, (n, a) in enumerate(zip(names, awards, strict=True), 1)]
    return write_xlsx(tmp_path / "ds.xlsx", [[heading], [], HEADER, *body])


@pytest.mark.parametrize(
    ("text", "award", "level", "method"),
    [
        ("Giấy khen đột xuất", "Giấy khen", "Cơ sở", "đột xuất"),
        ("Giấy khen (đột xuất)", "Giấy khen", "Cơ sở", "đột xuất"),
        ("Bằng khen chuyên đề của Chủ tịch UBND tỉnh", "Bằng khen", "Tỉnh", "chuyên đề"),
        ("Bằng khen theo đợt", "Bằng khen", "Tỉnh", "chuyên đề"),
        ("Giấy khen khen thưởng đột xuất năm 2021", "Giấy khen", "Cơ sở", "đột xuất"),
        ("Bằng khen đối ngoại", "Bằng khen", "Tỉnh", "đối ngoại"),
        ("Giấy khen", "Giấy khen", "Cơ sở", ""),
    ],
)
def test_a_method_written_after_a_form_is_the_records(
    tmp_path: Path, text: str, award: str, level: str, method: str
) -> None:
    result = load([_list(tmp_path, [text])])
    assert result.problems == []
    assert result.records[["award", "level", "method"]].values.tolist() == [[award, level, method]]


def test_a_method_after_a_title_names_no_award(tmp_path: Path) -> None:
    """A title is given once a year, for the year's work: "LĐTT đột xuất" is no award."""
    result = load([_list(tmp_path, ["Lao động tiên tiến đột xuất"])])
    assert result.records.empty and [p.code for p in result.problems] == ["unknown-award"]


def test_a_form_and_the_same_form_given_dot_xuat_are_two_awards(tmp_path: Path) -> None:
    """One person, one decision number, Giấy khen and Giấy khen đột xuất: before, the second was
    unknown-award; read as a plain Giấy khen, it was merged as a copy of the first."""
    path = _list(tmp_path, ["Giấy khen", "Giấy khen đột xuất"], names=["Nguyễn Văn An", "Nguyễn Văn An"])
    result = load([path])
    assert sorted(result.records["method"]) == ["", "đột xuất"] and result.problems == []
    out = CliRunner().invoke(app, ["tally", "2021", str(path), "-q", "-f", "csv", "--by", "award,method", "--no-cache"])
    assert out.exit_code == 0
    assert out.stdout.splitlines() == ["award,method,count", "Giấy khen,,1", "Giấy khen,đột xuất,1"]


def test_the_method_a_heading_names_is_its_forms(tmp_path: Path) -> None:
    heading = "DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG ĐỘT XUẤT NĂM 2021"
    result = load([_list(tmp_path, ["Giấy khen", "Lao động tiên tiến"], heading=heading)])
    assert result.records[["award", "method"]].values.tolist() == [["Giấy khen", "đột xuất"], ["Lao động tiên tiến", ""]]


@pytest.mark.parametrize(
    "heading",
    [
        "DANH SÁCH KHEN THƯỞNG THƯỜNG XUYÊN VÀ ĐỘT XUẤT NĂM 2021",  # two methods: which row is which?
        "DANH SÁCH KHEN THƯỞNG ĐỘT XUẤT VÀ CHUYÊN ĐỀ NĂM 2021",
    ],
)
def test_a_heading_naming_two_methods_gives_none(tmp_path: Path, heading: str) -> None:
    result = load([_list(tmp_path, ["Giấy khen"], heading=heading)])
    assert result.records["method"].tolist() == [""]


def test_a_regulation_line_gives_no_method(tmp_path: Path) -> None:
    rows = [
        ["Mẫu số 02 (Ban hành kèm theo Quy chế khen thưởng đột xuất, chuyên đề)"],
        [HEADING],
        HEADER,
        [1, "Nguyễn Văn An", "Giáo viên", "Trường A", "Giấy khen", "12/QĐ-UBND"],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert result.records["method"].tolist() == [""]


def test_a_dot_xuat_bang_khen_is_no_prior_bang_khen_for_the_prime_ministers(tmp_path: Path) -> None:
    """L2022 Đ.73 k.1 b: a Bằng khen of the province five years before, then 3 CSTĐCS; NĐ 152/2025:
    an award for a đột xuất or chuyên đề achievement is no ground for a higher one."""
    header = ["STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng", "Số quyết định", "Năm"]
    body: list[list[object]] = []
    for name, given in (("Nguyễn Văn An", "Bằng khen của Chủ tịch UBND tỉnh"), ("Trần Thị Bình", "Bằng khen đột xuất của Chủ tịch UBND tỉnh")):
        body.append([len(body) + 1, name, "Phòng A", given, "15/QĐ-UBND", 2019])
        body += [[len(body) + 1, name, "Phòng A", "Chiến sĩ thi đua cơ sở", "", y] for y in (2021, 2022, 2023, 2024)]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [header, *body])])
    assert result.problems == []
    catalogue = load_catalogue()
    met = {
        name: next(c for c in explain(result.rows, name, 2024, catalogue=catalogue) if c.rule.id == "bang-khen-thu-tuong").met
        for name in ("Nguyễn Văn An", "Trần Thị Bình")
    }
    assert met == {"Nguyễn Văn An": True, "Trần Thị Bình": False}


def test_a_form_of_two_issuers_for_one_person_is_two_awards(tmp_path: Path) -> None:
    """Review: "Giấy khen của Giám đốc Sở" and "Giấy khen của Hiệu trưởng" for one person, no
    decision number: before, the second was merged as a duplicate (exit 1, one counted)."""
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"]
    body = [
        [1, "Nguyễn Văn An", "Giáo viên", "Trường A", "Giấy khen của Giám đốc Sở"],
        [2, "Nguyễn Văn An", "Giáo viên", "Trường A", "Giấy khen của Hiệu trưởng"],
        [3, "Trần Thị Bình", "Giáo viên", "Trường A", "Giấy khen của Hiệu trưởng"],
        [4, "Trần Thị Bình", "Giáo viên", "Trường A", "Giấy khen của Hiệu trưởng"],  # the same one twice
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [[HEADING], [], header, *body])])
    assert sorted(result.records["name"]) == ["Nguyễn Văn An", "Nguyễn Văn An", "Trần Thị Bình"]
    assert [p.code for p in result.problems] == ["duplicate"]
