"""The right-hand panel: every field of the open letter, with its problems shown inline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from imr_desk.domain.fields import FINAL_DETERMINATIONS, SEXES
from imr_desk.domain.validation import Problem
from imr_desk.ui.editors import ChoiceField, FieldEditor, LineField
from imr_desk.ui.items_panel import ItemsPanel
from imr_desk.ui.recipients_panel import RecipientsPanel
from imr_desk.ui.session import LetterSession

DATE_HINT = "MM/DD/YYYY"
_GROUPS = (
    ("Case", (
        ("case.case_number", "IMR case number", LineField, ()),
        ("case.claim_number", "Claim number", LineField, ()),
        ("case.employee_name", "Employee", LineField, ()),
        ("case.date_assigned", "Date assigned", LineField, (DATE_HINT,)),
        ("case.date_of_injury", "Header: date of injury", LineField, (DATE_HINT,)),
        ("case.ur_denial_date", "Header: UR denial date", LineField, (DATE_HINT,)),
        ("case.decision_date", "Decision date", LineField, (DATE_HINT,)),
        ("case.application_received", "Application received", LineField, (DATE_HINT,)),
    )),
    ("Reviewer", (
        ("reviewer.licensure_states", "Licensure states", LineField, ("comma separated",)),
        ("reviewer.specialties", "Specialties", LineField, ("comma separated",)),
    )),
    ("Patient and injury", (
        ("patient.age", "Age", LineField, ()),
        ("patient.sex", "Sex", ChoiceField, (SEXES,)),
        ("injury.date", "Date of injury", LineField, (DATE_HINT,)),
        ("injury.end_date", "Injury end (cumulative)", LineField, (DATE_HINT,)),
        ("ur_decision_date", "UR decision date", LineField, (DATE_HINT,)),
    )),
    ("Determination", (
        ("final_determination", "Final determination", ChoiceField, (FINAL_DETERMINATIONS,)),
    )),
    ("Letter", (
        ("letter.date", "Letter date", LineField, ("today when empty",)),
        ("letter.mailed_on", "Mailed on", LineField, (DATE_HINT,)),
    )),
)


class FieldsPanel(QWidget):
    """Editors for the open letter; ``committed(path, value)`` when the reviewer confirms one."""

    committed = Signal(str, object)
    focused = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setObjectName("letter.status")
        layout.addWidget(self.status)
        for title, fields in _GROUPS:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            for path, label, kind, args in fields:
                editor = kind(path, *args)
                editor.committed.connect(self.committed)
                editor.focused.connect(self.focused)
                form.addRow(label, editor)
                self.editors[path] = editor
            layout.addWidget(box)
        self.items = self._boxed(layout, "Disputed items", ItemsPanel)
        self.recipients = self._boxed(layout, "Recipients", RecipientsPanel)
        layout.addStretch(1)
        self.last_focused: str | None = None
        self.focused.connect(self._remember)

    def _boxed(self, layout: QVBoxLayout, title: str, kind):
        """A list panel (items, recipients) in its own group, its edits passed on."""
        box = QGroupBox(title, self)
        panel = kind(box)
        panel.committed.connect(self.committed)
        panel.focused.connect(self.focused)
        QVBoxLayout(box).addWidget(panel)
        layout.addWidget(box)
        return panel

    def _remember(self, path: str) -> None:
        self.last_focused = path

    def load(self, session: LetterSession) -> None:
        """Show the session's letter (or nothing) and its problems."""
        record = session.record
        self.setEnabled(record is not None)
        for path, editor in self.editors.items():
            editor.set_value(session.value(path) if record else None)
            editor.set_editable(session.editable or (path == "letter.mailed_on" and record is not None and not session.read_only))
        for editor in [*self.items.editors.values(), *self.recipients.editors.values()]:
            editor.set_editable(session.editable)
        self.recipients.set_recipients(session.value("recipients") or [] if record else [])
        severity = {}
        for problem in session.problems:
            if problem.field and problem.field.startswith("items.") and problem.field.split(".")[1].isdigit():
                row = int(problem.field.split(".")[1])
                if severity.get(row) != "error":
                    severity[row] = problem.severity
        self.items.set_items(session.value("items") or [] if record else [], severity)
        if record is not None:
            self.status.setText(f"<b>{record.source_name}</b> — {record.status.replace('_', ' ')}")
        else:
            self.status.setText("")
        self.show_problems(session.problems)

    def show_problems(self, problems: list[Problem]) -> None:
        worst: dict[str, Problem] = {}
        for problem in problems:
            if problem.field and (problem.field not in worst or problem.severity == "error"):
                worst[problem.field] = problem
        every = [*self.editors.values(), *self.items.editors.values(), *self.recipients.editors.values()]
        for editor in every:
            problem = worst.get(editor.path())
            editor.set_problem(problem.severity if problem else "", problem.message if problem else "")

    def editor_for(self, path: str) -> FieldEditor | None:
        if path in self.editors:
            return self.editors[path]
        if path.startswith(("reviewer.licensure_states.", "reviewer.specialties.")):
            return self.editors.get(path.rsplit(".", 1)[0])
        if path.startswith("case.") and path not in self.editors:
            return None
        if path.startswith("recipients."):
            return self.recipients.editor_for(path)
        return self.items.editor_for(path)

    def mark_refused(self, path: str, message: str) -> None:
        """Keep a refused value in its field, marked as an error, for the reviewer to fix."""
        editor = self.editor_for(path)
        if editor is not None:
            editor.set_problem("error", message)

    def focus_path(self, path: str) -> bool:
        editor = self.editor_for(path)
        if editor is None:
            return False
        editor.setFocus()  # type: ignore[attr-defined]
        return True
