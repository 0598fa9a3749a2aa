"""Fuzzing the skeleton strategies and the harness-report parser with what hostile or broken
programs produce: arbitrary text as solutions, arbitrary bytes on the result channel.

A strategy must answer every solution of a group -- a Skeleton or a SkeletonFailure saying why --
and never raise; a skeleton must agree with its solution's tokens. The report parser must never
raise or hang on bytes a program wrote, and must only accept what matches the protocol.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import effiskel
from effiskel.datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup
from effiskel.datasets.suite import load_suite
from effiskel.harness import ValueType, parse_harness_output

LANGUAGES = ["python", "cpp", "java"]
STRATEGIES = ["lexical", "syntactic"]


def _seeds() -> dict[str, list[str]]:
    """Real solutions of the bundled suite, per language: the mutation fuzzer's starting points."""
    seeds: dict[str, list[str]] = {language: [] for language in LANGUAGES}
    for task in load_suite()[:4]:
        for language in LANGUAGES:
            seeds[language] += [s.source for s in task.references.get(language, ())][:2]
    return seeds


SEEDS = _seeds()


def mutate(text: str, data: st.DataObject) -> str:
    """Cut, duplicate, delete or replace pieces of a real program."""
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1), label="seed"))
    for _ in range(data.draw(st.integers(0, 6), label="edits")):
        if not text:
            break
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        edit = rng.randrange(4)
        if edit == 0:
            text = text[:i]
        elif edit == 1:
            text = text[:i] + text[j:]
        elif edit == 2:
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + data.draw(st.text(max_size=8), label="insert") + text[j:]
    return text


def check_answers(group: SolutionGroup, strategy: str, language: str) -> None:
    frontend = effiskel.get_language(language)
    answers = effiskel.get_host().strategies.get(strategy).extract(group, frontend)
    wanted = [s.id for s in group.efficient]
    assert sorted(a.solution_id for a in answers) == sorted(wanted)
    sources = {s.id: s.source for s in group.efficient}
    for answer in answers:
        assert isinstance(answer, (Skeleton, SkeletonFailure))
        if isinstance(answer, SkeletonFailure):
            assert answer.reason.strip()
            continue
        tokens = frontend.tokenize(sources[answer.solution_id])
        assert len(answer.keep) == len(tokens)
        source = sources[answer.solution_id]
        mask = answer.char_mask(len(source))  # raises if a span lies outside the source
        assert sum(mask) == sum(end - start for start, end in answer.spans)  # no overlaps
        # The spans hold the kept tokens (and the blanks between adjacent ones), nothing else.
        kept = "".join(tokens[i].text for i in range(len(tokens)) if answer.keep[i])
        assert "".join(kept.split()) == "".join("".join(source[a:b] for a, b in answer.spans).split())


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_strategies_answer_every_mutated_solution(strategy, language, data):
    seeds = SEEDS[language]
    count = data.draw(st.integers(1, 3), label="solutions")
    sources = [mutate(data.draw(st.sampled_from(seeds), label="seed program"), data) for _ in range(count)]
    solutions = list({s.id: s for s in (Solution("fuzz", language, text, origin="fuzz") for text in sources)}.values())
    check_answers(SolutionGroup("fuzz", language, solutions), strategy, language)


@pytest.mark.parametrize("strategy", STRATEGIES)
@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(max_size=120), min_size=1, max_size=3, unique=True))
def test_strategies_answer_arbitrary_text(strategy, texts):
    solutions = [Solution("fuzz", "python", text, origin="fuzz") for text in texts]
    check_answers(SolutionGroup("fuzz", "python", solutions), strategy, "python")


# -- the harness's report, as a hostile program may write it -------------------------------------

RETURNS = [ValueType("int"), ValueType("str"), ValueType("list", ValueType("float")), ValueType("py")]
protocol_words = st.sampled_from([b"ok", b"done", b"error", b"skip", b"1", b"-3", b"99999999999999999999",
                                  b"3 abc", b"nan", b"inf", b"(1,", b"[", b"\n", b" ", b"\xff\xfe"])


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=200), st.lists(protocol_words, max_size=30).map(b" ".join)),
       returns=st.sampled_from(RETURNS), count=st.integers(0, 4))
def test_report_parser_never_raises_on_program_bytes(data, returns, count):
    results, usage = parse_harness_output(data, returns, count)
    assert len(results) <= count
    # Only a complete report (every input, then ``done``) carries the program's usage.
    assert usage is None or (len(results) == count and b"done" in data)
    for result in results[:-1]:
        assert result.ok  # the report stops at the first error


def test_report_parser_refuses_a_huge_integer_quickly():
    """A program may print a million-digit number: the parse is capped, not quadratic."""
    digits = b"9" * 2_000_000
    results, usage = parse_harness_output(b"ok 1 5\n" + digits + b"\ndone 0 0\n", ValueType("int"), 1)
    assert results == [] and usage is None
