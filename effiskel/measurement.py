"""Measuring a solution that passed: the session a measurer plugin works with.

effiskel gives a measurer a :class:`MeasureSession` -- one built, correct solution and the
inputs to measure it on -- and the measurer decides how to measure with the session's two
primitives:

* :meth:`MeasureSession.run` runs the solution on some inputs with ``warmup`` untimed and
  ``repeat`` timed calls per input, optionally under a command prefix (a profiler), and returns
  the per-input results (with the harness's in-run timings) and the process outcome (CPU time,
  peak memory).
* :meth:`MeasureSession.baseline` runs the same harness on the same inputs without calling the
  solution, so whatever the harness itself costs (interpreter or JVM start-up, reading the
  input) can be subtracted.

A measurer returns one :class:`~effiskel.datamodel.Measurement` per input. A solution that does
not pass every input gets no efficiency figure (:func:`measure_solution` checks first).

A ``stdio`` task has no harness: each timed "call" is a whole run of the program (start-up
included), timed from outside, and there is no baseline run, so only measurers that need none
(``wall``) measure it; the others say so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .datamodel import Measurement, Solution, TaskKind, Verdict
from .errors import EffiskelError
from .evaluation import Evaluator, PreparedTask, SolutionRun
from .execution import Build, InputRun, failure_verdict, run_built, run_function
from .judging import Judge
from .sandbox import Limits, Outcome
from .stats import location, location_ci, mad


class MeasurementError(EffiskelError):
    """A measurement could not be made (the machine lacks what the measurer needs, or a run failed)."""


@attrs.define
class MeasureSession:
    """One passing solution, built, and the inputs to measure it on."""

    build: Build
    prepared: PreparedTask
    #: Indices (into ``prepared.inputs``) of the inputs to measure.
    indices: list[int]
    limits: Limits
    layer: str | None = None
    #: The solution the build was made from (profilers name it in what they return).
    solution: Solution | None = None

    @property
    def inputs(self) -> list[Any]:
        return [self.prepared.inputs[i] for i in self.indices]

    def _call(self, indices: Sequence[int] | None, warmup: int, repeat: int,
              limits: Limits | None = None, **options: Any) -> tuple[list[InputRun], Outcome]:
        chosen = list(self.indices if indices is None else indices)
        task = self.prepared.task
        if task.kind is TaskKind.STDIO:
            return self._call_stdio(chosen, warmup, repeat, limits or self.limits, **options)
        assert task.signature is not None
        runs, outcome = run_function(
            self.build, task.signature, [self.prepared.inputs[i].args for i in chosen],
            [self.prepared.expected[i] for i in chosen], task.checker,
            warmup=warmup, repeat=repeat, limits=limits or self.limits, layer=self.layer, **options,
        )
        return runs, outcome

    def _call_stdio(self, chosen: Sequence[int], warmup: int, repeat: int, limits: Limits,
                    **options: Any) -> tuple[list[InputRun], Outcome]:
        """A stdio program has no call to time apart from its process: ``warmup + repeat`` whole
        runs per input, each judged, the last ``repeat`` timed from outside (start-up included).
        The outcome is the last run's, with the CPU seconds of the timed runs summed."""
        if repeat == 0:
            raise MeasurementError(
                f"task {self.prepared.task.id} is a stdio task: there is no harness to run without the "
                "solution, so no baseline to subtract; measure it with a measurer that needs none "
                "(wall: the whole process's time)")
        judge = Judge(self.prepared.task.checker)
        runs: list[InputRun] = []
        last: Outcome | None = None
        cpu = 0.0
        for i in chosen:
            text = self.prepared.inputs[i].args[0]
            times = []
            verdict, value, message = Verdict.PASSED, None, ""
            for k in range(warmup + repeat):
                outcome = run_built(self.build, text.encode("utf-8", "surrogateescape"), limits,
                                    layer=self.layer, **options)
                last = outcome
                if not outcome.ok:
                    verdict, message = failure_verdict(outcome)
                    break
                value = outcome.stdout.decode("utf-8", "replace")
                if not judge((text,), self.prepared.expected[i], value):
                    verdict, message = Verdict.WRONG_ANSWER, f"input {i}: got {value[:200]!r}"
                    break
                if k >= warmup:
                    times.append(int(outcome.wall_seconds * 1e9))
                    cpu += outcome.cpu_seconds
            runs.append(InputRun(i, verdict, value, tuple(times), message))
            if verdict is not Verdict.PASSED:
                break
        if last is None:
            raise MeasurementError("no input to run")
        return runs, attrs.evolve(last, cpu_seconds=cpu)

    def run(self, *, indices: Sequence[int] | None = None, warmup: int = 0, repeat: int = 1,
            wrap: Sequence[str] = (), env: Mapping[str, str] | None = None, read_only: Sequence[str] = (),
            after: Callable[[Path], None] | None = None, limits: Limits | None = None,
            ) -> tuple[list[InputRun], Outcome]:
        """Run the solution; raise MeasurementError if it does not pass (a flaky solution)."""
        runs, outcome = self._call(indices, warmup, repeat, limits, wrap=wrap, env=env,
                                   read_only=read_only, after=after)
        bad = next((r for r in runs if r.verdict is not Verdict.PASSED), None)
        if bad is not None:
            raise MeasurementError(f"the solution failed while being measured: {bad.verdict.value}: {bad.message}")
        return runs, outcome

    def baseline(self, *, indices: Sequence[int] | None = None, wrap: Sequence[str] = (),
                 env: Mapping[str, str] | None = None, read_only: Sequence[str] = (),
                 after: Callable[[Path], None] | None = None, limits: Limits | None = None) -> Outcome:
        """Run the harness on the inputs without calling the solution."""
        runs, outcome = self._call(indices, 0, 0, limits, wrap=wrap, env=env, read_only=read_only,
                                   after=after)
        if not outcome.ok or len(runs) != len(self.indices if indices is None else indices):
            raise MeasurementError(f"the baseline run failed: {outcome.stderr_text[-300:]}")
        return outcome


def summarize(measurer: str, unit: str, samples: Sequence[float], *, deterministic: bool = False,
              method: str = "median", seed: int = 0) -> Measurement:
    """A Measurement from raw samples: robust location, MAD, and a bootstrap CI of the location."""
    values = [float(s) for s in samples]
    if not values:
        raise MeasurementError(f"{measurer}: no samples")
    centre = location(values, method)
    if len(values) > 1 and not deterministic:
        low, high = location_ci(values, method=method, seed=seed) or (centre, centre)
    else:
        low = high = centre
    return Measurement(measurer=measurer, unit=unit, samples=tuple(values), location=centre,
                       location_method=method, dispersion=mad(values) if len(values) > 1 else 0.0,
                       dispersion_method="mad", ci_low=low, ci_high=high, deterministic=deterministic)


@attrs.frozen
class SolutionMeasurement:
    """A solution's verdict and, if it passed, its measurements per measured input."""

    run: SolutionRun
    measurer: str
    input_ids: tuple[str, ...] = attrs.field(converter=tuple, default=())
    measurements: tuple[Measurement, ...] = attrs.field(converter=tuple, default=())
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.run.passed

    def total(self) -> float | None:
        """The sum of the per-input locations (the solution's figure on the measured inputs)."""
        return sum(m.location for m in self.measurements) if self.measurements else None


def measure_solution(evaluator: Evaluator, solution, prepared: PreparedTask, measurer,
                     *, levels: Sequence[int] | None = None) -> SolutionMeasurement:
    """Judge ``solution`` on every input; if it passes, measure it on the inputs of ``levels``
    (default: the largest level) with ``measurer`` (a registered Measurer or its name)."""
    if isinstance(measurer, str):
        measurer = evaluator.host.measurers.get(measurer)
    why = measurer.unavailable_reason(solution.language)
    if why:
        raise MeasurementError(f"the {measurer.name} measurer cannot measure {solution.language} here: {why}")
    verdict = evaluator.run(solution, prepared)
    if not verdict.passed:
        return SolutionMeasurement(verdict, measurer.name, message="no efficiency figure: it did not pass")
    levels_present = sorted({i.level for i in prepared.inputs})
    wanted = set(levels) if levels is not None else {max(levels_present)}
    indices = [i for i, item in enumerate(prepared.inputs) if item.level in wanted and item.id.startswith("L")]
    if not indices:
        indices = [i for i, item in enumerate(prepared.inputs) if item.level in wanted]
    frontend = evaluator.host.languages.get(solution.language)
    build = evaluator.builder.build(frontend.program(solution.source, prepared.task.kind, prepared.task.signature))
    session = MeasureSession(build, prepared, indices, evaluator.limits, evaluator.layer, solution)
    measurements = measurer.measure(session)
    if len(measurements) != len(indices):
        raise MeasurementError(f"the {measurer.name} measurer returned {len(measurements)} measurements "
                               f"for {len(indices)} inputs")
    return SolutionMeasurement(verdict, measurer.name, [prepared.inputs[i].id for i in indices], measurements)


def levelled_run(evaluator: Evaluator, solution, prepared: PreparedTask, *, repeat: int = 6,
                 warmup: int = 1, limits: Limits | None = None):
    """ENAMEL's protocol for one solution: every level in its own run, ``repeat`` timed calls
    per test case after ``warmup``; a level that fails ends the solution (later levels are
    TIMEOUT if it timed out, else not run and scored as the failure).

    Returns a :class:`effiskel.metrics.LevelledRun` with per-case timings in seconds.
    """
    from .metrics import LevelledRun, LevelResult

    task = prepared.task
    frontend = evaluator.host.languages.get(solution.language)
    build = evaluator.builder.build(frontend.program(solution.source, task.kind, task.signature))
    levels = sorted({i.level for i in prepared.inputs if i.id.startswith("L")})
    results = []
    for level in levels:
        indices = [k for k, i in enumerate(prepared.inputs) if i.level == level and i.id.startswith("L")]
        if not build.ok:
            results.append(LevelResult(Verdict.COMPILE_ERROR))
            continue
        if results and not results[-1].verdict.passed:
            failed = results[-1].verdict
            results.append(LevelResult(Verdict.TIMEOUT if failed is Verdict.TIMEOUT else failed))
            continue
        runs, _ = run_function(build, task.signature, [prepared.inputs[k].args for k in indices],
                               [prepared.expected[k] for k in indices], task.checker, warmup=warmup,
                               repeat=repeat, limits=limits or evaluator.limits, layer=evaluator.layer)
        bad = next((r for r in runs if r.verdict is not Verdict.PASSED), None)
        if bad is not None:
            results.append(LevelResult(bad.verdict))
        else:
            results.append(LevelResult(Verdict.PASSED, [[t / 1e9 for t in r.times_ns] for r in runs]))
    return LevelledRun(results)
