"""The JAX implementations of the built-in loss terms.

The same definitions as :mod:`effiskel_losses.torch_terms`: labels are aligned with the input ids
(the Hugging Face convention), the logits at position ``t`` predict ``labels[t + 1]``, ``-100``
marks positions without loss, and cross-entropy is taken in float32. The functions are traced
inside the trainer's ``jax.jit``-compiled step; when the context memoises per-token losses
(``ctx.token_nll(stream)``, as effiskel-jax's does), ``code`` and ``mask`` share one
cross-entropy over the vocabulary.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import optax

IGNORE_INDEX = -100


def token_nll(logits: jax.Array, labels: jax.Array) -> jax.Array:
    """Per-position next-token loss, shape ``[batch, length - 1]``; 0 where the label is -100."""
    targets = labels[:, 1:]
    valid = targets != IGNORE_INDEX
    nll = optax.softmax_cross_entropy_with_integer_labels(
        logits[:, :-1, :].astype(jnp.float32), jnp.where(valid, targets, 0)
    )
    return jnp.where(valid, nll, 0.0)


def _nll(ctx: Any, stream: str) -> jax.Array:
    memo = getattr(ctx, "token_nll", None)
    if memo is not None:
        return memo(stream)
    return token_nll(ctx.logits(stream), ctx.batch[f"{stream}_labels"])


def code(ctx: Any) -> tuple[jax.Array, jax.Array]:
    """Cross-entropy of the code target, summed over its tokens; weight = the token count."""
    valid = (ctx.batch["code_labels"][:, 1:] != IGNORE_INDEX).astype(jnp.float32)
    return jnp.sum(_nll(ctx, "code") * valid), jnp.sum(valid)


def skeleton(ctx: Any) -> tuple[jax.Array, jax.Array]:
    """Cross-entropy of the rendered skeleton; reads only the skeleton stream."""
    valid = (ctx.batch["skeleton_labels"][:, 1:] != IGNORE_INDEX).astype(jnp.float32)
    return jnp.sum(_nll(ctx, "skeleton") * valid), jnp.sum(valid)


def mask(ctx: Any) -> tuple[jax.Array, jax.Array]:
    """Cross-entropy of the code target weighted by the skeleton mask; weight = the mask's sum."""
    weights = ctx.batch["code_mask_weights"][:, 1:].astype(jnp.float32)
    # Prompt and padding positions have weight 0 already; the product keeps it exact.
    return jnp.sum(_nll(ctx, "code") * weights), jnp.sum(weights)
