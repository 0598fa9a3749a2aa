"""The torch backend end to end on a tiny random Llama: overfitting, generation, kill and resume, packing."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from effiskel.datamodel import TrainingExample
from effiskel.errors import EffiskelError
from effiskel.tinymodel import write_tiny_model
from effiskel.train_config import parse_train_config, replace_settings
from effiskel.training_data import collate, encode_examples, write_examples

CODES = [
    "def add(a, b):\n    return a + b\n",
    "def neg(x):\n    return -x\n",
    "def square(x):\n    return x * x\n",
    "def first(xs):\n    return xs[0]\n",
]


def make_example(i: int, code: str) -> TrainingExample:
    start = code.index("return")
    # Prompts of different lengths: batched generation must left-pad them correctly.
    return TrainingExample(task_id=f"t{i}", solution_id=f"s{i}", prompt=f"Task: t{i}" + " quickly" * i,
                           code=code, skeleton=code[:start] + "return <MASK>\n",
                           skeleton_spans=[(0, 3), (start, start + 6)])


EXAMPLES = [make_example(i, c) for i, c in enumerate(CODES)]


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One torch thread: tiny models gain nothing from more, and a shared machine loses a lot."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    write_tiny_model(CODES + [e.prompt for e in EXAMPLES] + [e.skeleton for e in EXAMPLES], folder,
                     vocab_size=300)
    return folder


def config(tiny: Path, out: Path, **training):
    settings = {"max_steps": 4, "batch_size": 4, "lr": 1e-2, "max_length": 128, **training}
    lora = settings.pop("lora", {})
    return parse_train_config({"model": str(tiny), "output_dir": str(out), "training": settings, "lora": lora})


def log_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines()]


def test_a_tiny_model_overfits_and_then_writes_its_training_code(host, tiny, tmp_path):
    trainer = host.trainers.get("torch")
    cfg = config(tiny, tmp_path / "run", max_steps=60, lr=3e-2, schedule="cosine",
                 lora={"dropout": 0.0, "target_modules": ["q_proj", "v_proj", "lm_head"]})
    final = trainer.train(cfg, EXAMPLES)
    log = log_of(tmp_path / "run")
    assert [r["step"] for r in log] == list(range(1, 61))
    assert set(log[0]["terms"]) == {"code", "skeleton", "mask"}
    assert log[-1]["total"] <= 0.1 * log[0]["total"], (log[0]["total"], log[-1]["total"])
    print(f"\ntorch: total loss {log[0]['total']:.3f} -> {log[-1]['total']:.4f} in {len(log)} steps "
          f"({1 - log[-1]['total'] / log[0]['total']:.1%} down)")
    meta = json.loads((final / "effiskel-checkpoint.json").read_text())
    assert meta["steps"] == 60 and meta["base_model"] == str(tiny.resolve())

    # Generation uses the training prompt format: greedy decoding gives back the memorised code.
    greedy = trainer.generate(final, [e.prompt for e in EXAMPLES], {"max_new_tokens": 40})
    assert greedy == [[code] for code in CODES]
    sampled = trainer.generate(final, [EXAMPLES[0].prompt], {"n": 3, "temperature": 1.5, "top_p": 0.95,
                                                             "max_new_tokens": 12, "seed": 1})
    again = trainer.generate(final, [EXAMPLES[0].prompt], {"n": 3, "temperature": 1.5, "top_p": 0.95,
                                                           "max_new_tokens": 12, "seed": 1})
    assert len(sampled) == 1 and len(sampled[0]) == 3 and sampled == again
    with pytest.raises(EffiskelError, match="greedy decoding .* not n=2"):
        trainer.generate(final, ["x"], {"n": 2})
    with pytest.raises(EffiskelError, match="unknown generation settings \\['temp'\\]"):
        trainer.generate(final, ["x"], {"temp": 1.0})

    # A finished run is not redone: the same config returns the same adapter at once.
    stamp = (final / "adapter_model.safetensors").stat().st_mtime_ns
    assert trainer.train(cfg, EXAMPLES) == final
    assert (final / "adapter_model.safetensors").stat().st_mtime_ns == stamp


RUN = textwrap.dedent('''
    import os, signal, sys
    import torch
    torch.set_num_threads(1)
    from effiskel.train_config import load_train_config
    from effiskel.training_data import read_examples
    from effiskel_torch import TorchTrainer

    config, kill_at = load_train_config(sys.argv[1]), int(sys.argv[2])

    def on_step(record):
        if record["step"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    TorchTrainer().train(config, read_examples(config.examples), on_step=on_step)
''')


def run_config(tmp_path: Path, tiny: Path, out: str, **training) -> Path:
    path = tmp_path / f"{out}.toml"
    lines = [f'model = "{tiny}"', f'output_dir = "{tmp_path / out}"', f'examples = "{tmp_path / "ex.jsonl"}"',
             "[training]", *(f"{k} = {json.dumps(v)}" for k, v in training.items()),
             "[lora]", "dropout = 0.1", 'target_modules = ["q_proj", "v_proj"]']
    path.write_text("\n".join(lines) + "\n")
    return path


def test_sigkill_then_resume_continues_exactly_like_an_uninterrupted_run(tiny, tmp_path):
    write_examples(tmp_path / "ex.jsonl", EXAMPLES)
    (tmp_path / "run.py").write_text(RUN)
    # Batches of 2 out of 4 examples cross epochs; LoRA dropout makes the RNG state matter.
    settings = {"max_steps": 6, "batch_size": 2, "lr": 1e-2, "max_length": 128, "save_every": 2,
                "schedule": "cosine", "warmup_steps": 1}

    def run(name: str, kill_at: int) -> subprocess.CompletedProcess:
        cfg = run_config(tmp_path, tiny, name, **settings)
        return subprocess.run([sys.executable, str(tmp_path / "run.py"), str(cfg), str(kill_at)],
                              capture_output=True, text=True, timeout=300, check=False)

    whole = run("whole", 0)
    assert whole.returncode == 0, whole.stderr[-3000:]
    killed = run("broken", 3)
    assert killed.returncode == -signal.SIGKILL
    assert [r["step"] for r in log_of(tmp_path / "broken")] == [1, 2, 3]
    assert not (tmp_path / "broken" / "final").exists()
    assert sorted(p.name for p in (tmp_path / "broken" / "checkpoints").iterdir()) == ["step-00000002"]
    resumed = run("broken", 0)
    assert resumed.returncode == 0, resumed.stderr[-3000:]

    expected, got = log_of(tmp_path / "whole"), log_of(tmp_path / "broken")
    assert [r["step"] for r in got] == [1, 2, 3, 4, 5, 6]
    for a, b in zip(expected, got):
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-6, abs=1e-7), a["step"]
        assert b["lr"] == pytest.approx(a["lr"])
    from safetensors.torch import load_file

    wa = load_file(tmp_path / "whole" / "final" / "adapter_model.safetensors")
    wb = load_file(tmp_path / "broken" / "final" / "adapter_model.safetensors")
    assert wa.keys() == wb.keys()
    assert all(torch.allclose(wa[k], wb[k], atol=1e-6) for k in wa)


def test_a_checkpoint_of_other_settings_is_refused_naming_them(host, tiny, tmp_path):
    trainer = host.trainers.get("torch")
    final = trainer.train(config(tiny, tmp_path / "run", max_steps=3, save_every=1), EXAMPLES)
    assert sorted(p.name for p in (tmp_path / "run" / "checkpoints").iterdir()) == ["step-00000001",
                                                                                 "step-00000002"]
    shutil.rmtree(final)
    with pytest.raises(EffiskelError, match=r"other settings \(training\.lr: 0\.01 -> 0\.5\)"):
        trainer.train(config(tiny, tmp_path / "run", max_steps=3, save_every=1, lr=0.5), EXAMPLES)
    # resume = false starts over instead.
    fresh = replace_settings(config(tiny, tmp_path / "run", max_steps=3, lr=0.5), resume=False)
    assert trainer.train(fresh, EXAMPLES) == final
    assert not (tmp_path / "run" / "checkpoints").exists()
    assert [r["step"] for r in log_of(tmp_path / "run")] == [1, 2, 3]


def test_packed_rows_give_each_example_its_own_logits(tiny):
    from effiskel_torch.modeling import load_model, load_tokenizer, stream_logits

    tokenizer, model = load_tokenizer(tiny), load_model(tiny)
    single = encode_examples(EXAMPLES[:2], tokenizer, 512)
    [packed] = encode_examples(EXAMPLES[:2], tokenizer, 512, packing=True)
    with torch.no_grad():
        whole = stream_logits(model, {k: torch.from_numpy(v) for k, v in collate([packed], 0).items()},
                              "code", packed=True)[0]
        offset = 0
        for item in single:
            alone = stream_logits(model, {k: torch.from_numpy(v) for k, v in collate([item], 0).items()},
                                  "code", packed=False)[0]
            n = len(item["code_input_ids"])
            assert torch.allclose(whole[offset:offset + n], alone, atol=1e-5)
            offset += n


def test_training_on_packed_rows(host, tiny, tmp_path):
    final = host.trainers.get("torch").train(config(tiny, tmp_path / "p", max_steps=2, batch_size=1,
                                                    packing=True, max_length=256), EXAMPLES)
    assert (final / "adapter_config.json").is_file()
    assert all(r["total"] > 0 for r in log_of(tmp_path / "p"))


def test_bad_paths_and_backends_are_clear_errors(host, tiny, tmp_path):
    trainer = host.trainers.get("torch")
    with pytest.raises(EffiskelError, match="the model '.*nowhere' is not a local directory .*never downloads"):
        trainer.train(config(tmp_path / "nowhere", tmp_path / "o"), EXAMPLES)
    with pytest.raises(EffiskelError, match="LoRA target modules \\['c_attn'\\] are not in the model"):
        trainer.train(config(tiny, tmp_path / "o", lora={"target_modules": ["c_attn"]}), EXAMPLES)
    with pytest.raises(EffiskelError, match="cannot fill one global batch|cannot fill a global batch"):
        trainer.train(config(tiny, tmp_path / "o", batch_size=8, max_steps=1), EXAMPLES)
    with pytest.raises(EffiskelError, match="the checkpoint '.*missing' is not a local directory"):
        trainer.generate(tmp_path / "missing", ["x"], {})


def test_epochs_count_whole_global_batches_of_encoded_rows(tiny, tmp_path):
    from effiskel.training_run import total_steps

    by_epochs = parse_train_config({"model": str(tiny), "output_dir": str(tmp_path),
                                    "training": {"epochs": 2.0, "batch_size": 4}})
    assert total_steps(by_epochs, 10, world=1) == 4  # 2 whole batches per epoch, remainder dropped
    assert total_steps(by_epochs, 10, world=2) == 2  # the global batch is 8
    assert total_steps(replace_settings(by_epochs, grad_accumulation=2), 10, world=1) == 2
    assert total_steps(replace_settings(by_epochs, max_steps=7), 10, world=1) == 7
    with pytest.raises(EffiskelError, match="3 training rows cannot fill one global batch of 4; lower batch_size"):
        total_steps(by_epochs, 3, world=1)


def test_gradient_checkpointing_trains_the_same(host, tiny, tmp_path):
    trainer = host.trainers.get("torch")
    plain = config(tiny, tmp_path / "plain", max_steps=2, lora={"dropout": 0.0})
    trainer.train(plain, EXAMPLES)
    saving = parse_train_config({**plain.to_dict(), "output_dir": str(tmp_path / "ckpt"),
                                 "backend_options": {"gradient_checkpointing": True}})
    trainer.train(saving, EXAMPLES)
    for a, b in zip(log_of(tmp_path / "plain"), log_of(tmp_path / "ckpt")):
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-5)


def test_threads_is_a_backend_option_that_does_not_change_the_run(host, tiny, tmp_path):
    trainer = host.trainers.get("torch")
    seen = []
    base = config(tiny, tmp_path / "run", max_steps=2, save_every=1)
    threaded = parse_train_config({**base.to_dict(), "backend_options": {"threads": 2}})
    torch.set_num_threads(1)
    final = trainer.train(threaded, EXAMPLES, on_step=lambda record: seen.append(torch.get_num_threads()))
    assert seen == [2, 2]
    torch.set_num_threads(1)
    # The thread count is not part of the run's fingerprint: the same run with another is finished.
    assert trainer.train(base, EXAMPLES) == final and [r["step"] for r in log_of(tmp_path / "run")] == [1, 2]
    for options, message in [({"threads": 0}, "threads = 0: a positive integer"),
                             ({"threads": "4"}, "threads = '4': a positive integer"),
                             ({"thread": 2}, "thread: unknown to the torch backend; it reads "
                                             "gradient_checkpointing, threads")]:
        bad = parse_train_config({**base.to_dict(), "output_dir": str(tmp_path / "bad"),
                                  "backend_options": options})
        with pytest.raises(EffiskelError, match=message):
            trainer.train(bad, EXAMPLES)
    # Generation takes it too, for the call only.
    greedy = trainer.generate(final, [EXAMPLES[0].prompt], {"max_new_tokens": 4, "threads": 2})
    assert len(greedy) == 1 and torch.get_num_threads() == 1
    with pytest.raises(EffiskelError, match="generation setting threads must be a positive integer, got 0"):
        trainer.generate(final, ["x"], {"threads": 0})


def test_gradient_accumulation_is_exactly_one_bigger_batch(host, tiny, tmp_path):
    from safetensors.torch import load_file

    trainer = host.trainers.get("torch")
    lora = {"dropout": 0.0}
    trainer.train(config(tiny, tmp_path / "big", max_steps=3, batch_size=4, lora=lora), EXAMPLES)
    trainer.train(config(tiny, tmp_path / "acc", max_steps=3, batch_size=2, grad_accumulation=2, lora=lora),
                  EXAMPLES)
    big, acc = log_of(tmp_path / "big"), log_of(tmp_path / "acc")
    for a, b in zip(big, acc):
        # Token counts differ per micro-batch, so a mean of micro-batch means would not match.
        assert b["terms"] == pytest.approx(a["terms"], rel=1e-5)
    wa = load_file(tmp_path / "big" / "final" / "adapter_model.safetensors")
    wb = load_file(tmp_path / "acc" / "final" / "adapter_model.safetensors")
    assert all(torch.allclose(wa[k], wb[k], rtol=1e-4, atol=1e-6) for k in wa)


def test_any_causal_lm_architecture_trains_and_generates(host, tiny, tmp_path):
    """Not only Llama: a GPT-2 (fused c_attn projection, learned positions) through the same path."""
    from effiskel_torch.modeling import load_tokenizer
    from transformers import GPT2Config, GPT2LMHeadModel

    tokenizer = load_tokenizer(tiny)
    folder = tmp_path / "gpt2"
    torch.manual_seed(0)
    GPT2LMHeadModel(GPT2Config(vocab_size=len(tokenizer), n_positions=256, n_embd=32, n_layer=2, n_head=4,
                               bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)
                    ).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    trainer = host.trainers.get("torch")
    cfg = config(folder, tmp_path / "run", max_steps=40, lr=3e-2, schedule="cosine", batch_size=2,
                 lora={"dropout": 0.0, "target_modules": ["c_attn", "lm_head"]})
    final = trainer.train(cfg, EXAMPLES[:2])
    log = log_of(tmp_path / "run")
    assert log[-1]["total"] < 0.5 * log[0]["total"]
    [[text]] = trainer.generate(final, [EXAMPLES[0].prompt], {"max_new_tokens": 4})
    assert isinstance(text, str)
