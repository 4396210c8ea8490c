"""A real llama-cpp-python server on loopback serving the embedded model, for the tests that need one."""
from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

START_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def embedded_model_server(log_dir: Path) -> Iterator[str]:
    """Start `python -m llama_cpp.server` with its default settings; yield its URL; stop it afterwards."""
    pytest.importorskip("llama_cpp.server")  # the [server] extra (uvicorn, fastapi, sse-starlette)
    from assistant.models import default_model_path

    port = free_port()
    # the server logs a lot (llama.cpp load, uvicorn): a file, not a pipe nobody drains, or it blocks
    log = (log_dir / "server.log").open("w+b")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(default_model_path()),
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--model_alias", "embedded"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(proc, url, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _wait_until_serving(proc: subprocess.Popen, url: str, log) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if proc.poll() is not None:
            log.seek(0)
            pytest.fail("server exited: " + log.read().decode("utf-8", "replace")[-2000:])
        try:
            with urllib.request.urlopen(url + "/v1/models", timeout=2) as resp:
                json.load(resp)
            return
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"server did not come up in {START_TIMEOUT_S} s")
            time.sleep(0.5)
