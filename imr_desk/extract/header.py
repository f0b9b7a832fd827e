"""The cover-page header of public letters: Case Number, Date Assigned, Date of Injury…"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from imr_desk.extract.collector import Collector
from imr_desk.domain.dates import DATE_PATTERN, Reference, iso, parse_date
from imr_desk.domain.letter import CASE_NUMBER

_D = rf"({DATE_PATTERN})"
_CASE_NUMBER = re.compile(rf"Case\s+(?:Number|No\.?)\s*:?\s*({CASE_NUMBER})\b", re.IGNORECASE)
_NAME_WORD = r"(?![A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2}[ \t]*:)(?-i:[A-Z])[A-Za-z.'-]*"  # a capitalized word, not a label's
_FIELD_PATTERNS = {
    "case_number": _CASE_NUMBER.pattern,
    # The earliest letters say it in a sentence: "A Notice of Assignment ... was provided to the above parties on 8/14/2013".
    # A colon may be missing where a table cell holds the label ("Date Assigned | 12/14/2016").
    "date_assigned": rf"(?:Date\s+Assigned\s*:?\s*|Notice\s+of\s+Assignment\s+and\s+Request\s+for\s+Information\s+was\s+"
    rf"(?:provided|sent|mailed)\s+to\s+the\s+above\s+parties\s+on\s+){_D}",
    "date_of_injury": rf"Date\s+of\s+Injury\s*:?\s*{_D}",
    "decision_date": rf"(?:Decision\s+Date\s*:?\s*|^[ \t]*Dated\s*:\s*){_D}",  # "Dated:" under the earliest letters' title
    "ur_denial_date": rf"UR\s+Denial\s+Date\s*:?\s*{_D}",
    "priority": r"Priority\s*(?::\s*|\s+(?=(?:Standard|Expedited|Regular|Urgent|Routine)\b))([A-Za-z]+)",
    "application_received": rf"(?:Application\s+)?Received\s*:?\s*{_D}",
    # Named only where the letter is not redacted; a value holds a digit, never the next label.
    "claim_number": r"Claims?\s+(?:Number|No\.?|#)\s*:?[ \t]*((?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{2,29})\b",
    "employee_name": rf"Employee(?:\s+Name)?\s*:[ \t]*({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})",
}
_OPTIONAL_KEYS = {"priority", "claim_number", "employee_name"}  # no warning when the header lacks them
_DATE_KEYS = {"date_assigned", "date_of_injury", "decision_date", "ur_denial_date", "application_received"}


@cache
def _fields() -> dict[str, re.Pattern[str]]:
    """The header's field patterns, compiled on first need: most letters have no cover header."""
    return {key: re.compile(pattern, re.IGNORECASE | re.MULTILINE) for key, pattern in _FIELD_PATTERNS.items()}


CASE_KEYS = tuple(_FIELD_PATTERNS)


def header_dates(text: str, start: int, end: int) -> list[date]:
    """The dates the header states, for reading two-digit years elsewhere."""
    out: list[date] = []
    if not _CASE_NUMBER.search(text, start, end):
        return out
    fields = _fields()
    for key in _DATE_KEYS:
        m = fields[key].search(text, start, end)
        if m:
            value = parse_date(m.group(1))
            if value:
                out.append(value)
    return out


def extract_header(text: str, start: int, end: int, out: Collector, reference: Reference) -> bool:
    """Fill ``case`` from the header; returns False (case stays null) when there is none."""
    if not _CASE_NUMBER.search(text, start, end):
        return False
    out.values["case"] = {key: None for key in CASE_KEYS}
    for key, pattern in _fields().items():
        m = pattern.search(text, start, end)
        if not m:
            if key not in _OPTIONAL_KEYS:
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
        elif key == "employee_name":
            out.put("case.employee_name", raw, m.span(1))
        else:
            out.put(f"case.{key}", raw.upper(), m.span(1))
    return True
