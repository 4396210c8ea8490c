"""Clock times: "What is 213 minutes before 5:41 AM?" (a 12-hour clock time) and "How many minutes are there
between 2:17 PM and 6:13 PM?" (forward from the first time to the second, across midnight if need be).

Times are read here into minutes after midnight; the tool works modulo a day and writes the clock time; the
check reads the time shown back into minutes.
"""
from __future__ import annotations

import re

from ..literals import LazyRegex
from ..plan import CheckKind, RoutedCall
from ..text import strip_question

I = re.IGNORECASE
TIME = r"(\d{1,2}):(\d{2})\s*([ap])\.?\s*m\.?"
SPAN = r"(?:(\d+)\s+hours?(?:\s*,?\s*(?:and\s+)?(?=\d))?)?(?:(\d+)\s+min(?:ute)?s?)?"
SHIFT = LazyRegex(rf"^{SPAN}\s+(before|after|past|from)\s+{TIME}$", I)
BETWEEN = LazyRegex(rf"^how\s+many\s+minutes\s+(?:are\s+there\s+|pass\s+|elapse\s+)?(?:between|from)\s+{TIME}\s+"
                     rf"(?:and|to|until)\s+{TIME}$", I)
MAX_SPAN = 10**9


def minutes_text(hour: str, minute: str, half: str) -> str | None:
    """"5", "41", "p" -> "(17*60 + 41)": the time as minutes after midnight, written so a reader sees it."""
    h, m = int(hour), int(minute)
    if not 1 <= h <= 12 or m >= 60:
        return None
    h24 = h % 12 + (12 if half.lower() == "p" else 0)
    return f"({h24}*60 + {m})"


def shift(hours: str | None, minutes: str | None, direction: str, *time: str) -> RoutedCall | None:
    if hours is None and minutes is None:
        return None
    span = int(hours or 0) * 60 + int(minutes or 0)
    start = minutes_text(*time)
    if start is None or span > MAX_SPAN:
        return None
    sign = "-" if direction.lower() == "before" else "+"
    call = f"clock_time({start} {sign} {span})"
    return RoutedCall("calculator", call, f"{span} minutes {direction.lower()} {':'.join(time[:2])} {time[2]}M",
                      CheckKind.CLOCK)


def between(*times: str) -> RoutedCall | None:
    first, second = minutes_text(*times[:3]), minutes_text(*times[3:])
    if first is None or second is None:
        return None
    call = f"({second} - {first}) mod 1440"
    return RoutedCall("calculator", call, "minutes from the first time forward to the second", CheckKind.ARITHMETIC)


ASKED_TIME = LazyRegex(r"^what\s+time\s+(?:is\s+it|will\s+it\s+be|was\s+it)\s+", I)


def match(question: str) -> RoutedCall | None:
    text = ASKED_TIME.sub("", strip_question(question))
    found = SHIFT.match(text)
    if found:
        return shift(*found.groups())
    found = BETWEEN.match(text)
    return between(*found.groups()) if found else None
