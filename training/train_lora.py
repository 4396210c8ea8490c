"""Train a LoRA adapter on the tokenized chains (runs on the GPU machine; torch, transformers, peft).

    python -m training.train_lora --gguf /tmp/model/gemma-3-270m-q4_k_m.gguf --tokens training/out/tokens.npz \
        --out /tmp/adapter-v1 [--init /tmp/adapter-v0] [--extra /tmp/self.npz]

The base weights are the shipped Q4_K_M GGUF, dequantized by transformers (`gguf_file=`), so the
adapter is trained against the very model it is applied to. Loss only on trained tokens (the mask
from tokens.py). Writes the PEFT adapter, a config.json for llama.cpp's converter, train_log.jsonl
(the loss curve) and train_summary.json (hyper-parameters, steps, time, final loss).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np

TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def load_examples(path: Path) -> list[tuple[np.ndarray, np.ndarray]]:
    data = np.load(path)
    ids, mask, offsets = data["ids"], data["mask"], data["offsets"]
    return [(ids[a:b], mask[a:b]) for a, b in zip(offsets[:-1], offsets[1:])]


def batches(examples, tokens_per_batch: int, rng: random.Random) -> list[list[int]]:
    """Examples of similar length together (little padding); batch order shuffled."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i][0]), rng.random()))
    out, current, longest = [], [], 0
    for i in order:
        n = len(examples[i][0])
        if current and max(longest, n) * (len(current) + 1) > tokens_per_batch:
            out.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, n)
    if current:
        out.append(current)
    rng.shuffle(out)
    return out


def collate(examples, idx: list[int], torch, device):
    longest = max(len(examples[i][0]) for i in idx)
    ids = torch.zeros((len(idx), longest), dtype=torch.long)
    labels = torch.full((len(idx), longest), -100, dtype=torch.long)
    attention = torch.zeros((len(idx), longest), dtype=torch.long)
    for row, i in enumerate(idx):
        tok, mask = examples[i]
        n = len(tok)
        t = torch.from_numpy(tok.astype(np.int64))
        ids[row, :n] = t
        attention[row, :n] = 1
        labels[row, :n] = torch.where(torch.from_numpy(mask), t, torch.tensor(-100))
    return ids.to(device), attention.to(device), labels.to(device)


def load_base(gguf: Path, torch, dtype):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=dtype,
                                                attn_implementation="sdpa")


def write_base_config(model, folder: Path) -> None:
    """llama.cpp's convert_lora_to_gguf.py reads the base hyper-parameters from a config.json."""
    config = model.config.to_dict()
    config.pop("quantization_config", None)
    config["architectures"] = ["Gemma3ForCausalLM"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2, default=str))


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gguf", type=Path, required=True)
    p.add_argument("--tokens", type=Path, required=True)
    p.add_argument("--extra", type=Path, action="append", default=[], help="more tokens.npz files (self-training)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--init", type=Path, help="continue from this PEFT adapter instead of a fresh one")
    p.add_argument("--rank", type=int, default=64)
    p.add_argument("--alpha", type=int, default=128)
    p.add_argument("--dropout", type=float, default=0.05)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--epochs", type=float, default=3.0)
    p.add_argument("--tokens-per-batch", type=int, default=8192)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--max-minutes", type=float, default=6.0, help="stop early (and say so) past this")
    p.add_argument("--max-steps", type=int, default=0, help="smoke tests: stop after this many steps")
    p.add_argument("--device", default="cuda")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)

    import torch
    from peft import LoraConfig, PeftModel, get_peft_model

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    start = time.time()
    examples = load_examples(args.tokens)
    for extra in args.extra:
        examples += load_examples(extra)
    base = load_base(args.gguf, torch, torch.float32).to(args.device)
    base.config.use_cache = False
    if args.init:
        model = PeftModel.from_pretrained(base, str(args.init), is_trainable=True)
    else:
        config = LoraConfig(r=args.rank, lora_alpha=args.alpha, lora_dropout=args.dropout, target_modules=TARGETS,
                            task_type="CAUSAL_LM", bias="none")
        model = get_peft_model(base, config)
    model.train()
    params = [q for q in model.parameters() if q.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0, betas=(0.9, 0.99))
    per_epoch = len(batches(examples, args.tokens_per_batch, random.Random(0)))
    total = max(1, int(per_epoch * args.epochs))
    if args.max_steps:
        total = min(total, args.max_steps)

    def lr_at(step: int) -> float:
        if step < args.warmup:
            return args.lr * (step + 1) / args.warmup
        return args.lr * 0.5 * (1 + math.cos(math.pi * (step - args.warmup) / max(1, total - args.warmup)))

    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "train_log.jsonl").open("w")
    step, stopped_early, recent, planned_cut = 0, False, [], False
    load_s = time.time() - start
    while step < total and not stopped_early:
        for idx in batches(examples, args.tokens_per_batch, rng):
            if step >= total:
                break
            if (time.time() - start) / 60 > args.max_minutes + 0.5:
                stopped_early = True
                break
            ids, attention, labels = collate(examples, idx, torch, args.device)
            with torch.autocast(device_type="cuda" if args.device.startswith("cuda") else "cpu", dtype=torch.bfloat16):
                loss = model(input_ids=ids, attention_mask=attention, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            for group in optimizer.param_groups:
                group["lr"] = lr_at(step)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            recent.append(loss.item())
            step += 1
            if step == 10:
                warm_at = time.time()  # the first steps pay for CUDA's warm-up: they are not the pace
            if step in (20, 60) and args.max_minutes:
                # fit the cosine schedule to the time budget instead of cutting it off at full learning rate;
                # fitted again at step 60, because steps 10-20 can still be slow (round four planned 337 steps
                # from them and used 3 of its 5 minutes: bench/RESULTS.md, "Third round")
                per_step = (time.time() - warm_at) / (step - 10)
                affordable = int((args.max_minutes * 60 - (time.time() - start)) / per_step) + step
                wanted = max(1, int(per_epoch * args.epochs))
                if min(affordable, wanted) != total:
                    print(f"time budget: {min(affordable, wanted)} of {wanted} planned steps", flush=True)
                    total, stopped_early = min(affordable, wanted), False
                    planned_cut = affordable < wanted
            if step % 25 == 0 or step == total:
                entry = {"step": step, "epoch": round(step / per_epoch, 3), "loss": round(sum(recent) / len(recent), 4),
                         "lr": lr_at(step - 1), "seconds": round(time.time() - start, 1)}
                log.write(json.dumps(entry) + "\n")
                log.flush()
                print(json.dumps(entry), flush=True)
                recent = []
    model.save_pretrained(str(args.out))
    write_base_config(base, args.out / "base")
    summary = {
        "examples": len(examples), "steps": step, "planned_steps": total, "steps_per_epoch": per_epoch,
        "stopped_early": stopped_early, "cut_to_time_budget": planned_cut, "minutes": round((time.time() - start) / 60, 2), "load_seconds": round(load_s, 1),
        # the adapter's own rank and alpha (an --init adapter keeps its own, whatever --rank says)
        "rank": model.peft_config["default"].r, "alpha": model.peft_config["default"].lora_alpha, "dropout": args.dropout, "lr": args.lr, "epochs": args.epochs,
        "tokens_per_batch": args.tokens_per_batch, "warmup": args.warmup, "seed": args.seed, "targets": TARGETS,
        "init": str(args.init) if args.init else None, "torch": torch.__version__,
    }
    (args.out / "train_summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
