"""Escape attempts against the full sandbox (every layer on), each with the same invariants:

- the secret (a 0600 file's content, also in the host's environment) appears nowhere in the result;
- watched host files are byte-identical before and after; the canary directory stays empty;
- the loopback TCP/UDP server saw no packet;
- no process outlives a replaced worker, and the live worker's process group holds only the runtime;
- the sandbox answers the next call.

Plus each case's own check: the attack failed in the way it should.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

import pytest

from sandbox import RunResult

from conftest import PROJECT, SECRET_ENV, fingerprint, processes_in_session

JS = "from pyodide.ffi import to_js\nF = to_js([]).constructor.constructor\n"
RUNTIME_NAMES = {"bwrap", "deno", "node"}


def blocked(r: RunResult) -> bool:
    return r.error is not None


def timed_out(r: RunResult) -> bool:
    return r.error is not None and r.error.type == "timeout"


def value_is(expected: str) -> Callable[[RunResult], bool]:
    return lambda r: r.error is None and r.value == expected


def capped(r: RunResult) -> bool:
    return r.error is not None and r.error.type == "output_limit" and len(r.stdout) <= 65536 and len(r.stderr) <= 65536


def contained(r: RunResult) -> bool:
    return True  # the shared invariants are the whole check (e.g. a write that lands only in MEMFS)


@dataclass(frozen=True)
class Case:
    id: str
    code: str
    check: Callable[[RunResult], bool]
    timeout: float = 3.0


CASES = [
    # -- reading host files ---------------------------------------------------------------------
    Case("read_etc_shadow", "open('/etc/shadow').read()", blocked),
    Case("read_secret_0600", "open(SECRET).read()", blocked),
    Case("read_proc_self_environ", "open('/proc/self/environ', 'rb').read()", blocked),
    Case("read_project_tree", "open(PROJECT + '/pyproject.toml').read()", blocked),
    Case("project_tree_invisible", "import os\nos.path.exists(PROJECT)", value_is("False")),
    Case("root_listing_is_virtual", "import os\n'etc' in os.listdir('/') or 'usr' in os.listdir('/')", value_is("False")),
    Case("symlink_to_host_file", "import os\nos.symlink('/etc/passwd', '/tmp/l')\nopen('/tmp/l').read()", blocked),
    Case("js_read_file_deno", JS + "F('return Deno.readTextFileSync(\"' + SECRET + '\")')()", blocked),
    Case("js_read_file_node_fs", JS + "F('return process.getBuiltinModule(\"fs\").readFileSync(\"' + SECRET + '\", \"utf8\")')()", blocked),
    Case("js_dynamic_import_fs", JS + "F('return import(\"node:fs\")')()", blocked),
    Case("pyodide_js_mount_host", "import pyodide_js\npyodide_js.mountNodeFS('/host', '/')", blocked),
    # -- writing or deleting host files ---------------------------------------------------------
    Case("write_into_project", "open(PROJECT + '/pwned.txt', 'w').write('x')", blocked),
    Case("write_canary_lands_in_memfs", "import os\nos.makedirs(CANARY, exist_ok=True)\nopen(CANARY + '/x', 'w').write('x')", contained),
    Case("delete_secret", "import os\nos.remove(SECRET)", blocked),
    Case("rmtree_project", "import shutil\nshutil.rmtree(PROJECT)", blocked),
    Case("chmod_secret", "import os\nos.chmod(SECRET, 0o777)", blocked),
    Case("overwrite_site_zip_inside", "open('/calx/site-packages.zip', 'wb').write(b'x')", contained),
    Case("js_write_file", JS + "F('return Deno.writeTextFileSync(\"' + CANARY + '/js\", \"x\")')()", blocked),
    # -- child processes ------------------------------------------------------------------------
    Case("os_system", "import os\nos.system('touch ' + CANARY + '/sys')", blocked),
    Case("subprocess_run", "import subprocess\nsubprocess.run(['touch', CANARY + '/sp'])", blocked),
    Case("os_popen", "import os\nos.popen('id').read()", blocked),
    Case("os_fork", "import os\nos.fork()", blocked),
    Case("os_execv", "import os\nos.execv('/bin/sh', ['sh', '-c', 'touch ' + CANARY + '/ex'])", blocked),
    Case("posix_spawn", "import os\nos.posix_spawn('/usr/bin/touch', ['touch', CANARY + '/ps'], {})", blocked),
    Case("pty_spawn", "import pty\npty.spawn('/bin/sh')", blocked),
    Case("ctypes_libc_system", "import ctypes\nctypes.CDLL(None).system(('touch ' + CANARY + '/ct').encode())", blocked),
    Case("js_child_process", JS + "F('return process.getBuiltinModule(\"child_process\").execSync(\"id\")')()", blocked),
    Case("deno_command", JS + "F('return new Deno.Command(\"id\").outputSync()')()", blocked),
    Case("orphan_background_sleep", "import os\nos.system('sleep 1000 &')", blocked),
    # -- threads and workers --------------------------------------------------------------------
    Case("thread_start", "import threading\nthreading.Thread(target=print).start()", blocked),
    Case("multiprocessing_pool", "import multiprocessing\nmultiprocessing.Pool(2)", blocked),
    Case("process_pool_executor", "from concurrent.futures import ProcessPoolExecutor\nProcessPoolExecutor(2).submit(print).result()", blocked),
    Case("js_worker", JS + "F('return new Worker(\"data:text/javascript,1\")')()", blocked),
    # -- network --------------------------------------------------------------------------------
    Case("tcp_loopback", "import socket\nsocket.create_connection(('127.0.0.1', PORT), timeout=1)", blocked),
    Case("tcp_loopback_ipv6", "import socket\nsocket.create_connection(('::1', PORT), timeout=1)", blocked),
    Case("urllib_loopback", "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:%d/' % PORT, timeout=1).read()", blocked),
    Case("udp_loopback", "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ns.sendto(b'x', ('127.0.0.1', UDP_PORT))\ns.sendto(b'x', ('127.0.0.1', UDP_PORT))", contained),
    Case("raw_ip_connect", "import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=1)", blocked),
    Case("dns_then_connect", "import socket\nsocket.create_connection(('localhost', PORT), timeout=1)", blocked),
    Case("pyodide_http", "from pyodide.http import pyfetch", blocked),
    Case("js_fetch_loopback", JS + "F('return fetch(\"http://127.0.0.1:' + str(PORT) + '/\")')()", blocked),
    Case("deno_connect", JS + "F('return Deno.connect({hostname: \"127.0.0.1\", port: ' + str(PORT) + '})')()", blocked),
    # -- the JS bridge --------------------------------------------------------------------------
    Case("import_js", "import js", blocked),
    Case("import_pyodide_js", "import pyodide_js", blocked),
    Case("js_constructor_constructor", JS + "F('return 1')()", blocked),
    Case("globalthis_process", JS + "F('return globalThis.process')()", blocked),
    Case("run_js", "from pyodide.code import run_js\nrun_js('globalThis.process')", blocked),
    Case("js_not_in_sys_modules", "import sys\n(sys.modules.get('js'), sys.modules.get('pyodide_js'))", value_is("(None, None)")),
    # The import filter is thin: JS objects Pyodide already handed out stay reachable through module
    # globals (e.g. pyodide._package_loader.loadedPackages); the code-generation ban must stop them.
    Case("jsproxy_hunt_in_module_globals",
         "import sys\nreached = 0\nfor mod in list(sys.modules.values()):\n"
         "    for v in list(getattr(mod, '__dict__', {}).values()):\n"
         "        if type(v).__name__.startswith('Js') and 'Proxy' in type(v).__name__:\n"
         "            try:\n                v.constructor.constructor('return 1')()\n                reached += 1\n"
         "            except Exception:\n                pass\nreached", value_is("0")),
    # -- environment ----------------------------------------------------------------------------
    Case("os_environ", "import os\nSECRET_ENV in os.environ or any(TOKEN_HINT in v for v in os.environ.values())", value_is("False")),
    Case("deno_env", JS + "F('return Deno.env.toObject()')()", blocked),
    # -- bombs, floods and runaways -------------------------------------------------------------
    Case("fork_bomb", "import os\nwhile True:\n    os.fork()", blocked),
    Case("thread_bomb", "import threading, time\nfor _ in range(10000):\n    threading.Thread(target=time.sleep, args=(100,)).start()", blocked),
    Case("memory_bomb_one_shot", "b = bytearray(10**10)", blocked),
    Case("memory_bomb_growth", "x = []\nwhile True:\n    x.append(bytearray(10**8))", blocked, timeout=4.0),
    Case("infinite_loop", "while True:\n    pass", timed_out, timeout=1.5),
    Case("sleep_forever", "import time\ntime.sleep(10**9)", timed_out, timeout=1.5),
    Case("sigterm_ignored", "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass", timed_out, timeout=1.5),
    Case("stdout_flood_one_print", "print('x' * 10**7)", capped),
    Case("stdout_flood_many_prints", "for i in range(300000):\n    print(i)", capped, timeout=10.0),
    Case("stderr_flood", "import sys\nsys.stderr.write('e' * 10**7)", capped),
    Case("value_flood", "'v' * 10**7", lambda r: r.error is None and len(r.value) < 70000 and "characters cut" in r.value),
    Case("disk_flood_one_big_file", "f = open('/tmp/big', 'wb')\nwhile True:\n    f.write(b'0' * 10**7)", blocked, timeout=3.0),
    Case("disk_flood_many_small_files", "for i in range(10**6):\n    open('/tmp/f%d' % i, 'w').write('x')", blocked, timeout=2.0),
    Case("deep_recursion", "def f(n):\n    return f(n + 1)\nf(0)", lambda r: r.error is not None and "RecursionError" in r.error.message),
    Case("deep_recursion_limit_raised", "import sys\nsys.setrecursionlimit(10**7)\ndef f(n):\n    return f(n + 1)\nf(0)", blocked, timeout=3.0),
    Case("huge_integer_power", "10**10**10", blocked, timeout=2.0),
    Case("huge_integer_str", "str(10**100000)", lambda r: r.error is not None and "ValueError" in r.error.message),
    Case("signal_parent", "import os\nos.kill(os.getppid(), 9)", blocked),
    Case("signal_process_group", "import os\nos.killpg(0, 9)", blocked),
    Case("js_kill_host", JS + "F('return Deno.kill(' + str(HOST_PID) + ', \"SIGKILL\")')()", blocked),
]


def render(code: str, secret, loopback) -> str:
    """Fill the attack's targets in as Python literals (the attack text itself is trusted test code)."""
    names = {
        "SECRET": repr(str(secret.path)), "PROJECT": repr(str(PROJECT)), "CANARY": repr(str(secret.canary_dir)),
        "PORT": str(loopback.port), "UDP_PORT": str(loopback.udp_port), "HOST_PID": str(os.getpid()),
        "SECRET_ENV": repr(SECRET_ENV), "TOKEN_HINT": repr(secret.token[:20]),
    }
    prelude = "".join(f"{k} = {v}\n" for k, v in names.items())
    return prelude + code


def test_there_are_at_least_fifty_cases():
    assert len(CASES) >= 50
    assert len({c.id for c in CASES}) == len(CASES)


# Cases that grow memory or spin for seconds before the watchdog or a limit ends them.
SLOW = {"memory_bomb_growth", "deep_recursion_limit_raised", "disk_flood_one_big_file",
        "disk_flood_many_small_files", "huge_integer_power", "stdout_flood_many_prints"}


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.id in SLOW else []) for c in CASES]
)
def test_escape_attempt(case: Case, sb, secret, loopback, watched):
    before = fingerprint(watched)
    hits_before = list(loopback.hits)
    pid_before = sb.pid()

    result = sb.run(render(case.code, secret, loopback), timeout=case.timeout)

    seen = " ".join([result.stdout, result.stderr, result.value or "", str(result.error or ""),
                     result.error.traceback if result.error else ""])
    assert secret.token not in seen
    assert case.check(result), f"{case.id}: {result}"
    assert fingerprint(watched) == before, "a host file changed"
    assert list(secret.canary_dir.iterdir()) == []
    assert loopback.hits == hits_before, f"the loopback server was reached: {loopback.hits}"
    if pid_before and sb.pid() != pid_before:
        assert processes_in_session(pid_before) == [], "a process outlived the replaced worker"
    follow = sb.run("1+1", timeout=30)
    assert follow.value == "2", f"the sandbox did not answer after {case.id}: {follow}"
    live = {name for _, name in processes_in_session(sb.pid())}
    assert live <= RUNTIME_NAMES, f"unexpected processes in the sandbox: {live}"


def test_state_does_not_leak_between_sessions(fresh):
    a, b = fresh(), fresh()
    assert a.run("leak = 'from-a'\nimport math\nmath.tau = 1\nleak").value == "'from-a'"
    other = b.run("import math\n(globals().get('leak'), math.tau)", timeout=30)
    assert other.value == "(None, 6.283185307179586)"
    a.reset()
    again = a.run("import math\n(globals().get('leak'), math.tau)", timeout=30)
    assert again.value == "(None, 6.283185307179586)"
