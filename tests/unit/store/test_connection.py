"""Opening the store: pragmas, owner-only files, migrations on new and existing files."""

from __future__ import annotations

import os
import stat

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from imr_desk.store import Store, connect, default_db_path
from imr_desk.store.connection import StoreError
from imr_desk.services.importer import import_paths, prepare_letter
from imr_desk.store.schema import initial, migrations


def test_new_store_has_schema_pragmas_and_owner_only_files(tmp_path):
    path = tmp_path / "new" / "letters.db"
    db = connect(path)
    assert {"letters", "edits", "letters_fts", "_sqlite_migrations"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [m.name for m in migrations.applied(db)] == ["0001_initial", "0002_search_rows_written_per_batch"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    db.close()


def test_reopening_an_existing_store_keeps_data_and_applies_nothing_twice(filled_store):
    path = filled_store.path
    filled_store.close()
    with Store.open(path) as again:
        assert again.count() == 5
        assert [m.name for m in migrations.applied(again.db)] == ["0001_initial", "0002_search_rows_written_per_batch"]


def test_a_later_migration_applies_to_an_existing_store(filled_store):
    later = Migrations("imr_desk")
    later(name="0001_initial")(initial)

    @later(name="0002_example")
    def add_column(db):
        db["letters"].add_column("example", str)

    later.apply(filled_store.db)
    assert "example" in filled_store.db["letters"].columns_dict
    assert filled_store.count() == 5


def test_default_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("IMR_DESK_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("IMR_DESK_DB")
    assert default_db_path().name == "letters.db" and "imr-desk" in str(default_db_path())


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path):
    path = tmp_path / "letters.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable imr-desk store"):
        connect(path)


def _search(store, word):
    return {row["id"] for row in store.page(search=word, limit=None, columns=("id",))}


def test_letters_of_a_first_version_store_stay_searchable_and_new_ones_are_indexed(tmp_path, samples):
    path = tmp_path / "old.db"
    first_version = Migrations("imr_desk")
    first_version(name="0001_initial")(initial)
    old = Database(path)
    first_version.apply(old)
    row = prepare_letter(str(samples[0]))
    old["letters"].insert({**row, "imported_at": "2024-01-01T00:00:00", "updated_at": "2024-01-01T00:00:00"})
    old.close()

    with Store.open(path) as store:
        assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'letters_ai'").fetchone()[0] == 0
        import_paths(store, samples[1:], "tester", workers=1)
        assert store.count() == len(samples)
        assert _search(store, "Independent") == set(range(1, len(samples) + 1))
        store.db.execute("INSERT INTO letters_fts (letters_fts) VALUES ('integrity-check')")
        assert store.db.execute("SELECT count(*) FROM letters_fts_docsize").fetchone()[0] == len(samples)
