"""The hooks an effiskel plugin can implement.

A plugin is a module (or any object) with functions named after these hooks and marked with
:data:`effiskel.hookimpl`, made known through the ``effiskel`` entry-point group::

    # pyproject.toml of effiskel-lang-rust
    [project.entry-points.effiskel]
    rust = "effiskel_lang_rust"

    # effiskel_lang_rust/__init__.py
    from effiskel import hookimpl

    @hookimpl
    def effiskel_register_languages(registry):
        registry.register(RustFrontend())

A hook function may take any subset of its hook's parameters, by name. The registration hooks
are each called once per plugin, when the plugin manager loads; a registration that raises
marks only that plugin as broken (``effiskel plugins`` shows why), and nothing it registered is
kept. Built-in plugins implement the dispatch hooks with ``trylast=True``, so an add-on's
implementation is asked first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .protocols import (
        DatasetLoader,
        LanguageFrontend,
        LossTerm,
        Measurer,
        SkeletonStrategy,
        TrainerBackend,
    )
    from .registry import Registry

PROJECT = "effiskel"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def effiskel_register_languages(registry: Registry[LanguageFrontend]) -> None:
    """Register language frontends.

    Called once per plugin when the plugins are loaded. Call
    ``registry.register(frontend)`` for each :class:`~effiskel.protocols.LanguageFrontend`
    the plugin provides; pass ``override=True`` to replace a frontend of the same name that
    another plugin registered (a clash is an error otherwise). The return value is ignored.
    """


@hookspec
def effiskel_register_strategies(registry: Registry[SkeletonStrategy]) -> None:
    """Register skeleton strategies.

    Called once per plugin when the plugins are loaded. Call ``registry.register(strategy)``
    for each :class:`~effiskel.protocols.SkeletonStrategy` (``lexical``, ``syntactic``,
    ``dynamic``, or a new one). The return value is ignored.
    """


@hookspec
def effiskel_register_loss_terms(registry: Registry[LossTerm]) -> None:
    """Register terms of the training objective.

    Called once per plugin when the plugins are loaded. Call ``registry.register(term)`` for
    each :class:`~effiskel.protocols.LossTerm`; the trainer sums the terms a training config
    names, with their weights, and logs each one. The return value is ignored.
    """


@hookspec
def effiskel_register_measurers(registry: Registry[Measurer]) -> None:
    """Register runtime measurers.

    Called once per plugin when the plugins are loaded. Call ``registry.register(measurer)``
    for each :class:`~effiskel.protocols.Measurer` (wall time, CPU time, memory, instruction
    count, ...). Register a measurer even where this machine cannot provide it: its
    ``unavailable_reason(language)`` says why when it is asked for. The return value is ignored.
    """


@hookspec
def effiskel_register_trainers(registry: Registry[TrainerBackend]) -> None:
    """Register trainer backends.

    Called once per plugin when the plugins are loaded. Call ``registry.register(backend)``
    for each :class:`~effiskel.protocols.TrainerBackend` (``torch``, ``jax``, ...). The return
    value is ignored.
    """


@hookspec
def effiskel_register_datasets(registry: Registry[DatasetLoader]) -> None:
    """Register dataset loaders.

    Called once per plugin when the plugins are loaded. Call ``registry.register(loader)`` for
    each :class:`~effiskel.protocols.DatasetLoader` (a benchmark's file format). The return
    value is ignored.
    """


@hookspec(firstresult=True)
def effiskel_detect_language(
    path: Path, head: bytes, languages: Registry[LanguageFrontend]
) -> str | None:
    """Say which language a source file is written in.

    Called by :func:`effiskel.detect_language` (and so by every command that takes a source
    file without ``--language``). ``path`` is the file's path, ``head`` its first 4096 bytes
    (for a shebang or a modeline), ``languages`` the registered frontends. Return the name of
    a registered frontend, or ``None`` to let the next implementation decide; the first name
    returned wins. The core's own implementation runs last and matches ``path``'s suffix
    against each frontend's ``extensions``.
    """
