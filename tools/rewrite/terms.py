"""The term language of the rewriter: a small immutable tree, independent of SymPy (no worker needed).

`+` and `*` are flattened and their arguments sorted, so that commutative/associative matching
sees one canonical form; numbers are exact Fractions and are folded as terms are built.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..parsing import CHAIN_OPS, BinOp, Call, Name, Neg, Node, Num, Postfix, fold_chain

AC = frozenset({"+", "*"})  # associative and commutative heads


@dataclass(frozen=True, slots=True)
class Const:
    value: Fraction


@dataclass(frozen=True, slots=True)
class Sym:
    name: str


@dataclass(frozen=True, slots=True)
class Var:
    """A pattern variable ~x (segment=False) or segment variable ~~xs (segment=True)."""

    name: str
    segment: bool = False
    predicate: str = ""


@dataclass(frozen=True, slots=True)
class App:
    head: str  # "+", "*", "^", or a function name
    args: tuple


Term = Const | Sym | Var | App
ZERO, ONE, MINUS_ONE = Const(Fraction(0)), Const(Fraction(1)), Const(Fraction(-1))


def size(t: Term) -> int:
    if isinstance(t, App):
        return 1 + sum(size(a) for a in t.args)
    return 1


def _key(t: Term):
    """A total order for sorting arguments of + and *: numbers first, then symbols, then compounds."""
    if isinstance(t, Const):
        return (0, t.value, "")
    if isinstance(t, Sym):
        return (1, 0, t.name)
    if isinstance(t, Var):
        return (3 if t.segment else 2, 0, t.name)
    return (4, len(t.args), t.head + repr(tuple(_key(a) for a in t.args)))


def make(head: str, args) -> Term:
    """Build a term in canonical form: flatten, fold numbers, drop identities, sort."""
    args = tuple(args)
    if head in AC:
        flat: list[Term] = []
        for a in args:
            if isinstance(a, App) and a.head == head:
                flat.extend(a.args)
            else:
                flat.append(a)
        identity = Fraction(0) if head == "+" else Fraction(1)
        number = identity
        rest = []
        for a in flat:
            if isinstance(a, Const):
                number = number + a.value if head == "+" else number * a.value
            else:
                rest.append(a)
        if head == "*" and number == 0:
            return ZERO
        if number != identity:
            rest.append(Const(number))
        if not rest:
            return Const(identity)
        if len(rest) == 1 and not isinstance(rest[0], Var):
            return rest[0]
        return App(head, tuple(sorted(rest, key=_key)))
    if head == "^" and len(args) == 2:
        base, exp = args
        if isinstance(exp, Const) and exp.value == 1:
            return base
        if isinstance(exp, Const) and exp.value == 0 and not isinstance(base, Var):
            return ONE
        if isinstance(base, Const) and isinstance(exp, Const) and exp.value.denominator == 1 \
                and abs(exp.value) <= 64 and not (base.value == 0 and exp.value < 0):
            return Const(base.value ** int(exp.value))
    return App(head, args)


def from_tree(node: Node) -> Term:
    """Parse tree -> term. `a - b` is a + (-1)*b and `a / b` is a * b^-1, as in SymPy."""
    if isinstance(node, Num):
        return Const(Fraction(node.value))
    if isinstance(node, Name):
        return _name(node.name)
    if isinstance(node, Neg):
        return make("*", (MINUS_ONE, from_tree(node.operand)))
    if isinstance(node, BinOp) and node.op in CHAIN_OPS:  # long sums and products in a loop
        return fold_chain(node, from_tree, _from_binop)
    if isinstance(node, BinOp):
        return _from_binop(node.op, from_tree(node.left), from_tree(node.right))
    if isinstance(node, Call):
        return make(node.func, tuple(from_tree(a) for a in node.args))
    if isinstance(node, Postfix) and node.op == "!":
        return make("factorial", (from_tree(node.operand),))
    raise ValueError(f"the rewriter does not handle {type(node).__name__}")


def _from_binop(op: str, left: Term, right: Term) -> Term:
    if op == "+":
        return make("+", (left, right))
    if op == "-":
        return make("+", (left, make("*", (MINUS_ONE, right))))
    if op == "*":
        return make("*", (left, right))
    if op == "/":
        return make("*", (left, make("^", (right, MINUS_ONE))))
    if op == "^":
        return make("^", (left, right))
    return make(op, (left, right))


def _name(name: str) -> Term:
    if name.startswith("pv__") or name.startswith("seg__"):
        segment = name.startswith("seg__")
        body = name.split("__", 1)[1]
        var, _, predicate = body.partition("__")
        return Var(var, segment, predicate)
    return Sym({"e": "E", "i": "I"}.get(name, name))


# -- printing in SymPy's syntax ----------------------------------------------------------------------

def to_text(t: Term) -> str:
    return _text(t)[0]


def _num(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def _text(t: Term) -> tuple[str, int]:
    if isinstance(t, Const):
        s = _num(t.value)
        return s, (9 if t.value >= 0 and t.value.denominator == 1 else 2)
    if isinstance(t, Sym):
        return t.name, 9
    if isinstance(t, Var):
        return ("~~" if t.segment else "~") + t.name, 9
    if t.head == "+":
        parts = []
        for i, a in enumerate(_ordered_sum(t.args)):
            s, _ = _text(a)
            if i and s.startswith("-"):
                parts.append(" - " + s[1:])
            else:
                parts.append((" + " if i else "") + s)
        return "".join(parts), 1
    if t.head == "*":
        return _product(t)
    if t.head == "^":
        base, bp = _text(t.args[0])
        exp, ep = _text(t.args[1])
        base = base if bp > 4 else f"({base})"
        exp = exp if ep > 4 else f"({exp})"
        return f"{base}**{exp}", 4
    return f"{t.head}({', '.join(to_text(a) for a in t.args)})", 9


def _ordered_sum(args):
    # constants last reads naturally: x**2 + 2*x + 1
    return [a for a in args if not isinstance(a, Const)] + [a for a in args if isinstance(a, Const)]


def _product(t: App) -> tuple[str, int]:
    coeff = Fraction(1)
    num, den = [], []
    for a in t.args:
        if isinstance(a, Const):
            coeff *= a.value
        elif isinstance(a, App) and a.head == "^" and isinstance(a.args[1], Const) and a.args[1].value < 0:
            den.append(make("^", (a.args[0], Const(-a.args[1].value))))
        else:
            num.append(a)
    sign = "-" if coeff < 0 else ""
    coeff = abs(coeff)
    factors = ([] if coeff.numerator == 1 and num else [str(coeff.numerator)]) + [_factor(a) for a in num]
    text = "*".join(factors) if factors else "1"
    denominators = ([str(coeff.denominator)] if coeff.denominator != 1 else []) + [_factor(a) for a in den]
    if denominators:
        d = "*".join(denominators)
        text = f"{text}/{d if len(denominators) == 1 else '(' + d + ')'}"
    return sign + text, 3 if not sign else 2


def _factor(a: Term) -> str:
    s, p = _text(a)
    return s if p >= 3 else f"({s})"
