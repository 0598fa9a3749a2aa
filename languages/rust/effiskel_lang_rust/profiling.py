"""Per-line instruction counts of Rust solutions (the frontend's ``profile_lines``).

The crate root ``solution.rs`` is the solution followed by the harness, so the solution's own
lines keep their numbers; :func:`effiskel.profiling.callgrind_profile` charges only lines
1..(the solution's line count) and drops the harness's.
"""

from __future__ import annotations

from effiskel.measurement import MeasureSession
from effiskel.profiling import LineProfile, compiled_profile

from . import toolchain

#: Added to the measured build's flags: full debug information, and static relocation (a
#: non-PIE executable) so that callgrind's instruction addresses are the executable's own.
PROFILING_FLAGS = ("-g", "-C", "relocation-model=static")


def profile_lines(session: MeasureSession) -> LineProfile:
    """Instructions executed per line of the session's solution, summed over its inputs."""
    return compiled_profile(session, toolchain.program, PROFILING_FLAGS, source_name="solution.rs")
