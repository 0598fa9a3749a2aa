"""The training loop: an accelerate loop summing the configured loss terms in one optimizer step.

It runs unchanged in one process or under ``torchrun`` / ``accelerate launch`` (DDP): each
process takes its own slice of every global batch, the loss terms are normalised over all
processes (:mod:`.objective`), and process 0 writes the log, the checkpoints and the adapter.

Files in ``output_dir``:

``train_log.jsonl``        one JSON object per logged step: ``step``, ``total``, ``terms`` (each
                           term's mean loss over the global batch), ``lr``, ``tokens`` (per
                           stream that ran a forward pass, over the global batch, padding
                           included), ``seconds``;
``checkpoints/step-N/``    resumable checkpoints (:mod:`.checkpoints`);
``final/``                 the LoRA adapter (peft format), the tokenizer and
                           ``effiskel-checkpoint.json`` (base model, steps, config) -- what
                           :meth:`TorchTrainer.generate` loads.

With gradient accumulation, each term is normalised by its weight over all micro-batches of
the step when its implementation can say that weight from the batch alone (the built-in terms
can: ``impl.weight(batch)``), so accumulating is exactly one big batch; a term that cannot is
normalised per micro-batch and the micro-batches are averaged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import random
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from effiskel.datamodel import TrainingExample
from effiskel.errors import EffiskelError
from effiskel.serialization import unstructure
from effiskel.train_config import CHECKPOINT_META, TrainConfig
from effiskel.training_data import collate, encode_examples, global_batches

from . import checkpoints
from .modeling import add_lora, load_model, load_tokenizer, pad_id, require_dir
from .objective import LossContext, compute_objective, resolve_terms, window_weights

LOG = "train_log.jsonl"
FINAL = "final"
METADATA = CHECKPOINT_META  # the core reads the backend from it (train_config.checkpoint_backend)
SCHEDULES = {"constant": "constant_with_warmup", "linear": "linear", "cosine": "cosine"}


def fingerprint(config: TrainConfig, examples: Sequence[TrainingExample]) -> dict[str, Any]:
    """The settings that decide the training trajectory; a resumed run must share them."""
    data = config.to_dict()
    for key in ("output_dir", "resume", "examples"):
        data.pop(key, None)
    for key in ("log_every", "save_every", "keep_checkpoints"):
        data["training"].pop(key, None)
    digest = hashlib.sha256()
    for example in examples:
        digest.update(json.dumps(unstructure(example), sort_keys=True).encode())
    flat = {f"{section}.{k}": v for section, table in data.items() if isinstance(table, dict)
            for k, v in table.items()}
    flat.update({k: v for k, v in data.items() if not isinstance(v, dict)})
    flat["examples_sha256"] = digest.hexdigest()
    return flat


def total_steps(config: TrainConfig, count: int, world: int) -> int:
    """Optimizer steps to run: ``max_steps``, else ``epochs`` passes of whole global batches."""
    t = config.training
    if t.max_steps is not None:
        return t.max_steps
    per_epoch = count // (t.batch_size * world)
    if per_epoch == 0:
        raise EffiskelError(f"{count} training rows cannot fill one global batch of "
                            f"{t.batch_size} x {world} processes; lower batch_size")
    return max(1, math.ceil(t.epochs * per_epoch / t.grad_accumulation))


def _seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % (1 << 32))
    torch.manual_seed(seed)


class _Log:
    """The JSON-lines log; on resume it keeps only the steps the checkpoint had done."""

    def __init__(self, path: Path, keep_until: int, enabled: bool) -> None:
        self.path = path
        self.enabled = enabled
        if not enabled:
            return
        kept = []
        if keep_until and path.is_file():
            for line in path.read_text().splitlines():
                try:
                    if json.loads(line)["step"] <= keep_until:
                        kept.append(line)
                except (json.JSONDecodeError, KeyError, TypeError):
                    break  # a line cut by a kill: everything after it is redone
        path.write_text("".join(line + "\n" for line in kept))

    def write(self, record: dict[str, Any]) -> None:
        if self.enabled:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
                f.flush()


def final_is_complete(output_dir: Path, fp: dict[str, Any], steps: int) -> bool:
    meta = output_dir / FINAL / METADATA
    if not meta.is_file():
        return False
    data = json.loads(meta.read_text())
    return data.get("steps") == steps and data.get("fingerprint") == fp


def train(
    config: TrainConfig,
    examples: Sequence[TrainingExample],
    *,
    on_step: Callable[[dict[str, Any]], None] | None = None,
    registry: Any = None,
) -> Path:
    """Fine-tune ``config.model`` with LoRA on ``examples``; return the ``final`` adapter folder.

    ``on_step`` is called after every optimizer step with that step's log record (in every
    process). ``registry`` is the loss-term registry (default: the plugin host's).
    """
    from accelerate import Accelerator
    from transformers import get_scheduler

    if config.backend != "torch":
        raise EffiskelError(f"this config asks for backend {config.backend!r}, not 'torch'")
    if not examples:
        raise EffiskelError("no training examples")
    t = config.training
    terms = resolve_terms(config.loss, registry)
    require_dir(config.model, "the model")
    accelerator = Accelerator(cpu=not torch.cuda.is_available())
    rank, world = accelerator.process_index, accelerator.num_processes
    output = Path(config.output_dir)
    fp = fingerprint(config, examples)
    tokenizer = load_tokenizer(config.tokenizer_path)
    encoded = encode_examples(examples, tokenizer, t.max_length, mask_rule=t.mask_rule,
                              overflow=t.overflow, packing=t.packing)
    # Epochs count rows as encoded: packing makes fewer, overflow = "drop" may drop some.
    steps = total_steps(config, len(encoded), world)
    if config.resume and final_is_complete(output, fp, steps):
        return output / FINAL
    global_batch = t.batch_size * world
    if len(encoded) < global_batch:
        raise EffiskelError(f"{len(encoded)} encoded rows cannot fill a global batch of {global_batch}")
    pad = pad_id(tokenizer)

    # Every process builds the same initial adapters; DDP then keeps them equal.
    _seed_all(config.seed)
    model = add_lora(load_model(config.model, t.dtype), config.lora.r, config.lora.alpha,
                     config.lora.dropout, config.lora.target_modules)
    if config.backend_options.get("gradient_checkpointing"):
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    model.train()
    model = accelerator.prepare(model)
    inner = accelerator.unwrap_model(model)
    params = [p for p in inner.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=t.lr, weight_decay=t.weight_decay)
    scheduler = get_scheduler(SCHEDULES[t.schedule], optimizer, num_warmup_steps=t.warmup_steps,
                              num_training_steps=steps)

    start = 0
    if accelerator.is_main_process and output.is_dir() and not config.resume:
        shutil.rmtree(checkpoints.checkpoint_root(output), ignore_errors=True)
        shutil.rmtree(output / FINAL, ignore_errors=True)
    accelerator.wait_for_everyone()
    latest = checkpoints.latest_checkpoint(output) if config.resume else None
    if latest is not None:
        start = checkpoints.load_checkpoint(latest, model=inner, optimizer=optimizer, scheduler=scheduler,
                                            fingerprint=fp, rank=rank, world=world)
    else:
        # Dropout differs between processes, as it would between the rows of one big batch.
        _seed_all(config.seed * 1009 + rank)
    if accelerator.is_main_process:
        output.mkdir(parents=True, exist_ok=True)
    accelerator.wait_for_everyone()
    log = _Log(output / LOG, start, accelerator.is_main_process)

    device = accelerator.device
    for step in range(start, steps):
        began = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        values = {term.name: 0.0 for term in terms}
        tokens = {"code": 0, "skeleton": 0}
        batches = []
        for micro in range(t.grad_accumulation):
            indices = global_batches(len(encoded), global_batch, config.seed, step * t.grad_accumulation + micro)
            mine = indices[rank * t.batch_size:(rank + 1) * t.batch_size]
            batches.append({k: torch.from_numpy(v).to(device)
                            for k, v in collate([encoded[i] for i in mine], pad).items()})
        window = window_weights(terms, batches) if t.grad_accumulation > 1 else None
        for micro, batch in enumerate(batches):
            ctx = LossContext(model, batch, packed=t.packing)
            last = micro == t.grad_accumulation - 1
            with contextlib.nullcontext() if last else accelerator.no_sync(model):
                losses = compute_objective(terms, ctx, window=window, micro_steps=t.grad_accumulation)
                accelerator.backward(losses.total)
            for name, value in losses.values.items():
                values[name] += value
            for stream in ctx.forwards:
                tokens[stream] += int(batch[f"{stream}_attention_mask"].sum())
        if world > 1:
            counts = torch.tensor([tokens["code"], tokens["skeleton"]], dtype=torch.int64, device=device)
            torch.distributed.all_reduce(counts)
            tokens = {"code": int(counts[0]), "skeleton": int(counts[1])}
        if t.max_grad_norm is not None:
            accelerator.clip_grad_norm_(params, t.max_grad_norm)
        lr = scheduler.get_last_lr()[0]
        optimizer.step()
        scheduler.step()
        done = step + 1
        record = {
            "step": done,
            "total": sum(term.weight * values[term.name] for term in terms),
            "terms": values,
            "lr": lr,
            "tokens": {k: v for k, v in tokens.items() if v},
            "seconds": time.perf_counter() - began,
        }
        if done % t.log_every == 0 or done == steps:
            log.write(record)
        if t.save_every and done % t.save_every == 0 and done < steps:
            checkpoints.save_checkpoint(output, done, model=inner, optimizer=optimizer, scheduler=scheduler,
                                        fingerprint=fp, rank=rank, world=world,
                                        barrier=accelerator.wait_for_everyone, keep=t.keep_checkpoints)
        if on_step is not None:
            on_step(record)

    final = output / FINAL
    if accelerator.is_main_process:
        partial = output / f"{FINAL}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        inner.save_pretrained(partial)
        tokenizer.save_pretrained(partial)
        (partial / METADATA).write_text(json.dumps({
            "backend": "torch",
            "base_model": str(Path(config.model).resolve()),
            "steps": steps,
            "fingerprint": fp,
            "config": config.to_dict(),
        }, indent=1))
        shutil.rmtree(final, ignore_errors=True)
        os.replace(partial, final)
    accelerator.wait_for_everyone()
    return final
