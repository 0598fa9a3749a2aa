"""Running a pipeline: plan the stages, skip the finished ones, run the rest, keep the state.

Each stage runs only when its key has no finished folder in the run directory. While it runs,
its output goes to ``KEY.partial``; the folder becomes final when the stage returns, so a run
killed at any moment resumes at the stage it was in (measurements and evaluations resume
inside the stage too, through the results store; training resumes from its checkpoints).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..plugins import PluginHost, get_host
from .config import ConfigError, PipelineConfig, config_table
from .rundir import RunDir, read_json
from .stages import Stage, StageContext, StageError, plan, select_tasks

log = logging.getLogger("effiskel.pipeline")

RAN = "ran"
REUSED = "reused"


@attrs.frozen
class StageOutcome:
    """What happened to one stage in a run."""

    name: str
    kind: str
    key: str
    #: ``ran`` or ``reused``.
    status: str
    #: Seconds this run spent on it (0 when re-used) and seconds it took when it ran.
    seconds: float
    ran_seconds: float
    folder: Path
    summary: str = ""


@attrs.frozen
class PipelineRun:
    """The result of :func:`run`: every stage's outcome and where the report is."""

    run_dir: Path
    stages: tuple[StageOutcome, ...]
    report: dict[str, Path]
    seconds: float

    @property
    def ran(self) -> list[str]:
        return [s.name for s in self.stages if s.status == RAN]

    def evaluation(self) -> dict[str, Any]:
        folder = next(s.folder for s in self.stages if s.kind == "evaluate")
        return read_json(folder / "evaluation.json")

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_dir": str(self.run_dir),
            "seconds": round(self.seconds, 3),
            "stages": [{"name": s.name, "key": s.key[:16], "status": s.status, "seconds": round(s.seconds, 3),
                        "ran_seconds": round(s.ran_seconds, 3), "summary": s.summary,
                        "folder": str(s.folder)} for s in self.stages],
            "report": {k: str(v) for k, v in self.report.items()},
        }


def default_run_dir(config: PipelineConfig) -> Path:
    return Path("runs") / config.pipeline.name


@contextlib.contextmanager
def _log_file(path: Path) -> Iterator[None]:
    """Send effiskel's log records to the run's log file while the run lasts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("effiskel")
    previous = logger.level
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
        handler.close()


class _Bars:
    """Progress bars on stderr (none when quiet)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    def __call__(self, description: str, total: int) -> Callable[[int], None]:
        if self.progress is None or total <= 0:
            return lambda _done: None
        bar = self.progress.add_task(description, total=total)
        progress = self.progress

        def update(done: int) -> None:
            progress.update(bar, completed=done)
            if done >= total:
                progress.remove_task(bar)

        return update


def run(config: PipelineConfig, run_dir: Path | None = None, *, quiet: bool = False,
        console: Console | None = None, host: PluginHost | None = None,
        stop_after: str | None = None) -> PipelineRun:
    """Run ``config`` in ``run_dir`` (default ``runs/<pipeline name>``), re-using finished stages.

    ``stop_after`` ends the run after the stage of that name (e.g. ``evaluate``). Raises
    ConfigError before anything runs if the config is wrong, StageError if a stage fails,
    RunLockedError if another process runs in the same folder.
    """
    from ..api import load_tasks

    host = host or get_host()
    rd = RunDir(run_dir if run_dir is not None else default_run_dir(config))
    console = console or Console(stderr=True, highlight=False)
    say = (lambda *_a, **_k: None) if quiet else console.print
    started = time.monotonic()
    data_path = None if config.data.path is None else config.resolve(config.data.path)
    tasks = select_tasks(config, load_tasks(config.data.dataset, data_path, config.data.tasks, host=host))
    stages = plan(config, tasks, host)
    if stop_after is not None and stop_after not in {s.name for s in stages}:
        raise ConfigError(f"no stage named {stop_after!r}; the stages: {', '.join(s.name for s in stages)}",
                          key="--until")
    outcomes: list[StageOutcome] = []
    with rd.lock(), _log_file(rd.log_path):
        log.info("run of %s in %s: %d tasks, stages %s", config.source or config.pipeline.name, rd.root,
                 len(tasks), ", ".join(s.name for s in stages))
        kept = rd.root / "pipeline.toml"
        if config.source and Path(config.source).resolve() != kept.resolve():
            shutil.copyfile(config.source, kept)
        state: dict[str, Any] = {"pipeline": config.pipeline.name, "source": config.source,
                                 "config": config_table(config), "base_dir": config.base_dir,
                                 "status": "running", "started": time.time(), "stages": []}
        rd.write_state(state)
        progress = None if quiet else Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                               TimeElapsedColumn(), console=console, transient=True)
        folders: dict[str, Path] = {}
        try:
            with progress if progress is not None else contextlib.nullcontext():
                context = StageContext(config, tasks, rd, host, folders, _Bars(progress))
                for stage in stages:
                    outcome = _run_stage(stage, context, rd, say)
                    folders[stage.name] = outcome.folder
                    outcomes.append(outcome)
                    state["stages"].append(_state_entry(outcome, rd))
                    rd.write_state(state)
                    if stage.name == stop_after:
                        break
        except KeyboardInterrupt:
            state["status"] = "interrupted"
            rd.write_state(state)
            log.warning("interrupted")
            raise
        except Exception:
            state["status"] = "failed"
            rd.write_state(state)
            raise
        report: dict[str, Path] = {}
        if "report" in folders:
            report = publish_report(folders["report"], rd.report_dir)
        state["status"] = "finished" if stop_after is None else f"stopped after {stop_after}"
        state["seconds"] = time.monotonic() - started
        rd.write_state(state)
        log.info("done in %.1f s: ran %s", state["seconds"],
                 ", ".join(o.name for o in outcomes if o.status == RAN) or "nothing (every stage re-used)")
    return PipelineRun(rd.root, tuple(outcomes), report, time.monotonic() - started)


def _state_entry(outcome: StageOutcome, rd: RunDir) -> dict[str, Any]:
    return {"name": outcome.name, "kind": outcome.kind, "key": outcome.key, "status": outcome.status,
            "seconds": outcome.seconds, "ran_seconds": outcome.ran_seconds, "summary": outcome.summary,
            "folder": str(outcome.folder.relative_to(rd.root))}


def _run_stage(stage: Stage, context: StageContext, rd: RunDir, say: Callable[..., None]) -> StageOutcome:
    manifest = rd.finished(stage.name, stage.key)
    if manifest is not None:
        say(f"[dim]- {stage.name}: re-used ({manifest.get('summary', '')})[/]")
        log.info("stage %s [%s]: re-used", stage.name, stage.key[:16])
        return StageOutcome(stage.name, stage.kind, stage.key, REUSED, 0.0, float(manifest.get("seconds", 0.0)),
                            rd.stage_dir(stage.name, stage.key), manifest.get("summary", ""))
    resumed = rd.partial_dir(stage.name, stage.key).exists()
    work = rd.begin(stage.name, stage.key, keep_partial=stage.resumable)
    log.info("stage %s [%s]: %s", stage.name, stage.key[:16],
             "resuming an interrupted run" if resumed and stage.resumable else "running")
    say(f"[bold]- {stage.name}[/]: running" + (" (resuming)" if resumed and stage.resumable else ""))
    began = time.monotonic()
    try:
        result = stage.run(context, work)
    except (KeyboardInterrupt, StageError):
        raise
    except Exception as exc:
        log.error("stage %s failed:\n%s", stage.name, traceback.format_exc())
        raise StageError(f"stage {stage.name} failed: {exc}") from exc
    seconds = time.monotonic() - began
    summary = str(result.get("summary", ""))
    folder = rd.complete(stage.name, stage.key, {**result, "seconds": seconds, "inputs": stage.inputs,
                                                 "needs": list(stage.needs)})
    log.info("stage %s: done in %.1f s: %s", stage.name, seconds, summary)
    say(f"  [green]done[/] in {seconds:.1f} s: {summary}")
    return StageOutcome(stage.name, stage.kind, stage.key, RAN, seconds, seconds, folder, summary)


REPORT_FILES = ("report.html", "report.md", "report.json")


def publish_report(folder: Path, target: Path) -> dict[str, Path]:
    """Copy a report stage's files to the run's ``report/`` folder; their paths by format."""
    target.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in REPORT_FILES:
        shutil.copyfile(folder / name, target / name)
        out[name.rsplit(".", 1)[1]] = target / name
    return out
