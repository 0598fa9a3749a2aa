"""``effiskel run``, ``effiskel demo`` and ``effiskel merge``; ``effiskel report RUN_DIR`` is in
effiskel.cli (beside ``report --from-benchmark-json``) and calls :func:`report_run_dir` here.

Exit codes of these commands (docs/cli.md): 0 done; 1 a stage failed (the run directory's
pipeline.log has the traceback); 2 bad usage or a pipeline file that is wrong (the message
names the file and the key); 3 another run holds the run directory; 130 interrupted (Ctrl-C;
run the same command again to resume).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..cli import _console, _emit_json
from ..errors import EffiskelError

EXIT_FAILED = 1
EXIT_CONFIG = 2
EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130

DEMO_NOTE = ("A tiny random model trained for a minute shows the machinery -- measuring, curating, "
             "skeletons, training with the three loss terms, generating, evaluating, reporting -- not the "
             "method's effect: its figures say nothing about EffiSkel.")


def demo_pipeline_path() -> Path:
    """The shipped demo pipeline file."""
    return Path(str(resources.files("effiskel") / "pipelines" / "demo.toml"))


def _quiet_libraries() -> None:
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def _metric(metric: Any, percent: bool = False) -> str:
    from ..reporting.html import metric_text

    return metric_text(metric, percent=percent)


def _print_result(result: Any, console: Console) -> None:
    from ..reporting.collect import arm_metrics
    from ..reporting.html import METRICS

    table = Table(title=f"stages ({result.seconds:.1f} s)")
    for column in ("stage", "key", "status", "seconds", "summary"):
        table.add_column(column)
    for s in result.stages:
        table.add_row(s.name, s.key[:12], s.status, f"{s.seconds:.1f}", s.summary)
    console.print(table)
    try:
        evaluation = result.evaluation()
    except (StopIteration, OSError, EffiskelError):
        return
    table = Table(title=f"metrics ({evaluation['measurer']}; references: {', '.join(evaluation['references'])})")
    table.add_column("arm")
    for name, _ in METRICS:
        table.add_column(name)
    for system in evaluation["systems"]:
        m = arm_metrics(system)
        table.add_row(system["system"], *(_metric(m[name], pct) for name, pct in METRICS))
    console.print(table)
    if result.report:
        console.print(f"report: {result.report['html']}  (also {result.report['md'].name}, {result.report['json'].name})")


def run_and_exit(config_path: Path, run_dir: Path | None, quiet: bool, as_json: bool, stop_after: str | None,
                 *, note: str = "") -> None:
    """Run a pipeline file the way the commands do: output, exit codes, errors."""
    from ..pipeline import ConfigError, RunLockedError, StageError, load_pipeline, run

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    _quiet_libraries()
    try:
        config = load_pipeline(config_path)
        if note and not quiet:
            console.print(f"[bold yellow]Note:[/] {note}")
        result = run(config, run_dir, quiet=quiet or as_json, console=console, stop_after=stop_after)
    except ConfigError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_CONFIG)
    except RunLockedError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except StageError as exc:
        click.echo(f"Error: {exc} (details in the run directory's pipeline.log)", err=True)
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        click.echo("interrupted: run the same command again to resume", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except EffiskelError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    if as_json:
        data = result.to_dict()
        if note:
            data["note"] = note
        try:
            data["evaluation"] = {k: v for k, v in result.evaluation().items() if k != "records"}
        except (StopIteration, OSError, EffiskelError):
            pass
        _emit_json(data)
    elif not quiet:
        _print_result(result, _console())
        if note:
            _console().print(f"[bold yellow]Note:[/] {note}")


def _run_options(function):
    function = click.option("--run-dir", type=click.Path(path_type=Path, file_okay=False),
                            help="Where the stages' outputs go (default: runs/<pipeline name>). A re-run "
                                 "in the same folder re-uses every finished stage.")(function)
    function = click.option("--until", "stop_after", metavar="STAGE",
                            help="Stop after this stage (e.g. evaluate, or train.full).")(function)
    function = click.option("-q", "--quiet", is_flag=True, help="No progress bars and no tables.")(function)
    function = click.option("--json", "as_json", is_flag=True,
                            help="Print the stages, the metrics and the report's paths as JSON.")(function)
    return function


@click.command("run")
@click.argument("pipeline", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@_run_options
def run_command(pipeline: Path, run_dir: Path | None, stop_after: str | None, quiet: bool, as_json: bool) -> None:
    """Run PIPELINE (a TOML file): measure, curate, skeleton, train, generate, evaluate, report.

    Each stage's output is kept under a key made of its inputs and config: a re-run skips
    finished stages, a changed config re-runs only what it affects, and a killed run resumes.
    See docs/pipeline.md for the file's tables.
    """
    run_and_exit(pipeline, run_dir, quiet, as_json, stop_after)


@click.command("demo")
@_run_options
def demo_command(run_dir: Path | None, stop_after: str | None, quiet: bool, as_json: bool) -> None:
    """Run the shipped demo pipeline: a code-only arm and the full method (code + skeleton + mask
    loss), a tiny model trained on 12 Python tasks of the bundled suite, evaluated against each
    other and against the suite's efficient solutions, then the report (runs/demo/report/)."""
    from ..pipeline import load_pipeline

    path = demo_pipeline_path()
    if not quiet and not as_json:
        config = load_pipeline(path)
        levels = ", ".join(map(str, config.measure.levels)) or "the largest"
        Console(stderr=True, highlight=False).print(
            f"effiskel demo: the pipeline {path}\n  data: {config.data.dataset}, "
            f"{', '.join(config.data.languages)}, the first {config.data.max_tasks or 'all'} tasks; measurer "
            f"{config.measure.measurer} at level {levels}; model: a tiny random Llama with a tokenizer trained on "
            f"the tasks; arms: {', '.join(a.name for a in config.arm)}")
    run_and_exit(path, run_dir, quiet, as_json, stop_after, note=DEMO_NOTE)


def report_run_dir(run_dir: Path, output: Path | None, as_json: bool) -> None:
    """``effiskel report RUN_DIR``: rebuild the report from the run's stored results."""
    from ..reporting import rebuild_report

    try:
        paths = rebuild_report(run_dir, output)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        _emit_json({k: str(v) for k, v in paths.items()})
    else:
        _console().print(f"report: {paths['html']} (also {paths['md'].name}, {paths['json'].name})")


@click.command("merge")
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("stores", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def merge_command(output: Path, stores: tuple[Path, ...], as_json: bool) -> None:
    """Merge results stores (e.g. those of ``evaluate --shard i/n`` on several machines) into
    OUTPUT; then ``evaluate --store OUTPUT`` scores everything without measuring again."""
    from ..shards import merge_stores

    try:
        summary = merge_stores(output, stores)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    data = {"output": str(output), "added": summary.added, "already_present": summary.present,
            "conflicts": list(summary.conflicts)}
    if as_json:
        _emit_json(data)
        return
    _console().print(f"{output}: {summary.added} results added, {summary.present} already there"
                     + (f"; {len(summary.conflicts)} keys had a different result in another store (the first one "
                        "is kept)" if summary.conflicts else ""))


COMMANDS = [run_command, demo_command, merge_command]


def evaluate_shard(shard_text: str, tasks: list[Any], pool: list[Any], references: list[Any], measurer: str,
                   levels: tuple[int, ...], jobs: int, store_path: Path, quiet: bool, as_json: bool,
                   eff_reference: str | None) -> None:
    """``effiskel evaluate --shard I/N``: measure this shard's solutions into the store, no metrics."""
    from ..cli import _run_measurements
    from ..shards import parse_shard

    try:
        shard = parse_shard(shard_text)
    except EffiskelError as exc:
        raise click.BadParameter(str(exc), param_hint="--shard") from None
    mine = shard.select(pool + references)
    try:
        records = _run_measurements(tasks, mine, measurer, levels, jobs, store_path, quiet)
        if eff_reference:
            from ..jobs import levelled_all
            from ..store import ResultStore

            levelled_all(tasks, [s for s in mine if s in pool or s.origin == eff_reference],
                         ResultStore(store_path), jobs=jobs)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    summary = {"shard": str(shard), "solutions": len(mine), "of": len(pool) + len(references),
               "passed": sum(r["verdict"] == "passed" for r in records), "store": str(store_path)}
    if as_json:
        _emit_json(summary)
    else:
        _console().print(f"shard {shard}: measured {summary['solutions']} of {summary['of']} solutions into "
                         f"{store_path} ({summary['passed']} passed); merge the shards' stores with "
                         "`effiskel merge`, then evaluate with --store on the merged one")
