"""Every script in examples/ runs as a new user would run it and prints what it promises.

The scripts start together (each loads spaCy on its own), and each test reads one's output.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class Runs:
    """The example scripts, started at once; ``output(name)`` waits for one and checks it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        arguments = {
            "news_article.py": ["--html", str(folder / "view.html")],
            "corpus_report.py": ["--out", str(folder / "report.html")],
        }
        self.processes = {
            script.name: subprocess.Popen(
                [sys.executable, str(script), *arguments.get(script.name, [])],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for script in sorted(EXAMPLES.glob("*.py"))
        }

    def output(self, script: str) -> str:
        out, err = self.processes[script].communicate(timeout=300)
        assert self.processes[script].returncode == 0, err
        return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    started = Runs(tmp_path_factory.mktemp("examples"))
    yield started
    for process in started.processes.values():
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_every_example_script_has_a_test() -> None:
    tested = {"news_article.py", "short_story.py", "spacy_pipeline.py", "corpus_report.py"}
    tested.add("evaluate_own.py")
    assert {path.name for path in EXAMPLES.glob("*.py")} == tested


def test_news_article(runs: Runs) -> None:
    view = runs.folder / "view.html"
    out = runs.output("news_article.py")
    count = int(re.match(r"(\d+) quotes", out).group(1))  # type: ignore[union-attr]
    assert count > 0
    rows = [line for line in out.splitlines() if line.startswith("[")]
    assert len(rows) == count
    assert "Ingrid Halvorsen" in out and "Speakers" in out
    page = view.read_text(encoding="utf-8")
    assert page.count('data-quote="') >= count and "Port Ellis" in page


def test_short_story(runs: Runs) -> None:
    out = runs.output("short_story.py")
    lines = int(re.match(r"(\d+) lines of dialogue", out).group(1))  # type: ignore[union-attr]
    assert lines > 3
    assert out.count("confidence ") == lines
    assert "NELL:" in out  # the first line is cued by name


def test_spacy_pipeline(runs: Runs) -> None:
    out = runs.output("spacy_pipeline.py")
    assert re.search(r"pipeline: .*parser.* → quoteattr", out)
    assert "Paula Brandt" in out


def test_corpus_report(runs: Runs) -> None:
    report = runs.folder / "report.html"
    out = runs.output("corpus_report.py")
    documents = sorted(path.name for path in (EXAMPLES / "corpus").glob("*.txt"))
    for name in documents:
        assert re.search(rf"^{re.escape(name)}: \d+ quotes$", out, re.MULTILINE)
    assert re.search(r"^Ingrid Halvorsen +person +\d+ +2$", out, re.MULTILINE)
    page = report.read_text(encoding="utf-8")
    assert page.count('class="qa-doc"') == len(documents) and "<svg" in page


def test_evaluate_own(runs: Runs) -> None:
    gold = [json.loads(line) for line in (EXAMPLES / "my_gold.jsonl").read_text().splitlines()]
    for document in gold:
        for quote in document["quotes"]:
            assert document["text"][quote["start"] : quote["end"]] == quote["text"]
    out = runs.output("evaluate_own.py")
    overall = re.search(r"^overall +([\d.]+) +([\d.]+) +([\d.]+)", out, re.MULTILINE)
    assert overall is not None and 0 < float(overall.group(3)) <= 100
    total = sum(len(document["quotes"]) for document in gold)
    assert re.search(rf"^overall .* {len(gold)} +{total} +\d+$", out, re.MULTILINE)
    assert "MISSES:" in out and "FALSE ALARMS:" in out
