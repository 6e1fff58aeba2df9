"""Any string in, an Attribution out: long documents, odd characters, pathological tokens.

Why this module exists
======================

spaCy refuses texts longer than ``nlp.max_length`` (1,000,000 characters), and below that
its memory grows with the length of the one document it is given (about 4 KB per character
for ``en_core_web_sm``: 1.6 GB for 370,000 characters). The rules, on the other hand, are
linear and want to see the whole document: entity clustering, pronoun coreference and the
continuation of a quote into the next paragraph all reach across paragraphs.

So a long text is **parsed** in pieces but **analysed** whole:

1. :func:`plan_pieces` cuts the text into pieces of at most ``limit`` characters, at a blank
   line if it can, else a line break, a sentence end, any whitespace, and only then a hard
   cut; never inside a pair of quotation marks when that can be avoided (a quoted passage
   longer than the limit is kept whole when it fits in twice the limit).
2. Each piece is parsed on its own and its ``Doc`` joined to the others with
   ``Doc.from_docs``; the joined text is the original text character for character, so no
   offset needs mapping back and nothing can be lost or duplicated at a seam.
3. The rules run once, on the joined ``Doc``.

Peak memory is therefore set by the piece size, not the document size (see
``docs/input-handling.md`` for measurements).

Odd characters are dealt with before any of this, on a clean copy whose offsets map back
exactly (``quoteattr.sanitize``). One more kind of input would stall spaCy: a **very long
run without whitespace** (``'"' * 5000``). Its tokenizer strips prefixes and suffixes one at
a time, copying the rest each time, which is quadratic in the length of the run (6 s for
8,000 quotation marks). :func:`make_doc` tokenises such runs in slices of
:data:`RUN_SLICE` characters and joins the results, which keeps the text exact.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..types import Attribution, Quote
from .marks import find_quoted_spans
from .sanitize import prepare

if TYPE_CHECKING:
    from ..attributor import Attributor

__all__ = [
    "DEFAULT_MAX_CHUNK_CHARS",
    "LONG_RUN",
    "RUN_SLICE",
    "analyze_text",
    "check_texts",
    "chunk_limit",
    "make_doc",
    "parse",
    "pipe_texts",
    "plan_pieces",
    "without_overlaps",
]

#: Default piece size. Far under ``nlp.max_length``: spaCy's memory grows with the length of
#: one document, and parsing in pieces costs no accuracy because the rules see the whole.
#: On a 2 MB news text: 20,000 gives 648 MiB peak RSS in 90 s, 100,000 gives 879 MiB in
#: 142 s, 990,000 gives 3.7 GiB in 173 s, all with the same result.
DEFAULT_MAX_CHUNK_CHARS = 20_000
#: Whitespace-free runs at least this long are tokenised in slices (see module docstring).
LONG_RUN = 256
#: The slice length for such runs.
RUN_SLICE = 64

_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # blank line: a paragraph ends
    re.compile(r"\n\s*"),  # line break
    re.compile(r"[.!?…。！？]+[\"'”’»«」』)\]]*\s+"),  # sentence end
    re.compile(r"\s+"),  # any whitespace
)
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN},}}")
_GLUE = frozenset("\u200c\u200d\u2060\ufe0e\ufe0f")  # joiners and variation selectors


# --------------------------------------------------------------------------- planning


def chunk_limit(nlp: Language, max_chunk_chars: int | None = None) -> int:
    """The piece size to use: the requested one (or the default), never over ``max_length``."""
    wanted = DEFAULT_MAX_CHUNK_CHARS if max_chunk_chars is None else max_chunk_chars
    if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted < 1:
        raise ValueError(f"max_chunk_chars must be a positive int, got {max_chunk_chars!r}")
    return max(1, min(wanted, nlp.max_length))


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


# --------------------------------------------------------------------------- parsing


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenise ``text`` like ``nlp.make_doc``, but in linear time on very long runs of
    non-space characters (which are cut into slices of :data:`RUN_SLICE`)."""
    cuts: list[int] = []
    for match in _LONG_RUN_RE.finditer(text):
        cuts.extend(range(match.start() + RUN_SLICE, match.end(), RUN_SLICE))
    if not cuts:
        return nlp.tokenizer(text)
    bounds = [0, *cuts, len(text)]
    docs = [nlp.tokenizer(text[a:b]) for a, b in itertools.pairwise(bounds)]
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(nlp: Language, text: str, limit: int) -> Doc:
    """The full parse of ``text``, made piece by piece when it is longer than ``limit``."""
    pieces = plan_pieces(text, limit)
    if len(pieces) == 1:
        return nlp(make_doc(nlp, text))
    docs = []
    for start, end in pieces:
        doc = nlp(make_doc(nlp, text[start:end]))
        doc.tensor = doc.tensor[:0]  # the rules never read it; it would double the memory
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


# --------------------------------------------------------------------------- entry points


def without_overlaps(quotes: Sequence[Quote]) -> list[Quote]:
    """Quotes in text order with none overlapping another: of two that overlap, the more
    confident (then the longer, then the first) stays.

    A guard for the "quotes do not overlap" guarantee: the rules should never produce an
    overlap, but adversarial text has found ways (see ``docs/input-handling.md``).
    """

    def strength(quote: Quote) -> tuple[float, int]:
        return quote.confidence, quote.end - quote.start

    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        if kept and quote.start < kept[-1].end:
            if strength(quote) > strength(kept[-1]):
                kept[-1] = quote
            continue
        kept.append(quote)
    return kept


def analyze_text(attributor: Attributor, text: str) -> Attribution:
    """``Attributor.analyze`` for a checked ``str`` of any length and content."""
    prepared = prepare(text)
    limit = chunk_limit(attributor.nlp, attributor.max_chunk_chars)
    return prepared.restore(attributor.analyze_doc(parse(attributor.nlp, prepared.text, limit)))


def pipe_texts(
    attributor: Attributor, texts: Iterable[str], batch_size: int
) -> Iterator[Attribution]:
    """``Attributor.pipe`` for checked strings: short texts are batched through
    ``nlp.pipe``, long ones go through :func:`analyze_text` on their own, order is kept."""
    nlp = attributor.nlp
    limit = chunk_limit(nlp, attributor.max_chunk_chars)
    batch: list[str] = []

    def flush() -> Iterator[Attribution]:
        prepared = [prepare(t) for t in batch]
        batch.clear()
        docs = nlp.pipe((make_doc(nlp, p.text) for p in prepared), batch_size=batch_size)
        for item, doc in zip(prepared, docs, strict=True):
            yield item.restore(attributor.analyze_doc(doc))

    for text in texts:
        if len(text) > limit:
            yield from flush()
            yield analyze_text(attributor, text)
            continue
        batch.append(text)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def check_texts(texts: object) -> Sequence[str] | Iterable[str]:
    """Refuse a lone string or bytes where an iterable of texts is expected."""
    if isinstance(texts, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            "Attributor.pipe expects an iterable of str (one text per item), got a single "
            f"{type(texts).__name__}; use Attributor.analyze for one text"
        )
    if not isinstance(texts, Iterable):
        raise TypeError(f"Attributor.pipe expects an iterable of str, got {type(texts).__name__}")
    return texts
