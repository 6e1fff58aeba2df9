"""Score quotation attribution against gold JSONL files (PolNeAR, LitBank or your own).

The gold format and the metrics follow ``docs/evaluation.md``. Scoring works on character
offsets only, so any system whose output carries offsets into the gold ``text`` can be scored,
not just quoteattr.

The package's modules: ``gold`` reads the files, ``matching`` pairs predicted and gold quotes,
``speakers`` judges the speaker (mention and entity), ``scores`` counts, ``scoring`` scores a
document, ``report`` and ``errors`` print the results; this module runs a system over gold.

Spans are compared by the characters they share, counting only characters that are not
whitespace, punctuation or quotation marks: annotators disagree about whether a quote span
includes its marks and the comma inside them, and that should not decide a match.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from .. import calibration
from ..types import Attribution, Quote
from .errors import ErrorCase
from .gold import GoldDocument, GoldQuote, load_gold, load_gold_files
from .matching import LOOSE, STRICT
from .report import Report
from .scores import CorpusScore
from .scoring import score
from .speakers import canonical_key

__all__ = [
    "LOOSE",
    "STRICT",
    "Analyzer",
    "CorpusScore",
    "ErrorCase",
    "GoldDocument",
    "GoldQuote",
    "Report",
    "canonical_key",
    "evaluate",
    "evaluate_documents",
    "load_gold",
    "load_gold_files",
    "run_attributor",
    "score",
]


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
        from ..attributor import Attributor

        attributor = Attributor()
    return evaluate_documents(
        documents, attributor, errors_path=errors_path, report_path=report_path
    )
