"""The one path from text to result: check → sanitize → parse → rules → restore → filter.

Every entry point runs through :class:`Pipeline`: ``Attributor`` (``analyze``, ``pipe``), the
module functions ``quoteattr.analyze``/``attribute``, the spaCy component, the parse cache and
the CLI. So the same text gives the same quotes whichever way it comes in.

The stages, each a module with one job:

1. ``text.sanitize``: a clean copy of the text and the map back to the caller's offsets;
2. ``parse``: spaCy, in pieces, line breaks as sentence ends (optionally from a cache);
3. the rules on the whole ``Doc``: quotation marks (``text.marks``), cues (``rules.cues``),
   candidate quotes and their content (``rules.quotes``), speakers (``speakers.resolve``:
   names, coreference, dialogue), and the ``Quote`` values (``rules.assemble``);
4. ``Prepared.restore``: every span back on the caller's string;
5. the ``min_confidence`` filter.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

import attrs
from spacy.tokens import Doc

from .calibration import passes
from .parse import Parser, line_break_starts
from .rules.assemble import join_continuations, to_quote, without_overlaps
from .rules.cuelexicon import CueLexicon
from .rules.cues import find_cues
from .rules.quotes import build_candidates
from .speakers.names import Roster
from .speakers.resolve import SpeakerResolver, build_entities
from .text.marks import find_quoted_spans
from .text.sanitize import Prepared, prepare
from .types import Attribution

__all__ = ["Pipeline", "Rules", "check_text", "check_texts"]


def check_text(text: object) -> str:
    """``text`` itself if it is a ``str``; a clear ``TypeError`` otherwise."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "quoteattr expects text as str, got bytes: decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"quoteattr expects text as str, got {type(text).__name__}")


def check_texts(texts: object) -> Iterable[object]:
    """Refuse a lone string or bytes where an iterable of texts is expected."""
    if isinstance(texts, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            "Attributor.pipe expects an iterable of str (one text per item), got a single "
            f"{type(texts).__name__}; use Attributor.analyze for one text"
        )
    if not isinstance(texts, Iterable):
        raise TypeError(f"Attributor.pipe expects an iterable of str, got {type(texts).__name__}")
    return texts


def _check_min_confidence(_instance: object, _attribute: object, value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"min_confidence must lie in [0, 1], got {value!r}")


@attrs.frozen
class Rules:
    """What the rules need besides the parse: the cue lexicon, the roster of known names,
    and the confidence below which a quote is dropped."""

    lexicon: CueLexicon = attrs.field(factory=CueLexicon.default)
    roster: Roster | None = None
    min_confidence: float | None = attrs.field(default=None, validator=_check_min_confidence)

    def apply(self, doc: Doc, text: str) -> Attribution:
        """The attribution of ``text`` from its parse ``doc`` (``doc.text == text``; passed
        in because ``doc.text`` is rebuilt from every token on each access)."""
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
        final = without_overlaps(final)  # guard: see docs/input-handling.md
        # An entity is listed when the text mentions it or when a quote names it as speaker
        # (a speaker found only inside quotation marks has no mention of its own).
        speakers = {id(q.speaker) for q in final if q.speaker is not None}
        listed = tuple(e for e in entities if e.mentions or id(e) in speakers)
        return Attribution(text=text, quotes=tuple(final), entities=listed)

    def keep(self, result: Attribution) -> Attribution:
        """``result`` without the quotes under ``min_confidence`` (entities stay)."""
        if self.min_confidence is None:
            return result
        kept = tuple(q for q in result.quotes if passes(q, self.min_confidence))
        return result if len(kept) == len(result.quotes) else attrs.evolve(result, quotes=kept)


class Pipeline:
    """A parser and the rules: ``analyze`` one text, ``pipe`` many."""

    def __init__(self, parser: Parser, rules: Rules) -> None:
        self.parser = parser
        self.rules = rules

    def analyze(self, text: object) -> Attribution:
        prepared = prepare(check_text(text))
        return self._finish(prepared, self.parser.parse(prepared.text))

    def pipe(self, texts: Iterable[object], *, batch_size: int) -> Iterator[Attribution]:
        """Attributions of ``texts`` in order; short texts are parsed in batches."""
        return self._pipe(check_texts(texts), batch_size)

    def _pipe(self, texts: Iterable[object], batch_size: int) -> Iterator[Attribution]:
        prepared = (prepare(check_text(t)) for t in texts)
        queue: deque[Prepared] = deque()

        def clean_texts() -> Iterator[str]:
            for item in prepared:
                queue.append(item)
                yield item.text

        for doc in self.parser.parse_many(clean_texts(), batch_size):
            yield self._finish(queue.popleft(), doc)

    def analyze_parsed(self, doc: Doc) -> Attribution:
        """The attribution of an already parsed ``Doc``: the doc is used as it is when the
        full path would parse the same text the same way (nothing to sanitise, every line
        break already a sentence start, short enough to be parsed in one piece), and the
        text is parsed afresh otherwise, so the result always equals ``analyze(doc.text)``."""
        prepared = prepare(doc.text)
        if (
            prepared.changed
            or len(prepared.text) > self.parser.limit
            or not all(doc[i].is_sent_start for i in line_break_starts(doc))
        ):
            doc = self.parser.parse(prepared.text)
        return self._finish(prepared, doc)

    def _finish(self, prepared: Prepared, doc: Doc) -> Attribution:
        """The rules on the parse of the clean text, then back on the caller's string."""
        return self.rules.keep(prepared.restore(self.rules.apply(doc, prepared.text)))
