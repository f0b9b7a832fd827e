"""A kill -9 during a large import leaves only whole letters; running it again completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from benchmarks.corpus import make_corpus

LETTERS = 2000


def _check_store(path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO letters_fts(letters_fts) VALUES ('integrity-check')")
        rows = conn.execute("SELECT id, text, current, extracted, sha256 FROM letters").fetchall()
        imports = dict(conn.execute("SELECT letter_id, count(*) FROM edits WHERE kind = 'import' GROUP BY letter_id"))
        for letter_id, text, current, extracted, sha in rows:
            assert text and len(sha) == 64
            stored = json.loads(extracted)
            assert "items" in stored and "spans" in stored and current is None
            assert imports.get(letter_id) == 1, f"letter {letter_id} has no single import entry"
        assert len(imports) == len(rows)
        return len(rows)
    finally:
        conn.close()


def _stored(path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM letters").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_kill_during_import_then_resume(tmp_path):
    folder = tmp_path / "letters"
    make_corpus(folder, LETTERS)
    db = tmp_path / "store.db"
    command = [sys.executable, "-m", "imr_desk", "import", "--db", str(db), str(folder)]
    rng = random.Random(20261123)
    counts = []
    for _ in range(3):
        before = _stored(db)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while process.poll() is None and _stored(db) <= before and time.monotonic() < deadline:
            time.sleep(0.02)  # kill only once this run has stored something: mid-import
        time.sleep(rng.uniform(0.0, 0.2))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the app and its worker processes
        process.wait()
        if db.exists():
            counts.append(_check_store(db))
    assert counts and counts == sorted(counts)
    assert counts[0] < LETTERS, "the first kill came after the import had finished; nothing was tested"
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert _check_store(db) == LETTERS
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.stdout.strip() == f"0 imported, {LETTERS} duplicates, 0 failed"
