from __future__ import annotations

import pytest

import quoteattr


@pytest.fixture(scope="session")
def attributor() -> quoteattr.Attributor:
    return quoteattr.Attributor()


def check_offsets(text: str, result: quoteattr.Attribution) -> None:
    """Every span in a result must be an exact slice of the original text."""
    spans = []
    for quote in result.quotes:
        spans.append(quote)
        spans.extend(quote.fragments)
        spans.extend(s for s in (quote.cue, quote.speaker_mention, quote.addressee) if s)
        if quote.speaker:
            spans.extend(quote.speaker.mentions)
    for entity in result.entities:
        spans.extend(entity.mentions)
    for span in spans:
        assert text[span.start : span.end] == span.text, span
