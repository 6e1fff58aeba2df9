"""A clean copy of the caller's text for the pipeline, and the way back to exact offsets.

Why
===

Some characters break spaCy or mislead the rules without meaning anything to a reader:

* **lone surrogates** (``"\\ud800"``) cannot be encoded as UTF-8, so spaCy's string store
  raises ``UnicodeEncodeError``; each becomes U+FFFD;
* **line breaks other than LF and CR LF** (a lone CR, VT, FF, NEL, U+2028, U+2029) become
  LF, which is what the mark pairing and the sentence splitter read as a line break;
* **invisible format characters** (zero-width space and joiners, BOM, soft hyphen,
  direction marks and isolates) and **control characters** other than whitespace (NUL,
  ESC, DEL, C1 controls) glue words to quotation marks (``win,”\\u200b she said``) or split
  names; they are dropped;
* **combining marks with no letter to sit on** (after a full stop, a space, a quotation
  mark) turn a sentence end into one odd token; they are dropped (accents on letters stay);
* **HTML remnants**: tags become one space (one line break for block tags such as ``<p>``
  and ``<br>``), and character references (``&ldquo;``, ``&quot;``, ``&#8217;``) become the
  character they name, so that ``<p>&ldquo;Yes,&rdquo; she said.</p>`` reads as a quote;
* **Markdown emphasis** delimiters at the edge of a word (``**Anna Berg**``, ``_“No,”_``)
  are dropped, so they do not become part of a name.

The pipeline runs on the copy; :meth:`Prepared.restore` then maps every span of the result
back to the caller's string (each clean character knows the original range it came from)
and re-slices every ``text`` field from it, so ``original[start:end] == span.text`` holds
exactly. Entity names and aliases are normalised strings, not spans: they come from the
clean copy. Text with none of these characters is passed through untouched, at the cost
of one regular-expression scan.
"""

from __future__ import annotations

import bisect
import html
import re

import attrs

from ..types import Attribution, Entity, Mention, Span

__all__ = ["Prepared", "prepare"]

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_PATTERN = re.compile(
    r"(?P<surrogate>[\ud800-\udfff])"
    r"|(?P<newline>\r(?!\n)|[\x0b\x0c\x85\u2028\u2029])"
    r"|(?P<drop>[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]+)"
    r"|(?P<orphan>(?<![\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe2f])"
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+)"
    r"|(?P<tag><!--.{0,2000}?-->|</?(?P<name>[A-Za-z][A-Za-z0-9:-]{0,30})"
    r"(?:\s[^<>]{0,2000})?/?>)"
    r"|(?P<ref>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emphasis>(?<![\w*])[*_]{1,3}(?=[^\W_]|[\"'“‘«„])"
    r"|(?<=[^\W_]|[\"'”’».,!?])[*_]{1,3}(?![\w*]))",
    re.DOTALL,
)


class Prepared:
    """The clean copy of a text and the map from its offsets to the original's.

    Offsets map through deletion runs: ``_at[k]`` is the clean offset a run of deleted
    characters precedes and ``_cum[k]`` the number deleted up to and including it. A
    run in ``_tail`` belongs to the clean character before it (the rest of an HTML
    reference or tag that character stands for), so a span ending there takes it in.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self._at: list[int] = []
        self._cum: list[int] = []
        self._tail: dict[int, int] = {}
        parts: list[str] = []
        kept = 0  # end of the original text copied so far
        deleted = 0
        for match in _PATTERN.finditer(original):
            start, end = match.span()
            kind = match.lastgroup
            replacement: str | None
            if kind == "surrogate":
                replacement = "\ufffd"
            elif kind == "newline":
                replacement = "\n"
            elif kind == "tag":
                name = (match.group("name") or "").lower()
                replacement = "\n" if name in _BLOCK_TAGS else " "
            elif kind == "ref":
                decoded = html.unescape(match.group())
                replacement = decoded if len(decoded) == 1 else None
                if replacement is not None and "\ud800" <= replacement <= "\udfff":
                    replacement = "\ufffd"  # &#xD800; names a lone surrogate
            else:  # drop, orphan, emphasis
                replacement = ""
            if replacement is None:
                continue
            parts.append(original[kept:start])
            parts.append(replacement)
            kept = end
            removed = (end - start) - len(replacement)
            if removed:
                deleted += removed
                at = start + len(replacement) - (deleted - removed)
                if self._at and self._at[-1] == at:
                    self._cum[-1] = deleted
                else:
                    self._at.append(at)
                    self._cum.append(deleted)
                if replacement:
                    self._tail[at] = self._tail.get(at, 0) + removed
        if not parts:
            self.text = original
        else:
            parts.append(original[kept:])
            self.text = "".join(parts)

    @property
    def changed(self) -> bool:
        return self.text is not self.original

    def _before(self, i: int) -> int:
        """Characters deleted before clean offset ``i`` (runs at ``i`` included)."""
        k = bisect.bisect_right(self._at, i) - 1
        return self._cum[k] if k >= 0 else 0

    def offsets(self, start: int, end: int) -> tuple[int, int]:
        """The original range of the clean range ``start:end``."""
        if not self._at:
            return start, end
        first = start + self._before(start)
        if end <= start:
            return first, first
        last = end - 1 + self._before(end - 1)
        return first, last + 1 + self._tail.get(end, 0)

    # -- rebuilding results on the original string

    def _span(self, span: Span) -> Span:
        start, end = self.offsets(span.start, span.end)
        return Span(start, end, self.original[start:end])

    def _mention(self, mention: Mention) -> Mention:
        start, end = self.offsets(mention.start, mention.end)
        return Mention(start, end, self.original[start:end], mention.kind)

    def restore(self, result: Attribution) -> Attribution:
        """``result`` (an analysis of ``self.text``) on the original string."""
        if not self.changed:
            return result
        entities: dict[int, Entity] = {}

        def entity(item: Entity) -> Entity:
            if id(item) not in entities:
                mentions = tuple(self._mention(m) for m in item.mentions)
                entities[id(item)] = attrs.evolve(item, mentions=mentions)
            return entities[id(item)]

        quotes = []
        for q in result.quotes:
            start, end = self.offsets(q.start, q.end)
            quotes.append(
                attrs.evolve(
                    q,
                    start=start,
                    end=end,
                    text=self.original[start:end],
                    fragments=tuple(self._span(f) for f in q.fragments),
                    cue=self._span(q.cue) if q.cue else None,
                    speaker_mention=self._mention(q.speaker_mention) if q.speaker_mention else None,
                    speaker=entity(q.speaker) if q.speaker else None,
                    addressee=self._mention(q.addressee) if q.addressee else None,
                )
            )
        return Attribution(
            text=self.original,
            quotes=tuple(quotes),
            entities=tuple(entity(e) for e in result.entities),
        )


def prepare(text: str) -> Prepared:
    """The clean copy of ``text`` to hand to the pipeline (see the module docstring)."""
    return Prepared(text)
