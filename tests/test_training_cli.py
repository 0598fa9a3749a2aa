"""`effiskel train` and `effiskel generate` on the bundled suite with a tiny model."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

torch = pytest.importorskip("torch")

from effiskel.cli import _read_candidates, main
from effiskel.datasets.suite import load_suite, solutions
from effiskel.tinymodel import write_tiny_model
from effiskel.training_data import read_examples, task_prompt

TASKS = ("count_primes", "anagram_groups")


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One torch thread: tiny models gain nothing from more, and a shared machine loses a lot."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    suite = {t.id: t for t in load_suite()}
    texts = [s.source for tid in TASKS for s in solutions(suite[tid], "python")]
    texts += [task_prompt(suite[tid], "python") for tid in TASKS]
    write_tiny_model(texts, folder / "model", vocab_size=400)
    runner = CliRunner()
    args = ["skeleton", "-l", "python", "-s", "lexical", "-q", "-o", str(folder / "skeletons.jsonl")]
    for tid in TASKS:
        args += ["--task", tid]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    (folder / "train.toml").write_text(
        'model = "model"\noutput_dir = "run"\n'
        "[training]\nmax_steps = 2\nbatch_size = 2\nmax_length = 512\n"
        "[loss]\ncode = 1.0\nskeleton = 0.5\nmask = 0.5\n"
    )
    return folder


def test_train_from_skeleton_records_then_generate_candidates(setup):
    runner = CliRunner()
    args = ["train", str(setup / "train.toml"), "--skeletons", str(setup / "skeletons.jsonl"), "--json",
            "--write-examples", str(setup / "examples.jsonl"), "-l", "python"]
    for tid in TASKS:
        args += ["--task", tid]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["checkpoint"] == str(setup / "run" / "final") and summary["steps_run"] == 2
    assert set(summary["last"]["terms"]) == {"code", "skeleton", "mask"}
    examples = read_examples(setup / "examples.jsonl")
    assert summary["examples"] == len(examples) >= 4 and {e.task_id for e in examples} == set(TASKS)
    assert all(e.skeleton.count("<MASK>") > 0 and e.skeleton_spans for e in examples)

    # Re-running finds the run complete.
    again = runner.invoke(main, ["train", str(setup / "train.toml"), "--examples", str(setup / "examples.jsonl")])
    assert again.exit_code == 0 and "already complete" in again.output

    out = setup / "candidates.jsonl"
    args = ["generate", str(setup / "run" / "final"), "-o", str(out), "-n", "2", "--temperature", "0.9",
            "--max-new-tokens", "8", "--json", "--task", TASKS[0]]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["candidates"] == 2
    candidates = _read_candidates(out)  # what `effiskel evaluate` reads
    assert [c.task_id for c in candidates] == [TASKS[0]] * 2
    assert {c.meta["sample"] for c in candidates} == {0, 1} and candidates[0].origin == "model:run"
    assert candidates[0].meta["temperature"] == 0.9 and candidates[0].language == "python"


def test_usage_errors_name_what_is_wrong(setup, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["train", str(setup / "train.toml")])
    assert result.exit_code == 2 and "no training examples" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text('model = "m"\noutput_dir = "o"\n[training]\nbatchsize = 2\n')
    result = runner.invoke(main, ["train", str(bad), "--examples", str(setup / "skeletons.jsonl")])
    assert result.exit_code == 1 and "[training] batchsize" in result.output and "batch_size" in result.output
    result = runner.invoke(main, ["generate", str(setup / "run"), "-o", str(tmp_path / "c.jsonl"), "-n", "2"])
    assert result.exit_code == 1
    assert "greedy" in result.output or "not a local directory" in result.output or "config.json" in result.output


def test_the_command_line_runs_as_a_module_for_launchers():
    """`torchrun -m effiskel train ...` needs `python -m effiskel` to be the command line."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "effiskel", "train", "--help"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Usage: effiskel train [OPTIONS] CONFIG.toml" in proc.stdout
