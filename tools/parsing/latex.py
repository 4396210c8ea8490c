"""LaTeX -> the same tree as plain input: LaTeX is rewritten into the parser's own syntax, then parsed.

`\\int_0^1 x^2\\,dx` becomes `integrate(x^(2), x, 0, 1)`, `\\frac{d}{dx}\\sin(x^2)` becomes
`diff(sin(x^(2)), x)`, `\\sum_{k=1}^{10} k^2` becomes `sum(k^(2), k, 1, 10)`. The rewrite only moves
tokens about; the safe parser then reads the result, so nothing here can evaluate anything.
Unknown commands are an error, not ignored: a misread formula is worse than a refusal.
"""
from __future__ import annotations

import re

from .errors import ParseError
from .nodes import Node
from .parser import parse

# digit runs stay whole (x^{10}); letters are single tokens so that `dx` can close an integrand
TOKEN = re.compile(r"\\[A-Za-z]+|\\\\|\\.|\d+(?:\.\d+)?|\s+|.", re.S)
MAX_TOKENS = 20_000
# Every recursion of the translator passes through item(); a level costs at most five Python frames
# (item, command, fraction, group, sequence), so this stays far below the interpreter's recursion limit.
MAX_DEPTH = 100

FUNCTIONS = {"sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
             "coth", "sech", "csch", "ln", "log", "exp", "det", "arcsinh", "arccosh", "arctanh", "max", "min",
             "gcd", "lg"}
NAMES = {"pi": "pi", "infty": "oo", "alpha": "alpha", "beta": "beta", "gamma": "gamma", "delta": "delta",
         "epsilon": "epsilon", "varepsilon": "epsilon", "theta": "theta", "vartheta": "theta", "lambda": "lambda",
         "mu": "mu", "nu": "nu", "xi": "xi", "rho": "rho", "sigma": "sigma", "tau": "tau", "phi": "phi",
         "varphi": "phi", "chi": "chi", "psi": "psi", "omega": "omega", "eta": "eta", "kappa": "kappa",
         "zeta": "zeta", "partial": "partial"}
OPERATORS = {"cdot": "*", "times": "*", "div": "/", "le": "<=", "leq": "<=", "ge": ">=", "geq": ">=",
             "ne": "!=", "neq": "!=", "pm": "+", "lt": "<", "gt": ">", "ast": "*"}
INVERSE_NAMES = {"sin": "arcsin", "cos": "arccos", "tan": "arctan", "sinh": "arcsinh", "cosh": "arccosh",
                 "tanh": "arctanh"}
SPACING = {"\\,", "\\;", "\\!", "\\:", "\\ ", "\\quad", "\\qquad", "\\displaystyle", "\\textstyle", "\\limits",
           "\\nolimits", "\\left", "\\right", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\bigr"}
MATRIX_ENVS = {"pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix", "smallmatrix", "array"}


class LatexError(ParseError):
    pass


def parse_latex(text: str) -> Node:
    """LaTeX text -> parse tree (raises LatexError or ParseError, with a message for people)."""
    return parse(latex_to_text(text))


def latex_to_text(text: str) -> str:
    text = text.strip().strip("$").strip()
    text = re.sub(r"^\\\[|\\\]$", "", text).strip()
    text = _thousands(text)
    text = _unbraced_arguments(text)
    tokens = [t for t in TOKEN.findall(text)]
    if len(tokens) > MAX_TOKENS:
        raise LatexError(f"LaTeX input has {len(tokens):,} tokens; the limit is {MAX_TOKENS:,}", 0)
    tokens = [t for t in tokens if t not in SPACING and not t.isspace()] + [""]
    return _Translator(tokens).run()


# An unbraced argument in LaTeX is one character: \frac58 is 5/8, \log_264 is log base 2 of 64, x^23 is x^2 3.
_FRAC_TWO_DIGITS = re.compile(r"\\(d?frac|tfrac|[dt]?binom)\s*(\d)\s*(\d)")
_FRAC_SECOND_DIGIT = re.compile(r"(\\(?:d?frac|tfrac|[dt]?binom)\s*\{[^{}]*\})\s*(\d)")
_FRAC_FIRST_DIGIT = re.compile(r"\\(d?frac|tfrac|[dt]?binom)\s*(\d)\s*(?=\{)")
# \log_264: the base is the one digit 2 and 64 the argument, when nothing but the end or an operator follows;
# `\log_10 100` or `\log_10x` were surely meant as base 10, which LaTeX does not say: those are refused
_LOG_GLUED = re.compile(r"\\log_([2-9])(\d+)(?=$|[)\]}+\-=,.<>;]|\\(?:cdot|times|div|right|quad|qquad)\b)")
_AMBIGUOUS = [(re.compile(r"\\log_\d{2,}"), "\\log_ with a base of several digits needs braces: \\log_{10}"),
              (re.compile(r"\^\s*\d{2,}"), "an exponent of several digits needs braces: x^{10} (x^10 is x^1 0 in LaTeX)"),
              (re.compile(r"\\sqrt\s*\d{2,}"), "a square root of several digits needs braces: \\sqrt{25}")]
# a whole number right before a numeric fraction is a mixed number: 4\frac{5}{8} is 4 + 5/8, not 4 * 5/8
_MIXED = re.compile(r"(?<![\d.^_}\w])(\d+)\s*\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}")


def _unbraced_arguments(text: str) -> str:
    """Braces made explicit where LaTeX reads a one-character argument; a reading LaTeX leaves open is refused."""
    text = _FRAC_TWO_DIGITS.sub(r"\\\1{\2}{\3}", text)
    text = _FRAC_FIRST_DIGIT.sub(r"\\\1{\2}", text)
    text = _FRAC_SECOND_DIGIT.sub(r"\1{\2}", text)
    text = _LOG_GLUED.sub(r"\\log_{\1}{\2}", text)
    for pattern, message in _AMBIGUOUS:
        m = pattern.search(text)
        if m:
            raise LatexError(f"ambiguous LaTeX: {message}", m.start())
    return _MIXED.sub(r"(\1 + \\frac{\2}{\3})", text)


# 10,\!000 and 1{,}000 are one number in LaTeX: a comma held by \! or braces between groups of three digits
_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3})((?:(?:,\s*\\!|\{,\})\s*\d{3})+)(?![\d])")


def _thousands(text: str) -> str:
    return _THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)


_NUMERIC = re.compile(r"[\d\s().+\-*/^]+")
_GLUED_AFTER_ARGUMENT = {"\\sqrt", "\\frac", "\\dfrac", "\\tfrac", "(", "\\left", "\\begin"}


class _Translator:
    def __init__(self, tokens: list[str], depth: int = 0):
        self.t = tokens
        self.k = 0
        self.depth = depth  # an integrand's translator starts at its integral's depth

    @property
    def tok(self) -> str:
        return self.t[self.k]

    def error(self, message: str) -> LatexError:
        return LatexError(message, self.k)

    def take(self, expected: str | None = None) -> str:
        tok = self.t[self.k]
        if expected is not None and tok != expected:
            raise self.error(f"expected {expected!r} in LaTeX, found {tok or 'the end'!r}")
        if tok:
            self.k += 1
        return tok

    def run(self) -> str:
        out = self.sequence(stops=frozenset())
        if self.tok:
            raise self.error(f"unexpected {self.tok!r} in LaTeX")
        return out

    def sequence(self, stops: frozenset[str], term: bool = False) -> str:
        """Translate until a stop token (not consumed). `term`: also stop at a top-level + - or relation."""
        parts: list[str] = []
        while self.tok and self.tok not in stops:
            if term and parts and self.tok in ("+", "-", "=", "<", ">"):
                break
            parts.append(self.item(stops))
        return " ".join(p for p in parts if p)

    def group(self) -> str:
        """One argument: {...} or a single token (x^23 is x^2 * 3 in LaTeX)."""
        if self.tok == "{":
            self.take("{")
            inner = self.sequence(frozenset({"}"}))
            self.take("}")
            return f"({inner})"
        if not self.tok:
            raise self.error("LaTeX ends where an argument was expected")
        if self.tok.startswith("\\"):
            return f"({self.item(frozenset())})"
        return f"({self.take()})"

    def raw_group(self) -> str:
        """The literal text of a {...} argument (an environment name, an operator name)."""
        self.take("{")
        parts = []
        while self.tok and self.tok != "}":
            parts.append(self.take())
        self.take("}")
        return "".join(parts)

    def item(self, stops: frozenset[str]) -> str:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"LaTeX nested too deeply (limit {MAX_DEPTH} levels)")
        try:
            return self._item(stops)
        finally:
            self.depth -= 1

    def _item(self, stops: frozenset[str]) -> str:
        tok = self.tok
        if tok == "{":
            return self.group()
        if tok == "^":
            self.take()
            if self.tok == "\\circ" or self.t[self.k:self.k + 3] == ["{", "\\circ", "}"]:
                self.k += 1 if self.tok == "\\circ" else 3
                return " * (pi/180) "  # degrees: 30^\circ is 30 pi/180 radians
            return "^" + self.group()
        if tok == "_":
            self.take()
            sub = self.group().strip("()")
            if not re.fullmatch(r"[A-Za-z0-9]+", sub):
                raise self.error(f"subscript {sub!r} is not supported here")
            return "_" + sub
        if tok.startswith("\\") and tok != "\\\\":
            return self.command(stops)
        if tok in ("(", "["):
            closer = ")" if tok == "(" else "]"
            self.take()
            inner = self.sequence(frozenset({closer}))
            self.take(closer)
            return f"{tok}{inner}{closer}"
        if tok in ("&", "\\\\"):
            raise self.error(f"{tok!r} outside a matrix")
        return self.take()

    def command(self, stops: frozenset[str]) -> str:
        name = self.take()[1:]
        if name in ("frac", "dfrac", "tfrac"):
            return self.fraction(stops)
        if name == "sqrt":
            if self.tok == "[":
                self.take("[")
                index = self.sequence(frozenset({"]"}))
                self.take("]")
                return f" root({self.group()}, {index}) "
            return f" sqrt{self.group()} "
        if name in ("binom", "dbinom", "tbinom"):
            return f" binomial({self.group()}, {self.group()}) "
        if name in ("lceil", "lfloor"):
            closer = "\\rceil" if name == "lceil" else "\\rfloor"
            inner = self.sequence(frozenset({closer}))
            self.take(closer)
            return f" {'ceil' if name == 'lceil' else 'floor'}({inner}) "
        if name == "pmod":  # a \pmod{m}: the remainder of a on division by m
            return f" mod {self.group()} "
        if name in ("bmod", "mod"):
            return " mod "
        if name == "%":
            return " % "
        if name == "int":
            return self.integral(stops)
        if name in ("sum", "prod"):
            return self.big_operator("sum" if name == "sum" else "product", stops)
        if name == "lim":
            return self.limit(stops)
        if name in FUNCTIONS:
            return self.function({"lg": "log10", "det": "det"}.get(name, name))
        if name in ("operatorname", "mathrm", "text", "mathit", "textrm"):
            word = self.raw_group().strip()
            if word in FUNCTIONS or word in ("sgn", "arcsec", "arccsc", "arccot"):
                return self.function(word)
            if word == "e":
                return " e "
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word):
                return f" {word} "
            raise self.error(f"\\{name}{{{word}}} is not understood")
        if name in NAMES:
            return f" {NAMES[name]} "
        if name in OPERATORS:
            return f" {OPERATORS[name]} "
        if name == "begin":
            return self.environment()
        if name in ("lvert", "rvert", "vert"):
            return "|"
        if name in ("lbrace", "rbrace"):
            return "(" if name == "lbrace" else ")"
        raise self.error(f"LaTeX command \\{name} is not supported")

    def function(self, name: str) -> str:
        base = ""
        if name == "log" and self.tok == "_":  # \log_{2} 64 is log(64, 2)
            self.take()
            base = self.group()
        power = ""
        if self.tok == "^":
            self.take()
            power = self.group()
        if power.replace(" ", "") in ("(-1)", "((-1))"):  # \cos^{-1} x is arccos x, not 1/cos x
            if name not in INVERSE_NAMES:
                raise self.error(f"\\{name}^{{-1}} is not understood (an inverse function, or a reciprocal?)")
            name, power = INVERSE_NAMES[name], ""
        if self.tok == "\\begin":
            arg = f"({self.item(frozenset())})"
        elif self.tok in ("\\frac", "\\dfrac", "\\tfrac"):  # \sin \frac{\pi}{6}: the fraction is the argument
            arg = f"({self.item(frozenset())})"
            if self.tok in _GLUED_AFTER_ARGUMENT or self.tok[:1].isalnum():
                raise self.error(f"ambiguous LaTeX: where does the argument of \\{name} end? "
                                 f"Write \\{name}({{...}}) with the whole argument in parentheses")
        elif self.tok in ("(", "{"):
            if self.tok == "{":
                arg = self.group()
            else:
                arg = "(" + self.parenthesised() + ")"
        else:
            arg = "(" + self.bare_argument() + ")"
            if self.tok in _GLUED_AFTER_ARGUMENT or self.tok[:1].isdigit():
                # \log_5 125\sqrt5 is log of 125*sqrt(5) to one reader and log(125)*sqrt(5) to another
                raise self.error(f"ambiguous LaTeX: where does the argument of \\{name} end? "
                                 f"Write \\{name}({{...}}) with the whole argument in parentheses")
        if name == "log" and not base and _NUMERIC.fullmatch(arg):
            # \log 100 is 2 to a school book and 4.6 to a calculus one: a number's log needs its base said
            raise self.error("ambiguous LaTeX: \\log of a number without a base (write \\ln, \\log_{10} or \\log_{2})")
        call = f" {name}({arg}, {base}) " if base else f" {name}{arg} "
        return f" ({call})^{power} " if power else call

    def parenthesised(self) -> str:
        self.take("(")
        inner = self.sequence(frozenset({")"}))
        self.take(")")
        return inner

    def bare_argument(self) -> str:
        """`\\sin x`, `\\sin 2x`, `\\ln x^2`: letters, digits and powers up to the next operator or command."""
        parts = []
        while self.tok and (self.tok.isalnum() or self.tok in ("^", "_") or self.tok == "{" and parts
                            or self.tok.startswith("\\") and self.tok[1:] in NAMES):
            if self.tok == "d" and parts and self.t[self.k + 1].isalpha() and len(self.t[self.k + 1]) == 1:
                break  # `\sin x dx`: the differential ends the argument
            parts.append(self.item(frozenset()))
        if not parts:
            raise self.error("a function needs an argument")
        return " ".join(parts)

    def fraction(self, stops: frozenset[str]) -> str:
        top_start = self.k
        num = self.group()
        den = self.group()
        order = _derivative_operator(num, den)
        if order is not None:
            var, n = order
            body = self.sequence(stops, term=True)
            if not body:
                raise self.error("d/dx needs something to differentiate")
            return f" diff(({body}), {var}{', ' + str(n) if n > 1 else ''}) "
        del top_start
        return f" (({num})/({den})) "

    def bounds(self) -> tuple[str | None, str | None]:
        low = high = None
        for _ in range(2):
            if self.tok == "_":
                self.take()
                low = self.group()
            elif self.tok == "^":
                self.take()
                high = self.group()
        return low, high

    def integral(self, stops: frozenset[str]) -> str:
        low, high = self.bounds()
        end = self._differential(stops)
        if end is None:
            raise self.error("an integral needs its differential, e.g. dx")
        inner = _Translator(self.t[self.k:end] + [""], self.depth).run()
        self.k = end
        var = self._take_differential()
        if not inner.strip():
            inner = "1"
        if (low is None) != (high is None):
            raise self.error("a definite integral needs both bounds")
        if low is None:
            return f" integrate(({inner}), {var}) "
        return f" integrate(({inner}), {var}, {low}, {high}) "

    def _differential(self, stops: frozenset[str]) -> int | None:
        """Index of the `d` of `dx` (or of \\mathrm{d}x) that closes the integrand at this level."""
        depth = 0
        for j in range(self.k, len(self.t) - 1):
            tok = self.t[j]
            if tok in ("{", "(", "["):
                depth += 1
            elif tok in ("}", ")", "]"):
                if depth == 0:
                    return None
                depth -= 1
            elif depth == 0 and tok in stops:
                return None
            elif depth == 0 and tok == "d" and re.fullmatch(r"[A-Za-z]", self.t[j + 1]) and \
                    not (j > self.k and re.fullmatch(r"[A-Za-z]", self.t[j - 1]) and self.t[j - 1] != "d"):
                return j
            elif depth == 0 and tok in ("\\mathrm", "\\operatorname", "\\text") and self.t[j + 1:j + 4] == ["{", "d", "}"]:
                return j
        return None

    def _take_differential(self) -> str:
        if self.tok in ("\\mathrm", "\\operatorname", "\\text"):
            self.k += 4
        else:
            self.take("d")
        var = self.take()
        if not re.fullmatch(r"[A-Za-z]", var):
            raise self.error("the differential must name one variable, e.g. dx")
        return var

    def big_operator(self, func: str, stops: frozenset[str]) -> str:
        low, high = self.bounds()
        if low is None or high is None:
            raise self.error(f"\\{func} needs both limits, e.g. _{{k=1}}^{{n}}")
        m = re.fullmatch(r"\(\s*([A-Za-z](?:_[A-Za-z0-9]+)?)\s*=\s*(.+)\)", low)
        if not m:
            raise self.error("the lower limit must read like k=1")
        body = self.sequence(stops, term=True)
        return f" {func}(({body}), {m.group(1)}, {m.group(2)}, {high}) "

    def limit(self, stops: frozenset[str]) -> str:
        if self.tok != "_":
            raise self.error("\\lim needs a subscript like _{x \\to 0}")
        self.take("_")
        self.take("{")
        var = self.take()
        if self.tok not in ("\\to", "\\rightarrow", "-"):
            raise self.error("\\lim needs x \\to a")
        if self.take() == "-":
            self.take(">")
        point_parts = []
        while self.tok and self.tok != "}":
            point_parts.append(self.item(frozenset({"}"})))
        self.take("}")
        point = " ".join(point_parts).strip()
        direction = ""
        m = re.fullmatch(r"(.*?)\s*\^\s*\(?\s*([+-])\s*\)?", point) or re.fullmatch(r"(.*?)\s*([+-])", point)
        if m and m.group(1).strip():
            point, direction = m.group(1), ", right" if m.group(2) == "+" else ", left"
        body = self.sequence(stops, term=True)
        return f" limit(({body}), {var}, {point}{direction}) "

    def environment(self) -> str:
        env = self.raw_group()
        if env not in MATRIX_ENVS:
            raise self.error(f"LaTeX environment {env!r} is not supported")
        if env == "array" and self.tok == "{":
            self.raw_group()  # column spec
        rows: list[list[str]] = [[]]
        stops = frozenset({"&", "\\\\", "\\end"})
        while True:
            cell = self.sequence(stops)
            rows[-1].append(cell)
            tok = self.take()
            if tok == "&":
                continue
            if tok == "\\\\":
                if self.tok == "\\end":
                    continue
                rows.append([])
                continue
            if tok == "\\end":
                self.raw_group()
                break
            raise self.error("unterminated matrix")
        rows = [r for r in rows if any(c.strip() for c in r)]
        text = "[" + ", ".join("[" + ", ".join(c or "0" for c in r) + "]" for r in rows) + "]"
        return f" det({text}) " if env == "vmatrix" else f" {text} "


def _derivative_operator(num: str, den: str) -> tuple[str, int] | None:
    """`{d}{dx}` -> ("x", 1); `{d^2}{dx^2}` -> ("x", 2); also with \\partial. Anything else: None."""
    num, den = num.replace(" ", "").strip("()"), den.replace(" ", "").strip("()")
    m = re.fullmatch(r"(?:d|partial)(?:\^\(?(\d)\)?)?", num)
    if not m:
        return None
    n = int(m.group(1) or 1)
    d = re.fullmatch(r"(?:d|partial)([A-Za-z])(?:\^\(?(\d)\)?)?", den)
    if not d or int(d.group(2) or 1) != n:
        return None
    return d.group(1), n
