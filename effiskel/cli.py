"""The ``effiskel`` command line. Every command has ``--help`` and a ``--json`` mode.

Exit codes: 0 success; 1 a failure of the work asked for (a source with syntax errors under
``--strict``, a broken plugin under ``plugins --strict``); 2 bad usage or input (click's own).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import EffiskelError
from .plugins import BROKEN, get_host
from .syntax import TokenKind

KIND_STYLES = {
    TokenKind.KEYWORD: "bold magenta",
    TokenKind.IDENTIFIER: "cyan",
    TokenKind.BUILTIN: "bold blue",
    TokenKind.TYPE: "green",
    TokenKind.OPERATOR: "yellow",
    TokenKind.PUNCTUATION: "white",
    TokenKind.NUMBER: "bright_red",
    TokenKind.STRING: "red",
    TokenKind.COMMENT: "dim",
    TokenKind.OTHER: "underline",
}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _version_text() -> str:
    lines = [f"effiskel {__version__}"]
    try:
        for record in get_host().plugins():
            lines.append(f"  {record.distribution or record.name} {record.version or '?'}"
                         + (" (broken)" if record.status == BROKEN else ""))
    except Exception as exc:  # --version must answer even when a plugin is broken
        lines.append(f"  (plugins could not be listed: {exc})")
    return "\n".join(lines)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_text())
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version of effiskel and of every plugin, then exit.")
def main() -> None:
    """effiskel: measure code, extract efficiency skeletons, train and evaluate code LLMs."""


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON.")
@click.option("--all", "include_disabled", is_flag=True,
              help="Also list plugins disabled by EFFISKEL_PLUGINS / EFFISKEL_DISABLE_PLUGINS.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any plugin is broken.")
def plugins(as_json: bool, include_disabled: bool, strict: bool) -> None:
    """List the installed plugins: distribution, version, hooks and the components each registered.

    A plugin that failed to import or validate is listed as broken with the reason.
    """
    records = get_host().plugins(include_disabled=include_disabled)
    if as_json:
        _emit_json([r.to_dict() for r in records])
    else:
        table = Table(title="effiskel plugins")
        for column in ("plugin", "distribution", "version", "status", "hooks", "components"):
            table.add_column(column)
        for r in records:
            components = "\n".join(
                f"{kind}: " + ", ".join(f"{c['name']} {c['version']}"
                                        + (f" (overridden by {c['overridden_by']})" if "overridden_by" in c else "")
                                        for c in items)
                for kind, items in r.components.items()
            )
            status = Text(r.status, style="green" if r.status == "ok" else "bold red")
            if r.error:
                status.append(f"\n{r.error}", style="red")
            table.add_row(r.name, r.distribution or "-", r.version or "-", status,
                          "\n".join(r.hooks), components)
        _console().print(table)
    if strict and any(r.status == BROKEN for r in records):
        sys.exit(1)


def _read_source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise click.FileError(str(path), hint=exc.strerror or str(exc)) from None


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False, readable=True))
@click.option("-l", "--language", help="The language of the files (default: detected from the name).")
@click.option("--json", "as_json", is_flag=True, help="Print every token as a JSON record.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if a file has syntax errors.")
def tokens(files: tuple[Path, ...], language: str | None, as_json: bool, strict: bool) -> None:
    """Show the tokens of source FILES and the kind of each (a debugging aid for plugin authors).

    Syntax errors are reported with their line and column; the tokens are still shown.
    """
    host = get_host()
    results = []
    had_issues = False
    console = _console()
    for path in files:
        try:
            frontend = host.frontend_for(path, language)
            parsed = frontend.parse(_read_source(path), path=str(path))
        except EffiskelError as exc:
            raise click.ClickException(str(exc)) from None
        issues = parsed.issues
        had_issues |= bool(issues)
        if as_json:
            results.append({
                "path": str(path),
                "language": frontend.name,
                "issues": [{"line": i.line, "column": i.column, "message": i.message} for i in issues],
                "tokens": [t.to_dict() for t in parsed.tokens],
            })
            continue
        console.rule(f"{path} ({frontend.name}, {len(parsed.tokens)} tokens)")
        for issue in issues:
            console.print(f"[bold red]{path}:{issue.line}:{issue.column}: syntax error: {issue.message}")
        table = Table(show_edge=False)
        for column in ("#", "line:col", "kind", "node", "text"):
            table.add_column(column)
        for t in parsed.tokens:
            table.add_row(str(t.index), f"{t.line}:{t.column}", Text(t.kind.label, KIND_STYLES[t.kind]),
                          t.node_type, repr(t.text))
        console.print(table)
    if as_json:
        _emit_json(results)
    if strict and had_issues:
        sys.exit(1)


def example_files() -> list[Path]:
    """The example sources shipped with effiskel, one per language it knows of."""
    folder = resources.files("effiskel") / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


# -- measuring, curating, evaluating -------------------------------------------------------------

def _dataset_options(function):
    function = click.option("--dataset", "dataset", default="suite", show_default=True,
                            help="A registered dataset loader (effiskel plugins lists them).")(function)
    function = click.option("--path", "data_path", type=click.Path(path_type=Path, exists=True),
                            help="Where the dataset's files are (the bundled suite needs none).")(function)
    function = click.option("--task", "task_ids", multiple=True, help="Only these task ids (repeatable).")(function)
    function = click.option("-l", "--language", help="Only solutions in this language (and the language of FILES).")(function)
    return function


def _job_options(function):
    function = click.option("--measurer", default="wall", show_default=True,
                            help="wall, cpu, memory, instructions, or any registered measurer.")(function)
    function = click.option("--level", "levels", type=int, multiple=True,
                            help="Level index to measure at (repeatable; default: the largest).")(function)
    function = click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
                            help="Measurements run at once (one per core is the most that makes sense).")(function)
    function = click.option("--store", "store_path", type=click.Path(path_type=Path),
                            default=Path("runs/results.sqlite"), show_default=True,
                            help="The results store: a re-run skips what it already holds.")(function)
    function = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(function)
    function = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")(function)
    return function


def _load_tasks(dataset: str, data_path: Path | None, task_ids: tuple[str, ...]):
    import inspect

    loader = get_host().datasets.get(dataset)
    if data_path is None:
        parameter = next(iter(inspect.signature(loader.load).parameters.values()), None)
        if parameter is not None and parameter.default is inspect.Parameter.empty:
            raise click.UsageError(f"--path is needed for the {dataset} dataset")
    try:
        tasks = loader.load(data_path) if data_path is not None else loader.load()
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    if task_ids:
        known = {t.id for t in tasks}
        missing = [t for t in task_ids if t not in known]
        if missing:
            raise click.UsageError(f"no task {', '.join(map(repr, missing))} in the {dataset} dataset")
        tasks = [t for t in tasks if t.id in task_ids]
    return tasks


def _run_measurements(tasks, solutions, measurer, levels, jobs, store_path, quiet):
    from rich.progress import Progress

    from .jobs import JobSettings, measure_all
    from .store import ResultStore

    settings = JobSettings(measurer=measurer, levels=tuple(levels) or None, jobs=jobs)
    store = ResultStore(store_path)
    if quiet:
        return measure_all(tasks, solutions, store, settings)
    with Progress(console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task(f"measuring ({measurer})", total=len(solutions))
        return measure_all(tasks, solutions, store, settings,
                           progress=lambda done, total, _: progress.update(bar, completed=done))


def _records_table(records, title: str) -> Table:
    table = Table(title=title)
    for column in ("task", "language", "origin", "verdict", "figure", "message"):
        table.add_column(column)
    for r in records:
        figure = "-" if r["total"] is None else f"{r['total']:.4g} {r['unit']}"
        table.add_row(r["task_id"], r["language"], r["origin"], r["verdict"], figure, (r["message"] or "")[:60])
    return table


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@_dataset_options
@_job_options
def measure(files, dataset, data_path, task_ids, language, measurer, levels, jobs, store_path, as_json, quiet):
    """Judge and measure solutions: FILES (each a solution of the one --task), or, without
    FILES, every solution the dataset ships (its references; --language picks one language)."""
    from .datamodel import Solution

    tasks = _load_tasks(dataset, data_path, task_ids)
    if files:
        if len(tasks) != 1:
            raise click.UsageError("with FILES, name exactly one --task")
        solutions = []
        for path in files:
            frontend = get_host().frontend_for(path, language)
            solutions.append(Solution(task_id=tasks[0].id, language=frontend.name,
                                      source=path.read_text(errors="surrogateescape"),
                                      origin=f"file:{path.name}"))
    else:
        solutions = [s for t in tasks for sols in t.references.values() for s in sols
                     if language is None or s.language == language]
    try:
        records = _run_measurements(tasks, solutions, measurer, levels, jobs, store_path, quiet)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        _emit_json(records)
    else:
        _console().print(_records_table(records, f"{len(records)} solutions, measurer {measurer}"))


@main.command()
@_dataset_options
@_job_options
@click.option("-k", "keep", type=click.IntRange(1), default=3, show_default=True,
              help="Solutions kept per task and language.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The curated solutions (APPS+EFFI-style efficientCode.json).")
def curate(dataset, data_path, task_ids, language, measurer, levels, jobs, store_path, as_json, quiet, keep, output):
    """Per task keep the K fastest solutions that pass every test."""
    from .datasets.apps import write_efficient_code
    from .jobs import curate as pick

    tasks = _load_tasks(dataset, data_path, task_ids)
    solutions = [s for t in tasks for sols in t.references.values() for s in sols
                 if language is None or s.language == language]
    try:
        records = _run_measurements(tasks, solutions, measurer, levels, jobs, store_path, quiet)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    kept = pick(records, solutions, keep)
    write_efficient_code(output, [(t, kept.get(t.id, [])) for t in tasks])
    summary = {"tasks": len(tasks), "kept": sum(map(len, kept.values())), "output": str(output)}
    if as_json:
        _emit_json(summary)
    else:
        _console().print(f"kept {summary['kept']} solutions of {len(solutions)} over {len(tasks)} tasks -> {output}")


@main.command()
@click.argument("candidates", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@_dataset_options
@_job_options
@click.option("--references", "reference_origins", multiple=True,
              help="Origins of the dataset's solutions to compare against (default: every reference).")
@click.option("--eff", "eff_reference", metavar="ORIGIN",
              help="Also compute ENAMEL's eff@k against the reference of this origin (e.g. "
                   "enamel:reference); runs every level of every solution with ENAMEL's protocol.")
@click.option("--eff-k", "eff_ks", type=click.IntRange(1), multiple=True, metavar="K",
              help="The k of eff@k with --eff (repeatable; default 1): the unbiased estimator over "
                   "each task's n >= k candidates of a system; a task with fewer is left out.")
@click.option("--shard", "shard_text", metavar="I/N",
              help="Measure only shard I of N (by a hash of each solution's id) into --store and stop; "
                   "then `effiskel merge` the shards' stores and evaluate with the merged store.")
def evaluate(candidates, dataset, data_path, task_ids, language, measurer, levels, jobs, store_path, as_json,
             quiet, reference_origins, eff_reference, eff_ks, shard_text):
    """Judge CANDIDATES (JSON lines of solutions: task_id, language, source, origin) and score
    each system (origin) against the dataset's references: pass@1, Efficiency Ratio, Average
    Speedup, Beyond, NET -- each with its task count and a bootstrap confidence interval."""
    from .jobs import evaluation_metrics

    tasks = _load_tasks(dataset, data_path, task_ids)
    wanted = {t.id for t in tasks}
    from .datasets.mercury import wrap_solution

    by_id = {t.id: t for t in tasks}
    # Generated code for a LeetCode-style task (Mercury, APPS, EffiBench) is wrapped as the
    # task's references are: the benchmark's prelude and the Solution-class adapter.
    pool = [wrap_solution(by_id[s.task_id], s) for s in _read_candidates(candidates)
            if s.task_id in wanted and (language is None or s.language == language)]
    candidate_languages = {s.language for s in pool}
    references = [s for t in tasks for sols in t.references.values() for s in sols
                  if (not reference_origins or s.origin in reference_origins)
                  and s.language in candidate_languages]
    origins = sorted({s.origin for s in references})
    if shard_text is not None:
        from .commands.pipeline import evaluate_shard

        evaluate_shard(shard_text, tasks, pool, references, measurer, levels, jobs, store_path, quiet, as_json,
                       eff_reference)
        return
    try:
        records = _run_measurements(tasks, pool + references, measurer, levels, jobs, store_path, quiet)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    systems = sorted({s.origin for s in pool})
    report = {"measurer": measurer, "references": origins,
              "systems": [evaluation_metrics(records, system, origins) for system in systems]}
    if eff_reference:
        from .jobs import eff_metric, levelled_all
        from .store import ResultStore

        chosen = pool + [s for s in references if s.origin == eff_reference]
        runs = levelled_all(tasks, chosen, ResultStore(store_path), jobs=jobs)
        for entry in report["systems"]:
            for k in sorted(set(eff_ks or (1,))):
                entry[f"eff@{k}"] = eff_metric(tasks, chosen, runs, entry["system"], eff_reference, k)
    if as_json:
        _emit_json(report)
        return
    table = Table(title=f"evaluation ({measurer}; references: {', '.join(origins)})")
    eff_columns = [f"eff@{k}" for k in sorted(set(eff_ks or (1,)))]
    for column in ("system", "tasks", "pass@1", "ER", "AS", "Beyond", "NET", *eff_columns):
        table.add_column(column)

    def shown(metric) -> str:
        if not isinstance(metric, dict) or "value" not in metric:
            return "-"
        ci = "" if metric.get("ci_low") is None else f" [{metric['ci_low']:.3g}, {metric['ci_high']:.3g}]"
        return f"{metric['value']:.3g}{ci} (n={metric['n_tasks']})"

    for entry in report["systems"]:
        vs = entry.get("vs_references", {})
        table.add_row(entry["system"], str(entry["tasks"]), shown(entry.get("pass@1")),
                      shown(vs.get("efficiency_ratio")), shown(vs.get("average_speedup")),
                      shown(entry.get("beyond", {}).get("beyond")),
                      shown(entry.get("effibench", {}).get("net_mean_of_ratios")),
                      *(shown(entry.get(column)) for column in eff_columns))
    _console().print(table)



# -- pytest-benchmark efficiency suites ----------------------------------------------------------

def _read_candidates(path: Path):
    from .datamodel import Solution
    from .serialization import structure

    pool = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{path}:{number}: not JSON: {exc.msg}") from None
            try:
                pool.append(structure(Solution, data, path=str(path), record=number))
            except EffiskelError as exc:
                raise click.ClickException(str(exc)) from None
    return pool


def _slug(text: str) -> str:
    import re

    slug = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    return slug or "x"


SUITE_HEADER = """# Written by `effiskel suite` (effiskel {version}); keep it in your repository and edit freely.
# Run:      pytest {folder} --benchmark-autosave      (needs pytest-benchmark)
# Compare:  pytest {folder} --benchmark-compare --benchmark-compare-fail=mean:10%
# Metrics:  pytest {folder} --benchmark-json=bench.json; effiskel report --from-benchmark-json bench.json
\"\"\"Efficiency suite: each test judges one candidate in effiskel's sandbox, measures it with
the {measurer} measurer under pytest-benchmark and asserts it is at most MAX_RATIO times the
task's best reference (see docs/pytest.md).\"\"\"

from pathlib import Path

import pytest

from effiskel.pytest_plugin import load_task, solution_from_file

HERE = Path(__file__).parent
DATASET = {dataset!r}
DATA_PATH = {data_path!r}
MEASURER = {measurer!r}
LEVELS = {levels!r}
MAX_RATIO = {max_ratio!r}

pytestmark = pytest.mark.effiskel(measurer=MEASURER, levels=LEVELS, dataset=DATASET, path=DATA_PATH)


def check(assert_efficient, task_id, language, candidate, origin, reference, reference_origin):
    task = load_task(task_id, dataset=DATASET, path=DATA_PATH)
    assert_efficient(
        solution_from_file(HERE / candidate, task_id, language, origin),
        solution_from_file(HERE / reference, task_id, language, reference_origin),
        max_ratio=MAX_RATIO,
        task=task,
    )
"""

SUITE_TEST = """

def {name}(assert_efficient):
    check(assert_efficient, {task!r}, {language!r}, {candidate!r}, {origin!r},
          {reference!r}, {reference_origin!r})
"""


@main.command()
@click.argument("tasks", nargs=-1, required=True)
@click.argument("candidates", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The folder to write the suite into (created; its suite files are overwritten).")
@click.option("--dataset", "dataset", default="suite", show_default=True,
              help="A registered dataset loader (effiskel plugins lists them).")
@click.option("--path", "data_path", type=click.Path(path_type=Path, exists=True),
              help="Where the dataset's files are (the bundled suite needs none).")
@click.option("--measurer", default="instructions", show_default=True,
              help="The measurer the tests use (instructions is deterministic: stable in CI).")
@click.option("--level", "levels", type=int, multiple=True,
              help="Level index to measure at (repeatable; default: each task's largest).")
@click.option("--max-ratio", type=float, default=1.5, show_default=True,
              help="A test fails when the candidate's figure exceeds this times the reference's.")
@click.option("--reference", "reference_origins", multiple=True,
              help="Origins (or solution ids) of the references to choose from (default: every "
                   "reference of the candidate's language). With more "
                   "than one candidate reference, the fastest passing one (measured now) is kept.")
@click.option("--store", "store_path", type=click.Path(path_type=Path),
              default=Path("runs/results.sqlite"), show_default=True,
              help="The results store for choosing references.")
@click.option("--json", "as_json", is_flag=True, help="Print a summary as JSON.")
def suite(tasks, candidates, output, dataset, data_path, measurer, levels, max_ratio, reference_origins,
          store_path, as_json):
    """Write a pytest-benchmark suite into OUTPUT: one test per (task, candidate) comparing the
    candidate with the task's best reference via assert_efficient.

    TASKS are task ids of the dataset, or "all" (every task that has a candidate). CANDIDATES is a
    JSON-lines file of solutions (task_id, language, source, origin), e.g. one model's
    generations. Sources are written next to the tests, so the folder is self-contained.
    """
    from .plugins import get_host

    everything = _load_tasks(dataset, data_path, ())
    by_id = {t.id: t for t in everything}
    pool = _read_candidates(candidates)
    if list(tasks) == ["all"]:
        wanted = [t for t in everything if any(s.task_id == t.id for s in pool)]
    else:
        missing = [t for t in tasks if t not in by_id]
        if missing:
            raise click.UsageError(f"no task {', '.join(map(repr, missing))} in the {dataset} dataset")
        wanted = [by_id[t] for t in dict.fromkeys(tasks)]
    host = get_host()
    chosen: dict[tuple[str, str], Any] = {}
    to_measure = []
    for task in wanted:
        for language in sorted({s.language for s in pool if s.task_id == task.id}):
            refs = [s for s in task.references.get(language, ())
                    if not reference_origins or s.origin in reference_origins or s.id in reference_origins]
            if len(refs) == 1:
                chosen[(task.id, language)] = refs[0]
            elif refs:
                to_measure.extend(refs)
    if to_measure:
        try:
            records = _run_measurements(wanted, to_measure, measurer, levels, 1, store_path, as_json)
        except EffiskelError as exc:
            raise click.ClickException(str(exc)) from None
        by_solution = {s.id: s for s in to_measure}
        best: dict[tuple[str, str], tuple[float, str]] = {}
        for r in records:
            if r["verdict"] == "passed" and r["total"] is not None:
                k = (r["task_id"], r["language"])
                if k not in best or (r["total"], r["solution_id"]) < best[k]:
                    best[k] = (r["total"], r["solution_id"])
        for k, (_, sid) in best.items():
            chosen.setdefault(k, by_solution[sid])
    output.mkdir(parents=True, exist_ok=True)
    header = SUITE_HEADER.format(
        version=__version__, folder=output, dataset=dataset,
        data_path=None if data_path is None else str(Path(data_path).resolve()),
        measurer=measurer, levels=list(levels) or None, max_ratio=max_ratio)
    body = [header]
    written, skipped = [], []
    counters: Counter = Counter()
    for task in wanted:
        for solution in (s for s in pool if s.task_id == task.id):
            reference = chosen.get((task.id, solution.language))
            if reference is None:
                skipped.append({"task": task.id, "language": solution.language, "origin": solution.origin,
                                "why": "no passing reference in this language"})
                continue
            ext = host.languages.get(solution.language).extensions[0]
            slug = _slug(solution.origin)
            index = counters[(task.id, slug)]
            counters[(task.id, slug)] += 1
            candidate_file = f"candidates/{task.id}/{slug}_{index}{ext}"
            reference_file = f"references/{task.id}/{solution.language}{ext}"
            for relative, source in ((candidate_file, solution.source), (reference_file, reference.source)):
                target = output / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(source, encoding="utf-8", errors="surrogateescape")
            name = f"test_{_slug(task.id)}__{slug}_{index}"
            body.append(SUITE_TEST.format(name=name, task=task.id, language=solution.language,
                                          candidate=candidate_file, origin=solution.origin,
                                          reference=reference_file, reference_origin=reference.origin))
            written.append({"test": name, "task": task.id, "language": solution.language,
                            "origin": solution.origin, "reference": reference.origin})
    test_file = output / f"test_{_slug(dataset)}_efficiency.py"
    test_file.write_text("".join(body), encoding="utf-8")
    summary = {"output": str(test_file), "tests": written, "skipped": skipped}
    if as_json:
        _emit_json(summary)
    else:
        _console().print(f"wrote {len(written)} tests to {test_file}"
                         + (f" ({len(skipped)} candidates skipped: no passing reference)" if skipped else ""))


def benchmark_report(data: dict[str, Any]) -> dict[str, Any]:
    """Efficiency metrics from pytest-benchmark's saved JSON of effiskel fixtures.

    A benchmark's figure is its stats' median (effiskel's figure: see effiskel.pytest_plugin);
    its system is the candidate's origin; the references are those its test compared with.
    Candidates that failed the judge come from the JSON's ``effiskel.failed``.
    """
    from .jobs import evaluation_metrics

    by_measurer: dict[tuple[str, str], list[dict[str, Any]]] = {}
    seen_refs: set[tuple[str, str, str]] = set()

    def add(measurer: str, unit: str, record: dict[str, Any]) -> None:
        by_measurer.setdefault((measurer, unit), []).append(record)

    for bench in data.get("benchmarks", []):
        info = bench.get("extra_info") or {}
        if "effiskel" not in info or "measurer" not in info:
            continue
        figure = (bench.get("stats") or {}).get("median", info.get("figure"))
        key = (info["measurer"], info.get("unit") or "?")
        add(*key, {"task_id": info["task"], "language": info["language"], "origin": info["origin"],
                   "verdict": "passed", "total": figure})
        if info.get("reference_figure") is not None:
            ref = (info["task"], info["language"], info.get("reference_solution_id", ""))
            if ref + (info["measurer"],) not in seen_refs:
                seen_refs.add(ref + (info["measurer"],))
                add(*key, {"task_id": info["task"], "language": info["language"],
                           "origin": info.get("reference_origin") or "reference", "verdict": "passed",
                           "total": info["reference_figure"], "reference": True})
    for failure in (data.get("effiskel") or {}).get("failed", []):
        add(failure["measurer"], failure.get("unit") or "?",
            {"task_id": failure["task"], "language": failure["language"], "origin": failure["origin"],
             "verdict": failure.get("verdict", "wrong_answer"), "total": None})
    report: dict[str, Any] = {"measurers": []}
    for (measurer, unit), records in sorted(by_measurer.items()):
        references = sorted({r["origin"] for r in records if r.get("reference")})
        systems = sorted({r["origin"] for r in records if not r.get("reference")} - set(references))
        report["measurers"].append({
            "measurer": measurer, "unit": unit, "references": references,
            "systems": [evaluation_metrics(records, system, references) for system in systems],
        })
    return report


@main.command()
@click.argument("run_dir", required=False, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--from-benchmark-json", "benchmark_json",
              type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="pytest-benchmark's saved JSON (--benchmark-json or --benchmark-autosave) of an "
                   "effiskel suite.")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              help="With RUN_DIR: where to write the report (default RUN_DIR/report).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def report(run_dir, benchmark_json, output, as_json):
    """Rebuild the report (HTML, Markdown, JSON) of the pipeline run in RUN_DIR from its stored
    results; or, with --from-benchmark-json, efficiency metrics (pass@1, ER, AS, Beyond, NET)
    from a pytest-benchmark run of an efficiency suite (effiskel suite), per system (the
    candidates' origin) and measurer."""
    if (run_dir is None) == (benchmark_json is None):
        raise click.UsageError("give either RUN_DIR or --from-benchmark-json")
    if run_dir is not None:
        from .commands.pipeline import report_run_dir

        report_run_dir(run_dir, output, as_json)
        return
    if output is not None:
        raise click.UsageError("-o/--output goes with RUN_DIR")
    try:
        data = json.loads(benchmark_json.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{benchmark_json}: not a pytest-benchmark JSON file: {exc}") from None
    result = benchmark_report(data)
    if not result["measurers"]:
        raise click.ClickException(f"{benchmark_json}: no effiskel benchmarks in it (run an effiskel suite "
                                   "with --benchmark-json or --benchmark-autosave)")
    if as_json:
        _emit_json(result)
        return

    def shown(metric) -> str:
        if not isinstance(metric, dict) or "value" not in metric:
            return "-"
        ci = "" if metric.get("ci_low") is None else f" [{metric['ci_low']:.3g}, {metric['ci_high']:.3g}]"
        return f"{metric['value']:.3g}{ci} (n={metric['n_tasks']})"

    console = _console()
    for group in result["measurers"]:
        table = Table(title=f"{benchmark_json.name}: {group['measurer']} ({group['unit']}); "
                            f"references: {', '.join(group['references']) or '-'}")
        for column in ("system", "tasks", "pass@1", "ER", "AS", "Beyond", "NET"):
            table.add_column(column)
        for entry in group["systems"]:
            vs = entry.get("vs_references", {})
            table.add_row(entry["system"], str(entry["tasks"]), shown(entry.get("pass@1")),
                          shown(vs.get("efficiency_ratio")), shown(vs.get("average_speedup")),
                          shown(entry.get("beyond", {}).get("beyond")),
                          shown(entry.get("effibench", {}).get("net_mean_of_ratios")))
        console.print(table)


#: Modules of :mod:`effiskel.commands` whose ``COMMANDS`` are attached to ``main``.
COMMAND_MODULES: tuple[str, ...] = ("skeleton", "training", "pipeline", "profiling")


def _attach_commands() -> None:
    from importlib import import_module

    for name in COMMAND_MODULES:
        for command in import_module(f"effiskel.commands.{name}").COMMANDS:
            main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    # `python -m effiskel.cli`: this module is __main__, and the commands' modules import
    # effiskel.cli, a second copy; run that one, which has every command attached.
    from effiskel.cli import main as _main

    _main()
else:
    _attach_commands()
