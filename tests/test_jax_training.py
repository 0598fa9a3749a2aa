"""The jax backend end to end on a tiny random Llama: overfitting, generation, resume, sharding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("jax")
pytest.importorskip("flax")
pytest.importorskip("torch")  # the tiny checkpoint is written with transformers' torch model

from safetensors.numpy import load_file  # noqa: E402

from effiskel.datamodel import TrainingExample  # noqa: E402
from effiskel.errors import EffiskelError  # noqa: E402
from effiskel.tinymodel import write_tiny_model  # noqa: E402
from effiskel.train_config import parse_train_config  # noqa: E402
from effiskel.training_data import write_examples  # noqa: E402

CODES = [
    "def add(a, b):\n    return a + b\n",
    "def neg(x):\n    return -x\n",
    "def square(x):\n    return x * x\n",
    "def first(xs):\n    return xs[0]\n",
]


def make_example(i: int, code: str) -> TrainingExample:
    start = code.index("return")
    return TrainingExample(
        task_id=f"t{i}",
        solution_id=f"s{i}",
        prompt=f"Task: t{i}",
        code=code,
        skeleton=code[:start] + "return <MASK>\n",
        skeleton_spans=[(0, 3), (start, start + 6)],
    )


EXAMPLES = [make_example(i, c) for i, c in enumerate(CODES)]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    write_tiny_model(
        CODES + [e.prompt for e in EXAMPLES] + [e.skeleton for e in EXAMPLES],
        folder,
        vocab_size=300,
    )
    return folder


@pytest.fixture(scope="module")
def compile_cache(tmp_path_factory) -> dict[str, str]:
    """Environment for subprocesses sharing one persistent XLA compilation cache (compile once)."""
    folder = tmp_path_factory.mktemp("xla-cache")
    return {
        **os.environ,
        "JAX_COMPILATION_CACHE_DIR": str(folder),
        "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS": "0",
        "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES": "0",
    }


def config(tiny: Path, out: Path, *, lora=None, options=None, **training):
    settings = {"max_steps": 4, "batch_size": 4, "lr": 1e-2, "max_length": 128, **training}
    return parse_train_config(
        {
            "backend": "jax",
            "model": str(tiny),
            "output_dir": str(out),
            "training": settings,
            "lora": lora or {},
            "backend_options": options or {},
        }
    )


def log_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines()]


def test_a_tiny_model_overfits_and_then_writes_its_training_code(host, tiny, tmp_path):
    trainer = host.trainers.get("jax")
    cfg = config(
        tiny,
        tmp_path / "run",
        max_steps=60,
        lr=3e-2,
        schedule="cosine",
        lora={"dropout": 0.0, "target_modules": ["q_proj", "v_proj", "lm_head"]},
    )
    final = trainer.train(cfg, EXAMPLES)
    log = log_of(tmp_path / "run")
    assert [r["step"] for r in log] == list(range(1, 61))
    assert set(log[0]["terms"]) == {"code", "skeleton", "mask"}
    assert log[0]["tokens"]["code"] > 0 and log[0]["tokens"]["skeleton"] > 0
    assert log[-1]["total"] <= 0.1 * log[0]["total"], (log[0]["total"], log[-1]["total"])
    print(f"\njax: total loss {log[0]['total']:.3f} -> {log[-1]['total']:.4f} in {len(log)} steps "
          f"({1 - log[-1]['total'] / log[0]['total']:.1%} down)")
    print("LOSS", [round(r["total"], 3) for r in log[::5]])
    meta = json.loads((final / "effiskel-checkpoint.json").read_text())
    assert (
        meta["steps"] == 60
        and meta["backend"] == "jax"
        and meta["base_model"] == str(tiny.resolve())
    )

    # Generation uses the training prompt format: greedy decoding gives back the memorised code.
    greedy = trainer.generate(final, [e.prompt for e in EXAMPLES], {"max_new_tokens": 40})
    assert greedy == [[code] for code in CODES]
    settings = {"n": 3, "temperature": 1.5, "top_p": 0.95, "max_new_tokens": 12, "seed": 1}
    sampled = trainer.generate(final, [EXAMPLES[0].prompt, EXAMPLES[1].prompt], settings)
    assert len(sampled) == 2 and all(len(s) == 3 for s in sampled)
    assert sampled == trainer.generate(final, [EXAMPLES[0].prompt, EXAMPLES[1].prompt], settings)
    with pytest.raises(EffiskelError, match="greedy decoding .* not n=2"):
        trainer.generate(final, ["x"], {"n": 2})
    with pytest.raises(EffiskelError, match="unknown generation settings \\['temp'\\]"):
        trainer.generate(final, ["x"], {"temp": 1.0})

    # The adapter is in peft's layout: the torch backend loads it and decodes the same code.
    if "torch" in host.trainers.names():
        assert host.trainers.get("torch").generate(
            final, [EXAMPLES[2].prompt], {"max_new_tokens": 40}
        ) == [[CODES[2]]]

    # A finished run is not redone: the same config returns the same adapter at once.
    stamp = (final / "adapter_model.safetensors").stat().st_mtime_ns
    assert trainer.train(cfg, EXAMPLES) == final
    assert (final / "adapter_model.safetensors").stat().st_mtime_ns == stamp


def test_settings_the_backend_cannot_honour_are_errors(host, tiny, tmp_path):
    trainer = host.trainers.get("jax")
    with pytest.raises(EffiskelError, match=r"\[backend_options\] gradient_checkpointing: unknown"):
        trainer.train(
            config(tiny, tmp_path / "a", options={"gradient_checkpointing": True}), EXAMPLES
        )
    with pytest.raises(EffiskelError, match="devices = 5: this machine has 1"):
        trainer.train(config(tiny, tmp_path / "b", options={"devices": 5}), EXAMPLES)
    torch_config = parse_train_config({"model": str(tiny), "output_dir": str(tmp_path / "c")})
    with pytest.raises(EffiskelError, match="asks for backend 'torch', not 'jax'"):
        trainer.train(torch_config, EXAMPLES)

    # Through the command line: the error is reported, naming the table and the key.
    from click.testing import CliRunner

    from effiskel.cli import main

    write_examples(tmp_path / "ex.jsonl", EXAMPLES)
    path = tmp_path / "train.toml"
    path.write_text(
        f'backend = "jax"\nmodel = "{tiny}"\noutput_dir = "{tmp_path / "d"}"\n'
        "[backend_options]\npad_to_multiple = 8\n"
    )
    examples = str(tmp_path / "ex.jsonl")
    result = CliRunner().invoke(main, ["train", str(path), "--examples", examples])
    assert result.exit_code == 1, result.output
    assert "[backend_options] pad_to_multiple: unknown to the jax backend" in result.output


RUN = textwrap.dedent("""
    import os, signal, sys
    from effiskel.train_config import load_train_config
    from effiskel.training_data import read_examples
    from effiskel_jax import JaxBackend
    from effiskel_jax.trainer import train

    config, kill_at = load_train_config(sys.argv[1]), int(sys.argv[2])

    def on_step(record):
        if record["step"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    train(config, read_examples(config.examples), on_step=on_step)
""")


def run_config(tmp_path: Path, tiny: Path, out: str, **training) -> Path:
    path = tmp_path / f"{out}.toml"
    lines = [
        'backend = "jax"',
        f'model = "{tiny}"',
        f'output_dir = "{tmp_path / out}"',
        f'examples = "{tmp_path / "ex.jsonl"}"',
        "[training]",
        *(f"{k} = {json.dumps(v)}" for k, v in training.items()),
        "[lora]",
        "dropout = 0.1",
        'target_modules = ["q_proj", "v_proj"]',
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_sigkill_then_resume_continues_exactly_like_an_uninterrupted_run(
    tiny, tmp_path, compile_cache
):
    write_examples(
        tmp_path / "ex.jsonl", EXAMPLES[:3] + EXAMPLES
    )  # 7 examples: batches cross epochs
    (tmp_path / "run.py").write_text(RUN)
    training = {
        "max_steps": 8,
        "batch_size": 2,
        "lr": 1e-2,
        "max_length": 128,
        "save_every": 1,
        "keep_checkpoints": 2,
        "grad_accumulation": 2,
        "warmup_steps": 2,
    }

    def run(out: str, kill_at: int, **changes) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                sys.executable,
                str(tmp_path / "run.py"),
                str(run_config(tmp_path, tiny, out, **{**training, **changes})),
                str(kill_at),
            ],
            capture_output=True,
            text=True,
            env=compile_cache,
            timeout=600,
        )

    whole = run("whole", 0)
    assert whole.returncode == 0, whole.stderr[-3000:]
    killed = run("resumed", 5)
    assert killed.returncode == -9, killed.stderr[-3000:]
    assert [r["step"] for r in log_of(tmp_path / "resumed")] == [1, 2, 3, 4, 5]
    saved = sorted(
        p.name for p in (tmp_path / "resumed" / "checkpoints").iterdir() if p.name.isdigit()
    )
    assert saved and int(saved[-1]) <= 5
    # A checkpoint made with other settings is not silently continued.
    other = run("resumed", 0, lr=2e-2)
    assert other.returncode == 1 and "belongs to a run with other settings (training.lr:" in other.stderr, other.stderr
    resumed = run("resumed", 0)
    assert resumed.returncode == 0, resumed.stderr[-3000:]

    expected, got = log_of(tmp_path / "whole"), log_of(tmp_path / "resumed")
    assert [r["step"] for r in got] == list(range(1, 9))
    for a, b in zip(expected, got):
        assert b["total"] == pytest.approx(a["total"], rel=1e-6, abs=1e-7), (a, b)
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-6, abs=1e-7)
        assert b["lr"] == pytest.approx(a["lr"])
    final_a = load_file(str(tmp_path / "whole" / "final" / "adapter_model.safetensors"))
    final_b = load_file(str(tmp_path / "resumed" / "final" / "adapter_model.safetensors"))
    assert final_a.keys() == final_b.keys()
    for key in final_a:
        np.testing.assert_allclose(final_b[key], final_a[key], rtol=1e-6, atol=1e-7)


SHARDED = textwrap.dedent("""
    import json, sys
    import jax
    from effiskel.errors import EffiskelError
    from effiskel.train_config import load_train_config, replace_settings
    from effiskel.training_data import read_examples
    from effiskel_jax.trainer import train
    import attrs

    assert len(jax.devices()) == 2, jax.devices()
    config = load_train_config(sys.argv[1])
    examples = read_examples(config.examples)
    for devices in (1, 2):
        run = attrs.evolve(config, output_dir=config.output_dir / f"d{devices}",
                           backend_options={"devices": devices})
        train(run, examples)
    try:
        odd = replace_settings(config, batch_size=3)
        train(attrs.evolve(odd, output_dir=config.output_dir / "odd",
                           backend_options={"devices": 2}), examples)
    except EffiskelError as exc:
        print("ERROR:", exc)
""")


def test_two_devices_train_as_one_on_the_same_global_batch(tiny, tmp_path, compile_cache):
    write_examples(tmp_path / "ex.jsonl", EXAMPLES)
    (tmp_path / "sharded.py").write_text(SHARDED)
    path = run_config(tmp_path, tiny, "out", max_steps=3, batch_size=4, lr=2e-2, max_length=128)
    env = {
        **compile_cache,
        "XLA_FLAGS": "--xla_force_host_platform_device_count=2",
        "JAX_PLATFORMS": "cpu",
    }
    done = subprocess.run(
        [sys.executable, str(tmp_path / "sharded.py"), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "batch_size 3 does not split over 2 devices" in done.stdout
    one, two = log_of(tmp_path / "out" / "d1"), log_of(tmp_path / "out" / "d2")
    assert len(one) == len(two) == 3
    for a, b in zip(one, two):
        assert b["total"] == pytest.approx(a["total"], rel=1e-5)
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-5)
    assert one[-1]["total"] < one[0]["total"]
    adapter_one = load_file(str(tmp_path / "out" / "d1" / "final" / "adapter_model.safetensors"))
    adapter_two = load_file(str(tmp_path / "out" / "d2" / "final" / "adapter_model.safetensors"))
    for key in adapter_one:
        np.testing.assert_allclose(adapter_two[key], adapter_one[key], rtol=1e-4, atol=1e-6)
