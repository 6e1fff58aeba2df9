"""Writing results as they come: a table, JSONL quote records, CSV rows, JSON documents.

Each writer takes one document at a time and flushes after it, so an interrupted run keeps
every document it finished. ``resume_ids`` reads an output file back for ``--resume``: it
returns the ids of the documents already written and cuts the file before the last one,
which may have been cut short, so that it is written again whole.

Formats: ``table`` (for reading), ``jsonl`` (one record per quote, see ``records``), ``csv``
(``records.CSV_COLUMNS``, RFC 4180 quoting), ``json`` (one document object per line:
``Attribution.to_dict(doc_id=...)`` plus where it came from; every document appears, with
or without quotes).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TextIO

from ..render.layers import shorten
from ..types import Attribution, Quote
from .readers import Document
from .records import CSV_COLUMNS, csv_row, document_records

__all__ = [
    "FORMATS",
    "RESUMABLE",
    "ErrorLog",
    "NotResumable",
    "Writer",
    "make_writer",
    "resume_ids",
]


class Writer(Protocol):
    """Takes each finished document in input order; ``close`` ends the output (a format that
    needs a closing part, such as one HTML page for the run, writes it there)."""

    def write(self, document: Document, attribution: Attribution) -> None: ...

    def close(self) -> None: ...


class _Streaming:
    """A format that is complete after every document: nothing to add at the end."""

    def close(self) -> None:
        pass


# ------------------------------------------------------------------ table

#: Total width the quote table aims for.
WIDTH = 100
_KIND_W, _SPEAKER_W, _CUE_W = 8, 28, 12
_QUOTE_W = WIDTH - _KIND_W - _SPEAKER_W - _CUE_W - 3 * 2


def _speaker_cell(quote: Quote) -> str:
    """Canonical name, plus the mention as written when it differs (``Trump ("he")``)."""
    mention = quote.speaker_mention.text if quote.speaker_mention is not None else None
    mention = re.sub(r"\s+", " ", mention).strip() if mention else None
    name = quote.speaker.name if quote.speaker is not None else None
    if name and mention and mention != name:
        return f'{name} ("{mention}")'
    return name or mention or "-"


def _quote_cell(quote: Quote) -> str:
    if len(quote.fragments) > 1:
        return " … ".join(f.text for f in quote.fragments)
    return quote.text


def _row(kind: str, speaker: str, cue: str, text: str) -> str:
    cells = (
        shorten(kind, _KIND_W).ljust(_KIND_W),
        shorten(speaker, _SPEAKER_W).ljust(_SPEAKER_W),
        shorten(cue, _CUE_W).ljust(_CUE_W),
        shorten(text, _QUOTE_W),
    )
    return "  ".join(cells).rstrip()


class TableWriter(_Streaming):
    """A readable block per document: a header line, then kind, speaker, cue and quote."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, document: Document, attribution: Attribution) -> None:
        quotes = attribution.quotes
        count = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
        lines = [f"==> {document.id} <== {count}"]
        if quotes:
            lines.append(_row("KIND", "SPEAKER", "CUE", "QUOTE"))
            for q in quotes:
                cue = q.cue.text if q.cue is not None else "-"
                lines.append(_row(q.kind.value, _speaker_cell(q), cue, _quote_cell(q)))
        self.out.write("\n".join(lines) + "\n\n")
        self.out.flush()


# ------------------------------------------------------------------ machine formats


def _json_line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


class JsonlWriter(_Streaming):
    """One record per quote (``records.quote_record``); a document without quotes adds none."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, document: Document, attribution: Attribution) -> None:
        lines = [_json_line(r) for r in document_records(attribution, document.id)]
        if lines:
            self.out.write("".join(lines))
            self.out.flush()


class JsonWriter(_Streaming):
    """One document object per line; HTML input records that ``text`` is the extracted text."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, document: Document, attribution: Attribution) -> None:
        self.out.write(_json_line(document_object(document, attribution)))
        self.out.flush()


def document_object(document: Document, attribution: Attribution) -> dict[str, Any]:
    data = attribution.to_dict(doc_id=document.id)
    data["source"] = document.source
    if document.html:
        data["extracted_from"] = "html"  # offsets refer to "text", trafilatura's extraction
    return data


class CsvWriter(_Streaming):
    """``CSV_COLUMNS``, one row per quote, quoted by the csv module (RFC 4180, CRLF)."""

    def __init__(self, out: TextIO, *, header: bool = True) -> None:
        self.out = out
        self.buffer = io.StringIO()
        self.writer = csv.DictWriter(self.buffer, fieldnames=CSV_COLUMNS)
        if header:
            self.writer.writeheader()
            self._flush()

    def write(self, document: Document, attribution: Attribution) -> None:
        self.writer.writerows(csv_row(r) for r in document_records(attribution, document.id))
        self._flush()

    def _flush(self) -> None:
        data = self.buffer.getvalue()
        if data:
            self.out.write(data)
            self.out.flush()
            self.buffer.seek(0)
            self.buffer.truncate()


class HtmlWriter:
    """One self-contained page for the run, written at ``close``: the document's view for one
    input, a corpus page (speaker summary, then each document) for several. The attributions
    are kept until then, so this format is for what a reader will look at, not for archives."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.documents: list[tuple[str, Attribution]] = []

    def write(self, document: Document, attribution: Attribution) -> None:
        self.documents.append((document.id, attribution))

    def close(self) -> None:
        from ..render.html import render_corpus_html, render_html

        if len(self.documents) == 1:
            name, attribution = self.documents[0]
            page = render_html(attribution, title=name)
        else:
            page = render_corpus_html(self.documents)
        self.out.write(page)
        self.out.flush()


#: Output formats by name; ``--format`` offers exactly these.
FORMATS: dict[str, Callable[..., Writer]] = {
    "table": TableWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "json": JsonWriter,
    "html": HtmlWriter,  # one page per run, written at the end: not resumable
}

#: Formats whose files ``resume_ids`` can read back, and the key of each one's document id.
RESUMABLE: dict[str, str] = {"jsonl": "doc_id", "csv": "doc_id", "json": "id"}


def make_writer(name: str, out: TextIO, *, appending: bool = False) -> Writer:
    """The writer of format ``name``; ``appending`` to a non-empty file skips a CSV header."""
    if name == "csv":
        return CsvWriter(out, header=not appending)
    return FORMATS[name](out)


# ------------------------------------------------------------------ errors


class ErrorLog:
    """``--errors FILE``: one JSON line per failed document, flushed: its id, its path
    (``PATH:LINE`` for a corpus row, ``<stdin>``) and the error."""

    def __init__(self, out: TextIO | None) -> None:
        self.out = out
        self.count = 0

    def write(self, document: Document, error: str) -> None:
        self.count += 1
        if self.out is not None:
            self.out.write(_json_line({"id": document.id, "path": document.source, "error": error}))
            self.out.flush()


# ------------------------------------------------------------------ resuming

Rows = list[tuple[int, str]]  # (offset of a record, its document id)


class NotResumable(ValueError):
    """The output file is not one this format writes: resuming would destroy it."""


def _json_rows(text: str, key: str) -> tuple[int, Rows]:
    """Each complete JSON line; only an unfinished last line may be broken."""
    rows: Rows = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if not line.endswith("\n"):
            break  # the line an interruption cut short
        try:
            data = json.loads(line)
        except ValueError:
            data = None
        if not isinstance(data, dict) or key not in data:
            raise NotResumable(f"line {number} is not a record with {key!r}")
        rows.append((offset, str(data[key])))
        offset += len(line)
    return 0, rows


def _csv_rows(text: str, key: str) -> tuple[int, Rows]:
    """Each complete CSV row after the header, and where the header ends; only an
    unfinished last row may be broken."""
    ends: list[int] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            ends.append((ends[-1] if ends else 0) + len(line))
            yield line

    rows: Rows = []
    header: list[str] | None = None
    base = start = 0
    with contextlib.suppress(csv.Error):  # a quoted field cut short
        for row in csv.reader(lines()):
            end = ends[-1]
            if text[end - 1] != "\n":
                break  # the row an interruption cut short
            if header is None:
                if tuple(row) != CSV_COLUMNS:
                    raise NotResumable(f"its header is not {','.join(CSV_COLUMNS)}")
                header, base = row, end
            elif len(row) == len(header):
                rows.append((start, row[0]))
            else:
                raise NotResumable(f"a row has {len(row)} fields, not {len(header)}")
            start = end
    return base, rows


def resume_ids(path: str | os.PathLike[str], fmt: str) -> set[str]:
    """The ids of the documents complete in output file ``path`` of format ``fmt``.

    The file is cut after the last of them: the document written last (which an interruption
    may have cut short) and any broken line after it go, to be written again.
    """
    file = Path(path)
    if fmt not in RESUMABLE:
        raise ValueError(f"--resume needs a file format ({', '.join(RESUMABLE)}), not {fmt!r}")
    if not file.exists() or file.stat().st_size == 0:
        return set()
    text = file.read_bytes().decode("utf-8", errors="replace")
    try:
        keep, rows = (_csv_rows if fmt == "csv" else _json_rows)(text, RESUMABLE[fmt])
    except NotResumable as exc:
        message = f"cannot resume {file}, not a {fmt} output of quoteattr: {exc}"
        raise NotResumable(message) from None
    done: set[str] = set()
    if rows:
        first = len(rows) - 1
        while first > 0 and rows[first - 1][1] == rows[-1][1]:
            first -= 1
        keep = rows[first][0]
        done = {doc_id for _, doc_id in rows[:first]}
    with file.open("r+b") as handle:
        handle.truncate(len(text[:keep].encode("utf-8")))
    return done
