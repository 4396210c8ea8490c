# Runs INSIDE Pyodide (the driver passes this file's text to runPython); the host never imports it.
#
# It keeps the user's namespace, runs code with Pyodide's eval_code (which returns the value of a
# trailing expression, like a REPL), and reduces what user code can reach of the JS bridge.


def _calx_namespace():
    import sys
    import traceback

    user_globals = {"__name__": "__main__", "__builtins__": __builtins__}

    class _BlockBridge:
        """A meta-path finder that refuses the JS bridge modules to user code.

        This is one thin layer: objects already handed out by Pyodide can still reach JS, which is
        why the JS host runs with no permissions and no code generation from strings.
        """

        blocked = ("js", "pyodide_js", "pyodide.ffi.wrappers", "pyodide.http", "pyodide.webloop")

        def find_spec(self, name, path=None, target=None):
            if name in self.blocked or name.split(".")[0] in ("js", "pyodide_js"):
                raise ImportError(f"module {name!r} is not available in the calx sandbox")
            return None

    def setup(site, warm, bridge_filter=True):
        import gc

        if site and site not in sys.path:
            sys.path.insert(0, site)
        if warm:
            # Imported (and exercised, which pulls in lazily imported modules) once while the memory
            # snapshot is taken, so every start has them ready.
            import mpmath  # noqa: F401
            import sympy

            x = sympy.Symbol("x")
            sympy.factor(x**4 - 1), sympy.expand((x + 1) ** 3), sympy.solve(x**2 - 2, x)
            sympy.integrate(x * sympy.sin(x), x), sympy.simplify(sympy.sin(x) ** 2 + sympy.cos(x) ** 2)
            sympy.Rational(1, 3) + sympy.sqrt(8), sympy.nsimplify(0.5), sympy.latex(x**2)
            sympy.Matrix([[1, 2], [3, 4]]).det(), sympy.isprime(97), sympy.limit(sympy.sin(x) / x, x, 0)
            sympy.diff(sympy.exp(x) * x, x), sympy.series(sympy.cos(x), x, 0, 4)
            # Tens of thousands of long-lived SymPy objects would otherwise be re-scanned by every
            # full collection during user code; freezing (saved in the snapshot) hides them from it.
            gc.collect()
            gc.freeze()
            return
        gc.freeze()  # without a snapshot: whatever the start-up created
        if bridge_filter and not any(type(f).__name__ == "_BlockBridge" for f in sys.meta_path):
            for name in _BlockBridge.blocked:
                sys.modules.pop(name, None)
            sys.meta_path.insert(0, _BlockBridge())

    def _user_traceback(exc):
        # Keep only frames of the user's own code: Pyodide's eval machinery is noise to them.
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<calx>"]
        lines = traceback.format_list(frames)
        lines += traceback.format_exception_only(type(exc), exc)
        return "Traceback (most recent call last):\n" + "".join(lines)

    def run(code, limit):
        from pyodide.code import eval_code

        try:
            value = eval_code(code, user_globals, filename="<calx>")
        except BaseException as exc:  # SystemExit and KeyboardInterrupt are user errors here too
            message = str(exc)
            line = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
            return (None, "python_error", line[:limit], _user_traceback(exc)[-limit:])
        if value is None:
            return (None, None, None, None)
        try:
            text = repr(value)
        except BaseException as exc:
            return (None, "python_error", f"{type(exc).__name__}: {exc}"[:limit], _user_traceback(exc)[-limit:])
        if len(text) > limit:
            text = text[:limit] + f"... [{len(text) - limit:,} characters cut]"
        return (text, None, None, None)

    return {"run": run, "setup": setup}
