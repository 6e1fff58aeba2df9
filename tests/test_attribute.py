"""Behaviour of the whole pipeline on short texts written for these tests."""

from __future__ import annotations

import quoteattr
from conftest import check_offsets
from quoteattr import QuoteKind


def run(attributor, text):
    result = attributor.analyze(text)
    check_offsets(text, result)
    return result


def only(quotes, contains):
    found = [q for q in quotes if contains in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_direct_quote_with_cue_after(attributor):
    text = "“The bridge will open in May,” Mayor Alice Brandt said on Monday."
    (quote,) = run(attributor, text).quotes
    assert quote.kind is QuoteKind.DIRECT
    assert quote.text == "The bridge will open in May,"
    assert quote.cue.text == "said"
    assert quote.speaker.name == "Alice Brandt"


def test_inverted_cue(attributor):
    text = '"We have no plans to raise taxes this year," said Finance Minister Tomas Berg.'
    (quote,) = run(attributor, text).quotes
    assert quote.speaker.name == "Tomas Berg"
    assert quote.kind is QuoteKind.DIRECT


def test_colon_introduction(attributor):
    text = "The senator told reporters: “I will vote against this bill and so will my colleagues.”"
    (quote,) = run(attributor, text).quotes
    assert quote.kind is QuoteKind.DIRECT
    assert quote.text.startswith("I will vote")
    assert quote.speaker_mention.text == "The senator"


def test_interrupted_quote_is_one_quote_with_two_fragments(attributor):
    text = "“The river is rising fast,” Karl Olsen said, “and we must leave the valley tonight.”"
    (quote,) = run(attributor, text).quotes
    assert [f.text for f in quote.fragments] == [
        "The river is rising fast,",
        "and we must leave the valley tonight.",
    ]
    assert quote.speaker.name == "Karl Olsen"


def test_a_quote_resumed_after_a_mixed_quote_is_one_quote_with_two_fragments(attributor):
    text = (
        'Ferry fares "will rise sharply this winter," said analyst Mia Holt of the Harbour '
        'Trust. "Nobody in the islands is ready for it."'
    )
    (quote,) = run(attributor, text).quotes
    assert quote.kind.value == "mixed"
    assert [f.text for f in quote.fragments][-1] == "Nobody in the islands is ready for it."
    assert len(quote.fragments) == 2
    assert quote.speaker.name == "Mia Holt"


def test_indirect_quote_content_and_speaker(attributor):
    text = "Maria Lopez said the company would cut 200 jobs next year."
    (quote,) = run(attributor, text).quotes
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "the company would cut 200 jobs next year"
    assert quote.speaker.name == "Maria Lopez"


def test_mixed_quote(attributor):
    text = "Maria Lopez warned that the cuts would create “serious” problems for the town."
    (quote,) = run(attributor, text).quotes
    assert quote.kind is QuoteKind.MIXED
    assert "“serious”" in quote.text
    assert quote.cue.text == "warned"


def test_according_to(attributor):
    text = "According to Paul Grant, the factory will close before the end of the year."
    (quote,) = run(attributor, text).quotes
    assert quote.cue.text == "According to"
    assert quote.speaker.name == "Paul Grant"
    assert quote.text.startswith("the factory will close")


def test_parenthetical_cue(attributor):
    text = "The team left early because, she said, the storm was getting worse by the hour."
    (quote,) = run(attributor, text).quotes
    assert quote.text == "the storm was getting worse by the hour"
    assert quote.speaker_mention.text == "she"


def test_pronoun_resolves_to_previous_person_not_to_name_in_quote(attributor):
    text = (
        "Helen Ward arrived in Oslo on Tuesday.\n"
        "“I told Peter Novak that we would sign the deal this week,” she said."
    )
    (quote,) = run(attributor, text).quotes
    assert quote.speaker.name == "Helen Ward"


def test_scare_quotes_and_titles_are_not_quotes(attributor):
    text = (
        "The so-called “peace plan” was discussed at length. "
        "Critics read the report “Roads to Nowhere” closely."
    )
    assert run(attributor, text).quotes == ()


def test_partial_quotes_belong_to_their_mixed_quote(attributor):
    text = "Jonas Ek said the border was calm and his troops advanced “every day” in the north."
    quotes = run(attributor, text).quotes
    assert len(quotes) == 1
    assert quotes[0].kind is QuoteKind.MIXED


def test_continuation_paragraph_goes_to_previous_speaker(attributor):
    text = (
        "“We will rebuild the school before winter,” said Anna Kowalski, the head teacher.\n"
        "“The children deserve a warm place to learn, and the town has promised to help us.”"
    )
    quotes = run(attributor, text).quotes
    assert len(quotes) == 2
    assert quotes[1].rule.startswith("continuation")
    assert quotes[1].speaker.name == "Anna Kowalski"


def test_multi_paragraph_quote_reopened_each_paragraph(attributor):
    text = (
        "Coach Daniel Reyes said after the game:\n"
        "“We played badly in the first half and we know it.\n"
        "“In the second half we fought back, and I am proud of every player.”"
    )
    quotes = run(attributor, text).quotes
    # One quotation run over two paragraphs: one quote, a fragment per paragraph.
    assert len(quotes) == 1
    assert len(quotes[0].fragments) == 2
    assert quotes[0].speaker.name == "Daniel Reyes"


def test_description_resolves_by_nationality(attributor):
    text = (
        "French President Claire Dubois met Chancellor Otto Weber in Berlin. "
        "Weber said the talks were useful.\n"
        "“We agree on almost everything,” the German chancellor said."
    )
    quotes = run(attributor, text).quotes
    quote = only(quotes, "almost everything")
    assert quote.speaker.name == "Otto Weber"


def test_description_never_goes_to_a_leader_of_another_country(attributor):
    text = (
        "Ukrainian President Ivan Petrenko called for talks. "
        "Boris Orlov said on Friday that he was ready for a meeting.\n"
        "“Only at the final stage,” the Russian president told reporters."
    )
    quote = only(run(attributor, text).quotes, "final stage")
    assert quote.speaker.name == "Boris Orlov"


def test_name_variants_merge_into_one_entity(attributor):
    text = (
        "President Volodymyr Zelenskyy said the army was ready. "
        "Later Zelenskiy told reporters that aid was arriving. "
        "Zelensky also said the front was holding."
    )
    result = run(attributor, text)
    speakers = {q.speaker.id for q in result.quotes}
    assert len(result.quotes) == 3
    assert len(speakers) == 1
    assert result.quotes[0].speaker.name == "Volodymyr Zelenskyy"


def test_organisation_can_speak(attributor):
    text = "The ministry said it would publish the figures on Friday."
    (quote,) = run(attributor, text).quotes
    assert quote.speaker_mention.text == "The ministry"
    assert quote.speaker.kind is quoteattr.EntityKind.ORGANIZATION


def test_roster_gives_canonical_names():
    attributor = quoteattr.Attributor(roster={"Robert Smith Jr.": ["Bobby Smith", "Bob"]})
    text = "Bobby Smith said the team would win the final."
    (quote,) = attributor.analyze(text).quotes
    assert quote.speaker.name == "Robert Smith Jr."


def test_attribute_equals_analyze_quotes():
    text = "Maria Lopez said the company would cut 200 jobs next year."
    assert quoteattr.attribute(text) == list(quoteattr.analyze(text).quotes)


def test_every_quote_has_rule_and_confidence(attributor):
    text = (
        "“We are done,” he said. Officials said the plan failed. "
        "“Nobody came to the meeting at all, not even the chair,” the report noted."
    )
    for quote in run(attributor, text).quotes:
        assert quote.rule
        assert 0.0 <= quote.confidence <= 1.0


def test_json_form_round_trips(attributor):
    text = "“The bridge will open in May,” Mayor Alice Brandt said on Monday."
    result = run(attributor, text)
    data = result.quotes[0].to_dict()
    assert list(data) == [
        "start", "end", "text", "kind", "category", "fragments", "cue", "speaker_mention",
        "speaker", "addressee", "confidence", "rule",
    ]  # fmt: skip
    assert data["speaker"] == {"id": "E1", "name": "Alice Brandt", "kind": "person"}
    document = result.to_dict()
    assert document["schema"] == 2
    assert document["quotes"][0]["speaker"] == "E1"
    assert [e["id"] for e in document["entities"]] == ["E1"]
    back = quoteattr.Attribution.from_dict(document)
    assert back == result
    assert back.quotes[0].speaker is back.entities[0]  # one entity, shared


def test_output_is_deterministic(attributor):
    text = "Maria Lopez said the company would cut jobs. “It is sad,” she added."
    assert attributor.analyze(text) == attributor.analyze(text)
