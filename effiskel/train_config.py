"""The training configuration: one attrs class, read from TOML, checked key by key.

A config file looks like this (every key but ``model`` and ``output_dir`` has a default)::

    backend = "torch"                  # a registered trainer backend
    model = "models/tiny-llama"        # a local directory; nothing is ever downloaded
    tokenizer = "models/tiny-llama"    # default: the model directory
    output_dir = "runs/effiskel"
    examples = "examples.jsonl"        # TrainingExample records, one JSON object a line
    seed = 0

    [training]
    lr = 2e-4
    max_steps = 100                    # or epochs = 3 (max_steps wins when both are set)
    batch_size = 4                     # per process; the global batch is this x processes
    grad_accumulation = 1
    max_length = 1024

    [lora]
    r = 8
    alpha = 32
    dropout = 0.1
    target_modules = ["q_proj", "v_proj"]

    [loss]                             # term name = weight; a term with weight 0 is not computed
    code = 1.0
    skeleton = 1.0
    mask = 1.0

    [backend_options]                  # free-form, read by the backend only
    gradient_checkpointing = false

Relative paths are taken relative to the config file's folder. Every mistake is a
:class:`~effiskel.errors.DataError` naming the file and the key (``[training] lr``), with a
suggestion when the key looks like a typo of a known one.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .errors import DataError

#: The learning-rate schedules the backends implement.
SCHEDULES = ("constant", "linear", "cosine")
#: The parameter dtypes the backends accept.
DTYPES = ("float32", "bfloat16", "float16")
#: What to do with an example whose prompt and target exceed ``max_length``.
OVERFLOW = ("truncate", "drop", "error")


@attrs.frozen
class LoraSettings:
    """The LoRA adapters: rank, scaling, dropout and which modules get one."""

    r: int = 8
    alpha: float = 32.0
    dropout: float = 0.1
    target_modules: tuple[str, ...] = ("q_proj", "v_proj")


@attrs.frozen
class TrainingSettings:
    """The optimisation loop: steps, batches, learning rate, logging and checkpoint intervals."""

    lr: float = 2e-4
    weight_decay: float = 0.0
    schedule: str = "linear"
    warmup_steps: int = 0
    #: Optimizer steps to run; ``None`` means ``epochs`` passes over the examples.
    max_steps: int | None = None
    epochs: float = 1.0
    #: Examples per process per micro-step.
    batch_size: int = 4
    grad_accumulation: int = 1
    max_grad_norm: float | None = 1.0
    max_length: int = 1024
    #: Pack several examples into each row of ``max_length`` tokens (never mixing the streams).
    packing: bool = False
    overflow: str = "truncate"
    #: How a tokenizer token straddling the skeleton's boundary is weighted (see effiskel.skeleton).
    mask_rule: str | None = None
    log_every: int = 1
    #: Write a resumable checkpoint every this many optimizer steps (0: only at the end).
    save_every: int = 0
    #: How many intermediate checkpoints to keep (the newest ones).
    keep_checkpoints: int = 2
    dtype: str = "float32"


@attrs.frozen
class TrainConfig:
    """Everything a trainer backend needs to fine-tune a model on training examples."""

    model: Path
    output_dir: Path
    backend: str = "torch"
    tokenizer: Path | None = None
    examples: Path | None = None
    seed: int = 0
    #: Continue from the newest checkpoint in ``output_dir`` when there is one.
    resume: bool = True
    training: TrainingSettings = attrs.field(factory=TrainingSettings)
    lora: LoraSettings = attrs.field(factory=LoraSettings)
    #: Loss term name -> weight: ``L = sum(weight * term)``.
    loss: dict[str, float] = attrs.field(factory=lambda: {"code": 1.0, "skeleton": 1.0, "mask": 1.0})
    #: Free-form settings only the backend reads.
    backend_options: dict[str, Any] = attrs.field(factory=dict)
    #: The file the config was read from, if any (for error messages).
    source: Path | None = attrs.field(default=None, eq=False)

    @property
    def tokenizer_path(self) -> Path:
        """Where the tokenizer is: ``tokenizer`` if set, else the model's directory."""
        return self.tokenizer if self.tokenizer is not None else self.model

    @property
    def active_terms(self) -> dict[str, float]:
        """The loss terms to compute: those with a non-zero weight, in the config's order."""
        return {name: w for name, w in self.loss.items() if w != 0.0}

    def to_dict(self) -> dict[str, Any]:
        """The config as TOML-ready data (paths as strings; unset keys left out)."""

        def plain(value: Any) -> Any:
            if isinstance(value, Path):
                return str(value)
            if isinstance(value, tuple):
                return list(value)
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items() if v is not None}
            return value

        data = attrs.asdict(self, recurse=True, filter=lambda a, v: a.name != "source")
        return plain(data)


# -- reading -----------------------------------------------------------------------------------

def _where(section: str | None, key: str) -> str:
    return f"[{section}] {key}" if section else key


class _Reader:
    """Checks one table of the TOML against the fields it may hold."""

    def __init__(self, file: str | None, base: Path) -> None:
        self.file = file
        self.base = base

    def fail(self, message: str, section: str | None, key: str | None = None) -> DataError:
        field = _where(section, key) if key else (f"[{section}]" if section else None)
        return DataError(message, path=self.file, field=field)

    def unknown_keys(self, table: Mapping[str, Any], known: list[str], section: str | None) -> None:
        for key in table:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1) or sorted(
                    (k for k in known if key.startswith(k) or k.startswith(key)), key=len)[-1:]
                where = f"[{section}]" if section else "the top level"
                message = f"unknown key in {where}" + (f"; did you mean {hint[0]!r}?" if hint else
                                                       f"; known keys: {', '.join(known)}")
                raise self.fail(message, section, key)

    # value checkers: each returns the converted value or raises naming the key

    def integer(self, value: Any, section: str | None, key: str, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"expected an integer, got {type(value).__name__} {value!r}", section, key)
        if value < minimum:
            raise self.fail(f"must be at least {minimum}, got {value}", section, key)
        return value

    def number(self, value: Any, section: str | None, key: str, minimum: float | None = 0.0,
               strict: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.fail(f"expected a finite number, got {type(value).__name__} {value!r}", section, key)
        if minimum is not None and (value <= minimum if strict else value < minimum):
            relation = "greater than" if strict else "at least"
            raise self.fail(f"must be {relation} {minimum}, got {value}", section, key)
        return float(value)

    def boolean(self, value: Any, section: str | None, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(f"expected true or false, got {type(value).__name__} {value!r}", section, key)
        return value

    def string(self, value: Any, section: str | None, key: str, choices: tuple[str, ...] | None = None) -> str:
        if not isinstance(value, str) or not value:
            raise self.fail(f"expected a non-empty string, got {type(value).__name__} {value!r}", section, key)
        if choices is not None and value not in choices:
            raise self.fail(f"must be one of {', '.join(choices)}; got {value!r}", section, key)
        return value

    def path(self, value: Any, section: str | None, key: str) -> Path:
        text = self.string(value, section, key)
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.base / path

    def strings(self, value: Any, section: str | None, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"expected a non-empty list of strings, got {value!r}", section, key)
        return tuple(value)

    def table(self, value: Any, section: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"expected a table [{section}], got {type(value).__name__} {value!r}", None, section)
        return value


def _section(reader: _Reader, data: Mapping[str, Any], section: str,
             fields: Mapping[str, Callable[[Any, str], Any]]) -> dict[str, Any]:
    table = reader.table(data.get(section, {}), section)
    reader.unknown_keys(table, list(fields), section)
    return {key: fields[key](value, key) for key, value in table.items()}


def parse_train_config(data: Mapping[str, Any], *, path: str | Path | None = None,
                       base: Path | None = None) -> TrainConfig:
    """A TrainConfig from parsed TOML data; ``base`` anchors relative paths (default: the cwd)."""
    where = str(path) if path is not None else None
    r = _Reader(where, base if base is not None else Path.cwd())
    top: dict[str, Callable[[Any, str], Any]] = {
        "backend": lambda v, k: r.string(v, None, k),
        "model": lambda v, k: r.path(v, None, k),
        "tokenizer": lambda v, k: r.path(v, None, k),
        "output_dir": lambda v, k: r.path(v, None, k),
        "examples": lambda v, k: r.path(v, None, k),
        "seed": lambda v, k: r.integer(v, None, k),
        "resume": lambda v, k: r.boolean(v, None, k),
    }
    sections = ("training", "lora", "loss", "backend_options")
    r.unknown_keys(data, [*top, *sections], None)
    values = {key: top[key](value, key) for key, value in data.items() if key in top}
    for required in ("model", "output_dir"):
        if required not in values:
            raise r.fail("is required (a local directory)", None, required)

    s = "training"
    training = _section(r, data, s, {
        "lr": lambda v, k: r.number(v, s, k, strict=True),
        "weight_decay": lambda v, k: r.number(v, s, k),
        "schedule": lambda v, k: r.string(v, s, k, SCHEDULES),
        "warmup_steps": lambda v, k: r.integer(v, s, k),
        "max_steps": lambda v, k: r.integer(v, s, k, minimum=1),
        "epochs": lambda v, k: r.number(v, s, k, strict=True),
        "batch_size": lambda v, k: r.integer(v, s, k, minimum=1),
        "grad_accumulation": lambda v, k: r.integer(v, s, k, minimum=1),
        "max_grad_norm": lambda v, k: r.number(v, s, k, strict=True),
        "max_length": lambda v, k: r.integer(v, s, k, minimum=8),
        "packing": lambda v, k: r.boolean(v, s, k),
        "overflow": lambda v, k: r.string(v, s, k, OVERFLOW),
        "mask_rule": lambda v, k: r.string(v, s, k),
        "log_every": lambda v, k: r.integer(v, s, k, minimum=1),
        "save_every": lambda v, k: r.integer(v, s, k),
        "keep_checkpoints": lambda v, k: r.integer(v, s, k, minimum=1),
        "dtype": lambda v, k: r.string(v, s, k, DTYPES),
    })
    s = "lora"
    lora = _section(r, data, s, {
        "r": lambda v, k: r.integer(v, s, k, minimum=1),
        "alpha": lambda v, k: r.number(v, s, k, strict=True),
        "dropout": lambda v, k: r.number(v, s, k),
        "target_modules": lambda v, k: r.strings(v, s, k),
    })
    if lora.get("dropout", 0.0) >= 1.0:
        raise r.fail(f"must be below 1, got {lora['dropout']}", s, "dropout")

    loss_table = r.table(data.get("loss", {"code": 1.0, "skeleton": 1.0, "mask": 1.0}), "loss")
    loss: dict[str, float] = {}
    for key, value in loss_table.items():
        if not isinstance(key, str) or not key:
            raise r.fail("a loss term needs a name", "loss", str(key))
        loss[key] = r.number(value, "loss", key)
    if not any(w > 0 for w in loss.values()):
        raise r.fail("at least one loss term needs a weight above 0", "loss")
    options = r.table(data.get("backend_options", {}), "backend_options")

    return TrainConfig(
        **values,
        training=TrainingSettings(**training),
        lora=LoraSettings(**lora),
        loss=loss,
        backend_options=dict(options),
        source=Path(path) if path is not None else None,
    )


def load_train_config(path: str | Path) -> TrainConfig:
    """Read a training config from a TOML file; a bad key or value raises DataError naming it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read the training config: {exc.strerror or exc}", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=str(path)) from None
    return parse_train_config(data, path=path, base=path.resolve().parent)


def replace_settings(config: TrainConfig, **changes: Any) -> TrainConfig:
    """A copy of ``config`` with top-level fields or ``training.<name>`` settings changed.

    ``replace_settings(c, max_steps=10, output_dir=Path("x"))``: names of TrainingSettings
    fields go to ``training``, LoraSettings fields prefixed ``lora_`` go to ``lora``.
    """
    top, training, lora = {}, {}, {}
    training_names = {a.name for a in attrs.fields(TrainingSettings)}
    lora_names = {a.name for a in attrs.fields(LoraSettings)}
    for key, value in changes.items():
        if key in training_names:
            training[key] = value
        elif key.startswith("lora_") and key[5:] in lora_names:
            lora[key[5:]] = value
        elif key in {a.name for a in attrs.fields(TrainConfig)}:
            top[key] = value
        else:
            raise TypeError(f"replace_settings: no setting named {key!r}")
    return attrs.evolve(
        config,
        training=attrs.evolve(config.training, **training),
        lora=attrs.evolve(config.lora, **lora),
        **top,
    )


#: The file every trainer backend writes into a checkpoint directory, naming the backend.
CHECKPOINT_META = "effiskel-checkpoint.json"


def checkpoint_backend(checkpoint: Path, default: str = "torch") -> str:
    """The trainer backend that wrote ``checkpoint`` (its metadata file), else ``default``."""
    import json

    meta = Path(checkpoint) / CHECKPOINT_META
    if not meta.is_file():
        return default
    try:
        return str(json.loads(meta.read_text())["backend"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"unreadable checkpoint metadata ({exc})", path=str(meta)) from None
