"""The OpenAI-compatible HTTP backend against a real llama-cpp-python server on loopback."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("llama_cpp")
pytest.importorskip("llama_cpp.server")  # the [server] extra (uvicorn, fastapi, sse-starlette)

from assistant.models import ModelUnavailable, OpenAIServerModel, resolve_model  # noqa: E402
from assistant.planner import Budgets, Planner  # noqa: E402
from llama_server import embedded_model_server, free_port  # noqa: E402


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    with embedded_model_server(tmp_path_factory.mktemp("server")) as url:
        yield url


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
    model = OpenAIServerModel(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ModelUnavailable, match="cannot reach"):
        list(model.complete("hi", max_tokens=1))
