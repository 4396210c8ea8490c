"""Slash commands, the palette, help, LaTeX toggle, more digits, copy/save/export, plots and history in the app."""
from __future__ import annotations


from textual.widgets import OptionList, Static

from tui.history import HistoryStore
from tui.screens.help import HelpScreen
from tui.screens.history import HistoryScreen
from tui.widgets.plot_view import PlotView

from tui_testkit import answers, ask, make_app, notes, plain, wait_for


async def answered(pilot, question: str, count: int | None = None):
    app = pilot.app
    before = len(answers(app)) if count is None else count - 1
    await ask(pilot, question)
    await wait_for(pilot, lambda: len(answers(app)) > before and answers(app)[-1].answer is not None)
    return answers(app)[-1]


async def test_latex_toggle_shows_raw_latex_and_copy_copies_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await answered(pilot, "10/4")
        latex = view.query_one(".latex", Static)
        assert not latex.display
        await pilot.press("ctrl+l")
        assert latex.display and "\\frac{5}{2}" in str(latex.render())
        await ask(pilot, "/copy")
        copied = (tmp_path / "data" / "last-copy.txt").read_text()
        assert copied.strip() == "\\frac{5}{2}" and app.clipboard == "\\frac{5}{2}"
        await pilot.press("ctrl+l")
        await ask(pilot, "/copy")
        assert app.clipboard == "5/2"


async def test_more_digits_and_digits_command(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await answered(pilot, "1/7")
        assert view.answer.decimal == "0.142857"
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: view.extra_digits is not None)
        assert view.extra_digits.startswith("0.142857142857142857142857142857") and len(view.extra_digits) == 32
        assert f"≈ {view.extra_digits}" in str(view.query_one(".result", Static).render())
        await ask(pilot, "/digits 50")
        await wait_for(pilot, lambda: len(view.extra_digits) == 52)
        await ask(pilot, "/digits lots")
        assert any("/digits takes a number" in n for n in notes(app))


async def test_save_export_clear_regen_and_unknown(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await answered(pilot, "factor 2^64+1")
        await ask(pilot, "/save answer.txt")
        assert (tmp_path / "answer.txt").read_text().strip() == "274177 * 67280421310721"
        await ask(pilot, "/export chat.md")
        markdown = (tmp_path / "chat.md").read_text()
        assert "## factor 2^64+1" in markdown and "274177 * 67280421310721" in markdown and "- ✓" in markdown
        await ask(pilot, "/regen")
        await wait_for(pilot, lambda: len(answers(app)) == 2 and answers(app)[1].answer is not None)
        assert answers(app)[1].question == "factor 2^64+1"
        await ask(pilot, "/clear")
        await pilot.pause()
        assert answers(app) == [] and app.chat_screen.chat_id is None
        await ask(pilot, "/frobnicate")
        assert any("unknown command /frobnicate" in n for n in notes(app))
        await ask(pilot, "/model")
        assert any("model: scripted" in n for n in notes(app))


async def test_help_screen_lists_keys_and_commands(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(plain(s) for s in app.screen.query(Static))
        for needle in ("/regen", "/export", "escape", "ctrl+j", "Cancel answer"):
            assert needle in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await ask(pilot, "/help")
        assert isinstance(app.screen, HelpScreen)


async def test_exit_command_quits(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        await ask(pilot, "/exit")
        await pilot.pause(0.1)
        assert not app.is_running


async def test_palette_runs_commands_and_lists_past_chats(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await answered(pilot, "2^10")
        await pilot.press("ctrl+p")
        await pilot.press(*"/clear")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not answers(app))
        from tui.palette import CalxCommands

        titles = [title for title, _, _ in CalxCommands(app.screen)._entries()]
        assert "Open chat: 2^10" in titles and "/export" in titles


async def test_plot_draws_in_the_terminal_and_saves_a_png(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ask(pilot, "plot sin(x) from -pi to pi")
        await wait_for(pilot, lambda: app.screen.query(PlotView))
        plot = app.screen.query_one(PlotView)
        assert len(plot.data.xs) == 161 and abs(plot.data.ys[80]) < 1e-9 and abs(max(plot.data.ys) - 1) < 1e-3
        await ask(pilot, "/save sine.png")
        png = (tmp_path / "sine.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and int.from_bytes(png[16:20], "big") == 800
        await ask(pilot, "plot x from 3 to 1")
        await wait_for(pilot, lambda: any("range must go upwards" in n for n in notes(app)))


async def test_history_survives_the_app_and_reopens(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await answered(pilot, "2^100")
        await answered(pilot, "10/4")
    app.history.close()
    store = HistoryStore(tmp_path / "history.db")
    assert [c.title for c in store.chats()] == ["2^100"]
    app2 = make_app(tmp_path)
    async with app2.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app2.screen, HistoryScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(answers(app2)) == 2 and all(v.answer for v in answers(app2)))
        assert [v.answer.answer for v in answers(app2)] == ["1267650600228229401496703205376", "5/2"]
        assert "= 5/2" in str(answers(app2)[1].query_one(".result", Static).render())
        await answered(pilot, "3+4")
    assert [m.text for m in store.messages(store.chats()[0].id) if m.role == "user"] == ["2^100", "10/4", "3+4"]


async def test_multiline_pretty_forms_stand_alone_and_huge_answers_are_shortened(tmp_path):
    integral = "⌠\n⎮  2\n⎮ x  dx\n⌡"
    store = HistoryStore(tmp_path / "history.db")
    chat = store.new_chat("integral")
    store.add(chat, "user", "integrate x^2")
    store.add(chat, "assistant", "x**3/3", {"question": "integrate x^2", "answer": "x**3/3", "pretty": " 3\nx \n──\n3 ",
                                            "latex": "\\frac{x^{3}}{3}", "route": "direct", "checks": [
                                                {"name": "derivative matches", "passed": True, "detail": integral}]})
    store.close()
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        app.chat_screen.open_chat(chat)
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        shown = str(answers(app)[0].query_one(".result", Static).render())
        assert " 3\nx \n──\n3 " in shown and "= " not in shown, "a 2-D form is not squeezed onto an '=' line"
        view = await answered(pilot, "2^100000")
        shown = str(view.query_one(".result", Static).render())
        assert "characters omitted" in shown and len(shown) < 21_000
        await ask(pilot, "/copy")
        assert len(app.clipboard) == 30103, "copy has every digit"


async def test_actions_apply_to_the_focused_answer(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        first = await answered(pilot, "1/3")
        second = await answered(pilot, "2^10")
        first.focus()
        await pilot.press("ctrl+l")
        assert first.show_latex and not second.show_latex


async def test_a_corrupt_history_is_reported_in_the_app(tmp_path):
    from tui.app import build_app
    from tui.history import history_path

    path = history_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not sqlite at all" * 64)
    app = build_app(no_model=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        assert any("could not be read" in n and ".corrupt-" in n for n in notes(app))
        assert list(path.parent.glob("history.db.corrupt-*"))[0].read_bytes() == b"not sqlite at all" * 64


async def test_sidebar_lists_past_chats_and_reopens_one(tmp_path):
    store = HistoryStore(tmp_path / "history.db")
    for title, answer in (("2^10", "1024"), ("3*3", "9")):
        chat = store.new_chat(title)
        store.add(chat, "user", title)
        store.add(chat, "assistant", answer, {"question": title, "answer": answer, "route": "direct"})
    store.close()
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+b")
        sidebar = app.screen.query_one("#sidebar")
        options = sidebar.query_one(OptionList)
        assert sidebar.display and [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == ["3*3", "2^10"]
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: answers(app) and answers(app)[0].answer is not None)
        assert answers(app)[0].answer.answer == "1024" and app.chat_screen.chat_id == 1
        await pilot.press("ctrl+b")
        assert not sidebar.display


async def test_unverified_answers_say_so_in_the_view_and_the_export(tmp_path):
    app = make_app(tmp_path)  # the scripted model answers the word problem with 31; a plan is never verified
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session.status.state == "ready")
        planned = await answered(pilot, "Tom has 3 boxes of 12 apples and gives 5 away. How many are left?")
        direct = await answered(pilot, "2^100")
        assert planned.answer.verified is None and direct.answer.verified is True
        planned_checks = plain(planned.query_one(".checks", Static))
        assert "✓" in planned_checks, "its checks passed, and still:"
        assert "? not verified: the model chose which computations to run" in planned_checks
        assert "not verified" not in plain(direct.query_one(".checks", Static))
        await ask(pilot, "/export chat.md")
        markdown = (tmp_path / "chat.md").read_text()
        planned_part, direct_part = markdown.split("## 2^100")
        assert "- **? not verified: the model chose which computations to run**" in planned_part
        assert "not verified" not in direct_part


def test_the_export_marks_an_answer_a_check_refuted():
    from tui.export import chat_markdown
    from tui.history import StoredMessage

    record = {"answer": "-14", "route": "planner", "verified": False,
              "checks": [{"name": "plausible_count", "passed": False, "detail": "a count cannot be -14"}]}
    markdown = chat_markdown("birds", [StoredMessage("user", "How many birds?", None),
                                       StoredMessage("assistant", "-14", record)])
    assert "- ✗ plausible_count (a count cannot be -14)\n- **✗ not verified: a check failed**" in markdown


async def test_a_pretty_form_too_wide_for_the_terminal_falls_back_to_one_line(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await answered(pilot, "expand((x+1)^12)")  # SymPy draws it 80 columns wide, on 4 lines
        result = view.query_one(".result", Static)
        assert max(len(line) for line in view.answer.pretty.split("\n")) == 80
        understood = f"{view.answer.understood}\n"
        assert plain(result) == f"{understood}{view.answer.pretty}\n"  # 94 columns wide: it fits
        await pilot.resize_terminal(80, 30)  # 74 columns: it does not
        await wait_for(pilot, lambda: "⋅" not in plain(result))
        shown = plain(result)
        assert shown.startswith(understood)
        one_line = shown.removeprefix(understood)  # wrapped by the terminal at spaces, where it must
        assert one_line.replace("\n", "").replace(" ", "") == f"= {view.answer.answer}".replace(" ", "")
        assert result.content_size.width < 80
        await pilot.resize_terminal(120, 30)
        await wait_for(pilot, lambda: "12⋅x" in plain(result))


async def test_keys_open_the_steps_and_scroll_the_chat(tmp_path):
    from textual.widgets import Collapsible

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        for n in range(6):
            view = await answered(pilot, f"{n}+1")
        box = app.screen.query_one("#input")
        assert box.has_focus
        steps = list(view.query(Collapsible))
        assert steps and all(step.collapsed for step in steps)
        await pilot.press("ctrl+r")
        assert not any(step.collapsed for step in steps)
        await pilot.pause(0.1)
        assert "output 6" in plain(view.query_one(".step-body", Static))
        await pilot.press("ctrl+r")
        assert all(step.collapsed for step in steps)

        messages = app.screen.query_one("#messages")
        await pilot.pause(0.2)
        bottom = messages.max_scroll_y
        assert bottom > 0 and messages.scroll_y == bottom
        box.insert("1+")
        await pilot.press("pageup")
        await pilot.pause(0.1)
        assert 0 <= messages.scroll_y < bottom and box.text == "1+" and box.has_focus
        await pilot.press("ctrl+home")
        await pilot.pause(0.1)
        assert messages.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause(0.1)
        assert messages.scroll_y > 0
        await pilot.press("ctrl+end")
        await pilot.pause(0.1)
        assert messages.scroll_y == messages.max_scroll_y
        await pilot.press("ctrl+b")  # the history sidebar's list keeps PageUp for itself
        assert app.screen.focused is app.screen.query_one(OptionList)
        await pilot.press("pageup")
        await pilot.pause(0.1)
        assert messages.scroll_y == messages.max_scroll_y


async def test_the_new_keys_are_in_the_help_and_the_status_line_and_follow_the_key_map(tmp_path):
    from tui.config import Config

    app = make_app(tmp_path, config=Config(show_timings=False, keys={"details": "f2"}))
    async with app.run_test(size=(160, 30)) as pilot:
        status = str(app.screen.query_one("#status").render())
        assert "F2 steps" in status and "PgUp/PgDn scroll" in status
        view = await answered(pilot, "2^10")
        await pilot.press("f2")
        assert not view.query_one("Collapsible").collapsed
        await pilot.press("f1")
        text = " ".join(plain(s) for s in app.screen.query(Static))
        for needle in ("f2", "Open/close steps", "pageup", "Scroll chat up", "pagedown", "ctrl+home", "ctrl+end"):
            assert needle in text


async def test_clear_starts_the_next_chat_with_a_fresh_python_session(tmp_path):
    app = make_app(tmp_path)
    session = app.session.assistant  # the chat's own python gadget, as its chains use it
    assert session.run_tool("python", "secret = 41", timeout=60).ok
    assert session.run_tool("python", "secret + 1", timeout=60).output == "42"
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, "/clear")
        await pilot.pause()
    after = session.run_tool("python", "secret", timeout=60)
    assert not after.ok and "NameError" in after.output