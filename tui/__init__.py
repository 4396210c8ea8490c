"""calx's Textual terminal app (`calx`, `calx chat`).

It talks to the assistant only through the public API (`assistant.Assistant`, its event stream and the
Answer record). Layout: app.py (the App and `calx chat`), screens/ (chat, help, history), widgets/ (one a
module), styles/ (.tcss), and small single-job modules: session (direct math now, model in the background),
history (SQLite), config (TOML), mathtext (LaTeX to Unicode), plotting and png, commands, palette, export.
"""
