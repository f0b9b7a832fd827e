"""Store-wide commands of the main window: import, delete, re-extract, back up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from imr_desk.assets import sample_letters
from imr_desk.domain.errors import ImrDeskError
from imr_desk.services.exporting import ExportReport
from imr_desk.services.importer import ImportReport
from imr_desk.services.maintenance import backup, reextract
from imr_desk.services.userconfig import reviewer_name
from imr_desk.ui import dialogs
from imr_desk.ui.actions import shortcut_rows
from imr_desk.ui.history_dialog import HistoryDialog, field_history
from imr_desk.ui.background import BackgroundRun, export_run, import_run
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

    def start_import(self, paths: list[str]) -> BackgroundRun | None:
        if self.read_only:
            self.tell("This store is open read-only in this window.")
            return None
        run = import_run(self.store_path, paths, reviewer_name(), self, workers=self.import_workers)
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

    def export_current(self) -> None:
        """Export the open letter; one that is not finalized yet is exported as a DRAFT."""
        record = self.session.record
        if record is None:
            self.tell("Open a letter to export it.")
            return
        draft = record.status not in ("finalized", "exported")
        self._start_export([record.id], draft=draft)

    def export_selected(self) -> None:
        """Export the letters selected in the queue (those not finalized are reported, not written)."""
        ids = self.selected_letter_ids()
        if not ids:
            self.tell("Select letters in the queue first.")
            return
        self._start_export(ids, draft=False)

    def export_finalized(self) -> None:
        ids = [row["id"] for row in self.store.page(status="finalized", limit=None, columns=("id",))]
        if not ids:
            self.tell("No letters are finalized.")
            return
        self._start_export(ids, draft=False)

    def toggle_pdf(self, checked: bool = False) -> None:
        self.settings.setValue("export_pdf", bool(checked))

    def _start_export(self, ids: list[int], *, draft: bool) -> BackgroundRun | None:
        folder = self.choose_folder("Export letters into", str(self.settings.value("export_folder", "")))
        if not folder:
            return None
        self.settings.setValue("export_folder", folder)
        pdf = self.actions_by_name["export_pdf"].isChecked()
        run = export_run(self.store_path, ids, Path(folder), reviewer_name(), self, draft=draft, pdf=pdf)
        run.done.connect(lambda report: self._export_done(report, folder, draft))
        run.failed.connect(lambda text: dialogs.show_report(self, "Export failed", text))
        self._export_run = run
        run.start()
        return run

    def _export_done(self, report: ExportReport, folder: str, draft: bool) -> None:
        self.last_export = report
        self.queue.refresh()
        self.session.reload()
        kind = "draft " if draft else ""
        self.tell(f"Exported {len(report.written)} {kind}file(s) to {folder}.")
        if report.failed:
            details = "\n".join(f"letter {i}: {reason}" for i, reason in report.failed)
            dialogs.show_report(self, "Export finished", f"{len(report.failed)} letter(s) were not exported.", details)
        if report.written and self.open_folder_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

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

