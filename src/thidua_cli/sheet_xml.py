"""What an .xlsx sheet's XML says that python-calamine does not: its hidden columns (`<col …
hidden="1">`, in the `<cols>` part before the cells, so the first bytes of the sheet hold them),
and which sheet name each worksheet part belongs to (xl/workbook.xml and its relationships).
A hidden column is what the clerk took out of view ("Danh hiệu" of last year beside this year's):
read as it is, it would count every row twice."""

from __future__ import annotations

import html
import re
from typing import Any

_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'\b(min|max|hidden)="([^"]*)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_NAMED = re.compile(rb'\b(name|r:id|Id|Target)="([^"]*)"')
Ranges = tuple[tuple[int, int], ...]  # 0-based first and last column of each hidden run


def hidden_ranges(head: bytes) -> Ranges:
    """The hidden column runs a sheet's first bytes declare."""
    if b"hidden=" not in head:
        return ()
    found = []
    for attributes in _COL.findall(head):
        values = dict(_ATTRIBUTE.findall(attributes))
        if values.get(b"hidden") in (b"1", b"true") and values.get(b"min", b"").isdigit():
            first = int(values[b"min"])
            last = int(values[b"max"]) if values.get(b"max", b"").isdigit() else first
            found.append((first - 1, last - 1))
    return tuple(found)


def sheet_parts(archive: Any) -> dict[str, str]:
    """Worksheet part ("xl/worksheets/sheet2.xml", lower case) → its sheet's name."""
    targets = {}
    for attributes in _RELATION.findall(archive.read("xl/_rels/workbook.xml.rels")):
        values = dict(_NAMED.findall(attributes))
        target = values.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        targets[values.get(b"Id", b"")] = (target if target.startswith("xl/") else f"xl/{target}").lower()
    parts = {}
    for attributes in _SHEET.findall(archive.read("xl/workbook.xml")):
        values = dict(_NAMED.findall(attributes))
        part = targets.get(values.get(b"r:id", b""))
        if part:
            parts[part] = html.unescape(values.get(b"name", b"").decode("utf-8", "replace"))
    return parts

