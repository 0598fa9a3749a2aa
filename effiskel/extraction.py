"""Skeleton extraction over a dataset: groups from tasks, strategies run on them, records on disk.

A task's solutions in one language form one :class:`~effiskel.datamodel.SolutionGroup`: those of
an *inefficient* origin (default: an origin ending in ``inefficient``, as the bundled suite's
``suite:inefficient``) are the group's slow contrast, every other one is efficient -- ENAMEL's
reference and HumanEval/HumanEval+ canonical solutions, APPS+EFFI's curated programs, the suite's
efficient solutions. The same program listed under two origins is one solution (the first
origin is recorded).

Records are JSON Lines, one per (strategy, solution): the task, language, origin and source of
the solution and either its skeleton (``"record": "skeleton"``, the
:class:`~effiskel.datamodel.Skeleton` fields) or why there is none (``"record": "failure"``, the
:class:`~effiskel.datamodel.SkeletonFailure` fields).
"""

from __future__ import annotations

import inspect
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup, Task
from .errors import DataError, EffiskelError
from .plugins import get_host
from .serialization import read_json_lines, structure, unstructure


def is_inefficient_origin(origin: str) -> bool:
    """The default split: an origin ending in ``inefficient`` is slow contrast."""
    return origin.endswith("inefficient")


def solution_groups(
    tasks: Iterable[Task],
    *,
    language: str | None = None,
    inefficient: Callable[[str], bool] = is_inefficient_origin,
) -> list[tuple[Task, SolutionGroup]]:
    """One group per task and language with at least one efficient solution, in task order."""
    groups = []
    for task in tasks:
        for lang, solutions in task.references.items():
            if language is not None and lang != language:
                continue
            seen: set[str] = set()
            fast: list[Solution] = []
            slow: list[Solution] = []
            for solution in solutions:
                if solution.id in seen:
                    continue
                seen.add(solution.id)
                (slow if inefficient(solution.origin) else fast).append(solution)
            if fast:
                groups.append((task, SolutionGroup(task.id, lang, fast, slow)))
    return groups


@attrs.frozen
class SkeletonRecord:
    """One strategy's outcome for one solution, with the solution it is about."""

    task_id: str
    language: str
    origin: str
    source: str
    outcome: Skeleton | SkeletonFailure

    @property
    def strategy(self) -> str:
        return self.outcome.strategy

    @property
    def solution_id(self) -> str:
        return self.outcome.solution_id

    @property
    def ok(self) -> bool:
        return isinstance(self.outcome, Skeleton)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "record": "skeleton" if self.ok else "failure",
            "task_id": self.task_id,
            "language": self.language,
            "origin": self.origin,
            "source": self.source,
        }
        data.update(unstructure(self.outcome))
        return data

    @classmethod
    def from_dict(cls, data: Any, *, path: str | None = None, record: int | None = None) -> SkeletonRecord:
        if not isinstance(data, dict):
            raise DataError(f"expected an object, got {type(data).__name__}", path=path, record=record)
        fields = dict(data)
        context = {}
        for key in ("record", "task_id", "language", "origin", "source"):
            if key not in fields:
                raise DataError("missing", path=path, record=record, field=key)
            context[key] = fields.pop(key)
            if not isinstance(context[key], str):
                raise DataError(f"expected a string, got {type(context[key]).__name__}",
                                path=path, record=record, field=key)
        kinds = {"skeleton": Skeleton, "failure": SkeletonFailure}
        if context["record"] not in kinds:
            raise DataError(f"expected 'skeleton' or 'failure', got {context['record']!r}",
                            path=path, record=record, field="record")
        outcome = structure(kinds[context.pop("record")], fields, path=path, record=record)
        return cls(outcome=outcome, **context)


def extract_group(
    strategy: Any, task: Task, group: SolutionGroup, frontend: Any
) -> list[Skeleton | SkeletonFailure]:
    """Run ``strategy`` on ``group`` and check it kept the contract: one entry per efficient solution.

    A strategy whose ``extract`` takes a ``task`` keyword (the dynamic one: it runs the code on
    the task's inputs) gets the task. An :class:`EffiskelError` from the strategy becomes a
    failure for every solution of the group, with the error as the reason.
    """
    try:
        if "task" in inspect.signature(strategy.extract).parameters:
            entries = strategy.extract(group, frontend, task=task)
        else:
            entries = strategy.extract(group, frontend)
    except EffiskelError as exc:
        return [SkeletonFailure(s.id, strategy.name, f"{type(exc).__name__}: {exc}") for s in group.efficient]
    wanted = [s.id for s in group.efficient]
    got = [getattr(e, "solution_id", None) for e in entries]
    if got != wanted:
        raise EffiskelError(
            f"strategy {strategy.name!r} broke its contract on task {group.task_id!r} "
            f"({group.language}): it returned entries for {got}, not one per efficient solution {wanted}"
        )
    for entry in entries:
        if not isinstance(entry, (Skeleton, SkeletonFailure)):
            raise EffiskelError(
                f"strategy {strategy.name!r} returned a {type(entry).__name__} on task "
                f"{group.task_id!r}, not a Skeleton or SkeletonFailure"
            )
    return list(entries)


def extract_all(
    groups: Sequence[tuple[Task, SolutionGroup]],
    strategies: Sequence[Any],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[SkeletonRecord]:
    """Every strategy on every group; a language without a frontend is a failure per solution."""
    host = get_host()
    records: list[SkeletonRecord] = []
    total = len(groups) * len(strategies)
    done = 0
    for task, group in groups:
        frontend = host.languages.get(group.language) if group.language in host.languages else None
        for strategy in strategies:
            if frontend is None:
                reason = f"no language frontend {group.language!r} is installed"
                entries: list[Skeleton | SkeletonFailure] = [
                    SkeletonFailure(s.id, strategy.name, reason) for s in group.efficient
                ]
            else:
                entries = extract_group(strategy, task, group, frontend)
            for solution, entry in zip(group.efficient, entries):
                records.append(SkeletonRecord(task.id, group.language, solution.origin, solution.source, entry))
            done += 1
            if progress is not None:
                progress(done, total)
    return records


def write_records(path: Path | str, records: Iterable[SkeletonRecord]) -> Path:
    """Write records as JSON Lines, atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False))
                f.write("\n")
        # mkstemp makes the file private; the records are an ordinary output file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_records(path: Path | str) -> list[SkeletonRecord]:
    """Read records written by :func:`write_records`; a bad line raises DataError naming it."""
    out = [SkeletonRecord.from_dict(data, path=str(path), record=number)
           for number, data in read_json_lines(path)]
    return out


def kept_shares(records: Iterable[SkeletonRecord]) -> list[dict[str, Any]]:
    """Per (strategy, language): solutions, failures, tokens, tokens kept and ``kept_share``
    (None where no token was extracted)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for r in records:
        row = rows.setdefault((r.strategy, r.language), {
            "strategy": r.strategy, "language": r.language, "solutions": 0, "failures": 0,
            "tokens": 0, "kept": 0,
        })
        row["solutions"] += 1
        if r.ok:
            row["tokens"] += len(r.outcome.keep)
            row["kept"] += sum(r.outcome.keep)
        else:
            row["failures"] += 1
    for row in rows.values():
        row["kept_share"] = row["kept"] / row["tokens"] if row["tokens"] else None
    return list(rows.values())
