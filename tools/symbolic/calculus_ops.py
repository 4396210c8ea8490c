"""Derivatives and integrals, each beside its check: a derivative against mpmath's numeric differentiation, an
antiderivative differentiated back, a definite integral against mpmath's numeric quadrature.
"""
from __future__ import annotations

import mpmath
import sympy as sp

from ..base import ToolFailure
from ..parsing import Name, Num
from .convert import shown
from .numeric import agree_at_points, close, random_points, value_at
from .operation import CheckResult, Context, Operation, Outcome, main_var, result_value, scalar, sympy_inputs


# -- derivatives ------------------------------------------------------------------------------------

def _diff(ctx: Context, args):
    fast = _symengine_diff(args)
    if fast is not None:
        return fast
    expr = scalar(ctx.expr(args[0]), "diff")
    spec: list = []
    for node in args[1:]:
        value = ctx.expr(node)
        if isinstance(value, sp.Symbol):
            spec.append([value, 1])
        elif isinstance(value, sp.Integer) and spec and 0 <= int(value) <= 100:
            spec[-1][1] = int(value)
        elif isinstance(value, tuple) and len(value) == 2:
            spec.append([value[0], int(value[1])])
        else:
            raise ToolFailure("arity", f"diff: cannot read {shown(value)} as a variable or an order")
    if not spec:
        spec = [[main_var(expr), 1]]
    value = sp.diff(expr, *[x for pair in spec for x in pair])
    if value.has(sp.Derivative):
        value = _diff_real(expr, spec, value)
    return Outcome("diff", value, {"expr": expr, "spec": spec})


def _symengine_diff(args):
    """SymEngine differentiates straight from the tree (no SymPy object is built) when it knows every
    function in it and the variables are written out; the checks convert the input only if they run."""
    from .fast import fast_diff_tree

    spec: list[tuple[str, int]] = []
    for node in args[1:]:
        if isinstance(node, Name) and node.name not in ("e", "E", "i", "I", "pi", "oo"):
            spec.append((node.name, 1))
        elif isinstance(node, Num) and spec and not node.decimal and 0 <= node.value <= 100:
            spec[-1] = (spec[-1][0], int(node.value))
        else:
            return None
    if not spec:
        names = _tree_names(args[0])
        if len(names) != 1:
            return None
        spec = [(names.pop(), 1)]
    fast = fast_diff_tree(args[0], spec)
    if fast is None or "Derivative" in fast.text:
        return None
    return Outcome("diff", fast, {"node": args[0], "spec_names": spec}, engine="symengine")


def _tree_names(node) -> set[str]:
    found, stack = set(), [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name) and n.name not in ("e", "E", "i", "I", "pi", "oo"):
            found.add(n.name)
        stack.extend(c for c in (getattr(n, a, None) for a in ("left", "right", "operand")) if c is not None)
        stack.extend(getattr(n, "args", ()) or ())
    return found


def _diff_real(expr, spec, value):
    """|x|, sign(x), re(x)... have no complex derivative; for real variables they do (d|x|/dx = sign(x))."""
    real = {s: sp.Symbol(s.name, real=True) for s in expr.free_symbols}
    again = sp.diff(expr.xreplace(real), *[real.get(x, x) if isinstance(x, sp.Symbol) else x
                                          for pair in spec for x in pair])
    if again.has(sp.Derivative):
        return value
    return again.xreplace({v: k for k, v in real.items()})


def _diff_check(outcome):
    sympy_inputs(outcome)
    expr, spec = outcome.inputs["expr"], outcome.inputs["spec"]
    result = result_value(outcome)
    if len(spec) != 1 or len(expr.free_symbols) > 3:
        passed, detail = agree_at_points(sp.diff(expr, *[a for p in spec for a in p]), result,
                                         expr.free_symbols | result.free_symbols)
        return [CheckResult("derivative recomputed by SymPy", passed, detail)]
    var, order = spec[0]
    others = expr.free_symbols - {var}
    decided = 0
    for point in random_points(expr.free_symbols | {var}, 6):
        at = value_at(result, point)
        if at is None:
            continue
        sub = {s: v for s, v in point.items() if s in others}
        f = expr.subs(sub)

        def g(t, f=f):
            v = value_at(f, {var: sp.Float(mpmath.nstr(t, 70), 70)}, 70)
            if v is None:
                raise ValueError("not finite")
            return v
        try:
            # an explicit step: the evaluation has 70 digits, so h = 1e-12 leaves plenty after cancellation
            with mpmath.workdps(70):
                numeric = mpmath.diff(g, mpmath.mpf(str(float(point[var]))), order, h=mpmath.mpf(10) ** -12)
        except (ValueError, ZeroDivisionError):
            continue
        if not close(numeric, at, mpmath.mpf(10) ** -8):
            return [CheckResult("numeric derivative agrees", False,
                                f"at {var}={point[var]}: mpmath gives {mpmath.nstr(numeric, 12)}, result {mpmath.nstr(at, 12)}")]
        decided += 1
        if decided >= 3:
            break
    if not decided:
        return [CheckResult("numeric derivative agrees", None, "no point where the result is finite")]
    return [CheckResult("numeric derivative agrees", True, f"mpmath finite differences at {decided} points")]


# -- integrals --------------------------------------------------------------------------------------

def _integrate(ctx: Context, args):
    from .integration import antiderivative, definite

    expr = scalar(ctx.expr(args[0]), "integrate")
    rest = [ctx.expr(a) for a in args[1:]]
    if len(rest) == 1 and isinstance(rest[0], tuple) and len(rest[0]) == 3:
        rest = list(rest[0])
    if not rest:
        rest = [main_var(expr)]
    var = rest[0]
    if not isinstance(var, sp.Symbol):
        raise ToolFailure("arity", f"integrate: {shown(var)} is not a variable")
    if len(rest) == 1:
        found = antiderivative(expr, var)
        return Outcome("integrate", found.value, {"expr": expr, "var": var, "verified": (found.passed, found.detail),
                                                  "method": found.method})
    if len(rest) == 3:
        low, high = rest[1], rest[2]
        return Outcome("integrate_definite", definite(expr, var, low, high),
                       {"expr": expr, "var": var, "low": low, "high": high})
    raise ToolFailure("arity", "integrate takes (f, x) or (f, x, a, b)")


def _antiderivative_check(outcome):
    from .integration import verify_antiderivative

    if outcome.inputs.get("verified") is not None:  # already differentiated while choosing among strategies
        passed, detail = outcome.inputs["verified"]
    else:
        passed, detail = verify_antiderivative(outcome.value, outcome.inputs["expr"], outcome.inputs["var"])
    return [CheckResult("derivative of the antiderivative is the integrand", passed, detail)]


def _definite_check(outcome):
    f, x, low, high = (outcome.inputs[k] for k in ("expr", "var", "low", "high"))
    if f.free_symbols - {x} or outcome.value.free_symbols:
        return [CheckResult("numeric integration agrees", None, "the integral has free parameters")]
    want = value_at(outcome.value, {})

    def g(t):
        d = mpmath.mp.dps + 5
        v = value_at(f, {x: sp.Float(mpmath.nstr(t, d), d)}, d)
        if v is None:
            raise ValueError("not finite")
        return v.real if v.imag == 0 else v
    a, b = (_mp_bound(v) for v in (low, high))
    try:
        with mpmath.workdps(30):
            numeric = mpmath.quad(g, [a, b])
    except (ValueError, ZeroDivisionError) as exc:
        return [CheckResult("numeric integration agrees", None, f"mpmath.quad failed: {exc}")]
    if want is None:
        return [CheckResult("numeric integration agrees", None, "the result is not a finite number")]
    passed = close(numeric, want, mpmath.mpf(10) ** -10)
    return [CheckResult("numeric integration agrees", passed, f"mpmath.quad gives {mpmath.nstr(numeric, 15)}")]


def _mp_bound(v):
    if v == sp.oo:
        return mpmath.inf
    if v == -sp.oo:
        return -mpmath.inf
    return value_at(v, {}).real


OPERATIONS = (
    Operation("diff", _diff, {"diff": _diff_check}, ("diff(x^3 sin(x), x)", "diff(abs(x) + x^2, x)")),
    Operation("integrate", _integrate, {"integrate": _antiderivative_check, "integrate_definite": _definite_check},
              ("integrate(x cos(x), x)", "integrate(x^2 + 1, x, 0, 3)")),
)
