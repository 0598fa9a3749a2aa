"""Training examples: the prompt format, encoding through a real fast tokenizer, packing, batching."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effiskel.datamodel import (
    Parameter,
    Signature,
    Skeleton,
    Solution,
    Task,
    TaskKind,
    TrainingExample,
)
from effiskel.errors import DataError
from effiskel.tinymodel import train_tokenizer
from effiskel.training_data import (
    IGNORE_INDEX,
    TASK_TAGS,
    build_example,
    build_examples,
    collate,
    encode_examples,
    encode_prompt,
    global_batches,
    read_examples,
    render_prompt,
    task_prompt,
    write_examples,
)

TASK = Task(
    id="sum_pairs",
    statement="Count the pairs (i, j), i < j, with values[i] + values[j] == target.",
    signature=Signature("count_pairs", (Parameter("values", "list[int]"), Parameter("target", "int")), "int"),
)
CODE = (
    "def count_pairs(values, target):\n"
    "    seen = {}\n"
    "    total = 0\n"
    "    for v in values:\n"
    "        total += seen.get(target - v, 0)\n"
    "        seen[v] = seen.get(v, 0) + 1\n"
    "    return total\n"
)
# The skeleton keeps the dict and the loop's lookup; everything else is masked.
KEPT = ["seen = {}", "for v in values:", "seen.get(target - v, 0)"]


def skeleton_of(solution: Solution) -> Skeleton:
    spans = []
    for piece in KEPT:
        start = solution.source.index(piece)
        spans.append((start, start + len(piece)))
    rendered = "<MASK> " + " <MASK> ".join(KEPT)
    return Skeleton(solution.id, "hand", (), rendered, spans)


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    from transformers import AutoTokenizer

    folder = tmp_path_factory.mktemp("tok")
    texts = [CODE, TASK.statement, task_prompt(TASK, "python"), *TASK_TAGS.values()] * 3
    train_tokenizer(texts, folder, vocab_size=300)
    return AutoTokenizer.from_pretrained(folder, local_files_only=True)


@pytest.fixture
def example() -> TrainingExample:
    solution = Solution(TASK.id, "python", CODE)
    return build_example(TASK, solution, skeleton_of(solution))


def test_the_prompt_says_language_task_statement_signature_and_the_tag(example):
    assert example.prompt.startswith("Language: python\nTask: sum_pairs\n\nCount the pairs")
    assert "Signature: count_pairs(values: list[int], target: int) -> int" in example.prompt
    code, skel = render_prompt(example.prompt, "code"), render_prompt(example.prompt, "skeleton")
    assert code.endswith("### Solution\n") and skel.endswith("### Efficiency skeleton\n")
    assert code != skel and code.split("###")[0] == skel.split("###")[0]
    with pytest.raises(ValueError, match="unknown prompt task 'tests'"):
        render_prompt(example.prompt, "tests")
    stdio = Task(id="io", statement="Echo.", kind=TaskKind.STDIO)
    assert "standard input" in task_prompt(stdio, "cpp") and "Signature" not in task_prompt(stdio, "cpp")


def test_encoding_masks_the_prompt_and_ends_the_target_with_eos(tokenizer, example):
    [item] = encode_examples([example], tokenizer, 1024)
    for stream, target in (("code", example.code), ("skeleton", example.skeleton)):
        ids, labels = item[f"{stream}_input_ids"], item[f"{stream}_labels"]
        prompt = encode_prompt(tokenizer, example.prompt, stream)
        assert list(ids[: len(prompt)]) == prompt and prompt[0] == tokenizer.bos_token_id
        assert (labels[: len(prompt)] == IGNORE_INDEX).all()
        assert (labels[len(prompt):] == ids[len(prompt):]).all()
        assert ids[-1] == tokenizer.eos_token_id
        assert tokenizer.decode(ids[len(prompt):-1]) == target
    # The skeleton stream holds the skeleton prompt and target only: no code target in it.
    skeleton_text = tokenizer.decode(item["skeleton_input_ids"])
    assert "### Efficiency skeleton" in skeleton_text and "### Solution" not in skeleton_text
    assert "total = 0" not in skeleton_text


def test_mask_weights_cover_exactly_the_skeletons_characters(tokenizer, example):
    [item] = encode_examples([example], tokenizer, 1024, mask_rule="any")
    ids, weights, labels = item["code_input_ids"], item["code_mask_weights"], item["code_labels"]
    assert weights.shape == ids.shape and weights.dtype == np.float32
    assert (weights[labels == IGNORE_INDEX] == 0).all()  # the prompt carries no mask
    assert weights[-1] == 0  # EOS is trained by L_code only
    kept_text = "".join(tokenizer.decode([i]) for i, w in zip(ids, weights) if w > 0)
    squeezed = kept_text.replace(" ", "")
    for piece in KEPT:
        assert piece.replace(" ", "") in squeezed
    assert "total=0" not in squeezed and "return" not in squeezed
    # Every token fully inside a kept span weighs 1 under the default "fraction" rule too.
    [fraction] = encode_examples([example], tokenizer, 1024)
    assert set(np.unique(fraction["code_mask_weights"])) >= {0.0, 1.0}
    assert (fraction["code_mask_weights"] <= weights).all()


def test_overflow_truncates_drops_or_raises(tokenizer, example):
    prompt_len = max(len(encode_prompt(tokenizer, example.prompt, s)) for s in ("code", "skeleton"))
    limit = prompt_len + 5
    [item] = encode_examples([example], tokenizer, limit)
    assert len(item["code_input_ids"]) == limit and item["code_input_ids"][-1] != tokenizer.eos_token_id
    with pytest.raises(DataError, match="no training examples|none of the 1 examples fits"):
        encode_examples([example], tokenizer, limit, overflow="drop")
    with pytest.raises(DataError, match=r"solution sum_pairs/python/\w+.*more than max_length"):
        encode_examples([example], tokenizer, limit, overflow="error")
    with pytest.raises(DataError, match="prompt"):
        encode_examples([example], tokenizer, prompt_len - 1)


def test_packing_never_mixes_streams_and_restarts_positions(tokenizer, example):
    other = TrainingExample(
        task_id="sum_pairs", solution_id="x", prompt=example.prompt, code="def f():\n    return 1\n",
        skeleton="<MASK> return 1", skeleton_spans=[(13, 21)],
    )
    single = encode_examples([example, other, example], tokenizer, 4096)
    packed = encode_examples([example, other, example], tokenizer, 4096, packing=True)
    assert len(packed) == 1
    row = packed[0]
    for stream in ("code", "skeleton"):
        lengths = [len(s[f"{stream}_input_ids"]) for s in single]
        assert len(row[f"{stream}_input_ids"]) == sum(lengths)
        assert list(np.bincount(row[f"{stream}_segment_ids"])[1:]) == lengths
        starts = np.flatnonzero(row[f"{stream}_position_ids"] == 0)
        assert list(starts) == [0, lengths[0], lengths[0] + lengths[1]]
    assert "### Efficiency skeleton" not in tokenizer.decode(row["code_input_ids"])
    assert "### Solution" not in tokenizer.decode(row["skeleton_input_ids"])
    # A row is closed when either stream would overflow.
    tight = encode_examples([example, other, example], tokenizer, len(single[0]["code_input_ids"]) + 3,
                            packing=True)
    assert len(tight) == 3


def test_collate_pads_right_with_no_loss_on_padding(tokenizer, example):
    short = TrainingExample(task_id="t", solution_id="s", prompt="Task: t", code="x = 1\n",
                            skeleton="x = <MASK>", skeleton_spans=[(0, 3)])
    items = encode_examples([example, short], tokenizer, 1024)
    batch = collate(items, tokenizer.pad_token_id, pad_to_multiple_of=8)
    n = len(items[1]["code_input_ids"])
    width = batch["code_input_ids"].shape[1]
    assert width % 8 == 0 and width >= len(items[0]["code_input_ids"])
    assert (batch["code_attention_mask"][1, :n] == 1).all() and (batch["code_attention_mask"][1, n:] == 0).all()
    assert (batch["code_labels"][1, n:] == IGNORE_INDEX).all()
    assert (batch["code_mask_weights"][1, n:] == 0).all()
    assert (batch["code_input_ids"][1, n:] == tokenizer.pad_token_id).all()
    assert list(batch["code_position_ids"][1, :4]) == [0, 1, 2, 3]
    assert set(batch) >= {"skeleton_attention_mask", "skeleton_labels", "skeleton_input_ids"}
    with pytest.raises(ValueError, match="pad_to=4"):
        collate(items, 0, pad_to=4)


def test_global_batches_are_a_fixed_function_of_seed_and_step():
    seen = np.concatenate([global_batches(10, 3, seed=1, step=s) for s in range(3)])
    assert len(set(seen.tolist())) == 9  # one epoch: no repeats, remainder dropped
    assert (global_batches(10, 3, 1, 4) == global_batches(10, 3, 1, 4)).all()
    assert not (np.concatenate([global_batches(10, 3, 2, s) for s in range(3)]) == seen).all()
    with pytest.raises(DataError, match="cannot fill a global batch of 4"):
        global_batches(3, 4, 0, 0)


def test_examples_round_trip_and_bad_records_are_named(tmp_path, example):
    path = tmp_path / "examples.jsonl"
    assert write_examples(path, [example, example]) == 2
    assert read_examples(path) == [example, example]
    record = json.loads(path.read_text().splitlines()[0])
    record["skeleton_spans"] = "everything"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(DataError, match="line 1.*skeleton_spans"):
        read_examples(path)


def test_building_checks_that_solution_skeleton_and_task_belong_together(example):
    solution = Solution(TASK.id, "python", CODE)
    stranger = Skeleton("someone/else", "hand", (), "x", [])
    with pytest.raises(DataError, match="belongs to solution 'someone/else'"):
        build_example(TASK, solution, stranger)
    with pytest.raises(DataError, match="no task 'sum_pairs'"):
        build_examples([], [(solution, skeleton_of(solution))])
    outside = Skeleton(solution.id, "hand", (), "x", [(0, 10_000)])
    with pytest.raises(ValueError, match="outside a source"):
        build_example(TASK, solution, outside)


def test_examples_from_skeleton_records_pick_one_strategy_and_skip_failures():
    from effiskel.datamodel import SkeletonFailure
    from effiskel.extraction import SkeletonRecord
    from effiskel.training_data import examples_from_records

    solution = Solution(TASK.id, "python", CODE, origin="suite:efficient")
    ok = SkeletonRecord(TASK.id, "python", solution.origin, CODE, skeleton_of(solution))
    other = SkeletonRecord(TASK.id, "python", solution.origin, CODE,
                           Skeleton(solution.id, "syntactic", (), "x", [(0, 3)]))
    failed = SkeletonRecord(TASK.id, "python", solution.origin, CODE,
                            SkeletonFailure(solution.id, "hand", "does not parse"))
    examples, skipped = examples_from_records([TASK], [ok, failed, other], strategy="hand")
    assert skipped == 1 and [e.skeleton_spans for e in examples] == [ok.outcome.spans]
    with pytest.raises(DataError, match="several strategies \\(hand, syntactic\\)"):
        examples_from_records([TASK], [ok, other])
    with pytest.raises(DataError, match="no skeleton record of strategy 'dynamic'"):
        examples_from_records([TASK], [ok], strategy="dynamic")
    edited = SkeletonRecord(TASK.id, "python", solution.origin, CODE + "# edited\n", skeleton_of(solution))
    with pytest.raises(DataError, match="does not hash to its solution id"):
        examples_from_records([TASK], [edited])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(st.sampled_from(list("abc xy=+()[]:\n\t01é")), min_size=1, max_size=60), data=st.data())
def test_any_code_and_spans_encode_to_its_own_tokens_and_a_mask_inside_the_spans(tokenizer, code, data):
    bounds = sorted(data.draw(st.lists(st.integers(0, len(code)), max_size=6)))
    spans = list(zip(bounds[::2], bounds[1::2]))
    example = TrainingExample(task_id="t", solution_id="s", prompt="Task: t", code=code, skeleton="<MASK>",
                              skeleton_spans=spans)
    [item] = encode_examples([example], tokenizer, 4096, mask_rule="any")
    prompt = encode_prompt(tokenizer, "Task: t", "code")
    ids, weights = item["code_input_ids"], item["code_mask_weights"]
    assert tokenizer.decode(ids[len(prompt):-1]) == code
    inside = np.zeros(len(code), dtype=bool)
    for a, b in spans:
        inside[a:b] = True
    offsets = tokenizer(code, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]
    assert len(offsets) == len(ids) - len(prompt) - 1
    for (start, end), w in zip(offsets, weights[len(prompt):-1]):
        content = [i for i in range(start, end) if not code[i].isspace()]
        assert w == (1.0 if any(inside[i] for i in content) else 0.0)
