"""Antiderivatives the direct route marks verified, compared with Rubi's optimal antiderivatives.

    python bench/verified_integrals.py [--every 4] [--budget 2] [--files Stewart,Apostol]

Each integrand of the Rubi test suites (shared/benchmarks, read by bench_rubi.load) is asked as
`integrate <f> dx` through the Assistant with the planner off. For an answer marked verified, F - optimal
must be constant: it is evaluated (30 digits) at close points of three clusters, no differentiation, so
the comparison shares nothing with the tool's own check (d/dx F = f). Where no point gives a finite
number the item is undecided. `verified_wrong` must be 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CLUSTERS = ("0.37", "1.61", "2.93")  # F - optimal is constant on each interval of the domain: compare nearby points
SPACING = "0.001"


def constant_difference(F, optimal, var) -> bool | None:
    """True if F - optimal is the same at three close points of each cluster, False if it differs, None if
    a point gives no finite number. Clusters far apart may sit on different intervals (log(x - 1) and
    log(1 - x) differ by i*pi left of 1), so each cluster is compared only with itself."""
    import sympy as sp

    decided = False
    for base in CLUSTERS:
        values = []
        for k in range(3):
            point = sp.Rational(base) + k * sp.Rational(SPACING)
            try:
                d = complex((F - optimal).subs(var, point).evalf(30))
            except (TypeError, ValueError, ZeroDivisionError):
                values = None
                break
            if d != d or abs(d) == float("inf"):
                values = None
                break
            values.append(d)
        if values is None:
            continue
        decided = True
        scale = max(1.0, *(abs(v) for v in values))
        if max(abs(v - values[0]) for v in values) > 1e-12 * scale:
            return False
    return True if decided else None


def main() -> None:
    import bench_rubi
    import sympy
    from assistant import Assistant
    from assistant.evaluation.symbolic import Unreadable, read

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=4)
    parser.add_argument("--budget", type=float, default=2.0)
    parser.add_argument("--files", default="")
    args = parser.parse_args()
    problems = [p for p in bench_rubi.load(args.files.split(",") if args.files else None, args.every)
                if p.integrand is not None and p.optimal is not None]
    calx = Assistant(use_planner=False, tool_timeout=args.budget)
    tally: Counter = Counter()
    start = time.perf_counter()
    for p in problems:
        text = bench_rubi.to_calx_text(p.integrand)
        a = calx.ask(f"integrate {text} d{p.var}")
        tally["asked"] += 1
        if a.route != "direct" or a.answer is None:
            tally["not_answered"] += 1
            continue
        tally["answered"] += 1
        if a.verified is not True:
            continue
        tally["verified"] += 1
        try:
            F = read(a.answer).value
        except Unreadable:
            tally["verified_unreadable"] += 1
            continue
        # bench_rubi renamed Mathematica's plain symbols e and i in the integrand; the optimal form alike
        renamed = {s: sympy.Symbol(s.name + "_") for s in p.optimal.free_symbols if s.name in ("e", "i", "E", "I")}
        same = constant_difference(F, p.optimal.xreplace(renamed), p.var)
        if same is None:
            tally["verified_undecided"] += 1
        elif same:
            tally["verified_agrees"] += 1
        else:
            tally["verified_wrong"] += 1
            print(f"VERIFIED WRONG {p.source}#{p.index}: {text[:100]} -> {a.answer[:120]}", file=sys.stderr, flush=True)
    print(json.dumps({"problems": len(problems), "every": args.every, "budget_s": args.budget,
                      **dict(sorted(tally.items())), "verified_wrong": tally["verified_wrong"],
                      "seconds": round(time.perf_counter() - start, 1)}))


if __name__ == "__main__":
    main()
