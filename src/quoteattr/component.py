"""quoteattr as a spaCy pipeline component.

``nlp.add_pipe("quoteattr")`` adds a component that stores the Attribution of each document
in ``doc._.attribution`` and its quotes in ``doc._.quotes``. The component reuses the rules
of ``Attributor`` on the parse the pipeline has already made.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .types import Attribution

__all__ = ["QuoteattrComponent", "make_quoteattr"]

if not Doc.has_extension("attribution"):
    Doc.set_extension("attribution", default=None)
if not Doc.has_extension("quotes"):
    Doc.set_extension(
        "quotes", getter=lambda doc: list(doc._.attribution.quotes) if doc._.attribution else []
    )


class QuoteattrComponent:
    def __init__(self, nlp: Language, name: str, categories: list[str]) -> None:
        from .attributor import Attributor

        self.name = name
        self._attributor = Attributor(nlp, categories=categories, add_line_breaks=False)

    def __call__(self, doc: Doc) -> Doc:
        result: Attribution = self._attributor.analyze_doc(doc)
        doc._.attribution = result
        return doc


@Language.factory(
    "quoteattr",
    default_config={"categories": []},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.attribution", "doc._.quotes"],
)
def make_quoteattr(nlp: Language, name: str, categories: list[str]) -> QuoteattrComponent:
    return QuoteattrComponent(nlp, name, categories)
