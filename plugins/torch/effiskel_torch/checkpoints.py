"""Resumable checkpoints: adapter weights, optimizer, scheduler, every process's RNG, the step.

A checkpoint is a folder ``<output_dir>/checkpoints/step-00000012``. It is written under a
``.partial`` name and renamed when complete, so a run killed while saving leaves either the
previous checkpoint or the new one, never half of one. The data order needs no state of its
own: the batches of a step are a function of the seed and the step
(:func:`effiskel.training_data.global_batches`).
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import torch

from effiskel.errors import EffiskelError
from effiskel.training_run import require_same_run

STATE = "state.json"
WEIGHTS = "trainable.pt"
OPTIMIZER = "optimizer.pt"
SCHEDULER = "scheduler.pt"


def checkpoint_root(output_dir: Path) -> Path:
    return Path(output_dir) / "checkpoints"


def rng_state() -> dict[str, Any]:
    state = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def trainable_state(model: Any) -> dict[str, torch.Tensor]:
    """The parameters being trained (the LoRA adapters), by name, detached and on the CPU."""
    return {n: p.detach().cpu().clone() for n, p in model.named_parameters() if p.requires_grad}


def save_checkpoint(
    output_dir: Path,
    step: int,
    *,
    model: Any,
    optimizer: torch.optim.Optimizer,
    scheduler: Any,
    fingerprint: dict[str, Any],
    rank: int,
    world: int,
    barrier: Any,
    keep: int,
) -> Path:
    """Write the checkpoint after ``step`` optimizer steps; every process calls this."""
    root = checkpoint_root(output_dir)
    final = root / f"step-{step:08d}"
    partial = root / f"step-{step:08d}.partial"
    if rank == 0:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
    barrier()
    torch.save(rng_state(), partial / f"rng-{rank}.pt")
    if rank == 0:
        torch.save(trainable_state(model), partial / WEIGHTS)
        torch.save(optimizer.state_dict(), partial / OPTIMIZER)
        torch.save(scheduler.state_dict(), partial / SCHEDULER)
    barrier()
    if rank == 0:
        (partial / STATE).write_text(json.dumps({"step": step, "world_size": world, "fingerprint": fingerprint},
                                                indent=1))
        os.replace(partial, final)
        older = sorted(p for p in root.glob("step-*") if p.is_dir() and not p.name.endswith(".partial"))
        for stale in older[:-keep]:
            shutil.rmtree(stale, ignore_errors=True)
    barrier()
    return final


def latest_checkpoint(output_dir: Path) -> Path | None:
    """The newest complete checkpoint in ``output_dir``, or None."""
    root = checkpoint_root(output_dir)
    if not root.is_dir():
        return None
    done = sorted(p for p in root.glob("step-*") if p.is_dir() and (p / STATE).is_file()
                  and not p.name.endswith(".partial"))
    return done[-1] if done else None


def load_checkpoint(
    folder: Path,
    *,
    model: Any,
    optimizer: torch.optim.Optimizer,
    scheduler: Any,
    fingerprint: dict[str, Any],
    rank: int,
    world: int,
) -> int:
    """Restore everything saved in ``folder``; returns the step it was taken after."""
    state = json.loads((folder / STATE).read_text())
    if state["world_size"] != world:
        raise EffiskelError(f"checkpoint {folder} was written by {state['world_size']} processes, "
                            f"this run has {world}: the global batch would change; resume with as many")
    require_same_run(state["fingerprint"], fingerprint, folder)
    weights = torch.load(folder / WEIGHTS, map_location="cpu", weights_only=True)
    params = dict(model.named_parameters())
    unknown = [n for n in weights if n not in params]
    if unknown:
        raise EffiskelError(f"checkpoint {folder} holds parameters the model lacks: {unknown[:3]}")
    with torch.no_grad():
        for name, value in weights.items():
            params[name].copy_(value.to(params[name].device, params[name].dtype))
    optimizer.load_state_dict(torch.load(folder / OPTIMIZER, map_location="cpu", weights_only=True))
    scheduler.load_state_dict(torch.load(folder / SCHEDULER, map_location="cpu", weights_only=False))
    # Our own file: the RNG states hold numpy/python tuples, which need full unpickling.
    set_rng_state(torch.load(folder / f"rng-{rank}.pt", map_location="cpu", weights_only=False))
    return int(state["step"])
