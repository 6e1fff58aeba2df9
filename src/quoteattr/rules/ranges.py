"""Token ranges as the content rules pass them around: quotation-mark tokens, which bound a
content and are never trimmed, and the trimming of punctuation at a range's edges."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .syntax import string_id

__all__ = ["is_mark", "subtree_range", "trim_tokens"]


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, spaces and joining conjunctions at either edge of a token range."""
    while (
        start < end
        and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc")
        and not is_mark(doc[start])
    ):
        start += 1
    while (
        end > start
        and (doc[end - 1].is_punct or doc[end - 1].is_space)
        and not is_mark(doc[end - 1])
    ):
        end -= 1
    return start, end


def subtree_range(doc: Doc, *tokens: Token) -> tuple[int, int]:
    """The trimmed token range that the tokens' subtrees cover together: a clause, an
    object, or several objects of one preposition."""
    start = min(t.left_edge.i for t in tokens)
    end = max(t.right_edge.i for t in tokens) + 1
    return trim_tokens(doc, start, end)


_MARKS = frozenset({"“", "”", '"', "«", "»", "„", "‘", "’", "'", "‹", "›", "「", "」"})
# Their hashes: comparing a token's ``orth`` (an int) makes no string for every token asked.
_MARK_HASHES = frozenset(string_id(m) for m in _MARKS)


def is_mark(token: Token) -> bool:
    """A quotation-mark token; such tokens bound contents and are never trimmed away."""
    return token.orth in _MARK_HASHES and token.text in _MARKS
