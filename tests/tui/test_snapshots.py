"""SVG snapshots of the main screens (pytest-textual-snapshot). Update after a deliberate change with
`pytest tests/tui/test_snapshots.py --snapshot-update` and look at the SVGs before committing them."""
from __future__ import annotations

from textual.widgets import Collapsible

from tui.widgets.plot_view import PlotView

from conftest import answers, ask, make_app, wait_for

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


def test_answered_question_with_steps(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await ask(pilot, "factor 2^64+1")
        await wait_for(pilot, lambda: answers(pilot.app) and answers(pilot.app)[0].answer is not None)
        answers(pilot.app)[0].query(Collapsible).first().collapsed = False  # the tool step, opened
        await pilot.pause(0.2)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=run_before)


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
