"""Config from $XDG_CONFIG_HOME/calx/config.toml: good values used, wrong ones reported with defaults kept."""
from pathlib import Path

from tui.app import build_app
from tui.config import Config, config_path, load_config
from tui.screens.help import HelpScreen

from tui_testkit import notes


def write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_config_lives_under_xdg_config_home(tmp_path):
    assert config_path() == tmp_path / "xdg_config_home" / "calx" / "config.toml"


def test_good_values_are_used():
    write('theme = "nord"\ndigits = 60\nshow_timings = false\n[keys]\nhelp = "f2"\n')
    config, problems = load_config()
    assert problems == []
    assert (config.theme, config.digits, config.show_timings, config.keys) == ("nord", 60, False, {"help": "f2"})


def test_wrong_types_are_reported_and_defaults_kept():
    write('digits = "many"\nshow_timings = "yes"\ntool_timeout = true\ncolour = 3\n[keys]\nfly = "f9"\n')
    config, problems = load_config()
    assert config == Config()
    joined = "\n".join(problems)
    for needle in ("digits should be an integer", "show_timings should be true or false", "tool_timeout",
                   "unknown setting 'colour'", "'fly' is not an action"):
        assert needle in joined


def test_broken_toml_falls_back_to_defaults():
    write("theme = \n")
    config, problems = load_config()
    assert config == Config() and "not read" in problems[0]


async def test_app_shows_config_problems_and_applies_the_key_map(tmp_path):
    write('digits = "many"\ntheme = "no-such-theme"\n[keys]\nhelp = "f2"\n')
    app = build_app(no_model=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        joined = "\n".join(notes(app))
        assert "digits should be an integer" in joined and "unknown theme 'no-such-theme'" in joined
        await pilot.press("f2")
        assert isinstance(app.screen, HelpScreen)
        assert ("f2", "Help") in app.key_bindings()


def test_every_bindable_action_is_a_binding_id():
    from tui.app import CalxApp
    from tui.screens.chat import ChatScreen
    from tui.widgets.chat_input import ChatInput

    from tui.config import KEY_ACTIONS

    ids = {b.id for b in [*CalxApp.BINDINGS, *ChatScreen.BINDINGS, *ChatInput.BINDINGS]}
    assert ids == set(KEY_ACTIONS)


async def test_the_send_key_can_be_remapped(tmp_path):
    write('[keys]\nsend = "ctrl+s"\n')
    app = build_app(no_model=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert app.screen.query_one("#input").text == "\n", "with send moved, Enter is a newline"
        app.screen.query_one("#input").text = ""
        await pilot.press("2", "+", "2", "ctrl+s")
        from tui.widgets.answer_view import AnswerView

        await pilot.pause(0.3)
        views = list(app.screen.query(AnswerView))
        assert views and views[0].answer is not None and views[0].answer.answer == "4"
