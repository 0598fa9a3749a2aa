"""The skeleton strategies of effiskel: lexical, syntactic and dynamic.

Registered through the ``effiskel`` entry-point group like any add-on. Each strategy is an attrs
class whose fields are its parameters, so a configured copy is ``attrs.evolve(strategy, **params)``
(what ``effiskel skeleton --param`` does).
"""

from __future__ import annotations

import importlib.util

from effiskel import hookimpl

from .lexical import LexicalStrategy
from .syntactic import SyntacticStrategy

__version__ = "0.1.0"


@hookimpl
def effiskel_register_strategies(registry):
    registry.register(LexicalStrategy())
    registry.register(SyntacticStrategy())
    # The dynamic strategy lives in its own module (it needs the sandbox and the profilers);
    # it is registered as soon as that module exists, and an error in it is not hidden.
    if importlib.util.find_spec(f"{__name__}.dynamic") is not None:
        from .dynamic import DynamicStrategy

        registry.register(DynamicStrategy())


__all__ = ["LexicalStrategy", "SyntacticStrategy"]
