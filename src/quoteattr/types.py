"""The result types: small, frozen attrs classes with one stable JSON form (schema 2).

Every span carries character offsets into the caller's original string, so that
``original[span.start:span.end] == span.text`` always holds. The classes defend themselves:
enums are built from their string values, lists become tuples (so every value is hashable),
and offsets, confidences and genders are checked when an object is made.

JSON form: a document names each entity once (``Attribution.to_dict``: ``entities`` with their
mentions) and its quotes point at their speaker by id, so the output grows linearly with the
text. A quote on its own (``Quote.to_dict``, one JSONL line) carries the speaker's id, name and
kind only. See ``docs/json.md``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "GENDERS",
    "SCHEMA",
    "Attribution",
    "Category",
    "Entity",
    "EntityKind",
    "Mention",
    "MentionKind",
    "Quote",
    "QuoteKind",
    "Span",
]

#: Version of the JSON form written by ``to_dict``; ``from_dict`` also reads schema 1.
SCHEMA = 2
#: The values ``Entity.gender`` may take besides None.
GENDERS = frozenset({"female", "male"})


class QuoteKind(str, enum.Enum):
    """How the words are reported."""

    DIRECT = "direct"  # inside quotation marks
    MIXED = "mixed"  # a reported clause with some quoted words in it
    INDIRECT = "indirect"  # reported speech with no quotation marks


class Category(str, enum.Enum):
    """What is reported: words said, a state of mind, or what a document or inference shows."""

    SPEECH = "speech"  # said, told, wrote, tweeted, according to
    THOUGHT = "thought"  # believes, thinks, hopes, wants, fears
    EVIDENCE = "evidence"  # shows, finds, suggests (documents, polls, the writer's inference)


class MentionKind(str, enum.Enum):
    """How a speaker is referred to."""

    NAME = "name"  # "Vladimir Putin", "Mr. Putin", "the Kremlin"
    PRONOUN = "pronoun"  # "he", "they"
    NOMINAL = "nominal"  # "the Russian president", "officials"


class EntityKind(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"  # plural or collective human sources: "officials", "analysts"
    UNKNOWN = "unknown"


def _category(value: str | Category | None) -> Category | None:
    return value if value is None or type(value) is Category else Category(value)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of str, got the str {values!r}")
    return tuple(str(v) for v in values)


def _spans(values: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(values)


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(values)


def _quotes(values: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(values)


def _entities(values: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(values)


def _mention_kind(value: str | MentionKind) -> MentionKind:
    return value if type(value) is MentionKind else MentionKind(value)


def _entity_kind(value: str | EntityKind) -> EntityKind:
    return value if type(value) is EntityKind else EntityKind(value)


def _quote_kind(value: str | QuoteKind) -> QuoteKind:
    return value if type(value) is QuoteKind else QuoteKind(value)


def _check_span(instance: Any, _attribute: Any, _value: Any) -> None:
    """The types and offsets of a span's ``start``, ``end`` and ``text``, in one validator:
    spans are made for every quote, fragment, cue and mention, and attrs calls each
    validator of each field apart."""
    if not (
        isinstance(instance.start, int)
        and isinstance(instance.end, int)
        and isinstance(instance.text, str)
    ):
        for name, kind in (("start", int), ("end", int), ("text", str)):
            value = getattr(instance, name)
            if not isinstance(value, kind):  # attrs.validators.instance_of's message
                raise TypeError(
                    f"'{name}' must be {kind!r} (got {value!r} that is a {value.__class__!r})."
                )
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(f"invalid span offsets {instance.start}:{instance.end}")
    if len(instance.text) != instance.end - instance.start:
        raise ValueError(
            f"span text has {len(instance.text)} characters but offsets "
            f"{instance.start}:{instance.end} cover {instance.end - instance.start}"
        )


def _check_confidence(_instance: Any, _attribute: Any, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must lie in [0, 1], got {value}")


def _check_gender(_instance: Any, _attribute: Any, value: str | None) -> None:
    if value is not None and value not in GENDERS:
        raise ValueError(f"gender must be one of {sorted(GENDERS)} or None, got {value!r}")


_is_str = attrs.validators.instance_of(str)


@attrs.frozen
class Span:
    """A piece of the original text."""

    start: int = attrs.field()
    end: int = attrs.field()
    text: str = attrs.field(validator=_check_span)  # checks all three

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Span:
        return cls(start, end, original[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@attrs.frozen
class Mention:
    """A span that refers to a speaker, and how it refers."""

    start: int = attrs.field()
    end: int = attrs.field()
    text: str = attrs.field(validator=_check_span)  # checks all three
    kind: MentionKind = attrs.field(default=MentionKind.NAME, converter=_mention_kind)

    @classmethod
    def of(cls, original: str, start: int, end: int, kind: MentionKind) -> Mention:
        return cls(start, end, original[start:end], kind)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind.value}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(
            int(data["start"]), int(data["end"]), str(data["text"]), MentionKind(data["kind"])
        )


@attrs.frozen
class Entity:
    """One person, organisation or group across a document.

    ``name`` is the canonical form (the fullest name the text writes); ``aliases`` are the
    other forms the text used for it, in order of first appearance. The profile: ``role``
    holds the titles and descriptions the text gives it ("Russian president"), ``gender``
    is "female", "male" or None, from the text's own evidence, and ``named`` is False for an
    anonymous source ("officials", "a spokesman").
    """

    id: str = attrs.field(validator=_is_str)
    name: str = attrs.field(validator=_is_str)
    kind: EntityKind = attrs.field(default=EntityKind.PERSON, converter=_entity_kind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions, repr=False)
    role: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    gender: str | None = attrs.field(default=None, validator=_check_gender)
    named: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    def ref(self) -> dict[str, Any]:
        """The short form a quote record carries: id, name and kind."""
        return {"id": self.id, "name": self.name, "kind": self.kind.value}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "role": list(self.role),
            "gender": self.gender,
            "named": self.named,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=EntityKind(data.get("kind", "person")),
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            role=tuple(data.get("role", ())),
            gender=data.get("gender"),
            named=bool(data.get("named", True)),
        )


def _speaker_repr(speaker: Entity | None) -> str:
    return "None" if speaker is None else f"<{speaker.id} {speaker.name!r}>"


def _short_repr(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


@attrs.frozen
class Quote:
    """One quotation: the reported words, how they are cued, and who said them.

    ``text`` is the content: inside the marks for a direct quote, the reported clause for an
    indirect one. For an interrupted quote (``"A," he said, "B."``) ``start``/``end`` run from
    the first fragment to the last and ``fragments`` holds the pieces; otherwise ``fragments``
    holds the one span of the content. ``speaker`` is the ``Entity`` (the same object as in
    ``Attribution.entities``); ``confidence`` estimates the probability that the quote and
    its speaker are right.
    """

    start: int = attrs.field()
    end: int = attrs.field()
    text: str = attrs.field(validator=_check_span)  # checks all three
    kind: QuoteKind = attrs.field(converter=_quote_kind)
    fragments: tuple[Span, ...] = attrs.field(converter=_spans, repr=False)
    cue: Span | None = None
    speaker_mention: Mention | None = None
    speaker: Entity | None = attrs.field(default=None, repr=_speaker_repr)
    addressee: Mention | None = None
    confidence: float = attrs.field(default=0.5, converter=float, validator=_check_confidence)
    rule: str = ""
    category: Category | None = attrs.field(default=None, converter=_category)

    @property
    def speaker_name(self) -> str | None:
        """The canonical speaker name, falling back to the mention as written."""
        if self.speaker is not None:
            return self.speaker.name
        return self.speaker_mention.text if self.speaker_mention is not None else None

    def to_dict(self, *, speaker: str = "ref") -> dict[str, Any]:
        """The quote as JSON-able data; ``speaker="id"`` gives the speaker's id only (the form
        inside a document), ``"ref"`` its id, name and kind (a record that reads alone)."""
        if speaker not in ("ref", "id"):
            raise ValueError(f"speaker must be 'ref' or 'id', got {speaker!r}")
        who: Any = None
        if self.speaker is not None:
            who = self.speaker.id if speaker == "id" else self.speaker.ref()
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "category": self.category.value if self.category is not None else None,
            "fragments": [f.to_dict() for f in self.fragments],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "speaker": who,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "confidence": self.confidence,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], entities: Mapping[str, Entity] | None = None
    ) -> Quote:
        """Read a quote; a speaker given by id is looked up in ``entities``."""

        def opt(key: str, factory: Any) -> Any:
            value = data.get(key)
            return factory(value) if value is not None else None

        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            kind=QuoteKind(data["kind"]),
            fragments=tuple(Span.from_dict(f) for f in data.get("fragments", ())),
            cue=opt("cue", Span.from_dict),
            speaker_mention=opt("speaker_mention", Mention.from_dict),
            speaker=_speaker_from(data.get("speaker"), entities or {}),
            addressee=opt("addressee", Mention.from_dict),
            confidence=float(data.get("confidence", 0.5)),
            rule=str(data.get("rule", "")),
            category=data.get("category"),
        )


def _speaker_from(value: Any, entities: Mapping[str, Entity]) -> Entity | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return entities[value]
        except KeyError:
            raise ValueError(f"quote names speaker {value!r}, which is no entity here") from None
    if value.get("id") in entities:
        return entities[value["id"]]
    return Entity.from_dict(value)  # a record's reference, or schema 1's whole entity


@attrs.frozen
class Attribution:
    """The result for one document: its quotes and the entities that speak or are named."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str), repr=_short_repr)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities, repr=False)

    def to_dict(self, *, doc_id: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": SCHEMA}
        if doc_id is not None:
            data["id"] = doc_id
        data["text"] = self.text
        data["entities"] = [e.to_dict() for e in self.entities]
        data["quotes"] = [q.to_dict(speaker="id") for q in self.quotes]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attribution:
        schema = data.get("schema", 1)
        if schema not in (1, SCHEMA):
            raise ValueError(f"unknown quoteattr JSON schema {schema!r} (this version reads 1-2)")
        entities = tuple(Entity.from_dict(e) for e in data.get("entities", ()))
        by_id = {e.id: e for e in entities}
        return cls(
            text=str(data["text"]),
            quotes=tuple(Quote.from_dict(q, by_id) for q in data.get("quotes", ())),
            entities=entities,
        )
