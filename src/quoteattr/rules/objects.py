"""Contents that are not clauses: what a cue's object, prepositional phrase or passive
subject reports.

``announced [a ban]``, ``talked about [the plan]``, ``called [the plan reckless]``,
``accused [Smith of lying]``, ``[the plan] was rejected by X``, ``said [the same of X]``,
``did not respond [to requests for comment]``, ``leaders see [him as an asset]``,
``[the deal] angered officials``. ``content.py`` decides which of these a cue gets.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Token

from ..lexicon import word_list
from .cuelexicon import is_cue_verb
from .cues import Cue, reaction_roles, verb_lemma
from .ranges import is_mark, subtree_range, trim_tokens
from .sources import is_reduced_passive, noun_phrase
from .syntax import first_child, has_agent, is_passive

__all__ = [
    "is_object_word",
    "object_content",
    "pro_form_content",
    "reaction_content",
    "regarded_as",
    "what_is_answered",
]

# Objects that are the people spoken to, not what was said.
_ADDRESSEES = word_list("addressee_nouns")
# Prepositions that introduce what an attitude or speech act is about.
_CONTENT_PREPS = frozenset({"about", "of", "for", "against", "over"})
# Prepositions that introduce the topic of any speech verb: "complained about [the noise]".
_TOPIC_PREPS = frozenset({"about", "of", "against", "over"})
# Prepositions whose phrase, after an object, completes what was said of it: "pledged [aid
# to poor nations]", "praised [Smith for her role]".
_ARGUMENT_PREPS = frozenset({"to", "for", "with", "from", "toward", "towards", "into"})
# Cues whose object is a person that is part of the content: "accused Smith of lying".
_PERSON_OBJECT_CUES = word_list("person_object_cues")
# Words that open an adjunct framing a report in time or circumstance.
_FRAMING_WORDS = word_list("framing_words")
_NAMING_VERBS = word_list("naming_verbs")
_ADDRESSING_VERBS = word_list("addressing_verbs")
_QUESTION_WORDS = frozenset({"whether", "how", "what", "why", "who", "when", "where", "which"})
# Objects that stand for words said elsewhere ("said the same"), or only measure them
# ("said little about the plan").
_PRO_FORMS = word_list("content_pro_forms")
_STANDING_ADVERBS = word_list("standing_adverbs")
_MEASURE_WORDS = word_list("content_measure_words")
# What follows an object to say something of it: "called [him a liar]", "saw [it as a win]".
_SMALL_CLAUSE_DEPS = frozenset({"oprd", "xcomp", "ccomp"})
_PREDICATE_PREPS = frozenset({"as", "with"})
_NOT_CONTENT_ENTITIES = frozenset({"DATE", "TIME", "GPE", "ORG"})
# Person-name words of each document, gathered once (see ``_person_words``).
_PERSON_WORDS: weakref.WeakKeyDictionary[Doc, frozenset[str]] = weakref.WeakKeyDictionary()


def reaction_content(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "[His remarks] angered Democrats", "Democrats were outraged by [his remarks]": what
    moved the people moved is what they react to."""
    roles = reaction_roles(verb)
    if roles is None:
        return []
    stimulus = roles[1]
    end = stimulus.right_edge.i + 1
    for child in stimulus.rights:
        if child.dep_ in {"relcl", "appos"} and doc[child.left_edge.i - 1].text == ",":
            end = child.left_edge.i - 1  # "[the raids], which began in May,": an aside
            break
    start, end = trim_tokens(doc, stimulus.left_edge.i, end)
    return [(start, end)] if end > start else []


def regarded_as(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "party leaders see [him as an asset]": a verb of regarding with an object and an
    as-phrase reports the judgement they form together. In "what she sees as a threat" the
    object is the relative word, and the judgement is the reporter's phrasing around it."""
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    if not objects or objects[0].tag_ in {"WP", "WDT"} or objects[0].lower_ == "that":
        return []
    # the parser hangs "as" on the verb or on the object ("see [the senator as …]")
    candidates = [*verb.rights, *objects[0].rights]
    predicate = next(
        (c for c in candidates if c.dep_ == "prep" and c.lower_ == "as" and c.i > objects[0].i),
        None,
    )
    if predicate is None:
        return []
    return [trim_tokens(doc, objects[0].left_edge.i, predicate.right_edge.i + 1)]


def what_is_answered(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "did not respond [to requests for comment]", "responded [to the attack]": what a
    verb of answering answers is part of the report. "responded [by standing …]": an
    answer given in deeds is the content instead; one given in words has a cue of its own
    ("responded by saying …"), and so has "Responding to X, she said …"."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return []
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "by":
            deed = first_child(child, "pcomp")
            if deed is None or is_cue_verb(deed):
                return []
            return [subtree_range(doc, deed)]
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "to":
            objects = _prep_objects(child)
            if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
                return [trim_tokens(doc, child.i, child.right_edge.i + 1)]
    return []


def pro_form_content(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "said [the same of Trump]", "was saying [the opposite]", "said [as much]": an object
    that stands for words said elsewhere is the content, with what it is said of. One that
    only measures the words leaves their topic: "said little about [the plan]"."""
    for child in verb.rights:
        if child.dep_ not in {"dobj", "advmod"}:
            continue
        topic = next(
            (c for c in verb.rights if c.i > child.i and c.dep_ == "prep"),
            first_child(child, "prep"),
        )
        about = topic if topic is not None and topic.lower_ in _TOPIC_PREPS else None
        if child.lower_ in _PRO_FORMS or (
            child.lower_ == "much" and any(c.lower_ == "as" for c in child.lefts)
        ):
            end = about.right_edge.i + 1 if about is not None else child.i + 1
            return [trim_tokens(doc, child.left_edge.i, end)]
        if child.lower_ in _MEASURE_WORDS and about is not None and about.lower_ == "about":
            objects = _prep_objects(about)
            if objects:
                return [subtree_range(doc, *objects)]
    return []


def object_content(doc: Doc, cue: Cue, *, nouns: bool = True) -> list[tuple[int, int]]:
    """Complements as the reported content: "announced [his candidacy]", "called for [a
    ban]", "accused [Smith of lying]", "talked about [the plan]". People spoken to are not
    content ("told reporters"), nor are time and place ("said on Tuesday")."""
    head = doc[cue.head]
    last = doc[cue.end - 1]
    if last.dep_ == "mark" and last.i != head.i:
        # "called for [the party to act]": the clause the particle opens
        return [trim_tokens(doc, last.i + 1, last.head.right_edge.i + 1)]
    if is_passive(head) or is_reduced_passive(head):
        return _passive_content(head) if nouns else _passive_topic(doc, head)
    # "spoke of [A, B and C]": the objects of the cue's own preposition come first, and a
    # list the parser hangs on the verb after them goes on from them
    parts: list[Token] = _prep_objects(last) if last.i != head.i else []
    for child in head.rights:
        if child.i < cue.end:
            continue
        if not nouns and child.dep_ != "prep":
            if child.dep_ in {"dobj", "dative"} and verb_lemma(head) not in _ADDRESSING_VERBS:
                return []  # "talked politics about X": the object is not content here
            # "warned [voters] against [X]", "reminded voters of [X]": whom the words were
            # addressed to, with the topic the parser may hang on them
            if child.dep_ in {"dobj", "dative"}:
                for prep in child.rights:
                    if prep.dep_ == "prep" and prep.lower_ in _TOPIC_PREPS:
                        parts.extend(_prep_objects(prep))
            continue
        if child.dep_ in {"dobj", "oprd"} and child.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            if child.pos_ == "PRON" or child.ent_type_ in {"PERSON", "NORP"}:
                if verb_lemma(head) not in _PERSON_OBJECT_CUES and not _said_of(child):
                    continue
            elif child.lemma_.lower() in _ADDRESSEES:
                continue
            parts.append(child)
        elif child.dep_ == "prep" and (
            child.lower_ in (_CONTENT_PREPS if nouns else _TOPIC_PREPS)
            or _question_after(child)
            or (parts and _completes_object(child, parts[-1]))
        ):
            objects = _prep_objects(child)
            if objects and not any(o.ent_type_ in {"DATE", "TIME", "GPE", "LOC"} for o in objects):
                # "talked about [the plan]": a leading preposition is not part of the content
                parts.extend(objects if not parts else [child])
        elif parts and (child.dep_ in _SMALL_CLAUSE_DEPS or child.lower_ in _PREDICATE_PREPS):
            # "called [himself pro-choice]", "described [the dinner as a farce]": the object
            # and what is said of it form one small clause
            parts.append(child)
            break
        elif parts and child.lower_ in _STANDING_ADVERBS and child.dep_ == "advmod":
            # "a poll shows [Smith 16 points ahead]": where the object stands is what is
            # said of it
            parts.append(child)
            break
        elif parts and is_mark(child):
            continue  # "calling it “absurd”": the mark opens the rest of the small clause
        elif parts and _as_predicate(doc, child):
            parts.append(child)  # "described [the dinner as Washington celebrating itself]"
            break
        elif parts and _listed_object(child):
            parts.append(child)  # "discussing [the economy, health care and schools]"
        elif parts and _list_goes_on(child):
            continue
        elif child.dep_ in {"punct", "cc", "conj", "advcl", "ccomp", "xcomp", "parataxis"}:
            break
    if not parts or _is_quoted_name(doc, head, parts):
        return []
    start, end = subtree_range(doc, *parts)
    if end - start == 1 and not is_object_word(doc[start]):
        return []
    return [(start, end)] if end > start else []


def _question_after(prep: Token) -> bool:
    """ "disagree on [how it should happen]", "commented on [whether he would run]": an
    indirect question after "on" or "into" is what the words were about."""
    if prep.lower_ not in {"on", "into"}:
        return False
    return any(
        o.dep_ == "pcomp" and o.doc[o.left_edge.i].lower_ in _QUESTION_WORDS for o in prep.children
    )


def _said_of(person: Token) -> bool:
    """A person object with a phrase that says something of them is content: "polls show
    [Clinton with a lead]", "sees [him as a rival]"."""
    after = person.right_edge.i + 1
    if after >= len(person.doc):
        return False
    nxt = person.doc[after]
    return nxt.head.i == person.head.i and nxt.dep_ == "prep" and nxt.lower_ in _PREDICATE_PREPS


def _completes_object(prep: Token, obj: Token) -> bool:
    """Does a phrase after an object complete what was said of it? Arguments do ("pledged
    [aid to poor nations]"); after a common noun, so may any phrase the parser hung on the
    verb ("recalled [an incident at a theater that …]"), but not one that frames the
    report in time ("after the vote") or says what the object is taken as ("as …")."""
    if prep.lower_ in _ARGUMENT_PREPS:
        return True
    return (
        obj.pos_ == "NOUN"
        and prep.lower_ not in _FRAMING_WORDS
        and prep.lower_ not in _PREDICATE_PREPS
    )


def _as_predicate(doc: Doc, clause: Token) -> bool:
    """An as-clause that says what the object is taken for: "described [the dinner as
    Washington celebrating itself]". A finite one tells when or why the thing was done
    ("indicates a close race as Trump gains"), and is no part of the object."""
    return (
        clause.dep_ == "advcl"
        and doc[clause.left_edge.i].lower_ == "as"
        and clause.tag_ not in {"VBD", "VBZ", "VBP", "MD"}
    )


def _listed_object(token: Token | None) -> bool:
    """A noun the parser joined to the verb that is one more item of its object: "called
    [the plan and the delay a disgrace]", "discussing [the economy, health care …]"."""
    return (
        token is not None
        and token.dep_ in {"conj", "dobj"}
        and token.pos_ in {"NOUN", "PROPN"}
        and token.head.pos_ in {"VERB", "AUX"}
    )


def _list_goes_on(token: Token) -> bool:
    """Is the token a conjunction, or a comma in a list that a conjunction closes ("A, B
    and C"), before one more object? A comma alone may open an apposition."""
    later = [c for c in token.head.rights if c.i > token.i]
    if not later or not _listed_object(later[0]):
        return False
    if token.dep_ == "cc":
        return True
    items = [later[0], *(t for t in later[0].subtree if t.dep_ == "conj")]
    closed = any(c.dep_ == "cc" for c in later) or any(
        c.dep_ == "cc" for item in items for c in item.children
    )
    return token.text == "," and closed


def _passive_topic(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "[she] was asked about [the border]": what the one spoken to was asked or told
    about is the content; the asker is the agent, or no one named."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "about":
            objects = _prep_objects(child)
            if objects:
                start = min(o.left_edge.i for o in objects)
                return [trim_tokens(doc, start, child.right_edge.i + 1)]
    return []


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, with a preposition joined to it: "talked about [the
    budget and about how to hire teachers]"."""
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if objects:
        objects += [c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    return objects


def _is_quoted_name(doc: Doc, verb: Token, parts: list[Token]) -> bool:
    """ "what he liked to call “the wonders of science”": a naming verb whose only object
    stands in quotation marks gives a name, not anyone's words. With an object named
    ("called the plan “a disgrace”") the quoted words are a judgement and count."""
    if verb_lemma(verb) not in _NAMING_VERBS or len(parts) != 1:
        return False
    first = parts[0].left_edge.i
    return is_mark(doc[first]) or (first > 0 and is_mark(doc[first - 1]))


def _passive_content(verb: Token) -> list[tuple[int, int]]:
    """What a passive cue with a named agent reports: "[the plan] was rejected by voters",
    "[an allegation] denied by the ministry". Without an agent ("the plan was discussed")
    there is no one to attribute it to."""
    if not has_agent(verb):
        return []
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        start, end = noun_phrase(verb.head)
    else:
        subject = first_child(verb, "nsubjpass")
        if subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return []
        start, end = subtree_range(verb.doc, subject)
    return [(start, end)] if end > start else []


def is_object_word(token: Token) -> bool:
    """A one-word object that can stand as reported content: "endorsed [Clinton]",
    "opposed [it]", "would vote for [him]"."""
    return (
        (token.dep_ in {"dobj", "pobj"} or _passive_with_agent(token))
        and token.pos_ in {"PROPN", "PRON"}
        and (
            token.ent_type_ not in _NOT_CONTENT_ENTITIES  # "went on [CNN]", "on [Monday]"
            or _named_person_elsewhere(token)
        )
    )


def _named_person_elsewhere(token: Token) -> bool:
    """ "would vote for [Trump]": the parser may take a surname alone for an organisation;
    the text names the same person as a person elsewhere."""
    return token.ent_type_ == "ORG" and token.text in _person_words(token.doc)


def _person_words(doc: Doc) -> frozenset[str]:
    """The words of the document's person names, gathered once per document (kept beside
    the ``Doc`` rather than in its ``user_data``, which callers may serialise)."""
    words = _PERSON_WORDS.get(doc)
    if words is None:
        words = frozenset(t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent)
        _PERSON_WORDS[doc] = words
    return words


def _passive_with_agent(token: Token) -> bool:
    """The subject of a passive with a named agent, which stands for its object: "[Cruz]
    was endorsed by Fiorina"."""
    return token.dep_ == "nsubjpass" and token.pos_ == "PROPN" and has_agent(token.head)
