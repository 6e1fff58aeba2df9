"""Precision on everyday news pages (issue 13): page furniture, the reader addressed and the
writer's own voice are no quotes; categories; paragraphs re-opened by the convention.

Every text here is written for the test, in the style of the failure class."""

from __future__ import annotations

import pytest

from conftest import check_invariants
from quoteattr.types import Category


def quotes_of(attributor, text):
    result = attributor.analyze(text)
    check_invariants(text, result)
    return result.quotes


def covering(quotes, words):
    return [q for q in quotes if words in q.text]


# --------------------------------------------------------------------------- page furniture


def test_read_more_and_video_labels_are_no_quotes(attributor):
    text = (
        "The harbour board met on Monday to discuss the flood defences.\n"
        "READ MORE: Council says the sea wall will cost twice as much as planned\n"
        "Video: Engineer Tom Hale explains that the tide gauges failed\n"
        "Board chairman Peter Lund said that repairs would begin in spring."
    )
    quotes = quotes_of(attributor, text)
    assert not covering(quotes, "twice as much")
    assert not covering(quotes, "tide gauges")
    kept = covering(quotes, "repairs would begin")
    assert kept and kept[0].speaker is not None and kept[0].speaker.name == "Peter Lund"


# Each case: a text in the style of the class, words of a non-report that must not be quoted,
# and words of a real report in the same text that must stay.
NON_REPORTS = {
    "a caption opening with 'Video shows'": (
        "Video shows firefighters lifting a pony out of a flooded ditch\n"
        "Firefighters were called to the farm at dawn. Crew manager Ann Cole said the pony "
        "was cold but unhurt.",
        ["lifting a pony"],
        "the pony was cold",
    ),
    "a crosshead in capitals (sports report)": (
        "The striker scored twice in the second half.\n"
        "MANAGER SAYS TITLE RACE IS NOT OVER\n"
        "After the match, manager Luis Ortega said that his side had earned the win.",
        ["TITLE RACE"],
        "his side had earned the win",
    ),
    "the writer's hedge (science news)": (
        "The team tracked two hundred bees for a month. In fact, it would be safe to say "
        "that the results surprised the beekeepers. Lead author Dr Mia Santos said that the "
        "colonies recovered faster than expected.",
        ["surprised the beekeepers"],
        "recovered faster than expected",
    ),
    "a thing shared (entertainment news)": (
        "The actress shared a clip of her dog learning to swim. Her publicist said that "
        "the dog was recovering from surgery.",
        ["a clip of her dog"],
        "the dog was recovering",
    ),
    "a name held by no one (is known as)": (
        "The old mill, which is known as the Red House, will become flats. The developer "
        "said that work would start in March.",
        ["the Red House"],
        "work would start in March",
    ),
    "a report asked for, not made (a modal)": (
        "Club owners should explain that ticket prices will rise again. The league's chief "
        "executive said that prices would be frozen for a year.",
        ["ticket prices will rise"],
        "prices would be frozen",
    ),
    "a comment invitation and an advice box": (
        "Share your thoughts on the new bus timetable in the comments below.\n"
        "Only call the helpline if your doctor says that the rash is spreading.\n"
        "Transport chief Ravi Menon said that the timetable would be reviewed in June.",
        ["bus timetable in the comments", "the rash is spreading"],
        "would be reviewed in June",
    ),
    "the writer generalising in an inference (science news)": (
        "Most of us have noticed that we seem to think more clearly after a long walk. "
        "Study author Dr Lena Ford said that the walkers solved the puzzles faster.",
        ["think more clearly"],
        "solved the puzzles faster",
    ),
    "a verdict, not a report (court report)": (
        "After a week-long trial, the jury found the landlord guilty of neglect. His lawyer "
        "said that he would appeal the verdict.",
        ["guilty of neglect"],
        "would appeal the verdict",
    ),
    "a name given, not words said (club news)": (
        "The rowing club, now part of a league called the Northern River Association, "
        "trains at dawn. Its coach Anna Berg said that the crew was ready.",
        ["Northern River Association"],
        "the crew was ready",
    ),
    "a prize or a share taken, not a claim (sport and election reports)": (
        "The striker finished the season strongly, claiming the golden boot award. In the "
        "final round the Harbour party held on, claiming 41 percent of the vote. Its leader "
        "Omar Daly said that the result was a mandate.",
        ["golden boot award", "41 percent"],
        "the result was a mandate",
    ),
    "a visit, not a call to act (business news)": (
        "The drug maker called on a lobbying firm in the capital last spring. A company "
        "spokeswoman said that the contract had ended.",
        ["lobbying firm"],
        "the contract had ended",
    ),
    "an amount asked for (business news)": (
        "Ministers are weighing the rail operator's funding request for $40m, and whether "
        "the line can open next year. The operator's chief executive said that services "
        "would be cut without it.",
        ["$40m"],
        "services would be cut",
    ),
}


@pytest.mark.parametrize("case", sorted(NON_REPORTS))
def test_non_reports_are_dropped_and_the_report_beside_them_stays(attributor, case):
    text, dropped, kept = NON_REPORTS[case]
    quotes = quotes_of(attributor, text)
    for words in dropped:
        assert not covering(quotes, words), words
    assert covering(quotes, kept)


def test_a_topic_pointing_back_is_no_proposition(attributor):
    text = (
        "Nobody knows why the lake turned pink, and few residents stop to think about it. "
        "Guides talk about this mystery on every tour. The park ranger said that the colour "
        "came from algae."
    )
    quotes = quotes_of(attributor, text)
    assert not [q for q in quotes if q.text in {"it", "this mystery"}]
    assert covering(quotes, "the colour came from algae")


def test_a_comment_box_addressing_the_reader_is_no_quote(attributor):
    text = (
        "The library will close two branches next year, the council announced.\n"
        "Do you think the council made the right call? So now you know that the vote is "
        "on Friday. Are you planning to attend?"
    )
    quotes = quotes_of(attributor, text)
    assert all(q.speaker_mention is None or q.speaker_mention.text.lower() != "you" for q in quotes)
    assert not covering(quotes, "the vote is on Friday")


def test_you_inside_a_quotation_is_still_someones_words(attributor):
    text = (
        'The judge told the builder: "You knew the flue was loose and you left it." '
        "The builder was jailed for two years."
    )
    quotes = quotes_of(attributor, text)
    assert covering(quotes, "You knew the flue was loose")


# --------------------------------------------------------------------------- quotations


def test_a_quotation_reopened_paragraph_after_paragraph_is_one_quote(attributor):
    text = (
        "The sentencing ended a two-week trial.\n"
        'Judge Ellen Park said: "Nobody meant any harm in this case.\n'
        '"But the warning signs were there for anyone to see.\n'
        '"The family has suffered more than anyone."\n'
        "The court rose at noon."
    )
    quotes = quotes_of(attributor, text)
    quote = covering(quotes, "Nobody meant any harm")
    assert len(quote) == 1
    assert len(quote[0].fragments) == 3
    assert "family has suffered" in quote[0].fragments[-1].text
    assert quote[0].speaker is not None and quote[0].speaker.name == "Ellen Park"


# --------------------------------------------------------------------------- categories


def test_every_quote_has_a_category_from_its_cue(attributor):
    text = (
        "Coach Sam Rees said that the team was ready. Rees believes that the squad can win "
        "the cup. The club's own survey shows that ticket sales have doubled.\n"
        '"We are flying," said captain Jo Marsh.'
    )
    quotes = quotes_of(attributor, text)
    assert quotes and all(q.category is not None for q in quotes)
    assert covering(quotes, "the team was ready")[0].category is Category.SPEECH
    assert covering(quotes, "can win the cup")[0].category is Category.THOUGHT
    assert covering(quotes, "ticket sales have doubled")[0].category is Category.EVIDENCE
    assert covering(quotes, "We are flying")[0].category is Category.SPEECH


def test_a_vote_is_a_choice_not_speech(attributor):
    text = "The town council voted to rebuild the sea wall before the winter storms."
    quotes = quotes_of(attributor, text)
    assert all(q.category is not Category.SPEECH for q in quotes if q.cue is not None)


def test_a_noun_phrase_object_is_named_apart_from_a_clause(attributor):
    text = (
        "The singer revealed the news of her engagement on Monday. Her agent said that "
        "the wedding would be in June."
    )
    quotes = quotes_of(attributor, text)
    rules = {q.rule for q in quotes}
    assert "speech-clause" in rules
    assert all(q.rule != "speech-clause" for q in covering(quotes, "news of her engagement"))


def test_the_question_put_to_someone_is_not_their_words(attributor):
    text = (
        "Asked whether he would resign, the chief executive, Felix Obi, said: “No.” "
        "Speaking to reporters later, Obi said the wards were safe."
    )
    quotes = quotes_of(attributor, text)
    asked = [q for q in quotes if q.text.startswith("whether he would resign")]
    assert all(q.speaker is None for q in asked)
    (safe,) = [q for q in quotes if q.text == "the wards were safe"]
    assert safe.speaker is not None and safe.speaker.name == "Felix Obi"


def test_the_terms_a_source_speaks_on_are_not_their_words(attributor):
    text = (
        "A spokeswoman for the ministry, who asked not to be named because she was not "
        "authorised to speak, said the figure could rise."
    )
    quotes = quotes_of(attributor, text)
    assert [q.text for q in quotes] == ["the figure could rise"]


def test_a_thing_that_threatens_or_promises_says_nothing(attributor):
    text = (
        "Rising energy bills threatened to close the bakery. The new plan promises to cut "
        "waiting times. Residents threatened to sue the council."
    )
    quotes = quotes_of(attributor, text)
    assert [q.text for q in quotes] == ["to sue the council"]
