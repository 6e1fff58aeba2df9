"""Documents from what a user points at: text files, directories, JSONL and CSV corpora,
HTML pages and standard input.

Every input becomes a stream of ``Document`` in a fixed order (directories sorted), each
with an id: a file's path, a corpus row's ``--id-field`` (else ``PATH:LINE``), ``<stdin>``.
Reading never raises for one bad document: an undecodable file, a binary file, a JSONL line
that is no JSON object, a row without the text field all become a ``Document`` whose
``error`` says why, so that the run can report it and go on. Bytes are decoded as strict
UTF-8 everywhere (stdin too); a UTF-8 byte order mark is dropped.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from ..errors import QuoteattrError

__all__ = [
    "DEFAULT_GLOBS",
    "Document",
    "MissingExtraError",
    "ReadOptions",
    "count_documents",
    "decode_text",
    "extract_html",
    "missing_inputs",
    "read_documents",
]

#: What a directory contributes when no ``--glob`` is given.
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.html", "*.htm")
HTML_SUFFIXES = frozenset({".html", ".htm"})
STDIN = "-"


class MissingExtraError(QuoteattrError):
    """An optional dependency is needed for this input; the message says what to install."""


@attrs.frozen
class Document:
    """One text to analyse, or the reason it could not be read.

    ``source`` is where it came from (a path, ``PATH:LINE``, ``<stdin>``); ``html`` says the
    text was extracted from an HTML page, so offsets refer to the extracted text.
    """

    id: str
    text: str | None
    source: str
    error: str | None = None
    html: bool = False


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@attrs.frozen
class ReadOptions:
    """How to read inputs: the directory patterns, the corpus fields, HTML handling."""

    globs: tuple[str, ...] = attrs.field(default=DEFAULT_GLOBS, converter=_strings)
    text_field: str = "text"
    id_field: str = "id"
    html: bool = False  # treat every text as HTML, whatever the file name


# ------------------------------------------------------------------ decoding


def _refuse_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise ValueError("looks like a binary file (it contains NUL bytes), not text")


def decode_text(data: bytes) -> str:
    """Strict UTF-8 with a clear message; NUL bytes mean a binary file, not text."""
    _refuse_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first, e.g. with iconv"
        ) from None
    return text.removeprefix("\ufeff")


def extract_html(html: str | bytes) -> str:
    """The article's main text, by trafilatura (comments, navigation, boilerplate off);
    bytes are decoded by trafilatura, by the page's declared charset."""
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError(
            f"reading HTML needs trafilatura ({exc}): pip install 'quoteattr[html]'"
        ) from None
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_images=False
    )
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML page")
    return str(text)


# ------------------------------------------------------------------ inputs


def _is_corpus(path: Path) -> bool:
    return path.suffix.lower() in (".jsonl", ".csv")


def _is_html(path: Path, options: ReadOptions) -> bool:
    return options.html or path.suffix.lower() in HTML_SUFFIXES


def _directory_files(path: Path, globs: Sequence[str]) -> list[Path]:
    found = {p for pattern in globs for p in path.rglob(pattern) if p.is_file()}
    return sorted(found)


def _document(doc_id: str, source: str, text: str, html: bool) -> Document:
    try:
        if html:
            text = extract_html(text)
    except ValueError as exc:
        return Document(doc_id, None, source, error=str(exc), html=html)
    return Document(doc_id, text, source, html=html)


def _read_file(path: Path, options: ReadOptions) -> Document:
    """A text file decoded as strict UTF-8; an HTML page handed to trafilatura as bytes, which
    honours the page's declared charset (a page in windows-1252 is no error)."""
    source = str(path)
    html = _is_html(path, options)
    try:
        data = path.read_bytes()
        if html:
            _refuse_binary(data)
            return Document(source, extract_html(data), source, html=True)
        text = decode_text(data)
    except OSError as exc:
        return Document(source, None, source, error=exc.strerror or str(exc), html=html)
    except ValueError as exc:
        return Document(source, None, source, error=str(exc), html=html)
    return Document(source, text, source)


def _field_text(value: Any, field: str) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        raise ValueError(f"no {field!r} field")
    raise ValueError(f"the {field!r} field is a {type(value).__name__}, not a string")


def _row_document(row: Any, source: str, options: ReadOptions, html: bool) -> Document:
    if not isinstance(row, dict):
        return Document(source, None, source, error="not a JSON object")
    raw_id = row.get(options.id_field)
    doc_id = source if raw_id is None or raw_id == "" else str(raw_id)
    try:
        text = _field_text(row.get(options.text_field), options.text_field)
    except ValueError as exc:
        return Document(doc_id, None, source, error=str(exc))
    return _document(doc_id, source, text, html)


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document]:
    html = options.html
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                row = json.loads(decode_text(raw))
            except ValueError as exc:  # JSONDecodeError is a ValueError
                yield Document(source, None, source, error=f"not valid JSON: {exc}")
                continue
            yield _row_document(row, source, options, html)


def _read_csv(path: Path, options: ReadOptions) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles are longer than 128 KiB
    try:
        text = decode_text(path.read_bytes())
    except ValueError as exc:
        yield Document(str(path), None, str(path), error=str(exc))
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or options.text_field not in reader.fieldnames:
        error = f"no {options.text_field!r} column (columns: {reader.fieldnames or []})"
        yield Document(str(path), None, str(path), error=error)
        return
    for row in reader:
        source = f"{path}:{reader.line_num}"
        yield _row_document(row, source, options, options.html)


def _read_stdin(stream: BinaryIO | Any, options: ReadOptions) -> Document:
    source = "<stdin>"
    buffer = getattr(stream, "buffer", None)
    try:
        data = (buffer or stream).read()
        text = decode_text(data) if isinstance(data, bytes) else str(data)
    except ValueError as exc:
        return Document(source, None, source, error=str(exc))
    return _document(source, source, text, options.html)


def read_documents(
    inputs: Iterable[str], options: ReadOptions | None = None, *, stdin: Any = None
) -> Iterator[Document]:
    """Every document of ``inputs`` in order (see the module docstring).

    An input path that does not exist becomes an error document too; callers that want to
    refuse typos up front check with ``missing_inputs`` first.
    """
    options = options or ReadOptions()
    for name in inputs:
        if name == STDIN:
            yield _read_stdin(stdin if stdin is not None else sys.stdin, options)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _directory_files(path, options.globs):
                yield _read_file(file, options)
        elif path.is_file() and _is_corpus(path):
            try:
                yield from (_read_jsonl if path.suffix.lower() == ".jsonl" else _read_csv)(
                    path, options
                )
            except OSError as exc:
                yield Document(name, None, name, error=exc.strerror or str(exc))
        else:
            yield _read_file(path, options)


def missing_inputs(inputs: Iterable[str]) -> list[str]:
    """The inputs that name no existing file or directory (stdin always exists)."""
    return [name for name in inputs if name != STDIN and not Path(name).exists()]


def count_documents(inputs: Iterable[str], options: ReadOptions | None = None) -> int | None:
    """How many documents ``read_documents`` will give, for a progress bar's ETA.

    Cheap next to the analysis: files are counted, JSONL lines scanned, CSV rows parsed.
    None when it cannot tell.
    """
    options = options or ReadOptions()
    total = 0
    try:
        for name in inputs:
            path = Path(name)
            if name == STDIN or (not path.is_dir() and not _is_corpus(path)):
                total += 1
            elif path.is_dir():
                total += len(_directory_files(path, options.globs))
            elif path.suffix.lower() == ".jsonl":
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                with path.open(encoding="utf-8", errors="replace", newline="") as handle:
                    total += max(0, sum(1 for _ in csv.reader(handle)) - 1)
    except (OSError, csv.Error):
        return None
    return total
