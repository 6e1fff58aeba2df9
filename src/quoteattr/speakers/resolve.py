"""Speaker resolution: the source mention of each candidate quote becomes an entity.

Name mentions are clustered into entities (``speakers.names``); pronouns and descriptions are
resolved against them (``speakers.coref``); quotes with no cue of their own go through the
dialogue sieves (``speakers.dialogue``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs
from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_TITLE, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_table, word_list
from ..rules.quotes import Candidate, token_chars
from ..rules.sources import is_relative_pronoun, issuer_of, noun_phrase
from ..rules.syntax import Sentences, first_child, pos_id, token_columns
from ..types import Entity, EntityKind, Mention, MentionKind, QuoteKind
from . import coref
from .coref import EntityRecord, Resolver
from .dialogue import DialogueSieves, Turn
from .names import (
    NameMention,
    Roster,
    acronym,
    cluster_names,
    is_honorific,
    is_listed_forename,
    same_name_word,
)
from .profile import GENDER_LABELS, distinct_roles, is_named, role_text

__all__ = ["SpeakerResolver", "build_entities"]

_ENTITY_LABELS = {"PERSON": EntityKind.PERSON, "ORG": EntityKind.ORGANIZATION}
_SPEAKER_ONLY_LABELS = {"GPE": EntityKind.ORGANIZATION, "NORP": EntityKind.GROUP}
_NOT_NAME_START = frozenset(
    {"ADV", "DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "VERB", "SPACE"}
)
# Role groups of roles.tsv that unnamed sources hold ("a spokesman", "the official"): a
# description of one is a source of its own, never a guess at someone named.
_ANONYMOUS_GROUPS = word_list("anonymous_role_groups")
# At most this many characters (the cue, "he said on Monday.") between a direct quote and
# the next quotation marks for the same speaker to go on in them.
_CONTINUED_QUOTE_GAP = 80
# Nouns for an organisation itself ("group", "movement"), after an acronym its name.
_ORG_SELF_NOUNS = word_list("organisation_self_nouns")
# Nouns for a person ("friend", "neighbour"): one before a proper noun makes it a name.
_PERSON_NOUNS = word_list("person_nouns")
_DOCUMENT_NOUNS = word_list("document_nouns")
_SURNAME_PARTICLES = word_list("surname_particles")
# How many closing sentences may hold an opinion piece's line about its writer.
BIO_SENTENCES = 2
# Nouns for what someone said ("comment", "statement"): as a source they stand for the
# person whose words they are.
_REPORT_NOUNS = frozenset(row[0] for row in load_table("cue_nouns.tsv"))
# "His forefinger pointed", "her eyes asked": a part of someone stands for that someone.
_PERSON_PARTS = word_list("person_parts")
# What someone wrote or is known for saying: its possessor is the author.
_AUTHORED_NOUNS = word_list("authored_nouns")
_RESTATING_DASHES = frozenset({"--", "—", "–"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
# An emphatic reflexive after a description ("the candidate himself") and its gender.
_EMPHATIC = {"himself": "m", "herself": "f"}
# Role groups of organisations that belong to a person: "the campaign" is a candidate's.
_PERSON_OWNED = word_list("person_owned_role_groups")
_TITLES = word_list("name_titles")
# Last words of the names of buildings and places ("Trump Tower"), sports clubs ("X Rovers")
# and companies ("X Labs"): never of a person.
_PLACE_HEADS = (
    word_list("place_name_heads") | word_list("team_name_heads") | word_list("company_name_ends")
)
_ORG_NAME_WORDS = word_list("organisation_name_words")
# Last words of organisation names that go on with "for" ("Court of Appeals for …").
_FOR_NAME_HEADS = word_list("for_name_heads")
# Lemmas of the speech verbs ("tell", "say"), for a headline verb glued to a name.
_CUE_LEMMAS = frozenset(row[0] for row in load_table("cue_verbs.tsv") if row[1:2] == ["speech"])
_SIEVE_CONFIDENCE = {
    "continuation": 0.6,
    "dialogue-cue": 0.6,
    "narration-sentence": 0.55,
    "dialogue-vocative": 0.55,
    "dialogue-self": 0.55,
    "dialogue-narration": 0.5,
    "dialogue-turns": 0.5,
    "dialogue-reply": 0.5,
    "dialogue-paragraph": 0.45,
    "dialogue-other": 0.4,
    "unattributed": 0.3,
}


def _opens_narration(token: Token) -> bool:
    """A capitalised word that opens a sentence of narration, set off by a comma, as an
    interjection ("Nay, the observer might …") or the first of a list of things ("Pillows,
    books, a footstool …"): the recogniser's name there is a common word."""
    doc = token.doc
    if not token.is_sent_start or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    if token.dep_ in {"intj", "advmod"}:
        return True
    # A list: two or more common nouns hung on it, one at least bare ("…, books, …"); a
    # person's apposition has its determiner ("Tom, the clerk, …").
    items = [c for c in token.children if c.dep_ in {"appos", "conj"} and c.pos_ == "NOUN"]
    bare = any(not any(d.dep_ in {"det", "poss"} for d in c.children) for c in items)
    return len(items) >= 2 and bare


class SpeakerResolver:
    """Turns candidates' source mentions into entities."""

    def __init__(self, doc: Doc, text: str, spans, roster: Roster | None) -> None:
        self.doc = doc
        self.text = text
        self.roster = roster
        # Every form the roster lists, lower-cased: names the tagger may not see as names.
        self.roster_forms = {
            form.lower() for key, aliases in (roster or {}).items() for form in (key, *aliases)
        }
        self.quoted = [(s.content_start, s.content_end) for s in spans]
        self._narrator_record: EntityRecord | None = None
        self._described: dict[str, EntityRecord] = {}
        self._introductions: dict[str, int] | None = None

    def _name_mentions(self, candidates: list[Candidate]) -> list[NameMention]:
        doc, text = self.doc, self.text
        found: dict[tuple[int, int], NameMention] = {}
        source_chars = set()
        for candidate in candidates:
            if candidate.source is not None:
                s, e = candidate.source
                source_chars.add(token_chars(doc, s, e))
        interjections = self._interjections()
        ents = list(doc.ents)
        joined: set[int] = set()  # the starts of entities an earlier name took in
        for k, ent in enumerate(ents):
            if ent.start in joined:
                continue
            if len(ent) == 1 and (ent.text in interjections or _plural_role(ent[0])):
                continue  # "Nay, …"; "Aides said": people in a role, not a name
            kind = _ENTITY_LABELS.get(ent.label_)
            if kind is None:
                kind = _SPEAKER_ONLY_LABELS.get(ent.label_)
                if kind is None or not any(a <= ent.start_char < b for a, b in source_chars):
                    continue
            if kind is EntityKind.GROUP and _party_member(ent):
                continue  # "The Republican said": one person of the party, not a name
            if kind is EntityKind.ORGANIZATION and _person_in_apposition(ent):
                kind = EntityKind.PERSON  # "The prime minister, Keir Holloway, said"
            first = _after_dateline(doc, ent.start, ent.end)
            while first < ent.end - 1 and (
                doc[first].pos_ in _NOT_NAME_START or _role_before_name(doc[first], kind)
            ):
                first += 1  # "Later Zelenskiy", "The Kremlin", "Comedian Rob Tanner"
            last = ent.end
            if kind is EntityKind.ORGANIZATION and k + 1 < len(ents):
                after = ents[k + 1]
                if _continues_org_name(ent, after):
                    last = after.end  # "the Court of Appeals | for the 3rd Circuit"
                    joined.add(after.start)
            if kind is EntityKind.PERSON and doc[ent.end - 1].lower_ in _PLACE_HEADS:
                kind = EntityKind.ORGANIZATION  # "Trump Tower", "X Rovers", "X Labs"
            if kind is EntityKind.PERSON:
                first, last = _person_bounds(doc, text, first, last)
            start, end = _strip_possessive(
                text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
            )
            if kind is EntityKind.PERSON:
                end = _glued_surname_end(doc, text, last, end)
            start = _after_glued_quote(text, start, end)
            if end > start:
                found[(start, end)] = NameMention(
                    Mention.of(text, start, end, MentionKind.NAME), kind
                )
        # Proper-noun speakers the recogniser missed ("Smith said"), and a person's surname
        # the tagger took for a common noun in a headline ("Update: Smith urges voters").
        surnames = {
            m.mention.text.split()[-1] for m in found.values() if m.kind is EntityKind.PERSON
        }
        acronyms = {
            acronym(m.mention.text)
            for m in found.values()
            if m.kind is EntityKind.ORGANIZATION and " " in m.mention.text
        }
        for candidate in candidates:
            if candidate.source is None:
                continue
            s, e = candidate.source
            root = doc[s:e].root
            glued = _after_glued_quote(text, root.idx, root.idx + len(root.text))
            if glued > root.idx and text[glued].isupper():  # “… the courts,”Marsh said
                span = _strip_possessive(text, glued, root.idx + len(root.text))
                mention = Mention.of(text, *span, MentionKind.NAME)
                found.setdefault(span, NameMention(mention, EntityKind.PERSON))
                continue
            letters = root.text.replace(".", "")
            if len(letters) >= 2 and letters.isupper() and letters in acronyms:
                span = (root.idx, root.idx + len(root.text))  # "the S.E.C." after its full name
                mention = Mention.of(text, *span, MentionKind.NAME)
                found.setdefault(span, NameMention(mention, EntityKind.ORGANIZATION))
                continue
            if (
                root.pos_ in {"NOUN", "ADV"}
                and root.is_title
                and not root.ent_type_
                and root.text in surnames
            ):
                span = (root.idx, root.idx + len(root.text))
                mention = Mention.of(text, *span, MentionKind.NAME)
                found.setdefault(span, NameMention(mention, EntityKind.PERSON))
                continue
            rostered = self._rostered(s, e)
            if rostered is not None:
                mention = Mention.of(text, *rostered, MentionKind.NAME)
                found.setdefault(rostered, NameMention(mention, EntityKind.PERSON))
                continue
            if _capitalised_role(root):
                continue  # "The Opposition Leader, David Roe, said": a role, not a name
            if root.pos_ != "PROPN":
                # "his friend, Idriss Brahim, told": the name in apposition to a person noun
                root = next(
                    (
                        c
                        for c in root.children
                        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > root.i
                    ),
                    root,
                )
                if root.pos_ != "PROPN" or not root.ent_type_:
                    continue
                s = root.head.i  # the person noun: the name starts after it
            a, b = root.i, root.i + 1
            while a > s and doc[a - 1].pos_ == "PROPN":
                a -= 1
            if b - a == 1 and root.text not in surnames and _headline_role(root):
                continue  # "Minister vows …": the role the article's person holds, no name
            if root.ent_type_ and not (
                all(
                    t.ent_type_ not in _ENTITY_LABELS and t.ent_type_ not in _SPEAKER_ONLY_LABELS
                    for t in doc[a:b]
                )
                and _after_person_role(doc, a, s)
            ):
                continue  # a name the recogniser labelled; "his friend <PRODUCT>" is a person
            start, end = _strip_possessive(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
            if end > start:
                found.setdefault(
                    (start, end),
                    NameMention(Mention.of(text, start, end, MentionKind.NAME), EntityKind.PERSON),
                )
        self._missed_surnames(found)
        return _person_surnames_win([found[k] for k in sorted(found)])

    def _missed_surnames(self, found: dict[tuple[int, int], NameMention]) -> None:
        """A surname the recogniser missed ("Palmer’s presence …", "Palmer encountered …")
        after the text named the person in full: a name mention all the same, so that the
        pronouns after it can find the person. Only a proper noun standing alone, outside
        every name already found."""
        first_full: dict[str, int] = {}
        for (start, _end), item in sorted(found.items()):
            words = item.mention.text.split()
            if item.kind is EntityKind.PERSON and len(words) > 1 and words[-1][:1].isupper():
                first_full.setdefault(words[-1], start)
        if not first_full:
            return
        doc, text = self.doc, self.text
        spans = sorted(found)
        starts = [a for a, _ in spans]
        wanted = {doc.vocab.strings.add(word) for word in first_full}
        propn = pos_id("PROPN")
        pos, ent, orth = token_columns(doc, [POS, ENT_TYPE, ORTH])  # no Token for most
        for i, (p, e, o) in enumerate(zip(pos, ent, orth, strict=True)):
            if p != propn or e or o not in wanted:
                continue
            token = doc[i]
            start = token.idx
            if start <= first_full[token.text]:
                continue
            k = bisect.bisect_right(starts, start)
            if k and spans[k - 1][1] > start:
                continue  # inside a name already found
            neighbours = (doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc))
            if any(t.pos_ == "PROPN" for t in neighbours):
                continue  # part of a longer name ("Palmer Station")
            end = start + len(token.text)
            found[(start, end)] = NameMention(
                Mention.of(text, start, end, MentionKind.NAME), EntityKind.PERSON
            )

    def _rostered(self, s: int, e: int) -> tuple[int, int] | None:
        """A source phrase the roster lists ("Mercy", "the coach"), whatever the tagger made
        of it: the roster is the user's word that this is a name."""
        if not self.roster_forms:
            return None
        words = list(self.doc[s:e])
        while words:  # the phrase as written, then without its determiners, one at a time
            if " ".join(t.lower_ for t in words) in self.roster_forms:
                return words[0].idx, words[-1].idx + len(words[-1])
            if words[0].pos_ != "DET":
                return None
            words = words[1:]
        return None

    def _interjections(self) -> set[str]:
        """Capitalised words the recogniser takes for names that only ever open a quotation,
        with punctuation after them: "Nay, …", "Nonsense!". A real name turns up elsewhere
        too; one that only opens quotations is an interjection."""
        doc, text = self.doc, self.text
        openings = set()
        for start, end in self.quoted:
            while start < end and text[start].isspace():
                start += 1
            openings.add(start)
        opening: dict[str, bool] = {}
        titles, puncts = token_columns(doc, [IS_TITLE, IS_PUNCT])  # no Token for most
        for i, (title, punct) in enumerate(zip(titles, puncts, strict=True)):
            if not title or punct:
                continue
            token = doc[i]
            starts = token.idx in openings and i + 1 < len(doc) and puncts[i + 1] == 1
            opening[token.text] = opening.get(token.text, True) and (
                starts or _opens_narration(token)
            )
        return {word for word, only in opening.items() if only}

    def attribute(
        self, candidates: list[Candidate]
    ) -> tuple[list[EntityRecord], list[tuple[Candidate, EntityRecord | None]]]:
        doc = self.doc
        names = self._name_mentions(candidates)
        clusters = cluster_names(names, self.roster)
        records: list[EntityRecord] = []
        name_owner: list[tuple[int, int, EntityRecord]] = []
        for cluster in clusters:
            named = EntityRecord(
                key=len(records), name=cluster.name, kind=cluster.kind, gender=cluster.gender,
                aliases=list(cluster.aliases),
                mentions=[names[i].mention for i in cluster.members],
            )  # fmt: skip
            records.append(named)
            name_owner.extend((m.start, m.end, named) for m in named.mentions)
        name_owner.sort(key=lambda t: t[0])
        coref.learn_roles(doc, records, self.text)
        coref.learn_people(doc, records, self.quoted, self.text)
        coref.learn_genders(doc, records, self.quoted)
        resolver = Resolver(doc, records, self.quoted, self.text)
        resolver.set_reported((f[0], f[1]) for c in candidates for f in c.fragments)
        for s, e in coref.narrative_people(doc, self.quoted):  # "the boy" of a novel
            self._resolve_span(s, e, (), records, name_owner, resolver)

        def narration(s: int, e: int, exclude, create: bool) -> EntityRecord | None:
            return self._resolve_span(s, e, exclude, records, name_owner, resolver, create)

        sieves = DialogueSieves(self.text, records, self.quoted, doc, narration)
        resolved: dict[int, EntityRecord | None] = {}
        out: list[tuple[Candidate, EntityRecord | None]] = []
        history: list[Turn] = []
        for candidate in candidates:
            record = None
            if self._first_person_in_quote(candidate):
                pass  # the quote's speaker, once all are known (below)
            elif self._source_in_content(candidate):
                # "“Rudolf!” exclaimed my brother's wife": the parse took a word inside the
                # quote for its source; the speaker is named between the quote and its cue
                # ("“…, Mr. President,” Rep. Jane Roe told him"), else after the cue
                teller = self._named_before_cue(candidate)
                if teller is None and candidate.cue is not None:
                    teller = sieves.inverted_subject(doc[candidate.cue.head])
                record = sieves.entity_of(teller, candidate.fragments) if teller else None
                rule = candidate.rule
                candidate.source = noun_phrase(teller) if teller and record else None
                if record is not None:
                    record.spoke = True
                if record is None:
                    cue = candidate.cue.head if candidate.cue is not None else None
                    record, rule = sieves.speaker(
                        candidate.start, history, candidate.fragments, cue
                    )
                if rule not in {"cue", candidate.rule}:
                    candidate.rule, candidate.confidence = rule, _SIEVE_CONFIDENCE.get(rule, 0.5)
            elif candidate.source is not None:
                record = self._resolve(candidate, records, name_owner, resolver)
                if record is not None:
                    record.spoke = True
            elif candidate.follows is not None:
                record = resolved.get(id(candidate.follows))
            elif candidate.cue is None or candidate.kind is QuoteKind.DIRECT:
                # No cue, or a cue whose speaker the parse did not give: the dialogue sieves.
                cue = candidate.cue.head if candidate.cue is not None else None
                record, rule = sieves.speaker(candidate.start, history, candidate.fragments, cue)
                if candidate.cue is not None and rule in {"cue", "unattributed"}:
                    rule = candidate.rule  # the cue's own speaker, or none
                candidate.rule = rule
                candidate.confidence = _SIEVE_CONFIDENCE.get(rule, candidate.confidence)
                if rule == "continuation" and candidate.cue is None:  # borrow its mention
                    candidate.follows = next(
                        c
                        for c, r in reversed(out)
                        if r is record or r is None or c.kind is not QuoteKind.INDIRECT
                    )
            resolved[id(candidate)] = record
            out.append((candidate, record))
            if candidate.kind is QuoteKind.INDIRECT:
                continue  # turns of dialogue are quoted speech; narration does not count
            history.append(
                Turn(candidate.start, candidate.end, sieves.paragraph(candidate.start), record,
                     candidate.fragments, self._tail(candidate),
                     candidate.kind is QuoteKind.DIRECT)
            )  # fmt: skip
        out = self._quoted_first_person(out, records, name_owner, resolver)
        if self._narrator_record is not None:
            name = sieves.narrators_name(self._narrator_record, history)
            out = self._name_narrator(name or self._writer_in_bio(name_owner), records, out)
        return records, out

    def _named_before_cue(self, candidate: Candidate) -> Token | None:
        """The head of the first noun phrase between a quote and its cue verb after it
        ("“…,” Trump, 70, told CNN"), outside the marks."""
        if candidate.cue is None or candidate.source is None:
            return None
        doc = self.doc
        for token in doc[candidate.source[1] : candidate.cue.head]:
            if any(a <= token.idx < b for a, b in self.quoted):
                continue
            if token.pos_ in {"PROPN", "NOUN"} and token.dep_ not in {"compound", "poss", "amod"}:
                return token
        return None

    def _source_in_content(self, candidate: Candidate) -> bool:
        """Does the parse's source lie inside the quotation it is the source of ("“She is
        a lucky girl,” replied another voice" with *She* as the subject)? Words inside the
        marks are what was said, never who said it."""
        if candidate.source is None or candidate.kind is not QuoteKind.DIRECT:
            return False
        s, e = candidate.source
        at = self.doc[s].idx
        if not any(a <= at < b for a, b in candidate.fragments):
            return False
        # A third-person pronoun ("She is a lucky girl") or a name called out ("Rudolf!",
        # "Tom, come here"); not a name the speaker gives as their own ("Sir John -- that's
        # who I am").
        features = coref.pronoun_features(self.doc[s].text) if e - s == 1 else None
        if features is not None:
            return features[1] != "first"  # "I" is the speaker (_first_person_in_quote)
        after = self.text[self.doc[e - 1].idx + len(self.doc[e - 1]) :].lstrip(" ")
        return after[:1] in {",", "!", "?"}

    def _first_person_in_quote(self, candidate: Candidate) -> bool:
        """Is the source a lone "I"/"me" inside quotation marks ("“And I know a lot of
        people would say …,” he said")? That "I" is the one quoted, not the writer."""
        if candidate.source is None:
            return False
        s, e = candidate.source
        if e - s != 1 or self.doc[s].lower_ not in {"i", "me"}:
            return False
        at = self.doc[s].idx
        return any(a <= at < b for a, b in self.quoted)

    def _quote_speaker_at(
        self, at: int, candidate: Candidate, out: list[tuple[Candidate, EntityRecord | None]]
    ) -> EntityRecord | None:
        """Who speaks the quotation marks around offset ``at``: the direct quote that holds
        it, else the one closed just before in the same paragraph, whose cue sits between
        ("“…,” he said on Monday. “And I know …”": the same speaker goes on)."""
        opening = next((a for a, b in self.quoted if a <= at < b), None)
        if opening is None:
            return None
        before: EntityRecord | None = None
        for other, record in out:
            if other is candidate or other.kind is not QuoteKind.DIRECT or record is None:
                continue
            if any(a <= at < b for a, b in other.fragments):
                return record
            gap = self.text[other.end : opening]
            if other.end <= opening and len(gap) <= _CONTINUED_QUOTE_GAP and "\n" not in gap:
                before = record
        return before

    def _quoted_first_person(
        self,
        out: list[tuple[Candidate, EntityRecord | None]],
        records: list[EntityRecord],
        name_owner: list[tuple[int, int, EntityRecord]],
        resolver: Resolver,
    ) -> list[tuple[Candidate, EntityRecord | None]]:
        """Give each quoted first-person source the speaker of the direct quote it sits in;
        with no such quote, the usual first-person reading."""
        result = []
        for candidate, record in out:
            if self._first_person_in_quote(candidate):
                assert candidate.source is not None
                at = self.doc[candidate.source[0]].idx
                record = self._quote_speaker_at(at, candidate, out) or self._resolve(
                    candidate, records, name_owner, resolver
                )
                if record is not None:
                    record.spoke = True
            result.append((candidate, record))
        return result

    def _name_narrator(
        self,
        name: EntityRecord | str | None,
        records: list[EntityRecord],
        out: list[tuple[Candidate, EntityRecord | None]],
    ) -> list[tuple[Candidate, EntityRecord | None]]:
        """Give the first-person narrator the name the text gives them (``dialogue``): a
        known person's record is merged into the narrator's."""
        narrator = self._narrator_record
        if narrator is None or name is None:
            return out
        if isinstance(name, str):
            narrator.name = name
            return out
        narrator.name = name.name
        narrator.aliases.extend(name.aliases)
        narrator.roles.extend(name.roles)
        narrator.mentions.extend(name.mentions)
        narrator.gender = narrator.gender or name.gender
        records.remove(name)
        return [(c, narrator if r is name else r) for c, r in out]

    def _writer_in_bio(
        self, name_owner: list[tuple[int, int, EntityRecord]]
    ) -> EntityRecord | None:
        """The writer of an opinion piece, named in the closing line about them ("Jane Roe
        is a head teacher in Bristol."): one of the last sentences, opening its paragraph,
        whose subject is a person's name and whose verb is *be*, naming someone the text
        mentions nowhere else. The "I" of the piece is that person, and what the line
        calls them is a role."""
        doc, text = self.doc, self.text
        for first, end in reversed(Sentences(doc).bounds()[-BIO_SENTENCES:]):
            sent = doc[first:end]
            root = sent.root
            if root.lemma_ != "be":
                continue
            if sent.start and "\n" not in text[doc[sent.start - 1].idx : sent.start_char]:
                continue  # not the start of a paragraph
            subject = first_child(root, "nsubj")
            record = None if subject is None else self._person_at(name_owner, subject)
            if record is None or not all(
                sent.start_char <= m.start < sent.end_char for m in record.mentions
            ):
                continue
            attribute = first_child(root, "attr")
            if attribute is not None:
                role = role_text(doc[slice(*noun_phrase(attribute))])
                if role is not None:
                    record.roles.append(role)  # "a head teacher in Bristol"
            return record
        return None

    def _tail(self, candidate: Candidate) -> int | None:
        """Where a quote's own cue and source end when they follow it ("…,” said the parson)."""
        cue = candidate.cue
        ends = [
            token_chars(self.doc, *tokens)[1]
            for tokens in (candidate.source, (cue.start, cue.end) if cue else None)
            if tokens is not None and tokens[1] > tokens[0]
        ]
        end = max(ends, default=candidate.end)
        return end if end > candidate.end else None

    def _narrator(self, records: list[EntityRecord], resolver: Resolver) -> EntityRecord:
        """A first-person speaker outside quotation marks is the narrator (or the writer):
        one entity whose mentions are every "I" and "me" of the narration."""
        if self._narrator_record is None:
            record = EntityRecord(key=len(records), name="the narrator", kind=EntityKind.PERSON)
            records.append(record)
            for token in self.doc:
                if token.lower_ in {"i", "me"} and token.pos_ == "PRON":
                    mention = Mention.of(
                        self.text, token.idx, token.idx + len(token), MentionKind.PRONOUN
                    )
                    resolver.note_mention(mention, record)
            self._narrator_record = record
        return self._narrator_record

    @staticmethod
    def _name_owner(
        name_owner: list[tuple[int, int, EntityRecord]], start: int, end: int
    ) -> EntityRecord | None:
        """The entity whose name covers the head word of a speaker phrase."""
        k = bisect.bisect_left(name_owner, end, key=lambda t: t[0])  # those starting before end
        for a, b, record in reversed(name_owner[max(0, k - 3) : k]):
            if a < end and start < b:
                return record
        return None

    @classmethod
    def _token_owner(
        cls, name_owner: list[tuple[int, int, EntityRecord]], token: Token
    ) -> EntityRecord | None:
        """The entity whose name covers ``token``."""
        return cls._name_owner(name_owner, token.idx, token.idx + len(token.text))

    @classmethod
    def _person_at(
        cls, name_owner: list[tuple[int, int, EntityRecord]], token: Token
    ) -> EntityRecord | None:
        """The person whose name covers ``token`` (None for an organisation's name)."""
        owner = cls._token_owner(name_owner, token)
        return owner if owner is not None and owner.kind is EntityKind.PERSON else None

    def _resolve(self, candidate, records, name_owner, resolver) -> EntityRecord | None:
        s, e = candidate.source
        exclude = [(f[0], f[1]) for f in candidate.fragments]
        group = self._coordination(s, e, records, resolver)
        if group is not None:
            return group
        return self._resolve_span(s, e, exclude, records, name_owner, resolver)

    def _coordination(
        self, s: int, e: int, records: list[EntityRecord], resolver: Resolver
    ) -> EntityRecord | None:
        """Several sources joined by *and* ("Cummings and Conyers said", "Sens. A, B and C
        said") are a group of their own, not the first of them."""
        doc = self.doc
        root = doc[s:e].root
        conj = first_child(root, "conj")
        if conj is None or conj.pos_ not in {"NOUN", "PROPN"} or root.pos_ not in {"NOUN", "PROPN"}:
            return None
        # the "and" may close a longer list ("Sens. A, B, C and D"): anywhere in the chain
        if not any(
            t.dep_ == "cc" and t.lower_ in {"and", "&"} for t in doc[root.i : conj.right_edge.i + 1]
        ):
            return None
        start, end = token_chars(doc, s, max(e, conj.right_edge.i + 1))
        kind = MentionKind.NAME if root.pos_ == conj.pos_ == "PROPN" else MentionKind.NOMINAL
        mention = Mention.of(self.text, start, end, kind)
        key = " ".join(mention.text.lower().split())
        record = self._described.get(key)
        if record is None:
            record = EntityRecord(key=len(records), name=mention.text, kind=EntityKind.GROUP)
            records.append(record)
            self._described[key] = record
        resolver.note_mention(mention, record)
        if mention not in record.mentions:
            record.mentions.append(mention)
        return record

    def _resolve_span(
        self, s, e, exclude, records, name_owner, resolver, create: bool = True
    ) -> EntityRecord | None:
        """The entity of the mention in tokens [s, e); ``create``: an unnamed description
        may become an entity of its own."""
        doc, text = self.doc, self.text
        start, end = token_chars(doc, s, e)
        if e - s == 1 and is_relative_pronoun(doc[s]):
            # "the study, which notes …": the entity of the noun the clause hangs on
            a, b = noun_phrase(doc[s].head.head)
            if doc[s].lower_ in {"who", "whom"}:
                person = self._person_above(doc[s], name_owner)
                if person is not None:  # "John Roe, a staffer at the agency who told …"
                    resolver.note_mention(Mention.of(text, start, end, MentionKind.PRONOUN), person)
                    return person
            record = self._resolve_span(a, b, exclude, records, name_owner, resolver, create)
            if record is not None:
                resolver.note_mention(Mention.of(text, start, end, MentionKind.PRONOUN), record)
            return record
        root = doc[s:e].root
        owner = self._token_owner(name_owner, root)
        if owner is None and (root.pos_ == "NOUN" or _capitalised_role(root)):
            owner = (
                self._named_in_apposition(root, name_owner)
                or self._named_after_comma(root, name_owner)
                or self._place_named(root, name_owner)
            )
        if owner is not None:
            return owner
        possessor = first_child(root, "poss")
        if possessor is not None and (
            root.lemma_.lower() in _REPORT_NOUNS
            or root.lemma_.lower() in _AUTHORED_NOUNS
            or (root.lower_ in _PERSON_PARTS and possessor.tag_ == "PRP$")
        ):
            # "Zornick's comment", "her remarks", "his book": what someone said or wrote
            # speaks for them; "his forefinger pointed": the one whose finger it is
            a, b = noun_phrase(possessor)
            return self._resolve_span(a, b, exclude, records, name_owner, resolver, create)
        author = _report_author(root)
        if author is not None:  # "a statement from the Department of Health": the department
            a, b = noun_phrase(author)
            return self._resolve_span(a, b, exclude, records, name_owner, resolver, create)
        span = doc[s:e]
        kind = coref.mention_kind(span)
        mention = Mention.of(text, start, end, kind)
        if kind is MentionKind.PRONOUN:
            if span.root.lower_ in {"i", "me"}:
                return self._narrator(records, resolver)
            record = resolver.resolve_pronoun(span, exclude)
            if record is None and create:
                record = self._unnamed_person(span, records)
            if record is not None:
                resolver.note_mention(mention, record)
            return record
        description = coref.describe(list(span))
        named = _named_organisation(span, description) or self._owner_organisation(
            span, description, start, exclude, resolver
        )
        spelled = self._spelled_out(span, named, records)
        if spelled is not None:  # "the BLM group" after "Black Lives Matter"
            resolver.note_mention(mention, spelled)
            return spelled
        if named is not None:  # "the Clinton campaign": an organisation of its own
            return self._described_entity(named, span, mention, description, records, resolver)
        record = resolver.resolve_description(description, start, exclude)
        if record is None and _party_member(span):
            # "The Republican is also encouraging …": the person of that party in view
            member = coref.Description(
                None, None, EntityKind.PERSON, None, False, description.party
            )
            record = resolver.in_view(member, None, start, exclude)
        if record is None and _definite_singular(span):
            role = coref.role_word(span.root.lemma_)
            record = resolver.resolve_by_role(role, start, exclude, description)
            if record is None and _specific(span, description):
                gender = coref.noun_gender(span)
                record = resolver.in_view(description, gender, start, exclude)
            elif record is None and self._continues_subject(span, description):
                # "… he said. | The businessman said": a bare public role that no one
                # holds yet, as a main subject, goes on about the person the last
                # sentences were about
                loose = attrs.evolve(description, group=None)
                reflexive = _EMPHATIC.get(
                    next((c.lower_ for c in span.root.children if c.dep_ == "appos"), "")
                )
                if reflexive is not None:
                    # "… grim for Vole. The candidate himself admitted": like "he himself",
                    # the nearest named person it fits
                    record = resolver.nearest_named(loose, reflexive, start, exclude)
                else:
                    gender = coref.noun_gender(span)
                    record = resolver.recent_subject(loose, gender, start, exclude)
        elif record is None and _possessed_singular(span):  # "his brother added"
            role = coref.role_word(span.root.lemma_)
            record = resolver.resolve_by_role(role, start, exclude, description)
        if record is None and _in_headline(span):
            # "Party chair dismisses …" over "Party Chair Jane Roe dismissed …": the headline
            # speaks of the person the article then names in that role
            role = coref.role_word(span.root.lemma_)
            record = resolver.next_holder(role, end, description)
        if record is not None:
            record.learn(description, span)
            resolver.note_mention(mention, record)
            return record
        if span.root.pos_ not in {"NOUN", "PROPN"}:
            return None
        restated = self._restated(span)
        if restated is not None:
            resolver.note_mention(mention, restated)
            return restated
        # An unnamed source ("the parson", "a spokesman", "officials") is an entity of its
        # own; the same description later in the text is the same entity.
        if not create:
            key = " ".join(t.lower_ for t in span if t.pos_ not in {"DET", "PUNCT"})
            if key not in self._described:
                return None
        return self._described_entity(None, span, mention, description, records, resolver)

    def _continues_subject(self, span: Span, description: coref.Description) -> bool:
        """Whether a definite role description ("the businessman") may go on about the
        person in focus: a main-clause subject naming a public role (not one that
        anonymous sources hold) whose noun the text has not used before to introduce
        someone of its own ("A businessman from Ohio disagreed. The businessman said")."""
        if description.kind is not EntityKind.PERSON or description.role is None:
            return False
        if description.group in _ANONYMOUS_GROUPS or description.plural:
            return False
        root = span.root
        if not coref.is_main_subject(root):
            return False
        return self._introduced().get(root.lemma_.lower(), len(span.doc)) >= span.start

    def _introduced(self) -> dict[str, int]:
        """Noun lemma -> the first token where an indefinite article introduces it ("a
        businessman"); read once per document."""
        if self._introductions is None:
            doc = self.doc
            wanted = {doc.vocab.strings.add(word) for word in _INDEFINITE}
            lower, _pos = token_columns(doc, [LOWER, POS])  # no Token for most
            found: dict[str, int] = {}
            for i, word in enumerate(lower):
                if word not in wanted:
                    continue
                det = doc[i]
                noun = det.head
                if det.dep_ == "det" and noun.pos_ == "NOUN" and noun.i > i:
                    found.setdefault(noun.lemma_.lower(), noun.i)
            self._introductions = found
        return self._introductions

    def _unnamed_person(self, span: Span, records: list[EntityRecord]) -> EntityRecord | None:
        """A "he" or "she" that speaks with no one before it to refer to ("a man behind her
        … “…,” he went on"): someone the text has not named, one person of their own whom
        the next pronouns can reach."""
        features = coref.pronoun_features(span.root.text)
        if features is None or features[1] != "sg" or features[0] is None:
            return None
        record = EntityRecord(
            key=len(records), name=span.text, kind=EntityKind.PERSON, gender=features[0]
        )
        records.append(record)
        return record

    def _restated(self, span: Span) -> EntityRecord | None:
        """The person a description set off by a dash restates ("the girl -- the soul that
        had called him"): the same one, not a new entity."""
        doc = span.doc
        k = span.start - 1
        if k < 1 or doc[k].text not in _RESTATING_DASHES or span.root.tag_ != "NN":
            return None
        before = doc[k - 1]
        if before.pos_ != "NOUN" or before.tag_ != "NN":
            return None
        a, b = noun_phrase(before)
        if b != k:
            return None
        key = " ".join(t.lower_ for t in doc[a:b] if t.pos_ not in {"DET", "PUNCT"})
        record = self._described.get(key)
        return record if record is not None and record.kind is EntityKind.PERSON else None

    def _person_above(
        self, pronoun: Token, name_owner: list[tuple[int, int, EntityRecord]]
    ) -> EntityRecord | None:
        """The person a *who* clause is about when the parse hung it on a thing: the named
        person the thing's phrase belongs to ("John Roe, a staffer at the State Department
        who told …", "a pollster with Mr. Doe's party who …"), else the nearest person
        named before it in the sentence ("re-elect Sen. Jane Roe this year, who …"). None
        when the noun it hangs on is itself a person."""
        noun = pronoun.head.head
        owner = self._token_owner(name_owner, noun)
        if (
            (owner is not None and owner.kind is EntityKind.PERSON)
            or (
                noun.pos_ == "NOUN"
                and (
                    noun.tag_ == "NNS"  # "reporters who want …": people themselves
                    or coref.describe([noun]).kind is EntityKind.PERSON
                    or coref.noun_gender(noun.doc[noun.i : noun.i + 1]) is not None
                )
            )
        ):
            return None  # "the senator who", "Jane Roe, who": the usual path finds them
        token = noun
        while token.head is not token and token.dep_ in {
            "pobj",
            "prep",
            "appos",
            "poss",
            "compound",
            "npadvmod",
        }:
            token = token.head
            if token.pos_ == "PROPN" and (person := self._person_at(name_owner, token)):
                return person
            for child in token.children:
                appos = child.dep_ == "appos" and child.i < pronoun.i and child.pos_ == "PROPN"
                if appos and (person := self._person_at(name_owner, child)):
                    return person
        for k in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            word = pronoun.doc[k]
            if word.pos_ == "PROPN" and (person := self._person_at(name_owner, word)):
                return person
        return None

    def _named_in_apposition(
        self, root: Token, name_owner: list[tuple[int, int, EntityRecord]]
    ) -> EntityRecord | None:
        """The person a role phrase names in apposition ("her personal lawyer, David E.
        Kendall, said", "“Parasite” director Bong Joon Ho said"): the name is the speaker."""
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                owner = self._token_owner(name_owner, child)
                if owner is not None:
                    return owner
        return None

    def _named_after_comma(
        self, root: Token, name_owner: list[tuple[int, int, EntityRecord]]
    ) -> EntityRecord | None:
        """The person named between commas after a definite role phrase and what qualifies
        it ("the ambassador at the time, Jane Roe, wrote", "the editor I was talking to, Jane
        Roe, said"): an apposition the parser hung elsewhere. Nothing between may be a
        verb of the main clause or another person, whose apposition the name would be."""
        doc = root.doc
        if (
            not _definite_singular(doc[root.i : root.i + 1])
            or coref.describe([root]).kind is not EntityKind.PERSON
        ):
            return None
        sent_end = root.sent.end
        for k in range(root.i + 1, min(root.i + 8, sent_end - 1)):
            word = doc[k]
            if word.text == ",":
                name = doc[k + 1]
                if name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
                    return None
                owner = self._person_at(name_owner, name)
                if owner is None:
                    return None
                after = k + 1
                while after < sent_end and doc[after].ent_type_ == "PERSON":
                    after += 1
                if after < sent_end and doc[after].text not in {",", "."}:
                    return None  # "the host, Jane Roe said …": no apposition
                return owner
            if word.pos_ in {"VERB", "AUX"} and not any(
                a.dep_ == "relcl" for a in (word, *word.ancestors)
            ):
                return None  # "the host said, …"
            if word.ent_type_ == "PERSON" or (
                word.pos_ == "NOUN" and coref.describe([word]).kind is EntityKind.PERSON
            ):
                return None  # "the wife of the senator, Jane Roe": the senator's name
            if word.pos_ == "PUNCT":
                return None
        return None

    def _place_named(
        self, root: Token, name_owner: list[tuple[int, int, EntityRecord]]
    ) -> EntityRecord | None:
        """ "The city of Phoenix", "the town of Ely": the place the phrase names."""
        if coref.describe([root]).group != "place":
            return None
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                        return self._token_owner(name_owner, pobj)
        return None

    @staticmethod
    def _owner_organisation(
        span: Span,
        description: coref.Description,
        start: int,
        exclude: Sequence[tuple[int, int]],
        resolver: Resolver,
    ) -> str | None:
        """The name of an organisation a person owns ("the campaign": a candidate's), when
        no such organisation is in view: that of the person most in view ("Trump
        campaign")."""
        group = description.group
        if group not in _PERSON_OWNED or description.plural or not _definite_singular(span):
            return None
        if resolver.holder_of(group, start, exclude) is not None:
            return None
        anyone = coref.Description(None, None, EntityKind.PERSON, None, False)
        person = resolver.resolve_salient(anyone, None, start, exclude)
        if person is None:
            return None
        return f"{person.name.split()[-1]} {span.root.lower_}"

    def _spelled_out(
        self, span: Span, named: str | None, records: list[EntityRecord]
    ) -> EntityRecord | None:
        """The organisation an acronym before a word for the organisation itself stands for
        ("the BLM group", "the NRA organization" after "Black Lives Matter", "National Rifle
        Association"): not a new one, and not for a part of it ("the DNC chapter")."""
        if named is None or span.root.lower_ not in _ORG_SELF_NOUNS:
            return None
        letters = named.split()[0].replace(".", "")
        if len(letters) < 2 or not letters.isupper():
            return None
        found = [
            r
            for r in records
            if r.kind is EntityKind.ORGANIZATION
            and (
                r.name.replace(".", "") == letters or (" " in r.name and acronym(r.name) == letters)
            )
        ]
        if len(found) != 1:
            return None
        record = found[0]
        if record.name.replace(".", "") == letters:
            _spell_out(record, self.text, letters)
        return record

    def _described_entity(
        self,
        name: str | None,
        span: Span,
        mention: Mention,
        description: coref.Description,
        records: list[EntityRecord],
        resolver: Resolver,
    ) -> EntityRecord:
        """The entity a description stands for when no named one does: found again by its
        words (or ``name``), else made."""
        key = name or " ".join(t.lower_ for t in span if t.pos_ not in {"DET", "PUNCT"})
        record = self._described.get(key)
        if record is None:
            kind = description.kind or (
                EntityKind.GROUP if description.plural else EntityKind.PERSON
            )
            if description.kind is None and span.root.lemma_.lower() in _DOCUMENT_NOUNS:
                kind = EntityKind.UNKNOWN  # "The study suggests …": a document, no person
            record = EntityRecord(
                key=len(records), name=name or mention.text, kind=kind,
                gender=coref.noun_gender(span),
                thing=name is None and description.kind is None and not coref.says_person(span),
            )  # fmt: skip
            record.learn(description, span)
            records.append(record)
            self._described[key] = record
        if name is not None:
            mention = attrs.evolve(mention, kind=MentionKind.NAME)
        resolver.note_mention(mention, record)
        if mention not in record.mentions:
            record.mentions.append(mention)
        return record


def _continues_org_name(ent: Span, after: Span) -> bool:
    """Whether the recogniser cut an organisation's name in two at "for": "[the U.S. Court
    of Appeals] for [the 3rd Circuit]", "[the Center] for [Disease Control]". The first
    part must end in a word for a body that such a name continues (``data/word_lists.tsv``
    ``for_name_heads``), and the second hang on that "for"."""
    doc = ent.doc
    if after.label_ != "ORG" or after.start != ent.end + 1 or ent.end >= len(doc):
        return False
    word = doc[ent.end]
    return (
        word.lower_ == "for"
        and ent.start <= word.head.i < ent.end
        and doc[ent.end - 1].lower_ in _FOR_NAME_HEADS
        and after.root.head.i == word.i
    )


def _after_person_role(doc: Doc, a: int, s: int) -> bool:
    """Does the proper noun at ``a`` follow a noun that describes one person ("his friend
    Amal Idris told …", "spokesman Ben Ode said")? Then it is that person's name, whatever
    label the recogniser gave it (it takes unfamiliar names for products)."""
    k = a - 1
    while k >= s and doc[k].pos_ in {"SPACE", "PUNCT"}:
        k -= 1
    if k < s:
        return False
    noun = doc[k]
    return (
        noun.pos_ == "NOUN"
        and noun.tag_ == "NN"
        and (
            coref.describe([noun]).kind is EntityKind.PERSON
            or noun.lower_ in _PERSON_NOUNS
            or coref.noun_gender(noun.doc[noun.i : noun.i + 1]) is not None
        )
    )


def _person_bounds(doc: Doc, text: str, first: int, last: int) -> tuple[int, int]:
    """The words of a person's name the recogniser cut too short or too long: a listed
    forename just before it joins ("Chair Debbie | Wasserman Schultz"); a headline verb
    after it goes ("Jane Roe Tells Voters"); a word before the forename that the rest of
    the name goes without elsewhere in the text goes, with its honorific ("Miss Universe
    Jane Roe" when "Jane Roe" is written too), as does a sentence-opening gerund
    ("Injecting Roe's troubles"); a name cut after a particle goes on to the next proper
    noun ("Ursula von der | Leyen")."""
    before = doc[first - 1] if first > 0 else None
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.is_title
        and not before.ent_type_
        and first <= before.head.i < last
        and before.lower_ not in _TITLES
        and (is_listed_forename(before.text) or (first > 1 and _is_title(doc[first - 2])))
    ):
        first -= 1
    while (
        last < len(doc)
        and doc[last - 1].lower_ in _SURNAME_PARTICLES
        and doc[last].pos_ == "PROPN"
        and doc[last].is_title
    ):
        last += 1  # "Ursula von der | Leyen": a name does not end in a particle
    if last - first >= 3 and _headline_verb(doc[last - 1]):
        last -= 1
    j = first
    while j < last - 2 and is_honorific(doc[j].text):
        j += 1  # past honorifics ("Miss")
    word = doc[j]
    if last - j >= 2 and not is_listed_forename(word.text) and word.lower_ not in _TITLES:
        rest = text[doc[j + 1].idx : doc[last - 1].idx + len(doc[last - 1])]
        gerund = word.is_sent_start and word.lower_.endswith("ing") and len(word) > 5
        titled = last - j >= 3 and is_listed_forename(doc[j + 1].text) and text.count(rest) > 1
        if gerund or titled:
            first = j + 1
    return first, last


def _is_title(token: Token) -> bool:
    """A title or role word written before a name ("Chair", "Sen.", "spokeswoman")."""
    return token.lower_.rstrip(".") in _TITLES or coref.is_role_word(token)


def _headline_verb(token: Token) -> bool:
    """A capitalised speech verb in the third person ("Tells", "Says"): a headline's verb
    the recogniser took into the name before it."""
    word = token.lower_
    return (
        token.is_title
        and word.endswith("s")
        and (word[:-1] in _CUE_LEMMAS or (word[:-2] in _CUE_LEMMAS and word.endswith("es")))
    )


_GLUED_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?=[:;,.]?[\"“”])")


def _glued_surname_end(doc: Doc, text: str, last: int, end: int) -> int:
    """Where a person's name ends when its last word is glued to punctuation and a quote
    mark the tokenizer kept with it (``Jane Rodham | Roe:"We learned``): the word is the
    name's, the rest is not, whether the recogniser took the token in or left it out."""
    inside = doc[last - 1]
    found = _GLUED_WORD.match(inside.text)
    if found is not None and found.end() < len(inside.text):
        return inside.idx + found.end()
    if last >= len(doc):
        return end
    token = doc[last]
    if token.idx != end + 1 or text[end] != " ":
        return end
    found = _GLUED_WORD.match(token.text)
    if found is None or found.end() == len(token.text):
        return end
    return token.idx + found.end()


def _after_glued_quote(text: str, start: int, end: int) -> int:
    """Where a name starts after a closing quotation mark written with no space before it
    (``paranoia,”Clinton said``): the recogniser took the words before it along."""
    cut = max(text.rfind(mark, start, end) for mark in '“”"')
    return cut + 1 if cut >= 0 and cut + 1 < end else start


def _role_before_name(token: Token, kind: EntityKind) -> bool:
    """A role word the recogniser took into a person's name ("Comedian Rob Tanner"); titles
    ("President", ``name_titles``) stay, the name rules know them."""
    return kind is EntityKind.PERSON and token.lower_ not in _TITLES and coref.is_role_word(token)


def _person_in_apposition(ent: Span) -> bool:
    """A name the recogniser took for an organisation's that the text itself calls a person
    in apposition ("The prime minister, Keir Holloway,", "Amanda Reyes, the campaign's
    political director,"): two or more capitalised proper nouns, none a word organisations'
    names are made of (``organisation_name_words``)."""
    if len(ent) < 2 or len(ent) > 4:
        return False
    if any(t.pos_ != "PROPN" or not t.is_title or t.lower_ in _ORG_NAME_WORDS for t in ent):
        return False
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        if noun.tag_ != "NN":
            continue
        a, b = noun_phrase(noun)
        if coref.describe(noun.doc[a:b]).kind is EntityKind.PERSON:
            return True
    return False


def _plural_role(token: Token) -> bool:
    """A plural role word the recogniser took for a name ("Aides", "Officials"); a singular
    one may be a surname ("King", "Bishop")."""
    return token.lower_ != token.lemma_.lower() and coref.is_role_word(token)


def _definite_singular(span: Span) -> bool:
    """ "the actor", "this senator": a definite description of one person."""
    root = span.root
    return (
        root.pos_ == "NOUN"
        and root.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in root.lefts)
    )


def _party_member(span: Span) -> bool:
    """ "the Republican", "the Democrat": one member of a party (``data/parties.tsv``),
    singular, after *the*."""
    root = span.root
    return (
        root.tag_ in {"NNP", "NN", "JJ"}
        and not root.lower_.endswith("s")
        and coref.describe([root]).party is not None
        and root.i > 0
        and root.doc[root.i - 1].lower_ == "the"
        and span.start >= root.i - 1
    )


def _possessed_singular(span: Span) -> bool:
    """ "his brother", "her lawyer": a singular role of someone the text refers to."""
    root = span.root
    return (
        root.pos_ == "NOUN"
        and root.tag_ == "NN"
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.lefts)
    )


def _in_headline(span: Span) -> bool:
    """A singular role noun of the text's first sentence, bare or definite ("DNC chair
    dismisses …", "The senator says …"): a headline, whose person the article names next."""
    root = span.root
    if span.sent.start != 0:
        return False
    common = root.pos_ == "NOUN" and root.tag_ == "NN"
    capitalised = root.tag_ == "NNP" and coref.is_role_word(root)  # "Minister vows …"
    if not (common or capitalised):
        return False
    return all(c.dep_ != "det" or c.lower_ == "the" for c in root.lefts)


def _report_author(noun: Token) -> Token | None:
    """Who a report noun is from ("a statement from the ministry", "remarks by the
    mayor"): the object of its *from* or *by*, when the noun is one of the cue nouns."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _REPORT_NOUNS:
        return None
    author = issuer_of(noun)
    return author if author is not None and author.pos_ in {"NOUN", "PROPN"} else None


def _capitalised_role(token: Token) -> bool:
    """A role written with a capital and taken for a proper noun ("The Health Secretary,
    Wes Harlow, said"), with a name in apposition: a role phrase, whose name that is."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and coref.is_role_word(token)
        and any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ for c in token.children)
    )


def _headline_role(token: Token) -> bool:
    """A capitalised role word alone in the first sentence ("Minister vows to fix
    potholes"), which the article writes again ("Transport Minister Greg Olsen"): a
    headline's description, not a person's name."""
    if token.ent_type_ or token.sent.start != 0 or not coref.is_role_word(token):
        return False
    doc = token.doc
    return any(t.lower_ == token.lower_ for t in doc[token.sent.end : token.sent.end + 400])


def _specific(span: Span, description: coref.Description) -> bool:
    """Whether a definite description of a person is specific enough to stand for someone
    the text has named rather than a new, unnamed source: it names a public role
    (``data/roles.tsv``, not one that anonymous sources hold) and has a modifier ("the
    Republican presidential candidate", "the New York businessman")."""
    root = span.root
    if description.kind not in {EntityKind.PERSON, None} or description.role is None:
        return False
    if description.group in _ANONYMOUS_GROUPS:
        return False
    return any(c.dep_ in {"amod", "compound", "nmod", "npadvmod"} for c in root.lefts)


def _spell_out(record: EntityRecord, text: str, letters: str) -> None:
    """Name an organisation known by its acronym ("BLM") with the words the text spells it
    out in ("Black Lives Matter"), when the recogniser missed them: its full name."""
    forms = {
        m.group(0)
        for m in _CAPITALISED_RUN.finditer(text)
        if " " in m.group(0) and acronym(m.group(0)) == letters
    }
    if len(forms) == 1:
        full = forms.pop()
        record.aliases.append(record.name)
        record.name = full


# Runs of capitalised words, with the small words an organisation's name may hold.
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?: (?:of |for |and |the )?[A-Z][a-z]+)+")


def _named_organisation(span: Span, description: coref.Description) -> str | None:
    """The name of an organisation described by a name and its kind ("the Clinton campaign",
    "Trump's campaign" -> "Clinton campaign", "Trump campaign"): the last word of the name
    before the organisation noun."""
    root = span.root
    if description.kind is not EntityKind.ORGANIZATION or root.pos_ != "NOUN" or description.plural:
        return None
    owner = next(
        (c for c in root.lefts if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"), None
    )
    if owner is None or not owner.text[:1].isupper():
        return None
    return f"{owner.text} {root.lower_}"


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after a dateline the recogniser took into it ("ROME - Jane
    Roe"): the token after a dash that follows only upper-case words."""
    for i in range(start + 1, end - 1):
        if doc[i].text in {"-", "–", "—"}:
            words = doc[start:i]
            return i + 1 if all(t.is_upper or t.is_punct for t in words) else start
    return start


def _person_surnames_win(mentions: list[NameMention]) -> list[NameMention]:
    """An organisation that spells a person's surname is that person: the recogniser often
    labels a bare surname ("Zelenskiy told ...") or a full name ("Jane Roe said") as an
    organisation. A one-word one needs only the surname; a longer one must start with a
    listed forename, and its last word must also stand alone elsewhere ("Kiplagat said")."""

    def full_name(words: list[str]) -> bool:
        return (
            1 < len(words) <= 3
            and is_listed_forename(words[0])
            and all(w[:1].isupper() and w.isalpha() for w in words)
        )

    def surname(item: NameMention) -> str | None:
        words = item.mention.text.split()
        if item.kind is EntityKind.PERSON:
            return words[-1]
        return words[-1] if full_name(words) else None

    single = {m.mention.text for m in mentions if " " not in m.mention.text}
    lone_people = {
        m.mention.text
        for m in mentions
        if m.kind is EntityKind.PERSON and " " not in m.mention.text
    }
    surnames = {s for s in map(surname, mentions) if s is not None}
    out = []
    for item in mentions:
        words = item.mention.text.split()
        # "Witold Roe" with "Roe said" elsewhere: a forename not listed, a surname that is
        # a person's on its own
        two_words = len(words) == 2 and all(w.istitle() and w.isalpha() for w in words)
        if (
            item.kind is not EntityKind.PERSON
            and words[0][:1].isupper()
            and any(same_name_word(words[-1], s) for s in surnames)
            and (
                len(words) == 1
                or (full_name(words) and words[-1] in single)
                or (two_words and words[-1] in lone_people)
            )
        ):
            item = NameMention(item.mention, EntityKind.PERSON)
        out.append(item)
    return out


def _strip_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix, start, end):
            end -= len(suffix)
            break
    while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
        end -= 1
    return start, end


def build_entities(records: list[EntityRecord]) -> list[Entity]:
    """The public entities, numbered in order of first mention, with their profile
    (``speakers.profile``)."""
    ordered = sorted(records, key=lambda r: min((m.start for m in r.mentions), default=1 << 60))
    ids = {id(r): f"E{n}" for n, r in enumerate(ordered, start=1)}
    return [
        Entity(
            id=ids[id(r)],
            name=r.name,
            kind=r.kind,
            aliases=tuple(dict.fromkeys(a for a in r.aliases if a != r.name)),
            mentions=tuple(sorted(set(r.mentions), key=lambda m: (m.start, m.end))),
            role=distinct_roles(r.roles, r.name),
            gender=GENDER_LABELS.get(r.gender or ""),
            named=is_named(m.kind for m in r.mentions),
        )
        for r in records
    ]


# Characters a continuation may stand after the quote it joins: room for an attribution
