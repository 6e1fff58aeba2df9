"""Scoring against tiny hand-made gold files; every expected figure is worked out in a comment.

"Counted" characters are the ones scoring looks at: not whitespace, punctuation or quotation
marks. So ``"The bridge opens in May."`` counts The(3) bridge(6) opens(5) in(2) May(3) = 19.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from quoteattr.evaluate import (
    GoldDocument,
    Report,
    evaluate,
    load_gold,
    score,
)
from quoteattr.evaluate.matching import Item, candidates, merge_spans
from quoteattr.types import Attribution, Entity, Mention, MentionKind, Quote, QuoteKind, Span

# --------------------------------------------------------------------------------------------
# helpers

Where = str | tuple[str, int]  # a substring, or (substring, which occurrence)


def at(text: str, where: Where) -> tuple[int, int]:
    """Offsets of a substring (whole words when it starts/ends with a letter)."""
    sub, nth = (where, 0) if isinstance(where, str) else where
    pattern = re.escape(sub)
    if sub[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if sub[-1].isalnum():
        pattern += r"(?!\w)"
    return list(re.finditer(pattern, text))[nth].span()


def gq(
    text: str,
    where: Where,
    kind: str = "direct",
    *,
    speaker: Where | None = None,
    speaker_name: str | None = None,
    speaker_id: str | None = None,
    cue: Where | None = None,
    fragments: Sequence[Where] = (),
) -> dict[str, Any]:
    """A gold quote in the JSONL format of /work/shared/eval/README.md."""
    start, end = at(text, where)
    quote: dict[str, Any] = {
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": kind,
        "speaker": speaker_name,
        "speaker_mentions": [],
        "cue": list(at(text, cue)) if cue else None,
    }
    if speaker is not None:
        s, e = at(text, speaker)
        quote["speaker"] = speaker_name or text[s:e]
        quote["speaker_mentions"] = [[s, e]]
    if speaker_id is not None:
        quote["speaker_id"] = speaker_id
    if fragments:
        quote["fragments"] = [list(at(text, f)) for f in fragments]
    return quote


def pq(
    text: str,
    where: Where,
    kind: QuoteKind = QuoteKind.DIRECT,
    *,
    mention: Where | None = None,
    entity: tuple[str, Sequence[Where]] | None = None,
    cue: Where | None = None,
    fragments: Sequence[Where] = (),
) -> Quote:
    """A predicted quote, as the attributor would return it."""
    start, end = at(text, where)
    frags = tuple(Span.of(text, *at(text, f)) for f in fragments) or (Span.of(text, start, end),)
    speaker = None
    if entity is not None:
        name, mentions = entity
        speaker = Entity(
            id=name,
            name=name,
            mentions=tuple(Mention.of(text, *at(text, m), MentionKind.NAME) for m in mentions),
        )
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        fragments=frags,
        cue=Span.of(text, *at(text, cue)) if cue else None,
        speaker_mention=Mention.of(text, *at(text, mention), MentionKind.NAME) if mention else None,
        speaker=speaker,
    )


def write_gold(path: Path, docs: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


class FakeAttributor:
    """Returns hand-made quotes for known texts; records what it was asked."""

    def __init__(self, answers: dict[str, Sequence[Quote]]) -> None:
        self.answers = answers
        self.piped: list[str] = []

    def analyze(self, text: str) -> Attribution:
        return Attribution(text=text, quotes=tuple(self.answers.get(text, ())))

    def pipe(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[Attribution]:
        for text in texts:
            self.piped.append(text)
            yield self.analyze(text)


def one(tmp_path: Path, doc: dict[str, Any]) -> GoldDocument:
    (gold,) = load_gold(write_gold(tmp_path / "gold.jsonl", [doc]))
    return gold


# --------------------------------------------------------------------------------------------
# the hand-made documents

T_PERFECT = 'Mayor Ann Lee said: "The bridge opens in May." Nobody else spoke.'
D_PERFECT = {
    "id": "perfect",
    "corpus": "news",
    "text": T_PERFECT,
    # PolNeAR style: the content span includes the marks and the full stop.
    "quotes": [gq(T_PERFECT, '"The bridge opens in May."', speaker="Mayor Ann Lee", cue="said")],
}
P_PERFECT = [pq(T_PERFECT, "The bridge opens in May.", mention="Ann Lee", cue="said")]

T_HALF = "Officials said that alpha bravo delta tango would come."


def test_perfect_match(tmp_path: Path) -> None:
    # Gold 19 counted characters, prediction the same 19 inside the marks: shared 19 = 100%.
    # Speaker "Ann Lee" overlaps gold "Mayor Ann Lee"; cues are the same "said".
    report = score([one(tmp_path, D_PERFECT)], [P_PERFECT])
    s = report.overall
    assert (s.gold, s.predicted, s.loose, s.strict) == (1, 1, 1, 1)
    assert (s.precision, s.recall, s.f1, s.strict_f1) == (1.0, 1.0, 1.0, 1.0)
    assert s.speaker_accuracy == 1.0
    assert s.e2e_f1 == 1.0
    assert s.cue_accuracy == 1.0
    assert s.recall_by_kind("direct") == 1.0
    assert s.recall_by_kind(QuoteKind.INDIRECT) is None  # no indirect gold: undefined
    assert report.errors == []


def test_half_overlap_is_loose_not_strict(tmp_path: Path) -> None:
    # gold "alpha bravo" = 10 counted, prediction "bravo delta" = 10; shared "bravo" = 5,
    # i.e. 50% of both: >= 30% (loose match) but < 80% (no strict match).
    doc = {
        "id": "half",
        "corpus": "news",
        "text": T_HALF,
        "quotes": [gq(T_HALF, "alpha bravo", "indirect", speaker="Officials")],
    }
    preds = [pq(T_HALF, "bravo delta", QuoteKind.INDIRECT, mention="Officials")]
    s = score([one(tmp_path, doc)], [preds]).overall
    assert (s.loose, s.strict) == (1, 0)
    assert s.f1 == 1.0
    assert s.strict_f1 == 0.0
    assert s.recall_by_kind("indirect") == 1.0


def test_overlap_below_30_percent_is_a_miss_and_a_false_alarm(tmp_path: Path) -> None:
    # gold "alpha bravo delta tango" = 20 counted; prediction "tango would come" = 14;
    # shared "tango" = 5 = 25% of the gold: no match at all.
    doc = {
        "id": "low",
        "corpus": "news",
        "text": T_HALF,
        "quotes": [gq(T_HALF, "alpha bravo delta tango", "indirect", speaker="Officials")],
    }
    preds = [pq(T_HALF, "tango would come", QuoteKind.INDIRECT)]
    report = score([one(tmp_path, doc)], [preds])
    assert report.overall.loose == 0
    assert (report.overall.precision, report.overall.recall) == (0.0, 0.0)
    assert [(e.type, e.text) for e in report.errors] == [
        ("miss", "alpha bravo delta tango"),
        ("false_alarm", "tango would come"),
    ]


def test_one_prediction_cannot_match_two_gold_quotes(tmp_path: Path) -> None:
    # gold "alpha bravo" (10) and "delta tango" (10); one prediction over all four words (20)
    # shares 10 with each: 100% of each gold, 50% of the prediction, so both pairs qualify,
    # but the prediction is used once: 1 match, 1 miss.
    doc = {
        "id": "two-gold",
        "corpus": "news",
        "text": T_HALF,
        "quotes": [
            gq(T_HALF, "alpha bravo", "indirect"),
            gq(T_HALF, "delta tango", "indirect"),
        ],
    }
    preds = [pq(T_HALF, "alpha bravo delta tango", QuoteKind.INDIRECT)]
    report = score([one(tmp_path, doc)], [preds])
    assert (report.overall.loose, report.overall.recall) == (1, 0.5)
    # equal shares: the tie goes to document order, so "delta tango" is the miss
    assert [(e.type, e.text) for e in report.errors] == [("miss", "delta tango")]


def test_greedy_matching_is_one_to_one_and_prefers_more_shared(tmp_path: Path) -> None:
    # gold "alpha bravo delta tango" = 20. A: "alpha bravo delta" shares 15 (75% / 100%),
    # B: "delta tango" shares 10 (50% / 100%). Both qualify; A shares more and wins, B is then
    # a false alarm (one gold quote can match only one prediction). Neither reaches 80% of gold.
    doc = {
        "id": "greedy",
        "corpus": "news",
        "text": T_HALF,
        "quotes": [gq(T_HALF, "alpha bravo delta tango", "indirect")],
    }
    preds = [
        pq(T_HALF, "delta tango", QuoteKind.INDIRECT),
        pq(T_HALF, "alpha bravo delta", QuoteKind.INDIRECT),
    ]
    report = score([one(tmp_path, doc)], [preds])
    assert (report.overall.loose, report.overall.strict, report.overall.predicted) == (1, 0, 2)
    assert [(e.type, e.text) for e in report.errors] == [("false_alarm", "delta tango")]


T_SPEAKERS = (
    'Smith met Jones. "We will win," Smith said. "No chance," Jones replied, and he laughed.'
)


def test_wrong_speaker_and_speaker_through_entity_mentions(tmp_path: Path) -> None:
    doc = {
        "id": "speakers",
        "corpus": "news",
        "text": T_SPEAKERS,
        "quotes": [
            gq(T_SPEAKERS, '"We will win,"', speaker=("Smith", 1), cue="said"),
            gq(T_SPEAKERS, '"No chance,"', speaker=("Jones", 1), cue="replied"),
        ],
    }
    preds = [
        # Wrong: "Jones" (2nd) does not overlap the gold "Smith" (2nd). Cue right.
        pq(T_SPEAKERS, "We will win,", mention=("Jones", 1), cue="said"),
        # Right: the mention "he" overlaps no gold span, but the entity's mentions include the
        # second "Jones", the gold one. Cue wrong: "laughed" does not overlap "replied".
        pq(
            T_SPEAKERS,
            "No chance,",
            mention="he",
            entity=("Jones", ["Jones", ("Jones", 1), "he"]),
            cue="laughed",
        ),
    ]
    report = score([one(tmp_path, doc)], [preds])
    s = report.overall
    assert s.loose == 2
    # speaker: 1 right of 2; e2e: hits 1, gold 2, pred 2 -> F1 = 2*1/(2+2) = 0.5
    assert (s.speaker_right, s.speaker_total, s.speaker_accuracy) == (1, 2, 0.5)
    assert (s.e2e_hits, s.e2e_gold, s.e2e_predicted, s.e2e_f1) == (1, 2, 2, 0.5)
    # cue: both pairs have cues, one overlaps -> 0.5
    assert (s.cue_right, s.cue_total) == (1, 2)
    (error,) = report.errors
    assert error.type == "wrong_speaker"
    assert (error.gold_speaker, error.predicted_speaker) == ("Smith", "Jones")
    assert '[["We will win,"]]' in error.context


def test_prediction_with_no_gold_is_a_false_alarm(tmp_path: Path) -> None:
    # 1 gold, 2 predictions, 1 match: P = 1/2, R = 1, F1 = 2*1/(1+2) = 2/3.
    # The unmatched prediction also counts on the prediction side of e2e: F1 = 2/3 too.
    preds = [*P_PERFECT, pq(T_PERFECT, "Nobody else spoke", QuoteKind.DIRECT)]
    report = score([one(tmp_path, D_PERFECT)], [preds])
    s = report.overall
    assert (s.precision, s.recall) == (0.5, 1.0)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.e2e_f1 == pytest.approx(2 / 3)
    assert [(e.type, e.kind, e.text) for e in report.errors] == [
        ("false_alarm", "direct", "Nobody else spoke")
    ]


T_FRAGMENTS = '"Red green blue," Senator Smith said on Tuesday, "cyan magenta."'


def interrupted_prediction(speaker_mention: Mention | None = None) -> Quote:
    """One predicted quote in two pieces: "Red green blue," … "cyan magenta."."""
    first, second = at(T_FRAGMENTS, "Red green blue,"), at(T_FRAGMENTS, "cyan magenta.")
    return Quote(
        start=first[0],
        end=second[1],
        text=T_FRAGMENTS[first[0] : second[1]],
        kind=QuoteKind.DIRECT,
        fragments=(Span.of(T_FRAGMENTS, *first), Span.of(T_FRAGMENTS, *second)),
        speaker_mention=speaker_mention,
    )


def test_fragments_are_compared_on_both_sides(tmp_path: Path) -> None:
    # Gold start/end cover the whole sentence, fragments only the two quoted pieces:
    # Red green blue = 12 counted, cyan magenta = 11 -> 23; the middle "Senator Smith said on
    # Tuesday" = 25; the whole = 48.
    doc = {
        "id": "fragments",
        "corpus": "news",
        "text": T_FRAGMENTS,
        "quotes": [
            gq(
                T_FRAGMENTS,
                '"Red green blue," Senator Smith said on Tuesday, "cyan magenta."',
                speaker="Senator Smith",
                cue="said",
                fragments=['"Red green blue,"', '"cyan magenta."'],
            )
        ],
    }
    smith = Mention.of(T_FRAGMENTS, *at(T_FRAGMENTS, "Smith"), MentionKind.NAME)
    interrupted = interrupted_prediction(speaker_mention=smith)
    middle = pq(T_FRAGMENTS, "Senator Smith said on Tuesday", QuoteKind.DIRECT)
    # Over fragments: interrupted shares 23 of 23 (strict); middle shares 0 -> false alarm.
    # (Using start/end instead would give middle 25/48 and interrupted only 23/48, not strict.)
    report = score([one(tmp_path, doc)], [[middle, interrupted]])
    s = report.overall
    assert (s.loose, s.strict, s.speaker_right) == (1, 1, 1)
    assert [(e.type, e.text) for e in report.errors] == [
        ("false_alarm", "Senator Smith said on Tuesday")
    ]


T_LITBANK = (
    "“ Come here , ” said Fred . Mary looked up . “ Why ? ” she asked . “ Because , ” he said ."
)


def litbank_doc(entity_mentions_as_string: bool) -> dict[str, Any]:
    t = T_LITBANK
    entities = {
        "Fred-1": [list(at(t, "Fred")), list(at(t, "he"))],
        "Mary-2": [list(at(t, "Mary")), list(at(t, "she"))],
    }
    return {
        "id": "litbank-1",
        "corpus": "litbank",
        "text": t,
        "quotes": [
            gq(t, "“ Come here , ”", speaker_name="Fred", speaker_id="Fred-1"),
            gq(t, "“ Why ? ”", speaker_name="Mary", speaker_id="Mary-2"),
            gq(t, "“ Because , ”", speaker_name="Fred", speaker_id="Fred-1"),
        ],
        # The real file may hold a Python dict repr (single quotes: not JSON).
        "speaker_entity_mentions": str(entities) if entity_mentions_as_string else entities,
    }


def test_litbank_entity_mentions_from_a_dict_repr_string(tmp_path: Path) -> None:
    assert litbank_doc(True)["speaker_entity_mentions"].startswith("{'Fred-1': [[")
    doc = one(tmp_path, litbank_doc(True))
    assert [s.text for s in doc.speaker_entity_mentions["Fred-1"]] == ["Fred", "he"]
    assert [s.text for s in doc.quotes[1].speaker_spans] == ["Mary", "she"]
    assert doc == one(tmp_path, litbank_doc(False))  # the JSON-object form reads the same

    t = T_LITBANK
    preds = [
        pq(t, "Come here ,", mention="Fred"),  # right: a Fred-1 mention
        pq(t, "Why ?", mention="she"),  # right: "she" is a Mary-2 mention
        pq(t, "Because ,", mention="Mary"),  # wrong: Mary is not Fred-1
    ]
    report = score([doc], [preds])
    s = report.overall
    # 3 matches, all strict because only letters count: "“ Why ? ”" and "Why ?" are both
    # "Why" (counting every character, 5 of 9 would fall short of 80%).
    # Speaker 2/3; e2e hits 2, F1 = 2*2/(3+3) = 2/3; no cues in LitBank -> None.
    assert (s.loose, s.strict) == (3, 3)
    assert s.speaker_accuracy == pytest.approx(2 / 3)
    assert s.e2e_f1 == pytest.approx(2 / 3)
    assert s.cue_accuracy is None
    (error,) = report.errors_of("wrong_speaker")
    assert (error.type, error.gold_speaker, error.predicted_speaker) == (
        "wrong_speaker",
        "Fred",
        "Mary",
    )


T_DISCARD = 'Share this: "Sign up for our newsletter today." Gov. Kim said the budget is balanced.'


def test_predictions_mostly_inside_discard_spans_are_ignored(tmp_path: Path) -> None:
    doc = {
        "id": "discard",
        "corpus": "news",
        "text": T_DISCARD,
        "discard_spans": [list(at(T_DISCARD, 'Share this: "Sign up for our newsletter today."'))],
        "quotes": [gq(T_DISCARD, "the budget is balanced", "indirect", speaker="Gov. Kim")],
    }
    preds = [
        pq(T_DISCARD, "Sign up for our newsletter today."),  # 100% inside: ignored
        pq(T_DISCARD, "the budget is balanced", QuoteKind.INDIRECT, mention="Kim"),  # match
        # today(5) Gov(3) Kim(3) said(4) = 15 counted, 5 inside (33%): kept, a false alarm.
        pq(T_DISCARD, 'today." Gov. Kim said', QuoteKind.INDIRECT),
    ]
    report = score([one(tmp_path, doc)], [preds])
    s = report.overall
    assert (s.ignored, s.predicted, s.loose) == (1, 2, 1)
    assert s.precision == 0.5
    assert [(e.type, e.start) for e in report.errors] == [
        ("false_alarm", at(T_DISCARD, 'today." Gov. Kim said')[0])
    ]


T_NO_SPEAKER = "Rivera said the plan works. It was reported that taxes will rise."


def test_gold_without_speaker_is_left_out_of_speaker_and_e2e(tmp_path: Path) -> None:
    doc = {
        "id": "nospeaker",
        "corpus": "news",
        "text": T_NO_SPEAKER,
        "quotes": [
            gq(T_NO_SPEAKER, "the plan works", "indirect", speaker="Rivera"),
            gq(T_NO_SPEAKER, "taxes will rise", "indirect"),  # speaker null, no mentions
        ],
    }
    preds = [
        pq(T_NO_SPEAKER, "the plan works", QuoteKind.INDIRECT, mention="Rivera"),
        pq(T_NO_SPEAKER, "taxes will rise", QuoteKind.INDIRECT, mention="It"),
    ]
    s = score([one(tmp_path, doc)], [preds]).overall
    assert s.loose == 2
    # Only the Rivera quote counts: speaker 1/1; e2e gold 1, predictions 2 - 1 (the one matched
    # to the speakerless gold) = 1, hits 1 -> F1 1.0 (it would be 2/3 if it were not left out).
    assert (s.speaker_right, s.speaker_total) == (1, 1)
    assert (s.e2e_hits, s.e2e_gold, s.e2e_predicted) == (1, 1, 1)
    assert s.e2e_f1 == 1.0


# --------------------------------------------------------------------------------------------
# several documents and corpora


def two_corpora(tmp_path: Path) -> tuple[list[GoldDocument], list[list[Quote]]]:
    news = load_gold(
        write_gold(
            tmp_path / "news.jsonl",
            [
                D_PERFECT,
                {
                    "id": "low",
                    "corpus": "news",
                    "text": T_HALF,
                    "quotes": [gq(T_HALF, "alpha bravo delta tango", "indirect")],
                },
            ],
        )
    )
    fiction = load_gold(write_gold(tmp_path / "fiction.jsonl", [litbank_doc(True)]))
    t = T_LITBANK
    preds = [
        P_PERFECT,
        [pq(T_HALF, "tango would come", QuoteKind.INDIRECT)],  # no match (25%)
        [pq(t, "Come here ,"), pq(t, "Why ?"), pq(t, "Because ,")],
    ]
    return news + fiction, preds


def test_per_corpus_and_micro_averaged_overall(tmp_path: Path) -> None:
    docs, preds = two_corpora(tmp_path)
    report = score(docs, preds)
    news, fiction = report.corpora["news"], report.corpora["litbank"]
    # news: 2 gold, 2 pred, 1 match -> P = R = 0.5; direct 1/1, indirect 0/1
    assert (news.documents, news.gold, news.predicted, news.loose) == (2, 2, 2, 1)
    assert (news.precision, news.recall) == (0.5, 0.5)
    assert (news.recall_by_kind("direct"), news.recall_by_kind("indirect")) == (1.0, 0.0)
    # litbank: 3/3
    assert fiction.f1 == 1.0
    # overall is micro-averaged over quotes: 4 of 5 = 0.8 (the mean of corpora would be 0.75)
    assert report.overall.precision == pytest.approx(0.8)
    assert report.overall.documents == 3


def test_report_format_to_dict_and_errors_text(tmp_path: Path) -> None:
    docs, preds = two_corpora(tmp_path)
    report = score(docs, preds)
    table = report.format()
    lines = table.splitlines()
    header = "corpus P R F1 strictF1 spkMen e2eF1 cueAcc R-dir R-ind R-mix docs gold pred"
    assert lines[0].split() == header.split(" ")
    main = lines[: lines.index("")]
    rows = {line.split()[0]: line.split() for line in main[1:] if line and line[0].isalpha()}
    assert rows["news"][1:4] == ["50.0", "50.0", "50.0"]
    # R-dir, R-ind, R-mix: direct 1/1, indirect 0/1, no mixed gold
    assert rows["news"][8:11] == ["100.0", "0.0", "-"]
    assert rows["litbank"][-3:] == ["1", "3", "3"]
    assert rows["overall"][1:4] == ["80.0", "80.0", "80.0"]
    assert max(len(line) for line in lines) <= 100

    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["loose"]["precision"] == pytest.approx(0.8)
    assert data["corpora"]["news"]["recall_by_kind"]["indirect"] == {
        "gold": 1,
        "found": 0,
        "recall": 0.0,
    }
    assert data["error_counts"] == {
        "miss": 1,
        "false_alarm": 1,
        "wrong_speaker": 3,
        "wrong_entity": 3,  # litbank's three speakers, judged on the entity
    }
    assert len(report.to_dict(include_errors=True)["errors"]) == 8

    text = report.format_errors()
    assert text.index("MISSES: 1") < text.index("FALSE ALARMS: 1") < text.index("WRONG SPEAKERS: 3")
    assert text.index("--- direct (0) ---") < text.index("--- indirect (1) ---")
    assert text.index("--- indirect (1) ---") < text.index("--- mixed (0) ---")
    assert "[[alpha bravo delta tango]]" in text


def test_context_is_bounded_and_on_one_line(tmp_path: Path) -> None:
    filler = "word\n" * 100  # 500 characters either side
    text = f'{filler}Ms. Ortiz said: "Zebra yak." {filler}'
    doc = {"id": "ctx", "corpus": "news", "text": text, "quotes": [gq(text, '"Zebra yak."')]}
    (miss,) = score([one(tmp_path, doc)], [[]]).errors
    assert "\n" not in miss.context
    assert '[["Zebra yak."]]' in miss.context
    left, right = miss.context.split('[["Zebra yak."]]')
    assert left.startswith("…") and right.endswith("…")
    assert len(left) == len(right) == 151  # 150 characters + the ellipsis


def test_predictions_must_align_with_documents(tmp_path: Path) -> None:
    doc = one(tmp_path, D_PERFECT)
    with pytest.raises(ValueError, match="1 documents"):
        score([doc], [])
    with pytest.raises(ValueError, match="different text"):
        score([doc], [Attribution(text=T_PERFECT + " ")])


def test_candidate_pairs_come_from_a_sweep_not_all_pairs() -> None:
    # 200 disjoint quotes and 200 predictions on top of them: 200 candidate pairs, not 40,000.
    gold = [Item(((10 * i, 10 * i + 8),), 8) for i in range(200)]
    pred = [Item(((10 * i + 1, 10 * i + 9),), 8) for i in range(200)]
    assert sorted(candidates(gold, pred)) == [(i, i) for i in range(200)]


def test_candidate_pairs_equal_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        items = []
        for _ in range(rng.randint(0, 12)):
            spans = []
            for _ in range(rng.randint(1, 3)):
                s = rng.randint(0, 60)
                spans.append((s, s + rng.randint(1, 15)))
            items.append(Item(merge_spans(spans), 1))  # as scoring builds them
        cut = rng.randint(0, len(items))
        gold, pred = items[:cut], items[cut:]
        brute = {
            (i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if g.start < max(e for _, e in p.spans) and p.start < max(e for _, e in g.spans)
        }
        got = list(candidates(gold, pred))
        assert len(got) == len(set(got))
        assert set(got) == brute


# --------------------------------------------------------------------------------------------
# load_gold


def test_load_gold_defaults_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    doc = {"text": T_HALF, "quotes": [gq(T_HALF, "alpha bravo", "indirect")]}
    path.write_text("\n" + json.dumps(doc) + "\n\n", encoding="utf-8")
    (gold,) = load_gold(path)
    assert (gold.id, gold.corpus) == ("mine:2", "mine")
    (quote,) = gold.quotes
    assert quote.fragments == (Span.of(T_HALF, quote.start, quote.end),)
    assert quote.kind is QuoteKind.INDIRECT
    assert not quote.has_speaker


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"quotes": []}', "no string 'text'"),
        (
            json.dumps(
                {"text": "abc", "quotes": [{"start": 0, "end": 2, "text": "xx", "kind": "direct"}]}
            ),
            "does not match",
        ),
        (
            json.dumps({"text": "abc", "quotes": [{"start": 1, "end": 9, "kind": "direct"}]}),
            "does not fit",
        ),
        (
            json.dumps({"text": "abc", "quotes": [{"start": 0, "end": 2, "kind": "quoted"}]}),
            "kind must be one of",
        ),
        (
            json.dumps({"text": "abc", "quotes": [{"start": 0, "kind": "direct"}]}),
            "has no 'end'",
        ),
        (
            json.dumps(
                {
                    "text": "abc",
                    "quotes": [{"start": 0, "end": 2, "kind": "direct", "cue": [2, 1]}],
                }
            ),
            r"cue \[2, 1\]",
        ),
        (
            json.dumps({"text": "abc", "quotes": [], "speaker_entity_mentions": "{'A': [[0,"}),
            "literal",
        ),
        (json.dumps({"text": "abc", "quotes": [], "discard_spans": [[0, 5]]}), "discard_spans"),
    ],
)
def test_load_gold_reports_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "abc", "quotes": []})
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold(path)
    assert str(info.value).startswith(f"{path}:2: ")


# --------------------------------------------------------------------------------------------
# evaluate()


def test_evaluate_runs_the_attributor_and_writes_files(tmp_path: Path) -> None:
    docs, preds = two_corpora(tmp_path)
    fake = FakeAttributor({d.text: p for d, p in zip(docs, preds, strict=True)})
    report = evaluate(
        [tmp_path / "news.jsonl", tmp_path / "fiction.jsonl"],
        fake,
        limit=1,  # first document of each file: D_PERFECT and the LitBank one
        errors_path=tmp_path / "errors.txt",
        report_path=tmp_path / "report.json",
    )
    assert isinstance(report, Report)
    assert fake.piped == [T_PERFECT, T_LITBANK]
    assert report.overall.documents == 2
    assert report.overall.loose == 4
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(report.to_dict()))
    errors = (tmp_path / "errors.txt").read_text(encoding="utf-8")
    assert "MISSES: 0 (gold quotes that no prediction matched)" in errors
    assert "WRONG SPEAKERS" in errors and "[litbank/litbank-1]" in errors


def test_evaluate_accepts_an_attributor_without_pipe(tmp_path: Path) -> None:
    class AnalyzeOnly:
        def analyze(self, text: str) -> list[Quote]:
            return list(P_PERFECT)

    path = write_gold(tmp_path / "g.jsonl", [D_PERFECT])
    assert evaluate(path, AnalyzeOnly()).overall.f1 == 1.0


def test_kinds_a_corpus_does_not_annotate_are_not_scored(tmp_path: Path) -> None:
    # The gold holds direct speech only, so it says nothing about indirect or mixed speech:
    # those predictions are neither hits nor false alarms; the extra direct one is.
    preds = [
        *P_PERFECT,
        pq(T_PERFECT, "Nobody else spoke", QuoteKind.INDIRECT),
        pq(T_PERFECT, "Nobody else", QuoteKind.MIXED),
        pq(T_PERFECT, "else spoke", QuoteKind.DIRECT),
    ]
    report = score([one(tmp_path, D_PERFECT)], [preds])
    assert (report.overall.predicted, report.overall.loose) == (2, 1)
    assert [(e.type, e.kind) for e in report.errors] == [("false_alarm", "direct")]


def test_interrupted_prediction_scored_by_piece_when_gold_has_no_fragments(
    tmp_path: Path,
) -> None:
    # LitBank convention: the two pieces are two gold quotes and the gold has no fragments.
    doc = {
        "id": "pieces",
        "corpus": "fiction",
        "text": T_FRAGMENTS,
        "quotes": [
            {"start": a, "end": b, "kind": "direct", "speaker": "Smith"}
            for a, b in (at(T_FRAGMENTS, '"Red green blue,"'), at(T_FRAGMENTS, '"cyan magenta."'))
        ],
    }
    interrupted = interrupted_prediction()
    report = score([one(tmp_path, doc)], [[interrupted]])
    assert (report.overall.gold, report.overall.loose, report.overall.strict) == (2, 2, 2)


def test_mixed_prediction_scored_by_its_quoted_words_where_mixed_is_not_annotated(
    tmp_path: Path,
) -> None:
    # Gold (direct only) marks the quoted words; the prediction is the whole mixed clause.
    text = 'Ann Lee said the plan was "dead on arrival" for everyone.'
    doc = {
        "id": "mixed",
        "corpus": "fiction",
        "text": text,
        "quotes": [{"start": text.index('"'), "end": text.rindex('"') + 1, "kind": "direct"}],
    }
    mixed = pq(text, 'the plan was "dead on arrival" for everyone', QuoteKind.MIXED)
    report = score([one(tmp_path, doc)], [[mixed]])
    assert (report.overall.predicted, report.overall.strict) == (1, 1)
