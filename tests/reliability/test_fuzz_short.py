"""The short CI run of the fuzz campaign (bench/fuzz/ holds the long atheris runs): random math-shaped text
into the parser, the calculator, the bigint tool, the LaTeX reader, the planner's reading of model output,
the benchmark readers and the direct router, its symbolic route included. Any exception other than the
documented one (ParseError, UnknownFormat), and any error of type "internal", is a bug."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tools
from assistant import Assistant
from tools.parsing import ParseError, parse

TOKENS = ["1", "2", "9", "0", "10", "3.5", ".5", "1e5", "1,234", "1_0", "x", "y", "pi", "e", "i", "+", "-", "*", "/",
          "^", "**", "!", "!!", "%", " mod ", "(", ")", "[", "]", ",", "=", "<", "|", "×", "÷", "²", "√", "sqrt(", "sin ",
          "log(", "factorial(", "binomial(", "gcd(", "factor(", "is_prime(", "N(", "decimals(", "fraction(", "powmod(",
          "invmod(", "to_base(", " of ", " choose ", "what is ", " to 20 digits", " as a fraction", "the 10th prime",
          "prime factorization of ", "\\", "'", "__import__", ".", "lambda", " ", "\x00", "é", "٣"]
math_text = st.lists(st.sampled_from(TOKENS), max_size=25).map("".join) | st.text(max_size=60)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(math_text)
def test_parser_only_ever_raises_parse_error(text):
    try:
        parse(text)
    except ParseError as exc:
        assert exc.position >= 0 and str(exc)


@SETTINGS
@given(math_text)
def test_tools_never_fail_internally(text):
    for name in ("calculator", "bigint"):
        result = tools.run(name, text, timeout=1.0)
        assert result.ok or result.output.startswith("ERROR: ")
        assert result.error is None or result.error.type != "internal", result.output


ASSISTANT = Assistant(use_planner=False, tool_timeout=1.0)


@SETTINGS
@given(math_text)
def test_router_answers_or_explains(text):
    answer = ASSISTANT.ask(text)
    assert answer.ok or answer.error is not None
    assert answer.error is None or answer.error.type != "internal", answer.error


# -- LaTeX ---------------------------------------------------------------------------------------------

LATEX_TOKENS = ["\\frac", "\\sqrt", "\\sqrt[", "\\int", "\\int_", "\\sum_{k=1}^{n}", "\\prod", "\\lim_{x \\to 0}",
                "\\to", "\\infty", "\\pi", "\\partial", "\\sin", "\\ln", "\\det", "\\binom", "\\operatorname{",
                "\\mathrm{d}", "\\text{", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{vmatrix}", "\\end{array}",
                "\\\\", "&", "\\left(", "\\right)", "\\left|", "\\cdot", "\\le", "\\,", "\\foo", "{", "}", "^", "_",
                "^{", "_{", "dx", "d^2", "{d}{dx}", "0^+", "$", "x", "y", "2", "10", "3.5", "=", "+", "-", "(", ")",
                "[", "]", "|", "'", " "]
latex_text = st.lists(st.sampled_from(LATEX_TOKENS), max_size=40).map("".join) | st.text(max_size=60)


@SETTINGS
@given(latex_text)
def test_latex_only_ever_raises_parse_errors(text):
    from tools.parsing.latex import parse_latex

    try:
        parse_latex(text)
    except ParseError as exc:  # LatexError is a ParseError
        assert str(exc)


# -- Calc-X markup through the planner loop --------------------------------------------------------------

MARKUP_TOKENS = ['<gadget id="', '">', "</gadget>", '<gadget id="calculator">', '<gadget id="bigint">',
                 '<gadget id="rewrite">', "sin(x^10^10)",
                 '<gadget id="nope">', "<result>", "</result>", "<output>", "</output>", "\nProblem:", "\x1f", "\n",
                 "how many ", "how much ", " = around ", "$", "1,200", "3.5", ".5", "-7", "5/2", "0/0", "1e309",
                 "12 apples", "%", "48/2", "3*12-5", "factor(96)", "2^10^10", " ", "<", ">", '"', "x"]
markup_text = st.lists(st.sampled_from(MARKUP_TOKENS), max_size=30).map("".join) | st.text(max_size=80)


def _offline_planner(text):
    """The fuzz target's planner (bench/fuzz/targets.py:_markup): question on the first line, then model segments."""
    from assistant.answer import Step
    from assistant.models.scripted import ScriptedModel
    from assistant.planner import Planner
    from assistant.planner.budgets import Budgets
    from assistant.planner.loop import Options

    class OfflinePlanner(Planner):
        def _run_tool(self, tool, text, deadline):
            if tool in ("calculator", "bigint", "rewrite") or tool not in tools.names():  # symbolic, python: own tests
                return (yield from super()._run_tool(tool, text, deadline))
            return Step(tool=tool, input=text, output="ERROR: not run here", ms=0.0, error="skipped")
            yield

    question, _, rest = text.partition("\n")
    flags = ord(question[0]) if question else 0
    model = ScriptedModel(rest.split("\x1f"))
    model.supports_grammar = bool(flags & 1)
    options = Options(thoughts=bool(flags & 2), restrict_numbers=bool(flags & 4), rederive=bool(flags & 8),
                      votes=3 if flags & 16 else 1, resample=2 if flags & 32 else 0)
    budgets = Budgets(max_calls=8, tool_timeout=0.5, wall_seconds=4.0)
    return OfflinePlanner(model, budgets=budgets, options=options).ask(question)


@SETTINGS
@given(st.sampled_from(["", "\x01", "\x05", "\x0f", "\x10", "\x24", "\x3f"]), markup_text)
def test_planner_reads_any_model_output(flags, text):
    answer = _offline_planner(flags + text)
    assert answer.route == "planner"
    assert answer.error is None or answer.error.type in ("no_result", "budget", "model"), answer.error
    assert answer.error is not None or answer.answer is not None
    assert answer.verified is not True  # planner answers are never verified


# -- benchmark readers -----------------------------------------------------------------------------------

FILE_TOKENS = ['{"question": "', '"answer": "', "#### ", '"input": "', '"target": ', '"body": "', '"Body": "',
               '"Question": "', '"Answer": ', '"problem": "', '"options": ', '"correct": "', '"solution": "',
               "\\\\boxed{", '"examples": [', '"prompt": "', '"result": "', "a ) 12 , b ) 16", "['a ) 12', 'b ) 16']",
               "[{", "}]", "{", "}", "[", "]", ",", ":", '"', "null", "true", "1e400", "NaN", "12", "x", "\n",
               "[" * 1200, "9" * 4500, "<Problem ID=\"1\">", "<Body>", "</Body>", "<Question>", "</Question>",
               "<Answer>", "</Answer>", "</Problem>", "<ProblemSet>", "</ProblemSet>", "<!DOCTYPE a [<!ENTITY e \"x\">]>",
               "&e;", "\x00", "\xff"]
file_text = st.lists(st.sampled_from(FILE_TOKENS), max_size=40).map("".join) | st.text(max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file_text, st.sampled_from(["fuzz.jsonl", "fuzz.json", "fuzz.xml", "fuzz", "gsm_hard.jsonl", "svamp.json"]))
def test_every_reader_returns_a_dataset(text, name):
    import tempfile
    from pathlib import Path

    from assistant.evaluation.items import Dataset
    from assistant.evaluation.readers import READERS, UnknownFormat, read_dataset

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        for reader in READERS.values():
            dataset = reader(path)
            assert isinstance(dataset, Dataset)
            assert all(i.question.strip() and i.gold.strip() for i in dataset.items)
        try:
            read_dataset(path)
        except UnknownFormat as exc:
            assert "cannot tell the format" in str(exc)


# -- the router's symbolic route (the warm SymPy worker) ---------------------------------------------------

EXPR_TOKENS = ["x", "y", "2", "10", "0", "1/2", "0.5", "+", "-", "*", "/", "^", "%", " mod ", "(", ")", "sin(x)", "e^x",
               "ln(x)", "sqrt(x)", "x^2", "oo", "i", "=", "<", ",", " ", "'", "y''", "!", "!!", "factorial(", "10^10^10",
               "[[1, 2], [3, 4]]"]
expression = st.lists(st.sampled_from(EXPR_TOKENS), min_size=1, max_size=8).map("".join)
PHRASES = ["integrate {}", "integrate {} from 0 to 1", "differentiate {}", "derivative of {} with respect to x",
           "solve {} = 0", "solve {}", "limit of {} as x -> 0", "taylor series of {} at 0", "expand {}", "factor {}",
           "simplify {}", "{} at x = 2", "sum of {} for x from 1 to 5", "determinant of {}", "\\int_0^1 {} dx",
           "solve the ode {}",
           "\\frac{{d}}{{dx}} {}"]
SYMBOLIC_ASSISTANT = Assistant(use_planner=False, tool_timeout=1.0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PHRASES), expression)
def test_symbolic_route_answers_or_explains(phrase, expr):
    answer = SYMBOLIC_ASSISTANT.ask(phrase.format(expr))
    assert answer.ok or answer.error is not None
    assert answer.error is None or answer.error.type != "internal", answer.error
