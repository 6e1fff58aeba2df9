"""Inputs that once made a stage quadratic: time each at two sizes; the ratio should be ~2.

Run: python benchmarks/linearity.py
A linear stage doubles its time when the input doubles; a quadratic one quadruples it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from quoteattr import Attributor
from quoteattr.text.marks import find_quoted_spans

MARKS = "\"'“”‘’«»‹›„‚「」"


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def random_marks(size: int) -> str:
    rng = random.Random(0)
    return "".join(rng.choice(MARKS + "  \n\nabc.,") for _ in range(size))


def news_story(paragraphs: int) -> str:
    """Many people, each named, described, quoted and referred back to: the speaker stage
    looks at every mention, so a per-mention cost that grows with the text shows here."""
    rng = random.Random(1)
    forenames = ["Ana", "Ben", "Clara", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jon"]
    surnames = ["Marsh", "Okafor", "Brandt", "Quist", "Tane", "Delacroix", "Fisk", "Holm"]
    out = []
    for i in range(paragraphs):
        name = f"{rng.choice(forenames)} {rng.choice(surnames)}{i % 7}"
        surname = name.split()[1]
        out.append(
            f"{name}, the council's finance director, said on Monday that the budget "
            f"would hold. “We have done the sums (twice),” {surname} told reporters. "
            f"She added that the mayor agreed, according to her office."
        )
    return "\n\n".join(out)


def rules_only(attributor: Attributor, text: str) -> Callable[[], object]:
    """The rules alone on a parse made beforehand, so the parser's own time does not hide
    them."""
    pipeline = attributor.pipeline
    doc = pipeline.parser.parse(text)
    return lambda: pipeline.rules.apply(doc, text)


def main() -> int:
    attributor = Attributor()
    cases: list[tuple[str, Callable[[int], Callable[[], object]]]] = [
        ("marks: random text", lambda n: lambda: find_quoted_spans(random_marks(n))),
        ("marks: opening run", lambda n: lambda: find_quoted_spans("“" * n + "”" * n)),
        ("marks: line of marks", lambda n: lambda: find_quoted_spans("“\n" * n)),
        ("analyze: run of marks", lambda n: lambda: attributor.analyze('"' * (n // 100))),
        ("rules: news, many people", lambda n: rules_only(attributor, news_story(n // 1000))),
    ]
    size = 200_000
    print(f"{'case':24} {'n':>9} {'time n':>8} {'time 2n':>8} {'ratio':>6}")
    for name, make in cases:
        one = timed(make(size))
        two = timed(make(2 * size))
        print(f"{name:24} {size:9d} {one:8.3f} {two:8.3f} {two / max(one, 1e-9):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
