"""Per-line instruction counts of C++ solutions (the frontend's ``profile_lines``).

The harness includes ``solution.cpp``, so the debug information names the solution's own file
and lines; :func:`effiskel.profiling.callgrind_profile` does the rest.
"""

from __future__ import annotations

from effiskel.measurement import MeasureSession
from effiskel.profiling import LineProfile, compiled_profile

from . import toolchain

#: Added to the measured build's flags: debug information, and a fixed load address so that
#: callgrind's instruction addresses are the executable's own.
PROFILING_FLAGS = ("-g", "-no-pie")


def profile_lines(session: MeasureSession) -> LineProfile:
    """Instructions executed per line of the session's solution, summed over its inputs."""
    return compiled_profile(session, toolchain.program, PROFILING_FLAGS, source_name="solution.cpp")
