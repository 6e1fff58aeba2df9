"""quoteattr: find every quotation in a text and say who said it."""

from __future__ import annotations

from .errors import ModelNotFoundError, QuoteattrError
from .types import (
    Attribution,
    Category,
    Entity,
    EntityKind,
    Mention,
    MentionKind,
    Quote,
    QuoteKind,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Attributor",
    "Category",
    "Entity",
    "EntityKind",
    "Mention",
    "MentionKind",
    "ModelNotFoundError",
    "Quote",
    "QuoteKind",
    "QuoteattrError",
    "Span",
    "__version__",
    "analyze",
    "attribute",
    "render_html",
]


def __getattr__(name: str) -> object:  # pragma: no cover - thin lazy import
    if name in {"Attributor", "analyze", "attribute"}:
        from . import attributor

        return getattr(attributor, name)
    if name == "render_html":
        from .render.html import render_html

        return render_html
    raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")
