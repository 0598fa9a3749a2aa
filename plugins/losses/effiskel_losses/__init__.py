"""The terms of the training objective ``L = a*L_code + b*L_skeleton + c*L_mask``.

``code``      next-token cross-entropy of the solution, given the code prompt;
``skeleton``  next-token cross-entropy of the rendered skeleton, given the skeleton prompt
              (it reads only the ``skeleton`` stream: it never sees a code target);
``mask``      next-token cross-entropy of the solution weighted by the skeleton mask
              (``code_mask_weights``) and normalised by the mask's weight; it reuses the logits
              of the ``code`` stream, so it costs no forward pass of its own.

A term's implementation for a backend is a callable ``impl(ctx) -> (loss_sum, weight)``:
``ctx.batch`` maps the collated arrays of :mod:`effiskel.training_data` (as the backend's
tensors), ``ctx.logits(stream)`` gives the model's logits for the ``code`` or ``skeleton``
stream (computed once per step and memoised by the backend). It returns the *sum* of its
weighted per-token losses and the total weight; the trainer divides one by the other after
summing the weight over data-parallel processes, multiplies by the configured weight and adds
the terms up. An implementation may also carry ``impl.weight(batch)``, its weight computed from
the batch alone; then gradient accumulation normalises it over the whole optimizer step.

:class:`FunctionLossTerm` makes a term from plain functions, one per backend: that is all a
third-party plugin needs to add a term (see docs/training.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from effiskel import hookimpl

__version__ = "0.1.0"

#: The trainer backends the built-in terms are implemented for, and the module of each.
BACKEND_MODULES: dict[str, str] = {
    "torch": "effiskel_losses.torch_terms",
    "jax": "effiskel_losses.jax_terms",
}


@attrs.frozen
class BuiltinLossTerm:
    """A built-in term: its implementation for a backend is the function of the same name in
    that backend's module, imported only when asked for (so torch and jax stay optional)."""

    name: str
    description: str
    #: The streams whose logits the term reads (the trainer runs no forward pass nobody needs).
    streams: tuple[str, ...]
    version: str = __version__
    backends: frozenset[str] = frozenset(BACKEND_MODULES)

    def implementation(self, backend: str) -> Callable[[Any], Any]:
        if backend not in self.backends:
            raise LookupError(f"loss term {self.name!r} has no implementation for backend {backend!r}; "
                              f"it has: {', '.join(sorted(self.backends))}")
        module = importlib.import_module(BACKEND_MODULES[backend])
        return getattr(module, self.name)


@attrs.frozen
class FunctionLossTerm:
    """A loss term made of one plain function per backend: ``{"torch": fn, "jax": fn}``."""

    name: str
    implementations: Mapping[str, Callable[[Any], Any]]
    version: str = "0.1.0"
    description: str = ""
    streams: tuple[str, ...] | None = None

    @property
    def backends(self) -> frozenset[str]:
        return frozenset(self.implementations)

    def implementation(self, backend: str) -> Callable[[Any], Any]:
        try:
            return self.implementations[backend]
        except KeyError:
            raise LookupError(f"loss term {self.name!r} has no implementation for backend {backend!r}; "
                              f"it has: {', '.join(sorted(self.implementations))}") from None


CODE = BuiltinLossTerm("code", "next-token cross-entropy of the solution", ("code",))
SKELETON = BuiltinLossTerm("skeleton", "next-token cross-entropy of the rendered skeleton", ("skeleton",))
MASK = BuiltinLossTerm("mask", "cross-entropy of the solution weighted by the skeleton mask", ("code",))
BUILTIN_TERMS = (CODE, SKELETON, MASK)


@hookimpl(trylast=True)
def effiskel_register_loss_terms(registry):
    for term in BUILTIN_TERMS:
        registry.register(term)


__all__ = ["BUILTIN_TERMS", "BuiltinLossTerm", "FunctionLossTerm"]
