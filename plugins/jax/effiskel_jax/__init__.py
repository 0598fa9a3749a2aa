"""The JAX trainer backend of effiskel (``backend = "jax"`` in a training config).

A flax NNX Llama decoder that loads Hugging Face Llama checkpoints and matches transformers'
logits (:mod:`.llama`, :mod:`.hf_checkpoint`), LoRA adapters in peft's layout (:mod:`.lora`),
the trainer (:mod:`.trainer`: the configured loss terms, optax AdamW, orbax checkpoints with exact
resume, data parallelism over a device mesh, :mod:`.sharding`) and sampling (:mod:`.generation`).
jax, flax and optax are imported only when the backend is used, so listing plugins stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from effiskel import hookimpl

__version__ = "0.1.0"


class JaxBackend:
    """The ``jax`` trainer backend."""

    name = "jax"
    version = __version__

    def train(
        self,
        config: Any,
        examples: Sequence[Any],
        *,
        on_step: Callable[[dict[str, Any]], None] | None = None,
    ) -> Path:
        """Fine-tune with LoRA as ``config`` says; the ``final`` adapter folder (peft layout).

        ``on_step(record)`` is called after every optimizer step with its log record.
        """
        from .trainer import train

        return train(config, examples, on_step=on_step)

    def generate(
        self, checkpoint: Path, prompts: Sequence[str], settings: Mapping[str, Any]
    ) -> list[list[str]]:
        """For each prompt, ``settings["n"]`` completions (see :mod:`effiskel_jax.generation`)."""
        from .generation import generate

        return generate(Path(checkpoint), prompts, settings)


@hookimpl(trylast=True)
def effiskel_register_trainers(registry):
    registry.register(JaxBackend())


__all__ = ["JaxBackend"]
