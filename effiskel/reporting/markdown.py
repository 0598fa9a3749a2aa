"""The report as Markdown: the same tables as the HTML page, without the charts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .html import METRICS, metric_text


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(data: Mapping[str, Any]) -> str:
    """The report for ``data`` (what :func:`effiskel.reporting.collect.collect` returns)."""
    lines = [f"# {data['title']}", "",
             f"effiskel {data['effiskel']} · dataset {data['data']['dataset']} · {data['data']['tasks']} tasks · "
             f"{', '.join(data['data']['languages'] or [])} · measurer {data['measurer']} · references "
             f"{', '.join(data['references'])}", ""]
    if data.get("note"):
        lines += [f"> **Note.** {data['note']}", ""]
    lines += ["## Metrics per arm", "",
              "| arm | strategy | loss weights | tasks | " + " | ".join(m for m, _ in METRICS) + " |",
              "|---" * (4 + len(METRICS)) + "|"]
    for arm in data["arms"]:
        m = arm["metrics"]
        weights = ", ".join(f"{k} {v:g}" for k, v in arm["loss"].items())
        lines.append(f"| {_cell(arm['name'])} | {_cell(arm['strategy'] or 'none (code only)')} | {weights} | "
                     f"{m['tasks']} | " + " | ".join(_cell(metric_text(m[n], percent=p)) for n, p in METRICS) + " |")
    if data["pairs"]:
        lines += ["", "## Arms against each other (paired, same tasks)", "",
                  "| arm A | arm B | tasks | ER of A over B | AS of A over B |", "|---|---|---|---|---|"]
        for pair in data["pairs"]:
            c = pair.get("comparison")
            if c:
                lines.append(f"| {pair['a']} | {pair['b']} | {pair['tasks']} | "
                             f"{metric_text(c['efficiency_ratio'], percent=True)} | {metric_text(c['average_speedup'])} |")
            else:
                lines.append(f"| {pair['a']} | {pair['b']} | {pair['tasks']} | undefined: "
                             f"{_cell(pair.get('undefined', ''))} | |")
    systems = [a["system"] for a in data["arms"]]
    lines += ["", "## Per-task speedups (fastest passing sample vs fastest reference)", "",
              "| task | reference | " + " | ".join(f"{s} passed | {s} speedup" for s in systems) + " |",
              "|---" * (2 + 2 * len(systems)) + "|"]
    for r in data["tasks"]:
        cells = []
        for s in systems:
            e = r["systems"][s]
            cells.append(f"{e['passed']}/{e['samples']}")
            cells.append("-" if e["speedup"] is None else f"{e['speedup']:.3g}×")
        reference = "-" if r["reference"] is None else f"{r['reference']:.3g}"
        lines.append(f"| {r['task']} ({r['language']}) | {reference} | " + " | ".join(cells) + " |")
    lines += ["", "## Loss (first and last logged value per term)", "", "| arm | term | first | last | steps |",
              "|---|---|---|---|---|"]
    for arm in data["arms"]:
        for term, points in arm["losses"].items():
            lines.append(f"| {arm['name']} | {term} | {points[0][1]:.4g} | {points[-1][1]:.4g} | {len(points)} |")
    if data["skeletons"]:
        lines += ["", "## Skeletons", ""]
        for strategy, info in data["skeletons"].items():
            lines += [f"### {strategy}", "", info["summary"], ""]
            for ex in info["examples"][:1]:
                lines += [f"{ex['task']} ({ex['language']}), {ex['kept_share']:.0%} of tokens kept:", "", "```",
                          ex["rendered"].rstrip(), "```", ""]
    lines += ["## Stages", "", "| stage | key | this run | time it took | summary |", "|---|---|---|---|---|"]
    for s in data["stages"]:
        took = "-" if s["ran_seconds"] is None else f"{s['ran_seconds']:.1f} s"
        lines.append(f"| {s['name']} | `{s['key']}` | {s['status']} | {took} | {_cell(s['summary'])} |")
    lines += ["", "## Running it on a real model and benchmark", "", "```toml", data["real_model_howto"].rstrip(),
              "```", ""]
    return "\n".join(lines)
