"""Building quotations from quotation marks, cues and the parse.

Two routes meet here. The *clause route* starts from a cue and takes its content from the
parse (``said [that ...]``, ``[...], he admitted``, ``according to X, [...]``; where a
content starts and ends is ``content.py``'s job); the *mark route* starts from a pair of
quotation marks and looks for a cue next to it (``"...," he said``, ``He said: "..."``). A
clause that lies inside marks is a direct quote, one that contains quoted words a mixed
quote, and one without marks an indirect quote. Quoted passages left without a cue become
continuations of the quote before them, or, when they read like sentences, quotes whose
speaker is unknown; short ones (titles, scare quotes) are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

import attrs
from spacy.tokens import Doc, Token

from ..lexicon import word_list
from ..text.marks import QuotedSpan
from ..types import QuoteKind
from .content import content_ranges
from .cues import Cue, source_nouns
from .nonreports import drop_non_reports
from .objects import is_object_word
from .ranges import is_mark, subtree_range, trim_tokens
from .sources import addressee_of, source_of
from .syntax import first_child, has_subject

__all__ = ["Candidate", "build_candidates", "token_chars"]

# A quoted passage needs this many words to count as a quotation on its own (without a
# cue): shorter ones are mostly titles, nicknames and scare quotes.
MIN_WORDS_UNCUED = 4
# How far from a quotation mark a cue may stand and still introduce it, in tokens.
MAX_GAP_AFTER = 14
MAX_GAP_BEFORE = 10
# Letters of a clause that may lie outside its marks in a direct quote (stray parse edges).
MAX_OUTSIDE_LETTERS = 2

# How far up the parse a quoted fragment may sit below the verb whose subject said it.
_MAX_QUOTED_CLIMB = 4
_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "oprd", "acomp"})
_NAMING_VERBS = word_list("naming_verbs")
_CREDIT_DASHES = frozenset({"―", "—", "–", "--"})
_QUOTATION_DASHES = ("--", "—", "―")
_LINKING_PUNCT = frozenset({",", "!", "?", "—", "–", "-", "…", ":"})
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_NEWLINE = re.compile("\n")
_SENTENCE_END = frozenset({".", "!", "?"})
# Nouns that name a source in a headline: "Poll: Race tightens", "Report: ...".
_HEADLINE_SOURCES = word_list("headline_sources")
_MAX_HEADLINE_SOURCE = 7
_HEADLINE_PREPS = frozenset({"to", "at", "on", "in"})


@attrs.define
class Candidate:
    """A quotation being assembled; character offsets into the original text."""

    fragments: list[tuple[int, int]]
    kind: QuoteKind
    rule: str
    confidence: float
    cue: Cue | None = None
    source: tuple[int, int] | None = None  # token range of the speaker mention
    addressee: tuple[int, int] | None = None  # token range
    follows: Candidate | None = None  # a continuation takes its speaker from this quote
    marks: list[QuotedSpan] = attrs.Factory(list)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def absorb(self, later: Candidate) -> None:
        """Take a later quote's fragments and marks as the rest of this quotation."""
        self.fragments = [*self.fragments, *later.fragments]
        self.marks = [*self.marks, *later.marks]


# --------------------------------------------------------------------------- helpers


def token_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of tokens [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def _letters(text: str, start: int, end: int) -> int:
    return sum(map(str.isalnum, text[start:end]))


def _inner_range(span: QuotedSpan, text: str) -> tuple[int, int]:
    """The content of a quoted span without surrounding whitespace."""
    start, end = span.content_start, span.content_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Index:
    """Position look-ups shared by the rules: marks by offset, paragraphs, cues by token."""

    def __init__(self, doc: Doc, text: str, spans: Sequence[QuotedSpan], cues: Sequence[Cue]):
        self.doc = doc
        self.text = text
        self.spans = list(spans)
        self.starts = [s.start for s in self.spans]
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.cue_at = {cue.head: cue for cue in cues}
        # token offsets read as one array: no Token object made per token
        self.token_starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.quote_token = [-1] * len(doc)  # token -> index of the quoted span it lies in
        k, n = 0, len(self.spans)
        if n:
            for i, idx in enumerate(self.token_starts):
                while k < n and self.spans[k].end <= idx:
                    k += 1
                if k < n and self.spans[k].start <= idx < self.spans[k].end:
                    self.quote_token[i] = k

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset - 1) if offset else 0

    def spans_overlapping(self, start: int, end: int) -> list[int]:
        hi = bisect.bisect_left(self.starts, end)
        lo = max(0, bisect.bisect_right(self.starts, start) - 1)
        return [k for k in range(lo, hi) if self.spans[k].end > start]

    def token_at(self, offset: int, *, after: bool) -> int | None:
        """The first token starting at/after ``offset`` or the last one ending at/before it."""
        doc = self.doc
        lo = bisect.bisect_left(self.token_starts, offset)
        if after:
            return lo if lo < len(doc) else None
        i = lo - 1
        while i >= 0 and doc[i].idx + len(doc[i].text) > offset:
            i -= 1
        return i if i >= 0 else None


# --------------------------------------------------------------------------- clause route


def _clause_candidates(index: _Index, cues: Sequence[Cue]) -> list[Candidate]:
    """A candidate for each content the cues introduce in the parse (one-word contents only
    when they can stand alone), classified by the quotation marks it overlaps; those of
    one cue merged."""
    doc = index.doc
    found: list[Candidate] = []
    for cue in cues:
        for start_tok, end_tok in content_ranges(doc, cue):
            if end_tok <= cue.start:
                start_tok = _after_other_report(index, cue, start_tok, end_tok)
                if start_tok >= end_tok:
                    continue
            if (
                end_tok - start_tok < 2
                and not index.quote_token[start_tok] >= 0
                and not is_object_word(doc[start_tok])
                and not _stance_object(doc[start_tok], cue)
                and cue.part != "evidential"  # "[Residents] appeared [relieved]"
                and not (cue.part == "reaction" and doc[start_tok].lower_ in {"that", "this"})
            ):
                continue
            start, end = token_chars(doc, start_tok, end_tok)
            candidate = _classify(index, start, end, cue)
            if candidate is not None:
                found.append(candidate)
    return _merge_same_cue(found)


def _stance_object(token: Token, cue: Cue) -> bool:
    """A stance adjective's one-word object is its content whatever the parser takes the
    name for: "critical of [Trump]" (tagged an organisation), "hopeful about [Afghanistan]"."""
    return (
        cue.part in {"adjective", "agent"}
        and token.dep_ == "pobj"
        and token.pos_ in {"PROPN", "PRON"}
        and token.ent_type_ not in {"DATE", "TIME"}
    )


def _after_other_report(index: _Index, cue: Cue, start: int, end: int) -> int:
    """Where a content before its cue really begins: after any reporting clause of its own
    inside it ("“A,” she said, but “B,” said Kunin": B is Kunin's, A is hers), or nowhere
    when it is nothing but the subject and verb of another report."""
    doc = index.doc
    for i in range(end - 1, start - 1, -1):
        other = index.cue_at.get(i)
        if other is None or other.head == cue.head or other.part != "verb":
            continue
        subject = next((c for c in doc[i].children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or not start <= subject.i < end:
            continue
        first = min(subject.left_edge.i, i)
        after = trim_tokens(doc, max(i, subject.right_edge.i) + 1, end)[0]
        if first == start and after >= end and _introduces(doc, end):
            return end  # the "content" is nothing but another report's "his mother said:"
        if not any(is_mark(t) for t in doc[max(start, first - 2) : first]):
            continue  # only the cue of a quotation just before it: "“A,” she said"
        if not any(t.pos_ in {"VERB", "AUX"} or is_mark(t) for t in doc[after:end]):
            return end  # only an adjunct of that clause is left ("in his book")
        return after
    return start


def _introduces(doc: Doc, i: int) -> bool:
    """Does token ``i`` open what a report introduces: a colon, a quotation mark or dash?"""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i < len(doc) and (doc[i].text in {":", *_QUOTATION_DASHES} or is_mark(doc[i]))


def _classify(index: _Index, start: int, end: int, cue: Cue) -> Candidate | None:
    """Kind and exact extent of a clause, given the quotation marks it overlaps."""
    text = index.text
    overlapping = index.spans_overlapping(start, end)
    cue_start, _ = token_chars(index.doc, cue.start, cue.end)
    # A quoted passage that holds the cue itself is not this clause's content.
    overlapping = [
        k for k in overlapping if not index.spans[k].start <= cue_start < index.spans[k].end
    ]
    source = source_of(cue, index.doc)
    addressee = addressee_of(cue, index.doc)
    if not overlapping:
        if _letters(text, start, end) < 3 and not _pronoun_object(index, start, end):
            return None
        if _after_quotation_dash(text, start):
            return Candidate(
                [(start, end)], QuoteKind.DIRECT, "direct-dash", 0.8, cue, source, addressee
            )
        rule = f"{cue.category}-{_content_form(index, start, end)}"
        return Candidate(
            [(start, end)], QuoteKind.INDIRECT, rule, 0.7, cue, source, addressee
        )  # fmt: skip
    marks = [index.spans[k] for k in overlapping]
    start = min(start, marks[0].start)
    end = max(end, marks[-1].end)
    if len(marks) == 1 and start == marks[0].start and _trailing_participle(index, marks[0], end):
        end = marks[0].end  # "said, “[…],” promising …": the participle is the reporter's
    inside = sum(_letters(text, *_inner_range(m, text)) for m in marks)
    outside = _letters(text, start, end) - inside
    if text[start:end].lower().startswith("that "):
        outside -= 4
    if len(marks) == 1 and outside <= MAX_OUTSIDE_LETTERS:
        fragment = _inner_range(marks[0], text)
        return Candidate(
            [fragment], QuoteKind.DIRECT, "direct-clause", 0.85, cue, source, addressee,
            marks=marks,
        )  # fmt: skip
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return Candidate(
        [(start, end)], QuoteKind.MIXED, "mixed-clause", 0.8, cue, source, addressee,
        marks=marks,
    )  # fmt: skip


def _content_form(index: _Index, start: int, end: int) -> str:
    """ "clause" for a content with a verb of its own, "object" for a noun phrase ("revealed
    [the news]"): news annotation counts the second far less often, so the rule says which."""
    span = index.doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.pos_ in {"VERB", "AUX"} for t in span):
        return "clause"
    return "object"


def _pronoun_object(index: _Index, start: int, end: int) -> bool:
    """ "opposed [it]", "would vote for [him]": a pronoun object is content however short."""
    span = index.doc.char_span(start, end)
    if span is None or len(span) != 1:
        return False
    return span[0].pos_ == "PRON" and is_object_word(span[0])


def _trailing_participle(index: _Index, mark: QuotedSpan, end: int) -> bool:
    """Does a participle clause follow the closing mark, set off by a comma, to the end of the
    content ("“We will win,” adding that …")? It reports on the quotation, not in it."""
    text = index.text
    if mark.close_mark is None or mark.end >= end:
        return False
    comma_inside = text[mark.content_end - 1 : mark.content_end] == ","
    if not (comma_inside or text[mark.end : end].lstrip().startswith(",")):
        return False
    first = index.token_at(mark.end, after=True)
    doc = index.doc
    while first is not None and first < len(doc) and doc[first].is_punct:
        first += 1
    return first is not None and first < len(doc) and doc[first].tag_ == "VBG"


def _after_quotation_dash(text: str, start: int) -> bool:
    """Dialogue set off by a dash instead of quotation marks ("His mother said: — O,
    Stephen will apologize."): a dash opening a line or following a colon."""
    before = text[max(0, start - 12) : start].rstrip(" \t")
    for dash in _QUOTATION_DASHES:
        if before.endswith(dash):
            rest = before[: -len(dash)].rstrip(" \t")
            return not rest or rest.endswith((":", "\n"))
    return False


def _merge_same_cue(found: list[Candidate]) -> list[Candidate]:
    """One cue with content on both sides ("A," he said, "B.") is one interrupted quote."""
    merged: dict[int, Candidate] = {}
    out: list[Candidate] = []
    for candidate in found:
        assert candidate.cue is not None
        first = merged.get(candidate.cue.head)
        if first is None:
            merged[candidate.cue.head] = candidate
            out.append(candidate)
            continue
        first.fragments = sorted(first.fragments + candidate.fragments)
        first.marks = sorted(first.marks + candidate.marks, key=lambda m: m.start)
        if first.kind is not candidate.kind:
            first.kind = QuoteKind.MIXED
    return out


# --------------------------------------------------------------------------- mark route


def _is_sentence_like(index: _Index, span: QuotedSpan) -> bool:
    """Does a quoted passage read as speech rather than a title or scare quote?"""
    start, end = _inner_range(span, index.text)
    words = index.text[start:end].split()
    if words and _fills_paragraph(index.text, span):
        return True  # a line of dialogue: "Alone?"
    if len(words) < 2:
        return False
    first = index.token_at(start, after=True)
    last = index.token_at(end, after=False)
    if first is None or last is None or last < first:
        return False
    tokens = index.doc[first : last + 1]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    ends_like_sentence = index.text[end - 1] in ".!?,;:…—-" if end > start else False
    if all(w[:1].isupper() for w in words if w[:1].isalpha()) and not ends_like_sentence:
        return False  # A Title In Quotes
    if len(words) >= MIN_WORDS_UNCUED and has_verb:
        return True
    return ends_like_sentence and has_verb


def _fills_paragraph(text: str, span: QuotedSpan) -> bool:
    """Is the quoted passage all there is on its line?"""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : span.start].strip() and not text[span.end : line_end].strip()


def _cue_after(index: _Index, span: QuotedSpan) -> Cue | None:
    first = index.token_at(span.end, after=True)
    if first is None:
        return None
    doc = index.doc
    # Dialogue punctuation links a quote to a following cue: "…,” he said / “…?” she asked.
    inner_end = _inner_range(span, index.text)[1]
    closing = index.text[inner_end - 1] if inner_end > span.content_start else ""
    linked = closing in _LINKING_PUNCT or doc[first].text in _LINKING_PUNCT
    for i in range(first, min(len(doc), first + MAX_GAP_AFTER)):
        if linked or doc[i].text in _SENTENCE_END or i in index.cue_at:
            break
        linked = doc[i].text == ","  # "“...” of the talks, the president told"
    if not linked:
        return None
    depth = 0  # a full stop inside brackets ends nothing: "Rep. Gwen Moore (D-Wis.) said"
    for i in range(first, min(len(doc), first + MAX_GAP_AFTER)):
        token = doc[i]
        depth += (token.text == "(") - (token.text == ")")
        ends = token.text in _SENTENCE_END and depth <= 0
        if _BLANK_LINE.search(token.text) or (
            i > first and (ends or "\n" in token.text or is_mark(token))
        ):
            return None  # a cue after the quote stands in its paragraph
        cue = index.cue_at.get(i)
        if cue is not None and cue.category == "speech":
            if "\n" in doc[first].text and _introduces_its_own(index, i):
                return None  # "…?'\nAll the ladies said 'Poor child!'": the next line's
            return cue
    return None


def _introduces_its_own(index: _Index, i: int) -> bool:
    """Is a quotation mark or colon still to come on the cue's line after token ``i``?"""
    doc = index.doc
    for token in doc[i + 1 : i + 1 + MAX_GAP_BEFORE]:
        if "\n" in token.text:
            return False
        if is_mark(token) or token.text == ":":
            return True
    return False


def _cue_colon(index: _Index, span: QuotedSpan) -> Cue | None:
    """A colon introduction without a speech verb: "Trump went even further: “…”". The
    clause before the colon must have a subject that can speak."""
    last = index.token_at(span.start, after=False)
    doc = index.doc
    while last is not None and last > 0 and doc[last].is_space:
        last -= 1
    if last is None or doc[last].text != ":":
        return None
    verb = doc[last].head
    if verb.pos_ != "VERB" or verb.i > last:
        return None  # "The answer is simple: “…”" introduces no speaker
    subject = first_child(verb, "nsubj")
    if subject is None or not _speaks(subject, first_person=True, nouns=True):
        return None
    return Cue(verb.i, last, last + 1, "speech")


def _dash_source(index: _Index, span: QuotedSpan) -> tuple[Cue, tuple[int, int]] | None:
    """An epigraph-style credit after a quote: "“…” ― Jane Doe"."""
    first = index.token_at(span.end, after=True)
    doc = index.doc
    if first is None or first + 1 >= len(doc) or doc[first].text not in _CREDIT_DASHES:
        return None
    name = doc[first + 1]
    if name.pos_ != "PROPN" or "\n" in index.text[span.end : name.idx]:
        return None
    end = name.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and "\n" not in doc[end].whitespace_:
        end += 1
    return Cue(first, first, first + 1, "speech"), (name.i, end + 1)


def _cue_before(index: _Index, span: QuotedSpan) -> Cue | None:
    last = index.token_at(span.start, after=False)
    if last is None:
        return None
    doc = index.doc
    while last > 0 and doc[last].is_space:
        last -= 1  # a colon may end the line before the quote: "said:\n“...”"
    # The words must follow the cue directly or after a colon or comma: "said: “...”",
    # "told reporters, “...”". "read the report “Roads to Nowhere”" names a title instead.
    if not (doc[last].text in {":", ",", "—", "–"} or index.cue_at.get(last) is not None):
        return None
    for i in range(last, max(-1, last - MAX_GAP_BEFORE), -1):
        token = doc[i]
        if token.text in _SENTENCE_END or "\n" in token.text or is_mark(token):
            return None
        cue = index.cue_at.get(i)
        if cue is not None and cue.category == "speech":
            # "what painters call “life”" gives a name, not anyone's words
            return None if doc[cue.head].lemma_.lower() in _NAMING_VERBS else cue
    return None


_FINDERS = (
    (_cue_after, "direct-cue-after"),
    (_cue_before, "direct-cue-before"),
    (_cue_colon, "direct-colon"),
)


def _chains(spans: Sequence[QuotedSpan]) -> list[list[int]]:
    """Group indices of spans joined by the paragraph re-opening convention."""
    chains: list[list[int]] = []
    for k in range(len(spans)):
        if chains and spans[chains[-1][-1]].continues:
            chains[-1].append(k)
        else:
            chains.append([k])
    return chains


def _asks_or_exclaims(index: _Index, span: QuotedSpan) -> bool:
    start, end = _inner_range(span, index.text)
    return end > start and index.text[start:end].rstrip()[-1:] in {"?", "!"}


def _is_circumstance(index: _Index, candidate: Candidate) -> bool:
    """An indirect content without a verb of its own, after its cue: a topic or a
    circumstance that the quotation before the cue outranks."""
    if candidate.kind is not QuoteKind.INDIRECT or candidate.cue is None:
        return False
    doc = index.doc
    start = index.token_at(candidate.start, after=True)
    end = index.token_at(candidate.end, after=False)
    if start is None or end is None or start <= candidate.cue.head:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in doc[start : end + 1])


def _mark_candidates(
    index: _Index,
    used: dict[int, Candidate],
    clause_by_cue: dict[int, Candidate],
    displaced: set[int],
) -> list[Candidate]:
    text = index.text
    found: list[Candidate] = []
    for chain in _chains(index.spans):
        free = [k for k in chain if k not in used]
        if not free:
            continue
        chain_candidates: list[Candidate] = []
        # A chain opened by a clause quote ("He said: “A.¶“B.”") is that quote's speaker's.
        opener = used.get(chain[0])
        chain_speaker: Candidate | None = opener if opener is not None and opener.cue else None
        for k in free:
            span = index.spans[k]
            fragment = _inner_range(span, text)
            if fragment[1] <= fragment[0]:
                continue
            cue = None
            rule = ""
            source = None
            for finder, name in _FINDERS:
                cue = finder(index, span)
                if cue is not None:
                    rule = name
                    break
            if cue is not None and _named_title(index, span):
                cue = None
            if cue is None and (credit := _dash_source(index, span)) is not None:
                cue, source = credit
                rule = "direct-credit"
            if cue is not None and cue.head in clause_by_cue:
                owner = clause_by_cue[cue.head]
                if owner.kind is QuoteKind.DIRECT and _adjacent(index, owner, span):
                    # "A," he said, "B." with B parsed as the cue's clause: one quote.
                    owner.fragments = sorted([*owner.fragments, fragment])
                    owner.marks = sorted([*owner.marks, span], key=lambda m: m.start)
                    owner.rule = "direct-interrupted"
                    continue
                if (
                    rule == "direct-cue-after"
                    and _is_circumstance(index, owner)
                    and (_asks_or_exclaims(index, span) or _is_sentence_like(index, span))
                ):
                    # "“Any hurry?” the doctor asked over his shoulder": the quotation is
                    # what was asked, not "his shoulder".
                    displaced.add(id(owner))
                else:
                    cue = None
            if cue is None and (
                _inside_sentence(index, span) or not _is_sentence_like(index, span)
            ):
                quoted_words = _quoted_words_of_subject(index, span)
                if quoted_words is not None:
                    found.append(quoted_words)
                    continue
                if not _is_sentence_like(index, span):
                    continue
            candidate = Candidate([fragment], QuoteKind.DIRECT, rule, 0.8, marks=[span])
            if cue is not None:
                candidate.cue = cue
                candidate.source = source or source_of(cue, index.doc)
                candidate.addressee = addressee_of(cue, index.doc)
                clause_by_cue[cue.head] = candidate
                chain_speaker = chain_speaker or candidate
            chain_candidates.append(candidate)
        for candidate in chain_candidates:
            if candidate.cue is None and chain_speaker is not None:
                candidate.follows = chain_speaker
                candidate.rule = "continuation-paragraph"
                candidate.confidence = 0.7
        found.extend(chain_candidates)
    return found


_SMALL_WORDS = word_list("title_small_words")


def _is_title(text: str, span: QuotedSpan) -> bool:
    """“Good Morning America”, ''Hawaii Five-0'': every word capitalised, a name of a work."""
    words = [w for w in text[span.content_start : span.content_end].split() if w[:1].isalpha()]
    if not words or not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return False
    # In a headline every word is capitalised, quoted words included: no title there.
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    capitalised = [w[:1].isupper() for w in line.split() if w[:1].isalpha()]
    return sum(capitalised) < 0.7 * len(capitalised)


def _named_title(index: _Index, span: QuotedSpan) -> bool:
    """A title the sentence names in a phrase of its own ("in an interview with “Fox and
    Friends,” he said", "on CNN's “State of the Union”"): the object of a preposition,
    not the words of the cue nearby."""
    first = index.token_at(span.content_start, after=True)
    before = index.token_at(span.start, after=False)
    if first is None or before is None or not _is_title(index.text, span):
        return False
    if not (index.doc[before].is_alpha or index.doc[before].dep_ == "case"):
        return False
    token = index.doc[first]
    while token.dep_ in {"compound", "amod", "det", "nmod"} and token.head.i > token.i:
        token = token.head
    return token.dep_ == "pobj"


def _inside_sentence(index: _Index, span: QuotedSpan) -> bool:
    """Do the marks open in the middle of a sentence, after a word ("voters “hate …”")?"""
    before = index.token_at(span.start, after=False)
    if before is None:
        return False
    token = index.doc[before]
    return token.is_alpha and not token.is_sent_end and "\n" not in token.whitespace_


def _quoted_words_of_subject(index: _Index, span: QuotedSpan) -> Candidate | None:
    """Quoted words in the complement of a verb whose subject can speak are that subject's
    words: "Rubio bemoaned [a climate in which people “literally hate each other”]"."""
    doc = index.doc
    first = index.token_at(span.content_start, after=True)
    if first is None or _is_title(index.text, span):
        return None
    token = doc[first]
    for _ in range(_MAX_QUOTED_CLIMB):
        if token.head.i == token.i:
            return None
        child, token = token, token.head
        if token.pos_ != "VERB" or child.dep_ not in _COMPLEMENT_DEPS:
            continue
        subject = first_child(token, "nsubj")
        if subject is None or not _speaks(subject):
            return None
        start, end = subtree_range(doc, child)
        if end <= start:
            return None
        a, b = token_chars(doc, start, end)
        a, b = min(a, span.start), max(b, span.end)
        cue = Cue(token.i, token.i, token.i + 1, "speech")
        return Candidate(
            [(a, b)], QuoteKind.MIXED, "mixed-quoted-words", 0.55, cue,
            source_of(cue, doc), None, marks=[span],
        )  # fmt: skip
    return None


def _speaks(token: Token, *, first_person: bool = False, nouns: bool = False) -> bool:
    """Can this subject be the source of words: a person, organisation or group?

    ``first_person``: a narrator's "I" counts (not when quoting words inside a sentence: a
    narrator using quoted words is not reporting them). ``nouns``: common nouns count too
    ("The report concluded: “…”").
    """
    if token.lower_ in {"he", "she", "they"} or (first_person and token.lower_ in {"i", "we"}):
        return True
    if token.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return True
    if token.ent_type_ in {"GPE", "LOC", "DATE", "TIME", "FAC"}:
        return False
    return token.pos_ == "PROPN" or (nouns and token.pos_ == "NOUN")


def _adjacent(index: _Index, owner: Candidate, span: QuotedSpan) -> bool:
    """Is ``span`` next to ``owner``'s fragments with only its cue between them?"""
    if index.paragraph(span.start) != index.paragraph(owner.start):
        return False
    return span.end <= owner.start or span.start >= owner.end


# --------------------------------------------------------------------------- assembly


def _resolve_overlaps(candidates: list[Candidate], doc: Doc) -> list[Candidate]:
    """Keep quotes disjoint: an outer attribution beats one nested in its content."""
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for candidate in ordered:
        if kept and candidate.start < kept[-1].end:
            previous = kept[-1]
            if _cut_before_report(previous, candidate, doc):
                kept.append(candidate)
                continue
            if _prefer(candidate, previous, doc):
                kept[-1] = candidate
            continue
        kept.append(candidate)
    return kept


# Subordinators that set a clause against the one before it: "X, while Y", "X, though Y".
_CONTRAST_MARKS = word_list("contrast_marks")


def _contrasting_report(verb: Token) -> bool:
    """A clause set against the one before it, with a subject of its own: "[…] while
    Sanders suggests …", "[…], though public records indicate …"."""
    return (
        verb.dep_ == "advcl"
        and has_subject(verb)
        and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in verb.children)
    )


def _cut_before_report(outer: Candidate, inner: Candidate, doc: Doc) -> bool:
    """Cut ``outer`` before a contrasting report that closes its content ("accuses X of Y
    while Sanders suggests Z"): that is a second quote, not part of the first. Returns
    whether ``outer`` was cut (in place), in which case both stay."""
    if inner.cue is None or inner.cue.part != "verb" or inner.cue.source_slot != "subject":
        return False
    if len(outer.fragments) != 1 or outer.cue is None or outer.kind is QuoteKind.DIRECT:
        return False
    clause = doc[inner.cue.head]
    if not _contrasting_report(clause):
        return False
    left = clause.left_edge.i
    if not outer.start < doc[left].idx <= inner.start or doc[outer.cue.head].idx >= doc[left].idx:
        return False
    after = clause.right_edge.i + 1
    while after < len(doc) and doc[after].idx < outer.end:
        if not (doc[after].is_punct or doc[after].is_space):
            return False  # the clause does not close the content
        after += 1
    first = left
    while first > 0 and doc[first - 1].idx >= outer.start:
        first -= 1
    start, end = trim_tokens(doc, first, left)
    while end > start and doc[end - 1].dep_ == "cc":
        start, end = trim_tokens(doc, start, end - 1)
    if end - start < 3:
        return False
    new_end = token_chars(doc, start, end)[1]
    if any(m.start < new_end < m.end for m in outer.marks):
        return False
    outer.fragments = [(outer.start, new_end)]
    outer.marks = [m for m in outer.marks if m.end <= new_end]
    if outer.kind is QuoteKind.MIXED and not outer.marks:
        outer.kind = QuoteKind.INDIRECT
    return True


def _cue_inside(inner: Candidate, outer: Candidate, doc: Doc) -> bool:
    """Does ``inner``'s cue stand inside ``outer``'s text?"""
    if inner.cue is None:
        return False
    offset = doc[inner.cue.head].idx
    return outer.start <= offset < outer.end


def _is_inferred(candidate: Candidate) -> bool:
    """Is the candidate only inferred from a verb of appearance ("X seems to …")?"""
    return candidate.cue is not None and candidate.cue.part == "evidential"


def _prefer(new: Candidate, old: Candidate, doc: Doc) -> bool:
    """Of two overlapping candidates, should ``new`` replace ``old``?"""
    if _is_inferred(new) != _is_inferred(old):
        return _is_inferred(old)  # "X seems to ..." gives way to any attribution it overlaps
    if _cue_inside(new, old, doc):
        return False
    if _cue_inside(old, new, doc):
        return True
    if new.confidence != old.confidence:
        return new.confidence > old.confidence
    return (new.end - new.start) > (old.end - old.start)


def _disjoint(fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments in text order, with repeats and overlaps merged into one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(fragments)):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _join_resumed(index: _Index, candidates: list[Candidate]) -> list[Candidate]:
    """``"A," she said. "B."``: a quote resumed after its cue in the same paragraph is one
    quotation with two fragments, like ``"A," she said, "B."``; so is one resumed after a
    mixed quote (``Prices "will rise," said the analyst. "B."``)."""
    out: list[Candidate] = []
    for candidate in candidates:
        host = _resumed_host(index, out, candidate)
        if host is not None:
            host.absorb(candidate)
            if host.kind is QuoteKind.DIRECT:
                host.rule = "direct-interrupted"
            continue
        out.append(candidate)
    return out


_HOST_KINDS = frozenset({QuoteKind.DIRECT, QuoteKind.MIXED})


def _resumed_host(index: _Index, out: list[Candidate], candidate: Candidate) -> Candidate | None:
    """The quote an uncued quotation resumes: the quote just before it in its paragraph,
    direct or mixed, whose cue stands between the two. (A report inside the cue's sentence,
    "she said, referring to [the debate]", stops the join: the joined quote would cover it.)"""
    if candidate.cue is not None or candidate.follows is not None or not out:
        return None
    previous = out[-1]
    if candidate.kind is not QuoteKind.DIRECT or previous.kind not in _HOST_KINDS:
        return None
    if previous.cue is None or index.paragraph(previous.start) != index.paragraph(candidate.start):
        return None
    cue_at = index.doc[previous.cue.head].idx
    return previous if previous.end <= cue_at < candidate.start else None


def _mark_uncued(candidates: list[Candidate]) -> None:
    """Quotes with no cue and no paragraph chain wait for the dialogue sieves."""
    for candidate in candidates:
        if candidate.cue is None and candidate.follows is None:
            candidate.rule = "unattributed"
            candidate.confidence = 0.3


def _headline_quotes(index: _Index, taken: list[Candidate]) -> list[Candidate]:
    """News headlines and captions of the form "Name: what they said" ("Cruz: Trump Would
    Put Liberals on Court"): a line opening with a name and a colon."""
    doc, text = index.doc, index.text
    # Headline tagging is poor ("Trump: ..." comes out a common noun), so a name is a
    # capitalised word that the text also uses inside a person's or organisation's name.
    name_words = {t.text for ent in doc.ents if ent.label_ in {"PERSON", "ORG"} for t in ent}

    def is_name(token: Token) -> bool:
        return token.pos_ == "PROPN" or (token.is_title and token.text in name_words)

    found: list[Candidate] = []
    line_start = 0
    for line_end in [*index.newlines, len(text)]:
        first = index.token_at(line_start, after=True)
        line_start = line_end + 1
        if first is None or doc[first].idx >= line_end:
            continue
        colon = _headline_colon(doc, first, line_end, is_name, name_words)
        if colon is None:
            continue
        body = index.token_at(doc[colon].idx + 1, after=True)
        last = index.token_at(line_end, after=False)
        if body is None or last is None or last - body < 2 or doc[body].idx >= line_end:
            continue
        a, b = trim_tokens(doc, body, last + 1)
        if b <= a:  # nothing but punctuation after the colon ("Anna Berg : ?  - ")
            continue
        start, end = token_chars(doc, a, b)
        if end <= start or any(
            c.cue is not None and c.start < end and start < c.end for c in taken
        ):
            continue
        cue = Cue(colon, colon, colon + 1, "speech")
        marks = [index.spans[k] for k in index.spans_overlapping(start, end)]
        kind = QuoteKind.INDIRECT
        if marks:
            inside = sum(_letters(text, *_inner_range(m, text)) for m in marks)
            kind = QuoteKind.DIRECT if _letters(text, start, end) - inside <= 2 else QuoteKind.MIXED
        # "Clinton to Planned Parenthood:" / "Mukasey at RNC:": the source ends at the
        # preposition; whoever follows "to" was addressed.
        split = next(
            (i for i in range(first + 1, colon) if doc[i].lower_ in _HEADLINE_PREPS), colon
        )
        addressee = (split + 1, colon) if split < colon - 1 and doc[split].lower_ == "to" else None
        found.append(
            Candidate([(start, end)], kind, "headline-colon", 0.6, cue, (first, split), addressee,
                      marks=marks)
        )  # fmt: skip
    return found


def _headline_colon(
    doc: Doc, first: int, line_end: int, is_name: Callable[[Token], bool], name_words: set[str]
) -> int | None:
    """The colon closing a short source phrase that opens a line: a name ("Cruz:"), or a
    phrase naming a source ("Poll:", "Senate Democrats' new warning:", "Clinton to
    Planned Parenthood:"). Titles of other kinds ("Tuesday's Morning Email:") have none."""
    colon = first
    while colon < len(doc) and is_name(doc[colon]) and colon - first < 4:
        colon += 1
    if colon > first and colon < len(doc) and doc[colon].text == ":":
        return colon if doc[colon].idx < line_end else None
    has_source = False
    for i in range(first, min(len(doc), first + _MAX_HEADLINE_SOURCE)):
        token = doc[i]
        if token.idx >= line_end:
            return None
        if token.text == ":":
            return i if has_source and i > first else None
        if token.pos_ in {"VERB", "AUX"} or (token.is_punct and token.text not in {"'", "’"}):
            return None
        lemma = token.lemma_.lower()
        if lemma in _HEADLINE_SOURCES or lemma in source_nouns() or token.text in name_words:
            has_source = has_source or token.ent_type_ not in {"DATE", "TIME"}
    return None


def build_candidates(
    doc: Doc, text: str, spans: Sequence[QuotedSpan], cues: Sequence[Cue]
) -> list[Candidate]:
    """All quotations in the document, disjoint and in text order."""
    index = _Index(doc, text, spans, cues)
    clause = _clause_candidates(index, cues)
    clause = _resolve_overlaps(clause, doc)
    used = {
        k: candidate
        for candidate in clause
        if candidate.kind is not QuoteKind.INDIRECT
        for k in index.spans_overlapping(candidate.start, candidate.end)
    }
    clause_by_cue = {c.cue.head: c for c in clause if c.cue is not None}
    displaced: set[int] = set()  # clause contents whose cue a quotation took over
    marked = _mark_candidates(index, used, clause_by_cue, displaced)
    clause = [c for c in clause if id(c) not in displaced]
    everything = _resolve_overlaps(clause + marked, doc)
    headlines = _headline_quotes(index, everything)
    if headlines:
        # A headline's colon attribution takes over the quoted words inside it.
        everything = [
            c for c in everything if not any(h.start < c.end and c.start < h.end for h in headlines)
        ]
        everything = sorted(everything + headlines, key=lambda c: (c.start, c.end))
    everything = _join_resumed(index, everything)
    for candidate in everything:
        candidate.fragments = _disjoint(candidate.fragments)
    everything = _resolve_overlaps(everything, doc)  # joins may have grown a quote
    everything = drop_non_reports(doc, text, everything)
    _mark_uncued(everything)
    return everything
