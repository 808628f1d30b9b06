"""Small bar charts as inline SVG for the class report: no scripts, no network, and they print sharply."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

WIDTH = 420
BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 130


def bar_chart(bars: Sequence[tuple[str, float]], unit: str) -> Markup:
    """Horizontal bars, one per (label, value), each with its value written beside it (not colour alone)."""
    if not bars:
        return Markup("")
    largest = max(value for _, value in bars) or 1.0
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(unit)}">']
    room = WIDTH - LABEL_WIDTH - 60
    for number, (label, value) in enumerate(bars):
        top = GAP + number * (BAR_HEIGHT + GAP)
        length = max(1.0, room * value / largest)
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{top + BAR_HEIGHT * 0.7:.1f}" text-anchor="end">'
                     f"{escape(label)}</text>")
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length:.1f}" height="{BAR_HEIGHT}" class="bar"/>')
        parts.append(f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{top + BAR_HEIGHT * 0.7:.1f}">'
                     f"{value:,.0f}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))  # every label in it was escaped above
