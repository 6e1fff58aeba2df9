"""Score quoteattr on your own annotated articles with ``quoteattr evaluate``.

    python examples/evaluate_own.py [GOLD.jsonl]

examples/my_gold.jsonl holds two short articles annotated by hand in the gold format
(docs/evaluation.md): each quote's offsets, kind, speaker, speaker mention and cue. The script
runs the command line tool on it, prints the scores, then the start of the errors file, which
lists every miss, false alarm and wrong speaker.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    gold = sys.argv[1] if len(sys.argv) > 1 else str(HERE / "my_gold.jsonl")
    with tempfile.TemporaryDirectory() as folder:
        errors = Path(folder) / "errors.txt"
        command = [sys.executable, "-m", "quoteattr", "evaluate", gold, "--errors", str(errors)]
        print("$ quoteattr evaluate", Path(gold).name, "--errors errors.txt\n")
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        print(finished.stdout)
        if finished.returncode != 0:
            sys.exit(finished.stderr or finished.returncode)
        lines = errors.read_text(encoding="utf-8").splitlines()
        print("errors.txt (first 20 lines):")
        print("\n".join(lines[:20]))


if __name__ == "__main__":
    main()
