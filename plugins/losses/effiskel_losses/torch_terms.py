"""The torch implementations of the built-in loss terms.

Labels are aligned with the input ids (the Hugging Face convention): the logits at position
``t`` predict ``labels[t + 1]``; ``-100`` marks positions without loss. Cross-entropy is taken
in float32 whatever the model's dtype. When the context memoises per-token losses
(``ctx.token_nll(stream)``, as effiskel-torch's does), ``code`` and ``mask`` share one
cross-entropy over the vocabulary instead of computing it twice.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

IGNORE_INDEX = -100


def token_nll(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Per-position next-token loss, shape ``[batch, length - 1]``; 0 where the label is -100."""
    shifted = logits[:, :-1, :]
    targets = labels[:, 1:]
    nll = F.cross_entropy(
        shifted.reshape(-1, shifted.shape[-1]).float(),
        targets.reshape(-1),
        ignore_index=IGNORE_INDEX,
        reduction="none",
    )
    return nll.view(targets.shape)


def _nll(ctx: Any, stream: str) -> torch.Tensor:
    memo = getattr(ctx, "token_nll", None)
    if memo is not None:
        return memo(stream)
    return token_nll(ctx.logits(stream), ctx.batch[f"{stream}_labels"])


def code(ctx: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """Cross-entropy of the code target, summed over its tokens; weight = the token count."""
    valid = (ctx.batch["code_labels"][:, 1:] != IGNORE_INDEX).float()
    return (_nll(ctx, "code") * valid).sum(), valid.sum()


def skeleton(ctx: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """Cross-entropy of the rendered skeleton; reads only the skeleton stream."""
    valid = (ctx.batch["skeleton_labels"][:, 1:] != IGNORE_INDEX).float()
    return (_nll(ctx, "skeleton") * valid).sum(), valid.sum()


def mask(ctx: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """Cross-entropy of the code target weighted by the skeleton mask; weight = the mask's sum."""
    weights = ctx.batch["code_mask_weights"][:, 1:].float()
    # Labels of -100 have weight 0 already (padding and prompt); the product keeps it exact.
    return (_nll(ctx, "code") * weights).sum(), weights.sum()
