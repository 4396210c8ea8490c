"""MATH-style answers: the last \\boxed{...} of a solution, and LaTeX rewritten into the parser's plain syntax.

Only text rewriting happens here (brace matching and token substitution); what comes out goes
through tools.parsing.parse like any other untrusted text.
"""
from __future__ import annotations

import re

MAX_ANSWER_CHARS = 2_000  # a longer 'answer' is prose or an attack, not a final answer


def last_boxed(text: str) -> str | None:
    """Contents of the last \\boxed{...} (or \\fbox{...}), braces matched; None if there is none."""
    for marker in ("\\boxed", "\\fbox"):
        start = text.rfind(marker)
        if start < 0:
            continue
        k = start + len(marker)
        while k < len(text) and text[k] == " ":
            k += 1
        if k < len(text) and text[k] == "{":
            inner = _braced(text, k)
            if inner is not None:
                return inner.strip()
        else:  # '\boxed 5': the answer is the next token
            m = re.match(r"\s*([^\s$]+)", text[k:])
            if m:
                return m.group(1)
    return None


def _braced(text: str, open_at: int) -> str | None:
    depth = 0
    for k in range(open_at, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return text[open_at + 1:k]
    return None  # unbalanced


_DROP = [r"\\left", r"\\right", r"\\!", r"\\,", r"\\;", r"\\:", r"\\ ", r"\\displaystyle", r"\$", r"\\mathrm",
         r"\\textstyle", r"\\limits"]
_WORDS = {r"\\pi": " pi ", r"\\infty": " oo ", r"\\cdot": "*", r"\\times": "*", r"\\div": "/", r"\\le(?:q)?": "<=",
          r"\\ge(?:q)?": ">=", r"\\neq": "!=", r"\\ne": "!=", r"\\sqrt": "sqrt", r"\\ln": "log",
          r"\\log": "log", r"\\sin": "sin", r"\\cos": "cos", r"\\tan": "tan", r"\\cot": "cot", r"\\sec": "sec",
          r"\\csc": "csc", r"\\exp": "exp", r"\\lfloor": "floor(", r"\\rfloor": ")", r"\\lceil": "ceil(",
          r"\\rceil": ")", r"\\{": "{", r"\\}": "}", r"\\%": "", r"\\degree": "", r"\\circ": "", r"\\cup": " U "}


def latex_to_plain(text: str) -> str:
    """'\\frac{3\\sqrt{3}}{4}' -> '((3sqrt(3))/(4))'. Unknown commands are left for the parser to refuse."""
    text = text.strip()[:MAX_ANSWER_CHARS]
    text = re.sub(r"\\text(?:bf|it)?\s*\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\(?:mbox|textnormal|operatorname)\s*\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\^\s*\{?\\circ\}?", "", text)  # degrees: 90^\circ is 90
    text = text.replace("\\$", "")  # '\$18.90': the currency sign, escaped
    text = _column_vector(text)
    for pattern in _DROP:
        text = re.sub(pattern, "", text)
    text = _fractions(text)
    text = re.sub(r"\\sqrt\s*\[([^\]{}]*)\]\s*\{([^{}]*)\}", r"root((\2), (\1))", text)  # \sqrt[3]{x}
    for pattern, plain in _WORDS.items():
        text = re.sub(pattern + r"(?![A-Za-z])", plain, text)
    text = re.sub(r"sqrt\s*(\d)", r"sqrt(\1)", text)  # \sqrt2
    text = text.replace("{", "(").replace("}", ")")
    text = re.sub(r"\^\s*\(", "^(", text)
    return " ".join(text.split())


def _fractions(text: str) -> str:
    """\\frac{a}{b} -> ((a)/(b)), innermost first; \\frac12 (single-token arguments) too."""
    for _ in range(50):  # bounded: each pass removes one \frac
        m = re.search(r"\\[dt]?frac", text)
        if not m:
            return text
        k = m.end()
        num, k = _argument(text, k)
        den, k = _argument(text, k) if num is not None else (None, k)
        if num is None or den is None:
            return text  # malformed: the parser will refuse what remains
        text = text[:m.start()] + f"(({_fractions(num)})/({_fractions(den)}))" + text[k:]
    return text


def _argument(text: str, k: int) -> tuple[str | None, int]:
    while k < len(text) and text[k] == " ":
        k += 1
    if k >= len(text):
        return None, k
    if text[k] == "{":
        inner = _braced(text, k)
        return (inner, k + len(inner) + 2) if inner is not None else (None, k)
    if text[k] == "\\":
        m = re.match(r"\\[A-Za-z]+", text[k:])
        return (m.group(), k + m.end()) if m else (None, k)
    return text[k], k + 1


def _column_vector(text: str) -> str:
    """\\begin{pmatrix} a \\\\ b \\end{pmatrix} -> (a, b); one with '&' is a matrix: Matrix([[a, b], [c, d]]),
    rows of equal length only (a ragged one is left for the parser to refuse)."""
    m = re.fullmatch(r"\s*\\begin\{([pb]?matrix)\}(.*)\\end\{\1\}\s*", text, re.S)
    if not m or "\\begin" in m.group(2):
        return text
    rows = [row.strip() for row in m.group(2).split("\\\\")]
    if rows and not rows[-1]:
        rows.pop()  # a trailing \\ before \end
    if "&" not in m.group(2):
        return "(" + ", ".join(rows) + ")"
    cells = [[cell.strip() for cell in row.split("&")] for row in rows]
    if not cells or len({len(r) for r in cells}) != 1 or any(not c for r in cells for c in r):
        return text
    return "Matrix([" + ", ".join("[" + ", ".join(r) + "]" for r in cells) + "])"
