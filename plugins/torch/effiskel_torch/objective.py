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
    #: Per term: this micro-step's share of the step's mean loss (summed over the micro-steps of
    #: an optimizer step, they give the step's mean over its global batch).
    values: dict[str, float]
    #: Per term: the weight of this micro-batch, summed over processes.
    weights: dict[str, float]


def window_weights(terms: list[Term], batches: list[Mapping[str, torch.Tensor]]) -> torch.Tensor | None:
    """Each term's weight summed over the micro-batches of one optimizer step and every process.

    Possible only when every term's implementation can say its weight from the batch alone
    (``impl.weight(batch)``, as the built-in terms can); ``None`` otherwise.
    """
    if not all(callable(getattr(term.impl, "weight", None)) for term in terms):
        return None
    totals = torch.stack([
        sum(torch.as_tensor(term.impl.weight(batch), dtype=torch.float32) for batch in batches)
        for term in terms
    ]).to(next(iter(batches[0].values())).device)
    if world_size() > 1:
        dist.all_reduce(totals, op=dist.ReduceOp.SUM)
    return totals


def compute_objective(terms: list[Term], ctx: LossContext, *, window: torch.Tensor | None = None,
                      micro_steps: int = 1) -> StepLosses:
    """The weighted sum of the terms on this micro-batch, normalised over every process.

    With ``window`` (from :func:`window_weights`) each term is normalised by its weight over the
    whole optimizer step, so accumulating ``micro_steps`` micro-batches gives exactly the
    gradient of one big batch. Without it each micro-batch is normalised by its own weight and
    divided by ``micro_steps`` (the micro-batches' mean). Call ``total.backward()`` as it is.
    """
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
    norms = window.to(figures.device) if window is not None else global_weights * micro_steps
    norms = torch.clamp(norms, min=EPS)
    total = sum(
        term.weight * loss_sum.float() * (world / norms[i])
        for i, (term, loss_sum) in enumerate(zip(terms, sums))
    )
    values = {t.name: float(global_sums[i] / norms[i]) for i, t in enumerate(terms)}
    return StepLosses(total, values, {t.name: float(global_weights[i]) for i, t in enumerate(terms)})
