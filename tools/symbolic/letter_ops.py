"""Polynomials written with letters, every letter a variable (letters.py), each operation beside its check by
Python Fractions (rational_poly.py), not SymPy:

    expand_letters(p)         p multiplied out;        factor_letters(p)   p factored over the rationals
    coefficient_of(p, x, k)   the coefficient of x^k;  diff_letters(p, x, n)  the n-th derivative;
    diff_at(p, x, n, a)       the n-th derivative at x = a
    power_simplify(p)         a product of powers of one positive letter as one power
"""
from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..base import ToolFailure
from ..parsing import BinOp, Name
from . import rational_poly as rp
from .letters import MAX_DEGREE, fraction, letter, letters_to_sympy, polynomial, result_poly, whole
from .operation import CheckResult, Operation, Outcome


def expand_letters(ctx, args) -> Outcome:
    expr = letters_to_sympy(args[0])
    polynomial(expr, sorted(expr.free_symbols, key=str) or [sp.Symbol("x")])
    return Outcome("expand_letters", sp.expand(expr), {"node": args[0]})


def factor_letters(ctx, args) -> Outcome:
    expr = letters_to_sympy(args[0])
    polynomial(expr, sorted(expr.free_symbols, key=str) or [sp.Symbol("x")])
    return Outcome("factor_letters", sp.factor(expr), {"node": args[0]})


def coefficient_of(ctx, args) -> Outcome:
    if len(args) != 3:
        raise ToolFailure("arity", "coefficient_of takes (polynomial, variable, power)")
    var = letter(args[1])
    power = whole(args[2], "the power", 0, MAX_DEGREE)
    expr = letters_to_sympy(args[0])
    if expr.free_symbols - {var}:
        raise ToolFailure("domain", "the polynomial has letters other than the variable")
    poly = polynomial(expr, [var])
    return Outcome("coefficient_of", poly.coeff_monomial(var**power),
                   {"node": args[0], "var": var.name, "power": power})


def diff_letters(ctx, args) -> Outcome:
    if len(args) not in (2, 3):
        raise ToolFailure("arity", "diff_letters takes (polynomial, variable) or (polynomial, variable, order)")
    var = letter(args[1])
    order = whole(args[2], "the order", 1, 20) if len(args) == 3 else 1
    expr = letters_to_sympy(args[0])
    polynomial(expr, sorted(expr.free_symbols | {var}, key=str))
    return Outcome("diff_letters", sp.expand(sp.diff(expr, var, order)),
                   {"node": args[0], "var": var.name, "order": order})


def diff_at(ctx, args) -> Outcome:
    """diff_at(p, x, n, a): the n-th derivative of p in x at x = a (other letters stay)."""
    if len(args) != 4:
        raise ToolFailure("arity", "diff_at takes (polynomial, variable, order, point)")
    var = letter(args[1])
    order = whole(args[2], "the order", 1, 20)
    point = letters_to_sympy(args[3])
    if not point.is_Rational:
        raise ToolFailure("domain", "the point must be a number")
    expr = letters_to_sympy(args[0])
    polynomial(expr, sorted(expr.free_symbols | {var}, key=str))
    value = sp.expand(sp.diff(expr, var, order).subs(var, point))
    return Outcome("diff_at", value, {"node": args[0], "var": var.name, "order": order,
                                      "point": Fraction(int(point.p), int(point.q))})


def power_simplify(ctx, args) -> Outcome:
    """With the letter positive, SymPy merges every power of it into one: (o^5*o/o^(1/8))^(7/10) = o^(...)."""
    expr = letters_to_sympy(args[0], positive=True)
    if len(expr.free_symbols) != 1:
        raise ToolFailure("domain", "power_simplify takes powers of one letter")
    (letter,) = expr.free_symbols
    plain = sp.Symbol(letter.name)
    value = sp.powsimp(expr).xreplace({letter: plain})
    base, exponent = value.as_base_exp()
    if base != plain or not exponent.is_Rational:
        raise ToolFailure("domain", "the expression is not a single power of the letter")
    return Outcome("power_simplify", value, {"node": args[0], "var": plain.name})


# -- checks -----------------------------------------------------------------------------------------

def _same_polynomial(name: str):
    def check(outcome):
        same = rp.from_tree(outcome.inputs["node"]) == result_poly(outcome.value)
        return [CheckResult(f"{name} form equals the input", same,
                            "both multiplied out with Python Fractions: identical coefficients")]
    return check


def _coefficient_check(outcome):
    inputs = outcome.inputs
    coeffs = rp.univariate(rp.from_tree(inputs["node"]), inputs["var"])
    want = coeffs[inputs["power"]] if inputs["power"] < len(coeffs) else Fraction(0)
    return [CheckResult("coefficient recomputed", want == fraction(outcome.value),
                        f"multiplied out with Python Fractions: {want}")]


def _diff_letters_check(outcome):
    inputs = outcome.inputs
    want = rp.derivative(rp.from_tree(inputs["node"]), inputs["var"], inputs["order"])
    return [CheckResult("derivative recomputed", want == result_poly(outcome.value),
                        "term by term with Python Fractions")]


def _diff_at_check(outcome):
    inputs = outcome.inputs
    slope = rp.derivative(rp.from_tree(inputs["node"]), inputs["var"], inputs["order"])
    at_point = {}
    for monomial, c in slope.items():  # put the point in for the variable; other letters stay
        exps = dict(monomial)
        c *= inputs["point"] ** exps.pop(inputs["var"], 0)
        at_point = rp.add(at_point, {tuple(sorted(exps.items())): c})
    return [CheckResult("derivative recomputed at the point", at_point == result_poly(outcome.value),
                        "term by term with Python Fractions")]


def _power_check(outcome):
    inputs = outcome.inputs
    want = _exponent(inputs["node"], inputs["var"])
    _, got = outcome.value.as_base_exp()
    return [CheckResult("exponent recomputed", want == fraction(got),
                        f"exponents added and multiplied with Python Fractions: {want}")]


def _exponent(node, var: str) -> Fraction:
    """The exponent of `var` in a product/quotient/power of it, read from the tree."""
    if isinstance(node, Name) and node.name == var:
        return Fraction(1)
    if isinstance(node, BinOp) and node.op in ("*", "/"):
        left, right = _exponent(node.left, var), _exponent(node.right, var)
        return left + right if node.op == "*" else left - right
    if isinstance(node, BinOp) and node.op == "^":
        return _exponent(node.left, var) * _number(node.right)
    raise ValueError("not a product of powers of one letter")


def _number(node) -> Fraction:
    value = rp.constant_value(rp.from_tree(node))
    if value is None:
        raise ValueError("an exponent that is not a number")
    return value


OPERATIONS = (
    Operation("expand_letters", expand_letters, {"expand_letters": _same_polynomial("expanded")},
              ("expand_letters((3*e - 1)*(e + 4))",)),
    Operation("factor_letters", factor_letters, {"factor_letters": _same_polynomial("factored")},
              ("factor_letters(6*i**2 + 5*i - 6)",)),
    Operation("coefficient_of", coefficient_of, {"coefficient_of": _coefficient_check},
              ("coefficient_of((u - 2)**4, u, 3)",)),
    Operation("diff_letters", diff_letters, {"diff_letters": _diff_letters_check},
              ("diff_letters(4*r**3*s - s**2*r, r, 2)",)),
    Operation("diff_at", diff_at, {"diff_at": _diff_at_check}, ("diff_at(2*t**4 - t, t, 1, -1)",)),
    Operation("power_simplify", power_simplify, {"power_simplify": _power_check},
              ("power_simplify(m**3*m**(1/2)/m**2)",)),
)
