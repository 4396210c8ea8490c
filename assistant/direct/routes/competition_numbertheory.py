"""Competition number theory, counting and probability in the words MATH uses (after the general competition route).

"How many zeros are at the end of $25!$?", "How many multiples of 7 are between 100 and 500?", "What is the
smallest positive four-digit multiple of 13?", "Solve the congruence $3n \\equiv 2 \\pmod{11}$, as a residue modulo
11.", "How many diagonals does a convex decagon have?", "We flip a fair coin 10 times. What is the probability that
we get heads in exactly 8 of the 10 flips?". The prose must match one family's shape whole (every sentence read);
a range whose ends make "between" ambiguous (an end that is itself a multiple, a prime, a square) is declined.
Each plan is a closed formula for the tool (Legendre's sum, floor(b/k) - floor((a-1)/k), prime_pi, n(n-3)/2, ...)
that assistant/direct/numbertheory_checks.py recounts by enumeration (CheckKind.RECOUNT).
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

from tools.parsing import Num, Postfix

from ..literals import count_value
from ..plan import CheckKind, RoutedCall
from .competition_forms import decimal_form
from .competition_reading import FORM, N, Formula, formula_of, split_question
from .competition_shapes import integral
from .congruence import MODULUS, Congruence, read_congruence

I = re.IGNORECASE
F = r"⟨(\d+)⟩"
ASK = r"(?:what\s+is|what's|find|compute|determine|calculate)"
WORD = r"([a-z]+(?:-[a-z]+)?)"  # a count in words: "five", "twenty-one"
COUNT = r"(" + N[1:-1] + r"|[a-z]+(?:-[a-z]+)?)"
MAX_RANGE = 10**12
MAX_LISTED = 2_000_000  # numbers the recount check walks through (numbertheory_checks.MAX_RANGE): no more are read
MAX_FACTORIAL = 5_000
MAX_MODULUS = 10**6
RECOUNT = CheckKind.RECOUNT


def match(question: str) -> RoutedCall | None:
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    formulas = [_without_question_mark(f) for f in formulas]
    sentences = [_bare(s) for s in _sentences(prose)]
    # read as written first ('... when $\\frac{3}{26}$ is expressed as a decimal' asks for a digit, not a decimal)
    plan = _family_plan(sentences, formulas)
    if plan is not None:
        return plan
    places, sentences = decimal_form(sentences)
    plan = _family_plan(sentences, formulas) if places is not None else None
    if plan is not None:
        return _exact_decimal(plan, places)
    return _base_arithmetic(sentences, formulas) if places is None else None


def _family_plan(sentences: list[str], formulas: list[Formula]) -> RoutedCall | None:
    asked = [s for s in sentences if s and not FORM.match(s)]
    if not asked:
        return None
    text = ". ".join(asked)
    for pattern, build in FAMILIES:
        m = pattern.fullmatch(text)
        plan = build(formulas, *m.groups()) if m else None
        if plan is not None:
            return plan
    return None


def _without_question_mark(formula: Formula) -> Formula:
    """'$247 + 5 \\cdot 39?$': the question's own mark inside the formula is not part of it."""
    from .competition_reading import read_formula

    if formula.tree is None and formula.latex.rstrip().endswith("?"):
        return read_formula(formula.latex.rstrip().rstrip("?"))
    return formula


def _exact_decimal(plan: RoutedCall, places) -> RoutedCall | None:
    """'Express your answer as a decimal.': the value's own terminating decimal; 'to the nearest tenth' only when the
    value ends within a tenth, so that nothing is rounded (a rounded answer is not given here)."""
    from tools.parsing import ParseError, parse

    from ..recompute import Unsupported, recompute
    from .competition_forms import _terminating_places

    if plan.kind != RECOUNT or not (places == "exact" or isinstance(places, int) and places >= 1):
        return None
    try:
        value = recompute(parse(plan.input))
    except (Unsupported, ZeroDivisionError, ParseError, ValueError):
        return None
    digits = _terminating_places(value.denominator)
    if digits is None or places != "exact" and digits > places:
        return None
    return plan if digits == 0 else _plan(f"decimals({plan.input}, {digits})")


def _sentences(prose: str) -> list[str]:
    """As the competition route splits them, and after a bracketed sentence too: '... die? (It has 8 faces.) Express'."""
    prose = re.sub(r"\s+", " ", prose).strip()
    parts = re.split(r"(?:(?<=[.?])|(?<=[.?]\)))\s+(?=[A-Z(⟨])", prose)
    return [p.strip().rstrip(".?").strip() for p in parts if p.strip().rstrip(".?").strip()]


def _bare(sentence: str) -> str:
    """'(Two seatings are the same if one is a rotation of the other.)' -> the sentence inside."""
    sentence = sentence.strip()
    if sentence.startswith("(") and sentence.endswith(")"):
        sentence = sentence[1:-1]
    return re.sub(r"\s+", " ", sentence).strip().rstrip(".?").strip()


# -- reading numbers ------------------------------------------------------------------------------------------------

def _whole(formulas: list[Formula], ref: str | None) -> int | None:
    """A whole number written in digits, words or a formula of numbers only ('$10^3$', '$2^8+1$')."""
    from ..recompute import Unsupported, recompute

    if ref is None:
        return None
    formula = formula_of(formulas, ref)
    if formula is None:
        return count_value(ref)
    if formula.tree is None or formula.names or not integral(formula.tree):
        return None
    try:
        value = recompute(formula.tree)
    except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
        return None
    if value.denominator != 1 or abs(value) > 10**100:
        return None
    return int(value)


def _factorial_of(formulas: list[Formula], ref: str) -> int | None:
    """n for a formula that is exactly n!."""
    formula = formula_of(formulas, ref)
    tree = formula.tree if formula is not None else None
    if not (isinstance(tree, Postfix) and tree.op == "!" and isinstance(tree.operand, Num)):
        return None
    value = Fraction(tree.operand.value)
    if value.denominator != 1 or not 0 <= value <= MAX_FACTORIAL or tree.operand.decimal:
        return None
    return int(value)


def _is_prime(n: int) -> bool:
    import gmpy2

    return n >= 2 and bool(gmpy2.is_prime(n, 50))


DIGIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _digit_count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 30 else None
    return DIGIT_WORDS.get(word)


def _plan(call: str | None) -> RoutedCall | None:
    return None if call is None else RoutedCall("bigint", call, call, RECOUNT)


# -- factorials -----------------------------------------------------------------------------------------------------

def _legendre(n: int, p: int) -> str:
    """floor(n/p) + floor(n/p^2) + ... while p^k <= n: the exponent of p in n!."""
    terms, k = [f"floor({n}/{p})"], 2
    while p**k <= n:
        terms.append(f"floor({n}/{p}^{k})")
        k += 1
    return " + ".join(terms)


def _trailing_zeros(formulas, ref):
    n = _factorial_of(formulas, ref)
    if n is None or n < 5:
        return None
    return _plan(_legendre(n, 5))


def _power_in_factorial(formulas, p_ref, n_ref):
    p, n = _whole(formulas, p_ref), _factorial_of(formulas, n_ref)
    if p is None or n is None or not _is_prime(p) or p > n:
        return None
    return _plan(_legendre(n, p))


def _power_named(formulas, k_ref, power_ref, n_ref):
    """'the largest integer $k$ such that $2^k$ divides $20!$': the power must be p^k with that same letter."""
    letter, power = formulas[int(k_ref)], formulas[int(power_ref)]
    m = re.fullmatch(r"\s*(\d+)\s*\^\s*\{?\s*([a-z])\s*\}?\s*", power.latex)
    if m is None or len(letter.names) != 1 or m.group(2) not in letter.names or letter.latex.strip() != m.group(2):
        return None
    return _power_in_factorial(formulas, m.group(1), n_ref)


# -- ranges ---------------------------------------------------------------------------------------------------------

def _ends(formulas, low_ref, high_ref, inclusive) -> tuple[int, int, bool] | None:
    low, high = _whole(formulas, low_ref), _whole(formulas, high_ref)
    if low is None or high is None or not 0 <= low < high <= MAX_RANGE:
        return None
    return low, high, bool(inclusive)


def _range_bounds(ends, counted) -> tuple[int, int] | None:
    """The counted numbers x with low < x < high (or <= with 'inclusive'); None where an end is itself counted and
    the question does not say whether it is in."""
    low, high, inclusive = ends
    if not inclusive and (counted(low) or counted(high)):
        return None
    return (low, high) if inclusive else (low + 1, high - 1)


def _multiples_call(low: int, high: int, moduli: list[int]) -> str | None:
    if high - low > MAX_LISTED or len(moduli) > 8:
        return None
    k = str(moduli[0]) if len(moduli) == 1 else f"lcm({', '.join(map(str, moduli))})"
    return f"floor({high}/{k}) - floor({low - 1}/{k})"


def _multiples_between(formulas, listed, low_ref, high_ref, inclusive):
    moduli, ends = _moduli(formulas, listed), _ends(formulas, low_ref, high_ref, inclusive)
    if ends is None or any(k is None or not 1 <= k <= MAX_RANGE for k in moduli):
        return None
    bounds = _range_bounds(ends, lambda x: all(x % k == 0 for k in moduli))
    return None if bounds is None or bounds[0] < 1 else _plan(_multiples_call(*bounds, moduli))


def _moduli(formulas, listed: str) -> list[int | None]:
    """'6 and 15', '2, 3, and 5', 'seven': each number of the list."""
    parts = re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", listed.strip())
    return [_whole(formulas, part) for part in parts]


def _digits_divisible(formulas, digits, listed):
    d = _digit_count(digits)
    moduli = _moduli(formulas, listed)
    if d is None or any(k is None or not 1 <= k <= MAX_RANGE for k in moduli):
        return None
    return _plan(_multiples_call(10 ** (d - 1), 10**d - 1, moduli))


def _below_divisible(formulas, high_ref, or_equal, listed):
    high = _whole(formulas, high_ref)
    moduli = _moduli(formulas, listed)
    if high is None or any(k is None or not 1 <= k <= MAX_RANGE for k in moduli) or not 1 < high <= MAX_RANGE:
        return None
    return _plan(_multiples_call(1, high if or_equal else high - 1, moduli))


def _either_or_but_not(formulas, high_ref, or_equal, a_ref, how, b_ref):
    """Positive integers up to n that are multiples of a or b (both counted once), or of a but not b."""
    high, a, b = _whole(formulas, high_ref), _whole(formulas, a_ref), _whole(formulas, b_ref)
    if high is None or a is None or b is None or not 2 <= a <= MAX_LISTED or not 2 <= b <= MAX_LISTED or a == b:
        return None
    top = high if or_equal else high - 1
    if not 1 <= top <= MAX_LISTED:
        return None
    if how.lower().startswith("but"):
        return _plan(f"floor({top}/{a}) - floor({top}/lcm({a}, {b}))")
    return _plan(f"floor({top}/{a}) + floor({top}/{b}) - floor({top}/lcm({a}, {b}))")


def _primes_between(formulas, low_ref, high_ref, inclusive):
    ends = _ends(formulas, low_ref, high_ref, inclusive)
    if ends is None or ends[1] > 10**5:
        return None
    bounds = _range_bounds(ends, _is_prime)
    return None if bounds is None else _plan(f"prime_pi({bounds[1]}) - prime_pi({bounds[0] - 1})")


POWERS = {"squares": 2, "cubes": 3}


def _powers_between(formulas, kind, low_ref, high_ref, inclusive):
    e, ends = POWERS[kind.lower()], _ends(formulas, low_ref, high_ref, inclusive)
    if ends is None:
        return None
    bounds = _range_bounds(ends, lambda x: round(x ** (1 / e)) ** e == x or (round(x ** (1 / e)) + 1) ** e == x)
    if bounds is None or bounds[0] < 1:
        return None
    return _plan(f"iroot({bounds[1]}, {e}) - iroot({bounds[0] - 1}, {e})")


def _powers_below(formulas, kind, high_ref, or_equal):
    e, high = POWERS[kind.lower()], _whole(formulas, high_ref)
    if high is None or not 1 < high <= MAX_RANGE:
        return None
    return _plan(f"iroot({high if or_equal else high - 1}, {e}) - iroot(0, {e})")


def _extreme_multiple(formulas, which, digits, k_ref):
    d, k = _digit_count(digits), _whole(formulas, k_ref)
    if d is None or k is None or not 1 <= k < 10 ** (d - 1) or k > MAX_LISTED:
        return None
    if which.lower() in ("smallest", "least"):
        return _plan(f"ceil({10 ** (d - 1)}/{k})*{k}")
    return _plan(f"floor({10**d - 1}/{k})*{k}")


def _multiple_beside(formulas, which, k_ref, relation, n_ref):
    """'the largest multiple of 13 less than 500', 'the smallest multiple of 7 greater than 100'."""
    k, n = _whole(formulas, k_ref), _whole(formulas, n_ref)
    if k is None or n is None or not 1 <= k <= MAX_LISTED or not 0 <= n <= MAX_RANGE:
        return None
    largest, relation = which.lower() in ("largest", "greatest"), re.sub(r"\s+", " ", relation.lower())
    if largest != relation.startswith("less"):
        return None  # the smallest multiple less than n is 0 or below: not what is meant
    if largest:
        top = n if relation.endswith("equal to") else n - 1
        return _plan(f"floor({top}/{k})*{k}") if top >= k else None
    bottom = n if relation.endswith("equal to") else n + 1
    return _plan(f"ceil({bottom}/{k})*{k}")


def _signed(formulas, ref) -> int | None:
    text = ref.replace("−", "-").strip()
    if text.startswith("-"):
        value = _whole(formulas, text[1:].strip())
        return None if value is None else -value
    formula = formula_of(formulas, text)
    if formula is not None and formula.tree is not None and not formula.names:
        from ..recompute import Unsupported, recompute

        try:
            value = recompute(formula.tree)
        except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
            return None
        return int(value) if value.denominator == 1 and abs(value) <= MAX_RANGE else None
    return _whole(formulas, text)


def _range_sum(formulas, a_ref, b_ref, parity, inclusive=True):
    """The integers a..b (of a parity) added: (first + last) times their number over 2."""
    a, b = _signed(formulas, a_ref), _signed(formulas, b_ref)
    if a is None or b is None or a >= b or b - a > MAX_LISTED:
        return None
    step = 1 if parity is None else 2
    if parity is not None:
        want = 1 if parity.lower() == "odd" else 0
        if not inclusive and (a % 2 == want or b % 2 == want):
            return None  # is an end in or not? not said
        a = a if a % 2 == want else a + 1
        b = b if b % 2 == want else b - 1
        if a > b:
            return None
    return _plan(f"({a} + ({b}))*(({b} - ({a}))/{step} + 1)/2")


def _sum_of_squares(formulas, n_ref):
    n = _whole(formulas, n_ref)
    return None if n is None or not 1 <= n <= MAX_LISTED else _plan(f"{n}*({n} + 1)*(2*{n} + 1)/6")


def _range_mean(formulas, a_ref, b_ref):
    a, b = _signed(formulas, a_ref), _signed(formulas, b_ref)
    if a is None or b is None or a >= b or b - a > MAX_LISTED:
        return None
    return _plan(f"({a} + ({b}))/2")


def _units_in_base(formulas, ref):
    """'the units digit ... within the indicated number base: $52_7 + 62_7$': the value mod that base."""
    from tools.parsing import to_text

    formula = formulas[int(ref)]
    bases = set(re.findall(r"\d+_\s*\{?\s*(\d+)", formula.latex))
    if len(bases) != 1 or formula.tree is None or formula.names or not integral(formula.tree):
        return None
    base = int(bases.pop())
    if not 2 <= base <= 10:
        return None
    call = f"({to_text(formula.tree)}) mod {base}"
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


def _first_sum(formulas, n_ref, parity):
    n = _whole(formulas, n_ref)
    if n is None or not 1 <= n <= MAX_LISTED // 2:
        return None
    if parity is None:
        return _plan(f"(1 + ({n}))*(({n} - (1))/1 + 1)/2")
    first = 1 if parity.lower() == "odd" else 2
    last = first + 2 * (n - 1)
    return _plan(f"({first} + ({last}))*(({last} - ({first}))/2 + 1)/2")


def _parity_between(formulas, parity, low_ref, high_ref):
    low, high = _whole(formulas, low_ref), _whole(formulas, high_ref)
    if low is None or high is None or not 0 <= low < high <= MAX_RANGE:
        return None
    r = 1 if parity.lower() == "odd" else 0
    return _plan(_class_count_call(low + 1, high - 1, r, 2))


def _place_digit(formulas, place, ref):
    """The tens or hundreds digit, read off the number's decimal string by the check (CheckKind.PLACE_VALUE)."""
    formula = formula_of(formulas, ref)
    if formula is None or formula.tree is None or formula.names or not integral(formula.tree):
        return None
    from tools.parsing import to_text

    k = {"tens": 1, "hundreds": 2, "thousands": 3}[place.lower()]
    call = f"floor(abs({to_text(formula.tree)}) / 10^{k}) mod 10"
    return RoutedCall("calculator", call, call, CheckKind.PLACE_VALUE)


def _digits_range(digits) -> tuple[int, int] | None:
    d = _digit_count(digits)
    return None if d is None else (10 ** (d - 1), 10**d - 1)


def _multiples_in(low: int, high: int, k: int) -> tuple[int, int] | None:
    first, last = -(-low // k) * k, high // k * k
    return (first, last) if first <= last else None


def _mean_of_multiples(formulas, digits, k_ref):
    """The mean of all positive d-digit multiples of k: the first and last multiple, halved."""
    bounds, k = _digits_range(digits), _whole(formulas, k_ref)
    if bounds is None or bounds[1] > 10**7 or k is None or not 2 <= k <= MAX_RANGE or _multiples_in(*bounds, k) is None:
        return None
    low, high = bounds
    return _plan(f"(ceil({low}/{k})*{k} + floor({high}/{k})*{k})/2")


def _sum_of_multiples(formulas, k_ref, low, high, inclusive=True, counted=None):
    """first + ... + last over the multiples of k in [low, high]: the terms added one by one by the check."""
    k = _whole(formulas, k_ref)
    if k is None or not 2 <= k <= MAX_RANGE or low is None or high is None or low > high:
        return None
    if not inclusive and (low % k == 0 or high % k == 0):
        return None
    if not inclusive:
        low, high = low + 1, high - 1
    found = _multiples_in(low, high, k)
    if found is None or found[1] - found[0] > MAX_LISTED:
        return None
    first, last = found
    return _plan(f"({first} + ({last}))*(({last} - ({first}))/{k} + 1)/2")


def _nth_of_parity(formulas, place_ref, parity):
    place_text = re.sub(r"⟨(\d+)⟩", lambda r: formulas[int(r.group(1))].latex, place_ref)
    m = ORDINAL.fullmatch(place_text.strip())
    if m is None or not 1 <= int(m.group(1)) <= MAX_LISTED // 2:
        return None
    n = int(m.group(1))
    return _plan(f"2*{n} - 1" if parity.lower() == "odd" else f"2*{n} - 0")


DIGIT_KINDS = {"odd": (5, 5), "prime": (4, 4), "even": (4, 5)}  # choices for the first digit, for each other digit


def _digit_kind_count(formulas, digits, kind):
    """d-digit positive integers whose every digit is odd (prime, even): the first digit cannot be 0."""
    d = _digit_count(digits)
    if d is None or d > 6:
        return None
    first, other = DIGIT_KINDS[kind.lower()]
    return _plan(f"{first}*{other}^({d} - 1)")


# -- divisors -------------------------------------------------------------------------------------------------------

def _positive(formulas, ref) -> int | None:
    n = _whole(formulas, ref)
    return n if n is not None and 1 <= n <= 10**12 else None


def _parity_divisors(formulas, parity, ref):
    n = _positive(formulas, ref)
    if n is None:
        return None
    if parity.lower() == "odd":
        return _plan(f"num_divisors({n}) - num_divisors({n}/2)") if n % 2 == 0 else None
    return _plan(f"num_divisors({n}/2)") if n % 2 == 0 else None


def _parity_divisor_sum(formulas, parity, ref):
    """The sum of the odd (or even) divisors of an even n: sigma(n) - 2 sigma(n/2) (or 2 sigma(n/2))."""
    n = _positive(formulas, ref)
    if n is None or n % 2:
        return None
    return _plan(f"sigma({n}) - 2*sigma({n}/2)" if parity.lower() == "odd" else f"2*sigma({n}/2)")


def _common_divisor_sum(formulas, a_ref, b_ref):
    a, b = _positive(formulas, a_ref), _positive(formulas, b_ref)
    return None if a is None or b is None else _plan(f"sigma(gcd({a}, {b}))")


def _divisor_count(formulas, ref):
    n = _positive(formulas, ref)
    return None if n is None else RoutedCall("bigint", f"num_divisors({n})", f"num_divisors({n})", CheckKind.COMPETITION)


def _power_divisors(formulas, ref, kind):
    """Divisors of n that are perfect squares (cubes): the divisors of the root of the largest such divisor."""
    from sympy import factorint

    n, e = _positive(formulas, ref), POWERS[kind.lower()]
    if n is None or n > 10**12:
        return None
    largest = math.prod(p ** (k - k % e) for p, k in factorint(n).items())
    return _plan(f"num_divisors(iroot(gcd({n}, {largest}), {e}))")


FIRSTS = {"positive integers": lambda n: list(range(1, n + 1)), "counting numbers": lambda n: list(range(1, n + 1)),
          "natural numbers": lambda n: list(range(1, n + 1))}


def _lcm_of_first(formulas, n_ref, what):
    n = _whole(formulas, n_ref)
    if n is None or not 2 <= n <= 18:
        return None
    numbers = FIRSTS[re.sub(r"\s+", " ", what.lower())](n)
    return _plan(f"lcm({', '.join(map(str, numbers))})")


def _reciprocal_sum(formulas, ref):
    n = _positive(formulas, ref)
    return None if n is None else _plan(f"sigma({n})/{n}")


def _other_number(formulas, first_ref, first_kind, second_ref, a_ref):
    """'The least common multiple of two integers is 3720, and their greatest common divisor is 8. Given that one of
    the integers is 120, what is the other?': g l / a, given only when that number has this gcd and lcm with a."""
    values = {first_kind.lower().startswith("least"): _positive(formulas, first_ref),
              not first_kind.lower().startswith("least"): _positive(formulas, second_ref)}
    lcm, gcd, a = values.get(True), values.get(False), _positive(formulas, a_ref)
    if lcm is None or gcd is None or a is None or (lcm * gcd) % a:
        return None
    b = lcm * gcd // a
    if math.gcd(a, b) != gcd or math.lcm(a, b) != lcm:
        return None
    return _plan(f"{lcm}*{gcd}/{a}")


FIRST_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]


def _extreme_multiple_of_primes(formulas, which, digits, count_ref):
    k = _whole(formulas, count_ref)
    if k is None or not 1 <= k <= len(FIRST_PRIMES):
        return None
    return _extreme_multiple(formulas, which, digits, str(math.prod(FIRST_PRIMES[:k])))


def _gcd_lcm(op: str):
    def build(formulas, a_ref, b_ref):
        a, b = _positive(formulas, a_ref), _positive(formulas, b_ref)
        return None if a is None or b is None else _plan(f"gcd({a}, {b}){op}lcm({a}, {b})")
    return build


def _odd_divisor_counts(formulas, parity, high_ref, or_equal):
    """'How many positive integers less than 60 have an even number of positive divisors?': only squares have an odd
    number; the check counts the divisors of every number instead."""
    high = _whole(formulas, high_ref)
    if high is None or not 2 <= high <= 10**4:
        return None
    top = high if or_equal else high - 1
    squares = f"iroot({top}, 2) - iroot(0, 2)"
    return _plan(squares if parity.lower() == "odd" else f"{top} - ({squares})")


def _divisor_product(formulas, ref):
    n = _positive(formulas, ref)
    if n is None or n > 10**9:
        return None
    root = math.isqrt(n)
    return _plan(f"isqrt({n})^num_divisors({n})" if root * root == n else f"{n}^(num_divisors({n})/2)")


def _divisor_multiples(formulas, n_ref, k_ref):
    """'How many positive divisors of 96 are multiples of 12?': the divisors of n/k, each times k."""
    n, k = _positive(formulas, n_ref), _positive(formulas, k_ref)
    if n is None or k is None or n % k:
        return None
    return _plan(f"num_divisors({n}/{k})")


PICK = {"largest": max, "greatest": max, "smallest": min, "least": min, "sum": sum, "number": len}


def _prime_pick(how: str, distinct_said: bool = True):
    """Largest, smallest, sum or count of the distinct primes dividing n: the tool lists them (checked by GMP:
    each prime, nothing else left when they are divided out), and the one asked for is taken from that list."""
    pick = PICK[how]

    def build(formulas, ref):
        formula = formula_of(formulas, ref)
        n = _whole(formulas, ref)
        if formula is None or n is None or not 2 <= n <= 10**40:
            return None
        if not distinct_said and _has_square_factor(n):
            return None  # 'the sum of the prime factors of 12': with or without repeats is not said

        def chosen(listed: str) -> str | None:
            m = re.fullmatch(r"\[(\d+(?:, \d+)*)\]", listed.strip())
            return str(pick([int(p) for p in m.group(1).split(", ")])) if m else None

        call = f"prime_factors({n})"
        return RoutedCall("bigint", call, call, CheckKind.PRIME_FACTORS, relabel=chosen)
    return build


def _has_square_factor(n: int) -> bool:
    from sympy import factorint

    return any(e > 1 for e in factorint(n, limit=10**6).values()) or n > 10**12


# -- lists, decimals and residues ---------------------------------------------------------------------------------

NUMBER_TEXT = re.compile(r"-?\d+(?:\.\d+)?")
ELLIPSIS = re.compile(r"\\[lc]?dots|\.\.\.")


def _list_count(formulas, ref):
    """'How many numbers are in the list $4, 6, 8, \\ldots, 128, 130$?': an arithmetic list, its step settled by
    at least two equal differences shown, every number after the dots continuing it."""
    formula = formula_of(formulas, ref)
    if formula is None:
        return None
    items = [t.strip() for t in re.sub(r"\\[,!;: ]|\s", "", formula.latex).rstrip("?.").split(",")]
    dots = [i for i, t in enumerate(items) if ELLIPSIS.fullmatch(t)]
    if len(dots) != 1 or not all(NUMBER_TEXT.fullmatch(t) for i, t in enumerate(items) if i != dots[0]):
        return None
    before, after = [Fraction(t) for t in items[:dots[0]]], [Fraction(t) for t in items[dots[0] + 1:]]
    shown = [b - a for a, b in zip(before, before[1:])] + [b - a for a, b in zip(after, after[1:])]
    if len(before) < 2 or not after or len(shown) < 2 or len(set(shown)) != 1 or shown[0] == 0:
        return None
    step, first, last = shown[0], before[0], after[-1]
    count = (last - first) / step + 1
    if count.denominator != 1 or count < len(before) + len(after) or count > 100_000:
        return None
    text = [items[0], items[-1], _decimal_text(step)]
    if text[2] is None:
        return None
    return _plan(f"({text[1]} - ({text[0]}))/({text[2]}) + 1")


def _decimal_text(value: Fraction) -> str | None:
    if value.denominator == 1:
        return str(value.numerator)
    for places in range(1, 7):
        scaled = value * 10**places
        if scaled.denominator == 1:
            sign = "-" if scaled < 0 else ""
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            return f"{sign}{digits[:-places]}.{digits[-places:]}"
    return None


def _modulo_residue(formulas, m_ref, ref):
    """'What is the modulo $13$ residue of $247 + 5 \\cdot 39$?': the remainder of a whole-number formula."""
    from tools.parsing import to_text

    m, formula = _whole(formulas, m_ref), formula_of(formulas, ref)
    if m is None or formula is None or formula.tree is None or formula.names or not integral(formula.tree):
        return None
    if not 2 <= m <= 10**12:
        return None
    call = f"({to_text(formula.tree)}) mod {m}"
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


ORDINAL = re.compile(r"(\d+)\s*(?:\^\s*\{?\s*(?:\\(?:text|mathrm)\s*\{\s*)?)?(?:st|nd|rd|th)\}?\}?", I)


def _decimal_digit(formulas, place_ref, ref):
    """The k-th digit after the decimal point of a fraction p/q between 0 and 1 (or above: its fractional part)."""
    from ..recompute import Unsupported, recompute

    place_text = re.sub(r"⟨(\d+)⟩", lambda r: formulas[int(r.group(1))].latex, place_ref)
    m = ORDINAL.fullmatch(place_text.strip())
    formula = formula_of(formulas, ref)
    if m is None or formula is None or formula.tree is None or formula.names:
        return None
    try:
        value = recompute(formula.tree)
    except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
        return None
    k = int(m.group(1))
    if value < 0 or not 1 <= k <= 10**6 or value.denominator > 10**9 or value.denominator == 1:
        return None
    return _plan(f"floor({value.numerator}*10^{k}/{value.denominator}) mod 10")


def _integers_between(formulas, low_ref, high_ref):
    """Integers strictly between two numbers that are not whole (sqrt 7 and sqrt 77): floor(b) - ceil(a) + 1, checked
    at 60 digits by the competition route's check."""
    from tools.parsing import to_text

    low, high = formula_of(formulas, low_ref), formula_of(formulas, high_ref)
    if any(f is None or f.tree is None or f.names for f in (low, high)):
        return None
    if any(integral(f.tree) or not _not_whole(f.tree) for f in (low, high)):
        return None  # a whole end: is it between or not?
    if _mp_value(low.tree) >= _mp_value(high.tree):
        return None
    call = f"floor({to_text(high.tree)}) - ceil({to_text(low.tree)}) + 1"
    return RoutedCall("calculator", call, call, CheckKind.COMPETITION)


def _not_whole(tree) -> bool:
    """The number is certainly not an integer: its value at 50 digits is far from one."""
    import mpmath

    try:
        with mpmath.workdps(50):
            value = mpmath.mpf(_mp_value(tree))
    except Exception:  # a value this reader cannot compute is not given
        return False
    return abs(value - mpmath.nint(value)) > mpmath.mpf(10) ** -20 and abs(value) < 10**12


def _mp_value(tree):
    import mpmath
    from tools.parsing import BinOp, Call, Neg

    if isinstance(tree, Num):
        return mpmath.mpf(Fraction(tree.value).numerator) / Fraction(tree.value).denominator
    if isinstance(tree, Neg):
        return -_mp_value(tree.operand)
    if isinstance(tree, BinOp) and tree.op in ("+", "-", "*", "/", "^"):
        a, b = _mp_value(tree.left), _mp_value(tree.right)
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a**b}[tree.op]
    if isinstance(tree, Call) and tree.func in ("sqrt",) and len(tree.args) == 1:
        return mpmath.sqrt(_mp_value(tree.args[0]))
    if isinstance(tree, Call) and tree.func == "root" and len(tree.args) == 2:
        return mpmath.root(_mp_value(tree.args[0]), _mp_value(tree.args[1]))
    raise ValueError("not read")


def _base_ten(formulas, ref):
    from .competition import _from_base

    return _from_base(formulas, ref[1:-1]) if ref.startswith("⟨") else None


def _decimal_digit_sum(formulas, ref):
    from .competition import _digit_function

    return _digit_function("digit_sum")(formulas, ref)


def _digit_sum_in_base(formulas, base_ref, ref):
    n, base = _whole(formulas, ref), _whole(formulas, base_ref)
    if n is None or base is None or not 2 <= base <= 36 or not 1 <= n <= 10**100:
        return None
    return _plan(f"digit_sum({n}, {base})")


# -- congruences ----------------------------------------------------------------------------------------------------

def _congruence(formulas, ref) -> Congruence | None:
    congruence = read_congruence(formulas[int(ref)].latex)
    if congruence is None or not 2 <= congruence.modulus <= MAX_MODULUS:
        return None
    if math.gcd(congruence.a % congruence.modulus, congruence.modulus) != 1:
        return None  # none, or several residues: the question means something this family does not read
    return congruence


def _residue_call(c: Congruence) -> str:
    return f"(({c.rhs})*invmod({c.a % c.modulus}, {c.modulus})) mod {c.modulus}"


def _solve_residue(formulas, ref, m_ref, low, high):
    c = _congruence(formulas, ref)
    m = _whole(formulas, m_ref) if m_ref else None
    if c is None or m_ref and m != c.modulus:
        return None
    if low is not None and (_whole(formulas, low) != 0 or _whole(formulas, high) != c.modulus - 1):
        return None
    return _plan(_residue_call(c))


def _smallest_solution(formulas, var_ref, ref):
    """'the smallest positive integer $x$ such that ...': the residue, unless it is 0 (then it is m, not read)."""
    c = _congruence(formulas, ref)
    if c is None or formulas[int(var_ref)].latex.strip() != c.variable or c.rhs % c.modulus == 0:
        return None
    return _plan(_residue_call(c))


def _class_count_call(low: int, high: int, r: int, m: int) -> str | None:
    if high - low > MAX_LISTED:
        return None
    return f"floor(({high} - {r})/{m}) - floor(({low} - 1 - {r})/{m})"


def _digits_in_class(formulas, digits, residue=None, r_ref=None, m_ref=None):
    """'How many positive two-digit integers leave a remainder of 2 when divided by 8?' (or are congruent to 2 mod 8)."""
    d = _digit_count(digits)
    found = _residue_class(formulas, residue) if residue else _remainder_pair(formulas, r_ref, m_ref)
    if d is None or found is None:
        return None
    return _plan(_class_count_call(10 ** (d - 1), 10**d - 1, *found))


def _below_in_class(formulas, high_ref, or_equal, residue=None, r_ref=None, m_ref=None):
    high = _whole(formulas, high_ref)
    found = _residue_class(formulas, residue) if residue else _remainder_pair(formulas, r_ref, m_ref)
    if high is None or found is None or not 2 <= high <= MAX_LISTED:
        return None
    return _plan(_class_count_call(1, high if or_equal else high - 1, *found))


def _remainder_pair(formulas, r_ref, m_ref) -> tuple[int, int] | None:
    r, m = _whole(formulas, r_ref), _whole(formulas, m_ref)
    return (r, m) if r is not None and m is not None and 0 <= r < m <= MAX_MODULUS and m >= 2 else None


def _residue_class(formulas, text: str) -> tuple[int, int] | None:
    """'6 (mod 7)', '6 modulo 7', '$6 \\pmod{7}$', '$6$ $\\pmod{7}$': (r, m) with 0 <= r < m."""
    written = re.sub(r"⟨(\d+)⟩", lambda m: " " + formulas[int(m.group(1))].latex + " ", text).strip()
    m = re.fullmatch(r"(\d+)\s*(?:\(\s*mod\s+(\d+)\s*\)|(?:modulo|mod)\s+(\d+)|" + MODULUS + r")", written, I)
    if m is None:
        return None
    r, modulus = int(m.group(1)), int(next(g for g in m.groups()[1:] if g is not None))
    return (r % modulus, modulus) if 2 <= modulus <= MAX_MODULUS else None


def _extreme_in_class(formulas, which, digits, residue, found=None):
    """The smallest or largest d-digit integer congruent to r mod m."""
    d, found = _digit_count(digits), found or _residue_class(formulas, residue)
    if d is None or found is None:
        return None
    r, m = found
    low, high = 10 ** (d - 1), 10**d - 1
    if which.lower() in ("smallest", "least"):
        return _plan(f"ceil(({low} - {r})/{m})*{m} + {r}") if low + m <= high else None
    return _plan(f"floor(({high} - {r})/{m})*{m} + {r}") if high - m >= low else None


def _extreme_with_remainders(formulas, which, digits, listed):
    """'the greatest three-digit number that is one more than a multiple of 9 and three more than a multiple of 5', or
    that leaves remainders: the one class mod the lcm (crt, here by trying each residue), then its extreme member."""
    pairs = re.findall(r"(?:remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+" + COUNT + r"|"
                       + COUNT + r"\s+more\s+than\s+a\s+multiple\s+of\s+" + COUNT + r")", listed, I)
    read = [(_whole(formulas, a or c), _whole(formulas, b or d)) for a, b, c, d in pairs]
    if not read or any(r is None or m is None or not 0 <= r < m for r, m in read):
        return None
    modulus = math.lcm(*(m for _, m in read))
    if modulus > MAX_MODULUS:
        return None
    fits = [x for x in range(modulus) if all(x % m == r for r, m in read)]
    return _extreme_in_class(formulas, which, digits, None, (fits[0], modulus)) if len(fits) == 1 else None


def _class_of(formulas, listed) -> tuple[int, int] | None:
    """The one residue class of numbers leaving each remainder named, found by trying every residue mod the lcm."""
    pairs = re.findall(r"(?:remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+" + COUNT + r"|"
                       + COUNT + r"\s+more\s+than\s+a\s+multiple\s+of\s+" + COUNT + r")", listed, I)
    read = [(_whole(formulas, a or c), _whole(formulas, b or d)) for a, b, c, d in pairs]
    if not 1 <= len(read) <= 8 or any(r is None or m is None or not 0 <= r < m for r, m in read):
        return None
    modulus = math.lcm(*(m for _, m in read))
    if modulus > MAX_MODULUS:
        return None
    fits = [x for x in range(modulus) if all(x % m == r for r, m in read)]
    return (fits[0], modulus) if len(fits) == 1 else None


def _beside_with_remainders(formulas, which, bound_ref, listed):
    """'the largest integer less than 2010 that has a remainder of 5 when divided by 7, ...'."""
    bound, found = _whole(formulas, bound_ref), _class_of(formulas, listed)
    if bound is None or found is None or not 1 <= bound <= MAX_RANGE:
        return None
    r, m = found
    if which.lower() in ("largest", "greatest"):
        return _plan(f"floor(({bound - 1} - {r})/{m})*{m} + {r}") if bound - 1 >= r else None
    return _plan(f"ceil(({bound + 1} - {r})/{m})*{m} + {r}")


def _power_completion(formulas, n_ref, kind):
    """'The product of integers 240 and $k$ is a perfect cube. What is the smallest possible positive value of $k$?':
    each prime's exponent raised to the next multiple; the check tries k = 1, 2, ... itself."""
    from sympy import factorint

    n, e = _positive(formulas, n_ref), {"square": 2, "cube": 3}[kind.lower()]
    if n is None or n > 10**12:
        return None
    k = math.prod(p ** (-a % e) for p, a in factorint(n).items())
    if k > 10**6:
        return None
    return _plan(f"iroot({n}*{k}, {e})^{e}/{n}")


REMAINDER = (r"(?:leaves|has|gives)\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+"
             + COUNT)


def _remainders(formulas, listed):
    """'the smallest positive integer that leaves a remainder of 4 when divided by 5 and a remainder of 6 when
    divided by 7': the Chinese remainder theorem (the tool's crt); the check tries every number up to the lcm."""
    pairs = re.findall(r"remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+" + COUNT, listed, I)
    read = [(_whole(formulas, r), _whole(formulas, m)) for r, m in pairs]
    if not 2 <= len(read) <= 8 or any(r is None or m is None or not 0 <= r < m for r, m in read):
        return None
    if math.lcm(*(m for _, m in read)) > MAX_MODULUS or all(r == 0 for r, _ in read):
        return None
    if any((r1 - r2) % math.gcd(m1, m2) for (r1, m1) in read for (r2, m2) in read):
        return None  # no number leaves them all
    return _plan(f"crt({', '.join(f'{r}, {m}' for r, m in read)})")


def _units_of_value(formulas, ref):
    """The units digit of a formula whose value is a whole number though not built as one (a product over 1000)."""
    from tools.parsing import to_text

    from ..recompute import Unsupported, recompute

    formula = formula_of(formulas, ref)
    if formula is None or formula.tree is None or formula.names:
        return None
    try:
        value = recompute(formula.tree)
    except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
        return None
    if value.denominator != 1:
        return None
    call = f"abs({to_text(formula.tree)}) mod 10"
    return RoutedCall("calculator", call, call, CheckKind.PLACE_VALUE)


# -- bases ----------------------------------------------------------------------------------------------------------

BASE_SHAPES = [
    (re.compile(r"(?:add|subtract|multiply|compute|evaluate|calculate|find|simplify|what\s+is)\s+" + F, I), "{0}"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+(?:sum|product|difference)\s+(?:of\s+)?" + F, I), "{0}"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+sum\s+of\s+" + F + r"\s+and\s+" + F, I), "({0}) + ({1})"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+product\s+of\s+" + F + r"\s+and\s+" + F, I), "({0})*({1})"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+difference\s+(?:between|of)\s+" + F + r"\s+and\s+" + F, I),
     "({0}) - ({1})"),
]
IN_BASE = re.compile(r"(.+?)\s*,?\s+(?:in|to)\s+base\s+" + N, I)


def _base_arithmetic(sentences: list[str], formulas: list[Formula]) -> RoutedCall | None:
    """'Find the difference between $1000_7$ and $666_7$ in base $7$.', 'Add $4_6 + 14_6$. Express your answer in base
    6.': whole numbers written in a base, combined, and the answer written in the base asked for (its digits read
    back by the check)."""
    from tools.parsing import parse, to_text

    from ..recompute import Unsupported, recompute
    from .competition_forms import BASE_SENTENCE, _small_int
    from .competition_shapes import rational_only, well_posed

    base, asked = None, []
    for sentence in sentences:
        m = BASE_SENTENCE.match(sentence)
        if m:
            base = _small_int(formulas, m.group(1))
            if base is None:
                return None
        elif sentence and not FORM.match(sentence):
            asked.append(sentence)
    if len(asked) != 1:
        return None
    text, m = asked[0], IN_BASE.fullmatch(asked[0])
    if m is not None:
        if base is not None:
            return None
        text, base = m.group(1), _small_int(formulas, m.group(2))
    if base is None:
        return None
    for pattern, shape in BASE_SHAPES:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        read = [formulas[int(r)] for r in found.groups()]
        if not any(f.based for f in read) or any(f.tree is None or f.names or not rational_only(f.tree) for f in read):
            return None
        call = shape.format(*(to_text(f.tree) for f in read))
        try:
            value = recompute(parse(call))
        except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
            return None
        if value < 0 or value.denominator != 1 or not well_posed(parse(call)):
            return None
        written = f"to_base({call}, {base})"  # a quotient may be whole: its digits are read back all the same
        return RoutedCall("bigint", written, written, CheckKind.BASE, relabel=lambda digits: f"{digits}_{{{base}}}")
    return None


def _digits_in_base(formulas, ref, base_ref):
    n, base = _whole(formulas, ref), _whole(formulas, base_ref)
    if n is None or base is None or not 2 <= base <= 36 or not 1 <= n <= 10**100:
        return None
    return _plan(f"num_digits({n}, {base})")


def _in_base(formulas, base_ref, ref):
    from .competition_forms import in_base

    n, base = _whole(formulas, ref), _whole(formulas, base_ref)
    if n is None or base is None or not 2 <= base <= 36 or not 0 <= n <= 10**100:
        return None
    return in_base(RoutedCall("calculator", str(n), str(n), CheckKind.ARITHMETIC), base)


# -- counting -------------------------------------------------------------------------------------------------------

POLYGONS = {"pentagon": 5, "hexagon": 6, "heptagon": 7, "octagon": 8, "nonagon": 9, "decagon": 10,
            "hendecagon": 11, "undecagon": 11, "dodecagon": 12, "icosagon": 20}


def _diagonals(formulas, name, sides_ref):
    n = POLYGONS.get(name.lower()) if name else _whole(formulas, sides_ref)
    if n is None or not 3 <= n <= 1_000:
        return None
    return _plan(f"{n}*({n} - 3)/2")


def _people(formulas, ref) -> int | None:
    n = _whole(formulas, ref)
    return n if n is not None and 1 <= n <= 1_000 else None


def _circle(formulas, ref):
    n = _people(formulas, ref)
    return None if n is None or n < 3 else _plan(f"({n} - 1)!")


def _ring(formulas, ref):
    """Keys on a ring, beads on a bracelet: turning and flipping give the same one, (n-1)!/2."""
    n = _people(formulas, ref)
    return None if n is None or n < 3 else _plan(f"({n} - 1)!/2")


def _row(formulas, ref):
    n = _people(formulas, ref)
    return None if n is None else _plan(f"{n}!/0!")


def _subsets(formulas, ref):
    n = _whole(formulas, ref)
    return None if n is None or not 0 <= n <= 60 else _plan(f"2^{n}")


def _handshakes(formulas, ref, ref_again=None):
    n = _people(formulas, ref)
    if n is None or n < 2 or ref_again is not None and _people(formulas, ref_again) != n:
        return None
    return _plan(f"binomial({n}, 2)")


ROLES = r"(?:president|vice[- ]president|secretary|treasurer)"
TEAM = r"(an?\s+" + ROLES + r"(?:\s*,\s*an?\s+" + ROLES + r")*\s*,?\s+and\s+an?\s+" + ROLES + r")"
# the one reading given: no person holds two offices ("can be the same person" is another count, not read)
NOT_SAME = (r"(?:\s*\(?\s*assuming\s+that\s+(?:the\s+" + ROLES + r"(?:\s*,\s*(?:the\s+)?" + ROLES + r")*\s*,?\s+and\s+"
            r"(?:the\s+)?" + ROLES + r"\s+(?:cannot|can\s+not)\s+be\s+the\s+same\s+person|no\s+(?:one|person)\s+(?:can|may)\s+"
            r"(?:hold|serve\s+in)\s+more\s+than\s+one\s+(?:office|role|position))\s*\)?)?")


def _roles(formulas, roles, ref):
    """A president and a vice-president (and a secretary, a treasurer) from n people, no one holding two."""
    named = re.findall(ROLES, roles, I)
    n = _people(formulas, ref)
    if n is None or len(named) != len({r.lower().replace(" ", "-") for r in named}) or len(named) > n:
        return None
    return _plan(f"{n}!/{n - len(named)}!")


ROLE_NOUNS = re.compile(r"^(?:president|vice|secretar|treasurer|officer|chair|winner|medal|first|second|third|"
                        r"place|prize|position|seat|order|rank|leader)", I)


def _choose(formulas, k_ref, chosen, n_ref, pool):
    """'choose 3 books from a shelf of 6 books': k alike things from n, order not counted. Things with roles
    (officers, prizes, places) are ordered choices: not read here."""
    k, n = _whole(formulas, k_ref), _whole(formulas, n_ref)
    if k is None or n is None or not 0 <= k <= n <= 1_000 or ROLE_NOUNS.match(chosen) or ROLE_NOUNS.match(pool):
        return None
    if not chosen.lower().endswith("s") and k != 1:
        return None
    return _plan(f"binomial({n}, {k})")


WORD_ASKED = r"(" + N[1:-1] + r"|[\"“`']*[A-Za-z]+['”\"]*)"


def _letters(formulas, ref):
    from .counting import letters

    formula = formula_of(formulas, ref) if ref.startswith("⟨") else None
    word = ref.strip("\"“”`'") if formula is None else re.fullmatch(r"\s*(?:\\text\{\s*([A-Za-z]+)\s*\}|([A-Z]+))\s*", formula.latex)
    if word is not None and not isinstance(word, str):
        word = word.group(1) or word.group(2)
    if not word or not word.isalpha() or len(word) > 20:
        return None
    return letters(word)


KIND = (r"(a\s+perfect\s+square|a\s+perfect\s+cube|prime|a\s+prime\s+number|even|odd|(?:a\s+multiple\s+of|divisible\s+by|"
        r"a\s+(?:factor|divisor)\s+of|greater\s+than|more\s+than|less\s+than|at\s+least|at\s+most)\s+(?:" + COUNT[1:-1] + r"))")


def _count_of_kind(formulas, n: int, kind: str) -> str | None:
    """How many of 1..n are of the kind, as a formula the recount check lists again (None: not read)."""
    kind = re.sub(r"\s+", " ", kind.lower()).strip()
    fixed = {"a perfect square": f"iroot({n}, 2) - iroot(0, 2)", "a perfect cube": f"iroot({n}, 3) - iroot(0, 3)",
             "prime": f"prime_pi({n}) - prime_pi(0)", "a prime number": f"prime_pi({n}) - prime_pi(0)",
             "even": _class_count_call(1, n, 0, 2), "odd": _class_count_call(1, n, 1, 2)}
    if kind in fixed:
        return fixed[kind]
    m = re.fullmatch(r"(a multiple of|divisible by|a (?:factor|divisor) of|greater than|more than|less than|at least|"
                     r"at most) (.+)", kind)
    k = _whole(formulas, m.group(2)) if m else None
    if k is None or not 1 <= k <= n:
        return None
    how = m.group(1)
    if how in ("a multiple of", "divisible by"):
        return f"floor({n}/{k}) - floor(0/{k})" if k >= 2 else None
    if how.startswith("a "):  # a factor of k, every one of them at most n
        return f"num_divisors({k})"
    low, high = {"greater than": (k + 1, n), "more than": (k + 1, n), "less than": (1, k - 1), "at least": (k, n),
                 "at most": (1, k)}[how]
    return f"floor({high}/1) - floor({low - 1}/1)" if 1 <= low <= high <= n and (low, high) != (1, n) else None


def _picked_from_one_to(formulas, n_ref, kind):
    """A whole number picked at random from 1 to n (or a fair n-sided die rolled): the count of those of the kind
    over n; the count is recounted by listing, and the share is that count over n."""
    n = _whole(formulas, n_ref)
    if n is None or not 2 <= n <= 10**5:
        return None
    count = _count_of_kind(formulas, n, kind)
    return None if count is None else _plan(f"({count})/{n}")


KINDS_OF_BALL = r"distinguishable|indistinguishable|distinct|identical|indistinct"
DISTINCT = {"distinguishable": True, "distinct": True, "different": True, "indistinguishable": False,
            "identical": False, "not distinguishable": False, "indistinct": False}


def _balls_named(formulas, n_ref, balls, k_ref, boxes):
    """'put 4 distinguishable balls into 2 distinguishable boxes': both kinds said before the nouns."""
    ball = DISTINCT.get(re.sub(r"\s+", " ", balls.lower()))
    box = DISTINCT.get(re.sub(r"\s+", " ", boxes.lower()))
    if ball is None or box is None:
        return None
    return _balls(formulas, n_ref, k_ref, balls, "and the boxes are", boxes)


def _balls(formulas, n_ref, k_ref, balls, boxes_word, boxes_said):
    """Balls into boxes: distinguishable into distinguishable (k^n) or alike into distinguishable (stars and bars);
    boxes that are alike need partitions of a set or a number, which are not given here."""
    n, k = _whole(formulas, n_ref), _whole(formulas, k_ref)
    ball = DISTINCT.get(re.sub(r"\s+", " ", balls.lower()))
    if boxes_said:
        box = DISTINCT.get(re.sub(r"\s+", " ", boxes_said.lower()))
    else:  # "... but the boxes are not", "... but the boxes are"
        box = (not ball) if boxes_word.lower().startswith("but") and boxes_word.lower().endswith("not") else (
            ball if boxes_word.lower().startswith("and") and not boxes_word.lower().endswith("not") else
            (not ball) if boxes_word.lower().startswith("but") else None)
    if n is None or k is None or ball is None or box is not True or not 1 <= n <= 50 or not 1 <= k <= 50:
        return None
    if (k**n > 200_000) if ball else ((n + 1) ** k > MAX_LISTED):
        return None  # more placements than the check lists
    return _plan(f"{k}^{n}" if ball else f"binomial({n} + {k} - 1, {k} - 1)")


# -- probability ----------------------------------------------------------------------------------------------------

AMOUNTS = {"exactly": lambda k, n: [k], "at least": lambda k, n: list(range(k, n + 1)),
           "at most": lambda k, n: list(range(0, k + 1))}


def _coin(formulas, flips_ref, how, k_ref, flips_again):
    """Heads in exactly / at least / at most k of n fair flips: the binomials of the counts of heads, over 2^n."""
    n, k = _whole(formulas, flips_ref), _whole(formulas, k_ref)
    if n is None or k is None or not 0 <= k <= n <= 20 or flips_again and _whole(formulas, flips_again) != n:
        return None
    heads = AMOUNTS[re.sub(r"\s+", " ", how.lower())](k, n)
    if len(heads) == 1:
        return _plan(f"binomial({n}, {k})/2^{n}")
    return _plan(f"({' + '.join(f'binomial({n}, {h})' for h in heads)})/2^{n}")


SUM_RELATIONS = {"": lambda t, s: t == s, "less than": lambda t, s: t < s, "greater than": lambda t, s: t > s,
                 "more than": lambda t, s: t > s, "at least": lambda t, s: t >= s, "at most": lambda t, s: t <= s,
                 "equal to": lambda t, s: t == s}
SUM_KINDS = {"even": lambda t: t % 2 == 0, "odd": lambda t: t % 2 == 1, "a prime number": lambda t: t in (2, 3, 5, 7, 11),
             "prime": lambda t: t in (2, 3, 5, 7, 11), "a perfect square": lambda t: t in (4, 9)}


def _dice_sum(formulas, relation, ref, kind=None):
    """The sum of two fair six-sided dice: the ways to roll each total t are 6 - |t - 7|, out of 36."""
    if kind is not None:
        wanted = [t for t in range(2, 13) if SUM_KINDS[re.sub(r"\s+", " ", kind.lower())](t)]
    else:
        s = _whole(formulas, ref)
        if s is None or not 0 <= s <= 20:
            return None
        holds = SUM_RELATIONS[re.sub(r"\s+", " ", (relation or "").lower()).strip()]
        wanted = [t for t in range(2, 13) if holds(t, s)]
    if not wanted or len(wanted) == 11:
        return None  # certain or impossible: the question means something else
    if len(wanted) == 1:
        return _plan(f"(6 - abs({wanted[0]} - 7))/36")
    return _plan(f"({' + '.join(f'(6 - abs({t} - 7))' for t in wanted)})/36")


DIE_FACES = {"octahedral": 8, "cubical": 6, "six-sided": 6, "standard": 6, "dodecahedral": 12, "icosahedral": 20,
             "tetrahedral": 4}


def _expected_die(formulas, kind, sides_ref, low_ref, high_ref, faces_ref=None, low_again=None, high_again=None):
    n = DIE_FACES.get(kind.lower()) if kind else _whole(formulas, sides_ref)
    if faces_ref is not None:
        if _whole(formulas, faces_ref) != n:
            return None
        low_ref, high_ref = low_again, high_again
    if low_ref is not None and (_whole(formulas, low_ref) != 1 or _whole(formulas, high_ref) != n):
        return None
    if kind and kind.lower() in ("octahedral", "dodecahedral", "icosahedral", "tetrahedral") and low_ref is None:
        return None  # faces not said: a polyhedral die's numbering is not assumed
    return None if n is None or not 2 <= n <= 10**6 else _plan(f"({n} + 1)/2")


# -- the sentence shapes --------------------------------------------------------------------------------------------

NUMS = r"(?:numbers|integers|whole\s+numbers)"
HOW = r"(exactly|at\s+least|at\s+most)"
SIGNED = r"(-?\s*(?:" + COUNT[1:-1] + r"))"
TWO_DICE = (r"(?:two|2)\s+(?:fair\s+)?(?:standard\s+)?(?:(?:6|six)-sided\s+)?dice\s+are\s+(?:rolled|tossed|thrown)\.\s+what\s+is\s+"
            r"the\s+probability\s+that\s+the\s+sum\s+(?:rolled\s+|of\s+the\s+(?:two\s+)?numbers\s+(?:rolled|showing)\s+)?is")
PLACE = r"⟨\d+⟩(?:\s*(?:st|nd|rd|th)\b)?|\d+(?:st|nd|rd|th)"
BETWEEN = r"between\s+" + COUNT + r"\s+and\s+" + COUNT + r"(\s*,\s*inclusive)?"
POS = r"(?:positive\s+)?"
DIVISIBLE = (r"(?:divisible\s+by|multiples\s+of)\s+(?:both\s+|each\s+of\s+)?((?:" + COUNT[1:-1] + r")(?:\s*,\s*(?:"
             + COUNT[1:-1] + r"))*(?:\s*,?\s+and\s+(?:" + COUNT[1:-1] + r"))?)")
DIGITS = r"(\d+|one|two|three|four|five|six|seven|eight|nine)[- ]digit"

FAMILIES = [
    (re.compile(r"how\s+many\s+(?:zeros|zeroes)\s+are\s+(?:there\s+)?at\s+the\s+end\s+of\s+" + N, I), _trailing_zeros),
    (re.compile(r"how\s+many\s+(?:zeros|zeroes)\s+does\s+" + N + r"\s+end\s+(?:with|in)", I), _trailing_zeros),
    (re.compile(r"how\s+many\s+(?:trailing\s+)?(?:zeros|zeroes)\s+(?:does|is)\s+" + N + r"\s+(?:end\s+in|have)"
                r"(?:\s+at\s+the\s+end)?", I), _trailing_zeros),
    (re.compile(ASK + r"\s+the\s+(?:exponent|power)\s+of\s+" + N + r"\s+in\s+the\s+prime\s+factorization\s+of\s+" + N, I),
     _power_in_factorial),
    (re.compile(ASK + r"\s+the\s+(?:largest|greatest)\s+(?:positive\s+)?(?:integer\s+)?" + F +
                r"\s+(?:such\s+that|for\s+which)\s+" + F + r"\s+(?:divides|is\s+a\s+factor\s+of)\s+" + N, I),
     _power_named),
    (re.compile(r"how\s+many\s+(?:positive\s+)?multiples\s+of\s+" + COUNT + r"\s+are\s+(?:there\s+)?" + BETWEEN, I),
     _multiples_between),
    (re.compile(r"how\s+many\s+" + POS + NUMS + r"\s+(?:are\s+there\s+)?" + BETWEEN + r"\s+(?:are\s+" + DIVISIBLE + r"|have\s+"
                r"(?:both\s+)?((?:" + COUNT[1:-1] + r")\s+and\s+(?:" + COUNT[1:-1] + r"))\s+as\s+(?:factors|divisors))", I),
     lambda fs, low, high, inclusive, listed, pair: _multiples_between(fs, listed or pair, low, high, inclusive)),
    (re.compile(r"how\s+many\s+" + POS + DIGITS + r"\s+" + POS + NUMS + r"\s+are\s+" + DIVISIBLE, I),
     _digits_divisible),
    (re.compile(r"how\s+many\s+" + POS + DIGITS + r"\s+multiples\s+of\s+" + COUNT + r"\s+are\s+there", I),
     _digits_divisible),
    (re.compile(r"how\s+many\s+positive\s+" + NUMS + r"\s+less\s+than\s+(or\s+equal\s+to\s+)?" + COUNT + r"\s+are\s+"
                + DIVISIBLE, I),
     lambda fs, eq, high, listed: _below_divisible(fs, high, eq, listed)),
    (re.compile(r"how\s+many\s+positive\s+" + NUMS + r"\s+less\s+than\s+(or\s+equal\s+to\s+)?" + COUNT + r"\s+are\s+"
                r"(?:divisible\s+by|multiples\s+of)\s+(?:either\s+)?" + COUNT + r"\s+(or|but\s+not)\s+(?:(?:divisible\s+)?by\s+|"
                r"(?:multiples\s+)?of\s+)?" + COUNT, I),
     lambda fs, eq, high, a, how, b: _either_or_but_not(fs, high, eq, a, how, b)),
    (re.compile(r"how\s+many\s+positive\s+" + NUMS + r"\s+less\s+than\s+(or\s+equal\s+to\s+)?" + COUNT + r"\s+and\s+divisible\s+by\s+"
                + COUNT + r"\s+are\s+also\s+divisible\s+by\s+" + COUNT, I),
     lambda fs, eq, high, a, b: _below_divisible(fs, high, eq, f"{a} and {b}")),
    (re.compile(r"how\s+many\s+of\s+the\s+" + COUNT + r"\s+smallest\s+positive\s+integers\s+are\s+(?:congruent|equivalent)\s+to\s+"
                r"(.+?)", I), lambda fs, n, residue: _below_in_class(fs, n, "or equal to", residue)),
    (re.compile(r"the\s+number\s+" + N + r"\s+ends\s+in\s+how\s+many\s+zeros(?:\s+when\s+(?:expressed|written)\s+as\s+an\s+"
                r"integer)?", I), _trailing_zeros),
    (re.compile(r"find\s+the\s+units\s+digit\s+of\s+the\s+following\s+within\s+the\s+indicated\s+number\s+base\s*:\s*" + F, I),
     _units_in_base),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?the\s+(?:positive\s+)?" + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:integers|numbers|whole\s+numbers)", I),
     lambda fs, d: _range_sum(fs, *map(str, _digits_range(d) or (1, 0)), None)),
    (re.compile(ASK + r"\s+the\s+(?:arithmetic\s+)?(?:mean|average)\s+of\s+(?:all\s+)?the\s+integers\s+from\s+" + SIGNED +
                r"\s+(?:to|through)\s+" + SIGNED + r"\s*,\s*inclusive", I), _range_mean),
    (re.compile(r"how\s+many\s+positive\s+multiples\s+of\s+" + COUNT + r"\s+are\s+less\s+than\s+(or\s+equal\s+to\s+)?"
                + COUNT, I),
     lambda fs, k, eq, high: _below_divisible(fs, high, eq, k)),
    (re.compile(r"how\s+many\s+prime\s+numbers\s+are\s+(?:there\s+)?" + BETWEEN, I), _primes_between),
    (re.compile(r"how\s+many\s+primes\s+are\s+(?:there\s+)?" + BETWEEN, I), _primes_between),
    (re.compile(r"how\s+many\s+(?:positive\s+)?perfect\s+(squares|cubes)\s+(?:are\s+(?:there\s+)?|lie\s+)?" + BETWEEN,
                I),
     _powers_between),
    (re.compile(r"how\s+many\s+positive\s+perfect\s+(squares|cubes)\s+(?:are\s+)?less\s+than\s+(?:(or\s+equal\s+to)\s+)?"
                + COUNT, I),
     lambda fs, kind, eq, high: _powers_below(fs, kind, high, eq)),
    (re.compile(ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+" + POS + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:(?:integer|number|whole\s+number)\s+(?:that\s+is\s+|which\s+is\s+)?(?:divisible\s+by|a\s+multiple\s+of)|"
                r"multiple\s+of)\s+" + COUNT, I), _extreme_multiple),
    (re.compile(ASK + r"\s+the\s+(largest|greatest|smallest|least)\s+(?:positive\s+)?multiple\s+of\s+" + COUNT +
                r"\s+(?:that\s+is\s+|which\s+is\s+)?(less\s+than(?:\s+or\s+equal\s+to)?|greater\s+than(?:\s+or\s+equal\s+to)?)\s+"
                + COUNT, I), _multiple_beside),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?integers\s+from\s+" + SIGNED + r"\s+(?:to|through)\s+"
                + SIGNED + r"\s*,\s*inclusive", I), lambda fs, a, b: _range_sum(fs, a, b, None)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(odd|even)\s+integers\s+(?:between|from)\s+" + SIGNED +
                r"\s+(?:and|to|through)\s+" + SIGNED + r"(\s*,\s*inclusive)?", I),
     lambda fs, parity, a, b, inclusive: _range_sum(fs, a, b, parity, bool(inclusive))),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+first\s+" + COUNT + r"\s+(?:positive\s+)?(odd|even)?\s*(?:positive\s+)?"
                r"(?:integers|whole\s+numbers|numbers)", I), _first_sum),
    (re.compile(r"how\s+many\s+(even|odd)\s+(?:numbers|integers|whole\s+numbers)\s+are\s+greater\s+than\s+" + COUNT +
                r"\s+and\s+less\s+than\s+" + COUNT, I), _parity_between),
    (re.compile(ASK + r"\s+the\s+(tens|hundreds|thousands)\s+digit\s+(?:of|in)\s+(?:the\s+(?:number|integer)\s+)?"
                + N, I), _place_digit),
    (re.compile(r"how\s+many\s+(?:positive\s+)?(?:divisors|factors)\s+of\s+" + COUNT + r"\s+are\s+(?:also\s+)?"
                r"multiples\s+of\s+" + COUNT, I), _divisor_multiples),
    (re.compile(ASK + r"\s+the\s+(?:largest|greatest)\s+prime\s+(?:factor|divisor)\s+of\s+" + N, I), _prime_pick("largest")),
    (re.compile(ASK + r"\s+the\s+(?:smallest|least)\s+prime\s+(?:factor|divisor)\s+of\s+" + N, I), _prime_pick("smallest")),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?the\s+(?:distinct|different)\s+prime\s+(?:factors|divisors)\s+of\s+"
                + N, I), _prime_pick("sum")),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?the\s+prime\s+(?:factors|divisors)\s+of\s+" + N, I),
     _prime_pick("sum", distinct_said=False)),
    (re.compile(r"how\s+many\s+(?:distinct|different)\s+prime\s+(?:factors|divisors)\s+does\s+" + N + r"\s+have", I),
     _prime_pick("number")),
    (re.compile(r"how\s+many\s+prime\s+(?:factors|divisors)\s+does\s+" + N + r"\s+have", I),
     _prime_pick("number", distinct_said=False)),
    (re.compile(r"how\s+many\s+numbers\s+are\s+(?:there\s+)?in\s+the\s+(?:following\s+)?list\s*:?\s*" + F, I),
     lambda fs, a: _list_count(fs, f"⟨{a}⟩")),
    (re.compile(ASK + r"\s+the\s+remainder\s+when\s+the\s+(?:sum|product|number)\s+" + N + r"\s+is\s+divided\s+by\s+" + N, I),
     lambda fs, a, m: _modulo_residue(fs, m, a)),
    (re.compile(r"(?:compute|find|evaluate|what\s+is)\s+" + N + r"\s*,?\s+modulo\s+" + N, I),
     lambda fs, a, m: _modulo_residue(fs, m, a)),
    (re.compile(ASK + r"\s+the\s+modulo\s+" + N + r"\s+(?:residue|remainder)\s+of\s+(?:the\s+(?:sum|product|number)\s+)?"
                + N, I), _modulo_residue),
    (re.compile(ASK + r"\s+the\s+residue\s+of\s+" + N + r"\s*,?\s+modulo\s+" + N, I),
     lambda fs, a, m: _modulo_residue(fs, m, a)),
    (re.compile(ASK + r"\s+the\s+(" + PLACE + r")\s+digit\s+(?:after|beyond|past|to\s+the\s+right\s+of)\s+the\s+decimal\s+point\s+"
                r"(?:in|of)\s+the\s+decimal\s+(?:representation|expansion)\s+of\s+" + N, I), _decimal_digit),
    (re.compile(ASK + r"\s+the\s+(" + PLACE + r")\s+digit\s+(?:after|beyond|past|to\s+the\s+right\s+of)\s+the\s+decimal\s+point\s+"
                r"when\s+" + N + r"\s+is\s+(?:expressed|written)\s+as\s+a\s+decimal", I), _decimal_digit),
    (re.compile(r"how\s+many\s+(?:integers|whole\s+numbers)\s+(?:are\s+there|are|lie)\s+(?:strictly\s+)?(?:in\s+the\s+"
                r"interval\s+|on\s+the\s+number\s+line\s+)?between\s+" + F + r"\s+and\s+" + F, I),
     lambda fs, a, b: _integers_between(fs, f"⟨{a}⟩", f"⟨{b}⟩")),
    (re.compile(ASK + r"\s+the\s+base[- ](?:ten|10)\s+equivalent\s+of\s+" + N, I), _base_ten),
    (re.compile(r"(?:what\s+is\s+" + N + r"\s+in\s+base\s+ten|(?:express|write|convert)\s+" + N + r"\s+(?:as|in|to)\s+"
                r"(?:a\s+)?base\s+ten(?:\s+integer|\s+number)?)", I), lambda fs, a, b: _base_ten(fs, a or b)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+digits\s+(?:of|in)\s+the\s+decimal\s+representation\s+of\s+" + N, I),
     _decimal_digit_sum),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+digits\s+(?:of|in)\s+the\s+base[- ]" + COUNT + r"\s+(?:expression|"
                r"representation)\s+(?:for|of)\s+" + COUNT, I), _digit_sum_in_base),
    (re.compile(ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+" + POS + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:integer|number|whole\s+number)\s+(?:that\s+is\s+|which\s+is\s+)?(?:congruent|equivalent)\s+to\s+"
                r"(.+?)", I), _extreme_in_class),
    (re.compile(ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+" + POS + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:integer|number|whole\s+number)\s+(?:that|which)\s+((?:is\s+)?(?:" + COUNT[1:-1] + r")\s+more\s+than\s+a\s+"
                r"multiple\s+of\s+(?:" + COUNT[1:-1] + r")(?:\s*,?\s+and\s+(?:is\s+)?(?:" + COUNT[1:-1] + r")\s+more\s+than\s+a\s+"
                r"multiple\s+of\s+(?:" + COUNT[1:-1] + r"))*|(?:leaves|has|gives)\s+a\s+remainder\s+of\s+(?:" + COUNT[1:-1] +
                r")\s+when\s+divided\s+by\s+(?:" + COUNT[1:-1] + r")(?:\s*,?\s+and\s+a\s+remainder\s+of\s+(?:" + COUNT[1:-1] +
                r")\s+when\s+divided\s+by\s+(?:" + COUNT[1:-1] + r"))*)", I), _extreme_with_remainders),
    (re.compile(ASK + r"\s+the\s+(?:smallest|least)\s+(?:positive\s+integer|positive\s+number|whole\s+number)\s+"
                r"(?:that|which)\s+(" + REMAINDER + r"(?:\s*,\s*(?:and\s+)?a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+"
                r"(?:it\s+is\s+)?divided\s+by\s+" + COUNT + r"|\s*,?\s+and\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+"
                r"(?:it\s+is\s+)?divided\s+by\s+" + COUNT + r")+)", I), lambda fs, listed, *_: _remainders(fs, listed)),
    (re.compile(r"how\s+many\s+ways\s+are\s+there\s+to\s+(?:put|place|distribute)\s+" + COUNT + r"\s+(" + KINDS_OF_BALL +
                r")\s+balls\s+(?:in|into)\s+" + COUNT + r"\s+(" + KINDS_OF_BALL + r")\s+boxes", I), _balls_named),
    (re.compile(r"how\s+many\s+ways\s+are\s+there\s+to\s+(?:put|place|distribute)\s+" + COUNT + r"\s+balls\s+(?:in|into)\s+"
                + COUNT + r"\s+boxes\s+if\s+the\s+balls\s+are\s+(distinguishable|indistinguishable|not\s+distinguishable|"
                r"distinct|identical)\s+(and\s+the\s+boxes\s+are\s+not|and\s+the\s+boxes\s+are|but\s+the\s+boxes\s+are\s+not|"
                r"but\s+the\s+boxes\s+are)(?:\s+(distinguishable|indistinguishable|not\s+distinguishable|distinct|identical))?",
                I), _balls),
    (re.compile(r"how\s+many\s+" + POS + DIGITS + r"\s+" + POS + NUMS + r"\s+(?:are\s+(?:congruent|equivalent)\s+to\s+(.+?)|"
                r"leave\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+divided\s+by\s+" + COUNT + r")", I), _digits_in_class),
    (re.compile(r"how\s+many\s+positive\s+" + NUMS + r"\s+less\s+than\s+(or\s+equal\s+to\s+)?" + COUNT + r"\s+"
                r"(?:are\s+(?:congruent|equivalent)\s+to\s+(.+?)|leave\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+divided\s+"
                r"by\s+" + COUNT + r")", I), lambda fs, eq, high, *rest: _below_in_class(fs, high, eq, *rest)),
    (re.compile(r"how\s+many\s+positive\s+multiples\s+of\s+" + COUNT + r"\s+are\s+" + DIGITS + r"\s+" + POS + NUMS, I),
     lambda fs, k, d: _digits_divisible(fs, d, k)),
    (re.compile(r"how\s+many\s+of\s+the\s+(?:positive\s+)?(?:divisors|factors)\s+of\s+" + COUNT + r"\s+are\s+(odd|even)", I),
     lambda fs, n, parity: _parity_divisors(fs, parity, n)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?the\s+(?:positive\s+)?(odd|even)\s+(?:positive\s+)?"
                r"(?:divisors|factors)\s+of\s+" + COUNT, I), _parity_divisor_sum),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:the\s+)?positive\s+(?:divisors|factors)\s+of\s+" + COUNT +
                r"\s+that\s+are\s+also\s+(?:divisors|factors)\s+of\s+" + COUNT, I), _common_divisor_sum),
    (re.compile(r"how\s+many\s+(?:positive\s+)?(?:divisors|factors)\s+does\s+the\s+(?:number|integer)\s+" + COUNT
                + r"\s+have", I), _divisor_count),
    (re.compile(r"how\s+many\s+(?:positive\s+)?(?:factors|divisors)\s+of\s+" + COUNT + r"\s+are\s+perfect\s+(squares|cubes)", I),
     _power_divisors),
    (re.compile(r"how\s+many\s+of\s+the\s+(?:positive\s+)?(?:factors|divisors)\s+of\s+" + COUNT + r"\s+are\s+perfect\s+"
                r"(squares|cubes)", I), _power_divisors),
    (re.compile(r"how\s+many\s+perfect\s+(squares|cubes)\s+are\s+(?:factors|divisors)\s+of\s+" + COUNT, I),
     lambda fs, kind, n: _power_divisors(fs, n, kind)),
    (re.compile(ASK + r"\s+the\s+(?:least|smallest)\s+positive\s+integer\s+(?:that\s+is\s+)?divisible\s+by\s+each\s+of\s+the\s+"
                r"first\s+" + COUNT + r"\s+(positive\s+integers|counting\s+numbers|natural\s+numbers)", I), _lcm_of_first),
    (re.compile(ASK + r"\s+the\s+(?:least|smallest)\s+(?:positive\s+)?(?:number|integer)\s+(?:that\s+is\s+)?divisible\s+by\s+"
                r"(?:the\s+|all\s+(?:the\s+)?)?integers\s+1\s+through\s+" + COUNT + r"()", I),
     lambda fs, n, _: _lcm_of_first(fs, n, "positive integers")),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+reciprocals\s+of\s+the\s+(?:natural[- ]number\s+|positive\s+)?(?:factors|"
                r"divisors)\s+of\s+" + COUNT, I), _reciprocal_sum),
    (re.compile(r"the\s+(least\s+common\s+multiple|greatest\s+common\s+divisor)\s+of\s+two\s+(?:positive\s+)?(?:integers|numbers)\s+"
                r"is\s+" + COUNT + r"\s*,?\s+and\s+their\s+(?:least\s+common\s+multiple|greatest\s+common\s+divisor)\s+is\s+"
                + COUNT + r"\.\s+given\s+that\s+one\s+of\s+the\s+(?:integers|numbers)\s+is\s+" + COUNT + r"\s*,\s+what\s+is\s+"
                r"the\s+other\s+(?:integer|number)", I),
     lambda fs, kind, first, second, a: _other_number(fs, first, kind, second, a)),
    (re.compile(ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+" + POS + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:integer|number)\s+(?:that\s+is\s+)?divisible\s+by\s+each\s+of\s+the\s+(?:first\s+)?" + COUNT +
                r"\s+(?:smallest\s+)?prime(?:\s+number)?s", I), _extreme_multiple_of_primes),
    (re.compile(ASK + r"\s+the\s+(?:least|lowest)\s+common\s+multiple\s+of\s+the\s+first\s+" + COUNT +
                r"\s+(positive\s+integers|counting\s+numbers|natural\s+numbers)", I), _lcm_of_first),
    (re.compile(ASK + r"\s+the\s+product\s+of\s+the\s+(?:greatest\s+common\s+(?:divisor|factor))\s+and\s+the\s+least\s+common\s+"
                r"multiple\s+of\s+" + COUNT + r"\s+and\s+" + COUNT, I), _gcd_lcm("*")),
    (re.compile(ASK + r"\s+the\s+product\s+of\s+the\s+least\s+common\s+multiple\s+and\s+the\s+greatest\s+common\s+"
                r"(?:divisor|factor)\s+of\s+" + COUNT + r"\s+and\s+" + COUNT, I), _gcd_lcm("*")),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+(?:greatest\s+common\s+(?:divisor|factor))\s+and\s+the\s+least\s+common\s+"
                r"multiple\s+of\s+" + COUNT + r"\s+and\s+" + COUNT, I), _gcd_lcm(" + ")),
    (re.compile(ASK + r"\s+the\s+(?:arithmetic\s+)?(?:mean|average)\s+of\s+all\s+(?:of\s+)?(?:the\s+)?positive\s+" + DIGITS +
                r"\s+multiples\s+of\s+" + COUNT, I), _mean_of_multiples),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?(?:the\s+)?(?:positive\s+)?" + DIGITS + r"\s+(?:positive\s+)?"
                r"multiples\s+of\s+" + COUNT, I),
     lambda fs, d, k: _sum_of_multiples(fs, k, *(_digits_range(d) or (None, None)))),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?(?:the\s+)?(?:positive\s+)?multiples\s+of\s+" + COUNT +
                r"\s+between\s+" + COUNT + r"\s+and\s+" + COUNT + r"(\s*,\s*inclusive)?", I),
     lambda fs, k, a, b, inc: _sum_of_multiples(fs, k, _whole(fs, a), _whole(fs, b), bool(inc))),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?(?:the\s+)?positive\s+multiples\s+of\s+" + COUNT +
                r"\s+(?:that\s+are\s+)?less\s+than\s+" + COUNT, I),
     lambda fs, k, n: _sum_of_multiples(fs, k, 1, (_whole(fs, n) or 0) - 1)),
    (re.compile(ASK + r"\s+the\s+(" + PLACE + r")\s+(odd|even)\s+positive\s+integer", I), _nth_of_parity),
    (re.compile(ASK + r"\s+the\s+(" + PLACE + r")\s+positive\s+(odd|even)\s+integer", I), _nth_of_parity),
    (re.compile(r"how\s+many\s+(?:distinct\s+|different\s+)?(?:positive\s+)?" + DIGITS + r"\s+(?:positive\s+)?(?:integers|numbers)\s+"
                r"have\s+only\s+(odd|even)\s+digits", I), _digit_kind_count),
    (re.compile(r"how\s+many\s+(?:positive\s+)?" + DIGITS + r"\s+(?:positive\s+)?(?:integers|numbers)\s+are\s+there\s+in\s+which\s+"
                r"each\s+of\s+the\s+(?:" + COUNT[1:-1] + r")\s+digits\s+is\s+(prime)", I), _digit_kind_count),
    (re.compile(r"how\s+many\s+positive\s+integers\s+less\s+than\s+(or\s+equal\s+to\s+)?" + COUNT + r"\s+have\s+an\s+(odd|even)\s+"
                r"number\s+of\s+positive\s+(?:divisors|factors)", I),
     lambda fs, eq, high, parity: _odd_divisor_counts(fs, parity, high, eq)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?the\s+(odd|even)\s*,?\s+positive\s+integers\s+less\s+than\s+" + COUNT, I),
     lambda fs, parity, n: _range_sum(fs, "1", str((_whole(fs, n) or 2) - 1), parity)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+squares\s+of\s+the\s+first\s+" + COUNT + r"\s+positive\s+integers", I),
     _sum_of_squares),
    (re.compile(ASK + r"\s+the\s+(largest|greatest)\s+integer\s+less\s+than\s+" + COUNT + r"\s+(?:that|which)\s+((?:has|leaves|gives)\s+"
                r"a\s+remainder\s+of\s+.+)", I), _beside_with_remainders),
    (re.compile(ASK + r"\s+the\s+(smallest|least)\s+integer\s+greater\s+than\s+" + COUNT + r"\s+(?:that|which)\s+((?:has|leaves|"
                r"gives)\s+a\s+remainder\s+of\s+.+)", I), _beside_with_remainders),
    (re.compile(r"the\s+product\s+of\s+(?:the\s+)?integers\s+" + COUNT + r"\s+and\s+⟨\d+⟩\s+is\s+a\s+perfect\s+(square|cube)\.\s+what\s+"
                r"is\s+the\s+smallest\s+possible\s+positive\s+value\s+of\s+⟨\d+⟩", I), _power_completion),
    (re.compile(ASK + r"\s+the\s+(" + PLACE + r")\s+term\s+of\s+the\s+sequence\s+of\s+(odd|even)\s+(?:positive\s+)?(?:numbers|integers)\s+"
                r"(?:1,\s*3,\s*5,\s*7|2,\s*4,\s*6,\s*8)\s*,\s*(?:⟨\d+⟩|\.\.\.|…)", I), _nth_of_parity),
    (re.compile(r"how\s+many\s+(?:positive\s+)?(odd|even)\s+(?:positive\s+)?(?:divisors|factors)\s+does\s+" + COUNT
                + r"\s+have", I), _parity_divisors),
    (re.compile(ASK + r"\s+the\s+product\s+of\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:positive\s+)?(?:integer\s+)?"
                r"(?:divisors|factors)\s+of\s+" + COUNT, I), _divisor_product),
    (re.compile(r"solve\s+the\s+congruence\s+" + F + r"\s*,?\s+as\s+a\s+residue\s+modulo\s+" + COUNT +
                r"(?:\.\s+give\s+an\s+answer\s+between\s+" + COUNT + r"\s+and\s+" + COUNT + r")?", I),
     _solve_residue),
    (re.compile(r"(?:" + ASK + r"|solve\s+for)\s+the\s+(?:smallest|least)\s+positive\s+integer\s+" + F +
                r"\s+(?:such\s+that|that\s+satisfies|which\s+satisfies|satisfying|for\s+which)\s+"
                r"(?:the\s+congruence\s+)?" + F, I), _smallest_solution),
    (re.compile(r"how\s+many\s+digits\s+does\s+" + COUNT + r"\s+have\s+(?:in|when\s+(?:it\s+is\s+)?(?:written|expressed)"
                r"\s+in)\s+base\s+" + COUNT, I), _digits_in_base),
    (re.compile(r"how\s+many\s+digits\s+are\s+(?:there\s+)?in\s+the\s+base[- ]" + COUNT + r"\s+representation\s+of\s+"
                + COUNT, I), lambda fs, b, n: _digits_in_base(fs, n, b)),
    (re.compile(r"what\s+is\s+the\s+base[- ](?:10|ten)\s+(?:integer|number)\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?"
                r"(?:expressed|written)\s+in\s+base\s+" + COUNT, I), lambda fs, n, b: _in_base(fs, b, n)),
    (re.compile(ASK + r"\s+the\s+(?:units|ones)\s+digit\s+(?:of|in)\s+" + N, I), _units_of_value),
    (re.compile(ASK + r"\s+the\s+base[- ]" + COUNT + r"\s+representation\s+of\s+(?:the\s+(?:base[- ](?:ten|\d+)\s+)?number\s+)?"
                + COUNT, I), _in_base),
    (re.compile(r"how\s+many\s+diagonals\s+does\s+a\s+(?:convex\s+)?(?:regular\s+)?(?:(" + "|".join(POLYGONS) +
                r")|polygon\s+with\s+" + COUNT + r"\s+sides)\s+have", I), _diagonals),
    (re.compile(r"how\s+many\s+(?:distinct\s+)?diagonals\s+of\s+a\s+(?:convex\s+)?(?:regular\s+)?(" + "|".join(POLYGONS) +
                r")(?:\s*\(\s*" + COUNT + r"-sided\s+polygon\s*\))?\s+can\s+be\s+drawn", I),
     lambda fs, name, sides: _diagonals(fs, name, None) if sides is None or POLYGONS[name.lower()] == _whole(fs, sides)
     else None),
    (re.compile(r"(?:in\s+)?how\s+many\s+(?:different\s+)?ways\s+can\s+" + COUNT + r"\s+(?:distinct\s+|different\s+)?"
                r"(?:keys|beads)\s+be\s+(?:placed|put|arranged)\s+on\s+a\s+(?:keychain|key\s+ring|bracelet|necklace)\.\s+"
                r"two\s+arrangements\s+are\s+considered\s+the\s+same\s+if\s+one\s+can\s+be\s+rotated\s+or\s+flipped\s+to\s+be\s+"
                r"identical\s+to\s+the\s+other", I), _ring),
    (re.compile(r"(?:in\s+)?how\s+many\s+(?:different\s+)?ways\s+can\s+the\s+letters\s+(?:of|in)\s+the\s+word\s+" + WORD_ASKED
                + r"\s+be\s+arranged", I), _letters),
    (re.compile(r"(?:in\s+)?how\s+many\s+(?:different\s+)?ways\s+can\s+(?:i|we|you)\s+(?:choose|select|pick|form)\s+an?\s+"
                + COUNT + r"-person\s+(?:committee|team|group)\s+from\s+an?\s+(?:club|group|class|team)\s+of\s+" + COUNT +
                r"\s+(?:people|members|students)", I), lambda fs, k, n: _choose(fs, k, "members", n, "members")),
    (re.compile(r"how\s+many\s+(?:different\s+)?" + COUNT + r"-person\s+(?:committees|teams|groups)\s+can\s+be\s+(?:chosen|"
                r"formed|selected|made)\s+from\s+an?\s+(?:club|group|class|team)\s+of\s+" + COUNT + r"\s+(?:people|members|"
                r"students)", I), lambda fs, k, n: _choose(fs, k, "members", n, "members")),
    (re.compile(r"(?:my|our|a)\s+(?:club|class|team)\s+has\s+" + COUNT + r"\s+(?:members|people|students)\.\s+in\s+how\s+many\s+"
                r"ways\s+can\s+(?:i|we|you)\s+(?:choose|select|pick)\s+(?:members\s+to\s+form\s+)?an?\s+" + COUNT +
                r"-person\s+(?:executive\s+)?committee", I), lambda fs, n, k: _choose(fs, k, "members", n, "members")),
    (re.compile(r"(?:in\s+)?how\s+many\s+ways\s+can\s+" + COUNT + r"\s+people\s+(?:sit|be\s+seated)\s+around\s+a\s+"
                r"(?:round|circular)\s+table(?:\s+if|\.)\s+(?:two\s+seatings\s+are\s+considered\s+the\s+same\s+if\s+one\s+"
                r"is\s+a\s+rotation\s+of\s+the\s+other|seating\s+arrangements\s+which\s+are\s+rotations\s+of\s+each\s+"
                r"other\s+are\s+(?:treated|considered)\s+(?:as\s+)?the\s+same)", I), _circle),
    (re.compile(r"(?:in\s+)?how\s+many\s+(?:different\s+)?ways\s+can\s+" + COUNT + r"\s+(?:different\s+|distinct\s+)?"
                r"people\s+(?:line\s+up|stand|sit|be\s+seated)\s+in\s+a\s+(?:row|line)", I), _row),
    (re.compile(r"how\s+many\s+subsets\s+does\s+a\s+set\s+with\s+" + COUNT + r"\s+elements\s+have", I), _subsets),
    (re.compile(COUNT + r"\s+people\s+(?:attend|are\s+at|go\s+to)\s+a\s+(?:party|meeting)\.\s+(?:during\s+the\s+"
                r"(?:party|meeting)\s*,\s*)?each\s+(?:person|one)\s+shakes\s+hands\s+(?:(?:exactly\s+)?once\s+)?with\s+"
                r"(?:each|every)\s+other\s+person(?:\s+exactly\s+once)?\.\s+how\s+many\s+handshakes\s+"
                r"(?:take\s+place|are\s+there|occur)(?:\s+at\s+the\s+(?:party|meeting))?", I), _handshakes),
    (re.compile(COUNT + r"\s+people\s+(?:attend|are\s+at|go\s+to)\s+a\s+(?:party|meeting)\.\s+(?:during\s+the\s+"
                r"(?:party|meeting)\s*,?\s*)?every(?:one|\s+person)\s+shakes\s+hands\s+(?:(?:exactly\s+)?once\s+)?with\s+"
                r"every(?:one|\s+other\s+person)\s+else(?:\s+exactly\s+once)?\.\s+how\s+many\s+handshakes\s+"
                r"(?:take\s+place|are\s+there|occur)(?:\s+at\s+the\s+(?:party|meeting))?", I), _handshakes),
    (re.compile(r"in\s+how\s+many\s+ways\s+can\s+(?:(?:we|i|you)\s+(?:choose|select|pick)\s+" + TEAM +
                r"|" + TEAM + r"\s+be\s+(?:chosen|selected|picked))\s+from\s+a\s+(?:group|club|class)\s+of\s+" + COUNT +
                r"\s+people" + NOT_SAME, I), lambda fs, a, b, n: _roles(fs, a or b, n)),
    (re.compile(r"how\s+many\s+(?:different\s+|distinct\s+)?ways\s+(?:are\s+there\s+to|can\s+(?:you|we|i))\s+arrange\s+"
                r"the\s+letters\s+(?:of|in)\s+the\s+word\s+" + WORD_ASKED, I), _letters),
    (re.compile(r"(?:determine|find|compute|what\s+is)\s+the\s+number\s+of\s+(?:different\s+|distinct\s+)?ways\s+to\s+"
                r"arrange\s+the\s+letters\s+(?:of|in)\s+the\s+word\s+" + WORD_ASKED, I), _letters),
    (re.compile(r"how\s+many\s+(?:different\s+|distinct\s+)?arrangements\s+of\s+the\s+letters\s+(?:of|in)\s+the\s+word\s+"
                + WORD_ASKED + r"\s+are\s+there", I), _letters),
    (re.compile(r"(?:in\s+)?how\s+many\s+(?:different\s+)?ways\s+can\s+(?:i|we|you)\s+(?:choose|select|pick)\s+" + COUNT +
                r"\s+([a-z]+)\s+from\s+a\s+(?:group|team|club|class|set|shelf)\s+of\s+" + COUNT + r"\s+([a-z]+)"
                r"(?:\s*,?\s+if\s+the\s+order\s+in\s+which\s+(?:they|the\s+[a-z]+)\s+are\s+(?:chosen|selected|picked)\s+"
                r"does\s+not\s+matter)?", I), _choose),
    (re.compile(r"(?:in\s+)?how\s+many\s+(?:different\s+)?ways\s+can\s+" + COUNT + r"\s+([a-z]+)\s+be\s+"
                r"(?:chosen|selected|picked)\s+from\s+a\s+(?:group|team|club|class|set|shelf)\s+of\s+" + COUNT +
                r"\s+([a-z]+)\s*,?\s+if\s+the\s+order\s+in\s+which\s+(?:they|the\s+[a-z]+)\s+are\s+(?:chosen|selected|picked)\s+"
                r"does\s+not\s+matter", I), _choose),
    (re.compile(r"(?:we|you)\s+flip\s+a\s+fair\s+coin\s+" + COUNT + r"\s+times\.\s+what\s+is\s+the\s+probability\s+that\s+"
                r"(?:we|you)\s+get\s+(?:heads|tails)\s+in\s+" + HOW + r"\s+" + COUNT + r"\s+of\s+the\s+" + COUNT + r"\s+flips", I),
     _coin),
    (re.compile(r"(?:if|when)\s+(?:we|i|you)\s+flip\s+" + COUNT + r"\s+fair\s+coins\s*,\s+what\s+is\s+the\s+probability\s+"
                r"(?:of\s+getting|that\s+(?:we|i|you)\s+get)\s+" + HOW + r"\s+" + COUNT + r"\s+(?:heads|tails)", I),
     lambda fs, n, how, k: _coin(fs, n, how, k, None)),
    (re.compile(COUNT + r"\s+(?:fair\s+)?coins\s+are\s+(?:flipped|tossed)\.\s+what\s+is\s+the\s+probability\s+of\s+getting\s+" +
                HOW + r"\s+" + COUNT + r"\s+(?:heads|tails)", I), lambda fs, n, how, k: _coin(fs, n, how, k, None)),
    (re.compile(COUNT + r"\s+fair\s+coins\s+are\s+(?:flipped|tossed)\.\s+what\s+is\s+the\s+probability\s+that\s+" + HOW +
                r"\s+" + COUNT + r"\s+(?:of\s+them\s+)?(?:are|come\s+up|land|show)\s+(?:heads|tails)", I),
     lambda fs, n, how, k: _coin(fs, n, how, k, None)),
    (re.compile(r"a\s+fair\s+coin\s+is\s+(?:flipped|tossed)\s+" + COUNT + r"\s+times\.\s+what\s+is\s+the\s+probability\s+"
                r"that\s+" + HOW + r"\s+" + COUNT + r"\s+of\s+the\s+(?:" + COUNT + r"\s+)?(?:flips|tosses)\s+(?:come\s+up|are|land)\s+"
                r"(?:heads|tails)", I),
     _coin),
    (re.compile(TWO_DICE + r"\s+(?:(less\s+than|greater\s+than|more\s+than|at\s+least|at\s+most|equal\s+to)\s+)?" + COUNT
                + r"()", I), lambda fs, rel, s, _: _dice_sum(fs, rel, s)),
    (re.compile(r"(?:an?\s+)?(?:number|integer|whole\s+number)\s+is\s+(?:selected|chosen|picked)\s+(?:at\s+random|randomly)\s+"
                r"from\s+(?:the\s+(?:integers|numbers)\s+)?(?:1|one)\s+(?:through|to)\s+" + COUNT + r"\s*,\s*inclusive\.\s+"
                r"what\s+is\s+the\s+probability\s+that\s+(?:the\s+(?:chosen\s+|selected\s+)?(?:number|integer)|it)\s+is\s+"
                + KIND, I), _picked_from_one_to),
    (re.compile(r"what\s+is\s+the\s+probability\s+that\s+a\s+positive\s+integer\s+less\s+than\s+or\s+equal\s+to\s+" + COUNT
                + r"\s+is\s+" + KIND, I), _picked_from_one_to),
    (re.compile(r"an?\s+(?:fair\s+)?(?:standard\s+)?(" + COUNT[1:-1] + r")-sided\s+die\s+is\s+(?:rolled|tossed)\.\s+what\s+is\s+"
                r"the\s+probability\s+that\s+the\s+number\s+(?:rolled|showing|on\s+top)\s+is\s+" + KIND, I), _picked_from_one_to),
    (re.compile(TWO_DICE + r"\s+(even|odd|a\s+prime\s+number|prime|a\s+perfect\s+square)", I),
     lambda fs, kind: _dice_sum(fs, None, None, kind)),
    (re.compile(r"what\s+is\s+the\s+expected\s+value\s+of\s+the\s+roll\s+of\s+a\s+(?:fair\s+)?(?:standard\s+)?(?:(octahedral|cubical|"
                r"six-sided|standard|dodecahedral|icosahedral|tetrahedral)|" + COUNT + r"-sided)\s+die"
                r"(?:\s+whose\s+faces\s+are\s+numbered\s+(?:from\s+)?" + COUNT + r"\s+(?:to|through)\s+" + COUNT + r"|"
                r"\.\s+an?\s+(?:octahedral|cubical|six-sided|dodecahedral|icosahedral|tetrahedral)\s+die\s+has\s+" + COUNT +
                r"\s+faces\s*,\s+numbered\s+(?:from\s+)?" + COUNT + r"\s+(?:to|through)\s+" + COUNT + r")?",
                I), _expected_die),
]
