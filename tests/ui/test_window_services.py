"""One app per store, unexpected errors, field history, preferences, keyboard help."""

from __future__ import annotations

import os
import stat
import sys

from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableWidget

from imr_desk.services import userconfig
from imr_desk.ui import crash
from imr_desk.ui.history_dialog import field_history


def test_a_second_window_on_the_same_store_is_read_only(make_window, qtbot):
    first = make_window()
    second = make_window()
    assert not first.read_only and second.read_only
    assert "read-only" in second.windowTitle() and "read-only" in second.last_message
    second.import_samples()
    assert second.last_report is None and "read-only" in second.last_message
    first.close()
    third = make_window()
    assert not third.read_only


def test_unexpected_errors_are_logged_owner_only_and_shown(make_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(crash, "log_path", lambda: tmp_path / "logs" / "imr-desk.log")
    window = make_window()
    previous = sys.excepthook
    try:
        crash.install(window)
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    log = tmp_path / "logs" / "imr-desk.log"
    assert "RuntimeError: boom in a slot" in log.read_text()
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    box = window.findChild(QMessageBox, "crash-report")
    assert box is not None and str(log) in box.text()


def test_field_history_lists_extraction_and_changes(window_with_samples, qtbot):
    window = window_with_samples
    editor = window.findChild(QLineEdit, "patient.age")
    editor.setFocus()
    editor.setText("60")
    editor.editingFinished.emit()
    rows = field_history(window.session.record, window.store.history(1), "patient.age")
    assert [(r[2], r[3]) for r in rows] == [("", "54"), ("54", "60")]
    window.show_history()
    table = window._history.findChild(QTableWidget, "history.table")
    assert table.rowCount() == 2 and table.item(1, 3).text() == "60"


def test_preferences_set_the_shared_reviewer_name(make_window, qtbot):
    window = make_window()
    window.show_preferences()
    dialog = window._preferences
    dialog.reviewer.setText("Dr. Lee")
    dialog.accept()
    assert userconfig.reviewer_name() == "Dr. Lee"


def test_every_shortcut_is_listed_in_the_help(make_window):
    window = make_window()
    window.show_shortcuts()
    table = window._help.findChild(QTableWidget)
    texts = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert texts["Finalize"] == "Ctrl+Return" and texts["Next problem"] == "F8"
    assert all(texts[a.text().replace("&", "")] == a.shortcut().toString() for a in window.actions_by_name.values())
