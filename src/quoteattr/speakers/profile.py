"""The speaker profile: the roles the text gives an entity, its gender, whether it is named.

None of it is guessed from outside knowledge; each part comes from the text itself:

- **role**: titles written before a name ("Russian President Vladimir Putin" ->
  "Russian President"), appositions ("Ada Kendall, a coastal engineer at the University of
  Northmoor," -> "coastal engineer at the University of Northmoor") and descriptions the
  resolver linked to the entity ("the Russian president" -> "Russian president"), in order of
  appearance, each once (case aside), without leading articles or possessive pronouns.
- **gender**: "female" or "male" when the text says so: an honorific ("Mrs.", "Sir",
  ``data/honorifics.tsv``), a pronoun resolved to the entity ("she said"), a gendered noun
  that describes it ("the girl", ``data/gendered_nouns.tsv``) or a forename listed in
  ``data/forenames.tsv`` (a documented list of forenames strongly tied to one gender; unisex
  names are left out). Otherwise None.
- **named**: False for a source the text never names ("officials", "a spokesman", the
  narrator of a text that never names them): the anonymous-source flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from ..lexicon import load_table, word_list
from ..types import MentionKind

__all__ = ["GENDER_LABELS", "distinct_roles", "is_named", "role_text", "title_words"]

#: The gender codes the resolver works with, as ``Entity.gender`` spells them.
GENDER_LABELS = {"f": "female", "m": "male"}

# Words that open a noun phrase but are no part of the role it names.
_ROLE_OPENERS = frozenset({"DET", "PRON", "PUNCT", "SPACE", "CCONJ"})
# Forms of address ("Dr.", "Mrs"): they tell how a person is addressed, not a role.
_HONORIFICS = frozenset(row[0].casefold().rstrip(".") for row in load_table("honorifics.tsv"))
# An apposition longer than this is a clause the parser hung on the name, not a role.
_MAX_ROLE_TOKENS = 12


def role_text(tokens: Span | Sequence[Token]) -> str | None:
    """The role a phrase states, as written, without a leading article or possessive
    pronoun, a trailing form of address or punctuation ("the Russian president" -> "Russian
    president", "geologist Dr." -> "geologist"); None when nothing of a role is left, or the
    phrase is too long to be one."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].pos_ in _ROLE_OPENERS or tokens[start].tag_ == "POS"):
        start += 1
    while end > start and (
        tokens[end - 1].is_punct
        or tokens[end - 1].is_space
        or tokens[end - 1].lower_.rstrip(".") in _HONORIFICS  # "geologist Dr. Ann Roe"
    ):
        end -= 1
    if end <= start or end - start > _MAX_ROLE_TOKENS:
        return None
    if not any(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in tokens[start:end]):
        return None
    doc = tokens[0].doc
    return doc[tokens[start].i : tokens[end - 1].i + 1].text


def title_words(span: Span) -> int:
    """How many leading tokens of a name mention are titles ("President Putin": 1)."""
    titles = word_list("name_titles")
    n = 0
    while n < len(span) - 1 and span[n].lower_.rstrip(".") in titles:
        n += 1
    return n


def distinct_roles(roles: Iterable[str], name: str = "") -> tuple[str, ...]:
    """Each role once, case aside, in order of first appearance; not the entity's own name
    (an unnamed source is called by its description: "officials"), nor a bare honorific."""

    def key(text: str) -> str:
        words = text.casefold().split()
        return " ".join(words[1:] if words[:1] == ["the"] else words)

    seen: dict[str, str] = {key(name): ""}
    for role in roles:
        if key(role).rstrip(".") not in _HONORIFICS:
            seen.setdefault(key(role), " ".join(role.split()))
    return tuple(v for v in seen.values() if v)


def is_named(mention_kinds: Iterable[MentionKind]) -> bool:
    """Whether the text names an entity: at least one of its mentions is a name."""
    return any(kind is MentionKind.NAME for kind in mention_kinds)
