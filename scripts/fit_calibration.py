"""Refit quoteattr's confidence model on annotated corpora.

    python scripts/fit_calibration.py GOLD.jsonl... [--parse-cache DIR] [--out FILE]

Runs quoteattr over the gold files, records for every scored prediction whether it matched a
gold quote with the speaker a user gets right (``Outcome.right``: the speaker entity where the
gold says who it is, LitBank's character or the canonical name, else the mention), and fits a
logistic model (L2-regularised, Newton steps) of that outcome on
``quoteattr.calibration.features``. Each corpus weighs the same in the fit however many
predictions it has, so that a large corpus does not decide alone. Documents are also split
into folds and the model refitted without each, to report an honest (cross-validated)
calibration error next to the in-sample one. Writes
``src/quoteattr/data/calibration.tsv`` unless told otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs
import numpy as np

from quoteattr.attributor import Attributor
from quoteattr.calibration import (
    Model,
    Outcome,
    calibration_bands,
    expected_calibration_error,
    features,
    threshold_table,
)
from quoteattr.evaluate import load_gold_files, run_attributor, score
from quoteattr.types import Attribution, Quote

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/quoteattr/data/calibration.tsv"
HEADER = (
    "# Weights of quoteattr's confidence model (log-odds per feature; see\n"
    "# quoteattr/calibration.py and docs/confidence.md). Written by scripts/fit_calibration.py:\n"
    "# refit rather than edit by hand.\n"
)


def collect(
    paths: Sequence[str], parse_cache: str | None
) -> tuple[list[tuple[str, Outcome, list[str]]], dict[str, int]]:
    """(document id, outcome, features) for every scored prediction on the gold files, and
    the number of gold quotes of each corpus.

    Where the gold annotates the pieces of an interrupted quote apart, each piece is scored
    alone, but a caller sees one quote with one confidence: the features are those of the
    quote as served (the whole of it), so that the fit learns what ``to_quote`` will see. So
    for the quoted words of a mixed quote, scored as direct where the gold has only those."""
    documents = load_gold_files(paths)
    attributor = Attributor(parse_cache=parse_cache)
    results = run_attributor(attributor, [d.text for d in documents])
    report = score(documents, results)
    by_text = {d.text: f"{d.corpus}/{d.id}" for d in documents}
    served: dict[str, list[Quote]] = {}
    for document, result in zip(documents, results, strict=True):
        served[document.text] = list(result.quotes if isinstance(result, Attribution) else result)
    gold = {name: corpus.gold for name, corpus in report.corpora.items()}
    rows = []
    for o in report.overall.outcomes:
        whole = _served(served.get(o.text, []), o.quote)
        rows.append((by_text.get(o.text, o.corpus), o, features(whole, o.text)))
    return rows, gold


def _served(quotes: Sequence[Quote], scored: Quote) -> Quote:
    """The quote a caller saw for a scored prediction: itself, or the quote it was cut from
    (a piece of an interrupted quote, the quoted words of a mixed one)."""
    if scored in quotes:
        return scored
    inside = [q for q in quotes if q.start <= scored.start and scored.end <= q.end]
    return inside[0] if inside else scored


def fit(
    rows: Sequence[list[str]],
    labels: Sequence[bool],
    weights: Sequence[float],
    *,
    l2: float,
    min_count: int,
) -> Model:
    """Weighted L2-regularised logistic regression on one-hot features."""
    counts = Counter(name for names in rows for name in set(names))
    vocab = sorted(n for n, c in counts.items() if c >= min_count or n == "bias")
    index = {n: i for i, n in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for r, names in enumerate(rows):
        for name in names:
            if name in index:
                x[r, index[name]] = 1.0
    y = np.asarray(labels, dtype=float)
    w = np.asarray(weights, dtype=float)
    penalty = np.full(len(vocab), l2)
    penalty[index["bias"]] = 1e-6
    beta = np.zeros(len(vocab))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        gradient = x.T @ (w * (p - y)) + penalty * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return Model({n: float(b) for n, b in zip(vocab, beta, strict=True) if abs(b) > 1e-4})


def corpus_weights(outcomes: Sequence[Outcome], power: float = 1.0) -> list[float]:
    """Weights that even out the corpora: with ``power`` 1 each corpus weighs as much as the
    mean corpus whatever its size, with 0 each prediction weighs the same; in between, a
    large corpus weighs more than a small one, but less than its size alone would make it."""
    sizes = Counter(o.corpus for o in outcomes)
    mean = len(outcomes) / len(sizes)
    return [(mean / sizes[o.corpus]) ** power for o in outcomes]


def scored(model: Model, outcome: Outcome, names: Sequence[str]) -> Outcome:
    confidence = model.probability(names)
    return attrs.evolve(outcome, quote=attrs.evolve(outcome.quote, confidence=confidence))


THRESHOLDS = (0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7)


def chance_ece(outcomes: Sequence[Outcome], draws: int = 200) -> float:
    """The ECE a perfectly calibrated model would show on this many predictions: each one
    drawn right with exactly the probability given (a fixed seed, so the figure repeats).
    On a small corpus an ECE near this figure cannot be told from chance."""
    rng = np.random.default_rng(13)
    p = np.asarray([o.quote.confidence for o in outcomes])
    total = 0.0
    for _ in range(draws):
        right = rng.random(len(p)) < p
        drawn = [attrs.evolve(o, right=bool(r)) for o, r in zip(outcomes, right, strict=True)]
        total += expected_calibration_error(drawn) or 0.0
    return total / draws


def brier(outcomes: Sequence[Outcome]) -> float:
    """Mean squared gap between confidence and outcome (a proper score: lower is better,
    and less noisy than the ECE on a small corpus)."""
    return sum((o.quote.confidence - o.right) ** 2 for o in outcomes) / len(outcomes)


def report(title: str, outcomes: Sequence[Outcome], gold: dict[str, int]) -> None:
    """ECE (and what chance alone would give), Brier score, the share right per confidence
    band, and precision/recall/F1 at thresholds, per corpus."""
    print(title)
    for corpus in sorted({o.corpus for o in outcomes}):
        mine = [o for o in outcomes if o.corpus == corpus]
        ece = expected_calibration_error(mine) or 0.0
        right = sum(o.right for o in mine) / len(mine)
        print(
            f"  {corpus:10s} n={len(mine):5d} right={100 * right:5.1f}% ECE={ece:.3f} "
            f"(chance {chance_ece(mine):.3f}) Brier={brier(mine):.4f}"
        )
        bands = calibration_bands(mine)
        print("    bands " + " ".join(
            f"{b.high:g}:{100 * (b.precision or 0):.0f}%/{b.count}" for b in bands if b.count
        ))  # fmt: skip
        rows = threshold_table(mine, gold.get(corpus, 0), THRESHOLDS)
        print("    P/R/F1 " + "  ".join(
            f"{t:g}:{100 * (p or 0):.1f}/{100 * (r or 0):.1f}/{_f1(p, r):.1f}"
            for t, p, r, _ in rows
        ))  # fmt: skip


def _f1(p: float | None, r: float | None) -> float:
    return 200 * p * r / (p + r) if p and r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--parse-cache")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--l2", type=float, default=16.0)
    parser.add_argument("--min-count", type=int, default=15)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--balance", type=float, default=0.75, help="corpus weighting: 1 equal, 0 by size"
    )
    args = parser.parse_args(argv)

    keyed, gold = collect(args.gold, args.parse_cache)
    outcomes = [o for _, o, _ in keyed]
    rows = [names for _, _, names in keyed]
    labels = [o.right for o in outcomes]
    weights = corpus_weights(outcomes, args.balance)
    model = fit(rows, labels, weights, l2=args.l2, min_count=args.min_count)
    report("in sample", [scored(model, o, r) for o, r in zip(outcomes, rows, strict=True)], gold)

    documents = sorted({key for key, _, _ in keyed})
    fold_of = {key: i % args.folds for i, key in enumerate(documents)}
    held_out: list[Outcome] = []
    for fold in range(args.folds):
        train = [i for i, (key, _, _) in enumerate(keyed) if fold_of[key] != fold]
        part = fit(
            [rows[i] for i in train],
            [labels[i] for i in train],
            [weights[i] for i in train],
            l2=args.l2,
            min_count=args.min_count,
        )
        held_out += [scored(part, o, r) for key, o, r in keyed if fold_of[key] == fold]
    report(f"{args.folds}-fold cross-validated (by document)", held_out, gold)

    Path(args.out).write_text(HEADER + "\n".join(model.to_rows()) + "\n", encoding="utf-8")
    print(f"wrote {len(model.weights)} weights to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
