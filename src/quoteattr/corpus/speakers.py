"""Speakers across documents: who is quoted how often, where, and with which words.

The input is the per-quote records of a corpus run (``--format jsonl``). Within a document
the records already share one speaker entity per person; across documents the entities are
merged by the same name rules that cluster names within one document
(``quoteattr.speakers.names.cluster_names``): "Putin" in one article and "Vladimir Putin" in
another are one speaker, "John Smith" and "Jane Smith" are two, typos and transliterations
meet, and a roster names its entries. Each distinct canonical name (with its kind) enters
the clustering once, in order of first appearance, so the result is deterministic and the
clustering's cost grows with the distinct names, not with the corpus.

Quotes without a resolved speaker are not counted in any row; ``SpeakerTable.unattributed``
says how many there were.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from ..speakers.names import NameMention, Roster, cluster_names
from ..types import Category, EntityKind, Mention, MentionKind, QuoteKind

__all__ = [
    "SPEAKER_COLUMNS",
    "Speaker",
    "SpeakerTable",
    "read_records",
    "speaker_table",
    "write_speakers",
]


@attrs.frozen
class Speaker:
    """One speaker across the corpus."""

    name: str
    kind: str
    named: bool
    roles: tuple[str, ...]  # most frequent first
    gender: str | None  # when every document that tells agrees
    quotes: int
    documents: int
    words: int  # words quoted, counted by whitespace
    by_kind: Mapping[str, int]
    by_category: Mapping[str, int]
    first_document: str
    last_document: str
    aliases: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "named": self.named,
            "roles": list(self.roles),
            "gender": self.gender,
            "quotes": self.quotes,
            "documents": self.documents,
            "words": self.words,
            "by_kind": dict(self.by_kind),
            "by_category": dict(self.by_category),
            "first_document": self.first_document,
            "last_document": self.last_document,
            "aliases": list(self.aliases),
        }


@attrs.frozen
class SpeakerTable:
    speakers: tuple[Speaker, ...]
    unattributed: int  # quotes with no resolved speaker


@attrs.define
class _NameGroup:
    """Everything the records say about one speaker name (and kind), over all documents."""

    name: str
    kind: str
    documents: set[int] = attrs.field(factory=set)  # positions of the documents in the input
    named: bool = False
    roles: Counter[str] = attrs.field(factory=Counter)  # documents that give each role
    genders: Counter[str] = attrs.field(factory=Counter)
    aliases: dict[str, None] = attrs.field(factory=dict)
    quotes: int = 0
    words: int = 0
    by_kind: Counter[str] = attrs.field(factory=Counter)
    by_category: Counter[str] = attrs.field(factory=Counter)

    def add(self, record: Mapping[str, Any], speaker: Mapping[str, Any], document: int) -> None:
        if document not in self.documents:  # the profile counts once per document
            self.documents.add(document)
            self.named = self.named or bool(speaker.get("named", True))
            self.roles.update(dict.fromkeys((str(r) for r in speaker.get("role") or ()), 1))
            if speaker.get("gender"):
                self.genders[str(speaker["gender"])] += 1
            self.aliases.update(dict.fromkeys(str(a) for a in speaker.get("aliases") or ()))
        self.quotes += 1
        self.words += len(str(record.get("text", "")).split())
        self.by_kind[str(record.get("kind"))] += 1
        self.by_category[str(record.get("category") or "none")] += 1


def _entity_kind(kind: str) -> EntityKind:
    try:
        return EntityKind(kind)
    except ValueError:
        return EntityKind.UNKNOWN


def _collect(records: Iterable[Mapping[str, Any]]) -> tuple[list[_NameGroup], list[str], int]:
    """The name groups in order of first appearance, the document ids in input order, and
    the number of quotes without a speaker. Memory grows with the distinct names and the
    documents each appears in, not with the quotes."""
    groups: dict[tuple[str, str], _NameGroup] = {}
    positions: dict[str, int] = {}
    unattributed = 0
    for record in records:
        doc_id = str(record["doc_id"])
        document = positions.setdefault(doc_id, len(positions))
        speaker = record.get("speaker")
        if not isinstance(speaker, Mapping) or not speaker.get("name"):
            unattributed += 1
            continue
        name, kind = str(speaker["name"]), str(speaker.get("kind", "unknown"))
        group = groups.get((name, kind))
        if group is None:
            group = groups[(name, kind)] = _NameGroup(name=name, kind=kind)
        group.add(record, speaker, document)
    return list(groups.values()), list(positions), unattributed


def _merge(name: str, kind: str, members: Sequence[_NameGroup], doc_ids: list[str]) -> Speaker:
    roles: Counter[str] = Counter()
    genders: Counter[str] = Counter()
    aliases: dict[str, None] = {}
    by_kind: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    documents: set[int] = set()
    for m in members:
        roles.update(m.roles)
        genders.update(m.genders)
        aliases.update(dict.fromkeys((m.name, *m.aliases)))
        by_kind.update(m.by_kind)
        by_category.update(m.by_category)
        documents |= m.documents
    aliases.pop(name, None)
    return Speaker(
        name=name,
        kind=kind,
        named=any(m.named for m in members),
        roles=tuple(role for role, _ in roles.most_common()),
        gender=next(iter(genders)) if len(genders) == 1 else None,  # when all that tell agree
        quotes=sum(m.quotes for m in members),
        documents=len(documents),
        words=sum(m.words for m in members),
        by_kind={k.value: by_kind[k.value] for k in QuoteKind if by_kind[k.value]},
        by_category={
            c: by_category[c] for c in (*(c.value for c in Category), "none") if by_category[c]
        },
        first_document=doc_ids[min(documents)],
        last_document=doc_ids[max(documents)],
        aliases=tuple(aliases),
    )


def speaker_table(
    records: Iterable[Mapping[str, Any]], roster: Roster | None = None
) -> SpeakerTable:
    """One ``Speaker`` per person, organisation or group across the records' documents,
    most quoted first (then by name)."""
    groups, doc_ids, unattributed = _collect(records)
    mentions = [
        NameMention(Mention(0, len(g.name), g.name, MentionKind.NAME), _entity_kind(g.kind))
        for g in groups
    ]
    speakers = []
    for cluster in cluster_names(mentions, roster):
        members = [groups[i] for i in cluster.members]
        speakers.append(_merge(cluster.name, cluster.kind.value, members, doc_ids))
    speakers.sort(key=lambda s: (-s.quotes, s.name.casefold(), s.first_document))
    return SpeakerTable(speakers=tuple(speakers), unattributed=unattributed)


def read_records(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """The quote records of JSONL files written by ``quoteattr --format jsonl``."""
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise ValueError(f"{path}:{number}: not valid JSON: {exc}") from None
                if not isinstance(record, dict) or "doc_id" not in record:
                    raise ValueError(f"{path}:{number}: not a quote record (no doc_id)")
                yield record


# ------------------------------------------------------------------ output

#: Columns of the CSV (and table) form.
SPEAKER_COLUMNS: tuple[str, ...] = (
    "name",
    "kind",
    "named",
    "roles",
    "gender",
    "quotes",
    "documents",
    "words",
    *(f"{k.value}" for k in QuoteKind),
    *(f"{c.value}" for c in Category),
    "first_document",
    "last_document",
    "aliases",
)


def _flat(speaker: Speaker) -> dict[str, Any]:
    row: dict[str, Any] = speaker.to_dict()
    row["roles"] = "; ".join(speaker.roles)
    row["aliases"] = "; ".join(speaker.aliases)
    row["gender"] = speaker.gender or ""
    for kind in QuoteKind:
        row[kind.value] = speaker.by_kind.get(kind.value, 0)
    for category in Category:
        row[category.value] = speaker.by_category.get(category.value, 0)
    return {column: row[column] for column in SPEAKER_COLUMNS}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _shorten(value: Any, width: int) -> str:
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


_TABLE = (("name", 28), ("kind", 12), ("quotes", 6), ("documents", 9), ("words", 7))
_TABLE_TAIL = (("gender", 6), ("roles", 30))


def write_speakers(table: SpeakerTable, out: TextIO, fmt: str = "table") -> None:
    """``table``: aligned columns; ``csv``: ``SPEAKER_COLUMNS``; ``json``: a JSON object
    with the speakers and the count of unattributed quotes."""
    if fmt == "json":
        data = {
            "speakers": [s.to_dict() for s in table.speakers],
            "unattributed_quotes": table.unattributed,
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=SPEAKER_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat(s) for s in table.speakers)
    elif fmt == "table":
        columns = (*_TABLE, *_TABLE_TAIL)
        out.write("  ".join(name.upper().ljust(width) for name, width in columns).rstrip() + "\n")
        for speaker in table.speakers:
            flat = _flat(speaker)
            cells = [_shorten(flat[name], width).ljust(width) for name, width in columns]
            out.write("  ".join(cells).rstrip() + "\n")
        out.write(
            f"\n{_count(len(table.speakers), 'speaker')}; "
            f"{_count(table.unattributed, 'quote')} without a speaker\n"
        )
    else:
        raise ValueError(f"unknown format {fmt!r} (table, csv or json)")
