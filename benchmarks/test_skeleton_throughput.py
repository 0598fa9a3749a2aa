"""Skeleton extraction throughput per strategy and language, against tree-sitter's parse-only
throughput on the same sources.

Groups are ENAMEL-sized: Python runs on ENAMEL's 164 groups (its reference, HumanEval's and
HumanEval+'s canonical solutions); C++ and Java on the bundled suite's efficient solutions (24
groups of 3-4 small functions each); Rust, which the suite does not have, on the frontend corpus
in ``benchmarks/corpus/rust`` taken three files to a group. Goals (issue 4): lexical at least
25% of parse-only, syntactic at least 10%.
Run: ``pytest benchmarks/test_skeleton_throughput.py --benchmark-only``.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import tree_sitter

import effiskel
from conftest import require_enamel
from effiskel.datamodel import Skeleton, Solution, SolutionGroup
from effiskel.extraction import solution_groups

from .conftest import record

CORPUS = Path(__file__).parent / "corpus"
LANGUAGES = ["python", "cpp", "java", "rust"]
STRATEGIES = ["lexical", "syntactic"]


def load_groups(language: str) -> list[SolutionGroup]:
    if language == "python":
        from effiskel.datasets.enamel import load_enamel

        return [g for _, g in solution_groups(load_enamel(require_enamel()), language="python")]
    if language in ("cpp", "java"):
        from effiskel.datasets.suite import load_suite

        # Efficient solutions only, so both sides read the same sources (the suite's slow
        # solutions would be lexical's contrast: more input than the parse-only side reads).
        return [attrs.evolve(g, inefficient=()) for _, g in solution_groups(load_suite(), language=language)]
    files = sorted((CORPUS / language).glob("*"))
    if len(files) < 3:
        pytest.fail(f"fewer than 3 corpus files in {CORPUS / language}")
    groups = []
    for start in range(0, len(files) - 2, 3):
        task = f"corpus-{start // 3}"
        groups.append(SolutionGroup(task, language, [
            Solution(task, language, f.read_text(), origin="corpus") for f in files[start:start + 3]
        ]))
    return groups


@pytest.fixture(scope="module", params=LANGUAGES)
def groups(request):
    language = request.param
    if language not in effiskel.get_host().languages:
        pytest.fail(f"the {language} frontend is not installed (run `make setup`)")
    return language, load_groups(language)


def _megabytes(groups: list[SolutionGroup]) -> float:
    return sum(len(s.source.encode()) for g in groups for s in g.efficient) / 1e6


def test_parse_only(benchmark, groups):
    language, chosen = groups
    parser = tree_sitter.Parser(effiskel.get_language(language).language)
    sources = [s.source.encode() for g in chosen for s in g.efficient]
    benchmark.group = f"skeleton-{language}"
    trees = benchmark(lambda: [parser.parse(s) for s in sources])
    assert len(trees) == len(sources)
    record(benchmark, f"skeleton-{language}", "baseline", _megabytes(chosen))


@pytest.mark.parametrize("strategy_name", STRATEGIES)
def test_extract(benchmark, groups, strategy_name):
    language, chosen = groups
    frontend = effiskel.get_language(language)
    strategy = effiskel.get_host().strategies.get(strategy_name)
    benchmark.group = f"skeleton-{language}"
    results = benchmark(lambda: [strategy.extract(g, frontend) for g in chosen])
    # The figure is only worth something if the work was done: a skeleton for every solution
    # (these groups all parse and have distinct programs), keeping some tokens and not all.
    for group, entries in zip(chosen, results):
        assert [e.solution_id for e in entries] == [s.id for s in group.efficient]
        assert all(isinstance(e, Skeleton) for e in entries), [e for e in entries if not isinstance(e, Skeleton)]
    kept = sum(sum(e.keep) for entries in results for e in entries)
    total = sum(len(e.keep) for entries in results for e in entries)
    assert 0 < kept < total
    record(benchmark, f"skeleton-{language}", strategy_name, _megabytes(chosen))
