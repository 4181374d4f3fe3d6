"""Which files a run reads, and their bytes: the part of reading that a run answered from the
cache needs (it finds the files and, when one changed, hashes it), apart from the workbook reader."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
MAX_FILE_BYTES = 1024**3  # a workbook larger than this on disk is not read into memory


class UnreadableFile(Exception):
    """The file is not a workbook we can open; `reason` is a stable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


class OwnWorkbook(Exception):
    """A workbook this tool wrote (summary, annotated copy, template): never read as input."""


def find_workbooks(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Spreadsheet files under the given files and folders (sorted), and the paths not found."""
    found: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, name) for name in sorted(files) if _wanted(name))
                # a symlink to a folder is not followed (no loops), but reported when "read"
                found.extend(Path(root, name) for name in dirs if os.path.islink(os.path.join(root, name)))
        elif os.path.lexists(path) and not path.is_dir():  # a FIFO or a device is reported when read
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
    """The file's bytes, if it is a regular file (a symlink is followed to one) of sane size: a
    FIFO would block forever, /dev/zero never end. Opened without blocking, then checked on the
    open descriptor, so that a file swapped for a FIFO in between is refused too."""
    try:
        _regular(os.stat(path).st_mode)  # before opening: opening a FIFO may block
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(handle, "rb") as file:
            info = os.fstat(file.fileno())
            _regular(info.st_mode)
            if info.st_size > MAX_FILE_BYTES:
                raise UnreadableFile("too-large", f"> {MAX_FILE_BYTES // 1024**2} MB")
            return file.read()
    except OSError as exc:
        raise UnreadableFile("os-error", exc.strerror or str(exc)) from exc


_KINDS = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"), (stat.S_ISDIR, "folder"))


def _regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "socket" if stat.S_ISSOCK(mode) else "?")
    raise UnreadableFile("not-a-file", kind)
