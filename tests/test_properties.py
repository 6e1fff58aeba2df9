"""Property-based tests (issue #4): adversarial texts never break the output's invariants.

Texts are random mixes of news prose, quotation marks of every style, names, cue verbs,
whitespace and odd characters (controls, NUL, zero-width, bidi, combining, CJK, RTL, emoji,
lone surrogates, HTML and Markdown bits). Each is analysed whole, in small pieces, and
through ``pipe``; the invariants are those of ``conftest.check_invariants``.

``QUOTEATTR_HYPOTHESIS_EXAMPLES`` sets the examples per test (default 300, about 25 s for the
file on two cores); set it to a few thousand for a long run.
"""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quoteattr
from conftest import check_invariants
from quoteattr.parse import make_doc
from quoteattr.text.chunking import plan_pieces
from quoteattr.text.marks import QUOTE_STYLES
from quoteattr.text.sanitize import prepare

EXAMPLES = int(os.environ.get("QUOTEATTR_HYPOTHESIS_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

MARKS = sorted({m for s in QUOTE_STYLES for m in (*s.openers, *s.closers)} | {"ʼ", "`"})
PROSE = [
    "The council met on Monday.",
    "the budget would be approved before the summer",
    "We will build the bridge",
    "It is not over",
    "Shares fell 3 percent in early trading.",
    "that talks had broken down",
    "no comment",
    "according to the ministry",
    "?",
    "!",
    ",",
    ".",
    ":",
    " - ",
    "…",
    "(",
    ")",
]
NAMES = [
    "Anna Berg",
    "Berg",
    "Mr. Kral",
    "Tomas Kral",
    "Dr. Leila Haddad",
    "the minister",
    "officials",
    "she",
    "he",
    "they",
    "I",
    "the Kremlin",
    "O'Brien",
    "ANNA BERG",
    "Zoë Ångström",
    "王先生",
    "أحمد",
]
CUES = ["said", "says", "told reporters", "added", "asked", "warned", "said:", "according to"]
SPACE = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\x0b"]
SPACE += ["\u3000", "\x1c", "\u2029"]
ODD = [
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u0301",
    "\u0308\u0301",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "🇫🇷",
    "مرحبا",
    "שלום",
    "今日は",
    "「引用」",
    "\ud800",
    "\udfff",
    "\ud83d",
    "<p>",
    "</p>",
    "<b>",
    '<a href="x">',
    "&quot;",
    "&ldquo;",
    "&#8217;",
    "&amp;",
    "**",
    "_",
    "# ",
    "> ",
    "`",
    "\ufffd",
]

pieces = st.one_of(
    st.sampled_from(PROSE),
    st.sampled_from(MARKS),
    st.sampled_from(NAMES),
    st.sampled_from(CUES),
    st.sampled_from(SPACE),
    st.sampled_from(ODD),
    st.text(st.characters(exclude_categories=()), max_size=6),  # anything, surrogates too
    st.builds(lambda m, n: m * n, st.sampled_from(MARKS), st.integers(2, 40)),
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    """A text of up to ~80 pieces, joined with spaces or glued, sometimes as a cued quote."""
    parts = draw(st.lists(pieces, max_size=80))
    glue = draw(st.sampled_from(["", " ", " ", "\n"]))
    text = glue.join(parts)
    if draw(st.booleans()):
        opener, closer = draw(st.sampled_from([(s.openers[0], s.closers[0]) for s in QUOTE_STYLES]))
        name, cue = draw(st.sampled_from(NAMES)), draw(st.sampled_from(CUES))
        text = f"{text} {opener}{draw(st.sampled_from(PROSE))},{closer} {name} {cue}. {text}"
    return text


@given(text=texts())
@SETTINGS
def test_invariants_hold_on_adversarial_text(attributor, text):
    result = attributor.analyze(text)
    check_invariants(text, result)
    assert attributor.analyze(text) == result  # deterministic


@given(text=texts(), limit=st.integers(8, 400))
@SETTINGS
def test_invariants_hold_when_parsed_in_small_pieces(attributor, text, limit):
    small = quoteattr.Attributor(attributor.nlp, max_chunk_chars=limit)
    check_invariants(text, small.analyze(text))


@given(text=texts(), limit=st.integers(1, 300))
@SETTINGS
def test_pieces_cover_the_text_in_order(text, limit):
    planned = plan_pieces(text, limit)
    assert planned[0][0] == 0 and planned[-1][1] == len(text)
    for (a, b), (c, _) in itertools.pairwise(planned):
        assert a < b == c
    for a, b in planned:
        assert 0 < b - a <= 2 * limit or (a, b) == (0, 0)


@given(text=texts())
@SETTINGS
def test_clean_copy_maps_back_in_order(text):
    item = prepare(text)
    previous = 0
    for i in range(len(item.text)):
        a, b = item.offsets(i, i + 1)
        assert previous <= a < b <= len(text)
        previous = b
    assert item.offsets(0, len(item.text))[0] >= 0


@given(text=texts())
@settings(SETTINGS, max_examples=max(10, EXAMPLES // 3))
def test_tokenisation_keeps_the_text(attributor, text):
    cleaned = prepare(text).text
    assert make_doc(attributor.nlp, cleaned).text == cleaned


@given(batch=st.lists(texts(), min_size=1, max_size=4))
@settings(SETTINGS, max_examples=max(10, EXAMPLES // 5))
def test_pipe_agrees_with_analyze(attributor, batch):
    results = list(attributor.pipe(batch, batch_size=2))
    assert len(results) == len(batch)
    for text, result in zip(batch, results, strict=True):
        check_invariants(text, result)
        assert result == attributor.analyze(text)
