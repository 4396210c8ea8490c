"""The chat paints untrusted model output as text: no escape sequence reaches the terminal."""
from __future__ import annotations

from textual.widgets import Static

from assistant.models.scripted import ScriptedModel
from tui.widgets.step_block import StepBlock

from tui_testkit import CALC, answers, ask, make_app, wait_for

OSC_TITLE = "\x1b]2;PWNED\x1b\\"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
HOSTILE = f"42{OSC_TITLE}{OSC_CLIPBOARD}\x9b31m"


async def test_the_chat_shows_hostile_model_output_as_text(tmp_path):
    chain = [f"Thinking {OSC_TITLE} hard. " + CALC.format("6 * 7"), f"<result>{HOSTILE}</result>"]
    app = make_app(tmp_path, ScriptedModel(chain))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, f"What is six times seven? {OSC_CLIPBOARD}")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        view = answers(app)[0]
        painted = [str(w.render()) for w in view.query(Static)] + [b.title for b in view.query(StepBlock)]
        assert any("\\x1b]2;PWNED" in text for text in painted)
        assert not any("\x1b" in text or "\x07" in text or "\x9b" in text for text in painted)


async def test_history_titles_are_text_not_markup(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ask(pilot, "[/bold] 2+3 \x1b]2;PWNED\x07")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        chats = app.history.chats()
        assert chats and chats[0].title.startswith("[/bold] 2+3 \x1b")  # stored as typed
        await pilot.press("ctrl+b")
        await pilot.pause()
        prompt = app.screen.query_one("#sidebar OptionList").get_option_at_index(0).prompt
        assert str(prompt).startswith("[/bold] 2+3 \\x1b]2;PWNED\\x07")  # shown literally, not as markup
