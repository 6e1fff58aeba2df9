"""Score quotation attribution against gold JSONL files (PolNeAR, LitBank or your own).

The gold format and the metrics follow ``docs/evaluation.md``. Scoring works on character
offsets only, so any system whose output carries offsets into the gold ``text`` can be scored,
not just quoteattr.

Spans are compared by the characters they share, counting only characters that are not
whitespace, punctuation or quotation marks: annotators disagree about whether a quote span
includes its marks and the comma inside them, and that should not decide a match.
"""

from __future__ import annotations

import ast
import bisect
import json
import re
import string
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol

import attrs

from . import calibration
from .calibration import Outcome
from .lexicon import load_table, word_list
from .text.marks import find_quoted_spans
from .types import Attribution, EntityKind, Mention, MentionKind, Quote, QuoteKind, Span

__all__ = [
    "LOOSE",
    "STRICT",
    "Analyzer",
    "CorpusScore",
    "ErrorCase",
    "GoldDocument",
    "GoldQuote",
    "Report",
    "evaluate",
    "evaluate_documents",
    "load_gold",
    "load_gold_files",
    "run_attributor",
    "score",
]

#: Share of counted characters (of both quotes) needed for a loose match.
LOOSE = 0.3
#: Share of counted characters (of both quotes) needed for a strict match.
STRICT = 0.8
#: Characters of context shown either side of an error.
CONTEXT = 150

#: Kinds in the order reports show them.
_KINDS = ("direct", "indirect", "mixed")
#: Gold speaker types with no name of their own: their quotes should get no person's name.
_ANONYMOUS_TYPES = ("group", "unnamed")
# ASCII punctuation and symbols, plus marks that Unicode files as symbols but texts use as quotes.
_IGNORED = frozenset(string.punctuation) | frozenset("`´˝")

Interval = tuple[int, int]


# --------------------------------------------------------------------------------------------
# Gold data


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
            f"{what} text {_short(str(data['text']), 60)!r} does not match the document text "
            f"at [{whole.start}, {whole.end}]: {_short(whole.text, 60)!r}"
        )
    kind = data["kind"]
    if kind not in _KINDS:
        raise _GoldError(f"{what} kind must be one of {', '.join(_KINDS)}, got {kind!r}")
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


# --------------------------------------------------------------------------------------------
# Character arithmetic


def _is_counted(ch: str) -> bool:
    if ch.isspace() or ch in _IGNORED:
        return False
    # P*: punctuation incl. all quotation marks; Z*: separators; C*: controls, format chars.
    return unicodedata.category(ch)[0] not in "PZC"


def _prefix_counts(text: str) -> list[int]:
    """``cum[i]`` = counted characters in ``text[:i]``, so any span counts in O(1)."""
    table = {ch: int(_is_counted(ch)) for ch in set(text)}
    return list(accumulate((table[ch] for ch in text), initial=0))


def _merge(spans: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, disjoint, non-empty intervals covering the same characters."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _count(spans: Sequence[Interval], cum: Sequence[int]) -> int:
    return sum(cum[e] - cum[s] for s, e in spans)


def _shared(a: Sequence[Interval], b: Sequence[Interval], cum: Sequence[int]) -> int:
    """Counted characters in both merged interval lists (two-pointer walk)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            total += cum[end] - cum[start]
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


class _HasOffsets(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def _overlaps(a: _HasOffsets, b: _HasOffsets) -> bool:
    """Whether two spans (Span, Mention, Quote…) share at least one character."""
    return a.start < b.end and b.start < a.end


@attrs.frozen
class _Item:
    """A quote reduced to what matching needs."""

    spans: tuple[Interval, ...]
    counted: int

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0


def _candidates(gold: Sequence[_Item], pred: Sequence[_Item]) -> Iterator[tuple[int, int]]:
    """Pairs whose extents overlap, by one sweep over starts instead of all gold × pred."""
    events = sorted(
        [(g.start, 0, i) for i, g in enumerate(gold) if g.spans]
        + [(p.start, 1, j) for j, p in enumerate(pred) if p.spans]
    )
    active: tuple[list[int], list[int]] = ([], [])
    items = (gold, pred)
    for start, side, index in events:
        other = 1 - side
        active[other][:] = [k for k in active[other] if items[other][k].end > start]
        for k in active[other]:
            yield (index, k) if side == 0 else (k, index)
        active[side].append(index)


def _greedy(
    pairs: Sequence[tuple[int, int, int]],
    gold: Sequence[_Item],
    pred: Sequence[_Item],
    threshold: float,
) -> dict[int, int]:
    """One-to-one matching: take qualifying pairs by most shared characters first."""
    eps = 1e-9
    eligible = [
        (shared, g, p)
        for g, p, shared in pairs
        if shared > 0
        and shared >= threshold * gold[g].counted - eps
        and shared >= threshold * pred[p].counted - eps
    ]
    # Ties: the pair that covers more of both (Dice), then document order.
    eligible.sort(key=lambda t: (-t[0], -2 * t[0] / (gold[t[1]].counted + pred[t[2]].counted), t))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in eligible:
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


# --------------------------------------------------------------------------------------------
# Scores


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@attrs.define
class CorpusScore:
    """Counts for one corpus (or all), micro-averaged over quotes; metrics derive from them."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0  # after dropping predictions inside discard spans
    ignored: int = 0  # predictions dropped because they lie mostly inside discard spans
    loose: int = 0
    strict: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    e2e_gold: int = 0
    e2e_predicted: int = 0
    e2e_hits: int = 0
    cue_total: int = 0
    cue_right: int = 0
    # Entity level: LitBank characters (``speaker_entity_mentions``) ...
    entity_total: int = 0
    entity_right: int = 0
    # ... and canonical names, by ``speaker_type``: right names where the gold has one,
    # a specific person named where it has none (a group or an unnamed source).
    canonical_total: dict[str, int] = attrs.field(factory=dict)
    canonical_right: dict[str, int] = attrs.field(factory=dict)
    anonymous_total: dict[str, int] = attrs.field(factory=dict)
    anonymous_named: dict[str, int] = attrs.field(factory=dict)
    gold_by_kind: dict[str, int] = attrs.field(factory=lambda: dict.fromkeys(_KINDS, 0))
    found_by_kind: dict[str, int] = attrs.field(factory=lambda: dict.fromkeys(_KINDS, 0))
    # Every scored prediction and how it fared (category precision, calibration).
    outcomes: list[Outcome] = attrs.field(factory=list, repr=False)

    def add(self, other: CorpusScore) -> None:
        for field in attrs.fields(CorpusScore):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if isinstance(mine, dict):
                for key, value in theirs.items():
                    mine[key] = mine.get(key, 0) + value
            else:
                setattr(self, field.name, mine + theirs)

    @property
    def precision(self) -> float | None:
        return _ratio(self.loose, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.loose, self.gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.loose, self.gold + self.predicted)

    @property
    def strict_precision(self) -> float | None:
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float | None:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float | None:
        return _ratio(2 * self.strict, self.gold + self.predicted)

    @property
    def speaker_accuracy(self) -> float | None:
        return _ratio(self.speaker_right, self.speaker_total)

    @property
    def entity_accuracy(self) -> float | None:
        """Entity-level speaker accuracy: LitBank's character test where the gold has entity
        mention lists, the canonical-name test where it has canonical names (both together
        for a mixed set); None when the gold has neither."""
        return _ratio(
            self.entity_right + sum(self.canonical_right.values()),
            self.entity_total + sum(self.canonical_total.values()),
        )

    def canonical_accuracy(self, *types: str) -> float | None:
        """Share of matched quotes with a canonical gold name (of the given speaker types, or
        all) whose predicted speaker carries that name."""
        keys = types or tuple(self.canonical_total)
        return _ratio(
            sum(self.canonical_right.get(k, 0) for k in keys),
            sum(self.canonical_total.get(k, 0) for k in keys),
        )

    def person_named_rate(self, *types: str) -> float | None:
        """Share of matched quotes whose gold source has no name (of the given speaker types,
        default group and unnamed) that the prediction gives a specific person's name."""
        keys = types or _ANONYMOUS_TYPES
        return _ratio(
            sum(self.anonymous_named.get(k, 0) for k in keys),
            sum(self.anonymous_total.get(k, 0) for k in keys),
        )

    @property
    def e2e_precision(self) -> float | None:
        return _ratio(self.e2e_hits, self.e2e_predicted)

    @property
    def e2e_recall(self) -> float | None:
        return _ratio(self.e2e_hits, self.e2e_gold)

    @property
    def e2e_f1(self) -> float | None:
        return _ratio(2 * self.e2e_hits, self.e2e_gold + self.e2e_predicted)

    @property
    def cue_accuracy(self) -> float | None:
        return _ratio(self.cue_right, self.cue_total)

    def recall_by_kind(self, kind: str | QuoteKind) -> float | None:
        key = kind.value if isinstance(kind, QuoteKind) else kind
        return _ratio(self.found_by_kind.get(key, 0), self.gold_by_kind.get(key, 0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "ignored_predictions": self.ignored,
            "loose": {
                "matched": self.loose,
                "precision": self.precision,
                "recall": self.recall,
                "f1": self.f1,
            },
            "strict": {
                "matched": self.strict,
                "precision": self.strict_precision,
                "recall": self.strict_recall,
                "f1": self.strict_f1,
            },
            "speaker": {
                "right": self.speaker_right,
                "total": self.speaker_total,
                "accuracy": self.speaker_accuracy,
            },
            "speaker_entity": {
                "right": self.entity_right,
                "total": self.entity_total,
                "accuracy": _ratio(self.entity_right, self.entity_total),
            },
            "canonical": {
                "by_type": {
                    t: {
                        "right": self.canonical_right.get(t, 0),
                        "total": n,
                        "accuracy": self.canonical_accuracy(t),
                    }
                    for t, n in sorted(self.canonical_total.items())
                },
                "accuracy": self.canonical_accuracy(),
                "unnamed_by_type": {
                    t: {
                        "person_named": self.anonymous_named.get(t, 0),
                        "total": n,
                        "rate": self.person_named_rate(t),
                    }
                    for t, n in sorted(self.anonymous_total.items())
                },
                "group_or_unnamed_person_named": self.person_named_rate(),
            },
            "attribution": {
                "hits": self.e2e_hits,
                "gold": self.e2e_gold,
                "predicted": self.e2e_predicted,
                "precision": self.e2e_precision,
                "recall": self.e2e_recall,
                "f1": self.e2e_f1,
            },
            "cue": {
                "right": self.cue_right,
                "total": self.cue_total,
                "accuracy": self.cue_accuracy,
            },
            "recall_by_kind": {
                kind: {
                    "gold": self.gold_by_kind.get(kind, 0),
                    "found": self.found_by_kind.get(kind, 0),
                    "recall": self.recall_by_kind(kind),
                }
                for kind in _KINDS
            },
        }


@attrs.frozen
class ErrorCase:
    """One thing to look at: a missed gold quote, a false alarm or a wrong speaker.

    ``start``/``end``/``text``/``kind`` describe the gold quote for misses and wrong speakers
    and the predicted quote for false alarms. ``context`` is the surrounding text on one line,
    with the span in ``[[…]]``.
    """

    type: str  # "miss" | "false_alarm" | "wrong_speaker"
    doc_id: str
    corpus: str
    kind: str
    start: int
    end: int
    text: str
    context: str
    gold_speaker: str | None = None
    predicted_speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


_ERROR_TITLES = {
    "miss": ("MISSES", "gold quotes that no prediction matched"),
    "false_alarm": ("FALSE ALARMS", "predictions that matched no gold quote"),
    "wrong_speaker": ("WRONG SPEAKERS", "matched quotes whose predicted speaker is not a gold one"),
    "wrong_entity": (
        "WRONG ENTITIES",
        "matched quotes whose predicted speaker entity is not the gold one (canonical name, "
        "LitBank character, or a person's name for a group or unnamed source)",
    ),
}


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


@attrs.define
class Report:
    """The scores overall and per corpus, and the errors behind them."""

    overall: CorpusScore = attrs.field(factory=CorpusScore)
    corpora: dict[str, CorpusScore] = attrs.field(factory=dict)
    errors: list[ErrorCase] = attrs.field(factory=list)
    threshold: float | None = None  # predictions below this confidence were left out

    def errors_of(self, type_: str) -> list[ErrorCase]:
        return [e for e in self.errors if e.type == type_]

    def to_dict(self, *, include_errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "overall": self.overall.to_dict(),
            "corpora": {name: s.to_dict() for name, s in self.corpora.items()},
            "error_counts": {t: len(self.errors_of(t)) for t in _ERROR_TITLES},
            "confidence": _confidence_dict(self),
        }
        if include_errors:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data

    def format(self) -> str:
        """A plain-text table: one row per corpus, then the overall row. Figures are %."""
        header: tuple[str, ...] = (
            "corpus",
            "P",
            "R",
            "F1",
            "strictF1",
            "spkMen",
            "e2eF1",
            "cueAcc",
            "R-dir",
            "R-ind",
            "R-mix",
            "docs",
            "gold",
            "pred",
        )
        rows = [header]
        named = [*sorted(self.corpora.items()), ("overall", self.overall)]
        for name, s in named:
            rows.append(
                (
                    name,
                    _pct(s.precision),
                    _pct(s.recall),
                    _pct(s.f1),
                    _pct(s.strict_f1),
                    _pct(s.speaker_accuracy),
                    _pct(s.e2e_f1),
                    _pct(s.cue_accuracy),
                    *(_pct(s.recall_by_kind(k)) for k in _KINDS),
                    str(s.documents),
                    str(s.gold),
                    str(s.predicted),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = [
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ).rstrip()
            for row in rows
        ]
        rule = "-" * max(len(line) for line in lines)
        lines.insert(1, rule)
        lines.insert(len(lines) - 1, rule)
        lines.append("")
        lines += textwrap.wrap(
            f"P/R/F1: quotes matched one-to-one sharing >= {LOOSE:.0%} of both (strict: "
            f">= {STRICT:.0%}). spkMen: mention-level speaker accuracy over loose matches with "
            "a gold speaker (a mention of the predicted entity touches a gold one; entity "
            "level below). e2eF1: match + right speaker (mention level). cueAcc: over "
            "matches where both have a cue. R-dir/ind/mix: loose recall by gold kind.",
            width=100,
        )
        lines += self._format_entities(named)
        if self.overall.ignored:
            lines.append(f"{self.overall.ignored} predictions inside discard spans were ignored.")
        lines += _confidence_lines(self)
        return "\n".join(lines)

    @staticmethod
    def _format_entities(named: Sequence[tuple[str, CorpusScore]]) -> list[str]:
        """The entity-level block, for corpora whose gold says who each speaker is."""
        rows = [
            (
                name,
                _pct(s.speaker_accuracy),
                _pct(s.entity_accuracy),
                _pct(s.canonical_accuracy("person")),
                _pct(s.canonical_accuracy("organization")),
                _pct(s.canonical_accuracy()),
                _pct(s.person_named_rate()),
                str(sum(s.canonical_total.values())),
                str(sum(s.anonymous_total.get(t, 0) for t in _ANONYMOUS_TYPES)),
            )
            for name, s in named
            if s.entity_total or s.canonical_total or s.anonymous_total
        ]
        if not rows:
            return []
        header = ("speakers", "spkMen", "spkEnt", "person", "org", "all", "anon->person",
                  "named", "anon")  # fmt: skip
        table = [header, *rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        lines = [
            "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
            for r in table
        ]
        return [
            "",
            *lines,
            *textwrap.wrap(
                "Speakers judged on the entity. spkEnt: LitBank (speaker_entity_mentions): most "
                "of the predicted entity's name mentions are the gold character's; otherwise "
                "the canonical figure. person/org/all: matched quotes with a gold "
                "speaker_canonical whose predicted entity carries that name (case, "
                "punctuation, honorifics, titles and initials aside). anon->person: matched "
                "quotes from a group or unnamed source given a specific person. named/anon: "
                "how many quotes each figure is over.",
                width=100,
            ),
        ]

    def format_errors(self) -> str:
        """The errors as readable text, grouped: misses by kind, false alarms, wrong speakers."""
        out: list[str] = []
        for type_, (title, meaning) in _ERROR_TITLES.items():
            cases = self.errors_of(type_)
            heading = f"{title}: {len(cases)} ({meaning})"
            out += [heading, "=" * len(heading), ""]
            groups: list[tuple[str | None, list[ErrorCase]]]
            if type_ == "miss":
                groups = [(k, [c for c in cases if c.kind == k]) for k in _KINDS]
                groups += [(None, [c for c in cases if c.kind not in _KINDS])]
            else:
                groups = [(None, cases)]
            for kind, group in groups:
                if kind is not None:
                    out.append(f"--- {kind} ({len(group)}) ---")
                    out.append("")
                for case in group:
                    out.extend(_format_case(case))
        return "\n".join(out).rstrip() + "\n"


def _confidence_lines(report: Report) -> list[str]:
    """Precision by predicted category, then the calibration of the confidence per corpus."""
    named = [*sorted(report.corpora.items()), ("overall", report.overall)]
    lines: list[str] = []
    for title, table in (
        ("category", calibration.category_precision),
        ("kind", calibration.kind_precision),
    ):
        lines += ["", f"By {title} (predicted): precision % (matched/predicted)"]
        for name, s in named:
            cells = [
                f"{key} {_pct(m / n if n else None)} ({m}/{n})"
                for key, (m, n) in table(s.outcomes).items()
            ]
            lines.append(f"  {name + ':':11s} " + "   ".join(cells))
    if report.threshold is not None:
        lines.append(f"Scores above are for quotes with confidence >= {report.threshold:g}.")
    lines += ["", "Calibration: % right (match + speaker) per confidence band (upper edge); ECE"]
    for name, s in named:
        bands = calibration.calibration_bands(s.outcomes)
        cells = [f"{b.high:g}:{_pct(b.precision)}" for b in bands if b.count]
        ece = calibration.expected_calibration_error(s.outcomes)
        ece_text = "-" if ece is None else f"{ece:.3f}"
        lines.append(f"  {name + ':':11s} {ece_text}  " + " ".join(cells))
    lines += ["", "At a threshold: P/R % of the quotes with confidence >= t"]
    for name, s in named:
        rows = calibration.threshold_table(s.outcomes, s.gold, _THRESHOLDS)
        cells = [f"{t:g}:{_pct(p)}/{_pct(r)}" for t, p, r, _ in rows]
        lines.append(f"  {name + ':':11s} " + "  ".join(cells))
    return lines


_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _confidence_dict(report: Report) -> dict[str, Any]:
    """The category and calibration figures of ``_confidence_lines`` as JSON-able data."""
    out: dict[str, Any] = {"threshold": report.threshold}
    for name, s in [*sorted(report.corpora.items()), ("overall", report.overall)]:
        out[name] = {
            "category_precision": {
                cat: {"matched": m, "predicted": n}
                for cat, (m, n) in calibration.category_precision(s.outcomes).items()
            },
            "kind_precision": {
                kind: {"matched": m, "predicted": n}
                for kind, (m, n) in calibration.kind_precision(s.outcomes).items()
            },
            "ece": calibration.expected_calibration_error(s.outcomes),
            "bands": [attrs.asdict(b) for b in calibration.calibration_bands(s.outcomes)],
            "at_threshold": [
                {"threshold": t, "precision": p, "recall": r, "kept": k}
                for t, p, r, k in calibration.threshold_table(s.outcomes, s.gold, _THRESHOLDS)
            ],
        }
    return out


def _format_case(case: ErrorCase) -> list[str]:
    head = f"[{case.corpus}/{case.doc_id}] {case.kind} {case.start}-{case.end}"
    if case.type in {"wrong_speaker", "wrong_entity"}:
        head += (
            f"  gold speaker: {case.gold_speaker or '(none)'}"
            f" | predicted: {case.predicted_speaker or '(none)'}"
        )
    elif case.type == "miss":
        head += f"  gold speaker: {case.gold_speaker or '(none)'}"
    else:
        head += f"  predicted speaker: {case.predicted_speaker or '(none)'}"
    return [head, f"    {case.context}", ""]


# --------------------------------------------------------------------------------------------
# Scoring


def _oneline(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _short(text: str, width: int) -> str:
    text = _oneline(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    left = ("…" if start > width else "") + text[max(0, start - width) : start]
    right = text[end : end + width] + ("…" if end + width < len(text) else "")
    return _oneline(f"{left}[[{text[start:end]}]]{right}")


def _pieces(text: str, spans: Sequence[Interval]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def _predicted_speaker(quote: Quote) -> str | None:
    mention = quote.speaker_mention.text if quote.speaker_mention else None
    name = quote.speaker.name if quote.speaker else None
    if name and mention and _oneline(mention) != name:
        return f'{name} ("{_oneline(mention)}")'
    return name or (_oneline(mention) if mention else None)


def _norm_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def _speaker_right(gold: GoldQuote, pred: Quote) -> bool:
    """Right when the predicted mention, or any mention of the predicted entity, overlaps a
    gold speaker span. Gold without spans but with a name falls back to comparing names."""
    if gold.speaker_spans:
        mentions = [pred.speaker_mention] if pred.speaker_mention else []
        if pred.speaker is not None:
            mentions.extend(pred.speaker.mentions)
        return any(_overlaps(m, s) for m in mentions for s in gold.speaker_spans)
    if gold.speaker is None:
        return False
    wanted = _norm_name(gold.speaker)
    names = [pred.speaker_mention.text] if pred.speaker_mention else []
    if pred.speaker is not None:
        names += [pred.speaker.name, *pred.speaker.aliases]
    return any(_norm_name(n) == wanted for n in names)


# Entity level: is the predicted entity the gold speaker?


@cache
def _name_noise() -> frozenset[str]:
    """Words a canonical comparison drops before a name: honorifics and titles."""
    words = {_fold_name(row[0]) for row in load_table("honorifics.tsv") if row[0]}
    return frozenset(w.rstrip(".") for w in words) | word_list("name_titles")


def _fold_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def canonical_key(name: str) -> str:
    """The form two canonical names are compared in: case, accents, punctuation, a possessive,
    a leading "the", leading honorifics and titles, and single-letter initials do not count
    ("Sen. David E. Kendall's" and "David Kendall" compare equal)."""
    folded = re.sub(r"['’]s?$", "", _fold_name(name).strip())
    words = re.sub(r"[^\w]+", " ", folded.replace("'", "").replace("’", "")).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    noise = _name_noise()
    while len(words) > 1 and words[0] in noise:
        words.pop(0)
    return " ".join(w for w in words if len(w) > 1) or " ".join(words)


def _names_a_person(quote: Quote) -> bool:
    """Whether the predicted speaker is a specific, named person."""
    entity = quote.speaker
    return (
        entity is not None
        and entity.kind is EntityKind.PERSON
        and entity.named
        and any(m.kind is MentionKind.NAME for m in entity.mentions)
    )


class _EntitySpans:
    """A document's gold entity mentions (LitBank), merged and searchable by offset."""

    def __init__(self, mentions: Mapping[str, Sequence[Span]]) -> None:
        self._mentions = mentions
        self._merged: dict[str, tuple[tuple[Interval, ...], list[int]]] = {}

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._mentions

    def covers(self, entity_id: str, mention: _HasOffsets) -> bool:
        """Whether ``mention`` overlaps a mention of the gold entity."""
        if entity_id not in self._merged:
            merged = _merge((m.start, m.end) for m in self._mentions[entity_id])
            self._merged[entity_id] = (merged, [a for a, _ in merged])
        merged, starts = self._merged[entity_id]
        k = bisect.bisect_right(starts, mention.start)
        before = k > 0 and merged[k - 1][1] > mention.start
        after = k < len(merged) and merged[k][0] < mention.end
        return before or after


def _is_gold_character(entity_id: str, pred: Quote, spans: _EntitySpans) -> bool:
    """Right when most of the predicted entity's name mentions (its speaker mention when it
    has none) are mentions of the gold character."""
    mentions: list[Mention] = []
    if pred.speaker is not None:
        mentions = [m for m in pred.speaker.mentions if m.kind is MentionKind.NAME]
    if not mentions and pred.speaker_mention is not None:
        mentions = [pred.speaker_mention]
    hits = sum(spans.covers(entity_id, m) for m in mentions)
    return bool(mentions) and 2 * hits > len(mentions)


def _score_entity(s: CorpusScore, g: GoldQuote, p: Quote, spans: _EntitySpans) -> bool | None:
    """Add one matched quote to the entity-level counts; whether it was right (None: the
    gold says nothing at entity level)."""
    if g.speaker_id is not None and g.speaker_id in spans:
        right = _is_gold_character(g.speaker_id, p, spans)
        s.entity_total += 1
        s.entity_right += right
        return right
    if g.speaker_type is None and g.speaker_canonical is None:
        return None
    kind = g.speaker_type or "unknown"
    if g.speaker_canonical is not None:
        right = p.speaker is not None and canonical_key(p.speaker.name) == canonical_key(
            g.speaker_canonical
        )
        s.canonical_total[kind] = s.canonical_total.get(kind, 0) + 1
        s.canonical_right[kind] = s.canonical_right.get(kind, 0) + right
        return right
    named = _names_a_person(p)
    s.anonymous_total[kind] = s.anonymous_total.get(kind, 0) + 1
    s.anonymous_named[kind] = s.anonymous_named.get(kind, 0) + named
    return None if kind not in _ANONYMOUS_TYPES else not named


def _pred_quotes(prediction: Attribution | Sequence[Quote], doc: GoldDocument) -> list[Quote]:
    if isinstance(prediction, Attribution):
        if prediction.text != doc.text:
            raise ValueError(
                f"{doc.source or doc.id}: the prediction was made on a different text than the "
                "gold document's, so its offsets cannot be compared"
            )
        quotes = list(prediction.quotes)
    else:
        quotes = list(prediction)
    for q in quotes:
        spans: list[Quote | Span] = [q, *q.fragments]
        if any(s.start < 0 or s.end > len(doc.text) for s in spans):
            raise ValueError(
                f"{doc.source or doc.id}: predicted quote {q.start}-{q.end} lies outside the "
                f"document text ({len(doc.text)} characters)"
            )
    return quotes


def _split_pieces(quotes: list[Quote], doc: GoldDocument) -> list[Quote]:
    """Score an interrupted quote as separate pieces where the gold annotates it that way."""
    if doc.fragmented:
        return quotes
    out: list[Quote] = []
    for q in quotes:
        if len(q.fragments) < 2:
            out.append(q)
            continue
        out.extend(
            attrs.evolve(q, start=f.start, end=f.end, text=f.text, fragments=(f,))
            for f in q.fragments
        )
    return out


def _score_document(
    doc: GoldDocument,
    prediction: Attribution | Sequence[Quote],
    kinds: frozenset[QuoteKind] = frozenset(QuoteKind),
) -> tuple[CorpusScore, list[ErrorCase]]:
    text = doc.text
    cum = _prefix_counts(text)
    s = CorpusScore(documents=1)
    errors: list[ErrorCase] = []

    gold_items = []
    for g in doc.quotes:
        spans = _merge((f.start, f.end) for f in g.fragments)
        gold_items.append(_Item(spans, _count(spans, cum)))

    discard = _merge((d.start, d.end) for d in doc.discard_spans)
    preds: list[Quote] = []
    pred_items: list[_Item] = []
    predicted = _split_pieces(_pred_quotes(prediction, doc), doc)
    if QuoteKind.MIXED not in kinds:
        predicted = _quoted_parts(predicted, text)
    for q in predicted:
        if q.kind not in kinds:
            continue
        spans = _merge((f.start, f.end) for f in q.fragments) or _merge([(q.start, q.end)])
        item = _Item(spans, _count(spans, cum))
        if discard and item.counted and 2 * _shared(spans, discard, cum) > item.counted:
            s.ignored += 1
            continue
        preds.append(q)
        pred_items.append(item)

    pairs = [
        (g, p, _shared(gold_items[g].spans, pred_items[p].spans, cum))
        for g, p in _candidates(gold_items, pred_items)
    ]
    loose = _greedy(pairs, gold_items, pred_items, LOOSE)
    strict = _greedy(pairs, gold_items, pred_items, STRICT)

    s.gold = len(doc.quotes)
    s.predicted = len(preds)
    s.loose = len(loose)
    s.strict = len(strict)

    def gold_error(
        type_: str, gi: int, predicted: str | None = None, gold_speaker: str | None = None
    ) -> ErrorCase:
        g = doc.quotes[gi]
        return ErrorCase(
            type=type_,
            doc_id=doc.id,
            corpus=doc.corpus,
            kind=g.kind.value,
            start=g.start,
            end=g.end,
            text=_pieces(text, gold_items[gi].spans) or g.text,
            context=_context(text, g.start, g.end),
            gold_speaker=gold_speaker or g.speaker,
            predicted_speaker=predicted,
        )

    entity_spans = _EntitySpans(doc.speaker_entity_mentions)
    matched_to_speakerless = 0
    for gi, g in enumerate(doc.quotes):
        s.gold_by_kind[g.kind.value] = s.gold_by_kind.get(g.kind.value, 0) + 1
        pi = loose.get(gi)
        if pi is None:
            errors.append(gold_error("miss", gi))
            if g.has_speaker:
                s.e2e_gold += 1
            continue
        p = preds[pi]
        s.found_by_kind[g.kind.value] = s.found_by_kind.get(g.kind.value, 0) + 1
        if g.cue is not None and p.cue is not None:
            s.cue_total += 1
            s.cue_right += _overlaps(g.cue, p.cue)
        if _score_entity(s, g, p, entity_spans) is False:
            label = f"({g.speaker_type or g.speaker_id})"
            gold_name = g.speaker_canonical or " ".join(filter(None, (label, g.speaker)))
            errors.append(gold_error("wrong_entity", gi, _predicted_speaker(p), gold_name))
        if not g.has_speaker:
            matched_to_speakerless += 1
            continue
        s.e2e_gold += 1
        s.speaker_total += 1
        if _speaker_right(g, p):
            s.speaker_right += 1
            s.e2e_hits += 1
        else:
            errors.append(gold_error("wrong_speaker", gi, _predicted_speaker(p)))
    s.e2e_predicted = len(preds) - matched_to_speakerless
    s.outcomes = _outcomes(doc, preds, loose)

    used = set(loose.values())
    for pi, p in enumerate(preds):
        if pi in used:
            continue
        item = pred_items[pi]
        errors.append(
            ErrorCase(
                type="false_alarm",
                doc_id=doc.id,
                corpus=doc.corpus,
                kind=p.kind.value,
                start=p.start,
                end=p.end,
                text=_pieces(text, item.spans) or p.text,
                context=_context(text, p.start, p.end),
                predicted_speaker=_predicted_speaker(p),
            )
        )
    errors.sort(key=lambda e: (e.start, e.end))
    return s, errors


def _outcomes(doc: GoldDocument, preds: Sequence[Quote], loose: Mapping[int, int]) -> list[Outcome]:
    """How each scored prediction fared: matched, and matched with the right speaker."""
    gold_of = {p: g for g, p in loose.items()}
    out: list[Outcome] = []
    for pi, quote in enumerate(preds):
        gi = gold_of.get(pi)
        gold = doc.quotes[gi] if gi is not None else None
        right = gold is not None and (not gold.has_speaker or _speaker_right(gold, quote))
        category = gold.category if gold is not None else None
        out.append(Outcome(quote, doc.corpus, gold is not None, right, category, doc.text))
    return out


def _annotated_kinds(documents: Sequence[GoldDocument]) -> dict[str, frozenset[QuoteKind]]:
    """The kinds of quote each corpus is scored on.

    A corpus whose gold holds no indirect (or no mixed) quote at all did not annotate that
    kind (LitBank annotates direct speech only), so predictions of it are neither right nor
    wrong there and are left out of its scores. Direct quotes are always scored.
    """
    seen: dict[str, set[QuoteKind]] = {}
    for doc in documents:
        seen.setdefault(doc.corpus, {QuoteKind.DIRECT}).update(q.kind for q in doc.quotes)
    return {corpus: frozenset(kinds) for corpus, kinds in seen.items()}


def _quoted_parts(quotes: list[Quote], text: str) -> list[Quote]:
    """Where mixed speech is not annotated, a mixed quote is scored by the quoted words in
    it: those are direct speech, the rest is the reporter's."""
    marks = [
        (m.content_start, m.content_end)
        for m in find_quoted_spans(text)
        if m.content_end > m.content_start
    ]
    out: list[Quote] = []
    for q in quotes:
        if q.kind is not QuoteKind.MIXED:
            out.append(q)
            continue
        for start, end in marks:
            if q.start <= start and end <= q.end:
                piece = Span.of(text, start, end)
                out.append(
                    attrs.evolve(
                        q, start=start, end=end, text=piece.text, kind=QuoteKind.DIRECT,
                        fragments=(piece,),
                    )
                )  # fmt: skip
    return out


def score(
    documents: Sequence[GoldDocument],
    predictions: Sequence[Attribution | Sequence[Quote]],
) -> Report:
    """Score one prediction (an ``Attribution`` or a list of ``Quote``) per gold document."""
    if len(documents) != len(predictions):
        raise ValueError(
            f"got {len(predictions)} predictions for {len(documents)} documents; "
            "pass one per document, in the same order"
        )
    report = Report()
    kinds = _annotated_kinds(documents)
    for doc, prediction in zip(documents, predictions, strict=True):
        doc_score, errors = _score_document(doc, prediction, kinds[doc.corpus])
        report.corpora.setdefault(doc.corpus, CorpusScore()).add(doc_score)
        report.overall.add(doc_score)
        report.errors.extend(errors)
    return report


# --------------------------------------------------------------------------------------------
# Running a system


class Analyzer(Protocol):
    """What ``evaluate`` needs from a system: ``analyze``; ``pipe`` is used when present."""

    def analyze(self, text: str) -> Attribution | Sequence[Quote]: ...


def run_attributor(
    attributor: Analyzer, texts: Sequence[str]
) -> list[Attribution | Sequence[Quote]]:
    """Analyse every text, through ``pipe`` (batched parsing) when the attributor has one."""
    pipe = getattr(attributor, "pipe", None)
    results = list(pipe(texts)) if pipe is not None else [attributor.analyze(t) for t in texts]
    if len(results) != len(texts):
        raise ValueError(f"the attributor returned {len(results)} results for {len(texts)} texts")
    return results


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


def evaluate_documents(
    documents: Sequence[GoldDocument],
    attributor: Analyzer,
    *,
    errors_path: str | Path | None = None,
    report_path: str | Path | None = None,
    threshold: float | None = None,
) -> Report:
    """Run ``attributor`` over loaded gold documents, score, and write the optional files:
    ``errors_path`` the readable error listing, ``report_path`` the report as JSON.
    ``threshold``: score only the quotes whose confidence reaches it (an operating point)."""
    predictions = run_attributor(attributor, [d.text for d in documents])
    if threshold is not None:
        predictions = [_above(p, threshold) for p in predictions]
    report = score(documents, predictions)
    report.threshold = threshold
    if errors_path is not None:
        Path(errors_path).write_text(report.format_errors(), encoding="utf-8")
    if report_path is not None:
        Path(report_path).write_text(
            json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return report


def _above(prediction: Attribution | Sequence[Quote], threshold: float) -> list[Quote]:
    quotes = prediction.quotes if isinstance(prediction, Attribution) else prediction
    return [q for q in quotes if calibration.passes(q, threshold)]


def evaluate(
    paths: str | Path | Iterable[str | Path],
    attributor: Analyzer | None = None,
    *,
    limit: int | None = None,
    errors_path: str | Path | None = None,
    report_path: str | Path | None = None,
) -> Report:
    """Load gold files, run ``attributor`` (default ``quoteattr.Attributor()``) and score.

    The gold is loaded first so that a broken file fails before a model is loaded.
    """
    documents = load_gold_files(paths, limit=limit)
    if attributor is None:
        from .attributor import Attributor

        attributor = Attributor()
    return evaluate_documents(
        documents, attributor, errors_path=errors_path, report_path=report_path
    )
