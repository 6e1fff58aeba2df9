"""quoteattr inside your own spaCy pipeline: add the component, read doc._.quotes.

    python examples/spacy_pipeline.py

Installing quoteattr registers a spaCy factory named "quoteattr". Add it after the parser;
each Doc then carries its quotes in doc._.quotes and the whole result in doc._.attribution.
"""

from __future__ import annotations

import spacy

from quoteattr.models import find_model

TEXTS = [
    "“The road will reopen on Monday,” said Chief Engineer Paula Brandt.",
    "Union leaders said the offer was too low. They will vote on a strike next week.",
    "The minister told reporters that no decision had been made, according to her spokesman.",
]


def main() -> None:
    # Your own pipeline: here the best English one installed (e.g. en_core_web_sm).
    nlp = spacy.load(find_model())
    nlp.add_pipe("quoteattr", last=True)
    print("pipeline:", " → ".join(nlp.pipe_names), "\n")
    for doc in nlp.pipe(TEXTS):
        print(doc.text)
        for quote in doc._.quotes:
            # Quote offsets are character offsets into doc.text; char_span gives the tokens.
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            tokens = len(span) if span is not None else 0
            who = quote.speaker_name or "?"
            print(f"  {quote.kind.value:8} {who:16} {quote.text!r} ({tokens} tokens)")
        print()


if __name__ == "__main__":
    main()
