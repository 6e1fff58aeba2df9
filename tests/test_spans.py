"""SpanSet: membership by binary search agrees with a plain scan."""

from __future__ import annotations

import random

from quoteattr.text.spans import SpanSet


def test_membership_agrees_with_a_scan() -> None:
    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(200), 2 * rng.randint(0, 8)))
        spans = list(zip(cuts[::2], cuts[1::2], strict=True))
        rng.shuffle(spans)
        found = SpanSet(spans)
        for offset in range(-2, 202):
            assert (offset in found) == any(a <= offset < b for a, b in spans)


def test_end_is_outside_and_empty_set_holds_nothing() -> None:
    assert 5 not in SpanSet([(2, 5)])
    assert 2 in SpanSet([(2, 5)])
    assert 0 not in SpanSet()
