"""Cue detection: the words that mark a stretch of text as someone's speech or thought.

A cue is a verb from the lexicon (``said``, ``warned``, ``believes``), a verb-particle phrase
(``pointed out``), or a prepositional phrase whose object is the source (``according to X``).
The lexicon lives in ``data/cue_verbs.tsv`` and ``data/cue_phrases.tsv`` so that it can be
read and extended without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import attrs
from spacy.tokens import Doc, Token

from .lexicon import load_table, word_list

__all__ = [
    "NOUN_CONTENT_PREPS",
    "Cue",
    "CueLexicon",
    "agent_phrase_children",
    "find_cues",
    "judge_phrase",
    "light_verb_subject",
    "noun_content_prep",
    "predicate_clause",
    "reaction_roles",
    "source_nouns",
    "target_subject",
    "verb_lemma",
]

CATEGORIES = frozenset({"speech", "thought", "evidence"})

# Parts of speech a verb cue may carry. spaCy tags some cue verbs as NOUN in headlines and
# lists ("Trump says"), but accepting NOUN would turn "the say" or "a claim" into cues.
_VERB_POS = frozenset({"VERB", "AUX"})


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
        lemma = token.lemma_.lower()
        if lemma in self.verbs:
            return lemma
        if token.lower_ in self.verbs:
            return token.lower_
        if lemma + "e" in self.verbs and token.lower_.startswith(lemma + "e"):
            return lemma + "e"  # "hopes" -> "hop"
        for suffix in ("ing", "ed"):
            if token.lower_.endswith(suffix):
                mended = token.lower_[: -len(suffix)] + "e"
                return mended if mended in self.verbs else lemma
        return lemma

    def verb_category(self, token: Token) -> str | None:
        category = self.verbs.get(self.verb_lemma(token))
        if category is None or category not in self.categories:
            return None
        return category


def verb_lemma(token: Token) -> str:
    """``CueLexicon.verb_lemma`` with the default lexicon."""
    return _default_lexicon().verb_lemma(token)


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


def _phrase_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    """Does the phrase start at token i, matching each word by lower form or lemma?"""
    if i + len(words) > len(doc):
        return False
    return all(
        doc[i + k].lower_ == w or doc[i + k].lemma_.lower() == w for k, w in enumerate(words)
    )


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


_MAX_PARTICLE_GAP = 3
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
    for token in doc:
        i = token.i
        lower, lemma = token.lower_, token.lemma_.lower()
        starting = object_phrases.get(lower, ()) + (
            object_phrases.get(lemma, ()) if lemma != lower else ()
        )
        for words, category, slot in starting:
            if category in lexicon.categories and _phrase_at(doc, i, words):
                by_head.setdefault(i, Cue(i, i, i + len(words), category, slot))
                break
        if i in by_head:
            continue
        vantage = _vantage_noun(token)
        if vantage is not None and "thought" in lexicon.categories:
            by_head[i] = Cue(i, i, vantage.i + 1, "thought", "object")
            continue
        survey = _survey_noun(token)
        # "In a poll, most said […]": the saying is the report, the poll its setting
        if (
            survey is not None
            and "evidence" in lexicon.categories
            and lexicon.verb_category(token.head) is None
        ):
            by_head[i] = Cue(i, i, survey.i + 1, "evidence", "object")
            continue
        if token.pos_ == "ADJ" or token.pos_ == "NOUN" or _adjectival_participle(token, lexicon):
            cue = _stance_cue(token, lexicon)
            if cue is not None:
                by_head[i] = cue
            continue
        if token.pos_ not in _VERB_POS:
            continue
        for words, category, _slot in subject_phrases.get(lemma, ()) + (
            subject_phrases.get(lower, ()) if lemma != lower else ()
        ):
            if category not in lexicon.categories:
                continue
            particle = _particle_phrase(token, words)
            if particle is not None and _passive_predicate(token, particle):
                # "[the raid] was billed as [humanitarian]": a view of the subject
                by_head[i] = Cue(i, i, i + 1, category, part="evidential")
                break
            if particle is not None:
                start, end = min(i, particle.i), max(i, particle.i) + 1
                by_head[i] = Cue(i, start, end, category, takes_object=True)
                break
            if len(words) > 2 and _phrase_at(doc, i, words):
                by_head[i] = Cue(i, i, i + len(words), category)
                break
        if i in by_head:
            continue
        if "evidence" in lexicon.categories and _is_evidential(token):
            by_head[i] = Cue(i, i, i + 1, "evidence", source_slot="none", part="evidential")
            continue
        if "thought" in lexicon.categories and reaction_roles(token) is not None:
            by_head[i] = Cue(i, i, i + 1, "thought", part="reaction")
            continue
        if "thought" in lexicon.categories and _intends(token):
            by_head[i] = Cue(i, i, i + 1, "thought")
            continue
        category = lexicon.verb_category(token)
        if category is not None and _is_passive_judgement(token):
            # "opportunities seen as beneficial": a view held by no one named
            slot = "subject" if _has_holder(token) else "none"
            by_head[i] = Cue(i, i, i + 1, category, source_slot=slot, part="evidential")
            continue
        if category is not None and not _is_non_speech_use(token):
            takes_object = lexicon.verb_lemma(token) in lexicon.object_verbs
            by_head[i] = Cue(i, i, i + 1, category, takes_object=takes_object)
        elif "speech" in lexicon.categories and _reports_a_clause(token):
            by_head[i] = Cue(i, i, i + 1, "speech", generic=True)
    return [by_head[k] for k in sorted(by_head)]


# Verbs that link a subject to a stance adjective: "is confident", "seemed skeptical".
_LINKING_VERBS = word_list("linking_verbs")
_EVIDENTIAL_VERBS = word_list("evidential_verbs")
# Verbs whose subject receives a reporting noun rather than gives it: "faced questions".
_RECEIVING_VERBS = word_list("receiving_verbs")
# Verbs whose subject is the target of the reporting noun they take: "faced questions about".
_FACING_VERBS = word_list("facing_verbs")
# Reporting nouns that may also name a deed ("carried out an attack on"): they report only
# with a possessor, "Trump's attacks on the judge".
_POSSESSOR_NOUNS = word_list("possessor_nouns")
_STANCE_PREPS = frozenset({"about", "of", "over", "with", "on", "toward", "towards"})
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


def _stance_cue(token: Token, lexicon: CueLexicon) -> Cue | None:
    """An adjective or noun that reports a stance, when it has both a content and a source.

    "She is confident [that ...]" (adjective after a linking verb with a subject);
    "Trump's claim [that ...]", "her criticism [of the plan]" (noun with a possessor).
    """
    lemma = token.lemma_.lower()
    if token.pos_ == "ADJ" or _adjectival_participle(token, lexicon):
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
        if not _has_subject(head):
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
    if noun.dep_ == "attr" and head.lemma_.lower() in _LINKING_VERBS and _has_subject(head):
        return Cue(noun.i, noun.i, noun.i + 1, "speech", part="agent")
    if noun.dep_ == "appos" and (head.ent_type_ == "PERSON" or head.pos_ == "PRON"):
        return Cue(noun.i, noun.i, noun.i + 1, "speech", part="agent")
    return None


# Nouns of judgement that a verb of drawing lets fall on its subject: "the statement drew
# [criticism]", "his work has come under [scrutiny]".
_CRITIQUE_NOUNS = word_list("critique_nouns")
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
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


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
        if child.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in child.children
        ):
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
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL_PRONOUNS:
        return None
    return subject


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
    finite = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    reduced = verb.dep_ == "acl" and (
        any(c.dep_ == "agent" for c in verb.children) or _describes(verb)
    )
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
        and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    )


def _has_holder(verb: Token) -> bool:
    """Does a passive of judgement name who holds the view: an agent, or a finite clause's
    subject ("[she] was declared the winner" is said of her, by whoever declared it)?"""
    return verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children)


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
    doc, end = prep.doc, prep.right_edge.i + 1
    opens = prep.i == prep.sent.start or doc[prep.i - 1].text in {",", "—", "–", "("}
    if not (opens or (end < len(doc) and doc[end].text in {",", "—", "–", ")"})):
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in VANTAGE_NOUNS:
        return None
    if any(c.dep_ == "poss" or c.lower_ in _VANTAGE_DETERMINERS for c in noun.children):
        return noun
    return None


_SURVEY_NOUNS = word_list("survey_nouns")


def _survey_noun(prep: Token) -> Token | None:
    """ "Clinton led by five points [in the poll]", "[In a survey of 800 voters], most …": a
    poll in which a clause holds is the source of what the clause says."""
    if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in _VERB_POS:
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in _SURVEY_NOUNS:
        return None
    return noun


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
        if (
            child.dep_ == "ccomp"
            and child.i > adjective.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        ):
            return child
    return None


def _adjectival_participle(token: Token, lexicon: CueLexicon) -> bool:
    """A stance participle the tagger takes for a verb after a linking verb: "he is still
    [upset] by the suggestion", "they were [worried] about it"."""
    return token.tag_ == "VBN" and token.dep_ == "acomp" and token.lower_ in lexicon.adjectives


def _has_subject(verb: Token) -> bool:
    """A linking verb with a subject of its own, or one it shares with the verb it completes:
    "Democrats did not seem [to be] worried about ..."."""
    for _ in range(2):
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _adjective_content(child: Token) -> bool:
    if child.dep_ in {"ccomp", "xcomp"}:
        return True
    # "upset [by the suggestion]": what a participle's feeling is about
    return child.dep_ in {"prep", "agent"} and child.lower_ in _STANCE_PREPS | {"by"}


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """One-word roles and descriptions that can be a speaker (``data/roles.tsv``)."""
    return frozenset(row[0] for row in load_table("roles.tsv") if " " not in row[0])


# Writings and findings that state what they find: "[a 2014 estimate] projected that ...".
_DOCUMENT_NOUNS = word_list("document_nouns")


def _reports_a_clause(verb: Token) -> bool:
    """A verb outside the lexicon still reports when a person's subject, a group's or a
    writing's governs a "that"-clause: "the senator maintained that ...", "voters judge
    that ...", "a study proved that ..."."""
    if verb.pos_ != "VERB":
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in _PERSONAL_PRONOUNS or subject.ent_type_ in {"PERSON", "ORG", "NORP"}:
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
_PERSON_NOUNS = word_list("person_nouns")
_EXPERIENCER_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})


def reaction_roles(verb: Token) -> tuple[Token, Token] | None:
    """(who reacts, to what) for a verb of causing a feeling: "[his remarks] angered
    [Democrats]", "[Democrats] were outraged by [his remarks]". The one moved is the source
    of a stance on what moved them, when that one is a person or a group."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REACTION_VERBS:
        return None
    children = list(verb.children)
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in children):
        experiencer = next((c for c in children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        stimulus = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    else:
        experiencer = next((c for c in children if c.dep_ == "dobj"), None)
        stimulus = next((c for c in children if c.dep_ == "nsubj"), None)
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
