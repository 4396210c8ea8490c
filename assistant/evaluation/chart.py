"""A horizontal bar chart of run accuracies with their 95% intervals, as PNG bytes."""
from __future__ import annotations

from ..png import Canvas

BAR, WHISKER, GRID, INK, FAINT = (70, 120, 190), (20, 20, 20), (225, 225, 225), (0, 0, 0), (110, 110, 110)
ROW, TOP, BOTTOM, RIGHT, PLOT = 34, 56, 40, 190, 520
MAX_LABEL = 34


def bar_chart(summaries: list[dict], title: str) -> bytes:
    labels = [_label(s)[:MAX_LABEL] for s in summaries]
    left = 16 + max(Canvas.text_width(label) for label in labels) + 12
    width, height = left + PLOT + RIGHT, TOP + ROW * len(summaries) + BOTTOM
    canvas = Canvas(width, height)
    canvas.text(16, 16, title[:(width - 32) // 12])
    bottom = TOP + ROW * len(summaries)
    for tick in range(0, 101, 25):
        x = left + PLOT * tick // 100
        canvas.rect(x, TOP - 4, x + 1, bottom, GRID)
        canvas.text(x - Canvas.text_width(f"{tick}%") // 2, bottom + 10, f"{tick}%", FAINT)
    for k, (label, s) in enumerate(zip(labels, summaries)):
        y = TOP + k * ROW
        canvas.text(16, y + 10, label)
        acc, (lo, hi) = s["accuracy"], s["ci95"]
        canvas.rect(left, y + 6, left + round(PLOT * acc), y + ROW - 6, BAR)
        x_lo, x_hi = left + round(PLOT * lo), left + round(PLOT * hi)
        mid = y + ROW // 2
        canvas.rect(x_lo, mid - 1, x_hi + 1, mid + 1, WHISKER)
        canvas.rect(x_lo, mid - 7, x_lo + 2, mid + 7, WHISKER)
        canvas.rect(x_hi - 1, mid - 7, x_hi + 1, mid + 7, WHISKER)
        canvas.text(left + PLOT + 10, y + 10, f"{acc:.1%} N={s['n']}")
    return canvas.png()


def _label(s: dict) -> str:
    return f"{s.get('dataset', '?')} {s.get('mode', '')}".strip()
