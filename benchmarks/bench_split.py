"""One large workbook, read as one task or in parts by two workers (issue 16: both cores busy
with one large file, see `thidua_cli.sheet_tasks`).

    python benchmarks/bench_split.py --sheets 5 --rows 100000 [--old PATH/TO/thidua] [--repeat 5]
    python benchmarks/bench_split.py --file BOOK.xlsx

1. Whole commands, each a fresh process, alternated repeat by repeat: `thidua tally --no-cache`
   with `-j 2` (the file in parts) and `-j 1` (one task), and `--old`'s `-j 2` when given (the
   previous version): median wall and CPU of all processes (os.wait4), the ratios, the load.
2. The critical path, measured inside: each part's CPU in its worker and the parent's share
   (taking the parts in, assembling), against the one task's CPU in its worker. On two idle
   cores `-j 2` takes about the longest part plus the parent's share: what the wall ratio of a
   loaded machine cannot show.
The workbook (`--sheets` sheets, `--rows` records in all, corpus.py's `--wide` shape) is made
once in the temporary folder.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_tally import run  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402


def _timed_part(task: tuple[Path, tuple[int, int] | None]) -> tuple[float, bytes]:
    """In a worker: a part's (or, for None, the whole file's) CPU seconds and pickled result."""
    path, run_of_sheets = task
    from thidua_cli.catalogue import load_catalogue
    from thidua_cli.loading import read_file
    from thidua_cli.sheet_tasks import read_alone

    catalogue = load_catalogue()
    start = time.process_time()
    value = (
        read_file(path, catalogue) if run_of_sheets is None else read_alone(path, catalogue, None, False, run_of_sheets)
    )
    return time.process_time() - start, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def critical_path(path: Path) -> tuple[tuple[float, float], list[float], float]:
    """((the one task's CPU, the parent's for its result), each part's CPU, the parent's for
    the parts): each task in a fresh worker of its own, one after the other, so that none waits
    for a core."""
    from thidua_cli.catalogue import load_catalogue
    from thidua_cli.sheet_tasks import assemble, plan
    from thidua_cli.workers import Limits, run_one

    limits = Limits(memory=None, seconds=None)
    whole = run_one(_timed_part, (path, None), limits)
    runs = plan(path, 2)
    parts = [run_one(_timed_part, (path, r), limits) for r in runs]
    if not isinstance(whole, tuple) or not all(isinstance(p, tuple) for p in parts):
        raise SystemExit(f"a worker failed: {whole} {parts}")
    catalogue = load_catalogue()
    start = time.process_time()
    one = pickle.loads(whole[1])
    middle = time.process_time()
    taken = [pickle.loads(blob) for _, blob in parts]  # type: ignore[index]
    assembled = assemble(str(path), taken, catalogue)
    end = time.process_time()
    if assembled != one:
        raise SystemExit("the parts assembled differ from the one task")
    return (whole[0], middle - start), [cpu for cpu, _ in parts], end - middle  # type: ignore[misc]


def _workbook(args: argparse.Namespace) -> Path:
    if args.file:
        return Path(args.file)
    folder = Path(tempfile.gettempdir()) / f"thidua-split-{args.sheets}x{args.rows}"
    if not (folder / "truth.json").is_file():
        print(f"generating {args.sheets} sheets, {args.rows} records into {folder} …", file=sys.stderr)
        generate(folder, 1, args.rows, wide=True, sheets=args.sheets)
    return next(folder.rglob("*.xlsx"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", help="a workbook to read (instead of one made)")
    parser.add_argument("--sheets", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--old", help="another version's thidua command, timed with -j 2 beside this one")
    args = parser.parse_args()
    path = _workbook(args)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    tally = ["tally", "2015-2024", str(path), "--format", "csv", "-q", "--no-cache"]
    commands = {"-j 2": [sys.executable, "-m", "thidua_cli", *tally, "-j", "2"]}
    commands["-j 1"] = [*commands["-j 2"][:-1], "1"]
    if args.old:
        commands["old -j 2"] = [args.old, *tally, "-j", "2"]
    outputs = {name: run(argv).out for name, argv in commands.items()}  # untimed: bytecode, page cache
    if len(set(outputs.values())) != 1:
        raise SystemExit(f"the commands disagree: {outputs}")
    timed: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, argv in commands.items():
            done = run(argv)
            timed[name].append((done.wall, done.cpu))
    print(f"{path.name}: {path.stat().st_size / 2**20:.1f} MB, load average {os.getloadavg()[0]:.1f}")
    for name, pairs in timed.items():
        wall, cpu = statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs)
        ratio = [a[0] / b[0] for a, b in zip(pairs, timed["-j 1"], strict=True)]
        cpu_ratio = [a[1] / b[1] for a, b in zip(pairs, timed["-j 1"], strict=True)]
        print(
            f"  {name:9} wall {wall:6.2f} s  cpu {cpu:6.2f} s  ÷ -j 1 (pair by pair): "
            f"wall {statistics.median(ratio):.2f}×  cpu {statistics.median(cpu_ratio):.2f}×"
        )
    (whole, taken), parts, parent = critical_path(path)
    one, longest = whole + taken, max(parts, default=whole) + parent
    print(
        f"  critical path: one task {whole:.2f} s CPU + parent {taken:.2f} s; parts "
        f"{' + '.join(f'{p:.2f}' for p in parts)} s + parent {parent:.2f} s: -j 2 on two idle cores "
        f"≈ {longest:.2f} s against {one:.2f} s = {longest / one:.2f}×"
    )


if __name__ == "__main__":
    main()
