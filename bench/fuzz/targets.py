"""Fuzz targets: each takes text (or bytes), must return or raise only its documented error, within its time budget."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Target:
    name: str
    call: Callable[[object], object]
    expected: tuple[type[BaseException], ...]  # exceptions that are the target's documented answer to bad input
    budget_s: float  # a call slower than this is a finding
    dictionary: str | None = "math.dict"  # default -dict (in bench/fuzz/) when the command line gives none
    seeds: tuple[str, ...] = ()  # starting corpus; the fuzzer mutates from these
    instrument: tuple[str, ...] = ()  # modules (beyond the parser and the tools) to instrument for coverage
    raw: bool = False  # call takes the fuzzer's bytes (files), not text
    setup: Callable[[], None] | None = None  # run once before fuzzing, outside the timed calls
    tally: Callable[[object], str | None] | None = None  # a label per result, counted in the summary


# -- parser and tools --------------------------------------------------------------------------------

def _parse(text: str):
    from tools.parsing import parse

    return parse(text)


def _tool(name: str) -> Callable[[str], object]:
    def call(text: str):
        import tools

        result = tools.run(name, text, timeout=1.0)
        if result.error is not None and result.error.type == "internal":
            raise AssertionError(f"internal error: {result.output}")  # a bug that guarded() caught
        return result

    return call


def _latex(text: str):
    from tools.parsing.latex import parse_latex

    return parse_latex(text)


# -- the router, with the symbolic route and its warm SymPy worker --------------------------------------

_ASSISTANT = None


def _router(text: str):
    global _ASSISTANT
    from assistant import Assistant

    if _ASSISTANT is None:
        _ASSISTANT = Assistant(use_planner=False, tool_timeout=1.0)
    answer = _ASSISTANT.ask(text)
    if answer.error is not None and answer.error.type == "internal":
        raise AssertionError(f"internal error: {answer.error.message}")
    return answer


def _tool_used(answer) -> str | None:
    """Which tool the router sent the question to: the summary shows how many inputs reached the SymPy worker."""
    steps = getattr(answer, "steps", None) or []
    return steps[0].tool if steps else "not_routed"


def _warm_symbolic() -> None:
    """Start the SymPy worker and wait for it, so its import is not counted as the first input's time."""
    import tools

    result = tools.run("symbolic", "diff(x^2, x)", timeout=30.0)
    assert result.ok, result.output


ROUTER_SEEDS = (
    "2^100 mod 13", "50 choose 25", "what is 17% of 250", "factor 2^64+1",
    "integrate x^2 sin x", "integrate x e^x dx", "integral of 1/x from 1 to e", "integrate sin(x)^2 from 0 to pi",
    "\\int_0^1 x^2\\,dx", "differentiate x^3 sin(x)", "differentiate x^2 y with respect to y twice",
    "derivative of e^(2x) cos x", "second derivative of ln(x^2+1)", "d/dx x^x", "\\frac{d}{dx} \\sin(x^2)",
    "solve x^2-5x+6=0", "solve x^2 + y = 5, x - y = 1 for x and y", "solve for x: 3x + 2 = 11",
    "solve y'' + y = 0", "solve the ode y' = y, y(0) = 1", "roots of x^3 - 6x^2 + 11x - 6",
    "limit of sin(x)/x as x -> 0", "limit of (1+1/n)^n as n -> infinity", "\\lim_{x \\to 0^+} \\ln x",
    "taylor series of e^x at 0 to order 5", "sum of k^2 for k from 1 to n", "product of k, k = 1 to 5",
    "\\sum_{k=1}^{10} k^2", "determinant of [[1, 2], [3, 4]]", "eigenvalues of [[2, 0], [0, 3]]",
    "expand (x+1)^5", "factor x^2 - 1", "simplify sin(x)^2 + cos(x)^2", "partial fractions of 1/(x^2-1)",
    "x^2 + 2x + 1 at x = 3", "x^2 - 4 = 0", "[[1, 2], [3, 4]] * [[5, 6], [7, 8]]",
)


# Free text rarely survives mutation as a symbolic question (2.5% of router inputs reached the worker). Two
# structured targets keep a phrase and fuzz the mathematics; the first byte (character) picks the phrase:
#   router-phrases   the rest of the text fills the phrase as it is;
#   router-symbolic  each further byte picks a token of SYMBOLIC_TOKENS, so most inputs parse and reach SymPy.
SYMBOLIC_PHRASES = (
    "integrate {}", "integrate {} dx", "integral of {} from 0 to 1", "integrate {} from -oo to oo",
    "differentiate {}", "differentiate {} with respect to y twice", "derivative of {}", "third derivative of {}",
    "d/dx {}", "solve {}", "solve {} = 0", "solve for x: {}", "solve {} for x and y", "roots of {}",
    "solve the ode {}", "limit of {} as x -> 0", "limit of {} as x -> infinity", "limit of {} as x -> 0 from the left",
    "taylor series of {} at 0 to order 5", "sum of {} for k from 1 to n", "product of {}, k = 1 to 5",
    "determinant of {}", "eigenvalues of {}", "inverse of {}", "expand {}", "factor {}", "simplify {}",
    "partial fractions of {}", "{} at x = 2", "{}", "\\int_0^1 {} \\,dx", "\\frac{{d}}{{dx}} {}",
    "\\lim_{{x \\to 0}} {}", "\\sum_{{k=1}}^{{10}} {}",
)
SYMBOLIC_EXPRESSIONS = (
    "x^2 sin(x)", "x e^x", "1/(x^2-1)", "x^2-5x+6", "sin(x)/x", "e^(2x) cos(x)", "k^2", "[[1, 2], [3, 4]]",
    "y'' + y", "y' = y, y(0) = 1", "(x+1)^5", "x^3 - 6x^2 + 11x - 6", "ln(x^2+1)", "x^2 + y = 5, x - y = 1",
    "(1+1/x)^x", "sqrt(1 - x^2)", "exp(-x^2)", "abs(x)", "x^x", "tan(x)^3", "\\frac{1}{x^2}", "\\sqrt{x}",
)
SYMBOLIC_TOKENS = (
    "x", "y", "z", "t", "k", "n", "a", "0", "1", "2", "3", "7", "10", "1/2", "0.5", "pi", "e", "i", "oo", "+", "-",
    "*", "/", "^", "(", ")", "(", ")", " ", ",", "=", "<", "'", "!", "!!", "%", " mod ", "sin(", "cos(", "tan(",
    "exp(", "ln(", "log(", "sqrt(", "abs(", "atan(", "sinh(", "gamma(", "erf(", "floor(", "factorial(", "binomial(",
    "max(", "re(", "[", "]", "[[1, 2], [3, 4]]", "x^2", "e^x", "y'", "y''", "x^x", "1e10", "10^10^10",
)


def _phrase(index: int, body: str) -> str:
    return SYMBOLIC_PHRASES[index % len(SYMBOLIC_PHRASES)].format(body)


def _router_phrases(text: str):
    return _router(_phrase(ord(text[0]), text[1:])) if text else None


def _router_phrases_seeds() -> tuple[str, ...]:
    n = len(SYMBOLIC_EXPRESSIONS)
    return tuple(chr(i) + SYMBOLIC_EXPRESSIONS[(i * 7 + k) % n] for i in range(len(SYMBOLIC_PHRASES)) for k in range(2))


def symbolic_question(data: bytes) -> str:
    """Byte 0 picks the phrase, each further byte a token: 'integrate x^2 sin(x)' from a few bytes."""
    if not data:
        return ""
    return _phrase(data[0], "".join(SYMBOLIC_TOKENS[b % len(SYMBOLIC_TOKENS)] for b in data[1:64]))


def _router_symbolic(data: bytes):
    question = symbolic_question(data)
    return _router(question) if question else None


def _router_symbolic_seeds() -> tuple[bytes, ...]:
    index = {tok: i for i, tok in reversed(list(enumerate(SYMBOLIC_TOKENS)))}
    bodies = [["x^2", " ", "sin(", "x", ")"], ["x", " ", "e^x"], ["1", "/", "(", "x^2", "-", "1", ")"],
              ["x^2", "-", "3", "x", "+", "2"], ["sin(", "x", ")", "/", "x"], ["y''", "+", "y"],
              ["(", "x", "+", "1", ")", "^", "7"], ["ln(", "x^2", "+", "1", ")"], ["[[1, 2], [3, 4]]"],
              ["k", "^", "2"], ["x^x"], ["sqrt(", "1", "-", "x^2", ")"], ["exp(", "-", "x^2", ")"]]
    return tuple(bytes([p] + [index[t] for t in body]) for p in range(len(SYMBOLIC_PHRASES))
                 for body in bodies[p % len(bodies):][:2])


# -- the Calc-X markup the planner reads from a model ------------------------------------------------

SEGMENT_SEPARATOR = "\x1f"  # between the segments the scripted model writes, one per completion


def _markup(text: str):
    """The planner's whole reading of model output: the first line is the question, the rest is what the model
    writes, one segment per completion. Calls go through the real loop (read_segment, budgets, output markup,
    number restriction, grammar building, checks, the final answer); calculator, bigint and rewrite calls really
    run (this target found rewrite's hang on `sin(x^10^10)`), symbolic and python are answered with an error: they
    are slow to start and have their own targets and tests."""
    from assistant.models.scripted import ScriptedModel
    from assistant.planner import Planner
    from assistant.planner.budgets import Budgets
    from assistant.planner.loop import Options

    question, _, rest = text.partition("\n")
    flags = ord(question[0]) if question else 0
    model = ScriptedModel(rest.split(SEGMENT_SEPARATOR))
    model.supports_grammar = bool(flags & 1)  # so the per-step grammar is built from what the chain read
    options = Options(thoughts=bool(flags & 2), restrict_numbers=bool(flags & 4), rederive=bool(flags & 8),
                      votes=3 if flags & 16 else 1, resample=2 if flags & 32 else 0)
    planner = _OfflinePlanner(model, budgets=Budgets(max_calls=8, tool_timeout=0.5, wall_seconds=4.0), options=options)
    answer = planner.ask(question)
    if answer.error is not None and answer.error.type == "internal":
        raise AssertionError(f"internal error: {answer.error.message}")
    return answer


def _offline_planner_class():
    import tools
    from assistant.answer import Step, ToolCallEvent, ToolResultEvent
    from assistant.planner import Planner

    class OfflinePlanner(Planner):
        RUN = frozenset({"calculator", "bigint", "rewrite"})

        def _run_tool(self, tool, text, deadline):
            if tool in self.RUN or tool not in tools.names():  # an unknown id takes the real error path
                return (yield from super()._run_tool(tool, text, deadline))
            yield ToolCallEvent(tool, text)
            step = Step(tool=tool, input=text, output=f"ERROR: {tool} is not run by the markup target", ms=0.0,
                        error="skipped")
            yield ToolResultEvent(step)
            return step

    return OfflinePlanner


class _Lazy:
    def __init__(self, build):
        self._build, self._value = build, None

    def __call__(self, *args, **kwargs):
        if self._value is None:
            self._value = self._build()
        return self._value(*args, **kwargs)


_OfflinePlanner = _Lazy(_offline_planner_class)

MARKUP_SEEDS = (
    'How many apples?\n<gadget id="calculator">3*12-5</gadget>\x1f<result>31</result>',
    '\x01How much?\nfirst multiply\n<gadget id="calculator">48/2</gadget>\x1f<result>24</result>',
    '\x05how many left\n<gadget id="calculator">1,200 - 3.5</gadget>\x1f<gadget id="bigint">factor(96)</gadget>'
    '\x1f<result>1196.5</result>',
    '\x0fQ\n<gadget id="nope">1+1</gadget>\x1f<result>2 apples</result>',
    '\x10Q\n<result>5/2 = around 2.5</result>\x1f<result>5/2</result>\x1f<result>2.5</result>',
    '\x20how many\n<gadget id="symbolic">solve(x^2=4)</gadget>\x1fno result here',
    'Q\n<gadget id="rewrite">simplify(sin(x)^2 + cos(x)^2)</gadget>\x1f<result>1</result>',
    'Q\nProblem: next one\x1f<gadget id="calculator">10/4',
)


# -- the benchmark readers ---------------------------------------------------------------------------

_TMP: Path | None = None


def _reader_names() -> list[str]:
    from assistant.evaluation.readers import READERS

    return sorted(READERS) + ["detect"]


def _file_names() -> list[str]:
    from assistant.evaluation.readers import _BY_NAME

    return ["fuzz.jsonl", "fuzz.json", "fuzz.xml", "fuzz"] + [f"fuzz-{fragment}.jsonl" for fragment, _ in _BY_NAME]


def _readers(data: bytes):
    """Byte 0 picks a reader (or 'detect': read_dataset guesses the format), byte 1 the file name, the rest is
    the file. A reader returns a Dataset whose items are well-formed; read_dataset's only error is UnknownFormat."""
    global _TMP
    from assistant.evaluation.items import Dataset, Item, Skipped
    from assistant.evaluation.readers import READERS, UnknownFormat, read_dataset

    if _TMP is None:
        _TMP = Path(tempfile.mkdtemp(prefix="calx-fuzz-readers-"))
    names, files = _reader_names(), _file_names()
    which = names[data[0] % len(names)] if data else "detect"
    path = _TMP / files[data[1] % len(files) if len(data) > 1 else 0]
    path.write_bytes(data[2:])
    try:
        dataset = read_dataset(path) if which == "detect" else READERS[which](path)
    except UnknownFormat:
        return None
    finally:
        path.unlink()
    assert isinstance(dataset, Dataset)
    for item in dataset.items:
        assert isinstance(item, Item) and isinstance(item.question, str) and isinstance(item.gold, str)
        assert item.question.strip() and item.gold.strip()
    assert all(isinstance(s, Skipped) and isinstance(s.reason, str) for s in dataset.skipped)
    return dataset


def _reader_seeds() -> tuple[bytes, ...]:
    """Every fixture file of tests/evaluation, once per reader (byte 0) with a matching file name (byte 1)."""
    fixtures = HERE.parents[1] / "tests" / "evaluation" / "fixtures"
    names = _reader_names()
    seeds = []
    for path in sorted(fixtures.iterdir()):
        body = path.read_bytes()[:4000]
        for i, _ in enumerate(names):
            seeds.append(bytes([i, 0]) + body)
    return tuple(seeds)


# -----------------------------------------------------------------------------------------------------

ROUTER_MODULES = ("assistant.direct.router", "assistant.direct.routes", "assistant.direct.routes.symbolic", "assistant.direct.text",
                  "assistant.direct.checks", "tools.symbolic", "tools.parsing.latex")


def targets() -> dict[str, Target]:
    from tools.parsing import ParseError
    from tools.parsing.latex import LatexError

    return {
        "parse": Target("parse", _parse, (ParseError,), 1.0),
        "calculator": Target("calculator", _tool("calculator"), (), 5.0),
        "bigint": Target("bigint", _tool("bigint"), (), 5.0),
        "rewrite": Target("rewrite", _tool("rewrite"), (), 5.0, instrument=("tools.rewrite",)),
        "latex": Target("latex", _latex, (ParseError, LatexError), 1.0, dictionary="latex.dict",
                        seeds=_latex_seeds(), instrument=("tools.parsing.latex",)),
        "markup": Target("markup", _markup, (), 5.0, dictionary="markup.dict", seeds=MARKUP_SEEDS,
                         instrument=("assistant.planner", "assistant.planner.loop", "assistant.planner.markup",
                                     "assistant.planner.numbers", "assistant.planner.checks",
                                     "assistant.planner.grammar", "assistant.models.scripted", "tools.rewrite")),
        "readers": Target("readers", _readers, (), 1.0, dictionary="readers.dict", raw=True, seeds=_reader_seeds(),
                          instrument=("assistant.evaluation.readers", "assistant.evaluation.latex",
                                      "assistant.evaluation.numbers")),
        "router": Target("router", _router, (), 5.0, dictionary="router.dict", seeds=ROUTER_SEEDS,
                         instrument=ROUTER_MODULES, setup=_warm_symbolic, tally=_tool_used),
        "router-phrases": Target("router-phrases", _router_phrases, (), 5.0, dictionary="router.dict",
                                 seeds=_router_phrases_seeds(), instrument=ROUTER_MODULES,
                                 setup=_warm_symbolic, tally=_tool_used),
        "router-symbolic": Target("router-symbolic", _router_symbolic, (), 5.0, dictionary=None, raw=True,
                                  seeds=_router_symbolic_seeds(), instrument=ROUTER_MODULES,
                                  setup=_warm_symbolic, tally=_tool_used),
    }


def _latex_seeds() -> tuple[str, ...]:
    return (
        r"\frac{x^2 - 1}{x - 1}", r"\sqrt[3]{8}", r"\int_0^1 x^2\,dx", r"\int \frac{1}{x} \mathrm{d}x",
        r"\int_{0}^{\pi} \sin^2(x) \, dx", r"\frac{d^2}{dx^2} x^3", r"\frac{\partial}{\partial y} x^2 y^3",
        r"\sum_{n=1}^{\infty} \frac{1}{n^2}", r"\prod_{k=1}^{5} k", r"\lim_{x\to 0^+} \ln x",
        r"\lim_{n \to \infty} \left(1+\frac{1}{n}\right)^n", r"\det \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}",
        r"\begin{array}{cc} 1 & 2 \\ 3 & 4 \end{array}", r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}",
        r"\binom{5}{2}", r"$x^{2} - 5x + 6 = 0$", r"\left| x \right|", r"\operatorname{sgn}(x) + \mathrm{e}^{x}",
        r"\sin x \cos x", r"x_{1} + x_2", r"\int \int x y \, dx \, dy", r"\sqrt{\sqrt{\sqrt{2}}}",
    )
