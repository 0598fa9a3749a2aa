"""Sampling completions from a trained adapter (or a plain local model) with the training prompt format.

Settings (all optional):

``n``               completions per prompt (default 1);
``temperature``     0 (the default) decodes greedily, which gives one completion: n must be 1;
``top_p``           nucleus sampling threshold (default 1.0: off);
``max_new_tokens``  default 512;
``seed``            seeds the sampling (default 0), so a call is repeatable;
``batch_size``      prompts per ``generate`` call (default 8);
``raw``             true: the prompts are complete texts, used as they are (no prompt format).

A prompt is the task part of the prompt (:func:`effiskel.training_data.task_prompt`); it is
rendered with the code task's tag and encoded exactly as in training
(:func:`effiskel.training_data.encode_prompt`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import torch

from effiskel.errors import EffiskelError
from effiskel.train_config import CHECKPOINT_META as METADATA
from effiskel.training_data import encode_prompt

from .modeling import (DTYPES, intra_op_threads, load_model, load_tokenizer, pad_id, quiet_peft, require_dir,
                       valid_threads)

SETTINGS = {"n", "temperature", "top_p", "max_new_tokens", "seed", "batch_size", "raw", "dtype", "threads"}


def load_for_generation(checkpoint: Path, dtype: str = "float32") -> tuple[Any, Any]:
    """The model (base + adapter when ``checkpoint`` is an adapter) and tokenizer in ``checkpoint``."""
    folder = require_dir(checkpoint, "the checkpoint")
    if (folder / "adapter_config.json").is_file():
        from peft import PeftModel

        meta = folder / METADATA
        if meta.is_file():
            base = Path(json.loads(meta.read_text())["base_model"])
        else:
            base = Path(json.loads((folder / "adapter_config.json").read_text())["base_model_name_or_path"])
        with quiet_peft():
            model = PeftModel.from_pretrained(load_model(base, dtype), folder, local_files_only=True)
        has_tokenizer = (folder / "tokenizer.json").is_file() or (folder / "tokenizer_config.json").is_file()
        tokenizer = load_tokenizer(folder if has_tokenizer else base)
    else:
        model, tokenizer = load_model(folder, dtype), load_tokenizer(folder)
    model.eval()
    return model, tokenizer


def check_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(settings) - SETTINGS)
    if unknown:
        raise EffiskelError(f"unknown generation settings {unknown}; known: {', '.join(sorted(SETTINGS))}")
    s = {"n": 1, "temperature": 0.0, "top_p": 1.0, "max_new_tokens": 512, "seed": 0, "batch_size": 8,
         "raw": False, "dtype": "float32", "threads": None, **settings}
    if not (isinstance(s["n"], int) and s["n"] >= 1):
        raise EffiskelError(f"generation setting n must be a positive integer, got {s['n']!r}")
    if s["temperature"] < 0 or not 0 < s["top_p"] <= 1:
        raise EffiskelError("generation needs temperature >= 0 and 0 < top_p <= 1")
    if s["temperature"] == 0 and s["n"] > 1:
        raise EffiskelError(f"greedy decoding (temperature 0) gives one completion, not n={s['n']}; "
                            "set a temperature above 0 to sample several")
    if s["dtype"] not in DTYPES:
        raise EffiskelError(f"generation setting dtype must be one of {', '.join(DTYPES)}")
    if not valid_threads(s["threads"]):
        raise EffiskelError(f"generation setting threads must be a positive integer, got {s['threads']!r}")
    return s


def generate(checkpoint: Path, prompts: Sequence[str], settings: Mapping[str, Any]) -> list[list[str]]:
    """For each prompt, ``n`` completions (the text after the prompt, up to EOS). ``threads``
    holds for the call; the process's setting is restored after."""
    s = check_settings(settings)
    with intra_op_threads(s["threads"]):
        return _generate(checkpoint, prompts, s)


@torch.no_grad()
def _generate(checkpoint: Path, prompts: Sequence[str], s: dict[str, Any]) -> list[list[str]]:
    model, tokenizer = load_for_generation(Path(checkpoint), s["dtype"])
    device = next(model.parameters()).device
    pad = pad_id(tokenizer)
    eos = tokenizer.eos_token_id
    generator_seed = int(s["seed"])
    results: list[list[str]] = []
    for start in range(0, len(prompts), s["batch_size"]):
        chunk = prompts[start:start + s["batch_size"]]
        encoded = [list(tokenizer(p, add_special_tokens=True)["input_ids"]) if s["raw"]
                   else encode_prompt(tokenizer, p, "code") for p in chunk]
        width = max(len(e) for e in encoded)
        # Left padding: every prompt ends where generation starts.
        ids = torch.full((len(encoded), width), pad, dtype=torch.long)
        mask = torch.zeros((len(encoded), width), dtype=torch.long)
        for row, e in enumerate(encoded):
            ids[row, width - len(e):] = torch.tensor(e)
            mask[row, width - len(e):] = 1
        torch.manual_seed(generator_seed + start)
        sampling = s["temperature"] > 0
        kwargs: dict[str, Any] = {"do_sample": sampling, "num_return_sequences": s["n"]}
        if sampling:
            kwargs.update(temperature=float(s["temperature"]), top_p=float(s["top_p"]), top_k=0)
        out = model.generate(
            input_ids=ids.to(device), attention_mask=mask.to(device), max_new_tokens=int(s["max_new_tokens"]),
            pad_token_id=pad, eos_token_id=eos, **kwargs,
        )
        new = out[:, width:].tolist()
        for row in range(len(chunk)):
            texts = []
            for sample in new[row * s["n"]:(row + 1) * s["n"]]:
                if eos in sample:
                    sample = sample[:sample.index(eos)]
                texts.append(tokenizer.decode(sample, skip_special_tokens=True))
            results.append(texts)
    return results
