"""Loading plugins and holding what they register.

How to write a plugin
---------------------
1. Make a distribution (``effiskel-lang-<name>``, ``effiskel-<family>``) with a module that
   implements hooks from :mod:`effiskel.hookspecs`, each marked ``@effiskel.hookimpl``.
2. Declare it in the ``effiskel`` entry-point group of its ``pyproject.toml``::

       [project.entry-points.effiskel]
       rust = "effiskel_lang_rust"

3. ``pip install`` it. ``effiskel plugins`` now lists it with what it registered, or says why
   it is broken.

Which plugins load is controlled by two environment variables, each a comma-separated list of
distribution names or entry-point names: ``EFFISKEL_PLUGINS`` loads only those listed (an empty
value loads none), ``EFFISKEL_DISABLE_PLUGINS`` skips those listed.

A plugin that cannot be imported, implements a hook that does not exist or with parameters the
hook does not have, or registers an invalid or clashing component, is recorded as broken with
the reason and contributes nothing; the other plugins load as usual.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import os
import threading
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pluggy
from packaging.utils import canonicalize_name

from . import hookspecs
from .errors import EffiskelError, PluginError
from .protocols import (
    PROTOCOLS,
    DatasetLoader,
    LanguageFrontend,
    LossTerm,
    Measurer,
    SkeletonStrategy,
    TrainerBackend,
)
from .registry import Registry

ENTRY_POINT_GROUP = "effiskel"
ENV_ALLOW = "EFFISKEL_PLUGINS"
ENV_BLOCK = "EFFISKEL_DISABLE_PLUGINS"

#: Registration hook of each component kind.
REGISTRATION_HOOKS: dict[str, str] = {
    "language": "effiskel_register_languages",
    "strategy": "effiskel_register_strategies",
    "loss_term": "effiskel_register_loss_terms",
    "measurer": "effiskel_register_measurers",
    "trainer": "effiskel_register_trainers",
    "dataset": "effiskel_register_datasets",
}

OK, BROKEN, DISABLED = "ok", "broken", "disabled"


@attrs.define
class PluginRecord:
    """What ``effiskel plugins`` says of one plugin."""

    name: str
    distribution: str | None = None
    version: str | None = None
    module: str | None = None
    status: str = OK
    error: str | None = None
    hooks: list[str] = attrs.field(factory=list)
    #: Per component kind, the ``{"name", "version"}`` of each component registered, with
    #: ``"overridden_by"`` (a plugin) when another plugin has replaced it since.
    components: dict[str, list[dict[str, str]]] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _names(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {canonicalize_name(v.strip()) for v in value.split(",") if v.strip()}


class _CorePlugin:
    """The core's own hook implementations; they run last so any plugin can override them."""

    @staticmethod
    @hookspecs.hookimpl(trylast=True)
    def effiskel_detect_language(path: Path, languages: Registry[LanguageFrontend]) -> str | None:
        suffix = path.suffix.lower()
        for frontend in languages.components():
            if suffix in frontend.extensions:
                return frontend.name
        return None


class PluginHost:
    """The plugin manager and the registries, as one typed object.

    ``PluginHost()`` loads the installed plugins lazily, on first use; ``PluginHost(load=False)``
    starts empty, for tests and for programs that register their own components with
    :meth:`add`.
    """

    def __init__(self, *, load: bool = True, environ: Mapping[str, str] | None = None) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.registries: dict[str, Registry[Any]] = {
            kind: Registry(kind, protocol) for kind, protocol in PROTOCOLS.items()
        }
        self.records: dict[str, PluginRecord] = {}
        self._environ = os.environ if environ is None else environ
        # Loaded on first use, once: other threads wait for the load to finish (they must not
        # see half-filled registries); the loading thread's own calls during the load pass.
        self._ready = not load
        self._loading = False
        self._load_lock = threading.RLock()
        self.pm.register(_CorePlugin, name="effiskel")

    # -- typed access ------------------------------------------------------------------------

    def registry(self, kind: str) -> Registry[Any]:
        self._ensure_loaded()
        return self.registries[kind]

    @property
    def languages(self) -> Registry[LanguageFrontend]:
        return self.registry("language")

    @property
    def strategies(self) -> Registry[SkeletonStrategy]:
        return self.registry("strategy")

    @property
    def loss_terms(self) -> Registry[LossTerm]:
        return self.registry("loss_term")

    @property
    def measurers(self) -> Registry[Measurer]:
        return self.registry("measurer")

    @property
    def trainers(self) -> Registry[TrainerBackend]:
        return self.registry("trainer")

    @property
    def datasets(self) -> Registry[DatasetLoader]:
        return self.registry("dataset")

    def plugins(self, *, include_disabled: bool = False) -> list[PluginRecord]:
        self._ensure_loaded()
        return [
            r for r in self.records.values() if include_disabled or r.status != DISABLED
        ]

    def broken(self) -> list[PluginRecord]:
        return [r for r in self.plugins() if r.status == BROKEN]

    def detect_language(self, path: str | Path, head: bytes | None = None) -> str | None:
        """The registered language of a file, by the ``effiskel_detect_language`` hook."""
        path = Path(path)
        if head is None:
            try:
                with open(path, "rb") as f:
                    head = f.read(4096)
            except OSError:
                head = b""
        return self.pm.hook.effiskel_detect_language(path=path, head=head, languages=self.languages)

    def frontend_for(self, path: str | Path, language: str | None = None) -> LanguageFrontend:
        """The frontend for a file: ``language`` if given, else the detected one."""
        name = language or self.detect_language(path)
        if name is None:
            known = ", ".join(f"{f.name} ({' '.join(f.extensions)})" for f in self.languages.components())
            raise EffiskelError(
                f"{path}: cannot tell its language; pass --language. Known: {known or 'none'}"
            )
        return self.languages.get(name)

    # -- loading -----------------------------------------------------------------------------

    def _ensure_loaded(self) -> None:
        if self._ready:
            return
        with self._load_lock:
            if self._ready or self._loading:
                return
            self._loading = True
            try:
                self.load_entry_points()
            finally:
                self._loading = False
                self._ready = True

    def load_entry_points(self) -> None:
        """Import and register every plugin of the ``effiskel`` entry-point group allowed by the env."""
        allow = _names(self._environ.get(ENV_ALLOW))
        block = _names(self._environ.get(ENV_BLOCK)) or set()
        seen: set[tuple[str, str]] = set()
        eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        builtins = _builtin_distributions()

        def order(ep: importlib.metadata.EntryPoint) -> tuple[int, str, str]:
            # The core and its built-ins first: an add-on replaces one only with override=True.
            dist = canonicalize_name(ep.dist.name) if ep.dist else ""
            rank = 0 if dist == hookspecs.PROJECT else 1 if dist in builtins else 2
            return rank, dist, ep.name

        for ep in sorted(eps, key=order):
            dist = canonicalize_name(ep.dist.name) if ep.dist else None
            if (dist or "", ep.name) in seen:
                continue
            seen.add((dist or "", ep.name))
            record = PluginRecord(
                name=ep.name,
                distribution=dist,
                version=ep.dist.version if ep.dist else None,
                module=ep.value,
            )
            keys = {canonicalize_name(ep.name), dist}
            if allow is not None and not keys & allow:
                record.status, record.error = DISABLED, f"not listed in {ENV_ALLOW}"
            elif keys & block:
                record.status, record.error = DISABLED, f"listed in {ENV_BLOCK}"
            if record.status == DISABLED:
                self.records[self._key(record)] = record
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not take the others down
                self._mark_broken(record, f"cannot be imported: {_describe(exc)}")
                continue
            self._register(plugin, record)

    def add(
        self,
        plugin: object,
        *,
        name: str | None = None,
        distribution: str | None = None,
        version: str | None = None,
    ) -> PluginRecord:
        """Register a plugin object by hand (a module, class or instance with hook functions).

        Returns its record; a broken plugin is recorded, not raised (see :meth:`check`).
        """
        self._ensure_loaded()
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        record = PluginRecord(name=name, distribution=distribution, version=version,
                              module=getattr(plugin, "__name__", None))
        self._register(plugin, record)
        return record

    def check(self) -> None:
        """Raise a PluginError for the first broken plugin, if any (for strict programs and tests)."""
        for record in self.broken():
            raise PluginError(record.name, record.distribution, record.error or "broken")

    def _key(self, record: PluginRecord) -> str:
        return f"{record.distribution}:{record.name}" if record.distribution else record.name

    def _mark_broken(self, record: PluginRecord, reason: str) -> None:
        record.status, record.error = BROKEN, reason
        self.records[self._key(record)] = record

    def _register(self, plugin: object, record: PluginRecord) -> None:
        key = self._key(record)
        if key in self.records and self.records[key].status == OK:
            self._mark_broken(record, "a plugin of this name is already registered")
            return
        unmarked = [
            attr for attr in dir(plugin)
            if attr.startswith("effiskel_") and callable(getattr(plugin, attr, None))
            and not hasattr(getattr(plugin, attr), hookspecs.PROJECT + "_impl")
        ]
        if unmarked:
            self._mark_broken(record, f"{', '.join(unmarked)} not marked with @effiskel.hookimpl")
            return
        try:
            self.pm.register(plugin, name=key)
        except pluggy.PluginValidationError as exc:
            self._mark_broken(record, f"invalid hook implementation: {exc}")
            return
        except ValueError as exc:
            self._mark_broken(record, str(exc))
            return
        callers = self.pm.get_hookcallers(plugin) or []
        record.hooks = sorted(hc.name for hc in callers)
        unknown = [hc.name for hc in callers if not hc.has_spec()]
        if unknown:
            self.pm.unregister(plugin)
            known = [n for n in dir(hookspecs) if n.startswith("effiskel_")]
            hints = []
            for hook in unknown:
                close = difflib.get_close_matches(hook, known, n=1)
                hints.append(f"{hook!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            self._mark_broken(record, "implements unknown hook " + ", ".join(hints))
            return
        try:
            for kind, hook in REGISTRATION_HOOKS.items():
                registry = self.registries[kind]
                for impl in getattr(self.pm.hook, hook).get_hookimpls():
                    if impl.plugin is not plugin:
                        continue
                    with registry.staging(record.name, record.distribution):
                        impl.function(**{a: registry for a in impl.argnames})
                    for reg in registry.registrations():
                        if reg.plugin == record.name and reg.distribution == record.distribution:
                            record.components.setdefault(kind, []).append(
                                {"name": reg.name, "version": reg.version}
                            )
        except Exception as exc:
            for registry in self.registries.values():
                registry.remove_plugin(record.name, record.distribution)
            self.pm.unregister(plugin)
            record.components = {}
            reason = exc.reason if isinstance(exc, PluginError) else f"registration failed: {_describe(exc)}"
            self._mark_broken(record, reason)
            return
        self._note_overrides(record)
        self.records[key] = record

    def _note_overrides(self, record: PluginRecord) -> None:
        """Mark, in the records of the plugins ``record`` overrode, which components it replaced."""
        by = self._key(record)
        for registry in self.registries.values():
            for reg in registry.registrations():
                if (reg.plugin, reg.distribution) != (record.name, record.distribution):
                    continue
                replaced = reg.replaced
                while replaced is not None and (replaced.plugin, replaced.distribution) == (reg.plugin, reg.distribution):
                    replaced = replaced.replaced  # a plugin that overrode itself: go to the one before
                if replaced is None:
                    continue
                owner = self.records.get(self._key(PluginRecord(replaced.plugin, replaced.distribution)))
                for item in owner.components.get(registry.kind, []) if owner else ():
                    if item["name"] == reg.name and "overridden_by" not in item:
                        item["overridden_by"] = by



def _builtin_distributions() -> set[str]:
    """The distributions of the core's ``builtins`` extra, read from its installed metadata."""
    try:
        requirements = importlib.metadata.requires(hookspecs.PROJECT) or []
    except importlib.metadata.PackageNotFoundError:
        return set()
    from packaging.requirements import InvalidRequirement, Requirement

    names = set()
    for text in requirements:
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and requirement.marker.evaluate({"extra": "builtins"}) \
                and not requirement.marker.evaluate({"extra": ""}):
            names.add(canonicalize_name(requirement.name))
    return names


def _describe(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" ({tb[-1].filename}:{tb[-1].lineno})" if tb else ""
    return f"{type(exc).__name__}: {exc}{where}"


_host: PluginHost | None = None


_host_lock = threading.Lock()


def get_host() -> PluginHost:
    """The process-wide plugin host, loaded from the installed entry points on first use
    (safe to call from several threads at once)."""
    global _host
    if _host is None:
        with _host_lock:
            if _host is None:
                _host = PluginHost()
    return _host


def set_host(host: PluginHost | None) -> PluginHost | None:
    """Replace the process-wide host (None: load afresh on next use); returns the previous one."""
    global _host
    previous, _host = _host, host
    return previous
