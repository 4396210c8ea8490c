"""Saved chats in SQLite under the XDG data directory.

Every write is one transaction, so a crash loses at most the message being written. A database that
SQLite cannot read is moved aside (never overwritten) and a fresh one started; the caller tells the user.
"""
from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

SCHEMA = """
CREATE TABLE IF NOT EXISTS chats (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    role TEXT NOT NULL, text TEXT NOT NULL, answer TEXT, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS messages_by_chat ON messages(chat_id, id);
"""


@dataclass(frozen=True)
class ChatSummary:
    id: int
    title: str
    updated: float
    messages: int


@dataclass(frozen=True)
class StoredMessage:
    role: str  # "user" or "assistant"
    text: str
    answer: dict | None  # the Answer record (Answer.to_dict()) for assistant turns


def history_path() -> Path:
    return Path(platformdirs.user_data_dir("calx")) / "history.db"


class HistoryStore:
    def __init__(self, path: Path | None = None):
        self.path = path or history_path()
        self.set_aside: Path | None = None  # where a corrupt database was moved, for the notification
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            self.set_aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            self.path.rename(self.set_aside)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            db.execute("PRAGMA foreign_keys = ON")
            with db:
                db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def new_chat(self, title: str) -> int:
        now = time.time()
        with self.db:
            cursor = self.db.execute("INSERT INTO chats (title, created, updated) VALUES (?, ?, ?)",
                                     (title[:80] or "chat", now, now))
        return int(cursor.lastrowid)

    def add(self, chat_id: int, role: str, text: str, answer: dict | None = None) -> None:
        now = time.time()
        with self.db:  # message and the chat's timestamp together, or neither
            self.db.execute("INSERT INTO messages (chat_id, role, text, answer, created) VALUES (?, ?, ?, ?, ?)",
                            (chat_id, role, text, None if answer is None else json.dumps(answer), now))
            self.db.execute("UPDATE chats SET updated = ? WHERE id = ?", (now, chat_id))

    def chats(self, limit: int = 200) -> list[ChatSummary]:
        rows = self.db.execute(
            "SELECT c.id, c.title, c.updated, COUNT(m.id) FROM chats c LEFT JOIN messages m ON m.chat_id = c.id "
            "GROUP BY c.id ORDER BY c.updated DESC, c.id DESC LIMIT ?", (limit,))
        return [ChatSummary(*row) for row in rows]

    def messages(self, chat_id: int) -> list[StoredMessage]:
        rows = self.db.execute("SELECT role, text, answer FROM messages WHERE chat_id = ? ORDER BY id", (chat_id,))
        return [StoredMessage(role, text, None if answer is None else json.loads(answer)) for role, text, answer in rows]

    def title(self, chat_id: int) -> str:
        row = self.db.execute("SELECT title FROM chats WHERE id = ?", (chat_id,)).fetchone()
        return row[0] if row else "chat"

    def close(self) -> None:
        self.db.close()
