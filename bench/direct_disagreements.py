"""Direct answers that disagree with the reference, over every public benchmark file: the figure must be 0.

    python bench/direct_disagreements.py [DATASET ...] [--sample N] [--seed S] [--workers 2] [--timeout 10]

Every item of each dataset (default: every one `calx eval datasets` lists; `--sample N`: a seeded sample of N
per file) is asked with the planner off. Each answer the direct route gives, verified or not, is graded against
the reference with calx's own grader (assistant/evaluation/grading.py: numbers exactly, or within the
reference's precision when it is written as a rounded decimal). A direct answer that disagrees is printed
(dataset, id, question start, answer, reference) and counted; the total must be 0. A direct *error* (the tool
refused, a limit was hit) is not an answer and is counted apart. bench/verified_direct.py counts only the
answers marked verified; this script counts them all. tests/assistant/test_direct_agreement.py runs it.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_assistant = None


@dataclass(frozen=True)
class Disagreement:
    dataset: str
    id: str
    question: str
    predicted: str
    gold: str
    verified: bool | None

    def line(self) -> str:
        return (f"{self.dataset}:{self.id}: {self.question[:120]!r} -> {self.predicted[:80]!r} "
                f"(reference {self.gold[:60]!r}, verified {self.verified})")


def _init(timeout: float) -> None:
    global _assistant
    from assistant import Assistant

    _assistant = Assistant(use_planner=False, tool_timeout=timeout)


def _ask(question: str) -> tuple[str, str | None, bool | None]:
    answer = _assistant.ask(question)
    predicted = answer.answer if answer.answer is not None else answer.decimal
    return answer.route, predicted, answer.verified


def items_of(name: str, sample: int = 0, seed: int = 0) -> list:
    from assistant.evaluation.datasets import resolve
    from assistant.evaluation.readers import read_dataset
    from assistant.evaluation.runner import select

    return select(read_dataset(resolve(name)).items, sample, seed)


def tally(name: str, items: list, results) -> tuple[dict, list[Disagreement]]:
    """Counts for one dataset, and each direct answer that disagrees with its reference."""
    from assistant.evaluation.grading import grade

    counts = {"dataset": name, "items": len(items), "direct": 0, "direct_errors": 0, "disagree": 0,
              "verified_disagree": 0}
    found: list[Disagreement] = []
    for item, (route, predicted, verified) in zip(items, results):
        if route != "direct":
            continue
        if predicted is None or not str(predicted).strip():
            counts["direct_errors"] += 1
            continue
        counts["direct"] += 1
        if not grade(item, predicted).correct:
            counts["disagree"] += 1
            counts["verified_disagree"] += verified is True
            found.append(Disagreement(name, item.id, item.question, str(predicted), item.gold, verified))
    return counts, found


def check_in_process(name: str, sample: int, seed: int, timeout: float = 10.0) -> tuple[dict, list[Disagreement]]:
    """One dataset asked in this process (the test's way: no worker pool to start)."""
    if _assistant is None:
        _init(timeout)
    items = items_of(name, sample, seed)
    return tally(name, items, [_ask(item.question) for item in items])


def check_with_pool(name: str, sample: int, seed: int, workers: int, timeout: float) -> tuple[dict, list[Disagreement]]:
    items = items_of(name, sample, seed)
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(timeout,)) as pool:
        results = list(pool.map(_ask, [item.question for item in items], chunksize=8))
    return tally(name, items, results)


def main() -> None:
    from assistant.evaluation.datasets import NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", default=sorted(NAMES))
    parser.add_argument("--sample", type=int, default=0, help="a seeded sample of N items per file (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--json", metavar="PATH", help="also write every disagreement to this JSON file")
    args = parser.parse_args()
    total = {"items": 0, "direct": 0, "direct_errors": 0, "disagree": 0, "verified_disagree": 0}
    every: list[Disagreement] = []
    for name in args.datasets:
        start = time.perf_counter()
        counts, found = check_with_pool(name, args.sample, args.seed, args.workers, args.timeout)
        counts["seconds"] = round(time.perf_counter() - start, 1)
        for d in found:
            print("  DISAGREES " + d.line(), flush=True)
        print(json.dumps(counts), flush=True)
        every.extend(found)
        for key in total:
            total[key] += counts[key]
    print(json.dumps({"total": total}), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(d) for d in every], indent=1))
    sys.exit(1 if total["disagree"] else 0)


if __name__ == "__main__":
    main()
