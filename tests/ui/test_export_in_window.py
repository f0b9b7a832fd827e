"""Export, recipients and mailing from the window."""

from __future__ import annotations

from datetime import date, timedelta

import docx
from PySide6.QtWidgets import QLineEdit

from imr_desk.ui.editors import ChoiceField, TextField
from imr_desk.ui.queue_model import COLUMNS


def test_recipients_editor(window_with_samples, qtbot):
    window = window_with_samples
    window.add_recipient()
    name = window.findChild(QLineEdit, "recipients.0.name")
    name.setText("Jane Doe")
    name.editingFinished.emit()
    address = window.findChild(TextField, "recipients.0.address")
    address.setPlainText("1 Main St\nFresno, CA 93701")
    address.commit()
    window.add_recipient()
    role = window.findChild(ChoiceField, "recipients.1.role")
    assert role.currentData() == "claims administrator"
    recipients = window.store.get(1).current["recipients"]
    assert recipients[0] == {"role": "employee", "name": "Jane Doe", "address": ["1 Main St", "Fresno, CA 93701"]}
    assert window.fields.recipients.list.item(0).text().startswith("To: Jane Doe")


def test_export_marks_exported_then_mailed_and_the_queue_shows_the_deadline(window_with_samples, qtbot, tmp_path):
    window = window_with_samples
    window.choose_folder = lambda *args: str(tmp_path / "out")
    window.open_folder_when_done = False
    window.export_current()  # not finalized: a draft
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=20000)
    assert [p.name for p in window.last_export.written] == ["letter-1-DRAFT.docx"]
    assert window.store.get(1).status == "in_review"
    window.finalize()
    window.last_export = None
    window.export_current()
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=20000)
    [written] = window.last_export.written
    assert written.name == "letter-1.docx" and window.store.get(1).status == "exported"
    assert "IMR case number" not in "\n".join(p.text for p in docx.Document(written).paragraphs)  # text letters have none
    window.mark_mailed()  # allowed on an exported letter: mailing comes after export
    today = date.today()
    assert window.store.get(1).current["letter"]["mailed_on"] == today.isoformat()
    assert window.store.get(1).status == "exported"
    appeal = [title for title, _ in COLUMNS].index("Appeal by")
    row = window.queue.row_of(1)
    assert window.queue.data(window.queue.index(row, appeal)) == (today + timedelta(days=35)).isoformat()


def test_pdf_option_says_why_when_unavailable(make_window, monkeypatch):
    from imr_desk.ui import main_window

    monkeypatch.setattr(main_window, "pdf_unavailable_reason", lambda: "PDF export needs LibreOffice")
    window = make_window()
    action = window.actions_by_name["export_pdf"]
    assert not action.isEnabled() and "LibreOffice" in action.toolTip()


def test_export_selected_letters(window_with_samples, qtbot, tmp_path):
    from PySide6.QtCore import QItemSelectionModel

    window = window_with_samples
    window.session.set_status("finalized")  # letter 1
    selection = window.queue_view.selectionModel()
    for row in (0, 2):
        selection.select(window.queue.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert window.selected_letter_ids() == [1, 3]
    window.choose_folder = lambda *args: str(tmp_path / "out")
    window.open_folder_when_done = False
    window.export_selected()
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=20000)
    assert [p.name for p in window.last_export.written] == ["letter-1.docx"]
    assert window.last_export.failed[0][0] == 3 and "finalize it first" in window.last_export.failed[0][1]
