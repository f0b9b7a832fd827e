"""Long jobs from the window (import, export): a background thread, a progress bar, Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from imr_desk.services.exporting import ExportReport, export_letters
from imr_desk.services.importer import ImportReport, import_paths
from imr_desk.store.letters import Store
from imr_desk.ui.worker import Job, run_in_thread


class BackgroundRun(QObject):
    """One job on its own thread (with its own store connection), shown with a progress dialog."""

    done = Signal(object)  # the job's report
    failed = Signal(str)

    def __init__(self, work: Callable, title: str, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.job = Job(work)
        self.verb = label
        self.progress = QProgressDialog(f"{label}…", "Cancel", 0, 0, parent)
        self.progress.setObjectName(f"{title.lower()}-progress")
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.job.cancel)
        self.job.progressed.connect(self._progressed)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.thread = None

    def start(self) -> None:
        self.progress.show()
        self.thread = run_in_thread(self.job, self)

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"{self.verb} {done} of {total}: {name}")

    def _finished(self, report: object) -> None:
        self.progress.close()
        self.done.emit(report)

    def _failed(self, message: str, details: str) -> None:
        self.progress.close()
        self.failed.emit(f"{message}\n\n{details}")


def import_run(store_path: Path, paths: list[str], who: str, parent: QWidget, workers: int | None = None) -> BackgroundRun:
    def work(progress, cancelled) -> ImportReport:
        with Store.open(store_path) as store:  # SQLite connections stay on their own thread
            return import_paths(store, paths, who, progress=progress, cancel=cancelled, workers=workers)

    return BackgroundRun(work, "Import", "Importing", parent)


def export_run(store_path: Path, ids: list[int], folder: Path, who: str, parent: QWidget, **options) -> BackgroundRun:
    def work(progress, cancelled) -> ExportReport:
        with Store.open(store_path) as store:
            return export_letters(store, ids, folder, who, progress=progress, cancel=cancelled, **options)

    return BackgroundRun(work, "Export", "Exporting", parent)
