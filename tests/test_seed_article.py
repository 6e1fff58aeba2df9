"""Acceptance on the project's own article, read from the shared folder when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_offsets

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "putin_nato.txt"

# One distinctive piece of each of Putin's twelve quotations.
PUTIN = [
    "NATO rearmament is not a",
    "his army was making progress",
    "we will not consider any rearmament",
    "We will constantly improve",
    "would create “concrete” challenges",
    "such an increase in spending",
    "We will deal with all the threats",
    "he is open to such a summit",
    "I am even ready to meet (Zelensky)",
    "I am ready to meet everyone",
    "It matters little who is negotiating",
    "must be found that not only",
]


@pytest.fixture(scope="module")
def article(attributor):
    if not ARTICLE.exists():
        pytest.skip(f"{ARTICLE} is not available")
    text = ARTICLE.read_text(encoding="utf-8")
    result = attributor.analyze(text)
    check_offsets(text, result)
    return text, result


@pytest.mark.parametrize("piece", PUTIN)
def test_each_putin_quote_is_found_with_his_name(article, piece):
    _text, result = article
    found = [q for q in result.quotes if piece in q.text]
    assert len(found) == 1, piece
    assert found[0].speaker is not None
    assert found[0].speaker.name == "Vladimir Putin"


def test_first_quote_ends_before_the_framing_adjunct(article):
    _text, result = article
    first = next(q for q in result.quotes if "NATO rearmament is not a" in q.text)
    assert first.text.endswith("to counter it")


def test_nothing_else_is_reported(article):
    _text, result = article
    putin = [q for q in result.quotes if any(p in q.text for p in PUTIN)]
    others = [q for q in result.quotes if q not in putin]
    # Optionally Zelensky's call for a meeting; nothing from the page boilerplate.
    assert all(q.speaker and "Zhelensky" in q.speaker.name for q in others), others
    assert not any("Ask me anything" in q.text for q in result.quotes)
    assert not any(
        q.text.strip("“”") in {"threat", "every day", "final stage"} for q in result.quotes
    )


def test_spelling_variants_are_one_entity(article):
    _text, result = article
    zelensky = [e for e in result.entities if e.name.endswith(("Zhelensky", "Zelensky"))]
    assert len(zelensky) == 1
    forms = {m.text for m in zelensky[0].mentions}
    assert {"Volodymyr Zhelensky", "Zelensky"} <= forms
