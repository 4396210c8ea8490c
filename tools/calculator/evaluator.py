"""Walks the parse tree and computes with exact numbers; floats appear only when forced or asked for."""
from __future__ import annotations

import math
from dataclasses import dataclass

import gmpy2
from gmpy2 import mpq, mpz

from ..base import ToolFailure
from ..parsing import CHAIN_OPS, BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq, fold_chain, to_text
from . import values as V
from .functions import ARITY, FUNCTIONS, arity, double_factorial, factorial, want_int
from .formatting import exact_text
from .gaussian import Gaussian
from .unit_powers import unit_base_power

NUMBERS = (V.MPZ, V.MPQ, V.MPFR, V.MPC, Gaussian, bool)  # what operators and functions take; not a Factorization or list
MAX_DIGITS_REQUEST = 100_000
COMPARE = {"=": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
           ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


@dataclass(frozen=True)
class Digits:
    """A value shown to a fixed number of digits: N(pi, 50) or decimals(1/7, 30)."""

    value: object
    text: str


class Evaluator:
    def __init__(self, precision_bits: int = 128):
        self.precision_bits = precision_bits
        self.decimal_input = False

    def evaluate(self, node: Node):
        with gmpy2.context(precision=self.precision_bits, allow_complex=False):
            if isinstance(node, Call) and node.func in ("N", "evalf", "decimals"):
                return self.digits(node)
            if isinstance(node, Call) and node.func == "fraction":
                return self.fraction(node)
            return self.value_of(node)

    # -- the walk ------------------------------------------------------------------------------
    def value_of(self, node: Node):
        """The value of one parsed node (a tree walk over the grammar's nodes; no text is ever evaluated)."""
        if isinstance(node, Num):
            if node.decimal:
                self.decimal_input = True
            return V.normal(mpq(node.value.numerator, node.value.denominator)) if not isinstance(
                node.value, int) else mpz(node.value)
        if isinstance(node, BinOp):
            return self.binop(node)
        if isinstance(node, Neg):
            return V.neg(self.operand(node.operand))
        if isinstance(node, Postfix):
            return self.postfix(node)
        if isinstance(node, Call):
            return self.call(node)
        if isinstance(node, Name):
            return self.constant(node.name)
        if isinstance(node, Relation):
            return self.relation(node)
        if isinstance(node, Seq):
            raise ToolFailure("unsupported", "the calculator computes one expression at a time, not a list")
        raise ToolFailure("unsupported", f"cannot evaluate {type(node).__name__}")

    def operand(self, node: Node):
        """The value of a node an operator or function works on: a number, not a factorization or a list."""
        value = self.value_of(node)
        if not isinstance(value, NUMBERS):
            shown = to_text(node)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise ToolFailure("domain", f"{shown} gives {_kind(value)}, not a number, so it cannot be "
                                        "computed with; ask for it on its own")
        return value

    def binop(self, node: BinOp):
        if _is_power_mod(node):
            return self.power_mod(node)
        if node.op in CHAIN_OPS:  # 1+2+...+n: a loop along the chain, not n nested calls
            return fold_chain(node, self.operand, self.apply, stop=_is_power_mod)
        if node.op == "^":
            return self.power(node)
        return self.apply(node.op, self.operand(node.left), self.operand(node.right))

    def power(self, node: BinOp):
        """a^b; a base of 0, 1 or -1 has a small value whatever the exponent, even one too large to build."""
        base = self.operand(node.left)
        try:
            exponent = self.operand(node.right)
        except ToolFailure as failure:
            if failure.error_type != "too_large" or not (V.is_rational(base) and base in (0, 1, -1)):
                raise
            return unit_base_power(base, node.right, self.operand, failure)
        return V.power(base, exponent)

    def apply(self, op: str, a, b):
        if op == "+":
            return V.add(a, b)
        if op == "-":
            return V.sub(a, b)
        if op == "*":
            return V.mul(a, b)
        if op == "/":
            return V.div(a, b)
        if op == "^":
            return V.power(a, b)
        if op == "mod":
            return FUNCTIONS["mod"](a, b)
        raise ToolFailure("unsupported", f"unknown operator {op}")

    def power_mod(self, node: BinOp):
        """a^k mod m on integers is modular exponentiation: 881170^499959518 mod 813653 never builds the power."""
        base, exponent = self.operand(node.left.left), self.operand(node.left.right)
        modulus = self.operand(node.right)
        if not (all(isinstance(v, V.MPZ) for v in (base, exponent, modulus)) and exponent >= 0 and modulus != 0):
            return FUNCTIONS["mod"](V.power(base, exponent), modulus)
        rest = gmpy2.powmod(base, exponent, abs(modulus))
        return rest + modulus if modulus < 0 and rest != 0 else rest  # the sign of the modulus, as `mod` gives

    def postfix(self, node: Postfix):
        value = self.operand(node.operand)
        if node.op == "!":
            return factorial(value)
        if node.op == "!!":
            return double_factorial(value)
        if node.op == "%":
            return V.div(value, mpz(100))
        raise ToolFailure("unsupported", "derivative marks (') need the symbolic tool")

    def constant(self, name: str):
        if name == "pi":
            return gmpy2.const_pi()
        if name in ("e", "E"):
            return gmpy2.exp(1)
        if name in ("i", "I", "j"):
            return Gaussian(mpq(0), mpq(1))
        if name in ("oo", "inf", "infinity"):
            raise ToolFailure("unsupported", "infinity needs the symbolic tool")
        if name in ("True", "true"):
            return True
        if name in ("False", "false"):
            return False
        raise ToolFailure(
            "unknown_name",
            f"unknown name {name!r}: the calculator works with numbers (use the symbolic tool for algebra)",
        )

    def call(self, node: Call):
        func = node.func
        if func in FUNCTIONS:
            if func in ARITY:
                arity(func, node.args, *ARITY[func])
            return FUNCTIONS[func](*[self.operand(arg) for arg in node.args])
        from .integers.functions import INTEGER_FUNCTIONS  # on first use: plain arithmetic does not load FLINT

        if func in INTEGER_FUNCTIONS:
            fn = INTEGER_FUNCTIONS[func]
            _check_arity(func, fn, len(node.args))
            return fn(*[self.operand(arg) for arg in node.args])
        if func in ("N", "evalf", "decimals", "fraction"):
            raise ToolFailure("unsupported", f"{func}(...) must be the whole expression")
        raise ToolFailure("unsupported", f"{func}() needs the symbolic tool")

    def relation(self, node: Relation):
        a, b = self.operand(node.left), self.operand(node.right)
        if node.op not in ("=", "!=") and any(isinstance(v, (Gaussian, V.MPC)) for v in (a, b)):
            raise ToolFailure("domain", "complex numbers cannot be ordered")
        return COMPARE[node.op](_comparable(a), _comparable(b))

    def fraction(self, node: Call) -> Digits:
        """fraction(0.125) = 1/8: a decimal read back as the exact rational it denotes."""
        arity("fraction", node.args, 1)
        value = self.value_of(node.args[0])
        if not V.is_rational(value):
            raise ToolFailure("domain", "only an exact (rational) value can be shown as a fraction")
        return Digits(value, exact_text(value))

    # -- fixed digits --------------------------------------------------------------------------
    def digits(self, node: Call) -> Digits:
        arity(node.func, node.args, 1, 2)
        count = want_int(self.value_of(node.args[1]), node.func, "a digit count") if len(node.args) == 2 else 15
        if not 1 <= count <= MAX_DIGITS_REQUEST:
            raise ToolFailure("too_large", f"digit count must be between 1 and {MAX_DIGITS_REQUEST:,}")
        places = node.func == "decimals"
        exact = self.value_of(node.args[0])
        if V.is_rational(exact):
            return Digits(exact, _rational_digits(mpq(exact), count, places))
        magnitude = _magnitude_digits(exact)
        bits = int((count + max(magnitude, 0) + 20) * math.log2(10)) + 64
        with gmpy2.context(precision=bits, allow_complex=False):
            self.decimal_input = False
            value = self.value_of(node.args[0])
        return Digits(value, _float_digits(value, count, places))


def _is_power_mod(node: BinOp) -> bool:
    return node.op == "mod" and isinstance(node.left, BinOp) and node.left.op == "^"


def _kind(value) -> str:
    from .integers.results import Factorization, IntList  # plain data classes; FLINT is not loaded

    return "a factorization" if isinstance(value, Factorization) else "a list" if isinstance(value, IntList) \
        else "a non-number"


def _check_arity(name: str, fn, count: int) -> None:
    """A wrong argument count is the user's mistake: a typed error, not a TypeError from deep inside."""
    import inspect

    try:
        inspect.signature(fn).bind(*range(count))
    except TypeError:
        params = inspect.signature(fn).parameters.values()
        shown = ", ".join(p.name + ("=..." if p.default is not p.empty else "") for p in params)
        raise ToolFailure("arity", f"{name} takes ({shown}), got {count} argument{'s' if count != 1 else ''}") from None


def _comparable(v):
    if isinstance(v, Gaussian):
        return (v.re, v.im)
    return v


def _magnitude_digits(v) -> int:
    if isinstance(v, Gaussian):
        v = v.to_mpc()
    if isinstance(v, V.MPC):
        v = abs(v)
    if isinstance(v, V.MPFR) and v != 0 and gmpy2.is_finite(v):
        return int(gmpy2.floor(gmpy2.log10(abs(v)))) + 1
    return 1


SCIENTIFIC_FROM = 21  # a value of 10^21 or more to N significant digits is written 1.4286e29, as approx() does


def _rational_digits(q, count: int, places: bool) -> str:
    """Exact decimal expansion of a rational, rounded half away from zero: `count` places after the point,
    or `count` significant digits (1000/3 to 2 digits is 330, never the 333 of its integer part)."""
    if places:
        return _fixed(q, count)
    if q == 0:
        return "0." + "0" * (count - 1) if count > 1 else "0"
    exponent = _decimal_exponent(abs(q))  # 10^exponent <= |q| < 10^(exponent + 1)
    whole = _round_half_away(abs(q) * _ten_power(count - 1 - exponent))
    if whole == mpz(10) ** count:  # 9.96 to 2 digits carries into a new leading digit
        exponent, whole = exponent + 1, whole // 10
    sign = "-" if q < 0 else ""
    if exponent >= SCIENTIFIC_FROM:
        digits = str(whole)
        mantissa = digits[0] + ("." + digits[1:] if count > 1 else "")
        return f"{sign}{mantissa}e{exponent}"
    if exponent >= count - 1:  # no digits after the point: the rounded integer, zeros in the unsure places
        return sign + str(whole * mpz(10) ** (exponent - count + 1))
    return _fixed(q, count - 1 - exponent)


def _fixed(q, count: int) -> str:
    """q to `count` places after the point, rounded half away from zero."""
    whole = _round_half_away(abs(q) * mpz(10) ** count)
    sign = "-" if q < 0 and whole != 0 else ""
    digits = str(whole).rjust(count + 1, "0")
    return sign + (digits[:-count] + "." + digits[-count:] if count else digits)


def _round_half_away(q) -> object:
    """The integer nearest to q >= 0, halves going up (away from zero)."""
    q = mpq(q)
    return gmpy2.f_div(2 * q.numerator + q.denominator, 2 * q.denominator)


def _ten_power(k: int):
    return mpq(mpz(10) ** k) if k >= 0 else mpq(1, mpz(10) ** -k)


def _decimal_exponent(q) -> int:
    """floor(log10(q)) for a rational q > 0, exactly (from digit counts, corrected by one comparison)."""
    q = mpq(q)
    guess = len(str(q.numerator)) - len(str(q.denominator))
    if q < _ten_power(guess):
        guess -= 1
    return guess


def _float_digits(v, count: int, places: bool) -> str:
    """A floating value to fixed digits: its binary value (exact as a rational, and computed with guard digits
    to spare) rounded by the same code as an exact rational, so both print alike."""
    if isinstance(v, Gaussian):
        v = v.to_mpc()
    if isinstance(v, V.MPC):
        re, im = _float_digits(v.real, count, places), _float_digits(abs(v.imag), count, places)
        return f"{re} {'-' if v.imag < 0 else '+'} {im}*I"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, V.MPFR) and gmpy2.is_finite(v):
        return _rational_digits(mpq(v), count, places)
    return str(v)
