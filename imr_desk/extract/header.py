"""The cover-page header of public letters: Case Number, Date Assigned, Date of Injury…"""

from __future__ import annotations

import re
from datetime import date

from imr_desk.extract.collector import Collector
from imr_desk.domain.dates import DATE_PATTERN, Reference, iso, parse_date

_D = rf"({DATE_PATTERN})"
_FIELDS = {
    "case_number": re.compile(r"Case\s+(?:Number|No\.?)\s*:?\s*([A-Z]{2}\d{2}-\d{5,8})\b", re.IGNORECASE),
    "date_assigned": re.compile(rf"Date\s+Assigned\s*:\s*{_D}", re.IGNORECASE),
    "date_of_injury": re.compile(rf"Date\s+of\s+Injury\s*:\s*{_D}", re.IGNORECASE),
    "decision_date": re.compile(rf"Decision\s+Date\s*:\s*{_D}", re.IGNORECASE),
    "ur_denial_date": re.compile(rf"UR\s+Denial\s+Date\s*:\s*{_D}", re.IGNORECASE),
    "priority": re.compile(r"Priority\s*:\s*([A-Za-z]+)", re.IGNORECASE),
    "application_received": re.compile(rf"(?:Application\s+)?Received\s*:\s*{_D}", re.IGNORECASE),
}
_DATE_KEYS = {"date_assigned", "date_of_injury", "decision_date", "ur_denial_date", "application_received"}
CASE_KEYS = tuple(_FIELDS)


def header_dates(text: str, start: int, end: int) -> list[date]:
    """The dates the header states, for reading two-digit years elsewhere."""
    out: list[date] = []
    if not _FIELDS["case_number"].search(text, start, end):
        return out
    for key in _DATE_KEYS:
        m = _FIELDS[key].search(text, start, end)
        if m:
            value = parse_date(m.group(1))
            if value:
                out.append(value)
    return out


def extract_header(text: str, start: int, end: int, out: Collector, reference: Reference) -> bool:
    """Fill ``case`` from the header; returns False (case stays null) when there is none."""
    if not _FIELDS["case_number"].search(text, start, end):
        return False
    out.values["case"] = {key: None for key in CASE_KEYS}
    for key, pattern in _FIELDS.items():
        m = pattern.search(text, start, end)
        if not m:
            if key != "priority":
                out.warn(f"case.{key}", f"the header has no {key.replace('_', ' ')}")
            continue
        raw = m.group(1)
        if key in _DATE_KEYS:
            value = parse_date(raw, reference)
            if value is None:
                out.warn(f"case.{key}", f"{raw!r} is not a real date")
                continue
            out.put(f"case.{key}", iso(value), m.span(1))
        elif key == "priority":
            out.put("case.priority", raw.capitalize(), m.span(1))
        else:
            out.put(f"case.{key}", raw.upper(), m.span(1))
    return True
