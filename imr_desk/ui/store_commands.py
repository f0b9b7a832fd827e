"""Store-wide commands of the main window: import, delete, re-extract, back up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from imr_desk.assets import sample_letters
from imr_desk.domain.errors import ImrDeskError
from imr_desk.services.importer import ImportReport
from imr_desk.services.maintenance import backup, reextract
from imr_desk.services.userconfig import reviewer_name
from imr_desk.ui import dialogs
from imr_desk.ui.actions import shortcut_rows
from imr_desk.ui.history_dialog import HistoryDialog, field_history
from imr_desk.ui.import_flow import ImportRun
from imr_desk.ui.preferences import PreferencesDialog


class StoreCommandsMixin:
    """Mixed into MainWindow."""

    def choose_files_to_import(self) -> None:
        folder = str(self.settings.value("last_folder", str(Path.home())))
        files, _ = QFileDialog.getOpenFileNames(self, "Import letters", folder, "Letters (*.txt *.pdf *.docx)")
        if files:
            self.settings.setValue("last_folder", str(Path(files[0]).parent))
            self.start_import(files)

    def choose_folder_to_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of letters", str(self.settings.value("last_folder", "")))
        if folder:
            self.settings.setValue("last_folder", folder)
            self.start_import([folder])

    def import_samples(self) -> None:
        self.start_import([str(p) for p in sample_letters()])

    def start_import(self, paths: list[str]) -> ImportRun | None:
        if self.read_only:
            self.tell("This store is open read-only in this window.")
            return None
        run = ImportRun(self.store_path, paths, reviewer_name(), self, workers=self.import_workers)
        run.done.connect(self._import_done)
        run.job.progressed.connect(lambda *_: self._queue_refresh_soon.start() if not self._queue_refresh_soon.isActive() else None)
        run.failed.connect(self._queue_refresh_soon.stop)
        run.failed.connect(lambda text: dialogs.show_report(self, "Import failed", text))
        self._import_run = run
        run.start()
        return run

    def _import_done(self, report: ImportReport) -> None:
        self._queue_refresh_soon.stop()
        self.last_report = report
        self.queue.refresh()
        failures = "\n".join(f"{path}: {reason}" for path, reason in report.failed + report.skipped)
        self.tell(report.summary())
        if report.failed or report.skipped:
            dialogs.show_report(self, "Import finished", report.summary(), failures)
        if self.session.record is None and self.queue.rowCount():
            self.queue_view.selectRow(0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def delete_letter(self) -> None:
        letter_id = self.session.letter_id
        if letter_id is None:
            return
        reason = self.ask_reason(self, "Delete this letter?", "The letter and its text are removed for good. Why?")
        if not reason:
            return
        self.store.delete(letter_id, reviewer_name(), reason)
        self.session.forget(letter_id)
        self.session.close()
        self.queue.refresh()
        self.tell("Letter deleted.")

    def reextract_letter(self) -> None:
        letter_id = self.session.letter_id
        if letter_id is None:
            return
        report = reextract(self.store, [letter_id], reviewer_name())
        self.session.reload()
        changed = report.changed.get(letter_id, [])
        self.tell(f"Re-extracted: {', '.join(changed) if changed else 'nothing changed'}.")

    def backup_store(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "Back up the store", str(self.store_path.with_suffix(".backup.db")))
        if target:
            try:
                backup(self.store, target)
            except ImrDeskError as exc:
                self.tell(str(exc))
            else:
                self.tell(f"Backed up to {target}.")

    def show_history(self) -> None:
        path = self.fields.last_focused
        record = self.session.record
        if record is None or not path:
            self.tell("Focus a field to see its history.")
            return
        rows = field_history(record, self.store.history(record.id), path)
        self._history = HistoryDialog(path, rows, self)
        self._history.show()

    def show_preferences(self) -> None:
        self._preferences = PreferencesDialog(self)
        self._preferences.show()

    def show_shortcuts(self) -> None:
        help_dialog = dialogs.ShortcutHelp(shortcut_rows(self.actions_by_name), self)
        help_dialog.show()
        self._help = help_dialog

