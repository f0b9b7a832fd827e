"""Editing by field path: coercion, lists, spans, the log, one transaction per call."""

from __future__ import annotations

import pytest

from imr_desk.domain.errors import FieldPathError
from imr_desk.domain.status import TransitionError
from imr_desk.services.editing import INSERT, MOVE, Change, apply_changes, parse_assignment


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("patient.age=61", Change("patient.age", 61)),
        ("ur_decision_date=null", Change("ur_decision_date", None)),
        ('reviewer.specialties=["Family Practice"]', Change("reviewer.specialties", ["Family Practice"])),
        ("case.claim_number=ABC-123", Change("case.claim_number", "ABC-123")),
        ("items.2=null", Change("items.2", None, "remove")),
        ('items.+={"request": "x", "decision": "upheld"}', Change("items.+", {"request": "x", "decision": "upheld"}, INSERT)),
    ],
)
def test_parse_assignment(text, change):
    assert parse_assignment(text) == change


def test_set_logs_and_marks_in_review(filled_store):
    record = apply_changes(filled_store, 1, [Change("patient.age", "61"), Change("patient.sex", "f")], "ana", "typo")
    assert record.current["patient"] == {"age": 61, "sex": "female"}
    assert record.status == "in_review"
    edits = [h for h in filled_store.history(1) if h["kind"] == "edit"]
    assert [(h["field"], h["old"], h["new"], h["who"], h["reason"]) for h in edits] == [
        ("patient.age", 54, 61, "ana", "typo"),
        ("patient.sex", "male", "female", "ana", "typo"),
    ]
    assert len({h["batch"] for h in edits}) == 1


def test_a_bad_value_changes_nothing(filled_store):
    before = filled_store.get(1)
    with pytest.raises(FieldPathError, match="patient.age"):
        apply_changes(filled_store, 1, [Change("patient.sex", "female"), Change("patient.age", "old")], "ana")
    after = filled_store.get(1)
    assert after.current == before.current and after.status == "to_review"


@pytest.mark.parametrize("path", ["patient.weight", "items.9.request", "reviewer.specialties.7", "text"])
def test_unknown_paths_are_refused(filled_store, path):
    with pytest.raises(FieldPathError):
        apply_changes(filled_store, 1, [Change(path, "x")], "ana")


def test_items_follow_final_determination(filled_store):
    record = apply_changes(filled_store, 3, [Change("items.2.decision", "upheld")], "ana")
    assert record.current["final_determination"] == "upheld"
    record = apply_changes(filled_store, 3, [Change("items.+", {"request": "Massage", "decision": "overturned"}, INSERT)], "ana")
    assert record.current["final_determination"] == "partially overturned"
    assert record.current["items"][3]["retrospective"] is False


def test_removing_and_moving_items_keeps_spans_with_their_items(filled_store):
    before = filled_store.get(3)
    span_of_last = before.spans["items.2.request"]
    record = apply_changes(filled_store, 3, [Change("items.0", None, "remove")], "ana")
    assert record.spans["items.1.request"] == span_of_last
    assert "items.2.request" not in record.spans
    record = apply_changes(filled_store, 3, [Change("items.1", 0, MOVE)], "ana")
    assert record.spans["items.0.request"] == span_of_last
    assert record.current["items"][0]["request"].startswith("PERMANENT")


def test_select_and_assign_records_the_span(filled_store):
    record = apply_changes(filled_store, 1, [Change("case.employee_name", "J. Doe", span=(10, 16))], "ana")
    assert record.spans["case.employee_name"] == [10, 16]
    assert filled_store.history(1)[-2]["span"] == [10, 16]


def test_finalized_letters_must_be_reopened(filled_store):
    from imr_desk.services.workflow import change_status

    change_status(filled_store, 1, "finalized", "ana")
    with pytest.raises(TransitionError, match="reopen"):
        apply_changes(filled_store, 1, [Change("patient.age", 60)], "ana")


def test_recipients_are_fields_too(filled_store):
    record = apply_changes(
        filled_store, 1,
        [Change("recipients.+", {"role": "employee", "name": "J. Doe", "address": ["1 Main St", "Fresno, CA"]}, INSERT),
         Change("letter.mailed_on", "11/20/2026")],
        "ana",
    )
    assert record.current["recipients"][0]["address"] == ["1 Main St", "Fresno, CA"]
    assert record.current["letter"]["mailed_on"] == "2026-11-20"
    with pytest.raises(FieldPathError, match="no such field"):
        apply_changes(filled_store, 1, [Change("recipients.+", {"phone": "1"}, INSERT)], "ana")


def test_the_mailing_date_is_recorded_in_any_status(filled_store):
    from imr_desk.services.workflow import change_status

    change_status(filled_store, 1, "finalized", "ana")
    record = apply_changes(filled_store, 1, [Change("letter.mailed_on", "2026-11-20")], "ana")
    assert record.current["letter"]["mailed_on"] == "2026-11-20" and record.status == "finalized"
    with pytest.raises(TransitionError):
        apply_changes(filled_store, 1, [Change("letter.mailed_on", "2026-11-21"), Change("patient.age", 60)], "ana")
