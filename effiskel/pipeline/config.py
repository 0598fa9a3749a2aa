"""The pipeline file: which data, how to measure and curate, which arms to train, how to judge.

A pipeline is a TOML file (``effiskel/pipelines/demo.toml`` is the shipped one)::

    [pipeline]   name, seed
    [data]       dataset, path, tasks, languages, max_tasks
    [measure]    measurer, levels, jobs
    [curate]     k
    [skeleton]   params per strategy: [skeleton.params.lexical] ...
    [model]      base (a local model directory, or "tiny"), tokenizer, [model.tiny]
    [train]      defaults of every arm's training config (any key of effiskel.train_config)
    [generate]   n, temperature, top_p, max_new_tokens
    [evaluate]   measurer, levels, references, eff, jobs
    [report]     title
    [[arm]]      name, strategy, loss = {code, skeleton, mask, ...}, train = {overrides}

Every table and key is checked when the file is loaded -- before anything runs -- and an error
names the file and the key (``demo.toml: arm[2].loss.mask: expected a number, got 'x'``).
Relative paths in the file are relative to the file's folder.
"""

from __future__ import annotations

import re
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import EffiskelError


class ConfigError(EffiskelError):
    """A pipeline file that cannot be used; names the file and the key."""

    def __init__(self, message: str, *, path: str | Path | None = None, key: str | None = None) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.key = key
        where = ": ".join(p for p in (self.path, key) if p)
        super().__init__(f"{where}: {message}" if where else message)


_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")


def _name(value: str) -> str:
    if not _NAME.match(value):
        raise ValueError(f"{value!r} is not a name (lowercase letters, digits, '_', '-', '.')")
    return value


@attrs.frozen
class PipelineSection:
    name: str = attrs.field(default="pipeline", metadata={"check": _name})
    seed: int = 0


@attrs.frozen
class DataSection:
    #: A registered dataset loader (``effiskel plugins`` lists them).
    dataset: str = "suite"
    #: Where the dataset's files are (the bundled suite needs none).
    path: str | None = None
    #: Only these task ids (empty: every task).
    tasks: tuple[str, ...] = ()
    #: The languages whose solutions are curated, trained on and generated.
    languages: tuple[str, ...] = ("python",)
    #: Keep only the first N tasks by id (0: all) -- a cheap subset.
    max_tasks: int = 0


@attrs.frozen
class MeasureSection:
    measurer: str = "wall"
    #: Level indices to measure at (empty: each task's largest).
    levels: tuple[int, ...] = ()
    jobs: int = 1


@attrs.frozen
class CurateSection:
    #: Solutions kept per task and language.
    k: int = 3


@attrs.frozen
class SkeletonSection:
    #: Parameters per strategy name, handed to the strategy.
    params: dict[str, dict[str, Any]] = attrs.field(factory=dict)


@attrs.frozen
class TinyModelSection:
    """The tiny random model the demo trains (it shows the machinery, not the method's effect)."""

    vocab_size: int = 512
    hidden_size: int = 64
    layers: int = 2
    heads: int = 4
    intermediate_size: int = 128
    max_positions: int = 1024


@attrs.frozen
class ModelSection:
    #: A local model directory (any transformers causal LM), or ``tiny``: a tiny random Llama and
    #: a tokenizer trained on the tasks' text, built by the pipeline. Nothing is downloaded.
    base: str = "tiny"
    #: The tokenizer directory (default: the model's).
    tokenizer: str | None = None
    tiny: TinyModelSection = attrs.field(factory=TinyModelSection)


@attrs.frozen
class GenerateSection:
    #: Samples per task and language.
    n: int = 1
    temperature: float = 0.0
    top_p: float = 1.0
    max_new_tokens: int = 256
    #: Prompts per generation call.
    batch_size: int = 8
    #: Settings only the arm's trainer backend reads (torch: ``threads``).
    backend_options: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class EvaluateSection:
    measurer: str = "wall"
    levels: tuple[int, ...] = ()
    #: Origins of the dataset's solutions the arms are compared with (empty: every reference).
    references: tuple[str, ...] = ()
    #: Also ENAMEL's eff@1, against the first origin of ``references`` (runs every level).
    eff: bool = False
    jobs: int = 1


@attrs.frozen
class ReportSection:
    title: str = ""


@attrs.frozen
class ArmSection:
    """One trained system: its skeleton strategy (none for code-only) and its loss weights."""

    name: str = attrs.field(metadata={"check": _name})
    #: The skeleton strategy whose skeletons this arm trains on (none: code only).
    strategy: str | None = None
    #: Weight per loss term (``code``, ``skeleton``, ``mask``, or any registered term).
    loss: dict[str, float] = attrs.field(factory=lambda: {"code": 1.0})
    #: Overrides of the ``[train]`` table for this arm.
    train: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class PipelineConfig:
    """A whole pipeline file, checked."""

    pipeline: PipelineSection = attrs.field(factory=PipelineSection)
    data: DataSection = attrs.field(factory=DataSection)
    measure: MeasureSection = attrs.field(factory=MeasureSection)
    curate: CurateSection = attrs.field(factory=CurateSection)
    skeleton: SkeletonSection = attrs.field(factory=SkeletonSection)
    model: ModelSection = attrs.field(factory=ModelSection)
    train: dict[str, Any] = attrs.field(factory=dict)
    generate: GenerateSection = attrs.field(factory=GenerateSection)
    evaluate: EvaluateSection = attrs.field(factory=EvaluateSection)
    report: ReportSection = attrs.field(factory=ReportSection)
    arm: tuple[ArmSection, ...] = ()
    #: The folder relative paths in the file are resolved against.
    base_dir: str = attrs.field(default=".", metadata={"internal": True})
    #: The file it was read from (for messages).
    source: str = attrs.field(default="", metadata={"internal": True})

    def resolve(self, path: str) -> Path:
        """A path from the file, relative to the file's folder."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else (Path(self.base_dir) / p).resolve()

    @property
    def strategies(self) -> list[str]:
        """The skeleton strategies some arm trains on, in the order the arms name them."""
        return list(dict.fromkeys(a.strategy for a in self.arm if a.strategy))


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"


def _coerce(value: Any, kind: Any, key: str) -> Any:
    """``value`` (from TOML) as ``kind`` (a field's type), or a ConfigError naming ``key``."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _coerce(value, inner, key)
    if kind is Any:
        return value
    if attrs.has(kind):
        if not isinstance(value, dict):
            raise ConfigError(f"expected a table, got {_describe(value)}", key=key)
        return _section(kind, value, key)
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"expected true or false, got {_describe(value)}", key=key)
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"expected an integer, got {_describe(value)}", key=key)
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"expected a number, got {_describe(value)}", key=key)
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise ConfigError(f"expected a string, got {_describe(value)}", key=key)
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"expected a list, got {_describe(value)}", key=key)
        return tuple(_coerce(item, args[0], f"{key}[{i + 1}]") for i, item in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"expected a table, got {_describe(value)}", key=key)
        return {k: _coerce(v, args[1], f"{key}.{k}") for k, v in value.items()}
    raise TypeError(f"no rule to read {kind!r} ({key})")  # a field type this module does not know


def _section(cls: type, table: Mapping[str, Any], where: str) -> Any:
    fields = {f.name: f for f in attrs.fields(cls) if not f.metadata.get("internal")}
    hints = typing.get_type_hints(cls)
    unknown = sorted(set(table) - set(fields))
    if unknown:
        prefix = f"{where}." if where else ""
        raise ConfigError(f"unknown key (known: {', '.join(fields)})", key=prefix + unknown[0])
    values = {}
    for name, field in fields.items():
        key = f"{where}.{name}" if where else name
        if name not in table:
            if field.default is attrs.NOTHING:
                raise ConfigError("missing (it has no default)", key=key)
            continue
        value = _coerce(table[name], hints[name], key)
        check = field.metadata.get("check")
        if check is not None:
            try:
                value = check(value)
            except ValueError as exc:
                raise ConfigError(str(exc), key=key) from None
        values[name] = value
    return cls(**values)


def _check_ranges(config: PipelineConfig) -> None:
    def positive(value: int, key: str) -> None:
        if value < 1:
            raise ConfigError(f"must be at least 1, got {value}", key=key)

    positive(config.measure.jobs, "measure.jobs")
    positive(config.evaluate.jobs, "evaluate.jobs")
    positive(config.curate.k, "curate.k")
    positive(config.generate.n, "generate.n")
    positive(config.generate.max_new_tokens, "generate.max_new_tokens")
    positive(config.generate.batch_size, "generate.batch_size")
    if config.generate.temperature == 0 and config.generate.n > 1:
        raise ConfigError("greedy decoding (temperature 0) gives one sample: set a temperature above 0 "
                          "to draw several", key="generate.n")
    if config.data.max_tasks < 0:
        raise ConfigError(f"must be 0 (all) or more, got {config.data.max_tasks}", key="data.max_tasks")
    if config.generate.temperature < 0:
        raise ConfigError("must be 0 (greedy) or more", key="generate.temperature")
    if not 0 < config.generate.top_p <= 1:
        raise ConfigError("must be in (0, 1]", key="generate.top_p")
    if not config.data.languages:
        raise ConfigError("name at least one language", key="data.languages")
    if not config.arm:
        raise ConfigError("a pipeline needs at least one [[arm]]", key="arm")
    seen: dict[str, int] = {}
    for i, arm in enumerate(config.arm, 1):
        if arm.name in seen:
            raise ConfigError(f"the name {arm.name!r} is also arm[{seen[arm.name]}]'s", key=f"arm[{i}].name")
        seen[arm.name] = i
        if not arm.loss:
            raise ConfigError("name at least one loss term", key=f"arm[{i}].loss")
        for term, weight in arm.loss.items():
            if weight < 0:
                raise ConfigError(f"a weight must not be negative, got {weight}", key=f"arm[{i}].loss.{term}")
        uses_skeleton = any(arm.loss.get(t, 0) > 0 for t in ("skeleton", "mask"))
        if uses_skeleton and not arm.strategy:
            raise ConfigError("the skeleton and mask terms need a strategy (arm.strategy)",
                              key=f"arm[{i}].strategy")


def parse_pipeline(data: Mapping[str, Any], *, source: str = "", base_dir: str | Path = ".") -> PipelineConfig:
    """A PipelineConfig from already-parsed TOML data."""
    try:
        table = dict(data)
        arms = table.pop("arm", [])
        if not isinstance(arms, list):
            raise ConfigError("use [[arm]] tables (an array of tables)", key="arm")
        config = _section(PipelineConfig, table, "")
        parsed_arms = []
        for i, arm in enumerate(arms, 1):
            if not isinstance(arm, dict):
                raise ConfigError(f"expected a table, got {_describe(arm)}", key=f"arm[{i}]")
            parsed_arms.append(_section(ArmSection, arm, f"arm[{i}]"))
        config = attrs.evolve(config, arm=tuple(parsed_arms), base_dir=str(base_dir), source=source)
        _check_ranges(config)
    except ConfigError as exc:
        raise ConfigError(exc.message, path=source or None, key=exc.key) from None
    return config


def load_pipeline(path: str | Path) -> PipelineConfig:
    """Read and check a pipeline file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read it: {exc.strerror or exc}", path=path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not TOML: {exc}", path=path) from None
    return parse_pipeline(data, source=str(path), base_dir=path.resolve().parent)


def config_table(config: PipelineConfig) -> dict[str, Any]:
    """The config as plain data (what the run directory keeps as the config that ran)."""
    return attrs.asdict(config, filter=lambda a, _: not a.metadata.get("internal"),
                        value_serializer=lambda _i, _a, v: list(v) if isinstance(v, tuple) else v)

