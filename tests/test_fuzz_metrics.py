"""Fuzzing the metrics end to end, from the records the results store holds (any mix of
verdicts, figures, tasks and languages) and from random ENAMEL level runs.

Whatever the records: ER (and the tie and loss shares) lie in [0, 1], AS and its geometric mean
are positive, Beyond lies in [0, 1], pass@1 in [0, 1], eff@k is non-negative (at most 1 when
clipped), and every confidence interval contains its estimate. An undefined metric is reported
as such, never as an exception.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from effiskel.datamodel import Verdict
from effiskel.jobs import evaluation_metrics
from effiskel.metrics import LevelledRun, LevelledTask, LevelResult, eff_at_k

SYSTEM = "model:fuzz"
REFERENCE = "suite:efficient"
VERDICTS = [v.value for v in Verdict]

figure = st.one_of(st.floats(1e-9, 1e6, allow_nan=False), st.integers(1, 10**12).map(float))
record = st.fixed_dictionaries({
    "task_id": st.sampled_from(["a", "b", "c", "d"]),
    "language": st.sampled_from(["python", "cpp"]),
    "origin": st.sampled_from([SYSTEM, REFERENCE, "model:other"]),
    "verdict": st.sampled_from(VERDICTS),
    "total": st.one_of(st.none(), figure),
})


def metric_values(tree: Any, path: str = "") -> list[tuple[str, dict]]:
    """Every metric value (a dict with value and CI) in a nested result."""
    found = []
    if isinstance(tree, dict):
        if "value" in tree and "ci_low" in tree:
            found.append((path, tree))
        for key, sub in tree.items():
            found += metric_values(sub, f"{path}.{key}")
    return found


@settings(max_examples=200, deadline=None)
@given(records=st.lists(record, max_size=24))
def test_metrics_from_any_store_records(records):
    result = evaluation_metrics(records, SYSTEM, REFERENCE, n_resamples=50)
    assert result["system"] == SYSTEM
    for path, m in metric_values(result):
        assert m["ci_low"] is None or m["ci_low"] <= m["value"] <= m["ci_high"], (path, m)
    if "pass@1" in result:
        assert 0.0 <= result["pass@1"]["value"] <= 1.0
    comparison = result.get("vs_references", {})
    if "undefined" not in comparison and comparison:
        for share in ("efficiency_ratio", "tie_share", "loss_share"):
            assert 0.0 <= comparison[share]["value"] <= 1.0
        assert comparison["average_speedup"]["value"] > 0
        assert 0 < comparison["geometric_mean_speedup"]["value"] <= comparison["average_speedup"]["value"] * (1 + 1e-9)
    beyond = result.get("beyond", {})
    if "undefined" not in beyond and beyond:
        assert 0.0 <= beyond["beyond"]["value"] <= 1.0


timing = st.floats(1e-6, 10.0, allow_nan=False)
level = st.one_of(
    st.lists(st.lists(timing, min_size=1, max_size=3), min_size=1, max_size=3).map(
        lambda cases: LevelResult(Verdict.PASSED, cases)),
    st.sampled_from([LevelResult(Verdict.TIMEOUT), LevelResult(Verdict.WRONG_ANSWER)]),
)
passing_level = st.lists(st.lists(timing, min_size=1, max_size=3), min_size=1, max_size=3).map(
    lambda cases: LevelResult(Verdict.PASSED, cases))


@st.composite
def levelled_tasks(draw) -> list[LevelledTask]:
    n_candidates = draw(st.integers(1, 4))
    tasks = []
    for t in range(draw(st.integers(1, 5))):
        reference = LevelledRun([draw(passing_level) for _ in range(4)])
        candidates = [LevelledRun([draw(level) for _ in range(4)]) for _ in range(n_candidates)]
        tasks.append(LevelledTask(f"t{t}", reference, candidates))
    return tasks


@settings(max_examples=200, deadline=None)
@given(tasks=levelled_tasks(), clip=st.booleans(), data=st.data())
def test_eff_at_k_on_random_level_runs(tasks, clip, data):
    k = data.draw(st.integers(1, len(tasks[0].candidates)), label="k")
    value = eff_at_k(tasks, k, clip=clip, n_resamples=50)
    assert value.value >= 0.0 and (not clip or value.value <= 1.0)
    assert value.ci_low <= value.value <= value.ci_high
    assert value.n_tasks == len(tasks)
    if k > 1:  # more samples can only help: eff@k grows with k
        assert eff_at_k(tasks, k - 1, clip=clip, n_resamples=0).value <= value.value + 1e-9
