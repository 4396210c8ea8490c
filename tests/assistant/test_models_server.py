"""The OpenAI-compatible HTTP backend against a real llama-cpp-python server on loopback."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytest.importorskip("llama_cpp")
pytest.importorskip("llama_cpp.server")  # the [server] extra (uvicorn, fastapi, sse-starlette)

from assistant.models import ModelUnavailable, OpenAIServerModel, default_model_path, resolve_model  # noqa: E402
from assistant.planner import Budgets, Planner  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    port = _free_port()
    # the server logs a lot (llama.cpp load, uvicorn): a file, not a pipe nobody drains, or it blocks
    log = (tmp_path_factory.mktemp("server") / "server.log").open("w+b")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(default_model_path()),
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--model_alias", "embedded"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail("server exited: " + log.read().decode("utf-8", "replace")[-2000:])
            try:
                with urllib.request.urlopen(url + "/v1/models", timeout=2) as resp:
                    json.load(resp)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("server did not come up in 120 s")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_lists_the_served_model(server_url):
    assert OpenAIServerModel(server_url).models() == ["embedded"]


def test_streaming_completion_with_grammar(server_url):
    model = OpenAIServerModel(server_url)
    pieces = list(model.complete("Is seven a prime number? Answer:", grammar='root ::= " yes" | " no"\n', max_tokens=4))
    assert "".join(pieces) in (" yes", " no")
    assert model.last_stats.finish_reason == "stop"


def test_streaming_chat_completion(server_url):
    model = OpenAIServerModel(server_url + "/v1/chat/completions")
    assert model.chat
    pieces = list(model.complete("Say hello.", max_tokens=5))
    assert pieces and model.last_stats.completion_tokens == len(pieces)
    assert model.last_stats.finish_reason in ("stop", "length")


def test_planner_answers_through_the_server(server_url):
    model = resolve_model(server=server_url)
    assert isinstance(model, OpenAIServerModel)
    answer = Planner(model, budgets=Budgets(max_calls=3, max_tokens=96, wall_seconds=300)).ask(
        "A shop has 7 boxes with 24 pencils in each box. How many pencils does the shop have?"
    )
    assert answer.route == "planner"
    assert re.match(r'<gadget id="calculator">[^<]+</gadget>\n<output>', answer.chain), answer.chain
    assert answer.steps and answer.steps[0].tool == "calculator" and not answer.steps[0].error
    assert answer.error is None and answer.answer is not None


def test_unreachable_server_is_a_clear_error():
    model = OpenAIServerModel(f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(ModelUnavailable, match="cannot reach"):
        list(model.complete("hi", max_tokens=1))
