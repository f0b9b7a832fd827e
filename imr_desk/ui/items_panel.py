"""The disputed items: a table of all of them plus a detail editor for the selected one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from imr_desk.domain.fields import DECISIONS
from imr_desk.ui.editors import ChoiceField, CheckField, FieldEditor, LineField, TextField

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = (("#", None), ("Request", "request"), ("Decision", "decision"), ("Qty", "quantity"), ("Retro", "retrospective"))


class ItemsModel(QAbstractTableModel):
    """A thin view of the open letter's items (a list of dicts)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[dict[str, Any]] = []
        self._severity: dict[int, str] = {}

    def set_items(self, items: list[dict[str, Any]], severity: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._severity = severity or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        key = _COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if key is None:
                return str(index.row() + 1)
            value = item.get(key)
            if key == "retrospective":
                return "Retro" if value else ""
            if key == "decision":
                return (value or "—").capitalize()
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "request":
            return item.get("request_heading") or item.get("request")
        if role == Qt.ItemDataRole.ForegroundRole and self._severity.get(index.row()) == "error":
            from PySide6.QtGui import QColor

            return QColor("#c92a2a")
        return None


class ItemsPanel(QWidget):
    """Table + detail editor; the detail widgets are named ``items.N.<field>`` for item N."""

    committed = Signal(str, object)
    focused = Signal(str)
    addRequested = Signal()  # noqa: N815 - Qt naming
    removeRequested = Signal(int)  # noqa: N815
    moveRequested = Signal(int, int)  # noqa: N815
    selected = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ItemsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("items.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no re-measuring on every letter
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 28), (2, 86), (3, 40), (4, 44)):
            self.table.setColumnWidth(column, width)
        self.table.setMaximumHeight(150)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))

        buttons = QHBoxLayout()
        for label, name, slot in (
            ("Add", "items.add", self.addRequested.emit),
            ("Remove", "items.remove", lambda: self.current >= 0 and self.removeRequested.emit(self.current)),
            ("Up", "items.up", lambda: self.current > 0 and self.moveRequested.emit(self.current, self.current - 1)),
            ("Down", "items.down", lambda: 0 <= self.current < self.model.rowCount() - 1
             and self.moveRequested.emit(self.current, self.current + 1)),
        ):
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.request = LineField("items.0.request")
        self.decision = ChoiceField("items.0.decision", DECISIONS)
        self.quantity = LineField("items.0.quantity", "count the request asks for")
        self.retrospective = CheckField("items.0.retrospective", "Retrospective request")
        self.ca_guideline = TextField("items.0.claims_administrator_guideline", 3)
        self.maximus_guideline = TextField("items.0.maximus_guideline", 3)
        self.rationale = TextField("items.0.rationale", 6)
        self.editors: dict[str, FieldEditor] = {
            "request": self.request, "decision": self.decision, "quantity": self.quantity,
            "retrospective": self.retrospective, "claims_administrator_guideline": self.ca_guideline,
            "maximus_guideline": self.maximus_guideline, "rationale": self.rationale,
        }
        self.detail = QWidget(self)
        form = QFormLayout(self.detail)
        form.setContentsMargins(0, 6, 0, 0)
        form.addRow("Request", self.request)
        form.addRow("Decision", self.decision)
        form.addRow("Quantity", self.quantity)
        form.addRow("", self.retrospective)
        form.addRow("Claims Administrator guideline", self.ca_guideline)
        form.addRow("Reviewer (MAXIMUS) guideline", self.maximus_guideline)
        form.addRow("Decision rationale", self.rationale)
        for editor in self.editors.values():
            editor.committed.connect(self.committed)
            editor.focused.connect(self.focused)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)
        self.current = -1
        self._items: list[dict[str, Any]] = []

    def set_items(self, items: list[dict[str, Any]], severity: dict[int, str] | None = None) -> None:
        keep = self.current
        self._items = items
        self.model.set_items(items, severity)
        self.select(min(max(keep, 0), len(items) - 1) if items else -1)

    def select(self, row: int) -> None:
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show(row)

    def _show(self, row: int) -> None:
        self.current = row
        self.detail.setEnabled(row >= 0)
        item = self._items[row] if 0 <= row < len(self._items) else {}
        for field, editor in self.editors.items():
            editor.set_path(f"items.{max(row, 0)}.{field}")
            editor.set_value(item.get(field))
        self.selected.emit(row)

    def editor_for(self, path: str) -> FieldEditor | None:
        parts = path.split(".")
        if len(parts) < 3 or parts[0] != "items" or not parts[1].isdigit():
            return None
        row = int(parts[1])
        if row != self.current:
            self.select(row)
        return self.editors.get(parts[2])
