"""Equations in a competition question: one unknown (its one real value, or a sum or count of all of them), or a
linear system with one unknown asked for. The symbolic engine solves; how its answer is read back decides whether
the question is answered at all (several values where one was asked for send it on to the planner).
"""
from __future__ import annotations

import re
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Node, Relation, subtrees, to_text

from ..plan import CheckKind, RoutedCall
from .arithmetic import ambiguous_root
from .competition_reading import Formula, the_one_value, total_degree
from .competition_shapes import convention_bound, has_matrix_value


def solve(formulas: list[Formula], var_ref: str | None, eq_ref: str, pick=None) -> RoutedCall | None:
    """One equation in one unknown, whose one real solution is what MATH asks for. Where the engine finds several
    (a quadratic's two roots, the complex companions of 2^{2x} = 16) the question narrows them down in words this
    module does not read: the answer is then not one value (the_one_value), and the question goes on. `pick`
    instead reads the whole set (their sum, the largest) and is given only for algebraic equations, whose
    solutions the engine lists completely."""
    eq = formulas[int(eq_ref)]
    var = formulas[int(var_ref)].tree if var_ref is not None else None
    if var_ref is not None and var is None:
        return None  # the asked formula was not read ('what is x^1 x^2 ... x^9'): it is not the unknown
    if eq.tree is None or not isinstance(eq.tree, Relation) or eq.tree.op != "=" or len(eq.names) != 1:
        return None
    (name,) = eq.names
    if var is not None and not (isinstance(var, Name) and var.name == name):
        return None
    if ambiguous_root(eq.tree) or convention_bound(eq.tree) or has_matrix_value(eq.tree):
        return None
    if _periodic_in(eq.tree, name) or pick is not None and not _algebraic_in(eq.tree, name):
        return None  # sin x = 1/2 has infinitely many solutions; the engine lists a few
    if any(isinstance(n, Call) and n.func == "abs" and name in _free(n) for n in subtrees(eq.tree)):
        return None  # the engine solves |x| only for an unknown declared real, which solve() cannot say
    call = f"solve({to_text(eq.tree)}, {name})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=pick or the_one_value)


PERIODIC = {"sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh"}


def _periodic_in(tree: Node, name: str) -> bool:
    return any(isinstance(n, Call) and n.func in PERIODIC and name in _free(n) for n in subtrees(tree))


def _algebraic_in(tree: Node, name: str) -> bool:
    """The unknown only under + - * /, constant powers and square roots."""
    for n in subtrees(tree):
        if isinstance(n, Call) and n.func != "sqrt" and name in _free(n):
            return False
        if isinstance(n, BinOp) and n.op == "^" and name in _free(n.right):
            return False
        if isinstance(n, BinOp) and n.op == "mod" and name in _free(n):
            return False
    return True


def _free(node: Node) -> set[str]:
    return {n.name for n in subtrees(node) if isinstance(n, Name)}


def _rational_set(answer: str) -> list[Fraction] | None:
    """'{-2, 1/3, 5}' -> the rationals; None if any member is not a rational number."""
    m = re.fullmatch(r"\{(.*)\}", answer.strip())
    if m is None or not m.group(1).strip():
        return None
    values = []
    for part in m.group(1).split(","):
        number = re.fullmatch(r"\s*(-?\d+)(?:/(\d+))?\s*", part)
        if number is None:
            return None
        values.append(Fraction(int(number.group(1)), int(number.group(2) or 1)))
    return values


def _show(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def picked(how: str):
    """The relabel that reads a solution set: the sum, product, largest, smallest, positive or negative one, or
    how many; None (the planner's turn) where a member is not rational or the one asked for is not one."""
    def relabel(answer: str) -> str | None:
        values = _rational_set(answer)
        if values is None:
            return None
        if how == "sum":
            return _show(sum(values, Fraction(0)))
        if how == "product":
            product = Fraction(1)
            for v in values:
                product *= v
            return _show(product)
        if how == "count":
            return str(len(values))
        if how in ("largest", "smallest"):
            return _show(max(values) if how == "largest" else min(values))
        chosen = [v for v in values if (v > 0 if how == "positive" else v < 0)]
        return _show(chosen[0]) if len(chosen) == 1 else None
    return relabel


PICKS = {"sum": "sum", "product": "product", "largest": "largest", "greatest": "largest", "smallest": "smallest",
         "least": "smallest", "positive": "positive", "negative": "negative"}


def pick_rule(formulas, how, var_ref, eq_ref):
    return solve(formulas, var_ref, eq_ref, pick=picked(PICKS[how.lower()]))


def count_rule(formulas, eq_ref):
    return solve(formulas, None, eq_ref, pick=picked("count"))


def system(formulas: list[Formula], first: str, more: str, var_ref: str) -> RoutedCall | None:
    """'If $x + y = 10$ and $x - y = 2$, what is $x$?': linear equations, as many as their unknowns, and the value
    of one unknown asked for."""
    refs = [int(first)] + [int(r) for r in re.findall(r"⟨(\d+)⟩", more)]
    equations = [formulas[r] for r in refs]
    var = formulas[int(var_ref)].tree
    if any(e.tree is None or not isinstance(e.tree, Relation) or e.tree.op != "=" for e in equations):
        return None
    unknowns = frozenset().union(*(e.names for e in equations))
    if not isinstance(var, Name) or var.name not in unknowns or len(unknowns) != len(equations) or len(refs) < 2:
        return None
    if any(total_degree(side, unknowns) > 1 for e in equations for side in (e.tree.left, e.tree.right)):
        return None
    call = f"solve({', '.join(to_text(e.tree) for e in equations)}, {var.name})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=the_one_value)
