"""The letter session: opening marks in_review, edits are undoable commands written at once."""

from __future__ import annotations

import pytest

from imr_desk.domain.errors import ImrDeskError
from imr_desk.ui.session import LetterSession


@pytest.fixture
def session(qtbot, filled_store):
    return LetterSession(filled_store, lambda: "ana")


def test_open_marks_in_review(session, filled_store):
    session.open(1)
    assert session.record.status == "in_review" and filled_store.get(1).status == "in_review"


def test_edit_undo_redo_are_written_at_once(session, filled_store):
    session.open(1)
    assert session.edit("patient.age", "61")
    assert filled_store.get(1).current["patient"]["age"] == 61
    stack = session.undo_group.activeStack()
    stack.undo()
    assert filled_store.get(1).current["patient"]["age"] == 54 and session.value("patient.age") == 54
    stack.redo()
    assert filled_store.get(1).current["patient"]["age"] == 61
    kinds = [(h["field"], h["new"], h["reason"]) for h in filled_store.history(1) if h["kind"] == "edit"]
    assert kinds == [("patient.age", 61, None), ("patient.age", 54, "undo"), ("patient.age", 61, None)]


def test_bad_input_is_reported_not_pushed(session):
    session.open(1)
    errors = []
    session.errorRaised.connect(errors.append)
    assert not session.edit("patient.age", "old")
    assert errors and "patient.age" in errors[0]
    assert session.undo_group.activeStack().count() == 0


def test_items_add_remove_move_undo(session, filled_store):
    session.open(3)
    session.insert_item(item={"request": "Massage", "decision": "overturned"})
    session.move_item(3, 0)
    assert [i["request"] for i in session.value("items")][0] == "Massage"
    session.remove_item(0)
    assert len(session.value("items")) == 3
    stack = session.undo_group.activeStack()
    stack.undo()
    stack.undo()
    assert session.value("items")[3]["request"] == "Massage"
    stack.undo()
    assert len(filled_store.get(3).current["items"]) == 3


def test_undo_stacks_are_per_letter(session):
    session.open(1)
    session.edit("patient.age", "61")
    session.open(2)
    assert session.undo_group.activeStack().count() == 0
    session.open(1)
    assert session.undo_group.activeStack().count() == 1


def test_finalize_blocked_then_override_and_edits_refused(session):
    session.open(1)
    session.edit("patient.age", "5")
    with pytest.raises(ImrDeskError, match="patient.age"):
        session.set_status("finalized")
    session.set_status("finalized", "confirmed with the claims administrator")
    errors = []
    session.errorRaised.connect(errors.append)
    assert not session.edit("patient.age", "50")
    assert "reopen" in errors[0]
    session.set_status("in_review")
    assert session.edit("patient.age", "50")
