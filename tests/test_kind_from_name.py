"""A collective typed into a list whose name column says "Họ và tên": the name decides the kind
of an award both kinds receive (Giấy khen, Bằng khen), with a warning — never counted as a person
silently. A kind column or the award text that says the kind still decides; a section or heading
that says one kind over a name of the other is a kind-conflict (not counted)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli.cli import app
from thidua_cli.loading import load

HEADER = ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng", "Năm"]
ROWS = [
    [1, "Lê Văn An", "Chuyên viên", "Giấy khen", 2019],
    [2, "Phòng Kế hoạch", None, "Giấy khen", 2019],
    [3, "Tổ Văn phòng", None, "Bằng khen UBND tỉnh", 2019],
    [4, "Đoàn Văn Bình", None, "Giấy khen", 2019],  # Đoàn: a surname here
    [5, "Đoàn Thanh niên", None, "Giấy khen", 2019],
]


def _kinds(path: Path) -> tuple[dict[str, str], list[tuple[str, int]]]:
    result = load([path], jobs=1)
    kinds = dict(zip(result.records["name"], result.records["kind"], strict=True))
    return kinds, [(c.code, c.row or 0) for c in result.checks]


def test_collective_names_under_person_header_count_as_collectives(tmp_path: Path):
    path = write_xlsx(tmp_path / "a.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], HEADER, *ROWS])
    kinds, checks = _kinds(path)
    assert kinds == {
        "Lê Văn An": "Cá nhân",
        "Phòng Kế hoạch": "Tập thể",
        "Tổ Văn phòng": "Tập thể",
        "Đoàn Văn Bình": "Cá nhân",
        "Đoàn Thanh niên": "Tập thể",
    }
    assert [c for c in checks if c[0] == "kind-from-name"] == [("kind-from-name", 5), ("kind-from-name", 6), ("kind-from-name", 8)]
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "--format", "csv", "--by", "award,kind"])
    assert out.exit_code == 0
    assert "Giấy khen,Tập thể,2" in out.stdout and "Giấy khen,Cá nhân,2" in out.stdout
    assert "Bằng khen,Tập thể,1" in out.stdout
    shown = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert "kind-from-name" in shown.stdout and "counted as Tập thể" in " ".join(shown.stdout.split())


def test_what_says_the_kind_still_decides(tmp_path: Path):
    section = write_xlsx(tmp_path / "muc.xlsx", [["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], HEADER, ["I. CÁ NHÂN"], *ROWS])
    kinds, checks = _kinds(section)
    assert kinds == {"Lê Văn An": "Cá nhân", "Đoàn Văn Bình": "Cá nhân"} and not [c for c in checks if c[0] == "kind-from-name"]
    problems = load([section], jobs=1).problems  # before: the three collectives counted as persons, exit 0
    assert [(p.code, p.row, p.value, p.detail) for p in problems] == [
        ("kind-conflict", 6, "Phòng Kế hoạch", "Tập thể"),
        ("kind-conflict", 7, "Tổ Văn phòng", "Tập thể"),
        ("kind-conflict", 9, "Đoàn Thanh niên", "Tập thể"),
    ]
    written = [[*row, "Cá nhân"] for row in ROWS]
    column = write_xlsx(tmp_path / "cot.xlsx", [["DANH SÁCH NĂM 2019"], [], [*HEADER, "Đối tượng"], *written])
    kinds, checks = _kinds(column)
    assert set(kinds.values()) == {"Cá nhân"} and not [c for c in checks if c[0] == "kind-from-name"]
    text = [[*row[:3], "Giấy khen cá nhân", row[4]] for row in ROWS]
    kinds, checks = _kinds(write_xlsx(tmp_path / "chu.xlsx", [["DANH SÁCH NĂM 2019"], [], HEADER, *text]))
    assert set(kinds.values()) == {"Cá nhân"} and not [c for c in checks if c[0] == "kind-from-name"]


def test_a_person_only_award_stays_a_kind_mismatch(tmp_path: Path):
    rows = [[1, "Phòng Kế hoạch", None, "Lao động tiên tiến", 2019], [2, "Lê Văn An", None, "LĐTT", 2019]]
    result = load([write_xlsx(tmp_path / "a.xlsx", [["DANH SÁCH NĂM 2019"], [], HEADER, *rows])], jobs=1)
    assert list(result.records["name"]) == ["Lê Văn An"]
    assert [(p.code, p.row) for p in result.problems] == [("kind-mismatch", 4)]


def test_a_name_of_the_other_kind_under_a_section_is_a_kind_conflict(tmp_path: Path):
    header = ["STT", "Tên cá nhân, tập thể", "Đơn vị"]
    rows = [
        ["I", "CÁ NHÂN"],
        [1, "Nguyễn Văn An", "Phòng A"],
        [2, "Phòng Kế toán", "Sở X"],
        [3, "Đội trưởng Trần Văn Cường", "Đội 1"],  # a position before a person's name
        ["II", "TẬP THỂ"],
        [1, "Phòng Hành chính", "Sở X"],
        [2, "Trần Thị Bình", "Phòng B"],
        [3, "Công đoàn cơ sở", "Sở X"],
        [4, "Lê Lợi", "Thị xã A"],  # a school named after a person: a collective's name too
        [5, "Hà Trung", "Tỉnh B"],  # a district
        ["III", "HỘ GIA ĐÌNH"],
        [1, "Lê Văn Dũng", "Thôn Đông"],  # a household goes by its head's name: no conflict
    ]
    path = write_xlsx(tmp_path / "gk.xlsx", [["DANH SÁCH ĐƯỢC TẶNG GIẤY KHEN NĂM 2020"], header, *rows])
    result = load([path], jobs=1)
    kinds = dict(zip(result.records["name"], result.records["kind"], strict=True))
    assert kinds == {
        "Nguyễn Văn An": "Cá nhân",
        "Phòng Hành chính": "Tập thể",
        "Công đoàn cơ sở": "Tập thể",
        "Lê Lợi": "Tập thể",
        "Hà Trung": "Tập thể",
        "Lê Văn Dũng": "Hộ gia đình",
        "Đội trưởng Trần Văn Cường": "Cá nhân",
    }
    assert [(p.code, p.row, p.detail) for p in result.problems] == [  # before: counted, exit 0
        ("kind-conflict", 5, "Tập thể"),
        ("kind-conflict", 9, "Cá nhân"),
    ]
    units = write_xlsx(  # the kind only the name header says: schools named after persons are no conflict
        tmp_path / "dv.xlsx",
        [["DANH SÁCH ĐƯỢC TẶNG GIẤY KHEN NĂM 2020"], ["STT", "Tên đơn vị"], [1, "Lê Văn Tám"], [2, "Trần Phú"]],
    )
    assert list(load([units], jobs=1).records["kind"]) == ["Tập thể", "Tập thể"]
    heading = write_xlsx(
        tmp_path / "cn.xlsx",
        [["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2020"], ["STT", "Họ và tên", "Chức vụ"], [1, "Lê Văn Cường", "CV"], [2, "Tổ Văn phòng", None]],
    )
    out = CliRunner().invoke(app, ["tally", "2020", str(heading), "--format", "csv", "--by", "award,kind", "--lang", "en"])
    assert out.exit_code == 1
    assert "Giấy khen,Cá nhân,1" in out.stdout and "Tập thể" not in out.stdout
    assert "kind-conflict" in out.stderr and "is that of a collective" in " ".join(out.stderr.split())
