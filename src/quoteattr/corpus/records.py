"""The flat forms of a quote: a JSONL record and a CSV row.

A record is ``Quote.to_dict()`` plus the document id, with the speaker's profile (role,
gender, named, aliases) beside its id, name and kind, so that a line read on its own — by
``quoteattr speakers`` or anyone — says who spoke without the document's entity list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..types import Attribution, Quote

__all__ = ["CSV_COLUMNS", "csv_row", "document_records", "quote_record"]

#: The columns of the CSV form (and of ``quoteattr.dask.quote_dataframe``), in order.
CSV_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "start",
    "end",
    "kind",
    "category",
    "text",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "speaker_gender",
    "speaker_named",
    "cue",
    "addressee",
    "confidence",
    "rule",
)

#: How several roles share one CSV cell.
ROLE_SEPARATOR = "; "


def quote_record(quote: Quote, doc_id: str) -> dict[str, Any]:
    """One JSONL line: the quote, its document id, and its speaker's reference and profile."""
    record: dict[str, Any] = {"doc_id": doc_id, **quote.to_dict()}
    if quote.speaker is not None:
        speaker = quote.speaker
        record["speaker"] = {
            **speaker.ref(),
            "role": list(speaker.role),
            "gender": speaker.gender,
            "named": speaker.named,
            "aliases": list(speaker.aliases),
        }
    return record


def document_records(attribution: Attribution, doc_id: str) -> Iterator[dict[str, Any]]:
    for quote in attribution.quotes:
        yield quote_record(quote, doc_id)


def _text(span: Any) -> str:
    return str(span["text"]) if isinstance(span, Mapping) else ""


def _flag(value: Any) -> str:
    return "" if value is None else str(bool(value)).lower()


def csv_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record flattened to ``CSV_COLUMNS``; absent values are empty strings."""
    speaker = record.get("speaker") or {}
    mention = record.get("speaker_mention")
    return {
        "doc_id": record["doc_id"],
        "start": record["start"],
        "end": record["end"],
        "kind": record["kind"],
        "category": record.get("category") or "",
        "text": record["text"],
        # an unresolved mention still says who, as written
        "speaker": speaker.get("name") or _text(mention),
        "speaker_kind": speaker.get("kind") or "",
        "speaker_role": ROLE_SEPARATOR.join(speaker.get("role") or ()),
        "speaker_gender": speaker.get("gender") or "",
        # the anonymous-source flag: "false" for "officials", "a spokesman"
        "speaker_named": _flag(speaker.get("named")),
        "cue": _text(record.get("cue")),
        "addressee": _text(record.get("addressee")),
        "confidence": record["confidence"],
        "rule": record.get("rule") or "",
    }
