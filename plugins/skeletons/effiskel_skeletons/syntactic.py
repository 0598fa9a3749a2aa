"""The syntactic strategy: the structure of subtrees that recur, similar, across the group.

Each solution's tree is the frontend's normalised tree (:meth:`ParsedSource.normalized`:
identifiers and literals anonymised, comments dropped), so ``while left < right`` and
``while i < j`` are the same subtree. A subtree (an inner node with at least ``min_size`` nodes)
*recurs* when at least ``ceil(min_support * n)`` of the group's ``n`` solutions -- its own and at
least one other -- hold a subtree similar to it (similarity >= ``min_similarity``):

* an exact copy (same shape) recurs with all of its structure: every structural leaf under it
  is kept;
* an approximately similar subtree keeps its own structural leaves (the ``for``, ``in`` and
  ``:`` of a loop) and its children are judged on their own, so the parts that differ between
  the solutions are not kept just because their surroundings match.

Structural leaves are keywords, operators, punctuation, primitive types and library/builtin
names; anonymised identifiers and literals are kept only with ``keep_anonymised``.

**Similarity.** The *production* of a node is its label with the labels of its children; a
subtree is the multiset ``P(T)`` of the productions of its nodes, and

    sim(A, B) = 2 |P(A) ∩ P(B)| / (|P(A)| + |P(B)|)      (multiset intersection: Dice)

which is symmetric, 1 exactly for equal productions and falls with every differing node. (The
published code divides the number of *unique* shared node types by the total number of nodes,
which is not symmetric and shrinks as subtrees grow, so large subtrees -- loops, whole
functions -- never match; this measure does not have that bias.)

**Complexity.** Interning shapes is linear in the group's ``N`` nodes (productions are found
once per distinct shape), and exact recurrence is a hash-count, also linear. Approximate
comparison is needed only where it can change the answer: changing one leaf changes two
productions, so two different subtrees of size ``s`` have ``sim <= (s - 2) / s`` and only
subtrees of size ``>= 2 / (1 - min_similarity)`` (10 at 0.8) can match approximately; a subtree
under an exactly-recurring one is never compared; candidates are bucketed by root label and
limited to the size band ``[s·t/(2-t), s·(2-t)/t]`` that Dice allows; the search stops at the
first match in each other solution, and equal shapes share one answer. The cost is
``O(N + Σ_u Σ_{v ∈ band(u)} (|u| + V))`` over those large subtrees ``u`` (``V``: the group's
distinct productions, the width of a count vector); many candidates are compared in one array
operation. On ENAMEL-sized groups that is a small multiple of ``N``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from effiskel.datamodel import Skeleton, SkeletonFailure, SolutionGroup
from effiskel.protocols import LanguageFrontend
from effiskel.skeleton import DEFAULT_PLACEHOLDER, build_skeleton
from effiskel.syntax import ANON_LABELS

from .groups import KeepMask, ParsedSolution, distinct, parse_group

_ANON = frozenset(ANON_LABELS.values())


def _share(instance: Any, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"syntactic: {attribute.name} must be in (0, 1], got {value}")


def _at_least_two(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 2:
        raise ValueError(f"syntactic: {attribute.name} must be at least 2 (a subtree, not a leaf), got {value}")


class _Productions:
    """The production id of every shape of a group.

    A node's production (its label and its children's labels) is a function of its shape, so
    it is found once per distinct shape, not once per node.
    """

    __slots__ = ("count", "of_shape")

    def __init__(self, shapes: dict[Any, int]) -> None:
        keys = list(shapes)  # in id order: ids are given in insertion order
        label_of = [key[0] if isinstance(key, tuple) else key for key in keys]
        ids: dict[Any, int] = {}
        of_shape = np.empty(len(keys), dtype=np.int64)
        for sid, key in enumerate(keys):
            if isinstance(key, tuple):
                production: Any = (key[0], *[label_of[child] for child in key[1:]])
            else:
                production = key
            of_shape[sid] = ids.setdefault(production, len(ids))
        self.of_shape = of_shape
        self.count = len(ids)


class _Tree:
    """One solution's normalised tree, flattened in pre-order (a subtree is a contiguous range)."""

    __slots__ = (
        "_bags",
        "_buckets",
        "_prod_array",
        "labels",
        "large",
        "shape",
        "sizes",
        "structural",
        "token_of",
    )

    def __init__(
        self,
        item: ParsedSolution,
        shapes: dict[Any, int],
        keep_builtins: bool,
        keep_anonymised: bool,
        large_size: int,
    ) -> None:
        # The flat pre-order form: a subtree is a contiguous range, no node objects are made.
        tree = item.parsed.normal_tree(keep_builtins=keep_builtins)
        sizes = tree.sizes
        labels = tree.labels
        node_starts = tree.starts
        count = len(sizes)
        shape = [0] * count
        token_of = [-1] * count
        structural = [False] * count
        large: dict[str, list[tuple[int, int]]] = {}
        starts = item.tokens.starts
        index = dict(zip(starts, range(len(starts))))
        anonymous = frozenset() if keep_anonymised else _ANON
        intern = shapes.setdefault
        # Reverse pre-order visits children before their parent.
        for i in range(count - 1, -1, -1):
            label = labels[i]
            size = sizes[i]
            if size == 1:
                shape[i] = intern(label, len(shapes))
                token = index.get(node_starts[i], -1)
                token_of[i] = token
                structural[i] = token >= 0 and label not in anonymous
                continue
            j = i + 1
            end = i + size
            key = [label]
            while j < end:
                key.append(shape[j])
                j += sizes[j]
            shape[i] = intern(tuple(key), len(shapes))
            if size >= large_size:
                large.setdefault(label, []).append((size, i))
        for bucket in large.values():
            bucket.sort()
        self.sizes = sizes
        self.shape = shape
        self.labels = labels
        self.large = large
        self.token_of = token_of
        self.structural = structural
        self._bags: dict[int, np.ndarray] = {}
        self._buckets: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._prod_array: np.ndarray | None = None

    def bag(self, i: int, productions: _Productions) -> np.ndarray:
        """The multiset of productions of the subtree at ``i``, as counts per production id."""
        bag = self._bags.get(i)
        if bag is None:
            if self._prod_array is None:
                self._prod_array = productions.of_shape[np.asarray(self.shape, dtype=np.int64)]
            bag = self._bags[i] = np.bincount(self._prod_array[i : i + self.sizes[i]], minlength=productions.count)
        return bag

    def bucket(self, label: str, productions: _Productions) -> tuple[np.ndarray, np.ndarray]:
        """The sizes and the bags (one row each) of the large subtrees rooted at ``label``, by size."""
        found = self._buckets.get(label)
        if found is None:
            entries = self.large[label]
            found = self._buckets[label] = (
                np.array([size for size, _ in entries]),
                np.stack([self.bag(i, productions) for _, i in entries]),
            )
        return found


#: Up to this many candidates in a size band are compared one by one, more at once.
_PAIRWISE = 4


def dice(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
    """Dice similarity of two multisets (counts per id) of sizes ``size_a`` and ``size_b``."""
    return 2.0 * int(np.minimum(a, b).sum()) / (size_a + size_b)


@attrs.frozen
class SyntacticStrategy:
    """Recurring similar subtrees of the normalised trees (see the module docstring)."""

    name = "syntactic"
    version = "0.1.0"

    min_similarity: float = attrs.field(default=0.8, converter=float, validator=_share)
    min_support: float = attrs.field(default=0.5, converter=float, validator=_share)
    min_size: int = attrs.field(default=3, converter=int, validator=_at_least_two)
    keep_anonymised: bool = False
    keep_builtins: bool = True
    placeholder: str = DEFAULT_PLACEHOLDER
    merge_runs: bool = False

    def params(self) -> dict[str, Any]:
        """The parameters recorded with every skeleton this strategy makes."""
        return {
            "min_similarity": self.min_similarity,
            "min_support": self.min_support,
            "min_size": self.min_size,
            "keep_anonymised": self.keep_anonymised,
            "keep_builtins": self.keep_builtins,
            "similarity": "dice-productions",
        }

    @property
    def approx_size(self) -> float:
        """The smallest subtree size at which an inexact match can reach ``min_similarity``."""
        t = self.min_similarity
        if t >= 1.0:
            return math.inf
        return max(self.min_size, math.ceil(2.0 / (1.0 - t) - 1e-9))

    def support_needed(self, n: int) -> int:
        """How many solutions (its own included) must hold a similar subtree, for a group of ``n``."""
        return max(2, math.ceil(self.min_support * n - 1e-9))

    def keep_masks(self, group: SolutionGroup, frontend: LanguageFrontend) -> list[KeepMask | SkeletonFailure]:
        """The keep-mask of each efficient solution of ``group``, or why there is none.

        The dynamic strategy builds on these masks.
        """
        entries = parse_group(group, frontend, self.name)
        items = [e for e in entries if isinstance(e, ParsedSolution)]
        if not items:
            return list(entries)  # type: ignore[arg-type]
        unique, copy_of = distinct(items)
        unique_masks = self._masks(unique)
        # Copies of one program share a mask, but each entry gets its own list.
        masks = iter([list(unique_masks[c]) for c in copy_of])
        return [e if isinstance(e, SkeletonFailure) else KeepMask(e, next(masks)) for e in entries]

    def _masks(self, items: Sequence[ParsedSolution]) -> list[list[bool]]:
        shapes: dict[Any, int] = {}
        approx = self.approx_size
        large = approx if approx != math.inf else 1 << 62
        trees = [_Tree(item, shapes, self.keep_builtins, self.keep_anonymised, int(large)) for item in items]
        productions: _Productions | None = None
        holders: Counter[int] = Counter()
        for tree in trees:
            holders.update(set(tree.shape))
        need = self.support_needed(len(trees))
        min_size = self.min_size
        out: list[list[bool]] = []
        memo: dict[tuple[int, int], bool] = {}
        for ti, tree in enumerate(trees):
            keep = [False] * len(items[ti].tokens)
            sizes, shape, structural, token_of = tree.sizes, tree.shape, tree.structural, tree.token_of
            count = len(sizes)
            i = 0
            while i < count:
                size = sizes[i]
                if size < min_size:
                    i += 1
                    continue
                if holders[shape[i]] >= need:
                    for j in range(i, i + size):
                        if structural[j]:
                            keep[token_of[j]] = True
                    i += size
                    continue
                if size >= approx:
                    if productions is None:
                        productions = _Productions(shapes)
                    similar = self._memo_similar(memo, trees, ti, i, need, productions)
                else:
                    similar = False
                if similar:
                    j = i + 1
                    end = i + size
                    while j < end:
                        if structural[j]:
                            keep[token_of[j]] = True
                        j += sizes[j]
                i += 1
            out.append(keep)
        return out

    def _memo_similar(
        self, memo: dict[tuple[int, int], bool], trees: list[_Tree], ti: int, i: int, need: int,
        productions: _Productions,
    ) -> bool:
        # Equal shapes have equal bags, sizes and labels: the answer is the same.
        key = (ti, trees[ti].shape[i])
        answer = memo.get(key)
        if answer is None:
            answer = memo[key] = self._similar_elsewhere(trees, ti, i, need, productions)
        return answer

    def _similar_elsewhere(
        self, trees: list[_Tree], ti: int, i: int, need: int, productions: _Productions
    ) -> bool:
        tree = trees[ti]
        size = tree.sizes[i]
        label = tree.labels[i]
        t = self.min_similarity
        lo = math.ceil(size * t / (2.0 - t) - 1e-9)
        hi = math.floor(size * (2.0 - t) / t + 1e-9)
        found = 1
        left = len(trees) - 1
        bag = None
        for tj, other in enumerate(trees):
            if tj == ti:
                continue
            if found + left < need:
                return False
            left -= 1
            bucket = other.large.get(label)
            if not bucket:
                continue
            a = bisect_left(bucket, (lo, -1))
            b = bisect_left(bucket, (hi + 1, -1))
            if a == b:
                continue
            if bag is None:
                bag = tree.bag(i, productions)
            if b - a <= _PAIRWISE:
                for other_size, j in bucket[a:b]:
                    if dice(bag, size, other.bag(j, productions), other_size) >= t - 1e-12:
                        found += 1
                        break
            else:
                # Many candidates: compare with all of them in one array operation.
                sizes, bags = other.bucket(label, productions)
                shared = np.minimum(bags[a:b], bag).sum(axis=1)
                if (2.0 * shared >= (t - 1e-12) * (size + sizes[a:b])).any():
                    found += 1
            if found >= need:
                return True
        return found >= need

    def extract(self, group: SolutionGroup, frontend: LanguageFrontend) -> list[Skeleton | SkeletonFailure]:
        """One skeleton (or failure) per efficient solution of ``group``, in order."""
        params = self.params()
        return [
            m
            if isinstance(m, SkeletonFailure)
            else build_skeleton(
                m.item.solution,
                m.item.tokens,
                m.keep,
                self.name,
                params,
                placeholder=self.placeholder,
                merge_runs=self.merge_runs,
            )
            for m in self.keep_masks(group, frontend)
        ]
