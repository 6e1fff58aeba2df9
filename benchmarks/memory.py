"""Time and peak memory of ``Attributor.analyze`` on one long news-like document.

    python benchmarks/memory.py [--chars N] [--max-chunk-chars K] [--seed S] [--no-tracemalloc]

Generates a document of about N characters (default 2,000,000: twice spaCy's max_length)
from news-like paragraphs (cued quotes, continuations across paragraphs, pronouns, indirect
speech, headlines), runs ``Attributor(max_chunk_chars=K).analyze`` on it once and prints the
wall time, the peak resident set size of the process (``resource.getrusage``) and the peak of
Python allocations during the run (``tracemalloc``, which also sees numpy's buffers).
tracemalloc slows the run by roughly a third; ``--no-tracemalloc`` gives the plain time.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc

from quoteattr import Attributor

_PEOPLE = [
    ("Anna", "Berg", "she", "minister"),
    ("Tomas", "Kral", "he", "mayor"),
    ("Leila", "Haddad", "she", "spokeswoman"),
    ("Owen", "Price", "he", "union leader"),
    ("Mei", "Chen", "she", "economist"),
    ("Ravi", "Menon", "he", "chief executive"),
    ("Sofia", "Lindqvist", "she", "senator"),
    ("Daniel", "Okafor", "he", "police chief"),
]
_ORGS = ["the Finance Ministry", "Northwind Rail", "the City Council", "the Harbour Authority"]
_CUES = ["said", "told reporters", "added", "warned", "insisted", "argued", "explained"]
_CLAUSES = [
    "the budget would be approved before the summer",
    "talks with the union had broken down on Friday",
    "the new rail line will open two years late",
    "nobody could have predicted the scale of the flooding",
    "the company would cut four hundred jobs by March",
    "the inquiry would publish its findings within weeks",
]
_FILLER = [
    "The council met again on Monday to discuss the plan.",
    "Shares in the company fell 3 percent in early trading.",
    "The storm left thousands of homes without power overnight.",
    "Officials did not respond to a request for comment.",
    "The figures were published by the statistics office on Tuesday.",
]


def _paragraph(rng: random.Random) -> str:
    first, last, pronoun, role = rng.choice(_PEOPLE)
    cue, clause = rng.choice(_CUES), rng.choice(_CLAUSES)
    org = rng.choice(_ORGS)
    options = [
        f"{first} {last}, the {role}, {cue} that {clause}.",
        f"“It is clear that {clause},” {first} {last} {cue}.",
        f"“We will see,” {cue} {last}, who has led {org} since 2019. “Nothing is decided.”",
        f"According to {org}, {clause}. {rng.choice(_FILLER)}",
        f"{last} said {clause}. {pronoun.capitalize()} added: “We are ready.”",
        f"“This is not over,” the {role} said.\n\n“We will keep fighting for every job.”",
        f"Mr. {last} told {org} that {clause}." if pronoun == "he" else rng.choice(_FILLER),
        rng.choice(_FILLER),
    ]
    return rng.choice(options)


def news_document(chars: int, seed: int = 11) -> str:
    """About ``chars`` characters of news: articles of a headline and 6-14 paragraphs."""
    rng = random.Random(seed)
    articles: list[str] = []
    total = 0
    while total < chars:
        _, last, _, role = rng.choice(_PEOPLE)
        lines = [f"{role.title()} {last} under pressure over {rng.choice(_ORGS)[4:]}"]
        lines += [_paragraph(rng) for _ in range(rng.randint(6, 14))]
        article = "\n\n".join(lines)
        articles.append(article)
        total += len(article) + 3
    return "\n\n\n".join(articles)[:chars]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--max-chunk-chars", type=int, default=None)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args(argv)

    attributor = Attributor(max_chunk_chars=args.max_chunk_chars)
    attributor.analyze("Warm-up: “Hello,” she said.")
    text = news_document(args.chars, args.seed)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if not args.no_tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    result = attributor.analyze(text)
    elapsed = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else None
    tracemalloc.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    scale = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes
    print(f"document: {len(text):,} characters, {len(text.split()):,} words")
    limit = args.max_chunk_chars or "default"
    print(f"max_chunk_chars: {limit}")
    print(f"quotes: {len(result.quotes):,}  entities: {len(result.entities):,}")
    print(f"wall time: {elapsed:.1f} s ({len(text) / elapsed / 1000:.1f} k characters/s)")
    print(f"peak RSS: {peak * scale / 2**20:.0f} MiB (after loading the model: "
          f"{before * scale / 2**20:.0f} MiB)")  # fmt: skip
    if traced is not None:
        print(f"tracemalloc peak during analyze: {traced / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
