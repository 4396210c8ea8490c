"""Time per word problem, embedded model with the planner adapter vs without, side by side in one run.

    python bench/bench_planner_speed.py --items 30            # warm models in one process (chat, API)
    python bench/bench_planner_speed.py --items 10 --cli      # one `calx "..."` process per question

Questions: GSM8K *train* items held back from training (training/out/dev.jsonl, or the train file's
first items) and problems from calx's own generator under another seed: no test item. Each question is
asked of both planners in turn (the order alternates), each model warm (loaded before timing), so both
sides see the same machine load. Prints medians, means and the ratio adapter / no adapter.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import subprocess  # noqa: E402

from assistant import Assistant  # noqa: E402
from training import synthetic  # noqa: E402

TRAIN = ROOT.parent / "shared" / "benchmarks" / "openai+grade-school-math__grade_school_math__data__train.jsonl"


def questions(n: int, seed: int) -> list[str]:
    dev = ROOT / "training" / "out" / "dev.jsonl"
    source = dev if dev.exists() else TRAIN
    rng = random.Random(seed)
    lines = [json.loads(line)["question"] for line in source.open()][: n // 2]
    families = list(synthetic.FAMILIES.values())
    return lines + [rng.choice(families)(rng)[0] for _ in range(n - len(lines))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--cli", action="store_true", help="time whole `calx` processes (model load and prompt included)")
    args = parser.parse_args()
    ask = _cli_asker() if args.cli else _session_asker()
    times: dict[str, list[float]] = {name: [] for name in ("adapter", "no adapter")}
    for i, question in enumerate(questions(args.items, args.seed)):
        order = list(times) if i % 2 == 0 else list(reversed(times))
        for name in order:
            start = time.perf_counter()
            ask(name, question)
            times[name].append(time.perf_counter() - start)
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    how = "one calx process per question" if args.cli else "warm models in one process"
    print(f"{len(times['adapter'])} word problems, each asked of both planners in turn ({how}); "
          f"load average {' '.join(load)}")
    for name, values in times.items():
        print(f"  {name:10}  median {statistics.median(values):6.2f} s   mean {statistics.mean(values):6.2f} s")
    ratio = statistics.median(times["adapter"]) / statistics.median(times["no adapter"])
    paired = statistics.median(a / b for a, b in zip(times["adapter"], times["no adapter"]))
    print(f"  adapter / no adapter: {ratio:.2f}x (medians), {paired:.2f}x (median of per-question ratios)")


def _session_asker():
    sides = {"adapter": Assistant(adapter=True), "no adapter": Assistant(adapter=False)}
    for session in sides.values():
        session.planner().model.load()
    return lambda name, question: sides[name].ask(question)


def _cli_asker():
    flags = {"adapter": [], "no adapter": ["--no-adapter"]}

    def ask(name: str, question: str) -> None:
        subprocess.run([sys.executable, "-m", "assistant.cli", *flags[name], "--", question],
                       capture_output=True, cwd=ROOT, timeout=600)
    return ask


if __name__ == "__main__":
    main()
