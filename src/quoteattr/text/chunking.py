"""Cutting a long text into pieces to parse, at the best boundary in reach.

spaCy refuses texts longer than ``nlp.max_length`` (1,000,000 characters), and below that
its memory grows with the length of the one document it is given (about 4 KB per character
for ``en_core_web_sm``: 1.6 GB for 370,000 characters). The rules, on the other hand, are
linear and want to see the whole document: entity clustering, pronoun coreference and the
continuation of a quote into the next paragraph all reach across paragraphs. So a long text
is *parsed* in pieces (``quoteattr.parse``) but *analysed* whole.

:func:`plan_pieces` cuts the text into pieces of at most ``limit`` characters, at a blank
line if it can, else a line break, a sentence end, any whitespace, and only then a hard cut;
never inside a pair of quotation marks when that can be avoided (a quoted passage longer
than the limit is kept whole when it fits in twice the limit). String work only: no NLP.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from .marks import find_quoted_spans

__all__ = ["plan_pieces"]

_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # blank line: a paragraph ends
    re.compile(r"\n\s*"),  # line break
    re.compile(r"[.!?…。！？]+[\"'”’»«」』)\]]*\s+"),  # sentence end
    re.compile(r"\s+"),  # any whitespace
)
_GLUE = frozenset("\u200c\u200d\u2060\ufe0e\ufe0f")  # joiners and variation selectors


class _Quoted:
    """Top-level quoted spans, to ask whether a cut at some offset would split one."""

    def __init__(self, text: str) -> None:
        self.spans = [(s.start, s.end) for s in find_quoted_spans(text)]
        self.starts = [s for s, _ in self.spans]

    def covering(self, cut: int) -> tuple[int, int] | None:
        """The quoted span with ``start < cut < end``, if any."""
        k = bisect.bisect_left(self.starts, cut) - 1
        if k >= 0 and self.spans[k][1] > cut:
            return self.spans[k]
        return None


def _last_cut(text: str, lo: int, hi: int, quoted: _Quoted | None) -> int | None:
    """The best cut in ``(lo, hi]``: the strongest boundary in the upper half of the window,
    else the strongest one anywhere in it; outside quotes unless ``quoted`` is None."""
    middle = lo + (hi - lo) // 2
    fallback = None
    for pattern in _BOUNDARIES:
        last = None
        for match in pattern.finditer(text, lo, hi):
            cut = match.end()
            if quoted is None or quoted.covering(cut) is None:
                last = cut
        if last is None:
            continue
        if last >= middle:
            return last
        if fallback is None:
            fallback = last
    return fallback


def _cut_after(text: str, lo: int, hi: int) -> int:
    """Where to end a piece stretched to hold a quote that ends at ``lo``: the nearest line
    break or sentence end up to ``hi`` (so that a cue after the quote stays with it), else
    the end of the text if it is in reach, else the nearest whitespace, else ``lo``."""
    for pattern in _BOUNDARIES[1:3]:
        match = pattern.search(text, lo, hi)
        if match is not None:
            return match.end()
    if hi >= len(text):
        return len(text)
    match = _BOUNDARIES[3].search(text, lo, hi)
    return match.end() if match is not None else lo


def _hard_cut(text: str, lo: int, hi: int) -> int:
    """``hi``, moved back so as not to split a character from its combining marks or a
    CR LF pair."""
    cut = hi
    while cut - 1 > lo and (
        unicodedata.combining(text[cut])
        or text[cut] in _GLUE
        or text[cut - 1] in _GLUE
        or (text[cut] == "\n" and text[cut - 1] == "\r")
    ):
        cut -= 1
    return cut


def plan_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces covering ``text``, each at most ``limit`` long
    (or up to twice that, to keep a long quoted passage whole)."""
    if limit < 1:
        raise ValueError(f"limit must be positive, got {limit}")
    n = len(text)
    if n <= limit:
        return [(0, n)]
    quoted = _Quoted(text)
    pieces: list[tuple[int, int]] = []
    pos = 0
    while n - pos > limit:
        hi = pos + limit
        cut = _last_cut(text, pos, hi, quoted)
        if cut is None:
            span = quoted.covering(hi)
            stretch = min(n, pos + 2 * limit)
            if span is not None and span[0] >= pos and span[1] <= stretch:
                # A quoted passage longer than the window: keep it whole, and its cue too.
                cut = _cut_after(text, span[1], stretch)
            else:
                cut = _last_cut(text, pos, hi, None) or _hard_cut(text, pos, hi)
        pieces.append((pos, cut))
        pos = cut
    if pos < n:
        pieces.append((pos, n))
    return pieces
