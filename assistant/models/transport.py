"""One HTTP exchange with a model server, bounded in time, every failure typed and worded for people.

Why http.client and not urllib: urllib's timeout bounds each socket read, so a server that trickles
keep-alive comments, or one byte at a time, could hold a question forever. Here every read gets only
the time still left, and a server that sends bytes but no events for `idle` seconds times out too.
"""
from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any, Iterator

from .errors import ModelError, ModelTimeout, ModelUnavailable

_DETAIL = 200  # characters of a server's error body quoted back to the user
_MAX_BODY = 16 << 20  # a non-streamed reply larger than this is not a completion


@dataclass
class Limits:
    """`idle`: the longest the server may send no event; `total`: the whole exchange (None: no limit)."""

    idle: float
    total: float | None = None

    def start(self) -> "_Clock":
        return _Clock(self, time.monotonic())


@dataclass
class _Clock:
    limits: Limits
    started: float
    last_event: float = 0.0

    def __post_init__(self) -> None:
        self.last_event = self.started

    def event(self) -> None:
        self.last_event = time.monotonic()

    def left(self) -> tuple[float, str]:
        """Seconds left before a limit fires, and the words for that limit."""
        now = time.monotonic()
        idle_left = self.limits.idle - (now - self.last_event)
        if self.limits.total is not None:
            total_left = self.limits.total - (now - self.started)
            if total_left < idle_left:
                return total_left, f"no answer within the {self.limits.total:.1f}s left for this question"
        return idle_left, f"it sent no answer for {self.limits.idle:g}s"


class Exchange:
    """POST (or GET) one request; iterate `events()` for SSE data payloads, or call `json()` for a plain reply."""

    def __init__(self, base_url: str, method: str, path: str, body: dict[str, Any] | None,
                 headers: dict[str, str], limits: Limits):
        self.base_url = base_url
        self.path = path
        self.done = False  # set when the stream ended with [DONE]
        self.sent_grammar = bool(body and body.get("grammar"))
        self.clock = limits.start()
        host, port, target, secure = _address(base_url, path)
        conn_class = http.client.HTTPSConnection if secure else http.client.HTTPConnection
        self._conn = conn_class(host, port, timeout=self._left())
        data = json.dumps(body).encode() if body is not None else None
        try:
            self._conn.request(method, target, body=data, headers=headers)
            self._sock = self._conn.sock  # kept: http.client hands it to the response and forgets it
            self._sock.settimeout(self._left())
            self.resp = self._conn.getresponse()
        except ModelError:
            self.close()
            raise
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            self.close()
            raise self._failed_to_connect(exc) from exc
        if self.resp.status != 200:
            error = self._status_error()
            self.close()
            raise error

    def _failed_to_connect(self, exc: BaseException) -> ModelError:
        where = f"the model server at {self.base_url}"
        if isinstance(exc, (TimeoutError, socket.timeout)):
            return self._timeout()
        if isinstance(exc, ConnectionRefusedError):
            return ModelUnavailable(f"cannot reach {where}: nothing is listening there (connection refused); "
                                    "is the server running?")
        if isinstance(exc, socket.gaierror):
            return ModelUnavailable(f"cannot reach {where}: unknown host ({exc.strerror})")
        if isinstance(exc, (http.client.HTTPException, ConnectionError)):
            return ModelError(f"{where} closed the connection without answering ({_name(exc)})")
        return ModelUnavailable(f"cannot reach {where}: {getattr(exc, 'strerror', None) or exc}")

    # -- reading ---------------------------------------------------------------------------
    def _left(self) -> float:
        left, _ = self.clock.left()
        if left <= 0:
            raise self._timeout()
        return left

    def _timeout(self) -> ModelTimeout:
        _, why = self.clock.left()
        return ModelTimeout(f"the model server at {self.base_url} timed out: {why}")

    def _read(self, n: int) -> bytes:
        """Up to n bytes, waiting no longer than a limit allows; b"" at the end of the body."""
        try:
            self._sock.settimeout(self._left())
            return self.resp.read1(n)
        except (TimeoutError, socket.timeout) as exc:
            raise self._timeout() from exc
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise _cut(self.base_url, exc) from exc

    def _body(self, limit: int) -> bytes:
        chunks, size = [], 0
        while size < limit and (chunk := self._read(min(65536, limit - size))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)

    def lines(self) -> Iterator[bytes]:
        pending = b""
        while chunk := self._read(65536):
            pending += chunk
            *complete, pending = pending.split(b"\n")
            yield from complete
        if pending:
            yield pending

    @property
    def content_type(self) -> str:
        return (self.resp.getheader("Content-Type") or "").split(";")[0].strip().lower()

    def json(self) -> Any:
        raw = self._body(_MAX_BODY)
        try:
            return json.loads(raw.decode("utf-8"))
        except ValueError:
            raise ModelError(f"the model server at {self.base_url} answered {self.path} with something that is "
                             f"not JSON: {_quote(raw)}") from None

    def events(self) -> Iterator[dict[str, Any]]:
        """SSE `data:` payloads as dicts, until `[DONE]`. A body that is plain JSON counts as one event."""
        if self.content_type == "application/json":
            yield self.json()
            return
        seen_any, head = False, b""
        for raw in self.lines():
            line = raw.decode("utf-8", "replace").strip()
            if len(head) < _DETAIL:
                head += raw + b"\n"
            if not line.startswith("data:"):
                continue  # SSE comments, keep-alives, event names and blank separators: no sign of progress
            self.clock.event()
            payload = line[5:].strip()
            if payload == "[DONE]":
                self.done = True
                return
            try:
                event = json.loads(payload)
            except ValueError:
                raise ModelError(f"the model server at {self.base_url} sent an event that is not JSON: "
                                 f"{_quote(payload.encode())}") from None
            if not isinstance(event, dict):
                raise ModelError(f"the model server at {self.base_url} sent an event that is not a JSON object: "
                                 f"{_quote(payload.encode())}")
            seen_any = True
            yield event
        if not seen_any:
            raise ModelError(f"the model server at {self.base_url} sent no completion events "
                             f"(Content-Type {self.content_type or 'missing'}): {_quote(head)}")

    def close(self) -> None:
        try:
            if getattr(self, "resp", None) is not None:
                self.resp.close()
            self._conn.close()
        except OSError:
            pass

    # -- status ------------------------------------------------------------------------------
    def _status_error(self) -> ModelError:
        code, reason = self.resp.status, self.resp.reason
        try:
            detail = _error_detail(self._body(4096))
        except ModelError:
            detail = ""
        said = f"{code} {reason}" + (f": {detail}" if detail else "")
        where = f"the model server at {self.base_url}"
        if code in (401, 403):
            return ModelUnavailable(f"{where} refused the request ({said}); set CALX_API_KEY to its API key")
        if code == 404:
            return ModelUnavailable(f"{where} has no {self.path} endpoint ({said}); is it an OpenAI-compatible server, "
                                    "and does the URL end in /v1 or name the endpoint?")
        if 400 <= code < 500:
            hint = ("; if it does not take llama.cpp grammars (vLLM, Ollama), set CALX_SERVER_GRAMMAR=none"
                    if self.sent_grammar else "")
            return ModelError(f"{where} rejected the request ({said}){hint}")
        return ModelError(f"{where} failed ({said})")


def _address(base_url: str, path: str) -> tuple[str, int | None, str, bool]:
    """(host, port, request target, https?) of a server URL, or ModelUnavailable saying what is wrong with it."""
    parts = urllib.parse.urlsplit(base_url + path)
    if parts.scheme not in ("http", "https"):
        raise ModelUnavailable(f"the model server URL {base_url!r} must start with http:// or https://")
    try:
        port = parts.port
    except ValueError:
        raise ModelUnavailable(f"the model server URL {base_url!r} has an invalid port") from None
    if not parts.hostname:
        raise ModelUnavailable(f"the model server URL {base_url!r} names no host")
    return parts.hostname, port, parts.path + (f"?{parts.query}" if parts.query else ""), parts.scheme == "https"


def cut_short(base_url: str, detail: str) -> ModelError:
    return ModelError(f"the model server at {base_url} closed the connection mid-answer ({detail})")


def _cut(base_url: str, exc: BaseException) -> ModelError:
    return cut_short(base_url, _name(exc))


def _name(exc: BaseException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        return "the response broke off"
    text = str(exc)
    return type(exc).__name__ + (f": {text}" if text and len(text) < 120 else "")


def _error_detail(raw: bytes) -> str:
    """The message inside an OpenAI-style error body ({"error": {"message": ...}}), else the start of the body."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return _quote(raw) if raw.strip() else ""
    return error_message(data.get("error", data) if isinstance(data, dict) else data, otherwise=data)


def error_message(error: Any, *, otherwise: Any = None) -> str:
    """An OpenAI-style error's "message", else `otherwise` (by default the error itself), cut to _DETAIL."""
    message = error.get("message") if isinstance(error, dict) else error
    return str(message if message else (error if otherwise is None else otherwise))[:_DETAIL]


def _quote(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    if not text:
        return "(an empty body)"
    return repr(text[:_DETAIL] + ("…" if len(text) > _DETAIL else ""))
