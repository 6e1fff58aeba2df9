"""Worker processes with the real pipeline: the same results as one process, in order."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import workers
from quoteattr.workers import Failure, Recipe

TEXTS = [
    '"The bridge will open in May," Mayor Ana Ruiz said on Monday.',
    "Nothing here is quoted at all.",
    "Councillor Piet Bos told reporters that the budget was far too small. He left early.",
    '"We disagree," the union said in a statement. Ruiz said she would meet them.',
    "The minister, Lena Ortiz, warned that prices would rise again next year.",
]


def test_two_workers_equal_one_process(attributor: quoteattr.Attributor) -> None:
    alone = [a.to_dict() for a in attributor.pipe(TEXTS)]
    assert any(doc["quotes"] for doc in alone)
    parallel = [a.to_dict() for a in workers.imap(attributor, TEXTS * 2, 2, chunksize=2)]
    assert parallel == alone * 2


def test_spawned_workers_unpickle_the_attributor_once_and_agree(
    attributor: quoteattr.Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_start_method", lambda: "spawn")  # as on macOS and Windows
    alone = list(attributor.pipe(TEXTS[:2]))
    assert list(workers.imap(attributor, TEXTS[:2], 2)) == alone


def test_a_failing_text_is_captured_and_the_others_stand(
    attributor: quoteattr.Attributor,
) -> None:
    texts = [TEXTS[0], 42, TEXTS[2]]  # 42 is no text: the pipeline raises TypeError
    results = list(workers.outcomes(attributor, texts, 2, chunksize=3))  # type: ignore[arg-type]
    assert isinstance(results[1], Failure)
    assert results[1].error.startswith("TypeError: quoteattr expects text as str")
    assert results[0] == attributor.analyze(TEXTS[0])
    assert results[2] == attributor.analyze(TEXTS[2])
    with pytest.raises(TypeError, match="expects text as str"):
        list(workers.imap(attributor, texts, 2))  # type: ignore[arg-type]


def test_recipe_travels_and_builds_once_per_process() -> None:
    recipe = Recipe(roster={"Ana Ruiz": ["the mayor"]}, cues={"quipped": "speech"})
    assert recipe == Recipe(roster={"Ana Ruiz": ("the mayor",)}, cues={"quipped": "speech"})
    assert recipe.kwargs() == {
        "roster": {"Ana Ruiz": ("the mayor",)},
        "cues": {"quipped": "speech"},
        "categories": (),
    }
    assert workers.attributor_for(Recipe()) is workers.attributor_for(Recipe())
    with pytest.raises(ValueError, match="chunksize"):
        list(workers.outcomes(None, ["x"], 1, chunksize=0))
