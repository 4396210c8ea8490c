"""What crosses the boundary between a reader, the runner and a grader."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# number: compare as numbers; expression: symbolic equivalence (MATH-style); choice: option letters;
# text: normalised string equality (True/False, words)
Kind = Literal["number", "expression", "choice", "text"]


@dataclass(frozen=True)
class Item:
    id: str  # stable within its file, so an interrupted run can resume by id
    question: str  # exactly what the assistant is asked
    gold: str  # the reference answer as the dataset writes it
    kind: Kind = "number"
    choices: dict[str, str] = field(default_factory=dict)  # letter -> option text, for kind "choice"
    meta: dict[str, str] = field(default_factory=dict)  # level, type, module: for breakdowns


@dataclass(frozen=True)
class Skipped:
    """A record a reader could not use, with where and why: hostile files are reported, not fatal."""

    where: str
    reason: str


@dataclass
class Dataset:
    name: str
    path: str
    format: str
    items: list[Item]
    skipped: list[Skipped] = field(default_factory=list)
