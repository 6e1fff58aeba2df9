"""Speakers for quotes with no cue of their own, as a reader of news or novels finds them.

What lies between an uncued quote and the turn before it decides most cases, so the sieves
first measure that *gap*: nothing at all (one quote right after another), only the last
turn's own cue or the clause that goes on its sentence ("…?” he asked, pointing north.), or
narration. A person the quote addresses by name ("…, Tess?") never speaks it. The sieves,
tried in order (the rule names the quote gets in brackets):

0. *Cue* (the cue's rule): a quote whose cue has no source in the parse goes to the person
   right after the cue verb ("…?” / asked Dick, parsed as the object of *asked*); one with
   no cue, to the person after a speech verb opening the next line (``dialogue-cue``:
   "“Wake up!” / said the man; “…”", which the parse hung on the next quotation).
1. *Sentence* (``narration-sentence``): a quote inside a narrative sentence belongs to its
   subject ("X gestured and boomed: “…”", "McConnell says Obama gives them “lectures”",
   "Trump: ‘…’"); here a subject that is no person counts too ("An early tweet read “…”").
2. *Same paragraph* (``continuation``): after a cue or narration in the same paragraph, a
   quote goes on with the turn before it.
3. *Vocative* (``dialogue-vocative``): after a quote that addressed someone by name, with
   no narration about someone else between, the reply is that person's; in text whose
   lines are sentences, not after the last turn's own cue (“…, Tom,” said Ann. “Sit down.”
   is Ann going on as often as Tom answering).
4. *Turns* (``dialogue-turns``): a quote right after another, with nothing between, is the
   other party's when the two look like dialogue (a question, a short turn, an answer's
   opening such as "Well," or "No,", an address such as "sir", or a last turn that was
   itself a reply): the last other speaker of the exchange; with the last speaker unknown,
   the one before; else (``dialogue-other``) the nearest other person the narration before
   the exchange names. Long quote paragraphs in a row are one speech (news, transcripts).
5. *Narration* (``dialogue-narration``): the subject of the narrative sentence before the
   quote ("He bridled. “Well, …”") or of the clause after it in the same paragraph
   ("“Yes.” Tess looked up."), when it is a person: a name, a pronoun resolved by gender
   and recency, or a description of a person ("the boy", "the pedestrian halted").
6. *After a cue* (``dialogue-narration``, ``dialogue-turns``, ``dialogue-reply``,
   ``continuation``): in text whose lines are sentences, another person who is a subject
   in the narration going on the last turn's sentence ("…,” he said; but she shook her
   head.") answers (not a part of the speaker: "and the rough voice grew gentler").
   Otherwise a quote in the paragraph after an attributed quote and its cue goes to the
   other party when it addresses the last speaker, when the last turn was itself a reply
   (a dialogue: a new paragraph is a new speaker), or when the last turn asked a question;
   in text whose lines are sentences, also when the quote opens like an answer ("Yes, but
   …") and the last turn addressed no one by name. Otherwise it goes on with the last turn
   (news: a quote paragraph after an attributed one continues it).
7. *Continuation* (``continuation``): after narration that names no person, a quote within
   two paragraphs of an attributed one continues it.
8. *Only person* (``dialogue-paragraph``): the one person named outside quotation marks in
   the quote's paragraph.

Paragraphs are line breaks (a blank line is one break), except in text where quotations run
over line breaks without re-opening their marks and there is no blank line: there lines are
sentences or wrapped lines, paragraph breaks cannot be seen, and a new line is no sign of a
new speaker. Every sieve looks at a bounded window around the quote, so the whole stage is
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

import attrs
from spacy.tokens import Doc, Token

from ..lexicon import load_table, word_list
from ..rules.sources import noun_phrase
from ..rules.syntax import Sentences
from ..text.spans import SpanSet
from ..types import EntityKind, MentionKind
from .coref import EntityRecord, describe, is_modifier, pronoun_features

__all__ = ["DialogueSieves", "Resolve", "Turn"]

MAX_CONTINUATION_PARAGRAPHS = 2
# A turn of at most this many words is short: dialogue, not a paragraph of a long quotation.
SHORT_TURN_WORDS = 10
# How far from the start of a quote an address ("…, sir, …") marks it as a turn of dialogue.
ADDRESS_REACH = 60
MAX_TURNS_BACK = 6
# Turns further apart than this (characters of narration between them) are not one exchange.
MAX_EXCHANGE_GAP = 400
# How many sentences of narration before a quote (or before an exchange) may name its speaker.
NARRATION_SENTENCES = 2
OTHER_PARTY_SENTENCES = 6

# A name is a vocative when set off at the edge of a clause: ", Tess?" / "Tess, come here".
_BEFORE_VOCATIVE = re.compile(r"(^|[,;:!?.—–-])\s*$")
_LIST_AFTER = re.compile(r"\s*,\s*(?:(?:and|or)\b|(?!I\b)[A-Z])")
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.\s*$")
_AFTER_VOCATIVE = re.compile(r"^\s*([,;:!?.—–-]|$)")
# Words that may stand before a name in an address: "my dear Rose", "Miss Jemima".
_ADDRESS_WORDS = re.compile(
    r"(?:\b(?:mr|mrs|miss|ms|mx|dr|sir|madam|master|mistress|lady|lord|uncle|aunt|sister|"
    r"brother|cousin|dear|dearest|my|old|little|poor|young|good|captain|father|mother)"
    r"\.?\s+)+$",
    re.IGNORECASE,
)
# A quote that opens like an answer ("Well, …", "No, …", "Thank you, …") replies to the one
# before; one that addresses someone ("…, sir", "my dear") is a turn in a conversation.
_REPLY_OPENING = re.compile(
    r"(?:yes|yeah|yea|no|nay|aye|ay|oh|ah|well|why|indeed|certainly|thank\s+you|thanks|nonsense|"
    r"pooh|hm+|eh|o|alas|very\s+well|all\s+right|of\s+course|not\s+at\s+all|nothing)\b\s*[,!.;?—–-]",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"(?:^|[,;:!?.—–-])\s*(?:my\s+)?(?:dear\s+|good\s+|old\s+|little\s+)?"
    r"(?:sir|madam|ma'am|ma’am|boy|lad|girl|child|sister|brother|mother|father|mama|papa|"
    r"doctor|miss|mister|uncle|aunt|friend|darling|dear|honey|sweetheart|my\s+love)"
    r"\s*(?:[,;:!?.—–-]|$)",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")
# A narrator naming themself in their own words: "My name is Jake", "I am Jake Barnes".
_SELF_NAMING = re.compile(
    r"\b(?:[Mm]y name is|[Mm]y name's|[Cc]all me)\s+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*)"
)
# A speaker saying who they are inside their own quote: "I am plain Jack Durbeyfield".
_SELF_NAMED = re.compile(
    r"\b(?:[Mm]y name is|[Mm]y name's|I am|I'm|I be)\s+(?:plain\s+|only\s+|just\s+)?"
    r"([A-Z][\w’-]*(?:[ \t]+[A-Z][\w’-]*)*)"
)
_CLOSING_MARKS = "\"'”’»“‘«"
_OPENING_MARKS = "\"'“‘«„‚‹「『"
_NAME_COLON = re.compile(r"^\s*:\s*$")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_HEADS = frozenset({"ROOT", "conj"})

# Common nouns that stand for a person when they are the subject of a narrative sentence
# ("The lad frowned."); roles such as "the president" come from ``data/roles.tsv``.
_PERSON_NOUNS = word_list("person_nouns")

# Parts of a person ("her voice", "his face"): with a possessive pronoun, its owner.
_PERSON_PARTS = word_list("person_parts")

# Speech verbs ("say", "cry"): one opening the line after a quote is that quote's cue.
_SPEECH_LEMMAS = frozenset(row[0] for row in load_table("cue_verbs.tsv") if row[1:2] == ["speech"])

# Verbs whose subject is a living being: "The pedestrian halted and turned round."
_ANIMATE_VERBS = word_list("animate_verbs")

#: ``resolve(start, end, exclude, create)``: the entity a token range of narration stands
#: for (``create``: an unnamed description may become a new entity), or None.
Resolve = Callable[[int, int, Sequence[tuple[int, int]], bool], "EntityRecord | None"]


def _blank(text: str) -> bool:
    """Nothing but white space, quotation marks and punctuation: no words."""
    return not any(ch.isalnum() for ch in text)


@attrs.define
class Turn:
    """One quote already given a speaker (or not), as the sieves see it."""

    start: int
    end: int
    paragraph: int
    speaker: EntityRecord | None
    fragments: Sequence[tuple[int, int]] = ()
    tail: int | None = None  # end of the quote's own cue and source, when they follow it
    direct: bool = True  # a quotation in marks (not a mixed quote ending in a clause)


@attrs.frozen
class _Gap:
    """What lies between the last turn and an uncued quote."""

    narration: int  # where narration may start: after the last turn and its own cue
    adjacent: bool  # nothing but white space between the two quotes
    tail_only: bool  # nothing but the last turn's own cue between them
    new_paragraph: bool


class DialogueSieves:
    def __init__(
        self,
        text: str,
        records: Sequence[EntityRecord],
        quoted: Sequence[tuple[int, int]],
        doc: Doc | None = None,
        resolve: Resolve | None = None,
    ):
        self.text = text
        self.doc = doc
        self.resolve = resolve
        # A paragraph break is a run of line breaks (a blank line counts once).
        self.breaks = [m.start() for m in re.finditer(r"\n\s*", text)]
        self.quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self.quoted]
        self._inside = SpanSet(self.quoted)
        self.people: list[tuple[int, int, EntityRecord]] = sorted(
            (
                (m.start, m.end, r)
                for r in records
                if r.kind is EntityKind.PERSON
                for m in r.mentions
            ),
            key=lambda t: (t[0], t[1]),
        )
        if doc is not None:  # "the d'Urberville family" names no one who could speak
            self.people = [p for p in self.people if not self._modifier(doc, p[0], p[1])]
        self._people_starts = [p[0] for p in self.people]
        self._name_forms = self._known_names(records)
        self.lines_are_paragraphs = not self._wrapped()
        self._sents: list[tuple[int, int]] = []
        self._token_starts: list[int] = []
        if doc is not None:
            self._sents = Sentences(doc).bounds()  # doc.sents makes a Span a sentence
            self._sent_chars = [doc[s].idx for s, _e in self._sents]
            self._token_starts = doc.to_array("IDX").tolist()  # no Token objects: fast

    @staticmethod
    def _modifier(doc: Doc, start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) > 0 and is_modifier(span)

    # -- layout

    def _wrapped(self) -> bool:
        """Do quotations run over line breaks without re-opening their marks (so that line
        breaks are sentence ends or wrapping, not paragraph breaks)?"""
        if "\n\n" in self.text:
            return False
        for start, end in self.quoted:
            for m in re.finditer(r"\n\s*", self.text[start:end]):
                following = self.text[start + m.end() : start + m.end() + 1]
                if following and following not in _OPENING_MARKS:
                    return True
        return False

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.breaks, offset - 1) if offset else 0

    def _paragraph_bounds(self, offset: int) -> tuple[int, int]:
        k = self.paragraph(offset)
        start = self.breaks[k - 1] if k > 0 else 0
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        end = self.breaks[k] if k < len(self.breaks) else len(self.text)
        return start, end

    def _inside_quotes(self, offset: int) -> bool:
        return offset in self._inside

    def _next_quote_start(self, offset: int) -> int:
        k = bisect.bisect_left(self._quoted_starts, offset)
        return self.quoted[k][0] if k < len(self.quoted) else len(self.text)

    def _people_in(self, start: int, end: int) -> list[tuple[int, int, EntityRecord]]:
        lo = bisect.bisect_left(self._people_starts, start)
        hi = bisect.bisect_left(self._people_starts, end)
        return self.people[lo:hi]

    def _known_names(self, records: Sequence[EntityRecord]) -> dict[str, EntityRecord | None]:
        """The names the narration gives people, and each word of a longer name that is no
        title ("Jack" and "Durbeyfield" of "Jack Durbeyfield"): the recogniser often misses a
        name inside quotation marks ("“Yes, Amory.”"), so an address is found by its form too.
        A whole name wins over a word of a longer one; a form two people share maps to None
        (it tells nothing)."""
        whole: dict[str, EntityRecord | None] = {}
        part: dict[str, EntityRecord | None] = {}
        for record in records:
            if record.kind is not EntityKind.PERSON:
                continue
            for mention in record.mentions:
                if mention.kind is not MentionKind.NAME or self._inside_quotes(mention.start):
                    continue
                words = _NAME_WORD.findall(mention.text)
                for forms, keys in (
                    (whole, [" ".join(words)]),
                    (part, [w for w in words if not _ADDRESS_WORDS.fullmatch(w + " ")]),
                ):
                    for key in keys if forms is whole or len(words) > 1 else ():
                        if key and forms.setdefault(key, record) is not record:
                            forms[key] = None
        return {**part, **whole}

    # -- what quotes say

    def _named_inside(self, fragments: Sequence[tuple[int, int]]) -> set[int]:
        """People a quote addresses by name: none of them is its speaker."""
        return {id(record) for record in self._addressed(fragments)}

    def _addressed(self, fragments: Sequence[tuple[int, int]]) -> list[EntityRecord]:
        """The people a quote addresses by name ("…, Tess?", "Tess, come here"), in order."""
        out = []
        for a, b in fragments:
            for start, end, record in self._people_in(a, b):
                before = self.text[max(a, start - 40) : start]
                before = _ADDRESS_WORDS.sub("", before)
                after = self.text[end : min(b, end + 3)]
                at_start = not before.strip(" " + _OPENING_MARKS) and start - a <= 40
                if _ABBREVIATION.search(before) or _LIST_AFTER.match(self.text[end : end + 12]):
                    continue  # "Sen. Marco Rubio": a title; "say, Rubio, Cruz and …": a list
                if (at_start or _BEFORE_VOCATIVE.search(before)) and _AFTER_VOCATIVE.match(after):
                    out.append(record)
            out.extend(r for r in self._addressed_by_form(a, b) if r not in out)
        return out

    def _addressed_by_form(self, a: int, b: int) -> list[EntityRecord]:
        """People addressed in [a, b) by a name the narration uses for them, where the
        recogniser gave no mention: set off by punctuation on both sides ("Yes, Amory.")."""
        out: list[EntityRecord] = []
        for m in _CAPITALISED_RUN.finditer(self.text, a, b):
            record = self._name_forms.get(" ".join(_NAME_WORD.findall(m.group())))
            if record is None or self._people_in(m.start(), m.end()):
                continue
            before = _ADDRESS_WORDS.sub("", self.text[max(a, m.start() - 40) : m.start()])
            at_start = not before.strip(" " + _OPENING_MARKS)
            after = self.text[m.end() : min(b, m.end() + 3)]
            if _ABBREVIATION.search(before) or _LIST_AFTER.match(self.text[m.end() : m.end() + 12]):
                continue  # "Sen. Rubio": a title; "say, Jonas, Peter and Tom": a list
            if (at_start or _BEFORE_VOCATIVE.search(before)) and _AFTER_VOCATIVE.match(after):
                out.append(record)
        return out

    def _self_named(self, fragments: Sequence[tuple[int, int]]) -> EntityRecord | None:
        """The known person a quote's speaker says they are ("I be plain Jack Durbeyfield",
        "my name is Tobias"): the speaker, whatever the turns say."""
        for a, b in fragments:
            for m in _SELF_NAMED.finditer(self.text, a, b):
                if self.text[m.end() : m.end() + 1] in {"'", "’"}:
                    continue  # "I am Tom's brother"
                words = _NAME_WORD.findall(m.group(1))
                record = self._name_forms.get(" ".join(words))
                if record is None:  # "Jack Durbeyfield" where the narration says "Durbeyfield"
                    found = {id(r): r for w in words if (r := self._name_forms.get(w))}
                    record = next(iter(found.values())) if len(found) == 1 else None
                if record is not None:
                    return record
        return None

    def _addressee(self, turn: Turn) -> EntityRecord | None:
        """The person a quote addresses by name, if any."""
        addressed = self._addressed(turn.fragments or ((turn.start, turn.end),))
        return addressed[0] if addressed else None

    def _asks(self, turn: Turn) -> bool:
        """Does a quote end with a question (so the next one is an answer)?"""
        end = (turn.fragments or ((turn.start, turn.end),))[-1][1]
        tail = self.text[max(turn.start, end - 4) : end].rstrip(" \"'”’»")
        return tail.endswith("?")

    def _only_person(self, start: int, excluded: set[int]) -> EntityRecord | None:
        a, b = self._paragraph_bounds(start)
        found = {
            id(record): record
            for s, _e, record in self._people_in(a, b)
            if not self._inside_quotes(s)
        }
        if len(found) != 1:
            return None
        record = next(iter(found.values()))
        return None if id(record) in excluded else record

    # -- narration

    def _sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self._sent_chars, offset) - 1

    def _sentence_span(self, k: int) -> tuple[int, int]:
        """Character range of sentence ``k``."""
        assert self.doc is not None  # sentences exist only when a parse was given
        last = self.doc[self._sents[k][1] - 1]
        return self._sent_chars[k], last.idx + len(last)

    def _tokens(self, start: int, end: int) -> range:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return range(lo, hi)

    def entity_of(self, token: Token, exclude: Sequence[tuple[int, int]]) -> EntityRecord | None:
        """The person a subject token stands for, if it is one."""
        if self.resolve is None:
            return None
        features = pronoun_features(token.text)
        if features is not None:
            gender, number = features
            if not (number == "sg" and gender) and token.lower_ not in {"i", "me"}:
                return None  # "they", "it", "we", "you" name no one speaker
            record = self.resolve(token.i, token.i + 1, exclude, False)
        elif token.pos_ == "PROPN":
            a, b = noun_phrase(token)
            record = self.resolve(a, b, exclude, False)
        elif token.pos_ == "NOUN":
            a, b = noun_phrase(token)
            head = token.lemma_.lower()
            person = head in _PERSON_NOUNS or token.lower_ in _PERSON_NOUNS
            # "Her voice rose", "His face fell": the one whose voice it is speaks ("Tom's
            # friend" is someone else, and a person noun is a person of its own).
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            part = head in _PERSON_PARTS or token.lower_ in _PERSON_PARTS
            named = [
                pobj
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
            ]
            if part and named:  # "cried the voice of John Reed": John Reed
                return self.entity_of(named[0], exclude)
            if (part or not person) and owner is not None and owner.tag_ == "PRP$":
                return self.entity_of(owner, exclude)
            if not person and token.tag_ == "NN":  # a singular noun that does what people do
                verbs = [token.head] if token.dep_ != "ROOT" else list(token.children)
                person = any(v.lemma_.lower() in _ANIMATE_VERBS for v in verbs)
            if not person and describe(list(token.doc[a:b])).kind is not EntityKind.PERSON:
                return None  # "the wind", "the wailing": no one to speak
            record = self.resolve(a, b, exclude, True)
        else:
            return None
        if record is None or record.kind is not EntityKind.PERSON:
            return None
        return record

    def _subject(
        self,
        start: int,
        end: int,
        exclude: Sequence[tuple[int, int]],
        only_name: bool = False,
        any_source: bool = False,
    ) -> EntityRecord | None:
        """The person who is the subject of the narration in [start, end): the subject of a
        main clause first, then of any clause; none when it is not a person. ``only_name``:
        with no subject at all (a misparse), the one person named there. ``any_source``: a
        main-clause subject that is no person still counts ("An early tweet quoted …")."""
        if self.doc is None:
            return None
        doc = self.doc
        main: list[Token] = []
        other: list[Token] = []
        for i in self._tokens(start, end):
            token = doc[i]
            if token.dep_ not in _SUBJECTS or self._inside_quotes(token.idx):
                continue
            head = token.head
            if self._inside_quotes(head.idx) or not (start <= head.idx < end):
                continue
            # A main clause, or one the parse hung under the quotation ("X closed it: “…”").
            outer = head.dep_ in _CLAUSE_HEADS or self._inside_quotes(head.head.idx)
            (main if outer else other).append(token)
        if not main and not other:  # a misparse: "The pedestrian, …, halted" as a noun phrase
            main = [
                doc[i]
                for i in self._tokens(start, end)
                if doc[i].dep_ == "ROOT"
                and doc[i].pos_ in {"NOUN", "PROPN"}
                and not self._inside_quotes(doc[i].idx)
            ][:1]
        for token in main + other:
            record = self.entity_of(token, exclude)
            if record is not None:
                return record
            if token in main:
                if any_source and token.pos_ in {"NOUN", "PROPN"} and self.resolve is not None:
                    a, b = noun_phrase(token)
                    return self.resolve(a, b, exclude, True)
                return None  # the main clause is about something else
        if only_name and not main and not other:
            named = {
                id(r): r for s, _e, r in self._people_in(start, end) if not self._inside_quotes(s)
            }
            if len(named) == 1:
                return next(iter(named.values()))
        return None

    def _narration_before(
        self, start: int, floor: int, exclude: Sequence[tuple[int, int]], same_paragraph: bool
    ) -> EntityRecord | None:
        """The subject of the last sentences of narration in [floor, start)."""
        if self.doc is None or start <= floor:
            return None
        if same_paragraph:
            floor = max(floor, self._paragraph_bounds(start)[0])
        k = self._sentence_index(start - 1)
        for _ in range(NARRATION_SENTENCES):
            if k < 0:
                break
            a, b = self._sentence_span(k)
            a, b = max(a, floor), min(b, start)
            if b <= floor:
                break
            if not _blank(self.text[a:b]):
                record = self._subject(a, b, exclude)
                if record is not None:
                    return record
            k -= 1
        return None

    def _narration_after(self, end: int, exclude: Sequence[tuple[int, int]]) -> EntityRecord | None:
        """The subject of the clause right after a quote, in the same paragraph."""
        if self.doc is None:
            return None
        stop = min(self._paragraph_bounds(end)[1], self._next_quote_start(end))
        if _blank(self.text[end:stop]):
            return None
        k = self._sentence_index(end)
        after = end  # past the closing mark ("?” he asked", "? " he asked" when tokenised)
        while after < stop and (self.text[after].isspace() or self.text[after] in _CLOSING_MARKS):
            after += 1
        if k + 1 < len(self._sents) and self._sent_chars[k + 1] <= max(after, end + 2):
            k += 1  # the quote ends its sentence: the next one
        if k < 0:
            return None
        b = min(self._sentence_span(k)[1], stop)
        return self._subject(end, b, exclude) if b > end else None

    def _embedding(
        self, start: int, floor: int, exclude: Sequence[tuple[int, int]]
    ) -> EntityRecord | None:
        """The subject of a narrative sentence that the quote is part of."""
        if self.doc is None:
            return None
        k = self._sentence_index(start)
        if k < 0:
            return None
        a = max(self._sent_chars[k], floor, self._paragraph_bounds(start)[0])
        before = self.text[a:start]
        if not any(ch.isalpha() for ch in before):
            return None
        for _s, e, record in reversed(self._people_in(a, start)):
            if _NAME_COLON.match(self.text[e:start].strip(_OPENING_MARKS + " ")):
                return record  # a headline or transcript: "Trump: ‘…’"
        return self._subject(a, start, exclude, only_name=True, any_source=True)

    def _inverted_source(
        self, verb: Token, exclude: Sequence[tuple[int, int]]
    ) -> EntityRecord | None:
        """The person just after a cue verb that opens its clause ("asked Dick", "exclaimed
        Miss Pinkerton"), whatever relation the parse gave it."""
        child = self.inverted_subject(verb)
        return self.entity_of(child, exclude) if child is not None else None

    def _cue_on_next_line(self, end: int) -> EntityRecord | None:
        """The speaker named by a speech verb that opens the line right after a quote
        ("“Wake up!”\nsaid the man a little impatiently; “…”"), which the parse hung on the
        next quotation instead."""
        if self.doc is None:
            return None
        k = end
        while k < len(self.text) and self.text[k] in _CLOSING_MARKS + " \t":
            k += 1
        if self.text[k : k + 1] != "\n":
            return None
        while k < len(self.text) and self.text[k].isspace():
            k += 1
        if not self.text[k : k + 1].islower():
            return None
        i = bisect.bisect_left(self._token_starts, k)
        if i >= len(self.doc) or self._token_starts[i] != k:
            return None
        verb = self.doc[i]
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SPEECH_LEMMAS:
            return None
        child = self.inverted_subject(verb)
        return self.entity_of(child, ()) if child is not None else None

    def inverted_subject(self, verb: Token) -> Token | None:
        """The word right after a cue verb that opens its clause ("asked Dick") that may
        name its speaker, whatever relation the parse gave it."""
        for child in verb.rights:
            if self._inside_quotes(child.idx):
                break
            if child.dep_ in {"dobj", "attr", "npadvmod", "nsubj", "appos", "dep", "oprd"}:
                return child
            if child.dep_ not in {"punct", "advmod", "prt"}:
                break
        return None

    def _conversation(self, history: Sequence[Turn]) -> list[Turn]:
        """The turns of the exchange that ends with the last one, latest first."""
        out: list[Turn] = []
        for turn in reversed(history[-MAX_TURNS_BACK:]):
            if out and out[-1].start - turn.end > MAX_EXCHANGE_GAP:
                break
            out.append(turn)
        return out

    def _other_party(
        self, history: Sequence[Turn], excluded: set[int]
    ) -> tuple[EntityRecord | None, str]:
        """Who answers the last turn: the last other speaker of the exchange, else the
        nearest other person named by the narration before the exchange."""
        previous = history[-1]
        turns = self._conversation(history)
        if previous.speaker is None:
            before = turns[1].speaker if len(turns) >= 2 else None
            if before is not None and id(before) not in excluded:
                return before, "dialogue-turns"  # A, ?, A
            return None, "unattributed"
        for turn in turns[1:]:
            record = turn.speaker
            if record is not None and record is not previous.speaker and id(record) not in excluded:
                return record, "dialogue-turns"
        if self.doc is None:
            return None, "unattributed"
        # The first reply: someone the narration before the exchange is about.
        first = turns[-1]
        k = self._sentence_index(first.start - 1)
        for _ in range(OTHER_PARTY_SENTENCES):
            if k < 0:
                break
            a, b = self._sentence_span(k)
            candidates = []
            subject = self._subject(a, b, ())
            if subject is not None:
                candidates.append(subject)
            candidates.extend(
                r for ms, _me, r in self._people_in(a, b) if not self._inside_quotes(ms)
            )
            for record in candidates:
                if record is not previous.speaker and id(record) not in excluded:
                    return record, "dialogue-other"
            k -= 1
        return None, "unattributed"

    def _attached_clause(self, end: int, limit: int) -> int | None:
        """Where the narration that goes on the sentence of a quote ends ("…?” he asked,
        pointing north.): it belongs to that quote, not to the next one."""
        k = end
        stop = min(limit, self._paragraph_bounds(end)[1])
        while k < stop and (self.text[k].isspace() or self.text[k] in _CLOSING_MARKS):
            k += 1
        if k >= stop or not (self.text[k].islower() or self.text[k] in ",;—–-"):
            return None
        return k + 1

    def _attached_subject(self, previous: Turn, gap: _Gap) -> EntityRecord | None:
        """A person who is the subject in the narration that goes on the last turn's
        sentence after its cue ("…,” he said; but she tossed her head.", "…,” she murmured
        as he bent over her."): the one the story turns to, who answers."""
        start = previous.tail if previous.tail is not None else previous.end
        if gap.narration <= start:
            return None
        record = self._subject(start, gap.narration, ())
        if record is not None and record.name.split()[-1].lower() in _PERSON_PARTS:
            return None  # "…,” and the rough voice sounded gentler: the speaker's own voice
        return record

    def _gap(self, previous: Turn, start: int) -> _Gap:
        floor = previous.end
        tail = previous.tail
        if (
            tail is not None
            and self.lines_are_paragraphs
            and self.paragraph(previous.end) < self.paragraph(tail) == self.paragraph(start)
        ):
            tail = None  # a "cue" in the next paragraph introduces the quote there
        if tail is None and previous.direct:
            tail = self._attached_clause(previous.end, start)
        if tail is not None and tail > floor:
            floor = min(tail, start)
            if self.doc is not None:
                k = self._sentence_index(floor - 1)
                if 0 <= k < len(self._sents):
                    floor = max(floor, min(self._sentence_span(k)[1], start))
        return _Gap(
            narration=floor,
            adjacent=previous.direct and _blank(self.text[previous.end : start]),
            tail_only=_blank(self.text[floor:start]),
            new_paragraph=self.paragraph(start) > self.paragraph(previous.end),
        )

    # -- the sieves

    def speaker(
        self,
        start: int,
        history: Sequence[Turn],
        fragments: Sequence[tuple[int, int]] = (),
        cue: int | None = None,
    ) -> tuple[EntityRecord | None, str]:
        """The speaker of a quote starting at ``start`` that has no cue, or a cue without a
        source, and the sieve that chose it; ``history``: the quotes before it, in order.

        ``cue``: the head token of a cue whose source the parse did not give; a person right
        after it ("…?” asked Dick, read as the object of *asked*) is the speaker (rule "cue").
        """
        fragments = list(fragments) or [(start, start)]
        excluded = self._named_inside(fragments)

        def fits(record: EntityRecord | None) -> bool:
            return record is not None and id(record) not in excluded

        if cue is not None and self.doc is not None:
            record = self._inverted_source(self.doc[cue], fragments)
            if record is not None:  # named by the cue: trusted over a vocative
                return record, "cue"

        named = self._self_named(fragments)
        if fits(named):
            return named, "dialogue-self"

        teller = self._cue_on_next_line(fragments[-1][1])
        if fits(teller):
            return teller, "dialogue-cue"

        previous = history[-1] if history else None
        gap = self._gap(previous, start) if previous is not None else None
        floor = gap.narration if gap is not None else 0
        paragraph = self.paragraph(start)

        embedding = self._embedding(start, floor, fragments)
        if fits(embedding):
            return embedding, "narration-sentence"

        if previous is None or gap is None:
            record = self._narration_before(start, 0, fragments, same_paragraph=False)
            if fits(record):
                return record, "dialogue-narration"
            record = self._narration_after(fragments[-1][1], fragments)
            if fits(record):
                return record, "dialogue-narration"
            only = self._only_person(start, excluded)
            return (only, "dialogue-paragraph") if only is not None else (None, "unattributed")

        last_paragraph = self.paragraph(previous.end)
        if not gap.adjacent and not gap.new_paragraph and fits(previous.speaker):
            return previous.speaker, "continuation"

        near = paragraph - last_paragraph <= 1
        before = self._narration_before(start, floor, fragments, same_paragraph=False)
        # In sentence-per-line text a quote after the last turn's own cue ("“…, Tom,” said
        # Ann.") is as often Ann going on as Tom answering: her address does not decide.
        after_cue = gap.tail_only and not gap.adjacent and not self.lines_are_paragraphs
        if near and (gap.adjacent or gap.tail_only or before is None) and not after_cue:
            addressed = self._addressee(previous)
            if fits(addressed) and addressed is not previous.speaker:
                return addressed, "dialogue-vocative"

        if gap.adjacent and self._dialogue(previous, fragments, history):
            record, rule = self._other_party(history, excluded)
            if record is not None:
                return record, rule

        if not gap.tail_only:
            here = self._narration_before(start, floor, fragments, same_paragraph=True)
            if fits(here):
                return here, "dialogue-narration"
        after = self._narration_after(fragments[-1][1], fragments)
        if fits(after):
            return after, "dialogue-narration"
        if fits(before):
            return before, "dialogue-narration"

        if gap.tail_only and previous.speaker is not None:
            other = self._attached_subject(previous, gap) if after_cue else None
            if fits(other) and other is not previous.speaker:
                return other, "dialogue-narration"
            if not fits(previous.speaker):
                record, rule = self._other_party(history, excluded)
                if record is not None:
                    return record, rule
            elif self.lines_are_paragraphs and self._replies(history):
                return history[-2].speaker, "dialogue-turns"
            elif after_cue and self._addressee(previous) is not None:
                pass  # "“Sit down, Tom,” said Ann. “…”": she goes on (an address turns to him)
            elif self._asks(previous) or (after_cue and self._opens_reply(fragments)):
                record, rule = self._other_party(history, excluded)
                if record is not None and (
                    rule == "dialogue-turns" or self._short(previous, fragments)
                ):
                    return record, "dialogue-reply"
            return previous.speaker, "continuation"

        if fits(previous.speaker) and paragraph - last_paragraph <= MAX_CONTINUATION_PARAGRAPHS:
            return previous.speaker, "continuation"
        only = self._only_person(start, excluded)
        if only is not None:
            return only, "dialogue-paragraph"
        return None, "unattributed"

    def narrators_name(
        self, narrator: EntityRecord, history: Sequence[Turn]
    ) -> EntityRecord | str | None:
        """The name the text gives its first-person narrator: "my name is Jake" in the
        narrator's own turn, else the person that other speakers address by name, at least
        twice, in turns that answer the narrator or that the narrator answers ("Good
        morning, Jake"), when the narration never names that person (it says "I"). A record
        when the name is a known person, the name alone when it is not."""
        narrated = {id(r) for s, _e, r in self.people if not self._inside_quotes(s)}
        for turn in history:
            if turn.speaker is not narrator:
                continue
            for a, b in turn.fragments or ((turn.start, turn.end),):
                m = _SELF_NAMING.search(self.text, a, b)
                if m is not None:
                    name = m.group(1)
                    same = {id(r): r for s, e, r in self.people if self.text[s:e] == name}
                    record = self._name_forms.get(name)
                    if record is None and len(same) == 1:
                        record = next(iter(same.values()))
                    return record if record is not None and record is not narrator else name
        votes: dict[int, int] = {}
        found: dict[int, EntityRecord] = {}
        for k, turn in enumerate(history):
            if turn.speaker is None or turn.speaker is narrator:
                continue
            neighbours = [history[n] for n in (k - 1, k + 1) if 0 <= n < len(history)]
            if not any(
                n.speaker is narrator
                and min(abs(n.start - turn.end), abs(turn.start - n.end)) <= MAX_EXCHANGE_GAP
                for n in neighbours
            ):
                continue
            for record in self._addressed(turn.fragments or ((turn.start, turn.end),)):
                if record is turn.speaker or record is narrator or id(record) in narrated:
                    continue
                votes[id(record)] = votes.get(id(record), 0) + 1
                found[id(record)] = record
        if not votes:
            return None
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return found[ranked[0][0]]

    def _opens_reply(self, fragments: Sequence[tuple[int, int]]) -> bool:
        """Does a quote open like an answer ("Yes, sir", "Why, …", "Oh, no!")?"""
        opening = self.text[fragments[0][0] : fragments[0][1]].lstrip(" " + _OPENING_MARKS)
        return bool(_REPLY_OPENING.match(opening))

    def _words(self, fragments: Sequence[tuple[int, int]]) -> int:
        return sum(len(self.text[a:b].split()) for a, b in fragments)

    def _short(self, previous: Turn, fragments: Sequence[tuple[int, int]]) -> bool:
        """Is the last turn or this one short, as turns of a dialogue are?"""
        last = previous.fragments or ((previous.start, previous.end),)
        return min(self._words(last), self._words(fragments)) <= SHORT_TURN_WORDS

    def _addresses(self, start: int, end: int) -> bool:
        """Does a quote address someone ("Yes, sir.", "Now, my lad, …") near its start or
        end, where a turn of dialogue puts it (a speech may say "sir" anywhere)?"""
        head = self.text[start : min(end, start + ADDRESS_REACH)]
        tail = self.text[max(start, end - ADDRESS_REACH // 2) : end]
        return bool(_ADDRESS.search(head) or _ADDRESS.search(tail))

    def _dialogue(
        self, previous: Turn, fragments: Sequence[tuple[int, int]], history: Sequence[Turn]
    ) -> bool:
        """Is a quote right after another one a new turn of a dialogue, rather than the next
        paragraph of a long quotation (news, speeches)? Yes after a question, between two
        short turns, or when the last turn was itself a reply."""
        if self._asks(previous) or self._short(previous, fragments):
            return True
        last = previous.fragments or ((previous.start, previous.end),)
        opening = self.text[fragments[0][0] : fragments[0][1]].lstrip(" " + _OPENING_MARKS)
        if _REPLY_OPENING.match(opening):
            return True
        if any(self._addresses(a, b) for a, b in (last[0], last[-1], fragments[0], fragments[-1])):
            return True
        if self._addressed((*last, *fragments)):
            return True
        return self._replies(history, any_gap=True)

    def _replies(self, history: Sequence[Turn], any_gap: bool = False) -> bool:
        """Was the last turn itself a reply: right after another speaker's turn, in the
        paragraph after it, with nothing but that turn's cue between?"""
        if len(history) < 2:
            return False
        before, last = history[-2], history[-1]
        if before.speaker is None or last.speaker is None or before.speaker is last.speaker:
            return False
        gap = self._gap(before, last.start)
        if any_gap:
            return gap.adjacent or gap.tail_only
        if self.paragraph(last.start) - self.paragraph(before.end) != 1:
            return False
        return gap.tail_only
