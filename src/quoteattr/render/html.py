"""Self-contained HTML views of attributed text: one article, or a corpus with a speaker summary.

``render_html(attribution)`` gives a page with the article, each quote highlighted in its
speaker's colour, its cue and speaker mention marked, a card with the speaker's name, role,
kind, gender and the quote's category, confidence and rule on hover or click, a legend of
speakers with their quote counts, and filters by speaker and minimum confidence.

``render_corpus_html(documents)`` gives one page with a speaker summary (bar charts drawn as
inline SVG, a speaker table), a list of the documents, and every document's view below it,
each at its own anchor (``#doc-1``, ``#doc-2`` …).

Both pages load nothing: the styles and the small script are inline, and a
Content-Security-Policy lets only that script (by its hash) run and no image, font or frame
load. Every piece of the caller's text is HTML-escaped, and the data the script reads is JSON
with ``<``, ``>`` and ``&`` escaped, so an article containing ``<script>`` shows it as text.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

from .. import __version__
from ..types import Attribution
from .document import DocumentView, document_view
from .layers import escape_text
from .palette import palette_css
from .summary import count_speakers, ranked_rows, speaker_summary

__all__ = ["render_corpus_html", "render_html"]

_TITLE_CHARS = 80
_HELP = (
    "Hover over or click a highlighted quote to see who said it; untick a speaker or raise "
    "the minimum confidence to hide quotes."
)


@cache
def _asset(name: str) -> str:
    return (resources.files("quoteattr.render") / "assets" / name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _default_title(text: str) -> str:
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= _TITLE_CHARS else line[: _TITLE_CHARS - 1] + "…"
    return "quoteattr"


def _page(title: str, subtitle: str, main: str, colours: int) -> str:
    style = palette_css(colours) + "\n" + _asset("view.css")
    script = _asset("view.js")
    policy = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<meta name="generator" content="quoteattr {escape_text(__version__)}">'
        f"<title>{escape_text(title)}</title><style>{style}</style></head><body>"
        f'<header class="qa-header"><h1>{escape_text(title)}</h1>'
        f'<p class="qa-sub">{subtitle}</p></header>'
        f"<main>{main}</main>"
        '<div id="qa-card" class="qa-card" role="tooltip" hidden></div>'
        f'<footer class="qa-footer">{escape_text(_HELP)} Made by quoteattr '
        f"{escape_text(__version__)}.</footer>"
        f"<script>{script}</script></body></html>\n"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_html(attribution: Attribution, *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``attribution``'s quotes in its text.

    ``title`` defaults to the text's first non-blank line. The article's text in the page
    (``.qa-text``) reads back as ``attribution.text``, except that characters HTML cannot
    carry (NUL, lone surrogates) show as U+FFFD.
    """
    view = document_view(attribution, anchor="doc-1", heading=None)
    page_title = title if title is not None else _default_title(attribution.text)
    counts = f"{_plural(view.quotes, 'quote')} from {_plural(view.speakers, 'speaker')}"
    subtitle = escape_text(counts)
    return _page(page_title, subtitle, view.html, view.colours)


def _document_row(number: int, name: str, view: DocumentView) -> str:
    return (
        f'<tr><td class="num">{number}</td><td><a href="#doc-{number}">{escape_text(name)}</a></td>'
        f'<td class="num">{view.quotes}</td><td class="num">{view.speakers}</td></tr>'
    )


def render_corpus_html(
    documents: Sequence[tuple[str, Attribution]],
    *,
    title: str | None = None,
    speakers: Sequence[Mapping[str, Any]] | None = None,
) -> str:
    """One self-contained page for several documents, given as ``(name, attribution)`` pairs.

    The page opens with a speaker summary: bar charts of the share of quotes per speaker, by
    gender and by kind, and a table of speakers. ``speakers`` rows (mappings with ``name``,
    ``kind``, ``gender``, ``quotes``, ``documents``) are used when given, e.g. from a
    cross-document speaker table; otherwise the corpus speaker table is made from the
    documents (``quoteattr.corpus.speakers``). A table
    links to each document's view, which follows in the same file at ``#doc-N``.
    """
    rows = list(speakers) if speakers is not None else count_speakers(documents)
    # The chart's colours: in every document a speaker keeps the colour of its bar.
    by_name: dict[str, int] = {}
    for i, row in enumerate(ranked_rows(rows)):
        for name in [row.get("name", ""), *row.get("aliases", ())]:
            by_name.setdefault(str(name), i)
    views = [
        document_view(attribution, anchor=f"doc-{number}", heading=name, colour_by_name=by_name)
        for number, (name, attribution) in enumerate(documents, start=1)
    ]
    listed = "".join(
        _document_row(number, name, view)
        for number, ((name, _), view) in enumerate(zip(documents, views, strict=True), start=1)
    )
    listing = (
        '<section class="qa-documents" id="documents"><h2>Documents</h2>'
        '<table class="qa-table"><thead><tr><th class="num">#</th><th>Document</th>'
        '<th class="num">Quotes</th><th class="num">Speakers</th></tr></thead>'
        f"<tbody>{listed}</tbody></table></section>"
    )
    main = speaker_summary(documents, rows) + listing + "".join(view.html for view in views)
    quotes = sum(view.quotes for view in views)
    subtitle = escape_text(f"{_plural(len(views), 'document')}, {_plural(quotes, 'quote')}") + (
        ' · <a href="#speakers">speakers</a> · <a href="#documents">documents</a>'
    )
    colours = max((view.colours for view in views), default=0)
    return _page(title if title is not None else "quoteattr corpus view", subtitle, main, colours)
