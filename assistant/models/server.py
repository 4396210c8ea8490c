"""An OpenAI-compatible HTTP server as the model: llama.cpp's server, llama-cpp-python's, vLLM, Ollama.

Two endpoints: `/v1/completions` (raw text continuation: the Calc-X loop fits it exactly, and
llama.cpp-family servers accept a GBNF `grammar` field and reuse their prompt cache) and
`/v1/chat/completions` (for servers that only speak chat; the prompt goes in one user message).
Streaming is Server-Sent Events over stdlib `urllib`: no extra dependency.
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from typing import Any, Iterator, Sequence

from .base import CompletionStats
from .errors import ModelError, ModelUnavailable

_CHAT_SYSTEM = (
    "Continue the user's text exactly where it stops. Output only the continuation, "
    "in the same format as the examples it contains."
)


class OpenAIServerModel:
    def __init__(
        self,
        url: str,
        *,
        model: str | None = None,
        chat: bool | None = None,
        grammar_field: str | None = "grammar",
        api_key: str | None = None,
        timeout: float = 120.0,
    ):
        base, chat_from_url = _split_endpoint(url)
        self.base_url = base
        self.chat = chat_from_url if chat is None else chat
        self.model = model
        # llama.cpp-family servers take GBNF as "grammar"; vLLM/Ollama do not: pass None for them
        self.grammar_field = grammar_field
        self.api_key = api_key if api_key is not None else os.environ.get("CALX_API_KEY")
        self.timeout = timeout
        self.last_stats = CompletionStats()

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
        data = self._request("GET", "/models", None)
        return [m.get("id", "?") for m in data.get("data", [])]

    def complete(
        self,
        prompt: str,
        *,
        stop: Sequence[str] = (),
        grammar: str | None = None,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int | None = None,
    ) -> Iterator[str]:
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
        for event in self._stream(path, body):
            choices = event.get("choices") or [{}]
            choice = choices[0]
            text = (choice.get("delta") or {}).get("content") if self.chat else choice.get("text")
            if text:
                if stats.first_token_ms is None:
                    stats.first_token_ms = (time.perf_counter() - start) * 1000
                stats.completion_tokens += 1
                yield text
            if choice.get("finish_reason"):
                stats.finish_reason = choice["finish_reason"]
            usage = event.get("usage") or {}
            if usage.get("prompt_tokens"):
                stats.prompt_tokens = usage["prompt_tokens"]
        stats.total_ms = (time.perf_counter() - start) * 1000

    # -- transport -------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def _open(self, method: str, path: str, body: dict[str, Any] | None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method, headers=self._headers())
        try:
            return urllib.request.urlopen(req, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise ModelError(f"server answered {exc.code} on {path}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise ModelUnavailable(f"cannot reach the model server at {self.base_url}: {exc}") from exc

    def _request(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        with self._open(method, path, body) as resp:
            return json.loads(resp.read().decode("utf-8"))

    def _stream(self, path: str, body: dict[str, Any]) -> Iterator[dict[str, Any]]:
        with self._open("POST", path, body) as resp:
            for raw in resp:
                line = raw.decode("utf-8", "replace").strip()
                if not line.startswith("data:"):
                    continue  # SSE comments, keep-alives and blank separators
                payload = line[5:].strip()
                if payload == "[DONE]":
                    return
                try:
                    event = json.loads(payload)
                except ValueError as exc:
                    raise ModelError(f"malformed event from server: {payload[:120]}") from exc
                if "error" in event:
                    raise ModelError(f"server error: {event['error']}")
                yield event


def _split_endpoint(url: str) -> tuple[str, bool]:
    """Accept a base URL or a full endpoint; return (the /v1 base, whether it names the chat endpoint)."""
    url = url.rstrip("/")
    for suffix, chat in (("/chat/completions", True), ("/completions", False)):
        if url.endswith(suffix):
            return url[: -len(suffix)], chat
    if not url.endswith("/v1"):
        url += "/v1"
    return url, False
