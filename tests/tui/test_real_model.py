"""The TUI with the real embedded model (Gemma 3 270M GGUF via llama.cpp): a word problem, planned and computed."""
from __future__ import annotations

import asyncio

import pytest

from tui.app import CalxApp
from tui.config import Config
from tui.history import HistoryStore
from tui.session import ChatSession
from tui.widgets.step_block import StepBlock

from tui_testkit import answers, ask, plain, type_key, wait_for

pytestmark = pytest.mark.slow

QUESTION = "A baker bakes 4 trays of 6 muffins and sells 9 of them. How many muffins are left?"


async def test_word_problem_with_the_embedded_model(tmp_path):
    app = CalxApp(session=ChatSession(), config=Config(), history=HistoryStore(tmp_path / "h.db"), data_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        status = app.screen.query_one("#status")
        await wait_for(pilot, lambda: app.session.status.state != "loading", timeout=120)
        assert app.session.status.state == "ready", app.session.status.error
        assert "gemma" in plain(status).lower() or "gemma" in str(status.render()).lower()
        await ask(pilot, QUESTION)
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].tokens, timeout=120)
        view = answers(app)[0]
        latency = await type_key(app, "z") if view.answer is None else None  # the UI answers keys while the model writes
        await wait_for(pilot, lambda: view.answer is not None, timeout=240)
        answer = view.answer
        assert answer.route == "planner" and answer.model and "gemma" in answer.model.lower()
        assert answer.steps and all(s.tool in {"calculator", "symbolic", "bigint", "rewrite", "python"} for s in answer.steps)
        assert len(view.query(StepBlock)) == len(answer.steps)
        assert answer.answer is not None and answer.answer in str(view.query_one(".result").render())
        if latency is not None:
            assert latency < 0.100, f"a key took {latency * 1000:.0f} ms while the real model generated"
        await asyncio.sleep(0)
