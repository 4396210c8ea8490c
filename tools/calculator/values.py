"""The calculator's number tower: exact (mpz, mpq, Gaussian) first, floating (mpfr, mpc) only when forced."""
from __future__ import annotations

import math

import gmpy2
from gmpy2 import mpc, mpfr, mpq, mpz

from ..base import ToolFailure
from .gaussian import Gaussian
from .limits import check_bits

MPZ, MPQ, MPFR, MPC = type(mpz(0)), type(mpq(0)), type(mpfr(0)), type(mpc(0))


def is_exact(v) -> bool:
    return isinstance(v, (MPZ, MPQ, Gaussian))


def is_rational(v) -> bool:
    return isinstance(v, (MPZ, MPQ))


def is_integer(v) -> bool:
    return isinstance(v, MPZ)


def normal(v):
    """Rationals with denominator 1 become integers; Gaussians with no imaginary part become rationals."""
    if isinstance(v, MPQ):
        return v.numerator if v.denominator == 1 else v
    if isinstance(v, Gaussian):
        return v.simplify()
    if isinstance(v, MPC) and v.imag == 0:
        return v.real
    return v


def to_float(v):
    """The floating counterpart of any value, at the context's precision."""
    if isinstance(v, (MPFR, MPC)):
        return v
    if isinstance(v, Gaussian):
        return v.to_mpc()
    if isinstance(v, bool):
        return mpfr(int(v))
    return mpfr(v)


def add(a, b):
    return _arith(a, b, lambda x, y: x + y, "add")


def sub(a, b):
    return _arith(a, b, lambda x, y: x - y, "subtract")


def mul(a, b):
    if is_rational(a) and is_rational(b):
        check_bits("the product", _bits(a) + _bits(b))
    return _arith(a, b, lambda x, y: x * y, "multiply")


def div(a, b):
    if (is_exact(b) and _is_zero(b)) or (not is_exact(b) and b == 0):
        raise ToolFailure("math", "division by zero")
    if is_rational(a) and is_rational(b):
        return normal(mpq(a) / mpq(b))
    return _arith(a, b, lambda x, y: x / y, "divide")


def _arith(a, b, op, verb):
    if isinstance(a, bool) or isinstance(b, bool):
        raise ToolFailure("type", f"cannot {verb} a truth value")
    if is_rational(a) and is_rational(b):
        return normal(op(a, b))
    if is_exact(a) and is_exact(b):
        return normal(op(Gaussian.of(a), Gaussian.of(b)))
    return normal(op(to_float(a), to_float(b)))


def _is_zero(v) -> bool:
    return (v.re == 0 and v.im == 0) if isinstance(v, Gaussian) else v == 0


def _bits(v) -> int:
    if isinstance(v, MPQ):
        return max(gmpy2.bit_length(v.numerator), gmpy2.bit_length(v.denominator))
    return gmpy2.bit_length(v)


def _log2(v) -> float:
    """log2 of the larger of |numerator| and denominator: the size in bits of a power's result, per unit exponent."""
    q = mpq(v)
    biggest = max(abs(q.numerator), q.denominator)
    if biggest < 2**1000:
        return math.log2(int(biggest))
    return float(gmpy2.bit_length(mpz(biggest)))


def neg(a):
    if isinstance(a, bool):
        raise ToolFailure("type", "cannot negate a truth value")
    return -a


def power(a, b):
    if isinstance(b, MPZ):
        return _integer_power(a, b)
    if isinstance(b, MPQ) and is_rational(a):
        exact = _exact_rational_power(a, b)
        if exact is not None:
            return exact
    base, exponent = to_float(a), to_float(b)
    if isinstance(base, MPFR) and base < 0 and isinstance(exponent, MPFR):
        base = mpc(base)  # (-8)^(1/3): the principal complex root, as SymPy gives
    if base == 0 and (isinstance(exponent, MPFR) and exponent < 0):
        raise ToolFailure("math", "zero to a negative power")
    return _finite(normal(base ** exponent))


def _integer_power(a, n):
    if is_rational(a) and a in (0, 1, -1):
        if a == 0 and n < 0:
            raise ToolFailure("math", "zero to a negative power")
        return mpz(1) if a == -1 and n % 2 == 0 else (mpz(1) if n == 0 else a)
    if is_rational(a):
        check_bits("the power", _log2(a) * abs(int(n)) if abs(n) < 2**62 else float("inf"))
        return normal(mpq(a) ** int(n)) if n < 0 else normal(a ** int(n))
    if isinstance(a, Gaussian):
        size = max(_bits(a.re), _bits(a.im)) + 1
        check_bits("the power", size * abs(int(n)) if abs(n) < 2**62 else float("inf"))
        return normal(a.power(int(n)))
    if abs(n) > 2**62:
        raise ToolFailure("too_large", "exponent too large for a floating-point power")
    return _finite(normal(a ** int(n)))


def _exact_rational_power(a, b):
    """a^(p/q) exactly when a's numerator and denominator are perfect q-th powers (8^(2/3) = 4)."""
    p, q = int(b.numerator), int(b.denominator)
    if a < 0 or q > 10_000:
        return None
    a = mpq(a)
    num_root, num_exact = gmpy2.iroot(mpz(a.numerator), q)
    den_root, den_exact = gmpy2.iroot(mpz(a.denominator), q)
    if not (num_exact and den_exact):
        return None
    return _integer_power(normal(mpq(num_root, den_root)), mpz(p))


def _finite(v):
    parts = (v.real, v.imag) if isinstance(v, MPC) else (v,)
    for part in parts:
        if isinstance(part, MPFR) and gmpy2.is_infinite(part):
            raise ToolFailure("math", "the result overflows floating point")
        if isinstance(part, MPFR) and gmpy2.is_nan(part):
            raise ToolFailure("math", "the result is undefined")
    return v
