"""Start the workstation: ``build_window`` for tests and embedding, ``run`` for the app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings
from PySide6.QtWidgets import QApplication

from imr_desk import __version__
from imr_desk.store import Store, default_db_path
from imr_desk.ui import crash
from imr_desk.ui.main_window import MainWindow

ORGANIZATION = "imr-desk"
APPLICATION = "imr-desk"


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


def build_window(db_path: str | Path | None = None, *, settings: QSettings | None = None) -> MainWindow:
    """The main window on the store at ``db_path`` (the default store when None), not shown.

    One window edits a store at a time: when another app holds the store, this one opens
    it read-only and says so.
    """
    _application()
    path = Path(db_path) if db_path is not None else default_db_path()
    store = Store.open(path)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # a crashed app's lock is taken over (its process is gone)
    read_only = not lock.tryLock(100)
    window = MainWindow(store, path, settings or QSettings(ORGANIZATION, APPLICATION), read_only=read_only)
    window.store_lock = lock
    if read_only:
        window.tell("Another imr-desk window has this store open; this one is read-only.")
    return window


def run(db_path: str | Path | None = None) -> int:
    """Open the window and run until it is closed."""
    app = _application()
    window = build_window(db_path)
    crash.install(window)
    window.show()
    code = app.exec()
    window.store.close()
    window.store_lock.unlock()
    return code
