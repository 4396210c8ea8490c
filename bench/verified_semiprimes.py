"""Factoring under a budget never claims what it did not show: N random semiprimes, each `factor n` asked
through the Assistant with a per-call budget, and every answer checked here against the two primes the
script multiplied (plain Python ints).

    python bench/verified_semiprimes.py [--count 1000] [--min-digits 60] [--max-digits 120] [--budget 1] [--seed 0]

Prints one JSON line: how many were answered complete and verified, how many partial (never verified, and
saying "partial"), errors, and `verified_wrong`, which must be 0.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def semiprime(rng: random.Random, digits: int) -> tuple[int, int]:
    import gmpy2

    low = max(2, digits // 2 - rng.randint(0, digits // 6))  # balanced and unbalanced splits
    p = int(gmpy2.next_prime(rng.randrange(10 ** (low - 1), 10 ** low)))
    q_digits = digits - low
    q = int(gmpy2.next_prime(rng.randrange(10 ** (q_digits - 1), 10 ** q_digits)))
    return min(p, q), max(p, q)


def main() -> None:
    from assistant import Assistant

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--min-digits", type=int, default=60)
    parser.add_argument("--max-digits", type=int, default=120)
    parser.add_argument("--budget", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    calx = Assistant(use_planner=False, tool_timeout=args.budget)
    tally: Counter = Counter()
    slowest = 0.0
    start = time.perf_counter()
    for _ in range(args.count):
        p, q = semiprime(rng, rng.randint(args.min_digits, args.max_digits))
        t = time.perf_counter()
        a = calx.ask(f"factor {p * q}")
        slowest = max(slowest, time.perf_counter() - t)
        full = f"{p}^2" if p == q else f"{p} * {q}"
        if a.answer is None:
            tally["error:" + (a.error.type if a.error else "none")] += 1
        elif a.answer == full:
            tally["complete_verified" if a.verified is True else "complete_unverified"] += 1
        elif "partial" in a.answer:
            tally["partial"] += 1
            tally["partial_verified"] += a.verified is True
        else:
            tally["other_answer"] += 1
        if a.verified is True and a.answer != full:
            tally["verified_wrong"] += 1
            print(f"VERIFIED WRONG: {p} * {q} -> {a.answer[:200]}", file=sys.stderr, flush=True)
    print(json.dumps({"count": args.count, "digits": [args.min_digits, args.max_digits], "budget_s": args.budget,
                      "seed": args.seed, **dict(sorted(tally.items())), "verified_wrong": tally["verified_wrong"],
                      "slowest_answer_s": round(slowest, 2), "seconds": round(time.perf_counter() - start, 1)}))


if __name__ == "__main__":
    main()
