"""The cover-page header of public letters: Case Number, Date Assigned, Date of Injury…

Found in three forms: each label with its value after it ("Date Assigned: 12/16/2016",
also in two columns or a table without colons), a label broken around its value by a
two-column layout ("Application  12/13/2016 / Received:"), and a table read column by
column, where a run of labels stands above their values in the same order.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from imr_desk.extract.collector import Collector
from imr_desk.domain.dates import DATE_PATTERN, RANGE_WORDS, Reference, iso, parse_date
from imr_desk.domain.letter import CASE_NUMBER, HEADER_LABELS

_D = rf"({DATE_PATTERN})"
_CASE_NUMBER = re.compile(rf"Case\s+(?:Number|No\.?)\s*:?\s*({CASE_NUMBER})\b", re.IGNORECASE)
_CASE_LABEL = re.compile(r"Case\s+(?:Number|No\.?)\s*:[ \t]*$", re.IGNORECASE | re.MULTILINE)
_NAME_WORD = r"(?![A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2}[ \t]*:)(?-i:[A-Z])[A-Za-z.'-]*"  # a capitalized word, not a label's
# A cumulative injury's range: "Date of Injury: CT 01/01/2000 - 01/01/2005".
_CUMULATIVE = r"(?:(?:CT|C/T|Cumulative(?:\s+Trauma)?)\s*:?\s*(?:from\s+)?)?"
_RANGE_JOIN = rf"\s*(?:{RANGE_WORDS})\s*"
_PRIORITIES = r"(?:Standard|Expedited|Regular|Urgent|Routine)\b"

# The labels, by key: what a table read column by column stacks above the values.
_LABELS = {key: "(?:" + "|".join(forms) + ")" for key, forms in HEADER_LABELS.items()}
_ANY_LABEL = "(?:" + "|".join(_LABELS.values()) + r")\b"  # where a value is missing, the next label
_FIELD_PATTERNS = {
    "case_number": _CASE_NUMBER.pattern,
    # The earliest letters say it in a sentence: "A Notice of Assignment ... was provided to the above parties on 8/14/2013".
    # A colon may be missing where a table cell holds the label ("Date Assigned | 12/14/2016").
    "date_assigned": rf"(?:Date\s+Assigned\s*:?\s*|Notice\s+of\s+Assignment\s+and\s+Request\s+for\s+Information\s+was\s+"
    rf"(?:provided|sent|mailed)\s+to\s+the\s+above\s+parties\s+on\s+){_D}",
    "date_of_injury": rf"Date\s+of\s+Injury\s*:?\s*{_CUMULATIVE}{_D}",
    "decision_date": rf"(?:Decision\s+Date\s*:?\s*|^[ \t]*Dated\s*:\s*){_D}",  # "Dated:" under the earliest letters' title
    # The earliest letters also say it in a sentence: "... filed on 8/7/2013 disputing the Utilization Review Denial dated 7/31/2013".
    "ur_denial_date": rf"UR\s+Denial\s+Date\s*:?\s*{_D}|disputing\s+the\s+Utilization\s+Review\s+"
    rf"(?:Denial|Decision|Determination|Modification)\s+dated\s+{_D}",
    "priority": rf"Priority\s*(?::\s*(?!{_ANY_LABEL})|\s+(?={_PRIORITIES}))([A-Za-z]+)\b(?!-)",
    # Two columns may wrap the label around its value: "Application   12/13/2016\n   Received:".
    "application_received": rf"(?:Application\s+)?Received\s*:?\s*{_D}|Application[ \t]+{_D}(?=\s+Received\s*:)"
    rf"|application\s+for\s+Independent\s+Medical\s+Review\s+was\s+(?:filed|received)\s+on\s+{_D}",
    # Named only where the letter is not redacted; a value holds a digit, never the next label.
    "claim_number": r"Claims?\s+(?:Number|No\.?|#)\s*:?[ \t]*((?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{2,29})\b",
    "employee_name": rf"Employee(?:\s+Name)?\s*:[ \t]*({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})",
}
_OPTIONAL_KEYS = {"priority", "claim_number", "employee_name"}  # no warning when the header lacks them
_DATE_KEYS = {"date_assigned", "date_of_injury", "decision_date", "ur_denial_date", "application_received"}

CASE_KEYS = tuple(_FIELD_PATTERNS)
_REQUIRED_KEYS = set(CASE_KEYS) - _OPTIONAL_KEYS

#: A header field as written: its raw value and that value's span.
RawField = tuple[str, tuple[int, int]]


@cache
def _field(key: str) -> re.Pattern[str]:
    """A header field's pattern, compiled on first need: most letters have no cover header."""
    return re.compile(_FIELD_PATTERNS[key], re.IGNORECASE | re.MULTILINE)


@cache
def _range_end() -> re.Pattern[str]:
    """The end of a cumulative injury's range, right after its first date: " - 02/27/2008"."""
    return re.compile(rf"{_RANGE_JOIN}({DATE_PATTERN})", re.IGNORECASE)


@cache
def _column_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a label alone on its line, one value of a column) for tables read column by column."""
    labels = "|".join(f"(?P<{key}>{label})" for key, label in _LABELS.items())
    label_line = re.compile(rf"^[ \t]*(?:{labels})[ \t]*:[ \t]*$", re.IGNORECASE | re.MULTILINE)
    value = re.compile(
        rf"{CASE_NUMBER}\b|{_CUMULATIVE}(?P<first>{DATE_PATTERN})(?:{_RANGE_JOIN}{DATE_PATTERN})?"
        rf"|(?!{_ANY_LABEL})[A-Za-z][A-Za-z'-]*\b",
        re.IGNORECASE,
    )
    return label_line, value


def read_header(text: str, start: int, end: int) -> dict[str, RawField] | None:
    """The raw header fields found between ``start`` and ``end``; None when there is no header."""
    by_label = _CASE_NUMBER.search(text, start, end) is not None
    if not by_label and _CASE_LABEL.search(text, start, end) is None:
        return None
    found: dict[str, RawField] = {}
    if by_label:
        for key in CASE_KEYS:
            m = _field(key).search(text, start, end)
            if m:
                group = m.lastindex or 1  # the one value group of the alternative that matched
                found[key] = (m.group(group), m.span(group))
    if not found.keys() >= _REQUIRED_KEYS:
        for key, field in _columns(text, start, end).items():
            found.setdefault(key, field)
    if "date_of_injury" in found:
        m = _range_end().match(text, found["date_of_injury"][1][1], end)
        if m:
            found[INJURY_END] = (m.group(1), m.span(1))
    return found if "case_number" in found else None


#: The key of a header's injury range end among ``read_header``'s fields (no key of ``case``).
INJURY_END = "date_of_injury_end"


def injury_end(header: dict[str, RawField] | None, reference: Reference) -> tuple[str, tuple[int, int]] | None:
    """The end of the header's cumulative injury range, as (ISO date, span); None when it states none."""
    raw = header.get(INJURY_END) if header else None
    value = parse_date(raw[0], reference) if raw else None
    return (iso(value), raw[1]) if value and raw else None


def _columns(text: str, start: int, end: int) -> dict[str, RawField]:
    """Fields of a table read column by column: labels alone on their lines, then as many
    values in the same order ("Case Number:\\nDate Assigned:\\n\\nCM16-0239569 12/16/2016")."""
    label_line, value = _column_patterns()
    found: dict[str, RawField] = {}
    run: list[str] = []
    pos = start
    for m in label_line.finditer(text, start, end):
        if run and text[pos : m.start()].strip():
            _pair(text, run, pos, m.start(), value, found)
            run = []
        assert m.lastgroup is not None
        run.append(m.lastgroup)
        pos = m.end()
    if run:
        _pair(text, run, pos, end, value, found)
    return found


_COLUMN_RUN = 2  # fewer labels in a row are the usual "label: value" form


def _pair(text: str, keys: list[str], pos: int, end: int, value: re.Pattern[str], found: dict[str, RawField]) -> None:
    """Give ``keys`` the values that follow ``pos``, one each, when there are that many in a row."""
    if len(keys) < _COLUMN_RUN:
        return
    values = []
    for _ in keys:
        while pos < end and text[pos].isspace():
            pos += 1
        m = value.match(text, pos, end)
        if m is None:
            return
        values.append(m)
        pos = m.end()
    for key, m in zip(keys, values):
        group = "first" if m.group("first") else 0  # a date, less a cumulative injury's "CT" and range end
        found[key] = (m.group(group), m.span(group))


def stated_ur_denial(text: str, start: int, end: int, reference: Reference) -> tuple[str, tuple[int, int]] | None:
    """The UR denial date that the text before the letter's sections states with no cover
    header (no case number) around it, as (ISO date, span); None when it states none."""
    if text.find("enial", start, end) < 0 and text.find("ENIAL", start, end) < 0:  # the cheap test first
        return None
    m = _field("ur_denial_date").search(text, start, end)
    if m is None:
        return None
    group = m.lastindex or 1  # the one value group of the alternative that matched
    value = parse_date(m.group(group), reference)
    return (iso(value), m.span(group)) if value else None


def header_dates(header: dict[str, RawField] | None) -> list[date]:
    """The dates the header states, for reading two-digit years elsewhere."""
    if not header:
        return []
    dates = (parse_date(header[key][0]) for key in _DATE_KEYS if key in header)
    return [value for value in dates if value]


def extract_header(header: dict[str, RawField] | None, out: Collector, reference: Reference) -> bool:
    """Fill ``case`` from the header's fields; returns False (case stays null) when there is none.

    A field the cover lacks is warned of where the cover gives dates; a case number alone
    above the letter ("IMR Case Number: CM15-0456789") is no cover that lacks them."""
    if header is None:
        return False
    out.values["case"] = {key: None for key in CASE_KEYS}
    cover = not _DATE_KEYS.isdisjoint(header)
    for key in CASE_KEYS:
        if key not in header:
            if cover and key not in _OPTIONAL_KEYS:
                out.warn(f"case.{key}", f"the header has no {key.replace('_', ' ')}")
            continue
        raw, span = header[key]
        if key in _DATE_KEYS:
            value = parse_date(raw, reference)
            if value is None:
                out.warn(f"case.{key}", f"{raw!r} is not a real date")
                continue
            out.put(f"case.{key}", iso(value), span)
        elif key == "priority":
            out.put("case.priority", raw.capitalize(), span)
        elif key == "employee_name":
            out.put("case.employee_name", raw, span)
        else:
            out.put(f"case.{key}", raw.upper(), span)
    return True
