"""``effiskel skeleton``: extract efficiency skeletons from a dataset or a curated file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import click
from rich.console import Console
from rich.table import Table

from ..cli import _console, _dataset_options, _emit_json, _load_tasks
from ..errors import EffiskelError, UnknownComponentError
from ..plugins import get_host


def _parse_params(values: tuple[str, ...], names: list[str]) -> dict[str, dict[str, Any]]:
    """``KEY=VALUE`` for every chosen strategy, ``NAME.KEY=VALUE`` for the one called NAME."""
    params: dict[str, dict[str, Any]] = {name: {} for name in names}
    for item in values:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw  # a bare word is a string: --param placeholder=<M>
        scope, dot, name = key.partition(".")
        if dot:
            if scope not in params:
                raise click.BadParameter(
                    f"{item!r} names strategy {scope!r}, which is not among those chosen "
                    f"({', '.join(names)})", param_hint="--param")
            params[scope][name] = value
        else:
            for chosen in params.values():
                chosen[key] = value
    return params


def configured(strategy: Any, params: dict[str, Any]) -> Any:
    """``strategy`` with the ``params`` that are its fields; an unknown key names the strategy."""
    if not params:
        return strategy
    if not attrs.has(type(strategy)):
        raise click.UsageError(f"strategy {strategy.name!r} takes no parameters")
    known = {f.name for f in attrs.fields(type(strategy)) if f.init}
    unknown = sorted(set(params) - known)
    if unknown:
        raise click.UsageError(
            f"strategy {strategy.name!r} has no parameter {', '.join(unknown)}; "
            f"its parameters: {', '.join(sorted(known))}"
        )
    try:
        return attrs.evolve(strategy, **params)
    except (TypeError, ValueError) as exc:
        raise click.UsageError(f"strategy {strategy.name!r}: {exc}") from None


def _default_order(names: list[str]) -> list[str]:
    # The paper's order first, then any add-on strategies by name.
    known = [n for n in ("lexical", "syntactic", "dynamic") if n in names]
    return known + sorted(n for n in names if n not in known)


@click.command()
@click.argument("data", required=False, type=click.Path(path_type=Path, exists=True))
@_dataset_options
@click.option("-s", "--strategy", "strategy_names", multiple=True,
              help="lexical, syntactic, dynamic or any registered strategy (repeatable; "
                   "default: every registered one).")
@click.option("-p", "--param", "param_items", multiple=True, metavar="[STRATEGY.]KEY=VALUE",
              help="A strategy parameter, VALUE as JSON or a bare string (repeatable); KEY=VALUE "
                   "applies to every strategy chosen, STRATEGY.KEY=VALUE to that one.")
@click.option("--inefficient-origin", "inefficient_origins", multiple=True, metavar="ORIGIN",
              help="Origins that are slow contrast, not part of the efficient group (repeatable; "
                   "default: origins ending in 'inefficient').")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the records here, as JSON Lines (one per strategy and solution).")
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write a self-contained HTML page: each solution, strategies side by side.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the records as JSON (or, with --output, the summary).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def skeleton(data, dataset, data_path, task_ids, language, strategy_names, param_items, inefficient_origins,
             output, html_path, as_json, quiet):
    """Extract the efficiency skeletons of each task's efficient solutions.

    DATA is an APPS+EFFI-style curated file (what `effiskel curate` writes); without it the
    solutions come from --dataset (the bundled suite by default). A task's solutions in one
    language form a group; a solution gets a skeleton or a recorded reason why not.
    """
    from ..extraction import extract_all, is_inefficient_origin, solution_groups, kept_shares, write_records
    from ..skeleton_view import render_html

    host = get_host()
    if data is not None:
        if data_path is not None or dataset != "suite":
            raise click.UsageError("give either DATA (a curated file) or --dataset/--path, not both")
        dataset, data_path = "apps-effi", data
    names = strategy_names or tuple(_default_order(host.strategies.names()))
    try:
        strategies = [host.strategies.get(n) for n in names]
    except UnknownComponentError as exc:
        raise click.UsageError(str(exc)) from None
    if not strategies:
        raise click.ClickException("no skeleton strategy is installed (effiskel plugins lists them)")
    params = _parse_params(param_items, [s.name for s in strategies])
    strategies = [configured(s, params[s.name]) for s in strategies]
    tasks = _load_tasks(dataset, data_path, task_ids)
    slow = set(inefficient_origins)
    groups = solution_groups(
        tasks, language=language, inefficient=(lambda o: o in slow) if slow else is_inefficient_origin
    )
    if not groups:
        raise click.ClickException("no task has efficient solutions to extract skeletons from"
                                   + (f" in {language}" if language else ""))
    try:
        if quiet:
            records = extract_all(groups, strategies)
        else:
            from rich.progress import Progress

            with Progress(console=Console(stderr=True), transient=True) as progress:
                bar = progress.add_task("extracting skeletons", total=len(groups) * len(strategies))
                records = extract_all(groups, strategies,
                                      progress=lambda done, total: progress.update(bar, completed=done))
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    if output is not None:
        write_records(output, records)
    if html_path is not None:
        title = f"effiskel skeletons: {data.name if data is not None else dataset}"
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(render_html(records, title=title), encoding="utf-8")
    summary = kept_shares(records)
    if as_json:
        _emit_json({"summary": summary} if output is not None else [r.to_dict() for r in records])
        return
    table = Table(title=f"skeletons of {len(groups)} groups ({dataset})")
    for column in ("strategy", "language", "solutions", "failures", "tokens kept"):
        table.add_column(column)
    for row in summary:
        share = "-" if row["kept_share"] is None else f"{row['kept_share']:.1%}"
        table.add_row(row["strategy"], row["language"], str(row["solutions"]), str(row["failures"]), share)
    console = _console()
    console.print(table)
    for path, what in ((output, "records"), (html_path, "view")):
        if path is not None:
            console.print(f"{what} -> {path}")


COMMANDS = [skeleton]
