"""Matrices: determinant, inverse, rank, reduced row echelon form, eigenvalues and eigenvectors, transpose, and
matrix arithmetic written out ([[1, 2], [3, 4]] * [[5, 6], [7, 8]]), each beside its check: recomputed by
another algorithm or numerically by mpmath, multiplied back (A A^-1 = I, A v = λ v), or compared entry by entry.
"""
from __future__ import annotations

from typing import Callable

import mpmath
import sympy as sp

from ..base import ToolFailure
from .numeric import close, value_at
from .operation import CheckResult, Context, Operation, Outcome, residual_zero


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


def _det_check(outcome):
    m = outcome.inputs["matrix"]
    if m.free_symbols:
        return [CheckResult("determinant by Berkowitz", sp.simplify(m.det(method="berkowitz") - outcome.value) == 0,
                            "recomputed with another algorithm")]
    numeric = mpmath.det(mpmath.matrix([[value_at(x, {}) for x in row] for row in m.tolist()]))
    return [CheckResult("numeric determinant agrees", close(numeric, value_at(outcome.value, {})),
                        f"mpmath gives {mpmath.nstr(numeric, 15)}")]


def _inverse_check(outcome):
    m, inv = outcome.inputs["matrix"], outcome.value
    ok = (m * inv).applyfunc(sp.simplify) == sp.eye(m.rows)
    return [CheckResult("matrix times inverse is the identity", ok, "A * A^-1 multiplied out")]


def _eigenvals_check(outcome):
    m = outcome.inputs["matrix"]
    lam = sp.Symbol("lambda")
    charpoly = (m - lam * sp.eye(m.rows)).det()
    bad = [ev for ev in outcome.value if residual_zero(charpoly.subs(lam, ev)) is False]
    total = sum(outcome.value.values())
    return [CheckResult("eigenvalues are roots of det(A - λI)", not bad, f"{len(outcome.value)} values checked"
                        if not bad else f"not roots: {bad}"),
            CheckResult("multiplicities add up to the size", total == m.rows, f"{total} of {m.rows}")]


def _eigenvects_check(outcome):
    m = outcome.inputs["matrix"]
    bad = 0
    for val, _, vecs in outcome.value:
        for v in vecs:
            if (m * v - val * v).applyfunc(sp.simplify) != sp.zeros(m.rows, 1):
                bad += 1
    return [CheckResult("A v = λ v for each eigenvector", bad == 0, "multiplied out" if not bad else f"{bad} fail")]


def _rank_check(outcome):
    m = outcome.inputs["matrix"]
    other = m.T.rank()
    return [CheckResult("rank of the transpose agrees", other == int(outcome.value), f"rank(A^T) = {other}")]


def _transpose_check(outcome):
    m, t = outcome.inputs["matrix"], outcome.value
    ok = t.shape == (m.cols, m.rows) and all(m[i, j] == t[j, i] for i in range(m.rows) for j in range(m.cols))
    return [CheckResult("entries mirrored", ok, "A[i, j] = T[j, i] for every entry")]


def _rref_check(outcome):
    """Row reduction keeps the row space: A, R and A stacked on R all have the same rank."""
    m, r = outcome.inputs["matrix"], outcome.value
    ranks = {m.rank(), r.rank(), m.col_join(r).rank()}
    return [CheckResult("same row space as the input", len(ranks) == 1,
                        f"rank(A) = rank(R) = rank([A; R]) = {ranks.pop()}" if len(ranks) == 1 else f"ranks {ranks}")]


# -- arithmetic: no operation is called; registry.execute() makes the Outcome "matrix" ----------------

def check_matrix_arithmetic(outcome):
    """Matrix arithmetic recomputed from the parse tree with mpmath matrices (no SymPy involved)."""
    if outcome.value.free_symbols:
        return [CheckResult("recomputed with mpmath", None, "the matrix has symbols")]
    try:
        again = _mp_eval(outcome.inputs["node"])
    except (ValueError, TypeError, ZeroDivisionError) as exc:
        return [CheckResult("recomputed with mpmath", None, f"could not recompute: {exc}")]
    m = outcome.value
    if not isinstance(again, mpmath.matrix) or (again.rows, again.cols) != m.shape:
        return [CheckResult("recomputed with mpmath", False, "shape differs")]
    ok = all(close(again[i, j], value_at(m[i, j], {})) for i in range(m.rows) for j in range(m.cols))
    return [CheckResult("recomputed with mpmath", ok, "entry by entry, 30 digits")]


def _mp_eval(node):
    from ..parsing import BinOp, Neg, Num, Seq

    if isinstance(node, Num):
        v = node.value
        return mpmath.mpf(v.numerator) / v.denominator
    if isinstance(node, Neg):
        return -_mp_eval(node.operand)
    if isinstance(node, Seq) and node.items and all(isinstance(r, Seq) for r in node.items):
        return mpmath.matrix([[_mp_eval(x) for x in row.items] for row in node.items])
    if isinstance(node, BinOp):
        a, b = _mp_eval(node.left), _mp_eval(node.right)
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        if node.op == "/" and not isinstance(b, mpmath.matrix):
            return a / b
        if node.op == "^" and not isinstance(b, mpmath.matrix) and b == int(b):
            return a ** int(b)
    raise ValueError(f"{type(node).__name__} is not plain matrix arithmetic")


OPERATIONS = (
    Operation("det", _matrix_op("det", lambda m: m.det()), {"det": _det_check},
              ("det([[2, 1], [1, 2]])", "det([[a, b], [c, d]])")),
    Operation("inverse", _matrix_op("inverse", lambda m: m.inv()), {"inverse": _inverse_check},
              ("inverse([[2, 1], [1, 2]])",), aliases=("inv",)),
    Operation("rank", _matrix_op("rank", lambda m: sp.Integer(m.rank())), {"rank": _rank_check},
              ("rank([[1, 2, 3], [2, 4, 6]])",)),
    Operation("rref", _matrix_op("rref", lambda m: m.rref()[0]), {"rref": _rref_check},
              ("rref([[1, 2, 3], [4, 5, 6]])",)),
    Operation("eigenvals", _matrix_op("eigenvals", lambda m: m.eigenvals()), {"eigenvals": _eigenvals_check},
              ("eigenvals([[2, 1], [1, 2]])",)),
    Operation("eigenvects", _matrix_op("eigenvects", lambda m: m.eigenvects()), {"eigenvects": _eigenvects_check},
              ("eigenvects([[2, 1], [1, 2]])",)),
    Operation("transpose", _matrix_op("transpose", lambda m: m.T), {"transpose": _transpose_check},
              ("transpose([[1, 2, 3], [4, 5, 6]])",)),
)
