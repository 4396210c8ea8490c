"""The formulas of a competition question: each $...$ read by calx's LaTeX reader, the prose kept with placeholders.

Two notations MATH uses that are not expressions in the parser's sense are read here, before the LaTeX
reader sees the formula: a repeating decimal 0.4\\overline{36} becomes the fraction it names, and a number
written in a base, 1011_2 or 213_{4}, becomes its value. Each rewrite is shown in the formula's `reading`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, ParseError, parse

from ..plan import CheckKind

# the route's own checks (assistant/direct/competition_checks.py). Here, not in competition.py, so that
# competition_functions.py need not import competition.py back.
COMPETITION = CheckKind.COMPETITION

# Trailing sentences that only say how to write the answer; anything else is a condition not read.
FORM = re.compile(
    r"^(?:express|write|give|enter)\s+(?:your|the)\s+answer\s+"
    r"(?:as\s+an?\s+(?:common\s+|improper\s+|reduced\s+|single\s+)?fraction(?:\s+in\s+(?:simplest|lowest)\s+"
    r"(?:form|terms))?|as\s+an\s+integer|in\s+(?:simplest|lowest)\s+(?:radical\s+)?(?:form|terms)|in\s+radians|"
    r"in\s+terms\s+of\s+⟨\d+⟩)$", re.IGNORECASE)

MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<!\\)\$(.+?)(?<!\\)\$|\\\((.+?)\\\)", re.S)
MAX_FORMULAS = 12
CONSTANT_NAMES = frozenset({"pi", "i", "oo"})

REPEATING = re.compile(r"(?<![\d.])(\d*)\.(\d*)\\overline\s*\{\s*(\d+)\s*\}")
BASED = re.compile(r"(?<![A-Za-z\\\d.])(\d+)_\s*(?:\{\s*(\d+)\s*\}|(\d))")


@dataclass
class Formula:
    latex: str
    tree: Node | None  # None: the formula could not be read
    names: frozenset[str] = frozenset()  # free names other than pi and i
    based: bool = False  # holds a number written in a base other than 10
    notes: list[str] = field(default_factory=list)  # rewrites made before reading (for people)


def split_question(question: str) -> tuple[str, list[Formula]] | None:
    """The prose with each formula replaced by ⟨k⟩, and the formulas; None if the dollars do not pair up."""
    formulas: list[Formula] = []

    def hold(m: re.Match) -> str:
        latex = next(g for g in m.groups() if g is not None)
        formulas.append(read_formula(latex))
        stop = re.search(r"[.,;]\s*$", latex)  # "$\\arcsin(-1/2).$": the sentence's stop inside the formula
        return f" ⟨{len(formulas) - 1}⟩{stop.group(0).strip() if stop else ''} "

    prose = MATH.sub(hold, question) if "$" in question or "\\(" in question else question
    if re.search(r"(?<!\\)\$", prose) or "⟨" in question or len(formulas) > MAX_FORMULAS:
        return None
    prose = re.sub(r"\s+([,.?!:;])", r"\1", prose)
    return prose, formulas


def read_formula(latex: str, applied: frozenset[str] = frozenset()) -> Formula:
    from tools.parsing.latex import LatexError, latex_to_text

    notes: list[str] = []
    latex = latex.strip().rstrip(".,;").strip()
    text, based = _numbers_in_bases(latex, notes)
    text = _repeating_decimals(text, notes)
    text = _series_written_out(text, notes)
    if text is None:
        return Formula(latex, None, notes=notes)
    try:
        tree = parse(latex_to_text(text), applied=applied)
        names = _names(tree)  # a tree the parser built may still be too deep for this walk (1+1+...+1)
    except (LatexError, ParseError, RecursionError):
        return Formula(latex, None, notes=notes)
    return Formula(latex, tree, names - CONSTANT_NAMES, based, notes)


# 1 + 2 + 3 + \cdots + 100: at least three terms shown, so that the rule (a difference or a ratio) is settled
SERIES = re.compile(r"(?<![\d.^_{])((?:\d+\s*\+\s*){3,})(?:\\[cl]?dots|\.\.\.)\s*\+\s*(\d+)(?![\d.])")
MAX_SERIES_TERMS = 2000


def _series_written_out(text: str | None, notes: list[str]) -> str | None:
    """A sum with dots becomes the sum of all its terms, spelled out (so that the calculator adds them and the
    check adds them again); None where the dots hide no clear rule, or too many terms."""
    if text is None or not re.search(r"\\[cl]?dots|\.\.\.", text):
        return text

    def spelled(m: re.Match) -> str:
        shown = [int(t) for t in re.findall(r"\d+", m.group(1))]
        terms = _progression(shown, int(m.group(2)))
        if terms is None:
            raise ValueError(m.group(0))
        notes.append(f"{m.group(0)} has {len(terms)} terms")
        return "(" + " + ".join(map(str, terms)) + ")"

    try:
        text = SERIES.sub(spelled, text)
    except ValueError:
        return None
    return None if re.search(r"\\[cl]?dots|\.\.\.", text) else text


def _progression(shown: list[int], last: int) -> list[int] | None:
    differences = {b - a for a, b in zip(shown, shown[1:])}
    if len(differences) == 1 and (step := differences.pop()) != 0:
        if (last - shown[0]) % step or (last - shown[0]) // step + 1 < len(shown):
            return None
        count = (last - shown[0]) // step + 1
        return [shown[0] + step * k for k in range(count)] if count <= MAX_SERIES_TERMS else None
    if shown[0] and all(b % a == 0 for a, b in zip(shown, shown[1:]) if a):
        ratios = {b // a for a, b in zip(shown, shown[1:]) if a}
        if len(ratios) == 1 and (ratio := ratios.pop()) > 1 and 0 not in shown:
            terms = [shown[0]]
            while terms[-1] < last and len(terms) <= MAX_SERIES_TERMS:
                terms.append(terms[-1] * ratio)
            return terms if terms[-1] == last and terms[:len(shown)] == shown else None
    return None


BINDERS = {"sum": 4, "product": 4, "integrate": 4, "limit": 3}  # a call with this many arguments binds its 2nd


def _names(tree: Node) -> frozenset[str]:
    """Free names: the k of a sum over k = 1..10, the x of a definite integral in x, are bound."""
    if isinstance(tree, Name):
        return frozenset({tree.name})
    if isinstance(tree, Call) and len(tree.args) >= BINDERS.get(tree.func, 99) and isinstance(tree.args[1], Name):
        inner = _names(tree.args[0]) - {tree.args[1].name}
        return inner.union(*(_names(a) for a in tree.args[2:]))
    return _children_names(tree)


def _children_names(tree: Node) -> frozenset[str]:
    return frozenset().union(*(_names(c) for c in tree.children()))


def repeating_value(whole: str, fixed: str, period: str) -> Fraction:
    """0.4\\overline{36}: whole 0, fixed digits 4, repeating 36 -> 4/10 + 36/990."""
    value = Fraction(int(whole or "0"))
    if fixed:
        value += Fraction(int(fixed), 10 ** len(fixed))
    return value + Fraction(int(period), (10 ** len(period) - 1) * 10 ** len(fixed))


def _repeating_decimals(text: str | None, notes: list[str]) -> str | None:
    if text is None:
        return None

    def fraction(m: re.Match) -> str:
        value = repeating_value(*m.groups())
        if not _long_division_repeats(value, *m.groups()):
            raise ValueError(m.group(0))  # never expected: the formula and the long division disagree
        notes.append(f"{m.group(0)} = {value}")
        return f"\\frac{{{value.numerator}}}{{{value.denominator}}}"

    try:
        text = REPEATING.sub(fraction, text)
    except ValueError:
        return None
    return None if "\\overline" in text else text  # an \overline not read as a period is not guessed


def _long_division_repeats(value: Fraction, whole: str, fixed: str, period: str) -> bool:
    """The fraction divided out digit by digit gives back the digits as written, the period twice over: a second
    route to the value than repeating_value's formula."""
    if int(whole or "0") != value.numerator // value.denominator:
        return False
    remainder, digits = value.numerator % value.denominator, []
    for _ in range(len(fixed) + 2 * len(period)):
        remainder *= 10
        digits.append(str(remainder // value.denominator))
        remainder %= value.denominator
    written = fixed + period * 2
    # 0.\overline{9} is 1: its long division gives zeros; such a period is not read
    return "".join(digits) == written


def _numbers_in_bases(text: str, notes: list[str]) -> tuple[str | None, bool]:
    found = False

    def value(m: re.Match) -> str:
        nonlocal found
        digits, base = m.group(1), int(m.group(2) or m.group(3))
        if not 2 <= base <= 10 or any(int(d) >= base for d in digits):
            raise ValueError(m.group(0))
        found = found or base != 10
        number = int(digits, base)
        if _digits_in_base(number, base) != digits.lstrip("0"):
            raise ValueError(m.group(0))  # never expected: int() and the repeated division disagree
        notes.append(f"{digits} in base {base} = {number}")
        return str(number)

    try:
        return BASED.sub(value, text), found
    except ValueError:
        return None, False


# -- shapes of formulas ---------------------------------------------------------------------------------------

def linear_in(tree: Node, name: str) -> bool:
    """Of degree exactly 1 as a polynomial in `name`."""
    return degree(tree, name) == 1


def degree(node: Node, name: str) -> float:
    """The degree of a formula as a polynomial in `name`; infinity where it is not one (x in a denominator,
    an exponent or a function)."""
    if isinstance(node, Num):
        return 0
    if isinstance(node, Name):
        return 1 if node.name == name else 0
    if isinstance(node, Neg):
        return degree(node.operand, name)
    if isinstance(node, BinOp) and node.op in ("+", "-"):
        return max(degree(node.left, name), degree(node.right, name))
    if isinstance(node, BinOp) and node.op == "*":
        return degree(node.left, name) + degree(node.right, name)
    if isinstance(node, BinOp) and node.op == "/":
        return degree(node.left, name) if degree(node.right, name) == 0 else float("inf")
    if isinstance(node, BinOp) and node.op == "^" and integer_literal(node.right):
        exponent = int(Fraction(node.right.value if isinstance(node.right, Num) else -1))
        base = degree(node.left, name)
        return base * exponent if exponent >= 0 else (0 if base == 0 else float("inf"))
    return 0 if name not in _names(node) else float("inf")


def total_degree(node: Node, names: frozenset[str]) -> float:
    """The degree in all of `names` together (x*y is 2); infinity where it is no polynomial in them."""
    if isinstance(node, Num):
        return 0
    if isinstance(node, Name):
        return 1 if node.name in names else 0
    if isinstance(node, Neg):
        return total_degree(node.operand, names)
    if isinstance(node, BinOp) and node.op in ("+", "-"):
        return max(total_degree(node.left, names), total_degree(node.right, names))
    if isinstance(node, BinOp) and node.op == "*":
        return total_degree(node.left, names) + total_degree(node.right, names)
    if isinstance(node, BinOp) and node.op == "/" and total_degree(node.right, names) == 0:
        return total_degree(node.left, names)
    if isinstance(node, BinOp) and node.op == "^" and isinstance(node.right, Num) and integer_literal(node.right):
        return total_degree(node.left, names) * int(node.right.value)
    return 0 if not (_names(node) & names) else float("inf")


def integer_literal(node: Node) -> bool:
    if isinstance(node, Neg):
        return integer_literal(node.operand)
    return isinstance(node, Num) and not node.decimal and Fraction(node.value).denominator == 1


def the_one_value(answer: str) -> str | None:
    """'{5}' or '{x: 6}' -> '5', '6': the value asked for. No solution, several, or a complex one (a question
    asking for 'the value' means a real one) is not one value: None, and the question goes on."""
    m = re.fullmatch(r"\{\s*(?:[A-Za-z]\w*\s*:\s*)?([^{}:,]+?)\s*\}", answer.strip())
    if m is None or re.search(r"\b(?:I|oo|zoo|nan)\b", m.group(1)):
        return None
    return m.group(1)


def _digits_in_base(number: int, base: int) -> str:
    """Repeated division: the digits of a number in a base, a second route to int(digits, base)."""
    out = []
    while number:
        number, digit = divmod(number, base)
        out.append(str(digit))
    return "".join(reversed(out))


# a number in the prose: a formula's placeholder, or digits typed in the prose (1,000 is one number; 5^207 a power
# typed without LaTeX)
NUMBER = r"⟨\d+⟩|\d{1,3}(?:,\d{3})+(?![\d^!])|\d+\^\d+|\d+!|\d+"
N = r"(" + NUMBER + r")"


def formula_of(formulas: list[Formula], ref: str) -> Formula | None:
    """A placeholder's formula, or a number typed in the prose read as a formula of its own."""
    m = re.fullmatch(r"⟨(\d+)⟩", ref.strip())
    if m:
        return formulas[int(m.group(1))]
    digits = ref.replace(",", "")
    if re.fullmatch(r"\d+\^\d+|\d+!", digits):  # plain text, not LaTeX: 5^207 is five to the 207th
        return Formula(digits, parse(digits))
    return read_formula(digits) if digits.isdigit() else None
