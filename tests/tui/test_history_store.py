"""The SQLite history: chats persist, a corrupt file is set aside and never overwritten."""
import sqlite3

from tui.export import chat_markdown
from tui.history import HistoryStore, history_path


def test_history_lives_under_xdg_data_home(tmp_path):
    assert history_path() == tmp_path / "xdg_data_home" / "calx" / "history.db"


def test_chats_and_messages_persist_in_order(tmp_path):
    store = HistoryStore(tmp_path / "h.db")
    first = store.new_chat("first")
    store.add(first, "user", "2^10")
    store.add(first, "assistant", "1024", {"answer": "1024", "steps": [], "checks": []})
    second = store.new_chat("second")
    store.add(second, "user", "1+1")
    store.close()
    again = HistoryStore(tmp_path / "h.db")
    assert [c.title for c in again.chats()] == ["second", "first"]
    assert [(m.role, m.text) for m in again.messages(first)] == [("user", "2^10"), ("assistant", "1024")]
    assert again.messages(first)[1].answer["answer"] == "1024"


def test_a_corrupt_database_is_set_aside_not_overwritten(tmp_path):
    path = tmp_path / "h.db"
    garbage = b"this is not a database, but it may be someone's only copy" * 100
    path.write_bytes(garbage)
    store = HistoryStore(path)
    assert store.set_aside is not None and store.set_aside.read_bytes() == garbage
    chat = store.new_chat("fresh")
    store.add(chat, "user", "2+2")
    assert [m.text for m in store.messages(chat)] == ["2+2"]


def test_a_failed_write_leaves_no_half_message(tmp_path):
    store = HistoryStore(tmp_path / "h.db")
    chat = store.new_chat("c")
    try:
        store.add(chat, "user", "ok", {"bad": object()})  # cannot be serialised: nothing may be written
    except TypeError:
        pass
    assert store.messages(chat) == []
    rows = sqlite3.connect(tmp_path / "h.db").execute("SELECT COUNT(*) FROM messages").fetchone()
    assert rows == (0,)


def test_markdown_export_has_questions_answers_steps_and_checks(tmp_path):
    store = HistoryStore(tmp_path / "h.db")
    chat = store.new_chat("powers")
    store.add(chat, "user", "2^10")
    store.add(chat, "assistant", "1024", {
        "answer": "1024", "pretty": "1024", "latex": "1024", "error": None,
        "steps": [{"tool": "calculator", "input": "2^10", "output": "1024", "ms": 0.1, "error": None}],
        "checks": [{"name": "recomputed", "passed": True, "detail": ""}]})
    markdown = chat_markdown("powers", store.messages(chat))
    assert markdown.startswith("# powers\n")
    assert "## 2^10" in markdown and "```\n1024\n```" in markdown
    assert "- `calculator` `2^10` → `1024`" in markdown and "- ✓ recomputed" in markdown
