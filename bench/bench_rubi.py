"""Rubi's independent textbook integrals: the symbolic tool vs raw sympy.integrate, same budget each.

    python bench/bench_rubi.py --budget 3 [--every 1] [--files Stewart,Apostol] [--out bench/results/rubi.jsonl]

Each integrand goes (1) through `tools.run("symbolic", "integrate(<f>, x)")` — the real tool,
its parser, worker, strategies and checks — and (2) through `sympy.integrate(f, x)` in a forked
child killed at the same budget. Both antiderivatives are then graded by the same verifier
(d/dx F - f == 0, exactly or at random points with 30 digits): verified, wrong (the derivative
disagrees), unverified (undecided), or none (error, timeout, or an unevaluated Integral).

The .m files are trusted benchmark inputs in Mathematica syntax; they are read here with
sympy.parsing.mathematica.parse_mathematica, in bench/ only. calx itself never parses text with
SymPy (DESIGN rule 1): the tool receives the integrand as text in its own grammar.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import signal
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BENCH_DIR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
PREFIX = "RuleBasedIntegration+MathematicaSyntaxTestSuite__0_Independent_test_suites__"


@dataclass
class Problem:
    source: str
    index: int
    integrand: object
    var: object
    optimal: object


@dataclass
class Graded:
    source: str
    index: int
    integrand: str
    side: str  # "tool" or "sympy"
    status: str  # verified | wrong | unverified | none | unparsed
    seconds: float
    detail: str = ""


def split_top(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def load(files: list[str] | None, every: int) -> list[Problem]:
    import sympy as sp
    from sympy.parsing.mathematica import parse_mathematica  # trusted benchmark data, bench/ only

    problems: list[Problem] = []
    for path in sorted(BENCH_DIR.glob(PREFIX + "*_Problems.m")):
        source = path.name[len(PREFIX):-len("_Problems.m")]
        if files and source not in files:
            continue
        k = 0
        for line in path.read_text().splitlines():
            line = line.strip()
            if not (line.startswith("{") and line.endswith("}")):
                continue
            k += 1
            if (k - 1) % every:
                continue
            fields = split_top(line[1:-1])
            try:
                f, var = parse_mathematica(fields[0]), parse_mathematica(fields[1])
                optimal = parse_mathematica(fields[3]) if len(fields) > 3 else None
            except Exception:
                problems.append(Problem(source, k, None, None, fields[0]))
                continue
            # Mathematica's `e` and `i` are plain symbols; in calx's grammar they are Euler's e and the unit i
            rename = {s: sp.Symbol(s.name + "_") for s in f.free_symbols if s.name in ("e", "i", "E", "I")}
            problems.append(Problem(source, k, f.xreplace(rename), var, optimal))
    return problems


def to_calx_text(expr) -> str:
    """The integrand in the tool's own grammar (SymPy's printer writes it; the tool's parser reads it)."""
    import sympy as sp

    return sp.sstr(expr, order="none")


def grade(F, f, x, seconds: float, side: str, problem: Problem) -> Graded:
    import sympy as sp

    from tools.symbolic.deadline import Expired, limit
    from tools.symbolic.integration import verify_antiderivative

    base = dict(source=problem.source, index=problem.index, integrand=str(f), side=side, seconds=round(seconds, 3))
    if F is None or not isinstance(F, sp.Basic) or F.has(sp.Integral):
        return Graded(status="none", **base)
    with limit(20) as token:
        try:
            passed, detail = verify_antiderivative(F, f, x)
        except Expired as exc:
            if exc.token is not token:
                raise
            passed, detail = None, "verifier timed out"
    status = {True: "verified", False: "wrong", None: "unverified"}[passed]
    return Graded(status=status, detail=detail[:200], **base)


def run_tool(problem: Problem, budget: float) -> Graded:
    import tools

    text = f"integrate({to_calx_text(problem.integrand)}, {problem.var})"
    start = time.perf_counter()
    result = tools.run("symbolic", text, timeout=budget)
    seconds = time.perf_counter() - start
    if not result.ok:
        status = "unparsed" if result.error.type == "parse" else "none"
        return Graded(problem.source, problem.index, str(problem.integrand), "tool", status, round(seconds, 3),
                      result.error.message[:200])
    return grade(result.value.sympy(), problem.integrand, problem.var, seconds, "tool", problem)


def run_sympy(problem: Problem, budget: float) -> Graded:
    """Raw sympy.integrate in a forked child (warm SymPy), killed at the budget."""
    import sympy as sp

    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        try:
            F = sp.integrate(problem.integrand, problem.var)
            data = pickle.dumps(F)
        except BaseException:
            data = pickle.dumps(None)
        os.write(write_fd, data) if len(data) < 60_000 else _write_all(write_fd, data)
        os._exit(0)
    os.close(write_fd)
    data = _read_with_deadline(read_fd, time.monotonic() + budget)
    seconds = time.perf_counter() - start
    if data is None:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_fd)
    F = pickle.loads(data) if data else None
    return grade(F, problem.integrand, problem.var, seconds, "sympy", problem)


def _write_all(fd, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_with_deadline(fd, deadline: float) -> bytes | None:
    import select

    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def summarize(rows: list[Graded], side: str) -> dict:
    mine = [r for r in rows if r.side == side]
    counts = {k: sum(r.status == k for r in mine) for k in ("verified", "wrong", "unverified", "none", "unparsed")}
    counts["total"] = len(mine)
    counts["seconds"] = round(sum(r.seconds for r in mine), 1)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=3.0, help="seconds per integral, both sides")
    parser.add_argument("--every", type=int, default=1, help="take every Nth problem of each file")
    parser.add_argument("--files", default="", help="comma-separated sources, e.g. Stewart,Apostol")
    parser.add_argument("--out", default="bench/results/rubi.jsonl")
    parser.add_argument("--reuse-sympy", default="", help="take the raw-SymPy rows from an earlier run's jsonl "
                        "(same budget) and run only the tool side: halves the time of a re-run after a tool change")
    args = parser.parse_args()

    from tools.symbolic import deadline

    deadline.install()
    problems = load([f for f in args.files.split(",") if f] or None, args.every)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows: list[Graded] = []
    reused: dict[tuple[str, int], Graded] = {}
    if args.reuse_sympy:
        for line in Path(args.reuse_sympy).read_text().splitlines():
            row = Graded(**json.loads(line))
            if row.side == "sympy":
                reused[(row.source, row.index)] = row
    with out.open("w") as sink:
        for n, problem in enumerate(problems, 1):
            if problem.integrand is None:
                for side in ("tool", "sympy"):
                    rows.append(Graded(problem.source, problem.index, str(problem.optimal), side, "unparsed", 0.0,
                                       "parse_mathematica failed"))
                continue
            raw = reused.get((problem.source, problem.index)) or run_sympy(problem, args.budget)
            for row in (run_tool(problem, args.budget), raw):
                rows.append(row)
                sink.write(json.dumps(asdict(row)) + "\n")
            sink.flush()
            if n % 50 == 0:
                print(f"[{n}/{len(problems)}] tool {summarize(rows, 'tool')} | sympy {summarize(rows, 'sympy')}",
                      flush=True)
    tool, raw = summarize(rows, "tool"), summarize(rows, "sympy")
    print(f"problems: {len(problems)} (budget {args.budget:g} s each side, every {args.every})")
    print(f"tool : {tool}")
    print(f"sympy: {raw}")
    print(f"verified ratio tool/sympy: {tool['verified'] / max(1, raw['verified']):.3f}")


if __name__ == "__main__":
    main()
