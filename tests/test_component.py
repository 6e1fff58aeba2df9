"""quoteattr as a spaCy pipeline component."""

from __future__ import annotations

import quoteattr  # noqa: F401  (registers the factory and the Doc extensions)


def test_component_fills_doc_extensions(attributor):
    nlp = attributor.nlp.__class__.from_config(attributor.nlp.config)
    nlp.from_bytes(attributor.nlp.to_bytes())
    nlp.add_pipe("quoteattr", last=True)
    doc = nlp("“We are ready for the storm,” said Coach Lena Frey.")
    assert doc._.attribution is not None
    (quote,) = doc._.quotes
    assert quote.speaker.name == "Lena Frey"
    assert doc.text[quote.start : quote.end] == quote.text


def test_component_agrees_with_attributor(attributor):
    nlp = attributor.nlp.__class__.from_config(attributor.nlp.config)
    nlp.from_bytes(attributor.nlp.to_bytes())
    nlp.add_pipe("quoteattr", last=True)
    text = "Maria Lopez said the company would cut 200 jobs next year."
    assert nlp(text)._.quotes == attributor.attribute(text)
