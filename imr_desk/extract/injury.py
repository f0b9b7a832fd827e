"""Date of injury (with cumulative-trauma ranges) and the Utilization Review decision date."""

from __future__ import annotations

import re
from datetime import date

from imr_desk.extract.collector import Collector
from imr_desk.domain.dates import DATE_PATTERN, FoundDate, Reference, find_dates, iso
from imr_desk.extract.scan import keyword_hits, lowered, sentence_end, sentence_start, word_start

_RANGE = re.compile(
    rf"(?P<a>{DATE_PATTERN})\s*(?:-|to|through|thru|until)\s*(?P<b>{DATE_PATTERN})", re.IGNORECASE
)
# Cue words, lower case and literal-first (see extract.scan).
_INJURY_CUES = tuple(
    re.compile(p)
    for p in (
        r"date\s+of\s+(?:the\s+)?(?:industrial\s+)?injury", r"doi\b", r"injur(?:y|ies)\b", r"injured\b(?!\s+worker)",
        r"occupational\s+claim", r"cumulative", r"continuous\s+trauma", r"ct\b", r"fell\b", r"slipped\b", r"hurt\b",
    )
)
_CUMULATIVE = re.compile(r"cumulative|continuous\s+trauma|repetitive|\bCT\b", re.IGNORECASE)
_UR_CUES = tuple(
    re.compile(p)
    for p in (
        r"utilization\s+review", r"ur\b", r"prior\s+(?:determination|review|decision)",
        r"previous\s+(?:determination|review|decision)", r"original\s+(?:determination|review|decision)",
        r"non-?certifi", r"peer\s+review(?:er)?\s+(?:denied|modified)",
    )
)


def extract_injury(text: str, start: int, end: int, out: Collector, reference: Reference, header_doi: str | None) -> None:
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


def _injury_from_summary(text: str, start: int, end: int, reference: Reference) -> tuple[FoundDate, FoundDate | None] | None:
    low = lowered(text)
    for cue_start, cue_end in keyword_hits(low, _INJURY_CUES, start, end):
        if not word_start(low, cue_start):
            continue
        stop = sentence_end(text, cue_end, end)
        window_start = max(start, cue_start - 40)
        for m in _RANGE.finditer(text, window_start, stop):
            context = text[max(start, cue_start - 120) : stop]
            if _CUMULATIVE.search(context) or m.start() >= cue_start:
                a = find_dates(text, m.start("a"), m.end("a"), reference)
                b = find_dates(text, m.start("b"), m.end("b"), reference)
                if a and b and a[0].value and b[0].value:
                    return a[0], b[0]
        dates = [d for d in find_dates(text, cue_end, stop, reference) if d.value]
        if dates and dates[0].start - cue_end < 60:
            return dates[0], None
    return None


def extract_ur_date(
    text: str, start: int, end: int, out: Collector, reference: Reference, header_ur: str | None, injury: str | None
) -> None:
    """Fill ``ur_decision_date``: the header's UR Denial Date, else the summary's UR sentence."""
    if header_ur:
        out.put("ur_decision_date", header_ur, out.spans.get("case.ur_denial_date"))
        return
    best: tuple[int, FoundDate] | None = None
    low = lowered(text)
    for cue_start, cue_end in keyword_hits(low, _UR_CUES, start, end):
        if not word_start(low, cue_start):
            continue
        s_start = sentence_start(text, cue_start, start)
        s_end = sentence_end(text, cue_end, end)
        for found in find_dates(text, s_start, s_end, reference):
            if found.value is None or (injury and iso(found.value) < injury):
                continue
            after = found.start >= cue_end
            distance = max(found.start - cue_end if after else cue_start - found.end, 0) + (15 if after else 0)
            if best is None or distance < best[0]:
                best = (distance, found)
    if best is None:
        out.put("ur_decision_date", None)
        out.warn("ur_decision_date", "no Utilization Review decision date found")
        return
    found = best[1]
    out.put("ur_decision_date", iso(found.value), (found.start, found.end))


