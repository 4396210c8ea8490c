"""Operations on polynomials written with letters, where every letter is a variable.

In "Solve 682*i - 59422 = -532*i + 1278 for i" or "Expand (2*e + 3)*(e - 1)" the letters i and e are unknowns,
not the imaginary unit and Euler's number, so these operations build their SymPy objects themselves from the
tree (every Name a Symbol; only + - * / ^ and numbers) instead of through the general converter. Each result
is checked by letter_checks.py with Python Fractions (rational_poly.py), not SymPy.

    solve_for(eq, ..., x)     the values of x: the real roots of one polynomial equation (rational, or square
                              roots from quadratic factors), or the one solution of a square linear system
    expand_letters(p)         p multiplied out;        factor_letters(p)   p factored over the rationals
    coefficient_of(p, x, k)   the coefficient of x^k;  diff_letters(p, x, n)  the n-th derivative;
    diff_at(p, x, n, a)       the n-th derivative at x = a
    next_term(a1, ..., an)    the next term of a polynomial sequence;  nth_term(n, a1, ...)  its general term;
                              term_at(k, a1, ...)  its k-th term
    power_simplify(p)         a product of powers of one positive letter as one power
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from ..base import ToolFailure
from ..parsing import BinOp, Name, Neg, Node, Num, Relation
from .operations import Outcome

MAX_DEGREE = 60  # polynomial degrees these operations take on
MAX_TERMS = 40  # sequence length
MAX_POSITION = 10**9  # the farthest term asked for by its position


@dataclass(frozen=True)
class Listed:
    """Values shown as a list the way the question's answer is written ("-9800, -1, 1, 7")."""

    values: tuple

    @property
    def text(self) -> str:
        return ", ".join(sp.sstr(v) for v in self.values)

    def to_sympy(self):
        return self.values[0] if len(self.values) == 1 else sp.FiniteSet(*self.values)


def letters_to_sympy(node: Node, positive: bool = False):
    """Tree -> SymPy with every name a Symbol; only numbers, + - * / ^ and negation."""
    if isinstance(node, Num):
        value = Fraction(node.value)
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(node, Name):
        return sp.Symbol(node.name, positive=True) if positive else sp.Symbol(node.name)
    if isinstance(node, Neg):
        return -letters_to_sympy(node.operand, positive)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/", "^"):
        a, b = letters_to_sympy(node.left, positive), letters_to_sympy(node.right, positive)
        if node.op == "/" and b == 0:
            raise ToolFailure("domain", "division by zero")
        return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                "^": lambda: a**b}[node.op]()
    raise ToolFailure("unsupported", f"only + - * / ^ of numbers and letters are read here, not {type(node).__name__}")


def _letter(node: Node, what: str = "variable") -> sp.Symbol:
    if not isinstance(node, Name):
        raise ToolFailure("arity", f"expected a {what} name")
    return sp.Symbol(node.name)


def _whole(node: Node, what: str, low: int, high: int) -> int:
    value = letters_to_sympy(node)
    if not (value.is_Integer and low <= int(value) <= high):
        raise ToolFailure("arity", f"{what} must be a whole number from {low} to {high}")
    return int(value)


def _polynomial(expr, variables) -> sp.Poly:
    try:
        poly = sp.Poly(expr, *variables)
    except sp.PolynomialError:
        raise ToolFailure("domain", "not a polynomial") from None
    if not poly.domain.is_QQ and not poly.domain.is_ZZ:
        raise ToolFailure("domain", "not a polynomial with rational coefficients in the unknowns")
    if poly.total_degree() > MAX_DEGREE:
        raise ToolFailure("too_large", f"degree above {MAX_DEGREE}")
    return poly


# -- equations --------------------------------------------------------------------------------------

def solve_for(ctx, args) -> Outcome:
    *eq_nodes, var_node = args
    var = _letter(var_node)
    if not eq_nodes or not all(isinstance(n, Relation) and n.op == "=" for n in eq_nodes):
        raise ToolFailure("arity", "solve_for takes equations, then the unknown asked for")
    exprs = [letters_to_sympy(n.left) - letters_to_sympy(n.right) for n in eq_nodes]
    unknowns = sorted(set().union(*(e.free_symbols for e in exprs)), key=str)
    if var not in unknowns:
        raise ToolFailure("domain", f"{var} does not appear in the equations")
    if len(exprs) == 1 and unknowns == [var]:
        roots = _real_roots(_polynomial(exprs[0], [var]))
        return Outcome("solve_for", Listed(tuple(roots)), {"nodes": eq_nodes, "var": var.name})
    solution = _linear_solution(exprs, unknowns)
    return Outcome("solve_for", Listed((solution[var],)),
                   {"nodes": eq_nodes, "var": var.name, "solution": {str(k): v for k, v in solution.items()}})


def _real_roots(poly: sp.Poly) -> list:
    """The distinct roots, in increasing order, when every root is real and rational or a quadratic surd;
    anything else (complex roots, an irreducible cubic) is declined rather than listed in part."""
    if poly.degree() < 1:
        raise ToolFailure("domain", "the equation has no unknown left in it")
    _, factors = sp.factor_list(poly)
    roots = []
    for factor, _ in factors:
        if factor.degree() > 2:
            raise ToolFailure("unsupported", "a factor of degree 3 or more over the rationals: its roots are not "
                                             "listed here")
        found = sp.roots(factor, multiple=True)
        if len(found) != factor.degree() or not all(r.is_real for r in found):
            raise ToolFailure("unsupported", "some roots are not real; only real roots are listed here")
        roots.extend(found)
    return sorted(set(roots), key=lambda r: sp.N(r, 50))


def _linear_solution(exprs, unknowns) -> dict:
    if len(exprs) != len(unknowns):
        raise ToolFailure("domain", f"{len(exprs)} equation(s) in {len(unknowns)} unknowns: no single solution")
    for e in exprs:
        if _polynomial(e, unknowns).total_degree() > 1:
            raise ToolFailure("unsupported", "only linear systems are solved here")
    solutions = sp.linsolve(exprs, *unknowns)
    if len(solutions) != 1:
        raise ToolFailure("domain", "the system has no solution")
    (values,) = solutions
    if any(v.free_symbols for v in values):
        raise ToolFailure("domain", "the system does not determine every unknown")
    return dict(zip(unknowns, values))


# -- rewriting and calculus -------------------------------------------------------------------------

def expand_letters(ctx, args) -> Outcome:
    expr = letters_to_sympy(args[0])
    _polynomial(expr, sorted(expr.free_symbols, key=str) or [sp.Symbol("x")])
    return Outcome("expand_letters", sp.expand(expr), {"node": args[0]})


def factor_letters(ctx, args) -> Outcome:
    expr = letters_to_sympy(args[0])
    _polynomial(expr, sorted(expr.free_symbols, key=str) or [sp.Symbol("x")])
    return Outcome("factor_letters", sp.factor(expr), {"node": args[0]})


def coefficient_of(ctx, args) -> Outcome:
    if len(args) != 3:
        raise ToolFailure("arity", "coefficient_of takes (polynomial, variable, power)")
    var = _letter(args[1])
    power = _whole(args[2], "the power", 0, MAX_DEGREE)
    expr = letters_to_sympy(args[0])
    if expr.free_symbols - {var}:
        raise ToolFailure("domain", "the polynomial has letters other than the variable")
    poly = _polynomial(expr, [var])
    return Outcome("coefficient_of", poly.coeff_monomial(var**power),
                   {"node": args[0], "var": var.name, "power": power})


def diff_letters(ctx, args) -> Outcome:
    if len(args) not in (2, 3):
        raise ToolFailure("arity", "diff_letters takes (polynomial, variable) or (polynomial, variable, order)")
    var = _letter(args[1])
    order = _whole(args[2], "the order", 1, 20) if len(args) == 3 else 1
    expr = letters_to_sympy(args[0])
    _polynomial(expr, sorted(expr.free_symbols | {var}, key=str))
    return Outcome("diff_letters", sp.expand(sp.diff(expr, var, order)),
                   {"node": args[0], "var": var.name, "order": order})


def diff_at(ctx, args) -> Outcome:
    """diff_at(p, x, n, a): the n-th derivative of p in x at x = a (other letters stay)."""
    if len(args) != 4:
        raise ToolFailure("arity", "diff_at takes (polynomial, variable, order, point)")
    var = _letter(args[1])
    order = _whole(args[2], "the order", 1, 20)
    point = letters_to_sympy(args[3])
    if not point.is_Rational:
        raise ToolFailure("domain", "the point must be a number")
    expr = letters_to_sympy(args[0])
    _polynomial(expr, sorted(expr.free_symbols | {var}, key=str))
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


# -- sequences --------------------------------------------------------------------------------------

def _terms(nodes) -> list:
    if not 3 <= len(nodes) <= MAX_TERMS:
        raise ToolFailure("arity", f"a sequence of 3 to {MAX_TERMS} terms is read")
    terms = [letters_to_sympy(n) for n in nodes]
    if not all(t.is_Rational for t in terms):
        raise ToolFailure("domain", "the terms must be numbers")
    return terms


def _general_term(terms, var):
    """The polynomial of least degree through (1, a1), (2, a2), ...; a degree of n - 1 fits any n numbers, so
    a pattern is claimed only when at least one term more than the degree needs confirms it."""
    poly = sp.expand(sp.interpolate(list(enumerate(terms, start=1)), var))
    degree = sp.degree(poly, var) if poly.free_symbols else 0
    if degree > len(terms) - 2:
        raise ToolFailure("domain", "no polynomial pattern of low enough degree: the terms do not determine one")
    return poly


def next_term(ctx, args) -> Outcome:
    terms = _terms(args)
    n = sp.Symbol("n")
    value = _general_term(terms, n).subs(n, len(terms) + 1)
    return Outcome("next_term", value, {"terms": [Fraction(int(t.p), int(t.q)) for t in terms]})


def term_at(ctx, args) -> Outcome:
    position = _whole(args[0], "the position", 1, MAX_POSITION)
    terms = _terms(args[1:])
    n = sp.Symbol("n")
    value = _general_term(terms, n).subs(n, position)
    return Outcome("term_at", value, {"terms": [Fraction(int(t.p), int(t.q)) for t in terms], "position": position})


def nth_term(ctx, args) -> Outcome:
    var = _letter(args[0], "index")
    terms = _terms(args[1:])
    value = _general_term(terms, var)
    return Outcome("nth_term", value, {"terms": [Fraction(int(t.p), int(t.q)) for t in terms], "var": var.name})


OPERATIONS = {
    "solve_for": solve_for, "expand_letters": expand_letters, "factor_letters": factor_letters,
    "coefficient_of": coefficient_of, "diff_letters": diff_letters, "diff_at": diff_at,
    "power_simplify": power_simplify,
    "next_term": next_term, "nth_term": nth_term, "term_at": term_at,
}
