"""Build the training set: GSM8K train chains, their distractor copies and generated problems, tokenized.

    python -m training.build_data --gsm8k ../shared/benchmarks/openai+grade-school-math__grade_school_math__data__train.jsonl

Writes to training/out/: chains.jsonl (every chain, rendered text included), dev.jsonl (GSM8K *train*
items held back for choosing between adapters; no test file is read), tokens.npz (ids, loss masks,
offsets) and manifest.json (counts, seeds and the sha256 of each file: the data hash of a trained
adapter). Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from assistant.models.embedded import default_model_path, file_sha256
from assistant.planner.numbers import to_fraction

from . import distractors, gsm8k, synthetic
from .calc import CalculatorError, calculate
from .chain import Chain, Step, render
from .tokens import MAX_TOKENS, Tokenizer, save

OUT = Path(__file__).parent / "out"
DEV_SIZE = 300


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsm8k", type=Path, required=True, help="GSM8K *train* jsonl (the only benchmark file used)")
    parser.add_argument("--model", type=Path, default=None, help="GGUF whose tokenizer to use (default: the embedded one)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--per-family", type=int, default=600)
    parser.add_argument("--ic-share", type=float, default=0.5, help="share of GSM8K chains copied with a distractor")
    parser.add_argument("--synthetic-ic-share", type=float, default=0.35)
    parser.add_argument("--no-thoughts", action="store_true",
                        help="chains of calls only (an adapter with prompt style 'tuned-plain')")
    args = parser.parse_args(argv)
    if "test" in args.gsm8k.name:
        parser.error("only the GSM8K train file may be used for training")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)

    records = list(gsm8k.read_gsm8k(args.gsm8k))
    order = list(range(len(records)))
    rng.shuffle(order)
    dev_ids = set(order[:DEV_SIZE])
    report = gsm8k.ConversionReport()
    train = [records[i] for i in range(len(records)) if i not in dev_ids]
    chains = list(gsm8k.convert(train, report))
    chains += distractor_copies(chains, rng, args.ic_share)
    made, refused = generated(rng, args.per_family, args.synthetic_ic_share)
    chains += made
    rng.shuffle(chains)
    if args.no_thoughts:
        chains = [without_thoughts(c) for c in chains]

    model = args.model or default_model_path()
    tokenizer = Tokenizer(model)
    encoded, kept, too_long = [], [], 0
    for chain in chains:
        enc = tokenizer.encode(chain)
        if len(enc.ids) > MAX_TOKENS:
            too_long += 1
            continue
        encoded.append(enc)
        kept.append(chain)

    chains_path, dev_path, tokens_path = args.out / "chains.jsonl", args.out / "dev.jsonl", args.out / "tokens.npz"
    with chains_path.open("w", encoding="utf-8") as out:
        for chain in kept:
            out.write(json.dumps({**chain.to_dict(), "text": render(chain)}, ensure_ascii=False) + "\n")
    with dev_path.open("w", encoding="utf-8") as out:
        for i in sorted(dev_ids):
            out.write(json.dumps(records[i], ensure_ascii=False) + "\n")
    save(encoded, tokens_path)
    manifest = {
        "seed": args.seed, "gsm8k_train": args.gsm8k.name, "gsm8k_read": report.read, "gsm8k_kept": report.kept,
        "gsm8k_dropped": dict(report.dropped), "dev_items": len(dev_ids), "generated_refused": refused,
        "too_long": too_long, "examples": len(kept), "sources": dict(Counter(c.source.split(":")[0] for c in kept)),
        "families": dict(Counter(c.source for c in kept if c.source.startswith("synthetic"))),
        "tokens": sum(len(e.ids) for e in encoded), "trained_tokens": sum(sum(e.trained) for e in encoded),
        "sha256": {p.name: file_sha256(p) for p in (chains_path, dev_path, tokens_path)},
        "tokenizer": model.name, "prompt_style": "tuned-plain" if args.no_thoughts else "tuned",
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(manifest, indent=2))


def without_thoughts(chain: Chain) -> Chain:
    steps = tuple(Step(None, s.input, s.output, s.tool) for s in chain.steps)
    return Chain(chain.question, steps, chain.result, chain.source, chain.tags)


def distractor_copies(chains: list[Chain], rng: random.Random, share: float) -> list[Chain]:
    copies = []
    for chain in chains:
        if rng.random() >= share:
            continue
        question = distractors.insert(chain.question, rng)
        if question:
            copies.append(Chain(question, chain.steps, chain.result, chain.source + "-ic"))
    return copies


def generated(rng: random.Random, per_family: int, ic_share: float) -> tuple[list[Chain], int]:
    chains, seen, refused = [], set(), 0
    for name, make in synthetic.FAMILIES.items():
        made = 0
        for _ in range(per_family * 3):
            if made >= per_family:
                break
            question, plan, result = make(rng)
            if question in seen:
                continue
            seen.add(question)
            chain = chain_from_plan(question, plan, result, f"synthetic:{name}")
            if chain is None:
                refused += 1
                continue
            if rng.random() < ic_share:
                question = distractors.insert(chain.question, rng) or chain.question
                chain = Chain(question, chain.steps, chain.result, chain.source + "-ic")
            chains.append(chain)
            made += 1
    return chains, refused


def chain_from_plan(question: str, plan: list[tuple[str, str]], result: str | None, source: str) -> Chain | None:
    """Outputs from the calculator; the result must equal the last output (else the template is wrong)."""
    steps = []
    for thought, expression in plan:
        if not gsm8k.CALC_INPUT.fullmatch(expression) or len(thought) > gsm8k.THOUGHT_MAX:
            return None
        try:
            output, value = calculate(expression)
        except CalculatorError:
            return None
        steps.append(Step(thought, expression, output))
    if result is not None and to_fraction(result) != value:
        return None
    # the result as the last output writes it ("13.6" for decimal prices, "9/4" for a fraction); the data of
    # calx-planner-1 (commit 2f1d704) wrote show(value) here, "68/5" beside an output of 13.6
    shown = steps[-1].output.split(" = ")[0]
    return Chain(question, tuple(steps), result if result is not None and result == shown else shown, source)


if __name__ == "__main__":
    main()
