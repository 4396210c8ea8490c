"""How many direct-route answers marked verified are wrong, over the public benchmark files.

    python bench/verified_direct.py [DATASET ...] [--limit N] [--workers 2] [--timeout 10] [--show]

For each dataset (default: every one `calx eval datasets` knows), every item is asked with the planner
off; answers the direct route gives are graded against the reference with calx's own grader. The figure
that must be 0 is `verified & wrong`. `--show` prints each such item (`--show all`: every wrong direct answer) (id, question start, answer, gold)
for diagnosis; fix general causes, never the items themselves.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_assistant = None


def _init(timeout: float) -> None:
    global _assistant
    from assistant import Assistant

    _assistant = Assistant(use_planner=False, tool_timeout=timeout)


def _ask(question: str):
    answer = _assistant.ask(question)
    predicted = answer.answer if answer.answer is not None else answer.decimal
    return answer.route, predicted, answer.verified


def measure(name: str, limit: int, workers: int, timeout: float, show: bool) -> dict:
    from assistant.evaluation.datasets import resolve
    from assistant.evaluation.grading import grade
    from assistant.evaluation.readers import read_dataset
    from assistant.evaluation.runner import select

    dataset = read_dataset(resolve(name))
    items = select(dataset.items, limit, 0) if limit else dataset.items
    start = time.perf_counter()
    counts = {"dataset": name, "items": len(items), "direct": 0, "direct_wrong": 0, "verified": 0,
              "verified_wrong": 0}
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(timeout,)) as pool:
        results = pool.map(_ask, [item.question for item in items], chunksize=8)
        for item, (route, predicted, verified) in zip(items, results):
            if route != "direct" or predicted is None:
                continue
            correct = grade(item, predicted).correct
            counts["direct"] += 1
            counts["direct_wrong"] += not correct
            counts["verified"] += verified is True
            if not correct and show == "all" and verified is not True:
                print(f"  wrong (not verified) {name}:{item.id}: {item.question[:160]!r} -> {predicted[:80]!r} "
                      f"(gold {item.gold[:60]!r})", flush=True)
            if verified is True and not correct:
                counts["verified_wrong"] += 1
                if show:
                    print(f"  VERIFIED WRONG {name}:{item.id}: {item.question[:160]!r} -> {predicted[:80]!r} "
                          f"(gold {item.gold[:60]!r})", flush=True)
    counts["seconds"] = round(time.perf_counter() - start, 1)
    return counts


def main() -> None:
    from assistant.evaluation.datasets import NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", default=sorted(NAMES))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--show", nargs="?", const="verified", choices=["verified", "all"],
                        help="print each verified wrong answer (all: every wrong direct answer)")
    args = parser.parse_args()
    total = {"items": 0, "direct": 0, "verified": 0, "verified_wrong": 0}
    for name in args.datasets:
        counts = measure(name, args.limit, args.workers, args.timeout, args.show)
        print(json.dumps(counts), flush=True)
        for key in total:
            total[key] += counts[key]
    print(json.dumps({"total": total}), flush=True)


if __name__ == "__main__":
    main()
