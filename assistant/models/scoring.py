"""Log-likelihood of given texts under a llama-cpp-python context: the model as a scorer, not a writer.

A text is a list of pieces, each marked scored (the model would write it) or not (the prompt, a host's
`<output>`). Only scored tokens count, as in training (training/tokens.py puts the loss on the same tokens).

Why our own batches: `Llama.eval` keeps the logits of every position only with `logits_all=True`, which
holds n_ctx x 262,144 floats (Gemma 3's vocabulary). llama.cpp's batch API asks for the logits of chosen
positions only (`llama_batch.logits[i]`), so one decode of a candidate's ~20 tokens returns the ~15 rows
we need. The context's token history (`llm.input_ids`, `llm.n_tokens`) is kept as `Llama.eval` keeps it, so
the shared prompt is evaluated once: each candidate truncates the KV cache to its common prefix with the
previous one (candidates are sorted, so one whose first call is shared reuses that call too), and the
writer's own prefix reuse (decode.py) still sees a true history afterwards.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

Piece = tuple[str, bool]  # (text, scored)


@dataclass(frozen=True)
class TextScore:
    """The log-probability of each piece's tokens (0.0 and 0 tokens for unscored pieces)."""

    piece_logprobs: tuple[float, ...]
    piece_tokens: tuple[int, ...]
    evaluated_tokens: int  # tokens actually run through the model for this text (the rest came from the cache)

    @property
    def logprob(self) -> float:
        return float(sum(self.piece_logprobs))

    @property
    def tokens(self) -> int:
        return int(sum(self.piece_tokens))


class TokenScorer:
    """Scores texts over one `llama_cpp.Llama`; remembers the log-probs of the tokens now in its KV cache."""

    def __init__(self, llm: Any, tokenize):
        import llama_cpp

        self.lib = llama_cpp
        self.llm = llm
        self.tokenize = tokenize  # the model's own call (BOS added, no special tokens parsed): as at run time
        self.n_vocab = llm.n_vocab()
        self._ids: list[int] = []  # the tokens whose log-probs `_lp` holds (NaN: not computed)
        self._lp = np.zeros(0)

    def score(self, pieces: Sequence[Piece]) -> TextScore:
        from .errors import ModelError

        text = "".join(p for p, _ in pieces)
        ids = self.tokenize(text)
        if len(ids) > self.llm.n_ctx():
            raise ModelError(f"a text of {len(ids)} tokens to score exceeds the context of {self.llm.n_ctx()}")
        piece_of = self._piece_index(ids, pieces, text)
        scored = [i > 0 and piece_of[i] >= 0 and pieces[piece_of[i]][1] for i in range(len(ids))]
        start = self._reuse(ids, scored)
        evaluated = self._evaluate(ids, scored, start)
        sums = [0.0] * len(pieces)
        counts = [0] * len(pieces)
        for i, flag in enumerate(scored):
            if flag:
                sums[piece_of[i]] += float(self._lp[i])
                counts[piece_of[i]] += 1
        return TextScore(tuple(sums), tuple(counts), evaluated)

    # -- which tokens belong to which piece (training/tokens.py's rule: where the token starts) --------------
    def _piece_index(self, ids: list[int], pieces: Sequence[Piece], text: str) -> list[int]:
        from .errors import ModelError

        sizes = [len(self.llm.detokenize([t])) for t in ids]
        if sum(sizes) != len(text.encode("utf-8")):
            raise ModelError("token pieces do not add up to the text; cannot score it")
        bounds = np.cumsum([len(p.encode("utf-8")) for p, _ in pieces])
        out, at = [], 0
        for size in sizes:
            # a zero-byte token (BOS) is nobody's; otherwise the piece in which its first byte lies
            out.append(int(np.searchsorted(bounds, at, side="right")) if size else -1)
            at += size
        return out

    # -- the KV cache ------------------------------------------------------------------------------------------
    def _reuse(self, ids: list[int], scored: list[bool]) -> int:
        """The first position to evaluate again: the logits at position p give the log-prob of token p + 1."""
        llm = self.llm
        cached = llm.input_ids[: llm.n_tokens]
        common = _common_prefix(cached, ids)
        known = _common_prefix(self._ids, ids)
        # re-feed the last shared token: the logits it gave (the log-prob of the next token) are not kept
        start = max(min(common, len(ids)) - 1, 0)
        for i in range(1, start + 1):
            if scored[i] and not (i < known and np.isfinite(self._lp[i])):
                start = i - 1
                break
        if start > 0 and llm._ctx.kv_cache_seq_rm(-1, start, -1):
            return start
        llm._ctx.kv_cache_seq_rm(-1, 0, -1)
        return 0

    def _evaluate(self, ids: list[int], scored: list[bool], start: int) -> int:
        llm = self.llm
        lp = np.full(len(ids), np.nan)
        keep = min(start + 1, len(self._lp), _common_prefix(self._ids, ids))
        lp[:keep] = self._lp[:keep]
        llm.n_tokens = start
        # tokens after the last one scored need not be run: nothing is read from their logits
        wanted = [p for p in range(start, len(ids) - 1) if scored[p + 1]]
        end = wanted[-1] + 1 if wanted else start
        step = max(1, int(llm.n_batch))
        for at in range(start, end, step):
            chunk = list(range(at, min(end, at + step)))
            rows = [p for p in wanted if chunk[0] <= p <= chunk[-1]]
            lp[[p + 1 for p in rows]] = self._decode(ids, chunk, rows)
            llm.input_ids[chunk[0]: chunk[-1] + 1] = ids[chunk[0]: chunk[-1] + 1]
            llm.n_tokens = chunk[-1] + 1
        self._ids, self._lp = list(ids), lp
        return end - start

    def _decode(self, ids: list[int], positions: list[int], wanted: list[int]) -> np.ndarray:
        """One llama_decode of `positions` (sequence 0); for each position p in `wanted` (ascending), the
        log-probability of token p + 1."""
        from .errors import ModelError

        lib = self.lib
        batch = lib.llama_batch_init(len(positions), 0, 1)
        try:
            outputs = set(wanted)
            for i, p in enumerate(positions):
                batch.token[i] = operator.index(ids[p])  # integer ids only: no text reaches the model here
                batch.pos[i] = p
                batch.n_seq_id[i] = 1
                batch.seq_id[i][0] = 0
                batch.logits[i] = p in outputs
            batch.n_tokens = len(positions)
            code = lib.llama_decode(self.llm._ctx.ctx, batch)
            if code != 0:
                raise ModelError(f"llama_decode failed while scoring (code {code})")
            if not wanted:
                return np.zeros(0)
            logits = np.ctypeslib.as_array(lib.llama_get_logits(self.llm._ctx.ctx), shape=(len(wanted), self.n_vocab))
            return _token_logprobs(logits, [ids[p + 1] for p in wanted])
        finally:
            lib.llama_batch_free(batch)


def _token_logprobs(logits: np.ndarray, targets: list[int]) -> np.ndarray:
    """log softmax(row)[target] for each row: the target's logit less the row's log-sum-exp."""
    top = logits.max(axis=1)
    total = np.exp(logits - top[:, None]).sum(axis=1, dtype=np.float64)
    return logits[np.arange(len(targets)), targets].astype(np.float64) - top - np.log(total)


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
