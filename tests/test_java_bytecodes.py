"""Java's deterministic instruction counts: the bytecode-counting agent (languages/java).

The figure must repeat bit for bit, include the JDK code a solution calls (a loop around
``Collections.min`` is not one instruction per round), leave out the harness, the warm-up call
and every other thread, and charge each line of the solution with what it ran.
"""

from __future__ import annotations

import os

import pytest

import effiskel
from effiskel.datamodel import Parameter, Signature, Solution, Task, TaskKind
from effiskel.datamodel import TestCase as FixedTest
from effiskel.evaluation import Evaluator, PreparedTask, prepare
from effiskel.execution import Build, Builder
from effiskel.measurement import MeasurementError, MeasureSession, measure_solution

SIGNATURE = Signature("probe", (Parameter("values", "list[int]"), Parameter("mode", "int")), "int")

REFERENCE = """def probe(values, mode):
    if mode == 0:
        return 0
    if mode == 2:
        return 10 * min(values)
    return sum(values)
"""

# Mode 0 does nothing; 1 loops in its own code; 2 calls the JDK in a loop (its own code is a
# few instructions per round); 3 is mode 1 with a thread started on the side that keeps busy
# in the JDK until the JVM halts (a daemon: it must not be counted, and cannot make the count vary);
# 4 is mode 1 on a copy made by clone and System.arraycopy, native code charged per element.
JAVA = """import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class Solution {
    static long probe(long[] values, long mode) {
        if (mode == 0) return 0;
        if (mode == 2) {
            List<Long> boxed = new ArrayList<>();
            for (long v : values) boxed.add(v);
            long total = 0;
            for (int round = 0; round < 10; round++) total += Collections.min(boxed);
            return total;
        }
        if (mode == 4) {
            long[] copy = values.clone();
            long[] again = new long[copy.length];
            System.arraycopy(copy, 0, again, 0, copy.length);
            values = again;
        }
        if (mode == 3) {
            Thread side = new Thread(() -> {
                StringBuilder text = new StringBuilder();
                while (true) {
                    for (int i = 0; i < 2000; i++) text.append(i);
                    text.setLength(0);
                    try { Thread.sleep(1); } catch (InterruptedException e) { return; }
                }
            });
            side.setDaemon(true);
            side.start();
        }
        long sum = 0;
        for (long v : values) sum += v;
        return sum;
    }
}
"""
VALUES = [(i * 7919) % 1000 - 300 for i in range(400)]
TESTS = [FixedTest(repr([VALUES, mode])) for mode in range(5)]


def make_task() -> Task:
    reference = Solution("java_probe", "python", REFERENCE, origin="suite:efficient")
    return Task("java_probe", "modes of work", signature=SIGNATURE, tests=TESTS,
                references={"python": (reference,)})


@pytest.fixture(scope="module")
def evaluator(tmp_path_factory):
    problem = effiskel.get_language("java").toolchain_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Java cannot run under CI: {problem}")
        pytest.skip(f"Java cannot run here: {problem}")
    return Evaluator(builder=Builder(cache_dir=tmp_path_factory.mktemp("java-bytecodes")))


@pytest.fixture(scope="module")
def session(evaluator):
    task = make_task()
    prepared = prepare(task)
    solution = Solution(task.id, "java", JAVA)
    assert evaluator.run(solution, prepared).passed
    build = evaluator.builder.build(effiskel.get_language("java").program(JAVA, task.kind, task.signature))
    return MeasureSession(build, prepared, list(range(len(TESTS))), evaluator.limits, evaluator.layer, solution)


@pytest.fixture(scope="module")
def runs(session):
    from effiskel_lang_java.bytecodes import count_bytecodes

    return [count_bytecodes(session) for _ in range(3)]


def test_counts_repeat_bit_for_bit_and_include_the_library(runs):
    assert runs[0] == runs[1] == runs[2]  # totals, per-call counts and per-line counts alike
    nothing, own_loop, library_loop, with_thread, copies = runs[0].calls
    # mode 0: the test, the return and the default constructor, nothing of the harness
    assert 0 < nothing < 40
    # mode 1: about 10 bytecodes per element of the loop
    assert 400 * 5 < own_loop < 400 * 20
    # mode 2: ten Collections.min over 400 boxed values, each a JDK loop with compareTo
    assert library_loop > 10 * 400 * 10 > 5 * own_loop
    # mode 3: mode 1 plus starting a thread; the thread's own work is never counted
    assert own_loop < with_thread < own_loop + 20_000
    # mode 4: the two copies of 400 elements count 400 each, not one call each
    assert own_loop + 800 < copies < own_loop + 900
    assert runs[0].own < runs[0].total


def test_lines_are_charged_inclusively_and_only_the_solutions(session, runs):
    profile = effiskel.get_language("java").profile_lines(session)
    assert profile.unit == "bytecodes" and profile.deterministic
    lines = JAVA.splitlines()
    hot = max(profile.costs, key=profile.costs.get)
    assert "Collections.min" in lines[hot - 1]  # the JDK's loop is charged to the line calling it
    assert max(profile.costs) <= len(lines) and min(profile.costs) >= 1
    assert not any(lines[line - 1].strip().startswith("import") for line in profile.costs)
    # the side thread's loop (inside the lambda) is never charged: it does not run on the
    # thread being counted
    body = next(i for i, text in enumerate(lines, 1) if "text.append(i)" in text)
    assert body not in profile.costs
    assert sum(profile.costs.values()) == runs[0].total - runs[0].lines.get(0, 0)


def test_the_instructions_measurer_gives_java_bytecodes(evaluator):
    task = make_task()
    prepared = prepare(task)
    solution = Solution(task.id, "java", JAVA)
    result = measure_solution(evaluator, solution, prepared, "instructions", levels=[0])
    assert [m.unit for m in result.measurements] == ["bytecodes"] * 5
    assert all(m.deterministic and m.samples == (m.location,) for m in result.measurements)
    figures = [m.location for m in result.measurements]
    assert figures[0] < figures[1] < figures[3] and figures[2] > 5 * figures[1]


def test_the_agent_is_built_once_per_content(evaluator, runs):
    from effiskel_lang_java import bytecodes

    jar = bytecodes.build_agent(evaluator.builder)  # built by the counting runs already
    assert jar.name == "effiskel-agent.jar" and jar.exists()
    assert evaluator.builder.build(bytecodes.agent_spec()).cached


def test_bad_counts_files_and_stdio_tasks_are_clear_errors():
    from effiskel_lang_java.bytecodes import count_bytecodes, parse_counts

    counts = parse_counts("total 12\nown 5\nwindow 7\nwindow 5\nline 0 2\nline 3 10\n")
    assert counts.calls == (7, 5) and counts.lines == {0: 2, 3: 10} and counts.own == 5
    with pytest.raises(MeasurementError, match="counts.txt, line 2: not a count"):
        parse_counts("total 1\nowm 1\n", "counts.txt")
    with pytest.raises(MeasurementError, match="no total"):
        parse_counts("line 3 10\n")
    with pytest.raises(MeasurementError, match="do not add up"):
        parse_counts("total 12\nown 5\nwindow 7\n")
    stdio = Task("echo", "echo", kind=TaskKind.STDIO)
    spec = effiskel.get_language("java").program("class Main {}", TaskKind.STDIO)
    session = MeasureSession(Build(spec, True, None), PreparedTask(stdio, [], []), [], Evaluator().limits)
    with pytest.raises(MeasurementError, match="task echo: bytecodes are counted around a call"):
        count_bytecodes(session)


def test_instructions_for_java_need_no_valgrind(evaluator, monkeypatch):
    """Java is counted by its own agent: a machine without valgrind still measures it, and
    refuses only the languages callgrind counts."""
    import shutil

    from effiskel_measurers import callgrind

    real_which = shutil.which
    monkeypatch.setattr(callgrind.shutil, "which", lambda name, *a, **k: None if name == "valgrind" else real_which(name, *a, **k))
    measurer = evaluator.host.measurers.get("instructions")
    assert "valgrind" in measurer.unavailable_reason()
    assert "valgrind" in measurer.unavailable_reason("cpp")
    assert measurer.unavailable_reason("java") is None
    task = make_task()
    figure = measure_solution(evaluator, Solution(task.id, "java", JAVA), prepare(task), measurer, levels=[0])
    assert figure.measurements and all(m.unit == "bytecodes" and m.location > 0 for m in figure.measurements)
    with pytest.raises(MeasurementError, match="cannot measure cpp here: valgrind is not installed"):
        cpp = "long long probe(std::vector<long long> v, long long m) { return 0; }\n"
        measure_solution(evaluator, Solution(task.id, "cpp", "#include <vector>\n" + cpp), prepare(task), measurer)
