"""Run a long job off the GUI thread; progress and the result come back on the GUI thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class Job(QObject):
    """A job for ``run_in_thread``: ``work(progress, cancelled)`` returns the result.

    Signals are emitted from the worker thread and delivered queued, on the GUI thread.
    """

    progressed = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the result
    failed = Signal(str, str)  # message, details

    def __init__(self, work: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # handed to the GUI thread, shown to the user
            self.failed.emit(str(exc) or type(exc).__name__, traceback.format_exc())
        else:
            self.finished.emit(result)


class _Runner(QThread):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()


def run_in_thread(job: Job, parent: QObject | None = None) -> QThread:
    """Start ``job`` on its own thread; the thread deletes itself when done."""
    thread = _Runner(job)
    if parent is not None:
        thread.setParent(parent)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
