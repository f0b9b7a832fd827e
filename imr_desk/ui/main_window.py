"""The reviewer's window: queue (left), letter text (centre), fields and problems (right)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow,
    QScrollArea, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.status import FINALIZED, IN_REVIEW, POSTPONED, STATUSES
from imr_desk.services.importer import ImportReport
from imr_desk.services.exporting import pdf_unavailable_reason
from imr_desk.services.userconfig import reviewer_name
from imr_desk.services.workflow import ValidationBlocked
from imr_desk.store.letters import Store
from imr_desk.ui import dialogs
from imr_desk.ui.actions import build_actions
from imr_desk.ui.fields_panel import FieldsPanel
from imr_desk.ui.problems_panel import ProblemsList
from imr_desk.ui.queue_model import STATUS_LABELS, QueueModel, appeal_deadline
from imr_desk.ui.session import LetterSession
from imr_desk.ui.source_view import SourceView
from imr_desk.ui.navigation import NavigationMixin
from imr_desk.ui.store_commands import StoreCommandsMixin
from imr_desk.ui.welcome import WelcomePanel

COLUMN_WIDTHS = (78, 150, 38, 34, 82, 140, 44, 66, 50, 82, 82, 120)
STYLE = """
QLineEdit[problem="error"], QComboBox[problem="error"], QPlainTextEdit[problem="error"] {
    border: 1px solid #e03131; background: #fff5f5; }
QLineEdit[problem="warning"], QComboBox[problem="warning"], QPlainTextEdit[problem="warning"] {
    border: 1px solid #f08c00; background: #fff9db; }
"""


class MainWindow(NavigationMixin, StoreCommandsMixin, QMainWindow):
    def __init__(self, store: Store, store_path: Path, settings: QSettings, *, read_only: bool = False) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.store = store
        self.store_path = store_path
        self.settings = settings
        self.read_only = read_only
        self.import_workers: int | None = None  # tests may run imports in-process
        self.ask_reason = dialogs.ask_reason  # replaceable in tests
        self.choose_folder = lambda title, start: QFileDialog.getExistingDirectory(self, title, start)
        self.open_folder_when_done = True
        self.last_export = None
        self.last_report: ImportReport | None = None
        self.last_message = ""
        self.store_lock = None  # QLockFile held while this window edits the store
        self.setWindowTitle(f"imr-desk — {store_path.name}" + (" (read-only)" if read_only else ""))
        self.setStyleSheet(STYLE)
        self.setAcceptDrops(True)

        self.session = LetterSession(store, reviewer_name, self, read_only=read_only)
        self.queue = QueueModel(store, self)
        self._build()
        self.actions_by_name = build_actions(self)
        self._set_up_pdf_action()
        self.session.letterOpened.connect(self._show_letter)
        self.session.valuesChanged.connect(self._show_values)
        self.session.errorRaised.connect(self.tell)
        self.session.inputRefused.connect(self.fields.mark_refused)
        self.session.undo_group.canUndoChanged.connect(lambda _: self._update_actions())
        self.session.undo_group.canRedoChanged.connect(lambda _: self._update_actions())
        self.queue.countsChanged.connect(self._show_counts)
        self.queue.modelReset.connect(self._queue_reset)
        self._show_counts(store.counts_by_status())
        self._restore_settings()
        self._update_actions()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("queue.search")
        self.search.setPlaceholderText("Search letters (Ctrl+K)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("queue.status")
        self.status_filter.addItem("All letters", None)
        for status in STATUSES:
            self.status_filter.addItem(STATUS_LABELS[status], status)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._apply_filter)
        # While an import runs, stored letters show up every couple of seconds.
        self._queue_refresh_soon = QTimer(self, singleShot=True, interval=2000)
        self._queue_refresh_soon.timeout.connect(self.queue.refresh)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _: self._apply_filter())

        self.queue_view = QTableView(self)
        self.queue_view.setObjectName("queue.view")
        self.queue_view.setModel(self.queue)
        imported = len(self.queue.headers()) - 1
        self.queue_view.horizontalHeader().setSortIndicator(imported, Qt.SortOrder.AscendingOrder)
        self.queue_view.setSortingEnabled(True)  # sorts at once: by import order
        self.queue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.queue_view.verticalHeader().hide()
        self.queue_view.verticalHeader().setDefaultSectionSize(22)
        header = self.queue_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.queue_view.setColumnWidth(column, width)
        self.queue_view.selectionModel().currentRowChanged.connect(lambda current, _: self._open_row(current.row()))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.queue_view)

        self.source = SourceView(self)
        self.find_text = QLineEdit(self)
        self.find_text.setObjectName("find.text")
        self.find_text.setPlaceholderText("Find in letter (Enter: next, Shift+Enter: previous, Esc: close)")
        self.find_text.returnPressed.connect(self.find_next)
        self.find_text.hide()
        self.welcome = WelcomePanel(self)
        self.welcome.importRequested.connect(self.choose_files_to_import)
        self.welcome.samplesRequested.connect(self.import_samples)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 4, 0, 4)
        centre_layout.addWidget(self.find_text)
        centre_layout.addWidget(self.source)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(centre)

        self.fields = FieldsPanel(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        self.problems = ProblemsList(self)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(scroll)
        right.addWidget(self.problems)
        right.setSizes([780, 110])

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        for widget in (left, self.centre, right):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([520, 600, 480])
        self.setCentralWidget(self.splitter)

        self.counts = QLabel(self)
        self.counts.setObjectName("status.counts")
        self.statusBar().addPermanentWidget(self.counts)

        self.fields.committed.connect(self._commit_field)
        self.fields.focused.connect(self.source.emphasize)
        self.fields.items.addRequested.connect(self.add_item)
        self.fields.items.removeRequested.connect(self.session.remove_item)
        self.fields.items.moveRequested.connect(self._move_item)
        self.fields.recipients.addRequested.connect(self.add_recipient)
        self.fields.recipients.removeRequested.connect(lambda row: self.session.remove_entry("recipients", row))
        self.source.spanActivated.connect(self.focus_field)
        self.problems.problemActivated.connect(self.focus_field)

    def _set_up_pdf_action(self) -> None:
        action = self.actions_by_name["export_pdf"]
        action.setCheckable(True)
        reason = pdf_unavailable_reason()
        if reason:
            action.setEnabled(False)
            action.setText(action.text() + " (needs LibreOffice)")
            action.setStatusTip(reason)
            action.setToolTip(reason)
        else:
            action.setChecked(self.settings.value("export_pdf", False, type=bool))

    # -- queue and letters ---------------------------------------------------------------

    def _apply_filter(self) -> None:
        self.queue.set_filter(status=self.status_filter.currentData(), search=self.search.text())

    def _queue_reset(self) -> None:
        empty_store = self.store.count() == 0
        self.centre.setCurrentIndex(0 if empty_store else 1)
        current = self.session.letter_id
        row = self.queue.row_of(current) if current is not None else None
        if row is None and current is not None:
            row = self._find_row(current)
        if row is not None:
            self.queue_view.selectRow(row)

    def _find_row(self, letter_id: int, limit: int = 2000) -> int | None:
        for row in range(min(self.queue.rowCount(), limit)):
            if self.queue.letter_id(row) == letter_id:
                return row
        return None

    def _open_row(self, row: int) -> None:
        letter_id = self.queue.letter_id(row)
        if letter_id is not None and letter_id != self.session.letter_id:
            self.open_letter(letter_id)

    def open_letter(self, letter_id: int) -> None:
        try:
            self.session.open(letter_id)
        except ImrDeskError as exc:
            self.tell(str(exc))
            return
        self.queue.refresh_letter(letter_id)
        self.settings.setValue("last_letter", letter_id)

    def selected_letter_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.queue_view.selectionModel().selectedRows())
        return [i for i in (self.queue.letter_id(r) for r in rows) if i is not None]

    def select_letter(self, letter_id: int) -> bool:
        row = self.queue.row_of(letter_id)
        if row is None:
            row = self._find_row(letter_id)
        if row is None:
            return False
        self.queue_view.selectRow(row)
        return True

    def _show_letter(self) -> None:
        record = self.session.record
        self.centre.setCurrentIndex(1 if record or self.store.count() else 0)
        if record is None:
            self.source.show_letter("", {}, {})
        else:
            self.source.show_letter(record.text, self.session.record.spans, self._severity())
        self.fields.load(self.session)
        self.problems.show_problems(self.session.problems)
        self._update_actions()

    def _show_values(self) -> None:
        record = self.session.record
        if record is None:
            return
        self.source.set_spans(record.spans, self._severity())
        self.fields.load(self.session)
        self.problems.show_problems(self.session.problems)
        self.queue.refresh_letter(record.id)
        self._update_actions()

    def _severity(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for problem in self.session.problems:
            if problem.field and out.get(problem.field) != "error":
                out[problem.field] = problem.severity
        return out

    def _show_counts(self, counts: dict[str, int]) -> None:
        parts = [f"{STATUS_LABELS[s]}: {counts.get(s, 0)}" for s in STATUSES]
        self.counts.setText("   ".join(parts))

    def tell(self, message: str) -> None:
        self.last_message = message
        self.statusBar().showMessage(message, 8000)

    # -- editing -----------------------------------------------------------------------

    def _commit_field(self, path: str, value: object) -> None:
        reason = None
        if path == "final_determination" and value is not None:
            reason = self.ask_reason(self, "Override the final determination", "Why does the final determination differ from the items?")
            if reason is None:
                self.fields.load(self.session)
                return
        self.session.edit(path, value, reason=reason)

    def focus_field(self, path: str) -> None:
        if self.fields.focus_path(path):
            self.source.emphasize(path)

    def assign_selection(self) -> None:
        """Put the text selected in the letter into the field last focused, with its span."""
        selected = self.source.selection()
        path = self.fields.last_focused
        if not selected or not path:
            self.tell("Select text in the letter and focus a field first.")
            return
        start, end, text = selected
        if self.session.edit(path, " ".join(text.split()), span=(start, end)):
            self.focus_field(path)

    def add_item(self) -> None:
        self.session.insert_item()
        self.fields.items.select(len(self.session.value("items") or []) - 1)
        self.fields.items.request.setFocus()

    def add_recipient(self) -> None:
        role = "employee" if not self.session.value("recipients") else "claims administrator"
        self.session.insert_entry("recipients", None, {"role": role})
        self.fields.recipients.list.setCurrentRow(len(self.session.value("recipients") or []) - 1)
        self.fields.recipients.name.setFocus()

    def mark_mailed(self) -> None:
        """Record today as the mailing date (it starts the appeal period)."""
        from datetime import date

        if self.session.edit("letter.mailed_on", date.today().isoformat()):
            self.tell(f"Marked mailed today; appeals are due by {appeal_deadline(date.today().isoformat())}.")

    def _move_item(self, index: int, target: int) -> None:
        self.session.move_item(index, target)
        self.fields.items.select(target)

    def undo(self) -> None:
        self.session.undo_group.undo()

    def redo(self) -> None:
        self.session.undo_group.redo()

    # -- status ------------------------------------------------------------------------

    def finalize(self) -> None:
        try:
            self.session.set_status(FINALIZED)
        except ValidationBlocked as exc:
            reason = self.ask_reason(
                self, "Finalize with errors?",
                f"{exc}\n\nFinalize anyway? Give the reason for the override (it is logged).",
            )
            if reason:
                self._set_status(FINALIZED, reason)
        except ImrDeskError as exc:
            self.tell(str(exc))
        else:
            self.tell("Finalized.")

    def postpone(self) -> None:
        self._set_status(POSTPONED)

    def reopen(self) -> None:
        self._set_status(IN_REVIEW)

    def _set_status(self, status: str, reason: str | None = None) -> None:
        try:
            self.session.set_status(status, reason)
        except ImrDeskError as exc:
            self.tell(str(exc))

    def _update_actions(self) -> None:
        record = self.session.record
        status = record.status if record else None
        enable = {
            "finalize": status in ("to_review", "in_review") and not self.read_only,
            "postpone": status in ("to_review", "in_review") and not self.read_only,
            "reopen": status in ("finalized", "exported") and not self.read_only,
            "undo": self.session.undo_group.canUndo(),
            "redo": self.session.undo_group.canRedo(),
            "reextract": record is not None and self.session.editable,
            "delete": record is not None and not self.read_only,
            "export_letter": record is not None and not self.read_only,
            "mark_mailed": record is not None and not self.read_only,
            "add_recipient": self.session.editable,
            "add_item": self.session.editable,
            "assign": self.session.editable,
        }
        for name, on in enable.items():
            self.actions_by_name[name].setEnabled(bool(on))

    # -- settings ----------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # first start: roomy, but never larger than the screen (laptops may have 1366 x 768)
            screen = self.screen().availableGeometry()
            self.resize(min(1500, screen.width()), min(900, screen.height()))
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.centre.setCurrentIndex(0 if self.store.count() == 0 else 1)
        last = self.settings.value("last_letter")
        if last is not None and self.store.exists(int(last)):
            self.select_letter(int(last))
        elif self.queue.rowCount():
            self.queue_view.selectRow(0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._queue_refresh_soon.stop()
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # confirms a field being typed in
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        if self.store_lock is not None:
            self.store_lock.unlock()
        super().closeEvent(event)
