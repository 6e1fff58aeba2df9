"""Many texts on many cores: worker processes that each hold one pipeline.

``imap(attributor, texts, n_process)`` is what ``Attributor.pipe(texts, n_process=N)`` runs:
the texts go out in chunks to ``n_process`` worker processes and the attributions come back in
input order. Each worker gets the pipeline once: inherited from the parent where processes fork
(Linux), else unpickled once from the initializer. Every text is analysed by the same
``Attributor`` the caller built, so the results are those of one process.

Only a bounded window of chunks is in flight, so an endless iterator of texts is read as the
workers need it, not all at once. ``outcomes`` is the lower level: it yields a ``Failure`` in
place of a document that raised, so a corpus run can report the document and go on.
"""

from __future__ import annotations

import multiprocessing
import pickle
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from .errors import QuoteattrError
from .types import Attribution

if TYPE_CHECKING:
    from .attributor import Attributor

__all__ = ["Failure", "Recipe", "WorkerError", "analyze_batch", "imap", "outcomes"]

#: Chunks kept in flight per worker: enough to keep each busy, few enough to bound memory.
_WINDOW_PER_WORKER = 4


class WorkerError(QuoteattrError):
    """A document failed in a worker process and its exception could not be sent back."""


@attrs.frozen
class Failure:
    """What became of a document that raised: the exception's type and message."""

    error: str
    exception: BaseException | None = attrs.field(default=None, eq=False, repr=False)
    details: str = attrs.field(default="", eq=False, repr=False)

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        kept: BaseException | None = exc
        try:
            pickle.loads(pickle.dumps(exc))  # it must survive the trip back to the parent
        except Exception:
            kept = None
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return cls(error=f"{type(exc).__name__}: {exc}", exception=kept, details=details)

    def reraise(self) -> None:
        if self.exception is not None:
            raise self.exception
        raise WorkerError(self.error)


Outcome = Attribution | Failure


def analyze_batch(attributor: Any, texts: Sequence[str]) -> list[Outcome]:
    """The attributions of ``texts``; one that raises becomes a ``Failure``, the rest stand.

    The batch goes through ``pipe`` (spaCy batches the parse); if anything in it raises, each
    text is redone alone so that only the faulty one fails.
    """
    try:
        results: list[Outcome] = list(_pipe(attributor, texts))
        if len(results) == len(texts):
            return results
    except Exception:
        pass
    singles: list[Outcome] = []
    for text in texts:
        try:
            singles.append(attributor.analyze(text))
        except Exception as exc:
            singles.append(Failure.of(exc))
    return singles


def _pipe(attributor: Any, texts: Sequence[str]) -> Iterable[Attribution]:
    pipe = getattr(attributor, "pipe", None)
    if pipe is None:
        return [attributor.analyze(t) for t in texts]
    return pipe(list(texts))


# ------------------------------------------------------------------ the worker side

_WORKER_ATTRIBUTOR: Any = None


def _install(payload: bytes | None) -> None:
    """Worker initializer: unpickle the attributor (spawn), or keep the inherited one (fork)."""
    global _WORKER_ATTRIBUTOR
    if payload is not None:
        _WORKER_ATTRIBUTOR = pickle.loads(payload)


def _work(texts: list[str]) -> list[Outcome]:
    """The chunk's outcomes without their texts: the parent has them, so they need not
    travel back (half the bytes between the processes)."""
    return [
        attrs.evolve(o, text="") if isinstance(o, Attribution) else o
        for o in analyze_batch(_WORKER_ATTRIBUTOR, texts)
    ]


def _result(item: tuple[Future[list[Outcome]], list[str]]) -> tuple[list[Outcome], list[str]]:
    future, texts = item
    return future.result(), texts


def _with_texts(outcomes: list[Outcome], texts: list[str]) -> Iterator[Outcome]:
    for outcome, text in zip(outcomes, texts, strict=True):
        yield attrs.evolve(outcome, text=text) if isinstance(outcome, Attribution) else outcome


# ------------------------------------------------------------------ the parent side


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while chunk := list(islice(it, size)):
        yield chunk


def outcomes(
    attributor: Any, texts: Iterable[str], n_process: int, *, chunksize: int = 1
) -> Iterator[Outcome]:
    """One ``Attribution`` or ``Failure`` per text, in input order, from ``n_process`` workers.

    ``n_process`` 1 (or less) runs in this process, with the same per-document capture.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    if n_process <= 1:
        for chunk in _chunks(texts, chunksize):
            yield from analyze_batch(attributor, chunk)
        return
    yield from _in_workers(attributor, texts, n_process, chunksize)


def _start_method() -> str:
    """Fork where the platform can (the workers inherit the loaded pipeline), else spawn."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _in_workers(
    attributor: Any, texts: Iterable[str], n_process: int, chunksize: int
) -> Iterator[Outcome]:
    global _WORKER_ATTRIBUTOR
    method = _start_method()
    context = multiprocessing.get_context(method)
    payload = None if method == "fork" else pickle.dumps(attributor)
    previous = _WORKER_ATTRIBUTOR
    _WORKER_ATTRIBUTOR = attributor  # what forked workers inherit
    pending: deque[tuple[Future[list[Outcome]], list[str]]] = deque()
    window = _WINDOW_PER_WORKER * n_process
    chunks = _chunks(texts, chunksize)
    try:
        with ProcessPoolExecutor(
            max_workers=n_process, mp_context=context, initializer=_install, initargs=(payload,)
        ) as pool:
            try:
                for chunk in chunks:
                    pending.append((pool.submit(_work, chunk), chunk))
                    if len(pending) >= window:
                        yield from _with_texts(*_result(pending.popleft()))
                while pending:
                    yield from _with_texts(*_result(pending.popleft()))
            except BaseException:  # the caller stopped early, or a worker died
                pool.shutdown(wait=True, cancel_futures=True)  # not the queued chunks
                raise
    finally:
        _WORKER_ATTRIBUTOR = previous


def imap(
    attributor: Attributor, texts: Iterable[str], n_process: int, *, chunksize: int = 1
) -> Iterator[Attribution]:
    """The attributions of ``texts`` in input order, computed by ``n_process`` workers.

    A text that raises in a worker raises here (its own exception where it can be pickled,
    else ``WorkerError``), as it would in one process.
    """
    for outcome in outcomes(attributor, texts, n_process, chunksize=chunksize):
        if isinstance(outcome, Failure):
            outcome.reraise()
        else:
            yield outcome


# ------------------------------------------------------------------ building by recipe


def _roster(value: Mapping[str, Iterable[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not value:
        return ()
    return tuple((str(k), tuple(str(a) for a in v)) for k, v in value.items())


def _cues(value: Mapping[str, str] | Iterable[str]) -> tuple[Any, ...]:
    if isinstance(value, Mapping):
        return tuple((str(k), str(v)) for k, v in value.items())
    return tuple(str(v) for v in value)


@attrs.frozen
class Recipe:
    """How to build an ``Attributor``: small, picklable and hashable, so it can travel to a
    worker process or a Dask worker, which builds (and keeps) its own pipeline from it."""

    model: str | None = None
    roster: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(default=(), converter=_roster)
    cues: tuple[Any, ...] = attrs.field(default=(), converter=_cues)
    categories: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    min_confidence: float | None = None
    parse_cache: str | None = None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Attributor``; the optional ones only when set."""
        cues: Any = self.cues
        if cues and isinstance(cues[0], tuple):
            cues = dict(cues)
        options: dict[str, Any] = {
            "roster": dict(self.roster) or None,
            "cues": cues,
            "categories": self.categories,
        }
        if self.min_confidence is not None:
            options["min_confidence"] = self.min_confidence
        if self.parse_cache is not None:
            options["parse_cache"] = self.parse_cache
        return options

    def build(self) -> Attributor:
        from .attributor import Attributor

        return Attributor(model=self.model, **self.kwargs())


_BUILT: dict[Recipe, Any] = {}


def attributor_for(recipe: Recipe) -> Any:
    """This process's attributor for ``recipe``, built on first use and then kept."""
    built = _BUILT.get(recipe)
    if built is None:
        built = _BUILT[recipe] = recipe.build()
    return built
