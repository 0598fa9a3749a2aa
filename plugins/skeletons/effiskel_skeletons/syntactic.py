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
limited to the size band ``[s·t/(2-t), s·(2-t)/t]`` that Dice allows, and equal shapes share
one answer. Which subtrees are asked about does not depend on the answers, so a group's
questions are answered together, in array operations (:class:`_Similarity`): each in-band pair
is checked against a cheap upper bound first (production counts folded into a few buckets),
and only the pairs that pass are intersected exactly. The cost is
``O(N + Σ_u Σ_{v ∈ band(u)} |u|)`` over those large subtrees ``u``; on ENAMEL-sized groups
that is a small multiple of ``N``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from effiskel.datamodel import Skeleton, SkeletonFailure, SolutionGroup
from effiskel.protocols import LanguageFrontend
from effiskel.skeleton import DEFAULT_PLACEHOLDER
from effiskel.syntax import ANON_LABELS, ParsedSource

from .groups import KeepMask, ParsedSolution, distinct, parse_group, skeletons_from_masks

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
        intern = ids.setdefault
        label = label_of.__getitem__
        found = [
            intern((key[0], *map(label, key[1:])) if isinstance(key, tuple) else key, len(ids)) for key in keys
        ]
        self.of_shape = np.asarray(found, dtype=np.int64)
        self.count = len(ids)


class _Tree:
    """One solution's normalised tree, flattened in pre-order (a subtree is a contiguous range)."""

    __slots__ = ("labels", "large", "shape", "sizes", "structural", "token_of")

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
        large: dict[str, list[int]] = {}
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
                large.setdefault(label, []).append(i)
        self.sizes = sizes
        self.shape = shape
        self.labels = labels
        self.large = large
        self.token_of = token_of
        self.structural = structural


#: Count vectors are built this many cells (subtree x production) at a time, to bound memory.
_CELLS = 1 << 22
#: Productions are also counted in this many coarse buckets (production id modulo this): the
#: sum of minima over buckets bounds the exact intersection from above, and rules out most pairs
#: cheaply (with 32, about 95% of the in-band pairs of unrelated programs).
_BUCKETS = 32
_COARSE_FROM = 256
#: Up to this many cells (pairs x width), pairs are intersected over whole rows.
_DENSE_CELLS = 1 << 16


def _compact(values: np.ndarray, bound: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values (all in ``range(bound)``), ascending, and each value's index among
    them (``np.unique`` with ``return_inverse``, without sorting)."""
    seen = np.zeros(bound, dtype=bool)
    seen[values] = True
    used = np.flatnonzero(seen)
    rank = np.cumsum(seen) - 1
    return used, rank[values]


class _Similarity:
    """Which subtrees have a similar counterpart in enough other solutions, for a whole group.

    Every question is asked at once: the pairs to compare (same root label, size in the band
    Dice allows, other solution) are enumerated with array operations; each pair is first
    checked against an upper bound (the intersection of coarse production counts), and only
    the pairs that pass are compared exactly, summing minima over the nonzero production
    counts of the subtree asked about.
    """

    def __init__(self, trees: Sequence[_Tree], productions: _Productions, t: float) -> None:
        self.trees = trees
        self.t = t
        self.width = productions.count
        # Production id of every node of the group, trees one after another.
        self.prod = productions.of_shape[np.concatenate([np.asarray(tree.shape, dtype=np.int64) for tree in trees])]
        self.coarse = self.prod % _BUCKETS
        self.base = np.cumsum([0] + [len(tree.shape) for tree in trees])
        # The table of every large subtree, sorted by (label, tree, size): a band of one
        # label in one other solution is one contiguous run of it.
        label_ids: dict[str, int] = {}
        tree_col: list[int] = []
        node_col: list[int] = []
        label_col: list[int] = []
        for t_index, tree in enumerate(trees):
            for label, nodes in tree.large.items():
                lid = label_ids.setdefault(label, len(label_ids))
                tree_col.extend([t_index] * len(nodes))
                node_col.extend(nodes)
                label_col.extend([lid] * len(nodes))
        self.label_ids = label_ids
        table_tree = np.asarray(tree_col, dtype=np.int64)
        table_node = np.asarray(node_col, dtype=np.int64)
        table_label = np.asarray(label_col, dtype=np.int64)
        table_size = np.asarray([trees[ti].sizes[i] for ti, i in zip(tree_col, node_col)], dtype=np.int64)
        self.max_size = int(table_size.max()) if len(table_size) else 0
        keys = self._key(table_label, table_tree, table_size)
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.table_tree = table_tree[order]
        self.table_node = table_node[order]
        self.table_size = table_size[order]

    def _key(self, label: np.ndarray, tree: np.ndarray, size: np.ndarray) -> np.ndarray:
        return (label * len(self.trees) + tree) * (self.max_size + 1) + size

    def _counts(
        self, tree: np.ndarray, node: np.ndarray, size: np.ndarray, ids: np.ndarray, width: int
    ) -> np.ndarray:
        """Counts of ``ids`` (one per node of the group) over the given subtrees, one row each."""
        first = self.base[tree] + node
        fits = int(size.sum()) <= _CELLS and len(tree) * width <= _CELLS
        chunks = []
        done = 0
        while done < len(tree):
            if fits:
                stop = len(tree)
            else:
                # A chunk of rows whose cells and node entries both stay under _CELLS.
                cum = np.cumsum(size[done:])
                stop = done + max(1, min(int(np.searchsorted(cum, _CELLS, side="right")), _CELLS // max(width, 1)))
            sizes = size[done:stop]
            offsets = np.cumsum(sizes) - sizes
            at = np.repeat(first[done:stop] - offsets, sizes) + np.arange(int(sizes.sum()))
            rows = np.repeat(np.arange(stop - done) * width, sizes)
            # Filled by bincount itself: a zeroed matrix written into costs page faults.
            chunks.append(np.bincount(rows + ids[at], minlength=(stop - done) * width))
            done = stop
        flat = chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
        return flat.reshape(len(tree), width)

    def _similar(
        self, q_rows: tuple[np.ndarray, np.ndarray, np.ndarray], c_rows: tuple[np.ndarray, np.ndarray, np.ndarray],
        pair_q: np.ndarray, pair_c: np.ndarray, ids: np.ndarray, width: int, sizes: np.ndarray,
    ) -> np.ndarray:
        """Whether ``2 |A ∩ B| / (|A| + |B|)`` reaches the threshold for each pair (query row,
        candidate row) when nodes are counted by ``ids``; exact for production ids, an upper
        bound for coarser ids."""
        q_used, q_at = _compact(pair_q, len(q_rows[0]))
        c_used, c_at = _compact(pair_c, len(c_rows[0]))
        q_counts = self._counts(*(col[q_used] for col in q_rows), ids, width)
        c_counts = self._counts(*(col[c_used] for col in c_rows), ids, width)
        if width <= _BUCKETS or len(pair_q) * width <= _DENSE_CELLS:
            # Narrow rows or few pairs: whole-row minima beat gathering single cells.
            inter = np.minimum(q_counts[q_at], c_counts[c_at]).sum(axis=1)
            return 2.0 * inter / sizes >= self.t - 1e-12
        # Intersection of multisets: the sum of minima over the query's nonzero counts only.
        nz_q, nz_p = np.nonzero(q_counts)
        nz_v = q_counts[nz_q, nz_p]
        per_q = np.bincount(nz_q, minlength=len(q_used))
        q_ptr = np.cumsum(per_q) - per_q
        length = per_q[q_at]
        pair_start = np.cumsum(length) - length
        at = np.repeat(q_ptr[q_at] - pair_start, length) + np.arange(int(length.sum()))
        shared = np.minimum(nz_v[at], c_counts[np.repeat(c_at, length), nz_p[at]])
        inter = np.add.reduceat(shared, pair_start)
        # The same float operations as dice(): a bound passes wherever the exact value does.
        return 2.0 * inter / sizes >= self.t - 1e-12

    def answer(self, queries: Sequence[tuple[int, int]], need: int) -> list[bool]:
        """For each (tree, node) asked about: do at least ``need`` solutions, its own included,
        hold a subtree with the same root label whose Dice similarity reaches the threshold?"""
        trees, t = self.trees, self.t
        n_trees = len(trees)
        q_tree = np.asarray([ti for ti, _ in queries], dtype=np.int64)
        q_node = np.asarray([i for _, i in queries], dtype=np.int64)
        q_size = np.asarray([trees[ti].sizes[i] for ti, i in queries], dtype=np.int64)
        q_label = np.asarray([self.label_ids[trees[ti].labels[i]] for ti, i in queries], dtype=np.int64)
        # The size band Dice allows (the same float operations as one-at-a-time code would do).
        lo = np.ceil(q_size * t / (2.0 - t) - 1e-9).astype(np.int64)
        hi = np.minimum(np.floor(q_size * (2.0 - t) / t + 1e-9).astype(np.int64), self.max_size)
        # One (query, other solution) per row.
        qo = np.repeat(np.arange(len(queries)), n_trees)
        other = np.tile(np.arange(n_trees), len(queries))
        keep = other != q_tree[qo]
        qo, other = qo[keep], other[keep]
        a = np.searchsorted(self.keys, self._key(q_label[qo], other, lo[qo]), side="left")
        b = np.searchsorted(self.keys, self._key(q_label[qo], other, hi[qo]), side="right")
        n = np.maximum(b - a, 0)
        some = n > 0
        qo, a, n = qo[some], a[some], n[some]
        if not len(qo):
            return [False] * len(queries)
        # Every pair (query, candidate row of the table), numbered by its (query, other solution).
        group_start = np.cumsum(n) - n
        pair_group = np.repeat(np.arange(len(qo)), n)
        pair_q = np.repeat(qo, n)
        pair_c = np.repeat(a - group_start, n) + np.arange(int(n.sum()))
        q_rows = (q_tree, q_node, q_size)
        c_rows = (self.table_tree, self.table_node, self.table_size)
        # The coarse bound pays for itself only on many pairs.
        stages = ((self.coarse, _BUCKETS),) if len(pair_q) >= _COARSE_FROM else ()
        for ids, width in (*stages, (self.prod, self.width)):
            sizes = q_size[pair_q] + self.table_size[pair_c]
            passed = self._similar(q_rows, c_rows, pair_q, pair_c, ids, width, sizes)
            pair_q, pair_c, pair_group = pair_q[passed], pair_c[passed], pair_group[passed]
            if not len(pair_q):
                return [False] * len(queries)
        # A (query, other solution) with a similar pair counts once.
        found = 1 + np.bincount(qo[_compact(pair_group, len(qo))[0]], minlength=len(queries))
        return (found >= need).tolist()


def dice(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
    """Dice similarity of two multisets (counts per id) of sizes ``size_a`` and ``size_b``."""
    return 2.0 * int(np.minimum(a, b).sum()) / (size_a + size_b)


class _TreeFirst:
    """The frontend, except that each parse that succeeds has its normalised tree built before
    anything reads its tokens: a tree-sitter parse then makes both in one walk of the tree."""

    __slots__ = ("frontend", "keep_builtins", "name")

    def __init__(self, frontend: LanguageFrontend, keep_builtins: bool) -> None:
        self.frontend = frontend
        self.keep_builtins = keep_builtins
        self.name = frontend.name

    def parse(self, source: bytes | str, *, path: str | None = None) -> ParsedSource:
        parsed = self.frontend.parse(source, path=path)
        if not parsed.issues:
            parsed.normal_tree(keep_builtins=self.keep_builtins)
        return parsed


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
        entries = parse_group(group, _TreeFirst(frontend, self.keep_builtins), self.name)
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
        holders: Counter[int] = Counter()
        for tree in trees:
            holders.update(set(tree.shape))
        need = self.support_needed(len(trees))
        min_size = self.min_size
        out: list[list[bool]] = []
        # Which subtrees are visited does not depend on the approximate answers, so the
        # questions are collected first and answered together; equal shapes of one solution
        # share one answer.
        asked: dict[tuple[int, int], int] = {}
        queries: list[tuple[int, int]] = []
        pending: list[tuple[int, int, int]] = []
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
                    key = (ti, shape[i])
                    q = asked.get(key)
                    if q is None:
                        q = asked[key] = len(queries)
                        queries.append((ti, i))
                    pending.append((ti, i, q))
                i += 1
            out.append(keep)
        if queries:
            answers = _Similarity(trees, _Productions(shapes), self.min_similarity).answer(queries, need)
            for ti, i, q in pending:
                if not answers[q]:
                    continue
                # A similar (not equal) subtree keeps its own structural leaves only.
                sizes, structural, token_of, keep = trees[ti].sizes, trees[ti].structural, trees[ti].token_of, out[ti]
                j = i + 1
                end = i + sizes[i]
                while j < end:
                    if structural[j]:
                        keep[token_of[j]] = True
                    j += sizes[j]
        return out

    def extract(self, group: SolutionGroup, frontend: LanguageFrontend) -> list[Skeleton | SkeletonFailure]:
        """One skeleton (or failure) per efficient solution of ``group``, in order."""
        return skeletons_from_masks(self.keep_masks(group, frontend), self.name, self.params(),
                                    placeholder=self.placeholder, merge_runs=self.merge_runs)
