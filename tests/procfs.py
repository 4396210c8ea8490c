"""Reading /proc for the tests that check which processes are alive (Linux only)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator


def live_processes() -> Iterator[tuple[int, str, list[str]]]:
    """(pid, command name, the stat fields after the name) of every process that is not a zombie."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # it ended while we looked
        fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, pgrp, session, ...
        if fields[0] != "Z":
            yield int(entry), stat[stat.index("(") + 1 : stat.rindex(")")], fields
