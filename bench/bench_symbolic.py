"""The symbolic tool against the raw engines, side by side in one run (ratios, not absolute times).

    python bench/bench_symbolic.py [--repeat 5] [--cold 5]

1. expand((x+y+z+w+1)^15): the tool (full answer: checks, LaTeX, pretty; and bare) vs raw
   python-flint, raw SymEngine (expand alone, and expand + str, since the tool must return text),
   raw SymPy.
2. A differentiation/substitution workload (heavy calls and light calls) through the tool vs raw
   SymEngine vs raw SymPy, each raw call including str() of its result.
3. Cold start: `calx "integrate x^2 sin(x)"` vs `python3 -c "import sympy; ..."` doing the same.
4. The routing table: for each operation the engines the tool could use, timed on one input.

Best-of-N wall times; the machine is shared, so compare the ratios printed in the same run.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def best(fn, repeat: int, setup=None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()  # not timed
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def tool_call(text: str, bare: bool = False):
    import tools

    result = tools.get("symbolic").run(text, timeout=60, bare=bare)
    assert result.ok, result.output
    return result


def cold_sympy() -> None:
    """SymPy caches results: a repeated identical call is a lookup, so its cache is cleared before each run."""
    from sympy.core.cache import clear_cache

    clear_cache()


def section_expand(repeat: int) -> dict:
    import flint
    import symengine as se
    import sympy as sp

    text = "expand((x+y+z+w+1)^15)"
    tool_call(text)  # warm the worker
    x, y, z, w = se.symbols("x y z w")
    X, Y, Z, W = sp.symbols("x y z w")
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "z", "w"), "deglex")
    fx, fy, fz, fw = ctx.gens()
    rows = {
        "tool (checked, full answer)": best(lambda: tool_call(text), repeat),
        "tool (bare: no checks/LaTeX)": best(lambda: tool_call(text, bare=True), repeat),
        "raw python-flint fmpz_mpoly": best(lambda: (fx + fy + fz + fw + 1) ** 15, repeat),
        "raw SymEngine expand": best(lambda: se.expand((x + y + z + w + 1) ** 15), repeat),
        "raw SymEngine expand + str": best(lambda: str(se.expand((x + y + z + w + 1) ** 15)), repeat),
        "raw SymPy expand": best(lambda: sp.expand((X + Y + Z + W + 1) ** 15), 1, cold_sympy),
    }
    print("\n## 1. expand((x+y+z+w+1)^15)  (3876 terms)")
    base = rows["raw SymEngine expand"]
    for name, t in rows.items():
        print(f"  {name:32} {ms(t)}   {t / base:7.2f}x raw SymEngine   {rows['raw SymPy expand'] / t:8.1f}x faster than SymPy")
    return rows


HEAVY = [
    "diff((x + y*sin(x) + z*exp(x))^12, x, 3)",
    "diff(sin(x*y)*cos(x + y)*exp(x*y^2)*(x^2 + y^2 + 1)^5, x, 4)",
    "diff(x^x * log(x)^3 * atan(x)^2, x, 3)",
    "subs((x + y + z + 1)^10 * sin(x) + cos(y)^4, x, 2*y + 1)",
    "subs(sin(x)^5*cos(y)^3 + exp(x*y)*(x + y)^6, y, x^2 - 1)",
]
LIGHT = ["diff(x^3 sin(x), x)", "diff(x^x, x)", "diff(log(x), x, 2)", "subs(x^2 + y, x, 2)", "diff(tan(x), x)"]


def _raw(text: str, engine: str):
    """The same workload call, built directly in the raw engine (no parser, no process)."""
    import symengine as se
    import sympy as sp

    mod = se if engine == "symengine" else sp
    x, y, z = mod.symbols("x y z")
    ns = {"x": x, "y": y, "z": z, "sin": mod.sin, "cos": mod.cos, "exp": mod.exp, "log": mod.log,
          "atan": mod.atan, "tan": mod.tan}
    table = {
        HEAVY[0]: lambda: mod.diff((x + y * ns["sin"](x) + z * ns["exp"](x)) ** 12, x, 3),
        HEAVY[1]: lambda: mod.diff(ns["sin"](x * y) * ns["cos"](x + y) * ns["exp"](x * y**2) * (x**2 + y**2 + 1) ** 5, x, 4),
        HEAVY[2]: lambda: mod.diff(x**x * ns["log"](x) ** 3 * ns["atan"](x) ** 2, x, 3),
        HEAVY[3]: lambda: ((x + y + z + 1) ** 10 * ns["sin"](x) + ns["cos"](y) ** 4).subs({x: 2 * y + 1}),
        HEAVY[4]: lambda: (ns["sin"](x) ** 5 * ns["cos"](y) ** 3 + ns["exp"](x * y) * (x + y) ** 6).subs({y: x**2 - 1}),
        LIGHT[0]: lambda: mod.diff(x**3 * ns["sin"](x), x),
        LIGHT[1]: lambda: mod.diff(x**x, x),
        LIGHT[2]: lambda: mod.diff(ns["log"](x), x, 2),
        LIGHT[3]: lambda: (x**2 + y).subs({x: 2}),
        LIGHT[4]: lambda: mod.diff(ns["tan"](x), x),
    }
    fn = table[text]
    return lambda: str(fn())


def section_workload(repeat: int) -> None:
    print("\n## 2. differentiation/substitution workload (each raw call includes str() of the result)")
    for label, calls in (("heavy (5 calls)", HEAVY), ("light (5 calls)", LIGHT)):
        for c in calls:
            tool_call(c)
        full = best(lambda: [tool_call(c) for c in calls], repeat)
        bare = best(lambda: [tool_call(c, bare=True) for c in calls], repeat)
        raw_se = best(lambda: [_raw(c, "symengine")() for c in calls], repeat)
        raw_sp = best(lambda: [_raw(c, "sympy")() for c in calls], max(1, repeat // 2), cold_sympy)
        engines = {tool_call(c, bare=True).extra["engine"] for c in calls}
        print(f"  {label}: engines used by the tool: {', '.join(sorted(engines))}")
        for name, t in (("tool (checked, full answer)", full), ("tool (bare)", bare),
                        ("raw SymEngine", raw_se), ("raw SymPy", raw_sp)):
            print(f"    {name:30} {ms(t)}   {t / raw_se:8.2f}x raw SymEngine   {raw_sp / t:7.1f}x faster than SymPy")


def section_cold(runs: int) -> None:
    calx = shutil.which("calx")
    print("\n## 3. cold start: integrate x^2 sin(x), a fresh process each run")
    if calx is None:
        print("  calx is not installed on PATH; skipped")
        return
    cmd_tool = [calx, "integrate x^2 sin(x)"]
    cmd_checked = [sys.executable, "-c",
                   "import sympy; x = sympy.Symbol('x'); F = sympy.integrate(x**2*sympy.sin(x), x); "
                   "print(F); print(sympy.simplify(sympy.diff(F, x) - x**2*sympy.sin(x)) == 0)"]
    cmd_plain = [sys.executable, "-c",
                 "import sympy; x = sympy.Symbol('x'); print(sympy.integrate(x**2*sympy.sin(x), x))"]
    times: dict[str, list[float]] = {"calx": [], "checked": [], "plain": []}
    for _ in range(runs):  # alternate, so that load on the shared machine hits all alike
        for key, cmd in (("calx", cmd_tool), ("checked", cmd_checked), ("plain", cmd_plain)):
            start = time.perf_counter()
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            times[key].append(time.perf_counter() - start)
            assert out.returncode == 0, out.stderr
    t, c, p = (statistics.median(times[k]) for k in ("calx", "checked", "plain"))
    print(f"  calx \"integrate x^2 sin(x)\" (answer + check + pretty)   median {ms(t)}")
    print(f"  python3 -c 'import sympy; integrate; simplify(diff-f)'   median {ms(c)}   calx/this {t / c:.2f}x")
    print(f"  python3 -c 'import sympy; integrate' (no check)          median {ms(p)}   calx/this {t / p:.2f}x"
          "  (goal <= 1.3x)")


def section_routing(repeat: int) -> None:
    import flint
    import symengine as se
    import sympy as sp

    print("\n## 4. routing: the engines measured per operation (the tool uses the first listed)")
    X, Y = sp.symbols("x y")
    x, y = se.symbols("x y")
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "deglex")
    fx, fy = ctx.gens()
    rows = [
        ("expand (x+y+1)^40 * (x-y)^10", [
            ("flint", lambda: (fx + fy + 1) ** 40 * (fx - fy) ** 10),
            ("symengine", lambda: se.expand((x + y + 1) ** 40 * (x - y) ** 10)),
            ("sympy", lambda: sp.expand((X + Y + 1) ** 40 * (X - Y) ** 10))]),
        ("diff sin(x y)^3 exp(x) 3rd in x", [
            ("symengine", lambda: se.diff(se.sin(x * y) ** 3 * se.exp(x), x, 3)),
            ("sympy", lambda: sp.diff(sp.sin(X * Y) ** 3 * sp.exp(X), X, 3))]),
        ("subs x -> y^2+1 in (x+y)^8 sin(x)", [
            ("symengine", lambda: ((x + y) ** 8 * se.sin(x)).subs({x: y**2 + 1})),
            ("sympy", lambda: ((X + Y) ** 8 * sp.sin(X)).subs(X, Y**2 + 1))]),
        ("(x^2-1)/(x-1): cancel vs simplify", [
            ("sympy cancel", lambda: sp.cancel((X**2 - 1) / (X - 1))),
            ("sympy simplify", lambda: sp.simplify((X**2 - 1) / (X - 1)))]),
        ("1/x + 1/y: together vs simplify", [
            ("sympy together", lambda: sp.together(1 / X + 1 / Y)),
            ("sympy simplify", lambda: sp.simplify(1 / X + 1 / Y))]),
        ("sin^4 - cos^4: trigsimp vs simplify", [
            ("sympy trigsimp", lambda: sp.trigsimp(sp.sin(X) ** 4 - sp.cos(X) ** 4)),
            ("sympy simplify", lambda: sp.simplify(sp.sin(X) ** 4 - sp.cos(X) ** 4))]),
    ]
    for label, engines in rows:
        times = [(name, best(fn, repeat, cold_sympy if name.startswith("sympy") else None)) for name, fn in engines]
        fastest = min(t for _, t in times)
        shown = "   ".join(f"{name} {ms(t).strip()} ({t / fastest:.1f}x)" for name, t in times)
        print(f"  {label:38} {shown}")
    from sympy.external.gmpy import GROUND_TYPES

    print(f"  SymPy ground types in use: {GROUND_TYPES}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", type=int, default=5)
    args = parser.parse_args()
    print(f"# bench_symbolic  python {sys.version.split()[0]}")
    section_expand(args.repeat)
    section_workload(args.repeat)
    section_cold(args.cold)
    section_routing(args.repeat)


if __name__ == "__main__":
    main()
