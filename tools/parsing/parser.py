"""A Pratt-style parser from tokens to the tree in nodes.py. No eval, no sympify: a grammar only.

Grammar, loosest to tightest:
    list      := relation ("," relation)*                      (top level only: a Seq)
    relation  := sum (("=" | "<" | ">" | "<=" | ">=" | "!=") sum)?
    sum       := product (("+" | "-") product)*
    product   := unary (("*" | "/" | "mod" | "%" | "of" | <juxtaposition>) unary)*
    unary     := ("-" | "+") unary | power
    power     := postfix ("^" unary)?                          (right-associative: 2^3^2 = 2^9)
    postfix   := primary ("!" | "!!" | "%" | "'")*
    primary   := number | name | call | "(" list ")" | "[" list "]" | "|" sum "|"
"""
from __future__ import annotations

from .errors import ParseError, TooDeepError
from .functions import canonical
from .lexer import Token, tokenize
from .nodes import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq

MAX_DEPTH = 100  # each level costs ~8 Python frames; 100 keeps us far from the recursion limit
RELATIONS = {"=", "<", ">", "<=", ">=", "!="}
OPERAND_START_OPS = {"(", "["}
FUNCTION_LETTERS = frozenset({"f", "g", "h"})  # applied when written against "(": Parser.applies_function_letter
# words that join phrases ("17% of 2450", "x^2 for x from 0 to 1"): never read as symbols in a product
KEYWORDS = frozenset({"mod", "of", "for", "from", "to", "as", "and", "with", "at", "in", "wrt", "over"})
NOT_VARIABLES = KEYWORDS | {"pi", "e", "E", "i", "I", "oo", "inf", "infinity"}


class Parser:
    def __init__(self, text: str, *, applied: frozenset[str] = frozenset()):
        """`applied`: extra names read as function application when followed by "(" (e.g. f, y)."""
        self.text = text
        self.tokens = tokenize(text)
        self.k = 0
        self.depth = 0
        self.applied = applied

    # -- token helpers -------------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.tokens[self.k]

    def peek(self, offset: int = 1) -> Token:
        return self.tokens[min(self.k + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tokens[self.k]
        if tok.kind != "end":
            self.k += 1
        return tok

    def at_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def expect_op(self, op: str, context: str) -> Token:
        if not self.at_op(op):
            raise self.error(f"missing {op!r} {context}", f"{op!r}")
        return self.advance()

    def error(self, message: str, expected: str = "") -> ParseError:
        return ParseError(message, self.tok.pos, expected, self.text)

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeepError(f"expression nested too deeply (limit {MAX_DEPTH} levels)", self.tok.pos)

    # -- grammar -------------------------------------------------------------------------------
    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise self.error("empty expression", "a number or an expression")
        node = self.parse_list(closer=None)
        if self.tok.kind != "end":
            if self.at_op(")", "]", "}"):
                raise self.error(f"unmatched {self.tok.text!r}", "an operator or the end")
            raise self.error(f"unexpected {self.tok.text!r}", "an operator or the end of the expression")
        return node

    def parse_list(self, closer: str | None) -> Node:
        items = [self.parse_relation()]
        while self.at_op(",", ";"):
            self.advance()
            if closer and self.at_op(closer):
                break  # a trailing comma: [1, 2,]
            items.append(self.parse_relation())
        return items[0] if len(items) == 1 else Seq(tuple(items), "")

    def parse_relation(self) -> Node:
        left = self.parse_sum()
        if self.tok.kind == "op" and self.tok.text in RELATIONS:
            op = self.advance().text
            right = self.parse_sum()
            if self.tok.kind == "op" and self.tok.text in RELATIONS:
                raise self.error("chained comparisons are not supported", "one comparison")
            return Relation(op, left, right)
        return left

    def parse_sum(self) -> Node:
        node = self.parse_product()
        while self.at_op("+", "-"):
            op = self.advance().text
            node = BinOp(op, node, self.parse_product())
        return node

    def parse_product(self) -> Node:
        node = self.parse_unary()
        while True:
            tok = self.tok
            if tok.kind == "op" and tok.text in ("*", "/", "%"):
                self.advance()
                op = "mod" if tok.text == "%" else tok.text
                node = BinOp(op, node, self.parse_unary())
            elif tok.kind == "name" and tok.text in ("mod", "of"):
                self.advance()
                node = BinOp("mod" if tok.text == "mod" else "*", node, self.parse_unary())
            elif self.starts_juxtaposed_operand(node):
                node = BinOp("*", node, self.parse_unary(implicit=True))
            else:
                return node

    def starts_juxtaposed_operand(self, left: Node) -> bool:
        tok = self.tok
        if tok.newline_before and (tok.kind == "num" or (tok.kind == "name" and tok.text not in KEYWORDS)
                                   or (tok.kind == "op" and tok.text in OPERAND_START_OPS)):
            raise self.line_break()
        return self._juxtaposed(left)

    def line_break(self) -> ParseError:
        """`2^10` and `3*7` on two lines are two questions, never the product 2^10*3*7."""
        return self.error("a line break between two expressions (one question per line)", "an operator")

    def _juxtaposed(self, left: Node) -> bool:
        tok = self.tok
        if tok.kind == "num":
            # "2 3" is far more likely a typo than a product; "x 2" likewise
            if isinstance(left, Num) or not tok.space_before and isinstance(left, Name):
                raise self.error("two numbers in a row", "an operator between them")
            return not isinstance(left, (Num, Postfix))
        if tok.kind == "name":
            return tok.text not in KEYWORDS
        return tok.kind == "op" and tok.text in OPERAND_START_OPS

    def parse_unary(self, implicit: bool = False) -> Node:
        self.enter()
        try:
            if self.at_op("-", "+") and not implicit:
                op = self.advance().text
                operand = self.parse_unary()
                return Neg(operand) if op == "-" else operand
            return self.parse_power()
        finally:
            self.depth -= 1

    def parse_power(self) -> Node:
        base = self.parse_postfix()
        if self.at_op("^"):
            self.advance()
            return BinOp("^", base, self.parse_unary())
        return base

    def parse_postfix(self) -> Node:
        node = self.parse_primary()
        while self.tok.kind == "op":
            text = self.tok.text
            if text == "!":
                self.advance()
                if self.at_op("!") and not self.tok.space_before:
                    self.advance()
                    node = Postfix("!!", node)
                else:
                    node = Postfix("!", node)
            elif text == "%" and not self.operand_follows_percent():
                self.advance()
                node = Postfix("%", node)
            elif text == "'":
                self.advance()
                node = Postfix("'", node)
            else:
                break
        return node

    def operand_follows_percent(self) -> bool:
        """`17 % 5` is a remainder, `17%` and `17% * 3` are percentages."""
        nxt = self.peek()
        if nxt.kind == "name":
            return nxt.text not in KEYWORDS
        return nxt.kind == "num" or (nxt.kind == "op" and nxt.text in ("(", "-"))

    def parse_primary(self) -> Node:
        tok = self.tok
        if tok.kind == "num":
            self.advance()
            return Num(tok.value, tok.decimal, tok.text)
        if tok.kind == "name":
            return self.parse_name()
        if self.at_op("("):
            return self.parse_group("(", ")")
        if self.at_op("["):
            return self.parse_bracket_list("[", "]")
        if self.at_op("{"):
            return self.parse_bracket_list("{", "}")
        if self.at_op("|"):
            self.advance()
            self.enter()
            inner = self.parse_sum()
            self.depth -= 1
            self.expect_op("|", "to close the absolute value")
            return Call("abs", (inner,))
        if tok.kind == "end":
            raise self.error("the expression ends too early", "a number, a name or '('")
        raise self.error(f"unexpected {tok.text!r}", "a number, a name or '('")

    def parse_group(self, opener: str, closer: str) -> Node:
        self.advance()
        self.enter()
        if self.at_op(closer):
            raise self.error("empty parentheses", "an expression")
        inner = self.parse_list(closer)
        self.depth -= 1
        self.expect_op(closer, f"to close the {opener!r}")
        return inner

    def parse_bracket_list(self, opener: str, closer: str) -> Node:
        self.advance()
        self.enter()
        items: list[Node] = []
        if not self.at_op(closer):
            node = self.parse_list(closer)
            items = list(node.items) if isinstance(node, Seq) and node.bracket == "" else [node]
        self.depth -= 1
        self.expect_op(closer, f"to close the {opener!r}")
        return Seq(tuple(items), opener)

    def parse_name(self) -> Node:
        tok = self.advance()
        func = canonical(tok.text)
        if func is None and self.at_op("(") and (tok.text in self.applied or self.applies_function_letter(tok)):
            func = tok.text
        if func is None:
            if self.at_op("(") and not self.tok.space_before and _reads_as_function(tok.text):
                # "divisor_count(196)" is no product divisor_count*196: read so, a check of the product agreed
                # with itself and the misreading was shown verified. x(x+1) and y(2) stay products.
                raise self.error(f"unknown function {tok.text!r}", "a known function name")
            return Name(tok.text)
        power = None
        if self.at_op("^") and self.peek().kind == "num" and self.peek(2).text == "(":
            self.advance()  # sin^2(x) means sin(x)^2
            power = self.parse_primary()
        if self.at_op("("):
            node = Call(func, self.parse_arguments())
        elif self.starts_bare_argument():
            node = Call(func, (self.parse_bare_argument(),))
        else:
            return Name(tok.text)  # a function name used as a plain name, e.g. "gamma" as a symbol
        return BinOp("^", node, power) if power is not None else node

    def applies_function_letter(self, name: Token) -> bool:
        """`g(x) + 1` is g applied to x, not the product g*x: f, g and h are the letters people name functions
        with, and written against "(" around a variable (`f(x)`, `g(2t + 1)`) they apply. A product stays one
        when the letter comes back inside (`h(h - 1)`: a function of itself is no one's meaning), when a space
        comes between (`g (x + 1)`), or when only numbers are inside (`g(2)`: 2g or g at 2, nothing says);
        other letters (`x(x + 1)`, `k(x + 1)`, `y(2)`) are products as before."""
        if name.text not in FUNCTION_LETTERS or self.tok.space_before:
            return False
        depth, variable = 0, False
        for tok in self.tokens[self.k:]:
            if tok.kind == "end" or tok.kind == "name" and tok.text == name.text:
                return False
            if tok.kind == "name" and tok.text not in NOT_VARIABLES and canonical(tok.text) is None:
                variable = True
            depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(tok.text, 0) if tok.kind == "op" else 0
            if depth == 0:
                return variable
        return False

    def parse_arguments(self) -> tuple[Node, ...]:
        self.advance()
        self.enter()
        args: list[Node] = []
        if not self.at_op(")"):
            args.append(self.parse_relation())
            while self.at_op(",", ";"):
                self.advance()
                args.append(self.parse_relation())
        self.depth -= 1
        self.expect_op(")", "to close the argument list")
        return tuple(args)

    def starts_bare_argument(self) -> bool:
        tok = self.tok
        return tok.kind == "num" or (tok.kind == "name" and canonical(tok.text) is None
                                     and tok.text not in KEYWORDS)

    def parse_bare_argument(self) -> Node:
        """`sin 2x` is sin(2x), `sin x cos x` is sin(x)cos(x), `sin x^2` is sin(x^2)."""
        node = self.parse_power()
        while self.tok.kind == "name" and canonical(self.tok.text) is None and \
                self.tok.text not in KEYWORDS and not _is_differential(self.tok.text):
            if self.tok.newline_before:
                raise self.line_break()
            node = BinOp("*", node, self.parse_power())
        return node


def _is_differential(name: str) -> bool:
    """`dx`, `dt` close an integrand: `integrate sin x dx`."""
    return len(name) == 2 and name[0] == "d" and name[1].isalpha()


def parse(text: str, *, applied: frozenset[str] = frozenset()) -> Node:
    """Parse `text` into an expression tree, or raise ParseError with the position and what was expected."""
    if not isinstance(text, str):
        raise ParseError("input must be text", 0)
    return Parser(text, applied=applied).parse()


# multi-letter names that are symbols, not functions, even right before "(": pi(r^2), theta(1 + t)
_SYMBOL_NAMES = frozenset({"pi", "oo", "inf", "infinity", "alpha", "beta", "delta", "epsilon", "eta", "theta",
                           "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "chi",
                           "psi", "omega"})


def _reads_as_function(name: str) -> bool:
    """A name of three or more characters, or with an underscore, written against "(" is a function call."""
    return (len(name) >= 3 or "_" in name) and name.lower() not in _SYMBOL_NAMES
