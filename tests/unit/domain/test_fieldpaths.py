"""Field paths: the one address of every field."""

from __future__ import annotations

import pytest

from imr_desk.domain.errors import FieldPathError
from imr_desk.domain.fieldpaths import get_value, join_path, set_value, split_path


def test_split_and_join():
    assert split_path("items.2.decision") == ["items", 2, "decision"]
    assert join_path("items", 2, "decision") == "items.2.decision"


@pytest.mark.parametrize("bad", ["", ".a", "a.", "a..b"])
def test_malformed_paths(bad):
    with pytest.raises(FieldPathError):
        split_path(bad)


def test_get_and_set():
    letter = {"patient": {"age": 50}, "items": [{"decision": "upheld"}]}
    assert get_value(letter, "items.0.decision") == "upheld"
    set_value(letter, "patient.age", 61)
    set_value(letter, "items.0.decision", "overturned")
    set_value(letter, "case.claim_number", "A1")
    assert letter["patient"]["age"] == 61 and letter["items"][0]["decision"] == "overturned"
    assert letter["case"] == {"claim_number": "A1"}


@pytest.mark.parametrize("path", ["patient.weight.kg", "items.3.decision", "items.x"])
def test_paths_that_lead_nowhere(path):
    letter = {"patient": {"age": 50}, "items": [{"decision": "upheld"}]}
    with pytest.raises(FieldPathError):
        get_value(letter, path)
