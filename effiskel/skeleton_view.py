"""The skeleton view: one self-contained HTML page (no script, no network) showing each solution
with its skeleton tokens highlighted, one column per strategy side by side.

The page opens with a table of the share of tokens kept per strategy and language; then, per
task and language, each solution's source once per strategy, kept text highlighted, the rendered
skeleton folded under it, or the reason the strategy gave no skeleton.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .datamodel import Skeleton
from .extraction import SkeletonRecord

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 0.95rem; font-weight: normal; color: #555; }
table.summary { border-collapse: collapse; margin: 1rem 0; }
table.summary td, table.summary th { border: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: right; }
table.summary th { background: #f3f3f3; }
.row { display: grid; gap: 0.8rem; margin-bottom: 1.2rem; }
.col { min-width: 0; border: 1px solid #ddd; border-radius: 4px; padding: 0.4rem; background: #fafafa; }
.col h4 { margin: 0 0 0.3rem 0; font-size: 0.85rem; }
pre { margin: 0; font-size: 0.78rem; line-height: 1.35; white-space: pre-wrap; word-break: break-word; }
pre .k { background: #ffe08a; color: #000; border-radius: 2px; }
pre .m { color: #9a9a9a; }
.failure { color: #a40000; font-size: 0.85rem; }
details { margin-top: 0.4rem; font-size: 0.78rem; } summary { cursor: pointer; color: #555; }
.legend .k { background: #ffe08a; padding: 0 0.3rem; } .legend .m { color: #9a9a9a; }
"""


def highlighted(source: str, skeleton: Skeleton) -> str:
    """``source`` as HTML, the skeleton's kept spans in ``<span class="k">``, the rest dimmed."""
    parts = []
    prev = 0
    for start, end in skeleton.spans:
        if start > prev:
            parts.append(f'<span class="m">{html.escape(source[prev:start])}</span>')
        parts.append(f'<span class="k">{html.escape(source[start:end])}</span>')
        prev = end
    if prev < len(source):
        parts.append(f'<span class="m">{html.escape(source[prev:])}</span>')
    return "".join(parts)


def _summary(records: Sequence[SkeletonRecord], strategies: list[str]) -> str:
    languages = sorted({r.language for r in records})
    head = "".join(f"<th>{html.escape(s)}</th>" for s in strategies)
    rows = []
    for language in languages:
        cells = []
        for strategy in strategies:
            mine = [r for r in records if r.language == language and r.strategy == strategy]
            kept = sum(sum(r.outcome.keep) for r in mine if r.ok)
            total = sum(len(r.outcome.keep) for r in mine if r.ok)
            failed = sum(not r.ok for r in mine)
            share = f"{kept / total:.1%}" if total else "-"
            cells.append(f"<td>{share} <small>({len(mine) - failed} ok, {failed} failed)</small></td>")
        rows.append(f"<tr><th>{html.escape(language)}</th>{''.join(cells)}</tr>")
    return (
        '<table class="summary"><tr><th>share of tokens kept</th>'
        f"{head}</tr>{''.join(rows)}</table>"
    )


def render_html(records: Sequence[SkeletonRecord], *, title: str = "effiskel skeletons") -> str:
    """The whole page for ``records`` (any strategies, tasks and languages)."""
    strategies = list(dict.fromkeys(r.strategy for r in records))
    by_solution: dict[tuple[str, str, str], dict[str, SkeletonRecord]] = {}
    for record in records:
        by_solution.setdefault((record.task_id, record.language, record.solution_id), {})[record.strategy] = record
    body = [
        f"<h1>{html.escape(title)}</h1>",
        (
            '<p class="legend"><span class="k">kept</span> skeleton text, '
            '<span class="m">masked</span> text; one column per strategy.</p>'
        ),
        _summary(records, strategies),
    ]
    columns = f"repeat({max(1, len(strategies))}, minmax(0, 1fr))"
    current = None
    for (task_id, language, solution_id), per_strategy in by_solution.items():
        if (task_id, language) != current:
            current = (task_id, language)
            body.append(f"<h2>{html.escape(task_id)} · {html.escape(language)}</h2>")
        first = next(iter(per_strategy.values()))
        body.append(f"<h3>{html.escape(solution_id)} · {html.escape(first.origin)}</h3>")
        body.append(f'<div class="row" style="grid-template-columns: {columns}">')
        for strategy in strategies:
            record = per_strategy.get(strategy)
            body.append('<div class="col">')
            if record is None:
                body.append(f"<h4>{html.escape(strategy)}</h4><p class='failure'>not run</p>")
            elif record.ok:
                skeleton = record.outcome
                body.append(f"<h4>{html.escape(strategy)} · {skeleton.kept_share:.0%} of tokens kept</h4>")
                body.append(f"<pre>{highlighted(record.source, skeleton)}</pre>")
                body.append(
                    f"<details><summary>rendered</summary><pre>{html.escape(skeleton.rendered)}</pre></details>"
                )
            else:
                body.append(f"<h4>{html.escape(strategy)}</h4>")
                body.append(f'<p class="failure">no skeleton: {html.escape(record.outcome.reason)}</p>')
                body.append(f"<pre>{html.escape(record.source)}</pre>")
            body.append("</div>")
        body.append("</div>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
