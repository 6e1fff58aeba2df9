"""Pair quotation marks in raw text: pure string work, no NLP model.

Why the rules are as they are
=============================

Real text breaks every tidy rule about quotation marks, so the pairing is a single left-to-right
pass over the marks with a small stack, guided by local context and a little look-ahead:

* **Styles.** Each style (``“…”``, ``„…“``, ``«…»``, ``»…«``, ``「…」``, straight ``"…"`` …) is an
  entry of :data:`QUOTE_STYLES`; an opener is closed only by its own style's closers, so ``“`` is
  an English opener *and* the German closer of ``„``, and ``«``/``»`` serve both the French and
  the reversed (German/Danish) order. We also read the NYT convention ``''…''`` (and
  ``\\`\\`…''``), common in the news corpora this library targets.
* **Flanking.** Whether a mark can open or close comes from its neighbours: an opener has
  whitespace (or an opening bracket, dash or another mark) before it and text after it; a
  closer the reverse. Marks with space on both sides (tokenised text such as
  ``" Good night , " he said``) are decided by state: they close an open quote of their style,
  or else open one. Straight double quotes simply alternate within a paragraph.
* **Apostrophes.** ``'`` ``’`` ``‘`` ``ʼ`` are apostrophes inside words (``isn’t``,
  ``o’clock``), before elided words and years (``’em``, ``’tis``, ``’90s``, ``rock ’n’
  roll``) and before tokenised clitics (``I 'm``, ``he 's``, ``' s``). After a word they are
  ambiguous (``the boys’ toys`` vs ``‘the boys’``): they close a single quote that is open on
  top of the stack and are apostrophes otherwise. A straight ``'`` opener that is never
  closed is taken to have been an apostrophe after all (no span; its nested spans are kept).
* **Nesting.** A quote opened while another is open becomes an ``inner`` span only if a
  closer of its own style comes before the next closer of the enclosing quote; this keeps
  tokenised elisions (``t ' ee``) out of dialogue. Nesting depth is capped (:data:`MAX_DEPTH`).
* **Lines and paragraphs.** Any line break may be a paragraph break (news often uses one
  ``\\n``; LitBank puts one sentence per line). At a line break with a quote still open:
  if the next line starts with an opener of the same style, that is the news convention of
  re-opening every paragraph of a long quotation, so the open span is cut there with
  ``continues=True``; otherwise the quote runs on to the next line only if a closer of its
  style comes before any opener of its style and before the next blank line, else it ends,
  unclosed, at the end of its line. A blank line always ends every open quote (as unclosed,
  or ``continues=True`` when the next paragraph re-opens it).
* **Cost.** Marks are found with one regular expression, look-ahead uses pointers that only
  move forward, and per-mark context checks read a bounded number of characters, so the whole
  pass is linear in the length of the text and never raises on odd input.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

__all__ = [
    "APOSTROPHE_CHARS",
    "MAX_DEPTH",
    "QUOTE_STYLES",
    "QuoteStyle",
    "QuotedSpan",
    "find_quoted_spans",
    "is_apostrophe",
]


@attrs.frozen
class QuotedSpan:
    """One quotation found in the text; all offsets index the caller's string."""

    start: int  # offset of the opening mark
    end: int  # just past the closing mark; == content_end when unclosed
    content_start: int  # just past the opening mark
    content_end: int  # offset of the closing mark, or paragraph end (whitespace excluded)
    open_mark: str
    close_mark: str | None  # None when unclosed
    continues: bool = False  # cut by a paragraph end; the next paragraph re-opens it
    inner: tuple[QuotedSpan, ...] = ()  # quotes nested inside this one


@attrs.frozen
class QuoteStyle:
    """Which marks open and which close one kind of quotation."""

    name: str
    openers: tuple[str, ...]
    closers: tuple[str, ...]


# --- Mark tables -------------------------------------------------------------------------------

QUOTE_STYLES: tuple[QuoteStyle, ...] = (
    QuoteStyle("english_double", ("“",), ("”",)),
    QuoteStyle("low_double", ("„",), ("“", "”")),  # German „…“, Polish/Hungarian „…”
    QuoteStyle("straight_double", ('"',), ('"',)),
    QuoteStyle("fullwidth_double", ("＂",), ("＂",)),
    QuoteStyle("double_apostrophe", ("''", "``"), ("''",)),  # NYT ''…'', PTB ``…''
    QuoteStyle("english_single", ("‘",), ("’",)),
    QuoteStyle("low_single", ("‚",), ("‘", "’")),
    QuoteStyle("straight_single", ("'",), ("'",)),
    QuoteStyle("guillemet", ("«",), ("»",)),  # French
    QuoteStyle("guillemet_reversed", ("»",), ("«",)),  # German, Danish
    QuoteStyle("single_guillemet", ("‹",), ("›",)),
    QuoteStyle("single_guillemet_reversed", ("›",), ("‹",)),
    QuoteStyle("cjk_corner", ("「",), ("」",)),
    QuoteStyle("cjk_white_corner", ("『",), ("』",)),
)

_STYLE_INDEX: dict[str, int] = {s.name: i for i, s in enumerate(QUOTE_STYLES)}
_STRAIGHT_SINGLE = _STYLE_INDEX["straight_single"]

#: mark -> index of the style it opens (each mark opens at most one style)
OPENS: dict[str, int] = {m: i for i, s in enumerate(QUOTE_STYLES) for m in s.openers}
#: mark -> indexes of the styles it can close
CLOSES: dict[str, tuple[int, ...]] = {}
for _i, _style in enumerate(QUOTE_STYLES):
    for _m in _style.closers:
        CLOSES[_m] = (*CLOSES.get(_m, ()), _i)
del _i, _style, _m

#: Marks that open and close the same style: paired by alternation, not by direction.
SYMMETRIC_MARKS = frozenset({'"', "＂", "''"})
#: Marks that mean one thing whatever surrounds them.
UNAMBIGUOUS_OPENERS = frozenset({"„", "‚", "``", "「", "『"})
UNAMBIGUOUS_CLOSERS = frozenset({"”", "」", "』"})
#: Characters that are sometimes an apostrophe rather than a quotation mark.
APOSTROPHE_CHARS = frozenset({"'", "’", "‘", "ʼ"})
#: Styles whose opener at the start of a paragraph may re-open an unclosed quotation.
_NO_REOPEN = frozenset({_STRAIGHT_SINGLE})

#: Deepest nesting tracked; openers beyond it are ignored (keeps closer search O(1)).
MAX_DEPTH = 4

#: Words an apostrophe elides the start of (or tokenised clitics): ’em, ’tis, I 'm, he 's.
ELIDED_WORDS = frozenset(
    [
        "em",
        "tis",
        "twas",
        "twere",
        "twill",
        "twould",
        "til",
        "cause",
        "bout",
        "nuff",
        "n",
        "s",
        "m",
        "d",
        "ll",
        "re",
        "ve",
        "t",
    ]
)
#: Short lowercase words that may stand before a tokenised opening quote: ``said to ' X '``.
#: Other one- or two-letter lowercase fragments before a spaced ``'`` are dialect elisions
#: (``o ' t``, ``wi ' me``, ``gr ' t``).
COMMON_SHORT_WORDS = frozenset(
    [
        "a",
        "am",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "ah",
        "ha",
        "hi",
        "lo",
    ]
)

_MARK_CHARS = "\"＂'‘’‚“”„«»‹›「」『』"
_LINE_BREAK = r"\r\n|[\n\r\u2028\u2029\x85]"
_HSPACE = r"[^\S\n\r\u2028\u2029\x85]*"
_TOKEN_RE = re.compile("'''|''|``|[" + re.escape(_MARK_CHARS) + "]|" + _LINE_BREAK)
_BLANK_AFTER_RE = re.compile(_HSPACE + "(?:" + _LINE_BREAK + ")")
_BLANK_LINE_RE = re.compile("(?:" + _LINE_BREAK + ")" + _HSPACE + "(?:" + _LINE_BREAK + ")")
_SPACE_RE = re.compile(r"\s*")
_LINE_BREAKS = frozenset({"\r\n", "\n", "\r", "\u2028", "\u2029", "\x85"})

# --- Flanking ------------------------------------------------------------------------------------
# Every character gets a one-letter class; a mark's shape comes from its neighbours' classes.
_WS, _OPEN_P, _CLOSE_P, _BOTH_P, _QUOTE, _OTHER = "WOCBQA"
_CLASS_OF: dict[str, str] = {}
_CLASS_OF.update(dict.fromkeys("([{<¿¡", _OPEN_P))
_CLASS_OF.update(dict.fromkeys(".,;!?)]}>…%、。，．；！？）", _CLOSE_P))
# dashes, slash and colon may stand before an opener or after a closer: 'said:"No"', '"Yes"—'
_CLASS_OF.update(dict.fromkeys("-‐‑‒–—―/:：", _BOTH_P))
_CLASS_OF.update(dict.fromkeys(_MARK_CHARS + "ʼ`", _QUOTE))
_OPEN_CONTEXT = frozenset({_WS, _OPEN_P, _BOTH_P, _QUOTE})
_CLOSE_CONTEXT = frozenset({_WS, _CLOSE_P, _BOTH_P, _QUOTE})


class _ClassMap(dict):  # type: ignore[type-arg]
    """``str.translate`` table, code point -> class letter, filled lazily (lookups stay in C)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        cls = _CLASS_OF.get(ch) or (_WS if ch.isspace() else _OTHER)
        if len(self) < 65536:  # bound the cache on pathological input
            self[code] = cls
        return cls


_CLASS_MAP = _ClassMap()


def _classes(text: str) -> str:
    """Class letters of ``text``, padded with a space class: ``cls[k + 1]`` is ``text[k]``'s."""
    return _WS + text.translate(_CLASS_MAP) + _WS


# Shapes: L = opening position, R = closing position, S = both (e.g. spaced), N = inside a word.
_L, _R, _S, _N = range(4)
_SHAPE_OF: dict[str, int] = {}
for _p in "WOCBQA":
    for _n in "WOCBQA":
        _lo, _rc = _p in _OPEN_CONTEXT, _n in _CLOSE_CONTEXT
        _SHAPE_OF[_p + _n] = _S if _lo and _rc else _L if _lo else _R if _rc else _N
del _p, _n, _lo, _rc


def _shape(text: str, i: int, j: int) -> int:
    """Flanking shape of the mark ``text[i:j]``."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    return _SHAPE_OF[prev.translate(_CLASS_MAP) + nxt.translate(_CLASS_MAP)]


# --- Apostrophes ---------------------------------------------------------------------------------
_NOT_APOS, _APOS, _MAYBE = range(3)
_WORD_SCAN = 24  # bounded look-around keeps the work per mark O(1)
_INF = 1 << 62


def _word_after(text: str, k: int) -> str:
    """The run of letters starting at k (bounded)."""
    end = min(len(text), k + _WORD_SCAN)
    j = k
    while j < end and text[j].isalpha():
        j += 1
    return text[k:j]


def _word_before(text: str, k: int) -> str:
    """The run of letters ending just before k (bounded)."""
    start = max(0, k - _WORD_SCAN)
    j = k
    while j > start and text[j - 1].isalpha():
        j -= 1
    return text[j:k]


def _skip_spaces(text: str, k: int, step: int) -> int:
    """First non-space at or after k (step 1), or just past the last non-space before k (-1)."""
    n = len(text)
    for _ in range(_WORD_SCAN):
        if step > 0:
            if k >= n or not text[k].isspace():
                break
        elif k <= 0 or not text[k - 1].isspace():
            break
        k += step
    return k


def _elided(text: str, k: int) -> bool:
    """Does an apostrophe just before k elide something: ’em, ’tis, 'm, ’90s, ’n’?"""
    n = len(text)
    if k < n and text[k].isdigit():
        j = k
        while j < n and j < k + 3 and text[j].isdigit():
            j += 1
        return j - k == 2
    word = _word_after(text, k)
    end = k + len(word)
    return word.lower() in ELIDED_WORDS and (end >= n or not text[end].isalnum())


def _apostrophe_verdict(text: str, i: int, shape: int) -> int:
    """Local verdict on ' ‘ ’ ʼ at i: an apostrophe, not one, or up to the pairing state.

    Why local: it reads a bounded number of characters around i, so it is O(1); whether an
    ambiguous "s’ " closes a quote is settled by the caller, who knows what is open.
    """
    if text[i] == "ʼ" or shape == _N:
        return _APOS  # isn’t, o’clock, people’s
    n = len(text)
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < n else " "
    if shape == _L:
        return _APOS if _elided(text, i + 1) else _NOT_APOS
    if shape == _R:
        if prev.isalnum():
            # the second mark of rock ’n’ roll
            if prev in "nN" and i >= 2 and text[i - 2] in APOSTROPHE_CHARS:
                if i < 3 or not text[i - 3].isalnum():
                    return _APOS
            return _MAYBE  # the boys’ toys, or ‘the boys’
        return _NOT_APOS
    if not (prev.isspace() and nxt.isspace()):
        return _NOT_APOS  # squeezed between marks or brackets
    # tokenised text: a space on each side
    after = _skip_spaces(text, i + 1, 1)
    if _elided(text, after):
        return _APOS  # I ' m, ' em, ' T is
    word = _word_before(text, _skip_spaces(text, i, -1))
    if word.islower():
        if len(word) <= 2 and word not in COMMON_SHORT_WORDS:
            return _APOS  # o ' t, wi ' me, gr ' t
        if len(word) >= 4 and word.endswith("in") and not text[after : after + 1].isupper():
            return _APOS  # takin ' , stealin '
    if word[-1:] in ("s", "S"):
        return _MAYBE  # the Justices ' courts, or the end of ' the boys '
    return _NOT_APOS


# --- What each mark may do ---------------------------------------------------------------------
# A decision is (open_style, close_styles, prefer_open, top_only, opener_candidate):
#   open_style        the style the mark may open here, -1 for none (-2 marks a line break)
#   close_styles      the styles it may close here
#   prefer_open       open a nested quote rather than close, when nesting is plausible
#   top_only          may close only the innermost open quote (apostrophe-like marks)
#   opener_candidate  counts as a sure opener in the line-continuation look-ahead
_Decision = tuple[int, tuple[int, ...], bool, bool, bool]
_BREAK_DECISION: _Decision = (-2, (), False, False, False)
_Token = tuple[int, str, _Decision]  # (offset, mark, decision)


def _decide(mark: str, shape: int, verdict: int = _NOT_APOS) -> _Decision | None:
    """What ``mark`` in a given shape may do; None when it is no quotation mark at all."""
    open_style = OPENS.get(mark, -1)
    close_styles = CLOSES.get(mark, ())
    if mark in SYMMETRIC_MARKS:
        # straight double quotes alternate: any shape closes; L and S may open
        can_open = shape in (_L, _S)
        return (open_style if can_open else -1, close_styles, False, False, shape == _L)
    if mark in UNAMBIGUOUS_OPENERS or mark in UNAMBIGUOUS_CLOSERS:
        return (open_style, close_styles, False, False, open_style >= 0)
    if mark in APOSTROPHE_CHARS:
        if verdict == _APOS:
            return None
        if verdict == _MAYBE:
            return (-1, close_styles, False, True, False)
        if mark == "'":
            can_open = shape in (_L, _S)
            return (open_style if can_open else -1, close_styles, shape == _L, True, shape == _L)
        can_open = open_style >= 0 and shape != _R
        return (
            open_style if can_open else -1,
            close_styles if shape != _L else (),
            can_open and shape == _L,
            True,
            can_open,
        )
    # “ « » ‹ ›: open one style and close another; the direction decides
    can_open = shape != _R
    return (
        open_style if can_open else -1,
        close_styles if shape != _L else (),
        shape == _L,
        False,
        can_open,
    )


# mark + class before + class after -> decision, for every mark that is never an apostrophe
_DECISIONS: dict[str, _Decision | None] = {
    mark + p + n: _decide(mark, _SHAPE_OF[p + n])
    for mark in (*_MARK_CHARS, "''", "``")
    if mark not in APOSTROPHE_CHARS
    for p in "WOCBQA"
    for n in "WOCBQA"
}


def _slow_decision(text: str, cls: str, i: int, mark: str) -> _Decision | None:
    """Decision for a mark that needs more context than its neighbours' classes."""
    shape = _SHAPE_OF[cls[i] + cls[i + len(mark) + 1]]
    if mark in APOSTROPHE_CHARS:
        return _decide(mark, shape, _apostrophe_verdict(text, i, shape))
    return _decide(mark, shape)


def _tokens(text: str, lo: int, hi: int) -> list[_Token]:
    """Candidate marks and line breaks in ``text[lo:hi]``, in order."""
    cls = _classes(text)
    decisions = _DECISIONS
    tokens: list[_Token] = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(text, lo, hi):
        i = m.start()
        mark = m.group()
        d = decisions.get(mark + cls[i] + cls[i + len(mark) + 1])
        if d is not None:
            append((i, mark, d))
        elif mark in _LINE_BREAKS:
            append((i, mark, _BREAK_DECISION))
        elif mark == "'''":
            # ,''' closes a single then a double; ''' before a word opens a double then a single
            if cls[i] in _OPEN_CONTEXT:
                parts: tuple[tuple[int, str], ...] = ((i, "''"), (i + 2, "'"))
            else:
                parts = ((i, "'"), (i + 1, "''"))
            for k, part in parts:
                d = _slow_decision(text, cls, k, part)
                if d is not None:
                    append((k, part, d))
        else:
            d = _slow_decision(text, cls, i, mark)
            if d is not None:
                append((i, mark, d))
    return tokens


# --- Pairing -------------------------------------------------------------------------------------


class _Cursor:
    """Next offset > p in a sorted list, for non-decreasing p (amortised O(1) per query)."""

    __slots__ = ("i", "items")

    def __init__(self, items: list[int]) -> None:
        self.items = items
        self.i = 0

    def next_after(self, p: int, skip: int = 0) -> int:
        items = self.items
        i = self.i
        n = len(items)
        while i < n and items[i] <= p:
            i += 1
        self.i = i
        i += skip
        return items[i] if i < n else _INF


def _rstrip_to(text: str, at: int, floor: int) -> int:
    """Offset just past the last non-space before ``at``, but not below ``floor``."""
    while at > floor and text[at - 1].isspace():
        at -= 1
    return at


class _Scanner:
    """One left-to-right pass over the marks of ``text[lo:hi]`` with a stack of open quotes."""

    def __init__(self, text: str, lo: int, hi: int, track_used: bool = False) -> None:
        self.text = text
        self.hi = hi
        self.tokens = tokens = _tokens(text, lo, hi)
        n_styles = len(QUOTE_STYLES)
        closers: list[list[int]] = [[] for _ in range(n_styles)]
        openers: list[list[int]] = [[] for _ in range(n_styles)]
        blanks: list[int] = []
        blank_after = _BLANK_AFTER_RE.match
        for pos, mark, d in tokens:
            if d is _BREAK_DECISION:
                if blank_after(text, pos + len(mark)):
                    blanks.append(pos)
                continue
            for s in d[1]:
                closers[s].append(pos)
            if d[4]:
                openers[d[0]].append(pos)
        self.closers = [_Cursor(c) for c in closers]
        self.openers = [_Cursor(o) for o in openers]
        self.blanks = _Cursor(blanks)
        self.blank_set = frozenset(blanks)
        # stack entries: [style, start, content_start, open_mark, inner spans]
        self.stack: list[list[Any]] = []
        self.out: list[QuotedSpan] = []
        self.used: set[int] | None = set() if track_used else None

    # -- building spans -----------------------------------------------------------------------

    def _attach(self, span: QuotedSpan) -> None:
        if self.stack:
            self.stack[-1][4].append(span)
        else:
            self.out.append(span)

    def _terminate_top(self, at: int, continues: bool = False) -> None:
        """Pop the innermost quote as unclosed, ending at ``at`` minus trailing whitespace."""
        style, start, cstart, omark, inner = self.stack.pop()
        if style == _STRAIGHT_SINGLE:
            # an unclosed straight ' was an apostrophe after all; keep what it held
            if self.stack:
                self.stack[-1][4].extend(inner)
            else:
                self.out.extend(inner)
            return
        cend = _rstrip_to(self.text, at, cstart)
        if self.used is not None:
            self.used.add(start)
        self._attach(QuotedSpan(start, cend, cstart, cend, omark, None, continues, tuple(inner)))

    def _close(self, depth: int, pos: int, mark: str) -> None:
        """Close the quote at stack ``depth`` with ``mark`` at ``pos``; cut the ones inside it."""
        stack = self.stack
        while len(stack) > depth + 1:
            self._terminate_top(pos)
        _style, start, cstart, omark, inner = stack.pop()
        span = QuotedSpan(start, pos + len(mark), cstart, pos, omark, mark, False, tuple(inner))
        if stack:
            stack[-1][4].append(span)
        else:
            self.out.append(span)
        if self.used is not None:
            self.used.add(start)
            self.used.add(pos)

    # -- look-ahead ---------------------------------------------------------------------------

    def _can_nest(self, style: int, pos: int) -> bool:
        """May a quote of ``style`` open at ``pos`` inside the innermost open quote?

        Why: an inner quote must be able to close before its container does, which keeps
        tokenised elisions (``" Good night t ' ee , "``) and stray marks out of nesting.
        """
        if len(self.stack) >= MAX_DEPTH:
            return False
        outer = self.stack[-1][0]
        block_end = self.blanks.next_after(pos)
        if style == outer:  # the same style nested needs two closers ahead
            return self.closers[style].next_after(pos, 1) < block_end
        mine = self.closers[style].next_after(pos)
        return mine < block_end and mine < self.closers[outer].next_after(pos)

    def _runs_on(self, style: int, pos: int) -> bool:
        """Should a quote still open at the line break ``pos`` run on to the next line?

        Why: only if its closer comes before any new opener of its style and before the next
        blank line; otherwise the line ended an unclosed quote.
        """
        c = self.closers[style].next_after(pos)
        return c < self.openers[style].next_after(pos) and c < self.blanks.next_after(pos)

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> list[QuotedSpan]:
        tokens = self.tokens
        stack = self.stack
        can_nest = self._can_nest
        for idx, (pos, mark, d) in enumerate(tokens):
            open_style, close_styles, prefer_open, top_only, _ = d
            if open_style == -2:
                if stack:
                    self._line_break(idx, pos + len(mark))
                continue
            if close_styles and stack:
                target = -1
                if stack[-1][0] in close_styles:
                    target = len(stack) - 1
                elif not top_only:
                    for k in range(len(stack) - 2, -1, -1):
                        if stack[k][0] in close_styles:
                            target = k
                            break
                if target >= 0:
                    if prefer_open and can_nest(open_style, pos):
                        stack.append([open_style, pos, pos + len(mark), mark, []])
                    else:
                        self._close(target, pos, mark)
                    continue
            if open_style >= 0 and (not stack or can_nest(open_style, pos)):
                stack.append([open_style, pos, pos + len(mark), mark, []])
        while stack:
            self._terminate_top(self.hi)
        return self.out

    def _line_break(self, idx: int, end: int) -> None:
        """Decide, at a line break with quotes open, which of them go on to the next line."""
        stack = self.stack
        tokens = self.tokens
        pos = tokens[idx][0]
        # the style, if any, that the next line starts by opening
        first = _SPACE_RE.match(self.text, end).end()  # type: ignore[union-attr]
        nxt = idx + 1
        while nxt < len(tokens) and tokens[nxt][2] is _BREAK_DECISION:
            nxt += 1
        line_opens = tokens[nxt][2][0] if nxt < len(tokens) and tokens[nxt][0] == first else -1
        bottom = stack[0][0]
        if line_opens == bottom and bottom not in _NO_REOPEN:
            # the news convention: the next paragraph re-opens the same quotation
            while len(stack) > 1:
                self._terminate_top(pos)
            self._terminate_top(pos, continues=True)
            return
        if pos in self.blank_set or line_opens == bottom or not self._runs_on(bottom, pos):
            while stack:
                self._terminate_top(pos)
            return
        while len(stack) > 1 and (
            line_opens == stack[-1][0] or not self._runs_on(stack[-1][0], pos)
        ):
            self._terminate_top(pos)


# --- Public API --------------------------------------------------------------------------------


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Top-level quotations in ``text``, sorted by start and never overlapping.

    Quotes nested in a quote are in its ``inner``. Linear time; never raises on odd input.
    """
    if not text:
        return []
    return _Scanner(text, 0, len(text)).run()


def is_apostrophe(text: str, i: int) -> bool:
    """Is ``text[i]`` (one of ’ ' ‘ ʼ) an apostrophe rather than a quotation mark?

    Clear cases are settled from the characters around ``i``. Ambiguous ones (``the boys’
    toys``, tokenised ``' Good night , '``) are settled as :func:`find_quoted_spans` settles
    them, by pairing the marks of the blank-line-separated paragraph that holds ``i``, so the
    two functions always agree. Any other character, or an index out of range, gives False.
    """
    if not 0 <= i < len(text) or text[i] not in APOSTROPHE_CHARS:
        return False
    ch = text[i]
    if ch == "ʼ":
        return True
    in_double = ch == "'" and (text[i - 1 : i] == "'" or text[i + 1 : i + 2] == "'")
    if not in_double and _apostrophe_verdict(text, i, _shape(text, i, i + 1)) == _APOS:
        return True
    lo = 0
    for m in _BLANK_LINE_RE.finditer(text, 0, i + 1):
        if m.end() <= i:
            lo = m.end()
    nxt = _BLANK_LINE_RE.search(text, i)
    hi = nxt.start() if nxt else len(text)
    scanner = _Scanner(text, lo, hi, track_used=True)
    scanner.run()
    used = scanner.used or set()
    if in_double:  # a ' that belongs to a used '' mark is a quotation mark
        return not ({i, i - 1} & used)
    return i not in used
