"""Arithmetic and geometric sequences and series: a term at a place, a list's length, sums of the first n odd or
even numbers, a sequence from two given terms, finite and infinite series, a letter standing for a term. Each value
is found again by stepping through the terms (assistant/direct/algebra_checks.py)."""
from __future__ import annotations

import re
from fractions import Fraction

from tools.parsing import Name

from .. import algebra_checks as second
from ..algebra_checks import agreeing, bracketed, fraction_text
from ..plan import RoutedCall
from .competition_reading import Formula, read_formula
from .algebra_common import calculator_plan, prose_number, rational_number, symbolic_plan

# -- sequences ---------------------------------------------------------------------------------------------------

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "one hundredth": 100}
ORDINAL = r"(\d+(?:st|nd|rd|th)|⟨\d+⟩|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"
LATEX_ORDINAL = re.compile(r"(\d+)\s*\^\s*\{?\s*(?:\\(?:text|rm|mathrm)\s*\{\s*)?(st|nd|rd|th)\s*\}?\s*\}?")
DOTS = re.compile(r"\\[lc]?dots|\.\.\.|\\ldotp")


def _position(text: str, formulas: list[Formula]) -> int | None:
    m = re.fullmatch(r"⟨(\d+)⟩", text)
    if m:
        written = LATEX_ORDINAL.fullmatch(formulas[int(m.group(1))].latex.strip())
        return _suffix_agrees(int(written.group(1)), written.group(2)) if written else None
    if text.lower() in ORDINAL_WORDS:
        return ORDINAL_WORDS[text.lower()]
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", text)
    return _suffix_agrees(int(m.group(1)), m.group(2)) if m else None


def _suffix_agrees(n: int, suffix: str) -> int | None:
    """21st, 22nd, 23rd, 11th: a suffix that does not fit the number is a misreading, not guessed at."""
    right = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return n if suffix == right and n >= 1 else None


def _listed(latex: str) -> tuple[list[Fraction], list[Fraction]] | None:
    """'4, 6, 8, \\ldots, 128, 130' -> ([4, 6, 8], [128, 130]): the terms before and after the dots."""
    latex = latex.strip().rstrip("?.;").strip()
    if "\\!" in latex or "{,}" in latex:  # 10,\!000: a thousands separator, not a list's comma
        return None
    parts = [p.strip() for p in latex.split(",")]
    dots = [k for k, p in enumerate(parts) if DOTS.fullmatch(p)]
    if len(dots) != 1:
        return None
    values = []
    for k, part in enumerate(parts):
        if k == dots[0]:
            continue
        value = rational_number(read_formula(part)) if part else None
        if value is None:
            return None
        values.append(value)
    return values[:dots[0]], values[dots[0]:]


def nth_term(formulas: list[Formula], ordinal: str, kind: str, ref: str) -> RoutedCall | None:
    position = _position(ordinal, formulas)
    listed = _listed(formulas[int(ref)].latex)
    if position is None or listed is None or listed[1] or position > second.MAX_STEPS:
        return None
    shown = listed[0]
    rule = second.progression(shown, geometric=kind.lower() == "geometric")
    if rule is None or len(shown) < 2 or (rule.geometric and position > 2000):
        return None
    if rule.geometric:
        formula = f"{bracketed(rule.first)}*{bracketed(rule.step)}^({position} - 1)"
    else:
        formula = f"{bracketed(rule.first)} + ({position} - 1)*{bracketed(rule.step)}"
    return calculator_plan(formula, agreeing(second.term_by_steps(rule, position)))


def list_length(formulas: list[Formula], ref: str) -> RoutedCall | None:
    listed = _listed(formulas[int(ref)].latex)
    if listed is None:
        return None
    head, tail = listed
    if not tail or len(head) < 2 or len(head) + len(tail) < 4 and len(head) < 3:
        return None  # '3, 6, ..., 96' may double as well as add: three terms before the dots, or two after
    rule = second.progression(head, geometric=False)
    if rule is None or rule.step == 0 or any(b - a != rule.step for a, b in zip(tail, tail[1:])):
        return None
    first, last, step = head[0], tail[-1], rule.step
    count = second.count_by_walking(first, step, last)
    # each term after the dots sits where the rule puts it, after every term before them
    places = [(t - first) / step for t in tail]
    if places != [Fraction(count - len(tail) + k) for k in range(len(tail))] or count - len(tail) < len(head):
        return None
    formula = f"({fraction_text(last)} - {bracketed(first)})/{bracketed(step)} + 1"
    return calculator_plan(formula, agreeing(Fraction(count)))


FIRST_KINDS = {"positive integers": ("k", 1, 1), "counting numbers": ("k", 1, 1), "natural numbers": ("k", 1, 1),
               "positive even integers": ("2*k", 2, 2), "even positive integers": ("2*k", 2, 2),
               "positive odd integers": ("2*k - 1", 1, 2), "odd positive integers": ("2*k - 1", 1, 2)}


def sum_of_first(formulas: list[Formula], count: str, kind: str) -> RoutedCall | None:
    """'the sum of the first 20 positive even integers': SymPy's sum, and Python's sum over the range again."""
    n = rational_number(read_formula(count)) if count.isdigit() else rational_number(formulas[int(count[1:-1])])
    if n is None or n.denominator != 1 or not 1 <= n <= 100_000:
        return None
    term, start, step = FIRST_KINDS[re.sub(r"\s+", " ", kind.lower())]
    expected = Fraction(sum(range(start, start + step * int(n), step)))
    return symbolic_plan(f"sum({term}, k, 1, {int(n)})", agreeing(expected))


# -- two terms of an arithmetic sequence given --------------------------------------------------------------------

def from_two_terms(formulas: list[Formula], n1: str, n2: str, v1: str, v2: str, asked: str) -> RoutedCall | None:
    positions = [_position(n, formulas) for n in (n1, n2, asked)]
    values = [prose_number(v, formulas) for v in (v1, v2)]
    if None in positions or None in values or positions[0] == positions[1]:
        return None
    (p, q, r), (a, b) = positions, values
    step = (b - a) / (q - p)
    first = a - (p - 1) * step
    rule = second.Progression(first, step, False)
    if max(positions) > second.MAX_STEPS or second.term_by_steps(rule, p) != a or second.term_by_steps(rule, q) != b:
        return None
    formula = f"{bracketed(a)} + ({r} - {p})*({bracketed(b)} - {bracketed(a)})/({q} - {p})"
    return calculator_plan(formula, agreeing(second.term_by_steps(rule, r)))


def from_two_geometric(formulas, n1, n2, v1, v2, asked, positive) -> RoutedCall | None:
    """'The first term of a geometric sequence is 729, and the 7th term is 64. What is the positive, real value for
    the 5th term?': every rational ratio r with r^(q - p) = b/a is tried; the term asked must come out the same for
    all of them (or be the one positive value, where the question asks for that)."""
    positions = [_position(n, formulas) for n in (n1, n2, asked)]
    values = [prose_number(v, formulas) for v in (v1, v2)]
    if None in positions or None in values or positions[0] >= positions[1] or 0 in values:
        return None
    (p, q, r), (a, b) = positions, values
    if q - p > 12 or abs(r - p) > 60:
        return None
    gap = q - p
    ratios = [x for x in second.rational_roots_found([-(b / a)] + [Fraction(0)] * (gap - 1) + [Fraction(1)])]
    if not ratios:
        return None  # no rational ratio (or the terms do not fit one): not read
    answers = {a * x ** (r - p) for x in ratios}
    if positive:
        answers = {v for v in answers if v > 0}
    if len(answers) != 1:
        return None
    (value,) = answers
    ratio = next(x for x in ratios if a * x ** (r - p) == value)
    # the second route: the sequence stepped from the p-th term by the ratio reaches b at q and the value at r
    rule = second.Progression(a, ratio, True)
    if second.term_by_steps(rule, q - p + 1) != b or second.term_by_steps(rule, abs(r - p) + 1) != (
            value if r >= p else a * a / value):
        return None
    formula = f"{bracketed(a)}*{bracketed(ratio)}^({r} - {p})"
    return calculator_plan(formula, agreeing(value))


# -- geometric series ---------------------------------------------------------------------------------------

def _series_terms(latex: str) -> list[Fraction] | None:
    """'\\frac{3}{2}-\\frac{2}{3}+\\frac{8}{27}-\\dots': the signed terms shown before the dots."""
    latex = latex.strip().rstrip(".?").strip()
    m = re.fullmatch(r"(.*?)\s*[+-]?\s*(?:\\[lc]?dots|\.\.\.)\s*", latex, re.S)
    if m is None or "\\!" in latex:
        return None
    return _signed_terms(m.group(1).strip())


def _signed_terms(body: str) -> list[Fraction] | None:
    """'(-300) + (-297) - 4 + \\frac{1}{2}' -> the terms with their signs; None for anything else."""
    pieces = re.findall(r"([+-]?)\s*((?:\\d?frac\s*\{[^{}]*\}\s*\{[^{}]*\}|\\d?frac\s*\d\d|\d+(?:\.\d+)?|\{[^{}]*\}|"
                        r"\([^()]*\))(?:\s*\^\s*(?:\{[^{}]*\}|\d))?)", body)
    rebuilt = "".join(sign + term for sign, term in pieces)
    if not pieces or re.sub(r"\s", "", rebuilt) != re.sub(r"\s", "", body):
        return None
    terms = []
    for sign, term in pieces:
        value = rational_number(read_formula(term))
        if value is None:
            return None
        terms.append(-value if sign == "-" else value)
    return terms


def finite_series(formulas: list[Formula], ref: str) -> RoutedCall | None:
    """'Compute $(-300) + (-297) + (-294) + \\dots + 306 + 309$.': an arithmetic or geometric series written with
    dots and its last terms; SymPy sums the rule, the second route walks the terms and adds them."""
    latex = formulas[int(ref)].latex.strip().rstrip(".?").strip()
    if "\\!" in latex:
        return None
    parts = re.split(r"\s*([+-])\s*(?:\\[lc]?dots|\.\.\.)\s*([+-])\s*", latex)
    if len(parts) != 4 or parts[1] != parts[2]:
        return None
    head, tail = _signed_terms(parts[0]), _signed_terms(parts[2] + parts[3])
    if head is None or tail is None or len(head) < 3 or not tail:
        return None
    for geometric in (False, True):
        rule = second.progression(head + [], geometric)
        if rule is not None:
            break
    else:
        return None
    if rule.step in (0, 1) and geometric or rule.step == 0:
        return None
    terms, total = [], Fraction(0)
    term = rule.first
    while len(terms) < second.MAX_STEPS:
        terms.append(term)
        total += term
        if term == tail[-1]:
            break
        term = term * rule.step if geometric else term + rule.step
        if abs(term) > 10**60:
            return None
    else:
        return None
    if terms[-1] != tail[-1] or terms[-len(tail):] != tail or len(terms) < len(head) + len(tail):
        return None
    n = len(terms)
    general_term = f"{bracketed(rule.first)}*{bracketed(rule.step)}^(k - 1)" if geometric else \
        f"{bracketed(rule.first)} + (k - 1)*{bracketed(rule.step)}"
    return symbolic_plan(f"sum({general_term}, k, 1, {n})", agreeing(total))


def infinite_series(formulas: list[Formula], ref: str) -> RoutedCall | None:
    terms = _series_terms(formulas[int(ref)].latex)
    if terms is None or len(terms) < 3:
        return None
    rule = second.progression(terms, geometric=True)
    if rule is None or not abs(rule.step) < 1:
        return None
    expected = rule.first / (1 - rule.step)
    # the second route: partial sums closing in on the value, at the rate |r|^n
    partial, term = Fraction(0), rule.first
    for _ in range(60):
        partial, term = partial + term, term * rule.step
    if abs(partial - expected) > abs(rule.first) * abs(rule.step) ** 60 / (1 - abs(rule.step)) + Fraction(1, 10**30):
        return None
    return symbolic_plan(f"sum({bracketed(rule.first)}*{bracketed(rule.step)}^k, k, 0, oo)", agreeing(expected))


def common_ratio(formulas: list[Formula], kind: str, ref: str) -> RoutedCall | None:
    latex = formulas[int(ref)].latex
    terms = _series_terms(latex) if kind.lower() == "series" else (_listed(latex) or ([], [1]))[0]
    if not terms or len(terms) < 3:
        return None
    rule = second.progression(terms, geometric=True)
    if rule is None:
        return None
    # the ratio again, as the third term over the second (the rule was read as each term over the one before)
    return calculator_plan(f"{bracketed(terms[1])}/{bracketed(terms[0])}", agreeing(terms[2] / terms[1]))


# -- a letter standing for a term of an arithmetic sequence -------------------------------------------------------

def letter_in_sequence(formulas: list[Formula], list_ref: str, letter_ref: str) -> RoutedCall | None:
    """'In the arithmetic sequence $17, a, b, c, 41$, what is the value of $b$?': the numbers shown fix the
    difference; the letter asked is a term at its place."""
    asked = formulas[int(letter_ref)].tree
    latex = formulas[int(list_ref)].latex.strip().rstrip(".?").strip()
    if not isinstance(asked, Name) or "\\!" in latex or DOTS.search(latex):
        return None
    parts = [p.strip() for p in latex.split(",")]
    known: dict[int, Fraction] = {}
    letters: dict[str, int] = {}
    for k, part in enumerate(parts, start=1):
        if re.fullmatch(r"[A-Za-z]", part):
            if part in letters:
                return None
            letters[part] = k
            continue
        value = rational_number(read_formula(part)) if part else None
        if value is None:
            return None
        known[k] = value
    if asked.name not in letters or len(known) < 2 or len(parts) < 3:
        return None
    (p, a), (q, b) = sorted(known.items())[0], sorted(known.items())[-1]
    step = (b - a) / (q - p)
    rule = second.Progression(a - (p - 1) * step, step, False)
    if any(second.term_by_steps(rule, k) != v for k, v in known.items()):
        return None  # the numbers shown do not lie on one arithmetic sequence
    r = letters[asked.name]
    formula = f"{bracketed(a)} + ({r} - {p})*({bracketed(b)} - {bracketed(a)})/({q} - {p})"
    return calculator_plan(formula, agreeing(second.term_by_steps(rule, r)))
