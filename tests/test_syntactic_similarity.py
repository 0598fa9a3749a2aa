"""The syntactic strategy's group-wide similarity search against a one-pair-at-a-time reference:
Dice over production multisets, counted with Counters from the normalised trees."""

from __future__ import annotations

from collections import Counter

import pytest
from effiskel_skeletons import syntactic
from effiskel_skeletons.groups import ParsedSolution
from effiskel_skeletons.syntactic import SyntacticStrategy, _Productions, _Similarity, _Tree

import effiskel
from effiskel.datamodel import Solution
from effiskel.datasets.suite import load_suite
from effiskel.extraction import solution_groups


def _items(language: str, count: int) -> list[ParsedSolution]:
    """Efficient and slow suite solutions of a few tasks, mixed: related and unrelated programs."""
    if language not in effiskel.get_host().languages:
        pytest.fail(f"the {language} frontend is not installed (run `make setup`)")
    frontend = effiskel.get_language(language)
    solutions: list[Solution] = []
    for _, group in solution_groups(load_suite(), language=language):
        solutions.extend(group.efficient[:1])
        solutions.extend(group.inefficient[:1])
        if len(solutions) >= count:
            break
    items = []
    for solution in solutions[:count]:
        parsed = frontend.parse(solution.source)
        items.append(ParsedSolution(solution, parsed, parsed.tokens))
    return items


def _bags(item: ParsedSolution) -> tuple[list[str], list[int], list[Counter]]:
    """Labels, sizes and the production multiset of every subtree, by plain recursion-free code."""
    tree = item.parsed.normal_tree()
    labels, sizes = tree.labels, tree.sizes
    production = [(labels[i], *(labels[c] for c in tree.children(i))) for i in range(len(tree))]
    bags = [Counter(production[i : i + sizes[i]]) for i in range(len(tree))]
    return labels, sizes, bags


def _reference(items, queries, need: int, t: float) -> list[bool]:
    trees = [_bags(item) for item in items]
    answers = []
    for ti, i in queries:
        labels, sizes, bags = trees[ti]
        found = 1
        for tj, (o_labels, o_sizes, o_bags) in enumerate(trees):
            if tj == ti:
                continue
            found += any(
                o_labels[j] == labels[i]
                and 2.0 * sum((bags[i] & o_bags[j]).values()) / (sizes[i] + o_sizes[j]) >= t - 1e-12
                for j in range(len(o_labels))
                if o_sizes[j] >= 10
            )
        answers.append(found >= need)
    return answers


@pytest.mark.parametrize(
    ("language", "count", "t", "cells", "coarse_from", "dense_cells"),
    [
        ("python", 4, 0.8, 1 << 22, 256, 1 << 16),
        ("cpp", 3, 0.7, 1 << 22, 0, 0),  # the coarse bound on every pair; exact counts cell by cell
        ("java", 5, 0.8, 4096, 0, 0),  # count vectors built in many small chunks
        ("python", 6, 0.6, 1000, 10**9, 1 << 30),  # exact counts only, whole rows
    ],
)
def test_group_wide_answers_match_one_pair_at_a_time(
    monkeypatch, language, count, t, cells, coarse_from, dense_cells
):
    monkeypatch.setattr(syntactic, "_CELLS", cells)
    monkeypatch.setattr(syntactic, "_COARSE_FROM", coarse_from)
    monkeypatch.setattr(syntactic, "_DENSE_CELLS", dense_cells)
    items = _items(language, count)
    shapes: dict = {}
    trees = [_Tree(item, shapes, True, False, 10) for item in items]
    # Every large subtree is asked about, not only those the strategy would visit.
    queries = [(ti, i) for ti, tree in enumerate(trees) for i, size in enumerate(tree.sizes) if size >= 10]
    need = SyntacticStrategy().support_needed(len(trees))
    got = _Similarity(trees, _Productions(shapes), t).answer(queries, need)
    want = _reference(items, queries, need, t)
    assert got == want
    # The case must not be trivial either way.
    assert 0 < sum(want) < len(want)
