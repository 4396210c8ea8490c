"""An OpenAI-compatible HTTP server as the model: llama.cpp's server, llama-cpp-python's, vLLM, Ollama.

Two endpoints: `/v1/completions` (raw text continuation: the Calc-X loop fits it exactly, and
llama.cpp-family servers accept a GBNF `grammar` field and reuse their prompt cache) and
`/v1/chat/completions` (for servers that only speak chat; the prompt goes in one user message).
Streaming is Server-Sent Events over stdlib `http.client` (transport.py): no extra dependency.
"""
from __future__ import annotations

import os
import threading
import time
from typing import Any, Iterator, Sequence

from .base import CompletionStats, PerThreadStats
from .errors import ModelError, ModelTimeout
from .transport import Exchange, Limits, cut_short, error_message

DEFAULT_TIMEOUT = 120.0  # seconds a server may stay silent: a cold server loads its model before the first token
RETRIES = 4  # asking again after a completion was ended early (see _ask_again)

_CHAT_SYSTEM = (
    "Continue the user's text exactly where it stops. Output only the continuation, "
    "in the same format as the examples it contains."
)


class OpenAIServerModel:
    last_stats = PerThreadStats()  # one model serves every thread of a session

    def __init__(
        self,
        url: str,
        *,
        model: str | None = None,
        chat: bool | None = None,
        grammar_field: str | None = "grammar",
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ):
        base, chat_from_url = _split_endpoint(url)
        self.base_url = base
        self.chat = chat_from_url if chat is None else chat
        self.model = model
        # llama.cpp-family servers take GBNF as "grammar"; vLLM/Ollama do not: pass None for them
        self.grammar_field = grammar_field
        self.api_key = api_key if api_key is not None else os.environ.get("CALX_API_KEY")
        self.timeout = timeout
        # llama-cpp-python's server (interrupt_requests, on by default) ends a streamed completion with [DONE]
        # and no finish_reason as soon as another request arrives. Once seen, this client sends one request at
        # a time and reads each whole before passing it on, so its own threads no longer cut each other short.
        self.one_at_a_time = False
        self._turn = threading.Lock()

    @property
    def supports_grammar(self) -> bool:
        return self.grammar_field is not None

    @property
    def name(self) -> str:
        return f"{self.model or 'server'}@{self.base_url}"

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)  # rough: servers differ in how (and whether) they tokenize on request

    def models(self) -> list[str]:
        """Model ids the server offers (GET /v1/models)."""
        exchange = Exchange(self.base_url, "GET", "/models", None, self._headers(), Limits(self.timeout))
        try:
            data = exchange.json()
        finally:
            exchange.close()
        entries = data.get("data") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise ModelError(f"the model server at {self.base_url} answered /models without a model list")
        return [m.get("id", "?") if isinstance(m, dict) else str(m) for m in entries]

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
        """`timeout` bounds the whole call (the planner passes what is left of the question's time);
        `self.timeout` bounds each silence: no event for that long is a ModelTimeout."""
        body: dict[str, Any] = {"max_tokens": max_tokens, "temperature": temperature, "stream": True}
        if self.model:
            body["model"] = self.model
        if stop:
            body["stop"] = list(stop)[:4]  # the OpenAI API allows at most four
        if seed is not None:
            body["seed"] = seed
        if grammar and self.grammar_field:
            body[self.grammar_field] = grammar
        if self.chat:
            body["messages"] = [{"role": "system", "content": _CHAT_SYSTEM}, {"role": "user", "content": prompt}]
            path = "/chat/completions"
        else:
            body["prompt"] = prompt
            path = "/completions"
        stats = self.last_stats = CompletionStats(prompt_tokens=self.count_tokens(prompt))
        start = time.perf_counter()
        try:
            sent = ""
            if not self.one_at_a_time:
                for piece in self._pieces(path, body, stats, start, Limits(self.timeout, timeout)):
                    sent += piece
                    yield piece
                if stats.finish_reason is not None:
                    return
                self.one_at_a_time = True
            yield from self._ask_again(path, body, stats, start, timeout, sent)
        finally:
            stats.total_ms = (time.perf_counter() - start) * 1000

    def _pieces(self, path: str, body: dict[str, Any], stats: CompletionStats, start: float,
                limits: Limits) -> Iterator[str]:
        """The streamed text of one request; stats.finish_reason stays None if the server ended it early."""
        exchange = Exchange(self.base_url, "POST", path, body, self._headers(), limits)
        try:
            for event in exchange.events():
                if "error" in event:
                    error = error_message(event["error"])
                    raise ModelError(f"the model server at {self.base_url} reported an error: {error}")
                choices = event.get("choices") or [{}]
                choice = choices[0] if isinstance(choices, list) and isinstance(choices[0], dict) else {}
                text = _text(choice, self.chat)
                if text:
                    if stats.first_token_ms is None:
                        stats.first_token_ms = (time.perf_counter() - start) * 1000
                    stats.completion_tokens += 1
                    yield text
                if choice.get("finish_reason"):
                    stats.finish_reason = choice["finish_reason"]
                usage = event.get("usage") or {}
                if isinstance(usage, dict) and usage.get("prompt_tokens"):
                    stats.prompt_tokens = usage["prompt_tokens"]
            if not exchange.done and stats.finish_reason is None:
                # neither [DONE] nor a finish_reason: the server went away while writing
                raise cut_short(self.base_url, f"after {stats.completion_tokens} pieces of text")
        finally:
            exchange.close()

    def _ask_again(self, path: str, body: dict[str, Any], stats: CompletionStats, start: float,
                   timeout: float | None, sent: str) -> Iterator[str]:
        """The same request again, one at a time and read whole, passing on only what follows `sent`.

        Decoding is deterministic (greedy, or seeded), so the text starts with what was already passed on;
        resuming from a prompt + partial text instead would restart the grammar mid-call."""
        for _ in range(RETRIES):
            left = None if timeout is None else timeout - (time.perf_counter() - start)
            if not self._turn.acquire(timeout=-1 if left is None else max(left, 0.0)):
                raise ModelTimeout(f"the model server at {self.base_url} timed out: the {timeout:g}s left for "
                                   "this question ran out while other questions' completions were read")
            try:
                again = CompletionStats(prompt_tokens=stats.prompt_tokens)
                pieces = list(self._pieces(path, body, again, start, Limits(self.timeout, left)))
            finally:
                self._turn.release()
            text = "".join(pieces)
            if not text.startswith(sent):
                raise ModelError(f"the model server at {self.base_url} ended a completion early, and asked again "
                                 "it wrote a different text; start it with --interrupt_requests False (llama-cpp-"
                                 "python) so that concurrent requests are not cut short")
            stats.completion_tokens, stats.finish_reason = len(pieces), again.finish_reason
            stats.first_token_ms = stats.first_token_ms or again.first_token_ms
            if len(text) > len(sent):
                yield text[len(sent):]
                sent = text
            if again.finish_reason is not None:
                return
        raise ModelError(f"the model server at {self.base_url} ended the completion early {RETRIES + 1} times "
                         "(another client's requests cut it short?); start it with --interrupt_requests False "
                         "(llama-cpp-python) to serve several requests at once")

    # -- transport -------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers


def _text(choice: dict[str, Any], chat: bool) -> str | None:
    """The new text of one streamed choice (or of a whole non-streamed reply)."""
    if chat:
        part = choice.get("delta") or choice.get("message") or {}
        text = part.get("content") if isinstance(part, dict) else None
    else:
        text = choice.get("text")
    return text if isinstance(text, str) else None


def _split_endpoint(url: str) -> tuple[str, bool]:
    """Accept a base URL or a full endpoint; return (the /v1 base, whether it names the chat endpoint)."""
    url = url.rstrip("/")
    for suffix, chat in (("/chat/completions", True), ("/completions", False)):
        if url.endswith(suffix):
            return url[: -len(suffix)], chat
    if not url.endswith("/v1"):
        url += "/v1"
    return url, False
