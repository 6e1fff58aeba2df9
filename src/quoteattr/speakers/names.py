"""Clustering the name mentions of one document into entities.

The input is the name mentions a document already yielded ("Vladimir Putin", "Mr. Putin",
"Putin's", "Zhelensky", "the Kremlin" comes as "Kremlin"), each marked PERSON or
ORGANIZATION; the output is one ``NameCluster`` per entity. Mentions are read in order and
each one joins an existing cluster or starts a new one, so a later mention never splits an
earlier decision and the result is deterministic.

Normalisation (``normalize_name``)
    Surrounding punctuation and whitespace go, inner whitespace collapses, a possessive
    ("Putin's", "Putin’s", "Jones'") goes, and leading honorifics from ``data/honorifics.tsv``
    ("Mr.", "Mrs", "Dr.", "Sir", ...) go. Titles and offices ("President", "Senator") are
    not honorifics and stay in the text, but a leading title is not taken for a forename
    ("President Putin" is a Putin; "Secretary of State Antony Blinken" has the forename
    Antony). Comparison then ignores case and accents.

How a PERSON mention finds its cluster, first rule that yields a compatible cluster wins:

1. Roster: the mention equals, or fuzzily matches (same number of words, each word similar
   as in 4), the key or an alias of a roster entry.
2. Surname: its last word (ignoring "Jr.", "III", ...) equals a surname of a cluster. A
   full name prefers a cluster where its forename was seen; a bare surname ("Smith") joins
   the only compatible cluster the text already called by the bare surname, else the
   *most recent* compatible cluster with that surname, by mention order.
3. Forename: a single word that is the forename of exactly one cluster, and the surname
   of none ("Vladimir" -> "Vladimir Putin", "Xi" -> "Xi Jinping"); failing that, a short
   form of exactly one cluster's forename ("Mike" -> "Michael Dunn", from
   ``data/diminutives.tsv``) or the initials of its full name ("Jeb" -> "John Ellis Bush");
   failing that, an inner word of exactly one full name of three or more words ("Lula" ->
   "Luiz Inácio Lula da Silva"): a middle name the person goes by.
4. Fuzzy surname: typo and transliteration variants ("Zhelensky", "Zelenskyy",
   "Zelenskiy" ~ "Zelensky"). Both words are reduced to a skeleton (accents dropped,
   zh->z, kh->h, tch->ch, ph->f, dh->d, ck->k, q->k, inner w->v, y->i, final j->i, double
   letters single) and match when the skeletons start with the same letter, both words have
   at least ``MIN_FUZZY_LEN`` (4) characters and rapidfuzz's ``fuzz.ratio`` of the skeletons
   is at least ``FUZZY_THRESHOLD`` (87). The threshold admits one inserted or dropped letter
   at any length >= 4 (88.9 at 4/5 letters) and one substituted or swapped letter from 8
   letters on ("Zelenksy", 87.5), but rejects a substituted letter in surnames of 7 letters
   or fewer, where it usually makes another real name: "Clinton"/"Clifton" 85.7,
   "Hanson"/"Hansen" 83.3. The skeleton makes pure transliteration variants equal, so they
   do not spend the edit budget (the price: "Smith"/"Smyth" are one name). A variant that
   joined is indexed as a surname, so each spelling is compared fuzzily about once.
5. Token subset: a full name whose words all occur, in order, in a full name of a cluster
   ("Hillary Rodham" ~ "Hillary Rodham Clinton"). "Hillary Clinton" ~ "Hillary Rodham
   Clinton" is already caught by 2.
6. Otherwise a new cluster.

A cluster is *compatible* with a mention only when all these guards pass:

- same kind: a PERSON never joins an ORGANIZATION (roster clusters take the kind of their
  first member);
- no gender conflict: the mention's gender (its honorific, else its forename in
  ``data/forenames.tsv``) against the cluster's (its members' honorifics, else forenames,
  plus the roster forms). "Mr. Bennet" and "Mrs. Bennet" stay apart, "Mrs. Clinton" avoids
  Bill;
- "Mrs." and "Miss" (and "Mme."/"Mlle.") do not meet: in fiction they are mother and
  daughter. A full name with no honorific still joins a forename-less "Mrs." cluster
  ("Mrs. Clinton" ~ "Hillary Clinton"), so "Elizabeth Bennet" joins "Mrs. Bennet" when
  that is the only Bennet cluster of her gender: a known limit;
- forenames agree: exactly, by initial ("J. Smith" ~ "John Smith"), fuzzily as in 4
  ("Volodymyr" ~ "Volodimir"), as a short form (``data/diminutives.tsv``: "Bill" ~
  "William", "Bill" ~ "Will"), or as the initials of a full name of three or more words
  ("Jeb Bush" ~ "John Ellis Bush"; not when the word is itself a listed forename or short
  form, so "Ed Smith" is not Eric David Smith). "John Smith" / "Jane Smith" and "Bill
  Clinton" / "Hillary Clinton" stay apart; "George Bush" / "George W. Bush" merge, which
  is accepted.

ORGANIZATION (and any other non-person kind) mentions join on the roster, on an equal
normalised form (small words such as "the", "of" ignored), on a word subset when the
shorter name has at least two content words ("Goldman Sachs" ~ "Goldman Sachs Group"), or
on the word-by-word fuzzy match of 4; honorifics are not stripped from them.

Canonical name (``canonical_name``): the cluster's surname is its most frequent last word
(compared by skeleton; ties go to the first seen). Among the forms that contain that
surname, honorifics and possessives removed, the one with the most words, then the most
characters, wins, both counted without leading titles (so "Vladimir Putin" beats
"President Putin", and "Putin" beats it on the tie); further ties go to the first
appearance. A leading title is dropped from a full name ("Prime Minister Boris Johnson"
-> "Boris Johnson"). When the winner is a single word and some form carried an honorific,
the first such form keeps its honorific as written ("Mrs. Bennet", "Dr Smith"), so that
"Mr. Bennet" and "Mrs. Bennet" stay distinguishable; otherwise a bare surname keeps its
title ("President Putin"). A roster cluster is always named by its roster key; an
organisation by the form written most often, then its fullest form (most words, then
characters, first on ties; see ``_canonical_org``).

Cost: every lookup goes through dictionaries keyed by surname, forename, word or skeleton
initial, never over all pairs of mentions; parsing is cached per distinct text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TypeAlias

import attrs
from rapidfuzz import fuzz, process

from ..lexicon import load_table, word_list
from ..types import EntityKind, Mention

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_FUZZY_LEN",
    "NameCluster",
    "NameMention",
    "Roster",
    "acronym",
    "canonical_name",
    "cluster_names",
    "is_honorific",
    "is_listed_forename",
    "name_gender",
    "normalize_name",
]

Roster: TypeAlias = Mapping[str, Iterable[str]]
"""Canonical name -> known aliases, given by the user."""

#: Least rapidfuzz ``fuzz.ratio`` (0-100) between two name skeletons for a fuzzy match.
FUZZY_THRESHOLD = 87.0
#: Words shorter than this never match fuzzily ("Lee"/"Lea", "Kim"/"Kin").
MIN_FUZZY_LEN = 4

# Name suffixes skipped when finding the surname ("Martin Luther King Jr.").
_SUFFIXES = word_list("name_suffixes")
# Lower-case particles that are part of a surname, not a forename ("de Gaulle").
_PARTICLES = word_list("surname_particles")
# Titles and offices: kept in the text, but a leading title is not a forename, so
# "President Putin" joins "Vladimir Putin" and "Prime Minister Johnson" is a Johnson.
_TITLES = word_list("name_titles")
_TITLE_LINKS = frozenset({"of", "the", "for"})  # "Secretary of State", "Minister for Health"
# Abbreviations whose final full stop belongs to the name ("Jr.", "Inc.").
_KEEP_DOT = frozenset({"jr", "sr", "inc", "ltd", "co", "corp", "bros", "st", "plc", "llc"})
# Honorifics that mark a married and an unmarried woman: they never meet in one cluster.
_MARRIED = frozenset({"mrs", "mme", "madame", "senora", "signora", "frau"})
_UNMARRIED = frozenset({"miss", "mlle", "mademoiselle"})
# Words ignored when comparing organisation names.
_ORG_STOPWORDS = frozenset({"the", "of", "and", "for", "&", "a", "an", "in", "on"})

_POSSESSIVE = re.compile(r"(?<=\w)['’][sS]$")
_LEADING_JUNK = re.compile(r"^[^\w]+")
_TRAILING_JUNK = re.compile(r"[^\w.]+$")
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        ("tch", "ch"),
        ("zh", "z"),
        ("kh", "h"),
        ("ph", "f"),
        ("dh", "d"),
        ("ck", "k"),
        ("q", "k"),
        ("(?<=.)w", "v"),
        ("y", "i"),
        ("j$", "i"),
        (r"(.)\1+", r"\1"),
    )
)


# --------------------------------------------------------------------------- public types


@attrs.frozen
class NameMention:
    """A name mention and whether it names a person or an organisation."""

    mention: Mention
    kind: EntityKind


@attrs.define
class NameCluster:
    """One entity: its canonical name and the input indices of its mentions."""

    name: str
    kind: EntityKind
    members: list[int]
    aliases: list[str]
    gender: str | None


# --------------------------------------------------------------------------- lexicons


@lru_cache(maxsize=65536)  # called for every pair of names compared: the same few words
def _fold(text: str) -> str:
    """Case- and accent-insensitive form, so "Señor"/"senor" and "Macrón"/"Macron" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, str | None]:
    return {_fold(row[0]): _gender_cell(row) for row in load_table("honorifics.tsv") if row[0]}


@lru_cache(maxsize=1)
def _forenames() -> dict[str, str | None]:
    return {_fold(row[0]): _gender_cell(row) for row in load_table("forenames.tsv") if row[0]}


@lru_cache(maxsize=1)
def _diminutive_table() -> dict[str, frozenset[str]]:
    """Each forename of ``data/diminutives.tsv`` -> the forenames it can stand with for one
    person: a short form and its fuller forms, and two short forms of one fuller form
    ("Bill", "Will", "William")."""
    fuller: dict[str, set[str]] = {}
    for row in load_table("diminutives.tsv"):
        if len(row) > 1 and row[0]:
            fuller.setdefault(_key(row[0]), set()).update(_key(w) for w in row[1].split())
    shorts: dict[str, set[str]] = {}
    for short, fulls in fuller.items():
        for full in fulls:
            shorts.setdefault(full, set()).add(short)
    family: dict[str, set[str]] = {}
    for short, fulls in fuller.items():
        family.setdefault(short, set()).update(fulls)
        for full in fulls:
            family[short].update(shorts[full])
            family.setdefault(full, set()).update(shorts[full])
    return {word: frozenset(words - {word}) for word, words in family.items()}


def same_forename(a: str, b: str) -> bool:
    """Whether two forename keys can name one person: "Bill" and "William", "Mike" and
    "Michael" (``data/diminutives.tsv``)."""
    return a == b or b in _diminutive_table().get(a, frozenset())


def _spelled_initials(form: tuple[str, ...]) -> tuple[str, ...]:
    """The forename-like words a full name of three or more words spells with its initials:
    all of them ("Jeb" for John Ellis Bush), or those before the surname ("A.J." for Andrew
    James Moore). Initials of shorter names would spell ordinary forenames by chance."""
    if len(form) < 3 or any(not w[:1].isalpha() for w in form):
        return ()
    return ("".join(w[0] for w in form), "".join(w[0] for w in form[:-1]))


def _is_initialism(word: str) -> bool:
    """A forename that may be its bearer's initials: not itself a listed forename or short
    form (so "Ed" never stands for Eric David Smith)."""
    return len(word) >= 2 and word not in _forenames() and word not in _diminutive_table()


def is_listed_forename(word: str) -> bool:
    """Whether ``word`` is in ``data/forenames.tsv``."""
    return _fold(word) in _forenames()


def is_honorific(word: str) -> bool:
    """Whether ``word`` is in ``data/honorifics.tsv`` ("Mr.", "Miss", "Sir")."""
    return _fold(word) in _honorifics()


def listed_forename_gender(word: str) -> str | None:
    """The gender ``data/forenames.tsv`` gives ``word`` as a forename, if any."""
    return _forenames().get(_fold(word))


def _gender_cell(row: list[str]) -> str | None:
    value = row[1].lower() if len(row) > 1 else ""
    return value if value in ("m", "f") else None


# --------------------------------------------------------------------------- parsing


def _clean(text: str) -> str:
    """Whitespace collapsed; surrounding punctuation and a possessive removed."""
    s = " ".join(text.split())
    while True:
        before = s
        s = _LEADING_JUNK.sub("", s)
        s = _TRAILING_JUNK.sub("", s)
        if s.endswith(".") and not _dot_belongs(s):
            s = s[:-1]
        s = _POSSESSIVE.sub("", s).strip()
        if s == before:
            return s


def _dot_belongs(s: str) -> bool:
    """Whether the final full stop is part of the last word ("W.", "Jr.", "U.S.", "Mr.")."""
    last = s.rsplit(" ", 1)[-1]
    core = last[:-1]
    if len(core) <= 1 or "." in core:
        return True
    return core.casefold() in _KEEP_DOT or _fold(last) in _honorifics()


@lru_cache(maxsize=65536)
def _key(token: str) -> str:
    """The comparison form of one word: folded, without full stops and commas."""
    return _fold(token).replace("’", "'").replace(".", "").replace(",", "")


@lru_cache(maxsize=65536)
def _skeleton(key: str) -> str:
    """A word with spelling and transliteration variation reduced ("zhelenskyy" -> "zelenski")."""
    s = "".join(c for c in key if c.isalpha())
    for pattern, replacement in _SKELETON_RULES:
        s = pattern.sub(replacement, s)
    return s


def _similar(a: str, b: str) -> bool:
    """Whether two word keys are the same name up to typos or transliteration."""
    if a == b:
        return True
    if len(a) < MIN_FUZZY_LEN or len(b) < MIN_FUZZY_LEN:
        return False
    sa, sb = _skeleton(a), _skeleton(b)
    if not sa or not sb or sa[0] != sb[0]:
        return False
    return sa == sb or fuzz.ratio(sa, sb, score_cutoff=FUZZY_THRESHOLD) >= FUZZY_THRESHOLD


def same_name_word(a: str, b: str) -> bool:
    """Whether two single words are the same name up to typos or transliteration."""
    return _similar(_key(a), _key(b))


@attrs.frozen
class _Parsed:
    """What the clustering needs to know about one surface form."""

    clean: str  # punctuation and possessive removed, honorific kept
    norm: str  # honorifics removed too
    name: str  # ``norm`` without leading titles ("Putin" in "President Putin")
    titled: bool  # whether ``norm`` starts with a title
    honorific: str | None  # folded honorific key ("mrs"), without full stop
    hon_gender: str | None
    keys: tuple[str, ...]  # word keys of ``norm``, empty words dropped
    name_keys: tuple[str, ...]  # word keys of ``name`` up to the surname (no "Jr.")
    forename: str | None  # key of the forename, or None for a bare surname
    surname: str | None  # key of the last non-suffix word
    gender: str | None
    generation: str | None = None  # a generational suffix of a full name: "sr", "jr", "ii"

    @property
    def multi(self) -> bool:
        """A name of more than one word, where forename and surname can be told apart."""
        return len(self.name_keys) > 1


def _words(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(k for k in (_key(t) for t in tokens) if k)


@lru_cache(maxsize=65536)
def _parse(text: str) -> _Parsed:
    clean = _clean(text)
    tokens = clean.split()
    honorifics = _honorifics()
    start = 0
    if len(tokens) > 2 and tokens[0].casefold() == "the" and _fold(tokens[1]) in honorifics:
        start = 1
    i = start
    while i < len(tokens) - 1 and _fold(tokens[i]) in honorifics:
        i += 1
    honorific = _fold(tokens[start]) if i > start else None
    hon_gender = honorifics[honorific] if honorific is not None else None
    if i > start:
        clean = " ".join(tokens[start:])
    rest = tokens[i:]
    # Leading titles ("President", "Prime Minister", "Secretary of State") stay in the text
    # but are neither forename nor surname.
    t = 0
    while t < len(rest) - 1:
        word = _key(rest[t])
        if not (word in _TITLES or word in honorifics or (t and word in _TITLE_LINKS)):
            break
        t += 1
    while t and _key(rest[t - 1]) in _TITLE_LINKS:
        t -= 1
    keys = _words(rest)
    name_keys = _without_suffixes(_words(rest[t:]))
    surname = name_keys[-1] if name_keys else None
    forename = None
    if len(name_keys) > 1 and name_keys[0] not in _PARTICLES:
        forename = name_keys[0]
    gender = hon_gender
    if gender is None and forename is not None and len(forename) > 1:
        gender = _forenames().get(forename)
    return _Parsed(
        clean=clean,
        norm=" ".join(rest),
        name=" ".join(rest[t:]),
        titled=t > 0,
        honorific=honorific.rstrip(".") if honorific else None,
        hon_gender=hon_gender,
        keys=keys,
        name_keys=name_keys,
        forename=forename,
        surname=surname,
        gender=gender,
        generation=_generation(_words(rest[t:])) if len(name_keys) > 1 else None,
    )


def _generation(keys: tuple[str, ...]) -> str | None:
    """The generational suffix a name ends in ("Duncan Hunter Sr." -> "sr"), if any."""
    return keys[-1] if len(keys) > 1 and keys[-1] in _SUFFIXES else None


def _without_suffixes(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name up to its surname ("King", not "Jr.")."""
    while len(keys) > 1 and keys[-1] in _SUFFIXES:
        keys = keys[:-1]
    return keys


# --------------------------------------------------------------------------- public helpers


def normalize_name(text: str) -> str:
    """The name without honorifics, possessive, surrounding punctuation or extra spaces.

    ``"  Mr. Putin's,"`` -> ``"Putin"``; ``"President Putin"`` stays (titles are kept). A
    text that is nothing but an honorific ("Mr.") is kept rather than emptied.
    """
    return _parse(text).norm


def name_gender(text: str) -> str | None:
    """Gender "m"/"f" from an honorific ("Mr. X") or a gendered forename ("Hillary Clinton").

    A single word is not taken for a forename ("Thomas" may be a surname), so it gives None
    unless it carries an honorific.
    """
    return _parse(text).gender


def canonical_name(forms: Iterable[str]) -> str:
    """The display name of an entity from the surface forms it appeared under, in order.

    The fullest form that contains the entity's surname (its most frequent last word),
    honorifics and possessives removed; first appearance breaks ties. If that leaves a
    bare surname and an honorific was used, the first honorific form is kept as written
    ("Mrs. Bennet"). Repeat forms as often as they occur: frequency picks the surname.
    """
    parsed = [p for p in (_parse(f) for f in forms) if p.norm]
    if not parsed:
        return ""
    counts: Counter[str] = Counter()
    for p in parsed:
        if p.surname:
            counts[_skeleton(p.surname) or p.surname] += 1
    surname = max(counts, key=lambda s: counts[s], default=None)  # first seen wins ties
    candidates = [
        p
        for p in parsed
        if surname is None or any((_skeleton(k) or k) == surname for k in p.name_keys)
    ] or parsed
    best = max(
        enumerate(candidates),
        key=lambda item: (
            len(item[1].name.split()),
            len(item[1].name),
            not item[1].titled,
            -item[0],
        ),
    )[1]
    if len(best.name.split()) > 1:
        return best.name  # a full name needs no title: "Boris Johnson"
    for p in candidates:
        if p.honorific is not None:
            return p.clean
    return best.norm  # a bare surname keeps its title: "President Putin"


# --------------------------------------------------------------------------- clustering


@attrs.define(eq=False)
class _Cluster:
    cid: int
    kind: EntityKind | None
    roster_name: str | None = None
    members: list[int] = attrs.field(factory=list)
    texts: list[str] = attrs.field(factory=list)
    forenames: set[str] = attrs.field(factory=set)  # full forenames
    initials: set[str] = attrs.field(factory=set)  # forenames written as an initial
    surnames: set[str] = attrs.field(factory=set)
    forms: set[tuple[str, ...]] = attrs.field(factory=set)  # keys of multi-word forms
    hon_genders: set[str] = attrs.field(factory=set)
    name_genders: set[str] = attrs.field(factory=set)
    honorifics: set[str] = attrs.field(factory=set)
    generations: set[str | None] = attrs.field(factory=set)  # of its full names
    last_seen: int = -1
    called_by_one_word: bool = False  # some mention is a bare surname or forename

    @property
    def gender(self) -> str | None:
        """The gender all honorifics agree on, else the one all forenames agree on."""
        for evidence in (self.hon_genders, self.name_genders):
            if len(evidence) == 1:
                return next(iter(evidence))
            if evidence:
                return None
        return None


def _forename_ok(forename: str, cluster: _Cluster) -> bool:
    if len(forename) == 1:
        if not cluster.forenames and not cluster.initials:
            return True
        return any(f[0] == forename for f in cluster.forenames | cluster.initials)
    if cluster.forenames:
        return any(
            _similar(forename, f) or same_forename(forename, f) for f in cluster.forenames
        ) or _spells_initials_of(forename, cluster)
    if cluster.initials:
        return forename[0] in cluster.initials
    return True


def _spells_initials_of(forename: str, cluster: _Cluster) -> bool:
    """Whether a forename is the initials of one of the cluster's full names ("Jeb" of
    John Ellis Bush): a nickname made from the initials."""
    return _is_initialism(forename) and any(
        forename in _spelled_initials(form) for form in cluster.forms
    )


def _compatible(cluster: _Cluster, p: _Parsed, kind: EntityKind) -> bool:
    if cluster.kind is not None and cluster.kind != kind:
        return False
    if kind is not EntityKind.PERSON:
        return True
    ours = cluster.gender
    if p.gender is not None and ours is not None and p.gender != ours:
        return False
    if p.honorific in _MARRIED and cluster.honorifics & _UNMARRIED:
        return False
    if p.honorific in _UNMARRIED and cluster.honorifics & _MARRIED:
        return False
    if p.multi and cluster.generations and p.generation not in cluster.generations:
        return False  # "Duncan Hunter" and his father "Duncan Hunter Sr." are two people
    return p.forename is None or _forename_ok(p.forename, cluster)


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(word == other for other in it) for word in short)


def _ends_with(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether a name of more words ends in all the words of a shorter one."""
    return len(long) > len(short) >= 2 and long[-len(short) :] == short


def _org_words(p: _Parsed) -> tuple[str, ...]:
    return tuple(k for k in p.keys if k not in _ORG_STOPWORDS)


def _org_key(p: _Parsed) -> str:
    return " ".join(_org_words(p) or p.keys)


class _Clusterer:
    """The indices and the join-or-create decision for one document."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_surname: dict[str, list[_Cluster]] = {}
        self.by_forename: dict[str, list[_Cluster]] = {}
        self.by_initials: dict[str, list[_Cluster]] = {}  # what full names spell, see above
        self.by_word: dict[str, list[_Cluster]] = {}
        self.by_initial: dict[str, dict[str, list[_Cluster]]] = {}  # skeleton[0] -> skeleton
        self.by_org_key: dict[str, list[_Cluster]] = {}
        self.by_org_word: dict[str, list[_Cluster]] = {}
        # skeleton initial -> (joined skeletons of organisation forms, their owners)
        self.by_org_initial: dict[
            str, tuple[list[str], list[tuple[_Cluster, tuple[str, ...]]]]
        ] = {}
        self.org_forms: dict[int, list[tuple[str, ...]]] = {}
        self.roster_exact: dict[str, list[_Cluster]] = {}
        # (word count, skeleton initial of the first word) -> roster forms and their clusters
        self.roster_forms: dict[tuple[int, str], list[tuple[tuple[str, ...], _Cluster]]] = {}
        self.roster_cache: dict[tuple[str, ...], list[_Cluster]] = {}

    # -- building

    def new_cluster(self, kind: EntityKind | None, roster_name: str | None = None) -> _Cluster:
        cluster = _Cluster(cid=len(self.clusters), kind=kind, roster_name=roster_name)
        self.clusters.append(cluster)
        return cluster

    def seed_roster(self, roster: Roster) -> None:
        for key, aliases in roster.items():
            cluster = self.new_cluster(None, roster_name=key)
            for form in (key, *aliases):
                p = _parse(form)
                for keys in {p.keys: None, _parse_org(form).keys: None}:
                    if keys:
                        _add_unique(self.roster_exact.setdefault(" ".join(keys), []), cluster)
                        bucket = self.roster_forms.setdefault(_form_bucket(keys), [])
                        bucket.append((keys, cluster))
                if not p.keys:
                    continue
                if p.multi:
                    self.learn_name(cluster, p, as_surname=True)
                else:
                    self.learn_gender(cluster, p)

    def learn_gender(self, cluster: _Cluster, p: _Parsed) -> None:
        if p.hon_gender is not None:
            cluster.hon_genders.add(p.hon_gender)
        elif p.gender is not None:
            cluster.name_genders.add(p.gender)
        if p.honorific is not None:
            cluster.honorifics.add(p.honorific)

    def learn_name(self, cluster: _Cluster, p: _Parsed, *, as_surname: bool) -> None:
        """Index what ``p`` tells about ``cluster`` so that later mentions can find it."""
        self.learn_gender(cluster, p)
        if p.forename is not None:
            if len(p.forename) == 1:
                cluster.initials.add(p.forename)
            elif p.forename not in cluster.forenames:
                cluster.forenames.add(p.forename)
                _add_unique(self.by_forename.setdefault(p.forename, []), cluster)
        if p.multi:
            cluster.generations.add(p.generation)
            form = p.name_keys
            if form not in cluster.forms:
                cluster.forms.add(form)
                for initials in _spelled_initials(form):
                    _add_unique(self.by_initials.setdefault(initials, []), cluster)
                for word in form:
                    if len(word) > 1:
                        _add_unique(self.by_word.setdefault(word, []), cluster)
        if as_surname and p.surname and p.surname not in cluster.surnames:
            cluster.surnames.add(p.surname)
            _add_unique(self.by_surname.setdefault(p.surname, []), cluster)
            skeleton = _skeleton(p.surname)
            if len(p.surname) >= MIN_FUZZY_LEN and skeleton:
                bucket = self.by_initial.setdefault(skeleton[0], {})
                _add_unique(bucket.setdefault(skeleton, []), cluster)

    def add_member(self, cluster: _Cluster, index: int, text: str, kind: EntityKind) -> None:
        if cluster.kind is None:
            cluster.kind = kind
        cluster.members.append(index)
        cluster.texts.append(text)
        cluster.last_seen = index
        cluster.called_by_one_word = cluster.called_by_one_word or len(_parse(text).keys) == 1

    # -- deciding

    def roster_candidates(self, p: _Parsed) -> list[_Cluster]:
        cached = self.roster_cache.get(p.keys)
        if cached is not None:
            return cached
        found = list(self.roster_exact.get(" ".join(p.keys), ()))
        if not found:
            for keys, cluster in self.roster_forms.get(_form_bucket(p.keys), ()):
                if all(map(_similar, keys, p.keys)):
                    _add_unique(found, cluster)
        self.roster_cache[p.keys] = found
        return found

    def assign(self, index: int, text: str, kind: EntityKind) -> None:
        person = kind is EntityKind.PERSON
        p = _parse(text) if person else _parse_org(text)
        if not p.keys:
            self.add_member(self.new_cluster(kind), index, text, kind)
            return
        roster = [c for c in self.roster_candidates(p) if _compatible(c, p, kind)]
        if roster:
            cluster = _most_recent(roster)
            self.add_member(cluster, index, text, kind)
            if person:
                single_forename = not p.multi and p.surname in cluster.forenames
                self.learn_name(cluster, p, as_surname=not single_forename)
            else:
                self.learn_org(cluster, p)
        elif person:
            self.assign_person(index, text, p)
        else:
            self.assign_org(index, text, p, kind)

    def inner_name_match(self, p: _Parsed) -> list[_Cluster]:
        """The one cluster with a full name of three or more words that has this single
        word inside it, neither first nor last ("Lula" of "Luiz Inácio Lula da Silva"):
        a middle name the person goes by."""
        word = p.surname
        found = [
            c
            for c in self.by_word.get(word or "", ())
            if _compatible(c, p, EntityKind.PERSON)
            and any(len(form) >= 3 and word in form[1:-1] for form in c.forms)
        ]
        return found if len(found) == 1 else []

    def assign_person(self, index: int, text: str, p: _Parsed) -> None:
        kind = EntityKind.PERSON
        surname = p.surname
        assert surname is not None
        as_surname = True
        candidates = [c for c in self.by_surname.get(surname, ()) if _compatible(c, p, kind)]
        if not candidates and not p.multi:
            candidates = self.forename_match(p)
            as_surname = not candidates
        if not candidates:
            candidates = self.fuzzy_surname(p)
        if not candidates and not p.multi:
            candidates = self.inner_name_match(p)
            as_surname = not candidates
        if not candidates and p.multi:
            candidates = [
                c
                for c in self.by_word.get(surname, ())
                if _compatible(c, p, kind)
                and any(_is_subsequence(p.name_keys, form) for form in c.forms)
            ]
            as_surname = False
        if not candidates and p.multi:
            # a compound surname on its own ("Wasserman Schultz", "Abu Laban") and the full
            # name it ends ("Debbie Wasserman Schultz"), in either order
            bare = attrs.evolve(p, forename=None)
            candidates = [
                c
                for c in self.by_word.get(surname, ())
                if _compatible(c, bare, kind)
                and any(_ends_with(form, p.name_keys) or _ends_with(p.name_keys, form)
                        for form in c.forms)
            ]  # fmt: skip
        if candidates:
            if p.multi and p.forename is not None:
                forename = p.forename
                cluster = max(
                    candidates,
                    key=lambda c: (forename in c.forenames or forename in c.initials,
                                   c.last_seen, -c.cid),
                )  # fmt: skip
            else:
                cluster = _surname_user(candidates, p) or _most_recent(candidates)
        else:
            cluster = self.new_cluster(kind)
            as_surname = True
        self.add_member(cluster, index, text, kind)
        self.learn_name(cluster, p, as_surname=as_surname)

    def fuzzy_surname(self, p: _Parsed) -> list[_Cluster]:
        surname = p.surname
        if surname is None or len(surname) < MIN_FUZZY_LEN:
            return []
        skeleton = _skeleton(surname)
        if not skeleton:
            return []
        found: list[_Cluster] = []
        for other, clusters in self.by_initial.get(skeleton[0], {}).items():
            if (
                other == skeleton
                or fuzz.ratio(skeleton, other, score_cutoff=FUZZY_THRESHOLD) >= FUZZY_THRESHOLD
            ):
                for c in clusters:
                    if c not in found and _compatible(c, p, EntityKind.PERSON):
                        found.append(c)
        return found

    def forename_match(self, p: _Parsed) -> list[_Cluster]:
        word = p.surname
        if word is None:
            return []
        if any(c.kind in (None, EntityKind.PERSON) for c in self.by_surname.get(word, ())):
            return []
        owners = [c for c in self.by_forename.get(word, ()) if c.kind in (None, EntityKind.PERSON)]
        if not owners:
            # a short form of one cluster's forename ("Bill" for William Skelton), or the
            # initials its full name spells ("Jeb" for John Ellis Bush)
            for other in sorted(_diminutive_table().get(word, ())):
                for c in self.by_forename.get(other, ()):
                    _add_unique(owners, c)
            if _is_initialism(word):
                for c in self.by_initials.get(word, ()):
                    _add_unique(owners, c)
            owners = [c for c in owners if c.kind in (None, EntityKind.PERSON)]
        if len(owners) == 1 and _compatible(owners[0], p, EntityKind.PERSON):
            return owners
        return []

    def assign_org(self, index: int, text: str, p: _Parsed, kind: EntityKind) -> None:
        candidates = [c for c in self.by_org_key.get(_org_key(p), ()) if c.kind == kind]
        words = _org_words(p)
        if not candidates and words:
            nearby: list[_Cluster] = []
            for word in words:
                for c in self.by_org_word.get(word, ()):
                    _add_unique(nearby, c)
            for c in nearby:
                if c.kind == kind and any(
                    _org_forms_match(words, form) for form in self.org_forms[c.cid]
                ):
                    candidates.append(c)
            if not candidates:
                candidates = self.fuzzy_org(words, kind)
        cluster = _most_recent(candidates) if candidates else self.new_cluster(kind)
        self.add_member(cluster, index, text, kind)
        self.learn_org(cluster, p)

    def learn_org(self, cluster: _Cluster, p: _Parsed) -> None:
        _add_unique(self.by_org_key.setdefault(_org_key(p), []), cluster)
        words = _org_words(p)
        forms = self.org_forms.setdefault(cluster.cid, [])
        if words and words not in forms:
            forms.append(words)
            for word in words:
                _add_unique(self.by_org_word.setdefault(word, []), cluster)
            skeletons, owners = self.by_org_initial.setdefault(_initial(words[0]), ([], []))
            skeletons.append(_joined_skeleton(words))
            owners.append((cluster, words))

    def fuzzy_org(self, words: tuple[str, ...], kind: EntityKind) -> list[_Cluster]:
        """Clusters with a form equal to ``words`` up to typos, word by word.

        The ratio of the joined skeletons is at least the least ratio of the word pairs, so
        rapidfuzz can discard most forms in C before the word-by-word check.
        """
        bucket = self.by_org_initial.get(_initial(words[0]))
        if not bucket:
            return []
        skeletons, owners = bucket
        found: list[_Cluster] = []
        hits = process.extract(
            _joined_skeleton(words),
            skeletons,
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_THRESHOLD,
            limit=None,
        )
        for _choice, _score, i in sorted(hits, key=lambda hit: hit[2]):
            cluster, form = owners[i]
            if cluster.kind == kind and len(form) == len(words) and all(map(_similar, form, words)):
                _add_unique(found, cluster)
        return found


def _form_bucket(keys: tuple[str, ...]) -> tuple[int, str]:
    """Forms that can match word by word share their length and first skeleton letter."""
    return len(keys), _initial(keys[0])


def _initial(word: str) -> str:
    """The bucket a word is filed under for fuzzy comparison: its skeleton's first letter."""
    skeleton = _skeleton(word)
    return skeleton[0] if skeleton else word[:1]


def _org_forms_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal, or a word subset where the shorter name has at least two content words."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short == long or (len(short) >= 2 and set(short) <= set(long))


def _joined_skeleton(words: tuple[str, ...]) -> str:
    return " ".join(_skeleton(w) or w for w in words)


@lru_cache(maxsize=16384)
def _parse_org(text: str) -> _Parsed:
    """Like ``_parse`` but keeping honorific-like words, which belong to organisation names."""
    clean = _clean(text)
    keys = _words(clean.split())
    return _Parsed(
        clean=clean,
        norm=clean,
        name=clean,
        titled=False,
        honorific=None,
        hon_gender=None,
        keys=keys,
        name_keys=keys,
        forename=None,
        surname=keys[-1] if keys else None,
        gender=None,
    )


def _add_unique(bucket: list[_Cluster], cluster: _Cluster) -> None:
    if not bucket or all(c is not cluster for c in bucket):
        bucket.append(cluster)


def _surname_user(clusters: Sequence[_Cluster], p: _Parsed) -> _Cluster | None:
    """Of the people sharing a surname, the only one the text already called by the bare
    surname ("Hillary Clinton … Clinton said … her husband, Bill Clinton … Clinton
    added"): news names a second bearer in full and keeps the bare surname for the first."""
    if p.multi:
        return None
    users = [c for c in clusters if c.called_by_one_word]
    if len(users) == 1 and len(clusters) > 1:
        return users[0]
    return None


def _most_recent(clusters: Sequence[_Cluster]) -> _Cluster:
    """The cluster mentioned last; among unmentioned roster clusters, the first listed."""
    return max(clusters, key=lambda c: (c.last_seen, -c.cid))


def cluster_names(
    mentions: Sequence[NameMention], roster: Roster | None = None
) -> list[NameCluster]:
    """Group the name mentions of one document by the entity they name.

    Returns clusters in order of their first member; ``members`` are indices into
    ``mentions``. Roster entries that no mention joined are left out. See the module
    docstring for the rules.
    """
    clusterer = _Clusterer()
    if roster:
        clusterer.seed_roster(roster)
    for index, item in enumerate(mentions):
        clusterer.assign(index, item.mention.text, item.kind)
    result: list[NameCluster] = []
    for cluster in sorted((c for c in clusterer.clusters if c.members), key=lambda c: c.members[0]):
        assert cluster.kind is not None
        if cluster.roster_name is not None:
            name = cluster.roster_name
        elif cluster.kind is EntityKind.PERSON:
            name = canonical_name(cluster.texts)
        else:
            name = _canonical_org(cluster.texts)
        result.append(
            NameCluster(
                name=name,
                kind=cluster.kind,
                members=list(cluster.members),
                aliases=_aliases(name, cluster),
                gender=cluster.gender if cluster.kind is EntityKind.PERSON else None,
            )
        )
    result = _split_elder_sisters(result, mentions)
    return _join_short_forms(result, mentions)


def _split_elder_sisters(
    clusters: list[NameCluster], mentions: Sequence[NameMention]
) -> list[NameCluster]:
    """English usage calls the eldest unmarried daughter "Miss Surname" and her sisters
    "Miss Forename": a text that calls Jemima Pinkerton "Jemima" again and again and also
    speaks of "Miss Pinkerton" means her elder sister by the latter. Those mentions (and
    the bare surname) are split off as a person of their own."""
    out: list[NameCluster] = []
    for cluster in clusters:
        if cluster.kind is not EntityKind.PERSON:
            out.append(cluster)
            continue
        texts = {i: " ".join(mentions[i].mention.text.split()) for i in cluster.members}
        full = [
            t.split()
            for t in texts.values()
            if len(t.split()) == 2 and not is_honorific(t.split()[0])
        ]
        if not full:
            out.append(cluster)
            continue
        forename, surname = full[0]
        misses = [i for i, t in texts.items() if t.casefold() == f"miss {surname}".casefold()]
        alone = [i for i, t in texts.items() if t == forename]
        if len(misses) < 2 or len(alone) < 2:
            out.append(cluster)
            continue
        elder = sorted(misses + [i for i, t in texts.items() if t == surname])
        rest = [i for i in cluster.members if i not in elder]
        out.append(attrs.evolve(cluster, members=rest))
        out.append(
            NameCluster(
                name=f"Miss {surname}",
                kind=EntityKind.PERSON,
                members=elder,
                aliases=[surname],
                gender="f",
            )
        )
    return sorted(out, key=lambda c: c.members[0])


# Words an acronym leaves out ("Federal Bureau of Investigation" -> FBI).
_ACRONYM_SKIPS = frozenset({"of", "and", "the", "for", "on", "&"})


def acronym(name: str) -> str:
    """The initials of an organisation's name ("Securities and Exchange Commission" -> SEC)."""
    return "".join(w[0] for w in name.split() if w.lower() not in _ACRONYM_SKIPS).upper()


def _short_form_of(short: NameCluster, long: NameCluster) -> bool:
    """Whether an organisation's one-word name is a short form of another's longer name:
    its acronym ("AP" for "Associated Press", "S.E.C.") or its first word ("Massy" for
    "Massy Stores")."""
    word = short.name.replace(".", "")
    if " " in short.name or " " not in long.name:
        return False
    if word.isupper() and len(word) >= 2:
        return word == acronym(long.name)
    return short.name == long.name.split()[0]


def _join_short_forms(
    clusters: list[NameCluster], mentions: Sequence[NameMention]
) -> list[NameCluster]:
    """An organisation written out in full and later by a short form is one organisation:
    the short form joins the one full name it fits (none when several do) that the text
    wrote before it, and the full name stays the canonical one."""
    longs = [c for c in clusters if c.kind is EntityKind.ORGANIZATION and " " in c.name]
    joined: set[int] = set()
    for k, short in enumerate(clusters):
        if short.kind is not EntityKind.ORGANIZATION or " " in short.name:
            continue
        first = mentions[short.members[0]].mention.start
        fits = [
            c
            for c in longs
            if _short_form_of(short, c) and mentions[c.members[0]].mention.start < first
        ]
        if len(fits) != 1:
            continue
        long = fits[0]
        long.members = sorted(long.members + short.members)
        long.aliases = [
            *long.aliases,
            *(a for a in [short.name, *short.aliases] if a not in long.aliases),
        ]
        joined.add(k)
    return [c for k, c in enumerate(clusters) if k not in joined]


def _canonical_org(texts: Sequence[str]) -> str:
    """The organisation's full name: of its forms of more than one word, the one the text
    writes most often ("Massy Stores" over a once-written "Massy Stores Westmoorings"),
    then the fullest (most words, then characters), then the first. Forms of the same words
    in another order count as one ("the Justice Department", "the Department of Justice"),
    so the fuller of them names it. A form that only puts words before another form ("the
    International Daily Ledger" and "the Daily Ledger") names an edition, a branch or a
    sister of it: the other form names the organisation ("Goldman Sachs Group" goes on
    after "Goldman Sachs" and wins)."""
    forms = [c for c in (_clean(t) for t in texts) if c]
    if not forms:
        return texts[0].strip() if texts else ""
    counts = Counter(_word_set(form) for form in forms if " " in form)
    keys = {
        form: tuple(w for w in _words(form.split()) if w not in _ORG_STOPWORDS) for form in forms
    }
    multi = {k for k in keys.values() if len(k) > 1}
    return max(
        enumerate(forms),
        key=lambda f: (
            counts[_word_set(f[1])] if " " in f[1] else 0,
            not any(_ends_with(keys[f[1]], other) for other in multi),
            len(f[1].split()),
            len(f[1]),
            -f[0],
        ),
    )[1]


def _word_set(form: str) -> frozenset[str]:
    """An organisation name's content words, in any order."""
    words = _words(form.split())
    return frozenset(w for w in words if w not in _ORG_STOPWORDS) or frozenset(words)


def _aliases(name: str, cluster: _Cluster) -> list[str]:
    """Other surface forms, honorific and possessive removed, first appearance first."""
    person = cluster.kind is EntityKind.PERSON
    seen = {_fold(name), _fold(normalize_name(name) if person else _clean(name))}
    aliases: list[str] = []
    for text in cluster.texts:
        form = normalize_name(text) if person else _clean(text)
        folded = _fold(form)
        if form and folded not in seen:
            seen.add(folded)
            aliases.append(form)
    return aliases
