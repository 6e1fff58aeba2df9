"""quoteattr on a Dask cluster (``pip install "quoteattr[dask]"``).

Each function takes a Dask collection and the ``Attributor`` options (``model``, ``roster``,
``cues``, ``categories``, ``min_confidence``) and returns a lazy collection of quote records.
The options travel to the workers as a small ``quoteattr.workers.Recipe``; each worker
process builds its pipeline from it once and keeps it for every later partition.

- ``quote_records(bag)``: a bag of texts, or of records with a text field, to a bag of
  per-quote records (the JSONL form, with ``doc_id``).
- ``documents(bag)``: the same input to one document object per input (the JSON form).
- ``quote_dataframe(frame)``: a DataFrame with a text column to a DataFrame with the CSV
  columns (``quoteattr.corpus.records.CSV_COLUMNS``).

Document ids: a record's ``id_field``, a DataFrame's ``id_column`` or index; a plain text in
a bag gets ``"P-I"``, its partition and position there.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any

from . import workers
from .corpus.records import CSV_COLUMNS, csv_row, document_records
from .errors import QuoteattrError
from .types import Attribution
from .workers import Failure, Recipe, analyze_batch, attributor_for

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped]
    from distributed import Client

__all__ = ["connect", "documents", "outcomes", "quote_dataframe", "quote_records"]

_INSTALL = "quoteattr.dask needs dask and distributed: pip install 'quoteattr[dask]'"


def _require() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise QuoteattrError(f"{_INSTALL} ({exc})") from None


def _recipe(options: Mapping[str, Any]) -> Recipe:
    return options["recipe"] if "recipe" in options else Recipe(**options)


# ------------------------------------------------------------------ on the workers


def _items(
    part: Iterable[Any], index: int, text_field: str, id_field: str
) -> tuple[list[str], list[str]]:
    ids, texts = [], []
    for position, item in enumerate(part):
        if isinstance(item, str):
            ids.append(f"{index}-{position}")
            texts.append(item)
        else:
            given = item.get(id_field)
            ids.append(f"{index}-{position}" if given is None else str(given))
            texts.append(item[text_field])
    return ids, texts


def _analysed(
    part: Iterable[Any], index: int, recipe: Recipe, text_field: str, id_field: str
) -> Iterator[tuple[str, Attribution]]:
    ids, texts = _items(part, index, text_field, id_field)
    for doc_id, outcome in zip(ids, analyze_batch(attributor_for(recipe), texts), strict=True):
        if isinstance(outcome, Failure):
            raise QuoteattrError(f"document {doc_id!r} failed: {outcome.error}")
        yield doc_id, outcome


def _record_partition(
    part: Iterable[Any], index: int, recipe: Recipe, text_field: str, id_field: str
) -> list[dict[str, Any]]:
    return [
        record
        for doc_id, attribution in _analysed(part, index, recipe, text_field, id_field)
        for record in document_records(attribution, doc_id)
    ]


def _document_partition(
    part: Iterable[Any], index: int, recipe: Recipe, text_field: str, id_field: str
) -> list[dict[str, Any]]:
    return [
        attribution.to_dict(doc_id=doc_id)
        for doc_id, attribution in _analysed(part, index, recipe, text_field, id_field)
    ]


def _frame_partition(
    frame: pd.DataFrame, recipe: Recipe, text_column: str, id_column: str | None
) -> pd.DataFrame:
    ids = frame.index if id_column is None else frame[id_column]
    items = [
        {"id": str(doc_id), "text": text}
        for doc_id, text in zip(ids, frame[text_column], strict=True)
    ]
    rows = [csv_row(r) for r in _record_partition(items, 0, recipe, "text", "id")]
    return _frame(rows)


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "confidence": "float64"})


def _batch(recipe: Recipe, texts: list[str]) -> list[workers.Outcome]:
    return analyze_batch(attributor_for(recipe), texts)


# ------------------------------------------------------------------ collections


def _per_partition(bag: db.Bag, function: Any, *args: Any) -> db.Bag:
    import dask
    import dask.bag as dbag

    parts = bag.to_delayed(optimize_graph=False)
    return dbag.from_delayed(
        [dask.delayed(function)(part, index, *args) for index, part in enumerate(parts)]
    )


def quote_records(
    bag: db.Bag, *, text_field: str = "text", id_field: str = "id", **options: Any
) -> db.Bag:
    """A bag of per-quote records (``doc_id`` plus ``Quote.to_dict`` and the speaker's
    profile) from a bag of texts or of records holding ``text_field``. A document that
    raises fails the computation with its id in the message."""
    _require()
    return _per_partition(bag, _record_partition, _recipe(options), text_field, id_field)


def documents(
    bag: db.Bag, *, text_field: str = "text", id_field: str = "id", **options: Any
) -> db.Bag:
    """A bag of document objects (``Attribution.to_dict(doc_id=...)``), one per input."""
    _require()
    return _per_partition(bag, _document_partition, _recipe(options), text_field, id_field)


def quote_dataframe(
    frame: dd.DataFrame, *, text_column: str = "text", id_column: str | None = None, **options: Any
) -> dd.DataFrame:
    """A DataFrame with the CSV columns, one row per quote, from one with ``text_column``;
    ``doc_id`` is ``id_column`` or, without one, the frame's index."""
    _require()
    return frame.map_partitions(
        _frame_partition, _recipe(options), text_column, id_column, meta=_frame([])
    )


# ------------------------------------------------------------------ the CLI's path


def connect(address: str, n_workers: int | None = None) -> tuple[Client, Any]:
    """A client for ``address``: ``"local"`` starts a ``LocalCluster`` of ``n_workers``
    single-threaded processes (returned second, to close); else a scheduler address."""
    _require()
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            silence_logs=logging.ERROR,  # not the nanny's notes on shutting workers down
            dashboard_address=None,  # no web server (nor port clash) for a command-line run
        )
        return Client(cluster), cluster
    return Client(address), None


def outcomes(
    client: Client, recipe: Recipe, texts: Iterable[str], *, chunksize: int = 8
) -> Iterator[workers.Outcome]:
    """One ``Attribution`` or ``Failure`` per text, in order, computed on ``client``'s
    cluster; a bounded window of chunks is in flight, so texts are read as they are needed."""
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[Any] = deque()
    it = iter(texts)
    while chunk := list(islice(it, chunksize)):
        pending.append(client.submit(_batch, recipe, chunk, pure=False))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
