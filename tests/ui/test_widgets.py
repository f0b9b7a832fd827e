"""Each widget on its own: source view, editors, items panel, problems list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from imr_desk.domain.validation import Problem
from imr_desk.ui.editors import ChoiceField, LineField, TextField, display
from imr_desk.ui.items_panel import ItemsPanel
from imr_desk.ui.problems_panel import ProblemsList
from imr_desk.ui.source_view import ERROR, SourceView

TEXT = "The injured worker is a 54 year old male injured on 12/06/2005. Norco #120: Upheld"


def test_source_view_highlights_emphasizes_and_maps_clicks(qtbot):
    view = SourceView()
    qtbot.addWidget(view)
    spans = {"patient.age": (24, 26), "patient.sex": (36, 40), "items.0": (64, 83), "injury.date": (52, 62)}
    view.show_letter(TEXT, spans, {"patient.age": "error"})
    selections = view.extraSelections()
    assert len(selections) == 3  # a whole item's span is not painted over its parts
    colors = {s.cursor.selectedText(): s.format.background().color() for s in selections}
    assert colors["54"] == ERROR
    view.emphasize("injury.date")
    assert view.textCursor().position() == 52
    assert view.path_at(25) == "patient.age" and view.path_at(3) is None


def test_source_view_find_wraps_around(qtbot):
    view = SourceView()
    qtbot.addWidget(view)
    view.show_letter("alpha beta alpha", {}, {})
    assert view.find("alpha") and view.textCursor().selectionStart() == 0
    assert view.find("alpha") and view.textCursor().selectionStart() == 11
    assert view.find("alpha") and view.textCursor().selectionStart() == 0
    assert not view.find("gamma")


def test_line_field_commits_only_changes(qtbot):
    field = LineField("injury.date")
    qtbot.addWidget(field)
    got = []
    field.committed.connect(lambda path, value: got.append((path, value)))
    field.set_value("2016-10-13")
    assert field.text() == "10/13/2016"
    field.editingFinished.emit()
    assert got == []
    field.setText("10/14/2016")
    field.editingFinished.emit()
    assert got == [("injury.date", "10/14/2016")]


def test_line_field_shows_a_long_value_from_its_start(qtbot):
    field = LineField("reviewer.specialties")
    qtbot.addWidget(field)
    field.setFixedWidth(80)
    field.set_value(["Preventive Medicine", "Occupational Medicine", "Public Health & Gen Prev Med"])
    assert field.text().startswith("Preventive Medicine, ")
    assert field.cursorPosition() == 0


def _wheel_down(widget: QWidget) -> bool:
    """Turn the wheel over ``widget``; says whether the widget kept the event."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_a_wheel_over_a_choice_scrolls_past_it_unless_the_choice_has_focus(qtbot):
    field = ChoiceField("final_determination", ("upheld", "overturned", "partially overturned"))
    qtbot.addWidget(field)
    field.set_value("upheld")
    field.show()
    assert _wheel_down(field) is False
    assert field.currentData() == "upheld"
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    _wheel_down(field)
    assert field.currentData() == "overturned"


def test_choice_and_text_fields(qtbot):
    choice = ChoiceField("patient.sex", ("male", "female"))
    text = TextField("items.0.rationale")
    parent = QWidget()
    qtbot.addWidget(parent)
    choice.setParent(parent)
    text.setParent(parent)
    got = []
    choice.committed.connect(lambda p, v: got.append((p, v)))
    text.committed.connect(lambda p, v: got.append((p, v)))
    choice.set_value("female")
    assert choice.currentText() == "Female"
    choice.activated.emit(1)
    text.set_value("old")
    text.setPlainText("new reason")
    text.commit()
    assert got == [("patient.sex", "male"), ("items.0.rationale", "new reason")]
    assert display("reviewer.specialties", ["A", "B"]) == "A, B"


def test_items_panel_names_detail_widgets_after_the_item(qtbot):
    panel = ItemsPanel()
    qtbot.addWidget(panel)
    panel.set_items([{"request": "A", "decision": "upheld"}, {"request": "B", "decision": "overturned", "quantity": 6}])
    assert panel.request.objectName() == "items.0.request" and panel.request.text() == "A"
    panel.select(1)
    assert panel.quantity.objectName() == "items.1.quantity" and panel.quantity.text() == "6"
    assert panel.editor_for("items.0.decision") is panel.decision and panel.current == 0
    moves = []
    panel.moveRequested.connect(lambda a, b: moves.append((a, b)))
    panel.findChild(QWidget, "items.down").click()
    assert moves == [(0, 1)]


def test_problems_list_groups_and_leads_to_fields(qtbot):
    problems = ProblemsList()
    qtbot.addWidget(problems)
    problems.show_problems([
        Problem("ur_decision_date", "warning", "no UR date"),
        Problem("patient.age", "error", "no patient age"),
    ])
    texts = [problems.item(i).text() for i in range(problems.count())]
    assert texts[0] == "Errors (1)" and "patient.age" in texts[1] and texts[2] == "Warnings (1)"
    with qtbot.waitSignal(problems.problemActivated) as signal:
        problems.itemClicked.emit(problems.item(1))
    assert signal.args == ["patient.age"]
    assert problems.paths() == ["patient.age", "ur_decision_date"]
