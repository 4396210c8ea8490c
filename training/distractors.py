"""Irrelevant sentences with a number (the GSM-IC idea): added to a problem, its answer and chain stay the same.

The sentences are written for calx. They talk about other people and things than the problem's
own, so the model learns that a number in the question is not always part of the answer.
"""
from __future__ import annotations

import random
import re

from .words import person, thing

_TEMPLATES = (
    "{P} has {n} {things}.",
    "{P}'s brother is {n} years old.",
    "{P} lives {n} miles from the city.",
    "The shop down the street opened {n} years ago.",
    "{P} has read {n} books this year.",
    "It rained on {n} days last month.",
    "{P}'s neighbor keeps {n} goldfish.",
    "The library has {n} computers.",
    "{P} walked {n} blocks to the park yesterday.",
    "There are {n} trees on {P}'s street.",
    "{P} bought {n} {things} last week for a friend.",
    "The bus to school has {n} seats.",
)


def sentence(rng: random.Random, avoid_names: set[str]) -> str:
    while True:
        p = person(rng)
        if p.name not in avoid_names:
            break
    plural, _ = thing(rng)
    n = rng.randint(2, 90)
    return rng.choice(_TEMPLATES).format(P=p.name, n=n, things=plural)


def insert(question: str, rng: random.Random) -> str | None:
    """The question with one irrelevant sentence put before its last sentence; None when it has one sentence."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", question.strip())
    if len(parts) < 2:
        return None
    names = set(re.findall(r"\b[A-Z][a-z]+\b", question))
    at = rng.randint(1, len(parts) - 1)  # never first (the problem's subject comes first), never after the question
    parts.insert(at, sentence(rng, names))
    return " ".join(parts)
