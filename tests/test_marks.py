"""Tests for quoteattr.text.marks: pairing quotation marks in raw text."""

from __future__ import annotations

import random

import pytest

from quoteattr.text.marks import QUOTE_STYLES, QuotedSpan, find_quoted_spans, is_apostrophe

ALL_MARKS = "\"＂'‘’‚“”„«»‹›「」『』ʼ`"


# --- helpers -----------------------------------------------------------------------------------


def quoted(text: str, spans: list[QuotedSpan] | tuple[QuotedSpan, ...] | None = None) -> list[str]:
    """The text of each top-level span (or of the given spans)."""
    if spans is None:
        spans = find_quoted_spans(text)
    return [text[s.start : s.end] for s in spans]


def contents(text: str) -> list[str]:
    return [text[s.content_start : s.content_end] for s in find_quoted_spans(text)]


def check_invariants(text: str, spans: tuple[QuotedSpan, ...] | list[QuotedSpan]) -> None:
    """Every documented invariant, recursively through ``inner``."""

    def walk(items: tuple[QuotedSpan, ...] | list[QuotedSpan], parent: QuotedSpan | None) -> None:
        floor = parent.content_start if parent else 0
        for s in items:
            assert 0 <= s.start <= s.content_start <= s.content_end <= s.end <= len(text), s
            assert text[s.start : s.content_start] == s.open_mark, s
            if s.close_mark is None:
                assert s.end == s.content_end, s
            else:
                assert text[s.content_end : s.end] == s.close_mark, s
                assert not s.continues, s
            assert s.start >= floor, "spans overlap or are out of order"
            floor = s.end
            if parent is not None:
                assert s.end <= parent.content_end, "inner span leaks out of its parent"
            walk(s.inner, s)

    walk(spans, None)


def mark_offsets(spans: tuple[QuotedSpan, ...] | list[QuotedSpan]) -> set[int]:
    """Offsets of every character used as an opening or closing mark."""
    out: set[int] = set()
    for s in spans:
        out.update(range(s.start, s.content_start))
        if s.close_mark is not None:
            out.update(range(s.content_end, s.end))
        out |= mark_offsets(s.inner)
    return out


# --- mark styles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "open_mark", "close_mark", "content"),
    [
        ("She said “Hello there,” and left.", "“", "”", "Hello there,"),
        ('She said "Hello there," and left.', '"', '"', "Hello there,"),
        ("She said ‘Hello there,’ and left.", "‘", "’", "Hello there,"),
        ("She said 'Hello there,' and left.", "'", "'", "Hello there,"),
        ("Il a dit «Bonjour» hier.", "«", "»", "Bonjour"),
        ("Il a dit « Bonjour » hier.", "«", "»", " Bonjour "),
        ("Er sagte »Hallo« gestern.", "»", "«", "Hallo"),
        ("Han sagde » Hej « i går.", "»", "«", " Hej "),
        ("Er sagte „Hallo“ gestern.", "„", "“", "Hallo"),
        ("Powiedział „Cześć” wczoraj.", "„", "”", "Cześć"),
        ("Er sagte ‚Hallo‘ gestern.", "‚", "‘", "Hallo"),
        ("Il a dit ‹oui› hier.", "‹", "›", "oui"),
        ("Er sagte ›ja‹ gestern.", "›", "‹", "ja"),
        ("他说「你好」。", "「", "」", "你好"),
        ("他说『世界』。", "『", "』", "世界"),
        ("He said ＂hi＂ twice.", "＂", "＂", "hi"),
        ("He called it ''rigged,'' said Mr. Coons.", "''", "''", "rigged,"),
        ("He said ``maybe'' twice.", "``", "''", "maybe"),
    ],
)
def test_each_mark_style_pairs(text: str, open_mark: str, close_mark: str, content: str) -> None:
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    (span,) = spans
    assert (span.open_mark, span.close_mark) == (open_mark, close_mark)
    assert text[span.content_start : span.content_end] == content
    assert not span.continues
    check_invariants(text, spans)


def test_style_table_is_consistent() -> None:
    names = [s.name for s in QUOTE_STYLES]
    assert len(names) == len(set(names))
    openers = [m for s in QUOTE_STYLES for m in s.openers]
    assert len(openers) == len(set(openers)), "a mark must open exactly one style"


def test_opener_is_closed_only_by_its_own_style() -> None:
    # » closes « and « closes », but neither closes “
    text = "“Hello» world« again.\n\nNext."
    (span,) = find_quoted_spans(text)
    assert span.open_mark == "“" and span.close_mark is None
    assert text[span.start : span.end] == "“Hello» world« again."


def test_german_closer_is_also_english_opener() -> None:
    text = "„Ja“, sagte er. “Yes,” she said."
    assert quoted(text) == ["„Ja“", "“Yes,”"]


def test_colon_before_an_opener() -> None:
    text = 'Rep. Gowdy (R-S.C.):"I have not heard that," he said.'
    assert contents(text) == ["I have not heard that,"]


def test_several_styles_in_one_text() -> None:
    text = "A «un», B „zwei“, C “three”, D 「四」, E 'five'."
    assert contents(text) == ["un", "zwei", "three", "四", "five"]


# --- apostrophes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It isn’t fair.", "isn’t"),
        ("The people’s choice.", "people’s"),
        ("Back in the ’90s it was.", "’90s"),
        ("Back in the '90s it was.", "'90s"),
        ("At one o’clock sharp.", "o’clock"),
        ("Tell ’em now.", "’em"),
        ("Tell 'em now.", "'em"),
        ("I don't know.", "don't"),
        ("The boys’ toys are here.", "boys’"),
        ("The boys' toys are here.", "boys'"),
        ("It was ‘90s music.", "‘90s"),
        ("’Tis the season.", "’Tis"),
        ("A Hawaiʻi or aʼa word.", "aʼa"),
    ],
)
def test_apostrophes_are_not_marks(text: str, word: str) -> None:
    k = text.index(word)
    i = next(j for j in range(k, k + len(word)) if text[j] in "'’‘ʼ")
    assert is_apostrophe(text, i)
    assert find_quoted_spans(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("'Tell 'em now,' she said.", "Tell 'em now,"),
        ("'Back in the '90s it was,' she said.", "Back in the '90s it was,"),
        ("'Rock 'n' roll,' she said.", "Rock 'n' roll,"),
        ("'Well, 'tis true,' she said.", "Well, 'tis true,"),
        ("‘Tell ‘em now,’ she said.", "Tell ‘em now,"),
    ],
)
def test_elisions_inside_single_quotes(text: str, content: str) -> None:
    # were the elision a mark, it would open (or close) a quote of its own
    (span,) = find_quoted_spans(text)
    assert text[span.content_start : span.content_end] == content
    assert span.inner == ()


def test_rock_n_roll_has_two_apostrophes() -> None:
    text = "They played rock ’n’ roll all night."
    first = text.index("’n")
    assert is_apostrophe(text, first)
    assert is_apostrophe(text, first + 2)
    assert find_quoted_spans(text) == []


def test_apostrophes_inside_a_quote_do_not_end_it() -> None:
    text = "“It isn’t the boys’ toys,” he said of the ’90s rock ’n’ roll at one o’clock."
    assert contents(text) == ["It isn’t the boys’ toys,"]


def test_plural_possessive_closes_an_open_single_quote() -> None:
    # with a single quote pending, s’ + space closes it (documented ambiguity)
    text = "He called it ‘the boys’ toys’ once."
    (span,) = find_quoted_spans(text)
    assert text[span.start : span.end] == "‘the boys’"
    assert not is_apostrophe(text, text.index("’"))


def test_real_single_quotes_are_not_apostrophes() -> None:
    text = "He said ‘hi’ to me and 'bye' to her."
    spans = find_quoted_spans(text)
    assert contents(text) == ["hi", "bye"]
    for s in spans:
        assert not is_apostrophe(text, s.start)
        assert not is_apostrophe(text, s.content_end)


def test_is_apostrophe_on_other_characters_and_bad_offsets() -> None:
    text = "“Hi,” he said."
    assert not is_apostrophe(text, 0)  # “ is never an apostrophe
    assert not is_apostrophe(text, 5)  # a letter
    assert not is_apostrophe(text, -1)
    assert not is_apostrophe(text, len(text))
    assert not is_apostrophe("", 0)


def test_unclosed_straight_single_is_an_apostrophe() -> None:
    text = "Rock 'n roll, 'twas a 'new' thing 'ere we go"
    assert contents(text) == ["new"]
    assert is_apostrophe(text, text.index("'ere"))


# --- tokenised text (LitBank style) ------------------------------------------------------------


def test_tokenised_curly_quotes() -> None:
    text = "“ My dear Mr. Bennet , ” said his lady to him one day , “ have you heard ? ”"
    assert contents(text) == [" My dear Mr. Bennet , ", " have you heard ? "]


def test_tokenised_straight_quotes_alternate() -> None:
    text = '" Good night , " he said .\n" Good night , Sir John , " said the parson .'
    assert quoted(text) == ['" Good night , "', '" Good night , Sir John , "']


def test_tokenised_single_quotes_nested_in_double() -> None:
    text = "\" Now , sir , I said ' Good night , ' and you made reply ' Sir John , ' as now . \""
    (span,) = find_quoted_spans(text)
    assert (span.start, span.end) == (0, len(text))
    assert quoted(text, span.inner) == ["' Good night , '", "' Sir John , '"]
    check_invariants(text, [span])


def test_tokenised_contractions_are_not_marks() -> None:
    text = "\" I do n't know , and I 'm sure he 's gone , t ' ee , \" she said ."
    (span,) = find_quoted_spans(text)
    assert span.inner == ()
    assert span.end == text.index(" she")
    for word in ("n't", "'m", "'s", "t ' ee"):
        assert is_apostrophe(text, text.index(word) + word.index("'"))


@pytest.mark.parametrize(
    ("text", "elision"),
    [
        ("\" Have a quart wi ' me , and say ' Good night , ' to him . \"", "wi ' me"),
        ("\" I was stealin ' , and say ' Good night , ' to him . \"", "stealin ' ,"),
    ],
)
def test_tokenised_dialect_elisions_do_not_pair_with_real_quotes(text: str, elision: str) -> None:
    (span,) = find_quoted_spans(text)
    assert quoted(text, span.inner) == ["' Good night , '"]
    assert is_apostrophe(text, text.index(elision) + elision.index("'"))


def test_tokenised_split_s() -> None:
    text = '" It \' s fine , " he said .'
    (span,) = find_quoted_spans(text)
    assert span.inner == () and span.close_mark == '"'
    assert is_apostrophe(text, text.index("' s"))


def test_tokenised_top_level_single_quotes_one_per_line() -> None:
    text = "' Edith ! '\nsaid Margaret , gently , ' Edith ! '\nBut Edith slept ."
    assert quoted(text) == ["' Edith ! '", "' Edith ! '"]


def test_tokenised_line_starting_with_a_mark_does_not_continue_a_single_quote() -> None:
    # the dangling ' at the end of the first line must not pair with the next line's opener
    text = (
        "' Wooed and married ' . '\n' Edith ! '\nsaid Margaret , gently , ' Edith ! '\nShe slept ."
    )
    assert quoted(text)[-2:] == ["' Edith ! '", "' Edith ! '"]


def test_tokenised_possessive_after_s_is_not_an_opener() -> None:
    text = '" We passed the servants \' quarters , " he said .'
    (span,) = find_quoted_spans(text)
    assert span.inner == ()
    assert span.end == text.index(" he said")


def test_tokenised_quote_runs_over_sentence_lines() -> None:
    text = '" It was on account of a discovery .\nI am Parson Tringham . "\nThe man stared .'
    (span,) = find_quoted_spans(text)
    assert (
        text[span.start : span.end]
        == '" It was on account of a discovery .\nI am Parson Tringham . "'
    )


def test_new_paragraph_resets_straight_quote_pairing() -> None:
    text = '" One .\n\nHe left . " Two , " she said .'
    spans = find_quoted_spans(text)
    assert quoted(text, spans) == ['" One .', '" Two , "']
    assert spans[0].close_mark is None and not spans[0].continues


def test_many_tokenised_lines_stay_in_step() -> None:
    line = '" Yes , " said {} .\nHe nodded .\n'
    text = "".join(line.format(name) for name in ("Ann", "Bob", "Cy", "Di") * 50)
    assert contents(text) == [" Yes , "] * 200


# --- lines, paragraphs and the news convention -------------------------------------------------


def test_quote_over_several_sentences_and_lines_is_one_span() -> None:
    text = "“This is long. It has two sentences.\nAnd a second line,” she said."
    (span,) = find_quoted_spans(text)
    assert span.close_mark == "”"
    assert span.end == text.index(" she")


def test_news_convention_single_newlines() -> None:
    text = "“First part.\n“Second part.\n“Third part,” she said."
    spans = find_quoted_spans(text)
    assert quoted(text, spans) == ["“First part.", "“Second part.", "“Third part,”"]
    assert [s.close_mark for s in spans] == [None, None, "”"]
    assert [s.continues for s in spans] == [True, True, False]
    assert spans[0].content_end == text.index("\n")
    check_invariants(text, spans)


@pytest.mark.parametrize(
    "text",
    [
        "“First part.\n\n“Second part.\n\n“Third part,” she said.",
        '"First part.\n\n"Second part.\n\n"Third part," she said.',
        "''First part.\n\n''Second part.\n\n''Third part,'' she said.",
        "“First part.\r\n“Second part.\r\n\r\n“Third part,” she said.",
    ],
)
def test_news_convention_other_breaks_and_marks(text: str) -> None:
    spans = find_quoted_spans(text)
    assert [s.continues for s in spans] == [True, True, False]
    assert [s.close_mark is None for s in spans] == [True, True, False]
    assert [text[s.content_start : s.content_end] for s in spans] == [
        "First part.",
        "Second part.",
        "Third part,",
    ]


def test_unclosed_quote_ends_at_its_line_when_next_line_has_its_own_quote() -> None:
    text = "“Unclosed here\nAnother paragraph. “Other,” he said."
    spans = find_quoted_spans(text)
    assert quoted(text, spans) == ["“Unclosed here", "“Other,”"]
    assert spans[0].close_mark is None and not spans[0].continues


def test_blank_line_ends_a_quote_even_if_a_closer_follows() -> None:
    text = "“No closer here.\n\nLater someone said it,” he wrote."
    spans = find_quoted_spans(text)
    assert quoted(text, spans) == ["“No closer here."]
    assert not spans[0].continues


# --- unbalanced input --------------------------------------------------------------------------


def test_unclosed_opener_runs_to_paragraph_end_without_trailing_space() -> None:
    text = "He said “hello there   \n\nNext paragraph."
    (span,) = find_quoted_spans(text)
    assert span.close_mark is None and not span.continues
    assert span.end == span.content_end == text.index("   \n")


def test_stray_closer_is_ignored() -> None:
    text = "He said hello” and left. “Real,” she said. And then» more”."
    assert quoted(text) == ["“Real,”"]


@pytest.mark.parametrize("mark", [*ALL_MARKS, "''", "``", "'''"])
def test_lone_marks(mark: str) -> None:
    for text in (mark, f" {mark} ", f"a{mark}b", f"{mark}\n", f"\n{mark}"):
        spans = find_quoted_spans(text)
        check_invariants(text, spans)
        assert len(spans) <= 1


def test_lone_opener_gives_an_empty_unclosed_span() -> None:
    (span,) = find_quoted_spans("“")
    assert (span.start, span.content_start, span.content_end, span.end) == (0, 1, 1, 1)
    assert span.close_mark is None


def test_thousands_of_marks_in_a_row() -> None:
    assert len(find_quoted_spans("“”" * 5000)) == 5000
    (span,) = find_quoted_spans("“" * 5000)
    assert span.close_mark is None and span.end == 5000
    for text in ('"' * 5001, "'" * 5000, "»" * 5000, "” “" * 3000, "''" * 4000 + "'"):
        check_invariants(text, find_quoted_spans(text))


def test_nested_same_type_quotes() -> None:
    text = "“He said “no” to me,” she said."
    (span,) = find_quoted_spans(text)
    assert span.end == text.index(" she")
    assert quoted(text, span.inner) == ["“no”"]


def test_mixed_types_nested() -> None:
    text = "“He said «non», ‘no’ and 'nein',” she said."
    (span,) = find_quoted_spans(text)
    assert span.close_mark == "”"
    assert quoted(text, span.inner) == ["«non»", "‘no’", "'nein'"]
    check_invariants(text, [span])


# --- nesting -----------------------------------------------------------------------------------


def test_single_inside_double_goes_to_inner() -> None:
    text = "“She told me ‘never again’ twice,” he said. ‘Fine.’"
    spans = find_quoted_spans(text)
    assert quoted(text, spans) == ["“She told me ‘never again’ twice,”", "‘Fine.’"]
    assert quoted(text, spans[0].inner) == ["‘never again’"]
    assert spans[1].inner == ()


def test_double_inside_single_and_straight_nesting() -> None:
    text = "'He said \"stop\" and left,' she said. \"He said 'go' then,\" I said."
    spans = find_quoted_spans(text)
    assert [s.open_mark for s in spans] == ["'", '"']
    assert quoted(text, spans[0].inner) == ['"stop"']
    assert quoted(text, spans[1].inner) == ["'go'"]


def test_nyt_triple_apostrophes() -> None:
    text = "''Bush said, 'You weren't in line,''' Ms. Compton recalled."
    (span,) = find_quoted_spans(text)
    assert (span.open_mark, span.close_mark) == ("''", "''")
    assert span.end == text.index(" Ms.")
    assert quoted(text, span.inner) == ["'You weren't in line,'"]


def test_inner_quote_that_never_closes_is_dropped() -> None:
    text = "“He said ‘yes and left,” she said."
    (span,) = find_quoted_spans(text)
    assert span.close_mark == "”"
    assert span.inner == ()
    assert not is_apostrophe(text, 0)


def test_same_style_single_quotes_nest_when_two_closers_follow() -> None:
    text = "'I said 'no' to him,' she said."
    (span,) = find_quoted_spans(text)
    assert span.end == text.index(" she")
    assert quoted(text, span.inner) == ["'no'"]


def test_straight_double_quotes_alternate_even_when_mistyped() -> None:
    text = '"Hello, "he said. "Bye."'
    assert quoted(text) == ['"Hello, "', '"Bye."']


def test_ambiguous_s_apostrophe_closes_only_the_innermost_quote() -> None:
    text = "‘He said “the boys’ toys” loudly,’ she said."
    (span,) = find_quoted_spans(text)
    assert span.end == text.index(" she")
    assert quoted(text, span.inner) == ["“the boys’ toys”"]


def test_mistyped_closer_is_not_nested() -> None:
    text = "'Hello, 'he said."
    (span,) = find_quoted_spans(text)
    assert text[span.start : span.end] == "'Hello, '"


def test_inner_spans_never_appear_at_top_level() -> None:
    text = "“a ‘b’ c” d ‘e “f” g’ h"
    spans = find_quoted_spans(text)
    assert quoted(text, spans) == ["“a ‘b’ c”", "‘e “f” g’"]
    assert [quoted(text, s.inner) for s in spans] == [["‘b’"], ["“f”"]]


# --- robustness and invariants on random input -------------------------------------------------


def random_text(rng: random.Random, alphabet: str, size: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(size))


@pytest.mark.parametrize(
    "alphabet",
    [
        ALL_MARKS + " abcs.,\n\n(—9",
        "\"' '“ ”  ‘’ s t abc\n''",
        "'’‘ sSnN\n.,''\"",
        "«»‹›„‚“” \n",
    ],
)
def test_invariants_and_is_apostrophe_agree_on_random_text(alphabet: str) -> None:
    rng = random.Random(alphabet)
    for _ in range(400):
        text = random_text(rng, alphabet, rng.randint(0, 60))
        spans = find_quoted_spans(text)
        check_invariants(text, spans)
        assert spans == find_quoted_spans(text), "not deterministic"
        used = mark_offsets(spans)
        for i, ch in enumerate(text):
            if ch in "'’‘ʼ":
                assert is_apostrophe(text, i) == (i not in used), (text, i)


def test_one_megabyte_of_random_marks_is_valid() -> None:
    rng = random.Random(0)
    text = random_text(rng, ALL_MARKS, 1_000_000)
    spans = find_quoted_spans(text)  # its speed: benchmarks/linearity.py
    check_invariants(text, spans)


def test_one_megabyte_of_mixed_text_is_valid() -> None:
    rng = random.Random(1)
    text = random_text(rng, ALL_MARKS + "  \n\nabc.,", 1_000_000)
    spans = find_quoted_spans(text)
    check_invariants(text, spans)


@pytest.mark.parametrize(
    "text",
    [
        "“a\n" + " " * 200_000 + "x",
        "“" + "\n" * 200_000,
        "“\n" * 100_000,
        "“‘«‹" * 50_000 + "›»’”" * 50_000,
        "“" * 100_000 + "”" * 100_000,
        "a ' " * 50_000,
    ],
)
def test_pathological_inputs_stay_valid(text: str) -> None:
    spans = find_quoted_spans(text)  # its speed: benchmarks/linearity.py
    check_invariants(text, spans)


def test_empty_and_markless_text() -> None:
    assert find_quoted_spans("") == []
    assert find_quoted_spans("No quotes at all.\n\nNone here either.") == []
