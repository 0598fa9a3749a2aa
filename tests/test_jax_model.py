"""The JAX Llama against transformers: logit parity, the cache, LoRA/peft, bad checkpoints."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
jax = pytest.importorskip("jax")
pytest.importorskip("flax")

import jax.numpy as jnp  # noqa: E402
from effiskel_jax.hf_checkpoint import load_llama  # noqa: E402
from effiskel_jax.lora import apply_lora, load_peft_adapter, save_peft_adapter  # noqa: E402
from flax import nnx  # noqa: E402
from transformers import LlamaConfig, LlamaForCausalLM  # noqa: E402

from effiskel.errors import DataError  # noqa: E402
from effiskel.train_config import LoraSettings  # noqa: E402

VOCAB = 97

#: Two architectures: GQA + llama3 rope + untied head, and MHA + biases + linear rope + tied head.
VARIANTS = {
    "gqa-llama3-untied": dict(
        num_attention_heads=4,
        num_key_value_heads=2,
        tie_word_embeddings=False,
        rope_parameters={
            "rope_type": "llama3",
            "rope_theta": 500000.0,
            "factor": 8.0,
            "low_freq_factor": 1.0,
            "high_freq_factor": 4.0,
            "original_max_position_embeddings": 8,
        },
    ),
    "mha-bias-linear-tied": dict(
        num_attention_heads=4,
        num_key_value_heads=4,
        tie_word_embeddings=True,
        attention_bias=True,
        mlp_bias=True,
        rope_parameters={"rope_type": "linear", "rope_theta": 10000.0, "factor": 2.0},
    ),
}


def write_checkpoint(folder: Path, **overrides) -> Path:
    config = LlamaConfig(
        vocab_size=VOCAB,
        hidden_size=32,
        intermediate_size=48,
        num_hidden_layers=2,
        max_position_embeddings=128,
        # A wide initialisation gives logits of order 1, so a 1e-4 agreement means something.
        initializer_range=0.3,
        rms_norm_eps=1e-5,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
        **overrides,
    )
    torch.manual_seed(0)
    model = LlamaForCausalLM(config).to(torch.float32)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if (
                "norm" in name or "bias" in name
            ):  # HF starts these at 1 / 0: perturb so they are checked too
                p.add_(0.2 * torch.randn_like(p))
    model.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module", params=list(VARIANTS))
def checkpoint(request, tmp_path_factory) -> Path:
    return write_checkpoint(tmp_path_factory.mktemp(request.param), **VARIANTS[request.param])


def torch_logits(
    folder: Path, ids: np.ndarray, mask: np.ndarray, adapter: Path | None = None
) -> np.ndarray:
    model = LlamaForCausalLM.from_pretrained(folder, local_files_only=True)
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, adapter)
    model.eval()
    with torch.no_grad():
        return model(
            input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)
        ).logits.numpy()


def batch() -> tuple[np.ndarray, np.ndarray]:
    ids = np.random.default_rng(0).integers(3, VOCAB, size=(3, 24))
    mask = np.ones_like(ids)
    mask[1, 17:] = 0  # right padding, as training batches have
    mask[2, 9:] = 0
    return ids, mask


def test_logits_match_transformers_within_1e_4(checkpoint):
    ids, mask = batch()
    expected = torch_logits(checkpoint, ids, mask)
    model = load_llama(checkpoint)
    got, _ = model(jnp.asarray(ids), attention_mask=jnp.asarray(mask))
    got = np.asarray(got)
    real = mask.astype(bool)  # padded positions are not compared: they carry no loss
    diff = np.abs(got[real] - expected[real]).max()
    print("max |jax - torch| =", diff, "over logits of max |", np.abs(expected).max(), "|")
    assert np.abs(expected).max() > 1.0
    assert diff <= 1e-4


def test_cached_decoding_gives_the_logits_of_a_full_forward_pass(checkpoint):
    model = load_llama(checkpoint)
    ids, _ = batch()
    full, _ = model(jnp.asarray(ids[:, :12]))
    # Left-padded prompt of 8 slots: row 1 has only 5 real tokens, positions counted from its first.
    prompt = np.zeros((2, 8), dtype=np.int32)
    prompt_mask = np.zeros((2, 8), dtype=np.int32)
    prompt[0], prompt_mask[0] = ids[0, :8], 1
    prompt[1, 3:], prompt_mask[1, 3:] = ids[1, :5], 1
    valid = jnp.concatenate([jnp.asarray(prompt_mask), jnp.ones((2, 4), jnp.int32)], axis=1)
    positions = jnp.maximum(jnp.cumsum(jnp.asarray(prompt_mask), axis=1) - 1, 0)
    cache = model.empty_cache(2, 12)
    logits, cache = model(
        jnp.asarray(prompt), positions=positions, cache=cache, cache_index=0, key_valid=valid
    )
    np.testing.assert_allclose(np.asarray(logits[0]), np.asarray(full[0, :8]), atol=1e-4)
    np.testing.assert_allclose(np.asarray(logits[1, 3:]), np.asarray(full[1, :5]), atol=1e-4)
    nxt = np.array([[ids[0, 8]], [ids[1, 5]]])
    step, _ = model(
        jnp.asarray(nxt),
        positions=jnp.array([[8], [5]]),
        cache=cache,
        cache_index=8,
        key_valid=valid,
    )
    np.testing.assert_allclose(np.asarray(step[0, 0]), np.asarray(full[0, 8]), atol=1e-4)
    np.testing.assert_allclose(np.asarray(step[1, 0]), np.asarray(full[1, 5]), atol=1e-4)


def test_lora_trains_only_adapters_and_round_trips_through_peft(tmp_path):
    folder = write_checkpoint(tmp_path / "base", **VARIANTS["gqa-llama3-untied"])
    settings = LoraSettings(
        r=4, alpha=8.0, dropout=0.1, target_modules=("q_proj", "v_proj", "down_proj", "lm_head")
    )
    model = apply_lora(load_llama(folder), settings, seed=3)
    ids, mask = batch()
    base, _ = load_llama(folder)(jnp.asarray(ids))
    untrained, _ = model(jnp.asarray(ids))
    np.testing.assert_array_equal(np.asarray(untrained), np.asarray(base))  # B starts at zero

    adapter = nnx.state(model, nnx.LoRAParam)
    shapes = sorted(tuple(x.shape) for x in jax.tree.leaves(adapter))
    # 2 layers x (q, v, down) + lm_head, an A and a B each: nothing else is trainable.
    assert len(shapes) == 2 * (2 * 3 + 1)
    assert (32, 4) in shapes and (4, VOCAB) in shapes
    noisy = jax.tree.map(lambda x: x + 0.2 * jax.random.normal(jax.random.key(1), x.shape), adapter)
    nnx.update(model, noisy)
    save_peft_adapter(model, settings, tmp_path / "adapter", base_model=str(folder))

    ours, _ = model(jnp.asarray(ids), attention_mask=jnp.asarray(mask))
    theirs = torch_logits(folder, ids, mask, adapter=tmp_path / "adapter")
    real = mask.astype(bool)
    assert np.abs(np.asarray(ours)[real] - theirs[real]).max() <= 1e-4
    assert (
        np.abs(np.asarray(ours) - np.asarray(base)).max() > 0.1
    )  # the adapter does change the model

    reloaded = load_llama(folder)
    assert load_peft_adapter(reloaded, tmp_path / "adapter").target_modules == tuple(
        sorted(settings.target_modules)
    )
    again, _ = reloaded(jnp.asarray(ids), attention_mask=jnp.asarray(mask))
    np.testing.assert_allclose(np.asarray(again), np.asarray(ours), atol=1e-6)

    # Dropout acts only when a key is given (training), and a different key drops differently.
    a, _ = model(jnp.asarray(ids), dropout_key=jax.random.key(0))
    b, _ = model(jnp.asarray(ids), dropout_key=jax.random.key(1))
    assert (
        np.abs(np.asarray(a) - np.asarray(ours)).max() > 0
        and np.abs(np.asarray(a) - np.asarray(b)).max() > 0
    )

    with pytest.raises(ValueError, match="qkv_proj unknown"):
        apply_lora(load_llama(folder), LoraSettings(target_modules=("qkv_proj",)), seed=0)


def test_bad_checkpoints_are_errors_naming_what_is_wrong(tmp_path):
    with pytest.raises(DataError, match="not a directory"):
        load_llama(tmp_path / "nowhere")
    folder = write_checkpoint(tmp_path / "m", **VARIANTS["gqa-llama3-untied"])
    config = json.loads((folder / "config.json").read_text())

    (folder / "config.json").write_text(json.dumps({**config, "model_type": "mistral"}))
    with pytest.raises(DataError, match="model_type is 'mistral'"):
        load_llama(folder)
    (folder / "config.json").write_text(
        json.dumps({**config, "rope_parameters": {"rope_type": "yarn", "factor": 2}})
    )
    with pytest.raises(DataError, match="rope type 'yarn' is not supported"):
        load_llama(folder)
    (folder / "config.json").write_text(json.dumps({**config, "intermediate_size": 40}))
    with pytest.raises(
        DataError,
        match=r"model.layers.0.mlp.down_proj.weight.*shape \(32, 48\), the config needs \(32, 40\)",
    ):
        load_llama(folder)
    (folder / "config.json").write_text(json.dumps({**config, "num_hidden_layers": 3}))
    with pytest.raises(DataError, match="no tensor 'model.layers.2"):
        load_llama(folder)
    (folder / "config.json").write_text(json.dumps({**config, "num_hidden_layers": 1}))
    with pytest.raises(DataError, match="does not use: model.layers.1"):
        load_llama(folder)


def test_packed_rows_keep_each_example_to_itself(checkpoint):
    model = load_llama(checkpoint)
    ids, _ = batch()
    first, second = ids[0, :7], ids[1, :10]
    alone_a, _ = model(jnp.asarray(first[None]))
    alone_b, _ = model(jnp.asarray(second[None]))
    packed = np.concatenate([first, second])[None]
    positions = np.concatenate([np.arange(7), np.arange(10)])[None]
    segments = np.concatenate([np.full(7, 1), np.full(10, 2)])[None]
    together, _ = model(
        jnp.asarray(packed), positions=jnp.asarray(positions), segment_ids=jnp.asarray(segments)
    )
    np.testing.assert_allclose(np.asarray(together[0, :7]), np.asarray(alone_a[0]), atol=1e-4)
    np.testing.assert_allclose(np.asarray(together[0, 7:]), np.asarray(alone_b[0]), atol=1e-4)


def test_a_bfloat16_checkpoint_loads(tmp_path):
    # numpy has no bfloat16: the tensors must be read without it (real checkpoints are bf16).
    folder = write_checkpoint(tmp_path / "m", **VARIANTS["gqa-llama3-untied"])
    model = LlamaForCausalLM.from_pretrained(folder, local_files_only=True).to(torch.bfloat16)
    model.save_pretrained(tmp_path / "bf16")
    (tmp_path / "bf16" / "config.json").write_text((folder / "config.json").read_text())
    ids, mask = batch()
    expected = torch_logits(tmp_path / "bf16", ids, mask)  # upcast to float32 by transformers
    ours, _ = load_llama(tmp_path / "bf16")(jnp.asarray(ids), attention_mask=jnp.asarray(mask))
    real = mask.astype(bool)
    assert np.abs(np.asarray(ours)[real] - expected[real]).max() <= 1e-4
    as_bf16 = load_llama(tmp_path / "bf16", dtype=jnp.bfloat16, param_dtype=jnp.bfloat16)
    assert as_bf16.model.layers[0].mlp.up_proj.kernel[...].dtype == jnp.bfloat16


def test_nucleus_sampling_draws_only_from_the_top_p_prefix():
    from effiskel_jax.generation import pick_token

    logits = jnp.log(jnp.array([[0.1, 0.4, 0.2, 0.3]] * 400))
    key = jax.random.key(0)
    assert set(np.asarray(pick_token(logits, key, 0.0, 1.0)).tolist()) == {1}  # greedy
    assert set(np.asarray(pick_token(logits, key, 1.0, 1e-6)).tolist()) == {1}  # top token only
    # 0.4 + 0.3 reach 0.5: tokens 1 and 3 are the nucleus, both drawn, nothing else.
    assert set(np.asarray(pick_token(logits, key, 1.0, 0.5)).tolist()) == {1, 3}
    assert set(np.asarray(pick_token(logits, key, 1.0, 1.0)).tolist()) == {0, 1, 2, 3}
