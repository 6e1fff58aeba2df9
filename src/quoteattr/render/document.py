"""One document's view: the marked-up article, its legend of speakers and its filters.

The article is written once, in order, with each quote in one ``<mark class="quote">`` (its
fragments inside, the narration between them left plain), and its cue and speaker mention in
``<span class="cue">`` / ``<span class="mention">``. What the page's script shows on hover
travels as JSON in a ``<script type="application/json">`` block, with ``<``, ``>`` and ``&``
written as ``\\u003c`` and so on, so no text can close the block.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ..types import Attribution, Entity, Quote
from .layers import Layer, escape_attribute, escape_text, render_layers, shorten

__all__ = ["DocumentView", "document_view", "json_for_script", "speaker_order"]

_LABEL_CHARS = 24


def json_for_script(data: Any) -> str:
    """JSON that is safe as the content of a ``<script>`` element (ASCII, no ``<``/``>``/``&``)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def speaker_order(quotes: Sequence[Quote]) -> list[Entity]:
    """The document's speakers, most quoted first (ties: first to speak first)."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, Entity]] = {}
    for position, quote in enumerate(quotes):
        if quote.speaker is None:
            continue
        key = quote.speaker.id
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, (position, quote.speaker))
    ranked = sorted(first, key=lambda key: (-counts[key], first[key][0]))
    return [first[key][1] for key in ranked]


@attrs.frozen
class DocumentView:
    """A rendered document: its HTML section and how many colour classes it uses."""

    html: str
    colours: int
    quotes: int
    speakers: int


def _colour_class(quote: Quote, colour_of: Mapping[str, int]) -> str:
    return "s-none" if quote.speaker is None else f"s{colour_of[quote.speaker.id]}"


def _quote_layers(quotes: Sequence[Quote], colour_of: Mapping[str, int]) -> list[Layer]:
    layers: list[Layer] = []
    shared: dict[tuple[str, int, int], tuple[list[int], str]] = {}
    for number, quote in enumerate(quotes):
        colour = _colour_class(quote, colour_of)
        label = quote.speaker_name or "no speaker"
        layers.append(
            Layer(
                quote.start,
                quote.end,
                0,
                "mark",
                {
                    "class": f"quote {colour}",
                    "data-quote": str(number),
                    "data-speaker": quote.speaker.id if quote.speaker is not None else "",
                    "data-confidence": f"{quote.confidence:.2f}",
                    "data-kind": quote.kind.value,
                    "data-label": shorten(label, _LABEL_CHARS),
                    "tabindex": "0",
                },
            )
        )
        for fragment in quote.fragments:
            layers.append(Layer(fragment.start, fragment.end, 1, "span", {"class": "frag"}))
        for role, span in (
            ("cue", quote.cue),
            ("mention", quote.speaker_mention),
            ("addressee", quote.addressee),
        ):
            if span is not None:
                owners, _ = shared.setdefault((role, span.start, span.end), ([], colour))
                owners.append(number)
    for (role, start, end), (owners, colour) in shared.items():
        css = f"{role} {colour}" if role == "mention" else role
        data = {"class": css, "data-quote": " ".join(map(str, owners))}
        layers.append(Layer(start, end, 2, "span", data))
    return layers


def _speaker_data(speaker: Entity, count: int, colour: int) -> dict[str, Any]:
    return {
        "id": speaker.id,
        "name": speaker.name,
        "kind": speaker.kind.value,
        "role": list(speaker.role),
        "gender": speaker.gender,
        "named": speaker.named,
        "quotes": count,
        "colour": colour,
    }


def _quote_data(quote: Quote, index_of: dict[str, int]) -> dict[str, Any]:
    return {
        "speaker": -1 if quote.speaker is None else index_of[quote.speaker.id],
        "kind": quote.kind.value,
        "category": quote.category.value if quote.category is not None else None,
        "confidence": quote.confidence,
        "rule": quote.rule,
        "mention": quote.speaker_mention.text if quote.speaker_mention is not None else None,
        "cue": quote.cue.text if quote.cue is not None else None,
        "addressee": quote.addressee.text if quote.addressee is not None else None,
    }


def _legend_item(css: str, name: str, detail: str, count: int, index: int) -> str:
    detail_html = f'<span class="qa-role">{escape_text(detail)}</span>' if detail else ""
    return (
        f'<li class="qa-speaker" data-index="{index}"><label>'
        f'<input type="checkbox" class="{css}" checked data-index="{index}">'
        f'<span class="qa-name">{escape_text(name)}{detail_html}</span>'
        f'<span class="qa-count">{count}</span></label></li>'
    )


def _legend(
    speakers: Sequence[Entity], counts: Sequence[int], colours: Sequence[int], unattributed: int
) -> str:
    items = []
    for index, (speaker, count) in enumerate(zip(speakers, counts, strict=True)):
        detail = ", ".join(speaker.role) or ("" if speaker.named else "unnamed source")
        items.append(_legend_item(f"s{colours[index]}", speaker.name, detail, count, index))
    if unattributed:
        items.append(_legend_item("s-none", "No speaker identified", "", unattributed, -1))
    if not items:
        return '<p class="qa-empty">No quotes found.</p>'
    return '<ul class="qa-legend">' + "".join(items) + "</ul>"


def _controls(total: int) -> str:
    return (
        '<div class="qa-filter"><label>Minimum confidence '
        '<input type="range" class="qa-min" min="0" max="1" step="0.05" value="0">'
        '<output class="qa-min-value">0.00</output></label></div>'
        f'<p class="qa-shown">Showing <b class="qa-shown-count">{total}</b> of {total} '
        f"quote{'s' if total != 1 else ''}</p>"
        '<p class="qa-key"><mark class="quote s-none"><span class="frag">quote</span></mark> '
        '<span class="cue">cue</span> <span class="mention s-none">speaker</span> '
        '<span class="addressee">addressee</span></p>'
    )


def _colours(speakers: Sequence[Entity], by_name: Mapping[str, int] | None) -> list[int]:
    """Each speaker's colour: its rank here, or across a corpus the colour its name has
    there (names the corpus does not rank get the colours after the corpus's)."""
    if by_name is None:
        return list(range(len(speakers)))
    spare = max(by_name.values(), default=-1) + 1
    colours = []
    for speaker in speakers:
        if speaker.name in by_name:
            colours.append(by_name[speaker.name])
        else:
            colours.append(spare)
            spare += 1
    return colours


def document_view(
    attribution: Attribution,
    *,
    anchor: str,
    heading: str | None,
    colour_by_name: Mapping[str, int] | None = None,
) -> DocumentView:
    """The ``<section>`` for one document; ``anchor`` is its id (letters, digits, dashes).

    ``colour_by_name`` keeps a speaker's colour the same in every document of a corpus."""
    quotes = attribution.quotes
    speakers = speaker_order(quotes)
    index_of = {speaker.id: index for index, speaker in enumerate(speakers)}
    colours = _colours(speakers, colour_by_name)
    colour_of = {speaker.id: colours[index] for index, speaker in enumerate(speakers)}
    counts = [0] * len(speakers)
    for quote in quotes:
        if quote.speaker is not None:
            counts[index_of[quote.speaker.id]] += 1
    unattributed = len(quotes) - sum(counts)
    cast = enumerate(zip(speakers, counts, strict=True))
    data = {
        "speakers": [_speaker_data(speaker, count, colours[i]) for i, (speaker, count) in cast],
        "quotes": [_quote_data(q, index_of) for q in quotes],
    }
    body = render_layers(attribution.text, _quote_layers(quotes, colour_of))
    heading_html = f"<h2 class='qa-doc-title'>{escape_text(heading)}</h2>" if heading else ""
    stats = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}, {len(speakers)} speaker" + (
        "s" if len(speakers) != 1 else ""
    )
    section = (
        f'<section class="qa-doc" id="{escape_attribute(anchor)}">{heading_html}'
        '<div class="qa-layout">'
        f'<article class="qa-article"><div class="qa-text">{body}</div></article>'
        f'<aside class="qa-side"><h3>Speakers <small>{escape_text(stats)}</small></h3>'
        f"{_legend(speakers, counts, colours, unattributed)}{_controls(len(quotes))}</aside>"
        "</div>"
        f'<script type="application/json" class="qa-data">{json_for_script(data)}</script>'
        "</section>"
    )
    return DocumentView(section, max(colours, default=-1) + 1, len(quotes), len(speakers))
