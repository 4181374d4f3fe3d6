"""The parts of an .xlsx (a zip) as `zipfile` lists and reads them, straight from the bytes in
memory: the central directory unpacked with one `struct` call per part, a part's first bytes
inflated in the very chunks `zipfile.ZipExtFile.read` uses (so the same bytes, and the CRC
checked where it checks it). Only a plain zip is read here: one disk, no zip64, no archive
comment, nothing before it, no extra fields, parts stored or deflated and not encrypted. For
anything else, and wherever zipfile could raise, `Unsure` is raised and the caller asks zipfile,
which says what is wrong. The zip check of every workbook (`reading._inspect`) costs a third of
what it costs through zipfile (its objects, seeks and checks in Python, per part)."""

from __future__ import annotations

import os
import struct
import zlib
from typing import NamedTuple

_END = struct.Struct("<4s4H2LH")  # zipfile's structEndArchive
_DIRECTORY = struct.Struct("<4s4B4HL2L5H2L")  # structCentralDir
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # structFileHeader
_ZIP64_LOCATOR = b"PK\x06\x07"
_MAX_EXTRACT_VERSION = 63
_UTF8, _UNSUPPORTED = 0x800, 0x1 | 0x20 | 0x40  # name flag; encrypted, patched, strongly encrypted
_CHUNK = 4096  # ZipExtFile.MIN_READ_SIZE
_ALL = 1 << 31 - 1  # ZipExtFile.MAX_N


class Unsure(Exception):
    """Not a plain zip, or a part zipfile might read otherwise: ask zipfile."""


class Member(NamedTuple):
    """One part, as zipfile's ZipInfo has it."""

    name: str
    flags: int
    method: int
    crc: int
    packed: int  # compressed size
    size: int
    offset: int  # of its local header


def members(data: bytes) -> list[Member]:
    """`zipfile.ZipFile(io.BytesIO(data)).infolist()`, for a plain zip; else Unsure."""
    if len(data) < _END.size + 20 or data[-_END.size - 20 : -_END.size - 16] == _ZIP64_LOCATOR:
        raise Unsure("short, or zip64")
    sig, disk, start_disk, here, entries, size, offset, comment = _END.unpack_from(data, len(data) - _END.size)
    if sig != b"PK\x05\x06" or comment or disk or start_disk or here != entries:
        raise Unsure("an end record with a comment, or of several disks")
    at, end = offset, offset + size
    if end != len(data) - _END.size:  # data before the zip, or between its directory and its end
        raise Unsure("concatenated")
    found = []
    while at < end:
        if at + _DIRECTORY.size > end:
            raise Unsure("truncated directory")
        entry = _DIRECTORY.unpack_from(data, at)
        name_length, extra, remark = entry[12], entry[13], entry[14]
        if entry[0] != b"PK\x01\x02" or extra or entry[3] > _MAX_EXTRACT_VERSION:
            raise Unsure("not a plain directory entry")
        raw = data[at + _DIRECTORY.size : at + _DIRECTORY.size + name_length]
        name = _name(raw, entry[5])
        at += _DIRECTORY.size + name_length + remark
        found.append(Member(name, entry[5], entry[6], entry[9], entry[10], entry[11], entry[18]))
    if at != end:
        raise Unsure("directory size")
    return found


def _name(raw: bytes, flags: int) -> str:
    """The part's name as zipfile decodes it; Unsure where ZipInfo would change it."""
    try:
        name = raw.decode("utf-8" if flags & _UTF8 else "cp437")
    except UnicodeDecodeError:
        raise Unsure("name") from None
    if "\0" in name or (os.sep != "/" and os.sep in name):
        raise Unsure("name ZipInfo rewrites")
    return name


def read(data: bytes, member: Member, limit: int = -1) -> bytes:
    """`ZipFile.open(member).read(limit)` (limit < 0: the whole part); else Unsure."""
    if member.flags & _UNSUPPORTED or member.method not in (0, 8):
        raise Unsure("encrypted, or compressed otherwise")
    if len(data) < member.offset + _LOCAL.size:
        raise Unsure("truncated header")
    local = _LOCAL.unpack_from(data, member.offset)
    start = member.offset + _LOCAL.size + local[10] + local[11]
    raw_name = data[member.offset + _LOCAL.size : member.offset + _LOCAL.size + local[10]]
    if local[0] != b"PK\x03\x04" or start + member.packed > len(data) or _name(raw_name, local[3]) != member.name:
        raise Unsure("local header")
    return _Inflating(data[start : start + member.packed], member).read(limit)


class _Inflating:
    """ZipExtFile's reading (`read`, `_read1`, `_read2`, `_update_crc`) over bytes in memory."""

    def __init__(self, packed: bytes, member: Member) -> None:
        self.packed, self.at, self.left_packed, self.left = packed, 0, member.packed, member.size
        self.inflater = zlib.decompressobj(-15) if member.method == 8 else None
        self.crc, self.expected, self.eof = 0, member.crc, False

    def read(self, limit: int) -> bytes:
        if limit < 0:
            out = b""
            while not self.eof:
                out += self._read1(_ALL)
            return out
        out, wanted = b"", limit
        while wanted > 0 and not self.eof:
            data = self._read1(wanted)
            if wanted < len(data):
                return out + data[:wanted]
            out += data
            wanted -= len(data)
        return out

    def _read1(self, n: int) -> bytes:
        if self.eof or n <= 0:
            return b""
        try:
            if self.inflater is None:
                data = self._read2(n)
                self.eof = self.left_packed <= 0
            else:
                data = self.inflater.unconsumed_tail
                if n > len(data):
                    data += self._read2(n - len(data))
                data = self.inflater.decompress(data, max(n, _CHUNK))
                self.eof = self.inflater.eof or (self.left_packed <= 0 and not self.inflater.unconsumed_tail)
                if self.eof:
                    data += self.inflater.flush()
        except zlib.error:
            raise Unsure("deflate data") from None
        data = data[: self.left]
        self.left -= len(data)
        if self.left <= 0:
            self.eof = True
        self.crc = zlib.crc32(data, self.crc)
        if self.eof and self.crc != self.expected:
            raise Unsure("CRC")
        return data

    def _read2(self, n: int) -> bytes:
        if self.left_packed <= 0:
            return b""
        n = min(max(n, _CHUNK), self.left_packed)
        data = self.packed[self.at : self.at + n]
        self.at += len(data)
        self.left_packed -= len(data)
        return data
