"""The report as one self-contained HTML page: inline CSS, inline SVG, a few lines of script.

Nothing is fetched when the page is opened. The script only records that the page loaded
cleanly: ``<html data-report-status="ok">`` once every chart is in place, or
``data-report-error="..."`` on a script error -- what the headless-Chromium check reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from ..datamodel import Skeleton
from ..serialization import structure
from ..skeleton_view import highlighted
from .svg import line_chart, speedup_bars

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:18px 28px;color:#1b1b1b}
h1{font-size:22px;margin:.2em 0}h2{font-size:18px;margin-top:1.8em;border-bottom:1px solid #ddd}h3{font-size:15px}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.note{background:#fff6d6;border:1px solid #e6c85c;padding:8px 12px;border-radius:4px}
.muted{color:#666}pre{background:#f7f7f7;padding:8px;overflow:auto;font-size:12.5px}
.chart text{font-size:11px;fill:#333}.chart .title{font-size:13px;font-weight:600}
.chart .label{text-anchor:end;dominant-baseline:middle}.chart .tick{text-anchor:middle}
.chart .end{text-anchor:end}.chart .grid{stroke:#ccc}.chart .minor{stroke:#eee}.chart .axis1{stroke:#333}
.charts{display:flex;flex-wrap:wrap;gap:12px}
.code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre;background:#fafafa;border:1px solid #e4e4e4;padding:6px;overflow:auto;max-height:360px}
.code .k{background:#ffe08a;color:#000;border-radius:2px}.code .m{color:#9a9a9a}
.skeletons{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:10px}
"""

SCRIPT = """
(function(){
  var root=document.documentElement;
  window.addEventListener('error',function(e){root.setAttribute('data-report-error',String(e.message||e));});
  document.addEventListener('DOMContentLoaded',function(){
    var expected=parseInt(root.getAttribute('data-charts')||'0',10);
    var found=document.querySelectorAll('svg.chart').length;
    if(found!==expected){root.setAttribute('data-report-error','expected '+expected+' charts, found '+found);return;}
    root.setAttribute('data-report-status','ok');
  });
})();
"""


def metric_text(metric: Mapping[str, Any] | None, *, percent: bool = False) -> str:
    """``0.42 [0.30, 0.55] (n=24)``, or ``-`` when undefined."""
    if not metric:
        return "-"

    def f(v: float) -> str:
        return f"{100 * v:.1f}%" if percent else f"{v:.3g}"

    ci = "" if metric.get("ci_low") is None else f" [{f(metric['ci_low'])}, {f(metric['ci_high'])}]"
    return f"{f(metric['value'])}{ci} (n={metric['n_tasks']})"


METRICS = (("pass@1", True), ("ER", True), ("AS", False), ("Beyond", True), ("NET", False), ("eff@1", True))


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def _seconds(value: Any) -> str:
    return "-" if value is None else f"{value:.1f} s"


def render_html(data: Mapping[str, Any]) -> str:
    """The report page for ``data`` (what :func:`effiskel.reporting.collect.collect` returns)."""
    charts = 0
    body: list[str] = [f"<h1>{escape(data['title'])}</h1>",
                       f"<p class='muted'>effiskel {escape(str(data['effiskel']))} · dataset "
                       f"{escape(str(data['data']['dataset']))} · {data['data']['tasks']} tasks · "
                       f"{escape(', '.join(data['data']['languages'] or []))} · measurer "
                       f"{escape(str(data['measurer']))} · references {escape(', '.join(data['references']))}</p>"]
    if data.get("note"):
        body.append(f"<p class='note'><b>Note.</b> {escape(data['note'])}</p>")

    body.append("<h2>Metrics per arm</h2><table><tr><th>arm</th><th>strategy</th><th>loss weights</th>"
                "<th>tasks</th>" + "".join(f"<th>{m}</th>" for m, _ in METRICS) + "</tr>")
    for arm in data["arms"]:
        m = arm["metrics"]
        weights = ", ".join(f"{k} {v:g}" for k, v in arm["loss"].items())
        body.append(f"<tr><td>{escape(arm['name'])}</td><td>{escape(arm['strategy'] or 'none (code only)')}</td>"
                    f"<td>{escape(weights)}</td><td class='num'>{m['tasks']}</td>"
                    + "".join(f"<td class='num'>{escape(metric_text(m[name], percent=pct))}</td>"
                              for name, pct in METRICS) + "</tr>")
    body.append("</table><p class='muted'>pass@1, ER (share of tasks where the arm's fastest passing sample beats "
                "the fastest reference), AS (mean reference time / sample time), Beyond and NET against the "
                "references, on the tasks each is defined on; 95% bootstrap intervals; n = tasks behind the "
                "figure. A dash: undefined on this data (for example no task solved).</p>")

    if data["pairs"]:
        body.append("<h2>Arms against each other (paired, same tasks)</h2><table><tr><th>arm A</th><th>arm B</th>"
                    "<th>tasks</th><th>ER of A over B</th><th>AS of A over B</th><th>solved by both</th></tr>")
        for pair in data["pairs"]:
            c = pair.get("comparison")
            if c:
                cells = (f"<td class='num'>{escape(metric_text(c['efficiency_ratio'], percent=True))}</td>"
                         f"<td class='num'>{escape(metric_text(c['average_speedup']))}</td>"
                         f"<td class='num'>{len(c['solved_by_both'])}</td>")
            else:
                cells = f"<td colspan='3' class='muted'>{escape(pair.get('undefined', ''))}</td>"
            body.append(f"<tr><td>{escape(pair['a'])}</td><td>{escape(pair['b'])}</td>"
                        f"<td class='num'>{pair['tasks']}</td>{cells}</tr>")
        body.append("</table>")

    body.append("<h2>Per-task speedups</h2>")
    systems = [a["system"] for a in data["arms"]]
    rows = [(f"{r['task']} ({r['language']})", {s: r["systems"][s]["speedup"] for s in systems})
            for r in data["tasks"]]
    body.append(speedup_bars(rows, systems, title="fastest passing sample vs fastest reference (× faster)"))
    charts += 1
    body.append("<table><tr><th>task</th><th>reference</th>" + "".join(
        f"<th>{escape(s)}: passed</th><th>{escape(s)}: best</th>" for s in systems) + "</tr>")
    for r in data["tasks"]:
        cells = "".join(
            f"<td class='num'>{r['systems'][s]['passed']}/{r['systems'][s]['samples']}"
            f"<span class='muted'> {escape(', '.join(v for v in r['systems'][s]['verdicts'] if v != 'passed'))}</span></td>"
            f"<td class='num'>{_figure(r['systems'][s]['best'])}</td>"
            for s in systems)
        body.append(f"<tr><td>{escape(r['task'])} ({escape(r['language'])})</td>"
                    f"<td class='num'>{_figure(r['reference'])}</td>{cells}</tr>")
    body.append("</table>")

    body.append("<h2>What the model learns from: curated solutions</h2>")
    body.append(speedup_bars([(f"{r['task']} ({r['language']})", {"kept vs others": r["speedup"]})
                              for r in data["curation"]], ["kept vs others"],
                             title="slowest kept solution vs fastest other passing solution (× faster)",
                             missing="no other passing solution"))
    charts += 1

    body.append("<h2>Loss curves</h2><div class='charts'>")
    for arm in data["arms"]:
        chart = line_chart(arm["losses"], title=f"{arm['name']}: loss per term")
        charts += chart.startswith("<svg")
        body.append(chart)
    body.append("</div>")

    if data["skeletons"]:
        body.append("<h2>Skeletons</h2>")
        for strategy, info in data["skeletons"].items():
            body.append(f"<h3>{escape(strategy)}</h3><p class='muted'>{escape(info['summary'])}</p>"
                        "<div class='skeletons'>")
            for ex in info["examples"]:
                body.append(f"<div><b>{escape(ex['task'])}</b> ({escape(ex['language'])}, "
                            f"{ex['kept_share']:.0%} of tokens kept)"
                            f"<div class='code'>{highlighted(ex['source'], structure(Skeleton, ex['skeleton']))}</div>"
                            f"<div class='code'>{escape(ex['rendered'])}</div></div>")
            body.append("</div>")

    body.append("<h2>Stages</h2><table><tr><th>stage</th><th>key</th><th>this run</th><th>time it took</th>"
                "<th>summary</th></tr>")
    for s in data["stages"]:
        body.append(f"<tr><td>{escape(s['name'])}</td><td><code>{escape(s['key'])}</code></td>"
                    f"<td>{escape(str(s['status']))}</td><td class='num'>{_seconds(s['ran_seconds'])}</td>"
                    f"<td>{escape(s['summary'])}</td></tr>")
    body.append("</table>")
    body.append("<h2>Running it on a real model and benchmark</h2>"
                f"<pre>{escape(data['real_model_howto'])}</pre>")
    return ("<!DOCTYPE html>\n"
            f"<html lang='en' data-charts='{charts}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{escape(data['title'])}</title><style>{CSS}</style><script>{SCRIPT}</script></head>"
            f"<body>{''.join(body)}</body></html>\n")
