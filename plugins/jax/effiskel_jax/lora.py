"""LoRA adapters on the projections of an NNX Llama (the peft recipe, with ``nnx.LoRA``).

A targeted projection ``W`` becomes ``W x + (alpha / r) * B A dropout(x)``: ``A`` and ``B`` are the
low-rank factors of an ``nnx.LoRA`` (``B`` starts at zero, so an untrained adapter changes
nothing) and are ``nnx.LoRAParam`` variables, so ``nnx.split(model, nnx.LoRAParam, ...)`` separates
the trainable adapter from the frozen base weights. Adapters export to and import from peft's
layout (``adapter_config.json`` + ``adapter_model.safetensors``), so an adapter trained here
loads in the torch backend and the other way round.
"""

from __future__ import annotations

import json
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx
from safetensors.flax import load_file
from safetensors.numpy import save_file

from effiskel.errors import DataError
from effiskel.train_config import LoraSettings

from .llama import LlamaForCausalLM

#: The projections a Llama layer has, and where they sit in it.
PROJECTIONS = {
    "q_proj": "self_attn",
    "k_proj": "self_attn",
    "v_proj": "self_attn",
    "o_proj": "self_attn",
    "gate_proj": "mlp",
    "up_proj": "mlp",
    "down_proj": "mlp",
}
#: What else may carry an adapter: the output projection (untied embeddings only).
OTHER_TARGETS = ("lm_head",)


def check_settings(settings: LoraSettings) -> None:
    """Raise ValueError when ``settings`` names a projection a Llama lacks, or a bad rank/rate."""
    unknown = [
        t for t in settings.target_modules if t not in PROJECTIONS and t not in OTHER_TARGETS
    ]
    if unknown:
        raise ValueError(
            f"[lora] target_modules: {', '.join(unknown)} unknown; a Llama has "
            f"{', '.join([*PROJECTIONS, *OTHER_TARGETS])}"
        )
    if settings.r < 1:
        raise ValueError(f"[lora] r must be at least 1, got {settings.r}")
    if not 0.0 <= settings.dropout < 1.0:
        raise ValueError(f"[lora] dropout must be in [0, 1), got {settings.dropout}")


class LoraProjection(nnx.Module):
    """A frozen linear projection plus a scaled, dropout-regularised low-rank update."""

    takes_dropout_key = True

    def __init__(self, base: nnx.Linear, settings: LoraSettings, *, rngs: nnx.Rngs) -> None:
        self.base = base
        in_features, out_features = base.kernel.shape
        self.lora = nnx.LoRA(
            in_features,
            settings.r,
            out_features,
            dtype=base.dtype,
            param_dtype=jnp.float32,
            rngs=rngs,
        )
        self.scale = settings.alpha / settings.r
        self.dropout = nnx.Dropout(settings.dropout)

    def __call__(self, x: jax.Array, *, key: jax.Array | None = None) -> jax.Array:
        y = self.base(x)
        # No key is the deterministic pass (evaluation, generation): dropout off.
        h = x if key is None else self.dropout(x, deterministic=False, rngs=key)
        return y + (self.scale * self.lora(h)).astype(y.dtype)


def _targets(model: LlamaForCausalLM, target: str):
    """(checkpoint name of the projection, its parent module) for each instance of ``target``."""
    if target == "lm_head":
        if model.config.tie_word_embeddings:
            raise ValueError(
                "[lora] target_modules: lm_head is tied to the input embeddings in this model"
            )
        yield "lm_head", model
        return
    for index, layer in enumerate(model.model.layers):
        section = PROJECTIONS[target]
        yield f"model.layers.{index}.{section}.{target}", getattr(layer, section)


def apply_lora(model: LlamaForCausalLM, settings: LoraSettings, *, seed: int) -> LlamaForCausalLM:
    """Wrap each targeted projection of ``model`` (in place) in a LoraProjection; returns it."""
    check_settings(settings)
    rngs = nnx.Rngs(params=seed)
    for target in settings.target_modules:
        for _, parent in _targets(model, target):
            base = getattr(parent, target)
            if isinstance(base, LoraProjection):
                raise ValueError(f"{target} already has a LoRA adapter")
            setattr(parent, target, LoraProjection(base, settings, rngs=rngs))
    return model


def lora_state(model: LlamaForCausalLM) -> nnx.State:
    """The adapter parameters of ``model`` (its only trainable state)."""
    return nnx.state(model, nnx.LoRAParam)


def _peft_key(name: str, factor: str) -> str:
    return f"base_model.model.{name}.lora_{factor}.weight"


def save_peft_adapter(
    model: LlamaForCausalLM,
    settings: LoraSettings,
    directory: Path,
    *,
    base_model: str | None = None,
) -> Path:
    """Write the adapters in peft's layout to ``directory``; returns it."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, np.ndarray] = {}
    for target in settings.target_modules:
        for name, parent in _targets(model, target):
            module = getattr(parent, target)
            # peft stores A as (r, in) and B as (out, r): torch's (out, in) convention.
            tensors[_peft_key(name, "A")] = np.asarray(module.lora.lora_a[...]).T.copy()
            tensors[_peft_key(name, "B")] = np.asarray(module.lora.lora_b[...]).T.copy()
    save_file(tensors, str(directory / "adapter_model.safetensors"))
    config = {
        "peft_type": "LORA",
        "task_type": "CAUSAL_LM",
        "r": settings.r,
        "lora_alpha": settings.alpha,
        "lora_dropout": settings.dropout,
        "target_modules": list(settings.target_modules),
        "bias": "none",
        "fan_in_fan_out": False,
        "inference_mode": True,
        "base_model_name_or_path": base_model,
    }
    (directory / "adapter_config.json").write_text(
        json.dumps(config, indent=2) + "\n", encoding="utf-8"
    )
    return directory


def read_peft_settings(directory: Path) -> LoraSettings:
    """The LoraSettings of a peft adapter directory."""
    file = Path(directory) / "adapter_config.json"
    if not file.is_file():
        raise DataError("no adapter_config.json in the adapter directory", path=str(directory))
    raw = json.loads(file.read_text(encoding="utf-8"))
    if raw.get("peft_type", "LORA") != "LORA":
        raise DataError(
            f"peft_type {raw.get('peft_type')!r} is not LORA", path=str(file), field="peft_type"
        )
    targets = raw.get("target_modules") or ()
    if isinstance(targets, str):
        raise DataError(
            "target_modules as a regular expression is not supported",
            path=str(file),
            field="target_modules",
        )
    try:
        settings = LoraSettings(
            r=int(raw["r"]),
            alpha=float(raw.get("lora_alpha", raw["r"])),
            dropout=float(raw.get("lora_dropout", 0.0)),
            target_modules=tuple(sorted(targets)),
        )
        check_settings(settings)
        return settings
    except (KeyError, ValueError) as exc:
        raise DataError(f"bad adapter config: {exc}", path=str(file)) from exc


def load_peft_adapter(model: LlamaForCausalLM, directory: Path, *, seed: int = 0) -> LoraSettings:
    """Attach the peft adapter in ``directory`` to ``model`` (in place); returns its settings."""
    directory = Path(directory)
    settings = read_peft_settings(directory)
    apply_lora(model, settings, seed=seed)
    file = directory / "adapter_model.safetensors"
    if not file.is_file():
        raise DataError(
            "no adapter_model.safetensors in the adapter directory", path=str(directory)
        )
    tensors = load_file(str(file))
    for target in settings.target_modules:
        for name, parent in _targets(model, target):
            module = getattr(parent, target).lora
            for factor, variable in (("A", module.lora_a), ("B", module.lora_b)):
                key = _peft_key(name, factor)
                # peft may or may not keep the adapter name in the key.
                found = tensors.get(key, tensors.get(key.replace(".weight", ".default.weight")))
                if found is None:
                    raise DataError(f"the adapter has no tensor {key!r}", path=str(file))
                if found.T.shape != variable.shape:
                    raise DataError(
                        f"tensor {key!r} has shape {found.shape}, "
                        f"the model needs {variable.shape[::-1]}",
                        path=str(file),
                    )
                variable[...] = jnp.asarray(found.T, dtype=variable.dtype)
    return settings


def trainable_count(model: LlamaForCausalLM) -> tuple[int, int]:
    """(adapter parameters, all parameters) of ``model``."""
    leaves = lambda state: sum(int(np.prod(x.shape)) for x in jax.tree.leaves(state))  # noqa: E731
    return leaves(nnx.state(model, nnx.LoRAParam)), leaves(nnx.state(model, nnx.Param))
