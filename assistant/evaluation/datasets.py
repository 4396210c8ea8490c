"""Short names for the benchmark files in shared/benchmarks, so `calx eval gsm8k` finds its file."""
from __future__ import annotations

import os
from pathlib import Path

NAMES: dict[str, str] = {
    "gsm8k": "openai+grade-school-math__grade_school_math__data__test.jsonl",
    "gsm-hard": "ZubinGou+math-evaluation-harness__data__gsm_hard__test.jsonl",
    "svamp": "arkilpatel+SVAMP__SVAMP.json",
    "asdiv": "chaochun+nlu-asdiv-dataset__dataset__ASDiv.xml",
    "asdiv-jsonl": "ZubinGou+math-evaluation-harness__data__asdiv__test.jsonl",
    "mawps": "ZubinGou+math-evaluation-harness__data__mawps__test.jsonl",
    "mathqa": "ZubinGou+math-evaluation-harness__data__mathqa__test.jsonl",
    "aqua": "deepmind+AQuA__test.json",
    "aqua-dev": "deepmind+AQuA__dev.json",
    "math": "ZubinGou+math-evaluation-harness__data__math__test.jsonl",
    "math500": "ZubinGou+math-evaluation-harness__data__math_oai__test.jsonl",
    "aime24": "QwenLM+Qwen2.5-Math__evaluation__data__aime24__test.jsonl",
    "amc23": "QwenLM+Qwen2.5-Math__evaluation__data__amc23__test.jsonl",
    "bbh-multistep": "suzgunmirac+BIG-Bench-Hard__bbh__multistep_arithmetic_two.json",
    "calcx-petr": "prompteus+calc-x__data__word_problems_petr.jsonl",
    "dm-math": "pypi+mathematics-dataset-1.0.1__generated__interpolate_extrapolate_10each_seed20240601.jsonl",
    "crt": "pypi+bigbench-1.0.0__bigbench__benchmark_tasks__chinese_remainder_theorem__task.json",
}
for _task in ("3_digit_division", "5_digit_addition", "5_digit_subtraction", "5_digit_multiplication", "5_digit_division"):
    NAMES["bigbench-" + _task.replace("_digit_", "d-").replace("_", "-")] = (
        f"pypi+bigbench-1.0.0__bigbench__benchmark_tasks__arithmetic__{_task}__task.json")


def benchmarks_dir() -> Path:
    """CALX_BENCHMARKS, else the shared/ folder beside the work tree (found from this file, or from the
    current folder for an installed calx), else where it would be beside this checkout."""
    env = os.environ.get("CALX_BENCHMARKS")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in [*here.parents, Path.cwd(), *Path.cwd().parents]:
        candidate = parent.parent / "shared" / "benchmarks"
        if candidate.is_dir():
            return candidate
    return here.parents[2].parent / "shared" / "benchmarks"  # missing: reading a dataset then says where


def resolve(dataset: str, root: Path | None = None) -> Path:
    """A short name (see NAMES) or a path to a file."""
    path = Path(dataset).expanduser()
    if path.is_file():
        return path
    if dataset in NAMES:
        return (root or benchmarks_dir()) / NAMES[dataset]
    raise FileNotFoundError(f"no file {dataset!r} and no dataset of that name; names: {', '.join(sorted(NAMES))}")
