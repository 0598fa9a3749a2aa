"""The plugin system, exercised with throw-away plugins.

Two ways in: ``PluginHost(load=False).add(obj, ...)`` (a plugin object registered by hand) and
real entry points (``make_dist`` writes an installed-looking distribution on ``sys.path``).
Every hook in :mod:`effiskel.hookspecs` has a test here; ``test_every_hook_has_a_test`` keeps it so.
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import effiskel
from effiskel import hookimpl, hookspecs
from effiskel.errors import EffiskelError, PluginError, RegistrationError, UnknownComponentError
from effiskel.plugins import (
    BROKEN,
    DISABLED,
    ENV_ALLOW,
    ENV_BLOCK,
    OK,
    REGISTRATION_HOOKS,
    PluginHost,
    PluginRecord,
)
from effiskel.protocols import PROTOCOLS
from effiskel.registry import protocol_members

# --------------------------------------------------------------------------------------------
# Minimal components, one per kind, each implementing its protocol and nothing more.


class FakeFrontend:
    name = "fake"
    version = "1.0"
    extensions = (".fake",)

    def parse(self, source, *, path=None):
        return None

    def tokenize(self, source, *, path=None):
        return None


class FakeStrategy:
    name = "fake"
    version = "1.0"

    def extract(self, group, frontend):
        return []


class FakeMeasurer:
    name = "fake"
    version = "1.0"
    unit = "s"
    deterministic = True

    def unavailable_reason(self, language=None):
        return None

    def measure(self, session):
        return None


class FakeLossTerm:
    name = "fake"
    version = "1.0"
    backends = frozenset({"torch"})

    def implementation(self, backend):
        return None


class FakeTrainer:
    name = "fake"
    version = "1.0"

    def train(self, config, examples):
        return Path(".")

    def generate(self, checkpoint, prompts, settings):
        return []


class FakeDataset:
    name = "fake"
    version = "1.0"

    def load(self, path):
        return []


FAKES: dict[str, type] = {
    "language": FakeFrontend,
    "strategy": FakeStrategy,
    "loss_term": FakeLossTerm,
    "measurer": FakeMeasurer,
    "trainer": FakeTrainer,
    "dataset": FakeDataset,
}


def component(kind: str, *, drop: str | None = None, **attributes: Any) -> object:
    """An instance of the fake ``kind``, with member ``drop`` removed and ``attributes`` set."""
    base = FAKES[kind]
    namespace = {k: v for k, v in vars(base).items() if not k.startswith("__") and k != drop}
    namespace.update(attributes)
    return type(f"{base.__name__}Variant", (), namespace)()


def plugin(**hooks: Callable[..., Any]) -> types.SimpleNamespace:
    """A plugin object whose attributes are ``hooks`` (mark them with @hookimpl yourself)."""
    return types.SimpleNamespace(**hooks)


def registering(kind: str, *components: object, override: bool = False) -> types.SimpleNamespace:
    """A plugin that registers ``components`` through the registration hook of ``kind``."""

    def hook(registry):
        for c in components:
            registry.register(c, override=override)

    return plugin(**{REGISTRATION_HOOKS[kind]: hookimpl(hook)})


@pytest.fixture
def empty_host() -> PluginHost:
    """A host that loads no installed plugin: only what the test adds."""
    return PluginHost(load=False)


def by_name(host: PluginHost, *, include_disabled: bool = True) -> dict[str, PluginRecord]:
    return {r.name: r for r in host.plugins(include_disabled=include_disabled)}


# --------------------------------------------------------------------------------------------
# Guards


#: The registration hooks, spelt out: each is tested by the tests parametrised over this list.
REGISTRATION_HOOK_CASES = [
    ("language", "effiskel_register_languages"),
    ("strategy", "effiskel_register_strategies"),
    ("loss_term", "effiskel_register_loss_terms"),
    ("measurer", "effiskel_register_measurers"),
    ("trainer", "effiskel_register_trainers"),
    ("dataset", "effiskel_register_datasets"),
]
#: The dispatch hooks, each tested in its own section below.
DISPATCH_HOOKS = ["effiskel_detect_language"]


def test_every_hook_has_a_test() -> None:
    specs = {n for n in dir(hookspecs) if n.startswith("effiskel_")}
    tested = {hook for _, hook in REGISTRATION_HOOK_CASES} | set(DISPATCH_HOOKS)
    assert specs == tested, "a hook without a test here: " + ", ".join(sorted(specs ^ tested))
    assert dict(REGISTRATION_HOOK_CASES) == REGISTRATION_HOOKS
    assert set(REGISTRATION_HOOKS) == set(PROTOCOLS) == set(FAKES)


@pytest.mark.parametrize("kind", sorted(FAKES))
def test_fakes_implement_exactly_their_protocol(kind: str) -> None:
    attributes, methods = protocol_members(PROTOCOLS[kind])
    members = {k for k in vars(FAKES[kind]) if not k.startswith("__")}
    assert members == set(attributes) | set(methods)
    assert isinstance(FAKES[kind](), PROTOCOLS[kind])


# --------------------------------------------------------------------------------------------
# The six registration hooks


@pytest.mark.parametrize(("kind", "hook"), REGISTRATION_HOOK_CASES)
def test_registration_hook_registers_a_valid_component(
    empty_host: PluginHost, kind: str, hook: str
) -> None:
    fake = component(kind)
    record = empty_host.add(registering(kind, fake), name="fakes", distribution="effiskel-fakes",
                            version="2.0")
    assert record.status == OK, record.error
    assert record.hooks == [hook]
    assert record.components == {kind: [{"name": "fake", "version": "1.0"}]}
    registry = empty_host.registry(kind)
    assert registry.get("fake") is fake
    registration = registry.registration("fake")
    assert (registration.plugin, registration.distribution) == ("fakes", "effiskel-fakes")
    # Only that kind's registry got it.
    for other in set(REGISTRATION_HOOKS) - {kind}:
        assert "fake" not in empty_host.registry(other)


@pytest.mark.parametrize(("kind", "hook"), REGISTRATION_HOOK_CASES)
def test_registration_hook_refuses_an_invalid_component(
    empty_host: PluginHost, kind: str, hook: str
) -> None:
    _, methods = protocol_members(PROTOCOLS[kind])
    method = sorted(methods)[-1]
    record = empty_host.add(registering(kind, component(kind, drop=method)), name="fakes",
                            distribution="effiskel-fakes")
    assert record.status == BROKEN
    assert record.hooks == [hook]
    assert f"{kind} 'fake'" in record.error
    assert PROTOCOLS[kind].__name__ in record.error
    assert f"missing method {method}()" in record.error
    assert "fake" not in empty_host.registry(kind)
    assert record.components == {}


def test_registration_hook_may_take_no_parameter(empty_host: PluginHost) -> None:
    called = []

    @hookimpl
    def effiskel_register_datasets():
        called.append(True)

    record = empty_host.add(plugin(effiskel_register_datasets=effiskel_register_datasets), name="p")
    assert record.status == OK, record.error
    assert called == [True]
    assert record.components == {}


def test_one_plugin_may_implement_several_registration_hooks(empty_host: PluginHost) -> None:
    hooks = {}
    for kind in FAKES:
        def hook(registry, kind=kind):
            registry.register(component(kind))
        hooks[REGISTRATION_HOOKS[kind]] = hookimpl(hook)
    record = empty_host.add(plugin(**hooks), name="all", distribution="effiskel-all")
    assert record.status == OK, record.error
    assert record.hooks == sorted(REGISTRATION_HOOKS.values())
    assert record.components == {kind: [{"name": "fake", "version": "1.0"}] for kind in FAKES}


# --------------------------------------------------------------------------------------------
# Invalid components: every protocol member, bad signatures, names, versions


def _member_cases() -> list[tuple[str, str, str]]:
    cases = []
    for kind, protocol in sorted(PROTOCOLS.items()):
        attributes, methods = protocol_members(protocol)
        cases += [(kind, a, f"missing attribute {a!r}") for a in attributes]
        cases += [(kind, m, f"missing method {m}()") for m in methods]
    return cases


@pytest.mark.parametrize(("kind", "member", "problem"), _member_cases())
def test_component_missing_a_protocol_member_is_refused(
    empty_host: PluginHost, kind: str, member: str, problem: str
) -> None:
    bad = component(kind, drop=member)
    record = empty_host.add(registering(kind, bad), name="lacking", distribution="effiskel-lacking")
    assert record.status == BROKEN
    assert problem in record.error
    assert f"does not implement the {PROTOCOLS[kind].__name__} protocol" in record.error
    if member != "name":
        assert f"{kind} 'fake'" in record.error
    assert len(empty_host.registry(kind)) == 0


def _method_cases() -> list[tuple[str, str]]:
    return [
        (kind, method)
        for kind, protocol in sorted(PROTOCOLS.items())
        for method in sorted(protocol_members(protocol)[1])
    ]


@pytest.mark.parametrize(("kind", "method"), _method_cases())
def test_method_with_an_incompatible_signature_is_refused(
    empty_host: PluginHost, kind: str, method: str
) -> None:
    def needs_more(self, *args, required_option, **kwargs):
        return None

    bad = component(kind, **{method: needs_more})
    record = empty_host.add(registering(kind, bad), name="sig", distribution="effiskel-sig")
    assert record.status == BROKEN
    assert f"{kind} 'fake'" in record.error
    assert f"method {method}(" in record.error
    assert "cannot be called as" in record.error
    assert "required_option" in record.error
    assert "fake" not in empty_host.registry(kind)


@pytest.mark.parametrize(("kind", "method"), [
    (kind, method) for kind, method in _method_cases()
    if len(inspect.signature(getattr(PROTOCOLS[kind], method)).parameters) > 1
])
def test_method_taking_too_few_parameters_is_refused(
    empty_host: PluginHost, kind: str, method: str
) -> None:
    def takes_nothing(self):
        return None

    bad = component(kind, **{method: takes_nothing})
    record = empty_host.add(registering(kind, bad), name="few")
    assert record.status == BROKEN
    assert f"method {method}() cannot be called as {method}(" in record.error


def test_keyword_only_path_is_required_of_a_frontend(empty_host: PluginHost) -> None:
    def parse(self, source):  # the protocol calls parse(source, path=...)
        return None

    record = empty_host.add(registering("language", component("language", parse=parse)), name="p")
    assert record.status == BROKEN
    assert "method parse(source)" in record.error
    assert "path" in record.error


def test_method_that_is_not_callable_is_refused(empty_host: PluginHost) -> None:
    record = empty_host.add(registering("dataset", component("dataset", load="not a method")),
                            name="p")
    assert record.status == BROKEN
    assert "load is not callable" in record.error


@pytest.mark.parametrize(
    ("attributes", "problem"),
    [
        ({"name": "Fake Lang"}, "name 'Fake Lang' is not a lowercase identifier"),
        ({"name": "1fake"}, "name '1fake' is not a lowercase identifier"),
        ({"name": 7}, "name must be a string, not int"),
        ({"version": "one point oh"}, "version 'one point oh' is not a PEP 440 version"),
        ({"version": 1.0}, "version must be a string, not float"),
        ({"extensions": ".fake"}, "extensions must be a non-empty tuple of '.suffix' strings"),
        ({"extensions": ("fake",)}, "extensions must be a non-empty tuple of '.suffix' strings"),
        ({"extensions": ()}, "extensions must be a non-empty tuple of '.suffix' strings"),
    ],
)
def test_bad_name_version_or_extensions_is_refused(
    empty_host: PluginHost, attributes: dict[str, Any], problem: str
) -> None:
    record = empty_host.add(registering("language", component("language", **attributes)),
                            name="badattrs", distribution="effiskel-badattrs")
    assert record.status == BROKEN
    assert problem in record.error
    assert len(empty_host.languages) == 0


def test_registry_error_names_plugin_distribution_component_and_problem(
    empty_host: PluginHost,
) -> None:
    empty_host.add(registering("strategy", component("strategy", version="vX")), name="strat",
                   distribution="effiskel-strat")
    with pytest.raises(PluginError) as info:
        empty_host.check()
    message = str(info.value)
    assert "plugin 'strat'" in message
    assert "distribution 'effiskel-strat'" in message
    assert "strategy 'fake'" in message
    assert "'vX' is not a PEP 440 version" in message
    assert (info.value.plugin, info.value.distribution) == ("strat", "effiskel-strat")


def test_register_outside_a_plugin_raises_registration_error(empty_host: PluginHost) -> None:
    with pytest.raises(RegistrationError, match="missing method load"):
        empty_host.datasets.register(component("dataset", drop="load"))


# --------------------------------------------------------------------------------------------
# Staging: a plugin that fails contributes nothing


def test_valid_component_before_an_invalid_one_is_not_kept(empty_host: PluginHost) -> None:
    good = component("measurer", name="good")
    bad = component("measurer", name="bad", drop="measure")
    record = empty_host.add(registering("measurer", good, bad), name="half",
                            distribution="effiskel-half")
    assert record.status == BROKEN
    assert "measurer 'bad'" in record.error
    assert "missing method measure()" in record.error
    assert "good" not in empty_host.measurers
    assert record.components == {}


def test_failure_in_a_later_hook_removes_what_earlier_hooks_registered(
    empty_host: PluginHost,
) -> None:
    # Languages are registered before strategies: the frontend is kept, then taken back.
    @hookimpl
    def effiskel_register_languages(registry):
        registry.register(component("language", name="early"))

    @hookimpl
    def effiskel_register_strategies(registry):
        registry.register(component("strategy", name="late", drop="extract"))

    record = empty_host.add(
        plugin(effiskel_register_languages=effiskel_register_languages,
               effiskel_register_strategies=effiskel_register_strategies),
        name="twohooks", distribution="effiskel-twohooks",
    )
    assert record.status == BROKEN
    assert "strategy 'late'" in record.error
    assert "early" not in empty_host.languages
    assert "late" not in empty_host.strategies
    assert record.components == {}


def test_exception_in_a_registration_hook_marks_the_plugin_broken(empty_host: PluginHost) -> None:
    @hookimpl
    def effiskel_register_trainers(registry):
        registry.register(component("trainer", name="first"))
        raise RuntimeError("no GPU driver here")

    record = empty_host.add(plugin(effiskel_register_trainers=effiskel_register_trainers),
                            name="crashy", distribution="effiskel-crashy")
    assert record.status == BROKEN
    assert "registration failed: RuntimeError: no GPU driver here" in record.error
    assert __file__ in record.error  # where it was raised
    assert "first" not in empty_host.trainers


def test_broken_plugin_hooks_are_unregistered(empty_host: PluginHost) -> None:
    @hookimpl
    def effiskel_register_languages(registry):
        raise ValueError("broken on purpose")

    @hookimpl
    def effiskel_detect_language(path):
        return "hijacked"

    record = empty_host.add(
        plugin(effiskel_register_languages=effiskel_register_languages,
               effiskel_detect_language=effiskel_detect_language),
        name="hijacker",
    )
    assert record.status == BROKEN
    assert empty_host.detect_language("x.anything", head=b"") is None


# --------------------------------------------------------------------------------------------
# Hook implementations that are wrong


def test_misspelt_hook_is_broken_with_a_suggestion(empty_host: PluginHost) -> None:
    good = empty_host.add(registering("language", component("language")), name="good",
                          distribution="effiskel-good")

    @hookimpl
    def effiskel_register_langauges(registry):
        registry.register(component("language", name="typo"))

    record = empty_host.add(plugin(effiskel_register_langauges=effiskel_register_langauges),
                            name="typo", distribution="effiskel-typo")
    assert record.status == BROKEN
    assert "unknown hook 'effiskel_register_langauges'" in record.error
    assert "did you mean 'effiskel_register_languages'?" in record.error
    assert "typo" not in empty_host.languages
    # The other plugin is unaffected, and later plugins still load.
    assert good.status == OK
    assert empty_host.languages.get("fake") is not None
    later = empty_host.add(registering("dataset", component("dataset")), name="later")
    assert later.status == OK
    assert "fake" in empty_host.datasets
    assert {r.name for r in empty_host.broken()} == {"typo"}


def test_unknown_hook_without_a_close_match_has_no_suggestion(empty_host: PluginHost) -> None:
    @hookimpl
    def effiskel_make_coffee():
        return None

    record = empty_host.add(plugin(effiskel_make_coffee=effiskel_make_coffee), name="coffee")
    assert record.status == BROKEN
    assert record.error == "implements unknown hook 'effiskel_make_coffee'"


def test_hook_with_a_parameter_the_hook_lacks_is_broken(empty_host: PluginHost) -> None:
    @hookimpl
    def effiskel_register_languages(registry, config):
        registry.register(component("language"))

    record = empty_host.add(plugin(effiskel_register_languages=effiskel_register_languages),
                            name="badsig", distribution="effiskel-badsig")
    assert record.status == BROKEN
    assert "invalid hook implementation" in record.error
    assert "effiskel_register_languages" in record.error
    assert "config" in record.error
    assert "fake" not in empty_host.languages


def test_detect_hook_with_a_bad_signature_is_broken(empty_host: PluginHost) -> None:
    @hookimpl
    def effiskel_detect_language(path, filename):
        return "x"

    record = empty_host.add(plugin(effiskel_detect_language=effiskel_detect_language), name="d")
    assert record.status == BROKEN
    assert "effiskel_detect_language" in record.error
    assert "filename" in record.error
    assert empty_host.detect_language("a.b", head=b"") is None


def test_unmarked_hook_function_is_broken(empty_host: PluginHost) -> None:
    def effiskel_register_languages(registry):
        registry.register(component("language"))

    record = empty_host.add(plugin(effiskel_register_languages=effiskel_register_languages),
                            name="unmarked")
    assert record.status == BROKEN
    assert record.error == "effiskel_register_languages not marked with @effiskel.hookimpl"
    assert "fake" not in empty_host.languages


def test_plugin_name_registered_twice_is_broken(empty_host: PluginHost) -> None:
    first = empty_host.add(registering("language", component("language")), name="same",
                           distribution="effiskel-same")
    second = empty_host.add(registering("dataset", component("dataset")), name="same",
                            distribution="effiskel-same")
    assert first.status == OK
    assert second.status == BROKEN
    assert "already registered" in second.error
    assert "fake" in empty_host.languages
    assert "fake" not in empty_host.datasets


def test_plugin_as_class_and_as_instance(empty_host: PluginHost) -> None:
    class AsClass:
        @staticmethod
        @hookimpl
        def effiskel_register_strategies(registry):
            registry.register(component("strategy", name="fromclass"))

    class AsInstance:
        @hookimpl
        def effiskel_register_strategies(self, registry):
            registry.register(component("strategy", name="frominstance"))

    assert empty_host.add(AsClass).status == OK
    assert empty_host.add(AsInstance(), name="inst").status == OK
    assert set(empty_host.strategies) == {"fromclass", "frominstance"}
    assert by_name(empty_host)["AsClass"].module == "AsClass"


# --------------------------------------------------------------------------------------------
# Clashes and overrides


def test_duplicate_component_name_breaks_the_second_plugin(empty_host: PluginHost) -> None:
    original = component("language")
    first = empty_host.add(registering("language", original), name="first",
                           distribution="effiskel-first")
    second = empty_host.add(registering("language", component("language")), name="second",
                            distribution="effiskel-second")
    assert first.status == OK
    assert second.status == BROKEN
    assert "language 'fake' is already registered by plugin first" in second.error
    assert "effiskel-first" in second.error
    assert "override=True" in second.error
    assert empty_host.languages.get("fake") is original
    assert empty_host.languages.registration("fake").plugin == "first"
    with pytest.raises(PluginError, match=r"plugin 'second' \(distribution 'effiskel-second'\)"):
        empty_host.check()


def test_duplicate_within_one_plugin_is_a_clash(empty_host: PluginHost) -> None:
    twice = registering("loss_term", component("loss_term"), component("loss_term"))
    record = empty_host.add(twice, name="twice")
    assert record.status == BROKEN
    assert "loss_term 'fake' is already registered by plugin twice" in record.error
    assert len(empty_host.loss_terms) == 0


def test_override_replaces_and_records_what_it_replaced(empty_host: PluginHost) -> None:
    original, replacement = component("language"), component("language", version="2.0")
    empty_host.add(registering("language", original), name="first", distribution="effiskel-first")
    record = empty_host.add(registering("language", replacement, override=True), name="second",
                            distribution="effiskel-second")
    assert record.status == OK, record.error
    assert record.components == {"language": [{"name": "fake", "version": "2.0"}]}
    assert empty_host.languages.get("fake") is replacement
    registration = empty_host.languages.registration("fake")
    assert registration.plugin == "second"
    assert registration.replaced is not None
    assert registration.replaced.component is original
    assert registration.replaced.plugin == "first"
    first = next(r for r in empty_host.plugins() if r.name == "first")
    assert first.components == {"language": [{"name": "fake", "version": "1.0",
                                              "overridden_by": "effiskel-second:second"}]}
    empty_host.check()


def test_override_by_a_plugin_that_then_fails_restores_the_original(
    empty_host: PluginHost,
) -> None:
    original = component("language")
    empty_host.add(registering("language", original), name="first")

    @hookimpl
    def effiskel_register_languages(registry):
        registry.register(component("language", version="9.0"), override=True)

    @hookimpl
    def effiskel_register_strategies(registry):
        raise RuntimeError("late failure")

    record = empty_host.add(
        plugin(effiskel_register_languages=effiskel_register_languages,
               effiskel_register_strategies=effiskel_register_strategies),
        name="usurper",
    )
    assert record.status == BROKEN
    assert empty_host.languages.get("fake") is original
    assert empty_host.languages.registration("fake").plugin == "first"


def test_failing_plugin_that_overrode_itself_restores_the_original(
    empty_host: PluginHost,
) -> None:
    original = component("language")
    empty_host.add(registering("language", original), name="first")

    @hookimpl
    def effiskel_register_languages(registry):
        registry.register(component("language", version="2.0"), override=True)
        registry.register(component("language", version="3.0"), override=True)

    @hookimpl
    def effiskel_register_strategies(registry):
        raise RuntimeError("late failure")

    record = empty_host.add(
        plugin(effiskel_register_languages=effiskel_register_languages,
               effiskel_register_strategies=effiskel_register_strategies),
        name="twice",
    )
    assert record.status == BROKEN
    assert empty_host.languages.get("fake") is original


def test_override_without_anything_to_replace_just_registers(empty_host: PluginHost) -> None:
    fake = component("dataset")
    record = empty_host.add(registering("dataset", fake, override=True), name="p")
    assert record.status == OK
    assert empty_host.datasets.registration("fake").replaced is None


def test_unknown_component_error_lists_the_known(empty_host: PluginHost) -> None:
    empty_host.add(registering("language", component("language")), name="p")
    with pytest.raises(UnknownComponentError, match=r"no language named 'cobol'; known: fake"):
        empty_host.languages.get("cobol")


# --------------------------------------------------------------------------------------------
# check()


def test_check_passes_when_nothing_is_broken(empty_host: PluginHost) -> None:
    empty_host.add(registering("language", component("language")), name="fine")
    empty_host.check()


def test_check_raises_for_a_broken_plugin(empty_host: PluginHost) -> None:
    empty_host.add(registering("language", component("language")), name="fine")

    @hookimpl
    def effiskel_register_languages(registry, nonsense):
        pass

    empty_host.add(plugin(effiskel_register_languages=effiskel_register_languages), name="bad",
                   distribution="effiskel-bad")
    with pytest.raises(PluginError) as info:
        empty_host.check()
    assert info.value.plugin == "bad"
    assert info.value.distribution == "effiskel-bad"
    assert "nonsense" in info.value.reason
    assert str(info.value).startswith("plugin 'bad' (distribution 'effiskel-bad'): ")


# --------------------------------------------------------------------------------------------
# effiskel_detect_language (firstresult)


@pytest.fixture
def python_host(empty_host: PluginHost) -> PluginHost:
    """An empty host plus the real Python frontend plugin and a fake ``.fake`` frontend."""
    import effiskel_lang_python

    empty_host.add(effiskel_lang_python, name="python", distribution="effiskel-lang-python")
    empty_host.add(registering("language", component("language")), name="fakes")
    empty_host.check()
    return empty_host


def test_core_detects_language_by_extension(python_host: PluginHost) -> None:
    assert python_host.detect_language("a/b/solution.py", head=b"") == "python"
    assert python_host.detect_language("stub.pyi", head=b"") == "python"
    assert python_host.detect_language("SHOUT.PY", head=b"") == "python"
    assert python_host.detect_language("x.fake", head=b"") == "fake"
    assert python_host.detect_language("x.cobol", head=b"") is None
    assert python_host.detect_language("Makefile", head=b"") is None


def test_frontend_for_unknown_file_names_the_known_languages(python_host: PluginHost) -> None:
    assert python_host.frontend_for("x.py").name == "python"
    assert python_host.frontend_for("x.cobol", language="fake").name == "fake"
    known = r"x\.cobol: cannot tell its language.*python \(\.py \.pyi\)"
    with pytest.raises(EffiskelError, match=known):
        python_host.frontend_for("x.cobol")


def _shebang_plugin(calls: list[tuple[Path, bytes]] | None = None) -> types.SimpleNamespace:
    @hookimpl
    def effiskel_detect_language(path, head, languages):
        if calls is not None:
            calls.append((path, head))
        if head.startswith(b"#!/usr/bin/env fake") and "fake" in languages:
            return "fake"
        return None

    return plugin(effiskel_detect_language=effiskel_detect_language)


def test_plugin_detection_wins_over_the_core(python_host: PluginHost) -> None:
    record = python_host.add(_shebang_plugin(), name="shebang")
    assert record.hooks == ["effiskel_detect_language"]
    # Not trylast: asked before the core, so even a .py file with the shebang is "fake".
    assert python_host.detect_language("tool.py", head=b"#!/usr/bin/env fake\n") == "fake"
    assert python_host.detect_language("tool", head=b"#!/usr/bin/env fake\n") == "fake"


def test_plugin_returning_none_falls_through_to_the_core(python_host: PluginHost) -> None:
    calls: list[tuple[Path, bytes]] = []
    python_host.add(_shebang_plugin(calls), name="shebang")
    assert python_host.detect_language("tool.py", head=b"print(1)\n") == "python"
    assert python_host.detect_language("tool", head=b"print(1)\n") is None
    assert calls == [(Path("tool.py"), b"print(1)\n"), (Path("tool"), b"print(1)\n")]


def test_detection_reads_the_head_of_the_file(python_host: PluginHost, tmp_path: Path) -> None:
    calls: list[tuple[Path, bytes]] = []
    python_host.add(_shebang_plugin(calls), name="shebang")
    script = tmp_path / "script"
    script.write_bytes(b"#!/usr/bin/env fake\n" + b"x" * 10_000)
    assert python_host.detect_language(script) == "fake"
    assert len(calls[-1][1]) == 4096
    # A file that does not exist: no head, detection by name alone.
    assert python_host.detect_language(tmp_path / "missing.py") == "python"
    assert calls[-1][1] == b""


def test_trylast_plugin_is_asked_after_the_core(python_host: PluginHost) -> None:
    @hookimpl(trylast=True)
    def effiskel_detect_language(path):
        return "fake"

    python_host.add(plugin(effiskel_detect_language=effiskel_detect_language), name="fallback")
    assert python_host.detect_language("a.py", head=b"") == "python"  # the core answered first
    assert python_host.detect_language("a.unknown", head=b"") == "fake"


def test_public_detect_language_uses_the_process_host(host: PluginHost) -> None:
    host.add(registering("language", component("language")), name="fakes")
    host.add(_shebang_plugin(), name="shebang")
    assert effiskel.get_host() is host
    assert effiskel.detect_language("x.fake") == "fake"
    assert effiskel.get_language("fake").name == "fake"


# --------------------------------------------------------------------------------------------
# Real entry points (make_dist)

GOOD_FRONTEND = """
    import tree_sitter_python

    from effiskel import hookimpl
    from effiskel.treesitter import TreeSitterFrontend


    class PyFakeFrontend(TreeSitterFrontend):
        name = "pyfake"
        version = "0.3.1"
        extensions = (".pyfake",)
        grammar = staticmethod(tree_sitter_python.language)
        number_types = frozenset({"integer", "float"})


    @hookimpl
    def effiskel_register_languages(registry):
        registry.register(PyFakeFrontend())
"""


def _allow(*names: str) -> dict[str, str]:
    """An environment that loads only ``names`` (so plugins installed meanwhile don't interfere)."""
    return {ENV_ALLOW: ",".join(names)}


def test_entry_point_plugin_registers_a_frontend(make_dist) -> None:
    dist = make_dist("effiskel-lang-pyfake", GOOD_FRONTEND, version="0.3.1",
                     entry_points={"pyfake": "effiskel_lang_pyfake"})
    host = PluginHost(environ=_allow("effiskel-lang-pyfake"))
    records = host.plugins()
    assert [r.to_dict() for r in records] == [{
        "name": "pyfake",
        "distribution": "effiskel-lang-pyfake",
        "version": "0.3.1",
        "module": "effiskel_lang_pyfake",
        "status": "ok",
        "error": None,
        "hooks": ["effiskel_register_languages"],
        "components": {"language": [{"name": "pyfake", "version": "0.3.1"}]},
    }]
    frontend = host.languages.get("pyfake")
    assert type(frontend).__module__ == dist.module
    tokens = frontend.tokenize("x = 41 + 1\n")
    assert [t.text for t in tokens] == ["x", "=", "41", "+", "1"]
    assert host.detect_language("solution.pyfake", head=b"") == "pyfake"
    registration = host.languages.registration("pyfake")
    assert (registration.plugin, registration.distribution) == ("pyfake", "effiskel-lang-pyfake")


def test_entry_point_to_an_object_in_a_module(make_dist) -> None:
    make_dist("effiskel-objplugin", """
        from effiskel import hookimpl

        class Dataset:
            name = "objdata"
            version = "1.0"
            def load(self, path):
                return []

        class Plugin:
            @staticmethod
            @hookimpl
            def effiskel_register_datasets(registry):
                registry.register(Dataset())
    """, entry_points={"objplugin": "effiskel_objplugin:Plugin"})
    host = PluginHost(environ=_allow("effiskel-objplugin"))
    (record,) = host.plugins()
    assert record.status == OK, record.error
    assert record.module == "effiskel_objplugin:Plugin"
    assert "objdata" in host.datasets


MISSPELT = """
    from effiskel import hookimpl

    @hookimpl
    def effiskel_register_langauges(registry):
        pass
"""

BAD_SIGNATURE = """
    from effiskel import hookimpl

    @hookimpl
    def effiskel_register_languages(registry, options):
        pass
"""

UNMARKED = """
    def effiskel_register_strategies(registry):
        pass
"""

IMPORT_ERROR = """
    import effiskel_no_such_dependency_xyz
"""

SYNTAX_ERROR = """
    def broken(:
        pass
"""

RAISES_AT_IMPORT = """
    raise RuntimeError("needs a licence server")
"""

DUPLICATE_PYTHON = """
    from effiskel import hookimpl
    from effiskel.treesitter import TreeSitterFrontend
    import tree_sitter_python

    class Impostor(TreeSitterFrontend):
        name = "python"
        version = "6.6.6"
        extensions = (".py",)
        grammar = staticmethod(tree_sitter_python.language)

    @hookimpl
    def effiskel_register_languages(registry):
        registry.register(Impostor())
"""

INCOMPLETE_COMPONENT = """
    from effiskel import hookimpl

    class Good:
        name = "goodloader"
        version = "1.0"
        def load(self, path):
            return []

    class Incomplete:
        name = "halfloader"
        version = "1.0"

    @hookimpl
    def effiskel_register_datasets(registry):
        registry.register(Good())
        registry.register(Incomplete())
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (MISSPELT, ["unknown hook 'effiskel_register_langauges'",
                    "did you mean 'effiskel_register_languages'?"]),
        (BAD_SIGNATURE, ["invalid hook implementation", "effiskel_register_languages", "options"]),
        (UNMARKED, ["effiskel_register_strategies not marked with @effiskel.hookimpl"]),
        (IMPORT_ERROR, ["cannot be imported", "ModuleNotFoundError",
                        "effiskel_no_such_dependency_xyz", "effiskel_plugin_bad.py:2"]),
        (SYNTAX_ERROR, ["cannot be imported", "SyntaxError"]),
        (RAISES_AT_IMPORT, ["cannot be imported", "RuntimeError: needs a licence server",
                            "effiskel_plugin_bad.py:2"]),
        (DUPLICATE_PYTHON, ["language 'python' is already registered by plugin python",
                            "effiskel-lang-python", "override=True"]),
        (INCOMPLETE_COMPONENT, ["dataset 'halfloader'", "DatasetLoader", "missing method load()"]),
        (None, ["cannot be imported", "ModuleNotFoundError", "effiskel_plugin_bad"]),
    ],
    ids=["misspelt-hook", "bad-signature", "unmarked", "import-error", "syntax-error",
         "raises-at-import", "duplicate-name", "incomplete-component", "missing-module"],
)
def test_broken_entry_point_plugin_is_named_and_others_still_work(
    make_dist, source: str | None, expected: list[str]
) -> None:
    # Loaded in order of distribution name: after effiskel-lang-python, before zzz-effiskel-late.
    make_dist("effiskel-plugin-bad", source, version="0.0.1",
              entry_points={"bad": "effiskel_plugin_bad"})
    make_dist("effiskel-lang-pyfake", GOOD_FRONTEND,
              entry_points={"pyfake": "effiskel_lang_pyfake"})
    # "zzz" sorts after the broken one: plugins loaded after a broken one still load.
    make_dist("zzz-effiskel-late", """
        from effiskel import hookimpl

        class Late:
            name = "late"
            version = "1.0"
            def extract(self, group, frontend):
                return []

        @hookimpl
        def effiskel_register_strategies(registry):
            registry.register(Late())
    """, entry_points={"late": "zzz_effiskel_late"})
    host = PluginHost(environ=_allow("effiskel-plugin-bad", "effiskel-lang-pyfake",
                                     "zzz-effiskel-late", "effiskel-lang-python"))
    records = by_name(host)
    bad = records["bad"]
    assert bad.status == BROKEN
    assert (bad.distribution, bad.version) == ("effiskel-plugin-bad", "0.0.1")
    for fragment in expected:
        assert fragment in bad.error
    assert bad.components == {}
    assert [r.name for r in host.broken()] == ["bad"]
    # Everybody else works.
    for name in ("pyfake", "late", "python"):
        assert records[name].status == OK, records[name].error
    assert host.languages.get("python").version != "6.6.6"
    assert host.languages.registration("python").distribution == "effiskel-lang-python"
    assert {"pyfake", "python"} <= set(host.languages)
    assert "late" in host.strategies
    assert "goodloader" not in host.datasets and "halfloader" not in host.datasets
    with pytest.raises(PluginError, match=r"plugin 'bad' \(distribution 'effiskel-plugin-bad'\)"):
        host.check()


# --------------------------------------------------------------------------------------------
# EFFISKEL_PLUGINS / EFFISKEL_DISABLE_PLUGINS


def _dataset_plugin(name: str) -> str:
    return f"""
        from effiskel import hookimpl

        class Loader:
            name = "{name}"
            version = "1.0"
            def load(self, path):
                return []

        @hookimpl
        def effiskel_register_datasets(registry):
            registry.register(Loader())
    """


@pytest.fixture
def three_dists(make_dist):
    """Distributions ``effiskel-alpha`` (entry point ``alpha_ep``), ``Effiskel_Beta`` (``beta``)
    and ``effiskel-gamma`` (``gamma``, which cannot be imported)."""
    make_dist("effiskel-alpha", _dataset_plugin("alpha"),
              entry_points={"alpha_ep": "effiskel_alpha"})
    make_dist("Effiskel_Beta", _dataset_plugin("beta"), module="effiskel_beta",
              entry_points={"beta": "effiskel_beta"})
    # Importing gamma fails: a disabled plugin must not even be imported.
    make_dist("effiskel-gamma", RAISES_AT_IMPORT, entry_points={"gamma": "effiskel_gamma"})
    return ["effiskel-alpha", "effiskel-beta", "effiskel-gamma"]


def _statuses(host: PluginHost, names: list[str]) -> dict[str, str]:
    records = {r.distribution: r for r in host.plugins(include_disabled=True)}
    return {n: records[n].status for n in names}


def test_allow_list_by_distribution_loads_only_those(three_dists) -> None:
    host = PluginHost(environ={ENV_ALLOW: "effiskel-alpha"})
    assert _statuses(host, three_dists) == {
        "effiskel-alpha": OK, "effiskel-beta": DISABLED, "effiskel-gamma": DISABLED,
    }
    assert [r.distribution for r in host.plugins()] == ["effiskel-alpha"]
    assert set(host.datasets) == {"alpha"}
    assert set(host.languages) == set()  # not even the installed python plugin
    disabled = by_name(host)["beta"]
    assert disabled.error == f"not listed in {ENV_ALLOW}"
    assert disabled.components == {} and disabled.hooks == []
    assert "effiskel_gamma" not in sys.modules
    host.check()  # disabled is not broken


def test_allow_list_by_entry_point_name_and_normalised(three_dists) -> None:
    # Entry-point name "alpha_ep" given as ALPHA-EP; distribution "Effiskel_Beta" as effiskel.beta.
    host = PluginHost(environ={ENV_ALLOW: " ALPHA-EP , effiskel.beta ,"})
    assert _statuses(host, three_dists) == {
        "effiskel-alpha": OK, "effiskel-beta": OK, "effiskel-gamma": DISABLED,
    }
    assert set(host.datasets) == {"alpha", "beta"}
    assert by_name(host)["beta"].distribution == "effiskel-beta"


@pytest.mark.parametrize("value", ["", " ", ",", " , "])
def test_empty_allow_list_loads_nothing(three_dists, value: str) -> None:
    host = PluginHost(environ={ENV_ALLOW: value})
    assert host.plugins() == []
    assert {r.status for r in host.plugins(include_disabled=True)} == {DISABLED}
    assert "python" in by_name(host)  # the installed python plugin is listed, disabled
    assert all(len(host.registry(kind)) == 0 for kind in PROTOCOLS)


def test_block_list_by_distribution_and_entry_point_name(three_dists) -> None:
    host = PluginHost(environ=_allow(*three_dists) | {ENV_BLOCK: "EFFISKEL_GAMMA,Alpha.Ep"})
    assert _statuses(host, three_dists) == {
        "effiskel-alpha": DISABLED, "effiskel-beta": OK, "effiskel-gamma": DISABLED,
    }
    assert by_name(host)["gamma"].error == f"listed in {ENV_BLOCK}"
    assert set(host.datasets) == {"beta"}
    assert "effiskel_gamma" not in sys.modules
    host.check()


def test_block_list_wins_over_allow_list(three_dists) -> None:
    host = PluginHost(environ={ENV_ALLOW: "effiskel-alpha,effiskel-beta", ENV_BLOCK: "beta"})
    assert _statuses(host, three_dists) == {
        "effiskel-alpha": OK, "effiskel-beta": DISABLED, "effiskel-gamma": DISABLED,
    }


def test_without_lists_everything_installed_loads(three_dists) -> None:
    host = PluginHost(environ={})
    assert _statuses(host, three_dists) == {
        "effiskel-alpha": OK, "effiskel-beta": OK, "effiskel-gamma": BROKEN,
    }
    assert "needs a licence server" in by_name(host)["gamma"].error
    assert by_name(host)["python"].status == OK
    assert "python" in host.languages


def test_lists_are_read_from_the_process_environment(three_dists, monkeypatch) -> None:
    monkeypatch.setenv(ENV_ALLOW, "effiskel-alpha,effiskel-beta")
    monkeypatch.setenv(ENV_BLOCK, "effiskel-beta")
    host = PluginHost()
    assert _statuses(host, three_dists) == {
        "effiskel-alpha": OK, "effiskel-beta": DISABLED, "effiskel-gamma": DISABLED,
    }


def test_installed_python_plugin_alone(host: PluginHost, monkeypatch) -> None:
    monkeypatch.setenv(ENV_ALLOW, "effiskel-lang-python")
    records = host.plugins()
    assert [(r.name, r.distribution, r.status) for r in records] == [
        ("python", "effiskel-lang-python", OK)
    ]
    assert records[0].version and records[0].components["language"][0]["name"] == "python"
    assert host.languages.names() == ["python"]


def test_loading_is_lazy_and_once(three_dists) -> None:
    environ = {ENV_ALLOW: "effiskel-alpha"}
    host = PluginHost(environ=environ)
    assert host.records == {}  # nothing imported before first use
    environ[ENV_ALLOW] = "effiskel-alpha,effiskel-beta"  # read at first use
    assert set(host.datasets) == {"alpha", "beta"}
    environ[ENV_ALLOW] = ""
    assert set(host.datasets) == {"alpha", "beta"}  # loaded once


def test_an_add_on_sorting_first_cannot_take_a_builtin_name(make_dist, monkeypatch) -> None:
    """Built-ins load before add-ons, so a squatter on ``python`` is the one refused."""
    monkeypatch.delenv("EFFISKEL_PLUGINS", raising=False)
    make_dist("aaa-effiskel-squatter", """
        import tree_sitter_python
        from effiskel import hookimpl
        from effiskel.treesitter import TreeSitterFrontend

        class Squatter(TreeSitterFrontend):
            name = "python"
            version = "9.9"
            extensions = (".py",)
            grammar = staticmethod(tree_sitter_python.language)

        @hookimpl
        def effiskel_register_languages(registry):
            registry.register(Squatter())
    """)
    host = PluginHost()
    assert host.languages.registration("python").distribution == "effiskel-lang-python"
    squatter = next(r for r in host.plugins() if r.distribution == "aaa-effiskel-squatter")
    assert squatter.status == "broken"
    assert "already registered by plugin python (distribution 'effiskel-lang-python')" in squatter.error


def test_threads_using_a_fresh_host_at_once_all_see_every_plugin(monkeypatch):
    """The first use loads the plugins; threads arriving meanwhile wait for the whole load."""
    import threading
    import time

    host = PluginHost(environ={})
    real_load = host.load_entry_points

    def slow_load():
        time.sleep(0.3)  # long enough for every thread to arrive while loading
        real_load()

    monkeypatch.setattr(host, "load_entry_points", slow_load)
    seen: list[list[str]] = []
    threads = [threading.Thread(target=lambda: seen.append(host.measurers.names())) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 6 and all(names == seen[0] for names in seen)
    assert "wall" in seen[0] and "instructions" in seen[0]
