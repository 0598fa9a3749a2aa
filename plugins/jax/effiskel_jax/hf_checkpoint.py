"""Loading a Hugging Face Llama checkpoint directory (``config.json`` + safetensors) into NNX.

The tensors are read with ``safetensors.flax`` (no torch; numpy has no bfloat16, so not
``safetensors.numpy``), one file or a sharded set listed in
``model.safetensors.index.json``. Linear weights are stored ``(out, in)`` by torch and transposed
to flax's ``(in, out)``. Every tensor of the model must be found with the right shape, and every
tensor of the file must be used: a mismatch is a DataError naming the tensor and the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jax
import jax.numpy as jnp
from flax import nnx
from safetensors.flax import load_file

from effiskel.errors import DataError

from .llama import LlamaConfig, LlamaForCausalLM, inverse_frequencies

_LINEAR_LEAVES = {"weight": "kernel", "bias": "bias"}


def read_config(path: Path) -> LlamaConfig:
    """The LlamaConfig of the checkpoint directory ``path``."""
    path = Path(path)
    if not path.is_dir():
        raise DataError(
            f"model path {str(path)!r} is not a directory (no weights are ever downloaded)"
        )
    config_file = path / "config.json"
    if not config_file.is_file():
        raise DataError("no config.json in the model directory", path=str(path))
    try:
        raw = json.loads(config_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc}", path=str(config_file)) from exc
    return LlamaConfig.from_dict(raw, source=str(config_file))


def read_tensors(path: Path) -> dict[str, tuple[jax.Array, str]]:
    """Every tensor of the checkpoint, by name, with the file it came from."""
    path = Path(path)
    index = path / "model.safetensors.index.json"
    if index.is_file():
        try:
            files = sorted(
                set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values())
            )
        except (json.JSONDecodeError, KeyError, AttributeError) as exc:
            raise DataError(f"malformed safetensors index: {exc}", path=str(index)) from exc
    elif (path / "model.safetensors").is_file():
        files = ["model.safetensors"]
    else:
        raise DataError(
            "no model.safetensors (or model.safetensors.index.json) in the model directory",
            path=str(path),
        )
    tensors: dict[str, tuple[jax.Array, str]] = {}
    for name in files:
        file = path / name
        if not file.is_file():
            raise DataError("a shard listed in the index is missing", path=str(file))
        for key, value in load_file(str(file)).items():
            tensors[key] = (value, str(file))
    return tensors


def _hf_name(path: tuple[Any, ...]) -> tuple[str, bool]:
    """The checkpoint tensor name of an NNX parameter path, and whether it is stored transposed."""
    *parents, leaf = (str(p) for p in path)
    if leaf == "embedding":
        return ".".join(parents) + ".weight", False
    if leaf == "kernel":
        return ".".join(parents) + ".weight", True
    return ".".join([*parents, leaf]), False


def load_llama(
    path: Path | str, *, dtype: Any = jnp.float32, param_dtype: Any = jnp.float32
) -> LlamaForCausalLM:
    """The model stored in the Hugging Face checkpoint directory ``path``.

    ``param_dtype`` is the dtype the weights are kept in, ``dtype`` the one computations run in
    (``bfloat16`` for both on an accelerator; float32 to match torch to 1e-4).
    """
    path = Path(path)
    config = read_config(path)
    abstract = nnx.eval_shape(
        lambda: LlamaForCausalLM(config, dtype=dtype, param_dtype=param_dtype, rngs=nnx.Rngs(0))
    )
    graphdef, params, rest = nnx.split(abstract, nnx.Param, ...)
    tensors = read_tensors(path)
    used: set[str] = set()
    flat = []
    for param_path, variable in nnx.to_flat_state(params):
        name, transposed = _hf_name(param_path)
        if name not in tensors:
            raise DataError(f"the checkpoint has no tensor {name!r}", path=str(path))
        array, file = tensors[name]
        needed = tuple(variable.shape)[::-1] if transposed else tuple(variable.shape)
        if tuple(array.shape) != needed:
            raise DataError(
                f"tensor {name!r} has shape {tuple(array.shape)}, the config needs {needed}",
                path=file,
            )
        if transposed:
            array = array.T
        used.add(name)
        flat.append((param_path, variable.replace(jnp.asarray(array, dtype=param_dtype))))
    unused = sorted(
        set(tensors) - used - {"lm_head.weight"}
        if config.tie_word_embeddings
        else set(tensors) - used
    )
    # Rotary frequencies are recomputed from the config, never read.
    unused = [n for n in unused if not n.endswith("rotary_emb.inv_freq")]
    if unused:
        raise DataError(
            f"the checkpoint has tensors this Llama config does not use: {', '.join(unused[:5])}"
            + (" ..." if len(unused) > 5 else ""),
            path=str(path),
        )
    inv_freq = [
        (p, v.replace(jnp.asarray(inverse_frequencies(config)))) for p, v in nnx.to_flat_state(rest)
    ]
    return nnx.merge(graphdef, nnx.from_flat_state(flat), nnx.from_flat_state(inv_freq))
