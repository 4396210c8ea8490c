"""Load: many threads asking one Assistant at once, and memory over thousands of questions.

Every answer is checked against a value computed in the test (Python ints, Fraction, a small polynomial
reader of the answer text; see bench/bench_load.py), so a wrong figure or an answer that belongs to
another thread's question fails. Every run has a watchdog: past its bound the test fails with every
thread's stack (faulthandler). Timings are never asserted: the machine is shared.
"""
from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import tools
from assistant import Assistant
from assistant.models.base import CompletionStats, PerThreadStats
from assistant.planner import Budgets
from tools.calculator.integers import flint_threads

from llama_server import embedded_model_server

ROOT = Path(__file__).resolve().parents[2]
THREADS = 32
BOUND = 600.0  # seconds before a run counts as stuck; generous, a deadlock is forever
TOOL_TIMEOUT = 60.0  # correctness under load is tested here, not latency on a shared 2-core machine


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "bench_load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


load = _bench_module()


def _assistant(**kwargs) -> Assistant:
    return Assistant(use_planner=False, tool_timeout=TOOL_TIMEOUT, **kwargs)


def _warm(assistant) -> None:
    """One question of each kind, so modules are imported and the symbolic worker is up before measuring."""
    run = load.run_concurrently(assistant.ask, load.workload(len(load.KINDS), seed=99), 1, BOUND)
    assert not run.failures, run.failures


def _held():
    """What the process holds, and its threads other than FLINT's few long-lived ones (which may start mid-run)."""
    others = sum(not t.name.startswith(flint_threads.PREFIX) for t in threading.enumerate())
    return load.usage(), others


def _assert_nothing_leaked(before, after) -> None:
    (was, threads_was), (now, threads_now) = before, after
    assert threads_now == threads_was, f"threads: {threads_was} before, {threads_now} after"
    assert now.python_threads - threads_now <= flint_threads._POOL._max_workers
    assert now.fds <= was.fds, f"open fds grew from {was.fds} to {now.fds}"
    # the same symbolic worker still serves (no restart), and no factoring child is left behind
    assert now.child_pids == was.child_pids, (was.child_pids, now.child_pids)


# -- direct questions from 32 threads ---------------------------------------------------------------

def test_32_threads_answer_a_mix_of_direct_questions_correctly():
    assistant = _assistant()
    _warm(assistant)
    before = _held()
    items = load.workload(THREADS * 20, seed=1)
    assert {i.kind for i in items} == set(load.KINDS)
    run = load.run_concurrently(assistant.ask, items, THREADS, BOUND)
    assert not run.failures, "\n".join(run.failures[:20])
    assert all(a.steps and a.steps[0].tool in ("calculator", "bigint", "symbolic") for a in run.answers)
    _assert_nothing_leaked(before, _held())


def test_the_watchdog_fails_a_stuck_run_with_every_threads_stack():
    release = threading.Event()

    def stuck_ask(question):
        release.wait()  # a deadlock, as the watchdog sees it

    items = load.workload(4, seed=2)
    try:
        with pytest.raises(load.Stuck) as stuck:
            load.run_concurrently(stuck_ask, items, 4, bound=0.5)
    finally:
        release.set()
    assert "0/4 answered" in str(stuck.value) and "in stuck_ask" in str(stuck.value)


def test_a_symbolic_call_queued_behind_a_slow_one_ends_with_a_typed_error():
    """One warm worker serves every thread; waiting for it is bounded by the waiting call's own budget."""
    assert tools.run("symbolic", "diff(x^2, x)", timeout=TOOL_TIMEOUT).ok  # the worker is up: no start-up grace
    slow = threading.Thread(target=tools.run, args=("symbolic", "simplify((sin(x)^20 + cos(x)^20)^3 - 1)"),
                            kwargs={"timeout": 5.0})
    slow.start()
    try:
        time.sleep(0.3)  # the slow call has the worker
        queued = tools.run("symbolic", "diff(x^3, x)", timeout=0.5)
    finally:
        slow.join()
    assert queued.error is not None and queued.error.type == "busy", queued
    assert tools.run("symbolic", "diff(x^3, x)", timeout=TOOL_TIMEOUT).output == "3*x**2"  # and it serves again


COLD_START = """
import faulthandler, importlib.util, json, sys
faulthandler.dump_traceback_later({bound}, exit=True)  # stuck: every thread's stack on stderr, then exit
spec = importlib.util.spec_from_file_location("bench_load", {bench!r})
load = importlib.util.module_from_spec(spec)
sys.modules["bench_load"] = load
spec.loader.exec_module(load)
from assistant import Assistant
assistant = Assistant(use_planner=False, tool_timeout={timeout})
run = load.run_concurrently(assistant.ask, load.workload({count}, seed=3), {threads}, {bound})
print(json.dumps({{"failures": run.failures, "children": len(load.children())}}))
"""


def test_32_threads_asking_the_first_questions_of_a_fresh_process():
    """Nothing imported, no worker started: 32 first questions at once import the router, the engines and
    start the symbolic worker concurrently (a server's cold start)."""
    code = COLD_START.format(bound=BOUND, bench=str(ROOT / "bench" / "bench_load.py"), timeout=TOOL_TIMEOUT,
                             count=THREADS * 3, threads=THREADS)
    try:
        proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                              timeout=BOUND + 60, cwd=ROOT)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the cold start did not finish: {exc.stderr}")
    assert proc.returncode == 0, proc.stderr[-4000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["failures"] == []
    assert result["children"] == 1  # one symbolic worker, however many threads asked for it at once


# -- memory --------------------------------------------------------------------------------------

def _memory_run(count: int, warmup: int, batches: int = 10) -> None:
    """Warm up, then `count` questions in batches, each asked by 32 fresh threads: a leak per question or
    per thread (FLINT's per-thread caches were one) shows as growth."""
    assistant = _assistant()
    items = load.workload(count, seed=11)  # made before the first reading: the test's own memory is not growth
    warm = load.run_concurrently(assistant.ask, load.workload(warmup, seed=10), THREADS, BOUND, keep_answers=False)
    assert not warm.failures, warm.failures[:10]
    before = _held()
    size = -(-count // batches)
    for start in range(0, count, size):
        run = load.run_concurrently(assistant.ask, items[start:start + size], THREADS, BOUND, keep_answers=False)
        assert not run.failures, "\n".join(run.failures[:20])
    after = _held()
    was, now = before[0], after[0]
    growth = (now.total_kb - was.total_kb) / was.total_kb
    assert growth < 0.10, (f"RSS (this process + {len(now.child_pids)} children) grew {growth:.1%} over {count} "
                           f"questions: {was.total_kb} kB -> {now.total_kb} kB (process {was.rss_kb} -> "
                           f"{now.rss_kb}, children {was.children_rss_kb} -> {now.children_rss_kb})")
    _assert_nothing_leaked(before, after)


def test_memory_stays_bounded_over_2000_questions():
    _memory_run(2_000, warmup=1_000)


@pytest.mark.slow
def test_memory_stays_bounded_over_10000_questions():
    _memory_run(10_000, warmup=2_000)


# -- the planner path from many threads, with a model whose answers are known -----------------------

class KeyedModel:
    """A stand-in model that is a pure function of its prompt: it reads its own problem and the outputs so
    far from the prompt and writes the next segment. One instance serves every thread and keeps no state
    between calls, so a wrong figure can only come from the host mixing up threads' chains or tool calls."""

    name = "keyed"
    supports_grammar = False
    last_stats = PerThreadStats()

    def complete(self, prompt, *, stop=(), grammar=None, max_tokens=256, temperature=0.0, seed=None, **_):
        problem = prompt[prompt.rindex("Problem: ") + len("Problem: "):]
        question, _, chain = problem.partition("\n")
        outputs = [o.split(" = around")[0] for o in re.findall(r"<output>(.*?)</output>", chain)]
        text = _next_segment(question, outputs)
        stats = self.last_stats = CompletionStats(prompt_tokens=len(prompt.split()))
        for piece in re.findall(r"\s*\S+|\s+", text):
            stats.completion_tokens += 1
            yield piece
        stats.finish_reason = "stop"

    def count_tokens(self, text: str) -> int:
        return len(text.split())


PLANS = {
    # problem pattern -> the calls, each built from the numbers in the problem and the outputs so far
    r"Multiply (\d+) by (\d+), then add (\d+)\.": [
        lambda n, out: ("calculator", f"{n[0]} * {n[1]}"),
        lambda n, out: ("calculator", f"{out[0]} + {n[2]}"),
    ],
    r"Raise (\d+) to the power (\d+) modulo (\d+), then subtract (\d+)\.": [
        lambda n, out: ("bigint", f"powmod({n[0]}, {n[1]}, {n[2]})"),
        lambda n, out: ("calculator", f"{out[0]} - {n[3]}"),
    ],
    r"Differentiate (\d+) x\^(\d+) and evaluate the derivative at x = (\d+)\.": [
        lambda n, out: ("symbolic", f"diff({n[0]}*x^{n[1]}, x)"),
        lambda n, out: ("symbolic", f"subs({out[0]}, x, {n[2]})"),
    ],
}


def _next_segment(question: str, outputs: list[str]) -> str:
    for pattern, calls in PLANS.items():
        m = re.fullmatch(pattern, question)
        if m:
            if len(outputs) < len(calls):
                tool, text = calls[len(outputs)](m.groups(), outputs)
                return f'<gadget id="{tool}">{text}'  # generation stops at </gadget>: it is not part of the text
            return f"<result>{outputs[-1]}"
    return "I do not know."


def _planner_items(count: int, seed: int) -> list[tuple[str, int]]:
    rng, items = random.Random(seed), []
    for i in range(count):
        a, b, c = rng.randint(10**3, 10**9), rng.randint(10**3, 10**9), rng.randint(1, 10**6)
        if i % 3 == 0:
            items.append((f"Multiply {a} by {b}, then add {c}.", a * b + c))
        elif i % 3 == 1:
            k, m = rng.randint(10**3, 10**12), rng.randint(2, 10**9)
            items.append((f"Raise {a} to the power {k} modulo {m}, then subtract {c}.", pow(a, k, m) - c))
        else:
            k, n, v = rng.randint(1, 99), rng.randint(2, 12), rng.randint(1, 30)
            items.append((f"Differentiate {k} x^{n} and evaluate the derivative at x = {v}.", k * n * v ** (n - 1)))
    return items


def _planner_check(item, answer) -> str | None:
    ok = (answer.question == item.question and answer.route == "planner" and answer.error is None
          and answer.answer == str(item.expected) and len(answer.steps) == 2
          and all(s.error is None and not s.output.startswith("ERROR") for s in answer.steps))
    return None if ok else (f"{item.question!r}: {answer.answer!r} (expected {item.expected}), error {answer.error}, "
                            f"steps {[(s.tool, s.input, s.output) for s in answer.steps]}")


def test_32_threads_through_the_planner_get_their_own_chains():
    assistant = Assistant(KeyedModel(), tool_timeout=TOOL_TIMEOUT,
                          budgets=Budgets(max_calls=4, wall_seconds=BOUND, tool_timeout=TOOL_TIMEOUT))
    items = [load.Item(q, "planner", v) for q, v in _planner_items(THREADS * 6, seed=5)]
    run = load.run_concurrently(assistant.ask, items, THREADS, BOUND, checker=_planner_check)
    assert not run.failures, "\n".join(run.failures[:10])


# -- the planner against a real llama_cpp.server, 8 questions at once --------------------------------

SERVER_QUESTIONS = [
    "A shop has 7 boxes with 24 pencils in each box. How many pencils does the shop have?",
    "Tom has 15 apples and gives away 6. How many apples does he have left?",
    "A bus carries 42 people on each trip. How many people does it carry in 5 trips?",
    "Sara reads 12 pages a day. How many pages does she read in 9 days?",
    "A farmer packs 130 eggs in cartons of 10. How many cartons does he fill?",
    "There are 18 boys and 23 girls in a class. How many children are in the class?",
    "A ticket costs 8 dollars. How much do 11 tickets cost?",
    "Ann had 50 stickers and bought 35 more. How many stickers does she have now?",
]
ALLOWED_ERRORS = {None, "no_result", "budget"}  # a tiny model may ramble or stop early; the host must not fail
SEGMENT = re.compile(r'(<gadget id="[a-z]+">[^<]*</gadget>\n<output>[^<]*</output>\n)*(<result>[^<]*</result>)?')


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """llama-cpp-python's server with its defaults on the embedded model. Its default `interrupt_requests`
    ends a stream early whenever another request arrives."""
    with embedded_model_server(tmp_path_factory.mktemp("server")) as url:
        yield url


def _server_check(item, answer) -> str | None:
    """The tiny model may be wrong; the host must not be: its own question, well-formed steps, no host failure."""
    kind = answer.error.type if answer.error else None
    names = set(tools.names())
    problems = [
        answer.question != item.question and "another question's answer",
        answer.route != "planner" and f"route {answer.route}",
        kind not in ALLOWED_ERRORS and f"error {answer.error}",
        kind == "budget" and "wall" in answer.error.message and f"error {answer.error}",
        not SEGMENT.fullmatch(answer.chain) and f"malformed chain {answer.chain!r}",
    ] + [f"bad step {step}" for step in answer.steps
         if step.tool not in names or not step.input or not step.output or step.error == "internal"
         or (step.error is None and step.output.startswith("ERROR"))]
    problems = [p for p in problems if p]
    return f"{item.question!r}: {'; '.join(problems)}" if problems else None


@pytest.mark.slow  # 1.5-4 min on 2 shared cores: the server answers one chain at a time
def test_8_planner_questions_at_once_against_a_real_server(server_url):
    assistant = Assistant(server=server_url, budgets=Budgets(max_calls=3, max_tokens=96, wall_seconds=BOUND))
    items = [load.Item(q, "planner", None) for q in SERVER_QUESTIONS]
    run = load.run_concurrently(assistant.ask, items, len(items), BOUND, checker=_server_check)
    assert not run.failures, "\n".join(run.failures)
