"""A progress line on stderr: done/total, running accuracy, time per item, ETA. No dependency."""
from __future__ import annotations

import sys
import time


class Progress:
    WIDTH = 24

    def __init__(self, total: int, done: int = 0, correct: int = 0, label: str = "", stream=None):
        self.total, self.done, self.correct, self.label = total, done, correct, label
        self.stream = stream or sys.stderr
        self.start = time.perf_counter()
        self.new = 0  # items finished in this process: the rate ignores resumed ones
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = max(1, total // 20)  # without a terminal: a line every 5%

    def update(self, correct: bool) -> None:
        self.done += 1
        self.new += 1
        self.correct += bool(correct)
        if self.tty:
            self.stream.write("\r" + self.line())
            self.stream.flush()
        elif self.done % self.every == 0 or self.done == self.total:
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        frac = self.done / self.total if self.total else 1.0
        bar = "#" * int(frac * self.WIDTH)
        elapsed = time.perf_counter() - self.start
        rate = elapsed / self.new if self.new else 0.0
        eta = rate * (self.total - self.done)
        acc = self.correct / self.done if self.done else 0.0
        return (f"{self.label} [{bar:<{self.WIDTH}}] {self.done}/{self.total} acc {acc:6.1%} "
                f"{rate:5.2f} s/item ETA {_clock(eta)}")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
