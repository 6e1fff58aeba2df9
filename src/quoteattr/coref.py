"""Resolving pronouns and descriptions to entities, with heuristics a careful reader uses.

Pronouns go to the nearest earlier sentence that names a compatible entity (gender, number,
person vs. organisation), preferring its subject; names inside quotation marks or inside the
quote being attributed never count. Descriptions ("the Russian president", "the ministry")
go to an entity whose known roles and nationality fit: roles are learned from the same text
(titles before names, appositions) and nationality words must not contradict, so "the Russian
president" never lands on a Ukrainian president.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from functools import lru_cache

import attrs
from spacy.tokens import Doc, Span, Token

from .lexicon import load_table
from .sources import noun_phrase
from .types import EntityKind, Mention, MentionKind

__all__ = ["Description", "EntityRecord", "Resolver", "describe", "pronoun_features"]

_PRONOUNS: dict[str, tuple[str | None, str]] = {
    # pronoun -> (gender, number)
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"),
    "it": (None, "it"), "its": (None, "it"),
    "i": (None, "first"), "me": (None, "first"), "we": (None, "first"), "us": (None, "first"),
    "you": (None, "second"),
}  # fmt: skip

# How many paragraphs back a pronoun may look for its antecedent.
PRONOUN_WINDOW_CHARS = 2500


def pronoun_features(word: str) -> tuple[str | None, str] | None:
    return _PRONOUNS.get(word.lower())


@attrs.frozen
class Description:
    role: str | None  # the role word as matched ("president")
    group: str | None  # its compatibility group ("head")
    kind: EntityKind | None
    country: str | None
    plural: bool


@lru_cache(maxsize=1)
def _roles() -> dict[str, tuple[EntityKind, str]]:
    kinds = {"person": EntityKind.PERSON, "organization": EntityKind.ORGANIZATION,
             "group": EntityKind.GROUP}  # fmt: skip
    return {row[0].lower(): (kinds[row[1]], row[2]) for row in load_table("roles.tsv")}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in load_table("demonyms.tsv")}


def describe(tokens: Sequence[Token]) -> Description:
    """Role, kind and nationality that a noun phrase (or title before a name) expresses."""
    words = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    roles = _roles()
    best: tuple[str, EntityKind, str] | None = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            for source in (words, lemmas):
                phrase = " ".join(source[i : i + n])
                if phrase in roles and (best is None or len(phrase) > len(best[0])):
                    best = (phrase, *roles[phrase])
        if best:
            break
    demonyms = _demonyms()
    country = None
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n]).removesuffix("'s").removesuffix("’s")
            if phrase in demonyms:
                country = demonyms[phrase]
                break
        if country:
            break
    plural = any(t.tag_ in {"NNS", "NNPS"} for t in tokens if t.dep_ not in {"compound", "amod"})
    if best is None:
        return Description(None, None, None, country, plural)
    role, kind, group = best
    if plural and kind is EntityKind.PERSON:
        kind = EntityKind.GROUP
    return Description(role, group, kind, country, plural)


@attrs.define
class EntityRecord:
    """An entity being built: what the document says about it so far."""

    key: int
    name: str
    kind: EntityKind
    gender: str | None = None
    aliases: list[str] = attrs.Factory(list)
    mentions: list[Mention] = attrs.Factory(list)
    groups: set[str] = attrs.Factory(set)
    countries: set[str] = attrs.Factory(set)
    spoke: bool = False

    def learn(self, description: Description) -> None:
        if description.group and description.kind is self.kind:
            self.groups.add(description.group)
        if description.country:
            self.countries.add(description.country)

    def fits(self, description: Description) -> bool:
        if description.kind is not None and description.kind is not self.kind:
            return False
        if description.country and self.countries and description.country not in self.countries:
            return False
        return not (description.group and self.groups and description.group not in self.groups)


@attrs.frozen
class _Occurrence:
    offset: int
    sentence: int
    record: EntityRecord
    subject: bool


class Resolver:
    """Answers "who is this mention?" for speaker mentions, in text order."""

    def __init__(
        self, doc: Doc, records: Sequence[EntityRecord], quoted: Sequence[tuple[int, int]]
    ):
        self.doc = doc
        self.records = list(records)
        self.quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self.quoted]
        self._occurrences: list[_Occurrence] = []
        for record in records:
            for mention in record.mentions:
                self._add_occurrence(mention, record)
        self._occurrences.sort(key=lambda o: o.offset)

    # -- bookkeeping

    def _in_quotes(self, offset: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]

    def _add_occurrence(self, mention: Mention, record: EntityRecord) -> None:
        if self._in_quotes(mention.start):
            return
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return
        root = span.root
        self._occurrences.append(
            _Occurrence(mention.start, span.sent.start, record, root.dep_ in {"nsubj", "nsubjpass"})
        )

    def note_mention(self, mention: Mention, record: EntityRecord) -> None:
        """Record a resolved pronoun or description so later pronouns can reach it."""
        if self._in_quotes(mention.start):
            return
        record.mentions.append(mention)
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return
        occurrence = _Occurrence(
            mention.start, span.sent.start, record, span.root.dep_ in {"nsubj", "nsubjpass"}
        )
        bisect.insort(self._occurrences, occurrence, key=lambda o: o.offset)

    def _before(self, offset: int, exclude: Iterable[tuple[int, int]]) -> list[_Occurrence]:
        """Occurrences before ``offset`` and within the window, nearest first."""
        excluded = list(exclude)
        k = bisect.bisect_left([o.offset for o in self._occurrences], offset)
        out = []
        for occurrence in reversed(self._occurrences[:k]):
            if offset - occurrence.offset > PRONOUN_WINDOW_CHARS:
                break
            if any(s <= occurrence.offset < e for s, e in excluded):
                continue
            out.append(occurrence)
        return out

    # -- resolution

    def resolve_pronoun(
        self, span: Span, exclude: Iterable[tuple[int, int]]
    ) -> EntityRecord | None:
        features = pronoun_features(span.root.text)
        if features is None:
            return None
        gender, number = features
        if number in {"first", "second", "it"}:
            return None
        candidates = self._before(span.start_char, exclude)
        best_sentence: int | None = None
        chosen: EntityRecord | None = None
        for occurrence in candidates:
            record = occurrence.record
            if number == "sg" and record.kind is not EntityKind.PERSON:
                continue
            if number == "pl" and record.kind is EntityKind.PERSON:
                continue
            if gender and record.gender and record.gender != gender:
                continue
            if best_sentence is None:
                best_sentence, chosen = occurrence.sentence, record
                if occurrence.subject:
                    break
                continue
            if occurrence.sentence != best_sentence:
                break
            if occurrence.subject:
                chosen = record
                break
        if chosen is not None and gender and chosen.gender is None:
            chosen.gender = gender
        return chosen

    def resolve_description(
        self, description: Description, offset: int, exclude: Iterable[tuple[int, int]]
    ) -> EntityRecord | None:
        if description.role is None and description.country is None:
            return None
        if description.plural or description.kind in {EntityKind.GROUP, None}:
            return None
        fitting = [o.record for o in self._before(offset, exclude) if o.record.fits(description)]
        if not fitting:
            return None
        for record in fitting:
            if description.group and description.group in record.groups:
                return record
        if description.kind is EntityKind.ORGANIZATION:
            return fitting[0]
        # An unnamed role ("the minister") with no one known to hold it is a new person,
        # unless the description is specific (nationality, or the head of a state) and
        # someone who has spoken fits it.
        if description.country or description.group == "head":
            for record in fitting:
                if record.spoke:
                    return record
        return None


def learn_roles(doc: Doc, records: Sequence[EntityRecord]) -> None:
    """Titles before names and appositions tell which roles and nationality a person has."""
    for record in records:
        for mention in record.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # "Ukrainian President Volodymyr Zelensky": modifiers just before the name.
            start = span.start
            while (
                start > 0
                and doc[start - 1].dep_ in {"compound", "amod"}
                and (doc[start - 1].head.i >= start)
            ):
                start -= 1
            if start < span.start:
                record.learn(describe(doc[start : span.start]))
            root = span.root
            for child in root.children:
                if child.dep_ == "appos":
                    a, b = noun_phrase(child)
                    record.learn(describe(doc[a:b]))
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                a, b = noun_phrase(root.head)
                record.learn(describe(doc[a:b]))


def mention_kind(span: Span) -> MentionKind:
    if len(span) == 1 and pronoun_features(span[0].text) is not None:
        return MentionKind.PRONOUN
    if span.root.pos_ == "PROPN":
        return MentionKind.NAME
    return MentionKind.NOMINAL
