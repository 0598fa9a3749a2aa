"""The summed objective: configured loss terms, their per-step context, data-parallel normalisation.

For each configured term ``i`` with weight ``w_i`` the implementation returns ``(loss_sum_i,
weight_i)`` for this process's micro-batch; the objective is

    total = sum_i w_i * loss_sum_i / max(W_i, eps),   W_i = weight_i summed over all processes,

scaled by the number of processes, because DDP averages gradients: the update then equals the
one a single process would make on the whole global batch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import torch
import torch.distributed as dist

from effiskel.errors import EffiskelError

from .modeling import stream_logits

EPS = 1e-8


class LossContext:
    """What a term's implementation gets: the batch, and memoised logits per stream.

    ``logits(stream)`` runs the model on that stream the first time it is asked for in a step and
    returns the same tensor afterwards, so ``mask`` reuses the ``code`` forward pass;
    ``token_nll(stream)`` memoises the per-position cross-entropy the same way.
    """

    def __init__(self, model: Any, batch: Mapping[str, torch.Tensor], *, packed: bool = False) -> None:
        self.model = model
        self.batch = batch
        self.packed = packed
        self._logits: dict[str, torch.Tensor] = {}
        self._nll: dict[str, torch.Tensor] = {}
        #: The streams a forward pass was run for, in order (for tests and accounting).
        self.forwards: list[str] = []

    def logits(self, stream: str) -> torch.Tensor:
        if stream not in self._logits:
            if f"{stream}_input_ids" not in self.batch:
                raise KeyError(f"the batch has no {stream!r} stream")
            self.forwards.append(stream)
            self._logits[stream] = stream_logits(self.model, self.batch, stream, self.packed)
        return self._logits[stream]

    def token_nll(self, stream: str) -> torch.Tensor:
        if stream not in self._nll:
            from effiskel_losses.torch_terms import token_nll

            self._nll[stream] = token_nll(self.logits(stream), self.batch[f"{stream}_labels"])
        return self._nll[stream]


@attrs.frozen
class Term:
    name: str
    weight: float
    impl: Callable[[Any], tuple[torch.Tensor, torch.Tensor]]


def resolve_terms(weights: Mapping[str, float], registry: Any = None) -> list[Term]:
    """The torch implementations of the configured terms (weight 0 left out), in config order."""
    if registry is None:
        from effiskel import get_host

        registry = get_host().loss_terms
    terms = []
    for name, weight in weights.items():
        if weight == 0.0:
            continue
        component = registry.get(name)  # unknown: an error listing the known terms
        if "torch" not in component.backends:
            raise EffiskelError(f"loss term {name!r} has no torch implementation "
                                f"(it has: {', '.join(sorted(component.backends))})")
        terms.append(Term(name, float(weight), component.implementation("torch")))
    if not terms:
        raise EffiskelError("no loss term with a non-zero weight is configured")
    return terms


def world_size() -> int:
    return dist.get_world_size() if dist.is_available() and dist.is_initialized() else 1


@attrs.frozen
class StepLosses:
    """One micro-step's objective (with its graph) and the detached figures to log."""

    total: torch.Tensor
    #: Per term: the global mean loss (loss sums and weights summed over processes).
    values: dict[str, float]
    weights: dict[str, float]


def compute_objective(terms: list[Term], ctx: LossContext) -> StepLosses:
    """The weighted sum of the terms on this micro-batch, normalised over every process."""
    sums, weights = [], []
    for term in terms:
        loss_sum, weight = term.impl(ctx)
        sums.append(loss_sum)
        weights.append(torch.as_tensor(weight, dtype=torch.float32, device=loss_sum.device).detach())
    n = len(terms)
    # One all-reduce carries every term's weight and (detached) loss sum.
    figures = torch.stack([*weights, *(s.detach().float() for s in sums)])
    world = world_size()
    if world > 1:
        dist.all_reduce(figures, op=dist.ReduceOp.SUM)
    global_weights, global_sums = figures[:n], figures[n:]
    total = sum(
        term.weight * loss_sum.float() * (world / torch.clamp(global_weights[i], min=EPS))
        for i, (term, loss_sum) in enumerate(zip(terms, sums))
    )
    values = {t.name: float(global_sums[i] / torch.clamp(global_weights[i], min=EPS)) for i, t in enumerate(terms)}
    return StepLosses(total, values, {t.name: float(global_weights[i]) for i, t in enumerate(terms)})
