"""What a cue reports: the token ranges of its content, read from the dependency parse.

``said [that …]``, ``[…], he admitted``, ``according to X, […]``, ``announced [a ban]``,
``called [the plan reckless]``, ``urged [the mayor to act]``, ``[the plan] was rejected by
X``, ``[the timetable] seems [to work]``. ``quotes.py`` turns these ranges into quotes; the
rules here only decide where a content starts and ends.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import word_list
from .cuelexicon import is_cue_verb, listed_category
from .cues import Cue, agent_phrase_children, verb_lemma
from .objects import (
    object_content,
    pro_form_content,
    reaction_content,
    regarded_as,
    what_is_answered,
)
from .ranges import is_mark, subtree_range, trim_tokens
from .sources import finite_form, noun_phrase, reported_clause_of
from .stance import linked_clause, noun_content_prep, predicate_clause, target_subject
from .syntax import first_child, has_agent, has_subject, is_passive

__all__ = ["content_ranges"]

# Verbs whose prepositional phrases are circumstances rather than topics.
_NO_TOPIC_CUES = word_list("no_topic_cues")
# Objects that are the people spoken to, not what was said.
_ADDRESSEES = word_list("addressee_nouns")
_ADDRESSING_VERBS = word_list("addressing_verbs")
# Words that open an adjunct framing a report in time or circumstance.
_FRAMING_WORDS = word_list("framing_words")
# Marks of a reason clause that goes on with the claim: "said [X] because [Y]".
_REASON_MARKS = word_list("reason_marks")
# Dependencies of the clause a cue verb reports.
_CLAUSE_DEPS = frozenset({"ccomp"})
# Verbs whose content is an infinitive: "urged [the party to act]".
_INFINITIVE_CUES = word_list("infinitive_cues")
# Verbs of asking, after which "if" and "whether" open what was asked.
_QUESTION_VERBS = word_list("question_verbs")
# Verbs of answering, whose deeds ("responded [by standing]") are the content.
_ANSWERING_VERBS = word_list("answering_verbs")
# Verbs of regarding, whose content is a view: "regarded [X as Y]".
_JUDGEMENT_VERBS = word_list("judgement_verbs")
# Verbs of speech that cannot report a clause: "As he spoke, …" only gives the time.
_CLAUSELESS_SPEECH_VERBS = word_list("clauseless_speech_verbs")
# Subjects of an aside that is the speaker's own ("as I said"), not a report.
_FIRST_AND_SECOND_PERSON = frozenset({"i", "we", "you"})
# Punctuation that sets off an aside or a cue within the sentence.
_ASIDE_PUNCT = frozenset({",", "—", "–", "--"})
# Complements of a verb of appearance: "appeared [to be on the upswing]".
_EVIDENTIAL_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acomp", "attr", "oprd"})
# Words opening a predicate the parser does not take for a complement: "seems [like …]".
_PREDICATE_WORDS = frozenset({"like", "as", "for", "of"})
# Clauses that an "according to" phrase hung on them vouches beyond.
_SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "conj"})
# Parts of speech of a subject that can follow its verb: "said [Robert]".
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "DET"})


def _sides_of(doc: Doc, head: Token, cut: tuple[int, int]) -> list[tuple[int, int]]:
    """``head``'s subtree without the token range ``cut`` (a cue set into the clause): the
    part before the cut, the part after it, or both when the cue stands inside the clause
    ("X, according to Y, Z" / "A, he added, B"). A side of bare function words is dropped.
    """
    left, right = head.left_edge.i, head.right_edge.i + 1
    sides = []
    for start, end in ((left, cut[0]), (cut[1], right)):
        # "X, Putin admitted, but he said Y": Y is a report of its own; "X, Strother said,
        # but “Y”" continues the same one.
        opens_with_cc = any(t.dep_ == "cc" for t in doc[start : min(end, start + 2)])
        if start == cut[1] and opens_with_cc and _reports(doc, start, end):
            continue
        start, end = trim_tokens(doc, start, end)
        if end > start and any(not (t.is_stop or t.is_punct) for t in doc[start:end]):
            sides.append((start, end))
    if len(sides) == 2 and not (left < cut[0] and cut[1] < right):
        sides = [s for s in sides if s[0] <= head.i < s[1]] or sides[:1]
    return sides


def _opens_with_that(clause: Token) -> bool:
    """A "that" mark before the clause's verb (``syntax.has_that_mark`` looks at all its
    children)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts)


def _is_report(verb: Token) -> bool:
    """A verb with a subject and a clausal complement of its own: "he said [B]"."""
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and "ccomp" in deps


def _before_introduced_quotation(doc: Doc, start: int, end: int) -> int:
    """Where a reported clause ends when a cue joined to it introduces a quotation: "said
    [it was too early] but added, “…”" (the quotation is the second cue's)."""
    for i in range(start + 1, end - 1):
        verb = doc[i]
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or not is_cue_verb(verb):
            continue
        if _introduces_quotation(doc, verb, end):
            cut = verb.left_edge.i
            while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            return cut if cut > start else end
    return end


def _is_participle_cue(verb: Token) -> bool:
    """A subjectless participle cue ("…, adding that …", "…, referencing X"): it reports
    what follows it; a clause before it is the sentence it is attached to."""
    return verb.tag_ == "VBG" and is_cue_verb(verb) and not has_subject(verb)


def _reports(doc: Doc, start: int, end: int) -> bool:
    """Does the token range hold a reporting clause of its own (a subject and a clausal
    complement), outside quotation marks?"""
    for token in doc[start:end]:
        if is_mark(token):
            return False
        if _is_report(token):
            return True
    return False


def content_ranges(doc: Doc, cue: Cue) -> list[tuple[int, int]]:
    """Token ranges of the content a cue introduces, from the parse."""
    head = doc[cue.head]
    if cue.source_slot == "object":
        return _according_to_content(doc, head)
    if cue.part == "evidential":
        return _evidential_content(doc, head)
    if cue.part == "reaction":
        return reaction_content(doc, head)
    if cue.part != "verb":
        return _stance_content(doc, cue)
    ranges = [_outside_cue(doc, cue, r) for r in _verb_content(doc, cue)]
    ranges = _join_ranges(doc, sorted(r for r in ranges if r[1] > r[0]))
    return [_trim_tail(doc, *_trim_framing(doc, *_trim_report(doc, *r))) for r in ranges]


def _according_to_content(doc: Doc, head: Token) -> list[tuple[int, int]]:
    """ "according to X, ...": the clause the phrase modifies, minus the phrase."""
    clause = head.head
    phrase = (head.left_edge.i, head.right_edge.i + 1)
    if clause.i == head.i:
        return []
    # "X is short when Y [are included], according to Z": the phrase vouches for the
    # whole sentence, not for the subordinate clause the parser hung it on.
    while clause.dep_ in _SUBORDINATE_DEPS and clause.head.i != clause.i:
        clause = clause.head
    return _sides_of(doc, clause, _phrase_before_subject(doc, phrase, clause))


def _verb_content(doc: Doc, cue: Cue) -> list[tuple[int, int]]:
    """What a cue verb reports, trying its kinds of content in turn until one is found: a
    reported clause (with what continues it), then clause-like and then nominal contents,
    and last the clause a parenthetical cue is set in."""
    head = doc[cue.head]
    ranges = _reported_clauses(doc, cue)
    if not ranges:
        ranges.extend(_clause_under_addressee(doc, head))
    if not ranges:
        ranges.extend(_indirect_question(doc, head))
    if not ranges and cue.category == "speech":
        ranges.extend(pro_form_content(doc, head))
    if ranges:
        ranges.extend(_continuations(doc, head, max(end for _, end in ranges)))
    if not ranges and verb_lemma(head) in _INFINITIVE_CUES:
        ranges.extend(_infinitive_content(doc, cue))
    if not ranges and verb_lemma(head) in _JUDGEMENT_VERBS:
        ranges.extend(regarded_as(doc, head))
    if not ranges and cue.takes_object:
        ranges.extend(object_content(doc, cue))
    elif not ranges and verb_lemma(head) not in _NO_TOPIC_CUES:
        ranges.extend(object_content(doc, cue, nouns=False))
    if not ranges:
        ranges.extend(_gerund_content(doc, cue))
    if not ranges and verb_lemma(head) in _ANSWERING_VERBS:
        ranges.extend(what_is_answered(doc, head))
    if not ranges and _is_parenthetical(head):
        cut = (_parenthetical_start(head), head.right_edge.i + 1)
        ranges.extend(_sides_of(doc, _main_clause(head.head, cut), cut))
    return ranges


def _reported_clauses(doc: Doc, cue: Cue) -> list[tuple[int, int]]:
    """The clausal complements a cue verb reports: "said [that X]", "made it clear [that
    X]", cut before a second report or a quotation another cue introduces."""
    head = doc[cue.head]
    ranges: list[tuple[int, int]] = []
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS and cue.start <= child.i < cue.end:
            clause = _clause_after_phrase(doc, cue, child)
            if clause is not None:
                ranges.append(subtree_range(doc, clause))
            continue
        if (
            child.dep_ in _CLAUSE_DEPS
            and not _separate_clause_before(doc, head, child)
            and not _inverted_subject_clause(doc, head, child)
            and not (child.i < head.i and _is_participle_cue(head))
        ):
            end = _second_report(doc, head, child) or child.right_edge.i + 1
            start, end = trim_tokens(doc, child.left_edge.i, end)
            if start > head.i and _is_participle_cue(doc[start]) and doc[start].dep_ != "csubj":
                # "“…,” he said, [adding that …]": the participle's own report; but in
                # "said [seeking help was right]" the gerund is the clause's subject
                continue
            ranges.append((start, _before_introduced_quotation(doc, start, end)))
    return ranges


def _continuations(doc: Doc, head: Token, last: int) -> list[tuple[int, int]]:
    """Clauses after a content (ending at ``last``) that go on with it: "said [X] because
    [Y]": a reason clause is part of the claim; "said [that X but that Y]": a second
    that-clause joined to the verb continues it."""
    ranges: list[tuple[int, int]] = []
    for child in head.rights:
        if child.dep_ == "conj" and child.left_edge.i >= last and _opens_with_that(child):
            ranges.append(subtree_range(doc, child))
            continue
        if (
            child.dep_ == "advcl"
            and child.left_edge.i >= last
            and any(m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in child.children)
            and not _is_report(child)  # "…, though he said [B]": a report of its own
        ):
            ranges.append(subtree_range(doc, child))
    return ranges


def _infinitive_content(doc: Doc, cue: Cue) -> list[tuple[int, int]]:
    """ "urged [the party to act]", "[the senator] is expected [to attend]": the infinitive
    a verb of wanting or expecting takes, with the one it is about."""
    head = doc[cue.head]
    ranges: list[tuple[int, int]] = []
    for child in head.children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            start = child.left_edge.i
            # "urged [the party to act]": the person urged is part of what was urged
            wanted = [
                c for c in head.rights if c.dep_ == "dobj" and c.i < child.i and c.i >= cue.end
            ] + _called_on(doc, cue, child)
            if wanted:
                start = min(start, wanted[0].left_edge.i)
            ranges.extend(_raised_subject(doc, head))
            end = _second_report(doc, head, child) or child.right_edge.i + 1
            ranges.append(trim_tokens(doc, start, end))
    return ranges


def _gerund_content(doc: Doc, cue: Cue) -> list[tuple[int, int]]:
    """ "supports [raising the minimum wage]", "reported [holding shares in …]": a gerund
    clause after a verb that reports its object is what is supported or reported; "polls
    show [him trailing]" with the one it is said of. After other speech verbs only a gerund
    that is the subject of a clause of its own ("said [having him on the ticket hurts]")
    is content: "continued campaigning" reports nothing."""
    verb = doc[cue.head]
    if is_passive(verb):
        return []
    for child in verb.rights:
        if child.dep_ != "xcomp" or child.tag_ != "VBG" or is_cue_verb(child):
            continue
        if not (cue.takes_object or cue.category == "thought" or _has_finite_verb(child)):
            return []
        start = child.left_edge.i
        objects = [c for c in verb.rights if c.dep_ in {"dobj", "dative"} and c.i < child.i]
        if objects:
            if cue.category != "evidence":
                return []  # "champion them [heading into the fall]": an adjunct
            start = objects[0].left_edge.i
        end = _second_report(doc, verb, child) or child.right_edge.i + 1
        return [trim_tokens(doc, start, end)]
    return []


def _has_finite_verb(clause: Token) -> bool:
    """Does the parser hang the finite verb of a clause on the gerund that is its subject?"""
    return any(
        c.dep_ in {"ccomp", "conj"} and finite_form(c) in {"VBD", "VBZ", "VBP", "MD"}
        for c in clause.children
    )


def _parenthetical_start(verb: Token) -> int:
    """Where a cue set into the sentence begins: "Though X, [he said], Y". A clause before
    its subject that the parser hung on the cue belongs to what was said."""
    lefts = [c for c in verb.lefts if c.dep_ not in {"advcl", "ccomp", "punct"}]
    return min([verb.i, *(c.left_edge.i for c in lefts)])


def _main_clause(clause: Token, cut: tuple[int, int]) -> Token:
    """ "Though the vote was close, he said, [the result] stands": a cue set in after a
    fronted subordinate clause vouches for the sentence the clause opens."""
    head = clause.head
    if clause.dep_ == "advcl" and head.i >= cut[1] and clause.i < cut[0]:
        return head
    return clause


def _called_on(doc: Doc, cue: Cue, clause: Token) -> list[Token]:
    """ "called on [residents to conserve water]": the people a phrase cue's own preposition
    names are those urged, part of what was urged, like the object of "urged"."""
    last = doc[cue.end - 1]
    if last.dep_ != "prep" or last.head != doc[cue.head]:
        return []
    return [c for c in last.children if c.dep_ == "pobj" and c.i < clause.i]


def _raised_subject(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "[The senator] is expected [to attend]": with no one named who expects it, the
    passive subject is the one the infinitive is about, and part of what is expected."""
    if not is_passive(verb) or has_agent(verb):
        return []
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [subtree_range(doc, subject)]


def _phrase_before_subject(doc: Doc, phrase: tuple[int, int], clause: Token) -> tuple[int, int]:
    """ "According to X, an engineer, [rising sea levels] mean …": when the clause has no
    subject, the parser has made it one more apposition of X; the phrase ends at its last
    comma and what follows is the clause's own."""
    start, end = phrase
    if end > clause.i or has_subject(clause):
        return phrase
    for i in range(end - 1, start, -1):
        if doc[i].text == ",":
            return (start, i + 1) if i + 1 < end else phrase
    return phrase


def _evidential_content(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "[Mr. Rubio had] appeared [to be on the upswing]": the subject (with the auxiliaries
    up to the verb) and the complement, without fronted adverbials or clauses joined on."""
    ranges = []
    subject = next((c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.lower_ not in {"it", "there"}:
        ranges.append(trim_tokens(doc, subject.left_edge.i, verb.i))
    elif verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        ranges.append(noun_phrase(verb.head))  # "[measures] deemed by many [too weak]"
    complement = next((c for c in verb.rights if c.dep_ in _EVIDENTIAL_COMPLEMENTS), None)
    if complement is None:
        # "seems [like a winner]", "is seen [as a favourite]", "is known [for its wines]"
        complement = next((c for c in verb.rights if c.lower_ in _PREDICATE_WORDS), None)
    if complement is None:
        complement = next(iter(agent_phrase_children(verb)), None)  # "seen by some [as …]"
    if complement is not None:
        ranges.append(trim_tokens(doc, _after_agent(verb, complement), complement.right_edge.i + 1))
    return [r for r in ranges if r[1] > r[0]] if complement is not None else []


def _second_report(doc: Doc, verb: Token, clause: Token) -> int | None:
    """Where a second act of the source starts inside the clause: "said [he earns $40,000]
    and questioned the plan". The parser joins "questioned" to the reported clause, but a
    finite verb in the cue's own form, unlike the clause's, continues the cue's sentence."""
    forms = _joining_forms(verb)
    for conj in _joined_verbs(clause):
        if (
            conj.pos_ == "VERB"
            and (conj.tag_ in forms or _mistagged_past(conj, clause, forms))
            and (finite_form(clause) not in forms or _speech_with_content(conj))
            and doc[conj.i - 1].lower_ == "and"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in conj.children)
        ):
            return conj.i - 1
    return None


def _mistagged_past(conj: Token, clause: Token, forms: set[str]) -> bool:
    """A bare participle joined to a past-tense clause with no auxiliary it could share is
    a past tense the tagger mistook: "said he heard gunfire and suspected that ..."."""
    return (
        conj.tag_ == "VBN"
        and "VBD" in forms
        and clause.tag_ == "VBD"
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    )


def _joining_forms(verb: Token) -> set[str]:
    """The tags a verb joined to the cue bears: its finite form, or a participle sharing a
    perfect auxiliary ("has proposed X and signaled Y")."""
    forms = {finite_form(verb)} & {"VBD", "VBZ", "VBP", "VBG"}
    if forms and verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.lefts):
        forms |= {"VBN", "VBD"}  # the tagger takes many such participles for past tenses
    return forms


def _joined_verbs(clause: Token) -> list[Token]:
    """Verbs joined to the reported clause: to its head, or deeper down to a verb of its
    own when the joined verb is a cue with its own complement ("stating [there was a
    benefit to having him in the race] and chiding the media")."""
    joined = [c for c in clause.rights if c.dep_ == "conj"]
    for token in clause.subtree:
        if (
            token.dep_ == "conj"
            and token.head != clause
            and token.i > clause.i
            and reported_clause_of(token) == clause
            and is_cue_verb(token)
            and any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in token.children)
        ):
            joined.append(token)
    return sorted(joined, key=lambda t: t.i)


def _speech_with_content(verb: Token) -> bool:
    """A verb of speech with a clause of its own ("promised [to stay out]"), or any cue
    verb with a that-clause of its own ("suspected [that the office was under attack]")."""
    category = listed_category(verb)
    return (category == "speech" and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)) or (
        category is not None
        and any(c.dep_ == "ccomp" and _opens_with_that(c) for c in verb.children)
    )


def _after_agent(verb: Token, complement: Token) -> int:
    """Where a complement begins: after the verb, and after a passive agent that stands
    between them, who holds the view rather than being part of it ("seen by some [as …]")."""
    start = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "agent" and complement in child.subtree:
            return complement.left_edge.i  # "seen by some [as …]" parsed under "some"
        if child.dep_ == "agent" and child.i < complement.i:
            start = max(start, child.right_edge.i + 1)
    return start


def _inverted_subject_clause(doc: Doc, verb: Token, clause: Token) -> bool:
    """ "“Hardly,” said Robert, shaking his head": after a quotation the cue's subject
    follows it, and the parser may take "Robert, shaking his head" for the cue's clause."""
    if clause.i < verb.i or clause.left_edge.i != verb.i + 1:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.lefts):
        return False  # "Scarborough, host of “Morning Joe,” suggested [...]"
    subject = doc[verb.i + 1]
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"}
    if not finite or subject.pos_ not in _NOMINAL or subject.tag_ in {"WP", "WDT"}:
        return False  # "…,” adding [that …]", "…,” asked [which …]"
    before = verb.i - 1
    while before >= 0 and doc[before].text in _ASIDE_PUNCT:
        before -= 1
    return before >= 0 and is_mark(doc[before])


def _clause_under_addressee(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "told a meeting of leaders [that few understood the stakes]": the parser hangs the
    that-clause on the people told, or on a circumstance after them, as if it were a
    relative clause. A relative clause has a relative pronoun in it; this one has only the
    complementiser."""
    if verb_lemma(verb) not in _ADDRESSING_VERBS:
        return []
    for child in verb.rights:
        # also past the circumstances: "told the audience [at a dinner for veterans] that …"
        if child.dep_ not in {"dobj", "dative", "prep", "npadvmod"}:
            continue
        for token in child.subtree:
            clause_deps = {"relcl", "acl"} if child.dep_ in {"dobj", "dative"} else {"relcl"}
            if token.dep_ not in clause_deps or token.i <= child.i:
                continue  # "asked about [her claim that …]": the noun's own clause
            opener = doc[token.left_edge.i]
            if opener.lower_ == "that" and opener.dep_ == "mark":
                return [subtree_range(doc, token)]
    return []


def _clause_after_phrase(doc: Doc, cue: Cue, word: Token) -> Token | None:
    """ "made it clear [that …]": the parser makes "it clear" the verb's clause and hangs
    the reported clause on the phrase's last word."""
    for child in word.rights:
        if child.dep_ in {"ccomp", "advcl"} and child.left_edge.i >= cue.end:
            return child
    return None


def _indirect_question(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """ "asked the senator [if he would run]": the parser reads the question as a
    condition; after a verb of asking, "if" and "whether" open what was asked."""
    if verb_lemma(verb) not in _QUESTION_VERBS:
        return []
    for child in verb.rights:
        if child.dep_ == "advcl" and doc[child.left_edge.i].lower_ in {"if", "whether"}:
            return [subtree_range(doc, child)]
    return []


def _separate_clause_before(doc: Doc, verb: Token, clause: Token) -> bool:
    """A clause before the cue that the parser made its complement but that is a sentence of
    its own: it ends at a semicolon ("X; others have shared Y"), or the verb already has
    what it reports after it ("Prices rose, and many prefer [cheaper brands]")."""
    if clause.i > verb.i:
        return False
    between = doc[clause.right_edge.i + 1 : verb.i]
    if any(t.text == ";" for t in between):
        return True
    if verb_lemma(verb) in _ADDRESSING_VERBS or any(
        is_mark(t) for t in doc[clause.left_edge.i : verb.i]
    ):
        return False  # "“A,” she told the paper": the object is whom she told
    for child in verb.rights:
        if child.dep_ == "dobj" and child.lemma_.lower() not in _ADDRESSEES:
            return child.pos_ in {"NOUN", "PROPN"} and not any(is_mark(t) for t in child.subtree)
    return False


def _outside_cue(doc: Doc, cue: Cue, tokens: tuple[int, int]) -> tuple[int, int]:
    """A content never contains its own cue: when a misparse puts the cue inside, keep the
    part after the cue phrase ("…: 47% say [the US should …]")."""
    start, end = tokens
    if not start <= cue.head < end:
        return tokens
    return trim_tokens(doc, cue.end, end)


def _stance_content(doc: Doc, cue: Cue) -> list[tuple[int, int]]:
    """Content of an adjective or noun cue: its clause, infinitive or prepositional object."""
    head = doc[cue.head]
    if cue.part == "target":
        subject = target_subject(head)
        return [subtree_range(doc, subject)] if subject else []
    if cue.part == "agent":
        # "a critic [of the plan]": the object of "of"
        prep = next(c for c in head.children if c.dep_ == "prep" and c.lower_ == "of")
        return [trim_tokens(doc, prep.i + 1, prep.right_edge.i + 1)]
    clause = predicate_clause(head) if cue.part == "noun" else None
    if clause is not None:
        return _clause_without_framing(doc, clause)
    for child in head.rights:
        if child.dep_ in {"ccomp", "xcomp", "acl"} and (
            cue.part == "adjective" or any(m.lower_ in {"that", "to"} for m in child.children)
        ):
            return _clause_without_framing(doc, child)
        # "a warning from his lawyer [that ...]": the source's phrase is not the content
        if (child.dep_ == "prep" or (child.dep_ == "agent" and cue.part == "adjective")) and (
            cue.part != "noun" or noun_content_prep(head, child)
        ):
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                start, end = subtree_range(doc, *objects)
                return [(start, end)] if end > start else []
    clause = linked_clause(head) if cue.part == "adjective" else None
    if clause is not None:
        return _clause_without_framing(doc, clause)
    return []


def _clause_without_framing(doc: Doc, clause: Token) -> list[tuple[int, int]]:
    """A stance cue's clause as its content, without a trailing framing adjunct."""
    start, end = subtree_range(doc, clause)
    return [_trim_framing(doc, start, end)] if end > start else []


def _join_ranges(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join content ranges separated only by punctuation ("said X, Y" parsed as two clauses)."""
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and all(
            doc[i].is_punct and not is_mark(doc[i]) for i in range(joined[-1][1], start)
        ):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _after_last_mark(doc: Doc, start: int, end: int) -> int:
    """The first token after the last quotation mark in [start, end): tails are only cut
    where no quoted words follow."""
    for i in range(end - 1, start - 1, -1):
        if is_mark(doc[i]):
            return i + 1
    return start


def _trim_tail(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut a comma-set relative clause that closes the content: it is the reporter's aside
    about the last noun, not part of what was said ("criticized [her email use], which the
    FBI called careless"). Quoted words after it keep it, unless the clause reports
    someone else's words itself ("praised [Smith], who vowed “never to yield”")."""
    unquoted = _after_last_mark(doc, start, end)
    for i in range(start + 1, end - 1):
        comma, word = doc[i], doc[i + 1]
        if comma.text != ",":
            continue
        clause = _relative_clause_of(word)
        if (
            clause is not None
            and clause.left_edge.i == i + 1
            and clause.head.i < i
            and _closes(doc, clause, end)
            and (i >= unquoted or _reports_itself(clause))
        ):
            return trim_tokens(doc, start, i)
    return start, end


def _relative_clause_of(word: Token) -> Token | None:
    """The relative clause a word opens, however deep the parser set the relative pronoun:
    "which [the auditor said] was careless", "who he said were living abroad"."""
    for token in (word, *word.ancestors):
        if token.dep_ == "relcl":
            return token
        if token.i < word.i:
            return None
    return None


def _reports_itself(clause: Token) -> bool:
    """Does the clause hold a cue verb with a subject of its own ("which the FBI called
    …", "who vowed …")?"""
    return any(
        t.pos_ == "VERB" and listed_category(t) is not None and has_subject(t)
        for t in clause.subtree
    )


def _closes(doc: Doc, clause: Token, end: int) -> bool:
    """Does the clause run to the end of the content? "said [the ruling, which struck down
    the law, shows X]": a relative clause inside the subject is no closing aside."""
    return all(t.is_punct or t.is_space for t in doc[clause.right_edge.i + 1 : end])


def _trim_report(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut a closing, comma-set participle of speech: "said [the plan is dead], citing the
    vote" - the participle reports a second thing the source said."""
    unquoted = _after_last_mark(doc, start, end)
    for i in range(start + 2, end - 1):
        comma, word = doc[i], doc[i + 1]
        if (
            comma.text == ","
            and word.tag_ == "VBG"
            and word.dep_ in {"advcl", "conj", "xcomp"}
            and listed_category(word) == "speech"
            and _closes(doc, word, end)
            and (i >= unquoted or _introduces_quotation(doc, word))
        ):
            return trim_tokens(doc, start, i)
    return start, end


def _introduces_quotation(doc: Doc, verb: Token, end: int | None = None) -> bool:
    """Does a quotation open straight after the verb, or after a comma or colon ("…, saying,
    “…”"), before token ``end``? The quoted words are the verb's own."""
    end = len(doc) if end is None else end
    after = verb.i + 1
    if after < len(doc) and doc[after].text in {",", ":"}:
        after += 1
    return after < end and is_mark(doc[after])


def _trim_framing(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut a trailing, comma-set adjunct that frames the report rather than belongs to it:
    "said [his army is ready], after three years of war"."""
    for i in range(max(start + 3, _after_last_mark(doc, start, end)), end - 1):
        comma, word = doc[i], doc[i + 1]
        if comma.text != "," or word.lower_ not in _FRAMING_WORDS or word.head.i >= i:
            continue
        return trim_tokens(doc, start, i)
    return start, end


def _is_parenthetical(verb: Token) -> bool:
    """A cue set off by commas from the clause it reports: "X, he said, Y" / "X, she admitted"."""
    if verb.head.i == verb.i or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    if not has_subject(verb):
        return False
    doc = verb.doc
    if verb.dep_ == "parataxis" and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        # "X, he said, on condition of anonymity to discuss Y": what the parser hangs on
        # the cue after its closing comma belongs to the sentence, not to the cue
        return True
    if any(_own_complement(verb, child) for child in verb.children):
        return False
    if verb.dep_ == "parataxis" or _comment_clause(verb):
        return True
    if verb.dep_ in {"conj", "advcl", "ccomp"}:
        left = verb.left_edge.i
        return (left > 0 and doc[left - 1].text in {",", "—", "–"}) or doc[left].text == ","
    return False


def _own_complement(verb: Token, child: Token) -> bool:
    """Does the cue have a content of its own? The people a verb of addressing speaks to
    are not one: "X, Ash Carter told [a Senate panel] Wednesday" still reports X."""
    if child.dep_ in {"ccomp", "xcomp"}:
        return True
    if child.dep_ != "dobj":
        return False
    # "when I asked [her] if …" is a clause of its own, not a cue set into another
    return verb.dep_ == "advcl" or verb_lemma(verb) not in _ADDRESSING_VERBS


def _comment_clause(verb: Token) -> bool:
    """ "As The Atlantic noted, [trust is collapsing]": an as-clause set before the clause
    it comments on stands for that clause. "As he spoke, …" only gives the time (a verb
    that cannot report a clause does not comment), and "as you know" or "as I said" is the
    speaker's own aside, not a report."""
    if verb.dep_ != "advcl" or verb.i > verb.head.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    subject = first_child(verb, "nsubj")
    if subject is None or subject.lower_ in _FIRST_AND_SECOND_PERSON:
        return False
    doc, left, right = verb.doc, verb.left_edge.i, verb.right_edge.i
    before = left - 1
    while before >= 0 and is_mark(doc[before]):
        before -= 1
    if before >= 0 and doc[before].text == ",":
        return False  # "the fact that X, as Cruz said, …": the comment is on X alone
    closed = doc[right].text in _ASIDE_PUNCT or (
        right + 1 < len(doc) and doc[right + 1].text in _ASIDE_PUNCT
    )
    return closed and verb_lemma(verb) not in _CLAUSELESS_SPEECH_VERBS
