"""Token ids and loss masks with llama.cpp's own tokenizer, over the whole prompt+chain string.

The decoder tokenizes `prompt + chain` as one string (LlamaCppModel.tokenize: BOS added, no special
tokens parsed), so training does the same. A token is trained when it starts inside text the model
writes (thoughts, calls, the result); the prompt and the host's `<output>` blocks carry no loss.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chain import Chain, pieces

MAX_TOKENS = 512


@dataclass
class Encoded:
    ids: list[int]
    trained: list[bool]


class Tokenizer:
    def __init__(self, model_path: str | Path):
        import llama_cpp

        self._llm = llama_cpp.Llama(model_path=str(model_path), vocab_only=True, verbose=False)
        self.pieces = [self._llm.detokenize([i]) for i in range(self._llm.n_vocab())]  # bytes of each token
        self._bytes = np.array([len(p) for p in self.pieces], dtype=np.int64)

    def ids(self, text: str) -> list[int]:
        # the run-time call exactly (assistant/models/gguf.py LlamaCppModel.tokenize)
        return self._llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)

    def decode(self, ids) -> str:
        return b"".join(self.pieces[i] for i in ids).decode("utf-8", "replace")

    def encode(self, chain: Chain) -> Encoded:
        parts = pieces(chain)
        text = "".join(p.text for p in parts)
        ids = self.ids(text)
        ends = np.cumsum(self._bytes[ids])
        starts = ends - self._bytes[ids]
        if int(ends[-1]) != len(text.encode("utf-8")):
            raise ValueError("token pieces do not add up to the text; cannot place the loss mask")
        spans, at = [], 0
        for part in parts:
            size = len(part.text.encode("utf-8"))
            if part.trained:
                spans.append((at, at + size))
            at += size
        trained = [bool(self._bytes[t]) and any(a <= s < b for a, b in spans) for t, s in zip(ids, starts)]
        return Encoded(ids, trained)


def save(encoded: list[Encoded], path: Path) -> None:
    """One flat array of ids, one of masks, and the offsets of each example (np.savez_compressed)."""
    lengths = np.array([len(e.ids) for e in encoded], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    ids = np.fromiter((t for e in encoded for t in e.ids), dtype=np.int32, count=int(offsets[-1]))
    mask = np.fromiter((m for e in encoded for m in e.trained), dtype=np.bool_, count=int(offsets[-1]))
    np.savez_compressed(path, ids=ids, mask=mask, offsets=offsets)
