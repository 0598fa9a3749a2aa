"""Building and running function-task programs, with the verdict each failure deserves."""

from __future__ import annotations

import pytest

import effiskel
from effiskel.datamodel import Checker, Parameter, Signature, TaskKind, Verdict
from effiskel.execution import Builder, run_function
from effiskel.judging import Judge
from effiskel.sandbox import Limits

SIGNATURE = Signature("count_pairs", [Parameter("values", "list[int]"), Parameter("limit", "int")], "int")
INPUTS = [[[1, 2, 3], 4], [[5, 1, 1, 1], 2], [list(range(50)), 30]]
EXPECTED = [2, 3, sum(1 for i in range(50) for j in range(i + 1, 50) if i + j <= 30)]
GOOD = """
def count_pairs(values, limit):
    values.sort()
    print("debugging output must not disturb the harness")
    lo, hi, pairs = 0, len(values) - 1, 0
    while lo < hi:
        if values[lo] + values[hi] <= limit:
            pairs += hi - lo
            lo += 1
        else:
            hi -= 1
    return pairs
"""


@pytest.fixture
def builder(tmp_path):
    return Builder(cache_dir=tmp_path / "cache")


def run(builder, source, **kw):
    build = builder.build(effiskel.get_language("python").program(source, TaskKind.FUNCTION, SIGNATURE))
    assert build.ok, build.message
    kw.setdefault("limits", Limits(wall_seconds=3))
    return run_function(build, SIGNATURE, INPUTS, EXPECTED, **kw)


def test_a_correct_solution_passes_with_timings(builder):
    runs, outcome = run(builder, GOOD, warmup=1, repeat=3)
    assert [r.verdict for r in runs] == [Verdict.PASSED] * 3
    assert all(len(r.times_ns) == 3 and min(r.times_ns) > 0 for r in runs)
    assert [r.value for r in runs] == EXPECTED


def test_mutating_the_input_cannot_help_the_next_call(builder):
    source = "def count_pairs(values, limit):\n    n = len(values)\n    values.clear()\n    return n\n"
    runs, _ = run(builder, source, repeat=3)
    assert [r.value for r in runs] == [3, 4, 50]


@pytest.mark.parametrize(
    ("source", "verdict", "message"),
    [
        (GOOD.replace("pairs += hi - lo", "pairs += 1"), Verdict.WRONG_ANSWER, "input 0: got"),
        ("def count_pairs(v, l):\n    raise KeyError('boom')\n", Verdict.RUNTIME_ERROR, "KeyError: 'boom'"),
        ("def count_pairs(v, l):\n    while True: pass\n", Verdict.TIMEOUT, "timed out"),
        ("import sys\ndef count_pairs(v, l):\n    sys.exit(0)\n", Verdict.RUNTIME_ERROR, "SystemExit"),
        ("import os\ndef count_pairs(v, l):\n    os._exit(0)\n", Verdict.RUNTIME_ERROR, "exited before finishing"),
        ("def count_pairs(v, l):\n    return [0] * (10**10)\n", Verdict.MEMORY_LIMIT, "MemoryError"),
    ],
)
def test_failures_get_their_verdict(builder, source, verdict, message):
    runs, _ = run(builder, source, limits=Limits(wall_seconds=1.5, memory_bytes=1 << 30))
    assert runs[0].verdict is verdict
    assert message in runs[0].message
    assert len(runs) == len(INPUTS) and all(r.verdict is verdict for r in runs)


def test_a_syntax_error_is_a_cached_compile_error(builder):
    spec = effiskel.get_language("python").program("def count_pairs(:\n", TaskKind.FUNCTION, SIGNATURE)
    build = builder.build(spec)
    assert not build.ok and "SyntaxError" in build.message and not build.cached
    again = builder.build(spec)
    assert not again.ok and again.cached and again.message == build.message


def test_builds_are_cached_by_content(builder):
    spec = effiskel.get_language("python").program(GOOD, TaskKind.FUNCTION, SIGNATURE)
    first, second = builder.build(spec), builder.build(spec)
    assert first.ok and not first.cached and second.cached and first.directory == second.directory


def test_float_checker_tolerance():
    judge = Judge(Checker(kind="float", tolerance=1e-6))
    assert judge((), [1.0, 2.0], [1.0000001, 2.0])
    assert not judge((), [1.0], [1.1])
    assert not Judge(Checker())((), 1, True)


def test_custom_checker_sees_the_input():
    source = "def check(args, expected, output):\n    return output == sum(args[0])\n"
    judge = Judge(Checker(kind="custom", source=source), "t")
    assert judge(([1, 2],), None, 3) and not judge(([1, 2],), None, 4)
    assert not judge(([1, "x"],), None, 3)  # a checker that raises rejects the output


def test_stdio_tasks_are_run_and_judged_by_tokens(tmp_path):
    from effiskel.datamodel import Solution, Task, TestCase
    from effiskel.evaluation import Evaluator, prepare

    task = Task(id="sum", statement="print the sum", kind=TaskKind.STDIO, checker=Checker(kind="tokens"),
                tests=[TestCase("1 2\n", "3"), TestCase("5 5\n", "10\n")])
    evaluator = Evaluator(builder=Builder(cache_dir=tmp_path))
    prepared = prepare(task)

    def verdict(source):
        return evaluator.run(Solution(task_id="sum", language="python", source=source), prepared)

    good = verdict("print(sum(map(int, input().split())))\n")
    assert good.passed and all(r.times_ns[0] > 0 for r in good.runs)
    wrong = verdict("print(1)\n")
    assert wrong.verdict is Verdict.WRONG_ANSWER and "got '1" in wrong.message
    crash = verdict("raise SystemExit(3)\n")
    assert crash.verdict is Verdict.RUNTIME_ERROR


def test_stdio_tasks_are_measured_as_whole_processes(tmp_path):
    import pytest

    from effiskel.datamodel import Solution, Task, TestCase
    from effiskel.evaluation import Evaluator, prepare
    from effiskel.measurement import MeasurementError, measure_solution

    task = Task(id="sum", statement="print the sum", kind=TaskKind.STDIO, checker=Checker(kind="tokens"),
                tests=[TestCase("1 2\n", "3"), TestCase("5 5\n", "10\n")])
    evaluator = Evaluator(builder=Builder(cache_dir=tmp_path))
    prepared = prepare(task)
    good = Solution(task_id="sum", language="python", source="print(sum(map(int, input().split())))\n")
    result = measure_solution(evaluator, good, prepared, "wall")
    assert result.passed and result.input_ids == ("T0", "T1")
    for m in result.measurements:
        # whole runs of the interpreter: start-up included, so well above a microsecond call
        assert m.unit == "s" and len(m.samples) >= 3 and m.location > 1e-3
    wrong = Solution(task_id="sum", language="python", source="print(3)\n")
    assert measure_solution(evaluator, wrong, prepared, "wall").measurements == ()
    with pytest.raises(MeasurementError, match="task sum is a stdio task: there is no harness"):
        measure_solution(evaluator, good, prepared, "cpu")
