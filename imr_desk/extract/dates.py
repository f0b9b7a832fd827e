"""Dates as letters write them: 10/13/2016, 10-13-16, 8/6/79, October 20, 2016, Oct. 20, 2016."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

DATE_PATTERN = (
    r"(?:"
    r"(?<![\d/.-])\d{1,2}\s?[/-]\s?\d{1,2}\s?[/-]\s?(?:\d{4}|\d{2})(?![\d/]|-\d)"  # 10/13/2016, 10-13-16
    rf"|\b{_MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"  # October 20, 2016
    rf"|\b\d{{1,2}}\s+{_MONTH_NAME}\.?,?\s+\d{{4}}\b"  # 20 October 2016
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2016-10-20
    r")"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)

_NUMERIC = re.compile(r"(\d{1,2})\s?[/-]\s?(\d{1,2})\s?[/-]\s?(\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_FIRST = re.compile(rf"({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"(\d{{1,2}})\s+({_MONTH_NAME})\.?,?\s+(\d{{4}})", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    value: date | None  # None when the text looks like a date but is not a real one
    start: int
    end: int
    two_digit_year: bool = False


def resolve_year(two_digits: int, month: int, day: int, reference: date) -> int:
    """The most recent year ending in ``two_digits`` whose date is not after ``reference``."""
    year = reference.year - (reference.year - two_digits) % 100
    try:
        if date(year, month, day) > reference:
            year -= 100
    except ValueError:
        pass
    return year


def parse_date(text: str, reference: date | None = None) -> date | None:
    """Parse one date; two-digit years resolve against ``reference`` (today by default)."""
    found = _parse(text.strip(), reference or date.today())
    return found[0] if found else None


def _parse(text: str, reference: date) -> tuple[date | None, bool] | None:
    """(date or None if impossible, was the year two digits) or None when not a date."""
    m = _NUMERIC.fullmatch(text)
    if m:
        month, day, year_text = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(year_text) == 3:
            return None
        two = len(year_text) == 2
        year = resolve_year(int(year_text), month, day, reference) if two else int(year_text)
        return _make(year, month, day), two
    m = _ISO.fullmatch(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
    m = _MONTH_FIRST.fullmatch(text)
    if m:
        return _make(int(m.group(3)), _month(m.group(1)), int(m.group(2))), False
    m = _DAY_FIRST.fullmatch(text)
    if m:
        return _make(int(m.group(3)), _month(m.group(2)), int(m.group(1))), False
    return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None, reference: date | None = None) -> list[FoundDate]:
    """Every date in ``text[start:end]``, with offsets into ``text``."""
    ref = reference or date.today()
    out: list[FoundDate] = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        parsed = _parse(m.group(0), ref)
        if parsed is not None:
            out.append(FoundDate(parsed[0], m.start(), m.end(), parsed[1]))
    return out


def reference_date(text: str, header_dates: list[date]) -> date:
    """The letter's own latest date: two-digit years are read as not later than it."""
    if header_dates:
        return max(header_dates)
    far = date(2100, 1, 1)
    four_digit = [d.value for d in find_dates(text, reference=far) if d.value and not d.two_digit_year]
    plausible = [d for d in four_digit if date(1950, 1, 1) <= d <= date.today()]
    return max(plausible) if plausible else date.today()


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
