"""Every file the tool writes goes through here: never onto an input, never over an existing file
without `--force`, always whole (a temporary file in the target folder, renamed into place), and
— for workbooks — marked as the tool's own, with text that Excel can open.

A failed or interrupted write (disk full, a size limit, Ctrl-C) leaves the previous file as it
was and no partial file; missing folders are created; permission and disk errors are usage
errors (exit 2) with the path and the system's reason.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from thidua_cli.errors import UsageError
from thidua_cli.patterns import lazy

# The document properties `category` and `lastModifiedBy` of every summary and annotated copy the
# tool writes. Re-saved by a person in Excel or LibreOffice, `lastModifiedBy` names them instead,
# and the workbook is read again: a unit may send back its corrected copy.
MARK = "thidua-cli"
MARKS = (b"<cp:category>thidua-cli</cp:category>", b"<cp:lastModifiedBy>thidua-cli</cp:lastModifiedBy>")
_ILLEGAL_XML = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # and lone surrogates


class OutputError(UsageError):
    """An output that must not or cannot be written (exit 2)."""


@dataclass(frozen=True)
class Guard:
    """What outputs must never replace: the files read (by identity and by path, worked out at
    the first output checked: a tally shown on the terminal resolves and stats none of its
    hundreds of inputs again) and, without `force`, any file that already exists."""

    inputs: tuple[str, ...] = ()
    force: bool = False
    lang: str = "vi"

    @classmethod
    def of(cls, inputs: Iterable[Path | str], force: bool = False, lang: str = "vi") -> Guard:
        return cls(tuple(str(path) for path in inputs), force, lang)

    @cached_property
    def paths(self) -> frozenset[str]:
        return frozenset(map(os.path.realpath, self.inputs))

    @cached_property
    def identities(self) -> frozenset[tuple[int, int]]:
        found = set()
        for path in self.inputs:
            try:
                stat = os.stat(path)
                found.add((stat.st_dev, stat.st_ino))
            except OSError:
                pass
        return frozenset(found)

    def is_input(self, target: Path) -> bool:
        if os.path.realpath(target) in self.paths:
            return True
        try:
            stat = os.stat(target)
        except OSError:
            return False
        return (stat.st_dev, stat.st_ino) in self.identities

    def check(self, target: Path) -> None:
        """Raise OutputError when `target` may not be written."""
        vi = self.lang != "en"
        if self.is_input(target):
            raise OutputError(
                f"{_shown(target)} là một tệp đang được đọc; chọn tên khác cho tệp kết quả"
                if vi
                else f"{_shown(target)} is one of the files being read; choose another name for the output"
            )
        if os.path.isdir(target):
            raise OutputError(f"{_shown(target)} là thư mục" if vi else f"{_shown(target)} is a folder")
        if os.path.lexists(target) and not self.force:
            raise OutputError(
                f"{_shown(target)} đã có; dùng --force để ghi đè"
                if vi
                else f"{_shown(target)} already exists; use --force to replace it"
            )


def _shown(path: Path | str) -> str:
    from thidua_cli.display import shown_path

    return shown_path(path)


def write_file(target: Path, write: Callable[[str], None], guard: Guard | None = None) -> Path:
    """`write(temporary_path)` then rename onto `target`: the one way every output is written."""
    if guard is not None:
        guard.check(target)
    folder = target.parent
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        os.close(handle)
        _quietly(write, temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise OutputError(_os_message(target, exc, guard.lang if guard else "vi")) from exc
    except Exception as exc:  # lxml reports a full disk or a size limit as its own error
        if type(exc).__name__ != "SerialisationError":
            raise
        raise OutputError(_os_message(target, OSError(str(exc)), guard.lang if guard else "vi")) from exc
    finally:
        if temporary is not None:  # failed or interrupted: no partial file left behind
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target


def _quietly(write: Callable[[str], None], path: str) -> None:
    """`write(path)`; when it fails, the writer's half-closed generators complain on stderr as they
    are collected ("Exception ignored in …"): that is the same failure, reported once by us."""
    import gc
    import sys
    import traceback

    try:
        write(path)
    except BaseException as exc:
        hook = sys.unraisablehook
        sys.unraisablehook = lambda _: None
        try:
            traceback.clear_frames(exc.__traceback__)  # the writer's frames hold its generators
            gc.collect()
        finally:
            sys.unraisablehook = hook
        raise


def _os_message(target: Path, exc: OSError, lang: str) -> str:
    reason = exc.strerror or str(exc)
    if lang == "en":
        return f"cannot write {_shown(target)}: {reason}"
    return f"không ghi được {_shown(target)}: {reason}"


def write_text(target: Path, text: str, guard: Guard | None = None, encoding: str = "utf-8") -> Path:
    from thidua_cli.display import printable

    def write(path: str) -> None:
        with open(path, "w", encoding=encoding, newline="") as out:
            out.write(printable(text))

    return write_file(target, write, guard)


Streamed = tuple[Any, Iterable[bytes], str]  # (sheet, rows of its sheet XML, its dimension)


def save_workbook(
    workbook: Any,
    target: Path,
    guard: Guard | None = None,
    mark: bool = True,
    streamed: Sequence[Streamed] = (),
) -> Path:
    """An openpyxl workbook, written whole; `mark`ed as the tool's own in its document properties
    (so that it is never read back as input). The template is not marked: units fill it in.
    `streamed` [(sheet, rows, dimension), …]: rows of sheet XML written after each sheet's own
    rows as the file is saved, never held (see `_save_streamed`), the sheets in workbook order."""
    if mark:
        workbook.properties.category = MARK
        workbook.properties.lastModifiedBy = MARK
    if not streamed:
        return write_file(target, workbook.save, guard)
    return write_file(target, lambda path: _save_streamed(workbook, path, streamed), guard)


def _save_streamed(workbook: Any, path: str, streamed: Sequence[Streamed]) -> None:
    """The workbook as openpyxl writes it, with each streamed sheet's rows written before the end
    of its sheetData: every other part copied as written, those parts written as the rows come
    (in the order given, which must be the parts' order: the rows may come from one iterator)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    workbook.save(buffer)
    parts = {sheet.path.lstrip("/"): (rows, dimension) for sheet, rows, dimension in streamed}  # xl/worksheets/…
    order = [sheet.path.lstrip("/") for sheet, _, _ in streamed]
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        if [item.filename for item in source.infolist() if item.filename in parts] != order:
            raise RuntimeError(f"the streamed sheets {order} are not in the order of the saved parts")
        for item in source.infolist():
            data = source.read(item)
            if item.filename not in parts:
                out.writestr(item, data)
                continue
            rows, dimension = parts[item.filename]
            head, tail = data.split(b"</sheetData>", 1)
            head = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), head, count=1)
            part = zipfile.ZipInfo(item.filename, item.date_time)
            part.compress_type = zipfile.ZIP_DEFLATED
            with out.open(part, "w", force_zip64=True) as stream:
                stream.write(head)
                for row in rows:
                    stream.write(row)
                stream.write(b"</sheetData>" + tail)


def cell_value(value: Any) -> Any:
    """A value openpyxl can store: characters XML 1.0 cannot hold (U+0001 …, which Excel keeps
    as _x0001_) replaced by U+FFFD; openpyxl refuses them outright."""
    if isinstance(value, str) and _ILLEGAL_XML.search(value):
        return _ILLEGAL_XML.sub("\ufffd", value)
    return value


def xml_safe(text: str) -> str:
    return _ILLEGAL_XML.sub("\ufffd", text)


def illegal_cells(values: Iterable[Iterable[Any]]) -> int:
    """How many values `cell_value` changes (reported once per command, not once per cell)."""
    return sum(1 for row in values for v in row if isinstance(v, str) and _ILLEGAL_XML.search(v))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV value that a spreadsheet will not run as a formula (OWASP's rule: a text starting
    with = + - @ tab or carriage return gets a leading apostrophe); `--raw-csv` skips this."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
