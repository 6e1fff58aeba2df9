"""Throughput of quoteattr against the bare spaCy pipeline it runs on.

    python benchmarks/throughput.py [PATH ...] [--words N] [--repeat K]

PATH may be text files or JSONL files with a "text" key per line (the evaluation format).
Without a path, a synthetic news-like corpus of about N words is generated. Prints words per
second for the bare parse and for ``Attributor.pipe``, and the overhead of the rules.
Target: the rules add at most 10% to the parse time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from quoteattr import Attributor

_NAMES = ["Anna Berg", "Tomas Kral", "Leila Haddad", "Owen Price", "Mei Chen", "Ravi Menon"]
_CUES = ["said", "told reporters", "added", "warned", "insisted", "argued"]
_CLAUSES = [
    "the budget would be approved before the summer",
    "talks with the union had broken down on Friday",
    "the new rail line will open two years late",
    "nobody could have predicted the scale of the flooding",
]


def synthetic(words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs, count = [], 0
    while count < words:
        paragraphs = []
        for _ in range(8):
            name, cue, clause = rng.choice(_NAMES), rng.choice(_CUES), rng.choice(_CLAUSES)
            paragraphs.append(
                rng.choice(
                    [
                        f"{name} {cue} that {clause}.",
                        f"“It is clear that {clause},” {name} {cue}.",
                        f"According to {name}, {clause}. The council met again on Monday.",
                        f"“We will see,” {cue} {name}, who has led the office since 2019.",
                    ]
                )
            )
        doc = "\n".join(paragraphs)
        docs.append(doc)
        count += len(doc.split())
    return docs


def load(paths: list[str]) -> list[str]:
    texts: list[str] = []
    for name in paths:
        path = Path(name)
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle if line.strip())
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of K runs")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)

    texts = load(args.paths) if args.paths else synthetic(args.words)
    words = sum(len(t.split()) for t in texts)
    attributor = Attributor(args.model)
    nlp = attributor.nlp
    list(attributor.pipe(texts[:2]))  # warm up

    def best(run) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)

    docs = list(nlp.pipe(texts))
    parse = best(lambda: list(nlp.pipe(texts)))
    rules_of = attributor.pipeline.rules
    rules = best(lambda: [rules_of.apply(d, d.text) for d in docs])
    total = best(lambda: list(attributor.pipe(texts)))
    print(f"texts: {len(texts)}, words: {words}, model: {nlp.meta.get('name')}")
    print(f"spaCy parse only      : {words / parse:10.0f} words/s")
    print(f"quoteattr, end to end : {words / total:10.0f} words/s  (Attributor.pipe)")
    print(f"rules alone           : {words / rules:10.0f} words/s")
    print(f"overhead of the rules : {100 * rules / parse:.1f}% of the parse time (target <= 10%)")
    print(f"end to end vs parse   : {100 * (total / parse - 1):+.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
