"""Counts per corpus, micro-averaged over quotes, and the metrics that derive from them."""

from __future__ import annotations

from typing import Any

import attrs

from ..calibration import Outcome
from ..types import QuoteKind
from .gold import ANONYMOUS_TYPES, KINDS


def ratio(num: int, den: int) -> float | None:
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
    gold_by_kind: dict[str, int] = attrs.field(factory=lambda: dict.fromkeys(KINDS, 0))
    found_by_kind: dict[str, int] = attrs.field(factory=lambda: dict.fromkeys(KINDS, 0))
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
        return ratio(self.loose, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.loose, self.gold)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.loose, self.gold + self.predicted)

    @property
    def strict_precision(self) -> float | None:
        return ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float | None:
        return ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float | None:
        return ratio(2 * self.strict, self.gold + self.predicted)

    @property
    def speaker_accuracy(self) -> float | None:
        return ratio(self.speaker_right, self.speaker_total)

    @property
    def entity_accuracy(self) -> float | None:
        """Entity-level speaker accuracy: LitBank's character test where the gold has entity
        mention lists, the canonical-name test where it has canonical names (both together
        for a mixed set); None when the gold has neither."""
        return ratio(
            self.entity_right + sum(self.canonical_right.values()),
            self.entity_total + sum(self.canonical_total.values()),
        )

    def canonical_accuracy(self, *types: str) -> float | None:
        """Share of matched quotes with a canonical gold name (of the given speaker types, or
        all) whose predicted speaker carries that name."""
        keys = types or tuple(self.canonical_total)
        return ratio(
            sum(self.canonical_right.get(k, 0) for k in keys),
            sum(self.canonical_total.get(k, 0) for k in keys),
        )

    def person_named_rate(self, *types: str) -> float | None:
        """Share of matched quotes whose gold source has no name (of the given speaker types,
        default group and unnamed) that the prediction gives a specific person's name."""
        keys = types or ANONYMOUS_TYPES
        return ratio(
            sum(self.anonymous_named.get(k, 0) for k in keys),
            sum(self.anonymous_total.get(k, 0) for k in keys),
        )

    @property
    def e2e_precision(self) -> float | None:
        return ratio(self.e2e_hits, self.e2e_predicted)

    @property
    def e2e_recall(self) -> float | None:
        return ratio(self.e2e_hits, self.e2e_gold)

    @property
    def e2e_f1(self) -> float | None:
        return ratio(2 * self.e2e_hits, self.e2e_gold + self.e2e_predicted)

    @property
    def cue_accuracy(self) -> float | None:
        return ratio(self.cue_right, self.cue_total)

    def recall_by_kind(self, kind: str | QuoteKind) -> float | None:
        key = kind.value if isinstance(kind, QuoteKind) else kind
        return ratio(self.found_by_kind.get(key, 0), self.gold_by_kind.get(key, 0))

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
                "accuracy": ratio(self.entity_right, self.entity_total),
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
                for kind in KINDS
            },
        }
