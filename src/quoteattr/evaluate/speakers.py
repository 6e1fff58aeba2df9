"""Whether a matched quote has the right speaker: by mention (spkMen) and by entity (the
canonical name, or the LitBank character)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache

from ..lexicon import load_table, word_list
from ..types import EntityKind, Mention, MentionKind, Quote, Span
from .gold import ANONYMOUS_TYPES, GoldQuote
from .matching import Interval, merge_spans, overlaps
from .scores import CorpusScore


def _norm_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def speaker_right(gold: GoldQuote, pred: Quote) -> bool:
    """Right when the predicted mention, or any mention of the predicted entity, overlaps a
    gold speaker span. Gold without spans but with a name falls back to comparing names."""
    if gold.speaker_spans:
        mentions = [pred.speaker_mention] if pred.speaker_mention else []
        if pred.speaker is not None:
            mentions.extend(pred.speaker.mentions)
        return any(overlaps(m, s) for m in mentions for s in gold.speaker_spans)
    if gold.speaker is None:
        return False
    wanted = _norm_name(gold.speaker)
    names = [pred.speaker_mention.text] if pred.speaker_mention else []
    if pred.speaker is not None:
        names += [pred.speaker.name, *pred.speaker.aliases]
    return any(_norm_name(n) == wanted for n in names)


# Entity level: is the predicted entity the gold speaker?


@cache
def _name_noise() -> frozenset[str]:
    """Words a canonical comparison drops before a name: honorifics and titles."""
    words = {_fold_name(row[0]) for row in load_table("honorifics.tsv") if row[0]}
    return frozenset(w.rstrip(".") for w in words) | word_list("name_titles")


def _fold_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def canonical_key(name: str) -> str:
    """The form two canonical names are compared in: case, accents, punctuation, a possessive,
    a leading "the", leading honorifics and titles, and single-letter initials do not count
    ("Sen. David E. Kendall's" and "David Kendall" compare equal)."""
    folded = re.sub(r"['’]s?$", "", _fold_name(name).strip())
    words = re.sub(r"[^\w]+", " ", folded.replace("'", "").replace("’", "")).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    noise = _name_noise()
    while len(words) > 1 and words[0] in noise:
        words.pop(0)
    return " ".join(w for w in words if len(w) > 1) or " ".join(words)


def _names_a_person(quote: Quote) -> bool:
    """Whether the predicted speaker is a specific, named person."""
    entity = quote.speaker
    return (
        entity is not None
        and entity.kind is EntityKind.PERSON
        and entity.named
        and any(m.kind is MentionKind.NAME for m in entity.mentions)
    )


# Where a noun phrase's head ends: before its post-modifier ("the crotch | of the vest").
_HEAD_END = re.compile(r"\s(?:of|who|whom|whose|which|that|with|in|on|at|from|--)\s|\s*,")


class EntitySpans:
    """A document's gold entity mentions (LitBank), merged and searchable by offset."""

    def __init__(self, mentions: Mapping[str, Sequence[Span]]) -> None:
        self._mentions = mentions
        self._merged: dict[str, tuple[tuple[Interval, ...], list[int]]] = {}

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._mentions

    def covers_any(self, mention: Mention) -> bool:
        """Whether the head of ``mention`` lies in a mention of any gold entity."""
        return any(self.covers(entity_id, mention) for entity_id in self._mentions)

    def covers(self, entity_id: str, mention: Mention) -> bool:
        """Whether the head of ``mention`` (its last word before any post-modifier) lies in a
        mention of the gold entity: "his face" is not a mention of the man whose "his" it
        contains, nor "the crotch of his vest"."""
        if entity_id not in self._merged:
            merged = merge_spans((m.start, m.end) for m in self._mentions[entity_id])
            self._merged[entity_id] = (merged, [a for a, _ in merged])
        merged, starts = self._merged[entity_id]
        words = _HEAD_END.split(mention.text, maxsplit=1)[0].rstrip() or mention.text.rstrip()
        start = mention.start + words.rfind(" ") + 1
        end = max(mention.start + len(words), start + 1)
        k = bisect.bisect_right(starts, start)
        before = k > 0 and merged[k - 1][1] > start
        after = k < len(merged) and merged[k][0] < end
        return before or after


def _is_gold_character(
    entity_id: str, pred: Quote, spans: EntitySpans, gold_name: str | None = None
) -> bool:
    """Right when most of the predicted entity's name mentions are mentions of the gold
    character. Without a name: its speaker mention; a quote given by turn-taking has none,
    so then the entity's own descriptions ("the parson"), and for a pronoun-only entity
    (the narrator's "I") its pronouns. The entity is still judged on its own mentions:
    an entity with no mention of the character is never right."""
    mentions: list[Mention] = []
    if pred.speaker is not None:
        mentions = [m for m in pred.speaker.mentions if m.kind is MentionKind.NAME]
    if not mentions and pred.speaker_mention is not None:
        mentions = [pred.speaker_mention]
    if not mentions and pred.speaker is not None:
        mentions = [m for m in pred.speaker.mentions if m.kind is MentionKind.NOMINAL]
        mentions = mentions or list(pred.speaker.mentions)
    gold_words = set(canonical_key(gold_name).split()) if gold_name else set()

    def hit(m: Mention) -> bool:
        # A name the gold's mention lists leave out (an apposition, say) that is written
        # as the character's own name ("John Rolfe", "Rolfe") is the character's.
        if spans.covers(entity_id, m):
            return True
        if m.kind is not MentionKind.NAME or not gold_words or spans.covers_any(m):
            return False
        words = set(canonical_key(m.text).split())
        return bool(words) and words <= gold_words

    hits = sum(hit(m) for m in mentions)
    return bool(mentions) and 2 * hits > len(mentions)


def entity_verdict(g: GoldQuote, p: Quote, spans: EntitySpans) -> bool | None:
    """Whether the predicted entity is the gold speaker, where the gold says who it is: the
    LitBank character, the canonical name, or, for a group or unnamed source, no specific
    person's name (None: the gold says nothing at entity level)."""
    if g.speaker_id is not None and g.speaker_id in spans:
        return _is_gold_character(g.speaker_id, p, spans, g.speaker)
    if g.speaker_canonical is not None:
        return p.speaker is not None and canonical_key(p.speaker.name) == canonical_key(
            g.speaker_canonical
        )
    if g.speaker_type in ANONYMOUS_TYPES:
        return not _names_a_person(p)
    return None


def served_speaker_right(g: GoldQuote, p: Quote, spans: EntitySpans) -> bool:
    """Whether the speaker a user gets for a matched quote is right (the calibration target):
    judged on the entity where the gold says who the speaker is, else on the mention. A gold
    quote with no speaker has none to get wrong; for a group or unnamed source the mention
    must be right too, since "no person named" alone says nothing of which group."""
    verdict = entity_verdict(g, p, spans)
    mention = not g.has_speaker or speaker_right(g, p)
    if verdict is None:
        return mention
    anonymous = g.speaker_canonical is None and g.speaker_type in ANONYMOUS_TYPES
    if anonymous and not (g.speaker_id is not None and g.speaker_id in spans):
        return verdict and mention
    return verdict


def score_entity(s: CorpusScore, g: GoldQuote, p: Quote, spans: EntitySpans) -> bool | None:
    """Add one matched quote to the entity-level counts; whether it was right (None: the
    gold says nothing at entity level)."""
    verdict = entity_verdict(g, p, spans)
    if g.speaker_id is not None and g.speaker_id in spans:
        s.entity_total += 1
        s.entity_right += bool(verdict)
        return verdict
    if g.speaker_type is None and g.speaker_canonical is None:
        return None
    kind = g.speaker_type or "unknown"
    if g.speaker_canonical is not None:
        s.canonical_total[kind] = s.canonical_total.get(kind, 0) + 1
        s.canonical_right[kind] = s.canonical_right.get(kind, 0) + bool(verdict)
        return verdict
    s.anonymous_total[kind] = s.anonymous_total.get(kind, 0) + 1
    s.anonymous_named[kind] = s.anonymous_named.get(kind, 0) + _names_a_person(p)
    return verdict
