"""Factorials, divisors, primes, congruences, digits and bases, in the words MATH uses.

"How many zeros are at the end of $25!$?", "What is the largest prime factor of 999?", "How many odd positive divisors
does 180 have?", "Solve the congruence $3n \\equiv 2 \\pmod{11}$, as a residue modulo 11.", "What is the 100th digit
after the decimal point of $\\frac{1}{7}$?", "Find the sum of $111_4+323_4+132_4$. Express your answer in base 4.".
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

from tools.parsing import Num

from ..plan import CheckKind, RoutedCall
from .competition_reading import FORM, N, Formula, formula_of
from .competition_shapes import integral
from .congruence import Congruence, read_congruence
from .numbertheory_reading import (ASK, COUNT, MAX_MODULUS, ORDINAL, PLACE, POWERS, F, I, factorial_argument, is_prime,
                                   positive_number, recount_plan, whole_number)

def _legendre(n: int, p: int) -> str:
    """floor(n/p) + floor(n/p^2) + ... while p^k <= n: the exponent of p in n!."""
    terms, k = [f"floor({n}/{p})"], 2
    while p**k <= n:
        terms.append(f"floor({n}/{p}^{k})")
        k += 1
    return " + ".join(terms)


def _trailing_zeros(formulas, ref):
    n = factorial_argument(formulas, ref)
    if n is None or n < 5:
        return None
    return recount_plan(_legendre(n, 5))


def _power_in_factorial(formulas, p_ref, n_ref):
    p, n = whole_number(formulas, p_ref), factorial_argument(formulas, n_ref)
    if p is None or n is None or not is_prime(p) or p > n:
        return None
    return recount_plan(_legendre(n, p))


def _power_named(formulas, k_ref, power_ref, n_ref):
    """'the largest integer $k$ such that $2^k$ divides $20!$': the power must be p^k with that same letter."""
    letter, power = formulas[int(k_ref)], formulas[int(power_ref)]
    m = re.fullmatch(r"\s*(\d+)\s*\^\s*\{?\s*([a-z])\s*\}?\s*", power.latex)
    if m is None or len(letter.names) != 1 or m.group(2) not in letter.names or letter.latex.strip() != m.group(2):
        return None
    return _power_in_factorial(formulas, m.group(1), n_ref)


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


def _place_digit(formulas, place, ref):
    """The tens or hundreds digit, read off the number's decimal string by the check (CheckKind.PLACE_VALUE)."""
    formula = formula_of(formulas, ref)
    if formula is None or formula.tree is None or formula.names or not integral(formula.tree):
        return None
    from tools.parsing import to_text

    k = {"tens": 1, "hundreds": 2, "thousands": 3}[place.lower()]
    call = f"floor(abs({to_text(formula.tree)}) / 10^{k}) mod 10"
    return RoutedCall("calculator", call, call, CheckKind.PLACE_VALUE)


def _parity_divisors(formulas, parity, ref):
    n = positive_number(formulas, ref)
    if n is None:
        return None
    if parity.lower() == "odd":
        return recount_plan(f"num_divisors({n}) - num_divisors({n}/2)") if n % 2 == 0 else None
    return recount_plan(f"num_divisors({n}/2)") if n % 2 == 0 else None


def _parity_divisor_sum(formulas, parity, ref):
    """The sum of the odd (or even) divisors of an even n: sigma(n) - 2 sigma(n/2) (or 2 sigma(n/2))."""
    n = positive_number(formulas, ref)
    if n is None or n % 2:
        return None
    return recount_plan(f"sigma({n}) - 2*sigma({n}/2)" if parity.lower() == "odd" else f"2*sigma({n}/2)")


def _common_divisor_sum(formulas, a_ref, b_ref):
    a, b = positive_number(formulas, a_ref), positive_number(formulas, b_ref)
    return None if a is None or b is None else recount_plan(f"sigma(gcd({a}, {b}))")


def _divisor_count(formulas, ref):
    n = positive_number(formulas, ref)
    return None if n is None else RoutedCall("bigint", f"num_divisors({n})", f"num_divisors({n})", CheckKind.COMPETITION)


def _power_divisors(formulas, ref, kind):
    """Divisors of n that are perfect squares (cubes): the divisors of the root of the largest such divisor."""
    from sympy import factorint

    n, e = positive_number(formulas, ref), POWERS[kind.lower()]
    if n is None or n > 10**12:
        return None
    largest = math.prod(p ** (k - k % e) for p, k in factorint(n).items())
    return recount_plan(f"num_divisors(iroot(gcd({n}, {largest}), {e}))")


def _reciprocal_sum(formulas, ref):
    n = positive_number(formulas, ref)
    return None if n is None else recount_plan(f"sigma({n})/{n}")


def _other_number(formulas, first_ref, first_kind, second_ref, a_ref):
    """'The least common multiple of two integers is 3720, and their greatest common divisor is 8. Given that one of
    the integers is 120, what is the other?': g l / a, given only when that number has this gcd and lcm with a."""
    values = {first_kind.lower().startswith("least"): positive_number(formulas, first_ref),
              not first_kind.lower().startswith("least"): positive_number(formulas, second_ref)}
    lcm, gcd, a = values.get(True), values.get(False), positive_number(formulas, a_ref)
    if lcm is None or gcd is None or a is None or (lcm * gcd) % a:
        return None
    b = lcm * gcd // a
    if math.gcd(a, b) != gcd or math.lcm(a, b) != lcm:
        return None
    return recount_plan(f"{lcm}*{gcd}/{a}")


def _gcd_lcm(op: str):
    def build(formulas, a_ref, b_ref):
        a, b = positive_number(formulas, a_ref), positive_number(formulas, b_ref)
        return None if a is None or b is None else recount_plan(f"gcd({a}, {b}){op}lcm({a}, {b})")
    return build


def _divisor_product(formulas, ref):
    n = positive_number(formulas, ref)
    if n is None or n > 10**9:
        return None
    root = math.isqrt(n)
    return recount_plan(f"isqrt({n})^num_divisors({n})" if root * root == n else f"{n}^(num_divisors({n})/2)")


def _divisor_multiples(formulas, n_ref, k_ref):
    """'How many positive divisors of 96 are multiples of 12?': the divisors of n/k, each times k."""
    n, k = positive_number(formulas, n_ref), positive_number(formulas, k_ref)
    if n is None or k is None or n % k:
        return None
    return recount_plan(f"num_divisors({n}/{k})")


PICK = {"largest": max, "greatest": max, "smallest": min, "least": min, "sum": sum, "number": len}


def _prime_pick(how: str, distinct_said: bool = True):
    """Largest, smallest, sum or count of the distinct primes dividing n: the tool lists them (checked by GMP:
    each prime, nothing else left when they are divided out), and the one asked for is taken from that list."""
    pick = PICK[how]

    def build(formulas, ref):
        formula = formula_of(formulas, ref)
        n = whole_number(formulas, ref)
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


def _modulo_residue(formulas, m_ref, ref):
    """'What is the modulo $13$ residue of $247 + 5 \\cdot 39$?': the remainder of a whole-number formula."""
    from tools.parsing import to_text

    m, formula = whole_number(formulas, m_ref), formula_of(formulas, ref)
    if m is None or formula is None or formula.tree is None or formula.names or not integral(formula.tree):
        return None
    if not 2 <= m <= 10**12:
        return None
    call = f"({to_text(formula.tree)}) mod {m}"
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


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
    return recount_plan(f"floor({value.numerator}*10^{k}/{value.denominator}) mod 10")


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
    n, base = whole_number(formulas, ref), whole_number(formulas, base_ref)
    if n is None or base is None or not 2 <= base <= 36 or not 1 <= n <= 10**100:
        return None
    return recount_plan(f"digit_sum({n}, {base})")


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
    m = whole_number(formulas, m_ref) if m_ref else None
    if c is None or m_ref and m != c.modulus:
        return None
    if low is not None and (whole_number(formulas, low) != 0 or whole_number(formulas, high) != c.modulus - 1):
        return None
    return recount_plan(_residue_call(c))


def _smallest_solution(formulas, var_ref, ref):
    """'the smallest positive integer $x$ such that ...': the residue, unless it is 0 (then it is m, not read)."""
    c = _congruence(formulas, ref)
    if c is None or formulas[int(var_ref)].latex.strip() != c.variable or c.rhs % c.modulus == 0:
        return None
    return recount_plan(_residue_call(c))


def _power_completion(formulas, n_ref, kind):
    """'The product of integers 240 and $k$ is a perfect cube. What is the smallest possible positive value of $k$?':
    each prime's exponent raised to the next multiple; the check tries k = 1, 2, ... itself."""
    from sympy import factorint

    n, e = positive_number(formulas, n_ref), {"square": 2, "cube": 3}[kind.lower()]
    if n is None or n > 10**12:
        return None
    k = math.prod(p ** (-a % e) for p, a in factorint(n).items())
    if k > 10**6:
        return None
    return recount_plan(f"iroot({n}*{k}, {e})^{e}/{n}")


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


BASE_SHAPES = [
    (re.compile(r"(?:add|subtract|multiply|compute|evaluate|calculate|find|simplify|what\s+is)\s+" + F, I), "{0}"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+(?:sum|product|difference)\s+(?:of\s+)?" + F, I), "{0}"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+sum\s+of\s+" + F + r"\s+and\s+" + F, I), "({0}) + ({1})"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+product\s+of\s+" + F + r"\s+and\s+" + F, I), "({0})*({1})"),
    (re.compile(r"(?:find|what\s+is|compute)\s+the\s+difference\s+(?:between|of)\s+" + F + r"\s+and\s+" + F, I),
     "({0}) - ({1})"),
]


IN_BASE = re.compile(r"(.+?)\s*,?\s+(?:in|to)\s+base\s+" + N, I)


def base_arithmetic(sentences: list[str], formulas: list[Formula]) -> RoutedCall | None:
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
    n, base = whole_number(formulas, ref), whole_number(formulas, base_ref)
    if n is None or base is None or not 2 <= base <= 36 or not 1 <= n <= 10**100:
        return None
    return recount_plan(f"num_digits({n}, {base})")


def _in_base(formulas, base_ref, ref):
    from .competition_forms import in_base

    n, base = whole_number(formulas, ref), whole_number(formulas, base_ref)
    if n is None or base is None or not 2 <= base <= 36 or not 0 <= n <= 10**100:
        return None
    return in_base(RoutedCall("calculator", str(n), str(n), CheckKind.ARITHMETIC), base)


DIVISOR_FAMILIES = [
    (re.compile(r"how\s+many\s+(?:zeros|zeroes)\s+are\s+(?:there\s+)?at\s+the\s+end\s+of\s+" + N, I), _trailing_zeros),
    (re.compile(r"how\s+many\s+(?:zeros|zeroes)\s+does\s+" + N + r"\s+end\s+(?:with|in)", I), _trailing_zeros),
    (re.compile(r"how\s+many\s+(?:trailing\s+)?(?:zeros|zeroes)\s+(?:does|is)\s+" + N + r"\s+(?:end\s+in|have)"
                r"(?:\s+at\s+the\s+end)?", I), _trailing_zeros),
    (re.compile(ASK + r"\s+the\s+(?:exponent|power)\s+of\s+" + N + r"\s+in\s+the\s+prime\s+factorization\s+of\s+" + N, I),
     _power_in_factorial),
    (re.compile(ASK + r"\s+the\s+(?:largest|greatest)\s+(?:positive\s+)?(?:integer\s+)?" + F +
                r"\s+(?:such\s+that|for\s+which)\s+" + F + r"\s+(?:divides|is\s+a\s+factor\s+of)\s+" + N, I),
     _power_named),
    (re.compile(r"the\s+number\s+" + N + r"\s+ends\s+in\s+how\s+many\s+zeros(?:\s+when\s+(?:expressed|written)\s+as\s+an\s+"
                r"integer)?", I), _trailing_zeros),
    (re.compile(r"find\s+the\s+units\s+digit\s+of\s+the\s+following\s+within\s+the\s+indicated\s+number\s+base\s*:\s*" + F, I),
     _units_in_base),
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
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+reciprocals\s+of\s+the\s+(?:natural[- ]number\s+|positive\s+)?(?:factors|"
                r"divisors)\s+of\s+" + COUNT, I), _reciprocal_sum),
    (re.compile(r"the\s+(least\s+common\s+multiple|greatest\s+common\s+divisor)\s+of\s+two\s+(?:positive\s+)?(?:integers|numbers)\s+"
                r"is\s+" + COUNT + r"\s*,?\s+and\s+their\s+(?:least\s+common\s+multiple|greatest\s+common\s+divisor)\s+is\s+"
                + COUNT + r"\.\s+given\s+that\s+one\s+of\s+the\s+(?:integers|numbers)\s+is\s+" + COUNT + r"\s*,\s+what\s+is\s+"
                r"the\s+other\s+(?:integer|number)", I),
     lambda fs, kind, first, second, a: _other_number(fs, first, kind, second, a)),
    (re.compile(ASK + r"\s+the\s+product\s+of\s+the\s+(?:greatest\s+common\s+(?:divisor|factor))\s+and\s+the\s+least\s+common\s+"
                r"multiple\s+of\s+" + COUNT + r"\s+and\s+" + COUNT, I), _gcd_lcm("*")),
    (re.compile(ASK + r"\s+the\s+product\s+of\s+the\s+least\s+common\s+multiple\s+and\s+the\s+greatest\s+common\s+"
                r"(?:divisor|factor)\s+of\s+" + COUNT + r"\s+and\s+" + COUNT, I), _gcd_lcm("*")),
    (re.compile(ASK + r"\s+the\s+sum\s+of\s+the\s+(?:greatest\s+common\s+(?:divisor|factor))\s+and\s+the\s+least\s+common\s+"
                r"multiple\s+of\s+" + COUNT + r"\s+and\s+" + COUNT, I), _gcd_lcm(" + ")),
    (re.compile(r"the\s+product\s+of\s+(?:the\s+)?integers\s+" + COUNT + r"\s+and\s+⟨\d+⟩\s+is\s+a\s+perfect\s+(square|cube)\.\s+what\s+"
                r"is\s+the\s+smallest\s+possible\s+positive\s+value\s+of\s+⟨\d+⟩", I), _power_completion),
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
]
