"""The public entry points: ``Attributor`` and the module functions ``analyze``/``attribute``.

Both are thin: they build a :class:`quoteattr.pipeline.Pipeline` once and hand every text to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from spacy.language import Language

from .models import load_model
from .parse import Parser, chunk_limit
from .pipeline import Pipeline, Rules, check_text, check_texts
from .rules.cuelexicon import CueLexicon
from .speakers.names import Roster
from .types import Attribution, Quote

__all__ = ["Attributor", "analyze", "attribute"]


class Attributor:
    """Finds quotations and their speakers. Load once, call many times.

    ``model`` names a spaCy pipeline or is one (default: the best English one installed, see
    ``quoteattr.models``); it is used as it is and never changed. ``roster`` maps canonical
    names to known aliases; ``cues`` adds cue verbs (lemma -> "speech"/"thought"/"evidence",
    or plain lemmas); ``categories`` restricts which cue categories count (default all).
    ``min_confidence`` drops quotes whose confidence is lower. ``max_chunk_chars`` is the piece
    size for parsing long texts; ``parse_cache`` a directory where parses are kept and reused
    (for re-scoring after a change to the rules).
    """

    def __init__(
        self,
        model: str | Language | None = None,
        *,
        roster: Roster | None = None,
        cues: Mapping[str, str] | Iterable[str] = (),
        categories: Iterable[str] = (),
        min_confidence: float | None = None,
        max_chunk_chars: int | None = None,
        parse_cache: str | Path | None = None,
    ) -> None:
        nlp = model if isinstance(model, Language) else load_model(model)
        self.nlp: Language = nlp
        self.max_chunk_chars = max_chunk_chars
        limit = chunk_limit(nlp, max_chunk_chars)  # refuses a bad value now, not later
        rules = Rules(
            lexicon=CueLexicon.default().extended(cues, categories=categories),
            roster={name: tuple(aliases) for name, aliases in roster.items()} if roster else None,
            min_confidence=min_confidence,
        )
        self.pipeline = Pipeline(Parser(nlp, limit=limit, cache=parse_cache), rules)

    @property
    def lexicon(self) -> CueLexicon:
        """The cue lexicon in use: the default one with ``cues`` and ``categories`` applied."""
        return self.pipeline.rules.lexicon

    @property
    def roster(self) -> Roster | None:
        return self.pipeline.rules.roster

    @property
    def min_confidence(self) -> float | None:
        return self.pipeline.rules.min_confidence

    def analyze(self, text: str) -> Attribution:
        """Quotes and entities of one text (any ``str``: long, HTML remnants, odd characters)."""
        return self.pipeline.analyze(text)

    def attribute(self, text: str) -> list[Quote]:
        """The quotes of one text: ``analyze(text).quotes`` as a list."""
        return list(self.pipeline.analyze(text).quotes)

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int | None = None,
        n_process: int = 1,
        chunksize: int = 4,
    ) -> Iterator[Attribution]:
        """Attributions of many texts, in input order. ``batch_size`` defaults to the spaCy
        pipeline's; ``n_process`` > 1 runs that many worker processes (each gets the
        pipeline once and takes ``chunksize`` texts at a time), with results identical to
        one process."""
        if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1:
            raise ValueError(f"n_process must be a positive int, got {n_process!r}")
        if n_process == 1:
            return self.pipeline.pipe(texts, batch_size=batch_size or self.nlp.batch_size)
        from .workers import imap

        checked = (check_text(t) for t in check_texts(texts))
        return imap(self, checked, n_process, chunksize=chunksize)


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
