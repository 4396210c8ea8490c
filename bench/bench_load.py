"""Load: many threads asking one Assistant at once, and memory over thousands of questions.

    nice python bench/bench_load.py [--questions 10000] [--batches 10] [--threads 32] [--warmup 1000]
                                    [--throughput 600] [--rounds 3]

Prints, from one run:
1. questions/s through `Assistant.ask` with 1 thread and with N threads on the same mixed workload,
   measured side by side (interleaved rounds) and given as a ratio: the machine is shared, so the
   ratio is the figure to trust, not either rate;
2. memory: RSS of this process and of its child processes (the warm SymPy worker) after a warm-up
   and after the full run (in batches, each asked by fresh threads, so a leak per thread shows), the
   growth in %, and open fds / threads / child processes at the start, after the warm-up and at the end.

Every answer is checked against a value computed here independently (Python ints, Fraction, a small
polynomial reader of the answer text), so a fast wrong answer or an answer to another thread's
question counts as a failure, and the run fails with a non-zero exit.

The workload (`workload`, `check`, `run_concurrently`, `usage`) is imported by tests/reliability/test_load.py.
"""
from __future__ import annotations

import argparse
import ast
import faulthandler
import gc
import math
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# -- the workload: questions with independently computed expectations ------------------------------

@dataclass(frozen=True)
class Item:
    question: str
    kind: str
    expected: object  # int | Fraction | bool | dict (factorization or polynomial) | frozenset (roots)


def _is_prime(n: int) -> bool:
    """Miller-Rabin, independent of gmpy2 and FLINT: deterministic below 3.3e24 (these 13 bases suffice);
    above it 24 more bases drawn from n, so a composite passes with probability below 4^-37."""
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
    for p in small:
        if n % p == 0:
            return n == p
    bases = small if n < 3_317_044_064_679_887_385_961_981 else small + tuple(
        random.Random(n).randrange(2, n - 1) for _ in range(24))
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime_near(rng: random.Random, bits: int) -> int:
    n = rng.getrandbits(bits) | (1 << (bits - 1)) | 1
    while not _is_prime(n):
        n += 2
    return n


SMALL_PRIMES = [p for p in range(2, 200) if _is_prime(p)]


def _poly_text(coeffs: dict[int, int]) -> str:
    """{4: 3, 2: -2, 1: 5} -> '3x^4 - 2x^2 + 5x' (as people type it)."""
    parts = []
    for power in sorted(coeffs, reverse=True):
        c = coeffs[power]
        if c == 0:
            continue
        sign = "-" if c < 0 else "+"
        mag = abs(c)
        variable = "" if power == 0 else "x" if power == 1 else f"x^{power}"
        body = (str(mag) if mag != 1 or power == 0 else "") + variable
        parts.append((sign, body))
    first_sign, first = parts[0]
    text = ("-" if first_sign == "-" else "") + first
    return text + "".join(f" {s} {b}" for s, b in parts[1:])


def _random_poly(rng: random.Random) -> dict[int, int]:
    degree = rng.randint(2, 7)
    coeffs = {p: rng.randint(-9, 9) for p in range(degree)}
    coeffs[degree] = rng.choice([c for c in range(-9, 10) if c != 0])
    return coeffs


def _clean(coeffs: dict[int, Fraction | int]) -> dict[int, Fraction]:
    return {p: Fraction(c) for p, c in coeffs.items() if c != 0}


def _item(i: int, rng: random.Random) -> Item:
    kind = KINDS[i % len(KINDS)]
    return MAKERS[kind](rng, i)


def _arithmetic(rng, i):
    a, b, c = rng.randint(10**5, 10**12), rng.randint(10**5, 10**12), rng.randint(-10**6, 10**6)
    return Item(f"{a} * {b} + {c}", "arithmetic", a * b + c)


def _fraction(rng, i):
    a, b, c, d = (rng.randint(1, 999) for _ in range(4))
    return Item(f"{a}/{b + 1} - {c}/{d + 1}", "fraction", Fraction(a, b + 1) - Fraction(c, d + 1))


def _bigpower(rng, i):
    a, k, b = rng.randint(2, 99), rng.randint(100, 400), rng.randint(1, 10**9)
    return Item(f"{a}^{k} + {b}", "bigint", a**k + b)


def _powmod(rng, i):
    a, k, m = rng.randint(2, 10**6), rng.randint(10**3, 10**9), rng.randint(2, 10**6)
    return Item(f"{a}^{k} mod {m}", "powmod", pow(a, k, m))


def _factor(rng, i):
    turn = i // len(KINDS)
    if turn % 8 == 0:  # beyond 100 bits: the hard part goes to a killable child process
        p, q = _prime_near(rng, 58), _prime_near(rng, 62)
        return Item(f"factor {p * q}", "factor", {p: 1, q: 1})
    if turn % 2 == 0:  # a 60-100-bit semiprime: FLINT's factoring in this process
        bits = rng.randint(30, 50)
        p, q = _prime_near(rng, bits), _prime_near(rng, bits)
        return Item(f"factor {p * q}", "factor", {p: 1, q: 1} if p != q else {p: 2})
    powers = {p: rng.randint(1, 4) for p in rng.sample(SMALL_PRIMES, rng.randint(1, 5))}
    n = math.prod(p**e for p, e in powers.items())
    return Item(f"factor {n}", "factor", powers)


def _primality(rng, i):
    n = rng.randint(10**8, 10**18) if i // len(KINDS) % 2 else rng.getrandbits(rng.randint(100, 300)) | 1
    if rng.random() < 0.5:
        while not _is_prime(n):
            n += 1
    return Item(f"is {n} prime", "is_prime", _is_prime(n))


def _choose(rng, i):
    n = rng.randint(10, 200)
    k = rng.randint(0, n)
    return Item(f"{n} choose {k}", "choose", math.comb(n, k))


def _gcd(rng, i):
    g = rng.randint(1, 10**6)
    a, b = g * rng.randint(1, 10**6), g * rng.randint(1, 10**6)
    return Item(f"gcd of {a} and {b}", "gcd", math.gcd(a, b))


def _differentiate(rng, i):
    p = _random_poly(rng)
    return Item(f"differentiate {_poly_text(p)}", "diff", _clean({k - 1: k * c for k, c in p.items() if k > 0}))


def _integrate(rng, i):
    p = _random_poly(rng)
    return Item(f"integrate {_poly_text(p)}", "integrate", _clean({k + 1: Fraction(c, k + 1) for k, c in p.items()}))


def _solve(rng, i):
    r1 = rng.randint(-30, 30)
    r2 = rng.choice([r for r in range(-30, 31) if r != r1])
    b, c = -(r1 + r2), r1 * r2
    return Item(f"solve {_poly_text({2: 1, 1: b, 0: c})} = 0", "solve", frozenset({Fraction(r1), Fraction(r2)}))


def _expand(rng, i):
    a, b, n = rng.randint(1, 9), rng.choice([b for b in range(-9, 10) if b]), rng.randint(2, 9)
    expected = _clean({k: math.comb(n, k) * a**k * b ** (n - k) for k in range(n + 1)})
    return Item(f"expand ({a if a > 1 else ''}x {'+' if b > 0 else '-'} {abs(b)})^{n}", "expand", expected)


MAKERS: dict[str, Callable[[random.Random, int], Item]] = {
    "arithmetic": _arithmetic, "fraction": _fraction, "bigint": _bigpower, "powmod": _powmod,
    "factor": _factor, "is_prime": _primality, "choose": _choose, "gcd": _gcd,
    "diff": _differentiate, "integrate": _integrate, "solve": _solve, "expand": _expand,
}
KINDS = list(MAKERS)


def workload(count: int, seed: int = 0) -> list[Item]:
    """`count` questions cycling through every kind, no two alike."""
    rng = random.Random(seed)
    items, seen = [], set()
    i = 0
    while len(items) < count:
        item = _item(i, rng)
        i += 1
        if item.question not in seen:  # a repeated question could hide cross-talk between threads
            seen.add(item.question)
            items.append(item)
    return items


# -- reading answers back, without SymPy and without eval -------------------------------------------

class Unreadable(ValueError):
    pass


def _poly(node: ast.AST) -> dict[int, Fraction]:
    """A polynomial in x from an answer's syntax tree: {power: coefficient}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return _clean({0: node.value})
    if isinstance(node, ast.Name) and node.id == "x":
        return {1: Fraction(1)}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _poly(node.operand)
        return {p: -c for p, c in inner.items()} if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left, right = _poly(node.left), _poly(node.right)
        if isinstance(node.op, (ast.Add, ast.Sub)):
            sign = 1 if isinstance(node.op, ast.Add) else -1
            out = dict(left)
            for p, c in right.items():
                out[p] = out.get(p, 0) + sign * c
            return _clean(out)
        if isinstance(node.op, ast.Div) and set(right) == {0}:
            return _clean({p: c / right[0] for p, c in left.items()})
        if isinstance(node.op, ast.Mult):
            return _times(left, right)
        exponent = right.get(0, Fraction(0))
        if isinstance(node.op, ast.Pow) and set(right) <= {0} and exponent.denominator == 1 and 0 <= exponent <= 64:
            out = {0: Fraction(1)}
            for _ in range(int(exponent)):
                out = _times(out, left)
            return out
    raise Unreadable(ast.dump(node)[:120])


def _times(a: dict[int, Fraction], b: dict[int, Fraction]) -> dict[int, Fraction]:
    out: dict[int, Fraction] = {}
    for p, c in a.items():
        for q, d in b.items():
            out[p + q] = out.get(p + q, 0) + c * d
    return _clean(out)


def _number(text: str) -> Fraction:
    tree = ast.parse(text, mode="eval").body
    poly = _poly(tree)
    if set(poly) - {0}:
        raise Unreadable(text)
    return poly.get(0, Fraction(0))


def _factorization(text: str) -> dict[int, int]:
    out: dict[int, int] = {}
    for part in text.split("*"):
        base, _, exp = part.strip().partition("^")
        out[int(base)] = out.get(int(base), 0) + (int(exp) if exp else 1)
    return out


def _roots(text: str) -> frozenset:
    tree = ast.parse(text, mode="eval").body
    if not isinstance(tree, ast.Set):
        raise Unreadable(text)
    return frozenset(_number(ast.unparse(e)) for e in tree.elts)


def read_answer(kind: str, text: str):
    if kind == "factor":
        return _factorization(text)
    if kind == "is_prime":
        return {"True": True, "False": False}[text]
    if kind == "solve":
        return _roots(text)
    if kind in ("diff", "integrate", "expand"):
        return _poly(ast.parse(text, mode="eval").body)
    return _number(text)


def check(item: Item, answer) -> str | None:
    """None if the Answer is right for this item's question, else what is wrong with it."""
    if answer.question != item.question:
        return f"answer to {answer.question!r} came back for {item.question!r}"
    if answer.error is not None:
        return f"{item.question!r}: error {answer.error.type}: {answer.error.message}"
    if answer.route != "direct":
        return f"{item.question!r}: went to the {answer.route} route"
    try:
        got = read_answer(item.kind, answer.answer)
    except (Unreadable, SyntaxError, ValueError, KeyError) as exc:
        return f"{item.question!r}: cannot read the answer {answer.answer!r} ({exc})"
    if got != item.expected:
        return f"{item.question!r}: answered {answer.answer!r}, expected {item.expected!r}"
    return None


# -- running many threads under a watchdog ----------------------------------------------------------

class Stuck(AssertionError):
    """The run did not finish within its bound; the message holds every thread's stack."""


def thread_dump() -> str:
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(file=f, all_threads=True)
        f.seek(0)
        return f.read()


@dataclass
class Run:
    seconds: float
    failures: list[str]
    answers: list  # empty when the run was asked not to keep them


def run_concurrently(ask: Callable[[str], object], items: list[Item], threads: int, bound: float,
                     keep_answers: bool = True, checker: Callable[[Item, object], str | None] | None = None) -> Run:
    """Ask every item's question from `threads` threads at once; raise Stuck (with thread dumps) past `bound` s.

    Each answer is checked as soon as it arrives (`checker`, default `check`); `keep_answers=False` then drops
    it, so that a memory measurement sees what the assistant holds, not the answers this runner collected.
    """
    checker = checker or check
    answers: list = [None] * len(items) if keep_answers else []
    failures: list[str] = []
    done = [0]
    next_index = iter(range(len(items)))
    lock = threading.Lock()
    start_line = threading.Barrier(threads)

    def worker() -> None:
        start_line.wait()  # all threads start asking at once
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            try:
                answer = ask(items[i].question)
                failure = checker(items[i], answer)
            except BaseException as exc:  # ask must never raise; record it as a failure of this question
                answer, failure = None, f"{items[i].question!r}: raised {type(exc).__name__}: {exc}"
            with lock:
                done[0] += 1
                if failure:
                    failures.append(failure)
                if keep_answers:
                    answers[i] = answer

    pool = [threading.Thread(target=worker, name=f"load-{n}", daemon=True) for n in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    deadline = start + bound
    for t in pool:
        t.join(max(0.0, deadline - time.perf_counter()))
    seconds = time.perf_counter() - start
    if any(t.is_alive() for t in pool):
        raise Stuck(f"{done[0]}/{len(items)} answered after {bound:g} s; threads:\n{thread_dump()}")
    return Run(seconds, failures, answers)


# -- what the process holds: memory, fds, threads, children -----------------------------------------

def _status(pid: int | str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def children(pid: int | None = None) -> list[int]:
    """Every live descendant of `pid` (default: this process), from /proc/<pid>/task/*/children."""
    pid = pid or os.getpid()
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except FileNotFoundError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    kids = [int(k) for k in f.read().split()]
            except FileNotFoundError:
                continue
            found.extend(kids)
            stack.extend(kids)
    return found


@dataclass(frozen=True)
class Usage:
    rss_kb: int  # this process
    children_rss_kb: int  # every descendant (the symbolic worker, any factoring child)
    fds: int
    threads: int  # OS threads of this process (Python and native)
    python_threads: int
    child_pids: tuple[int, ...]

    @property
    def total_kb(self) -> int:
        return self.rss_kb + self.children_rss_kb


def usage() -> Usage:
    gc.collect()
    kids = children()
    return Usage(
        rss_kb=_status("self", "VmRSS"),
        children_rss_kb=sum(_status(k, "VmRSS") for k in kids),
        fds=len(os.listdir("/proc/self/fd")),
        threads=_status("self", "Threads"),
        python_threads=threading.active_count(),
        child_pids=tuple(sorted(kids)),
    )


# -- the benchmark ----------------------------------------------------------------------------------

def _mb(kb: int) -> str:
    return f"{kb / 1024:8.1f} MB"


def throughput(assistant, items: list[Item], threads: list[int], rounds: int, bound: float) -> dict[int, list[float]]:
    """Questions/s for each thread count, interleaved round by round so both see the same machine."""
    rates: dict[int, list[float]] = {n: [] for n in threads}
    for r in range(rounds):
        order = threads if r % 2 == 0 else list(reversed(threads))
        for n in order:
            run = run_concurrently(assistant.ask, items, n, bound, keep_answers=False)
            if run.failures:
                raise SystemExit(f"{len(run.failures)} wrong answers with {n} threads, e.g. {run.failures[:3]}")
            rates[n].append(len(items) / run.seconds)
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=10_000, help="questions in the memory run")
    parser.add_argument("--warmup", type=int, default=1_000, help="questions before the first RSS reading")
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--throughput", type=int, default=600, help="questions per throughput round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved throughput rounds")
    parser.add_argument("--bound", type=float, default=3600.0, help="seconds before the run counts as stuck")
    parser.add_argument("--batches", type=int, default=10, help="the memory run's batches, each on fresh threads")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    from assistant import Assistant

    assistant = Assistant(use_planner=False)
    before = usage()
    print(f"load: {args.questions:,} questions over {len(KINDS)} kinds ({', '.join(KINDS)}), "
          f"{args.threads} threads; {os.cpu_count()} cores (shared: compare ratios, not rates)")

    warm = workload(args.warmup, seed=args.seed)
    items = workload(args.throughput, seed=args.seed + 1)
    main_items = workload(args.questions, seed=args.seed + 2)  # made before the first reading: not growth
    run = run_concurrently(assistant.ask, warm, args.threads, args.bound, keep_answers=False)
    failures = list(run.failures)
    rates = throughput(assistant, items, [1, args.threads], args.rounds, args.bound)
    at_warm = usage()
    one, many = (max(rates[n]) for n in (1, args.threads))
    print("\nthroughput (best of interleaved rounds, same questions):")
    print(f"  1 thread   {one:8.1f} q/s    rounds: {', '.join(f'{r:.1f}' for r in rates[1])}")
    print(f"  {args.threads} threads {many:8.1f} q/s    rounds: {', '.join(f'{r:.1f}' for r in rates[args.threads])}")
    print(f"  ratio {args.threads} threads / 1 thread: {many / one:.2f}x")

    size = -(-args.questions // args.batches)
    seconds, trend = 0.0, []
    for start in range(0, args.questions, size):  # fresh threads each batch: a leak per thread shows as growth
        run = run_concurrently(assistant.ask, main_items[start:start + size], args.threads, args.bound,
                               keep_answers=False)
        failures += run.failures
        seconds += run.seconds
        trend.append(usage().total_kb)
    end = usage()
    growth = 100.0 * (end.total_kb - at_warm.total_kb) / at_warm.total_kb
    print(f"\nmemory over {args.questions:,} questions in {args.batches} batches of {size:,}, {args.threads} fresh "
          f"threads each ({args.questions / seconds:.1f} q/s); warm-up: {args.warmup:,} questions + the "
          "throughput rounds")
    print(f"  {'':14}{'process':>11}{'children':>14}{'total':>14}   fds  threads(os/py)  child processes")
    for label, u in (("start", before), ("after warm-up", at_warm), ("end", end)):
        print(f"  {label:14}{_mb(u.rss_kb)}{_mb(u.children_rss_kb):>14}{_mb(u.total_kb):>14}  {u.fds:4}  "
              f"{u.threads:6}/{u.python_threads:<8}  {len(u.child_pids)}")
    process = 100.0 * (end.rss_kb - at_warm.rss_kb) / at_warm.rss_kb
    kids = 100.0 * (end.children_rss_kb - at_warm.children_rss_kb) / max(1, at_warm.children_rss_kb)
    print(f"  RSS growth after warm-up: {growth:+.2f}% (process {process:+.2f}%, children {kids:+.2f}%)")
    print(f"  total after each batch (MB): {', '.join(f'{kb / 1024:.1f}' for kb in trend)}")
    from tools.symbolic.worker import POOL

    print(f"  symbolic worker restarts: {POOL.restarts}")
    print(f"\nwrong or failed answers: {len(failures)}")
    for line in failures[:20]:
        print("  " + line)
    return 1 if failures or growth >= 10.0 else 0


if __name__ == "__main__":
    sys.exit(main())
