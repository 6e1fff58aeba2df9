"""The source of a cue: the noun phrase a quote hangs on, found from the dependency parse.

``X said``, ``said X`` (inverted), ``X was quoted as saying`` (passive), ``according to X``,
``X, who ..., said`` (relative clause), ``X smiled and said`` (shared subject),
``a statement saying`` (the issuer of the statement), and the addressee of ``told``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import word_list
from .cues import VANTAGE_NOUNS, Cue, reaction_roles, source_nouns
from .stance import judge_phrase, light_verb_subject
from .syntax import first_child, has_agent, is_passive

__all__ = [
    "addressee_of",
    "finite_form",
    "is_reduced_passive",
    "is_relative_pronoun",
    "issuer_of",
    "noun_phrase",
    "source_of",
]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Relations that end a speaker noun phrase: "Smith, who replaced Jones, said" keeps "Smith".
_PHRASE_BREAKERS = frozenset(
    {"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis", "ccomp", "dep"}
)
# Relations through which a cue inherits the subject of its head: "he smiled and said",
# "she wrote, adding that", "they went on to say", "they are convinced that".
_INHERIT_FROM_HEAD = frozenset({"conj", "advcl", "xcomp", "pcomp", "ccomp", "dep", "acomp"})
_MAX_CLIMB = 6
_OPENING_MARKS = frozenset({"“", "``", "«", "„"})
_CLOSING_MARKS = frozenset({"”", "''", "»"})
# Passives whose subject holds the words or the belief: "X was quoted as saying",
# "they were persuaded that …".
_PASSIVE_SPEAKER_VERBS = frozenset({"quote", "cite", "convince", "persuade", "satisfy"})
# Verbs whose object is the person addressed: "told reporters", "warned the council".
_ADDRESSING_VERBS = word_list("addressing_verbs")
# Links inside one clause, from a phrase up to the verb it belongs to.
# What shows someone speaking: "footage of Jane Roe asking, “…”".
_RECORDINGS = word_list("recording_nouns")
_PHRASE_LINKS = frozenset({"conj", "pcomp", "pobj", "prep", "attr", "dobj", "acomp", "xcomp"})


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``token``, without appositions,
    relative clauses or anything after a comma."""
    doc = token.doc
    start = end = token.i
    for child in token.lefts:
        if child.dep_ in _PHRASE_BREAKERS:
            continue
        start = min(start, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in _PHRASE_BREAKERS or (child.dep_ == "advmod" and child.pos_ == "ADV"):
            break  # "said the gentleman [quizzically]": the manner is not the speaker
        if child.dep_ == "prep" and child.lower_ == "as" and token.dep_ == "pobj":
            break  # "seen by [some] as a demotion": what they see it as is not the speaker
        end = max(end, child.right_edge.i)
    # Never let the phrase run over a comma, colon or quotation mark.
    for i in range(token.i + 1, end + 1):
        if doc[i].is_punct and doc[i].text not in {".", "-", "'", "’"}:
            end = i - 1
            break
    for i in range(token.i - 1, start - 1, -1):
        if doc[i].is_punct and doc[i].text not in {".", "-", "'", "’", "&"}:
            start = i + 1
            break
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end + 1


def _subject_child(verb: Token) -> Token | None:
    """The verb's subject. When the parser gives it two ("PORT ELLIS — The council voted"),
    the one nearest before the verb is the subject; the other is a dateline or a fronted
    phrase."""
    subjects = [
        child
        for child in verb.children
        if child.dep_ in _SUBJECTS and not (child.dep_ == "nsubjpass" and child.lower_ == "it")
    ]
    before = [child for child in subjects if child.i < verb.i]
    after = [child for child in subjects if child.i > verb.i]
    if before and after and _quote_mark_between(before[-1], verb):
        return after[0]  # "“Every one to his taste!” said Harriet": the quote is no subject
    if before:
        return _through_clitic(before[-1])
    return subjects[0] if subjects else _misparsed_name_subject(verb)


def _through_clitic(subject: Token) -> Token:
    """ "he ’s said": the parser may take the contracted *has* for the subject and hang
    the real one on it; the subject is then the clitic's own."""
    if subject.lower_ in {"'s", "’s"}:
        for child in subject.children:
            if child.dep_ in _SUBJECTS and child.i < subject.i:
                return child
    return subject


def _misparsed_name_subject(verb: Token) -> Token | None:
    """A capitalised word inside the sentence that the parser hung on the verb as an adverb
    where the subject belongs: surnames in -ly ("And Kelly called", "said Connolly") are
    tagged as adverbs. A real adverb is capitalised only where a sentence or quotation
    opens, so the word must follow another word of the sentence."""
    for child in verb.children:
        if (
            child.dep_ == "advmod"
            and child.pos_ in {"ADV", "PROPN"}
            and child.is_title
            and child.i > child.sent.start
            and not child.nbor(-1).is_punct
            and child.ent_type_ not in {"DATE", "TIME"}
            and (child.i + 1 == verb.i or child.i == verb.i + 1 or child.pos_ == "PROPN")
        ):
            return child
    return None


def _quote_mark_between(a: Token, b: Token) -> bool:
    return any(t.is_quote for t in a.doc[a.i + 1 : b.i])


def _agent(verb: Token) -> Token | None:
    """The object of a passive ``by``: "the remarks were made by Smith"."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def is_relative_pronoun(token: Token) -> bool:
    """The subject of a relative clause that stands for the noun the clause hangs on:
    "the group, [which] supports …", "a senator [who] said …"."""
    return (
        token.lower_ in {"who", "which", "that"}
        and token.dep_ in {"nsubj", "nsubjpass"}
        and token.head.dep_ == "relcl"
        and token.head.head.pos_ in {"NOUN", "PROPN", "PRON"}
    )


def is_reduced_passive(verb: Token) -> bool:
    """A participle modifying a noun with a ``by`` agent: "a claim [denied by the firm]"."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and has_agent(verb)


def _is_agent_noun(noun: Token) -> bool:
    """A noun that can act: a person, group or organisation ("a super PAC", "voters"),
    unlike the message nouns whose issuer speaks through them ("a statement saying")."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    return noun.lemma_.lower() in source_nouns() or noun.lower_ in source_nouns()


def _source_token(cue: Cue, doc: Doc) -> Token | None:
    """The token heading the phrase that names a cue's source, found by the kind of cue:
    a phrase's object, a noun's possessor, a verb's subject or agent (climbing past
    relative clauses, participles and joined verbs to the report's own subject)."""
    head = doc[cue.head]
    if cue.source_slot == "none":
        return None
    if cue.source_slot == "object":
        return _phrase_object(doc[cue.end - 1], head)
    if cue.part == "target":
        # "drew criticism from [Democrats]"
        prep = judge_phrase(head)
        return first_child(prep, "pobj") if prep else None
    if cue.part == "reaction":
        roles = reaction_roles(head)  # "[the deal] angered [officials]"
        return roles[0] if roles is not None else None
    if cue.part == "noun":
        return _noun_source(head)
    if cue.part == "adjective" and head.dep_ == "amod" and head.head.i < head.i:
        return head.head  # "a president willing to ...": the noun described
    if cue.part == "agent" and head.dep_ == "appos":
        return head.head  # "Gillibrand, a supporter of ...": the person described
    verb = head.head if cue.part in {"adjective", "agent"} else head
    if _passive_participle_adjunct(head):
        return None  # "Asked whether he would resign, Obi said": Obi is the one asked
    depicted = _depicted_speaker(head)
    if depicted is not None:
        return depicted
    if _is_stranded_participle(head):
        reporter = _reporter_before(head)
        if reporter is not None:
            return reporter
    verb = _above_reported_clause(verb)
    for _ in range(_MAX_CLIMB):
        if is_passive(verb) or (verb.i == head.i and is_reduced_passive(verb)):
            agent = _agent(verb)
            if agent is not None:
                return agent
            subject = _subject_child(verb)
            # "X was quoted as saying": the passive subject is the speaker; "it was said
            # that ..." has none.
            if subject is not None and verb.lemma_ in _PASSIVE_SPEAKER_VERBS:
                return subject
            if subject is not None and verb.i != head.i:
                return subject
            return None
        subject = _subject_child(verb)
        if subject is not None:
            return subject
        if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            if _infinitival(verb) and not _is_agent_noun(verb.head):
                # "he went out of his way to say", "took the chance to say": the way or
                # the chance says nothing; whoever took it, the clause above, does
                above = next((t for t in verb.head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
                if above is None:
                    return None
                verb = above
                continue
            return verb.head
        if verb.dep_ == "acl" and _is_agent_noun(verb.head):
            return verb.head  # "a super PAC backing Bush", "voters calling for change"
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            # "a statement saying ...": the issuer is the subject of the verb above.
            verb = verb.head.head if verb.head.dep_ in {"dobj", "pobj"} else verb.head
            if verb.dep_ == "pobj":
                verb = verb.head.head
            continue
        if verb.dep_ in _INHERIT_FROM_HEAD and verb.head.i != verb.i:
            verb = _coordinated_report(verb) if verb.i == head.i else verb.head
            continue
        if verb.dep_ == "pobj" and verb.head.dep_ == "prep":
            verb = verb.head.head
            continue
        if verb.dep_ == "prep" and verb.head.i != verb.i:
            verb = verb.head  # "… by [touting] her record": the preposition's verb
            continue
        return None
    return None


def _depicted_speaker(verb: Token) -> Token | None:
    """ "The ad uses footage of Jane Roe asking, “…”", "a video of him saying …": the one
    the recording shows speaking, not whoever uses or shows the recording."""
    if verb.tag_ != "VBG" or verb.head.i == verb.i:
        return None
    if verb.dep_ in {"xcomp", "advcl"}:
        nouns = [c for c in verb.head.children if c.dep_ in {"dobj", "nsubj", "attr"}]
    elif verb.dep_ == "acl":
        nouns = [verb.head]
    else:
        return None
    for noun in nouns:
        if noun.lemma_.lower() not in _RECORDINGS or noun.i > verb.i:
            continue
        for prep in noun.children:
            person = (
                first_child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ == "of" else None
            )
            if person is not None and (person.ent_type_ == "PERSON" or person.tag_ == "PRP"):
                return person
    return None


def _infinitival(verb: Token) -> bool:
    """A "to" infinitive without a subject of its own ("a way [to say]")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _phrase_object(last: Token, head: Token) -> Token | None:
    """ "according to [X]": the object of the phrase's last word (or of its head)."""
    if last.lemma_.lower() in VANTAGE_NOUNS:
        # "in [Kim's] view": the possessor; "by one estimate" names no one
        return first_child(last, "poss")
    for token in (last, head):
        for child in token.children:
            if child.dep_ == "pobj":
                return child
    return None


def _noun_source(noun: Token) -> Token | None:
    """ "[Trump]'s claim", "a statement from [the ministry]", "[she] made the claim"."""
    possessor = first_child(noun, "poss")
    if possessor is not None:
        return possessor
    issuer = issuer_of(noun)
    if issuer is not None:
        return issuer
    return light_verb_subject(noun)


def issuer_of(noun: Token) -> Token | None:
    """Whom a noun of speech or writing is from: the object of its *from* or *by* ("a
    statement from [the ministry]", "remarks by [the mayor]")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            issuer = first_child(child, "pobj")
            if issuer is not None:
                return issuer
    return None


def _passive_participle_adjunct(verb: Token) -> bool:
    """A past participle set before a clause as its adjunct ("Asked about the error, she
    said …", "Pressed on the date, the minister …"): the clause's subject is the one the
    words were put to; who put them is not named."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not any(c.dep_ in _PARTICIPLE_SUBJECTS for c in verb.children)
    )


_PARTICIPLE_SUBJECTS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "agent"})


def _is_stranded_participle(verb: Token) -> bool:
    """ "“…,” she said, [adding] that …" where the parser hangs "adding" on a later verb,
    or makes it the root: a participle adjunct belongs to the clause before it."""
    return (
        verb.tag_ == "VBG"
        and (verb.head.i == verb.i or verb.head.i > verb.i)
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    )


def _reporter_before(verb: Token) -> Token | None:
    """The subject of the nearest verb before ``verb`` in its sentence, outside quotation
    marks: whoever the participle adjunct is about."""
    sentence = verb.sent
    depth = 0
    outside: list[Token] = []
    for token in verb.doc[sentence.start : verb.i]:
        if token.text in _OPENING_MARKS:
            depth += 1
        elif token.text in _CLOSING_MARKS:
            depth = max(0, depth - 1)
        elif token.text == '"':
            # a straight mark opens when a word follows it closely, else it closes
            opens = not token.whitespace_ and (token.i == 0 or bool(token.nbor(-1).whitespace_))
            depth = depth + 1 if opens else max(0, depth - 1)
        elif depth == 0 and token.pos_ in {"VERB", "AUX"}:
            outside.append(token)
    for candidate in reversed(outside):
        subject = _subject_child(candidate)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN", "PRON"}:
            return subject
    return None


def _coordinated_report(verb: Token) -> Token:
    """The verb a subjectless cue takes its subject from. "She said [it was early] but
    added …": the parser joins "added" to the reported clause; a cue joined to the content
    of a report is the reporter's second act, so it climbs past the content to its verb."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i != head.i:
        return head.head
    return head


def _above_reported_clause(verb: Token) -> Token:
    """ "Analysts said [growth has slowed], citing weak exports", "she said [she regretted
    it] and promised …": a participle of speech, or a verb in the reporting verb's own
    tense, that the parser hangs on a reported clause continues the sentence that reports
    it; its speaker is the reporting verb's subject, not the clause's."""
    clause = verb.head
    if verb.dep_ == "conj":
        clause = reported_clause_of(verb) or clause
    if clause.dep_ != "ccomp" or not clause.head.i < clause.i < verb.i:
        return verb
    before = verb.doc[verb.i - 1]
    participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp"}
    if participle and before.text == ",":
        return clause.head
    own = {c.dep_ for c in verb.children} & {"nsubj", "nsubjpass", "aux", "auxpass"}
    if verb.dep_ == "conj" and before.lower_ == "and" and not own:
        return clause.head if verb.tag_ == finite_form(clause.head) else verb
    return verb


def reported_clause_of(verb: Token) -> Token | None:
    """The reported clause a joined verb sits in, through phrases but no clause of its own:
    "stating [there was a benefit to having him in the race] and chiding the media" (the
    parser joins "chiding" to "having")."""
    token = verb.head
    while token.dep_ in _PHRASE_LINKS and token.head != token:
        token = token.head
    return token if token.dep_ == "ccomp" and token.head.i < token.i else None


def finite_form(verb: Token) -> str:
    """The tag of the word that carries a verb's tense: its first auxiliary, or itself."""
    aux = next((c for c in verb.lefts if c.dep_ in {"aux", "auxpass"}), None)
    return (aux or verb).tag_


def source_of(cue: Cue, doc: Doc) -> tuple[int, int] | None:
    """Token range of the cue's source, or None when the cue has no source."""
    token = _source_token(cue, doc)
    if token is None or token.pos_ in {"VERB", "AUX", "SCONJ", "PUNCT"}:
        return None
    if token.lower_ == "it" and (token.dep_ != "nsubj" or is_passive(token.head)):
        return None  # "it was said that ..." has no source; "it said" (a paper, a firm) has
    if is_relative_pronoun(token):
        return token.i, token.i + 1  # "the study, which notes …": coreference finds "the study"
    if token.lower_ in {"this", "that", "there", "which", "what"}:
        return None
    start, end = noun_phrase(token)
    if end - start > 1 and token.i == end - 1 and _manner_after_name(token, start):
        return start, end - 1  # "said Pooh crossly": the manner is no part of the name
    return start, end


def _manner_after_name(token: Token, start: int) -> bool:
    """A lower-case *-ly* word ending a determiner-less phrase right after a capitalised
    word ("said Pooh crossly", tagged as the head of "Pooh crossly"): the manner of the
    saying, misread as part of the speaker ("the Smith family" keeps its noun)."""
    doc = token.doc
    return (
        token.text.islower()
        and token.lower_.endswith("ly")
        and doc[token.i - 1].text[:1].isupper()
        and not any(t.pos_ == "DET" for t in doc[start : token.i])
    )


def addressee_of(cue: Cue, doc: Doc) -> tuple[int, int] | None:
    """Whom the words were addressed to: "told reporters", "said to the committee"."""
    head = doc[cue.head]
    if cue.source_slot != "subject":
        return None
    for child in head.children:
        if (
            child.dep_ in {"dative", "dobj"}
            and head.lemma_ in _ADDRESSING_VERBS
            and child.pos_ in {"PRON", "PROPN", "NOUN"}
        ):
            return noun_phrase(child)
        if child.dep_ == "dative" and child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return noun_phrase(grandchild)
    return None
