"""Foundation benchmarks (issue 2), printed side by side as ratios in one run:

1. whole-process wall time of `calx "2^100"` (the console script in sys.prefix/bin, not a shim) vs
   `python -c "print(2**100)"` on the same interpreter (goal <= 3x); optionally the same for a
   non-editable install in a throwaway venv (--venv DIR; --make-venv builds it first);
2. big-integer work through `tools.run` vs raw gmpy2/python-flint on the same inputs (goal <= 1.2x):
   a 10^6-digit multiply, factorial(10^5), factoring a 60-digit semiprime;
3. refusal time of the size guards through `tools.run` (goal < 50 ms each).

Repetitions are interleaved (A, B, A, B, ...) and medians compared, because the machines this runs
on are shared and noisy: a ratio of medians taken side by side is the figure to trust, not any one time.

    python bench/bench_foundation.py [--starts 21] [--reps 7] [--factor-reps 3] [--venv DIR] [--make-venv]
                                     [--gmpy2-dir DIR] [--only startup|bigint|guards]
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
sys.path.insert(0, str(ROOT))

START_GOAL, BIGINT_GOAL, GUARD_GOAL_MS = 3.0, 1.2, 50.0
DEFAULT_VENV = Path("/tmp/calx-bench-venv")
PYCACHE = Path("/tmp/calx-bench-pycache")


# -- timing helpers ---------------------------------------------------------------------------------
def wall(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/tmp", env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return elapsed


def interleaved(sides: dict[str, callable], reps: int) -> dict[str, list[float]]:
    """Run every side once per round, rotating the order each round; return each side's times."""
    names = list(sides)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(reps):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            times[name].append(sides[name]())
    return times


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def row(label: str, tool: float, raw: float, goal: float, unit: str = "ms", scale: float = 1000) -> str:
    ratio = tool / raw
    verdict = "ok" if ratio <= goal else "OVER"
    return (f"  {label:38} {tool * scale:10.1f} {unit} {raw * scale:10.1f} {unit}   {ratio:5.2f}x"
            f"  (goal <= {goal:g}x: {verdict})")


# -- 1. start-up --------------------------------------------------------------------------------------
def make_venv(venv: Path) -> None:
    """A throwaway venv over the system site-packages with calx installed from a copy of this tree (pip
    would otherwise leave build/ and egg-info behind in the worktree)."""
    import shutil
    import tempfile

    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "calx"
        shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", "node_modules", "*.gguf", ".hypothesis"))
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "--force-reinstall", str(src)], check=True)


def cached_env(extra_path: Path | None = None) -> dict:
    """This environment with a bytecode cache (outside the worktree), as any ordinary install has one."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH", "")]))
    return env


def startup(starts: int, venv: Path | None, gmpy2_dir: Path | None) -> None:
    """Pairs of (python -c, calx) run under the same interpreter and environment, all interleaved."""
    calx, python = Path(sys.prefix) / "bin" / "calx", sys.executable
    pairs = [("editable install, this environment", python, calx, None)]
    if sys.flags.dont_write_bytecode:
        pairs.append(("editable, with a bytecode cache", python, calx, cached_env()))
    if venv is not None:
        pairs.append(("venv, non-editable install", venv / "bin" / "python", venv / "bin" / "calx", None))
    if gmpy2_dir is not None:
        found = sorted(p.name.split("-")[1] for p in gmpy2_dir.glob("gmpy2-*.dist-info")) or ["?"]
        pairs.append((f"editable, cached, gmpy2 {found[0]}", python, calx, cached_env(gmpy2_dir)))
    sides = {}
    for label, py, script, env in pairs:
        sides[(label, "base")] = lambda py=py, env=env: wall([str(py), "-c", "print(2**100)"], env)
        sides[(label, "calx")] = lambda script=script, env=env: wall([str(script), "2^100"], env)
    for fn in sides.values():  # warm the page cache and the bytecode caches
        fn()
    times = interleaved(sides, starts)
    print(f"\n1. start-up, whole-process wall time of calx \"2^100\" vs python -c \"print(2**100)\" "
          f"({starts} interleaved runs, medians)")
    print(f"  {'':38} {'calx':>13} {'python -c':>13}   ratio")
    for label, *_ in pairs:
        calx_t, base_t = times[(label, "calx")], times[(label, "base")]
        print(row(label, med(calx_t), med(base_t), START_GOAL)
              + f"   per-round median {med([c / b for c, b in zip(calx_t, base_t)]):.2f}x")
    if sys.flags.dont_write_bytecode:
        print("  (this environment sets PYTHONDONTWRITEBYTECODE=1, so the editable tree is compiled from source"
              " on every start; the cached rows use PYTHONPYCACHEPREFIX outside the worktree)")


# -- 2. big-integer work -----------------------------------------------------------------------------
def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def compare(label: str, tool_fn, raw_fn, check, reps: int) -> None:
    tool_val, raw_val = tool_fn(), raw_fn()  # warm-up: lazy imports, caches
    check(tool_val, raw_val)
    tool_times, raw_times = [], []
    for r in range(reps):
        pair = [(tool_times, tool_fn), (raw_times, raw_fn)]
        for times, fn in (pair if r % 2 == 0 else pair[::-1]):
            elapsed, _ = timed(fn)
            times.append(elapsed)
    print(row(label, med(tool_times), med(raw_times), BIGINT_GOAL))


def semiprime() -> tuple[int, int, int]:
    import gmpy2

    p = gmpy2.next_prime(gmpy2.mpz(10) ** 29 * 3 + 123456789)
    q = gmpy2.next_prime(gmpy2.mpz(10) ** 29 * 7 + 987654321)
    return int(p), int(q), int(p * q)


def bigint(reps: int, factor_reps: int) -> None:
    import flint
    import gmpy2
    from gmpy2 import mpz

    import tools

    def ok(result):
        if not result.ok:
            raise SystemExit(f"tool failed: {result.output}")
        return result

    def same_value(result, raw):
        assert ok(result).value == raw, "tool and raw values differ"

    print(f"\n2. big integers through tools.run vs raw gmpy2/flint ({reps} interleaved runs, medians;"
          " both sides build the operands and compute the exact value; neither prints all digits)")
    print(f"  {'':38} {'tools.run':>13} {'raw':>13}   ratio")
    compare("(10^1000000-7)*(10^1000000-3)",
            lambda: tools.run("calculator", "(10^1000000 - 7) * (10^1000000 - 3)", timeout=60),
            lambda: (mpz(10) ** 1000000 - 7) * (mpz(10) ** 1000000 - 3), same_value, reps)
    # the same size with digits that do not run into long strings of 9s (which make the head digits costly)
    compare("(3^2095903+1)*(7^1183294+5)",
            lambda: tools.run("calculator", "(3^2095903 + 1) * (7^1183294 + 5)", timeout=60),
            lambda: (mpz(3) ** 2095903 + 1) * (mpz(7) ** 1183294 + 5), same_value, reps)
    compare("factorial(10^5)",
            lambda: tools.run("bigint", "factorial(100000)", timeout=60),
            lambda: gmpy2.fac(100000), same_value, reps)
    p, q, n = semiprime()

    def factors_match(result, raw):
        got = ok(result).value.factors
        assert tuple(got) == ((p, 1), (q, 1)) == tuple(sorted((int(a), int(e)) for a, e in raw)), got

    compare(f"factor(60-digit semiprime)",
            lambda: tools.run("bigint", f"factor({n})", timeout=300),
            lambda: flint.fmpz(n).factor(), factors_match, factor_reps)
    print(f"  semiprime: {n} = {p} * {q}")


# -- 3. size guards -----------------------------------------------------------------------------------
GUARDS = ["10^10^10", "factorial(10^10)", "9^9^9^9"]


def guards(reps: int) -> None:
    import tools

    print(f"\n3. size-guard refusals through tools.run (warm, {reps} runs; cold = first call in a fresh process, which includes loading the calculator and gmpy2)")
    tools.run("calculator", "1+1", timeout=10)  # warm: the calculator's modules load on first use
    for text in GUARDS:
        times = []
        for _ in range(reps):
            elapsed, result = timed(lambda: tools.run("calculator", text, timeout=10))
            assert not result.ok and result.error.type == "too_large", result.output
            times.append(elapsed * 1000)
        cold = _cold_guard(text)
        verdict = "ok" if max(times) < GUARD_GOAL_MS else "OVER"
        print(f"  {text:20} median {med(times):7.2f} ms  max {max(times):7.2f} ms  cold {cold:7.2f} ms"
              f"  (goal < {GUARD_GOAL_MS:g} ms: {verdict})   {result.output[:70]}")


def _cold_guard(text: str) -> float:
    code = ("import time, tools; s = time.perf_counter(); tools.run('calculator', %r, timeout=10); "
            "print((time.perf_counter() - s) * 1000)" % text)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=21, help="interleaved process starts per side")
    ap.add_argument("--reps", type=int, default=7, help="interleaved runs of the multiply and factorial")
    ap.add_argument("--factor-reps", type=int, default=3, help="interleaved runs of the semiprime factoring")
    ap.add_argument("--venv", type=Path, default=None,
                    help=f"a venv with a non-editable install of calx (default: {DEFAULT_VENV} if present)")
    ap.add_argument("--make-venv", action="store_true", help="build the venv first (pip install --no-deps .)")
    ap.add_argument("--gmpy2-dir", type=Path, default=None,
                    help="a directory holding another gmpy2 build (e.g. an unpacked 2.2.x wheel) for one more row")
    ap.add_argument("--only", choices=["startup", "bigint", "guards"], action="append",
                    help="run only these parts (repeatable)")
    args = ap.parse_args()
    venv = args.venv or DEFAULT_VENV
    if args.make_venv:
        make_venv(venv)
    if not (venv / "bin" / "calx").exists():
        venv = None
    print(f"calx foundation benchmarks: {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}, Python {sys.version.split()[0]}")
    parts = set(args.only or ["startup", "bigint", "guards"])
    if "startup" in parts:
        startup(args.starts, venv, args.gmpy2_dir)
    if "bigint" in parts:
        bigint(args.reps, args.factor_reps)
    if "guards" in parts:
        guards(args.reps)


if __name__ == "__main__":
    main()
