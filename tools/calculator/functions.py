"""What each function name means to the calculator. Exact where the answer is exact, MPFR otherwise."""
from __future__ import annotations

import math
from typing import Callable

import gmpy2
from gmpy2 import mpfr, mpq, mpz

from ..base import ToolFailure
from .limits import binomial_bits, check_bits, factorial_bits, short
from .values import MPC, MPFR, MPQ, MPZ, div, is_exact, is_integer, is_rational, neg, normal, power, to_float
from .gaussian import Gaussian
from .statistics import STATISTICS


def want_int(v, fname: str, what: str = "an integer") -> int:
    if is_integer(v) or (isinstance(v, int) and not isinstance(v, bool)):
        return int(v)
    if isinstance(v, MPFR) and gmpy2.is_integer(v) and abs(v) < 2**53:
        return int(v)
    raise ToolFailure("domain", f"{fname} needs {what}, got {_show(v)}")


def _show(v) -> str:
    text = str(v)
    return text if len(text) < 40 else text[:37] + "..."


def arity(fname: str, args, *counts: int) -> None:
    if len(args) not in counts:
        wanted = " or ".join(str(c) for c in counts)
        raise ToolFailure("arity", f"{fname} takes {wanted} argument{'s' if counts != (1,) else ''}, got {len(args)}")


def factorial(n) -> mpz:
    n = want_int(n, "factorial", "a non-negative integer")
    if n < 0:
        raise ToolFailure("domain", "factorial needs a non-negative integer")
    check_bits(f"factorial({short(n)})", factorial_bits(n))
    return gmpy2.fac(n)


def double_factorial(n) -> mpz:
    n = want_int(n, "double factorial", "a non-negative integer")
    if n < 0:
        raise ToolFailure("domain", "double factorial needs a non-negative integer")
    check_bits(f"{short(n)}!!", factorial_bits(n) / 2 + 1)
    return gmpy2.double_fac(n)


def binomial(n, k) -> mpz:
    n, k = want_int(n, "binomial"), want_int(k, "binomial")
    if 0 <= k <= n:
        check_bits(f"binomial({short(n)}, {short(k)})", binomial_bits(n, k))
    elif n >= 0:
        return mpz(0)
    return gmpy2.comb(n, k) if n >= 0 else _negative_binomial(n, k)


def _negative_binomial(n: int, k: int) -> mpz:
    if k < 0:
        return mpz(0)
    check_bits(f"binomial({short(n)}, {short(k)})", binomial_bits(k - n - 1, k))
    return (-1) ** k * gmpy2.comb(k - n - 1, k)


def sqrt(x):
    return root(x, mpz(2))


def cbrt(x):
    """The real cube root: cbrt(-8) = -2."""
    if is_rational(x) and x < 0:
        return -root(-x, mpz(3))
    if isinstance(x, MPFR) and x < 0:
        return -gmpy2.cbrt(-x)
    return root(x, mpz(3))


def root(x, n):
    n = want_int(n, "root", "a positive integer degree")
    if n <= 0:
        raise ToolFailure("domain", "root needs a positive integer degree")
    if is_rational(x) and x < 0 and n == 2:
        return normal(Gaussian(mpq(0), mpq(1))) if x == -1 else _imaginary(root(-x, mpz(2)))
    if (is_rational(x) or isinstance(x, MPFR)) and x < 0 and n % 2 == 1:
        return neg(root(-x, n))  # the real root, as cbrt gives: root(-8, 3) = -2, not the principal 1 + 1.73i
    return power(x, normal(mpq(1, n)))


def _imaginary(v):
    if is_rational(v):
        return Gaussian(mpq(0), mpq(v))
    return gmpy2.mpc(0, to_float(v))


def log(x, base=None):
    if base is not None:
        exact = _exact_log(x, base)
        if exact is not None:
            return exact
        return div(log(x), log(base))
    if is_rational(x) and x == 1:
        return mpz(0)
    if (is_rational(x) or isinstance(x, MPFR)) and x <= 0:
        if x == 0:
            raise ToolFailure("math", "log(0) is undefined")
        return gmpy2.log(gmpy2.mpc(to_float(x)))
    return gmpy2.log(to_float(x))


def _exact_log(x, base):
    """log(8, 2) = 3 and log(1/100, 10) = -2 exactly; log(8, 1/2) = -3 and log(4/9, 2/3) = 2 too."""
    if is_rational(base) and not is_integer(base) and is_rational(x) and x > 0 and base > 0:
        return _exact_rational_log(mpq(x), mpq(base))
    if not (is_integer(base) and base > 1 and is_rational(x) and x > 0):
        return None
    x = mpq(x)
    target, sign = (x.numerator, 1) if x.denominator == 1 else (x.denominator, -1)
    if x.numerator != 1 and x.denominator != 1:
        return None
    k = gmpy2.bit_length(mpz(target)) // max(1, gmpy2.bit_length(mpz(base)) - 1) + 1
    lo = 0
    value = mpz(1)
    while value < target and lo <= k:
        value *= base
        lo += 1
    return mpz(sign * lo) if value == target else None


def _exact_rational_log(x, base):
    """The integer k with base^k = x for a rational base other than 1, if there is one: k is the nearest integer
    to the float quotient of the logarithms, confirmed (or not) by exact powering."""
    if base == 1:
        return None
    estimate = (math.log(int(x.numerator)) - math.log(int(x.denominator))) / (
        math.log(int(base.numerator)) - math.log(int(base.denominator)))
    k = round(estimate)
    if abs(k) > 100_000 or abs(estimate - k) > 1e-6:
        return None
    return mpz(k) if base ** k == x else None


def exp(x):
    if is_rational(x) and x == 0:
        return mpz(1)
    return gmpy2.exp(to_float(x))


def _float_fn(name: str, exact_zero=None):
    fn = getattr(gmpy2, name)

    def apply(x):
        if exact_zero is not None and is_rational(x) and x == 0:
            return mpz(exact_zero)
        return fn(to_float(x))

    return apply


def _reciprocal(name: str):
    fn = getattr(gmpy2, name)

    def apply(x):
        value = fn(to_float(x))
        if value == 0:
            raise ToolFailure("math", f"{name} is undefined here")
        return 1 / value

    return apply


def rounding(mode: str):
    def apply(x, digits=None):
        if digits is not None:
            places = want_int(digits, "round", "a whole number of places")
            scale = mpz(10) ** abs(places)
            scaled = x * scale if places >= 0 else div(x, scale)
            whole = rounding(mode)(scaled)
            return normal(mpq(whole, scale)) if places >= 0 else whole * scale
        if is_rational(x):
            q = mpq(x)
            if mode == "floor":
                return gmpy2.f_div(q.numerator, q.denominator)
            if mode == "ceil":
                return gmpy2.c_div(q.numerator, q.denominator)
            if mode == "trunc":
                return gmpy2.t_div(q.numerator, q.denominator)
            # round half away from zero, as people round by hand
            sign = -1 if q < 0 else 1
            return sign * gmpy2.f_div(2 * abs(q.numerator) + q.denominator, 2 * q.denominator)
        if isinstance(x, MPFR):
            fn = {"floor": gmpy2.floor, "ceil": gmpy2.ceil, "trunc": gmpy2.trunc, "round": gmpy2.round_away}[mode]
            return mpz(fn(x)) if gmpy2.is_finite(x) else x
        raise ToolFailure("domain", f"{mode} needs a real number")
    return apply


def absolute(x):
    if isinstance(x, Gaussian):
        return sqrt(x.re * x.re + x.im * x.im)
    return abs(x)


def gcd(*args):
    if not args:
        raise ToolFailure("arity", "gcd needs at least one argument")
    if all(is_rational(a) for a in args) and not all(is_integer(a) for a in args):
        # gcd of rationals: gcd of numerators over lcm of denominators, as SymPy defines it
        qs = [mpq(a) for a in args]
        return normal(mpq(gmpy2.gcd(*[q.numerator for q in qs]), gmpy2.lcm(*[q.denominator for q in qs])))
    return gmpy2.gcd(*[want_int(a, "gcd") for a in args])


def lcm(*args):
    if not args:
        raise ToolFailure("arity", "lcm needs at least one argument")
    return gmpy2.lcm(*[want_int(a, "lcm") for a in args])


def modulo(a, m):
    if is_rational(a) and is_rational(m):
        if m == 0:
            raise ToolFailure("math", "modulo by zero")
        return normal(mpq(a) - mpq(m) * gmpy2.f_div(mpq(a).numerator * mpq(m).denominator,
                                                     mpq(a).denominator * mpq(m).numerator))
    a, m = to_float(a), to_float(m)
    if isinstance(a, MPC) or isinstance(m, MPC):
        raise ToolFailure("domain", "modulo needs real numbers")
    if m == 0:
        raise ToolFailure("math", "modulo by zero")
    return a - m * gmpy2.floor(a / m)


def extreme(pick):
    def apply(*args):
        if not args:
            raise ToolFailure("arity", "max and min need at least one argument")
        if any(isinstance(a, (MPC, Gaussian)) for a in args):
            raise ToolFailure("domain", "max and min need real numbers")
        return pick(args)
    return apply


def real_part(x):
    return normal(x.re) if isinstance(x, Gaussian) else (x.real if isinstance(x, MPC) else x)


def imag_part(x):
    return normal(x.im) if isinstance(x, Gaussian) else (x.imag if isinstance(x, MPC) else mpz(0))


def conjugate(x):
    if isinstance(x, Gaussian):
        return Gaussian(x.re, -x.im)
    return x.conjugate() if isinstance(x, MPC) else x


def argument(x):
    if is_rational(x):
        return mpz(0) if x >= 0 else gmpy2.const_pi()
    return gmpy2.phase(gmpy2.mpc(to_float(x))) if not isinstance(x, MPFR) else (
        mpfr(0) if x >= 0 else gmpy2.const_pi())


def sign(x):
    if isinstance(x, (Gaussian, MPC)):
        return div(x, absolute(x))
    return mpz((x > 0) - (x < 0))


def atan2(y, x):
    return gmpy2.atan2(to_float(y), to_float(x))


FUNCTIONS: dict[str, Callable] = {
    "sqrt": sqrt, "cbrt": cbrt, "root": root, "abs": absolute, "Abs": absolute,
    "floor": rounding("floor"), "ceil": rounding("ceil"), "round": rounding("round"), "trunc": rounding("trunc"),
    "sign": sign, "mod": modulo, "gcd": gcd, "lcm": lcm, "binomial": binomial, "factorial": factorial,
    "double_factorial": double_factorial,
    "log": log, "log10": lambda x: log(x, mpz(10)), "log2": lambda x: log(x, mpz(2)), "exp": exp,
    "sin": _float_fn("sin", 0), "cos": _float_fn("cos", 1), "tan": _float_fn("tan", 0),
    "sec": _reciprocal("cos"), "csc": _reciprocal("sin"), "cot": _reciprocal("tan"),
    "asin": _float_fn("asin", 0), "acos": _float_fn("acos"), "atan": _float_fn("atan", 0), "atan2": atan2,
    "sinh": _float_fn("sinh", 0), "cosh": _float_fn("cosh", 1), "tanh": _float_fn("tanh", 0),
    "asinh": _float_fn("asinh", 0), "acosh": _float_fn("acosh"), "atanh": _float_fn("atanh", 0),
    "sech": _reciprocal("cosh"), "csch": _reciprocal("sinh"), "coth": _reciprocal("tanh"),
    "max": extreme(max), "min": extreme(min), "re": real_part, "im": imag_part, "conj": conjugate,
    "arg": argument, "gamma": lambda x: gmpy2.gamma(to_float(x)), "erf": lambda x: gmpy2.erf(to_float(x)),
    "zeta": lambda x: gmpy2.zeta(to_float(x)),
    **STATISTICS,
}

# fixed argument counts, checked before calling (variadic ones are absent)
ARITY: dict[str, tuple[int, ...]] = {name: (1,) for name in FUNCTIONS}
ARITY.update({"root": (2,), "log": (1, 2), "round": (1, 2), "floor": (1, 2), "ceil": (1, 2), "trunc": (1, 2),
              "mod": (2,), "binomial": (2,), "atan2": (2,)})
for _variadic in ("gcd", "lcm", "max", "min", *STATISTICS):
    ARITY.pop(_variadic)

__all__ = ["FUNCTIONS", "ARITY", "arity", "want_int", "factorial", "double_factorial", "is_exact", "MPQ", "MPZ",
           "math"]
