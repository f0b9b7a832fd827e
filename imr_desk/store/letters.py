"""Letters and their edit log: the verbs the services use (sqlite-utils underneath)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from imr_desk.domain.errors import ImrDeskError
from imr_desk.domain.letter import letter_values, queue_columns
from imr_desk.domain.validation import validate
from imr_desk.store.connection import connect, default_db_path
from imr_desk.store.queue import QueueQueries


class UnknownLetterError(ImrDeskError):
    def __init__(self, letter_id: Any) -> None:
        super().__init__(f"no letter with id {letter_id}")
        self.letter_id = letter_id


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_batch() -> str:
    """An id grouping the log entries of changes made together."""
    return secrets.token_hex(8)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


@dataclass
class NewLetter:
    """A read and extracted letter, ready to be stored."""

    sha256: str
    source_name: str
    source_path: str
    format: str
    encoding: str | None
    text: str
    page_starts: list[int]
    extracted: dict[str, Any]  # the extraction object (values, spans, warnings)
    current: dict[str, Any]  # the editable values


@dataclass
class LetterRecord:
    id: int
    sha256: str
    source_name: str
    source_path: str
    format: str
    encoding: str | None
    status: str
    imported_at: str
    updated_at: str
    text: str
    page_starts: list[int]
    extracted: dict[str, Any]
    current: dict[str, Any]
    spans: dict[str, list[int]]
    extractor_warnings: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The letter in the ``extract --json`` shape, plus id and status."""
        out: dict[str, Any] = {"id": self.id, "status": self.status}
        out["source"] = {"path": self.source_path, "sha256": self.sha256, "format": self.format, "encoding": self.encoding}
        out["text"] = self.text
        out.update(self.current)
        out["spans"] = self.spans
        out["warnings"] = self.extractor_warnings
        return out


@dataclass
class LogEntry:
    """One line of the edit log."""

    kind: str
    field: str | None = None
    old: Any = None
    new: Any = None
    span: list[int] | None = None
    reason: str | None = None


_INSERT_COLUMNS = (
    "sha256", "source_name", "source_path", "format", "encoding", "status", "imported_at", "updated_at",
    "text", "page_starts", "extracted", "current", "spans", "extractor_warnings", "error_count", "warning_count",
    "case_number", "employee_name", "patient_age", "patient_sex", "injury_date", "ur_decision_date",
    "final_determination", "item_count", "requests", "mailed_on",
)
_INSERT_SQL = (
    f"INSERT INTO letters ({', '.join(_INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
)
# New letters' search rows, written once per batch (see migration 0002).
_INDEX_NEW_SQL = (
    "INSERT INTO letters_fts (rowid, text, requests, source_name, case_number) "
    "SELECT id, text, requests, source_name, case_number FROM letters WHERE id BETWEEN ? AND ?"
)


# JSON for new rows: non-ASCII characters as escapes, which encodes twice as fast.
_encode = json.JSONEncoder(check_circular=False).encode


def letter_row(letter: NewLetter) -> dict[str, Any]:
    """The stored row of a new letter, JSON encoded (cheap to hand from a worker process).

    ``current`` and ``spans`` stay NULL until the first correction: until then the letter's
    values and spans are those in ``extracted``.
    """
    warnings = letter.extracted.get("warnings", [])
    problems = validate(letter.current, warnings)
    return {
        "sha256": letter.sha256, "source_name": letter.source_name, "source_path": letter.source_path,
        "format": letter.format, "encoding": letter.encoding, "status": "to_review",
        "text": letter.text, "page_starts": json.dumps(letter.page_starts),
        "extracted": _encode(letter.extracted),
        "current": None, "spans": None,
        "extractor_warnings": _encode(warnings),
        "error_count": sum(p.severity == "error" for p in problems),
        "warning_count": sum(p.severity == "warning" for p in problems),
        **queue_columns(letter.current),
    }


class Store(QueueQueries):
    """One store file; every multi-row change runs in one transaction."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self._column_names: list[str] | None = None

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        path = Path(path) if path is not None else default_db_path()
        return cls(connect(path), path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def all_hashes(self) -> frozenset[str]:
        """The sha256 of every stored letter."""
        return frozenset(row[0] for row in self.db.execute("SELECT sha256 FROM letters"))

    def add_letters(self, letters: list[NewLetter], who: str) -> list[int]:
        """Store whole letters in one transaction; returns their ids."""
        return self.add_rows([letter_row(letter) for letter in letters], who)

    def add_rows(self, rows: list[dict[str, Any]], who: str) -> list[int]:
        """Store prepared rows (see ``letter_row``) in one transaction; returns their ids."""
        stamp = now()
        ids: list[int] = []
        with self.db.atomic():
            cursor = self.db.conn.cursor()
            for row in rows:
                row = {**row, "imported_at": stamp, "updated_at": stamp}
                cursor.execute(_INSERT_SQL, tuple(row[c] for c in _INSERT_COLUMNS))
                letter_id = int(cursor.lastrowid)
                ids.append(letter_id)
                self._log(letter_id, who, [LogEntry("import", new=row["source_name"])], stamp, None)
            if ids:
                cursor.execute(_INDEX_NEW_SQL, (ids[0], ids[-1]))
        return ids

    def save(
        self,
        letter_id: int,
        current: dict[str, Any],
        spans: dict[str, list[int]],
        entries: list[LogEntry],
        who: str,
        *,
        status: str | None = None,
        extracted: dict[str, Any] | None = None,
        extractor_warnings: list[dict[str, Any]] | None = None,
    ) -> str:
        """Write new values (and status) with their log entries in one transaction."""
        if extractor_warnings is None or extracted is None:
            row = self.db.execute("SELECT extractor_warnings, extracted FROM letters WHERE id = ?", [letter_id]).fetchone()
            if row is None:
                raise UnknownLetterError(letter_id)
        warnings = json.loads(row[0] or "[]") if extractor_warnings is None else extractor_warnings
        problems = validate(current, warnings, json.loads(row[1]) if extracted is None else extracted)
        stamp = now()
        batch = new_batch()
        values: dict[str, Any] = {
            "current": json.dumps(current, ensure_ascii=False),
            "spans": json.dumps(spans),
            "updated_at": stamp,
            "error_count": sum(p.severity == "error" for p in problems),
            "warning_count": sum(p.severity == "warning" for p in problems),
            **queue_columns(current),
        }
        if status is not None:
            values["status"] = status
        if extracted is not None:
            values["extracted"] = json.dumps(extracted, ensure_ascii=False)
            values["extractor_warnings"] = json.dumps(warnings, ensure_ascii=False)
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self.db.atomic():
            self.db.conn.execute(f"UPDATE letters SET {assignments} WHERE id = ?", [*values.values(), letter_id])
            self._log(letter_id, who, entries, stamp, batch)
        return batch

    def delete(self, letter_id: int, who: str, reason: str) -> None:
        """Remove the letter, its text and search entries; leave a tombstone in the log."""
        self.get(letter_id)
        with self.db.atomic():
            self.db.execute(
                "UPDATE edits SET old = NULL, new = NULL, span = NULL WHERE letter_id = ? "
                "AND (old IS NOT NULL OR new IS NOT NULL OR span IS NOT NULL)",
                [letter_id],
            )
            self.db.execute("DELETE FROM letters WHERE id = ?", [letter_id])
            self._log(letter_id, who, [LogEntry("delete", reason=reason)], now(), None)

    def log(self, letter_id: int, who: str, entries: list[LogEntry]) -> None:
        with self.db.atomic():
            self._log(letter_id, who, entries, now(), None)

    def _log(self, letter_id: int, who: str, entries: list[LogEntry], stamp: str, batch: str | None) -> None:
        self.db.conn.executemany(
            "INSERT INTO edits (letter_id, at, who, kind, field, old, new, span, reason, batch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (letter_id, stamp, who, e.kind, e.field, _dump(e.old), _dump(e.new), _dump(e.span), e.reason, batch)
                for e in entries
            ],
        )

    # -- reading -------------------------------------------------------------------------

    def get(self, letter_id: int) -> LetterRecord:
        row = self.db.execute("SELECT * FROM letters WHERE id = ?", [letter_id]).fetchone()
        if row is None:
            raise UnknownLetterError(letter_id)
        data = dict(zip(self._columns(), row))
        extracted = json.loads(data["extracted"])
        current = json.loads(data["current"]) if data["current"] else letter_values(extracted)
        spans = json.loads(data["spans"]) if data["spans"] else extracted.get("spans", {})
        return LetterRecord(
            id=data["id"], sha256=data["sha256"], source_name=data["source_name"], source_path=data["source_path"],
            format=data["format"], encoding=data["encoding"], status=data["status"],
            imported_at=data["imported_at"], updated_at=data["updated_at"], text=data["text"],
            page_starts=json.loads(data["page_starts"] or "[0]"), extracted=extracted,
            current=current, spans=spans,
            extractor_warnings=json.loads(data["extractor_warnings"] or "[]"),
        )

    def _columns(self) -> list[str]:
        if self._column_names is None:
            self._column_names = [d[0] for d in self.db.execute("SELECT * FROM letters LIMIT 0").description]
        return self._column_names

    def exists(self, letter_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM letters WHERE id = ?", [letter_id]).fetchone() is not None

    def history(self, letter_id: int) -> list[dict[str, Any]]:
        """The edit log of a letter, oldest first (values decoded)."""
        rows = self.db.query("SELECT * FROM edits WHERE letter_id = ? ORDER BY id", [letter_id])
        out = []
        for row in rows:
            for key in ("old", "new", "span"):
                row[key] = None if row[key] is None else json.loads(row[key])
            out.append(row)
        return out

    def edited_fields(self, letter_id: int) -> set[str]:
        """Field paths a reviewer has changed (re-extraction leaves these alone)."""
        rows = self.db.execute(
            "SELECT DISTINCT field FROM edits WHERE letter_id = ? AND kind = 'edit' AND field IS NOT NULL", [letter_id]
        )
        return {row[0] for row in rows}

    def all_ids(self) -> Iterator[int]:
        for row in self.db.execute("SELECT id FROM letters ORDER BY id"):
            yield row[0]
