"""The stages of a pipeline and what each one's key is made of.

A stage is a name, the inputs its key is hashed from (the parts of the config it reads, the
versions of the components it calls, and the keys of the stages it reads from) and a function
that writes its output into a folder. Since a key covers everything that can change a stage's
output, a re-run skips every stage whose key has a finished folder, and a changed config
re-runs exactly the stages whose keys it changes -- and, through their keys, those after them.

Stages read what earlier stages wrote from those stages' folders (never from memory), so a
stage that was re-used and one that just ran feed the next stage the same way.
"""

from __future__ import annotations

import copy
import hashlib
import inspect
import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .. import __version__
from ..datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup, Task
from ..errors import EffiskelError
from ..plugins import PluginHost
from ..serialization import read_json_lines, structure, unstructure
from ..training_run import LOG as LOSS_LOG
from .config import ConfigError, PipelineConfig
from .rundir import RunDir, read_json, write_json_atomic

log = logging.getLogger("effiskel.pipeline")

#: The origin of an arm's generated solutions (the system name in the metrics).
ARM_ORIGIN = "arm:{}"


class StageError(EffiskelError):
    """A stage failed; says which."""


def digest(data: Any) -> str:
    """A stable hash of JSON-able data."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@attrs.define
class StageContext:
    """What a stage function gets: the config, the tasks, the run directory, the folders of the
    stages it reads from, and a way to report progress."""

    config: PipelineConfig
    tasks: list[Task]
    run_dir: RunDir
    host: PluginHost
    folders: dict[str, Path]
    progress: Callable[[str, int], Callable[[int], None]]
    #: Where the tasks' solutions can be found by id.
    solutions: dict[str, Solution] = attrs.field(factory=dict)

    def folder(self, stage: str) -> Path:
        return self.folders[stage]

    def task(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise StageError(f"no task {task_id!r} in this pipeline's data")


@attrs.frozen
class Stage:
    """One step of the pipeline."""

    name: str
    #: The family: measure, curate, skeleton, model, train, generate, evaluate, report.
    kind: str
    #: Names of the stages whose folders it reads.
    needs: tuple[str, ...]
    #: What the key is made of (besides the keys of ``needs``).
    inputs: dict[str, Any]
    run: Callable[[StageContext, Path], dict[str, Any]]
    #: Hand an interrupted run's partial folder back to the stage (it resumes by itself).
    resumable: bool = False
    key: str = ""


# -- tasks and solutions ------------------------------------------------------------------------

def select_tasks(config: PipelineConfig, tasks: Sequence[Task]) -> list[Task]:
    """The tasks the pipeline works on: with a reference in one of its languages, the first
    ``max_tasks`` by id."""
    languages = set(config.data.languages)
    chosen = sorted((t for t in tasks if languages & {l for l, sols in t.references.items() if sols}),
                    key=lambda t: t.id)
    if config.data.max_tasks:
        chosen = chosen[: config.data.max_tasks]
    if not chosen:
        raise ConfigError(f"no task of the {config.data.dataset} dataset has a solution in "
                          f"{', '.join(config.data.languages)}", path=config.source or None, key="data")
    return chosen


def tasks_digest(tasks: Iterable[Task]) -> str:
    return digest([unstructure(t) for t in tasks])


def pipeline_solutions(config: PipelineConfig, tasks: Sequence[Task]) -> list[Solution]:
    """The solutions the tasks ship in the pipeline's languages (what is measured and curated)."""
    return [s for t in tasks for language in config.data.languages for s in t.references.get(language, ())]


def read_groups(folder: Path) -> list[SolutionGroup]:
    return [structure(SolutionGroup, g, path=str(folder / "groups.json")) for g in read_json(folder / "groups.json")]


def read_skeletons(folder: Path) -> list[Skeleton | SkeletonFailure]:
    out: list[Skeleton | SkeletonFailure] = []
    path = str(folder / "skeletons.json")
    for entry in read_json(folder / "skeletons.json"):
        if "failure" in entry:
            out.append(structure(SkeletonFailure, entry["failure"], path=path))
        else:
            out.append(structure(Skeleton, entry["skeleton"], path=path))
    return out


def read_generations(folder: Path) -> list[Solution]:
    path = folder / "generations.jsonl"
    return [structure(Solution, data, path=str(path), record=number)
            for number, data in read_json_lines(path)]


def _component_version(registry: Any, name: str, what: str, key: str, config: PipelineConfig) -> str:
    if name not in registry:
        raise ConfigError(f"no {what} named {name!r}; known: {', '.join(sorted(registry.names())) or 'none'}",
                          path=config.source or None, key=key)
    return registry.get(name).version


# -- measure and curate -------------------------------------------------------------------------

def run_measure(ctx: StageContext, out: Path) -> dict[str, Any]:
    from ..jobs import JobSettings, measure_all
    from ..store import ResultStore

    section = ctx.config.measure
    solutions = pipeline_solutions(ctx.config, ctx.tasks)
    settings = JobSettings(measurer=section.measurer, levels=section.levels or None, jobs=section.jobs)
    bar = ctx.progress(f"measuring {len(solutions)} solutions ({section.measurer})", len(solutions))
    records = measure_all(ctx.tasks, solutions, ResultStore(ctx.run_dir.store_path), settings,
                          progress=lambda done, _total, _id: bar(done))
    write_json_atomic(out / "records.json", records)
    passed = sum(r["verdict"] == "passed" for r in records)
    return {"summary": f"{passed} of {len(records)} solutions passed", "solutions": len(records), "passed": passed}


def run_curate(ctx: StageContext, out: Path) -> dict[str, Any]:
    from ..api import curate

    records = read_json(ctx.folder("measure") / "records.json")
    groups = curate(records, pipeline_solutions(ctx.config, ctx.tasks), ctx.config.curate.k)
    write_json_atomic(out / "groups.json", [unstructure(g) for g in groups])
    kept = sum(len(g.efficient) for g in groups)
    return {"summary": f"kept {kept} solutions in {len(groups)} groups (k={ctx.config.curate.k})",
            "groups": len(groups), "kept": kept}


# -- skeletons ----------------------------------------------------------------------------------

def skeleton_runner(strategy: str) -> Callable[[StageContext, Path], dict[str, Any]]:
    def run_skeleton(ctx: StageContext, out: Path) -> dict[str, Any]:
        from ..api import extract

        groups = read_groups(ctx.folder("curate"))
        bar = ctx.progress(f"skeletons ({strategy})", len(groups))
        entries = extract(groups, strategy, params=ctx.config.skeleton.params.get(strategy),
                          host=ctx.host, progress=lambda done, _total, _id: bar(done), tasks=ctx.tasks)
        data = [{"failure": unstructure(e)} if isinstance(e, SkeletonFailure) else {"skeleton": unstructure(e)}
                for e in entries]
        write_json_atomic(out / "skeletons.json", data)
        made = [e for e in entries if isinstance(e, Skeleton)]
        failed = len(entries) - len(made)
        for failure in (e for e in entries if isinstance(e, SkeletonFailure)):
            log.warning("skeleton %s: no skeleton for %s: %s", strategy, failure.solution_id, failure.reason)
        share = sum(s.kept_share for s in made) / len(made) if made else 0.0
        return {"summary": f"{len(made)} skeletons, {failed} failures, {share:.0%} of tokens kept on average",
                "skeletons": len(made), "failures": failed, "kept_share": share}

    return run_skeleton


# -- the model, training and generation ----------------------------------------------------------

def corpus(config: PipelineConfig, tasks: Sequence[Task]) -> list[str]:
    """The text the tiny model's tokenizer is trained on: the prompts and the solutions."""
    from ..training_data import render_prompt, task_prompt

    texts = []
    for task in tasks:
        for language in config.data.languages:
            texts.append(render_prompt(task_prompt(task, language), "code"))
            texts.append(render_prompt(task_prompt(task, language), "skeleton"))
    texts.extend(s.source for s in pipeline_solutions(config, tasks))
    return texts


def run_model(ctx: StageContext, out: Path) -> dict[str, Any]:
    from ..tinymodel import write_tiny_model

    tiny = ctx.config.model.tiny
    folder = write_tiny_model(
        corpus(ctx.config, ctx.tasks), out / "model", vocab_size=tiny.vocab_size, seed=ctx.config.pipeline.seed,
        hidden_size=tiny.hidden_size, num_layers=tiny.layers, num_heads=tiny.heads,
        num_kv_heads=tiny.heads, intermediate_size=tiny.intermediate_size,
        max_position_embeddings=tiny.max_positions)
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    return {"summary": f"a tiny random Llama and a tokenizer trained on the tasks ({size / 1e6:.1f} MB)",
            "model": "model"}


def model_fingerprint(path: Path) -> dict[str, Any]:
    """What identifies a local model directory cheaply: its files' names, sizes and times."""
    if not path.is_dir():
        raise EffiskelError(f"the model directory {path} does not exist (effiskel downloads nothing: "
                            "give a local directory)")
    return {"path": str(path), "files": sorted((p.name, p.stat().st_size, int(p.stat().st_mtime))
                                               for p in path.iterdir() if p.is_file())}


def merged_train_table(config: PipelineConfig, arm_index: int) -> dict[str, Any]:
    """The ``[train]`` table with the arm's overrides laid over it (tables merged key by key)."""

    def merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(base)
        for k, v in over.items():
            out[k] = merge(out[k], v) if isinstance(v, Mapping) and isinstance(out.get(k), dict) else copy.deepcopy(v)
        return out

    arm = config.arm[arm_index]
    table = merge(dict(config.train), arm.train)
    table["loss"] = dict(arm.loss)
    table.setdefault("seed", config.pipeline.seed)
    return table


def train_config_for(config: PipelineConfig, arm_index: int, model: Path, tokenizer: Path | None,
                     output: Path):
    """The arm's TrainConfig; a bad key of ``[train]`` or of the arm raises ConfigError naming it."""
    from ..train_config import parse_train_config

    table = merged_train_table(config, arm_index)
    for reserved in ("model", "tokenizer", "output_dir", "examples"):
        if reserved in table:
            where = f"arm[{arm_index + 1}].train" if reserved in config.arm[arm_index].train else "train"
            raise ConfigError("is set by the pipeline (model.base, model.tokenizer, the run directory)",
                              path=config.source or None, key=f"{where}.{reserved}")
    table.update(model=str(model), output_dir=str(output))
    if tokenizer is not None:
        table["tokenizer"] = str(tokenizer)
    try:
        return parse_train_config(table, path=f"{config.source or 'pipeline'} [train] of arm "
                                              f"{config.arm[arm_index].name!r}", base=Path(config.base_dir))
    except EffiskelError as exc:
        raise ConfigError(str(exc), path=None, key=None) from None


def examples_for(ctx: StageContext, arm_index: int) -> list[Any]:
    """The arm's training examples: every curated solution with its skeleton (for an arm that
    trains on skeletons, solutions the strategy gave no skeleton for are left out, and logged)."""
    from ..datamodel import TrainingExample
    from ..training_data import build_examples, task_prompt

    arm = ctx.config.arm[arm_index]
    groups = read_groups(ctx.folder("curate"))
    solutions = [s for g in groups for s in g.efficient]
    if arm.strategy is None:
        # Code only: no skeleton target; the code term does not read one.
        return [TrainingExample(task_id=s.task_id, solution_id=s.id, prompt=task_prompt(ctx.task(s.task_id), s.language),
                                code=s.source, skeleton="", language=s.language) for s in solutions]
    skeletons = {e.solution_id: e for e in read_skeletons(ctx.folder(f"skeleton.{arm.strategy}"))}
    pairs = []
    for solution in solutions:
        entry = skeletons.get(solution.id)
        if isinstance(entry, Skeleton):
            pairs.append((solution, entry))
        else:
            why = entry.reason if entry is not None else "no entry"
            log.warning("arm %s: %s left out: no %s skeleton (%s)", arm.name, solution.id, arm.strategy, why)
    return build_examples(ctx.tasks, pairs)


def model_paths(ctx: StageContext) -> tuple[Path, Path | None]:
    model = ctx.config.model
    if model.base == "tiny":
        folder = ctx.folder("model") / "model"
        return folder, None
    return ctx.config.resolve(model.base), None if model.tokenizer is None else ctx.config.resolve(model.tokenizer)


def train_runner(arm_index: int) -> Callable[[StageContext, Path], dict[str, Any]]:
    def run_train(ctx: StageContext, out: Path) -> dict[str, Any]:
        from ..training_data import write_examples

        arm = ctx.config.arm[arm_index]
        examples = examples_for(ctx, arm_index)
        if not examples:
            raise StageError(f"arm {arm.name}: no training examples (no curated solution has a skeleton)")
        write_examples(out / "examples.jsonl", examples)
        model, tokenizer = model_paths(ctx)
        config = train_config_for(ctx.config, arm_index, model, tokenizer, out / "checkpoint")
        trainer = ctx.host.trainers.get(config.backend)
        steps = config.training.max_steps or 0
        bar = ctx.progress(f"training {arm.name}", steps)
        if "on_step" in inspect.signature(trainer.train).parameters:
            checkpoint = Path(trainer.train(config, examples, on_step=lambda record: bar(int(record["step"]))))
        else:  # a backend without a step callback: follow its log file
            watcher = _LogWatcher(out / "checkpoint", bar)
            try:
                checkpoint = Path(trainer.train(config, examples))
            finally:
                watcher.stop()
        try:
            relative = str(checkpoint.resolve().relative_to(out.resolve()))
        except ValueError:
            raise StageError(f"arm {arm.name}: the {config.backend} backend wrote its checkpoint to {checkpoint}, "
                             f"outside the stage's folder {out}") from None
        losses = read_loss_log(out / "checkpoint")
        last = losses[-1] if losses else {}
        terms = last.get("terms") if isinstance(last.get("terms"), dict) else {}
        shown = ", ".join(f"{k} {v:.3g}" for k, v in {"total": last.get("total"), **terms}.items()
                          if isinstance(v, (int, float)))
        return {"summary": f"{len(examples)} examples, {len(losses)} logged steps; last: {shown or '-'}",
                "checkpoint": relative, "examples": len(examples), "backend": config.backend}

    return run_train


def loss_log_path(folder: Path) -> Path | None:
    path = folder / LOSS_LOG
    return path if path.is_file() else None


def read_loss_log(folder: Path) -> list[dict[str, Any]]:
    """The per-step records of a training log (records without a ``step`` are left out)."""
    path = loss_log_path(folder)
    if path is None:
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the last line of a log cut by a kill
            if isinstance(record, dict) and isinstance(record.get("step"), int):
                out.append(record)
    return out


class _LogWatcher:
    """Moves a progress bar along a trainer's log file (the backends take no callback)."""

    def __init__(self, folder: Path, bar: Callable[[int], None]) -> None:
        self.folder = folder
        self.bar = bar
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.done.wait(0.5):
            records = read_loss_log(self.folder)
            if records:
                self.bar(max(r["step"] for r in records))

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def arm_prompts(config: PipelineConfig, tasks: Sequence[Task]) -> list[tuple[Task, str, str]]:
    """(task, language, prompt) for every task with a reference in each pipeline language."""
    from ..training_data import task_prompt

    return [(t, language, task_prompt(t, language)) for t in tasks for language in config.data.languages
            if t.references.get(language)]


def generate_runner(arm_index: int) -> Callable[[StageContext, Path], dict[str, Any]]:
    def run_generate(ctx: StageContext, out: Path) -> dict[str, Any]:
        from ..api import generate

        arm = ctx.config.arm[arm_index]
        train = ctx.folder(f"train.{arm.name}")
        manifest = read_json(train / "stage.json")
        checkpoint = train / manifest["checkpoint"]
        items = arm_prompts(ctx.config, ctx.tasks)
        section = ctx.config.generate
        bar = ctx.progress(f"generating ({arm.name})", len(items))
        solutions: list[Solution] = []
        chunk = 4 * section.batch_size
        for start in range(0, len(items), chunk):
            part = items[start:start + chunk]
            completions = generate(checkpoint, [p for _, _, p in part], backend=manifest["backend"],
                                   n=section.n, temperature=section.temperature, top_p=section.top_p,
                                   max_new_tokens=section.max_new_tokens, batch_size=section.batch_size,
                                   seed=ctx.config.pipeline.seed + start, host=ctx.host,
                                   backend_options=section.backend_options)
            for (task, language, _), samples in zip(part, completions, strict=True):
                for i, text in enumerate(samples):
                    solutions.append(Solution(task_id=task.id, language=language, source=text,
                                              origin=ARM_ORIGIN.format(arm.name), meta={"sample": i}))
            bar(start + len(part))
        with open(out / "generations.jsonl", "w", encoding="utf-8") as f:
            for s in solutions:
                f.write(json.dumps(unstructure(s), ensure_ascii=False) + "\n")
        return {"summary": f"{len(solutions)} samples for {len(items)} prompts", "samples": len(solutions)}

    return run_generate


# -- evaluation ---------------------------------------------------------------------------------

def run_evaluate(ctx: StageContext, out: Path) -> dict[str, Any]:
    from ..api import reference_solutions, system_pairs
    from ..jobs import JobSettings, eff_metric, evaluation_metrics, levelled_all, measure_all
    from ..store import ResultStore

    section = ctx.config.evaluate
    candidates = [s for arm in ctx.config.arm for s in read_generations(ctx.folder(f"generate.{arm.name}"))]
    references = reference_solutions(ctx.tasks, ctx.config.data.languages, section.references or None)
    origins = sorted({s.origin for s in references})
    store = ResultStore(ctx.run_dir.store_path)
    todo = candidates + references
    bar = ctx.progress(f"evaluating {len(candidates)} samples and {len(references)} references", len(todo))
    settings = JobSettings(measurer=section.measurer, levels=section.levels or None, jobs=section.jobs)
    records = measure_all(ctx.tasks, todo, store, settings, progress=lambda done, _t, _id: bar(done))
    systems = [ARM_ORIGIN.format(a.name) for a in ctx.config.arm]
    result: dict[str, Any] = {
        "measurer": section.measurer,
        "references": origins,
        "systems": [evaluation_metrics(records, system, origins) for system in systems],
        "pairs": system_pairs(records, systems),
    }
    if section.eff:
        reference = section.references[0] if section.references else origins[0]
        # One reference per task and language: eff@1 compares with the first of its origin.
        firsts: dict[tuple[str, str], Solution] = {}
        for s in references:
            if s.origin == reference:
                firsts.setdefault((s.task_id, s.language), s)
        chosen = candidates + list(firsts.values())
        bar = ctx.progress("eff@1: every level of every solution", len(chosen))
        runs = levelled_all(ctx.tasks, chosen, store, jobs=section.jobs, progress=lambda d, _t, _i: bar(d))
        for entry in result["systems"]:
            entry["eff@1"] = eff_metric(ctx.tasks, chosen, runs, entry["system"], reference)
        result["eff_reference"] = reference
    write_json_atomic(out / "records.json", records)
    write_json_atomic(out / "evaluation.json", result)
    parts = []
    for entry in result["systems"]:
        p = entry.get("pass@1", {})
        parts.append(f"{entry['system']} pass@1 {p.get('value', 0):.2f}" if p else f"{entry['system']} -")
    return {"summary": "; ".join(parts), "systems": systems}


# -- the plan ----------------------------------------------------------------------------------

def plan(config: PipelineConfig, tasks: Sequence[Task], host: PluginHost) -> list[Stage]:
    """Every stage of the pipeline, in order, with its key. Checks every name and the training
    configs first, so a mistake fails before anything runs."""
    stages: list[Stage] = []
    keys: dict[str, str] = {}

    def add(stage: Stage) -> None:
        key = digest({"stage": stage.name, "effiskel": __version__, "inputs": stage.inputs,
                      "needs": {n: keys[n] for n in stage.needs}})
        stage = attrs.evolve(stage, key=key)
        keys[stage.name] = key
        stages.append(stage)

    for language in config.data.languages:
        if language not in host.languages:
            raise ConfigError(f"no language frontend named {language!r}; known: "
                              f"{', '.join(host.languages.names())}", path=config.source or None,
                              key="data.languages")
    task_key = tasks_digest(tasks)
    measurer_version = _component_version(host.measurers, config.measure.measurer, "measurer", "measure.measurer",
                                          config)
    add(Stage("measure", "measure", (), {
        "tasks": task_key, "languages": list(config.data.languages), "measurer": config.measure.measurer,
        "measurer_version": measurer_version, "levels": list(config.measure.levels)}, run_measure))
    add(Stage("curate", "curate", ("measure",), {"k": config.curate.k}, run_curate))
    for strategy in config.strategies:
        where = f"arm[{next(i for i, a in enumerate(config.arm, 1) if a.strategy == strategy)}].strategy"
        version = _component_version(host.strategies, strategy, "skeleton strategy", where, config)
        add(Stage(f"skeleton.{strategy}", "skeleton", ("curate",), {
            "strategy": strategy, "version": version, "params": config.skeleton.params.get(strategy, {})},
            skeleton_runner(strategy)))
    unknown = sorted(set(config.skeleton.params) - set(config.strategies))
    if unknown:
        raise ConfigError("no arm uses this strategy", path=config.source or None, key=f"skeleton.params.{unknown[0]}")

    model_needs: tuple[str, ...] = ()
    if config.model.base == "tiny":
        add(Stage("model", "model", (), {
            "tiny": attrs.asdict(config.model.tiny), "seed": config.pipeline.seed,
            "corpus": digest(corpus(config, tasks))}, run_model))
        model_needs = ("model",)
        model_inputs: dict[str, Any] = {}
        model_path, tokenizer_path = Path("tiny"), None
    else:
        model_path = config.resolve(config.model.base)
        tokenizer_path = None if config.model.tokenizer is None else config.resolve(config.model.tokenizer)
        try:
            model_inputs = {"model": model_fingerprint(model_path),
                            "tokenizer": None if tokenizer_path is None else model_fingerprint(tokenizer_path)}
        except EffiskelError as exc:
            raise ConfigError(str(exc), path=config.source or None, key="model.base") from None

    prompts_key = digest([p for _, _, p in arm_prompts(config, tasks)])
    for index, arm in enumerate(config.arm):
        train_config = train_config_for(config, index, model_path, tokenizer_path, Path("checkpoint"))
        trainer_version = _component_version(host.trainers, train_config.backend, "trainer backend",
                                             f"arm[{index + 1}].train.backend", config)
        terms = {}
        for term in train_config.active_terms:
            version = _component_version(host.loss_terms, term, "loss term", f"arm[{index + 1}].loss.{term}", config)
            terms[term] = version
        data_needs = ("curate",) + ((f"skeleton.{arm.strategy}",) if arm.strategy else ())
        table = merged_train_table(config, index)
        add(Stage(f"train.{arm.name}", "train", model_needs + data_needs, {
            "train": table, "model": model_inputs, "trainer": trainer_version, "terms": terms,
            "tasks": task_key}, train_runner(index), resumable=True))
        add(Stage(f"generate.{arm.name}", "generate", (f"train.{arm.name}",), {
            "generate": attrs.asdict(config.generate), "prompts": prompts_key, "seed": config.pipeline.seed},
            generate_runner(index)))
    evaluate_version = _component_version(host.measurers, config.evaluate.measurer, "measurer",
                                          "evaluate.measurer", config)
    add(Stage("evaluate", "evaluate", tuple(f"generate.{a.name}" for a in config.arm), {
        "evaluate": attrs.asdict(config.evaluate, filter=lambda a, _: a.name != "jobs"), "measurer_version": evaluate_version, "tasks": task_key,
        "languages": list(config.data.languages), "arms": [a.name for a in config.arm]}, run_evaluate))
    from ..reporting import run_report_stage

    add(Stage("report", "report", tuple(s.name for s in stages), {
        "report": attrs.asdict(config.report)}, run_report_stage))
    return stages
