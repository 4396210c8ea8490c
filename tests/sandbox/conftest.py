"""Fixtures for the sandbox tests: a warm shared sandbox, a secret the sandbox must never see, a
loopback server that must never be contacted, host-file fingerprints and a process census.

Everything is real: real Pyodide under the real JS host, real bubblewrap, a real TCP server."""
from __future__ import annotations

import hashlib
import os
import secrets
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sandbox import Sandbox, SandboxConfig, assets

from procfs import live_processes

PROJECT = Path(__file__).resolve().parents[2]
SECRET_ENV = "CALX_TEST_SECRET"


@dataclass
class Secret:
    token: str
    path: Path  # a 0600 file holding the token
    canary_dir: Path  # attacks try to write here; it must stay empty


@dataclass
class Loopback:
    """A TCP and a UDP listener on 127.0.0.1 that count what reaches them."""

    port: int
    udp_port: int
    hits: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def secret(tmp_path_factory) -> Secret:
    token = "calx-secret-" + secrets.token_hex(16)
    home = tmp_path_factory.mktemp("secret")
    path = home / "secret.txt"
    path.write_text(token)
    path.chmod(0o600)
    canary = home / "canary"
    canary.mkdir()
    os.environ[SECRET_ENV] = token  # set before any sandbox starts: it must not leak in
    return Secret(token, path, canary)


@pytest.fixture(scope="session")
def loopback():
    tcp = socket.socket()
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(16)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    state = Loopback(tcp.getsockname()[1], udp.getsockname()[1])
    stop = threading.Event()

    def serve_tcp():
        tcp.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, addr = tcp.accept()
            except OSError:
                continue
            state.hits.append(f"tcp {addr}")
            conn.close()

    def serve_udp():
        udp.settimeout(0.2)
        while not stop.is_set():
            try:
                _, addr = udp.recvfrom(65536)
            except OSError:
                continue
            state.hits.append(f"udp {addr}")

    threads = [threading.Thread(target=serve_tcp, daemon=True), threading.Thread(target=serve_udp, daemon=True)]
    for t in threads:
        t.start()
    yield state
    stop.set()
    for t in threads:
        t.join(timeout=2)
    tcp.close()
    udp.close()


def fingerprint(paths: list[Path]) -> dict[str, str]:
    """sha256 of every file under `paths` (and the listing of each directory)."""
    found: dict[str, str] = {}
    for root in paths:
        if root.is_file():
            found[str(root)] = hashlib.sha256(root.read_bytes()).hexdigest()
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in ("__pycache__", ".git", ".pytest_cache")]
            found[dirpath + "/"] = ",".join(sorted(filenames + dirnames))
            for name in filenames:
                p = Path(dirpath, name)
                try:
                    found[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
                except OSError:
                    found[str(p)] = "unreadable"
    return found


@pytest.fixture(scope="session")
def watched(secret) -> list[Path]:
    """Host files the attacks aim at; compared before and after every escape attempt."""
    found = assets.assets()
    # Of the project tree, only the parts no other work edits while the tests run (a shared worktree).
    paths = [secret.path, secret.canary_dir, PROJECT / "sandbox", PROJECT / "tools" / "python", found.root,
             Path("/etc/passwd"), Path("/etc/hostname")]
    return [p for p in paths if p.exists()]


def processes_in_session(sid: int) -> list[tuple[int, str]]:
    """(pid, command name) of every live process whose session id is `sid`."""
    return [(pid, comm) for pid, comm, fields in live_processes() if int(fields[3]) == sid]


@pytest.fixture(scope="session")
def sb(secret):
    """The shared warm sandbox (all layers on); escape tests must leave it answering."""
    box = Sandbox()
    first = box.run("1+1", timeout=30)
    assert first.value == "2", first
    yield box
    pid = box.pid()
    box.close()
    if pid:
        assert processes_in_session(pid) == []


@pytest.fixture
def fresh():
    """A private sandbox for a test that needs its own state; closed afterwards with a process check."""
    boxes: list[Sandbox] = []

    def make(config: SandboxConfig | None = None) -> Sandbox:
        box = Sandbox(config)
        boxes.append(box)
        return box

    yield make
    for box in boxes:
        pid = box.pid()
        box.close()
        if pid:
            assert processes_in_session(pid) == [], "a process outlived its sandbox"
