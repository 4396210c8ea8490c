"""Text from a model, a sandboxed program or a benchmark file is shown on a terminal only after this.

A terminal obeys escape sequences: an OSC 52 sequence writes the clipboard, others set the window title,
move the cursor over earlier output, or (on some terminals) answer back with input. Untrusted text can
carry them (a model's answer, `print("\\x1b]52;c;...")` in the sandbox), so every control character except
newline and tab is shown as a visible escape instead of being sent. The data itself (JSON, history) keeps
the original text; only what is painted is changed.
"""
from __future__ import annotations

import re

# C0 controls but \t and \n, DEL, the C1 range (a lone 0x9b is CSI on some terminals), and the bidi
# overrides that can make shown text read differently from what it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with every control character shown as a `\\xNN` / `\\uNNNN` escape."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
