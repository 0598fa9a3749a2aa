"""The hostile-program battery (see battery.py): every case, in Python, C++ and Java, under both
sandbox layers. Each case checks its verdict, that the next solution still runs and passes, that
no process of it survives, and the host protections its layer gives."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import sys

import pytest

from effiskel import sandbox
from effiskel.datamodel import Verdict
from effiskel.evaluation import Evaluator, prepare
from effiskel.execution import Builder
from effiskel.measurement import MeasurementError, measure_solution
from effiskel.sandbox import BUBBLEWRAP, RLIMIT

from . import battery

LANGUAGES = list(battery.LANGUAGES)
#: Cases that end only at the time limit: run together, a language and layer at a time.
TIMEOUT_CASES = ["infinite_loop", "catch_timeout", "sleep_forever", "ignore_sigterm"]
CASES = [c for c in battery.CASES if c not in TIMEOUT_CASES]


def layer_params() -> list:
    why = sandbox.bubblewrap_works()
    # CI installs bubblewrap (.ci/run): there both layers must run.
    marks = [pytest.mark.skipif(os.environ.get("CI") != "true", reason=why)] if why else []
    return [pytest.param(RLIMIT, id="rlimit"), pytest.param(BUBBLEWRAP, id="bubblewrap", marks=marks)]


def require(layer: str) -> None:
    if layer == BUBBLEWRAP and (why := sandbox.bubblewrap_works()):
        pytest.fail(f"CI must test the bubblewrap layer: {why}")


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    with battery.host_setup(tmp_path_factory.mktemp("hostile-host")) as host:
        yield host


@pytest.fixture(scope="module")
def cache(tmp_path_factory, host):
    """The build cache, filled with every program of the battery, two builds at a time."""
    path = tmp_path_factory.mktemp("hostile-cache")
    battery.build_all(Builder(path), host, battery.layers_here())
    return path


def check(result: battery.CaseResult, host: battery.Host) -> None:
    case = battery.CASES[result.case]
    where = f"{result.case} ({result.language}, {result.layer}): {result.message!r}"
    assert result.verdict in case.expected(result.layer, result.language), where
    assert result.next_verdict is Verdict.PASSED, f"the next solution after {where}"
    assert result.survivors == (), f"processes of {where} survived"
    protected = result.layer == BUBBLEWRAP or case.bubblewrap_only != "filesystem"
    if protected:
        assert result.host_files_intact, f"{where} changed host files: {host.planted()}"
    if result.layer == BUBBLEWRAP:
        assert result.listener_hits == 0, f"{where} reached the host's loopback"
        assert not result.decoy_killed, f"{where} killed a host process"
        assert "CONNECTED" not in result.stderr, f"{where} reached the network"


def case_params() -> list:
    # A case that attacks the test process itself runs only where the layer contains it.
    return [pytest.param(case, layer.values[0], id=f"{case}-{layer.id}", marks=layer.marks)
            for case in CASES for layer in layer_params()
            if not (battery.CASES[case].bubblewrap_only_run and layer.values[0] == RLIMIT)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("case", "layer"), case_params())
def test_hostile_case(case, layer, language, host, cache):
    require(layer)
    result = battery.run_case(case, language, layer, Builder(cache, layer=layer), host)
    check(result, host)


@pytest.mark.parametrize("layer", layer_params())
@pytest.mark.parametrize("language", LANGUAGES)
def test_programs_that_never_end_time_out(language, layer, host, cache, tmp_path):
    require(layer)
    builder = Builder(cache, layer=layer)
    builds = {case: battery.build(builder, case, language, host, layer) for case in TIMEOUT_CASES}
    with concurrent.futures.ThreadPoolExecutor(len(TIMEOUT_CASES)) as pool:
        verdicts = dict(zip(TIMEOUT_CASES, pool.map(
            lambda case: battery.judge(builds[case], layer, host.marker)[:2], TIMEOUT_CASES)))
    assert {case: v for case, (v, _) in verdicts.items()} == dict.fromkeys(TIMEOUT_CASES, Verdict.TIMEOUT)
    assert battery.wait_for_no_survivors(host.marker) == []
    honest, message, _ = battery.judge(battery.build(builder, "honest", language, host, layer), layer, "honest")
    assert honest is Verdict.PASSED, message


def test_rlimit_leaves_no_orphan_even_with_an_emptied_environment(host, cache):
    """The daemon case empties its environment (no EFFISKEL_RUN marker) and leaves its session:
    the rlimit layer still finds it, by the no-new-privileges mark it cannot clear."""
    if not sandbox._setpriv():
        pytest.skip("setpriv (util-linux) is not installed")
    result = battery.run_case("daemon", "python", RLIMIT, Builder(cache, layer=RLIMIT), host)
    assert result.verdict is Verdict.PASSED and result.survivors == ()


def test_rlimit_cannot_protect_the_parent(host, cache, tmp_path):
    """Documented limit of the rlimit layer (docs/reliability.md): a program can kill effiskel."""
    code, report = battery.run_in_driver("kill_parent", "python", RLIMIT, cache, tmp_path / "driver")
    assert code == -signal.SIGKILL and report is None


def test_bubblewrap_protects_the_parent(host, cache, tmp_path):
    """Under bubblewrap the same program leaves its effiskel process alone (a separate process
    here, so that a failure cannot take the test run down)."""
    if sandbox.bubblewrap_works() and os.environ.get("CI") != "true":
        pytest.skip(sandbox.bubblewrap_works())
    require(BUBBLEWRAP)
    code, report = battery.run_in_driver("kill_parent", "python", BUBBLEWRAP, cache, tmp_path / "driver")
    assert code == 0 and report == {"verdict": "passed", "next": "passed", "survivors": []}


@pytest.mark.parametrize("language", ["python", "cpp", "java"])
def test_a_faked_clock_or_counter_cannot_lower_the_instruction_count(language, host, cache):
    """``fake_timer`` makes the harness's clock report one nanosecond per call (Java: forges the
    harness's report), and ``fake_counter`` attacks the counter itself (Python: replaces
    callgrind's log file; C++: resets the count with a valgrind client request; Java: pauses the
    bytecode counter by reflection). The ``instructions`` figure stays that of the work, or
    there is none: never a lower one."""
    layer = sandbox.default_layer()
    evaluator = Evaluator(builder=Builder(cache, layer=layer), limits=battery.LIMITS, layer=layer)
    prepared = prepare(battery.task([2000]))
    figures = {}
    for case in ("honest", "fake_timer", "fake_counter"):
        solution = battery.solution(case, language, host, layer)
        try:
            result = measure_solution(evaluator, solution, prepared, "instructions")
        except MeasurementError as error:
            figures[case] = str(error)
            continue
        assert result.passed, result.run.message
        figures[case] = result.total()
    honest = figures["honest"]
    assert isinstance(honest, float) and honest > 0, figures
    for case in ("fake_timer", "fake_counter"):
        assert isinstance(figures[case], str) or figures[case] >= 0.98 * honest, figures
    if language == "cpp":
        assert "client requests" in figures["fake_counter"], figures
    if language == "java":
        assert "reflection" in figures["fake_counter"], figures


def test_the_wall_figure_comes_from_inside_the_program(host, cache):
    """Documented limit (docs/reliability.md): ``wall`` is read by the harness, in the program's
    own process, so a program that patches the clock gets a faked figure."""
    layer = sandbox.default_layer()
    evaluator = Evaluator(builder=Builder(cache, layer=layer), limits=battery.LIMITS, layer=layer)
    prepared = prepare(battery.task([2000]))
    result = measure_solution(evaluator, battery.solution("fake_timer", "python", host, layer), prepared, "wall")
    assert result.passed and result.total() < 1e-6


@pytest.mark.parametrize("layer", layer_params())
def test_runs_leave_no_zombie_behind(layer, tmp_path):
    """A run whose program closes its output early ends while its sandbox is still winding down;
    whatever is then orphaned to us (bubblewrap's inner process) must be reaped, not left as a
    zombie holding a process id (hundreds of them in a long job)."""
    require(layer)
    python = os.path.realpath(sys.executable)
    before = zombie_children()  # the test process's own, from other tests
    for _ in range(8):
        sandbox.run([python, "-S", "-c", "import os; os.close(1); os.close(2)"], cwd=tmp_path, layer=layer,
                    read_only=[sys.base_prefix])
    assert zombie_children() - before == set()


def zombie_children() -> set[str]:
    me = str(os.getpid())
    zombies = set()
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as f:
                state, parent = f.read().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if parent == me and state == "Z":
            zombies.add(entry)
    return zombies
