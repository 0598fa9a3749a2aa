"""The dynamic strategy's cost: how much of an extraction is spent outside running the code.

Running the solutions (judging them, then profiling them under the line tracer or callgrind) is
the strategy's irreducible cost; everything else -- parsing, the syntactic skeleton, computing
expected outputs, parsing callgrind's output and mapping addresses to lines, the store -- is
overhead this benchmark makes visible. "Running" is every call of :func:`effiskel.sandbox.run`
(builds are cached by a warm-up extraction first, so they are not in the timed rounds).

A second benchmark times a re-run whose profiles are all in the store, against the syntactic
strategy alone on the same group: the price of the cache lookups and the hot-line pass.

Run: ``pytest benchmarks/test_skeleton_dynamic.py --benchmark-only -s`` (the shares are printed
and kept in each benchmark's ``extra_info``).
"""

from __future__ import annotations

import os
import time

import pytest
from effiskel_skeletons.dynamic import DynamicStrategy

import effiskel
from effiskel import sandbox
from effiskel.datasets.suite import load_suite
from effiskel.evaluation import Evaluator
from effiskel.execution import Builder
from effiskel.extraction import solution_groups
from effiskel.profiling import callgrind_problem

TASK = "count_primes"
#: Python by its line tracer, C++ by callgrind, Java by the bytecode-counting agent.
LANGUAGES = ["python", "cpp", "java"]


def _need(language: str) -> None:
    problem = effiskel.get_language(language).toolchain_problem()
    if language == "cpp" and not problem:
        problem = callgrind_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{language}: {problem}")
        pytest.skip(f"{language}: {problem}")


@pytest.fixture(scope="module")
def evaluator(tmp_path_factory):
    return Evaluator(builder=Builder(cache_dir=tmp_path_factory.mktemp("dynamic-bench-builds")))


def _group(language: str):
    tasks = [t for t in load_suite() if t.id == TASK]
    [(task, group)] = solution_groups(tasks, language=language)
    return task, group


class SandboxClock:
    """Seconds spent inside effiskel.sandbox.run while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        inner = sandbox.run

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1

        monkeypatch.setattr(sandbox, "run", timed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dynamic_extraction_time_outside_running_the_code(benchmark, evaluator, tmp_path, monkeypatch, language):
    _need(language)
    task, group = _group(language)
    frontend = effiskel.get_language(language)
    # Warm-up: builds (the measured one and the profiling one) land in the build cache.
    DynamicStrategy(evaluator=evaluator, store=str(tmp_path / "warm.sqlite")).extract(group, frontend, task=task)
    clock = SandboxClock()
    clock.install(monkeypatch)
    totals = {"seconds": 0.0, "rounds": 0}
    stores = iter(range(1000))

    def setup():
        # a fresh store each round: every solution is judged and profiled again
        fresh = DynamicStrategy(evaluator=evaluator, store=str(tmp_path / f"round{next(stores)}.sqlite"))
        return (fresh,), {}

    def extract(strategy):
        started = time.perf_counter()
        entries = strategy.extract(group, frontend, task=task)
        totals["seconds"] += time.perf_counter() - started
        totals["rounds"] += 1
        return entries

    benchmark.group = f"dynamic-{language}"
    entries = benchmark.pedantic(extract, setup=setup, rounds=3, iterations=1)
    assert all(e.strategy == "dynamic" and hasattr(e, "keep") for e in entries), entries
    assert clock.calls >= 2 * len(group.efficient) * totals["rounds"]  # judged and profiled, each round
    outside = 1.0 - clock.seconds / totals["seconds"]
    benchmark.extra_info["share_outside_running"] = outside
    benchmark.extra_info["seconds_per_solution"] = totals["seconds"] / totals["rounds"] / len(group.efficient)
    print(f"\ndynamic/{language}: {outside:.1%} of extraction time outside running the code "
          f"({totals['seconds'] / totals['rounds']:.2f} s per group of {len(group.efficient)})")
    assert 0.0 <= outside < 1.0


@pytest.mark.parametrize("language", LANGUAGES)
def test_dynamic_rerun_from_the_store_against_syntactic(benchmark, evaluator, tmp_path, language):
    _need(language)
    task, group = _group(language)
    frontend = effiskel.get_language(language)
    strategy = DynamicStrategy(evaluator=evaluator, store=str(tmp_path / "profiles.sqlite"))
    strategy.extract(group, frontend, task=task)  # fills the store
    syntactic = strategy.syntactic()

    benchmark.group = f"dynamic-cached-{language}"
    entries = benchmark(lambda: strategy.extract(group, frontend, task=task))
    assert all(e.strategy == "dynamic" for e in entries)
    started = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        syntactic.extract(group, frontend)
    seconds = (time.perf_counter() - started) / rounds
    if getattr(benchmark, "stats", None) is not None:
        cached = benchmark.stats.stats.median
        benchmark.extra_info["syntactic_seconds"] = seconds
        print(f"\ndynamic/{language} from the store: {cached * 1e3:.1f} ms per group, "
              f"syntactic alone {seconds * 1e3:.1f} ms")
