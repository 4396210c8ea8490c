"""Issue 14's correctness test: a direct answer never disagrees with a public benchmark's reference.

Every direct answer, verified or not, is graded with calx's own grader (bench/direct_disagreements.py). The
normal run asks a seeded sample of each file the evaluation knows (well under a minute in all); the whole set
is marked slow. A failure lists each disagreement: fix the reading that caused it, never the item.
"""
import importlib.util
import sys
from pathlib import Path

import pytest

from assistant.evaluation.datasets import NAMES, resolve

SAMPLE_PER_FILE = 200
SEED = 20261202

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "direct_disagreements.py"


def _bench():
    if "direct_disagreements" in sys.modules:
        return sys.modules["direct_disagreements"]
    spec = importlib.util.spec_from_file_location("direct_disagreements", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def _available() -> list[str]:
    names = []
    for name in sorted(NAMES):
        try:
            if resolve(name).exists():
                names.append(name)
        except FileNotFoundError:
            continue
    return names


DATASETS = _available()
needs_files = pytest.mark.skipif(not DATASETS, reason="the public benchmark files are not here")


def _disagreements(sample: int) -> tuple[list, int]:
    bench = _bench()
    found, direct = [], 0
    for name in DATASETS:
        counts, disagreements = bench.check_in_process(name, sample, SEED)
        found.extend(disagreements)
        direct += counts["direct"]
    return found, direct


@needs_files
def test_sampled_direct_answers_agree_with_the_references():
    found, direct = _disagreements(SAMPLE_PER_FILE)
    assert direct > 0, "the sample reached no direct answer: the test would pass over nothing"
    assert not found, "\n".join(d.line() for d in found)


@needs_files
@pytest.mark.slow
def test_every_direct_answer_agrees_with_the_reference():
    found, direct = _disagreements(0)
    assert direct > 0
    assert not found, "\n".join(d.line() for d in found)


def test_a_disagreement_is_counted():
    """The tally itself: a wrong direct answer counts, a direct error and a planner answer do not."""
    from assistant.evaluation.items import Item

    bench = _bench()
    items = [Item("1", "2+2", "4", "number"), Item("2", "2+3", "5", "number"), Item("3", "x", "7", "number"),
             Item("4", "y", "8", "number")]
    results = [("direct", "4", True), ("direct", "6", True), ("direct", None, None), ("planner", "1", None)]
    counts, found = bench.tally("toy", items, results)
    assert counts["direct"] == 2 and counts["disagree"] == 1 and counts["verified_disagree"] == 1
    assert counts["direct_errors"] == 1
    assert [d.id for d in found] == ["2"]
