"""The torch implementations of the built-in loss terms.

Labels are aligned with the input ids (the Hugging Face convention): the logits at position
``t`` predict ``labels[t + 1]``; ``-100`` marks positions without loss. Cross-entropy is taken
in float32 whatever the model's dtype. When the context memoises per-token losses
(``ctx.token_nll(stream)``, as effiskel-torch's does), ``code`` and ``mask`` share one
cross-entropy over the vocabulary instead of computing it twice. Each function also has a
``weight(batch)`` attribute giving its weight without a forward pass (see the end of the module).
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


def _label_count(stream: str) -> Any:
    def weight(batch: Any) -> torch.Tensor:
        return (batch[f"{stream}_labels"][:, 1:] != IGNORE_INDEX).float().sum()

    return weight


def _mask_weight(batch: Any) -> torch.Tensor:
    return batch["code_mask_weights"][:, 1:].float().sum()


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


# Each term's weight depends on the batch alone: the trainer sums it over all micro-batches of
# an optimizer step first, so gradient accumulation normalises exactly as one big batch would.
code.weight = _label_count("code")  # type: ignore[attr-defined]
skeleton.weight = _label_count("skeleton")  # type: ignore[attr-defined]
mask.weight = _mask_weight  # type: ignore[attr-defined]
