"""Small real servers on 127.0.0.1 that misbehave the way model servers do in the wild.

Each is a real socket server in a thread (or, for `serve_in_process`, a child process that a test can
kill): the client under test goes through the whole stack (TCP, HTTP parsing, SSE) as it would with
llama.cpp's server. A server plays a list of replies, one per request; the last one repeats.

    with FaultServer([sse(["<result>7</result>"])]) as server:
        OpenAIServerModel(server.url)...

Run as a script (`python faultservers.py DELAY TEXT...`) it serves a slow SSE stream until killed.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Sequence

Reply = Callable[["_Handler"], None]


def refused_url() -> str:
    """A loopback URL with nothing listening: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- replies ------------------------------------------------------------------------------------
def chunk(text: str, finish: str | None = None) -> bytes:
    """One OpenAI /v1/completions streaming event."""
    event = {"object": "text_completion", "choices": [{"index": 0, "text": text, "finish_reason": finish}]}
    return b"data: " + json.dumps(event).encode() + b"\n\n"


def sse(texts: Sequence[str], *, finish: str | None = "stop", done: bool = True, delay: float = 0.0,
        die_after: int | None = None, chunked: bool = True, honour_stop: bool = True) -> Reply:
    """A streamed completion of `texts`, cut at the request's stop strings as a real server does.

    `die_after=n`: send n events, then close the socket with no end marker (a crash mid-stream).
    `chunked`: Transfer-Encoding: chunked (llama.cpp, uvicorn); else Connection: close framing.
    """
    def reply(h: "_Handler") -> None:
        pieces = _cut_at_stop(list(texts), h.request_json.get("stop") or []) if honour_stop else list(texts)
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Transfer-Encoding" if chunked else "Connection", "chunked" if chunked else "close")
        h.end_headers()
        events = [chunk(p) for p in pieces]
        if finish:
            events.append(chunk("", finish))
        if done:
            events.append(b"data: [DONE]\n\n")
        for i, event in enumerate(events):
            if die_after is not None and i >= die_after:
                h.die()
                return
            h.write_body(event, chunked)
            time.sleep(delay)
        if chunked:
            h.wfile.write(b"0\r\n\r\n")
        h.wfile.flush()
    return reply


def status(code: int, body: str | bytes = b"", content_type: str = "application/json") -> Reply:
    """A complete reply with this status and body (an error page, an error JSON, a non-JSON body...)."""
    data = body.encode() if isinstance(body, str) else body

    def reply(h: "_Handler") -> None:
        h.send_response(code)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)
    return reply


def silent() -> Reply:
    """Read the request, then say nothing until the server stops (a hung server)."""
    def reply(h: "_Handler") -> None:
        h.server.stopping.wait()
        h.die()
    return reply


def trickle(interval: float = 0.1) -> Reply:
    """Headers, then an SSE keep-alive comment every `interval` seconds and never an event."""
    def reply(h: "_Handler") -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Connection", "close")
        h.end_headers()
        while not h.server.stopping.wait(interval):
            try:
                h.wfile.write(b": keep-alive\n\n")
                h.wfile.flush()
            except OSError:
                return
    return reply


def hang_up() -> Reply:
    """Accept the request and close the connection without a word."""
    return lambda h: h.die()


# -- the server ---------------------------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format, *args) -> None:  # the test output stays clean
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            self.request_json = json.loads(raw) if raw else {}
        except ValueError:
            self.request_json = {}
        self.server.record(self.command, self.path, dict(self.headers), self.request_json)
        self.server.next_reply()(self)
        self.close_connection = True

    def write_body(self, data: bytes, chunked: bool) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
        self.wfile.flush()

    def die(self) -> None:
        """Close the socket abruptly: RST, no end marker, no last chunk."""
        try:
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, replies: Sequence[Reply]):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.replies = list(replies)
        self.requests: list[dict] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()

    def record(self, method: str, path: str, headers: dict, body: dict) -> None:
        with self._lock:
            self.requests.append({"method": method, "path": path, "headers": headers, "body": body})

    def next_reply(self) -> Reply:
        with self._lock:
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


class FaultServer:
    """A loopback HTTP server playing `replies`; use as a context manager."""

    def __init__(self, replies: Sequence[Reply]):
        self._server = _Server(replies)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[dict]:
        return self._server.requests

    def play(self, replies: Sequence[Reply]) -> None:
        """Replace what the server answers from now on (e.g. it recovers)."""
        with self._server._lock:
            self._server.replies = list(replies)

    def __enter__(self) -> "FaultServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class ServerProcess:
    """This module run as a child process serving a slow SSE stream, so a test can kill it mid-answer."""

    def __init__(self, texts: Sequence[str], *, delay: float = 0.2):
        self.proc = subprocess.Popen([sys.executable, __file__, str(delay), *texts],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.url = ""

    def __enter__(self) -> "ServerProcess":
        line = self.proc.stdout.readline().split()  # the child says "ready PORT" once it listens
        if len(line) != 2 or line[0] != b"ready":
            self.proc.kill()
            raise RuntimeError(f"fault server process did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line[1])}"
        return self

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=5)

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.kill()
        self.proc.stdout.close()


def _cut_at_stop(pieces: list[str], stop: Sequence[str]) -> list[str]:
    text = "".join(pieces)
    cuts = [text.find(s) for s in stop if s and s in text]
    if not cuts:
        return pieces
    keep, out = min(cuts), []
    for piece in pieces:
        if keep <= 0:
            break
        out.append(piece[:keep])
        keep -= len(piece)
    return out


def _main(argv: list[str]) -> None:
    delay, texts = float(argv[0]), argv[1:]
    server = _Server([sse(texts, delay=delay)])
    print("ready", server.server_address[1], flush=True)
    server.serve_forever(poll_interval=0.05)


if __name__ == "__main__":
    _main(sys.argv[1:])
