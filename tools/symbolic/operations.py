"""The symbolic operations, each a small function from converted arguments to an Outcome.

Runs in the worker. `execute(tree)` reads the top of the tree: an operation call
(`diff(x^3, x)`), an equation or a list of equations (solve), a matrix expression, or a plain
expression (simplified). Operations nest: an operation call inside an argument is evaluated first.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import sympy as sp

from ..base import ToolFailure
from ..parsing import Call, Name, Node, Num, Postfix, Relation, Seq, subtrees
from .convert import Converter, shown
from .guards import check_expand, check_solve_degree

ODE_FUNCTIONS = ("y", "f", "u", "g", "z")


@dataclass
class Outcome:
    op: str
    value: Any
    inputs: dict = field(default_factory=dict)  # what the checks need: the expression, the variable, ...
    engine: str = "sympy"


class Context:
    """One call's conversion state; operations call back into it for their arguments."""

    def __init__(self):
        self.conv = Converter(self.nested, OPERATIONS)

    def nested(self, func: str, args: tuple[Node, ...]):
        value = run_operation(self, func, args).value
        return value.to_sympy() if hasattr(value, "to_sympy") else value  # FLINT/SymEngine results feed SymPy

    def expr(self, node: Node):
        return self.conv(node)


def execute(tree: Node) -> Outcome:
    ctx = Context()
    if isinstance(tree, Call) and tree.func in OPERATIONS:
        return run_operation(ctx, tree.func, tree.args)
    if _is_equation_list(tree):
        return run_operation(ctx, "solve", (tree,))
    value = ctx.expr(tree)
    if isinstance(value, sp.MatrixBase):
        return Outcome("matrix", value, {"expr": value, "node": tree})
    if isinstance(value, (list, tuple)):
        return Outcome("list", list(value), {})
    if isinstance(value, sp.Basic) and value.is_Relational and value.free_symbols:
        return run_operation(ctx, "solve", (tree,))
    return run_operation(ctx, "simplify", (tree,))


def _is_equation_list(tree: Node) -> bool:
    return isinstance(tree, Relation) and tree.op == "=" or (
        isinstance(tree, Seq) and tree.bracket in ("", "[", "{") and tree.items
        and all(isinstance(i, Relation) for i in tree.items))


def run_operation(ctx: Context, func: str, args: tuple[Node, ...]) -> Outcome:
    handler = OPERATIONS[func]
    if not args:
        raise ToolFailure("arity", f"{func} needs at least one argument")
    return handler(ctx, args)


# -- helpers ----------------------------------------------------------------------------------------

def _sym(ctx: Context, node: Node, what: str = "variable") -> sp.Symbol:
    value = ctx.expr(node)
    if not isinstance(value, sp.Symbol):
        raise ToolFailure("arity", f"expected a {what} name, got {shown(value)}")
    return value


def _main_var(expr, given=None) -> sp.Symbol:
    if given is not None:
        return given
    free = sorted(getattr(expr, "free_symbols", set()), key=str)
    if not free:
        return sp.Symbol("x")
    for preferred in ("x", "t", "n", "k", "z", "y"):
        for s in free:
            if s.name == preferred:
                return s
    return free[0]


def _int_arg(ctx: Context, node: Node, what: str, low: int = 0, high: int = 10_000) -> int:
    value = ctx.expr(node)
    if not (isinstance(value, sp.Basic) and value.is_Integer and low <= int(value) <= high):
        raise ToolFailure("arity", f"{what} must be an integer from {low} to {high}, got {shown(value)}")
    return int(value)


def _scalar(value, func: str):
    if isinstance(value, sp.MatrixBase):
        raise ToolFailure("domain", f"{func} works on expressions, not matrices")
    if isinstance(value, (list, tuple)):
        raise ToolFailure("domain", f"{func} works on one expression, not a list")
    if isinstance(value, sp.Basic) and value.is_Relational and not isinstance(value, sp.Eq):
        raise ToolFailure("domain", f"{func} works on expressions, not inequalities")
    return value


def _equation_as_expr(value):
    return value.lhs - value.rhs if isinstance(value, sp.Eq) else value


# -- algebra ----------------------------------------------------------------------------------------

def _rewriter(name: str, fn: Callable, extra_vars: bool = False):
    def op(ctx: Context, args):
        expr = _scalar(ctx.expr(args[0]), name)
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
    expr = _scalar(ctx.expr(args[0]), "collect")
    var = _sym(ctx, args[1]) if len(args) > 1 else _main_var(expr)
    return Outcome("collect", sp.collect(sp.expand(expr), var), {"expr": expr})


def _factor(ctx: Context, args):
    expr = _scalar(ctx.expr(args[0]), "factor")
    if isinstance(expr, sp.Integer):
        return Outcome("factorint", sp.factorint(expr), {"expr": expr})
    return Outcome("factor", sp.factor(expr), {"expr": expr})


def _apart(ctx: Context, args):
    expr = _scalar(ctx.expr(args[0]), "apart")
    var = _sym(ctx, args[1]) if len(args) > 1 else _main_var(expr)
    return Outcome("apart", sp.apart(sp.together(expr), var), {"expr": expr})


# -- equations --------------------------------------------------------------------------------------

def _solve(ctx: Context, args):
    first = args[0]
    eq_nodes = list(first.items) if isinstance(first, Seq) else [first]
    var_nodes: list[Node] = []
    for node in args[1:]:
        if isinstance(node, Seq) and all(isinstance(i, Name) for i in node.items):
            var_nodes.extend(node.items)
        elif isinstance(node, Name):
            var_nodes.append(node)
        else:
            eq_nodes.append(node)
    equations = [ctx.expr(n) for n in eq_nodes]
    variables = [_sym(ctx, n) for n in var_nodes]
    for eq in equations:
        if not isinstance(eq, sp.Basic):
            raise ToolFailure("domain", "solve needs equations or expressions")
    if any(eq.is_Relational and not isinstance(eq, (sp.Eq, sp.Ne)) for eq in equations):
        return _solve_inequalities(equations, variables)
    exprs = [_equation_as_expr(eq) for eq in equations]
    # the unknowns of a system are those of all its equations, even of one that reduces to 0 = 0
    mentioned = sorted(set().union(*(getattr(e, "free_symbols", set()) for e in exprs)), key=str)
    system = len(exprs) > 1
    exprs = [e for e in exprs if e != 0 and e is not sp.true]
    if any(e is sp.false for e in exprs):
        return Outcome("solve", sp.EmptySet, {"equations": equations, "vars": variables})
    free = sorted(set().union(*(e.free_symbols for e in exprs)) if exprs else set(), key=str)
    if not variables:
        variables = mentioned if system else [_main_var(exprs[0])] if exprs else []
    if not exprs:
        raise ToolFailure("domain", "the equation holds for every value (0 = 0)")
    for e in exprs:
        for v in variables:
            check_solve_degree(e, v)
    if len(exprs) == 1 and len(variables) == 1 and not system:  # a system's answer names its unknowns
        sols = sp.solve(exprs[0], variables[0], dict=False)
        value = sp.FiniteSet(*sols) if not isinstance(sols, dict) else sols
        if not sols:
            value = _solveset_fallback(exprs[0], variables[0])
        return Outcome("solve", value, {"equations": equations, "exprs": exprs, "vars": variables})
    others = [v for v in free if v not in variables]
    if others and len(exprs) > len(variables):
        return _solve_for_some(exprs, equations, variables, free)
    sols = sp.solve(exprs, variables, dict=True)
    value = sols[0] if len(sols) == 1 else sols
    return Outcome("solve_system", value, {"equations": equations, "exprs": exprs, "vars": variables})


def _solve_for_some(exprs, equations, variables, free):
    """`Solve 2a + b = 7, a - b = 2 for a`: the system fixes every unknown, and the answer is the asked one.

    Solving the equations for `a` alone asks for an `a` that satisfies them for every `b`, which is none:
    a solvable system would be answered "no solution". The whole system is solved and the solutions are
    restricted to the asked variables; the checks substitute the whole solutions back."""
    full = sp.solve(exprs, free, dict=True)
    asked = set(variables)
    unknown = set(free) - asked
    if any(v not in sol or sol[v].free_symbols & unknown for sol in full for v in variables):
        raise ToolFailure("domain", "the system does not determine "
                          f"{', '.join(map(str, variables))} on its own; solve for all of {', '.join(map(str, free))}")
    projected = []
    for sol in full:
        part = {v: sol[v] for v in variables}
        if part not in projected:
            projected.append(part)
    value = projected[0] if len(projected) == 1 else projected
    return Outcome("solve_system", value, {"equations": equations, "exprs": exprs, "vars": variables,
                                           "full": full})


def _solveset_fallback(expr, var):
    result = sp.solveset(expr, var)
    return result


def _solve_inequalities(relations, variables):
    var = variables[0] if variables else _main_var(relations[0])
    real = sp.Symbol(var.name, real=True)
    rels = [r.xreplace({var: real}) for r in relations]
    result = sp.reduce_inequalities(rels, real) if len(rels) > 1 else sp.solveset(rels[0], real, sp.S.Reals)
    if isinstance(result, sp.Basic):
        result = result.xreplace({real: var})
    return Outcome("solve_inequality", result, {"relations": relations, "vars": [var]})


def _roots(ctx: Context, args):
    expr = _equation_as_expr(_scalar(ctx.expr(args[0]), "roots"))
    var = _sym(ctx, args[1]) if len(args) > 1 else _main_var(expr)
    check_solve_degree(expr, var)
    roots = sp.roots(sp.Poly(expr, var))
    if sum(roots.values()) < sp.degree(expr, var):
        roots = {r: 1 for r in sp.Poly(expr, var).all_roots()}
    return Outcome("roots", roots, {"exprs": [expr], "vars": [var]})


# -- calculus ---------------------------------------------------------------------------------------

def _diff(ctx: Context, args):
    fast = _symengine_diff(args)
    if fast is not None:
        return fast
    expr = _scalar(ctx.expr(args[0]), "diff")
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
        spec = [[_main_var(expr), 1]]
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


def _integrate(ctx: Context, args):
    from .integration import antiderivative, definite

    expr = _scalar(ctx.expr(args[0]), "integrate")
    rest = [ctx.expr(a) for a in args[1:]]
    if len(rest) == 1 and isinstance(rest[0], tuple) and len(rest[0]) == 3:
        rest = list(rest[0])
    if not rest:
        rest = [_main_var(expr)]
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


DIRECTIONS = {"left": "-", "minus": "-", "right": "+", "plus": "+", "both": "+-"}


def _limit(ctx: Context, args):
    expr = _scalar(ctx.expr(args[0]), "limit")
    if len(args) < 3:
        if len(args) == 2 and isinstance(args[1], Relation):  # limit(f, x = 0)
            args = (args[0], args[1].left, args[1].right) + tuple(args[2:])
        else:
            raise ToolFailure("arity", "limit takes (f, x, point) and optionally left or right")
    var = _sym(ctx, args[1])
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
    expr = _scalar(ctx.expr(args[0]), "series")
    var = _sym(ctx, args[1]) if len(args) > 1 else _main_var(expr)
    point = ctx.expr(args[2]) if len(args) > 2 else sp.Integer(0)
    order = _int_arg(ctx, args[3], "the order", 1, 200) if len(args) > 3 else 6
    value = sp.series(expr, var, point, order)
    return Outcome("series", value, {"expr": expr, "var": var, "point": point, "order": order})


def _summation(kind: str):
    def op(ctx: Context, args):
        expr = _scalar(ctx.expr(args[0]), kind)
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


def _dsolve(ctx: Context, args):
    ctx.conv.independent = _independent_of(args)
    ctx.conv.unknown_functions = _primed_names(args) - {ctx.conv.independent}
    ode = ctx.expr(args[0])
    if isinstance(ode, (list, tuple)):
        raise ToolFailure("unsupported", "systems of ODEs are not supported yet")
    if not isinstance(ode, (sp.Eq, sp.Expr)):  # y'' < 1 reached an `assert isinstance(eq, Expr)` inside SymPy
        raise ToolFailure("domain", "an ODE is an equation like y'' + y = 0, not an inequality or a truth value")
    # derivatives that cancel (y' = y' + 1) or sit only in a denominator (1/(y'' - 1) = 0) left SymPy's
    # classifier with nothing to match: an IndexError
    difference = ode.lhs - ode.rhs if isinstance(ode, sp.Eq) else ode
    funcs = sorted(difference.atoms(sp.Derivative), key=str)
    if not funcs:
        raise ToolFailure("domain", "no derivative found: write the ODE with y' or y''")
    if not sp.numer(sp.together(difference)).atoms(sp.Derivative):
        raise ToolFailure("domain", "the derivatives are only in a denominator: with it cleared, no ODE is left")
    target = funcs[0].expr
    ics = {}
    for node in args[1:]:
        cond = ctx.expr(node)
        if isinstance(cond, sp.Eq):
            ics[cond.lhs] = cond.rhs
    try:
        value = sp.dsolve(ode, target, ics=ics or None)
    except (IndexError, KeyError, AssertionError) as exc:  # SymPy's classifier on equations it cannot read
        raise ToolFailure("unsupported", f"SymPy's ODE solver cannot read this equation ({type(exc).__name__})") from None
    return Outcome("dsolve", value, {"ode": ode, "func": target, "conditions": len(ics)})


def _primed_names(args) -> set[str]:
    """Names written with a prime (y', y''): the unknown functions of the ODE."""
    found = set()
    for n in (n for arg in args for n in subtrees(arg)):
        if isinstance(n, Postfix) and n.op == "'":
            inner = n.operand
            while isinstance(inner, Postfix) and inner.op == "'":
                inner = inner.operand
            if isinstance(inner, Name):
                found.add(inner.name)
    return found


def _independent_of(args) -> str:
    names = {n.name for arg in args for n in subtrees(arg) if isinstance(n, Name)}
    for candidate in ("x", "t", "s"):
        if candidate in names:
            return candidate
    return "x"


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
    digits = _int_arg(ctx, args[1], "the number of digits", 1, 100_000) if len(args) > 1 else 15
    return Outcome("N", sp.N(expr, digits), {"expr": expr, "digits": digits})


# -- matrices ---------------------------------------------------------------------------------------

def _matrix_op(name: str, fn: Callable):
    def op(ctx: Context, args):
        m = ctx.expr(args[0])
        if isinstance(m, list):
            m = sp.Matrix(m)
        if not isinstance(m, sp.MatrixBase):
            raise ToolFailure("domain", f"{name} needs a matrix like [[1, 2], [3, 4]]")
        if m.rows * m.cols > 400:
            raise ToolFailure("too_large", f"{name}: matrices up to 400 entries are supported")
        if name in ("det", "inverse", "eigenvals", "eigenvects") and not m.is_square:
            raise ToolFailure("domain", f"{name} needs a square matrix, got {m.rows}x{m.cols}")
        if name == "inverse" and m.det() == 0:
            raise ToolFailure("domain", "the matrix is singular (determinant 0): it has no inverse")
        return Outcome(name, fn(m), {"matrix": m})
    return op


OPERATIONS: dict[str, Callable[[Context, tuple], Outcome]] = {
    "simplify": _rewriter("simplify", sp.simplify),
    "expand": lambda ctx, args: _expand(ctx, args),
    "factor": _factor,
    "factor_expr": _factor,
    "cancel": _rewriter("cancel", sp.cancel),
    "apart": _apart,
    "together": _rewriter("together", sp.together),
    "trigsimp": _rewriter("trigsimp", sp.trigsimp),
    "collect": _collect,
    "solve": _solve,
    "roots": _roots,
    "diff": _diff,
    "integrate": _integrate,
    "limit": _limit,
    "series": _series,
    "sum": _summation("sum"),
    "summation": _summation("sum"),
    "product": _summation("product"),
    "dsolve": _dsolve,
    "subs": _subs,
    "N": _numeric,
    "evalf": _numeric,
    "det": _matrix_op("det", lambda m: m.det()),
    "inverse": _matrix_op("inverse", lambda m: m.inv()),
    "inv": _matrix_op("inverse", lambda m: m.inv()),
    "rank": _matrix_op("rank", lambda m: sp.Integer(m.rank())),
    "rref": _matrix_op("rref", lambda m: m.rref()[0]),
    "eigenvals": _matrix_op("eigenvals", lambda m: m.eigenvals()),
    "eigenvects": _matrix_op("eigenvects", lambda m: m.eigenvects()),
    "transpose": _matrix_op("transpose", lambda m: m.T),
}
