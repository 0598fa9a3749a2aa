"""Mercury (Du et al., NeurIPS 2024, "Mercury: A Code Efficiency Benchmark for Code LLMs"):
1,889 LeetCode problems (``train`` 1,633, ``eval`` 256), each with a runtime distribution of
historical solutions, read from its Hugging Face files (``Elfsong/Mercury``: parquet, or the
same records as JSON / JSON lines), from a local file or folder, or through
``datasets.load_dataset`` when given a hub name and the machine is online.

Columns used (as published on the hub): ``slug_name``, ``id``, ``difficulty``,
``pretty_content`` (list of strings, the first is the problem text), ``meta_info`` (LeetCode's
question record; ``data.question.content`` is the HTML text, used when ``pretty_content`` is
empty), ``solutions`` (list of ``{hash, runtime: "44ms", solution}``), ``prompt`` (the starter
code, ``class Solution: def f(self, ...)``), ``entry_point``, ``test_cases`` (a JSON string: a list
of ``{"input": [args...], "expected": value}``), ``convert_offline`` / ``evaluate_offline`` (Python
sources of ``convert_offline((inputs, expected))`` and ``evaluate_offline(inputs, outputs,
expected)``) and ``generator_code``.

Mapping. Each problem is a Python ``function`` task ``mercury/<slug_name>`` with ``py``-typed
parameters (names parsed from the prompt, ``self`` dropped) and return value. Fixed tests are the
test cases (inputs and expected values as JSON). The checker is ``custom``: Mercury's own
``evaluate_offline``, called as ``evaluate_offline(inputs, outputs, expected)``. References are
the historical solutions (origin ``mercury:solution``) with their LeetCode runtime in
``Solution.meta`` (``runtime`` as published, ``runtime_ms`` as a number, ``hash``, ``rank``).

LeetCode's calling convention. Mercury calls ``Solution().<entry_point>(*inputs)`` in a namespace
that imports ``List``, ``Optional``, ``collections``, ``heapq``... A reference's source is therefore
made runnable by effiskel's harness (which calls a module-level ``entry_point``) as
``PRELUDE + solution + adapter`` (:func:`leetcode_program`); ``Solution.meta["body_span"]`` gives
the character span of the original solution inside it and :func:`solution_body` cuts it back out.
Generated code for these tasks is wrapped the same way by :func:`harness_program` (which reads
``task.meta["wrapper"]``: ``mercury``, ``apps`` or ``effibench``, naming whose prelude to use).

What it cannot represent. Problems whose ``convert_offline`` builds LeetCode linked lists or
trees (with Mercury's ``lctk`` helper package) are skipped: the harness passes plain values. A
``convert_offline`` that is not the identity is run in-process at load time (it is benchmark
code, trusted like an input generator) and its converted values are stored. Test cases whose
values JSON cannot hold exactly are skipped (counted in ``task.meta["skipped_tests"]``). The
test-case generator (``generator_code``) is kept in ``task.meta`` but not run: its interface has
no size parameter, so it does not fit effiskel's levelled generators.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import __version__
from ..datamodel import Checker, Parameter, Signature, Solution, Task, TaskKind, TestCase
from ..errors import DataError
from .humaneval import (
    function_parameters,
    identifier,
    json_exact,
    need,
    parse_python,
    read_json_records,
    to_json,
)

ORIGIN = "mercury:solution"
HUB_NAME = "Elfsong/Mercury"
FIELDS = ("slug_name", "prompt", "entry_point", "test_cases", "solutions", "evaluate_offline")
SUFFIXES = (".parquet", ".json", ".jsonl", ".jsonl.gz", ".ndjson")
SPLITS = ("train", "eval", "test", "validation")

#: The namespace Mercury runs solutions in (its sandbox imports these before the solution),
#: without its ``lctk`` helper package.
PRELUDE = """\
import re
import itertools
import collections
import heapq
import bisect
import string
import sys
import functools
import math
import copy
try:
    import sortedcontainers
except ImportError:
    pass
from math import floor, ceil, factorial, sqrt, inf
from sys import maxsize, stdin
from bisect import bisect_left, bisect_right
from itertools import permutations, zip_longest
from heapq import heappush, heappop, heapify
from collections import deque, defaultdict, OrderedDict
from typing import List, Optional, Tuple
from functools import lru_cache, cache


class ListNode(object):
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode(object):
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


"""

ADAPTER = """

def {entry}(*args):  # effiskel: the LeetCode-style method as a module-level entry point
    return Solution().{entry}(*args)
"""

CHECK_ENTRY = "effiskel_check"
CHECK_ADAPTER = """

def effiskel_check(input, expected, output):
    return bool(evaluate_offline(input, output, expected))
"""


# -- the LeetCode calling convention ----------------------------------------------------------


def entry_kind(source: str, entry_point: str) -> str | None:
    """``"function"`` if ``source`` defines ``entry_point`` at module level, ``"method"`` if a
    class ``Solution`` defines it, None otherwise (or where the source does not parse)."""
    tree = parse_python(source)
    if tree is None:
        return None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == entry_point:
            return "function"
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Solution":
            for item in node.body:
                if (
                    isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and item.name == entry_point
                ):
                    return "method"
    return None


def leetcode_program(
    source: str, entry_point: str, prelude: str = PRELUDE
) -> tuple[str, tuple[int, int]] | None:
    """``source`` made callable by the harness: ``prelude + source`` and, when the entry point is
    a method of ``class Solution``, a module-level function calling it on a fresh ``Solution()``.
    Returns the program and the span of ``source`` in it, or None if ``source`` defines no such
    entry point (or does not parse)."""
    kind = entry_kind(source, entry_point)
    if kind is None:
        return None
    body = source if source.endswith("\n") else source + "\n"
    program = prelude + body
    if kind == "method":
        program += ADAPTER.format(entry=entry_point)
    return program, (len(prelude), len(prelude) + len(source))


def harness_program(task: Task, code: str) -> tuple[str, tuple[int, int]] | None:
    """``code`` (say, a model's answer to ``task``) made callable by the harness the way the
    task's references were: with the prelude of the benchmark named by ``task.meta["wrapper"]``
    and the LeetCode adapter. Code of a task without a wrapper is returned as it is. Returns the
    program and the span of ``code`` in it, or None if ``code`` defines no entry point."""
    wrapper = task.meta.get("wrapper")
    if not wrapper:
        return code, (0, len(code))
    if task.signature is None:
        raise DataError("a wrapped task needs a signature", record=task.id, field="signature")
    if wrapper == "mercury":
        prelude = PRELUDE
    elif wrapper == "apps":
        from .apps import PRELUDE as prelude
    elif wrapper == "effibench":
        from .effibench import PRELUDE as prelude
    else:
        raise DataError(f"unknown wrapper {wrapper!r}", record=task.id, field="meta.wrapper")
    return leetcode_program(code, task.signature.entry_point, prelude)


def wrap_solution(task: Task, solution: Solution) -> Solution:
    """A candidate ``solution`` of ``task`` made callable the way the task's references are
    (:func:`harness_program`), with ``meta["body_span"]`` marking its own code. A Python solution
    of a task without a wrapper, or one already wrapped, or one that defines no entry point (it
    will fail its tests as it is) is returned unchanged."""
    if solution.language != "python" or not task.meta.get("wrapper") or solution.meta.get("body_span"):
        return solution
    wrapped = harness_program(task, solution.source)
    if wrapped is None or wrapped[0] == solution.source:
        return solution
    program, span = wrapped
    return Solution(task_id=solution.task_id, language=solution.language, source=program,
                    origin=solution.origin, meta={**solution.meta, "body_span": list(span)})


def solution_body(solution: Solution) -> str:
    """The solution as the benchmark published it, without the prelude and adapter effiskel
    added to make it callable (``meta["body_span"]``)."""
    span = solution.meta.get("body_span")
    if not span:
        return solution.source
    start, end = span
    return solution.source[start:end]


def runtime_ms(text: Any) -> float | None:
    """LeetCode's runtime string (``"44ms"``, ``"44 ms"``, ``"0.5 s"``) in milliseconds."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    if not isinstance(text, str):
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*", text)
    if not match:
        return None
    value = float(match.group(1))
    return value * 1000.0 if match.group(2) == "s" else value


# -- convert_offline ---------------------------------------------------------------------------


def _is_identity_convert(source: str) -> bool:
    tree = parse_python(source)
    if tree is None:
        return False
    functions = [
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "convert_offline"
    ]
    if len(functions) != 1 or len(functions[0].args.args) != 1:
        return False
    case = functions[0].args.args[0].arg
    body = [
        s
        for s in functions[0].body
        if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
        and not isinstance(s, ast.Pass)
    ]
    if len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Name):
        return body[0].value.id == case
    if (
        len(body) == 2
        and isinstance(body[0], ast.Assign)
        and isinstance(body[1], ast.Return)
        and isinstance(body[0].value, ast.Name)
        and body[0].value.id == case
        and len(body[0].targets) == 1
        and isinstance(body[0].targets[0], ast.Tuple)
        and isinstance(body[1].value, ast.Tuple)
    ):
        targets = [getattr(t, "id", None) for t in body[0].targets[0].elts]
        returned = [getattr(t, "id", None) for t in body[1].value.elts]
        return None not in targets and targets == returned
    return False


def _converter(source: str, prelude: str):
    namespace: dict[str, Any] = {"__name__": "effiskel_mercury_convert"}
    exec(compile(prelude, "<mercury prelude>", "exec"), namespace)
    exec(compile(source, "<convert_offline>", "exec"), namespace)
    function = namespace.get("convert_offline")
    if not callable(function):
        raise ValueError("convert_offline is not defined")
    return function


def _nested(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


class _Skip(Exception):
    """A problem effiskel cannot represent; the reason goes to the caller's ``skipped`` list."""


# -- one record --------------------------------------------------------------------------------


def mercury_task(record: Any, *, path: str, record_id: int | str, split: str | None = None) -> Task:
    """The task of one Mercury record; raises DataError if it is malformed and ``_Skip`` if it
    cannot be represented."""
    if (
        isinstance(record, dict)
        and isinstance(record.get("slug_name"), str)
        and record["slug_name"].strip()
    ):
        record_id = record["slug_name"].strip()
    kinds: dict[str, Any] = {"test_cases": (str, list), "solutions": list}
    values = {f: need(record, f, kinds.get(f, str), path=path, record_id=record_id) for f in FIELDS}
    slug = values["slug_name"].strip()
    if not slug:
        raise DataError("empty", path=path, record=record_id, field="slug_name")
    task_id = f"mercury/{slug}"
    entry = identifier(values["entry_point"], path=path, record_id=record_id, field="entry_point")
    names = function_parameters(values["prompt"], entry)
    if names is None:
        raise DataError(
            f"the prompt defines no method {entry!r}", path=path, record=record_id, field="prompt"
        )
    convert_source = (
        need(record, "convert_offline", str, path=path, record_id=record_id, optional=True) or ""
    )
    evaluate_source = values["evaluate_offline"]
    for field, source in (
        ("convert_offline", convert_source),
        ("evaluate_offline", evaluate_source),
    ):
        if source and parse_python(source) is None:
            raise DataError("not Python source", path=path, record=record_id, field=field)
    if "lctk" in convert_source or "lctk" in evaluate_source:
        raise _Skip("needs LeetCode linked lists or trees (Mercury's lctk helpers)")

    # tests
    cases = values["test_cases"]
    if isinstance(cases, str):
        try:
            cases = json.loads(cases)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise DataError(
                f"not JSON: {exc}", path=path, record=record_id, field="test_cases"
            ) from None
    if not isinstance(cases, list):
        raise DataError(
            f"expected a list of test cases, got {type(cases).__name__}",
            path=path,
            record=record_id,
            field="test_cases",
        )
    convert = None
    if convert_source.strip() and not _is_identity_convert(convert_source):
        try:
            convert = _converter(convert_source, PRELUDE)
        except Exception as exc:
            raise _Skip(f"convert_offline does not load: {type(exc).__name__}: {exc}") from None
    tests: list[TestCase] = []
    skipped_tests = 0
    for i, case in enumerate(cases):
        field = f"test_cases[{i}]"
        if not isinstance(case, dict) or "input" not in case or "expected" not in case:
            raise DataError(
                "expected an object with 'input' and 'expected'",
                path=path,
                record=record_id,
                field=field,
            )
        inputs, expected = case["input"], case["expected"]
        if convert is not None:
            try:
                converted = convert((copy.deepcopy(inputs), copy.deepcopy(expected)))
                inputs, expected = converted
            except Exception as exc:
                raise _Skip(
                    f"convert_offline fails on {field}: {type(exc).__name__}: {exc}"
                ) from None
        if not isinstance(inputs, (list, tuple)):
            raise DataError(
                f"expected a list of arguments, got {type(inputs).__name__}",
                path=path,
                record=record_id,
                field=f"{field}.input",
            )
        args = list(inputs)
        if len(args) != len(names):
            raise DataError(
                f"{len(args)} arguments for {len(names)} parameters of {entry}",
                path=path,
                record=record_id,
                field=f"{field}.input",
            )
        if not (json_exact(args) and json_exact(expected)):
            skipped_tests += 1
            continue
        tests.append(TestCase(input=to_json(args), expected=to_json(expected)))
    if not tests:
        raise _Skip("no test case it can represent")

    # references
    references: list[Solution] = []
    skipped_solutions = 0
    for i, item in enumerate(values["solutions"]):
        field = f"solutions[{i}]"
        if not isinstance(item, dict):
            raise DataError(
                f"expected an object, got {type(item).__name__}",
                path=path,
                record=record_id,
                field=field,
            )
        source = item.get("solution")
        if not isinstance(source, str):
            raise DataError(
                "missing or not a string", path=path, record=record_id, field=f"{field}.solution"
            )
        program = leetcode_program(source, entry)
        if program is None:
            skipped_solutions += 1
            continue
        text, span = program
        meta: dict[str, Any] = {"rank": i, "body_span": list(span)}
        if "runtime" in item and item["runtime"] is not None:
            meta["runtime"] = item["runtime"]
            meta["runtime_ms"] = runtime_ms(item["runtime"])
        if item.get("hash") is not None:
            meta["hash"] = item["hash"]
        references.append(
            Solution(task_id=task_id, language="python", source=text, origin=ORIGIN, meta=meta)
        )

    statement = ""
    pretty = record.get("pretty_content")
    if pretty is not None and not isinstance(pretty, list):
        raise DataError(
            f"expected a list of strings, got {type(pretty).__name__}",
            path=path,
            record=record_id,
            field="pretty_content",
        )
    if pretty and isinstance(pretty[0], str):
        statement = pretty[0]
    else:
        content = _nested(record, "meta_info", "data", "question", "content")
        statement = content if isinstance(content, str) else ""
    meta = {
        "slug_name": slug,
        "starter_code": values["prompt"],
        "wrapper": "mercury",
        "skipped_tests": skipped_tests,
        "skipped_solutions": skipped_solutions,
    }
    for key in ("id", "difficulty", "generator_code"):
        if isinstance(record.get(key), (str, int)) and not isinstance(record.get(key), bool):
            meta["mercury_id" if key == "id" else key] = record[key]
    if split:
        meta["split"] = split
    return Task(
        id=task_id,
        statement=statement,
        kind=TaskKind.FUNCTION,
        signature=Signature(entry, [Parameter(n, "py") for n in names], "py"),
        tests=tests,
        checker=Checker(
            kind="custom",
            source=evaluate_source + CHECK_ADAPTER,
            entry_point=CHECK_ENTRY,
            prelude=PRELUDE,
        ),
        references={"python": tuple(references)} if references else {},
        source="mercury",
        meta=meta,
    )


def tasks_from_records(
    records: Iterable[tuple[str, int | str, Any, str | None]],
    skipped: list[tuple[str, str]] | None = None,
) -> list[Task]:
    """Tasks of ``(file, record id, record, split)`` rows; unrepresentable problems are left
    out, with the reason, in ``skipped`` (a list to append ``(task id, reason)`` to)."""
    tasks: list[Task] = []
    seen: dict[str, str] = {}
    for where, record_id, record, split in records:
        try:
            task = mercury_task(record, path=where, record_id=record_id, split=split)
        except _Skip as reason:
            slug = record.get("slug_name") if isinstance(record, dict) else None
            if skipped is not None:
                skipped.append(
                    (
                        f"mercury/{slug}" if isinstance(slug, str) else f"{where}#{record_id}",
                        str(reason),
                    )
                )
            continue
        except (TypeError, ValueError) as exc:  # a value the data model refuses
            raise DataError(str(exc), path=where, record=record_id) from None
        if task.id in seen:
            raise DataError(
                f"duplicate slug_name (also in {seen[task.id]})",
                path=where,
                record=task.meta["slug_name"],
                field="slug_name",
            )
        seen[task.id] = f"{where}, record {record_id}"
        tasks.append(task)
    return tasks


# -- files -----------------------------------------------------------------------------------


def read_parquet(path: Path) -> list[dict]:
    """The rows of a parquet file as dicts (needs ``pyarrow``)."""
    try:
        import pyarrow
        import pyarrow.parquet as pq
    except ImportError:
        raise DataError(
            "reading parquet needs pyarrow: pip install 'effiskel[hf]'", path=str(path)
        ) from None
    try:
        return pq.read_table(path).to_pylist()
    except (
        pyarrow.ArrowException,
        OSError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        EOFError,
        NotImplementedError,
        MemoryError,
        UnicodeDecodeError,
    ) as exc:
        raise DataError(
            f"not a readable parquet file ({type(exc).__name__}: {exc}); is it truncated?",
            path=str(path),
        ) from None


def _split_of(path: Path) -> str | None:
    for part in (path.name, path.parent.name):
        head = re.split(r"[-_.]", part, maxsplit=1)[0].lower()
        if head in SPLITS:
            return head
    return None


def _data_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES)
        )
        if not files:
            raise DataError(
                f"no Mercury data files ({', '.join(SUFFIXES)}) in this folder", path=str(path)
            )
        return files
    raise DataError("no such file or folder", path=str(path))


def local_records(path: Path) -> Iterable[tuple[str, int | str, Any, str | None]]:
    for file in _data_files(Path(path)):
        split = _split_of(file)
        if file.name.lower().endswith(".parquet"):
            rows: list[tuple[int | str, Any]] = list(enumerate(read_parquet(file)))
        else:
            rows = read_json_records(file)
        for record_id, record in rows:
            yield str(file), record_id, record, split


def load_mercury(path: Path | str, *, skipped: list[tuple[str, str]] | None = None) -> list[Task]:
    """Mercury from a local parquet/JSON/JSON-lines file or a folder of them (e.g. the hub
    repository's ``data/`` folder)."""
    return tasks_from_records(local_records(Path(path)), skipped)


def load_mercury_hub(
    name: str = HUB_NAME,
    *,
    split: str | None = None,
    skipped: list[tuple[str, str]] | None = None,
    **load_kwargs: Any,
) -> list[Task]:
    """Mercury through ``datasets.load_dataset(name, split=split, **load_kwargs)``: a hub name
    (needs the network, or the hub cache) or a builder such as ``"parquet"`` with
    ``data_files=...``. Every split is read when ``split`` is None."""
    try:
        import datasets
    except ImportError:
        raise DataError(
            "loading from the Hugging Face hub needs datasets: pip install 'effiskel[hf]'",
            path=name,
        ) from None
    try:
        loaded = datasets.load_dataset(name, split=split, **load_kwargs)
    except Exception as exc:  # offline, unknown name, unreadable files: all one answer here
        raise DataError(
            f"datasets.load_dataset could not load it: {type(exc).__name__}: {exc}", path=name
        ) from None
    parts = list(loaded.items()) if isinstance(loaded, datasets.DatasetDict) else [(split, loaded)]

    def rows():
        for part_split, dataset in parts:
            where = f"{name}[{part_split}]" if part_split else name
            for index, record in enumerate(dataset):
                yield where, index, record, part_split

    return tasks_from_records(rows(), skipped)


def _looks_like_hub_name(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", text))


class MercuryLoader:
    """Mercury from local parquet/JSON files, or from the hub by name (``Elfsong/Mercury``)."""

    name = "mercury"
    version = __version__

    def load(self, path: Path | str | None = None) -> list[Task]:
        if path is None:
            return load_mercury_hub(HUB_NAME)
        if Path(path).exists():
            return load_mercury(path)
        if _looks_like_hub_name(str(path)):
            return load_mercury_hub(str(path))
        raise DataError(
            "no such file or folder (nor a hub name like Elfsong/Mercury)", path=str(path)
        )
