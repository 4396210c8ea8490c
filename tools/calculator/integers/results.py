"""Result types of integer functions that are not plain numbers (factorizations, digit strings, lists)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...digits import digits_of as _digits


@dataclass(frozen=True)
class Factorization:
    n: int
    factors: tuple[tuple[int, int], ...]  # (prime, exponent), ascending
    complete: bool = True
    cofactor: int = 1  # the unfactored part when incomplete
    note: str = ""

    def calcx_text(self) -> str:
        text = self.exact_text()
        if not self.complete:
            text += f" (partial: {_digits(self.cofactor)} is composite and was not factored; {self.note})"
        return text

    def exact_text(self) -> str:
        if self.n in (0, 1, -1) and not self.factors:
            return _digits(self.n)
        parts = [f"{_digits(p)}^{e}" if e > 1 else _digits(p) for p, e in self.factors]
        if not self.complete:
            parts.append(_digits(self.cofactor))
        sign = "-" if self.n < 0 else ""
        return sign + " * ".join(parts)

    def sympy_text(self) -> str:
        """A dict in SymPy's factorint form: {2: 3, 5: 1}."""
        return "{" + ", ".join(f"{p}: {e}" for p, e in self.factors) + "}"


@dataclass(frozen=True)
class Text:
    """A digit string in another base, e.g. to_base(255, 16) = ff."""

    text: str
    note: str = field(default="")

    def calcx_text(self) -> str:
        return self.text

    def exact_text(self) -> str:
        return self.text


@dataclass(frozen=True)
class IntList:
    items: tuple[int, ...]

    def calcx_text(self) -> str:
        return self.exact_text()

    def exact_text(self) -> str:
        return "[" + ", ".join(_digits(i) for i in self.items) + "]"


@dataclass(frozen=True)
class Primality:
    value: bool
    proven: bool

    def calcx_text(self) -> str:
        return str(self.value) if self.proven or not self.value else "True (probable prime: BPSW test)"

    def exact_text(self) -> str:
        return str(self.value)
