"""The benchmark metrics: pass@k, ER/AS, Mercury's Beyond, ENAMEL's eff@k, EffiBench's NET/NMU/NTMU.

Every metric returns :class:`~effiskel.datamodel.MetricValue` figures: the value, the number of
tasks behind it and a percentile-bootstrap confidence interval over tasks (seeded,
``n_resamples`` resamples, default 1000, ``confidence`` default 0.95; ``n_resamples=0`` gives no
interval). The formulas, their sources and every degenerate case are in ``docs/metrics.md``.

Inputs are plain records, independent of the sandbox (the measurement layer fills them):

* :class:`Outcome` — one solution's outcome on a task: passed or not, and its figures
  (runtime, peak memory, memory-time area), each a robust location in any consistent unit;
* :class:`TaskOutcomes` — a task's candidates (the generated samples) and its references;
* :class:`LevelResult`, :class:`LevelledRun`, :class:`LevelledTask` — ENAMEL's per-level
  repeated timings, for eff@k.

Errors (no tasks, a task without candidates, ``n < k``, negative or NaN figures, a passing
solution without the figure a metric needs) raise :class:`ValueError` naming the task.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .datamodel import MetricValue, Verdict
from .stats import (
    DEFAULT_CONFIDENCE,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    bootstrap_ci,
    check_bootstrap_args,
    hodges_lehmann,
)

# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _optional_float(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number or None, got {value!r}")
    return float(value)


FIGURES = ("time", "peak_memory", "memory_area")


@attrs.frozen
class Outcome:
    """The outcome of one solution (a candidate or a reference) on one task.

    ``passed`` is True only when the solution passed every test. The figures are robust
    locations (median / Hodges–Lehmann of repeated measurements) in any unit, the same unit
    for every solution compared: ``time`` (runtime; seconds, or instruction counts),
    ``peak_memory`` (maximum memory, EffiBench's MU), ``memory_area`` (memory integrated over
    time, EffiBench's TMU; see :func:`memory_time_area`). A figure is None when not measured;
    a failing solution needs none.
    """

    passed: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    time: float | None = attrs.field(default=None, converter=_optional_float)
    peak_memory: float | None = attrs.field(default=None, converter=_optional_float)
    memory_area: float | None = attrs.field(default=None, converter=_optional_float)

    @classmethod
    def timed(cls, time: float | None) -> Outcome:
        """A passing outcome with runtime ``time``, or a failing one when ``time`` is None."""
        return cls(passed=False) if time is None else cls(passed=True, time=time)


def _check_outcome(task_id: str, role: str, index: int, outcome: Outcome) -> None:
    if not isinstance(outcome, Outcome):
        raise TypeError(
            f"task {task_id!r}: {role} {index} is a {type(outcome).__name__}, not an Outcome"
        )
    for figure in FIGURES:
        value = getattr(outcome, figure)
        if value is None:
            continue
        if math.isnan(value):
            raise ValueError(f"task {task_id!r}: {role} {index}: {figure} is NaN")
        if value < 0:
            raise ValueError(f"task {task_id!r}: {role} {index}: {figure} is negative ({value})")
        if math.isinf(value):
            raise ValueError(f"task {task_id!r}: {role} {index}: {figure} is infinite")


def _outcomes(value: Iterable[Outcome]) -> tuple[Outcome, ...]:
    return tuple(value)


@attrs.frozen
class TaskOutcomes:
    """A task's candidates (the n generated samples of one system) and its reference solutions.

    Validated when built: every figure finite and >= 0, else ValueError naming the task.
    """

    task_id: str = attrs.field(validator=attrs.validators.instance_of(str))
    candidates: tuple[Outcome, ...] = attrs.field(converter=_outcomes)
    references: tuple[Outcome, ...] = attrs.field(converter=_outcomes, default=())

    def __attrs_post_init__(self) -> None:
        if not self.task_id:
            raise ValueError("a task's id must not be empty")
        for role, items in (("candidate", self.candidates), ("reference", self.references)):
            for i, outcome in enumerate(items):
                _check_outcome(self.task_id, role, i, outcome)

    @classmethod
    def from_times(
        cls,
        task_id: str,
        candidates: Iterable[float | None],
        references: Iterable[float | None] = (),
    ) -> TaskOutcomes:
        """Build from runtimes: a number is a passing solution with that runtime, None a failure."""
        return cls(
            task_id,
            tuple(Outcome.timed(t) for t in candidates),
            tuple(Outcome.timed(t) for t in references),
        )

    @property
    def n(self) -> int:
        """The number of candidates."""
        return len(self.candidates)

    @property
    def c(self) -> int:
        """The number of passing candidates."""
        return sum(1 for o in self.candidates if o.passed)


def _task_list(
    tasks: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes], metric: str
) -> list[TaskOutcomes]:
    if isinstance(tasks, Mapping):
        for key, task in tasks.items():
            if isinstance(task, TaskOutcomes) and key != task.task_id:
                raise ValueError(f"{metric}: key {key!r} holds task {task.task_id!r}")
        items = list(tasks.values())
    else:
        items = list(tasks)
    if not items:
        raise ValueError(f"{metric}: no tasks given")
    seen: set[str] = set()
    for task in items:
        if not isinstance(task, TaskOutcomes):
            raise TypeError(f"{metric}: expected TaskOutcomes, got {type(task).__name__}")
        if task.task_id in seen:
            raise ValueError(f"{metric}: task {task.task_id!r} is given twice")
        seen.add(task.task_id)
    return items


def _figure(
    task_id: str, role: str, index: int, outcome: Outcome, figure: str, metric: str
) -> float:
    value = getattr(outcome, figure)
    if value is None:
        raise ValueError(f"{metric}: task {task_id!r}: passing {role} {index} has no {figure}")
    return value


# --------------------------------------------------------------------------------------------
# Shared: a MetricValue from per-task values
# --------------------------------------------------------------------------------------------


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _metric(
    name: str,
    per_task: Sequence[Any],
    statistic: Any,
    *,
    n_resamples: int,
    confidence: float,
    seed: int,
) -> MetricValue:
    """``statistic(per_task)`` with its bootstrap interval over the tasks."""
    value = statistic(per_task)
    ci = bootstrap_ci(
        per_task, statistic, n_resamples=n_resamples, confidence=confidence, seed=seed
    )
    low, high = ci if ci is not None else (None, None)
    return MetricValue(
        name=name,
        value=value,
        n_tasks=len(per_task),
        ci_low=low,
        ci_high=high,
        confidence=confidence,
    )


def _check_k(k: int, metric: str) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"{metric}: k must be an integer >= 1, got {k!r}")


# --------------------------------------------------------------------------------------------
# pass@k (Chen et al. 2021)
# --------------------------------------------------------------------------------------------


def pass_at_k_estimate(n: int, c: int, k: int) -> float:
    """The unbiased pass@k estimate of one task: ``1 - C(n-c, k) / C(n, k)``.

    Computed as ``1 - prod_{i=n-c+1}^{n} (1 - k/i)`` (Chen et al. 2021), which never forms
    the huge binomials; 1.0 when ``n - c < k`` (every k-subset holds a passing sample).
    """
    _check_k(k, "pass@k")
    if not (0 <= c <= n):
        raise ValueError(f"pass@k: need 0 <= c <= n, got n={n}, c={c}")
    if n < k:
        raise ValueError(f"pass@{k}: n={n} samples is fewer than k={k}")
    if n - c < k:
        return 1.0
    product = 1.0
    for i in range(n - c + 1, n + 1):
        product *= 1.0 - k / i
    return 1.0 - product


def pass_at_k(
    tasks: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
    k: int,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> MetricValue:
    """pass@k averaged over tasks, named ``pass@{k}``; a task with n < k candidates is an error."""
    name = f"pass@{k}"
    _check_k(k, name)
    check_bootstrap_args(n_resamples, confidence)
    items = _task_list(tasks, name)
    per_task = []
    for task in items:
        if task.n < k:
            raise ValueError(
                f"{name}: task {task.task_id!r} has n={task.n} candidates, fewer than k={k}"
            )
        per_task.append(pass_at_k_estimate(task.n, task.c, k))
    return _metric(name, per_task, _mean, n_resamples=n_resamples, confidence=confidence, seed=seed)


# --------------------------------------------------------------------------------------------
# EffiSkel's Efficiency Ratio (ER) and Average Speedup (AS)
# --------------------------------------------------------------------------------------------


def fastest_passing_time(
    outcomes: Sequence[Outcome], *, task_id: str = "?", role: str = "candidate"
) -> float | None:
    """The smallest runtime among the passing ``outcomes``, None when none passed."""
    best: float | None = None
    for i, outcome in enumerate(outcomes):
        if outcome.passed:
            t = _figure(task_id, role, i, outcome, "time", "fastest passing time")
            if best is None or t < best:
                best = t
    return best


def _ties(a: float, b: float, tolerance: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= tolerance * max(a, b)


@attrs.frozen
class Comparison:
    """System A against system B on the tasks both solved (each by its fastest passing solution).

    ``efficiency_ratio`` (ER) is the share of those tasks where A is strictly faster, with the
    shares of ties and losses beside it; ``average_speedup`` (AS) is the arithmetic mean of
    ``time_B / time_A`` and ``geometric_mean_speedup`` the geometric mean of the same ratios.
    """

    efficiency_ratio: MetricValue
    tie_share: MetricValue
    loss_share: MetricValue
    average_speedup: MetricValue
    geometric_mean_speedup: MetricValue
    wins: int
    ties: int
    losses: int
    #: Task ids, sorted: solved by both, by A only, by B only, by neither.
    solved_by_both: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    neither: tuple[str, ...]
    tie_tolerance: float = 0.0

    def metrics(self) -> tuple[MetricValue, ...]:
        return (
            self.efficiency_ratio,
            self.tie_share,
            self.loss_share,
            self.average_speedup,
            self.geometric_mean_speedup,
        )


def compare_systems(
    a: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
    b: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
    *,
    tie_tolerance: float = 0.0,
    n_resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> Comparison:
    """EffiSkel's ER and AS of system ``a`` (e.g. the fine-tuned model) against ``b`` (a baseline).

    Both systems must cover the same tasks. Per task, each system's fastest passing candidate
    counts; on the tasks both solved, A wins when ``t_A < t_B`` and the two are not tied, where
    a tie is ``|t_A - t_B| <= tie_tolerance * max(t_A, t_B)`` (0: exact ties only). No task
    solved by both is an error (the ratios are undefined); so is a zero runtime there (AS).
    """
    check_bootstrap_args(n_resamples, confidence)
    if not (isinstance(tie_tolerance, (int, float)) and 0.0 <= tie_tolerance < 1.0):
        raise ValueError(f"tie_tolerance must be in [0, 1), got {tie_tolerance!r}")
    items_a = {t.task_id: t for t in _task_list(a, "compare_systems (system A)")}
    items_b = {t.task_id: t for t in _task_list(b, "compare_systems (system B)")}
    missing_b = sorted(set(items_a) - set(items_b))
    missing_a = sorted(set(items_b) - set(items_a))
    if missing_a or missing_b:

        def listing(ids: list[str]) -> str:
            more = f" (and {len(ids) - 1} more)" if len(ids) > 1 else ""
            return f"task {ids[0]!r}{more}"

        parts = []
        if missing_b:
            parts.append(f"{listing(missing_b)} has results for A but not B")
        if missing_a:
            parts.append(f"{listing(missing_a)} has results for B but not A")
        raise ValueError(
            "compare_systems: the systems must cover the same tasks: " + "; ".join(parts)
        )

    both: list[tuple[str, float, float]] = []
    only_a: list[str] = []
    only_b: list[str] = []
    neither: list[str] = []
    for task_id in sorted(items_a):
        ta = fastest_passing_time(
            items_a[task_id].candidates, task_id=task_id, role="candidate of A"
        )
        tb = fastest_passing_time(
            items_b[task_id].candidates, task_id=task_id, role="candidate of B"
        )
        if ta is not None and tb is not None:
            both.append((task_id, ta, tb))
        elif ta is not None:
            only_a.append(task_id)
        elif tb is not None:
            only_b.append(task_id)
        else:
            neither.append(task_id)
    if not both:
        raise ValueError(
            f"compare_systems: no task solved by both systems (A only: {len(only_a)}, "
            f"B only: {len(only_b)}, neither: {len(neither)}); ER and AS are undefined"
        )

    # outcome per task: +1 win, 0 tie, -1 loss
    results = []
    ratios = []
    for task_id, ta, tb in both:
        if _ties(ta, tb, tie_tolerance):
            results.append(0)
        else:
            results.append(1 if ta < tb else -1)
        if ta <= 0.0 or tb <= 0.0:
            raise ValueError(
                f"compare_systems: task {task_id!r}: a fastest runtime is 0 (A: {ta}, B: {tb}); "
                "the speedup t_B / t_A is undefined (use a finer timer or instruction counts)"
            )
        ratios.append(tb / ta)

    def share(outcome: int) -> Any:
        def statistic(sample: Sequence[int]) -> float:
            return sum(1 for r in sample if r == outcome) / len(sample)

        return statistic

    def geometric(sample: Sequence[float]) -> float:
        return math.exp(math.fsum(sample) / len(sample))

    kw = dict(n_resamples=n_resamples, confidence=confidence, seed=seed)
    logs = [math.log(r) for r in ratios]
    return Comparison(
        efficiency_ratio=_metric("efficiency_ratio", results, share(1), **kw),
        tie_share=_metric("tie_share", results, share(0), **kw),
        loss_share=_metric("loss_share", results, share(-1), **kw),
        average_speedup=_metric("average_speedup", ratios, _mean, **kw),
        geometric_mean_speedup=_metric("geometric_mean_speedup", logs, geometric, **kw),
        wins=results.count(1),
        ties=results.count(0),
        losses=results.count(-1),
        solved_by_both=tuple(t for t, _, _ in both),
        only_a=tuple(only_a),
        only_b=tuple(only_b),
        neither=tuple(neither),
        tie_tolerance=float(tie_tolerance),
    )


def references_as_system(
    tasks: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
) -> list[TaskOutcomes]:
    """Each task with its references in the place of its candidates: the references as a system."""
    return [
        TaskOutcomes(t.task_id, t.references) for t in _task_list(tasks, "references_as_system")
    ]


def compare_with_references(
    tasks: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
    *,
    tie_tolerance: float = 0.0,
    n_resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> Comparison:
    """ER and AS of the candidates (A) against each task's references (B)."""
    items = _task_list(tasks, "compare_with_references")
    return compare_systems(
        items,
        references_as_system(items),
        tie_tolerance=tie_tolerance,
        n_resamples=n_resamples,
        confidence=confidence,
        seed=seed,
    )


# --------------------------------------------------------------------------------------------
# Mercury's Beyond (Du et al. 2024)
# --------------------------------------------------------------------------------------------


def beyond_score(runtime: float | None, reference_runtimes: Sequence[float]) -> float:
    """Mercury's Beyond of one solution: where its runtime sits in the references' range.

    ``(max_ref - clip(r, min_ref, max_ref)) / (max_ref - min_ref)``: 1 at or below the fastest
    reference, 0 at or above the slowest; 0 for a failing solution (``runtime`` None). When
    every reference has the same runtime (one reference, or equal ones) the range is empty:
    the score is 1 if ``r <= ref`` else 0.
    """
    if not reference_runtimes:
        raise ValueError("beyond: no reference runtimes")
    if runtime is None:
        return 0.0
    lo, hi = min(reference_runtimes), max(reference_runtimes)
    if hi == lo:
        return 1.0 if runtime <= hi else 0.0
    clipped = min(max(runtime, lo), hi)
    return (hi - clipped) / (hi - lo)


@attrs.frozen
class BeyondResult:
    """Mercury's Beyond over the tasks with a passing reference, and the tasks left out."""

    beyond: MetricValue
    #: Tasks without any passing reference (no runtime distribution to place a candidate in).
    excluded: tuple[str, ...]

    @property
    def n_excluded(self) -> int:
        return len(self.excluded)

    def metrics(self) -> tuple[MetricValue, ...]:
        return (self.beyond,)


def beyond(
    tasks: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> BeyondResult:
    """Mercury's Beyond: per task the mean :func:`beyond_score` of its candidates; mean over tasks.

    The reference distribution of a task is the runtimes of its passing references; a task
    with none is excluded and listed in ``excluded``. All tasks excluded is an error.
    """
    check_bootstrap_args(n_resamples, confidence)
    items = _task_list(tasks, "beyond")
    per_task: list[float] = []
    excluded: list[str] = []
    for task in items:
        if not task.candidates:
            raise ValueError(f"beyond: task {task.task_id!r} has no candidates")
        refs = [
            _figure(task.task_id, "reference", i, r, "time", "beyond")
            for i, r in enumerate(task.references)
            if r.passed
        ]
        if not refs:
            excluded.append(task.task_id)
            continue
        scores = []
        for i, cand in enumerate(task.candidates):
            runtime = (
                _figure(task.task_id, "candidate", i, cand, "time", "beyond")
                if cand.passed
                else None
            )
            scores.append(beyond_score(runtime, refs))
        per_task.append(_mean(scores))
    if not per_task:
        raise ValueError(
            f"beyond: none of the {len(items)} tasks has a passing reference; Beyond is undefined"
        )
    value = _metric(
        "beyond", per_task, _mean, n_resamples=n_resamples, confidence=confidence, seed=seed
    )
    return BeyondResult(beyond=value, excluded=tuple(excluded))


# --------------------------------------------------------------------------------------------
# EffiBench's NET, NMU, NTMU (Huang et al. 2024)
# --------------------------------------------------------------------------------------------


def memory_time_area(profile: Iterable[tuple[float, float]]) -> float:
    """The area under a memory-over-time profile by the trapezoid rule (EffiBench's TMU).

    ``profile`` is ``(timestamp, memory)`` pairs in time order; fewer than two points give 0.
    """
    points = [(float(t), float(m)) for t, m in profile]
    area = 0.0
    for (t0, m0), (t1, m1) in itertools.pairwise(points):
        if not (
            math.isfinite(t0) and math.isfinite(t1) and math.isfinite(m0) and math.isfinite(m1)
        ):
            raise ValueError("memory_time_area: the profile holds a non-finite value")
        if t1 < t0:
            raise ValueError(f"memory_time_area: timestamps go backwards ({t0} then {t1})")
        if m0 < 0 or m1 < 0:
            raise ValueError("memory_time_area: negative memory in the profile")
        area += (m0 + m1) / 2.0 * (t1 - t0)
    return area


_EFFIBENCH_NAMES = {"time": "net", "peak_memory": "nmu", "memory_area": "ntmu"}


@attrs.frozen
class EffiBenchResult:
    """EffiBench's normalised figures in both published forms, and the tasks left out.

    ``*_mean_of_ratios`` is the mean over tasks of candidate / reference (the paper's
    definition); ``*_ratio_of_sums`` is sum(candidate) / sum(reference) (what EffiBench's
    ``report_overhead.py`` prints). ``None`` for a figure not asked for.
    """

    net_mean_of_ratios: MetricValue | None
    net_ratio_of_sums: MetricValue | None
    nmu_mean_of_ratios: MetricValue | None
    nmu_ratio_of_sums: MetricValue | None
    ntmu_mean_of_ratios: MetricValue | None
    ntmu_ratio_of_sums: MetricValue | None
    #: Tasks where no candidate passed (EffiBench counts only solved tasks).
    unsolved: tuple[str, ...]
    #: Tasks without a passing reference (nothing to normalise by).
    no_reference: tuple[str, ...]

    def metrics(self) -> tuple[MetricValue, ...]:
        return tuple(
            m
            for m in (
                self.net_mean_of_ratios,
                self.net_ratio_of_sums,
                self.nmu_mean_of_ratios,
                self.nmu_ratio_of_sums,
                self.ntmu_mean_of_ratios,
                self.ntmu_ratio_of_sums,
            )
            if m is not None
        )


def effibench(
    tasks: Iterable[TaskOutcomes] | Mapping[str, TaskOutcomes],
    *,
    figures: Sequence[str] = FIGURES,
    n_resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> EffiBenchResult:
    """EffiBench's NET (time), NMU (peak memory) and NTMU (memory-time area), both forms.

    Per task the candidate figure is the mean over its passing candidates (with one sample per
    task, as in EffiBench, that sample's figure) and the reference is the fastest passing
    reference (EffiBench's single canonical solution). Tasks with no passing candidate or no
    passing reference are left out and listed. ``figures`` picks among ``time``,
    ``peak_memory``, ``memory_area``; a needed figure missing, or a reference figure of 0, is an
    error naming the task.
    """
    check_bootstrap_args(n_resamples, confidence)
    unknown = [f for f in figures if f not in FIGURES]
    if unknown or not figures:
        raise ValueError(
            f"effibench: figures must be among {', '.join(FIGURES)}, got {list(figures)!r}"
        )
    items = _task_list(tasks, "effibench")
    pairs: dict[str, list[tuple[float, float]]] = {f: [] for f in figures}
    unsolved: list[str] = []
    no_reference: list[str] = []
    for task in items:
        if not task.candidates:
            raise ValueError(f"effibench: task {task.task_id!r} has no candidates")
        passing = [(i, c) for i, c in enumerate(task.candidates) if c.passed]
        ref_index: int | None = None
        ref_time: float | None = None
        for i, r in enumerate(task.references):
            if r.passed:
                t = _figure(task.task_id, "reference", i, r, "time", "effibench")
                if ref_time is None or t < ref_time:
                    ref_index, ref_time = i, t
        if ref_index is None:
            no_reference.append(task.task_id)
            continue
        if not passing:
            unsolved.append(task.task_id)
            continue
        reference = task.references[ref_index]
        for figure in figures:
            ref_value = _figure(
                task.task_id, "reference", ref_index, reference, figure, "effibench"
            )
            if ref_value <= 0.0:
                raise ValueError(
                    f"effibench: task {task.task_id!r}: the reference's {figure} is 0; "
                    "the normalised figure is undefined"
                )
            cand_value = _mean(
                [_figure(task.task_id, "candidate", i, c, figure, "effibench") for i, c in passing]
            )
            pairs[figure].append((cand_value, ref_value))
    if not any(pairs.values()):
        raise ValueError(
            f"effibench: no task has both a passing candidate and a passing reference "
            f"(unsolved: {len(unsolved)}, no reference: {len(no_reference)})"
        )

    def mean_of_ratios(sample: Sequence[tuple[float, float]]) -> float:
        return math.fsum(c / r for c, r in sample) / len(sample)

    def ratio_of_sums(sample: Sequence[tuple[float, float]]) -> float:
        return math.fsum(c for c, _ in sample) / math.fsum(r for _, r in sample)

    kw = dict(n_resamples=n_resamples, confidence=confidence, seed=seed)
    values: dict[str, MetricValue | None] = {}
    for figure in FIGURES:
        prefix = _EFFIBENCH_NAMES[figure]
        if figure in pairs:
            values[f"{prefix}_mean_of_ratios"] = _metric(
                f"{prefix}_mean_of_ratios", pairs[figure], mean_of_ratios, **kw
            )
            values[f"{prefix}_ratio_of_sums"] = _metric(
                f"{prefix}_ratio_of_sums", pairs[figure], ratio_of_sums, **kw
            )
        else:
            values[f"{prefix}_mean_of_ratios"] = values[f"{prefix}_ratio_of_sums"] = None
    return EffiBenchResult(**values, unsolved=tuple(unsolved), no_reference=tuple(no_reference))


# --------------------------------------------------------------------------------------------
# ENAMEL's eff@k (Qiu et al. 2025)
# --------------------------------------------------------------------------------------------

#: ENAMEL's level weights ("hardness"): level 0 only checks correctness.
ENAMEL_WEIGHTS = (0.0, 3.0, 3.0, 4.0)
#: ENAMEL's timeout factor alpha: the timeout is alpha x the slowest reference time.
ENAMEL_TIMEOUT_FACTOR = 2.0


def _cases(value: Iterable[Any]) -> tuple[tuple[float, ...], ...]:
    cases = []
    for case in value:
        if isinstance(case, (int, float)) and not isinstance(case, bool):
            cases.append((float(case),))
        else:
            cases.append(tuple(float(x) for x in case))
    return tuple(cases)


@attrs.frozen
class LevelResult:
    """One solution on the test cases of one ENAMEL level.

    ``verdict``: PASSED, TIMEOUT (right-censored: this and the later levels score 0) or any
    other failure (the solution is wrong: it scores 0). ``times`` holds, per test case, the
    repeated timings of that case (a bare number is one timing of one case); only the
    weighted levels of a passing solution need them.
    """

    verdict: Verdict = attrs.field(
        default=Verdict.PASSED, validator=attrs.validators.instance_of(Verdict)
    )
    times: tuple[tuple[float, ...], ...] = attrs.field(default=(), converter=_cases)

    @classmethod
    def timed(cls, *cases: float | Sequence[float]) -> LevelResult:
        """A passed level with these per-case timings."""
        return cls(Verdict.PASSED, cases)

    def level_time(self) -> float:
        """ENAMEL's level time: max over the cases of the Hodges–Lehmann estimate of the repeats."""
        return max(hodges_lehmann(case) for case in self.times)


def _levels(value: Iterable[LevelResult]) -> tuple[LevelResult, ...]:
    return tuple(value)


@attrs.frozen
class LevelledRun:
    """One solution's results on each level of a task, level 0 first."""

    levels: tuple[LevelResult, ...] = attrs.field(converter=_levels)

    @classmethod
    def failed(cls, n_levels: int, verdict: Verdict = Verdict.WRONG_ANSWER) -> LevelledRun:
        """A solution that failed (``verdict``) at level 0; the other levels were not run."""
        return cls((LevelResult(verdict),) + (LevelResult(Verdict.TIMEOUT),) * (n_levels - 1))


def _runs(value: Iterable[LevelledRun]) -> tuple[LevelledRun, ...]:
    return tuple(value)


@attrs.frozen
class LevelledTask:
    """A task for eff@k: the reference's level results and the n candidates'."""

    task_id: str = attrs.field(validator=attrs.validators.instance_of(str))
    reference: LevelledRun
    candidates: tuple[LevelledRun, ...] = attrs.field(converter=_runs)

    def __attrs_post_init__(self) -> None:
        if not self.task_id:
            raise ValueError("a task's id must not be empty")
        n_levels = len(self.reference.levels)
        if n_levels == 0:
            raise ValueError(f"task {self.task_id!r}: the reference has no levels")
        for role, index, run in [("reference", 0, self.reference)] + [
            ("candidate", i, c) for i, c in enumerate(self.candidates)
        ]:
            if not isinstance(run, LevelledRun):
                raise TypeError(f"task {self.task_id!r}: {role} {index} is not a LevelledRun")
            if len(run.levels) != n_levels:
                raise ValueError(
                    f"task {self.task_id!r}: {role} {index} has {len(run.levels)} levels, "
                    f"the reference {n_levels}"
                )
            for level, result in enumerate(run.levels):
                for case, repeats in enumerate(result.times):
                    if not repeats:
                        raise ValueError(
                            f"task {self.task_id!r}: {role} {index}, level {level}, "
                            f"case {case}: no timings"
                        )
                    for t in repeats:
                        if math.isnan(t) or math.isinf(t) or t < 0:
                            raise ValueError(
                                f"task {self.task_id!r}: {role} {index}, level {level}, "
                                f"case {case}: "
                                f"timing {t} (timings must be finite and >= 0)"
                            )
        for level, result in enumerate(self.reference.levels):
            if not result.verdict.passed:
                raise ValueError(
                    f"task {self.task_id!r}: the reference did not pass level {level} "
                    f"({result.verdict.value})"
                )


def _check_enamel_args(
    weights: Sequence[float], timeout_factor: float, timeout_scope: str, timeout_policy: str
) -> tuple[float, ...]:
    w = tuple(float(x) for x in weights)
    if not w or any(not math.isfinite(x) or x < 0 for x in w) or sum(w) <= 0:
        raise ValueError(
            f"eff@k: level weights must be finite, >= 0 and not all 0, got {list(weights)!r}"
        )
    if not (
        isinstance(timeout_factor, (int, float))
        and math.isfinite(timeout_factor)
        and timeout_factor > 1
    ):
        raise ValueError(f"eff@k: timeout_factor must be > 1, got {timeout_factor!r}")
    if timeout_scope not in ("task", "level"):
        raise ValueError(f"eff@k: timeout_scope must be 'task' or 'level', got {timeout_scope!r}")
    if timeout_policy not in ("censor", "fail"):
        raise ValueError(
            f"eff@k: timeout_policy must be 'censor' or 'fail', got {timeout_policy!r}"
        )
    return w


def _reference_times(task: LevelledTask, weights: tuple[float, ...]) -> list[float | None]:
    """t*_l per level (None for unweighted levels)."""
    times: list[float | None] = []
    for level, (w, result) in enumerate(zip(weights, task.reference.levels, strict=True)):
        if w == 0:
            times.append(None)
            continue
        if not result.times:
            raise ValueError(
                f"eff@k: task {task.task_id!r}: the reference has no timings at weighted "
                f"level {level}"
            )
        times.append(result.level_time())
    return times


def _timeouts(
    task: LevelledTask, ref_times: list[float | None], factor: float, scope: str
) -> list[float | None]:
    if scope == "task":
        slowest = max(t for t in ref_times if t is not None)
        if slowest <= 0:
            raise ValueError(
                f"eff@k: task {task.task_id!r}: every reference time is 0, so the timeout "
                "alpha x max reference time is 0 and the efficiency is undefined"
            )
        return [None if t is None else factor * slowest for t in ref_times]
    out: list[float | None] = []
    for level, t in enumerate(ref_times):
        if t is not None and t <= 0:
            raise ValueError(
                f"eff@k: task {task.task_id!r}: the reference time of level {level} is 0, so its "
                "timeout alpha x t_ref is 0 and the efficiency is undefined"
            )
        out.append(None if t is None else factor * t)
    return out


def _level_scores(
    task: LevelledTask,
    index: int,
    run: LevelledRun,
    weights: tuple[float, ...],
    ref_times: list[float | None],
    timeouts: list[float | None],
    timeout_policy: str,
    clip: bool,
) -> list[float | None]:
    """``e_l`` of one candidate at each level (None at unweighted levels)."""
    levels = run.levels
    zeros: list[float | None] = [None if w == 0 else 0.0 for w in weights]
    # A wrong answer (any failure but a timeout) at any level: the solution is wrong.
    if any(not r.verdict.passed and r.verdict is not Verdict.TIMEOUT for r in levels):
        return zeros
    timed_out = False
    scores: list[float | None] = []
    for level, (w, result) in enumerate(zip(weights, levels, strict=True)):
        if result.verdict is Verdict.TIMEOUT:
            if timeout_policy == "fail" or level == 0:
                return zeros
            timed_out = True  # this and every later level: right-censored, score 0
        if w == 0:
            scores.append(None)
            continue
        if timed_out:
            scores.append(0.0)
            continue
        if not result.times:
            raise ValueError(
                f"eff@k: task {task.task_id!r}: candidate {index} passed weighted level {level} "
                "without timings"
            )
        T, t_ref = timeouts[level], ref_times[level]
        assert T is not None and t_ref is not None
        e = max(0.0, T - result.level_time()) / (T - t_ref)
        scores.append(min(e, 1.0) if clip else e)
    return scores


def enamel_level_scores(
    task: LevelledTask,
    *,
    weights: Sequence[float] = ENAMEL_WEIGHTS,
    timeout_factor: float = ENAMEL_TIMEOUT_FACTOR,
    timeout_scope: str = "task",
    timeout_policy: str = "censor",
    clip: bool = False,
) -> list[list[float | None]]:
    """Each candidate's per-level scores ``e_l`` (None at levels of weight 0), in candidate
    order: the terms :func:`enamel_efficiencies` weighs, with the same arguments."""
    w = _check_enamel_args(weights, timeout_factor, timeout_scope, timeout_policy)
    if len(w) != len(task.reference.levels):
        raise ValueError(
            f"eff@k: task {task.task_id!r} has {len(task.reference.levels)} levels but {len(w)} "
            "level weights were given"
        )
    ref_times = _reference_times(task, w)
    timeouts = _timeouts(task, ref_times, float(timeout_factor), timeout_scope)
    return [_level_scores(task, i, run, w, ref_times, timeouts, timeout_policy, clip)
            for i, run in enumerate(task.candidates)]


def enamel_efficiencies(
    task: LevelledTask,
    *,
    weights: Sequence[float] = ENAMEL_WEIGHTS,
    timeout_factor: float = ENAMEL_TIMEOUT_FACTOR,
    timeout_scope: str = "task",
    timeout_policy: str = "censor",
    clip: bool = False,
) -> list[float]:
    """ENAMEL's efficiency score of each candidate of ``task``, in candidate order.

    ``e = sum_l w_l e_l / sum_l w_l`` with ``e_l = max(0, T - t_l) / (T - t*_l)``, where
    ``t_l`` and ``t*_l`` are the candidate's and the reference's level times
    (:meth:`LevelResult.level_time`) and the timeout ``T = timeout_factor x max_l t*_l`` over
    the weighted levels (``timeout_scope="task"``, ENAMEL's code) or ``T_l = timeout_factor x
    t*_l`` (``"level"``). A wrong candidate scores 0; a timeout scores 0 at its level and the
    later ones (``timeout_policy="censor"``, ENAMEL) or 0 overall (``"fail"``). ``e`` can exceed
    1 when the candidate beats the reference; ``clip=True`` caps each ``e_l`` at 1.
    """
    scores = enamel_level_scores(task, weights=weights, timeout_factor=timeout_factor,
                                 timeout_scope=timeout_scope, timeout_policy=timeout_policy, clip=clip)
    total = math.fsum(weights)
    return [math.fsum(wl * e for wl, e in zip(weights, row) if e is not None) / total for row in scores]


def eff_at_k_estimate(scores: Sequence[float], k: int) -> float:
    """ENAMEL's unbiased eff@k estimate from n >= k scores: the expected max over k-subsets.

    ``sum_{i=k}^{n} C(i-1, k-1) / C(n, k) * e_(i)`` with ``e_(1) <= ... <= e_(n)``; the weights
    are formed as a product (``w_n = k/n``, ``w_{i-1} = w_i (1 - (k-1)/(i-1))``), ENAMEL's
    numerically stable form.
    """
    _check_k(k, "eff@k")
    n = len(scores)
    if n < k:
        raise ValueError(f"eff@{k}: n={n} scores is fewer than k={k}")
    ordered = sorted(scores)
    weight = k / n
    total = 0.0
    for i in range(n, k - 1, -1):  # i is 1-based: ordered[i - 1] is e_(i)
        total += weight * ordered[i - 1]
        if i > k:
            weight *= 1.0 - (k - 1) / (i - 1)
    return total


def eff_at_k(
    tasks: Iterable[LevelledTask],
    k: int,
    *,
    weights: Sequence[float] = ENAMEL_WEIGHTS,
    timeout_factor: float = ENAMEL_TIMEOUT_FACTOR,
    timeout_scope: str = "task",
    timeout_policy: str = "censor",
    clip: bool = False,
    n_resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = DEFAULT_SEED,
) -> MetricValue:
    """ENAMEL's eff@k averaged over tasks, named ``eff@{k}`` (see :func:`enamel_efficiencies`)."""
    name = f"eff@{k}"
    _check_k(k, name)
    check_bootstrap_args(n_resamples, confidence)
    _check_enamel_args(weights, timeout_factor, timeout_scope, timeout_policy)
    items = list(tasks)
    if not items:
        raise ValueError(f"{name}: no tasks given")
    seen: set[str] = set()
    per_task = []
    for task in items:
        if not isinstance(task, LevelledTask):
            raise TypeError(f"{name}: expected LevelledTask, got {type(task).__name__}")
        if task.task_id in seen:
            raise ValueError(f"{name}: task {task.task_id!r} is given twice")
        seen.add(task.task_id)
        if len(task.candidates) < k:
            raise ValueError(
                f"{name}: task {task.task_id!r} has n={len(task.candidates)} candidates, "
                f"fewer than k={k}"
            )
        scores = enamel_efficiencies(
            task,
            weights=weights,
            timeout_factor=timeout_factor,
            timeout_scope=timeout_scope,
            timeout_policy=timeout_policy,
            clip=clip,
        )
        per_task.append(eff_at_k_estimate(scores, k))
    return _metric(name, per_task, _mean, n_resamples=n_resamples, confidence=confidence, seed=seed)


__all__ = [
    "ENAMEL_TIMEOUT_FACTOR",
    "ENAMEL_WEIGHTS",
    "BeyondResult",
    "Comparison",
    "EffiBenchResult",
    "LevelResult",
    "LevelledRun",
    "LevelledTask",
    "Outcome",
    "TaskOutcomes",
    "beyond",
    "beyond_score",
    "compare_systems",
    "compare_with_references",
    "eff_at_k",
    "eff_at_k_estimate",
    "effibench",
    "enamel_efficiencies",
    "enamel_level_scores",
    "fastest_passing_time",
    "memory_time_area",
    "pass_at_k",
    "pass_at_k_estimate",
    "references_as_system",
]
