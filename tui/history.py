"""Saved chats in SQLite under the XDG data directory.

Every write is one transaction, so a failed write (a full disk, a lock held by another program, a
read-only file) leaves no half message and loses nothing saved before; it raises HistoryError with a
reason a user can act on, and the chat goes on. Only a database SQLite reports as damaged, or one that
is not a calx history, is moved aside (renamed, never rewritten) and a fresh one started, with what
could still be read copied over; a busy, full or read-only one is never mistaken for a damaged one.
Problems found while opening are kept in `notices` for the app to show.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import quote

import platformdirs

SCHEMA = """
CREATE TABLE IF NOT EXISTS chats (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    role TEXT NOT NULL, text TEXT NOT NULL, answer TEXT, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS messages_by_chat ON messages(chat_id, id);
"""
COLUMNS = {"chats": ("id", "title", "created", "updated"),
           "messages": ("id", "chat_id", "role", "text", "answer", "created")}
COMPANIONS = ("-journal", "-wal", "-shm")  # SQLite's side files (a WAL holds data): they go where the database goes

# How long a write waits for another program's lock. Saves run on the UI thread: a second calx holds its
# lock for milliseconds, so a longer wait only freezes the screen while someone else holds a long transaction.
WRITE_WAIT_S = 1.0
OPEN_WAIT_S = 0.2  # the start-up check must not hold up the app either

_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class HistoryError(Exception):
    """A history problem, worded for the user: what went wrong and which file."""


@dataclass(frozen=True)
class ChatSummary:
    id: int
    title: str
    updated: float
    messages: int


@dataclass(frozen=True)
class StoredMessage:
    role: str  # "user", "assistant" or "plot"
    text: str
    answer: dict | None  # the Answer record (Answer.to_dict()) for assistant turns


def history_path() -> Path:
    return Path(platformdirs.user_data_dir("calx")) / "history.db"


class HistoryStore:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else history_path()
        self.set_aside: Path | None = None  # where a damaged database was moved
        self.notices: list[str] = []  # problems found while opening, for the app to show once
        self.read_only = False
        self.on_problem: Callable[[str], None] | None = None  # told when a read fails (the app notifies)
        self._told: set[str] = set()
        self._ready = False  # schema checked and in place; retried before a write if start-up could not
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(f"{self.path.parent} could not be created ({exc.strerror})") from exc
        self.db = self._open()

    # -- opening ---------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        exists = self.path.exists()
        if exists and not self.path.is_file():
            raise HistoryError(f"{self.path} is not a file")
        if exists and not os.access(self.path, os.R_OK):
            raise HistoryError(f"{self.path} cannot be read (permission denied)")
        self.read_only = not _writable(self.path)
        if not exists and self.read_only:
            raise HistoryError(f"{self.path.parent} is read-only, so no history can be kept there")
        try:
            db = _connect(self.path, read_only=self.read_only)
        except sqlite3.Error as exc:
            raise HistoryError(f"{self.path} could not be opened ({_reason(exc)})") from exc
        try:
            damage = _damage(db)
        except sqlite3.Error as exc:
            if _code(exc) not in _CORRUPT:
                return self._open_anyway(db, exc)  # busy, or an I/O error: not the file's fault, leave it be
            damage = _reason(exc)
        if damage is not None:
            db.close()
            return self._set_aside_and_start_again(damage)
        if self.read_only:
            self.notices.append(f"{self.path} is read-only ({_why_read_only(self.path)}): past chats can be "
                                "opened, new ones are not saved")
            self._ready = True
            return db
        try:
            self._create_schema(db)
        except sqlite3.Error as exc:
            return self._open_anyway(db, exc)
        return db

    def _open_anyway(self, db: sqlite3.Connection, exc: sqlite3.Error) -> sqlite3.Connection:
        """Start-up could not check or prepare the file for a reason that is not its content: go on, retry later."""
        self.notices.append(f"{self.path}: {_reason(exc)}; chats may not be saved until that is fixed")
        return db

    def _create_schema(self, db: sqlite3.Connection) -> None:
        db.execute("PRAGMA foreign_keys = ON")
        with db:
            db.executescript(SCHEMA)
        self._ready = True

    def _set_aside_and_start_again(self, damage: str) -> sqlite3.Connection:
        aside = _free_name(self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"))
        try:
            os.rename(self.path, aside)
            for suffix in COMPANIONS:
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.rename(side, aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise HistoryError(f"{self.path} could not be read ({damage}) nor moved aside ({exc.strerror}); "
                               "it is left untouched") from exc
        self.set_aside = aside
        chats = messages = 0
        try:
            db = _connect(self.path, read_only=False)
        except sqlite3.Error as exc:
            raise HistoryError(f"{self.path} could not be read ({damage}); it was moved to {aside}, but a new "
                               f"one could not be started ({_reason(exc)})") from exc
        try:
            self._create_schema(db)
            chats, messages = _salvage(aside, db)
        except sqlite3.Error as exc:
            self._open_anyway(db, exc)
        recovered = f" {chats} chats ({messages} messages) could still be read and were copied over." if chats else ""
        self.notices.insert(0, f"the history database could not be read: {damage}. It was moved, unchanged, to "
                               f"{aside} and a new one started.{recovered}")
        return db

    # -- writes: each one whole or not at all ------------------------------------------------------
    def new_chat(self, title: str) -> int:
        now = time.time()
        with _Write(self):
            cursor = self.db.execute("INSERT INTO chats (title, created, updated) VALUES (?, ?, ?)",
                                     (title[:80] or "chat", now, now))
        return int(cursor.lastrowid)

    def add(self, chat_id: int, role: str, text: str, answer: dict | None = None) -> None:
        now = time.time()
        record = None if answer is None else json.dumps(answer)  # before the transaction: a bad record writes nothing
        with _Write(self):  # message and the chat's timestamp together, or neither
            self.db.execute("INSERT INTO messages (chat_id, role, text, answer, created) VALUES (?, ?, ?, ?, ?)",
                            (chat_id, role, text, record, now))
            self.db.execute("UPDATE chats SET updated = ? WHERE id = ?", (now, chat_id))

    # -- reads: a failure is reported once and reads as empty; the chat goes on -----------------------
    def chats(self, limit: int = 200) -> list[ChatSummary]:
        return self._read("the list of chats", [], lambda: [ChatSummary(*row) for row in self.db.execute(
            "SELECT c.id, c.title, c.updated, COUNT(m.id) FROM chats c LEFT JOIN messages m ON m.chat_id = c.id "
            "GROUP BY c.id ORDER BY c.updated DESC, c.id DESC LIMIT ?", (limit,))])

    def messages(self, chat_id: int) -> list[StoredMessage]:
        rows = self._read("the chat", [], lambda: self.db.execute(
            "SELECT role, text, answer FROM messages WHERE chat_id = ? ORDER BY id", (chat_id,)).fetchall())
        return [StoredMessage(role, text, _record(answer)) for role, text, answer in rows]

    def title(self, chat_id: int) -> str:
        row = self._read("the chat's title", None,
                         lambda: self.db.execute("SELECT title FROM chats WHERE id = ?", (chat_id,)).fetchone())
        return row[0] if row else "chat"

    def _read(self, what: str, empty, read):
        try:
            return read()
        except sqlite3.Error as exc:
            message = f"{what} could not be read from {self.path} ({_reason(exc)})"
            if self.on_problem is not None and message not in self._told:
                self._told.add(message)
                self.on_problem(message)
            return empty

    def close(self) -> None:
        self.db.close()


class _Write:
    """One write transaction; a failure becomes a HistoryError naming the reason and the file."""

    def __init__(self, store: HistoryStore):
        self.store = store

    def __enter__(self):
        store = self.store
        if store.read_only:
            raise HistoryError(f"{store.path} is read-only ({_why_read_only(store.path)})")
        if not store._ready:
            try:
                if _damage(store.db) is not None:
                    raise HistoryError(f"{store.path} is not a calx history; restart calx to set it aside")
                store._create_schema(store.db)
            except sqlite3.Error as exc:
                raise self._failed(exc) from exc
        store.db.__enter__()
        return self

    def __exit__(self, kind, exc, tb):
        try:
            self.store.db.__exit__(kind, exc, tb)  # commit, or roll back when the body failed
        except sqlite3.Error as failure:  # the commit itself failed (a full disk often shows up only here)
            _roll_back(self.store.db)
            raise self._failed(failure) from failure
        if isinstance(exc, sqlite3.Error):
            raise self._failed(exc) from exc
        return False

    def _failed(self, exc: sqlite3.Error) -> HistoryError:
        return HistoryError(f"{_reason(exc)} ({self.store.path})")


def _roll_back(db: sqlite3.Connection) -> None:
    try:
        db.rollback()
    except sqlite3.Error:
        pass  # SQLite rolls back on its own when a statement fails for a full disk or I/O error


# -- helpers ----------------------------------------------------------------------------------------
def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Saves wait WRITE_WAIT_S for a lock; `_damage` lowers it to OPEN_WAIT_S only while the start-up check runs
    (a fresh database after a set-aside gets the same wait as any other)."""
    if read_only:
        return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=WRITE_WAIT_S,
                               check_same_thread=False)
    return sqlite3.connect(path, timeout=WRITE_WAIT_S, check_same_thread=False)


def _damage(db: sqlite3.Connection) -> str | None:
    """Why this database is not a usable calx history, or None. Raises sqlite3.Error when it cannot tell."""
    db.execute(f"PRAGMA busy_timeout = {int(OPEN_WAIT_S * 1000)}")
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(WRITE_WAIT_S * 1000)}")
    if problems != ["ok"]:
        lines = [line for p in problems for line in str(p).splitlines() if line and not line.startswith("***")]
        more = f", and {len(lines) - 1} more" if len(lines) > 1 else ""
        return f"it is damaged (SQLite's check: {lines[0][:120] if lines else 'failed'}{more})"
    return _schema_problem(db, _tables(db))


def _tables(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%'")}


def _schema_problem(db: sqlite3.Connection, tables: set[str]) -> str | None:
    """Why these tables are not a calx history's (an empty database is one still to be made), or None."""
    if tables and not tables & set(COLUMNS):
        return f"it is not a calx history (its tables: {', '.join(sorted(tables))[:200]})"
    for table in tables & set(COLUMNS):
        have = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        if not set(COLUMNS[table]) <= set(have):
            return f"it is not a calx history (table {table} has columns {', '.join(have)[:200]})"
    return None


def _salvage(aside: Path, db: sqlite3.Connection) -> tuple[int, int]:
    """Copy the chats and messages still readable in a damaged database into the fresh one.

    Rows are read by id from both ends, so one damaged page loses only the rows on it and in between.
    The damaged file is opened immutable and read-only: it is never written, not even a lock.
    """
    try:
        old = sqlite3.connect(f"file:{quote(str(aside))}?mode=ro&immutable=1", uri=True)
        old.execute("PRAGMA writable_schema = ON")  # read a schema that names pages past a truncated end
    except sqlite3.Error:
        return 0, 0
    try:
        if not _is_calx_history(old):
            return 0, 0
        chats = _readable_rows(old, "SELECT id, title, created, updated FROM chats", _good_chat)
        messages = _readable_rows(old, "SELECT id, chat_id, role, text, answer, created FROM messages", _good_message)
    finally:
        old.close()
    known = {row[0] for row in chats}
    orphans = sorted({row[1] for row in messages} - known)  # their chat row was on a damaged page
    with db:
        db.executemany("INSERT INTO chats (id, title, created, updated) VALUES (?, ?, ?, ?)", chats)
        db.executemany("INSERT INTO chats (id, title, created, updated) VALUES (?, 'recovered chat', 0, 0)",
                       [(chat_id,) for chat_id in orphans])
        db.executemany("INSERT INTO messages (id, chat_id, role, text, answer, created) VALUES (?, ?, ?, ?, ?, ?)",
                       messages)
    return len(chats) + len(orphans), len(messages)


def _is_calx_history(db: sqlite3.Connection) -> bool:
    try:
        tables = _tables(db)
        return set(COLUMNS) <= tables and _schema_problem(db, tables) is None
    except sqlite3.Error:
        return False


def _readable_rows(db: sqlite3.Connection, select: str, good: Callable[[tuple], bool]) -> list[tuple]:
    rows: dict[int, tuple] = {}
    for order in ("ASC", "DESC"):
        try:
            for row in db.execute(f"{select} ORDER BY id {order}"):
                if good(row):
                    rows[row[0]] = row
        except sqlite3.Error:
            pass  # a damaged page: keep what came before it, then read from the other end
    return [rows[key] for key in sorted(rows)]


def _good_chat(row: tuple) -> bool:
    chat_id, title, created, updated = row
    return isinstance(chat_id, int) and isinstance(title, str) and all(
        isinstance(t, (int, float)) for t in (created, updated))


def _good_message(row: tuple) -> bool:
    message_id, chat_id, role, text, answer, created = row
    return (isinstance(message_id, int) and isinstance(chat_id, int) and role in ("user", "assistant", "plot")
            and isinstance(text, str) and (answer is None or _record(answer) is not None)
            and isinstance(created, (int, float)))


def _record(answer) -> dict | None:
    if not isinstance(answer, str):
        return None
    try:
        record = json.loads(answer)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():  # never rename over an earlier set-aside file
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def _writable(path: Path) -> bool:
    """Whether SQLite can write here: the file (if any) and its folder, for the journal beside it."""
    return os.access(path.parent, os.W_OK | os.X_OK) and (not path.exists() or os.access(path, os.W_OK))


def _why_read_only(path: Path) -> str:
    if path.exists() and not os.access(path, os.W_OK):
        return "the file cannot be written"
    return f"its folder {path.parent} cannot be written"


def _code(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def _reason(exc: sqlite3.Error) -> str:
    code = _code(exc)
    return {
        sqlite3.SQLITE_FULL: "the disk is full",
        sqlite3.SQLITE_BUSY: "another program is using the history database",
        sqlite3.SQLITE_LOCKED: "another program is using the history database",
        sqlite3.SQLITE_READONLY: "the history database is read-only",
        sqlite3.SQLITE_IOERR: f"the disk reported an error ({exc}: a full disk, a file-size limit or a failing drive)",
        sqlite3.SQLITE_CANTOPEN: "the file could not be opened",
        sqlite3.SQLITE_CORRUPT: "it is damaged (database disk image is malformed)",
        sqlite3.SQLITE_NOTADB: "it is not an SQLite database",
    }.get(code, str(exc))
