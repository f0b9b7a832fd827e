"""Small dialogs: a reason prompt, the keyboard help, a report. Each can be replaced in tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)


def ask_reason(parent: QWidget, title: str, prompt: str) -> str | None:
    """A reason the reviewer types (for an override or a deletion); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(prompt, dialog)
    label.setWordWrap(True)
    text = QPlainTextEdit(dialog)
    text.setObjectName("reason")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(label)
    layout.addWidget(text)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    reason = text.toPlainText().strip()
    return reason or None


def show_report(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    """A non-blocking message (the window stays usable)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("report")
    if details:
        box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


class ShortcutHelp(QDialog):
    """F1: every shortcut the window has, as the menus show them."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcut-help")
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels(["Menu", "Action", "Keys"])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.resize(560, 520)
