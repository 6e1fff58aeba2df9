"""Corpus throughput with 1 and N worker processes: documents/s, words/s, peak memory.

    python benchmarks/corpus.py [PATH ...] [--words N] [--workers 1 2] [--chunksize K] [--bare]

PATH may be text files, directories or JSONL/CSV corpora (read as ``quoteattr`` reads them);
without one a synthetic news-like corpus of about N words is generated (the generator of
``throughput.py``). Every run goes through ``quoteattr.workers.outcomes``, the path of
``quoteattr --workers N``; the runs' results are checked to be identical.

Peak memory: for 1 worker the peak RSS of this process; for N workers the peak RSS of the
largest worker process (``getrusage(RUSAGE_CHILDREN)``, read after the pool has shut down).
``cpu/wall`` is the CPU time the analysis got (this process and its workers) divided by the
wall time: near N when N cores were free, lower when other work shared the machine. The line
"with N free cores" is the speed-up the CPU times predict when the work is spread over N
free cores (the total CPU time with N workers, split N ways, against the time with one).
``--bare`` also times the bare spaCy ``nlp.pipe(n_process=N)`` on the same texts, the
ceiling for the speed-up.
Target: 2 workers at least 1.8x faster than 1 on a free 2-core machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from quoteattr import Attributor, workers
from quoteattr.corpus.readers import read_documents

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import synthetic


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _cpu_all() -> float:
    """CPU time of this process and of its finished children (the workers)."""
    return _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)


def run(
    attributor: Attributor, texts: list[str], n: int, chunksize: int
) -> tuple[float, float, list[workers.Outcome]]:
    cpu0 = _cpu_all()
    start = time.perf_counter()
    results = list(workers.outcomes(attributor, texts, n, chunksize=chunksize))
    wall = time.perf_counter() - start
    return wall, _cpu_all() - cpu0, results


def bare(attributor: Attributor, texts: list[str], n: int) -> float:
    start = time.perf_counter()
    for _ in attributor.nlp.pipe(texts, n_process=n, batch_size=8):
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--chunksize", type=int, default=4)
    parser.add_argument("--model", default=None)
    parser.add_argument("--bare", action="store_true", help="also time the bare spaCy pipe")
    args = parser.parse_args(argv)

    if args.paths:
        texts = [d.text for d in read_documents(args.paths) if d.text is not None]
    else:
        texts = synthetic(args.words)
    words = sum(len(t.split()) for t in texts)
    attributor = Attributor(args.model)
    list(attributor.pipe(texts[:2]))  # warm up: lexicons and caches load before forking
    print(f"{len(texts)} documents, {words} words, chunksize {args.chunksize}")
    print(f"{'workers':>7} {'seconds':>8} {'docs/s':>8} {'words/s':>9} {'speed-up':>8} "
          f"{'cpu/wall':>8} {'peak MiB/worker':>15}")  # fmt: skip
    reference = None
    first_wall = first_cpu = None
    for n in args.workers:
        wall, cpu, results = run(attributor, texts, n, args.chunksize)
        peak = _peak_mib(resource.RUSAGE_SELF if n == 1 else resource.RUSAGE_CHILDREN)
        if reference is None:
            reference, first_wall, first_cpu = results, wall, cpu
        elif results != reference:
            print(f"results with {n} workers differ from the first run", file=sys.stderr)
            return 1
        assert first_wall is not None
        print(f"{n:>7} {wall:>8.2f} {len(texts) / wall:>8.2f} {words / wall:>9.0f} "
              f"{first_wall / wall:>7.2f}x {cpu / wall:>8.2f} {peak:>15.0f}")  # fmt: skip
        if n > 1 and cpu > 0 and first_cpu:
            # what the CPU times predict with one free core per worker: a check that is
            # independent of other load on a shared machine
            print(f"{'':>7} with {n} free cores: {first_cpu / (cpu / n):.2f}x (from CPU time)")
    if args.bare:
        times = {n: bare(attributor, texts, n) for n in args.workers}
        base = times[args.workers[0]]
        for n, seconds in times.items():
            print(f"bare spaCy n_process={n}: {seconds:.2f} s ({base / seconds:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
