"""Per-line instruction counts of C++ solutions (the frontend's ``profile_lines``).

The harness includes ``solution.cpp``, so the debug information names the solution's own file
and lines; :func:`effiskel.profiling.callgrind_profile` does the rest.
"""

from __future__ import annotations

from effiskel.datamodel import Signature, TaskKind
from effiskel.measurement import MeasureSession
from effiskel.profiling import LineProfile, callgrind_profile, session_solution
from effiskel.toolchain import ProgramSpec

from . import toolchain

#: Added to the measured build's flags: debug information, and a fixed load address so that
#: callgrind's instruction addresses are the executable's own.
PROFILING_FLAGS = ("-g", "-no-pie")


def profiling_program(source: str, kind: TaskKind, signature: Signature | None = None) -> ProgramSpec:
    """The measured program, built with :data:`PROFILING_FLAGS` too (same optimisation)."""
    spec = toolchain.program(source, kind, signature)
    compiler, *rest = spec.build[0]
    return ProgramSpec(language=spec.language, files=spec.files, build=[(compiler, *PROFILING_FLAGS, *rest)],
                       run=spec.run, artifacts=spec.artifacts, read_only=spec.read_only, env=spec.env)


def profile_lines(session: MeasureSession) -> LineProfile:
    """Instructions executed per line of the session's solution, summed over its inputs."""
    solution = session_solution(session)
    task = session.prepared.task
    spec = profiling_program(solution.source, task.kind, task.signature)
    return callgrind_profile(session, spec, source_name="solution.cpp")
