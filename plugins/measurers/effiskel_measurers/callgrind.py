"""Instruction counts: deterministic, so comparable across runs.

Machine instructions from valgrind's callgrind for native code and interpreters (C++, Rust,
Python). A frontend whose runtime callgrind cannot count repeatably (the JVM) offers its own
deterministic counter instead, ``count_instructions(session) -> list[int]`` (one count per
input of the session, in order) with its unit in
``instruction_unit`` (Java: executed bytecode instructions, from an agent); the measurer uses
it when the frontend has one.
"""

from __future__ import annotations

import platform
import re
import shutil
from pathlib import Path

import attrs

from effiskel.measurement import MeasurementError, MeasureSession, summarize

VERSION = "0.1.0"
_COLLECTED = re.compile(rb"Collected\s*:\s*(\d+)")


class InstructionsMeasurer:
    """Instructions executed by one call: callgrind's total for a run with one call, minus
    its total for the baseline run (same harness, same input, no call). Hash seeds are fixed
    (``PYTHONHASHSEED=0``) so that Python runs repeat exactly."""

    name = "instructions"
    version = VERSION
    unit = "instructions"
    deterministic = True

    def __init__(self, *, slowdown: float = 60.0) -> None:
        #: How much slower a program runs under callgrind (the run's time limit is scaled).
        self.slowdown = slowdown

    def unavailable_reason(self) -> str | None:
        if shutil.which("valgrind") is None:
            return "valgrind is not installed (apt-get install valgrind)"
        return None

    def _count(self, session: MeasureSession, index: int, baseline: bool) -> int:
        found: list[int] = []

        def collect(work: Path) -> None:
            log = work / "callgrind.log"
            if log.exists():
                found.extend(int(m) for m in _COLLECTED.findall(log.read_bytes()))

        valgrind = shutil.which("valgrind")
        assert valgrind is not None
        # Address-space randomisation changes allocation patterns and id()-based hashing, and
        # with them the count: run with it off, as setarch -R does.
        setarch = shutil.which("setarch")
        prefix = [setarch, platform.machine(), "-R"] if setarch else []
        wrap = [*prefix, valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                "--log-file=callgrind.log", "--trace-children=no"]
        env = {"PYTHONHASHSEED": "0", "EFFISKEL_DETERMINISTIC": "1"}
        options = dict(indices=[index], wrap=wrap, env=env, after=collect,
                       limits=attrs.evolve(session.limits, wall_seconds=session.limits.wall_seconds * self.slowdown,
                                           cpu_seconds=None))
        if baseline:
            session.baseline(**options)
        else:
            session.run(warmup=0, repeat=1, **options)
        if not found:
            raise MeasurementError("callgrind reported no instruction count")
        return found[-1]  # valgrind writes its summary last, after anything the program wrote

    def measure(self, session: MeasureSession) -> list:
        counter = _own_counter(session.build.spec.language)
        if counter is not None:
            count, unit = counter
            counts = count(session)
            if len(counts) != len(session.indices):
                raise MeasurementError(f"the {session.build.spec.language} instruction counter gave "
                                       f"{len(counts)} counts for {len(session.indices)} inputs")
            return [summarize(self.name, unit, [float(c)], deterministic=True) for c in counts]
        out = []
        for index in session.indices:
            total = self._count(session, index, baseline=False)
            empty = self._count(session, index, baseline=True)
            out.append(summarize(self.name, self.unit, [float(max(0, total - empty))], deterministic=True))
        return out


def _own_counter(language: str):
    """The frontend's own instruction counter and its unit, or None (callgrind counts)."""
    from effiskel.plugins import get_host

    languages = get_host().languages
    if language not in languages:
        return None
    frontend = languages.get(language)
    count = getattr(frontend, "count_instructions", None)
    if count is None:
        return None
    return count, getattr(frontend, "instruction_unit", "instructions")
