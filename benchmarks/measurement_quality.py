"""How well the measurers tell fast code from slow, and how repeatable they are.

Not a pytest module (it takes minutes): run it directly, e.g.

    .venv/bin/python benchmarks/measurement_quality.py discrimination --measurer instructions -l python
    .venv/bin/python benchmarks/measurement_quality.py precision -l python --runs 10

``discrimination``: every (efficient, inefficient) pair of solutions of the same task and
language in the bundled suite, measured at the largest level; the share of pairs the measurer
orders correctly (efficient < inefficient).

``precision``: for a few efficient solutions, ``--runs`` independent measurements each: the
coefficient of variation (CV) of ``wall`` (timed inside the run, around the call) next to the
CV of whole-process timing (the same harness run timed from outside, start-up included, which is
what most published harnesses report), and whether ``instructions`` is bit-identical.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from effiskel.datasets.suite import load_suite, solutions
from effiskel.evaluation import Evaluator, prepare
from effiskel.execution import run_function
from effiskel.jobs import JobSettings, measure_all
from effiskel.measurement import measure_solution
from effiskel.store import ResultStore


def discrimination(args: argparse.Namespace) -> dict:
    tasks = [t for t in load_suite() if not args.task or t.id in args.task]
    chosen = [s for t in tasks for lang in args.language for s in solutions(t, lang)]
    store = ResultStore(args.store)
    started = time.time()
    records = measure_all(tasks, chosen, store, JobSettings(measurer=args.measurer, jobs=args.jobs),
                          progress=lambda d, n, _: print(f"\r{d}/{n}", end="", file=sys.stderr))
    print(file=sys.stderr)
    figure = {r["solution_id"]: r["total"] for r in records}
    failed = [r for r in records if r["verdict"] != "passed"]
    per_language: dict[str, list[bool]] = {}
    wrong_pairs = []
    for task in tasks:
        for language in args.language:
            fast = [s for s in solutions(task, language, efficient=True) if figure.get(s.id) is not None]
            slow = [s for s in solutions(task, language, efficient=False) if figure.get(s.id) is not None]
            for e in fast:
                for i in slow:
                    ok = figure[e.id] < figure[i.id]
                    per_language.setdefault(language, []).append(ok)
                    if not ok:
                        wrong_pairs.append((task.id, language, e.meta["style"], i.meta["style"],
                                            figure[e.id], figure[i.id]))
    return {
        "measurer": args.measurer,
        "seconds": round(time.time() - started, 1),
        "not_passing": [(r["task_id"], r["language"], r["origin"], r["message"][:120]) for r in failed],
        "pairs": {lang: {"correct": sum(v), "total": len(v), "share": sum(v) / len(v)} for lang, v in per_language.items() if v},
        "misordered": wrong_pairs,
    }


def _cv(values: list[float]) -> float:
    return statistics.stdev(values) / statistics.mean(values) if len(values) > 1 else 0.0


def precision(args: argparse.Namespace) -> dict:
    evaluator = Evaluator()
    rows = []
    for task in load_suite()[: args.tasks]:
        prepared = prepare(task)
        largest = max(i.level for i in prepared.inputs)
        index = next(k for k, i in enumerate(prepared.inputs) if i.level == largest and i.id.startswith("L"))
        for language in args.language:
            candidates = solutions(task, language, efficient=True)
            if not candidates:
                continue
            solution = candidates[0]
            wall, whole, instructions = [], [], []
            frontend = evaluator.host.languages.get(language)
            build = evaluator.builder.build(frontend.program(solution.source, task.kind, task.signature))
            for _ in range(args.runs):
                result = measure_solution(evaluator, solution, prepared, "wall", levels=[largest])
                wall.append(result.measurements[0].location)
                started = time.perf_counter()
                _, outcome = run_function(build, task.signature, [prepared.inputs[index].args],
                                          [prepared.expected[index]], task.checker)
                whole.append(time.perf_counter() - started)
            for _ in range(3):  # Java's figure is bytecodes, from the counting agent
                result = measure_solution(evaluator, solution, prepared, "instructions", levels=[largest])
                instructions.append(result.total())
            rows.append({"task": task.id, "language": language, "wall_median_s": statistics.median(wall),
                         "cv_wall": _cv(wall), "whole_process_median_s": statistics.median(whole),
                         "cv_whole_process": _cv(whole),
                         "instructions": instructions,
                         "instructions_identical": len(set(instructions)) <= 1 if instructions else None})
            print(json.dumps(rows[-1]), file=sys.stderr)
    return {"runs": args.runs, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("discrimination")
    d.add_argument("--measurer", default="instructions")
    d.add_argument("-l", "--language", action="append", default=None)
    d.add_argument("--task", action="append", default=None)
    d.add_argument("-j", "--jobs", type=int, default=1)
    d.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "effiskel-quality.sqlite")
    p = sub.add_parser("precision")
    p.add_argument("-l", "--language", action="append", default=None)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--tasks", type=int, default=3)
    args = parser.parse_args()
    args.language = args.language or ["python", "cpp", "java"]
    result = discrimination(args) if args.command == "discrimination" else precision(args)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
