"""The ``quoteattr`` command: list the quotes in text files, or score against gold files.

``quoteattr FILE…`` prints the quotes; ``quoteattr evaluate GOLD.jsonl…`` scores. Because the
first word picks the mode, a text file literally called ``evaluate`` is read with
``quoteattr -- evaluate``.

Exit codes: 0 success, 1 the system could not run (no spaCy pipeline), 2 bad arguments or a
file that cannot be read or written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from .errors import QuoteattrError
from .evaluate import evaluate_documents, load_gold_files
from .types import Attribution, Quote

__all__ = ["main"]

#: Total width the quote table aims for.
WIDTH = 100
_KIND_W, _SPEAKER_W, _CUE_W = 8, 28, 12
_QUOTE_W = WIDTH - _KIND_W - _SPEAKER_W - _CUE_W - 3 * 2


def _make_attributor(model: str | None, **options: Any) -> Any:
    """Build the default system; a seam that tests replace with a fake."""
    from .attributor import Attributor

    return Attributor(model=model, **options)


def _error(message: str) -> None:
    print(f"quoteattr: {message}", file=sys.stderr)


def _shorten(text: str, width: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _speaker_cell(quote: Quote) -> str:
    """Canonical name, plus the mention as written when it differs (``Trump ("he")``)."""
    mention = quote.speaker_mention.text if quote.speaker_mention is not None else None
    mention = re.sub(r"\s+", " ", mention).strip() if mention else None
    name = quote.speaker.name if quote.speaker is not None else None
    if name and mention and mention != name:
        return f'{name} ("{mention}")'
    return name or mention or "-"


def _quote_cell(quote: Quote) -> str:
    if len(quote.fragments) > 1:
        return " … ".join(f.text for f in quote.fragments)
    return quote.text


def _row(kind: str, speaker: str, cue: str, text: str) -> str:
    cells = (
        _shorten(kind, _KIND_W).ljust(_KIND_W),
        _shorten(speaker, _SPEAKER_W).ljust(_SPEAKER_W),
        _shorten(cue, _CUE_W).ljust(_CUE_W),
        _shorten(text, _QUOTE_W),
    )
    return "  ".join(cells).rstrip()


def _write_table(out: TextIO, name: str, quotes: Sequence[Quote]) -> None:
    count = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
    out.write(f"==> {name} <== {count}\n")
    if quotes:
        out.write(_row("KIND", "SPEAKER", "CUE", "QUOTE") + "\n")
        for q in quotes:
            cue = q.cue.text if q.cue is not None else "-"
            out.write(_row(q.kind.value, _speaker_cell(q), cue, _quote_cell(q)) + "\n")
    out.write("\n")


def _read_inputs(files: Sequence[str]) -> list[tuple[str, str]] | None:
    """Read every input before loading a model, so a typo fails fast."""
    inputs: list[tuple[str, str]] = []
    for name in files:
        try:
            if name == "-":
                inputs.append(("<stdin>", sys.stdin.read()))
            else:
                with open(name, encoding="utf-8") as handle:
                    inputs.append((name, handle.read()))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            _error(f"cannot read {name}: {reason}")
            return None
    return inputs


def _analyse(attributor: Any, texts: list[str]) -> Iterator[Attribution | Sequence[Quote]]:
    pipe = getattr(attributor, "pipe", None)
    if pipe is not None:
        yield from pipe(texts)
    else:
        for text in texts:
            yield attributor.analyze(text)


def _annotate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find the quotations in text files and who said them.",
        epilog="To score against annotated files: quoteattr evaluate --help. "
        "A file named 'evaluate' is read with: quoteattr -- evaluate",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file; - for stdin")
    parser.add_argument("--json", action="store_true", help="one JSON object per quote per line")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    return parser


def _evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Run quoteattr on gold JSONL files and print the scores "
        "(see docs/evaluation.md).",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold file(s)")
    parser.add_argument("--report", metavar="FILE", help="write the report as JSON")
    parser.add_argument(
        "--errors", metavar="FILE", help="write misses, false alarms, wrong speakers"
    )
    parser.add_argument(
        "--limit", type=_non_negative, metavar="N", help="use the first N documents of each file"
    )
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    parser.add_argument(
        "--parse-cache",
        metavar="DIR",
        help="keep the parses in DIR and reuse them on later runs (only the rules run again)",
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    return parser


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {number}")
    return number


def _annotate(argv: list[str]) -> int:
    args = _annotate_parser().parse_args(argv)
    inputs = _read_inputs(args.files)
    if inputs is None:
        return 2
    try:
        attributor = _make_attributor(args.model)
        results = _analyse(attributor, [text for _, text in inputs])
        for (name, _), result in zip(inputs, results, strict=False):
            quotes = list(result.quotes if isinstance(result, Attribution) else result)
            if args.json:
                for q in quotes:
                    sys.stdout.write(json.dumps({**q.to_dict(), "file": name}, ensure_ascii=False))
                    sys.stdout.write("\n")
            else:
                _write_table(sys.stdout, name, quotes)
    except QuoteattrError as exc:
        _error(str(exc))
        return 1
    return 0


def _evaluate(argv: list[str]) -> int:
    args = _evaluate_parser().parse_args(argv)
    try:
        documents = load_gold_files(args.gold, limit=args.limit)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        where = f"{exc.filename}: " if isinstance(exc, OSError) and exc.filename else ""
        _error(f"cannot load gold: {where}{reason}")
        return 2
    try:
        options = {"parse_cache": args.parse_cache} if args.parse_cache else {}
        attributor = _make_attributor(args.model, **options)
        report = evaluate_documents(
            documents, attributor, errors_path=args.errors, report_path=args.report
        )
    except QuoteattrError as exc:
        _error(str(exc))
        return 1
    except OSError as exc:
        _error(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}")
        return 2
    print(report.format())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``quoteattr`` and ``python -m quoteattr``; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "evaluate":
            return _evaluate(args[1:])
        return _annotate(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BrokenPipeError:  # `quoteattr file | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
