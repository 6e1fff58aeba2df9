"""Candidates and their resolved speakers become ``Quote`` values.

Continuations are joined to the quote they carry on, and each quote takes its cue, speaker
mention and addressee as spans of the original text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc

from ..calibration import calibrated, category_of
from ..speakers import coref
from ..speakers.coref import EntityRecord
from ..types import Entity, Mention, Quote, QuoteKind, Span
from .quotes import Candidate, token_chars

__all__ = ["MAX_JOIN_GAP", "join_continuations", "to_quote", "without_overlaps"]


MAX_JOIN_GAP = 40
_CONTINUATIONS = frozenset({"continuation", "continuation-paragraph"})


def join_continuations(
    quotes: list[tuple[Candidate, EntityRecord | None]],
) -> list[tuple[Candidate, EntityRecord | None]]:
    """A quoted passage that carries on the direct quote just before it, with no cue of its
    own, is one more fragment of that quotation (``"A," she said of the plan. "B."``), as
    news annotation counts it; the narration between them stays outside the fragments. So
    is a paragraph that re-opens a quotation left unclosed (``"A.\n"B."``)."""
    out: list[tuple[Candidate, EntityRecord | None]] = []
    host: dict[int, Candidate] = {}
    for candidate, record in quotes:
        previous = out[-1][0] if out else None
        followed = host.get(id(candidate.follows), candidate.follows)
        if (
            previous is not None
            and candidate.rule in _CONTINUATIONS
            and candidate.cue is None
            and followed is previous
            and previous.kind is QuoteKind.DIRECT
            and candidate.kind is QuoteKind.DIRECT
            and candidate.start - previous.end <= MAX_JOIN_GAP
        ):
            previous.absorb(candidate)
            host[id(candidate)] = previous
            continue
        out.append((candidate, record))
    return out


def to_quote(
    doc: Doc,
    candidate: Candidate,
    record: EntityRecord | None,
    by_key: dict[int, Entity],
    text: str | None = None,
) -> Quote:
    # ``doc.text`` is rebuilt from every token on each access: pass it in (linear, not quadratic).
    text = doc.text if text is None else text
    # A continuation has no source of its own: it borrows that of the quote it continues.
    origin = candidate
    for _ in range(1000):
        if origin.source is not None or origin.follows is None:
            break
        origin = origin.follows
    cue = Span.of(text, *token_chars(doc, origin.cue.start, origin.cue.end)) if origin.cue else None
    mention = None
    if origin.source is not None:
        span = doc[origin.source[0] : origin.source[1]]
        mention = Mention.of(text, *token_chars(doc, *origin.source), coref.mention_kind(span))
    addressee = None
    if origin.addressee is not None:
        span = doc[origin.addressee[0] : origin.addressee[1]]
        addressee = Mention.of(text, *token_chars(doc, *origin.addressee), coref.mention_kind(span))
    confidence = candidate.confidence
    if record is None:
        confidence = min(confidence, 0.5 if mention is not None else 0.3)
    start, end = candidate.start, candidate.end
    quote = Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=candidate.kind,
        fragments=tuple(Span.of(text, a, b) for a, b in candidate.fragments),
        cue=cue if origin is candidate else None,
        speaker_mention=mention,
        speaker=by_key.get(id(record)) if record is not None else None,
        addressee=addressee if origin is candidate else None,
        confidence=round(confidence, 3),
        rule=candidate.rule,
        category=category_of(origin.cue.category if origin.cue is not None else None),
    )
    return attrs.evolve(quote, confidence=calibrated(quote, text))


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
