"""effiskel: make code LLMs write faster code with efficiency-skeleton supervision.

The public API. Plugins implement hooks marked with :data:`hookimpl` (see
:mod:`effiskel.hookspecs` and :mod:`effiskel.plugins`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    DataError,
    EffiskelError,
    PluginError,
    RegistrationError,
    SourceError,
    UnknownComponentError,
)
from .hookspecs import hookimpl, hookspec
from .plugins import PluginHost, get_host
from .protocols import (
    DatasetLoader,
    LanguageFrontend,
    LossTerm,
    Measurer,
    SkeletonStrategy,
    TrainerBackend,
)
from .syntax import ParsedSource, Token, TokenKind, TokenStream

if TYPE_CHECKING:
    from .api import curate, evaluate, extract, generate, load_tasks, measure, report, run_pipeline, train

__version__ = "0.1.0"

#: The steps of the method as functions (effiskel.api), imported on first use so that
#: ``import effiskel`` does not import the sandbox, the metrics or torch.
_API = ("load_tasks", "measure", "curate", "extract", "train", "generate", "evaluate", "report", "run_pipeline")


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'effiskel' has no attribute {name!r}")


def get_language(name: str) -> LanguageFrontend:
    """The registered frontend called ``name`` (``python``, ``cpp``, ``java``, ...)."""
    return get_host().languages.get(name)


def detect_language(path: str | Path) -> str | None:
    """The name of the registered language of a file, or None if no frontend claims it."""
    return get_host().detect_language(path)


def tokenize(source: bytes | str, language: str) -> TokenStream:
    """The tokens of ``source`` written in ``language``."""
    return get_language(language).tokenize(source)


__all__ = [
    "DataError",
    "DatasetLoader",
    "EffiskelError",
    "LanguageFrontend",
    "LossTerm",
    "Measurer",
    "ParsedSource",
    "PluginError",
    "PluginHost",
    "RegistrationError",
    "SkeletonStrategy",
    "SourceError",
    "Token",
    "TokenKind",
    "TokenStream",
    "TrainerBackend",
    "UnknownComponentError",
    "__version__",
    "curate",
    "evaluate",
    "extract",
    "generate",
    "load_tasks",
    "measure",
    "report",
    "run_pipeline",
    "train",
    "detect_language",
    "get_host",
    "get_language",
    "hookimpl",
    "hookspec",
    "tokenize",
]
