"""Files and folders → one frame of records plus every finding: the `load` of the public API."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_cli.catalogue import KINDS, LEVELS, Catalogue, load_catalogue
from thidua_cli.layout import NoTable, find_table
from thidua_cli.normalise import RECORD_FIELDS, Normaliser, Record
from thidua_cli.problems import Problem, Severity
from thidua_cli.reading import UnreadableFile, find_workbooks, read_workbook

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class FileResult:
    """What one file gave: records, findings, and how many sheets held a table."""

    file: str
    records: list[Record]
    problems: list[Problem]
    checks: list[Problem] = field(default_factory=list)
    sheets: int = 0
    tables: int = 0
    readable: bool = True
    encodings: tuple[str, ...] = ()
    headers: dict[tuple[str, int], str] = field(default_factory=dict)  # (sheet, column) → header text


@dataclass
class LoadResult:
    """All records of all files as one frame, with every finding and per-file summaries."""

    records: pd.DataFrame
    problems: list[Problem]
    files: list[FileResult] = field(default_factory=list)
    checks: list[Problem] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)

    @property
    def readable_files(self) -> int:
        return sum(1 for f in self.files if f.readable)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def read_file(path: Path, catalogue: Catalogue, label: str | None = None) -> FileResult:
    """One workbook → records and findings. Pure: no printing, no global state."""
    name = label or str(path)
    try:
        workbook = read_workbook(path)
    except UnreadableFile as exc:
        return FileResult(name, [], [Problem("unreadable", name, detail=exc.reason)], readable=False)
    normaliser = Normaliser(catalogue, name)
    tables = 0
    encodings: list[str] = []
    headers: dict[tuple[str, int], str] = {}
    for sheet_name, error in workbook.sheet_errors:
        normaliser.problems.append(Problem("sheet-unreadable", name, sheet_name, detail=error))
    for sheet in workbook.sheets:
        found = find_table(sheet, catalogue, (sheet.name, path.stem, path.parent.name))
        if isinstance(found, NoTable):
            detail = "empty-sheet" if found.reason == "empty" else found.reason
            normaliser.problems.append(Problem("skipped-sheet", name, sheet.name, detail=detail))
            continue
        tables += 1
        for columns in found.columns.values():
            for column in columns:
                headers[(sheet.name, column.index)] = column.header
        if found.encoding:
            encodings.append(found.encoding)
        normaliser.add_table(found)
    return FileResult(
        name,
        normaliser.records,
        normaliser.problems,
        normaliser.checks,
        sheets=len(workbook.sheets),
        tables=tables,
        encodings=tuple(sorted(set(encodings))),
        headers=headers,
    )


def load(
    paths: Sequence[Path | str],
    catalogue: Catalogue | None = None,
    progress: Callable[[str], None] | None = None,
) -> LoadResult:
    """Read every workbook under `paths` (files or folders, recursively) into one frame."""
    catalogue = catalogue or load_catalogue()
    files, missing = find_workbooks([Path(p) for p in paths])
    results: list[FileResult] = []
    for path in files:
        results.append(read_file(path, catalogue))
        if progress:
            progress(str(path))
    records = [record for result in results for record in result.records]
    problems = [problem for result in results for problem in result.problems]
    checks = [check for result in results for check in result.checks]
    return LoadResult(records_frame(records, catalogue), problems, files=results, checks=checks, missing=missing)


def records_frame(records: list[Record], catalogue: Catalogue) -> pd.DataFrame:
    """Records as a frame with ordered categorical award, level, kind and category."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=list(RECORD_FIELDS))
    frame["row"] = frame["row"].astype("int64")
    for column in ("year", "name_col", "award_col", "year_col"):
        frame[column] = frame[column].astype("int64")
    order = {
        "award": [a.name for a in catalogue.awards],
        "level": list(LEVELS),
        "kind": list(KINDS),
        "category": sorted({a.category for a in catalogue.awards}, key=_category_order),
    }
    for column, categories in order.items():
        frame[column] = pd.Categorical(frame[column], categories=categories, ordered=True)
    frame["unit"] = _one_spelling(frame["unit"])
    return frame


def _one_spelling(units: pd.Series) -> pd.Series:
    """One display form per unit: "VĂN PHÒNG SỞ" (title block) and "Văn phòng Sở" (column) agree."""
    from thidua_cli.text import key

    best: dict[str, tuple[bool, int, str]] = {}
    for spelling, count in units.value_counts(sort=False).items():
        k = key(str(spelling))
        rank = (str(spelling) != str(spelling).upper(), int(count), str(spelling))
        if k not in best or rank[:2] > best[k][:2]:
            best[k] = rank
    mapping = {spelling: best[key(str(spelling))][2] for spelling in units.unique()}
    return units.map(mapping)


def _category_order(name: str) -> int:
    return 0 if name.startswith("Danh hiệu") else 1
