"""A field's history: the extracted value, then every change with who, when and why."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.fieldpaths import get_value
from imr_desk.domain.letter import letter_values
from imr_desk.store.letters import LetterRecord


def field_history(record: LetterRecord, log: list[dict[str, Any]], path: str) -> list[tuple[str, str, str, str, str]]:
    """(when, who, old, new, reason) rows for ``path`` (and its parts), the extraction first."""
    try:
        extracted = get_value(letter_values(record.extracted), path)
    except ImrDeskError:
        extracted = None
    rows = [(record.imported_at[:16].replace("T", " "), "extraction", "", _text(extracted), "")]
    for entry in log:
        field = entry.get("field") or ""
        if entry["kind"] in ("edit", "derived") and (field == path or field.startswith(path + ".") or path.startswith(field + ".")):
            rows.append((
                entry["at"][:16].replace("T", " "), entry["who"], _text(entry["old"]), _text(entry["new"]),
                entry.get("reason") or ("follows the items" if entry["kind"] == "derived" else ""),
            ))
    return rows


def _text(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class HistoryDialog(QDialog):
    def __init__(self, path: str, rows: list[tuple[str, str, str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.setWindowTitle(f"History of {path}")
        table = QTableWidget(len(rows), 5, self)
        table.setObjectName("history.table")
        table.setHorizontalHeaderLabels(["When", "Who", "Was", "Became", "Reason"])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{path}</b>", self))
        layout.addWidget(table)
        self.table = table
        self.resize(720, 320)
