"""Write chains with a trained adapter on the GPU machine: greedy scoring on the dev split, and sampling
for self-training (keep the chains whose result equals the known answer and whose calls all succeeded).

    python -m training.sample --gguf /tmp/model/model.gguf --adapter /tmp/v1 --dev training/out/dev.jsonl \
        --report $OUT/dev-v1.json
    python -m training.sample ... --selftrain training/out/gsm8k_train.jsonl --samples 2 --self-out /tmp/self

The loop is the planner's: generation stops at `</gadget>` or `</result>`, calx's calculator runs the
call (tools.run, the same tool as at run time) and `output_markup` appends its output. transformers has
no GBNF grammar, so a segment the run-time grammar would refuse ends that chain as malformed.
Text is tokenized and decoded with llama.cpp's own tokenizer (training/tokens.py), never the one
transformers derives from the GGUF: that one gives other ids for Gemma 3 (no BOS, other merges), and a
model fed those ids writes nonsense. Self-training chains are encoded exactly as the first round's.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from assistant.planner.markup import output_markup, read_segment
from assistant.planner.numbers import to_fraction

from .chain import Chain, Step
from .tokens import MAX_TOKENS

STOPS = ("</gadget>", "</result>")
_THOUGHT = re.compile(r"[^<\n][^<\n]{0,160}\n")


@dataclass
class Run:
    index: int  # question index
    prompt: str
    text: str = ""
    steps: list[Step] = field(default_factory=list)
    result: str | None = None
    failed: str | None = None

    @property
    def done(self) -> bool:
        return self.result is not None or self.failed is not None


def gold_of(answer: str) -> Fraction | None:
    return to_fraction(answer.rsplit("####", 1)[-1].strip().replace(",", ""))


def load_model(gguf: Path, adapter: Path, device: str):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    from .tokens import Tokenizer

    base = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.bfloat16,
                                                attn_implementation="sdpa").to(device)
    model = PeftModel.from_pretrained(base, str(adapter)).merge_and_unload()
    model.eval()
    return model, Tokenizer(gguf)


class _StopAtMarkup:
    """A transformers stopping criterion: each row stops once its new text holds `</gadget>` or `</result>`."""

    def __init__(self, tok, prompt_len: int, rows: int):
        self.tok, self.prompt_len = tok, prompt_len
        self.tails = [b""] * rows
        self.stopped = [False] * rows

    def __call__(self, input_ids, scores, **kwargs):
        import torch

        last = input_ids[:, -1].tolist()
        if input_ids.shape[1] > self.prompt_len:
            for row, token in enumerate(last):
                if not self.stopped[row]:
                    tail = (self.tails[row] + self.tok.pieces[token])[-16:]
                    self.tails[row] = tail
                    self.stopped[row] = b"</gadget>" in tail or b"</result>" in tail
        return torch.tensor(self.stopped, dtype=torch.bool, device=input_ids.device)


def write_chains(model, tok, questions: list[str], *, samples: int, temperature: float, batch: int,
                 device: str, max_calls: int = 8, max_new: int = 120) -> list[Run]:
    import torch
    from transformers import StoppingCriteriaList

    import tools
    from assistant.planner.prompt import build_tuned_prompt

    runs = [Run(i, build_tuned_prompt(q)) for i, q in enumerate(questions) for _ in range(samples)]
    for _ in range(max_calls + 1):
        active = [r for r in runs if not r.done]
        if not active:
            break
        active.sort(key=lambda r: len(r.prompt) + len(r.text))
        for at in range(0, len(active), batch):
            chunk = active[at: at + batch]
            ids, attention = _left_padded([tok.ids(r.prompt + r.text) for r in chunk], torch, device)
            stop = _StopAtMarkup(tok, ids.shape[1], len(chunk))
            with torch.no_grad():
                out = model.generate(input_ids=ids, attention_mask=attention, max_new_tokens=max_new,
                                     do_sample=temperature > 0, temperature=temperature if temperature > 0 else None,
                                     top_p=None, top_k=None, stopping_criteria=StoppingCriteriaList([stop]),
                                     pad_token_id=0)
            texts = [tok.decode([t for t in row if t != 0]) for row in out[:, ids.shape[1]:].tolist()]
            for run, text in zip(chunk, texts):
                _advance(run, text, tools, max_calls)
    for run in runs:
        if not run.done:
            run.failed = "budget"
    return runs


def _left_padded(rows: list[list[int]], torch, device):
    longest = max(len(r) for r in rows)
    ids = torch.zeros((len(rows), longest), dtype=torch.long)
    attention = torch.zeros((len(rows), longest), dtype=torch.long)
    for i, row in enumerate(rows):
        ids[i, longest - len(row):] = torch.tensor(row)
        attention[i, longest - len(row):] = 1
    return ids.to(device), attention.to(device)


def _advance(run: Run, text: str, tools, max_calls: int) -> None:
    ends = [(text.find(s), s) for s in STOPS if s in text]
    if not ends:
        run.failed = "no stop"
        return
    at, stop = min(ends)
    segment = read_segment(text[: at + len(stop)])
    head = segment.text.split("<", 1)[0]
    if head and not _THOUGHT.fullmatch(head):
        run.failed = "malformed thought"
        return
    if segment.kind == "result":
        run.text += segment.text
        run.result = segment.result
        return
    if segment.kind != "call" or segment.tool != "calculator" or len(run.steps) >= max_calls:
        run.failed = "bad call"
        return
    result = tools.run("calculator", segment.input, timeout=5.0)
    if not result.ok:
        run.failed = "tool error"
        return
    run.steps.append(Step(head.rstrip("\n") or None, segment.input, result.output))
    run.text += segment.text + output_markup(result.output)


def correct(run: Run, gold: Fraction | None) -> bool:
    """Right answer, every call succeeded, and the result is a tool output (as the planner's check wants)."""
    if run.result is None or gold is None or not run.steps:
        return False
    value = to_fraction(run.result)
    outputs = [to_fraction(s.output) for s in run.steps]
    return value == gold and value in outputs


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gguf", type=Path, required=True)
    p.add_argument("--adapter", type=Path, required=True)
    p.add_argument("--dev", type=Path, help="GSM8K train items held back (dev.jsonl): greedy accuracy")
    p.add_argument("--exclude", type=Path, help="a jsonl whose questions self-training must not see (dev.jsonl)")
    p.add_argument("--report", type=Path)
    p.add_argument("--selftrain", type=Path, help="GSM8K train jsonl: sample chains for self-training")
    p.add_argument("--samples", type=int, default=2)
    p.add_argument("--temperature", type=float, default=0.7)
    p.add_argument("--keep", type=int, default=2, help="distinct correct chains kept per question")
    p.add_argument("--self-out", type=Path)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--device", default="cuda")
    args = p.parse_args(argv)

    start = time.time()
    model, tok = load_model(args.gguf, args.adapter, args.device)
    report: dict = {"adapter": str(args.adapter), "load_seconds": round(time.time() - start, 1)}
    if args.dev:
        records = [json.loads(line) for line in args.dev.open()]
        records = records[: args.limit] if args.limit else records
        runs = write_chains(model, tok, [r["question"] for r in records], samples=1, temperature=0.0,
                            batch=args.batch, device=args.device)
        right = sum(correct(run, gold_of(r["answer"])) or _same(run, r) for run, r in zip(runs, records))
        report["dev"] = {"items": len(records), "right": right, "accuracy": round(right / max(1, len(records)), 4),
                         "failed": _count(r.failed for r in runs), "seconds": round(time.time() - start, 1)}
        report["dev_examples"] = [{"question": r["question"], "chain": run.text, "result": run.result}
                                  for run, r in list(zip(runs, records))[:20]]
    if args.selftrain:
        _selftrain(args, model, tok, report, start)
    if args.report:
        args.report.write_text(json.dumps(report, indent=2))
    print(json.dumps({k: v for k, v in report.items() if k != "dev_examples"}, indent=2), flush=True)


def _same(run: Run, record: dict) -> bool:
    """Greedy dev accuracy counts a right result even when it is not a tool output (as evaluation does)."""
    return run.result is not None and to_fraction(run.result) == gold_of(record["answer"])


def _selftrain(args, model, tok, report: dict, start: float) -> None:
    from .tokens import save

    held = args.exclude or args.dev
    dev = {json.loads(line)["question"] for line in held.open()} if held else set()
    records = [json.loads(line) for line in args.selftrain.open()]
    records = [r for r in records if r["question"] not in dev]
    records = records[: args.limit] if args.limit else records
    runs = write_chains(model, tok, [" ".join(r["question"].split()) for r in records], samples=args.samples,
                        temperature=args.temperature, batch=args.batch, device=args.device)
    kept: dict[int, list[Chain]] = {}
    for run in runs:
        record = records[run.index]
        if not correct(run, gold_of(record["answer"])):
            continue
        chain = Chain(" ".join(record["question"].split()), tuple(run.steps), run.result.strip(), "self:1")
        bucket = kept.setdefault(run.index, [])
        if chain not in bucket and len(bucket) < args.keep:
            bucket.append(chain)
    chains = [c for bucket in kept.values() for c in bucket]
    report["selftrain"] = {"questions": len(records), "samples": len(runs), "solved_questions": len(kept),
                           "chains": len(chains),
                           "failed": _count(r.failed for r in runs), "seconds": round(time.time() - start, 1)}
    if args.self_out:
        args.self_out.mkdir(parents=True, exist_ok=True)
        encoded = [tok.encode(c) for c in chains]
        encoded = [e for e in encoded if len(e.ids) <= MAX_TOKENS]
        save(encoded, args.self_out / "self.npz")
        with (args.self_out / "self_chains.jsonl").open("w") as out:
            for chain in chains:
                out.write(json.dumps(chain.to_dict()) + "\n")
        report["selftrain"]["written"] = len(encoded)


def _count(values) -> dict:
    out: dict = {}
    for v in values:
        if v:
            out[v] = out.get(v, 0) + 1
    return out


if __name__ == "__main__":
    main()
