"""Wall time of the call itself, repeated until its median is known well enough."""

from __future__ import annotations

import time

from effiskel.measurement import MeasureSession, summarize
from effiskel.stats import location_ci, median

VERSION = "0.1.0"


class WallMeasurer:
    """Seconds per call, from the harness's own clock around the call (never start-up).

    Each round runs every input still imprecise with ``repeat`` timed calls after ``warmup``
    untimed ones, then doubles ``repeat``; an input is done once the bootstrap interval of its
    median is within ``target`` (relative) of the median, or when ``budget_seconds`` is spent.
    The dispersion (MAD) and the interval are always reported.
    """

    name = "wall"
    version = VERSION
    unit = "s"
    deterministic = False

    def __init__(self, *, target: float = 0.05, budget_seconds: float = 10.0, warmup: int = 1,
                 initial_repeat: int = 5, max_repeat: int = 640, method: str = "median") -> None:
        self.target = target
        self.budget_seconds = budget_seconds
        self.warmup = warmup
        self.initial_repeat = initial_repeat
        self.max_repeat = max_repeat
        self.method = method

    def unavailable_reason(self, language: str | None = None) -> str | None:
        return None

    def precise_enough(self, samples: list[float]) -> bool:
        centre = median(samples)
        interval = location_ci(samples, "median", n_resamples=300)
        if interval is None or centre <= 0:
            return False
        return (interval[1] - interval[0]) / centre <= self.target

    def measure(self, session: MeasureSession) -> list:
        samples: list[list[float]] = [[] for _ in session.indices]
        active = list(range(len(session.indices)))
        # A first round of one timed call per input tells how many calls fit in a run's limit.
        repeat = 1
        deadline = time.monotonic() + self.budget_seconds
        while active:
            runs, _ = session.run(indices=[session.indices[j] for j in active], warmup=self.warmup,
                                  repeat=repeat)
            for j, run in zip(active, runs):
                samples[j].extend(t / 1e9 for t in run.times_ns)
            active = [j for j in active if len(samples[j]) < 3 or not self.precise_enough(samples[j])]
            left = deadline - time.monotonic()
            if left <= 0 or not active:
                break
            per_round = sum(median(samples[j]) for j in active) * (1 + self.warmup / max(repeat, 1))
            room = min(left, 0.5 * session.limits.wall_seconds) / max(per_round, 1e-9)
            repeat = max(1, min(self.max_repeat, int(room), max(self.initial_repeat, repeat * 2)))
        return [summarize(self.name, self.unit, s, method=self.method) for s in samples]
