"""Two-process data-parallel training (torchrun or accelerate launch, gloo on CPU) equals one process."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from effiskel.datamodel import TrainingExample
from effiskel.tinymodel import write_tiny_model
from effiskel.training_data import write_examples

# Different lengths, so the two processes pad their halves differently from the single process.
CODES = [
    "def add(a, b):\n    return a + b\n",
    "def neg(x):\n    return -x\n",
    "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n",
    "def first(xs):\n    return xs[0]\n",
    "def last(xs):\n    return xs[-1]\n",
    "def size(xs):\n    return len(xs)\n",
]

RUN = textwrap.dedent('''
    import sys
    import torch
    torch.set_num_threads(1)
    from effiskel.train_config import parse_train_config
    from effiskel.training_data import read_examples
    from effiskel_torch import TorchTrainer

    model, out, batch_size, examples = sys.argv[1:5]
    config = parse_train_config({
        "model": model, "output_dir": out,
        "training": {"max_steps": 3, "batch_size": int(batch_size), "lr": 1e-2, "max_length": 128},
        "lora": {"dropout": 0.0},
    })
    TorchTrainer().train(config, read_examples(examples))
''')


def launcher(name: str) -> list[str]:
    """The command that starts two processes: torchrun, or accelerate launch (its torchrun-based
    multi-process launcher; on a machine without GPUs the processes use gloo on the CPU)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} comes with torch / accelerate; it must be next to python"
    if name == "torchrun":
        return [found, "--standalone", "--nproc_per_node", "2"]
    with socket.socket() as probe:  # a free port: other runs may hold accelerate's default
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return [found, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
            "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", str(port)]


def log(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "train_log.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The model, the examples and the one-process run everything is compared with."""
    folder = tmp_path_factory.mktemp("dp")
    examples = [TrainingExample(task_id=f"t{i}", solution_id=f"s{i}", prompt=f"Task: t{i}", code=c,
                                skeleton=c.replace("return", "<MASK>"), skeleton_spans=[(0, 3)])
                for i, c in enumerate(CODES)]
    write_tiny_model(CODES + [e.prompt for e in examples], folder / "model", vocab_size=300)
    write_examples(folder / "ex.jsonl", examples)
    (folder / "run.py").write_text(RUN)
    one = subprocess.run([sys.executable, str(folder / "run.py"), str(folder / "model"), str(folder / "one"), "4",
                          str(folder / "ex.jsonl")], capture_output=True, text=True, timeout=300, env=ENV, check=False)
    assert one.returncode == 0, one.stderr[-3000:]
    return folder


ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


@pytest.mark.parametrize("name", ["torchrun", "accelerate"])
def test_two_processes_equal_one_process_on_the_same_global_batch(single, name):
    out = single / name
    two = subprocess.run([*launcher(name), str(single / "run.py"), str(single / "model"), str(out), "2",
                          str(single / "ex.jsonl")], capture_output=True, text=True, timeout=300, env=ENV, check=False)
    assert two.returncode == 0, two.stderr[-3000:]
    one, double = log(single / "one"), log(out)
    assert [r["step"] for r in double] == [1, 2, 3]
    for a, b in zip(one, double):
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-5)
        assert b["tokens"]["skeleton"] <= a["tokens"]["skeleton"]  # each process pads only its own half
        assert b["tokens"]["skeleton"] > a["tokens"]["skeleton"] / 2  # summed over both processes
    from safetensors.torch import load_file

    wa = load_file(single / "one" / "final" / "adapter_model.safetensors")
    wb = load_file(out / "final" / "adapter_model.safetensors")
    assert wa.keys() == wb.keys()
    for key in wa:
        assert torch.allclose(wa[key], wb[key], rtol=1e-4, atol=1e-6), key
    # The adapters moved: the comparison is not between two untouched initialisations.
    assert any(float(wa[k].abs().max()) > 0 for k in wa if "lora_B" in k)
