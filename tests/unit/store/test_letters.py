"""Storing letters: dedup, whole-letter transactions, the append-only log, search, queue."""

from __future__ import annotations

import json
import sqlite3

import pytest

from imr_desk.store.letters import LogEntry, NewLetter, UnknownLetterError


def _letter(n: int, text: str = "Some letter text") -> NewLetter:
    values = {"patient": {"age": 40 + n, "sex": "male"}, "items": [{"request": f"Request {n}", "decision": "upheld"}]}
    return NewLetter(
        sha256=f"{n:064d}", source_name=f"l{n}.txt", source_path=f"/x/l{n}.txt", format="txt",
        encoding="utf-8", text=f"{text} {n}", page_starts=[0],
        extracted={**values, "spans": {"patient.age": [0, 4]}, "warnings": []}, current=values,
    )


def test_add_and_get(store):
    [letter_id] = store.add_letters([_letter(1)], "tester")
    record = store.get(letter_id)
    assert record.status == "to_review" and record.current["patient"]["age"] == 41
    row = store.page()[0]
    assert row["patient_age"] == 41 and row["item_count"] == 1


def test_same_hash_cannot_be_stored_twice(store):
    store.add_letters([_letter(1)], "tester")
    with pytest.raises(sqlite3.IntegrityError):
        store.add_letters([_letter(1)], "tester")
    assert store.count() == 1
    assert store.all_hashes() == {_letter(1).sha256}


def test_a_failure_mid_letter_leaves_nothing_of_it(store, monkeypatch):
    original = store._log

    def failing_log(letter_id, who, entries, stamp, batch):
        if letter_id == 2:
            raise RuntimeError("disk on fire")
        return original(letter_id, who, entries, stamp, batch)

    monkeypatch.setattr(store, "_log", failing_log)
    with pytest.raises(RuntimeError):
        store.add_letters([_letter(1), _letter(2)], "tester")
    assert store.count() == 0
    assert store.db.execute("SELECT count(*) FROM edits").fetchone()[0] == 0
    assert store.count(search="letter") == 0


def test_edit_log_is_append_only(store):
    [letter_id] = store.add_letters([_letter(1)], "tester")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM edits")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE edits SET who = 'mallory'")
    assert store.history(letter_id)[0]["kind"] == "import"


def test_search_is_kept_in_step_with_changes(store):
    [letter_id] = store.add_letters([_letter(1, "Lumbar fusion discussed")], "tester")
    assert store.count(search="fusion") == 1
    assert store.count(search="fus") == 1  # the last word is a prefix
    record = store.get(letter_id)
    record.current["items"][0]["request"] = "Acupuncture twelve visits"
    store.save(letter_id, record.current, {}, [LogEntry("edit", "items.0.request")], "tester")
    assert store.count(search="acupuncture") == 1
    assert store.count(search="Request") == 0
    store.delete(letter_id, "tester", "duplicate")
    assert store.count(search="fusion") == 0


def test_delete_keeps_a_tombstone_without_content(store):
    [letter_id] = store.add_letters([_letter(1)], "tester")
    record = store.get(letter_id)
    record.current["patient"]["age"] = 77
    store.save(letter_id, record.current, {}, [LogEntry("edit", "patient.age", 41, 77)], "tester")
    store.delete(letter_id, "tester", "sent to the wrong office")
    with pytest.raises(UnknownLetterError):
        store.get(letter_id)
    history = store.history(letter_id)
    assert [h["kind"] for h in history] == ["import", "edit", "delete"]
    assert all(h["old"] is None and h["new"] is None for h in history)
    assert history[-1]["reason"] == "sent to the wrong office"
    dump = "\n".join(store.db.iterdump())
    assert "Some letter text" not in dump


def test_queue_pages_sort_filter_and_count(store):
    store.add_letters([_letter(n) for n in range(1, 8)], "tester")
    store.db.execute("UPDATE letters SET status = 'finalized' WHERE id IN (2, 4)")
    assert store.counts_by_status() == {"to_review": 5, "finalized": 2}
    page = store.page(order_by="patient_age", descending=True, limit=3)
    assert [r["patient_age"] for r in page] == [47, 46, 45]
    assert [r["id"] for r in store.page(status="finalized")] == [2, 4]
    assert store.page(limit=2, offset=5)[0]["id"] == 6
    assert "text" not in page[0]


def test_unknown_sort_column_is_refused(store):
    from imr_desk.domain.errors import ImrDeskError

    with pytest.raises(ImrDeskError, match="cannot sort"):
        store.page(order_by="text; DROP TABLE letters")


def test_values_are_readable_json_for_power_users(store):
    [letter_id] = store.add_letters([_letter(3)], "tester")
    extracted, current = store.db.execute("SELECT extracted, current FROM letters WHERE id = ?", [letter_id]).fetchone()
    assert json.loads(extracted)["items"][0]["request"] == "Request 3"
    assert current is None  # no correction yet: the values are those extracted
    record = store.get(letter_id)
    assert record.current["items"][0]["request"] == "Request 3" and record.spans == {"patient.age": [0, 4]}
    record.current["patient"]["age"] = 50
    store.save(letter_id, record.current, record.spans, [LogEntry("edit", "patient.age", 43, 50)], "tester")
    current = store.db.execute("SELECT current FROM letters WHERE id = ?", [letter_id]).fetchone()[0]
    assert json.loads(current)["patient"]["age"] == 50
