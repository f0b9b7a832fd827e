"""What every field path holds, and turning user input into a value of that kind."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from imr_desk.domain.dates import parse_date
from imr_desk.domain.errors import FieldPathError

DECISIONS = ("upheld", "overturned")
FINAL_DETERMINATIONS = ("upheld", "overturned", "partially overturned")
SEXES = ("male", "female")
RECIPIENT_ROLES = ("employee", "claims administrator", "requesting provider", "attorney", "employer", "other")

# Field path patterns (N = any index) and their kinds.
_KINDS: dict[str, str] = {
    "case.case_number": "text", "case.claim_number": "text", "case.employee_name": "text",
    "case.date_assigned": "date", "case.date_of_injury": "date", "case.decision_date": "date",
    "case.ur_denial_date": "date", "case.priority": "text", "case.application_received": "date",
    "reviewer.licensure_states": "text_list", "reviewer.licensure_states.N": "text",
    "reviewer.specialties": "text_list", "reviewer.specialties.N": "text",
    "patient.age": "age", "patient.sex": "sex",
    "injury.date": "date", "injury.end_date": "date",
    "ur_decision_date": "date",
    "clinical_case_summary": "text",
    "final_determination": "final",
    "letter.date": "date", "letter.mailed_on": "date",
    "items.N.request": "text", "items.N.request_heading": "text", "items.N.decision": "decision",
    "items.N.quantity": "quantity", "items.N.retrospective": "bool",
    "items.N.claims_administrator_guideline": "text", "items.N.maximus_guideline": "text",
    "items.N.rationale": "text", "items.N.original_request": "text", "items.N.authorized": "text",
    "recipients.N.role": "text", "recipients.N.name": "text", "recipients.N.address": "text_list",
}
ITEM_FIELDS = tuple(k.split(".", 2)[2] for k in _KINDS if k.startswith("items.N."))
RECIPIENT_FIELDS = ("role", "name", "address")
LIST_ROOTS = {"items": ITEM_FIELDS, "recipients": RECIPIENT_FIELDS}

_INDEX = re.compile(r"\.\d+(?=\.|$)")


def pattern_of(path: str) -> str:
    """``items.2.decision`` → ``items.N.decision``."""
    return _INDEX.sub(".N", path)


def kind_of(path: str) -> str:
    """The kind of value a path holds; FieldPathError for a path that names no field."""
    kind = _KINDS.get(pattern_of(path))
    if kind is None:
        raise FieldPathError(f"{path}: no such field")
    return kind


def is_known(path: str) -> bool:
    return pattern_of(path) in _KINDS


def coerce(path: str, value: Any) -> Any:
    """``value`` as the kind ``path`` holds (None clears a field); FieldPathError if it cannot be."""
    kind = kind_of(path)
    if value is None or (isinstance(value, str) and not value.strip() and kind != "text"):
        return None
    return _COERCERS[kind](path, value)


def _text(path: str, value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise FieldPathError(f"{path}: must be text")
    return str(value).strip()


def _text_list(path: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [part for part in re.split(r"\s*[\n;]\s*|\s*,\s*", value) if part]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise FieldPathError(f"{path}: must be a list of text")
    return [str(v).strip() for v in value if str(v).strip()]


def _whole_number(path: str, value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise FieldPathError(f"{path}: must be {what}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value):
        value = int(value)
    if not isinstance(value, int):
        raise FieldPathError(f"{path}: must be {what}")
    return value


def _age(path: str, value: Any) -> int:
    return _whole_number(path, value, "a whole number of years")


def _quantity(path: str, value: Any) -> int:
    number = _whole_number(path, value, "a positive whole number")
    if number <= 0:
        raise FieldPathError(f"{path}: must be a positive whole number")
    return number


def _date(path: str, value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise FieldPathError(f"{path}: must be a date")
    parsed = parse_date(value)
    if parsed is None:
        raise FieldPathError(f"{path}: {value!r} is not a real date")
    return parsed.isoformat()


def _choice(options: tuple[str, ...]):
    def coerce_choice(path: str, value: Any) -> str:
        text = str(value).strip().lower()
        matches = [o for o in options if o == text] or [o for o in options if o.startswith(text)]
        if len(matches) != 1:
            raise FieldPathError(f"{path}: must be one of {', '.join(options)}")
        return matches[0]

    return coerce_choice


def _bool(path: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "y", "1"}:
        return True
    if text in {"false", "no", "n", "0"}:
        return False
    raise FieldPathError(f"{path}: must be true or false")


_COERCERS = {
    "text": _text, "text_list": _text_list, "age": _age, "quantity": _quantity, "date": _date,
    "sex": _choice(SEXES), "decision": _choice(DECISIONS), "final": _choice(FINAL_DETERMINATIONS),
    "bool": _bool,
}


def blank_item() -> dict[str, Any]:
    """A new disputed item with every field present."""
    item: dict[str, Any] = {name: None for name in ITEM_FIELDS if name not in ("original_request", "authorized")}
    item["retrospective"] = False
    return item


def blank_recipient() -> dict[str, Any]:
    return {"role": None, "name": None, "address": []}
