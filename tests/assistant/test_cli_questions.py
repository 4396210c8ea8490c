"""`calx` takes any question text (also one that starts with `-`), answers standard input line by line,
shows where mistyped math goes wrong, and exits 0 / 1 / 2 as documented. Real processes throughout."""
import io
import json
import os
import subprocess
import sys

import pytest

from assistant.answer import Answer, AnswerError, Check
from assistant.cli import plain_question
from assistant.cli_ask import AskOptions, Session, exit_code, misread_math

CALX = [sys.executable, "-m", "assistant.cli"]


def calx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CALX_SERVER": "", "CALX_MODEL": "", "NO_COLOR": "1"}
    return subprocess.run([*CALX, *args], input=stdin, capture_output=True, text=True, timeout=120, env=env)


def answer_line(done: subprocess.CompletedProcess) -> str:
    return next(line for line in done.stdout.splitlines() if line.startswith("= "))


# -- questions that start with "-" ---------------------------------------------------------------------
@pytest.mark.parametrize("args,shown", [
    (["-17 mod 5"], "= 3"),
    (["-17", "mod", "5"], "= 3"),
    (["-5+3"], "= -2"),
    (["--", "-2^2"], "= -4"),
    (["--no-model", "-2^2", "+", "1"], "= -3"),
])
def test_a_question_may_start_with_a_minus(args, shown):
    done = calx(*args)
    assert done.returncode == 0, done.stderr
    assert answer_line(done) == shown


def test_options_still_work_before_and_after_a_minus_question():
    before = json.loads(calx("--json", "-17 mod 5").stdout)
    after = json.loads(calx("-17 mod 5", "--json", "--timeout=5").stdout)
    assert before["answer"] == after["answer"] == "3"


def test_an_expression_with_a_variable_after_a_minus():
    done = calx("--no-model", "-x^2 + 1")
    assert done.returncode == 0, done.stderr
    assert "x**2" in done.stdout and "No such option" not in done.stderr


def test_the_tool_command_takes_text_that_starts_with_a_minus():
    done = calx("tool", "calculator", "-17", "mod", "5")
    assert done.returncode == 0 and done.stdout.strip() == "3"


def test_an_option_without_its_value_is_a_usage_error():
    done = calx("2+3", "-m")
    assert done.returncode == 2 and "requires an argument" in done.stderr


def test_a_bad_option_value_is_a_usage_error():
    assert calx("--timeout", "soon", "2+3").returncode == 2


# -- standard input: one question per line ------------------------------------------------------------
def test_stdin_is_one_question_per_line_in_order_blank_lines_skipped():
    done = calx(stdin="2^10\n\n   \n3*7\n")
    assert done.returncode == 0, done.stderr
    answers = [line for line in done.stdout.splitlines() if line.startswith("= ")]
    assert answers == ["= 1024", "= 21"]


def test_stdin_with_json_prints_json_lines():
    done = calx("--json", stdin="2^10\n3*7\n")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["question"], r["answer"]) for r in records] == [("2^10", "1024"), ("3*7", "21")]


def test_stdin_exit_code_is_the_worst_and_stderr_names_the_line():
    done = calx("--no-model", "--json", stdin="2^10\nhow many legs do 3 spiders have?\n3*7\n")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["answer"] for r in records] == ["1024", None, "21"]
    assert records[1]["error"]["type"] == "not_understood"
    assert "calx: line 2: not_understood" in done.stderr


# -- mistyped math: a positioned parse error, not the model -------------------------------------------
@pytest.mark.parametrize("question,position,caret", [
    ("2^^3", 3, "  2^^3\n    ^"),
    ("sin(x", 6, "  sin(x\n       ^"),
])
def test_mistyped_math_shows_where_it_goes_wrong(question, position, caret):
    # a model path that does not exist: had the question gone to the model, the error would be model_unavailable
    done = calx("-m", "/no/such/model.gguf", question)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "calx: parse_error: " in done.stderr and f"at position {position}" in done.stderr
    assert caret in done.stderr
    assert "model" not in done.stderr


def test_mistyped_math_in_json_is_a_parse_error_record():
    record = json.loads(calx("--json", "-m", "/no/such/model.gguf", "2^^3").stdout)
    assert record["answer"] is None and record["error"]["type"] == "parse_error"
    assert "position 3" in record["error"]["message"]


@pytest.mark.parametrize("question", [
    "how many legs do 3 spiders have?", "2 apples + 3 apples", "hello", "what is 2 plus", "x = 2 + ",
])
def test_word_problems_are_not_taken_for_mistyped_math(question):
    if question.startswith("x ="):  # one-letter names and operators only: math, and it does not parse
        assert misread_math(question) is not None
    else:
        assert misread_math(question) is None


def test_math_that_parses_or_that_a_direct_route_reads_is_not_a_parse_error():
    assert misread_math("2^100") is None and misread_math("sin(x)^2 + cos(x)^2") is None
    done = calx("--no-model", "what is 2^10?")
    assert done.returncode == 0 and answer_line(done) == "= 1024"


# -- exit codes -----------------------------------------------------------------------------------------
def test_an_answer_error_exits_1_with_the_message_on_stderr():
    done = calx("1/0")
    assert done.returncode == 1 and "= " not in done.stdout  # what was understood, but no answer
    assert done.stderr.startswith("calx: ") and "division by zero" in done.stderr


def _answer(**fields) -> Answer:
    return Answer(question="q", answer="42", route="direct", **fields)


def test_exit_code_follows_error_answer_and_checks():
    assert exit_code(_answer(verified=True, checks=[Check("recomputed", True)])) == 0
    assert exit_code(_answer(verified=None)) == 0  # answered, not verified: the text says so
    assert exit_code(_answer(verified=False, checks=[Check("result_from_tool", False)])) == 1
    assert exit_code(_answer(checks=[Check("result_from_tool", False), Check("recomputed", True)])) == 1
    assert exit_code(Answer(question="q", error=AnswerError("tool_error", "unsupported"))) == 1
    assert exit_code(Answer(question="q")) == 1  # no answer and no error: still not answered


def test_a_refuted_answer_is_shown_and_said_to_be_refuted(monkeypatch):
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    refuted = _answer(verified=False, checks=[Check("result_from_tool", False, "not any tool output")])
    assert Session(AskOptions(no_model=True)).show(refuted) == 1
    assert "= 42" in out.getvalue() and "✗ result_from_tool" in out.getvalue()
    assert err.getvalue().startswith("calx: refuted: the answer failed result_from_tool")


# -- the fast path reads exactly what click would ---------------------------------------------------------
@pytest.mark.parametrize("argv,question", [
    (["2^100"], "2^100"), (["what", "is", "2+3"], "what is 2+3"),
    (["-17 mod 5"], None), (["2+3", "--json"], None), (["tools"], None), (["ask", "2"], None), ([], None),
    (["  "], None),
])
def test_plain_question_leaves_every_option_and_command_to_click(argv, question):
    assert plain_question(argv) == question


def test_the_fast_path_and_the_click_path_print_the_same():
    fast, click_path = calx("what is 17% of 2450"), calx("ask", "what is 17% of 2450")
    assert fast.returncode == click_path.returncode == 0
    assert fast.stdout == click_path.stdout and "= 833/2" in fast.stdout


def test_colour_is_our_own_sgr_after_the_text_is_made_terminal_safe():
    from assistant.render import style

    assert style("7\x1b]52;c;x\x07", True, bold=True, fg="green") == "\x1b[1;32m7\\x1b]52;c;x\\x07\x1b[0m"
    assert style("7", False, bold=True) == "7"


@pytest.mark.parametrize("args,stdin", [([""], "2^10\n"), (["  "], ""), ([], ""), ([], "\n  \n")])
def test_no_question_at_all_is_a_usage_error(args, stdin):
    done = calx(*args, stdin=stdin)
    assert done.returncode == 2 and "no question given" in done.stderr and done.stdout == ""


def test_bytes_that_are_not_text_on_stdin_spoil_only_their_line():
    env = {**os.environ, "CALX_SERVER": "", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([*CALX, "--no-model"], input=b"2^10\n\xff\xfe 3\n3*7\n", capture_output=True, env=env,
                          timeout=120)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert [line for line in done.stdout.decode().splitlines() if line.startswith("= ")] == ["= 1024", "= 21"]
    assert b"calx: line 2: " in done.stderr
