"""Word lists shipped as tab-separated files in ``quoteattr/data``.

The lists (honorifics, forenames, cue verbs, roles, ...) live in plain files rather than in
code so that users can read and extend them without touching Python. Each file is read once
per process; callers get a fresh copy so that they cannot corrupt the cache.

Format: one row per line, cells separated by a tab; blank lines and lines whose first
non-blank character is ``#`` are skipped; whitespace around each cell is removed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["load_table", "word_list"]


def load_table(name: str) -> list[list[str]]:
    """The rows of ``quoteattr/data/<name>``, each split on tabs.

    Raises ``FileNotFoundError`` when there is no such file.
    """
    return [list(row) for row in _read_table(name)]


@cache
def _read_table(name: str) -> tuple[tuple[str, ...], ...]:
    resource = resources.files("quoteattr").joinpath("data")
    for part in name.split("/"):
        resource = resource.joinpath(part)
    text = resource.read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def word_list(name: str) -> frozenset[str]:
    """The words listed under ``name`` in ``quoteattr/data/word_lists.tsv``."""
    words = [w for row in _read_table("word_lists.tsv") if row[0] == name for w in row[1].split()]
    if not words:
        raise KeyError(f"no word list named {name!r} in word_lists.tsv")
    return frozenset(words)
