"""The ``torch`` trainer backend of effiskel: LoRA fine-tuning of any local transformers causal LM.

``train(config, examples)`` runs the accelerate loop of :mod:`.trainer` (one process, or many
under ``torchrun`` / ``accelerate launch``) and returns the folder of the trained adapter;
``generate(checkpoint, prompts, settings)`` samples from it (:mod:`.generation`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from effiskel import hookimpl

__version__ = "0.1.0"


class TorchTrainer:
    """transformers + peft + accelerate; the loss terms come from the loss-term registry."""

    name = "torch"
    version = __version__

    def train(self, config: Any, examples: Sequence[Any], *, on_step: Any = None, registry: Any = None) -> Path:
        from .trainer import train

        return train(config, examples, on_step=on_step, registry=registry)

    def generate(self, checkpoint: Path, prompts: Sequence[str], settings: Mapping[str, Any]) -> list[list[str]]:
        from .generation import generate

        return generate(checkpoint, prompts, settings)


@hookimpl(trylast=True)
def effiskel_register_trainers(registry):
    registry.register(TorchTrainer())


__all__ = ["TorchTrainer"]
