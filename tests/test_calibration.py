"""Calibrated confidence (issue 13): the model, its features, and the measures of calibration."""

from __future__ import annotations

import attrs
import pytest

from quoteattr import calibration
from quoteattr.calibration import (
    Model,
    Outcome,
    calibration_bands,
    category_precision,
    cue_key,
    expected_calibration_error,
    features,
    passes,
    threshold_table,
)
from quoteattr.evaluate import GoldDocument, GoldQuote, evaluate_documents
from quoteattr.types import (
    Category,
    Entity,
    EntityKind,
    Mention,
    MentionKind,
    Quote,
    QuoteKind,
    Span,
)

TEXT = "Headline of the page\nThe mayor said that the bridge will reopen in May."


def make_quote(confidence: float = 0.5, **changes) -> Quote:
    start = TEXT.index("the bridge")
    end = TEXT.index(" in May") + len(" in May")
    cue_start = TEXT.index("said")
    fields = dict(
        start=start,
        end=end,
        text=TEXT[start:end],
        kind=QuoteKind.INDIRECT,
        fragments=(Span.of(TEXT, start, end),),
        cue=Span.of(TEXT, cue_start, cue_start + 4),
        speaker_mention=Mention.of(TEXT, 21, 30, MentionKind.NOMINAL),
        confidence=confidence,
        rule="speech-clause",
        category=Category.SPEECH,
    )
    fields.update(changes)
    return Quote(**fields)


@pytest.mark.parametrize(
    ("written", "lemma"),
    [
        ("told", "tell"),
        ("said", "say"),
        ("argues", "argue"),
        ("hoped", "hope"),
        ("denied", "deny"),
        ("warned", "warn"),
        ("according to", "according to"),
        ("called for", "call for"),
        ("seemed", "seem"),
        ("Insists", "insist"),
    ],
)
def test_cue_key_reads_the_lemma_from_the_written_form(written, lemma):
    assert cue_key(written) == lemma


def test_features_name_rule_kind_category_cue_and_speaker():
    names = features(make_quote(), TEXT)
    for expected in (
        "bias",
        "rule=speech-clause",
        "kind=indirect",
        "category=speech",
        "cue=say",
        "mention=nominal",
        "resolved=False",
        "first_line=False",
        "opener=x",
    ):
        assert expected in names


def test_a_quote_on_the_first_line_is_marked_as_a_headline():
    start, end = 0, len("Headline")
    quote = make_quote(
        start=start, end=end, text=TEXT[start:end], fragments=(Span.of(TEXT, start, end),)
    )
    assert "first_line=True" in features(quote, TEXT)


def test_the_model_adds_weights_in_log_odds():
    model = Model({"bias": 0.0, "cue=say": 2.0})
    assert model.probability(["bias"]) == pytest.approx(0.5)
    assert model.probability(["bias", "cue=say"]) == pytest.approx(1 / (1 + 2.718281828**-2))
    assert model.probability(["unknown feature"]) == pytest.approx(0.5)


def test_the_shipped_model_is_loaded_and_gives_probabilities():
    model = Model.default()
    assert model.weights, "data/calibration.tsv should hold a fitted model"
    value = calibration.calibrated(make_quote(), TEXT)
    assert 0.0 <= value <= 1.0
    # a clause reported with "said" by a described speaker outranks an uncued headline line
    uncued = make_quote(
        start=0,
        end=8,
        text=TEXT[:8],
        fragments=(Span.of(TEXT, 0, 8),),
        kind=QuoteKind.DIRECT,
        cue=None,
        speaker_mention=None,
        rule="unattributed",
    )
    assert calibration.calibrated(make_quote(), TEXT) > calibration.calibrated(uncued, TEXT)


def test_without_a_model_the_rules_own_estimate_stays():
    assert calibration.calibrated(make_quote(0.42), TEXT, Model({})) == 0.42


def outcomes(pairs):
    return [Outcome(make_quote(c), "news", right, right) for c, right in pairs]


def test_ece_is_zero_when_confidence_matches_the_share_right():
    data = outcomes([(0.75, True), (0.75, True), (0.75, True), (0.75, False)])
    assert expected_calibration_error(data) == pytest.approx(0.0)


def test_ece_is_the_gap_when_every_confident_prediction_is_wrong():
    data = outcomes([(0.9, False), (0.9, False)])
    assert expected_calibration_error(data) == pytest.approx(0.9)
    assert expected_calibration_error([]) is None


def test_bands_count_every_prediction_once():
    data = outcomes([(0.05, False), (0.45, True), (0.5, True), (0.95, True), (1.0, False)])
    bands = calibration_bands(data)
    assert sum(b.count for b in bands) == len(data)
    top = bands[-1]
    assert (top.count, top.right) == (2, 1)


def test_threshold_table_keeps_quotes_at_or_above_the_threshold():
    data = outcomes([(0.3, False), (0.6, True), (0.9, True)])
    rows = threshold_table(data, gold=4, thresholds=(0.0, 0.6, 0.95))
    assert rows[0] == (0.0, pytest.approx(2 / 3), 0.5, 3)
    assert rows[1] == (0.6, 1.0, 0.5, 2)
    assert rows[2] == (0.95, None, 0.0, 0)


def test_category_precision_counts_by_predicted_category():
    data = outcomes([(0.5, True), (0.5, False)])
    assert category_precision(data) == {"speech": (1, 2)}


def test_passes_and_the_default_threshold():
    assert passes(make_quote(0.7), 0.6)
    assert not passes(make_quote(0.5), 0.6)
    assert passes(make_quote(0.1), None)
    assert 0.0 < calibration.DEFAULT_MIN_CONFIDENCE < 1.0


class _Fixed:
    """An analyzer that returns the same quotes for every text."""

    def __init__(self, quotes):
        self.quotes = quotes

    def analyze(self, text):
        return list(self.quotes)


def _gold() -> GoldDocument:
    q = make_quote()
    gold = GoldQuote(
        start=q.start, end=q.end, text=q.text, kind=QuoteKind.INDIRECT, fragments=q.fragments,
        speaker="the mayor", category="speech",
    )  # fmt: skip
    return GoldDocument(id="d1", corpus="news", text=TEXT, quotes=(gold,))


def test_evaluate_reports_categories_and_calibration_and_applies_a_threshold():
    doc = _gold()
    right = make_quote(0.8)
    report = evaluate_documents([doc], _Fixed([right]))
    assert report.overall.precision == 1.0
    text = report.format()
    assert "By category" in text and "Calibration" in text and "ECE" in text
    assert report.to_dict()["confidence"]["news"]["category_precision"]["speech"] == {
        "matched": 1,
        "predicted": 1,
    }
    filtered = evaluate_documents([doc], _Fixed([right]), threshold=0.9)
    assert filtered.overall.predicted == 0
    assert filtered.threshold == 0.9
    assert "confidence >= 0.9" in filtered.format()


def test_features_cross_the_holder_with_the_category():
    names = features(make_quote(category=Category.THOUGHT), TEXT)
    assert "speaker*category=none*thought" in names
    assert "mention*category=nominal*thought" in names
    assert "named*category=none*thought" in names
    assert "mention*category=nominal*speech" not in names


def test_features_say_how_much_the_text_says_of_the_speaker():
    assert {"gender=none", "mentions=none"} <= set(features(make_quote(), TEXT))
    mayor = Mention.of(TEXT, 21, 30, MentionKind.NOMINAL)
    seen_once = Entity(id="e1", name="The mayor", kind=EntityKind.PERSON, mentions=(mayor,))
    names = features(make_quote(speaker=seen_once), TEXT)
    assert {"gender=None", "mentions=1"} <= set(names)
    often = attrs.evolve(seen_once, gender="female", mentions=(mayor,) * 5)
    names = features(make_quote(speaker=often), TEXT)
    assert {"gender=female", "mentions=8"} <= set(names)


def _fit_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "fit_calibration.py"
    spec = importlib.util.spec_from_file_location("fit_calibration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fit_weighs_a_scored_piece_by_the_quote_a_caller_saw():
    # the gold may score the quoted words of a mixed quote alone: the features the fit
    # learns from must be those of the whole quote, the one to_quote gives a confidence
    script = _fit_script()
    whole = make_quote(kind=QuoteKind.MIXED)
    a, b = TEXT.index("the bridge"), TEXT.index("the bridge") + len("the bridge")
    piece = attrs.evolve(
        whole,
        start=a,
        end=b,
        text=TEXT[a:b],
        kind=QuoteKind.DIRECT,
        fragments=(Span.of(TEXT, a, b),),
    )
    assert script._served([whole], piece) is whole
    assert script._served([whole], whole) is whole
    assert script._served([], piece) is piece


def test_the_chance_ece_of_a_small_corpus_is_above_zero_and_repeats():
    script = _fit_script()
    outcomes = [
        calibration.Outcome(make_quote(confidence=0.7), "news", matched=True, right=i % 3 > 0)
        for i in range(30)
    ]
    first = script.chance_ece(outcomes, draws=50)
    assert first > 0.0
    assert script.chance_ece(outcomes, draws=50) == first
