"""The parse cache of the evaluation tool: same results, parses reused, stale files ignored."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quoteattr import Attributor, cli
from quoteattr.workers import Recipe


def CachedParses(attributor: Attributor, directory: Path) -> Attributor:
    """An Attributor on the same spaCy pipeline that keeps its parses in ``directory``."""
    return Attributor(attributor.nlp, parse_cache=directory)


def counts(cached: Attributor) -> tuple[int, int]:
    cache = cached.pipeline.parser.cache
    assert cache is not None
    return cache.hits, cache.misses


TEXTS = [
    "“The ferry will run all winter,” said Mayor Ana Ruiz. She added that fares would fall.",
    "The council, which met on <b>Monday</b>, said the pier was unsafe.",
]


def test_same_results_as_the_attributor_and_parses_reused(
    attributor: Attributor, tmp_path: Path
) -> None:
    cached = CachedParses(attributor, tmp_path / "parses")
    first = list(cached.pipe(TEXTS))
    assert counts(cached) == (0, 2)
    assert first == [attributor.analyze(t) for t in TEXTS]
    assert len(list((tmp_path / "parses").glob("*.spacy"))) == 2
    again = CachedParses(attributor, tmp_path / "parses")
    assert [again.analyze(t) for t in TEXTS] == first
    assert counts(again) == (2, 0)


def test_a_changed_text_is_parsed_anew(attributor: Attributor, tmp_path: Path) -> None:
    cached = CachedParses(attributor, tmp_path)
    cached.analyze(TEXTS[0])
    cached.analyze(TEXTS[0].replace("winter", "summer"))
    assert counts(cached) == (0, 2)


def test_damaged_or_foreign_files_are_parsed_again(attributor: Attributor, tmp_path: Path) -> None:
    cached = CachedParses(attributor, tmp_path)
    expected = cached.analyze(TEXTS[1])
    (path,) = tmp_path.glob("*.spacy")
    path.write_bytes(b"not a parse at all")
    damaged = CachedParses(attributor, tmp_path)
    assert damaged.analyze(TEXTS[1]) == expected
    assert counts(damaged) == (0, 1)
    # A well-formed parse of another text under this text's name is not trusted either.
    other = CachedParses(attributor, tmp_path / "other")
    other.analyze(TEXTS[0])
    (foreign,) = (tmp_path / "other").glob("*.spacy")
    path.write_bytes(foreign.read_bytes())
    fresh = CachedParses(attributor, tmp_path)
    assert fresh.analyze(TEXTS[1]) == expected
    assert counts(fresh) == (0, 1)
    assert CachedParses(attributor, tmp_path).analyze(TEXTS[1]) == expected  # rewritten


def test_cli_parse_cache_gives_the_same_scores(
    attributor: Attributor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def make(recipe: Recipe) -> Attributor:
        return Attributor(attributor.nlp, **recipe.kwargs())

    monkeypatch.setattr(cli, "_make_attributor", make)
    text = TEXTS[0]
    start = text.index("The ferry")
    end = text.index(",” said")
    gold = tmp_path / "gold.jsonl"
    mention = [text.index("Mayor"), text.index(". She")]
    quote = {"start": start, "end": end, "text": text[start:end], "kind": "direct",
             "speaker": "Ana Ruiz", "speaker_mentions": [mention], "cue": None}  # fmt: skip
    doc = {"id": "d1", "corpus": "mine", "text": text, "quotes": [quote]}
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    argv = ["evaluate", str(gold), "--parse-cache", str(tmp_path / "cache")]
    assert cli.main(argv) == 0
    first = capsys.readouterr().out
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == first
    assert re.search(r"^mine\s+100\.0\s+100\.0\s+100\.0", first, re.MULTILINE), first
    assert len(list((tmp_path / "cache").glob("*.spacy"))) == 1
