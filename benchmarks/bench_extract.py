"""Extraction throughput: the whole ``imr-desk extract --jsonl DIR`` process on one core.

Prints letters/s/core for extraction beside a baseline measured in the same run: a
process that only reads and decodes the same files (start-up included in both).
Target: >= 2,000 letters/s over 4,000 text letters.

    python benchmarks/bench_extract.py [--letters 4000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import make_corpus  # noqa: E402

READ_ONLY = "import sys, pathlib\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob('*.txt')): p.read_bytes().decode('utf-8')\n"


def _pinned(command: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *command] if shutil.which("taskset") else command


def _timed(command: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=4000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        make_corpus(folder, args.letters)
        baseline = _timed(_pinned([sys.executable, "-c", READ_ONLY, str(folder)]))
        extract = _timed(_pinned([sys.executable, "-m", "imr_desk", "extract", "--jsonl", str(folder)]))
    n = args.letters
    print(f"letters:            {n}")
    print(f"read only:          {baseline:.2f} s  ({n / baseline:,.0f} letters/s/core)")
    print(f"imr-desk extract:   {extract:.2f} s  ({n / extract:,.0f} letters/s/core)")
    print(f"ratio to read only: {extract / baseline:.1f}x   target: >= 2,000 letters/s/core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
