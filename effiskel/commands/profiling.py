"""``effiskel profile``: where a solution spends its time, line by line (what the dynamic skeleton
strategy sees)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from ..cli import _console, _dataset_options, _emit_json, _load_tasks
from ..errors import EffiskelError
from ..plugins import get_host


@click.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, exists=True, dir_okay=False, readable=True))
@_dataset_options
@click.option("--level", type=int, default=None,
              help="The generator level profiled (an index; default: the second, or the only one).")
@click.option("--hot-factor", type=click.FloatRange(min=0, min_open=True), default=1.0, show_default=True,
              help="A line is hot when its cost is at least this times the mean cost of the lines that ran.")
@click.option("--store", "store_path", type=click.Path(path_type=Path, dir_okay=False),
              help="The results store that caches profiles (default: line-profiles.sqlite in the cache "
                   "directory; 'none' for no cache).")
@click.option("--json", "as_json", is_flag=True, help="Print the profiles as JSON.")
def profile(files, dataset, data_path, task_ids, language, level, hot_factor, store_path, as_json):
    """Judge each of FILES (solutions of the one --task) on the task's tests and one generator
    level, and show the cost of each of its lines there, the hot ones marked."""
    from ..datamodel import Solution
    from ..evaluation import Evaluator
    from ..execution import default_cache_dir
    from ..profiling import profile_solution, profiling_inputs
    from ..serialization import unstructure
    from ..store import ResultStore

    tasks = _load_tasks(dataset, data_path, task_ids)
    if len(tasks) != 1:
        raise click.UsageError("name exactly one --task: the files are its solutions")
    task = tasks[0]
    host = get_host()
    if store_path is not None and str(store_path).lower() == "none":
        store = None
    else:
        store = ResultStore(store_path or default_cache_dir() / "line-profiles.sqlite")
    evaluator = Evaluator(host=host)
    results = []
    try:
        prepared = profiling_inputs(task, level)
        for path in files:
            frontend = host.frontend_for(path, language)
            solution = Solution(task_id=task.id, language=frontend.name,
                                source=path.read_text(errors="surrogateescape"), origin=f"file:{path.name}")
            outcome = profile_solution(evaluator, solution, prepared, store=store)
            results.append((path, solution, outcome))
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        _emit_json([{
            "path": str(path), **unstructure(outcome),
            "hot_lines": sorted(outcome.profile.hot_lines(hot_factor)) if outcome.profile else [],
            "inputs": [i.id for i in prepared.inputs],
        } for path, _, outcome in results])
        return
    console = _console()
    for path, solution, outcome in results:
        if outcome.profile is None:
            console.print(f"[bold red]{path}: {outcome.verdict.value}[/] {outcome.message}")
            continue
        profile = outcome.profile
        hot = profile.hot_lines(hot_factor)
        total = profile.total or 1.0
        table = Table(title=f"{path} ({solution.language}, {profile.unit} on {len(prepared.inputs)} inputs"
                            f"{'' if profile.deterministic else ', timed'})", show_edge=False)
        for column in ("line", "cost", "share", "", "source"):
            table.add_column(column, justify="right" if column in ("line", "cost", "share") else "left")
        for number, text in enumerate(solution.source.splitlines(), 1):
            cost = profile.costs.get(number)
            style = "bold" if number in hot else ""
            table.add_row(str(number), "" if cost is None else f"{cost:.4g}",
                          "" if cost is None else f"{cost / total:.1%}", "hot" if number in hot else "",
                          Text(text, style=style))
        console.print(table)


COMMANDS = [profile]
