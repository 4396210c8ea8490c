"""Coverage-guided fuzzing (atheris) of calx's text entry points.

    python bench/fuzz/fuzz.py TARGET -atheris_runs=100000 [-dict=bench/fuzz/TARGET.dict] [libFuzzer flags]

Targets are in targets.py. Each one's seeds are written to a fresh corpus directory (libFuzzer adds the
inputs it finds there, not in the repository) and its dictionary is used unless -dict is given.
Counts inputs and calls over the target's time budget; any exception other than the target's
documented one stops the run with a traceback and a crash-* file to replay (`fuzz.py TARGET crash-...`).
With --keep-going a finding is counted and printed once per distinct error (FINDING lines) and the run goes
on: for a long run that meets a bug in code someone else is fixing.
Prints a SUMMARY line that docs/RELIABILITY.md records.
"""
from __future__ import annotations

import atexit
import importlib
import sys
import tempfile
import time
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from targets import Target, targets  # noqa: E402  (imports nothing of calx at module level)

ALWAYS_INSTRUMENTED = ("tools", "tools.calculator", "tools.calculator.integers.functions", "tools.parsing",
                       "assistant.direct.routes.arithmetic")
STATS = {"inputs": 0, "slow": 0, "uncaught": 0, "slowest_s": 0.0, "slowest_input": ""}
FINDINGS: dict[str, int] = {}  # --keep-going: distinct error -> count
TALLY: dict[str, int] = {}


def seed_bytes(seed: str | bytes) -> bytes:
    """Text seeds in the layout FuzzedDataProvider.ConsumeUnicodeNoSurrogates reads: an odd first byte is ASCII,
    2 is UTF-16-LE."""
    if isinstance(seed, bytes):
        return seed
    return b"\x01" + seed.encode() if seed.isascii() else b"\x02" + seed.encode("utf-16-le")


def corpus_dir(target: Target) -> str | None:
    if not target.seeds:
        return None
    directory = Path(tempfile.mkdtemp(prefix=f"calx-fuzz-{target.name}-"))
    for i, seed in enumerate(target.seeds):
        (directory / f"seed-{i:03d}").write_bytes(seed_bytes(seed))
    return str(directory)


def main() -> None:
    name, flags = sys.argv[1], sys.argv[2:]
    keep_going = "--keep-going" in flags
    flags = [f for f in flags if f != "--keep-going"]
    with atheris.instrument_imports():
        for module in ALWAYS_INSTRUMENTED:
            importlib.import_module(module)
        target = targets()[name]
        for module in target.instrument:
            importlib.import_module(module)
    if target.setup is not None:
        target.setup()
    if target.dictionary and not any(f.startswith("-dict=") for f in flags):
        flags.append(f"-dict={HERE / target.dictionary}")
    replaying = any(not f.startswith("-") for f in flags)
    if not replaying and (corpus := corpus_dir(target)):
        flags.insert(0, corpus)

    def one_input(data: bytes) -> None:
        arg = data if target.raw else atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
        STATS["inputs"] += 1
        start = time.perf_counter()
        result = None
        try:
            result = target.call(arg)
        except target.expected:
            pass
        except Exception as exc:
            STATS["uncaught"] += 1
            if not keep_going:
                raise
            key = f"{type(exc).__name__}: {str(exc)[:120]}"
            if key not in FINDINGS:
                print(f"FINDING {key} input={arg[:300]!r}", file=sys.stderr)
            FINDINGS[key] = FINDINGS.get(key, 0) + 1
        if target.tally is not None and (label := target.tally(result)):
            TALLY[label] = TALLY.get(label, 0) + 1
            if STATS["inputs"] % 10_000 == 0:
                print(f"TALLY after {STATS['inputs']} inputs: {dict(sorted(TALLY.items()))}", file=sys.stderr)
        elapsed = time.perf_counter() - start
        if elapsed > STATS["slowest_s"]:
            STATS["slowest_s"], STATS["slowest_input"] = elapsed, arg[:200]
        if elapsed > target.budget_s:
            STATS["slow"] += 1
            print(f"SLOW {elapsed:.2f}s > {target.budget_s}s: {arg[:200]!r}", file=sys.stderr)

    atexit.register(lambda: print(
        f"SUMMARY target={name} inputs={STATS['inputs']} uncaught={STATS['uncaught']} "
        f"distinct={len(FINDINGS)} over_budget={STATS['slow']} budget={target.budget_s}s "
        f"slowest={STATS['slowest_s']:.3f}s input={STATS['slowest_input']!r}"
        + (f" tally={dict(sorted(TALLY.items()))}" if TALLY else ""), file=sys.stderr))
    atheris.Setup([sys.argv[0], *flags], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
