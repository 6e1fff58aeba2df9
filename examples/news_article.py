"""A news article: every quote, who said it, and what the article says they are.

    python examples/news_article.py [ARTICLE.txt] [--html VIEW.html]

Reads the bundled article (or yours), prints each quote with its speaker, kind, cue and
confidence, then the speakers with their roles. With --html it also writes the article's
HTML view, to open in a browser.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import quoteattr
from quoteattr.render.html import render_html

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(HERE / "harbour_article.txt"))
    parser.add_argument("--html", metavar="FILE", help="also write the HTML view here")
    args = parser.parse_args()

    text = Path(args.article).read_text(encoding="utf-8")
    result = quoteattr.analyze(text)

    print(f"{len(result.quotes)} quotes\n")
    for quote in result.quotes:
        speaker = quote.speaker_name or "(nobody named)"
        words = " … ".join(fragment.text for fragment in quote.fragments)
        cue = quote.cue.text if quote.cue else "-"
        print(f"[{quote.kind.value:8}] {speaker:28} {cue:13} {quote.confidence:.2f}  {words[:70]}")

    speakers = {quote.speaker.id: quote.speaker for quote in result.quotes if quote.speaker}
    print("\nSpeakers")
    for entity in speakers.values():
        said = sum(1 for quote in result.quotes if quote.speaker is entity)
        role = ", ".join(entity.role) or "no role given"
        written = ", ".join(sorted({m.text for m in entity.mentions})) or entity.name
        print(
            f"  {entity.name} ({entity.kind.value}; {role}): {said} quote(s); written as {written}"
        )

    if args.html:
        Path(args.html).write_text(render_html(result), encoding="utf-8")
        print(f"\nwrote {args.html}")


if __name__ == "__main__":
    main()
