"""Parses kept on disk, so that scoring again after a change to the rules skips spaCy.

Parsing is about 95% of the time an evaluation takes; the rules are the part one changes.
``CachedParses`` wraps an ``Attributor``: each text is parsed once per pipeline and the
``Doc`` is saved under a name derived from the pipeline and the (sanitised) text, so a changed
text, model, spaCy or quoteattr version never reuses a stale parse. The rules always run
afresh.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.tokens import Doc

from . import __version__
from .text import chunking
from .text.sanitize import Prepared, prepare
from .types import Attribution

if TYPE_CHECKING:
    from .attributor import Attributor

__all__ = ["CachedParses"]

_SUFFIX = ".spacy"


class CachedParses:
    """An analyzer for ``quoteattr.evaluate`` that reuses parses saved in ``directory``."""

    def __init__(self, attributor: Attributor, directory: str | Path) -> None:
        self.attributor = attributor
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        nlp = attributor.nlp
        meta = nlp.meta
        self._pipeline = "|".join(
            [
                str(meta.get("lang")),
                str(meta.get("name")),
                str(meta.get("version")),
                spacy.__version__,
                __version__,  # the line-break component is ours
                ",".join(nlp.pipe_names),
                str(chunking.chunk_limit(nlp, attributor.max_chunk_chars)),
            ]
        )
        self.hits = 0
        self.misses = 0

    def analyze(self, text: str) -> Attribution:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str]) -> Iterator[Attribution]:
        for text in chunking.check_texts(texts):
            prepared = prepare(text)
            yield prepared.restore(self.attributor.analyze_doc(self._doc(prepared)))

    def _path(self, prepared: Prepared) -> Path:
        digest = hashlib.sha256(f"{self._pipeline}\0{prepared.text}".encode()).hexdigest()
        return self.directory / f"{digest}{_SUFFIX}"

    def _doc(self, prepared: Prepared) -> Doc:
        nlp = self.attributor.nlp
        path = self._path(prepared)
        if path.exists():
            try:
                doc: Doc | None = Doc(nlp.vocab).from_bytes(path.read_bytes())
            except (ValueError, KeyError, TypeError):
                doc = None  # a damaged file: parse again and overwrite it
            if doc is not None and doc.text == prepared.text:
                self.hits += 1
                return doc
        self.misses += 1
        limit = chunking.chunk_limit(nlp, self.attributor.max_chunk_chars)
        doc = chunking.parse(nlp, prepared.text, limit)
        _write_atomically(path, doc.to_bytes(exclude=["tensor", "user_data"]))
        return doc


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file and rename it, so a killed run leaves no half file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
