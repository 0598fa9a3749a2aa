"""Training examples: the prompt format, building examples, encoding them for a tokenizer, batching.

The prompt format (the same at training and generation time)::

    Language: python
    Task: two_sum

    <the task's statement>

    Signature: two_sum(nums: list[int], target: int) -> list[int]

    ### Solution                <- the code task's tag; "### Efficiency skeleton" for the skeleton task

followed by the target (the code, or the rendered skeleton) and the tokenizer's EOS token.

Encoding (:func:`encode_examples`) tokenises the prompt and the target *separately*: the prompt
as ``[BOS] + tokens(prompt)`` (BOS only if the tokenizer has one), the target as
``tokens(target) + [EOS]``. Generation encodes its prompt the same way
(:func:`encode_prompt`), so a model sees at inference exactly the token boundary it was trained
on. Labels follow the Hugging Face convention: ``labels`` is aligned with ``input_ids`` (not
shifted), ``-100`` where there is no loss (the prompt, padding); the loss at position ``t``
compares the logits at ``t - 1`` with ``labels[t]``. ``code_mask_weights`` is aligned with
``code_labels``: the weight of predicting that position's label in ``L_mask``, from the
skeleton's character spans through the tokenizer's offset mapping
(:func:`effiskel.skeleton.token_mask`; EOS gets 0).

This module needs only numpy (no torch, no jax): both backends share it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .datamodel import Skeleton, Solution, Task, TaskKind, TrainingExample
from .errors import DataError
from .serialization import read_json_lines, structure, unstructure
from .skeleton import token_mask

IGNORE_INDEX = -100

#: The tag line that ends the prompt of each task the model is trained on.
TASK_TAGS: dict[str, str] = {
    "code": "### Solution",
    "skeleton": "### Efficiency skeleton",
}

#: The keys of one encoded example (packed examples add ``*_position_ids`` and ``*_segment_ids``).
EXAMPLE_KEYS = ("code_input_ids", "code_labels", "code_mask_weights", "skeleton_input_ids", "skeleton_labels")
STREAMS = ("code", "skeleton")


# -- the prompt format -------------------------------------------------------------------------

def signature_text(task: Task) -> str | None:
    """``name(a: int, b: list[int]) -> int``; untyped (``py``) parameters are shown by name only."""
    sig = task.signature
    if sig is None:
        return None
    params = ", ".join(p.name if p.type in ("py", "") else f"{p.name}: {p.type}" for p in sig.parameters)
    returns = "" if sig.returns in ("py", "", "None") else f" -> {sig.returns}"
    return f"{sig.entry_point}({params}){returns}"


def task_prompt(task: Task, language: str) -> str:
    """The task part of the prompt: language, task id, statement and (function tasks) signature."""
    lines = [f"Language: {language}", f"Task: {task.id}", "", task.statement.strip()]
    signature = signature_text(task) if task.kind is TaskKind.FUNCTION else None
    if signature:
        lines += ["", f"Signature: {signature}"]
    if task.kind is TaskKind.STDIO:
        lines += ["", "Read the input from standard input and write the answer to standard output."]
    return "\n".join(lines)


def render_prompt(prompt: str, task: str = "code") -> str:
    """The full prompt text for the ``code`` or ``skeleton`` task, ending where the target starts."""
    try:
        tag = TASK_TAGS[task]
    except KeyError:
        raise ValueError(f"unknown prompt task {task!r}; known: {', '.join(TASK_TAGS)}") from None
    return f"{prompt.rstrip()}\n\n{tag}\n"


# -- building examples -------------------------------------------------------------------------

def build_example(task: Task, solution: Solution, skeleton: Skeleton) -> TrainingExample:
    """The training example of one solution and its skeleton; mismatches raise DataError."""
    if skeleton.solution_id != solution.id:
        raise DataError(f"the skeleton belongs to solution {skeleton.solution_id!r}, not {solution.id!r}",
                        record=solution.id, field="solution_id")
    if solution.task_id != task.id:
        raise DataError(f"solution {solution.id} is of task {solution.task_id!r}, not {task.id!r}",
                        record=solution.id, field="task_id")
    skeleton.char_mask(len(solution.source))  # raises, naming the solution, if a span is outside
    return TrainingExample(
        task_id=task.id,
        solution_id=solution.id,
        prompt=task_prompt(task, solution.language),
        code=solution.source,
        skeleton=skeleton.rendered,
        skeleton_spans=skeleton.spans,
        language=solution.language,
    )


def build_examples(
    tasks: Iterable[Task] | Mapping[str, Task],
    pairs: Iterable[tuple[Solution, Skeleton]],
) -> list[TrainingExample]:
    """One example per (solution, skeleton) pair, in order; an unknown task raises DataError."""
    by_id = dict(tasks) if isinstance(tasks, Mapping) else {t.id: t for t in tasks}
    examples = []
    for solution, skeleton in pairs:
        task = by_id.get(solution.task_id)
        if task is None:
            raise DataError(f"no task {solution.task_id!r} among the {len(by_id)} tasks given",
                            record=solution.id, field="task_id")
        examples.append(build_example(task, solution, skeleton))
    return examples


def examples_from_records(
    tasks: Iterable[Task] | Mapping[str, Task],
    records: Iterable[Any],
    *,
    strategy: str | None = None,
) -> tuple[list[TrainingExample], int]:
    """Training examples from skeleton records (what ``effiskel skeleton --output`` writes).

    ``records`` are :class:`effiskel.extraction.SkeletonRecord` objects. Only records of
    ``strategy`` are used; when it is ``None`` the records must all be of one strategy.
    Returns the examples and how many failure records were skipped.
    """
    records = list(records)
    strategies = sorted({r.strategy for r in records})
    if strategy is None:
        if len(strategies) > 1:
            raise DataError(f"the skeleton records hold several strategies ({', '.join(strategies)}); "
                            "choose one")
    elif strategy not in strategies:
        raise DataError(f"no skeleton record of strategy {strategy!r}; the records hold: "
                        f"{', '.join(strategies) or 'none'}")
    pairs = []
    failures = 0
    for record in records:
        if strategy is not None and record.strategy != strategy:
            continue
        if not record.ok:
            failures += 1
            continue
        solution = Solution(record.task_id, record.language, record.source, origin=record.origin)
        if solution.id != record.solution_id:
            raise DataError(f"the skeleton record's source does not hash to its solution id "
                            f"{record.solution_id!r} (got {solution.id!r})", record=record.solution_id)
        pairs.append((solution, record.outcome))
    return build_examples(tasks, pairs), failures


def write_examples(path: str | Path, examples: Iterable[TrainingExample]) -> int:
    """Write examples as JSON lines; returns how many were written."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for example in examples:
            f.write(json.dumps(unstructure(example), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_examples(path: str | Path) -> list[TrainingExample]:
    """Read JSON-lines examples; a bad line raises DataError naming the file and line."""
    examples = [structure(TrainingExample, data, path=str(path), record=f"line {number}")
                for number, data in read_json_lines(path)]
    if not examples:
        raise DataError("no training examples in the file", path=str(path))
    return examples


# -- encoding ----------------------------------------------------------------------------------

def _special_id(tokenizer: Any, name: str) -> int | None:
    value = getattr(tokenizer, f"{name}_token_id", None)
    return int(value) if value is not None else None


def encode_prompt(tokenizer: Any, prompt: str, task: str = "code") -> list[int]:
    """The token ids of the rendered prompt, as training saw them: ``[BOS] + tokens(prompt)``."""
    ids = list(tokenizer(render_prompt(prompt, task), add_special_tokens=False)["input_ids"])
    bos = _special_id(tokenizer, "bos")
    return [bos, *ids] if bos is not None else ids


def _eos(tokenizer: Any) -> int:
    eos = _special_id(tokenizer, "eos")
    if eos is None:
        raise DataError("the tokenizer has no EOS token; a target needs one to end")
    return eos


def _stream(prompt_ids: list[int], target_ids: list[int], eos: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.asarray([*prompt_ids, *target_ids, eos], dtype=np.int64)
    labels = ids.copy()
    labels[: len(prompt_ids)] = IGNORE_INDEX
    return ids, labels


def encode_example(
    example: TrainingExample,
    tokenizer: Any,
    max_length: int,
    *,
    mask_rule: str = "fraction",
    overflow: str = "truncate",
) -> dict[str, np.ndarray] | None:
    """Encode one example (see the module docstring); ``None`` when ``overflow="drop"`` drops it.

    A stream longer than ``max_length`` loses the end of its target under ``"truncate"`` (the
    EOS with it); under ``"error"`` it raises. A prompt that leaves no room for a single target
    token raises DataError naming the example whatever ``overflow`` is (except ``"drop"``).
    """
    eos = _eos(tokenizer)
    where = f"task {example.task_id}, solution {example.solution_id}"
    code = tokenizer(example.code, add_special_tokens=False, return_offsets_mapping=True)
    code_ids = list(code["input_ids"])
    offsets = [tuple(o) for o in code["offset_mapping"]]
    mask = np.zeros(len(example.code), dtype=np.uint8)
    for start, end in example.skeleton_spans:
        if not 0 <= start <= end <= len(example.code):
            raise DataError(f"skeleton span ({start}, {end}) outside a code of {len(example.code)} characters",
                            record=where, field="skeleton_spans")
        mask[start:end] = 1
    # The EOS closing the target has an empty span: token_mask gives it 0 (L_code trains it).
    weights = token_mask(mask, [*offsets, (0, 0)], rule=mask_rule, text=example.code,
                         special=[0] * len(offsets) + [1])
    skeleton_ids = list(tokenizer(example.skeleton, add_special_tokens=False)["input_ids"])

    out: dict[str, np.ndarray] = {}
    for stream, target, extra in (("code", code_ids, weights), ("skeleton", skeleton_ids, None)):
        prompt_ids = encode_prompt(tokenizer, example.prompt, stream)
        ids, labels = _stream(prompt_ids, target, eos)
        full = np.zeros(len(ids), dtype=np.float32)
        if extra is not None:
            full[len(prompt_ids):] = extra
        if len(ids) > max_length:
            if overflow == "drop":
                return None
            if overflow == "error" or len(prompt_ids) >= max_length:
                raise DataError(
                    f"the {stream} stream has {len(ids)} tokens (prompt {len(prompt_ids)}), more than "
                    f"max_length {max_length}", record=where)
            ids, labels, full = ids[:max_length], labels[:max_length], full[:max_length]
        out[f"{stream}_input_ids"] = ids
        out[f"{stream}_labels"] = labels
        if extra is not None:
            out["code_mask_weights"] = full
    return out


def encode_examples(
    examples: Sequence[TrainingExample],
    tokenizer: Any,
    max_length: int,
    *,
    mask_rule: str | None = None,
    overflow: str = "truncate",
    packing: bool = False,
) -> list[dict[str, np.ndarray]]:
    """Encode examples for ``tokenizer`` (any Hugging Face fast tokenizer); optionally pack them.

    Each result holds the keys of :data:`EXAMPLE_KEYS` as 1-D numpy arrays. With ``packing``,
    consecutive examples share a row as long as both their code streams and their skeleton
    streams fit in ``max_length``; the code row holds only code prompts and targets, the skeleton
    row only skeleton ones, and ``*_position_ids`` restart at 0 and ``*_segment_ids`` count up
    (1, 2, ...) at each example, so a backend can keep examples from attending to each other.
    """
    if not getattr(tokenizer, "is_fast", False):
        raise DataError("encoding needs a fast tokenizer (one that gives an offset mapping)")
    rule = mask_rule or "fraction"
    encoded = []
    for example in examples:
        item = encode_example(example, tokenizer, max_length, mask_rule=rule, overflow=overflow)
        if item is not None:
            encoded.append(item)
    if not encoded:
        raise DataError(f"none of the {len(examples)} examples fits in max_length {max_length}")
    return pack(encoded, max_length) if packing else encoded


def pack(encoded: Sequence[Mapping[str, np.ndarray]], max_length: int) -> list[dict[str, np.ndarray]]:
    """Greedily concatenate encoded examples into rows of at most ``max_length`` tokens per stream."""
    rows: list[list[Mapping[str, np.ndarray]]] = []
    sizes = {s: 0 for s in STREAMS}
    for item in encoded:
        lengths = {s: len(item[f"{s}_input_ids"]) for s in STREAMS}
        if rows and all(sizes[s] + lengths[s] <= max_length for s in STREAMS):
            rows[-1].append(item)
            for s in STREAMS:
                sizes[s] += lengths[s]
        else:
            rows.append([item])
            sizes = dict(lengths)
    packed = []
    for row in rows:
        out: dict[str, np.ndarray] = {}
        for key in EXAMPLE_KEYS:
            out[key] = np.concatenate([item[key] for item in row])
        for s in STREAMS:
            pieces = [len(item[f"{s}_input_ids"]) for item in row]
            out[f"{s}_position_ids"] = np.concatenate([np.arange(n, dtype=np.int64) for n in pieces])
            out[f"{s}_segment_ids"] = np.concatenate(
                [np.full(n, i + 1, dtype=np.int64) for i, n in enumerate(pieces)])
        packed.append(out)
    return packed


def collate(
    items: Sequence[Mapping[str, np.ndarray]],
    pad_token_id: int,
    *,
    pad_to: int | None = None,
    pad_to_multiple_of: int | None = None,
) -> dict[str, np.ndarray]:
    """Pad encoded examples (right side) into a batch of 2-D arrays.

    Adds ``code_attention_mask`` / ``skeleton_attention_mask`` (1 on real tokens),
    ``*_position_ids`` (0, 1, ... per row unless packing gave them) and ``*_segment_ids``
    (1 on real tokens unless packing gave them, 0 on padding). Padding has label -100 and mask
    weight 0. ``pad_to`` pads every stream to that length; ``pad_to_multiple_of`` rounds up.
    """
    if not items:
        raise ValueError("collate: an empty batch")
    batch: dict[str, np.ndarray] = {}
    for s in STREAMS:
        lengths = [len(item[f"{s}_input_ids"]) for item in items]
        width = max(lengths) if pad_to is None else pad_to
        if pad_to is not None and max(lengths) > pad_to:
            raise ValueError(f"collate: a {s} row has {max(lengths)} tokens, more than pad_to={pad_to}")
        if pad_to_multiple_of:
            width = -(-width // pad_to_multiple_of) * pad_to_multiple_of
        n = len(items)
        ids = np.full((n, width), pad_token_id, dtype=np.int64)
        labels = np.full((n, width), IGNORE_INDEX, dtype=np.int64)
        attention = np.zeros((n, width), dtype=np.int64)
        positions = np.zeros((n, width), dtype=np.int64)
        segments = np.zeros((n, width), dtype=np.int64)
        weights = np.zeros((n, width), dtype=np.float32) if s == "code" else None
        for row, (item, length) in enumerate(zip(items, lengths)):
            ids[row, :length] = item[f"{s}_input_ids"]
            labels[row, :length] = item[f"{s}_labels"]
            attention[row, :length] = 1
            positions[row, :length] = item.get(f"{s}_position_ids", np.arange(length))
            segments[row, :length] = item.get(f"{s}_segment_ids", np.ones(length, dtype=np.int64))
            if weights is not None:
                weights[row, :length] = item["code_mask_weights"]
        batch[f"{s}_input_ids"] = ids
        batch[f"{s}_labels"] = labels
        batch[f"{s}_attention_mask"] = attention
        batch[f"{s}_position_ids"] = positions
        batch[f"{s}_segment_ids"] = segments
        if weights is not None:
            batch["code_mask_weights"] = weights
    return batch


def epoch_order(count: int, seed: int, epoch: int) -> np.ndarray:
    """The order examples are visited in during ``epoch``: a permutation fixed by (seed, epoch).

    Backends draw batches from it, so a resumed run continues with exactly the batches an
    uninterrupted run would have seen.
    """
    return np.random.default_rng([seed, epoch]).permutation(count)


def global_batches(count: int, global_batch: int, seed: int, step: int) -> np.ndarray:
    """The example indices of optimizer micro-step ``step`` (0-based) for a global batch size.

    Steps walk through epoch permutations (:func:`epoch_order`); a batch never spans two epochs
    (the short remainder of an epoch is dropped, so every batch has ``global_batch`` examples
    as long as ``count >= global_batch``).
    """
    if count < global_batch:
        raise DataError(f"{count} examples cannot fill a global batch of {global_batch}; "
                        "lower batch_size or add examples")
    per_epoch = count // global_batch
    epoch, index = divmod(step, per_epoch)
    order = epoch_order(count, seed, epoch)
    return order[index * global_batch:(index + 1) * global_batch]
