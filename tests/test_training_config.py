"""The training config: TOML in, a TrainConfig out, every mistake named by its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from effiskel.errors import DataError
from effiskel.train_config import (
    TrainConfig,
    load_train_config,
    parse_train_config,
    replace_settings,
)

FULL = """
backend = "torch"
model = "models/tiny"
tokenizer = "/abs/tok"
output_dir = "out"
examples = "data/examples.jsonl"
seed = 7
resume = false

[training]
lr = 1e-3
max_steps = 20
batch_size = 2
grad_accumulation = 3
max_length = 256
packing = true
schedule = "cosine"
warmup_steps = 2
save_every = 5
mask_rule = "any"
dtype = "bfloat16"

[lora]
r = 4
alpha = 16
dropout = 0.0
target_modules = ["q_proj", "k_proj", "v_proj"]

[loss]
code = 1.0
skeleton = 0.5
mask = 0.0
my_term = 2

[backend_options]
gradient_checkpointing = true
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "train.toml"
    path.write_text(text)
    return path


def test_a_full_config_loads_with_paths_relative_to_its_folder(tmp_path):
    config = load_train_config(write(tmp_path, FULL))
    assert config.model == tmp_path / "models/tiny"
    assert config.tokenizer_path == Path("/abs/tok")
    assert config.examples == tmp_path / "data/examples.jsonl"
    assert config.seed == 7 and config.resume is False
    t = config.training
    assert (t.lr, t.max_steps, t.batch_size, t.grad_accumulation, t.max_length) == (1e-3, 20, 2, 3, 256)
    assert t.packing and t.schedule == "cosine" and t.mask_rule == "any" and t.dtype == "bfloat16"
    assert config.lora.r == 4 and config.lora.alpha == 16.0 and config.lora.dropout == 0.0
    assert config.lora.target_modules == ("q_proj", "k_proj", "v_proj")
    # A weight of 0 keeps the term out of the computation; a third-party term is just a name.
    assert config.loss == {"code": 1.0, "skeleton": 0.5, "mask": 0.0, "my_term": 2.0}
    assert config.active_terms == {"code": 1.0, "skeleton": 0.5, "my_term": 2.0}
    assert config.backend_options == {"gradient_checkpointing": True}


def test_defaults_follow_the_paper(tmp_path):
    config = load_train_config(write(tmp_path, 'model = "m"\noutput_dir = "o"\n'))
    assert config.backend == "torch" and config.tokenizer_path == config.model
    assert (config.lora.r, config.lora.alpha, config.lora.dropout) == (8, 32.0, 0.1)
    assert config.lora.target_modules == ("q_proj", "v_proj")
    assert config.loss == {"code": 1.0, "skeleton": 1.0, "mask": 1.0}


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ('model = "m"\noutput_dir = "o"\n[training]\nlr_rate = 1\n', "[training] lr_rate", "did you mean 'lr'"),
        ('model = "m"\noutput_dir = "o"\nsed = 1\n', "sed", "did you mean 'seed'"),
        ('model = "m"\noutput_dir = "o"\n[training]\nbatch_size = "4"\n', "[training] batch_size", "integer"),
        ('model = "m"\noutput_dir = "o"\n[training]\nbatch_size = 0\n', "[training] batch_size", "at least 1"),
        ('model = "m"\noutput_dir = "o"\n[training]\nlr = 0\n', "[training] lr", "greater than 0"),
        ('model = "m"\noutput_dir = "o"\n[training]\nschedule = "step"\n', "[training] schedule", "one of"),
        ('model = "m"\noutput_dir = "o"\n[lora]\ndropout = 1.0\n', "[lora] dropout", "below 1"),
        ('model = "m"\noutput_dir = "o"\n[lora]\ntarget_modules = "q_proj"\n', "[lora] target_modules", "list"),
        ('model = "m"\noutput_dir = "o"\n[loss]\ncode = "high"\n', "[loss] code", "number"),
        ('model = "m"\noutput_dir = "o"\n[loss]\ncode = 0\n', "[loss]", "above 0"),
        ('model = "m"\noutput_dir = "o"\nresume = "yes"\n', "resume", "true or false"),
        ('output_dir = "o"\n', "model", "required"),
        ('model = "m"\noutput_dir = "o"\ntraining = 3\n', "training", "table"),
    ],
)
def test_a_bad_key_or_value_is_named(tmp_path, text, field, words):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        load_train_config(path)
    assert info.value.field == field
    assert words in str(info.value) and str(path) in str(info.value)


def test_unreadable_and_malformed_files_are_clear_errors(tmp_path):
    with pytest.raises(DataError, match="cannot read"):
        load_train_config(tmp_path / "missing.toml")
    with pytest.raises(DataError, match="not valid TOML"):
        load_train_config(write(tmp_path, "model = \n"))


def test_to_dict_round_trips_through_the_parser(tmp_path):
    config = load_train_config(write(tmp_path, FULL))
    again = parse_train_config(config.to_dict(), base=tmp_path)
    assert again == config


def test_replace_settings_routes_names_to_their_section(tmp_path):
    config = load_train_config(write(tmp_path, FULL))
    changed = replace_settings(config, max_steps=3, lora_r=2, seed=1)
    assert changed.training.max_steps == 3 and changed.lora.r == 2 and changed.seed == 1
    assert isinstance(changed, TrainConfig) and changed.training.lr == config.training.lr
    with pytest.raises(TypeError, match="no setting named 'nope'"):
        replace_settings(config, nope=1)


def test_checkpoint_backend_is_read_from_the_checkpoint(tmp_path) -> None:
    from effiskel.errors import DataError
    from effiskel.train_config import CHECKPOINT_META, checkpoint_backend

    assert checkpoint_backend(tmp_path) == "torch"  # nothing written: the default
    (tmp_path / CHECKPOINT_META).write_text('{"backend": "jax"}')
    assert checkpoint_backend(tmp_path) == "jax"
    (tmp_path / CHECKPOINT_META).write_text('{"backend": ')
    with pytest.raises(DataError, match=CHECKPOINT_META):
        checkpoint_backend(tmp_path)
