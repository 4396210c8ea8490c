"""Comparing symbolic answers by mathematical equivalence, not by string (helpers and their own tests).

Test-only helper. The answers and expected values parsed here are our own output and literals
written in this test suite (trusted text), so SymPy's parse_expr is acceptable here; it is never
used on user or model text in calx itself (DESIGN rule 1).
"""
from __future__ import annotations

import random

import sympy as sp
from sympy.parsing.sympy_parser import parse_expr

SYMBOLS = {name: sp.Symbol(name) for name in "abcdhkmnpqrstuvwxyz"}
LOCALS = {**SYMBOLS, "E": sp.E, "I": sp.I, "pi": sp.pi,
          "oo": sp.oo, "Matrix": sp.Matrix, "Interval": sp.Interval, "Union": sp.Union, "Eq": sp.Eq,
          "O": sp.O, "lambda_": sp.Symbol("lambda")}
for k in range(1, 5):
    LOCALS[f"C{k}"] = sp.Symbol(f"C{k}")


def read(text: str, functions: bool = False):
    """Our own answer text -> SymPy (checks that it really is SymPy-parsable). ODE answers read y as y(x)."""
    names = dict(LOCALS)
    if functions:
        names.update(y=sp.Function("y"), f=sp.Function("f"))
    return parse_expr(text, local_dict=names, evaluate=True)


def same_value(a, b) -> bool:
    a, b = sp.sympify(a), sp.sympify(b)
    if a == b:
        return True
    try:
        if sp.simplify(a - b) == 0:
            return True
    except Exception:
        pass
    return _sampled_equal(a - b)


def _sampled_equal(diff) -> bool:
    free = sorted(diff.free_symbols, key=str)
    rng = random.Random(3)
    decided = 0
    for _ in range(8):
        point = {s: sp.Rational(rng.randint(200, 1900), 1000) for s in free}
        v = sp.N(diff.subs(point), 30)
        if not v.is_number or v.has(sp.nan, sp.zoo):
            continue
        if abs(complex(v)) > 1e-12:
            return False
        decided += 1
    return decided > 0


def equivalent(kind: str, answer: str, expected: str, context: dict | None = None) -> bool:
    context = context or {}
    if kind == "text":  # written for people (intervals, eigenvalues in words): compared as written
        return answer == expected
    functions = kind == "ode" or "y(" in expected
    got = read(answer, functions=functions)
    if kind == "expr" and isinstance(got, sp.Eq):
        want = read(expected, functions=True)
        return same_value(got.lhs - got.rhs, want.lhs - want.rhs)
    if kind == "expr":
        return same_value(got, read(expected))
    if kind == "anti":  # antiderivatives agree up to a constant: their difference has derivative 0
        var = SYMBOLS[context.get("var", "x")]
        return same_value(sp.diff(got - read(expected), var), 0)
    if kind == "set":
        want = read(expected)
        got_items, want_items = list(_items(got)), list(_items(want))
        return len(got_items) == len(want_items) and all(
            any(same_value(g, w) for g in got_items) for w in want_items)
    if kind == "dict":
        want = read(expected)
        return isinstance(got, dict) and set(map(str, got)) == set(map(str, want)) and all(
            same_value(got[k], want[k]) for k in want)
    if kind == "dicts":  # several solutions of a system, each a dict, in any order
        want = read(expected)
        return len(got) == len(want) and all(any(
            set(map(str, g)) == set(map(str, w)) and all(same_value(g[k], w[k]) for k in w) for g in got) for w in want)
    if kind == "matrix":  # calx writes a matrix as its rows in brackets: [[1, 2], [3, 4]]
        got, want = sp.Matrix(got), sp.Matrix(read(expected))
        return got.shape == want.shape and all(same_value(a, b) for a, b in zip(got, want))
    if kind == "series":
        want = read(expected)
        return same_value(got.removeO(), want.removeO()) and got.getO() == want.getO()
    if kind == "ode":  # the answer satisfies the ODE and has the expected number of constants
        ode = read(context["ode"], functions=True)
        func = read(context.get("func", "y(x)"), functions=True)
        ok = sp.checkodesol(ode, got, func)[0]
        constants = {s for s in got.free_symbols if s.name.startswith("C")}
        return ok and len(constants) == int(expected)
    if kind == "set_expr":  # a set or interval compared as sets
        return sp.simplify(got.symmetric_difference(read(expected))) == sp.EmptySet
    if kind == "text":
        return answer == expected
    raise ValueError(kind)


def _items(value):
    if isinstance(value, (set, frozenset, list, tuple, sp.FiniteSet)):
        return list(value)
    if isinstance(value, dict):
        return list(value)
    return [value]


# the comparison itself must tell different answers apart, or every test using it is hollow
def test_equivalence_rejects_wrong_answers():
    assert equivalent("expr", "(x + 1)**2", "x**2 + 2*x + 1")
    assert not equivalent("expr", "(x + 1)**2", "x**2 + 1")
    assert equivalent("anti", "x**2/2 + 7", "x**2/2")
    assert not equivalent("anti", "x**2", "x**2/2")
    assert equivalent("set", "{2, 3}", "{3, 2}")
    assert not equivalent("set", "{2}", "{2, 3}")
    assert not equivalent("dict", "{x: 6, y: 4}".replace("y", "z"), "{x: 6, z: 5}")
    assert not equivalent("matrix", "Matrix([[1, 2], [3, 4]])", "Matrix([[1, 2], [3, 5]])")
