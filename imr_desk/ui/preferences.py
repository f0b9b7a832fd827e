"""Preferences: the reviewer name, shared with the command line (``imr-desk config``)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from imr_desk.services import userconfig


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle("Preferences")
        self.reviewer = QLineEdit(userconfig.load().get("reviewer", ""), self)
        self.reviewer.setObjectName("preferences.reviewer")
        self.reviewer.setPlaceholderText(userconfig.reviewer_name())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Reviewer name", self.reviewer)
        form.addRow(QLabel("Recorded with every change, in this window and on the command line.", self))
        form.addRow(buttons)

    def accept(self) -> None:
        userconfig.set_value("reviewer", self.reviewer.text())
        super().accept()
