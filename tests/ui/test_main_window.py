"""Whole scenarios in the real window, driven by the widgets' field-path object names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from imr_desk.ui.editors import LineField


def _type_into(qtbot, window, path: str, text: str) -> None:
    editor = window.findChild(QLineEdit, path)
    assert editor is not None, path
    editor.setFocus()
    editor.selectAll()
    editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_empty_store_shows_the_welcome_panel(make_window):
    window = make_window()
    assert window.centre.currentWidget() is window.welcome
    assert "To review: 0" in window.counts.text()


def test_first_start_fits_the_screen(make_window):
    window = make_window()
    screen = window.screen().availableGeometry()
    assert 0 < window.width() <= screen.width() and 0 < window.height() <= screen.height()


def test_import_samples_and_open_the_first_letter(window_with_samples):
    window = window_with_samples
    assert window.last_report.summary() == "5 imported, 0 duplicates, 0 failed"
    assert window.queue.rowCount() == 5
    assert window.centre.currentIndex() == 1
    assert window.session.record.id == 1 and window.session.record.status == "in_review"
    assert window.source.toPlainText().startswith("HOW THE IMR FINAL DETERMINATION WAS MADE")
    assert len(window.source.extraSelections()) > 10
    assert window.findChild(QLineEdit, "patient.age").text() == "54"
    assert window.findChild(QLineEdit, "injury.date").text() == "12/06/2005"
    assert window.findChild(QLineEdit, "items.0.request").text() == "RETROSPECTIVE REQUEST FOR FEXMID 7.5 MG, #120"
    assert "In review: 1" in window.counts.text()


def test_correct_by_typing_undo_redo(window_with_samples, qtbot):
    window = window_with_samples
    _type_into(qtbot, window, "patient.age", "61")
    assert window.store.get(1).current["patient"]["age"] == 61
    window.undo()
    assert window.store.get(1).current["patient"]["age"] == 54
    assert window.findChild(QLineEdit, "patient.age").text() == "54"
    window.redo()
    assert window.findChild(QLineEdit, "patient.age").text() == "61"


def test_a_refused_value_stays_in_its_field_marked_until_a_good_one_replaces_it(window_with_samples, qtbot):
    window = window_with_samples
    _type_into(qtbot, window, "patient.age", "abc")
    editor = window.findChild(LineField, "patient.age")
    assert editor.text() == "abc" and editor.property("problem") == "error"
    assert "whole number" in editor.toolTip()
    assert window.store.get(1).current["patient"]["age"] == 54
    _type_into(qtbot, window, "patient.age", "61")
    assert editor.property("problem") in (None, "")
    assert window.store.get(1).current["patient"]["age"] == 61


def test_select_and_assign(window_with_samples, qtbot):
    window = window_with_samples
    text = window.source.toPlainText()
    start = text.index("MTUS Chronic Pain guidelines")
    end = start + len("MTUS Chronic Pain guidelines")
    window.findChild(QLineEdit, "case.employee_name").setFocus()
    cursor = window.source.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    window.source.setTextCursor(cursor)
    window.assign_selection()
    record = window.store.get(1)
    assert record.current["case"]["employee_name"] == "MTUS Chronic Pain guidelines"
    assert record.spans["case.employee_name"] == [start, end]


def test_invalid_value_is_shown_inline_and_blocks_finalize_until_override(window_with_samples, qtbot):
    window = window_with_samples
    _type_into(qtbot, window, "patient.age", "7")
    editor = window.findChild(LineField, "patient.age")
    assert editor.property("problem") == "error"
    assert any("patient.age" in path for path in window.problems.paths())
    reasons = iter([None, "age confirmed by phone"])
    window.ask_reason = lambda *args: next(reasons)
    window.finalize()
    assert window.store.get(1).status == "in_review"
    window.finalize()
    assert window.store.get(1).status == "finalized"
    assert not window.actions_by_name["finalize"].isEnabled() and window.actions_by_name["reopen"].isEnabled()
    window.reopen()
    assert window.store.get(1).status == "in_review"


def test_clicking_a_span_focuses_its_field_and_problems_lead_to_fields(window_with_samples, qtbot):
    window = window_with_samples
    window.focus_field("items.0.quantity")
    assert window.focusWidget() is window.fields.items.quantity
    assert window.fields.items.quantity.objectName() == "items.0.quantity"
    position = window.source.toPlainText().index("54 year old") + 1
    assert window.source.path_at(position) == "patient.age"


def test_items_detail_follows_the_selected_item(window_with_samples, qtbot):
    window = window_with_samples
    window.select_letter(3)
    qtbot.waitUntil(lambda: window.session.letter_id == 3)
    window.fields.items.select(2)
    assert window.findChild(QLineEdit, "items.2.request").text().startswith("PERMANENT IMPLANTATION")
    window.add_item()
    _type_into(qtbot, window, "items.3.request", "Massage therapy x6")
    assert window.store.get(3).current["items"][3]["request"] == "Massage therapy x6"
    assert window.store.get(3).current["items"][3]["quantity"] is None


def test_edits_persist_and_the_window_reopens_where_the_reviewer_was(make_window, qtbot):
    window = make_window()
    window.import_samples()
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=20000)
    window.select_letter(4)
    qtbot.waitUntil(lambda: window.session.letter_id == 4)
    _type_into(qtbot, window, "case.claim_number", "CLM-778")
    window.close()
    window.store.close()
    again = make_window()
    assert again.session.letter_id == 4
    assert again.findChild(QLineEdit, "case.claim_number").text() == "CLM-778"


def test_search_and_status_filter(window_with_samples, qtbot):
    window = window_with_samples
    window.search.setText("protonix")
    qtbot.waitUntil(lambda: window.queue.rowCount() == 1, timeout=3000)
    window.search.clear()
    qtbot.waitUntil(lambda: window.queue.rowCount() == 5, timeout=3000)
    window.status_filter.setCurrentIndex(window.status_filter.findData("in_review"))
    assert window.queue.rowCount() == 1


def test_find_in_letter(window_with_samples):
    window = window_with_samples
    window.show_find()
    window.find_text.setText("Cyclobenzaprine")
    window.find_next()
    first = window.source.textCursor().selectionStart()
    window.find_next()
    assert window.source.textCursor().selectionStart() > first
    window.find_previous()
    assert window.source.textCursor().selectionStart() == first
