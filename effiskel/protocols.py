"""The contracts of the six component kinds a plugin can register.

Every component has a ``name`` (unique within its kind, a lowercase identifier such as ``python``
or ``lexical``) and a ``version`` (a PEP 440 string). A registry checks that what it is given has
every member of its protocol, with methods that accept the protocol's parameters, before it
accepts it (see :mod:`effiskel.registry`).

The protocols describe behaviour, not base classes: a component is any object that has the
members. Frontends built on tree-sitter can start from :class:`effiskel.treesitter.TreeSitterFrontend`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from typing import TYPE_CHECKING

from .datamodel import Measurement, Skeleton, SkeletonFailure, SolutionGroup, Task, TrainingExample
from .syntax import ParsedSource, TokenStream

if TYPE_CHECKING:
    from .measurement import MeasureSession


@runtime_checkable
class LanguageFrontend(Protocol):
    """Everything language-specific, so that nothing else needs to know the language."""

    name: str
    version: str
    #: File name endings this frontend handles, with the dot: ``(".py",)``.
    extensions: tuple[str, ...]

    def parse(self, source: bytes | str, *, path: str | None = None) -> ParsedSource:
        """Parse a source; bad syntax is reported in ``.issues``, never raised."""
        ...

    def tokenize(self, source: bytes | str, *, path: str | None = None) -> TokenStream:
        """The source's tokens; the same as ``parse(source).tokens``."""
        ...


@runtime_checkable
class SkeletonStrategy(Protocol):
    """Decides which tokens of efficient solutions form their efficiency skeleton."""

    name: str
    version: str

    def extract(self, group: SolutionGroup, frontend: LanguageFrontend) -> list[Skeleton | SkeletonFailure]:
        """One entry per efficient solution of ``group`` (one task, one language), in order.

        A :class:`~effiskel.datamodel.Skeleton`, or a
        :class:`~effiskel.datamodel.SkeletonFailure` saying why that solution has none (it does
        not parse, fails its tests, the group is too small for the strategy). Never a silent
        fallback. Build each skeleton with :func:`effiskel.skeleton.build_skeleton`.
        """
        ...


@runtime_checkable
class Measurer(Protocol):
    """What to measure about a run: wall time, CPU time, peak memory, instruction count."""

    name: str
    version: str
    #: The unit of every sample, e.g. ``"s"``, ``"bytes"``, ``"instructions"``.
    unit: str
    #: True when repeated runs of the same program on the same input give the same figure.
    deterministic: bool

    def unavailable_reason(self, language: str | None = None) -> str | None:
        """``None`` when this machine can measure programs in ``language``, else why it cannot.

        ``language=None`` asks about the machine alone (what every language needs); callers that
        know the languages they will measure ask for each, since a frontend may bring its own
        means (the Java frontend counts bytecodes without valgrind).
        """
        ...

    def measure(self, session: MeasureSession) -> list[Measurement]:
        """Measure the session's (passing) solution: one Measurement per input of the session.

        ``session.run(...)`` and ``session.baseline(...)`` run it in the sandbox (see
        :mod:`effiskel.measurement`); :func:`effiskel.measurement.summarize` turns samples into
        a Measurement.
        """
        ...


@runtime_checkable
class LossTerm(Protocol):
    """A named term of the training objective, implemented once per trainer backend."""

    name: str
    version: str
    #: The trainer backends this term has an implementation for, e.g. ``{"torch", "jax"}``.
    backends: frozenset[str]

    def implementation(self, backend: str) -> Any:
        """The backend-specific callable that computes this term (its shape is the backend's)."""
        ...


@runtime_checkable
class TrainerBackend(Protocol):
    """Fine-tunes a causal language model on training examples and samples from it."""

    name: str
    version: str

    def train(self, config: Any, examples: Sequence[TrainingExample]) -> Path:
        """Train with ``config``; return the directory of the checkpoint written."""
        ...

    def generate(
        self, checkpoint: Path, prompts: Sequence[str], settings: Mapping[str, Any]
    ) -> list[list[str]]:
        """For each prompt, the completions sampled with ``settings`` (n, temperature, ...)."""
        ...


@runtime_checkable
class DatasetLoader(Protocol):
    """Reads a benchmark from local files into tasks."""

    name: str
    version: str

    def load(self, path: Path) -> list[Task]:
        """Every task of the benchmark at ``path``; a malformed file raises DataError."""
        ...


#: The component kinds, by the name used in registries, hooks and ``effiskel plugins``.
PROTOCOLS: dict[str, type] = {
    "language": LanguageFrontend,
    "strategy": SkeletonStrategy,
    "loss_term": LossTerm,
    "measurer": Measurer,
    "trainer": TrainerBackend,
    "dataset": DatasetLoader,
}
