"""Sampling completions from an adapter (or a plain local Llama) with the training prompt format.

The settings are the torch backend's (all optional):

``n``               completions per prompt (default 1);
``temperature``     0 (the default) decodes greedily, which gives one completion: n must be 1;
``top_p``           nucleus sampling threshold (default 1.0: off);
``max_new_tokens``  default 512;
``seed``            seeds the sampling (default 0), so a call is repeatable;
``batch_size``      prompts per decoding batch (default 8);
``raw``             true: the prompts are complete texts, used as they are (no prompt format);
``dtype``           float32 (default), bfloat16 or float16.

A prompt is the task part of the prompt (:func:`effiskel.training_data.task_prompt`), rendered
with the code task's tag and encoded exactly as in training
(:func:`effiskel.training_data.encode_prompt`). Prompts are left-padded into a batch; the whole
decoding loop (prefill, then one token at a time into a fixed-length key/value cache) is one
``jax.jit``-compiled ``while_loop`` that stops when every row has produced EOS.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from effiskel.errors import EffiskelError
from effiskel.training_data import encode_prompt

from .hf_checkpoint import load_llama
from .llama import LlamaForCausalLM
from .lora import load_peft_adapter
from .tokenizer import load_tokenizer, pad_id
from .trainer import DTYPES, METADATA

SETTINGS = {"n", "temperature", "top_p", "max_new_tokens", "seed", "batch_size", "raw", "dtype"}
#: Prompt widths are rounded up to a multiple of this, so few shapes get compiled.
PROMPT_BUCKET = 16


def check_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings with their defaults filled in; a bad one is an error naming it."""
    unknown = sorted(set(settings) - SETTINGS)
    if unknown:
        raise EffiskelError(
            f"unknown generation settings {unknown}; known: {', '.join(sorted(SETTINGS))}"
        )
    s = {
        "n": 1,
        "temperature": 0.0,
        "top_p": 1.0,
        "max_new_tokens": 512,
        "seed": 0,
        "batch_size": 8,
        "raw": False,
        "dtype": "float32",
        **settings,
    }
    for key in ("n", "max_new_tokens", "batch_size"):
        if isinstance(s[key], bool) or not isinstance(s[key], int) or s[key] < 1:
            raise EffiskelError(
                f"generation setting {key} must be a positive integer, got {s[key]!r}"
            )
    if s["temperature"] < 0 or not 0 < s["top_p"] <= 1:
        raise EffiskelError("generation needs temperature >= 0 and 0 < top_p <= 1")
    if s["temperature"] == 0 and s["n"] > 1:
        raise EffiskelError(
            f"greedy decoding (temperature 0) gives one completion, not n={s['n']}; "
            "set a temperature above 0 to sample several"
        )
    if s["dtype"] not in DTYPES:
        raise EffiskelError(f"generation setting dtype must be one of {', '.join(DTYPES)}")
    return s


def load_for_generation(checkpoint: Path, dtype: str = "float32") -> tuple[LlamaForCausalLM, Any]:
    """The model (base + adapter when ``checkpoint`` is a peft adapter) and its tokenizer."""
    folder = Path(checkpoint)
    if not folder.is_dir():
        raise EffiskelError(f"the checkpoint {str(folder)!r} is not a directory")
    jdtype = DTYPES[dtype]
    if (folder / "adapter_config.json").is_file():
        meta = folder / METADATA
        if meta.is_file():
            base = Path(json.loads(meta.read_text(encoding="utf-8"))["base_model"])
        else:
            base_name = json.loads(
                (folder / "adapter_config.json").read_text(encoding="utf-8")
            ).get("base_model_name_or_path")
            if not base_name:
                raise EffiskelError(
                    f"the adapter in {folder} does not say which base model it belongs to"
                )
            base = Path(base_name)
        model = load_llama(base, dtype=jdtype, param_dtype=jdtype)
        load_peft_adapter(model, folder)
        has_tokenizer = (folder / "tokenizer.json").is_file() or (
            folder / "tokenizer_config.json"
        ).is_file()
        tokenizer = load_tokenizer(folder if has_tokenizer else base)
    else:
        model, tokenizer = (
            load_llama(folder, dtype=jdtype, param_dtype=jdtype),
            load_tokenizer(folder),
        )
    return model, tokenizer


def pick_token(logits: jax.Array, key: jax.Array, temperature: float, top_p: float) -> jax.Array:
    """The next token of each row: argmax when ``temperature`` is 0, else a nucleus sample."""
    if temperature == 0:
        return jnp.argmax(logits, axis=-1)
    scaled = logits.astype(jnp.float32) / temperature
    if top_p < 1.0:
        order = jnp.argsort(-scaled, axis=-1)
        sorted_logits = jnp.take_along_axis(scaled, order, axis=-1)
        probs = jax.nn.softmax(sorted_logits, axis=-1)
        # Keep the smallest prefix whose probability reaches top_p (the first token always).
        keep_sorted = (jnp.cumsum(probs, axis=-1) - probs) < top_p
        keep = (
            jnp.zeros_like(keep_sorted)
            .at[jnp.arange(scaled.shape[0])[:, None], order]
            .set(keep_sorted)
        )
        scaled = jnp.where(keep, scaled, -jnp.inf)
    return jax.random.categorical(key, scaled, axis=-1)


@partial(
    jax.jit, static_argnames=("graphdef", "max_new_tokens", "temperature", "top_p", "eos", "pad")
)
def _decode(graphdef, state, ids, mask, key, *, max_new_tokens, temperature, top_p, eos, pad):
    model = nnx.merge(graphdef, state)
    batch, width = ids.shape
    cache = model.empty_cache(batch, width + max_new_tokens)
    key_valid = jnp.concatenate([mask, jnp.ones((batch, max_new_tokens), mask.dtype)], axis=1)
    positions = jnp.maximum(jnp.cumsum(mask, axis=1) - 1, 0)
    logits, cache = model(ids, positions=positions, cache=cache, cache_index=0, key_valid=key_valid)
    out = jnp.full((batch, max_new_tokens), pad, dtype=ids.dtype)
    carry = (0, cache, logits[:, -1], positions[:, -1] + 1, jnp.zeros((batch,), bool), out, key)

    def keep_going(carry):
        i, _, _, _, done, _, _ = carry
        return (i < max_new_tokens) & ~jnp.all(done)

    def step(carry):
        i, cache, last, pos, done, out, key = carry
        key, sub = jax.random.split(key)
        token = jnp.where(done, pad, pick_token(last, sub, temperature, top_p)).astype(ids.dtype)
        out = out.at[:, i].set(token)
        done = done | (token == eos)
        logits, cache = model(
            token[:, None],
            positions=pos[:, None],
            cache=cache,
            cache_index=width + i,
            key_valid=key_valid,
        )
        return i + 1, cache, logits[:, -1], pos + 1, done, out, key

    return jax.lax.while_loop(keep_going, step, carry)[5]


def generate(
    checkpoint: Path, prompts: Sequence[str], settings: Mapping[str, Any]
) -> list[list[str]]:
    """For each prompt, ``n`` completions (the text after the prompt, up to EOS)."""
    s = check_settings(settings)
    model, tokenizer = load_for_generation(Path(checkpoint), s["dtype"])
    graphdef, state = nnx.split(model)
    pad, eos = pad_id(tokenizer), tokenizer.eos_token_id
    if eos is None:
        raise EffiskelError("the tokenizer has no EOS token: generation would never stop")
    results: list[list[str]] = []
    for start in range(0, len(prompts), s["batch_size"]):
        chunk = prompts[start : start + s["batch_size"]]
        encoded = [
            list(tokenizer(p, add_special_tokens=True)["input_ids"])
            if s["raw"]
            else encode_prompt(tokenizer, p, "code")
            for p in chunk
        ]
        width = -(-max(len(e) for e in encoded) // PROMPT_BUCKET) * PROMPT_BUCKET
        if width + s["max_new_tokens"] > model.config.max_position_embeddings:
            raise EffiskelError(
                f"a prompt of {width} tokens plus max_new_tokens {s['max_new_tokens']} "
                "exceeds the model's "
                f"max_position_embeddings {model.config.max_position_embeddings}"
            )
        # Left padding: every prompt ends where generation starts; each prompt is repeated n times.
        rows = [e for e in encoded for _ in range(s["n"])]
        ids = np.full((len(rows), width), pad, dtype=np.int32)
        mask = np.zeros((len(rows), width), dtype=np.int32)
        for row, e in enumerate(rows):
            ids[row, width - len(e) :] = e
            mask[row, width - len(e) :] = 1
        new = np.asarray(
            _decode(
                graphdef,
                state,
                jnp.asarray(ids),
                jnp.asarray(mask),
                jax.random.key(int(s["seed"]) + start),
                max_new_tokens=int(s["max_new_tokens"]),
                temperature=float(s["temperature"]),
                top_p=float(s["top_p"]),
                eos=int(eos),
                pad=int(pad),
            )
        ).tolist()
        for index in range(len(chunk)):
            texts = []
            for sample in new[index * s["n"] : (index + 1) * s["n"]]:
                if eos in sample:
                    sample = sample[: sample.index(eos)]
                texts.append(tokenizer.decode(sample, skip_special_tokens=True))
            results.append(texts)
    return results
