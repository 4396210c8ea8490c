"""The one-shot CLI as a user runs it: a real process, real exit codes, stdout/stderr kept apart."""
import json
import os
import subprocess
import sys

import pytest

CALX = [sys.executable, "-m", "assistant.cli"]


def calx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CALX_SERVER": "", "NO_COLOR": "1"}
    return subprocess.run([*CALX, *args], input=stdin, capture_output=True, text=True, timeout=120, env=env)


def test_answers_a_question_with_the_input_as_understood_and_the_result():
    done = calx("2^100")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:2] == ["2**100", "= 1267650600228229401496703205376"]
    assert "\x1b[" not in done.stdout  # no colour when stdout is not a terminal


def test_shows_a_decimal_beside_a_fraction_and_the_checks():
    lines = calx("what is 17% of 2450").stdout.splitlines()
    assert "= 833/2" in lines and "≈ 416.5" in lines
    assert any(line.startswith("✓ ") for line in lines)


def test_json_prints_the_answer_record():
    record = json.loads(calx("--json", "50 choose 25").stdout)
    assert record["answer"] == "126410606437752" and record["route"] == "direct" and record["verified"] is True


def test_reads_the_question_from_stdin_when_not_given():
    done = calx(stdin="2^10\n")
    assert done.returncode == 0 and "= 1024" in done.stdout


def test_runtime_errors_exit_1_with_the_message_on_stderr():
    done = calx("1/0")
    assert done.returncode == 1
    assert "division by zero" in done.stderr and "Traceback" not in done.stderr


def test_usage_errors_exit_2():
    assert calx("tool").returncode == 2
    assert calx("tool", "nosuchtool", "1").returncode == 2


def test_tool_command_runs_one_gadget():
    done = calx("tool", "bigint", "factor(2^64+1)")
    assert done.returncode == 0 and done.stdout.strip() == "274177 * 67280421310721"
    failed = calx("tool", "calculator", "2 +")
    assert failed.returncode == 1 and failed.stderr.startswith("ERROR: ")


def test_tools_command_lists_the_registry():
    names = [line.split()[0] for line in calx("tools").stdout.splitlines()]
    assert names == ["calculator", "bigint", "symbolic", "rewrite", "python"]


def test_no_model_leaves_word_problems_unanswered_with_exit_1():
    done = calx("--no-model", "how many legs do 3 spiders have?")
    assert done.returncode == 1 and "not_understood" in done.stderr
