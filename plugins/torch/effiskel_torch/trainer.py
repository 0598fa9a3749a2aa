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
from effiskel import training_run
from effiskel.train_config import TrainConfig
from effiskel.training_run import FINAL, StepLog, final_is_complete, publish_final, total_steps
from effiskel.training_data import collate, encode_examples, global_batches

from . import checkpoints
from .modeling import add_lora, intra_op_threads, load_model, load_tokenizer, pad_id, require_dir, valid_threads
from .objective import LossContext, compute_objective, resolve_terms, window_weights

SCHEDULES = {"constant": "constant_with_warmup", "linear": "linear", "cosine": "cosine"}
#: backend_options this backend reads, with their defaults. ``threads``: torch's intra-op
#: threads in this process (None: torch's default, one per core; on a loaded machine, or with
#: several processes per machine, fewer is often much faster).
OPTIONS = {"gradient_checkpointing": False, "threads": None}


def _seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % (1 << 32))
    torch.manual_seed(seed)


def backend_options(config: TrainConfig) -> dict[str, Any]:
    """``[backend_options]`` with this backend's defaults; an unknown key is an error."""
    options = training_run.backend_options(config, OPTIONS, "torch")
    if not valid_threads(options["threads"]):
        raise EffiskelError(f"[backend_options] threads = {options['threads']!r}: a positive integer, "
                            "or leave it out for torch's default")
    return options


def fingerprint(config: TrainConfig, examples: Sequence[TrainingExample]) -> dict[str, Any]:
    """The settings that decide the training trajectory; a resumed run must share them."""
    return training_run.fingerprint(config, examples, ignore_options=("threads",))


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
    ``[backend_options] threads`` holds for the run; the process's setting is restored after.
    """
    if config.backend != "torch":
        raise EffiskelError(f"this config asks for backend {config.backend!r}, not 'torch'")
    options = backend_options(config)
    with intra_op_threads(options["threads"]):
        return _train(config, examples, options, on_step=on_step, registry=registry)


def _train(config: TrainConfig, examples: Sequence[TrainingExample], options: dict[str, Any], *,
           on_step: Callable[[dict[str, Any]], None] | None, registry: Any) -> Path:
    from accelerate import Accelerator
    from transformers import get_scheduler

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
    if options["gradient_checkpointing"]:
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
    log = StepLog(output, start, enabled=accelerator.is_main_process)

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
        record = training_run.step_record(done, {term.name: term.weight for term in terms}, values, lr=lr,
                                          tokens=tokens, seconds=time.perf_counter() - began)
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
        def write(folder: Path) -> None:
            inner.save_pretrained(folder)
            tokenizer.save_pretrained(folder)

        publish_final(output, write, backend="torch", config=config, steps=steps, fp=fp)
    accelerator.wait_for_everyone()
    return final
