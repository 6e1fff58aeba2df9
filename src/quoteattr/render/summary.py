"""The speaker summary of a corpus page: who is quoted, and how often by gender and kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..types import Attribution
from .chart import Bar, bar_chart
from .layers import escape_text
from .palette import NO_SPEAKER, colour

__all__ = ["count_speakers", "ranked_rows", "speaker_summary"]

#: Speakers drawn in the chart; the rest are added up as one bar.
TOP_SPEAKERS = 12
#: Speakers listed in the table before it folds away the rest.
TABLE_ROWS = 25
_GENDER_COLOURS = {"female": "#9333ea", "male": "#0891b2", "unknown": NO_SPEAKER}
_KIND_COLOURS = {
    "person": "#2563eb",
    "organization": "#ea580c",
    "group": "#16a34a",
    "unknown": NO_SPEAKER,
}


def count_speakers(documents: Sequence[tuple[str, Attribution]]) -> list[dict[str, Any]]:
    """Speaker rows across the documents, merged by quoteattr's name rules (the corpus
    speaker table: "Putin" in one document and "Vladimir Putin" in another are one row)."""
    from ..corpus.records import document_records
    from ..corpus.speakers import speaker_table

    records = (r for name, result in documents for r in document_records(result, name))
    return [speaker.to_dict() for speaker in speaker_table(records).speakers]


def _count(row: Mapping[str, Any]) -> int:
    return int(row.get("quotes") or 0)


def ranked_rows(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Speaker rows, most quoted first (ties by name): the order of the chart's colours."""
    return sorted(rows, key=lambda row: (-_count(row), str(row.get("name", ""))))


def _speaker_bars(rows: Sequence[Mapping[str, Any]], unattributed: int) -> list[Bar]:
    ranked = ranked_rows(rows)
    bars = [Bar(str(row.get("name", "")), _count(row), colour(i)) for i, row in enumerate(ranked)]
    if len(bars) > TOP_SPEAKERS:
        rest = sum(bar.count for bar in bars[TOP_SPEAKERS - 1 :])
        others = len(bars) - TOP_SPEAKERS + 1
        bars = [*bars[: TOP_SPEAKERS - 1], Bar(f"{others} other speakers", rest, "#94a3b8")]
    if unattributed:
        bars.append(Bar("no speaker identified", unattributed, NO_SPEAKER))
    return bars


def _grouped_bars(
    rows: Sequence[Mapping[str, Any]], field: str, colours: Mapping[str, str]
) -> list[Bar]:
    totals: Counter[str] = Counter()
    for row in rows:
        totals[str(row.get(field) or "unknown")] += _count(row)
    order = [key for key in colours if key in totals]
    order += sorted(key for key in totals if key not in colours)
    return [Bar(key, totals[key], colours.get(key, "#94a3b8")) for key in order]


def _table(rows: Sequence[Mapping[str, Any]]) -> str:
    def cells(row: Mapping[str, Any]) -> str:
        values = (row.get("name", ""), row.get("kind") or "–", row.get("gender") or "–")
        text = "".join(f"<td>{escape_text(str(v))}</td>" for v in values)
        numbers = (_count(row), int(row.get("documents") or 0))
        return f"<tr>{text}" + "".join(f'<td class="num">{n}</td>' for n in numbers) + "</tr>"

    ranked = ranked_rows(rows)
    head = (
        "<thead><tr><th>Speaker</th><th>Kind</th><th>Gender</th>"
        '<th class="num">Quotes</th><th class="num">Documents</th></tr></thead>'
    )
    shown = "".join(cells(row) for row in ranked[:TABLE_ROWS])
    table = f'<table class="qa-table">{head}<tbody>{shown}</tbody></table>'
    if len(ranked) <= TABLE_ROWS:
        return table
    rest = "".join(cells(row) for row in ranked[TABLE_ROWS:])
    return (
        f"{table}<details><summary>{len(ranked) - TABLE_ROWS} more speakers</summary>"
        f'<table class="qa-table">{head}<tbody>{rest}</tbody></table></details>'
    )


def speaker_summary(
    documents: Sequence[tuple[str, Attribution]], rows: Sequence[Mapping[str, Any]]
) -> str:
    """Charts of the share of quotes per speaker, gender and kind, and the speaker table."""
    total = sum(len(attribution.quotes) for _, attribution in documents)
    unattributed = sum(
        1 for _, attribution in documents for quote in attribution.quotes if quote.speaker is None
    )
    attributed = sum(_count(row) for row in rows)
    by_gender = _grouped_bars(rows, "gender", _GENDER_COLOURS)
    by_kind = _grouped_bars(rows, "kind", _KIND_COLOURS)
    charts = [
        ("Share of all quotes by speaker", _speaker_bars(rows, unattributed), total),
        ("Attributed quotes by gender", by_gender, attributed),
        ("Attributed quotes by kind of speaker", by_kind, attributed),
    ]
    figures = "".join(
        f'<figure class="qa-figure"><figcaption>{escape_text(caption)}</figcaption>'
        f"{bar_chart(caption, bars, count)}</figure>"
        for caption, bars, count in charts
    )
    return (
        f'<section class="qa-summary" id="speakers"><h2>Speakers</h2>'
        f'<div class="qa-figures">{figures}</div>{_table(rows)}</section>'
    )
