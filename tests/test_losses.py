"""The loss terms on a real (tiny) model: values, gradients, which forward passes they cause.

The objective is ``L = a*L_code + b*L_skeleton + c*L_mask``; these tests check each term's
gradient against the formula, the mask's edge cases, and that a term added by a throw-away
plugin trains without any change to the torch backend.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from effiskel.datamodel import TrainingExample
from effiskel.tinymodel import write_tiny_model
from effiskel.training_data import IGNORE_INDEX, collate, encode_examples

CODES = [
    "def add(a, b):\n    return a + b\n",
    "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n",
    "def first(xs):\n    return xs[0]\n",
]


def example(i: int, code: str) -> TrainingExample:
    start = code.index("return")
    return TrainingExample(task_id=f"t{i}", solution_id=f"s{i}", prompt=f"Task: t{i}\nDo it fast.",
                           code=code, skeleton=code[:start] + "<MASK> " + code[start + 6:],
                           skeleton_spans=[(start, start + 6)])


EXAMPLES = [example(i, c) for i, c in enumerate(CODES)]


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One torch thread: tiny models gain nothing from more, and a shared machine loses a lot."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    texts = CODES + [e.prompt for e in EXAMPLES] + [e.skeleton for e in EXAMPLES]
    write_tiny_model(texts, folder, vocab_size=300)
    return folder


@pytest.fixture(scope="module")
def tokenizer(tiny):
    from effiskel_torch.modeling import load_tokenizer

    return load_tokenizer(tiny)


@pytest.fixture
def model(tiny):
    from effiskel_torch.modeling import add_lora, load_model

    torch.manual_seed(0)
    lora = add_lora(load_model(tiny), r=4, alpha=8, dropout=0.0, target_modules=("q_proj", "v_proj"))
    # peft starts B at zero (so the adapter is a no-op); random B makes every gradient informative.
    with torch.no_grad():
        for name, p in lora.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.1)
    return lora


@pytest.fixture
def batch(tokenizer):
    arrays = collate(encode_examples(EXAMPLES, tokenizer, 256), tokenizer.pad_token_id)
    return {k: torch.from_numpy(v) for k, v in arrays.items()}


def objective(model, batch, weights):
    from effiskel_torch.objective import LossContext, compute_objective, resolve_terms

    ctx = LossContext(model, batch)
    return compute_objective(resolve_terms(weights), ctx), ctx


def gradient(model, batch, weights) -> torch.Tensor:
    model.zero_grad(set_to_none=False)
    losses, _ = objective(model, batch, weights)
    losses.total.backward()
    return torch.cat([p.grad.flatten().clone() for p in model.parameters() if p.requires_grad])


def test_the_terms_are_registered_for_both_backends(host):
    assert {"code", "skeleton", "mask"} <= set(host.loss_terms.names())
    for name in ("code", "skeleton", "mask"):
        term = host.loss_terms.get(name)
        assert term.backends == {"torch", "jax"}
        assert callable(term.implementation("torch"))
    with pytest.raises(LookupError, match="no implementation for backend 'tpu'"):
        host.loss_terms.get("code").implementation("tpu")


def test_code_is_the_mean_next_token_cross_entropy_of_the_target(model, batch):
    losses, _ = objective(model, batch, {"code": 1.0})
    logits = model(input_ids=batch["code_input_ids"], attention_mask=batch["code_attention_mask"]).logits
    labels = batch["code_labels"][:, 1:]
    expected = torch.nn.functional.cross_entropy(
        logits[:, :-1].reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=IGNORE_INDEX)
    assert losses.values["code"] == pytest.approx(float(expected.detach()), rel=1e-5)
    assert losses.weights["code"] == int((labels != IGNORE_INDEX).sum())


def test_an_all_zero_mask_gives_zero_loss_and_zero_gradient(model, batch):
    batch["code_mask_weights"] = torch.zeros_like(batch["code_mask_weights"])
    losses, _ = objective(model, batch, {"mask": 1.0})
    assert losses.values["mask"] == 0.0 and float(losses.total) == 0.0
    grad = gradient(model, batch, {"mask": 1.0})
    assert torch.count_nonzero(grad) == 0
    # ...and next to code it changes nothing.
    assert torch.equal(gradient(model, batch, {"code": 1.0, "mask": 1.0}), gradient(model, batch, {"code": 1.0}))


def test_an_all_one_mask_equals_code(model, batch):
    batch["code_mask_weights"] = (batch["code_labels"] != IGNORE_INDEX).float()
    losses, _ = objective(model, batch, {"code": 1.0, "mask": 1.0})
    assert losses.values["mask"] == pytest.approx(losses.values["code"], rel=1e-6)
    assert torch.allclose(gradient(model, batch, {"mask": 1.0}), gradient(model, batch, {"code": 1.0}),
                          rtol=1e-5, atol=1e-8)


def test_the_gradient_is_the_weighted_sum_of_the_terms_gradients(model, batch):
    g = {name: gradient(model, batch, {name: 1.0}) for name in ("code", "skeleton", "mask")}
    assert all(torch.count_nonzero(v) > 0 for v in g.values())
    assert not torch.allclose(g["mask"], g["code"])
    for a, b, c in ((1.0, 1.0, 1.0), (1.0, 0.5, 0.25), (0.2, 3.0, 0.0), (0.0, 0.0, 2.0)):
        weights = {"code": a, "skeleton": b, "mask": c}
        expected = a * g["code"] + b * g["skeleton"] + c * g["mask"]
        assert torch.allclose(gradient(model, batch, weights), expected, rtol=1e-4, atol=1e-7), weights


def test_mask_reuses_the_code_forward_and_skeleton_never_sees_code_targets(model, batch):
    _, ctx = objective(model, batch, {"code": 1.0, "mask": 1.0})
    assert ctx.forwards == ["code"]
    _, ctx = objective(model, batch, {"code": 1.0, "skeleton": 1.0, "mask": 1.0})
    assert sorted(ctx.forwards) == ["code", "skeleton"]
    _, ctx = objective(model, batch, {"skeleton": 1.0})
    assert ctx.forwards == ["skeleton"]
    # With every code array removed the skeleton term still computes, to the same value.
    before, _ = objective(model, batch, {"skeleton": 1.0})
    skeleton_only = {k: v for k, v in batch.items() if k.startswith("skeleton_")}
    after, _ = objective(model, skeleton_only, {"skeleton": 1.0})
    assert after.values == before.values


def test_unknown_and_zero_weight_terms(model, batch):
    from effiskel_torch.objective import resolve_terms

    from effiskel.errors import EffiskelError, UnknownComponentError

    with pytest.raises(UnknownComponentError, match="no loss_term named 'nope'; known: code, mask, skeleton"):
        resolve_terms({"code": 1.0, "nope": 1.0})
    assert [t.name for t in resolve_terms({"code": 1.0, "mask": 0.0})] == ["code"]
    with pytest.raises(EffiskelError, match="no loss term with a non-zero weight"):
        resolve_terms({"code": 0.0})


THIRD_PARTY = '''
from effiskel import hookimpl
from effiskel_losses import FunctionLossTerm


def z_loss(ctx):
    """PaLM's z-loss on the code stream: the squared log-partition of every predicted position."""
    import torch

    logits = ctx.logits("code")[:, :-1].float()
    valid = (ctx.batch["code_labels"][:, 1:] != -100).float()
    return (torch.logsumexp(logits, dim=-1) ** 2 * valid).sum(), valid.sum()


@hookimpl
def effiskel_register_loss_terms(registry):
    registry.register(FunctionLossTerm("zloss", {"torch": z_loss}, version="1.0"))
'''


def test_a_third_party_term_trains_without_touching_the_backend(make_dist, host, tiny, tmp_path):
    from effiskel.train_config import parse_train_config

    make_dist("effiskel-zloss", THIRD_PARTY)
    assert "zloss" in host.loss_terms
    config = parse_train_config({
        "model": str(tiny), "output_dir": str(tmp_path / "run"),
        "training": {"max_steps": 2, "batch_size": 3, "max_length": 256},
        "loss": {"code": 1.0, "zloss": 0.01},
    })
    final = host.trainers.get("torch").train(config, EXAMPLES)
    records = [json.loads(line) for line in (tmp_path / "run" / "train_log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in records] == [1, 2]
    for r in records:
        assert set(r["terms"]) == {"code", "zloss"} and r["terms"]["zloss"] > 0
        assert r["total"] == pytest.approx(r["terms"]["code"] + 0.01 * r["terms"]["zloss"])
        assert set(r["tokens"]) == {"code"}  # no skeleton forward: no term asked for it
    assert (final / "adapter_model.safetensors").is_file()
    assert np.isfinite(records[-1]["total"])
