"""The kind a recipient's name shows, judged by evidence. A production unit of an enterprise typed
under "Họ và tên" ("Ca 1 Phân xưởng Sợi", "Kíp sản xuất 2", "Nông trường Sông Âm", "Đoàn kiểm tra
số 2") is a collective: counted as Tập thể where only the name header says person, reported where
a section or a person's award says otherwise — before, counted as a person with exit 0. A person
whose surname starts a collective word ("Đoàn Công Tác", "Lâm Trường Sơn") under "I. CÁ NHÂN" is a
person, no kind-conflict; under "Họ và tên" alone the name reads both ways and is reported."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import write_xlsx
from thidua_cli.cli import app
from thidua_cli.loading import load

UNITS = [
    "Ca 1 Phân xưởng Sợi",
    "Kíp sản xuất 2",
    "Nông trường Sông Âm",
    "Lâm trường Lang Chánh",
    "Đoàn kiểm tra số 2",
    "Ca số 3",
    "Kíp B",
    "Ca đêm Phân xưởng Dệt",
]
PEOPLE = ["Lê Văn An", "Ca Văn Minh", "Nông Văn Dền", "Kíp trưởng Trần Văn Hùng"]  # "Ca": a surname too


def _sheet(
    names: list[str],
    award: str,
    *,
    section: str | None = None,
    extra: bool = False,
    swapped: bool = False,
    down: int = 0,
) -> list[list[object]]:
    """A list as clerks type it: a title, a header, numbered rows; with `extra` a "Năm sinh" and a
    "Ghi chú" column, with `swapped` the award before the name, `down` blank rows above the title."""
    header = ["STT", "Họ và tên", "Hình thức khen thưởng", "Năm"]
    rows = [[i, name, award, 2019] for i, name in enumerate(names, 1)]
    if swapped:
        header = [header[0], header[2], header[1], header[3]]
        rows = [[r[0], r[2], r[1], r[3]] for r in rows]
    if extra:
        header = [*header[:2], "Năm sinh", *header[2:], "Ghi chú"]
        rows = [[*r[:2], 1980, *r[2:], None] for r in rows]
    body: list[list[object]] = [[section], *rows] if section else list(rows)
    return [*[[] for _ in range(down)], ["DANH SÁCH KHEN THƯỞNG NĂM 2019"], [], header, *body]


def _read(path: Path) -> tuple[dict[str, str], list[tuple[str, str | None]]]:
    result = load([path], jobs=1)
    kinds = dict(zip(result.records["name"], result.records["kind"], strict=True))
    return kinds, [(p.code, p.value) for p in [*result.problems, *result.checks]]


MUTATIONS = [{}, {"extra": True}, {"swapped": True}, {"down": 4}, {"extra": True, "swapped": True, "down": 2}]


@pytest.mark.parametrize("how", MUTATIONS)
def test_production_units_under_a_person_header_are_collectives(tmp_path: Path, how: dict[str, int]) -> None:
    path = write_xlsx(tmp_path / "gk.xlsx", _sheet([*UNITS, *PEOPLE], "Giấy khen", **how))
    kinds, findings = _read(path)  # before: every unit counted as Cá nhân, exit 0
    assert kinds == {**dict.fromkeys(UNITS, "Tập thể"), **dict.fromkeys(PEOPLE, "Cá nhân")}
    assert Counter(code for code, _ in findings) == {"kind-from-name": len(UNITS)}
    out = CliRunner().invoke(app, ["tally", "2019", str(path), "-f", "csv", "--by", "kind"])
    assert out.exit_code == 0 and "Tập thể,8" in out.stdout and "Cá nhân,4" in out.stdout


@pytest.mark.parametrize("how", MUTATIONS)
def test_a_unit_given_a_persons_award_or_under_a_persons_section_is_reported(
    tmp_path: Path, how: dict[str, int]
) -> None:
    title = _sheet([*UNITS, *PEOPLE], "Lao động tiên tiến", **how)
    kinds, findings = _read(write_xlsx(tmp_path / "lt.xlsx", title))
    assert kinds == dict.fromkeys(PEOPLE, "Cá nhân")  # before: the units were persons' LĐTT, exit 0
    assert sorted(findings) == sorted(("kind-mismatch", "Lao động tiên tiến") for _ in UNITS)
    section = _sheet([*UNITS, *PEOPLE], "Bằng khen UBND tỉnh", section="I. CÁ NHÂN", **how)
    kinds, findings = _read(write_xlsx(tmp_path / "bk.xlsx", section))
    assert kinds == dict.fromkeys(PEOPLE, "Cá nhân")
    assert sorted(findings) == sorted(("kind-conflict", name) for name in UNITS)


def test_a_kind_column_still_decides_and_a_units_section_counts_them(tmp_path: Path) -> None:
    rows = _sheet(UNITS, "Giấy khen", section="II. TẬP THỂ")
    kinds, findings = _read(write_xlsx(tmp_path / "tt.xlsx", rows))
    assert kinds == dict.fromkeys(UNITS, "Tập thể") and findings == []
    header = ["STT", "Tên cá nhân, tập thể", "Hình thức khen thưởng", "Năm"]
    both = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2019"],
        header,
        *[[i, n, "Giấy khen", 2019] for i, n in enumerate([*UNITS, *PEOPLE], 1)],
    ]
    kinds, findings = _read(write_xlsx(tmp_path / "cn-tt.xlsx", both))  # before: "Ca 1 …" ambiguous-kind
    assert kinds == {
        **dict.fromkeys(UNITS, "Tập thể"),
        "Lê Văn An": "Cá nhân",
        "Nông Văn Dền": "Cá nhân",
        "Kíp trưởng Trần Văn Hùng": "Cá nhân",
    }
    assert findings == [("ambiguous-kind", "Ca Văn Minh")]  # no surname of the list: the name says nothing, as before


READ_BOTH = ["Đoàn Công Tác", "Lâm Trường Sơn", "ĐOÀN THANH TRA"]
COLLECTIVES = ["Đoàn thanh niên trường THPT Lê Lợi", "Đoàn kiểm tra số 2", "Đoàn công tác số 1"]


@pytest.mark.parametrize("how", MUTATIONS)
def test_a_persons_name_that_starts_with_a_unit_word_is_a_person_under_a_persons_section(
    tmp_path: Path, how: dict[str, int]
) -> None:
    path = write_xlsx(
        tmp_path / "cn.xlsx", _sheet([*READ_BOTH, *COLLECTIVES, "Lê Văn An"], "Giấy khen", section="I. CÁ NHÂN", **how)
    )
    # before: "Đoàn Công Tác", "ĐOÀN THANH TRA" kind-conflict, "Đoàn kiểm tra số 2" a person
    kinds, findings = _read(path)
    assert kinds == {**dict.fromkeys(READ_BOTH, "Cá nhân"), "Lê Văn An": "Cá nhân"}
    assert sorted(findings) == sorted(("kind-conflict", name) for name in COLLECTIVES)
    heading = [["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2020"], ["STT", "Họ và tên", "Chức vụ"]]
    heading += [[i, name, None] for i, name in enumerate([*READ_BOTH, *COLLECTIVES], 1)]
    kinds, findings = _read(write_xlsx(tmp_path / "tieu-de.xlsx", heading))  # the page heading says it
    assert kinds == dict.fromkeys(READ_BOTH, "Cá nhân")
    assert sorted(findings) == sorted(("kind-conflict", name) for name in COLLECTIVES)


def test_a_name_that_reads_both_ways_under_a_name_header_alone_is_reported(tmp_path: Path) -> None:
    names = [*READ_BOTH, "Đoàn Thanh niên", "Đội trưởng Trần Văn Bình", "Lê Văn An"]
    kinds, findings = _read(write_xlsx(tmp_path / "ht.xlsx", _sheet(names, "Giấy khen")))
    # before: "Đoàn Công Tác" a collective, "Đội trưởng Trần Văn Bình" a collective (kind-from-name), exit 0
    assert kinds == {"Đoàn Thanh niên": "Tập thể", "Đội trưởng Trần Văn Bình": "Cá nhân", "Lê Văn An": "Cá nhân"}
    assert sorted(findings) == sorted(
        [*[("ambiguous-kind", n) for n in READ_BOTH], ("kind-from-name", "Đoàn Thanh niên")]
    )
    kinds, findings = _read(write_xlsx(tmp_path / "lt.xlsx", _sheet(names, "Lao động tiên tiến")))  # a person's award
    assert kinds == {
        **dict.fromkeys(READ_BOTH, "Cá nhân"),
        "Đội trưởng Trần Văn Bình": "Cá nhân",
        "Lê Văn An": "Cá nhân",
    }
    assert findings == [("kind-mismatch", "Lao động tiên tiến")]  # "Đoàn Thanh niên" only
    out = CliRunner().invoke(app, ["validate", str(tmp_path / "ht.xlsx"), "--lang", "en"])
    assert out.exit_code == 1 and "ambiguous-kind" in out.stdout


def test_a_namesakes_mark_does_not_make_a_name_that_reads_both_ways_a_collective(tmp_path: Path) -> None:
    """Review: "Lâm Trường Giang (B)", "Nông Trường Sơn.", "Đoàn Minh Tuấn 2" (a mark telling two
    namesakes apart) were counted as Tập thể, with only the kind-from-name warning, exit 0."""
    marked = ["Lâm Trường Giang (B)", "Nông Trường Sơn.", "Đoàn Minh Tuấn 2"]
    kinds, findings = _read(write_xlsx(tmp_path / "ht.xlsx", _sheet([*marked, "Lê Văn An"], "Giấy khen")))
    assert kinds == {"Lê Văn An": "Cá nhân"}
    assert sorted(findings) == sorted(("ambiguous-kind", n) for n in marked)
    path = write_xlsx(tmp_path / "cn.xlsx", _sheet(marked, "Giấy khen", section="I. CÁ NHÂN"))
    assert _read(path) == (dict.fromkeys(marked, "Cá nhân"), [])


def test_a_position_before_a_person_whose_surname_starts_a_unit_word_is_a_person(tmp_path: Path) -> None:
    """Review: "Tổ trưởng Đoàn Văn Hùng" under "Tên cá nhân, tập thể" was counted as Tập thể, no
    finding, exit 0 ("Đoàn Văn Hùng" alone shows no kind: Đoàn starts a unit's name too)."""
    names = ["Tổ trưởng Đoàn Văn Hùng", "Đội trưởng Đoàn Thị Lan", "Nguyễn Văn An", "Phòng Kế toán"]
    rows = [[i, n, "Công ty Dệt", "Giấy khen"] for i, n in enumerate(names, 1)]
    header = ["STT", "Tên cá nhân, tập thể", "Đơn vị", "Hình thức khen thưởng"]
    path = write_xlsx(tmp_path / "gk.xlsx", [["DANH SÁCH ĐƯỢC TẶNG GIẤY KHEN NĂM 2020"], header, *rows])
    kinds, findings = _read(path)
    assert kinds == {**dict.fromkeys(names[:3], "Cá nhân"), "Phòng Kế toán": "Tập thể"} and findings == []
