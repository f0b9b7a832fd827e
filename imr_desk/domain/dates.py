"""Dates as letters write them: 10/13/2016, 10-13-16, 8/6/79, 10.13.2016, October 20, 2016, Oct. 20, 2016."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

#: A date, or a function computing it only when a two-digit year needs it.
Reference = date | Callable[[], date]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# The cheap first character tests ("\d", a month's initial) keep scans fast.
DATE_PATTERN = (
    r"(?:"
    r"(?<![\d/.])(?:(?<!-)|(?<=/\d\d-)|(?<=/\d{4}-))"  # after a dash only where a slashed date ends: "1/1/2005-1/1/2012"
    r"\d{1,2}\s?[/-]\s?\d{1,2}\s?[/-]\s?(?:\d{4}|\d{2})(?![\d/]|-(?!\d{1,2}/\d{1,2}/\d)\d)"  # 10/13/2016, 10-13-16
    r"|(?<![\d/.-])\d{1,2}\.\d{1,2}\.\d{4}(?![\d/]|\.\d)"  # 10.13.2016 (a four-digit year: "4.5.12" may be a list number)
    rf"|\b(?=[JFMASONDjfmasond])(?i:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"  # October 20, 2016
    rf"|\b\d{{1,2}}\s+(?=[JFMASONDjfmasond])(?i:{_MONTH_NAME})\.?,?\s+\d{{4}}\b"  # 20 October 2016
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2016-10-20
    r")"
)
#: What stands between the two dates of a range: "8/6/79- 2/27/08", "3/1/1998 to 9/15/2011".
RANGE_WORDS = r"-|to|through|thru|until"

_NUMERIC = re.compile(r"(\d{1,2})\s?[/-]\s?(\d{1,2})\s?[/-]\s?(\d{2,4})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
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


def parse_date(text: str, reference: Reference | None = None) -> date | None:
    """Parse one date; two-digit years resolve against ``reference`` (today by default)."""
    found = _parse(text.strip(), reference or date.today())
    return found[0] if found else None


def _parse(text: str, reference: Reference) -> tuple[date | None, bool] | None:
    """(date or None if impossible, was the year two digits) or None when not a date."""
    m = _NUMERIC.fullmatch(text)
    if m:
        month, day, year_text = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(year_text) == 3:
            return None
        two = len(year_text) == 2
        if two:
            ref = reference() if callable(reference) else reference
            year = resolve_year(int(year_text), month, day, ref)
        else:
            year = int(year_text)
        return _make(year, month, day), two
    m = _DOTTED.fullmatch(text)
    if m:
        return _make(int(m.group(3)), int(m.group(1)), int(m.group(2))), False
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


# Fast scans: each starts with a literal or a character class, so the regex engine skips ahead quickly.
_NUMERIC_SEPARATORS = (  # one literal-first scan per separator beats one over a class
    re.compile(r"/(?=\s?\d{1,2}\s?[/-]\s?\d{2})"),
    re.compile(r"-(?=\s?\d{1,2}\s?[/-]\s?\d{2})"),
    re.compile(r"\.(?=\d{1,2}\.\d{4})"),
)
# A month's name (its first three letters, capitalized or in capitals), then a number: "15 October, 2016" too.
# A class first, so the scan skips ahead fast; the rest of the name possessively: most capitals fail at once.
_MONTH_INITIAL = re.compile(
    r"[JFMASOND](?:an|eb|a[ry]|pr|u[nl]|ug|ep|ct|ov|ec|AN|EB|A[RY]|PR|U[NL]|UG|EP|CT|OV|EC)[A-Za-z]{0,6}+\.?,?\s+\d"
)
_DATE_AT = re.compile(DATE_PATTERN)


def starts_with_date(text: str) -> bool:
    """Does ``text`` open with a date ("06/30/2014): Upheld")?"""
    return text[:1].isdigit() and _DATE_AT.match(text) is not None


def find_dates(text: str, start: int = 0, end: int | None = None, reference: Reference | None = None) -> list[FoundDate]:
    """Every date in ``text[start:end]``, with offsets into ``text``."""
    ref = reference or date.today()
    found = (_found_at(text, s_, e_, ref) for s_, e_ in _date_spans(text, start, len(text) if end is None else end))
    return [d for d in found if d is not None]


def _found_at(text: str, start: int, end: int, reference: Reference) -> FoundDate | None:
    parsed = _parse(text[start:end], reference)
    return None if parsed is None else FoundDate(parsed[0], start, end, parsed[1])


def _date_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of everything shaped like a date, in order, never overlapping."""
    spans: dict[int, int] = {}
    for separator in _NUMERIC_SEPARATORS:
        for m in separator.finditer(text, start, stop):
            at = _number_before(text, m.start(), start)  # "10/13/2016", "8/6/79", "2016-10-20"
            found = _DATE_AT.match(text, at, stop) if at >= 0 else None
            if found and found.end() > m.start():
                spans.setdefault(found.start(), found.end())
    for m in _MONTH_INITIAL.finditer(text, start, stop):
        at = m.start()
        found = _DATE_AT.match(text, at, stop)  # "October 20, 2016"
        if found is None and at - 2 >= start and text[at - 1].isspace() and text[at - 2].isdigit():
            found = _DATE_AT.match(text, at - 3, stop) if at - 3 >= start else None  # "20 October 2016"
            found = found or _DATE_AT.match(text, at - 2, stop)  # "5 October 2016"
        if found:
            spans.setdefault(found.start(), found.end())
    out: list[tuple[int, int]] = []
    last_end = -1
    for s_, e_ in sorted(spans.items()):
        if s_ >= last_end:
            out.append((s_, e_))
            last_end = e_
    return out


def _number_before(text: str, at: int, floor: int) -> int:
    """Where the number of one, two or four digits just before a date separator starts
    (a space may stand between); -1 when there is no such number."""
    end = at - 1 if at > floor and text[at - 1].isspace() else at
    first = end
    while first > floor and end - first < 5 and text[first - 1].isdigit():
        first -= 1
    return first if end - first in (1, 2, 4) else -1


_FAR = date(2100, 1, 1)


class DatesIn:
    """The dates of one stretch of text, found once and then looked up by window.

    A two-digit year resolves against ``reference`` only when a window holding it is
    asked for, so the reference may itself be worked out from ``four_digit()``.
    """

    def __init__(self, text: str, start: int = 0, end: int | None = None, reference: Reference | None = None) -> None:
        self._text = text
        self._spans = _date_spans(text, start, len(text) if end is None else end)
        self._starts = [s_ for s_, _ in self._spans]
        self._reference = reference or date.today()
        self._found: dict[int, FoundDate | None] = {}

    def four_digit(self) -> list[date]:
        """The real dates written with a four-digit year."""
        out = []
        for s_, e_ in self._spans:
            parsed = _parse(self._text[s_:e_], _FAR)
            if parsed is not None and parsed[0] is not None and not parsed[1]:
                out.append(parsed[0])
        return out

    def between(self, start: int, end: int) -> list[FoundDate]:
        """The dates lying wholly inside ``text[start:end]``."""
        out = []
        for index in range(bisect.bisect_left(self._starts, start), len(self._spans)):
            s_, e_ = self._spans[index]
            if e_ > end:
                break
            if index not in self._found:
                self._found[index] = _found_at(self._text, s_, e_, self._reference)
            found = self._found[index]
            if found is not None:
                out.append(found)
        return out


def latest_plausible(header_dates: list[date], written: list[date]) -> date:
    """The letter's own latest date: two-digit years are read as not later than it.

    The header's dates when there is a header, else the latest plausible date written
    with a four-digit year (``DatesIn.four_digit`` of the case summary, where a letter's
    dates are), but never before Independent Medical Review began: a summary whose only
    full date is an old injury still reads "2/3/15" as 2015.
    """
    if header_dates:
        return max(header_dates)
    plausible = [d for d in written if date(1950, 1, 1) <= d <= date.today()]
    return max(*plausible, IMR_BEGAN) if plausible else date.today()


#: No IMR letter is older than the program (it reviews disputes from 2013 on).
IMR_BEGAN = date(2013, 1, 1)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
