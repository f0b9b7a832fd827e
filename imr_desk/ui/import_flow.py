"""Importing from the window: a background job with a progress bar and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from imr_desk.services.importer import ImportReport, import_paths
from imr_desk.store.letters import Store
from imr_desk.ui.worker import Job, run_in_thread


class ImportRun(QObject):
    """One import: runs on its own thread with its own store connection."""

    done = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, store_path: Path, paths: list[str], who: str, parent: QWidget, workers: int | None = None) -> None:
        super().__init__(parent)
        self.job = Job(self._work(store_path, paths, who, workers))
        self.progress = QProgressDialog("Importing letters…", "Cancel", 0, 0, parent)
        self.progress.setObjectName("import-progress")
        self.progress.setWindowTitle("Import")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.job.cancel)
        self.job.progressed.connect(self._progressed)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.thread = None

    @staticmethod
    def _work(store_path: Path, paths: list[str], who: str, workers: int | None) -> Callable:
        def work(progress, cancelled) -> ImportReport:
            with Store.open(store_path) as store:  # SQLite connections stay on their own thread
                return import_paths(store, paths, who, progress=progress, cancel=cancelled, workers=workers)

        return work

    def start(self) -> None:
        self.progress.show()
        self.thread = run_in_thread(self.job, self)

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"Importing {done} of {total}: {name}")

    def _finished(self, report: ImportReport) -> None:
        self.progress.close()
        self.done.emit(report)

    def _failed(self, message: str, details: str) -> None:
        self.progress.close()
        self.failed.emit(f"{message}\n\n{details}")
