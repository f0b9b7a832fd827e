"""Field kinds and coercion of user input."""

from __future__ import annotations

import pytest

from imr_desk.domain.errors import FieldPathError
from imr_desk.domain.fields import coerce, kind_of, pattern_of
from imr_desk.domain.status import TransitionError, check_transition


def test_patterns():
    assert pattern_of("items.12.decision") == "items.N.decision"
    assert kind_of("recipients.0.address") == "text_list"
    with pytest.raises(FieldPathError):
        kind_of("items.0.colour")


@pytest.mark.parametrize(
    ("path", "raw", "value"),
    [
        ("patient.age", "61", 61), ("patient.age", 61.0, 61), ("patient.sex", "F", "female"),
        ("items.0.decision", "Over", "overturned"), ("items.0.quantity", "12", 12),
        ("items.0.retrospective", "yes", True), ("injury.date", "10-13-16", "2016-10-13"),
        ("injury.date", "", None), ("reviewer.specialties", "A, B", ["A", "B"]),
        ("recipients.0.address", "1 Main St\nFresno", ["1 Main St", "Fresno"]),
    ],
)
def test_coerce(path, raw, value):
    assert coerce(path, raw) == value


@pytest.mark.parametrize(
    ("path", "raw"),
    [("patient.age", "sixty"), ("patient.age", True), ("items.0.quantity", 0), ("items.0.quantity", "-3"),
     ("injury.date", "2/30/2016"), ("patient.sex", "x"), ("items.0.decision", "maybe"), ("items.0.retrospective", "perhaps")],
)
def test_coerce_refuses(path, raw):
    with pytest.raises(FieldPathError, match=path.replace(".", r"\.")):
        coerce(path, raw)


def test_transitions():
    check_transition("to_review", "in_review")
    check_transition("exported", "in_review")
    with pytest.raises(TransitionError, match="unknown status"):
        check_transition("to_review", "done")
    with pytest.raises(TransitionError):
        check_transition("postponed", "exported")
