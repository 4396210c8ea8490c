"""Writer vs scorer (issue 12 item 3) on DEV data only, side by side in one process on one loaded model.

Two sets, neither used for measuring calx elsewhere:
- dev: GSM8K *train* items held back from training (`python -m training.build_data --no-thoughts --out
  training/out/plain --gsm8k ...` writes training/out/plain/dev.jsonl);
- gen: problems from calx's own generator (training/synthetic.py) with a seed that is not the training
  seed (build_data uses 20261202), a third of them with a distractor sentence as in training.

For each question: the writer (Options(), the default), then the scorer (Options(mode="score")); the scorer's
chain is re-ranked from the same scores with the other norm ("mean" beside "sum") at no extra model cost.
The model is loaded before timing. CALX_THREADS=1 on a shared 2-core machine: with 2 threads llama.cpp's
spinning workers wait on each other whenever another process holds a core (a batch decode 5-40x slower, measured):

    CALX_THREADS=1 python bench/scorer_dev.py --dev 60 --gen 60 --out bench/results/scorer-dev.json
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.models import resolve_model  # noqa: E402
from assistant.planner import Budgets, Options, Planner  # noqa: E402
from assistant.planner.numbers import to_fraction  # noqa: E402
from assistant.planner.scorer import ChainScorer, candidate_numbers  # noqa: E402

GEN_SEED = 777  # not the training seed (20261202)


def dev_items(n: int, seed: int, offset: int = 0) -> list[tuple[str, str, Fraction]]:
    path = ROOT / "training/out/plain/dev.jsonl"
    rows = [json.loads(line) for line in path.open()]
    random.Random(seed).shuffle(rows)
    rows = rows[offset: offset + n]
    return [("dev", r["question"], to_fraction(r["answer"].rsplit("####", 1)[1].strip().replace(",", ""))) for r in rows]


def gen_items(n: int, seed: int, offset: int = 0) -> list[tuple[str, str, Fraction]]:
    from training import distractors, synthetic
    from training.build_data import chain_from_plan

    rng = random.Random(seed)
    families = sorted(synthetic.FAMILIES)
    out, seen = [], set()
    while len(out) < offset + n:
        name = rng.choice(families)
        question, plan, result = synthetic.FAMILIES[name](rng)
        chain = chain_from_plan(question, plan, result, name)  # the answer as training computes it (some give None)
        if rng.random() < 0.35:
            question = distractors.insert(question, rng) or question
        if chain is not None and question not in seen:
            seen.add(question)
            out.append(("gen", question, to_fraction(chain.result)))
    return out[offset:]


def right(answer, gold: Fraction) -> bool:
    value = to_fraction(answer.answer) if answer.answer is not None else None
    return value is not None and gold is not None and value == gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=int, default=60)
    ap.add_argument("--gen", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--gen-seed", type=int, default=GEN_SEED)
    ap.add_argument("--offset", type=int, default=0, help="skip this many items of each set (a second run, other items)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.gen_seed == 20261202:
        ap.error("that is the training seed")
    items = dev_items(args.dev, args.seed, args.offset) + gen_items(args.gen, args.gen_seed, args.offset)
    model = resolve_model(None, None)
    model.load()
    budgets = Budgets(wall_seconds=120.0)  # measure the model, not the machine's load
    writer = Planner(model, budgets=budgets, options=Options(mode="write"))
    scorer = Planner(model, budgets=budgets, options=Options(mode="score"))
    records = []
    for i, (kind, question, gold) in enumerate(items):
        t0 = time.perf_counter()
        written = writer.ask(question)
        t1 = time.perf_counter()
        scored = scorer.ask(question)
        t2 = time.perf_counter()
        mean_ok = _rerank_mean(model, question, gold, scored)
        rec = {"set": kind, "question": question, "gold": str(gold), "numbers": len(candidate_numbers(question) or []),
               "enumerated": candidate_numbers(question) is not None,
               "write": written.answer, "write_ok": right(written, gold), "write_s": round(t1 - t0, 2),
               "score": scored.answer, "score_ok": right(scored, gold), "score_s": round(t2 - t1, 2),
               "score_chain": scored.chain, "mean_ok": mean_ok,
               "candidates": scored.timings.get("candidates")}
        records.append(rec)
        print(f"{i + 1:3d} {kind} write={rec['write_ok']:d} {rec['write_s']:5.1f}s score={rec['score_ok']:d} "
              f"{rec['score_s']:5.1f}s mean={mean_ok} cand={rec['candidates']}", flush=True)
    summary = summarize(records)
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"summary": summary, "items": records}, indent=1) + "\n")


_LAST: dict = {}


def _rerank_mean(model, question: str, gold: Fraction, answer) -> bool | None:
    """Would the "mean" norm have been right? Re-ranks the scorer's own scores of this question (no model call)."""
    scored = _LAST.get("scored")
    if not scored:
        return None
    best = max(scored, key=lambda s: s.logprob / max(s.tokens, 1)).candidate
    return to_fraction(best.result) == gold


def _capture() -> None:
    """Keep each question's scored candidates (ChainScorer.last_scored) for the re-ranking above."""
    original = ChainScorer.best

    def best(self, *a, **k):
        _LAST["scored"] = []
        ranked = original(self, *a, **k)
        _LAST["scored"] = self.last_scored
        return ranked

    ChainScorer.best = best


def summarize(records: list[dict]) -> dict:
    out = {}
    for kind in sorted({r["set"] for r in records}):
        rows = [r for r in records if r["set"] == kind]
        enum = [r for r in rows if r["enumerated"]]
        out[kind] = {
            "n": len(rows), "enumerated": len(enum),
            "write_right": sum(r["write_ok"] for r in rows), "score_right": sum(r["score_ok"] for r in rows),
            "score_mean_norm_right": sum(r["score_ok"] if r["mean_ok"] is None else r["mean_ok"] for r in rows),
            "write_right_on_enumerated": sum(r["write_ok"] for r in enum),
            "score_right_on_enumerated": sum(r["score_ok"] for r in enum),
            "write_s_mean": round(sum(r["write_s"] for r in rows) / len(rows), 2),
            "score_s_mean": round(sum(r["score_s"] for r in rows) / len(rows), 2),
            "write_s_median": sorted(r["write_s"] for r in rows)[len(rows) // 2],
            "score_s_median": sorted(r["score_s"] for r in rows)[len(rows) // 2],
        }
    return out


if __name__ == "__main__":
    _capture()
    main()
