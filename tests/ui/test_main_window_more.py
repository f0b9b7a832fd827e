"""More of the window: drag and drop, overrides, deleting, keyboard navigation."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLineEdit

from imr_desk.ui.editors import ChoiceField


def test_dropping_files_imports_them(make_window, qtbot, samples):
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in samples[:2]])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=20000)
    assert len(window.last_report.imported) == 2 and window.queue.rowCount() == 2


def test_final_determination_override_needs_a_reason(window_with_samples, qtbot):
    window = window_with_samples
    combo = window.findChild(ChoiceField, "final_determination")
    window.ask_reason = lambda *args: None
    combo.activated.emit(combo.findData("overturned"))
    assert window.store.get(1).current["final_determination"] == "upheld"
    window.ask_reason = lambda *args: "the second item was withdrawn"
    combo.activated.emit(combo.findData("overturned"))
    assert window.store.get(1).current["final_determination"] == "overturned"
    entry = [h for h in window.store.history(1) if h["field"] == "final_determination"][-1]
    assert entry["reason"] == "the second item was withdrawn"
    assert any("final_determination" in p for p in window.problems.paths())


def test_delete_asks_for_a_reason(window_with_samples, qtbot):
    window = window_with_samples
    window.ask_reason = lambda *args: None
    window.delete_letter()
    assert window.store.count() == 5
    window.ask_reason = lambda *args: "imported twice"
    window.delete_letter()
    assert window.store.count() == 4 and window.queue.rowCount() == 4
    assert window.store.history(1)[-1]["reason"] == "imported twice"


def test_keyboard_navigation_between_letters_and_problems(window_with_samples, qtbot):
    window = window_with_samples
    window.next_letter()
    assert window.session.letter_id == 2
    window.previous_letter()
    assert window.session.letter_id == 1
    window.select_letter(4)  # letter 4 has no UR date: a warning
    qtbot.waitUntil(lambda: window.session.letter_id == 4)
    window.next_problem()
    assert window.focusWidget() is window.findChild(QLineEdit, "ur_decision_date")


def test_reextract_from_the_window(window_with_samples):
    window = window_with_samples
    window.reextract_letter()
    assert "Re-extracted" in window.last_message


def test_cancel_stops_an_import_with_whole_letters_only(make_window, qtbot, tmp_path):
    from benchmarks.corpus import make_corpus

    make_corpus(tmp_path / "many", 1000)
    window = make_window()
    window.show()
    run = window.start_import([str(tmp_path / "many")])
    qtbot.waitUntil(lambda: run.progress.value() > 0, timeout=20000)
    from PySide6.QtWidgets import QPushButton

    run.progress.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=20000)
    assert window.last_report.cancelled
    assert window.store.count() < 1000
    assert window.store.count() == len(window.last_report.imported)
