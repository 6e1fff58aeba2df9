"""quoteattr.dask on a real LocalCluster of two worker processes: records equal one process."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import quoteattr
import quoteattr.dask as qdask
from quoteattr import cli
from quoteattr.corpus.records import CSV_COLUMNS, csv_row, document_records

TEXTS = {
    "p1": '"The port will reopen on Friday," harbour master Elin Voss said.',
    "p2": "Nobody is quoted in this short note.",
    "p3": "Tomas Kral told the council that the ferry fares would rise. He left early.",
    "p4": '"Not this year," Voss said when asked about the new pier.',
}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def expected(attributor: quoteattr.Attributor) -> list[dict]:
    return [
        record
        for doc_id, text in TEXTS.items()
        for record in document_records(attributor.analyze(text), doc_id)
    ]


def test_bag_of_records_equals_one_process(client: Client, expected: list[dict]) -> None:
    bag = db.from_sequence([{"id": k, "text": v} for k, v in TEXTS.items()], npartitions=2)
    records = qdask.quote_records(bag).compute()
    assert len(expected) >= 3
    assert records == expected
    # each of the two workers built its pipeline once and kept it
    built = client.run(lambda: len(__import__("quoteattr.workers").workers._BUILT))
    assert sorted(built.values()) == [1, 1]


def test_bag_of_plain_texts_gets_partition_ids_and_documents(
    client: Client, attributor: quoteattr.Attributor
) -> None:
    bag = db.from_sequence(list(TEXTS.values()), npartitions=2)
    documents = qdask.documents(bag).compute()
    assert [d["id"] for d in documents] == ["0-0", "0-1", "1-0", "1-1"]
    assert [d["quotes"] for d in documents] == [
        attributor.analyze(text).to_dict()["quotes"] for text in TEXTS.values()
    ]


def test_dataframe_gives_the_csv_columns(client: Client, expected: list[dict]) -> None:
    frame = pd.DataFrame({"text": list(TEXTS.values())}, index=list(TEXTS))
    result = qdask.quote_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
    assert list(result.columns) == list(CSV_COLUMNS)
    rows = result.to_dict("records")
    assert rows == [csv_row(r) for r in expected]


def test_cli_runs_on_a_cluster_address(
    client: Client, expected: list[dict], tmp_path: Path
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in TEXTS.items()),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    address = client.scheduler.address
    code = cli.main([str(corpus), "--json", "-o", str(out), "--dask", address, "--chunksize", "1"])
    assert code == 0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == expected


def test_without_dask_installed_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import now fails
    with pytest.raises(quoteattr.QuoteattrError, match=r"pip install 'quoteattr\[dask\]'"):
        qdask.quote_records(db.from_sequence(["x"]))


def test_cli_starts_a_local_cluster(expected: list[dict], tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    rows = "".join(f'{k},"{v.replace(chr(34), chr(34) * 2)}"\n' for k, v in TEXTS.items())
    corpus.write_text("id,text\n" + rows, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = cli.main([str(corpus), "--json", "-o", str(out), "--dask", "local", "--workers", "2"])
    assert code == 0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == expected
