"""Who the letter goes to: the first recipient is addressed, the others are copied (cc)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from imr_desk.domain.fields import RECIPIENT_ROLES
from imr_desk.ui.editors import ChoiceField, FieldEditor, LineField, TextField


class RecipientsPanel(QWidget):
    """A list of recipients and an editor for the selected one (``recipients.N.<field>``)."""

    committed = Signal(str, object)
    focused = Signal(str)
    addRequested = Signal()  # noqa: N815 - Qt naming
    removeRequested = Signal(int)  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("recipients.list")
        self.list.setMaximumHeight(90)
        self.list.currentRowChanged.connect(self._show)
        add = QPushButton("Add recipient", self)
        add.setObjectName("recipients.add")
        add.clicked.connect(self.addRequested)
        remove = QPushButton("Remove", self)
        remove.setObjectName("recipients.remove")
        remove.clicked.connect(lambda: self.current >= 0 and self.removeRequested.emit(self.current))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.role = ChoiceField("recipients.0.role", RECIPIENT_ROLES)
        self.name = LineField("recipients.0.name")
        self.address = TextField("recipients.0.address", 3)
        self.editors: dict[str, FieldEditor] = {"role": self.role, "name": self.name, "address": self.address}
        self.detail = QWidget(self)
        form = QFormLayout(self.detail)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Role", self.role)
        form.addRow("Name", self.name)
        form.addRow("Address (one line each)", self.address)
        for editor in self.editors.values():
            editor.committed.connect(self._commit)
            editor.focused.connect(self.focused)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)
        self.current = -1
        self._recipients: list[dict[str, Any]] = []

    def _commit(self, path: str, value: object) -> None:
        if path.endswith(".address") and isinstance(value, str):
            value = [line.strip() for line in value.splitlines() if line.strip()]
        self.committed.emit(path, value)

    def set_recipients(self, recipients: list[dict[str, Any]]) -> None:
        keep = self.current
        self._recipients = recipients
        self.list.blockSignals(True)
        self.list.clear()
        for number, recipient in enumerate(recipients):
            role = (recipient.get("role") or "recipient").capitalize()
            kind = "To" if number == 0 else "cc"
            self.list.addItem(f"{kind}: {recipient.get('name') or '(no name)'} — {role}")
        self.list.blockSignals(False)
        row = min(max(keep, 0), len(recipients) - 1) if recipients else -1
        self.list.setCurrentRow(row)
        self._show(row)

    def _show(self, row: int) -> None:
        self.current = row
        self.detail.setEnabled(row >= 0)
        recipient = self._recipients[row] if 0 <= row < len(self._recipients) else {}
        for field, editor in self.editors.items():
            editor.set_path(f"recipients.{max(row, 0)}.{field}")
            value = recipient.get(field)
            editor.set_value("\n".join(value) if field == "address" and value else value)

    def editor_for(self, path: str) -> FieldEditor | None:
        parts = path.split(".")
        if len(parts) < 3 or parts[0] != "recipients" or not parts[1].isdigit():
            return None
        if int(parts[1]) != self.current:
            self.list.setCurrentRow(int(parts[1]))
        return self.editors.get(parts[2])
