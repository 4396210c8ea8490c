"""Direct arithmetic and integer questions, read from the words people type, mapped to calculator/bigint calls."""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Callable

from tools.parsing import (BinOp, Call, Name, Neg, Node, Num, ParseError, Postfix, Relation, Seq, TooDeepError, parse,
                           subtrees, to_text)

from ..literals import LazyRegex, thousands_separated
from ..plan import CheckKind, RoutedCall, check_kind_of, first_plan
from ..text import ambiguous_division, strip_question, words_to_operators

CONSTANTS = {"pi", "e", "E", "i", "I"}
ORDINAL = r"(\d[\d,_]*)(?:st|nd|rd|th)"
LIST_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|\band\b|&)\s*")
I = re.IGNORECASE


def free_names(node: Node) -> set[str]:
    """Names in the tree that are not numeric constants: their presence means algebra, not arithmetic."""
    return {n.name for n in subtrees(node) if isinstance(n, Name) and n.name not in CONSTANTS}


def ambiguous_root(node: Node) -> bool:
    """A negative number to a fractional power with an odd denominator: (-125)^(4/3) is 625 with the real cube
    root a textbook means, and -312.5 - 541.3i with the principal root the engines compute. The direct route
    does not guess which was meant; such a question goes on (to the planner, or is declined)."""
    for n in subtrees(node):
        if isinstance(n, BinOp) and n.op == "^":
            base, exponent = _constant(n.left), _constant(n.right)
            if base is not None and exponent is not None and base < 0 and exponent.denominator % 2 == 1 \
                    and exponent.denominator != 1:
                return True
    return False


def _constant(node: Node, depth: int = 0) -> Fraction | None:
    """The value of a small constant subtree (-125, 4/3, -(1/3)), else None."""
    if depth > 8:
        return None
    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Neg):
        inner = _constant(node.operand, depth + 1)
        return None if inner is None else -inner
    if isinstance(node, BinOp) and node.op in ("/", "*", "+", "-"):
        a, b = _constant(node.left, depth + 1), _constant(node.right, depth + 1)
        if a is None or b is None or (node.op == "/" and b == 0):
            return None
        return {"/": lambda: a / b, "*": lambda: a * b, "+": lambda: a + b, "-": lambda: a - b}[node.op]()
    return None


def _has_list(node: Node) -> bool:
    """Lists and matrices are the symbolic engine's: [[1,2],[3,4]] * [[5,6],[7,8]] is a matrix product."""
    return any(isinstance(n, Seq) for n in subtrees(node))


def numeric(text: str) -> str | None:
    """The expression in SymPy syntax if `text` parses as numbers only, else None."""
    try:
        tree = parse(text)
    except ParseError:
        return None
    if free_names(tree) or _has_list(tree) or ambiguous_root(tree):
        return None
    return to_text(tree)


def _numbers(text: str) -> list[str] | None:
    if thousands_separated(text):  # "1,000 and 2,000": two numbers or four? (gcd 1 was shown, verified)
        return None
    parts = [p for p in LIST_SPLIT.split(text.strip()) if p]
    exprs = [numeric(p) for p in parts]
    return None if not exprs or any(e is None for e in exprs) else exprs


def _call(tool: str, func: str, *texts: str, kind: CheckKind | None = None) -> RoutedCall | None:
    exprs = [numeric(t) for t in texts]
    if any(e is None for e in exprs):
        return None
    call = f"{func}({', '.join(exprs)})"
    return RoutedCall(tool, call, call, kind or check_kind_of(func))


Rule = tuple[LazyRegex, Callable[..., RoutedCall | None]]

RULES: list[Rule] = [
    (LazyRegex(r"^(?:the\s+)?(gcd|hcf|gcf|greatest common (?:divisor|factor)|highest common factor|"
                r"lcm|least common multiple|lowest common multiple)\s+(?:of\s+)?(.+)$", I),
     lambda name, rest: _list_call(("lcm" if name.lower().startswith(("lcm", "least", "lowest")) else "gcd"), rest)),
    (LazyRegex(r"^is\s+(.+?)\s+(?:a\s+)?prime(?:\s+number)?$", I), lambda e: _call("bigint", "is_prime", e)),
    (LazyRegex(r"^is\s+(.+?)\s+(?:a\s+)?(?:perfect\s+)?square$", I), lambda e: _call("bigint", "is_square", e)),
    (LazyRegex(r"^(?:the\s+)?(?:prime\s+factori[sz]ation|factori[sz]ation)\s+of\s+(.+)$", I),
     lambda e: _call("bigint", "factor", e)),
    # "the prime factors of 360" are the primes 2, 3, 5: a list, not the factorization 2^3 * 3^2 * 5
    (LazyRegex(r"^(?:the\s+)?(?:distinct\s+|different\s+|unique\s+)?prime\s+(?:factors|divisors)\s+of\s+(.+)$", I),
     lambda e: _call("bigint", "prime_factors", e)),
    (LazyRegex(r"^(?:factor|factori[sz]e)\s+(.+)$", I), lambda e: _call("bigint", "factor", e)),
    # operations named by a verb or a noun: "divide 10 by 4", "subtract 3 from 10", "the product of 6 and 7"
    (LazyRegex(r"^divide\s+(.+?)\s+by\s+(.+)$", I), lambda a, b: _binary(a, "/", b)),
    (LazyRegex(r"^subtract\s+(.+?)\s+from\s+(.+)$", I), lambda a, b: _binary(b, "-", a)),
    (LazyRegex(r"^(?:add\s+together|put\s+together|add|(?:the\s+)?(?:sum|total)(?:\s+of)?)\s+(.+?)\s+and\s+(.+)$", I),
     lambda a, b: _binary(a, "+", b)),
    (LazyRegex(r"^(?:multiply\s+(.+?)\s+(?:by|and|with)|(?:the\s+)?product\s+of\s+(.+?)\s+and)\s+(.+)$", I),
     lambda a1, a2, b: _binary(a1 or a2, "*", b)),
    (LazyRegex(r"^(.+?)\s+take\s+away\s+(.+)$", I), lambda a, b: _binary(a, "-", b)),
    (LazyRegex(r"^(?:simplify|reduce)\s+(?:the\s+fraction\s+)?(.+?)(?:\s+(?:to|in)\s+(?:its\s+)?(?:lowest|simplest)"
                 r"\s+(?:terms|form))?$", I), lambda e: _simplified(e)),
    (LazyRegex(r"^(?:the\s+fraction\s+)?(.+?)\s+(?:in|to)\s+(?:its\s+)?(?:lowest|simplest)\s+(?:terms|form)$", I),
     lambda e: _simplified(e)),
    (LazyRegex(r"^is\s+(.+?)\s+(?:an?\s+)?(even|odd)(?:\s+number)?$", I), lambda e, parity: _parity(e, parity)),
    # "the difference between 3 and 5" is 2 in plain English, whichever comes first
    # ... and the distance between two numbers on the line is the same |a - b|
    (LazyRegex(r"^(?:the\s+)?(?:difference|distance)\s+(?:between|of)\s+(.+?)\s+and\s+(.+)$", I),
     lambda a, b: _difference(a, b)),
    (LazyRegex(r"^(.+?)\s+choose\s+(.+)$", I), lambda n, k: _call("calculator", "binomial", n, k)),
    (LazyRegex(r"^(?:the\s+)?(?:modular\s+)?(?:multiplicative\s+)?inverse\s+of\s+(.+?)\s+(?:modulo|mod)\s+(.+)$", I),
     lambda a, m: _call("bigint", "invmod", a, m)),
    (LazyRegex(r"^(?:the\s+)?(?:euler(?:'s)?\s+)?(?:totient|phi)(?:\s+function)?\s+of\s+(.+)$", I),
     lambda e: _call("bigint", "totient", e)),
    (LazyRegex(rf"^(?:the\s+)?{ORDINAL}\s+prime(?:\s+number)?$", I), lambda k: _call("bigint", "nth_prime", k)),
    (LazyRegex(rf"^(?:the\s+)?{ORDINAL}\s+fibonacci(?:\s+number)?$", I), lambda k: _call("bigint", "fibonacci", k)),
    (LazyRegex(r"^(?:the\s+)?next\s+prime\s+(?:after|above|following)\s+(.+)$", I),
     lambda e: _call("bigint", "next_prime", e)),
    (LazyRegex(r"^(?:the\s+)?(?:previous|largest)\s+prime\s+(?:before|below|less\s+than)\s+(.+)$", I),
     lambda e: _call("bigint", "prev_prime", e)),
    (LazyRegex(r"^(?:how\s+many\s+)?primes?\s+(?:are\s+there\s+)?(?:below|less\s+than|up\s+to|under)\s+(.+)$", I),
     lambda e: _call("bigint", "prime_pi", e)),
    (LazyRegex(r"^(?:the\s+)?(?:sum\s+of\s+(?:the\s+)?digits|digit\s+sum)\s+(?:of|in)\s+(.+)$", I),
     lambda e: _call("bigint", "digit_sum", e)),
    (LazyRegex(r"^how\s+many\s+digits\s+(?:does|do|are\s+in|in)\s+(.+?)(?:\s+have)?$", I),
     lambda e: _call("bigint", "digits", e)),
    (LazyRegex(r"^(?:the\s+)?number\s+of\s+digits\s+(?:of|in)\s+(.+)$", I), lambda e: _call("bigint", "digits", e)),
    (LazyRegex(r"^(?:the\s+)?(?:number\s+of\s+)?divisors\s+of\s+(.+)$", I), lambda e: _call("bigint", "divisors", e)),
    (LazyRegex(r"^(.+?)\s+(?:in|to)\s+(binary|hex|hexadecimal|octal|base\s*(\d+))$", I),
     lambda e, base, n: _call("bigint", "to_base", e, _base(base, n))),
    (LazyRegex(r"^(.+?)\s+(?:as|to)\s+an?\s+(?:exact\s+)?fraction$", I),
     lambda e: _call("calculator", "fraction", e)),
    # "x to 5 decimal places / significant digits" is the rounding route's (routes/rounding.py). "The first 10
    # digits of pi" is not read: they are 3.141592653 (cut), where 10 significant digits are 3.141592654.
    # "the square root of 16 + 9": sqrt(16) + 9 or sqrt(25)? such an argument is not read (_root_of)
    (LazyRegex(r"^(?:the\s+)?(?:square\s+root)\s+of\s+(.+)$", I), lambda e: _root_of("sqrt", e)),
    (LazyRegex(r"^(?:the\s+)?(?:cube\s+root)\s+of\s+(.+)$", I), lambda e: _root_of("cbrt", e)),
    (LazyRegex(r"^(.+?)\s+factorial$", I), lambda e: _call("calculator", "factorial", e, kind=CheckKind.ARITHMETIC)),
    (LazyRegex(r"^(.+?)\s*(?:%|percent)\s+of\s+(.+)$", I), lambda p, e: _percent_of(p, e)),
]


def atomic(expr: str) -> bool:
    """One number, power, quotient or function value: "log base 2 of 8 + 1" may be log(8) + 1 or log(9), and
    "the fourth root of 16 + 65" root(16) + 65 or root(81): such an argument is not read here."""
    if _wrapped(expr.strip()):  # "(16 + 9)": the brackets say what the argument is
        return True
    try:
        tree = parse(expr)
    except ParseError:
        return False
    return not (isinstance(tree, BinOp) and tree.op in ("+", "-", "*", "mod"))


def _wrapped(text: str) -> bool:
    """The whole text is one bracketed group: (16 + 9), not (1) + (2)."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _root_of(func: str, text: str) -> RoutedCall | None:
    if numeric(text) is None or not atomic(text):
        return None
    return _call("calculator", func, text, kind=CheckKind.POWER_BACK)


def _list_call(func: str, rest: str) -> RoutedCall | None:
    exprs = _numbers(rest)
    if exprs is None or len(exprs) < 2:
        single = numeric(rest)  # "gcd(12, 18)" typed after the word
        return None if single is None else RoutedCall("calculator", single, single, check_kind_of(func))
    call = f"{func}({', '.join(exprs)})"
    return RoutedCall("calculator", call, call, check_kind_of(func))


def _base(word: str, number: str | None) -> str:
    return number or {"binary": "2", "hex": "16", "hexadecimal": "16", "octal": "8"}[word.lower()]


def _binary(left: str, op: str, right: str) -> RoutedCall | None:
    return _of_two(left, right, lambda a, b: f"({a}) {op} ({b})")


def _of_two(left: str, right: str, form: Callable[[str, str], str]) -> RoutedCall | None:
    """The calculator call `form` writes of two operands read as numbers; None unless both read."""
    a, b = numeric(left), numeric(right)
    if a is None or b is None:
        return None
    call = form(a, b)
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


def _percent_added(tree: Node) -> bool:
    """80 + 15%: 80.15 to the calculator's % (a hundredth), 92 on a pocket calculator (80 plus 15% of it). The
    direct route does not pick one; "increase 80 by 15%" and "15% of 80" say which is meant."""
    return any(isinstance(n, BinOp) and n.op in "+-" and isinstance(n.right, Postfix) and n.right.op == "%"
               for n in subtrees(tree))


def _simplified(text: str) -> RoutedCall | None:
    """simplify 12/18, 12/18 in lowest terms: the exact value, a fraction in lowest terms. Only rational
    arithmetic: "simplify (sqrt(76) + ...)**2" asks for surds simplified, which the symbolic engine does (the
    calculator would give back the expression as typed, beside its decimal)."""
    value = numeric(text)
    if value is None or not _rational_arithmetic(parse(value)):
        return None
    return RoutedCall("calculator", value, value, CheckKind.ARITHMETIC)


def _rational_arithmetic(tree: Node) -> bool:
    """Numbers, + - * / and integer powers only: a value that is exactly a fraction."""
    for n in subtrees(tree):
        if isinstance(n, (Num, Neg)):
            continue
        if isinstance(n, BinOp) and n.op in ("+", "-", "*", "/"):
            continue
        if isinstance(n, BinOp) and n.op == "^" and (_constant(n.right) or Fraction(1, 2)).denominator == 1:
            continue
        return False
    return True


def _parity(expr: str, parity: str) -> RoutedCall | None:
    """Is n even / odd: n mod 2 = 0 (or 1), for a whole number only (is 2.5 even? is not a question here)."""
    value = numeric(expr)
    if value is None:
        return None
    try:
        number = _constant(parse(value))
    except ParseError:
        return None
    if number is None or number.denominator != 1:
        return None
    call = f"({value}) mod 2 = {0 if parity.lower() == 'even' else 1}"
    return RoutedCall("calculator", call, call, CheckKind.RELATION)


def _difference(left: str, right: str) -> RoutedCall | None:
    return _of_two(left, right, lambda a, b: f"abs(({a}) - ({b}))")


def _percent_of(percent: str, whole: str) -> RoutedCall | None:
    return _of_two(percent, whole,
                   lambda p, w: f"{p}/100 * ({w})" if not p.replace(".", "").isdigit() else f"{p}% * {w}")


def match(question: str) -> RoutedCall | None:
    text = strip_question(question)
    if not text or ambiguous_division(text):
        return None
    # every rule reads words; "2^100" has none
    plan = first_plan(RULES, text) if any(ch.isalpha() for ch in text) else None
    return plan if plan is not None else _plain_expression(text)


def worded_plan(question: str, rules: list[tuple]) -> RoutedCall | None:
    """The plan of the first of `rules` for a question in words (the everyday and rounding rules all read words);
    None for one without letters, or with a division that reads two ways (1/2x)."""
    text = strip_question(question)
    if not text or not any(ch.isalpha() for ch in text) or ambiguous_division(text):
        return None
    return first_plan(rules, text)


def _plain_expression(text: str) -> RoutedCall | None:
    for candidate in _readings(text):
        try:
            tree = parse(candidate)
        except TooDeepError:  # numbers nested too deeply: the calculator says so, with the typed error
            if free_letters(text):
                return None
            return RoutedCall("calculator", candidate, candidate[:80], CheckKind.ARITHMETIC)
        except ParseError:
            continue
        if free_names(tree) or _has_list(tree):
            continue  # "68824 times 42716" reads as names until the words become operators; lists are matrices
        if ambiguous_root(tree) or _percent_added(tree):
            return None
        understood = to_text(tree)
        if needs_exact_simplification(tree):
            return RoutedCall("symbolic", understood, understood, CheckKind.TOOL)
        tool = "bigint" if isinstance(tree, Call) and _is_integer_function(tree.func) else "calculator"
        kind = CheckKind.TOOL if isinstance(tree, Relation) else _kind_of(tree)
        return RoutedCall(tool, candidate, understood, kind)
    return None


# functions whose values the calculator can only approximate: ln(e^3), cos(pi/3) and e^(i*pi) have exact values
# (3, 1/2, -1) that only exact simplification finds, so such expressions go to the symbolic engine
TRANSCENDENTAL = frozenset({"log", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan",
                            "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "sech", "csch", "coth", "atan2"})
DIGIT_REQUESTS = frozenset({"N", "evalf", "decimals", "fraction"})


def needs_exact_simplification(tree: Node) -> bool:
    """pi, e or a transcendental function in exact numbers (not decimals, which ask for a decimal answer), or an
    irrational root computed with: sqrt(3)^2 - 3 is 0, where floating point leaves 1.2e-38 (a lone sqrt(8) is
    shown as typed, its decimal beside it)."""
    from tools.calculator.functions import FUNCTIONS

    if isinstance(tree, Relation):
        return False
    found = rooted = False
    for n in subtrees(tree):
        if isinstance(n, Num) and n.decimal:
            return False
        if isinstance(n, Call) and (n.func in DIGIT_REQUESTS or n.func not in FUNCTIONS):
            return False  # a digits request, or an integer function of the bigint engine
        found = found or (isinstance(n, Name) and n.name in ("pi", "e", "E")) or (
            isinstance(n, Call) and n.func in TRANSCENDENTAL)
        rooted = rooted or _irrational_root(n)
    return found or (rooted and not _irrational_root(tree))


ROOT_DEGREE = {"sqrt": 2, "cbrt": 3}


def _irrational_root(node: Node) -> bool:
    """sqrt(8), root(10, 3), 2^(1/2): a root of a rational that is no perfect power (or of anything not a plain
    rational, which the calculator can only approximate too)."""
    if isinstance(node, Call) and node.func in ("sqrt", "cbrt", "root") and node.args:
        degree = ROOT_DEGREE.get(node.func) or (_constant(node.args[1]) if len(node.args) == 2 else None)
        return _not_perfect_power(_constant(node.args[0]), degree)
    if isinstance(node, BinOp) and node.op == "^":
        exponent = _constant(node.right)
        if exponent is not None and exponent.denominator != 1:
            return _not_perfect_power(_constant(node.left), exponent.denominator)
    return False


def _not_perfect_power(value: Fraction | None, degree) -> bool:
    import gmpy2

    if value is None or degree is None or Fraction(degree).denominator != 1 or not 1 < degree <= 10_000:
        return True
    if value < 0:
        return True
    return not (gmpy2.iroot(value.numerator, int(degree))[1] and gmpy2.iroot(value.denominator, int(degree))[1])


def free_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _readings(text: str):
    """The text as typed, then with operator words made symbols (only if the first reading fails)."""
    yield text
    yield words_to_operators(text)


def _is_integer_function(func: str) -> bool:
    """Anything the calculator does not define itself is an integer function of the bigint engine."""
    from tools.calculator.functions import FUNCTIONS

    return func not in FUNCTIONS and func not in ("N", "evalf", "decimals", "fraction")


def _kind_of(tree: Node) -> CheckKind:
    if isinstance(tree, Call) and tree.func in ("factor", "factorint", "invmod", "is_prime", "isprime", "nth_prime",
                                                 "prime", "powmod", "prime_factors"):
        return check_kind_of(tree.func)
    return CheckKind.ARITHMETIC
