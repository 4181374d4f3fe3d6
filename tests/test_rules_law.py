"""One test per rule change of the law review (LAW.md §3), named for its article: chains read
from real workbooks, checked through the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.eligibility import Check, eligible, explain, rule_set_for, shipped_rule_sets
from thidua_cli.errors import CatalogueError
from thidua_cli.records import Record
from thidua_cli.validation import load_rules, validate

HEADER = ["STT", "Họ và tên", "Đơn vị", "Đối tượng", "Danh hiệu", "Cấp khen", "Số quyết định", "Năm"]
CN, TT = "Cá nhân", "Tập thể"
Row = tuple[str, str, str, str, str, str, int]  # name, unit, kind, award, level, decision, year


def _records(tmp_path: Path, rows: list[Row]) -> list[Record]:
    body = [[i, *r] for i, r in enumerate(rows, 1)]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [HEADER, *body])])
    assert result.problems == [], result.problems
    return result.rows


def _found(checks: list[Check], rule_id: str) -> list[tuple[str, str]]:
    return [(c.person.name, c.level) for c in checks if c.rule.id == rule_id]


def _cstdcs(name: str, unit: str, years: range, decision: str = "") -> list[Row]:
    return [(name, unit, CN, "CSTĐCS", "", decision, y) for y in years]


# --- L2022 Đ.21 / L2003 Đ.21: two consecutive 3-year CSTĐ bộ/tỉnh cycles -------------------
def test_d21_cstd_toan_quoc_is_two_consecutive_three_year_cycles(tmp_path: Path) -> None:
    rows = [
        *_cstdcs("Nguyễn Văn An", "Phòng A", range(2016, 2022)),
        ("Nguyễn Văn An", "Phòng A", CN, "CSTĐ cấp tỉnh", "", "", 2018),
        ("Nguyễn Văn An", "Phòng A", CN, "CSTĐ cấp tỉnh", "", "", 2021),
        *_cstdcs("Trần Thị Bình", "Phòng A", range(2016, 2022)),  # adjacent years: not two cycles
        ("Trần Thị Bình", "Phòng A", CN, "CSTĐ cấp tỉnh", "", "", 2020),
        ("Trần Thị Bình", "Phòng A", CN, "CSTĐ cấp tỉnh", "", "", 2021),
        ("Lê Văn Cường", "Phòng A", CN, "CSTĐ cấp tỉnh", "", "", 2021),  # 2022 Law: 2021 and 2024
        ("Lê Văn Cường", "Phòng A", CN, "CSTĐ cấp tỉnh", "", "", 2024),
    ]
    records = _records(tmp_path, rows)
    catalogue = load_catalogue()
    assert _found(eligible(records, 2021, catalogue), "cstd-toan-quoc") == [("Nguyễn Văn An", "Chính phủ")]
    assert _found(eligible(records, 2024, catalogue), "cstd-toan-quoc") == [("Lê Văn Cường", "Chính phủ")]
    why = next(c for c in explain(records, "Trần Thị Bình", 2021) if c.rule.id == "cstd-toan-quoc")
    assert not why.met and any("thiếu năm 2018" in r for r in why.reasons)


def test_d22_cstd_cycle_written_as_a_period_counts_in_its_last_year(tmp_path: Path) -> None:
    body = [
        [1, "Nguyễn Văn An", "Phòng A", CN, "CSTĐCS năm 2019", ""],
        [2, "Nguyễn Văn An", "Phòng A", CN, "CSTĐCS năm 2020", ""],
        [3, "Nguyễn Văn An", "Phòng A", CN, "CSTĐCS năm 2021", ""],
        [4, "Nguyễn Văn An", "Phòng A", CN, "CSTĐ tỉnh giai đoạn 2019-2021", ""],
    ]
    result = load([write_xlsx(tmp_path / "ds.xlsx", [HEADER[:6], *body])])
    assert result.problems == []
    checks = explain(result.rows, "Nguyễn Văn An", 2021)
    cstd = next(c for c in checks if c.rule.id == "cstd-tinh")
    assert not cstd.met and any("đã có" in r and "2021" in r for r in cstd.reasons)  # not offered again


# --- L2022 Đ.74 / Đ.22: the award of the body that manages the recipient ---------------------
def test_d74_bang_khen_of_bo_ban_nganh_tinh_goes_to_the_managing_body(tmp_path: Path) -> None:
    rows = [
        *_cstdcs("Nguyễn Văn An", "Vụ Kế hoạch - Tài chính", range(2024, 2026)),  # a ministry's unit
        *_cstdcs("Trần Thị Bình", "Phòng C", range(2024, 2026), "12/QĐ-BTC"),  # a ministry's decisions
        *_cstdcs("Lê Văn Cường", "Phòng C", range(2024, 2026), "12/QĐ-UBND"),  # a province's
        *_cstdcs("Phạm Thị Dung", "Phòng C", range(2024, 2026)),  # nothing shows: the first level
        ("Hoàng Văn Em", "Phòng D", CN, "CSTĐ cấp bộ", "", "", 2021),  # the ministry's own title
        *_cstdcs("Hoàng Văn Em", "Phòng D", range(2024, 2026)),
        ("Vũ Thị Giang", "Phòng D", CN, "Bằng khen của Bộ trưởng Bộ Y tế", "", "", 2020),  # any ministry may
        *_cstdcs("Vũ Thị Giang", "Phòng D", range(2024, 2026)),  # give a Bằng khen: not a sign
        *[("Đỗ Văn Hải", "Phòng E", CN, "CSTĐCS", "Cục trưởng", "", y) for y in (2024, 2025)],  # a ministry's body
        *[("Bùi Thị Lan", "Phòng E", CN, "CSTĐCS", "Giám đốc Sở", "", y) for y in (2024, 2025)],  # a province's
    ]
    checks = eligible(_records(tmp_path, rows), 2025, load_catalogue())
    assert sorted(_found(checks, "bang-khen-tinh")) == [
        ("Bùi Thị Lan", "Tỉnh"),
        ("Hoàng Văn Em", "Bộ"),
        ("Lê Văn Cường", "Tỉnh"),
        ("Nguyễn Văn An", "Bộ"),
        ("Phạm Thị Dung", "Tỉnh"),
        ("Trần Thị Bình", "Bộ"),
        ("Vũ Thị Giang", "Tỉnh"),
        ("Đỗ Văn Hải", "Bộ"),
    ]
    candidate = next(c.as_candidate() for c in checks if c.person.name == "Nguyễn Văn An")
    assert candidate["level"] == "Bộ" and candidate["award"] == "Bằng khen"


def test_d74_to_verify_names_the_two_initiatives_path() -> None:
    rule = next(r for r in rule_set_for(2024, shipped_rule_sets()).rules if r.id == "bang-khen-tinh")
    assert rule.standard == "điểm d khoản 1" and rule.levels == ("Tỉnh", "Bộ")
    assert any("02 sáng kiến" in v and "02 đề tài" in v for v in rule.to_verify)


# --- L2022 Đ.73 and Đ.44: what the lists cannot prove, in the Law's words ---------------------
@pytest.mark.parametrize("year", [2024, 2025])
def test_d73_to_verify_reads_hoan_thanh_tot_nhiem_vu_tro_len(year: int) -> None:
    rule = next(r for r in rule_set_for(year, shipped_rule_sets()).rules if r.id == "bang-khen-thu-tuong")
    assert rule.standard == "điểm b khoản 1"
    assert any("hoàn thành tốt nhiệm vụ trở lên" in v for v in rule.to_verify)
    assert not any("hoàn thành xuất sắc nhiệm vụ" in v for v in rule.to_verify)


@pytest.mark.parametrize("year", [2024, 2025])
def test_d44_to_verify_reads_one_year_htxsnv(year: int) -> None:
    rule = next(r for r in rule_set_for(year, shipped_rule_sets()).rules if r.id == "hcld3-ca-nhan")
    assert rule.standard == "điểm e khoản 1"
    (text,) = rule.to_verify
    assert "hoàn thành tốt nhiệm vụ trở lên" in text and "01 năm trở lên hoàn thành xuất sắc nhiệm vụ" in text


# --- L2003 Đ.44 k.2: Đơn vị quyết thắng in the collective chain -------------------------------
def test_d44_k2_don_vi_quyet_thang_counts_in_the_collective_hcld_chain(tmp_path: Path) -> None:
    rows: list[Row] = [
        *[("Tiểu đoàn 1", "Trung đoàn A", TT, "Đơn vị quyết thắng", "Cấp bộ", "", y) for y in (2015, 2016)],
        *[("Tiểu đoàn 1", "Trung đoàn A", TT, "TTLĐXS", "Cấp bộ", "", y) for y in (2017, 2018, 2019)],
        ("Tiểu đoàn 1", "Trung đoàn A", TT, "Cờ thi đua", "Cấp bộ", "", 2019),
        *[("Phòng Tư vấn", "Trung tâm B", TT, "TTLĐXS", "UBND tỉnh", "", y) for y in range(2015, 2020)],
        ("Phòng Tư vấn", "Trung tâm B", TT, "Cờ thi đua", "UBND tỉnh", "", 2018),
    ]
    checks = eligible(_records(tmp_path, rows), 2019, load_catalogue())
    assert sorted(_found(checks, "hcld3-tap-the")) == [("Phòng Tư vấn", "Nhà nước"), ("Tiểu đoàn 1", "Nhà nước")]


def test_d44_k1_2003_text_seven_years_for_2004_to_2013(tmp_path: Path) -> None:
    rows = [
        *_cstdcs("Nguyễn Văn An", "Phòng A", range(2006, 2013)),
        ("Nguyễn Văn An", "Phòng A", CN, "Bằng khen của Chủ tịch UBND tỉnh", "", "", 2008),
        ("Nguyễn Văn An", "Phòng A", CN, "Bằng khen của Chủ tịch UBND tỉnh", "", "", 2011),
    ]
    checks = eligible(_records(tmp_path, rows), 2012, load_catalogue())
    assert [(c.rule.id, c.rule_set.id) for c in checks if c.rule.award.startswith("Huân chương")] == [
        ("hcld3-ca-nhan", "luat-2003-nd121")
    ]


# --- Rule sets by the periods the Law and its decrees governed --------------------------------
def test_rule_sets_follow_the_law_and_decree_periods() -> None:
    sets = shipped_rule_sets()
    assert [(rs.id, rs.first_year, rs.last_year) for rs in sets] == [
        ("luat-2003-nd121", 2004, 2013),
        ("luat-2003", 2014, 2023),
        ("luat-2022", 2024, 2024),
        ("luat-2022-nd152", 2025, 2100),
    ]
    assert all(rs.note for rs in sets)  # each says what it leaves unconfirmed
    assert "152/2025" in rule_set_for(2025, sets).name and "98/2023" in rule_set_for(2024, sets).name
    assert [r.id for r in rule_set_for(2025, sets).rules] == [r.id for r in rule_set_for(2024, sets).rules]
    with pytest.raises(CatalogueError, match="2003"):
        rule_set_for(2003, sets)  # the 2003 Law came into force on 01/07/2004


# --- Chain results say which standard they meet ------------------------------------------------
def test_results_say_which_alternative_standard_they_meet(tmp_path: Path) -> None:
    rows = [
        ("Hoàng Văn Em", "Phòng C", CN, "Bằng khen", "UBND tỉnh", "", 2018),
        *[("Hoàng Văn Em", "Phòng C", CN, "CSTĐCS", "", "", y) for y in (2021, 2023, 2025)],
    ]
    body = [[i, *r] for i, r in enumerate(rows, 1)]
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, *body])
    runner = CliRunner()
    out = runner.invoke(app, ["eligible", "2025", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    (candidate,) = json.loads(out.stdout)["candidates"]
    assert candidate["rule"]["meets"] == "đáp ứng tiêu chuẩn điểm b khoản 1 Điều 73 (Luật TĐKT 2022)"
    assert candidate["rule"]["rule_set"] == "luat-2022-nd152"
    out = runner.invoke(app, ["eligible", "2025", str(path)], env={"COLUMNS": "200"})
    assert "điểm b khoản 1 Điều 73" in out.stdout
    out = runner.invoke(app, ["eligible", "2025", str(path), "--explain", "Hoàng Văn Em"], env={"COLUMNS": "200"})
    assert "là một trong các tiêu chuẩn" in out.stdout


# --- L2022 Đ.23: CSTĐCS needs LĐTT or Chiến sĩ tiên tiến; NĐ 91/2017 Đ.9 k.3 quota versioned ---
def _unit(tmp_path: Path, year: int, cstt: bool) -> Path:
    base = "CSTT" if cstt else "LĐTT"
    rows = [[i, f"Người {i}", "Phòng A", CN, base, "", "", year] for i in range(1, 7)]
    rows += [
        [7, "Người 1", "Phòng A", CN, "CSTĐCS", "", "", year],
        [8, "Người 2", "Phòng A", CN, "CSTĐCS", "", "", year],
    ]
    return write_xlsx(tmp_path / f"ds-{year}-{base}.xlsx", [HEADER, *rows])


def test_d23_cstdcs_may_stand_on_chien_si_tien_tien(tmp_path: Path) -> None:
    report = validate(load([_unit(tmp_path, 2024, cstt=True)]))
    assert "not-eligible" not in {f.code for f in report.findings}
    assert load_rules().eligible_source.endswith("Điều 23")


def test_nd91_2017_d9_quota_applies_to_2023_only_and_is_a_provincial_setting_after(tmp_path: Path) -> None:
    quota_2018 = [f for f in validate(load([_unit(tmp_path, 2018, cstt=False)])).findings if f.code == "over-quota"]
    assert len(quota_2018) == 1 and "Điều 9 khoản 3" in quota_2018[0].message()
    path_2024 = _unit(tmp_path, 2024, cstt=True)
    assert "over-quota" not in {f.code for f in validate(load([path_2024])).findings}
    on = validate(load([path_2024]), rules=load_rules(ratio=0.15))
    assert [f.code for f in on.findings] == ["over-quota"]  # CSTT holders are the base too
    out = CliRunner().invoke(app, ["validate", str(path_2024), "--quota", "0.15", "--format", "json"])
    assert [f["code"] for f in json.loads(out.stdout)["findings"]] == ["over-quota"]
