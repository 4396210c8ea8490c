"""SVG snapshots of the main screens (pytest-textual-snapshot). Update after a deliberate change with
`pytest tests/tui/test_snapshots.py --snapshot-update` and look at the SVGs before committing them."""
from __future__ import annotations

from textual.widgets import Collapsible

from tui.widgets.plot_view import PlotView

from tui_testkit import answers, ask, make_app, wait_for

SIZE = (100, 34)


def app_for(tmp_path):
    return make_app(tmp_path, history=False)


async def settle(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.session.status.state == "ready")
    app.screen.query_one("#input").cursor_blink = False  # a blinking cursor would make the picture flaky
    await pilot.pause(0.1)


def test_empty_chat(snap_compare, tmp_path):
    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=settle)


INTEGRAL = {  # an answer record as the symbolic engine writes it; stored, so the picture depends on the TUI alone
    "question": "integrate x^2 sin(x)", "answer": "-x**2*cos(x) + 2*x*sin(x) + 2*cos(x)",
    "pretty": "   2                               \n- x ⋅cos(x) + 2⋅x⋅sin(x) + 2⋅cos(x)",
    "latex": "- x^{2} \\cos{\\left(x \\right)} + 2 x \\sin{\\left(x \\right)} + 2 \\cos{\\left(x \\right)}",
    "understood": "integrate(x**2*sin(x), x)", "route": "direct", "verified": True,
    "steps": [{"tool": "symbolic", "input": "integrate(x**2*sin(x), x)",
               "output": "-x**2*cos(x) + 2*x*sin(x) + 2*cos(x)", "ms": 41.0, "error": None}],
    "checks": [{"name": "derivative matches the integrand", "passed": True, "detail": "d/dx simplifies to x**2*sin(x)"}],
}


def test_answered_symbolic_question_with_steps(snap_compare, tmp_path):
    from tui.history import HistoryStore

    store = HistoryStore(tmp_path / "history.db")
    chat = store.new_chat(INTEGRAL["question"])
    store.add(chat, "user", INTEGRAL["question"])
    store.add(chat, "assistant", INTEGRAL["answer"], INTEGRAL)
    store.close()
    app = make_app(tmp_path)  # the same history.db

    async def run_before(pilot):
        await settle(pilot)
        app.chat_screen.open_chat(chat)
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        await pilot.pause(0.1)
        answers(app)[0].query(Collapsible).first().collapsed = False  # the tool step, opened
        app.clear_notifications()  # the "reopened" toast would time out at a load-dependent moment
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_plot(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await ask(pilot, "plot sin(x) from -pi to pi")
        await wait_for(pilot, lambda: pilot.app.screen.query(PlotView))
        await pilot.pause(0.3)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause(0.2)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=run_before)
