"""Entity-level speaker scores: canonical names and LitBank characters, on hand-made gold."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from quoteattr.evaluate import canonical_key, load_gold, score
from quoteattr.types import Entity, EntityKind, Mention, MentionKind, Quote, QuoteKind, Span


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def gold_quote(text: str, sub: str, **fields: Any) -> dict[str, Any]:
    start, end = at(text, sub)
    return {"start": start, "end": end, "kind": "direct", **fields}


def predicted(
    text: str,
    sub: str,
    name: str | None,
    mentions: Sequence[tuple[str, int, MentionKind]] = (),
    *,
    kind: EntityKind = EntityKind.PERSON,
    mention: tuple[str, int] | None = None,
) -> Quote:
    start, end = at(text, sub)
    speaker = None
    if name is not None:
        speaker = Entity(
            id=name,
            name=name,
            kind=kind,
            mentions=tuple(Mention.of(text, *at(text, w, n), k) for w, n, k in mentions),
        )
    said = Mention.of(text, *at(text, *mention), MentionKind.NAME) if mention else None
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=QuoteKind.DIRECT,
        fragments=(Span.of(text, start, end),),
        speaker=speaker,
        speaker_mention=said,
    )


def load(tmp_path: Path, doc: dict[str, Any]):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return load_gold(path)


NAME = MentionKind.NAME


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("David E. Kendall", "David Kendall"),
        ("Sen. Mary Ostrova", "mary ostrova"),
        ("The Harbour Trust", "Harbour Trust"),
        ("Mrs. Okafor's", "Okafor"),
        ("Renée Dufort", "Renee Dufort"),
    ],
)
def test_canonical_key_ignores_case_punctuation_honorifics_and_initials(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)


def test_canonical_key_keeps_different_names_apart() -> None:
    assert canonical_key("Ada Kendall") != canonical_key("Kendall")
    assert canonical_key("Harbour campaign") != canonical_key("Harbour")


T_NEWS = (
    '"We are ready," said Ada Kendall. "No," said the Harbour campaign. '
    '"Too late," officials said. "Fine," a spokesman said. Ada Kendall left.'
)


def test_canonical_accuracy_by_type_and_anonymous_sources_named(tmp_path: Path) -> None:
    doc = {
        "id": "d",
        "corpus": "news",
        "text": T_NEWS,
        "quotes": [
            gold_quote(T_NEWS, "We are ready", speaker_canonical="Ada Kendall",
                       speaker_type="person"),
            gold_quote(T_NEWS, "No", speaker_canonical="Harbour campaign",
                       speaker_type="organization"),
            gold_quote(T_NEWS, "Too late", speaker_canonical=None, speaker_type="group"),
            gold_quote(T_NEWS, "Fine", speaker_canonical=None, speaker_type="unnamed"),
        ],
    }  # fmt: skip
    ada = [("Ada Kendall", 0, NAME), ("Ada Kendall", 1, NAME)]
    preds = [
        predicted(T_NEWS, "We are ready", "Ada E. Kendall", ada),  # right: initial aside
        predicted(T_NEWS, "No", "Harbour", [("Harbour", 0, NAME)], kind=EntityKind.ORGANIZATION),
        predicted(T_NEWS, "Too late", "Ada Kendall", ada),  # a group given a person: named
        predicted(T_NEWS, "Fine", "a spokesman", [("a spokesman", 0, MentionKind.NOMINAL)]),
    ]
    report = score(load(tmp_path, doc), [preds])
    s = report.overall
    assert s.canonical_accuracy("person") == 1.0
    assert s.canonical_accuracy("organization") == 0.0
    assert s.canonical_accuracy() == 0.5
    assert s.person_named_rate() == 0.5  # the group yes, the unnamed spokesman no
    assert s.person_named_rate("unnamed") == 0.0
    assert s.entity_accuracy == 0.5  # no LitBank lists: the canonical figure
    # The calibration target is what a user gets: the canonical name where the gold has one,
    # and for a group or unnamed source no person named (every quote matched).
    assert [(o.matched, o.right) for o in s.outcomes] == [
        (True, True),
        (True, False),
        (True, False),
        (True, True),
    ]
    wrong = [(e.gold_speaker, e.predicted_speaker) for e in report.errors_of("wrong_entity")]
    assert wrong == [("Harbour campaign", "Harbour"), ("(group)", "Ada Kendall")]
    data = report.to_dict()["overall"]["canonical"]
    assert data["by_type"]["person"] == {"right": 1, "total": 1, "accuracy": 1.0}
    assert data["group_or_unnamed_person_named"] == 0.5
    lines = report.format().splitlines()
    header = ["speakers", "spkMen", "spkEnt", "person", "org", "all", "anon->person", "named"]
    block = next(i for i, line in enumerate(lines) if line.split()[:-1] == header)
    # mention level: 0 of 0 gold speaker mentions; entity 50; person 100, org 0, all 50; 1/2
    assert lines[block + 1].split() == [
        "news",
        "-",
        "50.0",
        "100.0",
        "0.0",
        "50.0",
        "50.0",
        "2",
        "2",
    ]


T_NOVEL = 'Fred and Tom met. "Hello," said Fred. Tom nodded. "Yes," he said. Tom and Tom left.'


def test_litbank_entity_level_needs_most_name_mentions_of_the_character(tmp_path: Path) -> None:
    fred = [list(at(T_NOVEL, "Fred")), list(at(T_NOVEL, "Fred", 1)), list(at(T_NOVEL, "he"))]
    doc = {
        "id": "n",
        "corpus": "litbank",
        "text": T_NOVEL,
        "speaker_entity_mentions": {"Fred-1": fred},
        "quotes": [
            gold_quote(T_NOVEL, "Hello", speaker="Fred", speaker_id="Fred-1"),
            gold_quote(T_NOVEL, "Yes", speaker="Fred", speaker_id="Fred-1"),
        ],
    }
    merged = [("Fred", 1, NAME), ("Tom", 1, NAME), ("Tom", 2, NAME), ("Tom", 3, NAME)]
    preds = [
        # An over-merged entity: one of its four name mentions is Fred's. Mention level
        # calls it right (a mention touches the gold), entity level wrong.
        predicted(T_NOVEL, "Hello", "Tom", merged),
        # No name mention: judged by its speaker mention "he", which is Fred's.
        predicted(T_NOVEL, "Yes", "the man", [("he", 0, MentionKind.PRONOUN)], mention=("he", 0)),
    ]
    report = score(load(tmp_path, doc), [preds])
    s = report.overall
    assert (s.speaker_right, s.speaker_total) == (2, 2)
    assert (s.entity_right, s.entity_total) == (1, 2)
    assert s.entity_accuracy == 0.5
    assert report.to_dict()["overall"]["speaker_entity"]["accuracy"] == 0.5
    # The calibration target follows the entity, not the mention: the merged entity is wrong.
    assert [o.right for o in s.outcomes] == [False, True]
    assert [e.start for e in report.errors_of("wrong_entity")] == [at(T_NOVEL, "Hello")[0]]


T_TURNS = (
    'The old porter came up. "Late again," said the porter. His face was red. '
    '"Not by much." "By an hour." The porter left.'
)


def test_litbank_turn_taking_quote_is_judged_on_the_entitys_own_descriptions(
    tmp_path: Path,
) -> None:
    """A quote given by turn-taking has no speaker mention: an entity without a name is then
    judged on its descriptions ("the porter"), and a description is the character's only
    when its head word is ("His face" holds the porter's "His" but is not the porter)."""
    porter = [
        list(at(T_TURNS, "The old porter")),
        list(at(T_TURNS, "the porter")),
        list(at(T_TURNS, "His")),
        list(at(T_TURNS, "The porter")),
    ]
    doc = {
        "id": "t",
        "corpus": "litbank",
        "text": T_TURNS,
        "speaker_entity_mentions": {"porter-1": porter},
        "quotes": [
            gold_quote(T_TURNS, "Late again", speaker="the porter", speaker_id="porter-1"),
            gold_quote(T_TURNS, "By an hour", speaker="the porter", speaker_id="porter-1"),
            gold_quote(T_TURNS, "Not by much", speaker="the porter", speaker_id="porter-1"),
        ],
    }
    nominal = MentionKind.NOMINAL
    descriptions = [("the porter", 0, nominal), ("The porter", 0, nominal)]
    preds = [
        predicted(T_TURNS, "Late again", "the porter", descriptions, mention=("the porter", 0)),
        predicted(T_TURNS, "By an hour", "the porter", descriptions),  # turn-taking: right
        predicted(T_TURNS, "Not by much", "His face", [("His face", 0, nominal)]),  # wrong
    ]
    report = score(load(tmp_path, doc), [preds])
    assert (report.overall.entity_right, report.overall.entity_total) == (2, 3)
    assert [e.start for e in report.errors_of("wrong_entity")] == [at(T_TURNS, "Not by much")[0]]


T_APPOS = 'I saw my old friend, Master Giles Fenwick, at the gate. "Late again," he said.'


def test_litbank_a_name_left_out_of_the_gold_lists_counts_when_it_is_the_characters_own(
    tmp_path: Path,
) -> None:
    """The gold lists "my old friend" and "he" but not the apposed name: a predicted entity
    named "Giles Fenwick" is that character; one named "Master" is not."""
    giles = [list(at(T_APPOS, "my old friend")), list(at(T_APPOS, "he"))]
    doc = {
        "id": "a",
        "corpus": "litbank",
        "text": T_APPOS,
        "speaker_entity_mentions": {"Giles-1": giles},
        "quotes": [
            gold_quote(T_APPOS, "Late again", speaker="Giles Fenwick", speaker_id="Giles-1")
        ],
    }
    right = predicted(T_APPOS, "Late again", "Giles Fenwick", [("Giles Fenwick", 0, NAME)])
    wrong = predicted(T_APPOS, "Late again", "Master", [("Master", 0, NAME)])
    assert score(load(tmp_path, doc), [[right]]).overall.entity_right == 1
    assert score(load(tmp_path, doc), [[wrong]]).overall.entity_right == 0
