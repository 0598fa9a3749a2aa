"""Inline SVG charts for the report: no script, no network, no plotting library.

Two kinds: grouped horizontal bars on a log scale around 1 (speedups per task and arm) and
lines over steps (loss curves per loss term). Both escape every label they print.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

#: Colour per series, in order (colour-blind-safe palette of Okabe and Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) < 0.01:
        return f"{value:.2g}"
    return f"{value:.3g}"


def speedup_bars(rows: Sequence[tuple[str, Mapping[str, float | None]]], series: Sequence[str], *,
                 title: str, width: int = 720, missing: str = "no passing solution") -> str:
    """Horizontal bars per row (a task) and series (an arm): the speedup on a log axis, 1 = as
    fast as the reference; ``None`` draws a cross and ``missing`` as its tooltip."""
    values = [v for _, per in rows for v in per.values() if v is not None and v > 0]
    low = min([*values, 0.5])
    high = max([*values, 2.0])
    lo_exp, hi_exp = math.floor(math.log10(low)), math.ceil(math.log10(high))
    if lo_exp == hi_exp:
        hi_exp += 1
    # Room for the longest label (about 6.5 px a character at 11 px), within reason.
    label_w = min(340, max(120, int(6.5 * max((len(label) for label, _ in rows), default=0)) + 12))
    bar_h, gap, top, right = 12, 8, 42, 20
    plot_w = max(width - 190 - right, 300)
    width = label_w + plot_w + right
    row_h = bar_h * max(1, len(series)) + gap
    height = top + row_h * max(1, len(rows)) + 30

    def x(value: float) -> float:
        return label_w + plot_w * (math.log10(value) - lo_exp) / (hi_exp - lo_exp)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f'<text x="{label_w}" y="16" class="title">{escape(title)}</text>']
    for i, name in enumerate(series):  # legend
        lx = label_w + i * 150
        parts.append(f'<rect x="{lx}" y="24" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
                     f'<text x="{lx + 14}" y="33" class="legend">{escape(name)}</text>')
    for exp in range(lo_exp, hi_exp + 1):
        for mult in (1, 2, 5):
            value = mult * 10.0 ** exp
            if not lo_exp <= math.log10(value) <= hi_exp:
                continue
            gx = x(value)
            cls = "axis1" if value == 1 else ("grid" if mult == 1 else "grid minor")
            parts.append(f'<line x1="{gx:.1f}" y1="{top - 4}" x2="{gx:.1f}" y2="{height - 26}" class="{cls}"/>')
            if mult == 1 or hi_exp - lo_exp <= 2:
                parts.append(f'<text x="{gx:.1f}" y="{height - 12}" class="tick">{_fmt(value)}×</text>')
    one = x(1.0)
    for r, (label, per) in enumerate(rows):
        y0 = top + r * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y0 + row_h / 2:.1f}" class="label">{escape(label)}</text>')
        for i, name in enumerate(series):
            y = y0 + i * bar_h
            value = per.get(name)
            colour = PALETTE[i % len(PALETTE)]
            if value is None or value <= 0:
                cx = label_w + 6
                parts.append(f'<g class="missing"><title>{escape(name)}: {escape(missing)}</title>'
                             f'<path d="M{cx - 3} {y + 2}l6 6m0 -6l-6 6" stroke="{colour}"/></g>')
                continue
            vx = x(value)
            bx, bw = (one, vx - one) if vx >= one else (vx, one - vx)
            parts.append(f'<rect x="{bx:.1f}" y="{y + 1}" width="{max(bw, 1):.1f}" height="{bar_h - 2}" '
                         f'fill="{colour}"><title>{escape(label)}, {escape(name)}: {_fmt(value)}×</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(series: Mapping[str, Sequence[tuple[float, float]]], *, title: str, width: int = 460,
               height: int = 240, x_label: str = "step", log_y: bool = False) -> str:
    """Lines over ``x`` (e.g. one per loss term); an empty mapping gives a note, not a chart."""
    points = [(px, py) for values in series.values() for px, py in values
              if math.isfinite(py) and (py > 0 or not log_y)]
    if not points:
        return f'<p class="note">{escape(title)}: nothing logged.</p>'
    left, right, top, bottom = 52, 12, 34, 30
    xs = [p[0] for p in points]
    ys = [math.log10(p[1]) if log_y else p[1] for p in points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    if x1 == x0:
        x1 = x0 + 1
    if y1 == y0:
        y1 = y0 + 1
    pad = (y1 - y0) * 0.05
    y0, y1 = y0 - pad, y1 + pad

    def sx(v: float) -> float:
        return left + (width - left - right) * (v - x0) / (x1 - x0)

    def sy(v: float) -> float:
        v = math.log10(v) if log_y else v
        return height - bottom - (height - top - bottom) * (v - y0) / (y1 - y0)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f'<text x="{left}" y="14" class="title">{escape(title)}</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" class="grid"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" class="grid"/>',
             f'<text x="{width - right}" y="{height - 6}" class="tick end">{escape(x_label)} {_fmt(x1)}</text>',
             f'<text x="{left}" y="{height - 6}" class="tick">{_fmt(x0)}</text>']
    for frac in (0.0, 0.5, 1.0):
        value = y0 + pad + (y1 - y0 - 2 * pad) * frac
        shown = 10 ** value if log_y else value
        parts.append(f'<text x="{left - 4}" y="{sy(shown) + 4:.1f}" class="tick end">{_fmt(shown)}</text>')
    for i, (name, values) in enumerate(series.items()):
        colour = PALETTE[i % len(PALETTE)]
        kept = [(px, py) for px, py in values if math.isfinite(py) and (py > 0 or not log_y)]
        if not kept:
            continue
        path = " ".join(f"{'M' if j == 0 else 'L'}{sx(px):.1f} {sy(py):.1f}" for j, (px, py) in enumerate(kept))
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.6">'
                     f'<title>{escape(name)}: {_fmt(kept[0][1])} → {_fmt(kept[-1][1])}</title></path>')
        parts.append(f'<rect x="{left + 8 + i * 95}" y="20" width="10" height="3" fill="{colour}"/>'
                     f'<text x="{left + 22 + i * 95}" y="25" class="legend">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
