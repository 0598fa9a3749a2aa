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

import attrs

from effiskel.measurement import MeasurementError, MeasureSession, summarize

VERSION = "0.2.0"
#: stderr kept for a counted run: callgrind's whole log must be there, from its first line.
LOG_BYTES = 16 * 1024 * 1024
_BANNER = re.compile(rb"==(\d+)== Callgrind, a call-graph generating cache profiler")
#: The x86-64 preamble of a valgrind client request (rolq $3/$13/$61/$51, %rdi): a program
#: containing it can stop or zero the count from inside (CALLGRIND_ZERO_STATS, ...).
CLIENT_REQUEST = bytes.fromhex("48c1c70348c1c70d48c1c73d48c1c733")


def _collected(log: bytes) -> int:
    """The instruction total of callgrind's log on a program's stderr, or MeasurementError.

    The log is trusted only as valgrind writes it: its banner first (nothing of the program can
    come before it), then exactly one total for the program's process. A program that writes a
    total of its own (from the same process or a forked one) makes two, and gets no figure.
    """
    banner = _BANNER.match(log)
    if banner is None:
        raise MeasurementError("callgrind's log is missing or was cut (the program wrote too much on stderr)")
    totals = re.findall(rb"^==" + banner.group(1) + rb"== Collected : (\d+)[ \t]*$", log, re.MULTILINE)
    if len(totals) != 1:
        raise MeasurementError(f"callgrind's log holds {len(totals)} totals for the program's process, "
                               "not one: the program wrote into it; no trusted count")
    return int(totals[0])


def _check_no_client_requests(session: MeasureSession) -> None:
    """Refuse a build whose files contain valgrind's client-request preamble."""
    build = session.build
    if build.directory is None or platform.machine() not in ("x86_64", "AMD64"):
        return
    for name in build.spec.artifacts:
        if CLIENT_REQUEST in (build.directory / name).read_bytes():
            raise MeasurementError(f"{name} issues valgrind client requests, which can stop or reset the "
                                   "instruction count from inside: no trusted count")


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

    def unavailable_reason(self, language: str | None = None) -> str | None:
        if language is not None and _own_counter(language) is not None:
            return None  # the frontend counts by itself (its toolchain is checked with the build)
        if shutil.which("valgrind") is None:
            return "valgrind is not installed (apt-get install valgrind)"
        return None

    def _count(self, session: MeasureSession, index: int, baseline: bool) -> int:
        valgrind = shutil.which("valgrind")
        assert valgrind is not None
        # Address-space randomisation changes allocation patterns and id()-based hashing, and
        # with them the count: run with it off, as setarch -R does.
        setarch = shutil.which("setarch")
        prefix = [setarch, platform.machine(), "-R"] if setarch else []
        # The log goes to stderr, a pipe only effiskel reads: a log file in the run's directory
        # could be replaced by the program (see _collected for what it may still write).
        wrap = [*prefix, valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                "--log-fd=2", "--trace-children=no"]
        env = {"PYTHONHASHSEED": "0", "EFFISKEL_DETERMINISTIC": "1"}
        limits = attrs.evolve(session.limits, wall_seconds=session.limits.wall_seconds * self.slowdown,
                              cpu_seconds=None, stderr_bytes=max(session.limits.stderr_bytes, LOG_BYTES))
        options = {"indices": [index], "wrap": wrap, "env": env, "limits": limits}
        if baseline:
            outcome = session.baseline(**options)
        else:
            _, outcome = session.run(warmup=0, repeat=1, **options)
        return _collected(outcome.stderr)

    def measure(self, session: MeasureSession) -> list:
        counter = _own_counter(session.build.spec.language)
        if counter is not None:
            count, unit = counter
            counts = count(session)
            if len(counts) != len(session.indices):
                raise MeasurementError(f"the {session.build.spec.language} instruction counter gave "
                                       f"{len(counts)} counts for {len(session.indices)} inputs")
            return [summarize(self.name, unit, [float(c)], deterministic=True) for c in counts]
        _check_no_client_requests(session)
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
