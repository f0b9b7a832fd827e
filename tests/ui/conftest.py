"""Windows for the GUI tests: a fresh store and settings file per test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from imr_desk.app import build_window


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build a window on ``tmp_path/store.db``; call again to 'restart the app'."""
    opened = []

    def make(db_name: str = "store.db"):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(tmp_path / db_name, settings=settings)
        window.import_workers = 1  # imports run in the window's worker thread, no processes
        qtbot.addWidget(window)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
        window.store.close()


@pytest.fixture
def window_with_samples(make_window, qtbot):
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.queue.modelReset, timeout=20000):
        window.import_samples()
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.session.record is not None, timeout=5000)
    window.activateWindow()  # the progress dialog had it
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window
