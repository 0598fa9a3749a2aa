"""The report's renderings: inline SVG charts, the HTML page and the Markdown, from report data."""

from __future__ import annotations

import re

import pytest

from effiskel.datamodel import Skeleton
from effiskel.reporting import render_html, render_markdown, write_report
from effiskel.reporting.collect import REAL_MODEL_HOWTO, TINY_NOTE, arm_metrics, task_rows
from effiskel.reporting.html import metric_text
from effiskel.reporting.svg import line_chart, speedup_bars
from effiskel.serialization import unstructure

from .report_rendering import render_in_chromium

HOSTILE = "</script><script>throw new Error('x')</script><b>"


def metric(value, n=3, low=None, high=None):
    return {"value": value, "n_tasks": n, "ci_low": low, "ci_high": high, "confidence": 0.95}


def sample_data(task_name: str = "pair_sum_count") -> dict:
    source = "def f(xs):\n    return sorted(xs)\n"
    skeleton = Skeleton("t/python/0", "lexical", (True, False, True), "def <MASK>(xs):\n    return sorted(xs)\n",
                        ((0, 3), (10, 31)))
    systems = {
        "arm:code-only": {"samples": 2, "passed": 1, "verdicts": ["passed", "wrong_answer"], "best": 2.0,
                          "speedup": 0.5},
        "arm:full": {"samples": 2, "passed": 0, "verdicts": ["runtime_error"], "best": None, "speedup": None},
    }
    return {
        "title": "a <test> report", "effiskel": "0.1.0", "pipeline": "t", "tiny_model": True, "note": TINY_NOTE,
        "real_model_howto": REAL_MODEL_HOWTO,
        "data": {"dataset": "suite", "languages": ["python"], "tasks": 2},
        "measurer": "wall", "references": ["suite:efficient"], "eff_reference": None,
        "stages": [{"name": "measure", "key": "0123456789abcdef", "status": "ran", "ran_seconds": 1.5,
                    "summary": "5 of 5 passed"}],
        "arms": [
            {"name": "code-only", "system": "arm:code-only", "strategy": None, "loss": {"code": 1.0}, "examples": 6,
             "metrics": {"tasks": 2, "pass@1": metric(0.5, 2, 0.0, 1.0), "ER": None, "AS": metric(0.5, 1),
                         "Beyond": None, "NET": None, "eff@1": None, "undefined": {}},
             "losses": {"total": [(1, 6.0), (2, 5.0)], "code": [(1, 6.0), (2, 5.0)]}},
            {"name": "full", "system": "arm:full", "strategy": "lexical",
             "loss": {"code": 1.0, "skeleton": 1.0, "mask": 1.0}, "examples": 6,
             "metrics": {"tasks": 2, "pass@1": metric(0.0, 2), "ER": None, "AS": None, "Beyond": None, "NET": None,
                         "eff@1": None, "undefined": {"vs_references": "no task solved"}},
             "losses": {"total": [(1, 18.0), (2, 15.0)], "code": [(1, 6.0), (2, 5.0)],
                        "skeleton": [(1, 6.0), (2, 5.0)], "mask": [(1, 6.0), (2, 5.0)]}},
        ],
        "pairs": [{"a": "arm:full", "b": "arm:code-only", "tasks": 2, "undefined": "no task solved by both"}],
        "tasks": [{"task": task_name, "language": "python", "reference": 1.0, "systems": systems}],
        "curation": [{"task": task_name, "language": "python", "kept": 3, "others": 2, "speedup": 40.0}],
        "curation_measurer": "wall",
        "skeletons": {"lexical": {"summary": "1 skeleton", "kept_share": 0.66, "failures": 0, "examples": [
            {"task": task_name, "language": "python", "solution_id": "t/python/0", "source": source,
             "skeleton": unstructure(skeleton), "rendered": skeleton.rendered, "kept_share": 2 / 3}]}},
        "config": {},
    }


def test_metric_text_shows_value_interval_and_task_count():
    assert metric_text(metric(0.25, 12, 0.1, 0.4), percent=True) == "25.0% [10.0%, 40.0%] (n=12)"
    assert metric_text(metric(1.5, 3)) == "1.5 (n=3)"
    assert metric_text(None) == "-"


def test_speedup_bars_escape_labels_and_mark_missing_values():
    svg = speedup_bars([("<evil>", {"a": 2.0, "b": None}), ("ok", {"a": 0.25, "b": 8.0})], ["a", "b"],
                       title="t & u")
    assert svg.startswith("<svg") and "<evil>" not in svg and "&lt;evil&gt;" in svg and "t &amp; u" in svg
    assert svg.count("<rect") == 2 + 3  # the legend, then the three values present
    assert 'class="missing"' in svg and "1×" in svg
    # A value far outside [0.5, 2] widens the log axis rather than overflowing it.
    wide = speedup_bars([("x", {"a": 500.0})], ["a"], title="t")
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', wide)]
    assert max(widths) <= 720


def test_line_chart_one_path_per_series_and_a_note_when_empty():
    svg = line_chart({"code": [(1, 3.0), (2, 2.0)], "mask": [(1, 2.5), (2, float("nan")), (3, 1.0)]}, title="l")
    assert svg.count("<path") == 2 and "nan" not in svg
    assert line_chart({}, title="nothing").startswith('<p class="note">')


def test_html_page_is_self_contained_and_counts_its_charts():
    page = render_html(sample_data())
    assert page.count("<svg") == int(re.search(r"data-charts='(\d+)'", page).group(1)) == 4
    without_namespace = page.replace("http://www.w3.org/2000/svg", "")
    assert "http://" not in without_namespace and "https://" not in without_namespace
    assert "<link" not in page and "src=" not in page
    assert "a &lt;test&gt; report" in page and "not the method&#x27;s effect" in page
    assert "no task solved by both" in page and "50.0% [0.0%, 100.0%] (n=2)" in page
    assert '<span class="k">def</span>' in page  # the skeleton view's highlighting


def test_markdown_has_the_tables(tmp_path):
    text = render_markdown(sample_data())
    assert "| code-only | none (code only) | code 1 | 2 | 50.0% [0.0%, 100.0%] (n=2) |" in text
    assert "| pair_sum_count (python) | 1 | 1/2 | 0.5× | 0/2 | - |" in text
    assert "| full | mask | 6 | 5 | 2 |" in text
    paths = write_report(sample_data(), tmp_path)
    assert sorted(paths) == ["html", "json", "md"] and all(p.is_file() for p in paths.values())


def test_task_rows_and_arm_metrics_from_records():
    def record(origin, verdict, total, task="t"):
        return {"task_id": task, "language": "python", "origin": origin, "verdict": verdict, "total": total}

    records = [record("ref", "passed", 2.0), record("ref", "passed", 4.0), record("arm:a", "passed", 1.0),
               record("arm:a", "timeout", None), record("arm:b", "wrong_answer", None), record("ref", "passed", 9.0, "u")]
    (row,) = task_rows(records, ["arm:a", "arm:b"], ["ref"])
    assert row["reference"] == 2.0
    assert row["systems"]["arm:a"] == {"samples": 2, "passed": 1, "verdicts": ["passed", "timeout"], "best": 1.0,
                                       "speedup": 2.0}
    assert row["systems"]["arm:b"]["speedup"] is None
    m = arm_metrics({"tasks": 1, "pass@1": metric(0.5, 1), "beyond": {"undefined": "no data"}})
    assert m["pass@1"]["value"] == 0.5 and m["Beyond"] is None and m["undefined"] == {"beyond": "no data"}


def test_a_hostile_task_name_cannot_break_the_page(tmp_path):
    data = sample_data(task_name=HOSTILE)
    page = render_html(data)
    assert HOSTILE not in page
    path = tmp_path / "report.html"
    path.write_text(page)
    render_in_chromium(path, tmp_path / "report.png", size="1000,1400")


def test_a_page_error_is_caught(tmp_path):
    """The check itself can fail: a page whose script throws is reported."""
    page = render_html(sample_data()).replace("</body>", "<script>undefinedFunction()</script></body>")
    path = tmp_path / "broken.html"
    path.write_text(page)
    with pytest.raises(AssertionError):
        render_in_chromium(path, tmp_path / "broken.png", size="800,600")
