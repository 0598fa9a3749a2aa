"""SIGKILL at random points of measure, curate and evaluate, again and again: every re-run
completes, no result is lost or measured twice (a stored result never changes), the store passes
its integrity check after every kill, no sandboxed process outlives the killed effiskel, and the
resumed job ends with the verdicts of an uninterrupted one -- run with ``--jobs 2``, so that
parallel verdicts are also checked against serial ones.

Two kinds of trials: ``measure_all`` in a forked copy of this process (cheap, so many trials),
and the real CLI commands in subprocesses. ``effiskel train`` is killed the same way and must
end with the losses and adapter of an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from effiskel.datamodel import Solution
from effiskel.datasets.suite import load_suite, solutions
from effiskel.evaluation import Evaluator
from effiskel.execution import Builder
from effiskel.jobs import JobSettings, measure_all
from effiskel.store import ResultStore

TASKS = ["pair_sum_count", "two_sum_exists"]
#: The cheapest measurer: one run with the call and one without, per solution.
MEASURER = "memory"
REPO = Path(__file__).resolve().parents[1]


def suite_tasks():
    return [t for t in load_suite() if t.id in TASKS]


def python_solutions(tasks):
    return [s for t in tasks for s in solutions(t, "python")]


class Ledger:
    """Everything a store has ever held, to check that a kill loses and rewrites nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, object] = {}

    def check(self) -> int:
        store = ResultStore(self.path)
        try:
            assert store.check() == []
            now = dict(store.items())
        finally:
            store.close()
        assert self.seen.keys() <= now.keys(), "a stored result was lost"
        assert all(now[k] == v for k, v in self.seen.items()), "a stored result was rewritten"
        self.seen = now
        return len(now)


def survivors(under: Path) -> list[int]:
    """Processes whose working directory lies under ``under`` (sandboxed runs' directories)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/cwd").startswith(str(under)):
                    found.append(int(entry))
            except OSError:
                continue
    return found


def wait_gone(under: Path, seconds: float = 2.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := survivors(under)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def verdicts(records) -> dict[str, str]:
    return {r["solution_id"]: r["verdict"] for r in records}


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """Runs' directories under tmp/ (to find what outlives a kill), builds cached in cache/."""
    runs = tmp_path / "tmp"
    runs.mkdir()
    monkeypatch.setenv("TMPDIR", str(runs))
    monkeypatch.setenv("EFFISKEL_CACHE", str(tmp_path / "cache"))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    return tmp_path


def test_measure_all_killed_at_random_points(workspace):
    tasks = suite_tasks()
    todo = python_solutions(tasks)
    settings = JobSettings(measurer=MEASURER, levels=(1,), jobs=1)
    store_path = workspace / "killed.sqlite"
    ledger = Ledger(store_path)
    rng = random.Random(8)
    # How long an uninterrupted job takes, with --jobs 2: its verdicts are the reference.
    started = time.monotonic()
    clean = measure_all(tasks, todo, ResultStore(workspace / "clean.sqlite"),
                        JobSettings(measurer=MEASURER, levels=(1,), jobs=2),
                        evaluator=Evaluator(builder=Builder(workspace / "cache")))
    full = time.monotonic() - started
    trials = kills = 0
    while trials < 20:
        trials += 1
        pid = os.fork()
        if pid == 0:  # the job, in a copy of this process
            try:
                measure_all(tasks, todo, ResultStore(store_path), settings,
                            evaluator=Evaluator(builder=Builder(workspace / "cache")))
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, min(full / 3, 2.0)))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        kills += os.WIFSIGNALED(status)
        assert wait_gone(workspace / "tmp") == [], f"trial {trials}: a sandboxed process outlived the kill"
        if ledger.check() == len(todo):
            break
    resumed = measure_all(tasks, todo, ResultStore(store_path), settings,
                          evaluator=Evaluator(builder=Builder(workspace / "cache")))
    assert ledger.check() == len(todo)
    assert verdicts(resumed) == verdicts(clean) and len(resumed) == len(todo)
    assert kills >= 5, f"only {kills} of {trials} trials were killed before finishing"
    print(f"measure_all: {trials} kill-and-resume trials, {kills} killed mid-job, all clean")


def candidates_file(path: Path) -> Path:
    task = next(t for t in suite_tasks() if t.id == "pair_sum_count")
    good = solutions(task, "python", efficient=True)[0]
    wrong = good.source + "\n_right = count_pairs\n\ndef count_pairs(values, limit):\n    return _right(values, limit) + 1\n"
    crash = "def count_pairs(values, limit):\n    raise RuntimeError('no')\n"
    lines = [{"task_id": "pair_sum_count", "language": "python", "source": src, "origin": origin}
             for src, origin in ((good.source, "model:good"), (wrong, "model:wrong"), (crash, "model:crash"))]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from effiskel.cli import main; main()", *args, "--measurer", MEASURER,
            "--level", "1", "-q"]


def run_until_done(command: list[str], store: Path, workspace: Path, rng: random.Random, trials: int,
                   first_kill: float) -> tuple[int, subprocess.CompletedProcess]:
    """Start the command and SIGKILL it after a random delay, ``trials`` times (checking the
    store and the processes each time), then let it finish."""
    ledger = Ledger(store)
    kills = 0
    for _ in range(trials):
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            process.wait(timeout=rng.uniform(first_kill, first_kill + 2.0))
            break  # it finished before the kill
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            kills += 1
        assert wait_gone(workspace / "tmp") == [], "a sandboxed process outlived the killed effiskel"
        if store.exists():
            ledger.check()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    ledger.check()
    return kills, done


def test_curate_and_evaluate_killed_and_resumed(workspace):
    rng = random.Random(3)
    output = workspace / "efficientCode.json"
    store = workspace / "r.sqlite"
    kills, done = run_until_done(
        cli("curate", *[arg for t in TASKS for arg in ("--task", t)], "-l", "python", "-k", "2", "-o", str(output),
            "--store", str(store)), store, workspace, rng, trials=4, first_kill=1.5)
    curated = json.loads(output.read_text())
    assert sorted(curated) == sorted(TASKS) and all(len(entry["codes"]) == 2 for entry in curated.values())

    candidates = candidates_file(workspace / "candidates.jsonl")
    # A store of its own: evaluate measures the references too, so there is work to interrupt.
    store = workspace / "evaluate.sqlite"
    evaluate = cli("evaluate", str(candidates), "--task", "pair_sum_count", "--references", "suite:efficient",
                   "--store", str(store), "--json", "-j", "2")
    more, done = run_until_done(evaluate, store, workspace, rng, trials=3, first_kill=1.0)
    report = {s["system"]: s for s in json.loads(done.stdout)["systems"]}
    assert report["model:good"]["pass@1"]["value"] == 1.0
    assert report["model:wrong"]["pass@1"]["value"] == report["model:crash"]["pass@1"]["value"] == 0.0
    assert kills + more >= 3
    print(f"CLI: {kills + more} kills (curate {kills}, evaluate {more}), all resumed cleanly")


def test_parallel_verdicts_equal_serial_ones(workspace):
    """Every kind of verdict, judged one at a time and four at a time: the same verdicts."""
    task = next(t for t in suite_tasks() if t.id == "pair_sum_count")
    good = solutions(task, "python", efficient=True)  # far from the time limit, even four at a time
    broken = {
        "wrong": good[0].source + "\n_right = count_pairs\n\ndef count_pairs(values, limit):\n"
                 "    return _right(values, limit) + 1\n",
        "crash": "def count_pairs(values, limit):\n    raise RuntimeError('no')\n",
        "loop": "def count_pairs(values, limit):\n    while True:\n        pass\n",
        "memory": "def count_pairs(values, limit):\n    return len(bytearray(1 << 34))\n",
        "syntax": "def count_pairs(values, limit)\n    return 0\n",
    }
    todo = good + [Solution(task.id, "python", src, origin=f"model:{name}") for name, src in broken.items()]
    from effiskel.sandbox import Limits

    evaluator = Evaluator(builder=Builder(workspace / "cache"), limits=Limits(wall_seconds=3.0))
    runs = {}
    for jobs in (1, 4):
        runs[jobs] = verdicts(measure_all([task], todo, ResultStore(workspace / f"j{jobs}.sqlite"),
                                          JobSettings(measurer=MEASURER, levels=(1,), jobs=jobs),
                                          evaluator=evaluator))
    assert runs[1] == runs[4], runs
    assert sorted(runs[1].values()) == sorted(["passed"] * len(good) + [
        "wrong_answer", "runtime_error", "timeout", "memory_limit", "compile_error"])


#: A tiny model's step and checkpoint take tens of milliseconds: enough steps for several kills.
TRAIN_STEPS = 40
TRAIN_CODES = ["def add(a, b):\n    return a + b\n", "def neg(x):\n    return -x\n",
               "def square(x):\n    return x * x\n", "def first(xs):\n    return xs[0]\n"]


def train_setup(workspace: Path) -> tuple[Path, Path]:
    """A tiny model, four examples, and a train config that checkpoints after every step."""
    from effiskel.datamodel import TrainingExample
    from effiskel.tinymodel import write_tiny_model
    from effiskel.training_data import write_examples

    examples = []
    for i, code in enumerate(TRAIN_CODES):
        start = code.index("return")
        examples.append(TrainingExample(task_id=f"t{i}", solution_id=f"s{i}", prompt=f"Task {i}", code=code,
                                        skeleton=code[:start] + "return <MASK>\n",
                                        skeleton_spans=[(0, 3), (start, start + 6)]))
    write_examples(workspace / "examples.jsonl", examples)
    write_tiny_model(TRAIN_CODES + [e.prompt for e in examples], workspace / "tiny", vocab_size=300)
    config = workspace / "train.toml"
    config.write_text("\n".join([
        f'model = "{workspace / "tiny"}"', f'examples = "{workspace / "examples.jsonl"}"',
        f'output_dir = "{workspace / "whole"}"',  # each command gives its own --output-dir
        "[training]", f"max_steps = {TRAIN_STEPS}", "batch_size = 2", "lr = 1e-2", "max_length = 128", "save_every = 1",
        "keep_checkpoints = 2", 'schedule = "cosine"', "warmup_steps = 1",
        # Dropout on: the RNG state must survive the kill too.
        "[lora]", "dropout = 0.1", "[backend_options]", "threads = 1"]) + "\n")
    return config, workspace / "tiny"


def train_command(config: Path, output: Path) -> list[str]:
    return [sys.executable, "-c", "from effiskel.cli import main; main()", "train", str(config),
            "--output-dir", str(output), "-q"]


def train_log(output: Path) -> list[dict]:
    lines = (output / "train_log.jsonl").read_text().splitlines() if (output / "train_log.jsonl").exists() else []
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            break  # cut by the kill: the resumed run rewrites it
    return records


def test_training_killed_at_random_points(workspace):
    """`effiskel train` SIGKILLed at random moments of its steps, checkpoint saves and final
    save, and started again each time: it ends with the log and adapter of an uninterrupted run."""
    torch = pytest.importorskip("torch")
    from safetensors.torch import load_file

    config, _ = train_setup(workspace)
    whole = subprocess.run(train_command(config, workspace / "whole"), cwd=REPO, capture_output=True, text=True,
                           timeout=600, check=False)
    assert whole.returncode == 0, whole.stderr[-3000:]
    expected = train_log(workspace / "whole")
    assert [r["step"] for r in expected] == list(range(1, TRAIN_STEPS + 1))
    rng = random.Random(5)
    output = workspace / "killed"
    kills = starts = 0
    while kills < 5 and starts < 20:
        starts += 1
        process = subprocess.Popen(train_command(config, output), cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
        # Kill once training is under way (start-up is mostly imports), at a random moment after.
        begun = len(train_log(output))
        deadline = time.monotonic() + 120
        while process.poll() is None and len(train_log(output)) <= begun and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.15))
        if process.poll() is not None:
            assert process.returncode == 0, process.stderr.read()[-3000:]
            break
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        process.stderr.close()
        kills += 1
        # What a kill leaves is never mistaken for a finished run, and the log so far is right.
        for got, want in zip(train_log(output), expected):
            assert got["terms"] == pytest.approx(want["terms"], rel=1e-6, abs=1e-7), got["step"]
    final = subprocess.run(train_command(config, output), cwd=REPO, capture_output=True, text=True, timeout=600,
                           check=False)
    assert final.returncode == 0, final.stderr[-3000:]
    got = train_log(output)
    assert [r["step"] for r in got] == list(range(1, TRAIN_STEPS + 1))
    for a, b in zip(expected, got):
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-6, abs=1e-7), a["step"]
        assert b["lr"] == pytest.approx(a["lr"])
    wa = load_file(workspace / "whole" / "final" / "adapter_model.safetensors")
    wb = load_file(output / "final" / "adapter_model.safetensors")
    assert wa.keys() == wb.keys() and all(torch.allclose(wa[k], wb[k], atol=1e-6) for k in wa)
    assert kills >= 3, f"only {kills} of {starts} starts were killed before finishing"
    print(f"train: {kills} kills at random points in {starts} starts, resumed to the uninterrupted result")
