"""The schema, built only by named migrations (never edit one that has landed)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("imr_desk")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db["letters"].create(
        {
            "id": int,
            "sha256": str,
            "source_name": str,
            "source_path": str,
            "format": str,
            "encoding": str,
            "status": str,
            "imported_at": str,
            "updated_at": str,
            "text": str,
            "page_starts": str,  # JSON list of offsets
            "extracted": str,  # JSON: the extraction as extracted (values, spans, warnings)
            "current": str,  # JSON: the corrected values; NULL until the first correction
            "spans": str,  # JSON: field path -> [start, end] in text; NULL until the first correction
            "extractor_warnings": str,  # JSON list
            "error_count": int,
            "warning_count": int,
            "case_number": str,
            "employee_name": str,
            "patient_age": int,
            "patient_sex": str,
            "injury_date": str,
            "ur_decision_date": str,
            "final_determination": str,
            "item_count": int,
            "requests": str,
            "mailed_on": str,
        },
        pk="id",
        not_null={"sha256", "status", "imported_at", "text", "extracted"},
        defaults={"status": "to_review"},
    )
    letters = db["letters"]
    letters.create_index(["sha256"], unique=True)
    for columns in (
        ["status", "imported_at"],
        ["imported_at"],
        ["injury_date"],
        ["final_determination"],
        ["case_number"],
        ["source_name"],
        ["patient_age"],
        ["updated_at"],
    ):
        letters.create_index(columns)
    letters.enable_fts(["text", "requests", "source_name", "case_number"], fts_version="FTS5", create_triggers=True)

    db["edits"].create(
        {
            "id": int,
            "letter_id": int,  # not a foreign key: tombstones outlive their letter
            "at": str,
            "who": str,
            "kind": str,  # edit | status | import | reextract | delete | export
            "field": str,
            "old": str,  # JSON
            "new": str,  # JSON
            "span": str,  # JSON [start, end]
            "reason": str,
            "batch": str,  # changes made together (one undo step)
        },
        pk="id",
        not_null={"letter_id", "at", "who", "kind"},
    )
    db["edits"].create_index(["letter_id", "id"])
    # Append-only: rows are never deleted; an update may only blank a deleted letter's content.
    db.execute(
        """CREATE TRIGGER edits_no_delete BEFORE DELETE ON edits
           BEGIN SELECT RAISE(ABORT, 'the edit log is append-only'); END"""
    )
    db.execute(
        """CREATE TRIGGER edits_only_scrub BEFORE UPDATE ON edits
           WHEN NEW.old IS NOT NULL OR NEW.new IS NOT NULL OR NEW.span IS NOT NULL
             OR NEW.letter_id IS NOT OLD.letter_id OR NEW.at IS NOT OLD.at OR NEW.who IS NOT OLD.who
             OR NEW.kind IS NOT OLD.kind OR NEW.field IS NOT OLD.field OR NEW.reason IS NOT OLD.reason
           BEGIN SELECT RAISE(ABORT, 'the edit log is append-only'); END"""
    )


@migrations(name="0002_search_rows_written_per_batch")
def search_rows_per_batch(db: Database) -> None:
    """New letters reach the search index from ``Store.add_rows``, one statement per batch.

    FTS5 flushes its pending terms at every statement savepoint, so a per-row insert
    trigger wrote one tiny index segment per letter and doubled the cost of an import.
    Updates and deletions keep their triggers.
    """
    db.execute("DROP TRIGGER IF EXISTS letters_ai")
