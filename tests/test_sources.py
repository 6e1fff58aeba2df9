"""Sources found on parses written out by hand (``rules.sources``): the parser's readings
these rules must handle, made sure whatever a model version does with a real text."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quoteattr.rules.cuelexicon import Cue
from quoteattr.rules.sources import source_of


def _doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """A parse from (word, pos, tag, head, dep) rows."""
    words = [r[0] for r in rows]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * len(words),
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        lemmas=[w.lower() for w in words],
    )


def _source_text(doc: Doc, verb: int) -> str | None:
    found = source_of(Cue(head=verb, start=verb, end=verb + 1, category="speech"), doc)
    return None if found is None else doc[found[0] : found[1]].text


# "He went out of his way to say that prices fell ." with "to say" hung on "way" as an
# infinitival relative clause.
_WAY = [
    ("He", "PRON", "PRP", 1, "nsubj"),
    ("went", "VERB", "VBD", 1, "ROOT"),
    ("out", "ADP", "IN", 1, "prep"),
    ("of", "ADP", "IN", 2, "prep"),
    ("his", "PRON", "PRP$", 5, "poss"),
    ("way", "NOUN", "NN", 3, "pobj"),
    ("to", "PART", "TO", 7, "aux"),
    ("say", "VERB", "VB", 5, "relcl"),
    ("that", "SCONJ", "IN", 10, "mark"),
    ("prices", "NOUN", "NNS", 10, "nsubj"),
    ("fell", "VERB", "VBD", 7, "ccomp"),
    (".", "PUNCT", ".", 1, "punct"),
]


def test_a_way_to_say_is_said_by_the_subject_above() -> None:
    assert _source_text(_doc(_WAY), 7) == "He"


def test_a_person_to_say_is_the_speaker() -> None:
    # "She was the first senator to say that prices fell": the senator says it.
    rows = [
        ("She", "PRON", "PRP", 1, "nsubj"),
        ("was", "AUX", "VBD", 1, "ROOT"),
        ("the", "DET", "DT", 4, "det"),
        ("first", "ADJ", "JJ", 4, "amod"),
        ("senator", "NOUN", "NN", 1, "attr"),
        ("to", "PART", "TO", 6, "aux"),
        ("say", "VERB", "VB", 4, "relcl"),
        ("that", "SCONJ", "IN", 9, "mark"),
        ("prices", "NOUN", "NNS", 9, "nsubj"),
        ("fell", "VERB", "VBD", 6, "ccomp"),
        (".", "PUNCT", ".", 1, "punct"),
    ]
    assert _source_text(_doc(rows), 6) == "the first senator"


def _footage(person: tuple[str, str, str, int, str]) -> Doc:
    # "The ad uses footage of <person> asking , “ Why now ? ”" with "asking" hung on "uses"
    return _doc(
        [
            ("The", "DET", "DT", 1, "det"),
            ("ad", "NOUN", "NN", 2, "nsubj"),
            ("uses", "VERB", "VBZ", 2, "ROOT"),
            ("footage", "NOUN", "NN", 2, "dobj"),
            ("of", "ADP", "IN", 3, "prep"),
            person,
            ("asking", "VERB", "VBG", 2, "xcomp"),
            (",", "PUNCT", ",", 6, "punct"),
            ("Why", "SCONJ", "WRB", 9, "advmod"),
            ("now", "ADV", "RB", 6, "ccomp"),
        ]
    )


def test_footage_of_someone_asking_is_their_question() -> None:
    doc = _footage(("her", "PRON", "PRP", 4, "pobj"))
    assert _source_text(doc, 6) == "her"


def test_footage_of_a_thing_leaves_the_subject() -> None:
    doc = _footage(("archives", "NOUN", "NNS", 4, "pobj"))
    assert _source_text(doc, 6) == "The ad"


def test_a_contracted_has_taken_for_the_subject_gives_way_to_its_own() -> None:
    # "he ’s said he believes it": the parser made "’s" the subject of "said" and hung
    # "he" on it.
    rows = [
        ("he", "PRON", "PRP", 1, "nsubj"),
        ("’s", "VERB", "VBZ", 2, "nsubj"),
        ("said", "VERB", "VBN", 2, "ROOT"),
        ("he", "PRON", "PRP", 4, "nsubj"),
        ("believes", "VERB", "VBZ", 2, "ccomp"),
        ("it", "PRON", "PRP", 4, "dobj"),
    ]
    assert _source_text(_doc(rows), 2) == "he"
