"""The worker process: imports SymPy once, then answers Requests from its parent over stdin/stdout.

Started by worker.py as `python -m tools.symbolic.server`. It limits its own memory (so a runaway
expansion ends in MemoryError, not the machine swapping), stops itself at each call's budget with
SIGALRM, and is killed by the parent when it does not.
"""
from __future__ import annotations

import os
import pickle
import resource
import sys

MEMORY_LIMIT = int(os.environ.get("CALX_SYMBOLIC_MEMORY_MB", "2048")) * 1024 * 1024
CHECK_SHARE = 0.3  # of the call's budget, kept for the checks


def _limit_memory() -> None:
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        pass


def serve(stdin, stdout) -> None:
    from .worker import HEADER, RECEIVED

    _limit_memory()
    sys.setrecursionlimit(20_000)
    from . import deadline
    from .compute import compute  # imports SymPy: the warm-up

    deadline.install()
    _send(stdout, "ready")
    while True:
        header = stdin.read(HEADER.size)
        if len(header) < HEADER.size:
            return
        (size,) = HEADER.unpack(header)
        request = pickle.loads(stdin.read(size))  # from our parent: the parse tree, not user text
        stdout.write(RECEIVED)  # from here on, dying means dying during this request
        stdout.flush()
        reply = compute(request)
        _send(stdout, reply)


def _send(stdout, message) -> None:
    from .worker import HEADER

    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stdout.write(HEADER.pack(len(data)) + data)
    stdout.flush()


def main() -> None:
    # the protocol gets its own copy of stdout; fd 1 goes to /dev/null so a stray print cannot corrupt it
    protocol_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    serve(sys.stdin.buffer, protocol_out)


if __name__ == "__main__":
    main()
