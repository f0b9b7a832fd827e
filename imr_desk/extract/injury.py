"""Date of injury (with cumulative-trauma ranges) and the Utilization Review decision date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from imr_desk.extract.collector import Collector
from imr_desk.domain.dates import RANGE_WORDS, DatesIn, FoundDate, iso
from imr_desk.extract.scan import cues, cues_in_order, sentence_end, sentence_start

# The two dates of a range stand around a range word, or "and" after "between" ("between 3/1/2010 and 3/1/2011").
_RANGE_JOIN = re.compile(rf"\s*(?:{RANGE_WORDS}|(?P<and>and))\s*", re.IGNORECASE)
_CT = re.compile(r"CT\b")
_UR = re.compile(r"UR\b")
# Cue words, lower case and literal-first (see extract.scan).
_INJURY_CUES = tuple(
    re.compile(p)
    for p in (
        r"date\s+of\s+(?:the\s+)?(?:industrial\s+)?injury", r"doi\b", r"d\.o\.i\.", r"injur(?:y|ies)\b", r"injured\b(?!\s+worker)",
        r"occupational\s+claim", r"cumulative", r"continuous\s+trauma", r"fell\b", r"slipped\b", r"hurt\b",
        # "an accident at work", "a work-related accident", "an industrial incident" ("accident" alone may be a car's)
        *(rf"{word}(?:\s+(?:at|while)\s+work|(?<=industrial\s{word})|(?<=work\s{word})|(?<=work-related\s{word}))"
          for word in ("accident", "incident")),
    )
)
# Cues that tell of the event itself, dated before or after.
_EVENTS = ("injured", "fell", "slipped", "hurt", "accident", "incident")
_CUMULATIVE = re.compile(r"cumulative|continuous\s+trauma|repetitive|\bCT\b", re.IGNORECASE)
_UR_CUES = tuple(
    re.compile(p)
    for p in (
        r"utilization\s+review", r"prior\s+(?:determination|review|decision)",
        r"previous\s+(?:determination|review|decision)", r"original\s+(?:determination|review|decision)",
        r"non-?certifi", r"peer\s+review(?:er)?\s+(?:denied|modified)",
    )
)
# Where no cue above dates the review: the claims administrator's own decision, which is the
# review ("On 10/10/2013, the claims administrator denied a request for Norco").
_ADMINISTRATOR = (re.compile(r"claims\s+administrator"),)
# What tells of an adverse decision in a sentence about a review (noun or verb), lower case.
_ADVERSE = (
    "deni", "non-certifi", "noncertifi", "modifi", "partial", "failed to approve", "did not approve", "did not certify",
    "not approved", "not certified", "not recommended", "not authorized", "reject", "adverse",
)


def _tells_of_adverse(sentence: str) -> bool:
    return any(word in sentence for word in _ADVERSE)


# The last resort: a denial the summary tells of without naming who decided ("On 10/10/2013
# the request was denied"), in a sentence about a request or a review, not a symptom denied.
_DENIALS = tuple(
    re.compile(p)
    for p in (
        r"deni(?:ed|al)\b", r"modified\b", r"not\s+(?:certified|approved)", r"partially\s+(?:certified|approved)",
        r"adverse\s+determination",
    )
)
_ABOUT_A_REQUEST = re.compile(r"request|authoriz|review|determination|carrier|insurer|adjuster|decision|letter|denial")


def _about_a_request(sentence: str) -> bool:
    return _ABOUT_A_REQUEST.search(sentence) is not None


# A date that dates the request itself ("the request for authorization dated 9/1/2013") or the
# application for IMR that disputes the review ("The IMR application dated 6/20/2015 disputes …").
_REQUEST_DATED = re.compile(
    r"(?:request(?:\s+for\s+authorization)?|rfa|application(?:\s+for\s+(?:independent\s+medical\s+review|imr))?)\s+dated\s*$"
)


def extract_injury(
    text: str, start: int, end: int, low: str, out: Collector, dates: DatesIn, header_doi: str | None,
    header_end: tuple[str, tuple[int, int]] | None = None,
) -> None:
    """Fill ``injury.date`` and ``injury.end_date`` from the case summary ``text[start:end]``
    (``low``: its lower-case copy); the header's date of injury (and the end of its range,
    ``header_end``: ISO date and span) wins where the summary disagrees or says nothing."""
    found = _injury_from_summary(text, start, end, low, dates)
    if found is None:
        if header_doi:
            _put_header_injury(out, header_doi, header_end)
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
        _put_header_injury(out, header_doi, header_end)
        return
    out.put("injury.date", iso(first.value), (first.start, first.end))
    if last is None and header_doi and header_end:
        out.put("injury.end_date", *header_end)
    else:
        out.put("injury.end_date", iso(last.value) if last else None, (last.start, last.end) if last else None)
    if last and last.value and first.value and last.value < first.value:
        out.warn("injury.end_date", "the injury range ends before it starts")


def _put_header_injury(out: Collector, header_doi: str, header_end: tuple[str, tuple[int, int]] | None) -> None:
    out.put("injury.date", header_doi, out.spans.get("case.date_of_injury"))
    out.put("injury.end_date", *(header_end or (None,)))


def _injury_from_summary(
    text: str, start: int, end: int, low: str, dates: DatesIn
) -> tuple[FoundDate, FoundDate | None] | None:
    event_before: FoundDate | None = None  # "On 4/5/2012 he was injured": used when no cue has a date after it
    for cue_start, cue_end in cues_in_order(text, low, _INJURY_CUES, _CT, start, end, offset=start):
        stop = sentence_end(text, cue_end, end)
        window = [d for d in dates.between(max(start, cue_start - 40), stop) if d.value]
        for first, last in zip(window, window[1:]):
            join = _RANGE_JOIN.fullmatch(text, first.end, last.start)
            if join and (first.start >= cue_start or _CUMULATIVE.search(text, max(start, cue_start - 120), stop)):
                if not join["and"] or low[max(0, first.start - start - 9) : first.start - start].rstrip().endswith("between"):
                    return first, last
        after = [d for d in window if d.start >= cue_end]
        if after and after[0].start - cue_end < 60:
            return after[0], None
        if event_before is None and low.startswith(_EVENTS, cue_start - start):
            before = [d for d in dates.between(sentence_start(text, cue_start, start), cue_start) if d.value]
            if before and cue_start - before[-1].end < 80:
                event_before = before[-1]
    return (event_before, None) if event_before else None


def extract_ur_date(
    text: str, start: int, end: int, low: str, out: Collector, dates: DatesIn,
    stated: tuple[str, tuple[int, int] | None] | None, injury: str | None,
) -> None:
    """Fill ``ur_decision_date``: the date the letter states ahead of its sections (the
    header's UR Denial Date; ``stated``: ISO date and span), else the sentence of the case
    summary ``text[start:end]`` (``low``: its lower-case copy) that names the UR decision."""
    if stated:
        out.put("ur_decision_date", *stated)
        return
    best = _closest_to_cue(text, low, start, end, dates, injury, cues(text, low, _UR_CUES, _UR, start, end, offset=start))
    if best is None:
        administrator = cues(text, low, _ADMINISTRATOR, None, start, end, offset=start)
        best = _closest_to_cue(text, low, start, end, dates, injury, administrator, must_say=_tells_of_adverse)
    if best is None:
        denials = cues(text, low, _DENIALS, None, start, end, offset=start)
        best = _closest_to_cue(text, low, start, end, dates, injury, denials, must_say=_about_a_request)
        if best is not None:
            out.warn("ur_decision_date", "date taken from a denial the summary tells of; no sentence names the Utilization Review")
    if best is None:
        out.put("ur_decision_date", None)
        out.warn("ur_decision_date", "no Utilization Review decision date found")
        return
    value, found = best
    out.put("ur_decision_date", iso(value), (found.start, found.end))


def _closest_to_cue(
    text: str, low: str, start: int, end: int, dates: DatesIn, injury: str | None, hits: list[tuple[int, int]],
    must_say: Callable[[str], bool] | None = None,
) -> tuple[date, FoundDate] | None:
    """The date nearest a cue in the cue's sentence (one after it counts a little farther,
    unless the cue gives it: "denied on 10/8/2015");
    with ``must_say``, only in sentences (lower case) it says yes to. Without it,
    a sentence that tells of no adverse decision counts only where no other does ("A prior UR
    on 2/2/2014 certified Norco. The current UR dated 11/12/2014 modified it.")."""
    best: tuple[int, date, FoundDate] | None = None
    for cue_start, cue_end in hits:
        s_start = sentence_start(text, cue_start, start)
        s_end = sentence_end(text, cue_end, end)
        if must_say is not None and not must_say(low[s_start - start : s_end - start]):
            continue
        found_dates = dates.between(s_start, s_end)
        if not found_dates:
            continue
        plain = must_say is None and len(hits) > 1 and not _tells_of_adverse(low[s_start - start : s_end - start])
        penalty = 1000 if plain else 0
        for found in found_dates:
            value = _not_before(found, injury)
            if value is None or _request_dated(low, found.start - start, s_start - start):
                continue
            after = found.start >= cue_end
            distance = max(found.start - cue_end if after else cue_start - found.end, 0) + penalty
            if after and not _CUE_GIVES_DATE.fullmatch(low, cue_end - start, found.start - start):
                distance += 15
            if best is None or distance < best[0]:
                best = (distance, value, found)
    return None if best is None else best[1:]


# What may stand between a cue and the date it is given: "denied on 10/8/2015", "UR dated …", "UR of …".
_CUE_GIVES_DATE = re.compile(r",?\s*(?:(?:on|dated|of)\s*)?")


def _request_dated(low: str, at: int, floor: int) -> bool:
    """Does the date at ``at`` (in the lower-case copy) date a request ("the request dated ...")?"""
    return low[max(floor, at - 7) : at].rstrip().endswith("dated") and bool(_REQUEST_DATED.search(low, max(floor, at - 40), at))


def _not_before(found: FoundDate, injury: str | None) -> date | None:
    """The date, unless it lies before the injury (no review precedes it). A two-digit year
    read as before the injury is read a century later, when that is not in the future."""
    value = found.value
    if value is None or not injury or iso(value) >= injury:
        return value
    if found.two_digit_year:
        later = _century_later(value)
        if later is not None and iso(later) >= injury and later <= date.today():
            return later
    return None


def _century_later(value: date) -> date | None:
    try:
        return value.replace(year=value.year + 100)
    except ValueError:  # 29 February
        return None


