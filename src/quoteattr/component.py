"""quoteattr as a spaCy pipeline component: ``nlp.add_pipe("quoteattr")``.

Modelled on spaCy's ``SpanRuler``: the options live in the factory config (``roster``,
``cues``, ``categories``, ``min_confidence``, ``max_chunk_chars``, ``spans_key``),
``initialize`` can set the roster and cues from code, and ``to_disk``/``from_disk`` keep them
with a saved pipeline. The output is plain data, so ``DocBin``, ``nlp.pipe(n_process=…)``
and ``nlp.to_disk()`` work:

* ``doc.spans[spans_key]`` (default ``"quotes"``): one span per quote, labelled with its kind,
  ``kb_id_`` the speaker's entity id (``""`` when there is none);
* ``doc.user_data["quoteattr"]``: the attribution in its JSON form (schema 2, without the
  text, which is ``doc.text``);
* ``doc._.attribution`` and ``doc._.quotes`` rebuild the typed objects on access.

The component runs the same :class:`~quoteattr.pipeline.Pipeline` as ``quoteattr.analyze``,
so its results equal ``analyze(doc.text)`` with the same spaCy pipeline. It uses the parse it
is given when the pipeline would have made the same one, and parses the text again otherwise
(text to sanitise, a line break the parser did not take as a sentence end, a text longer than
one piece); add ``quoteattr_line_breaks`` before the parser to save that second parse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from .errors import QuoteattrError
from .parse import Parser, chunk_limit, mark_line_breaks
from .pipeline import Pipeline, Rules
from .rules.cuelexicon import CueLexicon
from .types import Attribution, Quote

__all__ = ["USER_DATA_KEY", "QuoteattrComponent", "make_line_breaks", "make_quoteattr"]

#: The key of the attribution's JSON form in ``doc.user_data``.
USER_DATA_KEY = "quoteattr"
_DATA_FILE = "quoteattr.json"


def _attribution(doc: Doc) -> Attribution | None:
    data = doc.user_data.get(USER_DATA_KEY)
    if data is None:
        return None
    return Attribution.from_dict({**data, "text": doc.text})


def _quotes(doc: Doc) -> list[Quote]:
    result = _attribution(doc)
    return list(result.quotes) if result is not None else []


if not Doc.has_extension("attribution"):
    Doc.set_extension("attribution", getter=_attribution)
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=_quotes)


class QuoteattrComponent:
    """Finds the quotes of each ``Doc`` and stores them as spans and JSON-able data."""

    def __init__(
        self,
        nlp: Language,
        name: str = "quoteattr",
        *,
        roster: Mapping[str, Iterable[str]] | None = None,
        cues: Mapping[str, str] | None = None,
        categories: Iterable[str] = (),
        min_confidence: float | None = None,
        max_chunk_chars: int | None = None,
        spans_key: str = "quotes",
    ) -> None:
        self.nlp = nlp
        self.max_chunk_chars = max_chunk_chars
        self.name = name
        self.spans_key = spans_key
        self.categories = list(categories)
        self.min_confidence = min_confidence
        self._set_data(roster or {}, cues or {})
        self._pipelines: dict[tuple[str, ...], Pipeline] = {}

    # -- data: the roster and the extra cues

    def _set_data(self, roster: Mapping[str, Iterable[str]], cues: Mapping[str, str]) -> None:
        self.roster = {str(name): [str(a) for a in aliases] for name, aliases in roster.items()}
        self.cues = {str(lemma): str(category) for lemma, category in cues.items()}
        lexicon = CueLexicon.default().extended(self.cues, categories=self.categories)
        self._rules = Rules(
            lexicon=lexicon, roster=self.roster or None, min_confidence=self.min_confidence
        )
        self._pipelines = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        roster: Mapping[str, Iterable[str]] | None = None,
        cues: Mapping[str, str] | None = None,
    ) -> None:
        """Set the roster and cues (from code or an ``[initialize.components]`` block)."""
        self._set_data(
            self.roster if roster is None else roster, self.cues if cues is None else cues
        )

    # -- running

    def _pipeline(self) -> Pipeline:
        """The pipeline parsing with every component before this one (created per layout of
        ``nlp``, which may change after this component was added)."""
        names = tuple(self.nlp.pipe_names)
        pipeline = self._pipelines.get(names)
        if pipeline is None:
            after = names[names.index(self.name) :] if self.name in names else ()
            limit = chunk_limit(self.nlp, self.max_chunk_chars)
            parser = Parser(self.nlp, limit=limit, disable=after)
            pipeline = self._pipelines[names] = Pipeline(parser, self._rules)
        return pipeline

    def __call__(self, doc: Doc) -> Doc:
        if doc.text.strip() and not (doc.has_annotation("DEP") and doc.has_annotation("POS")):
            raise QuoteattrError(
                "the quoteattr component needs part-of-speech tags and a dependency parse: add "
                "it after the tagger and parser of an English pipeline, e.g. "
                'spacy.load("en_core_web_sm").add_pipe("quoteattr")'
            )
        result = self._pipeline().analyze_parsed(doc)
        spans = []
        for quote in result.quotes:
            span = doc.char_span(
                quote.start,
                quote.end,
                label=quote.kind.value,
                kb_id=quote.speaker.id if quote.speaker is not None else "",
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        data = result.to_dict()
        del data["text"]
        doc.user_data[USER_DATA_KEY] = data
        return doc

    # -- serialisation: the roster and cues, as one JSON object

    def _data(self) -> dict[str, Any]:
        return {"roster": self.roster, "cues": self.cues}

    def _load(self, data: Mapping[str, Any]) -> QuoteattrComponent:
        self._set_data(data.get("roster", {}), data.get("cues", {}))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self._data()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuoteattrComponent:
        return self._load(srsly.json_loads(data.decode("utf-8")))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        srsly.write_json(directory / _DATA_FILE, self._data())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteattrComponent:
        data_file = ensure_path(path) / _DATA_FILE
        return self._load(srsly.read_json(data_file)) if data_file.exists() else self


@Language.factory(
    "quoteattr",
    default_config={
        "roster": {},
        "cues": {},
        "categories": [],
        "min_confidence": None,
        "max_chunk_chars": None,
        "spans_key": "quotes",
    },
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc.spans", "doc._.attribution", "doc._.quotes"],
)
def make_quoteattr(
    nlp: Language,
    name: str,
    roster: dict[str, list[str]],
    cues: dict[str, str],
    categories: list[str],
    min_confidence: float | None,
    max_chunk_chars: int | None,
    spans_key: str,
) -> QuoteattrComponent:
    return QuoteattrComponent(
        nlp,
        name,
        roster=roster,
        cues=cues,
        categories=categories,
        min_confidence=min_confidence,
        max_chunk_chars=max_chunk_chars,
        spans_key=spans_key,
    )


@Language.factory("quoteattr_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Line breaks end sentences: add before the parser (``before="parser"``) so that the
    quoteattr component can use the pipeline's parse as it is."""
    return mark_line_breaks
