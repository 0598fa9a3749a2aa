"""Training-step time and memory of the torch backend: code only, code + mask, all three terms.

A small random Llama (hidden 128, 2 layers, a BPE vocabulary of 1000 trained on the suite)
takes one optimizer step (forwards, the objective, backward, AdamW on the LoRA adapters) on
four suite solutions with their lexical skeletons. Goals (issue 5): ``mask`` adds at most 5%
step time to code-only (it reuses the code forward); ``skeleton`` costs no more than its share
of extra tokens, +10%.

Torch runs on one thread here: on a shared machine more threads than free cores make every
small kernel wait, and the figures drift with the neighbours' load.

Memory is the bytes autograd holds for the backward pass at its peak (every tensor saved for
backward, each storage counted once), which is what the extra terms could add; on a GPU the
allocator's peak is recorded too. Run:
``pytest benchmarks/test_training_step.py --benchmark-only --benchmark-json=step.json``;
each variant's ``extra_info`` holds its tokens and memory, and the summary prints the overheads.
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from effiskel import get_host
from effiskel.datasets.suite import load_suite
from effiskel.extraction import extract_all, solution_groups
from effiskel.tinymodel import write_tiny_model
from effiskel.training_data import build_examples, collate, encode_examples, task_prompt

from .conftest import record_time

TASKS = ("count_primes", "anagram_groups", "kth_smallest", "intersection_size")
VARIANTS = {
    "baseline": {"code": 1.0},
    "code+mask": {"code": 1.0, "mask": 1.0},
    "all": {"code": 1.0, "skeleton": 1.0, "mask": 1.0},
}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    from effiskel_torch.modeling import add_lora, load_model, load_tokenizer

    tasks = [t for t in load_suite() if t.id in TASKS]
    groups = solution_groups(tasks, language="python")
    records = extract_all(groups, [get_host().strategies.get("lexical")])
    pairs = [(s, r.outcome) for (_, g) in groups for s in g.efficient for r in records
             if r.ok and r.solution_id == s.id]
    examples = build_examples(tasks, pairs)[:4]
    assert len(examples) == 4
    folder = tmp_path_factory.mktemp("bench-model")
    texts = [e.code for e in examples] + [e.skeleton for e in examples] + [task_prompt(t, "python") for t in tasks]
    write_tiny_model(texts, folder, vocab_size=1000, hidden_size=128, num_layers=2, num_heads=4,
                     num_kv_heads=2, intermediate_size=344)
    tokenizer = load_tokenizer(folder)
    batch = {k: torch.from_numpy(v) for k, v in
             collate(encode_examples(examples, tokenizer, 1024), tokenizer.pad_token_id).items()}
    torch.manual_seed(0)
    model = add_lora(load_model(folder), r=8, alpha=32, dropout=0.1, target_modules=("q_proj", "v_proj"))
    model.train()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield model, batch
    torch.set_num_threads(threads)


def saved_bytes_hook():
    """A saved-tensors hook pair that notes the storage of every tensor kept for backward."""
    storages: dict[int, int] = {}

    def pack(t):
        storage = t.untyped_storage()
        storages[storage.data_ptr()] = storage.nbytes()
        return t

    return storages, pack


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_training_step(benchmark, setup, variant):
    from effiskel_torch.objective import LossContext, compute_objective, resolve_terms

    model, batch = setup
    terms = resolve_terms(VARIANTS[variant])
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=1e-4)
    figures = {}

    def step():
        optimizer.zero_grad(set_to_none=True)
        storages, pack = saved_bytes_hook()
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            ctx = LossContext(model, batch)
            losses = compute_objective(terms, ctx)
        losses.total.backward()
        optimizer.step()
        figures["saved_mb"] = sum(storages.values()) / 2**20
        figures["forwards"] = list(ctx.forwards)
        return losses

    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    benchmark.group = "training-step"
    losses = benchmark.pedantic(step, rounds=5, warmup_rounds=1)
    assert set(losses.values) == set(VARIANTS[variant])
    assert all(torch.isfinite(torch.tensor(v)) for v in losses.values.values())
    tokens = {s: int(batch[f"{s}_attention_mask"].sum()) for s in figures["forwards"]}
    # What the forward passes compute on: every row padded to the batch's longest.
    padded = {s: int(batch[f"{s}_input_ids"].numel()) for s in figures["forwards"]}
    benchmark.extra_info.update(tokens=tokens, padded_tokens=padded,
                                saved_for_backward_mb=round(figures["saved_mb"], 2))
    if torch.cuda.is_available():
        benchmark.extra_info["cuda_peak_mb"] = torch.cuda.max_memory_allocated() / 2**20
    # mask reuses the code forward: no extra forward pass, (almost) no extra memory held.
    expected_forwards = ["code", "skeleton"] if "skeleton" in VARIANTS[variant] else ["code"]
    assert sorted(figures["forwards"]) == expected_forwards
    setup_figures = _FIGURES.setdefault("saved_mb", {})
    setup_figures[variant] = figures["saved_mb"]
    if variant == "code+mask" and "baseline" in setup_figures:
        assert setup_figures["code+mask"] <= setup_figures["baseline"] * 1.02
    record_time(benchmark, "training-step", variant)


_FIGURES: dict[str, dict[str, float]] = {}
