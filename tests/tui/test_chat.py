"""The chat screen driven by Pilot: streaming, steps, cancel, background load, scrolling, input keys."""
from __future__ import annotations

import asyncio

from textual.widgets import Collapsible, Static

from tui.widgets.step_block import StepBlock

from tui_testkit import (CALC, GatedModel, SlowModel, WORD_CHAIN, answers, ask, burst, make_app, notes, type_key,
                         wait_for)


async def test_direct_math_shows_answer_step_and_check(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ask(pilot, "2^100")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        view = answers(app)[0]
        assert view.answer.answer == "1267650600228229401496703205376" and view.answer.route == "direct"
        assert "= 1267650600228229401496703205376" in str(view.query_one(".result", Static).render())
        block = view.query_one(StepBlock)
        assert block.title.startswith("✓ calculator: 2^100") and block.has_class("done")
        assert "✓ recomputed" in str(view.query_one(".checks", Static).render())


async def test_planner_answer_streams_tokens_then_steps_then_result(tmp_path):
    chain = ["First the apples in the boxes. " * 8 + WORD_CHAIN[0], *WORD_CHAIN[1:]]
    app = make_app(tmp_path, SlowModel(chain, delay=0.05))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "Tom has 3 boxes of 12 apples and gives 5 away. How many are left?")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].tokens)
        view = answers(app)[0]
        assert view.answer is None, "tokens must show before the answer is complete"
        assert str(view.query_one(".thinking", Static).render()).startswith("First")
        await wait_for(pilot, lambda: view.answer is not None)
        assert view.answer.answer == "31"
        blocks = list(view.query(StepBlock))
        assert [b.title.split(" · ")[0] for b in blocks] == ["✓ calculator: 3 * 12", "✓ calculator: 36 - 5"]
        await wait_for(pilot, lambda: view.query(".chain-text"))  # the chain block composes its body a frame later
        chain = view.query_one(".chain", Collapsible)
        assert "<result>31</result>" in str(chain.query_one(".chain-text", Static).render())


async def test_escape_cancels_the_answer_and_the_app_goes_on(tmp_path):
    model = SlowModel([CALC.format("1 + 1")], delay=0.05, repeat_last=True)
    app = make_app(tmp_path, model)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "Keep adding one and one, forever?")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].tokens)
        await pilot.press("escape")
        view = answers(app)[0]
        assert view.state == "cancelled" and app.is_running
        assert "cancelled" in str(view.query_one(".result", Static).render())
        await pilot.pause(0.3)
        assert view.answer is None, "events after the cancel must not land in the cancelled answer"
        await ask(pilot, "2+2")
        await wait_for(pilot, lambda: len(answers(app)) == 2 and answers(app)[1].answer is not None)
        assert answers(app)[1].answer.answer == "4"
        roles = [m.role for m in app.history.messages(app.chat_screen.chat_id)]
        assert roles == ["user", "user", "assistant"], "a cancelled answer is not saved as if it were one"


async def test_direct_math_works_while_the_model_loads(tmp_path):
    model = GatedModel(WORD_CHAIN)
    app = make_app(tmp_path, model)
    async with app.run_test(size=(100, 40)) as pilot:
        status = app.screen.query_one("#status")
        assert app.session.status.state == "loading"
        assert "loading model" in str(status.render())
        await ask(pilot, "2^10")
        await wait_for(pilot, lambda: answers(app)[0].answer is not None)
        assert answers(app)[0].answer.answer == "1024" and app.session.status.state == "loading"
        await ask(pilot, "Tom has 3 boxes of 12 apples and gives 5 away. How many are left?")
        await pilot.pause(0.3)
        assert answers(app)[1].answer is None, "a planner question waits for the model"
        model.gate.set()
        await wait_for(pilot, lambda: answers(app)[1].answer is not None)
        assert answers(app)[1].answer.answer == "31"
        assert "model scripted" in str(status.render())


async def test_a_missing_model_is_a_notification_and_direct_math_still_works(tmp_path):
    from tui.app import CalxApp
    from tui.config import Config
    from tui.session import ChatSession

    app = CalxApp(session=ChatSession(str(tmp_path / "missing.gguf")), config=Config(), data_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "failed")
        await pilot.pause(0.1)
        assert any("missing.gguf" in n for n in notes(app))
        assert "model unavailable" in str(app.screen.query_one("#status").render())
        await ask(pilot, "6*7")
        await wait_for(pilot, lambda: answers(app)[0].answer is not None)
        assert answers(app)[0].answer.answer == "42"


async def test_a_key_pressed_during_generation_is_handled_within_100_ms(tmp_path):
    model = SlowModel(["think " * 150 + CALC.format("1 + 1"), "<result>2</result>"], delay=0.03)
    app = make_app(tmp_path, model)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "Think long about one and one?")
        await wait_for(pilot, lambda: len(answers(app)[0].tokens) > 5)
        box = app.screen.query_one("#input")
        worst = 0.0
        for key in "abc":
            worst = max(worst, await type_key(app, key))
            await asyncio.sleep(0.05)  # spread the presses over the generation
        assert answers(app)[0].state == "running", "generation was still going on"
        assert box.text == "abc"
        assert worst < 0.100, f"a key took {worst * 1000:.0f} ms to be handled during generation"
        await pilot.press("escape")


async def test_the_view_sticks_to_the_bottom_unless_scrolled_up(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        messages = app.screen.query_one("#messages")
        for n in range(6):
            await ask(pilot, f"{n}+1")
            await wait_for(pilot, lambda: len(answers(app)) == n + 1 and answers(app)[-1].answer is not None)
        await pilot.pause(0.2)
        assert messages.max_scroll_y > 0 and messages.scroll_y == messages.max_scroll_y
        messages.scroll_home(animate=False)
        await pilot.pause(0.1)
        await ask(pilot, "7+1")
        await wait_for(pilot, lambda: answers(app)[-1].answer is not None and len(answers(app)) == 7)
        await pilot.pause(0.2)
        assert messages.scroll_y == 0, "new output must not yank a reader back down"


async def test_enter_sends_and_ctrl_j_makes_a_new_line(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        box = app.screen.query_one("#input")
        await pilot.press("1", "ctrl+j", "+", "1")
        assert box.text == "1\n+1" and not answers(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        assert box.text == "" and answers(app)[0].answer.answer == "2"


async def test_text_and_enter_read_at_once_send_that_text_in_order(tmp_path):
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        box = app.screen.query_one("#input")
        burst(app, "2^100\r3^")  # a question and the start of the next in one read, as a fast typist's over ssh
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        first = answers(app)[0]
        assert first.question == "2^100" and first.answer.answer == "1267650600228229401496703205376"
        assert box.text == "3^", "keys read after Enter stay in the box for the next question"
        burst(app, "3\r")
        await wait_for(pilot, lambda: len(answers(app)) == 2 and answers(app)[1].answer is not None)
        assert answers(app)[1].question == "3^3" and answers(app)[1].answer.answer == "27"
        assert box.text == ""
        burst(app, "1+")
        app.post_message(events.Key("ctrl+j", "\n"))  # a new line lands after the text read with it, too
        burst(app, "1")
        await wait_for(pilot, lambda: box.text == "1+\n1")


async def test_a_paste_followed_at_once_by_enter_sends_the_pasted_text(tmp_path):
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        box = app.screen.query_one("#input")
        box.text = "1+1"  # an earlier draft: the paste goes at its end, and all of it is sent
        box.move_cursor(box.document.end)
        app.post_message(events.Paste("*2^10"))
        app.post_message(events.Key("enter", "\r"))
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        assert answers(app)[0].question == "1+1*2^10" and answers(app)[0].answer.answer == "1025"


async def test_two_questions_read_at_once_both_show_the_first_as_superseded(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        burst(app, "2^100\r3^3\r")  # two pasted lines: the second question stops the first, as typed one by one
        await wait_for(pilot, lambda: len(answers(app)) == 2 and answers(app)[1].answer is not None)
        first, second = answers(app)
        assert (first.question, second.question, second.answer.answer) == ("2^100", "3^3", "27")
        if first.state == "cancelled":  # stopped before it was drawn: it must still say so
            assert "cancelled" in str(first.query_one(".result", Static).render())
        else:
            assert first.answer.answer == "1267650600228229401496703205376"


async def test_keys_and_enter_read_before_the_box_has_focus_send_the_question(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        app.screen.set_focus(None)  # as at start-up
        burst(app, "6*7\r")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        assert answers(app)[0].question == "6*7" and answers(app)[0].answer.answer == "42"
        assert app.screen.query_one("#input").text == ""


async def test_printable_keys_reaching_the_screen_go_to_the_question(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        app.screen.set_focus(None)  # as at start-up, before the question box has focus
        await pilot.press("4", "2")
        box = app.screen.query_one("#input")
        assert box.text == "42" and box.has_focus


async def test_a_failing_model_is_reported_not_fatal(tmp_path):
    class BrokenModel(SlowModel):
        def complete(self, prompt, **kwargs):
            raise RuntimeError("GPU on fire")
            yield  # pragma: no cover

    app = make_app(tmp_path, BrokenModel([]))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "Tom has 3 boxes of 12 apples and gives 5 away. How many are left?")
        await wait_for(pilot, lambda: answers(app)[0].state == "done")
        assert "GPU on fire" in str(answers(app)[0].query_one(".result", Static).render())
        assert app.is_running
        await ask(pilot, "/model " + str(tmp_path / "nothing.gguf"))
        await wait_for(pilot, lambda: any("nothing.gguf" in n for n in notes(app)))
        assert app.is_running


async def test_a_failed_model_switch_keeps_the_working_model_and_says_why(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        working = app.session
        await ask(pilot, "/model nonexistent")
        await wait_for(pilot, lambda: any("still using" in n for n in notes(app)))
        failure = next(n for n in notes(app) if "still using" in n)
        assert "no such model file" in failure and "nonexistent" in failure and "scripted" in failure
        assert app.session is working and app.session.status.state == "ready"
        assert "model scripted" in str(app.screen.query_one("#status").render())
        await ask(pilot, "Tom has 3 boxes of 12 apples and gives 5 away. How many are left?")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        assert answers(app)[0].answer.answer == "31" and answers(app)[0].answer.model == "scripted"


async def test_a_model_switch_takes_over_once_loaded_and_not_before(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        working = app.session
        gated = GatedModel(["<result>7</result>"])  # its load waits for the test
        app.switch_model(gated)  # what /model NAME does, given the model itself
        await pilot.pause(0.2)
        assert app.session is working, "the working model answers while the new one loads"
        gated.gate.set()
        await wait_for(pilot, lambda: app.session is not working)
        assert app.session.status.state == "ready" and app.chat_screen.session is app.session
        assert any("now using" in n for n in notes(app))


async def test_model_prose_keeps_rendered_math_and_prices_after_the_answer(tmp_path):
    chain = [r"Each box costs $5 and $10 buys two; apples: $3 \times 12$. " + CALC.format("3 * 12"),
             "<result>36</result>"]
    app = make_app(tmp_path, SlowModel(chain, delay=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "How many apples are in 3 boxes of 12?")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        prose = str(answers(app)[0].query_one(".thinking", Static).render())
        assert prose == "Each box costs $5 and $10 buys two; apples: 3 × 12."
        assert answers(app)[0].answer.answer == "36"


async def test_a_new_question_stops_the_running_answer(tmp_path):
    app = make_app(tmp_path, SlowModel(["think " * 200 + CALC.format("1 + 1"), "<result>2</result>"], delay=0.03))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "Think long about one and one?")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].tokens)
        await ask(pilot, "2+2")
        await wait_for(pilot, lambda: len(answers(app)) == 2 and answers(app)[1].answer is not None)
        assert answers(app)[0].state == "cancelled" and answers(app)[1].answer.answer == "4"
        await pilot.pause(0.3)
        assert not [w for w in app.chat_screen.workers if w.group == "answer" and w.is_running]


async def test_failed_steps_and_failed_checks_are_marked(tmp_path):
    chain = ['<gadget id="nope">1+1</gadget>', CALC.format("10 - 24"), "<result>-14</result>"]
    app = make_app(tmp_path, SlowModel(chain, delay=0))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        await ask(pilot, "How many birds are left on the tree?")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        view = answers(app)[0]
        failed, done = list(view.query(StepBlock))[:2]
        assert failed.title.startswith("✗ nope: 1+1") and failed.has_class("failed")
        assert "error  unknown_tool" in str(failed.body.render())
        assert done.title.startswith("✓ calculator: 10 - 24")
        checks = str(view.query_one(".checks", Static).render())
        assert "✗ plausible_count (a count cannot be -14)" in checks
        assert view.answer.verified is False and "✗ not verified: a check failed" in checks
