"""Accuracy of the planner on word problems: the same model with tools (Calc-X loop) vs without tools.

Stand-alone until the evaluation harness lands. Examples:

    python bench/eval_planner.py --dataset petr                      # all 100 Calc-X sample items
    python bench/eval_planner.py --dataset svamp --limit 200 --seed 0  # a seeded SVAMP subset
    python bench/eval_planner.py --dataset svamp --variants direct,tools,tools+restrict

Variants: direct (no tools), tools (grammar, sanity check; the planner's defaults), and modifiers joined with '+':
raw (no grammar), rederive, norederive, noresample, nosanity, restrict, thoughts, vote5, resample4.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.evaluation.datasets import benchmarks_dir  # noqa: E402
from assistant.models import resolve_model  # noqa: E402
from assistant.planner import Options, Planner  # noqa: E402
from assistant.planner.numbers import to_fraction  # noqa: E402
from assistant.planner.prompt import build_direct_prompt  # noqa: E402

BENCH = benchmarks_dir()  # ../shared/benchmarks beside the checkout, or CALX_BENCHMARKS
# a number (or a fraction, as in the examples); "\n\n" is one token for Gemma, so allow it too
DIRECT_GRAMMAR = 'root ::= " " "-"? [0-9]{1,12} ("." [0-9]{1,6} | "/" [0-9]{1,6})? "\\n" "\\n"?\n'


def load(dataset: str, root: Path) -> list[tuple[str, Fraction]]:
    if dataset == "petr":
        rows = [json.loads(line) for line in (root / "prompteus+calc-x__data__word_problems_petr.jsonl").open()]
        return [(r["prompt"], to_fraction(str(r["result"]))) for r in rows]
    if dataset == "svamp":
        rows = json.loads((root / "arkilpatel+SVAMP__SVAMP.json").read_text())
        return [(f"{r['Body'].strip()} {r['Question'].strip()}", Fraction(str(r["Answer"]))) for r in rows]
    if dataset == "dev":  # GSM8K *train* items held back from training (python -m training.build_data writes it)
        rows = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "training/out/dev.jsonl").open()]
        return [(r["question"], to_fraction(r["answer"].rsplit("####", 1)[1].strip().replace(",", ""))) for r in rows]
    raise SystemExit(f"unknown dataset {dataset}")


def correct(predicted: str | None, gold: Fraction) -> bool:
    value = to_fraction(predicted)
    if value is None:
        return False
    return abs(float(value) - float(gold)) <= 1e-4 * max(1.0, abs(float(gold)))


def options_for(variant: str) -> Options:
    opts = Options()
    for mod in variant.split("+")[1:]:
        if mod == "raw":
            opts = replace(opts, grammar=False)
        elif mod == "norederive":
            opts = replace(opts, rederive=False)
        elif mod == "rederive":
            opts = replace(opts, rederive=True)
        elif mod == "nosanity":
            opts = replace(opts, sanity=False)
        elif mod == "restrict":
            opts = replace(opts, restrict_numbers=True)
        elif mod == "thoughts":
            opts = replace(opts, thoughts=True)
        elif mod == "noresample":
            opts = replace(opts, resample=0)
        elif mod.startswith("resample"):
            opts = replace(opts, resample=int(mod[8:]))
        elif mod.startswith("vote"):
            opts = replace(opts, votes=int(mod[4:]))
        else:
            raise SystemExit(f"unknown modifier {mod}")
    return opts


def answer_direct(model, question: str) -> str:
    text = "".join(model.complete(build_direct_prompt(question), stop=["\n"], grammar=DIRECT_GRAMMAR, max_tokens=16))
    return text.strip()


def _own_result(chain: str) -> str | None:
    found = re.findall(r"<result>([^<]*)</result>", chain)
    return found[-1] if found else None


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="petr", choices=["petr", "svamp", "dev"])
    ap.add_argument("--limit", type=int, default=0, help="seeded random subset of this size (0: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--variants", default="direct,tools")
    ap.add_argument("--model", default=None, help="GGUF path (default: the embedded model)")
    ap.add_argument("--server", default=None)
    ap.add_argument("--benchmarks", default=str(BENCH))
    ap.add_argument("--log", default=None, help="write per-item JSON lines here")
    args = ap.parse_args()

    items = load(args.dataset, Path(args.benchmarks))
    if args.limit and args.limit < len(items):
        items = random.Random(args.seed).sample(items, args.limit)
    model = resolve_model(args.model, args.server)
    log = open(args.log, "w", buffering=1) if args.log else None
    print(f"model={model.name} dataset={args.dataset} n={len(items)} seed={args.seed}")
    for variant in args.variants.split(","):
        planner = None if variant == "direct" else Planner(model, options=options_for(variant))
        hits, own_hits, errors, start = 0, 0, 0, time.perf_counter()
        for i, (question, gold) in enumerate(items):
            if planner is None:
                predicted, error = answer_direct(model, question), None
            else:
                ans = planner.ask(question)
                predicted, error = ans.answer, ans.error
            ok = correct(predicted, gold)
            hits += ok
            # the model's own <result>, before re-derivation: measures what re-deriving adds
            own = predicted if planner is None else _own_result(ans.chain)
            own_hits += correct(own, gold)
            errors += error is not None
            if log:
                log.write(json.dumps({"variant": variant, "i": i, "question": question, "gold": str(gold),
                                      "predicted": predicted, "ok": ok,
                                      "chain": None if planner is None else ans.chain}) + "\n")
        n = len(items)
        lo, hi = wilson(hits, n)
        secs = time.perf_counter() - start
        print(f"{variant:28s} {hits:4d}/{n} = {hits / n:6.1%}  95% CI [{lo:.1%}, {hi:.1%}]  "
              f"errors={errors}  model's own <result>: {own_hits}/{n}  {secs / n:.2f}s/item", flush=True)


if __name__ == "__main__":
    main()
