"""Per-line timing of Python solutions (the frontend's ``profile_lines``).

The profiled program is the measured one with one more file, ``effiskel_profile.py``, as its
entry: it imports the solution (its module-level code runs untimed, as under the harness),
installs a line tracer (``sys.settrace``) that follows only frames of the solution's own file,
then runs the unchanged harness. The tracer charges the time between two events of the
solution's frames to the line that was executing: a line's *own* time, including what it spent
in library code (a builtin, ``heapq``, ``sorted``), excluding what it spent in the solution's
other functions (their lines carry it) and everything the harness does between calls. The
clock is the thread's CPU time (``time.thread_time_ns``), not the wall clock: on a busy machine a
preemption would otherwise land, milliseconds long, on whichever line was running. The tracer's
own work is left out by reading the clock on entry and again on exit.

Timing varies from run to run, so the profile is not deterministic; the tracer slows a line
by a roughly constant amount, which weighs lines towards how often they run -- what the hot-line
threshold looks at.
"""

from __future__ import annotations

from effiskel.datamodel import Signature, TaskKind
from effiskel.measurement import MeasurementError, MeasureSession
from effiskel.profiling import LineProfile, ProfilingError, rebuild, session_solution
from effiskel.toolchain import ProgramSpec

#: The file the profiled run writes its costs to, in its work directory.
OUTPUT = "effiskel-line-costs.txt"
#: The profiling entry script: runs harness.py with the line tracer on.
ENTRY = "effiskel_profile.py"
#: How much slower a run is under the tracer (the run's time limit is scaled by it).
SLOWDOWN = 40.0

PROFILE_ENTRY = r'''
import sys as _sys
from time import thread_time_ns as _clock


def _profile():
    import os
    import solution  # its module-level code runs untraced, as under the harness
    target = solution.__file__
    costs = {}
    stack = []
    state = [None, 0]  # the executing line of the solution (None: not in it), the last clock

    def charge(now):
        line = state[0]
        if line is not None:
            costs[line] = costs.get(line, 0) + now - state[1]

    def local(frame, event, arg):
        charge(_clock())
        if event == "line":
            state[0] = frame.f_lineno
        elif event == "return":
            state[0] = stack.pop() if stack else None
        state[1] = _clock()
        return local

    def call(frame, event, arg):
        if frame.f_code.co_filename != target:
            return None
        charge(_clock())
        stack.append(state[0])
        state[0] = frame.f_lineno
        state[1] = _clock()
        return local

    with open("harness.py", "rb") as handle:
        harness = compile(handle.read(), "harness.py", "exec")
    code = 0
    _sys.settrace(call)
    try:
        exec(harness, {"__name__": "__main__"})
    except SystemExit as stop:
        code = stop.code
    finally:
        _sys.settrace(None)
        with open(@OUTPUT@, "w") as out:
            for line, cost in sorted(costs.items()):
                out.write("%d %d\n" % (line, cost))
    return code


raise SystemExit(_profile())
'''.replace("@OUTPUT@", repr(OUTPUT))


def profiling_program(spec: ProgramSpec) -> ProgramSpec:
    """The measured function-task program with the profiling entry added and run instead."""
    if "harness.py" not in spec.files:
        raise ProfilingError("only a function task's program (solution and harness) can be profiled")
    return ProgramSpec(
        language=spec.language, files={**spec.files, ENTRY: PROFILE_ENTRY}, build=spec.build,
        run=(*spec.run[:-1], ENTRY), artifacts=(*spec.artifacts, ENTRY), read_only=spec.read_only,
        env=spec.env,
    )


def parse_costs(text: str) -> dict[int, float]:
    """``<line> <nanoseconds>`` rows as line -> seconds."""
    costs: dict[int, float] = {}
    for number, row in enumerate(text.splitlines(), 1):
        fields = row.split()
        if len(fields) != 2 or not all(f.isdigit() for f in fields):
            raise ProfilingError(f"{OUTPUT} line {number} is malformed: {row[:80]!r}")
        costs[int(fields[0])] = int(fields[1]) / 1e9
    return costs


def profile_lines(session: MeasureSession, program) -> LineProfile:
    """Seconds spent on each line of the session's solution, summed over its inputs.

    ``program`` is the frontend's ``program`` method (it makes the measured spec).
    """
    solution = session_solution(session)
    task = session.prepared.task
    if task.kind is not TaskKind.FUNCTION or task.signature is None:
        raise ProfilingError(f"task {task.id}: only function tasks can be profiled")
    signature: Signature = task.signature
    profiled = rebuild(session, profiling_program(program(solution.source, task.kind, signature)))
    found: dict[str, str] = {}

    def collect(work) -> None:
        output = work / OUTPUT
        if output.exists():
            found["text"] = output.read_text(errors="replace")

    import attrs

    limits = attrs.evolve(session.limits, wall_seconds=session.limits.wall_seconds * SLOWDOWN,
                          cpu_seconds=None)
    try:
        profiled.run(warmup=0, repeat=1, after=collect, limits=limits)
    except MeasurementError as exc:
        raise ProfilingError(f"{solution.id}: the run under the line tracer failed: {exc}") from None
    if "text" not in found:
        raise ProfilingError(f"{solution.id}: the line tracer wrote no {OUTPUT}")
    return LineProfile(solution.id, "s", parse_costs(found["text"]), deterministic=False)
