"""llama-cpp-python over a local GGUF file: lazy load, quiet terminal, prefix-cache reuse.

Prefix reuse and grammar sampling live in decode.py (our own token loop over the context).
"""
from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any, Iterator, Sequence

from .adapter import Adapter, check_adapter
from .base import CompletionStats, PerThreadStats
from .decode import Decoder, DecodeResult
from .errors import ModelError, ModelUnavailable
from .gguf_file import check_gguf
from .scoring import TextScore, TokenScorer

DEFAULT_CTX = 4096
_SLOW_LOAD_S = 0.5  # only talk about loading when the user would notice the wait


def default_threads() -> int:
    env = os.environ.get("CALX_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    # half the cores, as llama-cpp-python does: llama.cpp's OpenMP workers spin, and on a busy
    # machine using every core makes decoding several times slower, not faster
    return max(1, min(8, (os.cpu_count() or 2) // 2))


class LlamaCppModel:
    supports_grammar = True
    last_stats = PerThreadStats()  # read after the lock is released: another thread's call may have begun

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        name: str | None = None,
        n_ctx: int = DEFAULT_CTX,
        n_threads: int | None = None,
        seed: int = 0,
        progress: bool = True,
        adapter: Adapter | None = None,
        model_sha256: str | None = None,
    ):
        self.path = Path(path)
        self.adapter = adapter
        self.model_sha256 = model_sha256  # known already (the embedded model's is checked on assembly); else hashed
        self.name = (name or self.path.stem) + (f"+{adapter.name}" if adapter else "")
        # the prompt the weights expect: the adapter's own (zero-shot, thoughts) or the few-shot one
        self.prompt_style = adapter.prompt if adapter else "fewshot"
        self.n_ctx = n_ctx
        self.n_threads = n_threads or default_threads()
        self.seed = seed
        self.progress = progress
        self.load_ms: float | None = None
        self._llm: Any = None
        self._lock = threading.RLock()  # one context, one generation at a time
        self._scorer: TokenScorer | None = None  # built on the first score(): it keeps the log-probs of the cache

    # -- loading ---------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._llm is not None

    def load(self) -> Any:
        with self._lock:
            if self._llm is None:
                self._llm = self._load()
            return self._llm

    def _load(self) -> Any:
        # llama.cpp names no reason for a bad file (and some builds abort the process on one): check it here first
        check_gguf(self.path)
        if self.adapter:
            check_adapter(self.adapter, self.path, self.model_sha256)
        try:
            import llama_cpp
        except ImportError as exc:
            raise ModelUnavailable("llama-cpp-python is not installed (pip install llama-cpp-python)") from exc
        _quiet_llama_logger()
        _LLAMA_ERRORS.clear()
        start = time.perf_counter()
        notice = _DelayedNotice(f"calx: loading {self.name} ...", enabled=self.progress)
        try:
            # verbose=False makes llama-cpp-python redirect fds 1 and 2 while llama.cpp loads,
            # so its C-level chatter never lands in the user's terminal (or the TUI).
            llm = llama_cpp.Llama(
                model_path=str(self.path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                seed=self.seed,
                lora_path=str(self.adapter.path) if self.adapter else None,
                verbose=False,
            )
        except Exception as exc:  # llama.cpp reports any failure as a bare ValueError; its log says why
            reason = _load_error_logged() or f"{exc}; the architecture may be newer than llama-cpp-python " \
                f"{getattr(llama_cpp, '__version__', '?')}, or memory ran out"
            raise ModelUnavailable(f"llama.cpp could not load {self.path}: {reason}") from exc
        finally:
            notice.finish()
        self.load_ms = (time.perf_counter() - start) * 1000
        # free llama.cpp's model while the interpreter is whole: a model still cached at exit was otherwise
        # freed by Llama.__del__ during shutdown, after llama_cpp's globals were gone (a TypeError traceback)
        atexit.register(llm.close)
        return llm

    # -- generation ------------------------------------------------------------------------
    def tokenize(self, text: str) -> list[int]:
        # special=False: a question that contains "<eos>" stays text, it cannot inject control tokens
        return self.load().tokenize(text.encode("utf-8"), add_bos=True, special=False)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def complete(
        self,
        prompt: str,
        *,
        stop: Sequence[str] = (),
        grammar: str | None = None,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int | None = None,
        timeout: float | None = None,
    ) -> Iterator[str]:
        with self._lock:
            llm = self.load()
            tokens = self.tokenize(prompt)
            if len(tokens) + max_tokens > self.n_ctx:
                raise ModelError(f"prompt of {len(tokens)} tokens + {max_tokens} new exceeds the context of {self.n_ctx}")
            stats = self.last_stats = CompletionStats(prompt_tokens=len(tokens))
            result = DecodeResult()
            start = time.perf_counter()
            pieces = Decoder(llm).generate(
                tokens, max_tokens=max_tokens, stop=stop, grammar=grammar, temperature=temperature,
                seed=self.seed if seed is None else seed, result=result,
            )
            try:
                for piece in pieces:
                    if stats.first_token_ms is None:
                        stats.first_token_ms = (time.perf_counter() - start) * 1000
                        stats.reused_tokens = result.reused_tokens
                    yield piece
            finally:
                pieces.close()
                stats.reused_tokens = result.reused_tokens
                stats.completion_tokens = result.completion_tokens
                stats.finish_reason = result.finish_reason
                stats.total_ms = (time.perf_counter() - start) * 1000

    # -- scoring ---------------------------------------------------------------------------
    def score(self, texts: Sequence[Sequence[tuple[str, bool]]]) -> list[TextScore]:
        """The log-likelihood of each text's scored pieces (scoring.py); texts sharing a start share its cache."""
        with self._lock:
            llm = self.load()
            if self._scorer is None or self._scorer.llm is not llm:
                self._scorer = TokenScorer(llm, self.tokenize)
            return [self._scorer.score(pieces) for pieces in texts]


_LOG = logging.getLogger("calx.llama")
_LOG_CALLBACK = None  # the ctypes callback must stay referenced for as long as llama.cpp may call it
_LLAMA_ERROR_LEVEL = 4  # GGML_LOG_LEVEL_ERROR
_LLAMA_ERRORS: deque[str] = deque(maxlen=8)  # llama.cpp's last error lines: the reason a load failed


def _load_error_logged() -> str | None:
    """llama.cpp's own words for a failed load ("unknown model architecture: 'x'"), if it logged them."""
    for line in _LLAMA_ERRORS:
        if "error loading model:" in line:
            return line.split("error loading model:", 1)[1].strip()
    return None


def _quiet_llama_logger() -> None:
    """Route llama.cpp's C-level log to Python logging instead of the terminal.

    With verbose=False llama-cpp-python still prints some messages (e.g. the SWA-cache notice on
    the first decode, logged at a level its filter lets through), which would corrupt a TUI.
    """
    global _LOG_CALLBACK
    if _LOG_CALLBACK is not None:
        return
    import ctypes

    import llama_cpp

    @llama_cpp.llama_log_callback
    def forward(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        line = text.decode("utf-8", "replace").rstrip()
        if level == _LLAMA_ERROR_LEVEL:
            _LLAMA_ERRORS.append(line)
        _LOG.debug(line)

    _LOG_CALLBACK = forward
    llama_cpp.llama_log_set(forward, ctypes.c_void_p(0))


class _DelayedNotice:
    """Say 'loading ...' on stderr only if loading is slow, and 'ready' when it ends.

    llama-cpp-python points fd 2 at /dev/null while it loads, so we write to a duplicate of
    the original stderr taken before the load starts.
    """

    def __init__(self, message: str, *, enabled: bool):
        self.message = message
        self.shown = False
        self._start = time.perf_counter()
        self._fd = _dup_stderr() if enabled else None
        self._guard = threading.Lock()  # the timer thread must not write to an fd we already closed
        self._timer = threading.Timer(_SLOW_LOAD_S, self._show) if self._fd is not None else None
        if self._timer:
            self._timer.daemon = True
            self._timer.start()

    def _write(self, line: str) -> None:
        try:
            os.write(self._fd, (line + "\n").encode())
        except OSError:
            pass

    def _show(self) -> None:
        with self._guard:
            if self._fd is not None:
                self.shown = True
                self._write(self.message)

    def finish(self) -> None:
        if self._timer:
            self._timer.cancel()
        with self._guard:
            if self.shown:
                self._write(f"calx: model ready in {time.perf_counter() - self._start:.1f}s")
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def _dup_stderr() -> int | None:
    try:
        return os.dup(sys.stderr.fileno())
    except (AttributeError, OSError, ValueError):  # stderr replaced by something without a file descriptor
        return None
