"""A plot drawn in the terminal with plotext; the sampled points stay here for PNG export."""
from __future__ import annotations

import math

from textual_plotext import PlotextPlot

from ..plotting import PlotData


class PlotView(PlotextPlot):
    def __init__(self, data: PlotData, **kwargs):
        super().__init__(classes="plot", **kwargs)
        self.data = data

    def on_mount(self) -> None:
        plt = self.plt
        plt.title(self.data.title)
        for xs, ys in _segments(self.data.xs, self.data.ys):  # gaps where the function is undefined
            plt.plot(xs, ys, marker="braille")


def _segments(xs: list[float], ys: list[float]) -> list[tuple[list[float], list[float]]]:
    segments, current = [], ([], [])
    for x, y in zip(xs, ys):
        if math.isnan(y):
            if current[0]:
                segments.append(current)
            current = ([], [])
        else:
            current[0].append(x)
            current[1].append(y)
    if current[0]:
        segments.append(current)
    return segments
