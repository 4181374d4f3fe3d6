"""The scale targets of issue 16 on one corpus: time, peak memory of all processes, cache size.

    python benchmarks/corpus.py OUT --files 2000 --rows 500        # 10^6 records (~70 MB)
    python benchmarks/national.py BASE OUT --provinces 63 --take 350  # 10^7 (see national.py)
    python benchmarks/bench_scale.py OUT [--skip-export] [--skip-bare] [--jobs N]

Runs, each as a fresh process with an empty cache at first: cold tally (the cache is written),
warm tally (default table output, then CSV), `report`, `export -o` (streams the Dữ liệu sheet),
and prints per step the wall time, CPU time of all processes, the peak of the summed RSS of the
process tree (see bench_tally.run) and, after the cold run, the cache's size on disk. Checks the
counts against the corpus's truth.json, and the export's data sheets (Dữ liệu, Dữ liệu (2), …: at
most 1,048,575 records each) hold every record. Then the ratios to the bare read. Compare two
corpora (10^5, 10^6) for linearity.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_tally import BARE, Run, check, run  # noqa: E402


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _data_sheets(workbook: Path) -> tuple[list[int], float]:
    """The records on each data sheet of an exported workbook (its rows less the header, counted
    in the sheet's XML as it is inflated, never held whole) and the file's size in MB."""
    import re
    import zipfile

    with zipfile.ZipFile(workbook) as book:
        names = re.findall(r'<sheet [^>]*name="([^"]*)"', book.read("xl/workbook.xml").decode("utf-8"))
        sizes = []
        for index, name in enumerate(names, 1):
            if name.startswith("Dữ liệu"):
                rows, tail = 0, b""
                with book.open(f"xl/worksheets/sheet{index}.xml") as part:
                    while chunk := part.read(1 << 24):
                        rows += (tail + chunk).count(b"</row>")
                        tail = chunk[-5:]  # "</row>" across two chunks: counted once, in the joined tail
                sizes.append(rows - 1)
    return sizes, workbook.stat().st_size / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-bare", action="store_true")
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    truth = json.loads((args.corpus / "truth.json").read_text("utf-8"))
    python, corpus = sys.executable, str(args.corpus)
    thidua = [python, "-m", "thidua_cli"]
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    tally = [*thidua, "tally", "2015-2024", corpus, "-q", *jobs]
    csv = [*tally, "--format", "csv", "--by", "award,level,kind,year"]
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    cache = Path(tempfile.mkdtemp(prefix="thidua-scale-cache-"))
    out = Path(tempfile.mkdtemp(prefix="thidua-scale-out-"))
    env = {"THIDUA_CACHE_DIR": str(cache)}
    steps: list[tuple[str, Run]] = []
    try:
        if not args.skip_bare:
            steps.append(("bare calamine", run([python, "-c", BARE, corpus])))
        steps.append(("cold tally csv", run(csv, env)))
        cache_mb = _size(cache) / 2**20
        steps.append(("warm tally table", run(tally, env)))
        steps.append(("warm tally csv", run(csv, env)))
        steps.append(("report", run([*thidua, "report", "2015-2024", corpus, "-q", *jobs], env)))
        if not args.skip_export:
            target = out / "tong-hop.xlsx"
            steps.append(("export", run([*thidua, "export", "2015-2024", corpus, "-o", str(target), "-q"], env)))
            exported = _data_sheets(target)
        named = dict(steps)
        correct = check(named["cold tally csv"].out, truth) and check(named["warm tally csv"].out, truth)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    records = sum(truth.values())
    size = _size(args.corpus) / 2**20
    print(f"corpus: {args.corpus.name}, {records:,} records, {size:.0f} MB; load {os.getloadavg()[0]:.2f}")
    print(f"{'step':<18}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}")
    for name, result in steps:
        print(f"{name:<18}{result.wall:>9.2f}{result.cpu:>9.2f}{result.peak:>9.0f}")
    print(f"cache on disk after the cold run: {cache_mb:.1f} MB")
    if not args.skip_export:
        sizes, megabytes = exported
        print(f"export: {megabytes:.0f} MB, data sheets of {', '.join(f'{n:,}' for n in sizes)} records")
        correct &= sum(sizes) == records and all(n <= 1_048_575 for n in sizes)
    if not args.skip_bare:
        bare = dict(steps)["bare calamine"]
        for name, result in steps[1:]:
            print(f"  {name} / bare calamine: wall {result.wall / bare.wall:.3f}×, cpu {result.cpu / bare.cpu:.3f}×")
    print(f"thidua counts equal truth.json: {correct}")


if __name__ == "__main__":
    main()
