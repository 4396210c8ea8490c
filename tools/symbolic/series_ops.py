"""Limits, series, sums and products, each beside its check: a limit against the expression evaluated at 60
digits approaching the point, a series against the function near the point, a sum or product recomputed term by
term or numerically by mpmath, a closed form against explicit sums.
"""
from __future__ import annotations

import mpmath
import sympy as sp

from ..base import ToolFailure
from ..parsing import Name, Relation
from .numeric import close, value_at
from .operation import CheckResult, Context, Operation, Outcome, int_arg, main_var, scalar, symbol_arg


# -- limits and series ------------------------------------------------------------------------------

DIRECTIONS = {"left": "-", "minus": "-", "right": "+", "plus": "+", "both": "+-"}


def _limit(ctx: Context, args):
    expr = scalar(ctx.expr(args[0]), "limit")
    if len(args) < 3:
        if len(args) == 2 and isinstance(args[1], Relation):  # limit(f, x = 0)
            args = (args[0], args[1].left, args[1].right) + tuple(args[2:])
        else:
            raise ToolFailure("arity", "limit takes (f, x, point) and optionally left or right")
    var = symbol_arg(ctx, args[1])
    point = ctx.expr(args[2])
    direction = "+-"
    if len(args) > 3:
        word = args[3].name if isinstance(args[3], Name) else ""
        if word not in DIRECTIONS:
            raise ToolFailure("arity", "the direction of a limit is left or right")
        direction = DIRECTIONS[word]
    if point in (sp.oo, -sp.oo):
        direction = "-" if point == sp.oo else "+"
    value = sp.limit(expr, var, point, direction)
    return Outcome("limit", value, {"expr": expr, "var": var, "point": point, "dir": direction})


def _series(ctx: Context, args):
    expr = scalar(ctx.expr(args[0]), "series")
    var = symbol_arg(ctx, args[1]) if len(args) > 1 else main_var(expr)
    point = ctx.expr(args[2]) if len(args) > 2 else sp.Integer(0)
    order = int_arg(ctx, args[3], "the order", 1, 200) if len(args) > 3 else 6
    value = sp.series(expr, var, point, order)
    return Outcome("series", value, {"expr": expr, "var": var, "point": point, "order": order})


def _limit_check(outcome):
    expr, var, point, direction = (outcome.inputs[k] for k in ("expr", "var", "point", "dir"))
    value = outcome.value
    if expr.free_symbols - {var}:
        return [CheckResult("numeric limit agrees", None, "the expression has free parameters")]
    if value in (sp.oo, -sp.oo, sp.zoo) or not value.is_number:
        return [CheckResult("numeric limit agrees", None, f"limit is {value}: not checked numerically")]
    want = value_at(value, {})
    sides = ["+"] if point == -sp.oo else ["-"] if point == sp.oo else ["+", "-"] if direction == "+-" else [direction]
    results = []
    for side in sides:
        samples = []
        for k in (8, 12, 16):
            if point in (sp.oo, -sp.oo):
                t = (sp.Integer(10) ** k) * (1 if point == sp.oo else -1)
            else:
                t = point + (1 if side == "+" else -1) * sp.Integer(10) ** -k
            v = value_at(expr, {var: t}, 60)
            if v is not None:
                samples.append(v)
        if len(samples) < 2:
            results.append(None)
            continue
        results.append(bool(close(samples[-1], want, mpmath.mpf(10) ** -5)))
    passed = None if None in results else all(results)
    return [CheckResult("numeric limit agrees", passed, "expression evaluated at 60 digits approaching the point")]


def _series_check(outcome):
    expr, var, point, order = (outcome.inputs[k] for k in ("expr", "var", "point", "order"))
    poly = outcome.value.removeO()
    if expr.free_symbols - {var} or not point.is_number or point.is_infinite:
        return [CheckResult("series matches the function", None, "not checked numerically")]
    h = sp.Rational(1, 1000)
    t = point + h
    fv, sv = value_at(expr, {var: t}, 60), value_at(poly, {var: t}, 60)
    if fv is None or sv is None:
        return [CheckResult("series matches the function", None, "function not finite near the point")]
    # the error of a correct truncation is O(h^order); allow a generous constant
    passed = abs(fv - sv) <= mpmath.mpf(10) ** 6 * mpmath.mpf(h) ** order
    return [CheckResult("series matches the function", bool(passed),
                        f"difference {mpmath.nstr(abs(fv - sv), 3)} at {var} = {t} (order {order})")]


# -- sums and products ------------------------------------------------------------------------------

def _summation(kind: str):
    def op(ctx: Context, args):
        expr = scalar(ctx.expr(args[0]), kind)
        rest = [ctx.expr(a) for a in args[1:]]
        if len(rest) == 1 and isinstance(rest[0], tuple) and len(rest[0]) == 3:
            rest = list(rest[0])
        if len(rest) != 3 or not isinstance(rest[0], sp.Symbol):
            raise ToolFailure("arity", f"{kind} takes (f, n, a, b)")
        var, low, high = rest
        fn = sp.summation if kind == "sum" else sp.product
        value = fn(expr, (var, low, high))
        if isinstance(value, (sp.Sum, sp.Product)):
            value = value.doit()
        return Outcome(kind, value, {"expr": expr, "var": var, "low": low, "high": high})
    return op


def _sum_check(outcome):
    expr, var, low, high = (outcome.inputs[k] for k in ("expr", "var", "low", "high"))
    value = outcome.value
    if expr.free_symbols - {var} or value.free_symbols:
        return _sum_symbolic_check(outcome)
    want = value_at(value, {})
    if want is None:
        return [CheckResult("numeric sum agrees", None, f"result {value} is not a finite number")]
    lo = int(low)
    fn = mpmath.nsum if outcome.op == "sum" else mpmath.nprod
    if high == sp.oo:
        def term(k):
            # nsum extrapolates with non-integer arguments too: pass them through when they are not integers
            # evaluated at the precision nsum is working at: its extrapolation needs every digit
            d = mpmath.mp.dps + 10
            arg = sp.Integer(int(k)) if k == int(k) else sp.Float(mpmath.nstr(k, d), d)
            v = value_at(expr, {var: arg}, d)
            if v is None:
                raise ValueError
            return v.real if v.imag == 0 else v
        with mpmath.workdps(30):
            numeric = fn(term, [lo, mpmath.inf])
        name = f"mpmath.{fn.__name__} agrees"
    elif high.is_Integer and int(high) - lo <= 5000:
        terms = [expr.subs(var, k) for k in range(lo, int(high) + 1)]
        exact = sp.Add(*terms) if outcome.op == "sum" else sp.Mul(*terms)
        return [CheckResult("term-by-term recomputation agrees", sp.simplify(exact - value) == 0,
                            f"{len(terms)} terms added exactly")]
    else:
        return [CheckResult("numeric sum agrees", None, "range too long to recompute")]
    return [CheckResult(name, close(numeric, want, mpmath.mpf(10) ** -10), f"numeric value {mpmath.nstr(numeric, 15)}")]


def _sum_symbolic_check(outcome):
    """A closed form in the upper bound n: compare with the explicit sum for n = 1..6."""
    expr, var, low, high = (outcome.inputs[k] for k in ("expr", "var", "low", "high"))
    value = outcome.value
    if not (isinstance(high, sp.Symbol) and low.is_Integer and expr.free_symbols <= {var, high}):
        return [CheckResult("closed form checked", None, "parameters other than the bound")]
    lo = int(low)
    for n in range(lo, lo + 6):
        terms = [expr.subs(var, k) for k in range(lo, n + 1)]
        exact = sp.Add(*terms) if outcome.op == "sum" else sp.Mul(*terms)
        if sp.simplify(value.subs(high, n) - exact) != 0:
            return [CheckResult("closed form matches explicit sums", False, f"differs at {high} = {n}")]
    return [CheckResult("closed form matches explicit sums", True, f"{high} = {lo}..{lo + 5}")]


OPERATIONS = (
    Operation("limit", _limit, {"limit": _limit_check}, ("limit((1 - cos(x))/x^2, x, 0)",)),
    Operation("series", _series, {"series": _series_check}, ("series(exp(x) cos(x), x, 0, 5)",)),
    Operation("sum", _summation("sum"), {"sum": _sum_check}, ("sum(k^3, k, 1, 20)", "sum(1/k^2, k, 1, oo)",
                                                              "sum(2k - 1, k, 1, n)"), aliases=("summation",)),
    Operation("product", _summation("product"), {"product": _sum_check}, ("product(1 + 1/k, k, 1, 9)",)),
)
