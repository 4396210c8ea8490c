"""A composed question's last sentence with the statements' results written in, and its answer written back.

"Which is bigger: b or n?" becomes "Which is bigger: 34 or -1?" for the ordinary routes; their answer 34 goes back
to "b", the name the question used. Function applications are computed first ("c(k)" with k known is a
value, "r(u(k))" with k free is the composed polynomial), each a checked step of the environment.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from tools.parsing import BinOp, Call, Name, Node, ParseError, parse, to_text

from ..answer import Check
from .exactpoly import Unsupported, to_poly
from .plan import PriorStep
from .statements import Derive
from .resolve import Environment, Unsure, Value, fraction_text, names_in, rename, unrename_text

OPTION_LABEL = re.compile(r"(?<=\s)\([a-h]\)(?=\s)")
LETTER = re.compile(r"(?<![A-Za-z_.\\])([A-Za-z])(?![A-Za-z0-9_(])")  # "3y" is 3 times y
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:/\d+)?(?!\w|\.\d)")  # "-0.1." ends a sentence
# words after which a lone "a" is still the name ("Is a composite?"), and words it may be followed by as a name
NAME_BEFORE = {"is", "does", "of", "by", "than", "sort", "put", "round", "divide", "when", "and", "in", "to"}
NAME_AFTER = {"or", "and", "is", "to", "in", "divided", "rounded", "than", "wrt", "minus", "plus", "times", "by"}
# the engines read these as constants; as statement variables (DeepMind's "Factor x(i).") they go as other letters.
# E and I stay what they are: a question that writes them in capitals means the constants.
CONSTANT_LETTERS = {"e", "i"}
# the sentences whose answer is one of the question's own numbers or names ("the smallest common multiple" is not)
COMPARISON = re.compile(
    r"^\s*(?:which|what)\s+is\s+(?:the\s+)?(?:bigger|smaller|greater|larger|less|lesser|biggest|smallest|largest|"
    r"nearest|closest|\w+\s+(?:biggest|smallest|largest))\b(?!\s+common)|^\s*(?:sort|put|order|arrange)\b", re.I)
TARGET = re.compile(r"\b(?:nearest|closest)\s+to\s+([A-Za-z]|-?\d+(?:\.\d+)?(?:/\d+)?)(?![\w/]|\.\d)")
# A negative or fractional value is written bare ("Sort -2, 1/3, 4") only between list separators or words that
# cannot bind to it; anywhere else it goes in parentheses: "x squared" with x = -2 must be (-2)^2, never -2^2,
# and "2 to the power x" with x = 1/2 never 2^1/2.
BARE_BEFORE = re.compile(r"(?:^|[,:]|\([a-h]\)|\b(?:is|are|do|does|in|and|or|than|sort|put|divide|when|round|"
                         r"between|(?:nearest|closest)\s+to))\s*$", re.I)
BARE_AFTER = re.compile(r"^\s*(?:$|[,?.;:]|\([a-h]\)|(?:or|and|in|is|rounded|divided|than|a|be|have|greater|less|"
                        r"smaller|bigger|larger|equal|not|at|different|unequal)\b|to\s+(?:the\s+nearest|\d+\s|"
                        r"\w+\s+(?:decimal|dps?\b|significant)))", re.I)


@dataclass(frozen=True)
class Final:
    text: str  # the question for the ordinary routes
    relabel: Callable[[str], str | None] | None


ASKS_FOR = r"^\s*(?:what\s+is|what\s+are|calculate|determine|find|give|solve\s+for)\s+({name})\s*[?.]?\s*$"
GIVE = re.compile(r"^\s*give\s+", re.I)  # "Give a(-168)." is "What is a(-168)?"
THEN = re.compile(r"^\s*(?:then|so|now)\s*,?\s+", re.I)  # "Then f(3) = ?" asks f(3)


def substitute(question: str, env: Environment) -> Final:
    if env.roots_of is not None:
        question = _roots_question(question, env)
    values: dict[str, Fraction] = {}  # what the question called each value it now shows: "b", "f(2)"
    text = _applications(GIVE.sub("What is ", THEN.sub("", question)), env, values)
    protected = {m.start() for m in OPTION_LABEL.finditer(text)}
    out, last = [], 0
    for m in LETTER.finditer(text):
        name = m.group(1)
        if name not in env.values or m.start() - 1 in protected or _is_article(text, m):
            continue
        out.append(text[last:m.start()])
        out.append(_value_text(env.values[name], text, m.start(), m.end()))
        values[name] = env.values[name].value
        last = m.end()
    out.append(text[last:])
    text = "".join(out)
    if set(env.functions) & _free_letters(text, skip_articles=True):
        raise Unsure("a function named but not applied (f'(x), f alone): not read here")
    renames = _fresh_letters(text, question)
    for old, new in renames.items():
        text = re.sub(rf"(?<![A-Za-z_.\\]){old}(?![A-Za-z0-9_(])", new, text)
    return Final(text, _relabel(question, values, renames, set(env.values)))


def _difference(eq) -> Node:
    return BinOp("-", eq.left, eq.right)


def _roots_question(question: str, env: Environment) -> str:
    """"Suppose g(i) = 0. What is i?": the question asks for the equation's roots; it becomes "Solve ... for i"."""
    name, equation = env.roots_of
    if not re.match(ASKS_FOR.format(name=re.escape(name)), question, re.I):
        raise Unsure("an equation that binds nothing, and a question that does not ask for its roots")
    if to_poly(_difference(equation)) != env.poly(_difference(env.roots_as_written)):
        raise Unsure("the substituted equation does not agree with the recomputation")
    free = sorted(names_in(equation))
    safe = {n: f"{n}1" for n in free}
    return f"Solve {unrename_text(to_text(rename(equation, safe)), safe)} for {name}."


# -- function applications -------------------------------------------------------------------------

def _applications(text: str, env: Environment, values: dict[str, Fraction]) -> str:
    """Each application of a known function, innermost first, replaced by its value or its polynomial."""
    text = _primed(text, env)
    for _ in range(50):
        found = _innermost(text, env)
        if found is None:
            return text
        start, end = found
        call_text = text[start:end]
        applied = _applied(call_text, env, env.shown_as.get(call_text[0], call_text[0]) + call_text[1:])
        if isinstance(applied, Value):
            values[env.shown_as.get(call_text[0], call_text[0]) + call_text[1:]] = applied.value
            applied = _value_text(applied, text, start, end)
        text = text[:start] + applied + text[end:]
    raise Unsure("too many applications")


def _primed(text: str, env: Environment) -> str:
    """"f'(2)", "f''(x)": the derivative, a checked step, under a spare letter the applications below then read."""
    if not env.functions:
        return text
    pattern = re.compile(rf"(?<![A-Za-z0-9_])([{''.join(env.functions)}])('+|′+)(?=\()")
    derived: dict[tuple[str, int], str] = {}
    for m in list(pattern.finditer(text)):
        key = (m.group(1), len(m.group(2)))
        if key not in derived:
            derived[key] = _spare_letter(text, env, set(derived.values()))
            fn = env.functions[key[0]]
            env.apply(Derive(derived[key], fn.param, key[1], Call(key[0], (Name(fn.param),)), m.group(0)))
            env.shown_as[derived[key]] = m.group(0)
            last = env.prior[-1]
            env.prior[-1] = dataclasses.replace(last, result=m.group(0) + last.result[1:])  # "f'(x) = 2*x"
    return pattern.sub(lambda m: derived[(m.group(1), len(m.group(2)))], text)


def _spare_letter(text: str, env: Environment, taken: set[str]) -> str:
    used = set(re.findall(r"[A-Za-z]", text)) | set(env.values) | set(env.functions) | taken
    for letter in "FGHPQRSTUVW":
        if letter not in used:
            return letter
    raise Unsure("no spare letter for a derivative")


def _innermost(text: str, env: Environment) -> tuple[int, int] | None:
    pattern = re.compile(rf"(?<![A-Za-z0-9_])([{''.join(env.functions)}])\(") if env.functions else None
    if pattern is None:
        return None
    best = None
    for m in pattern.finditer(text):
        depth, k = 1, m.end()
        while k < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            k += 1
        if depth:
            raise Unsure("unbalanced parentheses")
        inner = text[m.end():k - 1]
        if pattern.search(inner) is None:
            best = (m.start(), k)
            break
    return best


def _applied(call_text: str, env: Environment, shown: str) -> str | Value:
    """The value of an application with a known argument, or the expanded polynomial of one with a free variable;
    `shown` is how the question wrote it ("f'(2)" for the derivative's spare letter)."""
    try:
        tree = parse(call_text, applied=frozenset(env.functions))
    except ParseError as exc:
        raise Unsure(f"cannot read {call_text}") from exc
    if not isinstance(tree, Call):
        raise Unsure(f"not an application: {call_text}")
    inlined = env.inline(tree)
    if not names_in(inlined):
        return Value(env.evaluate(tree, shown, f"{shown} = "), env.is_decimal(inlined))
    return f"({_expanded(tree, inlined, shown, env)})"


def _expanded(tree: Node, inlined: Node, call_text: str, env: Environment) -> str:
    """A composition with free variables, expanded by the symbolic engine and recomputed by exactpoly."""
    import tools

    from ..answer import Step

    free = sorted(names_in(inlined))
    safe = {n: f"{n}1" for n in free}
    call = f"expand({to_text(rename(inlined, safe))})"
    result = tools.run("symbolic", call, timeout=env.timeout)
    if not result.ok:
        raise Unsure(f"{call_text}: {result.output}")
    try:
        expanded = rename(parse(str(result.value)), {v: k for k, v in safe.items()})
        same = to_poly(expanded) == env.poly(tree)
    except (ParseError, Unsupported) as exc:
        raise Unsure(f"{call_text}: {exc}") from exc
    own = tuple(Check(**c) if isinstance(c, dict) else c for c in result.extra.get("checks", []))
    check = Check("composition recomputed with Python Fractions", same, f"{call_text} composed by exactpoly")
    step = Step("symbolic", call, result.output, round(result.ms, 3), None)
    text = unrename_text(str(result.value), safe)  # the printer would write the variable i as the constant I
    env.prior.append(PriorStep(step, own + (check,), f"{call_text} = {text}"))
    return text


# -- names -----------------------------------------------------------------------------------------

def _is_article(text: str, m: re.Match) -> bool:
    """A lone "a" between words ("Is 12 a factor of p?") is the article, not the name a ("= -a for n" is)."""
    if m.group(1) not in ("a", "A") or not text[:m.start()].rstrip()[-1:].isalnum():
        return False
    after = re.match(r"\s+([A-Za-z]{2,})", text[m.end():])
    before = re.search(r"([A-Za-z]+)\s+$", text[:m.start()])
    return bool(after) and after.group(1).lower() not in NAME_AFTER and not (
        before and before.group(1).lower() in NAME_BEFORE)


def _value_text(value: Value, text: str, start: int, end: int) -> str:
    """The value written where text[start:end] (a name, an application) stood."""
    v = value.value
    # "2y" is a product: written out as 2*(5), never glued into the number 25
    glued_before = start > 0 and (text[start - 1].isalnum() or text[start - 1] == ")")
    glued_after = text[end:end + 1].isalnum()
    if glued_before or glued_after:
        return f"{'*' if glued_before else ''}({fraction_text(v)}){'*' if glued_after else ''}"
    if v >= 0 and v.denominator == 1:
        return str(v)
    if not (BARE_BEFORE.search(text[:start]) and BARE_AFTER.match(text[end:])):
        return f"({fraction_text(v)})"
    return decimal_text(v) if value.decimal and decimal_text(v) else fraction_text(v)


def decimal_text(value: Fraction) -> str | None:
    """The exact decimal of a terminating fraction (-831/10000 -> -0.0831), else None."""
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den != 1:
        return None
    places = _places(value.denominator)
    scaled = abs(value) * 10**places
    digits = str(int(scaled)).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def _places(den: int) -> int:
    k = 0
    while (10**k) % den:
        k += 1
    return k


def _fresh_letters(text: str, question: str) -> dict[str, str]:
    """A free variable the engines would read as a constant (i, e) goes to them as an unused letter."""
    used = set(re.findall(r"[A-Za-z]", question + text))
    spare = [c for c in "pqrstuvwxyzabcdfghjklmno" if c not in used]
    renames = {}
    for letter in sorted(CONSTANT_LETTERS & _free_letters(text)):
        if not spare:
            raise Unsure("no spare letter for a variable named like a constant")
        renames[letter] = spare.pop(0)
    return renames


def _free_letters(text: str, skip_articles: bool = False) -> set[str]:
    masked = OPTION_LABEL.sub(" ", text)
    return {m.group(1) for m in LETTER.finditer(masked) if not (skip_articles and _is_article(masked, m))}


# -- the answer in the question's own terms --------------------------------------------------------

def _relabel(question: str, values: dict[str, Fraction], renames: dict[str, str],
             bound: set[str]) -> Callable[[str], str | None]:
    back = {new: old for old, new in renames.items()}
    by_name = COMPARISON.match(question) is not None and values

    def relabel(answer: str) -> str | None:
        if OPTION_LABEL.search(question) and re.fullmatch(r"\(?[a-h]\)?", answer.strip()):
            return answer  # an option's letter, not a name
        if bound & _free_letters(answer):
            return None  # a name the statements gave a value is still in the answer: it was not substituted
        if back:
            if re.search(r"\bI\b|\bE\b", answer):
                return None  # the engines' constants in an answer about renamed variables: not sure which is which
            for new, old in back.items():
                answer = re.sub(rf"(?<![A-Za-z0-9_]){new}(?![A-Za-z0-9_])", old, answer)
        if by_name:
            return _names_back(answer, question, values)
        return answer

    return relabel


def _names_back(answer: str, question: str, values: dict[str, Fraction]) -> str | None:
    """Each value of the answer back to the one name or literal of the question it equals, else unsure."""
    if answer in ("True", "False") or re.fullmatch(r"\(?[a-h]\)?", answer.strip()):
        return answer
    target = TARGET.search(question)  # "the nearest to m in 0, a, 4": m is what is measured from, not a candidate
    if target:
        values = {n: v for n, v in values.items() if n != target.group(1)}
        question = question[:target.start(1)] + " " + question[target.end(1):]
    literals: dict[Fraction, set[str]] = {}
    for m in NUMBER.finditer(OPTION_LABEL.sub(" ", question)):
        literals.setdefault(_number(m.group(0)), set()).add(m.group(0))
    items = []
    for item in re.split(r"\s*,\s*", answer.strip()):
        value = _number(item)
        if value is None:
            return None
        names = [n for n, v in values.items() if v == value]
        texts = literals.get(value, set())
        if len(names) + len(texts) != 1:
            return None
        items.append(names[0] if names else next(iter(texts)))
    return ", ".join(items)


def _number(text: str) -> Fraction | None:
    try:
        poly = to_poly(parse(text))
    except (ParseError, Unsupported, ZeroDivisionError):
        return None
    return poly.constant() if poly.is_constant() else None
