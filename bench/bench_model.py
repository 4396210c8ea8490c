"""Model-path benchmarks, printed as ratios in one run:

1. decode tokens/s through calx (LlamaCppModel.complete) vs raw llama-cpp-python on the same
   prompt, model file and threads (goal >= 0.95x);
2. time to first token of a second question vs the first in one session (goal <= 0.5x: the
   shared prompt prefix is served from the KV cache);
3. prompt tokens re-encoded when the planner resumes after a tool output.

    python bench/bench_model.py [--model PATH.gguf] [--threads N] [--tokens 128] [--repeats 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.models import LlamaCppModel, default_model_path  # noqa: E402
from assistant.models.gguf import default_threads  # noqa: E402
from assistant.planner import Planner  # noqa: E402
from assistant.planner.prompt import build_prompt  # noqa: E402

STORY = "Once upon a time, in a small village by the sea, there lived an old fisherman who"


# a grammar that lets prose through, so both sides decode the same number of tokens
PROSE = "root ::= [a-zA-Z ,.'\\n]{1,2000}\n"


def raw_decode(llm, prompt: str, n: int, grammar: str | None = None) -> float:
    """Tokens/s after the first token, with llama-cpp-python's own streaming API."""
    import llama_cpp

    llm.reset()  # both sides start from an empty cache so prompt work is identical
    first = None
    count = 0
    g = llama_cpp.LlamaGrammar.from_string(grammar, verbose=False) if grammar else None
    for _ in llm.create_completion(prompt, max_tokens=n, temperature=0.0, repeat_penalty=1.0, stream=True, grammar=g):
        count += 1
        if first is None:
            first = time.perf_counter()
    return (count - 1) / (time.perf_counter() - first)


def calx_decode(model: LlamaCppModel, prompt: str, n: int, grammar: str | None = None) -> float:
    model.load().reset()
    first = None
    count = 0
    for _ in model.complete(prompt, max_tokens=n, grammar=grammar):
        count += 1
        if first is None:
            first = time.perf_counter()
    return (count - 1) / (time.perf_counter() - first)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--threads", type=int, default=default_threads())
    ap.add_argument("--tokens", type=int, default=128)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    path = Path(args.model) if args.model else default_model_path()

    import llama_cpp

    model = LlamaCppModel(path, n_threads=args.threads, progress=False)
    model.load()
    raw = llama_cpp.Llama(model_path=str(path), n_ctx=model.n_ctx, n_threads=args.threads,
                          n_threads_batch=args.threads, seed=0, verbose=False)
    rates: dict[str, list[float]] = {"raw": [], "calx": [], "raw+g": [], "calx+g": []}
    for _ in range(args.repeats):  # interleaved so machine load hits all sides alike
        rates["raw"].append(raw_decode(raw, STORY, args.tokens))
        rates["calx"].append(calx_decode(model, STORY, args.tokens))
        rates["raw+g"].append(raw_decode(raw, STORY, args.tokens, PROSE))
        rates["calx+g"].append(calx_decode(model, STORY, args.tokens, PROSE))
    del raw
    m = {k: statistics.median(v) for k, v in rates.items()}
    print(f"model={path.name} threads={args.threads} tokens={args.tokens} repeats={args.repeats}")
    print(f"decode tokens/s   raw llama-cpp-python {m['raw']:7.1f}   calx {m['calx']:7.1f}   "
          f"ratio {m['calx'] / m['raw']:.3f}x  (goal >= 0.95x)")
    print(f"with a GBNF grammar  raw {m['raw+g']:7.1f}   calx {m['calx+g']:7.1f}   ratio {m['calx+g'] / m['raw+g']:.3f}x  "
          f"(calx checks the best candidates first; calx+grammar / raw without: {m['calx+g'] / m['raw']:.3f}x)")

    # time to first token: a fresh session, two different questions
    model.load().reset()
    planner = Planner(model)
    q1 = "A farmer has 12 rows of 15 apple trees. How many apple trees does he have?"
    q2 = "Mia read 45 pages on Monday and 38 pages on Tuesday. How many pages did she read?"
    a1 = planner.ask(q1)
    a2 = planner.ask(q2)
    t1, t2 = a1.timings.get("first_token_ms"), a2.timings.get("first_token_ms")
    prompt_tokens = model.count_tokens(build_prompt(q2))
    print(f"first token ms    question 1 {t1:7.1f}   question 2 {t2:7.1f}   ratio {t2 / t1:.3f}x  (goal <= 0.5x; "
          f"prompt {prompt_tokens} tokens)")
    # re-encoding after a tool output: prompt tokens that were NOT served from cache on resume
    stats_model = _ResumeProbe(model)
    Planner(stats_model).ask(q2)
    for i, (prompt_tokens, reused) in enumerate(stats_model.calls):
        print(f"segment {i}: prompt {prompt_tokens} tokens, reused {reused}, encoded {prompt_tokens - reused}")
    print("(segment 0 of a new question reuses the shared header and few-shot prefix; later segments reuse the chain)")
    print(f"chains: q1 {a1.chain!r} -> {a1.answer}; q2 {a2.chain!r} -> {a2.answer}")


class _ResumeProbe:
    """Wraps the model to record, per segment, prompt size and how much of it came from the KV cache."""

    def __init__(self, model: LlamaCppModel):
        self.model, self.calls = model, []
        self.name, self.supports_grammar = model.name, model.supports_grammar

    @property
    def last_stats(self):
        return self.model.last_stats

    def count_tokens(self, text: str) -> int:
        return self.model.count_tokens(text)

    def complete(self, prompt, **kw):
        yield from self.model.complete(prompt, **kw)
        self.calls.append((self.model.last_stats.prompt_tokens, self.model.last_stats.reused_tokens))


if __name__ == "__main__":
    main()
