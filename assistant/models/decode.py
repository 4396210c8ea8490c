"""Token-by-token decoding over a llama-cpp-python context, with a lazily applied grammar.

Why not `Llama.create_completion`: its sampler chain applies the GBNF grammar to the whole
vocabulary on every token. Gemma 3 has 262,144 tokens, so a grammar made decoding about 3x
slower here. llama.cpp's own `common_sampler` avoids that by checking the best candidates first
and touching the full vocabulary only when all of them are rejected; we do the same.

Prefix reuse is explicit: the context's token history is compared with the new prompt, the KV
cache is truncated to the common prefix and only the remainder is evaluated.
"""
from __future__ import annotations

import codecs
import ctypes
import operator
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import numpy as np

_CANDIDATES = 64  # best-logit tokens checked against the grammar before falling back to all of them
_TOP_K = 40  # sampling pool when temperature > 0
_TOKEN_DATA = np.dtype([("id", "<i4"), ("logit", "<f4"), ("p", "<f4")])  # = llama_token_data


@dataclass
class DecodeResult:
    reused_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str | None = None


class Decoder:
    """Owns nothing: it drives one `llama_cpp.Llama` for one completion."""

    def __init__(self, llm: Any):
        import llama_cpp

        self.lib = llama_cpp
        self.llm = llm
        self.ctx = llm._ctx.ctx
        self.vocab = llm._model.vocab
        self.n_vocab = llm.n_vocab()

    # -- prompt ----------------------------------------------------------------------------
    def prefill(self, tokens: Sequence[int]) -> int:
        """Evaluate `tokens`, reusing the cached prefix; return how many tokens were reused."""
        llm = self.llm
        cached = llm.input_ids[: llm.n_tokens]
        prefix = 0
        for a, b in zip(cached, tokens):
            if a != b:
                break
            prefix += 1
        prefix = min(prefix, len(tokens) - 1)  # the last prompt token is always evaluated: we need its logits
        if prefix > 0 and llm._ctx.kv_cache_seq_rm(-1, prefix, -1):
            llm.n_tokens = prefix
        else:
            llm.reset()
            prefix = 0
        self._decode_tokens(list(tokens[prefix:]))
        return prefix

    def _decode_tokens(self, token_ids: list[int]) -> None:
        """Run the model over token ids (llama.cpp's batch decode, which llama-cpp-python names `eval`).

        Its only input is integer ids from the tokenizer or our own sampler: operator.index() refuses
        anything else (a str raises TypeError here), so no text can reach it and nothing is evaluated
        as code. This is the one place calx calls it."""
        ids = [operator.index(token) for token in token_ids]
        self.llm.eval(ids)

    # -- generation ------------------------------------------------------------------------
    def generate(
        self,
        tokens: Sequence[int],
        *,
        max_tokens: int,
        stop: Sequence[str],
        grammar: str | None,
        temperature: float,
        seed: int,
        result: DecodeResult,
    ) -> Iterator[str]:
        result.reused_tokens = self.prefill(tokens)
        sampler = self._grammar_sampler(grammar) if grammar else None
        rng = np.random.default_rng(seed)
        utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        text, emitted = "", 0
        try:
            while True:
                if result.completion_tokens >= max_tokens:
                    result.finish_reason = "length"
                    break
                token = self._pick(sampler, temperature, rng)
                result.completion_tokens += 1
                if token is None or self.lib.llama_vocab_is_eog(self.vocab, token):
                    result.finish_reason = "stop"
                    break
                if sampler is not None:
                    self.lib.llama_sampler_accept(sampler, token)
                text += utf8.decode(self.llm.detokenize([token]))
                cut = _find_stop(text, stop, emitted)
                if cut is not None:
                    if cut > emitted:
                        yield text[emitted:cut]
                    result.finish_reason = "stop"
                    return
                safe = len(text) - _held_back(text, stop)
                if safe > emitted:
                    yield text[emitted:safe]
                    emitted = safe
                self._decode_tokens([token])
            if len(text) > emitted:
                yield text[emitted:]
        finally:
            if sampler is not None:
                self.lib.llama_sampler_free(sampler)

    def _grammar_sampler(self, grammar: str):
        from .errors import ModelError

        sampler = self.lib.llama_sampler_init_grammar(self.vocab, grammar.encode("utf-8"), b"root")
        if not sampler:
            raise ModelError("invalid GBNF grammar")
        return sampler

    def _logits(self) -> np.ndarray:
        ptr = self.lib.llama_get_logits_ith(self.ctx, -1)
        return np.ctypeslib.as_array(ptr, shape=(self.n_vocab,))

    def _pick(self, sampler, temperature: float, rng) -> int | None:
        logits = self._logits()
        if sampler is None and temperature <= 0:
            return int(np.argmax(logits))
        k = 1 if temperature <= 0 else _TOP_K
        for pool in (k, _CANDIDATES, self.n_vocab):  # widen only when the grammar rejected everything
            ids = _top(logits, pool)
            ids, values = self._allowed(sampler, ids, logits[ids]) if sampler is not None else (ids, logits[ids])
            if len(ids):
                return _choose(ids, values, temperature, rng)
        return None  # the grammar allows nothing: treat as end of text

    def _allowed(self, sampler, ids: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        data = np.empty(len(ids), dtype=_TOKEN_DATA)
        data["id"], data["logit"], data["p"] = ids, values, 0.0
        arr = self.lib.llama_token_data_array(
            data=data.ctypes.data_as(self.lib.llama_token_data_p), size=len(ids), selected=-1, sorted=False
        )
        self.lib.llama_sampler_apply(sampler, ctypes.byref(arr))
        kept = data[: arr.size]
        kept = kept[np.isfinite(kept["logit"])]  # the grammar marks rejected tokens with -inf
        return kept["id"].astype(np.int64), kept["logit"].astype(np.float64)


def _top(logits: np.ndarray, k: int) -> np.ndarray:
    if k >= len(logits):
        return np.argsort(-logits)
    if k == 1:
        return np.array([int(np.argmax(logits))])
    idx = np.argpartition(-logits, k)[:k]
    return idx[np.argsort(-logits[idx])]


def _choose(ids: np.ndarray, values: np.ndarray, temperature: float, rng) -> int:
    if temperature <= 0 or len(ids) == 1:
        return int(ids[int(np.argmax(values))])
    order = np.argsort(-values)[:_TOP_K]
    scaled = (values[order] - values[order][0]) / temperature
    probs = np.exp(scaled)
    probs /= probs.sum()
    return int(ids[order][rng.choice(len(order), p=probs)])


def _find_stop(text: str, stop: Sequence[str], emitted: int) -> int | None:
    best = None
    for s in stop:
        if not s:
            continue
        at = text.find(s, max(0, emitted - len(s)))
        if at >= 0 and (best is None or at < best):
            best = at
    return best


def _held_back(text: str, stop: Sequence[str]) -> int:
    """Length of the longest end of `text` that could still grow into a stop string."""
    longest = 0
    for s in stop:
        for n in range(min(len(s) - 1, len(text)), longest, -1):
            if text.endswith(s[:n]):
                longest = n
                break
    return longest
