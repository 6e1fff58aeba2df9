"""The ``quoteattr`` command, run through ``main([...])`` with a fake attributor."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import quoteattr
from quoteattr import cli
from quoteattr.corpus.records import quote_record
from quoteattr.errors import ModelNotFoundError
from quoteattr.types import Attribution, Entity, Mention, MentionKind, Quote, QuoteKind, Span
from quoteattr.workers import Recipe

TEXT = 'The mayor spoke. "We will rebuild the bridge," he said.\n'
LONG = "Then she said: " + '"' + "very " * 40 + 'long."\n'


def direct(
    text: str, content: str, mention: str | None, name: str | None, cue: str | None
) -> Quote:
    start = text.index(content)
    end = start + len(content)
    mention_span = None
    if mention is not None:
        m = text.index(f" {mention} ") + 1
        mention_span = Mention.of(text, m, m + len(mention), MentionKind.PRONOUN)
    speaker = Entity(id="e1", name=name) if name else None
    cue_span = None
    if cue is not None:
        c = text.index(cue)
        cue_span = Span.of(text, c, c + len(cue))
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=QuoteKind.DIRECT,
        fragments=(Span.of(text, start, end),),
        cue=cue_span,
        speaker_mention=mention_span,
        speaker=speaker,
    )


def answers(text: str) -> tuple[Quote, ...]:
    if text == TEXT:
        return (direct(text, "We will rebuild the bridge,", "he", "Mayor Jo Park", "said"),)
    if text == LONG:
        return (direct(text, "very " * 40 + "long.", None, None, None),)
    return ()


class FakeAttributor:
    def __init__(self, model: str | None) -> None:
        self.model = model
        self.seen: list[str] = []

    def analyze(self, text: str) -> Attribution:
        return Attribution(text=text, quotes=answers(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[Attribution]:
        for text in texts:
            self.seen.append(text)
            yield self.analyze(text)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[FakeAttributor]:
    """Replace the real attributor; the list holds every fake the CLI built."""
    built: list[FakeAttributor] = []

    def factory(recipe: Recipe) -> FakeAttributor:
        built.append(FakeAttributor(recipe.model))
        return built[-1]

    monkeypatch.setattr(cli, "_make_attributor", factory)
    return built


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_table_shows_kind_speaker_with_mention_cue_and_text(
    article: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([str(article)]) == 0
    out = capsys.readouterr().out
    assert f"==> {article} <== 1 quote" in out
    (row,) = [line for line in out.splitlines() if line.startswith("direct")]
    # canonical name, then the mention as written because it differs
    assert 'Mayor Jo Park ("he")' in row
    assert " ".join(row.split('("he")')[1].split()) == "said We will rebuild the bridge,"
    assert made[0].model is None


def test_long_quotes_are_shortened_to_the_width(
    tmp_path: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    assert cli.main([str(path)]) == 0
    out = capsys.readouterr().out
    (row,) = [line for line in out.splitlines() if line.startswith("direct")]
    assert row.endswith("…")
    assert len(row) <= 100
    assert row.split()[1:3] == ["-", "-"]  # no speaker, no cue


def test_json_lines_are_quote_records_with_the_document_id(
    article: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--json", "--model", "en_core_web_md", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data == quote_record(answers(TEXT)[0], str(article))
    assert data["doc_id"] == str(article)
    assert data["speaker"]["name"] == "Mayor Jo Park"
    assert made[0].model == "en_core_web_md"


def test_json_for_a_file_without_quotes_writes_the_document(
    tmp_path: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing quoted here.", encoding="utf-8")
    assert cli.main(["--format", "json", str(path)]) == 0
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    document = json.loads(line)
    assert document["id"] == str(path)
    assert document["quotes"] == [] and document["text"] == "Nothing quoted here."
    # jsonl has no line to write for it, but the run says what it did
    assert cli.main(["--json", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 document, 0 quotes" in captured.err


def test_several_files_and_stdin(
    article: Path,
    made: list[FakeAttributor],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Nothing quoted here."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert cli.main([str(article), "-"]) == 0
    out = capsys.readouterr().out
    assert "==> <stdin> <== 0 quotes" in out
    assert made[0].seen == [TEXT, "Nothing quoted here."]


def test_stdin_is_decoded_strictly_like_files(
    article: Path,
    made: list[FakeAttributor],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("caf\xe9 au lait".encode("latin-1")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert cli.main(["--json", "-", str(article)]) == 3
    captured = capsys.readouterr()
    assert "<stdin>: not UTF-8 text (byte 0xe9 at offset 3)" in captured.err
    assert made[0].seen == [TEXT]  # the bad input never reached the analysis
    assert [json.loads(line)["doc_id"] for line in captured.out.splitlines()] == [str(article)]


def test_unreadable_file_exits_2_before_loading_a_model(
    tmp_path: Path, article: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert cli.main([str(article), str(missing)]) == 2
    captured = capsys.readouterr()
    assert f"cannot read {missing}" in captured.err
    assert captured.out == ""
    assert made == []


def test_non_utf8_and_binary_files_are_reported_and_the_run_goes_on(
    tmp_path: Path, article: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert cli.main([str(latin), str(binary), str(article)]) == 3
    captured = capsys.readouterr()
    assert f"{latin}: not UTF-8 text" in captured.err
    assert f"{binary}: looks like a binary file" in captured.err
    assert f"==> {article} <== 1 quote" in captured.out
    assert "3 documents, 1 quote, 2 failed" in captured.err


def test_a_model_that_is_not_installed_is_named(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = article.with_name("kept.jsonl")
    out.write_text("earlier results\n", encoding="utf-8")
    assert cli.main(["--model", "en_nope", "--json", "-o", str(out), str(article)]) == 1
    assert out.read_text(encoding="utf-8") == "earlier results\n"  # not emptied for nothing
    err = capsys.readouterr().err
    assert "spaCy pipeline 'en_nope' is not installed" in err
    assert "no English" not in err


def test_missing_model_exits_1(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_model(recipe: Recipe) -> None:
        raise ModelNotFoundError("no English spaCy pipeline is installed")

    monkeypatch.setattr(cli, "_make_attributor", no_model)
    assert cli.main([str(article)]) == 1
    assert "no English spaCy pipeline" in capsys.readouterr().err


def test_readme_quick_start_runs_on_the_bundled_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    article = Path(__file__).resolve().parent.parent / "examples" / "harbour_article.txt"
    assert cli.main([str(article)]) == 0
    captured = capsys.readouterr()
    header, columns, *rows = captured.out.splitlines()
    count = int(header.split("<== ")[1].split()[0])
    assert header.startswith(f"==> {article} <== ") and count >= 5
    assert columns.split() == ["KIND", "SPEAKER", "CUE", "QUOTE"]
    assert len([r for r in rows if r]) == count
    assert captured.err == f"quoteattr: 1 document, {count} quotes\n"


def test_usage_errors_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "usage: quoteattr" in capsys.readouterr().err
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"quoteattr {quoteattr.__version__}"
    assert cli.main(["evaluate"]) == 2
    assert "usage: quoteattr evaluate" in capsys.readouterr().err
    assert cli.main(["evaluate", "--limit", "-1", "x.jsonl"]) == 2


def test_double_dash_reads_a_file_called_evaluate(
    tmp_path: Path,
    made: list[FakeAttributor],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("evaluate").write_text(TEXT, encoding="utf-8")
    assert cli.main(["--", "evaluate"]) == 0
    assert "==> evaluate <== 1 quote" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# quoteattr evaluate


def gold_line(doc_id: str, speaker: bool) -> str:
    """TEXT with its one quote; PolNeAR style (marks included, "he" as the source)."""
    start = TEXT.index('"We')
    end = TEXT.index(',"') + 2
    he = TEXT.index(" he ") + 1
    return json.dumps(
        {
            "id": doc_id,
            "corpus": "mine",
            "text": TEXT,
            "quotes": [
                {
                    "start": start,
                    "end": end,
                    "text": TEXT[start:end],
                    "kind": "direct",
                    "speaker": "he" if speaker else None,
                    "speaker_mentions": [[he, he + 2]] if speaker else [],
                    "cue": [he + 3, he + 7],
                }
            ],
        }
    )


def test_evaluate_prints_the_table_and_writes_files(
    tmp_path: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line("a", True) + "\n" + gold_line("b", False) + "\n", encoding="utf-8")
    report, errors = tmp_path / "report.json", tmp_path / "errors.txt"
    argv = ["evaluate", str(gold), "--report", str(report), "--errors", str(errors)]
    assert cli.main([*argv, "--model", "en_core_web_lg"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    # Both documents match perfectly; the speakerless one is out of speaker/e2e scores.
    assert rows["mine"][1:8] == ["100.0"] * 7
    assert rows["overall"][-3:] == ["2", "2", "2"]
    assert made[0].model == "en_core_web_lg"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["overall"]["speaker"] == {"right": 1, "total": 1, "accuracy": 1.0}
    assert "MISSES" in errors.read_text(encoding="utf-8")


def test_evaluate_limit(
    tmp_path: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line("a", True) + "\n" + gold_line("b", True) + "\n", encoding="utf-8")
    assert cli.main(["evaluate", str(gold), "--limit", "1"]) == 0
    assert made[0].seen == [TEXT]
    assert capsys.readouterr().out.splitlines()[2].split()[-3:] == ["1", "1", "1"]


def test_evaluate_bad_gold_exits_2_with_file_and_line(
    tmp_path: Path, made: list[FakeAttributor], capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line("a", True) + "\n{oops\n", encoding="utf-8")
    assert cli.main(["evaluate", str(gold)]) == 2
    assert f"{gold}:2: not valid JSON" in capsys.readouterr().err
    assert made == []  # failed before building the attributor
    assert cli.main(["evaluate", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli() -> None:
    src = str(Path(quoteattr.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"quoteattr {quoteattr.__version__}"
