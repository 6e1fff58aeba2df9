"""Quotes as data for spaCy's displaCy, for users who already look at their texts that way.

    from spacy import displacy
    html = displacy.render(displacy_data(result), style="ent", manual=True,
                           options=displacy_options(result))

displaCy's entity view takes character spans that must not overlap; each quote's fragments
are labelled with its speaker's name, and its cue and speaker mention ``CUE`` and
``SPEAKER``, the quote's own words first when spans collide. displaCy escapes the text but
writes labels as they are, so a label keeps only letters, digits, spaces and ``.-_'``.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..types import Attribution, Quote
from .document import speaker_order
from .palette import tint

__all__ = ["NO_SPEAKER_LABEL", "displacy_data", "displacy_options", "speaker_label"]

#: The label of a quote whose speaker is unknown.
NO_SPEAKER_LABEL = "QUOTE"
_UNSAFE_LABEL = re.compile(r"[^\w .'-]+")
_LABEL_CHARS = 40


def speaker_label(quote: Quote) -> str:
    """The label of a quote's fragments: its speaker's name, made safe for displaCy."""
    if quote.speaker is None:
        return NO_SPEAKER_LABEL
    label = " ".join(_UNSAFE_LABEL.sub(" ", quote.speaker.name).split())[:_LABEL_CHARS]
    return label.strip() or NO_SPEAKER_LABEL


def _first_come_disjoint(spans: list[tuple[int, int, int, str]]) -> list[tuple[int, int, str]]:
    """The non-empty spans, in the order given, that overlap no span kept before them."""
    starts: list[int] = []  # the kept spans, disjoint and sorted by start
    ends: list[int] = []
    kept = []
    for _, start, end, label in spans:
        at = bisect.bisect_left(starts, start)
        clear_before = at == 0 or ends[at - 1] <= start
        clear_after = at == len(starts) or starts[at] >= end
        if start < end and clear_before and clear_after:
            starts.insert(at, start)
            ends.insert(at, end)
            kept.append((start, end, label))
    return kept


def displacy_data(attribution: Attribution, *, title: str | None = None) -> dict[str, Any]:
    """``{"text", "ents", "title"}`` for ``displacy.render(..., style="ent", manual=True)``."""
    wanted: list[tuple[int, int, int, str]] = []  # (priority, start, end, label)
    for quote in attribution.quotes:
        label = speaker_label(quote)
        wanted.extend((0, f.start, f.end, label) for f in quote.fragments)
        wanted.extend((1, s.start, s.end, "CUE") for s in (quote.cue,) if s is not None)
        wanted.extend(
            (1, s.start, s.end, "SPEAKER") for s in (quote.speaker_mention,) if s is not None
        )
    kept = _first_come_disjoint(sorted(wanted))
    ents = [{"start": s, "end": e, "label": label} for s, e, label in sorted(kept)]
    return {"text": attribution.text, "ents": ents, "title": title}


def displacy_options(attribution: Attribution) -> dict[str, Any]:
    """displaCy options giving each speaker the tint it has in quoteattr's own view (displaCy
    writes dark text on the colour)."""
    colours = {"CUE": "#e5e7eb", "SPEAKER": "#f3f4f6", NO_SPEAKER_LABEL: tint(None)}
    labels = {q.speaker.id: speaker_label(q) for q in attribution.quotes if q.speaker is not None}
    for index, speaker in enumerate(speaker_order(attribution.quotes)):
        colours.setdefault(labels[speaker.id].upper(), tint(index))
    return {"colors": colours}
