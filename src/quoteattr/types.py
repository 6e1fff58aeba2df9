"""The result types: small, frozen attrs classes that serialise to one stable JSON form.

Every span carries character offsets into the caller's original string, so that
``original[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "Attribution",
    "Entity",
    "EntityKind",
    "Mention",
    "MentionKind",
    "Quote",
    "QuoteKind",
    "Span",
]


class QuoteKind(str, enum.Enum):
    """How the words are reported."""

    DIRECT = "direct"  # inside quotation marks
    MIXED = "mixed"  # a reported clause with some quoted words in it
    INDIRECT = "indirect"  # reported speech with no quotation marks


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


def _check_span(instance: Any, _attribute: Any, _value: Any) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(f"invalid span offsets {instance.start}:{instance.end}")
    if len(instance.text) != instance.end - instance.start:
        raise ValueError(
            f"span text has {len(instance.text)} characters but offsets "
            f"{instance.start}:{instance.end} cover {instance.end - instance.start}"
        )


@attrs.frozen
class Span:
    """A piece of the original text."""

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)

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

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)
    kind: MentionKind = MentionKind.NAME

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

    ``name`` is the canonical form (the fullest name seen, see ``names.canonical_name``);
    ``aliases`` are the other forms the text used for it, in order of first appearance.
    """

    id: str
    name: str
    kind: EntityKind = EntityKind.PERSON
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=EntityKind(data["kind"]),
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


def _check_confidence(_instance: Any, _attribute: Any, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must lie in [0, 1], got {value}")


@attrs.frozen
class Quote:
    """One quotation: the reported words, how they are cued, and who said them.

    ``text`` is the content: inside the marks for a direct quote, the reported clause for an
    indirect one. For an interrupted quote (``"A," he said, "B."``) ``start``/``end`` run from
    the first fragment to the last and ``fragments`` holds the pieces; otherwise ``fragments``
    holds the one span of the content.
    """

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)
    kind: QuoteKind
    fragments: tuple[Span, ...]
    cue: Span | None = None
    speaker_mention: Mention | None = None
    speaker: Entity | None = None
    addressee: Mention | None = None
    confidence: float = attrs.field(default=0.5, validator=_check_confidence)
    rule: str = ""

    @property
    def speaker_name(self) -> str | None:
        """The canonical speaker name, falling back to the mention as written."""
        if self.speaker is not None:
            return self.speaker.name
        return self.speaker_mention.text if self.speaker_mention is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "fragments": [f.to_dict() for f in self.fragments],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "confidence": self.confidence,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
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
            speaker=opt("speaker", Entity.from_dict),
            addressee=opt("addressee", Mention.from_dict),
            confidence=float(data.get("confidence", 0.5)),
            rule=str(data.get("rule", "")),
        )


@attrs.frozen
class Attribution:
    """The result for one document: its quotes and the entities that speak or are named."""

    text: str
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attribution:
        return cls(
            text=str(data["text"]),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
        )
