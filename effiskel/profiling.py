"""Per-line execution profiles of a solution: what the dynamic skeleton strategy reads.

A frontend that can profile offers the optional capability ``profile_lines(session)``: it runs
the session's (passing, built) solution on the session's inputs under a line profiler in the
sandbox and returns a :class:`LineProfile` -- the cost of each line *of the solution's own
source* (harness lines excluded, 1-based), summed over the inputs profiled. The unit depends on
the profiler: ``"s"`` (Python line timing), ``"instructions"`` (callgrind's Ir, C++ and Rust),
``"bytecodes"`` (Java).

Nothing else calls a frontend's profiler directly: :func:`line_profiler_of` finds it, or says
clearly that the language has none.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .errors import EffiskelError
from .serialization import converter

if TYPE_CHECKING:
    from .measurement import MeasureSession

#: The units a profile may be in.
UNITS = frozenset({"s", "instructions", "bytecodes"})


class ProfilingError(EffiskelError):
    """A solution could not be profiled (no profiler for its language, or the profiler failed)."""


def _costs(value: Mapping[Any, Any]) -> dict[int, float]:
    costs: dict[int, float] = {}
    for line, cost in dict(value).items():
        number, amount = int(line), float(cost)
        if number < 1:
            raise ValueError(f"line numbers are 1-based, got {line!r}")
        if not math.isfinite(amount) or amount < 0:
            raise ValueError(f"line {number}: a cost must be finite and >= 0, got {cost!r}")
        costs[number] = amount
    return costs


@attrs.frozen
class LineProfile:
    """The cost of each line of one solution's own source, summed over the inputs profiled."""

    solution_id: str
    #: ``"s"``, ``"instructions"`` or ``"bytecodes"``.
    unit: str = attrs.field(validator=attrs.validators.in_(UNITS))
    #: 1-based line number of the solution's source -> cost. Lines that never ran are absent.
    costs: dict[int, float] = attrs.field(converter=_costs)
    #: True when profiling the same solution on the same inputs again gives the same costs.
    deterministic: bool

    @property
    def total(self) -> float:
        return sum(self.costs.values())

    def hot_lines(self, factor: float = 1.0) -> frozenset[int]:
        """The lines whose cost is at least ``factor`` times the mean cost of the lines that ran
        (``factor=1`` is the row-average threshold of the published method)."""
        if factor < 0 or not math.isfinite(factor):
            raise ValueError(f"the hot-line factor must be finite and >= 0, got {factor!r}")
        ran = {line: cost for line, cost in self.costs.items() if cost > 0}
        if not ran:
            return frozenset()
        threshold = factor * sum(ran.values()) / len(ran)
        return frozenset(line for line, cost in ran.items() if cost >= threshold)


def _structure_profile(data: Any, cls: type) -> LineProfile:
    # JSON object keys are strings; the strict int hook of the shared converter would refuse
    # "12" as a line number, so the costs table is structured here.
    costs = data.get("costs")
    if not isinstance(costs, dict):
        raise TypeError(f"costs: expected an object of line -> cost, got {type(costs).__name__}")
    lines = {}
    for key, cost in costs.items():
        if not (isinstance(key, int) or isinstance(key, str) and key.isdigit()):
            raise ValueError(f"costs: {key!r} is not a line number")
        if isinstance(cost, bool) or not isinstance(cost, (int, float)):
            raise TypeError(f"costs[{key}]: expected a number, got {cost!r}")
        lines[int(key)] = cost
    extra = set(data) - {"solution_id", "unit", "costs", "deterministic"}
    if extra:
        raise ValueError(f"unknown field(s) {sorted(extra)}")
    if not isinstance(data.get("deterministic"), bool) or not isinstance(data.get("solution_id"), str):
        raise TypeError("solution_id must be a string and deterministic a boolean")
    try:
        return cls(solution_id=data["solution_id"], unit=data.get("unit"), costs=lines,
                   deterministic=data["deterministic"])
    except (TypeError, ValueError) as exc:
        # attrs validators raise (message, attribute, ...): keep the message.
        raise ValueError(exc.args[0] if exc.args else str(exc)) from None


converter.register_structure_hook(LineProfile, _structure_profile)


#: The shape of a frontend's ``profile_lines`` capability.
LineProfiler = Callable[["MeasureSession"], LineProfile]


def line_profiler_of(frontend: Any) -> LineProfiler:
    """The bound ``profile_lines`` method of ``frontend``; a clear error if it has none."""
    method = getattr(frontend, "profile_lines", None)
    if method is None or not callable(method):
        name = getattr(frontend, "name", type(frontend).__name__)
        raise ProfilingError(
            f"the {name} frontend cannot profile lines (it has no profile_lines method), "
            "so the dynamic skeleton strategy cannot run on its solutions"
        )
    return method
