"""Which predicted quote is which gold quote: spans compared by the characters they
share, counting only characters that are not whitespace, punctuation or quotation marks."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Protocol

import attrs

#: Share of counted characters (of both quotes) needed for a loose match.
LOOSE = 0.3
#: Share of counted characters (of both quotes) needed for a strict match.
STRICT = 0.8

Interval = tuple[int, int]

# ASCII punctuation and symbols, plus marks that Unicode files as symbols but texts use as quotes.
_IGNORED = frozenset(string.punctuation) | frozenset("`´˝")


def _is_counted(ch: str) -> bool:
    if ch.isspace() or ch in _IGNORED:
        return False
    # P*: punctuation incl. all quotation marks; Z*: separators; C*: controls, format chars.
    return unicodedata.category(ch)[0] not in "PZC"


def prefix_counts(text: str) -> list[int]:
    """``cum[i]`` = counted characters in ``text[:i]``, so any span counts in O(1)."""
    table = {ch: int(_is_counted(ch)) for ch in set(text)}
    return list(accumulate((table[ch] for ch in text), initial=0))


def merge_spans(spans: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, disjoint, non-empty intervals covering the same characters."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def counted_chars(spans: Sequence[Interval], cum: Sequence[int]) -> int:
    return sum(cum[e] - cum[s] for s, e in spans)


def shared_chars(a: Sequence[Interval], b: Sequence[Interval], cum: Sequence[int]) -> int:
    """Counted characters in both merged interval lists (two-pointer walk)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            total += cum[end] - cum[start]
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


class HasOffsets(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def overlaps(a: HasOffsets, b: HasOffsets) -> bool:
    """Whether two spans (Span, Mention, Quote…) share at least one character."""
    return a.start < b.end and b.start < a.end


@attrs.frozen
class Item:
    """A quote reduced to what matching needs."""

    spans: tuple[Interval, ...]
    counted: int

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0


def candidates(gold: Sequence[Item], pred: Sequence[Item]) -> Iterator[tuple[int, int]]:
    """Pairs whose extents overlap, by one sweep over starts instead of all gold × pred."""
    events = sorted(
        [(g.start, 0, i) for i, g in enumerate(gold) if g.spans]
        + [(p.start, 1, j) for j, p in enumerate(pred) if p.spans]
    )
    active: tuple[list[int], list[int]] = ([], [])
    items = (gold, pred)
    for start, side, index in events:
        other = 1 - side
        active[other][:] = [k for k in active[other] if items[other][k].end > start]
        for k in active[other]:
            yield (index, k) if side == 0 else (k, index)
        active[side].append(index)


def greedy(
    pairs: Sequence[tuple[int, int, int]],
    gold: Sequence[Item],
    pred: Sequence[Item],
    threshold: float,
) -> dict[int, int]:
    """One-to-one matching: take qualifying pairs by most shared characters first."""
    eps = 1e-9
    eligible = [
        (shared, g, p)
        for g, p, shared in pairs
        if shared > 0
        and shared >= threshold * gold[g].counted - eps
        and shared >= threshold * pred[p].counted - eps
    ]
    # Ties: the pair that covers more of both (Dice), then document order.
    eligible.sort(key=lambda t: (-t[0], -2 * t[0] / (gold[t[1]].counted + pred[t[2]].counted), t))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in eligible:
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched
