"""The cue lexicon and the ``Cue`` record the detection rules produce.

Verbs, phrases, stance adjectives and reporting nouns are read from ``data/cue_*.tsv``;
``CueLexicon`` lets a caller extend them or keep only some categories. Kept apart from the
detection rules (``cues.py``, ``stance.py``) so that both can share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import attrs
from spacy.tokens import Doc, Token

from ..lexicon import load_table

__all__ = [
    "CATEGORIES",
    "PERSONAL_PRONOUNS",
    "Cue",
    "CueLexicon",
    "is_cue_verb",
    "listed_category",
    "source_nouns",
    "verb_lemma",
]

CATEGORIES = frozenset({"speech", "thought", "evidence"})
# Pronouns that stand for a person who can speak: "[she] raised doubts", "[they] maintain that".
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


@attrs.frozen
class Cue:
    """One cue in a parsed document.

    ``head`` is the token whose syntactic relations give the content and the source: the
    verb, or ``according`` in ``according to``. ``start``/``end`` is the token range of the
    whole cue as written ("pointed out", "according to").
    """

    head: int
    start: int
    end: int
    category: str
    source_slot: str = "subject"  # "subject", "object", or "none" (the writer's own view)
    generic: bool = False  # found by structure ("X maintained that ..."), not by the lexicon
    takes_object: bool = False  # its noun-phrase object is reported content ("denied it")
    # "verb", "adjective" ("confident that"), "noun" ("her claim that"), "agent" (a person
    # by stance: "a critic of the plan"), "target" ("[it] drew criticism") or "evidential"
    # ("[the plan] seems [to work]": the writer's inference, the clause around it the content)
    part: str = "verb"

    def tokens(self, doc: Doc) -> Iterable[Token]:
        return doc[self.start : self.end]


@attrs.frozen
class CueLexicon:
    """Which lemmas and phrases count as cues, and of which category."""

    verbs: Mapping[str, str]
    phrases: tuple[tuple[tuple[str, ...], str, str], ...]  # (words, category, source slot)
    categories: frozenset[str] = CATEGORIES
    object_verbs: frozenset[str] = frozenset()  # verbs whose object is the content
    adjectives: Mapping[str, str] = attrs.field(factory=dict)
    nouns: Mapping[str, str] = attrs.field(factory=dict)
    # What the cue rules' first tests found for a word (its lemma and lower-case hashes), kept
    # from one document to the next: ``cues.find_cues`` fills it.
    word_memo: dict[tuple[int, int], int] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    @classmethod
    def default(cls) -> CueLexicon:
        return _default_lexicon()

    def extended(
        self, verbs: Mapping[str, str] | Iterable[str] = (), *, categories: Iterable[str] = ()
    ) -> CueLexicon:
        """A copy with more verbs (lemma -> category, or plain lemmas as speech verbs)."""
        extra = dict(verbs) if isinstance(verbs, Mapping) else dict.fromkeys(verbs, "speech")
        for lemma, category in extra.items():
            if category not in CATEGORIES:
                raise ValueError(f"unknown cue category {category!r} for {lemma!r}")
        chosen = frozenset(categories) or self.categories
        unknown = chosen - CATEGORIES
        if unknown:
            raise ValueError(f"unknown cue categories: {sorted(unknown)}")
        return CueLexicon(
            {**self.verbs, **{k.lower(): v for k, v in extra.items()}},
            self.phrases,
            chosen,
            self.object_verbs,
            self.adjectives,
            self.nouns,
        )

    def verb_lemma(self, token: Token) -> str:
        """The token's lemma, mended where the lemmatiser drops a silent e of a cue verb
        ("hoping" -> "hop", "argued" -> "argu"), so that word lists keyed by lemma see it."""
        return self.mended_lemma(token.lemma_.lower(), token.lower_)

    def mended_lemma(self, lemma: str, lower: str) -> str:
        """``verb_lemma`` from a word's lower-case lemma and form."""
        if lemma in self.verbs:
            return lemma
        if lower in self.verbs:
            return lower
        if lemma + "e" in self.verbs and lower.startswith(lemma + "e"):
            return lemma + "e"  # "hopes" -> "hop"
        for suffix in ("ing", "ed"):
            if lower.endswith(suffix):
                mended = lower[: -len(suffix)] + "e"
                return mended if mended in self.verbs else lemma
        return lemma

    def verb_category(self, token: Token) -> str | None:
        """The category of a cue verb ("speech", "thought", …), or None if it is none."""
        category = self.verbs.get(self.verb_lemma(token))
        if category is None or category not in self.categories:
            return None
        return category


def verb_lemma(token: Token) -> str:
    """``CueLexicon.verb_lemma`` with the default lexicon."""
    return _default_lexicon().verb_lemma(token)


def is_cue_verb(token: Token) -> bool:
    """Is the token a cue verb of the default lexicon?"""
    return _default_lexicon().verb_category(token) is not None


def listed_category(token: Token) -> str | None:
    """The category the default lexicon lists for the token's verb lemma, whether or not
    that category is in use (unlike ``is_cue_verb``)."""
    return _default_lexicon().verbs.get(verb_lemma(token))


@lru_cache(maxsize=1)
def _default_lexicon() -> CueLexicon:
    rows = load_table("cue_verbs.tsv")
    verbs = {row[0].lower(): row[1] for row in rows}
    object_verbs = frozenset(row[0].lower() for row in rows if "np" in row[2:])
    phrases = tuple(
        (tuple(row[0].lower().split()), row[1], row[2]) for row in load_table("cue_phrases.tsv")
    )
    adjectives = {row[0].lower(): row[1] for row in load_table("cue_adjectives.tsv")}
    nouns = {row[0].lower(): row[1] for row in load_table("cue_nouns.tsv")}
    return CueLexicon(verbs, phrases, CATEGORIES, object_verbs, adjectives, nouns)


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """One-word roles and descriptions that can be a speaker (``data/roles.tsv``)."""
    return frozenset(row[0] for row in load_table("roles.tsv") if " " not in row[0])
