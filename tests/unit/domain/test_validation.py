"""Validation rules: each rule can fire, and a sound letter has no errors."""

from __future__ import annotations

import copy

import pytest

from imr_desk.domain.validation import errors, validate

GOOD = {
    "reviewer": {"licensure_states": ["California"], "specialties": ["Family Practice"]},
    "patient": {"age": 50, "sex": "female"},
    "injury": {"date": "2010-01-02", "end_date": None},
    "ur_decision_date": "2014-03-04",
    "items": [{"request": "Norco", "decision": "upheld", "quantity": 60}],
    "final_determination": "upheld",
}


def _with(path: str, value):
    letter = copy.deepcopy(GOOD)
    node = letter
    parts = path.split(".")
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    node[int(last) if last.isdigit() else last] = value
    return letter


def test_a_sound_letter_has_no_problems():
    assert validate(GOOD) == []


@pytest.mark.parametrize(
    ("path", "value", "field", "message"),
    [
        ("reviewer.licensure_states", [], "reviewer.licensure_states", "no licensure state"),
        ("reviewer.specialties", [], "reviewer.specialties", "no specialty"),
        ("patient.age", None, "patient.age", "no patient age"),
        ("patient.age", 13, "patient.age", "between 14 and 100"),
        ("patient.age", 101, "patient.age", "between 14 and 100"),
        ("injury.date", None, "injury.date", "no date of injury"),
        ("injury.date", "2010-02-30", "injury.date", "not a real date"),
        ("injury.end_date", "2009-01-01", "injury.end_date", "ends before it starts"),
        ("ur_decision_date", "2009-01-01", "ur_decision_date", "before the injury"),
        ("items", [], "items", "no disputed items"),
        ("items.0.request", " ", "items.0.request", "no request"),
        ("items.0.decision", None, "items.0.decision", "no decision"),
        ("items.0.quantity", 0, "items.0.quantity", "positive whole number"),
        ("items.0.quantity", 2.5, "items.0.quantity", "positive whole number"),
        ("final_determination", "overturned", "final_determination", "the items make it upheld"),
    ],
)
def test_each_error_rule(path, value, field, message):
    found = [p for p in errors(validate(_with(path, value))) if p.field == field]
    assert found and message in found[0].message


def test_warnings_are_not_errors():
    problems = validate(_with("patient.sex", None) | {"ur_decision_date": None}, [{"field": "x", "message": "odd"}])
    assert {(p.field, p.severity) for p in problems} == {
        ("patient.sex", "warning"), ("ur_decision_date", "warning"), ("x", "warning"),
    }
    assert errors(problems) == []


def test_an_extractor_warning_on_a_field_a_rule_has_a_problem_with_is_not_said_twice():
    problems = validate(_with("ur_decision_date", None), [
        {"field": "ur_decision_date", "message": "no Utilization Review decision date found"},
        {"field": "patient.sex", "message": "the summary names both sexes"},
    ])
    assert [(p.field, p.message) for p in problems] == [
        ("ur_decision_date", "no Utilization Review decision date"),
        ("patient.sex", "the summary names both sexes"),
    ]


def test_an_extractor_warning_goes_once_the_reviewer_changed_its_field():
    extracted = _with("injury.date", "2010-03-04")
    warnings = [
        {"field": "injury.date", "message": "the case summary says 2010-03-04 but the header says 2010-01-02"},
        {"field": "items.0.decision", "message": "decision taken from the rationale's conclusion"},
        {"field": "items.1.quantity", "message": "odd count"},
        {"field": None, "message": "the letter has no credentials section heading"},
    ]
    unchanged = validate(extracted, warnings, extracted)
    assert [p.field for p in unchanged] == ["injury.date", "items.0.decision", "items.1.quantity", None]
    corrected = _with("injury.date", "2010-01-02")
    assert [p.field for p in validate(corrected, warnings, extracted)] == ["items.0.decision", "items.1.quantity", None]
