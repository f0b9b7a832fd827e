"""Unexpected errors: write the details to the per-user log, tell the reviewer, keep running."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtWidgets import QMessageBox, QWidget

from imr_desk.domain.errors import ImrDeskError


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("imr-desk", appauthor=False)) / "imr-desk.log"


def write_log(details: str) -> Path:
    """Append ``details`` to the log file (owner-only folder and file)."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    return path


def install(window: QWidget) -> None:
    """Route uncaught exceptions to a dialog and the log instead of ending the app."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, ImrDeskError):  # a user-caused error that slipped through: just say it
            QMessageBox.warning(window, "imr-desk", str(error))
            return
        path = write_log("".join(traceback.format_exception(kind, error, tb)))
        box = QMessageBox(
            QMessageBox.Icon.Critical, "Something went wrong",
            "imr-desk hit an unexpected problem. Everything you confirmed is saved.\n\n"
            f"The details are in {path}. If it happens again, send that file to your support contact; "
            "closing and reopening the app is safe.",
            QMessageBox.StandardButton.Ok, window,
        )
        box.setObjectName("crash-report")
        box.show()

    sys.excepthook = hook
