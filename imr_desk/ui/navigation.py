"""Moving around: next and previous letter or problem, search focus, find in the letter."""

from __future__ import annotations

from PySide6.QtCore import Qt


class NavigationMixin:
    """Keyboard navigation of the main window (mixed into MainWindow)."""

    def next_letter(self) -> None:
        self._step_letter(1)

    def previous_letter(self) -> None:
        self._step_letter(-1)

    def _step_letter(self, step: int) -> None:
        row = self.queue_view.currentIndex().row()
        target = max(0, min(self.queue.rowCount() - 1, row + step if row >= 0 else 0))
        self.queue_view.selectRow(target)

    def next_problem(self) -> None:
        self._step_problem(1)

    def previous_problem(self) -> None:
        self._step_problem(-1)

    def _step_problem(self, step: int) -> None:
        paths = [p for p in self.problems.paths() if self.fields.editor_for(p) is not None]
        if not paths:
            self.tell("No problems in this letter.")
            return
        current = self.fields.last_focused
        index = paths.index(current) + step if current in paths else (0 if step > 0 else -1)
        self.focus_field(paths[index % len(paths)])

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_find(self) -> None:
        self.find_text.show()
        self.find_text.setFocus()
        self.find_text.selectAll()

    def find_next(self) -> None:
        if not self.source.find(self.find_text.text()):
            self.tell(f"{self.find_text.text()!r} is not in this letter.")

    def find_previous(self) -> None:
        if not self.source.find(self.find_text.text(), backward=True):
            self.tell(f"{self.find_text.text()!r} is not in this letter.")

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.find_text.isVisible():
            self.find_text.hide()
            self.source.setFocus()
            return
        super().keyPressEvent(event)

