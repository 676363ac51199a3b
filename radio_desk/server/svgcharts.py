"""Charts as inline SVG, drawn on the server: no JavaScript, readable by a screen reader.

Every chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` (what it shows, and every value in
words), and every bar carries its value as text, so the figure does not depend on colour or on seeing
the bars.  The functions return :class:`markupsafe.Markup`; every label is escaped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from markupsafe import Markup, escape

# colour-blind safe (Okabe-Ito), each with enough contrast on white for a 3:1 graphic
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
_ids = itertools.count(1)


def _num(v: float) -> str:
    return (
        f"{v:,.0f}".replace(",", ".")
        if float(v).is_integer()
        else f"{v:,.1f}".translate(str.maketrans(",.", ".,"))
    )


def _frame(width: int, height: int, title: str, desc: str, body: list[str]) -> Markup:
    n = next(_ids)
    return Markup(
        f'<svg class="chart" role="img" aria-labelledby="ct{n} cd{n}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="sans-serif" font-size="12">'
        f'<title id="ct{n}">{escape(title)}</title><desc id="cd{n}">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def grouped_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: int = 720,
    height: int = 260,
) -> Markup:
    """Vertical bars, one group per category (e.g. a week), one bar per series, a legend on top."""
    desc_parts = []
    for i, cat in enumerate(categories):
        values = ", ".join(f"{name} {_num(vals[i])}" for name, vals in series)
        desc_parts.append(f"{cat}: {values}")
    desc = f"{title}. " + "; ".join(desc_parts) + "." if categories else f"{title}: tidak ada data."
    top, bottom, left, right = 34, 40, 8, 8
    plot_h = height - top - bottom
    peak = max((v for _, vals in series for v in vals), default=0) or 1
    slot = (width - left - right) / max(1, len(categories))
    bar_w = max(4.0, min(28.0, (slot - 10) / max(1, len(series))))
    body: list[str] = []
    x = left
    for k, (name, _vals) in enumerate(series):  # legend
        colour = PALETTE[k % len(PALETTE)]
        body.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        body.append(f'<text x="{x + 16}" y="16">{escape(name)}</text>')
        x += 28 + 7 * len(name)
    base = top + plot_h
    body.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#555"/>')
    for i, cat in enumerate(categories):
        gx = left + i * slot + (slot - bar_w * len(series)) / 2
        for k, (_name, vals) in enumerate(series):
            v = vals[i]
            h = plot_h * v / peak
            bx = gx + k * bar_w
            colour = PALETTE[k % len(PALETTE)]
            body.append(
                f'<rect x="{bx:.1f}" y="{base - h:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                f'fill="{colour}"/>'
            )
            body.append(
                f'<text x="{bx + (bar_w - 1) / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle" '
                f'font-size="10">{_num(v)}</text>'
            )
        body.append(
            f'<text x="{left + i * slot + slot / 2:.1f}" y="{base + 16}" text-anchor="middle">'
            f"{escape(cat)}</text>"
        )
    return _frame(width, height, title, desc, body)


def hbars(
    title: str,
    rows: Sequence[tuple[str, Sequence[float]]],
    series_names: Sequence[str],
    *,
    width: int = 720,
    label_width: int = 230,
    row_height: int = 22,
) -> Markup:
    """Horizontal bars, one row per label (e.g. an OPD) with one bar per series (open, overdue)."""
    if rows:
        parts = [
            f"{label}: " + ", ".join(f"{n} {_num(v)}" for n, v in zip(series_names, vals, strict=True))
            for label, vals in rows
        ]
        desc = f"{title}. " + "; ".join(parts) + "."
    else:
        desc = f"{title}: tidak ada data."
    top = 28
    bar_h = max(6, (row_height - 6) // max(1, len(series_names)))
    height = top + max(1, len(rows)) * row_height + 8
    peak = max((v for _, vals in rows for v in vals), default=0) or 1
    plot_w = width - label_width - 60
    body: list[str] = []
    x = 8
    for k, name in enumerate(series_names):
        body.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>')
        body.append(f'<text x="{x + 16}" y="16">{escape(name)}</text>')
        x += 28 + 7 * len(name)
    for i, (label, vals) in enumerate(rows):
        y = top + i * row_height
        short = label if len(label) <= 34 else label[:33] + "…"
        body.append(
            f'<text x="{label_width - 6}" y="{y + row_height / 2 + 4:.1f}" text-anchor="end">'
            f"{escape(short)}</text>"
        )
        for k, v in enumerate(vals):
            w = plot_w * v / peak
            by = y + 3 + k * bar_h
            body.append(
                f'<rect x="{label_width}" y="{by}" width="{w:.1f}" height="{bar_h - 1}" '
                f'fill="{PALETTE[k % len(PALETTE)]}"/>'
            )
            body.append(
                f'<text x="{label_width + w + 4:.1f}" y="{by + bar_h - 2}" font-size="10">{_num(v)}</text>'
            )
    return _frame(width, height, title, desc, body)


def sparkline(title: str, labels: Sequence[str], values: Sequence[float], *, width: int = 120) -> Markup:
    """A small line of weekly values for a table cell; the values are in its title and desc."""
    height = 24
    peak = max(values, default=0) or 1
    step = (width - 4) / max(1, len(values) - 1)
    points = " ".join(
        f"{2 + i * step:.1f},{height - 3 - (height - 6) * v / peak:.1f}" for i, v in enumerate(values)
    )
    desc = ", ".join(f"{lab}: {_num(v)}" for lab, v in zip(labels, values, strict=True))
    body = [f'<polyline points="{points}" fill="none" stroke="{PALETTE[0]}" stroke-width="2"/>']
    if values:
        last_x = 2 + (len(values) - 1) * step
        last_y = height - 3 - (height - 6) * values[-1] / peak
        body.append(f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5" fill="{PALETTE[1]}"/>')
    return _frame(width, height, title, desc, body)
