"""Counts, sums and extremes over ranges of whole numbers: multiples, primes, powers, residue classes, lists.

"How many multiples of 7 are between 100 and 500?", "What is the smallest positive four-digit multiple of 13?",
"How many positive two-digit integers leave a remainder of 2 when divided by 8?", "What is the sum of all of the
multiples of 3 between 100 and 200?", "How many numbers are in the list $4, 6, 8, \\ldots, 130$?". A range whose
ends make "between" ambiguous (an end that is itself counted) is declined unless "inclusive" is said.
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

from .competition_reading import formula_of
from .congruence import MODULUS
from .numbertheory_reading import (ASK, BETWEEN, COUNT, DIGITS, DIVISIBLE, MAX_LISTED, MAX_MODULUS, MAX_RANGE, NUMS,
                                   ORDINAL, PLACE, POS, POWERS, SIGNED, F, I, class_count_call, digit_count,
                                   digits_range, is_prime, moduli_of, multiples_call, multiples_in, recount_plan,
                                   signed_number, whole_number)

def _ends(formulas, low_ref, high_ref, inclusive) -> tuple[int, int, bool] | None:
    low, high = whole_number(formulas, low_ref), whole_number(formulas, high_ref)
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


def _multiples_between(formulas, listed, low_ref, high_ref, inclusive):
    moduli, ends = moduli_of(formulas, listed), _ends(formulas, low_ref, high_ref, inclusive)
    if ends is None or any(k is None or not 1 <= k <= MAX_RANGE for k in moduli):
        return None
    bounds = _range_bounds(ends, lambda x: all(x % k == 0 for k in moduli))
    return None if bounds is None or bounds[0] < 1 else recount_plan(multiples_call(*bounds, moduli))


def _digits_divisible(formulas, digits, listed):
    d = digit_count(digits)
    moduli = moduli_of(formulas, listed)
    if d is None or any(k is None or not 1 <= k <= MAX_RANGE for k in moduli):
        return None
    return recount_plan(multiples_call(10 ** (d - 1), 10**d - 1, moduli))


def _below_divisible(formulas, high_ref, or_equal, listed):
    high = whole_number(formulas, high_ref)
    moduli = moduli_of(formulas, listed)
    if high is None or any(k is None or not 1 <= k <= MAX_RANGE for k in moduli) or not 1 < high <= MAX_RANGE:
        return None
    return recount_plan(multiples_call(1, high if or_equal else high - 1, moduli))


def _either_or_but_not(formulas, high_ref, or_equal, a_ref, how, b_ref):
    """Positive integers up to n that are multiples of a or b (both counted once), or of a but not b."""
    high, a, b = whole_number(formulas, high_ref), whole_number(formulas, a_ref), whole_number(formulas, b_ref)
    if high is None or a is None or b is None or not 2 <= a <= MAX_LISTED or not 2 <= b <= MAX_LISTED or a == b:
        return None
    top = high if or_equal else high - 1
    if not 1 <= top <= MAX_LISTED:
        return None
    if how.lower().startswith("but"):
        return recount_plan(f"floor({top}/{a}) - floor({top}/lcm({a}, {b}))")
    return recount_plan(f"floor({top}/{a}) + floor({top}/{b}) - floor({top}/lcm({a}, {b}))")


def _primes_between(formulas, low_ref, high_ref, inclusive):
    ends = _ends(formulas, low_ref, high_ref, inclusive)
    if ends is None or ends[1] > 10**5:
        return None
    bounds = _range_bounds(ends, is_prime)
    return None if bounds is None else recount_plan(f"prime_pi({bounds[1]}) - prime_pi({bounds[0] - 1})")


def _powers_between(formulas, kind, low_ref, high_ref, inclusive):
    e, ends = POWERS[kind.lower()], _ends(formulas, low_ref, high_ref, inclusive)
    if ends is None:
        return None
    bounds = _range_bounds(ends, lambda x: round(x ** (1 / e)) ** e == x or (round(x ** (1 / e)) + 1) ** e == x)
    if bounds is None or bounds[0] < 1:
        return None
    return recount_plan(f"iroot({bounds[1]}, {e}) - iroot({bounds[0] - 1}, {e})")


def _powers_below(formulas, kind, high_ref, or_equal):
    e, high = POWERS[kind.lower()], whole_number(formulas, high_ref)
    if high is None or not 1 < high <= MAX_RANGE:
        return None
    return recount_plan(f"iroot({high if or_equal else high - 1}, {e}) - iroot(0, {e})")


def _extreme_multiple(formulas, which, digits, k_ref):
    d, k = digit_count(digits), whole_number(formulas, k_ref)
    if d is None or k is None or not 1 <= k < 10 ** (d - 1) or k > MAX_LISTED:
        return None
    if which.lower() in ("smallest", "least"):
        return recount_plan(f"ceil({10 ** (d - 1)}/{k})*{k}")
    return recount_plan(f"floor({10**d - 1}/{k})*{k}")


def _multiple_beside(formulas, which, k_ref, relation, n_ref):
    """'the largest multiple of 13 less than 500', 'the smallest multiple of 7 greater than 100'."""
    k, n = whole_number(formulas, k_ref), whole_number(formulas, n_ref)
    if k is None or n is None or not 1 <= k <= MAX_LISTED or not 0 <= n <= MAX_RANGE:
        return None
    largest, relation = which.lower() in ("largest", "greatest"), re.sub(r"\s+", " ", relation.lower())
    if largest != relation.startswith("less"):
        return None  # the smallest multiple less than n is 0 or below: not what is meant
    if largest:
        top = n if relation.endswith("equal to") else n - 1
        return recount_plan(f"floor({top}/{k})*{k}") if top >= k else None
    bottom = n if relation.endswith("equal to") else n + 1
    return recount_plan(f"ceil({bottom}/{k})*{k}")


def _range_sum(formulas, a_ref, b_ref, parity, inclusive=True):
    """The integers a..b (of a parity) added: (first + last) times their number over 2."""
    a, b = signed_number(formulas, a_ref), signed_number(formulas, b_ref)
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
    return recount_plan(f"({a} + ({b}))*(({b} - ({a}))/{step} + 1)/2")


def _sum_of_squares(formulas, n_ref):
    n = whole_number(formulas, n_ref)
    return None if n is None or not 1 <= n <= MAX_LISTED else recount_plan(f"{n}*({n} + 1)*(2*{n} + 1)/6")


def _range_mean(formulas, a_ref, b_ref):
    a, b = signed_number(formulas, a_ref), signed_number(formulas, b_ref)
    if a is None or b is None or a >= b or b - a > MAX_LISTED:
        return None
    return recount_plan(f"({a} + ({b}))/2")


def _first_sum(formulas, n_ref, parity):
    n = whole_number(formulas, n_ref)
    if n is None or not 1 <= n <= MAX_LISTED // 2:
        return None
    if parity is None:
        return recount_plan(f"(1 + ({n}))*(({n} - (1))/1 + 1)/2")
    first = 1 if parity.lower() == "odd" else 2
    last = first + 2 * (n - 1)
    return recount_plan(f"({first} + ({last}))*(({last} - ({first}))/2 + 1)/2")


def _parity_between(formulas, parity, low_ref, high_ref):
    low, high = whole_number(formulas, low_ref), whole_number(formulas, high_ref)
    if low is None or high is None or not 0 <= low < high <= MAX_RANGE:
        return None
    r = 1 if parity.lower() == "odd" else 0
    return recount_plan(class_count_call(low + 1, high - 1, r, 2))


def _mean_of_multiples(formulas, digits, k_ref):
    """The mean of all positive d-digit multiples of k: the first and last multiple, halved."""
    bounds, k = digits_range(digits), whole_number(formulas, k_ref)
    if bounds is None or bounds[1] > 10**7 or k is None or not 2 <= k <= MAX_RANGE or multiples_in(*bounds, k) is None:
        return None
    low, high = bounds
    return recount_plan(f"(ceil({low}/{k})*{k} + floor({high}/{k})*{k})/2")


def _sum_of_multiples(formulas, k_ref, low, high, inclusive=True, counted=None):
    """first + ... + last over the multiples of k in [low, high]: the terms added one by one by the check."""
    k = whole_number(formulas, k_ref)
    if k is None or not 2 <= k <= MAX_RANGE or low is None or high is None or low > high:
        return None
    if not inclusive and (low % k == 0 or high % k == 0):
        return None
    if not inclusive:
        low, high = low + 1, high - 1
    found = multiples_in(low, high, k)
    if found is None or found[1] - found[0] > MAX_LISTED:
        return None
    first, last = found
    return recount_plan(f"({first} + ({last}))*(({last} - ({first}))/{k} + 1)/2")


def _first_multiples_sum(formulas, n_ref, k_ref):
    """k + 2k + ... + nk: the first n positive multiples of k, added term by term by the check."""
    n, k = whole_number(formulas, n_ref), whole_number(formulas, k_ref)
    if n is None or k is None or not 1 <= n <= MAX_LISTED or not 1 <= k <= MAX_RANGE:
        return None
    return _sum_of_multiples(formulas, str(k), k, n * k)


def _nth_of_parity(formulas, place_ref, parity):
    place_text = re.sub(r"⟨(\d+)⟩", lambda r: formulas[int(r.group(1))].latex, place_ref)
    m = ORDINAL.fullmatch(place_text.strip())
    if m is None or not 1 <= int(m.group(1)) <= MAX_LISTED // 2:
        return None
    n = int(m.group(1))
    return recount_plan(f"2*{n} - 1" if parity.lower() == "odd" else f"2*{n} - 0")


DIGIT_KINDS = {"odd": (5, 5), "prime": (4, 4), "even": (4, 5)}  # choices for the first digit, for each other digit


def _digit_kind_count(formulas, digits, kind):
    """d-digit positive integers whose every digit is odd (prime, even): the first digit cannot be 0."""
    d = digit_count(digits)
    if d is None or d > 6:
        return None
    first, other = DIGIT_KINDS[kind.lower()]
    return recount_plan(f"{first}*{other}^({d} - 1)")


FIRSTS = {"positive integers": lambda n: list(range(1, n + 1)), "counting numbers": lambda n: list(range(1, n + 1)),
          "natural numbers": lambda n: list(range(1, n + 1))}


def _lcm_of_first(formulas, n_ref, what):
    n = whole_number(formulas, n_ref)
    if n is None or not 2 <= n <= 18:
        return None
    numbers = FIRSTS[re.sub(r"\s+", " ", what.lower())](n)
    return recount_plan(f"lcm({', '.join(map(str, numbers))})")


FIRST_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]


def _extreme_multiple_of_primes(formulas, which, digits, count_ref):
    k = whole_number(formulas, count_ref)
    if k is None or not 1 <= k <= len(FIRST_PRIMES):
        return None
    return _extreme_multiple(formulas, which, digits, str(math.prod(FIRST_PRIMES[:k])))


def _odd_divisor_counts(formulas, parity, high_ref, or_equal):
    """'How many positive integers less than 60 have an even number of positive divisors?': only squares have an odd
    number; the check counts the divisors of every number instead."""
    high = whole_number(formulas, high_ref)
    if high is None or not 2 <= high <= 10**4:
        return None
    top = high if or_equal else high - 1
    squares = f"iroot({top}, 2) - iroot(0, 2)"
    return recount_plan(squares if parity.lower() == "odd" else f"{top} - ({squares})")


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
    return recount_plan(f"({text[1]} - ({text[0]}))/({text[2]}) + 1")


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


def _digits_in_class(formulas, digits, residue=None, r_ref=None, m_ref=None):
    """'How many positive two-digit integers leave a remainder of 2 when divided by 8?' (or are congruent to 2 mod 8)."""
    d = digit_count(digits)
    found = _residue_class(formulas, residue) if residue else _remainder_pair(formulas, r_ref, m_ref)
    if d is None or found is None:
        return None
    return recount_plan(class_count_call(10 ** (d - 1), 10**d - 1, *found))


def _below_in_class(formulas, high_ref, or_equal, residue=None, r_ref=None, m_ref=None):
    high = whole_number(formulas, high_ref)
    found = _residue_class(formulas, residue) if residue else _remainder_pair(formulas, r_ref, m_ref)
    if high is None or found is None or not 2 <= high <= MAX_LISTED:
        return None
    return recount_plan(class_count_call(1, high if or_equal else high - 1, *found))


def _remainder_pair(formulas, r_ref, m_ref) -> tuple[int, int] | None:
    r, m = whole_number(formulas, r_ref), whole_number(formulas, m_ref)
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
    d, found = digit_count(digits), found or _residue_class(formulas, residue)
    if d is None or found is None:
        return None
    r, m = found
    low, high = 10 ** (d - 1), 10**d - 1
    if which.lower() in ("smallest", "least"):
        return recount_plan(f"ceil(({low} - {r})/{m})*{m} + {r}") if low + m <= high else None
    return recount_plan(f"floor(({high} - {r})/{m})*{m} + {r}") if high - m >= low else None


def _extreme_with_remainders(formulas, which, digits, listed):
    """'the greatest three-digit number that is one more than a multiple of 9 and three more than a multiple of 5', or
    that leaves remainders: the one class mod the lcm (crt, here by trying each residue), then its extreme member."""
    pairs = re.findall(r"(?:remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+" + COUNT + r"|"
                       + COUNT + r"\s+more\s+than\s+a\s+multiple\s+of\s+" + COUNT + r")", listed, I)
    read = [(whole_number(formulas, a or c), whole_number(formulas, b or d)) for a, b, c, d in pairs]
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
    read = [(whole_number(formulas, a or c), whole_number(formulas, b or d)) for a, b, c, d in pairs]
    if not 1 <= len(read) <= 8 or any(r is None or m is None or not 0 <= r < m for r, m in read):
        return None
    modulus = math.lcm(*(m for _, m in read))
    if modulus > MAX_MODULUS:
        return None
    fits = [x for x in range(modulus) if all(x % m == r for r, m in read)]
    return (fits[0], modulus) if len(fits) == 1 else None


def _beside_with_remainders(formulas, which, bound_ref, listed):
    """'the largest integer less than 2010 that has a remainder of 5 when divided by 7, ...'."""
    bound, found = whole_number(formulas, bound_ref), _class_of(formulas, listed)
    if bound is None or found is None or not 1 <= bound <= MAX_RANGE:
        return None
    r, m = found
    if which.lower() in ("largest", "greatest"):
        return recount_plan(f"floor(({bound - 1} - {r})/{m})*{m} + {r}") if bound - 1 >= r else None
    return recount_plan(f"ceil(({bound + 1} - {r})/{m})*{m} + {r}")


REMAINDER = (r"(?:leaves|has|gives)\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+"
             + COUNT)


def _remainders(formulas, listed):
    """'the smallest positive integer that leaves a remainder of 4 when divided by 5 and a remainder of 6 when
    divided by 7': the Chinese remainder theorem (the tool's crt); the check tries every number up to the lcm."""
    pairs = re.findall(r"remainder\s+of\s+" + COUNT + r"\s+when\s+(?:it\s+is\s+)?divided\s+by\s+" + COUNT, listed, I)
    read = [(whole_number(formulas, r), whole_number(formulas, m)) for r, m in pairs]
    if not 2 <= len(read) <= 8 or any(r is None or m is None or not 0 <= r < m for r, m in read):
        return None
    if math.lcm(*(m for _, m in read)) > MAX_MODULUS or all(r == 0 for r, _ in read):
        return None
    if any((r1 - r2) % math.gcd(m1, m2) for (r1, m1) in read for (r2, m2) in read):
        return None  # no number leaves them all
    return recount_plan(f"crt({', '.join(f'{r}, {m}' for r, m in read)})")


RANGE_FAMILIES = [
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
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?the\s+(?:positive\s+)?" + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:integers|numbers|whole\s+numbers)", I),
     lambda fs, d: _range_sum(fs, *map(str, digits_range(d) or (1, 0)), None)),
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
    (re.compile(r"how\s+many\s+numbers\s+are\s+(?:there\s+)?in\s+the\s+(?:following\s+)?list\s*:?\s*" + F, I),
     lambda fs, a: _list_count(fs, f"⟨{a}⟩")),
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
    (re.compile(r"how\s+many\s+" + POS + DIGITS + r"\s+" + POS + NUMS + r"\s+(?:are\s+(?:congruent|equivalent)\s+to\s+(.+?)|"
                r"leave\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+divided\s+by\s+" + COUNT + r")", I), _digits_in_class),
    (re.compile(r"how\s+many\s+positive\s+" + NUMS + r"\s+less\s+than\s+(or\s+equal\s+to\s+)?" + COUNT + r"\s+"
                r"(?:are\s+(?:congruent|equivalent)\s+to\s+(.+?)|leave\s+a\s+remainder\s+of\s+" + COUNT + r"\s+when\s+divided\s+"
                r"by\s+" + COUNT + r")", I), lambda fs, eq, high, *rest: _below_in_class(fs, high, eq, *rest)),
    (re.compile(r"how\s+many\s+positive\s+multiples\s+of\s+" + COUNT + r"\s+are\s+" + DIGITS + r"\s+" + POS + NUMS, I),
     lambda fs, k, d: _digits_divisible(fs, d, k)),
    (re.compile(ASK + r"\s+the\s+(?:least|smallest)\s+positive\s+integer\s+(?:that\s+is\s+)?divisible\s+by\s+each\s+of\s+the\s+"
                r"first\s+" + COUNT + r"\s+(positive\s+integers|counting\s+numbers|natural\s+numbers)", I), _lcm_of_first),
    (re.compile(ASK + r"\s+the\s+(?:least|smallest)\s+(?:positive\s+)?(?:number|integer)\s+(?:that\s+is\s+)?divisible\s+by\s+"
                r"(?:the\s+|all\s+(?:the\s+)?)?integers\s+1\s+through\s+" + COUNT + r"()", I),
     lambda fs, n, _: _lcm_of_first(fs, n, "positive integers")),
    (re.compile(ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+" + POS + DIGITS + r"\s+(?:positive\s+)?"
                r"(?:integer|number)\s+(?:that\s+is\s+)?divisible\s+by\s+each\s+of\s+the\s+(?:first\s+)?" + COUNT +
                r"\s+(?:smallest\s+)?prime(?:\s+number)?s", I), _extreme_multiple_of_primes),
    (re.compile(ASK + r"\s+the\s+(?:least|lowest)\s+common\s+multiple\s+of\s+the\s+first\s+" + COUNT +
                r"\s+(positive\s+integers|counting\s+numbers|natural\s+numbers)", I), _lcm_of_first),
    (re.compile(ASK + r"\s+the\s+(?:arithmetic\s+)?(?:mean|average)\s+of\s+all\s+(?:of\s+)?(?:the\s+)?positive\s+" + DIGITS +
                r"\s+multiples\s+of\s+" + COUNT, I), _mean_of_multiples),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?(?:the\s+)?(?:positive\s+)?" + DIGITS + r"\s+(?:positive\s+)?"
                r"multiples\s+of\s+" + COUNT, I),
     lambda fs, d, k: _sum_of_multiples(fs, k, *(digits_range(d) or (None, None)))),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?(?:the\s+)?(?:positive\s+)?multiples\s+of\s+" + COUNT +
                r"\s+between\s+" + COUNT + r"\s+and\s+" + COUNT + r"(\s*,\s*inclusive)?", I),
     lambda fs, k, a, b, inc: _sum_of_multiples(fs, k, whole_number(fs, a), whole_number(fs, b), bool(inc))),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+all\s+(?:of\s+)?(?:the\s+)?positive\s+multiples\s+of\s+" + COUNT +
                r"\s+(?:that\s+are\s+)?less\s+than\s+" + COUNT, I),
     lambda fs, k, n: _sum_of_multiples(fs, k, 1, (whole_number(fs, n) or 0) - 1)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+first\s+" + COUNT + r"\s+positive\s+multiples\s+of\s+" + COUNT, I),
     _first_multiples_sum),
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
     lambda fs, parity, n: _range_sum(fs, "1", str((whole_number(fs, n) or 2) - 1), parity)),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+squares\s+of\s+the\s+first\s+" + COUNT + r"\s+positive\s+integers", I),
     _sum_of_squares),
    (re.compile(ASK + r"\s+the\s+(largest|greatest)\s+integer\s+less\s+than\s+" + COUNT + r"\s+(?:that|which)\s+((?:has|leaves|gives)\s+"
                r"a\s+remainder\s+of\s+.+)", I), _beside_with_remainders),
    (re.compile(ASK + r"\s+the\s+(smallest|least)\s+integer\s+greater\s+than\s+" + COUNT + r"\s+(?:that|which)\s+((?:has|leaves|"
                r"gives)\s+a\s+remainder\s+of\s+.+)", I), _beside_with_remainders),
    (re.compile(ASK + r"\s+the\s+(" + PLACE + r")\s+term\s+of\s+the\s+sequence\s+of\s+(odd|even)\s+(?:positive\s+)?(?:numbers|integers)\s+"
                r"(?:1,\s*3,\s*5,\s*7|2,\s*4,\s*6,\s*8)\s*,\s*(?:⟨\d+⟩|\.\.\.|…)", I), _nth_of_parity),
]
