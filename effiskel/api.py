"""The Python API: each step of the method as one call, the same steps the pipeline runs.

``import effiskel`` exposes these lazily (importing effiskel stays fast)::

    tasks = effiskel.load_tasks("suite", task_ids=["pair_sum_count"])
    records = effiskel.measure(tasks, language="python", measurer="wall", levels=[1])
    groups = effiskel.curate(records, tasks, k=3)
    skeletons = effiskel.extract(groups, "lexical")
    checkpoint = effiskel.train(config, examples)
    completions = effiskel.generate(checkpoint, prompts, n=1)
    metrics = effiskel.evaluate(candidates, tasks, references=["suite:efficient"])
    paths = effiskel.report("runs/demo")

Every function raises :class:`~effiskel.errors.EffiskelError` (or a subclass) with a message
naming what was wrong, never a bare exception from deep inside.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup, Task
from .errors import EffiskelError
from .plugins import PluginHost, get_host

if TYPE_CHECKING:
    from .store import ResultStore
    from .train_config import TrainConfig

Progress = Callable[[int, int, str], None]


def load_tasks(dataset: str = "suite", path: str | Path | None = None, task_ids: Sequence[str] = (),
               *, host: PluginHost | None = None) -> list[Task]:
    """The tasks of a registered dataset (``suite`` needs no path), optionally only ``task_ids``."""
    loader = (host or get_host()).datasets.get(dataset)
    if path is None:
        parameter = next(iter(inspect.signature(loader.load).parameters.values()), None)
        if parameter is not None and parameter.default is inspect.Parameter.empty:
            raise EffiskelError(f"the {dataset} dataset needs a path to its files")
        tasks = loader.load()
    else:
        tasks = loader.load(Path(path))
    if task_ids:
        known = {t.id for t in tasks}
        missing = [t for t in task_ids if t not in known]
        if missing:
            raise EffiskelError(f"no task {', '.join(map(repr, missing))} in the {dataset} dataset")
        wanted = set(task_ids)
        tasks = [t for t in tasks if t.id in wanted]
    return tasks


def reference_solutions(tasks: Iterable[Task], languages: Sequence[str] | None = None,
                        origins: Sequence[str] | None = None) -> list[Solution]:
    """The solutions the tasks ship, in ``languages`` and of ``origins`` (None: all)."""
    return [s for t in tasks for language, sols in t.references.items()
            if languages is None or language in languages
            for s in sols if not origins or s.origin in origins]


def _store(store: str | Path | ResultStore | None) -> ResultStore:
    from .store import ResultStore

    if isinstance(store, ResultStore):
        return store
    return ResultStore(store if store is not None else Path("runs/results.sqlite"))


def measure(
    tasks: Sequence[Task],
    solutions: Sequence[Solution] | None = None,
    *,
    language: str | None = None,
    measurer: str = "wall",
    levels: Sequence[int] | None = None,
    jobs: int = 1,
    store: str | Path | ResultStore | None = None,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Judge and measure ``solutions`` (default: every reference of ``tasks``, in ``language``).

    One record per solution (``verdict``, ``total`` figure in ``unit``, ...), in order. Results
    are kept in ``store`` (default ``runs/results.sqlite``): a second call measures nothing twice.
    """
    from .jobs import JobSettings, measure_all

    if solutions is None:
        solutions = reference_solutions(tasks, None if language is None else [language])
    elif language is not None:
        solutions = [s for s in solutions if s.language == language]
    settings = JobSettings(measurer=measurer, levels=tuple(levels) if levels else None, jobs=jobs)
    return measure_all(tasks, solutions, _store(store), settings, progress=progress)


def curate(records: Sequence[Mapping[str, Any]], tasks: Sequence[Task] | Sequence[Solution], k: int = 3,
           ) -> list[SolutionGroup]:
    """Per task and language, the ``k`` fastest solutions that passed (fastest first) as a
    :class:`SolutionGroup`; the group's other measured solutions are its ``inefficient`` ones.

    ``tasks`` gives the solutions the records are about (their references), or pass the
    solutions themselves.
    """
    from .datamodel import Verdict

    if k < 1:
        raise EffiskelError(f"curate: k must be at least 1, got {k}")
    items = list(tasks)
    pool = reference_solutions(items) if items and isinstance(items[0], Task) else items  # type: ignore[arg-type]
    by_id = {s.id: s for s in pool}
    timed: dict[tuple[str, str], list[tuple[float, Solution]]] = {}
    members: dict[tuple[str, str], list[Solution]] = {}
    for record in records:
        solution = by_id.get(record["solution_id"])
        if solution is None:
            raise EffiskelError(f"curate: record of solution {record['solution_id']!r}, which is not among "
                                "the solutions given")
        group = (solution.task_id, solution.language)
        members.setdefault(group, [])
        if solution not in members[group]:
            members[group].append(solution)
        if record["verdict"] == Verdict.PASSED.value and record.get("total") is not None:
            timed.setdefault(group, []).append((float(record["total"]), solution))
    groups = []
    for (task_id, language), items_ in sorted(timed.items()):
        items_.sort(key=lambda pair: (pair[0], pair[1].id))
        kept = [s for _, s in items_[:k]]
        kept_ids = {s.id for s in kept}
        rest = [s for s in members[(task_id, language)] if s.id not in kept_ids]
        groups.append(SolutionGroup(task_id, language, kept, rest))
    return groups


def extract(
    groups: SolutionGroup | Sequence[SolutionGroup],
    strategy: str = "lexical",
    *,
    params: Mapping[str, Any] | None = None,
    host: PluginHost | None = None,
    progress: Progress | None = None,
    tasks: Iterable[Task] = (),
) -> list[Skeleton | SkeletonFailure]:
    """The skeleton (or the reason there is none) of every efficient solution of ``groups``,
    in order, by the registered ``strategy`` configured with ``params``. A strategy that runs
    the code (``dynamic``: its ``extract`` takes ``task=``) gets each group's task from ``tasks``."""
    host = host or get_host()
    chosen = host.strategies.get(strategy)
    if params:
        try:
            chosen = attrs.evolve(chosen, **dict(params))
        except (TypeError, ValueError) as exc:
            raise EffiskelError(f"strategy {strategy}: bad parameters {dict(params)!r}: {exc}") from None
    items = [groups] if isinstance(groups, SolutionGroup) else list(groups)
    by_id = {t.id: t for t in tasks}
    takes_task = "task" in inspect.signature(chosen.extract).parameters
    out: list[Skeleton | SkeletonFailure] = []
    for done, group in enumerate(items, 1):
        frontend = host.languages.get(group.language)
        task = by_id.get(group.task_id)
        if task is not None and takes_task:
            entries = chosen.extract(group, frontend, task=task)
        else:
            entries = chosen.extract(group, frontend)
        if len(entries) != len(group.efficient):
            raise EffiskelError(f"strategy {strategy} returned {len(entries)} entries for the "
                                f"{len(group.efficient)} efficient solutions of {group.task_id} ({group.language})")
        out.extend(entries)
        if progress:
            progress(done, len(items), group.task_id)
    return out


def train(config: TrainConfig | str | Path, examples: Sequence[Any] | str | Path | None = None,
          *, host: PluginHost | None = None) -> Path:
    """Fine-tune with ``config`` (a TrainConfig or its TOML file) on ``examples`` (TrainingExample
    records, or a JSON-lines file; default: the config's ``examples``); the checkpoint's folder."""
    from .train_config import TrainConfig, load_train_config
    from .training_data import read_examples

    if not isinstance(config, TrainConfig):
        config = load_train_config(config)
    if examples is None:
        if config.examples is None:
            raise EffiskelError("train: no examples given and the config names none (examples = ...)")
        examples = config.examples
    if isinstance(examples, (str, Path)):
        examples = read_examples(examples)
    trainer = (host or get_host()).trainers.get(config.backend)
    return Path(trainer.train(config, list(examples)))


def generate(checkpoint: str | Path, prompts: Sequence[str], *, backend: str | None = None, n: int = 1,
             temperature: float = 0.0, top_p: float = 1.0, max_new_tokens: int = 256, seed: int = 0,
             batch_size: int = 8, backend_options: Mapping[str, Any] | None = None,
             host: PluginHost | None = None) -> list[list[str]]:
    """``n`` completions for each prompt (a task prompt, as :func:`effiskel.training_data.task_prompt`
    writes it), sampled from the checkpoint with the trainer backend that wrote it (or ``backend``).
    ``backend_options`` are further settings only that backend reads (torch: ``threads``)."""
    from .train_config import checkpoint_backend

    backend = backend or checkpoint_backend(Path(checkpoint))
    trainer = (host or get_host()).trainers.get(backend)
    settings = {"n": n, "temperature": temperature, "top_p": top_p, "max_new_tokens": max_new_tokens,
                "seed": seed, "batch_size": batch_size, **(backend_options or {})}
    out = trainer.generate(Path(checkpoint), list(prompts), settings)
    if len(out) != len(prompts):
        raise EffiskelError(f"the {backend} backend returned {len(out)} completion lists for {len(prompts)} prompts")
    return out


def evaluate(
    candidates: Sequence[Solution],
    tasks: Sequence[Task],
    *,
    references: Sequence[str] = (),
    measurer: str = "wall",
    levels: Sequence[int] | None = None,
    jobs: int = 1,
    store: str | Path | ResultStore | None = None,
    progress: Progress | None = None,
    n_resamples: int = 1000,
) -> dict[str, Any]:
    """Judge and measure ``candidates`` and score each system (their ``origin``) against the
    tasks' references of ``references`` origins (empty: all) in the candidates' languages, and
    the systems against each other on the same tasks (paired).

    Returns ``{"measurer", "references", "records", "systems": [...], "pairs": [...]}``: per
    system pass@1, ER, AS, Beyond and NET against the references, each with its task count and
    a bootstrap confidence interval; per pair of systems ER and AS of the first over the second.
    """
    from .jobs import JobSettings, evaluation_metrics, measure_all

    wanted = {t.id for t in tasks}
    pool = [s for s in candidates if s.task_id in wanted]
    languages = sorted({s.language for s in pool})
    refs = reference_solutions(tasks, languages, references or None)
    origins = sorted({s.origin for s in refs})
    settings = JobSettings(measurer=measurer, levels=tuple(levels) if levels else None, jobs=jobs)
    records = measure_all(tasks, pool + refs, _store(store), settings, progress=progress)
    systems = list(dict.fromkeys(s.origin for s in pool))
    return {
        "measurer": measurer,
        "references": origins,
        "records": records,
        "systems": [evaluation_metrics(records, system, origins, n_resamples=n_resamples) for system in systems],
        "pairs": system_pairs(records, systems, n_resamples=n_resamples),
    }


def system_pairs(records: Sequence[Mapping[str, Any]], systems: Sequence[str], *, n_resamples: int = 1000,
                 ) -> list[dict[str, Any]]:
    """ER and AS of each system over each earlier one, on the tasks both were run on."""
    from .jobs import system_outcomes
    from .metrics import compare_systems

    outcomes = {s: system_outcomes(records, s, ()) for s in systems}
    pairs = []
    for i, a in enumerate(systems):
        for b in systems[:i]:
            common = sorted(set(outcomes[a]) & set(outcomes[b]))
            entry: dict[str, Any] = {"a": a, "b": b, "tasks": len(common)}
            try:
                comparison = compare_systems({t: outcomes[a][t] for t in common},
                                             {t: outcomes[b][t] for t in common}, n_resamples=n_resamples)
                entry["comparison"] = attrs.asdict(comparison)
            except ValueError as exc:  # e.g. no task solved by both: the ratios are undefined
                entry["undefined"] = str(exc)
            pairs.append(entry)
    return pairs


def report(run_dir: str | Path, output: str | Path | None = None) -> dict[str, Path]:
    """Rebuild the report of a pipeline run from its stored results: ``{"html": ..., "md": ...,
    "json": ...}`` written into ``output`` (default ``RUN_DIR/report``)."""
    from .reporting import rebuild_report

    return rebuild_report(Path(run_dir), None if output is None else Path(output))


def run_pipeline(path: str | Path, run_dir: str | Path | None = None, *, quiet: bool = True) -> Any:
    """Run a pipeline file (see :mod:`effiskel.pipeline`); its :class:`~effiskel.pipeline.PipelineRun`."""
    from .pipeline import load_pipeline, run

    return run(load_pipeline(path), None if run_dir is None else Path(run_dir), quiet=quiet)
