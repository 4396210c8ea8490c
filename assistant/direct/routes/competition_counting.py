"""Counting and probability in the words MATH uses: arrangements, seatings, committees, balls in boxes, coins, dice.

"How many diagonals does a convex decagon have?", "In how many ways can a President and a Vice-President be chosen
from a group of 5 people ...?", "We flip a fair coin 10 times. What is the probability that we get heads in exactly 8
of the 10 flips?", "Two dice are tossed. What is the probability that the sum is greater than three?". A condition not
read (in a row, at least one of, reflections) makes the sentence fail to match whole, and the question goes on.
"""
from __future__ import annotations

import re

from .competition_reading import N, formula_of
from .numbertheory_reading import (COUNT, HOW, MAX_LISTED, I, class_count_call, recount_plan, whole_number)

POLYGONS = {"pentagon": 5, "hexagon": 6, "heptagon": 7, "octagon": 8, "nonagon": 9, "decagon": 10,
            "hendecagon": 11, "undecagon": 11, "dodecagon": 12, "icosagon": 20}


def _diagonals(formulas, name, sides_ref):
    n = POLYGONS.get(name.lower()) if name else whole_number(formulas, sides_ref)
    if n is None or not 3 <= n <= 1_000:
        return None
    return recount_plan(f"{n}*({n} - 3)/2")


def _people(formulas, ref) -> int | None:
    n = whole_number(formulas, ref)
    return n if n is not None and 1 <= n <= 1_000 else None


def _circle(formulas, ref):
    n = _people(formulas, ref)
    return None if n is None or n < 3 else recount_plan(f"({n} - 1)!")


def _ring(formulas, ref):
    """Keys on a ring, beads on a bracelet: turning and flipping give the same one, (n-1)!/2."""
    n = _people(formulas, ref)
    return None if n is None or n < 3 else recount_plan(f"({n} - 1)!/2")


def _row(formulas, ref):
    n = _people(formulas, ref)
    return None if n is None else recount_plan(f"{n}!/0!")


def _subsets(formulas, ref):
    n = whole_number(formulas, ref)
    return None if n is None or not 0 <= n <= 60 else recount_plan(f"2^{n}")


def _handshakes(formulas, ref, ref_again=None):
    n = _people(formulas, ref)
    if n is None or n < 2 or ref_again is not None and _people(formulas, ref_again) != n:
        return None
    return recount_plan(f"binomial({n}, 2)")


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
    return recount_plan(f"{n}!/{n - len(named)}!")


ROLE_NOUNS = re.compile(r"^(?:president|vice|secretar|treasurer|officer|chair|winner|medal|first|second|third|"
                        r"place|prize|position|seat|order|rank|leader)", I)


def _choose(formulas, k_ref, chosen, n_ref, pool):
    """'choose 3 books from a shelf of 6 books': k alike things from n, order not counted. Things with roles
    (officers, prizes, places) are ordered choices: not read here."""
    k, n = whole_number(formulas, k_ref), whole_number(formulas, n_ref)
    if k is None or n is None or not 0 <= k <= n <= 1_000 or ROLE_NOUNS.match(chosen) or ROLE_NOUNS.match(pool):
        return None
    if not chosen.lower().endswith("s") and k != 1:
        return None
    return recount_plan(f"binomial({n}, {k})")


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
             "even": class_count_call(1, n, 0, 2), "odd": class_count_call(1, n, 1, 2)}
    if kind in fixed:
        return fixed[kind]
    m = re.fullmatch(r"(a multiple of|divisible by|a (?:factor|divisor) of|greater than|more than|less than|at least|"
                     r"at most) (.+)", kind)
    k = whole_number(formulas, m.group(2)) if m else None
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
    n = whole_number(formulas, n_ref)
    if n is None or not 2 <= n <= 10**5:
        return None
    count = _count_of_kind(formulas, n, kind)
    return None if count is None else recount_plan(f"({count})/{n}")


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
    """Balls into boxes: labelled into labelled (k^n), alike into labelled (stars and bars), labelled into alike (set
    partitions into at most k blocks) or alike into alike (partitions of n into at most k parts); the last two only for
    2 or 3 boxes, where a closed form is short. The check lists the placements each time."""
    n, k = whole_number(formulas, n_ref), whole_number(formulas, k_ref)
    ball = DISTINCT.get(re.sub(r"\s+", " ", balls.lower()))
    box = DISTINCT.get(re.sub(r"\s+", " ", boxes_said.lower())) if boxes_said else _boxes_from(boxes_word, ball)
    if n is None or k is None or ball is None or box is None or not 1 <= n <= 50 or not 1 <= k <= 50:
        return None
    if box:
        if (k**n > 200_000) if ball else ((n + 1) ** k > MAX_LISTED):
            return None  # more placements than the check lists
        return recount_plan(f"{k}^{n}" if ball else f"binomial({n} + {k} - 1, {k} - 1)")
    if k not in (2, 3) or n > 12:
        return None
    if ball:
        return recount_plan(f"2^({n} - 1)" if k == 2 else f"(3^({n} - 1) + 1)/2")
    return recount_plan(f"floor({n}/2) + 1" if k == 2 else f"round(({n} + 3)^2/12)")


def _boxes_from(said: str, ball: bool | None) -> bool | None:
    """'... but the boxes are not' (after labelled balls), '... but the boxes are' (after alike ones), 'and the boxes
    are (not)' (after labelled ones); any other pairing reads two ways and is not read."""
    said = re.sub(r"\s+", " ", said.lower())
    if said == "but the boxes are not":
        return False if ball else None
    if said == "but the boxes are":
        return True if ball is False else None
    if said in ("and the boxes are", "and the boxes are not"):
        return (said == "and the boxes are") if ball else None
    return None


AMOUNTS = {"exactly": lambda k, n: [k], "at least": lambda k, n: list(range(k, n + 1)),
           "at most": lambda k, n: list(range(0, k + 1))}


def _coin(formulas, flips_ref, how, k_ref, flips_again):
    """Heads in exactly / at least / at most k of n fair flips: the binomials of the counts of heads, over 2^n."""
    n, k = whole_number(formulas, flips_ref), whole_number(formulas, k_ref)
    if n is None or k is None or not 0 <= k <= n <= 20 or flips_again and whole_number(formulas, flips_again) != n:
        return None
    heads = AMOUNTS[re.sub(r"\s+", " ", how.lower())](k, n)
    if len(heads) == 1:
        return recount_plan(f"binomial({n}, {k})/2^{n}")
    return recount_plan(f"({' + '.join(f'binomial({n}, {h})' for h in heads)})/2^{n}")


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
        s = whole_number(formulas, ref)
        if s is None or not 0 <= s <= 20:
            return None
        holds = SUM_RELATIONS[re.sub(r"\s+", " ", (relation or "").lower()).strip()]
        wanted = [t for t in range(2, 13) if holds(t, s)]
    if not wanted or len(wanted) == 11:
        return None  # certain or impossible: the question means something else
    if len(wanted) == 1:
        return recount_plan(f"(6 - abs({wanted[0]} - 7))/36")
    return recount_plan(f"({' + '.join(f'(6 - abs({t} - 7))' for t in wanted)})/36")


DIE_FACES = {"octahedral": 8, "cubical": 6, "six-sided": 6, "standard": 6, "dodecahedral": 12, "icosahedral": 20,
             "tetrahedral": 4}


def _expected_die(formulas, kind, sides_ref, low_ref, high_ref, faces_ref=None, low_again=None, high_again=None):
    n = DIE_FACES.get(kind.lower()) if kind else whole_number(formulas, sides_ref)
    if faces_ref is not None:
        if whole_number(formulas, faces_ref) != n:
            return None
        low_ref, high_ref = low_again, high_again
    if low_ref is not None and (whole_number(formulas, low_ref) != 1 or whole_number(formulas, high_ref) != n):
        return None
    if kind and kind.lower() in ("octahedral", "dodecahedral", "icosahedral", "tetrahedral") and low_ref is None:
        return None  # faces not said: a polyhedral die's numbering is not assumed
    return None if n is None or not 2 <= n <= 10**6 else recount_plan(f"({n} + 1)/2")


TWO_DICE = (r"(?:two|2)\s+(?:fair\s+)?(?:standard\s+)?(?:(?:6|six)-sided\s+)?dice\s+are\s+(?:rolled|tossed|thrown)\.\s+what\s+is\s+"
            r"the\s+probability\s+that\s+the\s+sum\s+(?:rolled\s+|of\s+the\s+(?:two\s+)?numbers\s+(?:rolled|showing)\s+)?is")


COUNTING_FAMILIES = [
    (re.compile(r"how\s+many\s+ways\s+are\s+there\s+to\s+(?:put|place|distribute)\s+" + COUNT + r"\s+(" + KINDS_OF_BALL +
                r")\s+balls\s+(?:in|into)\s+" + COUNT + r"\s+(" + KINDS_OF_BALL + r")\s+boxes", I), _balls_named),
    (re.compile(r"how\s+many\s+ways\s+are\s+there\s+to\s+(?:put|place|distribute)\s+" + COUNT + r"\s+balls\s+(?:in|into)\s+"
                + COUNT + r"\s+boxes\s+if\s+the\s+balls\s+are\s+(distinguishable|indistinguishable|not\s+distinguishable|"
                r"distinct|identical)\s+(and\s+the\s+boxes\s+are\s+not|and\s+the\s+boxes\s+are|but\s+the\s+boxes\s+are\s+not|"
                r"but\s+the\s+boxes\s+are)(?:\s+(distinguishable|indistinguishable|not\s+distinguishable|distinct|identical))?",
                I), _balls),
    (re.compile(r"how\s+many\s+diagonals\s+does\s+a\s+(?:convex\s+)?(?:regular\s+)?(?:(" + "|".join(POLYGONS) +
                r")|polygon\s+with\s+" + COUNT + r"\s+sides)\s+have", I), _diagonals),
    (re.compile(r"how\s+many\s+(?:distinct\s+)?diagonals\s+of\s+a\s+(?:convex\s+)?(?:regular\s+)?(" + "|".join(POLYGONS) +
                r")(?:\s*\(\s*" + COUNT + r"-sided\s+polygon\s*\))?\s+can\s+be\s+drawn", I),
     lambda fs, name, sides: _diagonals(fs, name, None) if sides is None or POLYGONS[name.lower()] == whole_number(fs, sides)
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
