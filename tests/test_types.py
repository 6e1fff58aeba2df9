"""The result types defend themselves, and their JSON form grows linearly with the text."""

from __future__ import annotations

import json

import attrs
import pytest

from quoteattr import Attribution, Entity, EntityKind, Mention, MentionKind, Quote, QuoteKind, Span
from quoteattr.types import Category


def _quote(text: str, start: int, end: int, speaker: Entity | None, **extra: object) -> Quote:
    piece = Span.of(text, start, end)
    return Quote(start, end, piece.text, "direct", [piece], speaker=speaker, **extra)  # type: ignore[arg-type]


def test_enums_are_built_from_strings_and_lists_become_tuples() -> None:
    text = "“Yes,” said Ada."
    entity = Entity("E1", "Ada", "person", aliases=["Ada L."], role=["engineer"])  # type: ignore[arg-type]
    quote = _quote(text, 1, 5, entity, category="speech", confidence="0.75")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.category is Category.SPEECH
    assert quote.confidence == 0.75
    assert entity.kind is EntityKind.PERSON
    assert entity.aliases == ("Ada L.",) and entity.role == ("engineer",)
    assert isinstance(quote.fragments, tuple)
    hash(entity), hash(quote)
    assert quote.to_dict()["kind"] == "direct"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: Span(0, 3, "ab"), "cover 3"),
        (lambda: Span(3, 1, ""), "invalid span offsets"),
        (lambda: Span("0", 1, "a"), "must be <class 'int'>"),  # type: ignore[arg-type]
        (lambda: Span(0, "1", "a"), "'end' must be <class 'int'>"),  # type: ignore[arg-type]
        (lambda: Mention(0, 1, 5), "'text' must be <class 'str'>"),  # type: ignore[arg-type]
        (lambda: Mention(0, 1, "a", "shout"), "'shout' is not a valid MentionKind"),  # type: ignore[arg-type]
        (lambda: Entity("E1", "Ada", gender="woman"), "gender must be one of"),
        (lambda: Entity("E1", "Ada", aliases="Ada"), "sequence of str"),  # type: ignore[arg-type]
        (lambda: _quote("abc", 0, 3, None, confidence=1.5), r"confidence must lie in \[0, 1\]"),
        (lambda: _quote("abc", 0, 3, None, category="gossip"), "not a valid Category"),
    ],
)
def test_bad_values_are_refused_when_made(make, message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        make()


def test_kinds_are_read_from_their_values() -> None:
    """The enum fields take a member or its string value (the JSON form) alike."""
    assert Mention(0, 1, "a", "pronoun").kind is MentionKind.PRONOUN  # type: ignore[arg-type]
    assert Mention(0, 1, "a", MentionKind.NOMINAL).kind is MentionKind.NOMINAL
    assert Entity("E1", "Ada", kind="group").kind is EntityKind.GROUP  # type: ignore[arg-type]
    quote = _quote("abc", 0, 3, None, category="thought")
    assert quote.category is Category.THOUGHT and quote.kind is QuoteKind.DIRECT


def test_repr_names_the_speaker_without_its_mentions() -> None:
    text = "Ada said yes. " * 50
    mentions = [Mention.of(text, i * 14, i * 14 + 3, MentionKind.NAME) for i in range(50)]
    entity = Entity("E1", "Ada Byron", mentions=mentions)
    quote = _quote(text, 9, 12, entity)
    shown = repr(quote)
    assert "<E1 'Ada Byron'>" in shown
    assert "Mention(" not in shown and len(shown) < 400
    assert "Mention(" not in repr(entity)


def test_document_json_names_each_entity_once_and_round_trips_shared() -> None:
    text = "“One,” said Ada. “Two,” said Ada."
    ada = Entity("E1", "Ada", mentions=[Mention.of(text, 12, 15, MentionKind.NAME)])
    quotes = (_quote(text, 1, 5, ada), _quote(text, 18, 22, ada))
    result = Attribution(text, quotes, (ada,))
    data = json.loads(json.dumps(result.to_dict(doc_id="d1")))
    assert data["schema"] == 2 and data["id"] == "d1"
    assert [q["speaker"] for q in data["quotes"]] == ["E1", "E1"]
    back = Attribution.from_dict(data)
    assert back == result
    assert back.quotes[0].speaker is back.quotes[1].speaker is back.entities[0]


def test_a_quote_record_reads_on_its_own() -> None:
    text = "“One,” said Ada."
    ada = Entity("E1", "Ada", mentions=[Mention.of(text, 12, 15, MentionKind.NAME)])
    record = _quote(text, 1, 5, ada).to_dict()
    assert record["speaker"] == {"id": "E1", "name": "Ada", "kind": "person"}
    back = Quote.from_dict(record)
    assert back.speaker is not None and back.speaker.name == "Ada"
    with pytest.raises(ValueError, match="no entity here"):
        Quote.from_dict({**record, "speaker": "E9"})


def test_schema_one_is_still_read_and_unknown_schemas_refused() -> None:
    text = "“One,” said Ada."
    ada = Entity("E1", "Ada", mentions=[Mention.of(text, 12, 15, MentionKind.NAME)])
    old_quote = {**_quote(text, 1, 5, ada).to_dict(), "speaker": ada.to_dict()}
    old = {"text": text, "quotes": [old_quote], "entities": [ada.to_dict()]}
    assert Attribution.from_dict(old).quotes[0].speaker == ada
    with pytest.raises(ValueError, match="schema"):
        Attribution.from_dict({**old, "schema": 99})


def test_json_of_one_speaker_with_many_quotes_grows_linearly() -> None:
    """A 1,000,000-character text whose one speaker has 10,000 quotes: schema 1 embedded the
    entity (10,000 mentions) in every quote; schema 2 must stay under 40 times the text."""
    unit = "“" + "x" * 60 + ",” said Ada Byron, who spoke at some length about it. "
    count = 10_000
    filler = 1_000_000 - count * len(unit)
    text = unit * count + "." * max(filler, 0)
    mentions, quotes = [], []
    for i in range(count):
        base = i * len(unit)
        name = base + unit.index("Ada")
        mentions.append(Mention.of(text, name, name + 9, MentionKind.NAME))
    ada = Entity("E1", "Ada Byron", mentions=mentions)
    for i in range(count):
        base = i * len(unit)
        quotes.append(
            _quote(text, base + 1, base + 62, ada, cue=Span.of(text, base + 65, base + 69))
        )
    result = Attribution(text, quotes, (ada,))
    size = len(json.dumps(result.to_dict(), ensure_ascii=False))
    assert size < 40 * len(text)
    assert size < 8 * len(text)  # in fact: the text once, each quote's words twice
    records = sum(len(json.dumps(q.to_dict(), ensure_ascii=False)) + 1 for q in result.quotes)
    assert records < 40 * len(text)


def test_evolve_keeps_validation() -> None:
    quote = _quote("abc", 0, 3, None)
    with pytest.raises(ValueError, match="confidence"):
        attrs.evolve(quote, confidence=2.0)
