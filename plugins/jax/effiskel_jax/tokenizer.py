"""The tokenizer of a local model directory (a Hugging Face fast tokenizer; nothing downloaded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from effiskel.errors import DataError


def load_tokenizer(path: Path) -> Any:
    """The fast tokenizer saved in ``path``."""
    from transformers import AutoTokenizer

    path = Path(path)
    if not path.is_dir():
        raise DataError(
            f"tokenizer path {str(path)!r} is not a directory (nothing is ever downloaded)"
        )
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot load a tokenizer: {exc}", path=str(path)) from exc
    if not getattr(tokenizer, "is_fast", False):
        raise DataError("the tokenizer is not a fast tokenizer (no offset mapping)", path=str(path))
    return tokenizer


def pad_id(tokenizer: Any) -> int:
    """The id padding uses: the pad token, else EOS (padding never carries loss or attention)."""
    for name in ("pad_token_id", "eos_token_id"):
        value = getattr(tokenizer, name, None)
        if value is not None:
            return int(value)
    raise DataError("the tokenizer has neither a pad nor an EOS token")
