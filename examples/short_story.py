"""Fiction: who speaks each line of a dialogue, including the lines no verb attributes.

    python examples/short_story.py [STORY.txt]

In dialogue most lines carry no "she said": quoteattr follows the turns. The script prints
the conversation as a play script, each line with its speaker and the rule that chose them.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import quoteattr

HERE = Path(__file__).resolve().parent


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "lighthouse_story.txt"
    result = quoteattr.analyze(path.read_text(encoding="utf-8"))
    direct = [quote for quote in result.quotes if quote.kind.value == "direct"]
    print(f"{len(direct)} lines of dialogue, {len(result.quotes) - len(direct)} other reports\n")
    for quote in direct:
        speaker = (quote.speaker_name or "?").upper()
        words = " ".join(" … ".join(fragment.text for fragment in quote.fragments).split())
        how = "cued by " + repr(quote.cue.text) if quote.cue else quote.rule
        print(f"{speaker:>10}: " + textwrap.fill(words, 60, subsequent_indent=" " * 12))
        print(f"{'':12}({how}, confidence {quote.confidence:.2f})")


if __name__ == "__main__":
    main()
