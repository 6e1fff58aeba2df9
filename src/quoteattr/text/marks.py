"""Pair quotation marks in raw text: pure string work, no NLP model.

Why the rules are as they are
=============================

Real text breaks every tidy rule about quotation marks, so the pairing is a single left-to-right
pass over the marks with a small stack, guided by local context and a little look-ahead:

* **Styles.** Each style (``“…”``, ``„…“``, ``«…»``, ``»…«``, ``「…」``, straight ``"…"`` …) is an
  entry of :data:`QUOTE_STYLES`; an opener is closed only by its own style's closers, so ``“`` is
  an English opener *and* the German closer of ``„``, and ``«``/``»`` serve both the French and
  the reversed (German/Danish) order. We also read the New York Times convention of two
  apostrophes for a double quote (and the Penn Treebank form: two backticks to open), which
  the news corpora this library targets use.
* **Flanking.** Whether a mark can open or close comes from its neighbours: an opener has
  whitespace (or an opening bracket, dash, colon or another mark) before it and text after it; a
  closer the reverse. Marks with space on both sides (tokenised text such as
  ``" Good night , " he said``) are decided by state: they close an open quote of their style,
  or else open one. Straight double quotes simply alternate within a paragraph.
* **Apostrophes.** ``'`` ``’`` ``‘`` ``ʼ`` are apostrophes inside words (``isn’t``,
  ``o’clock``), before elided words and years (``’em``, ``’tis``, ``’90s``, ``rock ’n’
  roll``) and before tokenised clitics (``I 'm``, ``he 's``, ``' s``). After a word they are
  ambiguous (``the boys’ toys`` vs ``‘the boys’``): they close a single quote that is open on
  top of the stack and are apostrophes otherwise. A straight ``'`` opener that is never
  closed is taken to have been an apostrophe after all (no span; its nested spans are kept).
* **Nesting.** A quote opened inside another becomes an ``inner`` span if it closes before
  its container does. If the container closes, or the paragraph ends, first, the inner opener
  was no quotation mark (a tokenised elision such as ``t ' ee``, a stray or mistyped mark): it
  is dropped and its own nested spans move up a level. Only a mark that could equally close
  the open quote (``'I said 'no' to him'``) looks ahead: it nests only if two closers of its
  style follow in the paragraph. Nesting depth is capped (:data:`MAX_DEPTH`).
* **Lines and paragraphs.** Any line break may be a paragraph break (news often uses one
  ``\\n``; LitBank puts one sentence per line). At a line break with a quote still open:
  if the next line starts with an opener of the same style, that is the news convention of
  re-opening every paragraph of a long quotation, so the open span is cut there with
  ``continues=True``; otherwise the quote runs on to the next line only if a closer of its
  style comes before any opener of its style and before the next blank line, else it ends,
  unclosed, at the end of its line. A blank line always ends every open quote (as unclosed,
  or ``continues=True`` when the next paragraph re-opens it). A top-level quote that is never
  closed runs to the end of its paragraph, except a straight ``'``, which is taken to have
  been an apostrophe.
* **Left alone.** Mixed pairs such as ``“…"`` (common in some news feeds) are not paired,
  as an opener only takes its own style's closer: the ``“`` takes the next ``”`` or runs to
  the end of its paragraph.
  Dash-introduced dialogue (``-- Hello``) has no marks and is not found here.
* **Cost.** Each character is classified, and each mark's shape and table decision computed,
  with ``str.translate`` and integer operations; only apostrophe candidates next to a letter,
  spaced marks and two-character marks get Python-level checks, each reading a bounded
  number of characters. Look-ahead is a regex search whose answer is cached until the scan
  passes it. So the pass is linear in the length of the text and never raises on odd input.
"""

from __future__ import annotations

import re
from itertools import compress
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
    # Curly and straight double marks are often mixed in one quotation ("…” / “…"), so each
    # also closes the other's quotation.
    QuoteStyle("english_double", ("“",), ("”", '"')),
    QuoteStyle("low_double", ("„",), ("“", "”")),  # German „…“, Polish/Hungarian „…”
    QuoteStyle("straight_double", ('"',), ('"', "”")),
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
    # Swedish and Finnish ”…”, also a common slip for “…”: opens only before a word.
    QuoteStyle("right_double", ("”",), ("”",)),
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
UNAMBIGUOUS_CLOSERS = frozenset({"」", "』"})
#: Closers that open only in a left-flanking position (space before, word after).
LEFT_FLANKING_OPENERS = frozenset({"”"})
#: Characters that are sometimes an apostrophe rather than a quotation mark.
APOSTROPHE_CHARS = frozenset({"'", "’", "‘", "ʼ"})
#: Styles whose opener at the start of a paragraph may re-open an unclosed quotation.
_NO_REOPEN = frozenset({_STRAIGHT_SINGLE})

#: Deepest nesting tracked; openers beyond it are ignored (keeps the stack search O(1)).
MAX_DEPTH = 4

#: Words an apostrophe elides the start of (or tokenised clitics): ’em, ’tis, I 'm, he 's.
ELIDED_WORDS = frozenset(
    {"em", "tis", "twas", "twere", "twill", "twould", "til", "cause", "bout", "nuff"}
    | {"n", "s", "m", "d", "ll", "re", "ve", "t"}
)
#: Short lowercase words that may stand before a tokenised opening quote: ``said to ' X '``.
#: Other one- or two-letter lowercase fragments before a spaced ``'`` are dialect elisions
#: (``o ' t``, ``wi ' me``, ``gr ' t``).
COMMON_SHORT_WORDS = frozenset(
    {"a", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my"}
    | {"no", "of", "oh", "on", "or", "so", "to", "up", "us", "we", "ah", "ha", "hi", "lo"}
)

_MARK_CHARS = "\"＂'‘’‚“”„«»‹›「」『』"
_LINE_BREAK = r"\r\n|[\n\r\u2028\u2029\x85]"
_HSPACE = r"[^\S\n\r\u2028\u2029\x85]*"
_BLANK_AFTER_RE = re.compile(_HSPACE + "(?:" + _LINE_BREAK + ")")
_BLANK_LINE_RE = re.compile("(?:" + _LINE_BREAK + ")" + _HSPACE + "(?:" + _LINE_BREAK + ")")
_SPACE_RE = re.compile(r"\s*")

# --- Character classes and flanking ------------------------------------------------------------
# Every character gets a class; a mark's shape comes from the classes of its two neighbours.
_WS, _OPEN_P, _CLOSE_P, _BOTH_P, _QUOTE, _OTHER = range(6)
_CLASS_OF: dict[str, int] = {}
_CLASS_OF.update(dict.fromkeys("([{<¿¡", _OPEN_P))
_CLASS_OF.update(dict.fromkeys(".,;!?)]}>…%、。，．；！？）", _CLOSE_P))
# dashes, slash and colon may stand before an opener or after a closer: 'said:"No"', '"Yes"—'
_CLASS_OF.update(dict.fromkeys("-‐‑‒–—―/:：", _BOTH_P))
_CLASS_OF.update(dict.fromkeys(_MARK_CHARS + "ʼ`", _QUOTE))
_OPEN_CONTEXT = frozenset({_WS, _OPEN_P, _BOTH_P, _QUOTE})
_CLOSE_CONTEXT = frozenset({_WS, _CLOSE_P, _BOTH_P, _QUOTE})


def _char_set(*classes: int) -> str:
    """Regex character-set body for the characters of the given classes (whitespace aside)."""
    return "".join(re.escape(ch) for ch, cls in _CLASS_OF.items() if cls in classes)


_A = "[^\\s" + _char_set(_OPEN_P, _CLOSE_P, _BOTH_P, _QUOTE) + "]"  # a class-_OTHER character
_AFTER_OPENING = "(?<![^\\s" + _char_set(_OPEN_P, _BOTH_P, _QUOTE) + "])"
_BEFORE_CLOSING = "(?![^\\s" + _char_set(_CLOSE_P, _BOTH_P, _QUOTE) + "])"
#: Marks that need more than their neighbours' classes: multi-character marks, and apostrophe
#: candidates with a letter on their open side (’em, the boys’) or spaced (tokenised ' m).
_SLOW_RE = re.compile(
    "'''|''|``|\r\n"
    f"|{_AFTER_OPENING}['‘’](?={_A})"
    f"|(?<={_A})['‘’]{_BEFORE_CLOSING}"
    r"|(?<!\S)['‘’](?!\S)"
)


# Shapes: bit 1 = the character before may precede an opener, bit 2 = the one after may follow
# a closer. L = opening position, R = closing position, S = both (e.g. spaced), N = neither.
_N, _L, _R, _S = range(4)

# Per-character codes (one byte each): 0..5 a class, 8.. a mark or line-break character.
_TOKEN_CHARS = _MARK_CHARS + "`\n\r\u2028\u2029\x85"
_CODE_OF: dict[str, int] = {ch: 8 + k for k, ch in enumerate(_TOKEN_CHARS)}
_BREAK_CODES = frozenset(_CODE_OF[ch] for ch in "\n\r\u2028\u2029\x85")


def _neighbour_class(code: int) -> int:
    """Class of a character, given its code, when it stands next to a mark."""
    if code < 8:
        return code
    return _WS if code in _BREAK_CODES else _QUOTE


class _CodeMap(dict[int, str]):
    """``str.translate`` table, code point -> code character, filled lazily (lookups stay in C)."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        code = _CLASS_OF.get(ch)
        if code is None:
            code = _WS if ch.isspace() else _OTHER
        out = chr(code)
        if len(self) < 65536:  # bound the cache on pathological input
            self[cp] = out
        return out


_CODE_MAP = _CodeMap({ord(ch): chr(code) for ch, code in _CODE_OF.items()})
_PREV_OPEN = bytes(1 if _neighbour_class(c) in _OPEN_CONTEXT else 0 for c in range(256))
_NEXT_CLOSE = bytes(2 if _neighbour_class(c) in _CLOSE_CONTEXT else 0 for c in range(256))


def _class_at(text: str, k: int) -> int:
    """Neighbour class of text[k]; outside the text counts as whitespace."""
    if k < 0 or k >= len(text):
        return _WS
    return _neighbour_class(ord(text[k].translate(_CODE_MAP)))


def _shape(text: str, i: int, j: int) -> int:
    """Flanking shape of the mark ``text[i:j]``."""
    prev_open = _class_at(text, i - 1) in _OPEN_CONTEXT
    next_close = _class_at(text, j) in _CLOSE_CONTEXT
    return (1 if prev_open else 0) | (2 if next_close else 0)


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
        if not prev.isalnum():
            return _NOT_APOS
        # the second mark of rock ’n’ roll
        if (
            prev in "nN"
            and i >= 2
            and text[i - 2] in APOSTROPHE_CHARS
            and (i < 3 or not text[i - 3].isalnum())
        ):
            return _APOS
        return _MAYBE  # the boys’ toys, or ‘the boys’
    if not (prev.isspace() and nxt.isspace()):
        return _NOT_APOS  # squeezed between marks or brackets
    # tokenised text: a space on each side
    after = _skip_spaces(text, i + 1, 1)
    before = _skip_spaces(text, i, -1)
    if not text[after : after + 1].isalnum() and not text[before - 1 : before].isalpha():
        return _NOT_APOS  # no word on either side: a mark
    if _elided(text, after):
        return _APOS  # I ' m, ' em, ' T is
    word = _word_before(text, before)
    if word.islower():
        if len(word) <= 2 and word not in COMMON_SHORT_WORDS:
            return _APOS  # o ' t, wi ' me, gr ' t
        if len(word) >= 4 and word.endswith("in") and not text[after : after + 1].isupper():
            return _APOS  # takin ' , stealin '
    if word[-1:] in ("s", "S"):
        return _MAYBE  # the Justices ' courts, or the end of ' the boys '
    return _NOT_APOS


# --- What each mark may do ---------------------------------------------------------------------
# A decision is (open_style, close_styles, prefer_open, top_only, opener_candidate, mark, len):
#   open_style        the style the mark may open here, -1 for none (-2 marks a line break)
#   close_styles      the styles it may close here
#   prefer_open       open a nested quote rather than close, when nesting is plausible
#   top_only          may close only the innermost open quote (apostrophe-like marks)
#   opener_candidate  counts as a sure opener in the line-continuation look-ahead
_Decision = tuple[int, tuple[int, ...], bool, bool, bool, str, int]


def _decide(mark: str, shape: int, verdict: int = _NOT_APOS) -> _Decision | None:
    """What ``mark`` in a given shape may do; None when it is no quotation mark at all."""
    open_style = OPENS.get(mark, -1)
    close_styles = CLOSES.get(mark, ())
    can_open = open_style >= 0
    prefer_open = top_only = False
    if mark in SYMMETRIC_MARKS:
        # straight double quotes alternate: any shape closes; L and S may open
        can_open = shape in (_L, _S)
    elif mark in APOSTROPHE_CHARS:
        if verdict == _APOS:
            return None
        top_only = True
        if verdict == _MAYBE:
            can_open = False  # closes an open single quote, else an apostrophe
        elif mark == "'":
            can_open = shape in (_L, _S)
            prefer_open = shape == _L
        else:
            can_open = can_open and shape != _R
            prefer_open = can_open and shape == _L
            close_styles = close_styles if shape != _L else ()
    elif mark in LEFT_FLANKING_OPENERS:
        can_open = shape == _L
        prefer_open = False
        close_styles = close_styles if shape != _L else ()
    elif mark not in UNAMBIGUOUS_OPENERS and mark not in UNAMBIGUOUS_CLOSERS:
        # “ « » ‹ ›: open one style and close another; the direction decides
        can_open = shape != _R
        prefer_open = shape == _L
        close_styles = close_styles if shape != _L else ()
    symmetric = mark in SYMMETRIC_MARKS or mark == "'"
    opener_candidate = can_open and (shape == _L or not symmetric)
    return (
        open_style if can_open else -1,
        close_styles,
        prefer_open,
        top_only,
        opener_candidate,
        mark,
        len(mark),
    )


# Every decision gets a one-byte id, so a whole text's decisions fit in one bytes object that
# regular expressions can search: id 0 = no mark here, 1 = line break.
_NO_TOKEN, _BREAK_ID = 0, 1
_NO_DECISION: _Decision = (-1, (), False, False, False, "", 0)
_BREAK_DECISION: _Decision = (-2, (), False, False, False, "\n", 1)
_DECISIONS: list[_Decision] = [_NO_DECISION, _BREAK_DECISION]
_DECISION_ID: dict[_Decision, int] = {}
#: (mark, shape, apostrophe verdict) -> decision id, for marks that need a closer look
_SLOW_IDS: dict[tuple[str, int, int], int] = {}


def _register(decision: _Decision | None) -> int:
    """The id of a decision, adding it to the table (only while the module loads)."""
    if decision is None:
        return _NO_TOKEN
    if decision not in _DECISION_ID:
        _DECISION_ID[decision] = len(_DECISIONS)
        _DECISIONS.append(decision)
    return _DECISION_ID[decision]


for _mark in (*_MARK_CHARS, "''", "``"):
    for _shp in range(4):
        for _verdict in (_NOT_APOS, _APOS, _MAYBE):
            _SLOW_IDS[_mark, _shp, _verdict] = _register(_decide(_mark, _shp, _verdict))

# (code << 2 | shape) -> decision id, for bytes.translate
_KEY_TABLE = bytearray(256)
for _ch, _code in _CODE_OF.items():
    for _shp in range(4):
        if _code in _BREAK_CODES:
            _KEY_TABLE[_code << 2 | _shp] = _BREAK_ID
        elif _ch == "`":
            pass  # only a doubled backtick is a mark (found by _SLOW_RE)
        elif _ch in APOSTROPHE_CHARS:
            # what _SLOW_RE leaves to the table: inside a word, or next to no letter
            _verdict = _APOS if _shp == _N else _NOT_APOS
            _KEY_TABLE[_code << 2 | _shp] = _register(_decide(_ch, _shp, _verdict))
        else:
            _KEY_TABLE[_code << 2 | _shp] = _register(_decide(_ch, _shp))
_KEY_BYTES = bytes(_KEY_TABLE)
del _mark, _shp, _verdict, _ch, _code
assert len(_DECISIONS) < 256


def _id_class(ids: list[int]) -> re.Pattern[bytes]:
    """A bytes regex matching any of the decision ids (or nothing, for none)."""
    if not ids:
        return re.compile(b"(?!)")
    return re.compile(b"[" + b"".join(re.escape(bytes([i])) for i in ids) + b"]")


_CLOSER_RES = [
    _id_class([k for k, d in enumerate(_DECISIONS) if k > _BREAK_ID and s in d[1]])
    for s in range(len(QUOTE_STYLES))
]
_OPENER_RES = [
    _id_class([k for k, d in enumerate(_DECISIONS) if k > _BREAK_ID and d[4] and d[0] == s])
    for s in range(len(QUOTE_STYLES))
]


def _decision_bytes(text: str, lo: int, hi: int) -> bytearray:
    """The decision id of the mark starting at each offset of ``text`` (0 where none).

    Why like this: the class of every character, the shape of every mark and the table lookup
    all run inside ``str.translate``/``int`` operations, so only apostrophe-like marks (and
    multi-character marks) cost Python-level work.
    """
    n = len(text)
    codes = text.translate(_CODE_MAP).encode("latin-1")
    prev_open = b"\x01" + codes[:-1].translate(_PREV_OPEN)
    next_close = codes[1:].translate(_NEXT_CLOSE) + b"\x02"
    shape = int.from_bytes(prev_open, "big") | int.from_bytes(next_close, "big")
    keys = ((int.from_bytes(codes, "big") << 2) | shape).to_bytes(n, "big")
    dec = bytearray(keys.translate(_KEY_BYTES))
    one_char_shape = keys  # low two bits: the shape of a one-character mark
    for m in _SLOW_RE.finditer(text, lo, hi):
        i = m.start()
        tok = m.group()
        if tok == "\r\n":
            dec[i + 1] = _NO_TOKEN  # one line break, already marked at i
            continue
        if tok == "'''":
            # ,''' closes a single then a double; ''' before a word opens a double then a single
            if _class_at(text, i - 1) in _OPEN_CONTEXT:
                parts: tuple[tuple[int, str], ...] = ((i, "''"), (i + 2, "'"))
            else:
                parts = ((i, "'"), (i + 1, "''"))
        else:
            parts = ((i, tok),)
        dec[i : i + len(tok)] = bytes(len(tok))
        for k, part in parts:
            shp = one_char_shape[k] & 3 if len(part) == 1 else _shape(text, k, k + len(part))
            verdict = _apostrophe_verdict(text, k, shp) if part in APOSTROPHE_CHARS else 0
            dec[k] = _SLOW_IDS[part, shp, verdict]
    return dec


# --- Pairing -------------------------------------------------------------------------------------


class _Ahead:
    """Next match after p of a regex over fixed data, for non-decreasing p (amortised linear).

    Why: look-ahead questions ("where is the next closer of this style?") come in text order,
    so a cached answer stays valid until the scan passes it and no stretch is searched twice.
    """

    __slots__ = ("data", "first", "hi", "regex", "second")

    def __init__(self, regex: re.Pattern[Any], data: Any, hi: int) -> None:
        self.regex = regex
        self.data = data
        self.hi = hi
        self.first = -1
        self.second = -1

    def next_after(self, p: int, skip: int = 0) -> int:
        if self.first <= p:
            m = self.regex.search(self.data, p + 1, self.hi)
            self.first = m.start() if m else _INF
            self.second = -1
        if not skip:
            return self.first
        if self.second < 0:
            m = self.regex.search(self.data, self.first + 1, self.hi) if self.first < _INF else None
            self.second = m.start() if m else _INF
        return self.second


def _rstrip_to(text: str, at: int, floor: int) -> int:
    """Offset just past the last non-space before ``at``, but not below ``floor``."""
    while at > floor and text[at - 1].isspace():
        at -= 1
    return at


def _find_open(stack: list[list[Any]], styles: tuple[int, ...]) -> int:
    """Stack index of the innermost open quote of one of ``styles``, or -1."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] in styles:
            return k
    return -1


class _Scanner:
    """One left-to-right pass over the marks of ``text[lo:hi]`` with a stack of open quotes."""

    def __init__(self, text: str, lo: int, hi: int, track_used: bool = False) -> None:
        self.text = text
        self.lo = lo
        self.hi = hi
        self.dec = dec = _decision_bytes(text, lo, hi)
        n_styles = len(QUOTE_STYLES)
        self.closers = [_Ahead(_CLOSER_RES[s], dec, hi) for s in range(n_styles)]
        self.openers = [_Ahead(_OPENER_RES[s], dec, hi) for s in range(n_styles)]
        self.blanks = _Ahead(_BLANK_LINE_RE, text, hi)
        # stack entries: [style, start, content_start, open_mark, inner spans]
        self.stack: list[list[Any]] = []
        self.out: list[QuotedSpan] = []
        # offsets of the characters that ended up as quotation marks (for is_apostrophe)
        self.used: set[int] | None = set() if track_used else None

    # -- building spans -----------------------------------------------------------------------

    def _terminate_top(self, at: int, continues: bool = False) -> None:
        """Pop the innermost quote as unclosed, ending at ``at`` minus trailing whitespace.

        Only a top-level quote survives this: a quote nested in another that never closed
        inside it, or a straight ``'`` that never closed, was no quotation mark after all (an
        apostrophe, a stray or mistyped mark), and what it held moves up one level.
        """
        style, start, cstart, omark, inner = self.stack.pop()
        if self.stack or style == _STRAIGHT_SINGLE:
            if self.stack:
                self.stack[-1][4].extend(inner)
            else:
                self.out.extend(inner)
            return
        cend = _rstrip_to(self.text, at, cstart)
        if self.used is not None:
            self.used.update(range(start, cstart))
        self.out.append(QuotedSpan(start, cend, cstart, cend, omark, None, continues, tuple(inner)))

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
            self.used.update(range(start, cstart))
            self.used.update(range(pos, pos + len(mark)))

    # -- look-ahead ---------------------------------------------------------------------------

    def _can_nest(self, style: int, pos: int) -> bool:
        """May a mark that could also close the innermost quote open a nested one instead?

        Why: ``'I said 'no' to him'`` nests, ``'Hello, 'he said`` is a mistyped closer; only a
        second closer of the style ahead (before the next blank line) tells them apart.
        """
        if len(self.stack) >= MAX_DEPTH:
            return False
        return self.closers[style].next_after(pos, 1) < self.blanks.next_after(pos)

    def _runs_on(self, style: int, pos: int) -> bool:
        """Should a quote still open at the line break ``pos`` run on to the next line?

        Why: only if its closer comes before any new opener of its style and before the next
        blank line; otherwise the line ended an unclosed quote.
        """
        c = self.closers[style].next_after(pos)
        return c < self.openers[style].next_after(pos) and c < self.blanks.next_after(pos)

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> list[QuotedSpan]:
        dec = self.dec
        decisions = _DECISIONS
        stack = self.stack
        push = stack.append
        out = self.out
        used = self.used
        # (offset, decision) of every mark and line break, walked at C speed
        ids = bytes(dec[self.lo : self.hi])
        tokens = zip(
            compress(range(self.lo, self.hi), ids),
            map(decisions.__getitem__, compress(ids, ids)),
            strict=True,
        )
        for pos, (open_style, close_styles, prefer_open, top_only, _, mark, size) in tokens:
            if not stack:  # nothing to close: only an opener matters
                if open_style >= 0:
                    push([open_style, pos, pos + size, mark, []])
                continue
            if open_style == -2:
                self._line_break(pos)
                continue
            if close_styles:
                top = stack[-1]
                if top[0] in close_styles:
                    if prefer_open and self._can_nest(open_style, pos):
                        push([open_style, pos, pos + size, mark, []])
                        continue
                    # the common case, inlined: close the innermost quote
                    stack.pop()
                    span = QuotedSpan(
                        top[1], pos + size, top[2], pos, top[3], mark, False, tuple(top[4])
                    )
                    if stack:
                        stack[-1][4].append(span)
                    else:
                        out.append(span)
                    if used is not None:
                        used.update(range(top[1], top[2]))
                        used.update(range(pos, pos + size))
                    continue
                if not top_only:
                    depth = _find_open(stack, close_styles)
                    if depth >= 0:
                        self._close(depth, pos, mark)
                        continue
            # a quote inside a quote; it must close before its container does (_terminate_top)
            if open_style >= 0 and len(stack) < MAX_DEPTH:
                push([open_style, pos, pos + size, mark, []])
        while stack:
            self._terminate_top(self.hi)
        return out

    def _line_break(self, pos: int) -> None:
        """At a line break with quotes open, decide which of them go on to the next line."""
        text = self.text
        stack = self.stack
        end = pos + (2 if text.startswith("\r\n", pos) else 1)
        # the style, if any, that the next line starts by opening
        first = _SPACE_RE.match(text, end, self.hi).end()  # type: ignore[union-attr]
        line_opens = _DECISIONS[self.dec[first]][0] if first < self.hi else -1
        bottom = stack[0][0]
        if line_opens == bottom and bottom not in _NO_REOPEN:
            # the news convention: the next paragraph re-opens the same quotation
            while len(stack) > 1:
                self._terminate_top(pos)
            self._terminate_top(pos, continues=True)
            return
        blank = _BLANK_AFTER_RE.match(text, end, self.hi) is not None
        if blank or line_opens == bottom or not self._runs_on(bottom, pos):
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
    if text[i] == "ʼ":
        return True
    in_run = text[i] == "'" and (text[i - 1 : i] == "'" or text[i + 1 : i + 2] == "'")
    if not in_run and _apostrophe_verdict(text, i, _shape(text, i, i + 1)) == _APOS:
        return True
    lo = 0
    for m in _BLANK_LINE_RE.finditer(text, 0, i + 1):
        if m.end() <= i:
            lo = m.end()
    nxt = _BLANK_LINE_RE.search(text, i)
    scanner = _Scanner(text, lo, nxt.start() if nxt else len(text), track_used=True)
    scanner.run()
    return i not in (scanner.used or ())
