"""Re-extraction keeps edits; backup and restore are checked and safe."""

from __future__ import annotations

import sqlite3

import pytest

from imr_desk.services.editing import Change, apply_changes
from imr_desk.services.maintenance import backup, check_backup, reextract, restore
from imr_desk.store import Store
from imr_desk.store.connection import StoreError


def test_reextract_restores_extracted_values_but_keeps_reviewer_edits(filled_store):
    apply_changes(filled_store, 1, [Change("patient.age", 60), Change("case.claim_number", "C-1")], "ana")
    # Simulate an older extractor that got the sex and UR date wrong.
    record = filled_store.get(1)
    record.current["patient"]["sex"] = "female"
    record.current["ur_decision_date"] = None
    filled_store.db["letters"].update(1, {"current": __import__("json").dumps(record.current)})
    report = reextract(filled_store, [1, 2], "ana")
    after = filled_store.get(1).current
    assert after["patient"] == {"age": 60, "sex": "male"}
    assert after["ur_decision_date"] == "2013-10-28"
    assert after["case"]["claim_number"] == "C-1"
    assert sorted(report.changed[1]) == ["patient.sex", "ur_decision_date"]
    assert 2 in report.unchanged


def test_backup_and_restore(filled_store, tmp_path):
    target = backup(filled_store, tmp_path / "copy.db")
    assert check_backup(target) == 5
    with pytest.raises(Exception, match="already exists"):
        backup(filled_store, target)
    apply_changes(filled_store, 1, [Change("patient.age", 33)], "ana")
    path = filled_store.path
    filled_store.close()
    kept = restore(target, path)
    assert kept is not None and kept.exists()
    with Store.open(path) as restored:
        assert restored.get(1).current["patient"]["age"] == 54
    with Store.open(kept) as old:
        assert old.get(1).current["patient"]["age"] == 33


def test_restore_refuses_what_is_not_a_store(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 50)
    with pytest.raises(StoreError, match="not a SQLite database|not a usable"):
        check_backup(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not an imr-desk store"):
        restore(other, tmp_path / "letters.db")
    assert not (tmp_path / "letters.db").exists()


def test_reextract_fills_the_claim_number_and_employee_a_header_names_unless_edited(store, tmp_path):
    import json

    from imr_desk.services.importer import import_paths
    from tests.unit.extract.test_letters_early import early_letter

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(early_letter().replace("CM13-0004512", f"CM13-000451{name[0] == 'b':d}"))
    import_paths(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], "ana")
    assert store.get(1).current["case"]["employee_name"] == "John Doe"
    apply_changes(store, 2, [Change("case.employee_name", "John Q. Doe")], "ana")
    for letter_id in (1, 2):  # as an extractor that did not read these fields left them
        record = store.get(letter_id)
        record.current["case"]["claim_number"] = None
        if letter_id == 1:
            record.current["case"]["employee_name"] = None
        store.db["letters"].update(letter_id, {"current": json.dumps(record.current)})
    reextract(store, [1, 2], "ana")
    assert store.get(1).current["case"]["claim_number"] == "123456789"
    assert store.get(1).current["case"]["employee_name"] == "John Doe"
    assert store.get(2).current["case"]["employee_name"] == "John Q. Doe"
