"""``effiskel train`` and ``effiskel generate``: fine-tune a model on skeleton-supervised examples, sample from it."""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from ..cli import _console, _dataset_options, _emit_json, _load_tasks
from ..errors import EffiskelError
from ..plugins import get_host
from ..train_config import checkpoint_backend

#: What ``generate`` writes in each candidate's ``meta``.
SAMPLING_KEYS = ("n", "temperature", "top_p", "max_new_tokens", "seed")


def _quiet_transformers() -> None:
    """Keep transformers' own progress bars and advice off the command's output."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # a backend without transformers
        return
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def _training_examples(config, examples_path, skeletons_path, strategy, dataset, data_path, task_ids):
    from ..extraction import read_records
    from ..training_data import examples_from_records, read_examples

    if skeletons_path is not None:
        if examples_path is not None:
            raise click.UsageError("give either --examples or --skeletons, not both")
        tasks = _load_tasks(dataset, data_path, task_ids)
        examples, skipped = examples_from_records(tasks, read_records(skeletons_path), strategy=strategy)
        return examples, skipped
    path = examples_path or config.examples
    if path is None:
        raise click.UsageError("no training examples: set `examples` in the config, or pass --examples "
                               "or --skeletons (records from `effiskel skeleton --output`)")
    return read_examples(path), 0


@click.command()
@click.argument("config_path", metavar="CONFIG.toml", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--examples", "examples_path", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Training examples as JSON Lines (default: the config's `examples`).")
@click.option("--skeletons", "skeletons_path", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Build the examples from skeleton records (`effiskel skeleton --output`) and the "
                   "dataset's tasks.")
@click.option("-s", "--strategy", help="With --skeletons: the strategy whose skeletons to train on.")
@_dataset_options
@click.option("--write-examples", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the examples used, as JSON Lines.")
@click.option("--max-steps", type=click.IntRange(1), help="Override [training] max_steps.")
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False), help="Override output_dir.")
@click.option("--fresh", is_flag=True, help="Start over even if output_dir holds a checkpoint.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def train(config_path, examples_path, skeletons_path, strategy, dataset, data_path, task_ids, language,
          write_examples, max_steps, output_dir, fresh, as_json, quiet):
    """Fine-tune a model with LoRA on L = a*L_code + b*L_skeleton + c*L_mask, as CONFIG.toml says.

    The run resumes from the newest checkpoint in the output directory unless --fresh. Each
    step's losses, every term on its own, go to train_log.jsonl there. Under `torchrun` or
    `accelerate launch` the same command trains data-parallel.
    """
    from ..train_config import load_train_config, replace_settings
    from ..training_data import write_examples as write_jsonl

    try:
        config = load_train_config(config_path)
        changes: dict[str, Any] = {}
        if max_steps is not None:
            changes["max_steps"] = max_steps
        if output_dir is not None:
            changes["output_dir"] = output_dir.resolve()
        if fresh:
            changes["resume"] = False
        config = replace_settings(config, **changes)
        examples, skipped = _training_examples(config, examples_path, skeletons_path, strategy, dataset,
                                               data_path, task_ids)
        if language:
            examples = [e for e in examples if e.language == language]
            if not examples:
                raise click.ClickException(f"no training example in {language}")
        if write_examples is not None:
            write_jsonl(write_examples, examples)
        backend = get_host().trainers.get(config.backend)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    _quiet_transformers()
    # Under torchrun / accelerate launch every process runs this command; process 0 speaks.
    if os.environ.get("RANK", "0") != "0":
        quiet, as_json = True, False
    records: list[dict[str, Any]] = []
    accepts_progress = "on_step" in inspect.signature(backend.train).parameters

    def run(on_step):
        kwargs = {"on_step": on_step} if accepts_progress else {}
        try:
            return backend.train(config, examples, **kwargs)
        except EffiskelError as exc:
            raise click.ClickException(str(exc)) from None

    def remember(record):
        records.append(record)

    if quiet or as_json or not accepts_progress:
        checkpoint = run(remember)
    else:
        from rich.progress import Progress

        total = config.training.max_steps
        with Progress(console=Console(stderr=True), transient=True) as progress:
            bar = progress.add_task("training", total=total)

            def show(record):
                remember(record)
                terms = " ".join(f"{k} {v:.3f}" for k, v in record["terms"].items())
                progress.update(bar, completed=record["step"],
                                description=f"step {record['step']} loss {record['total']:.3f} ({terms})")

            checkpoint = run(show)
    result = {
        "checkpoint": str(checkpoint),
        "backend": config.backend,
        "examples": len(examples),
        "skipped_failures": skipped,
        "steps_run": len(records),
        "last": records[-1] if records else None,
    }
    if os.environ.get("RANK", "0") != "0":
        return
    if as_json:
        _emit_json(result)
        return
    console = _console()
    if records:
        last = records[-1]
        terms = ", ".join(f"{k} {v:.4f}" for k, v in last["terms"].items())
        console.print(f"step {last['step']}: loss {last['total']:.4f} ({terms})")
    else:
        console.print("the run was already complete; nothing to do")
    console.print(f"trained on {len(examples)} examples" + (f" ({skipped} skeleton failures skipped)"
                                                            if skipped else ""))
    console.print(f"adapter -> {checkpoint}")


@click.command()
@click.argument("checkpoint", type=click.Path(path_type=Path, exists=True, file_okay=False))
@_dataset_options
@click.option("--backend", help="The trainer backend (default: the one that wrote CHECKPOINT, else torch).")
@click.option("-n", "--samples", "n", type=click.IntRange(1), default=1, show_default=True,
              help="Completions per task.")
@click.option("--temperature", type=click.FloatRange(0), default=0.0, show_default=True,
              help="0 decodes greedily (then -n must be 1).")
@click.option("--top-p", type=click.FloatRange(0, 1, min_open=True), default=1.0, show_default=True)
@click.option("--max-new-tokens", type=click.IntRange(1), default=512, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--batch-size", type=click.IntRange(1), default=8, show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Write the candidates here, as JSON Lines of solutions (what `effiskel evaluate` reads).")
@click.option("--json", "as_json", is_flag=True, help="Print a summary as JSON.")
def generate(checkpoint, dataset, data_path, task_ids, language, backend, n, temperature, top_p, max_new_tokens,
             seed, batch_size, output, as_json):
    """Sample solutions of each task from CHECKPOINT (a trained adapter, or a plain model folder).

    The prompt is the training prompt of the code task, in --language (default python). Each
    completion becomes a candidate solution with origin model:<checkpoint name>.
    """
    from ..datamodel import Solution
    from ..serialization import unstructure
    from ..training_data import task_prompt

    lang = language or "python"
    tasks = _load_tasks(dataset, data_path, task_ids)
    if not tasks:
        raise click.ClickException("no task to generate for")
    settings = {"n": n, "temperature": temperature, "top_p": top_p, "max_new_tokens": max_new_tokens,
                "seed": seed, "batch_size": batch_size}
    try:
        trainer = get_host().trainers.get(backend or checkpoint_backend(checkpoint))
        _quiet_transformers()
        completions = trainer.generate(checkpoint, [task_prompt(t, lang) for t in tasks], settings)
    except EffiskelError as exc:
        raise click.ClickException(str(exc)) from None
    origin = f"model:{checkpoint.resolve().name if checkpoint.name != 'final' else checkpoint.resolve().parent.name}"
    output.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(output, "w", encoding="utf-8") as f:
        for task, texts in zip(tasks, completions):
            for index, text in enumerate(texts):
                meta = {"sample": index, "checkpoint": str(checkpoint), **{k: settings[k] for k in SAMPLING_KEYS}}
                solution = Solution(task.id, lang, text, origin=origin, meta=meta)
                f.write(json.dumps(unstructure(solution), ensure_ascii=False) + "\n")
                count += 1
    summary = {"output": str(output), "tasks": len(tasks), "candidates": count, "origin": origin}
    if as_json:
        _emit_json(summary)
    else:
        _console().print(f"{count} candidates for {len(tasks)} tasks ({origin}) -> {output}")


COMMANDS = [train, generate]
