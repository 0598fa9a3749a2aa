"""What every trainer backend keeps in its output folder, kept the same way by all of them.

A backend (``effiskel_register_trainers``) owns its loop, its checkpoints and its model files;
the rest of a run's folder is common, so that the pipeline, the report and ``effiskel
generate`` read any backend's run alike:

``train_log.jsonl``          one :func:`step_record` per logged step (:class:`StepLog`), cut
                             back to the resumed checkpoint's step on resume;
``final/``                   the trained adapter, written by :func:`publish_final` into
                             ``final.partial/`` and renamed, with ``effiskel-checkpoint.json``
                             (backend, base model, steps, fingerprint, config).

A run's :func:`fingerprint` is the settings and examples that decide its trajectory: a resumed
run must have the same one (:func:`fingerprint_differences` names what changed), and a
finished run with the same one is not trained again (:func:`final_is_complete`).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .datamodel import TrainingExample
from .errors import EffiskelError
from .serialization import unstructure
from .train_config import CHECKPOINT_META, TrainConfig

LOG = "train_log.jsonl"
FINAL = "final"
#: Settings that change how a run is kept or logged, not what it computes.
BOOKKEEPING = ("training.log_every", "training.save_every", "training.keep_checkpoints")


def backend_options(config: TrainConfig, defaults: Mapping[str, Any], backend: str) -> dict[str, Any]:
    """``[backend_options]`` over the backend's ``defaults``; a key it does not read is an error."""
    unknown = sorted(set(config.backend_options) - set(defaults))
    if unknown:
        raise EffiskelError(f"[backend_options] {', '.join(unknown)}: unknown to the {backend} backend; "
                            f"it reads {', '.join(defaults)}")
    return {**defaults, **config.backend_options}


def fingerprint(config: TrainConfig, examples: Sequence[TrainingExample], *,
                ignore_options: Iterable[str] = ()) -> dict[str, Any]:
    """The settings that decide the training trajectory, flat (``section.key``), and the
    examples' digest. ``ignore_options`` are the backend's ``backend_options`` that do not
    change the result (thread counts, asynchronous saving)."""
    data = config.to_dict()
    for key in ("output_dir", "resume", "examples"):
        data.pop(key, None)
    flat = {f"{section}.{k}": v for section, table in data.items() if isinstance(table, dict)
            for k, v in table.items()}
    flat.update({k: v for k, v in data.items() if not isinstance(v, dict)})
    for key in (*BOOKKEEPING, *(f"backend_options.{o}" for o in ignore_options)):
        flat.pop(key, None)
    digest = hashlib.sha256()
    for example in examples:
        digest.update(json.dumps(unstructure(example), sort_keys=True).encode())
    flat["examples_sha256"] = digest.hexdigest()
    # Through JSON, so a fingerprint read back from a checkpoint compares equal (tuples, keys).
    return json.loads(json.dumps(flat, sort_keys=True))


def fingerprint_differences(saved: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """The settings that differ between a saved run and this one, as ``key: saved -> now``."""
    keys = sorted(set(saved) | set(current))
    return [f"{k}: {saved.get(k)!r} -> {current.get(k)!r}" for k in keys if saved.get(k) != current.get(k)]


def require_same_run(saved: Mapping[str, Any], current: Mapping[str, Any], where: Path) -> None:
    """Refuse to resume from a checkpoint of a run with other settings or examples."""
    differences = fingerprint_differences(saved, current)
    if differences:
        raise EffiskelError(
            f"the checkpoint in {where} belongs to a run with other settings ({'; '.join(differences)}); "
            "use another output_dir, or set resume = false to start over")


def total_steps(config: TrainConfig, rows: int, world: int = 1) -> int:
    """Optimizer steps to run: ``max_steps``, else ``epochs`` passes of whole global batches
    over the ``rows`` encoded rows (packing makes fewer rows than examples)."""
    t = config.training
    if t.max_steps is not None:
        return t.max_steps
    per_epoch = rows // (t.batch_size * world)
    if per_epoch == 0:
        processes = f" x {world} processes" if world > 1 else ""
        raise EffiskelError(f"{rows} training rows cannot fill one global batch of "
                            f"{t.batch_size}{processes}; lower batch_size")
    return max(1, math.ceil(t.epochs * per_epoch / t.grad_accumulation))


def step_record(step: int, weights: Mapping[str, float], values: Mapping[str, float], *,
                lr: float, tokens: Mapping[str, int], seconds: float) -> dict[str, Any]:
    """One line of ``train_log.jsonl``: the step done, the weighted total, each term's value,
    the learning rate the step used, the tokens per stream that ran a forward pass (streams
    that did not are left out) and the step's wall time."""
    return {
        "step": step,
        "total": sum(weight * values[name] for name, weight in weights.items()),
        "terms": dict(values),
        "lr": lr,
        "tokens": {k: v for k, v in tokens.items() if v},
        "seconds": seconds,
    }


class StepLog:
    """``train_log.jsonl``; on resume it keeps only the steps the checkpoint had done.

    ``enabled=False`` (every process but the first of a data-parallel run) writes nothing.
    """

    def __init__(self, output: Path, keep_until: int, *, enabled: bool = True) -> None:
        self.path = output / LOG
        self.enabled = enabled
        if not enabled:
            return
        kept = []
        if keep_until and self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    if json.loads(line)["step"] <= keep_until:
                        kept.append(line)
                except (json.JSONDecodeError, KeyError, TypeError):
                    break  # a line cut by a kill: everything after it is redone
        self.path.write_text("".join(line + "\n" for line in kept), encoding="utf-8")

    def write(self, record: Mapping[str, Any]) -> None:
        if self.enabled:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
                f.flush()


def final_is_complete(output: Path, fp: Mapping[str, Any], steps: int) -> bool:
    """True when ``output/final`` holds a finished run of these settings and examples."""
    meta = output / FINAL / CHECKPOINT_META
    if not meta.is_file():
        return False
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    return data.get("steps") == steps and data.get("fingerprint") == fp


def publish_final(output: Path, write: Callable[[Path], None], *, backend: str, config: TrainConfig,
                  steps: int, fp: Mapping[str, Any]) -> Path:
    """Write the finished run to ``output/final``: ``write(folder)`` saves the backend's files
    into a fresh folder, the metadata is added, and the folder replaces ``final`` by a rename,
    so a kill leaves the old ``final``, none, or the new one, never half of one."""
    final = output / FINAL
    partial = output / f"{FINAL}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    write(partial)
    (partial / CHECKPOINT_META).write_text(json.dumps({
        "backend": backend,
        "base_model": str(Path(config.model).resolve()),
        "steps": steps,
        "fingerprint": dict(fp),
        "config": config.to_dict(),
    }, indent=1), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.replace(partial, final)
    return final
