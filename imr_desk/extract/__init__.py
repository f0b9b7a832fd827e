"""Turn a letter's normalized text into fields, each with the span of text it came from.

Pure Python, no I/O: ``extract(document)`` returns an ``Extraction`` whose ``values``
follow the letter JSON shape and whose ``spans`` are keyed by field path.
"""

from __future__ import annotations

import re
from typing import Any

from imr_desk.domain.document import Document
from imr_desk.domain.extraction import Extraction
from imr_desk.domain.validation import expected_final_determination
from imr_desk.extract.collector import Collector
from imr_desk.domain.dates import DatesIn, latest_plausible
from imr_desk.domain.lazy import once
from imr_desk.extract.header import extract_header, header_dates, injury_end, read_header, stated_ur_denial
from imr_desk.extract.injury import extract_injury, extract_ur_date
from imr_desk.extract.items import extract_items
from imr_desk.extract.patient import extract_patient
from imr_desk.extract.reviewer import extract_reviewer
from imr_desk.extract.scan import lowered
from imr_desk.extract.sections import find_sections, squash

__all__ = ["extract", "extract_text"]


def extract(document: Document) -> Extraction:
    """Extract every field of a read letter."""
    result = extract_text(document.text)
    result.values["source"] = {
        "path": document.source_path,
        "sha256": document.sha256,
        "format": document.format,
        "encoding": document.encoding,
    }
    return result


def extract_text(text: str) -> Extraction:
    """Extract every field from normalized letter text."""
    values: dict[str, Any] = {
        "source": None,
        "text": text,
        "case": None,
        "reviewer": {"licensure_states": [], "specialties": []},
        "patient": {"age": None, "sex": None},
        "injury": {"date": None, "end_date": None},
        "ur_decision_date": None,
        "clinical_case_summary": None,
        "final_determination": None,
        "items": [],
    }
    out = Collector(values)
    sections = find_sections(text)
    for name, label in (("how", "credentials"), ("summary", "clinical case summary"), ("issues", "decisions")):
        if name not in sections.found:
            out.warn(None, f"the letter has no {label} section heading")

    header = read_header(text, *sections.header)
    stated = header_dates(header)
    reference = once(lambda: latest_plausible(stated, summary_dates.four_digit()))
    summary_dates = DatesIn(text, *sections.summary, reference=reference)
    has_header = extract_header(header, out, reference)
    case = values["case"] if has_header else None

    extract_reviewer(text, *sections.credentials, out)
    summary_start, summary_end = sections.summary
    summary = squash(text[summary_start:summary_end])
    out.put("clinical_case_summary", summary or None, sections.summary if summary else None)
    if not summary:
        out.warn("clinical_case_summary", "no clinical case summary found")
    summary_low = lowered(text[summary_start:summary_end])
    extract_patient(text, summary_start, summary_end, summary_low, out)
    extract_injury(
        text, summary_start, summary_end, summary_low, out, summary_dates,
        case and case.get("date_of_injury"), injury_end(header, reference) if case else None,
    )
    if case:
        stated_ur = (case["ur_denial_date"], out.spans.get("case.ur_denial_date")) if case.get("ur_denial_date") else None
    else:  # no cover header, but perhaps the opening sentence: "... disputing the Utilization Review Denial dated 7/31/2013"
        stated_ur = stated_ur_denial(text, *sections.header, reference)
    extract_ur_date(text, summary_start, summary_end, summary_low, out, summary_dates, stated_ur, values["injury"]["date"])
    extract_items(text, *sections.issues, out, sections.decisions)
    values["final_determination"] = expected_final_determination(values["items"])
    if values["items"] and values["final_determination"] is None:
        out.warn("final_determination", "cannot be worked out: an item has no decision")
    _check_stated_determination(text, *sections.header, out)
    return out.result()


# The earliest letters state the outcome on their first page: "Final Determination: OVERTURN IN PART".
_STATED_OUTCOME = re.compile(r"Final\s+Determination\s*:\s*(UPHOLD|OVERTURN(?:\s+IN\s+PART)?)\b", re.IGNORECASE)
_OUTCOMES = {"uphold": "upheld", "overturn": "overturned", "overturn in part": "partially overturned"}


def _check_stated_determination(text: str, start: int, end: int, out: Collector) -> None:
    """Warn where the outcome the letter states differs from the one its items give."""
    stated = _STATED_OUTCOME.search(text, start, end) if text.find("etermination", start, end) >= 0 else None
    if stated is None:
        return
    outcome = _OUTCOMES[" ".join(stated.group(1).lower().split())]
    found = out.values["final_determination"]
    if found is not None and found != outcome:
        out.warn("final_determination", f"the letter states {outcome!r} but its items give {found!r}")
