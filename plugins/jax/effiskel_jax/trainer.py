"""The JAX trainer: LoRA on an NNX Llama, the configured loss terms, optax, orbax, data parallel.

One optimizer step computes, for each configured term ``i`` with weight ``w_i``,

    total = sum_i w_i * loss_sum_i / max(weight_i, eps)

on the global batch (the term implementations of :mod:`effiskel_losses.jax_terms` or any plugin's
``implementation("jax")``), differentiates it with respect to the adapter parameters only
(``nnx.LoRAParam``; the base weights are a separate, frozen state) and applies AdamW through optax.
With ``grad_accumulation`` > 1 the step averages the gradients of its micro-batches, each
normalised on its own (as the torch backend does).

Data parallelism: the batch is laid out over a one-axis device mesh (``data``) with
``NamedSharding``, the parameters are replicated, and ``jax.jit`` inserts the reductions, so the
sums and weights of every term are global and the result equals one device on the same batch.

Checkpoints (orbax) hold the adapter, the optimizer state and the step; the batches of a step and
its dropout key are functions of the seed and the step, so a run killed at any moment and
resumed continues with the losses an uninterrupted run would have had.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import jax
import jax.numpy as jnp
import optax
from flax import nnx

from effiskel.datamodel import TrainingExample
from effiskel.errors import EffiskelError
from effiskel import training_run
from effiskel.train_config import CHECKPOINT_META, TrainConfig
from effiskel.training_data import collate, encode_examples, global_batches
from effiskel.training_run import (
    FINAL,
    StepLog,
    final_is_complete,
    publish_final,
    require_same_run,
    total_steps,
)

from .hf_checkpoint import load_llama
from .lora import apply_lora, save_peft_adapter
from .sharding import data_mesh, replicate, shard_batch
from .tokenizer import load_tokenizer, pad_id

CHECKPOINTS = "checkpoints"
METADATA = CHECKPOINT_META  # the core reads the backend from it (train_config.checkpoint_backend)
EPS = 1e-8
DTYPES = {"float32": jnp.float32, "bfloat16": jnp.bfloat16, "float16": jnp.float16}
#: backend_options this backend reads, with their defaults.
OPTIONS = {"devices": None, "pad_to_multiple_of": 64, "async_checkpoints": True}


@attrs.frozen
class Term:
    name: str
    weight: float
    impl: Callable[[Any], tuple[jax.Array, jax.Array]]
    #: The streams the term reads (both when its component does not say).
    streams: tuple[str, ...] = ("code", "skeleton")


def resolve_terms(weights: Mapping[str, float], registry: Any = None) -> list[Term]:
    """The jax implementations of the configured terms (weight 0 left out), in config order."""
    if registry is None:
        from effiskel import get_host

        registry = get_host().loss_terms
    terms = []
    for name, weight in weights.items():
        if weight == 0.0:
            continue
        component = registry.get(name)  # an unknown name is an error listing the known terms
        if "jax" not in component.backends:
            raise EffiskelError(
                f"loss term {name!r} has no jax implementation "
                f"(it has: {', '.join(sorted(component.backends))})"
            )
        streams = tuple(getattr(component, "streams", None) or ("code", "skeleton"))
        terms.append(Term(name, float(weight), component.implementation("jax"), streams))
    if not terms:
        raise EffiskelError("no loss term with a non-zero weight is configured")
    return terms


class LossContext:
    """What a term's implementation gets: the batch, and memoised logits per stream.

    ``logits(stream)`` runs the model on that stream the first time it is asked for while the
    step is traced and returns the same array afterwards, so ``mask`` reuses the ``code``
    forward pass and a stream no term reads is never run; ``token_nll(stream)`` memoises the
    per-position cross-entropy the same way.
    """

    def __init__(
        self,
        model: Any,
        batch: Mapping[str, jax.Array],
        *,
        packed: bool,
        dropout_key: jax.Array | None,
    ) -> None:
        self.model = model
        self.batch = batch
        self.packed = packed
        self.dropout_key = dropout_key
        self._logits: dict[str, jax.Array] = {}
        self._nll: dict[str, jax.Array] = {}
        #: The streams a forward pass was traced for, in order.
        self.forwards: list[str] = []

    def logits(self, stream: str) -> jax.Array:
        if stream not in self._logits:
            if f"{stream}_input_ids" not in self.batch:
                raise KeyError(f"the batch has no {stream!r} stream")
            self.forwards.append(stream)
            key = (
                None
                if self.dropout_key is None
                else jax.random.fold_in(self.dropout_key, len(self.forwards))
            )
            self._logits[stream] = stream_logits(self.model, self.batch, stream, self.packed, key)
        return self._logits[stream]

    def token_nll(self, stream: str) -> jax.Array:
        if stream not in self._nll:
            from effiskel_losses.jax_terms import token_nll

            self._nll[stream] = token_nll(self.logits(stream), self.batch[f"{stream}_labels"])
        return self._nll[stream]


def stream_logits(
    model: Any, batch: Mapping[str, jax.Array], stream: str, packed: bool, key: jax.Array | None
) -> jax.Array:
    """The model's logits for the ``code`` or ``skeleton`` stream of a collated batch.

    Rows are right-padded; packed rows also carry restarting positions and segment ids that keep
    each packed example to itself.
    """
    logits, _ = model(
        batch[f"{stream}_input_ids"],
        attention_mask=batch[f"{stream}_attention_mask"],
        positions=batch[f"{stream}_position_ids"],
        segment_ids=batch[f"{stream}_segment_ids"] if packed else None,
        dropout_key=key,
    )
    return logits


def objective(terms: Sequence[Term], ctx: LossContext) -> tuple[jax.Array, dict[str, jax.Array]]:
    """The weighted sum of the terms and, per term, its normalised value (for the log)."""
    total = jnp.zeros((), jnp.float32)
    values = {}
    for term in terms:
        loss_sum, weight = term.impl(ctx)
        value = loss_sum.astype(jnp.float32) / jnp.maximum(jnp.asarray(weight, jnp.float32), EPS)
        total = total + term.weight * value
        values[term.name] = value
    return total, values


def learning_rate(kind: str, lr: float, warmup: int, total: int) -> optax.Schedule:
    """The learning rate at each optimizer step, shaped as transformers' schedules are."""

    def schedule(count: jax.Array) -> jax.Array:
        count = jnp.asarray(count, jnp.float32)
        rising = count / max(warmup, 1)
        progress = jnp.clip((count - warmup) / max(total - warmup, 1), 0.0, 1.0)
        if kind == "constant":
            after = jnp.ones_like(progress)
        elif kind == "linear":
            after = 1.0 - progress
        elif kind == "cosine":
            after = 0.5 * (1.0 + jnp.cos(jnp.pi * progress))
        else:
            raise EffiskelError(f"[training] schedule: {kind!r} unknown to the jax backend")
        return lr * jnp.where(count < warmup, rising, after)

    return schedule


def optimizer(config: TrainConfig, steps: int) -> optax.GradientTransformation:
    t = config.training
    parts = []
    if t.max_grad_norm is not None:
        parts.append(optax.clip_by_global_norm(t.max_grad_norm))
    parts.append(
        optax.adamw(
            learning_rate(t.schedule, t.lr, t.warmup_steps, steps), weight_decay=t.weight_decay
        )
    )
    return optax.chain(*parts)


def fingerprint(config: TrainConfig, examples: Sequence[TrainingExample]) -> dict[str, Any]:
    """The settings that decide the training trajectory; a resumed run must share them."""
    return training_run.fingerprint(config, examples, ignore_options=("async_checkpoints",))


def backend_options(config: TrainConfig) -> dict[str, Any]:
    return training_run.backend_options(config, OPTIONS, "jax")


def _checkpoint_manager(output: Path, keep: int, asynchronous: bool):
    import orbax.checkpoint as ocp

    return ocp.CheckpointManager(
        (output / CHECKPOINTS).resolve(),
        options=ocp.CheckpointManagerOptions(
            max_to_keep=keep, create=True, enable_async_checkpointing=asynchronous
        ),
    )


def train(
    config: TrainConfig,
    examples: Sequence[TrainingExample],
    *,
    on_step: Callable[[dict[str, Any]], None] | None = None,
    registry: Any = None,
) -> Path:
    """Fine-tune ``config.model`` with LoRA on ``examples``; return the ``final`` adapter folder.

    The folder is a peft adapter (``adapter_config.json`` + ``adapter_model.safetensors``), the
    tokenizer and ``effiskel-checkpoint.json``: the torch backend can load it too. ``on_step``
    is called after every optimizer step with that step's log record.
    """
    import orbax.checkpoint as ocp

    if config.backend != "jax":
        raise EffiskelError(f"this config asks for backend {config.backend!r}, not 'jax'")
    if not examples:
        raise EffiskelError("no training examples")
    t = config.training
    options = backend_options(config)
    terms = resolve_terms(config.loss, registry)
    output = Path(config.output_dir)
    fp = fingerprint(config, examples)

    mesh = data_mesh(options["devices"])
    if t.batch_size % mesh.size:
        raise EffiskelError(
            f"[training] batch_size {t.batch_size} does not split over {mesh.size} devices; "
            "use a multiple of the device count"
        )
    tokenizer = load_tokenizer(config.tokenizer_path)
    encoded = encode_examples(
        examples,
        tokenizer,
        t.max_length,
        mask_rule=t.mask_rule,
        overflow=t.overflow,
        packing=t.packing,
    )
    # Epochs count rows as encoded: packing makes fewer, overflow = "drop" may drop some.
    steps = total_steps(config, len(encoded))
    if config.resume and final_is_complete(output, fp, steps):
        return output / FINAL
    if len(encoded) < t.batch_size:
        raise EffiskelError(f"{len(encoded)} encoded rows cannot fill a batch of {t.batch_size}")
    pad = pad_id(tokenizer)

    dtype = DTYPES[t.dtype]
    model = apply_lora(
        load_llama(config.model, dtype=dtype, param_dtype=dtype), config.lora, seed=config.seed
    )
    graphdef, adapter, frozen = nnx.split(model, nnx.LoRAParam, ...)
    adapter, frozen = replicate(mesh, adapter), replicate(mesh, frozen)
    tx = optimizer(config, steps)
    # Replicated like the adapter, so the first step compiles the same program as the others.
    opt_state = replicate(mesh, tx.init(adapter))
    packed = t.packing

    def loss_fn(adapter, frozen, batch, key):
        ctx = LossContext(
            nnx.merge(graphdef, adapter, frozen), batch, packed=packed, dropout_key=key
        )
        return objective(terms, ctx)

    @jax.jit
    def grad_step(adapter, frozen, batch, key):
        (total, values), grads = jax.value_and_grad(loss_fn, has_aux=True)(
            adapter, frozen, batch, key
        )
        return total, values, grads

    @jax.jit
    def apply_step(adapter, opt_state, grads):
        updates, opt_state = tx.update(grads, opt_state, adapter)
        return optax.apply_updates(adapter, updates), opt_state

    schedule = learning_rate(t.schedule, t.lr, t.warmup_steps, steps)

    if output.is_dir() and not config.resume:
        shutil.rmtree(output / CHECKPOINTS, ignore_errors=True)
        shutil.rmtree(output / FINAL, ignore_errors=True)
    output.mkdir(parents=True, exist_ok=True)
    manager = _checkpoint_manager(output, t.keep_checkpoints, bool(options["async_checkpoints"]))
    leaves, treedef = jax.tree.flatten((adapter, opt_state))
    start = 0
    latest = manager.latest_step() if config.resume else None
    if latest is not None:
        restored = manager.restore(
            latest,
            args=ocp.args.Composite(
                state=ocp.args.StandardRestore(leaves), meta=ocp.args.JsonRestore()
            ),
        )
        require_same_run(restored["meta"].get("fingerprint", {}), fp, output / CHECKPOINTS)
        adapter, opt_state = jax.tree.unflatten(treedef, replicate(mesh, list(restored["state"])))
        start = int(restored["meta"]["step"])
    log = StepLog(output, start)
    base_key = jax.random.key(config.seed)
    pad_multiple = int(options["pad_to_multiple_of"] or 1)

    for step in range(start, steps):
        began = time.perf_counter()
        grads = None
        values = {term.name: 0.0 for term in terms}
        tokens = {"code": 0, "skeleton": 0}
        for micro in range(t.grad_accumulation):
            index = step * t.grad_accumulation + micro
            rows = [
                encoded[i] for i in global_batches(len(encoded), t.batch_size, config.seed, index)
            ]
            # Packed rows nearly fill max_length: padding them all to it compiles one shape.
            host = collate(
                rows,
                pad,
                pad_to=t.max_length if packed else None,
                pad_to_multiple_of=None if packed else pad_multiple,
            )
            batch = shard_batch(mesh, host)
            key = jax.random.fold_in(base_key, index) if config.lora.dropout > 0 else None
            _, micro_values, micro_grads = grad_step(adapter, frozen, batch, key)
            grads = micro_grads if grads is None else jax.tree.map(jnp.add, grads, micro_grads)
            for name, value in micro_values.items():
                values[name] += float(value) / t.grad_accumulation
            for stream in ("code", "skeleton"):
                if any(stream in term.streams for term in terms):
                    tokens[stream] += int(host[f"{stream}_attention_mask"].sum())
        if t.grad_accumulation > 1:
            grads = jax.tree.map(lambda g: g / t.grad_accumulation, grads)
        lr = float(schedule(step))
        adapter, opt_state = apply_step(adapter, opt_state, grads)
        done = step + 1
        record = training_run.step_record(
            done,
            {term.name: term.weight for term in terms},
            values,
            lr=lr,
            tokens=tokens,
            seconds=time.perf_counter() - began,
        )
        if done % t.log_every == 0 or done == steps:
            log.write(record)
        if t.save_every and done % t.save_every == 0 and done < steps:
            manager.save(
                done,
                args=ocp.args.Composite(
                    state=ocp.args.StandardSave(jax.tree.leaves((adapter, opt_state))),
                    meta=ocp.args.JsonSave({"step": done, "fingerprint": fp}),
                ),
            )
        if on_step is not None:
            on_step(record)
    manager.wait_until_finished()
    manager.close()

    nnx.update(model, jax.device_get(adapter))

    def write(folder: Path) -> None:
        save_peft_adapter(model, config.lora, folder, base_model=str(Path(config.model).resolve()))
        tokenizer.save_pretrained(folder)

    return publish_final(output, write, backend="jax", config=config, steps=steps, fp=fp)
