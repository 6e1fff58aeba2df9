"""Corpus mode through the CLI and its modules: every input kind, every output format, the
errors file and exit status, --resume, worker processes, the progress bar.

A fake attributor keeps these fast: it finds ``"words," Name said`` and gives each name one
entity with a role and a gender. The real pipeline runs in test_corpus_workers.py and
test_corpus_dask.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli
from quoteattr.corpus import readers, runner, writers
from quoteattr.corpus.readers import Document, ReadOptions, read_documents
from quoteattr.corpus.records import CSV_COLUMNS
from quoteattr.types import Attribution, Entity, Mention, MentionKind, Quote, QuoteKind, Span
from quoteattr.workers import Recipe

_QUOTE = re.compile(r'"(.+?)" ([A-Z]\w+(?: [A-Z]\w+)*) said')


class FakeAttributor:
    """Quotes of the form ``"words" Name said``; a text with BOOM in it raises."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def analyze(self, text: str) -> Attribution:
        self.seen.append(text)
        if "BOOM" in text:
            raise RuntimeError("the fake cannot read BOOM")
        quotes, entities = [], {}
        for match in _QUOTE.finditer(text):
            name = match.group(2)
            entity = entities.get(name) or Entity(
                id=f"E{len(entities) + 1}", name=name, role=("mayor",), gender="female"
            )
            entities[name] = entity
            s, e = match.span(1)
            ms, me = match.span(2)
            said = match.end() - len("said")
            quotes.append(
                Quote(
                    start=s,
                    end=e,
                    text=text[s:e],
                    kind=QuoteKind.DIRECT,
                    fragments=(Span.of(text, s, e),),
                    cue=Span.of(text, said, said + 4),
                    speaker_mention=Mention.of(text, ms, me, MentionKind.NAME),
                    speaker=entity,
                    confidence=0.75,
                    rule="direct-clause",
                )
            )
        return Attribution(text=text, quotes=tuple(quotes), entities=tuple(entities.values()))

    def pipe(self, texts: Iterable[str]) -> Iterator[Attribution]:
        for text in texts:
            yield self.analyze(text)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> list[Recipe]:
    """Every recipe the CLI built an attributor from; the attributors are fakes."""
    recipes: list[Recipe] = []

    def factory(recipe: Recipe) -> FakeAttributor:
        recipes.append(recipe)
        return FakeAttributor()

    monkeypatch.setattr(cli, "_make_attributor", factory)
    return recipes


DOCS = {
    "a": '"The ferry, or "boat", will run" Elin Voss said.\nShe left.',
    "b": "Nothing is quoted in this one.",
    "c": '"Rates will rise" Tomas Kral said. "Not soon" Elin Voss said.',
}


def write_jsonl(path: Path, docs: dict[str, str]) -> Path:
    lines = [json.dumps({"id": k, "body": v}) for k, v in docs.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ------------------------------------------------------------------ inputs


def test_directory_reads_txt_and_html_below_it_sorted_and_glob_chooses(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "notes.md").write_text("skip me", encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert [(Path(d.id).name, d.text) for d in docs] == [("b.txt", "two"), ("a.txt", "one")]
    chosen = list(read_documents([str(tmp_path)], ReadOptions(globs=("*.md",))))
    assert [d.text for d in chosen] == ["skip me"]


def test_jsonl_fields_ids_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"key": "k1", "body": "first"}\n\n{"body": "no id"}\n{oops\n{"key": "k4"}\n[1, 2]\n',
        encoding="utf-8",
    )
    docs = list(read_documents([str(path)], ReadOptions(text_field="body", id_field="key")))
    assert [(d.id, d.text) for d in docs[:2]] == [("k1", "first"), (f"{path}:3", "no id")]
    assert docs[2].id == f"{path}:4" and docs[2].error.startswith("not valid JSON")
    assert docs[3].id == "k4" and docs[3].error == "no 'body' field"
    assert docs[4].error == "not a JSON object"


def test_csv_rows_with_quoted_newlines_and_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["r1", 'He said, "yes",\nthen left.\u2028Done'])
        writer.writerow(["", "second"])
    docs = list(read_documents([str(path)]))
    assert [(d.id, d.text) for d in docs] == [
        ("r1", 'He said, "yes",\nthen left.\u2028Done'),
        (f"{path}:4", "second"),
    ]
    (bad,) = read_documents([str(path)], ReadOptions(text_field="body"))
    assert bad.error == "no 'body' column (columns: ['id', 'text'])"


def test_stdin_bytes_are_decoded_strictly() -> None:
    good = io.TextIOWrapper(io.BytesIO("\ufeffna\u00efve".encode()), encoding="utf-8")
    (doc,) = read_documents(["-"], stdin=good)
    assert (doc.id, doc.text, doc.error) == ("<stdin>", "na\u00efve", None)
    bad = io.TextIOWrapper(io.BytesIO(b"\xff\xfeA\x00"), encoding="utf-8")
    (doc,) = read_documents(["-"], stdin=bad)
    assert doc.text is None and "binary" in (doc.error or "")


PAGE = """<!DOCTYPE html><html><head><title>Harbour news</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header><main><article><h1>Ferry service to resume</h1>
<p>"The boats will sail on Friday" Elin Voss said, after a week of storms had kept the
fleet in port and the island without its post.</p>
<p>Voss added that the company would refund every cancelled ticket before the end of the
month, and that the timetable would stay as it was.</p></article></main>
<footer><p>Copyright 2026 The Harbour Gazette. All rights reserved.</p></footer></body></html>
"""


def test_html_page_gives_its_main_text_and_json_records_it(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run_cli(["--format", "json", str(page)], capsys)
    assert code == 0
    document = json.loads(out)
    text = document["text"]
    assert document["extracted_from"] == "html"
    assert "Voss added that the company" in text
    assert "Copyright" not in text and "Sport" not in text and "<p>" not in text
    (quote,) = document["quotes"]
    assert text[quote["start"] : quote["end"]] == quote["text"] == "The boats will sail on Friday"


def test_html_page_in_its_declared_charset(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    declared = PAGE.replace("<head>", '<head><meta charset="windows-1252">')
    page.write_bytes(declared.replace("Friday", "Fr\u00eddag").encode("cp1252"))
    (doc,) = read_documents([str(page)])
    assert doc.error is None and doc.html
    assert "sail on Fr\u00eddag" in (doc.text or "")


def test_html_flag_extracts_corpus_fields(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text(json.dumps({"id": "p1", "text": PAGE}) + "\n", encoding="utf-8")
    code, out, _ = run_cli([str(corpus), "--html", "--format", "json"], capsys)
    assert code == 0
    document = json.loads(out)
    assert document["id"] == "p1" and document["extracted_from"] == "html"
    assert "<p>" not in document["text"] and "Voss added" in document["text"]


def test_html_without_trafilatura_says_what_to_install(
    tmp_path: Path,
    fake: list[Recipe],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now fails
    page = tmp_path / "page.htm"
    page.write_text(PAGE, encoding="utf-8")
    code, _, err = run_cli([str(page)], capsys)
    assert code == 1
    assert "reading HTML needs trafilatura" in err and "quoteattr[html]" in err


# ------------------------------------------------------------------ formats


def test_every_input_kind_in_one_run_as_a_table(
    tmp_path: Path,
    fake: list[Recipe],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = tmp_path / "one.txt"
    text.write_text(DOCS["a"], encoding="utf-8")
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "two.txt").write_text(DOCS["c"], encoding="utf-8")
    corpus = write_jsonl(tmp_path / "c.jsonl", {"j1": DOCS["b"]})
    table = tmp_path / "c.csv"
    table.write_text(f'id,text\nc1,"{DOCS["b"]}"\n', encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(DOCS["c"].encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    args = [str(text), str(folder), str(corpus), str(table), "-", "--text-field", "body"]
    code, out, _ = run_cli(args, capsys)
    assert code == 3  # the CSV has no "body" column
    headers = [line for line in out.splitlines() if line.startswith("==>")]
    assert headers == [
        f"==> {text} <== 1 quote",
        f"==> {folder / 'two.txt'} <== 2 quotes",
        "==> j1 <== 0 quotes",
        "==> <stdin> <== 2 quotes",
    ]


def test_csv_output_parses_back_with_the_csv_module(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    out = tmp_path / "quotes.csv"
    code, _, _ = run_cli(
        [str(corpus), "--text-field", "body", "--format", "csv", "-o", str(out)], capsys
    )
    assert code == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["doc_id"], r["speaker"]) for r in rows] == [
        ("a", "Elin Voss"),
        ("c", "Tomas Kral"),
        ("c", "Elin Voss"),
    ]
    first = rows[0]
    assert first["text"] == 'The ferry, or "boat", will run'  # commas and quotes survive
    assert DOCS["a"][int(first["start"]) : int(first["end"])] == first["text"]
    assert (first["kind"], first["cue"], first["speaker_role"]) == ("direct", "said", "mayor")
    assert (first["speaker_gender"], first["confidence"], first["rule"]) == (
        "female",
        "0.75",
        "direct-clause",
    )
    assert first["category"] == "" and first["addressee"] == ""
    assert first["speaker_named"] == "true"


def json_lines(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[Any]:
    """The lines of DOCS run as a JSONL corpus in format ``fmt``, parsed."""
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    code, out, _ = run_cli([str(corpus), "--text-field", "body", "--format", fmt], capsys)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_records_carry_doc_id_and_the_speaker_profile(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    records = json_lines("jsonl", tmp_path, capsys)
    assert [r["doc_id"] for r in records] == ["a", "c", "c"]
    assert records[1]["speaker"] == {
        "id": "E1",
        "name": "Tomas Kral",
        "kind": "person",
        "role": ["mayor"],
        "gender": "female",
        "named": True,
        "aliases": [],
    }


def test_json_writes_one_document_per_input_including_empty_ones(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    documents = json_lines("json", tmp_path, capsys)
    assert [(d["id"], len(d["quotes"])) for d in documents] == [("a", 1), ("b", 0), ("c", 2)]
    assert documents[2]["schema"] == 2 and len(documents[2]["entities"]) == 2
    assert Attribution.from_dict(documents[0]).text == DOCS["a"]


def test_json_flag_is_jsonl_and_conflicts_with_another_format(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    assert (
        run_cli([str(corpus), "--text-field", "body", "--json"], capsys)[1]
        == run_cli([str(corpus), "--text-field", "body", "--format", "jsonl"], capsys)[1]
    )
    code, _, err = run_cli([str(corpus), "--json", "--format", "csv"], capsys)
    assert code == 2 and "--json means --format jsonl" in err


# ------------------------------------------------------------------ errors and options


def test_failed_documents_go_to_the_errors_file_and_exit_3(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", {"a": DOCS["a"], "bad": "BOOM", "c": DOCS["c"]})
    with (tmp_path / "c.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    errors = tmp_path / "errors.jsonl"
    args = [str(corpus), "--text-field", "body", "--json", "--errors", str(errors)]
    code, out, err = run_cli(args, capsys)
    assert code == 3
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["a", "c", "c"]
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(f["id"], f["path"]) for f in failed] == [
        ("bad", f"{corpus}:2"),
        (f"{corpus}:4", f"{corpus}:4"),
    ]
    assert failed[0]["error"] == "RuntimeError: the fake cannot read BOOM"
    assert failed[1]["error"].startswith("not valid JSON")
    assert "4 documents, 3 quotes, 2 failed" in err and str(errors) in err
    assert "BOOM" not in err  # the details are in the file, not on the terminal


def test_category_and_min_confidence_reach_the_attributor(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DOCS["a"], encoding="utf-8")
    assert cli.main([str(path), "--category", "speech,thought", "--min-confidence", "0.6"]) == 0
    assert fake[-1].categories == ("speech", "thought")
    assert fake[-1].kwargs()["min_confidence"] == 0.6
    assert cli.main([str(path)]) == 0
    assert "min_confidence" not in fake[-1].kwargs()  # not passed unless given
    code, _, err = run_cli([str(path), "--category", "speech,gossip"], capsys)
    assert code == 2 and "unknown category gossip" in err
    assert cli.main([str(path), "--min-confidence", "1.5"]) == 2


def test_workers_give_the_same_output_in_input_order(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    many = {f"d{i:02}": DOCS["abc"[i % 3]] for i in range(20)} | {"bad": "BOOM"}
    corpus = write_jsonl(tmp_path / "c.jsonl", many)
    base = [str(corpus), "--text-field", "body", "--format", "json", "--chunksize", "3"]
    one = run_cli(base, capsys)
    two = run_cli([*base, "--workers", "2"], capsys)
    assert one == two
    assert one[0] == 3
    assert [json.loads(line)["id"] for line in one[1].splitlines()] == [
        k for k in many if k != "bad"
    ]


# ------------------------------------------------------------------ resume


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_resume_finishes_an_interrupted_run(
    tmp_path: Path, fake: list[Recipe], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = {f"d{i}": DOCS["abc"[i % 3]] for i in range(9)}
    corpus = write_jsonl(tmp_path / "c.jsonl", docs)
    out = tmp_path / f"out.{fmt}"
    args = [str(corpus), "--text-field", "body", "--format", fmt, "-o", str(out)]
    assert cli.main(args) == 0
    complete = out.read_bytes()
    # interrupted in the middle of document d6
    cut = complete.index(b'"d6"' if fmt != "csv" else b"\nd6,") + 3
    out.write_bytes(complete[:cut])
    code, _, err = run_cli([*args, "--resume"], capsys)
    assert code == 0
    assert out.read_bytes() == complete
    assert "already done (--resume)" in err
    assert cli.main([*args, "--resume"]) == 0  # nothing left but the last document
    assert out.read_bytes() == complete


def test_resume_redoes_only_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[FakeAttributor] = []
    monkeypatch.setattr(
        cli, "_make_attributor", lambda recipe: built.append(FakeAttributor()) or built[-1]
    )
    docs = {f"d{i}": DOCS["abc"[i % 3]] + f" {i}" for i in range(6)}
    corpus = write_jsonl(tmp_path / "c.jsonl", docs)
    out = tmp_path / "out.json"
    args = [str(corpus), "--text-field", "body", "--format", "json", "-o", str(out)]
    assert cli.main(args) == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][:10], encoding="utf-8")  # d3 cut short
    assert cli.main([*args, "--resume"]) == 0
    # d2 was the last complete document: it is redone in case it was cut, then d3 on
    assert built[-1].seen == [docs[f"d{i}"] for i in range(2, 6)]
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == lines


def test_resume_refuses_a_file_of_another_format_and_leaves_it_alone(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    out = tmp_path / "out"
    args = [str(corpus), "--text-field", "body", "-o", str(out)]
    assert cli.main([*args, "--format", "jsonl"]) == 0
    before = out.read_bytes()
    for fmt in ("csv", "json"):
        code, _, err = run_cli([*args, "--format", fmt, "--resume"], capsys)
        assert code == 2 and f"cannot resume {out}, not a {fmt} output" in err
        assert out.read_bytes() == before


def test_interrupt_says_how_to_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Interrupted(FakeAttributor):
        def analyze(self, text: str) -> Attribution:
            raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_make_attributor", lambda recipe: Interrupted())
    path = tmp_path / "a.txt"
    path.write_text(DOCS["a"], encoding="utf-8")
    code, _, err = run_cli([str(path)], capsys)
    assert code == 130 and "--resume" in err


def test_resume_needs_an_output_file(
    tmp_path: Path, fake: list[Recipe], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    code, _, err = run_cli([str(corpus), "--resume", "--json"], capsys)
    assert code == 2 and "--resume needs -o OUT" in err


def test_resume_ids_keeps_the_csv_header_of_a_file_without_rows(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    out.write_text(",".join(CSV_COLUMNS) + "\r\nd1,3,9,dir", encoding="utf-8")
    assert writers.resume_ids(out, "csv") == set()
    assert out.read_bytes() == (",".join(CSV_COLUMNS) + "\r\n").encode()


# ------------------------------------------------------------------ progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(
    tmp_path: Path, fake: list[Recipe], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    args = [str(corpus), "--text-field", "body", "--json", "-o", str(tmp_path / "o.jsonl")]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(args) == 0
    assert "3/3" in terminal.getvalue() and "doc/s" in terminal.getvalue()
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert cli.main([*args, "--quiet"]) == 0
    assert quiet.getvalue() == ""
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert cli.main(args) == 0
    assert pipe.getvalue() == "quoteattr: 3 documents, 3 quotes\n"


# ------------------------------------------------------------------ runner


def test_runner_keeps_input_order_around_unreadable_documents() -> None:
    docs = [
        Document("x", None, "x", error="unreadable"),
        Document("a", DOCS["a"], "a"),
        Document("y", None, "y", error="unreadable"),
        Document("boom", "BOOM", "boom"),
        Document("c", DOCS["c"], "c"),
        Document("z", None, "z", error="unreadable"),
    ]
    results = list(runner.run(docs, runner.in_processes(FakeAttributor(), 1, chunksize=2)))
    assert [(r.document.id, r.error is None) for r in results] == [
        ("x", False),
        ("a", True),
        ("y", False),
        ("boom", False),
        ("c", True),
        ("z", False),
    ]
    assert results[4].attribution is not None and len(results[4].attribution.quotes) == 2


def test_count_documents_for_the_progress_bar(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", DOCS)
    table = tmp_path / "t.csv"
    table.write_text('id,text\n1,"two\nlines"\n2,x\n', encoding="utf-8")
    assert readers.count_documents([str(corpus), str(table), "-", str(tmp_path)]) == 3 + 2 + 1
