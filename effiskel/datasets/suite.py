"""The bundled task suite (``effiskel/suite/``; format in docs/suite-format.md)."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..datamodel import Checker, InputGenerator, Parameter, Signature, Solution, Task, TaskKind, TestCase
from ..errors import DataError

EFFICIENT = "suite:efficient"
INEFFICIENT = "suite:inefficient"


def bundled_suite_path() -> Path:
    return Path(str(resources.files("effiskel") / "suite"))


def _need(table: dict[str, Any], key: str, kind: type, path: Path, record: str) -> Any:
    if key not in table:
        raise DataError("missing", path=str(path), record=record, field=key)
    value = table[key]
    if not isinstance(value, kind):
        raise DataError(f"expected {kind.__name__}, got {type(value).__name__}", path=str(path),
                        record=record, field=key)
    return value


def load_task(folder: Path) -> Task:
    """One task folder of the suite."""
    path = folder / "task.toml"
    try:
        data = tomllib.loads(path.read_text())
    except FileNotFoundError:
        raise DataError("the task folder has no task.toml", path=str(folder)) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not TOML: {exc}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc}", path=str(path)) from None
    task_id = _need(data, "id", str, path, folder.name)
    if task_id != folder.name:
        raise DataError(f"id {task_id!r} differs from the folder name {folder.name!r}", path=str(path),
                        record=task_id, field="id")
    sig = _need(data, "signature", dict, path, task_id)
    try:
        signature = Signature(
            entry_point=_need(sig, "entry_point", str, path, task_id),
            parameters=[Parameter(p["name"], p["type"]) for p in _need(sig, "parameters", list, path, task_id)],
            returns=_need(sig, "returns", str, path, task_id),
        )
        gen = _need(data, "generator", dict, path, task_id)
        generator_file = folder / "generator.py"
        generator = InputGenerator(
            source=generator_file.read_text(),
            levels=_need(gen, "levels", list, path, task_id),
            cases_per_level=gen.get("cases_per_level", ()),
        )
        checker = Checker(**data.get("checker", {}))
        tests = [TestCase(input=t["input"], expected=t.get("expected")) for t in data.get("tests", [])]
    except (KeyError, TypeError, ValueError, OSError) as exc:
        raise DataError(str(exc), path=str(path), record=task_id) from None
    references: dict[str, list[Solution]] = {}
    solutions_dir = folder / "solutions"
    for language_dir in sorted(p for p in solutions_dir.iterdir() if p.is_dir()) if solutions_dir.is_dir() else ():
        for file in sorted(language_dir.iterdir()):
            stem = file.stem
            if not stem.startswith(("efficient_", "inefficient_")):
                raise DataError("a solution file's name must start with efficient_ or inefficient_",
                                path=str(file), record=task_id)
            efficient = stem.startswith("efficient_")
            try:
                source = file.read_text()
            except (OSError, UnicodeDecodeError) as exc:
                raise DataError(f"cannot read the solution: {exc}", path=str(file), record=task_id) from None
            references.setdefault(language_dir.name, []).append(Solution(
                task_id=task_id, language=language_dir.name, source=source,
                origin=EFFICIENT if efficient else INEFFICIENT,
                meta={"file": f"{language_dir.name}/{file.name}", "style": stem.split("_", 1)[1]},
            ))
    return Task(
        id=task_id,
        statement=_need(data, "statement", str, path, task_id).strip(),
        kind=TaskKind.FUNCTION,
        signature=signature,
        tests=tests,
        generator=generator,
        checker=checker,
        references={lang: tuple(sols) for lang, sols in references.items()},
        source="suite",
        meta={"title": data.get("title", task_id), "complexity": data.get("complexity", ""),
              "tags": list(data.get("tags", []))},
    )


def load_suite(path: Path | None = None) -> list[Task]:
    root = Path(path) if path is not None else bundled_suite_path()
    if not root.is_dir():
        raise DataError("no such suite folder", path=str(root))
    return [load_task(folder) for folder in sorted(root.iterdir()) if (folder / "task.toml").exists()]


def solutions(task: Task, language: str, *, efficient: bool | None = None) -> list[Solution]:
    """The suite's solutions of a task in a language: efficient ones, inefficient ones, or all."""
    wanted = {True: (EFFICIENT,), False: (INEFFICIENT,), None: (EFFICIENT, INEFFICIENT)}[efficient]
    return [s for s in task.references.get(language, ()) if s.origin in wanted]


class SuiteLoader:
    """The bundled suite, or a folder in the same format."""

    name = "suite"
    version = __version__

    def load(self, path: Path | None = None) -> list[Task]:
        return load_suite(path)
