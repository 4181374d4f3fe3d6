"""The layout gallery (tests/data/gallery, made by scripts/make_gallery.py): every family gives its
expected records, through the library and the CLI, and keeps them when clerks mutate the sheet."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scripts.make_gallery import FAMILIES, Family, write
from thidua_cli import load, load_catalogue
from thidua_cli.cli import app
from thidua_cli.inspection import inspect_files
from thidua_cli.layout import NoTable, find_table
from thidua_cli.reading import read_workbook
from thidua_cli.records import RECORD_FIELDS

GALLERY = Path(__file__).resolve().parent / "data" / "gallery"
AT = {name: i for i, name in enumerate(RECORD_FIELDS)}
SHOWN = ("name", "position", "award", "level", "kind", "year")


def got(path: Path, **kw: bool) -> tuple[Counter[tuple[object, ...]], list[tuple[str, str | None]]]:
    result = load([path], jobs=1, **kw)
    records = Counter(tuple(r[AT[f]] for f in SHOWN) for r in result.rows)
    return records, [(p.code, p.detail) for p in result.problems]


def test_gallery_files_are_what_the_script_makes():
    expected = json.loads((GALLERY / "expected.json").read_text("utf-8"))
    assert set(expected) == set(FAMILIES) == {p.stem for p in GALLERY.glob("*.xlsx")}
    for name, make in FAMILIES.items():
        family = make()
        assert expected[name]["records"] == [list(e) for e in family.expected]
        assert expected[name]["report"] == family.report
        assert expected[name].get("summary", []) == [[a, k, list(lv), y, n] for a, k, lv, y, n in family.summary]


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_each_family_gives_its_records(name: str):
    family = FAMILIES[name]()
    records, problems = got(GALLERY / f"{name}.xlsx")
    assert records == Counter(family.expected)
    if family.report:
        code, _, detail = family.report.partition(":")
        assert (code, detail or None) in [(c, d if detail else None) for c, d in problems]
    else:
        assert problems == []


def said(path: Path) -> Counter[tuple[object, ...]]:
    """What the summary sheets of a workbook say: (award, kind, levels, year, count) of each number."""
    found: Counter[tuple[object, ...]] = Counter()
    catalogue = load_catalogue()
    for sheet in read_workbook(path).sheets:
        for table in find_table(sheet, catalogue, (sheet.name,)):
            if isinstance(table, NoTable) and table.summary is not None:
                found.update((c.award, c.kind, c.level, c.year, c.count) for c in table.summary.counts)
    return found


@pytest.mark.parametrize("name", sorted(n for n, f in FAMILIES.items() if f().summary))
def test_a_summary_family_says_its_counts(name: str):
    assert said(GALLERY / f"{name}.xlsx") == Counter(FAMILIES[name]().summary)


@pytest.mark.parametrize("name", ["subheadings", "subheadings_no_stt"])
def test_sub_headings_set_the_unit_of_the_rows_below(name: str):
    family = FAMILIES[name]()
    result = load([GALLERY / f"{name}.xlsx"], jobs=1)
    assert {r[AT["name"]]: r[AT["unit"]] for r in result.rows} == family.units


def test_each_table_of_a_sheet_is_read_with_its_own_roles():
    """The collective table's "Cấp khen" stands where the people's "Chức vụ" does: read with the
    first table's roles, its levels would be positions and its decision numbers awards."""
    result = load([GALLERY / "two_tables.xlsx"], jobs=1)
    second = {r[AT["name"]]: r for r in result.rows if r[AT["kind"]] == "Tập thể"}
    assert {n: (r[AT["position"]], r[AT["level"]], r[AT["decision_number"]]) for n, r in second.items()} == {
        "Tổ Ngữ văn": ("", "Cơ sở", "25/QĐ-SGDĐT"),
        "Tổ Toán": ("", "Tỉnh", "60/QĐ-UBND"),
        "Công đoàn trường": ("", "Cơ sở", "12/QĐ-SGDĐT"),
    }
    assert result.files[0].tables == 2


def test_proposals_and_statuses_count_only_when_asked():
    records, _ = got(GALLERY / "proposal.xlsx", include_proposals=True)
    assert sum(records.values()) == 2
    result = load([GALLERY / "status.xlsx"], jobs=1, include_proposals=True)
    assert sorted(r[AT["status"]] for r in result.rows) == ["", "", "không đạt", "đề nghị"]
    out = CliRunner().invoke(
        app, ["tally", "2019-2020", str(GALLERY), "--include-proposals", "--by", "award,status", "-f", "csv", "-q"]
    )
    assert "Lao động tiên tiến,đề nghị,1" in out.stdout
    assert "Chiến sĩ thi đua cơ sở,không đạt,1" in out.stdout
    assert "Bằng khen,đề nghị,2" in out.stdout
    plain = CliRunner().invoke(app, ["tally", "2019-2020", str(GALLERY), "--by", "award", "-f", "csv", "-q"])
    assert "đề nghị" not in plain.stdout and "không đạt" not in plain.stdout


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_inspect_json_equals_the_library(name: str):
    path = GALLERY / f"{name}.xlsx"
    out = CliRunner().invoke(app, ["inspect", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [f.as_dict() for f in inspect_files([path])]
    sheets = inspect_files([path])[0].sheets
    family = FAMILIES[name]()
    assert [s.table for s in sheets] == list(range(1, len(family.more_headers) + 2))
    if family.expected:
        assert sum(s.records for s in sheets) == len(family.expected)
        assert sheets[0].header_rows == (family.header[0] + 1, family.header[1] + 1)
        assert [s.header_rows for s in sheets[1:]] == [(h + 1, h + 1) for h in family.more_headers]


def test_inspect_table_view_names_roles_and_evidence():
    out = CliRunner().invoke(app, ["inspect", str(GALLERY / "level_under_group.xlsx"), "--lang", "en"])
    assert out.exit_code == 0
    assert "level" in out.stdout and "Khen thưởng" in out.stdout and "group" in out.stdout


# --- mutations ------------------------------------------------------------------------------
def _shift_rows(family: Family, at: int, n: int) -> None:
    family.merges = [
        (r0 + n if r0 >= at else r0, c0, r1 + n if r1 >= at else r1, c1) for r0, c0, r1, c1 in family.merges
    ]
    family.header = tuple(h + n if h >= at else h for h in family.header)  # type: ignore[assignment]
    family.more_headers = [h + n if h >= at else h for h in family.more_headers]


def insert_column(family: Family) -> Family | None:
    """A "Năm sinh" column after the name (in every table of the sheet)."""
    at = 2
    first, last = family.header
    for r, row in enumerate(family.rows):
        row += [None] * (family.width() - len(row))
        record = r > last and isinstance(row[0], int) and isinstance(row[1], str)
        value = "Năm sinh" if r == first or r in family.more_headers else (1985 if record else None)
        row.insert(at, value)
    if last > first:
        family.merges.append((first, at, last, at))
    family.merges = [
        (r0, c0 + (c0 >= at), r1, c1 + (c1 >= at)) if (r0, c0, r1, c1) != (first, at, last, at) else (r0, c0, r1, c1)
        for r0, c0, r1, c1 in family.merges
    ]
    return family


def swap_columns(family: Family) -> Family | None:
    """The last two columns change places (when no block is merged across them)."""
    width = family.width()
    a, b = width - 2, width - 1
    if any(c0 != c1 and c0 <= b and c1 >= a for _, c0, _, c1 in family.merges):
        return None
    for row in family.rows:
        row += [None] * (width - len(row))
        row[a], row[b] = row[b], row[a]
    family.merges = [(r0, {a: b, b: a}.get(c0, c0), r1, {a: b, b: a}.get(c1, c1)) for r0, c0, r1, c1 in family.merges]
    return family


SYNONYMS = {
    "Họ và tên": "Họ tên",
    "STT": "Số TT",
    "Danh hiệu thi đua": "Danh hiệu",
    "Hình thức khen thưởng": "Hình thức khen",
    "Cấp khen": "Cơ quan khen thưởng",
    "Chức vụ": "Chức danh",
    "Năm": "Năm thi đua",
    "Danh hiệu": "Danh hiệu thi đua",
}


def synonym(family: Family) -> Family | None:
    first, last = family.header
    changed = False
    for row in family.rows[first : last + 1]:
        for c, value in enumerate(row):
            if isinstance(value, str) and value in SYNONYMS:
                row[c], changed = SYNONYMS[value], True
    return family if changed else None


def group_header(family: Family) -> Family | None:
    """A one-tier header wrapped: "Khen thưởng" over the columns after the name."""
    first, last = family.header
    if first != last:
        return None
    width = family.width()
    header = family.rows[first] + [None] * (width - len(family.rows[first]))
    top = [header[0], header[1], "Khen thưởng", *([None] * (width - 3))]
    below = [None, None, *header[2:]]
    family.rows[first : first + 1] = [top, below]
    _shift_rows(family, first + 1, 1)
    family.header = (first, first + 1)
    family.merges += [(first, 0, first + 1, 0), (first, 1, first + 1, 1), (first, 2, first, width - 1)]
    return family


def move_down(family: Family) -> Family | None:
    first = family.header[0]
    family.rows[first:first] = [[] for _ in range(10)]
    _shift_rows(family, first, 10)
    return family


def add_subheading(family: Family) -> Family | None:
    """A unit sub-heading row in the name column above the first numbered row (in a table
    without an STT column: above the first row whose name has cells beside it)."""
    last = family.header[1]
    if family.rows[family.header[0]][0] == "Họ và tên":
        for r in range(last + 1, len(family.rows)):
            row = family.rows[r]
            if len([v for v in row if v is not None]) >= 2:
                family.rows.insert(r, ["Phòng Hành chính - Tổng hợp"])
                _shift_rows(family, r, 1)
                return family
        return None
    for r in range(last + 1, len(family.rows)):
        row = family.rows[r]
        if (
            row
            and isinstance(row[0], int)
            and isinstance(row[1], str)
            and not isinstance(row[2] if len(row) > 2 else None, int)
        ):
            family.rows.insert(r, [None, "Phòng Hành chính - Tổng hợp"])
            _shift_rows(family, r, 1)
            return family
    return None


MUTATIONS: dict[str, Callable[[Family], Family | None]] = {
    "insert_column": insert_column,
    "swap_columns": swap_columns,
    "synonym": synonym,
    "group_header": group_header,
    "move_down": move_down,
    "add_subheading": add_subheading,
}
CLEAR_REPORTS = {"ambiguous-columns", "skipped-sheet", "proposal-list", "not-awarded", "unknown-award", "missing-award"}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_mutated_sheet_gives_the_same_records_or_a_clear_report(tmp_path: Path, name: str, mutation: str):
    original = FAMILIES[name]()
    family = MUTATIONS[mutation](copy.deepcopy(original))
    if family is None:
        pytest.skip(f"{mutation} does not apply to {name}")
    records, problems = got(write(family, tmp_path / f"{name}-{mutation}.xlsx"))
    expected = Counter(original.expected)
    if records != expected:  # never a different count: either nothing read, with the reason …
        assert not records, (records - expected, expected - records, problems)
        assert {code for code, _ in problems} & CLEAR_REPORTS, problems
    elif not original.report:  # … or the same records, with nothing else to say
        assert [p for p in problems if p[0] not in ("skipped-sheet",)] == [], problems
    if original.summary:  # a summary says the same numbers, or the sheet is reported as no table
        counts = said(tmp_path / f"{name}-{mutation}.xlsx")
        assert counts == Counter(original.summary) or (not counts and ("skipped-sheet", "no-header") in problems)
