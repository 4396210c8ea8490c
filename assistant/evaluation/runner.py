"""A run: pick items (seeded subset), solve them in parallel, grade, append one JSON line per item, summarise.

Resumable: every finished item is flushed to items.jsonl at once; a later run with the same
settings and output folder skips the ids already there. Layout of a run folder:
    run.json      the settings (checked on resume)
    items.jsonl   one record per item, in completion order
    summary.json  accuracy with a 95% Wilson interval, time and tool calls per item, breakdowns
"""
from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import random
import statistics
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools.base import DEFAULT_TIMEOUT

from .grading import DEFAULT_REL_TOL, grade
from .items import Dataset, Item
from .progress import Progress
from .solvers import Outcome, SolverSpec, make_solver
from .stats import wilson

# settings that must match for a resume to mix old and new records
RESUME_KEYS = ("dataset_file", "mode", "model", "server", "limit", "seed", "rel_tol", "wall_seconds", "planner_mode")
SUMMARY_EVERY = 5


@dataclass
class RunConfig:
    dataset: str
    dataset_file: str
    format: str
    mode: str = "tools"
    model: str | None = None
    server: str | None = None
    limit: int = 0
    seed: int = 0
    workers: int = 1
    rel_tol: float = DEFAULT_REL_TOL
    tool_timeout: float = DEFAULT_TIMEOUT
    wall_seconds: float | None = None
    planner_mode: str | None = None  # None: the planner's own (CALX_PLANNER_MODE, else "write")

    def spec(self) -> SolverSpec:
        return SolverSpec(self.mode, self.model, self.server, self.tool_timeout, self.wall_seconds, self.planner_mode)


class ResumeMismatch(RuntimeError):
    pass


def select(items: list[Item], limit: int, seed: int) -> list[Item]:
    """All items in file order, or a seeded random subset of `limit` of them (same seed, same subset)."""
    if limit and 0 < limit < len(items):
        return random.Random(seed).sample(items, limit)
    return list(items)


def record_for(item: Item, outcome: Outcome, rel_tol: float) -> dict:
    verdict = grade(item, outcome.predicted, rel_tol)
    return {"id": item.id, "question": item.question, "gold": item.gold, "kind": item.kind,
            "predicted": outcome.predicted, "correct": verdict.correct, "grade": verdict.method,
            "grade_detail": verdict.detail, "route": outcome.route, "verified": outcome.verified,
            "tool_calls": outcome.tool_calls, "ms": outcome.ms, "error": outcome.error, "model": outcome.model,
            "chain": outcome.chain, "meta": item.meta}


@dataclass
class RunFolder:
    path: Path

    @property
    def items_path(self) -> Path:
        return self.path / "items.jsonl"

    def prepare(self, config: RunConfig, fresh: bool) -> list[dict]:
        """Create or reopen the folder; the records already there (resume), after checking the settings."""
        self.path.mkdir(parents=True, exist_ok=True)
        settings = self.path / "run.json"
        if fresh:
            for name in ("items.jsonl", "summary.json", "run.json"):
                (self.path / name).unlink(missing_ok=True)
        if settings.exists() and self.items_path.exists():
            old = json.loads(settings.read_text())
            diffs = [k for k in RESUME_KEYS if old.get(k) != asdict(config).get(k)]
            if diffs:
                raise ResumeMismatch(f"{self.path} holds a run with other settings ({', '.join(diffs)}); "
                                     "use another --out or --fresh")
        settings.write_text(json.dumps(asdict(config), indent=2) + "\n")
        return read_records(self.items_path) if self.items_path.exists() else []


def read_records(path: Path) -> list[dict]:
    """Complete records only: a line cut by an interrupted write is dropped (and rewritten by the resume)."""
    records, good_bytes = [], 0
    raw = path.read_bytes()
    for line in raw.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            break
        good_bytes += len(line)
    if good_bytes < len(raw):
        with path.open("r+b") as handle:
            handle.truncate(good_bytes)
    return records


def run(config: RunConfig, dataset: Dataset, out: Path, *, fresh: bool = False, progress: bool = True) -> dict:
    folder = RunFolder(out)
    previous = folder.prepare(config, fresh)
    chosen = select(dataset.items, config.limit, config.seed)
    done_ids = {r["id"] for r in previous}
    todo = [item for item in chosen if item.id not in done_ids]
    bar = Progress(len(chosen), len(chosen) - len(todo), sum(r["correct"] for r in previous if r["id"] in done_ids),
                   label=config.dataset) if progress else None
    started = time.time()
    chosen_ids = {item.id for item in chosen}
    records = [r for r in previous if r["id"] in chosen_ids]
    with folder.items_path.open("a", encoding="utf-8") as sink:
        for count, (item, outcome) in enumerate(_solve_all(config, todo), 1):
            record = record_for(item, outcome, config.rel_tol)
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            sink.flush()
            records.append(record)
            if bar:
                bar.update(record["correct"])
            if count % SUMMARY_EVERY == 0:  # a slow run killed midway still leaves a current summary
                _write_summary(out, summarize(config, records, len(chosen), dataset), started)
    if bar:
        bar.close()
    summary = summarize(config, records, len(chosen), dataset)
    _write_summary(out, summary, started)
    return summary


def _write_summary(out: Path, summary: dict, started: float) -> None:
    summary["wall_seconds_this_session"] = round(time.time() - started, 1)
    summary["code_version"] = code_version()
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")


def _solve_all(config: RunConfig, items: list[Item]):
    """(item, outcome) pairs as they finish. Threads for a server backend, processes for a local model."""
    if not items:
        return
    spec = config.spec()
    if config.workers <= 1:
        solver = make_solver(spec)
        for item in items:
            yield item, _safe_solve(solver, item.question)
        return
    if config.server:
        local = threading.local()

        def solve(question: str) -> Outcome:
            if not hasattr(local, "solver"):
                local.solver = make_solver(spec)
            return _safe_solve(local.solver, question)
        pool = cf.ThreadPoolExecutor(config.workers)
        futures = {pool.submit(solve, item.question): item for item in items}
    else:
        # spawn: each worker imports afresh and loads its own model; nothing native is shared by fork
        pool = cf.ProcessPoolExecutor(config.workers, mp_context=multiprocessing.get_context("spawn"),
                                      initializer=_init_worker, initargs=(spec,))
        futures = {pool.submit(_worker_solve, item.question): item for item in items}
    try:
        for future in cf.as_completed(futures):
            item = futures[future]
            # solver errors are caught inside the worker; an exception here is a broken pool, so the run
            # stops (unrecorded items are redone by a resume) instead of writing a failure per item
            yield item, future.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


_WORKER_SOLVER = None  # one per worker process, built by _init_worker


def _init_worker(spec: SolverSpec) -> None:
    global _WORKER_SOLVER
    _WORKER_SOLVER = make_solver(spec)


def _worker_solve(question: str) -> Outcome:
    return _safe_solve(_WORKER_SOLVER, question)


def _safe_solve(solver, question: str) -> Outcome:
    try:
        return solver.solve(question)
    except Exception as exc:  # the assistant must not raise; if it does, that is a finding, recorded per item
        return Outcome(None, "none", error=f"raised {type(exc).__name__}: {exc}")


def summarize(config: RunConfig, records: list[dict], selected: int, dataset: Dataset | None = None) -> dict:
    n = len(records)
    k = sum(1 for r in records if r["correct"])
    lo, hi = wilson(k, n)
    times = [r["ms"] for r in records if r.get("ms") is not None]
    by_type = _breakdown(records, lambda r: (r.get("meta") or {}).get("type") or "")
    by_route = _breakdown(records, lambda r: r.get("route") or "none")
    return {
        "dataset": config.dataset, "dataset_file": config.dataset_file, "mode": config.mode,
        "model": next((r["model"] for r in records if r.get("model")), config.model),
        "server": config.server, "limit": config.limit, "seed": config.seed,
        "selected": selected, "n": n, "complete": n >= selected, "correct": k,
        "accuracy": k / n if n else 0.0, "ci95": [lo, hi],
        "mean_ms": statistics.fmean(times) if times else None,
        "median_ms": statistics.median(times) if times else None,
        "tool_calls_per_item": statistics.fmean(r.get("tool_calls", 0) for r in records) if records else 0.0,
        "errors": dict(Counter((r.get("error") or "").split(":")[0] for r in records if r.get("error"))),
        "grades": dict(Counter(r.get("grade") for r in records)),
        "by_route": by_route,
        "by_type": by_type,
        "skipped_records": len(dataset.skipped) if dataset else None,
    }


def _breakdown(records: list[dict], key) -> dict[str, dict[str, int]]:
    """Correct and total per group (route, problem type); records with an empty key are left out."""
    groups: dict[str, dict[str, int]] = {}
    for r in records:
        name = key(r)
        if name:
            group = groups.setdefault(name, {"correct": 0, "n": 0})
            group["correct"] += bool(r["correct"])
            group["n"] += 1
    return dict(sorted(groups.items()))


def code_version() -> str | None:
    """`git describe --always --dirty` of the checkout this code runs from, so a figure names its code."""
    import subprocess

    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=Path(__file__).resolve().parent,
                              capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None
