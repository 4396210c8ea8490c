"""The `python` gadget over a real sandbox: Calc-X output, typed errors, one session per tool."""
from __future__ import annotations

import pytest

from tools import registry
from tools.python import PythonTool, format_output
from tools.python.session import PythonSession


@pytest.fixture(scope="module")
def tool():
    t = PythonTool(PythonSession())
    yield t
    t.session.close()


def test_registered_under_python():
    assert registry.get("python").name == "python"


def test_prints_then_value(tool):
    r = tool.run("x = 6\nprint('x is', x)\nx * 7", timeout=30)
    assert r.ok and r.output == "x is 6\n42" and r.value == "42"


def test_state_persists_in_the_session(tool):
    tool.run("total = 10", timeout=30)
    assert tool.run("total + 5").output == "15"


def test_python_exception_is_an_error_line(tool):
    r = tool.run("1/0")
    assert not r.ok and r.output == "ERROR: ZeroDivisionError: division by zero"
    assert r.error.type == "python_error" and "line 1" in r.extra["traceback"]


def test_prints_before_an_error_are_kept(tool):
    r = tool.run("print('step 1')\nraise ValueError('bad step')")
    assert r.output.startswith("ERROR: ValueError: bad step") and "step 1" in r.output


def test_timeout_is_an_error_and_the_next_call_works(tool):
    r = tool.run("while True: pass", timeout=0.5)
    assert not r.ok and r.output.startswith("ERROR: TimeoutError:") and r.error.type == "timeout"
    assert tool.run("3 * 3", timeout=30).output == "9"


def test_sympy_inside_the_gadget(tool):
    r = tool.run("from sympy import symbols, integrate\nx = symbols('x')\nintegrate(x**2, x)", timeout=60)
    assert r.output == "x**3/3"


def test_non_text_input_never_raises(tool):
    assert tool.run(None).output.startswith("ERROR:")  # type: ignore[arg-type]


def test_format_output():
    assert format_output("a\n", "1") == "a\n1"
    assert format_output("", None) == ""
    assert format_output("only\n\n", None) == "only"


def test_prewarm_starts_the_sandbox_before_the_first_call():
    import time

    session = PythonSession()
    try:
        session.prewarm()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (session._sandbox is None or session._sandbox.pid() is None):
            time.sleep(0.1)
        assert session.sandbox().pid() is not None
        assert PythonTool(session).run("6 * 7", timeout=30).output == "42"
    finally:
        session.close()


def test_each_assistant_owns_its_python_session_and_a_new_conversation_forgets_it():
    from assistant import Assistant
    from assistant.models import ScriptedModel

    # through the planner, as the model calls the gadget: the variable lives in this Assistant's sandbox only
    model = ScriptedModel(['<gadget id="python">kept = 6 * 7</gadget>', "<result>0</result>",
                           '<gadget id="python">kept</gadget>', "<result>42</result>"])
    mine = Assistant(model=model, tool_timeout=60)
    mine.ask("Store six times seven as kept, with the python gadget.")
    assert mine.ask("What is kept, with the python gadget?").steps[0].output == "42"
    other = Assistant(use_planner=False, tool_timeout=60)
    seen_elsewhere = other.run_tool("python", "kept")
    assert not seen_elsewhere.ok and "NameError" in seen_elsewhere.output
    mine.new_conversation()
    after = mine.run_tool("python", "kept")
    assert not after.ok and "NameError" in after.output
