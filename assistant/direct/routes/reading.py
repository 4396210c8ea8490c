"""Readers shared by the algebra, polynomials, calculus and comparison routes: polynomials in letters, numbers
as written, lists of them. Each piece of text is parsed by calx's parser and accepted only if its tree is of
the expected kind; the text handed on is then the tool's own syntax, read again by the tool's parser.

Letters are variables here: in "Solve 682*i - 59422 = -532*i + 1278 for i" the i is the unknown, which is why
these routes call the letter operations of the symbolic tool (tools/symbolic/letter_ops.py).
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Name, Neg, Node, Num, ParseError, Relation, parse

from ..plan import RoutedCall, first_plan

MAX_TEXT = 20_000
TRAILING = re.compile(r"[\s?.!]+$")
ORDINALS = {"": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
            "7th": 7, "8th": 8, "9th": 9, "10th": 10}


def sentence(question: str) -> str:
    """The question without surrounding space and its closing marks; runs of spaces as one."""
    return TRAILING.sub("", re.sub(r"[^\S\n]+", " ", question.strip()))


def sentence_plan(question: str, rules: list[tuple], longest: int = 10_000) -> RoutedCall | None:
    """The plan of the first of `rules` that reads the question as a sentence; None for an empty or overlong one."""
    text = sentence(question)
    if not text or len(text) > longest:
        return None
    return first_plan(rules, text)


def _tree(text: str) -> Node | None:
    from ..text import ambiguous_division

    text = text.strip()
    if not text or len(text) > MAX_TEXT or "\n" in text or ambiguous_division(text):  # 1/2x: x/2 or 1/(2x)?
        return None
    try:
        return parse(text)
    except (ParseError, RecursionError):
        return None


def letters_in(node: Node) -> set[str]:
    found, stack = set(), [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name):
            found.add(n.name)
        stack.extend(n.children())
    return found


# capitals that name constants (the imaginary unit, Euler's number) are not read as letters; lower-case i and e
# are, as in the generator's sentences ("Solve 3*i - 6 = 0 for i")
CONSTANT_CAPITALS = frozenset({"I", "E"})


def _arithmetic_only(node: Node) -> bool:
    """Numbers, one-letter names, + - * / ^ and negation, nothing else."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name) and (len(n.name) != 1 or n.name in CONSTANT_CAPITALS):
            return False
        if not isinstance(n, (Num, Name, Neg, BinOp)) or isinstance(n, BinOp) and n.op not in "+-*/^":
            return False
        stack.extend(n.children())
    return True


def polynomial(text: str) -> tuple[str, Node] | None:
    """A polynomial with rational coefficients in one-letter variables (at least one), as (text, tree)."""
    tree = _tree(text)
    if tree is None or not _arithmetic_only(tree) or not letters_in(tree):
        return None
    return (text.strip(), tree) if _multiplies_out(tree) else None


def _multiplies_out(tree: Node) -> bool:
    """The tree multiplies out to a polynomial of bounded size (checked from the tree first: (x + y + z + w)^60 is
    never expanded here), with no division by zero and no giant coefficient, so readers after this one may
    multiply it out without a failure."""
    from tools.symbolic import rational_poly

    try:
        if not rational_poly.within(tree):
            return False
        rational_poly.from_tree(tree)
    except (rational_poly.NotPolynomial, ZeroDivisionError, RecursionError):  # a sum thousands of terms deep
        return False
    return True


def equation(text: str) -> tuple[str, Node] | None:
    """`p = q` with both sides polynomials (or numbers), some letter in it."""
    tree = _tree(text)
    if not (isinstance(tree, Relation) and tree.op == "=") or not letters_in(tree):
        return None
    if not (_arithmetic_only(tree.left) and _arithmetic_only(tree.right)):
        return None
    return (text.strip(), tree) if _multiplies_out(tree.left) and _multiplies_out(tree.right) else None


def powers_of(text: str, letter: str) -> str | None:
    """Products, quotients and powers of one letter with number exponents (o**5*o/o**(1/8))**(7/10)."""
    tree = _tree(text)
    try:
        if tree is None or not _arithmetic_only(tree) or not _powers_only(tree, letter):
            return None
    except RecursionError:
        return None
    return text.strip()


def _powers_only(node: Node, letter: str) -> bool:
    if isinstance(node, Name):
        return node.name == letter
    if isinstance(node, BinOp) and node.op in "*/":
        return _powers_only(node.left, letter) and _powers_only(node.right, letter)
    if isinstance(node, BinOp) and node.op == "^":
        return _powers_only(node.left, letter) and not letters_in(node.right) and _multiplies_out(node.right)
    return False


def number(text: str) -> str | None:
    """An exact number as written (7, -0.24, 102791/313, (-3)); arithmetic of numbers is accepted too."""
    tree = _tree(text)
    if tree is None or not _arithmetic_only(tree) or letters_in(tree) or _has_power(tree):
        return None
    return text.strip() if _multiplies_out(tree) else None  # no division by zero


def _has_power(node: Node) -> bool:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, BinOp) and n.op == "^":
            return True
        stack.extend(n.children())
    return False


def numbers(text: str) -> list[str] | None:
    """A comma-separated list of numbers ("4, 7111874, -1, 3", "1, 2 and 3", "0.1 or -0.2")."""
    parts = re.split(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", text.strip())
    if any(re.match(r"^\(?-?0\d", p) for p in parts):  # "1,000, 25": a thousands separator, not the number 000
        return None
    read = [number(p) for p in parts]
    return None if not read or any(r is None for r in read) else read


def options(text: str) -> list[tuple[str, str]] | None:
    """Lettered options "(a) 2/7  (b) -2668  (c) 1/3" as (label, number) pairs, labels a, b, c, ... in order."""
    parts = re.split(r"(?:^|\s+)\(([a-z])\)\s+", " " + text.strip())
    if len(parts) < 3 or parts[0].strip():
        return None
    labels, values = parts[1::2], [number(v) for v in parts[2::2]]
    if any(v is None for v in values) or labels != [chr(ord("a") + k) for k in range(len(labels))]:
        return None
    return list(zip(labels, values))


def ordinal(word: str | None) -> int | None:
    return ORDINALS.get((word or "").strip().lower())
