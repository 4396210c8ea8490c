"""Reading a composed question: the statements before it ("Let b be u(r).", "Suppose 2*r + 8 = 0.") and the
question that follows them. Only reading happens here (calx's own parser, never eval); resolve.py evaluates.

The shapes read, each a sentence of its own (or a clause before ", what is ...", or one line):
    Let o be EXPR. / Let o = EXPR. / let a = 3 and b = 4   a name bound to a value
    Let u(h) = EXPR. / u(h) = EXPR / if f(x) = 4x^3 - x, ...  a function of one variable
    Let y(m) be the second derivative of EXPR.           a function defined as a derivative
    Suppose EQ, EQ. / Let EQ. / Suppose EQ and EQ.       equations whose solution binds the unknown names
A sentence of any other shape ends the statements: it and everything after it is the question. Functions may
also be defined after the question: "what is h(2) if h(x) = 4x^3 - x + 7?".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tools.parsing import Node, ParseError, Relation, Seq, parse

I = re.IGNORECASE
NAME = r"[a-zA-Z]"
OPENER = re.compile(r"^\s*(?:let|suppose|assume|given|if|define|consider)\s+(?:that\s+)?", I)
# "Let g be the function defined by g(x) = ...": the definition itself follows the words
FUNCTION_WORDS = re.compile(rf"^({NAME})\s+be\s+(?:the|a)\s+function\s+(?:defined\s+by|given\s+by|with|where)\s+"
                            rf"(?=\1\()", I)
# the clause ", what is h(2)?" after an opening statement is the question (the "if h(x) = ..., what is")
CLAUSE_QUESTION = re.compile(r",\s*(?=(?:then\s+)?(?:what|find|calculate|compute|evaluate|determine|give|is|how)\b)", I)
# "f(x) = x^2 + 1, g(x) = 2x - 3" and "f(x) = ... and g(x) = ...": two definitions in one sentence
NEXT_DEFINITION = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:let\s+)?{NAME}\(\s*{NAME}\s*\)\s*=)", I)
# "let a = 3 and b = 4": the second binding under the same "let"
NEXT_BINDING = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?={NAME}\s*(?:=|be\b))", I)
# a decimal point is followed by a digit, never by a space; a line break ends a statement typed without a stop
SENTENCE_END = re.compile(r"(?<=[.?!;])\s+|\s*\n\s*")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
BIND = re.compile(rf"^({NAME})(?:\s*=|\s+be\s)\s*(.+)$")
DEFINE = re.compile(rf"^({NAME})\(\s*({NAME})\s*\)\s*=\s*(.+)$")
DERIVE = re.compile(rf"^({NAME})\(\s*({NAME})\s*\)\s+be\s+the\s+({'|'.join(ORDINALS)})\s+derivative\s+of\s+(.+)$", I)
MAX_STATEMENTS = 12


@dataclass(frozen=True)
class Bind:
    name: str
    expr: Node
    text: str


@dataclass(frozen=True)
class Define:
    name: str
    param: str
    body: Node
    text: str


@dataclass(frozen=True)
class Derive:
    name: str
    param: str
    order: int
    body: Node
    text: str


@dataclass(frozen=True)
class Equations:
    equations: tuple[Relation, ...]
    text: str


Statement = Bind | Define | Derive | Equations


@dataclass(frozen=True)
class Reading:
    statements: tuple[Statement, ...]
    question: str  # the final sentence(s), as written
    functions: frozenset[str]  # the names the statements define as functions


def read(question: str) -> Reading | None:
    """The statements and the final question, or None when the text does not open with statements."""
    return _opening(question) or _trailing(question)


# "what is h(2) if h(x) = 4x^3 - x + 7?": functions defined after the question
TRAILING = re.compile(rf"^(.+?)\s*,?\s+(?:if|where|when|given(?:\s+that)?)\s+"
                      rf"({NAME}\(\s*{NAME}\s*\)\s*=.+?)\s*[?.]?\s*$", I)


def _trailing(question: str) -> Reading | None:
    m = TRAILING.match(question.strip())
    if not m or re.search(r"[A-Za-z]['′]+\(", m.group(1)):  # "f'(x) if f(x) = x^3" is the symbolic route's one call
        return None
    statements: list[Statement] = []
    for part in NEXT_DEFINITION.split(m.group(2)):
        statement = _define(part.strip(), part.strip(), frozenset(s.name for s in statements))
        if statement is None:
            return None
        statements.append(statement)
    return Reading(tuple(statements), m.group(1).strip() + "?", frozenset(s.name for s in statements))


def _opening(question: str) -> Reading | None:
    sentences = _sentences(question)
    starts = _offsets(question, sentences)
    statements: list[Statement] = []
    functions: set[str] = set()
    for k, sentence in enumerate(sentences):
        opener = re.match(r"^\s*(let|if|given)\s", statements[-1].text, I) if statements else None
        if opener and BIND.match(sentence):
            sentence = f"{opener.group(1)} {sentence}"  # the second binding of "let a = 3 and b = 4"
        statement = _statement(sentence, frozenset(functions))
        if statement is None:
            if not statements or _looks_like_statement(sentence):
                return None  # no statements, or one this reader cannot read: not for this route
            return Reading(tuple(statements), question[starts[k]:].strip(), frozenset(functions))
        statements.append(statement)
        if isinstance(statement, (Define, Derive)):
            functions.add(statement.name)
        if len(statements) > MAX_STATEMENTS:
            return None
    return None  # statements with no question after them


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for sentence in SENTENCE_END.split(text.strip()):
        if OPENER.match(sentence) or DEFINE.match(sentence):
            statement, *question = CLAUSE_QUESTION.split(sentence, maxsplit=1)
            parts = NEXT_DEFINITION.split(statement)
            if re.match(r"^\s*(?:let|if|given)\s", statement, I):
                parts = [q for p in parts for q in NEXT_BINDING.split(p)]
            sentences.extend(p.strip() for p in parts + question if p.strip())
        elif sentence.strip():
            sentences.append(sentence.strip())
    return sentences


def _offsets(text: str, sentences: list[str]) -> list[int]:
    """Where each sentence starts in the text: the question is kept as written, spacing and all."""
    starts, pos = [], 0
    for sentence in sentences:
        pos = text.find(sentence, pos)
        starts.append(pos)
        pos += len(sentence)
    return starts


def _looks_like_statement(sentence: str) -> bool:
    """An unread "Let ..." or "Suppose ..." is a statement this reader missed: the question is not read at all."""
    return bool(re.match(r"^\s*(?:let|suppose|assume|given|define)\b", sentence, I)) or bool(DEFINE.match(sentence))


def _statement(sentence: str, functions: frozenset[str]) -> Statement | None:
    body = sentence.strip()
    if body.endswith((".", ";")):
        body = body[:-1].rstrip()
    opener = OPENER.match(body)
    if opener is None:
        return _define(body, body, functions)  # "f(x) = x^2 + 1" with no "let"
    text = FUNCTION_WORDS.sub("", body[opener.end():].strip())
    return (_derive(text, body, functions) or _define(text, body, functions) or _bind(text, body, functions)
            or _equations(text, body, functions))


def _parse(text: str, functions: frozenset[str]) -> Node | None:
    try:
        return parse(text, applied=functions)
    except ParseError:
        return None


def _bind(text: str, sentence: str, functions: frozenset[str]) -> Bind | None:
    m = BIND.match(text)
    if not m or m.group(1) in functions:
        return None
    expr = _parse(m.group(2), functions)
    if expr is None or isinstance(expr, (Relation, Seq)):
        return None
    return Bind(m.group(1), expr, sentence)


def _define(text: str, sentence: str, functions: frozenset[str]) -> Define | None:
    m = DEFINE.match(text)
    if not m or m.group(1) in functions or m.group(1) == m.group(2):  # "Let s(y) = 0" of a known s is an equation
        return None
    body = _parse(m.group(3), functions | {m.group(1)})
    if body is None or isinstance(body, (Relation, Seq)):
        return None
    return Define(m.group(1), m.group(2), body, sentence)


def _derive(text: str, sentence: str, functions: frozenset[str]) -> Derive | None:
    m = DERIVE.match(text)
    if not m or m.group(1) in functions:
        return None
    body = _parse(m.group(4), functions)
    if body is None or isinstance(body, (Relation, Seq)):
        return None
    return Derive(m.group(1), m.group(2), ORDINALS[m.group(3).lower()], body, sentence)


def _equations(text: str, sentence: str, functions: frozenset[str]) -> Equations | None:
    tree = _parse(text, functions)
    if tree is None and re.search(r"\s+and\s+", text):  # "x + y = 10 and x - y = 2"
        tree = _parse(re.sub(r"\s+and\s+", ", ", text), functions)
    if isinstance(tree, Relation) and tree.op == "=":
        return Equations((tree,), sentence)
    if isinstance(tree, Seq) and tree.bracket == "" and all(
            isinstance(t, Relation) and t.op == "=" for t in tree.items):
        return Equations(tuple(tree.items), sentence)
    return None
