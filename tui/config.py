"""User settings from $XDG_CONFIG_HOME/calx/config.toml.

A setting that is wrong (a bad type, an unknown name, a key that is no key) is reported and its default
kept; a file that cannot be used at all (not TOML, a directory, unreadable, huge) gives all defaults and
one message saying why. Loading never raises: a config mistake must not keep calx from starting.
"""
from __future__ import annotations

import math
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

# Actions a user may rebind under [keys]; the names are the binding ids the app declares.
KEY_ACTIONS = ("send", "newline", "cancel", "help", "history", "sidebar", "new_chat", "quit", "latex", "copy",
               "more_digits", "details", "scroll_up", "scroll_down", "scroll_top", "scroll_bottom")
MAX_BYTES = 256 * 1024  # a config is a few lines; parsing megabytes would only delay the start
MAX_PROBLEMS = 8  # one notification each; a file full of mistakes gets a summary line, not a flood
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


@dataclass
class Config:
    theme: str = "textual-dark"
    model: str | None = None  # a GGUF path or model name, as `calx -m`
    server: str | None = None  # an OpenAI-compatible server URL, as `calx --server`
    digits: int = 30  # digits for "more digits" (doubled on each further request)
    tool_timeout: float = 10.0
    show_timings: bool = True
    adapter: bool = True  # the planner adapter with the embedded model (docs/MODEL.md); false: the model alone
    keys: dict[str, str] = field(default_factory=dict)


TYPES = {"theme": str, "model": str, "server": str, "digits": int, "tool_timeout": (int, float),
         "show_timings": bool, "adapter": bool, "keys": dict}


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("calx")) / "config.toml"


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The config and a list of problems found (each one shown to the user as a notification)."""
    path = path or config_path()
    try:
        data = _read(path)
    except _Unusable as exc:
        return Config(), [f"{path}: not read ({exc}); using the defaults"]
    if data is None:
        return Config(), []
    config, problems = Config(), []
    for key, value in data.items():
        if key not in TYPES:
            problems.append(f"{path}: unknown setting {_show(key)} ignored (settings: {', '.join(TYPES)})")
            continue
        problem = _type_problem(key, value) or _value_problem(key, value)
        if problem:
            problems.append(f"{path}: {key} {problem}; using the default, {_show(getattr(config, key))}")
        else:
            setattr(config, key, value)
    config.keys, key_problems = _check_keys(config.keys, path)
    return config, _summarised(problems + key_problems, path)


class _Unusable(Exception):
    """The file as a whole cannot be used; the message says why."""


def _read(path: Path) -> dict | None:
    """The parsed file, None when there is none (defaults, silently), or _Unusable."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise _Unusable("it is a link to a file that does not exist") from None
        return None
    except OSError as exc:
        raise _Unusable(f"it cannot be read: {exc.strerror}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise _Unusable("it is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _Unusable("it is not a regular file")  # a FIFO or device would block or never end
    if info.st_size > MAX_BYTES:
        raise _Unusable(f"it is {info.st_size // 1024} KiB, too large for a config (at most {MAX_BYTES // 1024} KiB)")
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _Unusable(f"it cannot be read: {exc.strerror}") from exc
    if len(raw) > MAX_BYTES:
        raise _Unusable(f"it is too large for a config (over {MAX_BYTES // 1024} KiB)")
    try:
        text = raw.decode("utf-8-sig")  # tolerate the byte-order mark some editors write
    except UnicodeDecodeError as exc:
        raise _Unusable(f"it is not UTF-8 text: byte {exc.start}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _Unusable(f"it is not valid TOML: {exc}") from exc
    except RecursionError:
        raise _Unusable("its TOML is nested too deeply") from None


def _type_problem(key: str, value) -> str | None:
    kind = TYPES[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):  # TOML true is no number
        return f"should be {_type_name(kind)}, not {_show(value)}"
    return None


def _value_problem(key: str, value) -> str | None:
    if key == "digits" and not 1 <= value <= 100_000:
        return f"must be between 1 and 100000, not {value}"
    if key == "tool_timeout" and not (math.isfinite(value) and 0 < value <= 3600):
        return f"must be a number of seconds above 0 and at most 3600, not {value}"
    if key in ("model", "server", "theme") and not value.strip():
        return "is empty"
    return None


def _check_keys(keys: dict, path: Path) -> tuple[dict[str, str], list[str]]:
    good, problems = {}, []
    for action, key in keys.items():
        if action not in KEY_ACTIONS:
            problems.append(f"{path}: [keys] {_show(action)} is not an action ({', '.join(KEY_ACTIONS)})")
        elif not isinstance(key, str):
            problems.append(f"{path}: [keys] {action} should be a key name such as \"ctrl+j\", not {_show(key)}; "
                            "keeping its default key")
        elif problem := key_problem(key):
            problems.append(f"{path}: [keys] {action} = {_show(key)}: {problem}; keeping its default key")
        else:
            good[action] = key
    return good, problems


def key_problem(keys: str) -> str | None:
    """Why a binding string such as "ctrl+j" or "f2,ctrl+h" names no key Textual can deliver, or None."""
    for key in keys.split(","):
        key = key.strip()
        if not key:
            return "an empty key name"
        *mods, base = key.split("+") if len(key) > 1 else [key]
        unknown = [m for m in mods if m not in MODIFIERS]
        if unknown:
            return f"{_show(unknown[0])} is not a modifier ({', '.join(MODIFIERS)})"
        if not _is_key(base):
            lower = f"; key names are lower case: {_show(key.lower())}" if _is_key(base.lower()) else ""
            return f"{_show(base)} is not a key name{lower}"
        if len(base) == 1 and mods and base != base.lower():
            return f"key names are lower case: {_show(key.lower())}"
        if not mods and _types_text(base):
            return f"{_show(key)} is a key you type in questions; add a modifier such as ctrl+"
    return None


def _is_key(name: str) -> bool:
    from textual.keys import REPLACED_KEYS, Keys, key_to_character

    if len(name) == 1:
        return name.isprintable()
    named = {k.value for k in Keys if "+" not in k.value and not k.value.startswith("<")}
    character = key_to_character(REPLACED_KEYS.get(name, name))  # "plus", "question_mark", ...
    return name in named or (character is not None and character.isascii())  # not "banana": no key sends 🍌


def _types_text(name: str) -> bool:
    from textual.keys import REPLACED_KEYS, key_to_character

    character = name if len(name) == 1 else key_to_character(REPLACED_KEYS.get(name, name))
    return character is not None and character.isprintable()


def _summarised(problems: list[str], path: Path) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - (MAX_PROBLEMS - 1)
    return problems[:MAX_PROBLEMS - 1] + [f"{path}: {rest} more problems; those settings keep their defaults"]


def _show(value) -> str:
    """A value as the user wrote it, cut short: a notification must stay a line or two."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _type_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({str: "a string", int: "an integer", float: "a number", bool: "true or false",
                        dict: "a table"}[k] for k in kinds)
