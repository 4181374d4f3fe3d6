from pathlib import Path

import pytest

from thidua_cli.catalogue import load_catalogue
from thidua_cli.errors import CatalogueError


@pytest.mark.parametrize(
    ("text", "award", "level"),
    [
        ("LĐTT", "Lao động tiên tiến", None),
        ("Lao dong tien tien", "Lao động tiên tiến", None),
        ("Lao động tiên tiến ", "Lao động tiên tiến", None),
        ("CSTĐCS", "Chiến sĩ thi đua cơ sở", None),
        ("Chiến sỹ thi đua cấp cơ sở", "Chiến sĩ thi đua cơ sở", None),
        ("TTLĐTT", "Tập thể lao động tiên tiến", None),
        ("TTLĐXS", "Tập thể lao động xuất sắc", None),
        ("HCLĐ hạng Ba", "Huân chương Lao động hạng Ba", None),
        ("Huân chương Lao động hạng III", "Huân chương Lao động hạng Ba", None),
        ("BK TTg", "Bằng khen", "Chính phủ"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen", "Tỉnh"),
        ("Bằng khen của Bộ trưởng Bộ LĐ-TBXH", "Bằng khen", "Bộ"),
        ("GK", "Giấy khen", None),
        ("Giấy khen của Giám đốc Sở", "Giấy khen", "Cơ sở"),
        ("Cờ thi đua xuất sắc dẫn đầu phong trào thi đua của UBND tỉnh", "Cờ thi đua", "Tỉnh"),
        ("CSTĐ cấp tỉnh", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "Tỉnh"),
        ("Lao động tiên tiến (LĐTT)", "Lao động tiên tiến", None),
        ("Bằng khen (của Chủ tịch UBND tỉnh)", "Bằng khen", "Tỉnh"),
        ("Giấy khen\ncủa Giám đốc\xa0Sở", "Giấy khen", "Cơ sở"),
        ('Danh hiệu "Lao động tiên tiến" năm 2018', "Lao động tiên tiến", None),
    ],
)
def test_award_variants(catalogue, text, award, level):
    match = catalogue.match_award(text)
    assert match is not None
    assert (match.award.name, match.level) == (award, level)


def test_unknown_award_is_not_guessed_but_suggested(catalogue):
    assert catalogue.match_award("Chiến sĩ thi đua") is None  # cơ sở or tỉnh? never guessed
    assert catalogue.match_award("Lao đông tien tiên xyz") is None
    assert catalogue.suggest_award("Lao đông tien tiên xyz") == "Lao động tiên tiến"


@pytest.mark.parametrize(
    ("text", "level", "issuer"),
    [
        ("GĐ Sở", "Cơ sở", "Giám đốc Sở"),
        ("UBND tỉnh", "Tỉnh", "Chủ tịch UBND tỉnh"),
        ("Bộ LĐTBXH", "Bộ", "Bộ trưởng"),
        ("Cấp tỉnh", "Tỉnh", None),
    ],
)
def test_level_column_values(catalogue, text, level, issuer):
    found = catalogue.match_level(text)
    assert found is not None
    assert found[0] == level
    assert (found[1].name if found[1] else None) == issuer


def test_decision_suffix(catalogue):
    assert catalogue.decision_levels("45/QĐ-TTg").levels == {"Chính phủ"}
    assert catalogue.decision_levels("QĐ: 1246/QĐ-UBND ngày12/6/2020").levels == {"Tỉnh", "Cơ sở"}
    assert catalogue.decision_levels("12/QĐ-LĐTBXH").levels == {"Bộ"}
    assert catalogue.decision_levels("QĐ số 45") is None


def test_user_catalogue_adds_aliases_and_awards(tmp_path: Path):
    extra = tmp_path / "rieng.toml"
    extra.write_text(
        '[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n\n'
        '[[award]]\nname = "Nhà giáo ưu tú"\ncategory = "Danh hiệu thi đua"\n'
        'kinds = ["Cá nhân"]\nlevels = ["Nhà nước"]\n',
        encoding="utf-8",
    )
    cat = load_catalogue([extra])
    assert cat.match_award("Lao động giỏi").award.name == "Lao động tiên tiến"
    assert cat.match_award("Nhà giáo ưu tú").award.usual_level == "Nhà nước"
    assert load_catalogue().match_award("Lao động giỏi") is None


def test_bad_user_catalogue_is_a_clear_error(tmp_path: Path):
    extra = tmp_path / "sai.toml"
    extra.write_text('[[award]]\nname = "Mới"\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="category"):
        load_catalogue([extra])


def test_shipped_catalogue_gives_no_alias_to_two_awards():
    import tomllib

    from thidua_cli.catalogue import expand_classes
    from thidua_cli.data import read_text
    from thidua_cli.text import key

    owners: dict[str, set[str]] = {}
    for raw in tomllib.loads(read_text("catalogue.toml"))["award"]:
        for entry in expand_classes(raw, "catalogue.toml"):
            aliases = [entry["name"], *entry.get("aliases", [])]
            aliases += [a for more in entry.get("aliases_by_level", {}).values() for a in more]
            for alias in aliases:
                owners.setdefault(key(alias), set()).add(entry["name"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_award_has_its_article_and_orders_and_medals_are_state_level(catalogue):
    assert all(award.article for award in catalogue.awards)
    for award in catalogue.awards:
        if award.name.startswith(("Huân chương", "Huy chương")) or award.category == "Danh hiệu vinh dự Nhà nước":
            assert award.levels == ("Nhà nước",), award.name
    names = {a.name for a in catalogue.awards}
    for order in ("Độc lập", "Quân công", "Lao động", "Bảo vệ Tổ quốc", "Chiến công"):
        assert {f"Huân chương {order} hạng {c}" for c in ("Nhất", "Nhì", "Ba")} <= names


def _check_cli(path: Path, *more: str):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from thidua_cli.cli import app

    return CliRunner().invoke(app, ["catalogue", "--check", str(path), *more])


def test_catalogue_check_clean_file_exits_0(tmp_path: Path):
    path = tmp_path / "rieng.toml"
    path.write_text('[[award]]\nname = "Lao động tiên tiến"\naliases = ["Lao động giỏi"]\n', encoding="utf-8")
    out = _check_cli(path)
    assert out.exit_code == 0, out.output
    assert "0 lỗi, 0 cảnh báo" in out.stdout


def test_catalogue_check_unknown_level_is_an_error_exit_2(tmp_path: Path):
    import json

    path = tmp_path / "rieng.toml"
    path.write_text(
        '[[award]]\nname = "Danh hiệu riêng"\ncategory = "Danh hiệu thi đua"\nkinds = ["Cá nhân"]\n'
        'levels = ["Huyện"]\n\n[[issuer]]\nname = "Trưởng phòng"\nlevel = "Phòng"\n',
        encoding="utf-8",
    )
    out = _check_cli(path, "--format", "json", "--lang", "en")
    assert out.exit_code == 2
    payload = json.loads(out.stdout)
    assert [(f["code"], f["severity"]) for f in payload["findings"]] == [
        ("unknown-level", "error"),
        ("unknown-level", "error"),
    ]
    assert "Level 'Huyện' does not exist" in payload["findings"][0]["message"]


def test_catalogue_check_warns_of_taken_shadowing_and_shared_aliases(tmp_path: Path):
    from thidua_cli.catalogue_check import check_catalogue

    path = tmp_path / "rieng.toml"
    path.write_text(
        '[[award]]\nname = "Giấy khen"\naliases = ["BK", "Bằng khen UBND tỉnh", "GKhen"]\n\n'
        '[[award]]\nname = "Lao động tiên tiến"\naliases = ["GKhen"]\nalias = ["sai tên trường"]\n',
        encoding="utf-8",
    )
    found = [(f.code, f.value) for f in check_catalogue(path)]
    assert found == [
        ("unknown-field", "alias"),
        ("alias-taken", "BK"),
        ("alias-shadows", "Bằng khen UBND tỉnh"),
        ("alias-two-awards", "GKhen"),
    ]
    out = _check_cli(path)
    assert out.exit_code == 1
    assert 'sẽ được đọc là "Giấy khen" thay vì "Bằng khen"' in out.stdout


def test_catalogue_check_reports_a_file_that_is_not_toml(tmp_path: Path):
    path = tmp_path / "rieng.toml"
    path.write_text("[[award]\nname = ", encoding="utf-8")
    out = _check_cli(path)
    assert out.exit_code == 2 and "Không đọc được tệp" in out.stdout
