"""Small parse-tree predicates shared by the cue, content and source rules, kept in one
place so that each test is written (and mended) once."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy
from spacy import symbols
from spacy.attrs import HEAD, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

__all__ = [
    "Sentences",
    "first_child",
    "has_agent",
    "has_subject",
    "has_that_mark",
    "is_passive",
    "pos_id",
    "string_id",
    "token_columns",
    "token_heads",
]


_IDS = StringStore()  # empty: ids are the same in every store (a symbol's, else a hash)


def string_id(text: str) -> int:
    """The id spaCy keeps ``text`` under (``Token.orth``, ``dep``, ``tag``, ``lower`` and
    ``Doc.to_array`` give these ints: a symbol's id for labels such as "nsubj", a hash for
    other strings): comparing ids makes no string per token."""
    return int(_IDS[text])


def token_columns(doc: Doc, attrs: Sequence[int]) -> list[list[int]]:
    """One list of ids per attribute (``spacy.attrs``), each as long as the doc: a pass over
    every token reads these instead of making a ``Token`` per token. Column by column: numpy's
    ``tolist`` of the two-dimensional array is many times slower."""
    if not len(doc):
        return [[] for _ in attrs]
    return [column.tolist() for column in doc.to_array(list(attrs)).T]


def token_heads(doc: Doc) -> list[int]:
    """The index of every token's head, read as one array (``to_array`` gives the offset to
    the head as an unsigned number: read back as signed)."""
    if not len(doc):
        return []
    offsets = doc.to_array(HEAD).astype(numpy.int64)
    return (offsets + numpy.arange(len(doc))).tolist()


class Sentences:
    """The sentences of a doc as token ranges, read once from its sentence starts: the same
    ranges as ``doc.sents`` and ``Span.sent``, which scan the tokens (and check the whole
    doc's annotation) on every call."""

    def __init__(self, doc: Doc) -> None:
        flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        self.starts = [0] + [i for i in range(1, len(flags)) if flags[i] == 1] if flags else []
        self.length = len(doc)

    def start_of(self, i: int) -> int:
        """The first token of the sentence token ``i`` stands in."""
        return self.starts[bisect.bisect_right(self.starts, i) - 1]

    def of(self, i: int) -> tuple[int, int]:
        """The token range of the sentence token ``i`` stands in."""
        k = bisect.bisect_right(self.starts, i)
        return self.starts[k - 1], self.starts[k] if k < len(self.starts) else self.length

    def bounds(self) -> list[tuple[int, int]]:
        """Every sentence as (first token, end), in order."""
        if not self.starts:
            return []
        return list(zip(self.starts, [*self.starts[1:], self.length], strict=True))


def pos_id(tag: str) -> int:
    """The id of a coarse part of speech ("VERB"), as ``Token.pos`` and ``to_array`` give it."""
    return int(symbols.IDS[tag])


def first_child(token: Token, dep: str) -> Token | None:
    """The token's first child with the dependency ``dep``, if any."""
    for c in token.children:  # a loop, not next() on a generator: called for most tokens
        if c.dep_ == dep:
            return c
    return None


def is_passive(verb: Token) -> bool:
    """A finite passive: "[the plan] was rejected" (a passive auxiliary or subject)."""
    return any(child.dep_ in {"auxpass", "nsubjpass"} for child in verb.children)


def has_subject(verb: Token) -> bool:
    """Does the verb have a subject of its own, active or passive?"""
    return any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children)


def has_agent(verb: Token) -> bool:
    """Does a passive name who did it: "rejected [by voters]"?"""
    return any(child.dep_ == "agent" for child in verb.children)


def has_that_mark(clause: Token) -> bool:
    """Is the clause introduced by "that": "said [that] it was early"?"""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
