"""User settings from $XDG_CONFIG_HOME/calx/config.toml; a wrong value is reported and its default kept."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

# Actions a user may rebind under [keys]; the names are the binding ids the app declares.
KEY_ACTIONS = ("send", "newline", "cancel", "help", "history", "sidebar", "new_chat", "quit", "latex", "copy",
               "more_digits")


@dataclass
class Config:
    theme: str = "textual-dark"
    model: str | None = None  # a GGUF path or model name, as `calx -m`
    server: str | None = None  # an OpenAI-compatible server URL, as `calx --server`
    digits: int = 30  # digits for "more digits" (doubled on each further request)
    tool_timeout: float = 10.0
    show_timings: bool = True
    keys: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("calx")) / "config.toml"


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The config and a list of problems found (each one shown to the user as a notification)."""
    path = path or config_path()
    config, problems = Config(), []
    if not path.is_file():
        return config, problems
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        return config, [f"{path}: not read ({exc}); using defaults"]
    types = {"theme": str, "model": str, "server": str, "digits": int, "tool_timeout": (int, float),
             "show_timings": bool, "keys": dict}
    known = {f.name for f in fields(Config)}
    for key, value in data.items():
        if key not in known:
            problems.append(f"{path}: unknown setting {key!r} ignored")
        elif not isinstance(value, types[key]) or (isinstance(value, bool) and key != "show_timings"):
            problems.append(f"{path}: {key} should be {_type_name(types[key])}, not {value!r}; using the default")
        else:
            setattr(config, key, value)
    if config.digits < 1 or config.digits > 100_000:
        problems.append(f"{path}: digits must be between 1 and 100000; using 30")
        config.digits = 30
    config.keys, key_problems = _check_keys(config.keys, path)
    return config, problems + key_problems


def _check_keys(keys: dict, path: Path) -> tuple[dict[str, str], list[str]]:
    good, problems = {}, []
    for action, key in keys.items():
        if action not in KEY_ACTIONS:
            problems.append(f"{path}: [keys] {action!r} is not an action ({', '.join(KEY_ACTIONS)})")
        elif not isinstance(key, str) or not key:
            problems.append(f"{path}: [keys] {action} should be a key name such as \"ctrl+j\"")
        else:
            good[action] = key
    return good, problems


def _type_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({str: "a string", int: "an integer", float: "a number", bool: "true or false",
                        dict: "a table"}[k] for k in kinds)
