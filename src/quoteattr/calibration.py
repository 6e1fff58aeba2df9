"""Calibrated confidence: a measured probability that a quote and its speaker are right.

A quote's ``confidence`` is a small logistic model over what the rules know about it: the
rule that found it, its kind and category, the cue's lemma, how the speaker is mentioned
and whether it resolved to an entity, and the shape of the line it stands in (headlines,
captions and page furniture are short lines). The weights live in ``data/calibration.tsv``
and are refitted on annotated corpora with ``scripts/fit_calibration.py``; this module
reads them, scores quotes, and measures how well the scores are calibrated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

import attrs

from .lexicon import load_table, word_list
from .types import Category, Quote, QuoteKind

__all__ = [
    "BAND_EDGES",
    "DEFAULT_MIN_CONFIDENCE",
    "Band",
    "Model",
    "Outcome",
    "calibrated",
    "calibration_bands",
    "category_of",
    "category_precision",
    "cue_key",
    "expected_calibration_error",
    "features",
    "kind_precision",
    "passes",
    "threshold_table",
]

#: The threshold ``Attributor(min_confidence=...)`` defaults to: see ``docs/confidence.md``.
DEFAULT_MIN_CONFIDENCE = 0.6
#: Upper edges of the confidence bands the calibration table reports.
BAND_EDGES = (0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@attrs.frozen
class Outcome:
    """One scored prediction: the quote, and whether it matched a gold quote (``matched``)
    with the speaker a user gets right too (``right``: judged on the entity where the gold
    says who the speaker is, else on the mention; a gold quote with no speaker needs none).
    ``right`` is what ``confidence`` estimates."""

    quote: Quote
    corpus: str
    matched: bool
    right: bool
    gold_category: str | None = None
    text: str = attrs.field(default="", repr=False)  # the document's text, for features


# --------------------------------------------------------------------------- features

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_IRREGULAR = {row[0]: row[1] for row in load_table("cue_forms.tsv")}


@lru_cache(maxsize=4096)  # one call a quote, on the few cue words a text uses
def cue_key(cue_text: str) -> str:
    """The cue's lemma from its written form alone ("told" -> "tell", "argues" -> "argue",
    "called for" -> "call for", "according to" -> "according to"), so that the fitting
    script and ``to_quote`` agree."""
    words = [w.lower() for w in _WORD.findall(cue_text)]
    if not words:
        return ""
    return " ".join([_lemma(words[0]), *words[1:]])  # "called for" -> "call for"


def _lemma(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    known = _known_lemmas()
    for suffix, repl in (("", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e"), ("ied", "y")):  # fmt: skip
        if word.endswith(suffix) and (stem := word[: len(word) - len(suffix)] + repl) in known:
            return stem
    return word


@lru_cache(maxsize=1)
def _known_lemmas() -> frozenset[str]:
    names = ("cue_verbs.tsv", "cue_nouns.tsv", "cue_adjectives.tsv", "cue_phrases.tsv")
    words = {row[0].lower().split()[0] for name in names for row in load_table(name)}
    return frozenset(words | word_list("evidential_verbs"))


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end < 0 else line_end]


def _size(n: int, edges: Sequence[int]) -> str:
    return str(next((e for e in edges if n <= e), "more"))


_SENTENCE_ENDS = frozenset({".", "?", "!", ",", "…", "—", ";", ":"})
_LINE_ENDS = frozenset({".", "?", "!", ":", "”", '"'})


def features(quote: Quote, text: str) -> list[str]:
    """The named features of a quote the model weighs (one-hot: each name is present or not)."""
    cue = cue_key(quote.cue.text) if quote.cue is not None else "none"
    mention = quote.speaker_mention.kind.value if quote.speaker_mention is not None else "none"
    speaker = quote.speaker
    kind = quote.kind.value
    category = quote.category.value if quote.category is not None else "none"
    split = quote.text.split()  # once: the words, the capitals and the opener below
    stripped = quote.text.rstrip()
    words = len(split)
    line = _line_of(text, quote.start, quote.end) if text else quote.text
    line_words = len(line.split())
    ends = line.rstrip()[-1:]
    first_break = text.find("\n")  # the first line of a page is its headline
    speaker_kind = speaker.kind.value if speaker is not None else "none"
    named = speaker.named if speaker is not None else "none"
    out = [
        "bias",
        f"rule={quote.rule}",
        f"kind={kind}",
        f"category={category}",
        f"kind*category={kind}*{category}",
        f"cue={cue}",
        f"cue*kind={cue}*{kind}",
        f"mention={mention}",
        f"mention*kind={mention}*{kind}",
        f"resolved={speaker is not None}",
        f"speaker={speaker_kind}",
        f"named={named}",
        # Who holds a thought or a finding matters more than who says words: everyday news
        # narrates what customers, staff or study participants did or felt, and a group or
        # an unnamed holder of a thought is a deed more often than a report.
        f"speaker*category={speaker_kind}*{category}",
        f"mention*category={mention}*{category}",
        f"named*category={named}*{category}",
        # How much the text says of the speaker, which fiction needs to tell characters
        # apart: an entity with a known gender has pronouns resolved to it, and one seen once
        # is a guess more often than a character met throughout.
        f"gender={speaker.gender if speaker is not None else 'none'}",
        f"mentions={_size(len(speaker.mentions), (1, 3, 8, 20)) if speaker else 'none'}",
        f"words={_size(words, (2, 4, 8, 16, 32))}*{kind}",
        f"line_words={_size(line_words, (6, 12, 25))}",
        f"first_line={0 <= quote.start < first_break}",
        f"line_end={ends if ends in _LINE_ENDS else 'other'}",
        f"question={stripped[-1:] == '?'}*{kind}",
    ]
    letters = [w for w in split if w[:1].isalpha()]
    if letters and all(w[:1].isupper() for w in letters):
        out.append(f"capitalised*{kind}")  # a title in quotes, a headline
    if quote.kind is QuoteKind.DIRECT:
        out.append(f"direct_end={stripped[-1:] in _SENTENCE_ENDS}")
    if quote.speaker_mention is not None and mention == "pronoun":
        out.append(f"pronoun={quote.speaker_mention.text.lower()}")
    if quote.kind is QuoteKind.INDIRECT:
        first = split[0].lower() if split else ""
        opener = first if first in {"that", "to", "whether", "if", "how", "what", "why"} else "x"
        out.append(f"opener={opener}")
    return out


# --------------------------------------------------------------------------- the model


@attrs.frozen
class Model:
    """A logistic model: the log-odds of a quote being right is the sum of its features'
    weights (features the table does not list weigh nothing)."""

    weights: Mapping[str, float]

    def probability(self, names: Iterable[str]) -> float:
        z = sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def default(cls) -> Model:
        return _default_model()

    def to_rows(self) -> list[str]:
        return [f"{name}\t{weight:.4f}" for name, weight in sorted(self.weights.items())]


@lru_cache(maxsize=1)
def _default_model() -> Model:
    try:
        rows = load_table("calibration.tsv")
    except FileNotFoundError:
        return Model({})
    return Model({row[0]: float(row[1]) for row in rows})


def calibrated(quote: Quote, text: str, model: Model | None = None) -> float:
    """The quote's calibrated confidence, rounded to three places; the rules' own estimate
    when no model has been fitted."""
    model = model or Model.default()
    if not model.weights:
        return quote.confidence
    return round(model.probability(features(quote, text)), 3)


def passes(quote: Quote, min_confidence: float | None) -> bool:
    """Does the quote clear a minimum confidence (None: keep everything)?"""
    return min_confidence is None or quote.confidence >= min_confidence


# --------------------------------------------------------------------------- measuring


@attrs.frozen
class Band:
    """Predictions whose confidence lies in (low, high]: how many, how many right."""

    low: float
    high: float
    count: int
    right: int
    mean_confidence: float

    @property
    def precision(self) -> float | None:
        return self.right / self.count if self.count else None


def _in_band(confidence: float, low: float, high: float) -> bool:
    return (low < confidence or (low == 0.0 and confidence == 0.0)) and confidence <= high


def calibration_bands(
    outcomes: Sequence[Outcome], edges: Sequence[float] = BAND_EDGES
) -> list[Band]:
    """Predictions grouped by confidence band, with the share that was right in each."""
    bands: list[Band] = []
    low = 0.0
    for high in edges:
        inside = [o for o in outcomes if _in_band(o.quote.confidence, low, high)]
        mean = sum(o.quote.confidence for o in inside) / len(inside) if inside else 0.0
        bands.append(Band(low, high, len(inside), sum(o.right for o in inside), mean))
        low = high
    return bands


def expected_calibration_error(outcomes: Sequence[Outcome], bins: int = 10) -> float | None:
    """The gap between confidence and the share right, averaged over ten equal-width bins
    weighted by the predictions in each (0 is perfect)."""
    if not outcomes:
        return None
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [o for o in outcomes if _in_band(o.quote.confidence, low, high)]
        if inside:
            mean = sum(o.quote.confidence for o in inside) / len(inside)
            share = sum(o.right for o in inside) / len(inside)
            total += len(inside) * abs(mean - share)
    return total / len(outcomes)


def category_precision(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int]]:
    """(matched, predicted) for each predicted category."""
    return _precision_by(outcomes, lambda q: q.category.value if q.category else "none")


def kind_precision(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int]]:
    """(matched, predicted) for each predicted kind (direct, indirect, mixed)."""
    return _precision_by(outcomes, lambda q: q.kind.value)


def _precision_by(
    outcomes: Sequence[Outcome], key: Callable[[Quote], str]
) -> dict[str, tuple[int, int]]:
    table: dict[str, tuple[int, int]] = {}
    for o in outcomes:
        name = key(o.quote)
        matched, predicted = table.get(name, (0, 0))
        table[name] = (matched + o.matched, predicted + 1)
    return dict(sorted(table.items()))


def threshold_table(
    outcomes: Sequence[Outcome], gold: int, thresholds: Sequence[float]
) -> list[tuple[float, float | None, float | None, int]]:
    """(threshold, precision, recall, kept) of the predictions at or above each threshold."""
    rows = []
    for t in thresholds:
        kept = [o for o in outcomes if o.quote.confidence >= t]
        matched = sum(o.matched for o in kept)
        precision = matched / len(kept) if kept else None
        rows.append((t, precision, matched / gold if gold else None, len(kept)))
    return rows


_CATEGORY_VALUES = frozenset(c.value for c in Category)


def category_of(cue_category: str | None) -> Category:
    """A quote's category from its cue's; a quote with no cue is speech (marks, dialogue)."""
    return Category(cue_category) if cue_category in _CATEGORY_VALUES else Category.SPEECH
