"""A small corpus: who is quoted across several articles, and one HTML report for all.

    python examples/corpus_report.py [DIR] [--out REPORT.html]

Analyses every .txt file in DIR (default: examples/corpus/), prints a speaker table across
the documents and writes one self-contained HTML page with a speaker summary and each
article's view.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import quoteattr
from quoteattr.render.html import render_corpus_html
from quoteattr.render.summary import count_speakers

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(HERE / "corpus"))
    parser.add_argument("--out", help="where to write the report (default: a temporary file)")
    args = parser.parse_args()

    paths = sorted(Path(args.folder).glob("*.txt"))
    attributor = quoteattr.Attributor()  # loads spaCy once for all documents
    texts = [path.read_text(encoding="utf-8") for path in paths]
    documents = list(zip([path.name for path in paths], attributor.pipe(texts), strict=True))

    for name, result in documents:
        print(f"{name}: {len(result.quotes)} quotes")

    # One row per speaker across the documents, name variants merged.
    rows = count_speakers(documents)
    print(f"\n{'speaker':30} {'kind':13} {'quotes':>6} {'documents':>9}")
    for row in rows:
        print(f"{row['name']:30} {row['kind']:13} {row['quotes']:>6} {row['documents']:>9}")

    out = Path(args.out) if args.out else Path(tempfile.mkdtemp()) / "corpus_report.html"
    out.write_text(
        render_corpus_html(documents, title="Port Ellis news", speakers=rows), encoding="utf-8"
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
