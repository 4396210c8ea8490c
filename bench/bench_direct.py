"""In-process time of direct answers to arithmetic-family questions, beside the bare computation of the same value
(goal: median direct answer under 50 ms).

Each round asks every question once through `try_direct` (reading, tool call, checks, the Answer) and computes the
same value once with Python's own ints and Fractions (or gmpy2), interleaved question by question so that both
see the same machine load. Printed per question: the median of each and their ratio; then the median over all
direct answers, the median over all bare computations and the ratio of the two. The first round is a warm-up
(imports, the regexes compiled on first use) and is not counted.

    python bench/bench_direct.py [--rounds 21]
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

GOAL_MS = 50.0


def _rounded(q: Fraction, places: int) -> str:
    whole = math.floor(abs(q) * 10**places + Fraction(1, 2))
    digits = str(whole).rjust(places + 1, "0")
    return ("-" if q < 0 else "") + digits[:-places] + "." + digits[-places:]


def _log(x: int, base: int) -> int:
    k, power = 0, 1
    while power < x:
        power, k = power * base, k + 1
    return k


def _iroot(x: int, n: int) -> int:
    import gmpy2

    return int(gmpy2.iroot(x, n)[0])


# (question, the same value computed bare, the answer text the direct route must give)
CASES = [
    ("2^100", lambda: 2**100, "1267650600228229401496703205376"),
    ("What is 68824 times 42716?", lambda: 68824 * 42716, "2939885984"),
    ("what is 1/3 + 1/6", lambda: Fraction(1, 3) + Fraction(1, 6), "1/2"),
    ("17% of 2450", lambda: Fraction(17, 100) * 2450, "833/2"),
    ("100!", lambda: math.factorial(100), None),
    ("2^1000 mod 13", lambda: pow(2, 1000, 13), "3"),
    ("gcd of 123456789012 and 987654321098", lambda: math.gcd(123456789012, 987654321098), "2"),
    ("round 7.6/3 to 2 decimal places", lambda: _rounded(Fraction(76, 30), 2), "2.53"),
    ("1/7 to 30 decimal places", lambda: _rounded(Fraction(1, 7), 30), "0.142857142857142857142857142857"),
    ("1000/3 to 2 digits", lambda: round(Fraction(1000, 3), -1), "330"),
    ("round 1234 to the nearest hundred", lambda: round(1234, -2), "1200"),
    ("2^70 / 3 rounded down", lambda: 2**70 // 3, "393530540239137101141"),
    ("45 is what percent of 180", lambda: Fraction(45, 180) * 100, "25"),
    ("increase 80 by 15%", lambda: 80 * (1 + Fraction(15, 100)), "92"),
    ("percent change from 40 to 50", lambda: Fraction(50 - 40, 40) * 100, "25"),
    ("sum of the digits of 3^50", lambda: sum(int(d) for d in str(3**50)), "144"),
    ("log base 5 of 625", lambda: _log(625, 5), "4"),
    ("fourth root of 1296", lambda: _iroot(1296, 4), "6"),
]


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def run(rounds: int) -> int:
    from assistant.direct import try_direct

    direct: dict[str, list[float]] = {q: [] for q, _, _ in CASES}
    bare: dict[str, list[float]] = {q: [] for q, _, _ in CASES}
    for round_number in range(rounds + 1):
        for question, compute, expected in CASES:
            ms, answer = timed(lambda: try_direct(question))
            bare_ms, _ = timed(compute)
            if answer is None or answer.error is not None or (expected and answer.answer != expected):
                print(f"FAILED: {question!r} -> {getattr(answer, 'answer', None)!r}", file=sys.stderr)
                return 1
            if round_number:  # round 0 warms up
                direct[question].append(ms)
                bare[question].append(bare_ms)
    _report(direct, bare, rounds)
    all_direct = [t for times in direct.values() for t in times]
    return 0 if statistics.median(all_direct) < GOAL_MS else 2


def _report(direct: dict, bare: dict, rounds: int) -> None:
    print(f"{'question':<40} {'direct ms':>10} {'bare ms':>10} {'ratio':>10}")
    for question in direct:
        d, b = statistics.median(direct[question]), statistics.median(bare[question])
        print(f"{question[:40]:<40} {d:>10.3f} {b:>10.4f} {d / max(b, 1e-6):>9.0f}x")
    all_direct = [t for times in direct.values() for t in times]
    all_bare = [t for times in bare.values() for t in times]
    md, mb = statistics.median(all_direct), statistics.median(all_bare)
    print(f"\n{len(direct)} questions x {rounds} rounds (after one warm-up round), load average "
          f"{os.getloadavg()[0]:.2f}")
    print(f"median direct answer {md:.3f} ms (goal < {GOAL_MS:g} ms: {'met' if md < GOAL_MS else 'NOT met'}); "
          f"median bare computation {mb:.4f} ms; ratio of medians {md / max(mb, 1e-6):.0f}x")
    print(f"slowest question median {max(statistics.median(t) for t in direct.values()):.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=21)
    sys.exit(run(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
