"""A function defined piece by piece, evaluated at numbers: 'Let \\[f(x) = \\begin{cases} 3x + 5 &\\text{if }x<-3, \\\\
7-4x&\\text{if }x\\ge -3. \\end{cases}\\] Find $f(5)$.' (array or cases environments; conditions that compare the letter
with numbers, 'otherwise', or 'x is even / odd').

Here the pieces are read and, for each call, the one piece whose condition holds is chosen, exactly over the
Fractions (two pieces that both hold, or none, and the question goes on). The calculator then works out the
arithmetic of the chosen pieces with the arguments put in; the value found here by evaluating each piece must
agree with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation, Seq, to_text

from ..algebra_checks import NotDerived, agreeing, polynomial
from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula, read_formula

HEAD = re.compile(r"^\s*([A-Za-z])\s*\(\s*([A-Za-z])\s*\)\s*=\s*(?:\\left\s*\\\{|\\begin\s*\{cases\})", re.S)
BODY = re.compile(r"\\begin\s*\{array\}\s*\{[^{}]*\}(.*?)\\end\s*\{array\}|\\begin\s*\{cases\}(.*?)\\end\s*\{cases\}",
                  re.S)
TEXT = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{([^{}]*)\}")
OPERATORS = {"<": "<", ">": ">", "\\lt": "<", "\\gt": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=",
             "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=", "\\ne": "!=", "\\neq": "!=", "=": "="}
MAX_CALLS = 40


@dataclass(frozen=True)
class Piece:
    formula: Node
    tests: tuple  # ((op, number), ...) on the letter, or ("even",) / ("odd",) / () for otherwise


@dataclass(frozen=True)
class Piecewise:
    name: str
    letter: str
    pieces: tuple[Piece, ...]


def read_piecewise(latex: str) -> Piecewise | None:
    head, body = HEAD.match(latex), BODY.search(latex)
    if head is None or body is None:
        return None
    name, letter = head.groups()
    rows = [r for r in re.split(r"\\\\(?:\[[^\]]*\])?", body.group(1) or body.group(2)) if r.strip()]
    pieces = []
    for row in rows:
        parts = row.split("&")
        if len(parts) != 2:
            return None
        piece = _piece(parts[0], parts[1], letter)
        if piece is None:
            return None
        pieces.append(piece)
    otherwise = [p for p in pieces if p.tests == ()]
    if len(pieces) < 2 or len(otherwise) > 1 or otherwise and pieces[-1].tests != ():
        return None
    return Piecewise(name, letter, tuple(pieces))


def _piece(expression: str, condition: str, letter: str) -> Piece | None:
    expression = expression.strip().rstrip(",;").strip()
    tree = read_formula(expression).tree
    if tree is None or isinstance(tree, (Relation, Seq)) or polynomial_or_number(tree, letter) is False:
        return None
    condition = TEXT.sub(lambda m: f" {m.group(1)} ", condition)
    condition = re.sub(r"\\[,;:! ]|\\quad|\\qquad|~", " ", condition)
    condition = re.sub(r"\s+", " ", condition).strip().rstrip(",.;").strip()
    condition = re.sub(r"^(?:if|for|when)\b\s*", "", condition, flags=re.I).strip().rstrip(",.;").strip()
    if re.fullmatch(r"(?:otherwise|else|elsewhere)", condition, re.I):
        return Piece(tree, ())
    m = re.fullmatch(re.escape(letter) + r"\s+is\s+(even|odd)", condition, re.I)
    if m:
        return Piece(tree, (m.group(1).lower(),))
    tests = _comparisons(condition, letter)
    return None if tests is None else Piece(tree, tests)


def polynomial_or_number(tree: Node, letter: str) -> bool:
    """Only + - * / and whole powers of the letter and numbers (what the exact evaluation below reads)."""
    for node in _walk(tree):
        if isinstance(node, Name) and node.name != letter:
            return False
        if isinstance(node, Call) and node.func not in ("sqrt", "abs"):
            return False
    return True


def _walk(node: Node):
    yield node
    for child in node.children():
        yield from _walk(child)


def _comparisons(text: str, letter: str) -> tuple | None:
    """'-2 \\le x \\le 2' -> (('>=', -2), ('<=', 2)); 'x<-3' -> (('<', -3),)."""
    ops = "|".join(re.escape(o) for o in sorted(OPERATORS, key=len, reverse=True))
    parts = re.split(r"\s*(" + ops + r")(?![A-Za-z])\s*", text)
    if len(parts) not in (3, 5):
        return None
    terms, relations = parts[0::2], [OPERATORS[o] for o in parts[1::2]]
    if sum(t.strip() == letter for t in terms) != 1:
        return None
    at = next(k for k, t in enumerate(terms) if t.strip() == letter)
    flipped = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "!=": "!=", "=": "="}
    tests = []
    for k, op in enumerate(relations):
        other = terms[k] if k + 1 == at else terms[k + 1] if k == at else None
        if other is None:
            return None
        value = _number(other)
        if value is None:
            return None
        tests.append((op if k == at else flipped[op], value))
    return tuple(tests)


def _number(text: str) -> Fraction | None:
    tree = read_formula(text.strip()).tree
    poly = polynomial(tree, set()) if tree is not None else None
    return None if poly is None else poly.get((), Fraction(0))


# -- evaluation ------------------------------------------------------------------------------------------------

def _holds(piece: Piece, x: Fraction) -> bool:
    if piece.tests in (("even",), ("odd",)):
        if x.denominator != 1:
            raise NotDerived("even or odd asked of a fraction")
        return (x.numerator % 2 == 0) == (piece.tests[0] == "even")
    compare = {"<": x.__lt__, ">": x.__gt__, "<=": x.__le__, ">=": x.__ge__, "!=": x.__ne__, "=": x.__eq__}
    return all(compare[op](value) for op, value in piece.tests)


def _choose(function: Piecewise, x: Fraction) -> Piece:
    stated = [p for p in function.pieces if p.tests != () and _holds(p, x)]
    if len(stated) > 1:
        raise NotDerived("two pieces hold")
    if stated:
        return stated[0]
    otherwise = [p for p in function.pieces if p.tests == ()]
    if not otherwise:
        raise NotDerived("no piece holds")
    return otherwise[0]


def exact_value(node: Node, env: dict[str, Fraction]) -> Fraction:
    """A formula in + - * / whole powers and abs, its letters bound to rationals, over the Fractions."""
    return _exact(node, env)


def _exact(node: Node, env: dict[str, Fraction]) -> Fraction:
    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Name):
        if node.name not in env:
            raise NotDerived(f"unbound {node.name}")
        return env[node.name]
    if isinstance(node, Neg):
        return -_exact(node.operand, env)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/"):
        a, b = _exact(node.left, env), _exact(node.right, env)
        if node.op == "/" and b == 0:
            raise NotDerived("division by zero")
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else a}[node.op]
    if isinstance(node, BinOp) and node.op == "^":
        a, b = _exact(node.left, env), _exact(node.right, env)
        if b.denominator != 1 or abs(b) > 64 or a == 0 and b < 0:
            raise NotDerived("power")
        return a ** int(b)
    if isinstance(node, Call) and node.func == "abs" and len(node.args) == 1:
        return abs(_exact(node.args[0], env))
    raise NotDerived(type(node).__name__)


class _Inliner:
    """The asked formula with every call replaced by its chosen piece, for the calculator; and its exact value."""

    def __init__(self, function: Piecewise):
        self.function = function
        self.calls = 0

    def value(self, node: Node) -> Fraction:
        """Values all the way: each call's piece evaluated at its argument's value (no formula built)."""
        if isinstance(node, Call) and node.func == self.function.name and len(node.args) == 1:
            self.calls += 1
            if self.calls > MAX_CALLS:
                raise NotDerived("too many calls")
            x = self.value(node.args[0])
            return _exact(_choose(self.function, x).formula, {self.function.letter: x})
        if isinstance(node, Num):
            return Fraction(node.value)
        if isinstance(node, Neg):
            return -self.value(node.operand)
        if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/", "^"):
            return _exact(BinOp(node.op, Num(self.value(node.left)), Num(self.value(node.right))), {})
        raise NotDerived(type(node).__name__)

    def _call(self, node: Call) -> tuple[Node, Fraction]:
        self.calls += 1
        if self.calls > MAX_CALLS or len(node.args) != 1:
            raise NotDerived("too many calls")
        argument = self.inline(node.args[0])
        x = _exact(argument, {})
        piece = _choose(self.function, x)
        inlined = _put_in(piece.formula, self.function.letter, argument)
        return inlined, _exact(piece.formula, {self.function.letter: x})

    def inline(self, node: Node) -> Node:
        if isinstance(node, Call) and node.func == self.function.name:
            return self._call(node)[0]
        return self._rebuild(node)

    def _rebuild(self, node: Node) -> Node:
        if isinstance(node, (Num,)):
            return node
        if isinstance(node, Neg):
            return Neg(self.inline(node.operand))
        if isinstance(node, BinOp):
            return BinOp(node.op, self.inline(node.left), self.inline(node.right))
        if isinstance(node, Call) and node.func == "abs":
            return Call("abs", tuple(self.inline(a) for a in node.args))
        raise NotDerived(type(node).__name__)


def _put_in(node: Node, letter: str, value: Node) -> Node:
    if isinstance(node, Name):
        return value if node.name == letter else node
    if isinstance(node, Num):
        return node
    if isinstance(node, Neg):
        return Neg(_put_in(node.operand, letter, value))
    if isinstance(node, BinOp):
        return BinOp(node.op, _put_in(node.left, letter, value), _put_in(node.right, letter, value))
    if isinstance(node, Call):
        return Call(node.func, tuple(_put_in(a, letter, value) for a in node.args))
    raise NotDerived(type(node).__name__)


def evaluate(definition: Formula, asked: Formula) -> RoutedCall | None:
    function = read_piecewise(definition.latex)
    if function is None:
        return None
    query = read_formula(asked.latex, frozenset({function.name}))
    if query.tree is None or isinstance(query.tree, (Relation, Seq)) or query.names:
        return None
    inliner = _Inliner(function)
    try:
        formula = inliner.inline(query.tree)
        expected = _exact(formula, {})
        if inliner.calls == 0:
            return None
        # the second route: each call's value from its piece, evaluated exactly, built up again
        again = _Inliner(function).value(query.tree)
    except (NotDerived, ZeroDivisionError, OverflowError):
        return None
    if again != expected:
        return None
    text = to_text(formula)
    return RoutedCall("calculator", text, text, CheckKind.ARITHMETIC, relabel=agreeing(expected))

