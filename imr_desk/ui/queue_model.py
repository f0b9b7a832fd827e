"""The letter queue as a thin table model that pages rows from the store on demand."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from imr_desk.store.letters import Store

Index = QModelIndex | QPersistentModelIndex

#: (header, store column used for display and sorting)
COLUMNS = (
    ("Status", "status"),
    ("Letter", "source_name"),
    ("Age", "patient_age"),
    ("Sex", "patient_sex"),
    ("Injury", "injury_date"),
    ("Determination", "final_determination"),
    ("Items", "item_count"),
    ("Warnings", "warning_count"),
    ("Errors", "error_count"),
    ("Mailed", "mailed_on"),
    ("Appeal by", "appeal_by"),
    ("Imported", "imported_at"),
)
#: Columns worked out from others rather than read from the store.
COMPUTED = {"appeal_by"}
APPEAL_DAYS = 30 + 5  # 30 days to petition the Appeals Board, plus 5 for mailing
#: Sorting a column by another that gives the same order faster (import order = id order).
SORT_KEYS = {"imported_at": "id", "appeal_by": "mailed_on"}
_FETCH = ("id", "case_number", *(column for _, column in COLUMNS if column not in COMPUTED))
PAGE = 200
STATUS_LABELS = {
    "to_review": "To review", "in_review": "In review", "postponed": "Postponed",
    "finalized": "Finalized", "exported": "Exported",
}


class QueueModel(QAbstractTableModel):
    """Rows come from ``Store.page`` one block at a time; only the count is asked up front."""

    countsChanged = Signal(dict)  # status -> number of letters  # noqa: N815 - Qt naming

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._status: str | None = None
        self._search: str | None = None
        self._order_by = "id"
        self._descending = False
        self._count = 0
        self._pages: dict[int, list[dict[str, Any]]] = {}
        self.refresh()

    # -- filters ---------------------------------------------------------------------

    def set_filter(self, *, status: str | None = None, search: str | None = None) -> None:
        self._status = status or None
        self._search = (search or "").strip() or None
        self.refresh()

    def refresh(self) -> None:
        """Forget cached rows and count again (after imports, edits, deletes)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._store.count(status=self._status, search=self._search)
        self.endResetModel()
        self.countsChanged.emit(self._store.counts_by_status())

    def refresh_letter(self, letter_id: int) -> None:
        """Re-read the cached row of one letter (after an edit) without a reset."""
        row_number = self.row_of(letter_id)
        fresh = self._store.queue_row(letter_id, _FETCH)
        status_changed = True
        if row_number is not None and fresh is not None:
            page_number, offset = divmod(row_number, PAGE)
            status_changed = self._pages[page_number][offset]["status"] != fresh["status"]
            self._pages[page_number][offset] = fresh
            self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, len(COLUMNS) - 1))
        if status_changed:
            self.countsChanged.emit(self._store.counts_by_status())

    @staticmethod
    def headers() -> list[str]:
        return [title for title, _ in COLUMNS]

    # -- model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return None

    def row(self, row_number: int) -> dict[str, Any] | None:
        if not 0 <= row_number < self._count:
            return None
        page_number, offset = divmod(row_number, PAGE)
        page = self._pages.get(page_number)
        if page is None:
            page = self._store.page(
                status=self._status, search=self._search, order_by=self._order_by,
                descending=self._descending, limit=PAGE, offset=page_number * PAGE, columns=_FETCH,
            )
            if len(self._pages) > 50:  # keep memory flat however far one scrolls
                self._pages.pop(next(iter(self._pages)))
            self._pages[page_number] = page
        return page[offset] if offset < len(page) else None

    def letter_id(self, row_number: int) -> int | None:
        row = self.row(row_number)
        return row["id"] if row else None

    def row_of(self, letter_id: int) -> int | None:
        """The row showing ``letter_id`` among the rows already loaded, if any."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row["id"] == letter_id:
                    return number * PAGE + offset
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()][1]
        value = row.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(column, value, row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("patient_age", "item_count", "warning_count", "error_count"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "source_name":
            return row.get("case_number") or value
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order_by = SORT_KEYS.get(COLUMNS[column][1], COLUMNS[column][1])
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()


def _display(column: str, value: Any, row: dict[str, Any]) -> str:
    if column == "appeal_by":
        mailed = row.get("mailed_on")
        return appeal_deadline(mailed) or ""
    if value is None:
        return ""
    if column == "status":
        return STATUS_LABELS.get(value, value)
    if column == "source_name":
        return row.get("case_number") or value
    if column == "patient_sex":
        return {"male": "M", "female": "F"}.get(value, value)
    if column == "imported_at":
        return str(value)[:16].replace("T", " ")
    return str(value)


def appeal_deadline(mailed_on: str | None) -> str | None:
    """The last day to appeal a letter mailed on ``mailed_on`` (ISO dates)."""
    if not mailed_on:
        return None
    try:
        return (date.fromisoformat(mailed_on) + timedelta(days=APPEAL_DAYS)).isoformat()
    except ValueError:
        return None
