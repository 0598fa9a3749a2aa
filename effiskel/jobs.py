"""Long jobs over many solutions -- measure, curate, evaluate -- resumable through the store.

Each solution's result (verdict and measurements) is stored under a key made of the solution,
the task, the measurer and the settings, as soon as it is known. A job that is killed and run
again finds those keys and measures only what is missing.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from . import __version__
from .datamodel import Solution, Task, Verdict
from .errors import EffiskelError
from .evaluation import Evaluator, PreparedTask, SolutionRun, prepare
from .measurement import MeasurementError, measure_solution
from .metrics import Outcome, TaskOutcomes, beyond, compare_with_references, effibench, pass_at_k
from .store import ResultStore, result_key

KIND = "measurement"


@attrs.frozen
class JobSettings:
    measurer: str = "wall"
    #: Level indices to measure at (None: the largest level).
    levels: tuple[int, ...] | None = None
    jobs: int = 1


def solution_key(solution: Solution, settings: JobSettings, measurer_version: str) -> str:
    return result_key("measure", __version__, solution.id, solution.task_id, settings.measurer,
                      measurer_version, settings.levels)


def _record(solution: Solution, result: Any) -> dict[str, Any]:
    run: SolutionRun = result.run
    return {
        "solution_id": solution.id,
        "task_id": solution.task_id,
        "language": solution.language,
        "origin": solution.origin,
        "verdict": run.verdict.value,
        "message": (run.message or result.message)[-2000:],
        "layer": run.layer,
        "measurer": result.measurer,
        "inputs": list(result.input_ids),
        "locations": [m.location for m in result.measurements],
        "dispersions": [m.dispersion for m in result.measurements],
        "unit": result.measurements[0].unit if result.measurements else None,
        "total": result.total(),
    }


def measure_all(
    tasks: Sequence[Task],
    solutions: Iterable[Solution],
    store: ResultStore,
    settings: JobSettings = JobSettings(),
    *,
    evaluator: Evaluator | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[dict[str, Any]]:
    """Judge and measure every solution (skipping those already in ``store``); their records."""
    evaluator = evaluator or Evaluator()
    measurer = evaluator.host.measurers.get(settings.measurer)
    by_id = {t.id: t for t in tasks}
    todo: list[tuple[Solution, str]] = []
    for solution in solutions:
        if solution.task_id not in by_id:
            raise EffiskelError(f"solution {solution.id} is for task {solution.task_id!r}, which the dataset lacks")
        todo.append((solution, solution_key(solution, settings, measurer.version)))
    for language in sorted({s.language for s, _ in todo}):
        frontend = evaluator.host.languages.get(language)
        problem = getattr(frontend, "toolchain_problem", lambda: "this frontend has no toolchain")()
        if problem:
            raise EffiskelError(f"cannot run {language} solutions here: {problem}")
        why = measurer.unavailable_reason(language)
        if why:
            raise EffiskelError(f"the {measurer.name} measurer cannot measure {language} here: {why}")
    prepared: dict[str, PreparedTask] = {}
    prepare_lock = threading.Lock()

    def prepared_task(task_id: str) -> PreparedTask:
        with prepare_lock:
            if task_id not in prepared:
                prepared[task_id] = prepare(by_id[task_id])
            return prepared[task_id]

    def one(item: tuple[Solution, str]) -> dict[str, Any]:
        solution, key = item
        found = store.get(key)
        if found is not None:
            # The same code from another system shares the measurement, not the origin.
            return {**found, "origin": solution.origin, "solution_id": solution.id}
        try:
            result = measure_solution(evaluator, solution, prepared_task(solution.task_id), measurer,
                                      levels=settings.levels)
            record = _record(solution, result)
        except MeasurementError as exc:
            record = {"solution_id": solution.id, "task_id": solution.task_id, "language": solution.language,
                      "origin": solution.origin, "verdict": Verdict.RUNTIME_ERROR.value, "message": str(exc),
                      "layer": "", "measurer": measurer.name, "inputs": [], "locations": [],
                      "dispersions": [], "unit": None, "total": None}
        store.put(key, KIND, record)
        return record

    records: list[dict[str, Any]] = [None] * len(todo)  # type: ignore[list-item]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, settings.jobs)) as pool:
        futures = {pool.submit(one, item): i for i, item in enumerate(todo)}
        done = 0
        for future in concurrent.futures.as_completed(futures):
            records[futures[future]] = future.result()
            done += 1
            if progress:
                progress(done, len(todo), todo[futures[future]][0].id)
    return records


def curate(records: Sequence[dict[str, Any]], solutions: Sequence[Solution], k: int) -> dict[str, list[Solution]]:
    """Per task (and language), the ``k`` fastest solutions that passed, fastest first."""
    by_id = {s.id: s for s in solutions}
    groups: dict[tuple[str, str], list[tuple[float, Solution]]] = {}
    for record in records:
        if record["verdict"] == Verdict.PASSED.value and record["total"] is not None:
            solution = by_id[record["solution_id"]]
            groups.setdefault((solution.task_id, solution.language), []).append((record["total"], solution))
    out: dict[str, list[Solution]] = {}
    for (task_id, _), items in sorted(groups.items()):
        items.sort(key=lambda pair: (pair[0], pair[1].id))
        out.setdefault(task_id, []).extend(s for _, s in items[:k])
    return out


def system_outcomes(records: Sequence[dict[str, Any]], system: str, references: str | Sequence[str]
                    ) -> dict[str, TaskOutcomes]:
    """Per task, the candidates of ``system`` (an origin) and the references (origins) written
    in the languages of those candidates: a Python candidate is compared with Python references."""
    reference_origins = {references} if isinstance(references, str) else set(references)
    languages: dict[str, set[str]] = {}
    for record in records:
        if record["origin"] == system:
            languages.setdefault(record["task_id"], set()).add(record["language"])
    tasks: dict[str, dict[str, list[Outcome]]] = {}
    for record in records:
        if record["origin"] == system:
            role = "candidates"
        elif record["origin"] in reference_origins and record["language"] in languages.get(record["task_id"], ()):
            role = "references"
        else:
            continue
        entry = tasks.setdefault(record["task_id"], {"candidates": [], "references": []})
        passed = record["verdict"] == Verdict.PASSED.value and record["total"] is not None
        entry[role].append(Outcome(passed, record["total"] if passed else None))
    return {tid: TaskOutcomes(tid, v["candidates"], v["references"])
            for tid, v in sorted(tasks.items()) if v["candidates"]}


def evaluation_metrics(records: Sequence[dict[str, Any]], system: str, references: str | Sequence[str],
                       *, n_resamples: int = 1000) -> dict[str, Any]:
    """The metrics of one system against the references, each with its task count and CI."""
    outcomes = system_outcomes(records, system, references)
    result: dict[str, Any] = {"system": system, "tasks": len(outcomes)}
    if not outcomes:
        return result
    result["pass@1"] = attrs.asdict(pass_at_k(outcomes, 1, n_resamples=n_resamples))
    with_refs = {t: o for t, o in outcomes.items() if any(r.passed for r in o.references)}
    for name, compute in (
        ("vs_references", lambda: compare_with_references(with_refs, n_resamples=n_resamples)),
        ("beyond", lambda: beyond(with_refs, n_resamples=n_resamples)),
        ("effibench", lambda: effibench(with_refs, figures=["time"], n_resamples=n_resamples)),
    ):
        try:
            value = compute()
        except ValueError as exc:  # undefined on this data (e.g. no task solved by both)
            result[name] = {"undefined": str(exc)}
            continue
        result[name] = attrs.asdict(value)
    return result


LEVELLED = "levelled"


def _levelled_to_json(run: Any) -> dict[str, Any]:
    return {"levels": [{"verdict": r.verdict.value, "times": [list(c) for c in r.times]} for r in run.levels]}


def _levelled_from_json(data: dict[str, Any]) -> Any:
    from .metrics import LevelledRun, LevelResult

    return LevelledRun([LevelResult(Verdict(level["verdict"]), level["times"]) for level in data["levels"]])


def levelled_all(
    tasks: Sequence[Task],
    solutions: Iterable[Solution],
    store: ResultStore,
    *,
    evaluator: Evaluator | None = None,
    jobs: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, Any]:
    """ENAMEL's levelled protocol for every solution (resumable); LevelledRun by solution id."""
    from .measurement import levelled_run

    evaluator = evaluator or Evaluator()
    by_id = {t.id: t for t in tasks}
    todo = list(solutions)
    prepared: dict[str, PreparedTask] = {}
    lock = threading.Lock()

    def one(solution: Solution) -> tuple[str, Any]:
        key = result_key("levelled", __version__, solution.id, solution.task_id, 6, 1)
        found = store.get(key)
        if found is None:
            with lock:
                if solution.task_id not in prepared:
                    prepared[solution.task_id] = prepare(by_id[solution.task_id])
            found = _levelled_to_json(levelled_run(evaluator, solution, prepared[solution.task_id]))
            store.put(key, LEVELLED, found)
        return solution.id, _levelled_from_json(found)

    out: dict[str, Any] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for done, (solution_id, run) in enumerate(pool.map(one, todo), 1):
            out[solution_id] = run
            if progress:
                progress(done, len(todo), solution_id)
    return out


def level_weights(task: Task, n_levels: int) -> tuple[float, ...]:
    """The task's level weights (ENAMEL's 0/3/3/4), else 0 for level 0 and 1 for the others."""
    weights = task.meta.get("level_weights")
    if weights and len(weights) == n_levels:
        return tuple(float(w) for w in weights)
    return (0.0,) + (1.0,) * (n_levels - 1)


def eff_metric(tasks: Sequence[Task], solutions: Sequence[Solution], runs: dict[str, Any], system: str,
               reference_origin: str, k: int = 1, *, n_resamples: int = 1000) -> dict[str, Any]:
    """eff@k of ``system`` against the reference of ``reference_origin``, per task in the language
    of the system's candidates."""
    from .metrics import LevelledTask, eff_at_k

    levelled = []
    weights: tuple[float, ...] | None = None
    for task in tasks:
        candidates = [s for s in solutions if s.task_id == task.id and s.origin == system]
        if len(candidates) < k:
            continue
        language = candidates[0].language
        reference = next((s for s in solutions if s.task_id == task.id and s.origin == reference_origin
                          and s.language == language and all(l.verdict.passed for l in runs[s.id].levels)), None)
        if reference is None:
            continue
        levelled.append(LevelledTask(task.id, runs[reference.id], [runs[c.id] for c in candidates]))
        weights = level_weights(task, len(runs[reference.id].levels))
    if not levelled:
        return {"undefined": f"no task has {k} candidates of {system} and a passing {reference_origin} reference"}
    return attrs.asdict(eff_at_k(levelled, k, weights=weights, n_resamples=n_resamples))
