"""A regression text for each failure class fixed in docs/accuracy.md (texts written here)."""

from __future__ import annotations

from conftest import check_offsets
from quoteattr import QuoteKind


def quotes_of(attributor, text):
    result = attributor.analyze(text)
    check_offsets(text, result)
    return result.quotes


def test_verb_outside_lexicon_with_that_clause(attributor):
    text = "Senator Ruth Gale reckoned that the bill would pass before the recess."
    (quote,) = quotes_of(attributor, text)
    assert quote.text == "that the bill would pass before the recess"
    assert quote.speaker.name == "Ruth Gale"


def test_noun_phrase_content(attributor):
    text = "The governor announced a statewide ban on plastic bags on Thursday."
    (quote,) = quotes_of(attributor, text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text.startswith("a statewide ban on plastic bags")


def test_people_told_are_addressees_not_content(attributor):
    text = "“We are ready,” Coach Lena Frey told reporters."
    (quote,) = quotes_of(attributor, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.addressee is not None and quote.addressee.text == "reporters"


def test_title_followed_by_verb_is_not_a_quote(attributor):
    text = "The song “Rivers of Light” was discussed on the radio all week."
    assert quotes_of(attributor, text) == ()


def test_alternating_turns_in_dialogue(attributor):
    text = (
        "“Where have you been all night?” asked Martha.\n"
        "“Out by the river,” said Tom.\n"
        "“Alone?”\n"
        "“Quite alone.”"
    )
    quotes = quotes_of(attributor, text)
    assert [q.speaker.name for q in quotes] == ["Martha", "Tom", "Martha", "Tom"]
    assert quotes[2].rule.startswith("dialogue")


def test_vocative_names_the_next_speaker(attributor):
    text = (
        "Elinor came into the kitchen with the letter.\n"
        "“Have you read it yet, Marianne?” said Elinor.\n"
        "“Not a word of it.”"
    )
    quotes = quotes_of(attributor, text)
    assert quotes[-1].speaker.name == "Marianne"


def test_first_person_narrator_is_one_entity(attributor):
    text = "“Stay here,” I said.\nHe shrugged.\n“I will not stay,” he said.\n“Then go,” I said."
    quotes = quotes_of(attributor, text)
    narrator = {q.speaker.id for q in quotes if q.speaker_mention.text == "I"}
    assert len(narrator) == 1
