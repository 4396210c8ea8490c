"""Save a plot as PNG with the standard library alone (zlib + struct).

matplotlib would add ~10 MB of wheels plus numpy and pillow-sized dependencies and about a second of
import time for one line chart; plotext cannot write images. A line chart needs only a pixel grid,
Bresenham lines and a 3x5 digit font for the tick labels, so calx draws it itself, on the one canvas and PNG
encoder of assistant/png.py.
"""
from __future__ import annotations

import math
from pathlib import Path

from assistant.png import Canvas

GREY, BLACK, BLUE = (225, 225, 225), (40, 40, 40), (31, 119, 180)
PNG_LEVEL = 6  # zlib level of the plots (the benchmark charts use 9)


class TickFont:
    """3x5 glyphs for tick labels, one string of 15 bits per character (rows top to bottom); what the font
    lacks is blank."""

    WIDTH = 3
    BITS = {
        "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111",
        "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001001001001",
        "8": "111101111101111", "9": "111101111001111", "-": "000000111000000", ".": "000000000000010",
        "e": "000111101110011", "+": "000010111010000",
    }

    @classmethod
    def glyph(cls, char: str) -> list[str]:
        bits = cls.BITS.get(char, "0" * 15).replace("1", "#").replace("0", ".")
        return [bits[k:k + 3] for k in range(0, 15, 3)]


def save_line_chart(path: Path, xs: list[float], ys: list[float], width: int = 800, height: int = 500) -> Path:
    """Axes, grid, tick labels and the curve (gaps where y is NaN)."""
    canvas = Canvas(width, height)
    left, right, top, bottom = 70, width - 20, 20, height - 40
    finite = [y for y in ys if not math.isnan(y)]
    x0, x1 = min(xs), max(xs)
    y0, y1 = (min(finite), max(finite)) if finite else (-1.0, 1.0)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    px = lambda x: round(left + (x - x0) / (x1 - x0) * (right - left))  # noqa: E731
    py = lambda y: round(bottom - (y - y0) / (y1 - y0) * (bottom - top))  # noqa: E731
    for k in range(5):
        gx, gy = x0 + (x1 - x0) * k / 4, y0 + (y1 - y0) * k / 4
        canvas.line(px(gx), top, px(gx), bottom, GREY)
        canvas.line(left, py(gy), right, py(gy), GREY)
        canvas.text(px(gx) - 12, bottom + 10, _tick(gx), BLACK, font=TickFont)
        canvas.text(4, py(gy) - 5, _tick(gy), BLACK, font=TickFont)
    canvas.line(left, top, left, bottom, BLACK)
    canvas.line(left, bottom, right, bottom, BLACK)
    previous = None
    for x, y in zip(xs, ys):
        point = None if math.isnan(y) else (px(x), py(y))
        if point and previous:
            canvas.line(*previous, *point, BLUE, thick=2)
        previous = point
    path = Path(path)
    path.write_bytes(canvas.png(PNG_LEVEL))
    return path


def _tick(value: float) -> str:
    return f"{value:.3g}".replace("e+0", "e").replace("e-0", "e-")
