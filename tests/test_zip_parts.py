"""The zip check reads an .xlsx's parts straight from its bytes (`zip_parts`): the same bytes
zipfile gives, the same verdicts (`reading._inspect`), and zipfile's own answer for every zip
that is not a plain one or that zipfile might read otherwise (damaged, commented, prefixed)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.hostile import AWARD_ROWS, raw_xlsx
from thidua_cli import reading, zip_parts
from thidua_cli.reading import _inspect


def _book(path: Path, hide: bool = False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Danh hiệu"])
    for i in range(40):
        sheet.append([i + 1, f"Nguyễn Văn {i}", "Lao động tiên tiến"])
    if hide:
        sheet.column_dimensions["C"].hidden = True
    book.save(path)
    return path.read_bytes()


def _through_zipfile(data: bytes, monkeypatch: pytest.MonkeyPatch) -> object:
    def refuse(_data: bytes) -> list[zip_parts.Member]:
        raise zip_parts.Unsure("asked of zipfile")

    with monkeypatch.context() as patch:
        patch.setattr(zip_parts, "members", refuse)
        return _verdict(data)


def _verdict(data: bytes) -> object:
    try:
        return _inspect(data)
    except Exception as exc:  # a damaged deflate stream: zipfile lets zlib.error through
        return type(exc).__name__


def test_the_parts_read_as_zipfile_reads_them(tmp_path: Path) -> None:
    data = _book(tmp_path / "a.xlsx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    listed = zip_parts.members(data)
    assert [(m.name, m.size) for m in listed] == [(i.filename, i.file_size) for i in archive.infolist()]
    for member, info in zip(listed, archive.infolist(), strict=True):
        assert zip_parts.read(data, member) == archive.read(info)
        for limit in (0, 1, 1024, 4096, 10**6):
            with archive.open(info) as part:
                assert zip_parts.read(data, member, limit) == part.read(limit)


def test_verdicts_equal_zipfiles_on_good_hostile_and_damaged_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = [_book(tmp_path / "a.xlsx"), _book(tmp_path / "hidden.xlsx", hide=True)]
    books.append(raw_xlsx(tmp_path / "corner.xlsx", {**AWARD_ROWS, "XFD1048576": "x"}, dimension="A1:XFD1048576").read_bytes())
    books.append(raw_xlsx(tmp_path / "strings.xlsx", AWARD_ROWS, sst_count=4_000_000_000).read_bytes())
    assert [_verdict(b)[0] for b in books] == [None, None, "too-much", "too-much"]  # type: ignore[index]
    assert _verdict(books[1]) == (None, {"Sheet": ((2, 2),)})
    rnd = random.Random(16)
    variants = []
    for data in books:
        variants += [data, b"prefix" + data, data[:-22] + data[-22:-2] + b"\x02\x00" + b"hi", data[: len(data) // 2]]
        for _ in range(40):  # bytes changed in the directory, the first header, anywhere
            damaged = bytearray(data)
            at = rnd.choice([rnd.randrange(len(data) - 600, len(data)), rnd.randrange(64), rnd.randrange(len(data))])
            damaged[at] = rnd.randrange(256)
            variants.append(bytes(damaged))
    for data in variants:
        assert _verdict(data) == _through_zipfile(data, monkeypatch)


def test_what_is_not_a_plain_zip_is_left_to_zipfile(tmp_path: Path) -> None:
    data = _book(tmp_path / "a.xlsx")
    with pytest.raises(zip_parts.Unsure):
        zip_parts.members(b"prefix" + data)  # data before the zip
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = b"a comment"
    with pytest.raises(zip_parts.Unsure):
        zip_parts.members(buffer.getvalue())
    assert reading._inspect(buffer.getvalue()) == (None, {})
