"""Stance cues: adjectives and nouns that report someone's words, view or feeling.

"She is confident [that …]", "Trump's claim [that …]", "her criticism [of the plan]", "a
critic [of the deal]", "[the plan] drew criticism from unions", "she faced questions [about
X]". ``cues.find_cues`` asks here for every adjective and noun; the source and content of
such a cue are read by ``sources.py`` and ``content.py`` through the helpers exported here.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_list
from .cuelexicon import PERSONAL_PRONOUNS, Cue, CueLexicon, source_nouns
from .syntax import first_child, has_subject, has_that_mark

__all__ = [
    "NOUN_CONTENT_PREPS",
    "adjectival_participle",
    "judge_phrase",
    "light_verb_subject",
    "linked_clause",
    "may_be_stance_word",
    "noun_content_prep",
    "predicate_clause",
    "stance_cue",
    "target_subject",
]

# Prepositions that give what a stance adjective is about: "worried [about the vote]".
_STANCE_PREPS = frozenset({"about", "of", "over", "with", "on", "toward", "towards"})
# Possessives that make a reporting noun a person's words: "[his] attacks on the judge".
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
# Possessors whose "attack" is a deed, not words: "[Russia]'s attack on its neighbour".
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


# Verbs that link a subject to a stance adjective: "is confident", "seemed skeptical".
_LINKING_VERBS = word_list("linking_verbs")


# Verbs whose subject receives a reporting noun rather than gives it: "faced questions".
_RECEIVING_VERBS = word_list("receiving_verbs")


# Verbs whose subject is the target of the reporting noun they take: "faced questions about".
_FACING_VERBS = word_list("facing_verbs")


# Reporting nouns that may also name a deed ("carried out an attack on"): they report only
# with a possessor, "Trump's attacks on the judge".
_POSSESSOR_NOUNS = word_list("possessor_nouns")


# Prepositions that introduce what a reporting noun is about: "her criticism [of the plan]".
NOUN_CONTENT_PREPS = frozenset({"of", "about", "on", "against", "for", "over"})


# Nouns of stance whose "to"-phrase is what the stance is about: "his opposition [to the war]".
_TO_NOUNS = word_list("to_content_nouns")


def noun_content_prep(noun: Token, prep: Token) -> bool:
    """Does the preposition introduce what the reporting noun is about? "her criticism [of
    the plan]", "his opposition [to the war]" (but not "his remarks to reporters")."""
    if prep.lower_ in NOUN_CONTENT_PREPS:
        return True
    return prep.lower_ == "to" and noun.lemma_.lower() in _TO_NOUNS


def stance_cue(token: Token, lexicon: CueLexicon) -> Cue | None:
    """An adjective or noun that reports a stance, when it has both a content and a source.

    "She is confident [that ...]" (adjective after a linking verb with a subject);
    "Trump's claim [that ...]", "her criticism [of the plan]" (noun with a possessor).
    """
    lemma = token.lemma_.lower()
    if token.pos_ == "ADJ" or adjectival_participle(token, lexicon):
        category = lexicon.adjectives.get(lemma) or lexicon.adjectives.get(token.lower_)
        if category is None or category not in lexicon.categories:
            return None
        head = token.head
        if not any(_adjective_content(c) for c in token.children) and linked_clause(token) is None:
            return None
        if _postnominal(token):
            return Cue(token.i, token.i, token.i + 1, category, part="adjective")
        if token.dep_ not in {"acomp", "oprd"} or head.lemma_.lower() not in _LINKING_VERBS:
            return None
        if not _has_linked_subject(head):
            return None
        return Cue(token.i, token.i, token.i + 1, category, part="adjective")
    if lemma in _STANCE_AGENTS and "speech" in lexicon.categories:
        return _stance_agent(token)
    if lemma in _CRITIQUE_NOUNS and "speech" in lexicon.categories:
        target = _critique_target(token)
        if target is not None:
            return target
    category = lexicon.nouns.get(lemma)
    if category is None or category not in lexicon.categories:
        return None
    has_possessor = any(c.dep_ == "poss" for c in token.children)
    if lemma in _POSSESSOR_NOUNS and not _personal_possessor(token):
        return None
    has_source = (
        has_possessor
        or any(c.dep_ == "prep" and c.lower_ in {"by", "from"} for c in token.children)
        or light_verb_subject(token) is not None
    )
    has_content = predicate_clause(token) is not None or any(
        (c.dep_ in {"acl", "ccomp"} and any(m.lower_ in {"that", "to"} for m in c.children))
        or (c.dep_ == "prep" and noun_content_prep(token, c))
        for c in token.children
    )
    if not has_content:
        return None
    if not has_source:
        if not _is_faced(token):
            return None
        return Cue(token.i, token.i, token.i + 1, category, source_slot="none", part="noun")
    return Cue(token.i, token.i, token.i + 1, category, part="noun")


# Nouns for a person by the stance they take: "a critic of", "supporters of".
_STANCE_AGENTS = word_list("stance_agent_nouns")


def _stance_agent(noun: Token) -> Cue | None:
    """ "He has been an outspoken critic [of Bush]", "Gillibrand, a supporter [of Clinton],":
    a stance noun said of a person, whose "of"-phrase is what the person stands for or
    against."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_.lower() in _LINKING_VERBS and _has_linked_subject(head):
        return Cue(noun.i, noun.i, noun.i + 1, "speech", part="agent")
    if noun.dep_ == "appos" and (head.ent_type_ == "PERSON" or head.pos_ == "PRON"):
        return Cue(noun.i, noun.i, noun.i + 1, "speech", part="agent")
    return None


# Nouns of judgement that a verb of drawing lets fall on its subject: "the statement drew
# [criticism]", "his work has come under [scrutiny]".
_CRITIQUE_NOUNS = word_list("critique_nouns")
# Verbs that let a judgement fall on their subject: "the statement [drew] criticism".
_DRAWING_VERBS = word_list("drawing_verbs")


def target_subject(noun: Token) -> Token | None:
    """The subject a judgement falls on, which is what was judged: "[the statement] drew
    sharp criticism from both sides", "[his work] has come under scrutiny"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
        if verb.lemma_.lower() != "come":
            return None
    elif noun.dep_ != "dobj" or verb.lemma_.lower() not in _DRAWING_VERBS:
        return None
    return first_child(verb, "nsubj")


def judge_phrase(noun: Token) -> Token | None:
    """The "from"/"by" phrase naming who judged, on the noun or on the verb after it: "drew
    criticism [from Democrats]"."""
    for token in (noun, noun.head):
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in {"from", "by"} and child.i > noun.i:
                return child
    return None


def _critique_target(noun: Token) -> Cue | None:
    """A judgement drawn by its subject; its source is whoever it came from, if named. Not
    when the noun names its own topic ("came under scrutiny [over his ties]") or the subject
    is a relative word that only points at what was judged ("whose conduct came under ...")."""
    subject = target_subject(noun)
    if subject is None or subject.left_edge.tag_ in {"WDT", "WP", "WP$"}:
        return None
    if any(c.dep_ == "prep" and noun_content_prep(noun, c) for c in noun.children):
        return None
    slot = "subject" if judge_phrase(noun) is not None else "none"
    return Cue(noun.i, noun.i, noun.i + 1, "speech", source_slot=slot, part="target")


def _personal_possessor(noun: Token) -> bool:
    """ "Trump's attacks on the judge", "his attacks on ...": a person's words; "Russia's
    attack on its neighbour" is a country's deed."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ == "PRON":
            return child.lower_ in _PERSONAL_POSSESSIVES
        return child.pos_ == "PROPN" and child.ent_type_ not in _PLACE_ENTITIES
    return False


def predicate_clause(noun: Token) -> Token | None:
    """The "that"-clause a copula says of a reporting noun, which is the noun's content:
    "Sanders's argument was [that superdelegates should switch]"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    for child in verb.rights:
        if child.dep_ == "ccomp" and has_that_mark(child):
            return child
    return None


def _is_faced(noun: Token) -> bool:
    """ "[she] faced questions about ...", "endured criticism over ...": a report aimed at the
    subject, by people the text leaves unnamed."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _FACING_VERBS


def light_verb_subject(noun: Token) -> Token | None:
    """The subject of a verb that takes a reporting noun as its object, who is the noun's
    source: "[the senator] voiced support for ...", "[she] raised doubts about ..."."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in _RECEIVING_VERBS:
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    subject = first_child(verb, "nsubj")
    if subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in PERSONAL_PRONOUNS:
        return None
    return subject


def _postnominal(adjective: Token) -> bool:
    """An adjective after the noun it describes: "a president [willing] to act"."""
    head = adjective.head
    if adjective.dep_ != "amod" or head.i > adjective.i:
        return False
    return head.ent_type_ in {"PERSON", "NORP"} or head.lemma_.lower() in source_nouns()


def linked_clause(adjective: Token) -> Token | None:
    """The "that"-clause the parser hangs on the linking verb rather than on the stance
    adjective: "he was keenly aware, however, [that ...]". Not after an expletive "it" ("it
    is clear that ..." states no one's stance)."""
    verb = adjective.head
    if adjective.dep_ != "acomp" or verb.lemma_.lower() not in _LINKING_VERBS:
        return None
    if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ == "ccomp" and child.i > adjective.i and has_that_mark(child):
            return child
    return None


def adjectival_participle(token: Token, lexicon: CueLexicon) -> bool:
    """A stance participle the tagger takes for a verb after a linking verb: "he is still
    [upset] by the suggestion", "they were [worried] about it"."""
    return token.tag_ == "VBN" and token.dep_ == "acomp" and token.lower_ in lexicon.adjectives


def _has_linked_subject(verb: Token) -> bool:
    """A linking verb with a subject of its own, or one it shares with the verb it completes:
    "Democrats did not seem [to be] worried about ..."."""
    for _ in range(2):
        if has_subject(verb):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def may_be_stance_word(lemma: str, lower: str, lexicon: CueLexicon) -> bool:
    """Can ``stance_cue`` find a cue on a word of this lower-case lemma and form? Its first
    tests are these word lists (keep the two in step): ``find_cues`` asks once per word
    instead of building every adjective's and noun's relations."""
    return (
        lemma in lexicon.adjectives
        or lower in lexicon.adjectives
        or lemma in lexicon.nouns
        or lemma in _STANCE_AGENTS
        or lemma in _CRITIQUE_NOUNS
    )


def _adjective_content(child: Token) -> bool:
    """Is the child what a stance adjective is about: "confident [that …]", "worried
    [about X]"?"""
    if child.dep_ in {"ccomp", "xcomp"}:
        return True
    # "upset [by the suggestion]": what a participle's feeling is about
    return child.dep_ in {"prep", "agent"} and child.lower_ in _STANCE_PREPS | {"by"}
