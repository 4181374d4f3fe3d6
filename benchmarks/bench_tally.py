"""End-to-end speed of `thidua tally` against the bare reader and an analyst's pandas path.

    python benchmarks/bench_tally.py --files 200 --rows 500 [--wide | --full] [--repeat 3] [--skip-pandas]

In one run, alternating repeat by repeat, each as its own process:
  bare      python-calamine: every cell of every sheet of every file to Python lists
  cold      thidua tally over the folder with an empty cache (the cache is written)
  warm      the same command again: nothing changed, everything comes from the cache
  nocache   thidua tally --no-cache
  pandas    pandas.read_excel(engine="openpyxl") per sheet (.xls: engine="calamine"), concat,
            groupby — the path an analyst would write
Prints median wall time, records/s, peak memory (of that process) and the ratio to bare, and
checks that thidua's counts equal the corpus's truth.json. One untimed run first leaves the
package's bytecode compiled, as a regular install has it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.corpus import generate  # noqa: E402

BARE = """
import sys, pathlib, python_calamine as pc
n = 0
for f in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if f.suffix.lower() in (".xlsx", ".xls"):
        wb = pc.CalamineWorkbook.from_path(str(f))
        for name in wb.sheet_names:
            n += len(wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
print(n)
"""

PANDAS = """
import sys, pathlib, pandas as pd
frames = []
for f in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if f.suffix.lower() in (".xlsx", ".xls"):
        engine = "openpyxl" if f.suffix.lower() == ".xlsx" else "calamine"
        for name, frame in pd.read_excel(f, sheet_name=None, header=None, engine=engine).items():
            frames.append(frame.iloc[:, :8].set_axis(range(min(8, frame.shape[1])), axis=1))
data = pd.concat(frames, ignore_index=True)
print(len(data.groupby(3, dropna=True).size()))
"""


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{argv[:4]} failed ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out.decode("utf-8")


def check(csv_text: str, truth: dict[str, int]) -> bool:
    got = {
        f"{r['award']}|{r['level']}|{r['kind']}|{r['year']}": int(r["count"])
        for r in csv.DictReader(io.StringIO(csv_text))
    }
    return got == truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="folder of the corpus (generated when missing)")
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--wide", action="store_true", help="a corpus of plain 11-column sheets (the issue's shape)")
    parser.add_argument("--full", action="store_true", help="11 columns with title block, sections, totals, signature")
    args = parser.parse_args()
    shape = "-wide" if args.wide else "-full" if args.full else ""
    corpus = args.corpus or Path(tempfile.gettempdir()) / f"thidua-bench-{args.files}x{args.rows}{shape}"
    if not (corpus / "truth.json").is_file():
        print(f"generating {args.files} × {args.rows} into {corpus} …", file=sys.stderr)
        generate(corpus, args.files, args.rows, wide=args.wide, full=args.full)
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    records = sum(truth.values())
    python = sys.executable
    tally = [python, "-m", "thidua_cli", "tally", "2015-2020", str(corpus), "--format", "csv", "-q"]
    tally += ["--by", "award,level,kind,year"]
    # Measure the tool as `pip install .` leaves it: with compiled bytecode. An editable install
    # run under PYTHONDONTWRITEBYTECODE=1 would compile the package from source at every start.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="thidua-cache-") as untimed:  # writes the bytecode once
        run(tally, {"THIDUA_CACHE_DIR": untimed})
    paths = ["bare", "cold", "warm", "nocache"] + ([] if args.skip_pandas else ["pandas"])
    times: dict[str, list[float]] = {p: [] for p in paths}
    peaks: dict[str, float] = dict.fromkeys(paths, 0.0)
    correct = True
    for _ in range(args.repeat):
        cache_dir = tempfile.mkdtemp(prefix="thidua-cache-")
        env = {"THIDUA_CACHE_DIR": cache_dir}
        steps = {
            "bare": lambda: run([python, "-c", BARE, str(corpus)]),
            "cold": lambda env=env: run(tally, env),
            "warm": lambda env=env: run(tally, env),
            "nocache": lambda env=env: run([*tally, "--no-cache"], env),
            "pandas": lambda: run([python, "-c", PANDAS, str(corpus)]),
        }
        for name in paths:
            wall, peak, out = steps[name]()
            times[name].append(wall)
            peaks[name] = max(peaks[name], peak)
            if name in ("cold", "warm", "nocache"):
                correct &= check(out, truth)
        shutil.rmtree(cache_dir, ignore_errors=True)
    bare = statistics.median(times["bare"])
    workbooks = sum(1 for f in corpus.rglob("*") if f.suffix.lower() in (".xlsx", ".xls"))
    print(f"corpus: {corpus.name}, {workbooks} workbooks, {records:,} records; {os.cpu_count()} cores")
    print(f"{'path':<10}{'wall s':>9}{'records/s':>12}{'peak MB':>9}{'× bare':>8}")
    for name in paths:
        wall = statistics.median(times[name])
        print(f"{name:<10}{wall:>9.2f}{records / wall:>12,.0f}{peaks[name]:>9.0f}{wall / bare:>8.2f}")
    if "pandas" in times:
        print(f"pandas / cold = {statistics.median(times['pandas']) / statistics.median(times['cold']):.1f}×")
    print(f"thidua counts equal truth.json: {correct}")
    if not correct:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
