"""The letter's normalized text with every extracted span highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

SPAN = QColor("#fff3bf")  # an extracted value
WARNING = QColor("#ffd8a8")  # a field with a warning
ERROR = QColor("#ffc9c9")  # a field failing validation
EMPHASIS = QColor("#74c0fc")  # the field in focus
FOUND = QColor("#b2f2bb")  # a find match


class SourceView(QPlainTextEdit):
    """Read-only letter text; clicking highlighted text emits the field path it feeds."""

    spanActivated = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("source")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont("DejaVu Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSize(11)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self._spans: dict[str, tuple[int, int]] = {}
        self._severity: dict[str, str] = {}
        self._emphasized: str | None = None
        self._found: tuple[int, int] | None = None

    def show_letter(self, text: str, spans: dict[str, tuple[int, int]], severity: dict[str, str]) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)
        self._found = None
        self.set_spans(spans, severity)

    def set_spans(self, spans: dict[str, tuple[int, int]], severity: dict[str, str]) -> None:
        """Spans by field path; ``severity`` marks paths with a warning or an error."""
        length = len(self.toPlainText())
        self._spans = {p: (s, e) for p, (s, e) in spans.items() if 0 <= s < e <= length and _is_leaf(p)}
        self._severity = severity
        self._paint()

    def emphasize(self, path: str | None) -> None:
        """Stress the span of ``path`` and scroll it into view."""
        self._emphasized = path if path in self._spans else None
        self._paint()
        if self._emphasized:
            start, end = self._spans[self._emphasized]
            cursor = QTextCursor(self.document())
            cursor.setPosition(end)
            self.setTextCursor(cursor)
            cursor.setPosition(start)
            self.setTextCursor(cursor)
            self.centerCursor()

    def selection(self) -> tuple[int, int, str] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd(), cursor.selectedText().replace("\u2029", "\n")

    def find(self, text: str, backward: bool = False) -> bool:  # type: ignore[override]
        """Find the next (or previous) match, wrapping around; highlight it."""
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.document().find(text, self.textCursor(), flags)
        if found.isNull():
            start = QTextCursor(self.document())
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = self.document().find(text, start, flags)
        if found.isNull():
            self._found = None
            self._paint()
            return False
        self._found = (found.selectionStart(), found.selectionEnd())
        self.setTextCursor(found)
        self.centerCursor()
        self._paint()
        return True

    def path_at(self, position: int) -> str | None:
        """The field whose span holds ``position`` (the narrowest one)."""
        holding = [(e - s, p) for p, (s, e) in self._spans.items() if s <= position < e]
        return min(holding)[1] if holding else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            path = self.path_at(self.cursorForPosition(event.position().toPoint()).position())
            if path:
                self.spanActivated.emit(path)

    def _paint(self) -> None:
        selections = []
        for path, (start, end) in sorted(self._spans.items(), key=lambda kv: -(kv[1][1] - kv[1][0])):
            color = {"error": ERROR, "warning": WARNING}.get(self._severity.get(path, ""), SPAN)
            selections.append(self._selection(start, end, color, path == self._emphasized))
        if self._emphasized:
            start, end = self._spans[self._emphasized]
            selections.append(self._selection(start, end, EMPHASIS, True))
        if self._found:
            selections.append(self._selection(*self._found, FOUND, False))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, color: QColor, bold: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        if bold:
            fmt.setFontUnderline(True)
        selection.format = fmt
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection


def _is_leaf(path: str) -> bool:
    """Spans of whole lists or whole items would paint over their parts."""
    parts = path.split(".")
    if parts[0] == "items" and len(parts) == 2:
        return False
    return path not in ("reviewer.licensure_states", "reviewer.specialties", "clinical_case_summary")
