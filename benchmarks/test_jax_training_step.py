"""Training-step time and memory of the jax backend: code only, code + mask, all three terms.

The same setting as the torch benchmark (benchmarks/test_training_step.py): a small random Llama
(hidden 256, 4 layers, a BPE vocabulary of 2000 trained on the suite) takes one optimizer step
(forwards, the objective, backward, AdamW on the LoRA adapters) on four suite solutions with their
lexical skeletons, compiled once with ``jax.jit``. Goals (issue 5): ``mask`` adds at most 5% step
time to code-only (it reuses the code forward); ``skeleton`` costs no more than its share of extra
tokens, +10%.

Memory is XLA's own figure for the compiled step: the temporary buffers it needs
(``memory_analysis().temp_size_in_bytes``), which is what extra terms could add; XLA's flop
count of the step (``cost_analysis()``) is recorded too, a figure a busy machine cannot blur. Run:
``pytest benchmarks/test_jax_training_step.py --benchmark-only --benchmark-json=jax-step.json``.
"""

from __future__ import annotations

import pytest

jax = pytest.importorskip("jax")
pytest.importorskip("flax")
pytest.importorskip("torch")  # the tiny checkpoint is written with transformers' torch model

from effiskel import get_host  # noqa: E402
from effiskel.datasets.suite import load_suite  # noqa: E402
from effiskel.extraction import extract_all, solution_groups  # noqa: E402
from effiskel.tinymodel import write_tiny_model  # noqa: E402
from effiskel.train_config import LoraSettings  # noqa: E402
from effiskel.training_data import (  # noqa: E402
    build_examples,
    collate,
    encode_examples,
    task_prompt,
)

from .conftest import record_time  # noqa: E402

TASKS = ("count_primes", "anagram_groups", "kth_smallest", "intersection_size")
VARIANTS = {
    "baseline": {"code": 1.0},
    "code+mask": {"code": 1.0, "mask": 1.0},
    "all": {"code": 1.0, "skeleton": 1.0, "mask": 1.0},
}
_FIGURES: dict[str, dict] = {}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    import jax.numpy as jnp
    from effiskel_jax.hf_checkpoint import load_llama
    from effiskel_jax.lora import apply_lora
    from effiskel_jax.tokenizer import load_tokenizer
    from flax import nnx

    tasks = [t for t in load_suite() if t.id in TASKS]
    groups = solution_groups(tasks, language="python")
    records = extract_all(groups, [get_host().strategies.get("lexical")])
    pairs = [
        (s, r.outcome)
        for (_, g) in groups
        for s in g.efficient
        for r in records
        if r.ok and r.solution_id == s.id
    ]
    examples = build_examples(tasks, pairs)[:4]
    assert len(examples) == 4
    folder = tmp_path_factory.mktemp("bench-model")
    texts = (
        [e.code for e in examples]
        + [e.skeleton for e in examples]
        + [task_prompt(t, "python") for t in tasks]
    )
    write_tiny_model(
        texts,
        folder,
        vocab_size=2000,
        hidden_size=256,
        num_layers=4,
        num_heads=8,
        num_kv_heads=4,
        intermediate_size=688,
    )
    tokenizer = load_tokenizer(folder)
    batch = {
        k: jnp.asarray(v)
        for k, v in collate(
            encode_examples(examples, tokenizer, 1024), tokenizer.pad_token_id
        ).items()
    }
    model = apply_lora(load_llama(folder), LoraSettings(r=8, alpha=32.0, dropout=0.1), seed=0)
    return nnx.split(model, nnx.LoRAParam, ...), batch


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_jax_training_step(benchmark, setup, variant):
    import optax
    from effiskel_jax.trainer import LossContext, objective, resolve_terms
    from flax import nnx

    (graphdef, adapter, frozen), batch = setup
    terms = resolve_terms(VARIANTS[variant])
    tx = optax.adamw(1e-4)
    forwards: list[str] = []

    def step(adapter, opt_state, key):
        def loss(adapter):
            ctx = LossContext(
                nnx.merge(graphdef, adapter, frozen), batch, packed=False, dropout_key=key
            )
            total, values = objective(terms, ctx)
            forwards[:] = ctx.forwards
            return total, values

        (_, values), grads = jax.value_and_grad(loss, has_aux=True)(adapter)
        updates, opt_state = tx.update(grads, opt_state, adapter)
        return optax.apply_updates(adapter, updates), opt_state, values

    key = jax.random.key(0)
    compiled = jax.jit(step).lower(adapter, tx.init(adapter), key).compile()
    state = {"adapter": adapter, "opt": tx.init(adapter)}

    def run():
        state["adapter"], state["opt"], values = compiled(state["adapter"], state["opt"], key)
        jax.block_until_ready(state["adapter"])
        return values

    benchmark.group = "jax-training-step"
    values = benchmark.pedantic(run, rounds=5, warmup_rounds=1)
    assert set(values) == set(VARIANTS[variant])
    assert all(bool(jax.numpy.isfinite(v)) for v in values.values())
    expected_forwards = ["code", "skeleton"] if "skeleton" in VARIANTS[variant] else ["code"]
    assert forwards == expected_forwards  # mask reuses the code forward
    memory = compiled.memory_analysis()
    temp = int(getattr(memory, "temp_size_in_bytes", 0) or 0) if memory is not None else 0
    cost = compiled.cost_analysis()
    cost = cost[0] if isinstance(cost, list) else cost
    tokens = {s: int(batch[f"{s}_attention_mask"].sum()) for s in forwards}
    # XLA's flop count does not depend on how busy the machine is: the steady figure to compare.
    benchmark.extra_info.update(
        tokens=tokens,
        xla_temp_mb=round(temp / 2**20, 2),
        gflops=round(float((cost or {}).get("flops", 0.0)) / 1e9, 3),
    )
    flops = float((cost or {}).get("flops", 0.0))
    _FIGURES[variant] = {"temp": temp, "flops": flops, "tokens": tokens}
    base = _FIGURES.get("baseline")
    if variant == "code+mask" and base:
        # The mask term keeps no activations of its own and adds no forward: (almost) nothing.
        assert temp <= base["temp"] * 1.05, (temp, base["temp"])
        assert flops <= base["flops"] * 1.05, (flops, base["flops"])
    if variant == "all" and base and base["flops"]:
        # The skeleton stream costs its share of extra tokens, +10% at most.
        share = sum(tokens.values()) / base["tokens"]["code"]
        assert flops <= base["flops"] * share * 1.10, (flops / base["flops"], share)
    record_time(benchmark, "jax-training-step", variant)
