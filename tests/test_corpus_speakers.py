"""Speakers across documents: the same person merged by the name rules, different people
with one surname kept apart, and the columns a source audit needs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli
from quoteattr.corpus.speakers import SPEAKER_COLUMNS, speaker_table, write_speakers


def record(
    doc_id: str,
    entity: str,
    name: str,
    text: str,
    *,
    kind: str = "direct",
    category: str | None = "speech",
    speaker_kind: str = "person",
    role: tuple[str, ...] = (),
    gender: str | None = None,
    named: bool = True,
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "start": 0,
        "end": len(text),
        "text": text,
        "kind": kind,
        "category": category,
        "speaker": {
            "id": entity,
            "name": name,
            "kind": speaker_kind,
            "role": list(role),
            "gender": gender,
            "named": named,
            "aliases": [],
        },
        "confidence": 0.8,
        "rule": "direct-clause",
    }


RECORDS = [
    record("d1", "E1", "Putin", "we will not move", role=("Russian president",), gender="male"),
    record("d1", "E2", "John Smith", "the vote is close", gender="male"),
    record("d2", "E1", "Vladimir Putin", "talks can start soon", kind="indirect", role=("leader",)),
    record("d2", "E2", "Jane Smith", "the count is wrong", gender="female"),
    record("d2", "E1", "Vladimir Putin", "I doubt it", category="thought", role=("leader",)),
    record("d3", "E4", "Zelenskyy", "help is needed now"),
    record("d3", "E5", "officials", "nothing changed", speaker_kind="group", named=False),
    {**record("d3", "E9", "x", "said by nobody known"), "speaker": None},
    record("d4", "E1", "Volodymyr Zelensky", "we stand"),
    record("d4", "E2", "Kremlin", "no comment", speaker_kind="organization"),
]


def by_name(records: list[dict[str, Any]]) -> dict[str, Any]:
    return {s.name: s for s in speaker_table(records).speakers}


def test_the_same_person_merges_across_documents() -> None:
    speakers = by_name(RECORDS)
    putin = speakers["Vladimir Putin"]
    assert (putin.quotes, putin.documents, putin.words) == (3, 2, 11)
    assert putin.by_kind == {"direct": 2, "indirect": 1}
    assert putin.by_category == {"speech": 2, "thought": 1}
    assert (putin.first_document, putin.last_document) == ("d1", "d2")
    assert putin.roles == ("Russian president", "leader")
    assert putin.gender == "male"  # d2 did not say; d1 did
    assert "Putin" in putin.aliases
    # a transliteration variant meets the fuller name
    zelensky = speakers["Volodymyr Zelensky"]
    assert (zelensky.documents, zelensky.first_document) == (2, "d3")


def test_different_people_sharing_a_surname_stay_apart() -> None:
    speakers = by_name(RECORDS)
    assert speakers["John Smith"].quotes == 1 and speakers["Jane Smith"].quotes == 1
    assert speakers["Jane Smith"].gender == "female"
    assert speakers["Kremlin"].kind == "organization"
    assert speakers["officials"].named is False


def test_table_order_and_unattributed_count() -> None:
    table = speaker_table(RECORDS)
    assert table.speakers[0].name == "Vladimir Putin"  # most quoted first
    assert table.unattributed == 1
    assert len(table.speakers) == 6


def test_roster_names_the_merged_speaker() -> None:
    roster = {"Vladimir V. Putin": ["Putin", "Vladimir Putin"]}
    (first, *_) = speaker_table(RECORDS, roster=roster).speakers
    assert (first.name, first.quotes) == ("Vladimir V. Putin", 3)


def test_formats_and_the_speakers_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "quotes.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "speakers.csv"
    assert cli.main(["speakers", str(path), "--format", "csv", "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(SPEAKER_COLUMNS)
    assert rows[0]["name"] == "Vladimir Putin"
    assert (rows[0]["quotes"], rows[0]["thought"], rows[0]["indirect"]) == ("3", "1", "1")
    assert cli.main(["speakers", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unattributed_quotes"] == 1 and len(data["speakers"]) == 6
    assert cli.main(["speakers", str(path)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[1].startswith("Vladimir Putin")
    assert "6 speakers; 1 quote without a speaker" in table
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no doc id"}\n', encoding="utf-8")
    assert cli.main(["speakers", str(bad)]) == 2
    assert f"{bad}:1: not a quote record" in capsys.readouterr().err


def test_write_speakers_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write_speakers(speaker_table(RECORDS), io.StringIO(), "xml")


def test_a_document_counts_once_for_a_speaker_under_two_names() -> None:
    records = [
        record("d1", "E1", "Putin", "first words", role=("president",)),
        record("d1", "E3", "Vladimir Putin", "more words", role=("president",)),
        record("d2", "E1", "Putin", "later words"),
    ]
    (putin,) = speaker_table(records).speakers
    assert (putin.name, putin.quotes, putin.documents) == ("Vladimir Putin", 3, 2)
    assert putin.roles == ("president",) and putin.aliases == ("Putin",)
