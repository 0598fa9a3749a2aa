"""The dynamic strategy: the syntactic skeleton plus the structure of the hot lines, with every
solution that cannot have one recorded as a failure, and profiles reused from the store."""

from __future__ import annotations

import attrs
import pytest
from effiskel_skeletons.dynamic import DynamicStrategy

import effiskel
from effiskel.datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup
from effiskel.errors import EffiskelError
from effiskel.extraction import extract_group
from effiskel.store import ResultStore
from effiskel.syntax import TokenKind

from . import test_profiling
from .test_profiling import CPP, PYTHON, make_task, need_toolchain

#: The session-scoped evaluator of test_profiling (one build cache for both modules).
shared_evaluator = test_profiling.evaluator

#: Three solutions sharing the double loop under different names; the hot lines are the loops'.
SECOND = """def work(values):
    acc = 0
    xs = sorted(values)
    n = len(xs)
    for a in range(n):
        for b in range(a):
            acc += xs[a] * xs[b] % 7
    return acc
"""
THIRD = """def work(values):
    s = 0
    v = sorted(values)
    for i, x in enumerate(v):
        for y in v[:i]:
            s += x * y % 7
    return s
"""
STRUCTURAL = {TokenKind.KEYWORD, TokenKind.OPERATOR, TokenKind.PUNCTUATION, TokenKind.TYPE, TokenKind.BUILTIN}


@pytest.fixture
def strategy(shared_evaluator, tmp_path):
    return DynamicStrategy(evaluator=shared_evaluator, store=str(tmp_path / "profiles.sqlite"))


def group_of(task, language, *sources):
    return SolutionGroup(task.id, language, [Solution(task.id, language, s) for s in sources])


def tokens_on(frontend, source, line):
    tokens = frontend.tokenize(source)
    return [(i, tokens[i]) for i in range(len(tokens)) if tokens.line_of(i) == line]


def test_hot_lines_add_their_structure_and_shared_names_to_the_syntactic_skeleton(strategy):
    python = effiskel.get_language("python")
    task = make_task()
    group = group_of(task, "python", PYTHON, SECOND, THIRD)
    dynamic = strategy.extract(group, python, task=task)
    syntactic = strategy.syntactic().extract(group, python)
    assert [s.solution_id for s in dynamic] == [s.id for s in group.efficient]
    for skeleton, base, solution in zip(dynamic, syntactic, group.efficient):
        assert isinstance(skeleton, Skeleton), skeleton
        assert skeleton.strategy == "dynamic" and skeleton.params["unit"] == "s"
        hot = set(skeleton.params["hot_lines"])
        tokens = python.tokenize(solution.source)
        for i, (kept, was) in enumerate(zip(skeleton.keep, base.keep)):
            assert kept or not was  # everything the syntactic strategy keeps is kept
            if tokens.line_of(i) not in hot:
                assert kept == was  # only hot lines gain tokens
            elif tokens.kind(i) in STRUCTURAL:
                assert kept, (solution.source, tokens[i])
        assert skeleton.kept_share > base.kept_share
    first, second, third = (set(s.params["hot_lines"]) for s in dynamic)
    assert 6 in first and not {2, 4, 7} & first
    assert 7 in second and not {2, 3, 4} & second
    assert 6 in third and not {2, 3} & third
    # `i` names a loop variable in two of the three solutions: shared, kept on the hot line;
    # `total` and `acc` are one solution's own names: masked there.
    line = {t.text: dynamic[0].keep[i] for i, t in tokens_on(python, PYTHON, 6)}
    assert line["i"] and not line["total"] and line["%"] and line["+="]
    line = {t.text: dynamic[1].keep[i] for i, t in tokens_on(python, SECOND, 7)}
    assert not line["acc"] and line["*"]


def test_a_failing_solution_is_a_failure_with_its_verdict_and_the_others_still_get_skeletons(strategy):
    python = effiskel.get_language("python")
    task = make_task()
    wrong = PYTHON.replace("return total", "return total + 1")
    entries = strategy.extract(group_of(task, "python", PYTHON, wrong, THIRD), python, task=task)
    assert isinstance(entries[0], Skeleton) and isinstance(entries[2], Skeleton)
    failure = entries[1]
    assert isinstance(failure, SkeletonFailure) and failure.strategy == "dynamic"
    assert "fails its tests" in failure.reason and "wrong_answer" in failure.reason and "T0" in failure.reason


def test_group_level_and_parse_problems_are_recorded_for_each_solution(strategy):
    python = effiskel.get_language("python")
    task = make_task()
    alone = strategy.extract(group_of(task, "python", PYTHON), python, task=task)
    assert len(alone) == 1 and isinstance(alone[0], SkeletonFailure) and "at least 2" in alone[0].reason
    broken = strategy.extract(group_of(task, "python", PYTHON, SECOND, "def work(:\n"), python, task=task)
    assert isinstance(broken[0], Skeleton) and isinstance(broken[1], Skeleton)
    assert isinstance(broken[2], SkeletonFailure) and "does not parse" in broken[2].reason
    assert broken[2].strategy == "dynamic"


def test_a_language_without_a_profiler_fails_every_solution_naming_it(strategy):
    python = effiskel.get_language("python")

    @attrs.frozen
    class Unprofiled:
        """The Python frontend without its profile_lines capability."""

        inner: object
        name = "python"
        version = "0"

        def parse(self, source, *, path=None):
            return self.inner.parse(source, path=path)

        def tokenize(self, source, *, path=None):
            return self.inner.tokenize(source, path=path)

    task = make_task()
    entries = strategy.extract(group_of(task, "python", PYTHON, SECOND), Unprofiled(python), task=task)
    assert all(isinstance(e, SkeletonFailure) and "python frontend cannot profile lines" in e.reason
               for e in entries)


def test_the_task_is_required_and_must_be_the_groups(strategy):
    python = effiskel.get_language("python")
    task = make_task()
    group = group_of(task, "python", PYTHON, SECOND)
    with pytest.raises(EffiskelError, match="without its task"):
        strategy.extract(group, python)
    with pytest.raises(EffiskelError, match="the task given is 'other'"):
        strategy.extract(group, python, task=make_task("other"))
    # extract_group passes the task along
    assert all(isinstance(e, Skeleton) for e in extract_group(strategy, task, group, python))


def test_a_rerun_reads_the_profiles_from_the_store(strategy, shared_evaluator, tmp_path, monkeypatch):
    python = effiskel.get_language("python")
    task = make_task()
    group = group_of(task, "python", PYTHON, SECOND, PYTHON.replace("return total", "return -total"))
    first = strategy.extract(group, python, task=task)
    assert ResultStore(tmp_path / "profiles.sqlite").count("line-profile") == 3

    def no_running(*args, **kwargs):
        raise AssertionError("a profile in the store was made again")

    monkeypatch.setattr(shared_evaluator, "run", no_running)
    again = DynamicStrategy(evaluator=shared_evaluator, store=str(tmp_path / "profiles.sqlite"))
    assert again.extract(group, python, task=task) == first
    # another threshold reuses the same profiles: only the hot lines change
    fewer = attrs.evolve(again, hot_factor=3.0).extract(group, python, task=task)
    assert len(fewer[0].params["hot_lines"]) <= len(first[0].params["hot_lines"])


def test_parameters_are_checked_and_recorded():
    with pytest.raises(ValueError, match="hot_factor must be a positive number"):
        DynamicStrategy(hot_factor=0)
    with pytest.raises(ValueError, match="min_similarity"):
        DynamicStrategy(min_similarity=1.5)
    with pytest.raises(ValueError, match="unknown token kind"):
        DynamicStrategy(kinds=("verb",))
    with pytest.raises(ValueError, match="store must be a results-store path"):
        DynamicStrategy(store=3)
    assert DynamicStrategy(store=None).store == ""
    configured = attrs.evolve(DynamicStrategy(), hot_factor="1.5", level="0")
    assert configured.params()["hot_factor"] == 1.5 and configured.params()["level"] == 0
    assert configured.params()["syntactic"]["min_similarity"] == 0.8
    assert isinstance(effiskel.get_host().strategies.get("dynamic"), DynamicStrategy)


def test_cpp_hot_loop_structure_is_kept(strategy):
    need_toolchain("cpp")
    cpp = effiskel.get_language("cpp")
    task = make_task()
    other = (CPP.replace("total", "acc").replace("values[i] * values[j]", "values[j] * values[i]")
             .replace("std::size_t j = 0", "std::size_t j = 0u"))
    entries = strategy.extract(group_of(task, "cpp", CPP, other), cpp, task=task)
    assert all(isinstance(e, Skeleton) for e in entries), entries
    assert entries[0].params["unit"] == "instructions" and 9 in entries[0].params["hot_lines"]
    line = {t.text: entries[0].keep[i] for i, t in tokens_on(cpp, CPP, 9)}
    # `total` is renamed in the other solution: masked; the operators and the shared `values` are kept
    assert not line["total"] and line["+="] and line["%"] and line["values"]


def test_the_public_api_hands_the_task_to_the_dynamic_strategy(tmp_path):
    from effiskel.api import extract

    task = make_task()
    group = group_of(task, "python", PYTHON, SECOND)
    entries = extract(group, "dynamic", params={"store": str(tmp_path / "p.sqlite")}, tasks=[task])
    assert [type(e) for e in entries] == [Skeleton, Skeleton] and entries[0].params["unit"] == "s"
    with pytest.raises(EffiskelError, match="without its task"):
        extract(group, "dynamic", params={"store": "none"})
