"""Workstation timings offscreen, each beside a baseline measured in the same run.

- open a letter (source text, highlights, fields), against setting the same text in a
  bare QPlainTextEdit; target <= 30 ms
- queue first paint and a filter with 100,000 letters; targets <= 1 s and <= 200 ms
- cold start of the window (a new process), against a bare Qt window; target <= 1.5 s

    python benchmarks/bench_gui.py [--letters 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from imr_desk.app import build_window  # noqa: E402
from imr_desk.assets import sample_letters  # noqa: E402
from imr_desk.services.importer import import_paths  # noqa: E402
from imr_desk.store import Store  # noqa: E402

BARE_WINDOW = (
    "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); w = QMainWindow(); w.resize(1500, 900); w.show(); app.processEvents()\n"
)
OUR_WINDOW = (
    "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
    "from PySide6.QtCore import QSettings\n"
    "from imr_desk.app import build_window\n"
    "w = build_window(sys.argv[1], settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))\n"
    "w.show(); from PySide6.QtWidgets import QApplication; QApplication.processEvents()\n"
)


def fill_store(path: Path, count: int) -> None:
    """The bundled samples, then copies of their rows (new hashes) up to ``count`` letters."""
    with Store.open(path) as store:
        import_paths(store, sample_letters(), "bench")
        rows = [dict(r) for r in store.db.query("SELECT * FROM letters")]
        statuses = ("to_review", "in_review", "postponed", "finalized", "exported")
        batch = []
        for n in range(count - len(rows)):
            row = dict(rows[n % len(rows)])
            row.pop("id")
            row["sha256"] = f"{n:064x}"
            row["status"] = statuses[n % len(statuses)]
            batch.append(row)
            if len(batch) == 5000:
                store.add_rows(batch, "bench")
                batch = []
        if batch:
            store.add_rows(batch, "bench")


def timed(fn, repeat: int = 1) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cold_start(script: str, *args: str) -> float:
    return min(timed(lambda: subprocess.run([sys.executable, "-c", script, *args], check=True)) for _ in range(3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse a store built by an earlier run")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    db = args.db or tmp / "store.db"
    if not db.exists():
        started = time.perf_counter()
        fill_store(db, args.letters)
        print(f"store with {args.letters:,} letters built in {time.perf_counter() - started:.0f} s ({db})")

    app = QApplication.instance() or QApplication([])
    window = build_window(db, settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()

    def first_paint():
        window.queue.refresh()
        window.queue_view.viewport().repaint()
        app.processEvents()

    paint = timed(first_paint, 5)
    filt = timed(lambda: (window.queue.set_filter(status="finalized"), window.queue_view.viewport().repaint(),
                          window.queue.set_filter(), app.processEvents()), 5) / 2
    search = timed(lambda: (window.queue.set_filter(search="cyclobenzaprine"), window.queue_view.viewport().repaint()), 5)
    window.queue.set_filter()

    def scroll_to(row: int) -> None:
        window.queue_view.scrollTo(window.queue.index(row, 0))
        window.queue_view.viewport().repaint()

    rows = window.queue.rowCount()
    scroll = timed(lambda: [scroll_to(r) for r in (rows // 2, rows - 1, rows // 3, 0)], 3) / 4

    ids = list(range(1, 6)) * 10
    open_times = []
    for letter_id in ids:
        start = time.perf_counter()
        window.open_letter(letter_id)
        window.source.viewport().repaint()
        open_times.append(time.perf_counter() - start)
    bare = QPlainTextEdit()
    bare.resize(600, 800)
    bare.show()
    texts = [window.store.get(i).text for i in range(1, 6)]
    base_open = timed(lambda: [bare.setPlainText(t) or bare.viewport().repaint() for t in texts], 5) / len(texts)
    open_letter = statistics.median(open_times)

    window.close()
    window.store.close()
    bare_start = cold_start(BARE_WINDOW)
    our_start = cold_start(OUR_WINDOW, str(db), str(tmp / "s2.ini"))

    results = {
        "open letter": (open_letter, base_open, 0.030),
        "queue first paint": (paint, None, 1.0),
        "filter by status": (filt, None, 0.200),
        "full-text search": (search, None, 0.200),
        "scroll far": (scroll, None, 0.050),
        "cold start": (our_start, bare_start, 1.5),
    }
    for name, (value, base, target) in results.items():
        ratio = f"  ({value / base:.1f}x a bare Qt baseline of {base * 1000:.0f} ms)" if base else ""
        print(f"{name:<18} {value * 1000:7.0f} ms   target <= {target * 1000:.0f} ms{ratio}")
    print(json.dumps({k: round(v[0] * 1000, 1) for k, v in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
