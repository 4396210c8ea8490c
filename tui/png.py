"""Save a plot as PNG with the standard library alone (zlib + struct).

matplotlib would add ~10 MB of wheels plus numpy and pillow-sized dependencies and about a second of
import time for one line chart; plotext cannot write images. A line chart needs only a pixel grid,
Bresenham lines and a 3x5 digit font for the tick labels, so calx draws it itself.
"""
from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

WHITE, GREY, BLACK, BLUE = (255, 255, 255), (225, 225, 225), (40, 40, 40), (31, 119, 180)
# 3x5 glyphs for tick labels, one string of 15 bits per character (rows top to bottom).
FONT = {
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111",
    "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001001001001",
    "8": "111101111101111", "9": "111101111001111", "-": "000000111000000", ".": "000000000000010",
    "e": "000111101110011", "+": "000010111010000",
}


class Canvas:
    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(WHITE) * width * height)

    def set(self, x: int, y: int, color: tuple[int, int, int]) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            k = 3 * (y * self.width + x)
            self.pixels[k:k + 3] = bytes(color)

    def get(self, x: int, y: int) -> tuple[int, int, int]:
        k = 3 * (y * self.width + x)
        return tuple(self.pixels[k:k + 3])

    def line(self, x0: int, y0: int, x1: int, y1: int, color, thick: int = 1) -> None:
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            for t in range(thick):
                self.set(x0, y0 + t, color)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err, x0 = err + dy, x0 + sx
            if e2 <= dx:
                err, y0 = err + dx, y0 + sy

    def text(self, x: int, y: int, label: str, color=BLACK, scale: int = 2) -> None:
        for n, ch in enumerate(label):
            bits = FONT.get(ch, "0" * 15)
            for k, bit in enumerate(bits):
                if bit == "1":
                    for a in range(scale):
                        for b in range(scale):
                            self.set(x + n * 4 * scale + (k % 3) * scale + a, y + (k // 3) * scale + b, color)

    def png(self) -> bytes:
        rows = b"".join(b"\x00" + bytes(self.pixels[3 * self.width * y:3 * self.width * (y + 1)])
                        for y in range(self.height))
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0))
                + _chunk(b"IDAT", zlib.compress(rows, 6)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


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
        canvas.text(px(gx) - 12, bottom + 10, _tick(gx))
        canvas.text(4, py(gy) - 5, _tick(gy))
    canvas.line(left, top, left, bottom, BLACK)
    canvas.line(left, bottom, right, bottom, BLACK)
    previous = None
    for x, y in zip(xs, ys):
        point = None if math.isnan(y) else (px(x), py(y))
        if point and previous:
            canvas.line(*previous, *point, BLUE, thick=2)
        previous = point
    path = Path(path)
    path.write_bytes(canvas.png())
    return path


def _tick(value: float) -> str:
    return f"{value:.3g}".replace("e+0", "e").replace("e-0", "e-")
