"""Workbook files → raw cell grids per sheet (values and merged ranges), nothing more."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")

Cell = Any
Merged = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class SheetGrid:
    """One sheet's cells: rows[i][j] is Excel row i+1, column j+1 (leading blanks kept)."""

    name: str
    rows: list[list[Cell]]
    merged: list[Merged] = field(default_factory=list)


@dataclass(frozen=True)
class WorkbookGrid:
    path: Path
    sheets: list[SheetGrid]
    sheet_errors: list[tuple[str, str]] = field(default_factory=list)


class UnreadableFile(Exception):
    """The file is not a workbook we can open; `reason` is a stable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def find_workbooks(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Spreadsheet files under the given files and folders (sorted), and the paths not found."""
    found: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, name) for name in sorted(files) if _wanted(name))
        elif path.is_file():
            if _wanted(path.name):
                found.append(path)
        else:
            missing.append(path)
    unique = list(dict.fromkeys(found))
    return unique, missing


def _wanted(name: str) -> bool:
    """A spreadsheet by its name, and not an office suite's lock file ("~$…", ".~lock.…")."""
    return os.path.splitext(name)[1].lower() in SPREADSHEET_SUFFIXES and not name.startswith(("~$", ".~lock."))


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile("os-error", exc.strerror or str(exc)) from exc


def read_workbook(path: Path, data: bytes | None = None) -> WorkbookGrid:
    """Every sheet's cell values. Raises UnreadableFile for corrupt or protected files."""
    import python_calamine as pc

    if data is None:
        data = read_bytes(path)
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_MARK in data:
        raise UnreadableFile("password")
    import io

    try:
        workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError as exc:
        raise UnreadableFile("password", str(exc)) from exc
    except Exception as exc:  # calamine raises several unrelated types for broken files
        raise UnreadableFile(_classify(data), str(exc)) from exc
    sheets: list[SheetGrid] = []
    errors: list[tuple[str, str]] = []
    for name in workbook.sheet_names:
        try:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = list(sheet.merged_cell_ranges or [])
        except Exception as exc:  # one broken sheet must not lose the others
            errors.append((name, str(exc)))
            continue
        sheets.append(SheetGrid(name=name, rows=rows, merged=merged))
    return WorkbookGrid(path=path, sheets=sheets, sheet_errors=errors)


def _classify(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if not data:
        return "empty"
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        return "html"
    return "corrupt"


def iter_text(rows: Iterable[list[Cell]]) -> Iterable[str]:
    for row in rows:
        for value in row:
            if isinstance(value, str) and value:
                yield value
