"""The pytest plugin and `effiskel suite` / `effiskel report --from-benchmark-json` (issue 7).

The generated suites run in a pytest subprocess (pytester) on the bundled suite's
pair_sum_count, with the deterministic instructions measurer at level 1: stable and quick.
The reference is measured once for the whole module (a shared --effiskel-store).
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from effiskel.cli import main
from effiskel.datasets.suite import load_suite, solutions

pytest_plugins = ["pytester"]

TASK = "pair_sum_count"


def _instructions_problem() -> str | None:
    from effiskel.plugins import get_host

    try:
        return get_host().measurers.get("instructions").unavailable_reason()
    except Exception as exc:  # pragma: no cover
        return str(exc)


needs_valgrind = pytest.mark.skipif(_instructions_problem() is not None,
                                    reason=f"instructions measurer unavailable: {_instructions_problem()}")


def _reference_id() -> str:
    task = next(t for t in load_suite() if t.id == TASK)
    return solutions(task, "python", efficient=True)[0].id


def _pair(efficient: bool, origin: str) -> dict:
    task = next(t for t in load_suite() if t.id == TASK)
    s = solutions(task, "python", efficient=efficient)[0]
    return {"task_id": s.task_id, "language": s.language, "source": s.source, "origin": origin}


def _write_suite(folder, candidates, *extra: str):
    jsonl = folder.parent / f"{folder.name}-candidates.jsonl"
    jsonl.write_text("".join(json.dumps(c) + "\n" for c in candidates))
    result = CliRunner().invoke(main, ["suite", TASK, str(jsonl), "-o", str(folder), "--measurer",
                                       "instructions", "--level", "1", "--reference", _reference_id(),
                                       "--store", str(folder.parent / "choice.sqlite"), "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_suite_writes_self_contained_files(tmp_path):
    summary = _write_suite(tmp_path / "suite", [_pair(True, "model"), _pair(False, "slow model")])
    names = [t["test"] for t in summary["tests"]]
    assert names == ["test_pair_sum_count__model_0", "test_pair_sum_count__slow_model_0"]
    text = (tmp_path / "suite" / "test_suite_efficiency.py").read_text()
    assert "from effiskel.pytest_plugin import" in text and "MEASURER = 'instructions'" in text
    assert (tmp_path / "suite" / "candidates" / TASK / "slow_model_0.py").exists()
    assert (tmp_path / "suite" / "references" / TASK / "python.py").exists()
    compile(text, "test_suite_efficiency.py", "exec")


def test_suite_rejects_unknown_tasks(tmp_path):
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(json.dumps(_pair(True, "m")) + "\n")
    result = CliRunner().invoke(main, ["suite", "no_such_task", str(jsonl), "-o", str(tmp_path / "s")])
    assert result.exit_code == 2 and "no_such_task" in result.output


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One run of a generated suite with an efficient and an inefficient candidate, saved."""
    if _instructions_problem():
        pytest.skip(f"instructions measurer unavailable: {_instructions_problem()}")
    root = tmp_path_factory.mktemp("plugin")
    _write_suite(root / "suite", [_pair(True, "model"), _pair(False, "slow model")])
    return root


def _run(pytester, root, *args):
    for item in root.iterdir():
        target = pytester.path / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copy(item, target)
    return pytester.runpytest_subprocess(
        "suite", "-p", "no:cacheprovider", f"--effiskel-store={root / 'store.sqlite'}",
        f"--benchmark-storage=file://{root / 'benchmarks'}", *args)


@needs_valgrind
def test_generated_suite_passes_efficient_and_fails_inefficient_readably(pytester, first_run):
    result = _run(pytester, first_run, f"--benchmark-json={first_run / 'bench.json'}",
                  "--benchmark-autosave")
    result.assert_outcomes(passed=1, failed=1)
    out = result.stdout.str()
    assert "test_pair_sum_count__slow_model_0" in out
    for piece in ("more than the allowed 1.5x", "measurer:  instructions (deterministic; unit: instructions",
                  "inputs:    L1C0, L1C1, L1C2 (level 1)", "candidate: ", "reference: ", "ratio:     ",
                  "(suite:efficient)"):
        assert piece in out, piece
    data = json.loads((first_run / "bench.json").read_text())
    assert data["machine_info"]["effiskel"]["measurers"]["instructions"]["deterministic"] is True
    assert data["machine_info"]["effiskel"]["sandbox_layer"]
    by_name = {b["name"]: b for b in data["benchmarks"]}
    fast = by_name["test_pair_sum_count__model_0"]
    info = fast["extra_info"]
    assert info["task"] == TASK and info["language"] == "python" and info["measurer"] == "instructions"
    assert info["unit"] == "instructions" and info["layer"] and info["inputs"] == ["L1C0", "L1C1", "L1C2"]
    assert info["levels"] == [1] and "instructions" in info["stats_note"]
    # the stats are effiskel's figure, not seconds of the Python call
    assert fast["stats"]["median"] == info["figure"] == info["reference_figure"] > 1e5
    slow = by_name["test_pair_sum_count__slow_model_0"]["extra_info"]
    assert slow["ratio"] > 1.5

    report = CliRunner().invoke(main, ["report", "--from-benchmark-json", str(first_run / "bench.json"),
                                       "--json"])
    assert report.exit_code == 0, report.output
    group = json.loads(report.output)["measurers"][0]
    assert group["measurer"] == "instructions" and group["references"] == ["suite:efficient"]
    systems = {s["system"]: s for s in group["systems"]}
    assert systems["slow model"]["vs_references"]["average_speedup"]["value"] < 1
    assert systems["model"]["beyond"]["beyond"]["value"] == 1.0
    table = CliRunner().invoke(main, ["report", "--from-benchmark-json", str(first_run / "bench.json")])
    assert table.exit_code == 0 and "references: suite:efficient" in table.output


@needs_valgrind
def test_benchmark_compare_fail_catches_a_slowdown(pytester, first_run):
    if not list((first_run / "benchmarks").rglob("*.json")):
        pytest.skip("needs the saved run of the previous test")
    # The "next commit": the same test, now with the slow code and a loose max ratio, so only
    # pytest-benchmark's comparison with the saved run can catch the slowdown.
    _write_suite(first_run / "suite", [_pair(False, "model")], "--max-ratio", "1000")
    result = _run(pytester, first_run, "--benchmark-compare",
                  "--benchmark-compare-fail=mean:20%")
    out = result.stdout.str() + result.stderr.str()
    assert "suite/test_suite_efficiency.py ." in out  # the test itself passed (ratio < 1000)
    assert "Performance has regressed" in out and "test_pair_sum_count__model_0" in out
    assert result.ret != 0


@needs_valgrind
def test_benchmark_disable_still_judges_and_asserts(pytester, first_run, tmp_path):
    bad = _pair(True, "broken")
    bad["source"] = bad["source"].replace("return", "return 1 + ", 1)
    folder = tmp_path / "bad"
    _write_suite(folder, [bad])
    shutil.copytree(folder, pytester.path / "suite")
    result = pytester.runpytest_subprocess("suite", "-p", "no:cacheprovider", "--benchmark-disable")
    result.assert_outcomes(failed=1)
    assert "did not pass: wrong_answer" in result.stdout.str()


def test_report_from_benchmark_json_counts_failed_candidates(tmp_path):
    """Candidates that failed the judge are in the JSON's ``effiskel.failed``, not among its
    benchmarks: pass@1 counts them, the efficiency metrics leave them out."""

    def bench(task, origin, figure, reference_figure):
        info = {"effiskel": "0.1.0", "task": task, "language": "python", "origin": origin,
                "measurer": "instructions", "unit": "instructions", "figure": figure,
                "reference_figure": reference_figure, "reference_origin": "suite:efficient",
                "reference_solution_id": f"{task}/python/ref"}
        return {"name": f"test_{task}__{origin}", "stats": {"median": figure}, "extra_info": info}

    failed = [{"task": "b", "language": "python", "origin": "model", "measurer": "instructions",
               "unit": "instructions", "passed": False, "verdict": "wrong_answer", "message": "got 3"},
              {"task": "a", "language": "python", "origin": "broken", "measurer": "instructions",
               "unit": "instructions", "passed": False, "verdict": "timeout", "message": "timed out"}]
    data = {"benchmarks": [bench("a", "model", 100.0, 200.0), bench("b", "other", 50.0, 100.0),
                           bench("a", "other", 400.0, 200.0)],
            "effiskel": {"version": "0.1.0", "failed": failed}}
    path = tmp_path / "bench.json"
    path.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["report", "--from-benchmark-json", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (group,) = json.loads(result.output)["measurers"]
    systems = {s["system"]: s for s in group["systems"]}
    assert set(systems) == {"model", "other", "broken"}
    assert systems["model"]["pass@1"]["value"] == 0.5 and systems["model"]["pass@1"]["n_tasks"] == 2
    assert systems["broken"]["pass@1"]["value"] == 0.0 and systems["other"]["pass@1"]["value"] == 1.0
    # the speed-up of model is over task a alone, the one it passed: 200 / 100
    assert systems["model"]["vs_references"]["average_speedup"]["value"] == pytest.approx(2.0)
    assert systems["model"]["vs_references"]["average_speedup"]["n_tasks"] == 1
    table = CliRunner().invoke(main, ["report", "--from-benchmark-json", str(path)])
    assert table.exit_code == 0 and "broken" in table.output
