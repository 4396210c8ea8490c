"""The short CI run of the fuzz campaign (bench/fuzz/ holds the long atheris runs): random math-shaped text
into the parser, the calculator, the bigint tool and the direct router. Any exception other than the
documented ParseError, and any tool error of type "internal", is a bug."""
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
