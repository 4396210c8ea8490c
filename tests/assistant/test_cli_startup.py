"""`calx "2^100"` stays light: which modules a plain question loads, checked in a fresh process (no timings
here; bench/bench_startup.py measures them)."""
import importlib.metadata
import json
import subprocess
import sys

HEAVY = ("click", "sympy", "mpmath", "flint", "symengine", "numpy", "llama_cpp", "json", "sandbox", "tui")

PROBE = """
import sys
sys.argv = ["calx", *{args!r}]
from assistant.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
loaded = sorted({{name.split(".")[0] for name in sys.modules}})
sys.stdout.flush()
print("\\nMODULES", code, " ".join(loaded), file=sys.stderr)
"""


def loaded_by(*args: str) -> tuple[int, set[str], str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True, text=True,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "CALX_SERVER": ""})
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    _, code, *names = line.split()
    return int(code), set(names), done.stdout


def test_a_plain_question_loads_neither_click_nor_sympy_nor_the_model():
    code, modules, out = loaded_by("2^100")
    assert code == 0 and "= 1267650600228229401496703205376" in out
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))
    assert {"assistant", "tools", "gmpy2"} <= modules  # the probe did run the calculator


def test_an_option_goes_through_click_and_still_skips_sympy():
    code, modules, out = loaded_by("--json", "2^100")
    assert code == 0 and json.loads(out)["answer"] == "1267650600228229401496703205376"
    assert "click" in modules and "json" in modules
    assert modules.isdisjoint({"sympy", "mpmath", "llama_cpp", "numpy"})


def test_the_console_script_is_the_click_free_entry():
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="calx")
    assert script.value == "assistant.cli:main"
