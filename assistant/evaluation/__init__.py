"""Measuring calx: benchmark readers, graders, a resumable parallel runner, reports, and Calc-X chain tools.

Nothing here evaluates dataset or model text: numbers are read with regexes into Fractions and
expressions go through the project's own parser (tools.parsing) before any SymPy object is built.
"""
