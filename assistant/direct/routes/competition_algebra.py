"""Competition algebra in LaTeX that the general competition route does not read: sequences, lines, circles,
parabolas, polynomial remainders and the roots of a quadratic.

"What is the 20th term of the arithmetic sequence $2, 5, 8, \\ldots$?", "How many numbers are in the list
$4, 6, 8, \\ldots, 128, 130$?", "What is the slope of the line $2x + 3y = 6$?", "Find the center of the circle with
equation $x^2 - 6x + y^2 + 2y = 9$.", "What is the vertex of the parabola $y = x^2 - 4x + 7$?", "Find the remainder
when $x^4 + 2$ is divided by $x - 2$.", "What is the positive difference between the solutions of
$x^2 - 5x + 4 = 0$?".

Each question must be one asked sentence (plus, at most, a request for the answer's form) matching a shape here
whole. The tool computes the answer (the calculator on the formula the family names, or SymPy); a second route in
assistant/direct/algebra_checks.py derives the same value another way, and the answer is given only where both
agree (the plan's relabel): otherwise the question goes on to the planner.
"""
from __future__ import annotations

import dataclasses
import re

from tools.parsing import Name

from ..algebra_checks import NotDerived
from ..plan import RoutedCall
from . import competition as general
from .competition import _sentences
from . import competition_conics as conics
from . import competition_piecewise as piecewise
from .competition_domain import domain_plan, integer_extreme
from .competition_reading import FORM, MATH, Formula, split_question
from .algebra_common import ASK, F, I, guarded
from .competition_equations import absolute_pick
from .competition_graphs import (circle_part, extreme_value, line_intercept, line_slope, parabola_vertex, through_point,
                                 vertex_to_point)
from .competition_polynomials import (coefficient_sum, horizontal_asymptote, polynomial_remainder, undefined_at,
                                      vertical_asymptotes)
from .competition_roots import (
    all_roots, in_the_roots, one_solution, power_sum, quadratic_discriminant, root_difference, signed_root,
    square_of_binomial, system_value, value_where_zero, vieta)
from .competition_sequences import (
    FIRST_KINDS, ORDINAL, common_ratio, finite_series, from_two_geometric, from_two_terms, infinite_series,
    letter_in_sequence, list_length, nth_term, sum_of_first)

def match(question: str) -> RoutedCall | None:
    # '$$u(x) = \\frac{1}{\\sqrt x}~?$$': the question mark written inside the formula ends the sentence
    displayed = re.sub(r"(?<!\\)\\\[|(?<!\\)\\\]", "$$", question)  # \[ ... \] is display math
    if displayed != question and not UNSURE_DISPLAY.search(question):
        # the general competition route reads $...$ only: the same question with its display math so written
        plan = general.match(displayed)
        if plan is not None:
            return _closed_form_only(plan)
    question = displayed
    question = MATH.sub(_question_mark_outside, question)
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    sentences = _sentences(prose)
    pair = any(ORDERED_PAIR.match(s) for s in sentences)
    asked = [s for s in sentences if not (FORM.match(s) or ORDERED_PAIR.match(s) or INTERVALS.match(s))]
    listing = [s for s in asked if LIST_REQUEST.match(s)]
    if len(listing) == 1 and len(asked) == 2:
        m = ALL_ROOTS.match(asked[0])
        return guarded(all_roots, formulas, *m.groups()) if m else None
    if len(asked) == 2 and not pair:
        return _two_sentences(formulas, asked)
    if len(asked) != 1:
        return None
    if pair:
        asked = [asked[0] + ", as an ordered pair"]
    for pattern, build in FAMILIES:
        m = pattern.match(asked[0])
        if m is None:
            continue
        try:
            plan = build(formulas, *m.groups())
        except NotDerived:
            plan = None
        if plan is not None:
            return plan
    return None


# 'Express your answer as an ordered pair.': read as part of the question; only a family whose answer is a point
# accepts it (the others then do not match the sentence)
ORDERED_PAIR = re.compile(r"^(?:express|write|give|enter|provide)\s+(?:your|the)\s+answer\s+as\s+an\s+ordered\s+"
                          r"pair$", I)
# Interval answers: calx's grader reads both sides as sets of reals (assistant/evaluation/intervals.py), so a
# reference written \left( -\infty, 3 \right) agrees with the same interval written plainly. Off again if a
# domain answer ever disagrees with a reference.
ANSWER_IN_INTERVALS = True

# 'Express your answer in interval notation.': only the domain family answers in intervals, and it always does
INTERVALS = re.compile(r"^\(?(?:express|write|give|enter)\s+(?:your|the)\s+answer\s+(?:in|using)\s+interval\s+"
                       r"notation\.?\)?$|"
                       r"^give\s+the\s+endpoints\s+in\s+your\s+answer\s+as\s+common\s+fractions"
                       r"(?:\s*,?\s+not\s+mixed\s+numbers\s+or\s+decimals)?$|"
                       r"^(?:express|write|give|enter)\s+(?:your|the)\s+answer\s+as\s+(?:a\s+)?union\s+of\s+"
                       r"intervals$", I)
PAIR = r"(?:\s*,?\s+as\s+an\s+ordered\s+pair)?"


# Display math handed to the general route only without sums, products, integrals, limits or dots: written that way,
# they met readings and engine results the route had never been tried on (an infinite sum SymPy gets wrong, an
# unevaluated Sum, a product of powers with \cdots misread)
UNSURE_DISPLAY = re.compile(r"\\(?:sum|prod|int|lim|cdots|ldots|dots|vdots|ddots)(?![A-Za-z])|\.\.\.")
UNEVALUATED = re.compile(r"\b(?:Sum|Product|Integral|Limit|factorial|RootOf|CRootOf)\(")
MAX_DISPLAYED_ANSWER = 120


def _closed_form_only(plan: RoutedCall) -> RoutedCall:
    """The general route's plan, answering only in a closed form of moderate length."""
    inner = plan.relabel

    def relabel(answer: str) -> str | None:
        written = inner(answer) if inner is not None else answer
        if written is None or UNEVALUATED.search(written) or len(written) > MAX_DISPLAYED_ANSWER:
            return None
        return written
    return dataclasses.replace(plan, relabel=relabel)


def _question_mark_outside(m: re.Match) -> str:
    whole = m.group(0)
    inner = next(g for g in m.groups() if g is not None)
    moved = re.sub(r"(?:~|\\[,;: ]|\s)*\?\s*$", "", inner)
    if moved == inner:
        return whole
    opening = whole[:whole.index(inner)]
    return f"{opening}{moved}{whole[len(opening) + len(inner):]}? "


NUMBER_WORD = r"(⟨\d+⟩|-?\d+)"
TWO_TERMS = [
    re.compile(r"^the\s+" + ORDINAL + r"\s+and\s+" + ORDINAL + r"\s+terms\s+of\s+an?\s+(arithmetic|geometric)\s+"
               r"sequence\s+are\s+" + NUMBER_WORD + r"\s+and\s+" + NUMBER_WORD + r"(?:\s*,\s*respectively)?$", I),
    re.compile(r"^the\s+" + ORDINAL + r"\s+term\s+of\s+an?\s+(arithmetic|geometric)\s+sequence\s+is\s+" + NUMBER_WORD
               + r"\s*,?\s+and\s+the\s+" + ORDINAL + r"\s+term\s+is\s+" + NUMBER_WORD + r"$", I),
]
ASKED_TERM = re.compile(r"^(?:" + ASK + r"\s+the|" + ASK + r"\s+its)\s+(?:(positive)\s*,?\s+(?:real\s+)?value\s+"
                        r"(?:for|of)\s+the\s+)?" + ORDINAL
                        + r"\s+term(?:\s+(?:of|in)\s+(?:the|this)\s+(?:same\s+)?sequence)?$", I)


CONSIDER = re.compile(r"^(?:consider|let\s+us\s+consider|here\s+is)\s+the\s+(arithmetic|geometric)\s+sequence\s*:?\s*"
                      + F + r"$", I)
HAS_TWO = re.compile(r"^the\s+(?:quadratic|equation|quadratic\s+equation)\s+" + F + r"\s+has\s+two\s+(?:real\s+)?"
                     r"(?:solutions|roots)$", I)
ABOUT_THEM = re.compile(r"^" + ASK + r"\s+the\s+(positive\s+difference\s+between|sum\s+of|product\s+of)\s+"
                        r"(?:these|the|its|the\s+two)\s+(?:solutions|roots)$", I)


def _two_sentences(formulas: list[Formula], sentences: list[str]) -> RoutedCall | None:
    """'The third and fifth terms of an arithmetic sequence are 17 and 39, respectively. What is the seventh
    term?', 'Consider the geometric sequence $3, 6, 12, \\ldots$. What is its eighth term?', 'The quadratic
    $x^2 - 3x + 9 = x + 41$ has two solutions. What is the positive difference between these solutions?'"""
    considered, about = CONSIDER.match(sentences[0]), ABOUT_THEM.match(sentences[1])
    if HAS_TWO.match(sentences[0]) and about:
        ref, how = HAS_TWO.match(sentences[0]).group(1), about.group(1).split()[0].lower()
        return guarded(root_difference, formulas, ref) if how == "positive" else guarded(vieta, formulas, how, ref)
    defined, wanted = PIECEWISE.match(sentences[0]), ROOTS_ASKED.match(sentences[1])
    if defined and wanted:
        return guarded(piecewise.evaluate, formulas[int(defined.group(1))], formulas[int(wanted.group(1))])
    named = ROOTS_NAMED.match(sentences[0])
    if named and wanted:
        return guarded(in_the_roots, formulas, *named.groups(), wanted.group(1))
    asked = ASKED_TERM.match(sentences[1])
    if considered and asked:
        if asked.group(1):
            return None
        return guarded(nth_term, formulas, asked.group(2), considered.group(1), considered.group(2))
    if asked is None:
        return None
    for k, pattern in enumerate(TWO_TERMS):
        m = pattern.match(sentences[0])
        if m:
            n1, n2, kind, v1, v2 = m.groups() if k == 0 else (m.group(1), m.group(4), m.group(2), m.group(3),
                                                                 m.group(5))
            try:
                if kind.lower() == "geometric":
                    return from_two_geometric(formulas, n1, n2, v1, v2, asked.group(2), asked.group(1))
                if asked.group(1):
                    return None
                return from_two_terms(formulas, n1, n2, v1, v2, asked.group(2))
            except NotDerived:
                return None
    return None


# -- all the roots, listed ------------------------------------------------------------------------------------

ALL_ROOTS = re.compile(r"^(?:find|determine|what\s+are)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?"
                       r"(real\s+|integer\s+|rational\s+)?"
                       r"(?:roots|solutions|zeros)\s+"
                       r"(?:of|to)\s+(?:the\s+(?:polynomial|equation)\s+)?" + F + r"$", I)
LIST_REQUEST = re.compile(r"^(?:enter|list|give)\s+(?:your\s+answer|(?:all\s+(?:of\s+)?)?(?:the\s+)?"
                          r"(?:real\s+|integer\s+|rational\s+)?(?:solutions|roots))(?:\s+as\s+a\s+list\s+of\s+numbers)?"
                          r"\s*,?\s+separated\s+by\s+commas$", I)


# -- an expression in the roots of a quadratic -------------------------------------------------------------------

ROOTS_NAMED = re.compile(r"^(?:let|suppose(?:\s+that)?|if)\s+" + F + r"\s*,?\s+and\s+" + F + r"\s+(?:be|denote|are)\s+"
                         r"the\s+(?:two\s+)?(?:roots|solutions|zeros)\s+(?:of|to)\s+(?:the\s+(?:equation|quadratic|"
                         r"polynomial)\s+)?" + F + r"$", I)
PIECEWISE = re.compile(r"^(?:let|define|suppose|if|given)\s+" + F + r"$", I)
ROOTS_ASKED = re.compile(r"^(?:then\s+)?(?:" + ASK + r"|simplify)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I)


# -- the sentence shapes ----------------------------------------------------------------------------------------

LINE = r"(?:the\s+)?(?:line|graph)\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|defined\s+by|" \
       r"described\s+by|represented\s+by)\s+|(?:of\s+)?)" + F
CIRCLE = r"the\s+circle\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|defined\s+by|" \
         r"described\s+by|represented\s+by)\s+)?" + F
PARABOLA = r"the\s+(?:parabola|graph)\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|" \
           r"defined\s+by|described\s+by|of)\s+)?" + F

FAMILIES = [
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+between\s+the\s+vertex\s+of\s+the\s+graph\s+of\s+"
                r"(?:the\s+equation\s+)?"
                + F + r"\s+and\s+the\s+point\s+" + F + r"$", I), vertex_to_point),
    (re.compile(r"^(?:what\s+is\s+the\s+value\s+of|find)\s+" + F + r"\s+if\s+" + F
                + r"\s+is\s+(positive|negative)\s+and\s+"
                + F + r"$", I), lambda fs, asked, var, sign, ref: signed_root(fs, var, sign, ref, asked)),
    (re.compile(r"^if\s+" + F + r"\s+is\s+(positive|negative)\s+and\s+" + F
                + r"\s*,\s*(?:then\s+)?(?:what\s+is|find)\s+"
                r"(?:the\s+value\s+of\s+)?" + F + r"$", I), signed_root),
    (re.compile(r"^at\s+what\s+value\s+of\s+" + F + r"\s+(?:will\s+there\s+be|is\s+there)\s+a\s+horizontal\s+asymptote"
                r"(?:\s+(?:of|for)\s+(?:the\s+graph\s+of\s+)?)?\s*" + F + r"$", I),
     lambda fs, y, ref: horizontal_asymptote(fs, ref, False) if fs[int(y)].latex.strip() == "y" else None),
    (re.compile(r"^if\s+" + F + r"\s*,\s*at\s+what\s+value\s+of\s+" + F + r"\s+(?:will\s+there\s+be|is\s+there)\s+a\s+"
                r"horizontal\s+asymptote$", I),
     lambda fs, ref, y: horizontal_asymptote(fs, ref, False) if fs[int(y)].latex.strip() == "y" else None),
    (re.compile(r"^" + ASK + r"\s+the\s+(equation\s+of\s+the\s+)?horizontal\s+asymptote\s+of\s+(?:the\s+graph\s+of\s+)?"
                + F + r"$", I), lambda fs, eq, ref: horizontal_asymptote(fs, ref, bool(eq))),
    (re.compile(r"^in\s+the\s+arithmetic\s+sequence\s+" + F + r"\s*,?\s*(?:what\s+is|find)\s+"
                r"(?:the\s+value\s+of\s+)?" + F
                + r"$", I), letter_in_sequence),
    (re.compile(r"^(?:what\s+is|find)\s+(?:the\s+value\s+of\s+)?" + F + r"\s+in\s+the\s+arithmetic\s+sequence\s+" + F
                + r"$", I), lambda fs, letter, ref: letter_in_sequence(fs, ref, letter)),
    (re.compile(r"^(?:" + ASK + r"|simplify)\s+(?:the\s+(?:value\s+of\s+(?:the\s+)?|sum\s+of\s+the\s+(?:arithmetic\s+|"
                r"geometric\s+|finite\s+)*series\s*:?\s*|sum\s*:?\s*|arithmetic\s+series\s*:?\s*|"
                r"geometric\s+series\s*:?\s*|series\s*:?\s*|expression\s*:?\s*))?" + F + r"$", I), finite_series),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+the\s+(squares\s+of\s+the\s+reciprocals|squares|cubes|"
                r"reciprocals)\s+of\s+the\s+(?:two\s+)?(roots|solutions)\s+(?:of|to)\s+"
                r"(?:the\s+(?:equation|quadratic)\s+)?" + F + r"$", I),
     power_sum),
    (re.compile(r"^(?:if\s+" + F + r"\s+is\s+a\s+constant\s+such\s+that\s+)" + F + r"\s+is\s+the\s+square\s+of\s+a\s+"
                r"binomial\s*,?\s*(?:then\s+)?(?:what\s+is|find)\s+" + F + r"$", I),
     lambda fs, k, ref, asked: square_of_binomial(fs, k, ref)
     if fs[int(asked)].latex.strip() == fs[int(k)].latex.strip() else None),
    (re.compile(r"^find\s+" + F + r"\s+such\s+that\s+" + F + r"\s+is\s+the\s+square\s+of\s+a\s+binomial$", I),
     square_of_binomial),
    (re.compile(r"^" + ASK + r"\s+the\s+(greatest|largest|least|smallest)\s+integer\s+(?:value\s+(?:of\s+)?)?(?:" + F
                + r"\s+)?(?:for\s+which|such\s+that|that\s+satisfies|satisfying|where)\s+" + F + r"$", I),
     lambda fs, which, var, ref: integer_extreme(fs[int(ref)], which.lower(),
                                                 fs[int(var)].tree.name if var and isinstance(fs[int(var)].tree, Name)
                                                 else (None if not var else "?"))),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+(?:all\s+)?(?:the\s+)?values\s+of\s+" + F
                + r"\s+(?:for\s+which|such\s+that|where)\s+(?:the\s+expression\s+)?" + F
                + r"\s+is\s+(?:undefined|not\s+defined)$",
                I), undefined_at),
    (re.compile(r"^for\s+what\s+(?:real\s+)?values?\s+of\s+" + F + r"\s+is\s+(?:the\s+expression\s+)?" + F
                + r"\s+(?:undefined|not\s+defined)$", I), lambda fs, v, ref: undefined_at(fs, "one", v, ref)),
    (re.compile(r"^for\s+what\s+value\s+of\s+" + F + r"\s+does\s+the\s+line\s+(?:represented\s+by\s+the\s+equation\s+|"
                r"given\s+by\s+|with\s+equation\s+)?" + F
                + r"\s+(?:contain|pass\s+through|go\s+through)\s+the\s+point\s+"
                + F + r"$", I), through_point),
    (re.compile(r"^(?:if|given\s+that|given|suppose(?:\s+that)?)\s+" + F
                + r"((?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩))\s*,?\s*"
                r"(?:then\s+)?(?:what\s+is|find|determine|compute|evaluate)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I),
     system_value),
    (re.compile(r"^(?:let|define|suppose|if|given)\s+" + F + r"\s*[,.]?\s*(?:then\s+)?(?:" + ASK
                + r")\s+(?:the\s+value\s+of\s+)?" + F + r"$", I),
     lambda fs, d, q: piecewise.evaluate(fs[int(d)], fs[int(q)]) if "\\begin" in fs[int(d)].latex else None),
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+between\s+the\s+(foci|vertices)\s+of\s+the\s+(ellipse|hyperbola)\s*"
                r"(?:(?:given\s+by|with\s+(?:the\s+)?equation|whose\s+equation\s+is)\s+)?" + F + r"$", I),
     lambda fs, what, kind, ref: conics.foci_distance(fs[int(ref)], kind.lower(), what.lower())
     if (what.lower(), kind.lower()) != ("vertices", "ellipse") else None),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:coordinates\s+of\s+the\s+)?(?:center|centre)\s+of\s+the\s+"
                r"(ellipse|hyperbola)\s*"
                r"(?:(?:given\s+by|with\s+(?:the\s+)?equation|whose\s+equation\s+is)\s+)?" + F + PAIR + r"$", I),
     lambda fs, kind, ref: conics.centre(fs[int(ref)], kind.lower())),
    (re.compile(r"^" + ASK + r"\s+the\s+(focus|equation\s+of\s+the\s+directrix)\s+of\s+the\s+parabola\s*"
                r"(?:(?:given\s+by|with\s+(?:the\s+)?equation|whose\s+equation\s+is)\s+)?" + F + r"$", I),
     lambda fs, what, ref: conics.focus_or_directrix(fs[int(ref)],
                                                     "focus" if what.lower() == "focus" else "directrix")),
    (re.compile(r"^" + ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+(?:real\s+)?(?:number|value\s+of)\s+" + F
                + r"\s+(?:that\s+is\s+)?in\s+the\s+domain\s+of\s+(?:the\s+)?(?:function\s+)?" + F + r"$", I),
     lambda fs, which, _, ref: domain_plan(fs[int(ref)], {"least": "smallest", "greatest": "largest"}.get(
         which.lower(), which.lower()))),
    (re.compile(r"^what\s+(?:real\s+)?values?\s+of\s+" + F + r"\s+(?:are|is)\s+not\s+in\s+the\s+domain\s+of\s+"
                r"(?:the\s+function\s+)?" + F + r"$", I),
     lambda fs, _, ref: domain_plan(fs[int(ref)], "excluded")),
    (re.compile(r"^(?:if|given\s+that|suppose(?:\s+that)?)\s+" + F + r"\s*,?\s*(?:then\s+)?(?:what\s+is|find|determine|"
                r"compute|evaluate)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I), value_where_zero),
    (ALL_ROOTS, all_roots),
    (re.compile(r"^(?:what\s+is|find|determine|compute|give)\s+the\s+domain\s+of\s+(?:the\s+)?(?:real[- ]valued\s+)?"
                r"(?:function|expression|graph\s+of)?\s*" + F + r"(?:\s*,?\s+(?:in|using)\s+interval\s+notation)?$", I),
     lambda fs, ref: domain_plan(fs[int(ref)]) if ANSWER_IN_INTERVALS else None),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+the\s+(?:infinite\s+)?geometric\s+series\s*:?\s*" + F + r"$", I),
     infinite_series),
    (re.compile(r"^(?:evaluate|compute|find|calculate)\s+the\s+infinite\s+geometric\s+series\s*:?\s*" + F + r"$", I),
     infinite_series),
    (re.compile(r"^" + ASK + r"\s+the\s+common\s+ratio\s+of\s+the\s+(?:infinite\s+)?geometric\s+"
                r"(series|sequence)\s*:?\s*"
                + F + r"$", I), common_ratio),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+the\s+two\s+(?:real\s+)?(?:solutions|roots)\s+(?:of|to)\s+"
                r"(?:the\s+equation\s+)?" + F + r"$", I), vieta),
    (re.compile(r"^how\s+many\s+vertical\s+asymptotes\s+does\s+(?:the\s+graph\s+of\s+)?(?:the\s+function\s+)?" + F
                + r"\s+have$", I), vertical_asymptotes),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+(?:all\s+)?(?:the\s+)?(?:possible\s+)?(?:values\s+of\s+"
                + F + r"|solutions\s+(?:of|to)|solutions|roots\s+of)\s*(?:that\s+satisfy|which\s+satisfy|such\s+that|"
                r"satisfying|for\s+which|of\s+the\s+equation|to\s+the\s+equation|the\s+equation)?\s*" + F + r"$", I),
     absolute_pick),
    (re.compile(r"^" + ASK + r"\s+the\s+(largest|greatest|smallest|least|positive|negative)\s+(?:possible\s+)?"
                r"(?:value\s+of\s+|solution\s+)?" + F + r"\s+(?:such\s+that|that\s+satisfies|satisfying|for\s+which)\s+"
                r"(?:the\s+equation\s+)?" + F + r"$", I), absolute_pick),
    (re.compile(r"^" + ASK + r"\s+the\s+(positive\s+difference)\s+between\s+the\s+(?:two\s+)?(?:solutions|roots)\s+"
                r"(?:of|to)\s+(?:the\s+equation\s+)?()" + F + r"$", I),
     lambda fs, how, _, ref: absolute_pick(fs, how, None, ref)),
    (re.compile(r"^how\s+many\s+(?:distinct\s+)?(?:real\s+)?solutions\s+does\s+(?:the\s+equation\s+)?()" + F
                + r"\s+have$", I), lambda fs, _, ref: absolute_pick(fs, "count", None, ref)),
    (re.compile(r"^(?:for\s+what|find\s+the|what\s+is\s+the)\s+(?:(positive|negative)\s+)?(?:real\s+)?value\s+of\s+" + F
                + r"\s+(?:does|will|for\s+which|such\s+that)\s+(?:the\s+equation\s+)?" + F + r"\s+(?:have|has)\s+"
                r"(?:exactly\s+|only\s+)?one\s+(?:real\s+)?(?:solution|root)(?:\s+(?:in|for)\s+(?:x|⟨\d+⟩))?$", I),
     one_solution),
    (re.compile(r"^" + ASK + r"\s+the\s+" + ORDINAL + r"\s+term\s+(?:of|in)\s+(?:the\s+)?(arithmetic|geometric)\s+"
                r"(?:sequence|progression)\s*:?\s*" + F + r"$", I), nth_term),
    (re.compile(r"^how\s+many\s+(?:numbers|terms|integers|positive\s+integers|elements)\s+are\s+(?:there\s+)?"
                r"(?:in|listed\s+in)\s+(?:the\s+)?(?:following\s+)?(?:list|arithmetic\s+sequence|sequence)\s*:?\s*"
                + F + r"$", I), list_length),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+the\s+first\s+(\d+|⟨\d+⟩)\s+(" + "|".join(
        k.replace(" ", r"\s+") for k in FIRST_KINDS) + r")$", I), sum_of_first),
    (re.compile(r"^" + ASK + r"\s+the\s+slope\s+of\s+(?:a\s+|the\s+)?(?:line\s+)?(?:that\s+is\s+)?"
                r"(?:(parallel|perpendicular)\s+to\s+)?" + LINE + r"$", I),
     line_slope),
    (re.compile(r"^" + ASK + r"\s+the\s+" + F + r"\s*-\s*intercept(\s+point)?\s+of\s+" + LINE
                + r"(\s*,?\s+as\s+an\s+ordered\s+pair)?$", I),
     lambda fs, axis, point, ref, pair: line_intercept(fs, axis, ref, point or pair)),
    (re.compile(r"^" + ASK + r"\s+the\s+(center|centre)\s+of\s+" + CIRCLE + PAIR + r"$", I), circle_part),
    (re.compile(r"^" + ASK + r"\s+the\s+(radius)\s+of\s+" + CIRCLE + r"$", I), circle_part),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:coordinates\s+of\s+the\s+)?vertex\s+of\s+" + PARABOLA + PAIR + r"$", I),
     parabola_vertex),
    (re.compile(r"^" + ASK + r"\s+the\s+(minimum|maximum|least|greatest|smallest|largest)\s+(?:possible\s+)?value\s+"
                r"(?:of|for)\s+(?:the\s+(?:expression|function|quadratic)\s+)?" + F
                + r"(?:\s*,?\s+(?:for|over)\s+(?:all\s+)?real\s+(?:values\s+of\s+|numbers\s+)?" + F + r")?$", I),
     extreme_value),
    (re.compile(r"^" + ASK + r"\s+the\s+(minimum|maximum|least|greatest|smallest|largest)\s+(?:possible\s+)?value\s+"
                r"(?:of|for)\s+" + F + r"\s*,?\s+(?:if|where|when|given\s+that|in\s+the\s+equation)\s+" + F + r"$", I),
     lambda fs, which, var, ref: extreme_value(fs, which, ref, var)),
    (re.compile(r"^" + ASK + r"\s+the\s+remainder\s+when\s+" + F + r"\s+is\s+divided\s+by\s+" + F + r"$", I),
     polynomial_remainder),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?the\s+coefficients\s+(?:in|of)\s+"
                r"(?:the\s+(?:polynomial|expression|expansion\s+of)\s+)?" + F
                + r"(?:\s*,?\s+when\s+it\s+is\s+(?:fully\s+|completely\s+)?(?:simplified|expanded))?$", I),
     coefficient_sum),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:positive\s+difference|absolute\s+value\s+of\s+the\s+difference)\s+"
                r"(?:between|of)\s+the\s+(?:two\s+)?(?:solutions|roots)\s+"
                r"(?:of|to)\s+(?:the\s+(?:equation|quadratic)\s+)?" + F + r"$", I), root_difference),
    (re.compile(r"^" + ASK + r"\s+the\s+discriminant\s+of\s+(?:the\s+(?:quadratic|polynomial|expression)\s+)?" + F
                + r"$", I), quadratic_discriminant),
]
