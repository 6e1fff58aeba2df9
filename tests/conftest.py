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


def check_invariants(text: str, result: quoteattr.Attribution) -> None:
    """The invariants every output keeps (issue #4): exact offsets on the caller's string,
    spans inside the text, quotes in order and not overlapping, confidence in [0, 1], one
    id per entity.

    Fragments are only checked to lie in the text: ``quotes._merge_same_cue`` can repeat or
    nest them (a known bug, see ``check_fragments`` and
    ``test_robustness.test_fragments_are_disjoint_and_inside_their_quote``)."""
    assert result.text == text
    check_offsets(text, result)
    previous_end = 0
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text), quote
        assert quote.start >= previous_end, f"quotes overlap at {quote.start}"
        previous_end = quote.end
        assert 0.0 <= quote.confidence <= 1.0, quote.confidence
        assert quote.fragments, quote
        for fragment in quote.fragments:
            assert 0 <= fragment.start <= fragment.end <= len(text), fragment
    ids = [entity.id for entity in result.entities]
    assert len(ids) == len(set(ids)), ids
    for entity in result.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(text), mention


def check_deterministic(attributor: quoteattr.Attributor, text: str) -> quoteattr.Attribution:
    """Analyse ``text`` twice, check the invariants and that both runs agree; return it."""
    first = attributor.analyze(text)
    check_invariants(text, first)
    assert attributor.analyze(text) == first, "the same input gave a different output"
    return first


def check_fragments(result: quoteattr.Attribution) -> None:
    """Each quote's fragments are in order, disjoint and inside the quote."""
    for quote in result.quotes:
        previous_end = quote.start
        for fragment in quote.fragments:
            assert previous_end <= fragment.start <= fragment.end <= quote.end, quote.fragments
            previous_end = fragment.end
