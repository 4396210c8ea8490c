"""Numbers as people and datasets write them, read into exact Fractions with regexes. Never eval.

'1,234.5', '$12', '9 (apples)', '-3.5e-2', '5/2', '5/2 = around 2.5', '3:4' (a ratio), '12%', '\\frac{3}{4}'.
Enormous inputs are bounded: a mantissa of more than MAX_DIGITS digits or an exponent beyond
MAX_EXPONENT is refused (10^(10^9) would take the process's memory), and digits are read by
tools.digits, which has no int-string-length limit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tools.digits import decimal_fraction, int_from_digits

MAX_DIGITS = 1_000_000
MAX_EXPONENT = 10_000

_SIGN = r"[-+−–]?"
_MANTISSA = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+"
_DECIMAL = rf"(?P<sign>{_SIGN})\s*(?P<mant>{_MANTISSA})(?:[eE](?P<exp>[-+]?\d+))?"
_UNIT_TAIL = r"(?:\s*%)?(?:\s*[(\[]?\s*[A-Za-z][A-Za-z .'-]*[)\]]?)?"  # '12 apples', '9 (dollars)', '12%'
_WHOLE = re.compile(rf"^\s*\$?\s*{_DECIMAL}(?P<pct>\s*%)?{_UNIT_TAIL}\s*$")
_RATIO = re.compile(rf"^\s*(?P<a>{_SIGN}\d+)\s*(?P<op>[/:])\s*(?P<b>\d+){_UNIT_TAIL}\s*$")
_LATEX_FRAC = re.compile(r"^\s*(?P<sign>-?)\s*\\[dt]?frac\s*\{\s*(?P<a>-?\d+)\s*\}\s*\{\s*(?P<b>\d+)\s*\}\s*$")
_ANY = re.compile(rf"(?<![\w.]){_DECIMAL}(?![\w])")


@dataclass(frozen=True)
class Number:
    value: Fraction
    decimal: bool  # written with a fractional decimal part: possibly rounded, compared with tolerance


class TooLarge(ValueError):
    """A number beyond the reader's bounds: graded as unreadable, never computed."""


def read_number(text: str | None) -> Number | None:
    """The whole text read as one number (units and currency allowed), or None."""
    if text is None:
        return None
    text = _clean(str(text))
    if not text:
        return None
    for pattern in (_LATEX_FRAC, _RATIO):
        m = pattern.match(text)
        if m:
            return _ratio(m)
    m = _WHOLE.match(text)
    if not m:
        return None
    try:
        number = _decimal(m.group("sign"), m.group("mant"), m.group("exp"))
    except TooLarge:
        return None
    if m.group("pct"):
        number = Number(number.value / 100, number.decimal)
    return number


def last_number(text: str | None) -> Number | None:
    """The last plain number anywhere in free text: the usual reading of a model's prose answer."""
    if not text:
        return None
    matches = list(_ANY.finditer(_clean(str(text))))
    for m in reversed(matches):
        try:
            return _decimal(m.group("sign"), m.group("mant"), m.group("exp"))
        except TooLarge:
            continue
    return None


def _clean(text: str) -> str:
    text = text.split(" = ")[0]  # Calc-X '5/2 = around 2.5': the exact form comes first
    text = text.replace("\\$", "$").replace("\\%", "%").replace("\\!", "").replace("{,}", ",")
    return text.strip().rstrip(".").strip()


def _ratio(m: re.Match) -> Number | None:
    a, b = m.group("a").replace("−", "-").replace("–", "-"), m.group("b")
    if len(a) > MAX_DIGITS or len(b) > MAX_DIGITS:
        return None
    den = int_from_digits(b)
    if den == 0:
        return None
    num = int_from_digits(a.lstrip("+"))
    if m.groupdict().get("sign") == "-":
        num = -num
    return Number(Fraction(num, den), False)


def _decimal(sign: str, mantissa: str, exponent: str | None) -> Number:
    digits = mantissa.replace(",", "")
    whole, _, frac = digits.partition(".")
    if len(whole) + len(frac) > MAX_DIGITS:
        raise TooLarge(f"more than {MAX_DIGITS} digits")
    exp = int(exponent) if exponent else 0
    if abs(exp) > MAX_EXPONENT:
        raise TooLarge(f"exponent beyond {MAX_EXPONENT}")
    value = decimal_fraction(whole, frac) * Fraction(10) ** exp
    if sign in ("-", "−", "–"):
        value = -value
    return Number(value, bool(frac.strip("0")) or exp < 0)
