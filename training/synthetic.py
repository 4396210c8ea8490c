"""Word problems generated for calx from its own templates: what GSM8K's 3-4 step solutions do not teach.

Families: one-step change, combine and compare problems (including the start or the change unknown),
groups and sharing, unit prices and rates, fractions and percents, and two-step mixtures. Many carry
an irrelevant sentence with a number (distractors.py), so the model learns which numbers matter.
Written from general knowledge of school word problems; no benchmark item or template is used.

Each generator returns (question, [(thought, calculator input)], result); the calculator computes
every output when the chain is built, and a chain whose result is not its last output is refused.
"""
from __future__ import annotations

import random
from typing import Callable

from .words import CONTAINERS, GET_VERBS, GROUPS, PLACES, person, thing, lose_verb

Plan = tuple[str, list[tuple[str, str]], str]
FAMILIES: dict[str, Callable[[random.Random], Plan]] = {}


def family(fn: Callable[[random.Random], Plan]) -> Callable[[random.Random], Plan]:
    FAMILIES[fn.__name__] = fn
    return fn


def _n(rng: random.Random, lo: int = 2, hi: int = 60) -> int:
    if rng.random() < 0.2:
        hi *= 10
    return rng.randint(lo, hi)


def _money(rng: random.Random, lo: int = 1, hi: int = 40) -> str:
    whole = rng.randint(lo, hi)
    if rng.random() < 0.3:
        return f"{whole}.{rng.choice(['25', '50', '75', '20', '40', '99'])}"
    return str(whole)


def _ask(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


@family
def join(rng):
    a, (pl, _), (verb, _) = person(rng), thing(rng), rng.choice(GET_VERBS)
    x, y = _n(rng), _n(rng)
    q = _ask(rng, f"How many {pl} does {a.name} have now?", f"How many {pl} does {a.he} have in all?",
             f"How many {pl} does {a.name} have altogether?")
    text = f"{a.name} has {x} {pl}. {a.he.capitalize()} {verb} {y} more. {q}"
    return text, [(f"{a.name} has {x}+{y} {pl} now", f"{x}+{y}")], str(x + y)


@family
def separate(rng):
    a, (pl, _) = person(rng), thing(rng)
    verb, past, _ = lose_verb(rng, pl)
    x = _n(rng, 10, 90)
    y = rng.randint(1, x - 1)
    q = _ask(rng, f"How many {pl} does {a.name} have left?", f"How many {pl} are left?",
             f"How many {pl} does {a.he} have now?")
    text = f"{a.name} had {x} {pl}. {a.he.capitalize()} {past} {y} of them. {q}"
    return text, [(f"{a.name} has {x}-{y} {pl} left", f"{x}-{y}")], str(x - y)


@family
def combine(rng):
    a = person(rng)
    b = person(rng, a)
    pl, _ = thing(rng)
    x, y = _n(rng), _n(rng)
    q = _ask(rng, f"How many {pl} do they have altogether?", f"How many {pl} do {a.name} and {b.name} have in total?",
             f"How many {pl} do they have together?")
    text = f"{a.name} has {x} {pl} and {b.name} has {y} {pl}. {q}"
    return text, [(f"Together they have {x}+{y} {pl}", f"{x}+{y}")], str(x + y)


@family
def compare_difference(rng):
    a = person(rng)
    b = person(rng, a)
    pl, _ = thing(rng)
    x = _n(rng, 10, 90)
    y = rng.randint(1, x - 1)
    if rng.random() < 0.5:
        q = f"How many more {pl} does {a.name} have than {b.name}?"
    else:
        q = f"How many fewer {pl} does {b.name} have than {a.name}?"
    first, second = (f"{a.name} has {x} {pl}", f"{b.name} has {y} {pl}")
    if rng.random() < 0.5:
        first, second = second, first
    text = f"{first}. {second}. {q}"
    return text, [(f"The difference is {x}-{y} {pl}", f"{x}-{y}")], str(x - y)


@family
def compare_derived(rng):
    a = person(rng)
    b = person(rng, a)
    pl, _ = thing(rng)
    x = _n(rng, 10, 90)
    if rng.random() < 0.5:
        y = _n(rng)
        text = f"{a.name} has {x} {pl}. {b.name} has {y} more {pl} than {a.name}. How many {pl} does {b.name} have?"
        return text, [(f"{b.name} has {x}+{y} {pl}", f"{x}+{y}")], str(x + y)
    y = rng.randint(1, x - 1)
    text = f"{a.name} has {x} {pl}. {b.name} has {y} fewer {pl} than {a.name}. How many {pl} does {b.name} have?"
    return text, [(f"{b.name} has {x}-{y} {pl}", f"{x}-{y}")], str(x - y)


@family
def compare_reverse(rng):
    """The relation is stated from the known side: 'A has 40, which is 12 more than B'."""
    a = person(rng)
    b = person(rng, a)
    pl, _ = thing(rng)
    x = _n(rng, 15, 90)
    y = rng.randint(1, x - 1)
    if rng.random() < 0.5:
        text = f"{a.name} has {x} {pl}. That is {y} more than {b.name} has. How many {pl} does {b.name} have?"
        return text, [(f"{b.name} has {x}-{y} {pl}", f"{x}-{y}")], str(x - y)
    text = f"{a.name} has {y} {pl}, which is {x - y} fewer than {b.name}. How many {pl} does {b.name} have?"
    return text, [(f"{b.name} has {y}+{x - y} {pl}", f"{y}+{x - y}")], str(x)


@family
def start_unknown(rng):
    a, (pl, _) = person(rng), thing(rng)
    y, z = _n(rng), _n(rng, 10, 90)
    if rng.random() < 0.5:
        verb, past = rng.choice(GET_VERBS)
        z += y
        text = (f"{a.name} had some {pl}. {a.he.capitalize()} {past} {y} more, and now {a.he} has {z} {pl}. "
                f"How many {pl} did {a.name} have at first?")
        return text, [(f"At first {a.name} had {z}-{y} {pl}", f"{z}-{y}")], str(z - y)
    verb, past, _ = lose_verb(rng, pl)
    text = (f"{a.name} had some {pl}. After {a.he} {past} {y} of them, {a.he} has {z} left. "
            f"How many {pl} did {a.name} have to begin with?")
    return text, [(f"At first {a.name} had {z}+{y} {pl}", f"{z}+{y}")], str(z + y)


@family
def change_unknown(rng):
    a = person(rng)
    b = person(rng, a)
    pl, _ = thing(rng)
    x = _n(rng, 5, 60)
    z = x + _n(rng, 1, 60)
    if rng.random() < 0.5:
        text = (f"{a.name} had {x} {pl}. {b.name} gave {a.him} some more, and now {a.name} has {z} {pl}. "
                f"How many {pl} did {b.name} give {a.him}?")
        return text, [(f"{b.name} gave {z}-{x} {pl}", f"{z}-{x}")], str(z - x)
    _, past, base = lose_verb(rng, pl)
    text = f"{a.name} had {z} {pl}. {a.he.capitalize()} {past} some and now has {x}. How many {pl} did {a.he} {base}?"
    return text, [(f"The change is {z}-{x} {pl}", f"{z}-{x}")], str(z - x)


@family
def groups_total(rng):
    a, (pl, _), (cpl, csg) = person(rng), thing(rng), rng.choice(CONTAINERS)
    x, y = _n(rng, 2, 20), _n(rng, 2, 25)
    text = rng.choice((
        f"{a.name} has {x} {cpl} with {y} {pl} in each. How many {pl} does {a.he} have in all?",
        f"There are {x} {cpl} and each {csg} holds {y} {pl}. How many {pl} are there in total?",
        f"Each {csg} has {y} {pl}. How many {pl} are in {x} {cpl}?",
    ))
    return text, [(f"There are {x}*{y} {pl}", f"{x}*{y}")], str(x * y)


@family
def share_equally(rng):
    a, (pl, _) = person(rng), thing(rng)
    y, each = _n(rng, 2, 12), _n(rng, 2, 25)
    x = y * each
    who = rng.choice(("friends", "classmates", "cousins", "children", "teams"))
    text = f"{a.name} shares {x} {pl} equally among {y} {who}. How many {pl} does each get?"
    return text, [(f"Each gets {x}/{y} {pl}", f"{x}/{y}")], str(each)


@family
def how_many_groups(rng):
    a, (pl, _), (cpl, csg) = person(rng), thing(rng), rng.choice(CONTAINERS)
    y, n = _n(rng, 2, 15), _n(rng, 2, 30)
    x = y * n
    text = f"{a.name} has {x} {pl} and puts {y} in each {csg}. How many {cpl} does {a.he} fill?"
    return text, [(f"{a.name} fills {x}/{y} {cpl}", f"{x}/{y}")], str(n)


@family
def unit_price(rng):
    a, (pl, sg) = person(rng), thing(rng)
    kind = rng.randrange(3)
    if kind == 0:
        n, p = _n(rng, 2, 12), _money(rng, 1, 20)
        text = f"One {sg} costs ${p}. How much do {n} {pl} cost?"
        return text, [(f"{n} {pl} cost {n}*{p} dollars", f"{n}*{p}")], None
    if kind == 1:
        n, price = _n(rng, 2, 12), _n(rng, 1, 20)
        total = n * price
        text = f"{a.name} paid ${total} for {n} {pl}. How much did each {sg} cost?"
        return text, [(f"Each {sg} cost {total}/{n} dollars", f"{total}/{n}")], str(price)
    price, n = _n(rng, 1, 15), _n(rng, 2, 20)
    text = f"{a.name} has ${price * n}. Each {sg} costs ${price}. How many {pl} can {a.he} buy?"
    return text, [(f"{a.name} can buy {price * n}/{price} {pl}", f"{price * n}/{price}")], str(n)


@family
def rate(rng):
    a = person(rng)
    kind = rng.randrange(4)
    if kind == 0:
        r, d = _n(rng, 5, 60), _n(rng, 2, 14)
        text = f"{a.name} reads {r} pages every day. How many pages does {a.he} read in {d} days?"
        return text, [(f"{a.name} reads {r}*{d} pages", f"{r}*{d}")], str(r * d)
    if kind == 1:
        s, h = _n(rng, 20, 70), _n(rng, 2, 9)
        text = f"A car travels at {s} miles per hour. How far does it go in {h} hours?"
        return text, [(f"It goes {s}*{h} miles", f"{s}*{h}")], str(s * h)
    if kind == 2:
        s, h = _n(rng, 20, 70), _n(rng, 2, 9)
        text = f"A train covers {s * h} kilometers in {h} hours. What is its average speed in kilometers per hour?"
        return text, [(f"The speed is {s * h}/{h} kilometers per hour", f"{s * h}/{h}")], str(s)
    w, h = _n(rng, 8, 30), _n(rng, 2, 40)
    text = f"{a.name} earns ${w} an hour. How much does {a.he} earn for {h} hours of work?"
    return text, [(f"{a.name} earns {w}*{h} dollars", f"{w}*{h}")], str(w * h)


@family
def percent_of(rng):
    p = rng.choice((5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 12, 35))
    place = rng.choice(PLACES)
    total = rng.randint(2, 40) * 20
    who = rng.choice(("students", "visitors", "people"))
    text = f"There are {total} {who} at the {place}. {p}% of them are children. How many children are there?"
    return text, [(f"The children are {p}% of {total}", f"{total}*{p}/100")], None


@family
def discount(rng):
    a, (_, sg) = person(rng), thing(rng)
    p = rng.choice((10, 20, 25, 30, 40, 50, 15))
    price = rng.randint(2, 30) * 10
    text = f"A {sg} costs ${price}. It is on sale for {p}% off. How much does {a.name} pay for it?"
    steps = [(f"The discount is {price}*{p}/100 dollars", f"{price}*{p}/100")]
    off = price * p // 100 if price * p % 100 == 0 else None
    if off is None:
        return text, steps + [(f"{a.name} pays {price}-{price}*{p}/100 dollars", f"{price}-{price}*{p}/100")], None
    return text, steps + [(f"{a.name} pays {price}-{off} dollars", f"{price}-{off}")], str(price - off)


@family
def fraction_of(rng):
    a = person(rng)
    b = person(rng, a)
    pl, _ = thing(rng)
    k = rng.choice((2, 3, 4, 5, 8, 10))
    word = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 8: "an eighth", 10: "a tenth"}[k]
    x = k * _n(rng, 2, 20)
    if rng.random() < 0.5:
        text = f"{a.name} has {x} {pl}. {a.he.capitalize()} gives {word} of them to {b.name}. How many {pl} does {b.name} get?"
        return text, [(f"{b.name} gets {x}/{k} {pl}", f"{x}/{k}")], str(x // k)
    text = f"{a.name} has {x} {pl}. {a.he.capitalize()} gives {word} of them to {b.name}. How many {pl} does {a.name} have left?"
    return text, [(f"{a.name} gives away {x}/{k} {pl}", f"{x}/{k}"),
                  (f"{a.name} has {x}-{x // k} {pl} left", f"{x}-{x // k}")], str(x - x // k)


@family
def two_step_change(rng):
    a, (pl, _) = person(rng), thing(rng)
    _, gpast = rng.choice(GET_VERBS)
    _, lpast, _ = lose_verb(rng, pl)
    x, y = _n(rng, 10, 60), _n(rng, 5, 40)
    z = rng.randint(1, x + y - 1)
    text = f"{a.name} had {x} {pl}. {a.he.capitalize()} {gpast} {y} more and then {lpast} {z}. How many {pl} does {a.he} have now?"
    return text, [(f"After that {a.name} had {x}+{y} {pl}", f"{x}+{y}"),
                  (f"Then {a.name} has {x + y}-{z} {pl}", f"{x + y}-{z}")], str(x + y - z)


@family
def groups_plus_extra(rng):
    a, (pl, _), (cpl, csg) = person(rng), thing(rng), rng.choice(CONTAINERS)
    n, k, m = _n(rng, 2, 12), _n(rng, 2, 12), _n(rng, 1, 30)
    text = f"{a.name} has {n} {cpl} of {pl} with {k} in each {csg}, and {m} more {pl} that are not in a {csg}. How many {pl} does {a.he} have?"
    return text, [(f"The {cpl} hold {n}*{k} {pl}", f"{n}*{k}"),
                  (f"In all {a.name} has {n * k}+{m} {pl}", f"{n * k}+{m}")], str(n * k + m)


@family
def total_cost_change(rng):
    a, (pl, _) = person(rng), thing(rng)
    n, p = _n(rng, 2, 9), _n(rng, 1, 9)
    bill = rng.choice([b for b in (10, 20, 50, 100) if b > n * p] or [100])
    text = f"{a.name} buys {n} {pl} at ${p} each and pays with a ${bill} bill. How much change does {a.he} get?"
    return text, [(f"The {pl} cost {n}*{p} dollars", f"{n}*{p}"),
                  (f"The change is {bill}-{n * p} dollars", f"{bill}-{n * p}")], str(bill - n * p)


@family
def group_members(rng):
    members, group = rng.choice(GROUPS)
    g, each = _n(rng, 2, 12), _n(rng, 3, 30)
    extra = _n(rng, 1, 20)
    if rng.random() < 0.5:
        text = f"There are {g} {group}s with {each} {members} each. How many {members} are there?"
        return text, [(f"There are {g}*{each} {members}", f"{g}*{each}")], str(g * each)
    text = f"A {group} has {each} {members}. {extra} more {members} join. How many {members} does the {group} have now?"
    return text, [(f"The {group} has {each}+{extra} {members}", f"{each}+{extra}")], str(each + extra)


@family
def time_units(rng):
    a = person(rng)
    kind = rng.randrange(3)
    if kind == 0:
        h = _n(rng, 2, 12)
        text = f"{a.name} practiced piano for {h} hours this week. How many minutes is that?"
        return text, [(f"{h} hours are {h}*60 minutes", f"{h}*60")], str(h * 60)
    if kind == 1:
        w = _n(rng, 2, 12)
        text = f"A trip lasts {w} weeks. How many days is the trip?"
        return text, [(f"{w} weeks are {w}*7 days", f"{w}*7")], str(w * 7)
    m = 60 * _n(rng, 2, 10)
    text = f"A movie marathon lasts {m} minutes. How many hours is that?"
    return text, [(f"{m} minutes are {m}/60 hours", f"{m}/60")], str(m // 60)


@family
def average(rng):
    a = person(rng)
    k = rng.randint(3, 5)
    scores = [rng.randint(50, 100) for _ in range(k)]
    total = sum(scores)
    scores[-1] += (-total) % k  # a whole-number mean
    total = sum(scores)
    listed = ", ".join(map(str, scores[:-1])) + f" and {scores[-1]}"
    text = f"{a.name} scored {listed} points in {k} games. What was {a.his} average score?"
    return text, [(f"The total is {'+'.join(map(str, scores))} points", "+".join(map(str, scores))),
                  (f"The average is {total}/{k} points", f"{total}/{k}")], str(total // k)
