"""The pipeline end to end on a tiny config: stages re-used, a changed loss re-runs exactly what
it affects, a run killed during training and during evaluation resumes to the same results, and
the report renders in headless Chromium without a page error."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from effiskel.cli import main
from effiskel.pipeline import load_pipeline, run
from effiskel.pipeline.rundir import RunDir

from .report_rendering import render_in_chromium

TASKS = ["count_primes", "pair_sum_count"]

PIPELINE = """
[pipeline]
name = "tiny"
seed = 3

[data]
dataset = "suite"
tasks = {tasks}
languages = ["python"]

[measure]
measurer = "wall"
levels = [0]

[curate]
k = 2

[model]
base = "tiny"

[model.tiny]
vocab_size = 300
hidden_size = 32
layers = 1
heads = 2
intermediate_size = 64
max_positions = 512

[train]
backend = "torch"

[train.training]
lr = 1e-2
max_steps = {steps}
batch_size = 2
max_length = 256
save_every = 4
schedule = "constant"

[train.lora]
r = 4
alpha = 8
dropout = 0.0
target_modules = ["q_proj", "v_proj"]

# One thread, in this process and in the CLI's: the same float reductions, so the same losses
# and samples (the thread count a library picks can vary with the machine's load).
[train.backend_options]
threads = 1

[generate]
n = {samples}
temperature = 1.0
max_new_tokens = 24

[generate.backend_options]
threads = 1

[evaluate]
measurer = "wall"
levels = [0]
references = ["suite:efficient"]
eff = true

[[arm]]
name = "code-only"
loss = {{ code = 1.0 }}

[[arm]]
name = "full"
strategy = "lexical"
loss = {{ code = 1.0, skeleton = {skeleton}, mask = 1.0 }}
"""


def write_pipeline(folder: Path, *, steps: int = 12, samples: int = 3, skeleton: float = 1.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tiny.toml"
    path.write_text(PIPELINE.format(tasks=json.dumps(TASKS), steps=steps, samples=samples, skeleton=skeleton))
    return path


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One uninterrupted run of the tiny pipeline (the reference the other tests compare with)."""
    folder = tmp_path_factory.mktemp("pipeline")
    config = load_pipeline(write_pipeline(folder))
    result = run(config, folder / "run", quiet=True)
    return folder, config, result, stage_outputs(result.run_dir)


def stage_outputs(run_dir: Path) -> dict:
    """What must be identical between two runs of the same config (timings aside)."""
    state = RunDir(run_dir).read_state()
    folders = {s["name"]: run_dir / s["folder"] for s in state["stages"]}
    out = {"keys": {s["name"]: s["key"] for s in state["stages"]}}
    for name, folder in folders.items():
        if name.startswith("generate."):
            out[name] = (folder / "generations.jsonl").read_text()
        if name.startswith("train."):
            log = [json.loads(line) for line in (folder / "checkpoint" / "train_log.jsonl").read_text().splitlines()]
            out[name] = [(r["step"], round(r["total"], 5), {k: round(v, 5) for k, v in r["terms"].items()})
                         for r in log]
    evaluation = json.loads((folders["evaluate"] / "records.json").read_text())
    out["verdicts"] = sorted((r["solution_id"], r["origin"], r["verdict"]) for r in evaluation)
    report = json.loads((folders["evaluate"] / "evaluation.json").read_text())
    out["pass@1"] = {s["system"]: s.get("pass@1", {}).get("value") for s in report["systems"]}
    return out


def test_first_run_runs_every_stage_and_writes_the_report(first_run):
    result = first_run[2]
    names = [s.name for s in result.stages]
    assert names == ["measure", "curate", "skeleton.lexical", "model", "train.code-only", "generate.code-only",
                     "train.full", "generate.full", "evaluate", "report"]
    assert all(s.status == "ran" for s in result.stages)
    report = json.loads(result.report["json"].read_text())
    assert [a["name"] for a in report["arms"]] == ["code-only", "full"]
    full = report["arms"][1]
    # Every configured term is logged on its own, every step.
    assert set(full["losses"]) == {"total", "code", "skeleton", "mask"}
    assert len(full["losses"]["code"]) == 12
    assert set(report["arms"][0]["losses"]) == {"total", "code"}
    assert report["arms"][0]["metrics"]["tasks"] == len(TASKS)
    assert report["eff_reference"] == "suite:efficient"
    assert all(a["metrics"]["eff@1"]["n_tasks"] == len(TASKS) for a in report["arms"])
    assert report["pairs"] and report["pairs"][0]["a"] == "arm:full"
    assert report["tiny_model"] and "not the method's effect" in report["note"]
    assert report["skeletons"]["lexical"]["examples"]
    # Both arms were judged on the same tasks (a paired comparison).
    assert {r["task"] for r in report["tasks"]} == set(TASKS)
    html = result.report["html"].read_text()
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    log = (result.run_dir / "pipeline.log").read_text()
    assert "stage train.full" in log and "done in" in log


def test_a_rerun_reuses_every_stage(first_run):
    _, config, result, outputs = first_run
    again = run(config, result.run_dir, quiet=True)
    assert [s.status for s in again.stages] == ["reused"] * len(result.stages)
    assert stage_outputs(result.run_dir) == outputs


def test_changing_only_the_loss_weights_reruns_train_generate_evaluate_report(first_run):
    folder, _, result, _ = first_run
    changed = load_pipeline(write_pipeline(folder / "changed", skeleton=0.5))
    again = run(changed, result.run_dir, quiet=True)
    assert again.ran == ["train.full", "generate.full", "evaluate", "report"]
    # The unchanged arm's samples were re-used, so evaluate measured only the new arm's.
    state = RunDir(result.run_dir).read_state()
    assert state["status"] == "finished"


def _wait_for(predicate, process: subprocess.Popen, what: str, timeout: float = 240.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if process.poll() is not None:
            raise AssertionError(f"the pipeline ended (status {process.returncode}) before {what}:\n"
                                 + process.stderr.read().decode(errors="replace")[-3000:])
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def _measurements(run_dir: Path) -> int:
    try:
        with sqlite3.connect(run_dir / "results.sqlite", timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM results WHERE kind = 'measurement'").fetchone()[0]
    except sqlite3.Error:
        return 0


#: The command line, as a fresh process (``python -m effiskel.cli`` would import the CLI twice).
EFFISKEL = [sys.executable, "-c", "from effiskel.cli import main; main()"]


def _start(pipeline: Path, run_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([*EFFISKEL, "run", str(pipeline), "--run-dir", str(run_dir),
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_killed_during_train_and_during_evaluate_the_rerun_gives_the_same_results(first_run):
    folder, _, result, outputs = first_run
    pipeline = folder / "tiny.toml"
    run_dir = folder / "killed"
    stages = run_dir / "stages"
    # `wall` times of close solutions vary from run to run, so two independent runs may curate
    # different solutions (and train on different examples). Start from the uninterrupted run's
    # measured and curated stages, without its results store: what is compared is what the
    # kills interrupt (training, generation and the whole evaluation).
    shutil.copytree(result.run_dir, run_dir, ignore=shutil.ignore_patterns(
        "results.sqlite*", "report", "pipeline.log", "state.json"))
    for stage in stages.iterdir():
        if stage.name.split(".")[0] in ("train", "generate", "evaluate", "report"):
            shutil.rmtree(stage)

    # 1. SIGKILL once the full arm's training has written a resumable checkpoint.
    process = _start(pipeline, run_dir)
    _wait_for(lambda: any(stages.glob("train.full/*.partial/checkpoint/checkpoints/step-*")), process,
              "a checkpoint of train.full")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert any(stages.glob("train.full/*.partial")) and not any(stages.glob("evaluate/*"))

    # 2. Resume; SIGKILL once the evaluation has stored a first sample's result.
    process = _start(pipeline, run_dir)
    measured = []
    _wait_for(lambda: any(stages.glob("evaluate/*.partial")), process, "the evaluate stage")
    measured.append(_measurements(run_dir))
    _wait_for(lambda: _measurements(run_dir) > measured[0], process, "a stored evaluation result")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert any(stages.glob("evaluate/*.partial")) and not any(stages.glob("report/*"))

    # 3. Resume to the end: the same results as the uninterrupted run.
    finished = subprocess.run([*EFFISKEL, "run", str(pipeline), "--run-dir",
                               str(run_dir), "--json"], capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    summary = json.loads(finished.stdout)
    status = {s["name"]: s["status"] for s in summary["stages"]}
    assert status["train.code-only"] == "reused" and status["evaluate"] == "ran"
    assert "resuming an interrupted run" in (run_dir / "pipeline.log").read_text()
    resumed = stage_outputs(run_dir)
    for part in outputs:  # one part at a time, so a failure says which
        assert resumed[part] == outputs[part], f"{part} differs after the interrupted runs"


def test_report_rebuilds_from_the_run_directory(first_run, tmp_path):
    _, _, result, _ = first_run
    out = CliRunner().invoke(main, ["report", str(result.run_dir), "-o", str(tmp_path / "again"), "--json"])
    assert out.exit_code == 0, out.output
    paths = json.loads(out.output)
    rebuilt = json.loads(Path(paths["json"]).read_text())
    assert [a["name"] for a in rebuilt["arms"]] == ["code-only", "full"]
    assert Path(paths["html"]).read_text().count("<svg") >= 3


def test_report_renders_in_headless_chromium(first_run, tmp_path):
    _, _, result, _ = first_run
    png = tmp_path / "report.png"
    dom = render_in_chromium(result.report["html"], png)
    assert "Metrics per arm" in dom and "arm:full" in dom
    artifacts = os.environ.get("EFFISKEL_ARTIFACTS")
    if artifacts:  # CI keeps the screenshot (.ci/run)
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, Path(artifacts) / "pipeline-report.png")


def test_the_run_directory_is_locked_while_a_run_holds_it(first_run):
    _, config, result, _ = first_run
    with RunDir(result.run_dir).lock():
        out = CliRunner().invoke(main, ["run", str(config.source), "--run-dir", str(result.run_dir), "--quiet"])
    assert out.exit_code == 3
    assert "another effiskel run" in out.output


def test_a_relative_run_dir_works_from_any_working_directory(tmp_path, monkeypatch):
    """The run directory is taken relative to the working directory, while paths in the
    pipeline file are relative to the file's folder: a stage's output (the tiny model) must
    still be found by the next stage (`make demo` runs the shipped file from the checkout)."""
    config = load_pipeline(write_pipeline(tmp_path / "pipelines", steps=1, samples=1))
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    result = run(config, Path("run"), quiet=True, stop_after="train.code-only")
    assert result.run_dir == workdir / "run"
    state = RunDir(workdir / "run").read_state()
    assert "train.code-only" in {s["name"] for s in state["stages"]}
    assert not (tmp_path / "pipelines" / "run").exists()
