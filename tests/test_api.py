"""The Python API: ``import effiskel`` stays light, and each step of the method is one typed call.

Training and generation through the API run in tests/test_tutorial.py (docs/tutorial.md)."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import effiskel
from effiskel import api
from effiskel.datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup
from effiskel.errors import EffiskelError

TASK = "pair_sum_count"
STEPS = ("load_tasks", "measure", "curate", "extract", "train", "generate", "evaluate", "report", "run_pipeline")


def test_import_effiskel_imports_neither_torch_nor_the_api():
    code = ("import sys, effiskel; print(sorted(m for m in ('torch', 'transformers', 'effiskel.api', "
            "'effiskel.jobs', 'effiskel.sandbox') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", STEPS)
def test_every_step_is_exposed_typed_and_documented(name):
    function = getattr(effiskel, name)
    assert function is getattr(api, name) and name in effiskel.__all__
    hints = function.__annotations__  # strings (postponed evaluation), checked for presence
    parameters = [p for p in inspect.signature(function).parameters if p != "host"]
    assert "return" in hints and all(p in hints for p in parameters), f"{name} is not fully typed"
    assert (function.__doc__ or "").strip()


def test_unknown_names_are_still_attribute_errors():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        effiskel.nonsense  # noqa: B018


def test_load_tasks_says_what_is_wrong():
    with pytest.raises(EffiskelError, match="no task 'nope' in the suite dataset"):
        effiskel.load_tasks("suite", task_ids=["nope"])
    with pytest.raises(EffiskelError, match="the enamel dataset needs a path"):
        effiskel.load_tasks("enamel")
    with pytest.raises(EffiskelError, match="no dataset named 'nope'"):
        effiskel.load_tasks("nope")


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    tasks = effiskel.load_tasks("suite", task_ids=[TASK])
    store = tmp_path_factory.mktemp("api") / "results.sqlite"
    records = effiskel.measure(tasks, language="python", measurer="wall", levels=[0], store=store)
    return tasks, records, store


def test_measure_curate_extract(measured):
    tasks, records, _ = measured
    python = tasks[0].references["python"]
    assert len(records) == len(python) and all(r["verdict"] == "passed" for r in records)
    groups = effiskel.curate(records, tasks, k=2)
    assert len(groups) == 1 and isinstance(groups[0], SolutionGroup)
    group = groups[0]
    assert len(group.efficient) == 2 and len(group.inefficient) == len(python) - 2
    times = {r["solution_id"]: r["total"] for r in records}
    kept = [times[s.id] for s in group.efficient]
    assert kept == sorted(kept) and max(kept) <= min(times[s.id] for s in group.inefficient)
    entries = effiskel.extract(groups, "lexical", params={"min_df": 1.0})
    assert [e.solution_id for e in entries] == [s.id for s in group.efficient]
    assert all(isinstance(e, Skeleton) and e.params["min_df"] == 1.0 for e in entries)
    with pytest.raises(EffiskelError, match="strategy lexical: bad parameters"):
        effiskel.extract(groups, "lexical", params={"no_such_parameter": 1})
    lonely = SolutionGroup(group.task_id, group.language, group.efficient[:1])
    (failure,) = effiskel.extract(lonely, "syntactic")
    assert isinstance(failure, SkeletonFailure) and failure.reason


def test_curate_refuses_records_of_unknown_solutions(measured):
    tasks, records, _ = measured
    stray = {**records[0], "solution_id": "elsewhere/python/0"}
    with pytest.raises(EffiskelError, match="elsewhere/python/0"):
        effiskel.curate([stray], tasks)


def test_evaluate_scores_systems_against_references_and_each_other(measured):
    tasks, _, store = measured
    good = tasks[0].references["python"][0]
    wrong = good.source + "\n_right = count_pairs\n\ndef count_pairs(values, limit):\n    return _right(values, limit) + 1\n"
    candidates = [Solution(TASK, "python", good.source, origin="model:good"),
                  Solution(TASK, "python", wrong, origin="model:wrong")]
    result = effiskel.evaluate(candidates, tasks, references=["suite:efficient"], levels=[0], store=store,
                               n_resamples=200)
    systems = {s["system"]: s for s in result["systems"]}
    assert systems["model:good"]["pass@1"]["value"] == 1.0
    assert systems["model:wrong"]["pass@1"]["value"] == 0.0
    assert result["references"] == ["suite:efficient"]
    (pair,) = result["pairs"]
    assert (pair["a"], pair["b"], pair["tasks"]) == ("model:wrong", "model:good", 1)
    assert "no task solved by both" in pair["undefined"]


def test_train_without_examples_says_so(tmp_path):
    from effiskel.train_config import parse_train_config

    config = parse_train_config({"model": str(tmp_path), "output_dir": str(tmp_path / "out")})
    with pytest.raises(EffiskelError, match="no examples given"):
        effiskel.train(config)


def test_report_of_a_folder_that_is_no_run(tmp_path):
    with pytest.raises(EffiskelError, match="not a run directory"):
        effiskel.report(tmp_path)
