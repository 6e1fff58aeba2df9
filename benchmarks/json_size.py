"""Size of the JSON output, and the memory used to write it, for one speaker with many quotes.

    python benchmarks/json_size.py [--chars N] [--quotes Q]

Builds a transcript of about N characters (default 1,000,000) in which one speaker has about
Q quotes (default 10,000), analyses it, and writes the document JSON (``Attribution.to_dict``)
and the per-quote JSONL records (``Quote.to_dict``) to temporary files. Prints each size as a
multiple of the text's size (target: under 40x) and the peak of Python allocations while
writing (``tracemalloc``), beside the process's peak RSS. Schema 1 embedded the speaker's
whole entity, every mention included, in every quote: quadratic in the number of quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
import tracemalloc

from quoteattr import Attributor

_LINES = [
    "We have to be honest about what the storm did to the harbour",
    "Nobody in this town should pay twice for the same wall",
    "The engineers told us the work would take two winters",
    "I have said this before and I will say it again",
    "The council cannot wait for another report",
]


def transcript(chars: int, quotes: int, seed: int = 3) -> str:
    """Mostly the speaker's quotes, each cued by name or pronoun, with some narration."""
    rng = random.Random(seed)
    parts = ["Minutes of the harbour inquiry. Chair: Ada Byron.\n\n"]
    size = len(parts[0])
    for i in range(quotes):
        cue = "said Ada Byron" if i % 5 == 0 else rng.choice(["she said", "Byron said"])
        parts.append(f"“{rng.choice(_LINES)},” {cue}.\n\n")
        size += len(parts[-1])
    filler = "The inquiry adjourned for a short break and resumed in the afternoon. "
    while size < chars:
        parts.append(filler)
        size += len(filler)
    return "".join(parts)[:chars]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--quotes", type=int, default=10_000)
    args = parser.parse_args(argv)

    text = transcript(args.chars, args.quotes)
    attributor = Attributor()
    started = time.perf_counter()
    result = attributor.analyze(text)
    elapsed = time.perf_counter() - started
    top = max(result.entities, key=lambda e: len(e.mentions))
    spoken = sum(1 for q in result.quotes if q.speaker is top)
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as folder:
        document = os.path.join(folder, "doc.json")
        with open(document, "w", encoding="utf-8") as out:
            json.dump(result.to_dict(doc_id="transcript"), out, ensure_ascii=False)
        records = os.path.join(folder, "quotes.jsonl")
        with open(records, "w", encoding="utf-8") as out:
            for quote in result.quotes:
                out.write(json.dumps({"doc_id": "transcript", **quote.to_dict()}) + "\n")
        doc_size, jsonl_size = os.path.getsize(document), os.path.getsize(records)
    written_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    text_size = len(text.encode("utf-8"))
    print(f"text: {len(text):,} characters ({text_size:,} bytes); analyse: {elapsed:.1f} s")
    print(f"quotes: {len(result.quotes):,}; main speaker {top.name!r}: {spoken:,} quotes, "
          f"{len(top.mentions):,} mentions")  # fmt: skip
    print(f"document JSON: {doc_size:,} bytes = {doc_size / text_size:.1f}x the text")
    print(f"quote JSONL:   {jsonl_size:,} bytes = {jsonl_size / text_size:.1f}x the text")
    print(f"peak Python allocations while writing: {written_peak / 2**20:.0f} MiB")
    print(f"peak RSS of the process: {rss / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
