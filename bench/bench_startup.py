"""Start-up of a plain question: whole-process wall time of `calx "2^100"` vs `python -c "print(2**100)"`
(goal <= 3x), paired and interleaved (A, B, A, B, ... with the order rotated each round), medians compared.

The machines this runs on are shared, so the load average is printed before and after, and the figure to
trust is the ratio of medians taken side by side (and the median of the per-round ratios), not any one time.

Rows:
  console script      `calx 2^100` as installed (sys.prefix/bin/calx), this environment as it is
  + bytecode cache    the same with a bytecode cache outside the tree (PYTHONPYCACHEPREFIX), as any ordinary
                      install has; shown when this environment sets PYTHONDONTWRITEBYTECODE=1
  tree NAME           `python -c "from assistant.cli import main; main()" 2^100` run in another checkout
                      (--tree NAME=DIR, e.g. a `git worktree` of an older commit: the before/after figures),
                      with and without the bytecode cache; --path NAME=DIR puts DIR first on that tree's
                      PYTHONPATH (e.g. an unpacked gmpy2 wheel of another version)

    python bench/bench_startup.py [--runs 15] [--question 2^100] [--tree before=/tmp/calx-before ...]
                                  [--path before=/tmp/g23/x ...]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 3.0
PYCACHE = Path("/tmp/calx-bench-startup-pycache")
LAUNCH = "import sys; sys.argv[0] = 'calx'; from assistant.cli import main; sys.exit(main())"


def wall(cmd: list[str], env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"{cmd} failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return elapsed


def environments() -> dict[str, dict]:
    plain = dict(os.environ)
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    envs = {"": plain}
    if sys.flags.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE"):
        envs[" + bytecode cache"] = cached
    return envs


def with_path(env: dict, extra: Path | None) -> dict:
    if extra is None:
        return env
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(extra), env.get("PYTHONPATH", "")]))}


def sides(question: str, trees: dict[str, Path], paths: dict[str, Path]) -> dict[str, tuple[list[str], list[str], dict, Path]]:
    """label -> (calx command, baseline command, env, cwd). The baseline runs on the same interpreter."""
    python = sys.executable
    base = [python, "-c", "print(2**100)"]
    rows = {}
    script = Path(sys.prefix) / "bin" / "calx"
    for suffix, env in environments().items():
        if script.exists():
            rows[f"console script{suffix}"] = ([str(script), question], base, env, Path("/tmp"))
        for name, tree in trees.items():
            tree_env = with_path(env, paths.get(name))
            rows[f"tree {name}{suffix}"] = ([python, "-c", LAUNCH, question], base, tree_env, tree)
    return rows


def interleaved(rows: dict, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """Every (row, side) once per round, in an order rotated each round; per row the calx and python times."""
    jobs = [(label, side) for label in rows for side in (0, 1)]
    times = {label: ([], []) for label in rows}
    for job in jobs:  # warm-up: page cache, bytecode caches
        label, side = job
        wall(rows[label][side], rows[label][2], rows[label][3])
    for r in range(runs):
        shift = r % len(jobs)
        for label, side in jobs[shift:] + jobs[:shift]:
            cmd_calx, cmd_base, env, cwd = rows[label]
            times[label][side].append(wall(cmd_calx if side == 0 else cmd_base, env, cwd))
    return times


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--question", default="2^100")
    parser.add_argument("--tree", action="append", default=[], metavar="NAME=DIR",
                        help="another checkout to time with the same launcher (repeatable)")
    parser.add_argument("--path", action="append", default=[], metavar="NAME=DIR",
                        help="a directory put first on tree NAME's PYTHONPATH (repeatable)")
    args = parser.parse_args()
    trees = {name: Path(path).resolve() for name, _, path in (t.partition("=") for t in args.tree)}
    paths = {name: Path(path).resolve() for name, _, path in (t.partition("=") for t in args.path)}
    rows = sides(args.question, trees, paths)
    print(f"calx start-up: {os.cpu_count()} cores, load average before {load()}, Python {sys.version.split()[0]}, "
          f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    times = interleaved(rows, args.runs)
    print(f'whole-process wall time of calx "{args.question}" vs python -c "print(2**100)" '
          f"({args.runs} interleaved rounds, medians)")
    print(f"  {'':36} {'calx':>10} {'python -c':>10}   ratio   per-round median ratio")
    for label, (calx, base) in times.items():
        ratio = statistics.median(calx) / statistics.median(base)
        per_round = statistics.median(c / b for c, b in zip(calx, base))
        verdict = "ok" if ratio <= GOAL else "OVER"
        print(f"  {label:36} {statistics.median(calx) * 1000:7.1f} ms {statistics.median(base) * 1000:7.1f} ms"
              f"   {ratio:5.2f}x  {per_round:5.2f}x   (goal <= {GOAL:g}x: {verdict})")
    print(f"load average after {load()}")


if __name__ == "__main__":
    main()
