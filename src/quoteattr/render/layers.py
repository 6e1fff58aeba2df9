"""Overlapping spans of one text written as properly nested HTML elements.

Quotes, their fragments, cues and speaker mentions may overlap in any way (a mention inside an
interrupted quote, a cue shared by two quotes, a mention that starts before a quote and ends
inside it). HTML elements must nest, so the text is cut at every span boundary and each piece
is wrapped in the spans covering it, outer ranks first; a span crossed by another of an outer
rank (or an earlier start of the same rank) is closed and reopened around it, and its later
pieces carry ``data-cont``. Every character of the text is written exactly once, in order.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

__all__ = ["Layer", "escape_attribute", "escape_text", "render_layers", "shorten"]

# Characters an HTML parser would not give back as they are: it drops NUL and turns CR into
# LF; a lone surrogate cannot even be written as UTF-8. CR survives as a character reference.
_UNSAFE = re.compile("[\x00\r\ud800-\udfff]")


def _replace_unsafe(match: re.Match[str]) -> str:
    return "&#13;" if match.group() == "\r" else "\ufffd"


def escape_text(text: str) -> str:
    """``text`` as HTML character data that reads back as the same characters."""
    return _UNSAFE.sub(_replace_unsafe, html.escape(text, quote=False))


def shorten(label: str, limit: int) -> str:
    """``label`` on one line, cut to ``limit`` characters with an ellipsis (for labels)."""
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def escape_attribute(value: str) -> str:
    """``value`` safe inside a double- or single-quoted attribute."""
    return _UNSAFE.sub(_replace_unsafe, html.escape(value, quote=True))


@attrs.frozen
class Layer:
    """One span to wrap in an element: ``rank`` orders nesting (smaller is outer)."""

    start: int
    end: int
    rank: int
    tag: str
    attributes: Mapping[str, str] = attrs.field(factory=dict)

    def open_tag(self, *, continued: bool) -> str:
        parts = [self.tag]
        for name, value in self.attributes.items():
            parts.append(f'{name}="{escape_attribute(value)}"')
        if continued:
            parts.append('data-cont="1"')
        return "<" + " ".join(parts) + ">"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def _order(item: tuple[int, Layer]) -> tuple[int, int, int, int]:
    index, layer = item
    return (layer.rank, layer.start, -layer.end, index)


def render_layers(text: str, layers: Iterable[Layer]) -> str:
    """The escaped ``text`` with every layer wrapped around its characters.

    Empty layers (start == end) become empty elements at their offset. Layers reaching outside
    the text are clipped to it.
    """
    size = len(text)
    items = [
        (i, attrs.evolve(layer, start=min(max(layer.start, 0), size), end=min(layer.end, size)))
        for i, layer in enumerate(layers)
    ]
    items = [(i, layer) for i, layer in items if layer.end >= layer.start]
    starts: dict[int, list[tuple[int, Layer]]] = {}
    ends: dict[int, list[int]] = {}
    empties: dict[int, list[tuple[int, Layer]]] = {}
    for item in items:
        bucket = empties if item[1].start == item[1].end else starts
        bucket.setdefault(item[1].start, []).append(item)
        if item[1].start != item[1].end:
            ends.setdefault(item[1].end, []).append(item[0])
    cuts = sorted({0, size, *(span.start for _, span in items), *(span.end for _, span in items)})

    out: list[str] = []
    stack: list[tuple[int, Layer]] = []  # open elements, outermost first
    opened: set[int] = set()  # layers written at least once (later pieces are continuations)
    active: dict[int, Layer] = {}
    for position, following in zip(cuts, [*cuts[1:], None], strict=True):
        for index in ends.get(position, ()):
            del active[index]
        for index, layer in starts.get(position, ()):
            active[index] = layer
        wanted = sorted(active.items(), key=_order)
        keep = _common_prefix(stack, wanted)
        _close_to(out, stack, keep)
        for _, layer in sorted(empties.get(position, ()), key=_order):
            out.append(layer.open_tag(continued=False) + layer.close_tag())
        for index, layer in wanted[keep:]:
            out.append(layer.open_tag(continued=index in opened))
            opened.add(index)
            stack.append((index, layer))
        if following is not None:
            out.append(escape_text(text[position:following]))
    _close_to(out, stack, 0)
    return "".join(out)


def _common_prefix(stack: Sequence[tuple[int, Layer]], wanted: Sequence[tuple[int, Layer]]) -> int:
    keep = 0
    while keep < len(stack) and keep < len(wanted) and stack[keep][0] == wanted[keep][0]:
        keep += 1
    return keep


def _close_to(out: list[str], stack: list[tuple[int, Layer]], depth: int) -> None:
    while len(stack) > depth:
        out.append(stack.pop()[1].close_tag())
