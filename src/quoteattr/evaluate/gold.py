"""Gold JSONL: annotated quotes, their speakers and the regions to ignore (docs/evaluation.md)."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..types import QuoteKind, Span
from .errors import short

#: Kinds in the order reports show them.
KINDS = ("direct", "indirect", "mixed")
#: Gold speaker types with no name of their own: their quotes should get no person's name.
ANONYMOUS_TYPES = ("group", "unnamed")


@attrs.frozen
class GoldQuote:
    """One annotated quotation.

    ``fragments`` always holds at least one span (the whole quote when the gold gives none).
    ``speaker_spans`` is every span that counts as the right speaker: the annotated
    ``speaker_mentions`` plus, for LitBank, every mention of the ``speaker_id`` entity.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    fragments: tuple[Span, ...]
    speaker: str | None = None
    speaker_mentions: tuple[Span, ...] = ()
    speaker_spans: tuple[Span, ...] = ()
    speaker_id: str | None = None
    cue: Span | None = None
    #: The fullest name the text writes for the speaker (null for a group or unnamed
    #: source) and what kind of source it is: person, organization, group, unnamed, ...
    speaker_canonical: str | None = None
    speaker_type: str | None = None
    category: str | None = None  # speech / thought / evidence, where the gold says

    @property
    def has_speaker(self) -> bool:
        """Whether the gold names a speaker (only those count for speaker and e2e scores)."""
        return self.speaker is not None or bool(self.speaker_spans)


@attrs.frozen
class GoldDocument:
    """One gold document: its text, quotes, and regions whose predictions are ignored."""

    id: str
    corpus: str
    text: str
    quotes: tuple[GoldQuote, ...]
    discard_spans: tuple[Span, ...] = ()
    speaker_entity_mentions: Mapping[str, tuple[Span, ...]] = attrs.field(factory=dict)
    source: str = ""  # "path:line", for messages
    metadata: Mapping[str, Any] = attrs.field(factory=dict)
    # False when the gold marks no fragments: each piece of an interrupted quote is then a
    # quote of its own (LitBank), and predictions are scored piece by piece to match.
    fragmented: bool = True


class _GoldError(ValueError):
    """A problem inside one line; re-raised with the file and line in front."""


def _span(value: Any, text: str, what: str) -> Span:
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise _GoldError(f"{what} must be a [start, end] pair of integers, got {value!r}")
    start, end = value
    if not 0 <= start <= end <= len(text):
        raise _GoldError(
            f"{what} [{start}, {end}] does not fit the document text ({len(text)} characters)"
        )
    return Span.of(text, start, end)


def _spans(value: Any, text: str, what: str) -> tuple[Span, ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise _GoldError(f"{what} must be a list of [start, end] pairs, got {value!r}")
    return tuple(_span(v, text, f"{what}[{i}]") for i, v in enumerate(value))


def _literal(value: Any, what: str) -> Any:
    """Decode a value the converter may have stored as a Python repr string."""
    if not isinstance(value, str):
        return value
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError) as exc:
        raise _GoldError(f"{what} is a string that is not a Python/JSON literal: {exc}") from None


def _entity_mentions(value: Any, text: str) -> dict[str, tuple[Span, ...]]:
    value = _literal(value, "speaker_entity_mentions")
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise _GoldError(
            f"speaker_entity_mentions must map entity ids to spans, got {type(value).__name__}"
        )
    return {
        str(key): _spans(
            _literal(spans, f"speaker_entity_mentions[{key!r}]"),
            text,
            f"speaker_entity_mentions[{key!r}]",
        )
        for key, spans in value.items()
    }


def _gold_quote(
    data: Any, text: str, entities: Mapping[str, tuple[Span, ...]], index: int
) -> GoldQuote:
    what = f"quotes[{index}]"
    if not isinstance(data, Mapping):
        raise _GoldError(f"{what} must be an object")
    for key in ("start", "end", "kind"):
        if key not in data:
            raise _GoldError(f"{what} has no {key!r}")
    whole = _span([data["start"], data["end"]], text, f"{what} start/end")
    if "text" in data and data["text"] != whole.text:
        raise _GoldError(
            f"{what} text {short(str(data['text']), 60)!r} does not match the document text "
            f"at [{whole.start}, {whole.end}]: {short(whole.text, 60)!r}"
        )
    kind = data["kind"]
    if kind not in KINDS:
        raise _GoldError(f"{what} kind must be one of {', '.join(KINDS)}, got {kind!r}")
    fragments = _spans(data.get("fragments"), text, f"{what}.fragments") or (whole,)
    mentions = _spans(data.get("speaker_mentions"), text, f"{what}.speaker_mentions")
    speaker_id = data.get("speaker_id")
    speaker_id = None if speaker_id is None else str(speaker_id)
    # LitBank: any mention of the speaking entity is a right answer.
    extra = entities.get(speaker_id, ()) if speaker_id is not None else ()
    speaker_spans = tuple(sorted(set(mentions) | set(extra), key=lambda s: (s.start, s.end)))
    speaker = data.get("speaker")
    cue = data.get("cue")
    canonical = data.get("speaker_canonical")
    speaker_type = data.get("speaker_type")
    return GoldQuote(
        start=whole.start,
        end=whole.end,
        text=whole.text,
        kind=QuoteKind(kind),
        fragments=fragments,
        speaker=None if speaker is None else str(speaker),
        speaker_mentions=mentions,
        speaker_spans=speaker_spans,
        speaker_id=speaker_id,
        cue=None if cue is None else _span(cue, text, f"{what}.cue"),
        speaker_canonical=None if canonical is None else str(canonical),
        speaker_type=None if speaker_type is None else str(speaker_type),
        category=None if data.get("category") is None else str(data["category"]),
    )


_DOC_KEYS = {"id", "corpus", "text", "quotes", "discard_spans", "speaker_entity_mentions"}


def _gold_document(data: Any, default_id: str, default_corpus: str, source: str) -> GoldDocument:
    if not isinstance(data, Mapping):
        raise _GoldError(f"a line must hold a JSON object, got {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str):
        raise _GoldError("the document has no string 'text'")
    quotes = data.get("quotes", [])
    if not isinstance(quotes, list):
        raise _GoldError("'quotes' must be a list")
    entities = _entity_mentions(data.get("speaker_entity_mentions"), text)
    return GoldDocument(
        id=str(data.get("id", default_id)),
        corpus=str(data.get("corpus") or default_corpus),
        text=text,
        quotes=tuple(_gold_quote(q, text, entities, i) for i, q in enumerate(quotes)),
        discard_spans=_spans(data.get("discard_spans"), text, "discard_spans"),
        speaker_entity_mentions=entities,
        source=source,
        metadata={k: v for k, v in data.items() if k not in _DOC_KEYS},
        fragmented=not quotes or any(isinstance(q, Mapping) and "fragments" in q for q in quotes),
    )


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file, one document per line, checking every offset against ``text``.

    Blank lines are skipped. A document without ``corpus`` is filed under the file's stem and
    one without ``id`` under ``stem:line``. Any malformed line raises ``ValueError`` naming the
    file and line, because a silently skipped document would change the scores.
    """
    path = Path(path)
    documents: list[GoldDocument] = []
    with path.open(encoding="utf-8-sig") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not valid JSON: {exc}") from None
            try:
                documents.append(_gold_document(data, f"{path.stem}:{lineno}", path.stem, where))
            except _GoldError as exc:
                raise ValueError(f"{where}: {exc}") from None
    return documents


def load_gold_files(
    paths: str | Path | Iterable[str | Path], *, limit: int | None = None
) -> list[GoldDocument]:
    """Load several gold files; ``limit`` keeps the first N documents of *each* file, so a
    quick run still covers every corpus."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    documents: list[GoldDocument] = []
    for path in paths:
        docs = load_gold(path)
        documents.extend(docs if limit is None else docs[: max(limit, 0)])
    return documents
