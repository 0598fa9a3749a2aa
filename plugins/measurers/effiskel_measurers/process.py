"""CPU time and peak memory, from the process's resource usage, baseline subtracted."""

from __future__ import annotations

from effiskel.measurement import MeasureSession, summarize

VERSION = "0.1.0"


class CpuMeasurer:
    """CPU seconds per call: (CPU of a run with ``repeat`` calls - CPU of the baseline) / repeat.

    ``repeat`` is chosen so that the calls take about ``target_seconds`` of CPU, since process
    CPU time is only counted in clock ticks; ``trials`` such pairs give the samples.
    """

    name = "cpu"
    version = VERSION
    unit = "s"
    deterministic = False

    def __init__(self, *, trials: int = 3, target_seconds: float = 0.2, max_repeat: int = 1000) -> None:
        self.trials = trials
        self.target_seconds = target_seconds
        self.max_repeat = max_repeat

    def unavailable_reason(self, language: str | None = None) -> str | None:
        return None

    def measure(self, session: MeasureSession) -> list:
        out = []
        for index in session.indices:
            probe, _ = session.run(indices=[index], warmup=1, repeat=1)
            per_call = max(probe[0].times_ns[0] / 1e9, 1e-6)
            repeat = max(1, min(self.max_repeat, int(self.target_seconds / per_call)))
            samples = []
            for _ in range(self.trials):
                _, loaded = session.run(indices=[index], warmup=0, repeat=repeat)
                empty = session.baseline(indices=[index])
                samples.append(max(0.0, loaded.cpu_seconds - empty.cpu_seconds) / repeat)
            out.append(summarize(self.name, self.unit, samples))
        return out


class MemoryMeasurer:
    """Peak resident memory of a run with one call, minus the baseline run's peak, in bytes."""

    name = "memory"
    version = VERSION
    unit = "bytes"
    deterministic = False

    def __init__(self, *, trials: int = 3) -> None:
        self.trials = trials

    def unavailable_reason(self, language: str | None = None) -> str | None:
        return None

    def measure(self, session: MeasureSession) -> list:
        out = []
        for index in session.indices:
            samples = []
            for _ in range(self.trials):
                _, loaded = session.run(indices=[index], warmup=0, repeat=1)
                empty = session.baseline(indices=[index])
                samples.append(float(max(0, loaded.max_rss_bytes - empty.max_rss_bytes)))
            out.append(summarize(self.name, self.unit, samples))
        return out
