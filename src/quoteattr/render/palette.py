"""Speaker colours: a fixed, readable palette, then evenly spread hues for long casts.

Each colour comes as a strong shade (borders, swatches, bars) and a light tint (the
background behind a quote's words), so dark text stays readable on every highlight.
"""

from __future__ import annotations

import colorsys

__all__ = ["NO_SPEAKER", "colour", "palette_css", "tint"]

_BASE = (
    "#2563eb",  # blue
    "#dc2626",  # red
    "#16a34a",  # green
    "#9333ea",  # purple
    "#ea580c",  # orange
    "#0891b2",  # cyan
    "#db2777",  # pink
    "#65a30d",  # lime
    "#b45309",  # amber
    "#4f46e5",  # indigo
    "#0d9488",  # teal
    "#a21caf",  # fuchsia
)
#: The grey of quotes whose speaker is unknown.
NO_SPEAKER = "#6b7280"
_GOLDEN_ANGLE = 137.508


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (red, green, blue))


def _tint(strong: str, share_of_white: float = 0.8) -> str:
    channels = [int(strong[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c + (1 - c) * share_of_white for c in channels)
    return _hex(red, green, blue)


def colour(index: int) -> str:
    """The strong shade of the ``index``-th speaker (0 is the most quoted)."""
    if index < len(_BASE):
        return _BASE[index]
    hue = ((index - len(_BASE)) * _GOLDEN_ANGLE % 360) / 360
    return _hex(*colorsys.hls_to_rgb(hue, 0.42, 0.65))


def tint(index: int | None) -> str:
    """The light tint of the ``index``-th speaker, or of quotes with no speaker (None)."""
    return _tint(NO_SPEAKER, 0.85) if index is None else _tint(colour(index))


def palette_css(count: int) -> str:
    """CSS classes ``.s0`` … ``.s{count-1}`` and ``.s-none`` setting ``--c`` and ``--t``."""
    rules = [f".s{i}{{--c:{colour(i)};--t:{tint(i)}}}" for i in range(count)]
    rules.append(f".s-none{{--c:{NO_SPEAKER};--t:{tint(None)}}}")
    return "\n".join(rules)
