"""Sandbox start-up and round-trip figures, printed side by side so a busy machine does not mislead.

    python bench/bench_sandbox.py [--repeat 5] [--warm 200]

Rows: Deno vs Node (same layers), every layer vs none (same runtime), a memory snapshot vs a plain
Pyodide start, and SymPy in the sandbox vs SymPy on the host. Goals (issue 4): warm run("1+1")
<= 25 ms, cold start (first run) <= 1.5 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sandbox import Sandbox, SandboxConfig, assets  # noqa: E402
from sandbox.isolation import plan  # noqa: E402
from sandbox.jshost import find_binary  # noqa: E402
from sandbox.worker import Worker, plan_launch  # noqa: E402

FULL = SandboxConfig()
NONE = SandboxConfig(js_permissions=False, codegen_ban=False, bridge_filter=False, os_isolation=False,
                     seccomp=False, rlimits=False)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def cold(config: SandboxConfig, repeat: int) -> float:
    """Median seconds from Sandbox() to the answer of its first run("1+1")."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        with Sandbox(config) as box:
            assert box.run("1+1", timeout=60).value == "2"
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cold_without_snapshot(config: SandboxConfig, repeat: int) -> float:
    found = assets.ensure()
    samples = []
    for _ in range(repeat):
        launch = plan_launch(config, plan(config), found)
        launch.config_line["snapshot"] = None
        start = time.perf_counter()
        worker = Worker(launch, reply_cap=1 << 20, startup_timeout=300)
        worker.request({"op": "run", "code": "1+1", "limit": 1000}, 60)
        samples.append(time.perf_counter() - start)
        worker.close()
    return statistics.median(samples)


def warm(config: SandboxConfig, n: int, code: str = "1+1") -> float:
    with Sandbox(config) as box:
        box.run(code, timeout=60)
        samples = []
        for _ in range(n):
            start = time.perf_counter()
            box.run(code, timeout=60)
            samples.append(time.perf_counter() - start)
    return median_ms(samples)


def sympy_figures(n: int) -> tuple[float, float, float, float]:
    """(first `import sympy` ms, warm factor ms in the sandbox, host factor ms, first factor ms)."""
    code = "import sympy\nx = sympy.Symbol('x')\nsympy.factor(x**6 - 1)"
    with Sandbox(FULL) as box:
        box.start()
        start = time.perf_counter()
        box.run("import sympy, mpmath", timeout=60)
        first_import = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        box.run(code, timeout=60)
        first_factor = (time.perf_counter() - start) * 1000
        samples = []
        for _ in range(n):
            start = time.perf_counter()
            box.run(code, timeout=60)
            samples.append(time.perf_counter() - start)
    import sympy

    x = sympy.Symbol("x")
    host = []
    for _ in range(n):
        start = time.perf_counter()
        sympy.factor(x**6 - 1)
        host.append(time.perf_counter() - start)
    return first_import, median_ms(samples), median_ms(host), first_factor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="cold starts per configuration")
    parser.add_argument("--warm", type=int, default=200, help="warm round trips per configuration")
    args = parser.parse_args()
    Sandbox(FULL).close()
    runtimes = ["deno"] + (["node"] if find_binary("node") else [])
    print(f"Pyodide {assets.PYODIDE_VERSION}; medians; cold = Sandbox() to first answer; warm = run('1+1') round trip")
    print(f"{'runtime':<8} {'layers':<6} {'cold s':>8} {'warm ms':>8}")
    rows = {}
    for runtime in runtimes:
        for name, config in (("all", replace(FULL, runtime=runtime)), ("none", replace(NONE, runtime=runtime))):
            rows[runtime, name] = (cold(config, args.repeat), warm(config, args.warm))
            c, w = rows[runtime, name]
            print(f"{runtime:<8} {name:<6} {c:8.2f} {w:8.1f}")
    d_all = rows["deno", "all"]
    d_none = rows["deno", "none"]
    print(f"layers cost (deno, all / none): cold x{d_all[0] / d_none[0]:.2f}, warm x{d_all[1] / d_none[1]:.2f}")
    if "node" in runtimes:
        n_all = rows["node", "all"]
        print(f"deno / node (all layers): cold x{d_all[0] / n_all[0]:.2f}, warm x{d_all[1] / n_all[1]:.2f}")
    plain = cold_without_snapshot(FULL, max(1, args.repeat // 2))
    print(f"deno all layers without the snapshot: cold {plain:.2f} s; snapshot speed-up x{plain / d_all[0]:.1f}")
    first_import, sandbox_factor, host_factor, first_factor = sympy_figures(max(5, args.warm // 10))
    print(f"import sympy, mpmath after start: {first_import:.1f} ms (imported in the snapshot)")
    print(f"sympy.factor(x**6 - 1): first {first_factor:.0f} ms, warm {sandbox_factor:.1f} ms in the sandbox, "
          f"{host_factor:.1f} ms on the host (x{sandbox_factor / host_factor:.1f})")
    goal_w = "meets" if d_all[1] <= 25 else "misses"
    goal_c = "meets" if d_all[0] <= 1.5 else "misses"
    print(f"goals (deno, all layers): warm {d_all[1]:.1f} ms {goal_w} <= 25 ms; cold {d_all[0]:.2f} s {goal_c} <= 1.5 s")


if __name__ == "__main__":
    main()
