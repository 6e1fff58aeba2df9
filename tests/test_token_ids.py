"""The rules compare spaCy's integer ids instead of strings in their per-token passes
(``rules.syntax.string_id``): the ids must be the ones the parse carries, for labels that
are spaCy symbols ("nsubj", "NOUN") as much as for plain words and quotation marks."""

from __future__ import annotations

from spacy.attrs import DEP, LOWER, POS, TAG

import quoteattr
from quoteattr.rules.ranges import is_mark
from quoteattr.rules.syntax import pos_id, string_id


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
