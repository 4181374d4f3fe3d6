"""User text made harmless to show: control and escape characters become visible (`\\x1b`), and a
file name that is not UTF-8 shows its undecodable bytes as U+FFFD (it is still read by its bytes).

Rich markup in such text is escaped where it is printed (`rendering`, `cli`): this module is
plain Python so that core modules can use it for messages.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the lone surrogates that os.fsdecode uses for undecodable bytes;
# tab and newline are shown as they are in multi-line cells but not in one-line fields.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """`text` with every control character written out; None-safe callers pass str only."""
    if text.isprintable() or not _HIDDEN.search(text):
        return text
    return _HIDDEN.sub(_visible, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """Text that any UTF-8 stream accepts: the undecodable bytes of a file name (kept by Python as
    lone surrogates) become U+FFFD; nothing else changes (for CSV and JSON on stdout)."""
    return _SURROGATE.sub("\ufffd", text)


def shown_path(path: object) -> str:
    """A path (str, bytes or Path) for a message."""
    import os

    raw = os.fsdecode(path) if isinstance(path, bytes | os.PathLike) else str(path)
    return shown(raw)
