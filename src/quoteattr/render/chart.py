"""Horizontal bar charts as inline SVG, drawn here so a report needs nothing from the network."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .layers import escape_attribute, escape_text, shorten

__all__ = ["Bar", "bar_chart"]

_ROW = 24  # height of one bar's row
_LABEL_WIDTH = 180
_BAR_WIDTH = 240
_VALUE_WIDTH = 80
_LABEL_CHARS = 24


@attrs.frozen
class Bar:
    """One row: what it counts, how many, and its colour."""

    label: str
    count: int
    colour: str


def bar_chart(title: str, bars: Sequence[Bar], total: int) -> str:
    """An SVG chart of each bar's share of ``total``, labelled with the share and the count."""
    height = _ROW * max(len(bars), 1) + 8
    width = _LABEL_WIDTH + _BAR_WIDTH + _VALUE_WIDTH
    parts = [
        f'<svg class="qa-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape_text(title)}</title>",
    ]
    if not bars:
        parts.append(f'<text x="0" y="{_ROW - 8}" class="qa-chart-empty">nothing to show</text>')
    for row, bar in enumerate(bars):
        share = bar.count / total if total else 0.0
        y = 4 + row * _ROW
        length = max(round(share * _BAR_WIDTH, 1), 1.0 if bar.count else 0.0)
        parts.append(
            f"<g><title>{escape_text(f'{bar.label}: {bar.count} of {total}')}</title>"
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape_text(shorten(bar.label, _LABEL_CHARS))}</text>"
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{_ROW - 8}" rx="3" '
            f'fill="{escape_attribute(bar.colour)}"/>'
            f'<text x="{_LABEL_WIDTH + length + 6}" y="{y + 15}" class="qa-chart-value">'
            f"{share:.0%} ({bar.count})</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
