"""Turns text into tokens, reading numbers and operators the way people and models write them."""
from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from ..digits import decimal_fraction
from .errors import ParseError

MAX_INPUT = 101_000  # as tools.base.MAX_INPUT_CHARS

# Symbols people paste from documents, mapped to the ASCII the grammar reads.
TRANSLATE = {
    "×": "*", "⋅": "*", "·": "*", "∗": "*", "✕": "*", "÷": "/", "∕": "/", "−": "-", "–": "-", "—": "-",
    "π": " pi ", "∞": " oo ", "√": " sqrt ", "∛": " cbrt ", "≤": "<=", "≥": ">=", "≠": "!=",
    "（": "(", "）": ")", "，": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                "⁸": "8", "⁹": "9", "⁻": "-"}

TWO_CHAR_OPS = {"**": "^", "<=": "<=", ">=": ">=", "!=": "!=", "==": "=", "=>": "=>", "->": "->"}
ONE_CHAR_OPS = set("+-*/^!%'()[]{},|=<>;:~")
OPENERS, CLOSERS = "([{", ")]}"


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    pos: int
    value: int | Fraction | None = None
    decimal: bool = False
    space_before: bool = False
    newline_before: bool = False  # a line break precedes the token: never read as implicit multiplication


def normalize(text: str) -> str:
    """Map look-alike Unicode to ASCII; superscript digits become ^(n). Keeps positions close to the input."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in SUPERSCRIPTS:
            j = i
            while j < len(text) and text[j] in SUPERSCRIPTS:
                j += 1
            out.append("^(" + "".join(SUPERSCRIPTS[c] for c in text[i:j]) + ")")
            i = j
            continue
        out.append(TRANSLATE.get(ch, ch))
        i += 1
    return "".join(out)


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_INPUT:
        raise ParseError(f"input is {len(text):,} characters; the limit is {MAX_INPUT:,}", 0)
    src = normalize(text)
    return list(_Lexer(src).tokens())


class _Lexer:
    def __init__(self, src: str):
        self.src = src
        self.i = 0
        self.depth = 0  # bracket depth: thousands commas are read only at depth 0

    def tokens(self):
        src = self.src
        while True:
            space = newline = False
            while self.i < len(src) and src[self.i].isspace():
                newline = newline or src[self.i] in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
                self.i += 1
                space = True
            if self.i >= len(src):
                yield Token("end", "", self.i, space_before=space)
                return
            ch = src[self.i]
            if ch.isdigit() or (ch == "." and self.i + 1 < len(src) and src[self.i + 1].isdigit()):
                token = self._number(space)
            elif ch.isalpha() or ch == "_" or ch == "\\":
                token = self._name(space)
            else:
                token = self._operator(space)
            yield dataclasses.replace(token, newline_before=True) if newline else token

    def _operator(self, space: bool) -> Token:
        src, start = self.src, self.i
        two = src[start:start + 2]
        if two in TWO_CHAR_OPS:
            self.i += 2
            return Token("op", TWO_CHAR_OPS[two], start, space_before=space)
        ch = src[start]
        if ch not in ONE_CHAR_OPS:
            raise ParseError(f"unexpected character {ch!r}", start, "a number, a name or an operator", src)
        self.i += 1
        if ch in OPENERS:
            self.depth += 1
        elif ch in CLOSERS:
            self.depth -= 1
        return Token("op", ch, start, space_before=space)

    def _name(self, space: bool) -> Token:
        src, start = self.src, self.i
        self.i += 1
        while self.i < len(src) and (src[self.i].isalnum() or src[self.i] == "_"):
            self.i += 1
        text = unicodedata.normalize("NFKC", src[start:self.i])
        if text == "\\":
            raise ParseError("a backslash must start a LaTeX command", start, "a command name", src)
        return Token("name", text, start, space_before=space)

    def _number(self, space: bool) -> Token:
        src, start = self.src, self.i
        if src.startswith(("0x", "0X", "0b", "0B", "0o", "0O"), start) and self._based_literal_follows():
            return self._based(space)
        digits = self._digit_run(allow_empty=src[start] == ".")
        digits += self._thousands_groups(digits)
        frac = ""
        decimal = False
        if self.i < len(src) and src[self.i] == "." and not src.startswith("..", self.i):
            decimal = True
            self.i += 1
            frac = self._digit_run(allow_empty=True)
        exponent = self._exponent()
        if exponent is not None:
            decimal = True
        text = src[start:self.i]
        value = decimal_fraction(digits, frac)
        if exponent is not None:
            if abs(exponent) > 10_000:
                raise ParseError(f"exponent {exponent} is too large (limit 10000)", start, "", src)
            value *= Fraction(10) ** exponent
        if not decimal:
            value = int(value)
        return Token("num", text, start, value, decimal, space)

    def _digit_run(self, allow_empty: bool = False) -> str:
        src, start = self.src, self.i
        while self.i < len(src) and (src[self.i].isdigit() or (
                src[self.i] == "_" and self.i + 1 < len(src) and src[self.i + 1].isdigit()
                and self.i > start)):
            self.i += 1
        run = src[start:self.i].replace("_", "")
        if not run and not allow_empty:
            raise ParseError("expected digits", start, "a digit", src)
        return "".join(str(unicodedata.digit(c)) for c in run)

    def _thousands_groups(self, head: str) -> str:
        """`1,234,567` is one number when every group after a comma has exactly three digits."""
        src = self.src
        if self.depth != 0 or not 1 <= len(head) <= 3:
            return ""
        groups = ""
        while (self.i + 4 <= len(src) and src[self.i] == "," and src[self.i + 1:self.i + 4].isdigit()
               and not (self.i + 4 < len(src) and src[self.i + 4].isdigit())):
            groups += src[self.i + 1:self.i + 4]
            self.i += 4
        return groups

    def _exponent(self) -> int | None:
        src, i = self.src, self.i
        if i < len(src) and src[i] in "eE":
            j = i + 1
            if j < len(src) and src[j] in "+-":
                j += 1
            k = j
            while k < len(src) and src[k].isdigit():
                k += 1
            if k > j and not (k < len(src) and (src[k].isalpha() or src[k] == "_")):
                self.i = k
                return int(src[i + 1:k])
        return None

    def _based_literal_follows(self) -> bool:
        base = {"x": 16, "b": 2, "o": 8}[self.src[self.i + 1].lower()]
        j = self.i + 2
        return j < len(self.src) and _digit_value(self.src[j]) < base

    def _based(self, space: bool) -> Token:
        src, start = self.src, self.i
        base = {"x": 16, "b": 2, "o": 8}[src[start + 1].lower()]
        self.i += 2
        while self.i < len(src) and (_digit_value(src[self.i]) < base or src[self.i] == "_"):
            self.i += 1
        if self.i < len(src) and (src[self.i].isalnum()):
            raise ParseError(f"{src[self.i]!r} is not a base-{base} digit", self.i, f"a base-{base} digit", src)
        text = src[start:self.i]
        digits = text[2:].replace("_", "")
        if len(digits) > 4000:
            raise ParseError(f"base-{base} literal has {len(digits):,} digits; the limit is 4,000", start, "", src)
        return Token("num", text, start, int(digits, base), False, space)



def _digit_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if "a" <= ch.lower() <= "z":
        return ord(ch.lower()) - ord("a") + 10
    return 99
