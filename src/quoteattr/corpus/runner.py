"""Running a corpus: documents in, one ``Result`` per document out, in input order.

One process, ``workers`` processes (``quoteattr.workers``) or a Dask cluster
(``quoteattr.dask``): the same per-document capture everywhere, so a document that cannot be
read or that raises comes out as a ``Result`` with an ``error`` and the run goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from .. import workers
from ..types import Attribution
from .readers import Document

__all__ = ["Analyse", "Result", "RunSummary", "in_processes", "run"]


@attrs.frozen
class Result:
    """A document and its attribution, or why there is none."""

    document: Document
    attribution: Attribution | None = None
    error: str | None = None


@attrs.define
class RunSummary:
    documents: int = 0
    quotes: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, result: Result) -> None:
        self.documents += 1
        if result.error is not None:
            self.failed += 1
        elif result.attribution is not None:
            self.quotes += len(result.attribution.quotes)

    def format(self) -> str:
        parts = [f"{self.documents} document{'s' if self.documents != 1 else ''}"]
        parts.append(f"{self.quotes} quote{'s' if self.quotes != 1 else ''}")
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.skipped:
            parts.append(f"{self.skipped} already done (--resume)")
        return ", ".join(parts)


#: Turns the texts of the readable documents into outcomes, in order.
Analyse = Callable[[Iterable[str]], Iterator[workers.Outcome]]


def in_processes(attributor: Any, n_process: int = 1, chunksize: int = 1) -> Analyse:
    def analyse(texts: Iterable[str]) -> Iterator[workers.Outcome]:
        return workers.outcomes(attributor, texts, n_process, chunksize=chunksize)

    return analyse


def run(documents: Iterable[Document], analyse: Analyse) -> Iterator[Result]:
    """A ``Result`` per document of ``documents``, in order.

    Documents are read lazily, as ``analyse`` asks for texts, so memory holds only what is
    in flight.
    """
    waiting: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            waiting.append(document)
            if document.error is None:
                assert document.text is not None
                yield document.text

    def unreadable() -> Iterator[Result]:
        while waiting and waiting[0].error is not None:
            document = waiting.popleft()
            yield Result(document, error=document.error)

    for outcome in analyse(texts()):
        yield from unreadable()
        document = waiting.popleft()
        if isinstance(outcome, workers.Failure):
            yield Result(document, error=outcome.error)
        else:
            yield Result(document, attribution=outcome)
    yield from unreadable()
