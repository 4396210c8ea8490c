"""Few-shot Calc-X chains written for calx (no benchmark item is used here).

Each example is a problem, the reasoning steps (a short thought and a gadget call each), the
tool's output and the result. The outputs are what the calculator returns for the input; a
test checks them against the real tool so the prompt never teaches a wrong output format.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Call:
    thought: str
    tool: str
    input: str
    output: str


@dataclass(frozen=True)
class Example:
    problem: str
    calls: tuple[Call, ...]
    result: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        "A baker fills 14 trays with 23 rolls on each tray. How many rolls does the baker make?",
        (Call("There are 14 trays of 23 rolls.", "calculator", "14 * 23", "322"),),
        "322",
    ),
    Example(
        "Nora had some stickers. Her brother gave her 38 more, and now she has 91 stickers. How many stickers did Nora have at first?",
        (Call("She had 91 minus the 38 she was given.", "calculator", "91 - 38", "53"),),
        "53",
    ),
    Example(
        "A school shares 156 books equally among 12 classrooms. How many books does each classroom get?",
        (Call("156 books are split into 12 equal parts.", "calculator", "156 / 12", "13"),),
        "13",
    ),
    Example(
        "A ferry carried 2718 people on Monday and 4075 people on Tuesday. How many people did it carry on both days?",
        (Call("Add the two days.", "calculator", "2718 + 4075", "6793"),),
        "6793",
    ),
    Example(
        "Leo buys 4 notebooks at 3 dollars each and pays with a 20 dollar bill. How much change does he get?",
        (
            Call("First the cost of the notebooks.", "calculator", "4 * 3", "12"),
            Call("Then the change from 20 dollars.", "calculator", "20 - 12", "8"),
        ),
        "8",
    ),
    Example(
        "A rope 9 meters long is cut into 4 equal pieces. How long is each piece?",
        (Call("9 meters split into 4 pieces.", "calculator", "9 / 4", "9/4 = around 2.25"),),
        "9/4",
    ),
)
