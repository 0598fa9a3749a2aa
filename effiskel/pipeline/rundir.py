"""The run directory: where a pipeline keeps every stage's output under the stage's key.

Layout::

    RUN_DIR/
      pipeline.toml          the pipeline file of the latest run, as it was
      pipeline.log           the log of every run in this folder (appended)
      results.sqlite         the results store: every measurement, resumable (effiskel.store)
      state.json             the latest run: each stage's key, folder, status and seconds
      stages/NAME/KEY/       a finished stage's output; KEY/stage.json is its manifest
      stages/NAME/KEY.partial/   a stage that is running or was interrupted
      report/                the latest report (report.html, report.md, report.json)

A stage's folder is renamed from ``KEY.partial`` to ``KEY`` only after its manifest is written,
so a folder without ``.partial`` is always complete; a run that is killed leaves at most a
``.partial`` folder, which the next run discards (or, for a stage that resumes itself, such as
training from its checkpoints, hands back to the stage). Outputs of other keys stay, so going
back to an earlier configuration re-uses its stages.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EffiskelError

MANIFEST = "stage.json"
STATE = "state.json"


class RunLockedError(EffiskelError):
    """Another process is running a pipeline in the same run directory."""


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that a reader never sees half a file (write aside, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False, allow_nan=False)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, json.JSONDecodeError) as exc:
        raise EffiskelError(f"{path}: unreadable ({exc})") from None


class RunDir:
    """One run directory (created on first use)."""

    def __init__(self, root: str | Path) -> None:
        # Absolute: stage outputs (a model folder, say) go into configs that resolve relative
        # paths against the pipeline file's folder, not against the working directory.
        self.root = Path(root).absolute()

    @property
    def log_path(self) -> Path:
        return self.root / "pipeline.log"

    @property
    def store_path(self) -> Path:
        return self.root / "results.sqlite"

    @property
    def report_dir(self) -> Path:
        return self.root / "report"

    @property
    def state_path(self) -> Path:
        return self.root / STATE

    def stage_dir(self, name: str, key: str) -> Path:
        return self.root / "stages" / name / key[:16]

    def partial_dir(self, name: str, key: str) -> Path:
        return self.root / "stages" / name / f"{key[:16]}.partial"

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the run directory for this process (released when it exits, even by a kill)."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle = open(self.root / ".lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise RunLockedError(f"{self.root}: another effiskel run is using this run directory") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def finished(self, name: str, key: str) -> dict[str, Any] | None:
        """The manifest of stage ``name`` under ``key`` if it finished, else None."""
        path = self.stage_dir(name, key) / MANIFEST
        try:
            manifest = read_json(path)
        except FileNotFoundError:
            return None
        if manifest.get("key") != key:
            raise EffiskelError(f"{path}: its key {manifest.get('key')!r} is not the folder's {key!r}")
        return manifest

    def begin(self, name: str, key: str, *, keep_partial: bool = False) -> Path:
        """The folder a stage writes into; an interrupted run's leftovers are removed unless
        ``keep_partial`` (the stage resumes from them)."""
        work = self.partial_dir(name, key)
        if work.exists() and not keep_partial:
            shutil.rmtree(work)
        work.mkdir(parents=True, exist_ok=True)
        return work

    def complete(self, name: str, key: str, manifest: dict[str, Any]) -> Path:
        """Seal a stage: write its manifest, then make its folder final in one rename."""
        work = self.partial_dir(name, key)
        final = self.stage_dir(name, key)
        write_json_atomic(work / MANIFEST, {**manifest, "key": key, "stage": name, "finished": time.time()})
        if final.exists():  # a stale copy (e.g. written by hand); the new one is complete
            shutil.rmtree(final)
        os.replace(work, final)
        return final

    def write_state(self, state: dict[str, Any]) -> None:
        write_json_atomic(self.state_path, state)

    def read_state(self) -> dict[str, Any]:
        try:
            return read_json(self.state_path)
        except FileNotFoundError:
            raise EffiskelError(f"{self.root}: not a run directory (no {STATE}; run a pipeline into it first)") from None
