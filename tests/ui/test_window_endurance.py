"""Nothing typed and confirmed is lost to a kill; a long session keeps memory flat."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from imr_desk.services.importer import import_paths
from imr_desk.store import Store
from imr_desk.store.letters import Store as StoreClass

EDIT_THEN_WAIT = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QLineEdit
    from imr_desk.app import build_window
    db, ini = sys.argv[1], sys.argv[2]
    window = build_window(db, settings=QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    window.select_letter(2)
    editor = window.findChild(QLineEdit, "case.claim_number")
    editor.setText("CLM-KILL-9")
    editor.editingFinished.emit()
    print("EDITED", flush=True)
    while True:
        QApplication.processEvents()
        time.sleep(0.05)
    """
)


@pytest.mark.timeout(60)
def test_kill_after_an_edit_loses_nothing(tmp_path, samples):
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        import_paths(store, samples, "t")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-c", EDIT_THEN_WAIT, str(db), str(tmp_path / "s.ini")],
        stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert process.stdout.readline().strip() == "EDITED"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
    with Store.open(db) as store:
        assert store.get(2).current["case"]["claim_number"] == "CLM-KILL-9"
        assert store.get(2).status == "in_review"
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(db) + ".lock")
    lock.setStaleLockTime(0)
    assert lock.tryLock(100), "the killed window's lock was not taken over"
    lock.unlock()


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="memory is read from /proc")
def test_long_session_opens_3000_letters_with_flat_memory(make_window, qtbot, samples):
    window = make_window()
    store: StoreClass = window.store
    import_paths(store, samples, "t")
    rows = [dict(r) for r in store.db.query("SELECT * FROM letters ORDER BY id")]
    copies = []
    for n in range(3000 - len(rows)):
        row = dict(rows[n % len(rows)])
        row.pop("id")
        row["sha256"] = f"{n:064x}"
        copies.append(row)
    store.add_rows(copies, "t")
    window.queue.refresh()
    window.show()
    ids = [r[0] for r in store.db.execute("SELECT id FROM letters ORDER BY id")]
    started = time.perf_counter()
    checkpoints = {}
    for n, letter_id in enumerate(ids):
        window.open_letter(letter_id)
        if n % 7 == 0:
            window.session.edit("patient.age", str(20 + n % 60))
            window.undo()
        if n % 50 == 0:
            qtbot.wait(1)
        if n in (500, len(ids) - 1):
            checkpoints[n] = _rss_mb()
    elapsed = time.perf_counter() - started
    assert window.session.letter_id == ids[-1]
    growth = checkpoints[len(ids) - 1] - checkpoints[500]
    print(json.dumps({"letters": len(ids), "seconds": round(elapsed, 1), "rss_growth_mb": round(growth, 1)}))
    assert growth < 40, f"memory grew by {growth:.0f} MB over 2,500 letters"
