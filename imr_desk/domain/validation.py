"""Validation rules: problems a reviewer must fix (errors) or should look at (warnings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from imr_desk.domain.errors import FieldPathError
from imr_desk.domain.fieldpaths import get_value
from imr_desk.domain.fields import DECISIONS, FINAL_DETERMINATIONS, SEXES

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    field: str | None
    severity: str  # "error" | "warning"
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "severity": self.severity, "message": self.message}

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


def expected_final_determination(items: list[dict[str, Any]]) -> str | None:
    """"upheld" when every item is upheld, "overturned" when every one is, else mixed."""
    decisions = [item.get("decision") for item in items]
    if not decisions or any(d not in DECISIONS for d in decisions):
        return None
    if all(d == "upheld" for d in decisions):
        return "upheld"
    if all(d == "overturned" for d in decisions):
        return "overturned"
    return "partially overturned"


def _iso(value: Any) -> date | None | bool:
    """The date an ISO string names; False when it names no real date."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return False


def validate(
    letter: dict[str, Any],
    extractor_warnings: list[dict[str, Any]] | None = None,
    extracted: dict[str, Any] | None = None,
) -> list[Problem]:
    """Every problem of a letter's current values, errors first.

    The extractor's warnings follow the rules' problems, less those on a field a rule has
    a problem with already ("no date of injury found" beside "no date of injury") and,
    given the ``extracted`` values, those on a field the reviewer has changed since: they
    were about the value that is gone."""
    out: list[Problem] = []

    def error(field: str | None, message: str) -> None:
        out.append(Problem(field, ERROR, message))

    def warning(field: str | None, message: str) -> None:
        out.append(Problem(field, WARNING, message))

    reviewer = letter.get("reviewer") or {}
    if not reviewer.get("licensure_states"):
        error("reviewer.licensure_states", "no licensure state")
    if not reviewer.get("specialties"):
        error("reviewer.specialties", "no specialty")

    patient = letter.get("patient") or {}
    age = patient.get("age")
    if age is None:
        error("patient.age", "no patient age")
    elif isinstance(age, bool) or not isinstance(age, int) or not 14 <= age <= 100:
        error("patient.age", "must be between 14 and 100")
    if patient.get("sex") is None:
        warning("patient.sex", "no patient sex")
    elif patient.get("sex") not in SEXES:
        error("patient.sex", "must be male or female")

    dates: dict[str, date | None] = {}
    for path, value in _date_fields(letter):
        parsed = _iso(value)
        if parsed is False:
            error(path, f"{value!r} is not a real date")
            parsed = None
        dates[path] = parsed  # type: ignore[assignment]
    injury, end = dates.get("injury.date"), dates.get("injury.end_date")
    if (letter.get("injury") or {}).get("date") is None:
        error("injury.date", "no date of injury")
    if injury and end and end < injury:
        error("injury.end_date", "the injury ends before it starts")
    ur = dates.get("ur_decision_date")
    if letter.get("ur_decision_date") is None:
        warning("ur_decision_date", "no Utilization Review decision date")
    elif ur and injury and ur < injury:
        error("ur_decision_date", "the UR decision is dated before the injury")

    items = letter.get("items") or []
    if not items:
        error("items", "no disputed items")
    for i, item in enumerate(items):
        if not (item.get("request") or "").strip():
            error(f"items.{i}.request", "no request")
        decision = item.get("decision")
        if decision is None:
            error(f"items.{i}.decision", "no decision")
        elif decision not in DECISIONS:
            error(f"items.{i}.decision", "must be upheld or overturned")
        quantity = item.get("quantity")
        if quantity is not None and (isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0):
            error(f"items.{i}.quantity", "must be a positive whole number")

    final = letter.get("final_determination")
    expected = expected_final_determination(items)
    if final is not None and final not in FINAL_DETERMINATIONS:
        error("final_determination", f"must be one of {', '.join(FINAL_DETERMINATIONS)}")
    elif final is not None and expected is not None and final != expected:
        error("final_determination", f"says {final} but the items make it {expected}")

    ruled = {p.field for p in out}
    for w in extractor_warnings or []:
        field = w.get("field")
        if field and (field in ruled or extracted is not None and _value(letter, field) != _value(extracted, field)):
            continue
        warning(field, w.get("message", ""))
    out.sort(key=lambda p: p.severity != ERROR)
    return out


def _value(letter: dict[str, Any], path: str) -> Any:
    try:
        return get_value(letter, path)
    except FieldPathError:  # an item since removed, or a path of no field
        return None


def _date_fields(letter: dict[str, Any]):
    yield "injury.date", (letter.get("injury") or {}).get("date")
    yield "injury.end_date", (letter.get("injury") or {}).get("end_date")
    yield "ur_decision_date", letter.get("ur_decision_date")
    for key in ("date_assigned", "date_of_injury", "decision_date", "ur_denial_date", "application_received"):
        yield f"case.{key}", (letter.get("case") or {}).get(key)
    for key in ("date", "mailed_on"):
        yield f"letter.{key}", (letter.get("letter") or {}).get(key)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]
