"""Issue 14, point 10: a bounded fuzz run (seeded, well under 60 s). Hostile workbooks — random
bytes, and real sample files mutated (bytes flipped, cut short, sheet XML rewritten to claim
huge ranges, merges, string counts, control characters) — beside good ones. Asserted: no
traceback, a documented exit code, every good file's records counted as when read alone, and
every input byte-identical afterwards."""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SAMPLE
from tests.hostile import AWARD_ROWS, raw_xlsx
from thidua_cli import load

SEED = 14
DOCUMENTED_EXIT_CODES = {0, 1, 2, 3}


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


_XML_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    lambda x, r: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', x),
    lambda x, r: re.sub(rb'r="([A-Z]+)(\d+)"', lambda m: b'r="XFD1048576"' if r.random() < 0.05 else m[0], x),
    lambda x, r: x.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    ),
    lambda x, r: re.sub(rb'(count|uniqueCount)="\d+"', b'\\1="4000000000"', x),
    lambda x, r: re.sub(rb"<t>([^<]{3})", b"<t>\\1_x0001__x001B_[2J[/x]", x, count=5),
    lambda x, r: re.sub(rb"</row>", b"", x, count=r.randint(1, 3)),
    lambda x, r: re.sub(rb"<v>[^<]*</v>", lambda m: b"<v>" + str(r.random() * 1e308).encode() + b"</v>", x, count=20),
    lambda x, r: x[: len(x) // 2],
]


def _rewrite(data: bytes, rng: random.Random) -> bytes:
    """One XML mutation applied to each sheet and shared-string part of an .xlsx."""
    mutation = rng.choice(_XML_MUTATIONS)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.startswith(("xl/worksheets/", "xl/sharedStrings")):
                part = mutation(part, rng)
            out.writestr(info.filename, part)
    return buffer.getvalue()


def _corpus(folder: Path) -> tuple[list[Path], list[Path]]:
    rng = random.Random(SEED)
    real = sorted(p for p in SAMPLE.rglob("*") if p.suffix in (".xlsx", ".xls"))
    chosen = rng.sample(real, 8)
    good = []
    for n, path in enumerate(chosen):
        target = folder / "tot" / f"{n}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        good.append(target)
    bad = folder / "xau"
    bad.mkdir()
    for n in range(24):
        source = rng.choice(chosen)
        data = source.read_bytes()
        mutate = rng.choice([_flip, _cut, _rewrite, _rewrite] if source.suffix == ".xlsx" else [_flip, _cut])
        (bad / f"m{n}-{source.name}").write_bytes(mutate(data, rng))
    for n in range(4):
        (bad / f"r{n}.xlsx").write_bytes(b"PK\x03\x04" + rng.randbytes(rng.randint(0, 3000)))
        (bad / f"r{n}.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(rng.randint(0, 3000)))
    raw_xlsx(bad / "goc-xa.xlsx", {**AWARD_ROWS, "XFD1048576": "xa"})
    raw_xlsx(bad / "gop-ca-trang.xlsx", AWARD_ROWS, merges=["A1:XFD1048576"])
    raw_xlsx(bad / "bon-ti-chuoi.xlsx", AWARD_ROWS, sst_count=4_000_000_000)
    raw_xlsx(bad / "khong-trang.xlsx", AWARD_ROWS, sheets=False)
    os.mkfifo(bad / "ong.xlsx")
    (bad / "khong.xlsx").symlink_to("/dev/zero")
    return good, sorted(p for p in bad.iterdir())


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_fuzz_hostile_beside_good(tmp_path: Path):
    folder = tmp_path / "nop"
    good, bad = _corpus(folder)
    before = _snapshot(folder)
    alone = {f.file: f.records for f in load([folder / "tot"], jobs=2).files}
    mixed = load([folder], jobs=2)
    for result in mixed.files:
        if result.file in alone:
            assert list(result.records) == list(alone[result.file]), result.file
    assert len([f for f in mixed.files if f.file in alone]) == len(good)
    named = {p.file for p in mixed.problems} | {f.file for f in mixed.files if f.records}
    assert all(str(path) in named or path.name == "khong.xlsx" for path in bad)  # every bad file in the report
    env = {**os.environ, "COLUMNS": "200"}
    command = [sys.executable, "-m", "thidua_cli"]
    out = tmp_path / "tong-hop.xlsx"
    for args in (
        ["tally", "2010-2030", str(folder), "--timeout", "20", "-j", "2"],
        ["validate", str(folder), "--timeout", "20", "-f", "json"],
        ["export", "2010-2030", str(folder), "-o", str(out), "--timeout", "20"],
        ["validate", str(folder), "--annotate", str(tmp_path / "tra-lai"), "--timeout", "20"],
    ):
        run = subprocess.run([*command, *args], capture_output=True, text=True, env=env, timeout=50)
        assert run.returncode in DOCUMENTED_EXIT_CODES, run.stderr
        assert "Traceback" not in run.stdout + run.stderr
        assert "không mong đợi" not in run.stderr
    assert _snapshot(folder) == before
    assert (
        len(list((tmp_path / "tra-lai").iterdir())) >= len(bad) - 2
    )  # a copy for each bad file (not the FIFO, /dev/zero)
