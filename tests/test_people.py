"""history and eligible on records with planted chains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE, write_xlsx
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.eligibility import eligible, explain, shipped_rule_sets
from thidua_cli.people import history

HEADER = ["STT", "Họ và tên", "Đơn vị", "Đối tượng", "Danh hiệu", "Cấp khen", "Năm"]


def lists(folder: Path, rows: list[tuple[str, str, str, str, str, int]]) -> Path:
    """One workbook per year, as units send them."""
    years = sorted({r[5] for r in rows})
    for year in years:
        body = [[i, *r[:5], r[5]] for i, r in enumerate((r for r in rows if r[5] == year), 1)]
        write_xlsx(folder / f"ds-{year}.xlsx", [HEADER, *body], sheet=str(year))
    return folder


CN, TT = "Cá nhân", "Tập thể"
PLANTED = [
    # complete chain: CSTĐCS 2018–2020 → CSTĐ tỉnh 2020 (2003 law)
    *[("Nguyễn Văn An", "Phòng A", CN, "CSTĐCS", "", y) for y in (2018, 2019, 2020)],
    # same name in another unit: only 2019–2020, so not a candidate
    *[("Nguyễn Văn An", "Phòng B", CN, "CSTĐCS", "", y) for y in (2019, 2020)],
    # broken by a gap: 2017, 2018, 2020
    *[("Trần Thị Bình", "Phòng A", CN, "CSTĐCS", "", y) for y in (2017, 2018, 2020)],
    # already awarded CSTĐ tỉnh in 2020
    *[("Lê Văn Cường", "Phòng A", CN, "CSTĐCS", "", y) for y in (2018, 2019, 2020)],
    ("Lê Văn Cường", "Phòng A", CN, "CSTĐ cấp tỉnh", "UBND tỉnh", 2020),
    # collective: TTLĐXS 2016–2020 and a Cờ thi đua in 2019 → HCLĐ hạng Ba (2003 law)
    *[("Phòng Kế toán", "Trung tâm A", TT, "TTLĐXS", "UBND tỉnh", y) for y in range(2016, 2021)],
    ("Phòng Kế toán", "Trung tâm A", TT, "Cờ thi đua", "UBND tỉnh", 2019),
    # 2022 law: two consecutive CSTĐCS 2024–2025 → Bằng khen tỉnh 2025
    *[("Phạm Thị Dung", "Phòng C", CN, "CSTĐCS", "", y) for y in (2024, 2025)],
    # 2022 law: BK tỉnh 2018, then CSTĐCS 2021, 2023, 2025 → BK Thủ tướng 2025
    ("Hoàng Văn Em", "Phòng C", CN, "Bằng khen", "UBND tỉnh", 2018),
    *[("Hoàng Văn Em", "Phòng C", CN, "CSTĐCS", "", y) for y in (2021, 2023, 2025)],
    # same, but the Bằng khen came inside the five years: no
    ("Đỗ Thị Giang", "Phòng C", CN, "Bằng khen", "UBND tỉnh", 2022),
    *[("Đỗ Thị Giang", "Phòng C", CN, "CSTĐCS", "", y) for y in (2021, 2023, 2025)],
]


@pytest.fixture(scope="module")
def records(tmp_path_factory):  # type: ignore[no-untyped-def]
    return load([lists(tmp_path_factory.mktemp("ds"), PLANTED)]).rows


def summary(checks):  # type: ignore[no-untyped-def]
    return sorted((c.person.name, c.person.unit, c.rule.id, tuple(e.year for e in c.evidence)) for c in checks)


def test_2003_rule_set_candidates(records):  # type: ignore[no-untyped-def]
    got = summary(eligible(records, 2020, load_catalogue()))
    assert got == [
        ("Nguyễn Văn An", "Phòng A", "cstd-tinh", (2018, 2019, 2020)),
        ("Phòng Kế toán", "Trung tâm A", "hcld3-tap-the", (2016, 2017, 2018, 2019, 2019, 2020)),
    ]


def test_2022_rule_set_candidates(records):  # type: ignore[no-untyped-def]
    got = summary(eligible(records, 2025, load_catalogue()))
    assert got == [
        ("Hoàng Văn Em", "Phòng C", "bang-khen-thu-tuong", (2018, 2021, 2023, 2025)),
        ("Phạm Thị Dung", "Phòng C", "bang-khen-tinh", (2024, 2025)),
    ]


def test_award_filter_and_rule_sets_by_year(records):  # type: ignore[no-untyped-def]
    assert summary(eligible(records, 2025, load_catalogue(), award="Bằng khen"))[0][2] == "bang-khen-thu-tuong"
    assert eligible(records, 2020, load_catalogue(), award="Bằng khen") == []
    ids = [rs.id for rs in shipped_rule_sets()]
    assert ids == ["luat-2003-nd121", "luat-2003", "luat-2022", "luat-2022-nd152"]


def test_explain_says_why(records):  # type: ignore[no-untyped-def]
    checks = explain(records, "tran thi binh", 2020)
    cstd = next(c for c in checks if c.rule.id == "cstd-tinh")
    assert not cstd.met and any("thiếu năm 2019" in r for r in cstd.reasons)
    awarded = next(c for c in explain(records, "Lê Văn Cường", 2020) if c.rule.id == "cstd-tinh")
    assert not awarded.met and any("đã có" in r for r in awarded.reasons)


def test_history_unaccented_query_and_same_name(records):  # type: ignore[no-untyped-def]
    found = history(records, "nguyen van an")
    assert [(p.unit, [r[11] for r in p.records]) for p in found] == [
        ("Phòng A", [2018, 2019, 2020]),
        ("Phòng B", [2019, 2020]),
    ]
    assert history(records, "Nguyễn Văn Ân") == []  # a different name once accented
    assert len(history(records, "NGUYỄN  VĂN AN", unit="phòng b")) == 1
    assert len(history(records, "nguyen van an", merge_units=True)[0].records) == 5


def test_cli_json_and_messages(tmp_path: Path):
    folder = lists(tmp_path / "ds", PLANTED)
    runner = CliRunner()
    out = runner.invoke(app, ["eligible", "2020", str(folder), "--format", "json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    first = payload["candidates"][0]
    assert set(first) == {"name", "unit", "kind", "award", "level", "rule", "evidence", "to_verify"}
    assert first["rule"]["rule_set"] == "luat-2003" and "unconfirmed" not in first["rule"]  # Đ.22 confirmed
    assert first["rule"]["meets"] == "đáp ứng một tiêu chuẩn của Luật TĐKT 2003, Điều 22"
    assert {e["year"] for e in first["evidence"]} == {2018, 2019, 2020} and first["evidence"][0]["file"].endswith(
        ".xlsx"
    )
    out = runner.invoke(app, ["history", "nguyen van an", str(folder)], env={"COLUMNS": "200"})
    assert "2 người cùng tên ở 2 đơn vị" in out.stdout
    out = runner.invoke(app, ["eligible", "--explain", "Trần Thị Bình", "2020", str(folder)], env={"COLUMNS": "200"})
    assert out.exit_code == 0 and "thiếu năm 2019" in out.stdout
    out = runner.invoke(app, ["history", "nguyen van an", str(folder), "--format", "csv"])
    assert out.stdout.splitlines()[0].startswith("name,unit,kind,year,award")


def test_user_rule_set(tmp_path: Path, records):  # type: ignore[no-untyped-def]
    from thidua_cli.eligibility import load_rule_set

    rules = tmp_path / "r.toml"
    rules.write_text(
        '[ruleset]\nid = "rieng"\nname = "Quy chế riêng"\nyears = [2000, 2100]\n\n'
        '[[rule]]\nid = "gk-2-nam"\ntarget = { award = "Giấy khen", level = "Cơ sở" }\nkind = "Cá nhân"\n'
        'article = "Quy chế 1/QC"\nrequires = [{ type = "consecutive", award = "Chiến sĩ thi đua cơ sở", years = 2 }]\n',
        encoding="utf-8",
    )
    got = summary(eligible(records, 2020, load_catalogue(), rule_sets=[load_rule_set(rules)]))
    assert [g[:3] for g in got] == [
        ("Lê Văn Cường", "Phòng A", "gk-2-nam"),
        ("Nguyễn Văn An", "Phòng A", "gk-2-nam"),
        ("Nguyễn Văn An", "Phòng B", "gk-2-nam"),
    ]


VI_SENTENCE = ("năm liên tục", "đáp ứng", "thiếu năm", "trong khoảng xét", "cần xác minh")


def test_explain_and_eligible_follow_lang(tmp_path: Path, records):  # type: ignore[no-untyped-def]
    folder = lists(tmp_path / "ds", PLANTED)
    runner = CliRunner()
    env = {"COLUMNS": "200"}
    shown = ""
    for name in ("Trần Thị Bình", "Lê Văn Cường", "Nguyễn Văn An"):
        out = runner.invoke(app, ["eligible", "2020", str(folder), "--explain", name, "--lang", "en"], env=env)
        assert out.exit_code == 0, out.output
        shown += out.stdout
    out = runner.invoke(app, ["eligible", "2020", str(folder), "--lang", "en"], env=env)
    assert out.exit_code == 0, out.output
    table = out.stdout
    for text in (shown, table):
        assert not [word for word in VI_SENTENCE if word in text]
    for english in ("in 3 consecutive years", "missing year 2019", "within the period considered", "meets one standard"):
        assert english in shown
    assert "meets one standard of" in table and "meets standard khoản 2 of" in table and "to verify: " in table
    out = runner.invoke(app, ["eligible", "2020", str(folder), "--format", "json", "--lang", "en"])
    assert json.loads(out.stdout)["candidates"][0]["rule"]["meets"] == "meets one standard of Luật TĐKT 2003, Điều 22"
    # the library: Vietnamese by default, English on request; the rule files' values unchanged
    vi = next(c for c in explain(records, "tran thi binh", 2020) if c.rule.id == "cstd-tinh")
    en = next(c for c in explain(records, "tran thi binh", 2020, lang="en") if c.rule.id == "cstd-tinh")
    assert vi.reasons == ("✗ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở: thiếu năm 2019",)
    assert en.reasons == ("✗ Chiến sĩ thi đua cơ sở in 3 consecutive years: missing year 2019",)


def test_eligible_errors_follow_lang() -> None:
    """A year no rule set covers and an unknown --award say so in the interface language."""
    runner = CliRunner()
    early = runner.invoke(app, ["eligible", "1999", str(SAMPLE), "--lang", "en"])
    assert early.exit_code == 2 and "No rule set covers the year 1999" in early.output
    unknown = runner.invoke(app, ["eligible", "2020", str(SAMPLE), "--award", "Huy chương vàng xyz", "--lang", "en"])
    assert unknown.exit_code == 2 and "is not recognised" in unknown.output
    vi = runner.invoke(app, ["eligible", "1999", str(SAMPLE)])
    assert "Không có bộ quy tắc nào cho năm 1999" in vi.output
