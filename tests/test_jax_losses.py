"""The jax loss terms and objective: gradients as the formula says; a term sees only its streams."""

from __future__ import annotations

import numpy as np
import pytest

jax = pytest.importorskip("jax")
pytest.importorskip("flax")
pytest.importorskip("torch")  # the tiny checkpoint is written with transformers' torch model

import jax.numpy as jnp  # noqa: E402
from effiskel_jax.hf_checkpoint import load_llama  # noqa: E402
from effiskel_jax.lora import apply_lora  # noqa: E402
from effiskel_jax.trainer import LossContext, objective, resolve_terms  # noqa: E402
from effiskel_losses import FunctionLossTerm  # noqa: E402
from effiskel_losses.jax_terms import token_nll  # noqa: E402
from flax import nnx  # noqa: E402

from effiskel.protocols import LossTerm  # noqa: E402
from effiskel.registry import Registry  # noqa: E402
from effiskel.tinymodel import write_tiny_llama  # noqa: E402
from effiskel.train_config import LoraSettings  # noqa: E402

IGNORE = -100


@pytest.fixture(scope="module")
def split_model(tmp_path_factory):
    folder = write_tiny_llama(
        tmp_path_factory.mktemp("tiny"),
        vocab_size=50,
        hidden_size=16,
        num_heads=2,
        num_kv_heads=1,
        intermediate_size=32,
        num_layers=1,
    )
    model = apply_lora(load_llama(folder), LoraSettings(r=2, alpha=4.0, dropout=0.0), seed=0)
    # Non-zero B, so every adapter parameter gets a gradient.
    adapter = nnx.state(model, nnx.LoRAParam)
    nnx.update(
        model,
        jax.tree.map(lambda x: x + 0.1 * jax.random.normal(jax.random.key(2), x.shape), adapter),
    )
    return nnx.split(model, nnx.LoRAParam, ...)


def make_batch(
    mask_weights: np.ndarray | None = None, code_shift: int = 0
) -> dict[str, jnp.ndarray]:
    rng = np.random.default_rng(0)
    batch = {}
    for stream, width, prompt in (("code", 12, 4), ("skeleton", 10, 5)):
        ids = rng.integers(3, 50, size=(2, width))
        if stream == "code":
            ids = (ids + code_shift) % 47 + 3
        labels = ids.copy()
        labels[:, :prompt] = IGNORE
        attention = np.ones_like(ids)
        attention[1, width - 3 :] = 0  # row 1 is padded
        labels[attention == 0] = IGNORE
        batch[f"{stream}_input_ids"] = ids
        batch[f"{stream}_labels"] = labels
        batch[f"{stream}_attention_mask"] = attention
        batch[f"{stream}_position_ids"] = np.broadcast_to(np.arange(width), ids.shape).copy()
        batch[f"{stream}_segment_ids"] = attention.copy()
    if mask_weights is None:
        mask_weights = np.random.default_rng(1).uniform(size=(2, 12)).astype(np.float32)
    batch["code_mask_weights"] = np.where(batch["code_labels"] != IGNORE, mask_weights, 0.0).astype(
        np.float32
    )
    return {k: jnp.asarray(v) for k, v in batch.items()}


def _extended(extra) -> Registry:
    from effiskel import get_host

    registry = Registry("loss_term", LossTerm)
    for name in ("code", "skeleton", "mask"):
        registry.register(get_host().loss_terms.get(name))
    for term in extra:
        registry.register(term)
    return registry


def value_and_grads(split_model, weights: dict[str, float], batch, registry=None):
    graphdef, adapter, frozen = split_model
    terms = resolve_terms(weights, registry)
    seen: list[list[str]] = []

    def loss(adapter):
        ctx = LossContext(
            nnx.merge(graphdef, adapter, frozen), batch, packed=False, dropout_key=None
        )
        total, values = objective(terms, ctx)
        seen.append(list(ctx.forwards))
        return total, values

    (total, values), grads = jax.jit(jax.value_and_grad(loss, has_aux=True))(adapter)
    return float(total), {k: float(v) for k, v in values.items()}, grads, seen[0]


def flat(grads) -> np.ndarray:
    return np.concatenate([np.ravel(x) for x in jax.tree.leaves(grads)])


def test_a_zero_mask_gives_zero_loss_and_zero_gradient(split_model):
    total, values, grads, forwards = value_and_grads(
        split_model, {"mask": 1.0}, make_batch(np.zeros((2, 12)))
    )
    assert total == 0.0 and values == {"mask": 0.0}
    assert not flat(grads).any()
    assert forwards == ["code"]


def test_an_all_one_mask_equals_the_code_term(split_model):
    batch = make_batch(np.ones((2, 12)))
    code_total, _, code_grads, _ = value_and_grads(split_model, {"code": 1.0}, batch)
    mask_total, _, mask_grads, _ = value_and_grads(split_model, {"mask": 1.0}, batch)
    assert mask_total == pytest.approx(code_total, rel=1e-6)
    np.testing.assert_allclose(flat(mask_grads), flat(code_grads), rtol=1e-5, atol=1e-8)


def test_the_weights_scale_each_terms_gradient_as_the_formula_says(split_model):
    batch = make_batch()
    single = {
        name: value_and_grads(split_model, {name: 1.0}, batch)
        for name in ("code", "skeleton", "mask")
    }
    a, b, c = 0.7, 2.0, 0.3
    total, values, grads, forwards = value_and_grads(
        split_model, {"code": a, "skeleton": b, "mask": c}, batch
    )
    assert total == pytest.approx(
        a * single["code"][0] + b * single["skeleton"][0] + c * single["mask"][0], rel=1e-5
    )
    expected = (
        a * flat(single["code"][2]) + b * flat(single["skeleton"][2]) + c * flat(single["mask"][2])
    )
    np.testing.assert_allclose(flat(grads), expected, rtol=1e-4, atol=1e-7)
    # Every term is logged on its own; mask reuses the code forward: two forwards for three terms.
    assert set(values) == {"code", "skeleton", "mask"} and values["code"] == pytest.approx(
        single["code"][0]
    )
    assert forwards == ["code", "skeleton"]


def test_the_skeleton_term_never_sees_code_targets(split_model):
    total, _, grads, forwards = value_and_grads(split_model, {"skeleton": 1.0}, make_batch())
    other, _, other_grads, _ = value_and_grads(
        split_model, {"skeleton": 1.0}, make_batch(code_shift=7)
    )
    assert forwards == ["skeleton"]
    assert total == other
    np.testing.assert_array_equal(flat(grads), flat(other_grads))


def test_the_code_term_is_the_mean_cross_entropy_of_its_target_tokens(split_model):
    graphdef, adapter, frozen = split_model
    batch = make_batch()
    logits, _ = nnx.merge(graphdef, adapter, frozen)(
        batch["code_input_ids"], attention_mask=batch["code_attention_mask"]
    )
    logp = jax.nn.log_softmax(np.asarray(logits), axis=-1)
    labels = np.asarray(batch["code_labels"])
    picked = [
        -logp[r, t - 1, labels[r, t]]
        for r in range(2)
        for t in range(1, 12)
        if labels[r, t] != IGNORE
    ]
    _, values, _, _ = value_and_grads(split_model, {"code": 1.0}, batch)
    assert values["code"] == pytest.approx(float(np.mean(picked)), rel=1e-5)
    nll = token_nll(logits, batch["code_labels"])
    assert nll.shape == (2, 11) and float(nll[0, 0]) == 0.0  # a prompt position carries no loss


def test_a_third_party_term_plugs_in_without_backend_changes(split_model):
    def entropy(ctx):
        logits = ctx.logits("code")
        p = jax.nn.softmax(logits, axis=-1)
        valid = ctx.batch["code_attention_mask"].astype(jnp.float32)
        return -jnp.sum(jnp.sum(p * jnp.log(p), axis=-1) * valid), jnp.sum(valid)

    registry = _extended([FunctionLossTerm("entropy", {"jax": entropy}, streams=("code",))])
    total, values, _, forwards = value_and_grads(
        split_model, {"code": 1.0, "entropy": 0.5}, make_batch(), registry
    )
    assert set(values) == {"code", "entropy"} and values["entropy"] > 0
    assert total == pytest.approx(values["code"] + 0.5 * values["entropy"], rel=1e-6)
    assert forwards == ["code"]
    torch_only = _extended([FunctionLossTerm("other", {"torch": entropy})])
    with pytest.raises(Exception, match="'other' has no jax implementation"):
        resolve_terms({"other": 1.0}, torch_only)
