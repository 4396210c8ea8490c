"""Typed parse errors: where the input went wrong and what was expected there."""
from __future__ import annotations


class ParseError(ValueError):
    def __init__(self, message: str, position: int, expected: str = "", text: str = ""):
        self.message = message
        self.position = position
        self.expected = expected
        self.text = text
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"at position {self.position + 1}"
        if self.text and len(self.text) <= 200:
            where += f" (after {self.text[: self.position]!r})" if self.position else ""
        hint = f"; expected {self.expected}" if self.expected else ""
        return f"{self.message} {where}{hint}"


class TooDeepError(ParseError):
    """Nesting beyond the parser's limit: refused before Python's own recursion limit is reached."""
