"""Equations: solve (one equation, a system, inequalities) and roots, each beside its check. Solutions are
substituted back into the equations, and counted against what the equations allow (solution_count.py), so that
none is missed; an inequality's solution set is compared with the inequalities at sample points.
"""
from __future__ import annotations

import sympy as sp

from ..base import ToolFailure
from ..parsing import Name, Node, Seq
from .guards import check_solve_degree
from .operation import (CheckResult, Context, Operation, Outcome, equation_as_expr, main_var, residual_zero,
                        scalar, symbol_arg)
from .solution_count import none_missed


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
    variables = [symbol_arg(ctx, n) for n in var_nodes]
    for eq in equations:
        if not isinstance(eq, sp.Basic):
            raise ToolFailure("domain", "solve needs equations or expressions")
    if any(eq.is_Relational and not isinstance(eq, (sp.Eq, sp.Ne)) for eq in equations):
        return _solve_inequalities(equations, variables)
    exprs = [equation_as_expr(eq) for eq in equations]
    # the unknowns of a system are those of all its equations, even of one that reduces to 0 = 0
    mentioned = sorted(set().union(*(getattr(e, "free_symbols", set()) for e in exprs)), key=str)
    system = len(exprs) > 1
    exprs = [e for e in exprs if e != 0 and e is not sp.true]
    if any(e is sp.false for e in exprs):
        return Outcome("solve", sp.EmptySet, {"equations": equations, "vars": variables})
    free = sorted(set().union(*(e.free_symbols for e in exprs)) if exprs else set(), key=str)
    if not variables:
        variables = mentioned if system else [main_var(exprs[0])] if exprs else []
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
    var = variables[0] if variables else main_var(relations[0])
    real = sp.Symbol(var.name, real=True)
    rels = [r.xreplace({var: real}) for r in relations]
    result = sp.reduce_inequalities(rels, real) if len(rels) > 1 else sp.solveset(rels[0], real, sp.S.Reals)
    if isinstance(result, sp.Basic):
        result = result.xreplace({real: var})
    return Outcome("solve_inequality", result, {"relations": relations, "vars": [var]})


def _roots(ctx: Context, args):
    expr = equation_as_expr(scalar(ctx.expr(args[0]), "roots"))
    var = symbol_arg(ctx, args[1]) if len(args) > 1 else main_var(expr)
    check_solve_degree(expr, var)
    roots = sp.roots(sp.Poly(expr, var))
    if sum(roots.values()) < sp.degree(expr, var):
        roots = {r: 1 for r in sp.Poly(expr, var).all_roots()}
    return Outcome("roots", roots, {"exprs": [expr], "vars": [var]})


# -- checks -----------------------------------------------------------------------------------------

def _roots_check(outcome):
    exprs, variables = outcome.inputs["exprs"], outcome.inputs["vars"]
    value = outcome.inputs.get("full", outcome.value)  # a system solved for some unknowns: check whole solutions
    if isinstance(value, dict) and outcome.op == "roots":
        solutions = [{variables[0]: r} for r in value]
    elif isinstance(value, dict):
        solutions = [value]
    elif isinstance(value, list):
        solutions = value
    elif isinstance(value, sp.FiniteSet):
        solutions = [{variables[0]: r} for r in value]
    else:
        return [CheckResult("solutions substituted back", None, "solution set is not a finite list")]
    completeness = none_missed(outcome, solutions)
    if not solutions:  # "no solution" is shown only by a count; substituting nothing shows nothing
        if completeness.passed is True:
            return [completeness]
        return [CheckResult("solutions substituted back", None, "no solutions to substitute"), completeness]
    return [_substituted(exprs, solutions), completeness]


def _substituted(exprs, solutions) -> CheckResult:
    failures, undecided = [], 0
    for sol in solutions:
        for e in exprs:
            residual = e.subs(sol)
            passed = residual_zero(residual)
            if passed is False:
                failures.append(f"{sol}: residual {residual}")
            elif passed is None:
                undecided += 1
    if failures:
        return CheckResult("solutions substituted back", False, "; ".join(failures)[:300])
    if undecided:
        return CheckResult("solutions substituted back", None, f"{undecided} residual(s) could not be decided")
    return CheckResult("solutions substituted back", True,
                       f"each of {len(solutions)} solution{'s' if len(solutions) > 1 else ''} gives residual 0")


def _inequality_check(outcome):
    result, relations, var = outcome.value, outcome.inputs["relations"], outcome.inputs["vars"][0]
    if not isinstance(result, sp.Set):
        try:
            result = result.as_set()
        except Exception:
            return []
    wrong, decided = [], 0
    for k in range(-40, 41):
        t = sp.Rational(k, 4) + sp.Rational(1, 7)  # points off the usual boundaries
        inside = bool(result.contains(t)) if result.contains(t) in (sp.true, sp.false) else None
        if inside is None:
            continue
        decided += 1
        holds = all(bool(r.subs(var, t)) for r in relations)
        if holds != inside:
            wrong.append(str(t))
    if not decided:  # no sample could be placed in or out of the set: nothing was compared
        return [CheckResult("sampled points agree with the solution set", None, "no sample point could be decided")]
    return [CheckResult("sampled points agree with the solution set", not wrong,
                        f"{decided} points in [-10, 10]" if not wrong else f"disagree at {', '.join(wrong[:5])}")]


OPERATIONS = (
    Operation("solve", _solve, {"solve": _roots_check, "solve_system": _roots_check,
                                "solve_inequality": _inequality_check},
              ("solve(x^2 - 7x + 10 = 0, x)", "solve([2x + y = 5, x - y = 1], [x, y])", "solve(x^2 - 9 < 0, x)")),
    Operation("roots", _roots, {"roots": _roots_check}, ("roots(x^3 - 3x^2 + 3x - 1, x)",)),
)
