"""Competition problems written in LaTeX (MATH's computational questions): prose around $...$ formulas.

"Compute $\\dbinom{16}{5}$.", "What is the remainder when $2^{100}$ is divided by 7?", "How many positive
divisors does 196 have?", "Express $0.\\overline{36}$ as a common fraction.", "If $f(x) = 3x + 2$, what is
$f(f(1))$?". Each formula is read by calx's LaTeX reader (tools/parsing/latex.py) into the parser's tree; the
prose around it must match one of a few sentence shapes *whole*, so a word problem that merely contains LaTeX,
or a question with a condition this module does not read, is left to the planner. Every sentence is read:
trailing ones may only ask for the answer's form ("Express your answer as a common fraction.").
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Name, Neg, Node, Num, ParseError, Relation, Seq, parse, to_text

from ..plan import CheckKind, RoutedCall
from .arithmetic import ambiguous_root

from .competition_forms import as_decimal, base_form, decimal_form, in_base
from .competition_reading import (COMPETITION, FORM, NUMBER, N, Formula, degree, formula_of, integer_literal,
                                  split_question)
from .competition_shapes import (convention_bound, has_matrix_value, integral, rational_only, recomputable,
                                 well_posed)
from .competition_solve import PICKS, count_rule, pick_rule, picked, solve, system

I = re.IGNORECASE
F = r"⟨(\d+)⟩"  # a formula's placeholder in the prose
ASK = r"(?:what\s+is|what's|find|compute|calculate|evaluate|determine)"

RESIDUE = re.compile(r"^\(?(?:give|express)\s+(?:your|an)\s+answer\s+(?:as\s+(?:a|an\s+integer)\s+|from\s+|between\s+)"
                     r"(?:residue\s+)?(?:from\s+|between\s+)?(?:0|⟨\d+⟩)\s+(?:to|and)\s+(?:\d+|⟨\d+⟩)"
                     r"(?:,\s*inclusive)?\.?\)?$", I)


def match(question: str) -> RoutedCall | None:
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    sentences = _sentences(prose)
    places, sentences = decimal_form(sentences)
    base, sentences = base_form(sentences, formulas)
    asked = [s for s in sentences if not (FORM.match(s) or RESIDUE.match(s))]
    if len(asked) > 1:  # "Suppose $x + y = 10$ and $x - y = 2$. What is $x$?" reads as one sentence
        asked = [", ".join(asked)]
    if asked:
        for pattern, build in FAMILIES:
            m = pattern.match(asked[0])
            plan = build(formulas, *m.groups()) if m else None
            if plan is not None:
                if places is not None and base is not None:
                    return None
                return as_decimal(plan, places) if places is not None else in_base(plan, base) if base else plan
    if places is not None or base is not None:
        return None
    return _with_definitions(sentences, formulas)


def _sentences(prose: str) -> list[str]:
    """Sentences end at '.' or '?', never at '!': 'the divisors of 9!' ends in a factorial."""
    prose = re.sub(r"\s+", " ", prose).strip()
    parts = re.split(r"(?<=[.?])\s+(?=[A-Z(⟨])", prose)
    return [p.strip().rstrip(".?").strip() for p in parts if p.strip().rstrip(".?").strip()]


# -- families ------------------------------------------------------------------------------------------------

def _evaluate(formulas: list[Formula], ref: str, verb: str = "") -> RoutedCall | None:
    formula = formulas[int(ref)]
    if formula.tree is None or isinstance(formula.tree, (Relation, Seq)):
        return None
    names = formula.names
    if names:
        if has_matrix_value(formula.tree) or ambiguous_root(formula.tree) or convention_bound(formula.tree):
            return None
        first_word = verb.lower().split()[0] if verb else ""
        op = {"simplify": "simplify", "expand": "expand", "factor": "factor"}.get(first_word)
        if op is None or not all(len(n) == 1 for n in names):
            return None
        return _symbolic(f"{op}({to_text(formula.tree)})")
    return _numeric(formula.tree)


def _numeric(tree: Node) -> RoutedCall | None:
    """A formula in numbers only: rationals by the calculator (recomputed with Fractions), anything with
    radicals, logarithms, trigonometry or i by the symbolic engine, whose result carries its own checks."""
    inverse = _modular_inverse(tree)
    if inverse is not None:
        return inverse
    if not well_posed(tree) or has_matrix_value(tree) or ambiguous_root(tree) or convention_bound(tree):
        return None
    text = to_text(tree)
    if rational_only(tree):
        kind = CheckKind.ARITHMETIC if recomputable(tree) else COMPETITION
        return RoutedCall("calculator", text, text, kind)
    return _symbolic(text)


def _modular_inverse(tree: Node) -> RoutedCall | None:
    """MATH's $a^{-1} \\pmod{m}$ is the inverse of a modulo m (checked: a times it is 1 mod m)."""
    if not (isinstance(tree, BinOp) and tree.op == "mod" and isinstance(tree.left, BinOp) and tree.left.op == "^"):
        return None
    power = tree.left
    if not (isinstance(power.right, Neg) and isinstance(power.right.operand, Num) and power.right.operand.value == 1):
        return None
    if not (integral(power.left) and integral(tree.right)):
        return None
    call = f"invmod({to_text(power.left)}, {to_text(tree.right)})"
    return RoutedCall("bigint", call, call, CheckKind.INVMOD)


def _digit_function(func: str):
    def build(formulas, a):
        number = formula_of(formulas, a)
        if number is None or number.tree is None or number.names or not integral(number.tree):
            return None
        call = f"{func}({to_text(number.tree)})"
        return RoutedCall("bigint", call, call, CheckKind.DIGIT_COUNT)
    return build


def _points(formulas: list[Formula], a: str, b: str) -> tuple[list[Node], list[Node]] | None:
    """Two points written (x, y) or (x, y, z), in numbers (a and b are the formulas' indices)."""
    p, q = formulas[int(a)], formulas[int(b)]
    if p is None or q is None or p.tree is None or q.tree is None or p.names or q.names:
        return None
    if not (isinstance(p.tree, Seq) and isinstance(q.tree, Seq)):
        return None
    if len(p.tree.items) != len(q.tree.items) or len(p.tree.items) not in (2, 3):
        return None
    if any(isinstance(c, (Seq, Relation)) for c in p.tree.items + q.tree.items):
        return None
    return list(p.tree.items), list(q.tree.items)


def _distance(formulas, a, b):
    points = _points(formulas, a, b)
    if points is None:
        return None
    squares = " + ".join(f"(({to_text(v)}) - ({to_text(u)}))^2" for u, v in zip(*points))
    return _numeric(parse(f"sqrt({squares})"))


def _slope(formulas, a, b):
    points = _points(formulas, a, b)
    if points is None or len(points[0]) != 2:
        return None
    (x1, y1), (x2, y2) = ([to_text(c) for c in p] for p in points)
    return _numeric(parse(f"(({y2}) - ({y1})) / (({x2}) - ({x1}))"))


def _monomial(tree: Node) -> dict[str, int] | None:
    """x^2 y^6 -> {x: 2, y: 6}; anything that is not a product of powers of letters: None."""
    if isinstance(tree, Name) and len(tree.name) == 1:
        return {tree.name: 1}
    if isinstance(tree, BinOp) and tree.op == "^" and isinstance(tree.left, Name) and integer_literal(tree.right):
        power = int(tree.right.value) if isinstance(tree.right, Num) else -1
        return {tree.left.name: power} if power >= 1 and len(tree.left.name) == 1 else None
    if isinstance(tree, BinOp) and tree.op == "*":
        left, right = _monomial(tree.left), _monomial(tree.right)
        if left is None or right is None or set(left) & set(right):
            return None
        return {**left, **right}
    return None


def _coefficient(formulas, term_ref, expr_ref):
    """The coefficient of x^a y^b in a polynomial: its derivative of that order at 0, over a! b!; the check
    expands the polynomial itself with Python Fractions."""
    expression = formulas[int(expr_ref)]
    term = {} if term_ref is None else _monomial(formulas[int(term_ref)].tree)
    tree = expression.tree
    if term is None or tree is None or isinstance(tree, (Relation, Seq)) or not expression.names:
        return None
    if any(degree(tree, name) == float("inf") for name in expression.names):
        return None  # not a polynomial (x in a denominator: its "constant term" is another question)
    # every letter of the polynomial is one of the term's (a letter left over would make the coefficient a
    # formula in it); a constant term is read in one variable only
    if (set(term) != expression.names) if term else len(expression.names) != 1:
        return None
    names = sorted(expression.names)
    order = ", ".join(f"{name}, {term[name]}" for name in names if term.get(name))
    inner = f"diff({to_text(tree)}, {order})" if order else to_text(tree)
    at_zero = ", ".join(f"{name} = 0" for name in names)
    factorials = "*".join(f"{term[name]}!" for name in names if term.get(name)) or "1"
    call = f"subs({inner}, {at_zero})/({factorials})"
    return RoutedCall("symbolic", call, call, COMPETITION)


def _symbolic(call: str) -> RoutedCall:
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


def _whole_numbers(formulas: list[Formula], *refs: str) -> list[str] | None:
    """The referenced formulas as text, each a whole number without names; None unless all are."""
    read = [formula_of(formulas, r) for r in refs]
    if any(a is None or a.tree is None or a.names or not integral(a.tree) for a in read):
        return None
    return [to_text(a.tree) for a in read]


def _remainder(formulas: list[Formula], a: str, b: str) -> RoutedCall | None:
    numbers = _whole_numbers(formulas, a, b)
    if numbers is None:
        return None
    call = f"({numbers[0]}) mod ({numbers[1]})"
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


def _units_digit(formulas: list[Formula], a: str) -> RoutedCall | None:
    numbers = _whole_numbers(formulas, a)
    if numbers is None:
        return None
    call = f"abs({numbers[0]}) mod 10"
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


def _integer_function(func: str, *refs: str, formulas: list[Formula]) -> RoutedCall | None:
    args = _whole_numbers(formulas, *refs)
    if args is None:
        return None
    inner = ", ".join(args)
    if func in ("gcd", "lcm"):
        call = f"{func}({inner})"
        return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)
    if func == "common_divisors":
        call = f"num_divisors(gcd({inner}))"
    else:
        call = f"{func}({inner})"
    return RoutedCall("bigint", call, call, COMPETITION)


def _from_base(formulas: list[Formula], ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    if not formula.based or formula.tree is None or formula.names:
        return None
    return _numeric(formula.tree)




def _with_definitions(sentences: list[str], formulas: list[Formula]) -> RoutedCall | None:
    """'If $f(x) = 3x+2$ and $g(x) = x^2$, what is $f(g(2))$?': every sentence but the question must only
    define functions of one variable (or ask for the answer's form); the question is a number built from them."""
    from .competition_functions import evaluate_definitions

    return evaluate_definitions(sentences, formulas)


# -- the sentence shapes ---------------------------------------------------------------------------------------

def _evaluate_rule(formulas, verb, ref):
    return _evaluate(formulas, ref, verb or "")


def _prose_arithmetic(formulas: list[Formula], body: str) -> RoutedCall | None:
    """'What is $\\frac{2}{5}$ divided by 3?': the formulas put back in brackets, operator words made symbols,
    and the whole read by the parser; any word left over is a name, and a name is not a number here."""
    from ..text import words_to_operators

    def put_back(m: re.Match) -> str:
        formula = formulas[int(m.group(1))]
        if formula.tree is None or formula.names or isinstance(formula.tree, (Relation, Seq)):
            raise ValueError("not a number")
        return f"({to_text(formula.tree)})"

    try:
        text = re.sub(r"⟨(\d+)⟩", put_back, body)
    except ValueError:
        return None
    text = re.sub(r"\bthe\s+(?:positive\s+)?square\s+root\s+of\s+(\([^()]*\)|\d+)", r"sqrt(\1)", text, flags=I)
    text = words_to_operators(re.sub(r"(\d),(\d{3})\b", r"\1\2", text))
    text = re.sub(r"(?<=[)\d%])\s+of\s+(?=[(\d])", " * ", text)  # "20% of 80", "1/2 of 3/4 of 20"
    if re.search(r"[A-Za-z]", re.sub(r"\b(?:sqrt|mod|binomial|floor|ceil|pi|gcd|lcm|abs|factorial)\b", "", text)):
        return None
    try:
        tree = parse(text)
    except (ParseError, RecursionError):
        return None
    if isinstance(tree, (Relation, Seq)):
        return None
    return _numeric(tree)


def _residue(formulas, ref, m):
    """'Find $9^{-1} \\pmod{100}$, as a residue modulo 100': the formula's own modulus must be the one named."""
    formula, modulus = formulas[int(ref)], formula_of(formulas, m)
    tree = formula.tree
    if modulus is None or modulus.tree is None or not (isinstance(tree, BinOp) and tree.op == "mod"):
        return None
    if to_text(tree.right) != to_text(modulus.tree):
        return None
    return _numeric(tree)


def _inverse_words(formulas, a, m):
    numbers = _whole_numbers(formulas, a, m)
    if numbers is None:
        return None
    call = f"invmod({numbers[0]}, {numbers[1]})"
    return RoutedCall("bigint", call, call, CheckKind.INVMOD)


def _pair(op: str):
    def build(formulas, a, b):
        left, right = formula_of(formulas, a), formula_of(formulas, b)
        if left is None or right is None or left.tree is None or right.tree is None or left.names or right.names:
            return None
        x, y = to_text(left.tree), to_text(right.tree)
        return _numeric(parse(f"abs(({x}) - ({y}))" if op == "diff" else f"({x}) {op} ({y})"))
    return build


NUMBERS = N + r"((?:\s*,\s*(?:" + NUMBER + r"))*)(?:\s*,)?\s+and\s+" + N


def _list_function(func: str):
    def build(formulas, first, middle, last):
        refs = [first] + re.findall(NUMBER, middle or "") + [last]
        return _integer_function(func, *refs, formulas=formulas)
    return build


def _mean(formulas, first, middle, last):
    refs = [first] + re.findall(NUMBER, middle or "") + [last]
    terms = [formula_of(formulas, r) for r in refs]
    if any(t is None or t.tree is None or t.names or isinstance(t.tree, (Relation, Seq)) for t in terms):
        return None
    return _numeric(parse(f"({' + '.join(f'({to_text(t.tree)})' for t in terms)}) / {len(terms)}"))


ANSWER_FORM = (r"(?:\s*,?\s+(?:expressed\s+)?(?:as\s+an?\s+(?:common\s+|improper\s+|reduced\s+)?fraction|"
               r"in\s+(?:simplest|lowest)\s+(?:radical\s+)?(?:form|terms)|in\s+your\s+head|"
               r"and\s+rationali[sz]e\s+the\s+denominator(?:\s+of\s+the\s+resulting\s+fraction)?))?")

FAMILIES = [
    (re.compile(r"^(?:what\s+is|find|compute|determine)\s+the\s+remainder\s+when\s+" + N +
                r"\s+is\s+divided\s+by\s+" + N + r"$", I), lambda fs, a, b: _remainder(fs, a, b)),
    (re.compile(r"^(?:what\s+is|find|compute|determine)\s+the\s+(?:units|ones)\s+digit\s+(?:of|in)\s+" + N + r"$", I),
     lambda fs, a: _units_digit(fs, a)),
    # "integer divisors" counts the negative ones too (7 has 4): only positive or unqualified divisors are read
    (re.compile(r"^how\s+many\s+(?:(?:positive(?:\s+integer)?|distinct|whole[- ]number)\s+)*(?:divisors|factors)\s+"
                r"does\s+" + N + r"\s+have$", I),
     lambda fs, a: _integer_function("num_divisors", a, formulas=fs)),
    (re.compile(r"^" + ASK + r"\s+the\s+number\s+of\s+(?:(?:positive(?:\s+integer)?|distinct|whole[- ]number)\s+)*"
                r"(?:divisors|factors)\s+of\s+" + N + r"$", I),
     lambda fs, a: _integer_function("num_divisors", a, formulas=fs)),
    (re.compile(r"^how\s+many\s+(?:positive\s+)?(?:divisors|factors)\s+do\s+" + N + r"\s+and\s+" + N +
                r"\s+have\s+in\s+common$", I),
     lambda fs, a, b: _integer_function("common_divisors", a, b, formulas=fs)),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:positive\s+)?"
                r"(?:whole[- ]number\s+)?(?:divisors|factors)\s+of\s+" + N + r"$", I),
     lambda fs, a: _integer_function("sigma", a, formulas=fs)),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:greatest\s+common\s+(?:factor|divisor)|gcd|gcf)\s+of\s+(?:the\s+numbers\s+)?"
                + NUMBERS + r"$", I),
     _list_function("gcd")),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:least|lowest)\s+common\s+multiple\s+of\s+(?:the\s+numbers\s+)?" + NUMBERS
                + r"$", I),
     _list_function("lcm")),
    (re.compile(r"^" + ASK + r"\s+the\s+positive\s+difference\s+between\s+" + N + r"\s+and\s+" + N + r"$", I),
     _pair("diff")),
    (re.compile(r"^" + ASK + r"\s+the\s+product\s+of\s+" + N + r"\s+and\s+" + N + ANSWER_FORM + r"$", I), _pair("*")),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+" + N + r"\s+and\s+" + N + ANSWER_FORM + r"$", I), _pair("+")),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:arithmetic\s+)?(?:mean|average)\s+of\s+" + NUMBERS + ANSWER_FORM + r"$", I),
     _mean),
    (re.compile(r"^(?:if|given\s+that|suppose(?:\s+that)?)\s+" + F + r"((?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩)+)\s*,?\s*"
                r"(?:then\s+)?(?:what\s+is|find|determine|compute)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I), system),
    (re.compile(r"^(?:if|given\s+that)\s+" + F + r"\s*,?\s*(?:then\s+)?(?:what\s+is|find|determine|compute)\s+"
                r"(?:the\s+value\s+of\s+)?" + F + ANSWER_FORM + r"$", I), lambda fs, e, v: solve(fs, v, e)),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?the\s+digits\s+(?:of|in)\s+"
                r"(?:the\s+(?:number|integer)\s+)?" + N + r"$", I), _digit_function("digit_sum")),
    (re.compile(r"^how\s+many\s+digits\s+(?:are\s+(?:there\s+)?in|does)\s+"
                r"(?:the\s+(?:number|integer|value\s+of)\s+)?" + N + r"(?:\s+have)?$", I), _digit_function("digits")),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:modular\s+|multiplicative\s+)*inverse\s+of\s+" + N + r"\s*,?\s+modulo\s+"
                + N + r"$", I), lambda fs, a, m: _inverse_words(fs, a, m)),
    (re.compile(r"^" + ASK + r"\s+" + F + r"\s*,?\s+as\s+a\s+residue\s+modulo\s+" + N + r"$", I), _residue),
    (re.compile(r"^" + ASK + r"\s+the\s+coefficient\s+of\s+" + F + r"\s+in\s+the\s+(?:expansion\s+of|product|"
                r"polynomial|expression)\s+" + F + r"$", I), _coefficient),
    (re.compile(r"^" + ASK + r"\s+the\s+constant\s+term\s+(?:in|of)\s+the\s+(?:expansion\s+of|product|polynomial|"
                r"expression)\s+" + F + r"$", I), lambda fs, e: _coefficient(fs, None, e)),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+(?:all\s+)?(?:the\s+)?(?:possible\s+)?(?:values\s+of\s+|"
                r"solutions\s+(?:for\s+)?)?" + F
                + r"\s+(?:such\s+that|that\s+satisfy|which\s+satisfy|satisfying|for\s+which)\s+" + F + r"$", I),
     pick_rule),
    (re.compile(r"^" + ASK + r"\s+the\s+(largest|greatest|smallest|least|positive|negative)\s+(?:possible\s+)?"
                r"(?:value\s+of\s+|solution\s+)?" + F + r"\s+(?:such\s+that|that\s+satisfies|satisfying|for\s+which)\s+"
                + F + r"$", I), pick_rule),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product|largest|greatest|smallest|least|positive|negative)\s+(?:of\s+)?"
                r"(?:all\s+)?(?:the\s+)?(?:solutions?|roots?)\s+(?:of|to)\s+(?:the\s+equation\s+)?()" + F + r"$", I),
     lambda fs, how, _, e: solve(fs, None, e, pick=picked(PICKS[how.lower()]))),
    (re.compile(r"^how\s+many\s+(?:distinct\s+)?solutions\s+does\s+(?:the\s+equation\s+)?" + F + r"\s+have$", I),
     count_rule),
    (re.compile(r"^for\s+what\s+(?:real\s+)?value\s+of\s+" + F + r"\s+(?:is|does|will)\s+" + F
                + r"(?:\s+hold|\s+true)?$", I),
     lambda fs, v, e: solve(fs, v, e)),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:length\s+of\s+the\s+segment\s+(?:between|joining|connecting)|"
                r"distance\s+between)\s+(?:the\s+points\s+)?" + F + r"\s+and\s+" + F + ANSWER_FORM + r"$", I),
     _distance),
    (re.compile(r"^" + ASK + r"\s+the\s+slope\s+of\s+the\s+line\s+(?:that\s+)?"
                r"(?:passing|passes|going|goes|containing|contains)\s+(?:through\s+)?(?:the\s+points\s+)?" + F
                + r"\s+and\s+" + F + ANSWER_FORM + r"$", I), _slope),
    (re.compile(r"^(?:express|write|convert)\s+" + F + r"\s+(?:as|in|to)\s+(?:a\s+)?base\s+10"
                r"(?:\s+integer|\s+number)?$", I),
     lambda fs, a: _from_base(fs, a)),
    (re.compile(r"^(?:what\s+is\s+)?" + F + r"\s+(?:in|as\s+a)\s+base\s+10(?:\s+integer|\s+number)?$", I),
     lambda fs, a: _from_base(fs, a)),
    (re.compile(r"^solve\s+for\s+" + F + r"\s*:?\s*" + F + r"$", I), lambda fs, v, e: solve(fs, v, e)),
    (re.compile(r"^solve\s+" + F + r"\s+for\s+" + F + r"$", I), lambda fs, e, v: solve(fs, v, e)),
    (re.compile(r"^(?:what\s+is|find|determine|compute)\s+(?:the\s+value\s+of\s+)?" + F +
                r"\s+(?:in\s+the\s+equation|if|such\s+that|given\s+that|when|that\s+satisfies|satisfying)\s+" + F
                + r"$", I),
     lambda fs, v, e: solve(fs, v, e)),
    (re.compile(r"^solve\s+(?:the\s+equation\s+)?" + F + r"$", I), lambda fs, e: solve(fs, None, e)),
    (re.compile(r"^(?:express|write)\s+" + F + r"\s+as\s+an?\s+(?:common\s+|improper\s+)?fraction"
                r"(?:\s+in\s+(?:simplest|lowest)\s+(?:form|terms))?$", I),
     lambda fs, a: _evaluate(fs, a)),
    (re.compile(r"^(simplify|expand|factor|compute|evaluate|calculate|find|determine|rationalize\s+the\s+denominator"
                r"(?:\s+of)?)(?:\s+and\s+(?:write|express)\s+(?:the\s+result|your\s+answer)\s+as\s+an?\s+"
                r"(?:common\s+)?fraction)?\s*:?\s*"
                r"(?:the\s+(?:value\s+of|expression|product|sum|following(?:\s+expression)?)\s*:?\s*)?"
                + F + ANSWER_FORM + r"$", I), _evaluate_rule),
    (re.compile(r"^(?:what\s+is|what's)\s+(?:the\s+(?:exact\s+)?value\s+of\s+|the\s+(?:sum|product)\s+)?" + F
                + ANSWER_FORM + r"$", I),
     lambda fs, a: _evaluate(fs, a)),
    (re.compile(r"^" + F + r"\s*=\s*\??$", I), lambda fs, a: _evaluate(fs, a)),
    (re.compile(r"^(?:what\s+is|what's|compute|calculate|evaluate|find)\s+(?:the\s+value\s+of\s+)?(.*⟨\d+⟩.*)$", I),
     _prose_arithmetic),
]
