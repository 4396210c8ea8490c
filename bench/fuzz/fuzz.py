"""Coverage-guided fuzzing (atheris) of calx's text entry points.

    python bench/fuzz/fuzz.py TARGET -atheris_runs=100000 [-dict=bench/fuzz/math.dict]

Counts inputs, uncaught exceptions and calls over the target's time budget; prints a summary line
that docs/RELIABILITY.md records. Crashes are written by libFuzzer as crash-* files to replay.
"""
from __future__ import annotations

import atexit
import sys
import time
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports():
    import tools  # noqa: F401  (instrumented for coverage)
    import tools.calculator  # noqa: F401
    import tools.bigint  # noqa: F401
    import tools.parsing  # noqa: F401
    import assistant.routes.arithmetic  # noqa: F401

from targets import targets  # noqa: E402

STATS = {"inputs": 0, "slow": 0, "slowest_s": 0.0, "slowest_input": ""}


def main() -> None:
    name = sys.argv[1]
    target = targets()[name]

    def one_input(data: bytes) -> None:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
        STATS["inputs"] += 1
        start = time.perf_counter()
        try:
            target.call(text)
        except target.expected:
            pass
        elapsed = time.perf_counter() - start
        if elapsed > STATS["slowest_s"]:
            STATS["slowest_s"], STATS["slowest_input"] = elapsed, text[:200]
        if elapsed > target.budget_s:
            STATS["slow"] += 1
            print(f"SLOW {elapsed:.2f}s > {target.budget_s}s: {text[:200]!r}", file=sys.stderr)

    atexit.register(lambda: print(
        f"SUMMARY target={name} inputs={STATS['inputs']} over_budget={STATS['slow']} "
        f"slowest={STATS['slowest_s']:.3f}s input={STATS['slowest_input']!r}", file=sys.stderr))
    atheris.Setup([sys.argv[0], *sys.argv[2:]], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
