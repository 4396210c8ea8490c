"""Faults in what calx keeps on disk: the chat history (SQLite) and the config file.

Every test uses real files and, where the user's view matters, the real app driven by Pilot. The promise
under test, for each fault: the user is told what happened and where, the app keeps answering, and
nothing saved before is lost (a damaged database is moved aside byte for byte, never rewritten).

Faults that need the operating system's help run the app in a child process:
- a full disk is a small tmpfs mounted in a user+mount namespace (`unshare --user --map-root-user --mount`,
  no privileges needed), else `unshare --mount` or a plain mount when root; and, everywhere, RLIMIT_FSIZE;
- read-only and unreadable files need a user whom permissions apply to: root is mapped to a plain user in a
  user namespace (`unshare --user --map-user=1000`); a non-root user is that already.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TESTKIT = ROOT / "tests" / "tui"
if str(TESTKIT) not in sys.path:
    sys.path.insert(0, str(TESTKIT))

from tui_testkit import answers, ask, notes, wait_for  # noqa: E402

from tui.app import build_app  # noqa: E402
from tui.config import MAX_PROBLEMS, Config, config_path  # noqa: E402
from tui.history import HistoryStore, history_path  # noqa: E402
from tui.screens.help import HelpScreen  # noqa: E402
from tui.screens.history import HistoryScreen  # noqa: E402

SEED = [("2^10", "1024"), ("10/4", "5/2"), ("50 choose 25", "126410606437752")]


@pytest.fixture(autouse=True)
def isolated_xdg(tmp_path, monkeypatch):
    """No test reads the developer's config or writes to their history."""
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.chdir(tmp_path)


# -- helpers -------------------------------------------------------------------------------------------
def seed_history(path: Path, chats: int = 3, per_chat: int = 1, padding: int = 0) -> None:
    """A history as calx writes it: chats of question/answer pairs."""
    store = HistoryStore(path)
    store.db.execute("PRAGMA synchronous = OFF")  # test data: no fsync per message
    for c in range(chats):
        question, answer = SEED[c % len(SEED)]
        chat = store.new_chat(f"{question} #{c}")
        for i in range(per_chat):
            store.add(chat, "user", f"{question} #{c}.{i} {'·' * padding}")
            store.add(chat, "assistant", answer, {"question": question, "answer": answer, "route": "direct"})
    store.close()


def rows(path: Path) -> dict:
    """Everything saved, read through a fresh read-only connection."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {"chats": [list(r) for r in db.execute("SELECT id, title FROM chats ORDER BY id")],
                "messages": [list(r) for r in db.execute(
                    "SELECT id, chat_id, role, text, answer FROM messages ORDER BY id")]}
    finally:
        db.close()


def integrity(path: Path) -> str:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def answered(pilot, question: str, expected: str) -> None:
    """Ask, wait for the answer and for its save to have been tried (the status bar settles after it)."""
    app = pilot.app
    before = len(answers(app))
    await ask(pilot, question)
    await wait_for(pilot, lambda: len(answers(app)) > before and answers(app)[-1].answer is not None
                   and not app.screen.query_one("StatusBar").busy)
    await pilot.pause()
    assert answers(app)[-1].answer.answer == expected, f"{question} -> {answers(app)[-1].answer.answer}"


def history_notes(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == "history" or "history" in n.message]


# -- running a scenario in a child process (namespaces, rlimits) -----------------------------------------
def run_child(scenario: str, wrapper: list[str], tmp_path: Path, **args) -> dict:
    result = tmp_path / f"{scenario}-result.json"
    args.update(scenario=scenario, result=str(result))
    code = (f"import sys; sys.path[:0] = {[str(ROOT), str(TESTKIT), str(HERE)]!r}; "
            "import test_faults_storage as t; t.child_main()")
    done = subprocess.run([*wrapper, sys.executable, "-c", code], input=json.dumps(args), capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, f"child {scenario} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return json.loads(result.read_text())


def child_main() -> None:
    args = json.loads(sys.stdin.read())
    outcome = asyncio.run(CHILD_SCENARIOS[args["scenario"]](args))
    Path(args["result"]).write_text(json.dumps(outcome))


def _works(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def as_plain_user() -> list[str]:
    """A wrapper under which file permissions apply (root ignores them)."""
    if os.geteuid() != 0:
        return []
    wrapper = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
    if shutil.which("unshare") and _works([*wrapper, "true"]):
        return wrapper
    pytest.skip("running as root without user namespaces: root ignores file permissions, so no file can be "
                "made read-only or unreadable for it")


def small_disk(probe: Path) -> tuple[list[str], str]:
    """A wrapper in whose mount namespace the child can mount a small tmpfs, and how."""
    probe.mkdir(exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", "size=64k", "calx-probe", str(probe)]
    if shutil.which("unshare"):
        ways = ((["unshare", "--user", "--map-root-user", "--mount"], "user+mount namespace, unprivileged"),
                (["unshare", "--mount"], "mount namespace, as root"))
        for wrapper, how in ways:
            if _works([*wrapper, *mount]):
                return wrapper, how
    if os.geteuid() == 0 and _works(mount):
        subprocess.run(["umount", str(probe)], check=False)
        return [], "plain mount, as root"
    pytest.skip("no small disk can be mounted here: not root and `unshare --user --mount` is refused "
                "(user namespaces disabled?); test_full_disk_by_file_size_limit covers failing writes")


# -- corrupt, truncated, damaged and foreign databases --------------------------------------------------------
def garbage(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(20_000))


def truncated_tail(path: Path) -> None:
    seed_history(path, chats=6, per_chat=20, padding=100)
    size = path.stat().st_size
    os.truncate(path, int(size * 0.6) + 123)  # mid-page, as a copy cut short leaves it


def damaged_pages(path: Path) -> None:
    seed_history(path, chats=6, per_chat=20, padding=100)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 12 * page
    for n in (6, 9):  # two pages in the middle; the header and the schema page are intact
        data[n * page:(n + 1) * page] = random.Random(n).randbytes(page)
    assert data[:16] == b"SQLite format 3\x00"
    path.write_bytes(bytes(data))


def foreign_schema(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE chats (name TEXT, body BLOB)")
    db.execute("INSERT INTO chats VALUES ('someone else''s data', x'00ff')")
    db.commit()
    db.close()


CORRUPTIONS = {"garbage": (garbage, "not an SQLite database"),
               "truncated tail": (truncated_tail, "damaged"),
               "damaged pages": (damaged_pages, "damaged"),
               "foreign schema": (foreign_schema, "not a calx history (table chats has columns name, body)")}


@pytest.mark.parametrize("fault", list(CORRUPTIONS))
def test_an_unreadable_history_is_set_aside_intact_and_new_chats_work(fault, tmp_path):
    make, reason = CORRUPTIONS[fault]
    path = history_path()
    path.parent.mkdir(parents=True)
    make(path)
    before = sha256(path)
    readable_before = _salvageable_messages(path)

    async def session():
        app = build_app(no_model=True)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause(0.1)
            told = [n for n in history_notes(app) if "could not be read" in n]
            await answered(pilot, "6*7", "42")
            await answered(pilot, "2^100", "1267650600228229401496703205376")
            return told, app.history.set_aside
    told, aside = asyncio.run(session())

    assert aside is not None and aside.parent == path.parent and ".corrupt-" in aside.name
    assert sha256(aside) == before, "the damaged file is kept byte for byte"
    assert len(told) == 1 and str(aside) in told[0] and reason in told[0], told
    saved = rows(path)
    assert integrity(path) == "ok"
    new = [m[3] for m in saved["messages"][-4:]]
    assert new == ["6*7", "42", "2^100", "1267650600228229401496703205376"], "new chats are saved"
    copied = saved["messages"][:-4]
    assert all(tuple(m) in readable_before for m in copied), "a copied-over row is exactly a row the old file had"
    if fault in ("truncated tail", "damaged pages"):
        assert copied and "could still be read and were copied over" in told[0]
        assert 0 < len(copied) < 240
    else:
        assert copied == []


def _salvageable_messages(path: Path) -> set[tuple]:
    """Every message row any reader could get out of the file (the oracle for 'copied rows are not garbled')."""
    found = set()
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        db.execute("PRAGMA writable_schema = ON")
        for order in ("ASC", "DESC"):
            try:
                for row in db.execute(f"SELECT id, chat_id, role, text, answer FROM messages ORDER BY id {order}"):
                    found.add(row)
            except sqlite3.Error:
                pass
    except sqlite3.Error:
        pass
    return found


def test_a_second_damaged_file_never_overwrites_the_first_set_aside(tmp_path):
    path = tmp_path / "h.db"
    first, second = b"first damaged copy " * 300, b"second damaged copy " * 300
    path.write_bytes(first)
    a = HistoryStore(path)
    a.close()
    path.write_bytes(second)
    b = HistoryStore(path)
    assert a.set_aside != b.set_aside
    assert a.set_aside.read_bytes() == first and b.set_aside.read_bytes() == second


# -- a database locked by another process ---------------------------------------------------------------------
HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN " + sys.argv[2])
db.execute("INSERT INTO chats (title, created, updated) VALUES ('held by another program', 1, 1)")
print("holding", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
print("released", flush=True)
"""


def hold(path: Path, mode: str) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), mode], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    holder.wait(10)


@pytest.mark.parametrize("mode", ["IMMEDIATE", "EXCLUSIVE"])
def test_a_locked_history_is_reported_never_set_aside_and_saving_resumes(mode, tmp_path):
    """IMMEDIATE: another program is mid-write (reads still work). EXCLUSIVE: it even blocks reads, as during
    its commit; a start-up check that took that for damage would move a healthy database away."""
    path = history_path()
    path.parent.mkdir(parents=True)
    seed_history(path)
    saved_before = rows(path)
    holder = hold(path, mode)
    try:
        async def session():
            start = time.perf_counter()
            app = build_app(no_model=True)
            opened_s = time.perf_counter() - start
            async with app.run_test(size=(120, 30)) as pilot:
                await pilot.pause(0.1)
                start = time.perf_counter()
                await answered(pilot, "6*7", "42")
                locked_answer_s = time.perf_counter() - start
                told = history_notes(app)
                release(holder)
                await answered(pilot, "2^10", "1024")
                await pilot.press("ctrl+o")
                await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
                listed = [c.title for c in app.screen.chats]
                return opened_s, locked_answer_s, told, listed, history_notes(app)
        opened_s, locked_answer_s, told, listed, all_told = asyncio.run(session())
    finally:
        if holder.poll() is None:
            holder.kill()
    assert opened_s < 2.0, "a lock held elsewhere must not hold up the start"
    assert locked_answer_s < 5.0, "a save waiting for a lock must not freeze the chat for long"
    assert any("another program is using the history database" in n and str(path) in n for n in told), told
    assert not list(path.parent.glob("*.corrupt-*")), "a busy database is not a damaged one"
    after = rows(path)
    assert after["messages"][:len(saved_before["messages"])] == saved_before["messages"]
    assert "held by another program" in [c[1] for c in after["chats"]], "the other program's write is intact"
    assert [m[3] for m in after["messages"]][-2:] == ["2^10", "1024"], "saving resumes once the lock is gone"
    assert {"2^10 #0", "10/4 #1", "held by another program"} <= set(listed)
    assert integrity(path) == "ok"
    assert len(all_told) == len(told), "no further history errors once the lock is gone"


# -- read-only and unreadable history -------------------------------------------------------------------------
def test_a_read_only_history_file_shows_past_chats_and_the_chat_goes_on(tmp_path):
    path = history_path()
    path.parent.mkdir(parents=True)
    seed_history(path)
    path.chmod(0o444)
    before = sha256(path)
    seen = run_child("read_only", as_plain_user(), tmp_path)
    assert any("read-only" in n and str(path) in n and "past chats can be opened" in n for n in seen["notes"])
    assert seen["listed"] == ["50 choose 25 #2", "10/4 #1", "2^10 #0"]
    assert seen["reopened"] == ["1024"] and seen["answered"] == "42"
    assert sha256(path) == before and not list(path.parent.glob("*.corrupt-*"))


def test_a_read_only_history_folder_shows_past_chats_and_the_chat_goes_on(tmp_path):
    path = history_path()
    path.parent.mkdir(parents=True)
    seed_history(path)
    path.parent.chmod(0o555)  # the file is writable, but SQLite cannot create its journal beside it
    before = sha256(path)
    try:
        seen = run_child("read_only", as_plain_user(), tmp_path)
    finally:
        path.parent.chmod(0o755)
    assert any("read-only" in n and "folder" in n and "past chats can be opened" in n for n in seen["notes"])
    assert seen["listed"] == ["50 choose 25 #2", "10/4 #1", "2^10 #0"]
    assert seen["reopened"] == ["1024"] and seen["answered"] == "42"
    assert sha256(path) == before and sorted(p.name for p in path.parent.iterdir()) == ["history.db"]


@pytest.mark.parametrize("fault", ["read-only folder, no history yet", "unreadable file"])
def test_history_that_cannot_be_used_at_all_turns_history_off_with_a_reason(fault, tmp_path):
    path = history_path()
    path.parent.mkdir(parents=True)
    if fault == "unreadable file":
        seed_history(path)
        before = sha256(path)
        path.chmod(0o000)
    else:
        path.parent.chmod(0o555)
    try:
        seen = run_child("history_off", as_plain_user(), tmp_path)
    finally:
        path.parent.chmod(0o755)
        if path.exists():
            path.chmod(0o644)
    expected = "cannot be read" if fault == "unreadable file" else "read-only"
    assert any(n.startswith("history is off for this session") and expected in n for n in seen["notes"]), seen
    assert seen["answered"] == "42" and seen["history_key"] == "history is off"
    if fault == "unreadable file":
        assert sha256(path) == before


async def _child_read_only(args: dict) -> dict:
    app = build_app(no_model=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.1)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        listed = [c.title for c in app.screen.chats]
        await pilot.press("end", "enter")  # the oldest: "2^10 #0"
        await wait_for(pilot, lambda: answers(app) and answers(app)[-1].answer is not None)
        reopened = [v.answer.answer for v in answers(app)]
        await answered(pilot, "6*7", "42")
        return {"notes": notes(app), "listed": listed, "reopened": reopened,
                "answered": answers(app)[-1].answer.answer}


async def _child_history_off(args: dict) -> dict:
    app = build_app(no_model=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.1)
        await answered(pilot, "6*7", "42")
        await pilot.press("ctrl+o")
        await pilot.pause(0.1)
        return {"notes": notes(app), "answered": answers(app)[-1].answer.answer,
                "history_key": notes(app)[-1]}


# -- a full disk ----------------------------------------------------------------------------------------------------
def test_full_disk_on_a_small_tmpfs(tmp_path):
    """The history lives on a 128 KiB tmpfs; a filler file takes the rest of it."""
    disk = tmp_path / "small-disk"
    wrapper, how = small_disk(tmp_path / "probe")
    disk.mkdir()
    print(f"small disk: {how}")
    seen = run_child("full_disk", wrapper, tmp_path, disk=str(disk), fill="tmpfs", out=str(tmp_path / "copy.db"))
    _check_full_disk(seen, tmp_path / "copy.db", "the disk is full")


def test_full_disk_by_file_size_limit(tmp_path):
    """RLIMIT_FSIZE stops the database from growing (EFBIG): works for any user, no mount needed."""
    disk = tmp_path / "limited"
    disk.mkdir()
    seen = run_child("full_disk", [], tmp_path, disk=str(disk), fill="rlimit", out=str(tmp_path / "copy.db"))
    _check_full_disk(seen, tmp_path / "copy.db", "the disk reported an error")


def _check_full_disk(seen: dict, copy: Path, reason: str) -> None:
    failures = [n for n in seen["notes"] if n.startswith("history not saved")]
    assert failures and all(reason in n and seen["db"] in n for n in failures), seen["notes"]
    assert len(failures) == len(set(failures)), "one notification while the same problem lasts, not one per save"
    assert seen["failed_at"] is not None, "the disk never filled"
    assert integrity(copy) == "ok"
    final = rows(copy)
    for moment in ("before_full", "at_full"):
        kept = seen[moment]["messages"]
        assert final["messages"][:len(kept)] == kept, f"rows saved {moment.replace('_', ' ')} are all still there"
    questions = set(seen["asked"])
    for message in final["messages"]:  # no partial or garbled rows: each is a question asked or its answer
        _, _, role, text, answer = message
        if role == "user":
            assert text in questions
        else:
            record = json.loads(answer)
            assert record["question"] in questions and record["answer"] == text
    users = [m[3] for m in final["messages"] if m[2] == "user"]
    assert users[-1] == "3^5" and final["messages"][-1][3] == "243", "saving resumes once there is room"
    reopened = HistoryStore(copy)
    assert [(m.role, m.text) for m in reopened.messages(final["chats"][0][0])] == \
        [(m[2], m[3]) for m in final["messages"]], "the store reads back every row"
    reopened.close()


async def _child_full_disk(args: dict) -> dict:
    disk = Path(args["disk"])
    mounted = False
    if args["fill"] == "tmpfs":
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "calx-small-disk", str(disk)], check=True)
        mounted = True
    else:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    os.environ["XDG_DATA_HOME"] = str(disk / "data")
    filler = disk / "filler"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)

    def fill() -> None:
        if args["fill"] == "tmpfs":
            with open(filler, "wb", buffering=0) as file:
                try:
                    while True:
                        file.write(b"\0" * 4096)
                except OSError:
                    pass  # ENOSPC: the disk is full
        else:
            resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size, hard))

    def free() -> None:
        if args["fill"] == "tmpfs":
            filler.unlink()
        else:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))

    try:
        app = build_app(no_model=True)
        path = history_path()
        asked, failed_at = [], None  # answered() raises in the child if any question goes unanswered
        async with app.run_test(size=(120, 30)) as pilot:
            for question, expected in SEED:
                await answered(pilot, question, expected)
                asked.append(question)
            before_full = rows(path)
            fill()
            for i in range(300):
                question = f"{i} + 1000"
                asked.append(question)
                await answered(pilot, question, str(i + 1000))
                if any(n.startswith("history not saved") for n in notes(app)):
                    failed_at = i
                    break
            at_full = rows(path)
            for question, expected in (("2^20", "1048576"), ("7/3", "7/3"), ("6*7", "42")):
                asked.append(question)
                await answered(pilot, question, expected)  # raises if the app stopped answering
            free()
            asked.append("3^5")
            await answered(pilot, "3^5", "243")
            seen = notes(app)
        app.history.close()
        shutil.copy(path, args["out"])
        return {"notes": seen, "asked": asked, "failed_at": failed_at,
                "before_full": before_full, "at_full": at_full, "db": str(path)}
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(disk)], check=False)


CHILD_SCENARIOS = {"read_only": _child_read_only, "history_off": _child_history_off, "full_disk": _child_full_disk}


def test_reads_that_fail_mid_session_are_reported_once_and_read_as_empty(tmp_path):
    store = HistoryStore(tmp_path / "h.db")
    chat = store.new_chat("c")
    store.add(chat, "user", "1+1")
    told = []
    store.on_problem = told.append
    store.db.execute("DROP TABLE messages")  # as if the file changed under us
    assert store.messages(chat) == [] and store.messages(chat) == [] and store.chats() == []
    assert len(told) == 2 and all(str(tmp_path / "h.db") in t for t in told), told


# -- config ---------------------------------------------------------------------------------------------------------
def write_config(content: str | bytes) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


async def start_with_config(pilot_check=None) -> tuple[list[str], Config, object]:
    app = build_app(no_model=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.1)
        await answered(pilot, "6*7", "42")
        result = await pilot_check(pilot) if pilot_check else None
        return [n.message for n in app._notifications if n.title == "config"], app.config, result


CONFIG_FAULTS = {
    "wrong types": ('digits = "many"\ntool_timeout = "fast"\nshow_timings = 1\ntheme = 7\nmodel = false\n'
                    'server = 1.5\n', ["digits should be an integer, not 'many'", "tool_timeout should be an integer "
                                       "or a number, not 'fast'", "show_timings should be true or false, not 1",
                                       "theme should be a string, not 7", "model should be a string, not False",
                                       "server should be a string, not 1.5"]),
    "out of range": ("digits = 0\ntool_timeout = nan\n", ["digits must be between 1 and 100000, not 0",
                                                          "tool_timeout must be a number of seconds above 0"]),
    "infinite timeout": ("tool_timeout = inf\n", ["tool_timeout must be a number of seconds above 0"]),
    "unknown keys": ('colour = "red"\n[plugins]\nx = 1\n', ["unknown setting 'colour' ignored",
                                                           "unknown setting 'plugins' ignored"]),
    "invalid TOML": ("digits = 60\ntheme = \n", ["not read (it is not valid TOML: Invalid value (at line 2"]),
    "not UTF-8": (b'theme = "\xff\xfe"\n', ["not read (it is not UTF-8 text"]),
    "nested too deeply": ("a = " + "[" * 5000 + "]" * 5000 + "\n", ["not read (its TOML is nested too deeply)"]),
    "huge file": ("# padding\n" * 40_000 + "digits = 60\n", ["not read (it is 390 KiB, too large for a config"]),
    "wrong types nested in tables": ('theme = { name = "nord" }\nkeys = ["f2"]\n',
                                     ["theme should be a string, not {'name': 'nord'}",
                                      "keys should be a table, not ['f2']"]),
    "key names that are no keys": ('[keys]\nhelp = "ctrl+banana"\nquit = "q"\ncancel = "F2"\nsidebar = ""\n'
                                   'copy = "hyper+"\nlatex = 5\nhistory = "cmd+o"\n[keys.new_chat]\nkey = "f5"\n',
                                   ["help = 'ctrl+banana': 'banana' is not a key name",
                                    "quit = 'q': 'q' is a key you type in questions",
                                    "cancel = 'F2': 'F2' is not a key name; key names are lower case: 'f2'",
                                    "sidebar = '': an empty key name", "copy = 'hyper+': '' is not a key name",
                                    "latex should be a key name such as \"ctrl+j\", not 5",
                                    "history = 'cmd+o': 'cmd' is not a modifier",
                                    "new_chat should be a key name such as \"ctrl+j\", not {'key': 'f5'}"]),
}


@pytest.mark.parametrize("fault", list(CONFIG_FAULTS))
def test_a_bad_config_entry_is_shown_with_its_reason_and_defaults_are_used(fault, tmp_path):
    content, expected = CONFIG_FAULTS[fault]
    path = write_config(content)
    shown, config, _ = asyncio.run(start_with_config())
    joined = "\n".join(shown)
    for needle in expected:
        assert needle in joined, f"{needle!r} not in:\n{joined}"
    assert all(n.startswith(f"{path}: ") for n in shown), "each problem names the file"
    assert config == Config(), "every bad entry keeps its default"


def test_good_entries_next_to_bad_ones_are_kept(tmp_path):
    write_config('digits = 60\ntheme = "nord"\ncolour = 1\nshow_timings = "no"\n[keys]\nhelp = "f2"\n'
                 'quit = "banana"\n')

    async def keys_work(pilot):
        await pilot.press("f2")
        helped = isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        return helped, pilot.app.theme

    shown, config, (helped, theme) = asyncio.run(start_with_config(keys_work))
    assert (config.digits, config.theme, config.show_timings, config.keys) == (60, "nord", True, {"help": "f2"})
    assert helped and theme == "nord"
    assert len(shown) == 3, shown


def test_a_rejected_key_keeps_the_default_binding_working(tmp_path):
    write_config('[keys]\nhelp = "ctrl+banana"\nquit = "q"\n')

    async def defaults_work(pilot):
        await pilot.press("q")  # typed into the question, not quitting
        typed = pilot.app.screen.query_one("#input").text
        await pilot.press("f1")
        return typed, isinstance(pilot.app.screen, HelpScreen), pilot.app.is_running

    shown, _, (typed, helped, running) = asyncio.run(start_with_config(defaults_work))
    assert typed == "q" and helped and running


def test_a_key_already_taken_by_another_action_is_refused(tmp_path):
    write_config('[keys]\nhelp = "ctrl+q"\nhistory = "f2"\nsidebar = "ctrl+o"\n')

    async def check(pilot):
        await pilot.press("f1")  # help kept its default
        helped = isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape", "f2")  # history moved to f2, which freed ctrl+o for the sidebar
        return helped, type(pilot.app.screen).__name__, pilot.app.is_running

    shown, config, (helped, screen, running) = asyncio.run(start_with_config(check))
    assert shown == ["[keys] help = 'ctrl+q' is already the key for quit; help keeps its default key"], shown
    assert config.keys == {"history": "f2", "sidebar": "ctrl+o"}
    assert helped and screen == "HistoryScreen" and running


@pytest.mark.parametrize("fault", ["directory", "dangling link", "fifo"])
def test_a_config_path_that_is_not_a_file_gives_defaults_and_says_so(fault, tmp_path):
    path = config_path()
    path.parent.mkdir(parents=True)
    if fault == "directory":
        path.mkdir()
        expected = "it is a directory, not a file"
    elif fault == "dangling link":
        path.symlink_to(tmp_path / "nowhere.toml")
        expected = "it is a link to a file that does not exist"
    else:
        os.mkfifo(path)  # reading it would block the start for ever
        expected = "it is not a regular file"
    shown, config, _ = asyncio.run(start_with_config())
    assert config == Config() and shown == [f"{path}: not read ({expected}); using the defaults"]


def test_markup_in_config_values_is_shown_as_written_and_never_crashes(tmp_path):
    """A toast renders its message as markup unless told not to: '[/]' in a theme name crashed the app."""
    from textual.widgets._toast import Toast

    write_config('theme = "[/]"\n[keys]\n"[b]bold[/b]" = "f2"\n')

    async def session():
        app = build_app(no_model=True)
        async with app.run_test(size=(160, 40), notifications=True) as pilot:  # toasts drawn, as on screen
            await pilot.pause(0.2)
            await answered(pilot, "6*7", "42")
            return [str(toast.render()) for toast in app.query(Toast)]
    drawn = "\n".join(asyncio.run(session()))
    assert "unknown theme '[/]'" in drawn and "[keys] '[b]bold[/b]' is not an action" in drawn, drawn


def test_a_config_full_of_mistakes_is_summarised_not_a_flood(tmp_path):
    write_config("".join(f"unknown{i} = {i}\n" for i in range(200)))
    shown, config, _ = asyncio.run(start_with_config())
    assert len(shown) == MAX_PROBLEMS and "193 more problems" in shown[-1]


def test_an_unreadable_config_gives_defaults_and_says_so(tmp_path):
    path = write_config('digits = 60\n')
    path.chmod(0o000)
    seen = run_child("config_unreadable", as_plain_user(), tmp_path)
    assert seen["digits"] == 30 and seen["answered"] == "42"
    assert seen["notes"] == [f"{path}: not read (it cannot be read: Permission denied); using the defaults"]


async def _child_config_unreadable(args: dict) -> dict:
    shown, config, _ = await start_with_config()  # it asks 6*7 and checks the answer
    return {"notes": shown, "digits": config.digits, "answered": "42"}


CHILD_SCENARIOS["config_unreadable"] = _child_config_unreadable
