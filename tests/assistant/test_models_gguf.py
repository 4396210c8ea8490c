"""The llama-cpp-python backend on the real embedded GGUF (kept short: a few tokens per test)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("llama_cpp")

import tools  # noqa: E402
from assistant.models import LlamaCppModel, ModelUnavailable, default_model_path, list_models, resolve_model  # noqa: E402
from assistant.planner import Budgets, Planner  # noqa: E402

CALL = re.compile(r'<gadget id="([^"]+)">([^<]*)</gadget>\n<output>([^<]*)</output>\n')


@pytest.fixture(scope="module")
def model() -> LlamaCppModel:
    return LlamaCppModel(default_model_path(), n_ctx=2048, progress=False)


def test_embedded_model_is_the_default(model):
    resolved = resolve_model()
    assert isinstance(resolved, LlamaCppModel) and resolved.path == default_model_path()
    assert any(info.in_use and info.location == str(default_model_path()) for info in list_models())


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelUnavailable, match="no such model file"):
        resolve_model(str(tmp_path / "nope.gguf"))


def test_grammar_constrains_output(model):
    text = "".join(model.complete("Is seven a prime number? Answer:", grammar='root ::= " yes" | " no"\n', max_tokens=4))
    assert text in (" yes", " no")


def test_max_tokens_is_respected(model):
    pieces = list(model.complete("Count: one, two, three,", max_tokens=3))
    assert model.last_stats.finish_reason == "length" and 1 <= model.last_stats.completion_tokens <= 3
    assert len(pieces) <= 3


def test_resume_reuses_the_kv_cache_of_the_prefix(model):
    prompt = "The capital of France is Paris. The capital of Italy is"
    first = "".join(model.complete(prompt, max_tokens=3))
    cached = model.last_stats.prompt_tokens
    list(model.complete(prompt + first + " and", max_tokens=2))
    # all but the last prompt token of the first call (plus what it generated) come from the cache
    assert model.last_stats.reused_tokens >= cached - 1


def test_loading_does_not_write_to_the_terminal():
    code = textwrap.dedent("""
        from assistant.models import LlamaCppModel, default_model_path
        m = LlamaCppModel(default_model_path(), n_ctx=512, progress=False)
        print("OUT:" + "".join(m.complete("1, 2, 3,", max_tokens=2)).replace("\\n", " "))
    """)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OUT:") and proc.stdout.count("\n") == 1
    assert proc.stderr == ""


@pytest.mark.parametrize("question", [
    "A shop has 7 boxes with 24 pencils in each box. How many pencils does the shop have?",
    "Sam had 85 marbles and gave 27 of them to his sister. How many marbles does Sam have now?",
])
def test_planner_runs_the_whole_loop_on_the_real_model(model, question):
    answer = Planner(model, budgets=Budgets(max_calls=3, max_tokens=96, wall_seconds=300)).ask(question)
    assert answer.route == "planner" and answer.model == model.name
    calls = CALL.findall(answer.chain)
    assert calls, answer.chain  # the grammar forces at least a well-formed call or a result; these need a call
    assert len(calls) == len(answer.steps)
    for (tool, text, output), step in zip(calls, answer.steps):
        assert tool in tools.names()
        assert (step.tool, step.input) == (tool, text.strip())
        assert step.output == tools.run(tool, text).output  # the chain carries the real tool output
    if answer.error is None:
        assert re.search(r"<result>[^<]+</result>$", answer.chain)
        assert answer.answer is not None and answer.checks
    else:
        assert answer.error.type == "budget"


def test_per_question_grammar_keeps_calculator_numbers_to_the_question(model):
    from assistant.planner import Options
    from assistant.planner.grammar import SMALL_CONSTANTS
    from assistant.planner.numbers import numbers_in

    question = "A farm has 17 pens with 36 sheep in each pen. How many sheep are on the farm?"
    answer = Planner(model, options=Options(restrict_numbers=True),
                     budgets=Budgets(max_calls=2, max_tokens=64, wall_seconds=300)).ask(question)
    allowed = set(numbers_in(question)) | set(SMALL_CONSTANTS)
    assert answer.steps
    for step in answer.steps:
        if step.tool == "calculator":
            assert set(numbers_in(step.input)) <= allowed, step.input
        allowed |= set(numbers_in(step.output.split(" = around")[0]))
