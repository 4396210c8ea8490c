"""Differential tests: random expressions through the calculator vs CPython ints/Fractions and mpmath."""
from fractions import Fraction

import mpmath
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tools.calculator import calculate

small = st.integers(min_value=-10**30, max_value=10**30)
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}


def expression(depth: int):
    """(text, exact Fraction value) pairs built alongside each other."""
    leaf = small.map(lambda n: (f"({n})", Fraction(n)))
    if depth == 0:
        return leaf
    sub = expression(depth - 1)

    def combine(parts):
        (lt, lv), op, (rt, rv) = parts
        if op == "/":
            if rv == 0:
                return (lt, lv)
            return (f"({lt} / {rt})", lv / rv)
        return (f"({lt} {op} {rt})", OPS[op](lv, rv))

    return st.one_of(leaf, st.tuples(sub, st.sampled_from(["+", "-", "*", "/"]), sub).map(combine))


def as_fraction(value) -> Fraction:
    return Fraction(int(value.numerator), int(value.denominator))


@settings(max_examples=300, deadline=None)
@given(expression(3))
def test_rational_arithmetic_matches_fractions(case):
    text, expected = case
    assert as_fraction(calculate(text).value) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(-10**6, 10**6), st.integers(0, 200))
def test_integer_powers_match_python(base, exponent):
    assert int(calculate(f"({base})^{exponent}").value) == base**exponent


@settings(max_examples=200, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(1, 10**6) | st.integers(-10**6, -1))
def test_mod_matches_python_floor_semantics(a, m):
    assert int(calculate(f"({a}) mod ({m})").value) == a % m


@settings(max_examples=200, deadline=None)
@given(st.fractions(min_value=Fraction(1, 10**6), max_value=Fraction(10**6)))
@example(Fraction(58230138330769, 79250000))
def test_float_functions_match_mpmath(x):
    text = f"{x.numerator}/{x.denominator}"
    reference = {"sqrt": mpmath.sqrt, "log": mpmath.log, "exp": mpmath.exp, "sin": mpmath.sin, "atan": mpmath.atan}
    # the reference works at 60 digits: at 30, x = 58230138330769/79250000 (about 734,774) is rounded by 1e-30
    # relative, which moves sin(x) in its 24th digit, and the reference, not the calculator, was wrong
    with mpmath.workdps(60):
        for name, fn in reference.items():
            if name == "exp" and x > 1000:
                continue
            value = calculate(f"N({name}({text}), 25)").value
            expected = fn(mpmath.mpf(x.numerator) / x.denominator)
            assert abs(mpmath.mpf(str(value)) - expected) <= abs(expected) * mpmath.mpf(10) ** -24 + mpmath.mpf(10) ** -28


@settings(max_examples=100, deadline=None)
@given(st.fractions(max_denominator=10**6).filter(lambda q: abs(q) < 10**9), st.integers(1, 40))
def test_fixed_decimals_match_exact_rounding(q, places):
    text = calculate(f"decimals({q.numerator}/{q.denominator}, {places})").output
    scaled = abs(q) * 10**places
    whole = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)  # half away from zero
    sign = "-" if q < 0 and whole else ""
    digits = str(whole).rjust(places + 1, "0")
    assert text == f"{sign}{digits[:-places]}.{digits[-places:]}"
