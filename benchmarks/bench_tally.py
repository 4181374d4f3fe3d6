"""End-to-end speed of `thidua tally` against the bare readers and an analyst's pandas path.

    python benchmarks/bench_tally.py --files 200 --rows 500 [--wide | --full | --school] [--repeat 3] [--skip-pandas]

In one run, alternating repeat by repeat, each as its own fresh process:
  bare      python-calamine: every cell of every sheet of every file to Python lists
  fastexcel fastexcel (calamine to Arrow): every sheet as an Arrow batch (skipped, with a
            note, when fastexcel is not installed)
  cold      thidua tally over the folder with an empty cache (the cache is written)
  warm      the same command again: nothing changed, everything comes from the cache
  warmtable the same warm run with the default output (the terminal table, drawn by rich)
  nocache   thidua tally --no-cache
  pandas    pandas.read_excel(engine="openpyxl") per sheet (.xls: engine="calamine"), concat,
            groupby — the path an analyst would write
  start-up  `thidua --help`, and a tally of an empty folder
Prints, per path, the median wall time, the median CPU time of all its processes (user +
system, the worker processes included: `os.wait4` of the fresh process counts every child it
waited for), records/s and the peak memory of all its processes at once (the summed RSS of the
process tree, sampled from /proc/*/stat every 50 ms; elsewhere the largest single process); then every ratio the
targets of issue 16 name, and the load average. Checks that thidua's counts equal the corpus's
truth.json. One untimed run first leaves the package's bytecode compiled, as a regular install
has it.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
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

FASTEXCEL = """
import sys, pathlib, fastexcel
n = 0
for f in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if f.suffix.lower() in (".xlsx", ".xls"):
        reader = fastexcel.read_excel(str(f))
        for name in reader.sheet_names:
            n += reader.load_sheet(name, header_row=None, eager=True).num_rows
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


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and every child it waited for
    peak: float  # MB: the summed RSS of the process tree at its largest (sampled)
    out: str


def _tree_rss(pid: int) -> int:
    """Summed RSS (bytes) of `pid` and its descendants, from /proc/*/stat (0 where unreadable)."""
    parents: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * PAGE
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(parents.get(current, []))
    return total


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def run(argv: list[str], env: dict[str, str] | None = None, codes: tuple[int, ...] = (0, 1)) -> Run:
    """Wall time, CPU time of all processes, peak memory of all processes and stdout of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if os.path.isdir("/proc"):
        sampler.start()
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in codes:
        err = proc.stderr.read() if proc.stderr else b""
        raise SystemExit(f"{argv[:4]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    peak_mb = max(peak[0] / 2**20, usage.ru_maxrss / 1024)  # ru_maxrss: the largest single process (kB)
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_mb, out.decode("utf-8"))


def check(csv_text: str, truth: dict[str, int]) -> bool:
    got = {
        f"{r['award']}|{r['level']}|{r['kind']}|{r['year']}": int(r["count"])
        for r in csv.DictReader(io.StringIO(csv_text))
    }
    return got == truth


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="folder of the corpus (generated when missing)")
    parser.add_argument("--skip-pandas", action="store_true")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--wide", action="store_true", help="a corpus of plain 11-column sheets (the issue's shape)")
    shape.add_argument("--full", action="store_true", help="11 columns with title block, sections, totals, signature")
    shape.add_argument("--school", action="store_true", help="teachers' lists of a school sector (see corpus.py)")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    shape = "-wide" if args.wide else "-full" if args.full else "-school" if args.school else ""
    corpus = args.corpus or Path(tempfile.gettempdir()) / f"thidua-bench-{args.files}x{args.rows}{shape}"
    if not (corpus / "truth.json").is_file():
        print(f"generating {args.files} × {args.rows} into {corpus} …", file=sys.stderr)
        generate(corpus, args.files, args.rows, wide=args.wide, full=args.full, school=args.school)
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    records = sum(truth.values())
    python = sys.executable
    thidua = [python, "-m", "thidua_cli"]
    tally = [*thidua, "tally", "2015-2024", str(corpus), "--format", "csv", "-q", "--by", "award,level,kind,year"]
    # Measure the tool as `pip install .` leaves it: with compiled bytecode. An editable install
    # run under PYTHONDONTWRITEBYTECODE=1 would compile the package from source at every start.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    empty = Path(tempfile.mkdtemp(prefix="thidua-empty-"))
    with tempfile.TemporaryDirectory(prefix="thidua-cache-") as untimed:  # writes the bytecode once
        run(tally, {"THIDUA_CACHE_DIR": untimed})
    has_fastexcel = importlib.util.find_spec("fastexcel") is not None
    paths = ["bare", *(["fastexcel"] if has_fastexcel else []), "cold", "warm", "warmtable", "nocache"]
    paths += [*([] if args.skip_pandas else ["pandas"]), "help", "empty"]
    runs: dict[str, list[Run]] = {p: [] for p in paths}
    correct = True
    for _ in range(args.repeat):
        cache_dir = tempfile.mkdtemp(prefix="thidua-cache-")
        env = {"THIDUA_CACHE_DIR": cache_dir}
        steps = {
            "bare": lambda: run([python, "-c", BARE, str(corpus)]),
            "fastexcel": lambda: run([python, "-c", FASTEXCEL, str(corpus)]),
            "cold": lambda env=env: run(tally, env),
            "warm": lambda env=env: run(tally, env),
            "warmtable": lambda env=env: run([*thidua, "tally", "2015-2024", str(corpus), "-q"], env),
            "nocache": lambda env=env: run([*tally, "--no-cache"], env),
            "pandas": lambda: run([python, "-c", PANDAS, str(corpus)]),
            "help": lambda: run([*thidua, "--help"]),
            "empty": lambda env=env: run([*thidua, "tally", "2020", str(empty), "-q"], env, codes=(3,)),
        }
        for name in paths:
            result = steps[name]()
            runs[name].append(result)
            if name in ("cold", "warm", "nocache"):
                correct &= check(result.out, truth)
        shutil.rmtree(cache_dir, ignore_errors=True)
    shutil.rmtree(empty, ignore_errors=True)
    report(corpus, records, runs, has_fastexcel)
    print(f"thidua counts equal truth.json: {correct}")
    if not correct:
        raise SystemExit(1)


def report(corpus: Path, records: int, runs: dict[str, list[Run]], has_fastexcel: bool) -> None:
    """The table of medians, then every ratio of issue 16's targets."""
    wall = {name: statistics.median(r.wall for r in rs) for name, rs in runs.items()}
    cpu = {name: statistics.median(r.cpu for r in rs) for name, rs in runs.items()}
    peak = {name: max(r.peak for r in rs) for name, rs in runs.items()}
    workbooks = sum(1 for f in corpus.rglob("*") if f.suffix.lower() in (".xlsx", ".xls"))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"corpus: {corpus.name}, {workbooks} workbooks, {records:,} records; {os.cpu_count()} cores; load {load}")
    print(f"{'path':<10}{'wall s':>9}{'cpu s':>9}{'records/s':>12}{'peak MB':>9}{'× bare':>8}{'cpu × bare':>12}")
    for name in runs:
        per_s = f"{records / wall[name]:>12,.0f}" if name not in ("help", "empty") else f"{'':>12}"
        print(
            f"{name:<10}{wall[name]:>9.2f}{cpu[name]:>9.2f}{per_s}{peak[name]:>9.0f}"
            f"{wall[name] / wall['bare']:>8.2f}{cpu[name] / cpu['bare']:>12.2f}"
        )
    print("ratios (medians of the alternating runs):")
    print(f"  cold / bare calamine: wall {wall['cold'] / wall['bare']:.2f}×, cpu {cpu['cold'] / cpu['bare']:.2f}×")
    if has_fastexcel:
        print(
            f"  cold / fastexcel:     wall {wall['cold'] / wall['fastexcel']:.2f}×, cpu {cpu['cold'] / cpu['fastexcel']:.2f}×"
            f"  (fastexcel / bare: wall {wall['fastexcel'] / wall['bare']:.2f}×)"
        )
    else:
        print("  fastexcel: not installed, its read was skipped (pip install fastexcel)")
    print(
        f"  warm / bare:          wall {wall['warm'] / wall['bare']:.3f}× (csv), "
        f"{wall['warmtable'] / wall['bare']:.3f}× (default table); cpu {cpu['warm'] / cpu['bare']:.3f}×, "
        f"{cpu['warmtable'] / cpu['bare']:.3f}×; beyond start-up (tally of an empty folder): "
        f"cpu {(cpu['warmtable'] - cpu['empty']) / cpu['bare']:.3f}×"
    )
    if "pandas" in runs:
        print(f"  pandas+openpyxl / cold: {wall['pandas'] / wall['cold']:.1f}× (wall)")
    print(f"  start-up: thidua --help {wall['help']:.3f} s, tally of an empty folder {wall['empty']:.3f} s")
    print(f"  peak memory of all processes: cold {peak['cold']:.0f} MB, warm {peak['warm']:.0f} MB")


if __name__ == "__main__":
    main()
