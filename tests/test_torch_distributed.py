"""Two-process data-parallel training (torchrun, gloo on CPU) equals one process on the same global batch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from effiskel.datamodel import TrainingExample  # noqa: E402
from effiskel.tinymodel import write_tiny_model  # noqa: E402
from effiskel.training_data import write_examples  # noqa: E402

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


def torchrun() -> list[str] | None:
    found = shutil.which("torchrun", path=str(Path(sys.executable).parent)) or shutil.which("torchrun")
    return [found] if found else None


def test_two_processes_equal_one_process_on_the_same_global_batch(tmp_path):
    launcher = torchrun()
    assert launcher, "torchrun comes with torch; it must be on the PATH next to python"
    examples = [TrainingExample(task_id=f"t{i}", solution_id=f"s{i}", prompt=f"Task: t{i}", code=c,
                                skeleton=c.replace("return", "<MASK>"), skeleton_spans=[(0, 3)])
                for i, c in enumerate(CODES)]
    write_tiny_model(CODES + [e.prompt for e in examples], tmp_path / "model", vocab_size=300)
    write_examples(tmp_path / "ex.jsonl", examples)
    (tmp_path / "run.py").write_text(RUN)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    args = [str(tmp_path / "run.py"), str(tmp_path / "model")]

    one = subprocess.run([sys.executable, *args, str(tmp_path / "one"), "4", str(tmp_path / "ex.jsonl")],
                         capture_output=True, text=True, timeout=300, env=env)
    assert one.returncode == 0, one.stderr[-3000:]
    two = subprocess.run([*launcher, "--standalone", "--nproc_per_node", "2", *args, str(tmp_path / "two"), "2",
                          str(tmp_path / "ex.jsonl")], capture_output=True, text=True, timeout=300, env=env)
    assert two.returncode == 0, two.stderr[-3000:]

    def log(name):
        return [json.loads(line) for line in (tmp_path / name / "train_log.jsonl").read_text().splitlines()]

    single, double = log("one"), log("two")
    assert [r["step"] for r in double] == [1, 2, 3]
    for a, b in zip(single, double):
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-5)
        assert b["tokens"]["skeleton"] <= a["tokens"]["skeleton"]  # each process pads only its own half
    from safetensors.torch import load_file

    wa = load_file(tmp_path / "one" / "final" / "adapter_model.safetensors")
    wb = load_file(tmp_path / "two" / "final" / "adapter_model.safetensors")
    assert wa.keys() == wb.keys()
    for key in wa:
        assert torch.allclose(wa[key], wb[key], rtol=1e-4, atol=1e-6), key
    # The adapters moved: the comparison is not between two untouched initialisations.
    assert any(float(wa[k].abs().max()) > 0 for k in wa if "lora_B" in k)
