"""Field editors: each one's objectName is the field path it edits, and it says when the
reviewer confirmed a new value (Enter, leaving the field, choosing an option)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from imr_desk.domain.fields import kind_of


def display(path: str, value: Any) -> str:
    """A stored value as the reviewer reads it (US dates, lists joined by commas)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if kind_of(path) == "date":
        try:
            return date.fromisoformat(str(value)).strftime("%m/%d/%Y")
        except ValueError:
            return str(value)
    return str(value)


class FieldEditor:
    """What every editor offers the panel (mixed into the Qt widget classes below)."""

    committed: Signal  # (path, value)
    focused: Signal  # (path)

    def path(self) -> str:
        return self.objectName()  # type: ignore[attr-defined]

    def set_path(self, path: str) -> None:
        self.setObjectName(path)  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        if hasattr(widget, "setReadOnly"):
            widget.setReadOnly(not editable)
        else:
            widget.setEnabled(editable)

    def set_problem(self, severity: str, message: str) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        if widget.property("problem") != severity:
            widget.setProperty("problem", severity)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        widget.setToolTip(message)


class LineField(QLineEdit, FieldEditor):
    committed = Signal(str, object)
    focused = Signal(str)

    def __init__(self, path: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_path(path)
        self.setPlaceholderText(placeholder)
        self._shown = ""
        self.editingFinished.connect(self._commit)

    def set_value(self, value: Any) -> None:
        self._shown = display(self.path(), value)
        if self.text() != self._shown:
            self.setText(self._shown)
            if not self.hasFocus():
                self.setCursorPosition(0)  # a value wider than the field shows from its start

    def _commit(self) -> None:
        if self.text() != self._shown:
            self.committed.emit(self.path(), self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()  # confirm and go on to the next field

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focused.emit(self.path())


class ChoiceField(QComboBox, FieldEditor):
    committed = Signal(str, object)
    focused = Signal(str)

    def __init__(self, path: str, options: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_path(path)
        self.addItem("", None)
        for option in options:
            self.addItem(option.capitalize(), option)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turned over it does not take focus
        self.activated.connect(lambda index: self.committed.emit(self.path(), self.itemData(index)))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        """Scrolling the panel over a choice it is not editing scrolls the panel, never
        changes the choice."""
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else 0)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focused.emit(self.path())


class CheckField(QCheckBox, FieldEditor):
    committed = Signal(str, object)
    focused = Signal(str)

    def __init__(self, path: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.set_path(path)
        self.clicked.connect(lambda checked: self.committed.emit(self.path(), bool(checked)))

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focused.emit(self.path())


class TextField(QPlainTextEdit, FieldEditor):
    """Long text (guidelines, rationale): confirmed when focus leaves or on Ctrl+Enter."""

    committed = Signal(str, object)
    focused = Signal(str)

    def __init__(self, path: str, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_path(path)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self._shown = ""

    def set_value(self, value: Any) -> None:
        self._shown = display(self.path(), value)
        if self.toPlainText() != self._shown:
            self.setPlainText(self._shown)

    def commit(self) -> None:
        if self.toPlainText() != self._shown:
            self.committed.emit(self.path(), self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focused.emit(self.path())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.commit()
        super().focusOutEvent(event)
