"""The cases behind the scores (misses, false alarms, wrong speakers), as readable lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from ..types import Quote
from .matching import Interval

#: Characters of context shown either side of an error.
CONTEXT = 150


@attrs.frozen
class ErrorCase:
    """One thing to look at: a missed gold quote, a false alarm or a wrong speaker.

    ``start``/``end``/``text``/``kind`` describe the gold quote for misses and wrong speakers
    and the predicted quote for false alarms. ``context`` is the surrounding text on one line,
    with the span in ``[[…]]``.
    """

    type: str  # "miss" | "false_alarm" | "wrong_speaker"
    doc_id: str
    corpus: str
    kind: str
    start: int
    end: int
    text: str
    context: str
    gold_speaker: str | None = None
    predicted_speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


ERROR_TITLES = {
    "miss": ("MISSES", "gold quotes that no prediction matched"),
    "false_alarm": ("FALSE ALARMS", "predictions that matched no gold quote"),
    "wrong_speaker": ("WRONG SPEAKERS", "matched quotes whose predicted speaker is not a gold one"),
    "wrong_entity": (
        "WRONG ENTITIES",
        "matched quotes whose predicted speaker entity is not the gold one (canonical name, "
        "LitBank character, or a person's name for a group or unnamed source)",
    ),
}


def format_case(case: ErrorCase) -> list[str]:
    head = f"[{case.corpus}/{case.doc_id}] {case.kind} {case.start}-{case.end}"
    if case.type in {"wrong_speaker", "wrong_entity"}:
        head += (
            f"  gold speaker: {case.gold_speaker or '(none)'}"
            f" | predicted: {case.predicted_speaker or '(none)'}"
        )
    elif case.type == "miss":
        head += f"  gold speaker: {case.gold_speaker or '(none)'}"
    else:
        head += f"  predicted speaker: {case.predicted_speaker or '(none)'}"
    return [head, f"    {case.context}", ""]


def oneline(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def short(text: str, width: int) -> str:
    text = oneline(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def context_line(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    left = ("…" if start > width else "") + text[max(0, start - width) : start]
    right = text[end : end + width] + ("…" if end + width < len(text) else "")
    return oneline(f"{left}[[{text[start:end]}]]{right}")


def pieces(text: str, spans: Sequence[Interval]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def predicted_speaker(quote: Quote) -> str | None:
    mention = quote.speaker_mention.text if quote.speaker_mention else None
    name = quote.speaker.name if quote.speaker else None
    if name and mention and oneline(mention) != name:
        return f'{name} ("{oneline(mention)}")'
    return name or (oneline(mention) if mention else None)
