"""Date of injury (with cumulative-trauma ranges) and the Utilization Review decision date."""

from __future__ import annotations

import re
from datetime import date

from imr_desk.extract.collector import Collector
from imr_desk.extract.dates import DATE_PATTERN, FoundDate, find_dates, iso

_RANGE = re.compile(
    rf"(?P<a>{DATE_PATTERN})\s*(?:-|to|through|thru|until)\s*(?P<b>{DATE_PATTERN})", re.IGNORECASE
)
_INJURY_CUE = re.compile(
    r"date\s+of\s+(?:the\s+)?(?:industrial\s+)?injury|\bDOI\b|\binjur(?:y|ies)\b|\binjured\b(?!\s+worker)|occupational\s+claim"
    r"|cumulative|continuous\s+trauma|\bCT\b|\bfell\b|\bslipped\b|\bhurt\b",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(r"cumulative|continuous\s+trauma|repetitive|\bCT\b", re.IGNORECASE)
_UR_CUE = re.compile(
    r"utilization\s+review|\bUR\b|\b(?:prior|previous|original)\s+(?:determination|review|decision)"
    r"|non-?certifi|noncertifi|peer\s+review(?:er)?\s+(?:denied|modified)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bDr)(?<!\bvs)\.(?=\s+[A-Z(\"]|\s*$)|\n")


def extract_injury(text: str, start: int, end: int, out: Collector, reference: date, header_doi: str | None) -> None:
    """Fill ``injury.date`` and ``injury.end_date`` from the case summary."""
    found = _injury_from_summary(text, start, end, reference)
    if found is None:
        if header_doi:
            out.put("injury.date", header_doi, out.spans.get("case.date_of_injury"))
        else:
            out.warn("injury.date", "no date of injury found")
        out.put("injury.end_date", None)
        return
    first, last = found
    if header_doi and iso(first.value) != header_doi and not (last and iso(last.value) == header_doi):
        out.warn(
            "injury.date",
            f"the case summary says {iso(first.value)} but the header says {header_doi}; the header is used",
        )
        out.put("injury.date", header_doi, out.spans.get("case.date_of_injury"))
        out.put("injury.end_date", None)
        return
    out.put("injury.date", iso(first.value), (first.start, first.end))
    out.put("injury.end_date", iso(last.value) if last else None, (last.start, last.end) if last else None)
    if last and last.value and first.value and last.value < first.value:
        out.warn("injury.end_date", "the injury range ends before it starts")


def _injury_from_summary(text: str, start: int, end: int, reference: date) -> tuple[FoundDate, FoundDate | None] | None:
    for cue in _INJURY_CUE.finditer(text, start, end):
        stop = min(end, _sentence_stop(text, cue.end(), end))
        window_start = max(start, cue.start() - 40)
        for m in _RANGE.finditer(text, window_start, stop):
            context = text[max(start, cue.start() - 120) : stop]
            if _CUMULATIVE.search(context) or m.start() >= cue.start():
                a = find_dates(text, m.start("a"), m.end("a"), reference)
                b = find_dates(text, m.start("b"), m.end("b"), reference)
                if a and b and a[0].value and b[0].value:
                    return a[0], b[0]
        dates = [d for d in find_dates(text, cue.end(), stop, reference) if d.value]
        if dates and dates[0].start - cue.end() < 60:
            return dates[0], None
    return None


def extract_ur_date(
    text: str, start: int, end: int, out: Collector, reference: date, header_ur: str | None, injury: str | None
) -> None:
    """Fill ``ur_decision_date``: the header's UR Denial Date, else the summary's UR sentence."""
    if header_ur:
        out.put("ur_decision_date", header_ur, out.spans.get("case.ur_denial_date"))
        return
    best: tuple[int, FoundDate] | None = None
    for cue in _UR_CUE.finditer(text, start, end):
        s_start = _sentence_start(text, cue.start(), start)
        s_end = _sentence_stop(text, cue.end(), end)
        for found in find_dates(text, s_start, s_end, reference):
            if found.value is None or (injury and iso(found.value) < injury) or found.value > reference:
                continue
            distance = found.start - cue.end() if found.start >= cue.end() else cue.start() - found.end
            distance = max(distance, 0) + (15 if found.start >= cue.end() else 0)
            if best is None or distance < best[0]:
                best = (distance, found)
    if best is None:
        out.put("ur_decision_date", None)
        out.warn("ur_decision_date", "no Utilization Review decision date found")
        return
    found = best[1]
    out.put("ur_decision_date", iso(found.value), (found.start, found.end))


def _sentence_stop(text: str, pos: int, limit: int) -> int:
    m = _SENTENCE_END.search(text, pos, limit)
    return m.start() if m else limit


def _sentence_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor:
        if text[i - 1] == "\n" or (text[i - 1] == " " and i >= 2 and text[i - 2] == "." and not text[i - 3 : i - 2].isupper()):
            return i
        i -= 1
    return floor
