"""One path from text to result: every entry point gives the same quotes, the spaCy component
is a full citizen (DocBin, n_process, to_disk), and no pipeline is changed behind its owner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

import quoteattr
from quoteattr import Attribution, Attributor
from quoteattr.component import USER_DATA_KEY
from quoteattr.errors import QuoteattrError

PARAGRAPHS = (
    "Harbour plan approved\n"
    "By a staff reporter\n\n"
    "The town council voted on Tuesday to rebuild the pier. Mayor Ines Calder said the work "
    'had "no choice but to wait"\n'
    "until spring, and the finance office confirmed the budget.\n\n"
    "“We will not let the pier fall,” Calder told reporters. “Every week counts.”"
)
HTML_REMNANTS = (
    "<p>&ldquo;The ferry will run all winter,&rdquo; said Captain Rhys Owen.</p>"
    "<p>He added that <b>fares</b> would fall&hellip;</p>"
)
LONG_PARAGRAPH = (
    "“The vote was close, but the result is clear,” said councillor Dana Pryce of the plan. "
    "Opponents said the council had moved too fast. She replied that the town had waited long "
    "enough.\n\n"
)
TEXTS = [PARAGRAPHS, HTML_REMNANTS, LONG_PARAGRAPH * 12]  # the last is parsed in pieces
SMALL_PIECES = 600


@pytest.fixture(scope="module")
def small(attributor: Attributor) -> Attributor:
    """The session's pipeline, with pieces small enough that the long text is cut."""
    return Attributor(attributor.nlp, max_chunk_chars=SMALL_PIECES)


@pytest.fixture(scope="module")
def nlp_with_component(attributor: Attributor) -> spacy.language.Language:
    nlp = spacy.load(attributor.nlp.meta["lang"] + "_" + attributor.nlp.meta["name"])
    nlp.add_pipe("quoteattr", config={"max_chunk_chars": SMALL_PIECES})
    return nlp


def test_every_entry_point_gives_the_same_result(
    small: Attributor, nlp_with_component: spacy.language.Language, tmp_path: Path
) -> None:
    assert len(TEXTS[2]) > SMALL_PIECES
    expected = [small.analyze(t) for t in TEXTS]
    assert all(result.quotes for result in expected)
    assert list(small.pipe(TEXTS)) == expected
    assert list(small.pipe(TEXTS, batch_size=1)) == expected
    cached = Attributor(small.nlp, max_chunk_chars=SMALL_PIECES, parse_cache=tmp_path)
    assert list(cached.pipe(TEXTS)) == expected  # parsed and stored
    assert [cached.analyze(t) for t in TEXTS] == expected  # read back
    assert [nlp_with_component(t)._.attribution for t in TEXTS] == expected
    assert [d._.attribution for d in nlp_with_component.pipe(TEXTS)] == expected


def test_module_functions_use_the_same_pipeline(attributor: Attributor) -> None:
    assert quoteattr.analyze(PARAGRAPHS) == attributor.analyze(PARAGRAPHS)
    assert quoteattr.attribute(PARAGRAPHS) == list(attributor.analyze(PARAGRAPHS).quotes)


def test_component_output_is_plain_data(nlp_with_component: spacy.language.Language) -> None:
    doc = nlp_with_component(PARAGRAPHS)
    result = doc._.attribution
    assert isinstance(result, Attribution)
    json.dumps(doc.user_data[USER_DATA_KEY])  # JSON-able as it is
    spans = list(doc.spans["quotes"])
    assert [s.label_ for s in spans] == [q.kind.value for q in result.quotes]
    assert [s.kb_id_ for s in spans] == [q.speaker.id if q.speaker else "" for q in result.quotes]
    for span, quote in zip(spans, result.quotes, strict=True):
        assert span.start_char <= quote.start and quote.end <= span.end_char


def test_component_output_survives_docbin(nlp_with_component: spacy.language.Language) -> None:
    docs = [nlp_with_component(t) for t in TEXTS]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp_with_component.vocab))
    assert [d._.attribution for d in back] == [d._.attribution for d in docs]
    assert [[s.kb_id_ for s in d.spans["quotes"]] for d in back] == [
        [s.kb_id_ for s in d.spans["quotes"]] for d in docs
    ]


def test_component_runs_in_worker_processes(nlp_with_component: spacy.language.Language) -> None:
    one = [d._.attribution for d in nlp_with_component.pipe(TEXTS)]
    two = [d._.attribution for d in nlp_with_component.pipe(TEXTS, n_process=2, batch_size=1)]
    assert two == one


def test_saved_pipeline_loads_in_a_fresh_process(attributor: Attributor, tmp_path: Path) -> None:
    nlp = spacy.load(attributor.nlp.meta["lang"] + "_" + attributor.nlp.meta["name"])
    nlp.add_pipe("quoteattr", config={"categories": ["speech"]})
    roster = {"Ines Calder": ["the mayor"]}
    nlp.get_pipe("quoteattr").initialize(roster=roster, cues={"quip": "speech"})
    nlp.to_disk(tmp_path / "pipeline")
    expected = [q.to_dict() for q in nlp(PARAGRAPHS)._.quotes]
    script = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "component = nlp.get_pipe('quoteattr')\n"
        "print(json.dumps({'roster': component.roster, 'cues': component.cues,\n"
        "    'quotes': [q.to_dict() for q in nlp(sys.stdin.read())._.quotes]}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], input=PARAGRAPHS, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout)
    assert loaded["roster"] == roster
    assert loaded["cues"] == {"quip": "speech"}
    assert loaded["quotes"] == expected


def test_component_on_a_pipeline_without_parser_says_what_is_missing() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    with pytest.raises(QuoteattrError, match="dependency parse"):
        nlp("“We are ready,” said Lena Frey.")
    assert nlp("   ")._.quotes == []  # nothing to parse, nothing to say


def test_component_declares_what_it_needs(nlp_with_component: spacy.language.Language) -> None:
    meta = nlp_with_component.get_pipe_meta("quoteattr")
    assert {"token.dep", "token.pos", "doc.ents"} <= set(meta.requires)
    assert "doc.spans" in meta.assigns


def test_attributor_never_changes_the_pipeline_it_is_given(attributor: Attributor) -> None:
    nlp = attributor.nlp
    names = list(nlp.pipe_names)
    config = nlp.config.to_str()
    Attributor(nlp).analyze(PARAGRAPHS)
    Attributor(nlp, max_chunk_chars=SMALL_PIECES, min_confidence=0.5).analyze(PARAGRAPHS)
    Attributor().analyze(PARAGRAPHS)  # the one the process shares
    assert nlp.pipe_names == names
    assert nlp.config.to_str() == config
    assert "quoteattr" not in quoteattr.models.load_model().pipe_names


def test_min_confidence_drops_the_less_confident_quotes(attributor: Attributor) -> None:
    everything = attributor.analyze(PARAGRAPHS)
    threshold = sorted(q.confidence for q in everything.quotes)[len(everything.quotes) // 2]
    strict = Attributor(attributor.nlp, min_confidence=threshold).analyze(PARAGRAPHS)
    assert strict.quotes == tuple(q for q in everything.quotes if q.confidence >= threshold)
    assert 0 < len(strict.quotes) < len(everything.quotes) or threshold == min(
        q.confidence for q in everything.quotes
    )
    with pytest.raises(ValueError, match="min_confidence"):
        Attributor(attributor.nlp, min_confidence=1.5)


def test_pipe_refuses_a_bad_worker_count(attributor: Attributor) -> None:
    for value in (0, -1, True, 1.5):
        with pytest.raises(ValueError, match="n_process"):
            attributor.pipe(TEXTS, n_process=value)  # type: ignore[arg-type]


def test_pipe_with_two_worker_processes_equals_one(small: Attributor) -> None:
    texts = [*TEXTS, "", "“Short,” she said."]
    assert list(small.pipe(texts, n_process=2, chunksize=1)) == list(small.pipe(texts))


def test_cli_html_format_writes_one_page(tmp_path: Path) -> None:
    from quoteattr import cli

    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(PARAGRAPHS, encoding="utf-8")
    second.write_text(HTML_REMNANTS, encoding="utf-8")
    page = tmp_path / "view.html"
    assert cli.main([str(first), "--format", "html", "-o", str(page), "--quiet"]) == 0
    single = page.read_text(encoding="utf-8")
    assert single.count("data-quote=") >= 1 and "Ines Calder" in single
    assert cli.main([str(first), str(second), "--format", "html", "-o", str(page), "-q"]) == 0
    corpus = page.read_text(encoding="utf-8")
    assert 'id="doc-1"' in corpus and 'id="doc-2"' in corpus and "<svg" in corpus


def test_roster_names_a_speaker_the_tagger_takes_for_a_common_noun(attributor: Attributor) -> None:
    text = "Mercy said the bridge would close. “We are ready,” the coach said."
    plain = attributor.analyze(text)
    assert [q.speaker_name for q in plain.quotes] == ["Mercy", "the coach"]
    roster = {"Rishi Mercy": ["Mercy"], "Lena Frey": ["the coach"]}
    rostered = Attributor(attributor.nlp, roster=roster).analyze(text)
    assert [q.speaker_name for q in rostered.quotes] == ["Rishi Mercy", "Lena Frey"]
