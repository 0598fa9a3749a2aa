"""The whole method as one command: ``effiskel run PIPELINE.toml``.

measure -> curate -> skeleton -> (model) -> train -> generate -> evaluate -> report, each
stage's output kept in the run directory under a key made of its inputs and config (see
:mod:`effiskel.pipeline.stages` and :mod:`effiskel.pipeline.rundir`), so a re-run skips what is
done, a changed config re-runs exactly what it affects, and an interrupted run resumes.
"""

from __future__ import annotations

from .config import ConfigError, PipelineConfig, load_pipeline, parse_pipeline
from .rundir import RunDir, RunLockedError
from .runner import PipelineRun, StageOutcome, default_run_dir, run
from .stages import StageError

__all__ = [
    "ConfigError",
    "PipelineConfig",
    "PipelineRun",
    "RunDir",
    "RunLockedError",
    "StageError",
    "StageOutcome",
    "default_run_dir",
    "load_pipeline",
    "parse_pipeline",
    "run",
]
