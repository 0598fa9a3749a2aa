"""The dynamic strategy: the syntactic skeleton plus the structure of the lines where time goes.

Each efficient solution of the group is judged and profiled in the sandbox on its task's inputs
(:func:`effiskel.profiling.profile_solution`: the task's tests and one generator level, the
second by default), through its frontend's ``profile_lines``: Python by line timing, C++ and Rust
by callgrind's instructions per line, Java by executed bytecodes per line. A line is *hot* when
its cost is at least ``hot_factor`` times the mean cost of the solution's lines that ran (1.0:
the published method's row-average threshold).

The skeleton of a solution keeps what the syntactic strategy keeps (with this strategy's
syntactic parameters) and, on each hot line, the tokens that carry structure: those of the
``kinds`` listed (default: keywords, operators, punctuation, primitive types, library/builtin
names) and any other token whose text recurs across the group (found in at least
``ceil(min_support * n)`` of its ``n`` distinct solutions, its own included) -- the shared names
of a hot loop (``dp``, ``i``) are kept, a solution's private names are not. Comments never are.

Outcomes that are not a skeleton are recorded, never replaced by another strategy's answer:

* a solution that fails its tests on the profiling inputs: its verdict and the failing input;
* a profiler that cannot run on this machine or this solution: the profiler's error;
* a language without ``profile_lines``, a group too small for the syntactic part, a solution that
  does not parse: as the syntactic strategy records them.

Profiles are cached in a results store (by default ``line-profiles.sqlite`` in effiskel's cache
directory), keyed by the solution's content, the inputs and the profiler, so a re-run does not
run anything again. The strategy needs the task (its inputs): ``extract(group, frontend,
task=task)``, as :func:`effiskel.extraction.extract_group` calls it.

Cost: the syntactic strategy's, plus one judged run and one profiled run per solution not in the
cache, plus a pass over each solution's tokens.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from effiskel.datamodel import Skeleton, SkeletonFailure, SolutionGroup, Task
from effiskel.errors import EffiskelError
from effiskel.profiling import (
    LineProfile,
    ProfilingError,
    line_profiler_of,
    profile_solution,
    profiling_inputs,
)
from effiskel.protocols import LanguageFrontend
from effiskel.skeleton import DEFAULT_PLACEHOLDER, build_skeleton
from effiskel.syntax import TokenKind

from .groups import KeepMask
from .lexical import DEFAULT_KINDS, _kinds
from .syntactic import SyntacticStrategy

#: The results-store file of cached profiles, in effiskel's cache directory.
STORE_NAME = "line-profiles.sqlite"


def _factor(instance: Any, attribute: attrs.Attribute, value: float) -> None:
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"dynamic: {attribute.name} must be a positive number, got {value}")


def _runner(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not (hasattr(value, "run") and hasattr(value, "builder") and hasattr(value, "host")):
        raise ValueError(f"dynamic: evaluator must be an effiskel.evaluation.Evaluator, got {value!r}")


def _store_path(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, Path)):
        raise ValueError(f"dynamic: store must be a results-store path, '' or 'none', got {value!r}")
    return str(value)


def _level(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


@attrs.frozen
class DynamicStrategy:
    """Syntactic skeleton plus the structural tokens of hot lines (see the module docstring)."""

    name = "dynamic"
    version = "0.1.0"

    #: A line is hot when its cost is >= hot_factor x the mean cost of the lines that ran.
    hot_factor: float = attrs.field(default=1.0, converter=float, validator=_factor)
    #: The generator level profiled (an index; None: the second level, or the first if alone).
    level: int | None = attrs.field(default=None, converter=_level)
    #: Token kinds kept on hot lines whatever their text.
    kinds: tuple[str, ...] = attrs.field(default=DEFAULT_KINDS, converter=_kinds)
    # The syntactic part (SyntacticStrategy's parameters); min_support also decides "shared".
    min_similarity: float = attrs.field(default=0.8, converter=float)
    min_support: float = attrs.field(default=0.5, converter=float)
    min_size: int = attrs.field(default=3, converter=int)
    keep_anonymised: bool = False
    keep_builtins: bool = True
    placeholder: str = DEFAULT_PLACEHOLDER
    merge_runs: bool = False
    #: The profile cache: a results-store path, "" for the default one, or "none" for no cache.
    store: str = attrs.field(default="", converter=_store_path)
    #: The evaluator that runs the solutions (None: a default :class:`effiskel.evaluation.Evaluator`).
    evaluator: Any = attrs.field(default=None, eq=False, repr=False, validator=_runner)
    _stores: dict = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self.syntactic()  # validates the syntactic parameters now, not at the first group

    def syntactic(self) -> SyntacticStrategy:
        """The syntactic strategy whose skeleton this one extends."""
        return SyntacticStrategy(
            min_similarity=self.min_similarity, min_support=self.min_support, min_size=self.min_size,
            keep_anonymised=self.keep_anonymised, keep_builtins=self.keep_builtins,
            placeholder=self.placeholder, merge_runs=self.merge_runs,
        )

    def params(self) -> dict[str, Any]:
        """The parameters recorded with every skeleton this strategy makes."""
        return {
            "hot_factor": self.hot_factor,
            "level": self.level,
            "kinds": list(self.kinds),
            "syntactic": self.syntactic().params(),
        }

    def _evaluator(self) -> Any:
        if self.evaluator is not None:
            return self.evaluator
        from effiskel.evaluation import Evaluator

        return Evaluator()

    def _store(self) -> Any:
        if self.store.lower() == "none":
            return None
        if "store" not in self._stores:
            from effiskel.execution import default_cache_dir
            from effiskel.store import ResultStore

            path = Path(self.store) if self.store else default_cache_dir() / STORE_NAME
            self._stores["store"] = ResultStore(path)
        return self._stores["store"]

    def extract(self, group: SolutionGroup, frontend: LanguageFrontend, *,
                task: Task | None = None) -> list[Skeleton | SkeletonFailure]:
        """One skeleton (or failure) per efficient solution of ``group``, in order."""
        if task is None:
            raise EffiskelError(f"dynamic: the group of task {group.task_id!r} was given without its task; "
                                "the dynamic strategy runs the solutions on the task's inputs "
                                "(call extract(group, frontend, task=task))")
        if task.id != group.task_id:
            raise EffiskelError(f"dynamic: the task given is {task.id!r}, the group is of {group.task_id!r}")
        masks = self.syntactic().keep_masks(group, frontend)
        try:
            line_profiler_of(frontend)
            prepared = profiling_inputs(task, self.level)
        except EffiskelError as exc:  # no profiler for the language, no inputs: the whole group
            return [SkeletonFailure(m.solution_id if isinstance(m, SkeletonFailure) else m.item.solution.id,
                                    self.name, m.reason if isinstance(m, SkeletonFailure) else str(exc))
                    for m in masks]
        evaluator = self._evaluator()
        store = self._store()
        shared = self._shared_texts([m for m in masks if isinstance(m, KeepMask)])
        params = self.params()
        out: list[Skeleton | SkeletonFailure] = []
        for mask in masks:
            if isinstance(mask, SkeletonFailure):
                out.append(SkeletonFailure(mask.solution_id, self.name, mask.reason))
                continue
            solution = mask.item.solution
            try:
                outcome = profile_solution(evaluator, solution, prepared, store=store)
            except ProfilingError as exc:
                out.append(SkeletonFailure(solution.id, self.name, f"cannot be profiled: {exc}"))
                continue
            if not outcome.passed or outcome.profile is None:
                detail = f": {outcome.message}" if outcome.message else ""
                out.append(SkeletonFailure(
                    solution.id, self.name,
                    f"fails its tests on the profiling inputs ({outcome.verdict.value}{detail})"))
                continue
            keep, hot = self.keep_hot(mask, outcome.profile, shared)
            out.append(build_skeleton(solution, mask.item.tokens, keep, self.name,
                                      {**params, "unit": outcome.profile.unit, "hot_lines": sorted(hot)},
                                      placeholder=self.placeholder, merge_runs=self.merge_runs))
        return out

    def _shared_texts(self, masks: list[KeepMask]) -> set[str]:
        """Token texts found in enough of the group's distinct solutions to count as shared."""
        seen: dict[str, set[str]] = {}
        for mask in masks:
            seen.setdefault(mask.item.solution.source, set()).update(mask.item.tokens.texts())
        need = self.syntactic().support_needed(len(seen))
        counts: Counter[str] = Counter()
        for texts in seen.values():
            counts.update(texts)
        return {text for text, n in counts.items() if n >= need}

    def keep_hot(self, mask: KeepMask, profile: LineProfile, shared: set[str]) -> tuple[list[bool], frozenset[int]]:
        """The syntactic mask with the structural tokens of ``profile``'s hot lines added, and
        the hot lines."""
        tokens = mask.item.tokens
        hot = profile.hot_lines(self.hot_factor)
        keep = list(mask.keep)
        if not hot:
            return keep, hot
        wanted = {TokenKind[kind.upper()] for kind in self.kinds}
        texts = tokens.texts()
        kinds = tokens.kinds
        for i in range(len(tokens)):
            if keep[i] or tokens.line_of(i) not in hot:
                continue
            kind = TokenKind(kinds[i])
            if kind is TokenKind.COMMENT:
                continue
            if kind in wanted or texts[i] in shared:
                keep[i] = True
        return keep, hot
