"""Small parse-tree predicates shared by the cue, content and source rules, kept in one
place so that each test is written (and mended) once."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["first_child", "has_agent", "has_subject", "has_that_mark", "is_passive"]


def first_child(token: Token, dep: str) -> Token | None:
    """The token's first child with the dependency ``dep``, if any."""
    return next((c for c in token.children if c.dep_ == dep), None)


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
