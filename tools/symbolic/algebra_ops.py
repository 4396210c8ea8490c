"""Rewrites (simplify, expand, factor, cancel, apart, together, trigsimp, collect), substitution and numeric
values, each beside its check: a rewrite is compared with its input (expanded difference 0 for polynomials, else
agreement at random points), a FLINT expansion against Python Fractions, a factorisation multiplied back, a
substitution recomputed, a numeric value re-evaluated with more digits.
"""
from __future__ import annotations

from typing import Callable

import mpmath
import sympy as sp

from ..base import ToolFailure
from ..parsing import Relation
from .guards import check_expand
from .numeric import agree_at_points, close, value_at
from .operation import (CheckResult, Context, Operation, Outcome, int_arg, main_var, result_value, scalar,
                        symbol_arg, sympy_inputs)


# -- rewrites ---------------------------------------------------------------------------------------

def _rewriter(name: str, fn: Callable, extra_vars: bool = False):
    def op(ctx: Context, args):
        expr = scalar(ctx.expr(args[0]), name)
        rest = [ctx.expr(a) for a in args[1:]] if extra_vars else []
        if name == "expand":
            check_expand(expr)
        if isinstance(expr, sp.Eq):
            return Outcome(name, sp.Eq(fn(expr.lhs, *rest), fn(expr.rhs, *rest)), {"expr": expr})
        return Outcome(name, fn(expr, *rest), {"expr": expr})
    return op


def _expand(ctx: Context, args):
    """Polynomials go to FLINT (far faster than SymPy: bench/RESULTS.md, "Polynomial expansion through FLINT");
    the rest to SymPy, size-guarded."""
    if len(args) == 1:
        from .fast import fast_expand

        fast = fast_expand(args[0])
        if fast is not None:
            return Outcome("expand_fast", fast, {"node": args[0]}, engine="flint")
    return _rewriter("expand", lambda e: sp.expand(e))(ctx, args)


def _collect(ctx: Context, args):
    expr = scalar(ctx.expr(args[0]), "collect")
    var = symbol_arg(ctx, args[1]) if len(args) > 1 else main_var(expr)
    return Outcome("collect", sp.collect(sp.expand(expr), var), {"expr": expr})


def _factor(ctx: Context, args):
    expr = scalar(ctx.expr(args[0]), "factor")
    if isinstance(expr, sp.Integer):
        return Outcome("factorint", sp.factorint(expr), {"expr": expr})
    return Outcome("factor", sp.factor(expr), {"expr": expr})


def _apart(ctx: Context, args):
    expr = scalar(ctx.expr(args[0]), "apart")
    var = symbol_arg(ctx, args[1]) if len(args) > 1 else main_var(expr)
    return Outcome("apart", sp.apart(sp.together(expr), var), {"expr": expr})


def _same_value(name: str):
    def check(outcome):
        original, result = outcome.inputs["expr"], result_value(outcome)
        if isinstance(original, sp.Eq):
            original, result = original.lhs - original.rhs, result.lhs - result.rhs
        if name in ("expanded", "factored", "collected") and _polynomial(original):
            try:
                exact = sp.expand(original - result) == 0
                return [CheckResult(f"{name} form equals the input", exact, "expanded difference is 0" if exact
                                    else "expanded difference is not 0")]
            except Exception:
                pass
        passed, detail = agree_at_points(original, result, original.free_symbols | result.free_symbols)
        return [CheckResult(f"{name} form equals the input", passed, detail)]
    return check


def _polynomial(expr) -> bool:
    try:
        return expr.is_polynomial() and sp.count_ops(expr) < 200
    except Exception:
        return False


def _fast_expand_check(outcome):
    """The FLINT product against the input tree evaluated with Python Fractions at random points.

    An engine independent of both FLINT and SymPy; exact, so agreement at 3 random points of a
    polynomial identity of modest degree is overwhelming evidence.
    """
    import random
    from fractions import Fraction

    import flint

    poly, node = outcome.value.native, outcome.inputs["node"]
    names = poly.context().names()
    rng = random.Random(5)
    for _ in range(3):
        point = {n: Fraction(rng.randint(-99, 99), rng.randint(1, 9)) for n in names}
        got = poly(*[flint.fmpq(v.numerator, v.denominator) for v in point.values()])
        want = _fraction_eval(node, point)
        if Fraction(int(got.p), int(got.q)) != want:
            return [CheckResult("expansion equals the input", False, f"differ at {point}")]
    return [CheckResult("expansion equals the input", True, "exact agreement at 3 random rational points "
                                                            "(Python Fractions vs FLINT)")]


def _fraction_eval(node, point):
    from fractions import Fraction

    from ..parsing import BinOp, Name, Neg, Num

    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Name):
        return point[node.name]
    if isinstance(node, Neg):
        return -_fraction_eval(node.operand, point)
    if isinstance(node, BinOp):
        a, b = _fraction_eval(node.left, point), _fraction_eval(node.right, point)
        return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                "^": lambda: a ** int(b)}[node.op]()
    raise ValueError(f"not a polynomial node: {node!r}")


def _factorint_check(outcome):
    n = outcome.inputs["expr"]
    product = sp.Mul(*[p**e for p, e in outcome.value.items()]) if outcome.value else sp.Integer(1)
    checks = [CheckResult("product of factors", product == abs(n) or product == n, f"multiplies back to {n}")]
    listed = [p for p in outcome.value if p > 0]
    if listed:  # no factors listed (n = 1): a primality check over nothing is not a pass
        checks.append(CheckResult("factors are prime", all(sp.isprime(p) for p in listed), "each factor passes isprime"))
    return checks


# -- substitution and numbers -----------------------------------------------------------------------

def _subs(ctx: Context, args):
    from .fast import fast_subs_tree

    nodes = _subs_nodes(args[1:])
    fast = fast_subs_tree(args[0], nodes) if nodes else None
    if fast is not None:
        return Outcome("subs", fast, {"node": args[0], "pair_nodes": nodes}, engine="symengine")
    expr = ctx.expr(args[0])
    pairs = []
    rest = list(args[1:])
    while rest:
        node = rest.pop(0)
        if isinstance(node, Relation) and node.op == "=":
            pairs.append((ctx.expr(node.left), ctx.expr(node.right)))
        elif rest:
            pairs.append((ctx.expr(node), ctx.expr(rest.pop(0))))
        else:
            raise ToolFailure("arity", "subs takes (f, x, value) or (f, x = value, ...)")
    return Outcome("subs", expr.subs(pairs), {"expr": expr, "pairs": pairs})


def _subs_nodes(nodes):
    """(old, new) node pairs of subs(f, x = 1, y = 2) or subs(f, x, 1), or None if neither shape."""
    if all(isinstance(n, Relation) and n.op == "=" for n in nodes):
        return [(n.left, n.right) for n in nodes]
    if len(nodes) == 2 and not isinstance(nodes[0], Relation):
        return [(nodes[0], nodes[1])]
    return None


def _numeric(ctx: Context, args):
    expr = ctx.expr(args[0])
    digits = int_arg(ctx, args[1], "the number of digits", 1, 100_000) if len(args) > 1 else 15
    return Outcome("N", sp.N(expr, digits), {"expr": expr, "digits": digits})


def _subs_check(outcome):
    sympy_inputs(outcome)
    expr, pairs, result = outcome.inputs["expr"], outcome.inputs["pairs"], result_value(outcome)
    direct = expr.xreplace(dict(pairs)) if all(a.is_Symbol for a, _ in pairs) else expr.subs(pairs)
    passed, detail = agree_at_points(direct, result, direct.free_symbols | result.free_symbols)
    return [CheckResult("substitution recomputed", passed, detail)]


def _numeric_check(outcome):
    expr, digits = outcome.inputs["expr"], outcome.inputs["digits"]
    again = value_at(expr, {}, digits + 10)
    if again is None:
        return []
    tol = mpmath.mpf(10) ** (-digits + 2)
    return [CheckResult("re-evaluated with more digits", close(again, value_at(outcome.value, {}, digits), tol),
                        f"{digits + 10} digits agree to the shown precision")]


OPERATIONS = (
    Operation("simplify", _rewriter("simplify", sp.simplify), {"simplify": _same_value("simplified")},
              ("simplify(sin(x)^2 + cos(x)^2 + x)",)),
    Operation("expand", _expand, {"expand_fast": _fast_expand_check, "expand": _same_value("expanded")},
              ("expand((2x - 3)^3)", "expand(sin(x) (x + 2)^2)")),
    Operation("factor", _factor, {"factor": _same_value("factored"), "factorint": _factorint_check},
              ("factor(x^3 - 4x)", "factor(360)"), aliases=("factor_expr",)),
    Operation("cancel", _rewriter("cancel", sp.cancel), {"cancel": _same_value("cancelled")},
              ("cancel((x^2 - 9)/(x - 3))",)),
    Operation("apart", _apart, {"apart": _same_value("partial-fraction")}, ("apart(3/((x + 1)(x - 2)), x)",)),
    Operation("together", _rewriter("together", sp.together), {"together": _same_value("combined")},
              ("together(1/x + 2/(x + 1))",)),
    Operation("trigsimp", _rewriter("trigsimp", sp.trigsimp), {"trigsimp": _same_value("simplified")},
              ("trigsimp(2 sin(x) cos(x))",)),
    Operation("collect", _collect, {"collect": _same_value("collected")}, ("collect(a x + b x + a, x)",)),
    Operation("subs", _subs, {"subs": _subs_check}, ("subs(x^2 + y, x = 3)", "subs(x^2 + sin(y), y, x + 1)")),
    Operation("N", _numeric, {"N": _numeric_check}, ("N(sqrt(7), 30)",), aliases=("evalf",)),
)
