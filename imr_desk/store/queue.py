"""Queue queries: pages sorted and filtered by indexed columns, counts, full-text search."""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

from imr_desk.domain.errors import ImrDeskError

#: Columns a queue may sort on (each is a real, indexed or small, column).
SORTABLE = (
    "id", "status", "source_name", "case_number", "employee_name", "patient_age", "patient_sex",
    "injury_date", "ur_decision_date", "final_determination", "item_count", "warning_count",
    "error_count", "imported_at", "updated_at", "mailed_on",
)
LIST_COLUMNS = (
    "id", "status", "source_name", "case_number", "patient_age", "patient_sex", "injury_date",
    "final_determination", "item_count", "warning_count", "error_count", "imported_at", "mailed_on",
)


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must appear, the last one as a prefix."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


class QueueQueries:
    db: Database

    def _where(self, status: str | None, search: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status:
            clauses.append("status = ?")
            params.append(status)
        if search and search.strip():
            clauses.append("id IN (SELECT rowid FROM letters_fts WHERE letters_fts MATCH ?)")
            params.append(fts_query(search))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def page(
        self,
        *,
        status: str | None = None,
        search: str | None = None,
        order_by: str = "id",
        descending: bool = False,
        limit: int | None = 100,
        offset: int = 0,
        columns: tuple[str, ...] = LIST_COLUMNS,
    ) -> list[dict[str, Any]]:
        """One page of queue rows (only the listed columns, never the letter text)."""
        if order_by not in SORTABLE:
            raise ImrDeskError(f"cannot sort by {order_by!r}; one of {', '.join(SORTABLE)}")
        where, params = self._where(status, search)
        direction = "DESC" if descending else "ASC"
        sql = f"SELECT {', '.join(columns)} FROM letters{where} ORDER BY {order_by} {direction}, id {direction}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return list(self.db.query(sql, params))

    def count(self, *, status: str | None = None, search: str | None = None) -> int:
        if search and search.strip():  # count on the index itself (fast for common words)
            sql = "SELECT count(*) FROM letters_fts WHERE letters_fts MATCH ?"
            params: list[Any] = [fts_query(search)]
            if status:
                sql = (
                    "SELECT count(*) FROM letters_fts JOIN letters ON letters.id = letters_fts.rowid "
                    "WHERE letters_fts MATCH ? AND letters.status = ?"
                )
                params.append(status)
            return self.db.execute(sql, params).fetchone()[0]
        where, params = self._where(status, None)
        return self.db.execute(f"SELECT count(*) FROM letters{where}", params).fetchone()[0]

    def queue_row(self, letter_id: int, columns: tuple[str, ...] = LIST_COLUMNS) -> dict[str, Any] | None:
        rows = list(self.db.query(f"SELECT {', '.join(columns)} FROM letters WHERE id = ?", [letter_id]))
        return rows[0] if rows else None

    def counts_by_status(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, count(*) FROM letters GROUP BY status")
        return {status: n for status, n in rows}
