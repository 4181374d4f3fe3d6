"""A Unicode sheet with some legacy (TCVN3, VNI) cells — a heading typed in .VnTimeH over a list
typed in Unicode, an award column pasted from an old file — has those cells decoded, and only
those: its Unicode text, even text that keeps to Latin-1 ("Tô Hoài"), stays as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scripts.make_sample_data import tcvn3_encode
from tests.conftest import write_xlsx
from thidua_cli import load
from thidua_cli.cli import app
from thidua_cli.text import decode_pasted

NAMES = ["Nguyễn Văn Hùng", "Trần Thị Thuỷ", "Tô Hoài", "Phạm Đức Thắng", "Hoàng Thị Hường", "Đỗ Quý Dương"]


def _caps(text: str) -> str:
    return tcvn3_encode(text.upper())  # a .VnTimeH heading: capitals by the lowercase codes


def test_a_tcvn3_heading_over_a_unicode_list_names_its_award_and_year(tmp_path: Path) -> None:
    rows = [
        [_caps("Phòng Giáo dục và Đào tạo"), None, _caps("Cộng hoà xã hội chủ nghĩa Việt Nam")],
        [_caps("Trường THCS Nguyễn Du")],
        [_caps("Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2019")],
        ["STT", "Họ và tên", "Chức vụ"],
        *[[i, name, "Giáo viên"] for i, name in enumerate(NAMES, 1)],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = load([path])
    assert list(result.records["name"]) == NAMES
    assert set(result.records["unit"]) == {"TRƯỜNG THCS NGUYỄN DU"}
    assert result.files[0].encodings == ("tcvn3",)
    run = CliRunner().invoke(app, ["tally", "2015-2022", str(path), "-f", "csv", "--by", "year,award,kind", "-q"])
    assert (run.exit_code, run.stdout.strip().splitlines()) == (0, ["year,award,kind,count", "2019,Lao động tiên tiến,Cá nhân,6"])


def test_an_award_column_pasted_in_tcvn3_is_read(tmp_path: Path) -> None:
    awards = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"] * 3
    rows = [
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM 2019"],
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua"],
        *[[i, name, "Giáo viên", tcvn3_encode(a)] for i, (name, a) in enumerate(zip(NAMES, awards, strict=True), 1)],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert list(result.records["name"]) == NAMES
    assert list(result.records["award"].astype(str)) == awards
    assert result.problems == []


def test_only_surely_legacy_cells_are_decoded() -> None:
    assert decode_pasted("Lao ®éng tiªn tiÕn", "tcvn3") == "Lao động tiên tiến"
    assert decode_pasted("Lao ñoäng tieân tieán", "vni") == "Lao động tiên tiến"
    for text in ("Tô Hoài", "Lê Thị Hà", "Müller", "José"):  # Unicode (or no Vietnamese): left alone
        assert decode_pasted(text, "tcvn3") == text
        assert decode_pasted(text, "vni") == text


def _vni(text: str) -> str:
    from thidua_cli.text import _tables

    inverse: dict[str, str] = {}
    for code, letter in _tables()["vni"].items():
        inverse.setdefault(letter, code)
    return "".join(inverse.get(ch, ch) for ch in text)


def test_names_pasted_in_vni_into_a_unicode_list_are_decoded(tmp_path: Path) -> None:
    pasted = ["Kiều Văn Sơn", "Lương Thị Bích"]
    rows = [
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM 2019"],
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua"],
        *[[i, _vni(name), "Giáo viên", "Lao động tiên tiến"] for i, name in enumerate(pasted, 1)],
        *[[i, name, "Giáo viên", "Chiến sĩ thi đua cơ sở"] for i, name in enumerate(NAMES, 3)],
    ]
    assert _vni("Kiều Văn Sơn") == "Kieàu Vaên Sôn"  # Latin-1 letters only, like Unicode text
    result = load([write_xlsx(tmp_path / "ds.xlsx", rows)])
    assert list(result.records["name"]) == [*pasted, *NAMES]
    assert result.files[0].encodings == ("vni",)


@pytest.mark.parametrize("encode", [tcvn3_encode, _vni], ids=["tcvn3", "vni"])
def test_rows_pasted_in_legacy_at_the_end_of_a_long_unicode_list_are_read(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    typed = [f"{family} Văn {given}" for family in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng") for given in "ABCDEFGH"]
    pasted = ["Kiều Văn Sơn", "Lương Thị Bích", "Đặng Thị Hằng"]
    rows = [
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM 2019"],
        ["STT", "Họ và tên", "Chức vụ", "Danh hiệu thi đua"],
        *[[i, name, f"Giáo viên tổ {i}", "Lao động tiên tiến"] for i, name in enumerate(typed, 1)],
        *[[41 + i, encode(name), encode("Giáo viên"), encode("Chiến sĩ thi đua cơ sở")] for i, name in enumerate(pasted)],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    result = load([path])
    assert result.problems == []
    assert list(result.records["name"])[-3:] == pasted
    run = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "csv", "--by", "award", "-q"])
    assert (run.exit_code, run.stdout.strip().splitlines()[1:]) == (0, ["Lao động tiên tiến,40", "Chiến sĩ thi đua cơ sở,3"])


def test_the_eth_typed_for_d_stroke_is_read_as_d_stroke(tmp_path: Path) -> None:
    """ "LÐTT", "Giám ðốc": the Icelandic eth (U+00D0, U+00F0) where Đ belongs, as Windows-1258 text
    read as Latin-1 shows it. Before, every such cell was unknown-award (and "LÐTT" decoded as the
    TCVN3 "LÉTT"); the text is kept as typed."""
    eth = str.maketrans("Đđ", "\u00d0\u00f0")
    awards = ["LĐTT", "Giấy khen Giám đốc Sở", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2019".translate(eth)],
        ["STT", "Họ và tên", "Đơn vị".translate(eth), "Danh hiệu"],
        *[[i, f"Đỗ Văn An{i}".translate(eth), "Phòng Đào tạo".translate(eth), a.translate(eth)] for i, a in enumerate(awards, 1)],
    ]
    result = load([write_xlsx(tmp_path / "eth.xlsx", rows)])
    assert result.problems == []
    assert list(result.records["award"].astype(str)) == ["Lao động tiên tiến", "Giấy khen", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]
    assert list(result.records["award_text"]) == [a.translate(eth) for a in awards]
