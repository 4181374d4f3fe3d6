"""How each sheet of a workbook was read: each table's region, header rows, each column's role with
its evidence, the rows that are no records and why, and the first records (`thidua inspect`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from thidua_cli.catalogue import Catalogue, load_catalogue
from thidua_cli.heading import Heading
from thidua_cli.layout import NoTable, SheetTable, find_table
from thidua_cli.normalise import Normaliser, RowNote
from thidua_cli.problems import Problem, with_suggestions
from thidua_cli.reading import UnreadableFile, read_workbook
from thidua_cli.records import RECORD_FIELDS
from thidua_cli.roles import ColumnRole, TableRoles
from thidua_cli.summaries import Summary

FIRST_RECORDS = 5


@dataclass(frozen=True)
class SheetInspection:
    """One table of a sheet (a sheet of several tables gives one each, top to bottom), or the
    sheet when it holds none."""

    sheet: str
    table: int  # 1, 2 … within the sheet
    read: bool  # a table was found and its rows read
    reason: str | None  # why not (NoTable reason), else None
    detail: str | None
    header_rows: tuple[int, int] | None  # Excel rows
    first_data_row: int | None  # Excel row
    last_row: int | None  # Excel row: the table's last (the sheet's end, or above the next table's title)
    columns: tuple[ColumnRole, ...]
    heading: Heading | None
    row_notes: tuple[RowNote, ...]
    records: int
    first_records: tuple[dict[str, Any], ...]
    problems: tuple[dict[str, object], ...]
    summary: Summary | None = None  # a summary count table: what it says (never counted)


@dataclass(frozen=True)
class FileInspection:
    file: str
    sheets: tuple[SheetInspection, ...] = ()
    problems: tuple[dict[str, object], ...] = field(default_factory=tuple)  # about the whole file

    def as_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


def inspect_files(paths: Sequence[Path], catalogue: Catalogue | None = None, lang: str = "vi") -> list[FileInspection]:
    """One inspection per workbook, in the order given."""
    catalogue = catalogue or load_catalogue()
    return [inspect_file(path, catalogue, lang) for path in paths]


def inspect_file(path: Path, catalogue: Catalogue, lang: str = "vi") -> FileInspection:
    name = str(path)
    try:
        workbook = read_workbook(path)
    except UnreadableFile as exc:
        return FileInspection(name, (), (Problem("unreadable", name, detail=exc.reason).as_dict(lang),))
    names = (path.stem, path.parent.name)
    sheets = []
    for sheet in workbook.sheets:
        for number, found in enumerate(find_table(sheet, catalogue, (sheet.name, *names), explain=True), 1):
            if isinstance(found, NoTable):
                sheets.append(_not_read(found, number, found.problem(name), lang))
            else:
                sheets.append(_read(found, number, catalogue, name, lang))
    return FileInspection(name, tuple(sheets))


def _not_read(found: NoTable, number: int, problem: Problem, lang: str) -> SheetInspection:
    rows = (found.header_rows[0] + 1, found.header_rows[1] + 1) if found.header_rows else None
    columns = found.roles.columns if found.roles else ()
    return SheetInspection(
        found.sheet,
        number,
        False,
        found.reason,
        found.detail,
        rows,
        None,
        found.region[1] if found.region else None,
        columns,
        None,
        (),
        0,
        (),
        (problem.as_dict(lang),),
        found.summary,
    )


def _read(table: SheetTable, number: int, catalogue: Catalogue, file: str, lang: str) -> SheetInspection:
    normaliser = Normaliser(catalogue, file, explain=True)
    normaliser.add_table(table)
    roles = table.roles or TableRoles(())
    first = [dict(zip(RECORD_FIELDS, record, strict=True)) for record in normaliser.records[:FIRST_RECORDS]]
    findings = [*with_suggestions(normaliser.problems, catalogue.suggest_award), *normaliser.checks]
    return SheetInspection(
        table.sheet,
        number,
        True,
        None,
        None,
        (table.header_first_row + 1, table.header_last_row + 1),
        table.first_data_row + 1,
        table.end_row,
        roles.columns,
        table.heading,
        tuple(normaliser.row_notes),
        len(normaliser.records),
        tuple(first),
        tuple(p.as_dict(lang) for p in findings),
    )


def _plain(value: Any) -> Any:
    """Tuples as lists, recursively: what JSON holds."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
