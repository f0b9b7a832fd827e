"""The open letter's problems, errors apart from warnings; each leads to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from imr_desk.domain.validation import Problem


class ProblemsList(QListWidget):
    problemActivated = Signal(str)  # noqa: N815 - Qt naming: the field path

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)
        self._paths: list[str] = []

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        self._paths = []
        errors = [p for p in problems if p.severity == "error"]
        warnings = [p for p in problems if p.severity != "error"]
        for title, group, color in (("Errors", errors, "#c92a2a"), ("Warnings", warnings, "#e67700")):
            if not group:
                continue
            header = QListWidgetItem(f"{title} ({len(group)})")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.addItem(header)
            for problem in group:
                item = QListWidgetItem(f"  {problem.field or 'letter'}: {problem.message}")
                item.setForeground(QBrush(QColor(color)))
                item.setData(Qt.ItemDataRole.UserRole, problem.field or "")
                self.addItem(item)
                if problem.field:
                    self._paths.append(problem.field)
        if not problems:
            done = QListWidgetItem("No problems")
            done.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(done)

    def paths(self) -> list[str]:
        return list(self._paths)

    def _activate(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.problemActivated.emit(path)
