"""``effiskel skeleton``: records, the HTML view, curated files, and the checks around strategies."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

import effiskel
from effiskel.cli import main
from effiskel.datamodel import Skeleton, SkeletonFailure, Solution, SolutionGroup, Task, TaskKind
from effiskel.datasets.apps import write_efficient_code
from effiskel.datasets.suite import load_suite, solutions
from effiskel.errors import DataError, EffiskelError
from effiskel.extraction import SkeletonRecord, extract_group, read_records, solution_groups

TASK = "two_sum_exists"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_records_and_view_for_the_suite(tmp_path):
    out, page = tmp_path / "sk.jsonl", tmp_path / "view.html"
    result = invoke("skeleton", "-s", "lexical", "-s", "syntactic", "--task", TASK, "-o", str(out),
                    "--html", str(page), "-q")
    assert result.exit_code == 0, result.output
    records = read_records(out)
    task = next(t for t in load_suite() if t.id == TASK)
    efficient = [s for lang in ("python", "cpp", "java") for s in solutions(task, lang, efficient=True)]
    assert len(records) == 2 * len(efficient)
    assert {(r.strategy, r.solution_id) for r in records} == {
        (strategy, s.id) for strategy in ("lexical", "syntactic") for s in efficient
    }
    for record in records:
        assert record.ok and record.origin == "suite:efficient"
        source = next(s.source for s in efficient if s.id == record.solution_id)
        assert record.source == source
        assert len(record.outcome.keep) > 0
        assert "min_df" in record.outcome.params if record.strategy == "lexical" else "min_similarity" in record.outcome.params
    html = page.read_text()
    # Self-contained: no script, no fetched resource.
    assert "<script" not in html and not re.search(r"(src|href)=", html)
    assert html.count('<span class="k">') > 50
    for s in efficient:
        assert s.id in html
    assert "lexical" in html and "syntactic" in html
    assert "kept" in result.output


def test_json_output_and_params(tmp_path):
    result = invoke("skeleton", "-s", "lexical", "--task", TASK, "-l", "python", "--json", "-q",
                    "-p", "min_df=0.5", "-p", "placeholder=__", "-p", "merge_runs=true")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {d["language"] for d in data} == {"python"}
    for d in data:
        assert d["record"] == "skeleton" and d["params"]["min_df"] == 0.5
        assert d["params"]["placeholder"] == "__" and d["params"]["merge_runs"] is True
        assert "__" in d["rendered"] and "<MASK>" not in d["rendered"]
        SkeletonRecord.from_dict(d)


def test_a_curated_file_is_data(tmp_path):
    tasks = [t for t in load_suite() if t.id in (TASK, "count_primes")]
    curated = write_efficient_code(tmp_path / "efficientCode.json",
                                   [(t, solutions(t, "python", efficient=True)[:2]) for t in tasks])
    out = tmp_path / "sk.jsonl"
    result = invoke("skeleton", str(curated), "-s", "syntactic", "-o", str(out), "-q", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)["summary"]
    assert summary == [{"strategy": "syntactic", "language": "python", "solutions": 4, "failures": 0,
                        "tokens": summary[0]["tokens"], "kept": summary[0]["kept"],
                        "kept_share": summary[0]["kept_share"]}]
    assert 0 < summary[0]["kept_share"] < 1
    records = read_records(out)
    assert {r.task_id for r in records} == {"apps/train/two_sum_exists", "apps/train/count_primes"}
    assert {r.origin for r in records} == {"apps+effi:efficient"}


def test_failures_are_records_too(tmp_path):
    curated = tmp_path / "efficientCode.json"
    curated.write_text(json.dumps({"7": {"codes": ["def f(x):\n    return x\n"], "inputs": [[1]],
                                         "outputs": [1], "fn_name": "f"}}))
    out = tmp_path / "sk.jsonl"
    result = invoke("skeleton", str(curated), "-s", "lexical", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    [record] = read_records(out)
    assert not record.ok and isinstance(record.outcome, SkeletonFailure)
    assert "has 1 efficient solution; lexical needs at least 2" in record.outcome.reason
    assert record.to_dict()["record"] == "failure"


def test_usage_errors_name_what_is_wrong(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["skeleton", "-s", "nonesuch", "-q"])
    assert result.exit_code == 2 and "no strategy named 'nonesuch'" in result.output
    result = runner.invoke(main, ["skeleton", "-s", "lexical", "-p", "min_sim=0.5", "-q"])
    assert result.exit_code == 2
    assert "strategy 'lexical' has no parameter min_sim" in result.output
    result = runner.invoke(main, ["skeleton", "-s", "syntactic", "-p", "min_similarity=3", "-q"])
    assert result.exit_code == 2 and "min_similarity must be in (0, 1]" in result.output
    result = runner.invoke(main, ["skeleton", "-s", "syntactic", "-p", "oops", "-q"])
    assert result.exit_code == 2 and "'oops' is not KEY=VALUE" in result.output
    result = runner.invoke(main, ["skeleton", "-s", "syntactic", "-p", "lexical.min_df=0.5", "-q"])
    assert result.exit_code == 2
    assert "names strategy 'lexical', which is not among those chosen (syntactic)" in result.output


def test_scoped_params_reach_one_strategy():
    result = invoke("skeleton", "-s", "lexical", "-s", "syntactic", "--task", TASK, "-l", "java",
                    "--json", "-q", "-p", "lexical.min_df=0.5", "-p", "syntactic.min_similarity=0.9",
                    "-p", "placeholder=##")
    assert result.exit_code == 0, result.output
    params = {d["strategy"]: d["params"] for d in json.loads(result.output)}
    assert params["lexical"]["min_df"] == 0.5 and "min_similarity" not in params["lexical"]
    assert params["syntactic"]["min_similarity"] == 0.9
    assert params["lexical"]["placeholder"] == params["syntactic"]["placeholder"] == "##"


def test_record_files_are_checked(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"record": "skeleton", "task_id": "t", "language": "python", "origin": "o"}\n')
    with pytest.raises(DataError, match="source"):
        read_records(bad)
    bad.write_text('{"record": "maybe", "task_id": "t", "language": "python", "origin": "o", "source": ""}\n')
    with pytest.raises(DataError, match="expected 'skeleton' or 'failure'"):
        read_records(bad)
    bad.write_text("not json\n")
    with pytest.raises(DataError, match="bad.jsonl"):
        read_records(bad)


def test_groups_split_efficient_from_slow_and_drop_duplicates():
    task = next(t for t in load_suite() if t.id == TASK)
    twice = Task(id=task.id, statement="", signature=task.signature,
                 references={"python": task.references["python"] + task.references["python"][:1]})
    [(_, group)] = solution_groups([twice])
    assert len(group.efficient) == len(solutions(task, "python", efficient=True))
    assert len(group.inefficient) == len(solutions(task, "python", efficient=False))
    [(_, everything)] = solution_groups([twice], inefficient=lambda origin: False)
    assert len(everything.efficient) == len(task.references["python"]) and not everything.inefficient


class _Sloppy:
    name = "sloppy"
    version = "1.0"

    def extract(self, group, frontend):
        return []  # one entry short per solution: a broken contract


class _Raising:
    name = "raising"
    version = "1.0"

    def extract(self, group, frontend):
        raise EffiskelError("the profiler is not installed")


def test_a_strategy_breaking_its_contract_is_an_error_naming_it():
    solution = Solution("t", "python", "x = 1\n")
    group = SolutionGroup("t", "python", [solution])
    task = Task(id="t", statement="", kind=TaskKind.STDIO)
    frontend = effiskel.get_language("python")
    with pytest.raises(EffiskelError, match="strategy 'sloppy' broke its contract on task 't'"):
        extract_group(_Sloppy(), task, group, frontend)
    [failure] = extract_group(_Raising(), task, group, frontend)
    assert failure == SkeletonFailure(solution.id, "raising", "EffiskelError: the profiler is not installed")
    assert not isinstance(failure, Skeleton)


def test_view_shows_failures_and_missing_columns():
    from effiskel.skeleton import build_skeleton
    from effiskel.skeleton_view import render_html

    source = "x = '<b>' if a < b else 1\n"
    solution = Solution("t", "python", source, origin="hand")
    tokens = effiskel.tokenize(source, "python")
    skeleton = build_skeleton(solution, tokens, [t.text in ("if", "else", "<") for t in tokens], "lexical", {})
    other = Solution("t", "python", "y = (\n", origin="hand")
    records = [
        SkeletonRecord("t", "python", "hand", source, skeleton),
        SkeletonRecord("t", "python", "hand", source, SkeletonFailure(solution.id, "dynamic", "fails its tests: wrong answer")),
        SkeletonRecord("t", "python", "hand", other.source, SkeletonFailure(other.id, "lexical", "does not parse as python")),
    ]
    page = render_html(records, title="a < b")
    assert "<title>a &lt; b</title>" in page
    # Source text is escaped, kept text highlighted, and each strategy gets a column.
    assert "&#x27;&lt;b&gt;&#x27;" in page and '<span class="k">if</span>' in page
    assert "no skeleton: fails its tests: wrong answer" in page
    assert "no skeleton: does not parse as python" in page
    assert page.count('<div class="col">') == 4  # two solutions x (lexical, dynamic)
    assert "not run" in page  # the second solution has no dynamic record
    assert "<th>lexical</th><th>dynamic</th>" in page
