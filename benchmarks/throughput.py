"""Throughput of quoteattr against the bare spaCy pipeline it runs on.

    python benchmarks/throughput.py [PATH ...] [--words N] [--repeat K]

PATH may be text files or JSONL files with a "text" key per line (the evaluation format).
Without a path, a synthetic news-like corpus of about N words is generated. Prints words per
second for the bare parse, for ``Attributor.pipe`` and for the rules alone, by wall and by
CPU time, and the overhead of the rules. Target: the rules add at most 10% to the parse
time, compared by CPU time (on a shared machine the wall times also count the time other
processes hold the cores).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from quoteattr import Attributor
from quoteattr.text.sanitize import prepare

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
    list(attributor.pipe(texts[:2]))  # warm up: the model and the data files load here

    def best(run) -> tuple[float, float]:
        """The best wall time and the best CPU time of K runs. The CPU time is the one
        to compare on a shared machine: it leaves out the time other processes hold a core."""
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        return min(walls), min(cpus)

    # The rules are timed alone on the parses the pipeline itself makes (sanitised text,
    # line breaks as sentence ends), each with its text already at hand as in the pipeline:
    # ``doc.text`` rebuilds the string from every token, a cost the pipeline never pays.
    pipeline = attributor.pipeline
    clean = [prepare(t).text for t in texts]
    docs = list(pipeline.parser.parse_many(clean, 64))
    parse = best(lambda: list(nlp.pipe(texts)))
    rules = best(lambda: [pipeline.rules.apply(d, t) for d, t in zip(docs, clean, strict=True)])
    total = best(lambda: list(attributor.pipe(texts)))
    print(f"texts: {len(texts)}, words: {words}, model: {nlp.meta.get('name')}")
    print("                         words/s (wall)   words/s (CPU)")
    for name, (wall, cpu) in (
        ("spaCy parse only", parse),
        ("quoteattr, end to end", total),
        ("rules alone", rules),
    ):
        print(f"{name:22s}: {words / wall:14.0f} {words / cpu:15.0f}")
    print(
        f"overhead of the rules : {100 * rules[1] / parse[1]:.1f}% of the parse time "
        f"(CPU; target <= 10%), {100 * rules[0] / parse[0]:.1f}% by wall time"
    )
    print(f"end to end vs parse   : {100 * (total[1] / parse[1] - 1):+.1f}% (CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
