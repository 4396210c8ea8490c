"""One reader per benchmark format (see shared/benchmarks/SOURCES.md). Each returns a Dataset.

Readers never raise on a bad record: a malformed line, a missing field or an unusable answer
becomes a Skipped entry with its line number, so one broken record cannot sink a run.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable, Iterator

from .items import Dataset, Item, Skipped
from .latex import last_boxed
from .numbers import read_number

Reader = Callable[[Path], Dataset]
READERS: dict[str, Reader] = {}
_INT_DIGITS = 4_000  # below CPython's int-string limit (4,300 digits), which raises ValueError, not a JSON error


class UnknownFormat(ValueError):
    """read_dataset cannot tell a file's format (the one error a reader raises; bad records are Skipped)."""


class UnreadableJSON(ValueError):
    """Text that is not JSON the readers can take: malformed, or nested deeper than the decoder's recursion."""


def _json_int(digits: str) -> int | str:
    # a longer integer stays its exact digit text: int() would raise past the limit, and _text makes it text anyway
    return int(digits) if len(digits) <= _INT_DIGITS else digits


def loads(text: str):
    """json.loads that raises only UnreadableJSON: [[[[... past the recursion limit raises RecursionError, and an
    integer of 4,300+ digits a plain ValueError, neither of them a JSONDecodeError."""
    try:
        return json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise UnreadableJSON(f"malformed JSON: {exc.msg}") from None
    except RecursionError:
        raise UnreadableJSON("malformed JSON: nested too deeply") from None


def reader(name: str):
    def register(fn: Reader) -> Reader:
        READERS[name] = fn
        return fn
    return register


class _Collector:
    """Items and skips for one file; `add` turns a record into an Item or a Skipped."""

    def __init__(self, path: Path, fmt: str):
        self.dataset = Dataset(name=path.name, path=str(path), format=fmt, items=[])

    def skip(self, where: str, reason: str) -> None:
        self.dataset.skipped.append(Skipped(where, reason))

    def add(self, where: str, index: int, build: Callable[[], Item]) -> None:
        try:
            item = build()
        except KeyError as exc:
            self.skip(where, f"missing field {exc}")
            return
        except (TypeError, ValueError, AttributeError) as exc:
            self.skip(where, f"unusable record: {exc}")
            return
        if not item.question.strip():
            self.skip(where, "empty question")
        elif not item.gold.strip():
            self.skip(where, "empty answer")
        else:
            self.dataset.items.append(item)


def json_records(path: Path, skip: Callable[[str, str], None]) -> Iterator[tuple[str, dict]]:
    """(where, record) for each JSON object line; blank lines pass, bad lines are reported through `skip`."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{line_no}"
            try:
                record = loads(line)
            except UnreadableJSON as exc:
                skip(where, str(exc))
                continue
            if not isinstance(record, dict):
                skip(where, "not a JSON object")
                continue
            yield where, record


def _jsonl(path: Path, col: _Collector) -> Iterator[tuple[str, int, dict]]:
    for index, (where, record) in enumerate(json_records(path, col.skip)):
        yield where, index, record


def _text(value) -> str:
    if value is None:
        raise ValueError("null field")
    if isinstance(value, float):
        return repr(value)  # repr keeps every digit PAL's program computed
    if isinstance(value, (dict, list)):
        raise ValueError("a structure where text was expected")
    return str(value)


def _join(body: str, question: str) -> str:
    body, question = _text(body).strip(), _text(question).strip()
    if body and body[-1] not in ".?!":
        body += "."  # SVAMP bodies often lack the final stop: 'a discount of 25 dollars on each pack'
    return f"{body} {question}".strip()


def _options_text(choices: dict[str, str]) -> str:
    return "Options: " + ", ".join(f"{k}) {v}" for k, v in choices.items())


@reader("gsm8k")
def read_gsm8k(path: Path) -> Dataset:
    col = _Collector(path, "gsm8k")
    for where, i, r in _jsonl(path, col):
        def build(r=r, i=i):
            answer = _text(r["answer"])
            if "####" not in answer:
                raise ValueError("no '#### N' final answer")
            return Item(str(i), _text(r["question"]), answer.rsplit("####", 1)[1].strip())
        col.add(where, i, build)
    return col.dataset


@reader("gsm-hard")
def read_gsm_hard(path: Path) -> Dataset:
    col = _Collector(path, "gsm-hard")
    for where, i, r in _jsonl(path, col):
        col.add(where, i, lambda r=r, i=i: Item(str(i), _text(r["input"]), _text(r["target"])))
    return col.dataset


@reader("mawps")
def read_mawps(path: Path) -> Dataset:
    col = _Collector(path, "mawps")
    for where, i, r in _jsonl(path, col):
        col.add(where, i, lambda r=r, i=i: Item(str(i), _text(r["input"]), _text(r["target"]),
                                                meta={"type": str(r.get("type", ""))}))
    return col.dataset


@reader("asdiv-jsonl")
def read_asdiv_jsonl(path: Path) -> Dataset:
    col = _Collector(path, "asdiv-jsonl")
    for where, i, r in _jsonl(path, col):
        col.add(where, i, lambda r=r, i=i: Item(str(i), _join(r["body"], r["question"]), _text(r["answer"]),
                                                meta={"type": str(r.get("solution_type", ""))}))
    return col.dataset


@reader("asdiv-xml")
def read_asdiv_xml(path: Path) -> Dataset:
    col = _Collector(path, "asdiv-xml")
    try:
        # ElementTree does not resolve external entities; a billion-laughs file is refused by size first
        if path.stat().st_size > 50_000_000:
            raise ET.ParseError("file too large")
        # ASDiv is UTF-8. Without the override expat asks Python's codecs for whatever the XML declaration
        # names, and encoding="UTF-7", "rot13" or "foo" raise ValueError or LookupError, not ParseError
        root = ET.parse(path, parser=ET.XMLParser(encoding="utf-8")).getroot()
    except ET.ParseError as exc:
        col.skip(path.name, f"malformed XML: {exc}")
        return col.dataset
    for i, problem in enumerate(root.iter("Problem")):
        where = f"{path.name}:Problem {problem.get('ID', i)}"

        def build(p=problem, i=i):
            fields = {child.tag: (child.text or "") for child in p}
            return Item(str(i), _join(fields["Body"], fields["Question"]), fields["Answer"],
                        meta={"type": fields.get("Solution-Type", ""), "grade": p.get("Grade", ""),
                              "source_id": p.get("ID", "")})
        col.add(where, i, build)
    return col.dataset


@reader("svamp")
def read_svamp(path: Path) -> Dataset:
    col = _Collector(path, "svamp")
    try:
        rows = loads(path.read_text(encoding="utf-8", errors="replace"))
    except UnreadableJSON as exc:
        col.skip(path.name, str(exc))
        return col.dataset
    if not isinstance(rows, list):
        col.skip(path.name, "expected a JSON list")
        return col.dataset
    for i, r in enumerate(rows):
        where = f"{path.name}[{i}]"
        if not isinstance(r, dict):
            col.skip(where, "not a JSON object")
            continue
        col.add(where, i, lambda r=r, i=i: Item(str(i), _join(r["Body"], r["Question"]), _text(r["Answer"]),
                                                meta={"type": str(r.get("Type", "")), "source_id": str(r.get("ID", ""))}))
    return col.dataset


_MATHQA_OPTION = re.compile(r"([a-e])\s*\)\s*(.*?)\s*(?=,\s*[a-e]\s*\)|$)")


def _mathqa_options(value) -> str:
    """'a ) 12 , b ) 16' or, in some records, a Python-list-looking string "['a ) 12', 'b ) 16']"."""
    if isinstance(value, list):
        return " , ".join(_text(v) for v in value)
    text = _text(value).strip()
    if text.startswith("["):
        return " , ".join(re.findall(r"'([^']*)'", text))
    return text


@reader("mathqa")
def read_mathqa(path: Path) -> Dataset:
    col = _Collector(path, "mathqa")
    for where, i, r in _jsonl(path, col):
        def build(r=r, i=i):
            choices = {k.upper(): v for k, v in _MATHQA_OPTION.findall(_mathqa_options(r["options"]))}
            if len(choices) < 2:
                raise ValueError("fewer than two options")
            gold = _text(r["correct"]).strip().upper()
            if gold not in choices:
                raise ValueError(f"answer {gold!r} is not an option")
            question = f"{_text(r['problem']).strip()}\n{_options_text(choices)}"
            return Item(str(i), question, gold, "choice", choices, {"type": str(r.get("type", ""))})
        col.add(where, i, build)
    return col.dataset


_AQUA_OPTION = re.compile(r"^\s*([A-E])\s*\)\s*(.*)$", re.S)


@reader("aqua")
def read_aqua(path: Path) -> Dataset:
    col = _Collector(path, "aqua")
    for where, i, r in _jsonl(path, col):
        def build(r=r, i=i):
            options = r["options"]
            if not isinstance(options, list):
                raise ValueError("options is not a list")
            choices = {}
            for option in options:
                m = _AQUA_OPTION.match(_text(option))
                if m:
                    choices[m.group(1)] = m.group(2).strip()
            gold = _text(r["correct"]).strip().upper()
            if gold not in choices:
                raise ValueError(f"answer {gold!r} is not an option")
            return Item(str(i), f"{_text(r['question']).strip()}\n{_options_text(choices)}", gold, "choice", choices)
        col.add(where, i, build)
    return col.dataset


@reader("math")
def read_math(path: Path) -> Dataset:
    col = _Collector(path, "math")
    for where, i, r in _jsonl(path, col):
        def build(r=r, i=i):
            boxed = last_boxed(_text(r["solution"]))
            if boxed is None:
                raise ValueError("no \\boxed{} answer in the solution")
            return Item(str(i), _text(r["problem"]), boxed, "expression",
                        meta={"level": str(r.get("level", "")), "type": str(r.get("type", ""))})
        col.add(where, i, build)
    return col.dataset


@reader("math500")
def read_math500(path: Path) -> Dataset:
    col = _Collector(path, "math500")
    for where, i, r in _jsonl(path, col):
        col.add(where, i, lambda r=r, i=i: Item(str(i), _text(r["problem"]), _text(r["answer"]), "expression",
                                                meta={"level": str(r.get("level", "")), "type": str(r.get("subject", "")),
                                                      "source_id": str(r.get("unique_id", ""))}))
    return col.dataset


@reader("competition")
def read_competition(path: Path) -> Dataset:
    """AIME/AMC files: `problem`, `answer` (a string or a float like 27.0)."""
    col = _Collector(path, "competition")
    for where, i, r in _jsonl(path, col):
        def build(r=r, i=i):
            gold = _text(r["answer"])
            kind = "number" if read_number(gold) is not None else "expression"
            return Item(str(i), _text(r["problem"]), gold, kind, meta={"source_id": str(r.get("id", ""))})
        col.add(where, i, build)
    return col.dataset


@reader("bigbench")
def read_bigbench(path: Path) -> Dataset:
    """BIG-bench task.json and BBH files: {examples: [{input, target}]}; a list target takes its first entry."""
    col = _Collector(path, "bigbench")
    try:
        data = loads(path.read_text(encoding="utf-8", errors="replace"))
        examples = data["examples"]
        if not isinstance(examples, list):
            raise TypeError
    except UnreadableJSON as exc:
        col.skip(path.name, str(exc))
        return col.dataset
    except (KeyError, TypeError):
        col.skip(path.name, "no 'examples' list")
        return col.dataset
    for i, r in enumerate(examples):
        where = f"{path.name}:examples[{i}]"
        if not isinstance(r, dict):
            col.skip(where, "not a JSON object")
            continue

        def build(r=r, i=i):
            target = r["target"]
            if isinstance(target, list):
                target = target[0] if target else ""
            return Item(str(i), _text(r["input"]), _text(target))
        col.add(where, i, build)
    return col.dataset


@reader("calcx")
def read_calcx(path: Path) -> Dataset:
    col = _Collector(path, "calcx")
    for where, i, r in _jsonl(path, col):
        col.add(where, i, lambda r=r, i=i: Item(str(i), _text(r.get("prompt", r.get("question"))), _text(r["result"])))
    return col.dataset


@reader("dm-math")
def read_dm_math(path: Path) -> Dataset:
    col = _Collector(path, "dm-math")
    for where, i, r in _jsonl(path, col):
        def build(r=r, i=i):
            gold = _text(r["answer"])
            kind = "number" if read_number(gold) is not None else "text" if gold in ("True", "False") else "expression"
            return Item(str(i), _text(r["question"]), gold, kind,
                        meta={"type": str(r.get("module", "")), "regime": str(r.get("regime", ""))})
        col.add(where, i, build)
    return col.dataset


# file-name fragments -> format, most specific first
_BY_NAME = [
    ("grade-school-math", "gsm8k"), ("gsm_hard", "gsm-hard"), ("mawps", "mawps"), ("asdiv", "asdiv-jsonl"), ("svamp", "svamp"), ("mathqa", "mathqa"), ("aqua", "aqua"), ("math_oai", "math500"),
    ("__math__", "math"), ("aime", "competition"), ("amc", "competition"), ("bigbench", "bigbench"),
    ("big-bench", "bigbench"), ("calc-x", "calcx"), ("mathematics-dataset", "dm-math"),
]


def detect_format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".xml"):
        return "asdiv-xml"  # the only XML format among the benchmarks
    for fragment, fmt in _BY_NAME:
        if fragment in name:
            return fmt
    return _sniff(path)


def _sniff(path: Path) -> str | None:
    """Unknown file names: guess from the first record's fields."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    stripped = head.lstrip()
    if stripped.startswith("<"):
        return "asdiv-xml"
    if stripped.startswith("["):
        return "svamp"
    if '"examples"' in head:
        return "bigbench"
    first = stripped.splitlines()[0] if stripped else ""
    try:
        keys = set(loads(first))
    except (UnreadableJSON, TypeError):
        return None
    for fields, fmt in [({"question", "answer", "module"}, "dm-math"), ({"question", "answer"}, "gsm8k"),
                        ({"prompt", "chain"}, "calcx"), ({"input", "target"}, "mawps"),
                        ({"problem", "options"}, "mathqa"), ({"question", "options"}, "aqua"),
                        ({"problem", "answer", "unique_id"}, "math500"), ({"problem", "solution"}, "math"),
                        ({"problem", "answer"}, "competition"), ({"body", "question"}, "asdiv-jsonl")]:
        if fields <= keys:
            return fmt
    return None


def read_dataset(path: Path, fmt: str | None = None) -> Dataset:
    fmt = fmt or detect_format(path)
    if fmt not in READERS:
        raise UnknownFormat(f"cannot tell the format of {path.name}; give --format (one of {', '.join(sorted(READERS))})")
    dataset = READERS[fmt](path)
    return dataset
