"""Reading and rewriting the cache's signed files in tests (their framing: see `thidua_cli.cache`)."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from thidua_cli.cache import MAGIC


def parts(path: Path) -> list[bytes]:
    """The parts of a cache file (entry or index), as stored."""
    data = path.read_bytes()
    assert data.startswith(MAGIC)
    at, found = len(MAGIC), []
    while at < len(data):
        end = data.index(b"\n", at)
        size = int(data[at:end].split(b" ")[1])
        found.append(data[end + 1 : end + 1 + size])
        at = end + 1 + size
    return found


def write_parts(path: Path, bodies: list[bytes], secret: bytes | None = None) -> None:
    """Write `bodies` as the file's parts, signed with `secret` (or with the plain SHA-256 of
    the former format, which no reader trusts)."""
    out = [MAGIC]
    for body in bodies:
        digest = hmac.new(secret, body, hashlib.sha256) if secret is not None else hashlib.sha256(body)
        out += [digest.hexdigest().encode(), b" %d\n" % len(body), body]
    path.write_bytes(b"".join(out))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.entry"))


def indexes(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.index"))
