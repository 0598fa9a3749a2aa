"""ENAMEL's expert references against HumanEval's canonical solutions, level by level.

Not a pytest module (it takes a while): run it directly,

    .venv/bin/python benchmarks/enamel_table.py [--tasks N] [--timeout S]

Each solution is run with ENAMEL's protocol (every level in its own sandboxed run, 6 timed calls
per test case after a warm-up; level time = max over cases of the Hodges-Lehmann estimate) and
the table gives, per level, the geometric-mean speedup of the reference over the canonical
solution (on tasks where both passed the level) and the canonical solutions' mean ENAMEL
level score e_l, and their mean ENAMEL efficiency (timeout 2x the reference's slowest level,
weights 0/3/3/4). References that fail a level are listed and left out of the table.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from effiskel.datasets.enamel import load_enamel
from effiskel.evaluation import Evaluator, prepare
from effiskel.measurement import levelled_run
from effiskel.metrics import LevelledTask, enamel_efficiencies, enamel_level_scores
from effiskel.sandbox import Limits

ENAMEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "enamel"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", type=Path, default=ENAMEL)
    parser.add_argument("--tasks", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=20.0, help="wall seconds per level run")
    parser.add_argument("--canonical", default="humaneval:canonical")
    args = parser.parse_args()
    evaluator = Evaluator(limits=Limits(wall_seconds=args.timeout))
    tasks = load_enamel(args.path)[: args.tasks]
    started = time.time()
    speedups: dict[int, list[float]] = {1: [], 2: [], 3: []}
    level_scores: dict[int, list[float]] = {1: [], 2: [], 3: []}
    effs, failures = [], []
    for n, task in enumerate(tasks, 1):
        prepared = prepare(task)
        reference = next(s for s in task.references["python"] if s.origin == "enamel:reference")
        canonical = next(s for s in task.references["python"] if s.origin == args.canonical)
        ref_run = levelled_run(evaluator, reference, prepared)
        can_run = levelled_run(evaluator, canonical, prepared)
        if not all(level.verdict.passed for level in ref_run.levels):
            failures.append((task.id, "reference", [l.verdict.value for l in ref_run.levels]))
            continue
        for level in (1, 2, 3):
            c = can_run.levels[level]
            if c.verdict.passed:
                speedups[level].append(c.level_time() / ref_run.levels[level].level_time())
        levelled = LevelledTask(task.id, ref_run, [can_run])
        effs.append(enamel_efficiencies(levelled)[0])
        for level, score in enumerate(enamel_level_scores(levelled)[0]):
            if score is not None:
                level_scores[level].append(score)
        if not all(level.verdict.passed for level in can_run.levels):
            failures.append((task.id, "canonical", [l.verdict.value for l in can_run.levels]))
        print(f"\r{n}/{len(tasks)}", end="", file=sys.stderr)
    print(file=sys.stderr)

    def geo(values):
        return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")

    table = {
        "tasks": len(tasks),
        "seconds": round(time.time() - started),
        "references_passed": len(effs),
        "per_level": {level: {"tasks_both_passed": len(v), "geomean_speedup_ref_over_canonical": geo(v),
                              "canonical_mean_level_score": (sum(level_scores[level]) / len(level_scores[level])
                                                             if level_scores[level] else None)}
                      for level, v in speedups.items()},
        "canonical_mean_eff": sum(effs) / len(effs) if effs else None,
        "canonical_eff_tasks": len(effs),
        "failures": failures,
    }
    print(json.dumps(table, indent=2))


if __name__ == "__main__":
    main()
