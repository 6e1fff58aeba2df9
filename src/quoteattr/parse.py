"""Parsing a (sanitised) text with spaCy: in pieces, with line breaks as sentence ends.

The pipeline's parse step. It never changes the ``Language`` it is given: the line-break
rule is applied to each ``Doc`` between the tokenizer and the first component (the parser
respects sentence starts set before it), and components that must not run (quoteattr's own,
when the parse is made from inside a user's pipeline) are disabled per call.

Long texts are parsed in pieces planned by :func:`quoteattr.text.chunking.plan_pieces` and
joined with ``Doc.from_docs``: peak memory is set by the piece size, not the text's length,
and the joined text is the input character for character. Very long runs without whitespace
(``'"' * 5000``) are tokenised in slices, because spaCy's tokenizer is quadratic on them.
A parse cache (:class:`ParseCache`) keeps parses on disk so that re-scoring after a change
to the rules skips spaCy.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .text.chunking import plan_pieces

__all__ = [
    "DEFAULT_MAX_CHUNK_CHARS",
    "LONG_RUN",
    "RUN_SLICE",
    "ParseCache",
    "Parser",
    "chunk_limit",
    "make_doc",
    "mark_line_breaks",
]

#: Default piece size. Far under ``nlp.max_length``: spaCy's memory grows with the length of
#: one document, and parsing in pieces costs no accuracy because the rules see the whole.
#: On a 2 MB news text: 20,000 gives 648 MiB peak RSS in 90 s, 100,000 gives 879 MiB in
#: 142 s, 990,000 gives 3.7 GiB in 173 s, all with the same result.
DEFAULT_MAX_CHUNK_CHARS = 20_000
#: Whitespace-free runs at least this long are tokenised in slices (see module docstring).
LONG_RUN = 256
#: The slice length for such runs.
RUN_SLICE = 64

_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN},}}")


def chunk_limit(nlp: Language, max_chunk_chars: int | None = None) -> int:
    """The piece size to use: the requested one (or the default), never over ``max_length``."""
    wanted = DEFAULT_MAX_CHUNK_CHARS if max_chunk_chars is None else max_chunk_chars
    if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted < 1:
        raise ValueError(f"max_chunk_chars must be a positive int, got {max_chunk_chars!r}")
    return max(1, min(wanted, nlp.max_length))


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenise ``text`` like ``nlp.make_doc``, but in linear time on very long runs of
    non-space characters (which are cut into slices of :data:`RUN_SLICE`)."""
    cuts: list[int] = []
    for match in _LONG_RUN_RE.finditer(text):
        cuts.extend(range(match.start() + RUN_SLICE, match.end(), RUN_SLICE))
    if not cuts:
        return nlp.tokenizer(text)
    bounds = [0, *cuts, len(text)]
    docs = [nlp.tokenizer(text[a:b]) for a, b in itertools.pairwise(bounds)]
    return Doc.from_docs(docs, ensure_whitespace=False)


def line_break_starts(doc: Doc) -> list[int]:
    """Tokens that follow a line break: headlines, bylines and paragraphs end there although
    they carry no full stop."""
    return [t.i for t in doc[1:] if "\n" in doc[t.i - 1].text and not t.is_space]


def mark_line_breaks(doc: Doc) -> Doc:
    """Make every token after a line break a sentence start, in one array write (the
    ``Token.is_sent_start`` setter scans the whole doc on every call: quadratic)."""
    starts = line_break_starts(doc)
    if starts:
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # stubs: Ints2d only
    return doc


class ParseCache:
    """Parses kept in ``directory``, named by a digest of the pipeline and the text, so a
    changed text, model, spaCy or quoteattr version never reuses a stale parse."""

    SUFFIX = ".spacy"

    def __init__(self, directory: str | Path, key: str) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.key = key
        self.hits = 0
        self.misses = 0

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(f"{self.key}\0{text}".encode()).hexdigest()
        return self.directory / f"{digest}{self.SUFFIX}"

    def get(self, nlp: Language, text: str) -> Doc | None:
        path = self._path(text)
        if path.exists():
            try:
                doc: Doc | None = Doc(nlp.vocab).from_bytes(path.read_bytes())
            except (ValueError, KeyError, TypeError):
                doc = None  # a damaged file: parse again and overwrite it
            if doc is not None and doc.text == text:
                self.hits += 1
                return doc
        self.misses += 1
        return None

    def put(self, text: str, doc: Doc) -> None:
        _write_atomically(self._path(text), doc.to_bytes(exclude=["tensor", "user_data"]))


class Parser:
    """Parses texts with ``nlp``'s components (less ``disable``) in pieces of ``limit``."""

    def __init__(
        self,
        nlp: Language,
        *,
        limit: int,
        disable: Sequence[str] = (),
        cache: str | Path | None = None,
    ) -> None:
        self.nlp = nlp
        self.limit = limit
        self.disable = list(disable)
        self.cache = None if cache is None else ParseCache(cache, self._cache_key())

    def _cache_key(self) -> str:
        from . import __version__

        meta = self.nlp.meta
        names = [n for n in self.nlp.pipe_names if n not in self.disable]
        parts = [meta.get("lang"), meta.get("name"), meta.get("version"), spacy.__version__]
        return "|".join(map(str, [*parts, __version__, ",".join(names), self.limit]))

    def _run(self, doc: Doc) -> Doc:
        return self.nlp(mark_line_breaks(doc), disable=self.disable)

    def parse(self, text: str) -> Doc:
        """The full parse of ``text``, made piece by piece when it is longer than the limit."""
        if self.cache is not None:
            cached = self.cache.get(self.nlp, text)
            if cached is not None:
                return cached
        doc = self._parse(text)
        if self.cache is not None:
            self.cache.put(text, doc)
        return doc

    def _parse(self, text: str) -> Doc:
        pieces = plan_pieces(text, self.limit)
        if len(pieces) == 1:
            return self._run(make_doc(self.nlp, text))
        docs = []
        for start, end in pieces:
            doc = self._run(make_doc(self.nlp, text[start:end]))
            doc.tensor = doc.tensor[:0]  # the rules never read it; it would double the memory
            docs.append(doc)
        # spaCy's stubs lack from_docs's `exclude` (spaCy >= 3.4 has it)
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]

    def parse_many(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """Parses of ``texts`` in order: short ones batched through ``nlp.pipe``, long (or
        cached) ones one at a time."""
        batch: list[str] = []

        def flush() -> Iterator[Doc]:
            docs = (mark_line_breaks(make_doc(self.nlp, t)) for t in batch)
            yield from self.nlp.pipe(docs, batch_size=batch_size, disable=self.disable)
            batch.clear()

        for text in texts:
            if len(text) > self.limit or self.cache is not None:
                yield from flush()
                yield self.parse(text)
                continue
            batch.append(text)
            if len(batch) >= batch_size:
                yield from flush()
        yield from flush()


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
