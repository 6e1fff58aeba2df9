"""Scoring one prediction per gold document into a Report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..calibration import Outcome
from ..text.marks import find_quoted_spans
from ..types import Attribution, Quote, QuoteKind, Span
from .errors import ErrorCase, context_line, pieces, predicted_speaker
from .gold import GoldDocument
from .matching import (
    LOOSE,
    STRICT,
    Item,
    candidates,
    counted_chars,
    greedy,
    merge_spans,
    overlaps,
    prefix_counts,
    shared_chars,
)
from .report import Report
from .scores import CorpusScore
from .speakers import EntitySpans, score_entity, served_speaker_right, speaker_right


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
    cum = prefix_counts(text)
    s = CorpusScore(documents=1)
    errors: list[ErrorCase] = []

    gold_items = []
    for g in doc.quotes:
        spans = merge_spans((f.start, f.end) for f in g.fragments)
        gold_items.append(Item(spans, counted_chars(spans, cum)))

    discard = merge_spans((d.start, d.end) for d in doc.discard_spans)
    preds: list[Quote] = []
    pred_items: list[Item] = []
    predicted = _split_pieces(_pred_quotes(prediction, doc), doc)
    if QuoteKind.MIXED not in kinds:
        predicted = _quoted_parts(predicted, text)
    for q in predicted:
        if q.kind not in kinds:
            continue
        spans = merge_spans((f.start, f.end) for f in q.fragments) or merge_spans(
            [(q.start, q.end)]
        )
        item = Item(spans, counted_chars(spans, cum))
        if discard and item.counted and 2 * shared_chars(spans, discard, cum) > item.counted:
            s.ignored += 1
            continue
        preds.append(q)
        pred_items.append(item)

    pairs = [
        (g, p, shared_chars(gold_items[g].spans, pred_items[p].spans, cum))
        for g, p in candidates(gold_items, pred_items)
    ]
    loose = greedy(pairs, gold_items, pred_items, LOOSE)
    strict = greedy(pairs, gold_items, pred_items, STRICT)

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
            text=pieces(text, gold_items[gi].spans) or g.text,
            context=context_line(text, g.start, g.end),
            gold_speaker=gold_speaker or g.speaker,
            predicted_speaker=predicted,
        )

    entity_spans = EntitySpans(doc.speaker_entity_mentions)
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
            s.cue_right += overlaps(g.cue, p.cue)
        if score_entity(s, g, p, entity_spans) is False:
            label = f"({g.speaker_type or g.speaker_id})"
            gold_name = g.speaker_canonical or " ".join(filter(None, (label, g.speaker)))
            errors.append(gold_error("wrong_entity", gi, predicted_speaker(p), gold_name))
        if not g.has_speaker:
            matched_to_speakerless += 1
            continue
        s.e2e_gold += 1
        s.speaker_total += 1
        if speaker_right(g, p):
            s.speaker_right += 1
            s.e2e_hits += 1
        else:
            errors.append(gold_error("wrong_speaker", gi, predicted_speaker(p)))
    s.e2e_predicted = len(preds) - matched_to_speakerless
    s.outcomes = _outcomes(doc, preds, loose, entity_spans)

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
                text=pieces(text, item.spans) or p.text,
                context=context_line(text, p.start, p.end),
                predicted_speaker=predicted_speaker(p),
            )
        )
    errors.sort(key=lambda e: (e.start, e.end))
    return s, errors


def _outcomes(
    doc: GoldDocument, preds: Sequence[Quote], loose: Mapping[int, int], spans: EntitySpans
) -> list[Outcome]:
    """How each scored prediction fared: matched, and matched with the speaker a user gets
    right (``served_speaker_right``: the entity where the gold says who it is)."""
    gold_of = {p: g for g, p in loose.items()}
    out: list[Outcome] = []
    for pi, quote in enumerate(preds):
        gi = gold_of.get(pi)
        gold = doc.quotes[gi] if gi is not None else None
        right = gold is not None and served_speaker_right(gold, quote, spans)
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
