"""The lexical strategy: tokens salient by their document frequency across the efficient solutions.

A token (its kind and text) is salient when the share of the group's efficient solutions that
contain it reaches ``min_df`` (default 1.0: present in every one, as the published method does).
Only tokens of the ``kinds`` listed are eligible (default: keywords, operators, punctuation,
primitive type words and library/builtin names -- not user identifiers, literals or comments,
whose texts are the solution's own choices).

Contrast with slow code (``contrast``, on by default when the group has inefficient solutions):
a salient token whose rate (occurrences per token of code) in the inefficient solutions is at
least ``contrast_ratio`` times its rate in the efficient ones is over-represented in slow code
and not kept (``.count(`` and ``in`` over a list in a quadratic scan, say).

Cost: one pass over each solution's tokens plus set operations: linear in the group's tokens.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from effiskel.datamodel import Skeleton, SkeletonFailure, SolutionGroup
from effiskel.protocols import LanguageFrontend
from effiskel.skeleton import DEFAULT_PLACEHOLDER
from effiskel.syntax import TokenKind, TokenStream

from .groups import KeepMask, ParsedSolution, distinct, parse_group, skeletons_from_masks

#: The token kinds eligible by default.
DEFAULT_KINDS = ("keyword", "operator", "punctuation", "type", "builtin")
_KIND_NAMES = {k.label: k for k in TokenKind}


def _kinds(value: Any) -> tuple[str, ...]:
    names = (value,) if isinstance(value, str) else tuple(value)
    unknown = [n for n in names if n not in _KIND_NAMES]
    if unknown:
        raise ValueError(f"lexical: unknown token kind(s) {unknown}; known: {', '.join(_KIND_NAMES)}")
    return names


def _share(name: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute, value: float) -> None:
        if not 0.0 < value <= 1.0:
            raise ValueError(f"{name}: {attribute.name} must be in (0, 1], got {value}")

    return check


def _positive(instance: Any, attribute: attrs.Attribute, value: float) -> None:
    if not value > 0:
        raise ValueError(f"lexical: {attribute.name} must be positive, got {value}")


@attrs.frozen
class LexicalStrategy:
    """Token-frequency saliency across a group's efficient solutions (see the module docstring)."""

    name = "lexical"
    version = "0.1.0"

    min_df: float = attrs.field(default=1.0, converter=float, validator=_share("lexical"))
    kinds: tuple[str, ...] = attrs.field(default=DEFAULT_KINDS, converter=_kinds)
    contrast: bool = True
    contrast_ratio: float = attrs.field(default=2.0, converter=float, validator=_positive)
    placeholder: str = DEFAULT_PLACEHOLDER
    merge_runs: bool = False

    def params(self) -> dict[str, Any]:
        """The parameters recorded with every skeleton this strategy makes."""
        return {
            "min_df": self.min_df,
            "kinds": list(self.kinds),
            "contrast": self.contrast,
            "contrast_ratio": self.contrast_ratio,
        }

    def keep_masks(self, group: SolutionGroup, frontend: LanguageFrontend) -> list[KeepMask | SkeletonFailure]:
        """The keep-mask of each efficient solution of ``group``, or why there is none."""
        entries = parse_group(group, frontend, self.name)
        items = [e for e in entries if isinstance(e, ParsedSolution)]
        if not items:
            return list(entries)  # type: ignore[arg-type]
        eligible = bytearray(256)
        for kind in self.kinds:
            eligible[_KIND_NAMES[kind]] = 1
        unique, copy_of = distinct(items)
        unique_keys = [_keys(item.tokens, eligible) for item in unique]
        keys = [unique_keys[c] for c in copy_of]
        df: Counter[tuple[int, bytes]] = Counter()
        for per_token in unique_keys:
            df.update({k for k in per_token if k is not None})
        need = self.min_df * len(unique)
        # A float share of an int count: tolerate rounding (2/3 of 3 must mean 2).
        salient = {k for k, n in df.items() if n >= need - 1e-9}
        if self.contrast and group.inefficient and salient:
            salient -= self._slow_tokens(group, frontend, unique_keys, eligible, salient)
        out: list[KeepMask | SkeletonFailure] = []
        masks = iter(keys)
        for entry in entries:
            if isinstance(entry, SkeletonFailure):
                out.append(entry)
            else:
                out.append(KeepMask(entry, [k in salient for k in next(masks)]))
        return out

    def _slow_tokens(
        self,
        group: SolutionGroup,
        frontend: LanguageFrontend,
        keys: list[list[tuple[int, bytes] | None]],
        eligible: bytearray,
        salient: set[tuple[int, bytes]],
    ) -> set[tuple[int, bytes]]:
        fast = Counter(k for per_token in keys for k in per_token if k in salient)
        fast_total = sum(len(per_token) for per_token in keys)
        slow: Counter[tuple[int, bytes]] = Counter()
        slow_total = 0
        for solution in group.inefficient:
            parsed = frontend.parse(solution.source)
            if parsed.issues:
                continue  # slow code that does not parse says nothing about tokens
            per_token = _keys(parsed.tokens, eligible)
            slow.update(k for k in per_token if k in salient)
            slow_total += len(per_token)
        if not slow_total or not fast_total:
            return set()
        return {
            k
            for k in salient
            if slow[k] / slow_total >= self.contrast_ratio * fast[k] / fast_total
        }

    def extract(self, group: SolutionGroup, frontend: LanguageFrontend) -> list[Skeleton | SkeletonFailure]:
        """One skeleton (or failure) per efficient solution of ``group``, in order."""
        return skeletons_from_masks(self.keep_masks(group, frontend), self.name, self.params(),
                                    placeholder=self.placeholder, merge_runs=self.merge_runs)


def _keys(tokens: TokenStream, eligible: bytearray) -> list[tuple[int, bytes] | None]:
    """Each token's (kind, text) key, or None when its kind is not eligible."""
    src = tokens.source
    return [
        (kind, src[s:e]) if eligible[kind] else None
        for kind, s, e in zip(tokens.kinds, tokens.starts, tokens.ends)
    ]


__all__ = ["DEFAULT_KINDS", "LexicalStrategy"]
