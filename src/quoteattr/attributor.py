"""The Attributor: holds a spaCy pipeline and runs the stages from text to Attribution."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .models import load_model
from .rules.assemble import join_continuations, to_quote
from .rules.cues import CueLexicon, find_cues
from .rules.quotes import build_candidates
from .speakers.names import Roster
from .speakers.resolve import SpeakerResolver, build_entities
from .text import chunking
from .text.marks import find_quoted_spans
from .types import Attribution, Quote

__all__ = ["Attributor", "analyze", "attribute"]

_NEWLINE_COMPONENT = "quoteattr_line_breaks"


@Language.component(_NEWLINE_COMPONENT)
def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs carry no full stop.

    Set in one array write: the ``Token.is_sent_start`` setter scans the whole doc on every
    call, which made this quadratic in the number of lines.
    """
    starts = [t.i for t in doc[1:] if "\n" in doc[t.i - 1].text and not t.is_space]
    if starts:
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


def check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "quoteattr expects text as str, got bytes: decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"quoteattr expects text as str, got {type(text).__name__}")


class Attributor:
    """Finds quotations and their speakers. Load once, call many times.

    ``model`` names a spaCy pipeline (default: the best English one installed, see
    ``quoteattr.models``); ``roster`` maps canonical names to known aliases; ``cues`` adds
    cue verbs (lemma -> "speech"/"thought"/"evidence", or plain lemmas); ``categories``
    restricts which cue categories count (default all: speech, thought, evidence).
    ``max_chunk_chars`` is the piece size for parsing long texts (see ``quoteattr.chunking``).
    """

    def __init__(
        self,
        model: str | Language | None = None,
        *,
        roster: Roster | None = None,
        cues: Mapping[str, str] | Iterable[str] = (),
        categories: Iterable[str] = (),
        add_line_breaks: bool = True,
        max_chunk_chars: int | None = None,
    ) -> None:
        nlp = model if isinstance(model, Language) else load_model(model)
        if (
            add_line_breaks
            and _NEWLINE_COMPONENT not in nlp.pipe_names
            and "parser" in nlp.pipe_names
        ):
            nlp = _with_line_breaks(nlp)
        self.nlp: Language = nlp
        self.roster = dict(roster) if roster else None
        self.lexicon = CueLexicon.default().extended(cues, categories=categories)
        chunking.chunk_limit(nlp, max_chunk_chars)  # refuse a bad value now, not later
        self.max_chunk_chars = max_chunk_chars

    # -- public surface

    def analyze(self, text: str) -> Attribution:
        text = check_text(text)
        return chunking.analyze_text(self, text)  # any length; odd characters made safe

    def attribute(self, text: str) -> list[Quote]:
        return list(self.analyze(text).quotes)

    def pipe(self, texts: Iterable[str], *, batch_size: int | None = None) -> Iterator[Attribution]:
        """Attributions of many texts, in order; ``batch_size`` defaults to the pipeline's."""
        checked = (check_text(t) for t in chunking.check_texts(texts))
        return chunking.pipe_texts(self, checked, batch_size or self.nlp.batch_size)

    def analyze_doc(self, doc: Doc) -> Attribution:
        """Run the rules on an already parsed ``Doc`` (it must come from ``self.nlp``)."""
        text = doc.text
        if not text.strip():
            return Attribution(text=text)
        spans = find_quoted_spans(text)
        cues = find_cues(doc, self.lexicon)
        candidates = build_candidates(doc, text, spans, cues)
        records, quotes = SpeakerResolver(doc, text, spans, self.roster).attribute(candidates)
        quotes = join_continuations(quotes)
        entities = build_entities(records)
        by_key = {id(r): e for r, e in zip(records, entities, strict=True)}
        final = [to_quote(doc, c, record, by_key, text) for c, record in quotes]
        final = chunking.without_overlaps(final)  # guard: see docs/input-handling.md
        return Attribution(
            text=text,
            quotes=tuple(final),
            entities=tuple(e for e in entities if e.mentions),
        )


def _with_line_breaks(nlp: Language) -> Language:
    nlp.add_pipe(_NEWLINE_COMPONENT, before="parser")
    return nlp


_default: Attributor | None = None


def _default_attributor() -> Attributor:
    global _default
    if _default is None:
        _default = Attributor()
    return _default


def analyze(text: str) -> Attribution:
    """Quotes and entities of one text, with the default English pipeline."""
    return _default_attributor().analyze(check_text(text))


def attribute(text: str) -> list[Quote]:
    """The quotes of one text: ``analyze(text).quotes`` as a list."""
    return list(analyze(text).quotes)
