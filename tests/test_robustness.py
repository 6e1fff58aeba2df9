"""Issue #4, "Robust on any input": one test per input class, errors, and long documents.

Every analysis here goes through ``check_invariants`` (exact offsets, no overlap, confidence
in [0, 1]) and, where it is cheap, ``check_deterministic`` (the same output twice).
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import time

import pytest

import quoteattr
from conftest import check_deterministic, check_fragments, check_invariants
from quoteattr import models
from quoteattr.parse import DEFAULT_MAX_CHUNK_CHARS, make_doc
from quoteattr.rules.cues import find_cues
from quoteattr.rules.quotes import build_candidates
from quoteattr.text.chunking import plan_pieces
from quoteattr.text.marks import QUOTE_STYLES, find_quoted_spans
from quoteattr.text.sanitize import prepare

ALL_MARKS = sorted({m for s in QUOTE_STYLES for m in (*s.openers, *s.closers)} | {"ʼ"})


def chunked(attributor: quoteattr.Attributor, limit: int) -> quoteattr.Attributor:
    """An Attributor sharing the session's pipeline but parsing in pieces of ``limit``."""
    return quoteattr.Attributor(attributor.nlp, max_chunk_chars=limit)


def speakers(result: quoteattr.Attribution) -> list[str | None]:
    return [q.speaker_name for q in result.quotes]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "value",
    [None, 42, 3.5, ["a text"], ("a",), {"text": "a"}, object()],
    ids=["None", "int", "float", "list", "tuple", "dict", "object"],
)
def test_non_text_raises_type_error(attributor, value):
    with pytest.raises(TypeError, match="expects text as str, got"):
        attributor.analyze(value)
    with pytest.raises(TypeError, match="expects text as str"):
        quoteattr.analyze(value)


@pytest.mark.parametrize("value", [b"said", bytearray(b"said"), memoryview(b"said")])
def test_bytes_say_decode_first(attributor, value):
    with pytest.raises(TypeError, match=r"got bytes: decode it first"):
        attributor.analyze(value)
    with pytest.raises(TypeError, match="decode"):
        quoteattr.attribute(value)


def test_pipe_raises_type_error_for_a_bad_item(attributor):
    # Texts are read a batch ahead (as nlp.pipe does), so the error may come early.
    with pytest.raises(TypeError, match="expects text as str, got NoneType"):
        list(attributor.pipe(["“Fine,” she said.", None, "more"]))
    with pytest.raises(TypeError, match="expects text as str, got int"):
        list(attributor.pipe(["a"] * 40 + [7], batch_size=4))
    with pytest.raises(TypeError, match="decode it first"):
        list(attributor.pipe([b"bytes"]))


@pytest.mark.parametrize("value", ["one text", b"bytes", None, 7])
def test_pipe_refuses_a_non_iterable_or_a_single_text(attributor, value):
    with pytest.raises(TypeError, match="expects an iterable of str"):
        attributor.pipe(value)  # raised on the call, before iteration


def test_bad_chunk_size_is_refused(attributor):
    for bad in (0, -5, 2.5, "10", True):
        with pytest.raises(ValueError, match="max_chunk_chars"):
            quoteattr.Attributor(attributor.nlp, max_chunk_chars=bad)


def test_missing_model_names_what_to_install(monkeypatch):
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        if name in models.PREFERRED_MODELS:
            return None
        return real_find_spec(name, *args, **kwargs)

    models.load_model.cache_clear()
    try:
        monkeypatch.setattr(models.importlib.util, "find_spec", find_spec)
        with pytest.raises(quoteattr.ModelNotFoundError, match=r"quoteattr\[en\]") as caught:
            quoteattr.Attributor()
        assert isinstance(caught.value, OSError)  # what spacy.load raises, for old callers
        monkeypatch.setattr(models, "PREFERRED_MODELS", ())
        with pytest.raises(quoteattr.ModelNotFoundError, match=r"pip install"):
            models.load_model()
    finally:
        monkeypatch.undo()
        models.load_model.cache_clear()


def test_unknown_model_name_is_a_model_not_found_error_that_names_it():
    with pytest.raises(quoteattr.ModelNotFoundError) as caught:
        models.load_model("en_no_such_pipeline_xyz")
    message = str(caught.value)
    assert "'en_no_such_pipeline_xyz' is not installed" in message
    assert "no English spaCy pipeline is installed" not in message  # one is: this is not it


# --------------------------------------------------------------------------- input classes


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t\r\n\u00a0\u2028\u3000 "])
def test_empty_and_whitespace_only(attributor, text):
    result = check_deterministic(attributor, text)
    assert result.quotes == () and result.entities == ()


@pytest.mark.parametrize("mark", ALL_MARKS)
def test_lone_mark_of_every_style(attributor, mark):
    for text in (mark, f"{mark}Hello,{mark}", f"Anna Berg said {mark}we are ready."):
        check_deterministic(attributor, text)


@pytest.mark.parametrize("mark", ALL_MARKS)
def test_unbalanced_marks_of_every_style(attributor, mark):
    text = (
        f"{mark}We will win,{mark * 2} said Anna Berg. {mark}It is late, she added.\n"
        f"Tomas Kral said: {mark}never{mark} and {mark}no.\n\n{mark}{mark}{mark}"
    )
    check_deterministic(attributor, text)


def test_unbalanced_mixed_styles(attributor):
    text = "He said “hello and «bye » and 「x』 ‘ok, ”then“ „a‚ ‹b› ''c`` ＂d."
    check_deterministic(attributor, text)


def test_nested_quotes_of_the_same_type(attributor):
    text = '"He told me "no" twice, and "never" once," Anna Berg said.'
    result = check_deterministic(attributor, text)
    assert result.quotes
    text = "“He told me “no” twice,” Anna Berg said. “I said “fine.””"
    check_deterministic(attributor, text)


def test_nested_quotes_of_different_types(attributor):
    text = "“He told me ‘no’ twice, and «never» once,” Anna Berg said. ‘She said “yes”,’ he added."
    result = check_deterministic(attributor, text)
    (first, *_) = result.quotes
    assert "‘no’" in first.text and first.speaker_name == "Anna Berg"


@pytest.mark.parametrize("mark", ['"', "”", "'", "''", "“”‘’«»「」"])
def test_thousands_of_marks_in_a_row(attributor, mark):
    text = mark * (5000 // len(mark))
    result = attributor.analyze(text)  # was quadratic in spaCy's tokenizer: benchmarks/linearity.py
    check_invariants(text, result)
    spaced = f"Anna Berg said {text} and left. “Fine,” she said."
    check_invariants(spaced, attributor.analyze(spaced))


def test_marks_separated_by_spaces(attributor):
    text = ' " “ ” « » ' * 500
    check_invariants(text, attributor.analyze(text))


def test_apostrophes_everywhere(attributor):
    text = (
        "'Tis the boys' toys, rock 'n' roll in the '90s, isn't it? O'Brien's dog's bone. "
        "‘We’re ’bout ready,’ said Anna Berg’s sister. I 'm sure he 's right ' s ' ' '. "
        "ʼOkina ʻokina ' ' ’ ’ ‘ ‘ "
    ) * 20
    check_deterministic(attributor, text)


def test_html_remnants(attributor):
    text = (
        '<html><body><p class="lead">&ldquo;We will win,&rdquo; said <b>Anna Berg</b>.</p>'
        '<p>&quot;Never,&quot; Tomas Kral said.</p><br/><a href="x?a=1&amp;b=2">link</a>'
        "<p>“Yes,” she said.</p><script>var s = \"a\" + 'b';</script></body></html>"
    )
    result = check_deterministic(attributor, text)
    assert any(q.text == "Yes," for q in result.quotes)


def test_markdown_remnants(attributor):
    text = (
        "# Council vote\n\n> “We will win,” said **Anna Berg**.\n\n"
        '* _“Never,”_ Tomas Kral said.\n* `code "x"`\n\n'
        "[link](http://example.com/a_b?c='d') | table | “cell” |\n|---|---|\n"
        '```\n"not a quote" said nobody\n```\n'
    )
    result = check_deterministic(attributor, text)
    assert "Anna Berg" in speakers(result)


def test_crlf_line_endings(attributor):
    text = (
        "Anna Berg, the minister, spoke on Monday.\r\n\r\n"
        "“We will build the bridge,” Berg said.\r\n\r\n"
        "“It will open in May.”\r\nTomas Kral said the plan was late.\r\n"
    )
    result = check_deterministic(attributor, text)
    assert speakers(result)[:1] == ["Anna Berg"]
    assert result.quotes[0].fragments[-1].text == "It will open in May."  # joined on
    lf = text.replace("\r\n", "\n")
    assert speakers(attributor.analyze(lf)) == speakers(result)


def test_lone_carriage_returns(attributor):
    text = "“One,” Anna Berg said.\r“Two,” she added.\r\r“Three.”\r"
    check_deterministic(attributor, text)


def test_control_characters(attributor):
    controls = "".join(chr(c) for c in [*range(1, 32), *range(127, 160)])
    text = f"“We will\x01 win,”\x07 said Anna\x0b Berg.\x0c{controls}“Yes,”\x1b she said.\x7f"
    check_deterministic(attributor, text)
    check_deterministic(attributor, controls * 20)


def test_nul_bytes(attributor):
    text = "\x00“We will\x00 win,” said\x00 Anna Berg.\x00\x00“Yes,” she said.\x00"
    result = check_deterministic(attributor, text)
    assert result.quotes
    check_deterministic(attributor, "\x00" * 3000)


def test_zero_width_characters(attributor):
    text = (
        "\ufeff“We will\u200b win,”\u200d said Anna\u200c Berg\u2060. "
        "“Yes,”\u200b she said.\u200e\u200f \u2066x\u2069\u00ad"
    )
    result = check_deterministic(attributor, text)
    assert len(result.quotes) == 2


def test_combining_accents(attributor):
    text = (
        "“Cafe\u0301 e\u0301te\u0301 a\u0300 Montre\u0301al,” said Ame\u0301lie Pou\u0308lain. "
        "“Z\u0351\u0300\u0301\u0302a\u0303\u0304\u0305l\u0306\u0307go\u0308\u0309,” she added."
        + "\u0301"
        * 500
    )
    result = check_deterministic(attributor, text)
    assert len(result.quotes) == 2


def test_lone_surrogates(attributor):
    text = "“We will\ud800 win,” said Anna \udc00Berg.\ud83d \udfff“Yes,” she said.\ud800"
    result = check_deterministic(attributor, text)
    assert result.text is text or result.text == text
    assert "\ud800" in result.quotes[0].text  # re-sliced from the caller's string
    check_deterministic(attributor, "\ud800" * 2000)
    results = list(attributor.pipe([text, "plain"]))
    assert results[0] == result


def test_prepare_maps_clean_offsets_back_exactly():
    assert prepare("plain “text”").text == "plain “text”"
    assert not prepare("plain").changed
    text = "a\ud800b\x00\u200bc<p class='x'>&ldquo;Hi&rdquo;</p> **Bo** <i>d</i>"
    item = prepare(text)
    assert item.text == "a\ufffdbc\n“Hi”\n Bo  d "
    clean = item.text
    previous_end = 0
    for i, char in enumerate(clean):
        a, b = item.offsets(i, i + 1)
        assert previous_end <= a < b, i  # in order, never overlapping
        assert prepare(text[a:b]).text == char  # the original range stands for that char
        previous_end = b
    assert item.offsets(3, 3) == item.offsets(3, 4)[:1] * 2  # an empty span stays empty
    assert text[slice(*item.offsets(clean.index("“"), clean.index("”") + 1))] == (
        "&ldquo;Hi&rdquo;"
    )
    assert text[slice(*item.offsets(clean.index("Bo"), clean.index("Bo") + 2))] == "Bo"


def test_emoji(attributor):
    text = (
        "“I love it 😀👍🏽,” said Anna Berg 🇫🇷. “Family 👨‍👩‍👧‍👦 first,” she added. "
        + "😀" * 300
        + "\n🧑🏿‍🚀 “Lift off,” Tomas Kral said. 🏳️‍🌈"
    )
    result = check_deterministic(attributor, text)
    assert len(result.quotes) == 3


def test_right_to_left_scripts(attributor):
    text = (
        '«مرحبا بالعالم» قال أحمد. "שלום," אמר דוד. '
        "\u202e“We will win,” said Anna Berg.\u202c \u200fقال: «نعم».\u200f"
    )
    check_deterministic(attributor, text)


def test_cjk_scripts_and_their_marks(attributor):
    text = (
        "「今日は良い天気ですね」と田中さんは言った。『二重の「引用」』\n"
        "“你好，”王先生说。「台灣」\n"
        "Anna Berg said 「we are ready」 and “Tomas Kral said 『no』.”"
    )
    assert [text[s.start] for s in find_quoted_spans(text)][:2] == ["「", "『"]
    check_deterministic(attributor, text)


def test_all_caps_text(attributor):
    text = (
        "“THIS IS OUTRAGEOUS,” SAID SENATOR JOHN SMITH. HE SAID THE BILL WOULD FAIL.\n\n"
        "“WE WILL FIGHT,” SMITH ADDED."
    )
    result = check_deterministic(attributor, text)
    assert result.quotes


def test_a_single_5000_word_sentence(attributor):
    words = ["the", "minister", "said", "that", "Anna", "Berg", "and", "which", "“no”", "of"]
    text = " ".join(words[i % len(words)] for i in range(5000)) + "."
    started = time.perf_counter()
    result = attributor.analyze(text)
    check_invariants(text, result)
    assert time.perf_counter() - started < 60


def test_a_quote_of_100000_characters(attributor):
    body = "We will build the road, the bridge and the school before the winter comes. " * 1400
    text = f"Anna Berg spoke on Monday.\n\n“{body.strip()}” said Anna Berg.\n\nThe end."
    assert len(body) >= 100_000
    result = attributor.analyze(text)
    check_invariants(text, result)
    (long_quote,) = (q for q in result.quotes if len(q.text) > 90_000)
    assert long_quote.speaker_name == "Anna Berg"


def test_one_token_of_100000_characters(attributor):
    text = "“Look,” she said. " + "x" * 100_000 + " “Done,” said Anna Berg."
    result = attributor.analyze(text)
    check_invariants(text, result)
    assert len(result.quotes) == 2


def test_long_runs_are_tokenised_exactly(attributor):
    text = 'a "' + '"' * 1000 + " b " + "x" * 700 + "”" + "\u0301" * 300
    doc = make_doc(attributor.nlp, text)
    assert doc.text == text


@pytest.mark.parametrize(
    "text",
    [
        'said " The council met on Monday.  -  The council met on Monday.',
        "said \" The council met on Monday. , ' the budget would be approved before the summer"
        " \x85 the budget would be approved before the summer",
    ],
    ids=["repeated", "nested"],
)
def test_fragments_are_disjoint_and_inside_their_quote(attributor, text):
    # Found by test_properties; quotes._merge_same_cue used to repeat or nest fragments.
    check_fragments(attributor.analyze(text))


OVERLAPPING = "'' no comment said \" " + "'" * 14 + " said The council met on Monday."


def test_quotes_never_overlap_even_when_the_rules_disagree(attributor):
    result = check_deterministic(attributor, OVERLAPPING)  # checks there is no overlap
    assert result.quotes


def test_candidates_do_not_overlap(attributor):
    # Found by test_properties. Attributor.analyze_doc drops the weaker of two overlapping
    # quotes (assemble.without_overlaps), so the output is sound; this test watches the rules.
    text = OVERLAPPING
    doc = attributor.nlp(text)
    found = build_candidates(doc, text, find_quoted_spans(text), find_cues(doc, attributor.lexicon))
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start, (before.fragments, after.fragments)


# --------------------------------------------------------------------------- long documents


def news(paragraphs: int) -> str:
    """A news text whose speakers recur in distant paragraphs."""
    lines = []
    for i in range(paragraphs):
        if i % 4 == 0:
            lines.append(f"“The vote {i} will pass,” Anna Berg, the minister, said on Monday.")
        elif i % 4 == 1:
            lines.append(f"“We will keep building,” Berg added about plan {i}.")
        elif i % 4 == 2:
            lines.append(f"Tomas Kral, the mayor, said that the bridge {i} would open late.")
        else:
            lines.append(f"The council met again on day {i}. Kral told reporters: “Not yet.”")
    return "\n\n".join(lines)


def test_plan_pieces_cover_the_text_at_paragraph_boundaries():
    text = news(30)
    pieces = plan_pieces(text, 300)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (a, b), (c, _) in itertools.pairwise(pieces):
        assert b == c and b > a
    for start, end in pieces:
        assert end - start <= 300
        assert start == 0 or text[start - 2 : start] == "\n\n"  # a blank line before each


def test_plan_pieces_never_cut_inside_quotes_when_avoidable():
    text = ("“One two three. Four five six.” Seven eight nine. " * 40).strip()
    quoted = [(s.start, s.end) for s in find_quoted_spans(text)]
    for limit in (60, 75, 120, 333):
        for start, _ in plan_pieces(text, limit)[1:]:
            assert not any(a < start < b for a, b in quoted), (limit, start)


def test_plan_pieces_falls_back_to_sentences_whitespace_and_hard_cuts():
    sentences = "One sentence here. Another one there! A third? " * 20
    for start, _ in plan_pieces(sentences, 100)[1:]:
        assert text_before(sentences, start)[-1] in ".!?"
    words = "word " * 200
    assert all(words[s - 1] == " " for s, _ in plan_pieces(words, 37)[1:])
    blob = "x" * 1000
    assert plan_pieces(blob, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]
    accents = "e\u0301" * 500
    assert all(accents[s] != "\u0301" for s, _ in plan_pieces(accents, 99)[1:])


def text_before(text: str, offset: int) -> str:
    return text[:offset].rstrip()


def test_a_quote_longer_than_the_limit_stays_whole():
    quote = "“" + "All of this is said inside one quote. " * 10 + "” said Anna Berg. "
    text = "Before it. " * 5 + quote + "After it. " * 40
    (span,) = find_quoted_spans(text)
    pieces = plan_pieces(text, 300)
    assert any(a <= span.start and span.end <= b for a, b in pieces)
    # The cue after the quote stays in the quote's piece.
    assert any(a <= span.start and text.index("Anna Berg") + 9 <= b for a, b in pieces)
    far_too_long = "“" + "word " * 400 + "”"
    assert all(b - a <= 300 for a, b in plan_pieces(far_too_long, 300))


def test_chunked_analysis_equals_whole_analysis(attributor):
    text = news(24)
    whole = attributor.analyze(text)
    assert len(plan_pieces(text, 250)) > 4
    for limit in (250, 700, 1999):
        result = chunked(attributor, limit).analyze(text)
        check_invariants(text, result)
        assert result == whole, limit


def test_quote_and_speaker_at_a_seam_are_not_lost(attributor):
    first = "Anna Berg, the minister, spoke to the council on Monday morning."
    text = f"{first}\n\nShe said: “We will build the bridge.”\n\n“It will open in May.”"
    pieces = plan_pieces(text, len(first) + 5)
    assert len(pieces) >= 2 and pieces[1][0] == len(first) + 2  # a seam before "She said"
    result = chunked(attributor, len(first) + 5).analyze(text)
    check_invariants(text, result)
    assert speakers(result) == ["Anna Berg"]
    assert [f.text for f in result.quotes[0].fragments][-1] == "It will open in May."
    assert result == attributor.analyze(text)


def test_entity_seen_in_two_pieces_is_one_entity(attributor):
    text = "Anna Berg said that the plan was ready.\n\n" + "Nothing else. " * 30
    text += "\n\n“We are ready,” Berg said."
    result = chunked(attributor, 120).analyze(text)
    check_invariants(text, result)
    (berg,) = [e for e in result.entities if e.name == "Anna Berg"]
    assert [m.text for m in berg.mentions] == ["Anna Berg", "Berg"]
    assert {q.speaker.id for q in result.quotes} == {berg.id}


def test_text_beyond_max_length_is_processed_in_pieces(attributor, monkeypatch):
    text = news(60)
    whole = attributor.analyze(text)
    monkeypatch.setattr(attributor.nlp, "max_length", 1000)
    with pytest.raises(ValueError, match="E088"):
        attributor.nlp(text)  # what spaCy does on its own
    result = attributor.analyze(text)  # chunk size falls to max_length
    check_invariants(text, result)
    assert result == whole
    assert list(attributor.pipe([text, "x", text])) == [whole, attributor.analyze("x"), whole]


def test_pipe_mixes_long_and_short_texts_in_order(attributor):
    texts = [news(2), news(12), "", "“Hi,” she said.", news(12), "\ud800 “Yes,” said Anna Berg."]
    small = chunked(attributor, 300)
    expected = [attributor.analyze(t) for t in texts]
    assert list(small.pipe(texts, batch_size=2)) == expected
    assert list(attributor.pipe(iter(texts))) == expected


def test_default_chunk_size():
    assert DEFAULT_MAX_CHUNK_CHARS < 1_000_000


@pytest.mark.skipif(
    not os.environ.get("QUOTEATTR_LONG_TESTS"), reason="set QUOTEATTR_LONG_TESTS=1 (about 2 min)"
)
def test_a_real_document_over_one_million_characters(attributor):
    text = news(16_000)
    assert len(text) > attributor.nlp.max_length
    result = attributor.analyze(text)
    check_invariants(text, result)
    assert len(result.quotes) >= 16_000
    assert {e.name for e in result.entities} >= {"Anna Berg", "Tomas Kral"}


def test_a_headline_colon_with_only_punctuation_after_it(attributor):
    """Found by the property test: a "Name :" line with nothing but marks after the colon."""
    result = check_deterministic(attributor, "Anna Berg : ?  - ")
    assert result.quotes == ()


# A text of ours, mangled by random marks and cuts: it once gave quotes a speaker found only
# inside quotation marks ("he"), whose entity had no mention and was left out of the list.
_MANGLED = (
    "The economy grew in the 1990s. ria Lopez said the de expansion in our "
    "history and promised to put him in 'charg\ne of ”fixing the ,» , “he kn"
    "ows how to do it.” She added that “he has done it before,” and he said"
    " he would. Then he said: “We start on Monday.” Lopez said he was “the "
    "best there is”.\n“\nThe economy grew in the 1»990s. Maria Lopez said the"
    " decade was the longest peacetime expansion in our hist„oo put him in "
    "charge of fixing the economy because, inher words, “he knows how to do"
    " it.” She added that “he has done it before,” and he said he would. Th"
    "en he said: “We start on Monday.” Lopez said he was “the best there i—"
    "s”.\n"
)


def test_every_speaker_of_a_quote_is_a_listed_entity(attributor) -> None:
    result = attributor.analyze(_MANGLED)
    listed = {id(e) for e in result.entities}
    speakers = [q.speaker for q in result.quotes if q.speaker is not None]
    assert speakers and all(id(s) in listed for s in speakers)
    data = result.to_dict()
    assert quoteattr.Attribution.from_dict(data).to_dict() == data
