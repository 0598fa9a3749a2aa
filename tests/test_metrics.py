"""effiskel.metrics: known answers, degenerate cases, brute-force checks and properties."""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from effiskel import serialization
from effiskel.datamodel import MetricValue, Verdict
from effiskel.metrics import (
    ENAMEL_TIMEOUT_FACTOR,
    LevelledRun,
    LevelledTask,
    LevelResult,
    Outcome,
    TaskOutcomes,
    beyond,
    beyond_score,
    compare_systems,
    compare_with_references,
    eff_at_k,
    eff_at_k_estimate,
    effibench,
    enamel_efficiencies,
    enamel_level_scores,
    fastest_passing_time,
    memory_time_area,
    pass_at_k,
    pass_at_k_estimate,
    references_as_system,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "metrics.md"
FAST = dict(n_resamples=200)

runtime = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)
maybe_runtime = st.one_of(st.none(), runtime)


def contains(m: MetricValue) -> bool:
    return m.ci_low is not None and m.ci_low <= m.value <= m.ci_high


# ============================================================================================
# inputs
# ============================================================================================


def test_outcome_from_times():
    t = TaskOutcomes.from_times("t", [1.0, None, 2], [3])
    assert t.n == 3 and t.c == 2
    assert t.candidates[1] == Outcome(passed=False)
    assert t.references == (Outcome(True, 3.0),)


@pytest.mark.parametrize(
    ("outcome", "problem"),
    [
        (Outcome(True, -1.0), "time is negative"),
        (Outcome(True, math.nan), "time is NaN"),
        (Outcome(True, math.inf), "time is infinite"),
        (Outcome(True, 1.0, peak_memory=-3), "peak_memory is negative"),
        (Outcome(True, 1.0, memory_area=math.nan), "memory_area is NaN"),
    ],
)
def test_bad_figures_are_refused_naming_the_task(outcome, problem):
    with pytest.raises(ValueError, match=rf"task 'two-sum': candidate 1: {problem}"):
        TaskOutcomes("two-sum", [Outcome(True, 1.0), outcome])
    with pytest.raises(ValueError, match=rf"task 'two-sum': reference 0: {problem}"):
        TaskOutcomes("two-sum", [Outcome(True, 1.0)], [outcome])


def test_inputs_are_type_checked():
    with pytest.raises(TypeError):
        Outcome(passed=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not an Outcome"):
        TaskOutcomes("t", [1.0])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="must not be empty"):
        TaskOutcomes("", [])
    with pytest.raises(TypeError, match="expected a number"):
        Outcome(True, "1.0")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="key 'b' holds task 'a'"):
        pass_at_k({"b": TaskOutcomes.from_times("a", [1.0])}, 1)


# ============================================================================================
# pass@k
# ============================================================================================


def brute_pass_at_k(n: int, c: int, k: int) -> Fraction:
    """Share of the k-subsets of n samples (c of them correct) holding a correct one."""
    samples = [True] * c + [False] * (n - c)
    subsets = list(itertools.combinations(range(n), k))
    return Fraction(sum(any(samples[i] for i in s) for s in subsets), len(subsets))


def test_pass_at_k_known_values():
    assert pass_at_k_estimate(5, 2, 1) == pytest.approx(0.4)
    assert pass_at_k_estimate(5, 2, 2) == pytest.approx(0.7)  # 1 - C(3,2)/C(5,2)
    assert pass_at_k_estimate(5, 0, 3) == 0.0
    assert pass_at_k_estimate(5, 3, 3) == 1.0  # n - c < k: every 3-subset has a correct sample
    assert pass_at_k_estimate(3, 3, 3) == 1.0


def test_pass_at_k_is_stable_for_large_n():
    # 1 - C(999, 100) / C(1000, 100) = 100 / 1000 exactly; the naive binomials overflow floats
    assert pass_at_k_estimate(1000, 1, 100) == pytest.approx(0.1, rel=1e-12)
    exact = 1 - Fraction(math.comb(1500, 200), math.comb(2000, 200))
    assert pass_at_k_estimate(2000, 500, 200) == pytest.approx(float(exact), rel=1e-12)


@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(1, n))
    )
)
def test_pass_at_k_matches_brute_force_enumeration(args):
    n, c, k = args
    assert pass_at_k_estimate(n, c, k) == pytest.approx(float(brute_pass_at_k(n, c, k)), abs=1e-12)


def test_pass_at_k_averages_over_tasks():
    tasks = [
        TaskOutcomes.from_times("a", [1, 1, None, None]),  # pass@1 = 0.5
        TaskOutcomes.from_times("b", [None, None, None, None]),  # 0
        TaskOutcomes.from_times("c", [1, 1, 1, 1]),  # 1
    ]
    m = pass_at_k(tasks, 1, **FAST)
    assert m.name == "pass@1" and m.n_tasks == 3 and m.confidence == 0.95
    assert m.value == pytest.approx(0.5)
    assert contains(m)
    m2 = pass_at_k(tasks, 2, **FAST)  # a: 1 - C(2,2)/C(4,2) = 5/6
    assert m2.value == pytest.approx((5 / 6 + 0 + 1) / 3)


def test_pass_at_k_takes_a_mapping_too():
    tasks = {"a": TaskOutcomes.from_times("a", [1, None])}
    assert pass_at_k(tasks, 1, n_resamples=0) == MetricValue("pass@1", 0.5, 1, None, None, 0.95)


def test_pass_at_k_errors():
    tasks = [TaskOutcomes.from_times("a", [1, 1, 1]), TaskOutcomes.from_times("short", [1])]
    with pytest.raises(
        ValueError, match=r"pass@2: task 'short' has n=1 candidates, fewer than k=2"
    ):
        pass_at_k(tasks, 2)
    with pytest.raises(ValueError, match="no tasks"):
        pass_at_k([], 1)
    with pytest.raises(ValueError, match="k must be an integer >= 1"):
        pass_at_k(tasks, 0)
    with pytest.raises(ValueError, match="given twice"):
        pass_at_k([tasks[0], tasks[0]], 1)
    with pytest.raises(ValueError, match="n=2 samples is fewer than k=3"):
        pass_at_k_estimate(2, 1, 3)
    with pytest.raises(ValueError, match="0 <= c <= n"):
        pass_at_k_estimate(2, 3, 1)


# ============================================================================================
# ER / AS
# ============================================================================================


def er_example():
    a = [
        TaskOutcomes.from_times("win", [None, 1.0, 1.5]),  # fastest passing A: 1.0
        TaskOutcomes.from_times("tie", [3.0]),
        TaskOutcomes.from_times("loss", [4.0, 5.0]),
        TaskOutcomes.from_times("a-only", [2.0]),
        TaskOutcomes.from_times("none", [None]),
        TaskOutcomes.from_times("b-only", [None, None]),
    ]
    b = [
        TaskOutcomes.from_times("win", [2.0]),
        TaskOutcomes.from_times("tie", [3.0, None]),
        TaskOutcomes.from_times("loss", [2.0]),
        TaskOutcomes.from_times("a-only", [None]),
        TaskOutcomes.from_times("none", [None]),
        TaskOutcomes.from_times("b-only", [7.0]),
    ]
    return a, b


def test_er_and_as_known_values():
    a, b = er_example()
    cmp = compare_systems(a, b, **FAST)
    assert (cmp.wins, cmp.ties, cmp.losses) == (1, 1, 1)
    assert cmp.solved_by_both == ("loss", "tie", "win")
    assert cmp.only_a == ("a-only",) and cmp.only_b == ("b-only",) and cmp.neither == ("none",)
    assert cmp.efficiency_ratio.name == "efficiency_ratio"
    assert cmp.efficiency_ratio.value == pytest.approx(1 / 3)
    assert cmp.tie_share.value == pytest.approx(1 / 3)
    assert cmp.loss_share.value == pytest.approx(1 / 3)
    # speedups t_B / t_A: 2/1, 3/3, 2/4
    assert cmp.average_speedup.name == "average_speedup"
    assert cmp.average_speedup.value == pytest.approx((2 + 1 + 0.5) / 3)
    assert cmp.geometric_mean_speedup.name == "geometric_mean_speedup"
    assert cmp.geometric_mean_speedup.value == pytest.approx(1.0)
    for m in cmp.metrics():
        assert m.n_tasks == 3 and contains(m)


def test_fastest_passing_candidate_ignores_failing_ones():
    # a failing candidate's time does not count, however fast
    outcomes = [Outcome(False, 0.01), Outcome(True, 2.0), Outcome(True, 1.5)]
    assert fastest_passing_time(outcomes) == 1.5
    assert fastest_passing_time([Outcome(False, 1.0)]) is None


def test_tie_tolerance():
    a = [TaskOutcomes.from_times("t", [1.0])]
    b = [TaskOutcomes.from_times("t", [1.04])]
    assert compare_systems(a, b, n_resamples=0).wins == 1
    cmp = compare_systems(a, b, tie_tolerance=0.05, n_resamples=0)
    assert (cmp.wins, cmp.ties, cmp.losses) == (0, 1, 0)
    assert cmp.average_speedup.value == pytest.approx(1.04)  # ties still count in AS
    with pytest.raises(ValueError, match="tie_tolerance"):
        compare_systems(a, b, tie_tolerance=-0.1)


def test_compare_with_references():
    tasks = [
        TaskOutcomes.from_times("x", [1.0, 3.0], references=[2.0, 4.0]),
        TaskOutcomes.from_times("y", [5.0], references=[None, 2.5]),
    ]
    cmp = compare_with_references(tasks, **FAST)
    assert (cmp.wins, cmp.losses) == (1, 1)
    assert cmp.average_speedup.value == pytest.approx((2.0 + 0.5) / 2)
    assert [t.candidates for t in references_as_system(tasks)] == [t.references for t in tasks]


def test_comparison_errors():
    a, b = er_example()
    with pytest.raises(ValueError, match=r"task 'b-only' has results for A but not B"):
        compare_systems(a, b[:-1])
    with pytest.raises(
        ValueError, match=r"no task solved by both systems \(A only: 0, B only: 0, neither: 1\)"
    ):
        compare_systems(
            [TaskOutcomes.from_times("n", [None])], [TaskOutcomes.from_times("n", [None])]
        )
    with pytest.raises(ValueError, match=r"task 'z': a fastest runtime is 0"):
        compare_systems(
            [TaskOutcomes.from_times("z", [0.0])], [TaskOutcomes.from_times("z", [1.0])]
        )
    with pytest.raises(ValueError, match=r"task 'q'.*has no time"):
        compare_systems([TaskOutcomes("q", [Outcome(True)])], [TaskOutcomes.from_times("q", [1.0])])


systems = st.integers(1, 15).flatmap(
    lambda n: st.tuples(
        st.lists(st.lists(maybe_runtime, min_size=1, max_size=4), min_size=n, max_size=n),
        st.lists(st.lists(maybe_runtime, min_size=1, max_size=4), min_size=n, max_size=n),
    )
)


@settings(max_examples=60, deadline=None)
@given(systems, st.sampled_from([0.0, 0.05]))
def test_er_as_properties(data, tolerance):
    times_a, times_b = data
    a = [TaskOutcomes.from_times(f"t{i}", ts) for i, ts in enumerate(times_a)]
    b = [TaskOutcomes.from_times(f"t{i}", ts) for i, ts in enumerate(times_b)]
    both = [i for i in range(len(a)) if a[i].c and b[i].c]
    assume(both)
    cmp = compare_systems(a, b, tie_tolerance=tolerance, **FAST)
    assert 0.0 <= cmp.efficiency_ratio.value <= 1.0
    assert cmp.efficiency_ratio.value + cmp.tie_share.value + cmp.loss_share.value == pytest.approx(
        1.0
    )
    assert cmp.wins + cmp.ties + cmp.losses == len(both) == cmp.efficiency_ratio.n_tasks
    assert cmp.average_speedup.value > 0 and cmp.geometric_mean_speedup.value > 0
    # AM >= GM
    assert cmp.geometric_mean_speedup.value <= cmp.average_speedup.value * (1 + 1e-12)
    for m in cmp.metrics():
        assert contains(m)
    # swapping the systems swaps wins and losses
    rev = compare_systems(b, a, tie_tolerance=tolerance, n_resamples=0)
    assert (rev.wins, rev.ties, rev.losses) == (cmp.losses, cmp.ties, cmp.wins)


# ============================================================================================
# Mercury's Beyond
# ============================================================================================


def test_beyond_score_known_values():
    refs = [1.0, 2.0, 3.0]
    assert beyond_score(1.5, refs) == pytest.approx(0.75)  # (3 - 1.5) / (3 - 1)
    assert beyond_score(0.5, refs) == 1.0  # clipped to the fastest reference
    assert beyond_score(3.0, refs) == 0.0
    assert beyond_score(9.0, refs) == 0.0  # clipped to the slowest
    assert beyond_score(None, refs) == 0.0  # failing candidate


def test_beyond_score_when_all_references_are_equal():
    for refs in ([2.0], [2.0, 2.0, 2.0]):  # a single reference, or equal ones
        assert beyond_score(2.0, refs) == 1.0
        assert beyond_score(1.0, refs) == 1.0
        assert beyond_score(2.0001, refs) == 0.0
        assert beyond_score(None, refs) == 0.0


def test_beyond_averages_candidates_then_tasks_and_excludes_tasks_without_reference():
    tasks = [
        TaskOutcomes.from_times("a", [1.5, None], references=[1.0, 3.0, None]),  # (0.75 + 0) / 2
        TaskOutcomes.from_times("b", [1.0], references=[2.0]),  # single reference, faster: 1
        TaskOutcomes.from_times("c", [1.0], references=[None, None]),  # no passing reference
        TaskOutcomes.from_times("d", [1.0]),  # no reference at all
    ]
    result = beyond(tasks, **FAST)
    assert result.beyond.name == "beyond"
    assert result.beyond.value == pytest.approx((0.375 + 1.0) / 2)
    assert result.beyond.n_tasks == 2
    assert result.excluded == ("c", "d") and result.n_excluded == 2
    assert contains(result.beyond)
    assert result.metrics() == (result.beyond,)


def test_beyond_errors():
    with pytest.raises(ValueError, match="none of the 1 tasks has a passing reference"):
        beyond([TaskOutcomes.from_times("c", [1.0], references=[None])])
    with pytest.raises(ValueError, match=r"beyond: task 'e' has no candidates"):
        beyond([TaskOutcomes.from_times("e", [], references=[1.0])])
    with pytest.raises(ValueError, match=r"task 'f': passing candidate 0 has no time"):
        beyond([TaskOutcomes("f", [Outcome(True)], [Outcome(True, 1.0)])])
    with pytest.raises(ValueError, match="no reference runtimes"):
        beyond_score(1.0, [])


beyond_tasks = st.lists(
    st.tuples(
        st.lists(maybe_runtime, min_size=1, max_size=5), st.lists(runtime, min_size=1, max_size=5)
    ),
    min_size=1,
    max_size=15,
)


@settings(max_examples=60, deadline=None)
@given(beyond_tasks)
def test_beyond_properties(data):
    tasks = [TaskOutcomes.from_times(f"t{i}", c, r) for i, (c, r) in enumerate(data)]
    result = beyond(tasks, **FAST)
    assert 0.0 <= result.beyond.value <= 1.0
    assert 0.0 <= result.beyond.ci_low <= result.beyond.ci_high <= 1.0
    assert contains(result.beyond)
    # faster candidates never score lower
    faster = [
        TaskOutcomes(
            t.task_id,
            [Outcome.timed(None if o.time is None else o.time / 2) for o in t.candidates],
            t.references,
        )
        for t in tasks
    ]
    assert beyond(faster, n_resamples=0).beyond.value >= result.beyond.value - 1e-12


# ============================================================================================
# EffiBench NET / NMU / NTMU
# ============================================================================================


def test_effibench_both_forms_known_values():
    tasks = [
        TaskOutcomes("a", [Outcome(True, 2.0, 10.0, 40.0)], [Outcome(True, 1.0, 5.0, 10.0)]),
        TaskOutcomes("b", [Outcome(True, 3.0, 5.0, 10.0)], [Outcome(True, 6.0, 10.0, 20.0)]),
    ]
    r = effibench(tasks, **FAST)
    assert r.net_mean_of_ratios.value == pytest.approx((2 + 0.5) / 2)
    assert r.net_ratio_of_sums.value == pytest.approx(5 / 7)
    assert r.nmu_mean_of_ratios.value == pytest.approx((2 + 0.5) / 2)
    assert r.nmu_ratio_of_sums.value == pytest.approx(15 / 15)
    assert r.ntmu_mean_of_ratios.value == pytest.approx((4 + 0.5) / 2)
    assert r.ntmu_ratio_of_sums.value == pytest.approx(50 / 30)
    names = [m.name for m in r.metrics()]
    assert names == [
        "net_mean_of_ratios",
        "net_ratio_of_sums",
        "nmu_mean_of_ratios",
        "nmu_ratio_of_sums",
        "ntmu_mean_of_ratios",
        "ntmu_ratio_of_sums",
    ]
    assert all(m.n_tasks == 2 and contains(m) for m in r.metrics())


def test_effibench_candidates_references_and_exclusions():
    tasks = [
        # two passing candidates: their mean (3);
        # the fastest passing reference (2), not the failing 0.5
        TaskOutcomes(
            "a",
            [Outcome(True, 2.0), Outcome(True, 4.0), Outcome(False)],
            [Outcome(False, 0.5), Outcome(True, 2.0), Outcome(True, 5.0)],
        ),
        TaskOutcomes.from_times("unsolved", [None], references=[1.0]),
        TaskOutcomes("noref", [Outcome(True, 1.0)], [Outcome(False, 0.5)]),
    ]
    r = effibench(tasks, figures=["time"], n_resamples=0)
    assert r.net_mean_of_ratios.value == pytest.approx(1.5)
    assert r.net_ratio_of_sums.value == pytest.approx(1.5)
    assert r.net_mean_of_ratios.n_tasks == 1 and r.net_mean_of_ratios.ci_low is None
    assert r.nmu_mean_of_ratios is None and r.ntmu_ratio_of_sums is None
    assert r.unsolved == ("unsolved",) and r.no_reference == ("noref",)


def test_effibench_errors():
    no_memory = [TaskOutcomes.from_times("m", [1.0], [1.0])]
    with pytest.raises(ValueError, match=r"task 'm': passing reference 0 has no peak_memory"):
        effibench(no_memory)
    with pytest.raises(ValueError, match=r"task 'm': passing candidate 0 has no memory_area"):
        effibench(
            [TaskOutcomes("m", [Outcome(True, 1.0)], [Outcome(True, 1.0, memory_area=2.0)])],
            figures=["memory_area"],
        )
    with pytest.raises(ValueError, match=r"task 'z': the reference's time is 0"):
        effibench([TaskOutcomes.from_times("z", [1.0], [0.0])], figures=["time"])
    with pytest.raises(
        ValueError, match="no task has both a passing candidate and a passing reference"
    ):
        effibench([TaskOutcomes.from_times("u", [None], [1.0])], figures=["time"])
    with pytest.raises(ValueError, match="figures must be among"):
        effibench(no_memory, figures=["energy"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(runtime, runtime), min_size=1, max_size=15))
def test_effibench_properties(pairs):
    tasks = [TaskOutcomes.from_times(f"t{i}", [c], [r]) for i, (c, r) in enumerate(pairs)]
    r = effibench(tasks, figures=["time"], **FAST)
    ratios = [c / ref for c, ref in pairs]
    assert min(ratios) * (1 - 1e-12) <= r.net_ratio_of_sums.value <= max(ratios) * (1 + 1e-12)
    assert r.net_mean_of_ratios.value > 0
    assert contains(r.net_mean_of_ratios)


def test_memory_time_area_is_the_trapezoid_rule():
    assert memory_time_area([(0, 10), (1, 20), (3, 20)]) == pytest.approx(15 + 40)
    assert memory_time_area([(0, 5)]) == 0.0
    with pytest.raises(ValueError, match="backwards"):
        memory_time_area([(1, 1), (0, 1)])
    with pytest.raises(ValueError, match="non-finite"):
        memory_time_area([(0, math.nan), (1, 1)])


# ============================================================================================
# ENAMEL eff@k
# ============================================================================================


def enamel_task(*candidates, reference=(None, 1.0, 2.0, 4.0), task_id="e"):
    def run(times):
        levels = []
        for t in times:
            if t is None:
                levels.append(LevelResult(Verdict.PASSED))  # level 0: correctness only
            elif isinstance(t, Verdict):
                levels.append(LevelResult(t))
            else:
                levels.append(LevelResult.timed(t))
        return LevelledRun(levels)

    return LevelledTask(task_id, run(reference), [run(c) for c in candidates])


def test_enamel_efficiency_known_values():
    task = enamel_task((None, 2.0, 3.0, 6.0))
    # T = 2 x max ref (4) = 8: e1 = 6/7, e2 = 5/6, e3 = 2/4; weights 0/3/3/4
    expected = (3 * 6 / 7 + 3 * 5 / 6 + 4 * 0.5) / 10
    assert enamel_efficiencies(task) == [pytest.approx(expected)]
    # per-level timeouts T_l = 2 t*_l: e1 = 0, e2 = 1/2, e3 = 1/2
    assert enamel_efficiencies(task, timeout_scope="level") == [pytest.approx((1.5 + 2) / 10)]


def test_enamel_level_scores_are_the_terms_of_the_efficiency():
    task = enamel_task((None, 2.0, 3.0, 6.0), (None, 2.0, Verdict.TIMEOUT, Verdict.TIMEOUT),
                       (None, Verdict.WRONG_ANSWER, 1.0, 1.0))
    scores = enamel_level_scores(task)
    assert scores[0] == [None, pytest.approx(6 / 7), pytest.approx(5 / 6), pytest.approx(0.5)]
    assert scores[1] == [None, pytest.approx(6 / 7), 0.0, 0.0]  # censored from its timeout on
    assert scores[2] == [None, 0.0, 0.0, 0.0]  # a wrong answer anywhere scores nothing
    weights = (0, 3, 3, 4)
    assert enamel_efficiencies(task) == [pytest.approx(sum(w * (e or 0) for w, e in zip(weights, row)) / 10)
                                         for row in scores]


def test_enamel_level_time_is_the_max_over_cases_of_the_hodges_lehmann_of_repeats():
    level = LevelResult.timed([1.0, 2.0, 9.0], [2.0, 2.0], 0.5)
    assert level.level_time() == 3.5  # HL(1, 2, 9) = 3.5 > 2 > 0.5
    assert LevelResult(times=[1.0, 2.0]).times == ((1.0,), (2.0,))


def test_enamel_timeouts_and_failures():
    task = enamel_task(
        (None, 2.0, Verdict.TIMEOUT, Verdict.TIMEOUT),  # censored from level 2 on: only e1 counts
        (None, 2.0, Verdict.WRONG_ANSWER, 6.0),  # wrong: 0
        (Verdict.TIMEOUT, Verdict.TIMEOUT, Verdict.TIMEOUT, Verdict.TIMEOUT),  # level 0 timeout: 0
        (None, 2.0, 3.0, 9.0),  # slower than the timeout without timing out: e3 = 0
        (None, 2.0, Verdict.TIMEOUT, 3.0),  # levels after a timeout count 0 whatever they hold
    )
    e1 = 6 / 7
    scores = enamel_efficiencies(task)
    assert scores == [
        pytest.approx(3 * e1 / 10),
        0.0,
        0.0,
        pytest.approx((3 * e1 + 3 * 5 / 6) / 10),
        pytest.approx(3 * e1 / 10),
    ]
    strict = enamel_efficiencies(task, timeout_policy="fail")
    assert strict[0] == 0.0 and strict[4] == 0.0 and strict[3] == scores[3]
    reference = enamel_task().reference
    failed = LevelledTask(
        "e", reference, [LevelledRun.failed(4), LevelledRun.failed(4, Verdict.RUNTIME_ERROR)]
    )
    assert enamel_efficiencies(failed) == [0.0, 0.0]


def test_enamel_faster_than_reference_exceeds_one_unless_clipped():
    task = enamel_task((None, 0.0, 0.0, 0.0))
    # e_l = T / (T - t*_l) with T = 8: 8/7, 8/6, 8/4
    raw = (3 * 8 / 7 + 3 * 8 / 6 + 4 * 2) / 10
    assert enamel_efficiencies(task) == [pytest.approx(raw)]
    assert enamel_efficiencies(task, clip=True) == [1.0]
    factor = ENAMEL_TIMEOUT_FACTOR
    assert raw <= factor / (factor - 1)


def test_enamel_errors_name_the_task():
    with pytest.raises(ValueError, match=r"task 'e': the reference did not pass level 1"):
        enamel_task((None, 1, 1, 1), reference=(None, Verdict.TIMEOUT, 2.0, 4.0))
    with pytest.raises(ValueError, match=r"task 'e': candidate 0 has 3 levels, the reference 4"):
        enamel_task((None, 1, 1))
    with pytest.raises(ValueError, match=r"task 'e': candidate 0, level 2, case 0: timing nan"):
        enamel_task((None, 1.0, math.nan, 1.0))
    with pytest.raises(ValueError, match=r"task 'e': candidate 0, level 2, case 0: timing -1.0"):
        enamel_task((None, 1.0, -1.0, 1.0))
    with pytest.raises(ValueError, match=r"task 'e' has 4 levels but 3 level weights"):
        enamel_efficiencies(enamel_task((None, 1, 1, 1)), weights=(0, 1, 1))
    with pytest.raises(ValueError, match=r"task 'e': every reference time is 0"):
        enamel_efficiencies(enamel_task((None, 1, 1, 1), reference=(None, 0.0, 0.0, 0.0)))
    with pytest.raises(ValueError, match=r"task 'e': the reference time of level 1 is 0"):
        enamel_efficiencies(
            enamel_task((None, 1, 1, 1), reference=(None, 0.0, 1.0, 1.0)), timeout_scope="level"
        )
    with pytest.raises(
        ValueError, match=r"task 'e': candidate 0 passed weighted level 1 without timings"
    ):
        enamel_efficiencies(enamel_task((None, None, 1, 1)))
    with pytest.raises(
        ValueError, match=r"task 'e': the reference has no timings at weighted level 1"
    ):
        enamel_efficiencies(enamel_task((None, 1, 1, 1), reference=(None, None, 1.0, 1.0)))
    with pytest.raises(ValueError, match="timeout_factor must be > 1"):
        enamel_efficiencies(enamel_task((None, 1, 1, 1)), timeout_factor=1.0)
    with pytest.raises(ValueError, match="weights"):
        enamel_efficiencies(enamel_task((None, 1, 1, 1)), weights=(0, 0, 0, 0))
    with pytest.raises(ValueError, match=r"eff@2: task 'e' has n=1 candidates, fewer than k=2"):
        eff_at_k([enamel_task((None, 1, 1, 1))], 2)
    with pytest.raises(ValueError, match="eff@1: no tasks"):
        eff_at_k([], 1)


def brute_eff_at_k(scores, k):
    """The expected maximum score over all k-subsets of the n samples."""
    subsets = list(itertools.combinations(scores, k))
    return sum(Fraction(max(s)) for s in subsets) / len(subsets)


def test_eff_at_k_estimate_known_values():
    scores = [0.2, 0.9, 0.5]
    assert eff_at_k_estimate(scores, 1) == pytest.approx(sum(scores) / 3)
    assert eff_at_k_estimate(scores, 3) == pytest.approx(0.9)
    # pairs: max(0.2, 0.9), max(0.2, 0.5), max(0.9, 0.5) -> (0.9 + 0.5 + 0.9) / 3
    assert eff_at_k_estimate(scores, 2) == pytest.approx(2.3 / 3)
    with pytest.raises(ValueError, match="n=3 scores is fewer than k=4"):
        eff_at_k_estimate(scores, 4)


@given(
    st.lists(st.floats(0, 2, allow_nan=False), min_size=1, max_size=9).flatmap(
        lambda s: st.tuples(st.just(s), st.integers(1, len(s)))
    )
)
def test_eff_at_k_estimate_matches_brute_force_over_k_subsets(args):
    scores, k = args
    assert eff_at_k_estimate(scores, k) == pytest.approx(
        float(brute_eff_at_k(scores, k)), abs=1e-12
    )


@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(1, n))
    )
)
def test_eff_at_k_of_binary_scores_is_pass_at_k(args):
    n, c, k = args
    assert eff_at_k_estimate([1.0] * c + [0.0] * (n - c), k) == pytest.approx(
        pass_at_k_estimate(n, c, k), abs=1e-12
    )


def test_eff_at_k_averages_over_tasks():
    t1 = enamel_task((None, 2.0, 3.0, 6.0), (None, 1.0, 2.0, 4.0), task_id="t1")
    t2 = enamel_task((Verdict.WRONG_ANSWER,) * 4, (None, 1.0, 2.0, 4.0), task_id="t2")
    e = enamel_efficiencies(t1)
    m1 = eff_at_k([t1, t2], 1, **FAST)
    assert m1.name == "eff@1" and m1.n_tasks == 2
    assert m1.value == pytest.approx((sum(e) / 2 + 0.5 * e[1]) / 2)
    m2 = eff_at_k([t1, t2], 2, **FAST)
    assert m2.value == pytest.approx((max(e) + e[1]) / 2)
    assert contains(m1) and contains(m2)


level_time = st.floats(min_value=0.0, max_value=10.0, allow_nan=False)
level = st.one_of(
    st.lists(st.lists(level_time, min_size=1, max_size=4), min_size=1, max_size=3),
    st.sampled_from([Verdict.TIMEOUT, Verdict.WRONG_ANSWER]),
)
ref_level = st.lists(
    st.lists(st.floats(0.01, 10.0), min_size=1, max_size=4), min_size=1, max_size=3
)


def _lr(x):
    return LevelResult(x) if isinstance(x, Verdict) else LevelResult(Verdict.PASSED, x)


enamel_tasks = st.lists(
    st.tuples(
        st.lists(ref_level, min_size=3, max_size=3),
        st.lists(st.lists(level, min_size=3, max_size=3), min_size=1, max_size=6),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(
    enamel_tasks,
    st.floats(1.5, 4.0),
    st.sampled_from(["task", "level"]),
    st.sampled_from(["censor", "fail"]),
)
def test_eff_properties(data, factor, scope, policy):
    tasks = [
        LevelledTask(
            f"t{i}",
            LevelledRun([LevelResult()] + [_lr(x) for x in ref]),
            [LevelledRun([LevelResult()] + [_lr(x) for x in cand]) for cand in cands],
        )
        for i, (ref, cands) in enumerate(data)
    ]
    kw = dict(timeout_factor=factor, timeout_scope=scope, timeout_policy=policy)
    clipped = eff_at_k(tasks, 1, clip=True, **kw, **FAST)
    assert 0.0 <= clipped.value <= 1.0 and contains(clipped)
    raw = eff_at_k(tasks, 1, **kw, **FAST)
    assert clipped.value - 1e-12 <= raw.value <= factor / (factor - 1) + 1e-12
    for task in tasks:
        for e in enamel_efficiencies(task, clip=True, **kw):
            assert 0.0 <= e <= 1.0
    # eff@k grows with k
    k_max = min(len(t.candidates) for t in tasks)
    values = [eff_at_k(tasks, k, clip=True, n_resamples=0, **kw).value for k in range(1, k_max + 1)]
    assert all(a <= b + 1e-12 for a, b in itertools.pairwise(values))


# ============================================================================================
# bootstrap behaviour of the metrics, serialisation, docs
# ============================================================================================


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.lists(maybe_runtime, min_size=2, max_size=5), min_size=1, max_size=12),
    st.integers(0, 2**31),
)
def test_metric_intervals_are_deterministic_per_seed(data, seed):
    tasks = [TaskOutcomes.from_times(f"t{i}", ts) for i, ts in enumerate(data)]
    first = pass_at_k(tasks, 1, n_resamples=100, seed=seed)
    assert pass_at_k(tasks, 1, n_resamples=100, seed=seed) == first
    assert contains(first)
    assert 0.0 <= first.ci_low <= first.ci_high <= 1.0


def test_metric_intervals_change_with_seed_and_resamples_and_confidence():
    tasks = [TaskOutcomes.from_times(f"t{i}", [1.0] * (i % 4) + [None] * 3) for i in range(40)]
    a = pass_at_k(tasks, 1, seed=1)
    assert a == pass_at_k(tasks, 1, seed=1)
    assert (a.ci_low, a.ci_high) != (
        pass_at_k(tasks, 1, seed=2).ci_low,
        pass_at_k(tasks, 1, seed=2).ci_high,
    )
    wide = pass_at_k(tasks, 1, confidence=0.99)
    assert wide.confidence == 0.99 and wide.ci_low <= a.ci_low and wide.ci_high >= a.ci_high
    none = pass_at_k(tasks, 1, n_resamples=0)
    assert none.ci_low is None and none.ci_high is None and none.value == a.value
    with pytest.raises(ValueError, match="confidence"):
        pass_at_k(tasks, 1, confidence=0)


def test_a_single_task_has_a_degenerate_interval():
    m = beyond([TaskOutcomes.from_times("a", [1.5], [1.0, 2.0])])
    assert m.beyond.ci_low == m.beyond.ci_high == m.beyond.value == 0.5


def test_metric_values_serialise():
    m = pass_at_k([TaskOutcomes.from_times("a", [1.0, None])], 1)
    assert serialization.from_json(MetricValue, serialization.to_json(m)) == m


def test_docs_examples_run():
    text = DOCS.read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "docs/metrics.md has no python examples"
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), namespace)


def test_docs_name_every_metric():
    text = DOCS.read_text()
    for name in (
        "pass@k",
        "efficiency_ratio",
        "average_speedup",
        "geometric_mean_speedup",
        "Beyond",
        "eff@k",
        "net_mean_of_ratios",
        "net_ratio_of_sums",
        "nmu_",
        "ntmu_",
        "Hodges",
        "MAD",
    ):
        assert name in text, name
