"""Resolving pronouns and descriptions to entities, with heuristics a careful reader uses.

Pronouns go to the nearest earlier sentence that names a compatible entity (gender, number,
person vs. organisation), preferring its subject; names inside quotation marks or inside the
quote being attributed never count. Descriptions ("the Russian president", "the ministry")
go to an entity whose known roles and nationality fit: roles are learned from the same text
(titles before names, appositions) and nationality words must not contradict, so "the Russian
president" never lands on a Ukrainian president.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import attrs
from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_table, word_list
from ..rules.sources import noun_phrase
from ..rules.syntax import Sentences, pos_id, string_id, token_columns
from ..text.spans import SpanSet
from ..types import EntityKind, Mention, MentionKind
from .names import listed_forename_gender, name_gender
from .profile import role_text, title_words

__all__ = [
    "Description",
    "EntityRecord",
    "Resolver",
    "describe",
    "is_modifier",
    "learn_genders",
    "learn_people",
    "narrative_people",
    "noun_gender",
    "pronoun_features",
]

_PRONOUNS: dict[str, tuple[str | None, str]] = {
    # pronoun -> (gender, number)
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"),
    "it": (None, "it"), "its": (None, "it"),
    "i": (None, "first"), "me": (None, "first"), "we": (None, "first"), "us": (None, "first"),
    "you": (None, "second"),
}  # fmt: skip

# How many paragraphs back a pronoun may look for its antecedent.
PRONOUN_WINDOW_CHARS = 2500
# How many sentences back a description looks for the subject it continues.
RECENT_SENTENCES = 3
# How far after a headline's description the article names the person it stands for.
HEADLINE_REACH = 600


def pronoun_features(word: str) -> tuple[str | None, str] | None:
    return _PRONOUNS.get(word.lower())


@attrs.frozen
class Description:
    role: str | None  # the role word as matched ("president")
    group: str | None  # its compatibility group ("head")
    kind: EntityKind | None
    country: str | None
    plural: bool
    party: str | None = None  # "the GOP nominee": republican (``data/parties.tsv``)


@lru_cache(maxsize=1)
def _roles() -> dict[str, tuple[EntityKind, str]]:
    kinds = {"person": EntityKind.PERSON, "organization": EntityKind.ORGANIZATION,
             "group": EntityKind.GROUP}  # fmt: skip
    return {row[0].lower(): (kinds[row[1]], row[2]) for row in load_table("roles.tsv")}


def is_role_word(token: Token) -> bool:
    """Whether a word, capitalised or not, is a listed role ("Ambassador", "Aides")."""
    roles = _roles()
    return token.lower_ in roles or token.lemma_.lower() in roles


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in load_table("demonyms.tsv")}


@lru_cache(maxsize=1)
def _title_abbreviations() -> dict[str, str]:
    return {row[0].lower().rstrip("."): row[1] for row in load_table("title_abbreviations.tsv")}


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """Party-and-state tag forms ("Calif.", "TX", "Vermont") and the state they name."""
    return {row[0]: row[1] for row in load_table("us_states.tsv")}


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """States by their own name, lower case: what a description writes ("the Vermont senator");
    built once (``describe`` asks for it once a description)."""
    return {state.lower(): state for state in _states().values()}


@lru_cache(maxsize=1)
def _parties() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in load_table("parties.tsv")}


def _party(tokens: Span | Sequence[Token]) -> str | None:
    """The party a description's modifiers name ("Republican", "GOP"); one-letter tags
    count only in a party-and-state tag, not here."""
    parties = _parties()
    for token in tokens:
        word = token.lower_
        if len(word) > 1 and word in parties and token.text[:1].isupper():
            return parties[word]
    return None


@lru_cache(maxsize=1)
def _org_name_words() -> dict[str, tuple[str, ...]]:
    return {
        row[0].lower(): tuple(row[1].lower().split()) for row in load_table("org_name_words.tsv")
    }


def org_name_fits(name: str, role: str) -> bool:
    """Whether an organisation's name says it is a ``role`` ("Living Church of God" a
    church, "EgyptAir" an airline, "The Washington Post" a newspaper:
    ``data/org_name_words.tsv``)."""
    words = [w for w in re.split(r"[^\w]+", name.lower()) if w]
    marks = (role.lower(), *_org_name_words().get(role.lower(), ()))
    return any(w == m or (len(w) > len(m) + 2 and w.endswith(m)) for w in words for m in marks)


def role_word(word: str) -> str:
    """A title's role word: abbreviations spelled out ("Sen." -> "senator"), lower case."""
    key = word.lower().rstrip(".")
    return _title_abbreviations().get(key, key)


_PARTY_STATE = re.compile(r"\s*[(,]\s*[DRI]\s*[-–—.]\s*([A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)")


def party_tag(text: str, end: int) -> str | None:
    """The party of a party-and-state tag right after a name ("(D-Calif.)" -> democratic)."""
    found = _PARTY_STATE.match(text, end, min(len(text), end + 24))
    if found is None:
        return None
    letter = found.group(0).lstrip(" (,")[:1].lower()
    return _parties().get(letter)


def party_state(text: str, end: int) -> str | None:
    """The state of a party-and-state tag right after a name ("Sen. Jane Roe (D-Calif.)",
    "Rep. John Doe, R-Texas,"), if there is one."""
    found = _PARTY_STATE.match(text, end, min(len(text), end + 24))
    if found is None:
        return None
    form = found.group(1)
    states = _states()
    return states.get(form) or states.get(form.rstrip(".")) or states.get(form.split()[0])


def _head_end(tokens: Span | Sequence[Token]) -> int:
    """Where a noun phrase's head word ends: one past the last token whose head lies
    outside the phrase (titles before a name all hang on the name: "geologist Dr.")."""
    indices = {t.i for t in tokens}
    end = len(tokens)
    for k, token in enumerate(tokens):
        if token.head.i not in indices or token.head.i == token.i:
            end = k + 1
    return end


def _possessor_words(tokens: Span | Sequence[Token]) -> frozenset[int]:
    """Positions, within the phrase, of the words of a possessor ("the president's" in
    "the president's lawyer")."""
    first = tokens[0].i if len(tokens) else 0
    found: set[int] = set()
    for token in tokens:
        if token.dep_ == "poss":
            found.update(t.i - first for t in token.subtree)
    return frozenset(found)


def describe(tokens: Span | Sequence[Token]) -> Description:
    """Role, kind and nationality (or state) that a noun phrase (or title before a name)
    expresses."""
    words = [role_word(t.text) for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    roles = _roles()
    head = _head_end(tokens)
    owner = _possessor_words(tokens)
    best: tuple[str, EntityKind, str] | None = None
    for n in (3, 2, 1):
        # One word after the head noun is in what qualifies it ("a nurse at the hospital"
        # is no hospital); a phrase of several ("head of state") may run past it. The
        # possessor's words are someone else's ("the president's lawyer" is a lawyer).
        for i in range(head if n == 1 else len(words) - n + 1):
            if any(k in owner for k in range(i, i + n)):
                continue
            for source in (words, lemmas):
                phrase = " ".join(source[i : i + n])
                if phrase in roles and (best is None or len(phrase) > len(best[0])):
                    best = (phrase, *roles[phrase])
        if best:
            break
    demonyms = _demonyms()
    country = None
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n]).removesuffix("'s").removesuffix("’s")
            if phrase in demonyms:
                country = demonyms[phrase]
                break
        if country:
            break
    plural = any(t.tag_ in {"NNS", "NNPS"} for t in tokens if t.dep_ not in {"compound", "amod"})
    if country is None:
        states = _state_names()
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                country = country or states.get(" ".join(words[i : i + n]))
    party = _party(tokens)
    if best is None:
        return Description(None, None, None, country, plural, party)
    role, kind, group = best
    if plural and kind is EntityKind.PERSON:
        kind = EntityKind.GROUP
    return Description(role, group, kind, country, plural, party)


@attrs.define
class EntityRecord:
    """An entity being built: what the document says about it so far."""

    key: int
    name: str
    kind: EntityKind
    gender: str | None = None
    aliases: list[str] = attrs.Factory(list)
    mentions: list[Mention] = attrs.Factory(list)
    groups: set[str] = attrs.Factory(set)
    countries: set[str] = attrs.Factory(set)
    parties: set[str] = attrs.Factory(set)
    roles: list[str] = attrs.Factory(list)  # role phrases as written, for the profile
    spoke: bool = False
    # An unnamed description whose words say nothing of a person ("The low crotch of the
    # vest revealed …", taken for a source): never what a "he" or "she" refers to.
    thing: bool = False

    def learn(self, description: Description, phrase: Span | Sequence[Token] = ()) -> None:
        """Take in what a description says of the entity; ``phrase``, its tokens, becomes a
        role of the profile when it names one."""
        if phrase and (description.role or description.country):
            text = role_text(phrase)
            if text is not None:
                self.roles.append(text)
        if description.group and description.kind is self.kind:
            self.groups.add(description.group)
        if description.country:
            self.countries.add(description.country)
        if description.party and self.kind is EntityKind.PERSON:
            self.parties.add(description.party)

    def holds_role(self, word: str) -> bool:
        """Whether one of the roles the text gave the entity ends in ``word`` ("the actor"
        after "actor Tim Allen", "the senator" after "Sen. Jane Roe")."""
        return any(role_word(role.split()[-1]) == word for role in self.roles if role.split())

    def fits(self, description: Description) -> bool:
        if description.kind is not None and description.kind is not self.kind:
            return False
        if description.country and self.countries and description.country not in self.countries:
            return False
        if description.party and self.parties and description.party not in self.parties:
            return False
        return not (description.group and self.groups and description.group not in self.groups)


@attrs.frozen
class _Occurrence:
    offset: int
    sentence: int
    record: EntityRecord
    subject: bool
    main: bool = False  # the subject of its sentence's main verb
    # "m"/"f" when a "he"/"she" is the subject of the clause this non-subject mention is in
    # ("he had seen Durbeyfield's name"): that pronoun is someone else, who is more salient.
    bound_by: str | None = None
    # A name that modifies a noun ("the d'Urberville family"): a family, a house, not the man.
    modifier: bool = False
    # "I", "me": the narrator's own words for themself, never what a "he" or "she" refers to.
    first_person: bool = False
    # Inside parentheses ("(Subscribe to Jane Roe's podcast.)"): an aside, not the story.
    aside: bool = False


def is_main_subject(token: Token) -> bool:
    """The subject of a sentence's main verb, or of a verb joined to it ("X said and
    added"): what the sentence is about, unlike the subject of a clause inside it."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _named_person_fitting(
    record: EntityRecord, description: Description, gender: str | None
) -> bool:
    """Can ``record`` be the named person a description stands for: a person the text
    names, who fits it (nationality, state, party, role group) and its gender?"""
    return (
        record.kind is EntityKind.PERSON
        and record.fits(description)
        and not (gender and record.gender and record.gender != gender)
        and any(m.kind is MentionKind.NAME for m in record.mentions)
    )


def _forename_says_otherwise(record: EntityRecord, gender: str) -> bool:
    """Is a person known only by one word ("Alexandra", "Carl") that the forename list gives
    the other gender? One word alone may be a surname, so it sets no gender of its own; it
    only keeps a pronoun of the other gender from taking it."""
    words = {m.text for m in record.mentions if m.kind is MentionKind.NAME}
    if not words or any(len(w.split()) != 1 for w in words):
        return False
    genders = {listed_forename_gender(w) for w in words}
    return len(genders) == 1 and None not in genders and gender not in genders


def is_modifier(span: Span) -> bool:
    """Is a name only a modifier of a common noun after it ("the d'Urberville family",
    "the Crane farm")? Then it stands for a family or a thing, not for one person."""
    root = span.root
    head = root.head
    return root.dep_ == "compound" and head.pos_ == "NOUN" and head.i >= span.end


# How many heads up from a name to look for the verb of its clause: a name deep in
# prepositional phrases ("he rejected the idea of an address in the style of Roe") is
# still in the clause of that verb's subject.
_BINDING_DEPTH = 10


def _compared_with(root: Token) -> bool:
    """A name that something is compared with ("Like Allen, their days begin at 4",
    "unlike Smith"): the standard of comparison, not whom the next "he" is about."""
    return root.dep_ == "pobj" and root.head.lower_ in {"like", "unlike"}


def _in_parentheses(text: str, offset: int) -> bool:
    """Is ``offset`` inside a parenthesis opened earlier in its paragraph and closed later
    in it?"""
    opened = text.rfind("(", 0, offset)
    if opened < 0 or text.rfind(")", opened, offset) >= 0 or "\n" in text[opened:offset]:
        return False
    closed = text.find(")", offset)
    return closed >= 0 and "\n" not in text[offset:closed]


def _bound_by(root: Token) -> str | None:
    """The gender of a personal pronoun that is the subject of the clause ``root`` sits in,
    when ``root`` is not that subject: by the binding rules a name there is never that
    pronoun's referent ("he observed Durbeyfield's name": he is not Durbeyfield)."""
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return None
    verb = root.head
    for _ in range(_BINDING_DEPTH):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i < root.i:
            if child.lower_ == "he":
                return "m"
            if child.lower_ == "she":
                return "f"
    return None


class Resolver:
    """Answers "who is this mention?" for speaker mentions, in text order."""

    def __init__(
        self,
        doc: Doc,
        records: Sequence[EntityRecord],
        quoted: Sequence[tuple[int, int]],
        text: str | None = None,
    ):
        self.doc = doc
        # ``doc.text`` is rebuilt from every token on each access: read it once.
        self.text = doc.text if text is None else text
        self.records = list(records)
        self.quoted = sorted(quoted)
        self._quoted = SpanSet(self.quoted)
        self._reported = SpanSet()
        self._sentences = Sentences(doc)
        self._occurrences: list[_Occurrence] = []
        for record in records:
            for mention in record.mentions:
                self._add_occurrence(mention, record)
        self._occurrences.sort(key=lambda o: o.offset)

    # -- bookkeeping

    def _in_quotes(self, offset: int) -> bool:
        return offset in self._quoted

    def set_reported(self, contents: Iterable[tuple[int, int]]) -> None:
        """The reported contents of the text's quotes, indirect ones too: a person named
        inside what someone said ("X said that Obama shows great charm") is what was talked
        about, not the likely antecedent of the next "he said"."""
        self._reported = SpanSet(contents)

    def _in_reported(self, offset: int) -> bool:
        return offset in self._reported

    def _add_occurrence(self, mention: Mention, record: EntityRecord) -> None:
        if self._in_quotes(mention.start):
            return
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return
        root = span.root
        self._occurrences.append(
            _Occurrence(
                mention.start,
                self._sentences.start_of(span.start),
                record,
                root.dep_ in {"nsubj", "nsubjpass"},
                main=is_main_subject(root),
                bound_by=_bound_by(root),
                modifier=is_modifier(span),
                aside=_in_parentheses(self.text, mention.start) or _compared_with(root),
            )
        )

    def note_mention(self, mention: Mention, record: EntityRecord) -> None:
        """Record a resolved pronoun or description so later pronouns can reach it."""
        if self._in_quotes(mention.start):
            return
        record.mentions.append(mention)
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return
        features = pronoun_features(mention.text)
        occurrence = _Occurrence(
            mention.start,
            self._sentences.start_of(span.start),
            record,
            span.root.dep_ in {"nsubj", "nsubjpass"},
            main=is_main_subject(span.root),
            first_person=features is not None and features[1] in {"first", "second"},
        )
        bisect.insort(self._occurrences, occurrence, key=lambda o: o.offset)

    def _before(self, offset: int, exclude: Iterable[tuple[int, int]]) -> list[_Occurrence]:
        """Occurrences before ``offset`` and within the window, nearest first."""
        excluded = list(exclude)
        k = bisect.bisect_left(self._occurrences, offset, key=lambda o: o.offset)
        out = []
        for i in range(k - 1, -1, -1):  # nearest first; no copy of the list (many calls)
            occurrence = self._occurrences[i]
            if offset - occurrence.offset > PRONOUN_WINDOW_CHARS:
                break
            if any(s <= occurrence.offset < e for s, e in excluded):
                continue
            out.append(occurrence)
        return out

    # -- resolution

    def resolve_pronoun(
        self, span: Span, exclude: Iterable[tuple[int, int]]
    ) -> EntityRecord | None:
        features = pronoun_features(span.root.text)
        if features is None:
            return None
        gender, number = features
        if number in {"first", "second"}:
            return None
        candidates = self._before(span.start_char, exclude)
        best_sentence: int | None = None
        chosen: EntityRecord | None = None
        for occurrence in candidates:
            record = occurrence.record
            if number == "sg" and record.kind is not EntityKind.PERSON:
                continue
            if number == "pl" and record.kind is EntityKind.PERSON:
                continue
            if number == "it" and record.kind is not EntityKind.ORGANIZATION:
                continue  # "it said": a company, a paper, a campaign
            if gender and record.gender and record.gender != gender:
                continue
            if gender and _forename_says_otherwise(record, gender):
                continue  # "he" is not "Alexandra", even before anything set her gender
            if occurrence.first_person:
                continue  # "I said … he answered": the narrator is not "he"
            if gender and record.thing:
                continue  # "The low crotch of the vest revealed …": no "he"
            if occurrence.aside:
                continue  # "(Listen to Jane Roe's podcast.)": an aside is no antecedent
            if number == "sg" and occurrence.modifier:
                continue  # "the d'Urberville family": no one man
            if gender and occurrence.bound_by == gender:
                continue  # "he had seen Durbeyfield's name … said he": the other man
            # A subject inside a reported content is no more salient than an object.
            subject = occurrence.subject and not self._in_reported(occurrence.offset)
            if best_sentence is None:
                best_sentence, chosen = occurrence.sentence, record
                if subject:
                    break
                continue
            if occurrence.sentence != best_sentence:
                break
            if subject:
                chosen = record
                break
        if chosen is not None and gender and chosen.gender is None:
            chosen.gender = gender
        return chosen

    def resolve_description(
        self, description: Description, offset: int, exclude: Iterable[tuple[int, int]]
    ) -> EntityRecord | None:
        if description.role is None and description.country is None:
            return None
        if description.plural or description.kind in {EntityKind.GROUP, None}:
            return None
        fitting = [o.record for o in self._before(offset, exclude) if o.record.fits(description)]
        if not fitting and description.kind is not EntityKind.ORGANIZATION:
            return None
        for record in fitting:
            if description.group and description.group in record.groups:
                return record
        if description.kind is EntityKind.ORGANIZATION:
            # "the airline": the nearest organisation whose name says it is one
            # ("EgyptAir"), else the nearest one
            # ("EgyptAir"), even inside what it said ("… with EgyptAir, the airline said":
            # an organisation speaks of itself by name), else the nearest one
            role = description.role
            if role is not None:
                for pool in (fitting, [o.record for o in self._before(offset, ())]):
                    for record in pool:
                        if record.fits(description) and org_name_fits(record.name, role):
                            return record
            return fitting[0] if fitting else None
        # An unnamed role ("the minister") with no one known to hold it is a new person,
        # unless the description is specific (nationality, or the head of a state) and
        # someone who has spoken fits it.
        if description.country or description.group == "head":
            for record in fitting:
                # "the Indiana governor": someone the text placed in Indiana; anyone else
                # is left to the recent subject and salience (``resolve_salient``)
                if record.spoke and (
                    description.country is None or description.country in record.countries
                ):
                    return record
        return None

    def _nearest(
        self,
        offset: int,
        exclude: Iterable[tuple[int, int]],
        wanted: Callable[[EntityRecord], bool],
    ) -> EntityRecord | None:
        """The entity of the nearest occurrence before ``offset`` that is ``wanted``."""
        return next((o.record for o in self._before(offset, exclude) if wanted(o.record)), None)

    def resolve_by_role(
        self,
        word: str,
        offset: int,
        exclude: Iterable[tuple[int, int]],
        description: Description | None = None,
    ) -> EntityRecord | None:
        """The nearest person before ``offset`` the text gave the role ``word``, whom the
        rest of the description (nationality, party) fits: "the Russian president" is not
        the Ukrainian one."""
        return self._nearest(
            offset,
            exclude,
            lambda r: (
                r.kind is EntityKind.PERSON
                and r.holds_role(word)
                and (description is None or r.fits(attrs.evolve(description, group=None)))
            ),
        )

    def next_holder(self, word: str, offset: int, description: Description) -> EntityRecord | None:
        """The person the text names next after ``offset`` (within ``HEADLINE_REACH``
        characters) with the role ``word``: whom a headline's description stands for."""
        best: tuple[int, EntityRecord] | None = None
        loose = attrs.evolve(description, group=None)
        for record in self.records:
            if record.kind is not EntityKind.PERSON or not record.holds_role(word):
                continue
            if not record.fits(loose):
                continue
            starts = [
                m.start for m in record.mentions if m.kind is MentionKind.NAME and m.start >= offset
            ]
            first = min(starts, default=None)
            if (
                first is not None
                and first - offset <= HEADLINE_REACH
                and (best is None or first < best[0])
            ):
                best = (first, record)
        return best[1] if best else None

    def holder_of(
        self, group: str, offset: int, exclude: Iterable[tuple[int, int]]
    ) -> EntityRecord | None:
        """The nearest entity before ``offset`` known to have the role group ``group``."""
        return self._nearest(offset, exclude, lambda r: group in r.groups)

    def recent_subject(
        self,
        description: Description,
        gender: str | None,
        offset: int,
        exclude: Iterable[tuple[int, int]],
    ) -> EntityRecord | None:
        """The named person a specific description continues: the subject of the main verb
        of one of the last ``RECENT_SENTENCES`` sentences before it ("Mike Pence said … |
        The Indiana governor said"), if the description fits them; the nearest first.
        Subjects inside quotation marks or reported contents never count."""
        sentences: list[int] = []
        for occurrence in self._before(offset, exclude):
            if occurrence.sentence not in sentences:
                sentences.append(occurrence.sentence)
                if len(sentences) > RECENT_SENTENCES:
                    return None
            if not occurrence.main or self._in_reported(occurrence.offset):
                continue
            if _named_person_fitting(occurrence.record, description, gender):
                return occurrence.record
        return None

    def nearest_named(
        self,
        description: Description,
        gender: str | None,
        offset: int,
        exclude: Iterable[tuple[int, int]],
    ) -> EntityRecord | None:
        """The named person the description fits whom the text mentioned last before
        ``offset``, outside quotation marks, asides and reported contents."""
        for occurrence in self._before(offset, exclude):
            if occurrence.aside or occurrence.modifier or self._in_reported(occurrence.offset):
                continue
            if _named_person_fitting(occurrence.record, description, gender):
                return occurrence.record
        return None

    def in_view(
        self,
        description: Description,
        gender: str | None,
        offset: int,
        exclude: Iterable[tuple[int, int]],
    ) -> EntityRecord | None:
        """The named person a specific description stands for: the recent main-clause
        subject it continues, else the one most in view."""
        return self.recent_subject(description, gender, offset, exclude) or self.resolve_salient(
            description, gender, offset, exclude
        )

    def resolve_salient(
        self,
        description: Description,
        gender: str | None,
        offset: int,
        exclude: Iterable[tuple[int, int]],
    ) -> EntityRecord | None:
        """The named person nearby that a specific description most likely stands for: of
        the people it fits (kind, nationality or state, gender), the one mentioned most
        often in the window before it (a mention as a subject counts twice); the nearest
        on a tie. When no one holds a role of its group, the group is let go: one person
        holds several roles."""
        strict = self._most_mentioned(description, gender, offset, exclude)
        if strict is not None:
            return strict
        loose = attrs.evolve(description, group=None)  # a senator may be the candidate
        return self._most_mentioned(loose, gender, offset, exclude)

    def _most_mentioned(
        self,
        description: Description,
        gender: str | None,
        offset: int,
        exclude: Iterable[tuple[int, int]],
    ) -> EntityRecord | None:
        counts: dict[int, int] = {}
        found: dict[int, EntityRecord] = {}
        for occurrence in self._before(offset, exclude):
            record = occurrence.record
            if not _named_person_fitting(record, description, gender):
                continue
            # a subject is what the text is about: it weighs double
            weight = 2 if occurrence.subject and not self._in_reported(occurrence.offset) else 1
            counts[record.key] = counts.get(record.key, 0) + weight
            found.setdefault(record.key, record)
        if not counts:
            return None
        return found[max(counts, key=lambda k: counts[k])]


def learn_roles(doc: Doc, records: Sequence[EntityRecord], text: str | None = None) -> None:
    """Titles before names and appositions tell which roles and nationality a person has
    (``text`` is ``doc.text``, which is rebuilt from every token on each access)."""
    doc_text = doc.text if text is None else text
    for record in records:
        for mention in record.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # "Ukrainian President Volodymyr Zelensky": modifiers just before the name.
            start = span.start
            while (
                start > 0
                and doc[start - 1].dep_ in {"compound", "amod"}
                and (doc[start - 1].head.i >= start)
            ):
                start -= 1
            titles = title_words(span)  # "President Putin": the title inside the name
            before = doc[start : span.start + titles]
            if len(before):
                description = describe(before)
                record.learn(description, before)
                if description.role is None and before[-1].pos_ == "NOUN":
                    text = role_text(before)  # "actor Tim Allen": a role word not listed
                    if text is not None:
                        record.roles.append(text)
            state = party_state(doc_text, mention.end)
            if state is not None and record.kind is EntityKind.PERSON:
                record.countries.add(state)
                party = party_tag(doc_text, mention.end)
                if party is not None:
                    record.parties.add(party)
            root = span.root
            for child in root.children:
                if child.dep_ == "appos" and child.pos_ == "NOUN":
                    _learn_apposition(record, child)
            head = root.head
            if root.dep_ == "appos" and (
                head.pos_ == "NOUN" or (head.pos_ == "PROPN" and is_role_word(head))
            ):
                _learn_apposition(record, head)  # "the director, Jo Roe"; "The Health Secretary, …"
            elif root.dep_ == "conj" and record.kind is EntityKind.PERSON:
                # "hosts Joe Roe and Jane Doe": the later names share the plural role
                first = root.head
                while first.dep_ == "conj" and first.head.i < first.i:
                    first = first.head
                if first.dep_ == "appos" and first.head.tag_ in {"NNS", "NNPS"}:
                    _learn_apposition(record, first.head)
                for title in first.lefts:  # "hosts Joe Roe and Jane Doe" as a title
                    if title.dep_ == "compound" and title.tag_ == "NNS" and is_role_word(title):
                        _learn_apposition(record, title)


def _learn_apposition(record: EntityRecord, noun: Token) -> None:
    """An apposition names a role even when the role word is not in the lexicon ("a coastal
    engineer at the University of Northmoor"): the whole phrase up to a comma."""
    a, b = noun_phrase(noun)
    phrase = noun.doc[a:b]
    description = describe(phrase)
    plural = noun.tag_ in {"NNS", "NNPS"}
    if plural and record.kind is EntityKind.PERSON and description.kind is EntityKind.GROUP:
        # "the show's hosts, Joe Roe and Jane Doe": each of them is a host
        singular = describe([noun])
        if singular.role is not None and singular.group == description.group:
            description = attrs.evolve(description, kind=EntityKind.PERSON, plural=False)
            record.roles.append(noun.lemma_.lower())
    record.learn(description)
    gender = _NOUN_GENDER.get(noun.lower_) or _NOUN_GENDER.get(noun.lemma_.lower())
    if gender and record.gender is None and record.kind is EntityKind.PERSON:
        record.gender = gender  # "his wife, Jane": a woman
    if noun.tag_ not in {"NNS", "NNPS"}:
        text = role_text(phrase)
        if text is not None:
            record.roles.append(text)


# Nouns that tell the gender of the person a description stands for ("the girl", "a lady").
_NOUN_GENDER: dict[str, str] = {row[0]: row[1] for row in load_table("gendered_nouns.tsv")}
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_GENDERED = _HE | _SHE


def says_person(span: Span) -> bool:
    """Do a description's words say it is a person (a role, a gendered noun, a noun for
    people such as "stranger"), or is it someone's ("Tom's new acquaintance")? "The low
    crotch of the vest" is none of these."""
    root = span.root
    if root.pos_ != "NOUN" or describe(span).kind is not None or noun_gender(span) is not None:
        return True
    if any(child.dep_ == "poss" for child in root.children):
        return True
    words = {root.lower_, root.lemma_.lower()}
    # The lists are never complete: a word formed like a noun for a doer ("ferryman",
    # "blacksmith", "innkeeper", "novelist") may be a person too.
    return bool(words & (_NARRATIVE_PEOPLE | _PERSON_NOUNS)) or any(
        _PERSON_SUFFIX.search(word) for word in words
    )


def noun_gender(span: Span) -> str | None:
    """Gender "m"/"f" that the head noun of a description tells, if it tells one."""
    root = span.root
    return _NOUN_GENDER.get(root.lower_) or _NOUN_GENDER.get(root.lemma_.lower())


# Common nouns for people that narration keeps referring to ("the boy", "the old woman"):
# gendered nouns above plus a few that tell no gender.
_NARRATIVE_PEOPLE = frozenset(_NOUN_GENDER) | word_list("ungendered_people")
_PERSON_NOUNS = word_list("person_nouns") | word_list("person_words")
# Endings of nouns for a doer ("ferryman", "blacksmith", "innkeeper", "novelist").
_PERSON_SUFFIX = re.compile(
    "(?:" + "|".join(sorted(word_list("person_noun_endings"), key=len, reverse=True)) + ")$"
)


_SUBJECT_DEPS = frozenset({string_id("nsubj"), string_id("nsubjpass")})
_NOUN = pos_id("NOUN")


def narrative_people(doc: Doc, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of definite descriptions of people that are the subject of a narrative
    sentence ("The boy dropped his bundle"): in fiction they are characters, and pronouns
    refer to them as much as to names."""
    inside = SpanSet(quoted)
    out = []
    deps, tags = token_columns(doc, [DEP, POS])  # no Token for most tokens
    for i, (dep, pos) in enumerate(zip(deps, tags, strict=True)):
        if dep not in _SUBJECT_DEPS or pos != _NOUN:
            continue
        token = doc[i]
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "NOUN":
            continue
        if token.lower_ not in _NARRATIVE_PEOPLE or token.tag_ in {"NNS", "NNPS"}:
            continue
        det = next((c for c in token.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            continue
        if token.idx in inside:
            continue
        out.append((det.i, token.i + 1))
    return out


_ONE_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’-]*")


def _addressed_in_quotes(text: str, word: str, quoted: Sequence[tuple[int, int]]) -> bool:
    """Is ``word`` used to address someone inside quotation marks ("Yes, Amory.",
    "Amory, come here")? One addresses people, not companies or places: the word stands
    between punctuation (or the quote's ends), with only spaces around it. (A search per
    word, not a regular expression compiled for each name.)"""
    for a, b in quoted:
        inner = text[a:b].strip(" \"'“”‘’«»")
        k = inner.find(word)
        while k >= 0:
            before = inner[:k].rstrip()
            after = inner[k + len(word) :].lstrip()
            if (not before or before[-1] in _ADDRESS_MARKS) and (
                not after or after[0] in _ADDRESS_MARKS
            ):
                return True
            k = inner.find(word, k + 1)
    return False


_ADDRESS_MARKS = frozenset(",;!?.—–-")


def learn_people(
    doc: Doc,
    records: Sequence[EntityRecord],
    quoted: Sequence[tuple[int, int]],
    text: str | None = None,
) -> None:
    """The recogniser often labels a character's one-word name an organisation ("Amory"
    looked up). Such a name is a person when the text treats it as one: someone addresses
    it by name inside quotation marks, or it is the subject of sentences whose gendered
    pronouns all agree ("Amory shrugged as he went out") and that name no one else."""
    spans = sorted(quoted)
    text = doc.text if text is None else text  # doc.text is rebuilt on each access
    inside = SpanSet(spans)

    for record in records:
        if record.kind is not EntityKind.ORGANIZATION or not record.mentions:
            continue
        forms = {m.text for m in record.mentions}
        if len(forms) != 1 or not _ONE_NAME_WORD.fullmatch(next(iter(forms))):
            continue
        word = next(iter(forms))
        if _addressed_in_quotes(text, word, spans):
            record.kind = EntityKind.PERSON
            continue
        genders: set[str] = set()
        for mention in record.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.start in inside or span.root.dep_ != "nsubj":
                continue
            sent = span.sent
            if any(e.start != span.start and e.label_ in {"PERSON", "ORG"} for e in sent.ents):
                continue
            genders |= {
                "m" if t.lower_ in _HE else "f"
                for t in sent
                if t.i > span.root.i and t.lower_ in _GENDERED and t.idx not in inside
            }
        if len(genders) == 1:
            record.kind = EntityKind.PERSON


def learn_genders(
    doc: Doc, records: Sequence[EntityRecord], quoted: Sequence[tuple[int, int]]
) -> None:
    """Learn the gender of people whose names do not tell it ("Tess", "Dick"): from a title
    just before a name that the recogniser left out of it ("Mrs. | Bennet"), else from the
    pronouns of the sentences they are the subject of: "Tess looked up as she passed" makes
    Tess a woman. A sentence counts only when it names no one else and its gendered pronouns
    (outside quotation marks) all agree; the majority over such sentences wins."""
    inside = SpanSet(quoted)
    sentences = Sentences(doc)
    owners: dict[int, list[tuple[EntityRecord, int]]] = {}  # sentence start -> named people
    for record in records:
        if record.kind is not EntityKind.PERSON:
            continue
        titled: set[str] = set()
        for mention in record.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if span.start > 0:  # a title the recogniser left out of the name: "Mrs. | Bennet"
                gender = name_gender(f"{doc[span.start - 1].text} {mention.text}")
                if gender is not None:
                    titled.add(gender)
            if mention.start not in inside:
                owners.setdefault(sentences.start_of(span.start), []).append((record, span.root.i))
        if record.gender is None and len(titled) == 1:
            record.gender = titled.pop()
    votes: dict[int, list[int]] = {}
    for sent_start, named in owners.items():
        if len({id(r) for r, _i in named}) != 1:
            continue
        record, head = named[0]
        if record.gender is not None or doc[head].dep_ not in {"nsubj", "nsubjpass"}:
            continue
        start, end = sentences.of(sent_start)
        found = {
            "m" if t.lower_ in _HE else "f"
            for t in doc[start:end]
            if t.i > head and t.lower_ in _GENDERED and t.idx not in inside
        }
        if len(found) == 1:
            counts = votes.setdefault(id(record), [0, 0])
            counts["mf".index(found.pop())] += 1
    for record in records:
        tally = votes.get(id(record))
        if tally and record.gender is None and tally[0] != tally[1]:
            record.gender = "m" if tally[0] > tally[1] else "f"


def mention_kind(span: Span) -> MentionKind:
    if len(span) == 1 and (
        pronoun_features(span[0].text) is not None or span[0].tag_ in {"WP", "WDT"}
    ):
        return MentionKind.PRONOUN
    if span.root.pos_ == "PROPN":
        return MentionKind.NAME
    return MentionKind.NOMINAL
