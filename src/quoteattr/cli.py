"""The ``quoteattr`` command: list the quotes of documents, sum up speakers, or score.

``quoteattr INPUT…`` finds the quotes of text files, directories, JSONL/CSV corpora, HTML
pages or stdin (``quoteattr.corpus``); ``quoteattr speakers QUOTES.jsonl…`` tabulates the
speakers across documents; ``quoteattr evaluate GOLD.jsonl…`` scores. Because the first word
picks the mode, a text file literally called ``evaluate`` or ``speakers`` is read with
``quoteattr -- evaluate``.

Exit codes: 0 success; 1 the system could not run (no spaCy pipeline, a missing extra);
2 bad arguments, an input that does not exist, or a file that cannot be written; 3 some
documents failed (listed on stderr or in ``--errors FILE``), the others were written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO, cast

from . import __version__
from .calibration import DEFAULT_MIN_CONFIDENCE
from .corpus import readers, runner, writers
from .corpus.speakers import read_records, speaker_table, write_speakers
from .errors import QuoteattrError
from .evaluate import evaluate_documents, load_gold_files
from .types import Category
from .workers import Recipe

__all__ = ["main"]

#: Exit status when some documents failed and the rest were written.
EXIT_DOCUMENTS_FAILED = 3


def _make_attributor(recipe: Recipe) -> Any:
    """Build the system; a seam that tests replace with a fake."""
    return recipe.build()


def _error(message: str) -> None:
    print(f"quoteattr: {message}", file=sys.stderr)


# ------------------------------------------------------------------ arguments


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {number}")
    return number


def _positive(value: str) -> int:
    number = _non_negative(value)
    if number == 0:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _probability(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must lie in [0, 1], got {number}")
    return number


def _categories(value: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in value.split(",") if part.strip())
    known = [c.value for c in Category]
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown categor{'ies' if len(unknown) > 1 else 'y'} {', '.join(unknown)}; "
            f"choose from {', '.join(known)}"
        )
    return names


def _parser(prog: str, description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description, epilog=epilog)
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    return parser


def _output_argument(group: argparse._ActionsContainer) -> None:
    group.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")


def _annotate_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "quoteattr",
        "Find the quotations in documents and who said them.",
        "Speakers across documents: quoteattr speakers --help. "
        "Scoring against annotated files: quoteattr evaluate --help. "
        "A file named 'evaluate' or 'speakers' is read with: quoteattr -- evaluate",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="UTF-8 text file, HTML page, directory, .jsonl or .csv corpus; - for stdin",
    )
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format", choices=sorted(writers.FORMATS), help="output format (default: table)"
    )
    out.add_argument("--json", action="store_true", help="the same as --format jsonl")
    _output_argument(out)
    out.add_argument(
        "--errors", metavar="FILE", help="write failed documents here (JSON lines: id, error)"
    )
    out.add_argument(
        "--resume", action="store_true", help="skip documents already in OUT (needs -o)"
    )
    out.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    inp = parser.add_argument_group("input")
    inp.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="files to take from directories (repeatable; default *.txt *.html *.htm)",
    )
    inp.add_argument("--text-field", default="text", help="JSONL key / CSV column of the text")
    inp.add_argument(
        "--id-field", default="id", help="JSONL key / CSV column of the id (else PATH:LINE)"
    )
    inp.add_argument("--html", action="store_true", help="treat every input text as HTML")
    system = parser.add_argument_group("analysis")
    system.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    system.add_argument(
        "--category",
        type=_categories,
        metavar="LIST",
        help="cue categories to report, e.g. speech,thought (default: all)",
    )
    system.add_argument(
        "--min-confidence",
        type=_probability,
        nargs="?",
        const=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help="drop quotes whose confidence is below X; alone, the precision-first setting "
        f"{DEFAULT_MIN_CONFIDENCE} (see docs/confidence.md)",
    )
    run = parser.add_argument_group("running")
    run.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="worker processes (default 1)"
    )
    run.add_argument(
        "--chunksize", type=_positive, default=4, metavar="K", help="documents per task"
    )
    run.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on Dask: 'local' (a LocalCluster of --workers processes) or tcp://HOST:PORT",
    )
    return parser


def _speakers_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "quoteattr speakers",
        "One row per speaker across documents, from the quote records of "
        "`quoteattr --format jsonl` (see docs/corpus.md).",
    )
    parser.add_argument("records", nargs="+", metavar="QUOTES.jsonl")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _output_argument(parser)
    return parser


def _evaluate_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "quoteattr evaluate",
        "Run quoteattr on gold JSONL files and print the scores (see docs/evaluation.md).",
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
    parser.add_argument(
        "--threshold",
        type=_probability,
        metavar="X",
        help="score only the predictions with confidence >= X",
    )
    return parser


# ------------------------------------------------------------------ annotating


def _progress(
    results: Iterator[runner.Result], args: argparse.Namespace, skipped: int
) -> Iterable[Any]:
    """A tqdm bar on stderr when it is a terminal (and not --quiet); else the results."""
    if args.quiet or not sys.stderr.isatty():
        return results
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    total = readers.count_documents(args.inputs, _read_options(args))
    if total is not None:
        total = max(0, total - skipped)  # --resume: what is left
    return tqdm(results, total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


def _read_options(args: argparse.Namespace) -> readers.ReadOptions:
    return readers.ReadOptions(
        globs=tuple(args.glob) if args.glob else readers.DEFAULT_GLOBS,
        text_field=args.text_field,
        id_field=args.id_field,
        html=args.html,
    )


def _recipe(args: argparse.Namespace) -> Recipe:
    return Recipe(
        model=args.model, categories=args.category or (), min_confidence=args.min_confidence
    )


def _output_format(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    if args.json and args.format not in (None, "jsonl"):
        parser.error(f"--json means --format jsonl, not --format {args.format}")
    fmt = "jsonl" if args.json else (args.format or "table")
    if args.resume and (not args.output or fmt not in writers.RESUMABLE):
        parser.error(f"--resume needs -o OUT and a format of {', '.join(writers.RESUMABLE)}")
    return fmt


def _open(path: str | None, mode: str, stack: contextlib.ExitStack) -> TextIO | None:
    if path is None:
        return None
    handle = stack.enter_context(open(path, mode, encoding="utf-8", newline=""))  # noqa: SIM115
    return cast(TextIO, handle)


def _analyser(args: argparse.Namespace, stack: contextlib.ExitStack) -> runner.Analyse:
    recipe = _recipe(args)
    if args.dask:
        from . import dask as qdask

        client, cluster = qdask.connect(args.dask, args.workers if args.workers > 1 else None)
        if cluster is not None:
            stack.callback(cluster.close)
        stack.callback(client.close)  # first: the stack closes in reverse order
        return lambda texts: qdask.outcomes(client, recipe, texts, chunksize=args.chunksize)
    attributor = _make_attributor(recipe)
    return runner.in_processes(attributor, args.workers, args.chunksize)


def _annotate(argv: list[str]) -> int:
    parser = _annotate_parser()
    args = parser.parse_args(argv)
    fmt = _output_format(args, parser)
    for name in readers.missing_inputs(args.inputs):  # a typo fails before a model loads
        _error(f"cannot read {name}: No such file or directory")
        return 2
    summary = runner.RunSummary()
    try:
        done = writers.resume_ids(args.output, fmt) if args.resume else set()
    except writers.NotResumable as exc:
        _error(str(exc))
        return 2
    try:
        with contextlib.ExitStack() as stack:
            analyse = _analyser(args, stack)  # before OUT is emptied: the model may be missing
            mode = "a" if args.resume else "w"
            out = _open(args.output, mode, stack) or sys.stdout
            appending = args.resume and out.tell() > 0
            errors = writers.ErrorLog(_open(args.errors, mode, stack))
            writer = writers.make_writer(fmt, out, appending=appending)
            documents = _skipping(readers.read_documents(args.inputs, _read_options(args)), done)
            results = runner.run(documents.items(), analyse)
            for result in _progress(results, args, len(done)):
                summary.add(result)
                if result.error is not None:
                    errors.write(result.document, result.error)
                    if errors.out is None:
                        _error(f"{result.document.source}: {result.error}")
                elif result.attribution is not None:
                    writer.write(result.document, result.attribution)
            writer.close()
            summary.skipped = documents.skipped
    except QuoteattrError as exc:
        _error(str(exc))
        return 1
    except OSError as exc:
        _error(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}")
        return 2
    if not args.quiet:
        where = f"; failures in {args.errors}" if args.errors and summary.failed else ""
        _error(summary.format() + where)
    return EXIT_DOCUMENTS_FAILED if summary.failed else 0


class _skipping:
    """The documents whose id is not in ``done``, counting the others (``--resume``)."""

    def __init__(self, documents: Iterable[readers.Document], done: set[str]) -> None:
        self.documents = documents
        self.done = done
        self.skipped = 0

    def items(self) -> Iterator[readers.Document]:
        for document in self.documents:
            if document.id in self.done:
                self.skipped += 1
            else:
                yield document


# ------------------------------------------------------------------ speakers and scores


def _reading_error(exc: Exception) -> str:
    """``FILE: reason`` for an OSError, the message for a decoding or format error."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    where = f"{exc.filename}: " if isinstance(exc, OSError) and exc.filename else ""
    return where + reason


def _speakers(argv: list[str]) -> int:
    args = _speakers_parser().parse_args(argv)
    try:
        table = speaker_table(read_records(args.records))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _error(f"cannot read records: {_reading_error(exc)}")
        return 2
    try:
        with contextlib.ExitStack() as stack:
            out = _open(args.output, "w", stack) or sys.stdout
            write_speakers(table, out, args.format)
    except OSError as exc:
        _error(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}")
        return 2
    return 0


def _evaluate(argv: list[str]) -> int:
    args = _evaluate_parser().parse_args(argv)
    try:
        documents = load_gold_files(args.gold, limit=args.limit)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _error(f"cannot load gold: {_reading_error(exc)}")
        return 2
    try:
        attributor = _make_attributor(Recipe(model=args.model, parse_cache=args.parse_cache))
        report = evaluate_documents(
            documents,
            attributor,
            errors_path=args.errors,
            report_path=args.report,
            threshold=args.threshold,
        )
    except QuoteattrError as exc:
        _error(str(exc))
        return 1
    except OSError as exc:
        _error(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}")
        return 2
    print(report.format())
    return 0


_MODES = {"evaluate": _evaluate, "speakers": _speakers}


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``quoteattr`` and ``python -m quoteattr``; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in _MODES:
            return _MODES[args[0]](args[1:])
        return _annotate(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        _error("interrupted; what was written is complete up to the last document: "
               "run again with --resume to finish")  # fmt: skip
        return 130
    except BrokenPipeError:  # `quoteattr file | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
