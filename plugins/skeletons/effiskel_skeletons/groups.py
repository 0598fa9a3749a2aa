"""A group's efficient solutions parsed once, with a recorded failure for each that cannot be used.

Every strategy starts here: a solution that does not parse is a
:class:`~effiskel.datamodel.SkeletonFailure` naming the first syntax issue, and a group left
with fewer usable solutions than the strategy needs makes every entry a failure saying so.
The entries keep the group's order, one per efficient solution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from effiskel.datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup
from effiskel.protocols import LanguageFrontend
from effiskel.skeleton import build_skeleton
from effiskel.syntax import ParsedSource, TokenStream


@attrs.frozen(eq=False)
class ParsedSolution:
    """One efficient solution with its parse and tokens."""

    solution: Solution
    parsed: ParsedSource
    tokens: TokenStream


@attrs.frozen(eq=False)
class KeepMask:
    """A strategy's decision for one solution: a flag per frontend token (True: in the skeleton)."""

    item: ParsedSolution
    keep: list[bool]


def parse_group(
    group: SolutionGroup,
    frontend: LanguageFrontend,
    strategy: str,
    *,
    min_solutions: int = 2,
) -> list[ParsedSolution | SkeletonFailure]:
    """Parse every efficient solution of ``group``; failures where a solution cannot be used."""
    if frontend.name != group.language:
        raise ValueError(
            f"{strategy}: the group of task {group.task_id!r} is {group.language}, "
            f"but the frontend given is {frontend.name}"
        )
    entries: list[ParsedSolution | SkeletonFailure] = []
    for solution in group.efficient:
        parsed = frontend.parse(solution.source)
        if parsed.issues:
            first = parsed.issues[0]
            more = f" (and {len(parsed.issues) - 1} more)" if len(parsed.issues) > 1 else ""
            reason = f"does not parse as {group.language}: line {first.line}, column {first.column}: {first.message}{more}"
            entries.append(SkeletonFailure(solution.id, strategy, reason))
        else:
            entries.append(ParsedSolution(solution, parsed, parsed.tokens))
    usable = len({e.solution.source for e in entries if isinstance(e, ParsedSolution)})
    if usable >= min_solutions:
        return entries
    total = len(group.efficient)
    where = f"task {group.task_id!r} ({group.language})"
    if total < min_solutions:
        reason = (
            f"the group of {where} has {total} efficient solution{'s' if total != 1 else ''}; "
            f"{strategy} needs at least {min_solutions}"
        )
        return [SkeletonFailure(_id(e), strategy, reason) for e in entries]
    parsing = sum(isinstance(e, ParsedSolution) for e in entries)
    if parsing > usable:
        reason = (
            f"the {parsing} efficient solutions of {where} that parse are {usable} distinct "
            f"program{'s' if usable != 1 else ''}; {strategy} needs at least {min_solutions}"
        )
    else:
        reason = (
            f"only {usable} of the {total} efficient solutions of {where} parse; "
            f"{strategy} needs at least {min_solutions}"
        )
    # A solution that does not parse keeps that more precise reason.
    return [e if isinstance(e, SkeletonFailure) else SkeletonFailure(_id(e), strategy, reason) for e in entries]


def _id(entry: ParsedSolution | SkeletonFailure) -> str:
    return entry.solution.id if isinstance(entry, ParsedSolution) else entry.solution_id


def parsed_only(entries: Sequence[ParsedSolution | SkeletonFailure]) -> list[ParsedSolution]:
    """The usable entries, in order."""
    return [e for e in entries if isinstance(e, ParsedSolution)]


def distinct(items: Sequence[ParsedSolution]) -> tuple[list[ParsedSolution], list[int]]:
    """The items with distinct sources, and for each item the index of its distinct copy.

    The same program listed twice (HumanEval's and HumanEval+'s canonical solutions are often
    one text) must not count as two solutions agreeing with each other.
    """
    unique: list[ParsedSolution] = []
    where: dict[str, int] = {}
    index: list[int] = []
    for item in items:
        key = item.solution.source
        if key not in where:
            where[key] = len(unique)
            unique.append(item)
        index.append(where[key])
    return unique, index


def skeletons_from_masks(masks: Sequence[KeepMask | SkeletonFailure], strategy: str, params: Mapping[str, Any],
                         *, placeholder: str, merge_runs: bool) -> list[Skeleton | SkeletonFailure]:
    """The strategy's result from its keep-masks: a skeleton per mask, failures as they are."""
    return [
        m if isinstance(m, SkeletonFailure)
        else build_skeleton(m.item.solution, m.item.tokens, m.keep, strategy, params,
                            placeholder=placeholder, merge_runs=merge_runs)
        for m in masks
    ]
