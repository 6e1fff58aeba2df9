"""Character spans asked, many times over, whether an offset lies inside one of them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """Sorted ``(start, end)`` character spans (quotations, reported contents), with a
    binary search for membership: the speaker rules ask once per mention. The search looks
    only at the last span starting at or before the offset, so the spans must not nest."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and self.spans[k][0] <= offset < self.spans[k][1]
