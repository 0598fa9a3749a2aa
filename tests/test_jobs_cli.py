"""measure / curate / evaluate from the command line, and an evaluation killed and resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from effiskel.cli import main
from effiskel.datasets.suite import load_suite, solutions
from effiskel.store import ResultStore

TASK = "pair_sum_count"


def run_cli(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def candidates_file(tmp_path: Path) -> Path:
    task = next(t for t in load_suite() if t.id == TASK)
    good = solutions(task, "python", efficient=True)[0]
    slow = solutions(task, "python", efficient=False)[0]
    wrong = good.source + "\n_right = count_pairs\n\ndef count_pairs(values, limit):\n    return _right(values, limit) + 1\n"
    lines = [
        {"task_id": TASK, "language": "python", "source": good.source, "origin": "model:fast"},
        {"task_id": TASK, "language": "python", "source": slow.source, "origin": "model:slow"},
        {"task_id": TASK, "language": "python", "source": wrong, "origin": "model:wrong"},
    ]
    path = tmp_path / "candidates.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_measure_judges_and_stores_then_reuses(tmp_path):
    store = tmp_path / "r.sqlite"
    args = ["measure", "--task", TASK, "-l", "python", "--level", "1", "--store", str(store), "--json", "-q"]
    first = json.loads(run_cli(*args))
    assert len(first) == 5 and all(r["verdict"] == "passed" and r["total"] > 0 for r in first)
    assert ResultStore(store).count() == 5
    assert json.loads(run_cli(*args)) == first


def test_evaluate_scores_each_system(tmp_path):
    report = json.loads(run_cli("evaluate", str(candidates_file(tmp_path)), "--task", TASK, "--level", "1",
                                "--references", "suite:efficient", "--store", str(tmp_path / "r.sqlite"),
                                "--json", "-q"))
    systems = {s["system"]: s for s in report["systems"]}
    assert systems["model:wrong"]["pass@1"]["value"] == 0.0
    assert systems["model:fast"]["pass@1"]["value"] == 1.0
    assert systems["model:fast"]["pass@1"]["n_tasks"] == 1
    # Python candidates are compared with the Python references only.
    assert systems["model:slow"]["vs_references"]["efficiency_ratio"]["value"] == 0.0
    assert systems["model:slow"]["vs_references"]["average_speedup"]["value"] < 0.5


def test_evaluate_with_enamel_eff(tmp_path):
    report = json.loads(run_cli("evaluate", str(candidates_file(tmp_path)), "--task", TASK, "--level", "1",
                                "--references", "suite:efficient", "--eff", "suite:efficient",
                                "--store", str(tmp_path / "r.sqlite"), "--json", "-q"))
    eff = {s["system"]: s["eff@1"]["value"] for s in report["systems"]}
    assert eff["model:wrong"] == 0.0
    assert eff["model:fast"] > 0.5 > eff["model:slow"]


def test_evaluate_eff_at_k_is_the_unbiased_estimate_over_a_systems_candidates(tmp_path):
    task = next(t for t in load_suite() if t.id == TASK)
    good = solutions(task, "python", efficient=True)[0]
    slow = solutions(task, "python", efficient=False)[0]
    lines = [{"task_id": TASK, "language": "python", "source": source, "origin": origin}
             for source, origin in [(good.source, "model:fast"), (good.source, "model:mix"),
                                    (slow.source, "model:mix"), (slow.source, "model:slow")]]
    path = tmp_path / "candidates.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    report = json.loads(run_cli("evaluate", str(path), "--task", TASK, "--level", "1",
                                "--references", "suite:efficient", "--eff", "suite:efficient",
                                "--eff-k", "2", "--eff-k", "1", "--store", str(tmp_path / "r.sqlite"),
                                "--json", "-q"))
    systems = {s["system"]: s for s in report["systems"]}
    fast, slow_eff = systems["model:fast"]["eff@1"]["value"], systems["model:slow"]["eff@1"]["value"]
    mix = systems["model:mix"]
    # n = 2, k = 1: the mean of the two candidates' scores; k = 2: the better of the two
    assert abs(mix["eff@1"]["value"] - (fast + slow_eff) / 2) < 1e-9
    assert mix["eff@2"]["value"] == fast and mix["eff@2"]["n_tasks"] == 1
    # one candidate cannot give eff@2: the task is left out, and the metric says why
    assert "no task has 2 candidates" in systems["model:fast"]["eff@2"]["undefined"]


def test_evaluate_wraps_leetcode_style_answers_like_the_references(tmp_path):
    from tests.test_datasets_external import MERCURY_RECORDS, TWO_SUM_FAST

    data = tmp_path / "mercury.json"
    data.write_text(json.dumps(MERCURY_RECORDS[:1]))
    # a model's answer as Mercury asks for it: class Solution, List without an import
    unwrapped = {"task_id": "mercury/two-sum", "language": "python", "origin": "model:leetcode",
                 "source": TWO_SUM_FAST}
    path = tmp_path / "candidates.jsonl"
    path.write_text(json.dumps(unwrapped) + "\n")
    report = json.loads(run_cli("evaluate", str(path), "--dataset", "mercury", "--path", str(data),
                                "--store", str(tmp_path / "r.sqlite"), "--json", "-q"))
    systems = {s["system"]: s for s in report["systems"]}
    assert systems["model:leetcode"]["pass@1"]["value"] == 1.0


def test_curate_writes_the_fastest_passing(tmp_path):
    out = tmp_path / "efficientCode.json"
    run_cli("curate", "--task", TASK, "-k", "2", "--level", "1", "--store", str(tmp_path / "r.sqlite"),
            "-o", str(out), "-q", "-l", "python")
    from effiskel.datasets.apps import load_apps_effi
    from effiskel.datasets.mercury import solution_body

    task = next(t for t in load_suite() if t.id == TASK)
    efficient = {s.source for s in solutions(task, "python", efficient=True)}
    kept = [s for t in load_apps_effi(out) for sols in t.references.values() for s in sols]
    assert len(kept) == 2 and all(solution_body(s) in efficient for s in kept)


def test_evaluate_killed_midway_resumes_without_loss_or_duplicates(tmp_path):
    store_path = tmp_path / "r.sqlite"
    candidates = candidates_file(tmp_path)
    command = [sys.executable, "-m", "effiskel.cli", "evaluate", str(candidates), "--task", TASK,
               "--level", "1", "--store", str(store_path), "--json", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if store_path.exists() and ResultStore(store_path).count() >= 2:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    store = ResultStore(store_path)
    partial = dict(store.items())
    assert 2 <= len(partial) < 6, "the kill should land half-way"
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    complete = dict(store.items())
    # 3 candidates + 5 Python references, two of them the same code as a candidate: 6
    # distinct programs, each measured exactly once.
    assert len(complete) == 6
    assert all(complete[k] == v for k, v in partial.items())  # nothing re-measured
    assert store.check() == []
    report = json.loads(resumed.stdout)
    assert {s["system"] for s in report["systems"]} == {"model:fast", "model:slow", "model:wrong"}


def test_bad_dataset_paths_are_clear_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["measure", "--dataset", "enamel", "--task", "x"])
    assert missing.exit_code == 2 and "--path is needed for the enamel dataset" in missing.output
    empty = runner.invoke(main, ["measure", "--dataset", "enamel", "--path", str(tmp_path), "--task", "x"])
    assert empty.exit_code == 1 and f"{tmp_path}: no enamel.csv here" in empty.output
    unknown = runner.invoke(main, ["measure", "--task", "no_such_task"])
    assert unknown.exit_code == 2 and "no task 'no_such_task'" in unknown.output


def test_a_malformed_candidate_file_names_the_line(tmp_path):
    bad = tmp_path / "c.jsonl"
    bad.write_text('{"task_id": "pair_sum_count", "language": "python", "source": "x", "origin": "m"}\n'
                   '{"task_id": "pair_sum_count", "language": 3}\n')
    result = CliRunner().invoke(main, ["evaluate", str(bad), "--task", TASK, "--store", str(tmp_path / "r")])
    assert result.exit_code == 1 and f"{bad}, record 2" in result.output
    broken = tmp_path / "d.jsonl"
    broken.write_text("{not json\n")
    result = CliRunner().invoke(main, ["evaluate", str(broken), "--task", TASK, "--store", str(tmp_path / "r")])
    assert result.exit_code == 1 and f"{broken}:1: not JSON" in result.output
