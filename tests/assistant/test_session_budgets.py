"""The session's settings reach every part that uses them (issue 15: the tool timeout split)."""
from __future__ import annotations

from assistant import Assistant


def test_the_session_tool_timeout_bounds_a_planner_tool_call():
    """Assistant(tool_timeout=t) reaches the planner's gadget calls, not only the direct route."""
    import time

    from assistant.models import ScriptedModel

    semiprime = "(2^127-1)*(2^89-1)*(10^40+121)*(10^45+79)"  # factoring it takes far longer than the budget
    model = ScriptedModel([f'<gadget id="bigint">factor({semiprime} + 2)</gadget>', "<result>1</result>"])
    session = Assistant(model=model, tool_timeout=0.5)
    assert session.planner().budgets.tool_timeout == 0.5
    start = time.perf_counter()
    answer = session.ask("a word problem the direct route does not read")
    step = answer.steps[0]
    assert step.tool == "bigint" and time.perf_counter() - start < 10
    assert step.ms < 5000 and ("budget" in step.output or "partial" in step.output), step.output
