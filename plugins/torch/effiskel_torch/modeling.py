"""Loading a causal LM and its tokenizer from local paths, adding LoRA, running one stream.

Nothing is downloaded: every ``from_pretrained`` call is ``local_files_only=True`` and a path
that is not a directory is a clear error before transformers is asked.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import torch

from effiskel.errors import DataError, EffiskelError

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


def valid_threads(value: Any) -> bool:
    """A thread count setting is None (torch's default) or a positive integer."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 1)


@contextlib.contextmanager
def intra_op_threads(count: int | None) -> Iterator[None]:
    """torch's intra-op thread count set to ``count`` (None: unchanged) for the block, then restored."""
    before = torch.get_num_threads()
    if count is not None:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def require_dir(path: Path, what: str) -> Path:
    """``path`` if it is a directory, else an error saying effiskel never downloads."""
    path = Path(path)
    if not path.is_dir():
        raise EffiskelError(
            f"{what} {str(path)!r} is not a local directory (effiskel never downloads weights: "
            "point it at a folder with config.json and the weights)")
    return path


def load_tokenizer(path: Path) -> Any:
    """The fast tokenizer in ``path``; it must give offset mappings (the skeleton mask needs them)."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(require_dir(path, "the tokenizer"), local_files_only=True)
    if not getattr(tokenizer, "is_fast", False):
        raise DataError(f"the tokenizer in {path} is not a fast tokenizer (no offset mapping)")
    if tokenizer.eos_token_id is None:
        raise DataError(f"the tokenizer in {path} has no EOS token")
    return tokenizer


def pad_id(tokenizer: Any) -> int:
    """The id used for padding: the tokenizer's pad token, else its EOS (padding carries no loss)."""
    return int(tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id)


def load_model(path: Path, dtype: str = "float32") -> Any:
    """A causal LM (any transformers architecture) from a local checkpoint directory."""
    from transformers import AutoModelForCausalLM

    folder = require_dir(path, "the model")
    if not (folder / "config.json").is_file():
        raise EffiskelError(f"the model directory {str(folder)!r} has no config.json")
    return AutoModelForCausalLM.from_pretrained(folder, dtype=DTYPES[dtype], local_files_only=True)


def add_lora(model: Any, r: int, alpha: float, dropout: float, target_modules: tuple[str, ...]) -> Any:
    """Wrap ``model`` with LoRA adapters on ``target_modules``; only the adapters are trainable."""
    from peft import LoraConfig, get_peft_model

    names = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    missing = [m for m in target_modules if m not in names]
    if missing:
        raise EffiskelError(
            f"LoRA target modules {missing} are not in the model ({type(model).__name__}); "
            "set [lora] target_modules to module names it has, e.g. q_proj, v_proj")
    config = LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout, target_modules=list(target_modules),
                        task_type="CAUSAL_LM", bias="none")
    with quiet_peft():
        return get_peft_model(model, config)


@contextlib.contextmanager
def quiet_peft() -> Iterator[None]:
    """peft asks transformers a deprecated question (is_gradient_checkpointing); hide that warning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)
        yield


def stream_logits(model: Any, batch: Mapping[str, torch.Tensor], stream: str, packed: bool) -> torch.Tensor:
    """The model's logits for the ``code`` or ``skeleton`` stream of a collated batch.

    Unpacked rows are right-padded, so the 2-D attention mask suffices (causal attention never
    looks right). Packed rows pass no attention mask and their restarting position ids, from
    which transformers' mask builder keeps each packed example to itself.
    """
    ids = batch[f"{stream}_input_ids"]
    if packed:
        out = model(input_ids=ids, position_ids=batch[f"{stream}_position_ids"], use_cache=False)
    else:
        out = model(input_ids=ids, attention_mask=batch[f"{stream}_attention_mask"], use_cache=False)
    return out.logits
