"""Cue detection: the words that mark a stretch of text as someone's speech or thought.

A cue is a verb from the lexicon (``said``, ``warned``, ``believes``), a verb-particle phrase
(``pointed out``), or a prepositional phrase whose object is the source (``according to X``).
The lexicon lives in ``data/cue_verbs.tsv`` and ``data/cue_phrases.tsv`` so that it can be
read and extended without touching code.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from ..lexicon import word_list
from .cuelexicon import PERSONAL_PRONOUNS, Cue, CueLexicon, source_nouns, verb_lemma
from .stance import adjectival_participle, may_be_stance_word, stance_cue
from .syntax import (
    first_child,
    has_agent,
    has_that_mark,
    is_passive,
    pos_id,
    string_id,
    token_columns,
    token_heads,
)

__all__ = [
    "Cue",
    "CueLexicon",
    "agent_phrase_children",
    "find_cues",
    "reaction_roles",
    "source_nouns",
    "verb_lemma",
]


# Parts of speech a verb cue may carry. spaCy tags some cue verbs as NOUN in headlines and
# lists ("Trump says"), but accepting NOUN would turn "the say" or "a claim" into cues.
_VERB_POS = frozenset({"VERB", "AUX"})
_VBN = string_id("VBN")
# The prepositions a setting opens with ("in [his] view", "by one estimate"), as hashes.
_SETTING_WORDS = frozenset(string_id(w) for w in ("in", "by"))


def _phrase_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    """Does the phrase start at token i, matching each word by lower form or lemma?"""
    if i + len(words) > len(doc):
        return False
    return all(
        doc[i + k].lower_ == w or doc[i + k].lemma_.lower() == w for k, w in enumerate(words)
    )


# How far a phrase's particle may stand from its verb: "pointed [it] out".
_MAX_PARTICLE_GAP = 3


def _particle_phrase(token: Token, words: tuple[str, ...]) -> Token | None:
    """For "point out": the particle child of a verb whose lemma is the first word. The
    particle follows the verb closely ("pointed it out"); "Back in May, he wrote" is no
    "write back"."""
    if len(words) != 2 or token.lemma_.lower() != words[0]:
        return None
    for child in token.rights:
        # "called for [the party to act]": the parser makes "for" the mark of a clause
        opener = child.doc[child.left_edge.i]
        if child.dep_ == "advcl" and opener.lower_ == words[1] and opener.dep_ == "mark":
            return opener if opener.i - token.i <= _MAX_PARTICLE_GAP else None
        if child.i - token.i > _MAX_PARTICLE_GAP:
            break
        if child.lower_ == words[1] and child.dep_ in {"prt", "prep", "advmod"}:
            return child
    return None


_Phrase = tuple[tuple[str, ...], str, str]


@lru_cache(maxsize=8)
def _phrases_by_first_word(
    phrases: tuple[_Phrase, ...],
) -> tuple[dict[str, tuple[_Phrase, ...]], dict[str, tuple[_Phrase, ...]]]:
    """Object-slot and subject-slot phrases indexed by their first word, so that each token
    is checked only against the phrases it could start."""
    index: tuple[dict[str, list[_Phrase]], dict[str, list[_Phrase]]] = ({}, {})
    for phrase in phrases:
        index[phrase[2] != "object"].setdefault(phrase[0][0], []).append(phrase)
    objects, subjects = ({k: tuple(v) for k, v in side.items()} for side in index)
    return objects, subjects


def find_cues(doc: Doc, lexicon: CueLexicon | None = None) -> list[Cue]:
    """Every cue in the document, in text order, at most one per head token."""
    lexicon = lexicon or CueLexicon.default()
    by_head: dict[int, Cue] = {}
    object_phrases, subject_phrases = _phrases_by_first_word(lexicon.phrases)
    # Most tokens can open no cue: read every token's part of speech, tag, forms and
    # dependency as arrays and make a Token only for those that can: a phrase's first word,
    # a setting's preposition, a verb, adjective or noun whose word a route's word lists
    # hold (``_word_routes``, once per word), or a verb with a clausal complement (a verb
    # outside the lexicon that reports a that-clause).
    strings = doc.vocab.strings
    memo = lexicon.word_memo
    if len(memo) > _MAX_MEMO:
        memo.clear()
    poses, tags, lowers, lemmas, deps = token_columns(doc, [POS, TAG, LOWER, LEMMA, DEP])
    heads = token_heads(doc)
    clause_heads = {heads[i] for i, dep in enumerate(deps) if dep == _CCOMP}
    rows = zip(poses, tags, lowers, lemmas, strict=True)
    for i, (pos, tag, lower, lemma) in enumerate(rows):
        routes = memo.get((lemma, lower))
        if routes is None:
            routes = memo[(lemma, lower)] = _word_routes(
                strings[lemma].lower(), strings[lower], lexicon, object_phrases, subject_phrases
            )
        opens = bool(routes & _OPENS_PHRASE)
        setting = lower in _SETTING_WORDS
        stance = bool(routes & _STANCE_WORD) and (pos in _STANCE_POS_IDS or tag == _VBN)
        verb = pos in _VERB_POS_IDS and (
            bool(routes & _VERB_WORD) or (pos == _VERB_ID and i in clause_heads)
        )
        if not (opens or setting or stance or verb):
            continue
        token = doc[i]
        cue = _object_phrase_cue(doc, token, object_phrases, lexicon) if opens else None
        if cue is None and setting:
            cue = _setting_cue(token, lexicon)
        if cue is None and (
            token.pos_ == "ADJ" or token.pos_ == "NOUN" or adjectival_participle(token, lexicon)
        ):
            cue = stance_cue(token, lexicon)
        elif cue is None and token.pos_ in _VERB_POS:
            cue = _subject_phrase_cue(doc, token, subject_phrases, lexicon)
            if cue is None:
                cue = _verb_cue(token, lexicon)
        if cue is not None:
            by_head[token.i] = cue
    return [by_head[k] for k in sorted(by_head)]


# The routes a word can open (``_word_routes``), as bits.
_OPENS_PHRASE, _STANCE_WORD, _VERB_WORD = 1, 2, 4
_CCOMP = string_id("ccomp")
_VERB_ID = pos_id("VERB")
_VERB_POS_IDS = frozenset(pos_id(p) for p in _VERB_POS)
_STANCE_POS_IDS = frozenset(pos_id(p) for p in ("ADJ", "NOUN"))
# Words whose routes are kept between documents, at most (then the memo starts again).
_MAX_MEMO = 200_000


def _word_routes(
    lemma: str,
    lower: str,
    lexicon: CueLexicon,
    object_phrases: dict[str, tuple[_Phrase, ...]],
    subject_phrases: dict[str, tuple[_Phrase, ...]],
) -> int:
    """Which cue routes a word (lower-case lemma and form) can open, by the word lists each
    route tests first (keep in step with them): the first word of an object-slot phrase; a
    stance adjective or noun (``stance.may_be_stance_word``); a verb of a subject-slot
    phrase, of appearance, reaction or intention, or of the lexicon (``_verb_cue``). A verb
    outside them can still report a that-clause: ``find_cues`` looks at its dependents."""
    routes = 0
    if lemma in object_phrases or lower in object_phrases:
        routes |= _OPENS_PHRASE
    if may_be_stance_word(lemma, lower, lexicon):
        routes |= _STANCE_WORD
    if (
        lemma in subject_phrases
        or lower in subject_phrases
        or lemma in _EVIDENTIAL_VERBS
        or lemma in _REACTION_VERBS
        or lemma in _INTENTION_VERBS
        or lexicon.mended_lemma(lemma, lower) in lexicon.verbs
    ):
        routes |= _VERB_WORD
    return routes


def _object_phrase_cue(
    doc: Doc, token: Token, phrases: dict[str, tuple[_Phrase, ...]], lexicon: CueLexicon
) -> Cue | None:
    """A phrase whose object is the source, starting at the token: "according to X"."""
    i = token.i
    lower, lemma = token.lower_, token.lemma_.lower()
    starting = phrases.get(lower, ()) + (phrases.get(lemma, ()) if lemma != lower else ())
    for words, category, slot in starting:
        if category in lexicon.categories and _phrase_at(doc, i, words):
            return Cue(i, i, i + len(words), category, slot)
    return None


def _setting_cue(token: Token, lexicon: CueLexicon) -> Cue | None:
    """A preposition whose object vouches for its clause: "in [Kim's] view", "in a poll"."""
    i = token.i
    vantage = _vantage_noun(token)
    if vantage is not None and "thought" in lexicon.categories:
        return Cue(i, i, vantage.i + 1, "thought", "object")
    survey = _survey_noun(token)
    # "In a poll, most said […]": the saying is the report, the poll its setting
    if (
        survey is not None
        and "evidence" in lexicon.categories
        and lexicon.verb_category(token.head) is None
    ):
        return Cue(i, i, survey.i + 1, "evidence", "object")
    return None


def _subject_phrase_cue(
    doc: Doc, token: Token, phrases: dict[str, tuple[_Phrase, ...]], lexicon: CueLexicon
) -> Cue | None:
    """A phrase headed by the verb with its subject as source: "pointed out", "called for"."""
    i = token.i
    lower, lemma = token.lower_, token.lemma_.lower()
    for words, category, _slot in phrases.get(lemma, ()) + (
        phrases.get(lower, ()) if lemma != lower else ()
    ):
        if category not in lexicon.categories:
            continue
        particle = _particle_phrase(token, words)
        if particle is not None and _passive_predicate(token, particle):
            # "[the raid] was billed as [humanitarian]": a view of the subject
            return Cue(i, i, i + 1, category, part="evidential")
        if particle is not None:
            start, end = min(i, particle.i), max(i, particle.i) + 1
            return Cue(i, start, end, category, takes_object=True)
        if len(words) > 2 and _phrase_at(doc, i, words):
            return Cue(i, i, i + len(words), category)
    return None


def _verb_cue(token: Token, lexicon: CueLexicon) -> Cue | None:
    """A one-word verb cue: appearance, reaction, intention, a passive judgement, a verb of
    the lexicon, or a verb outside it that reports a that-clause."""
    i = token.i
    if "evidence" in lexicon.categories and _is_evidential(token):
        return Cue(i, i, i + 1, "evidence", source_slot="none", part="evidential")
    if "thought" in lexicon.categories and reaction_roles(token) is not None:
        return Cue(i, i, i + 1, "thought", part="reaction")
    if "thought" in lexicon.categories and _intends(token):
        return Cue(i, i, i + 1, "thought")
    category = lexicon.verb_category(token)
    if category is not None and _is_passive_judgement(token):
        # "opportunities seen as beneficial": a view held by no one named
        slot = "subject" if _has_holder(token) else "none"
        return Cue(i, i, i + 1, category, source_slot=slot, part="evidential")
    if category is not None and not _is_non_speech_use(token):
        takes_object = lexicon.verb_lemma(token) in lexicon.object_verbs
        return Cue(i, i, i + 1, category, takes_object=takes_object)
    if "speech" in lexicon.categories and _reports_a_clause(token):
        return Cue(i, i, i + 1, "speech", generic=True)
    return None


_EVIDENTIAL_VERBS = word_list("evidential_verbs")


def _is_evidential(verb: Token) -> bool:
    """ "X seems to ...", "it appears that ...", "she seemed like a winner": a verb of
    appearance with a complement (not "appeared on television")."""
    if verb.lemma_.lower() not in _EVIDENTIAL_VERBS or verb.pos_ != "VERB":
        return False
    return any(
        c.dep_ in {"xcomp", "ccomp", "acomp", "attr", "oprd"}
        or (c.dep_ == "prep" and c.lower_ == "like")
        for c in verb.children
    )


# Prepositions that give what a passive verb of judgement says of its subject: "is seen
# [as a favourite]", "is best known [for its wines]".
_JUDGEMENT_PREPS = frozenset({"as", "for", "of"})
# Verbs of regarding, naming, praising and blaming: "is seen as", "was dubbed", "was blamed for".
_JUDGEMENT_VERBS = word_list("judgement_verbs")
# Participles that give a name rather than a view: "a group called X", "known as X".
_NAMING_PARTICIPLES = word_list("naming_participles")


def _is_passive_judgement(verb: Token) -> bool:
    """ "[The plan] is widely seen [as a failure]", "[she] was declared [the winner]": a cue
    verb in the passive with a predicate about its subject reports a view of it, held by
    the agent when one is named ("seen by some as") and otherwise by no one in particular."""
    if verb.tag_ != "VBN" or verb_lemma(verb) not in _JUDGEMENT_VERBS:
        return False
    finite = is_passive(verb)
    reduced = verb.dep_ == "acl" and (has_agent(verb) or _describes(verb))
    return (finite or reduced) and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in _JUDGEMENT_PREPS)
        for c in (*verb.children, *agent_phrase_children(verb))
    )


def agent_phrase_children(verb: Token) -> list[Token]:
    """Words the parser hangs on a passive's agent though they belong to the verb: "seen by
    [some] [as a demotion]"."""
    return [
        g
        for c in verb.children
        if c.dep_ == "agent"
        for o in c.children
        if o.dep_ == "pobj"
        for g in o.children
        if g.dep_ == "prep" and g.lower_ == "as"
    ]


def _passive_predicate(verb: Token, particle: Token) -> bool:
    """Is a phrase's "as" the predicate of a passive subject: "[it] was billed [as a
    rescue]", "[he] will be remembered [as a champion]"?"""
    return (
        particle.lower_ in _JUDGEMENT_PREPS
        and particle.head.i == verb.i
        and verb.tag_ == "VBN"
        and is_passive(verb)
    )


def _has_holder(verb: Token) -> bool:
    """Does a passive of judgement name who holds the view: an agent, or a finite clause's
    subject ("[she] was declared the winner" is said of her, by whoever declared it)?"""
    return verb.dep_ != "acl" or has_agent(verb)


def _describes(verb: Token) -> bool:
    """ "opportunities seen [as beneficial]", "emails deemed [classified]": a participle
    with no agent still reports a view when it describes its noun; one that gives it a
    name ("a group called Color of Change", "Burma, also known as Myanmar") does not."""
    if verb_lemma(verb) in _NAMING_PARTICIPLES:
        return False
    for child in verb.children:
        if child.dep_ == "oprd":
            return child.pos_ in {"ADJ", "NOUN", "VERB"}
        if child.dep_ == "prep" and child.lower_ == "as":
            obj = next((c for c in child.children if c.dep_ in {"pobj", "amod", "acomp"}), None)
            return obj is not None and obj.pos_ in {"ADJ", "NOUN", "VERB"}
    return False


# Nouns that give whose reckoning a clause is: "in [his] view", "by [one] estimate".
VANTAGE_NOUNS = word_list("vantage_nouns")
# Determiners that make such a noun someone's, if unnamed: "by one estimate", "by some counts".
_VANTAGE_DETERMINERS = frozenset({"one", "some", "many", "most", "several", "another", "their"})


def _vantage_noun(prep: Token) -> Token | None:
    """ "[In Professor Kim's view], the plan fails", "[by one estimate], 300 died": a
    preposition whose object is someone's view or count vouches for its clause as "according
    to" does, set off from the clause. "in the delegate count" is no one's reckoning, and
    "believed in her judgment" is what was believed."""
    if prep.lower_ not in {"in", "by"} or prep.dep_ != "prep" or prep.head.pos_ not in _VERB_POS:
        return None
    noun = first_child(prep, "pobj")  # the noun first: the sentence start costs more
    if noun is None or noun.lemma_.lower() not in VANTAGE_NOUNS:
        return None
    doc, end = prep.doc, prep.right_edge.i + 1
    opens = prep.i == prep.sent.start or doc[prep.i - 1].text in {",", "—", "–", "("}
    if not (opens or (end < len(doc) and doc[end].text in {",", "—", "–", ")"})):
        return None
    if any(c.dep_ == "poss" or c.lower_ in _VANTAGE_DETERMINERS for c in noun.children):
        return noun
    return None


# Polls and surveys, the source of what holds "in" them: "led by five points [in the poll]".
_SURVEY_NOUNS = word_list("survey_nouns")


def _survey_noun(prep: Token) -> Token | None:
    """ "Clinton led by five points [in the poll]", "[In a survey of 800 voters], most …": a
    poll in which a clause holds is the source of what the clause says."""
    if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in _VERB_POS:
        return None
    noun = first_child(prep, "pobj")
    if noun is None or noun.lemma_.lower() not in _SURVEY_NOUNS:
        return None
    return noun


# Writings and findings that state what they find: "[a 2014 estimate] projected that ...".
_DOCUMENT_NOUNS = word_list("document_nouns")


def _reports_a_clause(verb: Token) -> bool:
    """A verb outside the lexicon still reports when a person's subject, a group's or a
    writing's governs a "that"-clause: "the senator maintained that ...", "voters judge
    that ...", "a study proved that ..."."""
    if verb.pos_ != "VERB":
        return False
    clause = first_child(verb, "ccomp")
    if clause is None or not has_that_mark(clause):
        return False
    subject = first_child(verb, "nsubj")
    if subject is None:
        return False
    if subject.lower_ in PERSONAL_PRONOUNS or subject.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return True
    return (
        subject.lemma_.lower() in source_nouns()
        or subject.lemma_.lower() in _DOCUMENT_NOUNS
        or subject.lemma_.lower() in _PERSON_NOUNS
        or subject.tag_ == "NNS"
    )


# Verbs that state an intention only with a to-infinitive: "looking [to cut taxes]".
_INTENTION_VERBS = word_list("intention_verbs")


def _intends(verb: Token) -> bool:
    """ "Cruz is looking [to ease bad blood]", "opted [to sit out]": a verb of aiming reports
    an intention with its infinitive; elsewhere ("looked at", "aimed the camera") it does not."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _INTENTION_VERBS:
        return False
    return any(
        c.dep_ == "xcomp" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
        for c in verb.children
    )


def _is_non_speech_use(token: Token) -> bool:
    """Uses of cue lemmas that report nothing: "the said agreement", "needless to say"."""
    if token.dep_ in {"amod", "compound", "prep"}:
        return True  # "the said agreement", "Regarding the exchanges, ..."
    lemma = token.lemma_.lower()
    # "that is to say", "needless to say", "so to speak": fixed expressions.
    if lemma == "say" and token.i > 0 and token.nbor(-1).lower_ == "to":
        head = token.head
        if head.lower_ in {"needless", "is", "was"} or token.dep_ == "advcl":
            return True
    return False


# Verbs of causing a feeling: "[the deal] angered [officials]".
_REACTION_VERBS = word_list("reaction_verbs")
# Nouns for people and groups, who can report a clause or be moved by something.
_PERSON_NOUNS = word_list("person_nouns")
# Pronouns for people who can be moved: "[the deal] angered [them]".
_EXPERIENCER_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})


def reaction_roles(verb: Token) -> tuple[Token, Token] | None:
    """(who reacts, to what) for a verb of causing a feeling: "[his remarks] angered
    [Democrats]", "[Democrats] were outraged by [his remarks]". The one moved is the source
    of a stance on what moved them, when that one is a person or a group."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REACTION_VERBS:
        return None
    if is_passive(verb):
        experiencer = first_child(verb, "nsubjpass")
        agent = first_child(verb, "agent")
        stimulus = first_child(agent, "pobj") if agent else None
    else:
        experiencer = first_child(verb, "dobj")
        stimulus = first_child(verb, "nsubj")
        if stimulus is not None and stimulus.lower_ in {"it", "what"}:
            return None  # "it angered them that ...", "what angered them was ..."
    if experiencer is None or stimulus is None or not _experiencer(experiencer):
        return None
    return experiencer, stimulus


def _experiencer(noun: Token) -> bool:
    """A person or group that can hold a stance: "angered [Clinton allies]"."""
    if noun.pos_ == "PRON":
        return noun.lower_ in _EXPERIENCER_PRONOUNS
    if noun.ent_type_ in {"PERSON", "ORG", "NORP"} or noun.tag_ == "NNS":
        return True  # "angered [Democrats]", "alarmed [her supporters]"
    return noun.lemma_.lower() in source_nouns() or noun.lemma_.lower() in _PERSON_NOUNS
