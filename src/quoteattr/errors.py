"""Exceptions quoteattr raises on purpose."""

from __future__ import annotations

__all__ = ["ModelNotFoundError", "QuoteattrError"]


class QuoteattrError(Exception):
    """Base class for quoteattr's own errors."""


class ModelNotFoundError(QuoteattrError, OSError):
    """No usable English spaCy pipeline is installed; the message says what to install."""
