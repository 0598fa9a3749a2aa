"""The data model: tasks, solutions, runs, measurements, skeletons, training examples, reports.

Small frozen attrs classes, validated where they are built. Every one serialises to JSON and
back without loss through :mod:`effiskel.serialization`.
"""

from __future__ import annotations

import enum
import hashlib
import math
import re
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import validators as v

_NAME = re.compile(r"[a-z][a-z0-9_+-]*\Z")


def _tuple(value: Any) -> tuple:
    return tuple(value)


def _frozen_mapping(value: Mapping) -> dict:
    return dict(value)


class TaskKind(enum.Enum):
    """How a task's solutions are called."""

    #: The program reads its input on stdin and writes its answer on stdout (any language).
    STDIO = "stdio"
    #: The frontend's harness calls an entry point with arguments and prints its return value.
    FUNCTION = "function"


class Verdict(enum.Enum):
    """The outcome of running one solution on one input."""

    PASSED = "passed"
    WRONG_ANSWER = "wrong_answer"
    RUNTIME_ERROR = "runtime_error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    COMPILE_ERROR = "compile_error"
    SANDBOX_VIOLATION = "sandbox_violation"

    @property
    def passed(self) -> bool:
        return self is Verdict.PASSED


@attrs.frozen
class Parameter:
    """One typed parameter of a function task: ``int``, ``float``, ``bool``, ``str``, ``list[T]``."""

    name: str
    type: str


@attrs.frozen
class Signature:
    """The typed entry point of a function task, from which frontends generate harnesses."""

    entry_point: str = attrs.field(validator=v.matches_re(r"[A-Za-z_][A-Za-z0-9_]*"))
    parameters: tuple[Parameter, ...] = attrs.field(converter=_tuple, default=())
    returns: str = "None"


@attrs.frozen
class TestCase:
    """A fixed test: the input (stdin text, or the JSON-encoded argument list) and the expected output."""

    input: str
    expected: str | None = None
    level: int = 0


@attrs.frozen
class InputGenerator:
    """Python source defining ``generate_input(size, level, case)``; one size per level."""

    source: str
    levels: tuple[int, ...] = attrs.field(converter=_tuple)
    cases_per_level: tuple[int, ...] = attrs.field(converter=_tuple, default=())
    entry_point: str = "generate_input"
    #: Python source run in the generator's namespace first (helpers the generator calls).
    prelude: str = ""


@attrs.frozen
class Checker:
    """How an output is judged: ``exact``, ``tokens`` (whitespace-insensitive), ``float`` or ``custom``.

    A ``custom`` checker is Python source defining ``entry_point(input, expected, output) -> bool``.
    """

    kind: str = attrs.field(default="exact", validator=v.in_({"exact", "tokens", "float", "custom"}))
    source: str | None = None
    entry_point: str = "check"
    tolerance: float = 1e-6
    #: Python source run in a custom checker's namespace first (helpers the checker calls).
    prelude: str = ""


@attrs.frozen
class Solution:
    """Source code of one solution of one task in one language, and where it came from."""

    task_id: str
    language: str = attrs.field(validator=v.matches_re(_NAME))
    source: str
    #: Where it came from: ``reference``, ``canonical``, ``model:<name>``, ``suite:efficient``, ...
    origin: str = "unknown"
    #: Free-form facts about it (the model's sampling settings, the suite's complexity note...).
    meta: dict[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    id: str = attrs.field()

    @id.default
    def _content_id(self) -> str:
        digest = hashlib.sha256(f"{self.task_id}\0{self.language}\0{self.source}".encode())
        return f"{self.task_id}/{self.language}/{digest.hexdigest()[:12]}"


@attrs.frozen
class Task:
    """A problem, language-neutral, with its tests, input generator, checker and references."""

    id: str = attrs.field(validator=v.min_len(1))
    statement: str
    kind: TaskKind = TaskKind.FUNCTION
    signature: Signature | None = None
    tests: tuple[TestCase, ...] = attrs.field(converter=_tuple, default=())
    generator: InputGenerator | None = None
    checker: Checker = attrs.field(factory=Checker)
    #: Reference solutions per language.
    references: dict[str, tuple[Solution, ...]] = attrs.field(factory=dict)
    source: str = ""
    meta: dict[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)

    def __attrs_post_init__(self) -> None:
        if self.kind is TaskKind.FUNCTION and self.signature is None:
            raise ValueError(f"task {self.id!r}: a function task needs a signature")


@attrs.frozen
class SolutionGroup:
    """The solutions of one task in one language that a skeleton strategy works on."""

    task_id: str
    language: str
    efficient: tuple[Solution, ...] = attrs.field(converter=_tuple)
    inefficient: tuple[Solution, ...] = attrs.field(converter=_tuple, default=())

    def __attrs_post_init__(self) -> None:
        for s in (*self.efficient, *self.inefficient):
            if s.task_id != self.task_id or s.language != self.language:
                raise ValueError(
                    f"solution {s.id} ({s.task_id}, {s.language}) does not belong to the group of "
                    f"task {self.task_id!r} in {self.language}"
                )


@attrs.frozen
class Measurement:
    """Repeated samples of one measurer on one run, with a robust location and dispersion."""

    measurer: str
    unit: str
    samples: tuple[float, ...] = attrs.field(converter=_tuple)
    location: float = attrs.field()
    #: ``median`` or ``hodges-lehmann``.
    location_method: str = "median"
    dispersion: float = 0.0
    #: e.g. ``mad`` (median absolute deviation) or ``iqr``.
    dispersion_method: str = "mad"
    ci_low: float | None = None
    ci_high: float | None = None
    deterministic: bool = False

    @location.validator
    def _finite(self, attribute: attrs.Attribute, value: float) -> None:
        if not math.isfinite(value):
            raise ValueError(f"measurement {self.measurer}: location must be finite, got {value}")


@attrs.frozen
class RunResult:
    """One solution run on one input in the sandbox: its verdict and what was measured."""

    solution_id: str
    task_id: str
    verdict: Verdict
    #: Which sandbox layer ran it: ``bubblewrap`` or ``rlimit``.
    layer: str
    input_id: str = ""
    exit_code: int | None = None
    signal: int | None = None
    stderr_tail: str = ""
    message: str = ""
    measurements: tuple[Measurement, ...] = attrs.field(converter=_tuple, default=())

    @property
    def passed(self) -> bool:
        return self.verdict.passed


@attrs.frozen
class Skeleton:
    """The efficiency skeleton of one solution: a keep-mask over its tokens, and renderings of it."""

    solution_id: str
    strategy: str
    #: One flag per frontend token of the solution: True where the token belongs to the skeleton.
    keep: tuple[bool, ...] = attrs.field(converter=_tuple)
    #: The solution with the non-skeleton words replaced by the placeholder.
    rendered: str
    #: Character spans ``(start, end)`` of the kept text in the solution's source string.
    spans: tuple[tuple[int, int], ...] = attrs.field(
        converter=lambda spans: tuple((int(a), int(b)) for a, b in spans)
    )
    params: dict[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)

    def char_mask(self, length: int) -> bytearray:
        """One byte per character of the source: 1 inside the skeleton, 0 outside."""
        mask = bytearray(length)
        for start, end in self.spans:
            if not 0 <= start <= end <= length:
                # A bytearray slice assignment out of range would silently grow the mask.
                raise ValueError(
                    f"skeleton of {self.solution_id} ({self.strategy}): span ({start}, {end}) "
                    f"is outside a source of {length} characters"
                )
            mask[start:end] = b"\x01" * (end - start)
        return mask

    @property
    def kept_share(self) -> float:
        return sum(self.keep) / len(self.keep) if self.keep else 0.0


@attrs.frozen
class SkeletonFailure:
    """Why a strategy gave no skeleton for one solution (does not parse, fails its tests, ...)."""

    solution_id: str
    strategy: str
    reason: str


@attrs.frozen
class TrainingExample:
    """One training example: a prompt and the targets of the code and skeleton tasks."""

    task_id: str
    solution_id: str
    prompt: str
    code: str
    skeleton: str
    #: Character spans of the skeleton within ``code`` (the L_mask weights come from these).
    skeleton_spans: tuple[tuple[int, int], ...] = attrs.field(
        converter=lambda spans: tuple((int(a), int(b)) for a, b in spans), default=()
    )
    language: str = "python"


@attrs.frozen
class MetricValue:
    """A metric figure with the number of tasks behind it and its confidence interval."""

    name: str
    value: float
    n_tasks: int
    ci_low: float | None = None
    ci_high: float | None = None
    confidence: float = 0.95


@attrs.frozen
class Report:
    """The figures of one evaluation: metrics per system (arm) and the per-task details."""

    title: str
    metrics: dict[str, tuple[MetricValue, ...]] = attrs.field(factory=dict)
    details: dict[str, Any] = attrs.field(factory=dict)
