"""The HTML views, read back with Python's HTML parser (the real-browser tests are in
test_browser.py): the article's text survives exactly, one element per quote, every span
nested properly, every piece of text escaped."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.render.document import json_for_script
from quoteattr.render.html import render_corpus_html, render_html
from quoteattr.render.layers import Layer, escape_attribute, escape_text, render_layers
from quoteattr.render.summary import count_speakers
from quoteattr.types import Attribution, Mention, Quote, Span
from render_samples import XSS, interrupted_story, payload_attribution

ROOT = Path(__file__).resolve().parents[1]


class PageReader(HTMLParser):
    """Collects the text of each ``.qa-text`` block, the elements met, and checks nesting."""

    VOID = frozenset({"meta", "input", "br", "img", "link", "rect"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def _inside_text(self) -> bool:
        return any(is_text for _, is_text in self.stack)

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = dict(attributes)
        self.elements.append((tag, found))
        if tag in self.VOID:
            return
        is_text = "qa-text" in (found.get("class") or "").split()
        if is_text:
            self.texts.append("")
        self.stack.append((tag, is_text))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attributes)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        elif self._inside_text():
            self.texts[-1] += data


def read(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    assert not reader.stack, reader.stack
    return reader


def quote_marks(reader: PageReader) -> list[dict[str, str | None]]:
    return [
        found
        for tag, found in reader.elements
        if tag == "mark"
        and "quote" in (found.get("class") or "").split()
        and "data-quote" in found
        and "data-cont" not in found
    ]


def test_the_article_text_reads_back_exactly() -> None:
    story = interrupted_story()
    reader = read(render_html(story))
    assert reader.texts == [story.text]


def test_one_mark_per_quote_with_its_speaker_and_confidence() -> None:
    story = interrupted_story()
    marks = quote_marks(read(render_html(story)))
    assert [m["data-speaker"] for m in marks] == ["E1", "E2", ""]
    assert [m["data-confidence"] for m in marks] == ["0.85", "0.70", "0.30"]
    # the interrupted quote keeps both fragments and the narration between them in one mark
    page = render_html(story)
    first = page.index('data-quote="0"')
    assert page.count('class="frag"', first, page.index('data-quote="1"')) == 2


def test_legend_counts_and_roles() -> None:
    page = render_html(interrupted_story())
    legend = page[page.index('<ul class="qa-legend">') : page.index("</ul>")]
    names = re.findall(r'<span class="qa-name">([^<]*)', legend)
    counts = re.findall(r'<span class="qa-count">(\d+)</span>', legend)
    assert names == ["Ann Lee", "Critics", "No speaker identified"]
    assert counts == ["1", "1", "1"]
    assert '<span class="qa-role">mayor</span>' in legend
    assert '<span class="qa-role">unnamed source</span>' in legend


def test_data_block_holds_what_the_card_shows() -> None:
    reader = read(render_html(interrupted_story()))
    data = json.loads(reader.scripts[0])
    assert data["speakers"][0] == {
        "id": "E1",
        "name": "Ann Lee",
        "kind": "person",
        "role": ["mayor"],
        "gender": "female",
        "named": True,
        "quotes": 1,
        "colour": 0,
    }
    assert data["quotes"][0]["category"] == "speech"
    assert data["quotes"][0]["mention"] == "Mayor Ann Lee"
    assert data["quotes"][2]["speaker"] == -1


def test_markup_in_the_text_and_the_speaker_is_escaped() -> None:
    attribution = payload_attribution()
    page = render_html(attribution, title=XSS)
    reader = read(page)
    assert reader.texts == [attribution.text.replace("\x00", "\ufffd")]
    assert "<img" not in page and "<script>alert" not in page
    assert [tag for tag, _ in reader.elements].count("script") == 2  # the data and the viewer
    data = json.loads(reader.scripts[0])
    assert data["speakers"][0]["name"] == XSS and data["speakers"][0]["role"] == [XSS]
    assert data["quotes"][0]["rule"] == XSS
    assert "</" not in reader.scripts[0] and "<" not in reader.scripts[0]


def test_the_policy_lets_only_the_viewer_script_run() -> None:
    page = render_html(interrupted_story())
    reader = read(page)
    viewer = reader.scripts[1]
    digest = base64.b64encode(hashlib.sha256(viewer.encode()).digest()).decode()
    policy = next(f["content"] for t, f in reader.elements if f.get("http-equiv"))
    assert f"script-src 'sha256-{digest}'" in (policy or "")
    assert "default-src 'none'" in (policy or "")
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)


def test_escapes() -> None:
    assert escape_text('<a href="x">&') == '&lt;a href="x"&gt;&amp;'
    assert escape_attribute("\"'<") == "&quot;&#x27;&lt;"
    assert escape_text("a\r\nb\x00\ud800") == "a&#13;\nb\ufffd\ufffd"
    assert json_for_script({"k": "</script><!--&"}) == (
        '{"k":"\\u003c/script\\u003e\\u003c!--\\u0026"}'
    )


def test_crossing_spans_are_split_not_lost() -> None:
    text = "abcdefghij"
    layers = [
        Layer(2, 6, 0, "mark", {"class": "quote"}),
        Layer(4, 9, 2, "span", {"class": "mention"}),
        Layer(0, 3, 2, "span", {"class": "cue"}),
    ]
    html = render_layers(text, layers)
    assert html == (
        '<span class="cue">ab</span><mark class="quote"><span class="cue" data-cont="1">c'
        '</span>d<span class="mention">ef</span></mark><span class="mention" data-cont="1">'
        "ghi</span>j"
    )


def test_an_empty_quote_is_still_one_element() -> None:
    text = "He said nothing."
    quote = Quote(8, 8, "", "indirect", (Span(8, 8, ""),), confidence=0.2)
    reader = read(render_html(Attribution(text, (quote,))))
    assert reader.texts == [text]
    assert len(quote_marks(reader)) == 1


@st.composite
def text_and_layers(draw: st.DrawFn) -> tuple[str, list[Layer]]:
    text = draw(st.text(alphabet='ab<&">\r\n\u00e9', max_size=30))
    size = len(text)
    layers = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, size))
        rank = draw(st.integers(0, 2))
        layers.append(Layer(start, end, rank, ("mark", "span", "b")[rank], {"title": text}))
    return text, layers


@settings(max_examples=200, deadline=None)
@given(text_and_layers())
def test_any_layers_nest_and_keep_the_text(case: tuple[str, list[Layer]]) -> None:
    text, layers = case
    reader = read(f'<div class="qa-text">{render_layers(text, layers)}</div>')
    assert reader.texts == [text]
    # each layer starts exactly once (its later pieces are marked as continuations)
    firsts = [f for t, f in reader.elements if t != "div" and "data-cont" not in f]
    assert len(firsts) == len(layers)


def corpus() -> list[tuple[str, Attribution]]:
    return [("council.txt", interrupted_story()), ("markup <b>.txt", payload_attribution())]


def test_corpus_page_links_every_document_and_draws_charts() -> None:
    page = render_corpus_html(corpus(), title="Two <documents>")
    reader = read(page)
    anchors = [f["id"] for t, f in reader.elements if t == "section" and f.get("id")]
    assert anchors == ["speakers", "documents", "doc-1", "doc-2"]
    links = [f["href"] for t, f in reader.elements if t == "a"]
    assert "#doc-1" in links and "#doc-2" in links
    assert reader.texts == [
        interrupted_story().text,
        payload_attribution().text.replace("\x00", "\ufffd"),
    ]
    assert [t for t, _ in reader.elements].count("svg") == 3
    assert "markup &lt;b&gt;.txt" in page and "Two &lt;documents&gt;" in page
    assert len(quote_marks(reader)) == 4


def test_corpus_speakers_are_merged_across_documents() -> None:
    rows = count_speakers([*corpus(), ("again.txt", interrupted_story())])
    first = {key: rows[0][key] for key in ("name", "kind", "gender", "quotes", "documents")}
    assert first == {
        "name": "Ann Lee",
        "kind": "person",
        "gender": "female",
        "quotes": 2,
        "documents": 2,
    }
    names = [row["name"] for row in rows]
    assert names[:2] == ["Ann Lee", "Critics"] and len(names) == 3
    assert "alert(1)" in names[2]  # the name rules tidy its edges; the page escapes it


def test_corpus_page_uses_given_speaker_rows() -> None:
    rows = [
        {
            "name": "Ann Lee (mayor)",
            "kind": "person",
            "gender": "female",
            "quotes": 7,
            "documents": 3,
        }
    ]
    page = render_corpus_html(corpus(), speakers=rows)
    assert "Ann Lee (mayor)" in page
    table = page[page.index('<table class="qa-table">') :]
    assert '<td class="num">7</td><td class="num">3</td>' in table
    assert "female" in page


def test_the_bundled_article_reads_back(attributor) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / "examples" / "harbour_article.txt").read_text(encoding="utf-8")
    result = attributor.analyze(text)
    reader = read(render_html(result))
    assert reader.texts == [text]
    marks = quote_marks(reader)
    assert len(marks) == len(result.quotes) > 0
    expected = [q.speaker.id if q.speaker else "" for q in result.quotes]
    assert [m["data-speaker"] for m in marks] == expected


def test_a_speaker_keeps_one_colour_across_the_corpus() -> None:
    only_critics = interrupted_story()
    only_critics = Attribution(only_critics.text, only_critics.quotes[1:2], ())
    page = render_corpus_html([("critics.txt", only_critics), ("both.txt", interrupted_story())])
    marks = quote_marks(read(page))
    colour = {m["data-speaker"]: (m["class"] or "").split()[1] for m in marks}
    critics = [(m["class"] or "").split()[1] for m in marks if m["data-speaker"] == "E2"]
    assert len(critics) == 2 and len(set(critics)) == 1
    assert colour["E1"] != colour["E2"]


def test_displacy_data_renders_escaped_with_safe_labels() -> None:
    from spacy import displacy

    from quoteattr.render.displacy import displacy_data, displacy_options

    attribution = payload_attribution()
    data = displacy_data(attribution)
    labels = {ent["label"] for ent in data["ents"]}
    assert labels == {"CUE", "SPEAKER", "script alert 1 script and img src x oner"}
    page = displacy.render(data, style="ent", manual=True, options=displacy_options(attribution))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_displacy_spans_never_overlap_and_quotes_come_first() -> None:
    from quoteattr.render.displacy import displacy_data, displacy_options

    story = interrupted_story()
    ents = displacy_data(story)["ents"]
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(ents))
    assert [e["label"] for e in ents][:4] == ["Ann Lee", "SPEAKER", "CUE", "Ann Lee"]
    colours = displacy_options(story)["colors"]
    assert colours["ANN LEE"] != colours["CRITICS"]
    # a mention inside a quote's words gives way to the quote
    text = "He said that Ann was right."
    inner = Quote(
        8,
        26,
        text[8:26],
        "indirect",
        (Span(8, 26, text[8:26]),),
        speaker_mention=Mention(13, 16, "Ann"),
    )
    assert displacy_data(Attribution(text, (inner,)))["ents"] == [
        {"start": 8, "end": 26, "label": "QUOTE"}
    ]
