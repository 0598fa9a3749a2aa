"""ENAMEL (Qiu et al., ICLR 2025): 164 HumanEval problems with expert efficient solutions,
size-levelled input generators and checkers, read from a local copy of ``enamel.csv``.

Every task is a Python ``function`` task whose values keep their Python types (the ``py``
value type), judged by ENAMEL's own checker ``__check(input, answer, output)``. References:
ENAMEL's expert solution (origin ``enamel:reference``) and, when ``samples/`` is beside the CSV,
HumanEval's and HumanEval+'s canonical solutions (``humaneval:canonical``,
``humanevalplus:canonical``).
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from pathlib import Path

from .. import __version__
from ..datamodel import Checker, InputGenerator, Parameter, Signature, Solution, Task, TaskKind
from ..errors import DataError

#: ENAMEL's protocol: tests per level (level 0 checks correctness only) and level weights.
CASES_PER_LEVEL = (8, 4, 4, 4)
LEVEL_WEIGHTS = (0.0, 3.0, 3.0, 4.0)
SAMPLES = {
    "enamel:reference": "enamel-references.json",
    "humaneval:canonical": "humaneval-canonical.json",
    "humanevalplus:canonical": "humanevalplus-canonical.json",
}
#: The generators' namespace: effiskel's versions of ENAMEL's input helpers, then the prompt
#: (some generators and checkers call functions the prompt defines, e.g. ``poly``).
HELPERS = "from effiskel.datasets.enamel_helpers import rand_parens, rand_primality, rand_probably_prime\n"
FIELDS = ("task_id", "prompt", "input_generator", "input_levels", "reference_solution", "checker", "entry_point")


def _parameters(prompt: str, entry_point: str, where: str) -> list[str]:
    try:
        tree = ast.parse(prompt)
    except SyntaxError:
        tree = None
    if tree is not None:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == entry_point:
                return [a.arg for a in node.args.posonlyargs + node.args.args]
    match = re.search(rf"def\s+{re.escape(entry_point)}\s*\((.*?)\)\s*(?:->[^:]*)?:", prompt, re.S)
    if not match:
        raise DataError(f"the prompt defines no function {entry_point!r}", path=where, field="prompt")
    names = [p.split(":")[0].split("=")[0].strip() for p in match.group(1).split(",")]
    return [n for n in names if n and n not in ("*", "/")]


def load_enamel(path: Path, *, with_samples: bool = True) -> list[Task]:
    """Read ENAMEL from ``path``: the folder holding ``enamel.csv``, or the CSV itself."""
    path = Path(path)
    csv_path = path / "enamel.csv" if path.is_dir() else path
    if not csv_path.is_file():
        raise DataError("no enamel.csv here", path=str(path))
    csv.field_size_limit(sys.maxsize)
    try:
        with open(csv_path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = [c for c in FIELDS if c not in (reader.fieldnames or [])]
            if missing:
                raise DataError(f"missing columns {', '.join(missing)}", path=str(csv_path))
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc}", path=str(csv_path)) from None
    except csv.Error as exc:
        raise DataError(f"not CSV: {exc}", path=str(csv_path)) from None
    samples: dict[str, list] = {}
    if with_samples:
        for origin, name in SAMPLES.items():
            sample_path = csv_path.parent / "samples" / name
            if sample_path.is_file():
                try:
                    samples[origin] = json.loads(sample_path.read_text())
                except json.JSONDecodeError as exc:
                    raise DataError(f"not JSON: {exc}", path=str(sample_path)) from None
                if len(samples[origin]) != len(rows):
                    raise DataError(f"{len(samples[origin])} entries for {len(rows)} problems",
                                    path=str(sample_path))
    tasks = []
    for index, row in enumerate(rows):
        task_id = row["task_id"] or f"row {index + 2}"
        where = str(csv_path)
        for field in FIELDS:
            if not (row.get(field) or "").strip():
                raise DataError("empty", path=where, record=task_id, field=field)
        try:
            levels = tuple(int(x) for x in row["input_levels"].split())
        except ValueError:
            raise DataError(f"not integers: {row['input_levels']!r}", path=where, record=task_id,
                            field="input_levels") from None
        if len(levels) != len(CASES_PER_LEVEL):
            raise DataError(f"{len(levels)} levels, expected {len(CASES_PER_LEVEL)}", path=where,
                            record=task_id, field="input_levels")
        entry = row["entry_point"].strip()
        names = _parameters(row["prompt"], entry, where)
        prompt = row["prompt"] if row["prompt"].endswith("\n") else row["prompt"] + "\n"
        references: list[Solution] = [Solution(
            task_id=task_id, language="python", source=prompt + row["reference_solution"],
            origin="enamel:reference")]
        for origin, entries in samples.items():
            if origin == "enamel:reference":
                continue
            entry_list = entries[index]
            if not entry_list or not isinstance(entry_list[0], str):
                raise DataError("expected a list holding one program", path=f"samples/{SAMPLES[origin]}",
                                record=index, field="0")
            references.append(Solution(task_id=task_id, language="python", source=entry_list[0], origin=origin))
        tasks.append(Task(
            id=task_id,
            statement=row["prompt"],
            kind=TaskKind.FUNCTION,
            signature=Signature(entry, [Parameter(n, "py") for n in names], "py"),
            generator=InputGenerator(row["input_generator"], levels, CASES_PER_LEVEL,
                                     prelude=HELPERS + prompt),
            checker=Checker(kind="custom", source=row["checker"], entry_point="__check", prelude=prompt),
            references={"python": tuple(references)},
            source="enamel",
            meta={"level_weights": list(LEVEL_WEIGHTS)},
        ))
    return tasks


class EnamelLoader:
    """ENAMEL from a local folder (``enamel.csv`` and optionally ``samples/``)."""

    name = "enamel"
    version = __version__

    def load(self, path: Path) -> list[Task]:
        return load_enamel(path)
