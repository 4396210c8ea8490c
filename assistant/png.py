"""The one PNG writer: an RGB canvas (pixels, rectangles, lines, bitmap text) and its encoder, on the standard
library alone (zlib + struct), used by the app's plots (tui/png.py) and the benchmark charts
(assistant/evaluation/chart.py).

Charts need rectangles, lines and a little text, and nothing else; matplotlib would add ~10 MB of wheels and
seconds of import time for them (the figures are in bench/RESULTS.md, "PNG charts without matplotlib").
"""
from __future__ import annotations

import struct
import zlib

from . import font as default_font

Color = tuple[int, int, int]
WHITE = (255, 255, 255)


class Canvas:
    def __init__(self, width: int, height: int, background: Color = WHITE):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def set(self, x: int, y: int, color: Color) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            k = 3 * (y * self.width + x)
            self.pixels[k:k + 3] = bytes(color)

    def get(self, x: int, y: int) -> Color:
        k = 3 * (y * self.width + x)
        return tuple(self.pixels[k:k + 3])

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        """Fill [x0, x1) x [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.width, x1)
        y0, y1 = max(0, y0), min(self.height, y1)
        if x0 >= x1:
            return
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start:start + len(row)] = row

    def line(self, x0: int, y0: int, x1: int, y1: int, color: Color, thick: int = 1) -> None:
        """Bresenham's line, `thick` pixels downwards."""
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

    def text(self, x: int, y: int, text: str, color: Color = (0, 0, 0), scale: int = 2,
             font=default_font) -> int:
        """Draw `text` with its top-left at (x, y) in `font` (WIDTH, and glyph(char): rows of '#'/'.');
        returns the x after the last glyph."""
        for char in text:
            for r, row in enumerate(font.glyph(char)):
                for c, bit in enumerate(row):
                    if bit == "#":
                        self.rect(x + c * scale, y + r * scale, x + (c + 1) * scale, y + (r + 1) * scale, color)
            x += (font.WIDTH + 1) * scale
        return x

    @staticmethod
    def text_width(text: str, scale: int = 2, font=default_font) -> int:
        return len(text) * (font.WIDTH + 1) * scale

    def png(self, level: int = 9) -> bytes:
        """The canvas as an 8-bit RGB PNG, compressed at zlib `level`."""
        stride = self.width * 3
        raw = b"".join(b"\x00" + bytes(self.pixels[y * stride:(y + 1) * stride]) for y in range(self.height))
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, level)) \
            + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
