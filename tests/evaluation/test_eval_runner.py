"""The runner on the real direct route (no model): subsets, JSONL records, summary, resume, parallel workers."""
import json
from pathlib import Path

import pytest

from assistant.evaluation.readers import read_dataset
from assistant.evaluation.runner import ResumeMismatch, RunConfig, read_records, run, select
from assistant.evaluation.stats import wilson

FIXTURES = Path(__file__).parent / "fixtures"


def bigbench():
    return read_dataset(FIXTURES / "bigbench_small.json")


def config(**kw):
    base = dict(dataset="bigbench-small", dataset_file="bigbench_small.json", format="bigbench", mode="direct")
    return RunConfig(**{**base, **kw})


def test_wilson_interval_known_values():
    lo, hi = wilson(10, 10)
    assert hi == 1.0 and 0.72 < lo < 0.73
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and 0.27 < hi < 0.28
    lo, hi = wilson(50, 100)
    assert abs(lo - 0.4038) < 1e-3 and abs(hi - 0.5962) < 1e-3
    assert wilson(0, 0) == (0.0, 1.0)


def test_seeded_subsets_are_reproducible():
    items = bigbench().items
    assert [i.id for i in select(items, 2, 7)] == [i.id for i in select(items, 2, 7)]
    assert len(select(items, 2, 7)) == 2
    assert select(items, 0, 7) == items


def test_direct_run_writes_records_and_summary(tmp_path):
    summary = run(config(), bigbench(), tmp_path, progress=False)
    records = read_records(tmp_path / "items.jsonl")
    assert summary["n"] == len(records) == 4
    assert summary["correct"] == 4 and summary["accuracy"] == 1.0
    assert summary["ci95"] == list(wilson(4, 4))
    assert summary["by_route"] == {"direct": {"correct": 4, "n": 4}}
    assert summary["tool_calls_per_item"] >= 1
    assert summary["skipped_records"] == 2
    first = records[0]
    for key in ("question", "gold", "predicted", "correct", "route", "chain", "ms", "tool_calls"):
        assert key in first
    assert json.loads((tmp_path / "summary.json").read_text())["n"] == 4


def test_resume_skips_finished_items_and_repairs_a_cut_line(tmp_path):
    run(config(), bigbench(), tmp_path, progress=False)
    lines = (tmp_path / "items.jsonl").read_text().splitlines(keepends=True)
    # an interrupted run: two records done, the third cut in the middle of its write
    (tmp_path / "items.jsonl").write_text("".join(lines[:2]) + lines[2][:25])
    summary = run(config(), bigbench(), tmp_path, progress=False)
    records = read_records(tmp_path / "items.jsonl")
    assert summary["n"] == 4 and summary["complete"]
    assert sorted(r["id"] for r in records) == ["0", "1", "2", "3"]  # none twice, none lost


def test_resume_refuses_other_settings(tmp_path):
    run(config(limit=2, seed=1), bigbench(), tmp_path, progress=False)
    with pytest.raises(ResumeMismatch):
        run(config(limit=2, seed=2), bigbench(), tmp_path, progress=False)
    summary = run(config(limit=2, seed=2), bigbench(), tmp_path, fresh=True, progress=False)
    assert summary["n"] == 2


def test_process_workers_give_the_same_results(tmp_path):
    summary = run(config(workers=2), bigbench(), tmp_path, progress=False)
    assert summary["n"] == 4 and summary["correct"] == 4


def test_questions_the_direct_route_cannot_read_are_wrong_not_fatal(tmp_path):
    data = read_dataset(FIXTURES / "mawps_small.jsonl")  # a word problem: needs the planner
    summary = run(config(dataset="mawps", dataset_file="mawps_small.jsonl", format="mawps"), data, tmp_path,
                  progress=False)
    record = read_records(tmp_path / "items.jsonl")[0]
    assert summary["correct"] == 0
    assert record["route"] == "none" and record["error"].startswith("not_understood")


def test_server_backends_use_a_thread_per_worker(tmp_path):
    # with --server the runner sends N concurrent requests from threads; the direct route never calls the
    # server, so this exercises the thread pool itself (the server backend has its own tests)
    summary = run(config(workers=3, server="http://127.0.0.1:9"), bigbench(), tmp_path, progress=False)
    assert summary["n"] == 4 and summary["correct"] == 4


@pytest.mark.slow
def test_no_tools_ablation_with_the_real_default_model(tmp_path):
    summary = run(config(mode="no-tools", limit=1, seed=0), bigbench(), tmp_path, progress=False)
    record = read_records(tmp_path / "items.jsonl")[0]
    assert summary["n"] == 1
    assert record["route"] == "no-tools" and record["tool_calls"] == 0
    assert record["error"] is None
    assert record["predicted"] is None or record["predicted"].lstrip("-").replace(".", "").replace("/", "").isdigit()
