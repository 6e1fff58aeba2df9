"""The rules compare spaCy's integer ids instead of strings in their per-token passes
(``rules.syntax.string_id``): the ids must be the ones the parse carries, for labels that
are spaCy symbols ("nsubj", "NOUN") as much as for plain words and quotation marks."""

from __future__ import annotations

from spacy.attrs import DEP, LOWER, POS, TAG

import quoteattr
from quoteattr.rules import cues
from quoteattr.rules.cues import find_cues
from quoteattr.rules.ranges import is_mark
from quoteattr.rules.syntax import Sentences, pos_id, string_id, token_heads


def test_ids_match_the_parse(attributor: quoteattr.Attributor) -> None:
    doc = attributor.nlp("“The rail line will open late,” the engineer said in May.")
    rows = doc.to_array([DEP, POS, TAG, LOWER]).tolist()
    for token, (dep, pos, tag, lower) in zip(doc, rows, strict=True):
        assert string_id(token.dep_) == dep == token.dep
        assert pos_id(token.pos_) == pos == token.pos
        assert string_id(token.tag_) == tag
        assert string_id(token.lower_) == lower
    assert string_id("nsubj") != string_id("nsubjpass")


def test_is_mark_on_marks_and_words(attributor: quoteattr.Attributor) -> None:
    doc = attributor.nlp("“Yes,” she said; 'no' and \"maybe\" it's")
    marks = [t.text for t in doc if is_mark(t)]
    assert marks == ["“", "”", "'", "'", '"', '"']


def test_token_heads_match_the_parse(attributor: quoteattr.Attributor) -> None:
    doc = attributor.nlp("The mayor, who was re-elected in May, said that the line would open.")
    assert token_heads(doc) == [t.head.i for t in doc]
    assert token_heads(attributor.nlp("")) == []


# One sentence per cue route: a listed verb, a verb outside the lexicon before a that-clause,
# a phrase, a setting, a stance adjective and noun, appearance, reaction and intention.
_ROUTES = (
    "The senator said on Monday that the bill would pass. "
    "Analysts intuit that the economy will shrink. "
    "According to the report, sales fell. In his view, the plan fails. She pointed out the "
    "risk. He is confident that he will win. Her claim that it worked was false. The plan "
    "seems to work. His remarks angered Democrats. They are looking to cut taxes."
)


def test_word_routes_only_skip_tokens_that_open_no_cue(
    attributor: quoteattr.Attributor, monkeypatch
) -> None:
    """``find_cues`` makes a Token only for words some route's word lists hold: with every
    word let through, it finds the same cues."""
    doc = attributor.nlp(_ROUTES)
    lexicon = attributor.lexicon
    found = find_cues(doc, lexicon)
    assert len(found) >= 8
    assert any(c.generic for c in found)  # "intuit" is no listed verb
    monkeypatch.setattr(cues, "_word_routes", lambda *args: 7)
    lexicon.word_memo.clear()
    assert find_cues(doc, lexicon) == found
    lexicon.word_memo.clear()


def test_word_memo_is_the_lexicons_own(attributor: quoteattr.Attributor) -> None:
    """A verb added to a lexicon is a cue there, whatever another lexicon learnt of it."""
    doc = attributor.nlp("The mayor intuited that the line would open late.")
    plain = attributor.lexicon
    wider = plain.extended({"intuit": "thought"})
    assert [c.generic for c in find_cues(doc, plain)] == [True]
    assert [c.generic for c in find_cues(doc, wider)] == [False]


def test_sentences_are_spacys(attributor: quoteattr.Attributor) -> None:
    """``Sentences`` reads the same sentences as ``doc.sents`` and ``Span.sent``."""
    text = "HEADLINE HERE\nThe mayor spoke. “We will see,” she said!\n\nNo. Then it rained"
    doc = attributor.pipeline.parser.parse(text)
    sentences = Sentences(doc)
    assert sentences.bounds() == [(s.start, s.end) for s in doc.sents]
    assert len(sentences.bounds()) >= 4
    for token in doc:
        assert sentences.of(token.i) == (token.sent.start, token.sent.end)
        assert sentences.start_of(token.i) == doc[token.i : token.i + 2].sent.start
    assert Sentences(attributor.nlp("")).bounds() == []
