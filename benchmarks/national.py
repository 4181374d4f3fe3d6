"""A national roll-up of ~10^7 records in minutes, from a mixed corpus made by corpus.py.

    python benchmarks/corpus.py BASE --files 2000 --rows 500          # 10^6 records
    python benchmarks/national.py BASE OUT --provinces 63 --take 350  # 63 × 350 files ≈ 10^7

Each province gets a copy of the base's first `take` units (folder OUT/tinh-NN-slug/don-vi-…)
whose records are genuinely distinct: every .xlsx is rewritten at the zip level (no openpyxl),
each inline string of its sheets run through the province's transformation —

  - a person's name (surname, middle name, given name, each from scripts/make_sample_data.py's
    tables) gets the province's own permutation of each table: a realistic Vietnamese name,
    distinct names stay distinct (a bijection), the first province keeps the base's names;
  - the unit ("Đơn vị số 12", "ĐƠN VỊ SỐ 12") gets the province's name: "Đơn vị số 12 (Nghệ An)";
  - the place of the date line ("Thanh Hoá, ngày …") becomes the province;

and the award, level, year, decision texts are left untouched, so each copy holds the same
counts as its base file. The legacy .xls files (BIFF, TCVN3) are copied, unchanged, into the
first province only. OUT/truth.json holds the true counts of the whole corpus: the per-unit truth
of corpus.py (`unit_records`, checked against the base's truth.json) times the provinces that
hold a copy.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import LAYOUT_CYCLE, unit_records, unit_truth
from scripts.make_sample_data import GIVEN, MIDDLE, SURNAMES

# The 63 provinces and centrally-run cities (before the 2025 merger); the base's own first.
PROVINCES = [
    "Thanh Hoá", "Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang",
    "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
    "Hậu Giang", "Hoà Bình", "Hưng Yên", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thừa Thiên Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]  # fmt: skip
LEGACY = {i for i, layout in enumerate(LAYOUT_CYCLE) if layout == "D"}  # .xls: i % 10 in LEGACY
_TEXT = re.compile(rb"(<t(?: [^>]*)?>)([^<]*)(</t>)")
_UNIT = re.compile(r"^(Đơn vị số|ĐƠN VỊ SỐ) (\d+)$")
_PLACE = "Thanh Hoá, ngày "
_OLD_TONES = (("Hòa", "Hoà"), ("Thủy", "Thuỷ"))  # layout E's spelling (make_sample_data.layout_e)
_NEW_TONES = {old: new for new, old in _OLD_TONES}


def slug(text: str) -> str:
    bare = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(c for c in bare if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", bare).strip("-")


@dataclass
class Province:
    """One province's transformation of a text (an inline string of a sheet)."""

    index: int
    name: str
    tables: tuple[dict[str, str], dict[str, str], dict[str, str]] = field(init=False)
    seen: dict[bytes, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        def permuted(table: list[str], part: str) -> dict[str, str]:
            image = list(table)
            if self.index:
                random.Random(f"national-{self.index}-{part}").shuffle(image)
            return dict(zip(table, image, strict=True))

        self.tables = (permuted(SURNAMES, "surname"), permuted(MIDDLE, "middle"), permuted(GIVEN, "given"))

    def text(self, text: str) -> str:
        """The province's version of one cell text (unchanged when it is no name, unit, place)."""
        nfd = not unicodedata.is_normalized("NFC", text)
        plain = unicodedata.normalize("NFC", text) if nfd else text
        if nfd:  # back to the tables' spelling, word by word ("Hoàng" is no "Hoà")
            plain = " ".join(_NEW_TONES.get(word, word) for word in plain.split(" "))
        out = self._name(plain) or self._unit(plain)
        if out is None:
            if not plain.startswith(_PLACE):
                return text
            out = self.name + ", ngày " + plain[len(_PLACE) :]
        for new, old in _OLD_TONES if nfd else ():
            out = out.replace(new, old)
        return unicodedata.normalize("NFD", out) if nfd else out

    def _name(self, text: str) -> str | None:
        words = text.split(" ")
        if len(words) not in (3, 4):
            return None
        surnames, middles, givens = self.tables
        surname, middle, given = " ".join(words[:-2]), words[-2], words[-1]
        if surname in surnames and middle in middles and given in givens:
            return f"{surnames[surname]} {middles[middle]} {givens[given]}"
        return None

    def _unit(self, text: str) -> str | None:
        found = _UNIT.match(text)
        if not found:
            return None
        place = self.name.upper() if found.group(1).isupper() else self.name
        return f"{text} ({place})"

    def xml(self, data: bytes) -> bytes:
        return _TEXT.sub(self._replace, data)

    def _replace(self, match: re.Match[bytes]) -> bytes:
        raw = match.group(2)
        out = self.seen.get(raw)
        if out is None:
            text = html.unescape(raw.decode("utf-8"))
            new = self.text(text)
            out = raw if new == text else new.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8")
            self.seen[raw] = out
        return match.group(1) + out + match.group(3)


def rewrite(source: Path, target: Path, province: Province) -> None:
    """A copy of the workbook `source` whose sheets' texts are the province's."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml"):
                data = province.xml(data)
            zout.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)


def _province(job: tuple[Path, Path, int, int]) -> int:
    """Write one province's copy of the first `take` units of `base`; the number of files."""
    base, out, index, take = job
    province = Province(index, PROVINCES[index])
    folder = out / f"tinh-{index + 1:02d}-{slug(province.name)}"
    written = 0
    for i in range(take):
        unit = base / f"don-vi-{i:04d}"
        for source in sorted(unit.iterdir()):
            target = folder / unit.name / source.name
            if source.suffix == ".xlsx":
                target.parent.mkdir(parents=True, exist_ok=True)
                rewrite(source, target, province)
            elif index == 0:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
            else:
                continue
            written += 1
    return written


def truth(base: Path, provinces: int, take: int, rows: int, seed: int) -> Counter[str]:
    """The national corpus's true counts; the base's per-unit truth checked against its truth.json."""
    units = sorted(p.name for p in base.iterdir() if p.is_dir())
    if units != [f"don-vi-{i:04d}" for i in range(len(units))] or take > len(units):
        raise SystemExit(f"{base}: not a mixed corpus of corpus.py with at least {take} units")
    every: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for i in range(len(units)):
        counts = unit_truth(*unit_records(i, rows, seed))
        every += counts
        if i < take:
            for _ in range(1 if i % len(LAYOUT_CYCLE) in LEGACY else provinces):
                total += counts
    expected = json.loads((base / "truth.json").read_text("utf-8"))
    if dict(every) != expected:
        raise SystemExit(f"{base}: its truth.json is not corpus.py's with --rows {rows} --seed {seed}")
    return total


def build(
    base: Path, out: Path, provinces: int, take: int | None = None, rows: int = 500, seed: int = 2024, jobs: int = 1
) -> tuple[int, Counter[str]]:
    """Write the national corpus of `provinces` × the base's first `take` units (all by default)
    and its truth.json; the number of files and the true counts."""
    take = take or sum(1 for p in base.iterdir() if p.is_dir())
    counts = truth(base, provinces, take, rows, seed)
    out.mkdir(parents=True, exist_ok=True)
    work = [(base, out, index, take) for index in range(provinces)]
    if jobs > 1:
        with Pool(jobs) as pool:
            files = sum(pool.imap_unordered(_province, work))
    else:
        files = sum(map(_province, work))
    (out / "truth.json").write_text(
        json.dumps(dict(sorted(counts.items())), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return files, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path, help="a mixed corpus of corpus.py (no --wide, --full, --school)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--provinces", type=int, default=len(PROVINCES), choices=range(1, len(PROVINCES) + 1))
    parser.add_argument("--take", type=int, help="the base's first TAKE units per province (default: all)")
    parser.add_argument("--rows", type=int, default=500, help="the base's --rows")
    parser.add_argument("--seed", type=int, default=2024, help="the base's --seed")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    files, counts = build(args.base, args.out, args.provinces, args.take, args.rows, args.seed, args.jobs)
    print(f"{args.out}: {args.provinces} provinces, {files} files, {sum(counts.values()):,} records")


if __name__ == "__main__":
    main()
