"""LaTeX inside model text, turned into Unicode where that reads well and left raw where it would not.

Math is found with pandoc's rules for `$`: an opening `$` has a non-space right after it, a closing
`$` has a non-space right before it and no digit right after it, and a span never holds another `$`.
So "$5 and $10" stays prose while "$x^2$" is math. `$$…$$`, `\\[…\\]` and `\\(…\\)` are always math.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

GREEK = {name: chr(code) for name, code in (
    ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5), ("varepsilon", 0x3B5),
    ("zeta", 0x3B6), ("eta", 0x3B7), ("theta", 0x3B8), ("iota", 0x3B9), ("kappa", 0x3BA), ("lambda", 0x3BB),
    ("mu", 0x3BC), ("nu", 0x3BD), ("xi", 0x3BE), ("pi", 0x3C0), ("rho", 0x3C1), ("sigma", 0x3C3), ("tau", 0x3C4),
    ("upsilon", 0x3C5), ("phi", 0x3C6), ("varphi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9),
    ("Gamma", 0x393), ("Delta", 0x394), ("Theta", 0x398), ("Lambda", 0x39B), ("Xi", 0x39E), ("Pi", 0x3A0),
    ("Sigma", 0x3A3), ("Phi", 0x3A6), ("Psi", 0x3A8), ("Omega", 0x3A9))}
SYMBOLS = GREEK | {
    "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "ne": "≠", "neq": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "infty": "∞", "partial": "∂", "nabla": "∇",
    "int": "∫", "iint": "∬", "oint": "∮", "sum": "∑", "prod": "∏", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "Rightarrow": "⇒", "implies": "⇒", "iff": "⇔", "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂",
    "subseteq": "⊆", "cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀", "exists": "∃", "neg": "¬",
    "land": "∧", "lor": "∨", "circ": "∘", "degree": "°", "ldots": "…", "cdots": "⋯", "dots": "…", "mid": "∣",
    "angle": "∠", "perp": "⊥", "parallel": "∥", "{": "{", "}": "}", "%": "%", "$": "$", "#": "#", "&": "&",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "|": "‖",
}
FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
             "log", "ln", "exp", "lim", "max", "min", "det", "gcd", "deg", "sup", "inf", "arg"}
SPACES = {",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": "  ", "qquad": "    "}
TEXT_COMMANDS = {"text", "mathrm", "mathit", "mathbf", "textbf", "textit", "operatorname", "mathsf", "boldsymbol"}
BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}
IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "displaystyle", "limits"}
SUPERSCRIPT = dict(zip("0123456789+-=()nixyabk", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱˣʸᵃᵇᵏ"))
SUBSCRIPT = dict(zip("0123456789+-=()aeijkmnoxt", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₓₜ"))


class Unconvertible(Exception):
    """The LaTeX uses something we cannot show faithfully in plain Unicode; it stays raw."""


@dataclass(frozen=True)
class Span:
    text: str  # prose, or the LaTeX source without its delimiters
    math: bool = False
    display: bool = False
    raw: str = ""  # the span as written, delimiters included


def render_text(text: str) -> str:
    """Prose with every convertible math span replaced by its Unicode form."""
    out = []
    for span in split_math(text):
        if not span.math:
            out.append(span.text)
            continue
        shown = latex_to_unicode(span.text)
        out.append(span.raw if shown is None else shown)
    return "".join(out)


def split_math(text: str) -> list[Span]:
    spans: list[Span] = []
    prose_start = i = 0
    while i < len(text):
        found = _math_at(text, i)
        if found is None:
            i += 2 if text.startswith("\\$", i) else 1  # an escaped dollar is never a delimiter
            continue
        end, span = found
        if i > prose_start:
            spans.append(Span(text[prose_start:i]))
        spans.append(span)
        prose_start = i = end
    if prose_start < len(text):
        spans.append(Span(text[prose_start:]))
    return spans


def _math_at(text: str, i: int) -> tuple[int, Span] | None:
    for opener, closer, display in (("$$", "$$", True), ("\\[", "\\]", True), ("\\(", "\\)", False)):
        if text.startswith(opener, i):
            end = text.find(closer, i + len(opener))
            if end < 0:
                return None
            body = text[i + len(opener):end]
            return end + len(closer), Span(body, True, display, text[i:end + len(closer)])
    if text[i] != "$" or i + 1 >= len(text) or text[i + 1].isspace():
        return None
    end = _next_dollar(text, i + 1)
    if end < 0 or text[end - 1].isspace() or (end + 1 < len(text) and text[end + 1].isdigit()):
        return None  # "$5 and $10": the next dollar cannot close, so this one did not open
    return end + 1, Span(text[i + 1:end], True, False, text[i:end + 1])


def _next_dollar(text: str, start: int) -> int:
    j = start
    while j < len(text):
        if text.startswith("\\$", j):
            j += 2
        elif text[j] == "$":
            return j
        else:
            j += 1
    return -1


def latex_to_unicode(source: str) -> str | None:
    """Unicode for a LaTeX math fragment, or None when it has parts we cannot show faithfully."""
    try:
        shown, end = _convert(source, 0, closing=None)
    except (Unconvertible, IndexError):
        return None
    return re.sub(r"[ \t]+", " ", shown).strip()


def _convert(s: str, i: int, closing: str | None) -> tuple[str, int]:
    out: list[str] = []
    while i < len(s):
        c = s[i]
        if closing is not None and c == closing:
            return "".join(out), i + 1
        if c == "\\":
            piece, i = _command(s, i + 1)
            out.append(piece)
        elif c in "^_":
            arg, i = _argument(s, i + 1)
            out.append(_script(arg, SUPERSCRIPT if c == "^" else SUBSCRIPT, c))
        elif c == "{":
            piece, i = _convert(s, i + 1, "}")
            out.append(piece)
        elif c in "}&":
            raise Unconvertible(c)  # unbalanced brace or an alignment/matrix cell
        else:
            out.append(c)
            i += 1
    if closing is not None:
        raise Unconvertible("unclosed group")
    return "".join(out), i


def _command(s: str, i: int) -> tuple[str, int]:
    match = re.match(r"[A-Za-z]+|.", s[i:], re.S)
    name = match.group(0)
    i += len(name)
    if name in SPACES:
        return SPACES[name], i
    if name in SYMBOLS:
        return SYMBOLS[name], i
    if name in FUNCTIONS:
        return name, i
    if name in IGNORED:
        if name in ("left", "right") and s[i:i + 1] == ".":
            i += 1  # \left. is an invisible delimiter
        return "", i
    if name in ("frac", "dfrac", "tfrac"):
        top, i = _argument(s, i)
        bottom, i = _argument(s, i)
        return f"{_wrap(top)}/{_wrap(bottom)}", i
    if name == "sqrt":
        index = ""
        if s[i:i + 1] == "[":
            end = s.index("]", i)
            index, i = _script(s[i + 1:end], SUPERSCRIPT, "^"), end + 1
        body, i = _argument(s, i)
        return f"{index}√{_wrap(body)}", i
    if name in TEXT_COMMANDS:
        body, i = _argument(s, i)
        return body, i
    if name == "mathbb":
        body, i = _argument(s, i)
        if body not in BLACKBOARD:
            raise Unconvertible(name)
        return BLACKBOARD[body], i
    raise Unconvertible(name)


def _argument(s: str, i: int) -> tuple[str, int]:
    while i < len(s) and s[i] == " ":
        i += 1
    if s[i] == "{":
        return _convert(s, i + 1, "}")
    if s[i] == "\\":
        return _command(s, i + 1)
    return s[i], i + 1


def _script(arg: str, table: dict[str, str], mark: str) -> str:
    arg = arg.strip()
    if arg and all(ch in table for ch in arg):
        return "".join(table[ch] for ch in arg)
    return f"{mark}{_wrap(arg)}"


def _wrap(part: str) -> str:
    part = part.strip()
    simple = len(part) == 1 or re.fullmatch(r"[\w.·√⁰¹²³⁴⁵⁶⁷⁸⁹]+|\(.*\)", part) is not None
    return part if simple else f"({part})"
