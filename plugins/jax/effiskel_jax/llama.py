"""A Llama-family causal decoder in flax NNX, numerically transformers' LlamaForCausalLM.

transformers 5 ships no Flax models, so this is effiskel's own: RMSNorm, rotary position
embeddings (``default``, ``linear`` and ``llama3`` rope types), grouped-query attention, the
SwiGLU MLP, tied or untied output embeddings. Parameter names and layouts follow the Hugging Face
checkpoint (``model.layers.N.self_attn.q_proj`` ...) with kernels transposed to flax's
``(in, out)``, so :mod:`effiskel_jax.hf_checkpoint` can load a checkpoint by name.

The forward pass takes an optional key/value cache as a plain pytree (one ``(keys, values)`` pair
per layer, fixed length) and returns the updated cache, so generation can run inside one
``jax.jit``-compiled loop.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from effiskel.errors import DataError

#: Per layer, the keys and values so far: two ``[batch, cache_len, kv_heads, head_dim]`` arrays.
LayerCache = tuple[jax.Array, jax.Array]

_ROPE_TYPES = ("default", "linear", "llama3")


@attrs.frozen
class LlamaConfig:
    """The architecture of a Llama checkpoint, read from its ``config.json``."""

    vocab_size: int
    hidden_size: int
    intermediate_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    head_dim: int
    rms_norm_eps: float = 1e-6
    rope_theta: float = 10000.0
    #: ``rope_type`` and its parameters (``factor``, ...) as sorted (key, value) pairs: hashable,
    #: because the config is part of the static graph definition ``jax.jit`` keys on.
    rope_parameters: tuple[tuple[str, Any], ...] = attrs.field(
        default=(("rope_type", "default"),), converter=lambda p: tuple(sorted(dict(p).items()))
    )
    tie_word_embeddings: bool = False
    attention_bias: bool = False
    mlp_bias: bool = False
    max_position_embeddings: int = 2048
    bos_token_id: int | None = None
    eos_token_id: tuple[int, ...] = ()
    pad_token_id: int | None = None

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], *, source: str = "config.json") -> LlamaConfig:
        """Read a Hugging Face ``config.json`` mapping; what this decoder cannot run: DataError."""

        def need(key: str) -> Any:
            if key not in raw or raw[key] is None:
                raise DataError(f"missing required key {key!r}", path=source, field=key)
            return raw[key]

        model_type = raw.get("model_type")
        if model_type != "llama":
            raise DataError(
                f"model_type is {model_type!r}; the JAX backend runs Llama checkpoints "
                "(model_type 'llama')",
                path=source,
                field="model_type",
            )
        act = raw.get("hidden_act", "silu")
        if act != "silu":
            raise DataError(
                f"hidden_act {act!r} is not supported (only 'silu')",
                path=source,
                field="hidden_act",
            )
        if raw.get("pretraining_tp", 1) not in (None, 1):
            raise DataError(
                "pretraining_tp > 1 is not supported", path=source, field="pretraining_tp"
            )
        hidden = int(need("hidden_size"))
        heads = int(need("num_attention_heads"))
        kv_heads = int(raw.get("num_key_value_heads") or heads)
        if heads % kv_heads:
            raise DataError(
                f"num_attention_heads {heads} is not a multiple of num_key_value_heads {kv_heads}",
                path=source,
                field="num_key_value_heads",
            )
        head_dim = int(raw.get("head_dim") or hidden // heads)
        rope, theta = _rope_parameters(raw, source)
        eos = raw.get("eos_token_id")
        eos_ids = (
            () if eos is None else tuple(int(e) for e in (eos if isinstance(eos, list) else [eos]))
        )
        return cls(
            vocab_size=int(need("vocab_size")),
            hidden_size=hidden,
            intermediate_size=int(need("intermediate_size")),
            num_hidden_layers=int(need("num_hidden_layers")),
            num_attention_heads=heads,
            num_key_value_heads=kv_heads,
            head_dim=head_dim,
            rms_norm_eps=float(raw.get("rms_norm_eps", 1e-6)),
            rope_theta=theta,
            rope_parameters=rope,
            tie_word_embeddings=bool(raw.get("tie_word_embeddings", False)),
            attention_bias=bool(raw.get("attention_bias", False)),
            mlp_bias=bool(raw.get("mlp_bias", False)),
            max_position_embeddings=int(raw.get("max_position_embeddings", 2048)),
            bos_token_id=raw.get("bos_token_id"),
            eos_token_id=eos_ids,
            pad_token_id=raw.get("pad_token_id"),
        )


def _rope_parameters(raw: Mapping[str, Any], source: str) -> tuple[dict[str, Any], float]:
    """The rope type and parameters: transformers 5's ``rope_parameters`` or the older keys."""
    params = raw.get("rope_parameters")
    if params is None:
        # transformers 4 wrote ``rope_theta`` and ``rope_scaling`` (with ``type`` or ``rope_type``).
        params = dict(raw.get("rope_scaling") or {})
        params.setdefault("rope_theta", raw.get("rope_theta", 10000.0))
        if "type" in params and "rope_type" not in params:
            params["rope_type"] = params.pop("type")
    params = dict(params)
    params.setdefault("rope_type", "default")
    kind = params["rope_type"]
    if kind not in _ROPE_TYPES:
        raise DataError(
            f"rope type {kind!r} is not supported (supported: {', '.join(_ROPE_TYPES)})",
            path=source,
            field="rope_parameters",
        )
    if params.get("partial_rotary_factor", 1.0) != 1.0:
        raise DataError(
            "partial_rotary_factor is not supported", path=source, field="rope_parameters"
        )
    return params, float(params.get("rope_theta", raw.get("rope_theta", 10000.0)))


def inverse_frequencies(config: LlamaConfig) -> np.ndarray:
    """RoPE's inverse frequencies in float32, computed as transformers computes them."""
    dim = config.head_dim
    inv = (
        1.0 / (config.rope_theta ** (np.arange(0, dim, 2, dtype=np.int64).astype(np.float32) / dim))
    ).astype(np.float32)
    params = dict(config.rope_parameters)
    kind = params["rope_type"]
    if kind == "linear":
        inv = inv / np.float32(params["factor"])
    elif kind == "llama3":
        factor = float(params["factor"])
        low, high = float(params["low_freq_factor"]), float(params["high_freq_factor"])
        old_len = float(params["original_max_position_embeddings"])
        low_wavelen, high_wavelen = old_len / low, old_len / high
        wavelen = 2 * math.pi / inv
        scaled = np.where(wavelen > low_wavelen, inv / factor, inv)
        smooth = (old_len / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wavelen < high_wavelen) & ~(wavelen > low_wavelen)
        inv = np.where(medium, smoothed, scaled).astype(np.float32)
    return inv


def rotary(positions: jax.Array, inv_freq: jax.Array, dtype: Any) -> tuple[jax.Array, jax.Array]:
    """``cos`` and ``sin`` ``[batch, seq, head_dim]`` for integer ``positions`` ``[batch, seq]``."""
    freqs = positions.astype(jnp.float32)[..., None] * inv_freq
    emb = jnp.concatenate([freqs, freqs], axis=-1)
    return jnp.cos(emb).astype(dtype), jnp.sin(emb).astype(dtype)


def _rotate_half(x: jax.Array) -> jax.Array:
    half = x.shape[-1] // 2
    return jnp.concatenate([-x[..., half:], x[..., :half]], axis=-1)


def apply_rotary(x: jax.Array, cos: jax.Array, sin: jax.Array) -> jax.Array:
    """Rotate ``x`` ``[batch, seq, heads, head_dim]`` by the position angles."""
    return x * cos[:, :, None, :] + _rotate_half(x) * sin[:, :, None, :]


class RMSNorm(nnx.Module):
    """Root-mean-square norm in float32, scaled by ``weight`` after casting back (as Llama does)."""

    def __init__(self, size: int, eps: float, *, param_dtype: Any = jnp.float32) -> None:
        self.weight = nnx.Param(jnp.ones((size,), dtype=param_dtype))
        self.eps = eps

    def __call__(self, x: jax.Array) -> jax.Array:
        h = x.astype(jnp.float32)
        h = h * jax.lax.rsqrt(jnp.mean(h * h, axis=-1, keepdims=True) + self.eps)
        return self.weight[...] * h.astype(x.dtype)


def project(module: nnx.Module, x: jax.Array, key: jax.Array | None) -> jax.Array:
    """Apply a projection; LoRA-wrapped projections take the dropout key, plain ones do not."""
    if getattr(module, "takes_dropout_key", False):
        return module(x, key=key)
    return module(x)


def _fold(key: jax.Array | None, salt: int) -> jax.Array | None:
    return None if key is None else jax.random.fold_in(key, salt)


class Attention(nnx.Module):
    """Grouped-query self-attention with rotary embeddings and an optional fixed-length cache."""

    def __init__(
        self, config: LlamaConfig, *, dtype: Any, param_dtype: Any, rngs: nnx.Rngs
    ) -> None:
        def linear(i: int, o: int) -> nnx.Linear:
            return nnx.Linear(
                i,
                o,
                use_bias=config.attention_bias,
                dtype=dtype,
                param_dtype=param_dtype,
                rngs=rngs,
            )

        h, kv, d = config.num_attention_heads, config.num_key_value_heads, config.head_dim
        self.q_proj = linear(config.hidden_size, h * d)
        self.k_proj = linear(config.hidden_size, kv * d)
        self.v_proj = linear(config.hidden_size, kv * d)
        self.o_proj = linear(h * d, config.hidden_size)
        self.heads, self.kv_heads, self.head_dim = h, kv, d

    def __call__(
        self,
        x: jax.Array,
        cos: jax.Array,
        sin: jax.Array,
        allowed: jax.Array,
        *,
        cache: LayerCache | None,
        cache_index: jax.Array | int,
        key: jax.Array | None,
    ) -> tuple[jax.Array, LayerCache | None]:
        b, t, _ = x.shape
        q = project(self.q_proj, x, _fold(key, 0)).reshape(b, t, self.heads, self.head_dim)
        k = project(self.k_proj, x, _fold(key, 1)).reshape(b, t, self.kv_heads, self.head_dim)
        v = project(self.v_proj, x, _fold(key, 2)).reshape(b, t, self.kv_heads, self.head_dim)
        q, k = apply_rotary(q, cos, sin), apply_rotary(k, cos, sin)
        if cache is not None:
            k = jax.lax.dynamic_update_slice(
                cache[0], k.astype(cache[0].dtype), (0, cache_index, 0, 0)
            )
            v = jax.lax.dynamic_update_slice(
                cache[1], v.astype(cache[1].dtype), (0, cache_index, 0, 0)
            )
            cache = (k, v)
        groups = self.heads // self.kv_heads
        qg = q.reshape(b, t, self.kv_heads, groups, self.head_dim)
        scores = jnp.einsum("btkgd,bskd->bkgts", qg, k.astype(q.dtype)) * (self.head_dim**-0.5)
        scores = jnp.where(allowed[:, None, None, :, :], scores, jnp.finfo(scores.dtype).min)
        probs = jax.nn.softmax(scores.astype(jnp.float32), axis=-1).astype(q.dtype)
        out = jnp.einsum("bkgts,bskd->btkgd", probs, v.astype(q.dtype)).reshape(
            b, t, self.heads * self.head_dim
        )
        return project(self.o_proj, out, _fold(key, 3)), cache


class MLP(nnx.Module):
    """SwiGLU: ``down(silu(gate(x)) * up(x))``."""

    def __init__(
        self, config: LlamaConfig, *, dtype: Any, param_dtype: Any, rngs: nnx.Rngs
    ) -> None:
        def linear(i: int, o: int) -> nnx.Linear:
            return nnx.Linear(
                i, o, use_bias=config.mlp_bias, dtype=dtype, param_dtype=param_dtype, rngs=rngs
            )

        self.gate_proj = linear(config.hidden_size, config.intermediate_size)
        self.up_proj = linear(config.hidden_size, config.intermediate_size)
        self.down_proj = linear(config.intermediate_size, config.hidden_size)

    def __call__(self, x: jax.Array, key: jax.Array | None) -> jax.Array:
        gate = project(self.gate_proj, x, _fold(key, 4))
        up = project(self.up_proj, x, _fold(key, 5))
        return project(self.down_proj, jax.nn.silu(gate) * up, _fold(key, 6))


class DecoderLayer(nnx.Module):
    def __init__(
        self, config: LlamaConfig, *, dtype: Any, param_dtype: Any, rngs: nnx.Rngs
    ) -> None:
        self.self_attn = Attention(config, dtype=dtype, param_dtype=param_dtype, rngs=rngs)
        self.mlp = MLP(config, dtype=dtype, param_dtype=param_dtype, rngs=rngs)
        self.input_layernorm = RMSNorm(
            config.hidden_size, config.rms_norm_eps, param_dtype=param_dtype
        )
        self.post_attention_layernorm = RMSNorm(
            config.hidden_size, config.rms_norm_eps, param_dtype=param_dtype
        )

    def __call__(self, x, cos, sin, allowed, *, cache, cache_index, key):
        attn, cache = self.self_attn(
            self.input_layernorm(x),
            cos,
            sin,
            allowed,
            cache=cache,
            cache_index=cache_index,
            key=key,
        )
        x = x + attn
        x = x + self.mlp(self.post_attention_layernorm(x), key)
        return x, cache


class LlamaModel(nnx.Module):
    """The decoder stack (``model.*`` in a Hugging Face checkpoint)."""

    def __init__(
        self, config: LlamaConfig, *, dtype: Any, param_dtype: Any, rngs: nnx.Rngs
    ) -> None:
        self.embed_tokens = nnx.Embed(
            config.vocab_size, config.hidden_size, dtype=dtype, param_dtype=param_dtype, rngs=rngs
        )
        self.layers = nnx.List(
            [
                DecoderLayer(config, dtype=dtype, param_dtype=param_dtype, rngs=rngs)
                for _ in range(config.num_hidden_layers)
            ]
        )
        self.norm = RMSNorm(config.hidden_size, config.rms_norm_eps, param_dtype=param_dtype)


class LlamaForCausalLM(nnx.Module):
    """A Llama causal language model: token ids in, next-token logits out."""

    def __init__(
        self,
        config: LlamaConfig,
        *,
        dtype: Any = jnp.float32,
        param_dtype: Any = jnp.float32,
        rngs: nnx.Rngs,
    ) -> None:
        self.config = config
        self.dtype = dtype
        self.model = LlamaModel(config, dtype=dtype, param_dtype=param_dtype, rngs=rngs)
        if not config.tie_word_embeddings:
            self.lm_head = nnx.Linear(
                config.hidden_size,
                config.vocab_size,
                use_bias=False,
                dtype=dtype,
                param_dtype=param_dtype,
                rngs=rngs,
            )
        self.inv_freq = nnx.Variable(jnp.asarray(inverse_frequencies(config)))

    def __call__(
        self,
        input_ids: jax.Array,
        *,
        attention_mask: jax.Array | None = None,
        positions: jax.Array | None = None,
        cache: list[LayerCache] | None = None,
        cache_index: jax.Array | int = 0,
        key_valid: jax.Array | None = None,
        segment_ids: jax.Array | None = None,
        dropout_key: jax.Array | None = None,
    ) -> tuple[jax.Array, list[LayerCache] | None]:
        """Logits ``[batch, seq, vocab]`` (float32) and the updated cache.

        Without a cache, ``attention_mask`` ``[batch, seq]`` marks the real tokens (padding keys
        are never attended to). With a cache, the new tokens are written at ``cache_index`` and
        ``key_valid`` ``[batch, cache_len]`` marks which cache slots hold real tokens.
        ``positions`` defaults to ``0..seq-1`` as transformers does without ``position_ids``.
        ``segment_ids`` ``[batch, seq]`` (packed rows, no cache) keeps each packed example's
        tokens from attending to another's.
        ``dropout_key`` switches LoRA dropout on (training); ``None`` is the deterministic pass.
        """
        b, t = input_ids.shape
        if positions is None:
            positions = jnp.broadcast_to(jnp.arange(t) + cache_index, (b, t))
        s = t if cache is None else cache[0][0].shape[1]
        if key_valid is None:
            key_valid = jnp.ones((b, s), dtype=bool) if attention_mask is None else attention_mask
        # Query i sits at cache_index + i; it sees keys at or before it that are not padding.
        query_at = cache_index + jnp.arange(t)
        allowed = (jnp.arange(s)[None, :] <= query_at[:, None])[None] & key_valid[
            :, None, :
        ].astype(bool)
        if segment_ids is not None:
            allowed = allowed & (segment_ids[:, :, None] == segment_ids[:, None, :])
        x = self.model.embed_tokens(input_ids)
        cos, sin = rotary(positions, self.inv_freq[...], x.dtype)
        new_cache: list[LayerCache] | None = [] if cache is not None else None
        for i, layer in enumerate(self.model.layers):
            x, layer_cache = layer(
                x,
                cos,
                sin,
                allowed,
                cache=None if cache is None else cache[i],
                cache_index=cache_index,
                key=_fold(dropout_key, i),
            )
            if new_cache is not None:
                new_cache.append(layer_cache)
        x = self.model.norm(x)
        if self.config.tie_word_embeddings:
            logits = self.model.embed_tokens.attend(x)
        else:
            logits = project(self.lm_head, x, _fold(dropout_key, len(self.model.layers)))
        return logits.astype(jnp.float32), new_cache

    def empty_cache(self, batch: int, length: int) -> list[LayerCache]:
        """A zeroed cache for ``batch`` sequences of up to ``length`` tokens."""
        c = self.config
        shape = (batch, length, c.num_key_value_heads, c.head_dim)
        return [
            (jnp.zeros(shape, self.dtype), jnp.zeros(shape, self.dtype))
            for _ in range(c.num_hidden_layers)
        ]
