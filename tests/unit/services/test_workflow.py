"""Statuses: allowed transitions, finalize blocked by errors, override with a reason."""

from __future__ import annotations

import pytest

from imr_desk.domain.status import TransitionError
from imr_desk.services.editing import Change, apply_changes
from imr_desk.services.workflow import ValidationBlocked, change_status, open_letter, problems_of


def test_open_marks_in_review(filled_store):
    assert open_letter(filled_store, 1, "ana").status == "in_review"


def test_full_cycle(filled_store):
    for status in ("postponed", "in_review", "finalized", "exported", "in_review"):
        assert change_status(filled_store, 2, status, "ana").status == status
    kinds = [(h["old"], h["new"]) for h in filled_store.history(2) if h["kind"] == "status"]
    assert kinds[-1] == ("exported", "in_review")


@pytest.mark.parametrize(("start", "target"), [("to_review", "exported"), ("postponed", "finalized")])
def test_refused_transitions(filled_store, start, target):
    if start == "postponed":
        change_status(filled_store, 1, "postponed", "ana")
    with pytest.raises(TransitionError, match="cannot become"):
        change_status(filled_store, 1, target, "ana")


def test_finalize_refused_while_errors_remain_then_override(filled_store):
    apply_changes(filled_store, 1, [Change("patient.age", 7)], "ana")
    with pytest.raises(ValidationBlocked, match="patient.age: must be between 14 and 100"):
        change_status(filled_store, 1, "finalized", "ana")
    assert filled_store.get(1).status == "in_review"
    record = change_status(filled_store, 1, "finalized", "ana", reason="age confirmed by phone")
    assert record.status == "finalized"
    override = [h for h in filled_store.history(1) if h["kind"] == "override"][0]
    assert override["reason"] == "age confirmed by phone"
    assert override["old"][0]["field"] == "patient.age"


def test_a_warning_of_the_extractor_goes_once_the_reviewer_fills_its_field(filled_store):
    record = filled_store.get(4)  # the sample whose summary names no UR decision date
    assert record.current["ur_decision_date"] is None
    assert [p.message for p in problems_of(record) if p.field == "ur_decision_date"] == ["no Utilization Review decision date"]
    apply_changes(filled_store, 4, [Change("ur_decision_date", "03/01/2014")], "ana")
    assert [p for p in problems_of(filled_store.get(4)) if p.field == "ur_decision_date"] == []
