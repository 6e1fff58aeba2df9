"""Speakers for quotes with no cue of their own, as a reader of news or novels finds them.

The sieves, tried in order for each uncued quote:

1. *Same paragraph*: a quote in the paragraph of an attributed quote continues it.
2. *Vocative*: when the quote before addressed someone by name ("..., Tess?"), the reply
   is that person's.
3. *Reply*: a quote right after a question is answered by the last other speaker.
4. *Turns*: when the two quotes before came from two different people in consecutive
   paragraphs, the speakers alternate.
5. *Continuation*: a quote paragraph right after an attributed quote (within two
   paragraphs) continues it, the news convention.
6. *Only person*: the one person named outside quotation marks in the quote's paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from .coref import EntityRecord
from .types import EntityKind

__all__ = ["DialogueSieves", "Turn"]

MAX_CONTINUATION_PARAGRAPHS = 2
MAX_TURNS_BACK = 6

# A name is a vocative when set off at the edge of a clause: ", Tess?" / "Tess, come here".
_BEFORE_VOCATIVE = re.compile(r"(^|[,;:!?.—–-])\s*$")
_AFTER_VOCATIVE = re.compile(r"^\s*([,;:!?.—–-]|$)")


@attrs.define
class Turn:
    """One quote already given a speaker (or not), as the sieves see it."""

    start: int
    end: int
    paragraph: int
    speaker: EntityRecord | None
    fragments: Sequence[tuple[int, int]] = ()


class DialogueSieves:
    def __init__(
        self, text: str, records: Sequence[EntityRecord], quoted: Sequence[tuple[int, int]]
    ):
        self.text = text
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self.quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self.quoted]
        self.people: list[tuple[int, int, EntityRecord]] = sorted(
            (
                (m.start, m.end, r)
                for r in records
                if r.kind is EntityKind.PERSON
                for m in r.mentions
            ),
            key=lambda t: (t[0], t[1]),
        )
        self._people_starts = [p[0] for p in self.people]

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset - 1) if offset else 0

    def _paragraph_bounds(self, offset: int) -> tuple[int, int]:
        k = self.paragraph(offset)
        start = self.newlines[k - 1] + 1 if k > 0 else 0
        end = self.newlines[k] if k < len(self.newlines) else len(self.text)
        return start, end

    def _inside_quotes(self, offset: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]

    def _people_in(self, start: int, end: int) -> list[tuple[int, int, EntityRecord]]:
        lo = bisect.bisect_left(self._people_starts, start)
        hi = bisect.bisect_left(self._people_starts, end)
        return self.people[lo:hi]

    def _addressee(self, turn: Turn) -> EntityRecord | None:
        """The person a quote addresses by name, if any."""
        for a, b in turn.fragments or ((turn.start, turn.end),):
            for start, end, record in self._people_in(a, b):
                before = self.text[max(a, start - 3) : start]
                after = self.text[end : min(b, end + 3)]
                if (start - a <= 1 or _BEFORE_VOCATIVE.search(before)) and _AFTER_VOCATIVE.match(
                    after
                ):
                    return record
        return None

    def _asks(self, turn: Turn) -> bool:
        """Does a quote end with a question (so the next one is an answer)?"""
        end = (turn.fragments or ((turn.start, turn.end),))[-1][1]
        tail = self.text[max(turn.start, end - 4) : end].rstrip(" \"'”’»")
        return tail.endswith("?")

    def _only_person(self, start: int) -> EntityRecord | None:
        a, b = self._paragraph_bounds(start)
        found = {
            id(record): record
            for s, _e, record in self._people_in(a, b)
            if not self._inside_quotes(s)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def speaker(self, start: int, history: Sequence[Turn]) -> tuple[EntityRecord | None, str]:
        """The speaker of an uncued quote starting at ``start`` and the sieve that chose it."""
        paragraph = self.paragraph(start)
        previous = history[-1] if history else None
        if (
            previous is not None
            and previous.speaker is not None
            and previous.paragraph == paragraph
        ):
            return previous.speaker, "continuation"
        if previous is not None and paragraph - previous.paragraph <= 1:
            addressed = self._addressee(previous)
            if addressed is not None and addressed is not previous.speaker:
                return addressed, "dialogue-vocative"
        if (
            previous is not None
            and previous.speaker is not None
            and paragraph - previous.paragraph == 1
            and self._asks(previous)
        ):
            for earlier in reversed(history[-MAX_TURNS_BACK:-1]):
                if earlier.speaker is not None and earlier.speaker is not previous.speaker:
                    return earlier.speaker, "dialogue-reply"
        if len(history) >= 2:
            before = history[-2]
            if (
                previous is not None
                and before.speaker is not None
                and previous.speaker is not None
                and before.speaker is not previous.speaker
                and paragraph - previous.paragraph == 1
                and previous.paragraph - before.paragraph == 1
            ):
                return before.speaker, "dialogue-turns"
        if (
            previous is not None
            and previous.speaker is not None
            and paragraph - previous.paragraph <= MAX_CONTINUATION_PARAGRAPHS
        ):
            return previous.speaker, "continuation"
        only = self._only_person(start)
        if only is not None:
            return only, "dialogue-paragraph"
        return None, "unattributed"
