"""Line profiles: the hot line of a solution is found in every language that can profile, the
harness's lines never leak in, and the results store spares a re-run from profiling again."""

from __future__ import annotations

import os

import attrs
import pytest

import effiskel
from effiskel.datamodel import InputGenerator, Parameter, Signature, Solution, Task, Verdict
from effiskel.datamodel import TestCase as FixedTest
from effiskel.errors import DataError
from effiskel.evaluation import Evaluator
from effiskel.execution import Builder
from effiskel.measurement import MeasureSession
from effiskel.profiling import (
    LineProfile,
    ProfilingError,
    callgrind_problem,
    check_profile,
    line_profiler_of,
    parse_callgrind,
    profile_key,
    profile_solution,
    profiling_inputs,
)
from effiskel.serialization import from_json, to_json
from effiskel.store import ResultStore

SIGNATURE = Signature("work", (Parameter("values", "list[int]"),), "int")

#: Line 4 (set-up: one sort) runs once; line 6, the inner loop's body, runs ~n^2/2 times.
PYTHON = """def work(values):
    total = 0
    # a comment line: never charged
    ordered = sorted(values)
    for i in range(len(ordered)):
        for j in range(i): total += ordered[i] * ordered[j] % 7
    return total
"""

CPP = """#include <algorithm>
#include <vector>

long long work(std::vector<long long> values) {
    long long total = 0;
    std::sort(values.begin(), values.end());
    for (std::size_t i = 0; i < values.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            total += values[i] * values[j] % 7;
    return total;
}
"""

RUST = """fn work(values: Vec<i64>) -> i64 {
    let mut total = 0;
    let mut ordered = values.clone();
    ordered.sort();
    for i in 0..ordered.len() {
        for j in 0..i {
            total += ordered[i] * ordered[j] % 7;
        }
    }
    total
}
"""

GENERATOR = """
def generate_input(size, level, case):
    return [[random.randint(0, 1000) for _ in range(size)]]
"""


def make_task(task_id: str = "hot_loop", *, extra_python: tuple[str, ...] = ()) -> Task:
    """A function task whose solutions have one obvious hot line, with a Python reference."""
    reference = Solution(task_id, "python", PYTHON, origin="suite:efficient")
    return Task(
        task_id, "sum of products modulo 7 over ordered pairs", signature=SIGNATURE,
        tests=[FixedTest("[[3, 1, 2]]", "11"), FixedTest("[[]]", "0")],
        generator=InputGenerator(GENERATOR, levels=(4, 60), cases_per_level=(1, 2)),
        references={"python": (reference, *(Solution(task_id, "python", s) for s in extra_python))},
    )


@pytest.fixture(scope="session")
def evaluator(tmp_path_factory):
    """An evaluator with a private build cache: one directory of the session's temporary folder,
    which tests/test_skeleton_dynamic.py's copy of this fixture finds too (a C++ solution and its
    profiling build are compiled once)."""
    cache = tmp_path_factory.getbasetemp() / "profiling-builds"
    cache.mkdir(exist_ok=True)
    return Evaluator(builder=Builder(cache_dir=cache))


def need_toolchain(language: str) -> None:
    problem = effiskel.get_language(language).toolchain_problem()
    if language in ("cpp", "rust") and not problem:
        problem = callgrind_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{language} profiling cannot run under CI: {problem}")
        pytest.skip(f"{language} profiling cannot run here: {problem}")


# -- the profile type --------------------------------------------------------------------------


def test_hot_lines_use_the_mean_of_the_lines_that_ran():
    profile = LineProfile("s1", "instructions", {1: 10, 2: 0, 3: 40, 4: 30}, deterministic=True)
    # mean over lines 1, 3, 4 (line 2 never cost anything) = 80 / 3
    assert profile.hot_lines() == {3, 4}
    assert profile.hot_lines(1.4) == {3}
    assert profile.hot_lines(0.1) == {1, 3, 4}
    assert LineProfile("s", "s", {}, False).hot_lines() == frozenset()
    with pytest.raises(ValueError, match="factor"):
        profile.hot_lines(-1)


def test_a_profile_round_trips_through_json_and_bad_records_name_the_field():
    profile = LineProfile("t/python/abc", "s", {3: 0.25, 12: 1.5}, deterministic=False)
    assert from_json(LineProfile, to_json(profile)) == profile
    text = to_json(profile)
    with pytest.raises(DataError, match="'x' is not a line number"):
        from_json(LineProfile, text.replace('"12"', '"x"'))
    with pytest.raises(DataError, match="unit"):
        from_json(LineProfile, text.replace('"s"', '"ms"'))
    with pytest.raises(DataError, match=r"costs\[3\]"):
        from_json(LineProfile, text.replace("0.25", '"fast"'))


@pytest.mark.parametrize("costs, message", [({0: 1.0}, "1-based"), ({2: -1.0}, "finite and >= 0"),
                                            ({2: float("nan")}, "finite")])
def test_a_profile_refuses_bad_costs(costs, message):
    with pytest.raises(ValueError, match=message):
        LineProfile("s", "s", costs, False)


def test_a_frontend_without_a_profiler_is_named():
    class Frontend:
        name = "cobol"

    with pytest.raises(ProfilingError, match="the cobol frontend cannot profile lines"):
        line_profiler_of(Frontend())
    python = effiskel.get_language("python")
    assert line_profiler_of(python) == python.profile_lines


def test_a_profile_with_harness_lines_or_of_another_solution_is_refused():
    solution = Solution("t", "python", "x = 1\ny = 2\n")
    check_profile(LineProfile(solution.id, "s", {1: 1.0, 2: 3.0}, False), solution)
    with pytest.raises(ProfilingError, match=r"line\(s\) \[7\].*has 2 lines"):
        check_profile(LineProfile(solution.id, "s", {1: 1.0, 7: 3.0}, False), solution)
    with pytest.raises(ProfilingError, match="returned the profile of 'other'"):
        check_profile(LineProfile("other", "s", {1: 1.0}, False), solution)


def test_profiling_inputs_are_the_tests_and_one_level():
    task = make_task()
    prepared = profiling_inputs(task)
    assert [i.id for i in prepared.inputs] == ["T0", "T1", "L1C0", "L1C1"]  # default: the second level
    assert len(prepared.inputs[2].args[0]) == 60 and prepared.expected[:2] == (11, 0)
    assert [i.id for i in profiling_inputs(task, 0).inputs] == ["T0", "T1", "L0C0"]
    with pytest.raises(ProfilingError, match="no generator level 5"):
        profiling_inputs(task, 5)


# -- callgrind's output format -------------------------------------------------------------------

CALLGRIND = """# callgrind format
version: 1
positions: instr line
events: Ir
summary: 1000

ob=(1) /usr/lib/libc.so.6
fl=(1) ???
fn=(1) memcpy
0x500 0 99

ob=(2) /sandbox/solution
fl=(2) /build/solution.cpp
fn=(2) work
0x401000 5 3
+2 6 7
* * 5
fi=(3) /usr/include/c++/12/bits/stl_algo.h
0x401010 1937 11
cob=(1)
cfi=(1)
cfn=(1)
calls=1 0x500 0
0x401020 1937 400
fe=(2)
cfn=(2)
calls=3 0x401000 5
+4 7 50
0x401030 7 2
"""


def test_parse_callgrind_keeps_the_executable_and_separates_calls():
    costs = parse_callgrind(CALLGRIND, object_name="solution")
    # 0x401002 is "+2" after 0x401000; "* *" repeats it.
    assert costs.own == {0x401000: 3, 0x401002: 12, 0x401010: 11, 0x401030: 2}
    # the call to memcpy (file ??? by name compression) and the recursive call to work
    assert costs.calls == [(0x401020, "???", 400.0), (0x401024, "/build/solution.cpp", 50.0)]
    assert parse_callgrind(CALLGRIND, object_name="other").own == {}


def test_parse_callgrind_refuses_what_it_cannot_charge():
    with pytest.raises(ProfilingError, match="instruction positions"):
        parse_callgrind(CALLGRIND.replace("positions: instr line", "positions: line"), object_name="solution")
    with pytest.raises(ProfilingError, match="line 15 is not a cost line"):
        parse_callgrind(CALLGRIND.replace("0x401000 5 3", "0x401000"), object_name="solution")


# -- profiling real solutions ----------------------------------------------------------------------


def _profile(evaluator, language: str, source: str, task: Task | None = None):
    need_toolchain(language)
    task = task or make_task()
    solution = Solution(task.id, language, source)
    outcome = profile_solution(evaluator, solution, profiling_inputs(task))
    assert outcome.passed, outcome.message
    assert outcome.profile is not None and outcome.profile.solution_id == solution.id
    return outcome.profile


def test_python_line_timing_finds_the_loop_body(evaluator):
    profile = _profile(evaluator, "python", PYTHON)
    assert profile.unit == "s" and not profile.deterministic
    assert 6 in profile.hot_lines() and not {1, 2, 4, 7} & profile.hot_lines()
    assert 3 not in profile.costs  # a comment runs nothing
    assert max(profile.costs, key=profile.costs.get) == 6
    assert max(profile.costs) <= 7  # nothing of the harness


def test_cpp_instructions_per_line_charge_inlined_library_code_to_the_calling_line(evaluator):
    profile = _profile(evaluator, "cpp", CPP)
    assert profile.unit == "instructions" and profile.deterministic
    hot = profile.hot_lines()
    assert 9 in hot and not {4, 5, 10} & hot
    # std::sort is inlined from <bits/stl_algo.h>: its cost lands on line 6, the call
    assert profile.costs.get(6, 0) > 1000
    assert set(profile.costs) <= set(range(1, 12))  # the harness's lines are never charged
    again = _profile(evaluator, "cpp", CPP)
    assert again == profile  # instruction counts do not vary


def test_rust_instructions_per_line_leave_out_the_appended_harness(evaluator):
    profile = _profile(evaluator, "rust", RUST)
    assert profile.unit == "instructions" and profile.deterministic
    assert 7 in profile.hot_lines() and not {2, 3, 10} & profile.hot_lines()
    assert profile.costs.get(4, 0) > 0  # the sort
    assert max(profile.costs) <= 11  # solution.rs continues with the harness after line 11


def test_a_wrong_solution_has_a_verdict_and_no_profile(evaluator):
    task = make_task()
    wrong = Solution(task.id, "python", PYTHON.replace("return total", "return total + 1"))
    outcome = profile_solution(evaluator, wrong, profiling_inputs(task))
    assert outcome.verdict is Verdict.WRONG_ANSWER and outcome.profile is None
    assert "T0" in outcome.message


def test_a_session_without_its_solution_cannot_be_profiled(evaluator):
    task = make_task()
    python = effiskel.get_language("python")
    prepared = profiling_inputs(task)
    build = evaluator.builder.build(python.program(PYTHON, task.kind, task.signature))
    session = MeasureSession(build, prepared, [0], evaluator.limits, evaluator.layer)
    with pytest.raises(ProfilingError, match="carries no solution"):
        python.profile_lines(session)


def test_the_store_spares_a_rerun_and_keys_on_content_inputs_and_profiler(evaluator, tmp_path, monkeypatch):
    task = make_task()
    store = ResultStore(tmp_path / "profiles.sqlite")
    solution = Solution(task.id, "python", PYTHON)
    wrong = Solution(task.id, "python", PYTHON.replace("% 7", "% 5"))
    prepared = profiling_inputs(task)
    first = profile_solution(evaluator, solution, prepared, store=store)
    failed = profile_solution(evaluator, wrong, prepared, store=store)
    assert store.count("line-profile") == 2

    def no_running(*args, **kwargs):
        raise AssertionError("a cached outcome was run again")

    monkeypatch.setattr(evaluator, "run", no_running)
    assert profile_solution(evaluator, solution, prepared, store=store) == first
    assert profile_solution(evaluator, wrong, prepared, store=store) == failed
    # other inputs, another profiler version or another source are other keys
    python = effiskel.get_language("python")
    key = profile_key(solution, prepared, "python@0.1.0/1")
    assert key != profile_key(solution, profiling_inputs(task, 0), "python@0.1.0/1")
    assert key != profile_key(solution, prepared, "python@0.1.0/2")
    assert key != profile_key(attrs.evolve(solution, source=solution.source + "\n"), prepared, "python@0.1.0/1")
    assert python.profiler_version


def test_a_cpp_profiling_build_without_a_fixed_address_or_debug_information_is_refused(evaluator):
    need_toolchain("cpp")
    from effiskel_lang_cpp import profiling as cpp_profiling
    from effiskel_lang_cpp import toolchain as cpp_toolchain

    from effiskel.profiling import callgrind_profile

    task = make_task()
    solution = Solution(task.id, "cpp", CPP)
    prepared = profiling_inputs(task, 0)
    cpp = effiskel.get_language("cpp")
    build = evaluator.builder.build(cpp.program(CPP, task.kind, task.signature))
    session = MeasureSession(build, prepared, [0], evaluator.limits, evaluator.layer, solution)
    pie = cpp_toolchain.program(CPP, task.kind, task.signature)  # the measured build: PIE, no -g
    with pytest.raises(ProfilingError, match="not a fixed-address"):
        callgrind_profile(session, pie, source_name="solution.cpp")
    compiler, *rest = pie.build[0]
    no_debug = attrs.evolve(pie, build=[(compiler, "-no-pie", *rest)])
    with pytest.raises(ProfilingError, match="built with debug information"):
        callgrind_profile(session, no_debug, source_name="solution.cpp")
    assert cpp_profiling.PROFILING_FLAGS == ("-g", "-no-pie")


def test_the_profiling_build_goes_to_the_sessions_build_cache(evaluator):
    from effiskel_lang_python.profiling import profiling_program

    from effiskel.profiling import rebuild

    task = make_task()
    python = effiskel.get_language("python")
    spec = python.program(PYTHON, task.kind, task.signature)
    build = evaluator.builder.build(spec)
    session = MeasureSession(build, profiling_inputs(task), [0], evaluator.limits, evaluator.layer,
                             Solution(task.id, "python", PYTHON))
    profiled = rebuild(session, profiling_program(spec))
    assert profiled.build.ok and profiled.build.directory.parents[1] == evaluator.builder.root
    assert "effiskel_profile.py" in profiled.build.spec.artifacts and profiled.solution is session.solution


def test_the_profile_command_shows_costs_and_hot_lines(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from effiskel.cli import main

    monkeypatch.setenv("EFFISKEL_CACHE", str(tmp_path / "cache"))
    (tmp_path / "wrong.py").write_text("def count_primes(n):\n    return n\n")
    source = tmp_path / "sieve.py"
    source.write_text("def count_primes(n):\n    flags = [True] * n\n    count = 0\n"
                      "    for p in range(2, n):\n        if flags[p]:\n            count += 1\n"
                      "            for m in range(p * p, n, p):\n                flags[m] = False\n"
                      "    return count\n")
    runner = CliRunner()
    result = runner.invoke(main, ["profile", str(source), "--task", "count_primes", "--json"])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)
    assert record["verdict"] == "passed" and record["profile"]["unit"] == "s"
    assert 8 in record["hot_lines"] and 2 not in record["hot_lines"] and record["inputs"][0] == "T0"
    assert (tmp_path / "cache" / "line-profiles.sqlite").exists()
    table = runner.invoke(main, ["profile", str(source), "--task", "count_primes", "--hot-factor", "2"])
    assert table.exit_code == 0 and "flags[m] = False" in table.output and "hot" in table.output
    wrong = runner.invoke(main, ["profile", str(tmp_path / "wrong.py"), "--task", "count_primes", "--store", "none"])
    assert wrong.exit_code == 0 and "wrong_answer" in wrong.output
    both = runner.invoke(main, ["profile", str(source)])
    assert both.exit_code == 2 and "exactly one --task" in both.output
