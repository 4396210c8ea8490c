"""The llama.cpp model as a scorer (assistant/models/scoring.py), on the real embedded GGUF and its adapter.

The log-probs are checked against a second, independent route: llama-cpp-python's own `logits_all=True`
evaluation of the whole text (all positions' logits, which the scorer avoids), log-softmaxed here."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("llama_cpp")

from assistant.models.adapter import shipped_adapter  # noqa: E402
from assistant.models.embedded import default_model_path  # noqa: E402
from assistant.models.gguf import LlamaCppModel  # noqa: E402
from assistant.planner.markup import output_markup  # noqa: E402
from assistant.planner.prompt import build_tuned_prompt  # noqa: E402

QUESTION = "Ana has 31 shells and finds 12 more. How many shells does she have now?"
PROMPT = build_tuned_prompt(QUESTION)


def _chain(expr: str, output: str) -> list[tuple[str, bool]]:
    return [(PROMPT, False), (f'<gadget id="calculator">{expr}</gadget>', True), (output_markup(output), False),
            (f"<result>{output}</result>", True)]


@pytest.fixture(scope="module")
def model() -> LlamaCppModel:
    return LlamaCppModel(default_model_path(), n_ctx=512, n_threads=1, progress=False, adapter=shipped_adapter())


def _independent(model: LlamaCppModel, pieces) -> tuple[float, int]:
    """Sum of log-probs of the tokens that start inside a scored piece, from every position's logits."""
    import llama_cpp

    llm = llama_cpp.Llama(model_path=str(model.path), n_ctx=128, n_threads=1, logits_all=True,
                          lora_path=str(model.adapter.path), verbose=False)
    try:
        text = "".join(t for t, _ in pieces)
        ids = llm.tokenize(text.encode(), add_bos=True, special=False)
        llm.eval(ids)
        logits = llm.scores[: len(ids)].astype(np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        logprobs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        spans, at = [], 0
        for piece, scored in pieces:
            if scored:
                spans.append((at, at + len(piece.encode())))
            at += len(piece.encode())
        total, count, at = 0.0, 0, 0
        for i, token in enumerate(ids):
            size = len(llm.detokenize([token]))
            if size and any(a <= at < b for a, b in spans):
                total += logprobs[i - 1, token]
                count += 1
            at += size
        return total, count
    finally:
        llm.close()


def test_score_sums_only_the_model_written_tokens(model):
    right, backwards = _chain("31+12", "43"), _chain("31-12", "19")
    scores = model.score([right, backwards])
    assert [n for n, (_, scored) in zip(scores[0].piece_tokens, right) if not scored] == [0, 0]
    assert all(n > 0 for n, (_, scored) in zip(scores[0].piece_tokens, right) if scored)
    assert scores[0].logprob > scores[1].logprob  # the adapter prefers the sum for "finds ... more"


@pytest.mark.slow
def test_score_matches_the_log_softmax_of_all_positions_logits(model):
    right = _chain("31+12", "43")
    scores = model.score([right])
    total, count = _independent(model, right)
    assert scores[0].tokens == count
    assert scores[0].logprob == pytest.approx(total, abs=1e-3)


def test_a_cached_prefix_gives_the_same_scores(model):
    texts = [_chain("12+31", "43"), _chain("31*12", "372"), _chain("31+12", "43")]
    first = model.score(texts)
    again = model.score(texts[::-1])[::-1]  # other neighbours: other prefixes come from the cache
    assert [s.logprob for s in again] == pytest.approx([s.logprob for s in first], abs=1e-4)
    assert again[-1].evaluated_tokens < first[0].evaluated_tokens  # the shared prompt was not evaluated again


def test_score_mode_answers_the_readme_question(model):
    from assistant.planner import Options, Planner

    answer = Planner(model, options=Options(mode="score")).ask(
        "Tom has 25 stickers and buys 17 more. How many stickers does he have now?")
    assert answer.answer == "42" and any(c.name == "scorer" for c in answer.checks)
    assert [s.input for s in answer.steps] == ["25+17"] or [s.input for s in answer.steps] == ["17+25"]
