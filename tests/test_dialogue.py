"""Speakers of quotes without a cue of their own: the sieves of ``quoteattr.speakers.dialogue``."""

from __future__ import annotations

import pytest

from conftest import check_deterministic
from quoteattr.speakers import coref
from quoteattr.speakers.dialogue import DialogueSieves
from quoteattr.text.marks import find_quoted_spans
from quoteattr.types import QuoteKind


def direct(attributor, text: str):
    result = check_deterministic(attributor, text)
    return [q for q in result.quotes if q.kind is QuoteKind.DIRECT]


def speakers(attributor, text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in direct(attributor, text)]


def rules(attributor, text: str) -> list[str]:
    return [q.rule for q in direct(attributor, text)]


# ------------------------------------------------------------------------------ narration


def test_subject_of_the_narrative_sentence_before_speaks(attributor):
    text = (
        "“You were afraid of the dark,” said Anna Kowalski.\n"
        "Tom Baker went red and looked at his boots.\n"
        "“Anyone would be afraid out there on a night like that.”"
    )
    assert speakers(attributor, text) == ["Anna Kowalski", "Tom Baker"]
    assert rules(attributor, text)[1] == "dialogue-narration"


def test_pronoun_subject_of_the_sentence_before_speaks(attributor):
    text = (
        "Tom Baker and Anna Kowalski sat on the wall.\n"
        "“You were afraid of the dark,” said Anna Kowalski.\n"
        "He bridled.\n"
        "“Anyone would be afraid out there on a night like that.”"
    )
    assert speakers(attributor, text) == ["Anna Kowalski", "Tom Baker"]


def test_subject_of_the_sentence_after_in_the_same_paragraph_speaks(attributor):
    text = (
        "“Will you come with us to the fair tomorrow?” asked Martha Reed.\n"
        "“I cannot promise anything.” Tom Baker looked away across the fields."
    )
    assert speakers(attributor, text) == ["Martha Reed", "Tom Baker"]
    assert rules(attributor, text)[1] == "dialogue-narration"


def test_a_person_described_by_a_common_noun_speaks(attributor):
    text = (
        "The old farmer held up his hand, and the boy came near.\n"
        "“Take up that basket and carry it to the inn.”\n"
        "The boy frowned.\n"
        "“Who are you to order me about?”"
    )
    quotes = check_deterministic(attributor, text).quotes
    assert quotes[1].speaker is not None and "boy" in quotes[1].speaker.name.lower()
    assert quotes[1].rule == "dialogue-narration"


def test_narration_about_a_thing_names_no_speaker(attributor):
    text = "The wind grew wilder and wilder.\n“What is that noise?”"
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is None


def test_quote_inside_a_narrative_sentence_belongs_to_its_subject(attributor):
    text = (
        "Anna Kowalski gestured to the crowd, then leaned in and boomed: “We will win in November.”"
    )
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Anna Kowalski"
    assert quote.rule == "narration-sentence"


def test_quote_inside_a_sentence_about_a_thing_belongs_to_that_thing(attributor):
    text = "The city council closed the meeting with a warning: “We will not pay for this again.”"
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is not None and quote.speaker.name == "The city council"


# ------------------------------------------------------------------------------ turns


def test_turns_alternate_over_a_longer_exchange(attributor):
    text = (
        "“Where have you been all night?” asked Martha.\n"
        "“Out by the river,” said Tom.\n"
        "“Alone?”\n"
        "“Quite alone.”\n"
        "“And the boat?”\n"
        "“Still tied up at the mill.”"
    )
    assert speakers(attributor, text) == ["Martha", "Tom"] * 3
    assert all(rule.startswith("dialogue") for rule in rules(attributor, text)[2:])


def test_first_reply_goes_to_the_other_person_of_the_narration(attributor):
    text = (
        "Martha Reed met Tom Baker at the gate of the farm.\n"
        "“Where have you been all night?” she asked.\n"
        "“Out by the river.”"
    )
    assert speakers(attributor, text) == ["Martha Reed", "Tom Baker"]


def test_quote_addressing_the_last_speaker_is_the_other_persons(attributor):
    text = (
        "Martha Reed and Tom Baker sat by the fire.\n"
        "“It is getting late,” said Martha Reed.\n"
        "“Then go to bed, Martha.”"
    )
    assert speakers(attributor, text) == ["Martha Reed", "Tom Baker"]


def test_long_paragraphs_of_a_quotation_continue_the_speaker(attributor):
    # News: two quote paragraphs in a row, long and with no sign of a dialogue, are one
    # speaker's, not two people taking turns.
    text = (
        "Mayor Jan Novak spoke to the council on Monday about the budget for next year.\n\n"
        "“We have spent the last three years repairing the roads, the bridges and the "
        "schools of this town, and the work is far from over.”\n\n"
        "“Next year we will start on the harbour, which has been neglected for decades and "
        "now needs to be rebuilt from the quay walls up.”"
    )
    quotes = attributor.analyze(text).quotes
    (quote,) = [q for q in quotes if q.kind is QuoteKind.DIRECT]  # the second joins the first
    assert quote.speaker.name == "Jan Novak"
    assert [f.text[:8] for f in quote.fragments] == ["We have ", "Next yea"]


def test_a_new_line_in_sentence_per_line_text_does_not_change_the_speaker(attributor):
    # When quotations run over line breaks without re-opening their marks, lines are
    # sentences, not paragraphs: the quote after a cue goes on with the same speaker.
    text = (
        "“Where have you been all night?” asked Martha.\n"
        "“Out by the river,” said Tom.\n"
        "“The water was high.\n"
        "I had to wait for the ferry.”"
    )
    quotes = attributor.analyze(text).quotes
    assert [q.speaker.name for q in quotes] == ["Martha", "Tom"]
    assert [f.text for f in quotes[1].fragments] == [
        "Out by the river,",
        "The water was high.\nI had to wait for the ferry.",
    ]
    quoted = [(s.content_start, s.content_end) for s in find_quoted_spans(text)]
    assert DialogueSieves(text, [], quoted).lines_are_paragraphs is False
    one_line = text.replace("high.\n", "high. ")
    quoted = [(s.content_start, s.content_end) for s in find_quoted_spans(one_line)]
    assert DialogueSieves(one_line, [], quoted).lines_are_paragraphs is True
    assert speakers(attributor, one_line) == ["Martha", "Tom", "Martha"]


# ------------------------------------------------------------------------------ vocatives


def test_vocative_names_the_next_speaker_never_the_current_one(attributor):
    text = (
        "Mrs. Jennings came into the kitchen with a letter in her hand.\n"
        "“Marianne, have you read the letter from London?”"
    )
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is not None and quote.speaker.name.endswith("Jennings")


def test_vocative_in_the_last_quote_names_the_reply(attributor):
    text = "“Have you read the letter yet, Marianne?” said Elinor Dashwood.\n“Not a word of it.”"
    assert speakers(attributor, text) == ["Elinor Dashwood", "Marianne"]
    assert rules(attributor, text)[1] == "dialogue-vocative"


@pytest.mark.parametrize(
    "quote",
    [
        "“Ask the men from the village, say, Jonas, Peter and Tom.”",
        "“I spoke to Sen. Marco Rubio about it.”",
    ],
)
def test_lists_and_titles_are_not_vocatives(quote):
    text = quote
    start = text.index("“") + 1
    record = coref.EntityRecord(key=0, name="x", kind=coref.EntityKind.PERSON)
    name = "Jonas" if "Jonas" in text else "Marco Rubio"
    a = text.index(name)
    record.mentions.append(coref.Mention.of(text, a, a + len(name), coref.MentionKind.NAME))
    sieves = DialogueSieves(text, [record], [(start, len(text) - 1)])
    assert sieves._addressed([(start, len(text) - 1)]) == []


# ------------------------------------------------------------------------------ pronouns


def test_she_said_goes_to_the_woman_not_the_nearer_man(attributor):
    text = (
        "Mr. Collins read the long letter aloud to Mrs. Bennet.\n"
        "“It is a very long letter indeed,” she said."
    )
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is not None and quote.speaker.name.endswith("Bennet")


def test_gender_is_learned_from_pronouns_in_the_names_own_sentence(attributor):
    # Neither forename tells a gender; the pronouns of their own sentences do.
    text = (
        "Brigid walked down to the gate, and she waited there for an hour.\n"
        "Jonas came up the lane later, and he was whistling.\n"
        "“You are very late,” she said."
    )
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Brigid"


def _records(text: str, *names: str) -> list[coref.EntityRecord]:
    out = []
    for key, name in enumerate(names):
        record = coref.EntityRecord(key=key, name=name, kind=coref.EntityKind.PERSON)
        start = text.find(name)
        while start >= 0:
            mention = coref.Mention.of(text, start, start + len(name), coref.MentionKind.NAME)
            record.mentions.append(mention)
            start = text.find(name, start + 1)
        out.append(record)
    return out


def test_learn_genders_needs_a_sentence_that_names_no_one_else(attributor):
    text = "Brigid waited, and she sang.\nJonas ran after Brigid, and he fell."
    brigid, jonas = _records(text, "Brigid", "Jonas")
    coref.learn_genders(attributor.nlp(text), [brigid, jonas], [])
    assert brigid.gender == "f"
    assert jonas.gender is None  # his only sentence names Brigid too: no evidence


def test_learn_genders_from_a_title_left_out_of_the_name(attributor):
    text = "Mr. Collins read the letter to Mrs. Bennet."
    collins, bennet = _records(text, "Collins", "Bennet")
    coref.learn_genders(attributor.nlp(text), [collins, bennet], [])
    assert (collins.gender, bennet.gender) == ("m", "f")


def test_noun_gender_of_descriptions(attributor):
    doc = attributor.nlp("The old woman and the boy")
    assert coref.noun_gender(doc[0:3]) == "f"
    assert coref.noun_gender(doc[4:6]) == "m"


# ------------------------------------------------------------------------------ cues


def test_inverted_cue_on_its_own_line_names_the_speaker(attributor):
    # "asked Dick Hunter" on the next line is parsed with the name as the object of *asked*.
    text = "“What time is it?”\nasked Dick Hunter, rubbing his eyes."
    (quote,) = check_deterministic(attributor, text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Dick Hunter"
    assert quote.cue is not None and quote.cue.text == "asked"


def test_after_a_cue_in_sentence_per_line_text_an_address_does_not_hand_over_the_turn(attributor):
    # Lines are sentences here (a quotation runs over one): "“…, Tom,” said Martha. “Sit
    # down.”" is Martha going on, as often as not in one paragraph; her address decides nothing.
    text = (
        "“Where have you been all night?” asked Martha Reed.\n"
        "“Out by the river.\n"
        "The water was high.”\n"
        "“Good evening to you too, Tom,” said Martha Reed.\n"
        "“Sit down by the fire.”"
    )
    (last,) = [q for q in direct(attributor, text) if "Sit down" in q.text]
    assert last.speaker is not None and last.speaker.name == "Martha Reed"


def test_after_a_cue_in_sentence_per_line_text_an_answer_is_the_other_partys(attributor):
    # "Yes, but …" opens an answer: after Martha's cued turn it is Tom's, not hers going on.
    text = (
        "“Where have you been all night?” asked Martha Reed.\n"
        "“Out by the river.\n"
        "The water was high,” said Tom Baker.\n"
        "“The ferry runs at dawn,” said Martha Reed.\n"
        "“Yes, but nobody was there to row it.”"
    )
    assert speakers(attributor, text)[-1] == "Tom Baker"
    assert rules(attributor, text)[-1] == "dialogue-reply"


def test_the_clause_after_a_tokenised_closing_mark_names_the_speaker(attributor):
    # Tokenised text ("? ” he asked") puts a space before the closing mark: the clause
    # after it is still the quote's own ("he asked pointing north", parsed as a sentence of
    # its own), so the question is his and the answer hers.
    text = (
        "Tom Baker and Martha Reed sat under the old oak .\n"
        "“ Come and eat ! ” Martha cried .\n"
        "They sat down together , laughing and talking while they ate .\n"
        "“ What is over there ? ” he asked pointing north .\n"
        "“ The big house . ”"
    )
    names = speakers(attributor, text)
    assert names[-2:] == ["Tom Baker", "Martha Reed"]


def test_after_a_cue_in_sentence_per_line_text_another_subject_of_its_sentence_answers(attributor):
    # "…,” he said; but she only shook her head.": the story turns to her, and the next
    # quote is her answer, not his going on.
    text = (
        "“Where have you been all night?” asked Martha Reed.\n"
        "“Out by the river.\n"
        "The water was high,” said Tom Baker.\n"
        "“I waited for the ferry,” he said; but she only shook her head.\n"
        "“Nonsense.”"
    )
    assert speakers(attributor, text)[-1] == "Martha Reed"


def test_a_speech_verb_opening_the_next_line_is_the_quotes_cue(attributor):
    # Sentence-per-line text: "said the farmer …" opens the line after the quote, and the
    # parse hangs it on the next quotation; it still names who spoke the first one. "The
    # voice of Tom Baker" is Tom Baker.
    text = (
        "Tom Baker lay asleep in the straw of the barn.\n"
        "“ Wake up , you lazy boy ! ”\n"
        "said the farmer a little impatiently ; “ I have called you twice . ”"
    )
    first = direct(attributor, text)[0]
    assert first.speaker is not None and first.speaker.name == "the farmer"
    voice = (
        "Anna Kowalski sat reading by the window of the library.\n"
        "The voice of Tom Baker rose from the hall below.\n"
        "“ Where is she hiding ? ”"
    )
    (quote,) = direct(attributor, voice)
    assert quote.speaker is not None and quote.speaker.name == "Tom Baker"
