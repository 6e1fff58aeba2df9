"""Candidates that look like reports but are not: page furniture and the writer's own voice.

News pages taken from HTML carry more than the article: labels ("READ MORE:", "Video:",
"SOURCE:"), captions ("Video shows ..."), teasers and crossheads in capitals, comment
invitations and advice boxes ("Share your thoughts below", "Only call if your doctor says
..."), and lines that address the reader ("So now you know that ..."). The writer also
hedges in the words of a report ("it is fair to say that ..."), asks for or imagines one
("owners should explain that ..."), names things ("is known as ...", "a group called
...") and reports things that are no words ("shared a clip") or deeds in a speech verb's
words ("claimed the title", "called on a law firm"). None of these attribute words to
anyone; this module drops them after the quotes are built, so the rules that find quotes
stay simple.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..lexicon import word_list
from ..types import QuoteKind
from .cuelexicon import source_nouns

if TYPE_CHECKING:  # quotes.py calls this module: import its type for annotations only
    from .quotes import Candidate

__all__ = ["drop_non_reports"]

_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_FURNITURE_LABELS = word_list("furniture_labels")
_FURNITURE_SOURCES = word_list("furniture_sources")
_THING_OBJECTS = word_list("thing_objects")
_NAMING_PREPS = frozenset({"as", "for"})
_VERDICT_WORDS = word_list("verdict_words")
_EVIDENTIAL_CUES = word_list("evidential_cues")
_AMOUNT_UNITS = word_list("amount_units")
_NAMING_VERBS = word_list("naming_verbs")
_TAKEN_OBJECTS = word_list("taken_objects")
_WRITER = frozenset({"i", "we"})
_REFERRING = frozenset({"it", "this", "that", "these", "those", "them"})
# A line written in capitals needs this many words to count as a crosshead or teaser.
_MIN_CAPITAL_WORDS = 3


def drop_non_reports(doc: Doc, text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates that attribute words to someone, furniture and the writer's voice left
    out. A quote inside quotation marks is someone's words whatever it says, so direct quotes
    are judged only by the line they stand in."""
    return [c for c in candidates if not _is_non_report(doc, text, c)]


def _is_non_report(doc: Doc, text: str, candidate: Candidate) -> bool:
    line = _line(text, candidate.start)
    if _is_furniture_line(line):
        return True
    cue = candidate.cue
    if cue is None or cue.start >= len(doc):
        return False
    head = doc[cue.head]
    if _in_capital_line(text, head):
        return True
    if candidate.source is not None:
        source = doc[candidate.source[0] : candidate.source[1]]
        if source[0].lower_ in _SECOND_PERSON and not _quoted(text, head):
            return True  # the reader addressed: "so now you know that ...", "if your GP says"
        if _furniture_source(source.root, text):
            return True
    if candidate.kind is not QuoteKind.DIRECT and _hypothetical(head) and not _quoted(text, head):
        return True  # quoted words were said, whatever the verb: "“…,” he would say"
    if _imperative(head) and not _quoted(text, head):
        return True  # advice and invitations: "Tell us what you think", "Only call if …"
    if _writers_hedge(head) or _thing_object(doc, candidate) or _naming_passive(head):
        return True
    if candidate.kind is QuoteKind.DIRECT:
        return False
    if _anonymity_terms(doc, candidate) or _thing_foretells(doc, head, candidate):
        return True
    if _writers_inference(head) or _empty_content(doc, candidate) or _verdict(doc, candidate):
        return True
    return (
        _name_given(head, text, candidate)
        or _taken(doc, head, candidate)
        or _called_on(doc, head, candidate)
    )


def _line(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : len(text) if end < 0 else end]


def _is_furniture_line(line: str) -> bool:
    """ "READ MORE: …", "Video: …", "SOURCE: Al Jazeera": a label and a colon opening a line."""
    head, colon, _ = line.strip().partition(":")
    words = head.lower().split()
    return bool(colon) and 0 < len(words) <= 3 and all(w in _FURNITURE_LABELS for w in words)


def _in_capital_line(text: str, token: Token) -> bool:
    """Is the cue in a line written in capitals (a teaser or crosshead: "STAR SAYS …")?"""
    words = [w for w in _line(text, token.idx).split() if any(map(str.isalpha, w))]
    if len(words) < _MIN_CAPITAL_WORDS:
        return False
    return sum(w.isupper() for w in words) >= 0.8 * len(words)


def _quoted(text: str, token: Token) -> bool:
    """Does a quotation mark open earlier on the token's line than the token (a quote that
    addresses its own listener: “You knew the risks,” the judge said)?"""
    line_start = text.rfind("\n", 0, token.idx) + 1
    return any(ch in "\"“‘'«" for ch in text[line_start : token.idx])


def _furniture_source(root: Token, text: str) -> bool:
    """ "Video shows …", "Photos: …": a caption, its source the line's first word."""
    if root.lemma_.lower() not in _FURNITURE_SOURCES:
        return False
    line_start = text.rfind("\n", 0, root.idx) + 1
    return not text[line_start : root.idx].strip()


def _writers_hedge(head: Token) -> bool:
    """ "it is fair to say that …", "it would be safe to say …": the writer's own claim in
    the form of a report, the cue an infinitive after an adjective with empty "it"."""
    if head.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    governor = head.head
    if governor.pos_ == "ADJ":
        governor = governor.head if governor.dep_ == "acomp" else governor
    return any(c.dep_ in {"expl", "nsubj"} and c.lower_ == "it" for c in governor.children)


def _thing_object(doc: Doc, candidate: Candidate) -> bool:
    """ "shared [a clip of …]", "revealed [the news of …]", "released video showing [the
    rescue]": an indirect content whose head is a thing (a clip, a photo, the news), not
    words or a proposition."""
    if candidate.kind is not QuoteKind.INDIRECT or len(candidate.fragments) != 1:
        return False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or span.root.pos_ not in {"NOUN", "PROPN"}:
        return False  # a clause ("revealed [that …]") reports whatever its words
    return span.root.lemma_.lower() in _THING_OBJECTS


def _naming_passive(head: Token) -> bool:
    """ "[he] is known as the pothole chief", "[the plague] is known for its effects": a
    name or a reputation, held by no one the text names."""
    if head.lemma_.lower() != "know" or head.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in head.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _NAMING_PREPS for c in head.children)


def _imperative(head: Token) -> bool:
    """Is the cue a command opening its sentence ("Share your thoughts below", "Tell us what
    you think")? Page furniture speaks to the reader so; a report has a speaker."""
    if head.tag_ != "VB" or head.dep_ != "ROOT":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in head.children):
        return False
    before = [t for t in head.sent if t.i < head.i and not (t.is_punct or t.is_space)]
    return all(t.pos_ in {"ADV", "INTJ"} for t in before)


def _content_span(doc: Doc, candidate: Candidate) -> SpacySpan | None:
    if len(candidate.fragments) != 1:
        return None
    return doc.char_span(candidate.start, candidate.end, alignment_mode="expand")


def _writers_inference(head: Token) -> bool:
    """ "we seem to get our best ideas in the shower": the writer generalising about
    everyone, themselves included, in the words of an inference; no one is reported."""
    if head.lemma_.lower() not in _EVIDENTIAL_CUES:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _WRITER for c in head.children)


def _empty_content(doc: Doc, candidate: Candidate) -> bool:
    """ "think about it", "find out about this initiative", "a request for $22.6bn": a
    topic that points back at something, or a bare amount, is no proposition anyone put
    forward (a clause or a noun phrase with words of its own is)."""
    span = _content_span(doc, candidate)
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if (
        words
        and all(_amount_word(t) for t in words)
        and any(t.ent_type_ or t.like_num for t in words)
    ):
        return True
    if span.root.dep_ != "pobj" or span.root.head.lower_ != "about":
        return False
    return span[0].lower_ in _REFERRING and len(words) <= 3


def _amount_word(token: Token) -> bool:
    """ "$", "40", "m", "22.6bn", "million": a word of an amount of money or a number."""
    if token.like_num or token.is_currency or token.lower_ in _AMOUNT_UNITS:
        return True
    digits = token.lower_.rstrip("abcdefghijklmnopqrstuvwxyz")
    return bool(digits) and digits[-1].isdigit() and token.lower_[len(digits) :] in _AMOUNT_UNITS


def _verdict(doc: Doc, candidate: Candidate) -> bool:
    """ "a jury found him guilty of manslaughter": a verdict, the finding of a court, not a
    report of what the jury said or a study showed."""
    head = doc[candidate.cue.head] if candidate.cue is not None else None
    if head is None or head.lemma_.lower() != "find":
        return False
    span = _content_span(doc, candidate)
    if span is None:
        return False
    return any(t.lower_ in _VERDICT_WORDS and t.pos_ == "ADJ" for t in span)


_MODALS = frozenset({"should", "must", "could", "might", "ought"})


def _hypothetical(head: Token) -> bool:
    """ "Those CEOs should make it clear …", "she might argue that …": a report the sentence
    asks for or imagines, not one that was made."""
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children)


def _name_given(head: Token, text: str, candidate: Candidate) -> bool:
    """ "a movement called the People's Party", "often referred to as Force One": a name
    given by no one the sentence names (a participle after its noun, or "referred to as"), not
    words reported. A name in quotation marks is someone's words and stays."""
    lemma = head.lemma_.lower()
    if head.tag_ not in {"VBN", "VBD"} or any(c.dep_ == "agent" for c in head.children):
        return False
    if any(ch in '"“”‘’«»' for ch in text[candidate.start : candidate.end]):
        return False
    if lemma == "refer":
        return head.tag_ == "VBN" and any(
            c.dep_ == "prep" and any(g.lower_ == "as" for g in c.subtree) for c in head.children
        )
    if lemma not in _NAMING_VERBS or head.dep_ != "acl":  # the tagger says VBD at times
        return False
    if any(c.dep_ == "prep" for c in head.children):
        return False  # "called for", "called on"
    return any(
        c.dep_ in {"oprd", "dobj", "attr"} and c.ent_type_ not in {"DATE", "TIME"}
        for c in head.children
    )  # a name, not "[Trump] called Wednesday for ..."


def _taken(doc: Doc, head: Token, candidate: Candidate) -> bool:
    """ "claiming 41 percent of the vote", "claimed the title", "claimed three lives": a
    share, a prize or lives taken, not a claim made."""
    root = _content_head(doc, head, candidate, "claim", {"NOUN", "PROPN", "NUM"})
    return root is not None and (
        root.lemma_.lower() in _TAKEN_OBJECTS
        or any(t.like_num for t in root.lefts if t.dep_ in {"nummod", "quantmod"})
    )


def _called_on(doc: Doc, head: Token, candidate: Candidate) -> bool:
    """ "Pfizer called on a law firm", "she called on a reporter": "call on" with a person
    and no infinitive is a visit or a turn given, not a call to act."""
    root = _content_head(doc, head, candidate, "call", {"NOUN", "PROPN", "PRON"})
    return (
        root is not None
        and root.dep_ == "pobj"
        and root.head.lower_ == "on"
        and root.head.head == head
    )


def _content_head(
    doc: Doc, head: Token, candidate: Candidate, lemma: str, parts: set[str]
) -> Token | None:
    """The head word of what a cue of the lemma ``lemma`` reports, when it is one of the
    parts of speech ``parts``; else None."""
    if head.lemma_.lower() != lemma:
        return None
    span = _content_span(doc, candidate)
    if span is None or span.root.pos_ not in parts:
        return None
    return span.root


def _anonymity_terms(doc: Doc, candidate: Candidate) -> bool:
    """ "a spokeswoman, who asked not to be named because …", "declined to be identified":
    the terms on which a source speaks, not what they said."""
    span = _content_span(doc, candidate)
    if span is None:
        return False
    words = [t for t in span[:5] if t.lower_ != "not"]
    return (
        len(words) >= 3
        and words[0].lower_ == "to"
        and words[1].lemma_ == "be"
        and words[2].tag_ == "VBN"
        and words[2].lemma_.lower() in _ANONYMITY_VERBS
    )


def _thing_foretells(doc: Doc, head: Token, candidate: Candidate) -> bool:
    """ "Rising energy bills threatened to close it", "the plan promises to cut costs": with a
    thing for subject, *threaten* and *promise* tell what is likely, not what anyone said.
    Any noun that may name people (a role, a person noun, a word formed like one: "voters",
    "residents") keeps the report."""
    if head.lemma_.lower() not in _FORETELLING_VERBS or candidate.source is None:
        return False
    span = _content_span(doc, candidate)
    if span is None or span[0].lower_ != "to":
        return False
    root = doc[candidate.source[0] : candidate.source[1]].root
    if root.pos_ != "NOUN" or root.ent_type_:
        return False
    lemma = root.lemma_.lower()
    return not (
        lemma in source_nouns() or lemma in _PERSON_NOUNS or lemma.endswith(_PEOPLE_ENDINGS)
    )


_ANONYMITY_VERBS = word_list("anonymity_verbs")
_FORETELLING_VERBS = word_list("foretelling_verbs")
_PERSON_NOUNS = word_list("person_nouns") | word_list("ungendered_people")
_PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "man", "men", "ee")
