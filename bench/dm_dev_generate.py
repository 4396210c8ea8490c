"""Development items from DeepMind's `mathematics_dataset` generator under calx's own seed.

The benchmark file (../shared/benchmarks/pypi+mathematics-dataset-...seed20240601.jsonl) is held out: it
is for measuring only. This script writes items of the same 70 modules from another seed, for building and
testing the direct route (DESIGN.md, Data). The generator is old: it needs sympy 1.5 and numpy < 1.24, so it
runs in its own venv, never in calx's:

    python3 -m venv /tmp/mdvenv && /tmp/mdvenv/bin/pip install mathematics_dataset sympy==1.5.1 numpy==1.23.5
    /tmp/mdvenv/bin/python bench/dm_dev_generate.py 20261202 10 bench/data/dm-dev-seed20261202.jsonl

Module-name prefixes after the output file keep only those modules (`... 424242 120 out.jsonl algebra__
comparison__`).
"""
import json
import random
import sys

import numpy as np
from mathematics_dataset.modules import modules


def main(seed: int, per_module: int, out: str, prefixes: tuple[str, ...] = ()) -> None:
    random.seed(seed)
    np.random.seed(seed)
    with open(out, "w") as f:
        for regime, groups in (("interpolate", modules.test()), ("extrapolate", modules.test_extra())):
            for area, module_fns in groups.items():
                for name, fn in module_fns.items():
                    if prefixes and not f"{area}__{name}".startswith(prefixes):
                        continue  # only the modules asked for (a family's own larger sample)
                    for _ in range(per_module):
                        problem = _sample(fn)
                        if problem is None:
                            continue
                        f.write(json.dumps({"regime": regime, "module": f"{area}__{name}",
                                            "question": str(problem.question), "answer": str(problem.answer)}) + "\n")


def _sample(fn, tries: int = 50):
    """Some modules fail on an unlucky draw (numpy ints reaching old sympy); draw again, or give up."""
    for _ in range(tries):
        try:
            return fn()
        except Exception:  # noqa: BLE001 - the generator's own failures, not calx's
            continue
    return None


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], tuple(sys.argv[4:]))
