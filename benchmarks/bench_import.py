"""Import throughput against a bare floor measured in the same run, plus peak memory.

The floor reads the same files, hashes them and inserts the raw text into one table
with an FTS5 index in one transaction. The import does everything: dedup, reading,
extraction (worker processes), validation, the store with its log and search.
Target: import <= 3x the floor. The two run in turn, ``--rounds`` times each into new
databases, and the best time of each counts: a disk's or host's load moves single runs a lot.

    python benchmarks/bench_import.py [--letters 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import make_corpus  # noqa: E402
from imr_desk.services.importer import import_paths  # noqa: E402
from imr_desk.store import Store  # noqa: E402


def floor(folder: Path, db_path: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE, name TEXT, text TEXT)")
    conn.execute("CREATE VIRTUAL TABLE raw_fts USING fts5(text, content=raw, content_rowid=id)")
    with conn:
        for path in sorted(folder.rglob("*.txt")):
            data = path.read_bytes()
            cursor = conn.execute(
                "INSERT INTO raw (sha256, name, text) VALUES (?, ?, ?)",
                (hashlib.sha256(data).hexdigest(), path.name, data.decode("utf-8")),
            )
            conn.execute("INSERT INTO raw_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, data.decode("utf-8")))
    conn.close()
    return time.perf_counter() - start


def full_import(folder: Path, db_path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    with Store.open(db_path) as store:
        report = import_paths(store, [folder], "benchmark")
    return time.perf_counter() - start, len(report.imported)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    floor_s = import_s = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        make_corpus(folder, args.letters)
        for round_no in range(max(1, args.rounds)):
            floor_s = min(floor_s, floor(folder, Path(tmp) / f"floor{round_no}.db"))
            seconds, imported = full_import(folder, Path(tmp) / f"store{round_no}.db")
            import_s = min(import_s, seconds)
            if round_no == 0:  # later rounds' workers start from a parent the rounds before grew
                own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = args.letters
    print(f"letters:          {n} ({imported} imported), best of {args.rounds} rounds")
    print(f"floor:            {floor_s:.2f} s  ({n / floor_s:,.0f} letters/s)")
    print(f"imr-desk import:  {import_s:.2f} s  ({n / import_s:,.0f} letters/s)")
    print(f"ratio to floor:   {import_s / floor_s:.2f}x   target: <= 3x")
    print(f"peak memory:      {own:.0f} MB (importing process), {workers:.0f} MB (largest worker), first round")
    return 0


if __name__ == "__main__":
    sys.exit(main())
